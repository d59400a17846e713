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
        return out;
    }
    definitions(db, file, &mut out);
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
