//! `thrift-lint syntax`, run as a user runs it: the real binary, real files.

use std::{path::PathBuf, process::Command};

use expect_test::{Expect, expect};
use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_thrift-lint"))
}

/// A fresh temporary directory for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("thrift-lint-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

struct Output {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(dir: &PathBuf, args: &[&str]) -> Output {
    let out = bin().current_dir(dir).args(args).output().unwrap();
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

#[test]
fn prints_the_tree_of_a_valid_file() {
    let dir = temp_dir("valid");
    std::fs::write(dir.join("a.thrift"), "struct A { 1: i32 x }\n").unwrap();
    check(
        &run(&dir, &["syntax", "a.thrift"]),
        expect![[r#"
            exit 0
            --- stdout
            // a.thrift (dialect: apache)
            SOURCE_FILE@0..22
              STRUCT@0..21
                STRUCT_KW@0..6 "struct"
                WHITESPACE@6..7 " "
                NAME@7..8
                  IDENT@7..8 "A"
                WHITESPACE@8..9 " "
                FIELD_LIST@9..21
                  L_BRACE@9..10 "{"
                  WHITESPACE@10..11 " "
                  FIELD@11..19
                    FIELD_ID@11..13
                      INT_NUMBER@11..12 "1"
                      COLON@12..13 ":"
                    WHITESPACE@13..14 " "
                    BASE_TYPE@14..17
                      I32_KW@14..17 "i32"
                    WHITESPACE@17..18 " "
                    NAME@18..19
                      IDENT@18..19 "x"
                  WHITESPACE@19..20 " "
                  R_BRACE@20..21 "}"
              WHITESPACE@21..22 "\n"
            --- stderr
        "#]],
    );
}

#[test]
fn reports_errors_with_file_line_col_in_characters() {
    let dir = temp_dir("errors");
    // The error is after non-ASCII text: columns count characters, not bytes.
    std::fs::write(
        dir.join("b.thrift"),
        "// héllo 😀\nconst string S = \"é\" $\nstruct B {\n  1: i32 x\n",
    )
    .unwrap();
    let out = run(&dir, &["syntax", "b.thrift"]);
    check(
        &Output {
            stdout: String::new(),
            ..out
        },
        expect![[r#"
            exit 1
            --- stdout
            --- stderr
            b.thrift:2:22: error: unexpected character `$`
            b.thrift:4:11: error: expected `}` to close struct `B` opened at 3:10, found end of file
        "#]],
    );
}

#[test]
fn json_output() {
    let dir = temp_dir("json");
    let text = "enum E { A = 1 }\nstruct\n";
    std::fs::write(dir.join("c.thrift"), text).unwrap();
    let out = run(&dir, &["syntax", "--json", "c.thrift"]);
    assert_eq!(out.code, 1);
    assert_eq!(out.stderr, "");
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "one JSON object per file, one per line");
    let v: Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(v["file"], "c.thrift");
    assert_eq!(v["tree"]["kind"], "SOURCE_FILE");
    assert_eq!(v["tree"]["start"], 0);
    assert_eq!(v["tree"]["end"], text.len());
    // Token texts concatenate to the file.
    fn collect(node: &Value, out: &mut String) {
        if let Some(text) = node.get("text") {
            assert!(node.get("children").is_none());
            out.push_str(text.as_str().unwrap());
        } else {
            for child in node["children"].as_array().unwrap() {
                collect(child, out);
            }
        }
    }
    let mut rebuilt = String::new();
    collect(&v["tree"], &mut rebuilt);
    assert_eq!(rebuilt, text);
    expect![[r#"[{"column":7,"end":23,"line":2,"message":"expected a struct name, found end of file","start":23},{"column":7,"end":23,"line":2,"message":"expected `{`, found end of file","start":23}]"#]]
        .assert_eq(&v["errors"].to_string());
}

#[test]
fn not_utf8_is_a_clear_error_with_exit_2() {
    let dir = temp_dir("binary");
    std::fs::write(dir.join("bin.thrift"), b"struct A {}\n\xff\xfe").unwrap();
    std::fs::write(dir.join("ok.thrift"), "struct A {}\n").unwrap();
    let out = run(&dir, &["syntax", "bin.thrift", "ok.thrift"]);
    assert_eq!(out.code, 2);
    expect![[r#"
        bin.thrift: error: not valid UTF-8 (invalid byte at offset 12); Thrift files must be UTF-8 text
    "#]]
    .assert_eq(&out.stderr);
    // The other file is still processed.
    assert!(
        out.stdout
            .contains("// ok.thrift (dialect: apache)\nSOURCE_FILE@0..12\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn missing_file_and_usage_errors_exit_2() {
    let dir = temp_dir("missing");
    let out = run(&dir, &["syntax", "nope.thrift"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.starts_with("nope.thrift: error: "),
        "{}",
        out.stderr
    );

    let out = run(&dir, &["syntax"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("Usage"), "{}", out.stderr);

    let out = run(&dir, &["frobnicate"]);
    assert_eq!(out.code, 2);

    let out = run(&dir, &["--version"]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.starts_with("thrift-lint "));
}

#[test]
fn syntax_errors_in_one_file_do_not_stop_the_others() {
    let dir = temp_dir("many");
    std::fs::write(dir.join("bad.thrift"), "struct {\n").unwrap();
    std::fs::write(dir.join("good.thrift"), "enum E {}\n").unwrap();
    let out = run(&dir, &["syntax", "--json", "bad.thrift", "good.thrift"]);
    assert_eq!(out.code, 1);
    let files: Vec<Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(files.len(), 2);
    assert!(!files[0]["errors"].as_array().unwrap().is_empty());
    assert!(files[1]["errors"].as_array().unwrap().is_empty());
}

#[test]
fn dialects_are_detected_shown_and_can_be_forced() {
    let dir = temp_dir("dialects");
    std::fs::write(
        dir.join("fb.thrift"),
        "package \"meta.com/x\"\n@Foo\nstruct A {}\n",
    )
    .unwrap();
    let out = run(&dir, &["syntax", "--json", "fb.thrift"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: Value = serde_json::from_str(out.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(v["dialect"], "fbthrift");
    // Forced to Apache: one clear error per construct, naming the setting.
    let out = run(&dir, &["syntax", "--dialect", "apache", "fb.thrift"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.starts_with("// fb.thrift (dialect: apache)\n"),
        "{}",
        out.stdout
    );
    expect![[r#"
        fb.thrift:1:1: error: a `package` declaration is fbthrift syntax, but this file is read as Apache Thrift because the dialect is set to `apache`; for an fbthrift file, set `dialect = "fbthrift"` in thrift-tools.toml, or pass `--dialect fbthrift`
        fb.thrift:2:1: error: a structured annotation (`@Name`) is fbthrift syntax, but this file is read as Apache Thrift because the dialect is set to `apache`; for an fbthrift file, set `dialect = "fbthrift"` in thrift-tools.toml, or pass `--dialect fbthrift`
    "#]]
    .assert_eq(&out.stderr);
}
