//! Checks on single tokens that the grammar does not make: string escapes
//! and integer literal forms, as Apache Thrift's lexer reports them.

use crate::{Dialect, SyntaxError, SyntaxKind, TextRange, TextSize, lexer::Token};

/// Reports the literals `dialect` rejects. Returns whether the text has a
/// literal that only fbthrift accepts (read as Apache, each is an error).
pub(crate) fn validate_tokens(
    text: &str,
    tokens: &[Token],
    dialect: Dialect,
    errors: &mut Vec<SyntaxError>,
) -> bool {
    let mut fbthrift_syntax = false;
    let mut offset = TextSize::new(0);
    for token in tokens {
        let range = TextRange::at(offset, token.len);
        match token.kind {
            SyntaxKind::STRING => {
                fbthrift_syntax |= validate_string(&text[range], offset, dialect, errors);
            }
            SyntaxKind::INT_NUMBER => {
                let literal = &text[range];
                if let Some(message) = validate_int(literal, dialect) {
                    errors.push(SyntaxError::new(message, range));
                    fbthrift_syntax |= dialect == Dialect::Apache
                        && validate_int(literal, Dialect::FbThrift).is_none();
                }
            }
            _ => {}
        }
        offset += token.len;
    }
    fbthrift_syntax
}

/// What an escape (the character after a `\`, and the text after that)
/// means to fbthrift's lexer: `None` if it is valid, else the message.
fn fbthrift_escape_error(next: char, after: &str) -> Option<String> {
    let hex = |digits: usize| {
        after.len() >= digits && after.as_bytes()[..digits].iter().all(u8::is_ascii_hexdigit)
    };
    match next {
        'n' | 'r' | 't' | '"' | '\'' | '\\' | '\n' => None,
        // Kept as written: `"\Oncalls"` is the text `\Oncalls`.
        'A'..='Z' => None,
        'x' if hex(2) => None,
        'x' => Some("invalid `\\x` escape in a string; write `\\x` and two hex digits".to_string()),
        'u' if hex(4) => {
            let code = u32::from_str_radix(&after[..4], 16).unwrap_or(0);
            (0xD800..=0xDFFF).contains(&code).then(|| {
                format!(
                    "`\\u{}` is a surrogate, which a `\\u` escape cannot be",
                    &after[..4]
                )
            })
        }
        'u' => {
            Some("invalid `\\u` escape in a string; write `\\u` and four hex digits".to_string())
        }
        _ => {
            let shown: String = next.escape_debug().collect();
            Some(format!(
                "invalid escape `\\{shown}` in a string; fbthrift accepts \\n, \\r, \\t, \\\\, \\', \\\", \\xhh, \\uhhhh, and `\\` before an uppercase letter or at the end of a line"
            ))
        }
    }
}

/// Reports the escapes of a string literal that `dialect` rejects. Returns
/// whether one of them is an escape that only fbthrift accepts.
fn validate_string(
    text: &str,
    start: TextSize,
    dialect: Dialect,
    errors: &mut Vec<SyntaxError>,
) -> bool {
    let bytes = text.as_bytes();
    let mut fbthrift_syntax = false;
    let mut i = 1;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        let Some(next) = text[i + 1..].chars().next() else {
            break;
        };
        let at =
            |len: usize| TextRange::at(start + TextSize::new(i as u32), TextSize::new(len as u32));
        let after = &text[i + 1 + next.len_utf8()..];
        match dialect {
            Dialect::Apache => {
                if !matches!(next, 'n' | 'r' | 't' | '"' | '\'' | '\\') {
                    let message = if next == '\n' {
                        "a `\\` line continuation in a string is fbthrift syntax; Apache Thrift strings end on their line".to_string()
                    } else {
                        let shown: String = next.escape_debug().collect();
                        format!(
                            "unknown escape `\\{shown}` in a string; Apache Thrift accepts only \\n, \\r, \\t, \\\\, \\' and \\\""
                        )
                    };
                    errors.push(SyntaxError::new(message, at(1 + next.len_utf8())));
                    fbthrift_syntax |= fbthrift_escape_error(next, after).is_none();
                }
            }
            Dialect::FbThrift => {
                if let Some(message) = fbthrift_escape_error(next, after) {
                    errors.push(SyntaxError::new(message, at(1 + next.len_utf8())));
                }
            }
        }
        i += 1 + next.len_utf8();
    }
    fbthrift_syntax
}

/// The message for an integer literal the dialect rejects, if it does.
fn validate_int(text: &str, dialect: Dialect) -> Option<String> {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let prefix = digits.get(..2).unwrap_or("");
    match dialect {
        Dialect::Apache => match prefix {
            "0X" => {
                return Some(format!(
                    "`{text}`: write hexadecimal literals with a lowercase `0x` (an uppercase `0X` is fbthrift syntax)"
                ));
            }
            "0b" | "0B" => {
                return Some(format!(
                    "`{text}`: binary literals are fbthrift syntax, which Apache Thrift does not accept"
                ));
            }
            "0o" | "0O" => {
                return Some(format!(
                    "`{text}`: `0o` octal literals are not Thrift; write the value in decimal or hex"
                ));
            }
            _ => {}
        },
        Dialect::FbThrift => match prefix {
            "0o" | "0O" => {
                return Some(format!(
                    "`{text}`: `0o` is not Thrift; in fbthrift a leading `0` makes an octal literal (`017`)"
                ));
            }
            _ if digits.len() > 1
                && digits.starts_with('0')
                && digits.as_bytes()[1].is_ascii_digit()
                && !digits.bytes().all(|b| (b'0'..=b'7').contains(&b)) =>
            {
                return Some(format!(
                    "`{text}`: in fbthrift a leading `0` makes an octal literal, and `8` and `9` are not octal digits"
                ));
            }
            _ => {}
        },
    }
    if crate::ast::parse_int_in(text, dialect).is_none() {
        return Some(format!("integer literal `{text}` does not fit in 64 bits"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn validate_int_apache(text: &str) -> Option<String> {
        validate_int(text, Dialect::Apache)
    }

    #[test]
    fn fbthrift_literals() {
        assert_eq!(validate_int("0X1F", Dialect::FbThrift), None);
        assert_eq!(validate_int("0b101", Dialect::FbThrift), None);
        assert_eq!(validate_int("017", Dialect::FbThrift), None);
        // The sign applies to an unsigned 64-bit magnitude.
        for min in [
            "-9223372036854775808",
            "-0x8000000000000000",
            "-01000000000000000000000",
        ] {
            assert_eq!(validate_int(min, Dialect::FbThrift), None, "{min}");
        }
        assert!(validate_int("-9223372036854775809", Dialect::FbThrift).is_some());
        assert!(validate_int("0x8000000000000000", Dialect::FbThrift).is_some());
        assert!(validate_int("-0x8000000000000000", Dialect::Apache).is_some());
        assert!(
            validate_int("098", Dialect::FbThrift)
                .unwrap()
                .contains("octal")
        );
        let mut errors = Vec::new();
        validate_string(
            r#""a\x41\u00e9\q""#,
            TextSize::new(0),
            Dialect::FbThrift,
            &mut errors,
        );
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].message.contains("`\\q`"));
    }

    #[test]
    fn integer_forms() {
        assert_eq!(validate_int_apache("0777"), None);
        assert_eq!(validate_int_apache("-0x1F"), None);
        assert_eq!(validate_int_apache("9223372036854775807"), None);
        assert_eq!(validate_int_apache("-9223372036854775808"), None);
        assert_eq!(validate_int_apache("+12"), None);
        assert!(
            validate_int_apache("9223372036854775808")
                .unwrap()
                .contains("64 bits")
        );
        assert!(
            validate_int_apache("0xFFFFFFFFFFFFFFFF")
                .unwrap()
                .contains("64 bits")
        );
        assert!(validate_int_apache("0X1F").unwrap().contains("lowercase"));
        assert!(validate_int_apache("0b101").unwrap().contains("binary"));
        assert!(validate_int_apache("0o17").unwrap().contains("octal"));
    }

    #[test]
    fn string_escapes() {
        let mut errors = Vec::new();
        validate_string(
            r#""a\tb\u0041\é""#,
            TextSize::new(10),
            Dialect::Apache,
            &mut errors,
        );
        let shown: Vec<_> = errors
            .iter()
            .map(|e| (e.range, e.message.clone()))
            .collect();
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert_eq!(shown[0].0, TextRange::new(15.into(), 17.into()));
        assert!(shown[0].1.starts_with("unknown escape `\\u`"));
        assert_eq!(shown[1].0, TextRange::new(21.into(), 24.into()));
    }
}
