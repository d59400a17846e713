//! The versions `thrift-lint breaking` compares, and which file of one
//! is which file of the other.
//!
//! The new version is always the working tree. The old one is:
//! - a **directory**: the root of the old version. A single directory
//!   PATH is the root of the new version (`breaking new --against old`
//!   compares `new/x/a.thrift` with `old/x/a.thrift`, as
//!   `buf breaking new --against old` does); otherwise the current
//!   directory is (`breaking --against ../old a.thrift idl` compares
//!   `a.thrift` with `../old/a.thrift` and `idl/` with `../old/idl/`);
//! - a **file**: the old version of the one file PATH;
//! - a **git ref**: the commit, as if checked out at the top level of the
//!   repository around the current directory.
//!
//! A file of either version is keyed by the path of the new file it
//! stands for, relative to the current directory; files match by key.

use std::{
    collections::BTreeSet,
    path::{Path, PathBuf},
};

use thrift_semantic::normalize_path as normalize;

use crate::{Configs, Error, GitTree, WalkOptions, Warning, walk};

/// Where the old version comes from.
pub enum Version {
    /// The root of the old version.
    Dir(PathBuf),
    /// The old version of the one file compared.
    File(PathBuf),
    Git(GitTree),
}

impl Version {
    /// `against` (relative to `cwd`): a directory or a file if one exists
    /// there, else a git ref of the repository around `cwd`.
    pub fn open(cwd: &Path, against: &str) -> Result<Version, Error> {
        if against.is_empty() || against.starts_with('-') {
            return Err(Error(format!(
                "refusing `--against {against}`: a ref may not be empty or start with `-`"
            )));
        }
        let path = normalize(&cwd.join(against));
        if path.is_dir() {
            Ok(Version::Dir(path))
        } else if path.is_file() {
            Ok(Version::File(path))
        } else {
            GitTree::open(cwd, against).map(Version::Git)
        }
    }

    /// The git tree to read the version's files from; `None`: the disk
    /// ([`crate::FsTree`]).
    pub fn git(&mut self) -> Option<&mut GitTree> {
        match self {
            Version::Git(git) => Some(git),
            Version::Dir(_) | Version::File(_) => None,
        }
    }
}

/// The files of both versions, keyed alike.
#[derive(Debug, Default)]
pub struct Pairing {
    /// `(key, path)` of the new version's files.
    pub new: Vec<(String, PathBuf)>,
    /// `(key, path)` of the old version's files (paths in its tree).
    pub old: Vec<(String, PathBuf)>,
    /// The new version's root, and the old one's (where the new root's
    /// files are in the old tree): include directories under the new
    /// root move to the old one.
    pub roots: (PathBuf, PathBuf),
    /// PATHs that exist in neither version.
    pub missing: Vec<String>,
    /// New files with no old counterpart although the old version has
    /// `.thrift` files, and problems of the walks.
    pub warnings: Vec<Warning>,
    /// Errors of the walks (exit 2).
    pub errors: Vec<String>,
}

impl Pairing {
    /// An include directory of the new version, as the old version's.
    pub fn rebase(&self, dir: &Path) -> PathBuf {
        match dir.strip_prefix(&self.roots.0) {
            Ok(rel) => self.roots.1.join(rel),
            Err(_) => dir.to_path_buf(),
        }
    }
}

/// Pairs the files under `paths` (relative to `cwd`; `.` if empty) with
/// their counterparts in `old` (see the module docs).
pub fn pair(cwd: &Path, paths: &[PathBuf], old: &Version, configs: &mut Configs) -> Pairing {
    let paths: Vec<PathBuf> = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    };
    let mut pairing = Pairing::default();
    let absolute = |p: &Path| normalize(&cwd.join(p));
    let new_root = match (old, paths.as_slice()) {
        (Version::Dir(_), [one]) if absolute(one).is_dir() => absolute(one),
        _ => cwd.to_path_buf(),
    };
    let old_root = match old {
        Version::Dir(dir) => dir.clone(),
        _ => new_root.clone(),
    };
    pairing.roots = (new_root.clone(), old_root.clone());

    // The new version: the walk over the working tree.
    let on_disk: Vec<PathBuf> = paths
        .iter()
        .filter(|p| absolute(p).exists())
        .cloned()
        .collect();
    let walked = walk(&on_disk, configs, WalkOptions { warn_empty: true });
    pairing.warnings.extend(walked.warnings);
    pairing.errors.extend(walked.errors);
    for path in walked.files {
        let abs = absolute(&path);
        pairing.new.push((crate::key(&abs, cwd), abs));
    }

    // The old version: the same paths, moved to the old root.
    let old_key = |old_path: &Path| -> String {
        let rel = old_path.strip_prefix(&old_root).unwrap_or(old_path);
        crate::key(&new_root.join(rel), cwd)
    };
    let mut looked_for: Vec<(String, PathBuf)> = Vec::new();
    match old {
        Version::File(file) => {
            if let [(key, _)] = pairing.new.as_slice() {
                pairing.old.push((key.clone(), file.clone()));
            }
        }
        Version::Dir(_) => {
            for path in &paths {
                let abs = absolute(path);
                let rel = abs.strip_prefix(&new_root).unwrap_or(&abs);
                let there = normalize(&old_root.join(rel));
                if there.is_dir() {
                    let walked = walk(
                        std::slice::from_ref(&there),
                        configs,
                        WalkOptions::default(),
                    );
                    pairing.errors.extend(walked.errors);
                    for f in walked.files {
                        pairing.old.push((old_key(&f), f));
                    }
                } else if there.is_file() {
                    pairing.old.push((old_key(&there), there));
                }
            }
            for (key, new_path) in &pairing.new {
                let rel = new_path.strip_prefix(&new_root).unwrap_or(new_path);
                looked_for.push((key.clone(), old_root.join(rel)));
            }
        }
        Version::Git(git) => {
            for path in &paths {
                let repo_path = git.repo_path(&absolute(path));
                let mut found: Vec<&PathBuf> = git
                    .files
                    .iter()
                    .filter(|f| {
                        let under = repo_path.as_os_str().is_empty() || f.starts_with(&repo_path);
                        under
                            && (**f == repo_path
                                || (f.extension().is_some_and(|e| e == "thrift")
                                    && !skipped(f, &git.toplevel.join(f), configs)))
                    })
                    .collect();
                found.sort();
                for f in found {
                    let full = git.toplevel.join(f);
                    pairing.old.push((crate::key(&full, cwd), full));
                }
            }
            for (key, new_path) in &pairing.new {
                looked_for.push((key.clone(), git.repo_path(new_path)));
            }
        }
    }
    let mut seen = BTreeSet::new();
    pairing.old.retain(|(key, _)| seen.insert(key.clone()));

    // Say when a new file has nothing to be compared with while the old
    // version is not empty: a layout mismatch would otherwise pass as
    // "no breaking changes".
    let old_has_files = !pairing.old.is_empty()
        || match old {
            Version::Dir(root) => {
                !walk(std::slice::from_ref(root), configs, WalkOptions::default())
                    .files
                    .is_empty()
            }
            Version::Git(git) => git
                .files
                .iter()
                .any(|f| f.extension().is_some_and(|e| e == "thrift")),
            Version::File(_) => true,
        };
    if old_has_files {
        let old_keys: BTreeSet<&str> = pairing.old.iter().map(|(k, _)| k.as_str()).collect();
        let label = match old {
            Version::Git(git) => format!("at `{}`", git.label()),
            _ => "in the old version".to_string(),
        };
        for (key, looked) in &looked_for {
            if !old_keys.contains(key.as_str()) {
                pairing.warnings.push(Warning(format!(
                    "note: {key}: no old counterpart (looked for {} {label}); compared as a new file",
                    crate::display(looked)
                )));
            }
        }
    }
    for path in &paths {
        if !absolute(path).exists() {
            let key = crate::key(&absolute(path), cwd);
            if !pairing.old.iter().any(|(k, _)| *k == key) {
                pairing.missing.push(key);
            }
        }
    }
    pairing
}

/// Whether a file of a git tree (`rel` in the repository, `full` as its
/// working-tree path) is under a directory the walk skips, or excluded by
/// its config (the working tree's).
fn skipped(rel: &Path, full: &Path, configs: &mut Configs) -> bool {
    let Ok(config) = configs.for_file(full) else {
        return false;
    };
    let mut components = rel.components();
    components.next_back();
    components.any(|c| config.skip.is_match(c.as_os_str())) || config.is_excluded(full)
}
