#!/usr/bin/env bash
# Formatter comparison: our formatter against PyPI's thrift-fmt, on the
# same files. One command, from anywhere:
#
#   bench/fmt-peers.sh            # full run (~16 minutes: PyPI thrift-fmt is
#                                 # stopped after 600 s on the 5 MB file)
#   bench/fmt-peers.sh --quick    # fewer runs, smaller prefixes, 60 s limit (~2 minutes)
#
# Options (passed on to bench/peers/fmt_run.py):
#   --pypi-timeout S     stop PyPI thrift-fmt on the 5 MB file after S seconds
#                        (0: no limit; it needs about an hour)
#   --ours-cli PATH      our thrift-fmt binary (default: target/release/thrift-fmt;
#                        our CLI rows are skipped if it does not exist)
#   --ours-cli-args "…"  extra arguments for it, before the files
#   --no-scaling         skip the prefixes of the generated file
# and, handled here:
#   --build-cli          build target/release/thrift-fmt first; without it, our
#                        CLI is timed only if that binary already exists
#
# It installs what is missing (Debian packages when run as root; PyPI
# thrift-fmt into bench/.peers/venv, which git ignores, shared with
# bench/peers.sh), builds the formatter bench in release mode, then runs
# bench/peers/fmt_run.py, which prints tables and writes them to
# bench/.peers/work/fmt/results.md. See docs/performance.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PEERS="$ROOT/bench/.peers"
CORPUS="${THRIFT_CORPUS:-$ROOT/../shared/corpus}"

# The version of the peer, pinned so that runs compare (the same as in
# bench/peers.sh, where its parser is timed).
THRIFT_FMT=0.3.0

build_cli=0
args=()
for arg in "$@"; do
    case "$arg" in
        --build-cli) build_cli=1 ;;
        *) args+=("$arg") ;;
    esac
done

if [ ! -d "$CORPUS" ]; then
    echo "no corpus at $CORPUS (set THRIFT_CORPUS)" >&2
    exit 1
fi

missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
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
if ! "$PEERS/venv/bin/python" -c "
import importlib.metadata as m, sys
sys.exit(m.version('thrift-fmt') != '$THRIFT_FMT')" 2>/dev/null; then
    echo "installing thrift-fmt $THRIFT_FMT into $PEERS/venv" >&2
    "$PEERS/venv/bin/pip" install -q --disable-pip-version-check "thrift-fmt==$THRIFT_FMT"
fi

echo "building the formatter bench (release)" >&2
(cd "$ROOT" && cargo bench -q -p thrift-formatter --bench format --no-run)
if [ "$build_cli" = 1 ]; then
    echo "building thrift-fmt (release)" >&2
    (cd "$ROOT" && cargo build -q --release --bin thrift-fmt)
fi

exec python3 "$ROOT/bench/peers/fmt_run.py" --root "$ROOT" --peers "$PEERS" \
    --corpus "$CORPUS" ${args[@]+"${args[@]}"}
