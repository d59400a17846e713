//! `thrift-lint`: checks Thrift IDL files.

/// glibc's malloc leaves the arenas of the threads that parse and check
/// fragmented by the freed trees, and spends a fifth of a large check's
/// time; mimalloc does neither (docs/performance.md, "thrift-lint check on
/// the 5,000-file workspace").
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    thrift_cli::lint::main()
}
