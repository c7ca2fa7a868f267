using System;
using System.Collections.Generic;
using System.Linq;
using ProtoGen.Breaking.Engine;
using ProtoGen.Breaking.Model;
using ProtoGen.Shared;

namespace ProtoGen.Breaking.Rules;

/// <summary>
/// ProtoGen's CSHARP category: changes that break C# code compiled against the generated classes, though the wire
/// may not notice. Types pair by their C# name (not their proto name or file), members by their C# name; a
/// member that is gone is reported as renamed when the same field number, value number or oneof field is still
/// there under another C# name.
/// </summary>
internal static class CSharpRules
{
    /// <summary>CSHARP_SAME_NAMESPACE: the effective C# namespace of a file changed (option, ProtoGen rule or package).</summary>
    public static void SameNamespace(CheckContext context, string ruleId)
    {
        foreach ((ProtoFile previous, ProtoFile current) in context.FilePairs)
        {
            string before = CSharpNaming.Namespace(previous);
            string after = CSharpNaming.Namespace(current);
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                context.Report(ruleId, current.Path, $"File C# namespace changed from \"{before}\" to \"{after}\", which moves every type the file generates.",
                    current, previous, FileRules.OptionPath(current, [SourcePaths.FileOptions, SourcePaths.FileOptionCSharpNamespace]), [SourcePaths.FilePackage]);
            }
        }
    }

    /// <summary>CSHARP_TYPE_NO_DELETE: a generated class or enum (message, enum, service) no longer exists under its C# name.</summary>
    public static void TypeNoDelete(CheckContext context, string ruleId)
    {
        Dictionary<string, TypeEntry> before = Types(context.Previous);
        Dictionary<string, TypeEntry> after = Types(context.Current);
        var byProtoName = new Dictionary<(string, string), TypeEntry>();
        foreach (TypeEntry type in after.Values)
        {
            byProtoName[(type.ProtoKind, type.ProtoName)] = type;
        }

        foreach (KeyValuePair<string, TypeEntry> entry in before.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (after.ContainsKey(entry.Key))
            {
                continue;
            }

            TypeEntry gone = entry.Value;
            if (byProtoName.TryGetValue((gone.ProtoKind, gone.ProtoName), out TypeEntry? moved))
            {
                context.Report(ruleId, gone.ProtoName, $"C# {gone.Kind} \"{entry.Key}\" of {gone.ProtoKind} \"{gone.ProtoName}\" is now \"{moved.CSharpName}\".",
                    moved.File, gone.File, moved.Path);
                continue;
            }

            ProtoFile? file = context.CurrentFile(gone.File.Path);
            int[]? parent = file is null ? null : CheckContext.DeletedElementParentPath(file, NestedName(gone));
            context.Report(ruleId, gone.ProtoName, $"C# {gone.Kind} \"{entry.Key}\" of {gone.ProtoKind} \"{gone.ProtoName}\" no longer exists.", file, gone.File, parent);
        }
    }

    /// <summary>CSHARP_PROPERTY_NO_DELETE: a message class lost a property (its field was renamed so the property name changed, or deleted).</summary>
    public static void PropertyNoDelete(CheckContext context, string ruleId)
    {
        foreach ((ProtoMessage previous, ProtoMessage current) in ClassPairs(context))
        {
            var properties = new HashSet<string>(current.Fields.Select(CSharpNaming.PropertyName), StringComparer.Ordinal);
            Dictionary<int, ProtoField> byNumber = CheckContext.ByNumber(current.Fields);
            string className = CSharpNaming.ClassName(current);
            foreach (ProtoField field in previous.Fields)
            {
                string property = CSharpNaming.PropertyName(field);
                if (properties.Contains(property))
                {
                    continue;
                }

                if (byNumber.TryGetValue(field.Number, out ProtoField? renamed))
                {
                    context.Report(ruleId, className + "." + property, $"{renamed.Description(withName: false)} changed C# property name from \"{property}\" to \"{CSharpNaming.PropertyName(renamed)}\".",
                        current.File, previous.File, SourcePaths.Append(renamed.Path, SourcePaths.FieldName), renamed.Path);
                }
                else
                {
                    context.Report(ruleId, className + "." + property, $"C# property \"{property}\" of \"{className}\" (field \"{field.Name}\" = {field.Number}) was removed.",
                        current.File, previous.File, CheckContext.PathOf(current));
                }
            }
        }
    }

    /// <summary>CSHARP_PROPERTY_SAME_TYPE: a property kept its name but not its C# type (int to long, a repeated field, another message…).</summary>
    public static void PropertySameType(CheckContext context, string ruleId)
    {
        foreach ((ProtoMessage previous, ProtoMessage current) in ClassPairs(context))
        {
            var byProperty = new Dictionary<string, ProtoField>(StringComparer.Ordinal);
            foreach (ProtoField field in current.Fields)
            {
                byProperty[CSharpNaming.PropertyName(field)] = field;
            }

            string className = CSharpNaming.ClassName(current);
            foreach (ProtoField field in previous.Fields)
            {
                string property = CSharpNaming.PropertyName(field);
                if (!byProperty.TryGetValue(property, out ProtoField? match))
                {
                    continue;
                }

                string before = CSharpNaming.PropertyType(field);
                string after = CSharpNaming.PropertyType(match);
                if (!string.Equals(before, after, StringComparison.Ordinal))
                {
                    int[] typePath = SourcePaths.Append(match.Path, match.Proto.HasTypeName ? SourcePaths.FieldTypeName : SourcePaths.FieldType);
                    context.Report(ruleId, className + "." + property, $"C# property \"{property}\" of \"{className}\" changed type from \"{before}\" to \"{after}\".",
                        current.File, previous.File, typePath, CheckContext.PathOf(match));
                }
            }
        }
    }

    /// <summary>CSHARP_ONEOF_NO_DELETE: a message class lost a oneof's <c>…Case</c> property and <c>…OneofCase</c> enum.</summary>
    public static void OneofNoDelete(CheckContext context, string ruleId)
    {
        foreach ((ProtoMessage previous, ProtoMessage current) in ClassPairs(context))
        {
            List<ProtoOneof> oneofs = [.. current.Oneofs.Where(o => !o.IsSynthetic)];
            var names = new HashSet<string>(oneofs.Select(CSharpNaming.OneofName), StringComparer.Ordinal);
            string className = CSharpNaming.ClassName(current);
            foreach (ProtoOneof oneof in previous.Oneofs.Where(o => !o.IsSynthetic))
            {
                string name = CSharpNaming.OneofName(oneof);
                if (names.Contains(name))
                {
                    continue;
                }

                var numbers = new HashSet<int>(oneof.Fields.Select(f => f.Number));
                ProtoOneof? renamed = oneofs.FirstOrDefault(o => o.Fields.Any(f => numbers.Contains(f.Number)));
                string members = $"\"{name}Case\" and \"{name}OneofCase\"";
                if (renamed is not null)
                {
                    context.Report(ruleId, className + "." + name, $"Oneof \"{renamed.Name}\" on message \"{current.Name}\" changed C# name from \"{name}\" to \"{CSharpNaming.OneofName(renamed)}\": {members} are gone.",
                        current.File, previous.File, renamed.Path);
                }
                else
                {
                    context.Report(ruleId, className + "." + name, $"C# members {members} of \"{className}\" (oneof \"{oneof.Name}\") were removed.",
                        current.File, previous.File, CheckContext.PathOf(current));
                }
            }
        }
    }

    /// <summary>CSHARP_ENUM_VALUE_NO_DELETE: a C# enum lost a member (its value was renamed so the member name changed, or deleted).</summary>
    public static void EnumValueNoDelete(CheckContext context, string ruleId)
    {
        Dictionary<string, ProtoEnum> after = ByName(context.Current.CurrentFiles.SelectMany(f => f.AllEnums), CSharpNaming.EnumName);
        foreach (ProtoEnum previous in context.Previous.CurrentFiles.SelectMany(f => f.AllEnums))
        {
            string enumName = CSharpNaming.EnumName(previous);
            if (!after.TryGetValue(enumName, out ProtoEnum? current) || context.Unchanged(previous.File, current.File))
            {
                continue;
            }

            List<string> currentNames = CSharpNaming.EnumMemberNames(current);
            var members = new HashSet<string>(currentNames, StringComparer.Ordinal);
            List<string> previousNames = CSharpNaming.EnumMemberNames(previous);
            for (int i = 0; i < previous.Values.Count; i++)
            {
                string member = previousNames[i];
                if (members.Contains(member))
                {
                    continue;
                }

                int number = previous.Values[i].Number;
                int renamed = current.Values.FindIndex(v => v.Number == number);
                if (renamed >= 0)
                {
                    ProtoEnumValue value = current.Values[renamed];
                    context.Report(ruleId, enumName + "." + member, $"Enum value \"{number}\" on enum \"{current.Name}\" changed C# name from \"{member}\" to \"{currentNames[renamed]}\".",
                        current.File, previous.File, SourcePaths.Append(value.Path, SourcePaths.EnumValueName), value.Path);
                }
                else
                {
                    context.Report(ruleId, enumName + "." + member, $"C# enum member \"{enumName}.{member}\" (value \"{previous.Values[i].Name}\" = {number}) was removed.",
                        current.File, previous.File, current.Path);
                }
            }
        }
    }

    /// <summary>CSHARP_RPC_NO_DELETE: a service's generated client lost the methods of an RPC (the RPC was renamed or deleted).</summary>
    public static void RpcNoDelete(CheckContext context, string ruleId)
    {
        foreach ((ProtoService previous, ProtoService current) in ServiceClassPairs(context))
        {
            var names = new HashSet<string>(current.Methods.Select(m => m.Name), StringComparer.Ordinal);
            string client = CSharpNaming.ServiceClassName(current) + "." + current.Name + "Client";
            foreach (ProtoMethod gone in previous.Methods.Where(m => !names.Contains(m.Name)))
            {
                string methods = string.Join(" and ", CSharpNaming.ClientMethods(gone).Keys.Select(m => "\"" + m + "\""));
                context.Report(ruleId, client + "." + gone.Name, $"RPC \"{gone.Name}\" on service \"{current.Name}\" is gone: C# client \"{client}\" loses {methods}.",
                    current.File, previous.File, current.Path);
            }
        }
    }

    /// <summary>
    /// CSHARP_WRAPPER_MEMBER_NO_DELETE: an RPC that still exists lost members of the generated client or of
    /// ProtoGen's client wrapper (<c>I…Client</c>, <c>…ClientWrapper</c>), or a member of the same name now returns
    /// another type: its kind changed, or another RPC took the name of its <c>NameStreamAsync</c>. The wrapper's
    /// members are those of the project's overload set (<see cref="CheckContext.WrapperOverloads"/>).
    /// </summary>
    public static void WrapperMemberNoDelete(CheckContext context, string ruleId)
    {
        foreach ((ProtoService previousService, ProtoService service) in ServiceClassPairs(context))
        {
            var byName = new Dictionary<string, ProtoMethod>(StringComparer.Ordinal);
            foreach (ProtoMethod method in service.Methods)
            {
                byName[method.Name] = method;
            }

            string wrapper = CSharpNaming.WrapperName(service);
            Dictionary<string, Dictionary<string, CallReturn>> wrappedBefore = CSharpNaming.WrapperMembers(previousService, context.WrapperOverloads);
            Dictionary<string, Dictionary<string, CallReturn>> wrappedAfter = CSharpNaming.WrapperMembers(service, context.WrapperOverloads);
            foreach (ProtoMethod previous in previousService.Methods)
            {
                if (!byName.TryGetValue(previous.Name, out ProtoMethod? current))
                {
                    continue;
                }

                Dictionary<string, CallReturn> clientBefore = CSharpNaming.ClientMethods(previous);
                Dictionary<string, CallReturn> clientAfter = CSharpNaming.ClientMethods(current);
                Dictionary<string, CallReturn> wrapperBefore = wrappedBefore.TryGetValue(previous.Name, out var b) ? b : [];
                Dictionary<string, CallReturn> wrapperAfter = wrappedAfter.TryGetValue(current.Name, out var a) ? a : [];
                string cause = CSharpNaming.Rpc(previous).Kind != CSharpNaming.Rpc(current).Kind
                    ? "changed kind"
                    : "lost a member name to another RPC";
                foreach (string member in clientBefore.Keys.Union(wrapperBefore.Keys, StringComparer.Ordinal))
                {
                    string? inClient = Change(clientBefore, clientAfter, member);
                    string? inWrapper = Change(wrapperBefore, wrapperAfter, member);
                    if (inClient is null && inWrapper is null)
                    {
                        continue;
                    }

                    string what = inClient == inWrapper
                        ? Describe(member, inClient!, $"the generated client and client wrapper \"{wrapper}\"")
                        : string.Join("; ", new[] { (inClient, "the generated client"), (inWrapper, $"client wrapper \"{wrapper}\"") }
                            .Where(part => part.Item1 is not null)
                            .Select(part => Describe(member, part.Item1!, part.Item2)));
                    context.Report(ruleId, wrapper + "." + member, $"RPC \"{current.Name}\" on service \"{service.Name}\" {cause}: {what}.",
                        service.File, previousService.File, current.Path);
                }
            }
        }
    }

    /// <summary>What became of a member: null (the same), empty (gone) or the type it returned.</summary>
    private static string? Change(Dictionary<string, CallReturn> before, Dictionary<string, CallReturn> after, string member)
    {
        if (!before.TryGetValue(member, out CallReturn previous))
        {
            return null;
        }

        if (!after.TryGetValue(member, out CallReturn current))
        {
            return string.Empty;
        }

        return previous == current ? null : WrapperNaming.Describe(current) + ", not " + WrapperNaming.Describe(previous);
    }

    private static string Describe(string member, string change, string where) =>
        change.Length == 0 ? $"\"{member}\" is gone from {where}" : $"\"{member}\" of {where} now returns {change}";

    private static List<(ProtoMessage Previous, ProtoMessage Current)> ClassPairs(CheckContext context) =>
        context.Memo("csharp.classes", () => ComputeClassPairs(context).ToList());

    private static List<(ProtoService Previous, ProtoService Current)> ServiceClassPairs(CheckContext context) =>
        context.Memo("csharp.services", () => ComputeServiceClassPairs(context).ToList());

    private static IEnumerable<(ProtoMessage Previous, ProtoMessage Current)> ComputeClassPairs(CheckContext context)
    {
        Dictionary<string, ProtoMessage> after = ByName(context.Current.CurrentFiles.SelectMany(f => f.AllMessages).Where(m => !m.IsMapEntry), CSharpNaming.ClassName);
        foreach (ProtoMessage previous in context.Previous.CurrentFiles.SelectMany(f => f.AllMessages).Where(m => !m.IsMapEntry))
        {
            if (after.TryGetValue(CSharpNaming.ClassName(previous), out ProtoMessage? current) && !context.Unchanged(previous.File, current.File))
            {
                yield return (previous, current);
            }
        }
    }

    private static IEnumerable<(ProtoService Previous, ProtoService Current)> ComputeServiceClassPairs(CheckContext context)
    {
        Dictionary<string, ProtoService> after = ByName(context.Current.CurrentFiles.SelectMany(f => f.Services), CSharpNaming.ServiceClassName);
        foreach (ProtoService previous in context.Previous.CurrentFiles.SelectMany(f => f.Services))
        {
            if (after.TryGetValue(CSharpNaming.ServiceClassName(previous), out ProtoService? current) && !context.Unchanged(previous.File, current.File))
            {
                yield return (previous, current);
            }
        }
    }

    private static Dictionary<string, TypeEntry> Types(ProtoWorkspace workspace)
    {
        var types = new Dictionary<string, TypeEntry>(StringComparer.Ordinal);
        foreach (ProtoFile file in workspace.CurrentFiles)
        {
            foreach (ProtoMessage message in file.AllMessages.Where(m => !m.IsMapEntry))
            {
                types[CSharpNaming.ClassName(message)] = new TypeEntry("class", "message", message.FullName, CSharpNaming.ClassName(message), file, message.Path);
            }

            foreach (ProtoEnum value in file.AllEnums)
            {
                types[CSharpNaming.EnumName(value)] = new TypeEntry("enum", "enum", value.FullName, CSharpNaming.EnumName(value), file, value.Path);
            }

            foreach (ProtoService service in file.Services)
            {
                types[CSharpNaming.ServiceClassName(service)] = new TypeEntry("class", "service", service.FullName, CSharpNaming.ServiceClassName(service), file, service.Path);
            }
        }

        return types;
    }

    private static string NestedName(TypeEntry entry) =>
        entry.File.Package.Length == 0 ? entry.ProtoName : entry.ProtoName.Substring(entry.File.Package.Length + 1);

    private static Dictionary<string, T> ByName<T>(IEnumerable<T> elements, Func<T, string> name)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (T element in elements)
        {
            result[name(element)] = element;
        }

        return result;
    }

    private sealed record TypeEntry(string Kind, string ProtoKind, string ProtoName, string CSharpName, ProtoFile File, int[] Path);
}
