//! A lossless, error-resilient syntax tree for Thrift IDL.
//!
//! ```text
//! text ─lexer─▶ tokens ─parser─▶ events ─build_tree─▶ rowan green tree ─▶ ast
//! ```
//!
//! - [`parse`] never fails and never panics: it returns a [`Parse`], a tree
//!   plus a list of [`SyntaxError`]s.
//! - The tree is lossless: the text of the root equals the input, byte for
//!   byte, for every input.
//! - This crate does no IO and knows nothing about semantics, LSP or serde.

pub mod ast;
mod build_tree;
mod grammar;
pub mod lexer;
mod line_index;
mod parser;
mod syntax_kind;
mod validation;

use std::marker::PhantomData;

pub use rowan::{Direction, NodeOrToken, TextRange, TextSize, WalkEvent};

pub use crate::{
    ast::AstNode,
    line_index::{LineCol, LineIndex},
    syntax_kind::SyntaxKind,
};

/// The rowan language tag for Thrift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ThriftLanguage {}

impl rowan::Language for ThriftLanguage {
    type Kind = SyntaxKind;

    #[inline]
    fn kind_from_raw(raw: rowan::SyntaxKind) -> SyntaxKind {
        SyntaxKind::from(raw.0)
    }

    #[inline]
    fn kind_to_raw(kind: SyntaxKind) -> rowan::SyntaxKind {
        rowan::SyntaxKind(kind.into())
    }
}

impl From<SyntaxKind> for rowan::SyntaxKind {
    fn from(kind: SyntaxKind) -> rowan::SyntaxKind {
        rowan::SyntaxKind(kind as u16)
    }
}

pub type SyntaxNode = rowan::SyntaxNode<ThriftLanguage>;
pub type SyntaxToken = rowan::SyntaxToken<ThriftLanguage>;
pub type SyntaxElement = rowan::SyntaxElement<ThriftLanguage>;
pub type SyntaxNodeChildren = rowan::SyntaxNodeChildren<ThriftLanguage>;
pub use rowan::GreenNode;

/// The two living dialects of Thrift. They share one tree; the dialect
/// decides which syntax is reported and how literals read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Dialect {
    /// Apache Thrift.
    #[default]
    Apache,
    /// Meta's fbthrift.
    FbThrift,
}

impl Dialect {
    pub fn as_str(self) -> &'static str {
        match self {
            Dialect::Apache => "apache",
            Dialect::FbThrift => "fbthrift",
        }
    }
}

/// The dialect `auto` picks for a text: the one [`parse`] reads it as.
///
/// - fbthrift if the text has one of fbthrift's distinctive markers: a
///   `package` declaration, an `@` annotation, `interaction`, `stream<`,
///   `sink<`, `performs` or an exception qualifier;
/// - else Apache if it reads as Apache without errors;
/// - else fbthrift if it reads as fbthrift without errors (a string over
///   several lines, `oneway` as a name, …);
/// - else, if read as Apache it has syntax that only fbthrift accepts
///   (include aliases, struct literals, the `float` type, `0X`/`0b`
///   literals, `\x` escapes, …), fbthrift if that reading has fewer
///   errors than the Apache one (which counts that syntax as errors);
/// - else Apache.
///
/// So a file with any fbthrift-only construct reads as fbthrift, unless it
/// is so broken that it reads better as Apache (an Apache file that lost
/// a quote should not read as fbthrift because its strings now span
/// lines).
pub fn detect_dialect(text: &str) -> Dialect {
    read_auto(cut_to_limit(text)).dialect
}

/// Whether the tokens (lexed as Apache) show a common fbthrift marker
/// (`package`, `@`, `interaction`, `stream<`, `performs`, an exception
/// qualifier), which makes reading the text as Apache first pointless.
fn has_markers(text: &str, tokens: &[lexer::Token]) -> bool {
    // A cheap pre-check: none of the marker words or `@` at all.
    const WORDS: &[&str] = &[
        "@",
        "package",
        "interaction",
        "stream",
        "sink",
        "performs",
        "exception",
    ];
    if !WORDS.iter().any(|w| text.contains(w)) {
        return false;
    }
    let mut significant: Vec<(SyntaxKind, &str)> = Vec::new();
    let mut offset = 0usize;
    for token in tokens {
        let len = usize::from(token.len);
        if build_tree::is_significant(token.kind) {
            significant.push((token.kind, &text[offset..offset + len]));
        }
        offset += len;
    }
    detect_in_tokens(&significant)
}

fn detect_in_tokens(tokens: &[(SyntaxKind, &str)]) -> bool {
    use SyntaxKind::*;
    let kind = |i: usize| tokens.get(i).map_or(EOF, |t| t.0);
    tokens
        .iter()
        .enumerate()
        .any(|(i, &(k, text))| match (k, text) {
            (AT, _) => true,
            (IDENT, "package") => {
                matches!(kind(i + 1), STRING | SEMICOLON) && (i == 0 || kind(i - 1) != COLON)
            }
            (IDENT, "interaction") => kind(i + 1) == IDENT && kind(i + 2) == L_BRACE,
            (IDENT, "stream" | "sink") => kind(i + 1) == L_ANGLE,
            (IDENT, "performs") => {
                kind(i + 1) == IDENT && matches!(kind(i + 2), SEMICOLON | R_BRACE | IDENT)
            }
            (IDENT, "safe" | "transient" | "stateful" | "permanent" | "client" | "server") => {
                let mut j = i + 1;
                while kind(j) == IDENT && j < i + 4 {
                    j += 1;
                }
                kind(j) == EXCEPTION_KW
            }
            _ => false,
        })
}

/// A syntax error: a message for a person, and the range it is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SyntaxError {
    pub message: String,
    pub range: TextRange,
}

impl SyntaxError {
    pub fn new(message: String, range: TextRange) -> SyntaxError {
        SyntaxError { message, range }
    }
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// The result of parsing: a syntax tree and the errors found on the way.
/// Syntax errors are not stored in the tree.
#[derive(Debug, PartialEq, Eq)]
pub struct Parse<T> {
    green: GreenNode,
    errors: Vec<SyntaxError>,
    dialect: Dialect,
    _ty: PhantomData<fn() -> T>,
}

impl<T> Clone for Parse<T> {
    fn clone(&self) -> Parse<T> {
        Parse {
            green: self.green.clone(),
            errors: self.errors.clone(),
            dialect: self.dialect,
            _ty: PhantomData,
        }
    }
}

impl<T> Parse<T> {
    /// The untyped root.
    pub fn syntax_node(&self) -> SyntaxNode {
        SyntaxNode::new_root(self.green.clone())
    }

    /// The green (immutable, shareable) tree.
    pub fn green(&self) -> &GreenNode {
        &self.green
    }

    /// The dialect the text was read as.
    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// Lexical, syntax and validation errors, sorted by position.
    pub fn errors(&self) -> &[SyntaxError] {
        &self.errors
    }
}

impl<T> Parse<T> {
    /// The tree as indented `KIND@start..end` lines (tokens also show their
    /// text), followed by one `error start..end: message` line per error.
    pub fn debug_dump(&self) -> String {
        let mut buf = debug_tree(&self.syntax_node());
        for error in &self.errors {
            let range = error.range;
            buf.push_str(&format!(
                "error {}..{}: {}\n",
                u32::from(range.start()),
                u32::from(range.end()),
                error.message
            ));
        }
        buf
    }
}

/// An indented dump of a tree: one `KIND@start..end` line per node, and
/// `KIND@start..end "text"` per token.
pub fn debug_tree(node: &SyntaxNode) -> String {
    use std::fmt::Write;
    let mut buf = String::new();
    let mut indent = 0usize;
    for event in node.preorder_with_tokens() {
        match event {
            WalkEvent::Enter(element) => {
                let range = element.text_range();
                let _ = write!(
                    buf,
                    "{:indent$}{:?}@{}..{}",
                    "",
                    element.kind(),
                    u32::from(range.start()),
                    u32::from(range.end()),
                    indent = indent
                );
                match element {
                    NodeOrToken::Node(_) => {
                        buf.push('\n');
                        indent += 2;
                    }
                    NodeOrToken::Token(token) => {
                        let _ = writeln!(buf, " {:?}", token.text());
                    }
                }
            }
            WalkEvent::Leave(NodeOrToken::Node(_)) => indent -= 2,
            WalkEvent::Leave(NodeOrToken::Token(_)) => {}
        }
    }
    buf
}

impl<T: AstNode> Parse<T> {
    /// The typed root.
    pub fn tree(&self) -> T {
        T::cast(self.syntax_node()).expect("the root has the kind of T")
    }

    /// The tree, if there were no errors.
    pub fn ok(self) -> Result<T, Vec<SyntaxError>> {
        if self.errors.is_empty() {
            Ok(self.tree())
        } else {
            Err(self.errors)
        }
    }
}

/// Parses a Thrift file, detecting its dialect ([`detect_dialect`]).
/// Never fails; see [`Parse::errors`].
pub fn parse(text: &str) -> Parse<ast::SourceFile> {
    parse_with(text, None, None)
}

/// Parses a Thrift file as `dialect` (`None`: detect it), sharing a cache
/// of tree nodes across calls when one is given: identical tokens and small
/// nodes are then stored once, which is faster and smaller when one thread
/// parses many files.
pub fn parse_with(
    text: &str,
    dialect: Option<Dialect>,
    cache: Option<&mut NodeCache>,
) -> Parse<ast::SourceFile> {
    let (green, errors, dialect) = parse_green(text, dialect, cache);
    Parse {
        green,
        errors,
        dialect,
        _ty: PhantomData,
    }
}

pub use rowan::NodeCache;

/// The paths of the `include`s of `text` (without quotes, in order), from
/// its tokens alone: each `include` keyword followed by a string. A
/// fraction of the cost of a parse, for a caller that must know what a
/// file includes before parsing it (to parse files after what they
/// include). It agrees with the parse on every well-formed file; where a
/// broken file reads otherwise, compare with the parsed includes.
pub fn include_paths(text: &str, dialect: Option<Dialect>) -> Vec<String> {
    let text = cut_to_limit(text);
    let Some(last) = text.rfind("include") else {
        return Vec::new();
    };
    let dialect = dialect.unwrap_or(Dialect::Apache);
    // No `include` starts after `last`: the text is lexed a little past it
    // (includes come first, and the rest of a file is most of its tokens),
    // unless the token after an `include` reaches near that cut (it may
    // be longer in the whole text); then the whole text is.
    let mut cut = last.saturating_add(PAST_LAST_INCLUDE).min(text.len());
    while !text.is_char_boundary(cut) {
        cut += 1;
    }
    if cut < text.len()
        && let Some(paths) = include_paths_before(&text[..cut], dialect, cut - LOOKAHEAD)
    {
        return paths;
    }
    include_paths_before(text, dialect, text.len()).unwrap_or_default()
}

/// How far past the last `include` [`include_paths`] lexes first.
const PAST_LAST_INCLUDE: usize = 1024;
/// How far before the cut a path must end to be read as in the whole
/// text (more than any token's lookahead).
const LOOKAHEAD: usize = 64;

/// The include paths in `text`, or `None` if the token after an
/// `include` does not end by `limit`.
fn include_paths_before(text: &str, dialect: Dialect, limit: usize) -> Option<Vec<String>> {
    let lexed = lexer::lex_in(text, dialect);
    let mut out = Vec::new();
    let mut offset = 0usize;
    let mut after_include = false;
    for token in &lexed.tokens {
        let len = usize::from(token.len);
        if after_include && offset + len > limit {
            return None;
        }
        if build_tree::is_significant(token.kind) {
            if after_include && token.kind == SyntaxKind::STRING {
                out.push(ast::unquote(&text[offset..offset + len]));
            }
            after_include = token.kind == SyntaxKind::INCLUDE_KW;
        }
        offset += len;
    }
    if after_include && limit < text.len() {
        return None;
    }
    Some(out)
}

/// The text up to the 4 GiB that rowan's `u32` offsets can address.
fn cut_to_limit(text: &str) -> &str {
    if text.len() < u32::MAX as usize {
        return text;
    }
    let mut cut = u32::MAX as usize - 1;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    &text[..cut]
}

/// A text read as one dialect, before its tree is built.
struct Reading {
    dialect: Dialect,
    tokens: Vec<lexer::Token>,
    events: Vec<parser::Event>,
    errors: Vec<SyntaxError>,
    /// It has syntax that only fbthrift accepts.
    fbthrift_syntax: bool,
}

/// Lexes, parses and validates `text` as `dialect` (`auto`: the dialect
/// was not set, which changes what errors about fbthrift syntax advise).
fn read(text: &str, dialect: Dialect, auto: bool) -> Reading {
    read_lexed(text, dialect, auto, lexer::lex_in(text, dialect))
}

/// [`read`], given the text lexed as `dialect`.
fn read_lexed(text: &str, dialect: Dialect, auto: bool, lexed: lexer::Lexed) -> Reading {
    let mut input = Vec::with_capacity(lexed.tokens.len());
    let mut offset = TextSize::new(0);
    let mut newline_before = false;
    for token in &lexed.tokens {
        let range = TextRange::at(offset, token.len);
        if build_tree::is_significant(token.kind) {
            input.push(parser::Input {
                kind: token.kind,
                range,
                newline_before,
            });
            newline_before = false;
        } else if token.kind == SyntaxKind::WHITESPACE && text[range].contains('\n') {
            newline_before = true;
        }
        offset += token.len;
    }

    let mut p = parser::Parser::new(text, &input, dialect, auto);
    grammar::source_file(&mut p);
    let (events, parse_errors, mut fbthrift_syntax) = p.finish();

    let mut errors = lexed.errors;
    errors.extend(parse_errors);
    fbthrift_syntax |= validation::validate_tokens(text, &lexed.tokens, dialect, &mut errors);
    errors.sort_by_key(|e| (e.range.start(), e.range.end()));
    errors.dedup();
    Reading {
        dialect,
        tokens: lexed.tokens,
        events,
        errors,
        fbthrift_syntax,
    }
}

/// The reading `auto` keeps (see [`detect_dialect`]).
fn read_auto(text: &str) -> Reading {
    let lexed = lexer::lex_in(text, Dialect::Apache);
    if has_markers(text, &lexed.tokens) {
        return read(text, Dialect::FbThrift, true);
    }
    let apache = read_lexed(text, Dialect::Apache, true, lexed);
    if apache.errors.is_empty() {
        return apache;
    }
    // Only fbthrift's own constructs count, never what fbthrift merely
    // tolerates: a string over several lines, or a name that is a keyword
    // only in Apache, is also what a broken Apache file (or a thriftgo one)
    // looks like, and the Apache compiler rejects it.
    if !apache.fbthrift_syntax {
        return apache;
    }
    let fbthrift = read(text, Dialect::FbThrift, true);
    let (a, f) = (apache.errors.len(), fbthrift.errors.len());
    if f < a { fbthrift } else { apache }
}

fn parse_green(
    text: &str,
    dialect: Option<Dialect>,
    cache: Option<&mut NodeCache>,
) -> (GreenNode, Vec<SyntaxError>, Dialect) {
    // rowan offsets are u32; larger inputs are cut off with an error rather
    // than overflowing. (Inputs over 4 GiB are not Thrift files.)
    let full_len = text.len();
    let text = cut_to_limit(text);

    let reading = match dialect {
        Some(dialect) => read(text, dialect, false),
        None => read_auto(text),
    };
    let Reading {
        dialect,
        tokens,
        events,
        mut errors,
        ..
    } = reading;
    let green = build_tree::build_tree(text, &tokens, events, cache);
    if text.len() < full_len {
        errors.push(SyntaxError::new(
            "the file is larger than 4 GiB; the rest was not parsed".to_string(),
            TextRange::empty(TextSize::of(text)),
        ));
    }
    (green, errors, dialect)
}

#[cfg(test)]
mod tests;
