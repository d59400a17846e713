//! A flat copy of the syntax tree, made in one walk over the green tree.
//!
//! The rules look at children, kinds, token texts, the token before a
//! token and the first and last tokens of nodes. Asking rowan's cursor API
//! for these allocates a cursor per element visited (and frees it again),
//! which was a third of the formatter's time. Here every token and node is
//! an index into a `Vec`; text is a slice of the source. `first`, `last`,
//! `prev` and `next` follow rowan's definitions exactly (so `first_token`
//! of a node whose first child is an empty node is `None`, as in rowan).

use thrift_syntax::{GreenNode, NodeOrToken, SyntaxKind, SyntaxKind::*};

type GreenNodeData = <GreenNode as std::ops::Deref>::Target;

/// "No token" / "no node".
pub(crate) const NONE: u32 = u32::MAX;

#[derive(Clone, Copy)]
pub(crate) struct Tok {
    pub kind: SyntaxKind,
    pub start: u32,
    pub end: u32,
    /// rowan's `prev_token`.
    pub prev: u32,
    /// rowan's `next_token`.
    pub next: u32,
}

#[derive(Clone, Copy)]
pub(crate) struct Node {
    pub kind: SyntaxKind,
    pub parent: u32,
    /// Byte range.
    pub start: u32,
    pub end: u32,
    /// Children: `elems[children.0..children.1]`.
    pub children: (u32, u32),
    /// rowan's `first_token` and `last_token`.
    pub first: u32,
    pub last: u32,
    /// Descendant tokens: `toks[tokens.0..tokens.1]`.
    pub tokens: (u32, u32),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Elem {
    Tok(u32),
    Node(u32),
}

pub(crate) struct Tree<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    pub nodes: Vec<Node>,
    pub elems: Vec<Elem>,
}

struct Builder {
    toks: Vec<Tok>,
    nodes: Vec<Node>,
    elems: Vec<Elem>,
    offset: u32,
    /// The last token visited, while its `next` is still open: the next
    /// element entered decides it.
    pending: u32,
}

impl Builder {
    /// Walks `green` (entered as an element whose `prev_token` would be
    /// `before`), returns its node index.
    fn node(&mut self, green: &GreenNodeData, parent: u32, before: u32) -> u32 {
        let index = self.nodes.len() as u32;
        let kind = SyntaxKind::from(green.kind().0);
        let n = green.children().len();
        let children_start = self.elems.len();
        self.elems.resize(children_start + n, Elem::Tok(NONE));
        self.nodes.push(Node {
            kind,
            parent,
            start: self.offset,
            end: self.offset,
            children: (children_start as u32, (children_start + n) as u32),
            first: NONE,
            last: NONE,
            tokens: (self.toks.len() as u32, self.toks.len() as u32),
        });
        if n == 0 && self.pending != NONE {
            // rowan's `first_token` of an empty node is `None`.
            self.toks[self.pending as usize].next = NONE;
            self.pending = NONE;
        }
        let mut before = before;
        let mut first = NONE;
        for (i, child) in green.children().enumerate() {
            let (elem, child_first, child_last) = match child {
                NodeOrToken::Token(t) => {
                    let t_index = self.toks.len() as u32;
                    let start = self.offset;
                    self.offset += u32::from(t.text_len());
                    if self.pending != NONE {
                        self.toks[self.pending as usize].next = t_index;
                    }
                    self.pending = t_index;
                    self.toks.push(Tok {
                        kind: SyntaxKind::from(t.kind().0),
                        start,
                        end: self.offset,
                        prev: before,
                        next: NONE,
                    });
                    (Elem::Tok(t_index), t_index, t_index)
                }
                NodeOrToken::Node(g) => {
                    let c = self.node(g, index, before);
                    let node = &self.nodes[c as usize];
                    (Elem::Node(c), node.first, node.last)
                }
            };
            if i == 0 {
                first = child_first;
            }
            self.elems[children_start + i] = elem;
            before = child_last;
        }
        let node = &mut self.nodes[index as usize];
        node.end = self.offset;
        node.first = first;
        node.last = if n == 0 { NONE } else { before };
        node.tokens.1 = self.toks.len() as u32;
        index
    }
}

impl<'a> Tree<'a> {
    pub fn new(text: &'a str, green: &GreenNode) -> Tree<'a> {
        let mut b = Builder {
            toks: Vec::with_capacity(text.len() / 3 + 16),
            nodes: Vec::with_capacity(text.len() / 12 + 16),
            elems: Vec::with_capacity(text.len() / 3 + 16),
            offset: 0,
            pending: NONE,
        };
        b.node(green, NONE, NONE);
        debug_assert_eq!(b.offset as usize, text.len(), "the tree is lossless");
        Tree {
            text,
            toks: b.toks,
            nodes: b.nodes,
            elems: b.elems,
        }
    }

    pub fn root(&self) -> u32 {
        0
    }

    pub fn node(&self, n: u32) -> &Node {
        &self.nodes[n as usize]
    }

    pub fn tok(&self, t: u32) -> &Tok {
        &self.toks[t as usize]
    }

    pub fn children(&self, n: u32) -> &[Elem] {
        let (a, b) = self.nodes[n as usize].children;
        &self.elems[a as usize..b as usize]
    }

    pub fn kind(&self, e: Elem) -> SyntaxKind {
        match e {
            Elem::Tok(t) => self.toks[t as usize].kind,
            Elem::Node(n) => self.nodes[n as usize].kind,
        }
    }

    pub fn text(&self, t: u32) -> &'a str {
        let tok = &self.toks[t as usize];
        &self.text[tok.start as usize..tok.end as usize]
    }

    pub fn node_text(&self, n: u32) -> &'a str {
        let node = &self.nodes[n as usize];
        &self.text[node.start as usize..node.end as usize]
    }

    /// Byte range of an element.
    pub fn range(&self, e: Elem) -> (u32, u32) {
        match e {
            Elem::Tok(t) => (self.toks[t as usize].start, self.toks[t as usize].end),
            Elem::Node(n) => (self.nodes[n as usize].start, self.nodes[n as usize].end),
        }
    }

    /// rowan's `first_token` of an element.
    pub fn first_token(&self, e: Elem) -> u32 {
        match e {
            Elem::Tok(t) => t,
            Elem::Node(n) => self.nodes[n as usize].first,
        }
    }

    /// Whether a token is the first thing on its line in the source.
    pub fn starts_line(&self, t: u32) -> bool {
        match self.toks[t as usize].prev {
            NONE => true,
            p => self.toks[p as usize].kind == WHITESPACE && self.text(p).contains('\n'),
        }
    }

    /// Whether the source has an empty line right before `e`.
    pub fn blank_before(&self, e: Elem) -> bool {
        let first = self.first_token(e);
        if first == NONE {
            return false;
        }
        match self.toks[first as usize].prev {
            NONE => false,
            p => {
                self.toks[p as usize].kind == WHITESPACE
                    && self
                        .text(p)
                        .bytes()
                        .filter(|&b| b == b'\n')
                        .nth(1)
                        .is_some()
            }
        }
    }

    /// Whether an element starts its line in the source.
    pub fn starts_line_element(&self, e: Elem) -> bool {
        match self.first_token(e) {
            NONE => true,
            t => self.starts_line(t),
        }
    }

    /// The kind of the first non-trivia token of an element (`EOF` if none).
    pub fn first_kind(&self, e: Elem) -> SyntaxKind {
        match e {
            Elem::Tok(t) => self.toks[t as usize].kind,
            Elem::Node(n) => {
                let end = self.nodes[n as usize].end;
                let mut t = self.nodes[n as usize].first;
                while t != NONE {
                    let tok = &self.toks[t as usize];
                    if tok.start >= end {
                        break;
                    }
                    if !tok.kind.is_trivia() {
                        return tok.kind;
                    }
                    t = tok.next;
                }
                EOF
            }
        }
    }

    /// The kind of the last non-trivia token of an element (`EOF` if none).
    pub fn last_kind(&self, e: Elem) -> SyntaxKind {
        match e {
            Elem::Tok(t) => self.toks[t as usize].kind,
            Elem::Node(n) => {
                let start = self.nodes[n as usize].start;
                let mut t = self.nodes[n as usize].last;
                while t != NONE {
                    let tok = &self.toks[t as usize];
                    if tok.start < start {
                        break;
                    }
                    if !tok.kind.is_trivia() {
                        return tok.kind;
                    }
                    t = tok.prev;
                }
                EOF
            }
        }
    }

    /// The tokens of a node's subtree, in order.
    pub fn descendant_tokens(&self, n: u32) -> &[Tok] {
        let (a, b) = self.nodes[n as usize].tokens;
        &self.toks[a as usize..b as usize]
    }

    /// Tokens other than whitespace in a node's subtree.
    pub fn count_printed(&self, n: u32) -> usize {
        self.descendant_tokens(n)
            .iter()
            .filter(|t| t.kind != WHITESPACE)
            .count()
    }
}

#[cfg(test)]
mod tests {
    use thrift_syntax::{SyntaxElement, SyntaxNode, SyntaxToken};

    use super::*;

    /// The flat tree against rowan's, element by element: kinds, ranges,
    /// children, parents, and rowan's `first_token`, `last_token`,
    /// `prev_token` and `next_token` (which stop at empty nodes).
    fn check(text: &str) -> usize {
        let parse = thrift_syntax::parse(text);
        let tree = Tree::new(text, parse.green());
        let root = parse.syntax_node();
        let tokens: Vec<SyntaxToken> = root
            .descendants_with_tokens()
            .filter_map(SyntaxElement::into_token)
            .collect();
        let nodes: Vec<SyntaxNode> = root.descendants().collect();
        assert_eq!(tokens.len(), tree.toks.len());
        assert_eq!(nodes.len(), tree.nodes.len());
        let tok_index = |t: Option<SyntaxToken>| {
            t.map_or(NONE, |t| {
                tokens.iter().position(|x| *x == t).expect("a token") as u32
            })
        };
        let node_index = |n: &SyntaxNode| nodes.iter().position(|x| x == n).expect("a node") as u32;
        for (i, t) in tokens.iter().enumerate() {
            let tok = tree.tok(i as u32);
            assert_eq!(tok.kind, t.kind());
            assert_eq!(tree.text(i as u32), t.text());
            assert_eq!(tok.prev, tok_index(t.prev_token()), "prev of {t:?}");
            assert_eq!(tok.next, tok_index(t.next_token()), "next of {t:?}");
        }
        let mut empty = 0;
        for (i, n) in nodes.iter().enumerate() {
            let node = tree.node(i as u32);
            assert_eq!(node.kind, n.kind());
            assert_eq!(
                (node.start, node.end),
                (n.text_range().start().into(), n.text_range().end().into())
            );
            assert_eq!(node.parent, n.parent().map_or(NONE, |p| node_index(&p)));
            assert_eq!(node.first, tok_index(n.first_token()), "first of {n:?}");
            assert_eq!(node.last, tok_index(n.last_token()), "last of {n:?}");
            let children: Vec<Elem> = n
                .children_with_tokens()
                .map(|e| match e {
                    SyntaxElement::Node(c) => Elem::Node(node_index(&c)),
                    SyntaxElement::Token(t) => Elem::Tok(tok_index(Some(t))),
                })
                .collect();
            assert_eq!(tree.children(i as u32), children.as_slice());
            let descendants = n
                .descendants_with_tokens()
                .filter(|e| e.as_token().is_some())
                .count();
            assert_eq!(tree.descendant_tokens(i as u32).len(), descendants);
            empty += usize::from(n.first_child_or_token().is_none());
        }
        empty
    }

    #[test]
    fn flat_tree_matches_rowan() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for sub in ["test_data", "../thrift-syntax/test_data/parser"] {
            let mut stack = vec![dir.join(sub)];
            while let Some(d) = stack.pop() {
                for e in std::fs::read_dir(&d).expect("a test data folder") {
                    let p = e.expect("an entry").path();
                    if p.is_dir() {
                        stack.push(p);
                    } else if p.extension().is_some_and(|x| x == "thrift") {
                        files.push(std::fs::read_to_string(&p).expect("a file"));
                    }
                }
            }
        }
        assert!(files.len() > 50, "test data found");
        files.push(String::new());
        files.push("struct".into());
        files.push("struct A { 1: list< } const i32 x = ".into());
        files.push("service S { void f(1: i32 a, throws (1: E e) }\n".into());
        let empty: usize = files.iter().map(|f| check(f)).sum();
        // Some trees have empty nodes, where rowan's walks stop.
        assert!(empty > 0, "no empty node in the test data");
    }
}
