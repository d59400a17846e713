//! Checks on single tokens that the grammar does not make: string escapes
//! and integer literal forms, as Apache Thrift's lexer reports them.

use crate::{Dialect, SyntaxError, SyntaxKind, TextRange, TextSize, lexer::Token};

pub(crate) fn validate_tokens(
    text: &str,
    tokens: &[Token],
    dialect: Dialect,
    errors: &mut Vec<SyntaxError>,
) {
    let mut offset = TextSize::new(0);
    for token in tokens {
        let range = TextRange::at(offset, token.len);
        match token.kind {
            SyntaxKind::STRING => validate_string(&text[range], offset, dialect, errors),
            SyntaxKind::INT_NUMBER => {
                if let Some(message) = validate_int(&text[range], dialect) {
                    errors.push(SyntaxError::new(message, range));
                }
            }
            _ => {}
        }
        offset += token.len;
    }
}

fn validate_string(text: &str, start: TextSize, dialect: Dialect, errors: &mut Vec<SyntaxError>) {
    let bytes = text.as_bytes();
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
        let simple = matches!(next, 'n' | 'r' | 't' | '"' | '\'' | '\\');
        match dialect {
            Dialect::Apache if !simple => {
                let message = if next == '\n' {
                    "a `\\` line continuation in a string is fbthrift syntax; Apache Thrift strings end on their line".to_string()
                } else {
                    let shown: String = next.escape_debug().collect();
                    format!(
                        "unknown escape `\\{shown}` in a string; Apache Thrift accepts only \\n, \\r, \\t, \\\\, \\' and \\\""
                    )
                };
                errors.push(SyntaxError::new(message, at(1 + next.len_utf8())));
            }
            Dialect::FbThrift if !simple && next != '\n' => {
                // `\xhh` and `\uhhhh`.
                let digits = match next {
                    'x' => 2,
                    'u' => 4,
                    _ => 0,
                };
                // `x` and `u` are one byte, so `i + 2` is a char boundary.
                let hex = if digits > 0 { &text[i + 2..] } else { "" };
                let ok = digits > 0
                    && hex.len() >= digits
                    && hex.as_bytes()[..digits].iter().all(u8::is_ascii_hexdigit);
                if !ok {
                    let shown: String = next.escape_debug().collect();
                    errors.push(SyntaxError::new(
                        format!(
                            "invalid escape `\\{shown}` in a string; fbthrift accepts \\n, \\r, \\t, \\\\, \\', \\\", \\xhh and \\uhhhh"
                        ),
                        at(1 + next.len_utf8()),
                    ));
                }
            }
            _ => {}
        }
        i += 1 + next.len_utf8();
    }
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
