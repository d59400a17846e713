//! Loading: a set of files and, breadth first, everything they include,
//! into one [`Database`]. The one include resolver of every tool.

use std::{
    collections::{HashMap, VecDeque},
    path::{Path, PathBuf},
    sync::{Arc, RwLock},
};

use thrift_semantic::{Database, FileId};
use thrift_syntax::{Dialect, LineIndex, TextSize};

use crate::{Error, Tree};

/// The directories `include "..."` in `file` is looked up in, in order:
/// the including file's own directory, then `include_dirs` (the command
/// line's `-I`, then the config's `include_dirs`), as the Apache compiler
/// does.
pub fn search_path<'a>(
    file: &Path,
    include_dirs: impl IntoIterator<Item = &'a Path>,
) -> Vec<PathBuf> {
    let mut search = vec![file.parent().map(Path::to_path_buf).unwrap_or_default()];
    search.extend(include_dirs.into_iter().map(Path::to_path_buf));
    search
}

/// The file `include` names, looked up along `search` (see
/// [`search_path`]) in `tree`: an absolute path as it is, else the first
/// directory that has it.
pub fn resolve_include(include: &str, search: &[PathBuf], tree: &dyn Tree) -> Option<PathBuf> {
    thrift_semantic::find_include(include, search.iter().map(PathBuf::as_path), |p| {
        tree.is_file(p)
    })
}

/// How one file is read: decided by the caller per file (usually from
/// its config).
#[derive(Debug, Clone, Default)]
pub struct FileOptions {
    /// `None`: detect per file.
    pub dialect: Option<Dialect>,
    /// Include directories after the file's own (`-I`, then the config's).
    pub include_dirs: Vec<PathBuf>,
}

/// A loaded set of files.
pub struct Loaded {
    pub db: Database,
    /// The inputs that were read: `(key, id)`, in the order given.
    pub files: Vec<(String, FileId)>,
    /// Each file's key, by id: the inputs' keys as given, included files'
    /// paths relative to the base directory (absolute outside it).
    pub keys: Vec<String>,
    /// Each file's path, by id.
    pub paths: Vec<PathBuf>,
    /// The inputs that could not be read.
    pub errors: Vec<(String, Error)>,
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

    /// The path of a file.
    pub fn path(&self, file: FileId) -> Option<&Path> {
        self.paths.get(file.0 as usize).map(PathBuf::as_path)
    }
}

/// Loads `inputs` (`(key, absolute path)`) from `tree` and, breadth first,
/// what they include (looked up with [`search_path`] and
/// [`resolve_include`]). `options` says how each file is read. Included
/// files are keyed by their path relative to `base`. An input that cannot
/// be read is in [`Loaded::errors`]; an include that cannot be read stays
/// unresolved (the checks report it).
pub fn load(
    tree: &mut dyn Tree,
    inputs: &[(String, PathBuf)],
    base: &Path,
    options: &mut dyn FnMut(&Path) -> FileOptions,
) -> Loaded {
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
    // resolver answers from the includes found so far, so the database
    // never touches the disk.
    let resolved: Arc<RwLock<HashMap<FileId, HashMap<String, FileId>>>> = Arc::default();
    let resolver = resolved.clone();
    let mut db = Database::new(move |from: FileId, include: &str| {
        resolver.read().ok()?.get(&from)?.get(include).copied()
    });
    let mut index = HashMap::new();
    let mut errors = Vec::new();
    while let Some(id) = queue.pop_front() {
        let path = paths[id.0 as usize].clone();
        let text = match tree.read(&path) {
            Ok(text) => text,
            Err(e) => {
                if let Some((key, _)) = files.iter().find(|(_, f)| *f == id) {
                    errors.push((key.clone(), e));
                }
                continue;
            }
        };
        let file_options = options(&path);
        db.set_file_dialect(id, file_options.dialect);
        db.set_file_name(id, path.to_str());
        db.apply_change(id, &text);
        index.insert(id, LineIndex::new(&text));
        let search = search_path(
            &path,
            file_options.include_dirs.iter().map(PathBuf::as_path),
        );
        let names: Vec<String> = db
            .summary(id)
            .map(|s| s.includes.iter().map(|i| i.path.clone()).collect())
            .unwrap_or_default();
        for include in names {
            let Some(found) = resolve_include(&include, &search, tree) else {
                continue;
            };
            let key = crate::display(&crate::relative(&found, base));
            let (target, new) = intern(&found, key, &mut paths, &mut keys);
            if let Ok(mut resolved) = resolved.write() {
                resolved.entry(id).or_default().insert(include, target);
            }
            if new {
                queue.push_back(target);
            }
        }
    }
    files.retain(|(_, id)| db.contains(*id));
    Loaded {
        db,
        files,
        keys,
        paths,
        errors,
        index,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    fn mem(files: &[(&str, &str)]) -> Mem {
        Mem(files
            .iter()
            .map(|(p, t)| (PathBuf::from(p), t.to_string()))
            .collect())
    }

    #[test]
    fn loads_includes_own_directory_first_then_include_dirs() {
        let mut tree = mem(&[
            (
                "/r/a.thrift",
                "include \"inc/b.thrift\"\ninclude \"c.thrift\"\nstruct A { 1: b.B b, 2: c.C c }\n",
            ),
            ("/r/inc/b.thrift", "struct B {}\n"),
            // Found in the include directory, not the own one.
            ("/r/dirs/c.thrift", "struct C {}\n"),
            // Shadowed: the own directory comes first.
            ("/r/dirs/inc/b.thrift", "struct Nope {}\n"),
        ]);
        let loaded = load(
            &mut tree,
            &[("a.thrift".into(), PathBuf::from("/r/a.thrift"))],
            Path::new("/r"),
            &mut |_| FileOptions {
                dialect: None,
                include_dirs: vec![PathBuf::from("/r/dirs")],
            },
        );
        assert_eq!(loaded.files, vec![("a.thrift".to_string(), FileId(0))]);
        assert_eq!(
            loaded.keys,
            vec!["a.thrift", "inc/b.thrift", "dirs/c.thrift"]
        );
        assert_eq!(loaded.position(FileId(0), TextSize::from(42)), (3, 1));
        assert!(loaded.db.diagnostics(FileId(0)).is_empty());
        assert!(loaded.errors.is_empty());
    }

    #[test]
    fn an_unreadable_input_is_an_error_an_unreadable_include_is_unresolved() {
        let mut tree = mem(&[("/r/a.thrift", "include \"gone.thrift\"\n")]);
        let loaded = load(
            &mut tree,
            &[
                ("a.thrift".into(), PathBuf::from("/r/a.thrift")),
                ("c.thrift".into(), PathBuf::from("/r/c.thrift")),
            ],
            Path::new("/r"),
            &mut |_| FileOptions::default(),
        );
        assert_eq!(loaded.files, vec![("a.thrift".to_string(), FileId(0))]);
        assert_eq!(
            loaded.errors,
            vec![("c.thrift".to_string(), Error("/r/c.thrift: missing".into()))]
        );
        let codes: Vec<_> = loaded
            .db
            .diagnostics(FileId(0))
            .iter()
            .map(|d| d.code.as_str())
            .collect();
        assert!(codes.contains(&"T1001"), "{codes:?}");
    }

    #[test]
    fn each_file_is_read_in_its_own_dialect() {
        let mut tree = mem(&[
            ("/r/a.thrift", "include \"b.thrift\"\n"),
            ("/r/b.thrift", "struct B {}\n"),
        ]);
        let mut asked = Vec::new();
        let loaded = load(
            &mut tree,
            &[("a.thrift".into(), PathBuf::from("/r/a.thrift"))],
            Path::new("/r"),
            &mut |p| {
                asked.push(p.to_path_buf());
                FileOptions::default()
            },
        );
        assert_eq!(loaded.keys.len(), 2);
        assert_eq!(
            asked,
            [PathBuf::from("/r/a.thrift"), PathBuf::from("/r/b.thrift")]
        );
    }
}
