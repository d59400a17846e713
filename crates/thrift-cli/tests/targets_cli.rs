//! `thrift-lint check --target/--thrift-version` and `[lint] targets`,
//! run as a user runs them: the target checks (docs/targets.md) go through
//! the same machinery as every other code (levels, allow comments, every
//! output format, exit codes).

use std::{
    path::{Path, PathBuf},
    process::Command,
};

use expect_test::{Expect, expect};
use serde_json::Value;

mod support;

fn temp_project(name: &str, files: &[(&str, &str)]) -> PathBuf {
    support::temp_project("targets", name, files)
}

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_thrift-lint"))
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn check(out: (i32, String, String), expect: Expect) {
    expect.assert_eq(&format!(
        "exit {}\n--- stdout\n{}--- stderr\n{}",
        out.0, out.1, out.2
    ));
}

const PAGE: &str =
    "struct Page {\n  1: i32 next\n  2: bool async\n}\nstruct After {\n  1: i32 x\n}\n";

#[test]
fn without_targets_nothing_changes() {
    let dir = temp_project("none", &[("page.thrift", PAGE)]);
    check(
        run(&dir, &["check", "page.thrift", "--format", "github"]),
        expect![[r#"
            exit 0
            --- stdout
            ::warning file=page.thrift,line=2,col=10,endLine=2,endColumn=14,title=T2005 reserved-word::`next` is on Apache Thrift's old reserved-word list: compilers 0.12-0.17 refuse it for most generators (py refuses only Python keywords, through 0.22), and the PHP generator still refuses PHP's; declare `targets` for exact checks (docs/targets.md)
            ::warning file=page.thrift,line=3,col=11,endLine=3,endColumn=16,title=T2005 reserved-word::`async` is a keyword: Apache Thrift 0.18 and newer take it as a field name, but 0.17 and older reject it
            --- stderr
        "#]],
    );
}

#[test]
fn target_flags() {
    let dir = temp_project("flags", &[("page.thrift", PAGE)]);
    check(
        run(
            &dir,
            &[
                "check",
                "page.thrift",
                "--format",
                "github",
                "--target",
                "thriftpy2,py",
                "--thrift-version",
                "0.17",
            ],
        ),
        expect![[r#"
            exit 1
            --- stdout
            ::warning file=page.thrift,line=2,col=10,endLine=2,endColumn=14,title=T2005 reserved-word::`next` is on Apache Thrift's old reserved-word list: compilers 0.12-0.17 refuse it for most generators (py refuses only Python keywords, through 0.22), and the PHP generator still refuses PHP's; declare `targets` for exact checks (docs/targets.md)
            ::error file=page.thrift,line=2,col=10,endLine=2,endColumn=14,title=T3001 thriftpy2-reserved-word::thriftpy2 refuses `next`: it is a reserved word of its lexer (`ThriftLexerError: Cannot use reserved language keyword: 'next'`), wherever it appears
            ::warning file=page.thrift,line=3,col=11,endLine=3,endColumn=16,title=T2005 reserved-word::`async` is a keyword: Apache Thrift 0.18 and newer take it as a field name, but 0.17 and older reject it
            ::error file=page.thrift,line=3,col=11,endLine=3,endColumn=16,title=T3002 thriftpy2-drops-definition::thriftpy2 cannot build a constructor for `Page` with the Python keyword `async` as an argument: it swallows the SyntaxError, `Page` gets no constructor and the next definition of the file is silently dropped (thriftpy2#279)
            ::error file=page.thrift,line=3,col=11,endLine=3,endColumn=16,title=T3106 apache-keyword-name::Apache 0.17 (py) refuses `async` as a field name: it is a keyword of its parser (a syntax error; 0.18 and newer take keywords as field names)
            --- stderr
        "#]],
    );
    // The newest compiler by default: py takes `async` as a name, but the
    // generated Python is invalid.
    let (code, stdout, _) = run(
        &dir,
        &["check", "page.thrift", "--format", "json", "--target", "py"],
    );
    assert_eq!(code, 1);
    let json: Value = serde_json::from_str(&stdout).unwrap();
    let codes: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["T2005", "T2005", "T3101"]);
}

#[test]
fn bad_flags_are_usage_errors() {
    let dir = temp_project("bad", &[("page.thrift", PAGE)]);
    check(
        run(&dir, &["check", "page.thrift", "--target", "python"]),
        expect![[r#"
            exit 2
            --- stdout
            --- stderr
            error: unknown target `python`: the targets are thriftpy2, py, go, java, thriftgo
        "#]],
    );
    let (code, _, stderr) = run(
        &dir,
        &[
            "check",
            "page.thrift",
            "--target",
            "py",
            "--thrift-version",
            "2.0",
        ],
    );
    assert_eq!(code, 2);
    assert!(
        stderr.contains("unknown Apache Thrift version `2.0`"),
        "{stderr}"
    );
}

#[test]
fn config_targets_levels_and_allow_comments() {
    let dir = temp_project(
        "config",
        &[
            (
                "thrift-tools.toml",
                "[lint]\ntargets = [\"thriftpy2\"]\nreserved-word = \"off\"\nthriftpy2-drops-definition = \"warning\"\n",
            ),
            (
                "page.thrift",
                "struct Page {\n  1: i32 next // thrift-lint: allow(thriftpy2-reserved-word)\n  2: bool async\n  3: i32 end\n}\n",
            ),
        ],
    );
    check(
        run(&dir, &["check", "page.thrift", "--format", "github"]),
        expect![[r#"
            exit 1
            --- stdout
            ::warning file=page.thrift,line=3,col=11,endLine=3,endColumn=16,title=T3002 thriftpy2-drops-definition::thriftpy2 cannot build a constructor for `Page` with the Python keyword `async` as an argument: it swallows the SyntaxError, `Page` gets no constructor and the next definition of the file is silently dropped (thriftpy2#279)
            ::error file=page.thrift,line=4,col=10,endLine=4,endColumn=13,title=T3001 thriftpy2-reserved-word::thriftpy2 refuses `end`: it is a reserved word of its lexer (`ThriftLexerError: Cannot use reserved language keyword: 'end'`), wherever it appears
            --- stderr
        "#]],
    );
    // --target replaces the config's targets.
    let (_, stdout, _) = run(
        &dir,
        &["check", "page.thrift", "--format", "json", "--target", "go"],
    );
    let json: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 0, "{stdout}");
    // SARIF carries the code and its help link.
    let (_, stdout, _) = run(&dir, &["check", "page.thrift", "--format", "sarif"]);
    let sarif: Value = serde_json::from_str(&stdout).unwrap();
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"].to_string();
    assert!(
        rules.contains("T3001") && rules.contains("#t3001-thriftpy2-reserved-word"),
        "{rules}"
    );
}

#[test]
fn unknown_config_target_is_a_config_error() {
    let dir = temp_project(
        "badconfig",
        &[
            ("thrift-tools.toml", "[lint]\ntargets = [\"cobol\"]\n"),
            ("page.thrift", PAGE),
        ],
    );
    let (code, _, stderr) = run(&dir, &["check", "page.thrift"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("thrift-tools.toml") && stderr.contains("unknown target `cobol`"),
        "{stderr}"
    );
}
