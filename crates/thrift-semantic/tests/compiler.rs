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
