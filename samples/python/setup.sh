#!/usr/bin/env bash
# Installs what the Python samples need from Debian's own packages: the gRPC and protobuf runtimes for
# /usr/bin/python3, protoc, and the gRPC Python plugin. Idempotent and non-interactive; run as root
# (or with sudo available). Prints nothing but apt's output, and exits non-zero when anything is missing.
set -euo pipefail

packages=(python3 python3-grpcio python3-protobuf protobuf-compiler protobuf-compiler-grpc)

ready() {
    [ -x /usr/bin/python3 ] && [ -x /usr/bin/protoc ] && [ -x /usr/bin/grpc_python_plugin ] \
        && /usr/bin/python3 -c 'import grpc, google.protobuf' >/dev/null 2>&1
}

if ready; then
    echo "setup.sh: Debian's grpc, protobuf, protoc and grpc_python_plugin are installed"
    exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        sudo=(sudo -n)
    else
        echo "setup.sh: must run as root to install: ${packages[*]}" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
# Another apt (e.g. a concurrent setup.sh) may hold the lock: wait for it rather than fail.
apt_opts=(-o DPkg::Lock::Timeout=300 -o Acquire::Retries=3)
"${sudo[@]}" apt-get "${apt_opts[@]}" update -q
"${sudo[@]}" apt-get "${apt_opts[@]}" install -y -q --no-install-recommends "${packages[@]}"

if ! ready; then
    echo "setup.sh: installed ${packages[*]}, but /usr/bin/python3 still cannot import grpc or protoc/grpc_python_plugin are missing" >&2
    exit 1
fi
echo "setup.sh: Debian's grpc, protobuf, protoc and grpc_python_plugin are installed"
