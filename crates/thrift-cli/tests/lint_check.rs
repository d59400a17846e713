//! `thrift-lint check`, run as a user runs it.

use std::{
    path::{Path, PathBuf},
    process::Command,
};

use expect_test::{Expect, expect};
use serde_json::Value;

mod support;

fn temp_project(name: &str, files: &[(&str, &str)]) -> PathBuf {
    support::temp_project("check", name, files)
}

struct Output {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_thrift-lint"))
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .unwrap();
    Output {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn check(out: &Output, expect: Expect) {
    expect.assert_eq(&format!(
        "exit {}\n--- stdout\n{}--- stderr\n{}",
        out.code, out.stdout, out.stderr
    ));
}

const PROJECT: &[(&str, &str)] = &[
    (
        "idl/main.thrift",
        "include \"common/shared.thrift\"\ninclude \"lib.thrift\"\nstruct User {\n  1: shared.Id id\n  2: lib.Missing m\n  string implicit\n}\n",
    ),
    ("idl/common/shared.thrift", "typedef i64 Id\n"),
    ("third_party/lib.thrift", "struct L {}\n"),
];

#[test]
fn human_output_with_include_dirs() {
    let dir = temp_project("human", PROJECT);
    check(
        &run(&dir, &["check", "idl/main.thrift", "-I", "third_party"]),
        expect![[r#"
            exit 1
            --- stdout
            error[T1010]: type `lib.Missing` is not defined
             --> idl/main.thrift:5:6
              |
            5 |   2: lib.Missing m
              |      ^^^^^^^^^^^

            warning[T1032]: field `implicit` has no id; the compiler assigns -1, which breaks compatibility when fields are added
             --> idl/main.thrift:6:10
              |
            6 |   string implicit
              |          ^^^^^^^^

            --- stderr
            1 error, 1 warning (1 file checked)
        "#]],
    );
    // Without -I, the include is unresolved: an error, since `lib.` names
    // refer into it, and those names are not reported again.
    let out = run(&dir, &["check", "idl/main.thrift", "--format", "json"]);
    assert_eq!(out.code, 1);
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    let codes: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["T1001", "T1032"]);
    assert_eq!(v[0]["severity"], "error");
}

#[test]
fn config_include_dirs_and_lint_levels() {
    let mut files = PROJECT.to_vec();
    files.push((
        "thrift-tools.toml",
        "include_dirs = [\"third_party\"]\n[lint]\nmissing-field-id = \"off\"\nT1010 = \"warning\"\n",
    ));
    let dir = temp_project("config", &files);
    let out = run(&dir, &["check", "idl", "--format", "github"]);
    check(
        &out,
        expect![[r#"
            exit 0
            --- stdout
            ::warning file=idl/main.thrift,line=5,col=6,endLine=5,endColumn=17,title=T1010 unresolved-type::type `lib.Missing` is not defined
            --- stderr
        "#]],
    );
    let out = run(
        &dir,
        &["check", "idl", "--deny-warnings", "--format", "sarif"],
    );
    assert_eq!(out.code, 1);
    let sarif: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 1);
}

#[test]
fn clean_files_exit_0_and_directories_are_walked() {
    let dir = temp_project(
        "clean",
        &[
            ("a/x.thrift", "struct X { 1: i32 a }\n"),
            ("a/b/y.thrift", "enum Y { A }\n"),
            ("a/.hidden/z.thrift", "bad"),
        ],
    );
    check(
        &run(&dir, &["check"]),
        expect![[r#"
            exit 0
            --- stdout
            --- stderr
            no problems (2 files checked)
        "#]],
    );
}

#[test]
fn missing_files_and_bad_configs_exit_2_but_the_rest_is_checked() {
    let dir = temp_project("missing", &[("ok.thrift", "struct A { 1: Nope x }\n")]);
    let out = run(
        &dir,
        &["check", "ok.thrift", "nope.thrift", "--format", "json"],
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("nope.thrift: error: "),
        "{}",
        out.stderr
    );
    assert!(out.stdout.contains("T1010"), "{}", out.stdout);

    let dir = temp_project(
        "badconfig",
        &[
            ("ok.thrift", "struct A {}\n"),
            ("thrift-tools.toml", "[lint]\nT9999 = \"off\"\n"),
        ],
    );
    let out = run(&dir, &["check"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("unknown diagnostic code `T9999`"),
        "{}",
        out.stderr
    );

    let dir = temp_project(
        "badtoml",
        &[
            ("ok.thrift", "struct A {}\n"),
            ("thrift-tools.toml", "include_dirs = 3\n"),
        ],
    );
    let out = run(&dir, &["check"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("thrift-tools.toml"), "{}", out.stderr);

    let out = run(&dir, &["check", "--format", "xml"]);
    assert_eq!(out.code, 2);
}

/// One run over many directories: each file's `[lint]` levels come from
/// the nearest config above it (a nested one overrides, it is not
/// merged), and a bad config is reported once however many files it
/// covers.
#[test]
fn each_directory_gets_its_own_config_in_one_run() {
    const FILE: &str = "struct S { string implicit }\n";
    let dir = temp_project(
        "per-dir",
        &[
            ("thrift-tools.toml", "[lint]\nmissing-field-id = \"off\"\n"),
            ("x.thrift", FILE),
            ("a/thrift-tools.toml", "[lint]\nT1032 = \"error\"\n"),
            ("a/b/c/x.thrift", FILE),
            ("a/x.thrift", FILE),
            ("c/x.thrift", FILE),
            ("d/thrift-tools.toml", "[lint]\nT1032 = \"hint\"\n"),
            ("d/x.thrift", FILE),
            ("e/thrift-tools.toml", "include_dirs = 3\n"),
            ("e/x.thrift", FILE),
            ("e/f/y.thrift", FILE),
        ],
    );
    let out = run(&dir, &["check", "--format", "github"]);
    let stderr = out.stderr.replace(&dir.display().to_string(), "$DIR");
    let stdout = out.stdout.replace(&dir.display().to_string(), "$DIR");
    // The broken config is an annotation too, before the findings.
    check(
        &Output {
            stderr,
            stdout,
            ..out
        },
        expect![[r#"
            exit 2
            --- stdout
            ::error file=$DIR/e/thrift-tools.toml,title=failure::TOML parse error at line 1, column 16%0A  |%0A1 | include_dirs = 3%0A  |                ^%0Ainvalid type: integer `3`, expected a sequence
            ::error file=a/b/c/x.thrift,line=1,col=19,endLine=1,endColumn=27,title=T1032 missing-field-id::field `implicit` has no id; the compiler assigns -1, which breaks compatibility when fields are added
            ::error file=a/x.thrift,line=1,col=19,endLine=1,endColumn=27,title=T1032 missing-field-id::field `implicit` has no id; the compiler assigns -1, which breaks compatibility when fields are added
            ::notice file=d/x.thrift,line=1,col=19,endLine=1,endColumn=27,title=T1032 missing-field-id::field `implicit` has no id; the compiler assigns -1, which breaks compatibility when fields are added
            ::warning file=e/f/y.thrift,line=1,col=19,endLine=1,endColumn=27,title=T1032 missing-field-id::field `implicit` has no id; the compiler assigns -1, which breaks compatibility when fields are added
            ::warning file=e/x.thrift,line=1,col=19,endLine=1,endColumn=27,title=T1032 missing-field-id::field `implicit` has no id; the compiler assigns -1, which breaks compatibility when fields are added
            --- stderr
            error: $DIR/e/thrift-tools.toml: TOML parse error at line 1, column 16
              |
            1 | include_dirs = 3
              |                ^
            invalid type: integer `3`, expected a sequence
        "#]],
    );
}

#[test]
fn an_error_in_an_included_file_fails_the_includer() {
    let dir = temp_project(
        "included-error",
        &[
            (
                "idl/main.thrift",
                "include \"shared.thrift\"\nstruct User {\n  1: shared.Id id\n}\n",
            ),
            (
                "idl/shared.thrift",
                "typedef i64 Id\nstruct Audit {\n  1: Timestamp at = 0\n}\n",
            ),
        ],
    );
    check(
        &run(&dir, &["check", "idl/main.thrift"]),
        expect![[r#"
            exit 1
            --- stdout
            error[T1006]: `shared.thrift` has an error, so the compiler rejects this file too: type `Timestamp` is not defined
             --> idl/main.thrift:1:9
              |
            1 | include "shared.thrift"
              |         ^^^^^^^^^^^^^^^
            note: error[T1010]: type `Timestamp` is not defined
             --> idl/shared.thrift:3:6
              |
            3 |   1: Timestamp at = 0
              |      ^^^^^^^^^

            --- stderr
            1 error (1 file checked)
        "#]],
    );
    let out = run(&dir, &["check", "idl/main.thrift", "--format", "sarif"]);
    assert_eq!(out.code, 1);
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    let result = &v["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "T1006");
    let related = &result["relatedLocations"][0]["physicalLocation"];
    assert_eq!(related["artifactLocation"]["uri"], "idl/shared.thrift");
    assert_eq!(related["region"]["startLine"], 3);
}

/// The project walk, as `check` uses it: in a git repository an ignored
/// folder, `.ignore`, `exclude` and the default skips are left out; an
/// ignored file named on the command line is checked; problems with the
/// paths, `-I` and `exclude` are warnings.
#[test]
fn the_walk_honours_ignore_files_and_warns() {
    let bad = "struct S { implicit: i32 }\n";
    let dir = temp_project(
        "walk",
        &[
            (
                "thrift-tools.toml",
                "exclude = [\"gen/**\", \"nothing/**\"]\n",
            ),
            (".gitignore", "ignored/\n"),
            (".ignore", "local/\n"),
            ("ok.thrift", "struct A {}\n"),
            ("ignored/i.thrift", bad),
            ("local/l.thrift", bad),
            ("gen/g.thrift", bad),
            ("node_modules/n.thrift", bad),
            ("build/b.thrift", bad),
            ("docs/readme.md", "no idl here\n"),
        ],
    );
    let git = Command::new("git")
        .current_dir(&dir)
        .args(["init", "-q"])
        .status();
    assert!(git.is_ok_and(|s| s.success()));
    let out = run(&dir, &["check"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert_eq!(
        out.stderr,
        format!(
            "warning: {}/thrift-tools.toml: `exclude` pattern `nothing/**` matches no `.thrift` file\nno problems (1 file checked)\n",
            dir.display()
        )
    );
    // Named, an ignored file is checked.
    let out = run(&dir, &["check", "ignored/i.thrift"]);
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.contains("ignored/i.thrift:1:12"),
        "{}",
        out.stdout
    );
    // A path without `.thrift` files and a missing `-I` directory.
    let out = run(&dir, &["check", "-I", "no-such-dir", "docs", "ok.thrift"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stderr
            .contains("warning: docs: no `.thrift` file to read here"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("warning: include directory `no-such-dir` (-I) does not exist"),
        "{}",
        out.stderr
    );
}

/// An invalid config value is an error in `check` (exit 2, no "no
/// problems"), not only in `breaking`.
#[test]
fn invalid_config_values_fail_check() {
    let dir = temp_project(
        "bad-value",
        &[
            ("thrift-tools.toml", "[breaking]\ncategory = \"WIRES\"\n"),
            ("a.thrift", "struct A {}\n"),
        ],
    );
    let out = run(&dir, &["check"]);
    assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stderr.contains("unknown breaking category `WIRES`"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("no problems"), "{}", out.stderr);
}

/// After a failure (an input that cannot be read, a broken config) no
/// format says "nothing found": each carries the failure, and the exit
/// code is 2.
#[test]
fn failures_reach_every_format() {
    let dir = temp_project(
        "failures",
        &[
            ("ok.thrift", "struct A {\n  1: i32 x\n}\n"),
            ("bad.toml", "include_dirs = 3\n"),
        ],
    );
    let failures: [&[&str]; 2] = [
        &["check", "ok.thrift", "nope.thrift"],
        &["check", "--config", "bad.toml", "ok.thrift"],
    ];
    for args in failures {
        let what = |format: &str| format!("{args:?} --format {format}");
        let run_as = |format: &str| {
            let mut all = args.to_vec();
            all.extend(["--format", format]);
            run(&dir, &all)
        };
        let (file, message) = if args.contains(&"nope.thrift") {
            ("nope.thrift", "no such file or directory")
        } else {
            ("bad.toml", "TOML parse error")
        };

        let out = run_as("human");
        assert_eq!(out.code, 2, "{}", what("human"));
        assert_eq!(out.stdout, "", "{}", what("human"));
        assert!(
            out.stderr.contains(message),
            "{}: {}",
            what("human"),
            out.stderr
        );
        assert!(!out.stderr.contains("no problems"), "{}", what("human"));

        let out = run_as("json");
        assert_eq!(out.code, 2, "{}", what("json"));
        let json: Value = serde_json::from_str(&out.stdout).unwrap();
        let items = json.as_array().unwrap();
        let failure = items.last().unwrap();
        assert_eq!(failure["failure"], true, "{}", out.stdout);
        assert_eq!(failure["severity"], "error");
        assert!(failure["file"].as_str().unwrap().ends_with(file));
        assert!(failure["message"].as_str().unwrap().contains(message));
        assert!(out.stderr.contains(message), "{}", what("json"));

        let out = run_as("github");
        assert_eq!(out.code, 2, "{}", what("github"));
        let first = out.stdout.lines().next().unwrap();
        assert!(first.starts_with("::error file="), "{first}");
        assert!(
            first.contains(&format!("{file},title=failure::")),
            "{first}"
        );

        let out = run_as("sarif");
        assert_eq!(out.code, 2, "{}", what("sarif"));
        let log: Value = serde_json::from_str(&out.stdout).unwrap();
        let invocation = &log["runs"][0]["invocations"][0];
        assert_eq!(invocation["executionSuccessful"], false);
        let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
        assert_eq!(notes.len(), 1, "{}", out.stdout);
        assert_eq!(notes[0]["level"], "error");
        assert!(
            notes[0]["message"]["text"]
                .as_str()
                .unwrap()
                .contains(message)
        );
        let uri = &notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
        assert!(uri.as_str().unwrap().ends_with(file), "{uri}");

        let out = run_as("rdjson");
        assert_eq!(out.code, 2, "{}", what("rdjson"));
        let result: Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(result["severity"], "ERROR");
        let failure = result["diagnostics"].as_array().unwrap().last().unwrap();
        assert_eq!(failure["severity"], "ERROR");
        assert_eq!(failure["code"]["value"], "failure");
        assert!(
            failure["location"]["path"]
                .as_str()
                .unwrap()
                .ends_with(file)
        );
    }
}

/// GitHub shows 10 annotations: the first 9 findings, then one that counts
/// and lists the rest (which the log also shows, one per line).
#[test]
fn github_annotations_are_capped() {
    let fields: String = (1..=12).map(|i| format!("  i32 f{i}\n")).collect();
    let dir = temp_project(
        "github-cap",
        &[("a.thrift", &format!("struct A {{\n{fields}}}\n"))],
    );
    let out = run(&dir, &["check", "--format", "github"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    let annotations: Vec<&&str> = lines.iter().filter(|l| l.starts_with("::")).collect();
    assert_eq!(annotations.len(), 10, "{}", out.stdout);
    assert!(
        annotations[9].starts_with(
            "::warning title=More problems::3 more problems (GitHub shows only 10 annotations):%0Aa.thrift:11:7: T1032: field `f10`"
        ),
        "{}",
        annotations[9]
    );
    assert_eq!(lines.len(), 13, "{}", out.stdout);
    assert!(lines[12].starts_with("a.thrift:13:7: T1032: field `f12` has no id"));
}
