using System;

namespace ProtoGen.Breaking.Config;

/// <summary>
/// The stability of a package by its last component, as buf's <c>ignore_unstable_packages</c> reads it: <c>v1</c>
/// is stable; <c>v1alpha1</c>, <c>v1beta</c>, <c>v1p1beta1</c>, <c>v1test</c> are not; a package without such a
/// component has no version and is never ignored.
/// </summary>
internal static class PackageVersions
{
    public static bool IsUnstable(string package)
    {
        int dot = package.LastIndexOf('.');
        if (dot < 0)
        {
            return false;
        }

        string component = package.Substring(dot + 1);
        if (component.Length < 2 || component[0] != 'v')
        {
            return false;
        }

        string version = component.Substring(1);
        int test = version.IndexOf("test", StringComparison.Ordinal);
        if (test >= 0)
        {
            return IsNumber(version.Substring(0, test));
        }

        bool alpha = version.IndexOf("alpha", StringComparison.Ordinal) >= 0;
        bool beta = version.IndexOf("beta", StringComparison.Ordinal) >= 0;
        if (alpha == beta)
        {
            // Neither: stable (or not a version); both: not a version.
            return false;
        }

        string level = alpha ? "alpha" : "beta";
        int at = version.IndexOf(level, StringComparison.Ordinal);
        string major = version.Substring(0, at);
        string minor = version.Substring(at + level.Length);
        if (minor.Length > 0 && !IsNumber(minor))
        {
            return false;
        }

        int patch = major.IndexOf('p');
        return patch >= 0 ? IsNumber(major.Substring(0, patch)) && IsNumber(major.Substring(patch + 1)) : IsNumber(major);
    }

    private static bool IsNumber(string text)
    {
        if (text.Length == 0 || text.Length > 9)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) >= 1;
    }
}
