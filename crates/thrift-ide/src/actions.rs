//! Code actions: quick fixes for diagnostics, and refactors.

use thrift_semantic::{Code, Diagnostic};
use thrift_syntax::{
    AstNode, SyntaxKind, TextRange, TextSize,
    ast::{self, HasFields, HasName},
};

use crate::{Database, FileId, TextEdit};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeActionKind {
    QuickFix,
    Refactor,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeAction {
    pub title: String,
    pub kind: CodeActionKind,
    /// The diagnostic it fixes, for quick fixes.
    pub diagnostic: Option<Diagnostic>,
    pub edits: Vec<TextEdit>,
}

/// The offset where a field's type (or requiredness) starts: where an id goes.
fn field_body_start(field: &ast::Field) -> Option<TextSize> {
    field
        .syntax()
        .children_with_tokens()
        .find(|e| {
            !e.kind().is_trivia()
                && e.kind() != SyntaxKind::STRUCTURED_ANNOTATION
                && e.kind() != SyntaxKind::FIELD_ID
        })
        .map(|e| e.text_range().start())
}

/// The field lists (struct bodies, argument and throws lists) of a file.
fn field_lists(root: &thrift_syntax::SyntaxNode) -> Vec<Vec<ast::Field>> {
    root.descendants()
        .filter(|n| matches!(n.kind(), SyntaxKind::FIELD_LIST | SyntaxKind::PARAM_LIST))
        .map(|n| n.children().filter_map(ast::Field::cast).collect())
        .collect()
}

fn next_free_id(fields: &[ast::Field]) -> i64 {
    fields
        .iter()
        .filter_map(|f| f.field_id().and_then(|i| i.value()))
        .filter(|v| *v > 0)
        .max()
        .unwrap_or(0)
        + 1
}

/// The start of the line holding `offset`, and its indentation.
fn line_start(text: &str, offset: usize) -> (usize, String) {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let indent: String = text[start..]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    (start, indent)
}

/// Code actions for `range` of `file`.
pub fn code_actions(db: &Database, file: FileId, range: TextRange) -> Vec<CodeAction> {
    let (Some(parse), Some(text)) = (db.parse(file), db.text(file)) else {
        return Vec::new();
    };
    let root = parse.syntax_node();
    let mut out = Vec::new();
    let diagnostics = db.check_file(file);
    let lists = field_lists(&root);
    for d in diagnostics
        .iter()
        .filter(|d| d.range.intersect(range).is_some() || range.contains_range(d.range))
    {
        match d.code {
            Code::MissingFieldId | Code::DuplicateFieldId => {
                // The field the diagnostic is about, and its list.
                let found = lists.iter().find_map(|list| {
                    list.iter()
                        .find(|f| f.syntax().text_range().contains_range(d.range))
                        .map(|f| (list, f))
                });
                if let Some((list, field)) = found {
                    let id = next_free_id(list);
                    let edit =
                        if let Some(field_id) = field.field_id().and_then(|i| i.value_token()) {
                            TextEdit {
                                range: field_id.text_range(),
                                new_text: id.to_string(),
                            }
                        } else if let Some(at) = field_body_start(field) {
                            TextEdit {
                                range: TextRange::empty(at),
                                new_text: format!("{id}: "),
                            }
                        } else {
                            continue;
                        };
                    let title = if d.code == Code::MissingFieldId {
                        format!("Assign the next free field id, {id}")
                    } else {
                        format!("Change the id to the next free one, {id}")
                    };
                    out.push(CodeAction {
                        title,
                        kind: CodeActionKind::QuickFix,
                        diagnostic: Some(d.clone()),
                        edits: vec![edit],
                    });
                }
            }
            Code::UnusedInclude => {
                if let Some(edit) = remove_include_edit(&parse.tree(), text, d.range) {
                    out.push(CodeAction {
                        title: "Remove the unused include".to_string(),
                        kind: CodeActionKind::QuickFix,
                        diagnostic: Some(d.clone()),
                        edits: vec![edit],
                    });
                }
            }
            _ => {}
        }
        if d.code != Code::Syntax {
            let (start, indent) = line_start(text, usize::from(d.range.start()));
            out.push(CodeAction {
                title: format!("Allow {} ({}) on this line", d.code, d.code.name()),
                kind: CodeActionKind::QuickFix,
                diagnostic: Some(d.clone()),
                edits: vec![TextEdit {
                    range: TextRange::empty(TextSize::new(start as u32)),
                    new_text: format!("{indent}// thrift-lint: allow({})\n", d.code.name()),
                }],
            });
        }
    }
    refactors(&root, range, &mut out);
    out
}

fn refactors(root: &thrift_syntax::SyntaxNode, range: TextRange, out: &mut Vec<CodeAction>) {
    let Some(token) = root.token_at_offset(range.start()).right_biased() else {
        return;
    };
    for node in token.parent_ancestors() {
        if let Some(e) = ast::Enum::cast(node.clone()) {
            let edits = explicit_enum_value_edits(&e);
            if !edits.is_empty() {
                out.push(CodeAction {
                    title: "Make the enum values explicit".into(),
                    kind: CodeActionKind::Refactor,
                    diagnostic: None,
                    edits,
                });
            }
            return;
        }
        let fields = if let Some(s) = ast::Struct::cast(node.clone()) {
            s.fields()
        } else if let Some(s) = ast::Union::cast(node.clone()) {
            s.fields()
        } else if let Some(s) = ast::Exception::cast(node.clone()) {
            s.fields()
        } else {
            continue;
        };
        let edits = explicit_field_id_edits(&fields);
        if !edits.is_empty() {
            out.push(CodeAction {
                title: "Make all field ids explicit (the ids the compiler assigns today)".into(),
                kind: CodeActionKind::Refactor,
                diagnostic: None,
                edits,
            });
        }
        return;
    }
}

/// Removes the include whose node holds `range` (an unused-include
/// diagnostic's): the whole line when the include is alone on it.
pub(crate) fn remove_include_edit(
    tree: &ast::SourceFile,
    text: &str,
    range: TextRange,
) -> Option<TextEdit> {
    let include = tree
        .includes()
        .find(|i| i.syntax().text_range().contains_range(range))?;
    let r = include.syntax().text_range();
    let mut end = usize::from(r.end());
    if text[end..].starts_with('\n') {
        end += 1;
    }
    let (start, _) = line_start(text, usize::from(r.start()));
    let start = if text[start..usize::from(r.start())].trim().is_empty() {
        start
    } else {
        usize::from(r.start())
    };
    Some(TextEdit {
        range: TextRange::new(TextSize::new(start as u32), TextSize::new(end as u32)),
        new_text: String::new(),
    })
}

/// Writes the values the compiler assigns today into an enum's values
/// that have none (`A = 0`, the previous value plus one).
pub(crate) fn explicit_enum_value_edits(e: &ast::Enum) -> Vec<TextEdit> {
    let numbers = thrift_semantic::summary::enum_values(e);
    e.values()
        .zip(numbers)
        .filter(|(v, _)| v.value().is_none())
        .filter_map(|(v, (_, n))| {
            let name = v.name()?;
            Some(TextEdit {
                range: TextRange::empty(name.syntax().text_range().end()),
                new_text: format!(" = {n}"),
            })
        })
        .collect()
}

/// Writes the ids the compiler assigns today (-1, -2, … in the order of
/// the fields without a positive id) into the fields of one list that
/// have no id, so nothing changes on the wire. Never renumbers.
pub(crate) fn explicit_field_id_edits(fields: &[ast::Field]) -> Vec<TextEdit> {
    let mut auto = -1i64;
    let mut edits = Vec::new();
    for field in fields {
        match field.field_id().and_then(|i| i.value()) {
            Some(v) if v > 0 => {}
            _ => {
                if field.field_id().is_none()
                    && let Some(at) = field_body_start(field)
                {
                    edits.push(TextEdit {
                        range: TextRange::empty(at),
                        new_text: format!("{auto}: "),
                    });
                }
                auto -= 1;
            }
        }
    }
    edits
}
