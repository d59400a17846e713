//! Semantic checks on multi-file fixtures:
//!
//! ```text
//! //- /main.thrift
//! include "shared.thrift"
//! //- /shared.thrift
//! struct S {}
//! ```
//!
//! Includes resolve relative to the including file, then from `/`.

use std::collections::HashMap;

use expect_test::{Expect, expect};
use thrift_syntax::LineIndex;

use crate::{Database, DefRef, FileId};

/// Splits a fixture into `(path, text)` pairs.
fn files(fixture: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let starts_with_header = fixture.trim_start().starts_with("//- ");
    if !starts_with_header {
        out.push(("/main.thrift".to_string(), String::new()));
    }
    for line in fixture.lines() {
        if let Some(path) = line.strip_prefix("//- ") {
            out.push((path.trim().to_string(), String::new()));
        } else if let Some((_, text)) = out.last_mut() {
            text.push_str(line);
            text.push('\n');
        }
    }
    out
}

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

fn database(fixture: &str) -> (Database, Vec<String>) {
    let files = files(fixture);
    let paths: Vec<String> = files.iter().map(|(p, _)| p.clone()).collect();
    let ids: HashMap<String, FileId> = paths
        .iter()
        .enumerate()
        .map(|(i, p)| (p.clone(), FileId(i as u32)))
        .collect();
    let paths_for_resolver = paths.clone();
    let resolver = move |from: FileId, include: &str| -> Option<FileId> {
        let from_path = &paths_for_resolver[from.0 as usize];
        let dir = &from_path[..from_path.rfind('/').unwrap_or(0)];
        let candidates = [normalize(&format!("{dir}/{include}")), normalize(include)];
        candidates.iter().find_map(|c| ids.get(c).copied())
    };
    let mut db = Database::new(resolver);
    for (i, (path, text)) in files.iter().enumerate() {
        db.set_file_name(FileId(i as u32), Some(path));
        db.apply_change(FileId(i as u32), text);
    }
    (db, paths)
}

fn dump(db: &mut Database, paths: &[String]) -> String {
    let mut out = String::new();
    for (i, path) in paths.iter().enumerate() {
        let file = FileId(i as u32);
        let text = db.text(file).unwrap().to_string();
        let index = LineIndex::new(&text);
        for d in db.diagnostics(file).iter() {
            let lc = index.line_col(&text, d.range.start());
            let snippet = &text[d.range];
            out.push_str(&format!(
                "{path}:{}:{} {} {}: {} [{}]\n",
                lc.line + 1,
                lc.col + 1,
                d.code,
                d.severity.as_str(),
                d.message,
                snippet
            ));
            for r in &d.related {
                let rtext = db.text(r.file).unwrap();
                let lc = LineIndex::new(rtext).line_col(rtext, r.range.start());
                out.push_str(&format!(
                    "  {}:{}:{}: {}\n",
                    paths[r.file.0 as usize],
                    lc.line + 1,
                    lc.col + 1,
                    r.message
                ));
            }
        }
    }
    out
}

fn check(fixture: &str, expect: Expect) {
    let (mut db, paths) = database(fixture);
    expect.assert_eq(&dump(&mut db, &paths));
}

#[test]
fn clean_multi_file_project() {
    check(
        r#"
//- /main.thrift
include "shared.thrift"
include "sub/types.thrift"
typedef shared.Id UserId
const shared.Color DEFAULT = shared.Color.RED
const types.Point ORIGIN = {"x": 0, "y": 0}
struct User {
  1: required UserId id
  2: optional shared.Color color = shared.Color.BLUE
  3: list<types.Point> path = [{"x": 1, "y": 2}]
  4: map<string, i32> counts = {"a": 1}
}
exception NotFound { 1: string message }
service Users extends shared.Base {
  User get(1: UserId id) throws (1: NotFound nf)
  oneway void poke()
}
//- /shared.thrift
typedef i64 Id
enum Color { RED, BLUE = 5 }
service Base { void ping() }
//- /sub/types.thrift
struct Point { 1: i32 x, 2: i32 y }
"#,
        expect![[""]],
    );
}

#[test]
fn unresolved_types_and_prefixes() {
    check(
        r#"
include "shared.thrift"
struct S {
  1: Missing a
  2: shared.Missing b
  3: nope.Thing c
  4: shared.Known d
}
service X extends Nope {}
//- /shared.thrift
struct Known {}
"#,
        expect![[r#"
            /main.thrift:4:6 T1010 error: type `Missing` is not defined [Missing]
            /main.thrift:5:6 T1010 error: type `shared.Missing` is not defined [shared.Missing]
            /main.thrift:6:6 T1011 error: `nope.Thing`: no included file is named `nope` (add `include "nope.thrift"`) [nope.Thing]
            /main.thrift:9:19 T1010 error: service `Nope` is not defined [Nope]
        "#]],
    );
}

#[test]
fn allow_comments_silence_one_code_on_their_line_and_the_next() {
    check(
        r#"
include "shared.thrift" // thrift-lint: allow(unused-include)
struct S {
  // thrift-lint: allow(T1032)
  i32 a
  i32 b // thrift-lint: allow(T1010)
  /* thrift-lint: allow(T1010, T1032) */ 1: Missing c
}
//- /shared.thrift
"#,
        expect![[r#"
            /main.thrift:6:7 T1032 warning: field `b` has no id; the compiler assigns -2, which breaks compatibility when fields are added [b]
        "#]],
    );
}

#[test]
fn includes_unresolved_duplicate_unused_and_cycles() {
    check(
        r#"
include "missing.thrift"
include "a.thrift"
include "./a.thrift"
include "unused.thrift"
struct S { 1: a.A x }
//- /a.thrift
include "main.thrift"
struct A { 1: main.S s }
//- /unused.thrift
struct U {}
"#,
        expect![[r#"
            /main.thrift:2:9 T1001 warning: cannot find included file `missing.thrift` ["missing.thrift"]
            /main.thrift:3:9 T1002 error: including `a.thrift` creates a cycle: it includes this file back ["a.thrift"]
            /main.thrift:4:9 T1004 warning: `./a.thrift` is already included ["./a.thrift"]
              /main.thrift:3:9: first included here
            /main.thrift:5:9 T1003 warning: `unused.thrift` is included but nothing from it is used (no `unused.` reference) ["unused.thrift"]
            /a.thrift:1:9 T1002 error: including `main.thrift` creates a cycle: it includes this file back ["main.thrift"]
        "#]],
    );
}

#[test]
fn duplicate_definitions_and_not_a_type() {
    check(
        r#"
struct A {}
enum A { X }
const i32 C = 1
const i32 C = 2
service Svc {}
struct B { 1: C c, 2: Svc s }
const i32 A = 3
"#,
        expect![[r#"
            /main.thrift:3:6 T1020 error: `A` is defined more than once [A]
              /main.thrift:2:8: first defined here
            /main.thrift:5:11 T1020 error: `C` is defined more than once [C]
              /main.thrift:4:11: first defined here
            /main.thrift:7:15 T1013 error: `C` is const `C`, not a type [C]
            /main.thrift:7:23 T1013 error: `Svc` is service `Svc`, not a type [Svc]
        "#]],
    );
}

#[test]
fn field_ids() {
    check(
        r#"
struct S {
  1: i32 a
  1: i32 b
  2: i32 a
  i32 implicit
  0: i32 zero
  -5: i32 negative
  40000: i32 big
  true: i32 t
}
struct Auto {
  -1: i32 x
  -1: i32 y
}
"#,
        expect![[r#"
            /main.thrift:4:3 T1030 error: field id 1 of `b` is already used by `a` [1:]
              /main.thrift:3:3: first used here
            /main.thrift:5:10 T1031 error: field name `a` is already used [a]
              /main.thrift:3:10: first used here
            /main.thrift:6:7 T1032 warning: field `implicit` has no id; the compiler assigns -1, which breaks compatibility when fields are added [implicit]
            /main.thrift:7:3 T1033 warning: field id 0 of `zero` is not positive; the compiler ignores it and assigns -2 [0:]
            /main.thrift:8:3 T1033 warning: field id -5 of `negative` is not positive; the compiler ignores it and assigns -3 [-5:]
            /main.thrift:9:3 T1034 warning: field id 40000 of `big` does not fit in 16 bits (-32768..32767) [40000:]
            /main.thrift:10:3 T1030 error: field id 1 of `t` is already used by `a` [true:]
              /main.thrift:3:3: first used here
            /main.thrift:13:3 T1033 warning: field id -1 of `x` is not positive; the compiler ignores it and assigns -1 [-1:]
            /main.thrift:14:3 T1033 warning: field id -1 of `y` is not positive; the compiler ignores it and assigns -2 [-1:]
        "#]],
    );
}

#[test]
fn unions_arguments_and_functions() {
    check(
        r#"
exception E {}
struct NotE {}
union U { 1: required i32 a, 2: optional i32 b }
service Base { void ping() }
service Svc extends Base {
  void ping()
  void f(1: optional i32 x, 1: i32 y)
  void f()
  oneway i32 g()
  oneway void h() throws (1: E e)
  void i() throws (1: NotE n, 2: E e, 3: i32 k)
}
struct NotSvc {}
service Bad extends NotSvc {}
"#,
        expect![[r#"
            /main.thrift:4:14 T1035 warning: union field `a` is marked `required`, but a union sets exactly one field [required]
            /main.thrift:7:8 T1045 error: function `ping` is already defined in the parent service `Base` [ping]
              /main.thrift:5:9: `Base` is defined here
            /main.thrift:8:13 T1036 warning: argument `x` is marked `optional`, which has no effect on arguments [optional]
            /main.thrift:8:29 T1030 error: field id 1 of `y` is already used by `x` [1:]
              /main.thrift:8:10: first used here
            /main.thrift:9:8 T1044 error: function `f` is already defined in `Svc` [f]
              /main.thrift:8:8: first defined here
            /main.thrift:10:10 T1040 warning: oneway function `g` returns a value, but a oneway call gets no response [i32]
            /main.thrift:11:3 T1041 error: oneway function `h` cannot throw exceptions: a oneway call gets no response [oneway]
            /main.thrift:12:23 T1042 error: `throws` lists struct `NotE`, which is not an exception [NotE]
            /main.thrift:12:42 T1042 error: `throws` lists `i32`, which is not an exception [i32]
            /main.thrift:15:21 T1043 error: `Bad` extends struct `NotSvc`, which is not a service [NotSvc]
        "#]],
    );
}

/// A function redefined down an `extends` chain is reported against the
/// nearest parent that defines it, across files; a cycle of three is
/// reported on each of its services, not on one that extends into it.
#[test]
fn inherited_functions_along_chains() {
    check(
        r#"
//- /main.thrift
include "base.thrift"
service Mid extends base.Root { void ping() void mid() }
service Leaf extends Mid { void ping() void root() void mid() void own() }
service Other extends base.Root { void own() }
service C1 extends C3 { void c() }
service C2 extends C1 { void c() }
service C3 extends C2 { void d() }
service Below extends C1 { void d() }
//- /base.thrift
service Root { void root() void ping() }
"#,
        expect![[r#"
            /main.thrift:2:38 T1045 error: function `ping` is already defined in the parent service `Root` [ping]
              /base.thrift:1:9: `Root` is defined here
            /main.thrift:3:33 T1045 error: function `ping` is already defined in the parent service `Mid` [ping]
              /main.thrift:2:9: `Mid` is defined here
            /main.thrift:3:45 T1045 error: function `root` is already defined in the parent service `Root` [root]
              /base.thrift:1:9: `Root` is defined here
            /main.thrift:3:57 T1045 error: function `mid` is already defined in the parent service `Mid` [mid]
              /main.thrift:2:9: `Mid` is defined here
            /main.thrift:5:20 T1046 error: service `C1` extends itself [C3]
            /main.thrift:5:20 T1047 error: service `C3` is used before its definition; the Apache compiler needs it defined above this point [C3]
              /main.thrift:7:9: defined here
            /main.thrift:6:20 T1046 error: service `C2` extends itself [C1]
            /main.thrift:6:30 T1045 error: function `c` is already defined in the parent service `C1` [c]
              /main.thrift:5:9: `C1` is defined here
            /main.thrift:7:20 T1046 error: service `C3` extends itself [C2]
        "#]],
    );
}

#[test]
fn service_and_typedef_cycles() {
    check(
        r#"
service A extends B {}
service B extends A {}
typedef T1 T2
typedef T2 T1
typedef T3 T3
"#,
        expect![[r#"
            /main.thrift:2:19 T1046 error: service `A` extends itself [B]
            /main.thrift:2:19 T1047 error: service `B` is used before its definition; the Apache compiler needs it defined above this point [B]
              /main.thrift:3:9: defined here
            /main.thrift:3:19 T1046 error: service `B` extends itself [A]
            /main.thrift:4:12 T1022 error: typedef `T2` refers back to itself through a chain of typedefs [T2]
            /main.thrift:5:12 T1022 error: typedef `T1` refers back to itself through a chain of typedefs [T1]
            /main.thrift:6:12 T1022 error: typedef `T3` refers back to itself through a chain of typedefs [T3]
        "#]],
    );
}

#[test]
fn enums() {
    check(
        r#"
enum E {
  A = 1
  B = 1
  A = 2
  C = 0x7FFFFFFF
  D
  F = -0x80000000
}
"#,
        expect![[r#"
            /main.thrift:4:7 T1051 warning: enum value `B` has the number 1, like `A` [1]
              /main.thrift:3:7: first used here
            /main.thrift:5:3 T1050 error: enum value `A` is already defined [A]
              /main.thrift:3:3: first defined here
            /main.thrift:7:3 T1052 error: enum value `D` = 2147483648 does not fit in 32 bits [D]
        "#]],
    );
}

#[test]
fn values() {
    check(
        r#"
enum Color { RED, GREEN }
enum Other { RED }
struct P { 1: i32 x, 2: string name, 3: list<Color> colors }
const i8 SMALL = 200
const i16 OK16 = -32768
const i64 BIG = 0x7FFFFFFFFFFF
const string S = 5
const double D = 1
const bool B = "yes"
const list<i32> L = [1, "two", 3]
const map<string, i32> M = {"a": 1, 2: 2}
const Color C1 = Color.RED
const Color C2 = Other.RED
const Color C3 = RED
const Color C4 = 7
const Color C5 = 1
const P PT = {"x": 1, "name": "n", "colors": [Color.GREEN], "nope": 1}
const P PT2 = [1]
const uuid U1 = "00000000-0000-0000-0000-000000000000"
const uuid U2 = "{00000000-0000-0000-0000-000000000000}"
const uuid U3 = "nope"
const i32 REF = SMALL
const string SREF = OK16
const i32 MISSING = NOPE
struct F { 1: i32 a = "s", 2: Color c = Color.BLUE }
"#,
        expect![[r#"
            /main.thrift:5:18 T1061 error: const `SMALL`: 200 does not fit in i8 (-128..127) [200]
            /main.thrift:7:17 T2003 hint: const `BIG`: the 64-bit constant 140737488355327 may not work in all languages [0x7FFFFFFFFFFF]
            /main.thrift:8:18 T1060 error: const `S` has type string, but the value is an integer [5]
            /main.thrift:10:16 T1060 error: const `B` has type bool, but the value is a string ["yes"]
            /main.thrift:11:25 T1060 error: an element of const `L` has type i32, but the value is a string ["two"]
            /main.thrift:12:37 T1060 error: a key of const `M` has type string, but the value is an integer [2]
            /main.thrift:14:18 T1065 warning: `Other.RED`: `RED` is taken from enum `Color`, the type of const `C2`; write `Color.RED` [Other.RED]
            /main.thrift:15:18 T1062 error: `RED` is unqualified; write `Color.RED` [RED]
            /main.thrift:16:18 T1060 error: const `C4`: 7 is not a value of enum `Color` [7]
            /main.thrift:18:61 T1064 error: `P` has no field `nope` ["nope"]
            /main.thrift:19:15 T1060 error: const `PT2` has type struct `P`, but the value is a list [[1]]
            /main.thrift:22:17 T1063 error: const `U3`: `nope` is not a UUID (expected 8-4-4-4-12 hex digits, optionally in braces) ["nope"]
            /main.thrift:24:21 T1060 error: const `SREF` has type string, but `OK16` is a const of type i16 [OK16]
            /main.thrift:25:21 T1012 error: `NOPE` is not a defined const or enum value [NOPE]
            /main.thrift:26:23 T1060 error: the default of `a` has type i32, but the value is a string ["s"]
            /main.thrift:26:41 T1012 error: `Color.BLUE` is not a defined const or enum value [Color.BLUE]
        "#]],
    );
}

#[test]
fn deprecated_and_removed_syntax() {
    check(
        r#"
cpp_namespace foo
senum S { "a" }
struct X xsd_all {
  1: byte b
  2: slist s
  3: list<i8> l
  4: list<i32> cpp_type "std::vector<int>" v
}
service Svc { async void f() }
"#,
        expect![[r#"
            /main.thrift:2:1 T2002 error: `cpp_namespace` is no longer supported; write `namespace <language> <name>` [cpp_namespace]
            /main.thrift:3:1 T2002 error: `senum` was removed in Apache Thrift 0.17; use `string` consts or an `enum` [senum]
            /main.thrift:4:10 T2001 warning: `xsd_all` is deprecated and ignored by every generator but the XSD one [xsd_all]
            /main.thrift:5:6 T2001 warning: `byte` is deprecated; write `i8` [byte]
            /main.thrift:6:6 T2002 error: `slist` was removed in Apache Thrift 0.17; write `string` [slist]
            /main.thrift:7:6 T2001 warning: `list<byte>` is inefficient; use `binary` [list<i8>]
            /main.thrift:8:16 T2001 warning: `cpp_type` after the element type is deprecated; write `list cpp_type "T" <elem>` [cpp_type "std::vector<int>"]
            /main.thrift:10:15 T2001 warning: `async` is deprecated; write `oneway` [async]
        "#]],
    );
}

#[test]
fn syntax_errors_are_diagnostics_too() {
    check(
        "struct A {\nstruct B { 1: Nope x }\n",
        expect![[r#"
            /main.thrift:1:11 T0001 error: expected `}` to close struct `A` opened at 1:10, found `struct` []
            /main.thrift:2:15 T1010 error: type `Nope` is not defined [Nope]
        "#]],
    );
}

#[test]
fn incremental_updates_recheck_only_what_depends_on_a_changed_summary() {
    let (mut db, paths) = database(
        r#"
//- /main.thrift
include "leaf.thrift"
struct S { 1: leaf.L l }
//- /leaf.thrift
struct L { 1: i32 x }
//- /other.thrift
struct O {}
"#,
    );
    let (main, leaf, other) = (FileId(0), FileId(1), FileId(2));
    let _ = dump(&mut db, &paths);
    let baseline = db.checks_run();

    // A comment in the leaf: its summary is unchanged, only it is rechecked.
    let impact = db.apply_change(leaf, "// comment\nstruct L { 1: i32 x }\n");
    assert!(!impact.summary_changed);
    assert_eq!(impact.affected(&db), [leaf]);
    let _ = dump(&mut db, &paths);
    assert_eq!(db.checks_run(), baseline + 1);

    // Renaming `L` changes the summary: `main` is rechecked and now fails.
    let impact = db.apply_change(leaf, "struct M { 1: i32 x }\n");
    assert!(impact.summary_changed);
    assert_eq!(impact.affected(&db), [leaf, main]);
    let out = dump(&mut db, &paths);
    assert_eq!(db.checks_run(), baseline + 3);
    assert!(
        out.contains("T1010 error: type `leaf.L` is not defined"),
        "{out}"
    );
    let _ = other;

    // The same diagnostics as a fresh database with the same texts.
    let fresh = {
        let mut fixture = String::new();
        for (i, path) in paths.iter().enumerate() {
            fixture.push_str(&format!(
                "//- {path}\n{}",
                db.text(FileId(i as u32)).unwrap()
            ));
        }
        let (mut db2, paths2) = database(&fixture);
        dump(&mut db2, &paths2)
    };
    assert_eq!(out, fresh);
}

#[test]
fn enum_values_are_looked_up_in_the_expected_enum() {
    check(
        r#"
include "shared.thrift"
const map<i32, shared.Color> M = {1: shared.RED, 2: shared.Color.BLUE, 3: Color.RED}
//- /shared.thrift
enum Color { RED, BLUE }
"#,
        expect![[r#"
            /main.thrift:3:38 T1065 warning: `shared.RED`: `RED` is taken from enum `Color`, the type of a value of const `M`; write `shared.Color.RED` [shared.RED]
        "#]],
    );
}

#[test]
fn order_dotted_names_union_defaults_throws_and_allow_typos() {
    check(
        r#"
service Child extends Parent {}
service Parent {}
const i32 A = B
const i32 B = 1
struct S { 1: Color c = Color.RED }
enum Color { RED }
const Color OK = Color.RED
struct a.b {}
union U { 1: i32 x = 1, 2: i32 y = 2 }
exception E {}
service T { void f() throws (1: required E e) }
// thrift-lint: allow(T9999, unused-include)
"#,
        expect![[r#"
            /main.thrift:2:23 T1047 error: service `Parent` is used before its definition; the Apache compiler needs it defined above this point [Parent]
              /main.thrift:3:9: defined here
            /main.thrift:4:15 T1047 error: `B` is used before its definition; the Apache compiler needs it defined above this point [B]
              /main.thrift:5:11: defined here
            /main.thrift:6:25 T1047 error: enum `Color` is used before its definition; the Apache compiler needs it defined above this point [Color.RED]
              /main.thrift:7:6: defined here
            /main.thrift:9:8 T1021 error: `a.b`: a name cannot contain `.`; dots separate an include prefix from a name [a.b]
            /main.thrift:10:34 T1037 error: union field `y` has a default value, but another field already has one; a union holds one value [= 2]
              /main.thrift:10:20: the first default
            /main.thrift:12:33 T1038 warning: exception `e` in a `throws` list is marked `required`; at most one exception is thrown [required]
            /main.thrift:13:1 T2004 warning: `thrift-lint: allow(T9999)` names no diagnostic code [// thrift-lint: allow(T9999, unused-include)]
        "#]],
    );
}

#[test]
fn definitions_and_references() {
    let (db, _paths) = database(
        r#"
//- /main.thrift
include "shared.thrift"
typedef shared.Id UserId
struct User { 1: UserId id, 2: shared.Color c = shared.Color.RED }
service S extends shared.Base {}
//- /shared.thrift
typedef i64 Id
enum Color { RED }
service Base {}
const Color DEFAULT = Color.RED
"#,
    );
    let main = FileId(0);
    let text = db.text(main).unwrap().to_string();
    let at = |needle: &str| thrift_syntax::TextSize::new(text.find(needle).unwrap() as u32 + 1);
    let describe = |def: Option<DefRef>| def.map(|d| db.describe_def(d)).unwrap_or_default();
    assert_eq!(
        describe(db.definition_at(main, at("shared.Id"))),
        "typedef `Id`"
    );
    assert_eq!(
        describe(db.definition_at(main, at("UserId id"))),
        "typedef `UserId`"
    );
    assert_eq!(
        describe(db.definition_at(main, at("shared.Color c"))),
        "enum `Color`"
    );
    assert_eq!(
        describe(db.definition_at(main, at("shared.Color.RED"))),
        "enum `Color`"
    );
    assert_eq!(
        describe(db.definition_at(main, at("shared.Base"))),
        "service `Base`"
    );
    assert_eq!(
        describe(db.definition_at(main, at("User {"))),
        "struct `User`"
    );

    let color = db.definition_at(main, at("shared.Color c")).unwrap();
    let refs: Vec<String> = db
        .references(color)
        .iter()
        .map(|r| format!("{}:{}", r.file.0, &db.text(r.file).unwrap()[r.range]))
        .collect();
    assert_eq!(
        refs,
        // The segment that names the enum: what rename edits.
        ["0:Color", "0:Color", "1:Color", "1:Color"]
    );
}

#[test]
fn fbthrift_names_navigate() {
    let (db, _paths) = database(
        r#"
//- /main.thrift
include "thrift/annotation/cpp.thrift"
include "inc.thrift"
struct Foo { 1: i32 name; 2: optional Foo inner; 3: list<Foo> more; }
@cpp.Type{name = "x"}
@Foo
struct Bar {
  1: Foo f = Foo{name = 1, inner = Foo{name = 2}, more = [{name = 3}]};
  2: inc.Alias g = {name = 4};
}
const Foo c = {inner = {name = 5}}
const inc.Baz z = inc.Baz{name = 6}
interaction I {}
service S { performs I; }
//- /inc.thrift
struct Baz { 1: i32 name }
typedef Baz Alias
//- /thrift/annotation/cpp.thrift
struct Type { 1: string name; 2: string template; }
"#,
    );
    let main = FileId(0);
    let text = db.text(main).unwrap().to_string();
    // The `n`-th occurrence of `needle`, one byte in.
    let at = |needle: &str, n: usize| {
        let i = text.match_indices(needle).nth(n).unwrap().0;
        thrift_syntax::TextSize::new(i as u32 + 1)
    };
    let describe = |def: Option<DefRef>| match def {
        Some(d) => format!("{} {}", d.file.0, db.describe_def(d)),
        None => "-".into(),
    };
    let defs: Vec<String> = [
        ("cpp.Type", 0),
        ("Type{", 0),
        ("@Foo", 0),
        ("Foo{name = 1", 0),
        ("Foo{name = 2", 0),
        ("Baz{", 0),
        (" I;", 0),
    ]
    .iter()
    .map(|&(needle, n)| {
        let mut offset = at(needle, n);
        if needle.starts_with('@') {
            offset += thrift_syntax::TextSize::new(1);
        }
        format!("{needle}: {}", describe(db.definition_at(main, offset)))
    })
    .collect();
    expect![[r#"
        cpp.Type: 2 struct `Type`
        Type{: 2 struct `Type`
        @Foo: 0 struct `Foo`
        Foo{name = 1: 0 struct `Foo`
        Foo{name = 2: 0 struct `Foo`
        Baz{: 1 struct `Baz`
         I;: 0 interaction `I`"#]]
    .assert_eq(&defs.join("\n"));

    let show = |refs: Vec<crate::Reference>| -> String {
        refs.iter()
            .map(|r| {
                let t = db.text(r.file).unwrap();
                format!("{}@{:?} {}", r.file.0, r.range, &t[r.range])
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let foo = db
        .definition_at(main, at("@Foo", 0) + thrift_syntax::TextSize::new(1))
        .unwrap();
    // From the `@` too.
    let at_sign = at("@Foo", 0) - thrift_syntax::TextSize::new(1);
    assert_eq!(db.definition_at(main, at_sign), Some(foo));
    expect!["0@98..101 Foo, 0@117..120 Foo, 0@153..156 Foo, 0@175..178 Foo, 0@183..186 Foo, 0@205..208 Foo, 0@281..284 Foo"]
        .assert_eq(&show(db.references(foo)));
    let ty = db.definition_at(main, at("cpp.Type", 0)).unwrap();
    expect!["0@135..139 Type"].assert_eq(&show(db.references(ty)));
    let interaction = db.definition_at(main, at(" I;", 0)).unwrap();
    expect!["0@384..385 I"].assert_eq(&show(db.references(interaction)));

    // Field names: in an annotation, a literal, nested literals with and
    // without their struct, through a typedef of another file.
    let field = |needle: &str, n: usize| -> String {
        match db.field_at(main, at(needle, n)) {
            Some(f) => {
                let def = db.def(f.def).unwrap();
                let field = &def.kind.fields().unwrap()[f.index];
                format!("{needle}#{n}: {}.{}", def.name, field.name)
            }
            None => format!("{needle}#{n}: -"),
        }
    };
    let fields: Vec<String> = [
        ("name", 1),
        ("name", 2),
        ("inner", 1),
        ("name", 3),
        ("more", 1),
        ("name", 4),
        ("name", 5),
        ("inner", 2),
        ("name", 6),
        ("name", 7),
        ("name", 0),
        ("Bar", 0),
    ]
    .iter()
    .map(|&(needle, n)| field(needle, n))
    .collect();
    expect![[r#"
        name#1: Type.name
        name#2: Foo.name
        inner#1: Foo.inner
        name#3: Foo.name
        more#1: Foo.more
        name#4: Foo.name
        name#5: Baz.name
        inner#2: Foo.inner
        name#6: Foo.name
        name#7: Baz.name
        name#0: Foo.name
        Bar#0: -"#]]
    .assert_eq(&fields.join("\n"));

    let name = db.field_at(main, at("name", 0)).unwrap();
    expect!["0@187..191 name, 0@209..213 name, 0@229..233 name, 0@299..303 name"]
        .assert_eq(&show(db.field_references(name)));
    let baz_name = db.field_at(main, at("name", 5)).unwrap();
    expect!["0@262..266 name, 0@336..340 name"].assert_eq(&show(db.field_references(baz_name)));
    assert_eq!(
        db.field_name_range(baz_name)
            .map(|r| &db.text(FileId(1)).unwrap()[r]),
        Some("name")
    );
    let template = db.field_named(ty, "template").unwrap();
    assert!(db.field_references(template).is_empty());
}

/// Apache Thrift's struct constants name fields by string keys.
#[test]
fn struct_constant_keys_name_fields() {
    let (db, _paths) = database(
        r#"
//- /main.thrift
include "inc.thrift"
struct Foo { 1: i32 name; 2: optional Foo inner; 3: map<string, i32> counts }
const Foo A = {"name": 1, "inner": {'name': 2}, "counts": {"name": 3}}
const list<inc.Alias> B = [{"name": 4}]
const map<string, i32> C = {"name": 5}
union U { 1: Foo member; 2: i32 other; }
const i32 other = 7
const U D = {member: {name: 6}}
const U E = {other: 8}
//- /inc.thrift
include "main.thrift"
typedef main.Foo Alias
"#,
    );
    let main = FileId(0);
    let text = db.text(main).unwrap().to_string();
    let field = |n: usize| -> String {
        let i = text.match_indices("name").nth(n).unwrap().0;
        match db.field_at(main, thrift_syntax::TextSize::new(i as u32)) {
            Some(f) => {
                let def = db.def(f.def).unwrap();
                format!("{}.{}", def.name, def.kind.fields().unwrap()[f.index].name)
            }
            None => "-".into(),
        }
    };
    // In A (and nested, single-quoted), in a list through a typedef of
    // another file; not in a `map<string, i32>`, nor in C; fbthrift's bare
    // names, nested in D.
    let found: Vec<String> = (1..=6).map(field).collect();
    assert_eq!(
        found,
        ["Foo.name", "Foo.name", "-", "Foo.name", "-", "Foo.name"],
        "{text}"
    );
    let at = |needle: &str| at_str(&text, needle);
    let describe = |f: Option<crate::FieldRef>| {
        f.map(|f| {
            db.def(f.def).unwrap().kind.fields().unwrap()[f.index]
                .name
                .clone()
        })
    };
    assert_eq!(
        describe(db.field_at(main, at("member:"))),
        Some("member".into())
    );
    // A bare name that is a const is the const, not a field.
    assert_eq!(describe(db.field_at(main, at("other: 8"))), None);
    let other = db.definition_at(main, at("other: 8")).unwrap();
    assert_eq!(db.describe_def(other), "const `other`");
    let name = db.field_at(main, at_str(&text, "name;")).unwrap();
    let refs: Vec<String> = db
        .field_references(name)
        .iter()
        .map(|r| format!("{:?} {}", r.range, &db.text(r.file).unwrap()[r.range]))
        .collect();
    assert_eq!(
        refs,
        [
            "115..119 name",
            "136..140 name",
            "199..203 name",
            "332..336 name"
        ]
    );
}

fn at_str(text: &str, needle: &str) -> thrift_syntax::TextSize {
    thrift_syntax::TextSize::new(text.find(needle).unwrap() as u32)
}

/// Random edit sequences: after each edit, the incremental diagnostics of
/// every file equal those of a fresh database with the same texts.
#[test]
fn incremental_diagnostics_match_a_fresh_check() {
    const VARIANTS: &[&[&str]] = &[
        // main.thrift
        &[
            "include \"a.thrift\"\nstruct M { 1: a.A x, 2: a.Color c = a.Color.RED }\n",
            "include \"a.thrift\"\nstruct M { 1: a.A x\n 1: i32 y }\n",
            "include \"a.thrift\"\n// comment\nstruct M { 1: a.B x }\n",
            "struct M { 1: a.A x }\n",
        ],
        // a.thrift
        &[
            "include \"b.thrift\"\nstruct A { 1: b.B b }\nenum Color { RED }\n",
            "include \"b.thrift\"\nstruct A { 1: b.B b = {} }\nenum Color { BLUE }\n",
            "struct A {}\nstruct B {}\nenum Color { RED, BLUE }\n",
            "include \"main.thrift\"\nstruct A { 1: main.M m }\nenum Color { RED }\n",
        ],
        // b.thrift
        &[
            "struct B { 1: i32 x }\n",
            "struct B { 1: i32 x = 5 }\n",
            "struct C {}\n",
            "struct B { 1: i32 x\n",
        ],
    ];
    let mut seed: u64 = 42;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let paths = ["/main.thrift", "/a.thrift", "/b.thrift"];
    let fixture = |texts: &[&str; 3]| -> String {
        paths
            .iter()
            .zip(texts)
            .map(|(p, t)| format!("//- {p}\n{t}"))
            .collect()
    };
    let mut texts = [VARIANTS[0][0], VARIANTS[1][0], VARIANTS[2][0]];
    let (mut db, names) = database(&fixture(&texts));
    for _ in 0..200 {
        let file = next(3);
        texts[file] = VARIANTS[file][next(VARIANTS[file].len())];
        db.apply_change(FileId(file as u32), texts[file]);
        // Query a random subset first, so that some answers come from the cache.
        let _ = db.diagnostics(FileId(next(3) as u32));
        let (mut fresh, _) = database(&fixture(&texts));
        assert_eq!(
            dump(&mut db, &names),
            dump(&mut fresh, &names),
            "texts: {texts:?}"
        );
    }
}

#[test]
fn reserved_words() {
    check(
        "struct class { 1: i32 return, 2: i32 fine }\nenum E { from }\nservice S { void next(1: i32 yield) }\n",
        expect![[r#"
            /main.thrift:1:8 T2005 warning: `class` is on Apache Thrift's old reserved-word list: compilers 0.12-0.17 refuse it for most generators (py refuses only Python keywords, through 0.22), and the PHP generator still refuses PHP's; declare `targets` for exact checks (docs/targets.md) [class]
            /main.thrift:1:23 T2005 warning: `return` is on Apache Thrift's old reserved-word list: compilers 0.12-0.17 refuse it for most generators (py refuses only Python keywords, through 0.22), and the PHP generator still refuses PHP's; declare `targets` for exact checks (docs/targets.md) [return]
            /main.thrift:2:10 T2005 warning: `from` is on Apache Thrift's old reserved-word list: compilers 0.12-0.17 refuse it for most generators (py refuses only Python keywords, through 0.22), and the PHP generator still refuses PHP's; declare `targets` for exact checks (docs/targets.md) [from]
            /main.thrift:3:18 T2005 warning: `next` is on Apache Thrift's old reserved-word list: compilers 0.12-0.17 refuse it for most generators (py refuses only Python keywords, through 0.22), and the PHP generator still refuses PHP's; declare `targets` for exact checks (docs/targets.md) [next]
            /main.thrift:3:30 T2005 warning: `yield` is on Apache Thrift's old reserved-word list: compilers 0.12-0.17 refuse it for most generators (py refuses only Python keywords, through 0.22), and the PHP generator still refuses PHP's; declare `targets` for exact checks (docs/targets.md) [yield]
        "#]],
    );
}

#[test]
fn fbthrift_checks() {
    check(
        r#"
//- /main.thrift
package "meta.com/x"
include "a/shared.thrift"
include "b/other.thrift" as shared
include "thrift.thrift"
include "gone.thrift" as gone
@thrift.Experimental
struct S {
  1: shared.T t
  2: gone.Missing m
  @thrift.Nope
  3: i32 fbthrift_x
}
@thrift.AllowReservedIdentifier
struct FbthriftOk {}
interaction I { void f() }
struct NotI {}
service Svc {
  performs I;
  performs NotI;
  I, stream<S> open();
}
const S LIT = S{t = {}, bogus = 1}
//- /a/shared.thrift
struct T {}
//- /b/other.thrift
struct T {}
//- /thrift.thrift
struct Experimental {}
struct AllowReservedIdentifier {}
"#,
        expect![[r#"
            /main.thrift:3:1 T1005 error: the include alias `shared` is already the name of another include [include "b/other.thrift" as shared]
              /main.thrift:2:1: that include
            /main.thrift:5:9 T1001 error: cannot find included file `gone.thrift`, which `gone.` names refer to ["gone.thrift"]
            /main.thrift:10:4 T1010 error: annotation `thrift.Nope` is not defined [thrift.Nope]
            /main.thrift:11:10 T2006 error: `fbthrift_x`: fbthrift reserves names that start with `fbthrift` (annotate the item with `@thrift.AllowReservedIdentifier` to use one) [fbthrift_x]
            /main.thrift:19:12 T1048 error: `NotI` is struct `NotI`, not an interaction [NotI]
            /main.thrift:22:25 T1064 error: `S` has no field `bogus` [bogus]
        "#]],
    );
}

#[test]
fn paths_normalize_lexically() {
    use std::path::{Path, PathBuf};
    assert_eq!(
        crate::normalize_path(Path::new("a/./b/../c")),
        PathBuf::from("a/c")
    );
    assert_eq!(
        crate::normalize_path(Path::new("../x")),
        PathBuf::from("../x")
    );
    assert_eq!(
        crate::normalize_path(Path::new("/r/inc/../b.thrift")),
        PathBuf::from("/r/b.thrift")
    );
}

#[test]
fn includes_are_found_in_order() {
    use std::path::{Path, PathBuf};
    let files = [
        PathBuf::from("/w/a/x.thrift"),
        PathBuf::from("/w/inc/x.thrift"),
        PathBuf::from("/abs/y.thrift"),
    ];
    let is_file = |p: &Path| files.iter().any(|f| f == p);
    let dirs = [Path::new("/w/a"), Path::new("/w/inc")];
    // The including file's directory wins over the include directories.
    assert_eq!(
        crate::find_include("x.thrift", dirs, is_file),
        Some(files[0].clone())
    );
    assert_eq!(
        crate::find_include("../inc/x.thrift", dirs, is_file),
        Some(files[1].clone())
    );
    assert_eq!(
        crate::find_include("/abs/./y.thrift", dirs, is_file),
        Some(files[2].clone())
    );
    assert_eq!(crate::find_include("missing.thrift", dirs, is_file), None);
}

/// A snapshot keeps the state it was taken in; the next change cancels it,
/// and its queries then unwind with `Cancelled`, which `Cancelled::catch`
/// turns into an error. The database itself is never cancelled, and the
/// diagnostics cache is shared with the snapshots.
#[test]
fn snapshots_see_their_state_and_a_change_cancels_them() {
    let (mut db, _) = database(
        "//- /a.thrift\nstruct A {}\n//- /b.thrift\ninclude \"a.thrift\"\nstruct B { 1: a.A x }\n",
    );
    let a = FileId(0);
    let b = FileId(1);
    let snap = db.snapshot();
    let def = DefRef { file: a, index: 0 };
    assert_eq!(
        crate::Cancelled::catch(|| snap.references(def).len()),
        Ok(1)
    );
    // Checked on the snapshot, served to the database from the shared cache.
    assert_eq!(snap.diagnostics(b).len(), 0);
    let checks = db.checks_run();
    assert_eq!(db.diagnostics(b).len(), 0);
    assert_eq!(
        db.checks_run(),
        checks,
        "the snapshot's result was not shared"
    );

    db.apply_change(a, "struct Renamed {}\n");
    assert!(snap.is_cancelled());
    assert!(!db.is_cancelled());
    // The snapshot still holds the old text...
    assert_eq!(snap.text(a), Some("struct A {}\n"));
    assert_eq!(db.text(a), Some("struct Renamed {}\n"));
    // ...but its queries stop.
    assert_eq!(
        crate::Cancelled::catch(|| snap.references(def).len()),
        Err(crate::Cancelled)
    );
    assert_eq!(
        crate::Cancelled::catch(|| snap.diagnostics(b).len()),
        Err(crate::Cancelled)
    );
    // A new snapshot answers, and so does its cancel flag when set.
    let fresh = db.snapshot();
    assert_eq!(fresh.diagnostics(b).len(), 1, "a.A is gone");
    fresh
        .cancel_flag()
        .store(true, std::sync::atomic::Ordering::Relaxed);
    assert_eq!(
        crate::Cancelled::catch(|| fresh.unwind_if_cancelled()),
        Err(crate::Cancelled)
    );
    // Other panics are not swallowed.
    let other = std::panic::catch_unwind(|| crate::Cancelled::catch(|| panic!("boom")));
    assert!(other.is_err());
}

/// With `set_keep_all_trees(false)`, only the files marked keep their
/// trees; the others are parsed again on demand, and cross-file queries
/// (references, definition ranges) read the indexes.
#[test]
fn only_marked_files_keep_their_trees() {
    let (mut db, _) = database("//- /a.thrift\n//- /b.thrift\n");
    let (a, b) = (FileId(0), FileId(1));
    db.set_keep_all_trees(false);
    db.set_keep_tree(b, true);
    db.apply_change(a, "enum E { X }\nstruct A {}\n");
    db.apply_change(
        b,
        "include \"a.thrift\"\nstruct B { 1: a.A x, 2: a.E e = a.E.X }\n",
    );
    assert!(!db.keeps_tree(a));
    assert!(db.keeps_tree(b));
    // A parse on demand is the same tree.
    let parse = db.parse(a).unwrap();
    assert_eq!(
        parse.syntax_node().to_string(),
        "enum E { X }\nstruct A {}\n"
    );
    assert!(!db.keeps_tree(a), "an on-demand parse is not kept");
    // ...but the last few are remembered: the same tree, until the file changes.
    let again = db.parse(a).unwrap();
    assert!(std::ptr::eq(&**parse.green(), &**again.green()));
    let refs = |def| {
        db.references(def)
            .iter()
            .map(|r| format!("{}:{:?}", r.file.0, r.range))
            .collect::<Vec<_>>()
    };
    assert_eq!(refs(DefRef { file: a, index: 1 }), ["1:35..36"]);
    assert_eq!(refs(DefRef { file: a, index: 0 }), ["1:45..46", "1:53..54"]);
    assert_eq!(
        db.def_name_range(DefRef { file: a, index: 1 }),
        Some(thrift_syntax::TextRange::new(20.into(), 21.into()))
    );
    assert_eq!(db.diagnostics(b).len(), 0);
    // Unmarking takes effect at the next change.
    db.set_keep_tree(b, false);
    db.apply_change(b, "struct B {}\n");
    assert!(!db.keeps_tree(b));
}

#[test]
fn fbthrift_resolves_a_files_own_name_as_a_prefix() {
    check(
        r#"
//- /ctrl.thrift
package "meta.com/ctrl"
struct Counter { 1: i64 n }
enum Mode { ON = 1 }
const ctrl.Mode M = ctrl.Mode.ON
struct S {
  1: ctrl.Counter c
  2: Mode m = ctrl.Mode.ON
  3: ctrl.Missing x
}
"#,
        expect![[r#"
            /ctrl.thrift:8:6 T1010 error: type `ctrl.Missing` is not defined [ctrl.Missing]
        "#]],
    );
    // Apache 0.17: `Type "ctrl.Counter" not defined`.
    check(
        r#"
//- /ctrl.thrift
struct Counter { 1: i64 n }
struct S { 1: ctrl.Counter c }
"#,
        expect![[r#"
            /ctrl.thrift:2:15 T1011 error: `ctrl.Counter`: no included file is named `ctrl` (add `include "ctrl.thrift"`) [ctrl.Counter]
        "#]],
    );
}

#[test]
fn fbthrift_sees_the_definitions_of_an_included_file_of_the_same_name() {
    check(
        r#"
//- /y/model.thrift
package "meta.com/y"
include "../x/model.thrift"
include "../x/other.thrift"
struct Bar {
  1: Foo f
  2: model.Foo g
  3: Kind k = Kind.A
  4: Baz z
}
const Kind K = model.Kind.B
//- /x/model.thrift
struct Foo {}
enum Kind { A = 1, B = 2 }
//- /x/other.thrift
struct Baz {}
"#,
        expect![[r#"
            /y/model.thrift:3:9 T1003 warning: `../x/other.thrift` is included but nothing from it is used (no `other.` reference) ["../x/other.thrift"]
            /y/model.thrift:8:6 T1010 error: type `Baz` is not defined [Baz]
        "#]],
    );
    // A bare enum value name is in its program's scope.
    check(
        r#"
//- /main.thrift
package "meta.com/x"
include "shared.thrift"
struct S { 1: shared.Color c = shared.RED; 2: i32 n = shared.BLUE }
//- /shared.thrift
enum Color { RED = 1, BLUE = 2 }
"#,
        expect![[""]],
    );
    // An alias does not change the program's name.
    check(
        r#"
//- /y/model.thrift
package "meta.com/y"
include "../x/model.thrift" as xm
struct Bar { 1: Foo f; 2: xm.Foo g }
//- /y/other.thrift
package "meta.com/y"
include "../x/model.thrift" as xm
struct Baz { 1: model.Foo f }
//- /x/model.thrift
struct Foo {}
"#,
        expect![[""]],
    );
    // Apache 0.17: `Type "Foo" not defined`.
    check(
        r#"
//- /y/model.thrift
include "../x/model.thrift"
struct Bar { 1: Foo f }
//- /x/model.thrift
struct Foo {}
"#,
        expect![[r#"
            /y/model.thrift:1:9 T1003 warning: `../x/model.thrift` is included but nothing from it is used (no `model.` reference) ["../x/model.thrift"]
            /y/model.thrift:2:17 T1010 error: type `Foo` is not defined [Foo]
        "#]],
    );
}

#[test]
fn fbthrift_struct_values_take_bare_field_names() {
    check(
        r#"
package "meta.com/x"
struct LatLon { 1: double lat; 2: double lon }
union U { 1: LatLon member; 2: i32 other }
const string NAME = "lat"
const i32 NUM = 1
const list<LatLon> P = [{lat: 51.4, lon: 0.0}, {NAME: 1.0}, {NUM: 2.0}, {nope: 1.0}]
struct S { 1: U u = {member: {}} }
const U TWO = {member: {}, other: 1}
"#,
        expect![[r#"
            /main.thrift:7:62 T1060 error: an element of const `P`: the keys of a `LatLon` value are field names in quotes [NUM]
            /main.thrift:7:74 T1064 error: `LatLon` has no field `nope` [nope]
            /main.thrift:9:15 T1060 error: const `TWO`: a value of union `U` sets more than one field [{member: {}, other: 1}]
        "#]],
    );
    // Apache 0.17: `No field named "" was found in struct of type "LatLon"`.
    check(
        r#"
struct LatLon { 1: double lat; 2: double lon }
const LatLon P = {lat: 51.4}
"#,
        expect![[r#"
            /main.thrift:3:19 T1012 error: `lat` is not a defined const or enum value [lat]
            /main.thrift:3:19 T1060 error: const `P`: the keys of a `LatLon` value are field names in quotes [lat]
        "#]],
    );
}

#[test]
fn fbthrift_value_rules() {
    check(
        r#"
package "meta.com/x"
enum E { A = 1 }
enum F { B = 2 }
const E X = 5
const map<E, set<F>> M1 = {E.A: [F.B]}
const map<i16, set<i16>> M2 = M1
const map<i32, i32> EMPTY = []
const map<i32, i32> FULL = [1]
union U { 1: i32 a = 1; 2: i32 b = 2 }
service Child extends Parent {}
service Parent {}
struct Fwd { 1: Later l = Later.Z; 2: Later m = Z }
enum Later { Z = 0 }
const i32 C1 = C2
const i32 C2 = 1
const i32 BARE = A
const E OTHER = F.B
struct Ann { 1: i32 x }
typedef Ann AnnTypedef
@AnnTypedef{x = 1}
struct Annotated {}
const AnnTypedef LIT = AnnTypedef{x = 2}
enum Dots { a.b = 1 }
"#,
        expect![[r#"
            /main.thrift:5:13 T1060 warning: const `X`: 5 is not a value of enum `E` [5]
            /main.thrift:8:29 T1060 warning: const `EMPTY` has type map<i32, i32>, but the value is an empty list; write `{}` [[]]
            /main.thrift:9:28 T1060 error: const `FULL` has type map<i32, i32>, but the value is a list [[1]]
            /main.thrift:10:34 T1037 warning: union field `b` has a default value, but another field already has one; a union holds one value [= 2]
              /main.thrift:10:20: the first default
            /main.thrift:11:23 T1047 error: service `Parent` is used before its definition; fbthrift needs it defined above this point [Parent]
              /main.thrift:12:9: defined here
            /main.thrift:18:17 T1060 warning: const `OTHER` has type enum `E`, but `F.B` is a value of enum `F` [F.B]
        "#]],
    );
    // Apache 0.17 rejects each of these but the last: a dot is allowed in
    // an enum value's name (only).
    check(
        r#"
enum E { A = 1 }
const E X = 5
union U { 1: i32 a = 1; 2: i32 b = 2 }
const i32 C1 = C2
const i32 C2 = 1
enum Dots { a.b = 1 }
"#,
        expect![[r#"
            /main.thrift:3:13 T1060 error: const `X`: 5 is not a value of enum `E` [5]
            /main.thrift:4:34 T1037 error: union field `b` has a default value, but another field already has one; a union holds one value [= 2]
              /main.thrift:4:20: the first default
            /main.thrift:5:16 T1047 error: `C2` is used before its definition; the Apache compiler needs it defined above this point [C2]
              /main.thrift:6:11: defined here
        "#]],
    );
}

#[test]
fn byte_and_i8_by_dialect() {
    // fbthrift's lexer has `byte` and no `i8`.
    check(
        r#"
package "meta.com/x"
struct S { 1: byte b; 2: i8 c }
"#,
        expect![[r#"
            /main.thrift:3:26 T1010 error: type `i8` is not defined: fbthrift has no `i8`; its 8-bit integer type is `byte` [i8]
        "#]],
    );
    check(
        r#"
struct S { 1: byte b; 2: i8 c }
"#,
        expect![[r#"
            /main.thrift:2:15 T2001 warning: `byte` is deprecated; write `i8` [byte]
        "#]],
    );
}

/// Dotted names (T1021): Apache takes `a.b` only as an enum value with a
/// number; fbthrift takes it as any name.
#[test]
fn dotted_names_by_dialect() {
    check(
        r#"
//- /apache.thrift
enum E { a.b = 1, c.d }
struct S { 1: i32 x.y }
//- /fb.thrift
package "meta.com/x"
enum E { a.b = 1, c.d }
struct S { 1: i32 x.y }
"#,
        expect![[r#"
            /apache.thrift:1:19 T1021 error: `c.d`: a name cannot contain `.`; dots separate an include prefix from a name [c.d]
            /apache.thrift:2:19 T1021 error: `x.y`: a name cannot contain `.`; dots separate an include prefix from a name [x.y]
        "#]],
    );
}

/// Enum values are targets of their own: from their definition, and from
/// every value that names them (consts, defaults, lists and maps, struct
/// literals, other files); where an enum is expected, the value of that
/// enum the compiler takes. The enum of `Enum.VALUE` is the enum's
/// reference, on its own segment.
#[test]
fn enum_values_navigate() {
    let (db, _paths) = database(
        r#"
//- /main.thrift
include "inc.thrift"
enum Color { RED = 1, GREEN }
enum Other { GREEN = 7 }
const Color C = Color.GREEN
const Color D = Other.GREEN
const i32 N = Other.GREEN
const list<inc.Shade> L = [inc.Shade.DARK, inc.Shade.LIGHT]
const map<Color, inc.Shade> M = {Color.RED: inc.Shade.DARK}
struct S { 1: Color c = Color.GREEN, 2: inc.Shade s = inc.Shade.DARK }
const i32 LIGHT = 3
const inc.Shade X = main.LIGHT
//- /inc.thrift
enum Shade { DARK, LIGHT }
const Shade DEFAULT = Shade.LIGHT
"#,
    );
    let main = FileId(0);
    let text = db.text(main).unwrap().to_string();
    let at = |needle: &str, n: usize| {
        let i = text.match_indices(needle).nth(n).unwrap().0;
        thrift_syntax::TextSize::new(i as u32)
    };
    let value = |v: Option<crate::EnumValueRef>| match v {
        Some(v) => {
            let (name, number) = db.enum_value(v).unwrap();
            format!(
                "{} {}.{name} = {number}",
                v.def.file.0,
                db.def(v.def).unwrap().name
            )
        }
        None => "-".into(),
    };
    let show = |refs: Vec<crate::Reference>| -> String {
        refs.iter()
            .map(|r| {
                format!(
                    "{}@{:?} {}",
                    r.file.0,
                    r.range,
                    &db.text(r.file).unwrap()[r.range]
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let out: Vec<String> = [
        ("GREEN }", 0),
        ("GREEN\nconst Color D", 0),
        ("GREEN\nconst i32", 0),
        ("GREEN\nconst list", 0),
        ("LIGHT]", 0),
        ("DARK}", 0),
        ("GREEN, 2", 0),
        ("LIGHT\n", 0),
        ("Color.GREEN", 0),
    ]
    .iter()
    .map(|&(needle, n)| {
        let offset = at(needle, n);
        format!(
            "{needle:?}: value {}, definition {}",
            value(db.enum_value_at(main, offset)),
            db.definition_at(main, offset)
                .map(|d| db.describe_def(d))
                .unwrap_or("-".into())
        )
    })
    .collect();
    // `Other.GREEN` where a `Color` is expected is `Color.GREEN`, and
    // `main.LIGHT` where an `inc.Shade` is expected is `Shade.LIGHT`, not
    // the const `LIGHT`: the compiler looks the last segment up in the
    // expected enum.
    expect![[r#"
        "GREEN }": value 0 Color.GREEN = 2, definition -
        "GREEN\nconst Color D": value 0 Color.GREEN = 2, definition -
        "GREEN\nconst i32": value 0 Color.GREEN = 2, definition -
        "GREEN\nconst list": value 0 Other.GREEN = 7, definition -
        "LIGHT]": value 1 Shade.LIGHT = 1, definition -
        "DARK}": value 1 Shade.DARK = 0, definition -
        "GREEN, 2": value 0 Color.GREEN = 2, definition -
        "LIGHT\n": value 1 Shade.LIGHT = 1, definition -
        "Color.GREEN": value -, definition enum `Color`"#]]
    .assert_eq(&out.join("\n"));

    let green = db.enum_value_at(main, at("GREEN }", 0)).unwrap();
    expect!["0@98..103 GREEN, 0@126..131 GREEN, 0@308..313 GREEN"]
        .assert_eq(&show(db.enum_value_references(green)));
    let light = db.enum_value_at(main, at("LIGHT]", 0)).unwrap();
    expect!["0@211..216 LIGHT, 0@394..399 LIGHT, 1@55..60 LIGHT"]
        .assert_eq(&show(db.enum_value_references(light)));
    // The enums: the segment before the value, and types.
    let color = db.definition_at(main, at("Color C", 0)).unwrap();
    expect!["0@82..87 Color, 0@92..97 Color, 0@110..115 Color, 0@228..233 Color, 0@251..256 Color, 0@292..297 Color, 0@302..307 Color"]
        .assert_eq(&show(db.references(color)));
    let other = db.definition_at(main, at("Other {", 0)).unwrap();
    expect!["0@120..125 Other, 0@146..151 Other"].assert_eq(&show(db.references(other)));
    // A const whose name stands where an enum with that value is expected
    // is that value, not the const.
    let light_const = db.definition_at(main, at("LIGHT = 3", 0)).unwrap();
    expect![""].assert_eq(&show(db.references(light_const)));
}

// ---------------------------------------------------------------------------
// Errors in included files (T1006)
// ---------------------------------------------------------------------------

#[test]
fn error_in_included_file_fails_the_includer() {
    check(
        r#"
//- /main.thrift
include "mid.thrift"
include "ok.thrift"
include "lazy.thrift"
struct M { 1: mid.S s, 2: ok.O o, 3: lazy.Z z }
//- /mid.thrift
include "leaf.thrift"
struct S { 1: leaf.L l }
//- /leaf.thrift
struct L { 1: Missing x = 1 }
//- /ok.thrift
struct O { 1: i32 x = 300000000000 }
//- /lazy.thrift
struct Z { 1: Missing x }
"#,
        expect![[r#"
            /main.thrift:1:9 T1006 error: `mid.thrift` has an error, so the compiler rejects this file too: type `Missing` is not defined ["mid.thrift"]
              /mid.thrift:1:9: `leaf.thrift` is included here
              /leaf.thrift:1:15: error[T1010]: type `Missing` is not defined
            /mid.thrift:1:9 T1006 error: `leaf.thrift` has an error, so the compiler rejects this file too: type `Missing` is not defined ["leaf.thrift"]
              /leaf.thrift:1:15: error[T1010]: type `Missing` is not defined
            /leaf.thrift:1:15 T1010 error: type `Missing` is not defined [Missing]
            /ok.thrift:1:23 T1061 error: the default of `x`: 300000000000 does not fit in i32 (-2147483648..2147483647) [300000000000]
            /lazy.thrift:1:15 T1010 error: type `Missing` is not defined [Missing]
        "#]],
    );
}

#[test]
fn syntax_error_and_cycle_in_included_files() {
    check(
        r#"
//- /main.thrift
include "broken.thrift"
include "a.thrift"
//- /broken.thrift
struct {
//- /a.thrift
include "b.thrift"
//- /b.thrift
include "a.thrift"
"#,
        expect![[r#"
            /main.thrift:1:9 T1003 warning: `broken.thrift` is included but nothing from it is used (no `broken.` reference) ["broken.thrift"]
            /main.thrift:1:9 T1006 error: `broken.thrift` has an error, so the compiler rejects this file too: expected a struct name, found `{` ["broken.thrift"]
              /broken.thrift:1:7: error[T0001]: expected a struct name, found `{`
            /main.thrift:2:9 T1003 warning: `a.thrift` is included but nothing from it is used (no `a.` reference) ["a.thrift"]
            /main.thrift:2:9 T1006 error: `a.thrift` has an error, so the compiler rejects this file too: including `b.thrift` creates a cycle: it includes this file back ["a.thrift"]
              /a.thrift:1:9: error[T1002]: including `b.thrift` creates a cycle: it includes this file back
            /broken.thrift:1:7 T0001 error: expected a struct name, found `{` []
            /broken.thrift:1:9 T0001 error: expected `}` to close struct opened at 1:8, found end of file []
            /a.thrift:1:9 T1002 error: including `b.thrift` creates a cycle: it includes this file back ["b.thrift"]
            /a.thrift:1:9 T1003 warning: `b.thrift` is included but nothing from it is used (no `b.` reference) ["b.thrift"]
            /b.thrift:1:9 T1002 error: including `a.thrift` creates a cycle: it includes this file back ["a.thrift"]
            /b.thrift:1:9 T1003 warning: `a.thrift` is included but nothing from it is used (no `a.` reference) ["a.thrift"]
        "#]],
    );
}

#[test]
fn a_long_include_chain_shows_its_first_includes_and_the_error() {
    // f0 includes f1 ... includes f13, which defines `S13` twice.
    let mut fixture = String::new();
    for i in 0..14 {
        fixture.push_str(&format!("//- /f{i}.thrift\n"));
        if i < 13 {
            fixture.push_str(&format!(
                "include \"f{}.thrift\"\nstruct S{i} {{ 1: f{}.S{} a }}\n",
                i + 1,
                i + 1,
                i + 1
            ));
        } else {
            fixture.push_str("struct S13 {}\nstruct S13 {}\n");
        }
    }
    let (db, paths) = database(&fixture);
    let notes = |file: u32| -> Vec<String> {
        let d = db.diagnostics(FileId(file));
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].code, crate::Code::IncludedFileError);
        d[0].related
            .iter()
            .map(|r| format!("{}: {}", paths[r.file.0 as usize], r.message))
            .collect()
    };
    // From f0: the first 10 includes on the way, then the error, which
    // says how many more includes lead to it.
    let f0 = notes(0);
    assert_eq!(f0.len(), 11, "{f0:#?}");
    // (The T1006 is at f0's own `include`: its notes start in f1.)
    assert_eq!(f0[0], "/f1.thrift: `f2.thrift` is included here");
    assert_eq!(f0[9], "/f10.thrift: `f11.thrift` is included here");
    assert!(
        f0[10].starts_with("/f13.thrift: error[T1020]: ")
            && f0[10].ends_with(" (reached through 2 more `include`s)"),
        "{}",
        f0[10]
    );
    // Near the error, every step is shown.
    let f10 = notes(10);
    assert_eq!(f10.len(), 3, "{f10:#?}");
    assert!(!f10[2].contains("reached through"), "{}", f10[2]);
}

#[test]
fn a_change_deep_in_the_includes_is_seen_and_cycles_follow_include_edits() {
    let (mut db, paths) = database(
        r#"
//- /a.thrift
include "b.thrift"
struct A { 1: b.B b }
//- /b.thrift
include "c.thrift"
struct B { 1: c.C c }
//- /c.thrift
struct C {}
"#,
    );
    let (a, c) = (FileId(0), FileId(2));
    assert!(db.diagnostics(a).is_empty());
    // A summary change two includes away: `a` is checked again (its cache
    // key covers what it reaches), and still clean.
    let before = db.checks_run();
    db.apply_change(c, "struct C {}\nstruct D {}\n");
    assert!(db.diagnostics(a).is_empty());
    assert!(db.checks_run() > before);
    // Now `c` includes `a`: a cycle through all three.
    db.apply_change(c, "include \"a.thrift\"\nstruct C {}\n");
    let out = dump(&mut db, &paths);
    for file in [
        "/a.thrift:1:9 T1002",
        "/b.thrift:1:9 T1002",
        "/c.thrift:1:9 T1002",
    ] {
        assert!(out.contains(file), "{file}: {out}");
    }
    // And gone again when the include goes.
    db.apply_change(c, "struct C {}\n");
    let out = dump(&mut db, &paths);
    assert!(!out.contains("T1002"), "{out}");
    // Unchanged, nothing is checked again.
    let before = db.checks_run();
    let _ = dump(&mut db, &paths);
    assert_eq!(db.checks_run(), before);
}

#[test]
fn a_resolver_with_state_of_its_own_says_when_includes_resolve_anew() {
    // As the language server's: includes resolve through a map that the
    // database does not own.
    let map: std::sync::Arc<std::sync::RwLock<HashMap<(u32, String), u32>>> =
        std::sync::Arc::default();
    let reader = map.clone();
    let mut db = Database::new(move |from: FileId, include: &str| {
        let map = reader.read().ok()?;
        map.get(&(from.0, include.to_string())).copied().map(FileId)
    });
    let (a, b) = (FileId(0), FileId(1));
    db.apply_change(a, "include \"b.thrift\"\nstruct A { 1: b.B b }\n");
    db.apply_change(b, "include \"a.thrift\"\nstruct B {}\n");
    map.write().unwrap().insert((0, "b.thrift".into()), 1);
    db.includes_resolved_anew();
    let codes = |db: &Database, f: FileId| -> Vec<&'static str> {
        db.diagnostics(f).iter().map(|d| d.code.as_str()).collect()
    };
    assert!(!codes(&db, a).contains(&"T1002"));
    assert_eq!(codes(&db, b), ["T1001"], "b's include is not found yet");
    // `a.thrift` is found now: a cycle.
    map.write().unwrap().insert((1, "a.thrift".into()), 0);
    db.includes_resolved_anew();
    assert!(codes(&db, a).contains(&"T1002"), "{:?}", codes(&db, a));
    assert!(codes(&db, b).contains(&"T1002"), "{:?}", codes(&db, b));
}

#[test]
fn included_file_errors_are_never_stale() {
    let (mut db, paths) = database(
        r#"
//- /main.thrift
include "leaf.thrift"
struct S { 1: leaf.L l }
//- /leaf.thrift
struct L { 1: i32 x }
"#,
    );
    let (main, leaf) = (FileId(0), FileId(1));
    assert!(db.diagnostics(main).is_empty());
    // An error inside a struct body: the summary is unchanged.
    let impact = db.apply_change(leaf, "struct L { 1: i32 x = \"s\" }\n");
    assert!(!impact.summary_changed);
    assert_eq!(impact.affected(&db), [leaf, main]);
    let out = dump(&mut db, &paths);
    assert!(out.contains("/main.thrift:1:9 T1006 error"), "{out}");
    // Fixed again: the includer is clean, and told so.
    let impact = db.apply_change(leaf, "struct L { 1: i32 x = 1 }\n");
    assert_eq!(impact.affected(&db), [leaf, main]);
    assert!(db.diagnostics(main).is_empty());
    // A warning in the included file does not fail the includer.
    db.apply_change(leaf, "struct L { 1: i32 x; 1: i32 y }\n");
    db.apply_change(leaf, "struct L { i32 x }\n");
    assert!(
        db.diagnostics(main).is_empty(),
        "{:?}",
        db.diagnostics(main)
    );
}

#[test]
fn include_errors_on_a_long_chain_are_linear() {
    // 1,000 files, each including the next; the last one is broken. Every
    // file reports it, each computed once.
    let n = 1000u32;
    let resolver = move |_: FileId, path: &str| -> Option<FileId> {
        path.strip_suffix(".thrift")?
            .strip_prefix('f')?
            .parse()
            .ok()
            .map(FileId)
    };
    let mut db = Database::new(resolver);
    let mut changes = Vec::new();
    for i in 0..n {
        let text = if i + 1 < n {
            format!(
                "include \"f{}.thrift\"\nstruct S{i} {{ 1: f{}.S{} x }}\n",
                i + 1,
                i + 1,
                i + 1
            )
        } else {
            format!("struct S{i} {{ 1: Nope x = 1 }}\n")
        };
        changes.push((FileId(i), text));
    }
    db.apply_changes(changes);
    let start = std::time::Instant::now();
    for i in 0..n {
        let d = db.diagnostics(FileId(i));
        assert_eq!(d.len(), 1, "{d:?}");
    }
    assert_eq!(db.checks_run(), u64::from(n));
    let first = db.diagnostics(FileId(0));
    assert_eq!(first[0].code, crate::Code::IncludedFileError);
    // The first 10 includes on the way, then the error.
    assert_eq!(first[0].related.len(), 11);
    let _ = start;
}

// ---------------------------------------------------------------------------
// Apache compiler rules (apache.rs)
// ---------------------------------------------------------------------------

#[test]
fn apache_type_names_collide_with_includes_of_the_same_namespaces() {
    check(
        r#"
//- /main.thrift
namespace java x
include "same.thrift"
include "star.thrift"
include "other.thrift"
include "none.thrift"
typedef string UUID
struct Point {}
enum Color { RED }
service Api {}
const i32 LIMIT = 1
union Only {}
//- /same.thrift
namespace java x
typedef string UUID
//- /star.thrift
namespace * x
struct Point {}
service Color {}
//- /other.thrift
namespace java y
exception Api {}
//- /none.thrift
const i32 LIMIT = 2
struct Only {}
//- /bare.thrift
include "bare2.thrift"
struct Only {}
//- /bare2.thrift
typedef i32 Only
"#,
        expect![[r#"
            /main.thrift:2:9 T1003 warning: `same.thrift` is included but nothing from it is used (no `same.` reference) ["same.thrift"]
            /main.thrift:3:9 T1003 warning: `star.thrift` is included but nothing from it is used (no `star.` reference) ["star.thrift"]
            /main.thrift:4:9 T1003 warning: `other.thrift` is included but nothing from it is used (no `other.` reference) ["other.thrift"]
            /main.thrift:5:9 T1003 warning: `none.thrift` is included but nothing from it is used (no `none.` reference) ["none.thrift"]
            /main.thrift:6:16 T1023 error: `UUID` is already defined in `same.thrift`, which has the same namespaces; the Apache compiler rejects it (`Type "UUID" is already defined.`), as the generated code would collide [UUID]
              /same.thrift:2:16: typedef `UUID` defined here
            /bare.thrift:1:9 T1003 warning: `bare2.thrift` is included but nothing from it is used (no `bare2.` reference) ["bare2.thrift"]
            /bare.thrift:2:8 T1023 error: `Only` is already defined in `bare2.thrift`, which has the same namespaces; the Apache compiler rejects it (`Type "Only" is already defined.`), as the generated code would collide [Only]
              /bare2.thrift:1:13: typedef `Only` defined here
        "#]],
    );
}

#[test]
fn fbthrift_type_names_do_not_collide_with_includes() {
    check(
        r#"
//- /main.thrift
package "meta.com/x"
include "same.thrift"
typedef string UUID
struct S { 1: same.UUID u }
//- /same.thrift
package "meta.com/x"
typedef string UUID
"#,
        expect![[""]],
    );
}

#[test]
fn apache_resolves_the_types_of_values_in_order() {
    check(
        r#"
const SomeInt X = [1]
typedef list<i32> SomeInt
struct Fine { 1: Later a, 2: list<Later> b = [] }
struct Default { 1: Later a = 3 }
struct Nested { 1: list<Later> a = [3] }
typedef Later Early
const Early E = 1
struct HasLater { 1: Later a }
const HasLater H = {"a": 1}
service S {
  Later f(1: Later a, 2: Later b = 2) throws (1: Ex e)
}
typedef i32 Later
exception Ex {}
const SomeInt Y = [2]
"#,
        expect![[r#"
            /main.thrift:2:19 T1047 error: type `SomeInt` is used before its definition; the Apache compiler resolves it here, and needs it defined above this point [[1]]
              /main.thrift:3:19: defined here
            /main.thrift:5:31 T1047 error: type `Later` is used before its definition; the Apache compiler resolves it here, and needs it defined above this point [3]
              /main.thrift:14:13: defined here
            /main.thrift:6:37 T1047 error: type `Later` is used before its definition; the Apache compiler resolves it here, and needs it defined above this point [3]
              /main.thrift:14:13: defined here
            /main.thrift:8:17 T1047 error: type `Later` is used before its definition; the Apache compiler resolves it here, and needs it defined above this point [1]
              /main.thrift:14:13: defined here
            /main.thrift:10:26 T1047 error: type `Later` is used before its definition; the Apache compiler resolves it here, and needs it defined above this point [1]
              /main.thrift:14:13: defined here
            /main.thrift:12:36 T1047 error: type `Later` is used before its definition; the Apache compiler resolves it here, and needs it defined above this point [2]
              /main.thrift:14:13: defined here
            /main.thrift:12:50 T1047 error: type `Ex` is used before its definition; the Apache compiler resolves it here, and needs it defined above this point [Ex]
              /main.thrift:15:11: defined here
        "#]],
    );
}

#[test]
fn apache_const_names_stand_only_for_numbers_and_strings() {
    check(
        r#"
enum Day { MON, THU }
struct S { 1: i32 a }
const Day myDay = Day.THU
const list<Day> L = [myDay]
const Day D = myDay
const S c = {"a": 1}
struct T { 1: required S s = c, 2: list<S> l = [c] }
const list<i32> A = [1]
const list<i32> B = A
const map<i32, i32> M = {1: 2}
const map<i32, i32> M2 = M
const i32 N = 1
const string STR = "x"
struct Fine { 1: i32 n = N, 2: string s = STR, 3: list<i32> l = [N], 4: Day d = Day.MON }
"#,
        expect![[r#"
            /main.thrift:5:22 T1062 error: `myDay` is unqualified: the Apache compiler needs a value of enum `Day` written as `Day.VALUE`, and does not replace a const name here [myDay]
            /main.thrift:6:15 T1062 error: `myDay` is unqualified: the Apache compiler needs a value of enum `Day` written as `Day.VALUE`, and does not replace a const name here [myDay]
            /main.thrift:8:30 T1060 error: `c` is a const of type S; the Apache compiler replaces a const name only by a number or a string, so a struct or container value must be written out here [c]
            /main.thrift:8:49 T1060 error: `c` is a const of type S; the Apache compiler replaces a const name only by a number or a string, so a struct or container value must be written out here [c]
            /main.thrift:10:21 T1060 error: `A` is a const of type list<i32>; the Apache compiler replaces a const name only by a number or a string, so a struct or container value must be written out here [A]
            /main.thrift:12:26 T1060 error: `M` is a const of type map<i32, i32>; the Apache compiler replaces a const name only by a number or a string, so a struct or container value must be written out here [M]
        "#]],
    );
    // fbthrift resolves const names to their values.
    check(
        r#"
package "meta.com/x"
enum Day { MON = 0, THU = 1 }
struct S { 1: i32 a }
const Day myDay = Day.THU
const list<Day> L = [myDay]
const S c = {"a": 1}
struct T { 1: S s = c }
const list<i32> A = [1]
const list<i32> B = A
"#,
        expect![[""]],
    );
}

#[test]
fn fbthrift_counts_every_error_of_an_included_file() {
    // fbthrift resolves every type of every file it reads: an undefined
    // field type in an included file fails the includer too.
    check(
        r#"
//- /main.thrift
package "meta.com/x"
include "lazy.thrift"
struct M { 1: lazy.Z z }
//- /lazy.thrift
package "meta.com/x"
struct Z { 1: Missing x }
"#,
        expect![[r#"
            /main.thrift:2:9 T1006 error: `lazy.thrift` has an error, so the compiler rejects this file too: type `Missing` is not defined ["lazy.thrift"]
              /lazy.thrift:2:15: error[T1010]: type `Missing` is not defined
            /lazy.thrift:2:15 T1010 error: type `Missing` is not defined [Missing]
        "#]],
    );
}

/// A file `auto` reads as Apache but that includes an fbthrift file is
/// checked as fbthrift: Apache could not read the include, so the file is
/// part of an fbthrift build (fbthrift's `transitive-deps` fixture).
#[test]
fn a_file_including_fbthrift_is_checked_as_fbthrift() {
    check(
        r#"
//- /b.thrift
include "c.thrift"
typedef c.E E
struct S { 1: byte b }
//- /c.thrift
package "meta.com/c"
enum E { A = 1 }
"#,
        expect![[""]],
    );
    // Both Apache: 0.17 says `Type "E" is already defined`, and `byte` is
    // deprecated there.
    check(
        r#"
//- /b.thrift
include "c.thrift"
typedef c.E E
struct S { 1: byte b }
//- /c.thrift
enum E { A = 1 }
"#,
        expect![[r#"
            /b.thrift:2:13 T1023 error: `E` is already defined in `c.thrift`, which has the same namespaces; the Apache compiler rejects it (`Type "E" is already defined.`), as the generated code would collide [E]
              /c.thrift:1:6: enum `E` defined here
            /b.thrift:3:15 T2001 warning: `byte` is deprecated; write `i8` [byte]
        "#]],
    );
}

/// A keyword as a field or argument name: Apache 0.18 and newer accept
/// it, 0.17 rejects it (a warning, like other words 0.17 reserves).
#[test]
fn keyword_field_names() {
    check(
        r#"
struct S { 1: string string; 2: i32 list; 3: string uuid }
service Svc { void f(1: i32 required) }
"#,
        expect![[r#"
            /main.thrift:2:22 T2005 warning: `string` is a keyword: Apache Thrift 0.18 and newer take it as a field name, but 0.17 and older reject it [string]
            /main.thrift:2:37 T2005 warning: `list` is a keyword: Apache Thrift 0.18 and newer take it as a field name, but 0.17 and older reject it [list]
            /main.thrift:3:29 T2005 warning: `required` is a keyword: Apache Thrift 0.18 and newer take it as a field name, but 0.17 and older reject it [required]
        "#]],
    );
    check(
        r#"
package "meta.com/x"
struct S { 1: string uuid; 2: i32 senum }
"#,
        expect![[""]],
    );
}

/// Inheriting fbthrift from an include follows the include's dialect as it
/// changes, and stops when the include is removed or the dialect is set.
#[test]
fn fbthrift_from_an_include_follows_changes() {
    let (mut db, _) = database("//- /b.thrift\n//- /c.thrift\n");
    let (b, c) = (FileId(0), FileId(1));
    db.apply_change(b, "include \"c.thrift\"\ntypedef c.E E\n");
    db.apply_change(c, "enum E { A = 1 }\n");
    assert!(!db.is_fbthrift(b));
    db.apply_change(c, "package \"meta.com/c\"\nenum E { A = 1 }\n");
    assert!(db.is_fbthrift(c) && db.is_fbthrift(b));
    db.apply_change(c, "enum E { A = 1 }\n");
    assert!(!db.is_fbthrift(b));
    db.apply_change(c, "package \"meta.com/c\"\nenum E { A = 1 }\n");
    db.set_file_dialect(b, Some(thrift_syntax::Dialect::Apache));
    db.apply_change(b, "include \"c.thrift\"\ntypedef c.E E\n");
    assert!(!db.is_fbthrift(b));
    db.set_file_dialect(b, None);
    db.apply_change(b, "include \"c.thrift\"\ntypedef c.E E\n");
    assert!(db.is_fbthrift(b));
    db.remove_file(c);
    assert!(!db.is_fbthrift(b));
}
