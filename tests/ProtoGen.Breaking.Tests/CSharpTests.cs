using System.Collections.Generic;
using System.Linq;
using ProtoGen.Breaking.Engine;
using ProtoGen.Breaking.Model;
using ProtoGen.Breaking.Rules;
using ProtoGen.Testing.Infrastructure;
using Xunit;

namespace ProtoGen.Breaking.Tests;

/// <summary>ProtoGen's CSHARP category: C# names as protoc's C# generator makes them, and a namespace rule that moves types.</summary>
public sealed class CSharpTests
{
    private const string Ledger = "syntax = \"proto3\";\npackage acme.payments.v1;\n\nmessage Entry {\n  int64 amount = 1;\n}\n";

    [Fact]
    public void A_namespace_rule_change_in_the_project_is_caught_though_no_proto_changed()
    {
        // What ProtoGen stages for protoc when a ProtoNamespace rule maps the proto: the original plus one added line.
        CheckResult result = Workspaces.Check(
            Workspaces.One(Ledger + "option csharp_namespace = \"Acme.Payments.V1\"; // added by ProtoGen\n"),
            Workspaces.One(Ledger + "option csharp_namespace = \"Contoso.Payments.V1\"; // added by ProtoGen\n"),
            "FILE", "CSHARP");

        // Reported at the package statement, not at the line ProtoGen added after the end of the original.
        Assert.Equal(
            "a.proto(2,1): CSHARP_SAME_NAMESPACE: File C# namespace changed from \"Acme.Payments.V1\" to \"Contoso.Payments.V1\", which moves every type the file generates.\n"
            + "a.proto(2,1): FILE_SAME_CSHARP_NAMESPACE: File option \"csharp_namespace\" changed from \"Acme.Payments.V1\" to \"Contoso.Payments.V1\".\n"
            + "a.proto(4,1): CSHARP_TYPE_NO_DELETE: C# class \"Acme.Payments.V1.Entry\" of message \"acme.payments.v1.Entry\" is now \"Contoso.Payments.V1.Entry\".",
            Workspaces.Describe(result.Findings));
    }

    [Fact]
    public void Setting_the_namespace_the_package_already_gives_breaks_no_CSharp_caller()
    {
        CheckResult result = Workspaces.Check(
            Workspaces.One(Ledger),
            Workspaces.One(Ledger + "option csharp_namespace = \"Acme.Payments.V1\"; // added by ProtoGen\n"),
            "CSHARP");
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Names_follow_protocs_csharp_generator()
    {
        using var directory = new TempDirectory();
        ProtoWorkspace workspace = Workspaces.Compile(directory, "w", Workspaces.One(
            "syntax = \"proto3\";\npackage acme.bank_accounts.v1;\n"
            + "message Outer {\n  message Inner {\n    int32 inner = 1;\n    string descriptor = 2;\n    int32 foo_bar_2baz = 3;\n  }\n  enum Color {\n    COLOR_UNSPECIFIED = 0;\n    COLOR_DARK_RED = 1;\n    color_light = 2;\n    BLUE = 3;\n  }\n  oneof pick_one {\n    int32 a = 4;\n  }\n  int32 a2 = 5;\n}\n")).Workspace;
        ProtoFile file = workspace.CurrentFiles.Single();
        ProtoMessage inner = file.AllMessages.Single(m => m.Name == "Inner");
        ProtoEnum color = file.AllEnums.Single();

        Assert.Equal("Acme.BankAccounts.V1", CSharpNaming.Namespace(file));
        Assert.Equal("Acme.BankAccounts.V1.Outer.Types.Inner", CSharpNaming.ClassName(inner));
        Assert.Equal(["Inner_", "Descriptor_", "FooBar2Baz"], inner.Fields.Select(CSharpNaming.PropertyName));
        Assert.Equal("Acme.BankAccounts.V1.Outer.Types.Color", CSharpNaming.EnumName(color));
        Assert.Equal(["Unspecified", "DarkRed", "Light", "Blue"], CSharpNaming.EnumMemberNames(color));
        Assert.Equal("PickOne", CSharpNaming.OneofName(file.AllMessages.Single(m => m.Name == "Outer").Oneofs.Single()));
    }

    [Fact]
    public void Wrapper_members_follow_the_client_wrapper_generator()
    {
        using var directory = new TempDirectory();
        ProtoService service = Workspaces.Compile(directory, "w", Workspaces.One(
            "syntax = \"proto3\";\npackage acme.v1;\nmessage M {}\nservice S {\n  rpc Get(M) returns (M);\n  rpc List(M) returns (stream M);\n  rpc Push(stream M) returns (M);\n  rpc Chat(stream M) returns (stream M);\n}\n")).Workspace.CurrentFiles.Single().Services.Single();

        Dictionary<string, string[]> members = service.Methods.ToDictionary(m => m.Name, m => CSharpNaming.WrapperMembers(m, service).ToArray());
        Assert.Equal(["Get", "GetAsync"], members["Get"]);
        Assert.Equal(["List", "ListStreamAsync"], members["List"]);
        Assert.Equal(["Push"], members["Push"]);
        Assert.Equal(["Chat"], members["Chat"]);
        Assert.Equal(["List"], CSharpNaming.ClientMethods(service.Methods[1]));
    }
}
