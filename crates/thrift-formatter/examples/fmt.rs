fn main() {
    let path = std::env::args().nth(1).expect("path");
    let text = std::fs::read_to_string(path).unwrap();
    match thrift_formatter::format(&text, &Default::default(), true) {
        Ok(out) => print!("{out}"),
        Err(e) => eprintln!("{e}"),
    }
}
