"""The formatter comparison behind bench/fmt-peers.sh (which installs PyPI
thrift-fmt and builds our bench first; run that, not this).

1. Takes every .thrift file of the corpus, asks our formatter
   (`benches/format.rs --accepted`) and PyPI thrift-fmt (`py_fmt.py check`)
   which they accept, and keeps the files that both accept.
2. Times, on those files and on the generated ~5 MB file of the benches:
   - ours in-process: `thrift_formatter::format` (the bench's `--file-list`);
   - our `thrift-fmt` CLI, if target/release/thrift-fmt exists;
   - PyPI thrift-fmt in-process (`py_fmt.py time`) and its CLI.
3. Times both in-process on prefixes of the generated file (25 KB to
   400 KB), to show how each scales with the size of a file.
4. Prints tables (also written, as Markdown, to
   bench/.peers/work/fmt/results.md).

Standard library only; PyPI thrift-fmt runs in bench/.peers/venv.
"""

import argparse
import json
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def run(cmd, **kw):
    try:
        return subprocess.run(cmd, check=True, text=True, **kw)
    except subprocess.CalledProcessError as e:
        if e.stderr:
            log(e.stderr[-3000:])
        raise SystemExit(f"failed ({e.returncode}): {shlex.join(cmd)[:300]}")


class Ctx:
    def __init__(self, args):
        self.root = Path(args.root).resolve()
        self.peers = Path(args.peers).resolve()
        self.corpus = Path(args.corpus).resolve()
        self.quick = args.quick
        self.work = self.peers / "work" / "fmt"
        if self.work.exists():
            shutil.rmtree(self.work)
        self.work.mkdir(parents=True)
        # Our CLI reads `[format]` from the nearest thrift-tools.toml above a
        # file: this empty one keeps it at the defaults, as in the bench.
        (self.work / "thrift-tools.toml").write_text("")
        self.py = self.peers / "venv" / "bin" / "python"
        self.pypi_cli = self.peers / "venv" / "bin" / "thrift-fmt"
        self.helper = self.root / "bench" / "peers" / "py_fmt.py"
        self.ours_cli = (Path(args.ours_cli).resolve() if args.ours_cli
                         else Path(os.environ.get("CARGO_TARGET_DIR", self.root / "target"))
                         / "release" / "thrift-fmt")
        self.ours_cli_args = shlex.split(args.ours_cli_args)
        self.runs = 3 if self.quick else 10
        self.py_runs = 1 if self.quick else 3
        if args.pypi_timeout is not None:
            self.pypi_timeout = args.pypi_timeout or None
        else:
            self.pypi_timeout = 60 if self.quick else 600
        self.prefixes_kb = [25, 50, 100] if self.quick else [25, 50, 100, 200, 400]


# ---- helpers ----

def bench(ctx, *args):
    """Runs benches/format.rs with `args`; returns its stdout."""
    cmd = ["cargo", "bench", "-q", "-p", "thrift-formatter", "--bench", "format", "--"] + list(args)
    return run(cmd, cwd=ctx.root, capture_output=True).stdout


def ours_in_process(ctx, list_path, runs):
    out = bench(ctx, "--file-list", str(list_path), "--no-generated", "--machine",
                "--iters", str(max(runs, 10)), "--warmup", "3")
    for line in out.splitlines():
        if line.startswith("RESULT "):
            kv = dict(p.split("=", 1) for p in line.split()[2:])
            if kv["skipped"] != "0":
                raise SystemExit(f"the bench refused {kv['skipped']} listed files")
            return float(kv["format_median_s"]), float(kv["format_best_s"])
    raise SystemExit("no RESULT line from the bench:\n" + out)


def pypi_in_process(ctx, list_path, iters, warmup, timeout=None):
    """(median, best), or None when it ran past `timeout` seconds."""
    cmd = [str(ctx.py), str(ctx.helper), "time", str(list_path),
           "--iters", str(iters), "--warmup", str(warmup)]
    try:
        out = run(cmd, capture_output=True, timeout=timeout).stdout
    except subprocess.TimeoutExpired:
        return None
    d = json.loads(out.strip().splitlines()[-1])
    return d["median_s"], d["best_s"]


def hyperfine(ctx, name, command, runs, warmup=1, prepare=None, shell=True):
    """Wall-clock median and min of a command, from hyperfine; `prepare`
    runs (untimed) before each run."""
    out = ctx.work / f"hyperfine-{name}.json"
    cmd = ["hyperfine", "--style", "none", "--warmup", str(warmup), "--runs", str(runs),
           "--export-json", str(out)]
    if prepare:
        cmd += ["--prepare", prepare]
    if not shell:
        cmd.append("-N")
    run(cmd + [command], stdout=subprocess.DEVNULL)
    r = json.load(open(out))["results"][0]
    return r["median"], r["min"]


def loop_script(path, commands):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("set -e\n")
        for c in commands:
            fh.write(shlex.join(c) + " >/dev/null\n")
    return f"bash {shlex.quote(str(path))}"


def write_paths(path, paths):
    with open(path, "w", encoding="utf-8") as fh:
        for p in paths:
            fh.write(str(p) + "\n")


def nbytes(paths):
    return sum(os.path.getsize(p) for p in paths)


class Copies:
    """The files copied into a scratch folder, restored before every timed
    CLI run: a CLI may write its output in place (PyPI thrift-fmt does with
    a folder), and the corpus must stay as it is."""

    def __init__(self, ctx, tag, paths):
        self.pristine = ctx.work / f"{tag}-pristine"
        self.dir = ctx.work / f"{tag}-run"
        self.pristine.mkdir()
        self.files = []
        for i, p in enumerate(paths):
            name = f"{i:04d}-{Path(p).name}"
            shutil.copyfile(p, self.pristine / name)
            self.files.append(str(self.dir / name))
        self.restore()

    def _restore_script(self):
        return (f"rm -rf {shlex.quote(str(self.dir))} && "
                f"cp -r {shlex.quote(str(self.pristine))} {shlex.quote(str(self.dir))}")

    @property
    def prepare(self):
        """For hyperfine's --prepare; one command, since with -N hyperfine
        runs it without a shell too."""
        return shlex.join(["bash", "-c", self._restore_script()])

    def restore(self):
        run(["bash", "-c", self._restore_script()])


def ours_cli_works(ctx):
    """None if our thrift-fmt can be timed, else why not."""
    if not ctx.ours_cli.exists():
        return (f"{ctx.ours_cli} does not exist; build it with "
                "`cargo build --release --bin thrift-fmt` (or pass --build-cli)")
    probe_dir = ctx.work / "probe"
    probe_dir.mkdir(exist_ok=True)
    probe = probe_dir / "probe.thrift"
    probe.write_text("struct A {\n  1: i32 a\n}\n")
    r = subprocess.run([str(ctx.ours_cli)] + ctx.ours_cli_args + [str(probe)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        return (f"`{shlex.join([str(ctx.ours_cli)] + ctx.ours_cli_args + ['FILE'])}` exited "
                f"with {r.returncode}: {r.stderr.strip()[:300]} (pass --ours-cli-args)")
    return None


# ---- versions and machine ----

def versions(ctx):
    v = {}
    freeze = run([str(ctx.py), "-m", "pip", "list", "--format=json"], capture_output=True).stdout
    for p in json.loads(freeze):
        if p["name"].lower() in ("thrift-fmt", "thrift-parser", "antlr4-python3-runtime"):
            v[p["name"].lower()] = p["version"]
    v["python"] = run([str(ctx.py), "--version"], capture_output=True).stdout.strip()
    v["rustc"] = run(["rustc", "--version"], capture_output=True).stdout.strip()
    v["hyperfine"] = run(["hyperfine", "--version"], capture_output=True).stdout.strip()
    return v


def commit(ctx):
    r = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ctx.root,
                       capture_output=True, text=True)
    head = r.stdout.strip() or "?"
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                           cwd=ctx.root, capture_output=True, text=True).stdout.strip()
    return head + (" (with uncommitted changes)" if dirty else "")


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
    return (f"{os.cpu_count()} cores, {cpu}, {platform.system()} {platform.release()}, "
            f"load average before the run {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


# ---- the comparisons ----

OURS_IN = "in-process format()"
OURS_ALL = "thrift-fmt CLI, 1 process, all files, 1 core"
OURS_ALL_CORES = "thrift-fmt CLI, 1 process, all files, all cores"
OURS_LOOP = "thrift-fmt CLI, 1 process per file"
OURS_ONE = "thrift-fmt CLI, 1 process"
PY_IN = "in-process"
PY_LOOP = "CLI, 1 process per file (`thrift-fmt FILE`)"
PY_DIR = "CLI, 1 process, folder (`thrift-fmt -w DIR`)"
OURS, PYPI = "ours", "PyPI thrift-fmt"


class Section:
    def __init__(self, title, n, size):
        self.title, self.n, self.size = title, n, size
        self.rows = []  # (tool, how, (median, best) or None, note)

    def add(self, tool, how, t, note=""):
        self.rows.append((tool, how, t, note))
        shown = "stopped" if t is None else f"{t[0]:10.4f} s"
        log(f"  {tool:<24} {how:<44} {shown}")

    def row(self, tool, how):
        for row in self.rows:
            if row[0] == tool and row[1] == how:
                return row
        return None

    def time(self, tool, how):
        """The median, or None (not run, or stopped)."""
        row = self.row(tool, how)
        return row[2][0] if row and row[2] is not None else None

    def limit(self, tool, how):
        """The time limit of a run that was stopped, or None."""
        row = self.row(tool, how)
        if row and row[2] is None:
            return float(re.search(r"after ([\d.]+) s", row[3]).group(1))
        return None


def compare_corpus(ctx, paths, sections):
    n, size = len(paths), nbytes(paths)
    s = Section("Corpus: files both accept", n, size)
    log(f"{s.title}: {n} files, {size / 1e6:.3f} MB")
    lst = ctx.work / "corpus.paths"
    write_paths(lst, paths)
    s.add(OURS, OURS_IN, ours_in_process(ctx, lst, ctx.runs))
    copies = Copies(ctx, "corpus", paths)
    cli_runs = max(2, ctx.runs // 3)
    why = ours_cli_works(ctx)
    if why is None:
        ours = [str(ctx.ours_cli)] + ctx.ours_cli_args
        # It formats files on as many threads as it may use cores: with
        # taskset, on one, as PyPI thrift-fmt does.
        if shutil.which("taskset"):
            s.add(OURS, OURS_ALL,
                  hyperfine(ctx, "corpus-ours-all-1", "taskset -c 0 "
                            + shlex.join(ours + copies.files) + " >/dev/null",
                            ctx.runs, prepare=copies.prepare))
        s.add(OURS, OURS_ALL_CORES,
              hyperfine(ctx, "corpus-ours-all", shlex.join(ours + copies.files) + " >/dev/null",
                        ctx.runs, prepare=copies.prepare),
              f"{os.cpu_count()} cores")
        script = loop_script(ctx.work / "corpus-ours-loop.sh", [ours + [f] for f in copies.files])
        s.add(OURS, OURS_LOOP,
              hyperfine(ctx, "corpus-ours-loop", script, cli_runs, prepare=copies.prepare))
    else:
        log(f"  skipping our CLI: {why}")
    s.add(PYPI, PY_IN, pypi_in_process(ctx, lst, ctx.py_runs, 1))
    script = loop_script(ctx.work / "corpus-pypi-loop.sh",
                         [[str(ctx.pypi_cli), f] for f in copies.files])
    s.add(PYPI, PY_LOOP,
          hyperfine(ctx, "corpus-pypi-loop", script, max(1, cli_runs - 1), warmup=0,
                    prepare=copies.prepare))
    s.add(PYPI, PY_DIR,
          hyperfine(ctx, "corpus-pypi-dir",
                    shlex.join([str(ctx.pypi_cli), "-w", str(copies.dir)]),
                    cli_runs, warmup=0, prepare=copies.prepare))
    sections.append(s)
    return why


def compare_generated(ctx, gen, sections):
    size = gen.stat().st_size
    s = Section("Generated file", 1, size)
    log(f"{s.title}: 1 file, {size / 1e6:.3f} MB")
    lst = ctx.work / "generated.paths"
    write_paths(lst, [gen])
    s.add(OURS, OURS_IN, ours_in_process(ctx, lst, ctx.runs))
    if ours_cli_works(ctx) is None:
        copies = Copies(ctx, "generated", [gen])
        ours = [str(ctx.ours_cli)] + ctx.ours_cli_args
        s.add(OURS, OURS_ONE,
              hyperfine(ctx, "generated-ours", shlex.join(ours + copies.files) + " >/dev/null",
                        max(3, ctx.runs // 2), prepare=copies.prepare))
    timeout = ctx.pypi_timeout
    log(f"  PyPI thrift-fmt on {size / 1e6:.1f} MB, 1 run"
        + (f", stopped after {timeout} s" if timeout else ", no time limit"))
    t = pypi_in_process(ctx, lst, 1, 0, timeout=timeout)
    s.add(PYPI, PY_IN, t, "1 run" if t is not None else f"1 run, stopped after {timeout:g} s")
    sections.append(s)


def section_prefixes(text, kbs):
    """Prefixes of the generated file, cut at a section boundary (so each
    is a whole Thrift file) at or after each size."""
    starts = [m.start() for m in re.finditer(r"^// -{10,}\n// Section", text, re.M)]
    out = []
    for kb in kbs:
        cut = next((x for x in starts if x >= kb * 1000), None)
        if cut is not None:
            out.append((kb, text[:cut]))
    return out


def scaling(ctx, gen):
    """[(bytes, ours s, PyPI s)] on prefixes of the generated file."""
    rows = []
    text = gen.read_text(encoding="utf-8")
    pdir = ctx.work / "prefixes"
    pdir.mkdir()
    for kb, prefix in section_prefixes(text, ctx.prefixes_kb):
        p = pdir / f"generated-{kb}k.thrift"
        p.write_text(prefix, encoding="utf-8")
        lst = pdir / f"generated-{kb}k.paths"
        write_paths(lst, [p])
        ours = ours_in_process(ctx, lst, ctx.runs)[0]
        small = kb <= 50
        pypi = pypi_in_process(ctx, lst, ctx.py_runs if small else 1, 1 if small else 0)[0]
        log(f"  prefix {len(prefix) / 1e3:6.0f} KB: ours {ours * 1e3:8.2f} ms, "
            f"PyPI {pypi:8.3f} s, ratio {pypi / ours:6.0f}x")
        rows.append((len(prefix), ours, pypi))
    return rows


def fit_quadratic(rows):
    """Least-squares t = a*n + b*n^2 through the PyPI points (n in MB)."""
    s11 = s12 = s22 = y1 = y2 = 0.0
    for n_bytes, _, t in rows:
        n = n_bytes / 1e6
        s11 += n * n
        s12 += n ** 3
        s22 += n ** 4
        y1 += n * t
        y2 += n * n * t
    det = s11 * s22 - s12 * s12
    if not det:
        return None
    a = (y1 * s22 - y2 * s12) / det
    b = (s11 * y2 - s12 * y1) / det
    return a, b


def startup(ctx, tiny, ours_ok):
    commands = [("PyPI thrift-fmt (python)", [str(ctx.pypi_cli), str(tiny)])]
    if ours_ok:
        commands.insert(0, ("thrift-fmt (ours)",
                            [str(ctx.ours_cli)] + ctx.ours_cli_args + [str(tiny)]))
    rows = []
    copies = Copies(ctx, "tiny", [tiny])
    for i, (name, cmd) in enumerate(commands):
        cmd = cmd[:-1] + copies.files
        median, _ = hyperfine(ctx, f"startup-{i}", shlex.join(cmd), 10 if ctx.quick else 30,
                              warmup=3, prepare=copies.prepare, shell=False)
        log(f"  start-up {name:<30} {median * 1000:8.1f} ms")
        rows.append((name, median))
    return rows


# ---- report ----

def ratio_lines(sections):
    """How many times ours is faster than PyPI thrift-fmt, like for like."""
    pairs = [
        ("in-process vs in-process", OURS_IN, PY_IN),
        ("CLI vs CLI, 1 process per file", OURS_LOOP, PY_LOOP),
        ("CLI vs CLI, 1 process for all files (ours: file arguments; PyPI: a folder)",
         OURS_ALL, PY_DIR),
        ("our CLI (1 process) vs PyPI in-process", OURS_ONE, PY_IN),
    ]
    lines = []
    for s in sections:
        for label, ours_how, pypi_how in pairs:
            o = s.time(OURS, ours_how)
            if o is None:
                continue
            p, limit = s.time(PYPI, pypi_how), s.limit(PYPI, pypi_how)
            if p is not None:
                lines.append(f"- {s.title}, {label}: **{p / o:,.0f}x**")
            elif limit is not None:
                lines.append(f"- {s.title}, {label}: **more than {limit / o:,.0f}x** "
                             f"(PyPI stopped after {limit:g} s)")
    return lines


def render(header, sections, scale_rows, fit, startup_rows, tiny_bytes, skipped_cli):
    lines = list(header)
    for s in sections:
        lines += ["", f"### {s.title}: {s.n} file{'s' if s.n != 1 else ''}, {s.size / 1e6:.3f} MB", ""]
        lines.append("| tool | how | median s | best s | MB/s (median) | ms per file | PyPI in-process ÷ this |")
        lines.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
        pypi = s.time(PYPI, PY_IN)
        for tool, how, t, note in s.rows:
            how_note = how + (f" ({note})" if note else "")
            if t is None:
                limit = s.limit(tool, how)
                lines.append(f"| {tool} | {how_note} | > {limit:g} | | < {s.size / 1e6 / limit:.4f} "
                             f"| | |")
                continue
            median, best = t
            rel = ""
            if pypi:
                rel = f"{pypi / median:,.0f}x" if pypi / median >= 10 else f"{pypi / median:.2f}x"
            lines.append(f"| {tool} | {how_note} | {median:.4f} | {best:.4f} | "
                         f"{s.size / 1e6 / median:.3f} | {median * 1000 / s.n:.2f} | {rel} |")
    if skipped_cli:
        lines += ["", f"Our `thrift-fmt` CLI was not timed: {skipped_cli}"]
    lines += ["", "### Ours ÷ PyPI thrift-fmt (times faster; target ≥ 100x)", ""]
    lines += ratio_lines(sections) or ["- (nothing to compare)"]
    if scale_rows:
        lines += ["", "### Scaling: prefixes of the generated file, in-process", ""]
        lines.append("| KB | ours ms | ours MB/s | PyPI s | PyPI MB/s | ratio |")
        lines.append("| ---: | ---: | ---: | ---: | ---: | ---: |")
        for n, o, p in scale_rows:
            lines.append(f"| {n / 1e3:.0f} | {o * 1e3:.2f} | {n / 1e6 / o:.1f} | {p:.3f} | "
                         f"{n / 1e6 / p:.4f} | {p / o:,.0f}x |")
        if fit:
            a, b = fit
            sign = "+" if a >= 0 else "−"
            lines += ["", f"PyPI thrift-fmt's time grows with the square of the size (its comment "
                      f"lookup rescans the rest of the token list for every token): least squares "
                      f"on these points give t ≈ {b:.1f}·MB² {sign} {abs(a):.2f}·MB s, "
                      f"i.e. about {a * 5 + b * 25:,.0f} s for 5 MB (an extrapolation)."]
    lines += ["", f"### Start-up: one process on a {tiny_bytes}-byte file", "",
              "| tool | ms |", "| --- | ---: |"]
    for name, median in startup_rows:
        lines.append(f"| {name} | {median * 1000:.1f} |")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--peers", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--pypi-timeout", type=float, default=None,
                    help="stop PyPI thrift-fmt on the 5 MB file after this many seconds "
                         "(default 600, 60 with --quick; 0: no limit; it needs about an hour)")
    ap.add_argument("--ours-cli", default=None,
                    help="our thrift-fmt binary (default: target/release/thrift-fmt)")
    ap.add_argument("--ours-cli-args", default="",
                    help="extra arguments for target/release/thrift-fmt, before the files")
    ap.add_argument("--no-scaling", action="store_true")
    args = ap.parse_args()
    ctx = Ctx(args)
    started = datetime.now(timezone.utc)
    mach = machine()
    head = commit(ctx)

    all_paths = sorted(str(p) for p in ctx.corpus.rglob("*.thrift"))
    all_list = ctx.work / "all.paths"
    write_paths(all_list, all_paths)
    ours_acc = set(bench(ctx, "--file-list", str(all_list), "--accepted").split("\n"))
    r = run([str(ctx.py), str(ctx.helper), "check", str(all_list)], capture_output=True)
    (ctx.work / "pypi-check.log").write_text(r.stderr)
    pypi_acc = set(r.stdout.split("\n"))
    broken = re.search(r"does not parse again: (\d+)", r.stderr)
    common = [p for p in all_paths if p in ours_acc and p in pypi_acc]
    acc_line = (f"{len(all_paths)} corpus files; accepted by ours {len(ours_acc - {''})}, "
                f"by PyPI thrift-fmt {len(pypi_acc - {''})}, by both {len(common)}")
    log(acc_line)

    sections = []
    skipped_cli = compare_corpus(ctx, common, sections)

    gen_dir = ctx.work / "generated"
    gen_dir.mkdir()
    gen = gen_dir / "generated.thrift"
    bench(ctx, "--dump-generated", str(gen))
    write_paths(ctx.work / "generated.paths", [gen])
    if str(gen) not in bench(ctx, "--file-list", str(ctx.work / "generated.paths"), "--accepted"):
        raise SystemExit("our formatter refuses the generated file")
    compare_generated(ctx, gen, sections)

    scale_rows, fit = [], None
    if not args.no_scaling:
        log("Scaling: prefixes of the generated file")
        scale_rows = scaling(ctx, gen)
        fit = fit_quadratic(scale_rows) if len(scale_rows) >= 3 else None

    tiny = gen_dir / "shared.thrift"
    startup_rows = startup(ctx, tiny, skipped_cli is None)

    v = versions(ctx)
    header = [
        f"Formatter comparison, {started.strftime('%Y-%m-%d %H:%M UTC')}"
        f"{' (--quick)' if ctx.quick else ''}, commit {head}",
        f"Machine: {mach}",
        "Versions: " + ", ".join(f"{k} {val}" for k, val in v.items()),
        f"Acceptance: {acc_line}"
        + (f"; PyPI thrift-fmt's output does not parse again for {broken.group(1)} of the files it accepts"
           if broken else ""),
        "Both with default options (ours: indent 2, width 100, separators and quotes kept; "
        "PyPI: indent 4, adds `required` and `,` separators, aligns `=`). "
        "MB = 10^6 bytes of input. in-process: median of repeated passes over files already in "
        "memory, after warm-up; CLI rows: wall-clock from hyperfine, start-up included, on "
        "copies restored before every run.",
    ]
    report = render(header, sections, scale_rows, fit, startup_rows, tiny.stat().st_size,
                    skipped_cli)
    (ctx.work / "results.md").write_text(report)
    print()
    print(report)
    print(f"(also written to {ctx.work / 'results.md'})")


if __name__ == "__main__":
    main()
