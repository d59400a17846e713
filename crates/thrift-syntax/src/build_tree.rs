//! Turns parser events and the full token list into a rowan green tree.
//!
//! The parser never sees trivia; this is where whitespace, comments and
//! unknown characters go back in, by these rules:
//! - a node's range never starts with whitespace: trivia before a node goes
//!   to its parent;
//! - comments on their own line(s) directly before a header, definition,
//!   field, enum value or function are the first children of that node
//!   (its *leading* comments, where its doc comment lives); a blank line
//!   between them does not break this;
//! - comments after the last token of such an item, on the same line, are
//!   its last children (its *trailing* comments);
//! - everything else stays in the enclosing node, and trivia at the end of
//!   the file belongs to `SOURCE_FILE`.

use rowan::{GreenNode, GreenNodeBuilder, NodeCache};

use crate::{
    SyntaxKind::{self, *},
    lexer::Token,
    parser::Event,
};

/// Kinds whose leading and trailing comments are attached to them.
fn is_attachable(kind: SyntaxKind) -> bool {
    matches!(
        kind,
        INCLUDE
            | CPP_INCLUDE
            | NAMESPACE
            | TYPEDEF
            | CONST
            | ENUM
            | SENUM
            | STRUCT
            | UNION
            | EXCEPTION
            | SERVICE
            | FIELD
            | ENUM_VALUE
            | SENUM_VALUE
            | FUNCTION
            | ANNOTATION
            | CONST_MAP_ENTRY
            | PACKAGE
            | HS_INCLUDE
            | INTERACTION
            | PERFORMS
            | FIELD_INITIALIZER
    )
}

/// Whether the parser sees a token of this kind.
pub(crate) fn is_significant(kind: SyntaxKind) -> bool {
    !kind.is_trivia() && kind != ERROR_TOKEN
}

struct Builder<'a, 'c> {
    text: &'a str,
    tokens: &'a [Token],
    /// Index of the next raw token to emit.
    pos: usize,
    /// Byte offset of `tokens[pos]`.
    offset: usize,
    /// Kinds of the open nodes.
    stack: Vec<SyntaxKind>,
    inner: GreenNodeBuilder<'c>,
}

pub(crate) fn build_tree(
    text: &str,
    tokens: &[Token],
    mut events: Vec<Event>,
    cache: Option<&mut NodeCache>,
) -> GreenNode {
    let mut b = Builder {
        text,
        tokens,
        pos: 0,
        offset: 0,
        stack: Vec::new(),
        inner: match cache {
            Some(cache) => GreenNodeBuilder::with_cache(cache),
            None => GreenNodeBuilder::new(),
        },
    };
    let mut parents = Vec::new();
    for i in 0..events.len() {
        match std::mem::replace(&mut events[i], Event::Tombstone) {
            Event::Start {
                kind,
                forward_parent,
            } => {
                parents.push(kind);
                let mut idx = i;
                let mut fp = forward_parent;
                while let Some(delta) = fp {
                    idx += delta.get() as usize;
                    fp = match std::mem::replace(&mut events[idx], Event::Tombstone) {
                        Event::Start {
                            kind,
                            forward_parent,
                        } => {
                            parents.push(kind);
                            forward_parent
                        }
                        _ => unreachable!("forward parent is not a start event"),
                    };
                }
                for kind in parents.drain(..).rev() {
                    b.start(kind);
                }
            }
            Event::Finish => b.finish(),
            Event::Token { kind } => b.token(kind),
            Event::Tombstone => {}
        }
    }
    debug_assert_eq!(b.pos, tokens.len(), "not every token made it into the tree");
    b.inner.finish()
}

impl Builder<'_, '_> {
    fn start(&mut self, kind: SyntaxKind) {
        if !self.stack.is_empty() {
            if is_attachable(kind) {
                let split = self.leading_split();
                self.emit_until(split);
            } else {
                self.flush_trivia();
            }
        }
        self.inner.start_node(kind.into());
        self.stack.push(kind);
    }

    fn finish(&mut self) {
        let kind = self.stack.pop().expect("finish without start");
        if self.stack.is_empty() {
            // The root keeps everything that is left.
            self.emit_until(self.tokens.len());
        } else if is_attachable(kind)
            && let Some(end) = self.trailing_end()
        {
            self.emit_until(end);
        }
        self.inner.finish_node();
    }

    fn token(&mut self, kind: SyntaxKind) {
        self.flush_trivia();
        debug_assert!(self.pos < self.tokens.len(), "token event past the end");
        if self.pos < self.tokens.len() {
            debug_assert!(is_significant(self.tokens[self.pos].kind));
            self.emit_one(kind);
        }
    }

    fn emit_one(&mut self, kind: SyntaxKind) {
        let len = usize::from(self.tokens[self.pos].len);
        let text = &self.text[self.offset..self.offset + len];
        self.inner.token(kind.into(), text);
        self.pos += 1;
        self.offset += len;
    }

    fn emit_until(&mut self, end: usize) {
        while self.pos < end {
            let kind = self.tokens[self.pos].kind;
            self.emit_one(kind);
        }
    }

    /// Emits the trivia before the next significant token.
    fn flush_trivia(&mut self) {
        while self.pos < self.tokens.len() && !is_significant(self.tokens[self.pos].kind) {
            let kind = self.tokens[self.pos].kind;
            self.emit_one(kind);
        }
    }

    fn token_text(&self, i: usize, offset: usize) -> &str {
        &self.text[offset..offset + usize::from(self.tokens[i].len)]
    }

    /// Where the trivia before the next significant token splits into what
    /// stays outside an attachable node and its leading comments: the first
    /// comment that starts a line.
    fn leading_split(&self) -> usize {
        let mut at_line_start = self.offset == 0;
        let mut offset = self.offset;
        let mut i = self.pos;
        while i < self.tokens.len() {
            let kind = self.tokens[i].kind;
            if is_significant(kind) {
                return i;
            }
            if kind.is_comment() && at_line_start {
                return i;
            }
            if kind == WHITESPACE && self.token_text(i, offset).contains('\n') {
                at_line_start = true;
            } else if kind != WHITESPACE {
                at_line_start = false;
            }
            offset += usize::from(self.tokens[i].len);
            i += 1;
        }
        i
    }

    /// The end of the comments on the same line right after the last token,
    /// if there are any.
    fn trailing_end(&self) -> Option<usize> {
        let mut end = None;
        let mut offset = self.offset;
        let mut i = self.pos;
        while i < self.tokens.len() {
            let kind = self.tokens[i].kind;
            if kind.is_comment() {
                end = Some(i + 1);
            } else if kind != WHITESPACE || self.token_text(i, offset).contains('\n') {
                break;
            }
            offset += usize::from(self.tokens[i].len);
            i += 1;
        }
        end
    }
}
