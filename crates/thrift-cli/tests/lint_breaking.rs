//! `thrift-lint breaking`, run as a user runs it: against git refs of a
//! temporary repository, a directory and a file.

use std::{
    path::{Path, PathBuf},
    process::Command,
};

use expect_test::{Expect, expect};
use serde_json::Value;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "thrift-breaking-test-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

struct Output {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_thrift-lint"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .arg("breaking")
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

const V1: &[(&str, &str)] = &[
    (
        "idl/user.thrift",
        "include \"common/types.thrift\"\nnamespace java com.example.user\n\nstruct User {\n  1: required i64 id\n  2: string name\n  3: types.Id ref\n  4: optional string email\n}\n\nservice Users {\n  User get(1: i64 id)\n  void ping()\n}\n",
    ),
    ("idl/common/types.thrift", "typedef i32 Id\n"),
    ("idl/old.thrift", "struct Old {}\n"),
];

/// A repository with two commits: V1, then a safe change (a new optional
/// field); the working tree then breaks things.
fn repo(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    git(&dir, &["init", "-q"]);
    write(&dir, V1);
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "v1"]);
    write(
        &dir,
        &[(
            "idl/user.thrift",
            "include \"common/types.thrift\"\nnamespace java com.example.user\n\nstruct User {\n  1: required i64 id\n  2: string name\n  3: types.Id ref\n  4: optional string email\n  5: optional bool admin\n}\n\nservice Users {\n  User get(1: i64 id)\n  void ping()\n}\n",
        )],
    );
    git(
        &dir,
        &["commit", "-q", "-a", "-m", "v2: a new optional field"],
    );
    dir
}

fn break_things(dir: &Path) {
    write(
        dir,
        &[
            (
                "idl/user.thrift",
                "include \"common/types.thrift\"\nnamespace java com.example.user\n\nstruct User {\n  1: required i64 id\n  2: string full_name\n  3: types.Id ref\n  5: optional bool admin\n}\n\nservice Users {\n  User get(1: i64 id)\n}\n",
            ),
            ("idl/common/types.thrift", "typedef i64 Id\n"),
        ],
    );
    std::fs::remove_file(dir.join("idl/old.thrift")).unwrap();
}

#[test]
fn git_refs_end_to_end() {
    let dir = repo("git");
    // HEAD~1 -> HEAD added an optional field: safe in every category.
    let out = run(&dir, &["--against", "HEAD~1"]);
    check(
        &out,
        expect![[r#"
            exit 0
            --- stdout
            --- stderr
            no breaking changes (FILE; 3 files compared against HEAD~1)
        "#]],
    );

    break_things(&dir);
    let status_before = git(&dir, &["status", "--porcelain"]);
    let out = run(&dir, &["--against", "HEAD"]);
    check(
        &out,
        expect![[r#"
            exit 1
            --- stdout
            error[TYPEDEF_SAME_TYPE]: typedef `Id` changed type from `i32` to `i64`
             --> idl/common/types.thrift:1:9  breaks WIRE (and so every stricter category)
              |
            1 | typedef i64 Id
              |         ^^^
            note: was
             --> idl/common/types.thrift:1:9 (in HEAD)
              |
            1 | typedef i32 Id
              |         ^^^

            error[FILE_NO_DELETE]: file `idl/old.thrift` was deleted
             --> idl/old.thrift:1:1 (in HEAD)  breaks FILE

            error[FIELD_NO_DELETE]: field 4 `email` was deleted from struct `User`
             --> idl/user.thrift:4:8  breaks SOURCE (and so every stricter category)
              |
            4 | struct User {
              |        ^^^^
            note: was
             --> idl/user.thrift:8:3 (in HEAD)
              |
            8 |   4: optional string email
              |   ^^^^^^^^^^^^^^^^^^^^^^^^

            error[FIELD_SAME_NAME]: field 2 of struct `User` was renamed from `name` to `full_name`
             --> idl/user.thrift:6:13  breaks WIRE_JSON (and so every stricter category)
              |
            6 |   2: string full_name
              |             ^^^^^^^^^
            note: was
             --> idl/user.thrift:6:13 (in HEAD)
              |
            6 |   2: string name
              |             ^^^^

            error[FUNCTION_NO_DELETE]: function `Users.ping` was deleted
              --> idl/user.thrift:11:9  breaks WIRE (and so every stricter category)
               |
            11 | service Users {
               |         ^^^^^
            note: was
              --> idl/user.thrift:14:3 (in HEAD)
               |
            14 |   void ping()
               |   ^^^^^^^^^^^

            --- stderr
            5 breaking changes (FILE; 3 files compared against HEAD)
        "#]],
    );
    // The working tree is untouched.
    assert_eq!(git(&dir, &["status", "--porcelain"]), status_before);

    // WIRE: the rename and the deletions of files and optional fields are
    // safe; the typedef change is reported at the typedef and at its use.
    let out = run(&dir, &["--against", "HEAD", "--category", "WIRE", "idl"]);
    check(
        &out,
        expect![[r#"
            exit 1
            --- stdout
            error[TYPEDEF_WIRE_COMPATIBLE_TYPE]: typedef `Id` changed type from `i32` to `i64`, which is encoded differently (i32 -> i64)
             --> idl/common/types.thrift:1:9  breaks WIRE (and so every stricter category)
              |
            1 | typedef i64 Id
              |         ^^^
            note: was
             --> idl/common/types.thrift:1:9 (in HEAD)
              |
            1 | typedef i32 Id
              |         ^^^

            error[FIELD_WIRE_COMPATIBLE_TYPE]: field 3 `ref` of struct `User` of type `types.Id` is now encoded differently (i32 -> i64)
             --> idl/user.thrift:7:6  breaks WIRE (and so every stricter category)
              |
            7 |   3: types.Id ref
              |      ^^^^^^^^
            note: was
             --> idl/user.thrift:7:6 (in HEAD)
              |
            7 |   3: types.Id ref
              |      ^^^^^^^^

            error[FUNCTION_NO_DELETE]: function `Users.ping` was deleted
              --> idl/user.thrift:11:9  breaks WIRE (and so every stricter category)
               |
            11 | service Users {
               |         ^^^^^
            note: was
              --> idl/user.thrift:14:3 (in HEAD)
               |
            14 |   void ping()
               |   ^^^^^^^^^^^

            --- stderr
            3 breaking changes (WIRE; 3 files compared against HEAD)
        "#]],
    );

    // From a subdirectory, with GitHub annotations.
    let out = run(
        &dir.join("idl"),
        &["--against", "HEAD", "--format", "github", "user.thrift"],
    );
    check(
        &out,
        expect![[r#"
            exit 1
            --- stdout
            ::error file=user.thrift,line=4,col=8,endLine=4,endColumn=12,title=FIELD_NO_DELETE (breaks SOURCE)::field 4 `email` was deleted from struct `User`%0APreviously at user.thrift:8:3 (in HEAD).
            ::error file=user.thrift,line=6,col=13,endLine=6,endColumn=22,title=FIELD_SAME_NAME (breaks WIRE_JSON)::field 2 of struct `User` was renamed from `name` to `full_name`%0APreviously at user.thrift:6:13 (in HEAD).
            ::error file=user.thrift,line=11,col=9,endLine=11,endColumn=14,title=FUNCTION_NO_DELETE (breaks WIRE)::function `Users.ping` was deleted%0APreviously at user.thrift:14:3 (in HEAD).
            --- stderr
        "#]],
    );

    // SARIF: the shape GitHub code scanning needs.
    let out = run(&dir, &["--against", "HEAD", "--format", "sarif"]);
    assert_eq!(out.code, 1);
    let log: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run0 = &log["runs"][0];
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    // The catalogue, then COMPILE (errors that stop a comparison).
    assert_eq!(rules.len(), thrift_breaking::RULES.len() + 1);
    assert_eq!(rules.last().unwrap()["id"], "COMPILE");
    for rule in rules {
        for key in ["id", "shortDescription", "fullDescription", "help"] {
            assert!(!rule[key].is_null(), "{key} in {rule}");
        }
    }
    let results = run0["results"].as_array().unwrap();
    assert_eq!(results.len(), 5);
    assert_eq!(results[0]["ruleId"], "TYPEDEF_SAME_TYPE");
    assert_eq!(results[0]["properties"]["category"], "WIRE");
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let location = &result["locations"][0]["physicalLocation"];
        assert!(location["artifactLocation"]["uri"].is_string());
        assert!(location["region"]["startLine"].as_u64().unwrap() >= 1);
    }

    // JSON.
    let out = run(&dir, &["--against", "HEAD", "--format", "json"]);
    let findings: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(findings.as_array().unwrap().len(), 5);
    assert_eq!(findings[0]["rule"], "TYPEDEF_SAME_TYPE");
    assert_eq!(findings[0]["start"]["line"], 1);
    // `i32` -> `i64` is reported in FILE by a SOURCE rule, and breaks WIRE.
    assert_eq!(findings[0]["category"], "WIRE");

    // rdjson, for reviewdog: one DiagnosticResult; columns in UTF-8 bytes.
    let out = run(
        &dir.join("idl"),
        &["--against", "HEAD", "--format", "rdjson", "user.thrift"],
    );
    assert_eq!(out.code, 1);
    let result: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(result["source"]["name"], "thrift-lint breaking");
    assert_eq!(result["severity"], "ERROR");
    let diagnostics: String = result["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| format!("{d}\n"))
        .collect();
    expect![[r#"
        {"code":{"url":"https://github.com/thrift-tools/thrift-tools/blob/main/docs/breaking.md#field_no_delete","value":"FIELD_NO_DELETE"},"location":{"path":"user.thrift","range":{"end":{"column":12,"line":4},"start":{"column":8,"line":4}}},"message":"field 4 `email` was deleted from struct `User` (breaks SOURCE)","related_locations":[{"location":{"path":"user.thrift","range":{"end":{"column":27,"line":8},"start":{"column":3,"line":8}}},"message":"previously here (in HEAD)"}],"severity":"ERROR"}
        {"code":{"url":"https://github.com/thrift-tools/thrift-tools/blob/main/docs/breaking.md#field_same_name","value":"FIELD_SAME_NAME"},"location":{"path":"user.thrift","range":{"end":{"column":22,"line":6},"start":{"column":13,"line":6}}},"message":"field 2 of struct `User` was renamed from `name` to `full_name` (breaks WIRE_JSON)","related_locations":[{"location":{"path":"user.thrift","range":{"end":{"column":17,"line":6},"start":{"column":13,"line":6}}},"message":"previously here (in HEAD)"}],"severity":"ERROR"}
        {"code":{"url":"https://github.com/thrift-tools/thrift-tools/blob/main/docs/breaking.md#function_no_delete","value":"FUNCTION_NO_DELETE"},"location":{"path":"user.thrift","range":{"end":{"column":14,"line":11},"start":{"column":9,"line":11}}},"message":"function `Users.ping` was deleted (breaks WIRE)","related_locations":[{"location":{"path":"user.thrift","range":{"end":{"column":14,"line":14},"start":{"column":3,"line":14}}},"message":"previously here (in HEAD)"}],"severity":"ERROR"}
    "#]].assert_eq(&diagnostics);
}

#[test]
fn bad_refs_are_usage_errors() {
    let dir = repo("refs");
    let out = run(&dir, &["--against", "no-such-branch"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("unknown git ref `no-such-branch`"),
        "{}",
        out.stderr
    );
    let out = run(&dir, &["--against", "--upload-pack=touch x"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("may not be empty or start with `-`"),
        "{}",
        out.stderr
    );
    assert!(!dir.join("x").exists());
    let out = run(&dir, &[]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("missing `--against REF`"),
        "{}",
        out.stderr
    );
    let out = run(&dir, &["--against", "HEAD", "--category", "LOUD"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("unknown breaking category `LOUD`"),
        "{}",
        out.stderr
    );
}

#[test]
fn directories_files_and_config() {
    let dir = temp_dir("dirs");
    write(
        &dir,
        &[("old/a.thrift", "struct A {\n  1: i32 x\n  2: string y\n}\n")],
    );
    write(
        &dir,
        &[
            ("new/a.thrift", "struct A {\n  1: i64 x\n}\n"),
            (
                "new/thrift-tools.toml",
                "[breaking]\ncategory = \"WIRE_JSON\"\nagainst = \"../old\"\n",
            ),
        ],
    );
    let new = dir.join("new");
    let out = run(&new, &[]);
    check(
        &out,
        expect![[r#"
            exit 1
            --- stdout
            error[FIELD_WIRE_JSON_COMPATIBLE_TYPE]: field 1 `x` of struct `A` changed type from `i32` to `i64`, which JSON protocols encode differently (i32 -> i64)
             --> a.thrift:2:6  breaks WIRE (and so every stricter category)
              |
            2 |   1: i64 x
              |      ^^^
            note: was
             --> ../old/a.thrift:2:6 (in ../old)
              |
            2 |   1: i32 x
              |      ^^^

            --- stderr
            1 breaking change (WIRE_JSON; 1 file compared against ../old)
        "#]],
    );
    // A single file against a single file, with `except`.
    write(
        &dir,
        &[(
            "new/thrift-tools.toml",
            "[breaking]\nexcept = [\"FIELD_SAME_TYPE\"]\n",
        )],
    );
    let out = run(&new, &["--against", "../old/a.thrift", "a.thrift"]);
    check(
        &out,
        expect![[r#"
            exit 1
            --- stdout
            error[FIELD_NO_DELETE]: field 2 `y` was deleted from struct `A`
             --> a.thrift:1:8  breaks SOURCE (and so every stricter category)
              |
            1 | struct A {
              |        ^
            note: was
             --> ../old/a.thrift:3:3 (in ../old/a.thrift)
              |
            3 |   2: string y
              |   ^^^^^^^^^^^

            --- stderr
            1 breaking change (FILE; 1 file compared against ../old/a.thrift)
        "#]],
    );
    // `ignore` silences a path.
    write(
        &dir,
        &[(
            "new/thrift-tools.toml",
            "[breaking]\nignore = [\"a.thrift\"]\n",
        )],
    );
    let out = run(&new, &["--against", "../old"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    // Unknown rule ids in the config are errors.
    write(
        &dir,
        &[("new/thrift-tools.toml", "[breaking]\nexcept = [\"NOPE\"]\n")],
    );
    let out = run(&new, &["--against", "../old"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("unknown breaking rule `NOPE`"),
        "{}",
        out.stderr
    );
}

#[test]
fn github_annotations_beyond_the_limit_are_summarised() {
    let dir = temp_dir("github");
    let fields: String = (1..=12).map(|i| format!("  {i}: i32 f{i}\n")).collect();
    write(
        &dir,
        &[("old/a.thrift", &format!("struct A {{\n{fields}}}\n"))],
    );
    let changed = fields.replace("i32", "i64");
    write(
        &dir,
        &[("new/a.thrift", &format!("struct A {{\n{changed}}}\n"))],
    );
    let out = run(
        &dir.join("new"),
        &[
            "--against",
            "../old",
            "--format",
            "github",
            "--category",
            "WIRE",
        ],
    );
    assert_eq!(out.code, 1);
    let lines: Vec<&str> = out.stdout.lines().collect();
    let annotations: Vec<&&str> = lines.iter().filter(|l| l.starts_with("::error")).collect();
    assert_eq!(annotations.len(), 10, "{}", out.stdout);
    assert!(
        annotations[9].starts_with("::error title=More breaking changes::3 more breaking changes"),
        "{}",
        annotations[9]
    );
    // The three that were not annotated are in the log, one per line.
    assert_eq!(lines.len(), 13, "{}", out.stdout);
    assert!(lines[12].starts_with("a.thrift:13:7: FIELD_WIRE_COMPATIBLE_TYPE: field 12 `f12`"));
}

#[test]
fn rdjson_columns_are_utf8_bytes() {
    let dir = temp_dir("rdjson");
    write(
        &dir,
        &[
            ("old/a.thrift", "struct A {\n  /* é */ 1: i32 x\n}\n"),
            ("new/a.thrift", "struct A {\n  /* é */ 1: i64 x\n}\n"),
        ],
    );
    let out = run(
        &dir.join("new"),
        &["--against", "../old", "--format", "rdjson"],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let result: Value = serde_json::from_str(&out.stdout).unwrap();
    let range = &result["diagnostics"][0]["location"]["range"];
    // `i64` is at character column 14 but at byte column 15: `é` is two
    // bytes.
    assert_eq!(range["start"], serde_json::json!({"line": 2, "column": 15}));
    assert_eq!(range["end"], serde_json::json!({"line": 2, "column": 18}));
    let json = run(
        &dir.join("new"),
        &["--against", "../old", "--format", "json"],
    );
    let findings: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(findings[0]["start"]["column"], 14);
}

/// A version with a syntax error is not compared (it would read as six
/// deleted fields): the errors are reported, in every format, with exit
/// code 1, as `buf breaking` reports compile errors.
#[test]
fn versions_that_do_not_read_are_not_compared() {
    let dir = temp_dir("unread");
    let fields = "  1: i64 id\n  2: string name\n  3: string email\n  4: i32 age\n  5: bool admin\n  6: list<string> tags\n";
    write(
        &dir,
        &[
            ("old/a.thrift", &format!("struct User {{\n{fields}}}\n")),
            (
                "new/a.thrift",
                "struct User {\n  1 i64 id\n  2: string name\n  3: string email\n  4: i32 age\n  5: bool admin\n  6: list<string> tags\n}\n",
            ),
        ],
    );
    let new = dir.join("new");
    let out = run(&new, &["--against", "../old"]);
    check(
        &out,
        expect![[r#"
            exit 1
            --- stdout
            error[COMPILE]: syntax error: expected `:` after the field id, found `i64`; the new version is incomplete, so nothing was compared
             --> a.thrift:2:4
              |
            2 |   1 i64 id
              |    ^

            --- stderr
            1 error: the versions were not compared (FILE; 1 file against ../old)
        "#]],
    );
    // The same in every format: one COMPILE error, nothing else.
    let out = run(&new, &["--against", "../old", "--format", "json"]);
    assert_eq!(out.code, 1);
    let findings: Value = serde_json::from_str(&out.stdout).unwrap();
    let findings = findings.as_array().unwrap();
    assert_eq!(findings.len(), 1, "{}", out.stdout);
    assert_eq!(findings[0]["rule"], "COMPILE");
    assert_eq!(findings[0]["category"], Value::Null);
    assert_eq!(
        findings[0]["start"],
        serde_json::json!({"line": 2, "column": 4})
    );
    let out = run(&new, &["--against", "../old", "--format", "github"]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stdout,
        "::error file=a.thrift,line=2,col=4,endLine=2,endColumn=4,title=COMPILE::syntax error: expected `:` after the field id, found `i64`; the new version is incomplete, so nothing was compared\n"
    );
    let out = run(&new, &["--against", "../old", "--format", "sarif"]);
    assert_eq!(out.code, 1);
    let log: Value = serde_json::from_str(&out.stdout).unwrap();
    let run0 = &log["runs"][0];
    let results = run0["results"].as_array().unwrap();
    assert_eq!(results.len(), 1);
    assert_eq!(results[0]["ruleId"], "COMPILE");
    let index = results[0]["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(run0["tool"]["driver"]["rules"][index]["id"], "COMPILE");
    let out = run(&new, &["--against", "../old", "--format", "rdjson"]);
    assert_eq!(out.code, 1);
    let result: Value = serde_json::from_str(&out.stdout).unwrap();
    let diagnostics = result["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0]["code"]["value"], "COMPILE");
    assert_eq!(diagnostics[0]["severity"], "ERROR");
    assert_eq!(
        diagnostics[0]["location"]["range"]["start"],
        serde_json::json!({"line": 2, "column": 4})
    );

    // Fixed: compared again.
    write(
        &dir,
        &[("new/a.thrift", &format!("struct User {{\n{fields}}}\n"))],
    );
    let out = run(&new, &["--against", "../old"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
}

/// An include that cannot be found in the old version (a git ref) is an
/// error in the old version; `[breaking] ignore` on the file leaves it out.
#[test]
fn an_unresolved_include_in_the_old_version_is_reported() {
    let dir = temp_dir("unresolved");
    git(&dir, &["init", "-q"]);
    write(
        &dir,
        &[(
            "a.thrift",
            "include \"gone.thrift\"\n\nstruct A {\n  1: gone.T x\n}\n",
        )],
    );
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "v1"]);
    write(&dir, &[("a.thrift", "struct A {\n  1: i32 x\n}\n")]);
    let out = run(&dir, &["--against", "HEAD"]);
    check(
        &out,
        expect![[r#"
            exit 1
            --- stdout
            error[COMPILE]: cannot find included file `gone.thrift`; the old version is incomplete, so nothing was compared
             --> a.thrift:1:9 (in HEAD)
              |
            1 | include "gone.thrift"
              |         ^^^^^^^^^^^^^

            --- stderr
            1 error: the versions were not compared (FILE; 1 file against HEAD)
        "#]],
    );
    write(
        &dir,
        &[("thrift-tools.toml", "[breaking]\nignore = [\"a.thrift\"]\n")],
    );
    let out = run(&dir, &["--against", "HEAD"]);
    check(
        &out,
        expect![[r#"
            exit 0
            --- stdout
            --- stderr
            no breaking changes (FILE; 1 file compared against HEAD)
        "#]],
    );
}

/// A change shows its new line and, under `note: was`, its old line, each
/// underlined at the changed part (tabs expanded, columns in characters).
#[test]
fn changes_show_the_new_and_the_old_line() {
    let dir = temp_dir("snippets");
    write(
        &dir,
        &[
            (
                "old/a.thrift",
                "struct A {\n\t/* é */ 1: optional i32 x\n}\n",
            ),
            (
                "new/a.thrift",
                "// moved down a line\nstruct A {\n\t/* é */ 1: required i32 x\n}\n",
            ),
        ],
    );
    let out = run(&dir.join("new"), &["--against", "../old"]);
    check(
        &out,
        expect![[r#"
            exit 1
            --- stdout
            error[FIELD_NO_BECOME_REQUIRED]: field 1 `x` of struct `A` changed from optional to required
             --> a.thrift:3:13  breaks WIRE (and so every stricter category)
              |
            3 |     /* é */ 1: required i32 x
              |                ^^^^^^^^
            note: was
             --> ../old/a.thrift:2:13 (in ../old)
              |
            2 |     /* é */ 1: optional i32 x
              |                ^^^^^^^^

            --- stderr
            1 breaking change (FILE; 1 file compared against ../old)
        "#]],
    );
}

/// Two directories side by side are the roots of the two versions:
/// `new/x/a.thrift` is compared with `old/x/a.thrift` (it used to look for
/// `old/new/x/a.thrift`, find nothing and pass).
#[test]
fn side_by_side_directories_are_the_roots_of_the_versions() {
    let dir = temp_dir("side-by-side");
    write(
        &dir,
        &[
            (
                "old/x/a.thrift",
                "struct A {\n  1: i32 x\n  2: string y\n}\n",
            ),
            ("new/x/a.thrift", "struct A {\n  1: i32 x\n}\n"),
        ],
    );
    let out = run(&dir, &["--against", "old", "new"]);
    check(
        &out,
        expect![[r#"
            exit 1
            --- stdout
            error[FIELD_NO_DELETE]: field 2 `y` was deleted from struct `A`
             --> new/x/a.thrift:1:8  breaks SOURCE (and so every stricter category)
              |
            1 | struct A {
              |        ^
            note: was
             --> old/x/a.thrift:3:3 (in old)
              |
            3 |   2: string y
              |   ^^^^^^^^^^^

            --- stderr
            1 breaking change (FILE; 1 file compared against old)
        "#]],
    );
    // A new file with no old counterpart, while the old version has
    // files: said on stderr, in every format (JSON stays valid).
    write(&dir, &[("new/y/b.thrift", "struct B {}\n")]);
    let out = run(&dir, &["--against", "old", "new", "--format", "json"]);
    assert_eq!(out.code, 1);
    let json: Value = serde_json::from_str(&out.stdout).unwrap();
    assert!(json.is_array() || json.is_object(), "{json}");
    assert_eq!(
        out.stderr.replace(&format!("{}/", dir.display()), ""),
        "note: new/y/b.thrift: no old counterpart (looked for old/y/b.thrift in the old version); compared as a new file\n"
    );
    // Two PATHs: the current directory is the new root, so `new/x` is
    // looked for as `old/new/x`, which does not exist. Each unmatched file
    // is named, since the old version does have files.
    let out = run(&dir, &["--against", "old", "new/x", "new/y"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let notes: Vec<String> = out
        .stderr
        .replace(&format!("{}/", dir.display()), "")
        .lines()
        .filter(|l| l.starts_with("note: "))
        .map(str::to_string)
        .collect();
    assert_eq!(
        notes,
        [
            "note: new/x/a.thrift: no old counterpart (looked for old/new/x/a.thrift in the old version); compared as a new file",
            "note: new/y/b.thrift: no old counterpart (looked for old/new/y/b.thrift in the old version); compared as a new file",
        ],
        "{}",
        out.stderr
    );
}

/// After a failure (a ref that does not exist, an input that cannot be
/// read) no format says "no breaking changes": each carries the failure,
/// and the exit code is 2.
#[test]
fn failures_reach_every_format() {
    let dir = repo("failures");
    let failures: [(&[&str], Option<&str>, &str); 2] = [
        (&["--against", "no-such-ref"], None, "no-such-ref"),
        (
            &["--against", "HEAD", "idl/nope.thrift"],
            Some("idl/nope.thrift"),
            "no such file or directory",
        ),
    ];
    for (args, file, message) in failures {
        let run_as = |format: &str| {
            let mut all = args.to_vec();
            all.extend(["--format", format]);
            run(&dir, &all)
        };

        let out = run_as("human");
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert_eq!(out.stdout, "");
        assert!(out.stderr.contains(message), "{}", out.stderr);
        assert!(
            !out.stderr.contains("no breaking changes"),
            "{}",
            out.stderr
        );

        let out = run_as("json");
        assert_eq!(out.code, 2, "{args:?}");
        let json: Value = serde_json::from_str(&out.stdout).unwrap();
        let items = json.as_array().unwrap();
        assert_eq!(items.len(), 1, "{}", out.stdout);
        assert_eq!(items[0]["failure"], true);
        assert_eq!(items[0]["severity"], "error");
        assert_eq!(items[0]["file"].as_str(), file);
        assert!(items[0]["message"].as_str().unwrap().contains(message));
        assert!(out.stderr.contains(message), "{}", out.stderr);

        let out = run_as("github");
        assert_eq!(out.code, 2, "{args:?}");
        let expected = match file {
            Some(file) => format!("::error file={file},title=failure::"),
            None => "::error title=failure::".to_string(),
        };
        assert!(out.stdout.starts_with(&expected), "{}", out.stdout);
        assert!(out.stdout.contains(message), "{}", out.stdout);

        let out = run_as("sarif");
        assert_eq!(out.code, 2, "{args:?}");
        let log: Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(log["runs"][0]["results"], Value::Array(vec![]));
        let invocation = &log["runs"][0]["invocations"][0];
        assert_eq!(invocation["executionSuccessful"], false);
        let note = &invocation["toolExecutionNotifications"][0];
        assert_eq!(note["level"], "error");
        assert!(note["message"]["text"].as_str().unwrap().contains(message));
        let uri = note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str();
        assert_eq!(uri, file, "{}", out.stdout);

        let out = run_as("rdjson");
        assert_eq!(out.code, 2, "{args:?}");
        let result: Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(result["severity"], "ERROR");
        let failure = &result["diagnostics"][0];
        assert_eq!(failure["severity"], "ERROR");
        assert_eq!(failure["code"]["value"], "failure");
        assert_eq!(failure["location"]["path"].as_str(), file);
    }
}
