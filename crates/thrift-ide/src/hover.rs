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
    /// The file the definition is in, when it is another file (the
    /// editor layer names it: paths are not known here).
    pub defined_in: Option<FileId>,
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
    let Some(def) = db.definition_at(file, offset) else {
        // An enum value, its own name or a value that names it.
        if let Some(value) = db.enum_value_at(file, offset) {
            return enum_value_hover(db, file, value, token.text_range());
        }
        // A field's own name.
        if let Some(field) = token.parent_ancestors().find_map(ast::Field::cast)
            && field
                .name()
                .is_some_and(|n| n.syntax().text_range().contains_range(token.text_range()))
        {
            return Some(field_hover(&field, token.text_range()));
        }
        // A field named in a struct literal or annotation: its definition.
        let field = db.field_at(file, offset)?;
        let node = db.field_node(field)?;
        return Some(Hover {
            defined_in: (field.def.file != file).then_some(field.def.file),
            ..field_hover(&node, token.text_range())
        });
    };
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
    if let Some(resolved) = typedef_resolution(db, def) {
        markdown.push_str(&format!("\n\nresolves to `{resolved}`"));
    }
    let range = token.text_range();
    Some(Hover {
        range,
        markdown,
        defined_in: (def.file != file).then_some(def.file),
    })
}

/// Hover on an enum value: the value with its number, its doc, its enum,
/// and whether the number is written or implicit.
fn enum_value_hover(
    db: &Database,
    file: FileId,
    value: thrift_semantic::EnumValueRef,
    range: TextRange,
) -> Option<Hover> {
    let (name, number) = db.enum_value(value)?;
    let enum_name = &db.def(value.def)?.name;
    let node = db.enum_value_node(value);
    let mut markdown = format!("```thrift\n{enum_name}.{name} = {number}\n```");
    if let Some(doc) = node.as_ref().and_then(doc_of) {
        markdown.push_str("\n\n");
        markdown.push_str(&doc);
    }
    let how = if node.as_ref().is_some_and(|n| n.value().is_some()) {
        "explicit"
    } else if value.index == 0 {
        "implicit: the first value is 0"
    } else {
        "implicit: the previous value plus one"
    };
    markdown.push_str(&format!("\n\nvalue of enum `{enum_name}`, {how}"));
    Some(Hover {
        range,
        markdown,
        defined_in: (value.def.file != file).then_some(value.def.file),
    })
}

/// For a typedef of a named type: what the chain of typedefs ends at
/// (`struct User`, or a base or container type as written).
fn typedef_resolution(db: &Database, def: thrift_semantic::DefRef) -> Option<String> {
    use thrift_syntax::{SyntaxElement, SyntaxKind};
    let mut current = def;
    for _ in 0..32 {
        let ast::Definition::Typedef(typedef) = db.def_node(current)? else {
            return None;
        };
        let target = typedef.target()?;
        let ast::Type::NamedType(named) = &target else {
            // The first typedef's own target is in its signature already.
            return (current != def).then(|| target.syntax().text().to_string());
        };
        let next = named
            .syntax()
            .descendants_with_tokens()
            .filter_map(SyntaxElement::into_token)
            .filter(|t| t.kind() == SyntaxKind::IDENT)
            .find_map(|t| db.definition_at(current.file, t.text_range().start()))?;
        let node = db.def_node(next)?;
        if !matches!(node, ast::Definition::Typedef(_)) {
            let name = node
                .name()
                .map(|n| n.text().to_string())
                .unwrap_or_default();
            let keyword = node
                .keyword()
                .map(|k| k.text().to_string())
                .unwrap_or_default();
            return Some(format!("{keyword} {name}"));
        }
        current = next;
    }
    None
}

/// Hover on a field's (or argument's) name, or on a field named in a
/// struct literal: the field as written, its doc, and its id and
/// requiredness.
fn field_hover(field: &ast::Field, range: TextRange) -> Hover {
    let id = field.field_id().and_then(|i| i.value());
    let requiredness = match field.requiredness() {
        ast::Requiredness::Required => "required",
        ast::Requiredness::Optional => "optional",
        ast::Requiredness::Default => "default requiredness",
    };
    let mut written = String::new();
    if let Some(id) = id {
        written.push_str(&format!("{id}: "));
    }
    if let Some(t) = field.requiredness_token() {
        written.push_str(t.text());
        written.push(' ');
    }
    if let Some(ty) = field.ty() {
        written.push_str(&ty.syntax().text().to_string());
        written.push(' ');
    }
    if let Some(name) = field.name() {
        written.push_str(&name.syntax().text().to_string());
    }
    if let Some(default) = field.default_value() {
        written.push(' ');
        written.push_str(default.syntax().text().to_string().trim());
    }
    let mut markdown = format!("```thrift\n{}\n```", written.trim_end());
    if let Some(doc) = doc_of(field) {
        markdown.push_str("\n\n");
        markdown.push_str(&doc);
    }
    let owner = field.syntax().ancestors().skip(1).find_map(|n| {
        if let Some(f) = ast::Function::cast(n.clone()) {
            let in_throws = field
                .syntax()
                .ancestors()
                .take_while(|a| a != &n)
                .any(|a| a.kind() == thrift_syntax::SyntaxKind::THROWS_CLAUSE);
            let what = if in_throws { "exception" } else { "argument" };
            return Some(format!("{what} of function `{}`", f.name()?.text()));
        }
        let def = ast::Definition::cast(n)?;
        Some(format!(
            "field of {} `{}`",
            def.keyword()?.text(),
            def.name()?.text()
        ))
    });
    let id_text = match id {
        Some(id) => format!("id `{id}`"),
        None => "no id (the compiler assigns a negative one)".to_string(),
    };
    markdown.push_str(&format!(
        "\n\n{}: {id_text}, {requiredness}",
        owner.unwrap_or_else(|| "field".into())
    ));
    Hover {
        range,
        markdown,
        defined_in: None,
    }
}
