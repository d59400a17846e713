//! The server's state: the semantic model, the files it knows, the open
//! documents, configs; and conversions to LSP types.

use std::{
    cell::RefCell,
    collections::HashMap,
    path::{Path, PathBuf},
    rc::Rc,
    sync::{Arc, RwLock},
};

use thrift_config::{Config, LintLevel};
use thrift_ide::{Analysis, AnalysisHost, Database, FileId, InlayHintConfig, TextRange, TextSize};
use thrift_project::{Configs, FsTree, Tree, WalkOptions, normalize};
use thrift_semantic::{Code, Severity};
use tower_lsp_server::ls_types::{self as lsp, Uri};

use crate::{
    InitOptions,
    convert::{Encoding, LineIndex, symbol_kind},
};

/// What the resolver reads: the files' paths and their resolved includes.
#[derive(Default)]
pub struct Vfs {
    paths: Vec<PathBuf>,
    uris: Vec<Option<Uri>>,
    by_path: HashMap<PathBuf, FileId>,
    /// By including file, then include string (looked up without allocating).
    includes: HashMap<FileId, HashMap<String, FileId>>,
}

pub struct OpenDoc {
    pub uri: Uri,
    pub version: i32,
}

pub struct State {
    pub host: AnalysisHost,
    vfs: Arc<RwLock<Vfs>>,
    pub open: HashMap<FileId, OpenDoc>,
    pub encoding: Encoding,
    pub roots: Vec<PathBuf>,
    include_dirs: Vec<PathBuf>,
    /// From `initializationOptions.dialect`; `None` defers to the config.
    dialect: Option<Option<thrift_syntax::Dialect>>,
    pub inlay: InlayHintConfig,
    /// Bumped on every change; a diagnostics task checks it.
    pub generation: u64,
    /// Bumped when an open document's text changes (open, change, close):
    /// a request that waited meanwhile answers `ContentModified`, since
    /// its positions were for the text before.
    pub edits: u64,
    /// The client pulls diagnostics (`textDocument/diagnostic`): none are
    /// pushed then.
    pub pull_diagnostics: bool,
    /// The client can be asked to pull again
    /// (`workspace/diagnostic/refresh`).
    pub diagnostic_refresh: bool,
    /// The client registers file watchers dynamically
    /// (`workspace.didChangeWatchedFiles.dynamicRegistration`).
    pub watch_registration: bool,
    /// The client shows work done progress (`window.workDoneProgress`).
    pub work_done_progress: bool,
    /// The client can be asked to ask for inlay hints again
    /// (`workspace.inlayHint.refreshSupport`).
    pub inlay_hint_refresh: bool,
    /// Per directory: the config that applies (cleared when one changes).
    configs: thrift_config::ConfigCache,
    /// The old sides of `[breaking] against`.
    breaking: Arc<std::sync::Mutex<crate::breaking::Cache>>,
    /// Include lookups queued by changes, to run off the lock.
    lookups: Vec<(FileId, String, Arc<Vec<PathBuf>>)>,
    /// The `targets` and `thriftVersion` settings (`state/targets.rs`).
    target_overrides: thrift_config::TargetOverrides,
    /// Why the last target settings were ignored, to log once.
    pub target_settings_error: Option<String>,
}

/// Files to parse off the lock (read again because a dialect changed, or
/// found by include lookups), on a snapshot.
pub struct ToParse {
    pub changes: Vec<(FileId, String)>,
    /// A snapshot to parse them on.
    pub db: Database,
}

/// Which includes of a file [`State::queue_lookups`] looks up again.
#[derive(Clone, Copy)]
enum Lookup<'a> {
    /// Those that resolve to nothing yet (new or missing): after an edit.
    Unresolved,
    /// All: after a config change.
    All,
    /// Those not resolved, and those whose file name is one of these:
    /// after files with these names were created, changed or deleted.
    Naming(&'a [&'a std::ffi::OsStr]),
}

/// Include lookups to do on disk, off the state's lock.
pub struct IncludeJob {
    /// (including file, include, directories to search in order).
    lookups: Vec<(FileId, String, Arc<Vec<PathBuf>>)>,
    vfs: Arc<RwLock<Vfs>>,
    /// A snapshot: which files are loaded already.
    db: Database,
}

/// What an [`IncludeJob`] found, for [`State::apply_includes`].
pub struct IncludesFound {
    lookups: Vec<(FileId, String, Option<PathBuf>)>,
    /// The text of each file found that was not loaded.
    texts: Vec<(PathBuf, String)>,
}

impl IncludeJob {
    /// Looks the includes up on disk (the Apache compiler's search), and
    /// reads the files found that are not loaded yet.
    pub fn run(self) -> IncludesFound {
        let mut lookups = Vec::with_capacity(self.lookups.len());
        let mut texts = Vec::new();
        let mut read = std::collections::HashSet::new();
        let mut fs = FsTree;
        for (f, include, search) in self.lookups {
            let hit = thrift_project::resolve_include(&include, &search, &fs);
            if let Some(path) = &hit {
                let loaded = self
                    .vfs
                    .read()
                    .ok()
                    .and_then(|vfs| vfs.by_path.get(path).copied())
                    .is_some_and(|id| self.db.contains(id));
                if !loaded
                    && read.insert(path.clone())
                    && let Ok(text) = fs.read(path)
                {
                    texts.push((path.clone(), text));
                }
            }
            lookups.push((f, include, hit));
        }
        IncludesFound { lookups, texts }
    }
}

impl Default for State {
    fn default() -> State {
        let vfs: Arc<RwLock<Vfs>> = Arc::default();
        let resolver_vfs = vfs.clone();
        let mut host = AnalysisHost::new(move |from: FileId, include: &str| {
            resolver_vfs
                .read()
                .ok()?
                .includes
                .get(&from)?
                .get(include)
                .copied()
        });
        // Only open files keep their syntax trees: a 5,000-file workspace
        // would otherwise hold hundreds of MB of them.
        host.db_mut().set_keep_all_trees(false);
        State {
            host,
            vfs,
            open: HashMap::new(),
            encoding: Encoding::Utf16,
            roots: Vec::new(),
            include_dirs: Vec::new(),
            dialect: None,
            inlay: InlayHintConfig::default(),
            generation: 0,
            edits: 0,
            pull_diagnostics: false,
            diagnostic_refresh: false,
            watch_registration: false,
            work_done_progress: false,
            inlay_hint_refresh: false,
            configs: thrift_config::ConfigCache::new(),
            breaking: Arc::default(),
            lookups: Vec::new(),
            target_overrides: Default::default(),
            target_settings_error: None,
        }
    }
}

/// `*.thrift` files under the workspace folders: the project walk (the
/// rules of `thrift-lint check` and `thrift-fmt`), and what to log about
/// it (config and IO problems, `exclude` patterns that match nothing).
pub fn walk(roots: &[PathBuf]) -> (Vec<PathBuf>, Vec<String>) {
    let mut configs = Configs::new(None);
    let walked = thrift_project::walk(roots, &mut configs, WalkOptions::default());
    let mut messages: Vec<String> = walked.warnings.iter().map(ToString::to_string).collect();
    messages.extend(walked.errors);
    (walked.files, messages)
}

/// The path a URI stands for (a `file:` path, or the URI itself for
/// untitled documents).
pub fn path_of(uri: &Uri) -> PathBuf {
    match uri.to_file_path() {
        Some(p) => normalize(&p),
        None => PathBuf::from(uri.as_str()),
    }
}

impl State {
    pub fn configure(&mut self, options: &InitOptions) {
        let base = self.roots.first().cloned().unwrap_or_default();
        self.include_dirs = options
            .include_dirs
            .iter()
            .map(|d| normalize(&base.join(d)))
            .collect();
        (self.target_overrides, self.target_settings_error) = options.target_overrides();
        self.dialect = options.dialect.as_deref().map(|d| match d {
            "apache" => Some(thrift_syntax::Dialect::Apache),
            "fbthrift" => Some(thrift_syntax::Dialect::FbThrift),
            _ => None,
        });
        self.inlay = InlayHintConfig {
            enum_values: options.inlay_hints.enum_values,
            field_ids: options.inlay_hints.field_ids,
            typedef_targets: options.inlay_hints.typedef_targets,
        };
    }

    /// New settings (`workspace/didChangeConfiguration`), at once: a
    /// changed dialect reads every file again, changed include directories
    /// look every include up again (off the lock: [`State::take_include_job`]);
    /// inlay hint settings apply to the next request.
    /// Returns the files to read again when the dialect changed (see
    /// [`State::reread_all`]).
    pub fn reconfigure(&mut self, options: &InitOptions) -> Option<ToParse> {
        let (dirs, dialect) = (self.include_dirs.clone(), self.dialect);
        let targets = self.target_overrides.clone();
        self.configure(options);
        if self.target_overrides != targets {
            self.apply_targets_all();
        }
        if self.include_dirs != dirs {
            let files = self.host.db().file_ids();
            self.queue_lookups(&files, Lookup::All);
        }
        (self.dialect != dialect).then(|| self.reread_all())
    }

    /// Every file, to read again in its dialect (which this sets now):
    /// parse them off the lock ([`Database::parse_changes`] on the
    /// snapshot), then [`State::finish_reread`].
    pub fn reread_all(&mut self) -> ToParse {
        let mut changes = Vec::new();
        for id in self.host.db().file_ids() {
            let path = self.path(id).unwrap_or_default();
            let dialect = match self.dialect {
                Some(d) => d,
                None => self.config_for(&path).dialect.dialect(),
            };
            self.host.db_mut().set_file_dialect(id, dialect);
            self.apply_targets(id, &path);
            if let Some(text) = self.host.db().text(id) {
                changes.push((id, text.to_string()));
            }
        }
        ToParse {
            changes,
            db: self.host.db().snapshot(),
        }
    }

    /// Stores the files read again off the lock, except those whose text
    /// changed meanwhile (an edit read them in the new dialect already).
    pub fn finish_reread(&mut self, mut parsed: thrift_semantic::ParsedFiles) {
        let db = self.host.db();
        parsed.retain(|id, text| db.text(id) == Some(text));
        let ids = self.host.db_mut().insert_parsed(parsed);
        self.queue_lookups(&ids, Lookup::Unresolved);
    }

    /// The config for a file; a config that does not load counts as none
    /// (`thrift-lint check` reports its error).
    fn config_for(&mut self, path: &Path) -> Arc<Config> {
        self.configs.resolve_for_file(path).unwrap_or_default()
    }

    /// The config of a file, or why it could not be read (the defaults
    /// apply then, and its diagnostics say so).
    fn config_or_error(&mut self, path: &Path) -> (Arc<Config>, Option<String>) {
        match self.configs.resolve_for_file(path) {
            Ok(config) => (config, None),
            Err(error) => (Arc::default(), Some(error.to_string())),
        }
    }

    fn intern(&mut self, path: PathBuf, uri: Option<Uri>) -> FileId {
        let mut vfs = self.vfs.write().unwrap_or_else(|e| e.into_inner());
        if let Some(&id) = vfs.by_path.get(&path) {
            if uri.is_some() {
                vfs.uris[id.0 as usize] = uri;
            }
            return id;
        }
        let id = FileId(vfs.paths.len() as u32);
        vfs.paths.push(path.clone());
        vfs.uris.push(uri);
        let name = path.to_str().map(str::to_string);
        vfs.by_path.insert(path, id);
        drop(vfs);
        // fbthrift names a program after its file.
        self.host.db_mut().set_file_name(id, name.as_deref());
        id
    }

    /// Conversions over the current state.
    pub fn view(&self) -> View<'_> {
        View::new(self.host.db(), &self.vfs, self.encoding)
    }

    /// A snapshot for a request or a diagnostics run, off the lock.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            analysis: self.host.analysis(),
            vfs: self.vfs.clone(),
            encoding: self.encoding,
            inlay: self.inlay,
        }
    }

    fn path(&self, file: FileId) -> Option<PathBuf> {
        self.view().path(file)
    }

    pub fn file_of(&self, uri: &Uri) -> Option<FileId> {
        self.view().file_of(uri)
    }

    fn set_text(&mut self, file: FileId, text: &str) {
        let path = self.path(file).unwrap_or_default();
        let dialect = match self.dialect {
            Some(d) => d,
            None => self.config_for(&path).dialect.dialect(),
        };
        self.host.db_mut().set_file_dialect(file, dialect);
        self.apply_targets(file, &path);
        self.host.db_mut().apply_change(file, text);
        self.queue_lookups(&[file], Lookup::Unresolved);
    }

    /// Queues disk lookups for the includes of `files` (which ones: see
    /// [`Lookup`]). Nothing touches the disk here: the lookups run off the
    /// lock ([`State::take_include_job`], [`IncludeJob::run`]).
    fn queue_lookups(&mut self, files: &[FileId], which: Lookup<'_>) {
        for &f in files {
            let Some(path) = self.path(f) else { continue };
            let includes: Vec<String> = match self.host.db().summary(f) {
                Some(summary) => summary
                    .includes
                    .iter()
                    .map(|i| i.path.clone())
                    .filter(|include| {
                        let known = self
                            .vfs
                            .read()
                            .ok()
                            .and_then(|vfs| vfs.includes.get(&f).map(|m| m.contains_key(include)))
                            .unwrap_or(false);
                        match which {
                            Lookup::Unresolved => !known,
                            Lookup::All => true,
                            Lookup::Naming(names) => {
                                !known
                                    || Path::new(include)
                                        .file_name()
                                        .is_some_and(|n| names.contains(&n))
                            }
                        }
                    })
                    .collect(),
                None => Vec::new(),
            };
            if includes.is_empty() {
                continue;
            }
            let config = self.config_for(&path);
            let search = Arc::new(thrift_project::search_path(
                &path,
                self.include_dirs
                    .iter()
                    .chain(&config.include_dirs)
                    .map(PathBuf::as_path),
            ));
            for include in includes {
                self.lookups.push((f, include, search.clone()));
            }
        }
    }

    /// The include lookups queued by the last changes, to run off the lock;
    /// `None` if there are none.
    pub fn take_include_job(&mut self) -> Option<IncludeJob> {
        if self.lookups.is_empty() {
            return None;
        }
        Some(IncludeJob {
            lookups: std::mem::take(&mut self.lookups),
            vfs: self.vfs.clone(),
            db: self.host.db().snapshot(),
        })
    }

    /// Applies what an [`IncludeJob`] found on disk: the includes resolve
    /// to the files found (or to nothing). Returns the files found that
    /// are not loaded yet, to parse off the lock and store with
    /// [`State::finish_include_load`] (their own includes are looked up
    /// in turn).
    pub fn apply_includes(&mut self, found: IncludesFound) -> Option<ToParse> {
        let mut resolved_anew = false;
        for (f, include, hit) in found.lookups {
            match hit {
                Some(path) => {
                    let target = self.intern(path, None);
                    if let Ok(mut vfs) = self.vfs.write() {
                        let before = vfs.includes.entry(f).or_default().insert(include, target);
                        resolved_anew |= before != Some(target);
                    }
                }
                None => {
                    if let Ok(mut vfs) = self.vfs.write()
                        && let Some(map) = vfs.includes.get_mut(&f)
                    {
                        resolved_anew |= map.remove(&include).is_some();
                    }
                }
            }
        }
        if resolved_anew {
            // The resolver reads the map just changed: the database's
            // include graph and the states cached on it are stale.
            self.host.db_mut().includes_resolved_anew();
        }
        let mut changes = Vec::new();
        for (path, text) in found.texts {
            let id = self.intern(path, None);
            if self.open.contains_key(&id) || self.host.db().contains(id) {
                continue;
            }
            let path = self.path(id).unwrap_or_default();
            let dialect = match self.dialect {
                Some(d) => d,
                None => self.config_for(&path).dialect.dialect(),
            };
            self.host.db_mut().set_file_dialect(id, dialect);
            changes.push((id, text));
        }
        (!changes.is_empty()).then(|| ToParse {
            changes,
            db: self.host.db().snapshot(),
        })
    }

    /// Stores the included files parsed off the lock (unless opened or
    /// loaded meanwhile) and queues their own include lookups.
    pub fn finish_include_load(&mut self, mut parsed: thrift_semantic::ParsedFiles) {
        let db = self.host.db();
        parsed.retain(|id, _| !self.open.contains_key(&id) && !db.contains(id));
        let ids = self.host.db_mut().insert_parsed(parsed);
        self.queue_lookups(&ids, Lookup::Unresolved);
    }

    /// The first half of loading files read from disk (the workspace
    /// index), under the lock: their ids and dialects. Open documents keep
    /// their editor text. Parse the result off the lock
    /// ([`Database::parse_changes`] on the snapshot returned), then
    /// [`State::finish_load`].
    pub fn prepare_load(
        &mut self,
        files: Vec<(PathBuf, String)>,
    ) -> (Vec<(FileId, String)>, Database) {
        let mut changes = Vec::new();
        for (path, text) in files {
            let path = normalize(&path);
            let id = self.intern(path.clone(), None);
            if self.open.contains_key(&id) {
                continue;
            }
            let dialect = match self.dialect {
                Some(d) => d,
                None => self.config_for(&path).dialect.dialect(),
            };
            self.host.db_mut().set_file_dialect(id, dialect);
            changes.push((id, text));
        }
        (changes, self.host.db().snapshot())
    }

    /// Stores the files parsed off the lock (except those opened
    /// meanwhile) and queues their include lookups. Returns how many files
    /// are known.
    pub fn finish_load(&mut self, mut parsed: thrift_semantic::ParsedFiles) -> usize {
        parsed.retain(|id, _| !self.open.contains_key(&id));
        let ids = self.host.db_mut().insert_parsed(parsed);
        self.queue_lookups(&ids, Lookup::Unresolved);
        self.host.db().file_ids().len()
    }

    pub fn open(&mut self, uri: Uri, version: i32, text: String) {
        let id = self.intern(path_of(&uri), Some(uri.clone()));
        self.open.insert(id, OpenDoc { uri, version });
        self.edits += 1;
        self.host.db_mut().set_keep_tree(id, true);
        self.set_text(id, &text);
    }

    pub fn change(
        &mut self,
        uri: &Uri,
        version: i32,
        changes: Vec<lsp::TextDocumentContentChangeEvent>,
    ) {
        let Some(id) = self.file_of(uri) else { return };
        let Some(mut text) = self.host.db().text(id).map(str::to_string) else {
            return;
        };
        for change in changes {
            match change.range {
                None => text = change.text,
                Some(range) => {
                    let index = LineIndex::new(&text);
                    let start = usize::from(index.offset(&text, range.start, self.encoding));
                    let end = usize::from(index.offset(&text, range.end, self.encoding)).max(start);
                    text.replace_range(start..end, &change.text);
                }
            }
        }
        if let Some(doc) = self.open.get_mut(&id) {
            doc.version = version;
        }
        self.edits += 1;
        self.set_text(id, &text);
    }

    /// Closes a document; returns its path, whose text on disk replaces
    /// the editor's (read off the lock, then [`State::closed_text`]).
    pub fn close(&mut self, uri: &Uri) -> Option<(FileId, PathBuf)> {
        let id = self.file_of(uri)?;
        self.open.remove(&id);
        self.host.db_mut().set_keep_tree(id, false);
        Some((id, self.path(id)?))
    }

    /// A closed document goes back to what is on disk (`None`: no such
    /// file), unless it was opened again meanwhile.
    pub fn closed_text(&mut self, id: FileId, text: Option<String>) {
        if self.open.contains_key(&id) {
            return;
        }
        match text {
            Some(text) => self.set_text(id, &text),
            None => self.host.db_mut().remove_file(id),
        }
    }

    pub fn open_version(&self, uri: &Uri) -> Option<i32> {
        let id = self.file_of(uri)?;
        self.open.get(&id).map(|d| d.version)
    }

    /// Applies changes on disk (each path with its text, read off the
    /// lock; `None` if deleted or unreadable). The includes of every file
    /// that could name a changed path are looked up again (created,
    /// deleted and renamed files change what an include resolves to),
    /// through the include directories too.
    /// Returns the files to read again when a config changed (see
    /// [`State::reread_all`]).
    pub fn files_changed_on_disk(
        &mut self,
        changes: Vec<(PathBuf, Option<String>)>,
    ) -> Option<ToParse> {
        let mut config_changed = false;
        let mut names: Vec<std::ffi::OsString> = Vec::new();
        for (path, text) in changes {
            let Some(name) = path.file_name() else {
                continue;
            };
            if name == thrift_config::CONFIG_FILE_NAME {
                config_changed = true;
                continue;
            }
            names.push(name.to_os_string());
            let id = self.intern(path.clone(), None);
            if self.open.contains_key(&id) {
                continue;
            }
            match text {
                Some(text) => self.set_text(id, &text),
                None => self.host.db_mut().remove_file(id),
            }
        }
        let files = self.host.db().file_ids();
        if config_changed {
            // Include directories, dialects and lint levels may all change.
            self.configs = thrift_config::ConfigCache::new();
            self.queue_lookups(&files, Lookup::All);
            return Some(self.reread_all());
        }
        if !names.is_empty() {
            let names: Vec<&std::ffi::OsStr> = names.iter().map(|n| n.as_os_str()).collect();
            self.queue_lookups(&files, Lookup::Naming(&names));
        }
        None
    }

    /// A diagnostics run over the open documents, to do off the lock on a
    /// snapshot.
    pub fn diagnostics_job(&mut self) -> DiagnosticsJob {
        let open: Vec<(FileId, Uri, i32)> = self
            .open
            .iter()
            .map(|(id, d)| (*id, d.uri.clone(), d.version))
            .collect();
        self.job(open)
    }

    /// A diagnostics run for one document (pull diagnostics), open or not;
    /// `None` if the server does not know it.
    pub fn diagnostics_job_for(&mut self, uri: &Uri) -> Option<DiagnosticsJob> {
        let id = self.file_of(uri)?;
        let version = self.open.get(&id).map_or(0, |d| d.version);
        Some(self.job(vec![(id, uri.clone(), version)]))
    }

    fn job(&mut self, files: Vec<(FileId, Uri, i32)>) -> DiagnosticsJob {
        let files = files
            .into_iter()
            .map(|(id, uri, version)| {
                let path = self.path(id).unwrap_or_default();
                let (config, error) = self.config_or_error(&path);
                (id, uri, version, config, error)
            })
            .collect();
        DiagnosticsJob {
            snapshot: self.snapshot(),
            files,
            breaking: self.breaking.clone(),
            include_dirs: self.include_dirs.clone(),
            dialect: self.dialect,
        }
    }

    /// Format options: `[format]` of the config; the editor's tab settings
    /// only when there is no config file.
    pub fn format_options(
        &mut self,
        file: FileId,
        editor: &lsp::FormattingOptions,
    ) -> thrift_formatter::FormatOptions {
        let path = self.path(file).unwrap_or_default();
        let config = self.config_for(&path);
        let mut options = config.format.clone();
        if config.path.is_none() {
            options.indent = if editor.insert_spaces {
                editor.tab_size.clamp(1, 16) as usize
            } else {
                0
            };
        }
        if let Some(d) = self.dialect {
            options.dialect = d;
        }
        options
    }
}

/// What a request or a diagnostics run reads, off the state's lock: an
/// immutable snapshot of the model (cancelled by the next change) and the
/// file table.
pub struct Snapshot {
    pub analysis: Analysis,
    vfs: Arc<RwLock<Vfs>>,
    pub encoding: Encoding,
    pub inlay: InlayHintConfig,
}

impl Snapshot {
    /// Conversions over the snapshot's database.
    pub fn view<'a>(&'a self, db: &'a Database) -> View<'a> {
        View::new(db, &self.vfs, self.encoding)
    }
}

/// The diagnostics of one open document.
pub struct FileDiagnostics {
    pub uri: Uri,
    pub version: i32,
    pub diagnostics: Vec<lsp::Diagnostic>,
}

/// Diagnostics to compute for some open documents, on a snapshot.
/// A file of a diagnostics run: its version, its config, and the error
/// that made the defaults stand in for that config.
type JobFile = (FileId, Uri, i32, Arc<Config>, Option<String>);

pub struct DiagnosticsJob {
    snapshot: Snapshot,
    files: Vec<JobFile>,
    /// The old sides of `[breaking] against` (git is asked off the lock).
    breaking: Arc<std::sync::Mutex<crate::breaking::Cache>>,
    include_dirs: Vec<PathBuf>,
    dialect: Option<Option<thrift_syntax::Dialect>>,
}

/// What a diagnostics run found: per file, and messages for the client's
/// log (`window/logMessage`).
pub struct DiagnosticsRun {
    pub files: Vec<FileDiagnostics>,
    pub log: Vec<String>,
}

impl DiagnosticsJob {
    /// Cancels the run when set.
    pub fn cancel_flag(&self) -> Arc<std::sync::atomic::AtomicBool> {
        self.snapshot.analysis.cancel_flag()
    }

    /// Checks the files (from the shared cache when nothing changed), with
    /// the config's lint levels applied, and adds the breaking changes
    /// (`[breaking] against`). `Err` when a change cancelled the snapshot
    /// meanwhile.
    pub fn run(self) -> thrift_ide::Cancellable<DiagnosticsRun> {
        let DiagnosticsJob {
            snapshot,
            files,
            breaking,
            include_dirs,
            dialect,
        } = self;
        snapshot.analysis.with_db(|db| {
            let view = snapshot.view(db);
            let mut out = Vec::new();
            let mut log = Vec::new();
            for (id, uri, version, config, config_error) in files {
                let mut converted = Vec::new();
                // A config that does not load is never silent: an error at
                // the top of every file it governs (as `thrift-lint` exits
                // 2 on it), while the file is checked with the defaults.
                if let Some(error) = config_error
                    && let Some(range) = view.range(id, TextRange::empty(0.into()))
                {
                    converted.push(lsp::Diagnostic {
                        range,
                        severity: Some(lsp::DiagnosticSeverity::ERROR),
                        code: Some(lsp::NumberOrString::String("config".to_string())),
                        source: Some("thrift-ls".to_string()),
                        message: format!(
                            "the config does not load, so the defaults apply to this file: {error}"
                        ),
                        ..lsp::Diagnostic::default()
                    });
                }
                // The first MAX_DIAGNOSTICS in document order; the rest
                // are counted in one more diagnostic, at the first of them.
                let mut hidden: Option<(thrift_semantic::Diagnostic, usize)> = None;
                let mut shown = 0;
                for d in db.diagnostics(id).iter() {
                    let severity = match level(&config, d.code) {
                        Some(LintLevel::Off) => continue,
                        Some(LintLevel::Error) => Severity::Error,
                        Some(LintLevel::Warning) => Severity::Warning,
                        Some(LintLevel::Hint) => Severity::Hint,
                        None => d.severity,
                    };
                    if shown == crate::MAX_DIAGNOSTICS {
                        // Counted, not copied: a file can have 300,000.
                        match &mut hidden {
                            None => {
                                let mut first = d.clone();
                                first.severity = severity;
                                hidden = Some((first, 1));
                            }
                            Some((first, count)) => {
                                *count += 1;
                                first.severity = first.severity.max(severity);
                            }
                        }
                        continue;
                    }
                    shown += 1;
                    let mut d = d.clone();
                    d.severity = severity;
                    converted.extend(view.diagnostic(&d));
                }
                if let Some((first, count)) = hidden
                    && let Some(range) = view.range(id, first.range)
                {
                    converted.push(lsp::Diagnostic {
                        range,
                        severity: Some(match first.severity {
                            Severity::Error => lsp::DiagnosticSeverity::ERROR,
                            Severity::Warning => lsp::DiagnosticSeverity::WARNING,
                            Severity::Hint => lsp::DiagnosticSeverity::HINT,
                        }),
                        code: Some(lsp::NumberOrString::String("too-many".to_string())),
                        source: Some("thrift-ls".to_string()),
                        message: format!(
                            "{count} more problems from here on are not shown (at most {} per file); `thrift-lint check` lists them all",
                            crate::MAX_DIAGNOSTICS
                        ),
                        ..lsp::Diagnostic::default()
                    });
                }
                if config.breaking.section.against.is_some() {
                    let mut cache = breaking.lock().unwrap_or_else(|e| e.into_inner());
                    let found = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        breaking_diagnostics(
                            &mut cache,
                            &view,
                            id,
                            &config,
                            &include_dirs,
                            dialect,
                            &mut log,
                        )
                    }));
                    match found {
                        Ok(found) => converted.extend(found),
                        // A change cancelled the run: stop it.
                        Err(payload) if payload.is::<thrift_ide::Cancelled>() => {
                            std::panic::resume_unwind(payload)
                        }
                        // A bug in the comparison costs the breaking
                        // warnings only, not the other diagnostics.
                        Err(_) => log.push(format!(
                            "breaking-change check failed for {}: internal error",
                            uri.as_str()
                        )),
                    }
                }
                out.push(FileDiagnostics {
                    uri,
                    version,
                    diagnostics: converted,
                });
            }
            DiagnosticsRun { files: out, log }
        })
    }
}

/// Breaking changes against `[breaking] against`, as warnings (git runs
/// here: off the lock, on a blocking thread).
fn breaking_diagnostics(
    cache: &mut crate::breaking::Cache,
    view: &View<'_>,
    id: FileId,
    config: &Config,
    include_dirs: &[PathBuf],
    dialect: Option<Option<thrift_syntax::Dialect>>,
    log: &mut Vec<String>,
) -> Vec<lsp::Diagnostic> {
    let Some(against) = config.breaking.section.against.clone() else {
        return Vec::new();
    };
    let Some(path) = view.path(id) else {
        return Vec::new();
    };
    if view.uri_of(id).is_none_or(|u| u.to_file_path().is_none()) {
        return Vec::new();
    }
    let dialect = match dialect {
        Some(d) => d,
        None => config.dialect.dialect(),
    };
    let mut search = include_dirs.to_vec();
    search.extend(config.include_dirs.iter().cloned());
    let found = cache.check(view.db, id, &path, &against, config, &search, dialect);
    match found {
        Ok(found) => found
            .into_iter()
            .filter_map(|f| {
                Some(lsp::Diagnostic {
                    range: view.range(id, f.range)?,
                    severity: Some(lsp::DiagnosticSeverity::WARNING),
                    code: Some(lsp::NumberOrString::String(f.rule.id.to_string())),
                    code_description: None,
                    source: Some(format!("thrift-breaking (against {against})")),
                    message: f.message,
                    related_information: None,
                    tags: None,
                    data: None,
                })
            })
            .collect(),
        Err(error) => {
            if cache.first_report(&path, &against, &error) {
                log.push(format!(
                    "breaking-change check against `{against}` is off for {}: {error}",
                    path.display()
                ));
            }
            Vec::new()
        }
    }
}

/// Conversions between the model (files, offsets) and LSP (URIs,
/// positions in the negotiated encoding), over one database: the state's,
/// or a snapshot's.
pub struct View<'a> {
    pub db: &'a Database,
    vfs: &'a RwLock<Vfs>,
    pub encoding: Encoding,
    /// Line indexes built so far: a request converts many ranges of the
    /// same few files (a 100 KB file's index is built once, not per range).
    lines: RefCell<HashMap<FileId, Rc<LineIndex>>>,
}

impl<'a> View<'a> {
    fn new(db: &'a Database, vfs: &'a RwLock<Vfs>, encoding: Encoding) -> View<'a> {
        View {
            db,
            vfs,
            encoding,
            lines: RefCell::default(),
        }
    }

    /// The file's text and its line index.
    fn lines(&self, file: FileId) -> Option<(&'a str, Rc<LineIndex>)> {
        // Every conversion passes here: a request converting many ranges
        // stops soon after it is cancelled.
        self.db.unwind_if_cancelled();
        let text = self.db.text(file)?;
        let index = self
            .lines
            .borrow_mut()
            .entry(file)
            .or_insert_with(|| Rc::new(LineIndex::new(text)))
            .clone();
        Some((text, index))
    }
}

impl View<'_> {
    /// The path of a file (for untitled documents, its URI).
    pub fn file_path(&self, file: FileId) -> Option<PathBuf> {
        self.path(file)
    }

    fn path(&self, file: FileId) -> Option<PathBuf> {
        self.vfs.read().ok()?.paths.get(file.0 as usize).cloned()
    }

    pub fn file_of(&self, uri: &Uri) -> Option<FileId> {
        let path = path_of(uri);
        let id = self.vfs.read().ok()?.by_path.get(&path).copied()?;
        self.db.contains(id).then_some(id)
    }

    pub fn uri_of(&self, file: FileId) -> Option<Uri> {
        let vfs = self.vfs.read().ok()?;
        if let Some(Some(uri)) = vfs.uris.get(file.0 as usize) {
            return Some(uri.clone());
        }
        Uri::from_file_path(vfs.paths.get(file.0 as usize)?)
    }

    pub fn diagnostic(&self, d: &thrift_semantic::Diagnostic) -> Option<lsp::Diagnostic> {
        let related: Vec<lsp::DiagnosticRelatedInformation> = d
            .related
            .iter()
            .filter_map(|r| {
                Some(lsp::DiagnosticRelatedInformation {
                    location: self.location(r.file, r.range)?,
                    message: r.message.clone(),
                })
            })
            .collect();
        Some(lsp::Diagnostic {
            range: self.range(d.file, d.range)?,
            severity: Some(match d.severity {
                Severity::Error => lsp::DiagnosticSeverity::ERROR,
                Severity::Warning => lsp::DiagnosticSeverity::WARNING,
                Severity::Hint => lsp::DiagnosticSeverity::HINT,
            }),
            code: Some(lsp::NumberOrString::String(d.code.as_str().to_string())),
            code_description: d
                .code
                .doc_url()
                .parse()
                .ok()
                .map(|href| lsp::CodeDescription { href }),
            source: Some("thrift".into()),
            message: d.message.clone(),
            related_information: (!related.is_empty()).then_some(related),
            tags: matches!(d.code, Code::UnusedInclude)
                .then(|| vec![lsp::DiagnosticTag::UNNECESSARY]),
            data: None,
        })
    }

    pub fn range(&self, file: FileId, range: TextRange) -> Option<lsp::Range> {
        let (text, index) = self.lines(file)?;
        Some(index.range(text, range, self.encoding))
    }

    pub fn position(&self, file: FileId, offset: TextSize) -> Option<lsp::Position> {
        let (text, index) = self.lines(file)?;
        Some(index.position(text, offset, self.encoding))
    }

    /// The offset of an LSP position in `file`.
    pub fn offset(&self, file: FileId, position: lsp::Position) -> Option<TextSize> {
        let (text, index) = self.lines(file)?;
        Some(index.offset(text, position, self.encoding))
    }

    pub fn text_range(&self, file: FileId, range: lsp::Range) -> Option<TextRange> {
        let (text, index) = self.lines(file)?;
        let start = index.offset(text, range.start, self.encoding);
        let end = index.offset(text, range.end, self.encoding).max(start);
        Some(TextRange::new(start, end))
    }

    pub fn location(&self, file: FileId, range: TextRange) -> Option<lsp::Location> {
        let range = match self.db.text(file) {
            Some(_) => self.range(file, range)?,
            None => lsp::Range::default(),
        };
        Some(lsp::Location {
            uri: self.uri_of(file)?,
            range,
        })
    }

    pub fn text_edits(&self, file: FileId, edits: &[thrift_ide::TextEdit]) -> Vec<lsp::TextEdit> {
        edits
            .iter()
            .filter_map(|e| {
                Some(lsp::TextEdit {
                    range: self.range(file, e.range)?,
                    new_text: e.new_text.clone(),
                })
            })
            .collect()
    }

    pub fn workspace_edit(&self, edits: &[(FileId, thrift_ide::TextEdit)]) -> lsp::WorkspaceEdit {
        let mut changes: HashMap<Uri, Vec<lsp::TextEdit>> = HashMap::new();
        for (file, edit) in edits {
            let (Some(uri), Some(range)) = (self.uri_of(*file), self.range(*file, edit.range))
            else {
                continue;
            };
            changes.entry(uri).or_default().push(lsp::TextEdit {
                range,
                new_text: edit.new_text.clone(),
            });
        }
        lsp::WorkspaceEdit {
            changes: Some(changes),
            ..Default::default()
        }
    }

    /// The document symbols, at most `budget` of them (children included):
    /// the first ones in document order, a parent before its children.
    pub fn document_symbols(
        &self,
        file: FileId,
        symbols: &[thrift_ide::Symbol],
        budget: &mut usize,
    ) -> Vec<lsp::DocumentSymbol> {
        let mut out = Vec::new();
        for symbol in symbols {
            if *budget == 0 {
                break;
            }
            out.extend(self.document_symbol(file, symbol, budget));
        }
        out
    }

    fn document_symbol(
        &self,
        file: FileId,
        symbol: &thrift_ide::Symbol,
        budget: &mut usize,
    ) -> Option<lsp::DocumentSymbol> {
        let range = self.range(file, symbol.range)?;
        let selection_range = self.range(file, symbol.focus_range)?;
        *budget = budget.saturating_sub(1);
        #[allow(deprecated)]
        Some(lsp::DocumentSymbol {
            name: symbol.name.clone(),
            detail: symbol.detail.clone(),
            kind: symbol_kind(symbol.kind),
            tags: None,
            deprecated: None,
            range,
            selection_range,
            children: Some(self.document_symbols(file, &symbol.children, budget)),
        })
    }

    pub fn folding_range(
        &self,
        file: FileId,
        fold: &thrift_ide::Fold,
    ) -> Option<lsp::FoldingRange> {
        let range = self.range(file, fold.range)?;
        Some(lsp::FoldingRange {
            start_line: range.start.line,
            start_character: None,
            end_line: range.end.line,
            end_character: None,
            kind: Some(match fold.kind {
                thrift_ide::FoldKind::Region => lsp::FoldingRangeKind::Region,
                thrift_ide::FoldKind::Comment => lsp::FoldingRangeKind::Comment,
                thrift_ide::FoldKind::Imports => lsp::FoldingRangeKind::Imports,
            }),
            collapsed_text: None,
        })
    }

    /// Semantic tokens in LSP's relative encoding, one per line (tokens that
    /// span lines, such as block comments, are split).
    pub fn semantic_tokens(
        &self,
        file: FileId,
        range: Option<TextRange>,
    ) -> Option<Vec<lsp::SemanticToken>> {
        let (text, index) = self.lines(file)?;
        let tokens = thrift_ide::semantic_tokens(self.db, file, range);
        let mut out = Vec::new();
        let (mut last_line, mut last_start) = (0u32, 0u32);
        let mut push = |p: lsp::Position, length: u32, token: &thrift_ide::SemanticToken| {
            let delta_line = p.line.saturating_sub(last_line);
            let delta_start = if delta_line == 0 {
                p.character.saturating_sub(last_start)
            } else {
                p.character
            };
            out.push(lsp::SemanticToken {
                delta_line,
                delta_start,
                length,
                token_type: token.kind,
                token_modifiers_bitset: token.modifiers,
            });
            last_line = p.line;
            last_start = p.character;
        };
        for (i, token) in tokens.iter().enumerate() {
            if i % 1024 == 0 {
                self.db.unwind_if_cancelled();
            }
            let (start, end) = (token.range.start(), token.range.end());
            let p = index.position(text, start, self.encoding);
            let q = index.position(text, end, self.encoding);
            if p.line == q.line {
                if q.character > p.character {
                    push(p, q.character - p.character, token);
                }
                continue;
            }
            // A token over several lines (a block comment): one per line,
            // each up to its line break.
            for line in p.line..=q.line {
                let line_start = if line == p.line {
                    p
                } else {
                    lsp::Position::new(line, 0)
                };
                let line_end = if line == q.line {
                    q
                } else {
                    let end = index.line_end(text, line).unwrap_or(text.len());
                    index.position(text, TextSize::new(end as u32), self.encoding)
                };
                if line_end.character > line_start.character {
                    push(line_start, line_end.character - line_start.character, token);
                }
            }
        }
        Some(out)
    }

    /// "Add `include \"x.thrift\"`" for `x.Name` where no include is named
    /// `x`, when a workspace file called `x.thrift` defines `Name`.
    pub fn add_include_actions(
        &self,
        file: FileId,
        range: TextRange,
    ) -> Vec<thrift_ide::CodeAction> {
        let mut out = Vec::new();
        for d in self
            .db
            .check_file(file)
            .iter()
            .filter(|d| d.code == Code::UnknownIncludePrefix)
        {
            if d.range.intersect(range).is_none() && !range.contains_range(d.range) {
                continue;
            }
            // The first file that qualifies (the CLI's --fix wants exactly one).
            let candidates =
                thrift_ide::add_include_candidates(self.db, file, d.range, &|id| self.path(id));
            if let Some((_, include)) = candidates.into_iter().next() {
                out.push(thrift_ide::CodeAction {
                    title: format!("Add `include \"{include}\"`"),
                    kind: thrift_ide::CodeActionKind::QuickFix,
                    diagnostic: Some(d.clone()),
                    edits: vec![thrift_ide::include_edit(self.db, file, &include)],
                });
            }
        }
        out
    }
}

fn level(config: &Config, code: Code) -> Option<LintLevel> {
    config.lint_levels.get(&code).copied()
}

mod targets;
