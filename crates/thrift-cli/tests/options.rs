//! The options every tool shares, run as a user runs them: stdin with
//! `--stdin-filepath`, `--color`, `-q`, `-v`, shell completions and
//! `--config KEY=VALUE`.

use std::{
    io::Write,
    path::{Path, PathBuf},
    process::{Command, Stdio},
};

use serde_json::Value;

mod support;

fn temp_project(name: &str, files: &[(&str, &str)]) -> PathBuf {
    support::temp_project("options", name, files)
}

#[derive(Debug)]
struct Output {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `bin` in `dir` with a clean colour environment plus `env`.
fn run(bin: &str, dir: &Path, args: &[&str], stdin: Option<&[u8]>, env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(bin);
    command
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("FORCE_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        command.env(k, v);
    }
    let mut child = command.spawn().unwrap();
    if let Some(input) = stdin {
        // A usage error exits before reading stdin: a broken pipe is fine.
        let _ = child.stdin.take().unwrap().write_all(input);
    }
    let out = child.wait_with_output().unwrap();
    Output {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn lint(dir: &Path, args: &[&str]) -> Output {
    run(env!("CARGO_BIN_EXE_thrift-lint"), dir, args, None, &[])
}

fn lint_stdin(dir: &Path, args: &[&str], stdin: &str) -> Output {
    run(
        env!("CARGO_BIN_EXE_thrift-lint"),
        dir,
        args,
        Some(stdin.as_bytes()),
        &[],
    )
}

fn fmt(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    run(
        env!("CARGO_BIN_EXE_thrift-fmt"),
        dir,
        args,
        stdin.map(str::as_bytes),
        &[],
    )
}

/// A project whose `idl/` has its own config (T1032, a field without an
/// id, is off there) and includes a file next to it.
const PROJECT: &[(&str, &str)] = &[
    ("idl/thrift-tools.toml", "[lint]\nT1032 = \"off\"\n"),
    ("idl/common.thrift", "struct Id {\n  1: i64 value\n}\n"),
];

/// Stdin for `idl/new.thrift`: an include next to it, an undefined type,
/// a field without an id.
const NEW: &str = "include \"common.thrift\"\nstruct User {\n  1: common.Id id\n  2: common.Nope n\n  string implicit\n}\n";

#[test]
fn check_reads_stdin_as_the_named_file() {
    let dir = temp_project("stdin", PROJECT);
    for flag in ["--stdin-filepath", "--stdin-filename"] {
        let out = lint_stdin(&dir, &["check", "-", flag, "idl/new.thrift"], NEW);
        assert_eq!(out.code, 1, "{out:?}");
        // The name is the given path; `common.thrift` resolves next to it
        // (so `common.Id` is defined); idl/'s config turns T1032 off.
        assert!(
            out.stdout.contains(" --> idl/new.thrift:4:6"),
            "{}",
            out.stdout
        );
        assert!(out.stdout.contains("`common.Nope`"), "{}", out.stdout);
        assert!(!out.stdout.contains("common.Id"), "{}", out.stdout);
        assert!(!out.stdout.contains("T1032"), "{}", out.stdout);
        assert_eq!(out.stderr, "1 error (1 file checked)\n");
    }
    // Without `-`: --stdin-filepath alone reads stdin too.
    let out = lint_stdin(
        &dir,
        &[
            "check",
            "--stdin-filepath",
            "idl/new.thrift",
            "--format",
            "json",
        ],
        NEW,
    );
    assert_eq!(out.code, 1, "{out:?}");
    let json: Value = serde_json::from_str(&out.stdout).unwrap();
    let text = json.to_string();
    assert!(text.contains("\"idl/new.thrift\""), "{text}");
    assert!(!text.contains("T1032"), "{text}");
    // Every format names the file.
    for format in ["github", "sarif", "rdjson"] {
        let out = lint_stdin(
            &dir,
            &[
                "check",
                "--stdin-filepath",
                "idl/new.thrift",
                "--format",
                format,
            ],
            NEW,
        );
        assert_eq!(out.code, 1, "{format}: {out:?}");
        assert!(out.stdout.contains("idl/new.thrift"), "{format}: {out:?}");
    }
    // Nothing was written.
    assert!(!dir.join("idl/new.thrift").exists());
}

#[test]
fn check_stdin_without_a_name_and_its_errors() {
    let dir = temp_project("stdin-plain", PROJECT);
    let out = lint_stdin(&dir, &["check", "-"], "struct S {\n  string s\n}\n");
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stdout.contains(" --> <stdin>:2:10"), "{}", out.stdout);
    // stdin and paths do not mix.
    let out = lint_stdin(&dir, &["check", "-", "idl"], NEW);
    assert_eq!(out.code, 2, "{out:?}");
    assert_eq!(
        out.stderr,
        "error: `-` or --stdin-filepath checks stdin; do not pass other paths\n"
    );
    // Not UTF-8: the error names the file, and no summary follows.
    let out = run(
        env!("CARGO_BIN_EXE_thrift-lint"),
        &dir,
        &["check", "--stdin-filepath", "idl/x.thrift"],
        Some(b"struct S {}\n\xff"),
        &[],
    );
    assert_eq!(out.code, 2, "{out:?}");
    assert_eq!(
        out.stderr,
        "idl/x.thrift: error: not valid UTF-8 (invalid byte at offset 12); Thrift files must be UTF-8 text\n"
    );
    // Syntax errors have their position under the given name.
    let out = lint_stdin(
        &dir,
        &[
            "check",
            "--stdin-filepath",
            "idl/x.thrift",
            "--format",
            "github",
        ],
        "struct S {\n  1: i32 $\n}\n",
    );
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stdout.contains("file=idl/x.thrift,line=2,"),
        "{}",
        out.stdout
    );
}

#[test]
fn fmt_accepts_both_stdin_spellings() {
    let dir = temp_project(
        "fmt-stdin",
        &[("idl/thrift-tools.toml", "[format]\nindent = 4\n")],
    );
    for flag in ["--stdin-filepath", "--stdin-filename"] {
        let out = fmt(
            &dir,
            &[flag, "idl/a.thrift"],
            Some("struct S {\n1: i32 a\n}\n"),
        );
        assert_eq!(out.code, 0, "{out:?}");
        assert_eq!(out.stdout, "struct S {\n    1: i32 a\n}\n");
    }
}

const ESC: &str = "\x1b[";

#[test]
fn color_flag_and_environment() {
    let dir = temp_project(
        "color",
        &[
            ("a.thrift", "struct S {\n  string s\n}\n"),
            ("b.thrift", "struct  T {}\n"),
        ],
    );
    let lint_bin = env!("CARGO_BIN_EXE_thrift-lint");
    let colored = |out: &Output| out.stdout.contains(ESC);
    // Not a terminal: no colour unless asked.
    assert!(!colored(&lint(&dir, &["check", "a.thrift"])));
    assert!(colored(&lint(
        &dir,
        &["check", "--color", "always", "a.thrift"]
    )));
    assert!(colored(&lint(
        &dir,
        &["--color=always", "check", "a.thrift"]
    )));
    // FORCE_COLOR and CLICOLOR_FORCE under auto; NO_COLOR wins over them;
    // the flag wins over everything.
    for (env, args, expected) in [
        (
            &[("FORCE_COLOR", "1")][..],
            &["check", "a.thrift"][..],
            true,
        ),
        (&[("CLICOLOR_FORCE", "1")], &["check", "a.thrift"], true),
        (&[("FORCE_COLOR", "0")], &["check", "a.thrift"], false),
        (
            &[("NO_COLOR", "1"), ("FORCE_COLOR", "1")],
            &["check", "a.thrift"],
            false,
        ),
        (
            &[("NO_COLOR", "1")],
            &["check", "--color", "always", "a.thrift"],
            true,
        ),
        (
            &[("FORCE_COLOR", "1")],
            &["check", "--color", "never", "a.thrift"],
            false,
        ),
    ] {
        let out = run(lint_bin, &dir, args, None, env);
        assert_eq!(colored(&out), expected, "{env:?} {args:?}: {out:?}");
    }
    // The JSON formats never get colour.
    let out = lint(
        &dir,
        &["check", "--color", "always", "--format", "json", "a.thrift"],
    );
    assert!(!colored(&out), "{out:?}");
    // thrift-fmt --diff, and the `error` labels of syntax and thrift-fmt.
    let out = fmt(&dir, &["--diff", "--color", "always", "b.thrift"], None);
    assert!(
        out.stdout.contains("\x1b[31m-struct  T {}\x1b[0m"),
        "{out:?}"
    );
    assert!(
        out.stdout.contains("\x1b[32m+struct T {}\x1b[0m"),
        "{out:?}"
    );
    assert!(
        !fmt(&dir, &["--diff", "b.thrift"], None)
            .stdout
            .contains(ESC)
    );
    let out = fmt(&dir, &["--color", "always", "-"], Some("struct {"));
    assert!(out.stderr.contains("\x1b[1;31merror\x1b[0m"), "{out:?}");
    let out = fmt(&dir, &["-"], Some("struct {"));
    assert!(!out.stderr.contains(ESC), "{out:?}");
    std::fs::write(dir.join("bad.thrift"), "struct {").unwrap();
    let out = lint(&dir, &["syntax", "--color", "always", "bad.thrift"]);
    assert!(out.stderr.contains("\x1b[1;31merror\x1b[0m"), "{out:?}");
    assert!(!lint(&dir, &["syntax", "bad.thrift"]).stderr.contains(ESC));
    // A bad value is a usage error.
    assert_eq!(lint(&dir, &["check", "--color", "sometimes"]).code, 2);
}

#[test]
fn quiet_prints_only_findings_and_errors() {
    let dir = temp_project(
        "quiet",
        &[
            ("clean.thrift", "struct S {\n  1: i32 a\n}\n"),
            ("warn.thrift", "struct S {\n  string s\n}\n"),
            ("messy.thrift", "struct  S {\n  1: i32 a\n}\n"),
            ("empty/readme.md", ""),
        ],
    );
    // check: nothing on success; findings without the summary.
    let out = lint(&dir, &["check", "-q", "clean.thrift"]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (0, "", "")
    );
    let out = lint(&dir, &["check", "--quiet", "warn.thrift"]);
    assert!(out.stdout.contains("warning[T1032]"), "{out:?}");
    assert_eq!(out.stderr, "");
    // Warnings go too; errors stay, and no summary follows them.
    let out = lint(&dir, &["-q", "check", "empty", "clean.thrift"]);
    assert_eq!((out.code, out.stderr.as_str()), (0, ""), "{out:?}");
    let out = lint(&dir, &["check", "-q", "missing.thrift"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "missing.thrift: error: no such file or directory\n"
    );
    // breaking: no summary.
    let out = lint(
        &dir,
        &[
            "breaking",
            "-q",
            "--against",
            "clean.thrift",
            "clean.thrift",
        ],
    );
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (0, "", "")
    );
    let out = lint(
        &dir,
        &["breaking", "--against", "clean.thrift", "clean.thrift"],
    );
    assert!(out.stderr.contains("no breaking changes"), "{out:?}");
    // syntax: no trees, the errors only.
    let out = lint(&dir, &["syntax", "-q", "clean.thrift"]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (0, "", "")
    );
    std::fs::write(dir.join("bad.thrift"), "struct {").unwrap();
    let out = lint(&dir, &["syntax", "-q", "bad.thrift", "clean.thrift"]);
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, "");
    assert!(out.stderr.starts_with("bad.thrift:1:7: error: "), "{out:?}");
    let out = lint(
        &dir,
        &["syntax", "-q", "--json", "bad.thrift", "clean.thrift"],
    );
    assert_eq!(out.stdout.lines().count(), 1, "{out:?}");
    assert!(
        out.stdout.starts_with("{\"file\":\"bad.thrift\""),
        "{out:?}"
    );
    // thrift-fmt --check: the files, not the count.
    let out = fmt(
        &dir,
        &["--check", "-q", "messy.thrift", "clean.thrift"],
        None,
    );
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, "Would reformat: messy.thrift\n");
    assert_eq!(out.stderr, "");
    // -q and -v do not go together.
    assert_eq!(lint(&dir, &["check", "-q", "-v"]).code, 2);
    assert_eq!(fmt(&dir, &["-q", "-v"], None).code, 2);
}

#[test]
fn verbose_says_configs_counts_and_timings() {
    let dir = temp_project(
        "verbose",
        &[
            ("thrift-tools.toml", "exclude = [\"gen/**\"]\n"),
            ("idl/thrift-tools.toml", ""),
            ("idl/a.thrift", "struct S {\n  1: i32 a\n}\n"),
            ("b.thrift", "struct T {\n  1: i32 a\n}\n"),
            ("gen/g.thrift", ""),
            ("node_modules/n.thrift", ""),
        ],
    );
    let root = dir.join("thrift-tools.toml");
    let idl = dir.join("idl/thrift-tools.toml");
    let out = lint(&dir, &["check", "-v"]);
    assert_eq!(out.code, 0, "{out:?}");
    for line in [
        "verbose: walked 1 paths in ".to_string(),
        ": 2 files to check, 2 entries skipped by `skip` or `exclude`".to_string(),
        format!("verbose: idl/a.thrift: config {}", idl.display()),
        format!("verbose: b.thrift: config {}", root.display()),
        "verbose: loaded and checked 2 files (2 given, 0 included) in ".to_string(),
        "verbose: done in ".to_string(),
    ] {
        assert!(out.stderr.contains(&line), "{line}\n{}", out.stderr);
    }
    assert!(out.stderr.contains("no problems (2 files checked)"));
    let out = fmt(&dir, &["--check", "--verbose"], None);
    assert_eq!(out.code, 0, "{out:?}");
    for line in [
        format!("verbose: idl/a.thrift: config {}", idl.display()),
        "2 files to format, 2 entries skipped".to_string(),
        "verbose: formatted 2 files in ".to_string(),
    ] {
        assert!(out.stderr.contains(&line), "{line}\n{}", out.stderr);
    }
    let out = lint(
        &dir,
        &["breaking", "-v", "--against", "b.thrift", "b.thrift"],
    );
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        out.stderr.contains(&format!(
            "verbose: config (both versions): {}",
            root.display()
        )),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("verbose: loaded 1 new and 1 old files"),
        "{}",
        out.stderr
    );
    let out = lint(&dir, &["syntax", "-v", "b.thrift"]);
    assert!(
        out.stderr
            .contains("verbose: b.thrift: parsed as apache in "),
        "{}",
        out.stderr
    );
    // The overrides are counted.
    let out = lint(
        &dir,
        &["check", "-v", "--config", "format.indent=4", "b.thrift"],
    );
    assert!(
        out.stderr.contains(&format!(
            "verbose: b.thrift: config {}, with 1 --config override",
            root.display()
        )),
        "{}",
        out.stderr
    );
    // Without -v: none of it.
    assert!(!lint(&dir, &["check"]).stderr.contains("verbose:"));
}

const SHELLS: &[&str] = &["bash", "zsh", "fish", "elvish", "powershell"];

#[test]
fn completions_for_every_shell() {
    let dir = temp_project("completions", &[]);
    for shell in SHELLS {
        let out = lint(&dir, &["completions", shell]);
        assert_eq!(out.code, 0, "{shell}: {out:?}");
        // Fish spells flags `-l name`.
        for word in ["check", "breaking", "syntax", "stdin-filepath", "color"] {
            assert!(out.stdout.contains(word), "thrift-lint {shell}: no {word}");
        }
        let out = fmt(&dir, &["--completions", shell], None);
        assert_eq!(out.code, 0, "{shell}: {out:?}");
        for word in ["thrift-fmt", "check", "diff", "stdin-filepath", "quiet"] {
            assert!(out.stdout.contains(word), "thrift-fmt {shell}: no {word}");
        }
    }
    assert_eq!(lint(&dir, &["completions", "tcsh"]).code, 2);
    // --completions goes alone.
    assert_eq!(
        fmt(&dir, &["--completions", "bash", "--check"], None).code,
        2
    );
    // The bash scripts parse.
    if Command::new("bash").arg("--version").output().is_ok() {
        for (name, script) in [
            ("thrift-lint", lint(&dir, &["completions", "bash"]).stdout),
            (
                "thrift-fmt",
                fmt(&dir, &["--completions", "bash"], None).stdout,
            ),
        ] {
            let path = dir.join(format!("{name}.bash"));
            std::fs::write(&path, script).unwrap();
            let out = Command::new("bash").arg("-n").arg(&path).output().unwrap();
            assert!(
                out.status.success(),
                "{name}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}

#[test]
fn config_overrides() {
    let dir = temp_project(
        "overrides",
        &[
            ("thrift-tools.toml", "[format]\nindent = 2\n"),
            ("other.toml", "[format]\nindent = 3\n"),
            ("a.thrift", "struct S {\n  string s\n}\n"),
        ],
    );
    let messy = "struct S {\n1: i32 a\n}\n";
    // Over the nearest config, in order, repeatable.
    let out = fmt(&dir, &["--config", "format.indent=4", "-"], Some(messy));
    assert_eq!(out.stdout, "struct S {\n    1: i32 a\n}\n", "{out:?}");
    let out = fmt(
        &dir,
        &[
            "--config",
            "format.indent=4",
            "--config",
            "format.indent = \"tab\"",
            "--stdin-filepath",
            "x.thrift",
        ],
        Some(messy),
    );
    assert_eq!(out.stdout, "struct S {\n\t1: i32 a\n}\n", "{out:?}");
    // Over an explicit config file, whichever comes first.
    let out = fmt(
        &dir,
        &[
            "--config",
            "format.line_width=80",
            "--config",
            "other.toml",
            "-",
        ],
        Some(messy),
    );
    assert_eq!(out.stdout, "struct S {\n   1: i32 a\n}\n", "{out:?}");
    // thrift-lint check: [lint] levels.
    let out = lint(&dir, &["check", "a.thrift"]);
    assert!(out.stdout.contains("T1032"), "{out:?}");
    let out = lint(
        &dir,
        &["check", "--config", "lint.T1032=\"off\"", "a.thrift"],
    );
    assert_eq!((out.code, out.stdout.as_str()), (0, ""), "{out:?}");
    let out = lint(
        &dir,
        &["check", "--config", "lint.T1032=\"error\"", "a.thrift"],
    );
    assert_eq!(out.code, 1, "{out:?}");
    assert!(out.stdout.contains("error[T1032]"), "{out:?}");
    // thrift-lint breaking: [breaking].
    let out = lint(
        &dir,
        &[
            "breaking",
            "--config",
            "breaking.against=\"a.thrift\"",
            "a.thrift",
        ],
    );
    assert_eq!(out.code, 0, "{out:?}");
    // A bad override: exit 2, named, and no summary after it.
    for args in [
        &["check", "--config", "format.indent=0", "a.thrift"][..],
        &[
            "breaking",
            "--config",
            "format.indent=0",
            "--against",
            "a.thrift",
            "a.thrift",
        ],
    ] {
        let out = lint(&dir, args);
        assert_eq!(out.code, 2, "{out:?}");
        assert_eq!(
            out.stderr,
            "error: --config 'format.indent=0': `format.indent` must be at least 1, or \"tab\"\n"
        );
    }
    let out = fmt(&dir, &["--config", "dialect=apache", "a.thrift"], None);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr
            .starts_with("error: --config 'dialect=apache': not a TOML `key = value` override"),
        "{out:?}"
    );
    let out = lint(&dir, &["check", "--config", "format.indnt=4"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("--config 'format.indnt=4'"), "{out:?}");
    assert!(!out.stderr.contains("no problems"), "{out:?}");
    // Two config files.
    let out = lint(
        &dir,
        &[
            "check",
            "--config",
            "other.toml",
            "--config",
            "thrift-tools.toml",
        ],
    );
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("only one config file"), "{out:?}");
    // Nothing was rewritten by any of it.
    assert_eq!(
        std::fs::read_to_string(dir.join("a.thrift")).unwrap(),
        "struct S {\n  string s\n}\n"
    );
}
