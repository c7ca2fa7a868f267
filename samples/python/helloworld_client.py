"""The gRPC tutorial's Greeter client (helloworld.proto), in Python."""

import sys

import grpc

import helloworld_pb2
import helloworld_pb2_grpc

import sample_cli


def main():
    args = sample_cli.client_args(__doc__)
    with grpc.insecure_channel(args.target) as channel:
        stub = helloworld_pb2_grpc.GreeterStub(channel)
        reply, call = stub.SayHello.with_call(
            helloworld_pb2.HelloRequest(name="world"), timeout=5, metadata=[("x-client", "helloworld-python")])
        headers = dict(call.initial_metadata())
        print(f"Greeter client received: {reply.message}")
        print(f"x-server: {headers.get('x-server', '(none)')}")
        return 0 if reply.message == "Hello world" else 1


if __name__ == "__main__":
    sys.exit(main())
