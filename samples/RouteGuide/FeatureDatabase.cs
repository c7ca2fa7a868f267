using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Routeguide;

namespace RouteGuideSample;

/// <summary>The tutorial's feature database (<c>route_guide_db.json</c>) and its geometry.</summary>
public sealed class FeatureDatabase
{
    private const double CoordFactor = 1e7;

    public FeatureDatabase(IReadOnlyList<Feature> features) => Features = features;

    public IReadOnlyList<Feature> Features { get; }

    /// <summary>Reads <c>route_guide_db.json</c> from beside the program.</summary>
    public static FeatureDatabase Load(string? path = null)
    {
        path ??= Path.Combine(AppContext.BaseDirectory, "route_guide_db.json");
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(path));
        var features = json.RootElement.EnumerateArray().Select(f => new Feature
        {
            Name = f.GetProperty("name").GetString() ?? string.Empty,
            Location = new Point
            {
                Latitude = f.GetProperty("location").GetProperty("latitude").GetInt32(),
                Longitude = f.GetProperty("location").GetProperty("longitude").GetInt32(),
            },
        }).ToList();
        return new FeatureDatabase(features);
    }

    /// <summary>The feature at <paramref name="point"/>, or an unnamed feature there.</summary>
    public Feature Find(Point point) =>
        Features.FirstOrDefault(f => f.Location.Equals(point)) ?? new Feature { Name = string.Empty, Location = point };

    public static bool InRange(Point point, Rectangle rectangle)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(rectangle);
        int left = Math.Min(rectangle.Lo.Longitude, rectangle.Hi.Longitude);
        int right = Math.Max(rectangle.Lo.Longitude, rectangle.Hi.Longitude);
        int top = Math.Max(rectangle.Lo.Latitude, rectangle.Hi.Latitude);
        int bottom = Math.Min(rectangle.Lo.Latitude, rectangle.Hi.Latitude);
        return point.Longitude >= left && point.Longitude <= right && point.Latitude >= bottom && point.Latitude <= top;
    }

    /// <summary>The great-circle distance in metres (haversine), as the tutorial computes it.</summary>
    public static int Distance(Point start, Point end)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(end);
        const double R = 6371000;
        double lat1 = ToRadians(start.Latitude / CoordFactor);
        double lat2 = ToRadians(end.Latitude / CoordFactor);
        double deltaLat = lat2 - lat1;
        double deltaLon = ToRadians((end.Longitude - start.Longitude) / CoordFactor);
        double a = (Math.Sin(deltaLat / 2) * Math.Sin(deltaLat / 2)) +
                   (Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(deltaLon / 2) * Math.Sin(deltaLon / 2));
        double c = 2 * Math.Atan2(Math.Sqrt(a), Math.Sqrt(1 - a));
        return (int)(R * c);
    }

    /// <summary>Degrees of an E7 coordinate.</summary>
    public static double Degrees(int coordinate) => coordinate / CoordFactor;

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
