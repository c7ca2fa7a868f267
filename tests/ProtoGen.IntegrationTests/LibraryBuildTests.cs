using System.IO;
using System.Linq;
using ProtoGen.IntegrationTests.Infrastructure;
using ProtoGen.Testing.Infrastructure;
using Xunit;

namespace ProtoGen.IntegrationTests;

/// <summary>
/// Proto libraries through real <c>dotnet build</c> runs: an app references a team library that references a common
/// library; each project compiles its own protos once, and imports its references' protos by logical path, with the
/// namespace the reference gave them.
/// </summary>
public sealed class LibraryBuildTests
{
    private const string Money = """
        syntax = "proto3";
        package acme.common.v1;

        message Money {
          string currency = 1;
          int64 units = 2;
        }
        """;

    private const string Ledger = """
        syntax = "proto3";
        package acme.payments.v1;

        import "acme/common/v1/money.proto";

        message Entry {
          string id = 1;
          acme.common.v1.Money amount = 2;
        }
        """;

    private const string Report = """
        syntax = "proto3";
        package acme.app.v1;

        import "acme/common/v1/money.proto";
        import "acme/payments/v1/ledger.proto";

        message Report {
          acme.payments.v1.Entry entry = 1;
          acme.common.v1.Money total = 2;
        }
        """;

    private const string Program = """
        var report = new Acme.App.V1.Report
        {
            Entry = new Acme.Payments.V1.Entry { Id = "e1", Amount = new Contoso.Shared.V1.Money { Currency = "EUR", Units = 5 } },
            Total = new Contoso.Shared.V1.Money { Currency = "EUR", Units = 5 },
        };
        System.Console.WriteLine(report.Total.GetType().FullName + " " + report.Entry.Amount.GetType().Assembly.GetName().Name + " " + report);
        """;

    [Fact]
    public void App_imports_a_transitive_library_proto_by_logical_path_with_the_library_namespace_compiled_once()
    {
        using TestProject project = Libraries("libraries-transitive");

        BuildResult build = project.Build();

        Assert.True(build.Succeeded, build.Output);
        Assert.Empty(build.Diagnostics);
        // Each proto is compiled by its own project only.
        Assert.Equal(["acme/common/v1/money.proto", "acme/payments/v1/ledger.proto", "acme/app/v1/report.proto"], build.BatchCompiled);
        Assert.False(File.Exists(Path.Combine(project.IntermediateDirectory, "acme", "common", "v1", "Money.cs")));
        Assert.False(File.Exists(Path.Combine(project.Directory, "Payments", "obj", "Debug", "net10.0", "acme", "common", "v1", "Money.cs")));

        BuildResult run = project.Run();
        Assert.True(run.Succeeded, run.Output);
        Assert.StartsWith("Contoso.Shared.V1.Money Common { \"entry\": { \"id\": \"e1\"", run.Output.Trim(), System.StringComparison.Ordinal);

        // Nothing changed: no protoc in any project.
        BuildResult noOp = project.Build();
        Assert.True(noOp.Succeeded, noOp.Output);
        Assert.Empty(noOp.BatchCompiled);

        // An edit of the team library's proto recompiles it and its importer in the app, not the common library.
        project.Write("Payments/protos/acme/payments/v1/ledger.proto", Ledger.Replace("string id = 1;", "string id = 1;\n  string memo = 3;", System.StringComparison.Ordinal));
        BuildResult edit = project.Build();
        Assert.True(edit.Succeeded, edit.Output);
        Assert.Equal(["acme/payments/v1/ledger.proto", "acme/app/v1/report.proto"], edit.BatchCompiled);
    }

    [Fact]
    public void Library_namespace_rule_added_then_removed_recompiles_the_importers_in_the_app_each_time()
    {
        using TestProject project = Libraries("libraries-namespace-change");
        BuildResult first = project.Build();
        Assert.True(first.Succeeded, first.Output);

        // The library gives its protos a namespace: the app's report.proto, which no file it read changed, must refer to it.
        const string PaymentsItems = """<Protobuf Include="protos/acme/payments/v1/ledger.proto" ProtoRoot="protos" GrpcServices="None" />""";
        project.Write("Payments/Payments.csproj", LibraryProject("../Common/Common.csproj", PaymentsItems + """
            <ProtoNamespace Include="acme/payments" Namespace="Contoso.Payments" />
            """))
            .Write("Program.cs", Program.Replace("new Acme.Payments.V1.Entry", "new Contoso.Payments.V1.Entry", System.StringComparison.Ordinal));
        BuildResult added = project.Build();
        Assert.True(added.Succeeded, added.Output);
        Assert.Equal(["acme/payments/v1/ledger.proto", "acme/app/v1/report.proto"], added.BatchCompiled);
        Assert.Contains("Contoso.Payments.V1.Entry", File.ReadAllText(Path.Combine(project.IntermediateDirectory, "acme", "app", "v1", "Report.cs")), System.StringComparison.Ordinal);

        // And back: the app's staged copy of ledger.proto is gone, and report.proto compiles against the original again.
        project.Write("Payments/Payments.csproj", LibraryProject("../Common/Common.csproj", PaymentsItems)).Write("Program.cs", Program);
        BuildResult removed = project.Build();
        Assert.True(removed.Succeeded, removed.Output);
        Assert.Equal(["acme/payments/v1/ledger.proto", "acme/app/v1/report.proto"], removed.BatchCompiled);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(project.IntermediateDirectory, "protogen", "stage"), "ledger.proto", SearchOption.AllDirectories));

        BuildResult noOp = project.Build();
        Assert.True(noOp.Succeeded, noOp.Output);
        Assert.Empty(noOp.BatchCompiled);
    }

    [Fact]
    public void Library_proto_importing_from_a_package_import_directory_is_importable_in_the_app_without_the_package_opt_in()
    {
        // Common imports google/rpc/status.proto through Google.Api.CommonProtos' IncludeGoogleApiCommonProtos, which
        // that package's build/ targets set up for Common alone; the app, two references away, never opts in.
        using TestProject project = Libraries(
            "libraries-import-directory",
            libraryProperties: "<TargetFramework>net10.0</TargetFramework><IncludeGoogleApiCommonProtos>true</IncludeGoogleApiCommonProtos>",
            money: Money.Replace("package acme.common.v1;", "package acme.common.v1;\n\nimport \"google/rpc/status.proto\";", System.StringComparison.Ordinal)
                .Replace("int64 units = 2;", "int64 units = 2;\n  google.rpc.Status status = 3;", System.StringComparison.Ordinal),
            commonItems: """<PackageReference Include="Google.Api.CommonProtos" Version="2.17.0" />""");

        BuildResult build = project.Build();

        Assert.True(build.Succeeded, build.Output);
        Assert.Empty(build.Diagnostics);
        Assert.Equal(["acme/common/v1/money.proto", "acme/payments/v1/ledger.proto", "acme/app/v1/report.proto"], build.BatchCompiled);
        BuildResult run = project.Run();
        Assert.True(run.Succeeded, run.Output);
    }

    [Fact]
    public void Static_graph_build_with_isolation_reads_the_exports_through_ProjectReferenceTargets()
    {
        // And a reference without ProtoGen (its own, empty, Directory.Build files): it has no exports to read.
        using TestProject project = Libraries("libraries-graph", appItems: """<ProjectReference Include="Plain/Plain.csproj" />""");
        project.Write("Plain/Directory.Build.props", "<Project />\n")
            .Write("Plain/Directory.Build.targets", "<Project />\n")
            .Write("Plain/Plain.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>\n")
            .Write("Plain/Class1.cs", "namespace Plain;\npublic static class Class1 { }\n");

        BuildResult restore = project.DotnetCommand("restore", project.ProjectFile, "-nologo");
        Assert.True(restore.Succeeded, restore.Output);
        BuildResult build = project.DotnetCommand("build", project.ProjectFile, "--no-restore", "-nologo", "-nodeReuse:false", "-graph", "-isolate", "-v:n", "-clp:NoSummary");

        Assert.True(build.Succeeded, build.Output);
        Assert.DoesNotContain("MSB4252", build.Output, System.StringComparison.Ordinal); // an undeclared reference call under -isolate
        BuildResult run = project.Run();
        Assert.True(run.Succeeded, run.Output);
        Assert.StartsWith("Contoso.Shared.V1.Money Common", run.Output.Trim(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Design_time_build_of_the_app_before_any_library_was_built_sees_the_library_protos()
    {
        using TestProject project = Libraries("libraries-designtime");

        BuildResult restore = project.DotnetCommand("restore", project.ProjectFile, "-nologo");
        Assert.True(restore.Succeeded, restore.Output);
        BuildResult build = project.DotnetCommand(
            "build", project.ProjectFile, "--no-restore", "-nologo", "-nodeReuse:false", "-v:n", "-clp:NoSummary",
            "-t:Compile;CoreCompile", "-p:DesignTimeBuild=true", "-p:SkipCompilerExecution=true", "-p:ProvideCommandLineArgs=true", "-p:BuildProjectReferences=false");

        Assert.True(build.Succeeded, build.Output);
        Assert.Equal(["acme/app/v1/report.proto"], build.BatchCompiled);
        Assert.True(File.Exists(Path.Combine(project.IntermediateDirectory, "acme", "app", "v1", "Report.cs")));
        Assert.False(Directory.Exists(Path.Combine(project.Directory, "Common", "bin")));
        Assert.Contains("Contoso.Shared.V1.Money", project.Read("obj/Debug/net10.0/acme/app/v1/Report.cs"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void App_item_with_a_library_proto_is_PGB2005_and_imported_identical_content_or_PGB1014_other_content()
    {
        using TestProject project = Libraries("libraries-double", appItems: """
            <Protobuf Include="protos/acme/common/v1/money.proto" ProtoRoot="protos" GrpcServices="None" />
            """);
        project.Write("protos/acme/common/v1/money.proto", Money);

        BuildResult same = project.Build();

        Assert.True(same.Succeeded, same.Output);
        string warning = Assert.Single(same.Diagnostics, d => d.Contains("PGB2005", System.StringComparison.Ordinal));
        Assert.Contains("TestApp.csproj(", warning, System.StringComparison.Ordinal);
        Assert.Contains("'acme/common/v1/money.proto') is provided by the project reference 'Common'", warning, System.StringComparison.Ordinal);
        Assert.DoesNotContain("acme/common/v1/money.proto", same.BatchCompiled.Skip(2));
        Assert.True(project.Run().Succeeded);

        project.Write("protos/acme/common/v1/money.proto", Money.Replace("int64 units = 2;", "int64 units = 2;\n  int32 nanos = 3;", System.StringComparison.Ordinal));
        BuildResult other = project.Build();

        Assert.False(other.Succeeded, other.Output);
        string error = Assert.Single(other.Diagnostics, d => d.Contains("error PGB1014", System.StringComparison.Ordinal));
        Assert.Contains("TestApp.csproj(", error, System.StringComparison.Ordinal);
        Assert.Contains("which the project reference 'Common' provides with other content", error, System.StringComparison.Ordinal);
        Assert.DoesNotContain("CS0433", other.Output, System.StringComparison.Ordinal);
        Assert.DoesNotContain("CS0436", other.Output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void App_rule_for_a_library_prefix_is_PGB2006_and_the_library_namespace_wins()
    {
        using TestProject project = Libraries("libraries-rule", appItems: """
            <ProtoNamespace Include="acme/common" Namespace="Contoso.App.Common" />
            """);

        BuildResult build = project.Build();

        Assert.True(build.Succeeded, build.Output);
        string warning = Assert.Single(build.Diagnostics);
        Assert.Contains("warning PGB2006", warning, System.StringComparison.Ordinal);
        Assert.Contains("would give 'acme/common/v1/money.proto' the namespace 'Contoso.App.Common.V1', but the project reference 'Common' compiles it to 'Contoso.Shared.V1'", warning, System.StringComparison.Ordinal);
        Assert.True(project.Run().Succeeded);
    }

    [Fact]
    public void Library_item_whose_file_is_gone_fails_the_app_design_time_build_at_the_library_item()
    {
        using TestProject project = Libraries("libraries-missing");
        project.Write("Common/Common.csproj", LibraryProject(string.Empty, """
            <Protobuf Include="protos/acme/common/v1/money.proto" ProtoRoot="protos" GrpcServices="None" />
            <Protobuf Include="protos/acme/common/v1/gone.proto" ProtoRoot="protos" GrpcServices="None" />
            <ProtoNamespace Include="acme/common" Namespace="Contoso.Shared" />
            """));
        BuildResult restore = project.DotnetCommand("restore", project.ProjectFile, "-nologo");
        Assert.True(restore.Succeeded, restore.Output);

        // The library is not built first: its exports are read, and fail, from the app's build.
        BuildResult build = project.DotnetCommand(
            "build", project.ProjectFile, "--no-restore", "-nologo", "-nodeReuse:false", "-v:n", "-clp:NoSummary",
            "-t:Compile;CoreCompile", "-p:DesignTimeBuild=true", "-p:SkipCompilerExecution=true", "-p:BuildProjectReferences=false");

        Assert.False(build.Succeeded, build.Output);
        string error = Assert.Single(build.Diagnostics);
        Assert.Matches(@"Common\.csproj\(\d+,\d+\): error PGB1010: Could not read '.*gone\.proto' of the Protobuf item 'protos/acme/common/v1/gone\.proto': the file does not exist\.", error);
    }

    [Fact]
    public void Multi_targeting_library_references_a_multi_targeting_library_in_each_target_framework()
    {
        using TestProject project = Libraries("libraries-multitarget", libraryProperties: "<TargetFrameworks>netstandard2.0;net10.0</TargetFrameworks><LangVersion>latest</LangVersion>");

        // Payments, in both its target frameworks, gets Common's protos in the same one: each compiles its own proto once per framework.
        BuildResult library = project.DotnetCommand("build", Path.Combine(project.Directory, "Payments", "Payments.csproj"), "-nologo", "-nodeReuse:false", "-v:n", "-clp:NoSummary");
        Assert.True(library.Succeeded, library.Output);
        Assert.Empty(library.Diagnostics);
        Assert.Equal(2, library.BatchCompiled.Count(p => p == "acme/common/v1/money.proto"));
        Assert.Equal(2, library.BatchCompiled.Count(p => p == "acme/payments/v1/ledger.proto"));
        Assert.Equal(4, library.BatchCompiled.Count);

        BuildResult build = project.Build();
        Assert.True(build.Succeeded, build.Output);
        Assert.Empty(build.Diagnostics);
        Assert.Equal(["acme/app/v1/report.proto"], build.BatchCompiled);
        Assert.True(File.Exists(Path.Combine(project.Directory, "Payments", "bin", "Debug", "netstandard2.0", "Payments.dll")));
        BuildResult run = project.Run();
        Assert.True(run.Succeeded, run.Output);
        Assert.StartsWith("Contoso.Shared.V1.Money Common", run.Output.Trim(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void App_gets_the_client_wrappers_of_the_library_that_compiles_the_client_not_a_second_copy()
    {
        using TestProject project = Libraries(
            "libraries-wrappers",
            appItems: TestProject.WrapperReferences,
            appProperties: "<ProtoGenClientWrappers>true</ProtoGenClientWrappers>",
            paymentsItems: """<Protobuf Include="protos/acme/payments/v1/ledger.proto" ProtoRoot="protos" GrpcServices="Client" DefaultTimeout="3s" />""" + TestProject.WrapperReferences,
            ledger: Ledger + "\nservice Ledger {\n  rpc Record(Entry) returns (Entry);\n}\n",
            program: """
                System.Console.WriteLine(typeof(Acme.Payments.V1.ILedgerClient).Assembly.GetName().Name + " " + typeof(Acme.Payments.V1.LedgerClientWrapper).Assembly.GetName().Name + " " + Acme.Payments.V1.LedgerClientWrapper.CreateGeneratedDefaults().DefaultTimeout);
                """);

        BuildResult build = project.Build();

        Assert.True(build.Succeeded, build.Output);
        Assert.Empty(build.Diagnostics); // a second copy would be CS0436, an error here
        BuildResult run = project.Run();
        Assert.True(run.Succeeded, run.Output);
        Assert.Equal("Payments Payments 00:00:03", run.Output.Trim());
    }

    [Fact]
    public void Package_manifest_of_a_later_ProtoGen_is_PGB1016_at_its_format_line_and_the_build_stops_cleanly()
    {
        using TestProject project = new TestProject("libraries-manifest")
            .Write("pkg/protogen/Contoso.Later.protogen-exports", "# ProtoGen proto exports\nformat\t2\npackage\tContoso.Later\t9.0.0\nproto\tacme/later/v1/x.proto\tContoso.Later.V1\tsomething-new\n")
            .Write("protos/acme/app/v1/report.proto", "syntax = \"proto3\";\npackage acme.app.v1;\nmessage Report {}\n")
            .WithProject("""
                <!-- What a packed ProtoGen library's buildTransitive props declare. -->
                <ProtoGenPackageExports Include="pkg/protogen/Contoso.Later.protogen-exports" PackageId="Contoso.Later" PackageVersion="9.0.0" />
                <Protobuf Include="protos/acme/app/v1/report.proto" ProtoRoot="protos" GrpcServices="None" />
                """);

        BuildResult build = project.Build();

        Assert.False(build.Succeeded, build.Output);
        string error = Assert.Single(build.Diagnostics);
        Assert.Matches(@"pkg/protogen/Contoso\.Later\.protogen-exports\(2,1\): error PGB1016: The package Contoso\.Later 9\.0\.0 carries a ProtoGen export manifest this ProtoGen cannot read: it has format 2, written by a later ProtoGen; this ProtoGen reads format 1 and earlier\. Update ProtoGen in this project\.", error);
        Assert.Empty(build.BatchCompiled);
    }

    [Fact]
    public void Cycle_of_references_that_export_each_others_protos_is_a_coded_error()
    {
        using TestProject project = Libraries("libraries-cycle");
        // Common now references Payments, which references Common.
        project.Write("Common/Common.csproj", LibraryProject("../Payments/Payments.csproj", """
            <Protobuf Include="protos/acme/common/v1/money.proto" ProtoRoot="protos" GrpcServices="None" />
            <ProtoNamespace Include="acme/common" Namespace="Contoso.Shared" />
            """));

        BuildResult build = project.Build();

        Assert.False(build.Succeeded, build.Output);
        // MSBuild's own: a cycle of project references cannot restore or build, with ProtoGen or without.
        Assert.Contains(build.Diagnostics, d => d.Contains("error MSB4006: There is a circular dependency", System.StringComparison.Ordinal));
        Assert.Empty(build.BatchCompiled);
    }

    /// <summary>App (the test project) → Payments → Common, each with its own protos under protos/.</summary>
    private static TestProject Libraries(
        string name,
        string appItems = "",
        string appProperties = "",
        string libraryProperties = "<TargetFramework>net10.0</TargetFramework>",
        string paymentsItems = """<Protobuf Include="protos/acme/payments/v1/ledger.proto" ProtoRoot="protos" GrpcServices="None" />""",
        string ledger = Ledger,
        string program = Program,
        string money = Money,
        string commonItems = "")
    {
        var project = new TestProject(name);
        project.Write("Common/protos/acme/common/v1/money.proto", money)
            .Write("Common/Common.csproj", LibraryProject(string.Empty, """
                <Protobuf Include="protos/acme/common/v1/money.proto" ProtoRoot="protos" GrpcServices="None" />
                <ProtoNamespace Include="acme/common" Namespace="Contoso.Shared" />
                """ + commonItems, libraryProperties))
            .Write("Payments/protos/acme/payments/v1/ledger.proto", ledger)
            .Write("Payments/Payments.csproj", LibraryProject("../Common/Common.csproj", paymentsItems, libraryProperties))
            .Write("protos/acme/app/v1/report.proto", Report)
            .Write("Program.cs", program)
            .WithProject(
                """
                <ProjectReference Include="Payments/Payments.csproj" />
                <Protobuf Include="protos/acme/app/v1/report.proto" ProtoRoot="protos" GrpcServices="None" />
                """ + appItems,
                """
                <OutputType>Exe</OutputType>
                <DefaultItemExcludes>$(DefaultItemExcludes);Common/**;Payments/**;Plain/**</DefaultItemExcludes>
                """ + appProperties);
        return project;
    }

    private static string LibraryProject(string reference, string items, string properties = "<TargetFramework>net10.0</TargetFramework>") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            {properties}
            <Nullable>enable</Nullable>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
          </PropertyGroup>
          <ItemGroup>
        {Repo.GrpcPackageReferences}
          </ItemGroup>
          <ItemGroup>
        {(reference.Length == 0 ? string.Empty : $"<ProjectReference Include=\"{reference}\" />")}
        {items}
          </ItemGroup>
        </Project>
        """;
}
