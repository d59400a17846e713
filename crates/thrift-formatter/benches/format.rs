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
    hint::black_box,
    path::{Path, PathBuf},
};

use thrift_formatter::{FormatOptions, format};

#[path = "../../../bench/support.rs"]
mod support;
use support::{
    Options, SHARED_THRIFT, Timing, corpus_dir, generate, mb_per_s, options, thrift_files, time,
};

/// Size of the generated file.
const GENERATED_BYTES: usize = 5_000_000;

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
