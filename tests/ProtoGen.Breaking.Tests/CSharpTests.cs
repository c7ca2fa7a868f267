using System.Collections.Generic;
using System.Linq;
using ProtoGen.Breaking.Config;
using ProtoGen.Breaking.Engine;
using ProtoGen.Breaking.Model;
using ProtoGen.Breaking.Rules;
using ProtoGen.Shared;
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

    [Theory]
    [InlineData("Minimal", "Get=[GetAsync] List=[List,ListStreamAsync] Push=[Push] Chat=[Chat]")]
    [InlineData("All", "Get=[Get,GetAsync] List=[List,ListStreamAsync] Push=[Push] Chat=[Chat]")]
    public void Wrapper_members_are_the_shared_namings_of_each_RPC_kind(string overloads, string expected)
    {
        using var directory = new TempDirectory();
        ProtoService service = Workspaces.Compile(directory, "w", Workspaces.One(
            "syntax = \"proto3\";\npackage acme.v1;\nmessage M {}\nservice S {\n  rpc Get(M) returns (M);\n  rpc List(M) returns (stream M);\n  rpc Push(stream M) returns (M);\n  rpc Chat(stream M) returns (stream M);\n}\n")).Workspace.CurrentFiles.Single().Services.Single();

        Dictionary<string, Dictionary<string, CallReturn>> members = CSharpNaming.WrapperMembers(service, System.Enum.Parse<WrapperOverloads>(overloads));
        Assert.Equal(expected, string.Join(" ", members.Select(m => m.Key + "=[" + string.Join(",", m.Value.Keys) + "]")));
        Assert.Equal(["Get", "GetAsync"], CSharpNaming.ClientMethods(service.Methods[0]).Keys);
        Assert.Equal(["List"], CSharpNaming.ClientMethods(service.Methods[1]).Keys);
        Assert.Equal("Acme.V1.SClientWrapper", CSharpNaming.WrapperName(service));
    }

    private const string Wrapper = "\"Acme.V1.SClientWrapper\"";

    public static TheoryData<string, string, string, string> KindChanges { get; } = new()
    {
        // Server streaming becomes unary: the stream call is gone from the wrapper (Minimal has no blocking List).
        {
            "Minimal", "rpc List(M) returns (stream M);", "rpc List(M) returns (M);",
            "RPC \"List\" on service \"S\" changed kind: \"List\" of the generated client now returns TResponse, not AsyncServerStreamingCall<TResponse>; \"List\" is gone from client wrapper " + Wrapper + ".\n"
            + "RPC \"List\" on service \"S\" changed kind: \"ListStreamAsync\" is gone from client wrapper " + Wrapper + "."
        },
        {
            "All", "rpc List(M) returns (stream M);", "rpc List(M) returns (M);",
            "RPC \"List\" on service \"S\" changed kind: \"List\" of the generated client and client wrapper " + Wrapper + " now returns TResponse, not AsyncServerStreamingCall<TResponse>.\n"
            + "RPC \"List\" on service \"S\" changed kind: \"ListStreamAsync\" is gone from client wrapper " + Wrapper + "."
        },

        // Unary becomes server streaming: ListAsync is gone from both; the client's List changes type.
        {
            "Minimal", "rpc List(M) returns (M);", "rpc List(M) returns (stream M);",
            "RPC \"List\" on service \"S\" changed kind: \"List\" of the generated client now returns AsyncServerStreamingCall<TResponse>, not TResponse.\n"
            + "RPC \"List\" on service \"S\" changed kind: \"ListAsync\" is gone from the generated client and client wrapper " + Wrapper + "."
        },
        {
            "All", "rpc List(M) returns (M);", "rpc List(M) returns (stream M);",
            "RPC \"List\" on service \"S\" changed kind: \"List\" of the generated client and client wrapper " + Wrapper + " now returns AsyncServerStreamingCall<TResponse>, not TResponse.\n"
            + "RPC \"List\" on service \"S\" changed kind: \"ListAsync\" is gone from the generated client and client wrapper " + Wrapper + "."
        },

        // Client streaming becomes duplex: every name stays, every type changes.
        {
            "Minimal", "rpc List(stream M) returns (M);", "rpc List(stream M) returns (stream M);",
            "RPC \"List\" on service \"S\" changed kind: \"List\" of the generated client and client wrapper " + Wrapper + " now returns AsyncDuplexStreamingCall<TRequest, TResponse>, not AsyncClientStreamingCall<TRequest, TResponse>."
        },

        // No kind changes, but a new unary ListStream takes the name of List's stream call.
        {
            "Minimal", "rpc List(M) returns (stream M);", "rpc List(M) returns (stream M);\n  rpc ListStream(M) returns (M);",
            "RPC \"List\" on service \"S\" lost a member name to another RPC: \"ListStreamAsync\" is gone from client wrapper " + Wrapper + "."
        },
    };

    [Theory]
    [MemberData(nameof(KindChanges))]
    public void A_kind_change_is_reported_as_the_break_it_is_for_callers_of_the_client_and_the_wrapper(string overloads, string before, string after, string expected)
    {
        const string Service = "syntax = \"proto3\";\npackage acme.v1;\nmessage M {}\nservice S {\n  {0}\n}\n";
        CheckResult result = Workspaces.Check(
            Workspaces.One(Service.Replace("{0}", before, System.StringComparison.Ordinal)),
            Workspaces.One(Service.Replace("{0}", after, System.StringComparison.Ordinal)),
            BreakingPolicy.Default(new BreakingSettings(["CSHARP_WRAPPER_MEMBER_NO_DELETE"], WrapperOverloads: System.Enum.Parse<WrapperOverloads>(overloads))));

        Assert.Equal(expected, string.Join("\n", result.Findings.Select(f => f.Message)));
    }

    [Fact]
    public void A_server_streaming_RPC_that_becomes_unary_loses_the_wrappers_stream_call_under_Minimal()
    {
        // ListStreamAsync is taken (by the unary ListStream), so List's only wrapper member is List itself; Minimal
        // gives a unary RPC only ListAsync, so callers of the wrapper's List break.
        const string Before = "syntax = \"proto3\";\npackage acme.v1;\nmessage M {}\nservice S {\n  rpc List(M) returns (stream M);\n  rpc ListStream(M) returns (M);\n}\n";
        CheckResult result = Workspaces.Check(
            Workspaces.One(Before),
            Workspaces.One(Before.Replace("returns (stream M)", "returns (M)", System.StringComparison.Ordinal)),
            "CSHARP_WRAPPER_MEMBER_NO_DELETE");

        Assert.Contains("\"List\" is gone from client wrapper \"Acme.V1.SClientWrapper\"", Workspaces.Describe(result.Findings), System.StringComparison.Ordinal);
    }
}
