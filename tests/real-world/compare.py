#!/usr/bin/env python3
"""Runs thrift-lint over real projects' IDL and compares it with their compilers.

Two modes:

  compare.py apache DIR [-I INC]...     every .thrift file under DIR is given to
      the Apache compiler (`thrift -nowarn --gen json`, Debian's 0.17) and to
      `thrift-lint check --dialect apache`; each file where one rejects and the
      other does not is listed.

  compare.py fbthrift DIR [-I INC]...   every .thrift file under DIR is one that
      fbthrift compiles (for example `thrift/compiler/test/fixtures/*/src` of an
      fbthrift checkout, or a project built with fbthrift): each error-level
      diagnostic of `thrift-lint check --dialect fbthrift` is listed.

Options: --lint PATH (default: target/release/thrift-lint), --allow FILE (one
path per line, relative to DIR, `#` comments: files left out, each with its
reason). Exit code 1 when anything is listed.

Nothing here is a test of CI: the projects are not in the repository (see
README.md next to this file for how to get them and the last results).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path


def thrift_files(root: Path):
    return sorted(p for p in root.rglob("*.thrift") if p.is_file())


def load_allow(path):
    if not path:
        return set()
    allowed = set()
    for line in Path(path).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            allowed.add(line)
    return allowed


def lint_errors(lint, files, includes, dialect, cwd):
    """Error-level diagnostics per file, from one thrift-lint run."""
    args = [str(lint), "check", "--format", "json", "--dialect", dialect]
    for inc in includes:
        args += ["-I", str(inc)]
    args += [str(f) for f in files]
    run = subprocess.run(args, capture_output=True, text=True, cwd=cwd)
    if run.returncode not in (0, 1):
        sys.exit(f"thrift-lint failed ({run.returncode}): {run.stderr.strip()}")
    errors = {}
    for d in json.loads(run.stdout or "[]"):
        if d.get("severity") == "error":
            errors.setdefault(os.path.normpath(d["file"]), []).append(d)
    return errors


def compiler_verdict(path, includes):
    with tempfile.TemporaryDirectory() as out:
        args = ["thrift", "-nowarn", "--gen", "json", "-out", out]
        for inc in includes:
            args += ["-I", str(inc)]
        run = subprocess.run(args + [str(path)], capture_output=True, text=True)
    if run.returncode == 0:
        return True, ""
    lines = [l for l in (run.stdout + run.stderr).splitlines() if l.strip()]
    return False, " / ".join(lines[-2:])


def describe(diag):
    start = diag["start"]
    return f"{diag['code']} {start['line']}:{start['column']} {diag['message']}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["apache", "fbthrift"])
    parser.add_argument("dir", type=Path)
    parser.add_argument("-I", dest="includes", action="append", default=[], type=Path)
    parser.add_argument("--lint", type=Path, default=Path("target/release/thrift-lint"))
    parser.add_argument("--allow", help="files to leave out, one per line, relative to DIR")
    args = parser.parse_args()

    lint = args.lint.resolve()
    root = args.dir.resolve()
    includes = [i.resolve() for i in args.includes]
    allowed = load_allow(args.allow)
    files = [f for f in thrift_files(root) if str(f.relative_to(root)) not in allowed]
    if not files:
        sys.exit(f"no .thrift files under {root}")
    errors = lint_errors(lint, files, includes, args.mode, cwd=root)

    def ours(f):
        return errors.get(os.path.normpath(str(f.relative_to(root))), []) or errors.get(str(f), [])

    listed = 0
    if args.mode == "fbthrift":
        for f in files:
            found = ours(f)
            if found:
                listed += 1
                print(f"{f.relative_to(root)}: {len(found)} errors")
                for d in found[:3]:
                    print(f"    {describe(d)}")
        print(f"{listed} of {len(files)} files with errors")
    else:
        missed = false = 0
        for f in files:
            accepted, why = compiler_verdict(f, includes)
            found = ours(f)
            if accepted and found:
                false += 1
                print(f"{f.relative_to(root)}: the compiler accepts it, we report {describe(found[0])}")
            elif not accepted and not found:
                missed += 1
                print(f"{f.relative_to(root)}: the compiler rejects it ({why}), we report no error")
        listed = missed + false
        print(f"{len(files)} files: {false} false errors, {missed} missed errors")
    return 1 if listed else 0


if __name__ == "__main__":
    sys.exit(main())
