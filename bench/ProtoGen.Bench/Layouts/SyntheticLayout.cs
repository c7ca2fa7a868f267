using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ProtoGen.Bench.Layouts;

/// <summary>
/// A synthetic enterprise: several teams, each with its own root of protos (<c>acme/&lt;team&gt;/v1/...</c>),
/// importing each other by logical paths, one service in every proto.
/// </summary>
/// <remarks>
/// Proto <c>j</c> of team <c>t</c> has the global order <c>j * teams + t</c> and imports only protos of a lower
/// order: its team's <c>common.proto</c>, the team's previous proto, and one proto of another team. So the
/// import graph has no cycle, every team's <c>common.proto</c> is imported widely (the root team <c>common</c>'s
/// by every other team), and the last proto of each team is imported by none: the bench touches the first of
/// these leaves by logical path.
/// Every proto has the same shape (a resource message with a nested enum, a map, a timestamp and a field of each
/// imported proto's message; a request message; a service with one RPC of each of the four kinds), so the
/// generated C# grows linearly with the number of protos.
/// The libraries layout (<see cref="CreateLibraries"/>) has the same protos with one change, so that a library per
/// team can reference the libraries it imports: a team imports only teams before it (the team graph has no cycle).
/// It adds an app root, <c>acme/app</c>, whose one proto imports every team's <c>common.proto</c>.
/// </remarks>
internal static class SyntheticLayout
{
    private static readonly string[] TeamNames =
        ["common", "identity", "catalog", "pricing", "orders", "payments", "inventory", "shipping", "billing", "notifications"];

    private static readonly string[] Nouns =
        ["account", "ledger", "order", "item", "price", "shipment", "invoice", "profile", "policy", "event", "quota", "report"];

    /// <summary>The synthetic layout of <paramref name="protoCount"/> protos over <paramref name="teamCount"/> teams.</summary>
    public static ProtoLayout Create(int protoCount, int teamCount) => Create(protoCount, teamCount, layered: false);

    /// <summary>
    /// The layout split into libraries: <paramref name="protoCount"/> protos over <paramref name="teamCount"/> teams that
    /// import only the teams before them, and an app root whose proto imports them all.
    /// </summary>
    public static ProtoLayout CreateLibraries(int protoCount, int teamCount) => Create(protoCount, teamCount, layered: true);

    private static ProtoLayout Create(int protoCount, int teamCount, bool layered)
    {
        if (teamCount < 2 || protoCount < teamCount)
        {
            throw new ArgumentException($"A synthetic layout needs at least 2 teams and a proto per team ({protoCount} protos, {teamCount} teams).");
        }

        string[] teams = [.. Enumerable.Range(0, teamCount).Select(TeamName)];
        int[] perTeam = [.. Enumerable.Range(0, teamCount).Select(t => (protoCount / teamCount) + (t < protoCount % teamCount ? 1 : 0))];
        int digits = Math.Max(3, perTeam[0].ToString(CultureInfo.InvariantCulture).Length);
        var protos = new Dictionary<(int Team, int Index), SyntheticProto>();
        for (int t = 0; t < teamCount; t++)
        {
            for (int j = 0; j < perTeam[t]; j++)
            {
                protos[(t, j)] = Describe(teams[t], t, j, digits);
            }
        }

        var roots = new List<ProtoRoot>();
        for (int t = 0; t < teamCount; t++)
        {
            var files = new List<ProtoFile>();
            for (int j = 0; j < perTeam[t]; j++)
            {
                SyntheticProto proto = protos[(t, j)];
                IEnumerable<SyntheticProto> imports = ImportsOf(t, j, teamCount, layered).Select(key => protos[key]);
                files.Add(new ProtoFile(proto.Path, Render(proto, imports, (j * teamCount) + t, protoCount)));
            }

            roots.Add(new ProtoRoot("acme/" + teams[t], "teams/" + teams[t] + "/protos", files));
        }

        // Two company rules, as a real project has: the rest follow their logical folders.
        NamespaceRule[] rules =
        [
            new("acme/" + teams[Math.Min(5, teamCount - 1)], "Contoso." + ProtoNames.Pascal(teams[Math.Min(5, teamCount - 1)])),
            new("acme/" + teams[1], "Contoso." + ProtoNames.Pascal(teams[1]) + ".Api"),
        ];
        string leaf = ProtoLayout.FindLeaf(roots);
        if (!layered)
        {
            return new ProtoLayout(
                "synthetic-" + protoCount.ToString(CultureInfo.InvariantCulture),
                $"{protoCount} synthetic protos, {teamCount} teams, each its own root imported as acme/<team>/...",
                roots,
                rules,
                leaf);
        }

        SyntheticProto[] commons = [.. Enumerable.Range(0, teamCount).Select(t => protos[(t, 0)])];
        roots.Add(new ProtoRoot(AppPrefix, "app/protos", [new ProtoFile("v1/dashboard.proto", RenderApp(commons))]));
        return new ProtoLayout(
            "libraries-" + protoCount.ToString(CultureInfo.InvariantCulture),
            $"{protoCount} synthetic protos in {teamCount} team libraries (a team imports only teams before it) and an app whose proto imports them all",
            roots,
            rules,
            leaf)
        {
            AppImportPrefix = AppPrefix,
        };
    }

    /// <summary>The app root of the libraries layout.</summary>
    private const string AppPrefix = "acme/app";

    private static string TeamName(int index) =>
        index < TeamNames.Length ? TeamNames[index] : "team" + index.ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>
    /// The protos that proto <paramref name="j"/> of team <paramref name="t"/> imports, all of a lower order; with
    /// <paramref name="layered"/>, another team's only when it comes before this one.
    /// </summary>
    private static IEnumerable<(int Team, int Index)> ImportsOf(int t, int j, int teamCount, bool layered)
    {
        if (j == 0)
        {
            if (t != 0)
            {
                yield return (0, 0);    // every team's common.proto builds on the company's
            }

            yield break;
        }

        yield return (t, 0);            // the team's common.proto
        if (j > 1)
        {
            yield return (t, j - 1);    // the team's previous proto
        }

        // A proto of another team, of a lower order; in the libraries layout always of a team before this one (the
        // common team imports none), the same index, so every proto's imports are as deep.
        if (!layered || t > 0)
        {
            int otherTeam = layered ? j * 7 % t : (t + 1 + (j * 7 % (teamCount - 1))) % teamCount;
            yield return (otherTeam, (j * 13 + t) % j);
        }
    }

    private static SyntheticProto Describe(string team, int t, int j, int digits)
    {
        string folder = j % 5 == 4 ? "v1/admin" : "v1";
        string stem = j == 0 ? "common" : Nouns[(t + j) % Nouns.Length] + "_" + j.ToString("D" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        string package = "acme." + team + "." + folder.Replace('/', '.');
        return new SyntheticProto(folder + "/" + stem + ".proto", "acme/" + team + "/" + folder + "/" + stem + ".proto", package, ProtoNames.Pascal(stem), team);
    }

    private static string Render(SyntheticProto proto, IEnumerable<SyntheticProto> imports, int order, int total)
    {
        string m = proto.Message;
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line($"// Synthetic enterprise proto {order + 1} of {total} (team {proto.Team}), written by ProtoGen.Bench.");
        Line("syntax = \"proto3\";");
        Line();
        Line($"package {proto.Package};");
        Line();
        Line("import \"google/protobuf/empty.proto\";");
        Line("import \"google/protobuf/timestamp.proto\";");
        var imported = imports.ToList();
        foreach (SyntheticProto import in imported)
        {
            Line($"import \"{import.LogicalPath}\";");
        }

        Line();
        Line($"// A {proto.Team} resource.");
        Line($"message {m} {{");
        Line("  enum State {");
        Line("    STATE_UNSPECIFIED = 0;");
        Line("    STATE_ACTIVE = 1;");
        Line("    STATE_ARCHIVED = 2;");
        Line("  }");
        Line();
        Line("  string name = 1;");
        Line("  string display_name = 2;");
        Line("  int64 revision = 3;");
        Line("  State state = 4;");
        Line("  google.protobuf.Timestamp update_time = 5;");
        Line("  map<string, string> labels = 6;");
        int field = 7;
        foreach (SyntheticProto import in imported)
        {
            Line($"  .{import.Package}.{import.Message} {ProtoNames.Snake(import.Team)}_{ProtoNames.Snake(import.Message)} = {field++};");
        }

        Line("}");
        Line();
        Line($"message Get{m}Request {{");
        Line("  string name = 1;");
        Line("}");
        Line();
        Line($"service {m}Service {{");
        Line($"  rpc Get{m}(Get{m}Request) returns ({m});");
        Line($"  rpc Watch{m}(Get{m}Request) returns (stream {m});");
        Line($"  rpc Upload{m}(stream {m}) returns (google.protobuf.Empty);");
        Line($"  rpc Sync{m}(stream {m}) returns (stream {m});");
        Line("}");
        return text.ToString();
    }

    /// <summary>The app's proto: a view over every team's common resource, and a service that returns it.</summary>
    private static string RenderApp(IReadOnlyList<SyntheticProto> commons)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line("// The app of the libraries layout: it imports every team's common.proto. Written by ProtoGen.Bench.");
        Line("syntax = \"proto3\";");
        Line();
        Line("package acme.app.v1;");
        Line();
        foreach (SyntheticProto common in commons)
        {
            Line($"import \"{common.LogicalPath}\";");
        }

        Line();
        Line("message Dashboard {");
        int field = 1;
        foreach (SyntheticProto common in commons)
        {
            Line($"  .{common.Package}.{common.Message} {ProtoNames.Snake(common.Team)} = {field++};");
        }

        Line("}");
        Line();
        Line("message GetDashboardRequest {");
        Line("  string name = 1;");
        Line("}");
        Line();
        Line("service DashboardService {");
        Line("  rpc GetDashboard(GetDashboardRequest) returns (Dashboard);");
        Line("}");
        return text.ToString();
    }

    private sealed record SyntheticProto(string Path, string LogicalPath, string Package, string Message, string Team);
}
