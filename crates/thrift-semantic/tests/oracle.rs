//! The Apache compiler as an oracle: over the corpus, a file it rejects
//! gets at least one error from us, and a file it accepts gets none
//! (warnings are fine). Disagreements that remain are listed with reasons.

use std::{collections::HashMap, path::PathBuf};

use thrift_semantic::Severity;

mod support;
use support::load;

#[path = "../../../tests/support/corpus.rs"]
mod corpus;
use corpus::corpus_dir;

/// Files the compiler and we disagree on, and why. Each one is a decision,
/// not a bug: newer Apache versions agree with us.
const KNOWN_DISAGREEMENTS: &[(&str, &str)] = &[];

/// Why a rejected file is fine by current Apache Thrift.
fn rejected_only_by_old_compiler(note: &str) -> bool {
    note.starts_with("reserved word")
        || note.starts_with("uuid builtin type")
        || note.starts_with("newer Apache syntax")
}

#[test]
fn agrees_with_the_apache_compiler() {
    let Some(dir) = corpus_dir("agrees_with_the_apache_compiler") else {
        return;
    };
    let include_dirs: HashMap<String, Vec<PathBuf>> =
        std::fs::read_to_string(dir.join("INCLUDE_DIRS.tsv"))
            .unwrap()
            .lines()
            .skip(1)
            .filter_map(|l| l.split_once('\t'))
            .map(|(repo, dirs)| {
                (
                    repo.to_string(),
                    dirs.split_whitespace().map(|d| dir.join(d)).collect(),
                )
            })
            .collect();
    let oracle = std::fs::read_to_string(dir.join("ORACLE.tsv")).unwrap();
    let mut disagreements = Vec::new();
    let mut checked = 0;
    for line in oracle.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (path, accepted, first_error, note) = (
            cols[0],
            cols[1] == "yes",
            cols[2],
            cols.get(4).copied().unwrap_or(""),
        );
        if note.starts_with("fbthrift-dialect") {
            continue; // The fbthrift dialect is checked with its own rules.
        }
        let repo: String = path.split('/').take(2).collect::<Vec<_>>().join("/");
        let dirs = include_dirs.get(&repo).cloned().unwrap_or_default();
        let loaded = load(&dir.join(path), &dirs);
        let diagnostics = loaded.db.diagnostics(loaded.file);
        let errors: Vec<String> = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| format!("{} {}", d.code, d.message))
            .collect();
        checked += 1;
        let expect_clean = accepted || rejected_only_by_old_compiler(note);
        let agrees = if expect_clean {
            errors.is_empty()
        } else {
            !errors.is_empty()
        };
        let known = KNOWN_DISAGREEMENTS.iter().any(|(p, _)| *p == path);
        if agrees == known {
            disagreements.push(if expect_clean {
                format!("{path}: the compiler accepts it, we report {errors:?}")
            } else {
                format!("{path}: the compiler rejects it ({first_error}), we report no error")
            });
        }
    }
    assert!(checked > 200, "only {checked} files");
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}

/// fbthrift files: every name resolves, `@` annotations included, with the
/// projects' include roots; the one include that was never published is
/// the only error in its file.
#[test]
fn fbthrift_corpus_resolves() {
    let Some(dir) = corpus_dir("fbthrift_corpus_resolves") else {
        return;
    };
    let include_dirs: HashMap<String, Vec<PathBuf>> =
        std::fs::read_to_string(dir.join("INCLUDE_DIRS.tsv"))
            .unwrap()
            .lines()
            .skip(1)
            .filter_map(|l| l.split_once('\t'))
            .map(|(repo, dirs)| {
                (
                    repo.to_string(),
                    dirs.split_whitespace().map(|d| dir.join(d)).collect(),
                )
            })
            .collect();
    let oracle = std::fs::read_to_string(dir.join("ORACLE.tsv")).unwrap();
    let mut problems = Vec::new();
    let mut checked = 0;
    for line in oracle.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (path, note) = (cols[0], cols.get(4).copied().unwrap_or(""));
        if !note.starts_with("fbthrift-dialect") {
            continue;
        }
        let repo: String = path.split('/').take(2).collect::<Vec<_>>().join("/");
        let dirs = include_dirs.get(&repo).cloned().unwrap_or_default();
        let loaded = load(&dir.join(path), &dirs);
        let errors: Vec<String> = loaded
            .db
            .diagnostics(loaded.file)
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| format!("{} {}", d.code, d.message))
            .collect();
        checked += 1;
        let expected_unresolved = note.contains("never published");
        let ok = if expected_unresolved {
            errors.len() == 1 && errors[0].starts_with("T1001")
        } else {
            errors.is_empty()
        };
        if !ok {
            problems.push(format!("{path}: {errors:?}"));
        }
    }
    assert!(checked >= 20, "only {checked} fbthrift files");
    assert!(
        problems.is_empty(),
        "{} files:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The per-file index (built over the green tree) lists exactly the
/// `PATH` nodes in type, `extends`, value, annotation, struct literal and
/// `performs` positions, the field names of struct literals and
/// annotations, the string and one-name keys of const maps, and the names
/// of enum values, that a walk over the syntax tree finds, on every corpus
/// file.
#[test]
fn the_index_finds_every_use_on_the_corpus() {
    use thrift_syntax::{AstNode, SyntaxKind, ast::HasName};
    let Some(corpus) = corpus_dir("the_index_finds_every_use_on_the_corpus") else {
        return;
    };
    let mut files = Vec::new();
    let mut stack = vec![corpus];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "thrift") {
                files.push(path);
            }
        }
    }
    assert!(files.len() > 100, "corpus too small: {}", files.len());
    let mut uses = 0;
    let mut field_uses = 0;
    let mut enum_values = 0;
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let parse = thrift_syntax::parse(&text);
        let index = thrift_semantic::index::FileIndex::build(&parse.tree());
        let expected: Vec<_> = parse
            .syntax_node()
            .descendants()
            .filter(|n| n.kind() == SyntaxKind::PATH)
            .filter(|n| {
                n.parent().is_some_and(|p| {
                    matches!(
                        p.kind(),
                        SyntaxKind::NAMED_TYPE
                            | SyntaxKind::EXTENDS_CLAUSE
                            | SyntaxKind::CONST_REF
                            | SyntaxKind::STRUCTURED_ANNOTATION
                            | SyntaxKind::STRUCT_LITERAL
                            | SyntaxKind::PERFORMS
                    )
                })
            })
            .map(|n| n.text_range())
            .collect();
        let found: Vec<_> = index.uses.iter().map(|u| u.range).collect();
        assert_eq!(found, expected, "{}", path.display());
        uses += found.len();
        // Initializers' names, and the keys of const maps: the text inside
        // the quotes of a string, a name without dots.
        let expected_fields: Vec<_> = parse
            .syntax_node()
            .descendants()
            .filter_map(|n| {
                let parent = n.parent()?;
                match (n.kind(), parent.kind()) {
                    (SyntaxKind::NAME, SyntaxKind::FIELD_INITIALIZER) => Some(n.text_range()),
                    (SyntaxKind::LITERAL, SyntaxKind::CONST_MAP_ENTRY)
                        if parent.first_child().as_ref() == Some(&n) =>
                    {
                        let token = n.first_token().filter(|t| t.kind() == SyntaxKind::STRING)?;
                        let text = token.text();
                        let closed = text.len() >= 2 && text.ends_with(&text[..1]);
                        let range = token.text_range();
                        Some(thrift_syntax::TextRange::new(
                            range.start() + thrift_syntax::TextSize::new(1),
                            range.end() - thrift_syntax::TextSize::new(u32::from(closed)),
                        ))
                    }
                    (SyntaxKind::CONST_REF, SyntaxKind::CONST_MAP_ENTRY)
                        if parent.first_child().as_ref() == Some(&n) =>
                    {
                        let path = n.first_child()?;
                        (!path.text().to_string().contains('.')).then(|| path.text_range())
                    }
                    _ => None,
                }
            })
            .collect();
        let found_fields: Vec<_> = index.field_uses.iter().map(|u| u.range).collect();
        assert_eq!(found_fields, expected_fields, "{}", path.display());
        field_uses += found_fields.len();
        // Enum values' names (the targets of values' last segments), by
        // their enum's position among the named definitions.
        let mut expected_values = Vec::new();
        let named = parse
            .tree()
            .definitions()
            .filter(|d| d.name().is_some_and(|n| !n.text().is_empty()));
        for (position, def) in named.enumerate() {
            if let thrift_syntax::ast::Definition::Enum(e) = def {
                for (i, v) in e.values().enumerate() {
                    if let Some(name) = v.name() {
                        expected_values.push((position, i, name.syntax().text_range()));
                    }
                }
            }
        }
        let found_values: Vec<_> = expected_values
            .iter()
            .map(|&(d, v, _)| (d, v, index.enum_value_name(d, v).unwrap()))
            .collect();
        assert_eq!(found_values, expected_values, "{}", path.display());
        enum_values += found_values.len();
    }
    assert!(uses > 1000, "{uses} uses");
    assert!(enum_values > 1000, "{enum_values} enum values");
    eprintln!("{uses} uses, {field_uses} field names and map keys, {enum_values} enum values");
}
