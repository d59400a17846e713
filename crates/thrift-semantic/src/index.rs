//! Per-file positions, computed with the summary at parse time: where the
//! file's definitions are and where it names other definitions. Queries
//! that look across the workspace (references, rename, workspace symbols)
//! read this instead of walking syntax trees, so that they stay fast and do
//! not need the trees of files nobody has open.
//!
//! Unlike the summary, the index holds offsets: it changes on every edit,
//! and is never compared to decide what to recheck.

use thrift_syntax::{
    AstNode, SyntaxKind, TextRange,
    ast::{self, HasName},
};

/// What kind of name a use is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UseKind {
    /// A type (`NamedType`) or the service of an `extends` clause.
    Type,
    /// A const or an enum value in a value position.
    Const,
}

/// A path that may name a definition: `Foo`, `inc.Foo`, `Enum.VALUE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Use {
    pub range: TextRange,
    pub kind: UseKind,
}

/// The positions of one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileIndex {
    /// Every path in a type, `extends` or value position, in file order.
    pub uses: Vec<Use>,
    /// Parallel to the summary's `definitions`: each named top-level
    /// definition's whole range and its name's range.
    pub definitions: Vec<(TextRange, TextRange)>,
}

impl FileIndex {
    pub fn build(file: &ast::SourceFile) -> FileIndex {
        let mut index = FileIndex::default();
        for def in file.definitions() {
            let Some(name) = def.name() else { continue };
            if name.text().is_empty() {
                continue;
            }
            index
                .definitions
                .push((def.syntax().text_range(), name.syntax().text_range()));
        }
        for node in file.syntax().descendants() {
            if node.kind() != SyntaxKind::PATH {
                continue;
            }
            let kind = match node.parent().map(|p| p.kind()) {
                Some(SyntaxKind::NAMED_TYPE | SyntaxKind::EXTENDS_CLAUSE) => UseKind::Type,
                Some(SyntaxKind::CONST_REF) => UseKind::Const,
                _ => continue,
            };
            index.uses.push(Use {
                range: node.text_range(),
                kind,
            });
        }
        index.uses.shrink_to_fit();
        index.definitions.shrink_to_fit();
        index
    }

    /// The text of use number `i` of the file whose text is `text`. A
    /// path has no trivia inside (its dots and segments touch: one lexeme
    /// in Apache Thrift), so this is the text as written.
    pub fn use_text<'a>(&self, i: usize, text: &'a str) -> &'a str {
        &text[self.uses[i].range]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uses_and_definitions_with_their_ranges() {
        let text = "include \"inc.thrift\"\nenum E { V }\nconst E c = E.V\nstruct S { 1: inc.T t, 2: list<S> l = [], }\nservice X extends inc.Base {}\nstruct {}\n";
        let parse = thrift_syntax::parse(text);
        let index = FileIndex::build(&parse.tree());
        let uses: Vec<String> = (0..index.uses.len())
            .map(|i| format!("{:?} {}", index.uses[i].kind, index.use_text(i, text)))
            .collect();
        assert_eq!(
            uses,
            [
                "Type E",
                "Const E.V",
                "Type inc.T",
                "Type S",
                "Type inc.Base"
            ]
        );
        // Named definitions only, as in the summary.
        let names: Vec<&str> = index
            .definitions
            .iter()
            .map(|(_, name)| &text[*name])
            .collect();
        assert_eq!(names, ["E", "c", "S", "X"]);
        let (whole, _) = index.definitions[0];
        assert_eq!(&text[whole], "enum E { V }");
    }
}
