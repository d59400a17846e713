//! The stdio transport: every frame from the client is read and checked
//! here before tower-lsp-server sees it.
//!
//! tower-lsp-server reads its input with tokio-util's `FramedRead`, which
//! ends the stream at the first frame it cannot decode: one malformed
//! message made the server exit. So the server reads a clean byte stream
//! (a pipe) that only ever carries messages it decodes, and this module:
//!
//! - reads frames (`Content-Length` in any case; other headers ignored;
//!   junk before a header skipped);
//! - replaces lone UTF-16 surrogates in JSON string escapes (`"\ud800"`,
//!   which JavaScript's `JSON.stringify` produces) with U+FFFD, one UTF-16
//!   unit for one, so document positions stay the same;
//! - answers, itself, what the server must not see: `-32700` (parse
//!   error: not UTF-8, not JSON, no valid `Content-Length`), `-32600`
//!   (invalid request: not an object, no `method` and no `result`/`error`,
//!   a bad `jsonrpc` or `id`), `-32601` for a `$/` request with an id
//!   (tower-lsp-server drops those silently); then reads on;
//! - writes the server's output and those answers to stdout whole frame by
//!   whole frame;
//! - ends the process at `exit` (code 0 after `shutdown`, else 1) or at the
//!   end of the input, after a short grace for answers in flight.

use std::{
    borrow::Cow,
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
    time::Duration,
};

use serde_json::{Value, json};
use tokio::{
    io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader},
    sync::mpsc,
};
use tower_lsp_server::jsonrpc::{Request, Response};

/// How many messages the server handles at once: as many as come (each
/// request's work runs on a blocking thread; a handler only waits on it).
const MAX_CONCURRENCY: usize = 1 << 16;

/// How long in-flight answers may take after `exit` or the end of input.
const GRACE: Duration = Duration::from_secs(1);

/// What becomes of a frame's body.
#[derive(Debug, PartialEq)]
pub enum Checked<'a> {
    /// A message the server decodes: hand this JSON over.
    Forward {
        json: Cow<'a, str>,
        method: Option<String>,
    },
    /// Not for the server: answer the client with this (an error
    /// response).
    Answer(Value),
    /// A response the server cannot decode, to nothing answerable: drop it.
    Drop,
}

fn error(id: Value, code: i64, message: impl Into<String>) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message.into()}})
}

/// Replaces the `\uXXXX` escapes of lone surrogates in JSON strings with
/// `\ufffd` (same length). Valid pairs stay.
pub fn replace_lone_surrogates(text: &str) -> Cow<'_, str> {
    if !text.contains("\\u") {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let hex = |at: usize| -> Option<u32> {
        let digits = bytes.get(at..at + 4)?;
        let digits = std::str::from_utf8(digits).ok()?;
        u32::from_str_radix(digits, 16).ok()
    };
    let escape = |at: usize| -> Option<u32> {
        (bytes.get(at) == Some(&b'\\') && bytes.get(at + 1) == Some(&b'u'))
            .then(|| hex(at + 2))
            .flatten()
    };
    let mut out: Option<Vec<u8>> = None;
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                in_string = !in_string;
                i += 1;
            }
            b'\\' if in_string => match escape(i) {
                Some(0xD800..=0xDBFF) => {
                    if matches!(escape(i + 6), Some(0xDC00..=0xDFFF)) {
                        i += 12;
                    } else {
                        out.get_or_insert_with(|| bytes.to_vec())[i..i + 6]
                            .copy_from_slice(b"\\ufffd");
                        i += 6;
                    }
                }
                Some(0xDC00..=0xDFFF) => {
                    out.get_or_insert_with(|| bytes.to_vec())[i..i + 6].copy_from_slice(b"\\ufffd");
                    i += 6;
                }
                Some(_) => i += 6,
                // `\"`, `\\`, …: skip the escaped character.
                None => i += 2,
            },
            _ => i += 1,
        }
    }
    match out {
        // Only ASCII bytes were replaced by ASCII bytes.
        Some(out) => Cow::Owned(String::from_utf8(out).expect("still UTF-8")),
        None => Cow::Borrowed(text),
    }
}

/// Checks a frame's body: what the server can be given, and what must be
/// answered here.
pub fn check(body: &[u8]) -> Checked<'_> {
    let Ok(text) = std::str::from_utf8(body) else {
        return Checked::Answer(error(
            Value::Null,
            -32700,
            "Parse error: the message is not UTF-8",
        ));
    };
    let json = replace_lone_surrogates(text);
    let value: Value = match serde_json::from_str(&json) {
        Ok(v) => v,
        Err(e) => {
            return Checked::Answer(error(Value::Null, -32700, format!("Parse error: {e}")));
        }
    };
    let Some(object) = value.as_object() else {
        return Checked::Answer(error(
            Value::Null,
            -32600,
            "Invalid Request: a message is a JSON object",
        ));
    };
    // The id to answer with: the request's, if it is one (an integer or a
    // string), else null.
    let id = match object.get("id") {
        Some(Value::Number(n)) if n.is_i64() => Value::Number(n.clone()),
        Some(Value::String(s)) => Value::String(s.clone()),
        _ => Value::Null,
    };
    let has_id = object.contains_key("id");
    match object.get("method") {
        Some(Value::String(method)) => {
            let method = method.clone();
            if has_id && method.starts_with("$/") {
                return Checked::Answer(error(
                    id,
                    -32601,
                    format!("Method not found: `{method}` (a `$/` request)"),
                ));
            }
            if serde_json::from_value::<Request>(value).is_err() {
                return Checked::Answer(error(
                    id,
                    -32600,
                    "Invalid Request: `jsonrpc` must be \"2.0\", `id` an integer or a string",
                ));
            }
            Checked::Forward {
                json,
                method: Some(method),
            }
        }
        Some(_) => Checked::Answer(error(
            id,
            -32600,
            "Invalid Request: `method` must be a string",
        )),
        None if object.contains_key("result") || object.contains_key("error") => {
            if serde_json::from_value::<Response>(value).is_ok() {
                Checked::Forward { json, method: None }
            } else {
                Checked::Drop
            }
        }
        None => Checked::Answer(error(id, -32600, "Invalid Request: no `method`")),
    }
}

/// A message as a frame.
fn frame(json: &str) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", json.len()).into_bytes();
    out.extend_from_slice(json.as_bytes());
    out
}

/// Serves the language server over `input` and `output` (stdin and
/// stdout) until `exit` or the end of the input. Returns the exit code: 0
/// if `shutdown` came first, else 1.
pub async fn serve<I, O>(input: I, output: O) -> i32
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Unpin + Send + 'static,
{
    let (service, socket) = crate::service();
    let (to_server, server_in) = tokio::io::duplex(1 << 16);
    let (server_out, from_server) = tokio::io::duplex(1 << 16);
    let (answers, answers_rx) = mpsc::channel::<Vec<u8>>(64);
    let shutdown = Arc::new(AtomicBool::new(false));
    // No limit on the messages handled at once (tower-lsp-server's
    // default is 4): with 4 slow requests in flight, `$/cancelRequest`,
    // edits and every other request waited behind them.
    let server = tokio::spawn(
        tower_lsp_server::Server::new(server_in, server_out, socket)
            .concurrency_level(MAX_CONCURRENCY)
            .serve(crate::CancelEarly::new(service)),
    );
    let relay = tokio::spawn(relay(from_server, answers_rx, output));
    read_frames(input, to_server, answers, shutdown.clone()).await;
    // The server stops at `exit` or at the end of its input; give the
    // answers in flight a moment, but never wait on a stuck request.
    let _ = tokio::time::timeout(GRACE, async {
        let _ = server.await;
        let _ = relay.await;
    })
    .await;
    if shutdown.load(Ordering::SeqCst) {
        0
    } else {
        1
    }
}

/// A header's name: an HTTP token.
fn is_header_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// Reads frames from the client until `exit` or the end of the input:
/// checked messages to the server, errors answered through `answers`.
async fn read_frames<I: AsyncRead + Unpin>(
    input: I,
    mut to_server: tokio::io::DuplexStream,
    answers: mpsc::Sender<Vec<u8>>,
    shutdown: Arc<AtomicBool>,
) {
    let mut reader = BufReader::with_capacity(1 << 16, input);
    let mut line = Vec::new();
    loop {
        // The header: lines up to an empty one.
        let mut length: Option<Option<usize>> = None;
        let mut seen = false;
        let mut junk = false;
        loop {
            line.clear();
            match reader.read_until(b'\n', &mut line).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            let text = String::from_utf8_lossy(&line);
            let mut text = text.trim_end_matches(['\r', '\n']);
            if text.is_empty() {
                if seen {
                    break;
                }
                continue;
            }
            seen = true;
            // Junk glued before a header (the rest of a body longer than
            // its Content-Length said): skip to the header.
            if let Some(at) = text.to_ascii_lowercase().find("content-length:")
                && at > 0
            {
                junk = true;
                text = &text[at..];
            }
            match text.split_once(':') {
                Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                    length = Some(value.trim().parse().ok());
                }
                Some((name, _)) if is_header_name(name) => {}
                _ => junk = true,
            }
        }
        if junk {
            eprintln!("thrift-ls: skipped bytes that are not a message header");
            let answer = error(
                Value::Null,
                -32700,
                "Parse error: bytes outside a message were skipped",
            );
            let _ = answers.send(frame(&answer.to_string())).await;
        }
        let Some(Some(length)) = length else {
            if !junk {
                eprintln!("thrift-ls: skipped a message without a valid Content-Length header");
                let answer = error(
                    Value::Null,
                    -32700,
                    "Parse error: no valid Content-Length header",
                );
                let _ = answers.send(frame(&answer.to_string())).await;
            }
            continue;
        };
        // Read as it comes (a bogus length must not allocate up front).
        let mut body = Vec::new();
        match (&mut reader)
            .take(length as u64)
            .read_to_end(&mut body)
            .await
        {
            Ok(n) if n == length => {}
            _ => return,
        }
        match check(&body) {
            Checked::Forward { json, method } => {
                if to_server.write_all(&frame(&json)).await.is_err() {
                    return;
                }
                match method.as_deref() {
                    Some("shutdown") => shutdown.store(true, Ordering::SeqCst),
                    Some("exit") => return,
                    _ => {}
                }
            }
            Checked::Answer(answer) => {
                eprintln!(
                    "thrift-ls: answered a malformed message: {}",
                    answer["error"]["message"]
                );
                let _ = answers.send(frame(&answer.to_string())).await;
            }
            Checked::Drop => eprintln!("thrift-ls: dropped a malformed response"),
        }
    }
}

/// Writes the server's frames and the transport's answers to `output`, an
/// answer only between two of the server's frames.
async fn relay<O: AsyncWrite + Unpin>(
    mut from_server: tokio::io::DuplexStream,
    mut answers: mpsc::Receiver<Vec<u8>>,
    mut output: O,
) {
    let mut chunk = vec![0u8; 1 << 16];
    let mut header: Vec<u8> = Vec::new();
    let mut pending: Vec<u8> = Vec::with_capacity(1 << 16);
    // Bytes of the current frame's body still to pass through.
    let mut remaining = 0usize;
    let (mut server_open, mut answers_open) = (true, true);
    while server_open || answers_open {
        let between_frames = remaining == 0 && header.is_empty();
        tokio::select! {
            biased;
            read = from_server.read(&mut chunk), if server_open => {
                let n = match read {
                    Ok(0) | Err(_) => {
                        server_open = false;
                        continue;
                    }
                    Ok(n) => n,
                };
                // What this chunk completes goes out in one write (stdout
                // is written on a blocking thread: one trip per write).
                let mut data = &chunk[..n];
                pending.clear();
                while !data.is_empty() {
                    if remaining > 0 {
                        let k = remaining.min(data.len());
                        pending.extend_from_slice(&data[..k]);
                        remaining -= k;
                        data = &data[k..];
                        continue;
                    }
                    header.push(data[0]);
                    data = &data[1..];
                    if header.ends_with(b"\r\n\r\n") {
                        remaining = std::str::from_utf8(&header)
                            .ok()
                            .and_then(|h| {
                                h.lines().find_map(|l| {
                                    let (name, value) = l.split_once(':')?;
                                    name.eq_ignore_ascii_case("content-length")
                                        .then(|| value.trim().parse().ok())?
                                })
                            })
                            .unwrap_or(0);
                        pending.extend_from_slice(&header);
                        header.clear();
                    }
                }
                if output.write_all(&pending).await.is_err() {
                    return;
                }
                if remaining == 0 && header.is_empty() && output.flush().await.is_err() {
                    return;
                }
            }
            answer = answers.recv(), if answers_open && between_frames => match answer {
                Some(answer) => {
                    if output.write_all(&answer).await.is_err() || output.flush().await.is_err() {
                        return;
                    }
                }
                None => answers_open = false,
            },
        }
    }
    let _ = output.flush().await;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(body: &str) -> Value {
        match check(body.as_bytes()) {
            Checked::Answer(v) => v,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        let fix = |s: &str| replace_lone_surrogates(s).into_owned();
        assert_eq!(fix(r#"{"t":"\ud800"}"#), r#"{"t":"\ufffd"}"#);
        assert_eq!(fix(r#"{"t":"a\uDC00b"}"#), r#"{"t":"a\ufffdb"}"#);
        assert_eq!(fix(r#"{"t":"\ud800\ud800x"}"#), r#"{"t":"\ufffd\ufffdx"}"#);
        // A pair, an escaped backslash, other escapes: kept.
        for kept in [
            r#"{"t":"\ud83d\ude00"}"#,
            r#"{"t":"\\ud800"}"#,
            r#"{"t":"\"\u0041\n"}"#,
        ] {
            assert_eq!(fix(kept), kept);
        }
        let Checked::Forward { json, .. } = check(
            br#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"text":"\ud800"}}"#,
        ) else {
            panic!()
        };
        let v: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["params"]["text"], "\u{fffd}");
    }

    #[test]
    fn errors_per_json_rpc() {
        let code = |body: &str| answer(body)["error"]["code"].clone();
        let id = |body: &str| answer(body)["id"].clone();
        assert_eq!(code("{"), -32700);
        assert_eq!(code("[1, 2]"), -32600);
        assert_eq!(code(r#"{"jsonrpc":"2.0","id":7}"#), -32600);
        assert_eq!(id(r#"{"jsonrpc":"2.0","id":7}"#), 7);
        assert_eq!(code(r#"{"jsonrpc":"2.0","id":7,"method":3}"#), -32600);
        assert_eq!(code(r#"{"jsonrpc":"1.0","id":"a","method":"x"}"#), -32600);
        assert_eq!(id(r#"{"jsonrpc":"1.0","id":"a","method":"x"}"#), "a");
        assert_eq!(code(r#"{"jsonrpc":"2.0","id":1.5,"method":"x"}"#), -32600);
        assert_eq!(
            id(r#"{"jsonrpc":"2.0","id":1.5,"method":"x"}"#),
            Value::Null
        );
        assert_eq!(code(r#"{"jsonrpc":"2.0","id":3,"method":"$/x"}"#), -32601);
        let mut deep = "[".repeat(200);
        deep.push_str(&"]".repeat(200));
        assert_eq!(
            code(&format!(
                r#"{{"jsonrpc":"2.0","method":"x","params":{deep}}}"#
            )),
            -32700
        );
        assert!(matches!(
            check(b"{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":1}}"),
            Checked::Forward { .. }
        ));
        assert!(matches!(
            check(b"{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":null}"),
            Checked::Forward { .. }
        ));
        assert_eq!(
            check(b"{\"jsonrpc\":\"2.0\",\"result\":null}"),
            Checked::Drop
        );
        assert_eq!(code("\u{0}\u{1}"), -32700);
        assert_eq!(
            answer("\"x\"")["error"]["code"],
            -32600,
            "a JSON string is no message"
        );
        assert!(matches!(check(&[0xff, 0xfe]), Checked::Answer(_)));
    }
}
