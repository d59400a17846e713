#!/usr/bin/env bash
# Sets the version of every package of a release, before its tag:
#
#   .ci/release/bump-version.sh 0.2.0
#
# The workspace's version and its internal dependencies' (Cargo.toml),
# crates/thrift-tools (its own workspace), both Cargo.lock files, the VS
# Code extension (package.json, package-lock.json) and the mason package.
# The wheel takes its version from crates/thrift-tools. Then it runs
# check-metadata.py. Commit, then tag v0.2.0 to release.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 VERSION" >&2; exit 64; }
new="${1#v}"
[[ "$new" =~ ^[0-9]+\.[0-9]+\.[0-9]+([.-]?[A-Za-z0-9.]+)?$ ]] || { echo "not a version: $new" >&2; exit 64; }
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
old="$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"$/\1/p' Cargo.toml)"
[ -n "$old" ] || { echo "no [workspace.package] version in Cargo.toml" >&2; exit 1; }
esc="${old//./\\.}"
# [workspace.package] version, and `version = "OLD"` on our path dependencies.
sed -i -e "/^\[workspace.package\]/,/^\[/s/^version = \"$esc\"$/version = \"$new\"/" \
  -e "/^thrift-[a-z]* = { path = /s/version = \"$esc\"/version = \"$new\"/" Cargo.toml
sed -i -e "0,/^version = \"$esc\"$/s//version = \"$new\"/" \
  -e "/^thrift-[a-z]* = { path = /s/version = \"$esc\"/version = \"$new\"/" crates/thrift-tools/Cargo.toml
sed -i "s|pkg:pypi/thrift-lint@$esc\$|pkg:pypi/thrift-lint@$new|" editors/registries/mason/thrift-tools/package.yaml
(cd editors/vscode && npm version "$new" --no-git-tag-version --allow-same-version >/dev/null)
# The lock files record our crates' versions: let cargo rewrite them.
cargo metadata --offline --format-version 1 >/dev/null
cargo metadata --offline --format-version 1 --manifest-path crates/thrift-tools/Cargo.toml >/dev/null
python3 .ci/release/check-metadata.py
echo "version $old -> $new"
