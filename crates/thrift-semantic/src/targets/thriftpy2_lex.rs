//! thriftpy2's lexer, as far as it refuses input: it reads identifiers
//! with their dots as one token (`a.b.c`), refuses an identifier that is
//! on its reserved-word list wherever it is (a name, a type, an annotation
//! key, a namespace), knows fewer characters than the Apache compiler
//! (`&`, `@`, a lone `-`…), fewer escapes in strings, no line breaks in
//! strings, and no sign on hex numbers. Written from thriftpy2 0.7's
//! `parser/lexer.py` (PLY: the first rule that matches wins, in the order
//! the rules are defined).

use thrift_syntax::{TextRange, TextSize};

/// What the lexer refuses, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LexProblem {
    /// `ThriftLexerError: Cannot use reserved language keyword`.
    Reserved(String),
    /// `ThriftLexerError: Illegal character`.
    IllegalChar(char),
    /// `ThriftLexerError: Unexpected escaping character`.
    BadEscape(char),
    /// `-0x10`: read as `-0` and then `x10` (a grammar error).
    SignedHex,
}

/// Whether `word` is a reserved word of thriftpy2's lexer
/// (`thrift_reserved_keywords`): Apache Thrift's old reserved-word list
/// (T2005's, `checks::is_reserved_word`) without `package`.
pub(crate) fn is_reserved(word: &str) -> bool {
    word != "package" && crate::checks::is_reserved_word(word)
}

/// thriftpy2's keywords: reserved for the grammar, so not names.
pub(crate) const KEYWORDS: &[&str] = &[
    "namespace",
    "include",
    "cpp_include",
    "void",
    "bool",
    "byte",
    "i8",
    "i16",
    "i32",
    "i64",
    "double",
    "string",
    "binary",
    "map",
    "list",
    "set",
    "oneway",
    "typedef",
    "struct",
    "union",
    "exception",
    "extends",
    "throws",
    "service",
    "enum",
    "const",
    "required",
    "optional",
];

const LITERALS: &[u8] = b":;,=*{}()<>[]";

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Lexes `text` as thriftpy2 does and returns what it refuses. Unlike
/// thriftpy2 it goes on after a problem, so every problem is reported.
pub(crate) fn problems(text: &str) -> Vec<(TextRange, LexProblem)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut bodies = None;
    let mut i = 0;
    let range = |start: usize, end: usize| {
        TextRange::new(TextSize::new(start as u32), TextSize::new(end as u32))
    };
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b' ' | b'\t' | b'\r' | b'\n' => i += 1,
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                // A comment, if thriftpy2's comment patterns match it; if
                // not, its `/` is an illegal character (and we go on after
                // the comment, as the Apache compiler reads it).
                match comment_end(bytes, i, &mut bodies) {
                    Some(end) => i = end,
                    None => {
                        out.push((range(i, i + 1), LexProblem::IllegalChar('/')));
                        i = text[i + 2..]
                            .find("*/")
                            .map_or(bytes.len(), |n| i + 2 + n + 2);
                    }
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
            }
            b'#' => {
                i = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
            }
            b'"' | b'\'' => {
                let quote = b;
                let start = i;
                let mut j = i + 1;
                let mut closed = false;
                while j < bytes.len() {
                    match bytes[j] {
                        b'\n' => break,
                        b'\\' => {
                            if j + 1 >= bytes.len() || bytes[j + 1] == b'\n' {
                                break;
                            }
                            j += 2;
                        }
                        c if c == quote => {
                            closed = true;
                            break;
                        }
                        _ => j += 1,
                    }
                }
                if !closed {
                    out.push((
                        range(start, start + 1),
                        LexProblem::IllegalChar(quote as char),
                    ));
                    i += 1;
                    continue;
                }
                // Escapes: only \t \r \n \\ \' \".
                let mut k = start + 1;
                while k < j {
                    if bytes[k] == b'\\' {
                        let c = text[k + 1..].chars().next().unwrap_or('\\');
                        if !matches!(c, 't' | 'r' | 'n' | '\\' | '\'' | '"') {
                            out.push((range(k, k + 1 + c.len_utf8()), LexProblem::BadEscape(c)));
                        }
                        k += 1 + c.len_utf8();
                    } else {
                        k += 1;
                    }
                }
                i = j + 1;
            }
            b'0'..=b'9' | b'+' | b'-' | b'.' => {
                let Some(end) = number_end(bytes, i) else {
                    out.push((range(i, i + 1), LexProblem::IllegalChar(b as char)));
                    i += 1;
                    continue;
                };
                // `-0x10`: `[+-]?[0-9]+` takes `-0`, then `x10` is a name.
                if matches!(b, b'+' | b'-')
                    && bytes.get(end) == Some(&b'x')
                    && &text[i + 1..end] == "0"
                {
                    let mut e = end + 1;
                    while e < bytes.len() && is_ident_char(bytes[e]) {
                        e += 1;
                    }
                    out.push((range(i, e), LexProblem::SignedHex));
                    i = e;
                    continue;
                }
                i = end;
            }
            c if is_ident_start(c) => {
                let start = i;
                let mut j = i + 1;
                loop {
                    if j < bytes.len() && is_ident_char(bytes[j]) {
                        j += 1;
                    } else if j + 1 < bytes.len() && bytes[j] == b'.' && is_ident_char(bytes[j + 1])
                    {
                        j += 2;
                    } else {
                        break;
                    }
                }
                let word = &text[start..j];
                if is_reserved(word) {
                    out.push((range(start, j), LexProblem::Reserved(word.to_string())));
                }
                i = j;
            }
            c if LITERALS.contains(&c) => i += 1,
            _ => {
                let c = text[i..].chars().next().unwrap_or('?');
                out.push((range(i, i + c.len_utf8()), LexProblem::IllegalChar(c)));
                i += c.len_utf8();
            }
        }
    }
    out
}

/// For each position `p` of the text, where thriftpy2's comment body
/// `([^*/]|[^*]\/|\*[^/])*\**\*\/` matches from `p`, as Python's `re`
/// matches it (the first success in its backtracking order: another
/// round of the group, its alternatives in order, before the rest), or
/// `None`. The body can cross a `*/` (`**//` is `**` then `//`), so this is
/// computed over the whole text, from its end.
fn comment_bodies(bytes: &[u8]) -> Vec<Option<usize>> {
    let n = bytes.len();
    let mut res: Vec<Option<usize>> = vec![None; n + 2];
    for p in (0..=n).rev() {
        let c = bytes.get(p).copied();
        let next = bytes.get(p + 1).copied();
        let mut r = None;
        if let Some(c) = c
            && c != b'*'
            && c != b'/'
        {
            r = res[p + 1];
        }
        if r.is_none() && c.is_some_and(|c| c != b'*') && next == Some(b'/') {
            r = res[p + 2];
        }
        if r.is_none() && c == Some(b'*') && next.is_some_and(|n| n != b'/') {
            r = res[p + 2];
        }
        if r.is_none() && c == Some(b'*') {
            let mut k = p;
            while k < n && bytes[k] == b'*' {
                k += 1;
            }
            if bytes.get(k) == Some(&b'/') {
                r = Some(k + 1);
            }
        }
        res[p] = r;
    }
    res
}

/// The end of the comment at `i` (a `/*`) as thriftpy2's lexer reads it,
/// or `None` where none of its comment patterns matches (then the `/` is
/// an illegal character):
///
/// - `SILLYCOMM` `\/\*\**\*\/` (`/**/`, `/***/`);
/// - `MULTICOMM` `\/\*[^*]\/*` and the body;
/// - `DOCTEXT` `\/\*\*` and the body.
///
/// The body takes a `/` only together with the character before it,
/// which must not be a `*`: a block comment with ` * /*` on a line (a
/// commented-out comment) does not match.
fn comment_end(bytes: &[u8], i: usize, bodies: &mut Option<Vec<Option<usize>>>) -> Option<usize> {
    let n = bytes.len();
    let mut k = i + 2;
    while k < n && bytes[k] == b'*' {
        k += 1;
    }
    if k > i + 2 && bytes.get(k) == Some(&b'/') {
        return Some(k + 1);
    }
    let bodies = bodies.get_or_insert_with(|| comment_bodies(bytes));
    match bytes.get(i + 2) {
        Some(b'*') => bodies.get(i + 3).copied().flatten(),
        Some(_) => {
            let mut slashes = i + 3;
            while slashes < n && bytes[slashes] == b'/' {
                slashes += 1;
            }
            // `\/*` is greedy and gives slashes back one by one.
            (i + 3..=slashes)
                .rev()
                .find_map(|start| bodies.get(start).copied().flatten())
        }
        None => None,
    }
}

/// The end of the number at `i` (thriftpy2's `DUBCONSTANT`, `HEXCONSTANT`
/// or `INTCONSTANT`, tried in that order), or `None` if none matches.
fn number_end(bytes: &[u8], i: usize) -> Option<usize> {
    let digits = |mut j: usize| {
        while j < bytes.len() && bytes[j].is_ascii_digit() {
            j += 1;
        }
        j
    };
    // DUBCONSTANT: [+-]?((\d+(?=\.|[Ee])(\.\d*)?)|(\.\d+))([Ee][+-]?\d+)?
    let mut j = i;
    if matches!(bytes.get(j), Some(b'+' | b'-')) {
        j += 1;
    }
    let int_end = digits(j);
    let mut dub_end = None;
    if int_end > j && matches!(bytes.get(int_end), Some(b'.' | b'e' | b'E')) {
        let mut k = int_end;
        if bytes.get(k) == Some(&b'.') {
            k = digits(k + 1);
        }
        dub_end = Some(exponent(bytes, k));
    } else if int_end == j && bytes.get(j) == Some(&b'.') {
        let k = digits(j + 1);
        if k > j + 1 {
            dub_end = Some(exponent(bytes, k));
        }
    }
    if let Some(end) = dub_end {
        return Some(end);
    }
    // HEXCONSTANT: 0x[0-9A-Fa-f]+ (no sign).
    if bytes.get(i) == Some(&b'0') && bytes.get(i + 1) == Some(&b'x') {
        let mut k = i + 2;
        while k < bytes.len() && bytes[k].is_ascii_hexdigit() {
            k += 1;
        }
        if k > i + 2 {
            return Some(k);
        }
    }
    // INTCONSTANT: [+-]?[0-9]+
    (int_end > j).then_some(int_end)
}

fn exponent(bytes: &[u8], k: usize) -> usize {
    if !matches!(bytes.get(k), Some(b'e' | b'E')) {
        return k;
    }
    let mut m = k + 1;
    if matches!(bytes.get(m), Some(b'+' | b'-')) {
        m += 1;
    }
    let start = m;
    while m < bytes.len() && bytes[m].is_ascii_digit() {
        m += 1;
    }
    if m > start { m } else { k }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, LexProblem)> {
        problems(text)
            .into_iter()
            .map(|(r, p)| (text[r].to_string(), p))
            .collect()
    }

    #[test]
    fn reserved_words_as_whole_tokens_only() {
        assert_eq!(
            kinds("struct A { 1: i32 end, 2: i32 ends, 3: i32 a.end }"),
            vec![("end".to_string(), LexProblem::Reserved("end".to_string()))]
        );
        // In comments and strings they are fine.
        assert!(kinds("// end\n/* next */ # from\nconst string S = \"end\"").is_empty());
    }

    #[test]
    fn comments_as_thriftpy2_reads_them() {
        for ok in [
            "/* a */",
            "/**/",
            "/***/",
            "/** doc */",
            "/*x*/",
            "/* http://x */",
            "/* a // b */",
            "/*/ x */",
            "/* x **/",
            "/* a\n  // b\n*/",
            "/* a/b */",
            "/*a/*/",
            "/* a /* b */",
        ] {
            assert!(kinds(ok).is_empty(), "{ok:?}: {:?}", kinds(ok));
        }
        // The body crosses `*/` in `**//`, as Python's `re` does.
        assert!(kinds("/* **//*/ struct A {}").is_empty());
        // `* /`: the body pattern cannot take that `/`.
        assert_eq!(
            kinds("/*\n * a\n * /*\n * b\n */\nstruct A {}"),
            vec![("/".to_string(), LexProblem::IllegalChar('/'))]
        );
        assert_eq!(
            kinds("/* a * / b */"),
            vec![("/".to_string(), LexProblem::IllegalChar('/'))]
        );
    }

    #[test]
    fn characters_escapes_and_numbers() {
        assert_eq!(
            kinds("1: optional A &next"),
            vec![
                ("&".to_string(), LexProblem::IllegalChar('&')),
                ("next".to_string(), LexProblem::Reserved("next".to_string()))
            ]
        );
        assert_eq!(
            kinds(r#"const string S = "a\u0041""#),
            vec![("\\u".to_string(), LexProblem::BadEscape('u'))]
        );
        assert_eq!(
            kinds("const i32 X = -0x10"),
            vec![("-0x10".to_string(), LexProblem::SignedHex)]
        );
        assert!(
            kinds("const double D = -1.5e3\nconst i32 H = 0x1F\nconst double E = .5").is_empty()
        );
        assert_eq!(
            kinds("const string S = \"a\nb\""),
            vec![
                ("\"".to_string(), LexProblem::IllegalChar('"')),
                ("\"".to_string(), LexProblem::IllegalChar('"'))
            ]
        );
    }
}
