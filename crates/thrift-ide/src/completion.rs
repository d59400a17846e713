//! Completion: names from this file and its includes, enum values after
//! `Enum.`, definitions after `include_prefix.`, keywords and base types.

use thrift_semantic::DefKind;
use thrift_syntax::TextSize;

use crate::{Database, FileId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CompletionKind {
    Keyword,
    Type,
    Struct,
    Enum,
    EnumValue,
    Const,
    Service,
    Module,
    Field,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompletionItem {
    pub label: String,
    pub kind: CompletionKind,
    pub detail: Option<String>,
}

const KEYWORDS: &[&str] = &[
    "include",
    "cpp_include",
    "namespace",
    "const",
    "typedef",
    "enum",
    "struct",
    "union",
    "exception",
    "service",
    "extends",
    "throws",
    "oneway",
    "void",
    "required",
    "optional",
    "true",
    "false",
    "map",
    "set",
    "list",
];
const BASE_TYPES: &[&str] = &[
    "bool", "byte", "i8", "i16", "i32", "i64", "double", "string", "binary", "uuid",
];

fn kind_of(kind: &DefKind) -> CompletionKind {
    match kind {
        DefKind::Struct { .. } | DefKind::Union { .. } | DefKind::Exception { .. } => {
            CompletionKind::Struct
        }
        DefKind::Enum { .. } | DefKind::Senum => CompletionKind::Enum,
        DefKind::Typedef { .. } => CompletionKind::Type,
        DefKind::Const { .. } => CompletionKind::Const,
        DefKind::Service { .. } | DefKind::Interaction { .. } => CompletionKind::Service,
    }
}

fn definitions(db: &Database, file: FileId, into: &mut Vec<CompletionItem>) {
    let Some(summary) = db.summary(file) else {
        return;
    };
    for d in &summary.definitions {
        into.push(CompletionItem {
            label: d.name.clone(),
            kind: kind_of(&d.kind),
            detail: Some(d.kind.keyword().to_string()),
        });
    }
}

/// Completions at `offset`.
pub fn completions(db: &Database, file: FileId, offset: TextSize) -> Vec<CompletionItem> {
    let Some(text) = db.text(file) else {
        return Vec::new();
    };
    let offset = usize::from(offset).min(text.len());
    let before = &text[..offset];
    // The dotted word being typed: `shared.Us` or `Color.`.
    let word_start = before
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        .map_or(0, |i| i + 1);
    let word = &before[word_start..];
    let mut out = Vec::new();
    // Inside `@Name{...}` or `Name{...}`: the struct's field names.
    if let Some(fields) = initializer_fields(db, file, offset) {
        return fields;
    }
    // After `@`: annotation names (structs), here or through a prefix.
    let annotation = before[..word_start].ends_with('@');
    if let Some((qualifier, _)) = word.rsplit_once('.') {
        let summary = db.summary(file);
        // `Enum.` → its values (also `inc.Enum.`).
        let (enum_file, enum_name) = match qualifier.rsplit_once('.') {
            Some((prefix, name)) => (
                summary
                    .and_then(|s| s.includes.iter().find(|i| i.prefix == prefix))
                    .and_then(|i| db.resolve_include(file, &i.path)),
                name,
            ),
            None => (Some(file), qualifier),
        };
        if let Some(f) = enum_file
            && let Some((_, def)) = db.summary(f).and_then(|s| s.definition(enum_name))
            && let DefKind::Enum { values } = &def.kind
        {
            for (name, value) in values {
                out.push(CompletionItem {
                    label: name.clone(),
                    kind: CompletionKind::EnumValue,
                    detail: Some(format!("= {value}")),
                });
            }
        }
        // `prefix.` → the included file's definitions.
        if let Some(s) = summary {
            for include in s.includes.iter().filter(|i| i.prefix == qualifier) {
                if let Some(target) = db.resolve_include(file, &include.path) {
                    definitions(db, target, &mut out);
                }
            }
        }
        if annotation {
            out.retain(|c| c.kind == CompletionKind::Struct);
        }
        return out;
    }
    definitions(db, file, &mut out);
    if annotation {
        out.retain(|c| c.kind == CompletionKind::Struct);
        if let Some(summary) = db.summary(file) {
            for include in &summary.includes {
                out.push(CompletionItem {
                    label: include.prefix.clone(),
                    kind: CompletionKind::Module,
                    detail: Some(include.path.clone()),
                });
            }
        }
        return out;
    }
    if let Some(summary) = db.summary(file) {
        for include in &summary.includes {
            out.push(CompletionItem {
                label: include.prefix.clone(),
                kind: CompletionKind::Module,
                detail: Some(include.path.clone()),
            });
        }
    }
    for t in BASE_TYPES {
        out.push(CompletionItem {
            label: t.to_string(),
            kind: CompletionKind::Type,
            detail: Some("base type".into()),
        });
    }
    for k in KEYWORDS {
        out.push(CompletionItem {
            label: k.to_string(),
            kind: CompletionKind::Keyword,
            detail: None,
        });
    }
    out
}

/// In `@Name{...}` or `Name{...}` (fbthrift), the fields of `Name`.
fn initializer_fields(db: &Database, file: FileId, offset: usize) -> Option<Vec<CompletionItem>> {
    use thrift_syntax::{AstNode, SyntaxKind, ast};
    let parse = db.parse(file)?;
    let token = parse
        .syntax_node()
        .token_at_offset(TextSize::new(offset as u32))
        .left_biased()?;
    let list = token
        .parent_ancestors()
        .find(|n| n.kind() == SyntaxKind::FIELD_INITIALIZER_LIST)?;
    // Not after `=`: then a value is being typed.
    let owner = list.parent()?;
    let path = owner.children().find_map(ast::Path::cast)?;
    let thrift_semantic::Resolution::Found(def) = db.resolve_name(file, &path.text()) else {
        return None;
    };
    let fields = db.def(def)?.kind.fields()?.to_vec();
    let after_eq = {
        let text = db.text(file)?;
        let start = usize::from(list.text_range().start());
        let inside = &text[start..offset];
        let last_sep = inside.rfind([',', ';', '{']).unwrap_or(0);
        inside[last_sep..].contains('=')
    };
    if after_eq {
        return None;
    }
    Some(
        fields
            .into_iter()
            .map(|f| CompletionItem {
                label: f.name.clone(),
                kind: CompletionKind::Field,
                detail: Some(f.ty.display()),
            })
            .collect(),
    )
}
