using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ProtoGen.Generators.Model;

/// <summary>A location as plain data, so models never hold a <see cref="Location"/>.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan TextSpan, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, TextSpan, LineSpan);

    public static LocationInfo? From(Location? location)
    {
        if (location is null || location.SourceTree is null)
        {
            return null;
        }

        return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
    }

    /// <summary>A whole line (1-based) of a file that is not part of the compilation.</summary>
    public static LocationInfo ForLine(string filePath, int line)
    {
        var position = new LinePosition(line - 1, 0);
        return new LocationInfo(filePath, default, new LinePositionSpan(position, position));
    }
}
