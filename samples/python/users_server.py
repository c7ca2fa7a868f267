"""The Users server (samples/Users/protos, imported as accounts/...), in Python: prints the metadata of
every call and streams users back slowly (200 ms each)."""

import time

from accounts import users_pb2_grpc
from accounts import users_types_pb2

import sample_cli

HIDDEN = {"content-type", "te", "host", "accept-encoding"}


def print_metadata(method, context):
    entries = sorted(
        (entry.key, entry.value) for entry in context.invocation_metadata()
        if not entry.key.startswith(":") and not entry.key.startswith("grpc-") and entry.key not in HIDDEN)
    print(f"[server] {method} metadata: {', '.join(f'{key}={value}' for key, value in entries)}", flush=True)


class Users(users_pb2_grpc.UsersServicer):
    def CreateUser(self, request, context):
        print_metadata("CreateUser", context)
        return users_types_pb2.CreateUserResult(user=request.user)

    def GetUsers(self, request, context):
        print_metadata("GetUsers", context)
        for user in request.user:
            time.sleep(0.2)
            if not context.is_active():
                return
            yield users_types_pb2.GetUsersResult(user=user)


if __name__ == "__main__":
    args = sample_cli.server_args(__doc__)
    sample_cli.serve(lambda server: users_pb2_grpc.add_UsersServicer_to_server(Users(), server), args.port)
