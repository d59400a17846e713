//! Deep nesting gives an error, not a stack overflow; huge and binary
//! inputs end with errors, not a crash.

use thrift_syntax::parse;

fn assert_lossless_with_error(text: &str, needle: &str) {
    let p = parse(text);
    assert_eq!(p.syntax_node().to_string(), text);
    assert!(
        p.errors().iter().any(|e| e.message.contains(needle)),
        "no error containing {needle:?}; errors: {:?}",
        p.errors().iter().take(3).collect::<Vec<_>>()
    );
}

#[test]
fn deeply_nested_container_types() {
    let n = 100_000;
    let text = format!(
        "typedef {}i32{} T\nstruct After {{}}\n",
        "list<".repeat(n),
        ">".repeat(n)
    );
    assert_lossless_with_error(&text, "nesting is too deep");
    // The definition after the deep one is intact.
    let p = parse(&text);
    assert!(p.syntax_node().to_string().ends_with("struct After {}\n"));
    let names: Vec<String> = p
        .tree()
        .definitions()
        .filter_map(|d| thrift_syntax::ast::HasName::name(&d))
        .map(|n| n.text())
        .collect();
    assert_eq!(names, ["T", "After"]);
}

#[test]
fn deeply_nested_const_lists_and_maps() {
    let n = 100_000;
    assert_lossless_with_error(
        &format!("const list<i32> X = {}{}\n", "[".repeat(n), "]".repeat(n)),
        "nesting is too deep",
    );
    assert_lossless_with_error(
        &format!("const map<i32,i32> X = {}\n", "{1:".repeat(n)),
        "nesting is too deep",
    );
    // Unclosed, at the end of the file.
    assert_lossless_with_error(
        &format!("const list<i32> X = {}", "[".repeat(n)),
        "nesting is too deep",
    );
    assert_lossless_with_error(
        &format!("typedef {}", "map<i32, ".repeat(n)),
        "nesting is too deep",
    );
}

#[test]
fn deeply_nested_xsd_attrs() {
    let n = 20_000;
    let text = format!("struct S {{ {} }}", "1: i32 a xsd_attrs { ".repeat(n));
    assert_lossless_with_error(&text, "nesting is too deep");
}

#[test]
fn nesting_below_the_limit_is_fine() {
    let n = 100;
    let text = format!("typedef {}i32{} T\n", "list<".repeat(n), ">".repeat(n));
    let p = parse(&text);
    assert!(p.errors().is_empty(), "{:?}", p.errors());
}

#[test]
fn binary_input() {
    // Deterministic pseudo-random bytes, made valid UTF-8 lossily.
    let mut x: u32 = 12345;
    let bytes: Vec<u8> = (0..200_000)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (x >> 16) as u8
        })
        .collect();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let p = parse(&text);
    assert_eq!(p.syntax_node().to_string(), text);
    assert!(!p.errors().is_empty());
}

#[test]
fn huge_repetitive_input() {
    let text = "struct S { 1: i32 a }\n".repeat(50_000) + &"}".repeat(50_000);
    let p = parse(&text);
    assert_eq!(p.syntax_node().to_string(), text);
    // One run of junk, one error.
    assert_eq!(
        p.errors().len(),
        1,
        "{:?}",
        &p.errors()[..p.errors().len().min(3)]
    );
}
