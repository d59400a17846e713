#!/usr/bin/env bash
# Language server benchmark: builds thrift-ls in release mode and drives it over stdio on a generated 5,000-file workspace (bench/lsp/lsp_bench.py; docs/performance.md). Options: --quick, --iters N, --index-runs N, --json PATH, --keep DIR.
set -euo pipefail; ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd); cargo build --release --bin thrift-ls --manifest-path "$ROOT/Cargo.toml" >&2 && exec python3 "$ROOT/bench/lsp/lsp_bench.py" --server "$ROOT/target/release/thrift-ls" "$@"
