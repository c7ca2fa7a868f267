"""The route guide's feature database (samples/RouteGuide/route_guide_db.json) and geometry."""

import json
import math
import os

import route_guide_pb2

DEFAULT_DB = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "RouteGuide", "route_guide_db.json")
COORD_FACTOR = 1e7


def read_database(path=DEFAULT_DB):
    with open(path, encoding="utf-8") as db:
        return [
            route_guide_pb2.Feature(
                name=item["name"],
                location=route_guide_pb2.Point(latitude=item["location"]["latitude"],
                                               longitude=item["location"]["longitude"]))
            for item in json.load(db)
        ]


def distance(start, end):
    """Metres between two points (haversine), as the tutorial computes it."""
    lat1 = math.radians(start.latitude / COORD_FACTOR)
    lat2 = math.radians(end.latitude / COORD_FACTOR)
    delta_lat = lat2 - lat1
    delta_lon = math.radians((end.longitude - start.longitude) / COORD_FACTOR)
    a = math.sin(delta_lat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(delta_lon / 2) ** 2
    return int(6371000 * 2 * math.atan2(math.sqrt(a), math.sqrt(1 - a)))


def degrees(coordinate):
    return f"{coordinate / COORD_FACTOR:.7f}".rstrip("0").rstrip(".")
