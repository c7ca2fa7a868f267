using System;
using System.Linq;
using System.Reflection;

namespace ProtoGen.Testing.Infrastructure;

/// <summary>
/// Values a project's build wrote into its assembly as <c>&lt;AssemblyMetadata Include="Key" Value="..." /&gt;</c>:
/// how tests learn paths and versions from MSBuild instead of copying them by hand.
/// </summary>
public static class BuildMetadata
{
    /// <summary>The value of the metadata <paramref name="key"/> of <paramref name="assembly"/>.</summary>
    /// <param name="assembly">The assembly whose project set the metadata.</param>
    /// <param name="key">The metadata key.</param>
    /// <returns>The value, never empty.</returns>
    /// <exception cref="InvalidOperationException">The key is missing or its value is empty.</exception>
    public static string Get(Assembly assembly, string key)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Assembly metadata '{key}' of {assembly.GetName().Name} is missing or empty: build the project with its project file (dotnet build), which sets it.");
    }
}
