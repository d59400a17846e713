//! Fixes that cannot change meaning, for `thrift-lint check --fix`: the
//! edits of the code actions ([`crate::code_actions`]) that are safe to
//! apply without looking, for a whole file at once.
//!
//! No IO: the caller gives the diagnostics to fix (after its lint levels
//! and allow comments) and the paths of the files it knows, applies the
//! edits, and checks again.

use std::path::{Path, PathBuf};

use thrift_semantic::{Code, Diagnostic};
use thrift_syntax::{
    AstNode, SyntaxKind, TextRange,
    ast::{self, HasName},
};

use crate::{
    Database, FileId, TextEdit,
    actions::{explicit_enum_value_edits, explicit_field_id_edits, remove_include_edit},
    completion::{include_edit, relative_path},
};

/// What a fix is for: a diagnostic code, or (for implicit enum values,
/// which no diagnostic reports) a name of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FixRule {
    /// T1003: remove the include.
    UnusedInclude,
    /// T1011: add the include, when exactly one known file qualifies.
    UnknownIncludePrefix,
    /// T1032 (opt-in): write the ids the compiler assigns today.
    MissingFieldId,
    /// `implicit-enum-value` (opt-in, no diagnostic): write the values the
    /// compiler assigns today.
    ImplicitEnumValue,
}

impl FixRule {
    pub const ALL: &'static [FixRule] = &[
        FixRule::UnusedInclude,
        FixRule::UnknownIncludePrefix,
        FixRule::MissingFieldId,
        FixRule::ImplicitEnumValue,
    ];

    /// The diagnostic it fixes, if there is one.
    pub fn code(self) -> Option<Code> {
        match self {
            FixRule::UnusedInclude => Some(Code::UnusedInclude),
            FixRule::UnknownIncludePrefix => Some(Code::UnknownIncludePrefix),
            FixRule::MissingFieldId => Some(Code::MissingFieldId),
            FixRule::ImplicitEnumValue => None,
        }
    }

    /// The code's name (`unused-include`), or `implicit-enum-value`.
    pub fn name(self) -> &'static str {
        match self.code() {
            Some(code) => code.name(),
            None => "implicit-enum-value",
        }
    }

    /// Applied by `--fix` alone; the others only when asked for by name.
    pub fn is_safe(self) -> bool {
        matches!(self, FixRule::UnusedInclude | FixRule::UnknownIncludePrefix)
    }

    /// By code (`T1003`, any case) or name (`unused-include`).
    pub fn from_name(s: &str) -> Option<FixRule> {
        FixRule::ALL
            .iter()
            .copied()
            .find(|r| r.name() == s || r.code().is_some_and(|c| c.as_str().eq_ignore_ascii_case(s)))
    }
}

/// One fix: edits that belong together (they are applied all or none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub rule: FixRule,
    pub title: String,
    pub edits: Vec<TextEdit>,
    /// How many problems it fixes (diagnostics; implicit enum values).
    pub problems: usize,
}

/// The fixes for one file, and why some problems were not fixed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fixes {
    /// Non-overlapping: they can be applied together, in one pass.
    pub fixes: Vec<Fix>,
    /// Problems a fix was not made for: where, and why.
    pub skipped: Vec<(TextRange, String)>,
}

/// The fixes of `rules` for `file`. `diagnostics` are the file's findings
/// to fix (those of other files and of other codes are ignored);
/// `path_of` gives the paths of the files `db` knows. A file with syntax
/// errors gets no fixes. Fixes that would overlap an earlier one are left
/// out: apply these, check again and ask again.
pub fn fixes(
    db: &Database,
    file: FileId,
    diagnostics: &[Diagnostic],
    rules: &[FixRule],
    path_of: &dyn Fn(FileId) -> Option<PathBuf>,
) -> Fixes {
    let mut out = Fixes::default();
    let (Some(parse), Some(text)) = (db.parse(file), db.text(file)) else {
        return out;
    };
    if !parse.errors().is_empty() {
        return out;
    }
    let root = parse.syntax_node();
    let tree = parse.tree();
    let wants = |rule: FixRule| rules.contains(&rule);
    let mine = |code: Code| {
        diagnostics
            .iter()
            .filter(move |d| d.file == file && d.code == code)
    };
    let mut candidates: Vec<Fix> = Vec::new();

    if wants(FixRule::UnusedInclude) {
        for d in mine(Code::UnusedInclude) {
            let Some(edit) = remove_include_edit(&tree, text, d.range) else {
                continue;
            };
            // Never lose a comment: an include with one stays.
            let has_comment = root
                .descendants_with_tokens()
                .filter_map(|e| e.into_token())
                .any(|t| t.kind().is_comment() && edit.range.contains_range(t.text_range()));
            if has_comment {
                out.skipped.push((
                    d.range,
                    "the unused include has a comment; remove it by hand".to_string(),
                ));
                continue;
            }
            candidates.push(Fix {
                rule: FixRule::UnusedInclude,
                title: "Remove the unused include".to_string(),
                edits: vec![edit],
                problems: 1,
            });
        }
    }

    if wants(FixRule::UnknownIncludePrefix) {
        // Includes added so far: the path and the fix.
        let mut added: Vec<(String, usize)> = Vec::new();
        for d in mine(Code::UnknownIncludePrefix) {
            let found = add_include_candidates(db, file, d.range, path_of);
            let reference = &text[usize::from(d.range.start())..usize::from(d.range.end())];
            let (prefix, name) = reference.rsplit_once('.').unwrap_or(("", reference));
            match found.as_slice() {
                [] => {}
                [(candidate, include)] => {
                    // The include would make a cycle: it is not a fix.
                    if db.transitive_includes(*candidate).contains(&file) {
                        out.skipped.push((
                            d.range,
                            format!(
                                "`{include}` includes this file; including it would make a cycle"
                            ),
                        ));
                        continue;
                    }
                    // Another use of the same prefix: the same include.
                    if let Some(i) = added.iter().position(|(a, _)| a == include) {
                        candidates[added[i].1].problems += 1;
                        continue;
                    }
                    added.push((include.clone(), candidates.len()));
                    candidates.push(Fix {
                        rule: FixRule::UnknownIncludePrefix,
                        title: format!("Add `include \"{include}\"`"),
                        edits: vec![include_edit(db, file, include)],
                        problems: 1,
                    });
                }
                several => {
                    let names: Vec<&str> = several.iter().map(|(_, i)| i.as_str()).collect();
                    out.skipped.push((
                        d.range,
                        format!(
                            "{} files named `{prefix}.thrift` define `{name}` ({}); add the include by hand",
                            several.len(),
                            names.join(", ")
                        ),
                    ));
                }
            }
        }
    }

    if wants(FixRule::MissingFieldId) {
        let missing: Vec<&Diagnostic> = mine(Code::MissingFieldId).collect();
        for list in root
            .descendants()
            .filter(|n| matches!(n.kind(), SyntaxKind::FIELD_LIST | SyntaxKind::PARAM_LIST))
        {
            let fields: Vec<ast::Field> = list.children().filter_map(ast::Field::cast).collect();
            let problems = fields
                .iter()
                .filter(|f| {
                    missing
                        .iter()
                        .any(|d| f.syntax().text_range().contains_range(d.range))
                })
                .count();
            if problems == 0 {
                continue;
            }
            let edits = explicit_field_id_edits(&fields);
            if edits.is_empty() {
                continue;
            }
            let ids: Vec<&str> = edits
                .iter()
                .map(|e| e.new_text.trim_end_matches(": "))
                .collect();
            candidates.push(Fix {
                rule: FixRule::MissingFieldId,
                title: format!(
                    "Make field ids explicit: {} (the ids the compiler assigns today)",
                    ids.join(", ")
                ),
                edits,
                problems,
            });
        }
    }

    if wants(FixRule::ImplicitEnumValue) {
        for e in root.descendants().filter_map(ast::Enum::cast) {
            // A written value that is not a plain integer: what follows it
            // cannot be numbered safely here.
            if e.values()
                .any(|v| v.value().is_some() && v.value_int().is_none())
            {
                if e.values().any(|v| v.value().is_none()) {
                    let at = e
                        .name()
                        .map_or(e.syntax().text_range(), |n| n.syntax().text_range());
                    out.skipped.push((
                        at,
                        "a value of the enum is not a plain integer; number it by hand".to_string(),
                    ));
                }
                continue;
            }
            let edits = explicit_enum_value_edits(&e);
            if edits.is_empty() {
                continue;
            }
            let name = e.name().map(|n| n.text()).unwrap_or_default();
            candidates.push(Fix {
                rule: FixRule::ImplicitEnumValue,
                title: format!("Make the values of enum `{name}` explicit"),
                problems: edits.len(),
                edits,
            });
        }
    }

    // Keep the fixes whose edits touch none of an earlier one's.
    let mut taken: Vec<TextRange> = Vec::new();
    for fix in candidates {
        if fix
            .edits
            .iter()
            .any(|e| taken.iter().any(|t| conflict(*t, e.range)))
        {
            continue;
        }
        taken.extend(fix.edits.iter().map(|e| e.range));
        out.fixes.push(fix);
    }
    out
}

/// Edits conflict when they overlap, or when one inserts where the other
/// starts, ends or is: the order of the two would matter.
fn conflict(a: TextRange, b: TextRange) -> bool {
    if a.is_empty() || b.is_empty() {
        a.start() <= b.end() && b.start() <= a.end()
    } else {
        a.start() < b.end() && b.start() < a.end()
    }
}

/// For `x.Name` at `range` of `file` (an unknown-include-prefix
/// diagnostic): the other files `db` knows that are named `x.thrift` and
/// define `Name`, with the include path for each (relative to `file`'s
/// directory), in the order of [`Database::file_ids`].
pub fn add_include_candidates(
    db: &Database,
    file: FileId,
    range: TextRange,
    path_of: &dyn Fn(FileId) -> Option<PathBuf>,
) -> Vec<(FileId, String)> {
    let (Some(text), Some(path)) = (db.text(file), path_of(file)) else {
        return Vec::new();
    };
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let Some(reference) = text.get(usize::from(range.start())..usize::from(range.end())) else {
        return Vec::new();
    };
    let Some((prefix, name)) = reference.rsplit_once('.') else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for candidate in db.file_ids() {
        let Some(candidate_path) = path_of(candidate) else {
            continue;
        };
        let stem = candidate_path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("");
        if stem != prefix || candidate == file {
            continue;
        }
        if db
            .summary(candidate)
            .and_then(|s| s.definition(name))
            .is_none()
        {
            continue;
        }
        out.push((candidate, relative_path(&dir, &candidate_path)));
    }
    out
}

/// `text` with `edits` (non-overlapping) applied.
pub fn apply_edits(text: &str, edits: &[TextEdit]) -> String {
    let mut edits: Vec<&TextEdit> = edits.iter().collect();
    edits.sort_by_key(|e| (e.range.start(), e.range.end()));
    let mut out = String::with_capacity(text.len());
    let mut at = 0usize;
    for e in edits {
        let start = usize::from(e.range.start());
        out.push_str(&text[at..start]);
        out.push_str(&e.new_text);
        at = usize::from(e.range.end());
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;
    use crate::tests::fixture;

    /// Fixes the first file of the fixture round by round (at most 5),
    /// and shows each round's fixes, what was skipped, and the result.
    fn check(text: &str, rules: &[FixRule], expect: Expect) {
        let (mut db, paths, _) = fixture(text);
        let file = FileId(0);
        let path_of = |id: FileId| paths.get(id.0 as usize).map(PathBuf::from);
        let mut out = String::new();
        for round in 1..=5 {
            let diagnostics = db.check_file(file);
            let found = fixes(&db, file, &diagnostics, rules, &path_of);
            for (range, why) in &found.skipped {
                out.push_str(&format!("skipped {range:?}: {why}\n"));
            }
            if found.fixes.is_empty() {
                break;
            }
            for fix in &found.fixes {
                out.push_str(&format!(
                    "round {round}: {} ({}, {} problems)\n",
                    fix.title,
                    fix.rule.name(),
                    fix.problems
                ));
            }
            let edits: Vec<TextEdit> = found.fixes.into_iter().flat_map(|f| f.edits).collect();
            let fixed = apply_edits(db.text(file).unwrap(), &edits);
            db.apply_change(file, &fixed);
        }
        out.push_str("---\n");
        out.push_str(db.text(file).unwrap());
        expect.assert_eq(&out);
    }

    const SAFE: &[FixRule] = &[FixRule::UnusedInclude, FixRule::UnknownIncludePrefix];

    #[test]
    fn removes_unused_includes_but_not_their_comments() {
        check(
            r#"//- /main.thrift
include "a.thrift"
include "b.thrift" // why we need b
include "c.thrift"
struct S { 1: c.T t }
//- /a.thrift
struct A {}
//- /b.thrift
struct B {}
//- /c.thrift
typedef i32 T
"#,
            SAFE,
            expect![[r#"
                skipped 27..37: the unused include has a comment; remove it by hand
                round 1: Remove the unused include (unused-include, 1 problems)
                skipped 8..18: the unused include has a comment; remove it by hand
                ---
                include "b.thrift" // why we need b
                include "c.thrift"
                struct S { 1: c.T t }
            "#]],
        );
    }

    #[test]
    fn adds_the_include_when_one_file_qualifies() {
        check(
            r#"//- /src/main.thrift
include "other.thrift"
struct S {
  1: shared.Id id
  2: shared.Id other
  3: other.O o
}
//- /src/other.thrift
struct O {}
//- /lib/shared.thrift
typedef i64 Id
//- /lib/x/shared.thrift
typedef i64 NotId
"#,
            SAFE,
            expect![[r#"
                round 1: Add `include "../lib/shared.thrift"` (unknown-include-prefix, 2 problems)
                ---
                include "other.thrift"
                include "../lib/shared.thrift"
                struct S {
                  1: shared.Id id
                  2: shared.Id other
                  3: other.O o
                }
            "#]],
        );
    }

    #[test]
    fn no_include_when_several_files_qualify_or_it_makes_a_cycle() {
        check(
            r#"//- /main.thrift
struct S {
  1: shared.Id id
  2: back.B b
}
//- /a/shared.thrift
typedef i64 Id
//- /b/shared.thrift
typedef i32 Id
//- /back.thrift
include "main.thrift"
struct B { 1: main.S s }
"#,
            SAFE,
            expect![[r#"
                skipped 16..25: 2 files named `shared.thrift` define `Id` (a/shared.thrift, b/shared.thrift); add the include by hand
                skipped 34..40: `back.thrift` includes this file; including it would make a cycle
                ---
                struct S {
                  1: shared.Id id
                  2: back.B b
                }
            "#]],
        );
    }

    #[test]
    fn field_ids_and_enum_values_only_when_asked() {
        let text = r#"//- /main.thrift
include "unused.thrift"
struct S {
  1: i32 a
  /** b */
  i32 b, // b's comment
  -4: i32 c
  optional string d
}
service X {
  void f(i32 a, 2: i32 b)
}
enum E { A, B = 5, C /* c */, D }
enum H { A = 0x10, B }
//- /unused.thrift
"#;
        check(
            text,
            SAFE,
            expect![[r#"
                round 1: Remove the unused include (unused-include, 1 problems)
                ---
                struct S {
                  1: i32 a
                  /** b */
                  i32 b, // b's comment
                  -4: i32 c
                  optional string d
                }
                service X {
                  void f(i32 a, 2: i32 b)
                }
                enum E { A, B = 5, C /* c */, D }
                enum H { A = 0x10, B }
            "#]],
        );
        check(
            text,
            &[FixRule::MissingFieldId, FixRule::ImplicitEnumValue],
            expect![[r#"
                round 1: Make field ids explicit: -1, -3 (the ids the compiler assigns today) (missing-field-id, 2 problems)
                round 1: Make field ids explicit: -1 (the ids the compiler assigns today) (missing-field-id, 1 problems)
                round 1: Make the values of enum `E` explicit (implicit-enum-value, 3 problems)
                round 1: Make the values of enum `H` explicit (implicit-enum-value, 1 problems)
                ---
                include "unused.thrift"
                struct S {
                  1: i32 a
                  /** b */
                  -1: i32 b, // b's comment
                  -4: i32 c
                  -3: optional string d
                }
                service X {
                  void f(-1: i32 a, 2: i32 b)
                }
                enum E { A = 0, B = 5, C = 6 /* c */, D = 7 }
                enum H { A = 0x10, B = 17 }
            "#]],
        );
    }

    #[test]
    fn files_with_syntax_errors_get_no_fixes() {
        check(
            "include \"unused.thrift\"\nstruct S {\n//- /unused.thrift\n",
            SAFE,
            expect![[r#"
                ---
                include "unused.thrift"
                struct S {
            "#]],
        );
    }

    #[test]
    fn rules_by_code_and_name() {
        assert_eq!(FixRule::from_name("T1003"), Some(FixRule::UnusedInclude));
        assert_eq!(FixRule::from_name("t1032"), Some(FixRule::MissingFieldId));
        assert_eq!(
            FixRule::from_name("implicit-enum-value"),
            Some(FixRule::ImplicitEnumValue)
        );
        assert_eq!(FixRule::from_name("T1030"), None);
        assert!(FixRule::UnknownIncludePrefix.is_safe());
        assert!(!FixRule::MissingFieldId.is_safe());
    }
}
