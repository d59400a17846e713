//! `thrift-fmt`: formats Thrift IDL files.

fn main() -> std::process::ExitCode {
    thrift_cli::fmt::main()
}
