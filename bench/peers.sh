#!/usr/bin/env bash
# Peer comparison: how fast other Thrift parsers parse the same files as
# ours. One command, from anywhere:
#
#   bench/peers.sh            # full run (~2-3 minutes; the Python peers are slow)
#   bench/peers.sh --quick    # fewer runs, Python peers skipped on the 5 MB file
#
# It installs what is missing (Debian packages when run as root; the Python
# and Node peers into bench/.peers/, which git ignores), builds thrift-lint
# and the bench in release mode, then runs bench/peers/run.py, which prints
# a table and writes it to bench/.peers/work/results.md.
# See docs/performance.md for what is measured and how to read it.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PEERS="$ROOT/bench/.peers"
CORPUS="${THRIFT_CORPUS:-$ROOT/../shared/corpus}"

# Versions of the peers, pinned so that runs compare.
THRIFTPY2=0.7.1
THRIFT_FMT=0.3.0
CK_PARSER=2.0.0

if [ ! -f "$CORPUS/ORACLE.tsv" ]; then
    echo "no corpus at $CORPUS (set THRIFT_CORPUS)" >&2
    exit 1
fi

missing=()
command -v thrift >/dev/null || missing+=(thrift-compiler)
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "installing ${missing[*]}" >&2
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        echo "missing: ${missing[*]}; install them with: sudo apt-get install ${missing[*]}" >&2
        exit 1
    fi
fi

mkdir -p "$PEERS"
if [ ! -x "$PEERS/venv/bin/python" ]; then
    python3 -m venv "$PEERS/venv"
fi
if ! "$PEERS/venv/bin/python" -c 'import thriftpy2, thrift_parser' 2>/dev/null; then
    echo "installing thriftpy2 $THRIFTPY2 and thrift-fmt $THRIFT_FMT into $PEERS/venv" >&2
    "$PEERS/venv/bin/pip" install -q --disable-pip-version-check \
        "thriftpy2==$THRIFTPY2" "thrift-fmt==$THRIFT_FMT"
fi
if [ ! -f "$PEERS/node/node_modules/@creditkarma/thrift-parser/package.json" ]; then
    echo "installing @creditkarma/thrift-parser $CK_PARSER into $PEERS/node" >&2
    npm install --silent --no-audit --no-fund --prefix "$PEERS/node" \
        "@creditkarma/thrift-parser@$CK_PARSER" >/dev/null
fi

echo "building thrift-lint and the bench (release)" >&2
(cd "$ROOT" && cargo build -q --release --bin thrift-lint \
    && cargo bench -q -p thrift-syntax --bench parse --no-run)

exec python3 "$ROOT/bench/peers/run.py" --root "$ROOT" --peers "$PEERS" \
    --corpus "$CORPUS" "$@"
