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
    hint::black_box,
    path::{Path, PathBuf},
};

use thrift_syntax::{GreenNode, NodeOrToken, lexer, parse};

#[path = "../../../bench/support.rs"]
mod support;
use support::{
    Options, SHARED_THRIFT, Timing, corpus_dir, generate, mb_per_s, options, thrift_files, time,
};

/// The targets on one core; the table marks each result against them.
const LEX_TARGET_MBS: f64 = 300.0;
const PARSE_TARGET_MBS: f64 = 50.0;
/// Size of the generated file.
const GENERATED_BYTES: usize = 5_000_000;

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
