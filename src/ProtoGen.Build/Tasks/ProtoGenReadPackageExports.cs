using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Build.Workspace;
using GrpcTools = ProtoGen.Build.Tasks.MetadataNames.GrpcTools;

namespace ProtoGen.Build.Tasks;

/// <summary>
/// Reads the export manifests of the ProtoGen libraries among the project's packages (their buildTransitive props
/// declare <c>ProtoGenPackageExports</c> items) into protos the workspace imports, as a project reference's exports.
/// </summary>
public sealed class ProtoGenReadPackageExports : Task
{
    /// <summary>The manifests, with PackageId and PackageVersion.</summary>
    public ITaskItem[] Manifests { get; set; } = [];

    /// <summary>The packages' protos, shaped as <see cref="ProtoGenResolveWorkspace.ReferencedProtobuf"/>.</summary>
    [Output]
    public ITaskItem[] Protobuf { get; private set; } = [];

    /// <inheritdoc />
    public override bool Execute()
    {
        var protos = new List<ITaskItem>();
        foreach (ITaskItem manifest in Manifests)
        {
            string path = manifest.GetMetadata(MetadataNames.FullPath);
            string package = $"{manifest.GetMetadata(MetadataNames.PackageId)} {manifest.GetMetadata(MetadataNames.PackageVersion)}".Trim();
            IReadOnlyList<ExportedProto> exported;
            try
            {
                exported = ExportManifest.Read(File.ReadAllText(path));
            }
            catch (ManifestException e)
            {
                Log.Report(new BuildDiagnostic(BuildDiagnostics.PackageManifestUnreadable, $"The package {package} carries a ProtoGen export manifest this ProtoGen cannot read: {e.Message}.", path, e.Line, 1));
                continue;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Log.Report(new BuildDiagnostic(BuildDiagnostics.FileAccessFailed, $"Could not read the ProtoGen export manifest of the package {package}: {e.Message}", path));
                continue;
            }

            // The protos sit at their logical paths under the package's protos/ folder, beside protogen/.
            string root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "protos"));
            foreach (ExportedProto proto in exported)
            {
                var item = new TaskItem(Path.Combine(root, proto.LogicalPath.Replace('/', Path.DirectorySeparatorChar)));
                item.SetMetadata(GrpcTools.ProtoRoot, root);
                item.SetMetadata(MetadataNames.LogicalPath, proto.LogicalPath);
                item.SetMetadata(MetadataNames.ItemCSharpNamespace, proto.CSharpNamespace);
                item.SetMetadata(MetadataNames.CompiledBy, manifest.GetMetadata(MetadataNames.PackageId));
                item.SetMetadata(MetadataNames.ExportedBy, path);
                item.SetMetadata(MetadataNames.Provider, $"the package '{manifest.GetMetadata(MetadataNames.PackageId)}' {manifest.GetMetadata(MetadataNames.PackageVersion)}");
                protos.Add(item);
            }
        }

        Protobuf = [.. protos];
        return !Log.HasLoggedErrors;
    }
}
