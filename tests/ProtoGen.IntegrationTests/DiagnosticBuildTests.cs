using System;
using System.IO;
using System.Linq;
using ProtoGen.IntegrationTests.Infrastructure;
using Xunit;

namespace ProtoGen.IntegrationTests;

/// <summary>Bad input fails the build with a coded error at the file and line it is about; one test per code.</summary>
public sealed class DiagnosticBuildTests
{
    [Fact]
    public void PGB1001_syntax_error_points_at_the_original_file_and_a_fixed_build_works()
    {
        using TestProject project = new TestProject("pgb1001")
            .CopyProtos("fixtures/bad", "protos")
            .WithProject("""<Protobuf Include="protos/syntax_error.proto" ProtoRoot="protos" ImportPrefix="acme/bad" />""");

        BuildResult failed = project.Build();

        string error = AssertSingleError(failed, "PGB1001");
        Assert.Contains(Path.Combine(project.Directory, "protos", "syntax_error.proto") + "(7,1)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("protogen/stage", error, StringComparison.Ordinal);
        Assert.Empty(failed.ProtocCommands); // Grpc.Tools never ran: nothing half-written.
        Assert.False(File.Exists(Path.Combine(project.IntermediateDirectory, "acme/bad/SyntaxError.cs")));

        project.Write("protos/syntax_error.proto", project.Read("protos/syntax_error.proto").Replace("int32 id = 1\n", "int32 id = 1;\n", StringComparison.Ordinal));
        BuildResult fixedBuild = project.Build();

        Assert.True(fixedBuild.Succeeded, fixedBuild.Output);
        Assert.Contains("namespace Acme.Bad {", File.ReadAllText(Path.Combine(project.IntermediateDirectory, "acme/bad/SyntaxError.cs")), StringComparison.Ordinal);
    }

    [Fact]
    public void PGB1002_missing_import_names_the_logical_path_at_the_import_line()
    {
        using TestProject project = new TestProject("pgb1002")
            .CopyProtos("fixtures/bad", "protos")
            .WithProject("""<Protobuf Include="protos/missing_import.proto" ProtoRoot="protos" ImportPrefix="acme/bad" />""");

        string error = AssertSingleError(project.Build(), "PGB1002");

        Assert.Contains(Path.Combine(project.Directory, "protos", "missing_import.proto") + "(5,1)", error, StringComparison.Ordinal);
        Assert.Contains("'acme/nowhere/v1/gone.proto'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void PGB1003_import_prefix_protoc_would_reject_points_at_the_project_line()
    {
        using TestProject project = CustomPathProject("pgb1003", """<Protobuf Include="protos/route_guide.proto" ProtoRoot="protos" ImportPrefix="../outside" />""");

        string error = AssertSingleError(project.Build(), "PGB1003");

        Assert.Contains(project.ProjectFile + "(" + LineOf(project, "ImportPrefix=\"../outside\"") + ",", error, StringComparison.Ordinal);
        Assert.Contains("'..'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void PGB1004_namespace_that_is_not_a_csharp_namespace()
    {
        using TestProject project = CustomPathProject("pgb1004", """<Protobuf Include="protos/route_guide.proto" ProtoRoot="protos" CSharpNamespace="Contoso.class.V1" />""");

        string error = AssertSingleError(project.Build(), "PGB1004");

        Assert.Contains(project.ProjectFile + "(" + LineOf(project, "CSharpNamespace=") + ",", error, StringComparison.Ordinal);
        Assert.Contains("'class' is a C# keyword", error, StringComparison.Ordinal);
    }

    [Fact]
    public void PGB1005_two_rules_for_one_prefix()
    {
        using TestProject project = CustomPathProject("pgb1005", """
            <Protobuf Include="protos/route_guide.proto" ProtoRoot="protos" ImportPrefix="acme/routes" />
            <ProtoNamespace Include="acme/routes" Namespace="Contoso.Routes" />
            <ProtoNamespace Include="acme/routes/" Namespace="Fabrikam.Routes" />
            """);

        string error = AssertSingleError(project.Build(), "PGB1005");

        Assert.Contains(project.ProjectFile + "(" + LineOf(project, "Include=\"acme/routes/\"") + ",", error, StringComparison.Ordinal);
    }

    [Fact]
    public void PGB1006_two_files_with_one_logical_path()
    {
        using TestProject project = new TestProject("pgb1006")
            .CopyProtos("fixtures/custom_path", "team-a")
            .CopyProtos("fixtures/custom_path", "team-b")
            .WithProject("""
                <Protobuf Include="team-a/route_guide.proto" ProtoRoot="team-a" ImportPrefix="acme/routes" />
                <Protobuf Include="team-b/route_guide.proto" ProtoRoot="team-b" ImportPrefix="acme/routes" />
                """);

        string error = AssertSingleError(project.Build(), "PGB1006");

        Assert.Contains(Path.Combine(project.Directory, "team-b", "route_guide.proto") + "(1,1)", error, StringComparison.Ordinal);
        Assert.Contains("'acme/routes/route_guide.proto'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void PGB1007_one_root_under_two_prefixes()
    {
        using TestProject project = CustomPathProject("pgb1007", """
            <Protobuf Include="protos/route_guide.proto" ProtoRoot="protos" ImportPrefix="acme/routes" />
            <Protobuf Include="protos/route_summary.proto" ProtoRoot="protos" ImportPrefix="acme/summaries" />
            """);

        string error = AssertSingleError(project.Build(), "PGB1007");

        Assert.Contains(project.ProjectFile + "(" + LineOf(project, "ImportPrefix=\"acme/summaries\"") + ",", error, StringComparison.Ordinal);
    }

    [Fact]
    public void PGB1008_mapped_file_outside_its_root()
    {
        using TestProject project = CustomPathProject("pgb1008", """<Protobuf Include="protos/route_guide.proto" ProtoRoot="elsewhere" ImportPrefix="acme/routes" />""");

        string error = AssertSingleError(project.Build(), "PGB1008");

        Assert.Contains(project.ProjectFile + "(" + LineOf(project, "Include=\"protos/route_guide.proto\"") + ",", error, StringComparison.Ordinal);
    }

    private static TestProject CustomPathProject(string name, string items) =>
        new TestProject(name).CopyProtos("fixtures/custom_path", "protos").WithProject(items);

    private static int LineOf(TestProject project, string text) =>
        Array.FindIndex(File.ReadAllLines(project.ProjectFile), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    private static string AssertSingleError(BuildResult result, string code)
    {
        Assert.False(result.Succeeded, result.Output);
        string[] errors = result.Diagnostics.Where(d => d.Contains(": error ", StringComparison.Ordinal)).ToArray();
        Assert.True(errors.Length == 1, "Expected exactly one error, got:\n" + string.Join("\n", errors) + "\n" + result.Output);
        Assert.Contains(": error " + code + ":", errors[0], StringComparison.Ordinal);
        return errors[0];
    }
}
