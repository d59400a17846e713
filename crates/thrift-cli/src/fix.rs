//! `thrift-lint check --fix`, `--diff`, `--fix-only`: applies the fixes of
//! `thrift_ide::fixes` to the given files, checks again, and writes (or
//! shows) what changed.
//!
//! Fixes are applied in rounds: every input's fixes, then one check of
//! all inputs, as long as a round changes something and at most
//! [`MAX_ROUNDS`] times (a fix can make another possible: removing an
//! include frees the place where another is added). Only the given files
//! are changed, never the files they include; a file with syntax errors
//! is not fixed at all (like ruff).

use std::{
    collections::{BTreeMap, HashMap},
    path::PathBuf,
};

use thrift_ide::FixRule;
use thrift_semantic::{Database, Diagnostic, FileId};
use thrift_syntax::LineIndex;

use crate::report::Failure;

/// At most this many rounds of fixing and checking again.
pub const MAX_ROUNDS: usize = 10;

/// What `--fix`, `--diff` and `--fix-only` ask for.
#[derive(Debug, Clone, Default)]
pub struct FixArgs {
    pub fix: bool,
    pub diff: bool,
    /// `--fix-only`: codes or names (comma-separated lists split already).
    pub only: Vec<String>,
}

impl FixArgs {
    /// Whether anything is to be fixed (or shown).
    pub fn active(&self) -> bool {
        self.fix || self.diff || !self.only.is_empty()
    }

    /// The fixes to apply: `--fix-only`'s, else the safe ones. An error
    /// names what has no fix.
    pub fn rules(&self) -> Result<Vec<FixRule>, String> {
        if self.only.is_empty() {
            return Ok(FixRule::ALL
                .iter()
                .copied()
                .filter(|r| r.is_safe())
                .collect());
        }
        let mut rules = Vec::new();
        for name in &self.only {
            let name = name.trim();
            match FixRule::from_name(name) {
                Some(rule) => {
                    if !rules.contains(&rule) {
                        rules.push(rule);
                    }
                }
                None => {
                    let known: Vec<String> = FixRule::ALL
                        .iter()
                        .map(|r| match r.code() {
                            Some(code) => format!("{code} ({})", r.name()),
                            None => r.name().to_string(),
                        })
                        .collect();
                    return Err(format!(
                        "--fix-only: `{name}` has no fix; fixes exist for {}",
                        known.join(", ")
                    ));
                }
            }
        }
        Ok(rules)
    }
}

/// What fixing did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// The files that changed, and their texts before.
    pub changed: BTreeMap<FileId, String>,
    /// How many problems were fixed.
    pub problems: usize,
    /// Per file: where a fix was not made, and why (the last round's).
    pub skipped: BTreeMap<FileId, Vec<(thrift_syntax::TextRange, String)>>,
    /// Inputs with syntax errors, which were not fixed.
    pub syntax_errors: Vec<FileId>,
    /// Fixes that would have broken the syntax and were undone (a bug).
    pub undone: Vec<(FileId, String)>,
}

/// Fixes `inputs` in `db` and replaces `results` with the findings of
/// the fixed files. `levels` applies the `[lint]` levels to a file's
/// diagnostics (what is off is not fixed either).
pub fn fix(
    db: &mut Database,
    inputs: &[FileId],
    results: &mut [(FileId, Vec<Diagnostic>)],
    rules: &[FixRule],
    path_of: &dyn Fn(FileId) -> Option<PathBuf>,
    levels: &dyn Fn(FileId, &mut Vec<Diagnostic>),
) -> Outcome {
    let mut out = Outcome::default();
    for &file in inputs {
        if db.parse(file).is_some_and(|p| !p.errors().is_empty())
            && !out.syntax_errors.contains(&file)
        {
            out.syntax_errors.push(file);
        }
    }
    for _ in 0..MAX_ROUNDS {
        let mut changed_any = false;
        let by_file: HashMap<FileId, &Vec<Diagnostic>> =
            results.iter().map(|(f, d)| (*f, d)).collect();
        let mut changes: Vec<(FileId, String, usize)> = Vec::new();
        for (&file, diagnostics) in &by_file {
            if out.syntax_errors.contains(&file) {
                continue;
            }
            let found = thrift_ide::fixes(db, file, diagnostics, rules, path_of);
            out.skipped.insert(file, found.skipped);
            if found.fixes.is_empty() {
                continue;
            }
            let Some(text) = db.text(file) else { continue };
            let problems = found.fixes.iter().map(|f| f.problems).sum();
            let edits: Vec<thrift_ide::TextEdit> =
                found.fixes.into_iter().flat_map(|f| f.edits).collect();
            changes.push((file, thrift_ide::apply_edits(text, &edits), problems));
        }
        changes.sort_by_key(|(f, _, _)| *f);
        for (file, new_text, problems) in changes {
            let old = db.text(file).unwrap_or_default().to_string();
            db.apply_change(file, &new_text);
            // A fix never breaks the syntax; should one, it is undone.
            if db.parse(file).is_some_and(|p| !p.errors().is_empty()) {
                db.apply_change(file, &old);
                out.undone.push((file, new_text));
                continue;
            }
            out.changed.entry(file).or_insert(old);
            out.problems += problems;
            changed_any = true;
        }
        if !changed_any {
            break;
        }
        resolve_added_includes(db, path_of);
        // Check again: the next round's fixes, or the final findings.
        for (file, diagnostics) in results.iter_mut() {
            *diagnostics = db.check_file(*file);
            levels(*file, diagnostics);
        }
    }
    // A file that ends as it began has not changed.
    out.changed
        .retain(|file, old| db.text(*file).is_some_and(|now| now != old));
    out
}

/// `fixed 3 problems in 2 files` (or `would fix …` for `--diff`), then a
/// note for each problem not fixed and each input left alone.
pub fn summary_lines(
    outcome: &Outcome,
    diff: bool,
    db: &Database,
    key: &dyn Fn(FileId) -> String,
) -> Vec<String> {
    let mut lines = Vec::new();
    let problems = match outcome.problems {
        1 => "1 problem".to_string(),
        n => format!("{n} problems"),
    };
    let files = match outcome.changed.len() {
        1 => "1 file".to_string(),
        n => format!("{n} files"),
    };
    let verb = if diff { "would fix" } else { "fixed" };
    lines.push(format!("{verb} {problems} in {files}"));
    for (file, skipped) in &outcome.skipped {
        let Some(text) = db.text(*file) else { continue };
        let index = LineIndex::new(text);
        for (range, why) in skipped {
            let lc = index.line_col(text, range.start());
            lines.push(format!(
                "{}:{}:{}: not fixed: {why}",
                key(*file),
                lc.line + 1,
                lc.col + 1
            ));
        }
    }
    for file in &outcome.syntax_errors {
        lines.push(format!(
            "{}: not fixed: the file has syntax errors",
            key(*file)
        ));
    }
    for (file, _) in &outcome.undone {
        lines.push(format!(
            "{}: error: a fix broke the syntax and was undone (please report this bug)",
            key(*file)
        ));
    }
    lines
}

/// Writes the changed files (not with `--diff`, and not stdin's).
pub fn write(
    outcome: &Outcome,
    db: &Database,
    path_of: &dyn Fn(FileId) -> Option<PathBuf>,
    key: &dyn Fn(FileId) -> String,
) -> Vec<Failure> {
    let mut failures = Vec::new();
    for file in outcome.changed.keys() {
        let (Some(path), Some(text)) = (path_of(*file), db.text(*file)) else {
            continue;
        };
        if let Err(e) = std::fs::write(&path, text) {
            let key = key(*file);
            failures.push(Failure::in_file(
                key.clone(),
                format!("cannot write the fixes: {e}"),
                format!("{key}: error: cannot write the fixes: {e}"),
            ));
        }
    }
    failures
}

/// The unified diff of every changed file, in order.
pub fn diff(outcome: &Outcome, db: &Database, key: &dyn Fn(FileId) -> String) -> String {
    let mut out = String::new();
    for (file, old) in &outcome.changed {
        let new = db.text(*file).unwrap_or_default();
        out.push_str(&crate::fmt::unified_diff(&key(*file), old, new));
    }
    out
}

/// The loader's resolver knows the includes it found; an include a fix
/// added (a path from the file's directory to a file of the run) is
/// taught to a new resolver, which answers the old ones as before.
fn resolve_added_includes(db: &mut Database, path_of: &dyn Fn(FileId) -> Option<PathBuf>) {
    let files = db.file_ids();
    let by_path: HashMap<PathBuf, FileId> = files
        .iter()
        .filter_map(|&f| Some((path_of(f)?, f)))
        .collect();
    let mut map: HashMap<(FileId, String), FileId> = HashMap::new();
    let mut added = false;
    for &file in &files {
        let Some(summary) = db.summary(file) else {
            continue;
        };
        for include in &summary.includes {
            let target = db.resolve_include(file, &include.path).or_else(|| {
                let dir = path_of(file)?.parent()?.to_path_buf();
                let found = by_path.get(&thrift_project::normalize(&dir.join(&include.path)))?;
                added = true;
                Some(*found)
            });
            if let Some(target) = target {
                map.insert((file, include.path.clone()), target);
            }
        }
    }
    if added {
        db.set_resolver(move |from: FileId, include: &str| {
            map.get(&(from, include.to_string())).copied()
        });
    }
}
