//! Keeps `docs/diagnostics.md` honest.
//!
//! - Every code has exactly one section, headed `## T1010: unresolved-type`,
//!   in code order, and there is no section for a code that does not exist.
//! - The summary table has one row per code, with the code's name, default
//!   severity and summary, linking to the code's section.
//! - The first ```` ```thrift ```` block of a section is the bad example: its
//!   first file gets the section's code. Every other ```` ```thrift ```` block
//!   of the document (fixed examples, silenced examples, the intro) is clean:
//!   its first file gets no diagnostics at all.
//! - Messages quoted in ```` ```text ```` blocks as `error[T1010]: message`
//!   are real: the section's bad example produces exactly that code,
//!   severity and message. Each section quotes its own code at least once.
//!
//! Examples are fixtures as in `src/tests.rs`: `//- /main.thrift` and
//! `//- /shared.thrift` lines separate files (the first is the one checked;
//! without a marker the block is `/main.thrift`), and includes resolve
//! relative to the including file, then from `/`.
//!
//! To see what every example produces while writing the document:
//! `DIAGNOSTICS_DOCS_DUMP=1 cargo test -p thrift-semantic --test docs -- --nocapture`.

use std::{collections::HashMap, path::PathBuf};

use thrift_semantic::{Code, Database, Diagnostic, FileId, Severity};

/// Codes no check reports yet. Their section documents where the problem
/// is reported today; the bad example must get an error, but not this code
/// (when a check starts reporting it, remove it from here).
const NOT_YET_REPORTED: &[(Code, &str)] = &[];

fn doc_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/diagnostics.md")
}

// ---------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------

struct Block {
    lang: String,
    /// 1-based line of the opening fence.
    line: usize,
    text: String,
}

struct Section {
    /// The heading's text, without `## `.
    heading: String,
    /// 1-based line of the heading.
    line: usize,
    blocks: Vec<Block>,
}

struct Doc {
    /// Lines outside code fences, with their 1-based numbers.
    prose: Vec<(usize, String)>,
    /// Blocks before the first `##` heading.
    intro_blocks: Vec<Block>,
    sections: Vec<Section>,
}

fn parse_doc(text: &str) -> Doc {
    let mut doc = Doc {
        prose: Vec::new(),
        intro_blocks: Vec::new(),
        sections: Vec::new(),
    };
    let mut fence: Option<Block> = None;
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        if let Some(block) = &mut fence {
            if line.trim_start().starts_with("```") {
                let block = fence.take().expect("inside a fence");
                match doc.sections.last_mut() {
                    Some(section) => section.blocks.push(block),
                    None => doc.intro_blocks.push(block),
                }
            } else {
                block.text.push_str(line);
                block.text.push('\n');
            }
            continue;
        }
        if let Some(lang) = line.trim_start().strip_prefix("```") {
            fence = Some(Block {
                lang: lang.trim().to_string(),
                line: number,
                text: String::new(),
            });
            continue;
        }
        if let Some(heading) = line.strip_prefix("## ") {
            doc.sections.push(Section {
                heading: heading.trim().to_string(),
                line: number,
                blocks: Vec::new(),
            });
        }
        doc.prose.push((number, line.to_string()));
    }
    assert!(
        fence.is_none(),
        "docs/diagnostics.md: a code fence is not closed"
    );
    doc
}

/// The code a heading is about, if it looks like `T1234...`.
fn heading_code(heading: &str) -> Option<&str> {
    let code = heading.get(..5)?;
    let mut chars = code.chars();
    (chars.next() == Some('T') && chars.all(|c| c.is_ascii_digit())).then_some(code)
}

fn code_by_str(s: &str) -> Option<Code> {
    Code::ALL.iter().copied().find(|c| c.as_str() == s)
}

fn heading_for(code: Code) -> String {
    format!("{}: {}", code.as_str(), code.name())
}

/// The anchor GitHub makes for a heading: lowercase, punctuation other than
/// `-` and `_` dropped, spaces to `-`.
fn anchor(heading: &str) -> String {
    heading
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Examples
// ---------------------------------------------------------------------------

/// Splits a fixture into `(path, text)` pairs, as `src/tests.rs` does.
fn files(fixture: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    if !fixture.trim_start().starts_with("//- ") {
        out.push(("/main.thrift".to_string(), String::new()));
    }
    for line in fixture.lines() {
        if let Some(path) = line.strip_prefix("//- ") {
            out.push((path.trim().to_string(), String::new()));
        } else if let Some((_, text)) = out.last_mut() {
            text.push_str(line);
            text.push('\n');
        }
    }
    out
}

fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    format!("/{}", parts.join("/"))
}

/// The first file's diagnostics, and its text.
fn check_example(fixture: &str) -> (Vec<Diagnostic>, String) {
    let files = files(fixture);
    let paths: Vec<String> = files.iter().map(|(p, _)| p.clone()).collect();
    let ids: HashMap<String, FileId> = paths
        .iter()
        .enumerate()
        .map(|(i, p)| (p.clone(), FileId(i as u32)))
        .collect();
    let resolver = move |from: FileId, include: &str| -> Option<FileId> {
        let from_path = &paths[from.0 as usize];
        let dir = &from_path[..from_path.rfind('/').unwrap_or(0)];
        let candidates = [normalize(&format!("{dir}/{include}")), normalize(include)];
        candidates.iter().find_map(|c| ids.get(c).copied())
    };
    let mut db = Database::new(resolver);
    for (i, (_, text)) in files.iter().enumerate() {
        db.apply_change(FileId(i as u32), text);
    }
    // `// targets: thriftpy2 py@0.17` on the first line: the target checks
    // (docs/targets.md) run for those targets, at that Apache version.
    if let Some(list) = files[0]
        .1
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("// targets:"))
    {
        let words: Vec<&str> = list.split_whitespace().collect();
        let names: Vec<&str> = words
            .iter()
            .map(|w| w.split('@').next().unwrap_or(w))
            .collect();
        let version = words.iter().find_map(|w| w.split_once('@').map(|(_, v)| v));
        let targets = thrift_semantic::Targets::parse(&names, version).expect("valid targets");
        db.set_targets(targets);
        db.set_file_name(FileId(0), Some(&files[0].0));
    }
    let diagnostics = db.diagnostics(FileId(0)).as_ref().clone();
    (diagnostics, files[0].1.clone())
}

/// `  3:5 T1010 error: type `X` is not defined`, one per line.
fn render(diagnostics: &[Diagnostic], text: &str) -> String {
    if diagnostics.is_empty() {
        return "  (no diagnostics)".to_string();
    }
    diagnostics
        .iter()
        .map(|d| {
            let offset = usize::from(d.range.start()).min(text.len());
            let before = &text[..offset];
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            format!(
                "  {line}:{col} {} {}: {}",
                d.code,
                d.severity.as_str(),
                d.message
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `error[T1010]: message` lines of a ```text block.
fn quoted_messages(block: &Block) -> Vec<(String, String, String)> {
    block
        .text
        .lines()
        .filter_map(|line| {
            let (severity, rest) = line.split_once('[')?;
            if !matches!(severity, "error" | "warning" | "hint") {
                return None;
            }
            let (code, message) = rest.split_once("]: ")?;
            Some((severity.to_string(), code.to_string(), message.to_string()))
        })
        .collect()
}

// ---------------------------------------------------------------------------
// The test
// ---------------------------------------------------------------------------

#[test]
fn diagnostics_md_documents_every_code_with_working_examples() {
    let path = doc_path();
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let doc = parse_doc(&text);
    let dump = std::env::var_os("DIAGNOSTICS_DOCS_DUMP").is_some();
    let mut problems: Vec<String> = Vec::new();

    // Sections: one per code, known codes only, right names, in code order.
    let mut found: HashMap<Code, &Section> = HashMap::new();
    let mut order: Vec<Code> = Vec::new();
    for section in &doc.sections {
        let Some(code_str) = heading_code(&section.heading) else {
            continue;
        };
        let Some(code) = code_by_str(code_str) else {
            problems.push(format!(
                "line {}: `## {}` is a section for an unknown code",
                section.line, section.heading
            ));
            continue;
        };
        if section.heading != heading_for(code) {
            problems.push(format!(
                "line {}: `## {}` should be `## {}`",
                section.line,
                section.heading,
                heading_for(code)
            ));
        }
        if found.insert(code, section).is_some() {
            problems.push(format!(
                "line {}: a second section for {code}",
                section.line
            ));
        }
        order.push(code);
    }
    for code in Code::ALL {
        if !found.contains_key(code) {
            problems.push(format!("no section `## {}`", heading_for(*code)));
        }
    }
    let mut sorted = order.clone();
    sorted.sort_by_key(|c| c.as_str());
    if order != sorted {
        problems.push(format!(
            "the sections are not in code order: {}",
            order
                .iter()
                .map(|c| c.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }

    // The summary table: one row per code, matching the code's metadata.
    let mut rows: HashMap<String, (usize, Vec<String>)> = HashMap::new();
    for (line, text) in &doc.prose {
        let Some(row) = text.trim().strip_prefix('|') else {
            continue;
        };
        let cells: Vec<String> = row
            .trim_end()
            .trim_end_matches('|')
            .split('|')
            .map(|c| c.trim().to_string())
            .collect();
        let Some(code) = cells[0]
            .strip_prefix('[')
            .and_then(|c| c.split(']').next())
            .and_then(heading_code)
        else {
            continue;
        };
        if rows
            .insert(code.to_string(), (*line, cells.clone()))
            .is_some()
        {
            problems.push(format!("line {line}: a second summary row for {code}"));
        }
    }
    for (code, (line, _)) in &rows {
        if code_by_str(code).is_none() {
            problems.push(format!(
                "line {line}: a summary row for the unknown code {code}"
            ));
        }
    }
    for code in Code::ALL {
        let expected = vec![
            format!("[{}](#{})", code.as_str(), anchor(&heading_for(*code))),
            format!("`{}`", code.name()),
            code.default_severity().as_str().to_string(),
            code.summary().to_string(),
        ];
        match rows.get(code.as_str()) {
            None => problems.push(format!("no summary table row for {code}")),
            Some((line, cells)) if *cells != expected => problems.push(format!(
                "line {line}: the summary row for {code} should be\n  | {} |",
                expected.join(" | ")
            )),
            Some(_) => {}
        }
    }

    // Examples.
    let not_yet = |code: Code| NOT_YET_REPORTED.iter().any(|(c, _)| *c == code);
    let general_blocks = doc.intro_blocks.iter().chain(
        doc.sections
            .iter()
            .filter(|s| heading_code(&s.heading).is_none())
            .flat_map(|s| &s.blocks),
    );
    for block in general_blocks.filter(|b| b.lang == "thrift") {
        let (diagnostics, text) = check_example(&block.text);
        if dump {
            println!(
                "example at line {}:\n{}",
                block.line,
                render(&diagnostics, &text)
            );
        }
        if !diagnostics.is_empty() {
            problems.push(format!(
                "line {}: this example should be clean, but gets:\n{}",
                block.line,
                render(&diagnostics, &text)
            ));
        }
    }
    for code in Code::ALL {
        let Some(section) = found.get(code) else {
            continue;
        };
        let mut thrift_blocks = section.blocks.iter().filter(|b| b.lang == "thrift");
        let Some(bad) = thrift_blocks.next() else {
            problems.push(format!(
                "line {}: {code} has no ```thrift example",
                section.line
            ));
            continue;
        };
        let (diagnostics, bad_text) = check_example(&bad.text);
        if dump {
            println!(
                "{code}: bad example at line {}:\n{}",
                bad.line,
                render(&diagnostics, &bad_text)
            );
        }
        let has_code = diagnostics.iter().any(|d| d.code == *code);
        if not_yet(*code) {
            if has_code {
                problems.push(format!(
                    "line {}: {code} is reported now: remove it from NOT_YET_REPORTED \
                     in tests/docs.rs and update its section",
                    bad.line
                ));
            } else if !diagnostics.iter().any(|d| d.severity == Severity::Error) {
                problems.push(format!(
                    "line {}: the example of {code} should get an error, but gets:\n{}",
                    bad.line,
                    render(&diagnostics, &bad_text)
                ));
            }
        } else if !has_code {
            problems.push(format!(
                "line {}: the first example of {code} should get {code}, but gets:\n{}",
                bad.line,
                render(&diagnostics, &bad_text)
            ));
        }

        // Other examples in the section are clean.
        for block in thrift_blocks {
            let (diagnostics, text) = check_example(&block.text);
            if dump {
                println!(
                    "{code}: example at line {}:\n{}",
                    block.line,
                    render(&diagnostics, &text)
                );
            }
            if !diagnostics.is_empty() {
                problems.push(format!(
                    "line {}: this example of {code} comes after the bad one, so it \
                     should be clean, but gets:\n{}",
                    block.line,
                    render(&diagnostics, &text)
                ));
            }
        }

        // Quoted messages are produced by the bad example.
        let mut quotes_own_code = false;
        for block in section.blocks.iter().filter(|b| b.lang == "text") {
            for (severity, quoted_code, message) in quoted_messages(block) {
                quotes_own_code |= quoted_code == code.as_str();
                let real = diagnostics.iter().any(|d| {
                    d.code.as_str() == quoted_code
                        && d.severity.as_str() == severity
                        && d.message == message
                });
                if !real {
                    problems.push(format!(
                        "line {}: `{severity}[{quoted_code}]: {message}` is not what the \
                         example of {code} (line {}) produces; it gets:\n{}",
                        block.line,
                        bad.line,
                        render(&diagnostics, &bad_text)
                    ));
                }
            }
        }
        if !quotes_own_code && !not_yet(*code) {
            problems.push(format!(
                "line {}: {code} quotes no message of its own in a ```text block \
                 (`{}[{code}]: ...`)",
                section.line,
                code.default_severity().as_str()
            ));
        }
    }

    assert!(
        problems.is_empty(),
        "docs/diagnostics.md has {} problem(s):\n\n{}",
        problems.len(),
        problems.join("\n\n")
    );
}

#[test]
fn anchors_are_github_style() {
    assert_eq!(anchor("T1010: unresolved-type"), "t1010-unresolved-type");
    assert_eq!(anchor("T2003: 64-bit-constant"), "t2003-64-bit-constant");
}

/// `Code::doc_url` (the link editors and SARIF show) lands on the code's
/// heading in docs/diagnostics.md.
#[test]
fn doc_urls_land_on_the_headings() {
    let text = std::fs::read_to_string(doc_path()).unwrap();
    let doc = parse_doc(&text);
    for &code in Code::ALL {
        let url = code.doc_url();
        let (page, fragment) = url.split_once('#').unwrap();
        assert!(page.ends_with("/docs/diagnostics.md"), "{url}");
        assert_eq!(fragment, anchor(&heading_for(code)), "{url}");
        assert!(
            doc.sections.iter().any(|s| anchor(&s.heading) == fragment),
            "{url}: no such heading"
        );
    }
}
