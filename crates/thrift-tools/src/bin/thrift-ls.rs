//! `thrift-ls`: the Thrift language server (the same as thrift-lsp's binary).

#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    thrift_lsp::cli::main()
}
