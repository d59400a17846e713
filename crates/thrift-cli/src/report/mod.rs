//! Rendering findings: human, json, github, sarif, rdjson.
//!
//! Both commands that report findings (`check` and `breaking`) build one
//! [`Report`]: their findings in a neutral shape ([`Finding`], with
//! [`Location`]s already resolved) and the [`Failure`]s that kept the run
//! from being complete. [`render`] writes it in one of the [`Format`]s, one
//! module per format; positions ([`Resolver`]), escaping and the document
//! skeletons exist once, here and in those modules.
//! `docs/output-formats.md` describes every format; keep the two in step.
//!
//! Positions: lines are 1-based, columns are 1-based and count characters
//! (Unicode scalar values), with the UTF-8 byte columns alongside for
//! rdjson. End positions are exclusive: they point at the character just
//! after the range.

mod github;
pub(crate) mod human;
mod json;
mod rdjson;
mod sarif;

use std::{
    collections::HashMap,
    io::{self, Write},
    str::FromStr,
};

use thrift_breaking::Category;
use thrift_semantic::{Diagnostic, FileId, Severity};
use thrift_syntax::{LineIndex, TextRange, TextSize};

pub use human::summary_line;
pub(crate) use sarif::breaking_help_uri;

/// How findings are printed (`--format`).
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

/// One source file known to a [`Resolver`]: its display path (as given on
/// the command line / relative to cwd) and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source<'a> {
    pub path: &'a str,
    pub text: &'a str,
}

/// Which command the report is for: its name, rules, JSON shape and
/// wording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tool {
    /// `thrift-lint check`: diagnostics with codes (`T1020`).
    Check,
    /// `thrift-lint breaking`: breaking changes against an old version
    /// (`against`, as given: a git ref, a directory or a file).
    Breaking { against: String },
}

impl Tool {
    /// The name in SARIF and rdjson.
    pub(crate) fn name(&self) -> &'static str {
        match self {
            Tool::Check => "thrift-lint",
            Tool::Breaking { .. } => "thrift-lint breaking",
        }
    }

    /// The old version's name (`breaking`), empty for `check`.
    pub(crate) fn against(&self) -> &str {
        match self {
            Tool::Check => "",
            Tool::Breaking { against } => against,
        }
    }
}

/// What a run found and what kept it from being complete.
#[derive(Debug, Clone)]
pub struct Report {
    pub tool: Tool,
    /// Sorted, all files together.
    pub findings: Vec<Finding>,
    /// IO, config and git errors. A report with failures never says that
    /// nothing was found: every format carries them.
    pub failures: Vec<Failure>,
}

/// One finding of either command, in the shape every format reads.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The code or rule id: `T1020`, `FIELD_NO_DELETE`, `COMPILE`.
    pub code: &'static str,
    /// The code's name (`duplicate-definition`); the rule id for `breaking`.
    pub name: &'static str,
    pub severity: Severity,
    /// What the change breaks (`breaking`); `None` for a diagnostic and for
    /// an error that kept the versions from being compared.
    pub category: Option<Category>,
    /// The documentation of the code or rule.
    pub help_uri: String,
    pub message: String,
    pub location: Location,
    /// Notes at other places ("first defined here").
    pub related: Vec<Related>,
    /// Where the changed part was in the old version (`breaking`).
    pub previous: Option<Location>,
}

impl Finding {
    /// ` (breaks CATEGORY)`, or nothing.
    pub(crate) fn breaks(&self) -> String {
        self.category
            .map_or(String::new(), |c| format!(" (breaks {c})"))
    }
}

/// A note at another place.
#[derive(Debug, Clone)]
pub struct Related {
    pub message: String,
    pub location: Location,
}

/// A 1-based line, a 1-based column in characters and a 1-based column in
/// UTF-8 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
    pub byte_col: u32,
}

/// A range of a file, resolved.
#[derive(Debug, Clone)]
pub struct Location {
    /// The path as shown; `<file N>` for a file whose text is unknown.
    pub path: String,
    /// Whether the file's text was known (else positions are 1:1).
    pub known: bool,
    /// Whether `path` is a file of the old version (`breaking`).
    pub in_old: bool,
    /// UTF-8 byte offsets.
    pub range: TextRange,
    pub start: Pos,
    pub end: Pos,
    /// The start line, without its line break, for a snippet; `None` for
    /// no snippet.
    pub source: Option<String>,
}

impl Location {
    /// `path:line:col`.
    pub(crate) fn display(&self) -> String {
        format!("{}:{}:{}", self.path, self.start.line, self.start.col)
    }
}

/// Something that kept a run from being complete: a file that cannot be
/// read, a bad config, a git error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The file it is about, if any.
    pub file: Option<String>,
    /// What failed, without the file.
    pub message: String,
    /// The line on stderr.
    pub text: String,
}

impl Failure {
    /// A failure about no file in particular: `error: MESSAGE` on stderr.
    pub fn new(message: impl Into<String>) -> Failure {
        let message = message.into();
        Failure {
            file: None,
            text: format!("error: {message}"),
            message,
        }
    }

    /// A failure about `file`, shown on stderr as `text`.
    pub fn in_file(file: impl Into<String>, message: impl Into<String>, text: String) -> Failure {
        Failure {
            file: Some(file.into()),
            message: message.into(),
            text,
        }
    }

    /// One of the project model's error lines: `PATH: error: MESSAGE` or
    /// `error: MESSAGE`.
    pub fn from_line(line: &str) -> Failure {
        if let Some((file, message)) = line.split_once(": error: ") {
            return Failure::in_file(file, message, line.to_string());
        }
        let message = line.strip_prefix("error: ").unwrap_or(line);
        Failure {
            file: None,
            message: message.to_string(),
            text: line.to_string(),
        }
    }

    /// A config that cannot be read or is invalid.
    pub fn config(e: &thrift_config::ConfigError) -> Failure {
        Failure::in_file(
            thrift_project::display(&e.path),
            e.message.clone(),
            format!("error: {e}"),
        )
    }
}

/// Writes `report` to `out` in `format`.
///
/// `color`: ANSI colours for the human format (the caller decides: terminal
/// or not, `NO_COLOR`). The other formats never use colour. The human
/// format writes only the findings: the caller prints the failures and the
/// summary on stderr.
///
/// The output is written in pieces; give a buffered writer.
pub fn render(format: Format, report: &Report, color: bool, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Human => human::render(report, color, out),
        Format::Json => json::render(report, out),
        Format::Github => github::render(report, out),
        Format::Sarif => sarif::render(report, out),
        Format::Rdjson => rdjson::render(report, out),
    }
}

impl Report {
    /// The report of `thrift-lint check`: `diagnostics` (already sorted,
    /// all files together), their files from `sources` (see [`Resolver`]).
    pub fn check<'a>(
        diagnostics: &[Diagnostic],
        sources: &dyn Fn(FileId) -> Option<Source<'a>>,
        failures: Vec<Failure>,
    ) -> Report {
        let mut files = Resolver::new(sources);
        let findings = diagnostics
            .iter()
            .map(|d| Finding {
                code: d.code.as_str(),
                name: d.code.name(),
                severity: d.severity,
                category: None,
                help_uri: d.code.doc_url(),
                message: d.message.clone(),
                location: files.locate(d.file, d.range),
                related: d
                    .related
                    .iter()
                    .map(|r| Related {
                        message: r.message.clone(),
                        location: files.locate(r.file, r.range),
                    })
                    .collect(),
                previous: None,
            })
            .collect();
        Report {
            tool: Tool::Check,
            findings,
            failures,
        }
    }
}

/// Resolves ranges of files to [`Location`]s: the one place that turns
/// offsets into lines and columns. Each file is looked up once, with its
/// line index.
pub struct Resolver<'f, 'a> {
    lookup: &'f dyn Fn(FileId) -> Option<Source<'a>>,
    cache: HashMap<FileId, Option<(Source<'a>, LineIndex)>>,
}

impl<'f, 'a> Resolver<'f, 'a> {
    /// `lookup` maps a [`FileId`] to its [`Source`]; it is called at most
    /// once per file. A file it does not know is shown as `<file N>`, at
    /// 1:1 and with no snippet.
    pub fn new(lookup: &'f dyn Fn(FileId) -> Option<Source<'a>>) -> Resolver<'f, 'a> {
        Resolver {
            lookup,
            cache: HashMap::new(),
        }
    }

    pub fn locate(&mut self, file: FileId, range: TextRange) -> Location {
        let lookup = self.lookup;
        let loaded = self
            .cache
            .entry(file)
            .or_insert_with(|| lookup(file).map(|source| (source, LineIndex::new(source.text))));
        let Some((source, index)) = loaded else {
            let origin = Pos {
                line: 1,
                col: 1,
                byte_col: 1,
            };
            return Location {
                path: format!("<file {}>", file.0),
                known: false,
                in_old: false,
                range,
                start: origin,
                end: origin,
                source: None,
            };
        };
        let text = source.text;
        let pos = |offset: TextSize| {
            let lc = index.line_col(text, offset);
            let line_start = index.line_start(lc.line).map_or(0, u32::from);
            Pos {
                line: lc.line + 1,
                col: lc.col + 1,
                byte_col: u32::from(offset).saturating_sub(line_start) + 1,
            }
        };
        let start = pos(range.start());
        let line_start = index
            .line_start(start.line - 1)
            .map_or(0, usize::from)
            .min(text.len());
        let rest = &text[line_start..];
        let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
        let line = line.strip_suffix('\r').unwrap_or(line);
        Location {
            path: source.path.to_string(),
            known: true,
            in_old: false,
            range,
            start,
            end: pos(range.end()),
            source: Some(line.to_string()),
        }
    }
}

/// Characters that must not reach a terminal as they are: control
/// characters (escape sequences) and bidirectional overrides, which can make
/// a line read differently from what it is.
pub(crate) fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Text for the terminal: unsafe characters become U+FFFD, except line
/// breaks and tabs when `keep_breaks` (a message may have several lines;
/// a line of a list may not).
pub(crate) fn sanitize(text: &str, keep_breaks: bool) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| is_unsafe_char(c) && !(keep_breaks && (c == '\n' || c == '\t'));
    if !text.chars().any(bad) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| if bad(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

/// The project's page.
pub(crate) const INFORMATION_URI: &str = "https://github.com/thrift-tools/thrift-tools";

/// Writes `items` as one JSON array, one item per line (`[]` when empty).
pub(crate) fn write_json_lines(items: &[serde_json::Value], out: &mut dyn Write) -> io::Result<()> {
    if items.is_empty() {
        return out.write_all(b"[]\n");
    }
    out.write_all(b"[\n")?;
    for (i, item) in items.iter().enumerate() {
        let sep = if i + 1 < items.len() { ",\n" } else { "\n" };
        out.write_all(format!("  {item}{sep}").as_bytes())?;
    }
    out.write_all(b"]\n")
}

/// Writes `value` pretty-printed, with a final newline.
pub(crate) fn write_pretty(value: &serde_json::Value, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use thrift_semantic::Code;

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
    fn lines_expand_tabs_and_hide_control_characters() {
        let (shown, columns) = human::expand_line("\ta\u{1b}[31m\u{202E}é");
        assert_eq!(shown, "    a\u{FFFD}[31m\u{FFFD}é");
        assert_eq!(columns, vec![0, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    }

    #[test]
    fn sanitizing_keeps_line_breaks_only_when_asked() {
        assert_eq!(sanitize("a\nb\tc\u{1b}", true), "a\nb\tc\u{FFFD}");
        assert_eq!(
            sanitize("a\nb\tc\u{1b}", false),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}"
        );
        assert!(matches!(
            sanitize("plain", false),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn failures_from_project_lines() {
        let f = Failure::from_line("dir/a.thrift: error: no such file or directory");
        assert_eq!(f.file.as_deref(), Some("dir/a.thrift"));
        assert_eq!(f.message, "no such file or directory");
        assert_eq!(f.text, "dir/a.thrift: error: no such file or directory");
        let f = Failure::from_line("error: walk failed");
        assert_eq!((f.file, f.message.as_str()), (None, "walk failed"));
        assert_eq!(Failure::new("x").text, "error: x");
    }

    #[test]
    fn positions_count_characters_and_bytes() {
        let text = "a\nconst string café = 1 + Bad\n";
        let source = |_| {
            Some(Source {
                path: "a.thrift",
                text,
            })
        };
        let mut files = Resolver::new(&source);
        let start = text.find("Bad").unwrap() as u32;
        let loc = files.locate(FileId(0), TextRange::at(start.into(), 3.into()));
        assert_eq!(
            (loc.start.line, loc.start.col, loc.start.byte_col),
            (2, 25, 26)
        );
        assert_eq!((loc.end.line, loc.end.col, loc.end.byte_col), (2, 28, 29));
        assert_eq!(loc.source.as_deref(), Some("const string café = 1 + Bad"));
        let unknown = |_| None;
        let loc = Resolver::new(&unknown).locate(FileId(3), TextRange::default());
        assert_eq!(
            (loc.path.as_str(), loc.known, loc.source),
            ("<file 3>", false, None)
        );
    }

    #[test]
    fn summaries() {
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
