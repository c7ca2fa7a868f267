namespace ProtoGen.Package.Tests.Infrastructure;

/// <summary>
/// The protos consumers compile: a payments tree that imports a common tree by its logical path. On disk they sit
/// under <c>common/v1</c> and <c>payments/v1</c>; with <c>ImportPrefix</c> protoc knows them as
/// <c>acme/common/v1/money.proto</c> and <c>acme/payments/v1/ledger.proto</c>.
/// </summary>
internal static class Protos
{
    public const string Money = """
        syntax = "proto3";

        package acme.common.v1;

        message Money {
          string currency_code = 1;
          int64 units = 2;
        }
        """;

    public const string Ledger = """
        syntax = "proto3";

        package acme.payments.v1;

        import "acme/common/v1/money.proto";

        // The payments ledger.
        service Ledger {
          // Records an entry and returns what the server saw.
          rpc RecordEntry (LedgerEntry) returns (LedgerReceipt);
        }

        message LedgerEntry {
          string id = 1;
          acme.common.v1.Money amount = 2;
        }

        message LedgerReceipt {
          string id = 1;
          string summary = 2;
          string client = 3;
          double deadline_seconds = 4;
        }
        """;

    /// <summary>Writes both protos under <paramref name="root"/> (<c>common/v1</c>, <c>payments/v1</c>).</summary>
    public static ConsumerWorkspace WriteMappedTree(this ConsumerWorkspace workspace, string root) =>
        workspace
            .Write(root + "/common/v1/money.proto", Money)
            .Write(root + "/payments/v1/ledger.proto", Ledger);

    private const string DefaultLedgerMetadata = "DefaultTimeout=\"7s\" DefaultMetadata=\"x-client=package-test\"";

    /// <summary>
    /// A consumer project file that references the ProtoGen package (and <paramref name="references"/>) and compiles
    /// both trees under <paramref name="root"/> with <see cref="MappedItems"/>; each test gives its own properties.
    /// </summary>
    public static string MappedProject(this ConsumerWorkspace workspace, string properties, string root = "protos", string ledgerMetadata = DefaultLedgerMetadata, string references = "") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
        {properties}
          </PropertyGroup>
          <ItemGroup>
        {workspace.ProtoGenReferences}
        {references}
          </ItemGroup>
          <ItemGroup>
        {MappedItems(root, ledgerMetadata)}
          </ItemGroup>
        </Project>
        """;

    /// <summary>The Protobuf items that map both trees, a namespace rule and wrapper defaults.</summary>
    public static string MappedItems(string root, string ledgerMetadata = DefaultLedgerMetadata) => $"""
            <Protobuf Include="{root}/common/**/*.proto" ProtoRoot="{root}/common" ImportPrefix="acme/common" GrpcServices="None" />
            <Protobuf Include="{root}/payments/**/*.proto" ProtoRoot="{root}/payments" ImportPrefix="acme/payments" {ledgerMetadata} />
            <ProtoNamespace Include="acme/payments" Namespace="Contoso.Payments" />
        """;
}
