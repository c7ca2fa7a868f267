#!/usr/bin/env bash
# Installs buf (the reference the breaking-change check is compared with, tests/ProtoGen.Breaking.Tests/BufComparisonTests.cs)
# from the npm registry into artifacts/tools/buf/ (git-ignored), at the version pinned here. Idempotent: an installed
# buf of that version is left as it is. Prints the path of the buf executable as its last line; exits non-zero when
# npm is missing or the install fails.
set -euo pipefail

version=1.75.0
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
prefix="$root/artifacts/tools/buf"
buf="$prefix/node_modules/.bin/buf"

if [ -x "$buf" ] && [ "$("$buf" --version 2>/dev/null)" = "$version" ]; then
    echo "$buf"
    exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
    echo "install-buf.sh: npm is not installed; buf $version comes from the npm registry (@bufbuild/buf)" >&2
    exit 2
fi

mkdir -p "$prefix"
# A package.json of its own, so npm installs here and not into an enclosing project.
[ -f "$prefix/package.json" ] || echo '{ "private": true }' >"$prefix/package.json"
npm install --prefix "$prefix" --no-audit --no-fund --no-save --loglevel=error "@bufbuild/buf@$version" >&2

installed="$("$buf" --version 2>/dev/null || true)"
if [ "$installed" != "$version" ]; then
    echo "install-buf.sh: npm installed @bufbuild/buf, but '$buf --version' prints '$installed', not $version" >&2
    exit 1
fi
echo "$buf"
