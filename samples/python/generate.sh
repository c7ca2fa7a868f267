#!/usr/bin/env bash
# Generates the Python code of the samples' protos into OUT_DIR, with Debian's protoc and gRPC Python plugin
# (Grpc.Tools' protoc is newer than Debian's protobuf runtime accepts). Nothing generated is committed:
#   bash samples/python/generate.sh /tmp/protogen-py && PYTHONPATH=/tmp/protogen-py /usr/bin/python3 ...
set -euo pipefail

out="${1:?usage: generate.sh OUT_DIR}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
mkdir -p "$out"

protoc() {
    /usr/bin/protoc --python_out="$out" --grpc_out="$out" --plugin=protoc-gen-grpc=/usr/bin/grpc_python_plugin "$@"
}

# The tutorials' protos, as the C# samples compile them.
protoc -I"$repo/protos/grpc/examples" helloworld.proto
protoc -I"$repo/protos/examples" route_guide.proto
# The Users sample's folder under its logical path, as ImportPrefix="accounts" maps it: module accounts.users_pb2.
protoc -Iaccounts="$repo/samples/Users/protos" accounts/users_types.proto accounts/users.proto
