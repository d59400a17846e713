//! The walk: which `.thrift` files a run reads when it is given paths.
//!
//! - A file named explicitly is always taken, whatever ignores it.
//! - A directory is searched recursively for `*.thrift`, skipping:
//!   - what `.gitignore` files ignore (in the directory, below it and in
//!     the directories above it), `.git/info/exclude` and the global git
//!     excludes, **also outside a git repository** (fd's
//!     `--no-require-git`): a project copied out of git, or vendored,
//!     skips the same files;
//!   - what `.ignore` files ignore (same syntax; they win over
//!     `.gitignore`, and a `!pattern` in them takes a file back);
//!   - directories and files whose name matches the nearest config's
//!     `skip` (default [`thrift_config::DEFAULT_SKIP`]: hidden names,
//!     `node_modules`, `target`, `build`, `buck-out`);
//!   - files that the nearest config's `exclude` matches.
//! - Symbolic links are not followed (neither to directories nor to
//!   files), so a walk cannot loop and never sees a file twice; name a
//!   linked file or directory on the command line to read it.
//! - The order is deterministic: by path, component by component.
//!
//! Problems are values: [`Walked::errors`] (a path that does not exist, an
//! unreadable directory or config) and [`Walked::warnings`] (a directory
//! with no `.thrift` file, an `exclude` pattern that matched nothing).

use std::{
    collections::BTreeSet,
    path::{Path, PathBuf},
    sync::{
        Arc, Mutex,
        atomic::{AtomicUsize, Ordering},
    },
};

use crate::{Configs, Warning};

/// What a walk found.
#[derive(Debug, Default)]
pub struct Walked {
    /// The files, as the paths were given (relative paths stay relative):
    /// for each path in order, its files sorted.
    pub files: Vec<PathBuf>,
    pub warnings: Vec<Warning>,
    /// Problems that make the run fail (exit 2).
    pub errors: Vec<String>,
    /// How many directories and files a `skip` name or an `exclude` glob
    /// left out (for `-v`; what `.gitignore` and `.ignore` leave out is not
    /// counted).
    pub skipped: usize,
}

/// How a walk reports.
#[derive(Debug, Clone, Copy, Default)]
pub struct WalkOptions {
    /// Warn about a directory that holds no `.thrift` file to take (paths
    /// from the command line: yes; an editor's workspace folders: no).
    pub warn_empty: bool,
}

/// `*.thrift` files under `paths` (see the module docs for the rules).
pub fn walk(paths: &[PathBuf], configs: &mut Configs, options: WalkOptions) -> Walked {
    let mut walked = Walked::default();
    // (config file, pattern index) of each `exclude` pattern that matched.
    let mut matched: BTreeSet<(PathBuf, usize)> = BTreeSet::new();
    let mut roots: Vec<PathBuf> = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                roots.push(crate::normalize(&configs.absolute(path)));
                let before = walked.files.len();
                walk_dir(path, configs, &mut walked, &mut matched);
                if options.warn_empty && walked.files.len() == before {
                    walked.warnings.push(Warning(format!(
                        "{}: no `.thrift` file to read here (after .gitignore, .ignore and the config's `skip` and `exclude`)",
                        crate::display(path)
                    )));
                }
            }
            Ok(_) => walked.files.push(path.clone()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => walked.errors.push(format!(
                "{}: error: no such file or directory",
                crate::display(path)
            )),
            Err(e) => walked
                .errors
                .push(format!("{}: error: {e}", crate::display(path))),
        }
    }
    // An `exclude` pattern of a config whose directory the walk covered
    // that matched no file.
    for config in configs.used() {
        let (Some(path), Some(root)) = (&config.path, &config.root) else {
            continue;
        };
        let root = crate::normalize(root);
        if !roots.iter().any(|r| root.starts_with(r)) {
            continue;
        }
        for (i, pattern) in config.exclude_patterns.iter().enumerate() {
            if !matched.contains(&(path.clone(), i)) {
                walked.warnings.push(Warning(format!(
                    "{}: `exclude` pattern `{pattern}` matches no `.thrift` file",
                    path.display()
                )));
            }
        }
    }
    let mut seen = BTreeSet::new();
    walked.errors.retain(|e| seen.insert(e.clone()));
    walked
}

fn walk_dir(
    dir: &Path,
    configs: &mut Configs,
    walked: &mut Walked,
    matched: &mut BTreeSet<(PathBuf, usize)>,
) {
    // The filter runs inside the walker, which wants `'static + Sync`: it
    // borrows the run's configs for the time of the walk. A config that
    // does not load skips the default names here; the caller reports it
    // when it resolves the config of a file under it.
    let shared = Arc::new(Mutex::new(std::mem::take(configs)));
    let filter_configs = shared.clone();
    let skipped = Arc::new(AtomicUsize::new(0));
    let filter_skipped = skipped.clone();
    let walker = ignore::WalkBuilder::new(dir)
        // Hidden names are in the default `skip`, which a config can change.
        .hidden(false)
        .parents(true)
        .ignore(true)
        .git_ignore(true)
        .git_global(true)
        .git_exclude(true)
        .require_git(false)
        .follow_links(false)
        .filter_entry(move |entry| {
            let Some(parent) = entry.path().parent() else {
                return true;
            };
            let mut configs = filter_configs.lock().unwrap_or_else(|e| e.into_inner());
            let skip = match configs.for_dir(parent) {
                Ok(config) => config.skip.is_match(entry.file_name()),
                Err(_) => thrift_config::Skip::default().is_match(entry.file_name()),
            };
            if skip {
                filter_skipped.fetch_add(1, Ordering::Relaxed);
            }
            !skip
        })
        .build();
    let mut found = Vec::new();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                if entry.file_type().is_some_and(|t| t.is_file())
                    && path.extension().is_some_and(|e| e == "thrift")
                {
                    found.push(path.to_path_buf());
                }
            }
            Err(e) => walked.errors.push(format!("error: {e}")),
        }
    }
    *configs = match Arc::try_unwrap(shared) {
        Ok(m) => m.into_inner().unwrap_or_else(|e| e.into_inner()),
        // The walker is gone, so the filter's clone is too.
        Err(_) => unreachable!("the walker holds no config after the walk"),
    };
    walked.skipped += skipped.load(Ordering::Relaxed);
    found.sort();
    for path in found {
        let excluded = match configs.for_file(&path) {
            Ok(config) => {
                let absolute = configs.absolute(&path);
                let hits = config.excluded_by(&absolute);
                if let Some(config_path) = &config.path {
                    for i in &hits {
                        matched.insert((config_path.clone(), *i));
                    }
                }
                !hits.is_empty()
            }
            // The caller reports it when it resolves the file's config.
            Err(_) => false,
        };
        if excluded {
            walked.skipped += 1;
        } else {
            walked.files.push(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scratch directory, removed when dropped.
    struct Scratch(PathBuf);

    impl Scratch {
        fn new(name: &str, files: &[(&str, &str)]) -> Scratch {
            let dir = std::env::temp_dir()
                .join(format!("thrift-project-walk-{}-{name}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            for (path, text) in files {
                let path = dir.join(path);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, text).unwrap();
            }
            Scratch(dir)
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn run(dir: &Path, paths: &[&str]) -> (Vec<String>, Vec<String>, Vec<String>) {
        let paths: Vec<PathBuf> = paths.iter().map(|p| dir.join(p)).collect();
        let walked = walk(
            &paths,
            &mut Configs::new(None),
            WalkOptions { warn_empty: true },
        );
        let rel = |s: String| s.replace(&format!("{}/", dir.display()), "");
        (
            walked.files.iter().map(|p| crate::key(p, dir)).collect(),
            walked
                .warnings
                .into_iter()
                .map(|w| rel(w.to_string()))
                .collect(),
            walked.errors.into_iter().map(rel).collect(),
        )
    }

    #[test]
    fn ignore_files_default_skips_and_exclude() {
        let s = Scratch::new(
            "rules",
            &[
                (
                    "thrift-tools.toml",
                    "exclude = [\"gen/**\", \"nothing/**\"]\n",
                ),
                (".gitignore", "ignored/\n*.tmp.thrift\n"),
                ("b.thrift", ""),
                ("a.thrift", ""),
                ("x.tmp.thrift", ""),
                ("ignored/i.thrift", ""),
                ("sub/.ignore", "!keep.tmp.thrift\n"),
                ("sub/keep.tmp.thrift", ""),
                ("sub/z/c.thrift", ""),
                ("sub/notes.txt", ""),
                ("gen/g.thrift", ""),
                ("node_modules/n.thrift", ""),
                ("target/t.thrift", ""),
                ("build/b.thrift", ""),
                (".hidden/h.thrift", ""),
                ("empty/readme.md", ""),
            ],
        );
        let (files, warnings, errors) = run(&s.0, &["."]);
        assert_eq!(
            files,
            [
                "a.thrift",
                "b.thrift",
                "sub/keep.tmp.thrift",
                "sub/z/c.thrift"
            ]
        );
        assert_eq!(
            warnings,
            [
                "warning: thrift-tools.toml: `exclude` pattern `nothing/**` matches no `.thrift` file"
            ]
        );
        assert!(errors.is_empty(), "{errors:?}");

        // Named paths are taken: an ignored file, a skipped directory.
        let (files, warnings, _) = run(&s.0, &["ignored/i.thrift", "build", "empty", "missing"]);
        assert_eq!(files, ["ignored/i.thrift", "build/b.thrift"]);
        assert_eq!(
            warnings,
            [
                "warning: empty: no `.thrift` file to read here (after .gitignore, .ignore and the config's `skip` and `exclude`)"
            ]
        );
        // The walk covered no config's directory: no `exclude` warning.
        let (_, _, errors) = run(&s.0, &["missing"]);
        assert_eq!(errors, ["missing: error: no such file or directory"]);
    }

    #[test]
    fn a_config_replaces_the_default_skips() {
        let s = Scratch::new(
            "skip",
            &[
                ("thrift-tools.toml", "skip = [\".*\", \"vendor\"]\n"),
                ("build/b.thrift", ""),
                ("vendor/v.thrift", ""),
                (".hidden/h.thrift", ""),
            ],
        );
        let (files, warnings, errors) = run(&s.0, &["."]);
        assert_eq!(files, ["build/b.thrift"]);
        assert!(
            warnings.is_empty() && errors.is_empty(),
            "{warnings:?} {errors:?}"
        );
        // A config that does not load: the default skips, and the error
        // when the file's config is resolved.
        std::fs::write(s.0.join("thrift-tools.toml"), "skip = 1\n").unwrap();
        let (files, _, errors) = run(&s.0, &["."]);
        assert_eq!(files, ["vendor/v.thrift"]);
        assert!(errors.is_empty(), "{errors:?}");
        let err = Configs::new(None).for_file(&s.0.join("vendor/v.thrift"));
        assert!(err.is_err_and(|e| e.to_string().contains("thrift-tools.toml")));
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_not_followed() {
        let s = Scratch::new("links", &[("real/a.thrift", "")]);
        std::os::unix::fs::symlink(s.0.join("real"), s.0.join("link")).unwrap();
        std::os::unix::fs::symlink(s.0.join("real/a.thrift"), s.0.join("real/b.thrift")).unwrap();
        // A loop.
        std::os::unix::fs::symlink(&s.0, s.0.join("real/up")).unwrap();
        let (files, _, errors) = run(&s.0, &["."]);
        assert_eq!(files, ["real/a.thrift"]);
        assert!(errors.is_empty(), "{errors:?}");
        // Named, a link is read.
        let (files, _, _) = run(&s.0, &["link"]);
        assert_eq!(files, ["link/a.thrift"]);
    }
}
