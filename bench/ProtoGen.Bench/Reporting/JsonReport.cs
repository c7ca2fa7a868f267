using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using ProtoGen.Bench.Projects;

namespace ProtoGen.Bench.Reporting;

/// <summary>Writes latest.json: every sample, its statistics and the median time of every target.</summary>
internal static class JsonReport
{
    public static void Write(BenchResults results, string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(results, ResultsJsonContext.Default.BenchResults) + "\n");
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BenchResults))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, GeneratedCode>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, double>))]
internal sealed partial class ResultsJsonContext : JsonSerializerContext;
