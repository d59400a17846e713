//! The lexer: text to a flat list of tokens, trivia included.
//!
//! Lexing never fails. Bytes that are not Thrift become `ERROR_TOKEN`s
//! (consecutive ones merged), and lexing goes on. Unterminated strings end
//! at the end of their line and unterminated block comments at the end of
//! the file; both are reported with their start position.
//!
//! The dialects lex alike except for two things (see [`lex_in`]): an
//! fbthrift string runs to its closing quote even across lines, and the
//! words that are keywords only in Apache Thrift (`senum`, `i8`, `uuid`,
//! `async`, `xsd_all`, …) are plain identifiers in fbthrift.

use logos::Logos;

use crate::{Dialect, SyntaxError, SyntaxKind, TextRange, TextSize};

/// One token: its kind and its length in bytes. Offsets follow from the
/// lengths, since the tokens cover the input exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: SyntaxKind,
    pub len: TextSize,
}

/// The tokens of a text, and the lexical errors found in it.
#[derive(Debug, Default)]
pub struct Lexed {
    pub tokens: Vec<Token>,
    pub errors: Vec<SyntaxError>,
}

/// The raw logos token. Keywords are lexed as [`RawToken::Word`] and
/// classified afterwards, so that the keyword list lives in one place
/// ([`SyntaxKind::from_keyword`]).
#[derive(Logos, Clone, Copy, Debug, PartialEq, Eq)]
enum RawToken {
    #[regex(r"[ \t\r\n\f]+")]
    Whitespace,
    #[regex(r"//[^\n]*", allow_greedy = true)]
    #[regex(r"#[^\n]*", allow_greedy = true)]
    LineComment,
    #[token("/*", block_comment)]
    BlockComment,
    /// Only the opening quote: [`lex_in`] extends it to the closing one,
    /// as the dialect reads strings.
    #[token("\"")]
    #[token("'")]
    String,

    #[regex(r"[A-Za-z_][A-Za-z0-9_]*")]
    Word,
    #[regex(r"[+-]?[0-9]+")]
    #[regex(r"[+-]?0[xX][0-9A-Fa-f]+")]
    #[regex(r"[+-]?0[bB][01]+")]
    #[regex(r"[+-]?0[oO][0-7]+")]
    Int,
    #[regex(r"[+-]?[0-9]*\.[0-9]+([eE][+-]?[0-9]+)?")]
    #[regex(r"[+-]?[0-9]+[eE][+-]?[0-9]+")]
    Double,

    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("[")]
    LBrack,
    #[token("]")]
    RBrack,
    #[token("<")]
    LAngle,
    #[token(">")]
    RAngle,
    #[token(",")]
    Comma,
    #[token(";")]
    Semicolon,
    #[token(":")]
    Colon,
    #[token("=")]
    Eq,
    #[token("*")]
    Star,
    #[token("&")]
    Amp,
    #[token(".")]
    Dot,
    #[token("@")]
    At,

    /// Any run of non-ASCII characters outside strings and comments. Lexed
    /// as a token of its own so that an error never splits a character.
    #[regex(r"[^\x00-\x7F]+")]
    NonAscii,
}

/// Extends a `/*` token to its `*/`, or to the end of the input.
fn block_comment(lex: &mut logos::Lexer<'_, RawToken>) {
    let rest = lex.remainder();
    let len = match rest.find("*/") {
        Some(i) => i + 2,
        None => rest.len(),
    };
    lex.bump(len);
}

/// The length of the string literal that starts at `rest[0]` (a quote),
/// and whether it is terminated. An Apache Thrift string ends on its line;
/// an fbthrift one runs to the next unescaped quote, across lines, as
/// fbthrift's lexer reads it. An unterminated string ends before the end
/// of its line, so that the rest of the file lexes normally.
fn string_len(rest: &str, dialect: Dialect) -> (usize, bool) {
    let bytes = rest.as_bytes();
    let quote = bytes[0];
    let mut i = 1;
    let mut line_end = None;
    let mut terminated = false;
    while i < bytes.len() {
        match bytes[i] {
            // An escape, or a line continuation (`\` + newline).
            b'\\' if i + 1 < bytes.len() => {
                if bytes[i + 1] == b'\n' && line_end.is_none() {
                    line_end = Some(i + 1);
                }
                i += 2;
            }
            b'\n' => {
                if dialect == Dialect::Apache {
                    break;
                }
                line_end.get_or_insert(i);
                i += 1;
            }
            b if b == quote => {
                i += 1;
                terminated = true;
                break;
            }
            _ => i += 1,
        }
    }
    if !terminated && let Some(end) = line_end {
        // fbthrift: no closing quote before the end of the file.
        i = end;
    }
    // Never stop in the middle of a character (a `\` may precede one).
    while i < bytes.len() && !rest.is_char_boundary(i) {
        i += 1;
    }
    (i, terminated)
}

/// Lexes `text` as Apache Thrift does (see [`lex_in`]).
pub fn lex(text: &str) -> Lexed {
    lex_in(text, Dialect::Apache)
}

/// Lexes `text` as `dialect` reads it. The token lengths add up to
/// `text.len()`.
pub fn lex_in(text: &str, dialect: Dialect) -> Lexed {
    let mut out = Lexed {
        tokens: Vec::with_capacity(text.len() / 4),
        errors: Vec::new(),
    };
    let mut lexer = RawToken::lexer(text);
    // fbthrift: for `"` and `'`, an offset from which a string that opens
    // finds no closing quote (a scan that reached the end of the file
    // without one tells the same of every later opening quote of its kind,
    // since the later scan runs in step with it). This keeps a file full of
    // `\"` outside strings linear.
    let mut no_close = [usize::MAX; 2];
    while let Some(raw) = lexer.next() {
        let mut terminated = true;
        if raw == Ok(RawToken::String) {
            let start = lexer.span().start;
            let rest = &text[start..];
            let q = usize::from(rest.as_bytes()[0] == b'\'');
            let (len, ok) = if dialect == Dialect::FbThrift && start > no_close[q] {
                // Unterminated: it ends at the end of its line.
                let mut end = rest[1..].find('\n').map_or(rest.len(), |i| i + 1);
                while !rest.is_char_boundary(end) {
                    end += 1;
                }
                (end, false)
            } else {
                string_len(rest, dialect)
            };
            if !ok && dialect == Dialect::FbThrift {
                no_close[q] = no_close[q].min(start);
            }
            lexer.bump(len - 1);
            terminated = ok;
        }
        let span = lexer.span();
        let slice = &text[span.clone()];
        let kind = match raw {
            Ok(raw) => classify(raw, slice, dialect),
            Err(()) => SyntaxKind::ERROR_TOKEN,
        };
        let start = TextSize::new(span.start as u32);
        let len = TextSize::new(slice.len() as u32);
        match kind {
            SyntaxKind::ERROR_TOKEN => {
                // Merge a run of unknown characters into one token and one error.
                if let Some(last) = out.tokens.last_mut()
                    && last.kind == SyntaxKind::ERROR_TOKEN
                {
                    last.len += len;
                    let err = out.errors.last_mut().expect("error token without error");
                    err.range = TextRange::new(err.range.start(), start + len);
                    err.message = unknown_chars_message(&text[err.range]);
                    continue;
                }
                out.errors.push(SyntaxError::new(
                    unknown_chars_message(slice),
                    TextRange::at(start, len),
                ));
            }
            SyntaxKind::STRING if !terminated => {
                let message = match dialect {
                    Dialect::Apache => {
                        "unterminated string literal: a string must end on the line where it starts"
                    }
                    Dialect::FbThrift => {
                        "unterminated string literal: no closing quote before the end of the file"
                    }
                };
                out.errors.push(SyntaxError::new(
                    message.to_string(),
                    TextRange::at(start, TextSize::new(1)),
                ));
            }
            SyntaxKind::BLOCK_COMMENT | SyntaxKind::DOC_COMMENT
                if slice.len() < 4 || !slice.ends_with("*/") =>
            {
                out.errors.push(SyntaxError::new(
                    "unterminated block comment: `/*` is never closed by `*/`".to_string(),
                    TextRange::at(start, TextSize::new(2)),
                ));
            }
            _ => {}
        }
        out.tokens.push(Token { kind, len });
    }
    merge_non_ascii_words(text, &mut out);
    remap_dotted_keywords(&mut out.tokens);
    out
}

/// `Ünïcode` lexes as `Ü`, `n`, `ï`, `code`. Thrift identifiers are ASCII,
/// but the user meant one name: merge such a run into one `IDENT` with one
/// error, so the parser sees a name and the rest of the file is unaffected.
fn merge_non_ascii_words(text: &str, out: &mut Lexed) {
    if text.is_ascii() {
        return;
    }
    let mut merged: Vec<Token> = Vec::with_capacity(out.tokens.len());
    let mut spans: Vec<TextRange> = Vec::new();
    let mut offset = 0usize;
    let mut i = 0;
    let tokens = &out.tokens;
    while i < tokens.len() {
        // A run of adjacent word parts, with at least one non-ASCII letter.
        let start = offset;
        let mut j = i;
        let mut end = offset;
        let mut has_non_ascii = false;
        while j < tokens.len() {
            let t = tokens[j];
            let slice = &text[end..end + usize::from(t.len)];
            let part = match t.kind {
                SyntaxKind::ERROR_TOKEN => {
                    slice.chars().all(char::is_alphanumeric) && !slice.is_ascii()
                }
                SyntaxKind::INT_NUMBER => j > i && slice.bytes().all(|b| b.is_ascii_digit()),
                k => k == SyntaxKind::IDENT || k.is_keyword(),
            };
            if !part {
                break;
            }
            has_non_ascii |= t.kind == SyntaxKind::ERROR_TOKEN;
            end += slice.len();
            j += 1;
        }
        if has_non_ascii && j > i {
            merged.push(Token {
                kind: SyntaxKind::IDENT,
                len: TextSize::new((end - start) as u32),
            });
            spans.push(TextRange::new(
                TextSize::new(start as u32),
                TextSize::new(end as u32),
            ));
            offset = end;
            i = j;
        } else {
            merged.push(tokens[i]);
            offset += usize::from(tokens[i].len);
            i += 1;
        }
    }
    if spans.is_empty() {
        return;
    }
    out.tokens = merged;
    out.errors
        .retain(|e| !spans.iter().any(|s| s.contains_range(e.range)));
    for span in spans {
        out.errors.push(SyntaxError::new(
            format!(
                "`{}`: identifiers must be ASCII letters, digits and `_`",
                &text[span]
            ),
            span,
        ));
    }
    out.errors.sort_by_key(|e| e.range.start());
}

fn unknown_chars_message(text: &str) -> String {
    let mut shown: String = text.chars().take(16).collect();
    if shown.len() < text.len() {
        shown.push('…');
    }
    let escaped: String = shown.escape_debug().collect();
    if text.chars().nth(1).is_none() {
        format!("unexpected character `{escaped}`")
    } else {
        format!("unexpected characters `{escaped}`")
    }
}

fn classify(raw: RawToken, text: &str, dialect: Dialect) -> SyntaxKind {
    use SyntaxKind::*;
    match raw {
        RawToken::Whitespace => WHITESPACE,
        RawToken::LineComment => LINE_COMMENT,
        RawToken::BlockComment => {
            if text.starts_with("/**") && !text.starts_with("/**/") {
                DOC_COMMENT
            } else {
                BLOCK_COMMENT
            }
        }
        RawToken::String => STRING,
        RawToken::Word => match SyntaxKind::from_keyword(text) {
            Some(kind) if dialect == Dialect::FbThrift && kind.is_apache_only_keyword() => IDENT,
            Some(kind) => kind,
            None => IDENT,
        },
        RawToken::Int => INT_NUMBER,
        RawToken::Double => DOUBLE_NUMBER,
        RawToken::LBrace => L_BRACE,
        RawToken::RBrace => R_BRACE,
        RawToken::LParen => L_PAREN,
        RawToken::RParen => R_PAREN,
        RawToken::LBrack => L_BRACK,
        RawToken::RBrack => R_BRACK,
        RawToken::LAngle => L_ANGLE,
        RawToken::RAngle => R_ANGLE,
        RawToken::Comma => COMMA,
        RawToken::Semicolon => SEMICOLON,
        RawToken::Colon => COLON,
        RawToken::Eq => EQ,
        RawToken::Star => STAR,
        RawToken::Amp => AMP,
        RawToken::Dot => DOT,
        RawToken::At => AT,
        RawToken::NonAscii => ERROR_TOKEN,
    }
}

fn is_word(kind: SyntaxKind) -> bool {
    kind == SyntaxKind::IDENT || kind.is_keyword()
}

/// Apache Thrift lexes `a.b.c` as one identifier, so a keyword that is part
/// of a dotted name (`inc.service`, `list.x`) is an ordinary identifier.
/// We lex the dots separately (so that paths have segments), and turn the
/// keywords of a dotted run of words into identifiers here.
fn remap_dotted_keywords(tokens: &mut [Token]) {
    for i in 1..tokens.len().saturating_sub(1) {
        if tokens[i].kind == SyntaxKind::DOT
            && is_word(tokens[i - 1].kind)
            && is_word(tokens[i + 1].kind)
        {
            tokens[i - 1].kind = SyntaxKind::IDENT;
            tokens[i + 1].kind = SyntaxKind::IDENT;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{Expect, expect};
    use std::fmt::Write;

    fn check(input: &str, expect: Expect) {
        check_in(input, Dialect::Apache, expect);
    }

    fn check_fbthrift(input: &str, expect: Expect) {
        check_in(input, Dialect::FbThrift, expect);
    }

    fn check_in(input: &str, dialect: Dialect, expect: Expect) {
        let lexed = lex_in(input, dialect);
        let mut out = String::new();
        let mut offset = 0usize;
        for t in &lexed.tokens {
            let end = offset + usize::from(t.len);
            writeln!(out, "{:?} {:?}", t.kind, &input[offset..end]).unwrap();
            offset = end;
        }
        assert_eq!(offset, input.len(), "tokens do not cover the input");
        for e in &lexed.errors {
            writeln!(out, "error {:?}: {}", e.range, e.message).unwrap();
        }
        expect.assert_eq(&out);
    }

    #[test]
    fn numbers() {
        check(
            "1 -7 +3 0777 098 0x1F -0x1f 1.0 .5 1e10 +1.5e+3 -.5 5. e10",
            expect![[r##"
                INT_NUMBER "1"
                WHITESPACE " "
                INT_NUMBER "-7"
                WHITESPACE " "
                INT_NUMBER "+3"
                WHITESPACE " "
                INT_NUMBER "0777"
                WHITESPACE " "
                INT_NUMBER "098"
                WHITESPACE " "
                INT_NUMBER "0x1F"
                WHITESPACE " "
                INT_NUMBER "-0x1f"
                WHITESPACE " "
                DOUBLE_NUMBER "1.0"
                WHITESPACE " "
                DOUBLE_NUMBER ".5"
                WHITESPACE " "
                DOUBLE_NUMBER "1e10"
                WHITESPACE " "
                DOUBLE_NUMBER "+1.5e+3"
                WHITESPACE " "
                DOUBLE_NUMBER "-.5"
                WHITESPACE " "
                INT_NUMBER "5"
                DOT "."
                WHITESPACE " "
                IDENT "e10"
            "##]],
        );
    }

    #[test]
    fn strings_and_comments() {
        check(
            "\"a\\\"b\" 'c\\'d' // x\n# y\n/* z */ /** doc */ /**/",
            expect![[r##"
                STRING "\"a\\\"b\""
                WHITESPACE " "
                STRING "'c\\'d'"
                WHITESPACE " "
                LINE_COMMENT "// x"
                WHITESPACE "\n"
                LINE_COMMENT "# y"
                WHITESPACE "\n"
                BLOCK_COMMENT "/* z */"
                WHITESPACE " "
                DOC_COMMENT "/** doc */"
                WHITESPACE " "
                BLOCK_COMMENT "/**/"
            "##]],
        );
    }

    #[test]
    fn unterminated_string_stops_at_newline() {
        check(
            "const string S = \"abc\nstruct A {}",
            expect![[r##"
                CONST_KW "const"
                WHITESPACE " "
                STRING_KW "string"
                WHITESPACE " "
                IDENT "S"
                WHITESPACE " "
                EQ "="
                WHITESPACE " "
                STRING "\"abc"
                WHITESPACE "\n"
                STRUCT_KW "struct"
                WHITESPACE " "
                IDENT "A"
                WHITESPACE " "
                L_BRACE "{"
                R_BRACE "}"
                error 17..18: unterminated string literal: a string must end on the line where it starts
            "##]],
        );
    }

    #[test]
    fn fbthrift_strings_span_lines() {
        check_fbthrift(
            "\"a\nb\" 'c\\'\nd' \"e\\\\\" x \"open\nrest",
            expect![[r#"
                STRING "\"a\nb\""
                WHITESPACE " "
                STRING "'c\\'\nd'"
                WHITESPACE " "
                STRING "\"e\\\\\""
                WHITESPACE " "
                IDENT "x"
                WHITESPACE " "
                STRING "\"open"
                WHITESPACE "\n"
                IDENT "rest"
                error 22..23: unterminated string literal: no closing quote before the end of the file
            "#]],
        );
    }

    #[test]
    fn fbthrift_unterminated_strings_stay_linear() {
        // After a string finds no closing quote, every later one of its
        // kind is unterminated too, and ends at its line.
        check_fbthrift(
            "\"a\nb \\\" c\nd",
            expect![[r#"
                STRING "\"a"
                WHITESPACE "\n"
                IDENT "b"
                WHITESPACE " "
                ERROR_TOKEN "\\"
                STRING "\" c"
                WHITESPACE "\n"
                IDENT "d"
                error 0..1: unterminated string literal: no closing quote before the end of the file
                error 5..6: unexpected character `\\`
                error 6..7: unterminated string literal: no closing quote before the end of the file
            "#]],
        );
        let text = "\"\n".to_string() + &"\\\" x\n".repeat(50_000);
        let start = std::time::Instant::now();
        let lexed = lex_in(&text, Dialect::FbThrift);
        assert!(lexed.errors.len() > 50_000);
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
    }

    #[test]
    fn apache_only_keywords_are_names_in_fbthrift() {
        check_fbthrift(
            "senum async i8 uuid slist cpp_type xsd_all cpp_namespace oneway i16",
            expect![[r##"
                IDENT "senum"
                WHITESPACE " "
                IDENT "async"
                WHITESPACE " "
                IDENT "i8"
                WHITESPACE " "
                IDENT "uuid"
                WHITESPACE " "
                IDENT "slist"
                WHITESPACE " "
                IDENT "cpp_type"
                WHITESPACE " "
                IDENT "xsd_all"
                WHITESPACE " "
                IDENT "cpp_namespace"
                WHITESPACE " "
                ONEWAY_KW "oneway"
                WHITESPACE " "
                I16_KW "i16"
            "##]],
        );
    }

    #[test]
    fn unterminated_block_comment() {
        check(
            "a /* b",
            expect![[r##"
                IDENT "a"
                WHITESPACE " "
                BLOCK_COMMENT "/* b"
                error 2..4: unterminated block comment: `/*` is never closed by `*/`
            "##]],
        );
        check(
            "/*",
            expect![[r##"
                BLOCK_COMMENT "/*"
                error 0..2: unterminated block comment: `/*` is never closed by `*/`
            "##]],
        );
    }

    #[test]
    fn unknown_characters_are_merged() {
        check(
            "a $%! b é😀 c",
            expect![[r##"
                IDENT "a"
                WHITESPACE " "
                ERROR_TOKEN "$%!"
                WHITESPACE " "
                IDENT "b"
                WHITESPACE " "
                ERROR_TOKEN "é😀"
                WHITESPACE " "
                IDENT "c"
                error 2..5: unexpected characters `$%!`
                error 8..14: unexpected characters `é😀`
            "##]],
        );
    }

    #[test]
    fn non_ascii_identifiers_are_one_token() {
        check(
            "struct Ünïcode { 1: i32 naïve2 } é",
            expect![[r#"
                STRUCT_KW "struct"
                WHITESPACE " "
                IDENT "Ünïcode"
                WHITESPACE " "
                L_BRACE "{"
                WHITESPACE " "
                INT_NUMBER "1"
                COLON ":"
                WHITESPACE " "
                I32_KW "i32"
                WHITESPACE " "
                IDENT "naïve2"
                WHITESPACE " "
                R_BRACE "}"
                WHITESPACE " "
                IDENT "é"
                error 7..16: `Ünïcode`: identifiers must be ASCII letters, digits and `_`
                error 26..33: `naïve2`: identifiers must be ASCII letters, digits and `_`
                error 36..38: `é`: identifiers must be ASCII letters, digits and `_`
            "#]],
        );
    }

    #[test]
    fn keywords_in_dotted_names_are_identifiers() {
        check(
            "inc.service list.x.struct list",
            expect![[r##"
                IDENT "inc"
                DOT "."
                IDENT "service"
                WHITESPACE " "
                IDENT "list"
                DOT "."
                IDENT "x"
                DOT "."
                IDENT "struct"
                WHITESPACE " "
                LIST_KW "list"
            "##]],
        );
    }

    #[test]
    fn punctuation_and_keywords() {
        check(
            "{}()[]<>,;:=*&.@ senum slist async byte cpp_type xsd_attrs cpp_namespace",
            expect![[r##"
                L_BRACE "{"
                R_BRACE "}"
                L_PAREN "("
                R_PAREN ")"
                L_BRACK "["
                R_BRACK "]"
                L_ANGLE "<"
                R_ANGLE ">"
                COMMA ","
                SEMICOLON ";"
                COLON ":"
                EQ "="
                STAR "*"
                AMP "&"
                DOT "."
                AT "@"
                WHITESPACE " "
                SENUM_KW "senum"
                WHITESPACE " "
                SLIST_KW "slist"
                WHITESPACE " "
                ASYNC_KW "async"
                WHITESPACE " "
                BYTE_KW "byte"
                WHITESPACE " "
                CPP_TYPE_KW "cpp_type"
                WHITESPACE " "
                XSD_ATTRS_KW "xsd_attrs"
                WHITESPACE " "
                CPP_NAMESPACE_KW "cpp_namespace"
            "##]],
        );
    }
}
