//! What the parser and formatter benchmarks share: the corpus location,
//! timing, and the deterministic generated workload. Included by
//! `crates/thrift-syntax/benches/parse.rs` and
//! `crates/thrift-formatter/benches/format.rs` with `#[path]`.

#![allow(dead_code)]

use std::{
    fmt::Write as _,
    hint::black_box,
    path::{Path, PathBuf},
    time::{Duration, Instant},
};

// ---- the corpus ----

/// `THRIFT_CORPUS`, or `../shared/corpus` next to the repository.
pub fn corpus_dir() -> PathBuf {
    match std::env::var_os("THRIFT_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"),
    }
}

pub fn thrift_files(dir: &Path, out: &mut Vec<PathBuf>) {
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

// ---- the command line ----

/// The benches' command line: `--quick`, `--iters N`, `--warmup N`,
/// `--file-list PATH`, `--no-generated`, `--machine`, `--dump-generated
/// PATH`, and `--accepted` (the formatter bench's; the parser bench
/// ignores it). Other arguments (cargo passes `--bench`) are ignored.
pub struct Options {
    pub iters: usize,
    pub warmup: usize,
    pub file_list: Option<PathBuf>,
    pub generated: bool,
    pub machine: bool,
    pub quick: bool,
    pub accepted: bool,
    pub dump_generated: Option<PathBuf>,
}

pub fn options() -> Options {
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

// ---- timing ----

pub struct Timing {
    pub median: Duration,
    pub best: Duration,
}

/// Runs `f` `warmup` times untimed, then `iters` times timed. `f` returns
/// something to drop after the clock stops (so that freeing the results is
/// not counted as making them).
pub fn time<T>(warmup: usize, iters: usize, mut f: impl FnMut() -> T) -> Timing {
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

pub fn mb_per_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64()
}

// ---- the generated file ----

/// xorshift64*: small, deterministic, good enough to vary shapes.
pub struct Rng(u64);

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

pub fn camel(words: &[&str]) -> String {
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

pub struct Gen {
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
pub const SHARED_THRIFT: &str = "namespace java com.example.bench.shared
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
pub fn generate(target: usize) -> String {
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
