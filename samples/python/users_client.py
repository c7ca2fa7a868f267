"""The Users client, in Python: creates tom, streams two users, then streams them under a 100 ms timeout,
which the server (200 ms per user) cannot meet. Every call sends ip=127.0.0.1."""

import sys

import grpc

from accounts import users_pb2_grpc
from accounts import users_types_pb2

import sample_cli

METADATA = [("ip", "127.0.0.1")]


def main():
    args = sample_cli.client_args(__doc__)
    with grpc.insecure_channel(args.target) as channel:
        stub = users_pb2_grpc.UsersStub(channel)
        created = stub.CreateUser(
            users_types_pb2.CreateUserRequest(user=users_types_pb2.User(username="tom", user_id=1)),
            timeout=5, metadata=METADATA)
        print(f"User created: {created.user.username}")

        request = users_types_pb2.GetUsersRequest(user=[
            users_types_pb2.User(username="alexa", user_id=2),
            users_types_pb2.User(username="christie", user_id=3),
        ])
        streamed = 0
        for result in stub.GetUsers(request, timeout=5, metadata=METADATA):
            streamed += 1
            print(f"User: {result.user.username} (id {result.user.user_id})")

        status = grpc.StatusCode.OK
        try:
            for result in stub.GetUsers(request, timeout=0.1, metadata=METADATA):
                print(f"User: {result.user.username} (id {result.user.user_id})")
        except grpc.RpcError as error:
            status = error.code()
        print(f"GetUsers with a 100 ms timeout: {status.name}")
        ok = created.user.username == "tom" and streamed == 2 and status == grpc.StatusCode.DEADLINE_EXCEEDED
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
