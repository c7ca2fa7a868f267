using System;
using System.Runtime.CompilerServices;

namespace ProtoGen.Testing;

/// <summary>
/// Entry point for snapshot tests, shaped like VerifyTests' <c>Verifier</c> so that moving to
/// Verify.Xunit is a package swap: <c>await Verifier.Verify(text).UseExtension("cs");</c>.
/// </summary>
public static class Verifier
{
    /// <summary>
    /// Starts verifying <paramref name="target"/> against
    /// <c>{Class}.{Method}.verified.{extension}</c> next to the calling test's source file.
    /// Nothing is compared until the returned <see cref="SettingsTask"/> is awaited.
    /// </summary>
    /// <param name="target">The text to snapshot.</param>
    /// <param name="sourceFile">Supplied by the compiler: the calling test's source file.</param>
    /// <param name="methodName">Supplied by the compiler: the calling test method.</param>
    /// <returns>A task whose fluent methods adjust naming and scrubbing before it is awaited.</returns>
    public static SettingsTask Verify(
        string target,
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string methodName = "")
    {
        ArgumentNullException.ThrowIfNull(target);
        return new SettingsTask(target, sourceFile, methodName);
    }
}
