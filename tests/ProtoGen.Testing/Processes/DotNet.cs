using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ProtoGen.Testing.Processes;

/// <summary>
/// Runs the <c>dotnet</c> CLI as a user would, the same way for every test and the bench: no MSBuild variables
/// inherited from <c>dotnet test</c> (a child build must find its own SDK), nothing left running (no node reuse, no
/// MSBuild server), no telemetry or first-run text, English messages whatever the machine's language (log regexes
/// expect English), a timeout after which the whole process tree is killed, and extra variables per call.
/// </summary>
public static class DotNet
{
    /// <summary>
    /// The longest a build may take before it is killed: a bound for a hang, not a measure. The heaviest build of the
    /// tests, the package tests' Release pack of every <c>src</c> project from scratch, took 160 s at a load of 15 on
    /// 2 cores; a build only ever runs this long when something hangs.
    /// </summary>
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// What every <c>dotnet</c> process gets. <c>DOTNET_CLI_UI_LANGUAGE</c> sets the CLI's and MSBuild's language
    /// (whatever <c>LANG</c> says); <c>VSLANG</c> (1033, en-US) and <c>PreferredUILang</c> do the same for the MSBuild
    /// nodes and the compiler (<c>/preferreduilang</c>) when something starts them without the CLI.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string?>> PinnedEnvironment { get; } =
    [
        new("MSBUILDDISABLENODEREUSE", "1"),
        new("DOTNET_CLI_USE_MSBUILD_SERVER", "0"),
        new("DOTNET_CLI_TELEMETRY_OPTOUT", "1"),
        new("DOTNET_NOLOGO", "1"),
        new("DOTNET_SKIP_FIRST_TIME_EXPERIENCE", "1"),
        new("DOTNET_CLI_UI_LANGUAGE", "en"),
        new("VSLANG", "1033"),
        new("PreferredUILang", "en"),
    ];

    /// <summary>
    /// The environment changes for a <c>dotnet</c> process: every inherited variable whose name starts with
    /// <c>MSBUILD</c> (any case) removed, then <see cref="PinnedEnvironment"/>, then <paramref name="extra"/>.
    /// </summary>
    /// <param name="inheritedNames">The names of the variables the child would inherit.</param>
    /// <param name="extra">The call's own variables (<c>PROTOBUF_PROTOC</c>, ...); they win. A <see langword="null"/> value removes one.</param>
    /// <returns>The changes, in order.</returns>
    public static IReadOnlyList<KeyValuePair<string, string?>> Environment(IEnumerable<string> inheritedNames, IEnumerable<KeyValuePair<string, string?>>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(inheritedNames);
        return
        [
            .. inheritedNames
                .Where(name => name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase))
                .Select(name => new KeyValuePair<string, string?>(name, null)),
            .. PinnedEnvironment,
            .. extra ?? [],
        ];
    }

    /// <summary><c>dotnet <paramref name="arguments"/></c> in <paramref name="workingDirectory"/>, in the environment above.</summary>
    /// <param name="workingDirectory">Where it runs.</param>
    /// <param name="arguments">The CLI's arguments, e.g. <c>build</c>, a project, options.</param>
    /// <param name="environment">Extra variables for this call; a <see langword="null"/> value removes one.</param>
    /// <returns>The spec, to start or to extend.</returns>
    public static ProcessSpec Command(string workingDirectory, IEnumerable<string> arguments, IEnumerable<KeyValuePair<string, string?>>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        IEnumerable<string> inherited = System.Environment.GetEnvironmentVariables().Keys.Cast<string>();
        return new ProcessSpec("dotnet", [.. arguments])
        {
            WorkingDirectory = workingDirectory,
            Environment = Environment(inherited, environment),
        };
    }

    /// <summary>Starts <c>dotnet</c>; the handle can be awaited, interrupted (SIGINT) or killed.</summary>
    /// <param name="workingDirectory">Where it runs.</param>
    /// <param name="arguments">The CLI's arguments.</param>
    /// <param name="environment">Extra variables for this call.</param>
    /// <returns>The running process.</returns>
    public static ChildProcess Start(string workingDirectory, IEnumerable<string> arguments, IEnumerable<KeyValuePair<string, string?>>? environment = null) =>
        ChildProcess.Start(Command(workingDirectory, arguments, environment));

    /// <summary>Runs <c>dotnet</c> to its end; kills its process tree after <paramref name="timeout"/>.</summary>
    /// <param name="workingDirectory">Where it runs.</param>
    /// <param name="timeout">The longest it may run (<see cref="BuildTimeout"/> for a build).</param>
    /// <param name="arguments">The CLI's arguments.</param>
    /// <returns>Its result.</returns>
    public static ProcessResult Run(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        ChildProcess.Run(Command(workingDirectory, arguments), timeout);

    /// <summary>Runs <c>dotnet</c> to its end with extra variables; kills its process tree after <paramref name="timeout"/> or on cancellation.</summary>
    /// <param name="workingDirectory">Where it runs.</param>
    /// <param name="timeout">The longest it may run.</param>
    /// <param name="arguments">The CLI's arguments.</param>
    /// <param name="environment">Extra variables for this call.</param>
    /// <param name="cancellationToken">Kills the process tree and cancels the wait.</param>
    /// <returns>Its result.</returns>
    public static Task<ProcessResult> RunAsync(
        string workingDirectory,
        TimeSpan timeout,
        IEnumerable<string> arguments,
        IEnumerable<KeyValuePair<string, string?>>? environment = null,
        CancellationToken cancellationToken = default) =>
        ChildProcess.RunAsync(Command(workingDirectory, arguments, environment), timeout, cancellationToken);
}
