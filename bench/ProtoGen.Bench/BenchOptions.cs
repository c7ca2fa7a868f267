using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ProtoGen.Testing.Infrastructure;

namespace ProtoGen.Bench;

/// <summary>The command line of the bench.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/ProtoGen.Bench -- [options]

          --sizes 100,1000     synthetic layouts to build (number of protos)      default: 100,1000
          --runs N             measured runs of every case                         default: 3
          --teams N            teams (proto roots) of the synthetic layouts        default: 10
          --no-synthetic       skip the synthetic layouts of --sizes (one project each)
          --library-protos N   protos of the libraries layout (a library per team + an app)  default: 1000
          --no-libraries       skip the libraries layout
          --no-corpus          skip the real corpus (Google.Api.CommonProtos + protos/grpc)
          --no-vendored        skip the vendored layout (4 upstream roots without prefix + 4 mapped folders, about 640 protos)
          --compiler-server    compile on Roslyn's compiler server (VBCSCompiler); default: a csc process per build
          --no-warmup          no unmeasured build of each project before the runs
          --quick              smoke check: --sizes 100 --library-protos 100 --runs 1 --no-corpus --no-vendored --no-warmup, results under artifacts/bench/results
          --output DIR         where latest.md and latest.json go                 default: bench/results
          --work DIR           generated projects, binlogs, ProtoGen snapshot      default: artifacts/bench
          --timeout MINUTES    one build or restore is killed after this           default: 20
          --help
        """;

    public IReadOnlyList<int> Sizes { get; init; } = [100, 1000];

    public int Runs { get; init; } = 3;

    public int Teams { get; init; } = 10;

    /// <summary>Build the synthetic layouts of <see cref="Sizes"/>.</summary>
    public bool Synthetic { get; init; } = true;

    /// <summary>Build the libraries layout (<see cref="Layouts.SyntheticLayout.CreateLibraries"/>) of <see cref="LibraryProtos"/> protos.</summary>
    public bool Libraries { get; init; } = true;

    public int LibraryProtos { get; init; } = 1000;

    public bool Corpus { get; init; } = true;

    /// <summary>Build the vendored layout (<see cref="Layouts.VendoredLayout"/>).</summary>
    public bool Vendored { get; init; } = true;

    public bool Quick { get; init; }

    /// <summary>Build each project once, unmeasured, before the runs (warms the disk cache, checks the project builds).</summary>
    public bool WarmUp { get; init; } = true;

    /// <summary>Compile on Roslyn's compiler server; by default every build runs its own csc, as this machine's environment sets.</summary>
    public bool CompilerServer { get; init; }

    public string OutputDirectory { get; init; } = Path.Combine(Repo.Root, "bench", "results");

    public string WorkDirectory { get; init; } = Path.Combine(Repo.Root, "artifacts", "bench");

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(20);

    public bool Help { get; init; }

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a readable message on a bad one.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        string? output = null;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            options = arg switch
            {
                "--sizes" => options with { Sizes = [.. Value(args, ref i).Split(',').Select(s => PositiveInt(arg, s))] },
                "--runs" => options with { Runs = PositiveInt(arg, Value(args, ref i)) },
                "--teams" => options with { Teams = PositiveInt(arg, Value(args, ref i)) },
                "--no-synthetic" => options with { Synthetic = false },
                "--library-protos" => options with { LibraryProtos = PositiveInt(arg, Value(args, ref i)) },
                "--no-libraries" => options with { Libraries = false },
                "--no-corpus" => options with { Corpus = false },
                "--no-vendored" => options with { Vendored = false },
                "--quick" => options with { Quick = true },
                "--no-warmup" => options with { WarmUp = false },
                "--compiler-server" => options with { CompilerServer = true },
                "--output" => options with { OutputDirectory = Path.GetFullPath(output = Value(args, ref i)) },
                "--work" => options with { WorkDirectory = Path.GetFullPath(Value(args, ref i)) },
                "--timeout" => options with { Timeout = TimeSpan.FromMinutes(PositiveInt(arg, Value(args, ref i))) },
                "--help" or "-h" => options with { Help = true },
                _ => throw new ArgumentException($"Unknown option '{arg}'."),
            };
        }

        if (options.Quick)
        {
            // A smoke check never overwrites the committed results.
            options = options with
            {
                Sizes = [100],
                LibraryProtos = 100,
                Runs = 1,
                Corpus = false,
                Vendored = false,
                WarmUp = false,
                OutputDirectory = output is null ? Path.Combine(options.WorkDirectory, "results") : options.OutputDirectory,
            };
        }

        return options;
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new ArgumentException($"Option '{args[i - 1]}' needs a value.");

    private static int PositiveInt(string option, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0
            ? value
            : throw new ArgumentException($"Option '{option}' needs a positive integer, not '{text}'.");
}
