//! Loading: a set of files and, breadth first, everything they include,
//! into one [`Database`]. The one include resolver of every tool.

use std::{
    collections::HashMap,
    path::{Path, PathBuf},
    sync::{Arc, OnceLock, RwLock},
};

use rustc_hash::FxHashMap;
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
    /// The targets its checks follow (`None`: the database's default, no
    /// target unless set): see `thrift_semantic::targets`.
    pub targets: Option<thrift_semantic::targets::Targets>,
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
    /// Each file's line index, by id, made when first asked for (most
    /// files of a run have nothing to show).
    index: Vec<OnceLock<LineIndex>>,
}

impl Loaded {
    fn line_index(&self, file: FileId) -> Option<&LineIndex> {
        let text = self.db.text(file)?;
        Some(
            self.index
                .get(file.0 as usize)?
                .get_or_init(|| LineIndex::new(text)),
        )
    }

    /// 1-based line and column (in characters) of an offset.
    pub fn position(&self, file: FileId, offset: TextSize) -> (u32, u32) {
        match (self.line_index(file), self.db.text(file)) {
            (Some(index), Some(text)) => {
                let lc = index.line_col(text, offset);
                (lc.line + 1, lc.col + 1)
            }
            _ => (1, 1),
        }
    }

    /// The path of a file.
    pub fn path(&self, file: FileId) -> Option<&Path> {
        self.paths.get(file.0 as usize).map(PathBuf::as_path)
    }
}

/// What [`load_with`] keeps in memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadOptions {
    /// Whether every file keeps its syntax tree in the database (see
    /// [`Database::set_keep_all_trees`]). Off, only the texts, summaries
    /// and indexes stay, and a query that needs a tree parses the file
    /// again: what a run that checks each file once wants (the trees of a
    /// 5,000-file workspace take about ten times its text). On, as
    /// [`load`] does, for callers that walk many trees again and again
    /// (`thrift-lint breaking`).
    pub keep_trees: bool,
}

impl Default for LoadOptions {
    fn default() -> LoadOptions {
        LoadOptions { keep_trees: true }
    }
}

/// Loads `inputs` (`(key, absolute path)`) from `tree` and, breadth first,
/// what they include (looked up with [`search_path`] and
/// [`resolve_include`]). `options` says how each file is read. Included
/// files are keyed by their path relative to `base`. An input that cannot
/// be read is in [`Loaded::errors`]; an include that cannot be read stays
/// unresolved (the checks report it). Every file keeps its syntax tree:
/// see [`load_with`].
pub fn load(
    tree: &mut dyn Tree,
    inputs: &[(String, PathBuf)],
    base: &Path,
    options: &mut dyn FnMut(&Path) -> FileOptions,
) -> Loaded {
    load_with(tree, inputs, base, options, LoadOptions::default())
}

/// [`load`], keeping in memory what `load_options` says.
///
/// Files are read one breadth-first level at a time: the level's files
/// are read (and `options` asked about each) in order, then parsed on all
/// cores ([`Database::parse_changes`]), then their includes are resolved
/// in order. Ids are given in the order a one-by-one breadth-first walk
/// gives them, so the result does not depend on the number of cores.
pub fn load_with(
    tree: &mut dyn Tree,
    inputs: &[(String, PathBuf)],
    base: &Path,
    options: &mut dyn FnMut(&Path) -> FileOptions,
    load_options: LoadOptions,
) -> Loaded {
    let (mut reader, level) = Reader::new(inputs);
    let mut db = reader.database();
    db.set_keep_all_trees(load_options.keep_trees);
    reader.load_levels(tree, base, options, &mut db, level);
    reader.finish(db)
}

/// The state of a load: the files found so far, by id, and where their
/// includes resolve (what the database's resolver reads).
pub(crate) struct Reader {
    paths: Vec<PathBuf>,
    keys: Vec<String>,
    by_path: HashMap<PathBuf, FileId>,
    /// The inputs: `(key, id)`, in the order given.
    pub(crate) files: Vec<(String, FileId)>,
    errors: Vec<(String, Error)>,
    /// Where each include of each file leads (FxHash: looked up for every
    /// include by every check).
    resolved: Arc<RwLock<FxHashMap<FileId, FxHashMap<String, FileId>>>>,
}

impl Reader {
    /// A load of `inputs`; returns the first level to read.
    pub(crate) fn new(inputs: &[(String, PathBuf)]) -> (Reader, Vec<FileId>) {
        let mut reader = Reader {
            paths: Vec::new(),
            keys: Vec::new(),
            by_path: HashMap::new(),
            files: Vec::new(),
            errors: Vec::new(),
            resolved: Arc::default(),
        };
        let mut level = Vec::new();
        for (key, path) in inputs {
            let (id, new) = reader.intern(path, key.clone());
            if new {
                level.push(id);
                reader.files.push((key.clone(), id));
            }
        }
        (reader, level)
    }

    /// A database whose resolver answers from the includes found so far,
    /// so that it never touches the disk.
    pub(crate) fn database(&self) -> Database {
        Database::new(self.live_resolver())
    }

    /// A resolver that answers from the includes found so far, as they
    /// are found.
    pub(crate) fn live_resolver(&self) -> impl thrift_semantic::IncludeResolver + 'static {
        let resolver = self.resolved.clone();
        move |from: FileId, include: &str| resolver.read().ok()?.get(&from)?.get(include).copied()
    }

    /// A resolver of the includes found so far, which later ones do not
    /// change: no lock to take for each lookup (the checks on every core
    /// look up every include, and a shared lock's counter went back and
    /// forth between the cores).
    pub(crate) fn frozen_resolver(&self) -> impl thrift_semantic::IncludeResolver + 'static {
        let resolved = self.resolved.read().map(|r| r.clone()).unwrap_or_default();
        move |from: FileId, include: &str| resolved.get(&from)?.get(include).copied()
    }

    fn intern(&mut self, path: &Path, key: String) -> (FileId, bool) {
        if let Some(id) = self.by_path.get(path) {
            return (*id, false);
        }
        let id = FileId(self.paths.len() as u32);
        self.paths.push(path.to_path_buf());
        self.keys.push(key);
        self.by_path.insert(path.to_path_buf(), id);
        (id, true)
    }

    /// Reads files `ids` (on all cores, if the tree can) and tells the
    /// database how to read each; returns, in order, the text of each file
    /// read and where its includes are looked up. An input that cannot be
    /// read is an error of the load; an included file, an unresolved
    /// include (the checks report it).
    pub(crate) fn read(
        &mut self,
        tree: &mut dyn Tree,
        options: &mut dyn FnMut(&Path) -> FileOptions,
        db: &mut Database,
        ids: Vec<FileId>,
    ) -> Vec<(FileId, String, Vec<PathBuf>)> {
        let paths: Vec<&Path> = ids
            .iter()
            .map(|id| self.paths[id.0 as usize].as_path())
            .collect();
        let texts = tree.read_all(&paths);
        let mut out = Vec::with_capacity(ids.len());
        for (id, text) in ids.into_iter().zip(texts) {
            let path = &self.paths[id.0 as usize];
            let text = match text {
                Ok(text) => text,
                Err(e) => {
                    if let Some((key, _)) = self.files.iter().find(|(_, f)| *f == id) {
                        self.errors.push((key.clone(), e));
                    }
                    continue;
                }
            };
            let file_options = options(path);
            db.set_file_dialect(id, file_options.dialect);
            db.set_file_name(id, path.to_str());
            db.set_file_targets(id, file_options.targets);
            let search = search_path(path, file_options.include_dirs.iter().map(PathBuf::as_path));
            out.push((id, text, search));
        }
        out
    }

    /// Resolves `include` of file `from` along `search`; records where it
    /// leads. Returns the file, and whether it is new to the load.
    pub(crate) fn resolve(
        &mut self,
        tree: &dyn Tree,
        base: &Path,
        from: FileId,
        include: String,
        search: &[PathBuf],
    ) -> Option<(FileId, bool)> {
        let found = resolve_include(&include, search, tree)?;
        let key = crate::display(&crate::relative(&found, base));
        let (target, new) = self.intern(&found, key);
        if let Ok(mut resolved) = self.resolved.write() {
            resolved.entry(from).or_default().insert(include, target);
        }
        Some((target, new))
    }

    /// How many files the load found so far (read or not).
    pub(crate) fn file_count(&self) -> usize {
        self.paths.len()
    }

    /// Where `include` of `from` was resolved, if it was.
    pub(crate) fn resolved(&self, from: FileId, include: &str) -> Option<FileId> {
        self.resolved.read().ok()?.get(&from)?.get(include).copied()
    }

    /// Reads, parses and stores `level` and, level after level, what its
    /// files include, found in their parsed summaries.
    ///
    /// Files are read one breadth-first level at a time: the level's files
    /// are read (and `options` asked about each) in order, then parsed on
    /// all cores ([`Database::parse_changes`]), then their includes are
    /// resolved in order. Ids are given in the order a one-by-one
    /// breadth-first walk gives them, so the result does not depend on the
    /// number of cores.
    pub(crate) fn load_levels(
        &mut self,
        tree: &mut dyn Tree,
        base: &Path,
        options: &mut dyn FnMut(&Path) -> FileOptions,
        db: &mut Database,
        mut level: Vec<FileId>,
    ) {
        while !level.is_empty() {
            // Read the level, in order.
            let mut texts: Vec<(FileId, String)> = Vec::with_capacity(level.len());
            let mut searches: Vec<(FileId, Vec<PathBuf>)> = Vec::with_capacity(level.len());
            for (id, text, search) in self.read(tree, options, db, std::mem::take(&mut level)) {
                searches.push((id, search));
                texts.push((id, text));
            }
            // Parse it on all cores.
            let parsed = db.parse_changes(texts);
            db.store_parsed(parsed);
            // Its includes, in order, are the next level.
            let mut resolved_any = false;
            for (id, search) in searches {
                let names: Vec<String> = db
                    .summary(id)
                    .map(|s| s.includes.iter().map(|i| i.path.clone()).collect())
                    .unwrap_or_default();
                for include in names {
                    if let Some((target, new)) = self.resolve(tree, base, id, include, &search) {
                        resolved_any = true;
                        if new {
                            level.push(target);
                        }
                    }
                }
            }
            if resolved_any {
                // The resolver reads the map just filled: the database's
                // include graph must be built again.
                db.includes_resolved_anew();
            }
        }
    }

    /// The result: the inputs that were read, and every file's key and
    /// path.
    pub(crate) fn finish(self, db: Database) -> Loaded {
        let mut files = self.files;
        files.retain(|(_, id)| db.contains(*id));
        let index = std::iter::repeat_with(OnceLock::new)
            .take(self.paths.len())
            .collect();
        Loaded {
            db,
            files,
            keys: self.keys,
            paths: self.paths,
            errors: self.errors,
            index,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Files in memory, by path (shared with `parallel_tests` and
    /// `checked.rs`).
    pub(crate) struct Mem(pub(crate) HashMap<PathBuf, String>);

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
                targets: None,
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

#[cfg(test)]
pub(crate) mod parallel_tests {
    use std::collections::VecDeque;

    use super::*;

    use super::tests::Mem;

    /// 60 files over three levels of includes, in two directories, with
    /// errors that travel across includes (T1006), unresolved includes,
    /// a cycle, an fbthrift file and inputs given out of order: enough
    /// files for the parse to go to several threads.
    pub(crate) fn workspace() -> (Mem, Vec<(String, PathBuf)>) {
        let mut files = HashMap::new();
        let mut add = |path: &str, text: String| {
            files.insert(PathBuf::from(path), text);
        };
        add(
            "/r/lib/core.thrift",
            "struct Core { 1: i32 a }\nenum E { A, B }\n".into(),
        );
        add(
            "/r/lib/broken.thrift",
            "struct Broken { 1: Nope n }\n".into(),
        );
        add(
            "/r/lib/fb.thrift",
            "package \"x.com/fb\"\nstruct Fb { 1: i32 a } (cpp.ref)\n".into(),
        );
        add(
            "/r/lib/cycle_a.thrift",
            "include \"cycle_b.thrift\"\nstruct CA {}\n".into(),
        );
        add(
            "/r/lib/cycle_b.thrift",
            "include \"cycle_a.thrift\"\nstruct CB {}\n".into(),
        );
        for i in 0..20 {
            let extra = match i % 5 {
                0 => "include \"broken.thrift\"\n",
                1 => "include \"gone.thrift\"\n",
                2 => "include \"cycle_a.thrift\"\n",
                3 => "include \"fb.thrift\"\n",
                _ => "",
            };
            add(
                &format!("/r/lib/mid{i}.thrift"),
                format!(
                    "include \"core.thrift\"\n{extra}struct Mid{i} {{ 1: core.Core c, 2: core.E e = core.E.A, 3: Missing{i} m }}\n"
                ),
            );
        }
        for i in 0..35 {
            let (a, b) = (i % 20, (i * 7 + 3) % 20);
            add(
                &format!("/r/app/leaf{i}.thrift"),
                format!(
                    "include \"mid{a}.thrift\"\ninclude \"mid{b}.thrift\"\nstruct Leaf{i} {{ 1: mid{a}.Mid{a} x, 2: mid{b}.Mid{b} y, 3: i32 x }}\nservice S{i} {{ void f(1: mid{a}.Mid{a} m) }}\n"
                ),
            );
        }
        // The leaves in reverse, and one input twice.
        let mut inputs: Vec<(String, PathBuf)> = (0..35)
            .rev()
            .map(|i| {
                (
                    format!("app/leaf{i}.thrift"),
                    PathBuf::from(format!("/r/app/leaf{i}.thrift")),
                )
            })
            .collect();
        inputs.push((
            "app/leaf3.thrift".into(),
            PathBuf::from("/r/app/leaf3.thrift"),
        ));
        (Mem(files), inputs)
    }

    pub(crate) fn options(path: &Path) -> FileOptions {
        FileOptions {
            // One file in a dialect of its own.
            dialect: path.ends_with("fb.thrift").then_some(Dialect::FbThrift),
            include_dirs: vec![PathBuf::from("/r/lib")],
            targets: None,
        }
    }

    /// The loader as it was: one file at a time, breadth first, each file
    /// parsed with [`Database::apply_change`] as it is read.
    fn load_one_by_one(tree: &mut Mem, inputs: &[(String, PathBuf)]) -> (Vec<PathBuf>, Database) {
        let mut paths: Vec<PathBuf> = Vec::new();
        let mut queue = VecDeque::new();
        let intern =
            |path: &Path, paths: &mut Vec<PathBuf>| match paths.iter().position(|p| p == path) {
                Some(i) => (FileId(i as u32), false),
                None => {
                    paths.push(path.to_path_buf());
                    (FileId(paths.len() as u32 - 1), true)
                }
            };
        for (_, path) in inputs {
            if let (id, true) = intern(path, &mut paths) {
                queue.push_back(id);
            }
        }
        let resolved: Arc<RwLock<HashMap<(FileId, String), FileId>>> = Arc::default();
        let resolver = resolved.clone();
        let mut db = Database::new(move |from: FileId, include: &str| {
            resolver
                .read()
                .ok()?
                .get(&(from, include.to_string()))
                .copied()
        });
        while let Some(id) = queue.pop_front() {
            let path = paths[id.0 as usize].clone();
            let text = tree.read(&path).expect("every file is there");
            let file_options = options(&path);
            db.set_file_dialect(id, file_options.dialect);
            db.set_file_name(id, path.to_str());
            db.apply_change(id, &text);
            let search = search_path(
                &path,
                file_options.include_dirs.iter().map(PathBuf::as_path),
            );
            let names: Vec<String> = db
                .summary(id)
                .unwrap()
                .includes
                .iter()
                .map(|i| i.path.clone())
                .collect();
            for include in names {
                let Some(found) = resolve_include(&include, &search, tree) else {
                    continue;
                };
                let (target, new) = intern(&found, &mut paths);
                resolved.write().unwrap().insert((id, include), target);
                if new {
                    queue.push_back(target);
                }
            }
        }
        (paths, db)
    }

    #[test]
    fn the_parallel_load_gives_what_the_one_by_one_load_gave() {
        let (mut tree, inputs) = workspace();
        let (paths, reference) = load_one_by_one(&mut tree, &inputs);
        assert_eq!(paths.len(), 60);
        for keep_trees in [true, false] {
            let loaded = load_with(
                &mut tree,
                &inputs,
                Path::new("/r"),
                &mut options,
                LoadOptions { keep_trees },
            );
            assert_eq!(loaded.paths, paths, "the same ids in the same order");
            assert_eq!(loaded.files.len(), 35);
            assert_eq!(loaded.db.file_ids(), reference.file_ids());
            let mut codes = HashMap::new();
            for id in reference.file_ids() {
                assert_eq!(loaded.db.text(id), reference.text(id));
                assert_eq!(loaded.db.summary(id), reference.summary(id));
                assert_eq!(loaded.db.includes(id), reference.includes(id), "{id:?}");
                assert_eq!(loaded.db.is_fbthrift(id), reference.is_fbthrift(id));
                assert_eq!(loaded.db.check_file(id), reference.check_file(id), "{id:?}");
                for d in loaded.db.check_file(id) {
                    *codes.entry(d.code.as_str()).or_insert(0) += 1;
                }
            }
            // The workspace is not trivially clean: errors of its own,
            // errors carried across includes, cycles, unresolved includes.
            for code in ["T1001", "T1002", "T1006"] {
                assert!(codes.contains_key(code), "{code} in {codes:?}");
            }
        }
    }

    #[test]
    fn a_load_without_trees_keeps_none_even_after_checking() {
        let (mut tree, inputs) = workspace();
        let loaded = load_with(
            &mut tree,
            &inputs,
            Path::new("/r"),
            &mut options,
            LoadOptions { keep_trees: false },
        );
        for id in loaded.db.file_ids() {
            assert!(!loaded.db.keeps_tree(id), "{id:?} kept its tree");
            loaded.db.check_file(id);
            assert!(
                !loaded.db.keeps_tree(id),
                "{id:?} kept its tree once checked"
            );
        }
        // The default keeps them (`thrift-lint breaking` walks them often).
        let loaded = load(&mut tree, &inputs, Path::new("/r"), &mut options);
        assert!(
            loaded
                .db
                .file_ids()
                .iter()
                .all(|&id| loaded.db.keeps_tree(id))
        );
    }
}
