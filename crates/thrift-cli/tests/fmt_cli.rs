//! `thrift-fmt`, run as a user runs it: the real binary on real files.

use std::{
    io::Write,
    path::{Path, PathBuf},
    process::{Command, Stdio},
    time::{Duration, SystemTime},
};

use expect_test::{Expect, expect};

mod support;

/// A fresh temporary project with the given files.
fn temp_project(name: &str, files: &[(&str, &str)]) -> PathBuf {
    support::temp_project("fmt", name, files)
}

fn write(dir: &Path, path: &str, text: &str) {
    let path = dir.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn read(dir: &Path, path: &str) -> String {
    std::fs::read_to_string(dir.join(path)).unwrap()
}

struct Output {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(dir: &Path, args: &[&str]) -> Output {
    run_with_stdin(dir, args, None)
}

fn run_with_stdin(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_thrift-fmt"))
        .current_dir(dir)
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        // A usage error exits before reading stdin: a broken pipe is fine.
        match child.stdin.take().unwrap().write_all(input) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
            other => other.unwrap(),
        }
    }
    let out = child.wait_with_output().unwrap();
    // Temporary paths (in config errors) are shown as `$DIR`.
    let clean = |bytes: Vec<u8>| {
        let mut s = String::from_utf8(bytes).unwrap();
        if let Ok(real) = dir.canonicalize() {
            s = s.replace(&real.display().to_string(), "$DIR");
        }
        s.replace(&dir.display().to_string(), "$DIR")
    };
    Output {
        code: out.status.code().unwrap(),
        stdout: clean(out.stdout),
        stderr: clean(out.stderr),
    }
}

fn check(out: &Output, expect: Expect) {
    expect.assert_eq(&format!(
        "exit {}\n--- stdout\n{}--- stderr\n{}",
        out.code, out.stdout, out.stderr
    ));
}

const MESSY: &str = "struct  User{1:required i64 id,2: optional string name = \"x\"}\n";
const FORMATTED: &str =
    "struct User {\n  1: required i64 id,\n  2: optional string name = \"x\"\n}\n";

/// Sets a file's modification time far into the past, so that a rewrite
/// (even one with the same content) is visible.
fn age(path: &Path) -> SystemTime {
    let old = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(old)
        .unwrap();
    std::fs::metadata(path).unwrap().modified().unwrap()
}

fn modified(path: &Path) -> SystemTime {
    std::fs::metadata(path).unwrap().modified().unwrap()
}

#[test]
fn formats_in_place_and_rewrites_only_files_that_change() {
    let dir = temp_project(
        "in-place",
        &[("messy.thrift", MESSY), ("clean.thrift", FORMATTED)],
    );
    let clean_time = age(&dir.join("clean.thrift"));
    let messy_time = age(&dir.join("messy.thrift"));
    check(
        &run(&dir, &[]),
        expect![[r#"
            exit 0
            --- stdout
            --- stderr
        "#]],
    );
    assert_eq!(read(&dir, "messy.thrift"), FORMATTED);
    assert_ne!(modified(&dir.join("messy.thrift")), messy_time);
    // The file that was already formatted was not written at all.
    assert_eq!(read(&dir, "clean.thrift"), FORMATTED);
    assert_eq!(modified(&dir.join("clean.thrift")), clean_time);

    // A second run changes nothing.
    let messy_time = age(&dir.join("messy.thrift"));
    assert_eq!(run(&dir, &["messy.thrift", "clean.thrift"]).code, 0);
    assert_eq!(modified(&dir.join("messy.thrift")), messy_time);
}

/// Files are rewritten in place (not truncated first): the result must be
/// exactly the output whether it is shorter or longer than the input.
#[test]
fn in_place_writes_leave_exactly_the_output_when_it_shrinks_or_grows() {
    let long = format!(
        "struct    A    {{    1:    i32    x    }}{}\n",
        " ".repeat(5000)
    );
    let dir = temp_project(
        "shrink-grow",
        &[
            ("shrinks.thrift", &long),
            ("grows.thrift", "struct A{1:i32 x}\n"),
            ("same.thrift", "struct A {\n1: i32 x\n}\n"),
        ],
    );
    assert_eq!(run(&dir, &[]).code, 0);
    let formatted = "struct A {\n  1: i32 x\n}\n";
    for file in ["shrinks.thrift", "grows.thrift", "same.thrift"] {
        assert_eq!(read(&dir, file), formatted, "{file}");
    }
}

#[test]
fn check_lists_the_files_that_would_change() {
    let dir = temp_project(
        "check",
        &[
            ("a.thrift", MESSY),
            ("b.thrift", FORMATTED),
            ("sub/c.thrift", "enum E {A,B}"),
        ],
    );
    check(
        &run(&dir, &["--check"]),
        expect![[r#"
            exit 1
            --- stdout
            Would reformat: a.thrift
            Would reformat: sub/c.thrift
            --- stderr
            2 files would be reformatted
        "#]],
    );
    // Nothing was written.
    assert_eq!(read(&dir, "a.thrift"), MESSY);
    assert_eq!(read(&dir, "sub/c.thrift"), "enum E {A,B}");

    check(
        &run(&dir, &["--check", "a.thrift"]),
        expect![[r#"
            exit 1
            --- stdout
            Would reformat: a.thrift
            --- stderr
            1 file would be reformatted
        "#]],
    );
    check(
        &run(&dir, &["--check", "b.thrift"]),
        expect![[r#"
            exit 0
            --- stdout
            --- stderr
        "#]],
    );
    // Once formatted, the whole project is clean.
    assert_eq!(run(&dir, &[]).code, 0);
    check(
        &run(&dir, &["--check"]),
        expect![[r#"
            exit 0
            --- stdout
            --- stderr
        "#]],
    );
}

#[test]
fn diff_prints_a_unified_diff_and_exits_1() {
    let dir = temp_project(
        "diff",
        &[
            (
                "a.thrift",
                "namespace py example\nstruct A {\n  1: i32 a\n  2:i32   b\n  3: i32 c\n  4: i32 d\n  5: i32 e\n  6: i32 f\n  7: i32 g\n  8: i32 h\n  9: i32 i\n}\nenum   E {X}\n",
            ),
            ("b.thrift", FORMATTED),
        ],
    );
    check(
        &run(&dir, &["--diff"]),
        expect![[r#"
            exit 1
            --- stdout
            --- a/a.thrift
            +++ b/a.thrift
            @@ -1,7 +1,7 @@
             namespace py example
             struct A {
               1: i32 a
            -  2:i32   b
            +  2: i32 b
               3: i32 c
               4: i32 d
               5: i32 e
            @@ -10,4 +10,6 @@
               8: i32 h
               9: i32 i
             }
            -enum   E {X}
            +enum E {
            +  X
            +}
            --- stderr
            1 file would be reformatted
        "#]],
    );
    assert!(read(&dir, "a.thrift").contains("2:i32   b"));
    check(
        &run(&dir, &["--diff", "b.thrift"]),
        expect![[r#"
            exit 0
            --- stdout
            --- stderr
        "#]],
    );
}

#[test]
fn stdin_is_formatted_to_stdout() {
    let dir = temp_project(
        "stdin",
        &[
            // Not used for `-` without --stdin-filepath.
            ("thrift-tools.toml", "[format]\nindent = 8\n"),
            ("sub/thrift-tools.toml", "[format]\nindent = 4\n"),
        ],
    );
    check(
        &run_with_stdin(&dir, &["-"], Some(MESSY.as_bytes())),
        expect![[r#"
            exit 0
            --- stdout
            struct User {
              1: required i64 id,
              2: optional string name = "x"
            }
            --- stderr
        "#]],
    );
    // The path picks the config (from its directory; the file need not
    // exist) and names the input in messages.
    check(
        &run_with_stdin(
            &dir,
            &["--stdin-filepath", "sub/new.thrift"],
            Some(MESSY.as_bytes()),
        ),
        expect![[r#"
            exit 0
            --- stdout
            struct User {
                1: required i64 id,
                2: optional string name = "x"
            }
            --- stderr
        "#]],
    );
    check(
        &run_with_stdin(
            &dir,
            &["--check", "--stdin-filepath", "sub/new.thrift"],
            Some(MESSY.as_bytes()),
        ),
        expect![[r#"
            exit 1
            --- stdout
            Would reformat: sub/new.thrift
            --- stderr
        "#]],
    );
    check(
        &run_with_stdin(&dir, &["--check", "-"], Some(FORMATTED.as_bytes())),
        expect![[r#"
            exit 0
            --- stdout
            --- stderr
        "#]],
    );
    check(
        &run_with_stdin(&dir, &["--diff", "-"], Some(MESSY.as_bytes())),
        expect![[r#"
            exit 1
            --- stdout
            --- a/<stdin>
            +++ b/<stdin>
            @@ -1 +1,4 @@
            -struct  User{1:required i64 id,2: optional string name = "x"}
            +struct User {
            +  1: required i64 id,
            +  2: optional string name = "x"
            +}
            --- stderr
        "#]],
    );
    // stdin and paths do not mix.
    let out = run_with_stdin(&dir, &["-", "a.thrift"], Some(MESSY.as_bytes()));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("do not pass other paths"),
        "{}",
        out.stderr
    );
}

#[test]
fn stdin_with_syntax_errors_exits_2_and_echoes_the_input() {
    let dir = temp_project("stdin-errors", &[]);
    let input = "struct  A{1:i32 x}\nstruct B {\n  1: i32 $ y\n}\n";
    check(
        &run_with_stdin(
            &dir,
            &["--stdin-filepath", "idl/b.thrift"],
            Some(input.as_bytes()),
        ),
        expect![[r#"
            exit 2
            --- stdout
            struct  A{1:i32 x}
            struct B {
              1: i32 $ y
            }
            --- stderr
            idl/b.thrift:3:10: error: unexpected character `$`
            idl/b.thrift: not formatted because of syntax errors (use --force to format the rest)
        "#]],
    );
    check(
        &run_with_stdin(&dir, &["--check", "-"], Some(input.as_bytes())),
        expect![[r#"
            exit 2
            --- stdout
            --- stderr
            <stdin>:3:10: error: unexpected character `$`
            <stdin>: not formatted because of syntax errors (use --force to format the rest)
        "#]],
    );
    check(
        &run_with_stdin(&dir, &["--force", "-"], Some(input.as_bytes())),
        expect![[r#"
            exit 0
            --- stdout
            struct A {
              1: i32 x
            }
            struct B {
              1: i32 $ y
            }
            --- stderr
        "#]],
    );
}

const BROKEN: &str =
    "struct  A{1:i32 x}\nstruct   Broken {\n  1:i32 $ y\n      2: i32 z\n}\nenum   E{X,Y}\n";

#[test]
fn syntax_errors_leave_the_file_untouched_and_exit_2() {
    let dir = temp_project("syntax", &[("broken.thrift", BROKEN), ("ok.thrift", MESSY)]);
    check(
        &run(&dir, &[]),
        expect![[r#"
            exit 2
            --- stdout
            --- stderr
            broken.thrift:3:9: error: unexpected character `$`
            broken.thrift: not formatted because of syntax errors (use --force to format the rest)
        "#]],
    );
    assert_eq!(read(&dir, "broken.thrift"), BROKEN);
    // The other files are still formatted.
    assert_eq!(read(&dir, "ok.thrift"), FORMATTED);

    check(
        &run(&dir, &["--check", "broken.thrift"]),
        expect![[r#"
            exit 2
            --- stdout
            --- stderr
            broken.thrift:3:9: error: unexpected character `$`
            broken.thrift: not formatted because of syntax errors (use --force to format the rest)
        "#]],
    );
}

#[test]
fn force_formats_the_rest_and_keeps_the_broken_definition_verbatim() {
    let dir = temp_project("force", &[("broken.thrift", BROKEN)]);
    check(
        &run(&dir, &["--force", "--check"]),
        expect![[r#"
            exit 1
            --- stdout
            Would reformat: broken.thrift
            --- stderr
            1 file would be reformatted
        "#]],
    );
    check(
        &run(&dir, &["--force"]),
        expect![[r#"
            exit 0
            --- stdout
            --- stderr
        "#]],
    );
    expect![[r#"
        struct A {
          1: i32 x
        }
        struct   Broken {
          1:i32 $ y
              2: i32 z
        }
        enum E {
          X,
          Y
        }
    "#]]
    .assert_eq(&read(&dir, "broken.thrift"));
    // And again: nothing more to do.
    assert_eq!(run(&dir, &["--force", "--check"]).code, 0);
}

#[test]
fn directories_honour_gitignore_exclude_and_hidden_dirs() {
    let dir = temp_project(
        "walk",
        &[
            (
                "thrift-tools.toml",
                "exclude = [\"gen/**\", \"**/*_pb.thrift\"]\n",
            ),
            (".gitignore", "build/\n*.tmp.thrift\n"),
            ("idl/a.thrift", MESSY),
            ("idl/nested/deep/b.thrift", MESSY),
            ("idl/nested/.gitignore", "skip.thrift\n"),
            ("idl/nested/skip.thrift", MESSY),
            ("idl/c_pb.thrift", MESSY),
            ("idl/x.tmp.thrift", MESSY),
            ("idl/notes.txt", MESSY),
            ("idl/.cache/k.thrift", MESSY),
            ("gen/g.thrift", MESSY),
            ("build/out.thrift", MESSY),
            (".hidden/h.thrift", MESSY),
        ],
    );
    check(
        &run(&dir, &["--check"]),
        expect![[r#"
            exit 1
            --- stdout
            Would reformat: idl/a.thrift
            Would reformat: idl/nested/deep/b.thrift
            --- stderr
            2 files would be reformatted
        "#]],
    );
    check(
        &run(&dir, &["--check", "idl"]),
        expect![[r#"
            exit 1
            --- stdout
            Would reformat: idl/a.thrift
            Would reformat: idl/nested/deep/b.thrift
            --- stderr
            2 files would be reformatted
        "#]],
    );
    // From a subdirectory, the config and the ignore files above still apply.
    check(
        &run(&dir.join("idl"), &["--check"]),
        expect![[r#"
            exit 1
            --- stdout
            Would reformat: a.thrift
            Would reformat: nested/deep/b.thrift
            --- stderr
            2 files would be reformatted
        "#]],
    );
    assert_eq!(run(&dir, &[]).code, 0);
    assert_eq!(read(&dir, "idl/a.thrift"), FORMATTED);
    assert_eq!(read(&dir, "idl/nested/deep/b.thrift"), FORMATTED);
    for skipped in [
        "idl/nested/skip.thrift",
        "idl/c_pb.thrift",
        "idl/x.tmp.thrift",
        "idl/notes.txt",
        "idl/.cache/k.thrift",
        "gen/g.thrift",
        "build/out.thrift",
        ".hidden/h.thrift",
    ] {
        assert_eq!(read(&dir, skipped), MESSY, "{skipped} was changed");
    }
    // A file named on the command line is formatted even if excluded.
    check(
        &run(&dir, &["--check", "gen/g.thrift", "build/out.thrift"]),
        expect![[r#"
            exit 1
            --- stdout
            Would reformat: gen/g.thrift
            Would reformat: build/out.thrift
            --- stderr
            2 files would be reformatted
        "#]],
    );
}

#[test]
fn format_options_come_from_the_nearest_config() {
    let input = "struct User {\n  1: required i64 id // the id\n  2: optional string name = 'x';\n  10: list<string> tags\n}\nenum Color { RED = 1; GREEN_ISH = 2 }\nservice S {\n  void ping()\n}\n";
    let dir = temp_project(
        "options",
        &[
            (
                "thrift-tools.toml",
                "[format]\nindent = 4\nseparator = \"comma\"\nalign_fields = true\n",
            ),
            ("a.thrift", input),
            (
                "legacy/thrift-tools.toml",
                "[format]\nindent = \"tab\"\nseparator = \"none\"\nquote_style = \"double\"\n",
            ),
            ("legacy/b.thrift", input),
        ],
    );
    assert_eq!(run(&dir, &[]).code, 0);
    expect![[r#"
        struct User {
            1:  required i64          id, // the id
            2:  optional string       name = 'x',
            10:          list<string> tags,
        }
        enum Color {
            RED       = 1,
            GREEN_ISH = 2,
        }
        service S {
            void ping(),
        }
    "#]]
    .assert_eq(&read(&dir, "a.thrift"));
    expect![[r#"
        struct User {
        	1: required i64 id // the id
        	2: optional string name = "x"
        	10: list<string> tags
        }
        enum Color {
        	RED = 1
        	GREEN_ISH = 2
        }
        service S {
        	void ping()
        }
    "#]]
    .assert_eq(&read(&dir, "legacy/b.thrift"));

    // --config overrides the nearest config, for every file.
    write(&dir, "other.toml", "[format]\nquote_style = \"single\"\n");
    write(&dir, "c.thrift", "const string S = \"s\"\n");
    write(&dir, "legacy/d.thrift", "const string S = \"s\"\n");
    check(
        &run(
            &dir,
            &[
                "--config",
                "other.toml",
                "--diff",
                "c.thrift",
                "legacy/d.thrift",
            ],
        ),
        expect![[r#"
            exit 1
            --- stdout
            --- a/c.thrift
            +++ b/c.thrift
            @@ -1 +1 @@
            -const string S = "s"
            +const string S = 's'
            --- a/legacy/d.thrift
            +++ b/legacy/d.thrift
            @@ -1 +1 @@
            -const string S = "s"
            +const string S = 's'
            --- stderr
            2 files would be reformatted
        "#]],
    );
}

/// One run over many directories: each file gets the nearest config above
/// it (a nested one overrides, it is not merged), whatever order the
/// files come in, and its `exclude` applies only below it.
#[test]
fn each_directory_gets_its_own_config_in_one_run() {
    const INPUT: &str = "struct A { 1: i32 x }\n";
    let files = [
        (
            "thrift-tools.toml",
            "exclude = [\"**/gen_*.thrift\"]\n[format]\nindent = 4\n",
        ),
        ("x.thrift", INPUT),
        ("gen_x.thrift", INPUT),
        ("a/thrift-tools.toml", "[format]\nindent = \"tab\"\n"),
        ("a/x.thrift", INPUT),
        ("a/gen_x.thrift", INPUT),
        ("a/b/x.thrift", INPUT),
        ("a/b/c/thrift-tools.toml", "[format]\nindent = 3\n"),
        ("a/b/c/x.thrift", INPUT),
        ("a/b/c/d/x.thrift", INPUT),
        ("d/x.thrift", INPUT),
        ("d/gen_x.thrift", INPUT),
        (
            "e/thrift-tools.toml",
            "exclude = [\"old/**\"]\n[format]\nindent = 8\n",
        ),
        ("e/x.thrift", INPUT),
        ("e/old/x.thrift", INPUT),
        ("e/gen_x.thrift", INPUT),
        ("f/thrift-tools.toml", "[format]\nindent = 0\n"),
        ("f/x.thrift", INPUT),
    ];
    let dir = temp_project("per-dir", &files);
    let formatted = |indent: &str| format!("struct A {{\n{indent}1: i32 x\n}}\n");
    let expected = [
        ("x.thrift", formatted("    ")),
        ("gen_x.thrift", INPUT.to_string()),
        ("a/x.thrift", formatted("\t")),
        ("a/gen_x.thrift", formatted("\t")),
        ("a/b/x.thrift", formatted("\t")),
        ("a/b/c/x.thrift", formatted("   ")),
        ("a/b/c/d/x.thrift", formatted("   ")),
        ("d/x.thrift", formatted("    ")),
        ("d/gen_x.thrift", INPUT.to_string()),
        ("e/x.thrift", formatted("        ")),
        ("e/old/x.thrift", INPUT.to_string()),
        ("e/gen_x.thrift", formatted("        ")),
        ("f/x.thrift", INPUT.to_string()),
    ];
    let assert_files = |expected: &[(&str, String)]| {
        for (path, text) in expected {
            assert_eq!(&read(&dir, path), text, "{path}");
        }
    };
    // A directory walk (the files come sorted, deepest last).
    check(
        &run(&dir, &[]),
        expect![[r#"
            exit 2
            --- stdout
            --- stderr
            error: $DIR/f/thrift-tools.toml: `format.indent` must be at least 1, or "tab"
        "#]],
    );
    assert_files(&expected);

    // Files named on the command line, deepest first then interleaved
    // (`exclude` is for walks only: the named files are formatted).
    for (path, text) in &files {
        write(&dir, path, text);
    }
    check(
        &run(
            &dir,
            &[
                "a/b/c/d/x.thrift",
                "e/old/x.thrift",
                "a/b/x.thrift",
                "f/x.thrift",
                "x.thrift",
                "a/b/c/x.thrift",
                "d/gen_x.thrift",
                "e/x.thrift",
                "./a/x.thrift",
                "d/x.thrift",
            ],
        ),
        expect![[r#"
            exit 2
            --- stdout
            --- stderr
            error: $DIR/f/thrift-tools.toml: `format.indent` must be at least 1, or "tab"
        "#]],
    );
    assert_files(&[
        ("a/b/c/d/x.thrift", formatted("   ")),
        ("e/old/x.thrift", formatted("        ")),
        ("a/b/x.thrift", formatted("\t")),
        ("f/x.thrift", INPUT.to_string()),
        ("x.thrift", formatted("    ")),
        ("a/b/c/x.thrift", formatted("   ")),
        ("d/gen_x.thrift", formatted("    ")),
        ("e/x.thrift", formatted("        ")),
        ("a/x.thrift", formatted("\t")),
        ("d/x.thrift", formatted("    ")),
        ("gen_x.thrift", INPUT.to_string()),
        ("a/gen_x.thrift", INPUT.to_string()),
    ]);

    // From a subdirectory, with directories and files mixed.
    for (path, text) in &files {
        write(&dir, path, text);
    }
    check(
        &run(
            &dir.join("a"),
            &["--check", "b/c", "../e", "x.thrift", "../d"],
        ),
        expect![[r#"
            exit 1
            --- stdout
            Would reformat: b/c/d/x.thrift
            Would reformat: b/c/x.thrift
            Would reformat: ../e/gen_x.thrift
            Would reformat: ../e/x.thrift
            Would reformat: x.thrift
            Would reformat: ../d/x.thrift
            --- stderr
            6 files would be reformatted
        "#]],
    );
}

#[test]
fn bad_configs_exit_2() {
    let dir = temp_project(
        "bad-config",
        &[
            ("a.thrift", MESSY),
            ("thrift-tools.toml", "[format]\nindent = 0\n"),
        ],
    );
    check(
        &run(&dir, &["a.thrift"]),
        expect![[r#"
            exit 2
            --- stdout
            --- stderr
            error: $DIR/thrift-tools.toml: `format.indent` must be at least 1, or "tab"
        "#]],
    );
    assert_eq!(read(&dir, "a.thrift"), MESSY);

    write(&dir, "thrift-tools.toml", "[format]\nline_widht = 80\n");
    let out = run(&dir, &["--check", "a.thrift"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("line_widht"), "{}", out.stderr);

    // The same through --stdin-filepath (and stdout gets nothing).
    let out = run_with_stdin(
        &dir,
        &["--stdin-filepath", "a.thrift"],
        Some(MESSY.as_bytes()),
    );
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert!(out.stderr.contains("line_widht"), "{}", out.stderr);

    // A --config that does not exist.
    let out = run(&dir, &["--config", "nope.toml", "a.thrift"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.starts_with("error: nope.toml: "),
        "{}",
        out.stderr
    );
    assert_eq!(read(&dir, "a.thrift"), MESSY);
}

#[test]
fn unreadable_and_missing_files_exit_2_but_the_rest_is_formatted() {
    let dir = temp_project("not-utf8", &[("ok.thrift", MESSY)]);
    std::fs::write(dir.join("latin1.thrift"), b"struct A {}\n// caf\xe9\n").unwrap();
    check(
        &run(&dir, &["latin1.thrift", "nope.thrift", "ok.thrift"]),
        expect![[r#"
            exit 2
            --- stdout
            --- stderr
            nope.thrift: error: no such file or directory
            latin1.thrift: error: not valid UTF-8 (invalid byte at offset 18); Thrift files must be UTF-8 text
        "#]],
    );
    assert_eq!(read(&dir, "ok.thrift"), FORMATTED);
    assert_eq!(
        std::fs::read(dir.join("latin1.thrift")).unwrap(),
        b"struct A {}\n// caf\xe9\n"
    );
}

#[test]
fn usage_errors_exit_2() {
    let dir = temp_project("usage", &[]);
    let out = run(&dir, &["--frobnicate"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("--frobnicate"), "{}", out.stderr);
    assert_eq!(run(&dir, &["--help"]).code, 0);
}

#[test]
fn print_comments_shows_where_each_comment_is_attached() {
    let dir = temp_project("comments", &[]);
    let input = "// file\nstruct A { // brace\n  // leading\n  1: i32 x, // trailing\n  2: i32 /* inside */ y\n  // dangling\n}\n";
    check(
        &run_with_stdin(&dir, &["--print-comments", "-"], Some(input.as_bytes())),
        expect![[r#"
            exit 0
            --- stdout
            1:1 leading STRUCT: // file
            2:12 dangling FIELD_LIST: // brace
            3:3 leading FIELD: // leading
            4:13 trailing FIELD: // trailing
            5:10 dangling FIELD: /* inside */
            6:3 dangling FIELD_LIST: // dangling
            --- stderr
        "#]],
    );
}

/// An invalid value anywhere in the config (here `[breaking]`) is an
/// error for `thrift-fmt` too, and nothing is written.
#[test]
fn invalid_config_values_fail_fmt() {
    let dir = temp_project(
        "bad-value",
        &[
            ("thrift-tools.toml", "[breaking]\ncategory = \"WIRES\"\n"),
            ("a.thrift", MESSY),
        ],
    );
    let out = run(&dir, &[]);
    assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stderr.contains("unknown breaking category `WIRES`"),
        "{}",
        out.stderr
    );
    assert_eq!(read(&dir, "a.thrift"), MESSY);
}

/// In a git repository: an ignored folder is skipped, a named ignored
/// file is formatted, a directory with no `.thrift` file is a warning.
#[test]
fn git_ignored_folders_are_skipped() {
    let dir = temp_project(
        "git-walk",
        &[
            (".gitignore", "ignored/\n"),
            ("a.thrift", MESSY),
            ("ignored/i.thrift", MESSY),
            ("docs/readme.md", "x\n"),
        ],
    );
    let git = Command::new("git")
        .current_dir(&dir)
        .args(["init", "-q"])
        .status();
    assert!(git.is_ok_and(|s| s.success()));
    let out = run(&dir, &["--check", ".", "docs"]);
    assert_eq!(out.stdout, "Would reformat: a.thrift\n");
    assert!(
        out.stderr.contains("warning: docs: no `.thrift` file"),
        "{}",
        out.stderr
    );
    let out = run(&dir, &["--check", "ignored/i.thrift"]);
    assert_eq!(out.stdout, "Would reformat: ignored/i.thrift\n");
}
