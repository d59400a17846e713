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
the client's initializationOptions (`includeDirs`, `dialect`, `inlayHints`).

Options:
  --stdio     talk over stdin and stdout (the default)
  --version   print the version
  --help      print this help
";

/// Runs `thrift-ls` with the process's arguments.
#[tokio::main]
pub async fn main() -> ExitCode {
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--stdio" => {}
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
