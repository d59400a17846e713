//! The SARIF output of `thrift-lint check` and `thrift-lint breaking`
//! validates against the official SARIF 2.1.0 JSON schema (OASIS, errata
//! 01), vendored in `tests/data/` (see `tests/data/README.md`).

use std::{
    path::{Path, PathBuf},
    process::Command,
};

use serde_json::Value;

mod support;

const SCHEMA: &str = include_str!("data/sarif-schema-2.1.0.json");
const SCHEMA_URL: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

fn temp_project(name: &str, files: &[(&str, &str)]) -> PathBuf {
    support::temp_project("sarif-schema", name, files)
}

/// Runs `thrift-lint ARGS` in `dir`; the exit code and stdout.
fn run(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_thrift-lint"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

/// The vendored schema, compiled with format assertions (`uri`,
/// `uri-reference`, ...) on.
fn compiled() -> (boon::Schemas, boon::SchemaIndex) {
    let schema: Value = serde_json::from_str(SCHEMA).expect("the schema is JSON");
    assert_eq!(schema["id"], SCHEMA_URL, "the vendored schema is errata 01");
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    compiler.add_resource(SCHEMA_URL, schema).unwrap();
    let index = compiler
        .compile(SCHEMA_URL, &mut schemas)
        .unwrap_or_else(|e| panic!("the SARIF schema does not compile: {e:#}"));
    (schemas, index)
}

/// Validates `log` against the schema; panics with every error.
fn assert_valid(log: &Value) {
    let (schemas, index) = compiled();
    if let Err(e) = schemas.validate(log, index) {
        panic!(
            "SARIF output does not validate against the SARIF 2.1.0 schema:\n{e:#}\n\n{}",
            serde_json::to_string_pretty(log).unwrap()
        );
    }
}

/// A way to break a valid log, and what it breaks.
type Breakage = (&'static str, fn(&mut Value));

/// The schema really rejects broken logs (so a pass means something).
#[test]
fn the_schema_rejects_invalid_logs() {
    let dir = temp_project("reject", &[("a.thrift", "struct S {\n  1: Missing m\n}\n")]);
    let (_, out) = run(&dir, &["check", "--format", "sarif", "a.thrift"]);
    let valid: Value = serde_json::from_str(&out).unwrap();
    assert_valid(&valid);

    let (schemas, index) = compiled();
    let breakages: [Breakage; 5] = [
        ("wrong version", |log| log["version"] = "2.0.0".into()),
        ("level", |log| {
            log["runs"][0]["results"][0]["level"] = "fatal".into();
        }),
        ("startLine 0", |log| {
            log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
                0.into();
        }),
        ("a URI with a space (format assertions)", |log| {
            log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
                ["uri"] = "odd dir/a.thrift".into();
        }),
        ("unknown property", |log| {
            log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["lines"] = 1.into();
        }),
    ];
    for (what, breakage) in breakages {
        let mut log = valid.clone();
        breakage(&mut log);
        assert!(
            schemas.validate(&log, index).is_err(),
            "{what}: accepted by the schema"
        );
    }
}

#[test]
fn check_sarif_validates() {
    let dir = temp_project(
        "check",
        &[
            // Errors with related locations, a warning, a hint, non-ASCII
            // text before a range, a range over two lines, a syntax error
            // at the end of a file.
            (
                "idl/main.thrift",
                "include \"common/unused.thrift\"\nstruct S {\n\t1: Missing m\n  1: i32 x\n  string implicit\n}\nstruct S {}\nconst string café = \"😀\" + Bad\nconst i64 big = 9007199254740993\n",
            ),
            ("idl/common/unused.thrift", "typedef i64 Id\n"),
            // A path that needs percent-encoding in a URI.
            ("idl/odd dir/ä, b.thrift", "struct T {\n  1: Nope n\n"),
        ],
    );
    let (code, out) = run(&dir, &["check", "--format", "sarif", "idl"]);
    assert_eq!(code, 1, "{out}");
    let log: Value = serde_json::from_str(&out).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(results.len() >= 6, "{out}");
    for level in ["error", "warning", "note"] {
        assert!(
            results.iter().any(|r| r["level"] == level),
            "no {level} result: {out}"
        );
    }
    assert!(results.iter().any(|r| r["relatedLocations"].is_array()));
    assert_valid(&log);

    // Absolute paths become `file:` URIs.
    let absolute = dir.join("idl/main.thrift");
    let (_, out) = run(
        &dir,
        &["check", "--format", "sarif", absolute.to_str().unwrap()],
    );
    let log: Value = serde_json::from_str(&out).unwrap();
    let uri = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"];
    assert!(uri.as_str().unwrap().starts_with("file:"), "{uri}");
    assert_valid(&log);

    // No results: still a valid log.
    let clean = temp_project("clean", &[("a.thrift", "struct A {\n  1: i32 x\n}\n")]);
    let (code, out) = run(&clean, &["check", "--format", "sarif"]);
    assert_eq!(code, 0);
    assert_valid(&serde_json::from_str(&out).unwrap());
}

#[test]
fn breaking_sarif_validates() {
    let old = "struct User {\n  1: i64 id\n  2: string name\n  3: optional string note = \"café\"\n}\nservice Users {\n  User get(1: i64 id)\n  void ping()\n}\n";
    let new = "struct User {\n  1: i32 id\n  2: string full_name\n}\nservice Users {\n  User get(1: i64 id)\n}\n";
    let dir = temp_project(
        "breaking",
        &[
            ("old/user.thrift", old),
            ("old/gone file.thrift", "struct G {}\n"),
            ("new/user.thrift", new),
        ],
    );
    let new_dir = dir.join("new");
    for category in ["FILE", "WIRE"] {
        let (code, out) = run(
            &new_dir,
            &[
                "breaking",
                "--against",
                "../old",
                "--category",
                category,
                "--format",
                "sarif",
            ],
        );
        assert_eq!(code, 1, "{out}");
        let log: Value = serde_json::from_str(&out).unwrap();
        let results = log["runs"][0]["results"].as_array().unwrap();
        assert!(!results.is_empty(), "{out}");
        assert!(results.iter().any(|r| r["relatedLocations"].is_array()));
        assert_valid(&log);
    }

    // No breaking changes: still a valid log.
    let (code, out) = run(
        &new_dir,
        &["breaking", "--against", ".", "--format", "sarif"],
    );
    assert_eq!(code, 0, "{out}");
    assert_valid(&serde_json::from_str(&out).unwrap());

    // A version with a syntax error: its COMPILE errors, a valid log.
    std::fs::write(
        new_dir.join("user.thrift"),
        "struct User {\n  1 i64 id\n}\n",
    )
    .unwrap();
    let (code, out) = run(
        &new_dir,
        &["breaking", "--against", "../old", "--format", "sarif"],
    );
    assert_eq!(code, 1, "{out}");
    let log: Value = serde_json::from_str(&out).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().all(|r| r["ruleId"] == "COMPILE"), "{out}");
    assert_valid(&log);
}

/// A failed run (a missing input, a broken config, a ref that does not
/// exist) is a valid log that says so: `executionSuccessful: false` and
/// one error notification per failure.
#[test]
fn failed_runs_validate() {
    let dir = temp_project(
        "failed",
        &[
            ("a.thrift", "struct S {\n  1: Missing m\n}\n"),
            ("bad.toml", "include_dirs = 3\n"),
        ],
    );
    let runs: [&[&str]; 3] = [
        &["check", "--format", "sarif", "a.thrift", "nope.thrift"],
        &["check", "--format", "sarif", "--config", "bad.toml"],
        &[
            "breaking",
            "--format",
            "sarif",
            "--against",
            "../no-such-dir",
        ],
    ];
    for args in runs {
        let (code, out) = run(&dir, args);
        assert_eq!(code, 2, "{args:?}: {out}");
        let log: Value = serde_json::from_str(&out).unwrap();
        let invocation = &log["runs"][0]["invocations"][0];
        assert_eq!(invocation["executionSuccessful"], false, "{out}");
        let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
        assert!(notes.iter().all(|n| n["level"] == "error"), "{out}");
        assert_valid(&log);
    }
    // A successful run says so.
    let (_, out) = run(&dir, &["check", "--format", "sarif", "a.thrift"]);
    let log: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        log["runs"][0]["invocations"][0]["executionSuccessful"],
        true
    );
    assert_valid(&log);
}
