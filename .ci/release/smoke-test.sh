#!/usr/bin/env bash
# Smoke test of one platform's build, on that platform:
#
#   .ci/release/smoke-test.sh WHEEL_DIR BIN_DIR
#
# The binaries in BIN_DIR (archive.py --bin-dir) print their version and
# check examples/ (no problems in the project, errors in examples/broken);
# the wheel in WHEEL_DIR installs into a fresh virtual environment, which
# gets the three commands and `python -m thrift_lint`.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 WHEEL_DIR BIN_DIR" >&2; exit 64; }
wheels="$(cd "$1" && pwd)"; bin="$(cd "$2" && pwd)"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
version="$(sed -n 's/^version = "\(.*\)"$/\1/p' crates/thrift-tools/Cargo.toml | head -n 1)"
fail() { echo "FAIL: $*" >&2; exit 1; }

check_commands() { # DIR: the three binaries there
  local dir="$1" exe=""
  [ -f "$dir/thrift-lint.exe" ] && exe=".exe"
  for command in thrift-lint thrift-fmt thrift-ls; do
    out="$("$dir/$command$exe" --version)"
    [ "$out" = "$command $version" ] || fail "$dir/$command --version printed '$out', not '$command $version'"
    echo "ok   $dir/$command --version: $out"
  done
  "$dir/thrift-lint$exe" check examples/*.thrift examples/common || fail "thrift-lint check examples"
  "$dir/thrift-fmt$exe" --check examples/*.thrift examples/common || fail "thrift-fmt --check examples"
  rc=0; "$dir/thrift-lint$exe" check examples/broken >/dev/null 2>&1 || rc=$?
  [ "$rc" = 1 ] || fail "thrift-lint check examples/broken exited $rc, not 1"
  echo "ok   $dir: examples check clean, examples/broken fails"
}

check_commands "$bin"

python=python3
command -v "$python" >/dev/null 2>&1 || python=python
venv="$(mktemp -d)/venv"
"$python" -m venv "$venv"
if [ -d "$venv/Scripts" ]; then vbin="$venv/Scripts"; else vbin="$venv/bin"; fi
"$vbin/python" -m pip install --quiet --disable-pip-version-check --no-index --find-links "$wheels" "thrift-lint==$version"
check_commands "$vbin"
out="$("$vbin/python" -m thrift_lint --version)"
[ "$out" = "thrift-lint $version" ] || fail "python -m thrift_lint --version printed '$out'"
echo "ok   python -m thrift_lint --version: $out"
rm -rf "$(dirname "$venv")"
