//! `thrift-lint check`: loads files and what they include (the project
//! model: `thrift_project::walk` and `load`), checks them with the
//! semantic model, and reports.

use std::{
    collections::HashMap,
    io::{self, IsTerminal, Write},
    path::PathBuf,
    process::ExitCode,
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
};

use thrift_config::{Config, LintLevel};
use thrift_project::{Configs, FileOptions, FsTree, LoadOptions, WalkOptions, normalize};
use thrift_semantic::{Database, Diagnostic, FileId, Severity};

use crate::report::{self, Format, Source};

pub struct CheckArgs {
    pub paths: Vec<PathBuf>,
    pub include_dirs: Vec<PathBuf>,
    pub format: Format,
    pub deny_warnings: bool,
    pub config: Option<PathBuf>,
    /// `--dialect`: `Some(None)` is `auto`; `None` defers to the config.
    pub dialect: Option<Option<thrift_syntax::Dialect>>,
}

pub fn run(args: CheckArgs) -> ExitCode {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    // Problems that make the run fail: unreadable files and configs.
    let mut problems: Vec<String> = Vec::new();
    let mut configs = match Configs::load(args.config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };

    // Inputs: files, and `*.thrift` under directories (the project walk).
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let walked = thrift_project::walk(&paths, &mut configs, WalkOptions { warn_empty: true });
    problems.extend(walked.errors);
    let mut warnings = walked.warnings;
    warnings.extend(thrift_project::missing_include_dirs(&args.include_dirs));
    let include_dirs: Vec<PathBuf> = args.include_dirs.iter().map(|d| cwd.join(d)).collect();
    let inputs: Vec<(String, PathBuf)> = walked
        .files
        .iter()
        .map(|p| (thrift_project::display(p), normalize(&cwd.join(p))))
        .collect();

    // Load the inputs and what they include, each file in its config's
    // dialect and with its include directories. No syntax trees are kept:
    // each file is parsed again when it is checked, and its tree dropped
    // after (a 5,000-file workspace's trees took 700 MB).
    let mut file_configs: HashMap<PathBuf, Arc<Config>> = HashMap::new();
    let mut file_options = |path: &std::path::Path| {
        let config = match configs.for_file(path) {
            Ok(c) => c,
            Err(e) => {
                // Once per file: `problems` is deduplicated before printing.
                problems.push(format!("error: {e}"));
                Arc::new(Config::default())
            }
        };
        file_configs.insert(path.to_path_buf(), config.clone());
        FileOptions {
            dialect: args.dialect.unwrap_or_else(|| config.dialect.dialect()),
            include_dirs: include_dirs
                .iter()
                .chain(&config.include_dirs)
                .cloned()
                .collect(),
        }
    };
    let loaded = thrift_project::load_with(
        &mut FsTree,
        &inputs,
        &cwd,
        &mut file_options,
        LoadOptions { keep_trees: false },
    );
    warnings.extend(configs.warnings());
    for (key, e) in &loaded.errors {
        problems.push(format!("{key}: error: {e}"));
    }

    // Check the inputs, in parallel when there are many.
    let inputs: Vec<FileId> = loaded.files.iter().map(|(_, id)| *id).collect();
    let mut results = check_all(&loaded.db, &inputs);

    // Lint levels from the config.
    for (file, diagnostics) in &mut results {
        let config = loaded
            .path(*file)
            .and_then(|p| file_configs.get(p))
            .cloned()
            .unwrap_or_default();
        apply_levels(diagnostics, &config);
    }
    problems.sort();
    problems.dedup();

    let mut all: Vec<Diagnostic> = results.into_iter().flat_map(|(_, d)| d).collect();
    all.sort_by_key(|d| (d.file, d.range.start(), d.code));

    let sources = |id: FileId| -> Option<Source<'_>> {
        Some(Source {
            path: loaded.keys.get(id.0 as usize)?,
            text: loaded.db.text(id)?,
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
    for warning in &warnings {
        eprintln!("{warning}");
    }
    for problem in &problems {
        eprintln!("{problem}");
    }
    // After an IO or config error the summary would claim too much: the
    // errors above say what failed instead.
    if args.format == Format::Human && problems.is_empty() {
        eprintln!("{}", report::summary_line(&all, inputs.len()));
    }

    let errors = all.iter().any(|d| d.severity == Severity::Error);
    let warned = all.iter().any(|d| d.severity == Severity::Warning);
    if !problems.is_empty() {
        ExitCode::from(2)
    } else if errors || (args.deny_warnings && warned) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Checks files on all cores. The results keep the order of `files`.
/// Each thread takes the next file not yet taken, so that a few large
/// files do not leave a core idle.
fn check_all(db: &Database, files: &[FileId]) -> Vec<(FileId, Vec<Diagnostic>)> {
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

/// Applies `[lint]` levels: changes severities and drops what is `off`.
fn apply_levels(diagnostics: &mut Vec<Diagnostic>, config: &Config) {
    if config.lint_levels.is_empty() {
        return;
    }
    diagnostics.retain_mut(|d| match config.lint_levels.get(&d.code) {
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
