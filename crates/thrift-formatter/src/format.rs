//! The formatting rules: syntax tree to [`Doc`].
//!
//! The rules read a flat copy of the tree ([`Tree`]) and write the
//! document as a command stream ([`Stream`]); [`format_to_doc`] rebuilds
//! the [`Doc`] tree from it.

use std::borrow::Cow;

use thrift_syntax::{
    SyntaxElement, SyntaxError, SyntaxKind, SyntaxKind::*, SyntaxToken, TextRange,
};

use crate::{
    FormatOptions, QuoteStyle, Separator,
    doc::{Cmd, Container, Doc, Stream, print_stream},
    tree::{Elem, NONE, Tree},
};

/// Marks a column boundary in an aligned field or enum value line; the
/// alignment pass turns it into padding.
pub(crate) const COLUMN: char = '\u{E000}';
/// Marks the start of a trailing comment, for `align_comments`.
pub(crate) const COMMENT: char = '\u{E001}';
/// [`COLUMN`] as a string.
const COLUMN_STR: &str = "\u{E000}";
/// What goes before a trailing comment: a space, and with
/// `align_comments` the [`COMMENT`] marker.
const SUFFIX: &str = " ";
const SUFFIX_MARKED: &str = " \u{E001}";

/// Why a file was not formatted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// The file has syntax errors (format with `force` to print the broken
    /// items verbatim).
    Syntax(Vec<SyntaxError>),
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FormatError::Syntax(errors) => write!(f, "{} syntax error(s)", errors.len()),
        }
    }
}

fn indent_unit(options: &FormatOptions) -> String {
    if options.indent == 0 {
        "\t".to_string()
    } else {
        " ".repeat(options.indent)
    }
}

/// Whether the alignment markers are free to use: the file does not
/// contain them. Only looked at when an alignment option is on (without
/// one, no marker is written and the alignment pass has nothing to do).
fn markers_free(text: &str, options: &FormatOptions) -> bool {
    !(options.align_fields || options.align_comments) || !text.contains([COLUMN, COMMENT])
}

/// How much text a thread parses with one node cache before dropping it:
/// the cache keeps every distinct token and small node it has seen alive,
/// so it is dropped now and then to bound the memory it holds (a file
/// larger than this is parsed with a cache of its own, dropped after).
const CACHE_BYTES: usize = 1 << 20;

/// Parses `text`, sharing rowan's node cache (interned tokens and small
/// nodes) with the previous calls on this thread: about 13% fewer
/// instructions per file on the corpus than a fresh cache for each file.
/// The tree is the same either way.
fn parse(
    text: &str,
    options: &FormatOptions,
) -> thrift_syntax::Parse<thrift_syntax::ast::SourceFile> {
    struct Cache {
        cache: thrift_syntax::NodeCache,
        bytes: usize,
    }
    thread_local! {
        static CACHE: std::cell::RefCell<Cache> = std::cell::RefCell::new(Cache {
            cache: thrift_syntax::NodeCache::default(),
            bytes: 0,
        });
    }
    let with_cache = |cache: &std::cell::RefCell<Cache>| {
        let mut cache = cache.try_borrow_mut().ok()?;
        cache.bytes += text.len();
        let parse = thrift_syntax::parse_with(text, options.dialect, Some(&mut cache.cache));
        if cache.bytes > CACHE_BYTES {
            // Dropped now rather than at the next call, so that a thread
            // keeps at most about this much text's tokens.
            cache.cache = thrift_syntax::NodeCache::default();
            cache.bytes = 0;
        }
        Some(parse)
    };
    // Without the cache (during thread teardown, or reentered, which cannot
    // happen), a fresh one for this file, which is always right.
    CACHE
        .try_with(with_cache)
        .ok()
        .flatten()
        .unwrap_or_else(|| thrift_syntax::parse_with(text, options.dialect, None))
}

/// Formats a Thrift file. With syntax errors, refuses unless `force`; then
/// the top-level items that hold an error are kept as written.
pub fn format(text: &str, options: &FormatOptions, force: bool) -> Result<String, FormatError> {
    let parse = parse(text, options);
    if !parse.errors().is_empty() && !force {
        return Err(FormatError::Syntax(parse.errors().to_vec()));
    }
    let tree = Tree::new(text, parse.green());
    let markers_free = markers_free(text, options);
    let mut f = Formatter::new(options, parse.errors(), &tree);
    f.align_fields = options.align_fields && markers_free;
    f.align_comments = options.align_comments && markers_free;
    f.source_file();
    f.check_printed_once();
    let mut out = print_stream(
        &f.s,
        &indent_unit(options),
        options.line_width,
        text.len() + text.len() / 4,
    );
    // One newline at the end. (Trimming also keeps an unterminated block
    // comment, which runs to the end of the file, from growing.)
    if f.markers {
        out = align(&out, options.align_comments);
    }
    out.truncate(out.trim_end_matches(['\n', '\r']).len());
    if !out.is_empty() {
        out.push('\n');
    }
    Ok(out)
}

/// Formats the top-level items (headers and definitions) that `range`
/// touches. Returns the range of `text` to replace (those items, whole) and
/// its replacement; `None` when the range touches no item. For editors'
/// "format selection".
pub fn format_range(
    text: &str,
    range: TextRange,
    options: &FormatOptions,
    force: bool,
) -> Result<Option<(TextRange, String)>, FormatError> {
    let parse = parse(text, options);
    if !parse.errors().is_empty() && !force {
        return Err(FormatError::Syntax(parse.errors().to_vec()));
    }
    let tree = Tree::new(text, parse.green());
    let (range_start, range_end) = (u32::from(range.start()), u32::from(range.end()));
    let touches = |(start, end): (u32, u32)| {
        if range_start == range_end {
            start <= range_start && range_start <= end
        } else {
            start < range_end && range_start < end
        }
    };
    let children = tree.children(tree.root());
    let elements: Vec<Elem> = children
        .iter()
        .copied()
        .filter(|&e| !is_ws(tree.kind(e)))
        .skip_while(|&e| !touches(tree.range(e)))
        .take_while(|&e| touches(tree.range(e)))
        .collect();
    let (Some(&first), Some(&last)) = (elements.first(), elements.last()) else {
        return Ok(None);
    };
    let span = (tree.range(first).0, tree.range(last).1);
    // The elements in the span, with the whitespace between them (for
    // blank lines).
    let all: Vec<Elem> = children
        .iter()
        .copied()
        .filter(|&e| {
            let (start, end) = tree.range(e);
            span.0 <= start && end <= span.1
        })
        .collect();
    let mut f = Formatter::new(options, parse.errors(), &tree);
    let markers_free = markers_free(text, options);
    f.align_fields = options.align_fields && markers_free;
    f.align_comments = options.align_comments && markers_free;
    let mark = f.s.mark();
    f.block_items(&all, true);
    f.s.concat(mark);
    let mut out = print_stream(&f.s, &indent_unit(options), options.line_width, 0);
    if f.markers {
        out = align(&out, options.align_comments);
    }
    let span = TextRange::new(span.0.into(), span.1.into());
    Ok(Some((span, out.trim_end_matches(['\n', '\r']).to_string())))
}

/// The document for a file, for debugging (`thrift-fmt --print-ir`).
pub fn format_to_doc(text: &str, options: &FormatOptions) -> Doc {
    let parse = thrift_syntax::parse_with(text, options.dialect, None);
    let tree = Tree::new(text, parse.green());
    let mut f = Formatter::new(options, parse.errors(), &tree);
    f.source_file();
    // The tokens in the order of the flat tree's.
    let tokens: Vec<SyntaxToken> = parse
        .syntax_node()
        .descendants_with_tokens()
        .filter_map(SyntaxElement::into_token)
        .collect();
    f.s.to_doc(&|i| tokens[i as usize].clone())
}

struct Formatter<'t, 'a> {
    options: &'t FormatOptions,
    tree: &'t Tree<'a>,
    s: Stream<'a>,
    /// Ranges of the syntax errors.
    errors: Vec<(u32, u32)>,
    /// Tokens (other than whitespace) printed, for the printed-once check.
    printed: usize,
    /// Separators added or dropped by the `separator` option.
    separator_delta: isize,
    align_fields: bool,
    align_comments: bool,
    /// Whether an alignment marker was written.
    markers: bool,
}

fn is_ws(kind: SyntaxKind) -> bool {
    kind == WHITESPACE
}

/// The token of an element that is one.
fn tok(e: Elem) -> u32 {
    match e {
        Elem::Tok(t) => t,
        Elem::Node(_) => unreachable!("a token"),
    }
}

/// Nodes whose items each go on a line of their own.
fn is_item(kind: SyntaxKind) -> bool {
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
    )
}

impl<'t, 'a> Formatter<'t, 'a> {
    fn new(
        options: &'t FormatOptions,
        errors: &[SyntaxError],
        tree: &'t Tree<'a>,
    ) -> Formatter<'t, 'a> {
        Formatter {
            options,
            tree,
            s: Stream::with_capacity(tree.toks.len() * 2 + 16),
            errors: errors
                .iter()
                .map(|e| (u32::from(e.range.start()), u32::from(e.range.end())))
                .collect(),
            printed: 0,
            separator_delta: 0,
            align_fields: false,
            align_comments: false,
            markers: false,
        }
    }

    /// Every non-whitespace token was printed exactly once (debug builds).
    fn check_printed_once(&self) {
        if cfg!(debug_assertions) {
            let expected = self.tree.count_printed(self.tree.root()) as isize;
            assert_eq!(
                self.printed as isize,
                expected + self.separator_delta,
                "the formatter did not print every token exactly once"
            );
        }
    }

    fn has_error(&self, n: u32) -> bool {
        let node = self.tree.node(n);
        let (start, end) = (node.start, node.end);
        node.kind == ERROR
            || self.errors.iter().any(|&(e_start, e_end)| {
                // An error inside the node; a missing token (an empty
                // range) belongs to the node that ends there.
                if e_start == e_end {
                    e_start > start && e_start <= end
                } else {
                    e_start >= start && e_start < end
                }
            })
    }

    /// A node as written (for items with syntax errors).
    fn verbatim(&mut self, n: u32) {
        self.printed += self.tree.count_printed(n);
        self.s.text(self.tree.node_text(n));
    }

    fn token(&mut self, t: u32) {
        self.printed += 1;
        let tree = self.tree;
        let text = tree.text(t);
        match tree.tok(t).kind {
            STRING => match self.quote(text) {
                Cow::Borrowed(text) => self.s.text(text),
                Cow::Owned(text) => self.s.owned(text),
            },
            LINE_COMMENT => self.s.text(text.trim_end()),
            _ => self.s.token(text, t),
        }
    }

    /// A comment printed at the end of the line (`pre` before it).
    fn suffix(&mut self, t: u32, pre: &'static str) {
        self.printed += 1;
        let text = self.tree.text(t).trim_end();
        self.s.leaf(Cmd::Suffix(pre, text));
    }

    fn quote(&self, text: &'a str) -> Cow<'a, str> {
        let target = match self.options.quote_style {
            QuoteStyle::Keep => return Cow::Borrowed(text),
            QuoteStyle::Double => '"',
            QuoteStyle::Single => '\'',
        };
        let Some(quote) = text.chars().next() else {
            return Cow::Borrowed(text);
        };
        if quote == target || text.len() < 2 || !text.ends_with(quote) {
            return Cow::Borrowed(text);
        }
        let body = &text[1..text.len() - 1];
        if body.contains(target) || body.contains('\\') {
            return Cow::Borrowed(text);
        }
        Cow::Owned(format!("{target}{body}{target}"))
    }

    /// What goes before a leading comment that follows another one.
    fn separator_after_comment(&mut self, e: Elem) {
        let cmd = if !self.tree.starts_line_element(e) {
            Cmd::Space
        } else if self.tree.blank_before(e) {
            Cmd::BlankLine
        } else {
            Cmd::HardLine
        };
        self.s.leaf(cmd);
    }

    // -----------------------------------------------------------------
    // Blocks: the file, and `{ ... }` bodies
    // -----------------------------------------------------------------

    fn source_file(&mut self) {
        let tree = self.tree;
        let mark = self.s.mark();
        self.block_items(tree.children(tree.root()), true);
        self.s.concat(mark);
    }

    /// The items and comments of a block, each on its own line; a blank
    /// line in the source (before an item or an own-line comment) is kept.
    fn block_items(&mut self, elements: &[Elem], top: bool) {
        let tree = self.tree;
        let mut first = true;
        // Where the previous element ended, if it was printed as written.
        let mut verbatim_end: Option<u32> = None;
        for &element in elements {
            let kind = tree.kind(element);
            if is_ws(kind) {
                continue;
            }
            if let Elem::Tok(t) = element
                && kind.is_comment()
            {
                if !first && !tree.starts_line(t) {
                    // A comment after the previous item on its line.
                    self.suffix(t, SUFFIX);
                } else {
                    self.line_before(element, first, top);
                    self.token(t);
                }
                first = false;
                verbatim_end = None;
                continue;
            }
            // Broken items and stray tokens (only with syntax errors) are
            // printed as written.
            let as_written = match element {
                Elem::Tok(_) => true,
                Elem::Node(n) => top && self.has_error(n) || kind == ERROR,
            };
            match verbatim_end.filter(|_| as_written) {
                // Two broken pieces in a row are one broken definition to
                // the reader (`1: string s (a = '{` + newline + `}')` in a
                // struct parses as a struct that ends at the `}`, and junk
                // after it): keep the text between them as written too.
                Some(end) => {
                    let start = tree.range(element).0;
                    self.s.text(&tree.text[end as usize..start as usize]);
                }
                None => self.line_before(element, first, top),
            }
            match element {
                Elem::Tok(t) => self.token(t),
                Elem::Node(n) if as_written => self.verbatim(n),
                Elem::Node(n) => self.item(n),
            }
            verbatim_end = as_written.then(|| tree.range(element).1);
            first = false;
        }
    }

    fn line_before(&mut self, element: Elem, first: bool, top: bool) {
        if first {
            if !top {
                self.s.leaf(Cmd::HardLine);
            }
        } else if self.tree.blank_before(element) {
            self.s.leaf(Cmd::BlankLine);
        } else {
            self.s.leaf(Cmd::HardLine);
        }
    }

    /// `{ items }`: the braces, the items indented one per line, and `{}`
    /// when empty. Comments on the line of `{` stay there.
    fn braced_block(&mut self, n: u32) {
        let tree = self.tree;
        let elements = tree.children(n);
        let open = elements
            .iter()
            .position(|&e| matches!(tree.kind(e), L_BRACE | L_PAREN));
        let close = elements
            .iter()
            .rposition(|&e| matches!(tree.kind(e), R_BRACE | R_PAREN));
        let mark = self.s.mark();
        let body_start = match open {
            Some(i) => {
                self.token(tok(elements[i]));
                i + 1
            }
            None => 0,
        };
        let body_end = close.filter(|&c| c >= body_start).unwrap_or(elements.len());
        let body = &elements[body_start..body_end];
        // Comments on the line of the opening brace (when the block has
        // items; in an empty block they go inside it, on their own lines).
        let mut rest = body;
        let has_items = body.iter().any(|e| matches!(e, Elem::Node(_)));
        while has_items && let Some((&first, tail)) = rest.split_first() {
            match first {
                Elem::Tok(t) if is_ws(tree.tok(t).kind) && !tree.text(t).contains('\n') => {
                    rest = tail
                }
                Elem::Tok(t) if tree.tok(t).kind.is_comment() && !tree.starts_line(t) => {
                    self.suffix(t, SUFFIX);
                    rest = tail;
                }
                _ => break,
            }
        }
        if rest.iter().any(|&e| !is_ws(tree.kind(e))) {
            self.s.begin(Container::Indent);
            self.block_items(rest, false);
            self.s.end();
            self.s.leaf(Cmd::HardLine);
        }
        if let Some(c) = close.filter(|&c| c >= body_start) {
            self.token(tok(elements[c]));
        }
        // Anything after the closing brace inside this node (not expected).
        for &e in elements.iter().skip(body_end + 1) {
            if let Elem::Tok(t) = e
                && !is_ws(tree.tok(t).kind)
            {
                self.s.leaf(Cmd::Space);
                self.token(t);
            }
        }
        self.s.concat(mark);
    }

    // -----------------------------------------------------------------
    // Items
    // -----------------------------------------------------------------

    /// A header, definition, field, enum value or function: its leading
    /// comments on their own lines, its body, its trailing comments at the
    /// end of its last line.
    fn item(&mut self, n: u32) {
        let tree = self.tree;
        let elements = tree.children(n);
        let first_sig = elements.iter().position(|&e| !tree.kind(e).is_trivia());
        let last_sig = elements.iter().rposition(|&e| !tree.kind(e).is_trivia());
        let mark = self.s.mark();
        let (Some(first_sig), Some(last_sig)) = (first_sig, last_sig) else {
            // Only comments: print them as they are.
            for &e in elements {
                if let Elem::Tok(t) = e
                    && tree.tok(t).kind.is_comment()
                {
                    if self.s.mark() > mark {
                        self.s.leaf(Cmd::HardLine);
                    }
                    self.token(t);
                }
            }
            self.s.concat(mark);
            return;
        };
        // Leading comments.
        let mut seen_comment = false;
        for &e in &elements[..first_sig] {
            if let Elem::Tok(t) = e
                && tree.tok(t).kind.is_comment()
            {
                if seen_comment {
                    self.separator_after_comment(e);
                }
                self.token(t);
                seen_comment = true;
            }
        }
        if seen_comment {
            let first = elements[first_sig];
            self.s.leaf(if !tree.starts_line_element(first) {
                // `/* c */ 1: i32 x`: a block comment before the item on its line.
                Cmd::Space
            } else if tree.blank_before(first) {
                Cmd::BlankLine
            } else {
                Cmd::HardLine
            });
        }
        // fbthrift's `@Annotations`, each on a line of its own, except
        // before an argument (`f(@Foo 1: i32 x)`).
        let mut first_sig = first_sig;
        let parent = tree.node(n).parent;
        let own_lines = parent == NONE || tree.node(parent).kind != PARAM_LIST;
        while first_sig < last_sig && tree.kind(elements[first_sig]) == STRUCTURED_ANNOTATION {
            let Elem::Node(annotation) = elements[first_sig] else {
                unreachable!("a node")
            };
            self.node(annotation);
            first_sig += 1;
            while first_sig < last_sig && tree.kind(elements[first_sig]).is_trivia() {
                if let Elem::Tok(t) = elements[first_sig]
                    && tree.tok(t).kind.is_comment()
                {
                    self.suffix(t, SUFFIX);
                }
                first_sig += 1;
            }
            self.s
                .leaf(if own_lines { Cmd::HardLine } else { Cmd::Space });
        }
        // The body.
        self.item_body(n, &elements[first_sig..=last_sig]);
        // Trailing comments (marked for alignment).
        let pre = if self.align_comments {
            SUFFIX_MARKED
        } else {
            SUFFIX
        };
        for &e in &elements[last_sig + 1..] {
            if let Elem::Tok(t) = e
                && tree.tok(t).kind.is_comment()
            {
                self.markers |= self.align_comments;
                self.suffix(t, pre);
            }
        }
        self.s.concat(mark);
    }

    fn item_body(&mut self, n: u32, body: &[Elem]) {
        let tree = self.tree;
        let kind = tree.node(n).kind;
        let parent = tree.node(n).parent;
        let sep_item = matches!(kind, FIELD | ENUM_VALUE | FUNCTION)
            && parent != NONE
            && matches!(
                tree.node(parent).kind,
                FIELD_LIST | ENUM_VALUE_LIST | FUNCTION_LIST
            );
        let mut body = body;
        let mut add_separator: Option<&'static str> = None;
        if sep_item && self.options.separator != Separator::Keep {
            let last_is_sep = body
                .last()
                .is_some_and(|&e| matches!(tree.kind(e), COMMA | SEMICOLON));
            if last_is_sep {
                body = &body[..body.len() - 1];
                self.separator_delta -= 1;
            }
            add_separator = match self.options.separator {
                Separator::Comma => Some(","),
                Separator::Semicolon => Some(";"),
                _ => None,
            };
            if add_separator.is_some() {
                self.separator_delta += 1;
            }
        }
        let aligned = sep_item
            && self.align_fields
            && !body.iter().any(|&e| tree.kind(e).is_comment())
            && matches!(kind, FIELD | ENUM_VALUE);
        let mark = self.s.mark();
        if aligned {
            self.aligned_cells(kind, body);
        } else if kind == FUNCTION {
            self.s.begin(Container::Group);
            self.inline(kind, body);
            self.s.end();
        } else {
            self.inline(kind, body);
        }
        if let Some(sep) = add_separator {
            self.printed += 1;
            self.s.text(sep);
            self.s.concat(mark);
        }
    }

    fn column(&mut self) {
        self.markers = true;
        self.s.text(COLUMN_STR);
    }

    /// A field as `id COLUMN requiredness COLUMN type COLUMN rest`, or an
    /// enum value as `name COLUMN = value...`: the alignment pass pads the
    /// cells of consecutive lines to the same widths.
    fn aligned_cells(&mut self, kind: SyntaxKind, body: &[Elem]) {
        let tree = self.tree;
        let split_at =
            |pred: &dyn Fn(SyntaxKind) -> bool| body.iter().position(|&e| pred(tree.kind(e)));
        if kind == ENUM_VALUE {
            let Some(eq) = split_at(&|k| k == EQ) else {
                return self.inline(kind, body);
            };
            let mark = self.s.mark();
            self.inline(kind, &body[..eq]);
            self.column();
            self.inline(kind, &body[eq..]);
            self.s.concat(mark);
            return;
        }
        let is_type =
            |k: SyntaxKind| matches!(k, BASE_TYPE | NAMED_TYPE | LIST_TYPE | SET_TYPE | MAP_TYPE);
        let Some(ty) = split_at(&is_type) else {
            return self.inline(kind, body);
        };
        let id_end = split_at(&|k| k == FIELD_ID).map_or(0, |i| i + 1);
        let mut type_end = ty + 1;
        // `&` stays with the type.
        while type_end < body.len()
            && (tree.kind(body[type_end]) == AMP || is_ws(tree.kind(body[type_end])))
        {
            type_end += 1;
        }
        let mark = self.s.mark();
        self.inline(kind, &body[..id_end]);
        self.column();
        self.inline(kind, &body[id_end..ty]);
        self.column();
        self.inline(kind, &body[ty..type_end]);
        self.column();
        self.inline(kind, &body[type_end..]);
        self.s.concat(mark);
    }

    // -----------------------------------------------------------------
    // Inline content: tokens and nodes with spaces between them
    // -----------------------------------------------------------------

    fn inline(&mut self, parent: SyntaxKind, elements: &[Elem]) {
        let tree = self.tree;
        let mark = self.s.mark();
        let mut prev: Option<SyntaxKind> = None;
        let mut prev_node: Option<SyntaxKind> = None;
        for &e in elements {
            let kind = tree.kind(e);
            if is_ws(kind) {
                continue;
            }
            if let Elem::Tok(t) = e
                && kind.is_comment()
            {
                if kind == LINE_COMMENT {
                    self.suffix(t, SUFFIX);
                } else {
                    self.printed += 1;
                    self.s.leaf(Cmd::Space);
                    self.s.text(tree.text(t));
                }
                continue;
            }
            let (first, last) = (tree.first_kind(e), tree.last_kind(e));
            if parent == FUNCTION && kind == THROWS_CLAUSE && prev.is_some() {
                // A long signature breaks before `throws` first.
                let Elem::Node(n) = e else {
                    unreachable!("THROWS_CLAUSE is a node")
                };
                self.s.begin(Container::Indent);
                self.s.leaf(Cmd::Line);
                self.node(n);
                self.s.end();
                prev = Some(last);
                prev_node = Some(kind);
                continue;
            }
            if let Some(p) = prev
                && need_space(parent, p, prev_node, first, kind)
            {
                self.s.leaf(Cmd::Space);
            }
            match e {
                Elem::Tok(t) => self.token(t),
                Elem::Node(n) => self.node(n),
            }
            prev = Some(last);
            prev_node = Some(kind);
        }
        self.s.concat(mark);
    }

    fn node(&mut self, n: u32) {
        let tree = self.tree;
        match tree.node(n).kind {
            FIELD_LIST | ENUM_VALUE_LIST | FUNCTION_LIST => self.braced_block(n),
            PARAM_LIST => self.list(n, false),
            CONST_LIST | CONST_MAP | ANNOTATION_LIST | FIELD_INITIALIZER_LIST => {
                let multiline = tree.children(n).iter().any(|&e| {
                    matches!(e, Elem::Tok(t) if is_ws(tree.tok(t).kind) && tree.text(t).contains('\n'))
                });
                self.list(n, multiline)
            }
            ERROR => self.verbatim(n),
            k if is_item(k) => self.item(n),
            CONST_MAP_ENTRY | ANNOTATION | FIELD_INITIALIZER => self.item(n),
            k => self.inline(k, tree.children(n)),
        }
    }

    /// Comments before a list element (or after the last one), each
    /// followed by a line break; none after the last when `last_break` is
    /// false.
    fn pending_comments(&mut self, pending: &[u32], last_break: bool) {
        for (i, &t) in pending.iter().enumerate() {
            self.token(t);
            if last_break || i + 1 < pending.len() {
                self.s.leaf(if self.tree.tok(t).kind == LINE_COMMENT {
                    Cmd::HardLine
                } else {
                    Cmd::Line
                });
            }
        }
    }

    /// `( a, b )`, `[ a, b ]`, `{ k: v }`: flat if it fits (and was not
    /// written over several lines), else one element per line.
    fn list(&mut self, n: u32, force_break: bool) {
        let tree = self.tree;
        let elements = tree.children(n);
        let open = elements
            .iter()
            .position(|&e| matches!(tree.kind(e), L_PAREN | L_BRACK | L_BRACE));
        let close = elements
            .iter()
            .rposition(|&e| matches!(tree.kind(e), R_PAREN | R_BRACK | R_BRACE));
        let Some(open) = open else {
            return self.inline(tree.node(n).kind, elements);
        };
        let end = close.filter(|&c| c > open).unwrap_or(elements.len());
        let body = &elements[open + 1..end];
        // Elements: each value or item with the separator after it, and
        // the comments on their own lines before it. Whether there are any,
        // and whether a line comment forces the list to break, first.
        let mut has_items = false;
        let mut pending = false;
        let mut has_line_comment = false;
        for &e in body {
            let kind = tree.kind(e);
            match e {
                Elem::Tok(_) if is_ws(kind) => {}
                Elem::Tok(t) if kind.is_comment() => {
                    has_line_comment |= kind == LINE_COMMENT;
                    if tree.starts_line(t) || !has_items {
                        pending = true;
                    }
                }
                Elem::Tok(_) if matches!(kind, COMMA | SEMICOLON) && has_items => {}
                _ => {
                    pending = false;
                    has_items = true;
                }
            }
        }
        if pending {
            // Comments after the last element.
            has_items = true;
            has_line_comment = true;
        }
        let nested_line_comment = tree
            .descendant_tokens(n)
            .iter()
            .any(|t| t.kind == LINE_COMMENT);
        // A comment that leads an element after the first (`f(1: i32 a,` +
        // newline + `/** doc */ 2: i32 b)`): flat, it would follow the
        // previous element's comma on its line, and read back as that
        // element's trailing comment. One element per line keeps it leading.
        let leading_comment = body
            .iter()
            .filter(|e| matches!(e, Elem::Node(_)))
            .skip(1)
            .any(|&e| tree.tok(tree.first_token(e)).kind.is_comment());
        let broken = force_break || has_line_comment || nested_line_comment || leading_comment;
        self.s.begin(Container::Group);
        self.token(tok(elements[open]));
        if has_items {
            let (line, soft) = if broken {
                (Cmd::HardLine, Cmd::HardLine)
            } else {
                (Cmd::Line, Cmd::SoftLine)
            };
            self.s.begin(Container::Indent);
            self.s.leaf(soft);
            let mut items = 0usize;
            let mut pending: Vec<u32> = Vec::new();
            for &e in body {
                let kind = tree.kind(e);
                match e {
                    Elem::Tok(_) if is_ws(kind) => {}
                    Elem::Tok(t) if kind.is_comment() => {
                        if !tree.starts_line(t) && items > 0 {
                            let mark = self.s.mark() - 1;
                            self.suffix(t, SUFFIX);
                            self.s.concat(mark);
                        } else {
                            pending.push(t);
                        }
                    }
                    Elem::Tok(t) if matches!(kind, COMMA | SEMICOLON) && items > 0 => {
                        let mark = self.s.mark() - 1;
                        self.token(t);
                        self.s.concat(mark);
                    }
                    _ => {
                        if items > 0 {
                            self.s.leaf(line);
                        }
                        let mark = self.s.mark();
                        self.pending_comments(&pending, true);
                        pending.clear();
                        match e {
                            Elem::Tok(t) => self.token(t),
                            Elem::Node(n) => self.node(n),
                        }
                        self.s.concat(mark);
                        items += 1;
                    }
                }
            }
            if !pending.is_empty() {
                if items > 0 {
                    self.s.leaf(line);
                }
                let mark = self.s.mark();
                self.pending_comments(&pending, false);
                self.s.concat(mark);
            }
            self.s.end();
            self.s.leaf(soft);
        }
        if let Some(c) = close.filter(|&c| c > open) {
            self.token(tok(elements[c]));
        }
        self.s.end();
    }
}

/// Whether a space goes between two elements of `parent`: `prev` is the
/// last token kind before, `next` the first token kind of the next element
/// (`next_node` its kind, a node kind for nodes).
fn need_space(
    parent: SyntaxKind,
    prev: SyntaxKind,
    prev_node: Option<SyntaxKind>,
    next: SyntaxKind,
    next_node: SyntaxKind,
) -> bool {
    if matches!(
        next,
        COMMA | SEMICOLON | R_PAREN | R_BRACK | R_ANGLE | DOT | COLON
    ) {
        return false;
    }
    if matches!(prev, L_PAREN | L_BRACK | L_ANGLE | DOT | AT) {
        return false;
    }
    if next == L_ANGLE {
        // `list<T>`, but `list cpp_type "T" <elem>`.
        return prev == STRING;
    }
    // `@Name{...}`, `Foo{...}`.
    if next_node == FIELD_INITIALIZER_LIST {
        return false;
    }
    // `name(` of a function, but `throws (`.
    if next_node == PARAM_LIST && parent == FUNCTION && prev_node == Some(NAME) {
        return false;
    }
    let _ = prev_node;
    true
}

/// Turns the alignment markers into padding: consecutive lines with the
/// same indentation and the same number of column markers get their cells
/// padded to common widths (an empty column everywhere takes no space);
/// then runs of lines with trailing-comment markers get the comments
/// lined up (when `comments`), and the markers are removed.
fn align(text: &str, comments: bool) -> String {
    if !text.contains([COLUMN, COMMENT]) {
        return text.to_string();
    }
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let indent_of = |l: &str| l.len() - l.trim_start_matches([' ', '\t']).len();

    // Columns.
    let mut i = 0;
    while i < lines.len() {
        let count = lines[i].matches(COLUMN).count();
        if count == 0 {
            i += 1;
            continue;
        }
        let indent = indent_of(&lines[i]);
        let mut j = i + 1;
        while j < lines.len()
            && lines[j].matches(COLUMN).count() == count
            && indent_of(&lines[j]) == indent
        {
            j += 1;
        }
        let rows: Vec<Vec<String>> = lines[i..j]
            .iter()
            .map(|l| l[indent..].split(COLUMN).map(str::to_string).collect())
            .collect();
        let mut widths = vec![0usize; count];
        for row in &rows {
            for (c, cell) in row.iter().take(count).enumerate() {
                widths[c] = widths[c].max(cell.chars().count());
            }
        }
        for (k, row) in rows.into_iter().enumerate() {
            let mut line = lines[i + k][..indent].to_string();
            for (c, cell) in row.iter().enumerate() {
                line.push_str(cell);
                if c < count && widths[c] > 0 {
                    line.extend(std::iter::repeat_n(
                        ' ',
                        widths[c] - cell.chars().count() + 1,
                    ));
                }
            }
            lines[i + k] = line.trim_end_matches(' ').to_string();
        }
        i = j;
    }

    // Trailing comments.
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].contains(COMMENT) {
            i += 1;
            continue;
        }
        if !comments {
            lines[i] = lines[i].replace(COMMENT, "");
            i += 1;
            continue;
        }
        // The run: following non-empty lines at the same indentation (lines
        // without a trailing comment do not break it), up to the last one
        // with a comment.
        let indent = indent_of(&lines[i]);
        let mut j = i + 1;
        let mut end = i + 1;
        while j < lines.len() && !lines[j].trim().is_empty() && indent_of(&lines[j]) == indent {
            j += 1;
            if lines[j - 1].contains(COMMENT) {
                end = j;
            }
        }
        let j = end;
        let column = lines[i..j]
            .iter()
            .filter(|l| l.contains(COMMENT))
            .map(|l| {
                l.split(COMMENT)
                    .next()
                    .unwrap_or("")
                    .trim_end()
                    .chars()
                    .count()
            })
            .max()
            .unwrap_or(0);
        for line in &mut lines[i..j] {
            if !line.contains(COMMENT) {
                continue;
            }
            let (code, comment) = line.split_once(COMMENT).unwrap_or((line.as_str(), ""));
            let code = code.trim_end();
            // A second trailing comment on the line is not aligned.
            let comment = comment.replace(COMMENT, "");
            let pad = column - code.chars().count() + 1;
            *line = format!("{code}{}{comment}", " ".repeat(pad));
        }
        i = j;
    }
    lines.join("\n")
}
