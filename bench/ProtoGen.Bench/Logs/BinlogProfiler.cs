using System;
using System.Collections.Generic;
using Microsoft.Build.Logging.StructuredLogger;

namespace ProtoGen.Bench.Logs;

/// <summary>Reads a build's binary log (<c>-bl:</c>) with MSBuild.StructuredLogger into a <see cref="BuildProfile"/>.</summary>
internal static class BinlogProfiler
{
    public const string GeneratorAssembly = "ProtoGen.Generators";

    public static BuildProfile Read(string binlogPath)
    {
        var build = BinaryLog.ReadBuild(binlogPath);
        var targets = new Dictionary<string, double>(StringComparer.Ordinal);
        var compiles = new Dictionary<string, double>(StringComparer.Ordinal);
        build.VisitAllChildren<Target>(target =>
        {
            targets[target.Name] = targets.GetValueOrDefault(target.Name) + target.Duration.TotalMilliseconds;
            if (string.Equals(target.Name, BuildProfile.CSharpCompileTarget, StringComparison.Ordinal) && target.FindChild<Task>("Csc") is not null)
            {
                string project = System.IO.Path.GetFileNameWithoutExtension(target.Project?.ProjectFile ?? "?");
                compiles[project] = compiles.GetValueOrDefault(project) + target.Duration.TotalMilliseconds;
            }
        });

        var compilerOutput = new List<string>();
        build.VisitAllChildren<Task>(task =>
        {
            if (string.Equals(task.Name, "Csc", StringComparison.Ordinal))
            {
                task.VisitAllChildren<Message>(message => compilerOutput.AddRange(message.Text.Split('\n')));
            }
        });

        (double? all, double? protoGen) = AnalyzerReport.GeneratorSeconds(compilerOutput, GeneratorAssembly);
        return new BuildProfile(targets, protoGen, all, compiles);
    }
}
