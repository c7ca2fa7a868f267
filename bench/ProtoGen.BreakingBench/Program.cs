using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Google.Protobuf.Reflection;
using ProtoGen.Breaking.Baseline;
using ProtoGen.Breaking.Config;
using ProtoGen.Breaking.Engine;
using ProtoGen.Breaking.Model;

// The breaking-change check over a synthetic workspace: 10 packages x 100 protos, each with 5 messages of 8 fields,
// an enum and a service of 3 RPCs, importing a proto of its package. The current side changes every 50th proto
// (a type change, a deleted field, a renamed RPC), or every proto with a third argument "all".
// Arguments: [protos, default 1000] [runs, default 7] [all]. Timed: reading the baseline file and the current descriptor set,
// building both workspaces and
// checking with every rule (FILE, PACKAGE, WIRE_JSON, WIRE and CSHARP): BreakingRun.Run, all of ProtoGenCheckBreaking
// but logging, against a baseline file.
int protos = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
bool everyProto = args.Length > 2 && args[2] == "all"; // The worst case: every proto changed, none can be skipped.
string root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../artifacts/bench/breaking"));
string protoc = Protoc();
string baseline = Generate(Path.Combine(root, "baseline"), protos, changed: false);
string current = Generate(Path.Combine(root, "current"), protos, changed: true, everyProto);
string baselineSet = Compile(protoc, baseline, Path.Combine(root, "baseline.protoset"));
string currentSet = Compile(protoc, current, Path.Combine(root, "current.protoset"));

// The baseline as ProtoGenWriteBaseline writes it; the request as ProtoGenCheckBreaking makes it.
string baselineFile = Path.Combine(root, BaselineFile.DefaultFileName);
File.WriteAllBytes(baselineFile, BaselineFile.Create(FileDescriptorSet.Parser.ParseFrom(File.ReadAllBytes(baselineSet)), _ => true));
CurrentProto[] currentProtos = [.. Directory.EnumerateFiles(current, "*.proto", SearchOption.AllDirectories)
    .Select(f => new CurrentProto(Path.GetRelativePath(current, f).Replace('\\', '/'), f, Path.GetRelativePath(root, f)))];
var request = new BreakingRequest([currentSet], currentProtos, baselineFile, BaselineKind.File, null, [], Path.Combine(root, "obj"),
    new BreakingSettings(["FILE", "PACKAGE", "WIRE_JSON", "WIRE", "CSHARP"]), [], null, root, Path.Combine(root, "bench.csproj"));

var times = new List<double>();
var cpu = new List<double>();
int findings = 0;
for (int run = 0; run < runs + 1; run++)
{
    TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    BreakingOutcome outcome = BreakingRun.Run(request);
    clock.Stop();
    TimeSpan cpuAfter = Process.GetCurrentProcess().TotalProcessorTime;
    if (outcome.Result is not { } result)
    {
        throw new InvalidOperationException(string.Join("\n", outcome.Diagnostics.Select(d => d.Message)));
    }

    findings = result.Findings.Count;
    if (run > 0)
    {
        times.Add(clock.Elapsed.TotalMilliseconds); // The first run warms the JIT, as a build node's second project would.
        cpu.Add((cpuAfter - cpuBefore).TotalMilliseconds);
    }
}

if (Environment.GetEnvironmentVariable("PROTOGEN_BENCH_PROFILE") == "1")
{
    var clock = Stopwatch.StartNew();
    byte[] bytes = File.ReadAllBytes(currentSet);
    for (int i = 0; i < 3; i++)
    {
        clock.Restart();
        var split = DescriptorSetSplitter.Split(bytes);
        Console.WriteLine($"split {clock.Elapsed.TotalMilliseconds:F1} ms ({bytes.Length / 1024} KB, {split.Count} files)");
        clock.Restart();
        ProtoWorkspace.Load(bytes);
        Console.WriteLine($"load {clock.Elapsed.TotalMilliseconds:F1} ms");
        clock.Restart();
        FileDescriptorSet.Parser.ParseFrom(bytes);
        Console.WriteLine($"full parse {clock.Elapsed.TotalMilliseconds:F1} ms");
    }

    clock.Restart();
    ProtoWorkspace previous = ProtoWorkspace.Load(File.ReadAllBytes(baselineSet));
    ProtoWorkspace workspace = ProtoWorkspace.Load(File.ReadAllBytes(currentSet));
    Console.WriteLine($"workspaces {clock.ElapsedMilliseconds} ms");
    var context = new CheckContext(previous, workspace);
    clock.Restart();
    _ = context.FieldPairs;
    _ = context.EnumPairs;
    _ = context.ServicePairs;
    _ = context.FilePairs;
    Console.WriteLine($"pairs {clock.ElapsedMilliseconds} ms");
    foreach (ProtoGen.Breaking.Rules.RuleInfo rule in ProtoGen.Breaking.Rules.RuleCatalog.All.Where(r => !r.IsDeprecated))
    {
        clock.Restart();
        rule.Handler!(context, rule.Id);
        Console.WriteLine($"{rule.Id} {clock.Elapsed.TotalMilliseconds:F1} ms");
    }

    clock.Restart();
    BreakingChecker.Check(previous, workspace, BreakingPolicy.Default(new BreakingSettings(["FILE_NO_DELETE"])));
    Console.WriteLine($"one-rule check {clock.ElapsedMilliseconds} ms");
}

times.Sort();
cpu.Sort();
Console.WriteLine($"breaking check, {protos} protos, {findings} findings: wall median {times[times.Count / 2]:F0} ms (min {times[0]:F0}, max {times[^1]:F0}), CPU median {cpu[cpu.Count / 2]:F0} ms, over {runs} runs (first run excluded)");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench: breaking_check_ms={times[times.Count / 2]:F0} breaking_check_cpu_ms={cpu[cpu.Count / 2]:F0} protos={protos}"));

static string Generate(string directory, int count, bool changed, bool everyProto = false)
{
    if (Directory.Exists(directory))
    {
        Directory.Delete(directory, recursive: true);
    }

    for (int i = 0; i < count; i++)
    {
        int team = i % 10;
        string package = $"acme.team{team}.v1";
        bool change = changed && (everyProto || i % 50 == 7);
        var text = new StringBuilder();
        text.Append("syntax = \"proto3\";\n").Append("package ").Append(package).Append(";\n");
        if (i >= 10)
        {
            text.Append("import \"team").Append(team).Append("/proto").Append(i - 10).Append(".proto\";\n");
        }

        text.Append("enum Status").Append(i).Append(" {\n  STATUS").Append(i).Append("_UNSPECIFIED = 0;\n  STATUS").Append(i).Append("_ACTIVE = 1;\n}\n");
        for (int m = 0; m < 5; m++)
        {
            text.Append("message Message").Append(i).Append('_').Append(m).Append(" {\n");
            for (int f = 1; f <= 8; f++)
            {
                if (change && m == 0 && f == 8)
                {
                    continue;
                }

                string type = f switch { 1 => change && m == 0 ? "string" : "int64", 2 => "string", 3 => "bool", 4 => "bytes", 5 => "Status" + i, 6 => "repeated int32", 7 => "map<string, int64>", _ => "double" };
                text.Append("  ").Append(type).Append(" field_").Append(f).Append(" = ").Append(f).Append(";\n");
            }

            if (i >= 10 && m == 4)
            {
                text.Append("  Message").Append(i - 10).Append("_0 previous = 9;\n");
            }

            text.Append("}\n");
        }

        text.Append("service Service").Append(i).Append(" {\n");
        for (int r = 0; r < 3; r++)
        {
            string name = change && r == 2 ? "Renamed" : "Call" + r.ToString(CultureInfo.InvariantCulture);
            text.Append("  rpc ").Append(name).Append("(Message").Append(i).Append("_0) returns (Message").Append(i).Append("_1);\n");
        }

        text.Append("}\n");
        string path = Path.Combine(directory, $"team{team}", $"proto{i}.proto");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ToString());
    }

    return directory;
}

static string Compile(string protoc, string directory, string output)
{
    string[] files = [.. Directory.EnumerateFiles(directory, "*.proto", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];
    string response = output + ".rsp";
    File.WriteAllLines(response, ["--include_imports", "--include_source_info", "--descriptor_set_out=" + output, "-I" + directory, .. files]);
    var start = new ProcessStartInfo(protoc, "@" + response) { RedirectStandardError = true, UseShellExecute = false };
    using var process = Process.Start(start)!;
    string errors = process.StandardError.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException("protoc failed: " + errors);
    }

    return output;
}

static string Protoc()
{
    string package = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "GrpcToolsPath").Value!;
    string os = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macosx" : "linux";
    string cpu = RuntimeInformation.OSArchitecture == Architecture.Arm64 && os == "linux" ? "arm64" : "x64";
    string platform = os == "macosx" ? "macosx_universal" : os + "_" + cpu;
    string path = Path.Combine(package, "tools", platform, OperatingSystem.IsWindows() ? "protoc.exe" : "protoc");
    if (!OperatingSystem.IsWindows())
    {
        File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
    }

    return path;
}
