//! End-to-end stress test of the real binary over stdio (issue 14): random
//! incremental edits with multi-byte and surrogate-pair text, in UTF-16 and
//! then UTF-8 position encoding, interleaved with requests of every kind at
//! random positions (inside surrogate pairs and past line ends included)
//! and random cancellations. The test keeps its own copy of every text and
//! checks, as the run goes and at its end, that:
//! - the server's text equals the client's (`thrift/syntaxTree` against the
//!   parser on the client's text; formatting edits applied to the client's
//!   text against `thrift_formatter`, i.e. what `thrift-fmt` prints);
//! - the diagnostics published for the latest versions equal what the
//!   semantic library (`thrift-lint check`) says of the client's texts;
//! - every request got exactly one response: a result, or an error among
//!   RequestCancelled, ContentModified and InvalidParams (a refused rename
//!   only); never InternalError.
//!
//! Fixed seed, bounded work, no timed assertions.

use std::{
    collections::{BTreeMap, HashMap},
    path::{Path, PathBuf},
    process::{Child, ChildStdin},
    sync::mpsc::Receiver,
    time::Duration,
};

#[path = "common/stdio.rs"]
mod framed;

use serde_json::{Value, json};
use thrift_semantic::{Database, FileId};

/// xorshift64*: small, deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Encoding {
    Utf16,
    Utf8,
}

impl Encoding {
    fn units(self, c: char) -> usize {
        match self {
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf8 => c.len_utf8(),
        }
    }
}

/// Byte offsets where lines start (`\n`, `\r\n` and a lone `\r` end a
/// line, as the LSP says).
fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => starts.push(i + 1),
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                starts.push(i + 2);
                i += 1;
            }
            b'\r' => starts.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    starts
}

/// The content of line `line` (without its line break).
fn line_text<'a>(text: &'a str, starts: &[usize], line: usize) -> &'a str {
    let start = starts[line];
    let end = starts.get(line + 1).copied().unwrap_or(text.len());
    text[start..end].trim_end_matches(['\n', '\r'])
}

/// The position of a byte offset (on a character boundary).
fn position(text: &str, offset: usize, enc: Encoding) -> Value {
    let starts = line_starts(text);
    let line = starts.partition_point(|&s| s <= offset) - 1;
    let character: usize = text[starts[line]..offset]
        .chars()
        .map(|c| enc.units(c))
        .sum();
    json!({"line": line, "character": character})
}

/// The byte offset of a position (one that a character boundary ends).
fn offset(text: &str, pos: &Value, enc: Encoding) -> usize {
    let starts = line_starts(text);
    let line = pos["line"].as_u64().unwrap() as usize;
    let mut units = pos["character"].as_u64().unwrap() as usize;
    if line >= starts.len() {
        return text.len();
    }
    let content = line_text(text, &starts, line);
    for (i, c) in content.char_indices() {
        if units == 0 {
            return starts[line] + i;
        }
        assert!(units >= enc.units(c), "a position inside a character");
        units -= enc.units(c);
    }
    starts[line] + content.len()
}

/// Applies LSP text edits (non-overlapping) to a text.
fn apply_edits(text: &str, edits: &[Value], enc: Encoding) -> String {
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(text, &e["range"]["start"], enc),
                offset(text, &e["range"]["end"], enc),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    spans.sort_by_key(|s| (s.0, s.1));
    let mut out = text.to_string();
    for (start, end, new) in spans.into_iter().rev() {
        out.replace_range(start..end, new);
    }
    out
}

fn debug_dump(text: &str) -> String {
    let parse = thrift_syntax::parse(text);
    format!(
        "// dialect: {}\n{}",
        parse.dialect().as_str(),
        parse.debug_dump()
    )
}

fn format_options() -> thrift_formatter::FormatOptions {
    thrift_formatter::FormatOptions {
        indent: 2,
        ..Default::default()
    }
}

const FILES: &[(&str, &str)] = &[
    (
        "a.thrift",
        "include \"b.thrift\"\n\n// Commentaire en français: é, à, ü.\n/** 中文注释 😀 */\nstruct User {\n  1: b.Id id\n  2: string name = \"Zoë 😀\"\n  3: b.Color color = b.Color.GREEN\n  4: optional list<b.Item> items\n}\n\nservice Users {\n  User get(1: b.Id id) throws (1: b.NotFound e)\n  void put(1: User user)\n}\n",
    ),
    (
        "b.thrift",
        "include \"c.thrift\"\n\n/** L'identifiant. */\ntypedef i64 Id\n\nenum Color {\n  RED = 1\n  GREEN\n  BLUE // 青\n}\n\nstruct Item {\n  1: c.Name name\n  2: i32 count = c.MAX\n}\n\nexception NotFound {\n  1: string message = \"😀 introuvable\"\n}\n",
    ),
    (
        "c.thrift",
        "// Ünïcödé 中 😀\ntypedef string Name\nconst i32 MAX = 10\nconst map<string, i32> TABLE = {\"é\": 1, \"中\": 2, \"😀\": 3}\n",
    ),
];

/// What is inserted by random edits.
const SNIPPETS: &[&str] = &[
    "é",
    "中",
    "😀",
    "é中😀",
    "\n",
    " ",
    "x",
    "Id",
    "b.Id",
    "b.Color.RED",
    "}",
    "{",
    "\"",
    "// 😀 commentaire\n",
    "/* 中 */",
    "struct Extra {\n  1: b.Id e😀\n}\n",
    "const string S = \"é😀中\"\n",
    "enum E { A, B }\n",
    "  5: i32 extra\n",
    "include \"c.thrift\"\n",
];

const METHODS: &[&str] = &[
    "textDocument/hover",
    "textDocument/definition",
    "textDocument/references",
    "textDocument/completion",
    "textDocument/documentSymbol",
    "textDocument/semanticTokens/full",
    "textDocument/foldingRange",
    "textDocument/inlayHint",
    "textDocument/formatting",
    "textDocument/rename",
    "textDocument/prepareRename",
    "textDocument/documentHighlight",
    "textDocument/selectionRange",
    "textDocument/codeAction",
    "workspace/symbol",
    "thrift/syntaxTree",
];

/// What a request's answer is checked against.
enum Expect {
    Nothing,
    /// Formatting: the client's text then, and what the formatter makes
    /// of it (`None`: it does not parse, the server answers null).
    Format(String, Option<String>),
    /// `thrift/syntaxTree`: the parser's dump of the client's text then.
    Tree(String),
}

struct Pending {
    method: &'static str,
    expect: Expect,
    encoding: Encoding,
}

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
    pending: HashMap<i64, Pending>,
    /// Responses per id (exactly one each, checked at the end).
    answers: HashMap<i64, usize>,
    /// The latest diagnostics published per uri: (version, diagnostics).
    published: HashMap<String, (i64, Value)>,
    encoding: Encoding,
    checked_formats: usize,
    checked_trees: usize,
    /// Error responses per code (all of an allowed kind).
    errors: BTreeMap<i64, usize>,
}

impl Client {
    fn start(encoding: Encoding) -> Client {
        let (child, stdin, rx) = framed::spawn(&[]);
        Client {
            child,
            stdin,
            messages: rx,
            next_id: 1,
            pending: HashMap::new(),
            answers: HashMap::new(),
            published: HashMap::new(),
            encoding,
            checked_formats: 0,
            checked_trees: 0,
            errors: BTreeMap::new(),
        }
    }

    fn send(&mut self, value: Value) {
        framed::write_message(&mut self.stdin, &value);
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &'static str, params: Value, expect: Expect) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.pending.insert(
            id,
            Pending {
                method,
                expect,
                encoding: self.encoding,
            },
        );
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// Handles one message from the server.
    fn handle(&mut self, message: Value) {
        if let Some(method) = message.get("method").and_then(Value::as_str) {
            if let Some(id) = message.get("id") {
                // A request from the server: answered.
                let id = id.clone();
                self.send(json!({"jsonrpc": "2.0", "id": id, "result": null}));
            } else if method == "textDocument/publishDiagnostics" {
                let params = &message["params"];
                let uri = params["uri"].as_str().unwrap().to_string();
                if let Some(version) = params["version"].as_i64() {
                    self.published
                        .insert(uri, (version, params["diagnostics"].clone()));
                }
            }
            return;
        }
        let id = message["id"]
            .as_i64()
            .unwrap_or_else(|| panic!("a response without a numeric id: {message}"));
        *self.answers.entry(id).or_default() += 1;
        let Some(pending) = self.pending.remove(&id) else {
            panic!("a second response, or one to no request: {message}");
        };
        if let Some(error) = message.get("error") {
            let code = error["code"].as_i64().unwrap();
            let allowed = code == -32800 // RequestCancelled
                || code == -32801 // ContentModified
                || (code == -32602
                    && matches!(
                        pending.method,
                        "textDocument/rename" | "textDocument/prepareRename"
                    ));
            assert!(allowed, "{}: unexpected error {message}", pending.method);
            *self.errors.entry(code).or_default() += 1;
            return;
        }
        let result = &message["result"];
        match pending.expect {
            Expect::Nothing => {}
            Expect::Format(text, expected) => {
                match expected {
                    None => assert!(
                        result.is_null(),
                        "formatting a text that does not parse: {result}"
                    ),
                    Some(expected) => {
                        let edits = result.as_array().expect("formatting edits");
                        let got = apply_edits(&text, edits, pending.encoding);
                        assert_eq!(got, expected, "formatting of\n{text}");
                    }
                }
                self.checked_formats += 1;
            }
            Expect::Tree(expected) => {
                assert_eq!(
                    result.as_str().unwrap(),
                    expected,
                    "the server's text differs from the client's"
                );
                self.checked_trees += 1;
            }
        }
    }

    /// Handles what has arrived, without waiting.
    fn drain(&mut self) {
        while let Ok(message) = self.messages.try_recv() {
            self.handle(message);
        }
    }

    /// Waits until every request sent has been answered.
    fn settle(&mut self) {
        while !self.pending.is_empty() {
            let message = self
                .messages
                .recv_timeout(Duration::from_secs(60))
                .unwrap_or_else(|_| {
                    let left: Vec<_> = self.pending.iter().map(|(id, p)| (id, p.method)).collect();
                    panic!("requests never answered: {left:?}")
                });
            self.handle(message);
        }
    }

    /// Waits for diagnostics of `version` for `uri`.
    fn await_diagnostics(&mut self, uri: &str, version: i64) {
        while self.published.get(uri).map(|p| p.0) != Some(version) {
            let message = self
                .messages
                .recv_timeout(Duration::from_secs(60))
                .unwrap_or_else(|_| panic!("no diagnostics for {uri} version {version}"));
            self.handle(message);
        }
    }
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn workspace(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("thrift-ls-stress-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (path, text) in FILES {
        std::fs::write(dir.join(path), text).unwrap();
    }
    dir
}

/// A random character boundary of `text`, `near` another one when given.
fn boundary(rng: &mut Rng, text: &str, near: Option<usize>) -> usize {
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    match near {
        None => *rng.pick(&bounds),
        Some(from) => {
            let i = bounds.partition_point(|&b| b < from);
            bounds[(i + rng.below(12)).min(bounds.len() - 1)]
        }
    }
}

/// A random position: any line (one past the last too), any column up to
/// a few past the line's end, so inside surrogate pairs and multi-byte
/// UTF-8 sequences as well.
fn random_position(rng: &mut Rng, text: &str, enc: Encoding) -> Value {
    let starts = line_starts(text);
    let line = rng.below(starts.len() + 1);
    let width: usize = if line < starts.len() {
        line_text(text, &starts, line)
            .chars()
            .map(|c| enc.units(c))
            .sum()
    } else {
        0
    };
    json!({"line": line, "character": rng.below(width + 4)})
}

/// The diagnostics the library gives for these texts, as the server
/// publishes them (code, range, severity, message), per file.
fn expected_diagnostics(texts: &[(String, String)], enc: Encoding) -> Vec<Vec<Value>> {
    let names: Vec<String> = texts.iter().map(|(name, _)| name.clone()).collect();
    let mut db = Database::new(move |_from: FileId, include: &str| {
        names
            .iter()
            .position(|n| n == include)
            .map(|i| FileId(i as u32))
    });
    for (i, (name, text)) in texts.iter().enumerate() {
        let id = FileId(i as u32);
        db.set_file_name(id, Some(name));
        db.apply_change(id, text);
    }
    texts
        .iter()
        .enumerate()
        .map(|(i, (_, text))| {
            let mut list: Vec<Value> = db
                .diagnostics(FileId(i as u32))
                .iter()
                .map(|d| {
                    assert_eq!(d.file, FileId(i as u32));
                    json!({
                        "code": d.code.as_str(),
                        "severity": match d.severity {
                            thrift_semantic::Severity::Error => 1,
                            thrift_semantic::Severity::Warning => 2,
                            thrift_semantic::Severity::Hint => 4,
                        },
                        "message": d.message,
                        "range": {
                            "start": position(text, d.range.start().into(), enc),
                            "end": position(text, d.range.end().into(), enc),
                        },
                    })
                })
                .collect();
            list.sort_by_key(|v| v.to_string());
            list
        })
        .collect()
}

fn published_as_expected(published: &Value) -> Vec<Value> {
    let mut list: Vec<Value> = published
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            json!({
                "code": d["code"],
                "severity": d["severity"],
                "message": d["message"],
                "range": d["range"],
            })
        })
        .collect();
    list.sort_by_key(|v| v.to_string());
    list
}

fn run(encoding: Encoding, seed: u64, steps: usize) {
    let name = match encoding {
        Encoding::Utf16 => "utf-16",
        Encoding::Utf8 => "utf-8",
    };
    let root = workspace(name);
    let uris: Vec<String> = FILES.iter().map(|(p, _)| uri(&root.join(p))).collect();
    let mut texts: Vec<String> = FILES.iter().map(|(_, t)| t.to_string()).collect();
    let mut versions: Vec<i64> = vec![1; FILES.len()];
    let mut rng = Rng(seed);
    let mut c = Client::start(encoding);

    let id = c.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": uri(&root),
            "capabilities": {
                "general": {"positionEncodings": [name]},
                "textDocument": {"rename": {"prepareSupport": true}},
            },
            "workspaceFolders": [{"uri": uri(&root), "name": "ws"}],
        }),
        Expect::Nothing,
    );
    let init = loop {
        let message = c.messages.recv_timeout(Duration::from_secs(60)).unwrap();
        if message.get("id") == Some(&json!(id)) && message.get("method").is_none() {
            c.pending.remove(&id);
            *c.answers.entry(id).or_default() += 1;
            break message;
        }
        c.handle(message);
    };
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], name);
    c.notify("initialized", json!({}));
    for (i, (_, text)) in FILES.iter().enumerate() {
        c.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uris[i], "languageId": "thrift", "version": 1, "text": text}}),
        );
    }

    // The last insertion per file, to undo it now and then (which brings
    // the text back to a state that parses more often).
    let mut last_insert: Vec<Option<(usize, usize)>> = vec![None; FILES.len()];
    for step in 0..steps {
        c.drain();
        let f = rng.below(FILES.len());
        let text = texts[f].clone();
        if rng.chance(40) {
            // An incremental edit (or two in one notification).
            let (start, end, new) = match last_insert[f].take() {
                Some((start, end)) if rng.chance(50) => (start, end, String::new()),
                _ => {
                    let start = boundary(&mut rng, &text, None);
                    let end = if rng.chance(50) {
                        start
                    } else {
                        boundary(&mut rng, &text, Some(start))
                    };
                    let new = if rng.chance(80) {
                        rng.pick(SNIPPETS).to_string()
                    } else {
                        String::new()
                    };
                    if !new.is_empty() {
                        last_insert[f] = Some((start, start + new.len()));
                    }
                    (start, end, new)
                }
            };
            let range = json!({
                "start": position(&text, start, encoding),
                "end": position(&text, end, encoding),
            });
            let mut changes = vec![json!({"range": range, "text": new})];
            let mut after = text.clone();
            after.replace_range(start..end, &new);
            if rng.chance(15) {
                // A second change in the same notification, on the text
                // the first one left.
                let at = boundary(&mut rng, &after, None);
                let snippet = *rng.pick(SNIPPETS);
                changes.push(json!({
                    "range": {"start": position(&after, at, encoding), "end": position(&after, at, encoding)},
                    "text": snippet,
                }));
                after.insert_str(at, snippet);
                last_insert[f] = None;
            }
            versions[f] += 1;
            texts[f] = after;
            c.notify(
                "textDocument/didChange",
                json!({
                    "textDocument": {"uri": uris[f], "version": versions[f]},
                    "contentChanges": changes,
                }),
            );
            continue;
        }
        // A request.
        let method = *rng.pick(METHODS);
        let doc = json!({"uri": uris[f]});
        let pos = random_position(&mut rng, &text, encoding);
        let other = random_position(&mut rng, &text, encoding);
        let range = if (pos["line"].as_u64(), pos["character"].as_u64())
            <= (other["line"].as_u64(), other["character"].as_u64())
        {
            json!({"start": pos, "end": other})
        } else {
            json!({"start": other, "end": pos})
        };
        let mut expect = Expect::Nothing;
        let params = match method {
            "textDocument/references" => json!({
                "textDocument": doc, "position": pos, "context": {"includeDeclaration": rng.chance(50)},
            }),
            "textDocument/documentSymbol"
            | "textDocument/semanticTokens/full"
            | "textDocument/foldingRange"
            | "thrift/syntaxTree" => {
                if method == "thrift/syntaxTree" {
                    expect = Expect::Tree(debug_dump(&text));
                }
                json!({"textDocument": doc})
            }
            "textDocument/inlayHint" => json!({"textDocument": doc, "range": range}),
            "textDocument/codeAction" => json!({
                "textDocument": doc, "range": range, "context": {"diagnostics": []},
            }),
            "textDocument/formatting" => {
                let formatted = if thrift_syntax::parse(&text).errors().is_empty() {
                    Some(thrift_formatter::format(&text, &format_options(), false).unwrap())
                } else {
                    None
                };
                expect = Expect::Format(text.clone(), formatted);
                json!({"textDocument": doc, "options": {"tabSize": 2, "insertSpaces": true}})
            }
            "textDocument/rename" => json!({
                "textDocument": doc, "position": pos, "newName": *rng.pick(&["Renamed", "é", "x1", "Id"]),
            }),
            "textDocument/selectionRange" => json!({
                "textDocument": doc, "positions": [pos, other],
            }),
            "workspace/symbol" => json!({"query": *rng.pick(&["", "I", "Col", "中", "Us"])}),
            _ => json!({"textDocument": doc, "position": pos}),
        };
        let id = c.request(method, params, expect);
        if rng.chance(20) {
            // Cancel this one or an earlier one (maybe answered already).
            let target = if rng.chance(70) {
                id
            } else {
                1 + rng.below(id as usize) as i64
            };
            c.notify("$/cancelRequest", json!({"id": target}));
        }
        if step % 64 == 63 {
            c.settle();
        }
    }
    c.settle();

    // A last edit to every file (a trailing comment with a surrogate pair),
    // so that each file's latest diagnostics follow every other file's
    // last real edit.
    for f in 0..FILES.len() {
        let end = position(&texts[f], texts[f].len(), encoding);
        let new = "\n// fin 😀\n";
        versions[f] += 1;
        texts[f].push_str(new);
        c.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uris[f], "version": versions[f]},
                "contentChanges": [{"range": {"start": end, "end": end}, "text": new}],
            }),
        );
    }
    for f in 0..FILES.len() {
        let text = texts[f].clone();
        c.request(
            "thrift/syntaxTree",
            json!({"textDocument": {"uri": uris[f]}}),
            Expect::Tree(debug_dump(&text)),
        );
        let formatted = thrift_syntax::parse(&text)
            .errors()
            .is_empty()
            .then(|| thrift_formatter::format(&text, &format_options(), false).unwrap());
        c.request(
            "textDocument/formatting",
            json!({"textDocument": {"uri": uris[f]}, "options": {"tabSize": 2, "insertSpaces": true}}),
            Expect::Format(text, formatted),
        );
    }
    c.settle();
    for f in 0..FILES.len() {
        let uri = uris[f].clone();
        c.await_diagnostics(&uri, versions[f]);
    }
    // Diagnostics published late for an earlier version would show here
    // as a version mismatch: take what has arrived meanwhile.
    c.drain();
    let named: Vec<(String, String)> = FILES
        .iter()
        .zip(&texts)
        .map(|((name, _), text)| (name.to_string(), text.clone()))
        .collect();
    let expected = expected_diagnostics(&named, encoding);
    for f in 0..FILES.len() {
        let (version, published) = &c.published[&uris[f]];
        assert_eq!(*version, versions[f], "diagnostics of an old version");
        assert_eq!(
            published_as_expected(published),
            expected[f],
            "diagnostics of {} differ from the library's on\n{}",
            FILES[f].0,
            texts[f]
        );
    }

    let id = c.request("shutdown", Value::Null, Expect::Nothing);
    c.settle();
    c.notify("exit", Value::Null);
    // Everything until the server closes its output: no second answer.
    while let Ok(message) = c.messages.recv_timeout(Duration::from_secs(30)) {
        c.handle(message);
    }
    let status = c.child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
    let counts: BTreeMap<usize, usize> = c.answers.values().fold(BTreeMap::new(), |mut m, n| {
        *m.entry(*n).or_default() += 1;
        m
    });
    assert_eq!(c.answers.len() as i64, id, "requests without an answer");
    assert_eq!(counts.keys().copied().collect::<Vec<_>>(), vec![1]);
    // The run checked something.
    eprintln!(
        "{name}: {id} requests, {} formatting and {} syntax trees checked, errors by code {:?}",
        c.checked_formats, c.checked_trees, c.errors
    );
    assert!(c.checked_formats > 10 && c.checked_trees > 10);
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn stress_utf16() {
    run(Encoding::Utf16, 0x5EED_1414, 3000);
}

#[test]
fn stress_utf8() {
    run(Encoding::Utf8, 0x5EED_0808, 3000);
}
