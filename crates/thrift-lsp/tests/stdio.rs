//! The real binary over stdio: initialize → open → diagnostics → requests
//! → edits → shutdown/exit, as an editor drives it.

use std::{
    io::Write,
    path::{Path, PathBuf},
    process::{Child, ChildStdin, Command},
    sync::mpsc::Receiver,
    time::Duration,
};

#[path = "common/stdio.rs"]
mod framed;

use serde_json::{Value, json};

struct Server {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
    /// Notifications seen while waiting for responses.
    notifications: Vec<Value>,
    /// Answer the server's requests (registerCapability, progress)?
    answer_server: bool,
    /// The server's requests seen.
    server_requests: Vec<Value>,
}

impl Server {
    fn start() -> Server {
        Server::start_with(&[])
    }

    /// With these environment variables.
    fn start_with(env: &[(&str, String)]) -> Server {
        let (child, stdin, rx) = framed::spawn(env);
        Server {
            child,
            stdin,
            messages: rx,
            next_id: 1,
            notifications: Vec::new(),
            answer_server: true,
            server_requests: Vec::new(),
        }
    }

    /// Writes bytes as they are (malformed frames).
    fn send_raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).unwrap();
        self.stdin.flush().unwrap();
    }

    /// The next message that is not a notification or a request from the
    /// server: a response.
    fn response(&mut self) -> Value {
        loop {
            let message = self
                .messages
                .recv_timeout(Duration::from_secs(20))
                .expect("no response");
            if message.get("method").is_none() {
                return message;
            }
            self.note(message);
        }
    }

    /// Notes a message that is not the awaited response (answering the
    /// server's requests if told to).
    fn note(&mut self, message: Value) {
        if let (Some(sid), Some(_)) = (message.get("id"), message.get("method")) {
            let sid = sid.clone();
            self.server_requests.push(message);
            if self.answer_server {
                self.send(json!({"jsonrpc": "2.0", "id": sid, "result": null}));
            }
            return;
        }
        self.notifications.push(message);
    }

    /// Waits for the process to end (at most 10 s); its exit code.
    fn exit_code(&mut self) -> Option<i32> {
        for _ in 0..200 {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        panic!("the server did not exit");
    }

    fn send(&mut self, value: Value) {
        framed::write_message(&mut self.stdin, &value);
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
            // A request from the server (registerCapability, progress):
            // answered, if told to.
            self.note(message);
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

#[test]
fn completions_for_every_shell() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_thrift-ls"))
            .args(args)
            .output()
            .unwrap()
    };
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = run(&["--completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}: {out:?}");
        let script = String::from_utf8_lossy(&out.stdout);
        for word in ["thrift-ls", "stdio", "completions"] {
            assert!(script.contains(word), "{shell}: no {word}");
        }
        if shell == "bash" && Command::new("bash").arg("--version").output().is_ok() {
            let path = std::env::temp_dir().join(format!("thrift-ls-{}.bash", std::process::id()));
            std::fs::write(&path, script.as_bytes()).unwrap();
            let check = Command::new("bash").arg("-n").arg(&path).output().unwrap();
            let _ = std::fs::remove_file(&path);
            assert!(check.status.success(), "{check:?}");
        }
    }
    assert_eq!(run(&["--completions", "tcsh"]).status.code(), Some(2));
    assert_eq!(run(&["--completions"]).status.code(), Some(2));
    assert_eq!(
        run(&["--completions", "bash", "--stdio"]).status.code(),
        Some(2)
    );
}

fn initialize(s: &mut Server, root: &Path, capabilities: Value) -> Value {
    let init = s.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": uri(root),
            "capabilities": capabilities,
            "workspaceFolders": [{"uri": uri(root), "name": "ws"}],
        }),
    );
    s.notify("initialized", json!({}));
    init
}

/// Every malformed frame gets its JSON-RPC error, and the server reads on:
/// each is followed by a request that must still be answered (issue 14,
/// defects 6 and 10).
#[test]
fn malformed_frames_are_answered_and_skipped() {
    let root = workspace("malformed", &[("main.thrift", "struct A {}\n")]);
    let main_uri = uri(&root.join("main.thrift"));
    let mut s = Server::start();
    initialize(&mut s, &root, json!({}));
    let frame = |body: &[u8]| {
        let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        out.extend_from_slice(body);
        out
    };
    let cases: Vec<(&str, Vec<u8>, i64, Value)> = vec![
        ("not JSON", frame(b"{\"jsonrpc\": "), -32700, Value::Null),
        (
            "not UTF-8",
            frame(b"{\"a\": \"\xff\xfe\"}"),
            -32700,
            Value::Null,
        ),
        ("not an object", frame(b"[1, 2]"), -32600, Value::Null),
        (
            "no method",
            frame(br#"{"jsonrpc":"2.0","id":99,"params":{}}"#),
            -32600,
            json!(99),
        ),
        (
            "a $/ request",
            frame(br#"{"jsonrpc":"2.0","id":100,"method":"$/unknown"}"#),
            -32601,
            json!(100),
        ),
        (
            "an unknown method",
            frame(br#"{"jsonrpc":"2.0","id":101,"method":"thrift/unknown"}"#),
            -32601,
            json!(101),
        ),
        (
            "no Content-Length",
            b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n".to_vec(),
            -32700,
            Value::Null,
        ),
        (
            "a bad Content-Length",
            b"Content-Length: -3\r\n\r\n".to_vec(),
            -32700,
            Value::Null,
        ),
        (
            // The rest of the body is skipped up to the next header.
            "a Content-Length too short",
            r#"Content-Length: 10

{"jsonrpc":"2.0","id":5,"method":"shutdown"}"#
                .replace('\n', "\r\n")
                .into_bytes(),
            -32700,
            Value::Null,
        ),
    ];
    for (what, bytes, code, id) in cases {
        s.notifications.clear();
        s.send_raw(&bytes);
        let response = s.response();
        assert_eq!(response["error"]["code"], code, "{what}: {response}");
        assert_eq!(response["id"], id, "{what}: {response}");
        let symbols = s.request("workspace/symbol", json!({"query": "A"}));
        assert!(symbols.get("error").is_none(), "{what}: {symbols}");
        if what == "a Content-Length too short" {
            // The rest of that body is junk before the request's header:
            // answered when the header is read, before or after the
            // request's own answer (two writers), but answered.
            let junk = |m: &Value| {
                m["error"]["message"] == "Parse error: bytes outside a message were skipped"
                    && m["id"].is_null()
            };
            if !s.notifications.iter().any(junk) {
                let late = s.response();
                assert!(junk(&late), "{what}: {late}");
            }
        }
    }
    // A lower-case header.
    let body =
        r#"{"jsonrpc":"2.0","id":"lower","method":"workspace/symbol","params":{"query":"A"}}"#;
    let (head, tail) = body.split_at(30);
    // In two writes: the reader waits for the whole body.
    s.send_raw(format!("content-length: {}\r\n\r\n{head}", body.len()).as_bytes());
    s.send_raw(tail.as_bytes());
    let response = s.response();
    assert_eq!(response["id"], "lower", "{response}");
    assert!(response["result"].is_array(), "{response}");

    // A lone surrogate, as JavaScript's JSON.stringify writes it: the text
    // is opened with U+FFFD in its place, one UTF-16 unit for one.
    let open = format!(
        r#"{{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{{"textDocument":{{"uri":"{main_uri}","languageId":"thrift","version":1,"text":"// \ud800\nstruct \udc00B {{}}\nstruct C {{}}\n"}}}}}}"#
    );
    s.send_raw(&frame(open.as_bytes()));
    let symbols = s.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": main_uri}}),
    );
    let c = symbols["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|sym| sym["name"] == "C")
        .unwrap_or_else(|| panic!("{symbols}"));
    assert_eq!(
        c["selectionRange"]["start"],
        json!({"line": 2, "character": 7})
    );
    let hover = s.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": main_uri}, "position": {"line": 1, "character": 9}}),
    );
    assert!(hover.get("error").is_none(), "{hover}");

    let shutdown = s.request("shutdown", json!(null));
    assert!(shutdown.get("error").is_none(), "{shutdown}");
    s.notify("exit", json!(null));
    assert_eq!(s.exit_code(), Some(0));
}

/// `exit` without `shutdown`: exit code 1 (issue 14, defect 10).
#[test]
fn exit_without_shutdown_exits_with_1() {
    let root = workspace("exit1", &[("main.thrift", "struct A {}\n")]);
    let mut s = Server::start();
    initialize(&mut s, &root, json!({}));
    s.notify("exit", json!(null));
    assert_eq!(s.exit_code(), Some(1));
}

/// A client that does not take server requests gets none; one that takes
/// them but never answers is not waited for: the index is built and the
/// server exits (issue 14, defect 7).
#[test]
fn server_requests_follow_the_client_capabilities_and_never_block() {
    let root = workspace(
        "capabilities",
        &[
            ("a.thrift", "struct Indexed {}\n"),
            ("b.thrift", "enum E { X }\n"),
        ],
    );
    for capabilities in [
        json!({}),
        json!({
            "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": false}},
            "window": {"workDoneProgress": false},
        }),
        json!({
            "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}},
            "window": {"workDoneProgress": true},
        }),
    ] {
        let takes_requests = capabilities["window"]["workDoneProgress"] == true;
        let mut s = Server::start();
        s.answer_server = false;
        initialize(&mut s, &root, capabilities.clone());
        // The index is there without any answer from the client.
        let mut found = Value::Null;
        for _ in 0..100 {
            found = s.request("workspace/symbol", json!({"query": "Indexed"}));
            if found["result"].as_array().is_some_and(|a| !a.is_empty()) {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        assert_eq!(
            found["result"][0]["name"], "Indexed",
            "{capabilities}: {found}"
        );
        let methods: Vec<&str> = s
            .server_requests
            .iter()
            .map(|r| r["method"].as_str().unwrap())
            .collect();
        if takes_requests {
            assert!(
                methods.contains(&"client/registerCapability")
                    && methods.contains(&"window/workDoneProgress/create"),
                "{methods:?}"
            );
        } else {
            assert_eq!(methods, Vec::<&str>::new(), "{capabilities}");
        }
        let shutdown = s.request("shutdown", json!(null));
        assert!(shutdown.get("error").is_none(), "{shutdown}");
        s.notify("exit", json!(null));
        assert_eq!(s.exit_code(), Some(0), "{capabilities}");
    }
}

/// Waits for a `publishDiagnostics` of `uri` whose codes are `codes`.
fn wait_for_codes(s: &mut Server, uri: &str, codes: &[&str]) {
    loop {
        let d = s.diagnostics(uri);
        let got: Vec<&str> = d["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap_or(""))
            .collect();
        if got == codes {
            return;
        }
    }
}

/// Includes created later resolve at once: a file created, a file renamed
/// onto the missing name (deleted + created), a file created in an include
/// directory. The includer is not edited: its diagnostics are published
/// again and definition follows the include (issue 14, defect 3).
#[test]
fn includes_created_later_resolve() {
    const MAIN: &str = "include \"dep2.thrift\"\ninclude \"lib.thrift\"\ninclude \"dep4.thrift\"\nstruct S {\n  1: dep2.T t\n  2: lib.L l\n  3: dep4.R r\n}\n";
    let root = workspace(
        "created",
        &[
            ("main.thrift", MAIN),
            ("other.thrift", "struct R {}\n"),
            ("inc/README", ""),
        ],
    );
    let main_uri = uri(&root.join("main.thrift"));
    let mut s = Server::start();
    s.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": uri(&root),
            "capabilities": {},
            "workspaceFolders": [{"uri": uri(&root), "name": "ws"}],
            "initializationOptions": {"includeDirs": ["inc"]},
        }),
    );
    s.notify("initialized", json!({}));
    s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": main_uri, "languageId": "thrift", "version": 1, "text": MAIN}}),
    );
    wait_for_codes(&mut s, &main_uri, &["T1001", "T1001", "T1001"]);
    let definition = |s: &mut Server, line: u32, character: u32| {
        s.request(
            "textDocument/definition",
            json!({"textDocument": {"uri": main_uri}, "position": {"line": line, "character": character}}),
        )["result"]
            .clone()
    };
    assert_eq!(definition(&mut s, 4, 10), Value::Null);

    // Created: next to the includer, and in an include directory.
    std::fs::write(root.join("dep2.thrift"), "struct T {}\n").unwrap();
    std::fs::write(root.join("inc/lib.thrift"), "struct L {}\n").unwrap();
    s.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [
            {"uri": uri(&root.join("dep2.thrift")), "type": 1},
            {"uri": uri(&root.join("inc/lib.thrift")), "type": 1},
        ]}),
    );
    wait_for_codes(&mut s, &main_uri, &["T1001"]);
    assert_eq!(
        definition(&mut s, 4, 10)["uri"],
        uri(&root.join("dep2.thrift"))
    );
    assert_eq!(
        definition(&mut s, 5, 9)["uri"],
        uri(&root.join("inc/lib.thrift"))
    );

    // Renamed onto the missing name.
    std::fs::rename(root.join("other.thrift"), root.join("dep4.thrift")).unwrap();
    s.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [
            {"uri": uri(&root.join("other.thrift")), "type": 3},
            {"uri": uri(&root.join("dep4.thrift")), "type": 1},
        ]}),
    );
    wait_for_codes(&mut s, &main_uri, &[]);
    assert_eq!(
        definition(&mut s, 6, 10)["uri"],
        uri(&root.join("dep4.thrift"))
    );

    // Deleted again: the include is missing again.
    std::fs::remove_file(root.join("dep4.thrift")).unwrap();
    s.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&root.join("dep4.thrift")), "type": 3}]}),
    );
    wait_for_codes(&mut s, &main_uri, &["T1001"]);
    assert_eq!(definition(&mut s, 6, 10), Value::Null);

    let shutdown = s.request("shutdown", json!(null));
    assert!(shutdown.get("error").is_none(), "{shutdown}");
    s.notify("exit", json!(null));
    assert_eq!(s.exit_code(), Some(0));
}

/// Slow requests hold up nothing, and cancelling them stops them: four
/// `semanticTokens/full` on a long line are in flight while another file
/// is hovered (the hover is answered first), then they are cancelled and
/// that file is edited: each answers RequestCancelled or ContentModified,
/// never a result, and the edit's diagnostics and a new hover come
/// (issue 14, defect 4). Before, four requests in flight filled
/// tower-lsp-server's queue: `$/cancelRequest`, edits and every other
/// request waited for them.
#[test]
fn slow_requests_hold_up_nothing_and_stop_when_cancelled() {
    let mut big = String::from("const list<i32> X = [");
    for i in 0..100_000 {
        big.push_str(&format!("{i}, "));
    }
    big.push_str("0]\n");
    const OTHER: &str = "struct A {}\nstruct B {\n  1: A a\n}\n";
    let root = workspace("slow", &[("big.thrift", &big), ("other.thrift", OTHER)]);
    let big_uri = uri(&root.join("big.thrift"));
    let other_uri = uri(&root.join("other.thrift"));
    let mut s = Server::start();
    initialize(&mut s, &root, json!({}));
    for (u, text) in [(&big_uri, big.as_str()), (&other_uri, OTHER)] {
        s.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": u, "languageId": "thrift", "version": 1, "text": text}}),
        );
    }
    s.diagnostics(&other_uri);
    let slow = [100, 101, 102, 103];
    for id in slow {
        s.send(json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/semanticTokens/full", "params": {"textDocument": {"uri": big_uri}}}));
    }
    let hover = |id: i64| json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/hover", "params": {"textDocument": {"uri": other_uri}, "position": {"line": 2, "character": 5}}});
    s.send(hover(200));
    let first = s.response();
    assert_eq!(first["id"], 200, "the hover waited for slow requests");
    assert!(
        first["result"]["contents"]["value"]
            .as_str()
            .is_some_and(|v| v.contains("struct A")),
        "{first}"
    );

    for id in slow {
        s.notify("$/cancelRequest", json!({"id": id}));
    }
    s.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": other_uri, "version": 2},
            "contentChanges": [{"range": {"start": {"line": 2, "character": 5}, "end": {"line": 2, "character": 6}}, "text": "Missing"}],
        }),
    );
    s.send(hover(201));
    let mut answered = std::collections::HashMap::new();
    while answered.len() < 5 {
        let r = s.response();
        answered.insert(r["id"].as_i64().unwrap(), r);
    }
    for id in slow {
        let code = &answered[&id]["error"]["code"];
        assert!(
            *code == -32800 || *code == -32801,
            "request {id} was cancelled, yet: {}",
            answered[&id]
                .to_string()
                .chars()
                .take(200)
                .collect::<String>()
        );
    }
    assert!(answered[&201].get("error").is_none(), "{}", answered[&201]);
    wait_for_codes(&mut s, &other_uri, &["T1010"]);

    let shutdown = s.request("shutdown", json!(null));
    assert!(shutdown.get("error").is_none(), "{shutdown}");
    s.notify("exit", json!(null));
    assert_eq!(s.exit_code(), Some(0));
}

/// git runs off the state's lock: while `[breaking] against` waits on a git
/// that does not answer, hover and other requests are answered (issue 14,
/// defect 8). Before, the diagnostics task ran git under the lock, and
/// every handler waited.
#[test]
fn a_slow_git_holds_up_no_request() {
    const MAIN: &str = "struct A {}\nstruct B {\n  1: A a\n}\n";
    let root = workspace(
        "slowgit",
        &[
            ("main.thrift", MAIN),
            ("thrift-tools.toml", "[breaking]\nagainst = \"HEAD\"\n"),
        ],
    );
    let (called, release) = (root.join("git-called"), root.join("git-release"));
    // A git that waits to be released (30 s at most), then fails.
    let bin = root.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let git = bin.join("git");
    std::fs::write(
        &git,
        format!(
            "#!/bin/sh\ntouch '{}'\nfor i in $(seq 600); do [ -e '{}' ] && exit 1; sleep 0.05; done\nexit 1\n",
            called.display(),
            release.display()
        ),
    )
    .unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&git, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut s = Server::start_with(&[("PATH", path)]);
    initialize(&mut s, &root, json!({}));
    let main_uri = uri(&root.join("main.thrift"));
    s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": main_uri, "languageId": "thrift", "version": 1, "text": MAIN}}),
    );
    for _ in 0..400 {
        if called.exists() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(called.exists(), "the diagnostics never asked git");
    // git is stuck: requests are answered meanwhile.
    let hover = s.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": main_uri}, "position": {"line": 2, "character": 5}}),
    );
    assert!(
        hover["result"]["contents"]["value"]
            .as_str()
            .is_some_and(|v| v.contains("struct A")),
        "{hover}"
    );
    let symbols = s.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": main_uri}}),
    );
    assert_eq!(symbols["result"][1]["name"], "B");
    assert!(!release.exists());
    std::fs::write(&release, "").unwrap();
    // Released (git fails): the diagnostics come, without breaking changes.
    let d = s.diagnostics(&main_uri);
    assert_eq!(d["diagnostics"], json!([]), "{d}");
    let shutdown = s.request("shutdown", json!(null));
    assert!(shutdown.get("error").is_none(), "{shutdown}");
    s.notify("exit", json!(null));
    assert_eq!(s.exit_code(), Some(0));
}

/// Includes outside the workspace are found, read and parsed (off the
/// lock), transitively, and a request right after `didOpen` sees them.
#[test]
fn includes_outside_the_workspace_load_transitively() {
    const MAIN: &str = "include \"a.thrift\"\nstruct S {\n  1: a.A x\n}\n";
    let root = workspace(
        "outside",
        &[
            ("ws/main.thrift", MAIN),
            (
                "ext/a.thrift",
                "include \"b.thrift\"\nstruct A {\n  1: b.B b\n}\n",
            ),
            ("ext/b.thrift", "struct Bee {}\ntypedef Bee B\n"),
        ],
    );
    let ws = root.join("ws");
    let main_uri = uri(&ws.join("main.thrift"));
    let mut s = Server::start();
    s.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": uri(&ws),
            "capabilities": {},
            "workspaceFolders": [{"uri": uri(&ws), "name": "ws"}],
            "initializationOptions": {"includeDirs": [root.join("ext").display().to_string()]},
        }),
    );
    s.notify("initialized", json!({}));
    s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": main_uri, "languageId": "thrift", "version": 1, "text": MAIN}}),
    );
    let def = s.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": main_uri}, "position": {"line": 2, "character": 7}}),
    );
    assert_eq!(
        def["result"]["uri"],
        uri(&root.join("ext/a.thrift")),
        "{def}"
    );
    let found = s.request("workspace/symbol", json!({"query": "Bee"}));
    assert_eq!(
        found["result"][0]["location"]["uri"],
        uri(&root.join("ext/b.thrift")),
        "{found}"
    );
    wait_for_codes(&mut s, &main_uri, &[]);
    let shutdown = s.request("shutdown", json!(null));
    assert!(shutdown.get("error").is_none(), "{shutdown}");
    s.notify("exit", json!(null));
    assert_eq!(s.exit_code(), Some(0));
}
