//! Semantic checks on multi-file fixtures:
//!
//! ```text
//! //- /main.thrift
//! include "shared.thrift"
//! //- /shared.thrift
//! struct S {}
//! ```
//!
//! Includes resolve relative to the including file, then from `/`.

use std::collections::HashMap;

use expect_test::{Expect, expect};
use thrift_syntax::LineIndex;

use crate::{Database, FileId};

/// Splits a fixture into `(path, text)` pairs.
fn files(fixture: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let starts_with_header = fixture.trim_start().starts_with("//- ");
    if !starts_with_header {
        out.push(("/main.thrift".to_string(), String::new()));
    }
    for line in fixture.lines() {
        if let Some(path) = line.strip_prefix("//- ") {
            out.push((path.trim().to_string(), String::new()));
        } else if let Some((_, text)) = out.last_mut() {
            text.push_str(line);
            text.push('\n');
        }
    }
    out
}

fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    format!("/{}", parts.join("/"))
}

fn database(fixture: &str) -> (Database, Vec<String>) {
    let files = files(fixture);
    let paths: Vec<String> = files.iter().map(|(p, _)| p.clone()).collect();
    let ids: HashMap<String, FileId> = paths
        .iter()
        .enumerate()
        .map(|(i, p)| (p.clone(), FileId(i as u32)))
        .collect();
    let paths_for_resolver = paths.clone();
    let resolver = move |from: FileId, include: &str| -> Option<FileId> {
        let from_path = &paths_for_resolver[from.0 as usize];
        let dir = &from_path[..from_path.rfind('/').unwrap_or(0)];
        let candidates = [normalize(&format!("{dir}/{include}")), normalize(include)];
        candidates.iter().find_map(|c| ids.get(c).copied())
    };
    let mut db = Database::new(resolver);
    for (i, (_, text)) in files.iter().enumerate() {
        db.apply_change(FileId(i as u32), text);
    }
    (db, paths)
}

fn dump(db: &mut Database, paths: &[String]) -> String {
    let mut out = String::new();
    for (i, path) in paths.iter().enumerate() {
        let file = FileId(i as u32);
        let text = db.text(file).unwrap().to_string();
        let index = LineIndex::new(&text);
        for d in db.diagnostics(file).iter() {
            let lc = index.line_col(&text, d.range.start());
            let snippet = &text[d.range];
            out.push_str(&format!(
                "{path}:{}:{} {} {}: {} [{}]\n",
                lc.line + 1,
                lc.col + 1,
                d.code,
                d.severity.as_str(),
                d.message,
                snippet
            ));
            for r in &d.related {
                let rtext = db.text(r.file).unwrap();
                let lc = LineIndex::new(rtext).line_col(rtext, r.range.start());
                out.push_str(&format!(
                    "  {}:{}:{}: {}\n",
                    paths[r.file.0 as usize],
                    lc.line + 1,
                    lc.col + 1,
                    r.message
                ));
            }
        }
    }
    out
}

fn check(fixture: &str, expect: Expect) {
    let (mut db, paths) = database(fixture);
    expect.assert_eq(&dump(&mut db, &paths));
}

#[test]
fn clean_multi_file_project() {
    check(
        r#"
//- /main.thrift
include "shared.thrift"
include "sub/types.thrift"
typedef shared.Id UserId
const shared.Color DEFAULT = shared.Color.RED
const types.Point ORIGIN = {"x": 0, "y": 0}
struct User {
  1: required UserId id
  2: optional shared.Color color = shared.Color.BLUE
  3: list<types.Point> path = [{"x": 1, "y": 2}]
  4: map<string, i32> counts = {"a": 1}
}
exception NotFound { 1: string message }
service Users extends shared.Base {
  User get(1: UserId id) throws (1: NotFound nf)
  oneway void poke()
}
//- /shared.thrift
typedef i64 Id
enum Color { RED, BLUE = 5 }
service Base { void ping() }
//- /sub/types.thrift
struct Point { 1: i32 x, 2: i32 y }
"#,
        expect![[""]],
    );
}

#[test]
fn unresolved_types_and_prefixes() {
    check(
        r#"
include "shared.thrift"
struct S {
  1: Missing a
  2: shared.Missing b
  3: nope.Thing c
  4: shared.Known d
}
service X extends Nope {}
//- /shared.thrift
struct Known {}
"#,
        expect![[r#"
            /main.thrift:4:6 T1010 error: type `Missing` is not defined [Missing]
            /main.thrift:5:6 T1010 error: type `shared.Missing` is not defined [shared.Missing]
            /main.thrift:6:6 T1011 error: `nope.Thing`: no included file is named `nope` (add `include "nope.thrift"`) [nope.Thing]
            /main.thrift:9:19 T1010 error: service `Nope` is not defined [Nope]
        "#]],
    );
}

#[test]
fn allow_comments_silence_one_code_on_their_line_and_the_next() {
    check(
        r#"
include "shared.thrift" // thrift-lint: allow(unused-include)
struct S {
  // thrift-lint: allow(T1032)
  i32 a
  i32 b // thrift-lint: allow(T1010)
  /* thrift-lint: allow(T1010, T1032) */ 1: Missing c
}
//- /shared.thrift
"#,
        expect![[r#"
            /main.thrift:6:7 T1032 warning: field `b` has no id; the compiler assigns -2, which breaks compatibility when fields are added [b]
        "#]],
    );
}
