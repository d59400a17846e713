//! The formatting rules: syntax tree to [`Doc`].

use thrift_syntax::{
    NodeOrToken, SyntaxElement, SyntaxError, SyntaxKind, SyntaxKind::*, SyntaxNode, SyntaxToken,
    TextRange,
};

use crate::{FormatOptions, QuoteStyle, Separator, doc::Doc};

/// Marks a column boundary in an aligned field or enum value line; the
/// alignment pass turns it into padding.
pub(crate) const COLUMN: char = '\u{E000}';
/// Marks the start of a trailing comment, for `align_comments`.
pub(crate) const COMMENT: char = '\u{E001}';

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

/// Formats a Thrift file. With syntax errors, refuses unless `force`; then
/// the top-level items that hold an error are kept as written.
pub fn format(text: &str, options: &FormatOptions, force: bool) -> Result<String, FormatError> {
    let parse = thrift_syntax::parse_with(text, options.dialect, None);
    if !parse.errors().is_empty() && !force {
        return Err(FormatError::Syntax(parse.errors().to_vec()));
    }
    let root = parse.syntax_node();
    // The alignment markers must not occur in the file itself.
    let markers_free = !text.contains([COLUMN, COMMENT]);
    let mut f = Formatter::new(options, parse.errors());
    f.align_fields = options.align_fields && markers_free;
    f.align_comments = options.align_comments && markers_free;
    let doc = f.source_file(&root);
    f.check_printed_once(&root);
    let unit = if options.indent == 0 {
        "\t".to_string()
    } else {
        " ".repeat(options.indent)
    };
    let mut out = crate::doc::print(&doc, &unit, options.line_width);
    // One newline at the end. (Trimming also keeps an unterminated block
    // comment, which runs to the end of the file, from growing.)
    if markers_free {
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
    let parse = thrift_syntax::parse_with(text, options.dialect, None);
    if !parse.errors().is_empty() && !force {
        return Err(FormatError::Syntax(parse.errors().to_vec()));
    }
    let root = parse.syntax_node();
    let touches = |r: TextRange| {
        if range.is_empty() {
            r.start() <= range.start() && range.start() <= r.end()
        } else {
            r.start() < range.end() && range.start() < r.end()
        }
    };
    let elements: Vec<SyntaxElement> = root
        .children_with_tokens()
        .filter(|e| !is_ws(e.kind()))
        .skip_while(|e| !touches(e.text_range()))
        .take_while(|e| touches(e.text_range()))
        .collect();
    let (Some(first), Some(last)) = (elements.first(), elements.last()) else {
        return Ok(None);
    };
    let span = TextRange::new(first.text_range().start(), last.text_range().end());
    // The elements in the span, with the whitespace between them (for
    // blank lines).
    let all: Vec<SyntaxElement> = root
        .children_with_tokens()
        .filter(|e| span.contains_range(e.text_range()))
        .collect();
    let mut f = Formatter::new(options, parse.errors());
    let markers_free = !text.contains([COLUMN, COMMENT]);
    f.align_fields = options.align_fields && markers_free;
    f.align_comments = options.align_comments && markers_free;
    let mut docs = Vec::new();
    f.block_items(&all, &mut docs, true);
    let unit = if options.indent == 0 {
        "\t".to_string()
    } else {
        " ".repeat(options.indent)
    };
    let mut out = crate::doc::print(&Doc::Concat(docs), &unit, options.line_width);
    if markers_free {
        out = align(&out, options.align_comments);
    }
    Ok(Some((span, out.trim_end_matches(['\n', '\r']).to_string())))
}

/// The document for a file, for debugging (`thrift-fmt --print-ir`).
pub fn format_to_doc(text: &str, options: &FormatOptions) -> Doc {
    let parse = thrift_syntax::parse_with(text, options.dialect, None);
    let mut f = Formatter::new(options, parse.errors());
    f.source_file(&parse.syntax_node())
}

struct Formatter<'a> {
    options: &'a FormatOptions,
    errors: Vec<TextRange>,
    /// Tokens (other than whitespace) printed, for the printed-once check.
    printed: usize,
    /// Separators added or dropped by the `separator` option.
    separator_delta: isize,
    align_fields: bool,
    align_comments: bool,
}

fn is_ws(kind: SyntaxKind) -> bool {
    kind == WHITESPACE
}

/// Whether a token is the first thing on its line in the source.
fn starts_line(token: &SyntaxToken) -> bool {
    match token.prev_token() {
        None => true,
        Some(prev) => prev.kind() == WHITESPACE && prev.text().contains('\n'),
    }
}

/// Whether the source has an empty line right before `element`.
fn blank_before(element: &SyntaxElement) -> bool {
    let first = match element {
        NodeOrToken::Node(n) => n.first_token(),
        NodeOrToken::Token(t) => Some(t.clone()),
    };
    first
        .and_then(|t| t.prev_token())
        .is_some_and(|p| p.kind() == WHITESPACE && p.text().matches('\n').count() >= 2)
}

/// Whether an element starts its line in the source.
fn starts_line_element(element: &SyntaxElement) -> bool {
    match element {
        NodeOrToken::Token(t) => starts_line(t),
        NodeOrToken::Node(n) => n.first_token().is_none_or(|t| starts_line(&t)),
    }
}

/// What goes before a leading comment that follows another one.
fn separator_after_comment(element: &SyntaxElement) -> Doc {
    if !starts_line_element(element) {
        Doc::Space
    } else if blank_before(element) {
        Doc::BlankLine
    } else {
        Doc::HardLine
    }
}

fn first_kind(element: &SyntaxElement) -> SyntaxKind {
    match element {
        NodeOrToken::Token(t) => t.kind(),
        NodeOrToken::Node(n) => {
            let end = n.text_range().end();
            std::iter::successors(n.first_token(), |t| t.next_token())
                .take_while(|t| t.text_range().start() < end)
                .find(|t| !t.kind().is_trivia())
                .map_or(EOF, |t| t.kind())
        }
    }
}

fn last_kind(element: &SyntaxElement) -> SyntaxKind {
    match element {
        NodeOrToken::Token(t) => t.kind(),
        NodeOrToken::Node(n) => {
            // Walk back from the last token: constant time for most nodes.
            let start = n.text_range().start();
            std::iter::successors(n.last_token(), |t| t.prev_token())
                .take_while(|t| t.text_range().start() >= start)
                .find(|t| !t.kind().is_trivia())
                .map_or(EOF, |t| t.kind())
        }
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

impl<'a> Formatter<'a> {
    fn new(options: &'a FormatOptions, errors: &[SyntaxError]) -> Formatter<'a> {
        Formatter {
            options,
            errors: errors.iter().map(|e| e.range).collect(),
            printed: 0,
            separator_delta: 0,
            align_fields: false,
            align_comments: false,
        }
    }

    /// Every non-whitespace token was printed exactly once (debug builds).
    fn check_printed_once(&self, root: &SyntaxNode) {
        if cfg!(debug_assertions) {
            let expected = root
                .descendants_with_tokens()
                .filter_map(SyntaxElement::into_token)
                .filter(|t| !is_ws(t.kind()))
                .count() as isize;
            assert_eq!(
                self.printed as isize,
                expected + self.separator_delta,
                "the formatter did not print every token exactly once"
            );
        }
    }

    fn has_error(&self, node: &SyntaxNode) -> bool {
        let range = node.text_range();
        node.kind() == ERROR
            || self.errors.iter().any(|e| {
                // An error inside the node; a missing token (an empty
                // range) belongs to the node that ends there.
                if e.is_empty() {
                    e.start() > range.start() && e.start() <= range.end()
                } else {
                    e.start() >= range.start() && e.start() < range.end()
                }
            })
    }

    /// A node as written (for items with syntax errors).
    fn verbatim(&mut self, node: &SyntaxNode) -> Doc {
        self.printed += node
            .descendants_with_tokens()
            .filter_map(SyntaxElement::into_token)
            .filter(|t| !is_ws(t.kind()))
            .count();
        Doc::Text(node.text().to_string())
    }

    fn token(&mut self, token: &SyntaxToken) -> Doc {
        self.printed += 1;
        match token.kind() {
            STRING => Doc::Text(self.quote(token.text())),
            LINE_COMMENT => Doc::Text(token.text().trim_end().to_string()),
            _ => Doc::Token(token.clone()),
        }
    }

    fn quote(&self, text: &str) -> String {
        let target = match self.options.quote_style {
            QuoteStyle::Keep => return text.to_string(),
            QuoteStyle::Double => '"',
            QuoteStyle::Single => '\'',
        };
        let Some(quote) = text.chars().next() else {
            return text.to_string();
        };
        if quote == target || text.len() < 2 || !text.ends_with(quote) {
            return text.to_string();
        }
        let body = &text[1..text.len() - 1];
        if body.contains(target) || body.contains('\\') {
            return text.to_string();
        }
        format!("{target}{body}{target}")
    }

    // -----------------------------------------------------------------
    // Blocks: the file, and `{ ... }` bodies
    // -----------------------------------------------------------------

    fn source_file(&mut self, root: &SyntaxNode) -> Doc {
        let elements: Vec<SyntaxElement> = root.children_with_tokens().collect();
        let mut docs = Vec::new();
        self.block_items(&elements, &mut docs, true);
        Doc::Concat(docs)
    }

    /// The items and comments of a block, each on its own line; a blank
    /// line in the source (before an item or an own-line comment) is kept.
    fn block_items(&mut self, elements: &[SyntaxElement], docs: &mut Vec<Doc>, top: bool) {
        let mut first = true;
        for element in elements {
            match element {
                NodeOrToken::Token(t) if is_ws(t.kind()) => {}
                NodeOrToken::Token(t) if t.kind().is_comment() => {
                    if !first && !starts_line(t) {
                        // A comment after the previous item on its line.
                        self.printed += 1;
                        docs.push(Doc::LineSuffix(format!(" {}", t.text().trim_end())));
                        continue;
                    }
                    self.line_before(element, first, top, docs);
                    let d = self.token(t);
                    docs.push(d);
                    first = false;
                }
                NodeOrToken::Token(t) => {
                    // A stray token in a block (only with syntax errors).
                    self.line_before(element, first, top, docs);
                    let d = self.token(t);
                    docs.push(d);
                    first = false;
                }
                NodeOrToken::Node(n) => {
                    self.line_before(element, first, top, docs);
                    let d = if top && self.has_error(n) || n.kind() == ERROR {
                        self.verbatim(n)
                    } else {
                        self.item(n)
                    };
                    docs.push(d);
                    first = false;
                }
            }
        }
    }

    fn line_before(
        &mut self,
        element: &SyntaxElement,
        first: bool,
        top: bool,
        docs: &mut Vec<Doc>,
    ) {
        if first {
            if !top {
                docs.push(Doc::HardLine);
            }
        } else if blank_before(element) {
            docs.push(Doc::BlankLine);
        } else {
            docs.push(Doc::HardLine);
        }
    }

    /// `{ items }`: the braces, the items indented one per line, and `{}`
    /// when empty. Comments on the line of `{` stay there.
    fn braced_block(&mut self, node: &SyntaxNode) -> Doc {
        let elements: Vec<SyntaxElement> = node.children_with_tokens().collect();
        let open = elements
            .iter()
            .position(|e| matches!(e.kind(), L_BRACE | L_PAREN));
        let close = elements
            .iter()
            .rposition(|e| matches!(e.kind(), R_BRACE | R_PAREN));
        let mut docs = Vec::new();
        let body_start = match open {
            Some(i) => {
                let d = self.token(elements[i].as_token().unwrap());
                docs.push(d);
                i + 1
            }
            None => 0,
        };
        let body_end = close.filter(|&c| c >= body_start).unwrap_or(elements.len());
        let body = &elements[body_start..body_end];
        let mut inner = Vec::new();
        // Comments on the line of the opening brace (when the block has
        // items; in an empty block they go inside it, on their own lines).
        let mut rest = body;
        let has_items = body.iter().any(|e| e.as_node().is_some());
        while has_items && let Some((first, tail)) = rest.split_first() {
            match first {
                NodeOrToken::Token(t) if is_ws(t.kind()) && !t.text().contains('\n') => rest = tail,
                NodeOrToken::Token(t) if t.kind().is_comment() && !starts_line(t) => {
                    self.printed += 1;
                    docs.push(Doc::LineSuffix(format!(" {}", t.text().trim_end())));
                    rest = tail;
                }
                _ => break,
            }
        }
        self.block_items(rest, &mut inner, false);
        if !inner.is_empty() {
            docs.push(Doc::Indent(inner));
            docs.push(Doc::HardLine);
        }
        if let Some(c) = close.filter(|&c| c >= body_start) {
            let d = self.token(elements[c].as_token().unwrap());
            docs.push(d);
        }
        // Anything after the closing brace inside this node (not expected).
        for e in elements.iter().skip(body_end + 1) {
            if let NodeOrToken::Token(t) = e
                && !is_ws(t.kind())
            {
                let d = self.token(t);
                docs.push(Doc::Space);
                docs.push(d);
            }
        }
        Doc::Concat(docs)
    }

    // -----------------------------------------------------------------
    // Items
    // -----------------------------------------------------------------

    /// A header, definition, field, enum value or function: its leading
    /// comments on their own lines, its body, its trailing comments at the
    /// end of its last line.
    fn item(&mut self, node: &SyntaxNode) -> Doc {
        let elements: Vec<SyntaxElement> = node.children_with_tokens().collect();
        let first_sig = elements.iter().position(|e| !e.kind().is_trivia());
        let last_sig = elements.iter().rposition(|e| !e.kind().is_trivia());
        let mut docs = Vec::new();
        let (Some(first_sig), Some(last_sig)) = (first_sig, last_sig) else {
            // Only comments: print them as they are.
            for e in &elements {
                if let NodeOrToken::Token(t) = e
                    && t.kind().is_comment()
                {
                    if !docs.is_empty() {
                        docs.push(Doc::HardLine);
                    }
                    let d = self.token(t);
                    docs.push(d);
                }
            }
            return Doc::Concat(docs);
        };
        // Leading comments.
        let mut seen_comment = false;
        for e in &elements[..first_sig] {
            if let NodeOrToken::Token(t) = e
                && t.kind().is_comment()
            {
                if seen_comment {
                    docs.push(separator_after_comment(e));
                }
                let d = self.token(t);
                docs.push(d);
                seen_comment = true;
            }
        }
        if seen_comment {
            docs.push(if !starts_line_element(&elements[first_sig]) {
                // `/* c */ 1: i32 x`: a block comment before the item on its line.
                Doc::Space
            } else if blank_before(&elements[first_sig]) {
                Doc::BlankLine
            } else {
                Doc::HardLine
            });
        }
        // fbthrift's `@Annotations`, each on a line of its own, except
        // before an argument (`f(@Foo 1: i32 x)`).
        let mut first_sig = first_sig;
        let own_lines = node.parent().is_none_or(|p| p.kind() != PARAM_LIST);
        while first_sig < last_sig && elements[first_sig].kind() == STRUCTURED_ANNOTATION {
            let annotation = elements[first_sig].as_node().expect("a node").clone();
            let d = self.node(&annotation);
            docs.push(d);
            first_sig += 1;
            while first_sig < last_sig && elements[first_sig].kind().is_trivia() {
                if let NodeOrToken::Token(t) = &elements[first_sig]
                    && t.kind().is_comment()
                {
                    self.printed += 1;
                    docs.push(Doc::LineSuffix(format!(" {}", t.text().trim_end())));
                }
                first_sig += 1;
            }
            docs.push(if own_lines { Doc::HardLine } else { Doc::Space });
        }
        // The body.
        let body = &elements[first_sig..=last_sig];
        let body_doc = self.item_body(node, body);
        docs.push(body_doc);
        // Trailing comments (marked for alignment).
        let marker = if self.align_comments {
            COMMENT.to_string()
        } else {
            String::new()
        };
        for e in &elements[last_sig + 1..] {
            if let NodeOrToken::Token(t) = e
                && t.kind().is_comment()
            {
                self.printed += 1;
                docs.push(Doc::LineSuffix(format!(" {marker}{}", t.text().trim_end())));
            }
        }
        Doc::Concat(docs)
    }

    fn item_body(&mut self, node: &SyntaxNode, body: &[SyntaxElement]) -> Doc {
        let sep_item = matches!(node.kind(), FIELD | ENUM_VALUE | FUNCTION)
            && node
                .parent()
                .is_some_and(|p| matches!(p.kind(), FIELD_LIST | ENUM_VALUE_LIST | FUNCTION_LIST));
        let mut body: Vec<SyntaxElement> = body.to_vec();
        let mut add_separator: Option<&'static str> = None;
        if sep_item && self.options.separator != Separator::Keep {
            let last_is_sep = body
                .last()
                .is_some_and(|e| matches!(e.kind(), COMMA | SEMICOLON));
            if last_is_sep {
                body.pop();
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
            && !body.iter().any(|e| e.kind().is_comment())
            && matches!(node.kind(), FIELD | ENUM_VALUE);
        let mut doc = if aligned {
            self.aligned_cells(node.kind(), &body)
        } else if node.kind() == FUNCTION {
            Doc::Group(vec![self.inline(node.kind(), &body)])
        } else {
            self.inline(node.kind(), &body)
        };
        if let Some(sep) = add_separator {
            self.printed += 1;
            doc = Doc::Concat(vec![doc, Doc::text(sep)]);
        }
        doc
    }

    /// A field as `id COLUMN requiredness COLUMN type COLUMN rest`, or an
    /// enum value as `name COLUMN = value...`: the alignment pass pads the
    /// cells of consecutive lines to the same widths.
    fn aligned_cells(&mut self, kind: SyntaxKind, body: &[SyntaxElement]) -> Doc {
        let column = Doc::Text(COLUMN.to_string());
        let split_at = |pred: &dyn Fn(&SyntaxElement) -> bool| body.iter().position(pred);
        if kind == ENUM_VALUE {
            let Some(eq) = split_at(&|e| e.kind() == EQ) else {
                return self.inline(kind, body);
            };
            let name = self.inline(kind, &body[..eq]);
            let rest = self.inline(kind, &body[eq..]);
            return Doc::Concat(vec![name, column, rest]);
        }
        let is_type = |e: &SyntaxElement| {
            matches!(
                e.kind(),
                BASE_TYPE | NAMED_TYPE | LIST_TYPE | SET_TYPE | MAP_TYPE
            )
        };
        let Some(ty) = split_at(&is_type) else {
            return self.inline(kind, body);
        };
        let id_end = split_at(&|e| e.kind() == FIELD_ID).map_or(0, |i| i + 1);
        let mut type_end = ty + 1;
        // `&` stays with the type.
        while type_end < body.len()
            && (body[type_end].kind() == AMP || is_ws(body[type_end].kind()))
        {
            type_end += 1;
        }
        let id = self.inline(kind, &body[..id_end]);
        let req = self.inline(kind, &body[id_end..ty]);
        let ty_doc = self.inline(kind, &body[ty..type_end]);
        let rest = self.inline(kind, &body[type_end..]);
        Doc::Concat(vec![
            id,
            column.clone(),
            req,
            column.clone(),
            ty_doc,
            column,
            rest,
        ])
    }

    // -----------------------------------------------------------------
    // Inline content: tokens and nodes with spaces between them
    // -----------------------------------------------------------------

    fn inline(&mut self, parent: SyntaxKind, elements: &[SyntaxElement]) -> Doc {
        let mut docs = Vec::new();
        let mut prev: Option<SyntaxKind> = None;
        let mut prev_node: Option<SyntaxKind> = None;
        for e in elements {
            let kind = e.kind();
            if is_ws(kind) {
                continue;
            }
            if let NodeOrToken::Token(t) = e
                && t.kind().is_comment()
            {
                self.printed += 1;
                if t.kind() == LINE_COMMENT {
                    docs.push(Doc::LineSuffix(format!(" {}", t.text().trim_end())));
                } else {
                    docs.push(Doc::Space);
                    docs.push(Doc::Text(t.text().to_string()));
                }
                continue;
            }
            let (first, last) = (first_kind(e), last_kind(e));
            if parent == FUNCTION && kind == THROWS_CLAUSE && prev.is_some() {
                // A long signature breaks before `throws` first.
                let d = self.node(e.as_node().expect("THROWS_CLAUSE is a node"));
                docs.push(Doc::Indent(vec![Doc::Line, d]));
                prev = Some(last);
                prev_node = Some(kind);
                continue;
            }
            if let Some(p) = prev
                && need_space(parent, p, prev_node, first, kind)
            {
                docs.push(Doc::Space);
            }
            let d = match e {
                NodeOrToken::Token(t) => self.token(t),
                NodeOrToken::Node(n) => self.node(n),
            };
            docs.push(d);
            prev = Some(last);
            prev_node = Some(kind);
        }
        Doc::Concat(docs)
    }

    fn node(&mut self, node: &SyntaxNode) -> Doc {
        match node.kind() {
            FIELD_LIST | ENUM_VALUE_LIST | FUNCTION_LIST => self.braced_block(node),
            PARAM_LIST => self.list(node, false),
            CONST_LIST | CONST_MAP | ANNOTATION_LIST | FIELD_INITIALIZER_LIST => {
                let multiline = node.children_with_tokens().any(|e| {
                    e.kind() == WHITESPACE && e.as_token().is_some_and(|t| t.text().contains('\n'))
                });
                self.list(node, multiline)
            }
            ERROR => self.verbatim(node),
            k if is_item(k) => self.item(node),
            CONST_MAP_ENTRY | ANNOTATION | FIELD_INITIALIZER => self.item(node),
            k => {
                let elements: Vec<SyntaxElement> = node.children_with_tokens().collect();
                self.inline(k, &elements)
            }
        }
    }

    /// `( a, b )`, `[ a, b ]`, `{ k: v }`: flat if it fits (and was not
    /// written over several lines), else one element per line.
    fn list(&mut self, node: &SyntaxNode, force_break: bool) -> Doc {
        let elements: Vec<SyntaxElement> = node.children_with_tokens().collect();
        let open = elements
            .iter()
            .position(|e| matches!(e.kind(), L_PAREN | L_BRACK | L_BRACE));
        let close = elements
            .iter()
            .rposition(|e| matches!(e.kind(), R_PAREN | R_BRACK | R_BRACE));
        let Some(open) = open else {
            let k = node.kind();
            return self.inline(k, &elements);
        };
        let mut docs = Vec::new();
        let d = self.token(elements[open].as_token().unwrap());
        docs.push(d);
        let end = close.filter(|&c| c > open).unwrap_or(elements.len());
        // Elements: each value or item with the separator after it.
        let mut items: Vec<Doc> = Vec::new();
        let mut pending_comments: Vec<Doc> = Vec::new();
        let mut has_line_comment = false;
        for e in &elements[open + 1..end] {
            match e {
                NodeOrToken::Token(t) if is_ws(t.kind()) => {}
                NodeOrToken::Token(t) if t.kind().is_comment() => {
                    has_line_comment |= t.kind() == LINE_COMMENT;
                    if !starts_line(t) && !items.is_empty() {
                        self.printed += 1;
                        let last = items.pop().unwrap();
                        items.push(Doc::Concat(vec![
                            last,
                            Doc::LineSuffix(format!(" {}", t.text().trim_end())),
                        ]));
                    } else {
                        let d = self.token(t);
                        pending_comments.push(d);
                        if t.kind() == LINE_COMMENT {
                            pending_comments.push(Doc::HardLine);
                        } else {
                            pending_comments.push(Doc::Line);
                        }
                    }
                }
                NodeOrToken::Token(t)
                    if matches!(t.kind(), COMMA | SEMICOLON) && !items.is_empty() =>
                {
                    let d = self.token(t);
                    let last = items.pop().unwrap();
                    items.push(Doc::Concat(vec![last, d]));
                }
                _ => {
                    let d = match e {
                        NodeOrToken::Token(t) => self.token(t),
                        NodeOrToken::Node(n) => self.node(n),
                    };
                    let mut parts = std::mem::take(&mut pending_comments);
                    parts.push(d);
                    items.push(Doc::Concat(parts));
                }
            }
        }
        if !pending_comments.is_empty() {
            // Comments after the last element.
            pending_comments.pop();
            items.push(Doc::Concat(pending_comments));
            has_line_comment = true;
        }
        let nested_line_comment = node
            .descendants_with_tokens()
            .any(|e| e.kind() == LINE_COMMENT);
        let broken = force_break || has_line_comment || nested_line_comment;
        if !items.is_empty() {
            let (line, soft) = if broken {
                (Doc::HardLine, Doc::HardLine)
            } else {
                (Doc::Line, Doc::SoftLine)
            };
            let mut inner = vec![soft.clone()];
            for (i, item) in items.into_iter().enumerate() {
                if i > 0 {
                    inner.push(line.clone());
                }
                inner.push(item);
            }
            docs.push(Doc::Indent(inner));
            docs.push(soft);
        }
        if let Some(c) = close.filter(|&c| c > open) {
            let d = self.token(elements[c].as_token().unwrap());
            docs.push(d);
        }
        Doc::Group(docs)
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
