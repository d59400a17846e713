#!/usr/bin/env bash
# The GitHub Action's install step (action.yml): installs thrift-lint,
# thrift-fmt and thrift-ls from the released wheel of the `thrift-lint`
# Python package into a virtual environment under $RUNNER_TEMP, and puts
# a directory with only the three binaries on $GITHUB_PATH (not the
# environment's python, which would shadow the job's). It never builds from source:
# pip is told to take wheels only (no Rust toolchain is needed or used).
#
# Environment: VERSION (the action's `version` input: 0.1.0 or v0.1.0;
# empty means the version of the action's own files), GITHUB_ACTION_PATH,
# RUNNER_TEMP, GITHUB_PATH. .ci/packaging.sh runs it against a local wheel.
set -euo pipefail
version="${VERSION:-}"
version="${version#v}"
if [ -z "$version" ]; then
  # The version of the action's checkout: the packaging crate's, which is
  # the workspace's (.ci/release/check-metadata.py).
  version="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$GITHUB_ACTION_PATH/crates/thrift-tools/Cargo.toml" | head -n 1)"
fi
if ! [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+([.-]?[A-Za-z0-9.]+)?$ ]]; then
  echo "::error title=thrift-tools::'version' must be a released version such as 0.1.0, not '$version'"
  exit 1
fi

python=python3
command -v "$python" >/dev/null 2>&1 || python=python
venv="$RUNNER_TEMP/thrift-tools-$version"
"$python" -m venv "$venv"
if [ -d "$venv/Scripts" ]; then bin="$venv/Scripts"; else bin="$venv/bin"; fi
if ! "$bin/python" -m pip install --quiet --disable-pip-version-check \
    --only-binary=:all: "thrift-lint==$version"; then
  echo "::error title=thrift-tools::could not install thrift-lint $version from PyPI (no wheel for this version and platform; is it released?)"
  exit 1
fi
tools="$RUNNER_TEMP/thrift-tools-$version-bin"
mkdir -p "$tools"
for command in thrift-lint thrift-fmt thrift-ls; do
  for exe in "$bin/$command" "$bin/$command.exe"; do
    if [ -f "$exe" ]; then cp "$exe" "$tools/"; fi
  done
done
echo "$tools" >> "$GITHUB_PATH"
"$tools/thrift-lint" --version
