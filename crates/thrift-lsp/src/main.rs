//! `thrift-ls`: the Thrift language server, over stdio.

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
  --stdio     talk over stdin and stdout (the default)
  --version   print the version
  --help      print this help
";

/// glibc's malloc gives every thread that parses or checks an arena of its
/// own and keeps the freed trees there: a 20 MB document peaked at 1.4 GB.
/// mimalloc returns freed pages (docs/performance.md, "A 20 MB document").
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
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
    let code = thrift_lsp::transport::serve(tokio::io::stdin(), tokio::io::stdout()).await;
    std::process::exit(code)
}
