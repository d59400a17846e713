#!/usr/bin/env python3
"""Checks that a .vsix has what the VS Code Marketplace and Open VSX need:

    check-vsix.py FILE.vsix [--target linux-x64] [--run]

- extension/package.json: name, publisher, version, displayName,
  description, license, engines.vscode, categories and keywords (at most
  30: the Marketplace's limit), a repository URL, an icon;
- the icon is a PNG of at least 128x128 (the Marketplace rejects SVG);
- README.md, CHANGELOG.md and both licences are in the package, and every
  image in the README is an https URL (relative ones do not show on the
  Marketplace or Open VSX);
- extension.vsixmanifest names the same id and version, and with --target
  its TargetPlatform is that target and extension/server/ has the
  thrift-ls binary for it (with --run, `thrift-ls --version` is run and
  must print the package's version).
Prints one line per check; exits 1 if any failed.
"""

from __future__ import annotations

import argparse
import json
import re
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

VSIX_NS = "{http://schemas.microsoft.com/developer/vsx-schema/2011}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("vsix", type=Path)
    parser.add_argument("--target", help="the vsce target, e.g. linux-x64")
    parser.add_argument("--run", action="store_true", help="run the bundled thrift-ls --version")
    args = parser.parse_args()

    failures = 0

    def check(ok: bool, what: str) -> None:
        nonlocal failures
        print(f"{'ok  ' if ok else 'FAIL'} {what}")
        if not ok:
            failures += 1

    zf = zipfile.ZipFile(args.vsix)
    names = set(zf.namelist())
    pkg = json.loads(zf.read("extension/package.json"))

    for field in ("name", "publisher", "version", "displayName", "description", "license"):
        check(bool(pkg.get(field)), f"package.json has {field}: {pkg.get(field)!r}")
    check(bool(pkg.get("engines", {}).get("vscode")), "package.json has engines.vscode")
    check(len(pkg.get("categories", [])) > 0, f"categories: {pkg.get('categories')}")
    keywords = pkg.get("keywords", [])
    check(0 < len(keywords) <= 30, f"{len(keywords)} keywords (1 to 30)")
    repo = pkg.get("repository")
    repo_url = repo.get("url") if isinstance(repo, dict) else repo
    check(bool(repo_url) and str(repo_url).startswith("https://"), f"repository: {repo_url}")

    manifest = ET.fromstring(zf.read("extension.vsixmanifest"))
    # The files the marketplaces show, as the manifest names them (vsce
    # stores README.md and CHANGELOG.md as readme.md and changelog.md).
    assets = {
        a.get("Type"): a.get("Path") for a in manifest.iter(f"{VSIX_NS}Asset")
    }

    def asset(kind: str, what: str) -> bytes | None:
        path = assets.get(kind)
        ok = path is not None and path in names
        check(ok, f"{what}: {path}")
        return zf.read(path) if ok else None

    icon = asset("Microsoft.VisualStudio.Services.Icons.Default", "the icon")
    if icon is not None:
        is_png = icon[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", icon[16:24]) if is_png else (0, 0)
        check(is_png and width >= 128 and height >= 128, f"the icon is a PNG of at least 128x128: {width}x{height}")
    readme = asset("Microsoft.VisualStudio.Services.Content.Details", "the README")
    asset("Microsoft.VisualStudio.Services.Content.Changelog", "the changelog")
    for member in ("LICENSE-MIT", "LICENSE-APACHE"):
        check(f"extension/{member}" in names, f"{member} is in the package")
    if readme is not None:
        text = readme.decode()
        images = re.findall(r"!\[[^\]]*\]\(([^)\s]+)", text) + re.findall(r'<img[^>]+src="([^"]+)"', text)
        check(len(images) > 0, f"the README has {len(images)} images (screenshots)")
        for url in images:
            check(url.startswith("https://") and not url.lower().endswith(".svg"), f"README image {url}")

    identity = manifest.find(f"{VSIX_NS}Metadata/{VSIX_NS}Identity")
    check(
        identity is not None
        and identity.get("Id") == pkg.get("name")
        and identity.get("Publisher") == pkg.get("publisher")
        and identity.get("Version") == pkg.get("version"),
        "extension.vsixmanifest identity matches package.json",
    )
    if args.target:
        platform = identity.get("TargetPlatform") if identity is not None else None
        check(platform == args.target, f"TargetPlatform {platform!r} is {args.target!r}")
        exe = "thrift-ls.exe" if args.target.startswith("win32") else "thrift-ls"
        server = f"extension/server/{exe}"
        check(server in names, f"{server} is in the package")
        if server in names and not exe.endswith(".exe"):
            mode = zf.getinfo(server).external_attr >> 16
            # The extension only starts a bundled server that is executable
            # (src/server.ts), and VS Code unpacks the mode stored here.
            check(mode & 0o111 != 0, f"{server} is executable ({oct(mode)})")
        if args.run and server in names:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / exe
                path.write_bytes(zf.read(server))
                path.chmod(0o755)
                out = subprocess.run([str(path), "--version"], capture_output=True, text=True)
                check(
                    out.returncode == 0 and out.stdout.strip() == f"thrift-ls {pkg['version']}",
                    f"the bundled thrift-ls --version: {out.stdout.strip()!r}",
                )
    print(f"{args.vsix.name}: {'FAILED' if failures else 'ready for the Marketplace and Open VSX'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
