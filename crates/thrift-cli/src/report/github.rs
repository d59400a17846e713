//! `github`: GitHub Actions workflow commands, one annotation per line.

use std::{
    fmt::Write as _,
    io::{self, Write},
};

use thrift_semantic::Severity;

use super::{Finding, Report, Tool, sanitize};

/// GitHub shows at most 10 annotations of a kind per step: the failures
/// and the first findings are annotations, then one more says how many
/// are left and lists them (the log shows them all, one per line).
pub(crate) const GITHUB_ANNOTATIONS: usize = 10;

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

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Hint => "notice",
    }
}

fn annotation(f: &Finding, tool: &Tool) -> String {
    let loc = &f.location;
    let mut props = format!(
        "file={},line={}",
        escape_property(&loc.path),
        loc.start.line
    );
    // The runner drops columns unless the range is on one line.
    if loc.start.line == loc.end.line {
        let _ = write!(props, ",col={}", loc.start.col);
    }
    let _ = write!(props, ",endLine={}", loc.end.line);
    if loc.start.line == loc.end.line {
        let _ = write!(props, ",endColumn={}", loc.end.col);
    }
    let title = match tool {
        Tool::Check => format!("{} {}", f.code, f.name),
        Tool::Breaking { .. } => format!("{}{}", f.code, f.breaks()),
    };
    let _ = write!(props, ",title={}", escape_property(&title));
    let mut message = f.message.clone();
    for r in &f.related {
        let _ = write!(message, "\n{}: note: {}", r.location.display(), r.message);
    }
    if let Some(p) = &f.previous {
        let _ = write!(
            message,
            "\nPreviously at {} (in {}).",
            p.display(),
            tool.against()
        );
    }
    format!(
        "::{} {props}::{}\n",
        command(f.severity),
        escape_data(&message)
    )
}

pub(super) fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    // Failures first: they are never left out.
    for failure in &report.failures {
        let file = failure
            .file
            .as_ref()
            .map_or(String::new(), |f| format!("file={},", escape_property(f)));
        out.write_all(
            format!(
                "::error {file}title=failure::{}\n",
                escape_data(&failure.message)
            )
            .as_bytes(),
        )?;
    }
    let findings = &report.findings;
    let budget = GITHUB_ANNOTATIONS.saturating_sub(report.failures.len());
    let annotated = if findings.len() > budget {
        budget.saturating_sub(1)
    } else {
        findings.len()
    };
    for f in &findings[..annotated] {
        out.write_all(annotation(f, &report.tool).as_bytes())?;
    }
    let rest = &findings[annotated..];
    let Some(worst) = rest.iter().map(|f| f.severity).max() else {
        return Ok(());
    };
    let what = match report.tool {
        Tool::Check => "problems",
        Tool::Breaking { .. } if findings[0].category.is_none() => "errors",
        Tool::Breaking { .. } => "breaking changes",
    };
    let mut message = format!(
        "{} more {what} (GitHub shows only {GITHUB_ANNOTATIONS} annotations):",
        rest.len()
    );
    for f in rest {
        let _ = write!(
            message,
            "\n{}: {}: {}",
            f.location.display(),
            f.code,
            f.message
        );
    }
    out.write_all(
        format!(
            "::{} title={}::{}\n",
            command(worst),
            escape_property(&format!("More {what}")),
            escape_data(&message)
        )
        .as_bytes(),
    )?;
    // And the full list in the log, one per line.
    for f in rest {
        out.write_all(
            format!(
                "{}: {}: {}\n",
                f.location.display(),
                f.code,
                sanitize(&f.message, false)
            )
            .as_bytes(),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("a%b\r\nc:d,e"), "a%25b%0D%0Ac:d,e");
        assert_eq!(escape_property("a%b\r\nc:d,e"), "a%25b%0D%0Ac%3Ad%2Ce");
    }
}
