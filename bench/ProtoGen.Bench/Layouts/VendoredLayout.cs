using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ProtoGen.Bench.Layouts;

/// <summary>
/// A vendored tree as companies keep upstream protos: several roots with no prefix, each a copy of an upstream
/// repository, importing each other by their own paths (as envoy's API imports <c>validate/validate.proto</c> from
/// protoc-gen-validate, <c>xds/core/v3/...</c> and <c>udpa/annotations/...</c> from cncf/xds, and googleapis'
/// types), plus a few company folders mapped with <c>ImportPrefix</c> that import the vendored ones.
/// </summary>
/// <remarks>
/// The shapes are taken from those trees, with our own protos: the API root has hundreds of files of one name
/// (<c>config.proto</c> under every extension, as envoy's has), annotation protos that extend descriptor options and
/// are imported by nearly every file, fields that use those extensions, and about one service in fourteen protos.
/// Every proto imports only protos of a lower order, so the import graph has no cycle; the last proto of a team is
/// imported by none, and the bench touches the first such leaf.
/// </remarks>
internal static class VendoredLayout
{
    private static readonly string[] ApiAreas =
        ["config/cluster", "config/listener", "config/route", "config/core", "config/endpoint", "config/rbac", "config/trace", "service/discovery", "service/ratelimit", "service/auth"];

    private static readonly string[] Filters =
        ["router", "cors", "fault", "jwt_authn", "rbac", "lua", "gzip", "buffer", "health_check", "ext_authz", "grpc_web", "csrf", "tap", "wasm", "cache", "oauth2", "compressor", "header_to_metadata", "ip_tagging", "local_ratelimit"];

    private static readonly string[] Teams = ["billing", "orders", "catalog", "identity"];

    /// <summary>The vendored layout: about 640 protos over 4 vendored roots and 4 mapped team folders, about 40 services.</summary>
    public static ProtoLayout Create()
    {
        var pgv = new ProtoRoot(string.Empty, "third_party/protoc-gen-validate", [new ProtoFile("validate/validate.proto", Validate())]);
        ProtoRoot xds = Xds();
        ProtoRoot googleapis = GoogleApis();
        ProtoRoot api = Api(xds, googleapis);
        var roots = new List<ProtoRoot> { api, pgv, xds, googleapis };
        for (int t = 0; t < Teams.Length; t++)
        {
            roots.Add(Team(t, api, googleapis));
        }

        return new ProtoLayout(
            "vendored",
            "vendored upstream trees (an envoy-like API, protoc-gen-validate, xds/udpa, googleapis types) in 4 roots without prefix, and 4 company folders mapped as acme/<team>",
            roots,
            [new NamespaceRule("acme/" + Teams[0], "Contoso.Billing"), new NamespaceRule("acme/" + Teams[1], "Contoso.Orders.Api")],
            ProtoLayout.FindLeaf(roots));
    }

    private static string Validate() => """
        // A protoc-gen-validate-like annotation proto, written by ProtoGen.Bench.
        syntax = "proto2";

        package validate;

        option csharp_namespace = "Validate";

        import "google/protobuf/descriptor.proto";

        extend google.protobuf.FieldOptions {
          optional FieldRules rules = 1071;
        }

        message FieldRules {
          optional StringRules string = 14;
          optional UInt32Rules uint32 = 5;
          optional MessageRules message = 17;
        }

        message StringRules {
          optional uint64 min_len = 2;
          optional uint64 max_len = 3;
          optional string pattern = 6;
        }

        message UInt32Rules {
          optional uint32 lt = 2;
          optional uint32 gte = 5;
        }

        message MessageRules {
          optional bool required = 2;
        }

        """;

    /// <summary>udpa/annotations (options extensions) and xds/&lt;area&gt;/v3 messages, as cncf/xds holds them.</summary>
    private static ProtoRoot Xds()
    {
        var files = new List<ProtoFile>();
        foreach (string annotation in new[] { "status", "versioning", "migrate", "security", "sensitive" })
        {
            files.Add(new ProtoFile($"udpa/annotations/{annotation}.proto", Annotation(annotation, files.Count)));
        }

        string[] areas = ["core", "type", "type/matcher", "annotations", "data/orca", "service/orca"];
        for (int i = 0; i < 55; i++)
        {
            string area = areas[i % areas.Length];
            string path = $"xds/{area}/v3/{Stem(i, "resource")}.proto";
            string package = "xds." + area.Replace('/', '.') + ".v3";
            var imports = new List<(string Path, string Package, string Message)> { ("udpa/annotations/status.proto", "udpa.annotations", "StatusAnnotation") };
            if (i > 0)
            {
                ProtoFile earlier = files[5 + ((i * 7) + 3) % i];
                imports.Add((earlier.Path, PackageOf(earlier), MessageOf(earlier)));
            }

            files.Add(new ProtoFile(path, Message(path, package, ProtoNames.Pascal(Stem(i, "resource")), imports, service: false, csharpNamespace: null)));
        }

        return new ProtoRoot(string.Empty, "third_party/xds", files);
    }

    private static string Annotation(string name, int number) => $$"""
        // A udpa-like annotation proto, written by ProtoGen.Bench.
        syntax = "proto3";

        package udpa.annotations;

        import "google/protobuf/descriptor.proto";

        message {{ProtoNames.Pascal(name)}}Annotation {
          bool work_in_progress = 1;
          string note = 2;
        }

        extend google.protobuf.FileOptions {
          {{ProtoNames.Pascal(name)}}Annotation file_{{name}} = {{222707719 + number}};
        }

        """;

    /// <summary>google/type, google/rpc and google/api protos, with googleapis' own csharp_namespace options.</summary>
    private static ProtoRoot GoogleApis()
    {
        var files = new List<ProtoFile>();
        (string Folder, string Namespace, string[] Stems)[] groups =
        [
            ("google/type", "Google.Type", ["money", "date", "latlng", "color", "interval", "timeofday", "postal_address", "phone_number", "decimal", "fraction", "month", "dayofweek", "expr", "localized_text", "quaternion", "calendar_period"]),
            ("google/rpc", "Google.Rpc", ["status", "code", "error_details", "http", "context/attribute_context", "context/audit_context"]),
            ("google/api", "Google.Api", ["http", "annotations", "field_behavior", "resource", "client", "launch_stage", "monitored_resource", "label", "metric", "quota", "usage", "backend", "billing", "context", "documentation", "endpoint", "logging", "system_parameter"]),
        ];
        foreach ((string folder, string ns, string[] stems) in groups)
        {
            foreach (string stem in stems)
            {
                string path = $"{folder}/{stem}.proto";
                string package = string.Join('.', path.Split('/')[..^1]);
                var imports = new List<(string Path, string Package, string Message)>();
                if (files.Count > 0 && files.Count % 3 == 0)
                {
                    imports.Add((files[^1].Path, PackageOf(files[^1]), MessageOf(files[^1])));
                }

                files.Add(new ProtoFile(path, Message(path, package, ProtoNames.Pascal(stem.Split('/')[^1]), imports, service: false, csharpNamespace: ns + (stem.Contains('/', StringComparison.Ordinal) ? ".Context" : string.Empty))));
            }
        }

        return new ProtoRoot(string.Empty, "third_party/googleapis", files);
    }

    /// <summary>An envoy-like API: config areas, and an extension folder per filter, each with its own config.proto.</summary>
    private static ProtoRoot Api(ProtoRoot xds, ProtoRoot googleapis)
    {
        var files = new List<ProtoFile>();
        for (int i = 0; i < 420; i++)
        {
            string path;
            string message;
            if (i % 3 == 2)
            {
                // extensions/filters/<kind>/<filter>/v3/<filter>.proto and .../v3/config.proto: hundreds of files of one name.
                string kind = i % 2 == 0 ? "http" : "network";
                string filter = Filters[i / 3 % Filters.Length] + (i / 3 / Filters.Length == 0 ? string.Empty : "_" + (i / 3 / Filters.Length).ToString(CultureInfo.InvariantCulture));
                string stem = i % 4 == 2 ? "config" : filter;
                path = $"vendor/extensions/filters/{kind}/{filter}/v3/{stem}.proto";
                message = ProtoNames.Pascal(filter) + (stem == "config" ? "Config" : string.Empty);
            }
            else
            {
                string area = ApiAreas[i % ApiAreas.Length];
                string stem = Stem(i, area.Split('/')[^1]);
                path = $"vendor/{area}/v3/{stem}.proto";
                message = ProtoNames.Pascal(stem);
            }

            string package = string.Join('.', path.Split('/')[..^1]);
            var imports = new List<(string Path, string Package, string Message)>
            {
                ("udpa/annotations/status.proto", "udpa.annotations", "StatusAnnotation"),
            };
            ProtoFile x = xds.Files[5 + (i % (xds.Files.Count - 5))];
            imports.Add((x.Path, PackageOf(x), MessageOf(x)));
            ProtoFile g = googleapis.Files[i % googleapis.Files.Count];
            imports.Add((g.Path, PackageOf(g), MessageOf(g)));
            if (i > 0)
            {
                ProtoFile core = files[i % 10 == 0 ? 0 : (i / 10 * 10) % i];
                imports.Add((core.Path, PackageOf(core), MessageOf(core)));
                ProtoFile earlier = files[(i * 13 + 7) % i];
                if (!imports.Exists(e => e.Path == earlier.Path))
                {
                    imports.Add((earlier.Path, PackageOf(earlier), MessageOf(earlier)));
                }
            }

            files.Add(new ProtoFile(path, Message(path, package, message, imports, service: i % 14 == 13, csharpNamespace: null, validated: true)));
        }

        return new ProtoRoot(string.Empty, "third_party/api", files);
    }

    /// <summary>A company team's folder, mapped as acme/&lt;team&gt;: imports the vendored API and types by their own paths.</summary>
    private static ProtoRoot Team(int t, ProtoRoot api, ProtoRoot googleapis)
    {
        string team = Teams[t];
        var files = new List<ProtoFile>();
        for (int j = 0; j < 30; j++)
        {
            string folder = j % 5 == 4 ? "v1/admin" : "v1";
            string stem = j == 0 ? "common" : Stem(j + t, team);
            string path = $"{folder}/{stem}.proto";
            string package = $"acme.{team}.{folder.Replace('/', '.')}";
            ProtoFile vendored = api.Files[(j * 29 + t * 7) % api.Files.Count];
            ProtoFile type = googleapis.Files[(j + t) % 16];
            var imports = new List<(string Path, string Package, string Message)>
            {
                (vendored.Path, PackageOf(vendored), MessageOf(vendored)),
                (type.Path, PackageOf(type), MessageOf(type)),
            };
            if (j > 0)
            {
                imports.Add(($"acme/{team}/v1/common.proto", $"acme.{team}.v1", "Common"));
            }

            if (j > 1)
            {
                imports.Add(($"acme/{team}/{files[j - 1].Path}", PackageOf(files[j - 1]), MessageOf(files[j - 1])));
            }

            // The last proto of a team is imported by none: the leaves the bench may touch.
            files.Add(new ProtoFile(path, Message($"acme/{team}/{path}", package, ProtoNames.Pascal(stem), imports, service: j % 12 == 11 || j == 29, csharpNamespace: null, validated: true)));
        }

        return new ProtoRoot("acme/" + team, $"teams/{team}/protos", files);
    }

    private static string Message(string logicalPath, string package, string message, IReadOnlyList<(string Path, string Package, string Message)> imports, bool service, string? csharpNamespace, bool validated = false)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line($"// {logicalPath}: vendored-layout proto, written by ProtoGen.Bench.");
        Line("syntax = \"proto3\";");
        Line();
        Line($"package {package};");
        Line();
        if (csharpNamespace is not null)
        {
            Line($"option csharp_namespace = \"{csharpNamespace}\";");
            Line();
        }

        Line("import \"google/protobuf/duration.proto\";");
        Line("import \"google/protobuf/wrappers.proto\";");
        if (validated)
        {
            Line("import \"validate/validate.proto\";");
        }

        foreach ((string path, _, _) in imports)
        {
            Line($"import \"{path}\";");
        }

        Line();
        if (imports.Any(i => i.Path == "udpa/annotations/status.proto"))
        {
            Line("option (udpa.annotations.file_status).work_in_progress = false;");
            Line();
        }

        Line($"message {message} {{");
        Line("  enum Mode {");
        Line("    MODE_UNSPECIFIED = 0;");
        Line("    MODE_STRICT = 1;");
        Line("  }");
        Line();
        Line(validated ? "  string name = 1 [(validate.rules).string = {min_len: 1}];" : "  string name = 1;");
        Line("  google.protobuf.Duration timeout = 2;");
        Line("  google.protobuf.UInt32Value max_requests = 3;");
        Line("  Mode mode = 4;");
        Line("  map<string, string> metadata = 5;");
        int field = 6;
        foreach ((string path, string importedPackage, string importedMessage) in imports.Where(i => i.Path != "udpa/annotations/status.proto"))
        {
            Line($"  .{importedPackage}.{importedMessage} {ProtoNames.Snake(importedMessage)}_{field} = {field++};");
        }

        Line("}");
        if (service)
        {
            Line();
            Line($"message Stream{message}Request {{");
            Line("  string version_info = 1;");
            Line("  repeated string resource_names = 2;");
            Line("}");
            Line();
            Line($"service {message}Service {{");
            Line($"  rpc Stream{message}s(stream Stream{message}Request) returns (stream {message});");
            Line($"  rpc Fetch{message}s(Stream{message}Request) returns ({message});");
            Line("}");
        }

        return text.ToString();
    }

    private static string Stem(int i, string noun) => noun + "_" + i.ToString("D3", CultureInfo.InvariantCulture);

    private static string PackageOf(ProtoFile file) =>
        file.Text.Split('\n').First(l => l.StartsWith("package ", StringComparison.Ordinal))["package ".Length..].TrimEnd(';');

    private static string MessageOf(ProtoFile file) =>
        file.Text.Split('\n').First(l => l.StartsWith("message ", StringComparison.Ordinal)).Split(' ')[1];
}
