//! Breaking-change fixtures: `test_data/<case>/{old,new}/**/*.thrift`,
//! compared in every category; the findings are checked against
//! `test_data/<case>/expected.txt` (update with `UPDATE_EXPECT=1`).
//!
//! Each finding is printed once, with the categories that report it and
//! the widest category the change breaks (`(breaks WIRE)`), so
//! a negative case (a change that must not be reported in `WIRE`) shows
//! as a finding without `WIRE` in its list, or as no finding at all. A
//! `dialect` file in the case selects the dialect (`apache`, `fbthrift`).
//! When a version does not read (syntax errors, includes not found), the
//! versions are not compared and the errors are the expected output.

use std::{
    collections::HashMap,
    path::{Path, PathBuf},
};

use thrift_breaking::{Category, Finding, Options, Side, Snapshot, compare, read_errors};
use thrift_semantic::{Database, FileId};
use thrift_syntax::{Dialect, LineIndex, TextSize};

struct Loaded {
    db: Database,
    files: Vec<(String, FileId)>,
    texts: HashMap<FileId, String>,
}

fn collect(dir: &Path, base: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, base, out);
        } else if path.extension().is_some_and(|e| e == "thrift") {
            let key = path
                .strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((key, path));
        }
    }
}

fn load(root: &Path, dialect: Option<Dialect>) -> Loaded {
    let mut paths = Vec::new();
    collect(root, root, &mut paths);
    let keys: HashMap<String, FileId> = paths
        .iter()
        .enumerate()
        .map(|(i, (k, _))| (k.clone(), FileId(i as u32)))
        .collect();
    let names: Vec<String> = paths.iter().map(|(k, _)| k.clone()).collect();
    let mut db = Database::new(move |from: FileId, include: &str| {
        let dir = Path::new(&names[from.0 as usize])
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let joined = dir.join(include).to_string_lossy().replace('\\', "/");
        keys.get(&joined).or_else(|| keys.get(include)).copied()
    });
    db.set_dialect(dialect);
    let mut files = Vec::new();
    let mut texts = HashMap::new();
    for (i, (key, path)) in paths.iter().enumerate() {
        let text = std::fs::read_to_string(path).unwrap();
        db.apply_change(FileId(i as u32), &text);
        texts.insert(FileId(i as u32), text);
        files.push((key.clone(), FileId(i as u32)));
    }
    Loaded { db, files, texts }
}

fn position(loaded: &Loaded, file: FileId, offset: TextSize) -> String {
    let text = &loaded.texts[&file];
    let lc = LineIndex::new(text).line_col(text, offset);
    let key = &loaded.files.iter().find(|(_, f)| *f == file).unwrap().0;
    format!("{key}:{}:{}", lc.line + 1, lc.col + 1)
}

fn render(case: &Path) -> String {
    let dialect = std::fs::read_to_string(case.join("dialect"))
        .ok()
        .map(|d| match d.trim() {
            "fbthrift" => Dialect::FbThrift,
            _ => Dialect::Apache,
        });
    let old = load(&case.join("old"), dialect);
    let new = load(&case.join("new"), dialect);
    let side = |s: Side| match s {
        Side::Old => ("old", &old),
        Side::New => ("new", &new),
    };
    // Versions that do not read are not compared: their errors instead.
    let errors = read_errors(
        Snapshot {
            db: &old.db,
            files: &old.files,
        },
        Snapshot {
            db: &new.db,
            files: &new.files,
        },
    );
    if !errors.is_empty() {
        let mut out = String::new();
        for e in errors {
            let (prefix, version) = side(e.location.side);
            let at = position(version, e.location.file, e.location.range.start());
            out.push_str(&format!("{prefix}/{at} COMPILE {}\n", e.message));
        }
        return out;
    }
    let mut seen: Vec<(Finding, Vec<Category>)> = Vec::new();
    for category in Category::ALL {
        let options = Options {
            categories: vec![*category],
            dialect,
            ..Options::default()
        };
        let findings = compare(
            Snapshot {
                db: &old.db,
                files: &old.files,
            },
            Snapshot {
                db: &new.db,
                files: &new.files,
            },
            &options,
        );
        for f in findings {
            match seen.iter_mut().find(|(s, _)| *s == f) {
                Some((_, cats)) => cats.push(*category),
                None => seen.push((f, vec![*category])),
            }
        }
    }
    seen.sort_by_key(|(f, _)| (f.location.key(), f.rule.id));
    // What a finding breaks is the widest category it is reported in, by
    // it or by another finding of the same change (same place).
    // Every change and deletion says where the thing was in the old
    // version; only additions (and a deleted file, reported in the old
    // file itself) have nothing to point at.
    const WITHOUT_PREVIOUS: &[&str] = &[
        "FILE_NO_DELETE",
        "FIELD_NO_ADD_REQUIRED",
        "FUNCTION_ARG_NO_ADD",
        "FUNCTION_ARG_NO_ADD_REQUIRED",
        "FUNCTION_THROWS_NO_ADD",
        "FUNCTION_THROWS_NO_ADD_TO_VOID",
        "PACKAGE_SAME",
    ];
    for (f, cats) in &seen {
        assert!(
            f.previous.is_some() || WITHOUT_PREVIOUS.contains(&f.rule.id),
            "{f:?} has no previous location"
        );
        assert!(cats.iter().all(|c| *c <= f.breaks), "{f:?} in {cats:?}");
        assert!(
            seen.iter()
                .any(|(g, cats)| g.location == f.location && cats.contains(&f.breaks)),
            "{f:?}: nothing at its place is reported in {}",
            f.breaks
        );
    }
    let mut out = String::new();
    for (f, cats) in &seen {
        let loc = |l: &thrift_breaking::Location| {
            let side = match l.side {
                Side::Old => &old,
                Side::New => &new,
            };
            let prefix = match l.side {
                Side::Old => "old",
                Side::New => "new",
            };
            format!("{prefix}/{}", position(side, l.file, l.range.start()))
        };
        let cats: Vec<&str> = cats.iter().map(|c| c.as_str()).collect();
        out.push_str(&format!(
            "{} {} [{}] (breaks {}) {}\n",
            loc(&f.location),
            f.rule.id,
            cats.join(" "),
            f.breaks,
            f.message
        ));
        if let Some(p) = &f.previous {
            out.push_str(&format!("    previously at {}\n", loc(p)));
        }
    }
    if out.is_empty() {
        out.push_str("no breaking changes\n");
    }
    out
}

#[test]
fn fixtures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(!cases.is_empty());
    for case in cases {
        let actual = render(&case);
        expect_test::expect_file![case.join("expected.txt")].assert_eq(&actual);
    }
}

/// Every rule has a fixture whose expected findings name it.
#[test]
fn every_rule_has_a_fixture() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data");
    let mut all = String::new();
    for entry in std::fs::read_dir(&root).unwrap() {
        let path = entry.unwrap().path().join("expected.txt");
        all.push_str(&std::fs::read_to_string(path).unwrap_or_default());
    }
    let missing: Vec<&str> = thrift_breaking::RULES
        .iter()
        .map(|r| r.id)
        .filter(|id| !all.contains(&format!(" {id} [")))
        .collect();
    assert!(missing.is_empty(), "rules without a fixture: {missing:?}");
}
