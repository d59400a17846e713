//! The options every tool shares: `--color`, `-q`/`--quiet`,
//! `-v`/`--verbose`, shell completions, and reading a file from stdin.

use std::{
    io::{self, IsTerminal, Read},
    path::Path,
    time::Instant,
};

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless `NO_COLOR` is set (`FORCE_COLOR` or
    /// `CLICOLOR_FORCE` turn it on elsewhere).
    #[default]
    Auto,
    Always,
    Never,
}

/// The stream that colour is decided for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// Whether to colour what is written to `stream`: the one place every
/// tool decides it. `--color always|never` wins; under `auto`, a
/// non-empty `NO_COLOR` turns colour off, then a `FORCE_COLOR` or
/// `CLICOLOR_FORCE` other than empty or `0` turns it on, and otherwise
/// only a terminal gets colour.
pub fn use_color(choice: ColorChoice, stream: Stream) -> bool {
    decide_color(
        choice,
        |name| std::env::var_os(name).map(|v| v.to_string_lossy().into_owned()),
        || match stream {
            Stream::Stdout => io::stdout().is_terminal(),
            Stream::Stderr => io::stderr().is_terminal(),
        },
    )
}

/// [`use_color`] with the environment and the terminal test given.
fn decide_color(
    choice: ColorChoice,
    env: impl Fn(&str) -> Option<String>,
    is_terminal: impl FnOnce() -> bool,
) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let set = |name: &str| env(name).is_some_and(|v| !v.is_empty());
            if set("NO_COLOR") {
                return false;
            }
            let forced =
                |name: &str| env(name).is_some_and(|v| !v.is_empty() && v != "0" && v != "false");
            forced("FORCE_COLOR") || forced("CLICOLOR_FORCE") || is_terminal()
        }
    }
}

/// `error` in bold red, when `color`.
pub fn error_label(color: bool) -> &'static str {
    if color {
        "\x1b[1;31merror\x1b[0m"
    } else {
        "error"
    }
}

/// The options of every subcommand of `thrift-lint` and of `thrift-fmt`.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct Common {
    /// When to use colour: auto (on a terminal, unless NO_COLOR is set;
    /// FORCE_COLOR or CLICOLOR_FORCE force it), always or never.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    /// Print only the findings: no summary, no warnings or notes (errors
    /// are still printed).
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also print, on stderr, the config each file used, how many files
    /// were walked and skipped, and timings.
    #[arg(short, long, global = true)]
    pub verbose: bool,
}

/// `-v` output: lines on stderr, with the time since the run started.
#[derive(Debug, Clone, Copy)]
pub struct Verbose {
    on: bool,
    start: Instant,
}

impl Verbose {
    pub fn new(on: bool) -> Verbose {
        Verbose {
            on,
            start: Instant::now(),
        }
    }

    pub fn on(&self) -> bool {
        self.on
    }

    /// Prints `verbose: {message}` when on (the message is only built
    /// then).
    pub fn say(&self, message: impl FnOnce() -> String) {
        if self.on {
            eprintln!("verbose: {}", message());
        }
    }

    /// Milliseconds since the run started, for timings.
    pub fn elapsed_ms(&self) -> f64 {
        self.start.elapsed().as_secs_f64() * 1000.0
    }
}

/// Which config a file uses, as `-v` says it; `overrides`: how many
/// `--config KEY=VALUE` apply over it.
/// The project walk over the command line's paths (`.` when none), with
/// the `-v` line that says what it found; `what` is what the files are for
/// ("check", "format").
pub fn walk(
    given: &[std::path::PathBuf],
    configs: &mut thrift_project::Configs,
    verbose: &Verbose,
    what: &str,
) -> thrift_project::Walked {
    let paths = if given.is_empty() {
        vec![std::path::PathBuf::from(".")]
    } else {
        given.to_vec()
    };
    let options = thrift_project::WalkOptions { warn_empty: true };
    let walked = thrift_project::walk(&paths, configs, options);
    verbose.say(|| {
        format!(
            "walked {} paths in {:.1} ms: {} files to {what}, {} entries skipped by `skip` or `exclude`",
            paths.len(),
            verbose.elapsed_ms(),
            walked.files.len(),
            walked.skipped
        )
    });
    walked
}

pub fn describe_config(config: &thrift_config::Config, overrides: usize) -> String {
    let base = match &config.path {
        Some(path) => path.display().to_string(),
        None => "no config file (the defaults)".to_string(),
    };
    match overrides {
        0 => base,
        1 => format!("{base}, with 1 --config override"),
        n => format!("{base}, with {n} --config overrides"),
    }
}

/// Writes the completion script of `command` for `shell` to stdout.
pub fn print_completions(shell: clap_complete::Shell, command: &mut clap::Command) {
    let name = command.get_name().to_string();
    clap_complete::generate(shell, command, name, &mut io::stdout());
}

/// A file read from stdin (`-`, or `--stdin-filepath`).
pub struct StdinFile {
    /// The name messages use: the `--stdin-filepath` as given, else
    /// `<stdin>`.
    pub shown: String,
    pub text: String,
}

/// Reads stdin as UTF-8 text; the error is a message for `shown`.
pub fn read_stdin(filepath: Option<&Path>) -> Result<StdinFile, String> {
    let shown = filepath.map_or("<stdin>".to_string(), thrift_project::display);
    let mut bytes = Vec::new();
    if let Err(e) = io::stdin().read_to_end(&mut bytes) {
        return Err(format!("error: cannot read stdin: {e}"));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(StdinFile { shown, text }),
        Err(e) => Err(format!(
            "{shown}: error: not valid UTF-8 (invalid byte at offset {}); Thrift files must be UTF-8 text",
            e.utf8_error().valid_up_to()
        )),
    }
}

/// The files on disk, except one path whose text came from stdin: `-`
/// is checked as if it were that file, and includes are read from disk.
pub struct StdinTree {
    pub path: std::path::PathBuf,
    pub text: String,
}

impl thrift_project::Tree for StdinTree {
    fn is_file(&self, path: &Path) -> bool {
        path == self.path || thrift_project::FsTree.is_file(path)
    }

    fn read(&mut self, path: &Path) -> Result<String, thrift_project::Error> {
        if path == self.path {
            Ok(self.text.clone())
        } else {
            thrift_project::FsTree.read(path)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn color_precedence() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                vars.iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        let auto = ColorChoice::Auto;
        // The flag wins over everything.
        assert!(decide_color(
            ColorChoice::Always,
            env(&[("NO_COLOR", "1")]),
            || false
        ));
        assert!(!decide_color(
            ColorChoice::Never,
            env(&[("FORCE_COLOR", "1")]),
            || true
        ));
        // auto: NO_COLOR, then FORCE_COLOR / CLICOLOR_FORCE, then the terminal.
        assert!(!decide_color(auto, env(&[("NO_COLOR", "1")]), || true));
        assert!(!decide_color(
            auto,
            env(&[("NO_COLOR", "1"), ("FORCE_COLOR", "1")]),
            || true
        ));
        assert!(decide_color(auto, env(&[("NO_COLOR", "")]), || true));
        assert!(decide_color(auto, env(&[("FORCE_COLOR", "1")]), || false));
        assert!(decide_color(auto, env(&[("CLICOLOR_FORCE", "1")]), || {
            false
        }));
        assert!(!decide_color(auto, env(&[("FORCE_COLOR", "0")]), || false));
        assert!(decide_color(auto, env(&[]), || true));
        assert!(!decide_color(auto, env(&[]), || false));
    }
}
