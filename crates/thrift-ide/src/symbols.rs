//! Document and workspace symbols.

use thrift_syntax::{
    AstNode, TextRange,
    ast::{self, HasName},
};

use crate::{Database, FileId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SymbolKind {
    Include,
    Namespace,
    Package,
    Typedef,
    Const,
    Enum,
    EnumValue,
    Struct,
    Union,
    Exception,
    Service,
    Interaction,
    Function,
    Field,
}

/// A named item, with its children (fields, values, functions).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    pub kind: SymbolKind,
    /// The whole item.
    pub range: TextRange,
    /// Its name (where the cursor goes).
    pub focus_range: TextRange,
    /// `i32`, `service Foo extends Bar`, ….
    pub detail: Option<String>,
    pub children: Vec<Symbol>,
}

fn name_of(node: &impl HasName) -> Option<(String, TextRange)> {
    let name = node.name()?;
    let text = name.text();
    (!text.is_empty()).then(|| (text, name.syntax().text_range()))
}

fn field_symbols(fields: impl Iterator<Item = ast::Field>) -> Vec<Symbol> {
    fields
        .filter_map(|f| {
            let (name, focus) = name_of(&f)?;
            let ty = f.ty().map(|t| t.syntax().text().to_string());
            let id = f.field_id().and_then(|i| i.value());
            let detail = match (id, ty) {
                (Some(id), Some(ty)) => Some(format!("{id}: {ty}")),
                (None, Some(ty)) => Some(ty),
                _ => None,
            };
            Some(Symbol {
                name,
                kind: SymbolKind::Field,
                range: f.syntax().text_range(),
                focus_range: focus,
                detail,
                children: Vec::new(),
            })
        })
        .collect()
}

fn function_symbols(functions: impl Iterator<Item = ast::Function>) -> Vec<Symbol> {
    functions
        .filter_map(|f| {
            let (name, focus) = name_of(&f)?;
            let ret = f.return_type().map(|t| t.syntax().text().to_string());
            Some(Symbol {
                name,
                kind: SymbolKind::Function,
                range: f.syntax().text_range(),
                focus_range: focus,
                detail: ret,
                children: field_symbols(f.params().into_iter()),
            })
        })
        .collect()
}

/// The outline of a file.
pub fn document_symbols(db: &Database, file: FileId) -> Vec<Symbol> {
    let Some(parse) = db.parse(file) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in parse.tree().items() {
        db.unwind_if_cancelled();
        let range = item.syntax().text_range();
        let symbol = match &item {
            ast::Item::Include(i) => i.path().map(|p| Symbol {
                name: p,
                kind: SymbolKind::Include,
                range,
                focus_range: i.path_token().map_or(range, |t| t.text_range()),
                detail: i.alias().map(|a| format!("as {a}")),
                children: Vec::new(),
            }),
            ast::Item::CppInclude(_) => None,
            ast::Item::Namespace(n) => n.value_text().map(|v| Symbol {
                name: format!("{} {v}", n.scope().map(|s| s.text()).unwrap_or_default())
                    .trim()
                    .to_string(),
                kind: SymbolKind::Namespace,
                range,
                focus_range: range,
                detail: None,
                children: Vec::new(),
            }),
            ast::Item::Package(p) => Some(Symbol {
                name: p.name().unwrap_or_default(),
                kind: SymbolKind::Package,
                range,
                focus_range: range,
                detail: None,
                children: Vec::new(),
            }),
            ast::Item::Typedef(t) => name_of(t).map(|(name, focus)| Symbol {
                name,
                kind: SymbolKind::Typedef,
                range,
                focus_range: focus,
                detail: t.target().map(|t| t.syntax().text().to_string()),
                children: Vec::new(),
            }),
            ast::Item::Const(c) => name_of(c).map(|(name, focus)| Symbol {
                name,
                kind: SymbolKind::Const,
                range,
                focus_range: focus,
                detail: c.ty().map(|t| t.syntax().text().to_string()),
                children: Vec::new(),
            }),
            ast::Item::Enum(e) => name_of(e).map(|(name, focus)| Symbol {
                name,
                kind: SymbolKind::Enum,
                range,
                focus_range: focus,
                detail: None,
                children: e
                    .values()
                    .filter_map(|v| {
                        let (name, focus) = name_of(&v)?;
                        Some(Symbol {
                            name,
                            kind: SymbolKind::EnumValue,
                            range: v.syntax().text_range(),
                            focus_range: focus,
                            detail: v.value_int().map(|n| n.to_string()),
                            children: Vec::new(),
                        })
                    })
                    .collect(),
            }),
            ast::Item::Senum(s) => name_of(s).map(|(name, focus)| Symbol {
                name,
                kind: SymbolKind::Enum,
                range,
                focus_range: focus,
                detail: Some("senum".to_string()),
                children: Vec::new(),
            }),
            ast::Item::Struct(s) => structured(s, SymbolKind::Struct, range),
            ast::Item::Union(s) => structured(s, SymbolKind::Union, range),
            ast::Item::Exception(s) => structured(s, SymbolKind::Exception, range),
            ast::Item::Service(s) => name_of(s).map(|(name, focus)| Symbol {
                name,
                kind: SymbolKind::Service,
                range,
                focus_range: focus,
                detail: s
                    .extends()
                    .and_then(|e| e.path())
                    .map(|p| format!("extends {}", p.text())),
                children: function_symbols(s.functions()),
            }),
            ast::Item::Interaction(i) => name_of(i).map(|(name, focus)| Symbol {
                name,
                kind: SymbolKind::Interaction,
                range,
                focus_range: focus,
                detail: None,
                children: function_symbols(i.functions()),
            }),
        };
        out.extend(symbol);
    }
    out
}

fn structured(
    node: &(impl HasName + ast::HasFields),
    kind: SymbolKind,
    range: TextRange,
) -> Option<Symbol> {
    let (name, focus) = name_of(node)?;
    Some(Symbol {
        name,
        kind,
        range,
        focus_range: focus,
        detail: None,
        children: field_symbols(node.fields().into_iter()),
    })
}

/// Top-level definitions of every file whose names match `query`
/// (case-insensitive, the query's characters in order). Read from the
/// files' summaries and indexes: no syntax tree is needed.
pub fn workspace_symbols(db: &Database, query: &str) -> Vec<(FileId, Symbol)> {
    let query: Vec<char> = query.chars().flat_map(char::to_lowercase).collect();
    let matches = |name: &str| {
        let mut chars = name.chars().flat_map(char::to_lowercase);
        query.iter().all(|q| chars.any(|c| c == *q))
    };
    let mut out = Vec::new();
    for file in db.file_ids() {
        db.unwind_if_cancelled();
        db.unwind_if_cancelled();
        let (Some(summary), Some(index)) = (db.summary(file), db.index(file)) else {
            continue;
        };
        for (def, (range, focus)) in summary.definitions.iter().zip(&index.definitions) {
            db.unwind_if_cancelled();
            if matches(&def.name) {
                out.push((
                    file,
                    Symbol {
                        name: def.name.clone(),
                        kind: def_symbol_kind(&def.kind),
                        range: *range,
                        focus_range: *focus,
                        detail: None,
                        children: Vec::new(),
                    },
                ));
            }
        }
    }
    out.truncate(1000);
    out
}

fn def_symbol_kind(kind: &thrift_semantic::DefKind) -> SymbolKind {
    use thrift_semantic::DefKind;
    match kind {
        DefKind::Struct { .. } => SymbolKind::Struct,
        DefKind::Union { .. } => SymbolKind::Union,
        DefKind::Exception { .. } => SymbolKind::Exception,
        DefKind::Enum { .. } | DefKind::Senum => SymbolKind::Enum,
        DefKind::Typedef { .. } => SymbolKind::Typedef,
        DefKind::Const { .. } => SymbolKind::Const,
        DefKind::Service { .. } => SymbolKind::Service,
        DefKind::Interaction { .. } => SymbolKind::Interaction,
    }
}
