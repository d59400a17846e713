#!/usr/bin/env bash
# Runs compare.py over every project of projects.tsv that is checked out under
# $REAL_WORLD_DIR (one folder per project, named owner+name, at the listed
# commit; see README.md). Projects that are not there are skipped, saying so.
# Usage: tests/real-world/run-all.sh [--lint PATH]
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
LINT="$ROOT/target/release/thrift-lint"
[ "${1:-}" = --lint ] && LINT="$(readlink -f "$2")"
: "${REAL_WORLD_DIR:?set REAL_WORLD_DIR to the folder that holds the checkouts}"
status=0
while IFS=$'\t' read -r name repo commit mode folder incs; do
  case "$name" in ''|'#'*) continue ;; esac
  checkout="$REAL_WORLD_DIR/${repo/\//+}"
  if [ ! -d "$checkout/$folder" ]; then
    echo "== $name: SKIPPED, $checkout/$folder is not there"
    continue
  fi
  args=()
  for inc in $incs; do
    case "$inc" in
      fbthrift:*) args+=(-I "$REAL_WORLD_DIR/facebook+fbthrift/${inc#fbthrift:}") ;;
      *) args+=(-I "$checkout/$inc") ;;
    esac
  done
  allow=()
  [ -f "$HERE/allow/$name.txt" ] && allow=(--allow "$HERE/allow/$name.txt")
  echo "== $name ($mode, $repo@${commit:0:8}, $folder)"
  python3 "$HERE/compare.py" --lint "$LINT" "${allow[@]}" "$mode" "$checkout/$folder" "${args[@]}" || status=1
done < "$HERE/projects.tsv"
exit $status
