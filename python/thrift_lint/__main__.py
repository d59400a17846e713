"""``python -m thrift_lint ARGS...`` runs ``thrift-lint ARGS...``."""

import os
import subprocess
import sys

from thrift_lint import find_bin


def main() -> None:
    binary = find_bin("thrift-lint")
    args = [binary, *sys.argv[1:]]
    if sys.platform == "win32":
        # No exec on Windows: run it and pass its exit code on.
        sys.exit(subprocess.call(args))
    os.execv(binary, args)


if __name__ == "__main__":
    main()
