using System.Collections.Generic;
using System.IO;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ProtoGen.Breaking.Model;

/// <summary>A file of a serialized descriptor set: its descriptor without source info (parsed, and as bytes), and the source info's bytes.</summary>
internal sealed record SplitFile(FileDescriptorProto Proto, ByteString? SourceInfo, byte[] Descriptor);

/// <summary>
/// Reads a serialized <c>FileDescriptorSet</c> file by file, setting each file's <c>source_code_info</c> (field 9,
/// most of the bytes) aside unparsed: a check needs it only for the files it reports in, and never for the baseline.
/// </summary>
internal static class DescriptorSetSplitter
{
    private const int SetFile = 1;
    private const int FileSourceCodeInfo = 9;

    /// <exception cref="InvalidProtocolBufferException">The bytes are not a descriptor set.</exception>
    public static List<SplitFile> Split(byte[] set)
    {
        var files = new List<SplitFile>();
        var input = new CodedInputStream(set);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == SetFile && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                files.Add(SplitOne(input.ReadBytes().ToByteArray()));
            }
            else
            {
                input.SkipLastField();
            }
        }

        return files;
    }

    private static SplitFile SplitOne(byte[] file)
    {
        ByteString? sourceInfo = null;
        using var rest = new MemoryStream(file.Length);
        var input = new CodedInputStream(file);
        long start = 0;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == FileSourceCodeInfo && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                sourceInfo = input.ReadBytes();
            }
            else
            {
                input.SkipLastField();
                rest.Write(file, (int)start, (int)(input.Position - start));
            }

            start = input.Position;
        }

        byte[] descriptor = rest.ToArray();
        return new SplitFile(FileDescriptorProto.Parser.ParseFrom(descriptor), sourceInfo, descriptor);
    }
}
