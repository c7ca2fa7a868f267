using System;
using System.Collections.Generic;
using System.Text;

namespace ProtoGen.Build.Protoc;

/// <summary>A file of a descriptor set: its logical name and the logical names it imports.</summary>
internal sealed record DescriptorFile(string Name, IReadOnlyList<string> Dependencies);

/// <summary>
/// Reads the names and imports out of a serialized <c>google.protobuf.FileDescriptorSet</c> (what protoc writes
/// with <c>--descriptor_set_out</c>), with no protobuf runtime: field 1 of the set is each file, and fields 1
/// (name) and 3 (dependency) of a file are all that is read; everything else is skipped by wire type.
/// </summary>
internal static class DescriptorSetReader
{
    private const int VarintType = 0;
    private const int Fixed64Type = 1;
    private const int LengthDelimitedType = 2;
    private const int Fixed32Type = 5;

    /// <summary>The files of the set, in the order protoc wrote them (imports before importers).</summary>
    public static IReadOnlyList<DescriptorFile> Read(byte[] set)
    {
        var files = new List<DescriptorFile>();
        int pos = 0;
        while (pos < set.Length)
        {
            (int field, int type) = ReadTag(set, ref pos);
            if (field == 1 && type == LengthDelimitedType)
            {
                int length = checked((int)ReadVarint(set, ref pos));
                files.Add(ReadFile(set, pos, length));
                pos += length;
            }
            else
            {
                Skip(set, ref pos, type);
            }
        }

        return files;
    }

    private static DescriptorFile ReadFile(byte[] data, int start, int length)
    {
        string name = string.Empty;
        var dependencies = new List<string>();
        int pos = start;
        int end = start + length;
        while (pos < end)
        {
            (int field, int type) = ReadTag(data, ref pos);
            if ((field == 1 || field == 3) && type == LengthDelimitedType)
            {
                int size = checked((int)ReadVarint(data, ref pos));
                string value = Encoding.UTF8.GetString(data, pos, size);
                pos += size;
                if (field == 1)
                {
                    name = value;
                }
                else
                {
                    dependencies.Add(value);
                }
            }
            else
            {
                Skip(data, ref pos, type);
            }
        }

        return new DescriptorFile(name, dependencies);
    }

    private static (int Field, int Type) ReadTag(byte[] data, ref int pos)
    {
        ulong tag = ReadVarint(data, ref pos);
        return ((int)(tag >> 3), (int)(tag & 7));
    }

    private static ulong ReadVarint(byte[] data, ref int pos)
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (pos >= data.Length)
            {
                throw new FormatException("A varint runs past the end of the descriptor set.");
            }

            byte b = data[pos++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new FormatException("A varint is longer than 64 bits.");
    }

    private static void Skip(byte[] data, ref int pos, int type)
    {
        switch (type)
        {
            case VarintType:
                ReadVarint(data, ref pos);
                break;
            case Fixed64Type:
                pos += 8;
                break;
            case LengthDelimitedType:
                int length = checked((int)ReadVarint(data, ref pos)); // Read first: pos moves past the varint.
                pos += length;
                break;
            case Fixed32Type:
                pos += 4;
                break;
            default:
                throw new FormatException($"Wire type {type} does not occur in a descriptor set.");
        }

        if (pos > data.Length)
        {
            throw new FormatException("A field runs past the end of the descriptor set.");
        }
    }
}
