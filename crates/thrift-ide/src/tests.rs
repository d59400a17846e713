//! Feature tests on multi-file fixtures: `//- /path` starts a file, `$0`
//! marks the cursor (in the first file).

use std::collections::HashMap;

use expect_test::{Expect, expect};
use thrift_syntax::TextSize;

use crate::*;

fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    format!("/{}", parts.join("/"))
}

/// The database, the file paths, and the cursor offset in the first file.
pub(crate) fn fixture(text: &str) -> (Database, Vec<String>, TextSize) {
    let mut files: Vec<(String, String)> = Vec::new();
    if !text.trim_start().starts_with("//- ") {
        files.push(("/main.thrift".into(), String::new()));
    }
    for line in text.lines() {
        if let Some(path) = line.strip_prefix("//- ") {
            files.push((path.trim().into(), String::new()));
        } else if let Some((_, t)) = files.last_mut() {
            t.push_str(line);
            t.push('\n');
        }
    }
    let cursor = files[0].1.find("$0").map_or(0, |i| i as u32);
    files[0].1 = files[0].1.replace("$0", "");
    let paths: Vec<String> = files.iter().map(|(p, _)| p.clone()).collect();
    let ids: HashMap<String, FileId> = paths
        .iter()
        .enumerate()
        .map(|(i, p)| (p.clone(), FileId(i as u32)))
        .collect();
    let resolver_paths = paths.clone();
    let mut db = Database::new(move |from: FileId, include: &str| {
        let from = &resolver_paths[from.0 as usize];
        let dir = &from[..from.rfind('/').unwrap_or(0)];
        ids.get(&normalize(&format!("{dir}/{include}")))
            .or_else(|| ids.get(&normalize(include)))
            .copied()
    });
    for (i, (path, t)) in files.iter().enumerate() {
        // fbthrift names a program after its file.
        db.set_file_name(FileId(i as u32), Some(path));
        db.apply_change(FileId(i as u32), t);
    }
    (db, paths, TextSize::new(cursor))
}

fn at(db: &Database, paths: &[String], file: FileId, range: TextRange) -> String {
    let text = db.text(file).unwrap();
    format!("{}:{:?} {:?}", paths[file.0 as usize], range, &text[range])
}

fn check(text: &str, f: impl FnOnce(&Database, &[String], TextSize) -> String, expect: Expect) {
    let (db, paths, cursor) = fixture(text);
    expect.assert_eq(&f(&db, &paths, cursor));
}

const PROJECT: &str = r#"
//- /main.thrift
include "shared.thrift"
/** A user. */
struct User {
  1: shared.Id id
  2: shared.Color color = shared.Color.RED
}
service Users {
  User get(1: shared.Id id)
}
//- /shared.thrift
typedef i64 Id
enum Color { RED, BLUE = 5, GREEN }
"#;

#[test]
fn goto_definition_and_references() {
    check(
        &PROJECT.replace("1: shared.Id id", "1: shared.I$0d id"),
        |db, paths, cursor| {
            let target = goto_definition(db, FileId(0), cursor).unwrap();
            let refs: Vec<String> = references(db, FileId(0), cursor, true)
                .iter()
                .map(|(f, r)| at(db, paths, *f, *r))
                .collect();
            format!(
                "{}\n{}",
                at(db, paths, target.file, target.focus_range),
                refs.join("\n")
            )
        },
        expect![[r#"
            /shared.thrift:12..14 "Id"
            /shared.thrift:12..14 "Id"
            /main.thrift:65..67 "Id"
            /main.thrift:153..155 "Id""#]],
    );
}

#[test]
fn rename_updates_every_reference() {
    check(
        PROJECT,
        |db, paths, _| {
            // The cursor is in the second file: find `Color` in shared.thrift.
            let shared = FileId(1);
            let offset = TextSize::new(db.text(shared).unwrap().find("Color").unwrap() as u32);
            let edits = rename(db, shared, offset, "Colour").unwrap();
            edits
                .iter()
                .map(|(f, e)| format!("{} -> {}", at(db, paths, *f, e.range), e.new_text))
                .collect::<Vec<_>>()
                .join("\n")
        },
        expect![[r#"
            /shared.thrift:20..25 "Color" -> Colour
            /main.thrift:83..88 "Color" -> Colour
            /main.thrift:104..109 "Color" -> Colour"#]],
    );
}

#[test]
fn hover_shows_signature_and_docs() {
    check(
        &PROJECT.replace("User get(", "Us$0er get("),
        |db, _, cursor| hover(db, FileId(0), cursor).unwrap().markdown,
        expect![[r#"
            ```thrift
            struct User
            ```

            A user."#]],
    );
}

#[test]
fn completion_after_a_prefix_and_an_enum() {
    let (db, _, _) = fixture(PROJECT);
    let main = FileId(0);
    let text = db.text(main).unwrap().to_string();
    let after_prefix = TextSize::new((text.find("shared.Id id").unwrap() + "shared.".len()) as u32);
    let labels: Vec<String> = completions(&db, main, after_prefix)
        .into_iter()
        .map(|c| c.label)
        .collect();
    assert_eq!(labels, ["Id", "Color"]);
    let after_enum =
        TextSize::new((text.find("shared.Color.RED").unwrap() + "shared.Color.".len()) as u32);
    let labels: Vec<String> = completions(&db, main, after_enum)
        .into_iter()
        .map(|c| c.label)
        .collect();
    assert_eq!(labels, ["RED", "BLUE", "GREEN"]);
    // In a type position: this file's types, include prefixes, base types.
    let field_type = TextSize::new(text.find("shared.Id id").unwrap() as u32);
    let labels: Vec<String> = completions(&db, main, field_type)
        .into_iter()
        .map(|c| c.label)
        .collect();
    assert!(
        labels.contains(&"User".to_string())
            && labels.contains(&"shared".to_string())
            && labels.contains(&"i32".to_string())
            && !labels.contains(&"Users".to_string()),
        "{labels:?}"
    );
}

#[test]
fn symbols_folding_hints_and_tokens() {
    let (db, _, _) =
        fixture("enum E {\n  A,\n  B = 5,\n  C\n}\nstruct S {\n  i32 a\n  1: i32 b\n  i32 c\n}\n");
    let file = FileId(0);
    let symbols: Vec<String> = document_symbols(&db, file)
        .iter()
        .map(|s| {
            format!(
                "{:?} {} [{}]",
                s.kind,
                s.name,
                s.children
                    .iter()
                    .map(|c| c.name.clone())
                    .collect::<Vec<_>>()
                    .join(",")
            )
        })
        .collect();
    assert_eq!(symbols, ["Enum E [A,B,C]", "Struct S [a,b,c]"]);
    let folds = folding_ranges(&db, file);
    assert_eq!(folds.len(), 2);
    let hints: Vec<String> = inlay_hints(
        &db,
        file,
        TextRange::up_to(TextSize::of(db.text(file).unwrap())),
        InlayHintConfig::default(),
    )
    .iter()
    .map(|h| h.label.clone())
    .collect();
    assert_eq!(hints, [" = 0", " = 6", "-1:", "-2:"]);
    let tokens = semantic_tokens(&db, file, None);
    let kinds: Vec<&str> = tokens
        .iter()
        .take(4)
        .map(|t| TOKEN_TYPES[t.kind as usize])
        .collect();
    assert_eq!(kinds, ["keyword", "enum", "enumMember", "enumMember"]);
}

#[test]
fn code_actions_fix_field_ids_and_includes() {
    check(
        "include \"unused.thrift\"\nstruct S {\n  1: i32 a\n  1: i32 b\n  i32 c\n}\n//- /unused.thrift\n",
        |db, _, _| {
            let file = FileId(0);
            let whole = TextRange::up_to(TextSize::of(db.text(file).unwrap()));
            code_actions(db, file, whole)
                .iter()
                .map(|a| {
                    format!(
                        "{} {:?}",
                        a.title,
                        a.edits
                            .iter()
                            .map(|e| (e.range, e.new_text.clone()))
                            .collect::<Vec<_>>()
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        },
        expect![[r#"
            Remove the unused include [(0..24, "")]
            Allow T1003 (unused-include) on this line [(0..0, "// thrift-lint: allow(unused-include)\n")]
            Change the id to the next free one, 2 [(48..49, "2")]
            Allow T1030 (duplicate-field-id) on this line [(46..46, "  // thrift-lint: allow(duplicate-field-id)\n")]
            Assign the next free field id, 2 [(59..59, "2: ")]
            Allow T1032 (missing-field-id) on this line [(57..57, "  // thrift-lint: allow(missing-field-id)\n")]"#]],
    );
}

#[test]
fn formatting_returns_minimal_edits() {
    let text = "struct A {\n  1: i32 a\n}\nstruct   B {1:i32 b}\n";
    let edits = format_edits(text, &Default::default()).unwrap();
    assert_eq!(edits.len(), 1, "{edits:?}");
    assert_eq!(edits[0].range, TextRange::new(24.into(), 45.into()));
    assert_eq!(edits[0].new_text, "struct B {\n  1: i32 b\n}\n");
}

#[test]
fn completion_of_fbthrift_annotations_and_their_fields() {
    let (db, _, _) = fixture(
        "//- /main.thrift\npackage \"meta.com/x\"\ninclude \"thrift.thrift\"\n@thrift.\nstruct S {}\n@thrift.Doc{}\nstruct T {}\n//- /thrift.thrift\nstruct Doc { 1: string text; 2: i32 level; }\nenum NotAnAnnotation { A }\n",
    );
    let main = FileId(0);
    let text = db.text(main).unwrap().to_string();
    let after_at = TextSize::new((text.find("@thrift.").unwrap() + "@thrift.".len()) as u32);
    let labels: Vec<String> = completions(&db, main, after_at)
        .into_iter()
        .map(|c| c.label)
        .collect();
    assert_eq!(labels, ["Doc"]);
    let inside = TextSize::new((text.find("Doc{}").unwrap() + "Doc{".len()) as u32);
    let labels: Vec<String> = completions(&db, main, inside)
        .into_iter()
        .map(|c| c.label)
        .collect();
    assert_eq!(labels, ["text", "level"]);
}

#[test]
fn type_definition() {
    let cases = [
        // A field's name: its type (through the include prefix).
        ("1: shared.Id i$0d", "1: shared.Id id"),
        // A container: the first user type in it.
        (
            "2: list<shared.Color> co$0lor",
            "2: shared.Color color = shared.Color.RED",
        ),
        // A function's name: its return type.
        ("User g$0et(", "User get("),
        // A type name: the type itself.
        ("Us$0er get(", "User get("),
    ];
    let mut out = Vec::new();
    for (with_cursor, original) in cases {
        let text = PROJECT.replace(original, with_cursor);
        let (db, paths, cursor) = fixture(&text);
        let shown = match goto_type_definition(&db, FileId(0), cursor) {
            Some(t) => at(&db, &paths, t.file, t.focus_range),
            None => "none".into(),
        };
        out.push(format!("{with_cursor} => {shown}"));
    }
    // A const reference: the const's type; `void`: nothing.
    let (db, paths, cursor) = fixture(
        "//- /main.thrift\nconst Point ORIGIN = {}\nconst list<Point> ALL = [ORI$0GIN]\nstruct Point {}\nservice S { void ping() }\n",
    );
    let shown = goto_type_definition(&db, FileId(0), cursor)
        .map(|t| at(&db, &paths, t.file, t.focus_range));
    out.push(format!("ORIGIN => {shown:?}"));
    let ping = TextSize::new(db.text(FileId(0)).unwrap().find("ping").unwrap() as u32);
    out.push(format!(
        "ping => {:?}",
        goto_type_definition(&db, FileId(0), ping)
    ));
    expect![[r#"
        1: shared.Id i$0d => /shared.thrift:12..14 "Id"
        2: list<shared.Color> co$0lor => /shared.thrift:20..25 "Color"
        User g$0et( => /main.thrift:46..50 "User"
        Us$0er get( => /main.thrift:46..50 "User"
        ORIGIN => Some("/main.thrift:64..69 \"Point\"")
        ping => None"#]]
    .assert_eq(&out.join("\n"));
}

#[test]
fn document_highlight() {
    let (db, paths, cursor) = fixture(
        "//- /main.thrift\nstruct P$0oint {}\nstruct Line { 1: Point a; 2: Point b }\nconst list<Point> NONE = []\n",
    );
    let shown: Vec<String> = document_highlights(&db, FileId(0), cursor)
        .into_iter()
        .map(|(r, declaration)| format!("{} {declaration}", at(&db, &paths, FileId(0), r)))
        .collect();
    expect![[r#"
        /main.thrift:7..12 "Point" true
        /main.thrift:33..38 "Point" false
        /main.thrift:45..50 "Point" false
        /main.thrift:66..71 "Point" false"#]]
    .assert_eq(&shown.join("\n"));
}

/// The completions at the cursor, with the fixture's paths: labels, and
/// the edits of the items that carry some.
fn complete(text: &str) -> String {
    let (db, paths, cursor) = fixture(text);
    let path_of = |f: FileId| paths.get(f.0 as usize).map(std::path::PathBuf::from);
    completions_in_workspace(&db, FileId(0), cursor, &path_of)
        .iter()
        .map(|c| {
            let mut s = c.label.clone();
            if let Some(e) = &c.text_edit {
                s.push_str(&format!(" ={:?}{:?}", e.range, e.new_text));
            }
            for e in &c.additional_edits {
                s.push_str(&format!(" +{:?}{:?}", e.range, e.new_text));
            }
            s
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[test]
fn completion_at_top_level_offers_definition_keywords() {
    expect![[r#"include, cpp_include, namespace, typedef, const, enum, struct, union, exception, service"#]]
        .assert_eq(&complete("struct A {}\n$0\n"));
    expect![[r#"include, cpp_include, namespace, typedef, const, enum, struct, union, exception, service"#]]
        .assert_eq(&complete("include \"a.thrift\"\nconst i32 X = 1\nst$0\n//- /a.thrift\n"));
    // The definition's name: nothing.
    expect![[""]].assert_eq(&complete("struct $0\n"));
}

#[test]
fn completion_in_type_positions_offers_types() {
    let fixture = |cursor: &str| {
        format!(
            "include \"shared.thrift\"\nstruct A {{}}\nexception Oops {{}}\nconst i32 C = 1\nservice S {{}}\n{cursor}\n//- /shared.thrift\ntypedef i64 Id\nconst i32 K = 2\n"
        )
    };
    // typedef target, const type, container element: types, not consts or
    // services.
    let types = "A, Oops, shared, bool, byte, i8, i16, i32, i64, double, string, binary, uuid, map, set, list";
    assert_eq!(complete(&fixture("typedef $0")), types);
    assert_eq!(complete(&fixture("const $0")), types);
    assert_eq!(complete(&fixture("typedef map<string, $0")), types);
    assert_eq!(
        complete(&fixture("struct B { 1: list<$0> x }")),
        types.replace("Oops, ", "Oops, B, ")
    );
    // `inc.` in a type position: the included file's types only.
    expect![["Id"]].assert_eq(&complete(&fixture("typedef shared.$0")));
    // After the type: the name, nothing to offer.
    expect![[""]].assert_eq(&complete(&fixture("typedef i32 $0")));
}

#[test]
fn completion_in_field_lists() {
    // At the start of a field: the next free id (ids after the cursor
    // count, ids <= 0 do not), requiredness, types.
    expect![[r#"4: , required, optional, A, i32, i64, map, set, list"#]].assert_eq(
        &complete("struct A {\n  1: i32 a\n  -5: i32 b\n  $0\n  3: i64 c\n}\n")
            .replace("bool, byte, i8, i16, ", "")
            .replace("double, string, binary, uuid, ", ""),
    );
    // An empty struct starts at 1; so does a field without an id.
    expect![[r#"1: , required, optional, U, bool"#]]
        .assert_eq(&first5(&complete("union U {\n  $0\n}\n")));
    // After the id: requiredness and types; after requiredness: types.
    expect!["required, optional, E, S, bool"]
        .assert_eq(&first5(&complete("enum E { X }\nstruct S {\n  1: $0\n}\n")));
    expect![[r#"E, S, bool, byte, i8"#]].assert_eq(&first5(&complete(
        "enum E { X }\nstruct S {\n  1: optional $0\n}\n",
    )));
    // After the field's name on a new line: the next field.
    expect![[r#"2: , required, optional, S, bool"#]]
        .assert_eq(&first5(&complete("struct S {\n  1: i32 a\n  $0\n}\n")));
    // The field's name: nothing.
    expect![[""]].assert_eq(&complete("struct S {\n  1: i32 $0\n}\n"));
}

fn first5(s: &str) -> String {
    s.split(", ").take(5).collect::<Vec<_>>().join(", ")
}

#[test]
fn completion_in_services() {
    let service =
        |body: &str| format!("exception Oops {{}}\nstruct R {{}}\nservice S {{\n{body}\n}}\n");
    expect![[r#"oneway, void, Oops, R, bool"#]].assert_eq(&first5(&complete(&service("  $0"))));
    expect![["void"]].assert_eq(&complete(&service("  oneway $0")));
    // Arguments: ids and types (no requiredness).
    expect![[r#"3: , Oops, R, bool, byte"#]].assert_eq(&first5(&complete(&service(
        "  R get(1: i32 a, 2: i32 b, $0)",
    ))));
    // After the arguments: `throws`; in it: ids and exceptions only.
    expect![["throws"]].assert_eq(&complete(&service("  R get() $0")));
    expect![[r#"1: , Oops"#]].assert_eq(&complete(&service("  R get() throws ($0)")));
    expect![[r#"2: , Oops"#]].assert_eq(&complete(&service("  R get() throws (1: Oops o, $0)")));
    // A new function on the next line after one with arguments.
    expect![[r#"throws, oneway, void, Oops, R"#]]
        .assert_eq(&first5(&complete(&service("  R get()\n  $0"))));
}

#[test]
fn completion_in_value_positions_offers_consts_and_enum_values() {
    expect!["E.X, E.Y, D, shared, true, false"].assert_eq(&complete(
        "include \"shared.thrift\"\nenum E { X, Y = 4 }\nconst E D = E.X\nstruct S {\n  1: E e = $0\n}\n//- /shared.thrift\nconst i32 K = 1\n",
    ));
    expect!["E.X, E.Y, D, L, shared, true, false"].assert_eq(&complete(
        "include \"shared.thrift\"\nenum E { X, Y = 4 }\nconst E D = E.X\nconst list<E> L = [E.X, $0]\n//- /shared.thrift\nconst i32 K = 1\n",
    ));
    // `inc.` in a value position: its consts and enums.
    expect![["K, Color"]].assert_eq(&complete(
        "include \"shared.thrift\"\nconst i32 X = shared.$0\n//- /shared.thrift\nconst i32 K = 1\nenum Color { RED }\nstruct NotAValue {}\n",
    ));
}

#[test]
fn completion_offers_types_of_files_not_included_with_the_include() {
    let project = "include \"inc.thrift\"\nstruct A {\n  1: $0\n}\n//- /inc.thrift\nstruct Included {}\n//- /other.thrift\nstruct Account {}\nenum Kind { K }\nconst i32 NotAType = 1\n//- /sub/types.thrift\ntypedef i64 Money\n";
    // Nothing typed: none (a big workspace has too many).
    expect!["required, optional, A, inc, bool, byte, i8, i16, i32, i64, double, string, binary, uuid, map, set, list"].assert_eq(&complete(project));
    // Typed: those whose `file.Name` or `Name` starts with it (any case),
    // with the edit adding the include after the last one.
    expect![[r#"required, optional, A, inc, bool, byte, i8, i16, i32, i64, double, string, binary, uuid, map, set, list, other.Account +21..21"include \"other.thrift\"\n", other.Kind +21..21"include \"other.thrift\"\n""#]].assert_eq(&complete(&project.replace("1: $0", "1: ot$0")));
    expect![[r#"required, optional, A, inc, bool, byte, i8, i16, i32, i64, double, string, binary, uuid, map, set, list, types.Money +21..21"include \"sub/types.thrift\"\n""#]].assert_eq(&complete(&project.replace("1: $0", "1: mo$0")));
    // At the top without includes, with the shortest path the resolver
    // finds (here from the root); `file.` offers the file's types.
    expect![[r#"Account +0..0"include \"other.thrift\"\n""#]].assert_eq(&complete(
        "//- /sub/main.thrift\nexception E {}\nservice S {\n  void f() throws (1: other.$0)\n}\n//- /other.thrift\nstruct NotAnException {}\nexception Account {}\n",
    ));
}

#[test]
fn completion_of_include_paths() {
    // Relative to this file's directory, not itself, not included ones.
    expect![[r#"../other.thrift =9..9"../other.thrift", deeper/more.thrift =9..9"deeper/more.thrift""#]].assert_eq(&complete(
        "//- /sub/main.thrift\ninclude \"$0\"\ninclude \"done.thrift\"\n//- /sub/done.thrift\n//- /other.thrift\n//- /sub/deeper/more.thrift\n",
    ));
    // What is typed is replaced.
    expect![[r#"../other.thrift =9..12"../other.thrift""#]].assert_eq(&complete(
        "//- /sub/main.thrift\ninclude \"../$0\n//- /other.thrift\n",
    ));
}

#[test]
fn hover_on_fields_and_typedef_chains() {
    let text = "//- /main.thrift\ninclude \"shared.thrift\"\ntypedef shared.Id UserId\ntypedef UserId Key\nstruct User {\n  /** The key. */\n  1: required Key ke$0y = 7\n  2: optional list<Key> others\n  string legacy\n}\nservice S {\n  void f(1: Key arg) throws (1: Oops oops)\n}\nexception Oops {}\nconst Key K = 1\n//- /shared.thrift\ntypedef User2 Id\nstruct User2 {}\n";
    let (db, _, cursor) = fixture(text);
    let main = db.text(FileId(0)).unwrap().to_string();
    let at =
        |needle: &str, delta: usize| TextSize::new((main.find(needle).unwrap() + delta) as u32);
    let mut out = Vec::new();
    for (label, offset) in [
        ("field", cursor),
        ("implicit id", at("legacy", 1)),
        ("argument", at("arg)", 0)),
        ("exception", at("oops)", 0)),
        ("typedef chain", at("Key K", 0)),
        ("typedef to another file", at("shared.Id", 8)),
    ] {
        let h = hover(&db, FileId(0), offset).unwrap();
        out.push(format!(
            "== {label} (defined in {:?})\n{}",
            h.defined_in, h.markdown
        ));
    }
    expect![[r#"
        == field (defined in None)
        ```thrift
        1: required Key key = 7
        ```

        The key.

        field of struct `User`: id `1`, required
        == implicit id (defined in None)
        ```thrift
        string legacy
        ```

        field of struct `User`: no id (the compiler assigns a negative one), default requiredness
        == argument (defined in None)
        ```thrift
        1: Key arg
        ```

        argument of function `f`: id `1`, default requiredness
        == exception (defined in None)
        ```thrift
        1: Oops oops
        ```

        exception of function `f`: id `1`, default requiredness
        == typedef chain (defined in None)
        ```thrift
        typedef UserId Key
        ```

        resolves to `struct User2`
        == typedef to another file (defined in Some(FileId(1)))
        ```thrift
        typedef User2 Id
        ```

        resolves to `struct User2`"#]]
    .assert_eq(&out.join("\n"));
}

#[test]
fn completion_caps_types_of_files_not_included() {
    let mut text = String::from("struct A {\n  1: f$0\n}\n");
    for i in 0..80 {
        text.push_str(&format!("//- /f{i}.thrift\nstruct T{i} {{}}\n"));
    }
    let (db, paths, cursor) = fixture(&text);
    let path_of = |f: FileId| paths.get(f.0 as usize).map(std::path::PathBuf::from);
    let offered = completions_in_workspace(&db, FileId(0), cursor, &path_of)
        .into_iter()
        .filter(|c| !c.additional_edits.is_empty())
        .count();
    assert_eq!(offered, completion::WORKSPACE_TYPES_LIMIT);
}

/// The host takes changes; an `Analysis` answers from the state it was
/// taken in, on another thread, until a change cancels it.
#[test]
fn analysis_snapshots_answer_until_a_change_cancels_them() {
    let mut host = AnalysisHost::new(|_: FileId, _: &str| None);
    for i in 0..20u32 {
        let text = format!("struct Item{i} {{}}\nstruct Other{i} {{}}\n");
        host.db_mut().apply_change(FileId(i), &text);
    }
    let analysis = host.analysis();
    let found = std::thread::spawn(move || {
        let n = analysis.with_db(|db| workspace_symbols(db, "item").len());
        (n, analysis)
    });
    let (n, analysis) = found.join().unwrap();
    assert_eq!(n, Ok(20));

    host.db_mut().apply_change(FileId(0), "struct Renamed {}\n");
    assert!(analysis.is_cancelled());
    assert_eq!(
        analysis.with_db(|db| workspace_symbols(db, "item").len()),
        Err(Cancelled)
    );
    // A query that does not loop over the workspace still reads the old
    // state: cancellation is checked where the work is long.
    assert_eq!(
        analysis.with_db(|db| db.text(FileId(0)).map(str::to_string)),
        Ok(Some("struct Item0 {}\nstruct Other0 {}\n".to_string()))
    );
    let fresh = host.analysis();
    assert_eq!(
        fresh.with_db(|db| workspace_symbols(db, "item").len()),
        Ok(19)
    );
    // Its cancel flag stops it too (a cancelled request).
    fresh
        .cancel_flag()
        .store(true, std::sync::atomic::Ordering::Relaxed);
    assert_eq!(
        fresh.with_db(|db| workspace_symbols(db, "item").len()),
        Err(Cancelled)
    );
}

/// Like the server's resolver, which knows only the includes files already
/// write: a type from another directory is included the way a file of this
/// directory already includes it (here through an include directory), when
/// that is shorter than the relative path; a file of this directory by its
/// bare name.
#[test]
fn completion_includes_what_the_siblings_write() {
    let paths = [
        "/proj/app/main.thrift",
        "/proj/app/sib.thrift",
        "/proj/lib/money.thrift",
        "/proj/app/near.thrift",
    ];
    let written: HashMap<(u32, &str), u32> = HashMap::from([((1, "money.thrift"), 2)]);
    let mut db = Database::new(move |from: FileId, include: &str| {
        written.get(&(from.0, include)).map(|&t| FileId(t))
    });
    db.apply_change(FileId(0), "struct A {\n  1: Mo\n}\n");
    db.apply_change(FileId(1), "include \"money.thrift\"\n");
    db.apply_change(FileId(2), "typedef i64 Money\n");
    db.apply_change(FileId(3), "struct Monday {}\n");
    let path_of = |f: FileId| paths.get(f.0 as usize).map(std::path::PathBuf::from);
    let cursor = TextSize::new("struct A {\n  1: Mo".len() as u32);
    let offered: Vec<String> = completions_in_workspace(&db, FileId(0), cursor, &path_of)
        .into_iter()
        .filter(|c| !c.additional_edits.is_empty())
        .map(|c| format!("{} {:?}", c.label, c.additional_edits[0].new_text))
        .collect();
    assert_eq!(
        offered,
        [
            r#"money.Money "include \"money.thrift\"\n""#,
            r#"near.Monday "include \"near.thrift\"\n""#,
        ]
    );
}

/// fbthrift names: `@Annotation` structs, struct literals' structs,
/// `performs` interactions, and the fields that literals and annotations
/// name.
const FBTHRIFT: &str = r#"
//- /main.thrift
include "thrift/annotation/cpp.thrift"
include "lib.thrift"
struct Foo { 1: i32 name; 2: optional Foo inner; }
@cpp.Type{name = "std::map"}
@Foo{name = 7}
struct Bar {
  1: Foo f = Foo{name = 1, inner = {name = 2}};
}
const lib.Point P = lib.Point{x = 1}
interaction Counter { i32 next(); }
service S { performs Counter; performs lib.Remote; }
union Pick { 1: Foo foo; 2: i32 n; }
const Pick PICK = {foo: {name: 9}}
//- /lib.thrift
/** A point. */
struct Point { 1: i32 x; }
interaction Remote {}
//- /thrift/annotation/cpp.thrift
/** The C++ type to use. */
struct Type {
  /** The type's name. */
  1: string name;
  2: string template;
}
"#;

/// Definition, references, highlights, the rename range and the first line
/// of the hover at `needle` (its `delta`-th byte) in the first file.
fn navigate(db: &Database, paths: &[String], needle: &str, delta: usize) -> String {
    let main = FileId(0);
    let text = db.text(main).unwrap();
    let offset = TextSize::new((text.find(needle).unwrap() + delta) as u32);
    let show = |list: Vec<String>| list.join(", ");
    let def = goto_definition(db, main, offset)
        .map(|t| at(db, paths, t.file, t.focus_range))
        .unwrap_or_else(|| "none".into());
    let refs = references(db, main, offset, false)
        .iter()
        .map(|(f, r)| at(db, paths, *f, *r))
        .collect();
    let highlights = document_highlights(db, main, offset)
        .iter()
        .map(|(r, decl)| format!("{:?}{}", r, if *decl { " (decl)" } else { "" }))
        .collect();
    let rename_range = prepare_rename(db, main, offset)
        .map(|r| at(db, paths, main, r))
        .unwrap_or_else(|| "none".into());
    let hover = hover(db, main, offset)
        .map(|h| {
            let body: Vec<&str> = h
                .markdown
                .lines()
                .filter(|l| !l.starts_with("```"))
                .collect();
            format!("{} (defined in {:?})", body.join(" | "), h.defined_in)
        })
        .unwrap_or_else(|| "none".into());
    format!(
        "== {needle}\ndefinition: {def}\nreferences: {}\nhighlights: {}\nrename: {rename_range}\nhover: {hover}",
        show(refs),
        show(highlights)
    )
}

#[test]
fn fbthrift_names_definition_references_highlight_hover() {
    let (db, paths, _) = fixture(FBTHRIFT);
    let out: Vec<String> = [
        // `@Anno` across files, and the field it sets.
        ("cpp.Type", 5),
        ("name = \"std", 0),
        // `@Foo` of a local struct; `Foo{...}` (nested without its name).
        ("@Foo", 1),
        ("Foo{name = 1", 0),
        ("name = 1", 0),
        ("name = 2", 0),
        ("inner =", 0),
        // A qualified struct literal and its field.
        ("lib.Point{", 5),
        ("x = 1", 0),
        // `performs`, in this file and across files.
        ("performs Counter", 9),
        ("lib.Remote", 4),
        // A field's own name: its literal uses.
        ("name;", 0),
        // fbthrift's bare names as keys of a struct constant.
        ("foo:", 0),
    ]
    .iter()
    .map(|&(needle, delta)| navigate(&db, &paths, needle, delta))
    .collect();
    expect![[r#"
        == cpp.Type
        definition: /thrift/annotation/cpp.thrift:35..39 "Type"
        references: /main.thrift:116..120 "Type"
        highlights: 116..120
        rename: /main.thrift:116..120 "Type"
        hover: struct Type |  | The C++ type to use. (defined in Some(FileId(2)))
        == name = "std
        definition: /thrift/annotation/cpp.thrift:80..84 "name"
        references: /main.thrift:121..125 "name"
        highlights: 121..125
        rename: /main.thrift:121..125 "name"
        hover: 1: string name |  | The type's name. |  | field of struct `Type`: id `1`, default requiredness (defined in Some(FileId(2)))
        == @Foo
        definition: /main.thrift:67..70 "Foo"
        references: /main.thrift:98..101 "Foo", /main.thrift:141..144 "Foo", /main.thrift:173..176 "Foo", /main.thrift:181..184 "Foo", /main.thrift:360..363 "Foo"
        highlights: 67..70 (decl), 98..101, 141..144, 173..176, 181..184, 360..363
        rename: /main.thrift:141..144 "Foo"
        hover: struct Foo (defined in None)
        == Foo{name = 1
        definition: /main.thrift:67..70 "Foo"
        references: /main.thrift:98..101 "Foo", /main.thrift:141..144 "Foo", /main.thrift:173..176 "Foo", /main.thrift:181..184 "Foo", /main.thrift:360..363 "Foo"
        highlights: 67..70 (decl), 98..101, 141..144, 173..176, 181..184, 360..363
        rename: /main.thrift:181..184 "Foo"
        hover: struct Foo (defined in None)
        == name = 1
        definition: /main.thrift:80..84 "name"
        references: /main.thrift:145..149 "name", /main.thrift:185..189 "name", /main.thrift:204..208 "name", /main.thrift:406..410 "name"
        highlights: 80..84 (decl), 145..149, 185..189, 204..208, 406..410
        rename: /main.thrift:185..189 "name"
        hover: 1: i32 name |  | field of struct `Foo`: id `1`, default requiredness (defined in None)
        == name = 2
        definition: /main.thrift:80..84 "name"
        references: /main.thrift:145..149 "name", /main.thrift:185..189 "name", /main.thrift:204..208 "name", /main.thrift:406..410 "name"
        highlights: 80..84 (decl), 145..149, 185..189, 204..208, 406..410
        rename: /main.thrift:204..208 "name"
        hover: 1: i32 name |  | field of struct `Foo`: id `1`, default requiredness (defined in None)
        == inner =
        definition: /main.thrift:102..107 "inner"
        references: /main.thrift:195..200 "inner"
        highlights: 102..107 (decl), 195..200
        rename: /main.thrift:195..200 "inner"
        hover: 2: optional Foo inner |  | field of struct `Foo`: id `2`, optional (defined in None)
        == lib.Point{
        definition: /lib.thrift:23..28 "Point"
        references: /main.thrift:228..233 "Point", /main.thrift:242..247 "Point"
        highlights: 228..233, 242..247
        rename: /main.thrift:242..247 "Point"
        hover: struct Point |  | A point. (defined in Some(FileId(1)))
        == x = 1
        definition: /lib.thrift:38..39 "x"
        references: /main.thrift:248..249 "x"
        highlights: 248..249
        rename: /main.thrift:248..249 "x"
        hover: 1: i32 x |  | field of struct `Point`: id `1`, default requiredness (defined in Some(FileId(1)))
        == performs Counter
        definition: /main.thrift:267..274 "Counter"
        references: /main.thrift:312..319 "Counter"
        highlights: 267..274 (decl), 312..319
        rename: /main.thrift:312..319 "Counter"
        hover: interaction Counter (defined in None)
        == lib.Remote
        definition: /lib.thrift:55..61 "Remote"
        references: /main.thrift:334..340 "Remote"
        highlights: 334..340
        rename: /main.thrift:334..340 "Remote"
        hover: interaction Remote (defined in Some(FileId(1)))
        == name;
        definition: /main.thrift:80..84 "name"
        references: /main.thrift:145..149 "name", /main.thrift:185..189 "name", /main.thrift:204..208 "name", /main.thrift:406..410 "name"
        highlights: 80..84 (decl), 145..149, 185..189, 204..208, 406..410
        rename: /main.thrift:80..84 "name"
        hover: 1: i32 name |  | field of struct `Foo`: id `1`, default requiredness (defined in None)
        == foo:
        definition: /main.thrift:364..367 "foo"
        references: /main.thrift:400..403 "foo"
        highlights: 364..367 (decl), 400..403
        rename: /main.thrift:400..403 "foo"
        hover: 1: Foo foo |  | field of union `Pick`: id `1`, default requiredness (defined in None)"#]].assert_eq(&out.join("\n"));
}

#[test]
fn fbthrift_names_rename() {
    let (db, paths, _) = fixture(FBTHRIFT);
    let rename_at = |file: FileId, needle: &str, delta: usize, new_name: &str| -> String {
        let text = db.text(file).unwrap();
        let offset = TextSize::new((text.find(needle).unwrap() + delta) as u32);
        match rename(&db, file, offset, new_name) {
            Ok(edits) => {
                let mut shown: Vec<String> = edits
                    .iter()
                    .map(|(f, e)| format!("{} -> {}", at(&db, &paths, *f, e.range), e.new_text))
                    .collect();
                shown.sort();
                format!("{needle} => {new_name}\n  {}", shown.join("\n  "))
            }
            Err(e) => format!("{needle} => {new_name}: {e}"),
        }
    };
    let out = [
        // The annotation library's struct, from its definition.
        rename_at(FileId(2), "Type", 0, "CppType"),
        // A local struct, from an `@` use.
        rename_at(FileId(0), "@Foo", 1, "Fu"),
        // A qualified struct literal.
        rename_at(FileId(0), "lib.Point{", 5, "Pt"),
        // An interaction, from `performs`.
        rename_at(FileId(0), "performs Counter", 9, "Tally"),
        // A field, from a literal and from an annotation.
        rename_at(FileId(0), "name = 2", 0, "label"),
        rename_at(FileId(0), "name = \"std", 0, "spelling"),
        rename_at(FileId(0), "name = 1", 0, "inner"),
        // A union's field, from a bare key.
        rename_at(FileId(0), "foo:", 0, "fu"),
    ];
    expect![[r#"
        Type => CppType
          /main.thrift:116..120 "Type" -> CppType
          /thrift/annotation/cpp.thrift:35..39 "Type" -> CppType
        @Foo => Fu
          /main.thrift:141..144 "Foo" -> Fu
          /main.thrift:173..176 "Foo" -> Fu
          /main.thrift:181..184 "Foo" -> Fu
          /main.thrift:360..363 "Foo" -> Fu
          /main.thrift:67..70 "Foo" -> Fu
          /main.thrift:98..101 "Foo" -> Fu
        lib.Point{ => Pt
          /lib.thrift:23..28 "Point" -> Pt
          /main.thrift:228..233 "Point" -> Pt
          /main.thrift:242..247 "Point" -> Pt
        performs Counter => Tally
          /main.thrift:267..274 "Counter" -> Tally
          /main.thrift:312..319 "Counter" -> Tally
        name = 2 => label
          /main.thrift:145..149 "name" -> label
          /main.thrift:185..189 "name" -> label
          /main.thrift:204..208 "name" -> label
          /main.thrift:406..410 "name" -> label
          /main.thrift:80..84 "name" -> label
        name = "std => spelling
          /main.thrift:121..125 "name" -> spelling
          /thrift/annotation/cpp.thrift:80..84 "name" -> spelling
        name = 1 => inner: `inner` is already a field of that struct
        foo: => fu
          /main.thrift:364..367 "foo" -> fu
          /main.thrift:400..403 "foo" -> fu"#]]
    .assert_eq(&out.join("\n"));
}

/// Apache Thrift's struct constants name fields by string keys: they
/// navigate to the field, and renaming the field renames them.
#[test]
fn struct_constant_keys_navigate_and_rename() {
    let (db, paths, _) = fixture(
        "//- /main.thrift\ninclude \"shared.thrift\"\nconst shared.Point ORIGIN = {\"x\": 0, \"y\": 0}\nconst map<string, i32> M = {\"x\": 1}\n//- /shared.thrift\nstruct Point { 1: i32 x; 2: i32 y; }\n",
    );
    let mut out = vec![navigate(&db, &paths, "\"x\": 0", 1)];
    // A `map<string, i32>`: its keys are strings, not fields.
    out.push(navigate(&db, &paths, "\"x\": 1", 1));
    let shared = FileId(1);
    let x = TextSize::new(db.text(shared).unwrap().find("x;").unwrap() as u32);
    let edits = rename(&db, shared, x, "left").unwrap();
    out.extend(
        edits
            .iter()
            .map(|(f, e)| format!("{} -> {}", at(&db, &paths, *f, e.range), e.new_text)),
    );
    expect![[r#"
        == "x": 0
        definition: /shared.thrift:22..23 "x"
        references: /main.thrift:54..55 "x"
        highlights: 54..55
        rename: /main.thrift:54..55 "x"
        hover: 1: i32 x |  | field of struct `Point`: id `1`, default requiredness (defined in Some(FileId(1)))
        == "x": 1
        definition: none
        references: 
        highlights: 
        rename: none
        hover: none
        /shared.thrift:22..23 "x" -> left
        /main.thrift:54..55 "x" -> left"#]].assert_eq(&out.join("\n"));
}

/// Semantic tokens of fbthrift names: annotations, struct literals,
/// `performs`, and the fields literals and struct constants set (uses,
/// not declarations).
#[test]
fn fbthrift_names_semantic_tokens() {
    let (db, _, _) = fixture(FBTHRIFT);
    let main = FileId(0);
    let text = db.text(main).unwrap();
    let start = text.find("@cpp").unwrap();
    let shown: Vec<String> = semantic_tokens(&db, main, None)
        .iter()
        .filter(|t| usize::from(t.range.start()) >= start)
        .filter(|t| {
            !matches!(
                TOKEN_TYPES[t.kind as usize],
                "keyword" | "number" | "string"
            )
        })
        .map(|t| {
            let modifiers: Vec<&str> = (0..TOKEN_MODIFIERS.len())
                .filter(|i| t.modifiers & (1 << i) != 0)
                .map(|i| TOKEN_MODIFIERS[i])
                .collect();
            format!(
                "{} {}{}",
                &text[t.range],
                TOKEN_TYPES[t.kind as usize],
                if modifiers.is_empty() {
                    String::new()
                } else {
                    format!(" {}", modifiers.join(","))
                }
            )
        })
        .collect();
    expect![[r#"
        @ decorator
        cpp namespace
        Type decorator
        name property
        @ decorator
        Foo decorator
        name property
        Bar struct declaration
        Foo struct
        f property declaration
        Foo struct
        name property
        inner property
        name property
        lib namespace
        Point struct
        P variable declaration
        lib namespace
        Point struct
        x property
        Counter interface declaration
        i32 type defaultLibrary
        next function declaration
        S interface declaration
        Counter interface
        lib namespace
        Remote interface
        Pick struct declaration
        Foo struct
        foo property declaration
        i32 type defaultLibrary
        n property declaration
        Pick struct
        PICK variable declaration
        foo property
        name property"#]]
    .assert_eq(&shown.join("\n"));
}

/// The edits of a rename at `needle` (its `delta`-th byte) in `file`, sorted.
fn rename_edits(
    db: &Database,
    paths: &[String],
    file: FileId,
    needle: &str,
    delta: usize,
    new_name: &str,
) -> String {
    let text = db.text(file).unwrap();
    let offset = TextSize::new((text.find(needle).unwrap() + delta) as u32);
    let prepared = prepare_rename(db, file, offset)
        .map(|r| at(db, paths, file, r))
        .unwrap_or_else(|| "none".into());
    match rename(db, file, offset, new_name) {
        Ok(edits) => {
            let mut shown: Vec<String> = edits
                .iter()
                .map(|(f, e)| format!("{} -> {}", at(db, paths, *f, e.range), e.new_text))
                .collect();
            shown.sort();
            format!(
                "{needle} => {new_name} (prepared {prepared})\n  {}",
                shown.join("\n  ")
            )
        }
        Err(e) => format!("{needle} => {new_name} (prepared {prepared}): {e}"),
    }
}

const APACHE_ENUMS: &str = r#"
//- /main.thrift
include "colors.thrift"
enum Color { RED = 1, GREEN }
enum Other { GREEN = 7 }
const Color C = Color.GREEN
const colors.Shade S = colors.Shade.DARK
const list<Color> L = [Color.RED, Color.GREEN]
const map<Color, colors.Shade> M = {Color.GREEN: colors.Shade.LIGHT}
struct T { 1: Color c = Color.GREEN; 2: colors.Shade s = colors.Shade.DARK }
const Color W = Other.GREEN
//- /colors.thrift
enum Shade {
  /** Almost black. */
  DARK = 2,
  LIGHT
}
const Shade DEFAULT = Shade.LIGHT
"#;

/// Enum values of an Apache file: their definitions and every value that
/// names them (consts, lists, map keys and values, defaults, another
/// file's `inc.Enum.VALUE`, and `Other.GREEN` where a `Color` is expected,
/// which the compiler reads as `Color.GREEN`).
#[test]
fn enum_values_navigate_apache() {
    let (db, paths, _) = fixture(APACHE_ENUMS);
    let out: Vec<String> = [
        ("GREEN }", 0),
        ("GREEN\nconst colors", 0),
        ("DARK\nconst list", 0),
        ("GREEN]", 0),
        ("GREEN:", 0),
        ("LIGHT}", 0),
        ("GREEN;", 0),
        ("Other.GREEN", 6),
        // The enum of `Enum.VALUE`, and an include prefix before it.
        ("Color.GREEN", 0),
        ("colors.Shade.DARK", 0),
    ]
    .iter()
    .map(|&(needle, delta)| navigate(&db, &paths, needle, delta))
    .collect();
    expect![[r#"
        == GREEN }
        definition: /main.thrift:46..51 "GREEN"
        references: /main.thrift:101..106 "GREEN", /main.thrift:188..193 "GREEN", /main.thrift:237..242 "GREEN", /main.thrift:294..299 "GREEN", /main.thrift:363..368 "GREEN"
        highlights: 46..51 (decl), 101..106, 188..193, 237..242, 294..299, 363..368
        rename: /main.thrift:46..51 "GREEN"
        hover: Color.GREEN = 2 |  | value of enum `Color`, implicit: the previous value plus one (defined in None)
        == GREEN
        const colors
        definition: /main.thrift:46..51 "GREEN"
        references: /main.thrift:101..106 "GREEN", /main.thrift:188..193 "GREEN", /main.thrift:237..242 "GREEN", /main.thrift:294..299 "GREEN", /main.thrift:363..368 "GREEN"
        highlights: 46..51 (decl), 101..106, 188..193, 237..242, 294..299, 363..368
        rename: /main.thrift:101..106 "GREEN"
        hover: Color.GREEN = 2 |  | value of enum `Color`, implicit: the previous value plus one (defined in None)
        == DARK
        const list
        definition: /colors.thrift:38..42 "DARK"
        references: /main.thrift:143..147 "DARK", /main.thrift:334..338 "DARK"
        highlights: 143..147, 334..338
        rename: /main.thrift:143..147 "DARK"
        hover: Shade.DARK = 2 |  | Almost black. |  | value of enum `Shade`, explicit (defined in Some(FileId(1)))
        == GREEN]
        definition: /main.thrift:46..51 "GREEN"
        references: /main.thrift:101..106 "GREEN", /main.thrift:188..193 "GREEN", /main.thrift:237..242 "GREEN", /main.thrift:294..299 "GREEN", /main.thrift:363..368 "GREEN"
        highlights: 46..51 (decl), 101..106, 188..193, 237..242, 294..299, 363..368
        rename: /main.thrift:188..193 "GREEN"
        hover: Color.GREEN = 2 |  | value of enum `Color`, implicit: the previous value plus one (defined in None)
        == GREEN:
        definition: /main.thrift:46..51 "GREEN"
        references: /main.thrift:101..106 "GREEN", /main.thrift:188..193 "GREEN", /main.thrift:237..242 "GREEN", /main.thrift:294..299 "GREEN", /main.thrift:363..368 "GREEN"
        highlights: 46..51 (decl), 101..106, 188..193, 237..242, 294..299, 363..368
        rename: /main.thrift:237..242 "GREEN"
        hover: Color.GREEN = 2 |  | value of enum `Color`, implicit: the previous value plus one (defined in None)
        == LIGHT}
        definition: /colors.thrift:50..55 "LIGHT"
        references: /main.thrift:257..262 "LIGHT", /colors.thrift:86..91 "LIGHT"
        highlights: 257..262
        rename: /main.thrift:257..262 "LIGHT"
        hover: Shade.LIGHT = 3 |  | value of enum `Shade`, implicit: the previous value plus one (defined in Some(FileId(1)))
        == GREEN;
        definition: /main.thrift:46..51 "GREEN"
        references: /main.thrift:101..106 "GREEN", /main.thrift:188..193 "GREEN", /main.thrift:237..242 "GREEN", /main.thrift:294..299 "GREEN", /main.thrift:363..368 "GREEN"
        highlights: 46..51 (decl), 101..106, 188..193, 237..242, 294..299, 363..368
        rename: /main.thrift:294..299 "GREEN"
        hover: Color.GREEN = 2 |  | value of enum `Color`, implicit: the previous value plus one (defined in None)
        == Other.GREEN
        definition: /main.thrift:46..51 "GREEN"
        references: /main.thrift:101..106 "GREEN", /main.thrift:188..193 "GREEN", /main.thrift:237..242 "GREEN", /main.thrift:294..299 "GREEN", /main.thrift:363..368 "GREEN"
        highlights: 46..51 (decl), 101..106, 188..193, 237..242, 294..299, 363..368
        rename: /main.thrift:363..368 "GREEN"
        hover: Color.GREEN = 2 |  | value of enum `Color`, implicit: the previous value plus one (defined in None)
        == Color.GREEN
        definition: /main.thrift:29..34 "Color"
        references: /main.thrift:85..90 "Color", /main.thrift:95..100 "Color", /main.thrift:159..164 "Color", /main.thrift:171..176 "Color", /main.thrift:182..187 "Color", /main.thrift:205..210 "Color", /main.thrift:231..236 "Color", /main.thrift:278..283 "Color", /main.thrift:288..293 "Color", /main.thrift:347..352 "Color"
        highlights: 29..34 (decl), 85..90, 95..100, 159..164, 171..176, 182..187, 205..210, 231..236, 278..283, 288..293, 347..352
        rename: /main.thrift:95..100 "Color"
        hover: enum Color |  | `Color.GREEN = 2` (defined in None)
        == colors.Shade.DARK
        definition: /colors.thrift:5..10 "Shade"
        references: /main.thrift:120..125 "Shade", /main.thrift:137..142 "Shade", /main.thrift:219..224 "Shade", /main.thrift:251..256 "Shade", /main.thrift:311..316 "Shade", /main.thrift:328..333 "Shade", /colors.thrift:64..69 "Shade", /colors.thrift:80..85 "Shade"
        highlights: 120..125, 137..142, 219..224, 251..256, 311..316, 328..333
        rename: none
        hover: enum Shade |  | `Shade.DARK = 2` (defined in Some(FileId(1)))"#]].assert_eq(&out.join("\n"));
}

#[test]
fn enum_values_rename_apache() {
    let (db, paths, _) = fixture(APACHE_ENUMS);
    let main = FileId(0);
    let out = [
        // The issue's repro: at `GREEN` in a const, only the values.
        rename_edits(&db, &paths, main, "GREEN\nconst colors", 0, "LIME"),
        // From the definition, across files.
        rename_edits(&db, &paths, FileId(1), "DARK", 0, "BLACK"),
        // The enum from `Color.GREEN`: only `Color`.
        rename_edits(&db, &paths, main, "Color.GREEN", 0, "Colour"),
        // A clash with another value of the enum.
        rename_edits(&db, &paths, main, "GREEN]", 0, "RED"),
        // An include prefix is no name to rename.
        rename_edits(&db, &paths, main, "colors.Shade.DARK", 0, "x"),
    ];
    expect![[r#"
        GREEN
        const colors => LIME (prepared /main.thrift:101..106 "GREEN")
          /main.thrift:101..106 "GREEN" -> LIME
          /main.thrift:188..193 "GREEN" -> LIME
          /main.thrift:237..242 "GREEN" -> LIME
          /main.thrift:294..299 "GREEN" -> LIME
          /main.thrift:363..368 "GREEN" -> LIME
          /main.thrift:46..51 "GREEN" -> LIME
        DARK => BLACK (prepared /colors.thrift:38..42 "DARK")
          /colors.thrift:38..42 "DARK" -> BLACK
          /main.thrift:143..147 "DARK" -> BLACK
          /main.thrift:334..338 "DARK" -> BLACK
        Color.GREEN => Colour (prepared /main.thrift:95..100 "Color")
          /main.thrift:159..164 "Color" -> Colour
          /main.thrift:171..176 "Color" -> Colour
          /main.thrift:182..187 "Color" -> Colour
          /main.thrift:205..210 "Color" -> Colour
          /main.thrift:231..236 "Color" -> Colour
          /main.thrift:278..283 "Color" -> Colour
          /main.thrift:288..293 "Color" -> Colour
          /main.thrift:29..34 "Color" -> Colour
          /main.thrift:347..352 "Color" -> Colour
          /main.thrift:85..90 "Color" -> Colour
          /main.thrift:95..100 "Color" -> Colour
        GREEN] => RED (prepared /main.thrift:188..193 "GREEN"): `RED` is already a value of that enum
        colors.Shade.DARK => x (prepared none): there is nothing to rename here"#]].assert_eq(&out.join("\n"));
}

const FBTHRIFT_ENUMS: &str = r#"
//- /main.thrift
include "lib.thrift"
enum Color { RED = 1, GREEN }
struct Anno { 1: Color c; 2: lib.Shade s; }
@Anno{c = GREEN, s = lib.DARK}
const Color C = main.GREEN
const Color D = GREEN
const map<lib.Shade, i32> M = {DARK: 1, lib.Shade.LIGHT: 2}
struct T { 1: Color c = Color.GREEN; 2: lib.Shade s = lib.LIGHT; }
const T V = T{c = GREEN}
//- /lib.thrift
enum Shade {
  /// Almost black.
  DARK,
  LIGHT = 4,
}
"#;

/// fbthrift names an enum value by its bare name in its program's scope
/// (`GREEN`, `main.GREEN`, `lib.DARK`) and where its enum is expected
/// (`DARK` as a key of a `map<lib.Shade, i32>`), in annotations and
/// struct literals too.
#[test]
fn enum_values_navigate_fbthrift() {
    let (db, paths, _) = fixture(FBTHRIFT_ENUMS);
    let out: Vec<String> = [
        ("GREEN }", 0),
        ("GREEN, s", 0),
        ("DARK}", 0),
        ("GREEN\nconst Color D", 0),
        ("GREEN\nconst map", 0),
        ("DARK:", 0),
        ("LIGHT: 2", 0),
        ("LIGHT;", 0),
        ("GREEN}", 0),
        ("main.GREEN", 5),
        // fbthrift's `program.VALUE`: the program is no enum.
        ("main.GREEN", 0),
    ]
    .iter()
    .map(|&(needle, delta)| navigate(&db, &paths, needle, delta))
    .collect();
    expect![[r#"
        == GREEN }
        definition: /main.thrift:43..48 "GREEN"
        references: /main.thrift:105..110 "GREEN", /main.thrift:147..152 "GREEN", /main.thrift:169..174 "GREEN", /main.thrift:265..270 "GREEN", /main.thrift:320..325 "GREEN"
        highlights: 43..48 (decl), 105..110, 147..152, 169..174, 265..270, 320..325
        rename: /main.thrift:43..48 "GREEN"
        hover: Color.GREEN = 2 |  | value of enum `Color`, implicit: the previous value plus one (defined in None)
        == GREEN, s
        definition: /main.thrift:43..48 "GREEN"
        references: /main.thrift:105..110 "GREEN", /main.thrift:147..152 "GREEN", /main.thrift:169..174 "GREEN", /main.thrift:265..270 "GREEN", /main.thrift:320..325 "GREEN"
        highlights: 43..48 (decl), 105..110, 147..152, 169..174, 265..270, 320..325
        rename: /main.thrift:105..110 "GREEN"
        hover: Color.GREEN = 2 |  | value of enum `Color`, implicit: the previous value plus one (defined in None)
        == DARK}
        definition: /lib.thrift:35..39 "DARK"
        references: /main.thrift:120..124 "DARK", /main.thrift:206..210 "DARK"
        highlights: 120..124, 206..210
        rename: /main.thrift:120..124 "DARK"
        hover: Shade.DARK = 0 |  | Almost black. |  | value of enum `Shade`, implicit: the first value is 0 (defined in Some(FileId(1)))
        == GREEN
        const Color D
        definition: /main.thrift:43..48 "GREEN"
        references: /main.thrift:105..110 "GREEN", /main.thrift:147..152 "GREEN", /main.thrift:169..174 "GREEN", /main.thrift:265..270 "GREEN", /main.thrift:320..325 "GREEN"
        highlights: 43..48 (decl), 105..110, 147..152, 169..174, 265..270, 320..325
        rename: /main.thrift:147..152 "GREEN"
        hover: Color.GREEN = 2 |  | value of enum `Color`, implicit: the previous value plus one (defined in None)
        == GREEN
        const map
        definition: /main.thrift:43..48 "GREEN"
        references: /main.thrift:105..110 "GREEN", /main.thrift:147..152 "GREEN", /main.thrift:169..174 "GREEN", /main.thrift:265..270 "GREEN", /main.thrift:320..325 "GREEN"
        highlights: 43..48 (decl), 105..110, 147..152, 169..174, 265..270, 320..325
        rename: /main.thrift:169..174 "GREEN"
        hover: Color.GREEN = 2 |  | value of enum `Color`, implicit: the previous value plus one (defined in None)
        == DARK:
        definition: /lib.thrift:35..39 "DARK"
        references: /main.thrift:120..124 "DARK", /main.thrift:206..210 "DARK"
        highlights: 120..124, 206..210
        rename: /main.thrift:206..210 "DARK"
        hover: Shade.DARK = 0 |  | Almost black. |  | value of enum `Shade`, implicit: the first value is 0 (defined in Some(FileId(1)))
        == LIGHT: 2
        definition: /lib.thrift:43..48 "LIGHT"
        references: /main.thrift:225..230 "LIGHT", /main.thrift:293..298 "LIGHT"
        highlights: 225..230, 293..298
        rename: /main.thrift:225..230 "LIGHT"
        hover: Shade.LIGHT = 4 |  | value of enum `Shade`, explicit (defined in Some(FileId(1)))
        == LIGHT;
        definition: /lib.thrift:43..48 "LIGHT"
        references: /main.thrift:225..230 "LIGHT", /main.thrift:293..298 "LIGHT"
        highlights: 225..230, 293..298
        rename: /main.thrift:293..298 "LIGHT"
        hover: Shade.LIGHT = 4 |  | value of enum `Shade`, explicit (defined in Some(FileId(1)))
        == GREEN}
        definition: /main.thrift:43..48 "GREEN"
        references: /main.thrift:105..110 "GREEN", /main.thrift:147..152 "GREEN", /main.thrift:169..174 "GREEN", /main.thrift:265..270 "GREEN", /main.thrift:320..325 "GREEN"
        highlights: 43..48 (decl), 105..110, 147..152, 169..174, 265..270, 320..325
        rename: /main.thrift:320..325 "GREEN"
        hover: Color.GREEN = 2 |  | value of enum `Color`, implicit: the previous value plus one (defined in None)
        == main.GREEN
        definition: /main.thrift:43..48 "GREEN"
        references: /main.thrift:105..110 "GREEN", /main.thrift:147..152 "GREEN", /main.thrift:169..174 "GREEN", /main.thrift:265..270 "GREEN", /main.thrift:320..325 "GREEN"
        highlights: 43..48 (decl), 105..110, 147..152, 169..174, 265..270, 320..325
        rename: /main.thrift:147..152 "GREEN"
        hover: Color.GREEN = 2 |  | value of enum `Color`, implicit: the previous value plus one (defined in None)
        == main.GREEN
        definition: none
        references: 
        highlights: 
        rename: none
        hover: none"#]].assert_eq(&out.join("\n"));
}

#[test]
fn enum_values_rename_fbthrift() {
    let (db, paths, _) = fixture(FBTHRIFT_ENUMS);
    let out = [
        rename_edits(&db, &paths, FileId(0), "GREEN }", 0, "LIME"),
        rename_edits(&db, &paths, FileId(1), "DARK", 0, "BLACK"),
        rename_edits(&db, &paths, FileId(0), "LIGHT: 2", 0, "PALE"),
    ];
    expect![[r#"
        GREEN } => LIME (prepared /main.thrift:43..48 "GREEN")
          /main.thrift:105..110 "GREEN" -> LIME
          /main.thrift:147..152 "GREEN" -> LIME
          /main.thrift:169..174 "GREEN" -> LIME
          /main.thrift:265..270 "GREEN" -> LIME
          /main.thrift:320..325 "GREEN" -> LIME
          /main.thrift:43..48 "GREEN" -> LIME
        DARK => BLACK (prepared /lib.thrift:35..39 "DARK")
          /lib.thrift:35..39 "DARK" -> BLACK
          /main.thrift:120..124 "DARK" -> BLACK
          /main.thrift:206..210 "DARK" -> BLACK
        LIGHT: 2 => PALE (prepared /main.thrift:225..230 "LIGHT")
          /lib.thrift:43..48 "LIGHT" -> PALE
          /main.thrift:225..230 "LIGHT" -> PALE
          /main.thrift:293..298 "LIGHT" -> PALE"#]]
    .assert_eq(&out.join("\n"));
}

/// Semantic tokens mark every value that names an enum value as
/// `enumMember`, and only the `Enum` segment of `Enum.VALUE` as `enum`.
#[test]
fn enum_values_semantic_tokens() {
    let mut out = Vec::new();
    for fixture_text in [APACHE_ENUMS, FBTHRIFT_ENUMS] {
        let (db, _, _) = fixture(fixture_text);
        let main = FileId(0);
        let text = db.text(main).unwrap();
        let tokens: Vec<String> = semantic_tokens(&db, main, None)
            .iter()
            .filter(|t| {
                matches!(
                    TOKEN_TYPES[t.kind as usize],
                    "enum" | "enumMember" | "namespace" | "variable"
                ) && t.modifiers == 0
            })
            .map(|t| format!("{} {}", &text[t.range], TOKEN_TYPES[t.kind as usize]))
            .collect();
        out.push(tokens.join(", "));
    }
    expect![[r#"
        Color enum, Color enum, GREEN enumMember, colors namespace, Shade enum, colors namespace, Shade enum, DARK enumMember, Color enum, Color enum, RED enumMember, Color enum, GREEN enumMember, Color enum, colors namespace, Shade enum, Color enum, GREEN enumMember, colors namespace, Shade enum, LIGHT enumMember, Color enum, Color enum, GREEN enumMember, colors namespace, Shade enum, colors namespace, Shade enum, DARK enumMember, Color enum, Other enum, GREEN enumMember
        Color enum, lib namespace, Shade enum, GREEN enumMember, lib namespace, DARK enumMember, Color enum, GREEN enumMember, Color enum, GREEN enumMember, lib namespace, Shade enum, DARK enumMember, lib namespace, Shade enum, LIGHT enumMember, Color enum, Color enum, GREEN enumMember, lib namespace, Shade enum, lib namespace, LIGHT enumMember, GREEN enumMember"#]].assert_eq(&out.join("\n"));
}
