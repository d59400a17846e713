//! Throughput of the lexer and the parser, and the size of the trees.
//!
//! ```sh
//! cargo bench -p thrift-syntax              # full run
//! cargo bench -p thrift-syntax -- --quick   # a few iterations only
//! ```
//!
//! Workloads:
//! - `corpus`: every `.thrift` file under `$THRIFT_CORPUS` (default:
//!   `shared/corpus` beside the repository), read into memory first and
//!   lexed or parsed one file at a time;
//! - `generated`: one ~5 MB file of realistic Thrift (structs, enums,
//!   services, consts, typedefs, doc and line comments, annotations), made
//!   here from a fixed seed, so it is the same on every run.
//!
//! Measurements (each after warm-up runs; the median and the best of the
//! timed runs are shown):
//! - `lex`: [`thrift_syntax::lexer::lex`];
//! - `parse`: [`thrift_syntax::parse`]: lexing, parsing, the green tree and
//!   the token validation, i.e. everything a caller pays for a tree;
//! - tree bytes per source byte: the heap taken by the rowan green trees
//!   (see [`TreeSize`]; the layout is rowan 0.16's).
//!
//! Options (after `--`): `--quick`, `--iters N`, `--warmup N`,
//! `--file-list PATH` (time the files listed in PATH, one path a line,
//! instead of the whole corpus), `--no-generated`, `--machine` (also print
//! `RESULT name key=value...` lines for scripts, see `bench/peers.sh`),
//! `--dump-generated PATH` (write the generated file to PATH, and the
//! `shared.thrift` it includes beside it, then exit).
//! Other arguments (cargo passes `--bench`) are ignored.
//!
//! The bench cannot count allocations with a `#[global_allocator]`: the
//! workspace forbids `unsafe_code`, and `forbid` cannot be lifted in one
//! file. The tree size is therefore computed from rowan's layout; see
//! `docs/performance.md` for a check against real allocation counts.

use std::{
    collections::HashSet,
    fmt::Write as _,
    hint::black_box,
    path::{Path, PathBuf},
    time::{Duration, Instant},
};

use thrift_syntax::{GreenNode, NodeOrToken, lexer, parse};

/// The targets on one core; the table marks each result against them.
const LEX_TARGET_MBS: f64 = 300.0;
const PARSE_TARGET_MBS: f64 = 50.0;
/// Size of the generated file.
const GENERATED_BYTES: usize = 5_000_000;

struct Options {
    iters: usize,
    warmup: usize,
    file_list: Option<PathBuf>,
    generated: bool,
    machine: bool,
    quick: bool,
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

/// A named set of in-memory files.
struct Workload {
    name: String,
    files: Vec<String>,
    bytes: usize,
}

impl Workload {
    fn new(name: String, files: Vec<String>) -> Workload {
        let bytes = files.iter().map(String::len).sum();
        Workload { name, files, bytes }
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

/// Reads the files; a file that is not UTF-8 is skipped (with a note), since
/// `parse` takes a `&str`.
fn read_all(paths: &[PathBuf]) -> Vec<String> {
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        match std::fs::read_to_string(path) {
            Ok(text) => files.push(text),
            Err(e) => eprintln!("skipping {}: {e}", path.display()),
        }
    }
    files
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
    let files = read_all(&paths);
    Some(Workload::new(
        format!("corpus ({} files)", files.len()),
        files,
    ))
}

fn listed_workload(list: &Path) -> Workload {
    let text = std::fs::read_to_string(list)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", list.display()));
    let paths: Vec<PathBuf> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(PathBuf::from)
        .collect();
    let files = read_all(&paths);
    Workload::new(format!("listed ({} files)", files.len()), files)
}

// ---- timing ----

struct Timing {
    median: Duration,
    best: Duration,
}

/// Runs `f` `warmup` times untimed, then `iters` times timed. `f` returns
/// something to drop after the clock stops (so that freeing the trees is
/// not counted as building them).
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

// ---- tree size ----

/// The heap taken by green trees, from rowan 0.16's layout (64-bit):
/// - a node is one allocation: refcount (8) + `GreenNodeHead` (kind `u16`,
///   `text_len` `u32`: 8) + child count (8) + 16 bytes per child
///   (`GreenChild`: a relative offset and a pointer), i.e. `24 + 16 * n`;
/// - a token is one allocation: refcount (8) + `GreenTokenHead` (kind,
///   padded: 8) + length (8) + its text, rounded up to 8, i.e.
///   `round8(24 + len)`.
///
/// `GreenNodeBuilder` shares equal tokens, and equal nodes of at most three
/// children, within one tree. `per_occurrence` counts every occurrence (an
/// upper bound: what a tree without sharing would take); `distinct` counts
/// each allocation once (what the tree really holds); `with_malloc` adds
/// glibc malloc's chunk rounding to the distinct allocations (8 bytes of
/// header, 16-byte granules, 32 bytes at least).
#[derive(Default, Clone, Copy)]
struct TreeSize {
    nodes: u64,
    tokens: u64,
    distinct_nodes: u64,
    distinct_tokens: u64,
    per_occurrence: u64,
    distinct: u64,
    with_malloc: u64,
}

fn node_bytes(children: usize) -> u64 {
    24 + 16 * children as u64
}

fn token_bytes(len: usize) -> u64 {
    (24 + len as u64).next_multiple_of(8)
}

fn malloc_chunk(request: u64) -> u64 {
    (request + 8).next_multiple_of(16).max(32)
}

impl TreeSize {
    fn add_tree(&mut self, root: &GreenNode) {
        // Sharing is per tree (each parse has its own builder cache).
        let mut seen: HashSet<usize> = HashSet::new();
        let mut stack = vec![&**root];
        while let Some(node) = stack.pop() {
            let size = node_bytes(node.children().len());
            self.nodes += 1;
            self.per_occurrence += size;
            if seen.insert(node as *const _ as *const u8 as usize) {
                self.distinct_nodes += 1;
                self.distinct += size;
                self.with_malloc += malloc_chunk(size);
            }
            for child in node.children() {
                match child {
                    NodeOrToken::Node(n) => stack.push(n),
                    NodeOrToken::Token(t) => {
                        let size = token_bytes(t.text().len());
                        self.tokens += 1;
                        self.per_occurrence += size;
                        if seen.insert(t as *const _ as *const u8 as usize) {
                            self.distinct_tokens += 1;
                            self.distinct += size;
                            self.with_malloc += malloc_chunk(size);
                        }
                    }
                }
            }
        }
    }
}

// ---- the generated file ----

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
    lex: Timing,
    parse: Timing,
    tree: TreeSize,
    errors: usize,
}

fn run(w: &Workload, o: &Options) -> Row {
    let lex = time(o.warmup, o.iters, || {
        w.files
            .iter()
            .map(|f| lexer::lex(black_box(f)))
            .collect::<Vec<_>>()
    });
    let parse_t = time(o.warmup, o.iters, || {
        w.files
            .iter()
            .map(|f| parse(black_box(f)))
            .collect::<Vec<_>>()
    });
    let mut tree = TreeSize::default();
    let mut errors = 0;
    for f in &w.files {
        let p = parse(f);
        tree.add_tree(p.green());
        errors += p.errors().len();
    }
    Row {
        name: w.name.clone(),
        bytes: w.bytes,
        files: w.files.len(),
        lex,
        parse: parse_t,
        tree,
        errors,
    }
}

fn mark(value: f64, target: f64) -> &'static str {
    if value >= target { "ok" } else { "BELOW" }
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
    if o.generated {
        let text = generate(GENERATED_BYTES);
        workloads.push(Workload::new("generated (1 file)".to_string(), vec![text]));
    }

    println!(
        "thrift-syntax bench: {} timed runs after {} warm-up runs{}; MB = 10^6 bytes; one thread",
        o.iters,
        o.warmup,
        if o.quick { " (--quick)" } else { "" }
    );
    let rows: Vec<Row> = workloads.iter().map(|w| run(w, &o)).collect();

    println!();
    println!(
        "{:<22} {:>8}  {:>19}  {:>19}  {:>7}",
        "workload", "MB", "lex MB/s", "parse MB/s", "errors"
    );
    println!(
        "{:<22} {:>8}  {:>19}  {:>19}  {:>7}",
        "", "", "median / best", "median / best", ""
    );
    for r in &rows {
        let lex_med = mb_per_s(r.bytes, r.lex.median);
        let parse_med = mb_per_s(r.bytes, r.parse.median);
        println!(
            "{:<22} {:>8.2}  {:>8.1} / {:>6.1} {:<2}  {:>8.1} / {:>6.1} {:<2}  {:>7}",
            r.name,
            r.bytes as f64 / 1e6,
            lex_med,
            mb_per_s(r.bytes, r.lex.best),
            if mark(lex_med, LEX_TARGET_MBS) == "ok" {
                ""
            } else {
                "!"
            },
            parse_med,
            mb_per_s(r.bytes, r.parse.best),
            if mark(parse_med, PARSE_TARGET_MBS) == "ok" {
                ""
            } else {
                "!"
            },
            r.errors,
        );
    }
    println!(
        "targets: lex >= {LEX_TARGET_MBS} MB/s, parse >= {PARSE_TARGET_MBS} MB/s (median); \
         `!` marks a median below its target"
    );

    println!();
    println!(
        "{:<22} {:>9} {:>9} {:>11} {:>11} {:>11}",
        "tree size", "nodes", "tokens", "B/src B", "B/src B", "B/src B"
    );
    println!(
        "{:<22} {:>9} {:>9} {:>11} {:>11} {:>11}",
        "", "", "", "per occur.", "distinct", "+malloc"
    );
    for r in &rows {
        let t = &r.tree;
        let per = |x: u64| x as f64 / r.bytes as f64;
        println!(
            "{:<22} {:>9} {:>9} {:>11.2} {:>11.2} {:>11.2}",
            r.name,
            t.nodes,
            t.tokens,
            per(t.per_occurrence),
            per(t.distinct),
            per(t.with_malloc),
        );
    }
    println!(
        "per occur.: every node and token counted (no sharing, upper bound); distinct: each \
         shared allocation once (rowan's real payload); +malloc: distinct with glibc chunk \
         rounding"
    );

    if o.machine {
        for r in &rows {
            let t = &r.tree;
            println!(
                "RESULT {} files={} bytes={} lex_median_s={:.6} lex_best_s={:.6} \
                 parse_median_s={:.6} parse_best_s={:.6} nodes={} tokens={} \
                 distinct_nodes={} distinct_tokens={} tree_per_occurrence={} \
                 tree_distinct={} tree_with_malloc={} errors={}",
                r.name.split(' ').next().unwrap_or("?"),
                r.files,
                r.bytes,
                r.lex.median.as_secs_f64(),
                r.lex.best.as_secs_f64(),
                r.parse.median.as_secs_f64(),
                r.parse.best.as_secs_f64(),
                t.nodes,
                t.tokens,
                t.distinct_nodes,
                t.distinct_tokens,
                t.per_occurrence,
                t.distinct,
                t.with_malloc,
                r.errors,
            );
        }
    }
}
