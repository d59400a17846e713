//! A chain of structs, each using the one before (`struct S1 { 1: S0 a }`,
//! `struct S2 { 1: S1 a }`, ...), in one file: every definition is named
//! once, so a lookup of a name that scans the file's definitions makes the
//! check quadratic (issue 14, defect 9). Parse + check at 16k, 32k and 64k
//! structs: the times should grow linearly. The same for a chain of
//! services, each extending the one before and redefining none of its
//! functions (walking each service's whole `extends` chain was quadratic),
//! and for a chain of typedefs (each one's chain was followed to look for
//! a cycle). And across files: a chain of includes, each file including
//! the next and the last one with an error (the include-cycle check and
//! the diagnostics cache key followed each file's includes transitively).
//!
//! `cargo bench -p thrift-semantic --bench chain` (add `-- --quick` for
//! fewer rounds).

use std::{fmt::Write, time::Instant};

use thrift_semantic::{Database, FileId};

fn chain(n: usize) -> String {
    let mut s = String::from("struct S0 { 1: i32 a }\n");
    for i in 1..n {
        writeln!(s, "struct S{i} {{ 1: S{} a }}", i - 1).unwrap();
    }
    s
}

fn service_chain(n: usize) -> String {
    let mut s = String::from("service S0 { void f0() }\n");
    for i in 1..n {
        writeln!(s, "service S{i} extends S{} {{ void f{i}() }}", i - 1).unwrap();
    }
    s
}

fn typedef_chain(n: usize) -> String {
    let mut s = String::from("typedef i32 T0\n");
    for i in 1..n {
        writeln!(s, "typedef T{} T{i}", i - 1).unwrap();
    }
    s
}

/// The files of an include chain: `f{i}.thrift` includes `f{i+1}.thrift`,
/// and the last one defines a name twice (an error the compiler stops at,
/// so every includer reports it).
fn include_chain(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            if i + 1 < n {
                format!(
                    "include \"f{}.thrift\"\nstruct S{i} {{ 1: f{}.S{} a }}\n",
                    i + 1,
                    i + 1,
                    i + 1
                )
            } else {
                format!("struct S{i} {{ 1: i32 a }}\nstruct S{i} {{ 1: i32 b }}\n")
            }
        })
        .collect()
}

fn check_include_chain(n: usize, rounds: usize) {
    let files = include_chain(n);
    let mut times = Vec::new();
    for _ in 0..rounds {
        let mut db = Database::new(|_: FileId, path: &str| {
            let n: u32 = path
                .strip_prefix('f')?
                .strip_suffix(".thrift")?
                .parse()
                .ok()?;
            Some(FileId(n))
        });
        db.apply_changes(
            files
                .iter()
                .enumerate()
                .map(|(i, t)| (FileId(i as u32), t.clone()))
                .collect(),
        );
        let start = Instant::now();
        let mut errors = 0;
        for i in 0..n {
            errors += usize::from(!db.check_file(FileId(i as u32)).is_empty());
        }
        times.push(start.elapsed().as_secs_f64());
        // Its own at the end, T1006 elsewhere.
        assert_eq!(errors, n, "every file has an error");
    }
    println!(
        "chain of {n} files including each other: check {:.3} s (median)",
        median(times)
    );
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let rounds = if quick { 1 } else { 5 };
    for n in [2_000, 4_000, 8_000] {
        check_include_chain(n, rounds);
    }
    let cases = [16_000, 32_000, 64_000].into_iter().flat_map(|n| {
        [
            ("structs", n, chain(n)),
            ("services", n, service_chain(n)),
            ("typedefs", n, typedef_chain(n)),
        ]
    });
    for (what, n, text) in cases {
        let mut parse = Vec::new();
        let mut check = Vec::new();
        for _ in 0..rounds {
            let mut db = Database::new(|_: FileId, _: &str| None);
            let start = Instant::now();
            db.apply_change(FileId(0), &text);
            let parsed = start.elapsed().as_secs_f64();
            let diagnostics = db.check_file(FileId(0));
            let total = start.elapsed().as_secs_f64();
            assert!(diagnostics.is_empty(), "the chain should be clean");
            parse.push(parsed);
            check.push(total - parsed);
        }
        println!(
            "chain of {n} {what} ({:.1} MB): parse {:.3} s, check {:.3} s (medians)",
            text.len() as f64 / 1e6,
            median(parse),
            median(check)
        );
    }
}
