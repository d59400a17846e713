//! `thrift-fmt`: formats Thrift IDL files (the same as thrift-cli's binary).

fn main() -> std::process::ExitCode {
    thrift_cli::fmt::main()
}
