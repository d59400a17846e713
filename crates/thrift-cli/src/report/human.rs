//! `human`: rustc-style messages with source snippets, and the summary
//! lines the commands print on stderr.

use std::{
    fmt::Write as _,
    io::{self, Write},
};

use thrift_semantic::{Diagnostic, Severity};

use super::{Finding, Location, Report, is_unsafe_char, sanitize};

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

/// Each finding: `severity[CODE]: message`, ` --> path:line:col` (for
/// `breaking`: `(in REF)` for a file of the old version, and what the
/// change breaks), the start line with carets under the range, one `note`
/// per related location, `note: was` with the old place, a blank line.
pub(super) fn render(report: &Report, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let in_old = format!(" (in {})", sanitize(report.tool.against(), true));
    for f in &report.findings {
        let gutter = std::iter::once(&f.location)
            .chain(f.related.iter().map(|r| &r.location))
            .chain(&f.previous)
            .filter(|loc| loc.known)
            .map(|loc| loc.start.line.to_string().len())
            .max()
            .unwrap_or(1);
        let pad = " ".repeat(gutter);
        let (label, style) = match f.severity {
            Severity::Error => ("error", RED),
            Severity::Warning => ("warning", YELLOW),
            Severity::Hint => ("hint", CYAN),
        };
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{}{}",
            paint(color, style, &format!("{label}[{}]", f.code)),
            paint(color, BOLD, &format!(": {}", sanitize(&f.message, true))),
        );
        let breaks = f
            .category
            .map_or(String::new(), |c| format!("  breaks {}", c.breaks_text()));
        arrow(&mut s, &f.location, &pad, &in_old, &breaks, color);
        snippet(&mut s, &f.location, gutter, style, color);
        for r in &f.related {
            let _ = writeln!(
                s,
                "{}{}",
                paint(color, CYAN, "note"),
                paint(color, BOLD, &format!(": {}", sanitize(&r.message, true))),
            );
            arrow(&mut s, &r.location, &pad, &in_old, "", color);
            snippet(&mut s, &r.location, gutter, CYAN, color);
        }
        if let Some(previous) = &f.previous {
            let _ = writeln!(
                s,
                "{}{}",
                paint(color, CYAN, "note"),
                paint(color, BOLD, ": was")
            );
            arrow(&mut s, previous, &pad, &in_old, "", color);
            snippet(&mut s, previous, gutter, CYAN, color);
        }
        s.push('\n');
        out.write_all(s.as_bytes())?;
    }
    Ok(())
}

/// ` --> path:line:col`, or ` --> path` for a file whose text is unknown.
fn arrow(s: &mut String, loc: &Location, pad: &str, in_old: &str, suffix: &str, color: bool) {
    let place = if loc.known {
        loc.display()
    } else {
        loc.path.clone()
    };
    let _ = writeln!(
        s,
        "{pad}{} {}{}{suffix}",
        paint(color, BLUE, "-->"),
        sanitize(&place, true),
        if loc.in_old { in_old } else { "" },
    );
}

/// The start line with carets under the range, when the location has a
/// snippet. A range over several lines is underlined to the end of its
/// first line; an empty range gets one caret.
fn snippet(s: &mut String, loc: &Location, gutter: usize, caret_style: &str, color: bool) {
    let Some(line) = &loc.source else {
        return;
    };
    let pad = " ".repeat(gutter);
    let bar = paint(color, BLUE, "|");
    let _ = writeln!(s, "{pad} {bar}");

    let (shown, columns) = expand_line(line);
    let chars = columns.len() - 1;
    let start = (loc.start.col as usize - 1).min(chars);
    let end = if loc.end.line == loc.start.line {
        (loc.end.col as usize - 1).clamp(start, chars)
    } else {
        chars
    };
    let from = columns[start];
    let carets = (columns[end] - from).max(1);

    let number = paint(color, BLUE, &format!("{:>gutter$} |", loc.start.line));
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

/// `check`'s summary for stderr, e.g. `2 errors, 1 warning (3 files
/// checked)`, or `no problems (3 files checked)` when there are no
/// diagnostics. Never printed after a failure.
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

/// `breaking`'s summary for stderr: `2 breaking changes (FILE; 3 files
/// compared against REF)`, `no breaking changes (...)`, or, when errors
/// kept the versions from being compared, `1 error: the versions were not
/// compared (...)`. Never printed after a failure.
pub(crate) fn breaking_summary(
    findings: &[Finding],
    not_compared: bool,
    categories: &str,
    compared: usize,
    against: &str,
) -> String {
    let files = if compared == 1 { "file" } else { "files" };
    let n = findings.len();
    if not_compared {
        let errors = if n == 1 { "error" } else { "errors" };
        return format!(
            "{n} {errors}: the versions were not compared ({categories}; {compared} {files} against {against})"
        );
    }
    let found = match n {
        0 => "no breaking changes".to_string(),
        1 => "1 breaking change".to_string(),
        n => format!("{n} breaking changes"),
    };
    format!("{found} ({categories}; {compared} {files} compared against {against})")
}
