#!/usr/bin/env python3
"""Checks the editor registry entries in editors/registries/:

    check-registries.py [--wheel thrift_lint-*.whl]

- mason: package.yaml has the keys mason-registry's schema requires
  (name, description, homepage, licenses, languages, categories, source),
  known categories and licences, a `pkg:pypi/thrift-lint@VERSION` source,
  and a `pypi:` bin for each command; with --wheel, each of them is a
  script in that wheel;
- Helix: the server entry parses, runs `thrift-ls --stdio`, is attached to
  the `thrift` language, and says what editors/helix/languages.toml says;
- nvim-lspconfig: the config runs `thrift-ls --stdio` for `thrift`, with
  the root markers of editors/neovim/thrift-ls.lua (Neovim itself loads
  it in .ci/packaging.sh).
Needs PyYAML. Prints each check; exits 1 if one failed.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
import zipfile
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
REG = REPO / "editors" / "registries"
# From mason-registry's schema (enums/category.json, and the SPDX ids of
# enums/license.json that we use).
MASON_CATEGORIES = {"Compiler", "DAP", "Formatter", "LSP", "Linter", "Runtime"}
MASON_REQUIRED = ("name", "description", "homepage", "licenses", "languages", "categories", "source")
COMMANDS = ("thrift-ls", "thrift-lint", "thrift-fmt")

failures = 0


def check(ok: bool, what: str) -> None:
    global failures
    print(f"{'ok  ' if ok else 'FAIL'} {what}")
    if not ok:
        failures += 1


def mason(wheel: Path | None) -> None:
    pkg = yaml.safe_load((REG / "mason/thrift-tools/package.yaml").read_text())
    for key in MASON_REQUIRED:
        check(bool(pkg.get(key)), f"mason: {key}")
    check(set(pkg.get("categories", [])) <= MASON_CATEGORIES, f"mason: categories {pkg.get('categories')}")
    check(set(pkg.get("licenses", [])) == {"MIT", "Apache-2.0"}, f"mason: licenses {pkg.get('licenses')}")
    check(str(pkg.get("homepage", "")).startswith("https://"), "mason: homepage is https")
    source = pkg.get("source", {}).get("id", "")
    check(re.fullmatch(r"pkg:pypi/thrift-lint@\d+\.\d+\.\d+\S*", source) is not None, f"mason: source {source}")
    bins = pkg.get("bin", {})
    check(bins == {c: f"pypi:{c}" for c in COMMANDS}, f"mason: bin {bins}")
    check(pkg.get("neovim", {}).get("lspconfig") == "thrift_tools", "mason: neovim.lspconfig is thrift_tools")
    if wheel:
        version = source.rsplit("@", 1)[-1]
        names = zipfile.ZipFile(wheel).namelist()
        for command in COMMANDS:
            script = f"thrift_lint-{version}.data/scripts/{command}"
            check(script in names, f"mason: {wheel.name} has {script}")


def helix() -> None:
    entry = tomllib.loads((REG / "helix/languages.toml").read_text())
    user = tomllib.loads((REPO / "editors/helix/languages.toml").read_text())
    server = entry.get("language-server", {}).get("thrift-ls", {})
    check(server.get("command") == "thrift-ls" and server.get("args") == ["--stdio"], f"helix: server {server}")
    user_server = user["language-server"]["thrift-ls"]
    check(
        (server.get("command"), server.get("args")) == (user_server["command"], user_server["args"]),
        "helix: the same command as editors/helix/languages.toml",
    )
    languages = {lang["name"]: lang for lang in entry.get("language", [])}
    check("thrift-ls" in languages.get("thrift", {}).get("language-servers", []), "helix: thrift uses thrift-ls")


def lspconfig() -> None:
    text = (REG / "nvim-lspconfig/lsp/thrift_tools.lua").read_text()
    check(text.startswith("---@brief"), "nvim-lspconfig: starts with the ---@brief doc block")
    check("---@type vim.lsp.Config" in text, "nvim-lspconfig: ---@type vim.lsp.Config")
    check("cmd = { 'thrift-ls', '--stdio' }" in text, "nvim-lspconfig: cmd")
    check("filetypes = { 'thrift' }" in text, "nvim-lspconfig: filetypes")
    user = (REPO / "editors/neovim/thrift-ls.lua").read_text()
    markers = re.search(r"root_markers = \{[^}]*\}", text)
    check(markers is not None and markers.group(0) in user, "nvim-lspconfig: root markers as in editors/neovim")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path)
    args = parser.parse_args()
    mason(args.wheel)
    helix()
    lspconfig()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
