//! `thrift-ls`: the Thrift language server, over stdio.

/// glibc's malloc gives every thread that parses or checks an arena of its
/// own and keeps the freed trees there: a 20 MB document peaked at 1.4 GB.
/// mimalloc returns freed pages (docs/performance.md, "A 20 MB document").
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    thrift_lsp::cli::main()
}
