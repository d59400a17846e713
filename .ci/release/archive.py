#!/usr/bin/env python3
"""Makes the release archive of one target from its wheel.

    archive.py --wheel dist/thrift_lint-0.1.0-py3-none-<tag>.whl \
               --target x86_64-unknown-linux-gnu --out release/ [--bin-dir DIR]

The binaries come out of the wheel (`<name>.data/scripts/`), so the
archive, the wheel and the platform .vsix ship the same build. Writes
release/thrift-tools-<version>-<target>.tar.gz (.zip for Windows) with
thrift-lint, thrift-fmt, thrift-ls, the README and both licences under
thrift-tools-<version>-<target>/, and <archive>.sha256 in `sha256sum`
format. --bin-dir also copies the binaries there (for the .vsix).
Prints the archive's path.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import re
import stat
import sys
import tarfile
import zipfile
from pathlib import Path

COMMANDS = ("thrift-lint", "thrift-fmt", "thrift-ls")
REPO = Path(__file__).resolve().parents[2]
EXTRA_FILES = ("README.md", "LICENSE-APACHE", "LICENSE-MIT")


def wheel_binaries(wheel: Path, windows: bool) -> tuple[str, dict[str, bytes]]:
    """The wheel's version and the bytes of each binary in its scripts."""
    match = re.match(r"^thrift_lint-([^-]+)-", wheel.name)
    if not match:
        sys.exit(f"archive.py: {wheel.name} is not a thrift_lint wheel")
    version = match.group(1)
    suffix = ".exe" if windows else ""
    binaries = {}
    with zipfile.ZipFile(wheel) as zf:
        for name in COMMANDS:
            member = f"thrift_lint-{version}.data/scripts/{name}{suffix}"
            try:
                binaries[name + suffix] = zf.read(member)
            except KeyError:
                sys.exit(f"archive.py: {wheel.name} has no {member}")
    return version, binaries


def sha256_line(path: Path) -> str:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return f"{digest}  {path.name}\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, required=True)
    parser.add_argument("--target", required=True, help="the Rust target triple")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--bin-dir", type=Path)
    args = parser.parse_args()

    windows = "windows" in args.target
    version, binaries = wheel_binaries(args.wheel, windows)
    stem = f"thrift-tools-{version}-{args.target}"
    args.out.mkdir(parents=True, exist_ok=True)
    files = {name: (data, 0o755) for name, data in binaries.items()}
    for extra in EXTRA_FILES:
        files[extra] = ((REPO / extra).read_bytes(), 0o644)

    if windows:
        archive = args.out / f"{stem}.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, (data, mode) in sorted(files.items()):
                info = zipfile.ZipInfo(f"{stem}/{name}", date_time=(1980, 1, 1, 0, 0, 0))
                info.external_attr = (stat.S_IFREG | mode) << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, data)
    else:
        archive = args.out / f"{stem}.tar.gz"
        with tarfile.open(archive, "w:gz") as tf:
            for name, (data, mode) in sorted(files.items()):
                info = tarfile.TarInfo(f"{stem}/{name}")
                info.size = len(data)
                info.mode = mode
                tf.addfile(info, io.BytesIO(data))
    Path(f"{archive}.sha256").write_text(sha256_line(archive))

    if args.bin_dir:
        args.bin_dir.mkdir(parents=True, exist_ok=True)
        for name, data in binaries.items():
            path = args.bin_dir / name
            path.write_bytes(data)
            os.chmod(path, 0o755)
    print(archive)


if __name__ == "__main__":
    main()
