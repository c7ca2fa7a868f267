using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using ProtoGen.Breaking.Diagnostics;
using ProtoGen.Breaking.Model;
using ProtoGen.Build.Diagnostics;

namespace ProtoGen.Breaking.Baseline;

/// <summary>
/// The baseline file that <c>dotnet build -t:ProtoGenWriteBaseline</c> writes and a check reads: a serialized
/// <c>google.protobuf.FileDescriptorSet</c> of the project's own protos as protoc compiled them, with source info
/// and without imports, followed by one field that no descriptor uses (number <see cref="MarkerField"/>) holding
/// a marker: the baseline format and the ProtoGen version that wrote it. Protobuf readers skip that field, so the
/// file is also a descriptor set for other tools (<c>buf breaking --against ProtoGen.baseline.binpb</c>,
/// <c>protoc --descriptor_set_in</c>).
/// </summary>
internal static class BaselineFile
{
    public const string DefaultFileName = "ProtoGen.baseline.binpb";

    /// <summary>The field of <c>FileDescriptorSet</c> the marker sits in: outside descriptor.proto's fields and its extension declaration.</summary>
    public const int MarkerField = 16_000;

    public const int Format = 1;

    /// <summary>This ProtoGen's version (without build metadata), as the marker records it.</summary>
    public static string ProtoGenVersion { get; } = ReadVersion();

    /// <summary>The bytes of a baseline of the files of <paramref name="set"/> that <paramref name="isCurrent"/> accepts, in the set's order.</summary>
    public static byte[] Create(FileDescriptorSet set, Func<string, bool> isCurrent)
    {
        var baseline = new FileDescriptorSet();
        baseline.File.AddRange(set.File.Where(f => isCurrent(f.Name)));
        using var stream = new MemoryStream();
        using (var output = new CodedOutputStream(stream, leaveOpen: true))
        {
            baseline.WriteTo(output);
            var marker = new MemoryStream();
            using (var markerOutput = new CodedOutputStream(marker, leaveOpen: true))
            {
                markerOutput.WriteTag(1, WireFormat.WireType.Varint);
                markerOutput.WriteInt32(Format);
                markerOutput.WriteTag(2, WireFormat.WireType.LengthDelimited);
                markerOutput.WriteString(ProtoGenVersion);
            }

            output.WriteTag(MarkerField, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(marker.ToArray()));
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Reads the baseline at <paramref name="path"/>, or reports why it cannot be used: missing, unreadable,
    /// not a ProtoGen baseline, or written by another ProtoGen version.
    /// </summary>
    public static FileDescriptorSet? Read(string path, Action<BuildDiagnostic> report) =>
        ReadBytes(path, report) is { } bytes ? DescriptorSets.Parse(bytes, path, "Baseline file", BreakingDiagnostics.BaselineUnreadable, report) : null;

    /// <summary>The workspace of the baseline at <paramref name="path"/> (every file current), or null after reporting why it cannot be used.</summary>
    public static ProtoWorkspace? Workspace(string path, Action<BuildDiagnostic> report) =>
        ReadBytes(path, report) is { } bytes ? DescriptorSets.Workspace(bytes, null, path, "Baseline file", BreakingDiagnostics.BaselineUnreadable, report) : null;

    /// <summary>The bytes of the baseline at <paramref name="path"/> once its marker says this ProtoGen wrote it; null after reporting why not.</summary>
    private static byte[]? ReadBytes(string path, Action<BuildDiagnostic> report)
    {
        if (!File.Exists(path))
        {
            report(new BuildDiagnostic(BreakingDiagnostics.BaselineUnreadable, $"Baseline file '{path}' does not exist. Write it at the baseline's commit with `dotnet build -t:ProtoGenWriteBaseline`.", path));
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            report(new BuildDiagnostic(BreakingDiagnostics.BaselineUnreadable, $"Baseline file '{path}' could not be read: {e.Message}", path));
            return null;
        }

        (int format, string version)? marker;
        try
        {
            marker = ReadMarker(bytes);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or FormatException)
        {
            report(new BuildDiagnostic(BreakingDiagnostics.BaselineUnreadable, $"Baseline file '{path}' is not a descriptor set protoc wrote: {e.Message}", path));
            return null;
        }

        if (marker is not { } found)
        {
            report(new BuildDiagnostic(BreakingDiagnostics.BaselineVersionMismatch,
                $"'{path}' is a descriptor set but no ProtoGen baseline (it has no ProtoGen marker). Write the baseline with `dotnet build -t:ProtoGenWriteBaseline`, or point at a directory of protos.", path));
            return null;
        }

        if (found.format != Format || !string.Equals(found.version, ProtoGenVersion, StringComparison.Ordinal))
        {
            report(new BuildDiagnostic(BreakingDiagnostics.BaselineVersionMismatch,
                $"Baseline file '{path}' was written by ProtoGen {found.version} (baseline format {found.format}); this is ProtoGen {ProtoGenVersion} (format {Format}). Write it again with this ProtoGen at the baseline's commit (`dotnet build -t:ProtoGenWriteBaseline`).", path));
            return null;
        }

        return bytes;
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> unless it already holds them.</summary>
    public static bool Write(string path, byte[] bytes, Action<BuildDiagnostic> report)
    {
        try
        {
            if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            {
                return true;
            }

            string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllBytes(path, bytes);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            report(new BuildDiagnostic(BreakingDiagnostics.FileWriteFailed, $"'{path}' could not be written: {e.Message}", path));
            return false;
        }
    }

    private static (int Format, string Version)? ReadMarker(byte[] bytes)
    {
        var input = new CodedInputStream(bytes);
        (int, string)? marker = null;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagWireType(tag) is not (WireFormat.WireType.Varint or WireFormat.WireType.Fixed64 or WireFormat.WireType.LengthDelimited or WireFormat.WireType.Fixed32))
            {
                throw new FormatException($"Wire type {(int)WireFormat.GetTagWireType(tag)} does not occur in a descriptor set.");
            }

            if (WireFormat.GetTagFieldNumber(tag) == MarkerField && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                var inner = new CodedInputStream(input.ReadBytes().ToByteArray());
                int format = 0;
                string version = string.Empty;
                uint innerTag;
                while ((innerTag = inner.ReadTag()) != 0)
                {
                    switch (WireFormat.GetTagFieldNumber(innerTag))
                    {
                        case 1 when WireFormat.GetTagWireType(innerTag) == WireFormat.WireType.Varint:
                            format = inner.ReadInt32();
                            break;
                        case 2 when WireFormat.GetTagWireType(innerTag) == WireFormat.WireType.LengthDelimited:
                            version = inner.ReadString();
                            break;
                        default:
                            inner.SkipLastField();
                            break;
                    }
                }

                marker = (format, version);
            }
            else
            {
                input.SkipLastField();
            }
        }

        return marker;
    }

    private static string ReadVersion()
    {
        string version = typeof(BaselineFile).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(BaselineFile).Assembly.GetName().Version?.ToString() ?? "0.0.0";
        int plus = version.IndexOf('+');
        return plus < 0 ? version : version.Substring(0, plus);
    }

    /// <summary>The logical paths of the files in a set, for the caller that has no other list of what is current.</summary>
    public static HashSet<string> Names(FileDescriptorSet set) => new(set.File.Select(f => f.Name), StringComparer.Ordinal);
}
