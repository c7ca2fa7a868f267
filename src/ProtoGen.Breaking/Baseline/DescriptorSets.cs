using System;
using System.Collections.Generic;
using System.IO;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using ProtoGen.Breaking.Model;
using ProtoGen.Build.Diagnostics;

namespace ProtoGen.Breaking.Baseline;

/// <summary>Reads serialized <c>FileDescriptorSet</c>s (what protoc writes with <c>--descriptor_set_out</c>).</summary>
internal static class DescriptorSets
{
    /// <summary>
    /// The set in <paramref name="path"/>, or null with an error of <paramref name="descriptor"/> naming the file
    /// when it is missing, unreadable or not a descriptor set. <paramref name="what"/> names it in the message.
    /// </summary>
    public static FileDescriptorSet? Load(string path, string what, DiagnosticDescriptor descriptor, Action<BuildDiagnostic> report) =>
        LoadBytes(path, what, descriptor, report) is { } bytes ? Parse(bytes, path, what, descriptor, report) : null;

    /// <summary>The bytes of <paramref name="path"/>, or null after reporting why they cannot be read.</summary>
    public static byte[]? LoadBytes(string path, string what, DiagnosticDescriptor descriptor, Action<BuildDiagnostic> report)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            report(new BuildDiagnostic(descriptor, $"{what} '{path}' could not be read: {e.Message}", path));
            return null;
        }
    }

    /// <summary>The workspace of the serialized set <paramref name="bytes"/> (source info parsed lazily), or null after reporting that it is no descriptor set.</summary>
    public static ProtoWorkspace? Workspace(byte[] bytes, Func<string, bool>? isCurrent, string path, string what, DiagnosticDescriptor descriptor, Action<BuildDiagnostic> report) =>
        Workspace([bytes], isCurrent, path, what, descriptor, report);

    /// <summary>The workspace of several serialized sets; <paramref name="path"/> names them in an error.</summary>
    public static ProtoWorkspace? Workspace(IReadOnlyList<byte[]> sets, Func<string, bool>? isCurrent, string path, string what, DiagnosticDescriptor descriptor, Action<BuildDiagnostic> report)
    {
        try
        {
            return ProtoWorkspace.Load(sets, isCurrent);
        }
        catch (InvalidProtocolBufferException e)
        {
            report(new BuildDiagnostic(descriptor, $"{what} '{path}' is not a descriptor set protoc wrote: {e.Message}", path));
            return null;
        }
    }

    public static FileDescriptorSet? Parse(byte[] bytes, string path, string what, DiagnosticDescriptor descriptor, Action<BuildDiagnostic> report)
    {
        try
        {
            return FileDescriptorSet.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            report(new BuildDiagnostic(descriptor, $"{what} '{path}' is not a descriptor set protoc wrote: {e.Message}", path));
            return null;
        }
    }
}
