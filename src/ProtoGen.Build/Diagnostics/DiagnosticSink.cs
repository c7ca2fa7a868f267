using System.Collections.Generic;
using ProtoGen.Build.Mapping;

namespace ProtoGen.Build.Diagnostics;

/// <summary>Collects the diagnostics of a pure computation, placing item problems at the project file line that writes the value.</summary>
internal sealed class DiagnosticSink
{
    private readonly ISourceLocator _locator;
    private readonly List<BuildDiagnostic> _diagnostics = [];

    public DiagnosticSink(ISourceLocator locator) => _locator = locator;

    /// <summary>What was reported, in order.</summary>
    public IReadOnlyList<BuildDiagnostic> Diagnostics => _diagnostics;

    /// <summary>True once an error was reported.</summary>
    public bool HasErrors => _diagnostics.Exists(d => d.Descriptor.Severity == DiagnosticSeverity.Error);

    /// <summary>
    /// Reports at the line of <paramref name="projectFile"/> where <paramref name="attribute"/>="<paramref name="value"/>"
    /// is written; where the value is not written as such (it comes through a property, a glob), at the line that
    /// includes <paramref name="item"/>, when given.
    /// </summary>
    public void AtProjectValue(DiagnosticDescriptor descriptor, string message, string projectFile, string attribute, string value, ProtoItemInput? item = null)
    {
        (int line, int column) = _locator.Locate(projectFile, attribute, value);
        if (line == 0 && item is not null)
        {
            (line, column) = _locator.Locate(projectFile, "Include", item.ItemSpec);
        }

        _diagnostics.Add(new BuildDiagnostic(descriptor, message, projectFile, line, column));
    }

    /// <summary>Reports at a known file position.</summary>
    public void At(DiagnosticDescriptor descriptor, string message, string file, int line = 0, int column = 0) =>
        _diagnostics.Add(new BuildDiagnostic(descriptor, message, file, line, column));
}
