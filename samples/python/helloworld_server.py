"""The gRPC tutorial's Greeter server (helloworld.proto), in Python."""

import helloworld_pb2
import helloworld_pb2_grpc

import sample_cli


class Greeter(helloworld_pb2_grpc.GreeterServicer):
    def SayHello(self, request, context):
        print(f"[server] SayHello: name={request.name} x-client={sample_cli.metadata_value(context, 'x-client')} "
              f"deadline={sample_cli.describe_deadline(context)}", flush=True)
        context.send_initial_metadata((("x-server", "helloworld-python"),))
        return helloworld_pb2.HelloReply(message=f"Hello {request.name}")


if __name__ == "__main__":
    args = sample_cli.server_args(__doc__)
    sample_cli.serve(lambda server: helloworld_pb2_grpc.add_GreeterServicer_to_server(Greeter(), server), args.port)
