using System;
using System.Collections.Generic;
using System.Linq;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Build.Naming;

namespace ProtoGen.Build.Mapping;

/// <summary>
/// Decides the C# namespace of a proto from its item and the project's <c>ProtoNamespace</c> rules.
/// </summary>
/// <remarks>
/// Precedence, first match wins:
/// (a) the item's <c>CSharpNamespace</c>;
/// (b) the longest <c>ProtoNamespace</c> rule whose prefix holds the file's logical directory, with the rest of
///     the directory PascalCased and appended;
/// (c) with an <c>ImportPrefix</c> and no rule, the logical directory PascalCased;
/// (d) otherwise nothing: protoc's own behaviour.
/// A proto's own <c>option csharp_namespace</c> wins over (b) and (c) unless the rule or the item says
/// <c>Override="true"</c>; (a) always replaces it.
/// </remarks>
internal sealed class NamespaceRules
{
    private readonly IReadOnlyList<NamespaceRuleInput> _rules;

    private NamespaceRules(IReadOnlyList<NamespaceRuleInput> rules) => _rules = rules;

    /// <summary>The valid rules of <paramref name="rules"/>, with prefixes normalised; problems go to <paramref name="sink"/>.</summary>
    public static NamespaceRules Validate(IReadOnlyList<NamespaceRuleInput> rules, DiagnosticSink sink)
    {
        var valid = new List<NamespaceRuleInput>();
        foreach (NamespaceRuleInput rule in rules)
        {
            string? prefix = LogicalPaths.NormalizePrefix(rule.Prefix, out string? reason);
            if (prefix is null)
            {
                sink.AtProjectValue(BuildDiagnostics.InvalidLogicalPrefix, $"ProtoNamespace '{rule.Prefix}' is not a valid logical path prefix: {reason}.", rule.DefinedIn, "Include", rule.Prefix);
                continue;
            }

            string? nsReason = CSharpNames.ValidateNamespace(rule.Namespace);
            if (nsReason is not null)
            {
                sink.AtProjectValue(BuildDiagnostics.InvalidNamespace, $"Namespace '{rule.Namespace}' of ProtoNamespace '{rule.Prefix}' is not a valid C# namespace: {nsReason}.", rule.DefinedIn, "Namespace", rule.Namespace);
                continue;
            }

            NamespaceRuleInput? same = valid.FirstOrDefault(r => string.Equals(r.Prefix, prefix, StringComparison.Ordinal));
            if (same is not null)
            {
                if (!string.Equals(same.Namespace, rule.Namespace, StringComparison.Ordinal) || same.Override != rule.Override)
                {
                    sink.AtProjectValue(BuildDiagnostics.ConflictingNamespaceRules, $"ProtoNamespace '{prefix}' is given twice, as '{same.Namespace}' and as '{rule.Namespace}' (Override {same.Override} and {rule.Override}); keep one rule per prefix.", rule.DefinedIn, "Include", rule.Prefix);
                }

                continue;
            }

            valid.Add(rule with { Prefix = prefix });
        }

        return new NamespaceRules(valid);
    }

    /// <summary>The longest rule whose prefix holds the logical directory of <paramref name="logical"/>, or null.</summary>
    public NamespaceRuleInput? RuleFor(string logical)
    {
        string directory = LogicalPaths.DirectoryOf(logical);
        return _rules
            .Where(r => LogicalPaths.IsUnder(directory, r.Prefix))
            .OrderByDescending(r => r.Prefix.Length)
            .FirstOrDefault();
    }

    /// <summary>The namespace decision for <paramref name="item"/>, known by <paramref name="logical"/> under <paramref name="prefix"/>.</summary>
    public NamespaceDecision Decide(ProtoItemInput item, string prefix, string logical, DiagnosticSink sink)
    {
        if (item.CSharpNamespace.Length > 0)
        {
            string? reason = CSharpNames.ValidateNamespace(item.CSharpNamespace);
            if (reason is not null)
            {
                sink.AtProjectValue(BuildDiagnostics.InvalidNamespace, $"CSharpNamespace '{item.CSharpNamespace}' of '{item.ItemSpec}' is not a valid C# namespace: {reason}.", item.DefinedIn, "CSharpNamespace", item.CSharpNamespace, item);
                return NamespaceDecision.None;
            }

            return new NamespaceDecision(item.CSharpNamespace, OverrideOwnOption: true);
        }

        string directory = LogicalPaths.DirectoryOf(logical);
        NamespaceRuleInput? rule = RuleFor(logical);

        string baseNamespace;
        string remainder;
        bool overrideOwn;
        if (rule is not null)
        {
            baseNamespace = rule.Namespace;
            remainder = directory.Length == rule.Prefix.Length ? string.Empty : directory.Substring(rule.Prefix.Length + 1);
            overrideOwn = rule.Override || item.Override;
        }
        else if (prefix.Length > 0)
        {
            baseNamespace = string.Empty;
            remainder = directory;
            overrideOwn = item.Override;
        }
        else
        {
            return NamespaceDecision.None;
        }

        var parts = new List<string>();
        if (baseNamespace.Length > 0)
        {
            parts.Add(baseNamespace);
        }

        if (remainder.Length > 0)
        {
            foreach (string segment in remainder.Split('/'))
            {
                string identifier = CSharpNames.PascalCaseSegment(segment);
                if (identifier.Length == 0)
                {
                    sink.At(BuildDiagnostics.InvalidNamespace, $"The directory '{segment}' in the logical path '{logical}' has no letter or digit to make a C# namespace part of; set CSharpNamespace on '{item.ItemSpec}' or add a ProtoNamespace rule.", item.FullPath, 1, 1);
                    return NamespaceDecision.None;
                }

                parts.Add(identifier);
            }
        }

        // A file at the top of its tree with no rule keeps protoc's namespace.
        return parts.Count == 0 ? NamespaceDecision.None : new NamespaceDecision(string.Join(".", parts), overrideOwn);
    }

    /// <summary>
    /// Whether compiling a file under <paramref name="decision"/> gives it another namespace than protoc gives it
    /// as written: the file's own option (<paramref name="ownOption"/>, null without one) or, without one, protoc's
    /// namespace for its <paramref name="package"/>. Only such files need a staged copy.
    /// </summary>
    public static bool Changes(NamespaceDecision decision, string? ownOption, string package)
    {
        if (decision.Namespace is null)
        {
            return false;
        }

        if (ownOption is not null)
        {
            return decision.OverrideOwnOption && !string.Equals(ownOption, decision.Namespace, StringComparison.Ordinal);
        }

        return !string.Equals(ProtocNamespace(package), decision.Namespace, StringComparison.Ordinal);
    }

    /// <summary>
    /// The C# namespace protoc gives a file compiled under <paramref name="decision"/>: the decision where it
    /// <see cref="Changes"/> the namespace, else the file's own option, else protoc's for its package (the package
    /// itself where that conversion is not certain).
    /// </summary>
    public static string Effective(NamespaceDecision decision, string? ownOption, string package) =>
        Changes(decision, ownOption, package) ? decision.Namespace! : ownOption ?? ProtocNamespace(package) ?? package;

    /// <summary>
    /// protoc's C# namespace for a file without <c>option csharp_namespace</c>: the package, each part converted as
    /// protoc converts it. Null when the conversion is not certain to match protoc's (a part that starts with a digit
    /// or holds no letter), so that such a file is staged.
    /// </summary>
    internal static string? ProtocNamespace(string package)
    {
        if (package.Length == 0)
        {
            return string.Empty;
        }

        var parts = new List<string>();
        foreach (string part in package.Split('.'))
        {
            string converted = CSharpNames.PascalCaseSegment(part);
            if (converted.Length == 0 || converted[0] == '_')
            {
                return null;
            }

            parts.Add(converted);
        }

        return string.Join(".", parts);
    }
}
