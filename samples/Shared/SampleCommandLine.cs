using System;
using System.Collections.Generic;
using System.Globalization;

namespace ProtoGen.Samples;

/// <summary>What a sample program does: run its server, its client, or both in one process.</summary>
public enum SampleMode
{
    /// <summary>Starts the server on 127.0.0.1 (a free port unless <c>--port</c> says), runs the client against it, stops.</summary>
    Demo,

    /// <summary>Runs the server until it is stopped (Ctrl+C).</summary>
    Server,

    /// <summary>Runs the client against <c>--target</c>.</summary>
    Client,
}

/// <summary>
/// The command line every sample shares: <c>[demo|server|client] [--port N] [--target HOST:PORT]</c>.
/// </summary>
public sealed record SampleCommandLine(SampleMode Mode, int Port, string Target)
{
    /// <summary>The port of the gRPC tutorials' servers.</summary>
    public const int DefaultPort = 50051;

    public const string Usage =
        "usage: [demo|server|client] [--port N] [--target HOST:PORT]\n" +
        "  demo    (default) start the server on 127.0.0.1 (--port, default: a free port), run the client, stop\n" +
        "  server  serve on 127.0.0.1:--port (default 50051; 0 picks a free port) until Ctrl+C\n" +
        "  client  call the server at --target (default 127.0.0.1:50051)";

    /// <summary>The client's target as a URI: cleartext HTTP/2 unless a scheme is given.</summary>
    public Uri TargetUri => new(Target.Contains("://", StringComparison.Ordinal) ? Target : "http://" + Target);

    /// <summary>Reads the arguments; throws <see cref="ArgumentException"/> for anything else.</summary>
    public static SampleCommandLine Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        SampleMode mode = SampleMode.Demo;
        int? port = null;
        string target = "127.0.0.1:" + DefaultPort.ToString(CultureInfo.InvariantCulture);
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "demo" when i == 0:
                    mode = SampleMode.Demo;
                    break;
                case "server" when i == 0:
                    mode = SampleMode.Server;
                    break;
                case "client" when i == 0:
                    mode = SampleMode.Client;
                    break;
                case "--port":
                    string value = Value(args, ref i);
                    port = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int p) && p <= 65535
                        ? p
                        : throw new ArgumentException($"--port: '{value}' is not a port number (0-65535)", nameof(args));
                    break;
                case "--target":
                    target = Value(args, ref i);
                    break;
                default:
                    throw new ArgumentException($"unknown argument '{arg}'", nameof(args));
            }
        }

        return new SampleCommandLine(mode, port ?? (mode == SampleMode.Demo ? 0 : DefaultPort), target);
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value", nameof(args));
}
