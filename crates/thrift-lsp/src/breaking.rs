//! Breaking changes while you edit: when the file's `thrift-tools.toml`
//! sets `[breaking] against = "<git ref>"`, each open file is compared with
//! its version at that ref (read from git, the working tree untouched) and
//! the breaking changes are shown as warnings.
//!
//! The old side is immutable for a given commit, so it is loaded once per
//! (file, commit) and cached; every diagnostics run only asks git which
//! commit the ref names now (one `git rev-parse`).

use std::{
    collections::HashMap,
    path::{Path, PathBuf},
    time::{Duration, Instant},
};

use thrift_breaking::{Rule, Side, Snapshot};
use thrift_config::Config;
use thrift_ide::{Database, FileId};
use thrift_project::{FileOptions, GitTree, Loaded, Tree};
use thrift_syntax::{Dialect, TextRange};

/// A breaking change in the compared file.
pub struct Found {
    pub rule: &'static Rule,
    pub range: TextRange,
    pub message: String,
}

/// One ref of one repository.
struct Entry {
    tree: GitTree,
    /// The old version of each compared file (by its path in the working
    /// tree); `None` when the file is new at the ref.
    old: HashMap<PathBuf, Option<Old>>,
}

/// A file's version at the ref, and why it cannot be compared (a syntax
/// error or an include that cannot be found), found once when it is read.
struct Old {
    loaded: Loaded,
    unreadable: Option<String>,
}

/// How long the commit a ref names is trusted before git is asked again:
/// diagnostics run on every pause in typing, git need not.
const RESOLVE_TTL: Duration = Duration::from_secs(2);

/// The old sides, by (directory of the file, ref).
#[derive(Default)]
pub struct Cache {
    entries: HashMap<(PathBuf, String), Entry>,
    /// The commit each (directory, ref) named when last asked, or why it
    /// named none.
    resolved: HashMap<(PathBuf, String), (Instant, Result<String, String>)>,
    /// Errors already reported, so that each is logged once.
    reported: HashMap<(PathBuf, String), String>,
}

impl Cache {
    /// The breaking changes of `file` (at `path`, text in `db`) against
    /// `against`. `Err` carries a message to log once (not a git
    /// repository, an unknown ref).
    #[allow(clippy::too_many_arguments)]
    pub fn check(
        &mut self,
        db: &Database,
        file: FileId,
        path: &Path,
        against: &str,
        config: &Config,
        search: &[PathBuf],
        dialect: Option<Dialect>,
    ) -> Result<Vec<Found>, String> {
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let key = (dir.clone(), against.to_string());
        let base = config.root.clone().unwrap_or_else(|| dir.clone());
        if base.join(against).exists() {
            return Err(format!(
                "`{against}` is a directory or a file; the server compares with git refs only (use `thrift-lint breaking` for directories)"
            ));
        }
        let mut options = config.breaking.options.clone();
        options.dialect = dialect;
        let commit = match self.resolved.get(&key) {
            Some((at, result)) if at.elapsed() < RESOLVE_TTL => result.clone(),
            _ => {
                let result = thrift_project::resolve_commit(&dir, against).ok_or_else(|| {
                    // Says why: not a repository, or an unknown ref.
                    match GitTree::open(&dir, against) {
                        Err(e) => e.0,
                        Ok(_) => format!("cannot resolve `{against}`"),
                    }
                });
                self.resolved
                    .insert(key.clone(), (Instant::now(), result.clone()));
                result
            }
        };
        let commit = match commit {
            Ok(commit) => commit,
            Err(message) => {
                self.entries.remove(&key);
                return Err(message);
            }
        };
        if self
            .entries
            .get(&key)
            .is_none_or(|e| e.tree.commit != commit)
        {
            let tree = GitTree::open(&dir, against).map_err(|e| e.0)?;
            self.entries.insert(
                key.clone(),
                Entry {
                    tree,
                    old: HashMap::new(),
                },
            );
        }
        let entry = self.entries.get_mut(&key).expect("just inserted");
        let rel = entry.tree.repo_path(path);
        let name = rel.to_string_lossy().replace('\\', "/");
        if !entry.old.contains_key(path) {
            let in_tree = entry.tree.toplevel.join(&rel);
            let loaded = if entry.tree.is_file(&in_tree) {
                let toplevel = entry.tree.toplevel.clone();
                let loaded = thrift_project::load(
                    &mut entry.tree,
                    &[(name.clone(), in_tree)],
                    &toplevel,
                    &mut |_| FileOptions {
                        dialect,
                        include_dirs: search.to_vec(),
                        targets: None,
                    },
                );
                if let Some((key, e)) = loaded.errors.first() {
                    return Err(format!("{key}: {e}"));
                }
                let old_side = Snapshot {
                    db: &loaded.db,
                    files: &loaded.files,
                };
                let none = Snapshot { db, files: &[] };
                let unreadable = thrift_breaking::read_errors(old_side, none)
                    .first()
                    .map(|e| {
                        let (line, col) =
                            loaded.position(e.location.file, e.location.range.start());
                        let where_ = loaded
                            .keys
                            .get(e.location.file.0 as usize)
                            .cloned()
                            .unwrap_or_default();
                        format!("{where_}:{line}:{col} (in {against}): {}", e.message)
                    });
                Some(Old { loaded, unreadable })
            } else {
                None
            };
            entry.old.insert(path.to_path_buf(), loaded);
        }
        let Some(Some(Old {
            loaded: old,
            unreadable,
        })) = entry.old.get(path)
        else {
            // New since the ref: nothing to break.
            return Ok(Vec::new());
        };
        // A version that does not read would compare as if everything
        // after its error were deleted: nothing is compared then. The old
        // side's errors were found when it was read, and are logged once;
        // the new side's are the file's own diagnostics already.
        if let Some(error) = unreadable {
            return Err(error.clone());
        }
        let files = [(name.clone(), file)];
        let none = Snapshot {
            db: &old.db,
            files: &[],
        };
        if !thrift_breaking::read_errors(none, Snapshot { db, files: &files }).is_empty() {
            return Ok(Vec::new());
        }
        let findings = thrift_breaking::compare(
            Snapshot {
                db: &old.db,
                files: &old.files,
            },
            Snapshot { db, files: &files },
            &options,
        );
        let root = config.root.clone().unwrap_or_else(|| dir.clone());
        let relative = path.strip_prefix(&root).unwrap_or(path);
        let mut out: Vec<Found> = Vec::new();
        for f in findings {
            if f.location.side != Side::New
                || f.location.file != file
                || config.breaking.is_ignored(f.rule.id, relative)
            {
                continue;
            }
            let mut message = f.message.clone();
            if let Some(p) = f.previous.filter(|p| p.side == Side::Old) {
                let (line, col) = old.position(p.file, p.range.start());
                let where_ = old.keys.get(p.file.0 as usize).cloned().unwrap_or_default();
                message.push_str(&format!(" (was at {where_}:{line}:{col} in {against})"));
            }
            if !out.iter().any(|o| {
                o.rule.id == f.rule.id && o.range == f.location.range && o.message == message
            }) {
                out.push(Found {
                    rule: f.rule,
                    range: f.location.range,
                    message,
                });
            }
        }
        Ok(out)
    }

    /// Whether `error` for (`path`'s directory, `against`) is new, that is
    /// not reported yet; remembers it.
    pub fn first_report(&mut self, path: &Path, against: &str, error: &str) -> bool {
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let key = (dir, against.to_string());
        if self.reported.get(&key).is_some_and(|e| e == error) {
            return false;
        }
        self.reported.insert(key, error.to_string());
        true
    }
}
