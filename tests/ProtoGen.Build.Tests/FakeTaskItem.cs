using System;
using System.Collections;
using System.Collections.Generic;
using Microsoft.Build.Framework;

namespace ProtoGen.Build.Tests;

/// <summary>
/// An item as MSBuild's engine hands it to a task: unlike <see cref="Microsoft.Build.Utilities.TaskItem"/>, it
/// answers <c>DefiningProjectFullPath</c>, a reserved metadata name that TaskItem.SetMetadata refuses.
/// </summary>
internal sealed class FakeTaskItem : ITaskItem
{
    private readonly Dictionary<string, string> _metadata = new(StringComparer.OrdinalIgnoreCase);

    public FakeTaskItem(string itemSpec, string fullPath, string definingProject, params (string Name, string Value)[] metadata)
    {
        ItemSpec = itemSpec;
        FullPath = fullPath;
        DefiningProject = definingProject;
        foreach ((string name, string value) in metadata)
        {
            _metadata[name] = value;
        }
    }

    public string ItemSpec { get; set; }

    public string FullPath { get; }

    public string DefiningProject { get; }

    public ICollection MetadataNames => _metadata.Keys;

    public int MetadataCount => _metadata.Count;

    public string GetMetadata(string metadataName) => metadataName switch
    {
        "FullPath" => FullPath,
        "DefiningProjectFullPath" => DefiningProject,
        "Identity" => ItemSpec,
        _ => _metadata.TryGetValue(metadataName, out string? value) ? value : string.Empty,
    };

    public void SetMetadata(string metadataName, string metadataValue) => _metadata[metadataName] = metadataValue;

    public void RemoveMetadata(string metadataName) => _metadata.Remove(metadataName);

    public void CopyMetadataTo(ITaskItem destinationItem)
    {
        foreach (KeyValuePair<string, string> pair in _metadata)
        {
            if (destinationItem.GetMetadata(pair.Key).Length == 0)
            {
                destinationItem.SetMetadata(pair.Key, pair.Value);
            }
        }
    }

    public IDictionary CloneCustomMetadata() => new Dictionary<string, string>(_metadata, StringComparer.OrdinalIgnoreCase);
}
