//! Checks on single tokens that the grammar does not make: string escapes
//! and integer literal forms, as Apache Thrift's lexer reports them.

use crate::{SyntaxError, SyntaxKind, TextRange, TextSize, lexer::Token};

pub(crate) fn validate_tokens(text: &str, tokens: &[Token], errors: &mut Vec<SyntaxError>) {
    let mut offset = TextSize::new(0);
    for token in tokens {
        let range = TextRange::at(offset, token.len);
        match token.kind {
            SyntaxKind::STRING => validate_string(&text[range], offset, errors),
            SyntaxKind::INT_NUMBER => {
                if let Some(message) = validate_int(&text[range]) {
                    errors.push(SyntaxError::new(message, range));
                }
            }
            _ => {}
        }
        offset += token.len;
    }
}

fn validate_string(text: &str, start: TextSize, errors: &mut Vec<SyntaxError>) {
    let bytes = text.as_bytes();
    let mut i = 1;
    while i < bytes.len() {
        if bytes[i] == b'\\' {
            let Some(next) = text[i + 1..].chars().next() else {
                break;
            };
            if !matches!(next, 'n' | 'r' | 't' | '"' | '\'' | '\\') {
                let range = TextRange::at(
                    start + TextSize::new(i as u32),
                    TextSize::new((1 + next.len_utf8()) as u32),
                );
                let shown: String = next.escape_debug().collect();
                errors.push(SyntaxError::new(
                    format!(
                        "unknown escape `\\{shown}` in a string; Apache Thrift accepts only \\n, \\r, \\t, \\\\, \\' and \\\""
                    ),
                    range,
                ));
            }
            i += 1 + next.len_utf8();
        } else {
            i += 1;
        }
    }
}

/// The message for an integer literal Apache Thrift rejects, if it does.
fn validate_int(text: &str) -> Option<String> {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let prefix = digits.get(..2).unwrap_or("");
    let (radix, body) = match prefix {
        "0x" => (16, &digits[2..]),
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
        _ => (10, digits),
    };
    let fits = if radix == 10 {
        text.parse::<i64>().is_ok()
    } else {
        // Like the compiler's strtoll on the digits, then the sign.
        i64::from_str_radix(body, radix).is_ok()
    };
    if !fits {
        return Some(format!("integer literal `{text}` does not fit in 64 bits"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_forms() {
        assert_eq!(validate_int("0777"), None);
        assert_eq!(validate_int("-0x1F"), None);
        assert_eq!(validate_int("9223372036854775807"), None);
        assert_eq!(validate_int("-9223372036854775808"), None);
        assert_eq!(validate_int("+12"), None);
        assert!(
            validate_int("9223372036854775808")
                .unwrap()
                .contains("64 bits")
        );
        assert!(
            validate_int("0xFFFFFFFFFFFFFFFF")
                .unwrap()
                .contains("64 bits")
        );
        assert!(validate_int("0X1F").unwrap().contains("lowercase"));
        assert!(validate_int("0b101").unwrap().contains("binary"));
        assert!(validate_int("0o17").unwrap().contains("octal"));
    }

    #[test]
    fn string_escapes() {
        let mut errors = Vec::new();
        validate_string(r#""a\tb\u0041\é""#, TextSize::new(10), &mut errors);
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
