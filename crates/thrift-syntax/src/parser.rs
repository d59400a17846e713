//! The parser machinery: a cursor over the significant tokens that records
//! events (`Start`, `Token`, `Finish`) instead of building a tree. The
//! grammar lives in [`crate::grammar`]; [`crate::build_tree`] turns the
//! events into a rowan tree and puts the trivia back.

use std::{cell::Cell, num::NonZeroU32};

use crate::{SyntaxError, SyntaxKind, TextRange, TextSize, line_index::LineIndex};

/// A parser-visible token: no trivia, no unknown characters.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Input {
    pub kind: SyntaxKind,
    pub range: TextRange,
    /// A newline separates this token from the previous significant one.
    pub newline_before: bool,
}

#[derive(Debug, Clone)]
pub(crate) enum Event {
    /// Start a node. `forward_parent` points (as a relative offset) at a
    /// `Start` event that must be opened *before* this one, see
    /// [`CompletedMarker::precede`]. (Never zero: the parent starts later.
    /// `NonZeroU32` keeps an event in 8 bytes; a 20 MB file has about 16
    /// million of them.)
    Start {
        kind: SyntaxKind,
        forward_parent: Option<NonZeroU32>,
    },
    /// The next significant token, possibly re-kinded (a keyword used as a
    /// name becomes an `IDENT`).
    Token {
        kind: SyntaxKind,
    },
    Finish,
    /// A `Start` that was abandoned or moved.
    Tombstone,
}

/// Lookahead budget between two token bumps. Running out means a loop of
/// the grammar does not make progress.
const FUEL: u32 = 4096;

/// Nesting depth at which container types, const values and annotation
/// lists stop recursing and report an error.
pub(crate) const MAX_DEPTH: u32 = 128;

pub(crate) struct Parser<'t> {
    text: &'t str,
    input: &'t [Input],
    pos: usize,
    fuel: Cell<u32>,
    pub(crate) depth: u32,
    events: Vec<Event>,
    errors: Vec<SyntaxError>,
    line_index: Option<LineIndex>,
    dialect: crate::Dialect,
    /// The dialect was detected, not set (for the advice in errors).
    auto: bool,
    /// Syntax that only fbthrift accepts was seen (in either dialect).
    fbthrift_syntax: bool,
}

impl<'t> Parser<'t> {
    pub(crate) fn new(
        text: &'t str,
        input: &'t [Input],
        dialect: crate::Dialect,
        auto: bool,
    ) -> Parser<'t> {
        Parser {
            text,
            input,
            pos: 0,
            fuel: Cell::new(FUEL),
            depth: 0,
            // About 2.4 events per token in real files (a start and a
            // finish per node); one allocation instead of growing a large
            // vector by copying.
            events: Vec::with_capacity(input.len() * 5 / 2 + 16),
            errors: Vec::new(),
            line_index: None,
            dialect,
            auto,
            fbthrift_syntax: false,
        }
    }

    /// The events, the errors, and whether syntax that only fbthrift
    /// accepts was seen.
    pub(crate) fn finish(self) -> (Vec<Event>, Vec<SyntaxError>, bool) {
        (self.events, self.errors, self.fbthrift_syntax)
    }

    // ---- lookahead ----

    /// The kind of the `n`-th significant token from here (`EOF` past the end).
    pub(crate) fn nth(&self, n: usize) -> SyntaxKind {
        let fuel = self.fuel.get();
        if fuel == 0 {
            // A grammar loop that does not consume. Tests run with debug
            // assertions and catch this. A release build pretends the input
            // ended, so every loop exits, and the top-level loop skips a
            // token (see `is_stuck`).
            debug_assert!(false, "parser is stuck at token {}", self.pos);
            return SyntaxKind::EOF;
        }
        self.fuel.set(fuel - 1);
        self.input
            .get(self.pos + n)
            .map_or(SyntaxKind::EOF, |t| t.kind)
    }

    /// True when the lookahead budget is spent (only in release builds,
    /// since debug builds panic first). The top-level loop then skips a
    /// token, so the parser always terminates.
    pub(crate) fn is_stuck(&self) -> bool {
        self.fuel.get() == 0
    }

    pub(crate) fn current(&self) -> SyntaxKind {
        self.nth(0)
    }

    pub(crate) fn at(&self, kind: SyntaxKind) -> bool {
        self.nth(0) == kind
    }

    pub(crate) fn nth_at(&self, n: usize, kind: SyntaxKind) -> bool {
        self.nth(n) == kind
    }

    pub(crate) fn at_ts(&self, set: TokenSet) -> bool {
        set.contains(self.current())
    }

    pub(crate) fn at_eof(&self) -> bool {
        self.pos >= self.input.len()
    }

    /// Whether a newline precedes the `n`-th token from here.
    pub(crate) fn nth_on_new_line(&self, n: usize) -> bool {
        self.input
            .get(self.pos + n)
            .is_none_or(|t| t.newline_before)
    }

    /// Whether the `n`-th token from here touches the token before it (no
    /// whitespace, comment or unknown character between them).
    pub(crate) fn nth_joined(&self, n: usize) -> bool {
        let i = self.pos + n;
        match (
            i.checked_sub(1).and_then(|j| self.input.get(j)),
            self.input.get(i),
        ) {
            (Some(prev), Some(this)) => prev.range.end() == this.range.start(),
            _ => false,
        }
    }

    /// The text of the current token.
    pub(crate) fn current_text(&self) -> &'t str {
        self.input.get(self.pos).map_or("", |t| &self.text[t.range])
    }

    /// The range of the current token, or an empty range at the end.
    pub(crate) fn current_range(&self) -> TextRange {
        match self.input.get(self.pos) {
            Some(t) => t.range,
            None => TextRange::empty(TextSize::of(self.text)),
        }
    }

    /// An empty range right after the previous significant token: where a
    /// missing token belongs.
    pub(crate) fn gap_range(&self) -> TextRange {
        match self.pos.checked_sub(1).and_then(|i| self.input.get(i)) {
            Some(t) => TextRange::empty(t.range.end()),
            None => TextRange::empty(TextSize::new(0)),
        }
    }

    // ---- consuming ----

    pub(crate) fn bump_any(&mut self) {
        if let Some(token) = self.input.get(self.pos) {
            self.bump_as(token.kind);
        }
    }

    /// Consumes the current token, giving it `kind` in the tree.
    pub(crate) fn bump_as(&mut self, kind: SyntaxKind) {
        debug_assert!(!self.at_eof());
        self.fuel.set(FUEL);
        self.events.push(Event::Token { kind });
        self.pos += 1;
    }

    pub(crate) fn bump(&mut self, kind: SyntaxKind) {
        assert!(self.eat(kind));
    }

    pub(crate) fn eat(&mut self, kind: SyntaxKind) -> bool {
        if !self.at(kind) {
            return false;
        }
        self.bump_as(kind);
        true
    }

    /// Eats `kind` or reports it missing (without consuming anything).
    pub(crate) fn expect(&mut self, kind: SyntaxKind) -> bool {
        if self.eat(kind) {
            return true;
        }
        self.error_expected(kind.describe());
        false
    }

    // ---- dialects ----

    pub(crate) fn dialect_is_fbthrift(&self) -> bool {
        self.dialect == crate::Dialect::FbThrift
    }

    /// fbthrift syntax: fine in fbthrift files, one clear error in Apache
    /// ones (the tree is the same either way). Seeing it makes `auto` read
    /// the file as fbthrift, unless the file reads even worse as fbthrift.
    pub(crate) fn fbthrift_only(&mut self, range: TextRange, what: &str) {
        self.fbthrift_only_hint(range, what, "");
    }

    /// [`Parser::fbthrift_only`], with a hint for Apache (`; ...`) after
    /// the message.
    pub(crate) fn fbthrift_only_hint(&mut self, range: TextRange, what: &str, hint: &str) {
        self.fbthrift_syntax = true;
        if !self.dialect_is_fbthrift() {
            let why = if self.auto {
                "it has more syntax errors read as fbthrift"
            } else {
                "the dialect is set to `apache`"
            };
            self.error_at(
                range,
                format!(
                    "{what} is fbthrift syntax, but this file is read as Apache Thrift because {why}; for an fbthrift file, set `dialect = \"fbthrift\"` in thrift-tools.toml, or pass `--dialect fbthrift`{hint}"
                ),
            );
        }
    }

    // ---- errors ----

    /// Reports at the gap before the current token.
    pub(crate) fn error(&mut self, message: impl Into<String>) {
        let range = self.gap_range();
        self.errors.push(SyntaxError::new(message.into(), range));
    }

    pub(crate) fn error_at(&mut self, range: TextRange, message: impl Into<String>) {
        self.errors.push(SyntaxError::new(message.into(), range));
    }

    /// "expected X, found Y", at the gap before the current token.
    pub(crate) fn error_expected(&mut self, what: &str) {
        let found = self.describe_current();
        self.error(format!("expected {what}, found {found}"));
    }

    /// The current token for a message: `` `struct` ``, `` `foo` ``, `end of file`.
    pub(crate) fn describe_current(&self) -> String {
        let kind = self.current();
        match kind {
            SyntaxKind::EOF => "end of file".to_string(),
            _ => {
                let text = self.current_text();
                let shown: String = text.chars().take(32).collect();
                let dots = if shown.len() < text.len() { "…" } else { "" };
                let shown: String = shown
                    .chars()
                    .map(|c| {
                        if c.is_control() {
                            c.escape_default().to_string()
                        } else {
                            c.to_string()
                        }
                    })
                    .collect();
                format!("`{shown}{dots}`")
            }
        }
    }

    /// Wraps the current token in an `ERROR` node with a message.
    pub(crate) fn err_and_bump(&mut self, message: impl Into<String>) {
        let range = self.current_range();
        self.error_at(range, message);
        let m = self.start();
        self.bump_any();
        m.complete(self, SyntaxKind::ERROR);
    }

    /// Wraps the current token, and the tokens after it up to one in
    /// `stop`, in one `ERROR` node with one message. Consumes at least one
    /// token, so a loop calling it always makes progress.
    pub(crate) fn err_skip(&mut self, message: impl Into<String>, stop: TokenSet) {
        let start = self.current_range().start();
        let m = self.start();
        self.bump_any();
        while !self.at_eof() && !self.at_ts(stop) {
            self.bump_any();
        }
        m.complete(self, SyntaxKind::ERROR);
        let end = self.gap_range().start();
        self.error_at(TextRange::new(start, end.max(start)), message);
    }

    /// `line:col` (1-based, columns in characters) of an offset, for messages
    /// such as "opened at 3:12".
    pub(crate) fn line_col(&mut self, offset: TextSize) -> String {
        let index = self
            .line_index
            .get_or_insert_with(|| LineIndex::new(self.text));
        let lc = index.line_col(self.text, offset);
        format!("{}:{}", lc.line + 1, lc.col + 1)
    }

    // ---- markers ----

    pub(crate) fn start(&mut self) -> Marker {
        let pos = self.events.len() as u32;
        self.events.push(Event::Tombstone);
        Marker { pos, done: false }
    }
}

/// A node that has started but not finished. Must be completed or abandoned.
pub(crate) struct Marker {
    pos: u32,
    done: bool,
}

impl Marker {
    /// Whether nothing was parsed since the marker started.
    pub(crate) fn is_empty(&self, p: &Parser<'_>) -> bool {
        self.pos as usize == p.events.len() - 1
    }

    /// Drops a marker that has nothing in it.
    pub(crate) fn abandon(mut self, p: &mut Parser<'_>) {
        self.done = true;
        debug_assert!(self.is_empty(p), "abandoning a marker with content");
        if self.pos as usize == p.events.len() - 1 {
            p.events.pop();
        }
    }

    pub(crate) fn complete(mut self, p: &mut Parser<'_>, kind: SyntaxKind) -> CompletedMarker {
        self.done = true;
        let idx = self.pos as usize;
        match &mut p.events[idx] {
            Event::Tombstone => {
                p.events[idx] = Event::Start {
                    kind,
                    forward_parent: None,
                };
            }
            _ => unreachable!("marker points at a non-tombstone event"),
        }
        p.events.push(Event::Finish);
        CompletedMarker { pos: self.pos }
    }
}

impl Drop for Marker {
    fn drop(&mut self) {
        if !self.done && !std::thread::panicking() {
            debug_assert!(false, "marker must be completed or abandoned");
        }
    }
}

pub(crate) struct CompletedMarker {
    pos: u32,
}

impl CompletedMarker {
    /// Starts a new node that will contain this completed one: `a` in `a.b`
    /// becomes the first child of a node started afterwards.
    #[allow(dead_code)]
    pub(crate) fn precede(self, p: &mut Parser<'_>) -> Marker {
        let new = p.start();
        let idx = self.pos as usize;
        match &mut p.events[idx] {
            Event::Start { forward_parent, .. } => {
                *forward_parent = NonZeroU32::new(new.pos - self.pos);
                debug_assert!(forward_parent.is_some());
            }
            _ => unreachable!("completed marker points at a non-start event"),
        }
        new
    }
}

/// A set of token kinds, as a bitset (token kinds are below 128).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct TokenSet(u128);

impl TokenSet {
    pub(crate) const fn new(kinds: &[SyntaxKind]) -> TokenSet {
        let mut bits = 0u128;
        let mut i = 0;
        while i < kinds.len() {
            assert!((kinds[i] as u16) < 128, "only token kinds go in a TokenSet");
            bits |= 1u128 << kinds[i] as u16;
            i += 1;
        }
        TokenSet(bits)
    }

    pub(crate) const fn union(self, other: TokenSet) -> TokenSet {
        TokenSet(self.0 | other.0)
    }

    pub(crate) const fn contains(self, kind: SyntaxKind) -> bool {
        (kind as u16) < 128 && self.0 & (1u128 << kind as u16) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_kinds_fit_in_a_token_set() {
        assert!((SyntaxKind::EOF as u16) < 128);
    }

    /// A 20 MB file makes about 16 million events: each must stay small.
    #[test]
    fn an_event_is_eight_bytes() {
        assert_eq!(size_of::<Event>(), 8);
    }
}
