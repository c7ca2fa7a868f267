"""The gRPC tutorial's RouteGuide server (route_guide.proto), in Python.

Each call prints the client's x-client header and its deadline, and answers with an x-server header.
"""

import threading
import time

import route_guide_pb2
import route_guide_pb2_grpc

import route_guide_db
import sample_cli


def in_range(point, rectangle):
    left = min(rectangle.lo.longitude, rectangle.hi.longitude)
    right = max(rectangle.lo.longitude, rectangle.hi.longitude)
    top = max(rectangle.lo.latitude, rectangle.hi.latitude)
    bottom = min(rectangle.lo.latitude, rectangle.hi.latitude)
    return left <= point.longitude <= right and bottom <= point.latitude <= top


class RouteGuide(route_guide_pb2_grpc.RouteGuideServicer):
    def __init__(self):
        self.db = route_guide_db.read_database()
        self.notes = {}
        self.lock = threading.Lock()

    def _begin(self, method, context):
        print(f"[server] {method}: x-client={sample_cli.metadata_value(context, 'x-client')} "
              f"deadline={sample_cli.describe_deadline(context)}", flush=True)
        context.send_initial_metadata((("x-server", "routeguide-python"),))

    def _find(self, point):
        for feature in self.db:
            if feature.location == point:
                return feature
        return None

    def GetFeature(self, request, context):
        self._begin("GetFeature", context)
        feature = self._find(request)
        return feature if feature is not None else route_guide_pb2.Feature(name="", location=request)

    def ListFeatures(self, request, context):
        self._begin("ListFeatures", context)
        for feature in self.db:
            if in_range(feature.location, request):
                yield feature

    def RecordRoute(self, request_iterator, context):
        self._begin("RecordRoute", context)
        point_count = feature_count = distance = 0
        previous = None
        start = time.time()
        for point in request_iterator:
            point_count += 1
            feature = self._find(point)
            if feature is not None and feature.name:
                feature_count += 1
            if previous is not None:
                distance += route_guide_db.distance(previous, point)
            previous = point
        return route_guide_pb2.RouteSummary(point_count=point_count, feature_count=feature_count,
                                            distance=distance, elapsed_time=int(time.time() - start))

    def RouteChat(self, request_iterator, context):
        self._begin("RouteChat", context)
        for note in request_iterator:
            key = (note.location.latitude, note.location.longitude)
            with self.lock:
                previous = list(self.notes.get(key, []))
                self.notes.setdefault(key, []).append(note)
            yield from previous


if __name__ == "__main__":
    args = sample_cli.server_args(__doc__)
    sample_cli.serve(lambda server: route_guide_pb2_grpc.add_RouteGuideServicer_to_server(RouteGuide(), server),
                     args.port)
