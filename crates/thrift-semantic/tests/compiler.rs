//! The Apache compiler (0.17) rule by rule: each case of
//! `test_data/compiler/` is a file (`name.thrift`) or a folder whose
//! `main.thrift` is checked (with the other files it includes). The
//! compiler's verdict on each is recorded in `VERDICTS.tsv`; this test
//! checks that ours is the same, except for the deliberate differences that
//! `docs/diagnostics.md` lists (there ours must differ, as documented).
//!
//! When the compiler is installed (`thrift` on the `PATH`, as in CI), the
//! recorded verdicts are checked against it too; `UPDATE_VERDICTS=1`
//! rewrites them from it (a new case needs that once).

use std::{
    collections::BTreeMap,
    path::{Path, PathBuf},
    process::Command,
};

use thrift_semantic::Severity;

mod support;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/compiler")
}

/// Every case: its name and the file to check.
fn cases() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            out.push((name, path.join("main.thrift")));
        } else if let Some(stem) = name.strip_suffix(".thrift") {
            out.push((stem.to_string(), path));
        }
    }
    out.sort();
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Accept,
    Reject,
}

impl Verdict {
    fn as_str(self) -> &'static str {
        match self {
            Verdict::Accept => "accept",
            Verdict::Reject => "reject",
        }
    }
}

fn ours(path: &Path) -> (Verdict, Vec<String>) {
    let loaded = support::load(path, &[]);
    let diagnostics = loaded.db.diagnostics(loaded.file);
    let errors: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{}: {}", d.code, d.message))
        .collect();
    let verdict = if errors.is_empty() {
        Verdict::Accept
    } else {
        Verdict::Reject
    };
    (verdict, errors)
}

/// The compiler's verdict, or `None` if it is not installed.
fn compiler(path: &Path) -> Option<Verdict> {
    let out = std::env::temp_dir().join(format!("thrift-compiler-cases-{}", std::process::id()));
    std::fs::create_dir_all(&out).unwrap();
    let status = Command::new("thrift")
        .args(["-nowarn", "--gen", "json", "-out"])
        .arg(&out)
        .arg(path)
        .output()
        .ok()?
        .status;
    Some(if status.success() {
        Verdict::Accept
    } else {
        Verdict::Reject
    })
}

/// `case -> (verdict, deliberate difference: why)`.
type Verdicts = BTreeMap<String, (Verdict, String)>;

fn read_verdicts() -> Verdicts {
    let text = std::fs::read_to_string(dir().join("VERDICTS.tsv")).unwrap_or_default();
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let verdict = match cols[1] {
                "accept" => Verdict::Accept,
                "reject" => Verdict::Reject,
                v => panic!("VERDICTS.tsv: `{v}` is not accept or reject"),
            };
            let why = cols.get(2).copied().unwrap_or("").to_string();
            (cols[0].to_string(), (verdict, why))
        })
        .collect()
}

fn write_verdicts(verdicts: &Verdicts) {
    let mut text = String::from("case\tthrift 0.17 --gen json\tdeliberate difference\n");
    for (case, (verdict, why)) in verdicts {
        text.push_str(&format!("{case}\t{}\t{why}\n", verdict.as_str()));
    }
    std::fs::write(dir().join("VERDICTS.tsv"), text).unwrap();
}

#[test]
fn agrees_with_the_apache_compiler_rule_by_rule() {
    let cases = cases();
    let mut verdicts = read_verdicts();
    let update = std::env::var_os("UPDATE_VERDICTS").is_some();
    let installed = compiler(&cases[0].1).is_some();
    if installed {
        let mut changed = Vec::new();
        for (case, path) in &cases {
            let live = compiler(path).expect("the compiler ran before");
            match verdicts.get_mut(case) {
                Some((recorded, _)) if *recorded == live => {}
                Some((recorded, _)) if update => *recorded = live,
                None if update => {
                    verdicts.insert(case.clone(), (live, String::new()));
                }
                _ => changed.push(format!("{case}: the compiler says {}", live.as_str())),
            }
        }
        if update {
            verdicts.retain(|case, _| cases.iter().any(|(c, _)| c == case));
            write_verdicts(&verdicts);
        }
        assert!(
            changed.is_empty(),
            "VERDICTS.tsv differs from the installed compiler (UPDATE_VERDICTS=1 rewrites it):\n{}",
            changed.join("\n")
        );
    } else {
        eprintln!("`thrift` is not installed: checking against the recorded verdicts only");
    }

    let docs = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/diagnostics.md"),
    )
    .unwrap();
    let deliberate_section = docs
        .split("\n## Deliberate differences")
        .nth(1)
        .unwrap_or_default();
    let mut problems = Vec::new();
    for (case, path) in &cases {
        let Some((recorded, why)) = verdicts.get(case) else {
            problems.push(format!(
                "{case}: no recorded verdict (run with the compiler installed and UPDATE_VERDICTS=1)"
            ));
            continue;
        };
        let (verdict, errors) = ours(path);
        if why.is_empty() {
            if verdict != *recorded {
                problems.push(format!(
                    "{case}: the compiler says {}, we say {} {errors:?}",
                    recorded.as_str(),
                    verdict.as_str()
                ));
            }
        } else {
            if verdict == *recorded {
                problems.push(format!(
                    "{case}: listed as a deliberate difference ({why}), but we agree with the compiler now"
                ));
            }
            if !deliberate_section.contains(&format!("`{case}`")) {
                problems.push(format!(
                    "{case}: a deliberate difference that docs/diagnostics.md does not list under \"Deliberate differences\""
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Fields written without an id get one from a counter that starts at -1
/// in each field list: a struct's, a function's arguments, and its
/// `throws` list, which has a counter of its own. T1032 says which id
/// the compiler assigns; these are the ids `thrift --gen json` (0.17)
/// gave, checked again against it when it is installed.
#[test]
fn implicit_field_ids_are_the_compilers() {
    let text = "exception E1 {}
exception E2 {}
service S {
  void f(i32 a, i32 b) throws (E1 e1, E2 e2)
  void g(1: i32 a, i32 b) throws (1: E1 e1, E2 e2)
}
struct X { i32 a; 1: i32 b; i32 c }
";
    let recorded: Vec<(String, i64)> = [
        ("a", -1),
        ("b", -2),
        ("e1", -1),
        ("e2", -2),
        ("b", -1),
        ("e2", -1),
        ("a", -1),
        ("c", -2),
    ]
    .iter()
    .map(|(n, id)| (n.to_string(), *id))
    .collect();

    let mut db = thrift_semantic::Database::new(|_: thrift_semantic::FileId, _: &str| None);
    db.apply_change(thrift_semantic::FileId(0), text);
    let ours: Vec<(String, i64)> = db
        .check_file(thrift_semantic::FileId(0))
        .iter()
        .filter(|d| d.code.as_str() == "T1032")
        .map(|d| {
            // "field `a` has no id; the compiler assigns -1, which ..."
            let name = d.message.split('`').nth(1).unwrap().to_string();
            let id = d
                .message
                .split("assigns ")
                .nth(1)
                .and_then(|rest| rest.split(',').next())
                .and_then(|n| n.parse().ok())
                .unwrap();
            (name, id)
        })
        .collect();
    assert_eq!(ours, recorded);

    let Ok(out) = Command::new("thrift").arg("--version").output() else {
        eprintln!("thrift is not installed: checked against the recorded ids only");
        return;
    };
    assert!(out.status.success());
    let tmp = std::env::temp_dir().join(format!("thrift-ids-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let file = tmp.join("ids.thrift");
    std::fs::write(&file, text).unwrap();
    let status = Command::new("thrift")
        .args(["-nowarn", "--gen", "json", "-out"])
        .arg(&tmp)
        .arg(&file)
        .status()
        .unwrap();
    assert!(status.success());
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(tmp.join("ids.json")).unwrap()).unwrap();
    let _ = std::fs::remove_dir_all(&tmp);
    let implicit = |fields: &serde_json::Value| -> Vec<(String, i64)> {
        fields
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["name"].as_str().unwrap().to_string(),
                    f["key"].as_i64().unwrap(),
                )
            })
            .filter(|(_, key)| *key < 0)
            .collect()
    };
    let mut theirs = Vec::new();
    for function in json["services"][0]["functions"].as_array().unwrap() {
        theirs.extend(implicit(&function["arguments"]));
        theirs.extend(implicit(&function["exceptions"]));
    }
    for s in json["structs"].as_array().unwrap() {
        theirs.extend(implicit(&s["fields"]));
    }
    assert_eq!(theirs, recorded, "the compiler's ids");
}
