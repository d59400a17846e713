//! Breaking-change detection for Thrift IDL: `thrift-lint breaking`.
//!
//! [`compare`] takes two semantic models (the old and the new version of a
//! set of files, each a [`thrift_semantic::Database`] with the files to
//! compare keyed by path) and reports every change a rule of the
//! [catalogue](rules) forbids in the selected [`Category`].
//!
//! Matching: files by path, definitions by name (then across files, to
//! see moves), fields and arguments by id (a field with the same id and a
//! new name is a rename), enum values by name, functions by name, `throws`
//! entries by id. Matching is one to one, exact matches first: with
//! duplicates (two fields with one id, two definitions with one name) the
//! k-th old one meets the k-th new one, so a version compared with itself
//! reports nothing.
//!
//! Locations: a change is reported in the new file, at the changed part. A
//! deletion is reported at the enclosing definition in the new file (or
//! at the start of the new file), with the old location attached; a
//! deleted file is reported in the old file.

mod compare;
pub mod rules;

use thrift_semantic::{Database, FileId};
use thrift_syntax::{Dialect, TextRange};

pub use crate::rules::{Category, RULES, Rule};

/// One version of the files: the database, and the compared files keyed
/// by their path (the key that matches files across versions).
#[derive(Clone, Copy)]
pub struct Snapshot<'a> {
    pub db: &'a Database,
    pub files: &'a [(String, FileId)],
}

/// Which rules run.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Categories whose rules run (empty: `FILE`).
    pub categories: Vec<Category>,
    /// Extra rules to run, by id.
    pub rules: Vec<&'static Rule>,
    /// Rules never to run, by id.
    pub except: Vec<&'static Rule>,
    /// The dialect that decides the rules whose meaning differs
    /// (requiredness); `None`: each file's own (as parsed).
    pub dialect: Option<Dialect>,
}

impl Options {
    /// The rules a selection names, as `[breaking]` spells it: `category`,
    /// `use` (categories or rule ids; with neither, `FILE`) and `except`
    /// (rule ids). An unknown name is an error that says where it was.
    pub fn select(
        category: Option<&str>,
        use_: &[String],
        except: &[String],
    ) -> Result<Options, String> {
        let rule = |s: &str, key: &str| {
            Rule::by_id(s).ok_or_else(|| format!("unknown breaking rule `{s}` in `{key}`"))
        };
        let mut options = Options::default();
        if let Some(c) = category {
            options.categories.push(Category::parse(c).ok_or_else(|| {
                format!(
                    "unknown breaking category `{c}` (expected FILE, SOURCE, WIRE_JSON or WIRE)"
                )
            })?);
        }
        for item in use_ {
            match Category::parse(item) {
                Some(c) => options.categories.push(c),
                None => options.rules.push(rule(item, "breaking.use")?),
            }
        }
        if options.categories.is_empty() && options.rules.is_empty() {
            options.categories.push(Category::File);
        }
        for item in except {
            options.except.push(rule(item, "breaking.except")?);
        }
        Ok(options)
    }

    /// Whether `rule` runs for a file of `dialect`.
    pub fn is_active(&self, rule: &Rule, dialect: Dialect) -> bool {
        if self.except.iter().any(|r| r.id == rule.id) {
            return false;
        }
        if self.rules.iter().any(|r| r.id == rule.id) {
            return true;
        }
        let categories: &[Category] = if self.categories.is_empty() {
            &[Category::File]
        } else {
            &self.categories
        };
        let of_rule = rule.categories(self.dialect.unwrap_or(dialect));
        categories.iter().any(|c| of_rule.contains(c))
    }
}

/// Which version a location is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    Old,
    New,
}

/// A place in one of the two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Location {
    pub side: Side,
    pub file: FileId,
    pub range: TextRange,
}

/// A breaking change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static Rule,
    /// The dialect the rule was judged in.
    pub dialect: Dialect,
    /// The widest category the change breaks: the most lenient one that
    /// reports it, by this rule or by the rule of another level for the
    /// same change (`i32` -> `i64` is `FIELD_SAME_TYPE` in `SOURCE` and
    /// breaks `WIRE`). Categories nest, so it breaks every stricter one too.
    pub breaks: Category,
    /// Where it is reported: in the new version, except for deleted files.
    pub location: Location,
    /// For deletions and moves: where the thing was in the old version.
    pub previous: Option<Location>,
    pub message: String,
}

impl Location {
    /// A sort key: side, file, start, end.
    pub fn key(&self) -> (Side, FileId, u32, u32) {
        (
            self.side,
            self.file,
            self.range.start().into(),
            self.range.end().into(),
        )
    }
}

impl Finding {
    /// The widest category the change breaks ([`Finding::breaks`]).
    pub fn category(&self) -> Category {
        self.breaks
    }
}

/// Why the versions cannot be compared: a syntax error, or an include that
/// cannot be found, in one of them. Reported under [`rules::COMPILE`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// The error, in the version that has it.
    pub location: Location,
    /// What is wrong, and that nothing was compared.
    pub message: String,
}

/// The errors that keep `old` and `new` from being compared: syntax errors
/// and includes that cannot be found, in the compared files and every file
/// they include, in either version; sorted by location. A half-read file
/// would compare as if everything after the error were deleted, so a
/// caller reports these instead of calling [`compare`] (as `buf breaking`
/// reports compile errors and compares nothing).
pub fn read_errors(old: Snapshot<'_>, new: Snapshot<'_>) -> Vec<ReadError> {
    let mut errors = Vec::new();
    for (side, version) in [(Side::Old, old), (Side::New, new)] {
        let which = match side {
            Side::Old => "old",
            Side::New => "new",
        };
        let incomplete = format!("the {which} version is incomplete, so nothing was compared");
        let mut files: Vec<FileId> = version.files.iter().map(|(_, f)| *f).collect();
        for (_, file) in version.files {
            files.extend(version.db.transitive_includes(*file));
        }
        files.sort();
        files.dedup();
        for file in files {
            let Some(parse) = version.db.parse(file) else {
                continue;
            };
            let location = |range| Location { side, file, range };
            for error in parse.errors() {
                errors.push(ReadError {
                    location: location(error.range),
                    message: format!("syntax error: {}; {incomplete}", error.message),
                });
            }
            for include in parse.tree().includes() {
                // An include without a path is a syntax error already.
                let (Some(token), Some(path)) = (include.path_token(), include.path()) else {
                    continue;
                };
                if version.db.resolve_include(file, &path).is_none() {
                    errors.push(ReadError {
                        location: location(token.text_range()),
                        message: format!("cannot find included file `{path}`; {incomplete}"),
                    });
                }
            }
        }
    }
    errors.sort_by_key(|e| e.location.key());
    errors
}

/// Compares `old` with `new` and returns the breaking changes, sorted by
/// location.
pub fn compare(old: Snapshot<'_>, new: Snapshot<'_>, options: &Options) -> Vec<Finding> {
    let mut findings = compare::run(old, new, options);
    findings.sort_by(|a, b| {
        (a.location.key(), a.rule.id, &a.message).cmp(&(b.location.key(), b.rule.id, &b.message))
    });
    findings.dedup();
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn select_reads_a_breaking_section() {
        let ids = |rules: &[&Rule]| rules.iter().map(|r| r.id).collect::<Vec<_>>();
        // Nothing named: FILE.
        let o = Options::select(None, &[], &[]).unwrap();
        assert_eq!(o.categories, [Category::File]);
        // A rule alone selects only that rule.
        let o = Options::select(None, &["FIELD_SAME_DEFAULT".into()], &[]).unwrap();
        assert!(o.categories.is_empty());
        assert_eq!(ids(&o.rules), ["FIELD_SAME_DEFAULT"]);
        let o = Options::select(
            Some("WIRE"),
            &["SOURCE".into()],
            &["FIELD_NO_DELETE".into()],
        )
        .unwrap();
        assert_eq!(o.categories, [Category::Wire, Category::Source]);
        assert_eq!(ids(&o.except), ["FIELD_NO_DELETE"]);
        // Unknown names say where they were.
        assert_eq!(
            Options::select(Some("LOOSE"), &[], &[]).err().as_deref(),
            Some("unknown breaking category `LOOSE` (expected FILE, SOURCE, WIRE_JSON or WIRE)")
        );
        assert_eq!(
            Options::select(None, &["NOPE".into()], &[])
                .err()
                .as_deref(),
            Some("unknown breaking rule `NOPE` in `breaking.use`")
        );
        assert_eq!(
            Options::select(None, &[], &["NOPE".into()])
                .err()
                .as_deref(),
            Some("unknown breaking rule `NOPE` in `breaking.except`")
        );
    }
}
