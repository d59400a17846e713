//! The real-world corpus: every file is lossless, and every file with valid
//! Apache syntax parses without errors.

mod common;

use thrift_syntax::{Dialect, LineIndex, parse, parse_with};

#[test]
fn corpus_files_parse() {
    let Some(dir) = common::corpus_dir("corpus_files_parse") else {
        return;
    };
    let entries = common::oracle(&dir);
    assert!(
        entries.len() > 100,
        "the corpus looks truncated: {} files",
        entries.len()
    );
    let mut failures = Vec::new();
    let mut clean = 0;
    for entry in &entries {
        let path = dir.join(&entry.path);
        let text = std::fs::read_to_string(&path).unwrap();
        let parse = parse(&text);
        assert_eq!(
            parse.syntax_node().to_string(),
            text,
            "{} is not lossless",
            entry.path
        );
        if entry.is_valid_apache_syntax() {
            clean += 1;
            if parse.dialect() != Dialect::Apache {
                failures.push(format!("  {}: detected as fbthrift", entry.path));
            }
            if !parse.errors().is_empty() {
                let index = LineIndex::new(&text);
                let shown: Vec<String> = parse
                    .errors()
                    .iter()
                    .take(5)
                    .map(|e| {
                        let lc = index.line_col(&text, e.range.start());
                        format!(
                            "  {}:{}:{}: {}",
                            entry.path,
                            lc.line + 1,
                            lc.col + 1,
                            e.message
                        )
                    })
                    .collect();
                failures.push(shown.join("\n"));
            }
        } else if entry.is_fbthrift() {
            // fbthrift files: detected as such, and no syntax errors.
            // (A file whose only fbthrift syntax is in what it includes
            // has no markers of its own, and is read as Apache.)
            let own_syntax = !entry.note.contains("the error is in an included file");
            if own_syntax && parse.dialect() != Dialect::FbThrift {
                failures.push(format!("  {}: not detected as fbthrift", entry.path));
            }
            if let Some(e) = parse.errors().first() {
                failures.push(format!("  {}: {} at {:?}", entry.path, e.message, e.range));
            }
        } else if entry.note.starts_with("dialect:") {
            // Syntax that only fbthrift accepts: an error read as Apache,
            // and `auto` reads the file as fbthrift.
            let apache = parse_with(&text, Some(Dialect::Apache), None);
            if apache.errors().is_empty() {
                failures.push(format!(
                    "  {}: invalid Apache ({}) but parsed without errors",
                    entry.path, entry.note
                ));
            }
            if parse.dialect() != Dialect::FbThrift {
                failures.push(format!("  {}: not detected as fbthrift", entry.path));
            }
        } else if entry.is_intentionally_invalid() && parse.errors().is_empty() {
            failures.push(format!(
                "  {}: invalid ({}) but parsed without errors",
                entry.path, entry.note
            ));
        }
    }
    assert!(clean > 200, "only {clean} files checked");
    assert!(
        failures.is_empty(),
        "{} corpus files failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
