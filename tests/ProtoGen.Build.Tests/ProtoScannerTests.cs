using System.Linq;
using ProtoGen.Build.Proto;
using Xunit;

namespace ProtoGen.Build.Tests;

public sealed class ProtoScannerTests
{
    [Fact]
    public void Reads_package_imports_services_and_namespace()
    {
        const string text = """
            syntax = "proto3";
            package acme.payments.v1;
            import "google/protobuf/timestamp.proto";
            import public "acme/common/money.proto";
            import weak "acme/legacy.proto";
            option csharp_namespace = "Acme.Payments";
            service Ledger {
              rpc Post (Entry) returns (Entry);
            }
            message Entry {}
            service Audit {}
            """;
        ProtoFileInfo info = ProtoScanner.Scan(text);
        Assert.Equal("acme.payments.v1", info.Package);
        Assert.Equal(["google/protobuf/timestamp.proto", "acme/common/money.proto", "acme/legacy.proto"], info.Imports.Select(i => i.Path));
        Assert.Equal(["Ledger", "Audit"], info.Services.Select(s => s.Name));
        Assert.NotNull(info.CSharpNamespace);
        Assert.Equal("Acme.Payments", info.CSharpNamespace.Value);
    }

    [Fact]
    public void Positions_are_one_based_lines_and_columns_of_the_literal()
    {
        const string text = "syntax = \"proto3\";\n\n  import  \"a/b.proto\";\n/* one\n two */ service   S {}\noption csharp_namespace = \"N\";\n";
        ProtoFileInfo info = ProtoScanner.Scan(text);
        TextSpan import = Assert.Single(info.Imports).Span;
        Assert.Equal((3, 11), (import.Line, import.Column));
        Assert.Equal("\"a/b.proto\"", text.Substring(import.Start, import.Length));
        TextSpan service = Assert.Single(info.Services).Span;
        Assert.Equal((5, 19), (service.Line, service.Column));
        TextSpan literal = Assert.Single(info.CSharpNamespace!.Literals);
        Assert.Equal((6, 27), (literal.Line, literal.Column));
        Assert.Equal("\"N\"", text.Substring(literal.Start, literal.Length));
    }

    [Fact]
    public void Concatenated_literals_make_one_namespace()
    {
        const string text = "option csharp_namespace = \"Acme.\"\n    'Payments' \"\";\n";
        CSharpNamespaceOption own = ProtoScanner.Scan(text).CSharpNamespace!;
        Assert.Equal("Acme.Payments", own.Value);
        Assert.Equal(3, own.Literals.Count);
        Assert.Equal((2, 5), (own.Literals[1].Line, own.Literals[1].Column));
    }

    [Fact]
    public void Escaped_quotes_are_part_of_the_value()
    {
        const string text = "option csharp_namespace = \"A\\\"B\";\n";
        CSharpNamespaceOption own = ProtoScanner.Scan(text).CSharpNamespace!;
        Assert.Equal("A\"B", own.Value);
        Assert.Equal(text.IndexOf('"', System.StringComparison.Ordinal), own.Literals[0].Start);
        Assert.Equal("\"A\\\"B\"", text.Substring(own.Literals[0].Start, own.Literals[0].Length));
    }

    [Fact]
    public void Comments_strings_and_nested_blocks_are_ignored()
    {
        const string text = """
            // package commented.out;
            /* import "in/block/comment.proto";
               option csharp_namespace = "Commented"; */
            message M {
              option csharp_namespace = "Nested";
              message Inner { string s = 1 [default = "import \"x.proto\";"]; }
              oneof o { string a = 2; }
            }
            service S {
              option (svc) = { import: "y" };
              rpc R (M) returns (M) { option (m) = { service: "Z" }; }
            }
            package real.pkg;
            """;
        ProtoFileInfo info = ProtoScanner.Scan(text);
        Assert.Equal("real.pkg", info.Package);
        Assert.Empty(info.Imports);
        Assert.Null(info.CSharpNamespace);
        Assert.Equal(["S"], info.Services.Select(s => s.Name));
    }

    [Fact]
    public void Other_options_and_malformed_statements_are_skipped()
    {
        const string text = "option java_package = \"x\";\noption csharp_namespace = Acme;\nimport;\npackage;\nservice {}\n";
        ProtoFileInfo info = ProtoScanner.Scan(text);
        Assert.Null(info.Package);
        Assert.Empty(info.Imports);
        Assert.Empty(info.Services);
        Assert.Null(info.CSharpNamespace);
    }

    [Fact]
    public void The_first_package_and_namespace_win()
    {
        ProtoFileInfo info = ProtoScanner.Scan("package a;\npackage b;\noption csharp_namespace = \"A\";\noption csharp_namespace = \"B\";\n");
        Assert.Equal("a", info.Package);
        Assert.Equal("A", info.CSharpNamespace!.Value);
    }

    [Fact]
    public void Crlf_line_endings_keep_columns()
    {
        ProtoFileInfo info = ProtoScanner.Scan("syntax = \"proto3\";\r\nimport \"a.proto\";\r\n");
        TextSpan span = Assert.Single(info.Imports).Span;
        Assert.Equal((2, 8), (span.Line, span.Column));
    }

    [Fact]
    public void Empty_and_unterminated_text_never_throw()
    {
        Assert.Null(ProtoScanner.Scan(string.Empty).Package);
        ProtoFileInfo info = ProtoScanner.Scan("package a; /* unterminated\nimport \"x");
        Assert.Equal("a", info.Package);
        Assert.Empty(info.Imports);
    }
}
