using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Grpc.Core;
using ProtoGen.Samples;
using Routeguide;

namespace RouteGuideSample;

/// <summary>
/// The tutorial's RouteGuide server. Each call prints the client's <c>x-client</c> header and the deadline it
/// arrived with, and answers with an <c>x-server</c> header.
/// </summary>
public sealed class RouteGuideService : RouteGuide.RouteGuideBase
{
    private static readonly Metadata ServerHeaders = new() { { "x-server", "routeguide-csharp" } };

    private readonly FeatureDatabase _database;
    private readonly Dictionary<Point, List<RouteNote>> _notes = [];

    public RouteGuideService(FeatureDatabase database) => _database = database;

    public override async Task<Feature> GetFeature(Point request, ServerCallContext context)
    {
        await BeginAsync(nameof(GetFeature), context).ConfigureAwait(false);
        return _database.Find(request);
    }

    public override async Task ListFeatures(Rectangle request, IServerStreamWriter<Feature> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(responseStream);
        await BeginAsync(nameof(ListFeatures), context).ConfigureAwait(false);
        foreach (Feature feature in _database.Features.Where(f => FeatureDatabase.InRange(f.Location, request)))
        {
            await responseStream.WriteAsync(feature).ConfigureAwait(false);
        }
    }

    public override async Task<RouteSummary> RecordRoute(IAsyncStreamReader<Point> requestStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        await BeginAsync(nameof(RecordRoute), context).ConfigureAwait(false);
        int pointCount = 0, featureCount = 0, distance = 0;
        Point? previous = null;
        var stopwatch = Stopwatch.StartNew();
        await foreach (Point point in requestStream.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
        {
            pointCount++;
            if (_database.Find(point).Name.Length > 0)
            {
                featureCount++;
            }

            if (previous is not null)
            {
                distance += FeatureDatabase.Distance(previous, point);
            }

            previous = point;
        }

        return new RouteSummary
        {
            PointCount = pointCount,
            FeatureCount = featureCount,
            Distance = distance,
            ElapsedTime = (int)stopwatch.Elapsed.TotalSeconds,
        };
    }

    public override async Task RouteChat(IAsyncStreamReader<RouteNote> requestStream, IServerStreamWriter<RouteNote> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(responseStream);
        await BeginAsync(nameof(RouteChat), context).ConfigureAwait(false);
        await foreach (RouteNote note in requestStream.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
        {
            RouteNote[] previous;
            lock (_notes)
            {
                if (!_notes.TryGetValue(note.Location, out List<RouteNote>? list))
                {
                    _notes[note.Location] = list = [];
                }

                previous = [.. list];
                list.Add(note);
            }

            foreach (RouteNote prior in previous)
            {
                await responseStream.WriteAsync(prior).ConfigureAwait(false);
            }
        }
    }

    private static Task BeginAsync(string method, ServerCallContext context)
    {
        Console.WriteLine($"[server] {method}: x-client={context.RequestHeaders.GetValue("x-client") ?? "(none)"} deadline={Deadlines.Describe(context.Deadline)}");
        return context.WriteResponseHeadersAsync(ServerHeaders);
    }
}
