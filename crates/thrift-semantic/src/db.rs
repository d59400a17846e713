//! The database: file texts, parses, summaries, and cached diagnostics.

use std::sync::{
    Arc, Mutex, Weak,
    atomic::{AtomicBool, AtomicU64, Ordering},
};

use thrift_syntax::{Parse, ast};

use crate::fx::{HashMap, HashSet};

use crate::{Diagnostic, FileId, index::FileIndex, summary::FileSummary};

/// Finds included files. `from` is the including file, `path` the string
/// in its `include`. The Apache compiler looks in the including file's
/// directory first, then in each `-I` directory in order.
pub trait IncludeResolver: Send + Sync {
    fn resolve(&self, from: FileId, path: &str) -> Option<FileId>;
}

impl<F: Fn(FileId, &str) -> Option<FileId> + Send + Sync> IncludeResolver for F {
    fn resolve(&self, from: FileId, path: &str) -> Option<FileId> {
        self(from, path)
    }
}

#[derive(Clone)]
pub(crate) struct FileData {
    pub(crate) text: Arc<str>,
    /// The syntax tree, when this file keeps it (see
    /// [`Database::set_keep_all_trees`]); otherwise parsed again on demand.
    pub(crate) parse: Option<Parse<ast::SourceFile>>,
    /// The dialect it was parsed as (`None`: detected), to parse it again.
    pub(crate) dialect: Option<thrift_syntax::Dialect>,
    /// It was read as fbthrift (asked for, or detected): names resolve
    /// through fbthrift's scope (see `resolve.rs`).
    pub(crate) fbthrift: bool,
    pub(crate) summary: Arc<FileSummary>,
    pub(crate) index: FileIndex,
    /// Bumped on every text change.
    pub(crate) rev: u64,
    /// Bumped only when the summary changes.
    pub(crate) summary_rev: u64,
}

struct CacheEntry {
    /// The file's own revision and a hash of the summary revisions of
    /// every file it depends on, when the diagnostics were computed.
    key: (u64, u64),
    diagnostics: Arc<Vec<Diagnostic>>,
}

/// What an edit did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeImpact {
    /// The edited file.
    pub file: FileId,
    /// The file's summary changed, so files that include it (directly or
    /// not) need a recheck.
    pub summary_changed: bool,
    /// The file had an error before the edit (as far as known), which the
    /// files that include it reported (T1006).
    pub had_error: bool,
}

impl ChangeImpact {
    /// The files whose diagnostics may have changed: the file itself, and
    /// its dependents if its summary changed or it has (or had) an error,
    /// which they report at their `include`s. Computed on demand (a walk
    /// over every file's includes): an edit alone does not pay for it.
    pub fn affected(&self, db: &Database) -> Vec<FileId> {
        let mut affected = vec![self.file];
        if self.summary_changed || self.had_error || db.first_error(self.file).is_some() {
            affected.extend(db.dependents(self.file));
        }
        affected
    }
}

fn parse_one(
    id: FileId,
    text: String,
    dialect: Option<thrift_syntax::Dialect>,
    keep: bool,
    cache: Option<&mut thrift_syntax::NodeCache>,
) -> Parsed {
    let (mut parsed, parse) = parse_apart(id, text, dialect, cache);
    // Not kept: dropped here, so that loading many files never holds all
    // their trees at once.
    parsed.parse = keep.then_some(parse);
    parsed
}

/// Parses, summarizes and indexes a file; its tree comes apart from what
/// is stored.
fn parse_apart(
    id: FileId,
    text: String,
    dialect: Option<thrift_syntax::Dialect>,
    cache: Option<&mut thrift_syntax::NodeCache>,
) -> (Parsed, Parse<ast::SourceFile>) {
    let parse = thrift_syntax::parse_with(&text, dialect, cache);
    let fbthrift = parse.dialect() == thrift_syntax::Dialect::FbThrift;
    let tree = parse.tree();
    let summary = crate::summary::summarize(&tree);
    let mut index = FileIndex::build(&tree);
    index.sort_types(&summary);
    let parsed = Parsed {
        id,
        text: text.into(),
        parse: None,
        dialect,
        fbthrift,
        summary,
        index,
    };
    (parsed, parse)
}

/// A file, parsed, summarized and indexed, to insert.
struct Parsed {
    id: FileId,
    text: Arc<str>,
    parse: Option<Parse<ast::SourceFile>>,
    dialect: Option<thrift_syntax::Dialect>,
    fbthrift: bool,
    summary: FileSummary,
    index: FileIndex,
}

/// Files parsed off the database ([`Database::parse_changes`]), to store
/// with [`Database::insert_parsed`].
pub struct ParsedFiles(Vec<Parsed>);

/// One file parsed off the database without its tree
/// ([`Database::parse_apart`]); many make [`ParsedFiles`].
pub struct ParsedFile(Parsed);

impl FromIterator<ParsedFile> for ParsedFiles {
    fn from_iter<I: IntoIterator<Item = ParsedFile>>(files: I) -> ParsedFiles {
        ParsedFiles(files.into_iter().map(|f| f.0).collect())
    }
}

impl ParsedFiles {
    /// Keeps only the files `keep` accepts, given each file and the text
    /// parsed (e.g. not those opened or edited meanwhile).
    pub fn retain(&mut self, mut keep: impl FnMut(FileId, &str) -> bool) {
        self.0.retain(|p| keep(p.id, &p.text));
    }
}

/// The payload a cancelled query unwinds with (see
/// [`Database::unwind_if_cancelled`]); [`Cancelled::catch`] turns it back
/// into a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancelled;

impl Cancelled {
    /// Runs `f`, returning `Err(Cancelled)` if it was cancelled. Other
    /// panics go on unwinding.
    pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, Cancelled> {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
            Ok(t) => Ok(t),
            Err(payload) => match payload.downcast::<Cancelled>() {
                Ok(_) => Err(Cancelled),
                Err(payload) => std::panic::resume_unwind(payload),
            },
        }
    }
}

impl std::fmt::Display for Cancelled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the query was cancelled")
    }
}

impl std::error::Error for Cancelled {}

/// How many trees parsed on demand are kept (most recently used first).
const RECENT_TREES: usize = 8;

/// (file, its revision when parsed, tree), most recently used first.
type RecentTrees = std::collections::VecDeque<(FileId, u64, Parse<ast::SourceFile>)>;

/// All files of a workspace, and what they mean.
///
/// [`Database::snapshot`] gives a read-only copy that shares everything
/// (files are reference-counted; a change copies only the map of them) and
/// can be queried on another thread. Every change cancels the snapshots
/// taken before it: their long queries stop at the next
/// [`Database::unwind_if_cancelled`].
pub struct Database {
    pub(crate) files: Arc<HashMap<FileId, Arc<FileData>>>,
    /// How many of `files` were read as fbthrift: when none was, no file
    /// can inherit fbthrift from an include ([`Database::is_fbthrift`]).
    fbthrift_files: usize,
    resolver: Arc<dyn IncludeResolver>,
    next_rev: u64,
    /// Shared with the snapshots: keys are revisions, so an entry computed
    /// on an old snapshot is simply not a hit for a newer one.
    cache: Arc<Mutex<HashMap<FileId, CacheEntry>>>,
    /// How many times a file was checked (not served from the cache).
    checks_run: Arc<AtomicU64>,
    /// Set when this snapshot is cancelled (never for the database itself).
    cancelled: Arc<AtomicBool>,
    /// The cancellation flags of the snapshots taken since the last change.
    snapshots: Arc<Mutex<Vec<Weak<AtomicBool>>>>,
    /// The dialect of every file, or `None` to detect it per file.
    dialect: Option<thrift_syntax::Dialect>,
    /// Dialects set for single files (over `dialect`).
    file_dialects: Arc<HashMap<FileId, thrift_syntax::Dialect>>,
    /// Program names (file names without their extension), for the files
    /// whose name the caller gave ([`Database::set_file_name`]).
    program_names: Arc<HashMap<FileId, Arc<str>>>,
    keep_all_trees: bool,
    keep_trees: HashSet<FileId>,
    /// Trees of files that do not keep theirs, parsed on demand lately:
    /// (file, its revision then, tree).
    recent: Arc<Mutex<RecentTrees>>,
    /// Each file's first error, its own or through its includes, for one
    /// state of the database (see `include_errors.rs`).
    pub(crate) first_errors: Arc<Mutex<crate::include_errors::FirstErrors>>,
    /// Bumped when what includes what may have changed: the include graph
    /// (`include_graph.rs`) is rebuilt then, not at every change.
    include_rev: u64,
    pub(crate) include_graph: Arc<Mutex<crate::include_graph::GraphCache>>,
    /// The targets declared per file (`targets/`).
    pub(crate) targets: crate::targets::TargetMap,
}

impl Database {
    pub fn new(resolver: impl IncludeResolver + 'static) -> Database {
        Database {
            files: Arc::default(),
            fbthrift_files: 0,
            resolver: Arc::new(resolver),
            next_rev: 1,
            cache: Arc::default(),
            checks_run: Arc::default(),
            cancelled: Arc::default(),
            snapshots: Arc::default(),
            dialect: None,
            file_dialects: Arc::default(),
            program_names: Arc::default(),
            keep_all_trees: true,
            keep_trees: HashSet::default(),
            recent: Arc::default(),
            first_errors: Arc::default(),
            include_rev: 0,
            include_graph: Arc::default(),
            targets: Default::default(),
        }
    }

    /// A read-only copy of the database as it is now, for another thread.
    /// Cheap: it shares the files. It is cancelled by the next change to
    /// this database (or by [`Database::cancel_flag`]).
    pub fn snapshot(&self) -> Database {
        let cancelled = Arc::new(AtomicBool::new(false));
        let mut snapshots = self.snapshots.lock().unwrap_or_else(|e| e.into_inner());
        snapshots.retain(|w| w.strong_count() > 0);
        snapshots.push(Arc::downgrade(&cancelled));
        drop(snapshots);
        Database {
            files: self.files.clone(),
            fbthrift_files: self.fbthrift_files,
            resolver: self.resolver.clone(),
            next_rev: self.next_rev,
            cache: self.cache.clone(),
            checks_run: self.checks_run.clone(),
            cancelled,
            snapshots: Arc::default(),
            dialect: self.dialect,
            file_dialects: self.file_dialects.clone(),
            program_names: self.program_names.clone(),
            keep_all_trees: self.keep_all_trees,
            keep_trees: HashSet::default(),
            recent: self.recent.clone(),
            first_errors: self.first_errors.clone(),
            include_rev: self.include_rev,
            include_graph: self.include_graph.clone(),
            targets: self.targets.clone(),
        }
    }

    /// The flag that cancels this snapshot when set (e.g. when the request
    /// it answers is cancelled).
    pub fn cancel_flag(&self) -> Arc<AtomicBool> {
        self.cancelled.clone()
    }

    /// Whether this snapshot was cancelled.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// Unwinds with [`Cancelled`] if this snapshot was cancelled. Long
    /// queries call it in their loops; callers catch it with
    /// [`Cancelled::catch`].
    pub fn unwind_if_cancelled(&self) {
        if self.is_cancelled() {
            std::panic::resume_unwind(Box::new(Cancelled));
        }
    }

    /// Cancels every snapshot taken so far: called before each change.
    fn cancel_snapshots(&mut self) {
        let mut snapshots = self.snapshots.lock().unwrap_or_else(|e| e.into_inner());
        for flag in snapshots.drain(..) {
            if let Some(flag) = flag.upgrade() {
                flag.store(true, Ordering::Relaxed);
            }
        }
    }

    /// The files, for a change: cancels the snapshots, then copies the map
    /// if a snapshot still shares it.
    fn files_mut(&mut self) -> &mut HashMap<FileId, Arc<FileData>> {
        self.cancel_snapshots();
        Arc::make_mut(&mut self.files)
    }

    fn cache(&self) -> std::sync::MutexGuard<'_, HashMap<FileId, CacheEntry>> {
        self.cache.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Drops every cached diagnostic (the checks' settings changed):
    /// cancels the snapshots and starts a new state.
    pub(crate) fn forget_diagnostics(&mut self) {
        self.cancel_snapshots();
        self.cache = Arc::default();
        self.next_rev += 1;
    }

    /// Reads every file as `dialect` (`None`: detect it per file, the
    /// default). Takes effect for files added or changed afterwards.
    pub fn set_dialect(&mut self, dialect: Option<thrift_syntax::Dialect>) {
        self.dialect = dialect;
    }

    /// Reads `file` as `dialect` (e.g. from the config that applies to
    /// it), or as the database's default with `None`. Takes effect at the
    /// file's next change.
    pub fn set_file_dialect(&mut self, file: FileId, dialect: Option<thrift_syntax::Dialect>) {
        // Shared with the snapshots: written (and copied, if a snapshot
        // holds it) only when the answer changes, not on every keystroke.
        if self.file_dialects.get(&file).copied() == dialect {
            return;
        }
        let dialects = Arc::make_mut(&mut self.file_dialects);
        match dialect {
            Some(d) => dialects.insert(file, d),
            None => dialects.remove(&file),
        };
    }

    /// Tells the database the name of `file` (its path, or only its file
    /// name). fbthrift names a program after its file (`ctrl.thrift` is
    /// `ctrl`) and resolves `ctrl.Counter` inside `ctrl.thrift`, and
    /// unqualified names in the programs of the same name it includes;
    /// without a name, only the files it includes have one (from their
    /// `include` paths).
    pub fn set_file_name(&mut self, file: FileId, path: Option<&str>) {
        let name = path.map(crate::summary::include_prefix);
        if self.program_names.get(&file).map(|n| &**n) == name.as_deref() {
            return;
        }
        let names = Arc::make_mut(&mut self.program_names);
        match name {
            Some(n) => names.insert(file, n.into()),
            None => names.remove(&file),
        };
        self.cancel_snapshots();
        self.cache().remove(&file);
    }

    /// The program name of `file` given by [`Database::set_file_name`].
    pub fn program_name(&self, file: FileId) -> Option<&str> {
        self.program_names.get(&file).map(|n| &**n)
    }

    /// Whether `file` was read as fbthrift (asked for, or detected).
    ///
    /// A file that `auto` read as Apache counts as fbthrift when it
    /// includes a file read as fbthrift: the Apache compiler cannot read
    /// that include, so the file can only be part of an fbthrift build (a
    /// plain `typedef c.E E` next to an fbthrift `c.thrift`), and fbthrift's
    /// rules apply to its names and values. Only direct includes count.
    pub fn is_fbthrift(&self, file: FileId) -> bool {
        let Some(data) = self.files.get(&file) else {
            return false;
        };
        data.fbthrift
            || (data.dialect.is_none()
                && self.fbthrift_files > 0
                && data.summary.includes.iter().any(|inc| {
                    self.resolve_include(file, &inc.path)
                        .and_then(|target| self.files.get(&target))
                        .is_some_and(|target| target.fbthrift)
                }))
    }

    /// The dialect `file` is read as: its own ([`Database::set_file_dialect`]),
    /// else the database's; `None`: detected.
    pub fn file_dialect(&self, file: FileId) -> Option<thrift_syntax::Dialect> {
        self.dialect_of(file)
    }

    fn dialect_of(&self, file: FileId) -> Option<thrift_syntax::Dialect> {
        self.file_dialects.get(&file).copied().or(self.dialect)
    }

    /// Replaces the include resolver (e.g. when include directories change).
    /// Every cached result is dropped.
    pub fn set_resolver(&mut self, resolver: impl IncludeResolver + 'static) {
        self.cancel_snapshots();
        self.resolver = Arc::new(resolver);
        self.cache().clear();
        // What includes what may have changed: a new state.
        self.next_rev += 1;
        self.include_rev += 1;
    }

    /// Tells the database that includes may resolve differently now: for a
    /// resolver that reads state the database does not own (a language
    /// server's map of include lookups on disk). Cancels the snapshots.
    pub fn includes_resolved_anew(&mut self) {
        self.cancel_snapshots();
        self.next_rev += 1;
        self.include_rev += 1;
    }

    /// The revision of what includes what (see [`Database::includes_resolved_anew`]).
    pub(crate) fn include_rev(&self) -> u64 {
        self.include_rev
    }

    /// The revision of `file`'s summary (0 for a file not loaded).
    pub(crate) fn summary_rev(&self, file: FileId) -> u64 {
        self.files.get(&file).map_or(0, |f| f.summary_rev)
    }

    /// Adds a file or replaces its text. Only this file is parsed again.
    pub fn apply_change(&mut self, file: FileId, text: &str) -> ChangeImpact {
        let keep = self.keeps(file);
        let parsed = parse_one(file, text.to_string(), self.dialect_of(file), keep, None);
        let had_error = self.had_error(file);
        let summary_changed = self.insert(parsed);
        ChangeImpact {
            file,
            summary_changed,
            had_error,
        }
    }

    /// Adds or replaces many files at once, parsing them on all cores.
    /// Returns every file whose diagnostics may have changed: the changed
    /// files, and the dependents of those whose summary changed or that
    /// had an error (a file that gets a new error without a new summary is
    /// not checked here: ask [`ChangeImpact::affected`] one file at a time).
    pub fn apply_changes(&mut self, changes: Vec<(FileId, String)>) -> Vec<FileId> {
        let parsed = self.parse_changes(changes);
        self.insert_parsed(parsed)
    }

    /// The parsing half of [`Database::apply_changes`], on `&self` (a
    /// snapshot, on another thread: a caller that holds the database under
    /// a lock parses without it). Each file is read in its dialect and
    /// keeps its tree as this database says now.
    pub fn parse_changes(&self, changes: Vec<(FileId, String)>) -> ParsedFiles {
        type Change = (FileId, String, Option<thrift_syntax::Dialect>, bool);
        let changes: Vec<Change> = changes
            .into_iter()
            .map(|(id, text)| (id, text, self.dialect_of(id), self.keeps(id)))
            .collect();
        // Files that keep their trees share a node cache (identical tokens
        // and small nodes stored once); the others need none.
        let parse = |(id, text, dialect, keep): Change, cache: &mut thrift_syntax::NodeCache| {
            parse_one(id, text, dialect, keep, keep.then_some(cache))
        };
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let parsed: Vec<Parsed> = if threads <= 1 || changes.len() < 8 {
            let mut cache = thrift_syntax::NodeCache::default();
            changes
                .into_iter()
                .map(|change| parse(change, &mut cache))
                .collect()
        } else {
            let chunk = changes.len().div_ceil(threads);
            let mut parts: Vec<Vec<Change>> = Vec::new();
            let mut changes = changes.into_iter().peekable();
            while changes.peek().is_some() {
                parts.push(changes.by_ref().take(chunk).collect());
            }
            std::thread::scope(|scope| {
                let handles: Vec<_> = parts
                    .into_iter()
                    .map(|part| {
                        scope.spawn(move || {
                            let mut cache = thrift_syntax::NodeCache::default();
                            part.into_iter()
                                .map(|change| parse(change, &mut cache))
                                .collect::<Vec<_>>()
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .flat_map(|h| h.join().expect("a parser thread panicked"))
                    .collect()
            })
        };
        ParsedFiles(parsed)
    }

    /// Parses one file as [`Database::parse_changes`] does, but hands its
    /// tree to the caller instead of storing it (whatever the database
    /// keeps): for a caller that parses and checks files on threads of its
    /// own, gives the tree to [`Database::check_file_with`], and frees it
    /// on the thread that made it. `cache` is shared by the trees a thread
    /// parses (identical tokens and small nodes are made once).
    pub fn parse_apart(
        &self,
        file: FileId,
        text: String,
        cache: Option<&mut thrift_syntax::NodeCache>,
    ) -> (ParsedFile, Parse<ast::SourceFile>) {
        let (parsed, parse) = parse_apart(file, text, self.dialect_of(file), cache);
        (ParsedFile(parsed), parse)
    }

    /// The storing half of [`Database::apply_changes`]: the files parsed by
    /// [`Database::parse_changes`]. Returns every file whose diagnostics
    /// may have changed.
    pub fn insert_parsed(&mut self, parsed: ParsedFiles) -> Vec<FileId> {
        let mut affected: Vec<FileId> = Vec::new();
        let mut changed_summaries: Vec<FileId> = Vec::new();
        for p in parsed.0 {
            let id = p.id;
            // Its includers reported its error (T1006): they may change.
            let had_error = self.had_error(id);
            if self.insert(p) || had_error {
                changed_summaries.push(id);
            }
            affected.push(id);
        }
        affected.extend(self.dependents_of(&changed_summaries));
        affected.sort();
        affected.dedup();
        affected
    }

    /// Stores files parsed off the database without working out which
    /// other files they affect (a walk over every file's includes): for a
    /// loader, whose files are all new, or a caller that checks every file
    /// afterwards anyway.
    pub fn store_parsed(&mut self, parsed: ParsedFiles) {
        for p in parsed.0 {
            self.insert(p);
        }
    }

    /// Stores a parsed file; returns whether its summary changed.
    fn insert(&mut self, parsed: Parsed) -> bool {
        let Parsed {
            id: file,
            text,
            parse,
            dialect,
            fbthrift,
            summary,
            index,
        } = parsed;
        let rev = self.next_rev;
        self.next_rev += 1;
        let summary_changed = self
            .files
            .get(&file)
            .is_none_or(|old| *old.summary != summary || old.fbthrift != fbthrift);
        let summary_rev = match self.files.get(&file) {
            Some(old) if !summary_changed => old.summary_rev,
            _ => rev,
        };
        let was_fbthrift = self.files.get(&file).is_some_and(|old| old.fbthrift);
        // A new file (an include may now find it) or new include paths.
        if self.files.get(&file).is_none_or(|old| {
            old.summary.includes.len() != summary.includes.len()
                || old
                    .summary
                    .includes
                    .iter()
                    .zip(&summary.includes)
                    .any(|(a, b)| a.path != b.path)
        }) {
            self.include_rev += 1;
        }
        self.fbthrift_files =
            self.fbthrift_files + usize::from(fbthrift) - usize::from(was_fbthrift);
        self.files_mut().insert(
            file,
            Arc::new(FileData {
                text,
                parse,
                dialect,
                fbthrift,
                summary: Arc::new(summary),
                index,
                rev,
                summary_rev,
            }),
        );
        summary_changed
    }

    /// Removes a file; files that include it see it as missing.
    pub fn remove_file(&mut self, file: FileId) {
        if self
            .files_mut()
            .remove(&file)
            .is_some_and(|old| old.fbthrift)
        {
            self.fbthrift_files -= 1;
        }
        self.cache().remove(&file);
        self.next_rev += 1;
        self.include_rev += 1;
    }

    pub fn contains(&self, file: FileId) -> bool {
        self.files.contains_key(&file)
    }

    pub fn file_ids(&self) -> Vec<FileId> {
        let mut ids: Vec<FileId> = self.files.keys().copied().collect();
        ids.sort();
        ids
    }

    pub fn text(&self, file: FileId) -> Option<&str> {
        self.files.get(&file).map(|f| &*f.text)
    }

    /// The file's syntax tree: the one kept, or (for a file that does not
    /// keep its tree) a fresh parse of its text, which is not kept.
    pub fn parse(&self, file: FileId) -> Option<Parse<ast::SourceFile>> {
        let data = self.files.get(&file)?;
        if let Some(parse) = &data.parse {
            return Some(parse.clone());
        }
        // The last few trees parsed on demand (hover and definition go to
        // the same few files again and again), shared with the snapshots.
        let mut recent = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(i) = recent
            .iter()
            .position(|(f, rev, _)| *f == file && *rev == data.rev)
        {
            let entry = recent.remove(i).expect("found");
            let parse = entry.2.clone();
            recent.push_front(entry);
            return Some(parse);
        }
        drop(recent);
        let parse = thrift_syntax::parse_with(&data.text, data.dialect, None);
        let mut recent = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        recent.push_front((file, data.rev, parse.clone()));
        recent.truncate(RECENT_TREES);
        Some(parse)
    }

    /// Whether every file keeps its syntax tree in memory (the default).
    /// A language server turns this off and keeps only the trees of the
    /// open files ([`Database::set_keep_tree`]): the others are parsed again
    /// when a query needs them, and cross-file queries read the files'
    /// summaries and indexes instead. Takes effect as files change.
    pub fn set_keep_all_trees(&mut self, all: bool) {
        self.keep_all_trees = all;
    }

    fn keeps(&self, file: FileId) -> bool {
        self.keep_all_trees || self.keep_trees.contains(&file)
    }

    /// Whether `file`'s syntax tree is in memory now.
    pub fn keeps_tree(&self, file: FileId) -> bool {
        self.files.get(&file).is_some_and(|f| f.parse.is_some())
    }

    /// Whether `file` keeps its syntax tree when [`Database::set_keep_all_trees`]
    /// is off. Takes effect at the file's next change.
    pub fn set_keep_tree(&mut self, file: FileId, keep: bool) {
        if keep {
            self.keep_trees.insert(file);
        } else {
            self.keep_trees.remove(&file);
        }
    }

    pub fn summary(&self, file: FileId) -> Option<&FileSummary> {
        self.files.get(&file).map(|f| &*f.summary)
    }

    /// Every file with its summary and index, in no particular order: for
    /// scans over the workspace (sort what they find).
    pub fn summaries(&self) -> impl Iterator<Item = (FileId, &FileSummary, &FileIndex)> + '_ {
        self.files
            .iter()
            .map(|(&id, f)| (id, &*f.summary, &f.index))
    }

    /// Where the file's definitions are, and where it names definitions.
    pub fn index(&self, file: FileId) -> Option<&FileIndex> {
        self.files.get(&file).map(|f| &f.index)
    }

    /// The file an include of `file` refers to, if it can be found and is
    /// loaded.
    pub fn resolve_include(&self, file: FileId, path: &str) -> Option<FileId> {
        self.resolver
            .resolve(file, path)
            .filter(|id| self.files.contains_key(id))
    }

    /// The files `file` includes directly (resolved ones only).
    pub fn includes(&self, file: FileId) -> Vec<FileId> {
        let Some(summary) = self.summary(file) else {
            return Vec::new();
        };
        summary
            .includes
            .iter()
            .filter_map(|inc| self.resolve_include(file, &inc.path))
            .collect()
    }

    /// Every file reachable through includes from `file`, not counting itself
    /// unless there is a cycle.
    pub fn transitive_includes(&self, file: FileId) -> Vec<FileId> {
        let mut seen = HashSet::default();
        let mut stack = self.includes(file);
        let mut out = Vec::new();
        while let Some(f) = stack.pop() {
            if seen.insert(f) {
                out.push(f);
                stack.extend(self.includes(f));
            }
        }
        out.sort();
        out
    }

    /// Every file that includes `file`, directly or not.
    pub fn dependents(&self, file: FileId) -> Vec<FileId> {
        self.dependents_of(&[file])
    }

    /// Every file that includes one of `files`, directly or not (not
    /// counting `files` themselves unless a cycle leads back to them).
    pub fn dependents_of(&self, files: &[FileId]) -> Vec<FileId> {
        if files.is_empty() {
            return Vec::new();
        }
        // Reverse edges, built on demand: one pass over the includes.
        let mut reverse: HashMap<FileId, Vec<FileId>> = HashMap::default();
        for (&f, data) in self.files.iter() {
            for inc in &data.summary.includes {
                if let Some(target) = self.resolve_include(f, &inc.path) {
                    reverse.entry(target).or_default().push(f);
                }
            }
        }
        let mut seen: HashSet<FileId> = HashSet::default();
        let mut stack: Vec<FileId> = files
            .iter()
            .flat_map(|f| reverse.get(f).cloned().unwrap_or_default())
            .collect();
        while let Some(f) = stack.pop() {
            if seen.insert(f) {
                stack.extend(reverse.get(&f).cloned().unwrap_or_default());
            }
        }
        let changed: HashSet<FileId> = files.iter().copied().collect();
        let mut out: Vec<FileId> = seen.into_iter().filter(|f| !changed.contains(f)).collect();
        out.sort();
        out
    }

    /// The file's revision, and a hash of the summary revisions of what it
    /// includes, directly or not (linear for the whole workspace, not per
    /// file: see `include_graph.rs`).
    fn cache_key(&self, file: FileId) -> (u64, u64) {
        (
            self.files.get(&file).map_or(0, |f| f.rev),
            self.deps_key(file),
        )
    }

    /// The state of the database: changes with every change to it (a
    /// snapshot has the state it was taken in).
    pub(crate) fn state(&self) -> u64 {
        self.next_rev
    }

    /// The diagnostics of a file, from the cache when nothing it depends on
    /// changed. Sorted by position. The cache is shared with the snapshots.
    ///
    /// They are the file's own (cached under its revision and its includes'
    /// summary revisions) and, for each included file that has an error,
    /// one error at its `include` (T1006). An included file's errors can
    /// change without its summary changing, so that part is not under the
    /// summary key: it is made from each included file's first error, which
    /// is remembered for the current state of the database only.
    pub fn diagnostics(&self, file: FileId) -> Arc<Vec<Diagnostic>> {
        self.diagnostics_lent(file, None)
    }

    /// [`Database::diagnostics`], with `file`'s tree given by the caller
    /// (`lent`) when the database does not keep it.
    fn diagnostics_lent(
        &self,
        file: FileId,
        lent: Option<&Parse<ast::SourceFile>>,
    ) -> Arc<Vec<Diagnostic>> {
        let own = self.own_diagnostics_lent(file, lent);
        let mut includes = self.include_errors(file, lent);
        includes.extend(self.target_include_errors(file, lent));
        if includes.is_empty() {
            return own;
        }
        Arc::new(merge(&own, includes))
    }

    /// `file`'s syntax tree: `lent` (the caller's), or the database's.
    pub(crate) fn tree_of(
        &self,
        file: FileId,
        lent: Option<&Parse<ast::SourceFile>>,
    ) -> Option<Parse<ast::SourceFile>> {
        match lent {
            Some(parse) => Some(parse.clone()),
            None => self.parse(file),
        }
    }

    /// The file's own diagnostics (not those it inherits from included
    /// files), from the cache when nothing it depends on changed.
    pub(crate) fn own_diagnostics(&self, file: FileId) -> Arc<Vec<Diagnostic>> {
        self.own_diagnostics_lent(file, None)
    }

    fn own_diagnostics_lent(
        &self,
        file: FileId,
        lent: Option<&Parse<ast::SourceFile>>,
    ) -> Arc<Vec<Diagnostic>> {
        self.unwind_if_cancelled();
        let key = self.cache_key(file);
        if let Some(entry) = self.cache().get(&file)
            && entry.key == key
        {
            return entry.diagnostics.clone();
        }
        let Some(parse) = self.tree_of(file, lent) else {
            return Arc::default();
        };
        let mut diagnostics = crate::checks::check(self, file, &parse);
        sort(&mut diagnostics);
        let diagnostics = Arc::new(diagnostics);
        self.checks_run.fetch_add(1, Ordering::Relaxed);
        self.cache().insert(
            file,
            CacheEntry {
                key,
                diagnostics: diagnostics.clone(),
            },
        );
        diagnostics
    }

    /// The diagnostics of a file, as [`Database::diagnostics`] but owned.
    /// Safe to call from several threads at once (the CLI checks its files
    /// so): the files' own checks go through the shared cache, so a file
    /// that many others include is checked once.
    pub fn check_file(&self, file: FileId) -> Vec<Diagnostic> {
        self.diagnostics(file).as_ref().clone()
    }

    /// [`Database::check_file`] for a file whose tree the caller holds:
    /// `tree` must be the parse of the file's text as stored (the tree
    /// [`Database::parse_apart`] gave with the [`ParsedFile`] stored).
    pub fn check_file_with(&self, file: FileId, tree: &Parse<ast::SourceFile>) -> Vec<Diagnostic> {
        debug_assert_eq!(
            self.text(file).map(str::len),
            Some(usize::from(tree.syntax_node().text_range().len())),
            "the tree lent is not that of the file's text"
        );
        self.diagnostics_lent(file, Some(tree)).as_ref().clone()
    }

    /// How many files were checked rather than served from the cache.
    pub fn checks_run(&self) -> u64 {
        self.checks_run.load(Ordering::Relaxed)
    }
}

fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by_key(|d| (d.range.start(), d.range.end(), d.code));
    diagnostics.dedup();
}

/// A file's own diagnostics with those it inherits from its includes.
fn merge(own: &[Diagnostic], includes: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut all = own.to_vec();
    all.extend(includes);
    sort(&mut all);
    all
}
