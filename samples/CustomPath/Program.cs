using System;
using System.Linq;
using Google.Protobuf;
using Grpc.Example.Custom.Path;

// The types come from protos mapped under grpc/example/custom/path: their namespace is
// Grpc.Example.Custom.Path, and protoc knows the files by their logical paths.
var summary = new RouteSummary
{
    Points = { new Point { Latitude = 409146138, Longitude = -746188906 }, new Point { Latitude = 413628156, Longitude = -749015468 } },
    Distance = 1234,
};

var copy = RouteSummary.Parser.ParseFrom(summary.ToByteArray());
Console.WriteLine($"namespace: {typeof(RouteSummary).Namespace}");
Console.WriteLine($"file: {RouteSummaryReflection.Descriptor.Name}");
Console.WriteLine($"imports: {string.Join(", ", RouteSummaryReflection.Descriptor.Dependencies.Select(d => d.Name))}");
Console.WriteLine($"client: {typeof(RouteGuide.RouteGuideClient).FullName}");
Console.WriteLine($"round trip: {(copy.Equals(summary) ? "ok" : "FAILED")} ({copy.Points.Count} points, distance {copy.Distance})");
return copy.Equals(summary) && RouteSummaryReflection.Descriptor.Name == "grpc/example/custom/path/route_summary.proto" ? 0 : 1;
