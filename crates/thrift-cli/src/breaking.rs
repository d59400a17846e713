//! `thrift-lint breaking`: compares the IDL with an older version (a git
//! ref, a directory or a file) and reports breaking changes.
//!
//! The versions, which file of one is which file of the other, and the
//! loading are the project model's (`thrift_project::{Version, pair,
//! load}`): a git ref is read without touching the working tree; a
//! directory is the root of the old version. Includes resolve inside each
//! version, with the same `-I` and config include directories (rebased
//! onto the old root).

use std::{
    fmt::Write as _,
    io::{self, Write},
    path::{Path, PathBuf},
    process::ExitCode,
};

use serde_json::{Map, Value, json};
use thrift_breaking::{
    Category, Finding, Options, RULES, ReadError, Rule, Side, Snapshot, rules::COMPILE,
};
use thrift_config::Config;
use thrift_project::{Configs, FileOptions, FsTree, Loaded, Tree, Version, normalize};

use crate::{
    options::{Common, Stream, Verbose, describe_config, use_color},
    report::{Format, escape_data, escape_property, expand_line, is_unsafe_char, sarif_location},
};

pub struct BreakingArgs {
    pub against: Option<String>,
    pub paths: Vec<PathBuf>,
    pub include_dirs: Vec<PathBuf>,
    pub format: Format,
    pub category: Option<String>,
    /// `--config`: a file and `KEY=VALUE` overrides.
    pub config: Vec<String>,
    /// `--dialect`: `Some(None)` is `auto`; `None` defers to the config.
    pub dialect: Option<Option<thrift_syntax::Dialect>>,
    pub common: Common,
}

/// A usage, IO or git error: printed, exit code 2.
struct Fail(String);

impl<E: std::fmt::Display> From<E> for Fail {
    fn from(e: E) -> Fail {
        Fail(e.to_string())
    }
}

pub fn run(args: BreakingArgs) -> ExitCode {
    match run_inner(args) {
        Ok(code) => code,
        Err(Fail(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run_inner(args: BreakingArgs) -> Result<ExitCode, Fail> {
    let verbose = Verbose::new(args.common.verbose);
    let cwd = std::env::current_dir()?;
    // One config for both versions: `--config`, else the nearest to the
    // current directory; `--config KEY=VALUE` overrides over it.
    let (file, overrides) = thrift_config::split_config_args(&args.config)?;
    let config = match &file {
        Some(path) => thrift_config::load_with(path, &overrides)?,
        None => match thrift_config::find_config(&cwd) {
            Some(path) => thrift_config::load_with(&path, &overrides)?,
            None => overrides.defaults(&cwd)?,
        },
    };
    verbose.say(|| {
        format!(
            "config (both versions): {}",
            describe_config(&config, overrides.given().count())
        )
    });
    let against = args
        .against
        .clone()
        .or_else(|| config.breaking.section.against.clone())
        .ok_or_else(|| {
            Fail("missing `--against REF` (a git ref, a directory or a file; or `against` in [breaking])".into())
        })?;
    let options = options(&args, &config)?;
    let dialect = options.dialect;
    let mut configs = Configs::new(Some(config.clone()));

    // The two versions and which file is which (`thrift_project::pair`).
    let mut old_version = Version::open(&cwd, &against).map_err(|e| Fail(e.0))?;
    let pairing = thrift_project::pair(&cwd, &args.paths, &old_version, &mut configs);
    if let Some(error) = pairing.errors.first() {
        return Err(Fail(error.trim_start_matches("error: ").to_string()));
    }
    if matches!(old_version, Version::File(_)) && pairing.new.len() != 1 {
        return Err(Fail(format!(
            "`--against {against}` is a file: give exactly one file to compare it with"
        )));
    }
    let mut warnings = pairing.warnings.clone();
    warnings.extend(thrift_project::missing_include_dirs(&args.include_dirs));
    warnings.extend(configs.warnings());
    let mut include_dirs: Vec<PathBuf> = args
        .include_dirs
        .iter()
        .map(|d| normalize(&cwd.join(d)))
        .collect();
    include_dirs.extend(config.include_dirs.iter().map(|d| normalize(d)));
    let new_side = load(&mut FsTree, &pairing.new, &cwd, &include_dirs, dialect)?;
    // Include directories under the new version's root move with it to
    // the old root (a directory version); a git version has the working
    // tree's paths.
    let old_dirs: Vec<PathBuf> = include_dirs.iter().map(|d| pairing.rebase(d)).collect();
    let old_side = match old_version.git() {
        Some(git) => load(git, &pairing.old, &cwd, &old_dirs, dialect)?,
        None => load(&mut FsTree, &pairing.old, &cwd, &old_dirs, dialect)?,
    };
    let old_label = against.clone();
    if let Some(key) = pairing.missing.first() {
        return Err(Fail(format!("{key}: no such file or directory")));
    }
    verbose.say(|| {
        format!(
            "loaded {} new and {} old files (with what they include) in {:.1} ms",
            new_side.files.len(),
            old_side.files.len(),
            verbose.elapsed_ms()
        )
    });
    // `-q`: the findings and the errors only.
    if !args.common.quiet {
        for warning in &warnings {
            eprintln!("{warning}");
        }
    }

    let old_snapshot = Snapshot {
        db: &old_side.db,
        files: &old_side.files,
    };
    let new_snapshot = Snapshot {
        db: &new_side.db,
        files: &new_side.files,
    };
    // `[breaking] ignore` and `ignore_only`, relative to the config's directory.
    let root = config.root.clone().unwrap_or_else(|| cwd.clone());
    let ignored = |s: &Shown| {
        let path = normalize(&cwd.join(&s.path));
        let rel = path.strip_prefix(&root).unwrap_or(&path);
        config.breaking.is_ignored(s.rule.id, rel)
    };
    // A version that does not read completely is not compared: its errors
    // are reported instead, in the same format, and the exit code is 1 (as
    // `buf breaking` reports compile errors).
    let errors: Vec<Shown> = thrift_breaking::read_errors(old_snapshot, new_snapshot)
        .iter()
        .map(|e| Shown::error(e, &old_side, &new_side))
        .filter(|s| !ignored(s))
        .collect();
    let not_compared = !errors.is_empty();
    let mut shown: Vec<Shown> = if not_compared {
        errors
    } else {
        thrift_breaking::compare(old_snapshot, new_snapshot, &options)
            .iter()
            .map(|f| Shown::new(f, &old_side, &new_side))
            .filter(|s| !ignored(s))
            .collect()
    };
    shown.sort_by(|a, b| {
        (&a.path, a.line, a.col, a.rule.id, &a.message)
            .cmp(&(&b.path, b.line, b.col, b.rule.id, &b.message))
    });
    shown.dedup_by(|a, b| {
        a.path == b.path && a.line == b.line && a.rule.id == b.rule.id && a.message == b.message
    });

    let compared = new_side.files.len().max(old_side.files.len());
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let color = args.format == Format::Human && use_color(args.common.color, Stream::Stdout);
    let result = match args.format {
        Format::Human => render_human(&shown, &old_label, color, &mut out),
        Format::Json => render_json(&shown, &old_label, &mut out),
        Format::Github => render_github(&shown, &old_label, &mut out),
        Format::Sarif => render_sarif(&shown, &old_label, &mut out),
        Format::Rdjson => render_rdjson(&shown, &old_label, &mut out),
    };
    if let Err(e) = result.and_then(|()| out.flush()) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            return Err(Fail(format!("cannot write output: {e}")));
        }
    }
    drop(out);
    if args.format == Format::Human && !args.common.quiet {
        let category: Vec<&str> = options.categories.iter().map(|c| c.as_str()).collect();
        let files = if compared == 1 { "file" } else { "files" };
        let category = category.join(", ");
        match (not_compared, shown.len()) {
            (true, n) => {
                let errors = if n == 1 { "error" } else { "errors" };
                eprintln!(
                    "{n} {errors}: the versions were not compared ({category}; {compared} {files} against {old_label})"
                );
            }
            (false, n) => {
                let found = match n {
                    0 => "no breaking changes".to_string(),
                    1 => "1 breaking change".to_string(),
                    n => format!("{n} breaking changes"),
                };
                eprintln!("{found} ({category}; {compared} {files} compared against {old_label})");
            }
        }
    }
    verbose.say(|| format!("done in {:.1} ms", verbose.elapsed_ms()));
    Ok(if shown.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The rules to run: `--category`, else the config's (checked when it
/// was read).
fn options(args: &BreakingArgs, config: &Config) -> Result<Options, Fail> {
    let mut options = match &args.category {
        Some(c) => {
            Options::select(Some(c.as_str()), &[], &config.breaking.section.except).map_err(Fail)?
        }
        None => config.breaking.options.clone(),
    };
    options.dialect = match args.dialect {
        Some(d) => d,
        None => config.dialect.dialect(),
    };
    Ok(options)
}

/// Loads one version's files (`thrift_project::load`); an input that
/// cannot be read fails the run.
fn load(
    tree: &mut dyn Tree,
    inputs: &[(String, PathBuf)],
    base: &Path,
    include_dirs: &[PathBuf],
    dialect: Option<thrift_syntax::Dialect>,
) -> Result<Loaded, Fail> {
    let loaded = thrift_project::load(tree, inputs, base, &mut |_| FileOptions {
        dialect,
        include_dirs: include_dirs.to_vec(),
    });
    match loaded.errors.first() {
        Some((key, e)) => Err(Fail(format!("{key}: {e}"))),
        None => Ok(loaded),
    }
}

// ---------------------------------------------------------------------------
// Output

/// A finding (or an error that kept the versions from being compared)
/// with its positions resolved.
struct Shown {
    rule: &'static Rule,
    /// What the change breaks; `None` for an error ([`COMPILE`]).
    category: Option<Category>,
    path: String,
    /// Whether `path` is a file of the old version (a deleted file).
    old_file: bool,
    line: u32,
    col: u32,
    end_line: u32,
    end_col: u32,
    message: String,
    previous: Option<(String, u32, u32, u32, u32)>,
    /// The start line of the location and of `previous`, for the human
    /// format; `None` for an empty range at the start of a file (where a
    /// deleted file or definition is reported: nothing to underline).
    source: Option<String>,
    previous_source: Option<String>,
    /// The start and end columns in UTF-8 bytes (1-based, for rdjson), of
    /// the location and of `previous`.
    byte_cols: (u32, u32),
    previous_byte_cols: Option<(u32, u32)>,
}

impl Shown {
    fn new(f: &Finding, old: &Loaded, new: &Loaded) -> Shown {
        Shown::at(
            f.rule,
            Some(f.category()),
            &f.location,
            f.previous.as_ref(),
            &f.message,
            (old, new),
        )
    }

    fn error(e: &ReadError, old: &Loaded, new: &Loaded) -> Shown {
        Shown::at(&COMPILE, None, &e.location, None, &e.message, (old, new))
    }

    fn at(
        rule: &'static Rule,
        category: Option<Category>,
        location: &thrift_breaking::Location,
        previous: Option<&thrift_breaking::Location>,
        message: &str,
        (old, new): (&Loaded, &Loaded),
    ) -> Shown {
        let side = |s: Side| match s {
            Side::Old => old,
            Side::New => new,
        };
        let loc = |l: &thrift_breaking::Location| {
            let v = side(l.side);
            let path = v.keys.get(l.file.0 as usize).cloned().unwrap_or_default();
            let (line, col) = v.position(l.file, l.range.start());
            let (end_line, end_col) = v.position(l.file, l.range.end());
            (path, line, col, end_line, end_col)
        };
        let byte_cols = |l: &thrift_breaking::Location| {
            let v = side(l.side);
            let (line, _) = v.position(l.file, l.range.start());
            let (end_line, _) = v.position(l.file, l.range.end());
            (
                v.byte_column(l.file, l.range.start(), line),
                v.byte_column(l.file, l.range.end(), end_line),
            )
        };
        let source = |l: &thrift_breaking::Location| {
            if l.range == thrift_syntax::TextRange::default() {
                return None;
            }
            let v = side(l.side);
            let (line, _) = v.position(l.file, l.range.start());
            let text = v.db.text(l.file)?;
            text.lines().nth(line as usize - 1).map(str::to_string)
        };
        let (path, line, col, end_line, end_col) = loc(location);
        Shown {
            source: source(location),
            previous_source: previous.and_then(source),
            rule,
            category,
            path,
            old_file: location.side == Side::Old,
            line,
            col,
            end_line,
            end_col,
            message: message.to_string(),
            previous: previous.map(loc),
            byte_cols: byte_cols(location),
            previous_byte_cols: previous.map(byte_cols),
        }
    }

    /// `breaks CATEGORY`, or nothing for an error.
    fn breaks(&self) -> String {
        self.category
            .map_or(String::new(), |c| format!(" (breaks {c})"))
    }
}

/// Control characters (line breaks too: one finding is one line) and
/// bidirectional controls become U+FFFD.
fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| if is_unsafe_char(c) { '\u{FFFD}' } else { c })
        .collect()
}

const BOLD: &str = "\x1b[1m";
const RED: &str = "\x1b[1;31m";
const CYAN: &str = "\x1b[1;36m";
const BLUE: &str = "\x1b[1;34m";

/// As rustc shows an error: the message, ` --> file:line:col` with what the
/// change breaks, the new line with the changed part underlined and, for a
/// change or a deletion, `note: was` with the old place and its line.
fn render_human(
    shown: &[Shown],
    against: &str,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let paint = |style: &str, text: &str| {
        if color {
            format!("{style}{text}\x1b[0m")
        } else {
            text.to_string()
        }
    };
    for s in shown {
        let mut text = String::new();
        let _ = writeln!(
            text,
            "{}{}",
            paint(RED, &format!("error[{}]", s.rule.id)),
            paint(BOLD, &format!(": {}", sanitize(&s.message)))
        );
        let gutter = [Some(s.line), s.previous.as_ref().map(|p| p.1)]
            .into_iter()
            .flatten()
            .map(|line| line.to_string().len())
            .max()
            .unwrap_or(1);
        let pad = " ".repeat(gutter);
        let in_old = format!(" (in {})", sanitize(against));
        let breaks = s
            .category
            .map_or(String::new(), |c| format!("  breaks {}", c.breaks_text()));
        let _ = writeln!(
            text,
            "{pad}{} {}:{}:{}{}{breaks}",
            paint(BLUE, "-->"),
            sanitize(&s.path),
            s.line,
            s.col,
            if s.old_file { in_old.as_str() } else { "" },
        );
        if let Some(line) = &s.source {
            let span = (s.line, s.col, s.end_line, s.end_col);
            snippet(&mut text, line, span, gutter, RED, &paint);
        }
        if let Some((path, line, col, end_line, end_col)) = &s.previous {
            let _ = writeln!(text, "{}{}", paint(CYAN, "note"), paint(BOLD, ": was"));
            let _ = writeln!(
                text,
                "{pad}{} {}:{line}:{col}{in_old}",
                paint(BLUE, "-->"),
                sanitize(path),
            );
            if let Some(source) = &s.previous_source {
                let span = (*line, *col, *end_line, *end_col);
                snippet(&mut text, source, span, gutter, CYAN, &paint);
            }
        }
        text.push('\n');
        out.write_all(text.as_bytes())?;
    }
    Ok(())
}

/// A source line with carets under `(line, col, end_line, end_col)`
/// (1-based; a range over several lines is underlined to the end of its
/// first line).
fn snippet(
    text: &mut String,
    source: &str,
    (line, col, end_line, end_col): (u32, u32, u32, u32),
    gutter: usize,
    caret_style: &str,
    paint: &dyn Fn(&str, &str) -> String,
) {
    let pad = " ".repeat(gutter);
    let bar = paint(BLUE, "|");
    let (shown, columns) = expand_line(source);
    let chars = columns.len() - 1;
    let start = (col as usize).saturating_sub(1).min(chars);
    let end = if end_line == line {
        (end_col as usize).saturating_sub(1).clamp(start, chars)
    } else {
        chars
    };
    let from = columns[start];
    let carets = (columns[end] - from).max(1);
    let _ = writeln!(text, "{pad} {bar}");
    let number = paint(BLUE, &format!("{line:>gutter$} |"));
    let _ = writeln!(text, "{number} {shown}");
    let _ = writeln!(
        text,
        "{pad} {bar} {}{}",
        " ".repeat(from),
        paint(caret_style, &"^".repeat(carets))
    );
}

fn position_json(line: u32, col: u32) -> Value {
    json!({ "line": line, "column": col })
}

fn render_json(shown: &[Shown], against: &str, out: &mut dyn Write) -> io::Result<()> {
    let values: Vec<Value> = shown
        .iter()
        .map(|s| {
            json!({
                "file": s.path,
                "in_old_version": s.old_file,
                "rule": s.rule.id,
                "category": s.category.map(Category::as_str),
                "message": s.message,
                "start": position_json(s.line, s.col),
                "end": position_json(s.end_line, s.end_col),
                "previous": s.previous.as_ref().map(|(path, line, col, el, ec)| json!({
                    "file": path,
                    "against": against,
                    "start": position_json(*line, *col),
                    "end": position_json(*el, *ec),
                })),
            })
        })
        .collect();
    if values.is_empty() {
        return out.write_all(b"[]\n");
    }
    out.write_all(b"[\n")?;
    for (i, v) in values.iter().enumerate() {
        let sep = if i + 1 < values.len() { ",\n" } else { "\n" };
        out.write_all(format!("  {v}{sep}").as_bytes())?;
    }
    out.write_all(b"]\n")
}

/// GitHub shows at most 10 error annotations per step.
const GITHUB_ANNOTATIONS: usize = 10;

fn render_github(shown: &[Shown], against: &str, out: &mut dyn Write) -> io::Result<()> {
    let annotated = if shown.len() > GITHUB_ANNOTATIONS {
        GITHUB_ANNOTATIONS - 1
    } else {
        shown.len()
    };
    for s in &shown[..annotated] {
        let mut props = format!("file={},line={}", escape_property(&s.path), s.line);
        if s.line == s.end_line {
            let _ = write!(
                props,
                ",col={},endLine={},endColumn={}",
                s.col, s.end_line, s.end_col
            );
        } else {
            let _ = write!(props, ",endLine={}", s.end_line);
        }
        let _ = write!(
            props,
            ",title={}",
            escape_property(&format!("{}{}", s.rule.id, s.breaks()))
        );
        let mut message = s.message.clone();
        if let Some((path, line, col, _, _)) = &s.previous {
            let _ = write!(
                message,
                "\nPreviously at {path}:{line}:{col} (in {against})."
            );
        }
        out.write_all(format!("::error {props}::{}\n", escape_data(&message)).as_bytes())?;
    }
    if annotated < shown.len() {
        let rest = &shown[annotated..];
        let what = if shown[0].category.is_none() {
            "errors"
        } else {
            "breaking changes"
        };
        let mut message = format!(
            "{} more {what} (GitHub shows only {GITHUB_ANNOTATIONS} annotations):",
            rest.len()
        );
        for s in rest {
            let _ = write!(
                message,
                "\n{}:{}:{}: {}: {}",
                s.path, s.line, s.col, s.rule.id, s.message
            );
        }
        out.write_all(
            format!(
                "::error title={}::{}\n",
                escape_property(&format!("More {what}")),
                escape_data(&message)
            )
            .as_bytes(),
        )?;
        // And the full list in the log.
        for s in rest {
            out.write_all(
                format!(
                    "{}:{}:{}: {}: {}\n",
                    s.path,
                    s.line,
                    s.col,
                    s.rule.id,
                    sanitize(&s.message)
                )
                .as_bytes(),
            )?;
        }
    }
    Ok(())
}

const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI: &str = "https://github.com/thrift-tools/thrift-tools";
const HELP_URI: &str = "https://github.com/thrift-tools/thrift-tools/blob/main/docs/breaking.md#";

fn render_sarif(shown: &[Shown], against: &str, out: &mut dyn Write) -> io::Result<()> {
    // The catalogue, then `COMPILE` for the errors that stop a comparison.
    let rules: Vec<Value> = RULES
        .iter()
        .copied()
        .chain([&COMPILE])
        .map(|r| {
            let apache: Vec<&str> = r.categories.iter().map(|c| c.as_str()).collect();
            let categories = if apache.is_empty() {
                String::new()
            } else {
                format!("Categories: {}.", apache.join(", "))
            };
            json!({
                "id": r.id,
                "name": r.id,
                "shortDescription": { "text": r.purpose },
                "fullDescription": { "text": format!("{} {}", r.purpose, r.why) },
                "help": {
                    "text": format!("{} {} {categories}", r.purpose, r.why).trim_end().to_string(),
                    "markdown": format!("{}\n\n{}\n\n{categories}", r.purpose, r.why).trim_end().to_string(),
                },
                "helpUri": format!("{HELP_URI}{}", r.id.to_ascii_lowercase()),
                "defaultConfiguration": { "level": "error" },
                "properties": { "tags": apache, "precision": "high" },
            })
        })
        .collect();
    let results: Vec<Value> = shown
        .iter()
        .map(|s| {
            let index = RULES
                .iter()
                .position(|r| r.id == s.rule.id)
                .unwrap_or(RULES.len());
            let mut result = Map::new();
            result.insert("ruleId".into(), json!(s.rule.id));
            result.insert("ruleIndex".into(), json!(index));
            result.insert("level".into(), json!("error"));
            result.insert("message".into(), json!({ "text": s.message }));
            result.insert(
                "locations".into(),
                json!([{ "physicalLocation": sarif_location(&s.path, (s.line, s.col, s.end_line, s.end_col)) }]),
            );
            if let Some((path, line, col, el, ec)) = &s.previous {
                result.insert(
                    "relatedLocations".into(),
                    json!([{
                        "id": 1,
                        "physicalLocation": sarif_location(path, (*line, *col, *el, *ec)),
                        "message": { "text": format!("previously here (in {against})") },
                    }]),
                );
            }
            if let Some(category) = s.category {
                result.insert("properties".into(), json!({ "category": category.as_str() }));
            }
            Value::Object(result)
        })
        .collect();
    let log = json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "thrift-lint breaking",
                    "informationUri": INFORMATION_URI,
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                },
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &log).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// An rdjson `Location`: 1-based lines, 1-based UTF-8 byte columns, the
/// end exclusive.
fn rdjson_location(path: &str, lines: (u32, u32), cols: (u32, u32)) -> Value {
    json!({
        "path": path,
        "range": {
            "start": { "line": lines.0, "column": cols.0 },
            "end": { "line": lines.1, "column": cols.1 },
        },
    })
}

/// One reviewdog `DiagnosticResult`; every finding is an `ERROR`.
fn render_rdjson(shown: &[Shown], against: &str, out: &mut dyn Write) -> io::Result<()> {
    let diagnostics: Vec<Value> = shown
        .iter()
        .map(|s| {
            let mut diagnostic = Map::new();
            diagnostic.insert(
                "message".into(),
                json!(format!("{}{}", s.message, s.breaks())),
            );
            diagnostic.insert(
                "location".into(),
                rdjson_location(&s.path, (s.line, s.end_line), s.byte_cols),
            );
            diagnostic.insert("severity".into(), json!("ERROR"));
            diagnostic.insert(
                "code".into(),
                json!({
                    "value": s.rule.id,
                    "url": format!("{HELP_URI}{}", s.rule.id.to_ascii_lowercase()),
                }),
            );
            if let (Some((path, line, _, el, _)), Some(cols)) = (&s.previous, s.previous_byte_cols)
            {
                diagnostic.insert(
                    "related_locations".into(),
                    json!([{
                        "message": format!("previously here (in {against})"),
                        "location": rdjson_location(path, (*line, *el), cols),
                    }]),
                );
            }
            Value::Object(diagnostic)
        })
        .collect();
    let mut result = Map::new();
    result.insert(
        "source".into(),
        json!({ "name": "thrift-lint breaking", "url": INFORMATION_URI }),
    );
    if !shown.is_empty() {
        result.insert("severity".into(), json!("ERROR"));
    }
    result.insert("diagnostics".into(), Value::Array(diagnostics));
    serde_json::to_writer_pretty(&mut *out, &Value::Object(result)).map_err(io::Error::from)?;
    out.write_all(b"\n")
}
