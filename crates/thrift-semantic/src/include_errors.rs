//! Errors carried across includes: the Apache compiler (and fbthrift)
//! parses every included file before the file that includes it, and stops
//! at the first error, so a file that includes a broken file is rejected
//! too. The Apache compiler generates code only for the file it is given,
//! so what it finds only then (types it resolves lazily: see
//! `Diagnostic::when_generating`) does not count in an included file.
//! Each `include` of a file with an error gets one error (T1006) that
//! names the first error and shows where it is.
//!
//! A file's own diagnostics are cached under its revision and its includes'
//! *summary* revisions. Whether an included file has an error is not part
//! of its summary (an edit inside a function body can add one), so it is
//! not under that key: like a query that rust-analyzer's salsa re-validates
//! per revision, each file's first error is remembered for one state of
//! the database ([`Database::state`]) and recomputed in a later state from
//! the cached own diagnostics, which stay valid. Computing it walks the
//! include graph once per state (each file's result is shared by all its
//! includers), without recursion, so that a chain of 5,000 includes is
//! neither quadratic nor deep.

use std::sync::Arc;

use thrift_syntax::{AstNode, TextRange};

use crate::{
    Code, Database, Diagnostic, FileId, Related, Severity,
    fx::{HashMap, HashSet},
};

/// How many `include`s on the way to an error a T1006 shows (the first
/// ones); the error itself is shown too. A chain of 8,000 includes would
/// otherwise give each file a note per include: quadratic in all.
const MAX_STEPS: usize = 10;

/// The first error of a file, as its includers report it.
#[derive(Debug)]
pub(crate) struct FirstError {
    /// The error itself, in the file where it is (not an include error).
    root: Diagnostic,
    /// From the file towards the error: the first `include`s on the way
    /// (at most [`MAX_STEPS`]).
    steps: Vec<Related>,
    /// How many `include`s on the way are not in `steps`.
    hidden: usize,
}

impl FirstError {
    /// The notes of a T1006: each `include` on the way (the first ones),
    /// then the error.
    fn chain(&self) -> Vec<Related> {
        let d = &self.root;
        let mut message = format!("error[{}]: {}", d.code, d.message);
        if self.hidden > 0 {
            message.push_str(&format!(
                " (reached through {} more `include`s)",
                self.hidden
            ));
        }
        let mut chain = self.steps.clone();
        chain.push(Related {
            file: d.file,
            range: d.range,
            message,
        });
        chain
    }
}

/// Each file's first error, for the state of the database it was computed
/// in (entries of another state are misses).
#[derive(Default)]
pub(crate) struct FirstErrors {
    map: HashMap<FileId, (u64, Option<Arc<FirstError>>)>,
}

/// Whether the compiler stops at this diagnostic: errors, except those
/// where the Apache compiler accepts what we report (documented under
/// "Deliberate differences" in docs/diagnostics.md).
pub(crate) fn rejected_by_compiler(d: &Diagnostic) -> bool {
    d.severity == Severity::Error
        && !d.when_generating
        && !crate::diagnostics::compiler_accepts(d.code)
}

impl Database {
    fn first_errors(&self) -> std::sync::MutexGuard<'_, FirstErrors> {
        self.first_errors.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn remembered(&self, file: FileId) -> Option<Option<Arc<FirstError>>> {
        let state = self.state();
        self.first_errors()
            .map
            .get(&file)
            .filter(|(s, _)| *s == state)
            .map(|(_, e)| e.clone())
    }

    /// Whether `file` had an error when last known (in any state).
    pub(crate) fn had_error(&self, file: FileId) -> bool {
        self.first_errors()
            .map
            .get(&file)
            .is_some_and(|(_, e)| e.is_some())
    }

    /// One T1006 error per included file that has an error, at its
    /// `include`.
    pub(crate) fn include_errors(
        &self,
        file: FileId,
        lent: Option<&thrift_syntax::Parse<thrift_syntax::ast::SourceFile>>,
    ) -> Vec<Diagnostic> {
        let includes = self.includes(file);
        if includes.is_empty() {
            return Vec::new();
        }
        let broken: Vec<(FileId, Arc<FirstError>)> = includes
            .into_iter()
            .filter_map(|target| Some((target, self.first_error(target)?)))
            .collect();
        if broken.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut seen = HashSet::default();
        for (path, range, target) in self.include_ranges(file, lent) {
            if !seen.insert(target) || self.in_cycle_with(file, target) {
                // A second include of a file is T1004; a cycle is T1002.
                continue;
            }
            let Some((_, first)) = broken.iter().find(|(t, _)| *t == target) else {
                continue;
            };
            out.push(include_error(file, &path, range, first));
        }
        out
    }

    /// The `include`s of `file` that resolve: path, range of the path,
    /// target.
    fn include_ranges(
        &self,
        file: FileId,
        lent: Option<&thrift_syntax::Parse<thrift_syntax::ast::SourceFile>>,
    ) -> Vec<(String, TextRange, FileId)> {
        let Some(parse) = self.tree_of(file, lent) else {
            return Vec::new();
        };
        parse
            .tree()
            .includes()
            .filter_map(|include| {
                let path = include.path()?;
                let target = self.resolve_include(file, &path)?;
                let range = include
                    .path_token()
                    .map_or(include.syntax().text_range(), |t| t.text_range());
                Some((path, range, target))
            })
            .collect()
    }

    /// Whether `target` includes `file` back (or is `file`): that is an
    /// include cycle, reported as such.
    fn in_cycle_with(&self, file: FileId, target: FileId) -> bool {
        self.in_include_cycle(file, target)
    }

    /// The first error of `file`: its own first error, or the first of its
    /// includes' (whichever comes first in the file), computed for every
    /// file it reaches that is not yet known in this state.
    pub(crate) fn first_error(&self, file: FileId) -> Option<Arc<FirstError>> {
        if let Some(known) = self.remembered(file) {
            return known;
        }
        // Post-order over the include graph, with an explicit stack. A file
        // on the stack seen again closes a cycle: it counts as clean there
        // (every file of the cycle has its own T1002 error anyway).
        let mut done: HashMap<FileId, Option<Arc<FirstError>>> = HashMap::default();
        let mut on_stack: HashSet<FileId> = HashSet::from_iter([file]);
        let mut stack: Vec<(FileId, Vec<FileId>, usize)> = vec![(file, self.includes(file), 0)];
        while let Some((node, children, next)) = stack.last_mut() {
            self.unwind_if_cancelled();
            if let Some(&child) = children.get(*next) {
                *next += 1;
                if done.contains_key(&child) || on_stack.contains(&child) {
                    continue;
                }
                if let Some(known) = self.remembered(child) {
                    done.insert(child, known);
                    continue;
                }
                on_stack.insert(child);
                let grandchildren = self.includes(child);
                stack.push((child, grandchildren, 0));
                continue;
            }
            let node = *node;
            stack.pop();
            on_stack.remove(&node);
            let first = self.compute_first_error(node, &done);
            self.first_errors()
                .map
                .insert(node, (self.state(), first.clone()));
            done.insert(node, first);
        }
        done.remove(&file).flatten()
    }

    fn compute_first_error(
        &self,
        file: FileId,
        done: &HashMap<FileId, Option<Arc<FirstError>>>,
    ) -> Option<Arc<FirstError>> {
        let own = self.own_diagnostics(file);
        let own_first = own.iter().find(|d| rejected_by_compiler(d));
        let broken_include = self
            .includes(file)
            .into_iter()
            .any(|t| done.get(&t).is_some_and(Option::is_some) && !self.in_cycle_with(file, t));
        // Only a file with a broken include needs its tree (for the
        // include's position).
        let via_include = if broken_include {
            self.include_ranges(file, None)
                .into_iter()
                .filter(|(_, _, t)| !self.in_cycle_with(file, *t))
                .find_map(|(path, range, t)| {
                    let first = done.get(&t)?.as_ref()?;
                    Some((path, range, first.clone()))
                })
        } else {
            None
        };
        match (own_first, via_include) {
            (Some(d), Some((_, range, _))) if d.range.start() <= range.start() => {
                Some(Arc::new(own_error(d)))
            }
            (_, Some((path, range, first))) => {
                let mut steps = Vec::with_capacity(MAX_STEPS);
                steps.push(Related {
                    file,
                    range,
                    message: format!("`{path}` is included here"),
                });
                let shown = first.steps.len().min(MAX_STEPS - 1);
                steps.extend(first.steps[..shown].iter().cloned());
                Some(Arc::new(FirstError {
                    root: first.root.clone(),
                    steps,
                    hidden: first.hidden + (first.steps.len() - shown),
                }))
            }
            (Some(d), None) => Some(Arc::new(own_error(d))),
            (None, None) => None,
        }
    }
}

fn own_error(d: &Diagnostic) -> FirstError {
    FirstError {
        root: d.clone(),
        steps: Vec::new(),
        hidden: 0,
    }
}

fn include_error(file: FileId, path: &str, range: TextRange, first: &FirstError) -> Diagnostic {
    let mut d = Diagnostic::new(
        Code::IncludedFileError,
        file,
        range,
        format!(
            "`{path}` has an error, so the compiler rejects this file too: {}",
            first.root.message
        ),
    );
    d.related = first.chain();
    d
}
