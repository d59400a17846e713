//! `rdjson`: one Reviewdog Diagnostic Format `DiagnosticResult`. A failure
//! is a diagnostic of its own, severity `ERROR`, code `failure`.

use std::io::{self, Write};

use serde_json::{Map, Value, json};
use thrift_semantic::Severity;

use super::{Failure, Finding, INFORMATION_URI, Location, Report, Tool, write_pretty};

/// A severity as reviewdog names it.
fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Hint => "INFO",
    }
}

/// An rdjson `Location`: the path and a range with 1-based lines and
/// 1-based UTF-8 byte columns, the end exclusive.
fn location(loc: &Location) -> Value {
    json!({
        "path": loc.path,
        "range": {
            "start": { "line": loc.start.line, "column": loc.start.byte_col },
            "end": { "line": loc.end.line, "column": loc.end.byte_col },
        },
    })
}

fn diagnostic(f: &Finding, tool: &Tool) -> Value {
    let mut diagnostic = Map::new();
    diagnostic.insert(
        "message".into(),
        json!(format!("{}{}", f.message, f.breaks())),
    );
    diagnostic.insert("location".into(), location(&f.location));
    diagnostic.insert("severity".into(), json!(severity(f.severity)));
    diagnostic.insert("code".into(), json!({ "value": f.code, "url": f.help_uri }));
    let previous = f.previous.as_ref().map(|p| {
        json!({
            "message": format!("previously here (in {})", tool.against()),
            "location": location(p),
        })
    });
    let related: Vec<Value> = f
        .related
        .iter()
        .map(|r| json!({ "message": r.message, "location": location(&r.location) }))
        .chain(previous)
        .collect();
    if !related.is_empty() {
        diagnostic.insert("related_locations".into(), Value::Array(related));
    }
    Value::Object(diagnostic)
}

/// A failure: severity `ERROR`, code `failure`, and a location with only a
/// path when it is about a file.
fn failure(f: &Failure) -> Value {
    let mut diagnostic = Map::new();
    diagnostic.insert("message".into(), json!(f.message));
    if let Some(file) = &f.file {
        diagnostic.insert("location".into(), json!({ "path": file }));
    }
    diagnostic.insert("severity".into(), json!("ERROR"));
    diagnostic.insert("code".into(), json!({ "value": "failure" }));
    Value::Object(diagnostic)
}

pub(super) fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let list: Vec<Value> = report
        .findings
        .iter()
        .map(|f| diagnostic(f, &report.tool))
        .chain(report.failures.iter().map(failure))
        .collect();
    // The overall severity is the worst one (reviewdog uses it only for
    // diagnostics without their own, and every one has its own).
    let worst = report
        .findings
        .iter()
        .map(|f| f.severity)
        .chain(report.failures.iter().map(|_| Severity::Error))
        .max();
    let mut result = Map::new();
    result.insert(
        "source".into(),
        json!({ "name": report.tool.name(), "url": INFORMATION_URI }),
    );
    if let Some(worst) = worst {
        result.insert("severity".into(), json!(severity(worst)));
    }
    result.insert("diagnostics".into(), Value::Array(list));
    write_pretty(&Value::Object(result), out)
}
