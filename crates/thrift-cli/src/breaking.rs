//! `thrift-lint breaking`: compares the IDL with an older version (a git
//! ref, a directory or a file) and reports breaking changes.
//!
//! The versions, which file of one is which file of the other, and the
//! loading are the project model's (`thrift_project::{Version, pair,
//! load}`): a git ref is read without touching the working tree; a
//! directory is the root of the old version. Includes resolve inside each
//! version, with the same `-I` and config include directories (rebased
//! onto the old root).

use std::{
    io::{self, Write},
    path::{Path, PathBuf},
    process::ExitCode,
};

use thrift_breaking::{Category, Options, Rule, Side, Snapshot, rules::COMPILE};
use thrift_config::Config;
use thrift_project::{Configs, FileOptions, FsTree, Loaded, Tree, Version, normalize};
use thrift_semantic::{FileId, Severity};
use thrift_syntax::TextRange;

use crate::{
    options::{Common, Stream, Verbose, describe_config, use_color},
    report::{self, Failure, Finding, Format, Report, Resolver, Source, Tool},
};

pub struct BreakingArgs {
    pub against: Option<String>,
    pub paths: Vec<PathBuf>,
    pub include_dirs: Vec<PathBuf>,
    pub format: Format,
    pub category: Option<String>,
    /// `--config`: a file and `KEY=VALUE` overrides.
    pub config: Vec<String>,
    /// `--dialect`: `Some(None)` is `auto`; `None` defers to the config.
    pub dialect: Option<Option<thrift_syntax::Dialect>>,
    pub common: Common,
}

/// A usage, IO, config or git error: reported in the chosen format and on
/// stderr, exit code 2.
struct Fail(Failure);

impl<E: std::fmt::Display> From<E> for Fail {
    fn from(e: E) -> Fail {
        Fail(Failure::new(e.to_string()))
    }
}

impl Fail {
    fn msg(message: impl Into<String>) -> Fail {
        Fail(Failure::new(message))
    }
}

pub fn run(args: BreakingArgs) -> ExitCode {
    let format = args.format;
    let against = args.against.clone().unwrap_or_default();
    match run_inner(args) {
        Ok(code) => code,
        Err(Fail(failure)) => {
            // Never "no breaking changes": the output says what failed.
            let report = Report {
                tool: Tool::Breaking { against },
                findings: Vec::new(),
                failures: vec![failure],
            };
            if format != Format::Human
                && let Err(e) = write(format, &report, false)
            {
                eprintln!("error: cannot write output: {e}");
            }
            eprintln!("{}", report.failures[0].text);
            ExitCode::from(2)
        }
    }
}

/// Writes `report` to stdout (a closed pipe is not an error).
fn write(format: Format, report: &Report, color: bool) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match report::render(format, report, color, &mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e),
        _ => Ok(()),
    }
}

fn run_inner(args: BreakingArgs) -> Result<ExitCode, Fail> {
    let verbose = Verbose::new(args.common.verbose);
    let cwd = std::env::current_dir()?;
    // One config for both versions: `--config`, else the nearest to the
    // current directory; `--config KEY=VALUE` overrides over it.
    let (file, overrides) = thrift_config::split_config_args(&args.config)?;
    let config = match &file {
        Some(path) => thrift_config::load_with(path, &overrides)?,
        None => match thrift_config::find_config(&cwd) {
            Some(path) => thrift_config::load_with(&path, &overrides)?,
            None => overrides.defaults(&cwd)?,
        },
    };
    verbose.say(|| {
        format!(
            "config (both versions): {}",
            describe_config(&config, overrides.given().count())
        )
    });
    let against = args
        .against
        .clone()
        .or_else(|| config.breaking.section.against.clone())
        .ok_or_else(|| {
            Fail::msg("missing `--against REF` (a git ref, a directory or a file; or `against` in [breaking])")
        })?;
    let options = options(&args, &config)?;
    let dialect = options.dialect;
    let mut configs = Configs::new(Some(config.clone()));

    // The two versions and which file is which (`thrift_project::pair`).
    let mut old_version = Version::open(&cwd, &against).map_err(|e| Fail::msg(e.0))?;
    let pairing = thrift_project::pair(&cwd, &args.paths, &old_version, &mut configs);
    if let Some(error) = pairing.errors.first() {
        let mut failure = Failure::from_line(error);
        failure.text = format!("error: {}", error.trim_start_matches("error: "));
        return Err(Fail(failure));
    }
    if matches!(old_version, Version::File(_)) && pairing.new.len() != 1 {
        return Err(Fail::msg(format!(
            "`--against {against}` is a file: give exactly one file to compare it with"
        )));
    }
    let mut warnings = pairing.warnings.clone();
    warnings.extend(thrift_project::missing_include_dirs(&args.include_dirs));
    warnings.extend(configs.warnings());
    let mut include_dirs: Vec<PathBuf> = args
        .include_dirs
        .iter()
        .map(|d| normalize(&cwd.join(d)))
        .collect();
    include_dirs.extend(config.include_dirs.iter().map(|d| normalize(d)));
    let new_side = load(&mut FsTree, &pairing.new, &cwd, &include_dirs, dialect)?;
    // Include directories under the new version's root move with it to
    // the old root (a directory version); a git version has the working
    // tree's paths.
    let old_dirs: Vec<PathBuf> = include_dirs.iter().map(|d| pairing.rebase(d)).collect();
    let old_side = match old_version.git() {
        Some(git) => load(git, &pairing.old, &cwd, &old_dirs, dialect)?,
        None => load(&mut FsTree, &pairing.old, &cwd, &old_dirs, dialect)?,
    };
    if let Some(key) = pairing.missing.first() {
        return Err(Fail(Failure::in_file(
            key.as_str(),
            "no such file or directory",
            format!("error: {key}: no such file or directory"),
        )));
    }
    verbose.say(|| {
        format!(
            "loaded {} new and {} old files (with what they include) in {:.1} ms",
            new_side.files.len(),
            old_side.files.len(),
            verbose.elapsed_ms()
        )
    });
    // `-q`: the findings and the errors only.
    if !args.common.quiet {
        for warning in &warnings {
            eprintln!("{warning}");
        }
    }

    let old_snapshot = Snapshot {
        db: &old_side.db,
        files: &old_side.files,
    };
    let new_snapshot = Snapshot {
        db: &new_side.db,
        files: &new_side.files,
    };
    // `[breaking] ignore` and `ignore_only`, relative to the config's directory.
    let root = config.root.clone().unwrap_or_else(|| cwd.clone());
    let ignored = |f: &Finding| {
        let path = normalize(&cwd.join(&f.location.path));
        let rel = path.strip_prefix(&root).unwrap_or(&path);
        config.breaking.is_ignored(f.code, rel)
    };
    // A file of an old version on disk is shown by its own path, as the
    // user named it (`../old/x/a.thrift`); one in a git tree by its path in
    // the repository, which is the new file's (`x/a.thrift (in HEAD)`).
    let shown_old = |p: &Path| -> String {
        let given = match &old_version {
            Version::Dir(root) => p
                .strip_prefix(root)
                .ok()
                .map(|rest| Path::new(&against).join(rest)),
            Version::File(file) => (p == file.as_path()).then(|| PathBuf::from(&against)),
            Version::Git(_) => None,
        };
        thrift_project::display(&given.unwrap_or_else(|| thrift_project::relative(p, &cwd)))
    };
    let old_on_disk: Option<Vec<String>> = (!matches!(old_version, Version::Git(_)))
        .then(|| old_side.paths.iter().map(|p| shown_old(p)).collect());
    let old_lookup = |id: FileId| match &old_on_disk {
        Some(shown) => Some(Source {
            path: shown.get(id.0 as usize)?,
            text: old_side.db.text(id)?,
        }),
        None => source(&old_side, id),
    };
    let new_lookup = |id| source(&new_side, id);
    let mut sides = Sides {
        old: Resolver::new(&old_lookup),
        new: Resolver::new(&new_lookup),
    };
    // A version that does not read completely is not compared: its errors
    // are reported instead, in the same format, and the exit code is 1 (as
    // `buf breaking` reports compile errors).
    let errors: Vec<Finding> = thrift_breaking::read_errors(old_snapshot, new_snapshot)
        .iter()
        .map(|e| sides.finding(&COMPILE, None, &e.location, None, &e.message))
        .filter(|f| !ignored(f))
        .collect();
    let not_compared = !errors.is_empty();
    let mut findings: Vec<Finding> = if not_compared {
        errors
    } else {
        thrift_breaking::compare(old_snapshot, new_snapshot, &options)
            .iter()
            .map(|f| {
                let category = Some(f.category());
                sides.finding(
                    f.rule,
                    category,
                    &f.location,
                    f.previous.as_ref(),
                    &f.message,
                )
            })
            .filter(|f| !ignored(f))
            .collect()
    };
    let key = |f: &Finding| {
        (
            f.location.path.clone(),
            f.location.start.line,
            f.location.start.col,
            f.code,
            f.message.clone(),
        )
    };
    findings.sort_by_key(key);
    findings.dedup_by(|a, b| {
        a.location.path == b.location.path
            && a.location.start.line == b.location.start.line
            && a.code == b.code
            && a.message == b.message
    });

    let compared = new_side.files.len().max(old_side.files.len());
    let color = args.format == Format::Human && use_color(args.common.color, Stream::Stdout);
    let report = Report {
        tool: Tool::Breaking {
            against: against.clone(),
        },
        findings,
        failures: Vec::new(),
    };
    write(args.format, &report, color)
        .map_err(|e| Fail::msg(format!("cannot write output: {e}")))?;
    if args.format == Format::Human && !args.common.quiet {
        let categories: Vec<&str> = options.categories.iter().map(|c| c.as_str()).collect();
        eprintln!(
            "{}",
            report::human::breaking_summary(
                &report.findings,
                not_compared,
                &categories.join(", "),
                compared,
                &against,
            )
        );
    }
    verbose.say(|| format!("done in {:.1} ms", verbose.elapsed_ms()));
    Ok(if report.findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The rules to run: `--category`, else the config's (checked when it
/// was read).
fn options(args: &BreakingArgs, config: &Config) -> Result<Options, Fail> {
    let mut options = match &args.category {
        Some(c) => Options::select(Some(c.as_str()), &[], &config.breaking.section.except)
            .map_err(Fail::msg)?,
        None => config.breaking.options.clone(),
    };
    options.dialect = match args.dialect {
        Some(d) => d,
        None => config.dialect.dialect(),
    };
    Ok(options)
}

/// Loads one version's files (`thrift_project::load`); an input that
/// cannot be read fails the run.
fn load(
    tree: &mut dyn Tree,
    inputs: &[(String, PathBuf)],
    base: &Path,
    include_dirs: &[PathBuf],
    dialect: Option<thrift_syntax::Dialect>,
) -> Result<Loaded, Fail> {
    let loaded = thrift_project::load(tree, inputs, base, &mut |_| FileOptions {
        dialect,
        include_dirs: include_dirs.to_vec(),
        targets: None,
    });
    match loaded.errors.first() {
        Some((key, e)) => Err(Fail(Failure::in_file(
            key.as_str(),
            e.to_string(),
            format!("error: {key}: {e}"),
        ))),
        None => Ok(loaded),
    }
}

// ---------------------------------------------------------------------------
// Findings

/// The source of a file of one version: its key and text.
fn source(side: &Loaded, id: FileId) -> Option<Source<'_>> {
    Some(Source {
        path: side.keys.get(id.0 as usize)?,
        text: side.db.text(id)?,
    })
}

/// Both versions' files, resolved for the report.
struct Sides<'f, 'a> {
    old: Resolver<'f, 'a>,
    new: Resolver<'f, 'a>,
}

impl Sides<'_, '_> {
    fn locate(&mut self, l: &thrift_breaking::Location) -> report::Location {
        let mut loc = match l.side {
            Side::Old => self.old.locate(l.file, l.range),
            Side::New => self.new.locate(l.file, l.range),
        };
        loc.in_old = l.side == Side::Old;
        // An empty range at the start of a file is where a deleted file
        // or definition is reported: nothing to underline.
        if l.range == TextRange::default() {
            loc.source = None;
        }
        loc
    }

    /// A finding, or an error that kept the versions from being compared
    /// (`category` `None`, rule [`COMPILE`]).
    fn finding(
        &mut self,
        rule: &'static Rule,
        category: Option<Category>,
        location: &thrift_breaking::Location,
        previous: Option<&thrift_breaking::Location>,
        message: &str,
    ) -> Finding {
        Finding {
            code: rule.id,
            name: rule.id,
            severity: Severity::Error,
            category,
            help_uri: report::breaking_help_uri(rule.id),
            message: message.to_string(),
            location: self.locate(location),
            related: Vec::new(),
            previous: previous.map(|p| {
                let mut loc = self.locate(p);
                loc.in_old = true;
                loc
            }),
        }
    }
}
