using System;
using System.Threading.Tasks;
using ProtoGen.Testing.Infrastructure;
using Xunit;

namespace ProtoGen.Testing.Tests;

public sealed class ScrubberTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task AddScrubber_edits_the_text_after_line_endings_are_normalized()
    {
        var received = await Received("a\r\nb", task => task.AddScrubber(text => text.Replace("\n", "|")));

        Assert.Equal("a|b", received);
    }

    [Fact]
    public async Task Scrubbers_run_in_the_order_added()
    {
        var received = await Received("x", task => task
            .AddScrubber(text => text.Append('1'))
            .AddScrubber(text => text.Replace("x1", "first"))
            .AddScrubber(text => text.Append('2')));

        Assert.Equal("first2", received);
    }

    [Fact]
    public async Task ScrubLinesContaining_removes_lines_with_any_fragment_ordinally()
    {
        var received = await Received(
            "keep\n// Generated at 12:00\nalso keep\nBuild id 7\nGENERATED AT is case-sensitive\n",
            task => task.ScrubLinesContaining("Generated at", "Build id"));

        Assert.Equal("keep\nalso keep\nGENERATED AT is case-sensitive", received);
    }

    [Fact]
    public async Task ScrubLinesWithReplace_replaces_lines_and_null_removes_them()
    {
        var received = await Received(
            "one\ntwo\nthree",
            task => task.ScrubLinesWithReplace(line => line switch
            {
                "two" => null,
                "three" => "THREE",
                _ => line,
            }));

        Assert.Equal("one\nTHREE", received);
    }

    [Fact]
    public async Task ScrubPath_replaces_both_separators_with_and_without_trailing_separator()
    {
        var received = await Received(
            string.Join('\n',
                "/work/repo/src/a.proto",
                @"C:\work\repo\src\a.proto",
                "cd /work/repo",
                "/work/repo/",
                "\"/work/repo\".",
                "/work/repository/a.proto",
                "/work/repo.old/a.proto"),
            task => task.ScrubPath("/work/repo/", "{ProjectDirectory}"));

        Assert.Equal(
            string.Join('\n',
                "{ProjectDirectory}/src/a.proto",
                @"C:{ProjectDirectory}\src\a.proto",
                "cd {ProjectDirectory}",
                "{ProjectDirectory}/",
                "\"{ProjectDirectory}\".",
                "/work/repository/a.proto",
                "/work/repo.old/a.proto"),
            received);
    }

    [Fact]
    public async Task ScrubPath_accepts_a_windows_path()
    {
        var received = await Received(
            @"C:\repo\obj\Greeter.cs and C:/repo/obj/Greeter.cs",
            task => task.ScrubPath(@"C:\repo\obj\", "{Obj}"));

        Assert.Equal(@"{Obj}\Greeter.cs and {Obj}/Greeter.cs", received);
    }

    [Fact]
    public async Task ScrubVersions_replaces_versions_in_paths_and_after_version_only()
    {
        var received = await Received(
            string.Join('\n',
                "/root/.nuget/packages/grpc.tools/2.85.0/tools/linux_x64/protoc",
                @"C:\Program Files\dotnet\sdk\10.0.401\MSBuild.dll",
                "packages/google.protobuf/3.36.2-preview1",
                "Google.Protobuf, Version=3.36.2.0, Culture=neutral",
                "<PackageReference Include=\"Grpc.Tools\" Version=\"2.85.0\" />",
                "protoc version 3.36.2-rc.1.",
                "Upgrade 2.85.0 to 2.86.0 for net10.0.",
                "/a/1.2.3.4.5/b",
                "/a/1.2.3x/b"),
            task => task.ScrubVersions());

        Assert.Equal(
            string.Join('\n',
                "/root/.nuget/packages/grpc.tools/{version}/tools/linux_x64/protoc",
                @"C:\Program Files\dotnet\sdk\{version}\MSBuild.dll",
                "packages/google.protobuf/{version}",
                "Google.Protobuf, Version={version}, Culture=neutral",
                "<PackageReference Include=\"Grpc.Tools\" Version=\"{version}\" />",
                "protoc version {version}.",
                "Upgrade 2.85.0 to 2.86.0 for net10.0.",
                "/a/1.2.3.4.5/b",
                "/a/1.2.3x/b"),
            received);
    }

    private async Task<string> Received(string target, Func<SettingsTask, SettingsTask> configure) =>
        await TestSupport.Received(configure(Verifier.Verify(target).UseDirectory(temp.Path).WithoutEnvironment()));
}
