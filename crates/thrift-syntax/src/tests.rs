//! Data-driven parser tests: `test_data/parser/{ok,err}/*.thrift` with
//! their expected trees in `*.rast` (update with `UPDATE_EXPECT=1`).

use std::{
    fs,
    path::{Path, PathBuf},
};

use expect_test::expect_file;

use crate::{Dialect, parse_with};

fn test_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data")
}

fn thrift_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "thrift"))
        .collect();
    files.sort();
    files
}

fn run_dir(dir: &str, dialect: Dialect, expect_errors: bool) {
    let files = thrift_files(&test_data().join(dir));
    assert!(!files.is_empty(), "no fixtures in {dir}");
    let mut failures = Vec::new();
    for path in files {
        let text = fs::read_to_string(&path).unwrap();
        let parse = parse_with(&text, Some(dialect), None);
        assert_eq!(
            parse.syntax_node().to_string(),
            text,
            "{} is not lossless",
            path.display()
        );
        let has_errors = !parse.errors().is_empty();
        if has_errors != expect_errors {
            failures.push(format!(
                "{}: expected {}errors, got:\n{}",
                path.display(),
                if expect_errors { "" } else { "no " },
                parse
                    .errors()
                    .iter()
                    .map(|e| format!("  {e} at {:?}\n", e.range))
                    .collect::<String>()
            ));
        }
        expect_file![path.with_extension("rast")].assert_eq(&parse.debug_dump());
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn parser_ok() {
    run_dir("parser/ok", Dialect::Apache, false);
}

#[test]
fn parser_err() {
    run_dir("parser/err", Dialect::Apache, true);
}

#[test]
fn parser_fbthrift_ok() {
    run_dir("parser/fbthrift/ok", Dialect::FbThrift, false);
}

#[test]
fn parser_fbthrift_err() {
    run_dir("parser/fbthrift/err", Dialect::FbThrift, true);
}

/// `auto` reads a file as fbthrift when it has any construct that only
/// fbthrift accepts, one test per construct.
#[test]
fn dialect_detection() {
    use crate::detect_dialect;
    let fbthrift = [
        // The markers found from the tokens alone.
        "package \"meta.com/x\"",
        "package;",
        "@cpp.Type{name = \"x\"}\ntypedef i64 T",
        "interaction I { void f() }",
        "service S { stream<i32> f() }",
        "service S { sink<i32, i32> f() }",
        "service S { performs I; }",
        "safe permanent client exception E {}",
        "transient exception E {}",
        "stateful exception E {}",
        "server exception E {}",
        // The rest of the grammar.
        "struct Foo { 1: i32 a }\nconst Foo F = Foo{a = 1}",
        "struct Foo { 1: i32 a }\nstruct B { 1: Foo f = {a = 1} }",
        "struct S { 1: float f }",
        "namespace go \"meta.search\"",
        "include \"a.thrift\" as b",
        "hs_include \"Foo.hs\"",
        "include \"a.thrift\";",
        "namespace java a.b;",
        "service S { idempotent i32 get() }",
        "service S { readonly i32 get() }",
        "service S { I, i32 create() }",
        "struct V {}\nstruct S { 1: V (cpp.type = \"W\") v }",
        "struct V {}\ntypedef V (cpp.type = \"W\") W",
        "const i32 X = 1 (a = \"b\")",
        "struct S {} (cpp.exact = true)",
        "struct S {} (py.precision = 3)",
        "service S { oneway void oneway() }",
        // Literals.
        "const i32 X = 0XFF",
        "const i32 X = 0b101",
        "const string S = \"\\x41\"",
        "const string S = \"\\u00e9\"",
        "const list<string> L = [\"\\Oncalls(1)\"]",
        "const string S = \"one \\\ntwo\"",
    ];
    for text in fbthrift {
        assert_eq!(detect_dialect(text), Dialect::FbThrift, "{text}");
        let parse = crate::parse(text);
        assert_eq!(parse.dialect(), Dialect::FbThrift, "{text}");
        assert_eq!(parse.errors(), &[], "{text}");
        // Read as Apache, each is an error.
        let apache = parse_with(text, Some(Dialect::Apache), None);
        assert!(!apache.errors().is_empty(), "{text}");
    }
    let apache = [
        "struct A { 1: i32 package }",
        "struct stream { 1: i32 sink }",
        "exception E {}",
        "// @ in a comment\nstruct A {}",
        "const string S = \"@ and package \\\"x\\\"\"",
        "struct S { 1: i32 float }",
        // What fbthrift only tolerates is not fbthrift syntax: a string over
        // several lines (thriftgo accepts it too; Apache rejects it), a name
        // that is a keyword only in Apache.
        "const string S = \"line one\nline two\"",
        "struct senum {}",
        // Broken Apache files stay Apache, even when a lost quote makes
        // their strings pair up across lines.
        "struct A {",
        "const list<string> L = ['hello', world']\n\nconst list<string> M = [\n  'hello',\n  'world',\n]\n",
        "struct S { 1: bool b = true (vt = true\", go.tag = 'json:\"b\"') }\nstruct T { 1: i32 a (x = \"y\") }\n",
    ];
    for text in apache {
        assert_eq!(detect_dialect(text), Dialect::Apache, "{text}");
        assert_eq!(crate::parse(text).dialect(), Dialect::Apache, "{text}");
    }
}

/// The advice in an error about fbthrift syntax read as Apache: the
/// dialect was set to `apache`, or the file reads even worse as fbthrift.
#[test]
fn fbthrift_syntax_advice() {
    let text = "package \"x\"\nstruct A {}";
    let forced = parse_with(text, Some(Dialect::Apache), None);
    assert_eq!(forced.errors().len(), 1);
    let message = &forced.errors()[0].message;
    assert!(
        message.contains("because the dialect is set to `apache`")
            && message.contains(
                "set `dialect = \"fbthrift\"` in thrift-tools.toml, or pass `--dialect fbthrift`"
            )
            && !message.contains("auto"),
        "{message}"
    );
    // A bool annotation value (fbthrift syntax) next to a lost quote that
    // makes the fbthrift reading worse.
    let text = "struct S { 1: bool b = true (vt = true\", go.tag = 'json:\"b\"') }\nstruct T { 1: i32 a (x = \"y\") }\n";
    let auto = crate::parse(text);
    assert_eq!(auto.dialect(), Dialect::Apache);
    assert!(
        auto.errors().iter().any(|e| e
            .message
            .contains("because it has more syntax errors read as fbthrift")),
        "{:?}",
        auto.errors()
    );
}

/// The includes read from tokens alone are those the parse finds: in
/// order, without quotes; not in comments or strings, not `cpp_include`,
/// an fbthrift alias left out; and on every test file of both dialects.
#[test]
fn include_paths_are_the_parsed_includes() {
    let parsed = |text: &str, dialect: Option<Dialect>| -> Vec<String> {
        parse_with(text, dialect, None)
            .tree()
            .includes()
            .filter_map(|i| i.path())
            .collect()
    };
    let text = "// include \"comment.thrift\"\n\
                include \"a.thrift\"\n\
                cpp_include \"x.h\"\n\
                /* include \"block.thrift\" */\n\
                include 'b/c.thrift'\n\
                const string S = \"include \\\"s.thrift\\\"\"\n";
    assert_eq!(crate::include_paths(text, None), ["a.thrift", "b/c.thrift"]);
    assert_eq!(crate::include_paths(text, None), parsed(text, None));
    let fb = "package \"x.com/y\"\ninclude \"thrift/annotation/cpp.thrift\" as cpp\n";
    assert_eq!(
        crate::include_paths(fb, Some(Dialect::FbThrift)),
        ["thrift/annotation/cpp.thrift"]
    );
    assert_eq!(
        crate::include_paths("struct S {}\n", None),
        Vec::<String>::new()
    );
    let mut checked = 0;
    // Reading the text only a little past its last `include` (the usual
    // case: a long body after the includes) gives what reading it all
    // gives; so does a path that the first cut would split.
    let body = "struct S {\n  1: i32 x\n}\n".repeat(200);
    let whole = |text: &str, dialect: Dialect| -> Vec<String> {
        crate::include_paths_before(text, dialect, text.len()).unwrap()
    };
    for text in [
        format!("include \"a.thrift\"\n{body}"),
        format!("include \"a.thrift\"\n{body}// include \"c.thrift\"\n{body}"),
        format!("include /*{}*/ \"far.thrift\"\n{body}", " ".repeat(1000)),
        format!("include /*{}*/ \"far.thrift\"\n{body}", " ".repeat(950)),
        format!("include\n{}\"far.thrift\"\n{body}", "\n".repeat(2000)),
        format!("include \"{}.thrift\"\n{body}", "p".repeat(1100)),
        format!("include /* never closed {body}"),
        format!("{body}include \"late.thrift\"\n{body}"),
        // The first cut falls inside a two-byte character.
        format!("include \"a.thrift\"\n// x{}\n{body}", "é".repeat(600)),
        format!("include /* {} */ \"ü.thrift\"\n{body}", "ü".repeat(500)),
    ] {
        let scanned = crate::include_paths(&text, None);
        assert_eq!(scanned, whole(&text, Dialect::Apache));
        assert_eq!(scanned, parsed(&text, Some(Dialect::Apache)));
    }
    for (dir, dialect) in [
        ("parser/ok", Dialect::Apache),
        ("parser/fbthrift/ok", Dialect::FbThrift),
        ("parser/err", Dialect::Apache),
        ("parser/fbthrift/err", Dialect::FbThrift),
    ] {
        for path in thrift_files(&test_data().join(dir)) {
            let text = fs::read_to_string(&path).unwrap();
            assert_eq!(
                crate::include_paths(&text, Some(dialect)),
                whole(&text, dialect),
                "{}",
                path.display()
            );
        }
    }
    for (dir, dialect) in [
        ("parser/ok", Dialect::Apache),
        ("parser/fbthrift/ok", Dialect::FbThrift),
    ] {
        for path in thrift_files(&test_data().join(dir)) {
            let text = fs::read_to_string(&path).unwrap();
            assert_eq!(
                crate::include_paths(&text, Some(dialect)),
                parsed(&text, Some(dialect)),
                "{}",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(checked > 0, "no test files found");
    // Broken files: every include the parse finds is among the tokens'
    // (what `thrift_project::load_checked` needs to parse each file once).
    for (dir, dialect) in [
        ("parser/err", Dialect::Apache),
        ("parser/fbthrift/err", Dialect::FbThrift),
    ] {
        for path in thrift_files(&test_data().join(dir)) {
            let text = fs::read_to_string(&path).unwrap();
            let scanned = crate::include_paths(&text, Some(dialect));
            for include in parsed(&text, Some(dialect)) {
                assert!(scanned.contains(&include), "{}: {include}", path.display());
            }
        }
    }
}
