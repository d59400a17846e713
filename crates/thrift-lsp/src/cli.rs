//! The `thrift-ls` command line: arguments, then the server over stdio.
//! Its binaries (`thrift-ls` here and in the `thrift-tools` crate) call
//! [`main`].

use std::process::ExitCode;

const HELP: &str = "\
thrift-ls: the language server for Thrift IDL (Apache Thrift and fbthrift)

Usage: thrift-ls [--stdio]

It speaks the Language Server Protocol over stdin and stdout; editors start
it for you (see docs/editors.md). Logs go to stderr and to the editor's log,
never to stdout. Configuration comes from `thrift-tools.toml` files and from
the client's initializationOptions (`includeDirs`, `dialect`, `inlayHints`,
`targets`, `thriftVersion`).

Options:
  --stdio               talk over stdin and stdout (the default)
  --completions SHELL   print a completion script for bash, zsh, fish,
                        elvish or powershell, and exit
  --version             print the version
  --help                print this help
";

/// The arguments, for the completion scripts (they are read by hand
/// below: there are four).
fn command() -> clap::Command {
    use clap::{Arg, ArgAction};
    clap::Command::new("thrift-ls")
        .about("The language server for Thrift IDL (Apache Thrift and fbthrift)")
        .version(env!("CARGO_PKG_VERSION"))
        .arg(
            Arg::new("stdio")
                .long("stdio")
                .action(ArgAction::SetTrue)
                .help("Talk over stdin and stdout (the default)"),
        )
        .arg(
            Arg::new("completions")
                .long("completions")
                .value_name("SHELL")
                .value_parser(clap::value_parser!(clap_complete::Shell))
                .help("Print a completion script for SHELL, and exit"),
        )
}

/// Runs `thrift-ls` with the process's arguments.
#[tokio::main]
pub async fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--stdio" => {}
            "--completions" => {
                let shell = args.next().unwrap_or_default();
                let Ok(shell) = shell.parse::<clap_complete::Shell>() else {
                    eprintln!(
                        "thrift-ls: --completions takes bash, zsh, fish, elvish or powershell, not `{shell}`"
                    );
                    return ExitCode::from(2);
                };
                if let Some(other) = args.next() {
                    eprintln!("thrift-ls: --completions takes no other argument (`{other}`)");
                    return ExitCode::from(2);
                }
                clap_complete::generate(shell, &mut command(), "thrift-ls", &mut std::io::stdout());
                return ExitCode::SUCCESS;
            }
            "--version" | "-V" => {
                println!("thrift-ls {}", env!("CARGO_PKG_VERSION"));
                return ExitCode::SUCCESS;
            }
            "--help" | "-h" => {
                print!("{HELP}");
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("thrift-ls: unknown argument `{other}`\n\n{HELP}");
                return ExitCode::from(2);
            }
        }
    }
    // Our transport in front of tower-lsp-server's: it skips malformed
    // frames instead of stopping. Then exit at once: a blocking task still
    // running must not keep the process alive.
    let code = crate::transport::serve(tokio::io::stdin(), tokio::io::stdout()).await;
    std::process::exit(code)
}
