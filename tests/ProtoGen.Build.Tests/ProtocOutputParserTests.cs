using ProtoGen.Build.Protoc;
using Xunit;

namespace ProtoGen.Build.Tests;

public sealed class ProtocOutputParserTests
{
    [Fact]
    public void A_located_error()
    {
        ProtocMessage m = Assert.Single(ProtocOutputParser.Parse("/tmp/stage/a/v1/x.proto:4:25: Expected \";\".\n"));
        Assert.Equal(new ProtocMessage("/tmp/stage/a/v1/x.proto", 4, 25, false, "Expected \";\"."), m);
    }

    [Fact]
    public void A_located_warning()
    {
        ProtocMessage m = Assert.Single(ProtocOutputParser.Parse("a/z.proto:3:1: warning: Import x.proto is unused.\n"));
        Assert.Equal(new ProtocMessage("a/z.proto", 3, 1, true, "Import x.proto is unused."), m);
    }

    [Fact]
    public void A_file_only_message()
    {
        ProtocMessage m = Assert.Single(ProtocOutputParser.Parse("a/v1/x.proto: File not found.\n"));
        Assert.Equal(new ProtocMessage("a/v1/x.proto", 0, 0, false, "File not found."), m);
    }

    [Fact]
    public void An_import_failure_keeps_the_quoted_path()
    {
        ProtocMessage m = Assert.Single(ProtocOutputParser.Parse("b/y.proto:3:1: Import \"a/v1/x.proto\" was not found or had errors."));
        Assert.Equal(new ProtocMessage("b/y.proto", 3, 1, false, "Import \"a/v1/x.proto\" was not found or had errors."), m);
    }

    [Fact]
    public void A_windows_path_with_a_drive_letter()
    {
        ProtocMessage m = Assert.Single(ProtocOutputParser.Parse("C:\\src\\obj\\stage\\a\\x.proto:7:3: Expected type name.\r\n"));
        Assert.Equal(new ProtocMessage("C:\\src\\obj\\stage\\a\\x.proto", 7, 3, false, "Expected type name."), m);
    }

    [Fact]
    public void Several_lines_blank_lines_and_crlf()
    {
        var messages = ProtocOutputParser.Parse("a/v1/x.proto: File not found.\r\n\r\nb.proto:3:1: Import \"a/v1/x.proto\" was not found or had errors.\r\n");
        Assert.Equal(2, messages.Count);
        Assert.Equal("a/v1/x.proto", messages[0].File);
        Assert.Equal(3, messages[1].Line);
    }

    [Fact]
    public void A_line_of_neither_shape_has_no_file()
    {
        ProtocMessage m = Assert.Single(ProtocOutputParser.Parse("Missing input file."));
        Assert.Equal(new ProtocMessage(string.Empty, 0, 0, false, "Missing input file."), m);
    }

    // BUG (reported): protoc prints this when an input file does not exist. The parser's file-only pattern takes
    // "Could not make proto path relative" as a file name, so the mapper reports PGB1001 at a file that does not
    // exist instead of PGB1009 with protoc's text.
    [Fact]
    public void Could_not_make_proto_path_relative_is_not_a_file_message()
    {
        ProtocMessage m = Assert.Single(ProtocOutputParser.Parse("Could not make proto path relative: /tmp/stage/a/nothere.proto: No such file or directory\n"));
        Assert.Equal(string.Empty, m.File);
        Assert.Equal("Could not make proto path relative: /tmp/stage/a/nothere.proto: No such file or directory", m.Text);
    }

    [Fact]
    public void Empty_output_has_no_message()
    {
        Assert.Empty(ProtocOutputParser.Parse(string.Empty));
        Assert.Empty(ProtocOutputParser.Parse("\n\n"));
    }
}
