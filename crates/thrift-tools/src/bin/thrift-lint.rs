//! `thrift-lint`: checks Thrift IDL files (the same as thrift-cli's binary).

#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    thrift_cli::lint::main()
}
