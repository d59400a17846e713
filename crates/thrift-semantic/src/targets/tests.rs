//! The target machinery: names, versions, the database's per-file
//! targets and its cache, and the allow comments. The rules themselves are
//! checked fixture by fixture in `tests/targets.rs`.

use super::*;
use crate::{Code, Database, FileId};

fn db(text: &str) -> Database {
    let mut db = Database::new(|_: FileId, _: &str| None);
    db.apply_change(FileId(0), text);
    db
}

fn codes(db: &Database) -> Vec<String> {
    db.diagnostics(FileId(0))
        .iter()
        .map(|d| format!("{} {}", d.code, d.severity.as_str()))
        .collect()
}

#[test]
fn names_and_versions() {
    let t = Targets::parse(&["thriftpy2", "go"], Some("0.17")).unwrap();
    assert!(t.contains(Target::Thriftpy2) && t.contains(Target::Go) && !t.contains(Target::Py));
    assert_eq!(t.to_string(), "thriftpy2, go (Apache 0.17)");
    assert_eq!(Targets::parse::<&str>(&[], None).unwrap(), Targets::NONE);
    assert_eq!(Targets::NONE.to_string(), "none");
    assert_eq!(ApacheVersion::default(), ApacheVersion::NEWEST);
    assert_eq!(
        ApacheVersion::parse("0.17.0").unwrap(),
        ApacheVersion::new(17)
    );
    for bad in ["0.8", "0.26", "1.0", "0.17.x", "17", "", "0.", "latest"] {
        assert!(ApacheVersion::parse(bad).is_err(), "{bad}");
    }
    let e = Targets::parse(&["python"], None).unwrap_err();
    assert!(
        e.contains("unknown target `python`") && e.contains("thriftpy2, py, go, java, thriftgo"),
        "{e}"
    );
}

#[test]
fn targets_are_per_file_and_drop_the_cache() {
    let mut db = db("struct Page {\n  1: i32 next\n}\n");
    let before = codes(&db);
    assert_eq!(
        before,
        ["T2005 warning"],
        "no target checks without targets"
    );
    db.set_targets(Targets::parse(&["thriftpy2"], None).unwrap());
    assert_eq!(codes(&db), ["T2005 warning", "T3001 error"]);
    // A file's own targets win over the default.
    db.set_file_targets(
        FileId(0),
        Some(Targets::parse(&["py"], Some("0.17")).unwrap()),
    );
    assert_eq!(db.targets(FileId(0)).to_string(), "py (Apache 0.17)");
    assert_eq!(codes(&db), ["T2005 warning"], "py 0.17 accepts `next`");
    db.set_file_targets(
        FileId(0),
        Some(Targets::parse(&["go"], Some("0.17")).unwrap()),
    );
    assert_eq!(codes(&db), ["T2005 warning", "T3107 error"]);
    db.set_file_targets(FileId(0), None);
    assert_eq!(codes(&db), ["T2005 warning", "T3001 error"]);
    db.set_targets(Targets::NONE);
    assert_eq!(codes(&db), before);
}

#[test]
fn allow_comments_silence_target_codes() {
    let mut db = db(
        "struct Page {\n  // thrift-lint: allow(thriftpy2-reserved-word, reserved-word)\n  1: i32 next\n  2: i32 end // thrift-lint: allow(T3001)\n}\n",
    );
    db.set_targets(Targets::parse(&["thriftpy2"], None).unwrap());
    assert_eq!(codes(&db), ["T2005 warning"], "only `end`'s T2005 is left");
}

#[test]
fn target_errors_do_not_fail_the_includers() {
    // T1006 reports an included file's errors that the Apache compiler
    // stops at; a target's error is not one of them.
    let mut db = Database::new(|_: FileId, inc: &str| (inc == "b.thrift").then_some(FileId(1)));
    db.apply_change(
        FileId(0),
        "include \"b.thrift\"\nstruct A {\n  1: b.B b\n}\n",
    );
    db.apply_change(FileId(1), "struct B {\n  1: i32 end\n}\n");
    db.set_targets(Targets::parse(&["thriftpy2"], None).unwrap());
    assert!(
        db.diagnostics(FileId(1))
            .iter()
            .any(|d| d.code == Code::Thriftpy2ReservedWord)
    );
    assert!(
        !db.diagnostics(FileId(0))
            .iter()
            .any(|d| d.code == Code::IncludedFileError),
        "{:?}",
        db.diagnostics(FileId(0))
    );
}

#[test]
fn rename_suggestions() {
    assert_eq!(
        rename_suggestion(Code::Thriftpy2ReservedWord, "end").as_deref(),
        Some("end_")
    );
    assert_eq!(rename_suggestion(Code::PyMutableDefault, "tags"), None);
    assert_eq!(
        rename_suggestion(Code::Thriftpy2ReservedWord, "a.end"),
        None
    );
    assert_eq!(rename_suggestion(Code::UnusedInclude, "x"), None);
}
