using System.Reflection;

namespace ProtoGen.Generators.Emitter;

/// <summary>The version generated code names in its <c>[GeneratedCode]</c> attribute: the package version of this assembly.</summary>
internal static class GeneratorVersion
{
    /// <summary>The informational version without its source revision (<c>0.1.0</c>, not <c>0.1.0+3f2a...</c>).</summary>
    public static readonly string Value = Read();

    /// <summary>The attribute every generated type carries.</summary>
    public static readonly string GeneratedCodeAttribute = $"[global::System.CodeDom.Compiler.GeneratedCode(\"ProtoGen.Generators\", \"{Value}\")]";

    private static string Read()
    {
        Assembly assembly = typeof(GeneratorVersion).Assembly;
        string? version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(version))
        {
            return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }

        int plus = version!.IndexOf('+');
        return plus < 0 ? version : version.Substring(0, plus);
    }
}
