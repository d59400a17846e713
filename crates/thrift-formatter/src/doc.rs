//! A small document IR and a Wadler-style printer.
//!
//! A [`Doc`] describes text with optional line breaks; the printer picks,
//! for each [`Doc::Group`], whether it fits flat on the rest of the line or
//! must break, outermost group first.

/// A document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Doc {
    /// Text without newlines (or a verbatim comment that has them; it then
    /// never fits flat).
    Text(String),
    /// A token of the tree, printed as written (no copy of its text).
    Token(thrift_syntax::SyntaxToken),
    /// One space.
    Space,
    /// A space when flat, a newline (at the current indent) when broken.
    Line,
    /// Nothing when flat, a newline when broken.
    SoftLine,
    /// Always a newline; breaks every enclosing group.
    HardLine,
    /// A newline plus an empty line.
    BlankLine,
    /// Content indented by one level when it breaks.
    Indent(Vec<Doc>),
    /// Content that is printed flat if it fits on the line, else broken.
    Group(Vec<Doc>),
    /// `broken` if the enclosing group breaks, `flat` otherwise.
    IfBreak(Box<Doc>, Box<Doc>),
    /// Text printed at the end of the current line (a trailing comment).
    LineSuffix(String),
    Concat(Vec<Doc>),
}

impl Doc {
    pub fn text(s: impl Into<String>) -> Doc {
        Doc::Text(s.into())
    }

    /// Whether the doc forces a break (contains a hard line, a multi-line
    /// text, or a line suffix, which must end its line).
    pub fn forces_break(&self) -> bool {
        match self {
            Doc::Text(t) => t.contains('\n'),
            Doc::Token(t) => t.text().contains('\n'),
            Doc::Space => false,
            Doc::HardLine | Doc::BlankLine => true,
            // A trailing comment goes to the end of whatever line it ends up
            // on; it does not break a group by itself (lists with line
            // comments break on their own).
            Doc::LineSuffix(_) => false,
            Doc::Line | Doc::SoftLine => false,
            Doc::Indent(d) | Doc::Group(d) | Doc::Concat(d) => d.iter().any(Doc::forces_break),
            Doc::IfBreak(b, _) => b.forces_break(),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Flat,
    Break,
}

/// Prints `doc` with `indent` spaces (or a tab when `indent` is 0) per
/// level and the given line width.
pub fn print(doc: &Doc, indent_unit: &str, width: usize) -> String {
    let mut out = String::new();
    let mut suffix: Vec<String> = Vec::new();
    let mut col = 0usize;
    // Trailing spaces are trimmed at line ends, but never out of a token's
    // own text (an unterminated string may end in spaces).
    let mut floor = 0usize;
    // (indent level, mode, doc)
    let mut stack: Vec<(usize, Mode, &Doc)> = vec![(0, Mode::Break, doc)];
    let unit_width = if indent_unit == "\t" {
        4
    } else {
        indent_unit.len()
    };
    while let Some((level, mode, doc)) = stack.pop() {
        match doc {
            Doc::Space => {
                out.push(' ');
                col += 1;
            }
            Doc::Text(_) | Doc::Token(_) => {
                let t = match doc {
                    Doc::Text(t) => t.as_str(),
                    Doc::Token(t) => t.text(),
                    _ => unreachable!(),
                };
                out.push_str(t);
                if !t.chars().all(|c| c == ' ') {
                    floor = out.len();
                }
                match t.rfind('\n') {
                    Some(i) => col = t[i + 1..].chars().count(),
                    None => col += t.chars().count(),
                }
            }
            Doc::Line | Doc::SoftLine if mode == Mode::Flat => {
                if matches!(doc, Doc::Line) {
                    out.push(' ');
                    col += 1;
                }
            }
            Doc::Line | Doc::SoftLine | Doc::HardLine | Doc::BlankLine => {
                flush_suffixes(&mut out, &mut suffix, level, indent_unit, &mut floor);
                trim_trailing_spaces(&mut out, floor);
                out.push('\n');
                if matches!(doc, Doc::BlankLine) {
                    out.push('\n');
                }
                for _ in 0..level {
                    out.push_str(indent_unit);
                }
                col = level * unit_width;
            }
            Doc::Indent(docs) => {
                for d in docs.iter().rev() {
                    stack.push((level + 1, mode, d));
                }
            }
            Doc::Concat(docs) => {
                for d in docs.iter().rev() {
                    stack.push((level, mode, d));
                }
            }
            Doc::Group(docs) => {
                let flat = mode == Mode::Flat
                    || (!docs.iter().any(Doc::forces_break)
                        && fits(docs, width.saturating_sub(col), &stack));
                let m = if flat { Mode::Flat } else { Mode::Break };
                for d in docs.iter().rev() {
                    stack.push((level, m, d));
                }
            }
            Doc::IfBreak(broken, flat) => {
                stack.push((level, mode, if mode == Mode::Break { broken } else { flat }));
            }
            Doc::LineSuffix(s) => suffix.push(s.clone()),
        }
    }
    flush_suffixes(&mut out, &mut suffix, 0, indent_unit, &mut floor);
    trim_trailing_spaces(&mut out, floor);
    out
}

/// Prints the pending line suffixes (trailing comments). A line comment
/// runs to the end of the line, so anything after one goes on a line of
/// its own, at `level`.
fn flush_suffixes(
    out: &mut String,
    suffix: &mut Vec<String>,
    level: usize,
    indent_unit: &str,
    floor: &mut usize,
) {
    let mut after_line_comment = false;
    for s in suffix.drain(..) {
        if after_line_comment {
            trim_trailing_spaces(out, *floor);
            out.push('\n');
            for _ in 0..level {
                out.push_str(indent_unit);
            }
            out.push_str(s.trim_start());
        } else {
            out.push_str(&s);
        }
        *floor = out.len();
        let t = s.trim_start().trim_start_matches(crate::format::COMMENT);
        after_line_comment |= t.starts_with("//") || t.starts_with('#');
    }
}

fn trim_trailing_spaces(out: &mut String, floor: usize) {
    while out.len() > floor && (out.ends_with(' ') || out.ends_with('\t')) {
        out.pop();
    }
}

/// Whether `docs`, printed flat, fit in `width` columns, counting what
/// follows on the same line (the rest of the stack, up to its next
/// possible line break).
fn fits(docs: &[Doc], width: usize, rest: &[(usize, Mode, &Doc)]) -> bool {
    let mut remaining = width as isize;
    let mut queue: Vec<(Mode, &Doc)> = docs.iter().rev().map(|d| (Mode::Flat, d)).collect();
    let mut rest_index = rest.len();
    loop {
        let (mode, doc) = match queue.pop() {
            Some(x) => x,
            None => {
                // Then the text that follows, until a line break.
                if rest_index == 0 {
                    return true;
                }
                rest_index -= 1;
                let (_, mode, doc) = rest[rest_index];
                (mode, doc)
            }
        };
        match doc {
            Doc::Space => remaining -= 1,
            Doc::Text(_) | Doc::Token(_) => {
                let t = match doc {
                    Doc::Text(t) => t.as_str(),
                    Doc::Token(t) => t.text(),
                    _ => unreachable!(),
                };
                if t.contains('\n') {
                    return false;
                }
                remaining -= t.chars().count() as isize;
            }
            Doc::Line => {
                if mode == Mode::Break {
                    return true;
                }
                remaining -= 1;
            }
            Doc::SoftLine => {
                if mode == Mode::Break {
                    return true;
                }
            }
            Doc::HardLine | Doc::BlankLine => return mode == Mode::Break || remaining >= 0,
            Doc::Indent(d) | Doc::Concat(d) | Doc::Group(d) => {
                for x in d.iter().rev() {
                    queue.push((mode, x));
                }
            }
            Doc::IfBreak(b, f) => queue.push((mode, if mode == Mode::Break { b } else { f })),
            Doc::LineSuffix(_) => {}
        }
        if remaining < 0 {
            return false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(args: &[&str]) -> Doc {
        let mut inner = vec![Doc::SoftLine];
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                inner.push(Doc::text(","));
                inner.push(Doc::Line);
            }
            inner.push(Doc::text(*a));
        }
        Doc::Group(vec![
            Doc::text("f("),
            Doc::Indent(inner),
            Doc::IfBreak(Box::new(Doc::text(",")), Box::new(Doc::text(""))),
            Doc::SoftLine,
            Doc::text(")"),
        ])
    }

    #[test]
    fn groups_fit_or_break() {
        assert_eq!(print(&call(&["a", "b"]), "  ", 80), "f(a, b)");
        assert_eq!(
            print(&call(&["aaaa", "bbbb"]), "  ", 8),
            "f(\n  aaaa,\n  bbbb,\n)"
        );
    }

    #[test]
    fn line_suffix_goes_to_the_end_of_the_line() {
        let doc = Doc::Concat(vec![
            Doc::text("a"),
            Doc::LineSuffix(" // c".into()),
            Doc::text(","),
            Doc::HardLine,
            Doc::text("b"),
        ]);
        assert_eq!(print(&doc, "  ", 80), "a, // c\nb");
    }
}
