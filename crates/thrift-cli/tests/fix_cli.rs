//! `thrift-lint check --fix`, `--diff` and `--fix-only`, run as a user runs
//! them, in scratch directories.

use std::{
    io::Write,
    path::{Path, PathBuf},
    process::{Command, Stdio},
};

use expect_test::expect;

mod support;

fn temp_project(name: &str, files: &[(&str, &str)]) -> PathBuf {
    support::temp_project("fix", name, files)
}

fn run_with_stdin(dir: &Path, args: &[&str], stdin: Option<&str>) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_thrift-lint"))
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    let out = child.wait_with_output().unwrap();
    format!(
        "exit {}\n--- stdout\n{}--- stderr\n{}",
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap()
    )
}

fn run(dir: &Path, args: &[&str]) -> String {
    run_with_stdin(dir, args, None)
}

fn read(dir: &Path, path: &str) -> String {
    std::fs::read_to_string(dir.join(path)).unwrap()
}

const MAIN: &str = "include \"unused.thrift\"\ninclude \"kept.thrift\" // why\nstruct S {\n  1: shared.Id id\n  i32 implicit\n}\nenum E { A, B = 3, C }\n";

fn project(name: &str) -> PathBuf {
    temp_project(
        name,
        &[
            ("idl/main.thrift", MAIN),
            ("idl/unused.thrift", "struct U {}\n"),
            ("idl/kept.thrift", "struct K {}\n"),
            ("idl/common/shared.thrift", "typedef i64 Id\n"),
        ],
    )
}

#[test]
fn fix_applies_the_safe_fixes_and_a_second_fix_changes_nothing() {
    let dir = project("safe");
    let out = run(&dir, &["check", "--fix", "idl"]);
    expect![[r#"
        exit 0
        --- stdout
        warning[T1003]: `kept.thrift` is included but nothing from it is used (no `kept.` reference)
         --> idl/main.thrift:1:9
          |
        1 | include "kept.thrift" // why
          |         ^^^^^^^^^^^^^

        warning[T1032]: field `implicit` has no id; the compiler assigns -1, which breaks compatibility when fields are added
         --> idl/main.thrift:5:7
          |
        5 |   i32 implicit
          |       ^^^^^^^^

        --- stderr
        fixed 2 problems in 1 file
        idl/main.thrift:1:9: not fixed: the unused include has a comment; remove it by hand
        2 warnings (4 files checked)
    "#]].assert_eq(&out);
    expect![[r#"
        include "kept.thrift" // why
        include "common/shared.thrift"
        struct S {
          1: shared.Id id
          i32 implicit
        }
        enum E { A, B = 3, C }
    "#]]
    .assert_eq(&read(&dir, "idl/main.thrift"));
    // The fixed codes are gone for good.
    let again = run(&dir, &["check", "idl"]);
    assert!(
        !again.contains("T1011") && !again.contains("unused.thrift"),
        "{again}"
    );
    // Idempotent: nothing left to fix, nothing written.
    let before = read(&dir, "idl/main.thrift");
    let second = run(&dir, &["check", "--fix", "idl"]);
    assert!(second.contains("fixed 0 problems in 0 files"), "{second}");
    assert_eq!(read(&dir, "idl/main.thrift"), before);
}

#[test]
fn diff_shows_the_fixes_and_writes_nothing() {
    let dir = project("diff");
    let out = run(&dir, &["check", "--diff", "idl"]);
    expect![[r#"
        exit 0
        --- stdout
        --- a/idl/main.thrift
        +++ b/idl/main.thrift
        @@ -1,5 +1,5 @@
        -include "unused.thrift"
         include "kept.thrift" // why
        +include "common/shared.thrift"
         struct S {
           1: shared.Id id
           i32 implicit
        --- stderr
        warning[T1003]: `kept.thrift` is included but nothing from it is used (no `kept.` reference)
         --> idl/main.thrift:1:9
          |
        1 | include "kept.thrift" // why
          |         ^^^^^^^^^^^^^

        warning[T1032]: field `implicit` has no id; the compiler assigns -1, which breaks compatibility when fields are added
         --> idl/main.thrift:5:7
          |
        5 |   i32 implicit
          |       ^^^^^^^^

        would fix 2 problems in 1 file
        idl/main.thrift:1:9: not fixed: the unused include has a comment; remove it by hand
        2 warnings (4 files checked)
    "#]].assert_eq(&out);
    assert_eq!(read(&dir, "idl/main.thrift"), MAIN);
}

#[test]
fn fix_only_applies_the_opt_in_fixes_it_names() {
    let dir = project("only");
    let out = run(
        &dir,
        &[
            "check",
            "--fix-only",
            "T1032,implicit-enum-value",
            "idl/main.thrift",
        ],
    );
    expect![[r#"
        exit 1
        --- stdout
        warning[T1003]: `unused.thrift` is included but nothing from it is used (no `unused.` reference)
         --> idl/main.thrift:1:9
          |
        1 | include "unused.thrift"
          |         ^^^^^^^^^^^^^^^

        warning[T1003]: `kept.thrift` is included but nothing from it is used (no `kept.` reference)
         --> idl/main.thrift:2:9
          |
        2 | include "kept.thrift" // why
          |         ^^^^^^^^^^^^^

        error[T1011]: `shared.Id`: no included file is named `shared` (add `include "shared.thrift"`)
         --> idl/main.thrift:4:6
          |
        4 |   1: shared.Id id
          |      ^^^^^^^^^

        warning[T1033]: field id -1 of `implicit` is not positive; the compiler ignores it and assigns -1
         --> idl/main.thrift:5:3
          |
        5 |   -1: i32 implicit
          |   ^^^

        --- stderr
        fixed 3 problems in 1 file
        1 error, 3 warnings (1 file checked)
    "#]].assert_eq(&out);
    expect![[r#"
        include "unused.thrift"
        include "kept.thrift" // why
        struct S {
          1: shared.Id id
          -1: i32 implicit
        }
        enum E { A = 0, B = 3, C = 4 }
    "#]]
    .assert_eq(&read(&dir, "idl/main.thrift"));
    let again = run(&dir, &["check", "idl/main.thrift"]);
    assert!(!again.contains("T1032"), "{again}");
    // Repeated, and by name; a second run changes nothing.
    let second = run(
        &dir,
        &[
            "check",
            "--fix-only=missing-field-id",
            "--fix-only=implicit-enum-value",
            "idl/main.thrift",
        ],
    );
    assert!(second.contains("fixed 0 problems in 0 files"), "{second}");
    // What has no fix is refused.
    let refused = run(&dir, &["check", "--fix-only=T1030", "idl/main.thrift"]);
    expect![[r#"
        exit 2
        --- stdout
        --- stderr
        error: --fix-only: `T1030` has no fix; fixes exist for T1003 (unused-include), T1011 (unknown-include-prefix), T1032 (missing-field-id), implicit-enum-value
    "#]].assert_eq(&refused);
}

#[test]
fn no_include_is_added_when_several_files_qualify() {
    let dir = temp_project(
        "several",
        &[
            ("main.thrift", "struct S {\n  1: shared.Id id\n}\n"),
            ("a/shared.thrift", "typedef i64 Id\n"),
            ("b/shared.thrift", "typedef i32 Id\n"),
        ],
    );
    let out = run(&dir, &["check", "--fix", "."]);
    expect![[r#"
        exit 1
        --- stdout
        error[T1011]: `shared.Id`: no included file is named `shared` (add `include "shared.thrift"`)
         --> main.thrift:2:6
          |
        2 |   1: shared.Id id
          |      ^^^^^^^^^

        --- stderr
        fixed 0 problems in 0 files
        main.thrift:2:6: not fixed: 2 files named `shared.thrift` define `Id` (a/shared.thrift, b/shared.thrift); add the include by hand
        1 error (3 files checked)
    "#]].assert_eq(&out);
    assert_eq!(
        read(&dir, "main.thrift"),
        "struct S {\n  1: shared.Id id\n}\n"
    );
}

#[test]
fn a_file_with_syntax_errors_is_left_alone() {
    let text = "include \"unused.thrift\"\nstruct S {\n  1: i32 a\n";
    let dir = temp_project(
        "syntax",
        &[("main.thrift", text), ("unused.thrift", "struct U {}\n")],
    );
    let out = run(&dir, &["check", "--fix", "main.thrift"]);
    expect![[r#"
        exit 1
        --- stdout
        warning[T1003]: `unused.thrift` is included but nothing from it is used (no `unused.` reference)
         --> main.thrift:1:9
          |
        1 | include "unused.thrift"
          |         ^^^^^^^^^^^^^^^

        error[T0001]: expected `}` to close struct `S` opened at 2:10, found end of file
         --> main.thrift:3:11
          |
        3 |   1: i32 a
          |           ^

        --- stderr
        fixed 0 problems in 0 files
        main.thrift: not fixed: the file has syntax errors
        1 error, 1 warning (1 file checked)
    "#]].assert_eq(&out);
    assert_eq!(read(&dir, "main.thrift"), text);
}

#[test]
fn stdin_prints_the_fixed_text() {
    let dir = project("stdin");
    let out = run_with_stdin(
        &dir,
        &["check", "--fix", "--stdin-filepath", "idl/main.thrift"],
        Some(MAIN),
    );
    expect![[r#"
        exit 1
        --- stdout
        include "kept.thrift" // why
        struct S {
          1: shared.Id id
          i32 implicit
        }
        enum E { A, B = 3, C }
        --- stderr
        warning[T1003]: `kept.thrift` is included but nothing from it is used (no `kept.` reference)
         --> idl/main.thrift:1:9
          |
        1 | include "kept.thrift" // why
          |         ^^^^^^^^^^^^^

        error[T1011]: `shared.Id`: no included file is named `shared` (add `include "shared.thrift"`)
         --> idl/main.thrift:3:6
          |
        3 |   1: shared.Id id
          |      ^^^^^^^^^

        warning[T1032]: field `implicit` has no id; the compiler assigns -1, which breaks compatibility when fields are added
         --> idl/main.thrift:4:7
          |
        4 |   i32 implicit
          |       ^^^^^^^^

        fixed 1 problem in 1 file
        idl/main.thrift:1:9: not fixed: the unused include has a comment; remove it by hand
        1 error, 2 warnings (1 file checked)
    "#]].assert_eq(&out);
    assert_eq!(read(&dir, "idl/main.thrift"), MAIN);
}

#[test]
fn machine_formats_carry_the_remaining_findings() {
    let dir = project("json");
    let out = run(&dir, &["check", "--fix", "--format", "json", "idl"]);
    expect![[r#"
        exit 0
        --- stdout
        [
          {"code":"T1003","end":{"column":22,"line":1},"file":"idl/main.thrift","message":"`kept.thrift` is included but nothing from it is used (no `kept.` reference)","name":"unused-include","range":{"end":21,"start":8},"related":[],"severity":"warning","start":{"column":9,"line":1}},
          {"code":"T1032","end":{"column":15,"line":5},"file":"idl/main.thrift","message":"field `implicit` has no id; the compiler assigns -1, which breaks compatibility when fields are added","name":"missing-field-id","range":{"end":103,"start":95},"related":[],"severity":"warning","start":{"column":7,"line":5}}
        ]
        --- stderr
    "#]].assert_eq(&out);
}

/// After a config error nothing is written: the file would be fixed with
/// the wrong settings. The run fails (exit 2) and says so.
#[test]
fn nothing_is_fixed_when_the_run_fails() {
    let dir = project("failed");
    std::fs::write(
        dir.join("idl/thrift-tools.toml"),
        "[lint]\nbogus = \"off\"\n",
    )
    .unwrap();
    let out = run(&dir, &["check", "--fix", "idl"]);
    assert!(out.starts_with("exit 2\n"), "{out}");
    assert!(out.contains("nothing was fixed: the run failed"), "{out}");
    assert_eq!(read(&dir, "idl/main.thrift"), MAIN);
    let _ = std::fs::remove_dir_all(&dir);
}
