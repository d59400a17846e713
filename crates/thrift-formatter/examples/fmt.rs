fn main() {
    let path = std::env::args().nth(1).expect("path");
    let text = std::fs::read_to_string(path).unwrap();
    let opts = thrift_formatter::FormatOptions {
        align_fields: std::env::var("ALIGN").is_ok(),
        align_comments: std::env::var("ALIGN").is_ok(),
        ..Default::default()
    };
    match thrift_formatter::format(&text, &opts, true) {
        Ok(out) => print!("{out}"),
        Err(e) => eprintln!("{e}"),
    }
}
