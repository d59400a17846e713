//! Features through the service, in-process: fixtures with `//- /path`
//! files and a `$0` cursor (in the first file); results as snapshots.

use std::path::PathBuf;

use expect_test::{Expect, expect};
use futures::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::sync::mpsc;
use tower::{Service, ServiceExt};
use tower_lsp_server::{
    LspService,
    jsonrpc::{Request, Response},
};

struct Fixture {
    service: LspService<thrift_lsp::Backend>,
    notifications: mpsc::UnboundedReceiver<Value>,
    uris: Vec<String>,
    root: PathBuf,
    cursor: Value,
    next_id: i64,
    server_capabilities: Value,
}

fn position_of(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let col: usize = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .map(char::len_utf16)
        .sum();
    json!({"line": line, "character": col})
}

impl Fixture {
    async fn new(fixture: &str) -> Fixture {
        Fixture::build(fixture, Vec::new(), json!({})).await
    }

    /// Also writes `disk` files (path, text) that are indexed from disk,
    /// not opened.
    async fn with_disk_files(fixture: &str, disk: Vec<(String, String)>) -> Fixture {
        Fixture::build(fixture, disk, json!({})).await
    }

    /// With the client `capabilities`; `initialize`'s result is in
    /// `server_capabilities`.
    async fn build(fixture: &str, disk: Vec<(String, String)>, capabilities: Value) -> Fixture {
        let mut files: Vec<(String, String)> = Vec::new();
        for line in fixture.lines() {
            if let Some(path) = line.strip_prefix("//- ") {
                files.push((
                    path.trim().trim_start_matches('/').to_string(),
                    String::new(),
                ));
            } else if let Some((_, t)) = files.last_mut() {
                t.push_str(line);
                t.push('\n');
            }
        }
        let cursor_offset = files[0].1.find("$0").unwrap_or(0);
        let cursor = position_of(&files[0].1, cursor_offset);
        files[0].1 = files[0].1.replace("$0", "");
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let root =
            std::env::temp_dir().join(format!("thrift-ls-inproc-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for (path, text) in files.iter().chain(&disk) {
            let p = root.join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        let (service, socket) = thrift_lsp::service();
        let (tx, rx) = mpsc::unbounded_channel();
        let (mut requests, mut responses) = socket.split();
        tokio::spawn(async move {
            while let Some(request) = requests.next().await {
                match request.id().cloned() {
                    // A request from the server: note it, and say yes.
                    Some(id) => {
                        let _ = tx.send(serde_json::to_value(&request).unwrap());
                        let _ = responses
                            .send(Response::from_parts(id, Ok(Value::Null)))
                            .await;
                    }
                    None => {
                        let value = serde_json::to_value(&request).unwrap();
                        let _ = tx.send(value);
                    }
                }
            }
        });
        let uris: Vec<String> = files
            .iter()
            .map(|(p, _)| format!("file://{}", root.join(p).display()))
            .collect();
        let mut f = Fixture {
            service,
            notifications: rx,
            uris,
            root,
            cursor,
            next_id: 1,
            server_capabilities: Value::Null,
        };
        let init = f.request("initialize", json!({"processId": null, "rootUri": format!("file://{}", f.root.display()), "capabilities": capabilities})).await;
        f.server_capabilities = init["capabilities"].clone();
        f.notify("initialized", json!({})).await;
        for (i, (_, text)) in files.iter().enumerate() {
            let uri = f.uris[i].clone();
            f.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri, "languageId": "thrift", "version": 1, "text": text}})).await;
        }
        f
    }

    async fn notify(&mut self, method: &'static str, params: Value) {
        let request = Request::build(method).params(params).finish();
        self.service
            .ready()
            .await
            .unwrap()
            .call(request)
            .await
            .unwrap();
    }

    async fn request(&mut self, method: &'static str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        let request = Request::build(method).params(params).id(id).finish();
        let response = self
            .service
            .ready()
            .await
            .unwrap()
            .call(request)
            .await
            .unwrap()
            .unwrap();
        match response.into_parts().1 {
            Ok(v) => v,
            Err(e) => json!({"error": e.message}),
        }
    }

    /// A request at the cursor in the first file.
    async fn at_cursor(&mut self, method: &'static str, extra: Value) -> Value {
        let mut params = json!({"textDocument": {"uri": self.uris[0]}, "position": self.cursor});
        if let (Some(p), Some(e)) = (params.as_object_mut(), extra.as_object()) {
            p.extend(e.clone());
        }
        self.request(method, params).await
    }

    /// The next diagnostics for the first file with `version`.
    async fn diagnostics(&mut self, version: i64) -> Value {
        loop {
            let n = tokio::time::timeout(
                std::time::Duration::from_secs(10),
                self.notifications.recv(),
            )
            .await
            .expect("no diagnostics")
            .unwrap();
            if n["method"] == "textDocument/publishDiagnostics"
                && n["params"]["uri"] == self.uris[0]
                && n["params"]["version"] == version
            {
                return n["params"]["diagnostics"].clone();
            }
        }
    }

    /// `file:line:col` for locations, relative to the fixture.
    fn show(&self, location: &Value) -> String {
        let uri = location["uri"].as_str().unwrap_or("");
        let path = uri.trim_start_matches(&format!("file://{}/", self.root.display()));
        let start = &location["range"]["start"];
        format!("{path}:{}:{}", start["line"], start["character"])
    }
}

async fn check(fixture: &str, f: impl AsyncFnOnce(&mut Fixture) -> String, expect: Expect) {
    let mut fx = Fixture::new(fixture).await;
    let out = f(&mut fx).await;
    let _ = std::fs::remove_dir_all(&fx.root);
    expect.assert_eq(&out);
}

const PROJECT: &str = r#"//- /main.thrift
include "shared.thrift"
struct User {
  1: shared.I$0d id
  2: shared.Color color = shared.Color.RED
}
//- /shared.thrift
/** A user's id. */
typedef i64 Id
enum Color { RED, GREEN }
struct Other { 1: Id id }
"#;

#[tokio::test]
async fn definition_references_hover() {
    check(
        PROJECT,
        async |fx| {
            let def = fx.at_cursor("textDocument/definition", json!({})).await;
            let refs = fx
                .at_cursor(
                    "textDocument/references",
                    json!({"context": {"includeDeclaration": true}}),
                )
                .await;
            let hover = fx.at_cursor("textDocument/hover", json!({})).await;
            format!(
                "definition: {}\nreferences: {}\nhover: {}",
                fx.show(&def),
                refs.as_array()
                    .unwrap()
                    .iter()
                    .map(|l| fx.show(l))
                    .collect::<Vec<_>>()
                    .join(", "),
                hover["contents"]["value"].as_str().unwrap()
            )
        },
        expect![[r#"
            definition: shared.thrift:1:12
            references: shared.thrift:1:12, main.thrift:2:12, shared.thrift:3:18
            hover: ```thrift
            typedef i64 Id
            ```

            A user's id.

            *defined in* `shared.thrift`"#]],
    )
    .await;
}

/// fbthrift's `@cpp.Type` lands in the annotation library, found through
/// the config's `include_dirs`; its field and a struct literal's struct too.
#[tokio::test]
async fn definition_of_an_annotation_in_an_include_dir() {
    let disk = vec![
        (
            "thrift-tools.toml".to_string(),
            "include_dirs = [\"third_party\"]\n".to_string(),
        ),
        (
            "third_party/thrift/annotation/cpp.thrift".to_string(),
            "package \"facebook.com/thrift/annotation/cpp\"\n\nstruct Type {\n  1: string name;\n}\n"
                .to_string(),
        ),
    ];
    let main = "include \"thrift/annotation/cpp.thrift\"\n\n@cpp.Ty$0pe{name = \"std::unordered_map\"}\ntypedef map<i32, i32> M\nstruct P { 1: i32 x; }\nconst P ORIGIN = P{x = 0}\n";
    let mut fx = Fixture::with_disk_files(&format!("//- /idl/main.thrift\n{main}"), disk).await;
    let text = main.replace("$0", "");
    let mut out = Vec::new();
    let def = fx.at_cursor("textDocument/definition", json!({})).await;
    out.push(format!("@cpp.Type: {}", fx.show(&def)));
    for (label, needle, delta) in [("name", "name =", 0), ("P{", "P{x", 0), ("x", "x = 0", 0)] {
        let position = position_of(&text, text.find(needle).unwrap() + delta);
        let uri = fx.uris[0].clone();
        let def = fx
            .request(
                "textDocument/definition",
                json!({"textDocument": {"uri": uri}, "position": position}),
            )
            .await;
        out.push(format!("{label}: {}", fx.show(&def)));
    }
    let refs = fx
        .at_cursor(
            "textDocument/references",
            json!({"context": {"includeDeclaration": true}}),
        )
        .await;
    out.push(format!(
        "references: {}",
        refs.as_array()
            .unwrap()
            .iter()
            .map(|l| fx.show(l))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    let _ = std::fs::remove_dir_all(&fx.root);
    expect![[r#"
        @cpp.Type: third_party/thrift/annotation/cpp.thrift:2:7
        name: third_party/thrift/annotation/cpp.thrift:3:12
        P{: idl/main.thrift:4:7
        x: idl/main.thrift:4:18
        references: third_party/thrift/annotation/cpp.thrift:2:7, idl/main.thrift:2:5"#]]
    .assert_eq(&out.join("\n"));
}

#[tokio::test]
async fn rename_edits_every_file() {
    check(
        PROJECT,
        async |fx| {
            let edit = fx
                .at_cursor("textDocument/rename", json!({"newName": "UserId"}))
                .await;
            let mut lines: Vec<String> = edit["changes"]
                .as_object()
                .unwrap()
                .iter()
                .flat_map(|(uri, edits)| {
                    let location = |e: &Value| fx.show(&json!({"uri": uri, "range": e["range"]}));
                    edits
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(move |e| {
                            format!("{} -> {}", location(e), e["newText"].as_str().unwrap())
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
            lines.sort();
            let bad = fx
                .at_cursor("textDocument/rename", json!({"newName": "struct"}))
                .await;
            format!("{}\ninvalid: {}", lines.join("\n"), bad["error"])
        },
        expect![[r#"
            main.thrift:2:12 -> UserId
            shared.thrift:1:12 -> UserId
            shared.thrift:3:18 -> UserId
            invalid: "`struct` is not a valid Thrift name""#]],
    )
    .await;
}

/// Issue 14, defect 2: an enum value is a symbol of its own. Renaming
/// `GREEN` in `Color.GREEN` renames the value (its definition and its
/// use), never the enum; prepareRename answers there; references at the
/// value's definition list its uses; definition goes to the value.
#[tokio::test]
async fn enum_values_rename_and_references() {
    const REPRO: &str =
        "//- /main.thrift\nenum Color { RED = 1, GREEN }\nconst Color C = Color.GR$0EEN\n";
    check(
        REPRO,
        async |fx| {
            let prepared = fx.at_cursor("textDocument/prepareRename", json!({})).await;
            let edit = fx
                .at_cursor("textDocument/rename", json!({"newName": "LIME"}))
                .await;
            let mut lines: Vec<String> = edit["changes"]
                .as_object()
                .unwrap()
                .iter()
                .flat_map(|(uri, edits)| {
                    let location = |e: &Value| fx.show(&json!({"uri": uri, "range": e["range"]}));
                    edits
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(move |e| {
                            format!("{} -> {}", location(e), e["newText"].as_str().unwrap())
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
            lines.sort();
            let definition = fx.at_cursor("textDocument/definition", json!({})).await;
            // At the definition `GREEN }`.
            let text = "enum Color { RED = 1, GREEN }\n";
            let at_def = position_of(text, text.find("GREEN").unwrap());
            let uri = fx.uris[0].clone();
            let refs = fx
                .request(
                    "textDocument/references",
                    json!({"textDocument": {"uri": uri}, "position": at_def, "context": {"includeDeclaration": false}}),
                )
                .await;
            let renamed_at_def = fx
                .request(
                    "textDocument/rename",
                    json!({"textDocument": {"uri": uri}, "position": at_def, "newName": "LIME"}),
                )
                .await;
            format!(
                "prepareRename: {}\nrename:\n{}\ndefinition: {}\nreferences at the definition: {}\nrename at the definition: {} edits",
                prepared,
                lines.join("\n"),
                fx.show(&definition),
                refs.as_array()
                    .unwrap()
                    .iter()
                    .map(|l| format!("{} {}", fx.show(l), l["range"]["end"]))
                    .collect::<Vec<_>>()
                    .join(", "),
                renamed_at_def["changes"]
                    .as_object()
                    .map_or(0, |c| c.values().map(|e| e.as_array().unwrap().len()).sum::<usize>())
            )
        },
        expect![[r#"
            prepareRename: {"end":{"character":27,"line":1},"start":{"character":22,"line":1}}
            rename:
            main.thrift:0:22 -> LIME
            main.thrift:1:22 -> LIME
            definition: main.thrift:0:22
            references at the definition: main.thrift:1:22 {"character":27,"line":1}
            rename at the definition: 2 edits"#]],
    )
    .await;
}

#[tokio::test]
async fn completion_symbols_tokens_hints_actions() {
    check(
        "//- /main.thrift\nenum E { A, B }\nstruct S {\n  i32 a\n  1: i32 b\n}\nconst E X = E.$0\n",
        async |fx| {
            let completion = fx.at_cursor("textDocument/completion", json!({})).await;
            assert_eq!(completion["isIncomplete"], false);
            let labels: Vec<&str> = completion["items"].as_array().unwrap().iter().map(|c| c["label"].as_str().unwrap()).collect();
            let symbols = fx.request("textDocument/documentSymbol", json!({"textDocument": {"uri": fx.uris[0]}})).await;
            let names: Vec<&str> = symbols.as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
            let tokens = fx.request("textDocument/semanticTokens/full", json!({"textDocument": {"uri": fx.uris[0]}})).await;
            let hints = fx
                .request(
                    "textDocument/inlayHint",
                    json!({"textDocument": {"uri": fx.uris[0]}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 9, "character": 0}}}),
                )
                .await;
            let hint_labels: Vec<&str> = hints.as_array().unwrap().iter().map(|h| h["label"].as_str().unwrap()).collect();
            let actions = fx
                .request(
                    "textDocument/codeAction",
                    json!({"textDocument": {"uri": fx.uris[0]}, "range": {"start": {"line": 2, "character": 6}, "end": {"line": 2, "character": 7}}, "context": {"diagnostics": []}}),
                )
                .await;
            let titles: Vec<&str> = actions.as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
            format!(
                "completion: {labels:?}\nsymbols: {names:?}\nsemantic token ints: {}\nhints: {hint_labels:?}\nactions: {titles:?}",
                tokens["data"].as_array().unwrap().len()
            )
        },
        expect![[r#"
            completion: ["A", "B"]
            symbols: ["E", "S", "X"]
            semantic token ints: 70
            hints: [" = 0", " = 1", "-1:"]
            actions: ["Assign the next free field id, 2", "Allow T1032 (missing-field-id) on this line", "Make all field ids explicit (the ids the compiler assigns today)"]"#]],
    )
    .await;
}

/// Rapid edits: the diagnostics that arrive are for the latest version, and
/// match its text.
#[tokio::test]
async fn rapid_edits_end_with_the_latest_diagnostics() {
    let mut fx = Fixture::new("//- /main.thrift\nstruct A {}\n").await;
    let uri = fx.uris[0].clone();
    for version in 2..=30 {
        let text = if version % 2 == 0 {
            "struct A { 1: Missing x }\n"
        } else {
            "struct A {}\n"
        };
        fx.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        )
        .await;
    }
    // Version 30 is even: one unresolved type.
    let diagnostics = fx.diagnostics(30).await;
    assert_eq!(diagnostics.as_array().unwrap().len(), 1, "{diagnostics}");
    assert_eq!(diagnostics[0]["code"], "T1010");
    // A request for a position past the end does not fail.
    let hover = fx
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": 999, "character": 999}}),
        )
        .await;
    assert_eq!(hover, Value::Null);
    let _ = std::fs::remove_dir_all(&fx.root);
}

#[tokio::test]
async fn quick_fix_adds_a_missing_include() {
    check(
        "//- /api/main.thrift\nstruct S {\n  1: com$0mon.Id id\n}\n//- /lib/common.thrift\ntypedef i64 Id\n",
        async |fx| {
            let actions = fx
                .request(
                    "textDocument/codeAction",
                    json!({"textDocument": {"uri": fx.uris[0]}, "range": {"start": fx.cursor, "end": fx.cursor}, "context": {"diagnostics": []}}),
                )
                .await;
            actions
                .as_array()
                .unwrap()
                .iter()
                .map(|action| {
                    let edit = action["edit"]["changes"].as_object().unwrap().values().next().unwrap()[0].clone();
                    format!("{}: {:?}", action["title"].as_str().unwrap(), edit["newText"].as_str().unwrap())
                })
                .collect::<Vec<_>>()
                .join("\n")
        },
        expect![[r#"
            Allow T1011 (unknown-include-prefix) on this line: "  // thrift-lint: allow(unknown-include-prefix)\n"
            Add `include "../lib/common.thrift"`: "include \"../lib/common.thrift\"\n""#]],
    )
    .await;
}

fn git(root: &std::path::Path, args: &[&str]) {
    let status = std::process::Command::new("git")
        .current_dir(root)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

/// `[breaking] against` in the config: breaking changes against the git
/// ref show as warnings while editing; an unknown ref is logged once.
#[tokio::test]
async fn breaking_changes_against_a_git_ref() {
    let mut fx = Fixture::new(
        "//- /api/main.thrift\nstruct User {\n  1: i64 id\n  2: string name\n}\nenum Color { RED = 1, GREEN = 2 }\n//- /thrift-tools.toml\n[breaking]\nagainst = \"HEAD\"\n",
    )
    .await;
    let root = fx.root.clone();
    git(&root, &["init", "-q"]);
    git(&root, &["add", "."]);
    git(&root, &["commit", "-q", "-m", "v1"]);
    let uri = fx.uris[0].clone();
    let edit = async |fx: &mut Fixture, version: i64, text: &str| {
        fx.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        )
        .await;
        let diagnostics = fx.diagnostics(version).await;
        diagnostics
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                format!(
                    "{}:{} {} {} [{}] {}",
                    d["range"]["start"]["line"],
                    d["range"]["start"]["character"],
                    d["severity"],
                    d["code"].as_str().unwrap_or(""),
                    d["source"].as_str().unwrap_or(""),
                    d["message"].as_str().unwrap_or("")
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let broken = edit(
        &mut fx,
        2,
        "struct User {\n  1: i64 id\n}\nenum Color { RED = 1, GREEN = 3 }\n",
    )
    .await;
    expect![[r#"
        0:7 2 FIELD_NO_DELETE [thrift-breaking (against HEAD)] field 2 `name` was deleted from struct `User` (was at api/main.thrift:3:3 in HEAD)
        3:22 2 ENUM_VALUE_SAME_NUMBER [thrift-breaking (against HEAD)] enum value `Color.GREEN` changed number from 2 to 3 (was at api/main.thrift:5:23 in HEAD)"#]]
    .assert_eq(&broken);
    // Safe: an optional field added.
    let safe = edit(
        &mut fx,
        3,
        "struct User {\n  1: i64 id\n  2: string name\n  3: optional string email\n}\nenum Color { RED = 1, GREEN = 2 }\n",
    )
    .await;
    assert_eq!(safe, "");
    // Half typed: a string left open. Only the syntax errors are shown,
    // not a comparison of the half-read file (a changed default here).
    let typing = edit(
        &mut fx,
        30,
        "struct User {\n  1: i64 id = \"\n  2: string name\n}\nenum Color { RED = 1, GREEN = 2 }\n",
    )
    .await;
    expect![[r#"
        1:14 1 T0001 [thrift] unterminated string literal: a string must end on the line where it starts
        1:14 1 T1060 [thrift] the default of `id` has type i64, but the value is a string"#]].assert_eq(&typing);
    // The ref moves: a new commit is the new base (once the server asks
    // git again: the commit a ref names is trusted for 2 s).
    std::fs::write(
        root.join("api/main.thrift"),
        "struct User {\n  1: i64 id\n}\nenum Color { RED = 1, GREEN = 2 }\n",
    )
    .unwrap();
    git(&root, &["commit", "-q", "-am", "v2"]);
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    let after = edit(
        &mut fx,
        4,
        "struct User {\n  1: i64 id\n}\nenum Color { RED = 1, GREEN = 2 }\n",
    )
    .await;
    assert_eq!(after, "");
    // The version at the ref does not read (a string left open): nothing
    // is compared, so no field shows as deleted (the reason is logged).
    std::fs::write(
        root.join("api/main.thrift"),
        "struct User {\n  1: i64 id = \"\n  2: string name\n}\n",
    )
    .unwrap();
    git(&root, &["commit", "-q", "-am", "v3"]);
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    let old_unread = edit(&mut fx, 5, "struct User {\n  1: i64 id\n}\n").await;
    assert_eq!(old_unread, "");
    let _ = std::fs::remove_dir_all(&root);
}

/// Declaration, type definition, document highlight, and the diagnostics'
/// links to the catalogue.
#[tokio::test]
async fn declaration_type_definition_highlight() {
    check(
        "//- /main.thrift\ninclude \"shared.thrift\"\nstruct User {\n  1: list<shared.Id> i$0ds\n  2: Missing m\n}\nconst User NOBODY = {}\n//- /shared.thrift\ntypedef i64 Id\n",
        async |fx| {
            let diagnostics = fx.diagnostics(1).await;
            let type_definition = fx.at_cursor("textDocument/typeDefinition", json!({})).await;
            let uri = fx.uris[0].clone();
            let declaration = fx
                .request(
                    "textDocument/declaration",
                    json!({"textDocument": {"uri": uri}, "position": {"line": 2, "character": 18}}),
                )
                .await;
            let highlights = fx
                .request(
                    "textDocument/documentHighlight",
                    json!({"textDocument": {"uri": uri}, "position": {"line": 1, "character": 8}}),
                )
                .await;
            let highlights: Vec<String> = highlights
                .as_array()
                .unwrap()
                .iter()
                .map(|h| format!("{}:{} kind {}", h["range"]["start"]["line"], h["range"]["start"]["character"], h["kind"]))
                .collect();
            format!(
                "declaration: {}\ntype definition: {}\nhighlights: {highlights:?}\ncode link: {}",
                fx.show(&declaration),
                fx.show(&type_definition),
                diagnostics[0]["codeDescription"]["href"]
            )
        },
        expect![[r#"
            declaration: shared.thrift:0:12
            type definition: shared.thrift:0:12
            highlights: ["1:7 kind 3", "5:6 kind 2"]
            code link: "https://github.com/thrift-tools/thrift-tools/blob/main/docs/diagnostics.md#t1010-unresolved-type""#]],
    )
    .await;
}

/// A type from a workspace file not included yet comes with
/// `additionalTextEdits` adding the include; include paths replace what is
/// typed in the quotes.
#[tokio::test]
async fn completion_adds_the_include_of_a_workspace_type() {
    check(
        "//- /main.thrift\ninclude \"shared.thrift\"\nstruct A {\n  1: i32 a\n  Acc$0\n}\n//- /shared.thrift\ntypedef i64 Id\n//- /sub/other.thrift\nstruct Account {}\n",
        async |fx| {
            let completion = fx.at_cursor("textDocument/completion", json!({})).await;
            // Types of files not included: the list grows as more is typed.
            assert_eq!(completion["isIncomplete"], true);
            let items = completion["items"].as_array().unwrap();
            let labels: Vec<&str> = items.iter().map(|c| c["label"].as_str().unwrap()).collect();
            let account = items.iter().find(|c| c["label"] == "other.Account").unwrap();
            let uri = fx.uris[0].clone();
            fx.notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": "include \"\n"}]}),
            )
            .await;
            let paths = fx
                .request(
                    "textDocument/completion",
                    json!({"textDocument": {"uri": fx.uris[0]}, "position": {"line": 0, "character": 9}}),
                )
                .await;
            format!(
                "labels: {labels:?}\nother.Account: {}\ninclude paths: {}",
                json!({"additionalTextEdits": account["additionalTextEdits"], "detail": account["detail"]}),
                json!(paths["items"].as_array().unwrap().iter().map(|c| json!([c["label"], c["textEdit"]])).collect::<Vec<_>>()),
            )
        },
        expect![[r#"
            labels: ["2: ", "required", "optional", "A", "shared", "bool", "byte", "i8", "i16", "i32", "i64", "double", "string", "binary", "uuid", "map", "set", "list", "other.Account"]
            other.Account: {"additionalTextEdits":[{"newText":"include \"sub/other.thrift\"\n","range":{"end":{"character":0,"line":1},"start":{"character":0,"line":1}}}],"detail":"struct (adds `include \"sub/other.thrift\"`)"}
            include paths: [["shared.thrift",{"newText":"shared.thrift","range":{"end":{"character":9,"line":0},"start":{"character":9,"line":0}}}],["sub/other.thrift",{"newText":"sub/other.thrift","range":{"end":{"character":9,"line":0},"start":{"character":9,"line":0}}}]]"#]],
    )
    .await;
}

/// A request answered from a snapshot fails with `ContentModified` when an
/// edit arrives while it runs (the client asks again); `$/cancelRequest`
/// cancels one (`RequestCancelled`); the server answers afterwards.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn edits_and_cancel_requests_cancel_running_requests() {
    use tower_lsp_server::jsonrpc::ErrorCode;
    // Enough workspace that `workspace/symbol` takes a while (60,000
    // matches, of which it returns the best 1,000).
    let disk: Vec<(String, String)> = (0..1500)
        .map(|i| {
            let text: String = (0..40).map(|j| format!("struct S{i}x{j} {{}}\n")).collect();
            (format!("gen/f{i}.thrift"), text)
        })
        .collect();
    let mut fx = Fixture::with_disk_files("//- /main.thrift\nstruct A {}\n", disk).await;
    let uri = fx.uris[0].clone();
    let start = |fx: &mut Fixture, id: i64| {
        let request = Request::build("workspace/symbol")
            .params(json!({"query": "s"}))
            .id(id)
            .finish();
        let call = fx.service.call(request);
        tokio::spawn(call)
    };
    let error_code = |response: Option<Response>| -> Option<ErrorCode> {
        response.unwrap().into_parts().1.err().map(|e| e.code)
    };

    // An edit while the request runs. (If the machine answers before the
    // edit lands, try again: the answer must then be a full one.)
    let mut modified = false;
    let mut last = 1;
    for version in 2..12 {
        last = version;
        fx.service.ready().await.unwrap();
        let running = start(&mut fx, 1000 + version);
        tokio::time::sleep(std::time::Duration::from_millis(2)).await;
        fx.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": format!("struct A{version} {{}}\n")}]}),
        )
        .await;
        match running.await.unwrap().unwrap() {
            None => panic!("no response"),
            Some(r) => match r.into_parts().1 {
                Err(e) => {
                    assert_eq!(e.code, ErrorCode::ContentModified, "{e:?}");
                    modified = true;
                    break;
                }
                Ok(v) => assert_eq!(v.as_array().map(Vec::len), Some(1000)),
            },
        }
    }
    assert!(modified, "no request was cancelled by an edit");

    // $/cancelRequest.
    fx.service.ready().await.unwrap();
    let running = start(&mut fx, 2000);
    tokio::time::sleep(std::time::Duration::from_millis(2)).await;
    fx.notify("$/cancelRequest", json!({"id": 2000})).await;
    assert_eq!(
        error_code(running.await.unwrap().unwrap()),
        Some(ErrorCode::RequestCancelled)
    );

    // And the next request is answered, from the latest text.
    let symbols = fx.request("workspace/symbol", json!({"query": "s"})).await;
    assert_eq!(symbols.as_array().map(Vec::len), Some(1000));
    let symbols = fx
        .request("workspace/symbol", json!({"query": format!("a{last}")}))
        .await;
    assert_eq!(symbols[0]["name"], format!("A{last}"), "{symbols}");
    let _ = std::fs::remove_dir_all(&fx.root);
}

/// A client that pulls diagnostics gets `diagnosticProvider`, pulls the
/// same diagnostics (a file's depend on its includes), is asked to pull
/// again after a change on disk, and is pushed nothing.
#[tokio::test]
async fn pull_diagnostics_for_clients_that_support_them() {
    let capabilities = json!({
        "textDocument": {"diagnostic": {"dynamicRegistration": false}},
        "workspace": {"diagnostics": {"refreshSupport": true}}
    });
    let mut fx = Fixture::build(
        "//- /main.thrift\ninclude \"types.thrift\"\nstruct A { 1: types.Id id, 2: Missing m }\n//- /types.thrift\ntypedef i64 Id\n",
        Vec::new(),
        capabilities,
    )
    .await;
    assert_eq!(
        fx.server_capabilities["diagnosticProvider"],
        json!({"identifier": "thrift", "interFileDependencies": true, "workspaceDiagnostics": false})
    );
    let (main, types) = (fx.uris[0].clone(), fx.uris[1].clone());
    let pull = async |fx: &mut Fixture, uri: &str| -> Vec<String> {
        let report = fx
            .request(
                "textDocument/diagnostic",
                json!({"textDocument": {"uri": uri}}),
            )
            .await;
        assert_eq!(report["kind"], "full", "{report}");
        report["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                format!(
                    "{}:{} {}",
                    d["range"]["start"]["line"],
                    d["code"].as_str().unwrap(),
                    d["message"].as_str().unwrap()
                )
            })
            .collect()
    };
    assert_eq!(
        pull(&mut fx, &main).await,
        ["1:T1010 type `Missing` is not defined"]
    );
    assert_eq!(pull(&mut fx, &types).await, Vec::<String>::new());
    // An edit of the included file shows in the including file's pull.
    fx.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": types, "version": 2}, "contentChanges": [{"text": "typedef i64 Other\n"}]}),
    )
    .await;
    let after = pull(&mut fx, &main).await;
    assert_eq!(
        after,
        [
            "1:T1010 type `types.Id` is not defined",
            "1:T1010 type `Missing` is not defined"
        ]
    );
    // A change on disk: the client is asked to pull again.
    std::fs::write(fx.root.join("other.thrift"), "struct O {}\n").unwrap();
    fx.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": format!("file://{}/other.thrift", fx.root.display()), "type": 1}]}),
    )
    .await;
    let mut refresh = false;
    let mut pushed = Vec::new();
    while let Ok(Some(n)) = tokio::time::timeout(
        std::time::Duration::from_millis(500),
        fx.notifications.recv(),
    )
    .await
    {
        if n["method"] == "workspace/diagnostic/refresh" {
            refresh = true;
        }
        if n["method"] == "textDocument/publishDiagnostics" {
            pushed.push(n);
        }
    }
    assert!(refresh, "no workspace/diagnostic/refresh");
    assert!(pushed.is_empty(), "pushed to a pulling client: {pushed:?}");
    let _ = std::fs::remove_dir_all(&fx.root);
}

/// `\n`, `\r\n` and a lone `\r` all end a line: in positions, in
/// incremental changes and in semantic tokens (issue 14, defect 10).
#[tokio::test]
async fn a_lone_carriage_return_is_a_line_break() {
    let mut fx = Fixture::new("//- /main.thrift\nstruct A {}\n").await;
    let uri = fx.uris[0].clone();
    fx.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": "struct A {}\rstruct B {}\r\n/* x\ry */ struct C {}"}]}),
    )
    .await;
    let symbols = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| {
                let p = &s["selectionRange"]["start"];
                format!(
                    "{}@{}:{}",
                    s["name"].as_str().unwrap(),
                    p["line"],
                    p["character"]
                )
            })
            .collect()
    };
    let found = fx
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri}}),
        )
        .await;
    assert_eq!(symbols(&found), ["A@0:7", "B@1:7", "C@3:12"]);
    // An edit on line 1 lands after the lone `\r`.
    fx.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"range": {"start": {"line": 1, "character": 7}, "end": {"line": 1, "character": 8}}, "text": "Bee"}]}),
    )
    .await;
    let found = fx
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri}}),
        )
        .await;
    assert_eq!(symbols(&found), ["A@0:7", "Bee@1:7", "C@3:12"]);
    // The comment over lines 2 and 3 is one token per line.
    let tokens = fx
        .request(
            "textDocument/semanticTokens/full",
            json!({"textDocument": {"uri": uri}}),
        )
        .await;
    let data: Vec<u64> = tokens["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    let mut line = 0;
    let mut comment = Vec::new();
    for t in data.chunks(5) {
        line += t[0];
        if t[3] == 12 {
            comment.push((line, t[1], t[2]));
        }
    }
    assert!(
        comment.contains(&(2, 0, 4)) && comment.contains(&(3, 0, 4)),
        "{data:?}"
    );
    let _ = std::fs::remove_dir_all(&fx.root);
}

/// Every request that takes a position answers at every UTF-16 position
/// of a text with multi-byte and surrogate-pair characters (also inside a
/// pair and past the end of a line), never with an internal error (issue
/// 14, defect 1).
#[tokio::test]
async fn every_position_in_multibyte_text_is_answered() {
    let text = "// é 中文 😀\ninclude \"b.thrift\"\n/** ü😀 */\nenum Ä { A = 1 }\nstruct S😀 { 1: i32 é = 1 // 😀\n  2: b.T t = {\"ß\": 1}\n}\nconst i32 X = 中\nservice V { void f(1: S😀 s) }\n";
    let mut fx = Fixture::new(&format!(
        "//- /main.thrift\n{text}//- /b.thrift\nstruct T {{ 1: i32 ü }}\n"
    ))
    .await;
    let uri = fx.uris[0].clone();
    let methods = [
        "textDocument/completion",
        "textDocument/hover",
        "textDocument/definition",
        "textDocument/typeDefinition",
        "textDocument/declaration",
        "textDocument/references",
        "textDocument/documentHighlight",
        "textDocument/prepareRename",
        "textDocument/rename",
        "textDocument/selectionRange",
    ];
    for (line, content) in text.lines().enumerate() {
        let width: usize = content.chars().map(char::len_utf16).sum();
        for character in 0..=width + 1 {
            let position = json!({"line": line, "character": character});
            for method in methods {
                let params = match method {
                    "textDocument/selectionRange" => {
                        json!({"textDocument": {"uri": uri}, "positions": [position]})
                    }
                    "textDocument/references" => json!({
                        "textDocument": {"uri": uri},
                        "position": position,
                        "context": {"includeDeclaration": true},
                    }),
                    _ => json!({
                        "textDocument": {"uri": uri},
                        "position": position,
                        "newName": "Renamed",
                    }),
                };
                let answer = fx.request(method, params).await;
                let error = answer.get("error").and_then(Value::as_str).unwrap_or("");
                // Rename may refuse (nothing to rename there), never fail.
                let failed = if method == "textDocument/rename" {
                    error.contains("internal error")
                } else {
                    !error.is_empty()
                };
                assert!(!failed, "{method} at {position}: {answer}");
            }
        }
    }
    let _ = std::fs::remove_dir_all(&fx.root);
}

/// Settings apply at once, without a restart: include directories (the
/// includes resolve again), the dialect (every file is read again) and
/// inlay hints, from `workspace/didChangeConfiguration` (issue 14, defect
/// 11).
#[tokio::test]
async fn settings_apply_without_a_restart() {
    let mut fx = Fixture::with_disk_files(
        "//- /main.thrift\npackage \"example.com/x\"\ninclude \"lib.thrift\"\nenum E { A, B }\nstruct S {\n  1: lib.L l\n}\n",
        vec![("inc/lib.thrift".into(), "struct L {}\n".into())],
    )
    .await;
    let codes = |d: &Value| -> Vec<String> {
        d.as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap_or("").to_string())
            .collect()
    };
    let mut out = Vec::new();
    let d = fx.diagnostics(1).await;
    out.push(format!("at start: {:?}", codes(&d)));
    for settings in [
        json!({"thrift": {"includeDirs": ["inc"], "inlayHints": {"enumValues": false}}}),
        json!({"includeDirs": ["inc"], "dialect": "apache"}),
        json!({"includeDirs": []}),
    ] {
        // What is in flight from before goes first.
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        while fx.notifications.try_recv().is_ok() {}
        fx.notify(
            "workspace/didChangeConfiguration",
            json!({ "settings": settings }),
        )
        .await;
        let d = fx.diagnostics(1).await;
        let hints = fx
            .request(
                "textDocument/inlayHint",
                json!({"textDocument": {"uri": fx.uris[0]}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 9, "character": 0}}}),
            )
            .await;
        let labels: Vec<&str> = hints
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["label"].as_str().unwrap())
            .collect();
        out.push(format!("{settings}: {:?}, hints {labels:?}", codes(&d)));
    }
    let _ = std::fs::remove_dir_all(&fx.root);
    expect![[r#"
        at start: ["T1001"]
        {"thrift":{"includeDirs":["inc"],"inlayHints":{"enumValues":false}}}: [], hints []
        {"dialect":"apache","includeDirs":["inc"]}: ["T0001"], hints [" = 0", " = 1"]
        {"includeDirs":[]}: ["T1001"], hints [" = 0", " = 1"]"#]]
    .assert_eq(&out.join("\n"));
}

/// `$/cancelRequest` reaches the work as soon as it is read, even when
/// tower-lsp-server's queue does not move on (its cancel, a message of its
/// own, waits there behind the output): the cancel's future is never
/// polled here, yet the slow request stops and answers RequestCancelled
/// (issue 14, defect 4).
#[tokio::test]
async fn cancel_reaches_the_work_before_the_queue() {
    let root = std::env::temp_dir().join(format!("thrift-ls-cancel-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).unwrap();
    let mut big = String::from("const list<i32> X = [");
    for i in 0..400_000 {
        big.push_str(&format!("{i}, "));
    }
    big.push_str("0]\n");
    let big_uri = format!("file://{}/big.thrift", root.display());
    let (service, socket) = thrift_lsp::service();
    let mut service = thrift_lsp::CancelEarly::new(service);
    tokio::spawn(socket.for_each(|_| async {}));
    let initialize = Request::build("initialize")
        .params(json!({"processId": null, "capabilities": {}}))
        .id(1)
        .finish();
    service
        .ready()
        .await
        .unwrap()
        .call(initialize)
        .await
        .unwrap();
    let open = Request::build("textDocument/didOpen")
        .params(json!({"textDocument": {"uri": big_uri, "languageId": "thrift", "version": 1, "text": big}}))
        .finish();
    service.ready().await.unwrap().call(open).await.unwrap();
    let tokens = Request::build("textDocument/semanticTokens/full")
        .params(json!({"textDocument": {"uri": big_uri}}))
        .id(2)
        .finish();
    let slow = tokio::spawn(service.ready().await.unwrap().call(tokens));
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    let cancel = Request::build("$/cancelRequest")
        .params(json!({"id": 2}))
        .finish();
    // Called, never polled.
    let _unpolled = service.ready().await.unwrap().call(cancel);
    let response = slow.await.unwrap().unwrap().unwrap();
    let (_, result) = response.into_parts();
    let Err(error) = result else {
        panic!("the cancelled request answered in full");
    };
    assert_eq!(
        error.code,
        tower_lsp_server::jsonrpc::ErrorCode::RequestCancelled
    );
    let _ = std::fs::remove_dir_all(&root);
}

/// A `thrift-tools.toml` written on disk applies to the open files at once:
/// its dialect reads every file again (parsed off the lock), its include
/// directories resolve the includes again.
#[tokio::test]
async fn a_config_changed_on_disk_applies_at_once() {
    let mut fx = Fixture::with_disk_files(
        "//- /main.thrift\npackage \"example.com/x\"\ninclude \"lib.thrift\"\nstruct S {\n  1: lib.L l\n}\n",
        vec![("inc/lib.thrift".into(), "struct L {}\n".into())],
    )
    .await;
    let codes = |d: &Value| -> Vec<String> {
        d.as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap_or("").to_string())
            .collect()
    };
    assert_eq!(codes(&fx.diagnostics(1).await), ["T1001"]);
    let mut out = Vec::new();
    for config in [
        "include_dirs = [\"inc\"]\n",
        "include_dirs = [\"inc\"]\ndialect = \"apache\"\n",
        // Not silent: an error at the top of the file, the defaults apply
        // (so `inc` is not searched any more).
        "include_dirs = [\"inc\"]\n[breaking]\ncategory = \"WIRES\"\n",
    ] {
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        while fx.notifications.try_recv().is_ok() {}
        std::fs::write(fx.root.join("thrift-tools.toml"), config).unwrap();
        fx.notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": format!("file://{}/thrift-tools.toml", fx.root.display()), "type": 1}]}),
        )
        .await;
        out.push(format!("{config:?}: {:?}", codes(&fx.diagnostics(1).await)));
    }
    let _ = std::fs::remove_dir_all(&fx.root);
    expect![[r#"
        "include_dirs = [\"inc\"]\n": []
        "include_dirs = [\"inc\"]\ndialect = \"apache\"\n": ["T0001"]
        "include_dirs = [\"inc\"]\n[breaking]\ncategory = \"WIRES\"\n": ["config", "T1001"]"#]]
    .assert_eq(&out.join("\n"));
}

/// An error in an included file that is not open: the includer gets T1006
/// at its `include`, with the error's place in the other file as related
/// information; fixing the included file clears it.
#[tokio::test]
async fn error_in_an_included_file_is_related_information() {
    let mut fx = Fixture::with_disk_files(
        "//- /main.thrift\ninclude \"shared.thrift\"\nstruct U { 1: shared.Id id }\n",
        vec![(
            "shared.thrift".to_string(),
            "typedef i64 Id\nconst i32 TIMEOUT = \"30s\"\n".to_string(),
        )],
    )
    .await;
    let shared_uri = format!("file://{}", fx.root.join("shared.thrift").display());
    let diagnostics = loop {
        let d = fx.diagnostics(1).await;
        if d.as_array().unwrap().iter().any(|d| d["code"] == "T1006") {
            break d;
        }
    };
    let d = &diagnostics[0];
    assert_eq!(d["code"], "T1006", "{diagnostics}");
    assert_eq!(d["severity"], 1);
    let related = &d["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], shared_uri.as_str(), "{d}");
    assert_eq!(related["location"]["range"]["start"]["line"], 1);
    assert!(
        related["message"].as_str().unwrap().contains("T1060"),
        "{related}"
    );
    // The included file is opened and fixed: the includer is clean again.
    fx.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": shared_uri, "languageId": "thrift", "version": 1, "text": "typedef i64 Id\nconst i32 TIMEOUT = 30\n"}}),
    )
    .await;
    loop {
        let d = fx.diagnostics(1).await;
        if d.as_array().unwrap().is_empty() {
            break;
        }
    }
    let _ = std::fs::remove_dir_all(&fx.root);
}

#[tokio::test]
async fn document_symbols_are_capped() {
    // 4,000 structs of two fields: 12,000 symbols, more than one response
    // carries.
    let mut text = String::from("//- /main.thrift\n");
    for i in 0..4000 {
        text.push_str(&format!("struct S{i} {{ 1: i32 a, 2: i32 b }}\n"));
    }
    let mut fx = Fixture::new(&text).await;
    let uri = fx.uris[0].clone();
    let found = fx
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri}}),
        )
        .await;
    fn count(list: &Value) -> usize {
        list.as_array()
            .unwrap()
            .iter()
            .map(|s| 1 + count(&s["children"]))
            .sum()
    }
    assert_eq!(count(&found), thrift_lsp::MAX_DOCUMENT_SYMBOLS);
    // The first ones in document order, each parent with its children
    // until the budget runs out.
    let list = found.as_array().unwrap();
    assert_eq!(list[0]["name"], "S0");
    assert_eq!(list[0]["children"].as_array().unwrap().len(), 2);
    assert_eq!(list.len(), thrift_lsp::MAX_DOCUMENT_SYMBOLS.div_ceil(3));
    let _ = std::fs::remove_dir_all(&fx.root);
}

/// A file with more problems than an editor can list gets the first
/// `MAX_DIAGNOSTICS`, in document order, and one more that counts the rest
/// (with the worst severity among them).
#[tokio::test]
async fn diagnostics_are_capped() {
    let extra = 3;
    let mut text = String::from("//- /main.thrift\n");
    // Each `struct A {}` after the first is a duplicate definition (an
    // error); a warning (`required` in a union) comes last.
    for _ in 0..thrift_lsp::MAX_DIAGNOSTICS + extra {
        text.push_str("struct A {}\n");
    }
    text.push_str("union U { 1: required i32 y }\n");
    let mut fx = Fixture::new(&text).await;
    let found = fx.diagnostics(1).await;
    let list = found.as_array().unwrap();
    assert_eq!(list.len(), thrift_lsp::MAX_DIAGNOSTICS + 1);
    assert_eq!(list[0]["code"], "T1020", "{}", list[0]);
    assert_eq!(list[0]["range"]["start"]["line"], 1);
    let last = &list[thrift_lsp::MAX_DIAGNOSTICS];
    assert_eq!(last["code"], "too-many");
    assert_eq!(last["severity"], 1, "an error is among the hidden ones");
    // The first hidden one: the duplicate on line MAX_DIAGNOSTICS + 1.
    assert_eq!(
        last["range"]["start"]["line"],
        thrift_lsp::MAX_DIAGNOSTICS + 1
    );
    // Hidden: the last `extra - 1` duplicates and the union's warning.
    assert_eq!(
        last["message"],
        format!(
            "{} more problems from here on are not shown (at most {} per file); `thrift-lint check` lists them all",
            extra,
            thrift_lsp::MAX_DIAGNOSTICS
        )
    );
    let _ = std::fs::remove_dir_all(&fx.root);
}

/// Target-aware checks (docs/targets.md): the config's `[lint] targets`,
/// then the `targets`/`thriftVersion` settings over them, as you type; and
/// the quick fix that renames the name in every file.
#[tokio::test]
async fn target_checks_follow_the_config_and_the_settings() {
    let mut fx = Fixture::with_disk_files(
        "//- /api.thrift\nstruct inter$0face {\n  1: i32 next\n}\n//- /use.thrift\ninclude \"api.thrift\"\nstruct U {\n  1: api.interface i\n}\n",
        vec![(
            "thrift-tools.toml".into(),
            "[lint]\ntargets = [\"thriftpy2\"]\n".into(),
        )],
    )
    .await;
    let codes = |d: &Value| -> Vec<String> {
        d.as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap_or("").to_string())
            .collect()
    };
    let mut out = Vec::new();
    let d = fx.diagnostics(1).await;
    out.push(format!("config: {:?}", codes(&d)));
    let actions = fx
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": fx.uris[0]}, "range": {"start": fx.cursor, "end": fx.cursor}, "context": {"diagnostics": []}}),
        )
        .await;
    let rename = &actions[0];
    let mut edits: Vec<String> = rename["edit"]["changes"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(uri, edits)| {
            let file = uri.rsplit('/').next().unwrap().to_string();
            edits.as_array().unwrap().iter().map(move |e| {
                format!(
                    "{file}:{} -> {}",
                    e["range"]["start"]["line"],
                    e["newText"].as_str().unwrap()
                )
            })
        })
        .collect();
    edits.sort();
    out.push(format!(
        "{} (preferred: {}): {edits:?}",
        rename["title"].as_str().unwrap(),
        rename["isPreferred"]
    ));
    for settings in [
        json!({"thrift": {"targets": ["go"], "thriftVersion": "0.17"}}),
        json!({"targets": ["nope"]}),
        json!({"targets": [], "thriftVersion": null}),
    ] {
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        while fx.notifications.try_recv().is_ok() {}
        fx.notify(
            "workspace/didChangeConfiguration",
            json!({ "settings": settings }),
        )
        .await;
        let d = fx.diagnostics(1).await;
        out.push(format!("{settings}: {:?}", codes(&d)));
    }
    let _ = std::fs::remove_dir_all(&fx.root);
    expect![[r#"
        config: ["T2005", "T3001", "T2005", "T3001"]
        Rename `interface` to `interface_` (preferred: true): ["api.thrift:0 -> interface_", "use.thrift:2 -> interface_"]
        {"thrift":{"targets":["go"],"thriftVersion":"0.17"}}: ["T2005", "T3107", "T2005", "T3107"]
        {"targets":["nope"]}: ["T2005", "T3001", "T2005", "T3001"]
        {"targets":[],"thriftVersion":null}: ["T2005", "T3001", "T2005", "T3001"]"#]]
    .assert_eq(&out.join("\n"));
}
