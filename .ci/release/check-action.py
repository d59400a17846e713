#!/usr/bin/env python3
"""Checks action.yml: it installs the released wheel and never builds.

    check-action.py

- the inputs are the ones the action has always had (so no workflow
  that uses it breaks);
- no step runs cargo, rustup or rustc, or fetches the repository to build
  it: the install step is .ci/release/action-install.sh, which installs
  with `pip install --only-binary=:all:`;
- every input is passed to a step.
Needs PyYAML. Prints each check; exits 1 if one failed.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
INPUTS = {"against", "paths", "format-check", "lint", "breaking", "format", "version", "working-directory"}
BUILDS = re.compile(r"\b(cargo|rustup|rustc|maturin)\b|git\s+(clone|fetch)[^\n]*thrift-tools|--no-binary")


def main() -> int:
    failures = 0

    def check(ok: bool, what: str) -> None:
        nonlocal failures
        print(f"{'ok  ' if ok else 'FAIL'} {what}")
        if not ok:
            failures += 1

    action = yaml.safe_load((REPO / "action.yml").read_text())
    check(set(action["inputs"]) == INPUTS, f"action.yml: inputs {sorted(action['inputs'])}")
    steps = action["runs"]["steps"]
    check(action["runs"]["using"] == "composite", "action.yml: a composite action")
    for step in steps:
        run = step.get("run", "")
        check(not BUILDS.search(run), f"action.yml: step {step.get('name')!r} runs no build")
        check("uses" not in step or "rust" not in step["uses"], f"action.yml: step {step.get('name')!r} sets up no Rust")
    install = steps[0]
    check(
        install.get("run", "").strip() == '"$GITHUB_ACTION_PATH/.ci/release/action-install.sh"',
        "action.yml: the first step runs .ci/release/action-install.sh",
    )
    script = (REPO / ".ci/release/action-install.sh").read_text()
    code = "\n".join(line for line in script.splitlines() if not line.lstrip().startswith("#"))
    check(not BUILDS.search(code), "action-install.sh runs no build")
    check("--only-binary=:all:" in code, "action-install.sh: pip takes wheels only")
    text = (REPO / "action.yml").read_text()
    for name in sorted(INPUTS):
        check(f"inputs.{name} }}}}" in text, f"action.yml: input {name} is used")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
