#!/usr/bin/env bash
# Tries editors/helix/languages.toml in a real Helix, driven through tmux:
#
#   editors/helix/check.sh [--hx PATH] [--thrift-ls PATH]
#
# 1. `hx --health thrift` with only our languages.toml as user config: the
#    language server is configured and found;
# 2. Helix on a copy of examples/: broken/semantic.thrift gets the server's
#    diagnostics (the diagnostics picker, `space d`, lists their codes);
#    `gd` on `base.BaseService` in catalog.thrift opens base.thrift;
#    `:format` then `:write` on unformatted.thrift gives what thrift-fmt gives.
# Prints each screen it looked at, and PASS/FAIL per check; exit 1 if one failed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
hx="hx"; ls_bin="$repo/target/debug/thrift-ls"
while [ $# -gt 0 ]; do
  case "$1" in
    --hx) hx="$2"; shift 2 ;;
    --thrift-ls) ls_bin="$(realpath "$2")"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 64 ;;
  esac
done
command -v tmux >/dev/null || { echo "needs tmux" >&2; exit 69; }
[ -x "$ls_bin" ] || { echo "no thrift-ls at $ls_bin (cargo build --bin thrift-ls)" >&2; exit 69; }
tmp="$(mktemp -d -t thrift-helix.XXXXXX)"
session="thrift-helix-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$tmp"' EXIT
mkdir -p "$tmp/cfg/helix" "$tmp/bin"
cp "$here/languages.toml" "$tmp/cfg/helix/languages.toml"
ln -s "$ls_bin" "$tmp/bin/thrift-ls"
cp -r "$repo/examples" "$tmp/ws"
cp "$repo/editors/vscode/test/e2e/fixtures/unformatted.thrift" "$tmp/ws/unformatted.thrift"
export XDG_CONFIG_HOME="$tmp/cfg" PATH="$tmp/bin:$PATH"
fail=0
check() { if [ "$2" = 0 ]; then echo "PASS $1"; else echo "FAIL $1"; fail=1; fi; }

echo "== hx --health thrift"
health="$("$hx" --health thrift 2>&1 | sed 's/\x1b\[[0-9;]*m//g' || true)"
echo "$health"
r=0; echo "$health" | grep -q "✓ thrift-ls: $tmp/bin/thrift-ls" || r=1
check "health: thrift-ls configured and found" $r

screen() { tmux capture-pane -p -t "$session"; }
wait_for() { # pattern, seconds
  for _ in $(seq 1 $(( $2 * 4 ))); do screen | grep -q -- "$1" && return 0; sleep 0.25; done; return 1
}
tmux new-session -d -s "$session" -x 150 -y 40 -c "$tmp/ws" "$hx broken/semantic.thrift"
sleep 3
tmux send-keys -t "$session" ' ' d
rc=0; wait_for "T1030" 15 || rc=1
echo "== diagnostics picker (space d)"; screen
check "diagnostics: the picker lists the server's codes" $rc
tmux send-keys -t "$session" Escape
sleep 0.5

tmux send-keys -t "$session" ':open catalog.thrift' Enter
sleep 1
tmux send-keys -t "$session" '/' 'base.BaseService' Enter
sleep 0.5
tmux send-keys -t "$session" g d
rc=0; wait_for "service BaseService" 10 || rc=1
echo "== after gd on base.BaseService"; screen
screen | grep -q "base.thrift" || rc=1
check "definition: gd opens base.thrift at BaseService" $rc

tmux send-keys -t "$session" ':open unformatted.thrift' Enter
sleep 1
tmux send-keys -t "$session" ':format' Enter
sleep 2
tmux send-keys -t "$session" ':write' Enter
sleep 1
expected="$("$repo/target/debug/thrift-fmt" - < "$repo/editors/vscode/test/e2e/fixtures/unformatted.thrift" 2>/dev/null || cat "$repo/editors/vscode/test/e2e/fixtures/formatted.thrift")"
rc=0; [ "$(cat "$tmp/ws/unformatted.thrift")" = "$expected" ] || rc=1
echo "== unformatted.thrift after :format and :write"; head -20 "$tmp/ws/unformatted.thrift"
check "formatting: :format then :write equals thrift-fmt" $rc
tmux send-keys -t "$session" ':quit-all!' Enter
exit "$fail"
