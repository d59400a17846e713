//! `thrift-lint`: the `syntax` subcommand (more checks come with the
//! semantic model).

use std::{
    io::{self, Write},
    path::PathBuf,
    process::ExitCode,
};

use clap::{CommandFactory, Parser, Subcommand};
use serde_json::{Value, json};
use thrift_syntax::{LineIndex, NodeOrToken, SyntaxNode, debug_tree};

use crate::{
    options::{Common, Stream, Verbose, error_label, use_color},
    output::{line_col_1, read_text},
};

#[derive(Parser, Debug)]
#[command(name = "thrift-lint", version, about = "Checks Thrift IDL files")]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    common: Common,
}

/// `--dialect`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DialectArg {
    /// fbthrift for files with fbthrift syntax (`package`, `@`, …), Apache otherwise.
    Auto,
    Apache,
    Fbthrift,
}

impl DialectArg {
    pub fn dialect(self) -> Option<thrift_syntax::Dialect> {
        match self {
            DialectArg::Auto => None,
            DialectArg::Apache => Some(thrift_syntax::Dialect::Apache),
            DialectArg::Fbthrift => Some(thrift_syntax::Dialect::FbThrift),
        }
    }
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check files for syntax and semantic problems: includes, names, field
    /// ids, values, deprecated syntax.
    ///
    /// Directories are searched recursively for `*.thrift`. Included files
    /// are loaded and resolved, but only the given files are reported.
    /// Exit code: 0 when clean or with warnings only, 1 with errors (or
    /// warnings under --deny-warnings), 2 for usage, config or IO errors.
    Check {
        /// Files or directories to check (default: the current directory);
        /// `-` reads one file from stdin.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Read the file from stdin and check it as if it were PATH: messages
        /// name PATH, and its config and includes are PATH's (includes are
        /// read from disk).
        #[arg(long, value_name = "PATH", visible_alias = "stdin-filename")]
        stdin_filepath: Option<PathBuf>,
        /// Where includes are searched after the including file's directory,
        /// in order (before the config's `include_dirs`).
        #[arg(short = 'I', long = "include-dir", value_name = "DIR")]
        include_dirs: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = crate::report::Format::Human)]
        format: crate::report::Format,
        /// Exit with 1 when there are warnings.
        #[arg(long)]
        deny_warnings: bool,
        /// Use this config file instead of the nearest `thrift-tools.toml`;
        /// or, when it contains `=` and is not a file, a TOML `key = value`
        /// override layered over the config (repeatable).
        #[arg(long, value_name = "FILE|KEY=VALUE")]
        config: Vec<String>,
        /// Read the files as this dialect (default: the config's `dialect`,
        /// else detect it per file).
        #[arg(long, value_enum)]
        dialect: Option<DialectArg>,
        /// Apply the fixes that cannot change meaning (remove unused
        /// includes, add a missing include when exactly one known file
        /// qualifies), write the files that changed, and report what
        /// remains. With `-`, print the fixed text on stdout.
        #[arg(long)]
        fix: bool,
        /// Show the fixes as a unified diff on stdout instead of writing
        /// them (the report goes to stderr); implies --fix.
        #[arg(long)]
        diff: bool,
        /// Fix only these codes or names (comma-separated or repeated),
        /// including the opt-in `missing-field-id` (T1032) and
        /// `implicit-enum-value`; implies --fix.
        #[arg(long, value_name = "CODE", value_delimiter = ',')]
        fix_only: Vec<String>,
        /// Also check that the files work for this target (repeatable or
        /// comma-separated; replaces the config's `[lint] targets`):
        /// thriftpy2, py, go, java, thriftgo. See docs/targets.md.
        #[arg(long = "target", value_name = "NAME", value_delimiter = ',')]
        targets: Vec<String>,
        /// The Apache compiler version the py, go and java targets are
        /// generated with, as `0.17` (default: the config's
        /// `thrift_version`, else the newest release).
        #[arg(long, value_name = "X.Y")]
        thrift_version: Option<String>,
    },
    /// Report breaking changes against an older version of the IDL.
    ///
    /// REF is a git ref (commit, branch or tag; read with git, nothing is
    /// checked out), a directory (the old version of the current
    /// directory), or a file (the old version of the one given file).
    /// Exit code: 0 without breaking changes, 1 with any, 2 for usage,
    /// config, IO or git errors.
    Breaking {
        /// The old version: a git ref, a directory or a file (default: the
        /// config's `[breaking] against`).
        #[arg(long, value_name = "REF", allow_hyphen_values = true)]
        against: Option<String>,
        /// Files or directories to compare (default: the current directory).
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Where includes are searched after the including file's directory,
        /// in order, in both versions.
        #[arg(short = 'I', long = "include-dir", value_name = "DIR")]
        include_dirs: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = crate::report::Format::Human)]
        format: crate::report::Format,
        /// FILE (the default), SOURCE, WIRE_JSON or WIRE.
        #[arg(long, value_name = "CATEGORY")]
        category: Option<String>,
        /// Use this config file instead of the nearest `thrift-tools.toml`;
        /// or, when it contains `=` and is not a file, a TOML `key = value`
        /// override layered over the config (repeatable).
        #[arg(long, value_name = "FILE|KEY=VALUE")]
        config: Vec<String>,
        /// Read the files as this dialect, and judge the dialect-specific
        /// rules by it (default: the config's `dialect`, else per file).
        #[arg(long, value_enum)]
        dialect: Option<DialectArg>,
    },
    /// Parse files and print their syntax trees and syntax errors.
    ///
    /// Exit code: 0 without syntax errors, 1 with any, 2 when a file cannot
    /// be read or is not UTF-8.
    Syntax {
        /// Print one JSON object per file (one per line) instead of text.
        #[arg(long)]
        json: bool,
        /// Read the files as this dialect (default: detect it per file).
        #[arg(long, value_enum, default_value_t = DialectArg::Auto)]
        dialect: DialectArg,
        /// The files to parse.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Print a shell completion script for thrift-lint to stdout.
    ///
    /// For example `thrift-lint completions bash > ~/.local/share/bash-completion/completions/thrift-lint`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
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
    let common = cli.common;
    match cli.command {
        Command::Completions { shell } => {
            crate::options::print_completions(shell, &mut Cli::command());
            ExitCode::SUCCESS
        }
        Command::Syntax {
            json,
            dialect,
            files,
        } => syntax(&files, json, dialect.dialect(), &common),
        Command::Breaking {
            against,
            paths,
            include_dirs,
            format,
            category,
            config,
            dialect,
        } => crate::breaking::run(crate::breaking::BreakingArgs {
            against,
            paths,
            include_dirs,
            format,
            category,
            config,
            dialect: dialect.map(DialectArg::dialect),
            common,
        }),
        Command::Check {
            paths,
            stdin_filepath,
            include_dirs,
            format,
            deny_warnings,
            config,
            dialect,
            fix,
            diff,
            fix_only,
            targets,
            thrift_version,
        } => crate::check::run(crate::check::CheckArgs {
            paths,
            stdin_filepath,
            include_dirs,
            format,
            deny_warnings,
            config,
            dialect: dialect.map(DialectArg::dialect),
            fix: crate::fix::FixArgs {
                fix,
                diff,
                only: fix_only,
            },
            targets: crate::targets::TargetArgs {
                targets,
                thrift_version,
            },
            common,
        }),
    }
}

fn syntax(
    files: &[PathBuf],
    json: bool,
    dialect: Option<thrift_syntax::Dialect>,
    common: &Common,
) -> ExitCode {
    let verbose = Verbose::new(common.verbose);
    let color = use_color(common.color, Stream::Stderr);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut code = 0u8;
    for path in files {
        let shown = path.display().to_string();
        let text = match read_text(path) {
            Ok(text) => text,
            Err(e) => {
                let _ = out.flush();
                eprintln!("{shown}: {}: {e}", error_label(color));
                code = 2;
                continue;
            }
        };
        let started = verbose.elapsed_ms();
        let parse = thrift_syntax::parse_with(&text, dialect, None);
        verbose.say(|| {
            format!(
                "{shown}: parsed as {} in {:.1} ms ({} bytes, {} syntax errors)",
                parse.dialect().as_str(),
                verbose.elapsed_ms() - started,
                text.len(),
                parse.errors().len()
            )
        });
        let index = LineIndex::new(&text);
        // `-q`: no trees, only the syntax errors (with --json, only the
        // objects of files that have any).
        let result = if common.quiet && (!json || parse.errors().is_empty()) {
            Ok(())
        } else if json {
            let errors: Vec<Value> = parse
                .errors()
                .iter()
                .map(|e| {
                    let (line, column) = line_col_1(&index, &text, e.range.start());
                    json!({
                        "message": e.message,
                        "start": u32::from(e.range.start()),
                        "end": u32::from(e.range.end()),
                        "line": line,
                        "column": column,
                    })
                })
                .collect();
            let mut line = String::with_capacity(text.len() * 16);
            line.push_str("{\"file\":");
            line.push_str(&Value::from(shown.as_str()).to_string());
            line.push_str(",\"dialect\":");
            line.push_str(&Value::from(parse.dialect().as_str()).to_string());
            line.push_str(",\"tree\":");
            write_tree_json(&parse.syntax_node(), &mut line);
            line.push_str(",\"errors\":");
            line.push_str(&Value::Array(errors).to_string());
            line.push_str("}\n");
            out.write_all(line.as_bytes())
        } else {
            let mut s = String::new();
            s.push_str(&format!(
                "// {shown} (dialect: {})\n",
                parse.dialect().as_str()
            ));
            s.push_str(&debug_tree(&parse.syntax_node()));
            out.write_all(s.as_bytes())
        };
        if let Err(e) = result {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return ExitCode::from(code);
            }
            eprintln!("error: cannot write output: {e}");
            return ExitCode::from(2);
        }
        if !json {
            let _ = out.flush();
            let stderr = io::stderr();
            let mut err = stderr.lock();
            for e in parse.errors() {
                let (line, col) = line_col_1(&index, &text, e.range.start());
                let _ = writeln!(
                    err,
                    "{shown}:{line}:{col}: {}: {}",
                    error_label(color),
                    e.message
                );
            }
        }
        if !parse.errors().is_empty() && code == 0 {
            code = 1;
        }
    }
    let _ = out.flush();
    verbose.say(|| {
        format!(
            "{} files parsed in {:.1} ms",
            files.len(),
            verbose.elapsed_ms()
        )
    });
    ExitCode::from(code)
}

/// Writes `{"kind", "start", "end", "children"}` for nodes and `"text"`
/// in place of `"children"` for tokens, straight into `out` (no JSON value
/// in between, and no recursion, so deep trees cannot overflow the stack).
fn write_tree_json(root: &SyntaxNode, out: &mut String) {
    use std::fmt::Write as _;
    // Whether the next element in the current `children` list is the first.
    let mut first = vec![true];
    for event in root.preorder_with_tokens() {
        match event {
            thrift_syntax::WalkEvent::Enter(element) => {
                let is_first = first.last_mut().expect("balanced walk");
                if !*is_first {
                    out.push(',');
                }
                *is_first = false;
                let range = element.text_range();
                let _ = write!(
                    out,
                    "{{\"kind\":\"{:?}\",\"start\":{},\"end\":{},",
                    element.kind(),
                    u32::from(range.start()),
                    u32::from(range.end())
                );
                match element {
                    NodeOrToken::Node(_) => {
                        out.push_str("\"children\":[");
                        first.push(true);
                    }
                    NodeOrToken::Token(token) => {
                        out.push_str("\"text\":");
                        out.push_str(&Value::from(token.text()).to_string());
                        out.push('}');
                    }
                }
            }
            thrift_syntax::WalkEvent::Leave(NodeOrToken::Node(_)) => {
                first.pop();
                out.push_str("]}");
            }
            thrift_syntax::WalkEvent::Leave(NodeOrToken::Token(_)) => {}
        }
    }
}
