//! A chain of structs, each using the one before (`struct S1 { 1: S0 a }`,
//! `struct S2 { 1: S1 a }`, ...), in one file: every definition is named
//! once, so a lookup of a name that scans the file's definitions makes the
//! check quadratic (issue 14, defect 9). Parse + check at 16k, 32k and 64k
//! structs: the times should grow linearly. The same for a chain of
//! services, each extending the one before and redefining none of its
//! functions (walking each service's whole `extends` chain was quadratic),
//! and for a chain of typedefs (each one's chain was followed to look for
//! a cycle).
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

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let rounds = if quick { 1 } else { 5 };
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
