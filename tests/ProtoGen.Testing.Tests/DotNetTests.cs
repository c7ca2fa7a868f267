using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ProtoGen.Testing.Infrastructure;
using ProtoGen.Testing.Processes;
using Xunit;

namespace ProtoGen.Testing.Tests;

/// <summary>
/// The shared <c>dotnet</c> runner: the environment it gives every build, English whatever the language, and a
/// build that SIGINT cancels promptly. Runs <c>dotnet msbuild</c> on SDK-less projects (no restore: seconds each).
/// Alone with the other tests that change the process environment.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class DotNetTests : IDisposable
{
    private const string Inherited = "MSBUILDPROTOGENINHERITED";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Environment_removes_inherited_MSBuild_variables_pins_the_rest_and_lets_the_call_add_its_own()
    {
        IReadOnlyList<KeyValuePair<string, string?>> changes = DotNet.Environment(
            ["PATH", "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "msbuildsdkspath", "DOTNET_ROOT"],
            [new("PROTOBUF_PROTOC", "/opt/protoc"), new("MSBUILDDEBUGPATH", "/tmp/debug"), new("DOTNET_ROOT", null)]);

        Dictionary<string, string?> environment = Apply(
            new Dictionary<string, string?>
            {
                ["PATH"] = "/usr/bin",
                ["MSBuildExtensionsPath"] = "/sdk/",
                ["MSBUILD_EXE_PATH"] = "/sdk/MSBuild.dll",
                ["msbuildsdkspath"] = "/sdk/Sdks",
                ["DOTNET_ROOT"] = "/dotnet",
            },
            changes);

        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["PATH"] = "/usr/bin",
                ["MSBUILDDISABLENODEREUSE"] = "1",
                ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
                ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
                ["DOTNET_CLI_UI_LANGUAGE"] = "en",
                ["VSLANG"] = "1033",
                ["PreferredUILang"] = "en",
                ["PROTOBUF_PROTOC"] = "/opt/protoc",
                ["MSBUILDDEBUGPATH"] = "/tmp/debug",
            }.OrderBy(p => p.Key, StringComparer.Ordinal),
            environment.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_build_sees_the_pinned_environment_and_the_calls_variables_but_no_inherited_MSBuild_variable()
    {
        temp.Write("probe.proj", """
            <Project>
              <Target Name="Build">
                <Message Importance="high" Text="inherited=[$([System.Environment]::GetEnvironmentVariable('MSBUILDPROTOGENINHERITED'))]" />
                <Message Importance="high" Text="node reuse=[$(MSBUILDDISABLENODEREUSE)] ui=[$(DOTNET_CLI_UI_LANGUAGE)] vslang=[$(VSLANG)] protoc=[$(PROTOBUF_PROTOC)]" />
              </Target>
            </Project>
            """);
        Environment.SetEnvironmentVariable(Inherited, "from the test host");
        ProcessResult result;
        try
        {
            result = (await DotNet.RunAsync(temp.Path, Timeout, ["msbuild", "probe.proj", "-nologo", "-v:m"], [new("PROTOBUF_PROTOC", "/opt/protoc")])).AssertSucceeded();
        }
        finally
        {
            Environment.SetEnvironmentVariable(Inherited, null);
        }

        Assert.Contains("inherited=[]", result.Output, StringComparison.Ordinal);
        Assert.Contains("node reuse=[1] ui=[en] vslang=[1033] protoc=[/opt/protoc]", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_are_English_whatever_the_language_of_the_machine()
    {
        temp.Write("empty.proj", "<Project><Target Name=\"Build\" /></Project>");

        // Without the pin, MSBuild would say: Das Ziel "Nope" ist im Projekt nicht vorhanden.
        ProcessResult result = await DotNet.RunAsync(
            temp.Path,
            Timeout,
            ["msbuild", "empty.proj", "-t:Nope", "-nologo"],
            [new("LANG", "de_DE.UTF-8"), new("LC_ALL", "de_DE.UTF-8"), new("LANGUAGE", "de")]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error MSB4057: The target \"Nope\" does not exist in the project.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interrupt_cancels_a_running_build_promptly_and_stops_its_tools()
    {
        // A build whose only work is a long-running tool, as protoc would be; the shell prints its id, then becomes sleep.
        temp.Write("wait.proj", """
            <Project>
              <Target Name="Build">
                <Exec Command="echo &quot;tool $$&quot;; exec sleep 300" />
              </Target>
            </Project>
            """);
        using ChildProcess build = DotNet.Start(temp.Path, ["msbuild", "wait.proj", "-nologo", "-v:n"]);
        Match tool = await build.WaitForOutputAsync(new Regex(@"tool (?<pid>\d+)"), Timeout);

        build.Interrupt();
        ProcessResult result = await build.WaitForExitAsync(Timeout);

        Assert.False(result.TimedOut, result.Output);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Attempting to cancel the build...", result.Output, StringComparison.Ordinal);
        Assert.True(result.Duration < TimeSpan.FromSeconds(90), $"the build took {result.Duration} to end");
        TestSupport.AssertProcessEnds(int.Parse(tool.Groups["pid"].Value, CultureInfo.InvariantCulture));
    }

    private static Dictionary<string, string?> Apply(Dictionary<string, string?> environment, IEnumerable<KeyValuePair<string, string?>> changes)
    {
        foreach ((string name, string? value) in changes)
        {
            if (value is null)
            {
                environment.Remove(name);
            }
            else
            {
                environment[name] = value;
            }
        }

        return environment;
    }
}
