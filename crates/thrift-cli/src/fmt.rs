//! `thrift-fmt`: formats files in place, checks them (`--check`), shows
//! diffs (`--diff`), or formats stdin to stdout.

use std::{
    io::{self, Read, Write},
    path::{Path, PathBuf},
    process::ExitCode,
};

use clap::{CommandFactory, Parser};
use thrift_formatter::FormatOptions;
use thrift_project::Configs;
use thrift_syntax::{LineIndex, SyntaxElement};

use crate::{
    options::{Common, Stream, Verbose, describe_config, error_label, use_color},
    output::{line_col_1, read_text},
};

#[derive(Parser, Debug)]
#[command(
    name = "thrift-fmt",
    version,
    about = "Formats Thrift IDL files",
    long_about = "Formats Thrift IDL files in place (only those that change). \
Directories are searched recursively for `*.thrift`, respecting `.gitignore` and the \
config's `exclude`. Options come from `[format]` in the nearest `thrift-tools.toml`.\n\n\
Exit code: 0 when done (or, with --check, when nothing would change); 1 with --check when \
a file would change; 2 for syntax errors (unless --force), IO, config or usage errors."
)]
struct Cli {
    /// Files or directories (default: the current directory); `-` reads stdin.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Change nothing; list the files that would change and exit 1 if any.
    #[arg(long)]
    check: bool,
    /// Change nothing; print a unified diff for each file that would change
    /// (exit 1 if any, like --check).
    #[arg(long)]
    diff: bool,
    /// Format files with syntax errors too, keeping the broken definitions
    /// as they are.
    #[arg(long)]
    force: bool,
    /// Read stdin, write stdout; PATH picks the config and names the file
    /// in messages.
    #[arg(long, value_name = "PATH", visible_alias = "stdin-filename")]
    stdin_filepath: Option<PathBuf>,
    /// Use this config file instead of the nearest `thrift-tools.toml`;
    /// or, when it contains `=` and is not a file, a TOML `key = value`
    /// override layered over the config (repeatable).
    #[arg(long, value_name = "FILE|KEY=VALUE")]
    config: Vec<String>,
    /// Read files as this dialect (default: the config's `dialect`, else
    /// detect it per file).
    #[arg(long, value_enum)]
    dialect: Option<crate::lint::DialectArg>,
    /// Print the formatter's document IR instead of formatting (debugging).
    #[arg(long, hide = true)]
    print_ir: bool,
    /// Print each comment with where it is attached (debugging).
    #[arg(long, hide = true)]
    print_comments: bool,
    /// Print a shell completion script for thrift-fmt to stdout, and exit.
    #[arg(long, value_enum, value_name = "SHELL", exclusive = true)]
    completions: Option<clap_complete::Shell>,
    #[command(flatten)]
    common: Common,
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    if let Some(shell) = cli.completions {
        crate::options::print_completions(shell, &mut Cli::command());
        return ExitCode::SUCCESS;
    }
    let verbose = Verbose::new(cli.common.verbose);
    // One set of configs for the run: each directory and config file is
    // read once, however many files share them.
    let mut configs = match Configs::from_args(&cli.config) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let stdin_mode = cli.stdin_filepath.is_some() || cli.paths.iter().any(|p| p.as_os_str() == "-");
    if stdin_mode {
        if cli.paths.iter().any(|p| p.as_os_str() != "-") {
            eprintln!("error: `-` or --stdin-filepath formats stdin; do not pass other paths");
            return ExitCode::from(2);
        }
        return format_stdin(&cli, &mut configs);
    }

    // The project walk: named files always, `*.thrift` under directories.
    let walked = crate::options::walk(&cli.paths, &mut configs, &verbose, "format");
    let mut code = 0u8;
    // `-q`: the findings and the errors only.
    if !cli.common.quiet {
        for warning in &walked.warnings {
            eprintln!("{warning}");
        }
    }
    for error in &walked.errors {
        eprintln!("{error}");
        code = 2;
    }
    let files = walked.files;

    // Options per file, resolved here from the cache; then format on all
    // cores and report in the order of the files.
    let jobs: Vec<(&Path, Result<FormatOptions, String>)> = files
        .iter()
        .map(|path| {
            let options = options_for(path, &mut configs);
            if verbose.on()
                && let Ok(config) = configs.for_file(path)
            {
                verbose.say(|| {
                    format!(
                        "{}: config {}",
                        display(path),
                        describe_config(&config, configs.overrides())
                    )
                });
            }
            (path.as_path(), options)
        })
        .collect();
    let paint = Paint {
        stdout: use_color(cli.common.color, Stream::Stdout),
        stderr: use_color(cli.common.color, Stream::Stderr),
    };
    let format_started = verbose.elapsed_ms();
    let results = run_parallel(&jobs, |(path, options)| {
        format_file(path, options, &cli, paint)
    });
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut changed = 0usize;
    for result in results {
        let _ = out.write_all(result.stdout.as_bytes());
        if !result.stderr.is_empty() {
            let _ = out.flush();
            eprint!("{}", result.stderr);
        }
        code = code.max(result.code);
        changed += usize::from(result.changed);
    }
    let _ = out.flush();
    verbose.say(|| {
        let done = if cli.check || cli.diff {
            "would change"
        } else {
            "changed"
        };
        format!(
            "formatted {} files in {:.1} ms: {changed} {done}",
            jobs.len(),
            verbose.elapsed_ms() - format_started
        )
    });
    if (cli.check || cli.diff) && changed > 0 {
        if !cli.common.quiet {
            let files_word = if changed == 1 { "file" } else { "files" };
            eprintln!("{changed} {files_word} would be reformatted");
        }
        code = code.max(1);
    }
    verbose.say(|| format!("done in {:.1} ms", verbose.elapsed_ms()));
    ExitCode::from(code)
}

/// Colour for stdout (diffs) and stderr (`error` labels).
#[derive(Debug, Clone, Copy, Default)]
struct Paint {
    stdout: bool,
    stderr: bool,
}

struct FileResult {
    stdout: String,
    stderr: String,
    code: u8,
    changed: bool,
}

fn display(path: &Path) -> String {
    let s = path.display().to_string();
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// `[format]` of the explicit config, or of the nearest one above `path`.
fn options_for(path: &Path, configs: &mut Configs) -> Result<FormatOptions, String> {
    configs
        .for_file(path)
        .map(|c| c.format.clone())
        .map_err(|e| e.to_string())
}

/// `--dialect` over the config's.
fn with_dialect(mut options: FormatOptions, cli: &Cli) -> FormatOptions {
    if let Some(d) = cli.dialect {
        options.dialect = d.dialect();
    }
    options
}

fn format_file(
    path: &Path,
    options: &Result<FormatOptions, String>,
    cli: &Cli,
    paint: Paint,
) -> FileResult {
    let shown = display(path);
    let mut result = FileResult {
        stdout: String::new(),
        stderr: String::new(),
        code: 0,
        changed: false,
    };
    let options = match options {
        Ok(o) => with_dialect(o.clone(), cli),
        Err(e) => {
            result.stderr = format!("{}: {e}\n", error_label(paint.stderr));
            result.code = 2;
            return result;
        }
    };
    let text = match read_text(path) {
        Ok(t) => t,
        Err(e) => {
            result.stderr = format!("{shown}: {}: {e}\n", error_label(paint.stderr));
            result.code = 2;
            return result;
        }
    };
    if cli.print_ir || cli.print_comments {
        result.stdout = debug_views(&text, &options, cli);
        return result;
    }
    let formatted = match format_text(&shown, &text, &options, cli.force, paint.stderr) {
        Ok(f) => f,
        Err(errors) => {
            result.stderr = errors;
            result.code = 2;
            return result;
        }
    };
    if formatted == text {
        return result;
    }
    result.changed = true;
    if cli.diff {
        result.stdout = color_diff(unified_diff(&shown, &text, &formatted), paint.stdout);
    } else if cli.check {
        result.stdout = format!("Would reformat: {shown}\n");
    } else if let Err(e) = write_in_place(path, &formatted) {
        result.stderr = format!(
            "{shown}: {}: cannot write: {e}\n",
            error_label(paint.stderr)
        );
        result.code = 2;
    }
    result
}

/// Replaces the contents of `path` with `text`: it writes over the old
/// contents, then cuts the file to the new length. Not `std::fs::write`,
/// which truncates the file to zero first: on ext4 (the default
/// `auto_da_alloc`), closing a file that was truncated to zero and written
/// starts its writeback at once, which made writing the formatted files
/// take as long as formatting them. Neither way is atomic.
fn write_in_place(path: &Path, text: &str) -> io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)?;
    file.write_all(text.as_bytes())?;
    file.set_len(text.len() as u64)
}

/// Formats, or returns the syntax errors as `file:line:col: error: ...`.
fn format_text(
    shown: &str,
    text: &str,
    options: &FormatOptions,
    force: bool,
    color: bool,
) -> Result<String, String> {
    match thrift_formatter::format(text, options, force) {
        Ok(f) => Ok(f),
        Err(thrift_formatter::FormatError::Syntax(errors)) => {
            let index = LineIndex::new(text);
            let mut out = String::new();
            for e in &errors {
                let (line, col) = line_col_1(&index, text, e.range.start());
                out.push_str(&format!(
                    "{shown}:{line}:{col}: {}: {}\n",
                    error_label(color),
                    e.message
                ));
            }
            out.push_str(&format!(
                "{shown}: not formatted because of syntax errors (use --force to format the rest)\n"
            ));
            Err(out)
        }
    }
}

fn format_stdin(cli: &Cli, configs: &mut Configs) -> ExitCode {
    let verbose = Verbose::new(cli.common.verbose);
    let paint = Paint {
        stdout: use_color(cli.common.color, Stream::Stdout),
        stderr: use_color(cli.common.color, Stream::Stderr),
    };
    let mut bytes = Vec::new();
    if let Err(e) = io::stdin().read_to_end(&mut bytes) {
        eprintln!("error: cannot read stdin: {e}");
        return ExitCode::from(2);
    }
    let shown = cli
        .stdin_filepath
        .as_deref()
        .map_or("<stdin>".to_string(), display);
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            eprintln!(
                "{shown}: {}: not valid UTF-8 (invalid byte at offset {offset}); Thrift files must be UTF-8 text",
                error_label(paint.stderr)
            );
            // Echo the input unchanged, so an editor piping through loses nothing.
            if !cli.check && !cli.diff {
                let _ = io::stdout().write_all(e.as_bytes());
            }
            return ExitCode::from(2);
        }
    };
    let config = match cli.stdin_filepath.as_deref() {
        Some(path) => match configs.for_file(path) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("{}: {e}", error_label(paint.stderr));
                return ExitCode::from(2);
            }
        },
        // No name: the `--config` file, else the defaults (with the
        // `--config KEY=VALUE` overrides either way).
        None => configs.fallback(),
    };
    verbose.say(|| {
        format!(
            "{shown}: config {}",
            describe_config(&config, configs.overrides())
        )
    });
    let options = with_dialect(config.format.clone(), cli);
    if cli.print_ir || cli.print_comments {
        print!("{}", debug_views(&text, &options, cli));
        return ExitCode::SUCCESS;
    }
    let result = format_text(&shown, &text, &options, cli.force, paint.stderr);
    verbose.say(|| format!("formatted in {:.1} ms", verbose.elapsed_ms()));
    match result {
        Ok(formatted) => {
            if cli.diff {
                print!(
                    "{}",
                    color_diff(unified_diff(&shown, &text, &formatted), paint.stdout)
                );
                return ExitCode::from(u8::from(formatted != text));
            }
            if cli.check {
                if formatted != text {
                    println!("Would reformat: {shown}");
                    return ExitCode::from(1);
                }
                return ExitCode::SUCCESS;
            }
            let mut out = io::stdout().lock();
            if out
                .write_all(formatted.as_bytes())
                .and_then(|()| out.flush())
                .is_err()
            {
                return ExitCode::from(2);
            }
            ExitCode::SUCCESS
        }
        Err(errors) => {
            eprint!("{errors}");
            // Without --force, stdout still gets the input back unchanged,
            // so an editor piping through thrift-fmt loses nothing.
            if !cli.check && !cli.diff {
                print!("{text}");
            }
            ExitCode::from(2)
        }
    }
}

/// A unified diff with file headers and 3 lines of context.
pub fn unified_diff(name: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

/// A unified diff in colour: headers bold, removed lines red, added lines
/// green, hunk headers cyan.
fn color_diff(diff: String, color: bool) -> String {
    if !color {
        return diff;
    }
    let mut out = String::with_capacity(diff.len() + diff.len() / 4);
    for line in diff.split_inclusive('\n') {
        let (body, newline) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        let style = if body.starts_with("---") || body.starts_with("+++") {
            "\x1b[1m"
        } else if body.starts_with("@@") {
            "\x1b[36m"
        } else if body.starts_with('-') {
            "\x1b[31m"
        } else if body.starts_with('+') {
            "\x1b[32m"
        } else {
            ""
        };
        if style.is_empty() {
            out.push_str(line);
        } else {
            out.push_str(style);
            out.push_str(body);
            out.push_str("\x1b[0m");
            out.push_str(newline);
        }
    }
    out
}

/// `--print-ir` and `--print-comments`.
fn debug_views(text: &str, options: &FormatOptions, cli: &Cli) -> String {
    let mut out = String::new();
    if cli.print_ir {
        out.push_str(&format!(
            "{:#?}\n",
            thrift_formatter::format_to_doc(text, options)
        ));
    }
    if cli.print_comments {
        let parse = thrift_syntax::parse(text);
        let index = LineIndex::new(text);
        for token in parse
            .syntax_node()
            .descendants_with_tokens()
            .filter_map(SyntaxElement::into_token)
        {
            if !token.kind().is_comment() {
                continue;
            }
            let parent = token.parent().expect("tokens have parents");
            let before = parent
                .children_with_tokens()
                .take_while(|e| e.as_token() != Some(&token))
                .any(|e| !e.kind().is_trivia());
            let after = parent
                .children_with_tokens()
                .skip_while(|e| e.as_token() != Some(&token))
                .skip(1)
                .any(|e| !e.kind().is_trivia());
            let placement = match (before, after) {
                (false, true) => "leading",
                (true, false) => "trailing",
                _ => "dangling",
            };
            let (line, col) = line_col_1(&index, text, token.text_range().start());
            let first_line = token.text().lines().next().unwrap_or("");
            out.push_str(&format!(
                "{line}:{col} {placement} {:?}: {first_line}\n",
                parent.kind()
            ));
        }
    }
    out
}

/// Runs `f` over `items` on all cores, keeping the order.
fn run_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads <= 1 || items.len() < 8 {
        return items.iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a formatter thread panicked"))
            .collect()
    })
}
