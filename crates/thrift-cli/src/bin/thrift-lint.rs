//! `thrift-lint`: checks Thrift IDL files.

fn main() -> std::process::ExitCode {
    thrift_cli::lint::main()
}
