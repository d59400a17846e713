//! The target-aware checks (docs/targets.md), fixture by fixture, and
//! against the real targets.
//!
//! Each case of `test_data/targets/` is a file (`name.thrift`) or a folder
//! whose `main.thrift` is checked. Its first line names the targets it is
//! checked for: `// targets: thriftpy2 py@0.17` (a name, and for the Apache
//! targets a compiler version after `@`).
//!
//! - `EXPECTED.txt` holds every case's target diagnostics (those reported
//!   with the targets and not without them), per target; `UPDATE_EXPECT=1`
//!   rewrites it.
//! - `VERDICTS.tsv` holds what the real target did with each case: `ok`
//!   (thriftpy2 loaded every definition; Apache py generated Python that
//!   imports; the generated Go or Java compiles) or `fail`, with the
//!   target's message. Our verdict must be the
//!   same: a target diagnostic of severity error for `fail`, none for `ok`
//!   (a warning or hint alone is for what loads but misbehaves at run time,
//!   which a load or import cannot see, and for hints: such a case names
//!   the reason in the last column, "runtime: …").
//! - When the real targets are installed, the verdicts are checked against
//!   them (`targets_oracle.py` runs them): thriftpy2 and the `thrift`
//!   Python package in the Python of `THRIFT_TARGETS_PYTHON` (else
//!   `python3`), the Apache compiler 0.17 as `thrift` on the `PATH`, and
//!   for go and java `go` with Debian's golang-thrift-dev and `javac` with
//!   Debian's libthrift-java. thriftgo has no oracle here (it builds only
//!   through the Go module proxy): its fixtures are checked against their
//!   snapshot only.
//!   `UPDATE_VERDICTS=1` rewrites the verdicts from them. A target that is
//!   not installed is reported as SKIPPED, with the reason.

use std::{
    collections::BTreeMap,
    fmt::Write as _,
    path::{Path, PathBuf},
    process::Command,
};

use thrift_semantic::{Diagnostic, Severity, Target, Targets};
use thrift_syntax::LineIndex;

mod support;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/targets")
}

struct Case {
    name: String,
    path: PathBuf,
    /// `thriftpy2`, `py@0.17`, …
    configs: Vec<String>,
}

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let (name, file) = if path.is_dir() {
            if !path.join("main.thrift").is_file() {
                continue;
            }
            (name, path.join("main.thrift"))
        } else if let Some(stem) = name.strip_suffix(".thrift") {
            (stem.to_string(), path)
        } else {
            continue;
        };
        let text = std::fs::read_to_string(&file).unwrap();
        let configs: Vec<String> = text
            .lines()
            .next()
            .map(|l| l.trim_start_matches('\u{feff}'))
            .and_then(|l| l.strip_prefix("// targets:"))
            .unwrap_or_else(|| panic!("{name}: the first line must be `// targets: …`"))
            .split_whitespace()
            .map(str::to_string)
            .collect();
        assert!(!configs.is_empty(), "{name}: no targets");
        out.push(Case {
            name,
            path: file,
            configs,
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

fn targets_of(config: &str) -> Targets {
    let (name, version) = match config.split_once('@') {
        Some((n, v)) => (n, Some(v)),
        None => (config, None),
    };
    Targets::parse(&[name], version).unwrap_or_else(|e| panic!("`{config}`: {e}"))
}

fn key(d: &Diagnostic) -> (String, u32, u32, String) {
    (
        d.code.to_string(),
        d.range.start().into(),
        d.range.end().into(),
        d.message.clone(),
    )
}

/// The diagnostics `config` adds to the case's.
fn target_diagnostics(case: &Case, config: &str) -> Vec<Diagnostic> {
    let mut loaded = support::load(&case.path, &[]);
    loaded.db.set_file_name(loaded.file, case.path.to_str());
    let without: Vec<_> = loaded.db.diagnostics(loaded.file).iter().map(key).collect();
    loaded.db.set_targets(targets_of(config));
    loaded
        .db
        .diagnostics(loaded.file)
        .iter()
        .filter(|d| !without.contains(&key(d)))
        .cloned()
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Ok,
    Warn,
    Fail,
}

fn ours(diagnostics: &[Diagnostic]) -> Verdict {
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        Verdict::Fail
    } else if diagnostics.is_empty() {
        Verdict::Ok
    } else {
        Verdict::Warn
    }
}

fn render(case: &Case, config: &str, diagnostics: &[Diagnostic]) -> String {
    let text = std::fs::read_to_string(&case.path).unwrap();
    let index = LineIndex::new(&text);
    let mut out = format!("{} [{config}]\n", case.name);
    if diagnostics.is_empty() {
        out.push_str("  (none)\n");
    }
    for d in diagnostics {
        let lc = index.line_col(&text, d.range.start());
        let _ = writeln!(
            out,
            "  {}:{} {} {}: {}",
            lc.line + 1,
            lc.col + 1,
            d.code,
            d.severity.as_str(),
            d.message
        );
    }
    out
}

#[test]
fn fixtures_match_their_snapshot() {
    let mut actual = String::new();
    for case in cases() {
        for config in &case.configs {
            actual.push_str(&render(&case, config, &target_diagnostics(&case, config)));
        }
    }
    let path = dir().join("EXPECTED.txt");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != actual {
        let diff: Vec<String> = similar_lines(&expected, &actual);
        panic!(
            "test_data/targets/EXPECTED.txt differs (UPDATE_EXPECT=1 rewrites it):\n{}",
            diff.join("\n")
        );
    }
}

/// The lines only in one of the two texts, marked `-` and `+`.
fn similar_lines(expected: &str, actual: &str) -> Vec<String> {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let mut out: Vec<String> = e
        .iter()
        .filter(|l| !a.contains(l))
        .map(|l| format!("- {l}"))
        .collect();
    out.extend(
        a.iter()
            .filter(|l| !e.contains(l))
            .map(|l| format!("+ {l}")),
    );
    out
}

/// `(case, config) -> (verdict, the target's message, deliberate difference)`.
type Verdicts = BTreeMap<(String, String), (String, String, String)>;

fn read_verdicts() -> Verdicts {
    let text = std::fs::read_to_string(dir().join("VERDICTS.tsv")).unwrap_or_default();
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let col = |i: usize| cols.get(i).copied().unwrap_or("").to_string();
            ((col(0), col(1)), (col(2), col(3), col(4)))
        })
        .collect()
}

fn write_verdicts(verdicts: &Verdicts) {
    let mut text =
        String::from("case\ttarget\tverdict\twhat the target said\tdeliberate difference\n");
    for ((case, config), (verdict, said, why)) in verdicts {
        let _ = writeln!(text, "{case}\t{config}\t{verdict}\t{said}\t{why}");
    }
    std::fs::write(dir().join("VERDICTS.tsv"), text).unwrap();
}

fn python() -> String {
    std::env::var("THRIFT_TARGETS_PYTHON").unwrap_or_else(|_| "python3".to_string())
}

/// Whether the real `config` can run here, or why not.
fn oracle_available(config: &str) -> Result<(), String> {
    let target = config.split('@').next().unwrap_or(config);
    let python = python();
    let runs = |cmd: &str, arg: &str| {
        Command::new(cmd)
            .arg(arg)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let module = match target {
        "thriftpy2" => "thriftpy2",
        "py" | "go" | "java" => "json",
        _ => return Err(format!("no oracle for `{target}` in this test")),
    };
    if target == "go" {
        let lib = std::env::var("THRIFT_GO_PATH").unwrap_or_else(|_| "/usr/share/gocode".into());
        if !runs("go", "version") {
            return Err("`go` is not installed (Debian: golang-go)".to_string());
        }
        if !Path::new(&lib)
            .join("src/github.com/apache/thrift")
            .is_dir()
        {
            return Err(format!(
                "the Go thrift library is not in {lib} (Debian: golang-thrift-dev, or set THRIFT_GO_PATH)"
            ));
        }
    }
    if target == "java" {
        if !runs("javac", "-version") {
            return Err("`javac` is not installed (Debian: default-jdk)".to_string());
        }
        if std::env::var_os("THRIFT_JAVA_CLASSPATH").is_none()
            && !Path::new("/usr/share/java/thrift.jar").is_file()
        {
            return Err(
                "the Java thrift library is not in /usr/share/java (Debian: libthrift-java, or set THRIFT_JAVA_CLASSPATH)"
                    .to_string(),
            );
        }
    }
    let module = if target == "py" { "thrift" } else { module };
    let ok = Command::new(&python)
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        return Err(format!(
            "`{python}` cannot import `{module}` (set THRIFT_TARGETS_PYTHON to a Python that has it)"
        ));
    }
    if target != "thriftpy2" {
        let version = config.split('@').nth(1).unwrap_or("");
        let out = Command::new("thrift").arg("--version").output();
        let Ok(out) = out else {
            return Err("the Apache compiler (`thrift`) is not installed".to_string());
        };
        let said = String::from_utf8_lossy(&out.stdout).to_string();
        if !said.contains(&format!("{version}.")) {
            return Err(format!(
                "`thrift` is not Apache {version} ({})",
                said.trim()
            ));
        }
    }
    Ok(())
}

/// The real target's verdicts on `cases`: (verdict, message) per case.
fn run_oracle(config: &str, cases: &[&Case]) -> BTreeMap<String, (String, String)> {
    let target = config.split('@').next().unwrap_or(config);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/targets_oracle.py");
    let out = Command::new(python())
        .arg(&script)
        .arg(target)
        .args(cases.iter().map(|c| &c.path))
        .output()
        .expect("the oracle runs");
    assert!(
        out.status.success(),
        "the oracle failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let mut result = BTreeMap::new();
    for (case, line) in cases.iter().zip(text.lines()) {
        let cols: Vec<&str> = line.splitn(3, '\t').collect();
        assert_eq!(Path::new(cols[0]), case.path.canonicalize().unwrap());
        result.insert(
            case.name.clone(),
            (
                cols[1].to_string(),
                cols.get(2).copied().unwrap_or("").to_string(),
            ),
        );
    }
    result
}

/// The configs with an oracle: thriftpy2, and the Apache targets with the
/// version Debian ships.
fn has_oracle(config: &str) -> bool {
    matches!(config, "thriftpy2" | "py@0.17" | "go@0.17" | "java@0.17")
}

#[test]
fn verdicts_agree_with_the_real_targets() {
    let cases = cases();
    let mut verdicts = read_verdicts();
    let update = std::env::var_os("UPDATE_VERDICTS").is_some();
    let configs: Vec<String> = {
        let mut c: Vec<String> = cases.iter().flat_map(|c| c.configs.clone()).collect();
        c.sort();
        c.dedup();
        c
    };
    let mut changed = Vec::new();
    let mut summary = Vec::new();
    for config in &configs {
        if !has_oracle(config) {
            continue;
        }
        let of_config: Vec<&Case> = cases
            .iter()
            .filter(|c| c.configs.contains(config))
            .collect();
        if let Err(why) = oracle_available(config) {
            eprintln!(
                "SKIPPED: the differential test against the real {config} ({} fixtures): {why}; checked against the recorded verdicts only",
                of_config.len()
            );
            continue;
        }
        let live = run_oracle(config, &of_config);
        for (name, (verdict, said)) in live {
            let k = (name.clone(), config.clone());
            match verdicts.get_mut(&k) {
                Some((recorded, _, _)) if *recorded == verdict => {}
                Some(entry) if update => {
                    entry.0 = verdict;
                    entry.1 = said;
                }
                None if update => {
                    verdicts.insert(k, (verdict, said, String::new()));
                }
                _ => changed.push(format!(
                    "{name} [{config}]: the real target says {verdict} ({said})"
                )),
            }
        }
        summary.push(format!(
            "{config}: ran the real target on {} fixtures",
            of_config.len()
        ));
    }
    if update {
        verdicts.retain(|(case, config), _| {
            cases
                .iter()
                .any(|c| &c.name == case && c.configs.contains(config))
        });
        write_verdicts(&verdicts);
    }
    assert!(
        changed.is_empty(),
        "VERDICTS.tsv differs from the installed targets (UPDATE_VERDICTS=1 rewrites it):\n{}",
        changed.join("\n")
    );

    let mut problems = Vec::new();
    let mut agree: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for case in &cases {
        for config in &case.configs {
            if !has_oracle(config) {
                continue;
            }
            let Some((recorded, said, why)) = verdicts.get(&(case.name.clone(), config.clone()))
            else {
                problems.push(format!(
                    "{} [{config}]: no recorded verdict (run with the targets installed and UPDATE_VERDICTS=1)",
                    case.name
                ));
                continue;
            };
            let diagnostics = target_diagnostics(case, config);
            let verdict = ours(&diagnostics);
            let counts = agree.entry(config.clone()).or_default();
            counts.1 += 1;
            let same = matches!(
                (recorded.as_str(), verdict),
                ("ok", Verdict::Ok) | ("fail", Verdict::Fail)
            );
            if same {
                counts.0 += 1;
                if !why.is_empty() {
                    problems.push(format!(
                        "{} [{config}]: listed as a difference ({why}) but we agree",
                        case.name
                    ));
                }
            } else if !(recorded == "ok" && verdict == Verdict::Warn && !why.is_empty()) {
                problems.push(format!(
                    "{} [{config}]: the target says {recorded} ({said}), we say {verdict:?}: {:?}",
                    case.name,
                    diagnostics
                        .iter()
                        .map(|d| format!("{} {}", d.code, d.message))
                        .collect::<Vec<_>>()
                ));
            }
        }
    }
    for (config, (same, all)) in &agree {
        eprintln!(
            "{config}: our verdict agrees with the recorded one on {same} of {all} fixtures (the rest are documented warnings or hints for what works but misbehaves)"
        );
    }
    for line in summary {
        eprintln!("{line}");
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Every target has fixtures.
    for target in Target::ALL {
        assert!(
            cases.iter().any(|c| c
                .configs
                .iter()
                .any(|x| x.split('@').next() == Some(target.name()))),
            "no fixture for {target}"
        );
    }
}

/// docs/targets.md has a section for every target code, and every code
/// of the range is a target code.
#[test]
fn targets_md_documents_every_rule() {
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/targets.md"),
    )
    .unwrap();
    for code in thrift_semantic::Code::ALL {
        let heading = format!("\n### {}: {}\n", code.as_str(), code.name());
        assert_eq!(
            doc.contains(&heading),
            code.is_target(),
            "docs/targets.md and {code}"
        );
    }
}
