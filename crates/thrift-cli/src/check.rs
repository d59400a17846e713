//! `thrift-lint check`: loads files and what they include (the project
//! model: `thrift_project::walk` and `load`), checks them with the
//! semantic model, and reports.

use std::{
    collections::HashMap,
    io::{self, IsTerminal, Write},
    path::PathBuf,
    process::ExitCode,
    sync::Arc,
};

use thrift_config::{Config, LintLevel};
use thrift_project::{Configs, FileOptions, FsTree, WalkOptions, normalize};
use thrift_semantic::{Database, Diagnostic, FileId, Severity};

use crate::report::{self, Failure, Format, Report, Source};

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
    let mut problems: Vec<Failure> = Vec::new();
    let mut configs = match Configs::load(args.config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            let report = Report::check(&[], &|_| None, vec![Failure::config(&e)]);
            return finish(args.format, &report, &[], None);
        }
    };

    // Inputs: files, and `*.thrift` under directories (the project walk).
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let walked = thrift_project::walk(&paths, &mut configs, WalkOptions { warn_empty: true });
    problems.extend(walked.errors.iter().map(|e| Failure::from_line(e)));
    let mut warnings = walked.warnings;
    warnings.extend(thrift_project::missing_include_dirs(&args.include_dirs));
    let include_dirs: Vec<PathBuf> = args.include_dirs.iter().map(|d| cwd.join(d)).collect();
    let inputs: Vec<(String, PathBuf)> = walked
        .files
        .iter()
        .map(|p| (thrift_project::display(p), normalize(&cwd.join(p))))
        .collect();

    // Load the inputs and what they include, each file in its config's
    // dialect and with its include directories.
    let mut file_configs: HashMap<PathBuf, Arc<Config>> = HashMap::new();
    let loaded = thrift_project::load(&mut FsTree, &inputs, &cwd, &mut |path| {
        let config = match configs.for_file(path) {
            Ok(c) => c,
            Err(e) => {
                // Once per file: `problems` is deduplicated before printing.
                problems.push(Failure::config(&e));
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
    });
    warnings.extend(configs.warnings());
    for (key, e) in &loaded.errors {
        problems.push(Failure::in_file(
            key.as_str(),
            e.to_string(),
            format!("{key}: error: {e}"),
        ));
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
    problems.sort_by(|a, b| a.text.cmp(&b.text));
    problems.dedup_by(|a, b| a.text == b.text);

    let mut all: Vec<Diagnostic> = results.into_iter().flat_map(|(_, d)| d).collect();
    all.sort_by_key(|d| (d.file, d.range.start(), d.code));

    let sources = |id: FileId| -> Option<Source<'_>> {
        Some(Source {
            path: loaded.keys.get(id.0 as usize)?,
            text: loaded.db.text(id)?,
        })
    };
    let report = Report::check(&all, &sources, problems);
    let exit = finish(args.format, &report, &warnings, Some((&all, inputs.len())));
    if exit != ExitCode::SUCCESS {
        return exit;
    }
    let errors = all.iter().any(|d| d.severity == Severity::Error);
    let warned = all.iter().any(|d| d.severity == Severity::Warning);
    if errors || (args.deny_warnings && warned) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes the report to stdout, then the walk's warnings and the failures
/// on stderr and, in the human format and only when nothing failed, the
/// summary (`checked`: the diagnostics and how many files were checked).
/// Exit code 2 after a failure (or when stdout cannot be written), else
/// success: the caller decides between 0 and 1.
fn finish(
    format: Format,
    report: &Report,
    warnings: &[thrift_project::Warning],
    checked: Option<(&[Diagnostic], usize)>,
) -> ExitCode {
    let color = format == Format::Human
        && io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if let Err(e) = report::render(format, report, color, &mut out).and_then(|()| out.flush())
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("error: cannot write output: {e}");
        return ExitCode::from(2);
    }
    drop(out);
    for warning in warnings {
        eprintln!("{warning}");
    }
    for failure in &report.failures {
        eprintln!("{}", failure.text);
    }
    if !report.failures.is_empty() {
        // The summary would claim too much: the errors above say what
        // failed instead.
        return ExitCode::from(2);
    }
    if let (Format::Human, Some((diagnostics, files))) = (format, checked) {
        eprintln!("{}", report::summary_line(diagnostics, files));
    }
    ExitCode::SUCCESS
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
