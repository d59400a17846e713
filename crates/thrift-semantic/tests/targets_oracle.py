#!/usr/bin/env python3
"""Runs the real targets on Thrift IDL files and prints their verdicts.

Usage: targets_oracle.py TARGET FILE...   (TARGET: thriftpy2 | py | go | java)
Prints one line per file: `<file>\t<ok|fail>\t<why>`.

- thriftpy2: `thriftpy2.load(FILE)` in a fresh interpreter; it fails when
  it raises, or when a definition of the file (struct, union, exception,
  enum, const, typedef, service) is missing from the loaded module, or a
  struct-like class has no generated constructor.
- py: `thrift --gen py` (the `thrift` on the PATH, or $THRIFT_COMPILER),
  then every generated module is imported with the `thrift` package; it
  fails when the compiler fails, an import raises, or a struct, union,
  exception or enum is missing from `ttypes`, a const from `constants`, or
  a service module is missing.

- go: `thrift -r --gen go`, then `go build` of every generated package
  (GOPATH mode, with Debian's golang-thrift-dev in /usr/share/gocode, or
  $THRIFT_GO_PATH); the `-remote` commands are not built.
- java: `thrift -r --gen java:generated_annotations=suppress`, then `javac`
  of every generated file against Debian's libthrift-java jars in
  /usr/share/java (or $THRIFT_JAVA_CLASSPATH).

Each file runs in its own subprocess, so that one load cannot affect the
next (thriftpy2 caches modules; generated packages share names).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

DEF_RE = re.compile(
    r"^\s*(struct|union|exception|enum|const|typedef|service)\s+(?:(?:[\w.]+|[\w.]+\s*<.*?>)\s+)?(\w+)",
    re.M,
)
CONST_RE = re.compile(r"^\s*const\s+.*?(\w+)\s*=", re.M)


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r"#[^\n]*", "", text)
    return text


def definitions(text):
    """(kind, name) of the file's top-level definitions."""
    text = strip_comments(text)
    out = []
    for line in text.splitlines():
        m = re.match(r"^\s*(struct|union|exception|enum|service)\s+(\w+)", line)
        if m:
            out.append((m.group(1), m.group(2)))
            continue
        m = re.match(r"^\s*const\s+.*?(\w+)\s*=", line)
        if m:
            out.append(("const", m.group(1)))
            continue
        if re.match(r"^\s*typedef\s", line):
            rest = re.sub(r"[,;]?\s*$", "", line)
            # A trailing annotation group, `(a = "b")`, is not the name.
            if rest.endswith(")"):
                depth = 0
                for k in range(len(rest) - 1, -1, -1):
                    depth += {")": 1, "(": -1}.get(rest[k], 0)
                    if depth == 0:
                        rest = rest[:k]
                        break
            m = re.search(r"(\w+)\s*$", rest)
            if m:
                out.append(("typedef", m.group(1)))
    return out


def run_thriftpy2(path):
    import thriftpy2

    stem = os.path.basename(path)[: -len(".thrift")]
    module = thriftpy2.load(path, module_name=stem + "_thrift")
    with open(path, encoding="utf-8") as f:
        defs = definitions(f.read())
    for kind, name in defs:
        value = getattr(module, name, None)
        if value is None:
            return "fail", f"{kind} {name} is missing from the loaded module"
        if kind in ("struct", "union", "exception"):
            if "__init__" not in vars(value):
                return "fail", f"{kind} {name} has no generated constructor"
    return "ok", ""


def run_py(path):
    compiler = os.environ.get("THRIFT_COMPILER", "thrift")
    out = tempfile.mkdtemp(prefix="targets-py-")
    try:
        r = subprocess.run(
            [compiler, "-r", "--gen", "py", "-out", out, path],
            capture_output=True,
            text=True,
        )
        if r.returncode != 0:
            msg = (r.stderr.strip() or r.stdout.strip()).splitlines()
            return "fail", "compiler: " + (msg[-1] if msg else f"exit {r.returncode}")
        sys.path.insert(0, out)
        import importlib

        modules = {}
        for root, _dirs, files in os.walk(out):
            for f in sorted(files):
                if not f.endswith(".py") or f == "__init__.py" or f.endswith("-remote"):
                    continue
                rel = os.path.relpath(os.path.join(root, f), out)[:-3]
                name = rel.replace(os.sep, ".")
                modules[name] = importlib.import_module(name)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        defs = definitions(text)
        ttypes = [m for n, m in modules.items() if n.endswith("ttypes")]
        constants = [m for n, m in modules.items() if n.endswith("constants")]
        for kind, name in defs:
            if kind in ("struct", "union", "exception", "enum"):
                if not any(isinstance(getattr(m, name, None), type) for m in ttypes):
                    return "fail", f"{kind} {name} is missing from ttypes"
            elif kind == "const":
                if not any(hasattr(m, name) for m in constants):
                    return "fail", f"const {name} is missing from constants"
            elif kind == "service":
                if not any(n == name or n.endswith("." + name) for n in modules):
                    return "fail", f"service module {name} is missing"
        return "ok", ""
    finally:
        shutil.rmtree(out, ignore_errors=True)


def compile_failure(r):
    lines = [l for l in (r.stderr + r.stdout).splitlines() if l.strip()]
    errors = [l for l in lines if "error" in l.lower() or "redeclared" in l]
    return (errors or lines or [f"exit {r.returncode}"])[0].strip()


def generate(lang, path, out):
    compiler = os.environ.get("THRIFT_COMPILER", "thrift")
    r = subprocess.run([compiler, "-r", "--gen", lang, "-out", out, path], capture_output=True, text=True)
    if r.returncode != 0:
        msg = (r.stderr.strip() or r.stdout.strip()).splitlines()
        return "compiler: " + (msg[-1] if msg else f"exit {r.returncode}")
    return None


def run_go(path):
    root = tempfile.mkdtemp(prefix="targets-go-")
    try:
        src = os.path.join(root, "src")
        os.makedirs(src)
        failed = generate("go", path, src)
        if failed:
            return "fail", failed
        packages = sorted(
            "./" + os.path.relpath(d, src)
            for d, _dirs, files in os.walk(src)
            if any(f.endswith(".go") for f in files) and not d.endswith("-remote")
        )
        env = dict(os.environ)
        env["GOPATH"] = root + ":" + os.environ.get("THRIFT_GO_PATH", "/usr/share/gocode")
        env["GO111MODULE"] = "off"
        env.setdefault("GOCACHE", os.path.join(tempfile.gettempdir(), "targets-go-cache"))
        r = subprocess.run(["go", "build"] + packages, cwd=src, capture_output=True, text=True, env=env)
        if r.returncode != 0:
            return "fail", "go build: " + compile_failure(r)
        return "ok", ""
    finally:
        shutil.rmtree(root, ignore_errors=True)


def run_java(path):
    root = tempfile.mkdtemp(prefix="targets-java-")
    try:
        out = os.path.join(root, "gen")
        os.makedirs(out)
        failed = generate("java:generated_annotations=suppress", path, out)
        if failed:
            return "fail", failed
        sources = [os.path.join(d, f) for d, _ds, fs in os.walk(out) for f in fs if f.endswith(".java")]
        if not sources:
            return "ok", ""
        jars = os.environ.get("THRIFT_JAVA_CLASSPATH") or ":".join(
            os.path.join("/usr/share/java", j)
            for j in ("thrift.jar", "slf4j-api.jar", "httpcore.jar", "httpclient.jar", "servlet-api.jar")
        )
        classes = os.path.join(root, "classes")
        os.makedirs(classes)
        r = subprocess.run(
            ["javac", "-nowarn", "-d", classes, "-cp", jars] + sources, capture_output=True, text=True
        )
        if r.returncode != 0:
            return "fail", "javac: " + compile_failure(r)
        return "ok", ""
    finally:
        shutil.rmtree(root, ignore_errors=True)


def one(target, path):
    try:
        if target == "thriftpy2":
            return run_thriftpy2(path)
        if target == "py":
            return run_py(path)
        if target == "go":
            return run_go(path)
        if target == "java":
            return run_java(path)
        raise SystemExit(f"unknown target {target}")
    except SystemExit:
        raise
    except BaseException as e:  # noqa: BLE001 - any failure is the verdict
        text = f"{type(e).__name__}: {e}".replace("\n", " ").replace("\t", " ")
        return "fail", text[:300]


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "--one":
        verdict, why = one(sys.argv[2], sys.argv[3])
        print(json.dumps([verdict, why]))
        return
    target = sys.argv[1]
    for path in map(os.path.abspath, sys.argv[2:]):
        r = subprocess.run(
            [sys.executable, __file__, "--one", target, path],
            capture_output=True,
            text=True,
            cwd=os.path.dirname(os.path.abspath(path)),
        )
        try:
            verdict, why = json.loads(r.stdout.strip().splitlines()[-1])
        except Exception:  # noqa: BLE001
            verdict, why = "fail", ("crashed: " + r.stderr.strip()[-200:]).replace("\n", " ")
        print(f"{path}\t{verdict}\t{why}", flush=True)


if __name__ == "__main__":
    main()
