using System;
using System.Collections.Generic;
using System.Linq;
using Google.Protobuf.Reflection;
using ProtoGen.Breaking.Engine;
using ProtoGen.Breaking.Model;

namespace ProtoGen.Breaking.Rules;

/// <summary>Rules about enums and their values.</summary>
internal static class EnumRules
{
    /// <summary>ENUM_NO_DELETE: an enum (by nested name) is gone from its file.</summary>
    public static void NoDelete(CheckContext context, string ruleId)
    {
        foreach ((ProtoFile previous, ProtoFile current) in context.FilePairs)
        {
            var names = new HashSet<string>(current.AllEnums.Select(e => e.NestedName), StringComparer.Ordinal);
            foreach (ProtoEnum gone in previous.AllEnums.Where(e => !names.Contains(e.NestedName)))
            {
                context.Report(ruleId, gone.FullName, $"Previously present enum \"{gone.NestedName}\" was deleted from file.", current, previous,
                    CheckContext.DeletedElementParentPath(current, gone.NestedName));
            }
        }
    }

    /// <summary>ENUM_SAME_TYPE: the enum changed between open and closed.</summary>
    public static void SameType(CheckContext context, string ruleId)
    {
        foreach ((ProtoEnum previous, ProtoEnum current) in context.EnumPairs)
        {
            if (previous.IsClosed != current.IsClosed)
            {
                string before = previous.IsClosed ? "closed" : "open";
                string after = current.IsClosed ? "closed" : "open";
                context.Report(ruleId, current.FullName, $"Enum \"{current.Name}\" changed from {before} to {after}.", current.File, previous.File,
                    FeaturePath(current, SourcePaths.FeatureEnumType), current.Path);
            }
        }
    }

    /// <summary>ENUM_SAME_JSON_FORMAT: JSON support (resolved <c>json_format</c>) was ALLOW and no longer is.</summary>
    public static void SameJsonFormat(CheckContext context, string ruleId)
    {
        foreach ((ProtoEnum previous, ProtoEnum current) in context.EnumPairs)
        {
            if (previous.Features.JsonFormat == FeatureSet.Types.JsonFormat.Allow && current.Features.JsonFormat != FeatureSet.Types.JsonFormat.Allow)
            {
                context.Report(ruleId, current.FullName, $"Enum \"{current.Name}\" JSON format support changed from {Names.Of(previous.Features.JsonFormat)} to {Names.Of(current.Features.JsonFormat)}.",
                    current.File, previous.File, FeaturePath(current, SourcePaths.FeatureJsonFormat), current.Path);
            }
        }
    }

    /// <summary>ENUM_VALUE_NO_DELETE.</summary>
    public static void ValueNoDelete(CheckContext context, string ruleId) => ValueNoDelete(context, ruleId, numberReserved: false, nameReserved: false);

    /// <summary>ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED.</summary>
    public static void ValueNoDeleteUnlessNumberReserved(CheckContext context, string ruleId) => ValueNoDelete(context, ruleId, numberReserved: true, nameReserved: false);

    /// <summary>ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED.</summary>
    public static void ValueNoDeleteUnlessNameReserved(CheckContext context, string ruleId) => ValueNoDelete(context, ruleId, numberReserved: false, nameReserved: true);

    /// <summary>ENUM_VALUE_SAME_NAME: a number lost one of its names (adding an alias is fine).</summary>
    public static void ValueSameName(CheckContext context, string ruleId)
    {
        foreach ((ProtoEnum previous, ProtoEnum current) in context.EnumPairs)
        {
            Dictionary<int, List<ProtoEnumValue>> before = ByNumber(previous);
            foreach (KeyValuePair<int, List<ProtoEnumValue>> entry in ByNumber(current))
            {
                if (!before.TryGetValue(entry.Key, out List<ProtoEnumValue>? previousValues))
                {
                    continue;
                }

                var names = new HashSet<string>(entry.Value.Select(v => v.Name), StringComparer.Ordinal);
                if (previousValues.All(v => names.Contains(v.Name)))
                {
                    continue;
                }

                string[] previousNames = [.. previousValues.Select(v => v.Name).OrderBy(n => n, StringComparer.Ordinal)];
                string[] currentNames = [.. names.OrderBy(n => n, StringComparer.Ordinal)];
                string plural = previousNames.Length > 1 && currentNames.Length > 1 ? "s" : string.Empty;
                foreach (ProtoEnumValue value in entry.Value)
                {
                    context.Report(ruleId, current.FullName + "#" + FileRules.Text(entry.Key),
                        $"Enum value \"{entry.Key}\" on enum \"{current.Name}\" changed name{plural} from {Quoted(previousNames)} to {Quoted(currentNames)}.",
                        current.File, previous.File, SourcePaths.Append(value.Path, SourcePaths.EnumValueNumber), value.Path);
                }
            }
        }
    }

    /// <summary>RESERVED_ENUM_NO_DELETE.</summary>
    public static void ReservedNoDelete(CheckContext context, string ruleId)
    {
        foreach ((ProtoEnum previous, ProtoEnum current) in context.EnumPairs)
        {
            MessageRules.CheckRanges(context, ruleId, "reserved", "enum", current.Name, current.FullName, current.File, previous.File, current.Path, TagRanges.Int32Max,
                previous.Proto.ReservedRange.Select(r => (r.Start, r.End)).ToList(), current.Proto.ReservedRange.Select(r => (r.Start, r.End)).ToList());
            MessageRules.CheckNames(context, ruleId, "enum", current.Name, current.FullName, current.File, previous.File, current.Path,
                previous.Proto.ReservedName, current.Proto.ReservedName);
        }
    }

    /// <summary>True when every value (number and name) of <paramref name="subset"/> is also in <paramref name="superset"/>.</summary>
    public static bool IsSubset(ProtoEnum subset, ProtoEnum superset)
    {
        var values = new HashSet<(int, string)>(superset.Values.Select(v => (v.Number, v.Name)));
        return subset.Values.All(v => values.Contains((v.Number, v.Name)));
    }

    private static void ValueNoDelete(CheckContext context, string ruleId, bool numberReserved, bool nameReserved)
    {
        foreach ((ProtoEnum previous, ProtoEnum current) in context.EnumPairs)
        {
            Dictionary<int, List<ProtoEnumValue>> after = ByNumber(current);
            foreach (KeyValuePair<int, List<ProtoEnumValue>> entry in ByNumber(previous).OrderBy(e => e.Key))
            {
                if (after.ContainsKey(entry.Key))
                {
                    continue;
                }

                string suffix = string.Empty;
                if (numberReserved)
                {
                    if (current.Proto.ReservedRange.Any(r => r.Start <= entry.Key && entry.Key <= r.End))
                    {
                        continue;
                    }

                    suffix = $" without reserving the number \"{entry.Key}\"";
                }
                else if (nameReserved)
                {
                    if (entry.Value.All(v => current.Proto.ReservedName.Contains(v.Name)))
                    {
                        continue;
                    }

                    string[] names = [.. entry.Value.Select(v => v.Name).OrderBy(n => n, StringComparer.Ordinal)];
                    suffix = $" without reserving the name{(names.Length > 1 ? "s" : string.Empty)} {Quoted(names)}";
                }

                context.Report(ruleId, current.FullName + "#" + FileRules.Text(entry.Key),
                    $"Previously present enum value \"{entry.Key}\" on enum \"{current.Name}\" was deleted{suffix}.", current.File, previous.File, current.Path);
            }
        }
    }

    private static int[] FeaturePath(ProtoEnum value, int feature) =>
        SourcePaths.Append(value.Path, SourcePaths.EnumOptions, SourcePaths.EnumOptionFeatures, feature);

    private static Dictionary<int, List<ProtoEnumValue>> ByNumber(ProtoEnum value)
    {
        var result = new Dictionary<int, List<ProtoEnumValue>>();
        foreach (ProtoEnumValue item in value.Values)
        {
            if (!result.TryGetValue(item.Number, out List<ProtoEnumValue>? list))
            {
                result[item.Number] = list = [];
            }

            list.Add(item);
        }

        return result;
    }

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => "\"" + n + "\""));
}
