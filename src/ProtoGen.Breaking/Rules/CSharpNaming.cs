using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ProtoGen.Breaking.Model;
using ProtoGen.Build.Naming;
using ProtoGen.Shared;
using FieldType = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace ProtoGen.Breaking.Rules;

/// <summary>
/// The C# names protoc's C# generator (and grpc_csharp_plugin, and ProtoGen's client wrappers) give to the elements
/// of a proto: namespaces, classes, properties, enum members, client methods. Follows protoc's
/// <c>csharp_helpers.cc</c> conventions: PascalCase from snake_case, <c>Types</c> for nesting, enum value prefixes
/// stripped. The client's and the wrapper's members come from <see cref="WrapperNaming"/>, which the generator uses.
/// </summary>
internal static class CSharpNaming
{
    /// <summary>Names a property may not take in a generated message class (protoc appends an underscore).</summary>
    private static readonly HashSet<string> ReservedMemberNames = new(StringComparer.Ordinal)
    {
        "Types", "Descriptor", "Equals", "ToString", "GetHashCode", "WriteTo", "Clone", "CalculateSize", "MergeFrom", "OnConstruction", "Parser",
    };

    /// <summary>The file's C# namespace: its <c>csharp_namespace</c> option (ProtoGen's when it set one), else its package PascalCased.</summary>
    public static string Namespace(ProtoFile file) => file.CSharpNamespace ??=
        file.Options.HasCsharpNamespace
            ? file.Options.CsharpNamespace
            : string.Join(".", file.Package.Split(['.'], StringSplitOptions.RemoveEmptyEntries).Select(CSharpNames.PascalCaseSegment));

    /// <summary>The full C# name of a message's class: <c>Ns.Outer.Types.Inner</c>.</summary>
    public static string ClassName(ProtoMessage message) => message.CSharpName ??=
        message.Parent is { } parent ? ClassName(parent) + ".Types." + message.Name : Qualify(Namespace(message.File), message.Name);

    /// <summary>The full C# name of an enum.</summary>
    public static string EnumName(ProtoEnum value) => value.CSharpName ??=
        value.Parent is { } parent ? ClassName(parent) + ".Types." + value.Name : Qualify(Namespace(value.File), value.Name);

    /// <summary>The full C# name of the static class grpc_csharp_plugin generates for a service (it holds <c>…Client</c>).</summary>
    public static string ServiceClassName(ProtoService service) => Qualify(Namespace(service.File), service.Name);

    /// <summary>A field's property name: PascalCase of the field name (a group's type name), with an underscore when it would collide.</summary>
    public static string PropertyName(ProtoField field) => field.CSharpName ??= ComputePropertyName(field);

    private static string ComputePropertyName(ProtoField field)
    {
        string name = field.Kind == FieldType.Group && field.Proto.Type == FieldType.Group ? Last(field.TypeName) : field.Name;
        string property = CSharpNames.PascalCaseSegment(name);
        if (field.Message is { } message && (string.Equals(property, message.Name, StringComparison.Ordinal) || ReservedMemberNames.Contains(property)))
        {
            property += "_";
        }

        return property;
    }

    /// <summary>The PascalCase name of a oneof, from which its <c>…Case</c> property and <c>…OneofCase</c> enum are named.</summary>
    public static string OneofName(ProtoOneof oneof) => CSharpNames.PascalCaseSegment(oneof.Name);

    /// <summary>The C# member name of each value, in declaration order: the enum's name stripped as a prefix, PascalCased, made unique.</summary>
    public static List<string> EnumMemberNames(ProtoEnum value)
    {
        var names = new List<string>(value.Values.Count);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (ProtoEnumValue item in value.Values)
        {
            string name = EnumValueName(value.Name, item.Name);
            while (!used.Add(name))
            {
                name += "_";
            }

            names.Add(name);
        }

        return names;
    }

    /// <summary>The C# type of a field's property, with referenced messages and enums by their proto full name.</summary>
    public static string PropertyType(ProtoField field)
    {
        if (field.MapEntry is { } entry && entry.Fields.Count == 2)
        {
            return "MapField<" + ElementType(entry.Fields[0]) + ", " + ElementType(entry.Fields[1]) + ">";
        }

        return field.IsRepeated ? "RepeatedField<" + ElementType(field) + ">" : ElementType(field);
    }

    /// <summary>An RPC as <see cref="WrapperNaming"/> sees it: grpc_csharp_plugin keeps the proto name as the C# name.</summary>
    public static WrapperRpc Rpc(ProtoMethod method) => new(method.Name, (method.ClientStreaming, method.ServerStreaming) switch
    {
        (false, false) => RpcKind.Unary,
        (false, true) => RpcKind.ServerStreaming,
        (true, false) => RpcKind.ClientStreaming,
        _ => RpcKind.DuplexStreaming,
    });

    /// <summary>The full name of the client wrapper ProtoGen generates for a service.</summary>
    public static string WrapperName(ProtoService service) => Qualify(Namespace(service.File), WrapperNaming.WrapperName(service.Name));

    /// <summary>The client methods grpc_csharp_plugin generates for an RPC, by name, with what they return.</summary>
    public static Dictionary<string, CallReturn> ClientMethods(ProtoMethod method)
    {
        var methods = new Dictionary<string, CallReturn>(StringComparer.Ordinal);
        foreach ((string name, CallReturn returns) in WrapperNaming.ClientMethods(Rpc(method)))
        {
            methods[name] = returns;
        }

        return methods;
    }

    /// <summary>
    /// The call members ProtoGen's client wrapper (and its interface) has for each RPC of <paramref name="service"/>
    /// under <paramref name="overloads"/>, by RPC name, then member name, with what they return. Assumes the
    /// compilation has <c>IAsyncEnumerable</c> (every .NET Core 3.0+ project), so server-streaming RPCs have
    /// <c>NameStreamAsync</c> unless another RPC took the name.
    /// </summary>
    public static Dictionary<string, Dictionary<string, CallReturn>> WrapperMembers(ProtoService service, WrapperOverloads overloads)
    {
        List<WrapperRpc> rpcs = [.. service.Methods.Where(m => WrapperNaming.IsWrapped(m.Name, service.Name)).Select(Rpc)];
        var members = new Dictionary<string, Dictionary<string, CallReturn>>(StringComparer.Ordinal);
        foreach (WrapperRpc rpc in rpcs)
        {
            members[rpc.Name] = new Dictionary<string, CallReturn>(StringComparer.Ordinal);
        }

        foreach (WrapperMember member in WrapperNaming.Members(rpcs, overloads, asyncEnumerable: true))
        {
            members[rpcs[member.Rpc].Name][member.Name] = member.Returns;
        }

        return members;
    }

    private static string ElementType(ProtoField field) => field.Kind switch
    {
        FieldType.Double => "double",
        FieldType.Float => "float",
        FieldType.Int64 or FieldType.Sint64 or FieldType.Sfixed64 => "long",
        FieldType.Uint64 or FieldType.Fixed64 => "ulong",
        FieldType.Int32 or FieldType.Sint32 or FieldType.Sfixed32 => "int",
        FieldType.Uint32 or FieldType.Fixed32 => "uint",
        FieldType.Bool => "bool",
        FieldType.String => "string",
        FieldType.Bytes => "ByteString",
        FieldType.Enum => "enum " + field.TypeName,
        _ => "message " + field.TypeName,
    };

    private static string Qualify(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;

    private static string Last(string fullName) => fullName.Substring(fullName.LastIndexOf('.') + 1);

    /// <summary>protoc's <c>GetEnumValueName</c>: strip the enum's name as a prefix, convert SHOUTY_CASE to PascalCase.</summary>
    private static string EnumValueName(string enumName, string valueName)
    {
        string result = ShoutyToPascalCase(TryRemovePrefix(enumName, valueName));
        return result.Length > 0 && char.IsDigit(result[0]) ? "_" + result : result;
    }

    private static string ShoutyToPascalCase(string input)
    {
        var result = new StringBuilder(input.Length);
        char previous = '_';
        foreach (char current in input)
        {
            if (!IsAsciiLetterOrDigit(current))
            {
                previous = current;
                continue;
            }

            if (!IsAsciiLetterOrDigit(previous) || previous is >= '0' and <= '9')
            {
                result.Append(char.ToUpperInvariant(current));
            }
            else if (previous is >= 'a' and <= 'z')
            {
                result.Append(current);
            }
            else
            {
                result.Append(char.ToLowerInvariant(current));
            }

            previous = current;
        }

        return result.ToString();
    }

    private static string TryRemovePrefix(string prefix, string value)
    {
        var normalized = new StringBuilder(prefix.Length);
        foreach (char c in prefix)
        {
            if (c != '_')
            {
                normalized.Append(char.ToLowerInvariant(c));
            }
        }

        int p = 0;
        int v = 0;
        for (; p < normalized.Length && v < value.Length; v++)
        {
            if (value[v] == '_')
            {
                continue;
            }

            if (char.ToLowerInvariant(value[v]) != normalized[p++])
            {
                return value;
            }
        }

        if (p < normalized.Length)
        {
            return value;
        }

        while (v < value.Length && value[v] == '_')
        {
            v++;
        }

        return v == value.Length ? value : value.Substring(v);
    }

    private static bool IsAsciiLetterOrDigit(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';
}
