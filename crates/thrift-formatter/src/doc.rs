//! A small document IR and a Wadler-style printer.
//!
//! A [`Doc`] describes text with optional line breaks; the printer picks,
//! for each [`Doc::Group`], whether it fits flat on the rest of the line or
//! must break, outermost group first.
//!
//! The rules do not build [`Doc`] trees (a `Vec` per node and a `String`
//! per text were most of the formatter's time): they write the same
//! document as a flat [`Stream`] of commands whose texts borrow the
//! source, and the printer walks that. Each container records where it
//! ends and whether it forces a break, so `fits` never rescans. The
//! [`Doc`] tree is rebuilt from the stream only for `--print-ir`.

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

/// Containers of the command stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Container {
    Indent,
    Group,
    IfBreak,
}

/// A [`Doc`] as a flat command stream: containers are `Begin … End`
/// (an `IfBreak` is `Begin <broken> Else <flat> End`), and `Concat(n)`,
/// which printing ignores, records (in postfix) that the last `n` values
/// of the enclosing container were one `Doc::Concat`, so that the tree can
/// be rebuilt for `--print-ir`. Texts borrow from the source.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Cmd<'a> {
    /// A text; the index of the token it prints (`NO_TOKEN` for other
    /// text); its [`measure`].
    Text(&'a str, u32, u32),
    /// `Stream::owned[i]`.
    Owned(u32),
    Space,
    Line,
    SoftLine,
    HardLine,
    BlankLine,
    /// A line suffix, `pre` then `text`.
    Suffix(&'a str, &'a str),
    /// A container, with the index of its `End` and whether it forces a
    /// break.
    Begin(Container, u32, bool),
    /// Between the broken and the flat part of an `IfBreak`; the index of
    /// its `End`.
    Else(u32),
    End,
    Concat(u32),
}

/// An enclosing container of the one being written.
struct Frame {
    begin: u32,
    /// Its values so far (for `Concat`).
    count: u32,
    forces: bool,
    /// For an `IfBreak` after `Else`: whether the broken part forced.
    broken_forces: Option<bool>,
}

/// A command stream under construction.
pub(crate) struct Stream<'a> {
    pub cmds: Vec<Cmd<'a>>,
    pub owned: Vec<String>,
    /// The enclosing containers; the current one is `count` and `forces`.
    frames: Vec<Frame>,
    /// Values in the current container (for `Concat`).
    count: u32,
    /// Whether the current container forces a break so far.
    forces: bool,
}

pub(crate) const NO_TOKEN: u32 = u32::MAX;

/// [`measure`] of a text with a newline.
const MULTILINE: u32 = u32::MAX;
/// [`measure`] of a text of spaces only (or empty).
const BLANK: u32 = u32::MAX - 1;

/// A text's width in characters, or [`MULTILINE`] or [`BLANK`]: what the
/// printer needs to know of it, found in one pass.
fn measure(t: &str) -> u32 {
    let mut chars = 0u32;
    let mut newline = false;
    let mut non_space = false;
    for &b in t.as_bytes() {
        chars += u32::from(b & 0xC0 != 0x80);
        newline |= b == b'\n';
        non_space |= b != b' ';
    }
    if newline {
        MULTILINE
    } else if !non_space {
        BLANK
    } else {
        chars
    }
}

impl<'a> Stream<'a> {
    pub fn with_capacity(n: usize) -> Stream<'a> {
        Stream {
            cmds: Vec::with_capacity(n),
            owned: Vec::new(),
            frames: Vec::new(),
            count: 0,
            forces: false,
        }
    }

    /// A value that is not a container.
    #[inline]
    pub fn leaf(&mut self, cmd: Cmd<'a>) {
        let forces = match cmd {
            Cmd::Text(_, _, w) => w == MULTILINE,
            Cmd::Owned(i) => self.owned[i as usize].contains('\n'),
            Cmd::HardLine | Cmd::BlankLine => true,
            _ => false,
        };
        self.cmds.push(cmd);
        self.count += 1;
        self.forces |= forces;
    }

    pub fn text(&mut self, text: &'a str) {
        self.leaf(Cmd::Text(text, NO_TOKEN, measure(text)));
    }

    /// The text of token `token`.
    pub fn token(&mut self, text: &'a str, token: u32) {
        self.leaf(Cmd::Text(text, token, measure(text)));
    }

    pub fn owned(&mut self, text: String) {
        self.owned.push(text);
        self.leaf(Cmd::Owned(self.owned.len() as u32 - 1));
    }

    pub fn begin(&mut self, container: Container) {
        self.frames.push(Frame {
            begin: self.cmds.len() as u32,
            count: self.count,
            forces: self.forces,
            broken_forces: None,
        });
        self.count = 0;
        self.forces = false;
        self.cmds.push(Cmd::Begin(container, 0, false));
    }

    /// Between the two parts of an `IfBreak`.
    #[cfg(test)]
    pub fn otherwise(&mut self) {
        let forces = self.forces;
        let top = self.frames.last_mut().expect("an IfBreak");
        top.broken_forces = Some(forces);
        self.count = 0;
        self.cmds.push(Cmd::Else(0));
    }

    pub fn end(&mut self) {
        let frame = self.frames.pop().expect("end without begin");
        let end = self.cmds.len() as u32;
        self.cmds.push(Cmd::End);
        let forces = frame.broken_forces.unwrap_or(self.forces);
        let Cmd::Begin(container, _, _) = self.cmds[frame.begin as usize] else {
            unreachable!("a frame starts at a Begin")
        };
        self.cmds[frame.begin as usize] = Cmd::Begin(container, end, forces);
        if container == Container::IfBreak {
            // Point the `Else` at the end.
            if let Some(i) = self.cmds[frame.begin as usize..end as usize]
                .iter()
                .rposition(|c| matches!(c, Cmd::Else(0)))
            {
                self.cmds[frame.begin as usize + i] = Cmd::Else(end);
            }
        }
        self.count = frame.count + 1;
        self.forces = frame.forces | forces;
    }

    /// The number of values in the current container, for [`Self::concat`].
    pub fn mark(&self) -> u32 {
        self.count
    }

    /// Makes the values since `mark` one `Concat` value.
    pub fn concat(&mut self, mark: u32) {
        let n = self.count - mark;
        self.count = mark + 1;
        self.cmds.push(Cmd::Concat(n));
    }

    /// Appends `doc` (for printing a [`Doc`] tree).
    #[cfg(test)]
    pub fn push_doc(&mut self, doc: &'a Doc) {
        match doc {
            Doc::Text(t) => self.text(t),
            Doc::Token(t) => self.text(t.text()),
            Doc::Space => self.leaf(Cmd::Space),
            Doc::Line => self.leaf(Cmd::Line),
            Doc::SoftLine => self.leaf(Cmd::SoftLine),
            Doc::HardLine => self.leaf(Cmd::HardLine),
            Doc::BlankLine => self.leaf(Cmd::BlankLine),
            Doc::Indent(docs) | Doc::Group(docs) => {
                self.begin(if matches!(doc, Doc::Indent(_)) {
                    Container::Indent
                } else {
                    Container::Group
                });
                for d in docs {
                    self.push_doc(d);
                }
                self.end();
            }
            Doc::IfBreak(broken, flat) => {
                self.begin(Container::IfBreak);
                self.push_doc(broken);
                self.otherwise();
                self.push_doc(flat);
                self.end();
            }
            Doc::LineSuffix(s) => self.leaf(Cmd::Suffix("", s)),
            Doc::Concat(docs) => {
                let mark = self.mark();
                for d in docs {
                    self.push_doc(d);
                }
                self.concat(mark);
            }
        }
    }

    /// Rebuilds the [`Doc`] tree; `token(i)` gives the token of index `i`.
    pub fn to_doc(&self, token: &dyn Fn(u32) -> thrift_syntax::SyntaxToken) -> Doc {
        // (container, values, broken part of an IfBreak)
        type Open = (Option<Container>, Vec<Doc>, Option<Vec<Doc>>);
        let mut stack: Vec<Open> = vec![(None, Vec::new(), None)];
        let one = |mut docs: Vec<Doc>| {
            if docs.len() == 1 {
                docs.pop().expect("one doc")
            } else {
                Doc::Concat(docs)
            }
        };
        for cmd in &self.cmds {
            let doc = match *cmd {
                Cmd::Text(t, NO_TOKEN, _) => Doc::Text(t.to_string()),
                Cmd::Text(_, i, _) => Doc::Token(token(i)),
                Cmd::Owned(i) => Doc::Text(self.owned[i as usize].clone()),
                Cmd::Space => Doc::Space,
                Cmd::Line => Doc::Line,
                Cmd::SoftLine => Doc::SoftLine,
                Cmd::HardLine => Doc::HardLine,
                Cmd::BlankLine => Doc::BlankLine,
                Cmd::Suffix(pre, text) => Doc::LineSuffix(format!("{pre}{text}")),
                Cmd::Begin(c, _, _) => {
                    stack.push((Some(c), Vec::new(), None));
                    continue;
                }
                Cmd::Else(_) => {
                    let top = stack.last_mut().expect("a frame");
                    top.2 = Some(std::mem::take(&mut top.1));
                    continue;
                }
                Cmd::End => {
                    let (c, docs, broken) = stack.pop().expect("a frame");
                    match c.expect("not the root") {
                        Container::Indent => Doc::Indent(docs),
                        Container::Group => Doc::Group(docs),
                        Container::IfBreak => Doc::IfBreak(
                            Box::new(one(broken.unwrap_or_default())),
                            Box::new(one(docs)),
                        ),
                    }
                }
                Cmd::Concat(n) => {
                    let docs = &mut stack.last_mut().expect("a frame").1;
                    let tail = docs.split_off(docs.len() - n as usize);
                    Doc::Concat(tail)
                }
            };
            stack.last_mut().expect("a frame").1.push(doc);
        }
        let (_, docs, _) = stack.pop().expect("the root");
        one(docs)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Flat,
    Break,
}

/// Prints `doc` with `indent` spaces (or a tab when `indent` is 0) per
/// level and the given line width.
#[cfg(test)]
pub fn print(doc: &Doc, indent_unit: &str, width: usize) -> String {
    let mut stream = Stream::with_capacity(64);
    stream.push_doc(doc);
    print_stream(&stream, indent_unit, width, 0)
}

fn chars(t: &str) -> usize {
    if t.is_ascii() {
        t.len()
    } else {
        t.chars().count()
    }
}

/// Prints a command stream (see [`print`]); `capacity` is a guess of the
/// output's size.
pub(crate) fn print_stream(
    stream: &Stream<'_>,
    indent_unit: &str,
    width: usize,
    capacity: usize,
) -> String {
    let cmds = &stream.cmds;
    let mut out = String::with_capacity(capacity);
    let mut suffix: Vec<(&str, &str)> = Vec::new();
    let mut col = 0usize;
    // Trailing spaces are trimmed at line ends, but never out of a token's
    // own text (an unterminated string may end in spaces).
    let mut floor = 0usize;
    // What to go back to at each open container's `End`.
    let mut frames: Vec<(usize, Mode)> = Vec::new();
    let mut level = 0usize;
    let mut mode = Mode::Break;
    let unit_width = if indent_unit == "\t" {
        4
    } else {
        indent_unit.len()
    };
    let mut i = 0;
    while i < cmds.len() {
        match cmds[i] {
            Cmd::Space => {
                out.push(' ');
                col += 1;
            }
            Cmd::Text(t, _, BLANK) => {
                out.push_str(t);
                col += t.len();
            }
            Cmd::Text(t, _, w) if w != MULTILINE => {
                out.push_str(t);
                floor = out.len();
                col += w as usize;
            }
            Cmd::Text(..) | Cmd::Owned(_) => {
                let t = match cmds[i] {
                    Cmd::Text(t, _, _) => t,
                    Cmd::Owned(o) => stream.owned[o as usize].as_str(),
                    _ => unreachable!(),
                };
                out.push_str(t);
                if t.bytes().any(|b| b != b' ') {
                    floor = out.len();
                }
                match t.rfind('\n') {
                    Some(i) => col = chars(&t[i + 1..]),
                    None => col += chars(t),
                }
            }
            Cmd::Line if mode == Mode::Flat => {
                out.push(' ');
                col += 1;
            }
            Cmd::SoftLine if mode == Mode::Flat => {}
            Cmd::Line | Cmd::SoftLine | Cmd::HardLine | Cmd::BlankLine => {
                flush_suffixes(&mut out, &mut suffix, level, indent_unit, &mut floor);
                trim_trailing_spaces(&mut out, floor);
                out.push('\n');
                if matches!(cmds[i], Cmd::BlankLine) {
                    out.push('\n');
                }
                for _ in 0..level {
                    out.push_str(indent_unit);
                }
                col = level * unit_width;
            }
            Cmd::Begin(Container::Indent, _, _) => {
                frames.push((level, mode));
                level += 1;
            }
            Cmd::Begin(Container::Group, end, forces) => {
                frames.push((level, mode));
                let flat = mode == Mode::Flat
                    || (!forces
                        && fits(
                            stream,
                            i + 1,
                            end as usize,
                            width.saturating_sub(col),
                            &frames,
                        ));
                mode = if flat { Mode::Flat } else { Mode::Break };
            }
            Cmd::Begin(Container::IfBreak, end, _) => {
                frames.push((level, mode));
                if mode == Mode::Flat {
                    i = else_of(cmds, i, end as usize);
                }
            }
            Cmd::Else(end) => {
                // The end of the broken part: skip the flat one.
                i = end as usize;
                continue;
            }
            Cmd::End => {
                (level, mode) = frames.pop().expect("End without Begin");
            }
            Cmd::Suffix(pre, text) => suffix.push((pre, text)),
            Cmd::Concat(_) => {}
        }
        i += 1;
    }
    flush_suffixes(&mut out, &mut suffix, 0, indent_unit, &mut floor);
    trim_trailing_spaces(&mut out, floor);
    out
}

/// The index of the `Else` of the `IfBreak` that begins at `begin`.
fn else_of(cmds: &[Cmd<'_>], begin: usize, end: usize) -> usize {
    let mut depth = 0usize;
    for (k, c) in cmds.iter().enumerate().take(end).skip(begin + 1) {
        match c {
            Cmd::Begin(..) => depth += 1,
            Cmd::End => depth -= 1,
            Cmd::Else(_) if depth == 0 => return k,
            _ => {}
        }
    }
    end - 1
}

/// A line suffix without its leading whitespace (as `trim_start` would give
/// for `pre` followed by `text`).
fn trim_start_suffix<'s>(pre: &'s str, text: &'s str) -> (&'s str, &'s str) {
    let p = pre.trim_start();
    if p.is_empty() {
        ("", text.trim_start())
    } else {
        (p, text)
    }
}

/// Whether a line suffix is a line comment (after its alignment markers).
fn is_line_comment(pre: &str, text: &str) -> bool {
    let (p, t) = trim_start_suffix(pre, text);
    let p = p.trim_start_matches(crate::format::COMMENT);
    let check = |t: &str| t.starts_with("//") || t.starts_with('#');
    if p.is_empty() {
        check(t.trim_start_matches(crate::format::COMMENT))
    } else {
        check(&format!("{p}{t}"))
    }
}

/// Prints the pending line suffixes (trailing comments). A line comment
/// runs to the end of the line, so anything after one goes on a line of
/// its own, at `level`.
fn flush_suffixes(
    out: &mut String,
    suffix: &mut Vec<(&str, &str)>,
    level: usize,
    indent_unit: &str,
    floor: &mut usize,
) {
    if suffix.is_empty() {
        return;
    }
    let mut after_line_comment = false;
    for (pre, text) in suffix.drain(..) {
        if after_line_comment {
            trim_trailing_spaces(out, *floor);
            out.push('\n');
            for _ in 0..level {
                out.push_str(indent_unit);
            }
            let (p, t) = trim_start_suffix(pre, text);
            out.push_str(p);
            out.push_str(t);
        } else {
            out.push_str(pre);
            out.push_str(text);
        }
        *floor = out.len();
        after_line_comment |= is_line_comment(pre, text);
    }
}

fn trim_trailing_spaces(out: &mut String, floor: usize) {
    let keep = floor + out[floor..].trim_end_matches([' ', '\t']).len();
    out.truncate(keep);
}

/// Whether the group whose content is `cmds[start..end]`, printed flat,
/// fits in `width` columns, counting what follows on the same line (the
/// rest of the stream, up to its next possible line break, in the modes
/// of the enclosing containers, `frames`).
fn fits(
    stream: &Stream<'_>,
    start: usize,
    end: usize,
    width: usize,
    frames: &[(usize, Mode)],
) -> bool {
    let cmds = &stream.cmds;
    let mut remaining = width as isize;
    let mut mode = Mode::Flat;
    // Containers entered after the group's end (they keep the mode).
    let mut nested = 0usize;
    // The enclosing containers not yet left; `frames[outer - 1]` is what
    // the group's own `End` goes back to.
    let mut outer = frames.len();
    let mut i = start;
    while i < cmds.len() {
        match cmds[i] {
            Cmd::Space => remaining -= 1,
            Cmd::Text(_, _, MULTILINE) => return false,
            Cmd::Text(t, _, BLANK) => remaining -= t.len() as isize,
            Cmd::Text(_, _, w) => remaining -= w as isize,
            Cmd::Owned(o) => {
                let t = stream.owned[o as usize].as_str();
                if t.contains('\n') {
                    return false;
                }
                remaining -= chars(t) as isize;
            }
            Cmd::Line => {
                if mode == Mode::Break {
                    return true;
                }
                remaining -= 1;
            }
            Cmd::SoftLine => {
                if mode == Mode::Break {
                    return true;
                }
            }
            Cmd::HardLine | Cmd::BlankLine => return mode == Mode::Break || remaining >= 0,
            Cmd::Begin(c, e, _) => {
                if i >= end {
                    nested += 1;
                }
                if c == Container::IfBreak && mode == Mode::Flat {
                    i = else_of(cmds, i, e as usize);
                }
            }
            Cmd::Else(e) => {
                i = e as usize;
                continue;
            }
            Cmd::End => {
                if i >= end {
                    if nested > 0 {
                        nested -= 1;
                    } else {
                        // Leaving an enclosing container (the group itself
                        // first): its parent's mode.
                        outer -= 1;
                        mode = frames[outer].1;
                    }
                }
            }
            Cmd::Suffix(..) | Cmd::Concat(_) => {}
        }
        if remaining < 0 {
            return false;
        }
        i += 1;
    }
    true
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
