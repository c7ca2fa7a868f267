using System.Collections.Generic;
using System.Linq;
using ProtoGen.Generators.Diagnostics;
using ProtoGen.Generators.Model;

namespace ProtoGen.Generators.Parser;

/// <summary>
/// Combines a client with its manifest entry and the global settings into what to emit and what to report.
/// Invalid settings are skipped (and reported), so the emitted code always compiles.
/// </summary>
internal static class WrapperSpecBuilder
{
    public static WrapperResult Build(ClientModel client, EquatableArray<ManifestEntry> entries, GlobalSettings settings, CompilationFeatures features, bool hasServiceConfig = false)
    {
        ManifestEntry? entry = entries.FirstOrDefault(e => e.ServiceName == client.ServiceName);
        var diagnostics = new List<DiagnosticInfo>();

        // Settings are reported at the proto/project line they come from, else at the client class.
        LocationInfo? location = entry?.SourceLocation ?? client.Location;
        if (entry is not null)
        {
            foreach (ManifestIssue issue in entry.Issues)
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.ById(issue.DescriptorId), location, issue.MessageArgs));
            }
        }

        bool enabled = entry is null ? settings.WrapAll : entry.Enabled ?? true;
        if (!enabled)
        {
            return new WrapperResult(null, diagnostics.ToEquatableArray());
        }

        var methodNames = new HashSet<string>(client.Methods.Select(m => m.Name));
        var methodTimeouts = new List<MethodTimeout>();
        foreach (MethodTimeout timeout in entry?.MethodTimeouts ?? EquatableArray<MethodTimeout>.Empty)
        {
            if (methodNames.Contains(timeout.Method))
            {
                methodTimeouts.Add(timeout);
            }
            else
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownMethod, location, client.ServiceName, timeout.Method));
            }
        }

        WrapperAccess access = client.IsPublic ? WrapperAccess.Public : WrapperAccess.Internal;
        if (entry?.Access is WrapperAccess requested)
        {
            if (requested == WrapperAccess.Public && !client.IsPublic)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AccessNotPossible, location, client.ServiceName));
            }
            else
            {
                access = requested;
            }
        }

        string registrationClass = client.Namespace.Length == 0 ? client.RegistrationClassName : client.Namespace + "." + client.RegistrationClassName;
        bool emitsRegistration = features.EmitsRegistrations;
        List<string> wrapperCollisions = client.CollidingTypeNames.Where(name => name != registrationClass).ToList();
        if (wrapperCollisions.Count > 0)
        {
            foreach (string name in wrapperCollisions)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WrapperNameCollision, location, name, client.ServiceName));
            }

            return new WrapperResult(null, diagnostics.ToEquatableArray());
        }

        if (emitsRegistration && client.CollidingTypeNames.Count > 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RegistrationNameCollision, location, registrationClass, client.ServiceName));
            emitsRegistration = false;
        }

        if (!features.HasRuntime)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RuntimeMissing, location, client.ServiceName));
            return new WrapperResult(null, diagnostics.ToEquatableArray());
        }

        var spec = new WrapperSpec(
            client.Namespace,
            client.ServiceClassName,
            client.ClientClassName,
            client.ServiceName,
            client.WrapperName,
            client.InterfaceName,
            access,
            client.Methods,
            (entry is null ? settings.DefaultTimeout : entry.DefaultTimeout)?.Ticks,
            methodTimeouts.ToEquatableArray(),
            entry?.DefaultMetadata ?? EquatableArray<MetadataEntry>.Empty,
            features.SupportsAsyncEnumerable,
            features.SupportsNullable,
            features.HasStreamingHelper,
            hasServiceConfig,
            emitsRegistration,
            settings.Overloads);
        return new WrapperResult(spec, diagnostics.ToEquatableArray());
    }

    /// <summary>Diagnostics of manifest entries that match no client in the compilation, at their own lines.</summary>
    public static EquatableArray<DiagnosticInfo> OrphanEntryDiagnostics(ManifestFile file, EquatableArray<string> clientServiceNames)
    {
        var diagnostics = new List<DiagnosticInfo>(file.Diagnostics);
        var names = new HashSet<string>(clientServiceNames);
        foreach (ManifestEntry entry in file.Entries)
        {
            if (names.Contains(entry.ServiceName))
            {
                continue;
            }

            foreach (ManifestIssue issue in entry.Issues)
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.ById(issue.DescriptorId), entry.SourceLocation ?? entry.ManifestLocation, issue.MessageArgs));
            }
        }

        return diagnostics.ToEquatableArray();
    }
}
