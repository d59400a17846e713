#!/usr/bin/env bash
# Gathers the release's files from the build jobs' artifacts and sums them:
#
#   .ci/release/collect.sh ARTIFACTS_DIR OUT_DIR
#
# OUT_DIR gets every archive, wheel, sdist and .vsix, and SHA256SUMS over
# them (`sha256sum -c SHA256SUMS` checks a download); each archive's own
# .sha256 comes along. Fails if a platform is missing or a sum is wrong.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 ARTIFACTS_DIR OUT_DIR" >&2; exit 64; }
src="$1"; out="$2"
mkdir -p "$out"
shopt -s nullglob
files=("$src"/thrift-tools-*.tar.gz "$src"/thrift-tools-*.zip "$src"/thrift-tools-*.sha256 \
       "$src"/thrift_lint-*.whl "$src"/thrift_lint-*.tar.gz "$src"/*.vsix)
[ ${#files[@]} -gt 0 ] || { echo "no release files in $src" >&2; exit 1; }
cp "${files[@]}" "$out/"
cd "$out"
# Each archive's sum, as archive.py wrote it.
for sum in thrift-tools-*.sha256; do sha256sum -c "$sum"; done
archives=(thrift-tools-*.tar.gz thrift-tools-*.zip)
wheels=(thrift_lint-*.whl)
vsix=(*.vsix)
sums=("${archives[@]}" "${wheels[@]}" thrift_lint-*.tar.gz "${vsix[@]}")
sha256sum "${sums[@]}" > SHA256SUMS
echo "${#archives[@]} archives, ${#wheels[@]} wheels, ${#vsix[@]} .vsix files in $out"
if [ -n "${EXPECT_PLATFORMS:-}" ] && [ "${#archives[@]}" -ne "$EXPECT_PLATFORMS" ]; then
  echo "expected $EXPECT_PLATFORMS platforms" >&2; exit 1
fi
