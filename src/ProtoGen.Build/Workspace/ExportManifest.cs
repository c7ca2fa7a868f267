using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ProtoGen.Build.Workspace;

/// <summary>One proto a package exports: its logical path (also its path under the package's <c>protos/</c> folder) and its C# namespace.</summary>
internal sealed record ExportedProto(string LogicalPath, string CSharpNamespace);

/// <summary>
/// The export manifest a packed ProtoGen library carries (<c>protogen/&lt;PackageId&gt;.protogen-exports</c>): a text
/// file of tab-separated lines, a format number first, so that a ProtoGen that meets a manifest of a later format says
/// so rather than misreading it.
/// </summary>
/// <remarks>
/// <code>
/// # ProtoGen proto exports
/// format	1
/// package	Contoso.Common	1.2.0
/// proto	acme/common/v1/money.proto	Contoso.Shared.V1
/// </code>
/// </remarks>
internal static class ExportManifest
{
    /// <summary>The format this ProtoGen writes and the latest it reads.</summary>
    public const int Format = 1;

    public static string Write(string packageId, string packageVersion, IEnumerable<ExportedProto> protos)
    {
        var text = new StringBuilder("# ProtoGen proto exports (docs/libraries.md)\n");
        text.Append("format\t").Append(Format.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("package\t").Append(packageId).Append('\t').Append(packageVersion).Append('\n');
        foreach (ExportedProto proto in protos)
        {
            text.Append("proto\t").Append(proto.LogicalPath).Append('\t').Append(proto.CSharpNamespace).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The protos of a manifest's text; a <see cref="ManifestException"/> with the reason and line when it is not one this ProtoGen reads.</summary>
    public static IReadOnlyList<ExportedProto> Read(string text)
    {
        var protos = new List<ExportedProto>();
        int? format = null;
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] fields = line.Split('\t');
            if (format is null)
            {
                if (fields[0] != "format" || fields.Length != 2 || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out int number))
                {
                    throw new ManifestException($"it does not start with a format line", i + 1);
                }

                if (number > Format)
                {
                    throw new ManifestException($"it has format {number}, written by a later ProtoGen; this ProtoGen reads format {Format} and earlier. Update ProtoGen in this project", i + 1);
                }

                format = number;
                continue;
            }

            switch (fields[0])
            {
                case "package":
                    break;
                case "proto" when fields.Length == 3 && fields[1].Length > 0 && fields[2].Length > 0:
                    protos.Add(new ExportedProto(fields[1], fields[2]));
                    break;
                default:
                    throw new ManifestException($"line {i + 1} is not one of its lines ('{line}')", i + 1);
            }
        }

        if (format is null)
        {
            throw new ManifestException("it is empty", 1);
        }

        return protos;
    }
}

/// <summary>A manifest this ProtoGen cannot read, and why.</summary>
internal sealed class ManifestException : Exception
{
    public ManifestException(string reason, int line)
        : base(reason) => Line = line;

    public int Line { get; }
}
