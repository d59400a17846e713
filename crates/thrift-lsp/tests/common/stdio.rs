//! The real `thrift-ls` over stdio, for `stdio.rs` and `stress.rs`: the
//! process, and its messages decoded on a reader thread.

use std::{
    io::{BufRead, BufReader, Read, Write},
    process::{Child, ChildStdin, Command, Stdio},
    sync::mpsc::{Receiver, channel},
};

use serde_json::Value;

/// Starts `thrift-ls --stdio` with these environment variables. The
/// receiver yields each message the server writes, until it closes stdout.
pub fn spawn(env: &[(&str, String)]) -> (Child, ChildStdin, Receiver<Value>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_thrift-ls"))
        .arg("--stdio")
        .envs(env.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        loop {
            let mut length = 0usize;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some((name, v)) = line.split_once(':')
                    && name.eq_ignore_ascii_case("content-length")
                {
                    length = v.trim().parse().unwrap();
                }
            }
            let mut body = vec![0; length];
            if reader.read_exact(&mut body).is_err() {
                return;
            }
            let value: Value = serde_json::from_slice(&body).unwrap();
            if tx.send(value).is_err() {
                return;
            }
        }
    });
    (child, stdin, rx)
}

/// Writes one message with its `Content-Length` header.
pub fn write_message(stdin: &mut ChildStdin, value: &Value) {
    let body = value.to_string();
    write!(stdin, "Content-Length: {}\r\n\r\n{}", body.len(), body).unwrap();
    stdin.flush().unwrap();
}
