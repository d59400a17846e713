//! Rendering diagnostics: human, json, github, sarif, rdjson.
//!
//! [`render`] writes a list of diagnostics (already sorted, all files
//! together) in one of the [`Format`]s; [`summary_line`] is the one-line
//! count the human format ends with. `docs/output-formats.md` describes
//! every format; keep the two in step.
//!
//! Positions: diagnostics carry UTF-8 byte ranges. Every format that shows a
//! line and a column makes them 1-based and counts columns in characters
//! (Unicode scalar values). End positions are exclusive: they point at the
//! character just after the range.

use std::{
    borrow::Cow,
    collections::HashMap,
    fmt::Write as _,
    io::{self, Write},
    str::FromStr,
};

use serde_json::{Map, Value, json};
use thrift_semantic::{Code, Diagnostic, FileId, Severity};
use thrift_syntax::{LineIndex, TextRange, TextSize};

/// How diagnostics are printed (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, clap::ValueEnum)]
pub enum Format {
    /// For people: rustc-style messages with source snippets.
    #[default]
    Human,
    /// One JSON array of diagnostics, for scripts.
    Json,
    /// GitHub Actions workflow commands: annotations on a pull request.
    Github,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// Reviewdog Diagnostic Format (`rdjson`), for `reviewdog -f=rdjson`.
    Rdjson,
}

impl Format {
    pub const ALL: &'static [Format] = &[
        Format::Human,
        Format::Json,
        Format::Github,
        Format::Sarif,
        Format::Rdjson,
    ];

    /// The name on the command line: `human`, `json`, `github`, `sarif`,
    /// `rdjson`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Json => "json",
            Format::Github => "github",
            Format::Sarif => "sarif",
            Format::Rdjson => "rdjson",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = String;

    /// Parses `human`, `json`, `github`, `sarif` or `rdjson` (ASCII case
    /// ignored).
    fn from_str(s: &str) -> Result<Format, String> {
        Format::ALL
            .iter()
            .copied()
            .find(|f| f.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                format!("unknown format `{s}` (expected human, json, github, sarif or rdjson)")
            })
    }
}

/// One source file known to the report: its display path (as given on the
/// command line / relative to cwd) and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source<'a> {
    pub path: &'a str,
    pub text: &'a str,
}

/// Renders `diagnostics` (already sorted, all files together) to `out`.
///
/// `sources` maps a [`FileId`] to its [`Source`] (for the diagnostic's file
/// and for related locations); it is called at most once per file. A file it
/// does not know is shown as `<file N>` with no source: positions in it are
/// 1:1 and the human format shows no snippet.
///
/// `color`: ANSI colours for the human format (the caller decides: terminal
/// or not, `NO_COLOR`). The other formats never use colour.
///
/// The output is written in pieces; give a buffered writer.
pub fn render<'a>(
    format: Format,
    diagnostics: &[Diagnostic],
    sources: &dyn Fn(FileId) -> Option<Source<'a>>,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut files = Files {
        lookup: sources,
        cache: HashMap::new(),
    };
    match format {
        Format::Human => render_human(diagnostics, &mut files, color, out),
        Format::Json => render_json(diagnostics, &mut files, out),
        Format::Github => render_github(diagnostics, &mut files, out),
        Format::Sarif => render_sarif(diagnostics, &mut files, out),
        Format::Rdjson => render_rdjson(diagnostics, &mut files, out),
    }
}

/// A one-line summary for the human format, e.g.
/// `2 errors, 1 warning (3 files checked)`, or `no problems (3 files
/// checked)` when there are no diagnostics; the caller prints it to stderr.
pub fn summary_line(diagnostics: &[Diagnostic], files_checked: usize) -> String {
    let count = |severity: Severity| {
        diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    };
    let mut parts = Vec::new();
    for (severity, one, many) in [
        (Severity::Error, "error", "errors"),
        (Severity::Warning, "warning", "warnings"),
        (Severity::Hint, "hint", "hints"),
    ] {
        match count(severity) {
            0 => {}
            1 => parts.push(format!("1 {one}")),
            n => parts.push(format!("{n} {many}")),
        }
    }
    let found = if parts.is_empty() {
        "no problems".to_owned()
    } else {
        parts.join(", ")
    };
    let files = if files_checked == 1 { "file" } else { "files" };
    format!("{found} ({files_checked} {files} checked)")
}

// ---------------------------------------------------------------------------
// Locations

/// A 0-based line and a 0-based column in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pos {
    line: u32,
    col: u32,
}

/// A diagnostic or related range, resolved against its file.
struct Loc<'a> {
    path: Cow<'a, str>,
    /// Whether the file's text was known.
    known: bool,
    range: TextRange,
    start: Pos,
    end: Pos,
    /// 0-based columns of `start` and `end` in UTF-8 bytes (for rdjson).
    start_byte_col: u32,
    end_byte_col: u32,
    /// The text of the start line, without its line break (empty when the
    /// file is unknown).
    first_line: &'a str,
}

impl Loc<'_> {
    /// `path:line:col`, 1-based.
    fn display(&self) -> String {
        format!(
            "{}:{}:{}",
            self.path,
            self.start.line + 1,
            self.start.col + 1
        )
    }
}

struct Loaded<'a> {
    source: Source<'a>,
    index: LineIndex,
}

/// The sources, looked up once per file, with their line indexes.
struct Files<'f, 'a> {
    lookup: &'f dyn Fn(FileId) -> Option<Source<'a>>,
    cache: HashMap<FileId, Option<Loaded<'a>>>,
}

impl<'a> Files<'_, 'a> {
    fn locate(&mut self, file: FileId, range: TextRange) -> Loc<'a> {
        let lookup = self.lookup;
        let loaded = self.cache.entry(file).or_insert_with(|| {
            lookup(file).map(|source| Loaded {
                source,
                index: LineIndex::new(source.text),
            })
        });
        let Some(loaded) = loaded else {
            let origin = Pos { line: 0, col: 0 };
            return Loc {
                path: Cow::Owned(format!("<file {}>", file.0)),
                known: false,
                range,
                start: origin,
                end: origin,
                start_byte_col: 0,
                end_byte_col: 0,
                first_line: "",
            };
        };
        let text = loaded.source.text;
        let pos = |offset: TextSize| {
            let lc = loaded.index.line_col(text, offset);
            Pos {
                line: lc.line,
                col: lc.col,
            }
        };
        let start = pos(range.start());
        let end = pos(range.end());
        let byte_col = |offset: TextSize, line: u32| {
            let line_start = loaded.index.line_start(line).map_or(0, u32::from);
            u32::from(offset).saturating_sub(line_start)
        };
        let start_byte_col = byte_col(range.start(), start.line);
        let end_byte_col = byte_col(range.end(), end.line);
        let line_start = loaded
            .index
            .line_start(start.line)
            .map_or(0, usize::from)
            .min(text.len());
        let rest = &text[line_start..];
        let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
        let line = line.strip_suffix('\r').unwrap_or(line);
        Loc {
            path: Cow::Borrowed(loaded.source.path),
            known: true,
            range,
            start,
            end,
            start_byte_col,
            end_byte_col,
            first_line: line,
        }
    }
}

// ---------------------------------------------------------------------------
// human

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const RED: &str = "\x1b[1;31m";
const YELLOW: &str = "\x1b[1;33m";
const CYAN: &str = "\x1b[1;36m";
const BLUE: &str = "\x1b[1;34m";

/// Wraps `text` in an ANSI style when colour is on.
fn paint(color: bool, style: &str, text: &str) -> String {
    if color {
        format!("{style}{text}{RESET}")
    } else {
        text.to_owned()
    }
}

/// Characters that must not reach a terminal as they are: control
/// characters (escape sequences) and bidirectional overrides, which can make
/// a line read differently from what it is.
pub(crate) fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A message or path for the terminal: unsafe characters (but not line
/// breaks and tabs) become U+FFFD.
fn sanitize(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| is_unsafe_char(c) && c != '\n' && c != '\t')
    {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if is_unsafe_char(c) && c != '\n' && c != '\t' {
                    '\u{FFFD}'
                } else {
                    c
                }
            })
            .collect(),
    )
}

/// Tabs show as this many spaces in snippets.
const TAB_WIDTH: usize = 4;

/// One source line as shown in a snippet: tabs expanded to spaces, unsafe
/// characters replaced by U+FFFD. Also returns, for each character index
/// `0..=chars`, the display column where that character starts.
pub(crate) fn expand_line(line: &str) -> (String, Vec<usize>) {
    let mut shown = String::with_capacity(line.len());
    let mut columns = Vec::with_capacity(line.len() + 1);
    let mut width = 0;
    for c in line.chars() {
        columns.push(width);
        if c == '\t' {
            shown.extend(std::iter::repeat_n(' ', TAB_WIDTH));
            width += TAB_WIDTH;
        } else {
            shown.push(if is_unsafe_char(c) { '\u{FFFD}' } else { c });
            width += 1;
        }
    }
    columns.push(width);
    (shown, columns)
}

fn render_human(
    diagnostics: &[Diagnostic],
    files: &mut Files<'_, '_>,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    for d in diagnostics {
        let main = files.locate(d.file, d.range);
        let related: Vec<_> = d
            .related
            .iter()
            .map(|r| (files.locate(r.file, r.range), r))
            .collect();
        let gutter = std::iter::once(&main)
            .chain(related.iter().map(|(loc, _)| loc))
            .filter(|loc| loc.known)
            .map(|loc| (loc.start.line + 1).to_string().len())
            .max()
            .unwrap_or(1);

        let (label, style) = match d.severity {
            Severity::Error => ("error", RED),
            Severity::Warning => ("warning", YELLOW),
            Severity::Hint => ("hint", CYAN),
        };
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{}{}",
            paint(color, style, &format!("{label}[{}]", d.code.as_str())),
            paint(color, BOLD, &format!(": {}", sanitize(&d.message))),
        );
        snippet(&mut s, &main, gutter, style, color);
        for (loc, r) in &related {
            let _ = writeln!(
                s,
                "{}{}",
                paint(color, CYAN, "note"),
                paint(color, BOLD, &format!(": {}", sanitize(&r.message))),
            );
            snippet(&mut s, loc, gutter, CYAN, color);
        }
        s.push('\n');
        out.write_all(s.as_bytes())?;
    }
    Ok(())
}

/// ` --> path:line:col` and, when the source is known, the start line with
/// carets under the range.
fn snippet(s: &mut String, loc: &Loc<'_>, gutter: usize, caret_style: &str, color: bool) {
    let pad = " ".repeat(gutter);
    if !loc.known {
        let _ = writeln!(
            s,
            "{pad}{} {}",
            paint(color, BLUE, "-->"),
            sanitize(&loc.path)
        );
        return;
    }
    let _ = writeln!(
        s,
        "{pad}{} {}",
        paint(color, BLUE, "-->"),
        sanitize(&loc.display())
    );
    let bar = paint(color, BLUE, "|");
    let _ = writeln!(s, "{pad} {bar}");

    let (shown, columns) = expand_line(loc.first_line);
    let chars = columns.len() - 1;
    let start = (loc.start.col as usize).min(chars);
    // A range over several lines is underlined to the end of its first line.
    let end = if loc.end.line == loc.start.line {
        (loc.end.col as usize).clamp(start, chars)
    } else {
        chars
    };
    let from = columns[start];
    let carets = (columns[end] - from).max(1);

    let number = paint(color, BLUE, &format!("{:>gutter$} |", loc.start.line + 1));
    if shown.is_empty() {
        let _ = writeln!(s, "{number}");
    } else {
        let _ = writeln!(s, "{number} {shown}");
    }
    let _ = writeln!(
        s,
        "{pad} {bar} {}{}",
        " ".repeat(from),
        paint(color, caret_style, &"^".repeat(carets)),
    );
}

// ---------------------------------------------------------------------------
// json

fn position_json(pos: Pos) -> Value {
    json!({ "line": pos.line + 1, "column": pos.col + 1 })
}

fn range_json(range: TextRange) -> Value {
    json!({ "start": u32::from(range.start()), "end": u32::from(range.end()) })
}

fn diagnostic_json(d: &Diagnostic, files: &mut Files<'_, '_>) -> Value {
    let main = files.locate(d.file, d.range);
    let related: Vec<Value> = d
        .related
        .iter()
        .map(|r| {
            let loc = files.locate(r.file, r.range);
            json!({
                "file": loc.path,
                "message": r.message,
                "range": range_json(loc.range),
                "start": position_json(loc.start),
                "end": position_json(loc.end),
            })
        })
        .collect();
    json!({
        "file": main.path,
        "code": d.code.as_str(),
        "name": d.code.name(),
        "severity": d.severity.as_str(),
        "message": d.message,
        "range": range_json(main.range),
        "start": position_json(main.start),
        "end": position_json(main.end),
        "related": related,
    })
}

/// One JSON array, one diagnostic per line.
fn render_json(
    diagnostics: &[Diagnostic],
    files: &mut Files<'_, '_>,
    out: &mut dyn Write,
) -> io::Result<()> {
    if diagnostics.is_empty() {
        return out.write_all(b"[]\n");
    }
    out.write_all(b"[\n")?;
    for (i, d) in diagnostics.iter().enumerate() {
        let value = diagnostic_json(d, files);
        let mut line = String::from("  ");
        line.push_str(&value.to_string());
        line.push_str(if i + 1 < diagnostics.len() {
            ",\n"
        } else {
            "\n"
        });
        out.write_all(line.as_bytes())?;
    }
    out.write_all(b"]\n")
}

// ---------------------------------------------------------------------------
// github

/// Escapes a workflow command's data (the message).
pub(crate) fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
pub(crate) fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn render_github(
    diagnostics: &[Diagnostic],
    files: &mut Files<'_, '_>,
    out: &mut dyn Write,
) -> io::Result<()> {
    for d in diagnostics {
        let main = files.locate(d.file, d.range);
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Hint => "notice",
        };
        let mut props = format!(
            "file={},line={}",
            escape_property(&main.path),
            main.start.line + 1
        );
        // The runner drops columns unless the range is on one line.
        if main.start.line == main.end.line {
            let _ = write!(props, ",col={}", main.start.col + 1);
        }
        let _ = write!(props, ",endLine={}", main.end.line + 1);
        if main.start.line == main.end.line {
            let _ = write!(props, ",endColumn={}", main.end.col + 1);
        }
        let title = format!("{} {}", d.code.as_str(), d.code.name());
        let _ = write!(props, ",title={}", escape_property(&title));

        let mut message = d.message.clone();
        for r in &d.related {
            let loc = files.locate(r.file, r.range);
            let _ = write!(message, "\n{}: note: {}", loc.display(), r.message);
        }
        let line = format!("::{command} {props}::{}\n", escape_data(&message));
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// sarif

const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI: &str = "https://github.com/thrift-tools/thrift-tools";

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Hint => "note",
    }
}

/// A path as a SARIF URI reference and whether it is relative (then it is
/// relative to `%SRCROOT%`). Backslashes become slashes, leading `./`
/// segments go, and characters outside the URI path syntax are
/// percent-encoded (UTF-8). Absolute paths become `file:` URIs.
fn sarif_uri(path: &str) -> (String, bool) {
    let mut path = path.replace('\\', "/");
    while let Some(rest) = path.strip_prefix("./") {
        path = rest.trim_start_matches('/').to_owned();
    }
    let bytes = path.as_bytes();
    let drive =
        bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'/';
    let absolute = path.starts_with('/') || drive;
    let mut encoded = String::with_capacity(path.len());
    for (i, &b) in bytes.iter().enumerate() {
        let keep = b.is_ascii_alphanumeric()
            || b"-._~/!$&'()*+,;=@".contains(&b)
            // `:` is fine in an absolute path (`C:`), but in a relative
            // reference it would read as a scheme.
            || (b == b':' && absolute && (i == 1 || !drive));
        if keep {
            encoded.push(b as char);
        } else {
            let _ = write!(encoded, "%{b:02X}");
        }
    }
    if !absolute {
        (encoded, true)
    } else if encoded.starts_with("//") {
        // A UNC path: `//server/share/x` → `file://server/share/x`.
        (format!("file:{encoded}"), false)
    } else if drive {
        (format!("file:///{encoded}"), false)
    } else {
        (format!("file://{encoded}"), false)
    }
}

fn sarif_physical_location(loc: &Loc<'_>) -> Value {
    sarif_location(
        &loc.path,
        (
            loc.start.line + 1,
            loc.start.col + 1,
            loc.end.line + 1,
            loc.end.col + 1,
        ),
    )
}

/// A SARIF physical location: the file (relative to `%SRCROOT%`, or a
/// `file:` URI when absolute) and the 1-based region (start line, start
/// column, end line, end column).
pub(crate) fn sarif_location(path: &str, region: (u32, u32, u32, u32)) -> Value {
    let (uri, relative) = sarif_uri(path);
    let mut artifact = Map::new();
    artifact.insert("uri".into(), json!(uri));
    if relative {
        artifact.insert("uriBaseId".into(), json!("%SRCROOT%"));
    }
    json!({
        "artifactLocation": artifact,
        "region": {
            "startLine": region.0,
            "startColumn": region.1,
            "endLine": region.2,
            "endColumn": region.3,
        },
    })
}

fn sarif_rules() -> Vec<Value> {
    Code::ALL
        .iter()
        .map(|code| {
            json!({
                "id": code.as_str(),
                "name": code.name(),
                "shortDescription": { "text": code.summary() },
                "defaultConfiguration": { "level": sarif_level(code.default_severity()) },
                "helpUri": code.doc_url(),
            })
        })
        .collect()
}

fn sarif_result(d: &Diagnostic, files: &mut Files<'_, '_>) -> Value {
    let main = files.locate(d.file, d.range);
    let rule_index = Code::ALL
        .iter()
        .position(|c| *c == d.code)
        .expect("every code is in Code::ALL");
    let mut result = Map::new();
    result.insert("ruleId".into(), json!(d.code.as_str()));
    result.insert("ruleIndex".into(), json!(rule_index));
    result.insert("level".into(), json!(sarif_level(d.severity)));
    result.insert("message".into(), json!({ "text": d.message }));
    result.insert(
        "locations".into(),
        json!([{ "physicalLocation": sarif_physical_location(&main) }]),
    );
    if !d.related.is_empty() {
        let related: Vec<Value> = d
            .related
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let loc = files.locate(r.file, r.range);
                json!({
                    "id": i + 1,
                    "physicalLocation": sarif_physical_location(&loc),
                    "message": { "text": r.message },
                })
            })
            .collect();
        result.insert("relatedLocations".into(), Value::Array(related));
    }
    Value::Object(result)
}

/// The whole SARIF log as a JSON value.
fn sarif_log(diagnostics: &[Diagnostic], files: &mut Files<'_, '_>) -> Value {
    let results: Vec<Value> = diagnostics.iter().map(|d| sarif_result(d, files)).collect();
    json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "thrift-lint",
                    "informationUri": INFORMATION_URI,
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": sarif_rules(),
                },
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

fn render_sarif(
    diagnostics: &[Diagnostic],
    files: &mut Files<'_, '_>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let log = sarif_log(diagnostics, files);
    serde_json::to_writer_pretty(&mut *out, &log).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

// ---------------------------------------------------------------------------
// rdjson

/// A severity as reviewdog names it.
fn rdjson_severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Hint => "INFO",
    }
}

/// An rdjson `Location`: the path and a range with 1-based lines and
/// 1-based UTF-8 byte columns, the end exclusive.
fn rdjson_location(loc: &Loc<'_>) -> Value {
    json!({
        "path": loc.path,
        "range": {
            "start": { "line": loc.start.line + 1, "column": loc.start_byte_col + 1 },
            "end": { "line": loc.end.line + 1, "column": loc.end_byte_col + 1 },
        },
    })
}

fn rdjson_diagnostic(d: &Diagnostic, files: &mut Files<'_, '_>) -> Value {
    let main = files.locate(d.file, d.range);
    let mut diagnostic = Map::new();
    diagnostic.insert("message".into(), json!(d.message));
    diagnostic.insert("location".into(), rdjson_location(&main));
    diagnostic.insert("severity".into(), json!(rdjson_severity(d.severity)));
    diagnostic.insert(
        "code".into(),
        json!({
            "value": d.code.as_str(),
            "url": d.code.doc_url(),
        }),
    );
    if !d.related.is_empty() {
        let related: Vec<Value> = d
            .related
            .iter()
            .map(|r| {
                let loc = files.locate(r.file, r.range);
                json!({ "message": r.message, "location": rdjson_location(&loc) })
            })
            .collect();
        diagnostic.insert("related_locations".into(), Value::Array(related));
    }
    Value::Object(diagnostic)
}

/// One rdjson `DiagnosticResult`, pretty-printed.
fn render_rdjson(
    diagnostics: &[Diagnostic],
    files: &mut Files<'_, '_>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let list: Vec<Value> = diagnostics
        .iter()
        .map(|d| rdjson_diagnostic(d, files))
        .collect();
    // The overall severity is the worst one (reviewdog uses it only for
    // diagnostics without their own, and every one has its own).
    let worst = diagnostics.iter().map(|d| d.severity).max();
    let mut result = Map::new();
    result.insert(
        "source".into(),
        json!({ "name": "thrift-lint", "url": INFORMATION_URI }),
    );
    if let Some(worst) = worst {
        result.insert("severity".into(), json!(rdjson_severity(worst)));
    }
    result.insert("diagnostics".into(), Value::Array(list));
    serde_json::to_writer_pretty(&mut *out, &Value::Object(result)).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip() {
        for format in Format::ALL {
            assert_eq!(format.as_str().parse::<Format>(), Ok(*format));
            let value = <Format as clap::ValueEnum>::to_possible_value(format).unwrap();
            assert_eq!(value.get_name(), format.as_str());
        }
        assert_eq!("SARIF".parse::<Format>(), Ok(Format::Sarif));
        assert!("text".parse::<Format>().is_err());
    }

    #[test]
    fn github_escaping() {
        assert_eq!(escape_data("a%b\r\nc:d,e"), "a%25b%0D%0Ac:d,e");
        assert_eq!(escape_property("a%b\r\nc:d,e"), "a%25b%0D%0Ac%3Ad%2Ce");
    }

    #[test]
    fn sarif_uris() {
        let uri = |p: &str| sarif_uri(p);
        assert_eq!(uri("a.thrift"), ("a.thrift".into(), true));
        assert_eq!(uri("./dir/a.thrift"), ("dir/a.thrift".into(), true));
        assert_eq!(uri("../x/a.thrift"), ("../x/a.thrift".into(), true));
        assert_eq!(uri("dir\\sub\\a.thrift"), ("dir/sub/a.thrift".into(), true));
        assert_eq!(uri("my file%.thrift"), ("my%20file%25.thrift".into(), true));
        assert_eq!(uri("a:b.thrift"), ("a%3Ab.thrift".into(), true));
        assert_eq!(
            uri("d\u{e9}j\u{e0}.thrift"),
            ("d%C3%A9j%C3%A0.thrift".into(), true)
        );
        assert_eq!(
            uri("/src/a b.thrift"),
            ("file:///src/a%20b.thrift".into(), false)
        );
        assert_eq!(
            uri("C:\\src\\a.thrift"),
            ("file:///C:/src/a.thrift".into(), false)
        );
        assert_eq!(
            uri("\\\\server\\share\\a.thrift"),
            ("file://server/share/a.thrift".into(), false)
        );
    }

    #[test]
    fn lines_expand_tabs_and_hide_control_characters() {
        let (shown, columns) = expand_line("\ta\u{1b}[31m\u{202E}é");
        assert_eq!(shown, "    a\u{FFFD}[31m\u{FFFD}é");
        assert_eq!(columns, vec![0, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    }

    #[test]
    fn summaries() {
        use thrift_syntax::TextRange;
        let d = |code| Diagnostic::new(code, FileId(0), TextRange::default(), "m");
        assert_eq!(summary_line(&[], 3), "no problems (3 files checked)");
        assert_eq!(summary_line(&[], 1), "no problems (1 file checked)");
        let ds = [
            d(Code::UnresolvedType),
            d(Code::UnresolvedType),
            d(Code::UnusedInclude),
            d(Code::LargeInteger),
        ];
        assert_eq!(
            summary_line(&ds, 3),
            "2 errors, 1 warning, 1 hint (3 files checked)"
        );
        assert_eq!(summary_line(&ds[2..3], 1), "1 warning (1 file checked)");
    }
}
