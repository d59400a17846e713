//! `json`: one array, one object per line. `check` and `breaking` keep
//! their own keys (scripts read them); a failure is an object of its own
//! at the end of the array, with `"failure": true`.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::{Failure, Finding, Location, Pos, Report, Tool, write_json_lines};

fn position(pos: Pos) -> Value {
    json!({ "line": pos.line, "column": pos.col })
}

fn range(loc: &Location) -> Value {
    json!({ "start": u32::from(loc.range.start()), "end": u32::from(loc.range.end()) })
}

/// A diagnostic of `check`.
fn check_finding(f: &Finding) -> Value {
    let related: Vec<Value> = f
        .related
        .iter()
        .map(|r| {
            json!({
                "file": r.location.path,
                "message": r.message,
                "range": range(&r.location),
                "start": position(r.location.start),
                "end": position(r.location.end),
            })
        })
        .collect();
    json!({
        "file": f.location.path,
        "code": f.code,
        "name": f.name,
        "severity": f.severity.as_str(),
        "message": f.message,
        "range": range(&f.location),
        "start": position(f.location.start),
        "end": position(f.location.end),
        "related": related,
    })
}

/// A finding of `breaking`.
fn breaking_finding(f: &Finding, against: &str) -> Value {
    json!({
        "file": f.location.path,
        "in_old_version": f.location.in_old,
        "rule": f.code,
        "category": f.category.map(|c| c.as_str()),
        "message": f.message,
        "start": position(f.location.start),
        "end": position(f.location.end),
        "previous": f.previous.as_ref().map(|p| json!({
            "file": p.path,
            "against": against,
            "start": position(p.start),
            "end": position(p.end),
        })),
    })
}

/// A failure: `{"failure": true, "severity": "error", "file": PATH or
/// null, "message": ...}`.
fn failure(f: &Failure) -> Value {
    json!({
        "failure": true,
        "severity": "error",
        "file": f.file,
        "message": f.message,
    })
}

pub(super) fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let items: Vec<Value> = report
        .findings
        .iter()
        .map(|f| match &report.tool {
            Tool::Check => check_finding(f),
            Tool::Breaking { against } => breaking_finding(f, against),
        })
        .chain(report.failures.iter().map(failure))
        .collect();
    write_json_lines(&items, out)
}
