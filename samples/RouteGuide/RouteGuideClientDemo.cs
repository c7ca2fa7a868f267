using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Grpc.Core;
using ProtoGen.Runtime;
using Routeguide;

namespace RouteGuideSample;

/// <summary>
/// The tutorial's client, through the generated wrapper: every call gets the deadline and the x-client header
/// configured on the <c>&lt;Protobuf&gt;</c> item, with no deadline or header written here.
/// </summary>
public sealed class RouteGuideClientDemo
{
    private static readonly Point Berkshire = new() { Latitude = 409146138, Longitude = -746188906 };

    private readonly IRouteGuideClient _client;
    private readonly GrpcCallDefaults _defaults;
    private readonly FeatureDatabase _database;
    private bool _failed;

    public RouteGuideClientDemo(IRouteGuideClient client, GrpcCallDefaults defaults, FeatureDatabase database)
    {
        _client = client;
        _defaults = defaults;
        _database = database;
    }

    /// <summary>Runs all four RPCs, then reads a feature stream too slowly for its deadline. Returns the exit code.</summary>
    public async Task<int> RunAsync()
    {
        string methods = string.Join(", ", _defaults.MethodTimeouts.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={Seconds(m.Value)}"));
        string metadata = string.Join(", ", _defaults.DefaultMetadata.Select(e => $"{e.Key}={e.Value}"));
        Console.WriteLine($"client defaults (from the <Protobuf> item): timeout {Seconds(_defaults.DefaultTimeout)}; {methods}; metadata {metadata}");
        await GetFeatureAsync(Berkshire).ConfigureAwait(false);
        await GetFeatureAsync(new Point()).ConfigureAwait(false);
        await ListFeaturesAsync().ConfigureAwait(false);
        await RecordRouteAsync().ConfigureAwait(false);
        await RouteChatAsync().ConfigureAwait(false);
        await ListFeaturesTooSlowlyAsync().ConfigureAwait(false);
        Console.WriteLine(_failed ? "FAILED" : "done");
        return _failed ? 1 : 0;
    }

    private async Task GetFeatureAsync(Point point)
    {
        Console.WriteLine($"*** GetFeature: lat={point.Latitude} lon={point.Longitude}");
        using AsyncUnaryCall<Feature> call = _client.GetFeatureAsync(point);
        Feature feature = await call.ResponseAsync.ConfigureAwait(false);
        Metadata headers = await call.ResponseHeadersAsync.ConfigureAwait(false);
        Console.WriteLine(feature.Name.Length > 0
            ? $"Found feature called \"{feature.Name}\" at {Format(feature.Location)}"
            : $"Found no feature at {Format(feature.Location)}");
        Console.WriteLine($"x-server: {headers.GetValue("x-server") ?? "(none)"}");
        Check(feature.Location.Equals(point), "GetFeature returned another point");
    }

    private async Task ListFeaturesAsync()
    {
        var rectangle = new Rectangle
        {
            Lo = new Point { Latitude = 400000000, Longitude = -750000000 },
            Hi = new Point { Latitude = 420000000, Longitude = -730000000 },
        };
        Console.WriteLine($"*** ListFeatures: lowLat={rectangle.Lo.Latitude} lowLon={rectangle.Lo.Longitude} hiLat={rectangle.Hi.Latitude} hiLon={rectangle.Hi.Longitude}");
        int count = 0;
        await foreach (Feature feature in _client.ListFeaturesStreamAsync(rectangle).ConfigureAwait(false))
        {
            if (++count <= 3)
            {
                Console.WriteLine($"Result #{count}: \"{feature.Name}\" at {Format(feature.Location)}");
            }
        }

        Console.WriteLine($"ListFeatures: {count} features");
        Check(count == _database.Features.Count, "ListFeatures did not stream every feature");
    }

    private async Task RecordRouteAsync()
    {
        Point[] points = [.. _database.Features.Take(10).Select(f => f.Location)];
        Console.WriteLine($"*** RecordRoute: {points.Length} points");
        using AsyncClientStreamingCall<Point, RouteSummary> call = _client.RecordRoute();
        foreach (Point point in points)
        {
            await call.RequestStream.WriteAsync(point).ConfigureAwait(false);
            await Task.Delay(10).ConfigureAwait(false);
        }

        await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        RouteSummary summary = await call.ResponseAsync.ConfigureAwait(false);
        Console.WriteLine($"Finished trip with {summary.PointCount} points. Passed {summary.FeatureCount} features. Travelled {summary.Distance} meters. It took {summary.ElapsedTime} seconds.");
        Check(summary.PointCount == points.Length && summary.FeatureCount == points.Length, "RecordRoute summary is wrong");
    }

    private async Task RouteChatAsync()
    {
        Console.WriteLine("*** RouteChat");
        RouteNote[] notes =
        [
            Note("First message", 0, 1),
            Note("Second message", 0, 2),
            Note("Third message", 0, 3),
            Note("Fourth message", 0, 1),
        ];
        using AsyncDuplexStreamingCall<RouteNote, RouteNote> call = _client.RouteChat();
        Task<int> reading = Task.Run(async () =>
        {
            int received = 0;
            await foreach (RouteNote note in call.ResponseStream.ReadAllAsync().ConfigureAwait(false))
            {
                received++;
                Console.WriteLine($"Got message \"{note.Message}\" at {note.Location.Latitude}, {note.Location.Longitude}");
            }

            return received;
        });
        foreach (RouteNote note in notes)
        {
            Console.WriteLine($"Sending message \"{note.Message}\" at {note.Location.Latitude}, {note.Location.Longitude}");
            await call.RequestStream.WriteAsync(note).ConfigureAwait(false);
        }

        await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        int count = await reading.ConfigureAwait(false);
        Check(count >= 1, "RouteChat returned no earlier note");
    }

    private async Task ListFeaturesTooSlowlyAsync()
    {
        TimeSpan? timeout = _defaults.GetDefaultTimeout("ListFeatures");
        Console.WriteLine($"*** ListFeatures, reading a feature every 100 ms, under its {Seconds(timeout)} timeout");
        var everywhere = new Rectangle
        {
            Lo = new Point { Latitude = -900000000, Longitude = -1800000000 },
            Hi = new Point { Latitude = 900000000, Longitude = 1800000000 },
        };
        var stopwatch = Stopwatch.StartNew();
        int read = 0;
        try
        {
            await foreach (Feature feature in _client.ListFeaturesStreamAsync(everywhere).ConfigureAwait(false))
            {
                read++;
                await Task.Delay(100).ConfigureAwait(false);
            }

            Console.WriteLine($"ListFeatures finished before its deadline ({read} features)");
            Check(false, "the deadline did not expire");
        }
        catch (RpcException e)
        {
            Console.WriteLine($"ListFeatures failed after {Seconds(stopwatch.Elapsed)} ({read} features read): {e.StatusCode}");
            Check(e.StatusCode == StatusCode.DeadlineExceeded, "expected DeadlineExceeded");
        }
    }

    private void Check(bool condition, string message)
    {
        if (!condition)
        {
            _failed = true;
            Console.WriteLine("error: " + message);
        }
    }

    private static RouteNote Note(string message, int latitude, int longitude) =>
        new() { Message = message, Location = new Point { Latitude = latitude, Longitude = longitude } };

    private static string Format(Point point) =>
        string.Create(CultureInfo.InvariantCulture, $"{FeatureDatabase.Degrees(point.Latitude)}, {FeatureDatabase.Degrees(point.Longitude)}");

    private static string Seconds(TimeSpan? time) =>
        time is { } t ? t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s" : "none";
}
