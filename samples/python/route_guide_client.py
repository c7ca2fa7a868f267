"""The gRPC tutorial's RouteGuide client (route_guide.proto), in Python: all four RPCs, then a route
recorded too slowly for its 3 s deadline. Every call sends x-client=routeguide-python, with the deadlines the
C# client's wrapper gets from its project file: GetFeature 5 s, ListFeatures 3 s, others 10 s."""

import sys
import threading
import time

import grpc

import route_guide_pb2
import route_guide_pb2_grpc

import route_guide_db
import sample_cli

METADATA = [("x-client", "routeguide-python")]
failed = []


def check(condition, message):
    if not condition:
        failed.append(message)
        print(f"error: {message}")


def fmt(point):
    return f"{route_guide_db.degrees(point.latitude)}, {route_guide_db.degrees(point.longitude)}"


def get_feature(stub, point):
    print(f"*** GetFeature: lat={point.latitude} lon={point.longitude}")
    feature, call = stub.GetFeature.with_call(point, timeout=5, metadata=METADATA)
    if feature.name:
        print(f'Found feature called "{feature.name}" at {fmt(feature.location)}')
    else:
        print(f"Found no feature at {fmt(feature.location)}")
    print(f"x-server: {dict(call.initial_metadata()).get('x-server', '(none)')}")
    check(feature.location == point, "GetFeature returned another point")


def list_features(stub, expected):
    rectangle = route_guide_pb2.Rectangle(
        lo=route_guide_pb2.Point(latitude=400000000, longitude=-750000000),
        hi=route_guide_pb2.Point(latitude=420000000, longitude=-730000000))
    print(f"*** ListFeatures: lowLat={rectangle.lo.latitude} lowLon={rectangle.lo.longitude} "
          f"hiLat={rectangle.hi.latitude} hiLon={rectangle.hi.longitude}")
    count = 0
    for feature in stub.ListFeatures(rectangle, timeout=3, metadata=METADATA):
        count += 1
        if count <= 3:
            print(f'Result #{count}: "{feature.name}" at {fmt(feature.location)}')
    print(f"ListFeatures: {count} features")
    check(count == expected, "ListFeatures did not stream every feature")


def record_route(stub, db):
    points = [feature.location for feature in db[:10]]
    print(f"*** RecordRoute: {len(points)} points")

    def route():
        for point in points:
            yield point
            time.sleep(0.01)

    summary = stub.RecordRoute(route(), timeout=10, metadata=METADATA)
    print(f"Finished trip with {summary.point_count} points. Passed {summary.feature_count} features. "
          f"Travelled {summary.distance} meters. It took {summary.elapsed_time} seconds.")
    check(summary.point_count == len(points) and summary.feature_count == len(points), "RecordRoute summary is wrong")


def route_chat(stub):
    print("*** RouteChat")
    notes = [("First message", 0, 1), ("Second message", 0, 2), ("Third message", 0, 3), ("Fourth message", 0, 1)]

    def send():
        for message, latitude, longitude in notes:
            print(f'Sending message "{message}" at {latitude}, {longitude}', flush=True)
            yield route_guide_pb2.RouteNote(
                message=message, location=route_guide_pb2.Point(latitude=latitude, longitude=longitude))

    received = 0
    for note in stub.RouteChat(send(), timeout=10, metadata=METADATA):
        received += 1
        print(f'Got message "{note.message}" at {note.location.latitude}, {note.location.longitude}', flush=True)
    check(received >= 1, "RouteChat returned no earlier note")


def record_route_too_slowly(stub, db):
    print("*** RecordRoute, a point every 500 ms, under a 3.0s timeout")
    stop = threading.Event()

    def slow_route():
        for feature in db[:40]:
            if stop.is_set():
                return
            yield feature.location
            stop.wait(0.5)

    start = time.time()
    try:
        stub.RecordRoute(slow_route(), timeout=3, metadata=METADATA)
        print("RecordRoute finished before its deadline")
        check(False, "the deadline did not expire")
    except grpc.RpcError as error:
        print(f"RecordRoute failed after {time.time() - start:.1f}s: {error.code().name}")
        check(error.code() == grpc.StatusCode.DEADLINE_EXCEEDED, "expected DEADLINE_EXCEEDED")
    finally:
        stop.set()


def main():
    args = sample_cli.client_args(__doc__)
    db = route_guide_db.read_database()
    with grpc.insecure_channel(args.target) as channel:
        stub = route_guide_pb2_grpc.RouteGuideStub(channel)
        get_feature(stub, route_guide_pb2.Point(latitude=409146138, longitude=-746188906))
        get_feature(stub, route_guide_pb2.Point(latitude=0, longitude=0))
        list_features(stub, len(db))
        record_route(stub, db)
        route_chat(stub)
        record_route_too_slowly(stub, db)
    print("FAILED" if failed else "done")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
