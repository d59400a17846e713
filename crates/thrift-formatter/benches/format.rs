//! Throughput of the formatter.
//!
//! ```sh
//! cargo bench -p thrift-formatter --bench format              # full run
//! cargo bench -p thrift-formatter --bench format -- --quick   # a few iterations only
//! ```
//!
//! Workloads:
//! - `corpus`: the `.thrift` files under `$THRIFT_CORPUS` (default:
//!   `shared/corpus` beside the repository) that parse without errors (the
//!   formatter refuses the others unless forced), read into memory first
//!   and formatted one file at a time;
//! - `generated`: the ~5 MB file of `crates/thrift-syntax/benches/parse.rs`
//!   (its generator is copied below, unchanged, so both benches time the
//!   same bytes): structs, enums, services, consts, typedefs, doc and line
//!   comments, annotations, made from a fixed seed.
//!
//! Measurements (each after warm-up runs; the median and the best of the
//! timed runs are shown):
//! - `format`: [`thrift_formatter::format`] with
//!   [`FormatOptions::default`], not forced: parsing, the rules, the Doc
//!   printer, i.e. everything `thrift-fmt` pays for a file apart from I/O;
//! - `parse`: [`thrift_syntax::parse`] alone, for reference: the share of
//!   `format` that is parsing.
//!
//! Options (after `--`): `--quick`, `--iters N`, `--warmup N`,
//! `--file-list PATH` (time the files listed in PATH, one path a line,
//! instead of the corpus; anything after a tab on a line is ignored),
//! `--no-generated`, `--machine` (also print `RESULT name key=value...`
//! lines for scripts, see `bench/fmt-peers.sh`), `--accepted` (print the
//! paths of the corpus or listed files that `format` accepts, one a line,
//! then exit), `--dump-generated PATH` (write the generated file to PATH,
//! and the `shared.thrift` it includes beside it, then exit).
//! Other arguments (cargo passes `--bench`) are ignored.

use std::{
    fmt::Write as _,
    hint::black_box,
    path::{Path, PathBuf},
    time::{Duration, Instant},
};

use thrift_formatter::{FormatOptions, format};

/// Size of the generated file.
const GENERATED_BYTES: usize = 5_000_000;

struct Options {
    iters: usize,
    warmup: usize,
    file_list: Option<PathBuf>,
    generated: bool,
    machine: bool,
    quick: bool,
    accepted: bool,
    dump_generated: Option<PathBuf>,
}

fn options() -> Options {
    let mut o = Options {
        iters: 30,
        warmup: 5,
        file_list: None,
        generated: true,
        machine: false,
        quick: false,
        accepted: false,
        dump_generated: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> usize {
            args.next()
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("{name} takes a number"))
        };
        match arg.as_str() {
            "--quick" => {
                o.quick = true;
                o.iters = 3;
                o.warmup = 1;
            }
            "--iters" => o.iters = number("--iters").max(1),
            "--warmup" => o.warmup = number("--warmup"),
            "--file-list" => {
                o.file_list = Some(PathBuf::from(
                    args.next().expect("--file-list takes a path"),
                ))
            }
            "--no-generated" => o.generated = false,
            "--machine" => o.machine = true,
            "--accepted" => o.accepted = true,
            "--dump-generated" => {
                o.dump_generated = Some(PathBuf::from(
                    args.next().expect("--dump-generated takes a path"),
                ))
            }
            _ => {} // `--bench`, filters: ignored
        }
    }
    o
}

/// A named set of in-memory files, all of which `format` accepts.
struct Workload {
    name: String,
    paths: Vec<PathBuf>,
    files: Vec<String>,
    bytes: usize,
    /// Files left out: not UTF-8, or with syntax errors.
    skipped: usize,
}

/// Keeps the files that `format` accepts (no syntax errors).
fn workload(kind: &str, paths: Vec<PathBuf>, texts: Vec<Option<String>>) -> Workload {
    let options = FormatOptions::default();
    let mut kept_paths = Vec::new();
    let mut files = Vec::new();
    let mut skipped = 0;
    for (path, text) in paths.into_iter().zip(texts) {
        match text {
            Some(text) if format(&text, &options, false).is_ok() => {
                kept_paths.push(path);
                files.push(text);
            }
            _ => skipped += 1,
        }
    }
    let bytes = files.iter().map(String::len).sum();
    Workload {
        name: match files.len() {
            1 => format!("{kind} (1 file)"),
            n => format!("{kind} ({n} files)"),
        },
        paths: kept_paths,
        files,
        bytes,
        skipped,
    }
}

fn corpus_dir() -> PathBuf {
    match std::env::var_os("THRIFT_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"),
    }
}

fn thrift_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            thrift_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "thrift") {
            out.push(path);
        }
    }
}

/// Reads the files; a file that is not UTF-8 is `None` (with a note), since
/// `format` takes a `&str`.
fn read_all(paths: &[PathBuf]) -> Vec<Option<String>> {
    paths
        .iter()
        .map(|path| match std::fs::read_to_string(path) {
            Ok(text) => Some(text),
            Err(e) => {
                eprintln!("skipping {}: {e}", path.display());
                None
            }
        })
        .collect()
}

fn corpus_workload() -> Option<Workload> {
    let dir = corpus_dir();
    let mut paths = Vec::new();
    thrift_files(&dir, &mut paths);
    paths.sort();
    if paths.is_empty() {
        eprintln!(
            "no .thrift files under {} (set THRIFT_CORPUS); skipping the corpus",
            dir.display()
        );
        return None;
    }
    let texts = read_all(&paths);
    Some(workload("corpus", paths, texts))
}

fn listed_workload(list: &Path) -> Workload {
    let text = std::fs::read_to_string(list)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", list.display()));
    let paths: Vec<PathBuf> = text
        .lines()
        .map(|l| l.split('\t').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(PathBuf::from)
        .collect();
    let texts = read_all(&paths);
    workload("listed", paths, texts)
}

// ---- timing ----

struct Timing {
    median: Duration,
    best: Duration,
}

/// Runs `f` `warmup` times untimed, then `iters` times timed. `f` returns
/// something to drop after the clock stops (so that freeing the outputs is
/// not counted as making them).
fn time<T>(warmup: usize, iters: usize, mut f: impl FnMut() -> T) -> Timing {
    for _ in 0..warmup {
        drop(black_box(f()));
    }
    let mut samples = Vec::with_capacity(iters);
    for _ in 0..iters {
        let start = Instant::now();
        let out = black_box(f());
        samples.push(start.elapsed());
        drop(out);
    }
    samples.sort();
    let n = samples.len();
    let median = if n % 2 == 1 {
        samples[n / 2]
    } else {
        (samples[n / 2 - 1] + samples[n / 2]) / 2
    };
    Timing {
        median,
        best: samples[0],
    }
}

fn mb_per_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64()
}

// ---- the generated file (copied unchanged from crates/thrift-syntax/benches/parse.rs) ----

/// xorshift64*: small, deterministic, good enough to vary shapes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() >> 33) as usize % n
    }

    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const NOUNS: &[&str] = &[
    "user",
    "account",
    "order",
    "item",
    "payment",
    "invoice",
    "session",
    "token",
    "device",
    "address",
    "profile",
    "message",
    "channel",
    "event",
    "metric",
    "report",
    "job",
    "task",
    "queue",
    "partition",
    "replica",
    "segment",
    "index",
    "document",
    "query",
    "result",
    "policy",
    "role",
    "permission",
    "tenant",
    "region",
    "cluster",
    "node",
    "volume",
    "snapshot",
];
const ADJECTIVES: &[&str] = &[
    "active", "pending", "primary", "remote", "local", "cached", "stale", "default", "shared",
    "internal", "external", "batch", "stream", "legacy", "next",
];
const VERBS: &[&str] = &[
    "get", "list", "create", "update", "delete", "find", "scan", "fetch", "submit", "cancel",
    "resolve", "merge", "sync",
];
const BASE_TYPES: &[&str] = &[
    "bool", "byte", "i16", "i32", "i32", "i64", "i64", "double", "string", "string", "binary",
];
const PHRASES: &[&str] = &[
    "Identifies the owner of this record.",
    "Set by the server; clients must not change it.",
    "Milliseconds since the Unix epoch, in UTC.",
    "Empty when the caller has no permission to see it.",
    "Deprecated: use the field below instead.",
    "Kept for compatibility with version 1 clients.",
    "May be truncated to 256 bytes by older servers.",
    "The order is significant.",
];

fn camel(words: &[&str]) -> String {
    let mut s = String::new();
    for w in words {
        let mut chars = w.chars();
        if let Some(first) = chars.next() {
            s.push(first.to_ascii_uppercase());
            s.push_str(chars.as_str());
        }
    }
    s
}

struct Gen {
    rng: Rng,
    out: String,
    /// Types defined so far in the current module (names).
    structs: Vec<String>,
    enums: Vec<String>,
    exceptions: Vec<String>,
}

impl Gen {
    fn doc(&mut self, indent: &str, subject: &str) {
        let lines = self.rng.range(1, 3);
        if lines == 1 && self.rng.chance(50) {
            let p = self.rng.pick(PHRASES);
            let _ = writeln!(self.out, "{indent}/** {subject}. {p} */");
            return;
        }
        let _ = writeln!(self.out, "{indent}/**\n{indent} * {subject}.");
        for _ in 0..lines {
            let p = self.rng.pick(PHRASES);
            let _ = writeln!(self.out, "{indent} * {p}");
        }
        let _ = writeln!(self.out, "{indent} */");
    }

    fn ty(&mut self, depth: usize) -> String {
        let roll = self.rng.below(100);
        if depth < 2 && roll < 20 {
            let inner = self.ty(depth + 1);
            return match self.rng.below(3) {
                0 => format!("list<{inner}>"),
                1 => format!("set<{inner}>"),
                _ => {
                    let key = if self.rng.chance(70) {
                        "string".to_string()
                    } else {
                        "i64".into()
                    };
                    format!("map<{key}, {inner}>")
                }
            };
        }
        if roll < 40 && !self.structs.is_empty() {
            let i = self.rng.below(self.structs.len());
            return self.structs[i].clone();
        }
        if roll < 50 && !self.enums.is_empty() {
            let i = self.rng.below(self.enums.len());
            return self.enums[i].clone();
        }
        if roll < 53 {
            return "shared.Timestamp".to_string();
        }
        self.rng.pick(BASE_TYPES).to_string()
    }

    fn field_name(&mut self, i: usize) -> String {
        let a = self.rng.pick(NOUNS);
        if self.rng.chance(40) {
            let b = self.rng.pick(ADJECTIVES);
            format!("{b}_{a}_{i}")
        } else {
            format!("{a}_{i}")
        }
    }

    /// The file header: headers must come before all definitions.
    fn header(&mut self) {
        self.out.push_str(
            "/*\n * Generated benchmark input for thrift-syntax (benches/parse.rs).\n *\n * \
             Licensed under the Apache License, Version 2.0 (the \"License\"); you may not \
             use\n * this file except in compliance with the License.\n */\n\n\
             namespace java com.example.bench\n\
             namespace py example.bench\n\
             namespace cpp example.bench\n\
             namespace go example.bench\n\n\
             include \"shared.thrift\"\n\n",
        );
    }

    fn section(&mut self, m: usize) {
        let _ = writeln!(
            self.out,
            "// ---------------------------------------------------------------"
        );
        let _ = writeln!(
            self.out,
            "// Section {m}: the {} subsystem",
            self.rng.pick(NOUNS)
        );
        let _ = writeln!(
            self.out,
            "// ---------------------------------------------------------------\n"
        );
    }

    fn typedefs_and_consts(&mut self, m: usize) {
        for i in 0..self.rng.range(1, 3) {
            let ty = self.ty(1);
            let name = camel(&[self.rng.pick(NOUNS), "alias"]);
            let _ = writeln!(self.out, "typedef {ty} {name}{m}x{i} // an alias");
        }
        self.out.push('\n');
        for i in 0..self.rng.range(2, 5) {
            let name = format!(
                "{}_{}_{m}_{i}",
                self.rng.pick(ADJECTIVES),
                self.rng.pick(NOUNS)
            )
            .to_ascii_uppercase();
            match self.rng.below(5) {
                0 => {
                    let v = self.rng.range(1, 100_000);
                    let _ = writeln!(self.out, "const i32 {name} = {v}");
                }
                1 => {
                    let v = self.rng.range(1, 999);
                    let _ = writeln!(self.out, "const double {name} = {}.{v}", v % 7);
                }
                2 => {
                    let v = self.rng.pick(NOUNS);
                    let _ = writeln!(
                        self.out,
                        "const string {name} = \"{v}-service.example.com\""
                    );
                }
                3 => {
                    let n = self.rng.range(2, 6);
                    let items: Vec<String> = (0..n)
                        .map(|_| format!("\"{}\"", self.rng.pick(ADJECTIVES)))
                        .collect();
                    let _ = writeln!(
                        self.out,
                        "const list<string> {name} = [{}]",
                        items.join(", ")
                    );
                }
                _ => {
                    let n = self.rng.range(2, 5);
                    let _ = writeln!(self.out, "const map<string, i32> {name} = {{");
                    for _ in 0..n {
                        let k = self.rng.pick(NOUNS);
                        let v = self.rng.range(0, 1000);
                        let _ = writeln!(self.out, "  \"{k}\": {v},");
                    }
                    self.out.push_str("}\n");
                }
            }
        }
        self.out.push('\n');
    }

    fn enum_def(&mut self, m: usize, i: usize) {
        let name = camel(&[self.rng.pick(NOUNS), "status"]) + &format!("{m}x{i}");
        let subject = format!("The states of a {}", self.rng.pick(NOUNS));
        self.doc("", &subject);
        let _ = writeln!(self.out, "enum {name} {{");
        let n = self.rng.range(3, 12);
        for v in 0..n {
            if self.rng.chance(30) {
                self.doc("  ", "A value");
            }
            let value = format!("{}_{v}", self.rng.pick(ADJECTIVES)).to_ascii_uppercase();
            let sep = if self.rng.chance(80) { "," } else { "" };
            if self.rng.chance(70) {
                let _ = write!(self.out, "  {value} = {}{sep}", v + 1);
            } else {
                let _ = write!(self.out, "  {value}{sep}");
            }
            if self.rng.chance(15) {
                self.out.push_str(" // keep in sync with the database");
            }
            self.out.push('\n');
        }
        self.out.push_str("}\n\n");
        self.enums.push(name);
    }

    /// `n` fields; a union's have no default and no `required`.
    fn fields(&mut self, n: usize, indent: &str, sep: &str, union: bool) {
        for f in 1..=n {
            if self.rng.chance(35) {
                let subject = format!("The {}", self.rng.pick(NOUNS));
                self.doc(indent, &subject);
            } else if self.rng.chance(10) {
                let _ = writeln!(self.out, "{indent}// {}", self.rng.pick(PHRASES));
            }
            let req = match self.rng.below(10) {
                _ if union => "",
                0..=1 => "required ",
                2..=5 => "optional ",
                _ => "",
            };
            let ty = self.ty(0);
            let name = self.field_name(f);
            let _ = write!(self.out, "{indent}{f}: {req}{ty} {name}");
            if union {
            } else if ty == "i32" && self.rng.chance(25) {
                let _ = write!(self.out, " = {}", self.rng.range(0, 100));
            } else if ty == "string" && self.rng.chance(20) {
                let _ = write!(self.out, " = \"{}\"", self.rng.pick(ADJECTIVES));
            }
            if self.rng.chance(8) {
                let _ = write!(
                    self.out,
                    " (java.annotations = \"@Nullable\", go.tag = \"json:{name}\")"
                );
            }
            self.out.push_str(sep);
            if self.rng.chance(10) {
                let _ = write!(self.out, " // {}", self.rng.pick(PHRASES));
            }
            self.out.push('\n');
        }
    }

    fn struct_def(&mut self, m: usize, i: usize) {
        let kw = match self.rng.below(12) {
            0 => "union",
            1 => "exception",
            _ => "struct",
        };
        let name = camel(&[self.rng.pick(ADJECTIVES), self.rng.pick(NOUNS)]) + &format!("{m}x{i}");
        let subject = format!("A {} record", self.rng.pick(NOUNS));
        self.doc("", &subject);
        let _ = writeln!(self.out, "{kw} {name} {{");
        let n = self.rng.range(2, 14);
        let sep = if self.rng.chance(50) { "," } else { ";" };
        self.fields(n, "  ", sep, kw == "union");
        if self.rng.chance(10) {
            self.out
                .push_str("} (cpp.type = \"std::shared_ptr\", final = \"true\")\n\n");
        } else {
            self.out.push_str("}\n\n");
        }
        if kw == "exception" {
            self.exceptions.push(name.clone());
        }
        self.structs.push(name);
    }

    fn service(&mut self, m: usize, i: usize) {
        let name = camel(&[self.rng.pick(NOUNS), "service"]) + &format!("{m}x{i}");
        let subject = format!("Manages {}s", self.rng.pick(NOUNS));
        self.doc("", &subject);
        let extends = if self.rng.chance(50) {
            " extends shared.BaseService"
        } else {
            ""
        };
        let _ = writeln!(self.out, "service {name}{extends} {{");
        let n = self.rng.range(2, 10);
        for f in 0..n {
            if self.rng.chance(50) {
                let subject = format!(
                    "{}s a {}",
                    camel(&[self.rng.pick(VERBS)]),
                    self.rng.pick(NOUNS)
                );
                self.doc("  ", &subject);
            }
            let oneway = self.rng.chance(8);
            let ret = if oneway || self.rng.chance(15) {
                "void".to_string()
            } else {
                self.ty(0)
            };
            let fname = format!(
                "{}{}{f}",
                self.rng.pick(VERBS),
                camel(&[self.rng.pick(NOUNS)])
            );
            let _ = write!(
                self.out,
                "  {}{ret} {fname}(",
                if oneway { "oneway " } else { "" }
            );
            let params = self.rng.range(0, 4);
            for p in 1..=params {
                let ty = self.ty(0);
                let pname = self.field_name(p);
                let sep = if p < params { ", " } else { "" };
                let _ = write!(self.out, "{p}: {ty} {pname}{sep}");
            }
            self.out.push(')');
            if !oneway && self.rng.chance(50) {
                match self.exceptions.len() {
                    0 => self
                        .out
                        .push_str(" throws (1: shared.ServiceError failure)"),
                    n => {
                        let e = self.rng.below(n);
                        let _ = write!(
                            self.out,
                            " throws (1: {} error, 2: shared.ServiceError failure)",
                            self.exceptions[e]
                        );
                    }
                }
            }
            self.out
                .push_str(if self.rng.chance(70) { ",\n" } else { "\n" });
        }
        self.out.push_str("}\n\n");
    }
}

/// The file that the generated one includes, so that the Apache compiler
/// and other peers can resolve `shared.*`.
const SHARED_THRIFT: &str = "namespace java com.example.bench.shared
namespace py example.bench.shared

typedef i64 Timestamp

exception ServiceError {
  1: string message
  2: i32 code
}

service BaseService {
  void ping()
}
";

/// About `target` bytes of Thrift in modules of a few kilobytes each, the
/// same bytes on every run.
fn generate(target: usize) -> String {
    let mut g = Gen {
        rng: Rng(0x5eed_1234_abcd_0001),
        out: String::with_capacity(target + 16_384),
        structs: Vec::new(),
        enums: Vec::new(),
        exceptions: Vec::new(),
    };
    g.header();
    let mut m = 0;
    while g.out.len() < target {
        g.structs.clear();
        g.enums.clear();
        g.exceptions.clear();
        g.section(m);
        g.typedefs_and_consts(m);
        for i in 0..g.rng.range(1, 3) {
            g.enum_def(m, i);
        }
        for i in 0..g.rng.range(3, 8) {
            g.struct_def(m, i);
        }
        for i in 0..g.rng.range(1, 2) {
            g.service(m, i);
        }
        m += 1;
    }
    g.out
}

// ---- main ----

struct Row {
    name: String,
    bytes: usize,
    files: usize,
    skipped: usize,
    format: Timing,
    parse: Timing,
    out_bytes: usize,
    changed: usize,
}

fn run(w: &Workload, o: &Options) -> Row {
    let options = FormatOptions::default();
    let format_t = time(o.warmup, o.iters, || {
        w.files
            .iter()
            .map(|f| format(black_box(f), black_box(&options), false))
            .collect::<Vec<_>>()
    });
    let parse_t = time(o.warmup, o.iters, || {
        w.files
            .iter()
            .map(|f| thrift_syntax::parse(black_box(f)))
            .collect::<Vec<_>>()
    });
    let mut out_bytes = 0;
    let mut changed = 0;
    for f in &w.files {
        // Every file of a workload was accepted when it was made.
        let Ok(out) = format(f, &options, false) else {
            unreachable!("format accepted this file before");
        };
        out_bytes += out.len();
        changed += usize::from(out != *f);
    }
    Row {
        name: w.name.clone(),
        bytes: w.bytes,
        files: w.files.len(),
        skipped: w.skipped,
        format: format_t,
        parse: parse_t,
        out_bytes,
        changed,
    }
}

fn main() {
    let o = options();
    if let Some(path) = &o.dump_generated {
        let write = |p: &Path, text: &str| {
            std::fs::write(p, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", p.display()))
        };
        write(path, &generate(GENERATED_BYTES));
        write(&path.with_file_name("shared.thrift"), SHARED_THRIFT);
        return;
    }
    let mut workloads = Vec::new();
    match &o.file_list {
        Some(list) => workloads.push(listed_workload(list)),
        None => workloads.extend(corpus_workload()),
    }
    if o.accepted {
        for w in &workloads {
            for p in &w.paths {
                println!("{}", p.display());
            }
        }
        return;
    }
    if o.generated {
        let text = generate(GENERATED_BYTES);
        let w = workload(
            "generated",
            vec![PathBuf::from("generated.thrift")],
            vec![Some(text)],
        );
        assert_eq!(w.skipped, 0, "the generated file must format");
        workloads.push(w);
    }

    println!(
        "thrift-formatter bench: {} timed runs after {} warm-up runs{}; default options; \
         MB = 10^6 bytes; one thread",
        o.iters,
        o.warmup,
        if o.quick { " (--quick)" } else { "" }
    );
    let rows: Vec<Row> = workloads.iter().map(|w| run(w, &o)).collect();

    println!();
    println!(
        "{:<22} {:>8}  {:>17}  {:>17}  {:>7}  {:>8}  {:>7}  {:>7}",
        "workload", "MB", "format MB/s", "parse MB/s", "parse %", "out MB", "changed", "skipped"
    );
    println!(
        "{:<22} {:>8}  {:>17}  {:>17}  {:>7}  {:>8}  {:>7}  {:>7}",
        "", "", "median / best", "median / best", "", "", "files", "files"
    );
    for r in &rows {
        println!(
            "{:<22} {:>8.2}  {:>8.1} / {:>6.1}  {:>8.1} / {:>6.1}  {:>6.0}%  {:>8.2}  {:>7}  {:>7}",
            r.name,
            r.bytes as f64 / 1e6,
            mb_per_s(r.bytes, r.format.median),
            mb_per_s(r.bytes, r.format.best),
            mb_per_s(r.bytes, r.parse.median),
            mb_per_s(r.bytes, r.parse.best),
            100.0 * r.parse.median.as_secs_f64() / r.format.median.as_secs_f64(),
            r.out_bytes as f64 / 1e6,
            r.changed,
            r.skipped,
        );
    }
    println!(
        "format: thrift_formatter::format (parse + rules + printer); parse: thrift_syntax::parse \
         alone; parse %: its share of format (medians); skipped: files with syntax errors \
         (or not UTF-8), which format refuses unless forced"
    );

    if o.machine {
        for r in &rows {
            println!(
                "RESULT {} files={} bytes={} format_median_s={:.6} format_best_s={:.6} \
                 parse_median_s={:.6} parse_best_s={:.6} out_bytes={} changed={} skipped={}",
                r.name.split(' ').next().unwrap_or("?"),
                r.files,
                r.bytes,
                r.format.median.as_secs_f64(),
                r.format.best.as_secs_f64(),
                r.parse.median.as_secs_f64(),
                r.parse.best.as_secs_f64(),
                r.out_bytes,
                r.changed,
                r.skipped,
            );
        }
    }
}
