"""The peer comparison behind bench/peers.sh (which installs the peers and
builds ours first; run that, not this).

1. Takes the corpus files that Apache Thrift 0.17 accepts (ORACLE.tsv), with
   the -I folders of their repository (INCLUDE_DIRS.tsv).
2. Asks every tool which of them it accepts, and keeps the files that all
   accept: every tool then parses the same bytes.
3. Times each tool on those files, and on the generated ~5 MB file of
   crates/thrift-syntax/benches/parse.rs, and prints a table (also written,
   as Markdown, to bench/.peers/work/results.md).

Standard library only; the Python peers run in bench/.peers/venv.
"""

import argparse
import csv
import json
import os
import platform
import re
import shlex
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, **kw)


class Ctx:
    def __init__(self, args):
        self.root = Path(args.root).resolve()
        self.peers = Path(args.peers).resolve()
        self.corpus = Path(args.corpus).resolve()
        self.quick = args.quick
        self.work = self.peers / "work"
        self.work.mkdir(parents=True, exist_ok=True)
        self.lint = self.root / "target" / "release" / "thrift-lint"
        self.py = self.peers / "venv" / "bin" / "python"
        self.node_modules = self.peers / "node" / "node_modules"
        self.helpers = self.root / "bench" / "peers"
        self.runs = 3 if self.quick else 10


# ---- file lists ----

def apache_files(ctx):
    """[(path, [include dirs])] for the files Apache Thrift 0.17 accepts."""
    dirs = {}
    with open(ctx.corpus / "INCLUDE_DIRS.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            dirs[row["source_repo"]] = [str(ctx.corpus / d) for d in row["include_dirs"].split()]
    files = []
    with open(ctx.corpus / "ORACLE.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["accepted"] != "yes":
                continue
            rel = row["relative_path"]
            repo = "/".join(rel.split("/")[:2])
            files.append((str(ctx.corpus / rel), dirs.get(repo, [])))
    return files


def write_list(path, files):
    with open(path, "w", encoding="utf-8") as fh:
        for f, dirs in files:
            fh.write(f + ("\t" + " ".join(dirs) if dirs else "") + "\n")


def write_paths(path, files):
    with open(path, "w", encoding="utf-8") as fh:
        for f, _ in files:
            fh.write(f + "\n")


def nbytes(files):
    return sum(os.path.getsize(f) for f, _ in files)


INCLUDE_RE = re.compile(r'^\s*include\s+["\']([^"\']+)["\']', re.M)


def include_closure_bytes(files):
    """Bytes that a tool resolving includes reads for each file: the file and
    everything it includes, transitively (each file once per top-level file)."""
    total = 0
    for f, dirs in files:
        seen = set()
        stack = [f]
        while stack:
            cur = stack.pop()
            if cur in seen:
                continue
            seen.add(cur)
            try:
                text = open(cur, encoding="utf-8").read()
            except OSError:
                continue
            for inc in INCLUDE_RE.findall(text):
                for d in [os.path.dirname(cur)] + dirs:
                    cand = os.path.normpath(os.path.join(d, inc))
                    if os.path.exists(cand):
                        stack.append(cand)
                        break
        total += sum(os.path.getsize(p) for p in seen)
    return total


# ---- acceptance ----

def accepted_by_ours(ctx, files):
    out = subprocess.run(
        [str(ctx.lint), "syntax", "--json"] + [f for f, _ in files],
        text=True, capture_output=True,
    ).stdout
    ok = set()
    for line in out.splitlines():
        d = json.loads(line)
        if not d["errors"]:
            ok.add(d["file"])
    return ok


def thrift_cmd(ctx, f, dirs, out_dir):
    cmd = ["thrift", "-nowarn", "--gen", "json", "-out", str(out_dir)]
    for d in dirs:
        cmd += ["-I", d]
    return cmd + [f]


def accepted_by_thrift(ctx, files):
    out_dir = ctx.work / "thrift-out"
    out_dir.mkdir(exist_ok=True)
    ok = set()
    for f, dirs in files:
        r = subprocess.run(thrift_cmd(ctx, f, dirs, out_dir), capture_output=True)
        if r.returncode == 0:
            ok.add(f)
    return ok


def accepted_by_helper(cmd):
    r = subprocess.run(cmd, text=True, capture_output=True)
    if r.returncode != 0:
        log(r.stderr)
        raise SystemExit(f"failed: {shlex.join(cmd)}")
    return set(r.stdout.split())


# ---- timing ----

def hyperfine(ctx, name, command, runs, warmup=1, shell=True):
    """Wall-clock median and min of a command, from hyperfine (without a
    shell in between when `shell` is false: for commands of a few ms)."""
    out = ctx.work / f"hyperfine-{name}.json"
    run(["hyperfine", "--style", "none", "--warmup", str(warmup), "--runs", str(runs),
         "--export-json", str(out)] + ([] if shell else ["-N"]) + [command],
        stdout=subprocess.DEVNULL)
    r = json.load(open(out))["results"][0]
    return r["median"], r["min"]


def ours_in_process(ctx, list_path, runs):
    cmd = ["cargo", "bench", "-q", "-p", "thrift-syntax", "--bench", "parse", "--",
           "--file-list", str(list_path), "--no-generated", "--machine",
           "--iters", str(max(runs, 10)), "--warmup", "3"]
    out = run(cmd, cwd=ctx.root, capture_output=True).stdout
    for line in out.splitlines():
        if line.startswith("RESULT "):
            kv = dict(p.split("=", 1) for p in line.split()[2:])
            return float(kv["parse_median_s"]), float(kv["parse_best_s"])
    raise SystemExit("no RESULT line from the bench:\n" + out)


def helper_time(cmd):
    out = run(cmd, capture_output=True).stdout
    d = json.loads(out.strip().splitlines()[-1])
    return d["median_s"], d["best_s"]


def loop_script(path, commands):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("set -e\n")
        for c in commands:
            fh.write(shlex.join(c) + " >/dev/null\n")
    return f"bash {shlex.quote(str(path))}"


# ---- versions ----

def versions(ctx):
    v = {}
    v["thrift"] = run(["thrift", "-version"], capture_output=True).stdout.strip()
    freeze = run([str(ctx.py), "-m", "pip", "list", "--format=json"], capture_output=True).stdout
    for p in json.loads(freeze):
        if p["name"].lower() in ("thriftpy2", "thrift-fmt", "thrift-parser", "antlr4-python3-runtime", "ply"):
            v[p["name"].lower()] = p["version"]
    pkg = ctx.node_modules / "@creditkarma" / "thrift-parser" / "package.json"
    v["@creditkarma/thrift-parser"] = json.load(open(pkg))["version"]
    v["node"] = run(["node", "--version"], capture_output=True).stdout.strip()
    v["python"] = run([str(ctx.py), "--version"], capture_output=True).stdout.strip()
    v["hyperfine"] = run(["hyperfine", "--version"], capture_output=True).stdout.strip()
    return v


def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()
    return f"{os.cpu_count()} cores, {cpu}, {platform.system()} {platform.release()}, load average before the run {load[0]:.2f}"


# ---- the comparison ----

def compare(ctx, title, files, include_bytes, big, out_rows):
    """Times every tool on `files`; appends (title, rows) to out_rows. For a
    `big` input the Python peers (which take tens of seconds on 5 MB) run
    once, without warm-up or a cold-process row, and not at all with --quick."""
    tag = re.sub(r"\W+", "-", title.split()[0].lower())
    lst = ctx.work / f"{tag}.list"
    paths = ctx.work / f"{tag}.paths"
    write_list(lst, files)
    write_paths(paths, files)
    size = nbytes(files)
    n = len(files)
    rows = []

    def add(tool, mode, t, note=""):
        median, best = t
        rows.append((tool, mode, median, best, note))
        log(f"  {tool:<34} {mode:<34} {median:9.4f} s")

    runs = ctx.runs
    log(f"{title}: {n} files, {size / 1e6:.2f} MB")
    add("thrift-syntax (ours)", "in-process, parse()", ours_in_process(ctx, paths, runs))
    quoted = " ".join(shlex.quote(f) for f, _ in files)
    add("thrift-lint syntax --json (ours)", "1 process" + (", all files" if n > 1 else ""),
        hyperfine(ctx, f"{tag}-lint-all", f"{shlex.quote(str(ctx.lint))} syntax --json {quoted}", runs))
    if n > 1:
        script = loop_script(ctx.work / f"{tag}-lint-loop.sh",
                             [[str(ctx.lint), "syntax", "--json", f] for f, _ in files])
        add("thrift-lint syntax --json (ours)", "1 process per file",
            hyperfine(ctx, f"{tag}-lint-loop", script, max(2, runs // 3)))
    out_dir = ctx.work / "thrift-out"
    out_dir.mkdir(exist_ok=True)
    script = loop_script(ctx.work / f"{tag}-thrift-loop.sh",
                         [thrift_cmd(ctx, f, d, out_dir) for f, d in files])
    inc_note = "includes parsed too" if include_bytes > size * 1.01 else ""
    add("thrift 0.17 (Apache compiler)", "--gen json, 1 process" + (" per file" if n > 1 else ""),
        hyperfine(ctx, f"{tag}-thrift", script, max(2, runs // 3)),
        inc_note)
    ck = ["node", str(ctx.helpers / "creditkarma.js"), str(ctx.node_modules)]
    add("@creditkarma/thrift-parser", "in-process (after warm-up)",
        helper_time(ck + ["time", str(lst), "--iters", str(runs)]))
    add("@creditkarma/thrift-parser", "1 cold node process",
        hyperfine(ctx, f"{tag}-ck-cold", shlex.join(ck + ["once", str(lst)]), max(2, runs // 3)))
    py = [str(ctx.py), str(ctx.helpers / "py_peers.py")]
    if not big:
        py_runs = max(1, runs // 3)
        add("thriftpy2", "in-process (PLY tables built once)",
            helper_time(py + ["thriftpy2", "time", str(lst), "--iters", str(py_runs)]), inc_note)
        add("thriftpy2", "1 cold python process",
            hyperfine(ctx, f"{tag}-tp-cold", shlex.join(py + ["thriftpy2", "once", str(lst)]),
                      py_runs, warmup=0), inc_note)
        add("thrift_parser (ANTLR; thrift-fmt)", "in-process",
            helper_time(py + ["antlr", "time", str(lst), "--iters", str(py_runs)]))
        add("thrift_parser (ANTLR; thrift-fmt)", "1 cold python process",
            hyperfine(ctx, f"{tag}-antlr-cold", shlex.join(py + ["antlr", "once", str(lst)]),
                      py_runs, warmup=0))
    elif not ctx.quick:
        once = ["--iters", "1", "--warmup", "0"]
        add("thriftpy2", "in-process (PLY tables built once), 1 run",
            helper_time(py + ["thriftpy2", "time", str(lst)] + once), inc_note)
        add("thrift_parser (ANTLR; thrift-fmt)", "in-process, 1 run",
            helper_time(py + ["antlr", "time", str(lst)] + once))
    out_rows.append((title, n, size, include_bytes, rows))


def startup(ctx, tiny):
    """Wall-clock of one process on a tiny file: the fixed cost per process."""
    lst = ctx.work / "tiny.list"
    write_list(lst, [(str(tiny), [])])
    out_dir = ctx.work / "thrift-out"
    out_dir.mkdir(exist_ok=True)
    py = [str(ctx.py), str(ctx.helpers / "py_peers.py")]
    commands = [
        ("thrift-lint syntax --json (ours)", [str(ctx.lint), "syntax", "--json", str(tiny)]),
        ("thrift 0.17 --gen json", thrift_cmd(ctx, str(tiny), [], out_dir)),
        ("@creditkarma/thrift-parser (node)",
         ["node", str(ctx.helpers / "creditkarma.js"), str(ctx.node_modules), "once", str(lst)]),
        ("thriftpy2 (python)", py + ["thriftpy2", "once", str(lst)]),
        ("thrift_parser (python)", py + ["antlr", "once", str(lst)]),
    ]
    rows = []
    for i, (name, cmd) in enumerate(commands):
        median, _ = hyperfine(ctx, f"startup-{i}", shlex.join(cmd), 10 if ctx.quick else 30,
                              warmup=3, shell=False)
        log(f"  start-up {name:<34} {median * 1000:8.1f} ms")
        rows.append((name, median))
    return rows


def render(sections, header_lines, startup_rows, tiny_bytes):
    lines = list(header_lines)
    for title, n, size, inc, rows in sections:
        lines.append("")
        lines.append(f"### {title}: {n} files, {size / 1e6:.3f} MB"
                     + (f" ({inc / 1e6:.3f} MB with their includes)" if inc > size * 1.01 else ""))
        lines.append("")
        lines.append("| tool | how | median s | best s | MB/s (median) | ms per file | vs ours in-process |")
        lines.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
        base = rows[0][2]
        for tool, mode, median, best, note in rows:
            mbs = size / 1e6 / median
            lines.append(
                f"| {tool} | {mode}{' (' + note + ')' if note else ''} | {median:.4f} | {best:.4f} | "
                f"{mbs:.2f} | {median * 1000 / n:.2f} | {median / base:.0f}x |"
            )
    lines.append("")
    lines.append(f"### Start-up: one process on a {tiny_bytes}-byte file")
    lines.append("")
    lines.append("| tool | ms |")
    lines.append("| --- | ---: |")
    for name, median in startup_rows:
        lines.append(f"| {name} | {median * 1000:.1f} |")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--peers", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    ctx = Ctx(args)
    started = datetime.now(timezone.utc)
    mach = machine()

    files = apache_files(ctx)
    log(f"{len(files)} corpus files accepted by Apache Thrift 0.17 (ORACLE.tsv)")
    lst = ctx.work / "apache.list"
    write_list(lst, files)
    py = [str(ctx.py), str(ctx.helpers / "py_peers.py")]
    acc = {
        "thrift-syntax": accepted_by_ours(ctx, files),
        "thrift 0.17": accepted_by_thrift(ctx, files),
        "thriftpy2": accepted_by_helper(py + ["thriftpy2", "check", str(lst)]),
        "thrift_parser": accepted_by_helper(py + ["antlr", "check", str(lst)]),
        "@creditkarma/thrift-parser": accepted_by_helper(
            ["node", str(ctx.helpers / "creditkarma.js"), str(ctx.node_modules), "check", str(lst)]),
    }
    common = [(f, d) for f, d in files if all(f in s for s in acc.values())]
    acc_line = ", ".join(f"{k} {len(v)}" for k, v in acc.items())
    log(f"accepted: {acc_line}; by all: {len(common)}")

    sections = []
    compare(ctx, "Corpus subset (Apache-accepted, accepted by every tool)", common,
            include_closure_bytes(common), False, sections)

    gen_dir = ctx.work / "generated"
    gen_dir.mkdir(exist_ok=True)
    gen = gen_dir / "generated.thrift"
    run(["cargo", "bench", "-q", "-p", "thrift-syntax", "--bench", "parse", "--",
         "--dump-generated", str(gen)], cwd=ctx.root, capture_output=True)
    gen_files = [(str(gen), [str(gen_dir)])]
    gen_list = ctx.work / "generated.list"
    write_list(gen_list, gen_files)
    gen_acc = {
        "thrift-syntax": accepted_by_ours(ctx, gen_files),
        "thrift 0.17": accepted_by_thrift(ctx, gen_files),
        "@creditkarma/thrift-parser": accepted_by_helper(
            ["node", str(ctx.helpers / "creditkarma.js"), str(ctx.node_modules), "check", str(gen_list)]),
    }
    # (The Python peers take tens of seconds on it; their timing run fails
    # loudly if they reject it.)
    rejected = [k for k, v in gen_acc.items() if str(gen) not in v]
    if rejected:
        raise SystemExit(f"the generated file is rejected by: {', '.join(rejected)}")
    compare(ctx, "Generated file (benches/parse.rs)", gen_files,
            include_closure_bytes(gen_files), True, sections)

    tiny = gen_dir / "shared.thrift"
    startup_rows = startup(ctx, tiny)

    v = versions(ctx)
    header = [
        f"Peer comparison, {started.strftime('%Y-%m-%d %H:%M UTC')}{' (--quick)' if ctx.quick else ''}",
        f"Machine: {mach}",
        "Versions: " + ", ".join(f"{k} {val}" for k, val in v.items()),
        f"Acceptance of the {len(files)} Apache-accepted corpus files: {acc_line}; by all: {len(common)}",
        "MB = 10^6 bytes of the listed files themselves (not their includes). "
        "in-process: median of repeated passes over files already in memory, after a warm-up pass; "
        "process rows: wall-clock from hyperfine, start-up included.",
    ]
    report = render(sections, header, startup_rows, tiny.stat().st_size)
    (ctx.work / "results.md").write_text(report)
    print()
    print(report)
    print(f"(also written to {ctx.work / 'results.md'})")


if __name__ == "__main__":
    main()
