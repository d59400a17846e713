#!/usr/bin/env bash
# Makes the platform .vsix of one target, with that target's thrift-ls:
#
#   .ci/release/package-vsix.sh VSCE_TARGET BIN_DIR OUT.vsix
#
# VSCE_TARGET is vsce's name for it (linux-x64, alpine-arm64, win32-x64,
# …); BIN_DIR holds the target's thrift-ls (archive.py --bin-dir). Needs
# `npm ci` done in editors/vscode. Check the result with check-vsix.py.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 VSCE_TARGET BIN_DIR OUT.vsix" >&2; exit 64; }
target="$1"
bin="$(cd "$2" && pwd)"
out="$(mkdir -p "$(dirname "$3")" && cd "$(dirname "$3")" && pwd)/$(basename "$3")"
ext="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../editors/vscode" && pwd)"
exe=thrift-ls
case "$target" in win32-*) exe=thrift-ls.exe ;; esac
[ -f "$bin/$exe" ] || { echo "no $exe in $bin" >&2; exit 1; }
cd "$ext"
# Only this target's server in server/: a binary left from another build
# must not ship.
rm -f server/thrift-ls server/thrift-ls.exe
node scripts/bundle-server.mjs "$bin/$exe"
npx vsce package --no-dependencies --target "$target" --out "$out"
rm -f "server/$exe"
