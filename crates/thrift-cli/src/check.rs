//! `thrift-lint check`: loads files and what they include (the project
//! model: `thrift_project::walk` and `load`), checks them with the
//! semantic model, and reports.

use std::{
    collections::HashMap,
    io::{self, Write},
    path::PathBuf,
    process::ExitCode,
    sync::Arc,
};

use thrift_config::{Config, LintLevel};
use thrift_project::{Configs, FileOptions, FsTree, Tree, normalize};
use thrift_semantic::{Diagnostic, FileId, Severity};

use crate::{
    options::{self, Common, StdinTree, Stream, Verbose, describe_config, read_stdin, use_color},
    report::{self, Failure, Format, Report, Source},
};

pub struct CheckArgs {
    pub paths: Vec<PathBuf>,
    /// `--stdin-filepath`: stdin is checked as this file.
    pub stdin_filepath: Option<PathBuf>,
    pub include_dirs: Vec<PathBuf>,
    pub format: Format,
    pub deny_warnings: bool,
    /// `--config`: a file and `KEY=VALUE` overrides.
    pub config: Vec<String>,
    /// `--dialect`: `Some(None)` is `auto`; `None` defers to the config.
    pub dialect: Option<Option<thrift_syntax::Dialect>>,
    /// `--fix`, `--diff`, `--fix-only`.
    pub fix: crate::fix::FixArgs,
    /// `--target`, `--thrift-version`.
    pub targets: crate::targets::TargetArgs,
    pub common: Common,
}

pub fn run(args: CheckArgs) -> ExitCode {
    let verbose = Verbose::new(args.common.verbose);
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    // Problems that make the run fail: unreadable files and configs.
    let mut problems: Vec<Failure> = Vec::new();
    if let Err(e) = args.targets.validate() {
        let report = Report::check(&[], &|_| None, vec![Failure::new(e)]);
        return finish(&args, &report, &[], None, &[], false);
    }
    let mut configs = match Configs::from_args(&args.config) {
        Ok(c) => c,
        Err(e) => {
            let report = Report::check(&[], &|_| None, vec![Failure::config(&e)]);
            return finish(&args, &report, &[], None, &[], false);
        }
    };
    // `-` or `--stdin-filepath`: one file, from stdin.
    let stdin_mode =
        args.stdin_filepath.is_some() || args.paths.iter().any(|p| p.as_os_str() == "-");
    if stdin_mode && args.paths.iter().any(|p| p.as_os_str() != "-") {
        let failure = Failure::new("`-` or --stdin-filepath checks stdin; do not pass other paths");
        let report = Report::check(&[], &|_| None, vec![failure]);
        return finish(&args, &report, &[], None, &[], false);
    }

    let mut warnings = Vec::new();
    let mut tree: Box<dyn Tree> = Box::new(FsTree);
    let mut stdin_path: Option<PathBuf> = None;
    let inputs: Vec<(String, PathBuf)> = if stdin_mode {
        let file = match read_stdin(args.stdin_filepath.as_deref()) {
            Ok(file) => file,
            Err(e) => {
                let report = Report::check(&[], &|_| None, vec![Failure::from_line(&e)]);
                return finish(&args, &report, &[], None, &[], false);
            }
        };
        let path =
            normalize(&cwd.join(args.stdin_filepath.as_deref().unwrap_or("<stdin>".as_ref())));
        stdin_path = Some(path.clone());
        tree = Box::new(StdinTree {
            path: path.clone(),
            text: file.text,
        });
        vec![(file.shown, path)]
    } else {
        // Inputs: files, and `*.thrift` under directories (the project walk).
        let walked = options::walk(&args.paths, &mut configs, &verbose, "check");
        problems.extend(walked.errors.iter().map(|e| Failure::from_line(e)));
        warnings.extend(walked.warnings);
        walked
            .files
            .iter()
            .map(|p| (thrift_project::display(p), normalize(&cwd.join(p))))
            .collect()
    };
    warnings.extend(thrift_project::missing_include_dirs(&args.include_dirs));
    let include_dirs: Vec<PathBuf> = args.include_dirs.iter().map(|d| cwd.join(d)).collect();

    // Load the inputs and what they include, each file in its config's
    // dialect and with its include directories, and check them: each file
    // parsed once, after what it includes, and its tree dropped once it is
    // checked (a 5,000-file workspace's trees took 700 MB).
    let mut file_configs: HashMap<PathBuf, Arc<Config>> = HashMap::new();
    let load_started = verbose.elapsed_ms();
    let mut file_options = |path: &std::path::Path| {
        // Stdin without a name: the `--config` file or the defaults.
        let resolved = if stdin_path.as_deref() == Some(path) && args.stdin_filepath.is_none() {
            Ok(configs.fallback())
        } else {
            configs.for_file(path)
        };
        let config = match resolved {
            Ok(c) => c,
            Err(e) => {
                // Once per file: `problems` is deduplicated before printing.
                problems.push(Failure::config(&e));
                Arc::new(Config::default())
            }
        };
        file_configs.insert(path.to_path_buf(), config.clone());
        // `--target`/`--thrift-version` over the config's `[lint]` ones.
        let targets = args.targets.resolve(&config);
        FileOptions {
            dialect: args.dialect.unwrap_or_else(|| config.dialect.dialect()),
            include_dirs: include_dirs
                .iter()
                .chain(&config.include_dirs)
                .cloned()
                .collect(),
            targets: (!targets.is_empty()).then_some(targets),
        }
    };
    let (loaded, mut results) =
        thrift_project::load_checked(&mut *tree, &inputs, &cwd, &mut file_options);
    warnings.extend(configs.warnings());
    for (key, e) in &loaded.errors {
        problems.push(Failure::in_file(
            key.as_str(),
            e.to_string(),
            format!("{key}: error: {e}"),
        ));
    }

    if verbose.on() {
        verbose.say(|| {
            format!(
                "loaded and checked {} files ({} given, {} included) in {:.1} ms",
                loaded.paths.len(),
                loaded.files.len(),
                loaded.paths.len() - loaded.files.len(),
                verbose.elapsed_ms() - load_started
            )
        });
        for (key, id) in &loaded.files {
            if let Some(config) = loaded.path(*id).and_then(|p| file_configs.get(p)) {
                verbose.say(|| {
                    format!(
                        "{key}: config {}",
                        describe_config(config, configs.overrides())
                    )
                });
            }
        }
    }

    let inputs: Vec<FileId> = loaded.files.iter().map(|(_, id)| *id).collect();

    // Lint levels from the config.
    for (file, diagnostics) in &mut results {
        let config = loaded
            .path(*file)
            .and_then(|p| file_configs.get(p))
            .cloned()
            .unwrap_or_default();
        apply_levels(diagnostics, &config);
    }

    // `--fix`, `--diff`: fix the inputs, check them again, write or show.
    let mut loaded = loaded;
    let mut fix_lines: Vec<String> = Vec::new();
    // What goes on stdout instead of the report: the diff, or stdin fixed.
    let mut fixed_output: Option<String> = None;
    // After an IO or config error nothing is fixed: a file whose config
    // did not load would be fixed with the wrong settings.
    if args.fix.active() && !problems.is_empty() {
        fix_lines.push("nothing was fixed: the run failed (see the errors)".to_string());
    }
    if args.fix.active() && problems.is_empty() {
        let rules = match args.fix.rules() {
            Ok(rules) => rules,
            Err(e) => {
                let report = Report::check(&[], &|_| None, vec![Failure::new(e)]);
                return finish(&args, &report, &[], None, &[], false);
            }
        };
        let paths = &loaded.paths;
        let keys = &loaded.keys;
        let path_of = |id: FileId| paths.get(id.0 as usize).cloned();
        let key = |id: FileId| keys.get(id.0 as usize).cloned().unwrap_or_default();
        let levels = |id: FileId, diagnostics: &mut Vec<Diagnostic>| {
            let config = paths
                .get(id.0 as usize)
                .and_then(|p| file_configs.get(p))
                .cloned()
                .unwrap_or_default();
            apply_levels(diagnostics, &config);
        };
        let outcome = crate::fix::fix(
            &mut loaded.db,
            &inputs,
            &mut results,
            &rules,
            &path_of,
            &levels,
        );
        if args.fix.diff {
            fixed_output = Some(crate::fix::diff(&outcome, &loaded.db, &key));
        } else if stdin_mode {
            // Like ruff: the fixed text on stdout, the report on stderr.
            fixed_output = inputs
                .first()
                .and_then(|f| loaded.db.text(*f))
                .map(str::to_string);
        } else {
            problems.extend(crate::fix::write(&outcome, &loaded.db, &path_of, &key));
        }
        fix_lines = crate::fix::summary_lines(&outcome, args.fix.diff, &loaded.db, &key);
    }
    let loaded = loaded;

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
    if let Some(text) = &fixed_output {
        let mut out = io::stdout().lock();
        if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush())
            && e.kind() != io::ErrorKind::BrokenPipe
        {
            eprintln!("error: cannot write output: {e}");
            return ExitCode::from(2);
        }
    }
    let exit = finish(
        &args,
        &report,
        &warnings,
        Some((&all, inputs.len())),
        &fix_lines,
        fixed_output.is_some(),
    );
    verbose.say(|| format!("done in {:.1} ms", verbose.elapsed_ms()));
    // The process ends after this: freeing the database (every file's
    // text, summary and index, one allocation at a time) is wasted work.
    drop(report);
    std::mem::forget(loaded);
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
/// success: the caller decides between 0 and 1. With `--fix`/`--diff`,
/// `fix_lines` (what was fixed, what not) come before the summary, and
/// when stdout carries the diff or stdin's fixed text (`to_stderr`), the
/// report goes to stderr.
fn finish(
    args: &CheckArgs,
    report: &Report,
    warnings: &[thrift_project::Warning],
    checked: Option<(&[Diagnostic], usize)>,
    fix_lines: &[String],
    to_stderr: bool,
) -> ExitCode {
    let format = args.format;
    let stream = if to_stderr {
        Stream::Stderr
    } else {
        Stream::Stdout
    };
    let color = format == Format::Human && use_color(args.common.color, stream);
    let written = if to_stderr {
        let mut out = io::BufWriter::new(io::stderr().lock());
        report::render(format, report, color, &mut out).and_then(|()| out.flush())
    } else {
        let mut out = io::BufWriter::new(io::stdout().lock());
        report::render(format, report, color, &mut out).and_then(|()| out.flush())
    };
    if let Err(e) = written
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("error: cannot write output: {e}");
        return ExitCode::from(2);
    }
    // `-q`: the findings and the errors only.
    if !args.common.quiet {
        for warning in warnings {
            eprintln!("{warning}");
        }
    }
    for failure in &report.failures {
        eprintln!("{}", failure.text);
    }
    if !report.failures.is_empty() {
        // The summary would claim too much: the errors above say what
        // failed instead (and, with `--fix`, that nothing was fixed).
        for line in fix_lines {
            eprintln!("{line}");
        }
        return ExitCode::from(2);
    }
    if let (Format::Human, Some((diagnostics, files)), false) = (format, checked, args.common.quiet)
    {
        for line in fix_lines {
            eprintln!("{line}");
        }
        eprintln!("{}", report::summary_line(diagnostics, files));
    }
    ExitCode::SUCCESS
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
