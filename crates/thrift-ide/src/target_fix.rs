//! Quick fixes for the target-aware checks (`T3xxx`, docs/targets.md)
//! whose fix is a new name: the name gets a trailing `_` (what Apache py
//! 0.23 and thriftgo do themselves), through [`crate::rename`] so that
//! every use follows, in every file. Arguments and functions, which
//! nothing else refers to, are renamed where they are.

use thrift_semantic::{Diagnostic, targets::rename_suggestion};
use thrift_syntax::{AstNode, SyntaxKind, TextRange};

use crate::{Database, FileId, TextEdit};

/// A rename that fixes a target diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenameFix {
    pub title: String,
    pub diagnostic: Diagnostic,
    /// Edits in every file that uses the name.
    pub edits: Vec<(FileId, TextEdit)>,
}

/// Whether `name` is a whole identifier somewhere in `text`.
fn used_in(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        let ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        !ident(before) && !ident(after)
    })
}

/// The rename fixes for the target diagnostics of `file` in `range`.
pub fn target_rename_fixes(db: &Database, file: FileId, range: TextRange) -> Vec<RenameFix> {
    let (Some(parse), Some(text)) = (db.parse(file), db.text(file)) else {
        return Vec::new();
    };
    let root = parse.syntax_node();
    let mut out = Vec::new();
    for d in db.check_file(file).iter().filter(|d| {
        d.code.is_target() && (d.range.intersect(range).is_some() || range.contains_range(d.range))
    }) {
        let Some(name) = text.get(std::ops::Range::<usize>::from(d.range)) else {
            continue;
        };
        // Only a name of a definition, field, enum value, function or
        // argument: not an annotation key or a namespace.
        let Some(node) = root
            .covering_element(d.range)
            .ancestors()
            .find(|n| n.kind() == SyntaxKind::NAME)
            .filter(|n| n.text_range() == d.range)
        else {
            continue;
        };
        let Some(mut new_name) = rename_suggestion(d.code, name) else {
            continue;
        };
        // A name nothing in the file uses yet.
        while used_in(text, &new_name) {
            new_name.push('_');
        }
        let edits = match crate::rename(db, file, d.range.start(), &new_name) {
            Ok(edits) => edits,
            Err(_) if is_local(&node) => vec![(
                file,
                TextEdit {
                    range: d.range,
                    new_text: new_name.clone(),
                },
            )],
            Err(_) => continue,
        };
        out.push(RenameFix {
            title: format!("Rename `{name}` to `{new_name}`"),
            diagnostic: d.clone(),
            edits,
        });
    }
    out
}

/// A function's or an argument's name: nothing refers to it elsewhere.
fn is_local(name: &thrift_syntax::SyntaxNode) -> bool {
    let Some(parent) = name.parent() else {
        return false;
    };
    parent.kind() == SyntaxKind::FUNCTION
        || (parent.kind() == SyntaxKind::FIELD
            && parent
                .parent()
                .is_some_and(|p| p.kind() == SyntaxKind::PARAM_LIST))
        || thrift_syntax::ast::Function::cast(parent).is_some()
}

#[cfg(test)]
mod tests {
    use thrift_semantic::Targets;
    use thrift_syntax::{TextRange, TextSize};

    use super::*;

    fn fixes(text: &str, targets: &[&str]) -> Vec<String> {
        let mut db = Database::new(|_: FileId, _: &str| None);
        db.apply_change(FileId(0), text);
        db.set_targets(Targets::parse(targets, Some("0.17")).unwrap());
        let all = TextRange::new(TextSize::new(0), TextSize::of(text));
        target_rename_fixes(&db, FileId(0), all)
            .into_iter()
            .map(|f| {
                let edits: Vec<String> = f
                    .edits
                    .iter()
                    .map(|(_, e)| format!("{:?} {}", e.range, e.new_text))
                    .collect();
                format!("{} [{}] {}", f.diagnostic.code, f.title, edits.join(", "))
            })
            .collect()
    }

    #[test]
    fn renames_fix_names_but_not_annotation_keys() {
        let text = "struct end {\n  1: i32 x (from = \"a\")\n}\nconst end E = {\"x\": 1}\nservice S {\n  void f(1: i32 self, 2: i32 self_)\n}\n";
        assert_eq!(
            fixes(text, &["thriftpy2"]),
            [
                // The struct, and its use as a type.
                "T3001 [Rename `end` to `end_`] 7..10 end_, 45..48 end_",
                // An argument: only where it is; `self_` is taken.
                "T3001 [Rename `self` to `self__`] 90..94 self__",
            ]
        );
        // No rename for what a rename does not fix.
        assert!(fixes("struct Q {\n  1: list<i32> l = []\n}\n", &["py"]).is_empty());
    }
}
