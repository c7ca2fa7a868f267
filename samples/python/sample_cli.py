"""The command line and server start-up the Python samples share with the C# ones.

Servers: ``--port N`` (default 50051; 0 picks a free port) on 127.0.0.1, printing ``listening on 127.0.0.1:PORT``.
Clients: ``--target HOST:PORT`` (default 127.0.0.1:50051).
The generated modules must be importable: run ``generate.sh OUT_DIR`` and put OUT_DIR on PYTHONPATH.
"""

import argparse
import math
from concurrent import futures

import grpc

DEFAULT_PORT = 50051


def server_args(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="port on 127.0.0.1 (0: a free port)")
    return parser.parse_args()


def client_args(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--target", default=f"127.0.0.1:{DEFAULT_PORT}", help="the server, HOST:PORT")
    args = parser.parse_args()
    args.target = args.target.split("://", 1)[-1]
    return args


def serve(add_servicers, port):
    """Serves on 127.0.0.1:port (cleartext HTTP/2) until the process is stopped."""
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=10))
    add_servicers(server)
    bound = server.add_insecure_port(f"127.0.0.1:{port}")
    if bound == 0:
        raise SystemExit(f"could not listen on 127.0.0.1:{port}")
    server.start()
    print(f"listening on 127.0.0.1:{bound}", flush=True)
    try:
        server.wait_for_termination()
    except KeyboardInterrupt:
        server.stop(grace=1)


def describe_deadline(context):
    """'none', or the time left in whole seconds ('5s'), rounded to nearest as the C# servers print it."""
    left = context.time_remaining()
    if left is None or left > 10**8:
        return "none"
    return f"{math.floor(max(left, 0) + 0.5)}s"


def metadata_value(context, key):
    for entry in context.invocation_metadata():
        if entry.key == key:
            return entry.value
    return "(none)"
