//! Editor features for Thrift IDL, as plain Rust: byte offsets, ranges and
//! strings. No LSP types here; `thrift-lsp` translates.
//!
//! Every feature is a function over the semantic model
//! ([`thrift_semantic::Database`]) and a file. An [`AnalysisHost`] holds
//! the model and takes changes; its [`Analysis`] snapshots answer queries
//! on other threads and are cancelled by the next change.

mod actions;
mod analysis;
mod completion;
mod fix;
mod format;
mod highlight;
mod hover;
mod nav;
mod symbols;
mod target_fix;

pub use crate::{
    actions::{CodeAction, CodeActionKind, code_actions},
    analysis::{Analysis, AnalysisHost, Cancellable},
    completion::{
        CompletionItem, CompletionKind, completions, completions_in_workspace, include_edit,
        relative_path,
    },
    fix::{Fix, FixRule, Fixes, add_include_candidates, apply_edits, fixes},
    format::{format_edits, format_edits_checked, format_range_edits, format_range_edits_checked},
    highlight::{
        Fold, FoldKind, InlayHint, InlayHintConfig, SemanticToken, TOKEN_MODIFIERS, TOKEN_TYPES,
        folding_ranges, inlay_hints, semantic_tokens,
    },
    hover::{Hover, hover},
    nav::{
        NavTarget, document_highlights, document_links, goto_definition, goto_type_definition,
        prepare_rename, references, rename, selection_ranges,
    },
    symbols::{Symbol, SymbolKind, document_symbols, workspace_symbols},
    target_fix::{RenameFix, target_rename_fixes},
};
pub use thrift_semantic::{Cancelled, Database, FileId};
pub use thrift_syntax::{TextRange, TextSize};

/// A change to a file's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEdit {
    pub range: TextRange,
    pub new_text: String,
}

/// The syntax tree of a file as text (for "show syntax tree").
pub fn syntax_tree(db: &Database, file: FileId) -> Option<String> {
    let parse = db.parse(file)?;
    Some(format!(
        "// dialect: {}\n{}",
        parse.dialect().as_str(),
        parse.debug_dump()
    ))
}

#[cfg(test)]
mod tests;
