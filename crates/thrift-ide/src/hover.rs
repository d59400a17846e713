//! Hover: what a name refers to, with its doc comment.

use thrift_syntax::{
    AstNode, TextRange, TextSize,
    ast::{self, HasComments, HasName},
};

use crate::{Database, FileId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hover {
    /// The text the hover is about.
    pub range: TextRange,
    /// Markdown.
    pub markdown: String,
}

/// The signature of a definition as it is written, without its body:
/// `struct User`, `typedef i64 UserId`, `const i32 MAX = 10`.
fn signature(def: &ast::Definition) -> String {
    let text = def.syntax().text().to_string();
    // Drop leading comments and annotations: start at the keyword.
    let start = def
        .keyword()
        .map(|k| usize::from(k.text_range().start() - def.syntax().text_range().start()))
        .unwrap_or(0);
    let text = &text[start..];
    let head = match text.find('{') {
        Some(i) if !matches!(def, ast::Definition::Const(_)) => &text[..i],
        _ => text,
    };
    let mut lines: Vec<&str> = head.lines().map(str::trim_end).collect();
    lines.truncate(8);
    lines.join("\n").trim().to_string()
}

fn doc_of(node: &impl HasComments) -> Option<String> {
    if let Some(doc) = node.doc_text() {
        return Some(doc);
    }
    // `///` doc lines (fbthrift), the last run of them.
    let lines: Vec<String> = node
        .leading_comments()
        .iter()
        .rev()
        .take_while(|t| t.text().starts_with("///"))
        .map(|t| t.text().trim_start_matches('/').trim().to_string())
        .collect();
    (!lines.is_empty()).then(|| lines.into_iter().rev().collect::<Vec<_>>().join("\n"))
}

/// Hover at `offset`: on a reference or a definition's name.
pub fn hover(db: &Database, file: FileId, offset: TextSize) -> Option<Hover> {
    let parse = db.parse(file)?;
    let token = parse.syntax_node().token_at_offset(offset).right_biased()?;
    let def = db.definition_at(file, offset)?;
    let node = db.def_node(def)?;
    let d = db.def(def)?;
    let mut markdown = format!("```thrift\n{}\n```", signature(&node));
    if let Some(doc) = doc_of(&node) {
        markdown.push_str("\n\n");
        markdown.push_str(&doc);
    }
    // An enum value reference: show the value too.
    let path_text = token
        .parent()
        .map(|p| p.text().to_string())
        .unwrap_or_default();
    if let thrift_semantic::DefKind::Enum { values } = &d.kind
        && let Some((name, value)) = values
            .iter()
            .find(|(n, _)| path_text.ends_with(&format!(".{n}")))
    {
        markdown.push_str(&format!("\n\n`{}.{name} = {value}`", d.name));
    }
    if def.file != file {
        markdown.push_str(&format!(
            "\n\n*defined in another file* ({})",
            d.kind.keyword()
        ));
    }
    let range = token.text_range();
    let _ = node.name().map(|n| n.text());
    Some(Hover { range, markdown })
}
