using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Build.Mapping;

namespace ProtoGen.Build.Limits;

/// <summary>
/// How much of the CLR's 16 MB user-string heap a project's generated code needs, from what each generated file puts
/// there (<see cref="UserStringHeap"/>): PGB2008 from <see cref="WarningPercent"/> of the limit, PGB1021 at the limit,
/// where the C# compiler would fail with one CS8103 per literal past it.
/// </summary>
/// <param name="Files">Every generated file this project compiles, with what it puts on the heap.</param>
/// <param name="WarningPercent">The share of the limit from which to warn.</param>
internal sealed record UserStringEstimate(IReadOnlyList<GeneratedFileStrings> Files, int WarningPercent = UserStringEstimate.DefaultWarningPercent)
{
    /// <summary>The default of <c>$(ProtoGenUserStringsWarningPercent)</c>.</summary>
    public const int DefaultWarningPercent = 80;

    private const int Shown = 5;

    /// <summary>The estimated heap bytes: every file's descriptor literals, added up.</summary>
    public long Bytes => Files.Sum(f => f.DescriptorBytes);

    /// <summary>The estimate as a share of <see cref="UserStringHeap.Limit"/>.</summary>
    public double Share => (double)Bytes / UserStringHeap.Limit;

    /// <summary>PGB2008 or PGB1021 at <paramref name="projectFile"/>, or null when the estimate is below <see cref="WarningPercent"/>.</summary>
    public BuildDiagnostic? Diagnose(string projectFile)
    {
        bool over = Bytes >= UserStringHeap.Limit;
        if (!over && Share * 100 < WarningPercent)
        {
            return null;
        }

        var protos = Files.Where(f => f.DescriptorBytes > 0).ToList();
        string folders = string.Join(", ", protos
            .GroupBy(f => LogicalPaths.DirectoryOf(f.Source), StringComparer.Ordinal)
            .Select(g => (Folder: g.Key, Bytes: g.Sum(f => f.DescriptorBytes), Count: g.Count()))
            .OrderByDescending(g => g.Bytes).ThenBy(g => g.Folder, StringComparer.Ordinal)
            .Take(Shown)
            .Select(g => $"{(g.Folder.Length == 0 ? "(no folder)" : g.Folder)} {Megabytes(g.Bytes)} MB in {g.Count} proto(s)"));
        string biggest = string.Join(", ", protos
            .OrderByDescending(f => f.DescriptorBytes).ThenBy(f => f.Source, StringComparer.Ordinal)
            .Take(Shown)
            .Select(f => $"{f.Source} {Megabytes(f.DescriptorBytes)} MB"));
        string figures = $"The C# generated from this project's {protos.Count} protos needs an estimated {Megabytes(Bytes)} MB of the 16 MB (2^24 bytes) the CLR allows for an assembly's string literals ({Percent()} %): protoc embeds each proto's descriptor as string literals. Biggest folders: {folders}. Biggest protos: {biggest}.";
        return over
            ? new BuildDiagnostic(BuildDiagnostics.UserStringsOverLimit, figures + " The C# compiler would fail with one CS8103 for every literal past the limit. Split the protos into proto libraries, one assembly each (docs/libraries.md).", projectFile)
            : new BuildDiagnostic(BuildDiagnostics.UserStringsNearLimit, figures + $" Past 100 % the C# compiler fails with one CS8103 for every literal past the limit; split the protos into proto libraries, one assembly each (docs/libraries.md), before then.", projectFile);
    }

    private string Percent() => Math.Floor(Share * 100).ToString("0", CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => (bytes / (double)(1 << 20)).ToString("0.0", CultureInfo.InvariantCulture);
}
