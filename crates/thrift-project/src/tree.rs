//! Where files are read from: the disk ([`FsTree`]) or a commit of a git
//! repository ([`GitTree`]).
//!
//! A git commit is read without touching the working tree: `git ls-tree`
//! and `git cat-file --batch`, run as subprocesses with argument vectors
//! (never a shell). Paths are absolute, as if the commit were checked out
//! at the repository's top level, so include directories of the working
//! tree apply to it unchanged.

use std::{
    collections::HashSet,
    fmt,
    io::{BufRead, BufReader, Read, Write},
    path::{Path, PathBuf},
    process::{Child, ChildStdin, ChildStdout, Command, Stdio},
};

use thrift_semantic::normalize_path as normalize;

/// Why a file or a version cannot be read: a message for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(pub String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error(e.to_string())
    }
}

/// Where a version's files come from. Paths are absolute.
pub trait Tree {
    fn is_file(&self, path: &Path) -> bool;
    fn read(&mut self, path: &Path) -> Result<String, Error>;
    /// [`Tree::read`] of each path, in order (the files on disk are read
    /// on all cores).
    fn read_all(&mut self, paths: &[&Path]) -> Vec<Result<String, Error>> {
        paths.iter().map(|path| self.read(path)).collect()
    }
}

/// The files on disk.
pub struct FsTree;

impl Tree for FsTree {
    fn is_file(&self, path: &Path) -> bool {
        path.is_file()
    }

    /// The text of a file; the error says what is wrong, not which file
    /// (the caller names it).
    fn read(&mut self, path: &Path) -> Result<String, Error> {
        read_file(path)
    }

    fn read_all(&mut self, paths: &[&Path]) -> Vec<Result<String, Error>> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        if threads <= 1 || paths.len() < 64 {
            return paths.iter().map(|path| read_file(path)).collect();
        }
        let chunk = paths.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let handles: Vec<_> = paths
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || part.iter().map(|path| read_file(path)).collect::<Vec<_>>())
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().expect("a reading thread panicked"))
                .collect()
        })
    }
}

fn read_file(path: &Path) -> Result<String, Error> {
    let bytes = std::fs::read(path)?;
    String::from_utf8(bytes).map_err(|e| {
        Error(format!(
            "not valid UTF-8 (invalid byte at offset {}); Thrift files must be UTF-8 text",
            e.utf8_error().valid_up_to()
        ))
    })
}

fn git(cwd: &Path, args: &[&str]) -> Result<std::process::Output, Error> {
    Command::new("git")
        .current_dir(cwd)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| Error(format!("cannot run git: {e}")))
}

/// The commit a ref of the repository around `cwd` names, or `None` when
/// it names none (or `cwd` is not in a repository).
pub fn resolve_commit(cwd: &Path, reference: &str) -> Option<String> {
    if reference.is_empty() || reference.starts_with('-') {
        return None;
    }
    let spec = format!("{reference}^{{commit}}");
    let out = git(
        cwd,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &spec,
        ],
    )
    .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// A commit of the git repository around a directory. Paths are
/// absolute, as if the commit were checked out at the top level.
pub struct GitTree {
    pub toplevel: PathBuf,
    pub commit: String,
    label: String,
    /// Every file of the commit, relative to the top level.
    pub files: HashSet<PathBuf>,
    cat: Option<(Child, ChildStdin, BufReader<ChildStdout>)>,
}

impl GitTree {
    /// Opens `reference` (a commit, branch or tag) of the repository
    /// around `cwd`. Refs that are empty or start with `-` are refused.
    pub fn open(cwd: &Path, reference: &str) -> Result<GitTree, Error> {
        if reference.is_empty() || reference.starts_with('-') {
            return Err(Error(format!(
                "refusing ref `{reference}`: a ref may not be empty or start with `-`"
            )));
        }
        let top = git(cwd, &["rev-parse", "--show-toplevel"])?;
        if !top.status.success() {
            return Err(Error(format!(
                "`{reference}` is not a directory or a file, and {} is not in a git repository",
                cwd.display()
            )));
        }
        let toplevel =
            PathBuf::from(String::from_utf8_lossy(&top.stdout).trim_end_matches(['\n', '\r']));
        let Some(commit) = resolve_commit(cwd, reference) else {
            return Err(Error(format!(
                "unknown git ref `{reference}` (not a commit, branch or tag of the repository at {}, nor a directory or a file)",
                toplevel.display()
            )));
        };
        let list = git(
            &toplevel,
            &["ls-tree", "-r", "-z", "--full-tree", "--name-only", &commit],
        )?;
        if !list.status.success() {
            return Err(Error(format!(
                "git ls-tree failed for `{reference}`: {}",
                String::from_utf8_lossy(&list.stderr).trim()
            )));
        }
        let files = list
            .stdout
            .split(|b| *b == 0)
            .filter(|p| !p.is_empty())
            .map(|p| PathBuf::from(String::from_utf8_lossy(p).into_owned()))
            .collect();
        Ok(GitTree {
            toplevel,
            commit,
            label: reference.to_string(),
            files,
            cat: None,
        })
    }

    /// The ref as the user wrote it.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// A path of the working tree as a path in the repository.
    pub fn repo_path(&self, absolute: &Path) -> PathBuf {
        let top = std::fs::canonicalize(&self.toplevel).unwrap_or_else(|_| self.toplevel.clone());
        let abs = match std::fs::canonicalize(absolute) {
            Ok(p) => p,
            // A file deleted from the working tree: canonicalize its parent.
            Err(_) => match (absolute.parent(), absolute.file_name()) {
                (Some(parent), Some(name)) => std::fs::canonicalize(parent)
                    .map(|p| p.join(name))
                    .unwrap_or_else(|_| absolute.to_path_buf()),
                _ => absolute.to_path_buf(),
            },
        };
        abs.strip_prefix(&top)
            .or_else(|_| absolute.strip_prefix(&self.toplevel))
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| absolute.to_path_buf())
    }

    fn cat_file(&mut self) -> Result<&mut (Child, ChildStdin, BufReader<ChildStdout>), Error> {
        if self.cat.is_none() {
            let mut child = Command::new("git")
                .current_dir(&self.toplevel)
                .args(["cat-file", "--batch"])
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .map_err(|e| Error(format!("cannot run git cat-file: {e}")))?;
            let stdin = child
                .stdin
                .take()
                .ok_or_else(|| Error("git cat-file: no stdin".into()))?;
            let stdout = child
                .stdout
                .take()
                .ok_or_else(|| Error("git cat-file: no stdout".into()))?;
            self.cat = Some((child, stdin, BufReader::new(stdout)));
        }
        Ok(self.cat.as_mut().expect("just set"))
    }
}

impl Drop for GitTree {
    fn drop(&mut self) {
        if let Some((mut child, stdin, _)) = self.cat.take() {
            drop(stdin);
            let _ = child.wait();
        }
    }
}

impl Tree for GitTree {
    fn is_file(&self, path: &Path) -> bool {
        path.strip_prefix(&self.toplevel)
            .is_ok_and(|rel| self.files.contains(&normalize(rel)))
    }

    fn read(&mut self, path: &Path) -> Result<String, Error> {
        let rel = path
            .strip_prefix(&self.toplevel)
            .map(normalize)
            .map_err(|_| Error(format!("{} is outside the repository", path.display())))?;
        let rel = rel.to_string_lossy().replace('\\', "/");
        if rel.contains('\n') {
            return Err(Error(format!(
                "cannot read `{rel}` from git: line break in the path"
            )));
        }
        let request = format!("{}:{rel}\n", self.commit);
        let label = self.label.clone();
        let (_, stdin, stdout) = self.cat_file()?;
        stdin.write_all(request.as_bytes())?;
        stdin.flush()?;
        let mut header = String::new();
        stdout.read_line(&mut header)?;
        let fields: Vec<&str> = header.split_whitespace().collect();
        let size = match fields.as_slice() {
            [_, "blob", size] => size
                .parse::<usize>()
                .map_err(|_| Error(format!("git cat-file: bad header `{}`", header.trim())))?,
            _ => return Err(Error(format!("cannot read `{rel}` at `{label}` from git"))),
        };
        let mut bytes = vec![0u8; size + 1];
        stdout.read_exact(&mut bytes)?;
        bytes.pop();
        String::from_utf8(bytes).map_err(|e| {
            Error(format!(
                "{label}:{rel}: not valid UTF-8 (invalid byte at offset {}); Thrift files must be UTF-8 text",
                e.utf8_error().valid_up_to()
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_option_like_refs() {
        let err = GitTree::open(Path::new("."), "--output=/tmp/x").err();
        assert!(err.is_some_and(|e| e.0.contains("may not be empty or start with `-`")));
        assert_eq!(resolve_commit(Path::new("."), "-x"), None);
    }

    /// Many files (read on all cores) come back in the order asked, each
    /// with its own text or error, as one `read` after another gives them.
    #[test]
    fn read_all_keeps_the_order_and_the_errors() {
        let dir = std::env::temp_dir().join(format!("thrift-read-all-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let mut paths = Vec::new();
        for i in 0..200 {
            let path = dir.join(format!("f{i}.thrift"));
            match i {
                // Missing, and not UTF-8.
                17 => {}
                101 => std::fs::write(&path, b"const i32 \xff = 1\n").unwrap(),
                _ => std::fs::write(&path, format!("const i32 c{i} = {i}\n")).unwrap(),
            }
            paths.push(path);
        }
        let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
        let all = FsTree.read_all(&refs);
        assert_eq!(all.len(), paths.len());
        for (path, got) in paths.iter().zip(&all) {
            let want = FsTree.read(path);
            match (got, &want) {
                (Ok(a), Ok(b)) => assert_eq!(a, b),
                (Err(a), Err(b)) => assert_eq!(a.0, b.0),
                _ => panic!("{}: {got:?} but one read gives {want:?}", path.display()),
            }
        }
        assert!(all[17].is_err() && all[101].is_err() && all[199].is_ok());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
