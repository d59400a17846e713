//! `sarif`: one SARIF 2.1.0 log with one run. Its invocation says whether
//! the run was complete: after a failure, `executionSuccessful` is false
//! and each failure is a `toolExecutionNotifications` entry, so that an
//! upload cannot close alerts the run did not look for.

use std::{
    fmt::Write as _,
    io::{self, Write},
};

use serde_json::{Map, Value, json};
use thrift_breaking::{RULES, rules::COMPILE};
use thrift_semantic::{Code, Severity};

use super::{Failure, Finding, INFORMATION_URI, Location, Report, Tool, write_pretty};

const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const BREAKING_HELP_URI: &str =
    "https://github.com/thrift-tools/thrift-tools/blob/main/docs/breaking.md#";

/// The documentation of a rule of `breaking`.
pub(crate) fn breaking_help_uri(id: &str) -> String {
    format!("{BREAKING_HELP_URI}{}", id.to_ascii_lowercase())
}

fn level(severity: Severity) -> &'static str {
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
fn uri(path: &str) -> (String, bool) {
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

/// An `artifactLocation`: relative to `%SRCROOT%`, or a `file:` URI.
fn artifact(path: &str) -> Value {
    let (uri, relative) = uri(path);
    let mut artifact = Map::new();
    artifact.insert("uri".into(), json!(uri));
    if relative {
        artifact.insert("uriBaseId".into(), json!("%SRCROOT%"));
    }
    Value::Object(artifact)
}

/// A physical location: the file and the 1-based region, columns in code
/// points, the end exclusive.
fn physical_location(loc: &Location) -> Value {
    json!({
        "artifactLocation": artifact(&loc.path),
        "region": {
            "startLine": loc.start.line,
            "startColumn": loc.start.col,
            "endLine": loc.end.line,
            "endColumn": loc.end.col,
        },
    })
}

/// Every rule of the tool, whether reported or not.
fn rules(tool: &Tool) -> Vec<Value> {
    match tool {
        Tool::Check => Code::ALL
            .iter()
            .map(|code| {
                json!({
                    "id": code.as_str(),
                    "name": code.name(),
                    "shortDescription": { "text": code.summary() },
                    "defaultConfiguration": { "level": level(code.default_severity()) },
                    "helpUri": code.doc_url(),
                })
            })
            .collect(),
        // The catalogue, then `COMPILE` for the errors that stop a
        // comparison.
        Tool::Breaking { .. } => RULES
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
                    "helpUri": breaking_help_uri(r.id),
                    "defaultConfiguration": { "level": "error" },
                    "properties": { "tags": apache, "precision": "high" },
                })
            })
            .collect(),
    }
}

fn result(f: &Finding, rule_index: usize, tool: &Tool) -> Value {
    let mut result = Map::new();
    result.insert("ruleId".into(), json!(f.code));
    result.insert("ruleIndex".into(), json!(rule_index));
    result.insert("level".into(), json!(level(f.severity)));
    result.insert("message".into(), json!({ "text": f.message }));
    result.insert(
        "locations".into(),
        json!([{ "physicalLocation": physical_location(&f.location) }]),
    );
    let previous = f
        .previous
        .as_ref()
        .map(|p| (format!("previously here (in {})", tool.against()), p));
    let related: Vec<Value> = f
        .related
        .iter()
        .map(|r| (r.message.clone(), &r.location))
        .chain(previous)
        .enumerate()
        .map(|(i, (message, loc))| {
            json!({
                "id": i + 1,
                "physicalLocation": physical_location(loc),
                "message": { "text": message },
            })
        })
        .collect();
    if !related.is_empty() {
        result.insert("relatedLocations".into(), Value::Array(related));
    }
    if let Some(category) = f.category {
        result.insert(
            "properties".into(),
            json!({ "category": category.as_str() }),
        );
    }
    Value::Object(result)
}

/// A failure as a tool execution notification: level `error`, the message,
/// and the file when there is one.
fn notification(f: &Failure) -> Value {
    let mut notification = Map::new();
    notification.insert("level".into(), json!("error"));
    notification.insert("message".into(), json!({ "text": f.message }));
    if let Some(file) = &f.file {
        notification.insert(
            "locations".into(),
            json!([{ "physicalLocation": { "artifactLocation": artifact(file) } }]),
        );
    }
    Value::Object(notification)
}

/// The whole log as a JSON value.
pub(crate) fn log(report: &Report) -> Value {
    let rules = rules(&report.tool);
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            let index = rules
                .iter()
                .position(|r| r["id"] == f.code)
                .expect("every finding's rule is in the driver's rules");
            result(f, index, &report.tool)
        })
        .collect();
    let mut invocation = Map::new();
    invocation.insert(
        "executionSuccessful".into(),
        json!(report.failures.is_empty()),
    );
    if !report.failures.is_empty() {
        let notifications: Vec<Value> = report.failures.iter().map(notification).collect();
        invocation.insert(
            "toolExecutionNotifications".into(),
            Value::Array(notifications),
        );
    }
    json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": report.tool.name(),
                    "informationUri": INFORMATION_URI,
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                },
            },
            "invocations": [Value::Object(invocation)],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

pub(super) fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    write_pretty(&log(report), out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris() {
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
}
