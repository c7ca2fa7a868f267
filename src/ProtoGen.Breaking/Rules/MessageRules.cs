using System;
using System.Collections.Generic;
using System.Linq;
using Google.Protobuf.Reflection;
using ProtoGen.Breaking.Engine;
using ProtoGen.Breaking.Model;

namespace ProtoGen.Breaking.Rules;

/// <summary>Rules about messages: deletion, options, oneofs, required fields, reserved and extension ranges.</summary>
internal static class MessageRules
{
    /// <summary>MESSAGE_NO_DELETE: a message (by nested name) is gone from its file.</summary>
    public static void NoDelete(CheckContext context, string ruleId)
    {
        foreach ((ProtoFile previous, ProtoFile current) in context.FilePairs)
        {
            var names = new HashSet<string>(current.AllMessages.Select(m => m.NestedName), StringComparer.Ordinal);
            foreach (ProtoMessage message in previous.AllMessages)
            {
                if (!names.Contains(message.NestedName))
                {
                    context.Report(ruleId, message.FullName, $"Previously present message \"{message.NestedName}\" was deleted from file.", current, previous,
                        CheckContext.DeletedElementParentPath(current, message.NestedName));
                }
            }
        }
    }

    /// <summary>MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR: the option went from false (or unset) to true.</summary>
    public static void NoRemoveStandardDescriptorAccessor(CheckContext context, string ruleId)
    {
        foreach ((ProtoMessage previous, ProtoMessage current) in context.MessagePairs)
        {
            if (!previous.Options.NoStandardDescriptorAccessor && current.Options.NoStandardDescriptorAccessor)
            {
                context.Report(ruleId, current.FullName, "Message option \"no_standard_descriptor_accessor\" changed from \"false\" to \"true\".", current.File, previous.File,
                    SourcePaths.Append(current.Path, SourcePaths.MessageOptions, SourcePaths.MessageOptionNoStandardDescriptorAccessor), CheckContext.PathOf(current));
            }
        }
    }

    /// <summary>MESSAGE_SAME_JSON_FORMAT: JSON support (resolved <c>json_format</c>) was ALLOW and no longer is.</summary>
    public static void SameJsonFormat(CheckContext context, string ruleId)
    {
        foreach ((ProtoMessage previous, ProtoMessage current) in context.MessagePairs)
        {
            if (previous.Features.JsonFormat == FeatureSet.Types.JsonFormat.Allow && current.Features.JsonFormat != FeatureSet.Types.JsonFormat.Allow)
            {
                context.Report(ruleId, current.FullName, $"Message \"{current.Name}\" JSON format support changed from {Names.Of(previous.Features.JsonFormat)} to {Names.Of(current.Features.JsonFormat)}.",
                    current.File, previous.File,
                    SourcePaths.Append(current.Path, SourcePaths.MessageOptions, SourcePaths.MessageOptionFeatures, SourcePaths.FeatureJsonFormat), CheckContext.PathOf(current));
            }
        }
    }

    /// <summary>MESSAGE_SAME_REQUIRED_FIELDS: a required field was added or deleted.</summary>
    public static void SameRequiredFields(CheckContext context, string ruleId)
    {
        foreach ((ProtoMessage previous, ProtoMessage current) in context.MessagePairs)
        {
            var before = new HashSet<int>(previous.Fields.Where(f => f.IsRequired).Select(f => f.Number));
            var after = current.Fields.Where(f => f.IsRequired).ToDictionary(f => f.Number);
            foreach (int number in before.Where(n => !after.ContainsKey(n)).OrderBy(n => n))
            {
                context.Report(ruleId, current.FullName + "#" + FileRules.Text(number),
                    $"Message \"{previous.Name}\" had required field \"{number}\" deleted. Required fields must always be sent, so a side that does not know the field breaks.",
                    current.File, previous.File, CheckContext.PathOf(current));
            }

            foreach (ProtoField field in after.Values.Where(f => !before.Contains(f.Number)).OrderBy(f => f.Number))
            {
                context.Report(ruleId, current.FullName + "#" + FileRules.Text(field.Number),
                    $"Message \"{current.Name}\" had required field \"{field.Number}\" added. Required fields must always be sent, so a side that does not know the field breaks.",
                    current.File, previous.File, field.Path);
            }
        }
    }

    /// <summary>ONEOF_NO_DELETE: a oneof (by name; synthetic ones aside) is gone from its message.</summary>
    public static void OneofNoDelete(CheckContext context, string ruleId)
    {
        foreach ((ProtoMessage previous, ProtoMessage current) in context.MessagePairs)
        {
            var names = new HashSet<string>(current.Oneofs.Select(o => o.Name), StringComparer.Ordinal);
            foreach (ProtoOneof oneof in previous.Oneofs.Where(o => !o.IsSynthetic && !names.Contains(o.Name)))
            {
                context.Report(ruleId, current.FullName + "." + oneof.Name, $"Previously present oneof \"{oneof.Name}\" on message \"{current.Name}\" was deleted.",
                    current.File, previous.File, CheckContext.PathOf(current));
            }
        }
    }

    /// <summary>RESERVED_MESSAGE_NO_DELETE: a reserved range lost numbers, or a reserved name is gone.</summary>
    public static void ReservedNoDelete(CheckContext context, string ruleId)
    {
        foreach ((ProtoMessage previous, ProtoMessage current) in context.MessagePairs)
        {
            int max = current.Options.MessageSetWireFormat ? TagRanges.Int32Max : TagRanges.MessageMax;
            CheckRanges(context, ruleId, "reserved", "message", current.Name, current.FullName, current.File, previous.File, CheckContext.PathOf(current), max,
                previous.Proto.ReservedRange.Select(r => (r.Start, r.End - 1)).ToList(), current.Proto.ReservedRange.Select(r => (r.Start, r.End - 1)).ToList());
            CheckNames(context, ruleId, "message", current.Name, current.FullName, current.File, previous.File, CheckContext.PathOf(current),
                previous.Proto.ReservedName, current.Proto.ReservedName);
        }
    }

    /// <summary>EXTENSION_MESSAGE_NO_DELETE: an extension range lost numbers.</summary>
    public static void ExtensionRangeNoDelete(CheckContext context, string ruleId)
    {
        foreach ((ProtoMessage previous, ProtoMessage current) in context.MessagePairs)
        {
            int max = current.Options.MessageSetWireFormat ? TagRanges.Int32Max : TagRanges.MessageMax;
            CheckRanges(context, ruleId, "extension", "message", current.Name, current.FullName, current.File, previous.File, CheckContext.PathOf(current), max,
                previous.Proto.ExtensionRange.Select(r => (r.Start, r.End - 1)).ToList(), current.Proto.ExtensionRange.Select(r => (r.Start, r.End - 1)).ToList());
        }
    }

    public static void CheckRanges(
        CheckContext context, string ruleId, string rangeKind, string elementKind, string name, string fullName, ProtoFile file, ProtoFile againstFile, int[] path, int max,
        List<(int Start, int End)> previous, List<(int Start, int End)> current)
    {
        foreach ((int Start, int End) range in previous)
        {
            List<(int Start, int End)> missing = TagRanges.Missing(range, current);
            if (missing.Count > 0)
            {
                string removed = string.Join(", ", missing.Select(m => TagRanges.Format(m, max)));
                context.Report(ruleId, fullName + " " + rangeKind + " " + TagRanges.Format(range, max),
                    $"Previously present {rangeKind} range \"{TagRanges.Format(range, max)}\" on {elementKind} \"{name}\" is missing values: {removed} were removed.",
                    file, againstFile, path);
            }
        }
    }

    public static void CheckNames(
        CheckContext context, string ruleId, string elementKind, string name, string fullName, ProtoFile file, ProtoFile againstFile, int[] path,
        IEnumerable<string> previous, IEnumerable<string> current)
    {
        var names = new HashSet<string>(current, StringComparer.Ordinal);
        foreach (string reserved in previous.Where(n => !names.Contains(n)).Distinct(StringComparer.Ordinal))
        {
            context.Report(ruleId, fullName + " reserved " + reserved, $"Previously present reserved name \"{reserved}\" on {elementKind} \"{name}\" was deleted.",
                file, againstFile, path);
        }
    }
}
