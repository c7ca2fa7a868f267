using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Grpc.Core;
using Microsoft.Extensions.Configuration;

namespace ProtoGen.Runtime.ClientFactory;

/// <summary>
/// Binds a <see cref="GrpcClientDefaults"/> from a configuration section (<c>GrpcClients:&lt;client name&gt;</c>):
/// <c>DefaultTimeout</c>, <c>MethodTimeouts</c>, <c>DefaultMetadata</c>, <c>InheritGeneratedDefaults</c>. Durations
/// use ProtoGen's grammar (<c>500ms</c>, <c>2s</c>, <c>00:00:02</c>) or <c>infinite</c>. Strict: an unknown key or an
/// invalid value is an error that names the configuration key; the valid settings are still bound.
/// </summary>
internal static class GrpcClientDefaultsBinder
{
    public const string Infinite = "infinite";

    // The errors found while binding an options instance, for the validator that runs right after.
    private static readonly ConditionalWeakTable<GrpcClientDefaults, List<string>> Errors = new();

    public static void Bind(IConfigurationSection section, GrpcClientDefaults target, IReadOnlyCollection<string> methodNames)
    {
        List<string> errors = Errors.GetValue(target, static _ => new List<string>());
        lock (errors)
        {
            errors.Clear();
            Bind(section, target, methodNames, errors);
        }
    }

    public static IReadOnlyList<string> ErrorsOf(GrpcClientDefaults target)
    {
        if (!Errors.TryGetValue(target, out List<string>? errors))
        {
            return Array.Empty<string>();
        }

        lock (errors)
        {
            return errors.ToArray();
        }
    }

    internal static void Bind(IConfigurationSection section, GrpcClientDefaults target, IReadOnlyCollection<string> methodNames, List<string> errors)
    {
        foreach (IConfigurationSection child in section.GetChildren())
        {
            switch (child.Key.ToUpperInvariant())
            {
                case "DEFAULTTIMEOUT":
                    if (Duration(child, errors) is TimeSpan timeout)
                    {
                        target.DefaultTimeout = timeout;
                    }

                    break;
                case "METHODTIMEOUTS":
                    foreach (IConfigurationSection method in child.GetChildren())
                    {
                        if (!methodNames.Contains(method.Key, StringComparer.Ordinal))
                        {
                            errors.Add($"{method.Path}: the service has no method '{method.Key}' (its methods: {string.Join(", ", methodNames)}; names are case-sensitive, as in the .proto)");
                        }
                        else if (Duration(method, errors) is TimeSpan methodTimeout)
                        {
                            target.MethodTimeouts[method.Key] = methodTimeout;
                        }
                    }

                    break;
                case "DEFAULTMETADATA":
                    BindMetadata(child, target.DefaultMetadata, errors);
                    break;
                case "INHERITGENERATEDDEFAULTS":
                    if (bool.TryParse(child.Value, out bool inherit))
                    {
                        target.InheritGeneratedDefaults = inherit;
                    }
                    else
                    {
                        errors.Add($"{child.Path}: '{child.Value}' is not 'true' or 'false'");
                    }

                    break;
                default:
                    errors.Add($"{child.Path}: unknown setting '{child.Key}' (the settings are DefaultTimeout, MethodTimeouts, DefaultMetadata and InheritGeneratedDefaults)");
                    break;
            }
        }
    }

    private static void BindMetadata(IConfigurationSection section, Metadata metadata, List<string> errors)
    {
        foreach (IConfigurationSection entry in section.GetChildren())
        {
            if (MetadataRules.ValidateKey(entry.Key) is string keyError)
            {
                errors.Add($"{entry.Path}: '{entry.Key}' is not a valid metadata key: {keyError}");
                continue;
            }

            // One value, or an array of values (children "0", "1", ...).
            IEnumerable<IConfigurationSection> values = entry.Value is not null ? new[] { entry } : entry.GetChildren();
            foreach (IConfigurationSection value in values)
            {
                string text = value.Value ?? string.Empty;
                if (GrpcMetadataKeys.IsBinaryKey(entry.Key))
                {
                    try
                    {
                        metadata.Add(entry.Key, Convert.FromBase64String(text));
                    }
                    catch (FormatException)
                    {
                        errors.Add($"{value.Path}: the value of the binary key '{entry.Key}' is not base64");
                    }
                }
                else if (!GrpcMetadataKeys.IsValidAsciiValue(text))
                {
                    errors.Add($"{value.Path}: metadata values must be printable ASCII (0x20-0x7E)");
                }
                else
                {
                    metadata.Add(entry.Key, text);
                }
            }
        }
    }

    private static TimeSpan? Duration(IConfigurationSection section, List<string> errors)
    {
        string? text = section.Value?.Trim();
        if (string.Equals(text, Infinite, StringComparison.OrdinalIgnoreCase))
        {
            return Timeout.InfiniteTimeSpan;
        }

        if (GrpcDuration.TryParse(text, out TimeSpan value))
        {
            return value;
        }

        errors.Add($"{section.Path}: '{section.Value}' is not a valid duration (such as 500ms, 2s, 1.5m, 00:00:02, or '{Infinite}')");
        return null;
    }
}
