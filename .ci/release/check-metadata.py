#!/usr/bin/env python3
"""Checks that every package of a release says the same thing:

    check-metadata.py [--tag v0.1.0]

- each workspace crate has what crates.io needs (description, license,
  repository, readme, keywords, categories) and may be published;
- internal dependencies carry the workspace's version;
- crates/thrift-tools (a workspace of its own) has the root workspace's
  version, metadata and release profiles, and its Cargo.lock pins only
  what the root Cargo.lock pins, at the same versions;
- pyproject.toml builds crates/thrift-tools as the `thrift-lint` package;
- the VS Code extension and the mason package have the same version;
- with --tag, the tag is v<version>.
Prints each finding; exits 1 if any.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CRATES_IO_FIELDS = ("description", "license", "repository", "readme", "keywords", "categories")
SHARED_FIELDS = ("edition", "rust-version", "license", "repository", "homepage", "readme", "keywords", "categories")


def load(path: str) -> dict:
    with open(REPO / path, "rb") as f:
        return tomllib.load(f)


def lock_versions(path: str) -> dict[str, set[str]]:
    versions: dict[str, set[str]] = {}
    for package in load(path)["package"]:
        versions.setdefault(package["name"], set()).add(package["version"])
    return versions


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tag")
    args = parser.parse_args()
    problems: list[str] = []

    root = load("Cargo.toml")
    ws = root["workspace"]["package"]
    version = ws["version"]

    metadata = json.loads(
        subprocess.run(
            ["cargo", "metadata", "--no-deps", "--format-version", "1", "--manifest-path", str(REPO / "Cargo.toml")],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    members = {p["name"]: p for p in metadata["packages"]}
    for name, package in sorted(members.items()):
        for field in CRATES_IO_FIELDS:
            if not package.get(field):
                problems.append(f"{name}: no {field} (crates.io needs it)")
        if package.get("publish") == []:
            problems.append(f"{name}: publish = false")
        if package["version"] != version:
            problems.append(f"{name}: version {package['version']}, not the workspace's {version}")
        if len(package.get("keywords", [])) > 5:
            problems.append(f"{name}: more than 5 keywords (crates.io's limit)")

    for name, dep in root["workspace"]["dependencies"].items():
        if isinstance(dep, dict) and "path" in dep and dep.get("version") != version:
            problems.append(f"[workspace.dependencies] {name}: version {dep.get('version')!r}, not {version!r}")

    tools = load("crates/thrift-tools/Cargo.toml")
    tp = tools["package"]
    if tp["version"] != version:
        problems.append(f"crates/thrift-tools: version {tp['version']}, not the workspace's {version}")
    for field in SHARED_FIELDS:
        if tp.get(field) != ws.get(field) and field != "readme":
            problems.append(f"crates/thrift-tools: {field} = {tp.get(field)!r}, the workspace has {ws.get(field)!r}")
    for field in CRATES_IO_FIELDS:
        if not tp.get(field):
            problems.append(f"crates/thrift-tools: no {field}")
    for name, dep in tools["dependencies"].items():
        if "path" in dep:
            if dep.get("version") != version:
                problems.append(f"crates/thrift-tools: dependency {name} has version {dep.get('version')!r}, not {version!r}")
            if name not in members:
                problems.append(f"crates/thrift-tools: dependency {name} is not a workspace crate")
    for profile in ("release", "dist"):
        if tools.get("profile", {}).get(profile) != root.get("profile", {}).get(profile):
            problems.append(f"crates/thrift-tools: [profile.{profile}] differs from the root's")
    root_lock = lock_versions("Cargo.lock")
    for name, versions in sorted(lock_versions("crates/thrift-tools/Cargo.lock").items()):
        if name == "thrift-tools":
            continue
        if not versions <= root_lock.get(name, set()):
            problems.append(
                f"crates/thrift-tools/Cargo.lock: {name} {sorted(versions)}, the root Cargo.lock has "
                f"{sorted(root_lock.get(name, set())) or 'none'} "
                "(cargo update --workspace --manifest-path crates/thrift-tools/Cargo.toml, after copying Cargo.lock there)"
            )

    py = load("pyproject.toml")
    if py["project"]["name"] != "thrift-lint":
        problems.append(f"pyproject.toml: project name {py['project']['name']!r}, not 'thrift-lint'")
    if "version" not in py["project"].get("dynamic", []):
        problems.append("pyproject.toml: the version must be dynamic (from crates/thrift-tools)")
    maturin = py["tool"]["maturin"]
    if maturin.get("manifest-path") != "crates/thrift-tools/Cargo.toml" or maturin.get("bindings") != "bin":
        problems.append("pyproject.toml: [tool.maturin] must build crates/thrift-tools with bindings = 'bin'")

    vscode = json.loads((REPO / "editors/vscode/package.json").read_text())
    if vscode["version"] != version:
        problems.append(f"editors/vscode/package.json: version {vscode['version']}, not {version}")
    mason = (REPO / "editors/registries/mason/thrift-tools/package.yaml").read_text()
    pinned = re.findall(r"pkg:pypi/thrift-lint@([^\s]+)", mason)
    if pinned != [version]:
        problems.append(f"editors/registries/mason: pins thrift-lint {pinned}, not [{version!r}]")

    if args.tag is not None and args.tag != f"v{version}":
        problems.append(f"the tag {args.tag} is not v{version}")

    for p in problems:
        print(f"FAIL {p}")
    if not problems:
        print(f"ok   {len(members) + 1} crates, the wheel, the extension and the mason package are all version {version}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
