//! Semantic check of a generated workspace: 5,000 files (about 50 MB)
//! with includes, checked cold; then re-checks after one-line edits.
//!
//! `cargo bench -p thrift-semantic` (add `-- --quick` for fewer rounds).

use std::{collections::HashMap, fmt::Write, hint::black_box, time::Instant};

use thrift_semantic::{Database, FileId};

const FILES: usize = 5_000;
/// Files included by many others: `core.thrift`, and 1,000 `mid` files
/// that include it. The rest are leaves that include a few mids.
const MIDS: usize = 1_000;

fn core_file() -> String {
    let mut s = String::from("namespace java bench.core\n\n");
    for i in 0..60 {
        writeln!(s, "/** Status {i}. */\nenum Status{i} {{ UNKNOWN = 0, ACTIVE = 1, INACTIVE = 2, DELETED = 3 }}\n").unwrap();
        writeln!(s, "typedef i64 Id{i}\n").unwrap();
        writeln!(s, "struct Base{i} {{\n  1: required Id{i} id\n  2: optional string name = \"base\"\n  3: Status{i} status = Status{i}.ACTIVE\n  4: list<string> tags\n}}\n").unwrap();
    }
    s
}

fn mid_file(i: usize) -> String {
    let mut s = format!("include \"core.thrift\"\nnamespace java bench.mid{i}\n\n");
    for j in 0..20 {
        let k = (i + j) % 60;
        writeln!(
            s,
            "/**\n * Record {j} of module {i}.\n */\nstruct Record{j} {{\n  1: required core.Id{k} id // the key\n  2: optional core.Base{k} base\n  3: map<string, list<core.Status{k}>> history = {{}}\n  4: i32 count = 10\n  5: string note = \"n\"\n}}\n"
        )
        .unwrap();
    }
    writeln!(s, "exception Failed{i} {{ 1: string message }}").unwrap();
    s
}

fn leaf_file(i: usize) -> String {
    let a = i % MIDS;
    let b = (i * 7 + 3) % MIDS;
    let mut s = format!(
        "include \"mid{a}.thrift\"\ninclude \"mid{b}.thrift\"\nnamespace java bench.leaf{i}\n\n"
    );
    for j in 0..64 {
        writeln!(
            s,
            "struct Leaf{j} {{\n  1: required mid{a}.Record{} left\n  2: optional mid{b}.Record{} right\n  3: list<i64> values = [1, 2, 3]\n  4: string label = \"leaf\" (python.immutable = \"\")\n}}\n",
            j % 20,
            (j + 1) % 20
        )
        .unwrap();
    }
    writeln!(
        s,
        "service Leaf{i}Service {{\n  mid{a}.Record0 get(1: i64 id) throws (1: mid{a}.Failed{a} failed)\n  void put(1: mid{b}.Record1 record)\n}}"
    )
    .unwrap();
    s
}

fn workspace() -> (Vec<(String, String)>, HashMap<String, FileId>) {
    let mut files = vec![("core.thrift".to_string(), core_file())];
    for i in 0..MIDS {
        files.push((format!("mid{i}.thrift"), mid_file(i)));
    }
    for i in 0..FILES - MIDS - 1 {
        files.push((format!("leaf{i}.thrift"), leaf_file(i)));
    }
    let ids = files
        .iter()
        .enumerate()
        .map(|(i, (p, _))| (p.clone(), FileId(i as u32)))
        .collect();
    (files, ids)
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let rounds = if quick { 2 } else { 5 };
    let (files, ids) = workspace();
    let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
    println!(
        "workspace: {} files, {:.1} MB",
        files.len(),
        bytes as f64 / 1e6
    );

    let new_db = || {
        let ids = ids.clone();
        Database::new(move |_from: FileId, path: &str| ids.get(path).copied())
    };
    let all: Vec<FileId> = (0..files.len() as u32).map(FileId).collect();

    // Cold: parse everything, then check every file, on all cores (what
    // `thrift-lint check` does).
    let mut cold = Vec::new();
    let mut db = new_db();
    for _ in 0..rounds {
        db = new_db();
        let texts: Vec<(FileId, String)> = files
            .iter()
            .enumerate()
            .map(|(i, (_, t))| (FileId(i as u32), t.clone()))
            .collect();
        let start = Instant::now();
        db.apply_changes(texts);
        let parsed = start.elapsed().as_secs_f64();
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let chunk = all.len().div_ceil(threads);
        let errors: usize = std::thread::scope(|scope| {
            let db = &db;
            let handles: Vec<_> = all
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || part.iter().map(|&f| db.check_file(f).len()).sum::<usize>())
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).sum()
        });
        let total = start.elapsed().as_secs_f64();
        cold.push(total);
        if quick {
            println!("  parse {parsed:.3} s + check {:.3} s", total - parsed);
        }
        assert_eq!(errors, 0, "the generated workspace should be clean");
    }
    println!(
        "cold check (parse + check, all cores): median {:.3} s, min {:.3} s",
        median(cold.clone()),
        cold.iter().copied().fold(f64::MAX, f64::min)
    );

    // Fill the cache.
    for &f in &all {
        black_box(db.diagnostics(f));
    }

    let leaf = FileId(files.len() as u32 - 1);
    let core = FileId(0);
    let mut edit =
        |name: &str, file: FileId, make: &dyn Fn(usize) -> String, recheck_dependents: bool| {
            let mut times = Vec::new();
            let mut rechecked = 0;
            for round in 0..rounds * 10 {
                let text = make(round);
                let before = db.checks_run();
                let start = Instant::now();
                let impact = db.apply_change(file, &text);
                black_box(db.diagnostics(file));
                if recheck_dependents {
                    for f in impact.affected(&db) {
                        black_box(db.diagnostics(f));
                    }
                }
                times.push(start.elapsed().as_secs_f64() * 1e3);
                rechecked = db.checks_run() - before;
            }
            println!(
                "{name}: median {:.2} ms, min {:.2} ms ({rechecked} file(s) re-checked)",
                median(times.clone()),
                times.iter().copied().fold(f64::MAX, f64::min)
            );
        };
    let leaf_text = files.last().unwrap().1.clone();
    edit(
        "edit a leaf (comment)",
        leaf,
        &|r| format!("// edit {r}\n{leaf_text}"),
        true,
    );
    let core_text = files[0].1.clone();
    edit(
        "edit core.thrift, included by 1,000 files (default value; exports unchanged)",
        core,
        &|r| core_text.replacen("= \"base\"", &format!("= \"base{r}\""), 1),
        true,
    );
    edit(
        "edit core.thrift, exports changed (a new enum), re-check its 4,999 dependents",
        core,
        &|r| format!("{core_text}\nenum Added{r} {{ A }}\n"),
        true,
    );
}
