"""The thrift-lint, thrift-fmt and thrift-ls binaries of thrift-tools.

The wheel installs them as scripts (next to ``python``, in ``bin/`` or
``Scripts\\``); :func:`find_bin` finds them for Python code and for
``python -m thrift_lint``.
"""

from __future__ import annotations

import os
import sys
import sysconfig

__all__ = ["find_bin"]

COMMANDS = ("thrift-lint", "thrift-fmt", "thrift-ls")


def _candidate_dirs():
    # The scheme pip installed into: a virtual environment or the system.
    yield sysconfig.get_path("scripts")
    # pip install --user.
    user_scheme = {"nt": "nt_user", "posix": "posix_user"}.get(os.name)
    if sys.platform == "darwin" and sys._framework:  # type: ignore[attr-defined]
        user_scheme = "osx_framework_user"
    if user_scheme in sysconfig.get_scheme_names():
        yield sysconfig.get_path("scripts", scheme=user_scheme)
    # pip install --target DIR or --prefix DIR: the scripts are in DIR/bin,
    # next to the package's own directory or above its site-packages.
    package_dir = os.path.dirname(os.path.abspath(__file__))
    parent = os.path.dirname(package_dir)
    yield os.path.join(parent, "bin")
    # --prefix PREFIX puts the package in PREFIX/lib/pythonX.Y/site-packages.
    yield os.path.join(parent, os.pardir, os.pardir, os.pardir, "bin")
    yield os.path.join(parent, os.pardir, os.pardir, os.pardir, "Scripts")


def find_bin(name: str = "thrift-lint") -> str:
    """Returns the path of the installed ``thrift-lint``, ``thrift-fmt`` or
    ``thrift-ls`` binary; raises FileNotFoundError when it is not there."""
    if name not in COMMANDS:
        raise ValueError(f"not a thrift-tools command: {name!r} (one of {', '.join(COMMANDS)})")
    exe = name + (sysconfig.get_config_var("EXE") or "")
    if os.name == "nt" and not exe.endswith(".exe"):
        exe += ".exe"
    seen = []
    for directory in _candidate_dirs():
        if not directory:
            continue
        path = os.path.normpath(os.path.join(directory, exe))
        if path in seen:
            continue
        seen.append(path)
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    raise FileNotFoundError(f"{exe} is not installed with this package; looked in: {', '.join(seen)}")
