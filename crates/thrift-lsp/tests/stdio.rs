//! The real binary over stdio: initialize → open → diagnostics → requests
//! → edits → shutdown/exit, as an editor drives it.

use std::{
    io::{BufRead, BufReader, Read, Write},
    path::{Path, PathBuf},
    process::{Child, ChildStdin, Command, Stdio},
    sync::mpsc::{Receiver, channel},
    time::Duration,
};

use serde_json::{Value, json};

struct Server {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
    /// Notifications seen while waiting for responses.
    notifications: Vec<Value>,
}

impl Server {
    fn start() -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_thrift-ls"))
            .arg("--stdio")
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
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        length = v.parse().unwrap();
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
        Server {
            child,
            stdin,
            messages: rx,
            next_id: 1,
            notifications: Vec::new(),
        }
    }

    fn send(&mut self, value: Value) {
        let body = value.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{}", body.len(), body).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self
                .messages
                .recv_timeout(Duration::from_secs(20))
                .expect("no response");
            if message.get("id") == Some(&json!(id)) && message.get("method").is_none() {
                return message;
            }
            // A request from the server (registerCapability, progress): answer it.
            if let (Some(sid), Some(_)) = (message.get("id"), message.get("method")) {
                let sid = sid.clone();
                self.send(json!({"jsonrpc": "2.0", "id": sid, "result": null}));
                continue;
            }
            self.notifications.push(message);
        }
    }

    /// The next `publishDiagnostics` for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Value {
        if let Some(i) = self.notifications.iter().position(|n| {
            n["method"] == "textDocument/publishDiagnostics" && n["params"]["uri"] == uri
        }) {
            return self.notifications.remove(i)["params"].clone();
        }
        loop {
            let message = self
                .messages
                .recv_timeout(Duration::from_secs(20))
                .expect("no diagnostics");
            if let (Some(sid), Some(_)) = (message.get("id"), message.get("method")) {
                let sid = sid.clone();
                self.send(json!({"jsonrpc": "2.0", "id": sid, "result": null}));
                continue;
            }
            if message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["uri"] == uri
            {
                return message["params"].clone();
            }
        }
    }
}

fn workspace(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("thrift-ls-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

const MAIN: &str =
    "include \"shared.thrift\"\n\nstruct User {\n  1: shared.Id id\n  2: Missing m\n}\n";
const SHARED: &str = "/** The id of a user. */\ntypedef i64 Id\n";

#[test]
fn session() {
    let root = workspace(
        "session",
        &[("main.thrift", MAIN), ("shared.thrift", SHARED)],
    );
    let main_uri = uri(&root.join("main.thrift"));
    let shared_uri = uri(&root.join("shared.thrift"));
    let mut s = Server::start();
    let init = s.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": uri(&root),
            "capabilities": {"general": {"positionEncodings": ["utf-16"]}},
            "workspaceFolders": [{"uri": uri(&root), "name": "ws"}],
        }),
    );
    let caps = &init["result"]["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["definitionProvider"], true);
    assert_eq!(init["result"]["serverInfo"]["name"], "thrift-ls");
    s.notify("initialized", json!({}));

    s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": main_uri, "languageId": "thrift", "version": 1, "text": MAIN}}),
    );
    let diagnostics = s.diagnostics(&main_uri);
    assert_eq!(diagnostics["version"], 1);
    let list = diagnostics["diagnostics"].as_array().unwrap();
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["code"], "T1010");
    assert_eq!(
        list[0]["range"]["start"],
        json!({"line": 4, "character": 5})
    );

    // Go to definition of `shared.Id`, across files.
    let def = s.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": main_uri}, "position": {"line": 3, "character": 13}}),
    );
    assert_eq!(def["result"]["uri"], shared_uri);
    assert_eq!(
        def["result"]["range"]["start"],
        json!({"line": 1, "character": 12})
    );

    // Hover shows the doc comment.
    let hover = s.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": main_uri}, "position": {"line": 3, "character": 13}}),
    );
    let text = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(
        text.contains("typedef i64 Id") && text.contains("The id of a user."),
        "{text}"
    );

    // An edit fixes the error: the new diagnostics are for version 2, empty.
    s.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": main_uri, "version": 2},
            "contentChanges": [{"range": {"start": {"line": 4, "character": 5}, "end": {"line": 4, "character": 12}}, "text": "i32"}],
        }),
    );
    let diagnostics = s.diagnostics(&main_uri);
    assert_eq!(diagnostics["version"], 2);
    assert_eq!(diagnostics["diagnostics"], json!([]));

    // Formatting returns minimal edits: only the misformatted line.
    s.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": main_uri, "version": 3},
            "contentChanges": [{"text": "struct A {\n  1: i32 a\n}\nstruct   B {1:i32 b}\n"}],
        }),
    );
    let edits = s.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": main_uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    assert_eq!(
        edits["result"],
        json!([{"range": {"start": {"line": 3, "character": 0}, "end": {"line": 4, "character": 0}}, "newText": "struct B {\n  1: i32 b\n}\n"}])
    );

    // The syntax tree extension.
    let tree = s.request(
        "thrift/syntaxTree",
        json!({"textDocument": {"uri": main_uri}}),
    );
    assert!(
        tree["result"].as_str().unwrap().contains("SOURCE_FILE@0.."),
        "{tree}"
    );

    // A malformed request gets an error, and the server keeps going.
    let bad = s.request("textDocument/definition", json!({"nonsense": true}));
    assert!(bad.get("error").is_some(), "{bad}");
    let symbols = s.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": main_uri}}),
    );
    assert_eq!(symbols["result"][1]["name"], "B");

    let shutdown = s.request("shutdown", json!(null));
    assert!(shutdown.get("error").is_none(), "{shutdown}");
    s.notify("exit", json!(null));
    let status = s.child.wait().unwrap();
    assert!(status.success(), "{status:?}");
}

#[test]
fn version_and_help() {
    let out = Command::new(env!("CARGO_BIN_EXE_thrift-ls"))
        .arg("--version")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("thrift-ls "));
    let out = Command::new(env!("CARGO_BIN_EXE_thrift-ls"))
        .arg("--bogus")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
