//! Target errors in included files. thriftpy2 loads every file a file
//! includes, and `thrift -r` generates them all, so a file fails in a
//! target when a file it includes, directly or not, does. Like T1006 for
//! the compiler's errors, each `include` that leads to such a file gets
//! one error (T3090) that names the first one; and like T1006 it is
//! computed outside the cached diagnostics, since an included file's
//! errors can change without its summary changing.

use crate::fx::HashSet;

use super::code_targets;
use crate::{Code, Database, Diagnostic, FileId, Severity};

/// Whether `d`, a diagnostic of a file whose targets are `theirs`, is an
/// error of one of `ours`.
fn fails_for(d: &Diagnostic, ours: super::Targets, theirs: super::Targets) -> bool {
    // T3009 is about loading the file itself, which an includer does not.
    if d.severity != Severity::Error
        || !d.code.is_target()
        || matches!(
            d.code,
            Code::TargetIncludeError | Code::Thriftpy2NothingToLoad
        )
    {
        return false;
    }
    let targets = code_targets(d.code);
    if targets.is_empty() {
        // T3000 names its targets in its message: any shared one counts.
        return ours.iter().any(|t| theirs.contains(t));
    }
    targets
        .iter()
        .any(|t| ours.contains(*t) && theirs.contains(*t))
}

impl Database {
    /// The T3090 errors of `file`: one per `include` whose file, or a file
    /// it includes, has an error of one of `file`'s targets.
    pub(crate) fn target_include_errors(
        &self,
        file: FileId,
        lent: Option<&thrift_syntax::Parse<thrift_syntax::ast::SourceFile>>,
    ) -> Vec<Diagnostic> {
        let ours = self.targets(file);
        if ours.is_empty() {
            return Vec::new();
        }
        let includes = self.includes(file);
        if includes.is_empty() {
            return Vec::new();
        }
        // The first target error under each include (itself, then what it
        // includes); includes in a cycle with `file` are T1002's.
        let mut broken: Vec<(FileId, FileId, Diagnostic)> = Vec::new();
        for &inc in &includes {
            if inc == file || self.transitive_includes(inc).contains(&file) {
                continue;
            }
            let reached = std::iter::once(inc).chain(
                self.transitive_includes(inc)
                    .into_iter()
                    .filter(|&f| f != inc),
            );
            for f in reached {
                self.unwind_if_cancelled();
                let theirs = self.targets(f);
                if let Some(d) = self
                    .own_diagnostics(f)
                    .iter()
                    .find(|d| fails_for(d, ours, theirs))
                {
                    broken.push((inc, f, d.clone()));
                    break;
                }
            }
        }
        if broken.is_empty() {
            return Vec::new();
        }
        let Some(parse) = self.tree_of(file, lent) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut seen = HashSet::default();
        for include in parse.tree().includes() {
            let (Some(path), Some(token)) = (include.path(), include.path_token()) else {
                continue;
            };
            let Some(target) = self.resolve_include(file, &path) else {
                continue;
            };
            if !seen.insert(target) {
                continue;
            }
            let Some((_, f, d)) = broken.iter().find(|(inc, _, _)| *inc == target) else {
                continue;
            };
            let via = if *f == target {
                String::new()
            } else {
                " (through the files it includes)".to_string()
            };
            out.push(
                Diagnostic::new(
                    Code::TargetIncludeError,
                    file,
                    token.text_range(),
                    format!(
                        "`{path}`{via} has an error for {ours}, which loads or generates it with this file: {} {}",
                        d.code, d.message
                    ),
                )
                .with_related(*f, d.range, format!("{}: {}", d.code, d.message)),
            );
        }
        out
    }
}
