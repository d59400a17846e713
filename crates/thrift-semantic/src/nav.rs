//! Navigation: from a reference to its definition, and from a definition
//! to all its references.

use thrift_syntax::{AstNode, SyntaxKind, TextRange, TextSize, ast};

use crate::{ConstResolution, Database, DefRef, FileId, Resolution, index::UseKind};

/// A reference to a definition: where it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Reference {
    pub file: FileId,
    /// The whole path as written (`inc.Type`, `Enum.VALUE`).
    pub range: TextRange,
}

impl Database {
    /// The definition that the name at `offset` in `file` refers to: a type,
    /// a service in `extends`, a const, or an enum (for `Enum.VALUE`). On a
    /// definition's own name, that definition.
    pub fn definition_at(&self, file: FileId, offset: TextSize) -> Option<DefRef> {
        let parse = self.parse(file)?;
        let root = parse.syntax_node();
        let token = root.token_at_offset(offset).right_biased()?;
        let node = token.parent()?;
        for node in node.ancestors() {
            match node.kind() {
                SyntaxKind::PATH => {
                    let parent = node.parent()?;
                    let text = ast::Path::cast(node.clone())?.text();
                    return match parent.kind() {
                        SyntaxKind::NAMED_TYPE | SyntaxKind::EXTENDS_CLAUSE => {
                            match self.resolve_name(file, &text) {
                                Resolution::Found(def) => Some(def),
                                _ => None,
                            }
                        }
                        SyntaxKind::CONST_REF => match self.resolve_const(file, &text) {
                            ConstResolution::Const(def) | ConstResolution::EnumValue(def, _) => {
                                Some(def)
                            }
                            _ => None,
                        },
                        _ => None,
                    };
                }
                SyntaxKind::NAME => {
                    let def = node.parent()?;
                    if def.parent()?.kind() != SyntaxKind::SOURCE_FILE {
                        return None;
                    }
                    let name = ast::Name::cast(node.clone())?.text();
                    let (index, _) = self.summary(file)?.definition(&name)?;
                    return Some(DefRef { file, index });
                }
                _ => {}
            }
        }
        None
    }

    /// Every reference to `def` in the database, sorted: type names,
    /// `extends` clauses, const references and enum values (`Enum.VALUE`
    /// refers to the enum). Reads the files' indexes, not their trees.
    pub fn references(&self, def: DefRef) -> Vec<Reference> {
        let Some(name) = self.def(def).map(|d| d.name.clone()) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (&file, data) in self.files.iter() {
            self.unwind_if_cancelled();
            // Only the file itself and the files that include it can refer to it.
            if file != def.file
                && !data
                    .summary
                    .includes
                    .iter()
                    .any(|inc| self.resolve_include(file, &inc.path) == Some(def.file))
            {
                continue;
            }
            let index = &data.index;
            for (i, u) in index.uses.iter().enumerate() {
                let text = index.use_text(i, &data.text);
                // Cheap filter before resolving.
                if !text.split('.').any(|segment| segment == name) {
                    continue;
                }
                let target = match u.kind {
                    UseKind::Type => match self.resolve_name(file, text) {
                        Resolution::Found(d) => Some(d),
                        _ => None,
                    },
                    UseKind::Const => match self.resolve_const(file, text) {
                        ConstResolution::Const(d) | ConstResolution::EnumValue(d, _) => Some(d),
                        _ => None,
                    },
                };
                if target == Some(def) {
                    out.push(Reference {
                        file,
                        range: u.range,
                    });
                }
            }
        }
        out.sort_by_key(|r| (r.file, r.range.start(), r.range.end()));
        out
    }
}
