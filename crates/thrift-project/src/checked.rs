//! Loading and checking in one pass, each file parsed once: what
//! `thrift-lint check` does on a whole project.
//!
//! A file's checks need the summaries of everything it includes, and its
//! own syntax tree. [`load_with`](crate::load_with) without trees parses
//! every file to learn what it includes, and the checks parse each file
//! again (a fifth of the time of a 5,000-file check); keeping every tree
//! instead takes ten times the text in memory (700 MB).
//!
//! Here the files are read on all cores and their includes found from
//! their tokens ([`thrift_syntax::include_paths`], a fraction of a parse),
//! so the include graph is known before anything is parsed. Then the files
//! are parsed in waves, each file after what it includes (a cycle in one
//! wave), a few hundred at a time, by a [`Pool`] of one thread per core
//! that lives for the whole check. Each worker keeps the trees it parsed
//! ([`Database::parse_apart`]: the database stores the summaries, not the
//! trees); once the main thread has stored a chunk's summaries, the
//! workers check the files whose trees they hold
//! ([`Database::check_file_with`]), free each tree on the thread that made
//! it (the memory is reused by the next chunk, and freeing is shared), and
//! in the same job parse the next chunk: one parse per file, a few hundred
//! trees in memory at most, and one wait per chunk.
//!
//! Where the parse finds an include the tokens did not show (a broken
//! file the parser reads otherwise; none is known), the rest of the files
//! are loaded and checked the two-pass way, so the diagnostics are always
//! those of [`load_with`](crate::load_with) followed by [`check_files`].
//! Where the tokens show more (a string the parse reads otherwise), the
//! file only waits for a file it does not need, which is loaded (as
//! [`Loaded::paths`] shows) and never included.

use std::{
    path::{Path, PathBuf},
    sync::{
        Arc, Mutex, RwLock, RwLockWriteGuard,
        atomic::{AtomicUsize, Ordering},
        mpsc,
    },
};

use thrift_semantic::{Database, Diagnostic, FileId, ParsedFile, ParsedFiles};
use thrift_syntax::{Parse, ast};

use crate::{FileOptions, Loaded, Tree, load::Reader};

/// How many files are parsed (and their trees held) at once.
const CHUNK: usize = 256;

/// Loads `inputs` and what they include, as [`load_with`](crate::load_with)
/// does without keeping trees, and checks the inputs: their diagnostics,
/// in the order of [`Loaded::files`].
pub fn load_checked(
    tree: &mut dyn Tree,
    inputs: &[(String, PathBuf)],
    base: &Path,
    options: &mut dyn FnMut(&Path) -> FileOptions,
) -> (Loaded, Vec<(FileId, Vec<Diagnostic>)>) {
    load_checked_scanning(tree, inputs, base, options, &thrift_syntax::include_paths)
}

/// What a file includes, found before it is parsed.
type Scan<'a> = &'a (dyn Fn(&str, Option<thrift_syntax::Dialect>) -> Vec<String> + Sync);

/// [`load_checked`], with the includes found by `scan` (tests give one
/// that misses some, to see the two-pass way take over).
fn load_checked_scanning(
    tree: &mut dyn Tree,
    inputs: &[(String, PathBuf)],
    base: &Path,
    options: &mut dyn FnMut(&Path) -> FileOptions,
    scan: Scan<'_>,
) -> (Loaded, Vec<(FileId, Vec<Diagnostic>)>) {
    let (mut reader, mut level) = Reader::new(inputs);
    let mut db = reader.database();
    db.set_keep_all_trees(false);

    // 1. Read every file, breadth first, with the includes its tokens name.
    let mut texts: Vec<Option<String>> = Vec::new();
    let mut scanned: Vec<Vec<String>> = Vec::new();
    let mut searches: Vec<Vec<PathBuf>> = Vec::new();
    while !level.is_empty() {
        // Read the level in order, find what each file includes on all
        // cores, then resolve the includes in order (ids are given as a
        // one-by-one breadth-first walk gives them).
        let read: Vec<(FileId, String, Vec<PathBuf>, Option<thrift_syntax::Dialect>)> = reader
            .read(tree, options, &mut db, std::mem::take(&mut level))
            .into_iter()
            // Lexed as the file will be parsed (detected files as Apache:
            // the lexers differ only on broken strings).
            .map(|(id, text, search)| (id, text, search, db.file_dialect(id)))
            .collect();
        let found = scan_all(&read, scan);
        for ((id, text, search, _), includes) in read.into_iter().zip(found) {
            for include in &includes {
                if let Some((target, true)) =
                    reader.resolve(tree, base, id, include.clone(), &search)
                {
                    level.push(target);
                }
            }
            let i = id.0 as usize;
            if texts.len() <= i {
                texts.resize_with(i + 1, || None);
                scanned.resize_with(i + 1, Vec::new);
                searches.resize_with(i + 1, Vec::new);
            }
            texts[i] = Some(text);
            scanned[i] = includes;
            searches[i] = search;
        }
    }

    // 2. Waves: a file comes after what it includes.
    let n = reader.file_count();
    texts.resize_with(n, || None);
    scanned.resize_with(n, Vec::new);
    searches.resize_with(n, Vec::new);
    let edges: Vec<Vec<u32>> = (0..n)
        .map(|i| {
            let from = FileId(i as u32);
            scanned[i]
                .iter()
                .filter_map(|inc| reader.resolved(from, inc))
                .filter(|t| texts.get(t.0 as usize).is_some_and(Option::is_some))
                .map(|t| t.0)
                .collect()
        })
        .collect();
    let component = thrift_semantic::strongly_connected_components(&edges);
    let components = component.iter().map(|&c| c as usize + 1).max().unwrap_or(0);
    // A component's wave: one after the highest wave it includes
    // (components come sinks first, so those are known).
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); components];
    for (i, &c) in component.iter().enumerate() {
        if texts[i].is_some() {
            members[c as usize].push(i as u32);
        }
    }
    let mut wave = vec![0usize; components];
    for c in 0..components {
        let w = members[c]
            .iter()
            .flat_map(|&i| &edges[i as usize])
            .map(|&t| component[t as usize] as usize)
            .filter(|&tc| tc != c)
            .map(|tc| wave[tc] + 1)
            .max()
            .unwrap_or(0);
        wave[c] = w;
    }
    let waves = wave.iter().max().map_or(0, |w| w + 1);
    let mut by_wave: Vec<Vec<usize>> = vec![Vec::new(); waves];
    for c in 0..components {
        if !members[c].is_empty() {
            by_wave[wave[c]].push(c);
        }
    }

    let is_input: Vec<bool> = {
        let mut v = vec![false; n];
        for (_, id) in &reader.files {
            v[id.0 as usize] = true;
        }
        v
    };
    let mut results: Vec<Option<Vec<Diagnostic>>> = vec![None; n];

    // 3. Each wave, a chunk at a time (a cycle is never split): parse on
    // the workers, store the summaries, check on the workers, each with the
    // trees it made, which it frees then (on the thread that allocated
    // them: the memory is reused by the next chunk, and freeing is not
    // left to one thread).
    let mut two_pass = false;
    let mut stored_without_check: Vec<FileId> = Vec::new();
    // Every include is resolved (unless the parse finds more, see 4.).
    db.set_resolver(reader.frozen_resolver());
    let lock = RwLock::new(db);
    std::thread::scope(|scope| {
        let pool = Pool::start(scope, &lock);
        // Whether the workers hold the trees of a chunk stored and not yet
        // checked.
        let mut held = false;
        let mut record = |checked: Vec<(FileId, Vec<Diagnostic>)>| {
            for (f, diagnostics) in checked {
                if is_input[f.0 as usize] {
                    results[f.0 as usize] = Some(diagnostics);
                }
            }
        };
        for comps in by_wave {
            let mut chunk: Vec<FileId> = Vec::new();
            let mut comps = comps.into_iter().peekable();
            while let Some(c) = comps.next() {
                chunk.extend(members[c].iter().map(|&i| FileId(i)));
                if chunk.len() < CHUNK && comps.peek().is_some() {
                    continue;
                }
                let files = std::mem::take(&mut chunk);
                let changes: Vec<(FileId, String)> = files
                    .iter()
                    .filter_map(|&f| Some((f, texts[f.0 as usize].take()?)))
                    .collect();
                let mut db = write(&lock);
                if two_pass {
                    let parsed = db.parse_changes(changes);
                    db.store_parsed(parsed);
                    stored_without_check.extend(files);
                    continue;
                }
                drop(db);
                // The workers check the chunk before (stored already) and
                // then parse this one: one wait per chunk, and a worker
                // with less to check starts parsing sooner.
                let (checked, parsed) = pool.check_then_parse(held, changes);
                record(checked);
                let mut db = write(&lock);
                db.store_parsed(parsed);
                // The tokens named every include the parse found (more is
                // harmless: a file waited for more than it needed)? Else
                // this chunk and the rest go the two-pass way.
                let agree = files.iter().all(|&f| {
                    let scanned = &scanned[f.0 as usize];
                    db.summary(f)
                        .is_some_and(|s| s.includes.iter().all(|i| scanned.contains(&i.path)))
                });
                drop(db);
                if !agree {
                    two_pass = true;
                    pool.drop_trees();
                    held = false;
                    stored_without_check.extend(files);
                    continue;
                }
                // Included files are checked too: their first error is what
                // their includers report (T1006).
                held = true;
            }
        }
        if held {
            record(pool.check_then_parse(true, Vec::new()).0);
        }
    });
    let mut db = lock.into_inner().unwrap_or_else(|e| e.into_inner());

    // 4. After a disagreement: load what the parsed includes name and the
    // tokens did not, then check the rest (parsing each file again).
    if two_pass {
        let mut level = Vec::new();
        for f in stored_without_check {
            let includes: Vec<String> = db
                .summary(f)
                .map(|s| s.includes.iter().map(|i| i.path.clone()).collect())
                .unwrap_or_default();
            let search = &searches[f.0 as usize];
            for include in includes {
                if reader.resolved(f, &include).is_some() {
                    continue;
                }
                if let Some((target, true)) = reader.resolve(tree, base, f, include, search) {
                    level.push(target);
                }
            }
        }
        db.includes_resolved_anew();
        // The resolver that sees what the load resolves from here on.
        db.set_resolver(reader.live_resolver());
        reader.load_levels(tree, base, options, &mut db, level);
    }
    let loaded = reader.finish(db);
    let unchecked: Vec<FileId> = loaded
        .files
        .iter()
        .map(|(_, id)| *id)
        .filter(|id| results[id.0 as usize].is_none())
        .collect();
    for (f, diagnostics) in check_files(&loaded.db, &unchecked) {
        results[f.0 as usize] = Some(diagnostics);
    }
    let checked = loaded
        .files
        .iter()
        .map(|(_, id)| (*id, results[id.0 as usize].take().unwrap_or_default()))
        .collect();
    (loaded, checked)
}

fn write(lock: &RwLock<Database>) -> RwLockWriteGuard<'_, Database> {
    lock.write().unwrap_or_else(|e| e.into_inner())
}

/// What the workers of [`Pool`] are asked to do.
enum Job {
    /// Check the files whose trees the worker holds and free the trees
    /// (if `check`), then parse files from the queue until it is empty,
    /// keeping their trees.
    CheckThenParse {
        check: bool,
        queue: Arc<Mutex<std::vec::IntoIter<(FileId, String)>>>,
    },
    /// Free the trees unchecked.
    Drop,
}

/// What the workers answer: one reply per file, then `Done` per job.
enum Reply {
    Parsed(Box<ParsedFile>),
    Checked(FileId, Vec<Diagnostic>),
    Done,
    Panicked(Box<dyn std::any::Any + Send>),
}

/// A thread per core, for the whole check: each parses files, keeps their
/// trees, checks them when their includes are stored, and frees them.
struct Pool {
    jobs: Vec<mpsc::Sender<Job>>,
    replies: mpsc::Receiver<Reply>,
}

impl Pool {
    fn start<'scope>(
        scope: &'scope std::thread::Scope<'scope, '_>,
        db: &'scope RwLock<Database>,
    ) -> Pool {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let (reply, replies) = mpsc::channel();
        let jobs = (0..threads)
            .map(|_| {
                let (job, jobs) = mpsc::channel();
                let reply = reply.clone();
                scope.spawn(move || {
                    let work = std::panic::AssertUnwindSafe(|| work(db, &jobs, &reply));
                    if let Err(payload) = std::panic::catch_unwind(work) {
                        let _ = reply.send(Reply::Panicked(payload));
                    }
                });
                job
            })
            .collect();
        Pool { jobs, replies }
    }

    /// Gives `job` to every worker and gathers the replies until each is
    /// done.
    fn run(&self, job: impl Fn() -> Job, mut each: impl FnMut(Reply)) {
        for worker in &self.jobs {
            worker.send(job()).expect("a worker stopped");
        }
        let mut done = 0;
        while done < self.jobs.len() {
            match self.replies.recv().expect("the workers stopped") {
                Reply::Done => done += 1,
                Reply::Panicked(payload) => std::panic::resume_unwind(payload),
                reply => each(reply),
            }
        }
    }

    /// Checks (and frees) the trees the workers hold if `check`, then
    /// parses `files`, keeping their trees.
    fn check_then_parse(
        &self,
        check: bool,
        files: Vec<(FileId, String)>,
    ) -> (Vec<(FileId, Vec<Diagnostic>)>, ParsedFiles) {
        let queue = Arc::new(Mutex::new(files.into_iter()));
        let mut checked = Vec::new();
        let mut parsed = Vec::new();
        self.run(
            || Job::CheckThenParse {
                check,
                queue: queue.clone(),
            },
            |reply| match reply {
                Reply::Parsed(file) => parsed.push(*file),
                Reply::Checked(file, diagnostics) => checked.push((file, diagnostics)),
                _ => {}
            },
        );
        (checked, parsed.into_iter().collect())
    }

    fn drop_trees(&self) {
        self.run(|| Job::Drop, |_| {});
    }
}

/// A worker of [`Pool`], until the pool is dropped.
fn work(db: &RwLock<Database>, jobs: &mpsc::Receiver<Job>, reply: &mpsc::Sender<Reply>) {
    let read = || db.read().unwrap_or_else(|e| e.into_inner());
    let mut trees: Vec<(FileId, Parse<ast::SourceFile>)> = Vec::new();
    while let Ok(job) = jobs.recv() {
        match job {
            Job::CheckThenParse { check, queue } => {
                let db = read();
                if check {
                    for (file, tree) in trees.drain(..) {
                        let diagnostics = db.check_file_with(file, &tree);
                        drop(tree);
                        let _ = reply.send(Reply::Checked(file, diagnostics));
                    }
                }
                // Shared by the trees of one chunk, and freed with them.
                let mut cache = thrift_syntax::NodeCache::default();
                loop {
                    let next = queue.lock().unwrap_or_else(|e| e.into_inner()).next();
                    let Some((file, text)) = next else { break };
                    let (parsed, tree) = db.parse_apart(file, text, Some(&mut cache));
                    trees.push((file, tree));
                    let _ = reply.send(Reply::Parsed(Box::new(parsed)));
                }
            }
            Job::Drop => trees.clear(),
        }
        let _ = reply.send(Reply::Done);
    }
}

/// What each file of `read` includes, by `scan`, on all cores.
fn scan_all(
    read: &[(FileId, String, Vec<PathBuf>, Option<thrift_syntax::Dialect>)],
    scan: Scan<'_>,
) -> Vec<Vec<String>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads <= 1 || read.len() < 16 {
        return read.iter().map(|(_, text, _, d)| scan(text, *d)).collect();
    }
    let chunk = read.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = read
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|(_, text, _, d)| scan(text, *d))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a scanning thread panicked"))
            .collect()
    })
}

/// Checks files on all cores. The results keep the order of `files`.
/// Each thread takes the next file not yet taken, so that a few large
/// files do not leave a core idle.
pub fn check_files(db: &Database, files: &[FileId]) -> Vec<(FileId, Vec<Diagnostic>)> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len().max(1));
    if threads <= 1 || files.len() < 16 {
        return files.iter().map(|&f| (f, db.check_file(f))).collect();
    }
    let next = AtomicUsize::new(0);
    let mut results: Vec<(usize, Vec<Diagnostic>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                let next = &next;
                scope.spawn(move || {
                    let mut out = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(&file) = files.get(i) else {
                            break out;
                        };
                        out.push((i, db.check_file(file)));
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a check thread panicked"))
            .collect()
    });
    results.sort_by_key(|(i, _)| *i);
    results
        .into_iter()
        .map(|(i, diagnostics)| (files[i], diagnostics))
        .collect()
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::{
        LoadOptions,
        load::{
            parallel_tests::{options, workspace},
            tests::Mem,
        },
        load_with,
    };

    /// What `thrift-lint check` did before: load without trees, then check
    /// the inputs (each parsed again).
    fn two_pass(
        tree: &mut Mem,
        inputs: &[(String, PathBuf)],
    ) -> (Loaded, Vec<(FileId, Vec<Diagnostic>)>) {
        let loaded = load_with(
            tree,
            inputs,
            Path::new("/r"),
            &mut options,
            LoadOptions { keep_trees: false },
        );
        let ids: Vec<FileId> = loaded.files.iter().map(|(_, id)| *id).collect();
        let checked = check_files(&loaded.db, &ids);
        (loaded, checked)
    }

    fn assert_same(tree: &mut Mem, inputs: &[(String, PathBuf)], same_files: bool) {
        let (reference, expected) = two_pass(tree, inputs);
        let (loaded, checked) = load_checked(tree, inputs, Path::new("/r"), &mut options);
        assert_eq!(loaded.files, reference.files);
        if same_files {
            assert_eq!(
                loaded.paths, reference.paths,
                "the same ids in the same order"
            );
            assert_eq!(loaded.keys, reference.keys);
        }
        assert_eq!(checked.len(), expected.len());
        for ((f, got), (g, want)) in checked.iter().zip(&expected) {
            assert_eq!(loaded.paths[f.0 as usize], reference.paths[g.0 as usize]);
            // Ids may differ (extra files): compare what users see.
            let show = |paths: &[PathBuf], ds: &[Diagnostic]| -> Vec<String> {
                ds.iter()
                    .map(|d| {
                        format!(
                            "{} {:?} {} {:?}",
                            d.code,
                            d.range,
                            d.message,
                            d.related
                                .iter()
                                .map(|r| (paths[r.file.0 as usize].clone(), r.range))
                                .collect::<Vec<_>>()
                        )
                    })
                    .collect()
            };
            assert_eq!(
                show(&loaded.paths, got),
                show(&reference.paths, want),
                "{}",
                loaded.paths[f.0 as usize].display()
            );
        }
        for id in loaded.db.file_ids() {
            assert!(!loaded.db.keeps_tree(id), "{id:?} kept its tree");
        }
    }

    #[test]
    fn one_parse_per_file_gives_what_two_passes_gave() {
        let (mut tree, inputs) = workspace();
        assert_same(&mut tree, &inputs, true);
        // Every file an input (included files too), and an unreadable one.
        let mut all: Vec<(String, PathBuf)> = tree
            .0
            .keys()
            .map(|p| (p.display().to_string(), p.clone()))
            .collect();
        all.sort();
        all.push(("gone".into(), PathBuf::from("/r/app/gone.thrift")));
        let (_, expected) = two_pass(&mut tree, &all);
        // Not trivially clean: errors of its own, errors carried across
        // includes, cycles, unresolved includes.
        let codes: Vec<&str> = expected
            .iter()
            .flat_map(|(_, ds)| ds.iter().map(|d| d.code.as_str()))
            .collect();
        for code in ["T1001", "T1002", "T1006", "T1010"] {
            assert!(codes.contains(&code), "{code} in {codes:?}");
        }
        assert_same(&mut tree, &all, true);
    }

    #[test]
    fn where_the_tokens_show_more_includes_than_the_parse_the_result_is_the_same() {
        let (mut tree, mut inputs) = workspace();
        // The tokens (read as Apache) show `mid1.thrift` and `mid2.thrift`;
        // the parse (detected as fbthrift) reads one string that runs over
        // the line, and includes a file that is not there.
        let odd = "package \"x\"\ninclude \"mid1.thrift\ninclude \"mid2.thrift\"\n";
        assert_eq!(
            thrift_syntax::include_paths(odd, None),
            ["mid1.thrift", "mid2.thrift"]
        );
        tree.0
            .insert(PathBuf::from("/r/app/odd.thrift"), odd.into());
        tree.0.insert(
            PathBuf::from("/r/app/top.thrift"),
            "include \"odd.thrift\"\nstruct Top { 1: odd.X x }\n".into(),
        );
        inputs.insert(
            0,
            ("app/odd.thrift".into(), PathBuf::from("/r/app/odd.thrift")),
        );
        inputs.push(("app/top.thrift".into(), PathBuf::from("/r/app/top.thrift")));
        assert_same(&mut tree, &inputs, false);
    }

    #[test]
    fn where_the_parse_finds_an_include_the_tokens_missed_two_passes_take_over() {
        let (mut tree, inputs) = workspace();
        // A scan that misses the includes of every mid: the leaves would be
        // checked before the mids' includes are loaded; the parse finds
        // them.
        let blind = |text: &str, dialect: Option<thrift_syntax::Dialect>| {
            if text.contains("struct Mid") {
                Vec::new()
            } else {
                thrift_syntax::include_paths(text, dialect)
            }
        };
        let (reference, expected) = two_pass(&mut tree, &inputs);
        let (loaded, checked) =
            load_checked_scanning(&mut tree, &inputs, Path::new("/r"), &mut options, &blind);
        assert_eq!(loaded.files, reference.files);
        let mut paths = loaded.paths.clone();
        paths.sort();
        let mut want = reference.paths.clone();
        want.sort();
        assert_eq!(paths, want, "every included file is loaded");
        let codes = |c: &[(FileId, Vec<Diagnostic>)]| -> Vec<Vec<(&str, String)>> {
            c.iter()
                .map(|(_, ds)| {
                    ds.iter()
                        .map(|d| (d.code.as_str(), d.message.clone()))
                        .collect()
                })
                .collect()
        };
        assert_eq!(codes(&checked), codes(&expected));
        for id in loaded.db.file_ids() {
            assert!(!loaded.db.keeps_tree(id), "{id:?} kept its tree");
        }
    }
}
