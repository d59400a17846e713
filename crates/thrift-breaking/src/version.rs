//! Reading one version of the IDL to compare: files on disk ([`FsTree`])
//! or a commit of a git repository ([`GitTree`]), loaded with what they
//! include into a [`Loaded`] semantic model.
//!
//! A git commit is read without touching the working tree: `git ls-tree`
//! and `git cat-file --batch`, run as subprocesses with argument vectors
//! (never a shell). Paths are absolute, as if the commit were checked out
//! at the repository's top level, so include directories of the working
//! tree apply to it unchanged.

use std::{
    collections::{HashMap, HashSet, VecDeque},
    fmt,
    io::{BufRead, BufReader, Read, Write},
    path::{Path, PathBuf},
    process::{Child, ChildStdin, ChildStdout, Command, Stdio},
    sync::{Arc, RwLock},
};

use thrift_semantic::{Database, FileId, normalize_path as normalize};
use thrift_syntax::{Dialect, LineIndex, TextSize};

/// Why a version cannot be read: a message for the user.
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

/// Where a version's files come from.
pub trait Tree {
    fn is_file(&self, path: &Path) -> bool;
    fn read(&mut self, path: &Path) -> Result<String, Error>;
}

/// The files on disk.
pub struct FsTree;

impl Tree for FsTree {
    fn is_file(&self, path: &Path) -> bool {
        path.is_file()
    }

    fn read(&mut self, path: &Path) -> Result<String, Error> {
        let bytes = std::fs::read(path).map_err(|e| Error(format!("{}: {e}", path.display())))?;
        String::from_utf8(bytes).map_err(|e| {
            Error(format!(
                "{}: not valid UTF-8 (invalid byte at offset {}); Thrift files must be UTF-8 text",
                path.display(),
                e.utf8_error().valid_up_to()
            ))
        })
    }
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

/// One loaded version.
pub struct Loaded {
    pub db: Database,
    /// The compared files: `(key, id)`.
    pub files: Vec<(String, FileId)>,
    /// Every loaded file's key (the compared files' keys; the path of
    /// included files), by file id. Texts are the database's.
    pub keys: Vec<String>,
    index: HashMap<FileId, LineIndex>,
}

impl Loaded {
    /// 1-based line and column (in characters) of an offset.
    pub fn position(&self, file: FileId, offset: TextSize) -> (u32, u32) {
        match (self.index.get(&file), self.db.text(file)) {
            (Some(index), Some(text)) => {
                let lc = index.line_col(text, offset);
                (lc.line + 1, lc.col + 1)
            }
            _ => (1, 1),
        }
    }

    /// The 1-based column of `offset` on `line` (1-based) in UTF-8 bytes.
    pub fn byte_column(&self, file: FileId, offset: TextSize, line: u32) -> u32 {
        let start = self
            .index
            .get(&file)
            .and_then(|index| index.line_start(line.saturating_sub(1)))
            .map_or(0, u32::from);
        u32::from(offset).saturating_sub(start) + 1
    }
}

/// Loads `inputs` (`(key, path)`) and, breadth first, what they include:
/// the including file's directory first, then `search` in order. An input
/// that cannot be read is an error; an unreadable include is skipped.
pub fn load(
    tree: &mut dyn Tree,
    inputs: &[(String, PathBuf)],
    search: &[PathBuf],
    dialect: Option<Dialect>,
) -> Result<Loaded, Error> {
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let mut by_path: HashMap<PathBuf, FileId> = HashMap::new();
    let mut queue: VecDeque<FileId> = VecDeque::new();
    let mut files: Vec<(String, FileId)> = Vec::new();
    let mut intern =
        |path: &Path, key: String, paths: &mut Vec<PathBuf>, keys: &mut Vec<String>| {
            if let Some(id) = by_path.get(path) {
                return (*id, false);
            }
            let id = FileId(paths.len() as u32);
            paths.push(path.to_path_buf());
            keys.push(key);
            by_path.insert(path.to_path_buf(), id);
            (id, true)
        };
    for (key, path) in inputs {
        let (id, new) = intern(path, key.clone(), &mut paths, &mut keys);
        if new {
            queue.push_back(id);
            files.push((key.clone(), id));
        }
    }
    // Each file is parsed once, into the database, as it is read; the
    // resolver answers from the includes found so far.
    let resolved: Arc<RwLock<HashMap<(FileId, String), FileId>>> = Arc::default();
    let resolver = resolved.clone();
    let mut db = Database::new(move |from: FileId, include: &str| {
        resolver
            .read()
            .ok()?
            .get(&(from, include.to_string()))
            .copied()
    });
    db.set_dialect(dialect);
    let mut index = HashMap::new();
    while let Some(id) = queue.pop_front() {
        let path = paths[id.0 as usize].clone();
        let is_input = files.iter().any(|(_, f)| *f == id);
        let text = match tree.read(&path) {
            Ok(text) => text,
            Err(e) if is_input => return Err(e),
            Err(_) => continue,
        };
        db.apply_change(id, &text);
        index.insert(id, LineIndex::new(&text));
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let names: Vec<String> = db
            .summary(id)
            .map(|s| s.includes.iter().map(|i| i.path.clone()).collect())
            .unwrap_or_default();
        for include in names {
            let dirs = std::iter::once(dir.as_path()).chain(search.iter().map(PathBuf::as_path));
            let found = thrift_semantic::find_include(&include, dirs, |p| tree.is_file(p));
            let Some(found) = found else { continue };
            let key = found.display().to_string();
            let (target, new) = intern(&found, key, &mut paths, &mut keys);
            if let Ok(mut resolved) = resolved.write() {
                resolved.insert((id, include), target);
            }
            if new {
                queue.push_back(target);
            }
        }
    }
    files.retain(|(_, id)| db.contains(*id));
    Ok(Loaded {
        db,
        files,
        keys,
        index,
    })
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

    #[test]
    fn loads_includes_from_a_tree() {
        struct Mem(HashMap<PathBuf, String>);
        impl Tree for Mem {
            fn is_file(&self, path: &Path) -> bool {
                self.0.contains_key(path)
            }
            fn read(&mut self, path: &Path) -> Result<String, Error> {
                self.0
                    .get(path)
                    .cloned()
                    .ok_or_else(|| Error(format!("{}: missing", path.display())))
            }
        }
        let mut tree = Mem(HashMap::from([
            (
                PathBuf::from("/r/a.thrift"),
                "include \"inc/b.thrift\"\nstruct A { 1: b.B b }\n".to_string(),
            ),
            (
                PathBuf::from("/r/inc/b.thrift"),
                "struct B {}\n".to_string(),
            ),
        ]));
        let loaded = load(
            &mut tree,
            &[("a.thrift".into(), PathBuf::from("/r/a.thrift"))],
            &[],
            None,
        )
        .unwrap();
        assert_eq!(loaded.files, vec![("a.thrift".to_string(), FileId(0))]);
        assert_eq!(loaded.keys, vec!["a.thrift", "/r/inc/b.thrift"]);
        assert_eq!(loaded.position(FileId(0), TextSize::from(23)), (2, 1));
        assert!(loaded.db.diagnostics(FileId(0)).is_empty());
        let missing = load(
            &mut tree,
            &[("c.thrift".into(), PathBuf::from("/r/c.thrift"))],
            &[],
            None,
        );
        assert_eq!(
            missing.err().map(|e| e.0),
            Some("/r/c.thrift: missing".into())
        );
    }
}
