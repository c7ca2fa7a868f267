using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using ProtoGen.Breaking.Engine;
using ProtoGen.Build.Diagnostics;
using ProtoGen.Testing.Infrastructure;
using ProtoGen.Testing.Processes;
using Xunit;
using Xunit.Sdk;

namespace ProtoGen.Breaking.Tests;

/// <summary>
/// One comparison of ProtoGen with <c>buf breaking</c>: a project directory (its protos under <see cref="Roots"/>,
/// perhaps a buf.yaml) checked against a baseline directory (perhaps with a buf.yaml or buf.work.yaml of its own).
/// <see cref="ImportDirectories"/> are project folders ProtoGen compiles both sides with (AdditionalImportDirs);
/// buf, which has no import directories, reads them as modules of its workspace (<see cref="BufAgainst"/> is the
/// baseline as buf sees it, when it differs from <see cref="Baseline"/>). <see cref="Rules"/> are given to both when
/// the project has no buf.yaml.
/// </summary>
internal sealed record BufCase(
    IReadOnlyDictionary<string, string> Project,
    IReadOnlyDictionary<string, string> Baseline,
    IReadOnlyList<string>? Rules = null,
    IReadOnlyList<string>? Roots = null,
    IReadOnlyList<string>? ImportDirectories = null,
    IReadOnlyDictionary<string, string>? BufAgainst = null);

/// <summary>A finding as both tools report it: the rule, the file as the project names it, the line and the column (1-based).</summary>
internal sealed record ComparedFinding(string Rule, string File, int Line, int Column)
{
    public override string ToString() => $"{Rule} {File}({Line},{Column})";
}

/// <summary>
/// Runs ProtoGen's check (<see cref="BreakingRun"/>, the tasks' engine, with a directory baseline compiled by
/// Grpc.Tools' protoc) and the real <c>buf breaking --error-format=json</c> (<see cref="BufCli"/>) on one
/// <see cref="BufCase"/>, and compares what they find.
/// </summary>
internal static class BufComparison
{
    /// <summary>
    /// What a finding about a file that is gone is compared as (with the file or package its message names): buf
    /// reports it with no path, ProtoGen at the baseline's file as a whole (a deliberate difference,
    /// docs/breaking-changes.md).
    /// </summary>
    public const string Gone = "<gone>";

    /// <summary>Both tools' findings on <paramref name="test"/>; fails when buf or ProtoGen could not run the check.</summary>
    public static (List<ComparedFinding> Buf, List<ComparedFinding> ProtoGen) Run(BufCase test)
    {
        using var directory = new TempDirectory("protogen-buf-comparison");
        foreach ((string path, string text) in test.Project)
        {
            directory.Write("project/" + path, text);
        }

        foreach ((string path, string text) in test.Baseline)
        {
            directory.Write("baseline/" + path, text);
        }

        foreach ((string path, string text) in test.BufAgainst ?? new Dictionary<string, string>())
        {
            directory.Write("buf-against/" + path, text);
        }

        string project = directory["project"];
        return (Buf(test, project, test.BufAgainst is null ? directory["baseline"] : directory["buf-against"]), ProtoGen(test, project, directory["baseline"], directory["obj"]));
    }

    /// <summary>Asserts that ProtoGen finds what buf finds, naming the first difference.</summary>
    public static void AssertSame(BufCase test)
    {
        (List<ComparedFinding> buf, List<ComparedFinding> protoGen) = Run(test);
        AssertSame(buf, protoGen);
    }

    public static void AssertSame(List<ComparedFinding> buf, List<ComparedFinding> protoGen)
    {
        for (int i = 0; i < Math.Max(buf.Count, protoGen.Count); i++)
        {
            ComparedFinding? expected = i < buf.Count ? buf[i] : null;
            ComparedFinding? actual = i < protoGen.Count ? protoGen[i] : null;
            if (expected != actual)
            {
                throw new XunitException(
                    $"First difference at finding {i + 1}: buf {expected?.ToString() ?? "has no more"}, ProtoGen {actual?.ToString() ?? "has no more"}.\n" +
                    $"buf:\n  {string.Join("\n  ", buf)}\nProtoGen:\n  {string.Join("\n  ", protoGen)}");
            }
        }
    }

    private static List<ComparedFinding> Buf(BufCase test, string project, string against)
    {
        var arguments = new List<string> { "breaking", ".", "--against", against, "--error-format=json" };
        if (!test.Project.ContainsKey("buf.yaml"))
        {
            arguments.AddRange(["--config", JsonSerializer.Serialize(new { version = "v2", breaking = new { use = test.Rules ?? ["FILE"] } })]);
        }

        ProcessResult result = BufCli.Run(project, [.. arguments]);
        if (result.ExitCode is not (0 or 100))
        {
            throw new XunitException(result.Describe("failed with exit code " + result.ExitCode.ToString(CultureInfo.InvariantCulture)));
        }

        var findings = new List<ComparedFinding>();
        foreach (string line in result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using JsonDocument json = JsonDocument.Parse(line);
            JsonElement root = json.RootElement;
            string path = root.TryGetProperty("path", out JsonElement p) ? p.GetString() ?? string.Empty : string.Empty;
            string rule = root.GetProperty("type").GetString()!;
            if (rule == "COMPILE")
            {
                throw new XunitException("buf could not compile the protos: " + line);
            }

            findings.Add(path.Length == 0
                ? new ComparedFinding(rule, GoneFile(root.GetProperty("message").GetString()!), 0, 0)
                : new ComparedFinding(rule, path.Replace('\\', '/'), root.GetProperty("start_line").GetInt32(), root.GetProperty("start_column").GetInt32()));
        }

        return Sorted(findings);
    }

    private static List<ComparedFinding> ProtoGen(BufCase test, string project, string baseline, string work)
    {
        BreakingOutcome outcome = Workspaces.CheckProject(project, baseline, work, test.Roots ?? ["."], test.ImportDirectories ?? [], test.Rules ?? ["FILE"]);
        List<BuildDiagnostic> problems = [.. outcome.Diagnostics.Where(d => !d.Descriptor.Code.StartsWith("PGB300", StringComparison.Ordinal))];
        if (outcome.Result is null || problems.Count > 0)
        {
            throw new XunitException("ProtoGen's check did not run:\n" + Workspaces.Describe(outcome.Diagnostics));
        }

        return Sorted(outcome.Result.Findings.Select(f =>
        {
            BuildDiagnostic d = outcome.ToDiagnostic(f, asWarning: false);
            return f.File is null ? new ComparedFinding(f.RuleId, GoneFile(f.Message), 0, 0) : new ComparedFinding(f.RuleId, d.File.Replace('\\', '/'), d.Line, d.Column);
        }));
    }

    /// <summary><see cref="Gone"/> with what the message names first (the deleted file's or package's name), as both tools word it.</summary>
    private static string GoneFile(string message)
    {
        int start = message.IndexOf('"', StringComparison.Ordinal);
        int end = start < 0 ? -1 : message.IndexOf('"', start + 1);
        return end < 0 ? Gone : $"{Gone} {message[(start + 1)..end]}";
    }

    private static List<ComparedFinding> Sorted(IEnumerable<ComparedFinding> findings) =>
        [.. findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.Rule, StringComparer.Ordinal)];
}

/// <summary>A fact that needs buf: skipped only outside CI on a machine without npm (<see cref="BufCli.SkipReason"/>).</summary>
internal sealed class BufFactAttribute : FactAttribute
{
    public BufFactAttribute() => Skip = BufCli.SkipReason;
}

/// <summary>A theory that needs buf: skipped only outside CI on a machine without npm (<see cref="BufCli.SkipReason"/>).</summary>
internal sealed class BufTheoryAttribute : TheoryAttribute
{
    public BufTheoryAttribute() => Skip = BufCli.SkipReason;
}
