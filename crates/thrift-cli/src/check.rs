//! `thrift-lint check`: loads files and what they include, checks them with
//! the semantic model, and reports.

use std::{
    collections::{HashMap, VecDeque},
    io::{self, IsTerminal, Write},
    path::{Path, PathBuf},
    process::ExitCode,
    sync::{Arc, RwLock},
};

use thrift_config::{Config, LintLevel};
use thrift_semantic::{Code, Database, Diagnostic, FileId, Severity, normalize_path as normalize};

use crate::{
    output::read_text,
    report::{self, Format, Source},
};

pub struct CheckArgs {
    pub paths: Vec<PathBuf>,
    pub include_dirs: Vec<PathBuf>,
    pub format: Format,
    pub deny_warnings: bool,
    pub config: Option<PathBuf>,
    /// `--dialect`: `Some(None)` is `auto`; `None` defers to the config.
    pub dialect: Option<Option<thrift_syntax::Dialect>>,
}

/// The files known to one run.
#[derive(Default)]
struct Vfs {
    paths: Vec<PathBuf>,
    /// How each path is shown: relative to the working directory if inside it.
    shown: Vec<String>,
    texts: Vec<Option<String>>,
    by_path: HashMap<PathBuf, FileId>,
    /// `(including file, include string)` → included file.
    includes: HashMap<(FileId, String), FileId>,
}

impl Vfs {
    /// The id of a path, assigned on first sight.
    fn intern(&mut self, path: &Path, shown: String) -> (FileId, bool) {
        if let Some(id) = self.by_path.get(path) {
            return (*id, false);
        }
        let id = FileId(self.paths.len() as u32);
        self.paths.push(path.to_path_buf());
        self.shown.push(shown);
        self.texts.push(None);
        self.by_path.insert(path.to_path_buf(), id);
        (id, true)
    }
}

pub fn run(args: CheckArgs) -> ExitCode {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    // Problems found before checking: unreadable files and configs.
    let mut problems: Vec<String> = Vec::new();

    // Inputs: files, and `*.thrift` under directories.
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let mut inputs: Vec<PathBuf> = Vec::new();
    for path in &paths {
        if path.is_dir() {
            walk(path, &mut inputs, &mut problems);
        } else {
            inputs.push(path.clone());
        }
    }

    let explicit = match &args.config {
        Some(path) => match thrift_config::load(path) {
            Ok(c) => Some(Arc::new(c)),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let mut configs = Configs {
        explicit,
        cache: thrift_config::ConfigCache::new(),
    };

    let vfs = Arc::new(RwLock::new(Vfs::default()));
    let resolver_vfs = vfs.clone();
    let mut db = Database::new(move |from: FileId, include: &str| {
        resolver_vfs
            .read()
            .ok()?
            .includes
            .get(&(from, include.to_string()))
            .copied()
    });

    // Load the inputs, then everything they include, breadth first.
    let mut queue: VecDeque<FileId> = VecDeque::new();
    let mut input_ids: Vec<FileId> = Vec::new();
    {
        let mut v = vfs.write().unwrap();
        for input in &inputs {
            let (id, new) = v.intern(&normalize(&cwd.join(input)), display(input));
            if !input_ids.contains(&id) {
                input_ids.push(id);
            }
            if new {
                queue.push_back(id);
            }
        }
    }
    let mut file_configs: HashMap<FileId, Arc<Config>> = HashMap::new();
    while let Some(id) = queue.pop_front() {
        let (path, shown) = {
            let v = vfs.read().unwrap();
            (
                v.paths[id.0 as usize].clone(),
                v.shown[id.0 as usize].clone(),
            )
        };
        let text = match read_text(&path) {
            Ok(text) => text,
            Err(e) => {
                if input_ids.contains(&id) {
                    problems.push(format!("{shown}: error: {e}"));
                }
                continue;
            }
        };
        let config = configs.get(&path, &mut problems);
        let dialect = match args.dialect {
            Some(d) => d,
            None => config.dialect.dialect(),
        };
        db.set_file_dialect(id, dialect);
        db.set_file_name(id, path.to_str());
        db.apply_change(id, &text);
        vfs.write().unwrap().texts[id.0 as usize] = Some(text);
        file_configs.insert(id, config.clone());

        // Includes resolve as in the Apache compiler: the including file's
        // directory first, then each include directory in order (the
        // command line's, then the config's).
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut search = vec![dir];
        search.extend(args.include_dirs.iter().map(|d| cwd.join(d)));
        search.extend(config.include_dirs.iter().cloned());
        let includes: Vec<String> = db
            .summary(id)
            .map(|s| s.includes.iter().map(|i| i.path.clone()).collect())
            .unwrap_or_default();
        for include in includes {
            let found = thrift_semantic::find_include(
                &include,
                search.iter().map(PathBuf::as_path),
                Path::is_file,
            );
            let Some(found) = found else { continue };
            let mut v = vfs.write().unwrap();
            let (target, new) = v.intern(&found, display(&relative_to(&found, &cwd)));
            v.includes.insert((id, include), target);
            if new {
                queue.push_back(target);
            }
        }
    }

    // Check the inputs, in parallel when there are many.
    let loaded: Vec<FileId> = input_ids
        .iter()
        .copied()
        .filter(|id| db.contains(*id))
        .collect();
    let mut results = check_all(&db, &loaded);

    // Lint levels from the config.
    for (file, diagnostics) in &mut results {
        let config = file_configs.get(file).cloned().unwrap_or_default();
        apply_levels(diagnostics, &config, &mut problems);
    }
    problems.sort();
    problems.dedup();

    let mut all: Vec<Diagnostic> = results.into_iter().flat_map(|(_, d)| d).collect();
    all.sort_by_key(|d| (d.file, d.range.start(), d.code));

    let v = vfs.read().unwrap();
    let sources = |id: FileId| -> Option<Source<'_>> {
        let i = id.0 as usize;
        Some(Source {
            path: v.shown.get(i)?,
            text: v.texts.get(i)?.as_deref()?,
        })
    };
    let color = args.format == Format::Human
        && io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if let Err(e) =
        report::render(args.format, &all, &sources, color, &mut out).and_then(|()| out.flush())
    {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write output: {e}");
            return ExitCode::from(2);
        }
    }
    drop(out);
    for problem in &problems {
        eprintln!("{problem}");
    }
    if args.format == Format::Human {
        eprintln!("{}", report::summary_line(&all, loaded.len()));
    }

    let errors = all.iter().any(|d| d.severity == Severity::Error);
    let warnings = all.iter().any(|d| d.severity == Severity::Warning);
    if !problems.is_empty() {
        ExitCode::from(2)
    } else if errors || (args.deny_warnings && warnings) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

struct Configs {
    explicit: Option<Arc<Config>>,
    /// Each directory and config file is read once per run.
    cache: thrift_config::ConfigCache,
}

impl Configs {
    /// The config for a file (an absolute path): the explicit one, or the
    /// nearest above it; the defaults, and a problem, if that one is bad.
    fn get(&mut self, file: &Path, problems: &mut Vec<String>) -> Arc<Config> {
        if let Some(c) = &self.explicit {
            return c.clone();
        }
        let dir = file.parent().unwrap_or(Path::new(""));
        self.cache.resolve_for_dir(dir).unwrap_or_else(|e| {
            // Once per file: `problems` is deduplicated before printing.
            problems.push(format!("error: {e}"));
            Arc::new(Config::default())
        })
    }
}

/// Checks files on all cores. The results keep the order of `files`.
fn check_all(db: &Database, files: &[FileId]) -> Vec<(FileId, Vec<Diagnostic>)> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len().max(1));
    if threads <= 1 || files.len() < 16 {
        return files.iter().map(|&f| (f, db.check_file(f))).collect();
    }
    let chunk = files.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|&f| (f, db.check_file(f)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a check thread panicked"))
            .collect()
    })
}

/// Applies `[lint]` levels: changes severities and drops what is `off`.
fn apply_levels(diagnostics: &mut Vec<Diagnostic>, config: &Config, problems: &mut Vec<String>) {
    if config.lint.is_empty() {
        return;
    }
    let mut levels: HashMap<Code, LintLevel> = HashMap::new();
    for (key, level) in &config.lint {
        match Code::from_str(key) {
            Some(code) => {
                levels.insert(code, *level);
            }
            None => {
                let path = config
                    .path
                    .as_ref()
                    .map_or(String::new(), |p| p.display().to_string());
                problems.push(format!(
                    "error: {path}: unknown diagnostic code `{key}` in [lint]"
                ));
            }
        }
    }
    diagnostics.retain_mut(|d| match levels.get(&d.code) {
        Some(LintLevel::Off) => false,
        Some(LintLevel::Error) => {
            d.severity = Severity::Error;
            true
        }
        Some(LintLevel::Warning) => {
            d.severity = Severity::Warning;
            true
        }
        Some(LintLevel::Hint) => {
            d.severity = Severity::Hint;
            true
        }
        None => true,
    });
}

/// Collects `*.thrift` files under `dir`, sorted, skipping hidden folders.
fn walk(dir: &Path, out: &mut Vec<PathBuf>, problems: &mut Vec<String>) {
    let mut entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect::<Vec<_>>(),
        Err(e) => {
            problems.push(format!(
                "{}: error: cannot read directory: {e}",
                display(dir)
            ));
            return;
        }
    };
    entries.sort();
    for path in entries {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if path.is_dir() {
            if !hidden
                && path
                    .file_name()
                    .is_none_or(|n| n != "target" && n != "node_modules")
            {
                walk(&path, out, problems);
            }
        } else if path.extension().is_some_and(|e| e == "thrift") {
            out.push(path);
        }
    }
}

fn relative_to(path: &Path, base: &Path) -> PathBuf {
    path.strip_prefix(base)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

fn display(path: &Path) -> String {
    let s = path.display().to_string();
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}
