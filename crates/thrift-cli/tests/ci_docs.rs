//! `action.yml` and `docs/ci.md` use only flags that `thrift-fmt` and
//! `thrift-lint` have, and `docs/ci.md` documents every input of the action,
//! so that neither can drift from the tools.
//!
//! There is no YAML parser in the dependency tree, so the commands are found
//! in the text: every `thrift-fmt ...` or `thrift-lint ...` on a line (lines
//! ending with `\` are joined), up to a pipe, a redirection, a backtick or a
//! comment.

use std::{collections::BTreeSet, path::PathBuf, process::Command};

use thrift_cli::report::Format;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn help(bin: &str, subcommand: Option<&str>) -> String {
    let exe = match bin {
        "thrift-fmt" => env!("CARGO_BIN_EXE_thrift-fmt"),
        "thrift-lint" => env!("CARGO_BIN_EXE_thrift-lint"),
        _ => unreachable!(),
    };
    let out = Command::new(exe)
        .args(subcommand)
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success(), "{bin} {subcommand:?} --help failed");
    String::from_utf8(out.stdout).unwrap()
}

/// One command found in a file.
#[derive(Debug)]
struct Cmd {
    /// `file:line`, for messages.
    at: String,
    bin: &'static str,
    subcommand: Option<String>,
    /// Each flag with its value (`--flag=value` or the next word).
    flags: Vec<(String, Option<String>)>,
}

/// The words of a command, up to whatever ends it.
fn words(rest: &str) -> Vec<String> {
    let mut words = Vec::new();
    for word in rest.split_whitespace() {
        if word.starts_with(['|', '>', '<', '#', ';', '&']) || word == "\\" {
            break;
        }
        if let Some((before, _)) = word.split_once('`') {
            if !before.is_empty() {
                words.push(before.to_owned());
            }
            break;
        }
        // Prose: `(thrift-fmt --check),`.
        let trimmed = word.trim_end_matches([')', ',', '.', ';', ':']);
        if !trimmed.is_empty() {
            words.push(trimmed.to_owned());
        }
        if trimmed.len() < word.len() && word.ends_with([')', '.', ';']) {
            break;
        }
        // `echo "::group::thrift-fmt --check"`: a closing quote ends it.
        if word.ends_with('"') && !word.starts_with('"') && word.len() > 1 {
            words.pop();
            words.push(word.trim_end_matches('"').to_owned());
            break;
        }
    }
    words
}

fn commands(path: &str) -> Vec<Cmd> {
    let text = read(path);
    // Join continuation lines.
    let mut lines: Vec<(usize, String)> = Vec::new();
    let mut pending: Option<(usize, String)> = None;
    for (i, line) in text.lines().enumerate() {
        let (n, mut joined) = pending.take().unwrap_or((i + 1, String::new()));
        joined.push_str(line.trim_end());
        if let Some(stripped) = joined.strip_suffix('\\') {
            pending = Some((n, format!("{stripped} ")));
        } else {
            lines.push((n, joined));
        }
    }
    let mut found = Vec::new();
    for (n, line) in lines {
        for bin in ["thrift-fmt", "thrift-lint"] {
            for (start, _) in line.match_indices(bin) {
                let before = line[..start].chars().next_back();
                let after = &line[start + bin.len()..];
                // A command: at the start of a word, followed by a space.
                if before.is_some_and(|c| !matches!(c, ' ' | '\t' | '`' | '(' | '"' | ':'))
                    || !after.starts_with(' ')
                {
                    continue;
                }
                let mut words = words(after);
                let subcommand =
                    if bin == "thrift-lint" && words.first().is_some_and(|w| !w.starts_with('-')) {
                        Some(words.remove(0))
                    } else {
                        None
                    };
                let mut flags = Vec::new();
                let mut i = 0;
                while i < words.len() {
                    let word = &words[i];
                    if word.starts_with('-') && word.len() > 1 {
                        let (name, value) = match word.split_once('=') {
                            Some((name, value)) => (name.to_owned(), Some(value.to_owned())),
                            None => (
                                word.clone(),
                                words.get(i + 1).filter(|w| !w.starts_with('-')).cloned(),
                            ),
                        };
                        flags.push((name, value));
                    }
                    i += 1;
                }
                found.push(Cmd {
                    at: format!("{path}:{n}"),
                    bin,
                    subcommand,
                    flags,
                });
            }
        }
    }
    found
}

/// Whether `help` names `flag` as a whole word (`--check`, `-I,`).
fn mentions(help: &str, flag: &str) -> bool {
    help.match_indices(flag).any(|(i, _)| {
        let before = help[..i].chars().next_back();
        let after = help[i + flag.len()..].chars().next();
        before.is_none_or(|c| c.is_whitespace() || c == ',')
            && after.is_none_or(|c| !(c.is_alphanumeric() || c == '-' || c == '_'))
    })
}

/// Checks every command of `path`; returns the `(bin, subcommand)` pairs
/// used.
fn check_file(path: &str, at_least: usize) -> BTreeSet<(&'static str, Option<String>)> {
    let commands = commands(path);
    assert!(
        commands.len() >= at_least,
        "{path}: only {} commands found: {commands:#?}",
        commands.len()
    );
    let mut used = BTreeSet::new();
    for cmd in &commands {
        if let Some(sub) = &cmd.subcommand {
            assert!(
                ["check", "breaking", "syntax"].contains(&sub.as_str()),
                "{}: unknown subcommand `thrift-lint {sub}`",
                cmd.at
            );
        }
        let help = help(cmd.bin, cmd.subcommand.as_deref());
        for (flag, value) in &cmd.flags {
            assert!(
                mentions(&help, flag),
                "{}: `{} {}` has no flag `{flag}`",
                cmd.at,
                cmd.bin,
                cmd.subcommand.as_deref().unwrap_or("")
            );
            // Literal formats must exist (not `"$FORMAT"` or `A|B`).
            let literal = value.as_deref().filter(|v| !v.contains(['$', '|']));
            if let (Some(value), true) = (literal, flag == "--format") {
                assert!(
                    value.parse::<Format>().is_ok(),
                    "{}: unknown format `{value}`",
                    cmd.at
                );
            }
        }
        used.insert((cmd.bin, cmd.subcommand.clone()));
    }
    used
}

#[test]
fn ci_docs_use_existing_flags() {
    let used = check_file("docs/ci.md", 10);
    for expected in [
        ("thrift-fmt", None),
        ("thrift-lint", Some("check".to_owned())),
        ("thrift-lint", Some("breaking".to_owned())),
    ] {
        assert!(used.contains(&expected), "docs/ci.md: no {expected:?}");
    }
}

#[test]
fn action_uses_existing_flags() {
    let used = check_file("action.yml", 3);
    for expected in [
        ("thrift-fmt", None),
        ("thrift-lint", Some("check".to_owned())),
        ("thrift-lint", Some("breaking".to_owned())),
    ] {
        assert!(used.contains(&expected), "action.yml: no {expected:?}");
    }
}

/// The inputs of `action.yml`: the keys indented by two spaces under
/// `inputs:`, with their `default:`.
fn action_inputs() -> Vec<(String, Option<String>)> {
    let text = read("action.yml");
    let mut inputs: Vec<(String, Option<String>)> = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        if !line.starts_with(' ') && !line.is_empty() {
            inside = line == "inputs:";
            continue;
        }
        if !inside {
            continue;
        }
        if let Some(key) = line
            .strip_prefix("  ")
            .filter(|l| !l.starts_with(' '))
            .and_then(|l| l.strip_suffix(':'))
        {
            inputs.push((key.to_owned(), None));
        } else if let Some(default) = line.trim_start().strip_prefix("default:")
            && let Some(last) = inputs.last_mut()
        {
            last.1 = Some(default.trim().trim_matches('"').to_owned());
        }
    }
    inputs
}

#[test]
fn action_inputs_are_documented() {
    let inputs = action_inputs();
    let names: Vec<&str> = inputs.iter().map(|(n, _)| n.as_str()).collect();
    for expected in [
        "against",
        "paths",
        "format-check",
        "lint",
        "breaking",
        "version",
        "working-directory",
    ] {
        assert!(names.contains(&expected), "action.yml: no input {expected}");
    }
    let docs = read("docs/ci.md");
    let action = read("action.yml");
    for (name, default) in &inputs {
        assert!(
            docs.contains(&format!("| `{name}` |")),
            "docs/ci.md does not document the input `{name}`"
        );
        // Every input is used by a step.
        assert!(
            action.contains(&format!("inputs.{name} }}}}")),
            "action.yml never uses the input `{name}`"
        );
        let default = default
            .as_deref()
            .unwrap_or_else(|| panic!("{name}: no default"));
        match name.as_str() {
            "format-check" | "lint" | "breaking" => assert_eq!(default, "true", "{name}"),
            "format" => assert!(default.parse::<Format>().is_ok(), "format: {default}"),
            "against" => assert_eq!(default, "origin/${{ github.base_ref }}"),
            _ => {}
        }
    }
}
