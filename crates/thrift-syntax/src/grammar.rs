//! The Thrift grammar, as recursive descent over [`Parser`].
//!
//! Conventions (after rust-analyzer and matklad's resilient LL parsing):
//! - one function per production, headed by the production it parses;
//! - a function that is called only after its caller checked the first
//!   token asserts it; `opt_*` functions may parse nothing;
//! - every loop consumes at least one token per iteration, and breaks on
//!   the tokens of its recovery set instead of eating them, so that a
//!   missing `}` leaves the following definitions intact;
//! - nesting (types, const values, `xsd_attrs`) is bounded by
//!   [`MAX_DEPTH`]; past it the nested text is skipped as one `ERROR` node.
//!
//! The grammar follows Apache Thrift's `thrifty.yy`. It is deliberately a
//! little more permissive than the compiler where that gives a better tree
//! and a clearer error (e.g. a keyword used as a struct name is parsed as
//! the name, and reported).

use crate::{
    SyntaxKind::{self, *},
    T,
    parser::{CompletedMarker, MAX_DEPTH, Marker, Parser, TokenSet},
};

/// Keywords that start a header.
const HEADER_FIRST: TokenSet = TokenSet::new(&[
    T![include],
    T![cpp_include],
    T![namespace],
    CPP_NAMESPACE_KW,
    JAVA_PACKAGE_KW,
    CSHARP_NAMESPACE_KW,
    DELPHI_NAMESPACE_KW,
    PHP_NAMESPACE_KW,
    PY_MODULE_KW,
    PERL_PACKAGE_KW,
    RUBY_NAMESPACE_KW,
    SMALLTALK_CATEGORY_KW,
    SMALLTALK_PREFIX_KW,
    XSD_NAMESPACE_KW,
]);

/// Keywords that start a definition.
const DEFINITION_FIRST: TokenSet = TokenSet::new(&[
    T![const],
    T![typedef],
    T![enum],
    T![senum],
    T![struct],
    T![union],
    T![exception],
    T![service],
]);

/// Tokens that start a top-level item. Every loop inside a definition stops
/// at them, so that one broken definition does not swallow the next.
const ITEM_FIRST: TokenSet = HEADER_FIRST.union(DEFINITION_FIRST);

const BASE_TYPE_FIRST: TokenSet = TokenSet::new(&[
    BOOL_KW, BYTE_KW, I8_KW, I16_KW, I32_KW, I64_KW, DOUBLE_KW, STRING_KW, BINARY_KW, UUID_KW,
    SLIST_KW,
]);

const CONTAINER_FIRST: TokenSet = TokenSet::new(&[T![list], T![set], T![map]]);

const TYPE_FIRST: TokenSet = BASE_TYPE_FIRST
    .union(CONTAINER_FIRST)
    .union(TokenSet::new(&[IDENT]));

const INT_FIRST: TokenSet = TokenSet::new(&[INT_NUMBER, T![true], T![false]]);

const FIELD_FIRST: TokenSet = TYPE_FIRST
    .union(INT_FIRST)
    .union(TokenSet::new(&[T![required], T![optional]]));

const FUNCTION_FIRST: TokenSet =
    TYPE_FIRST.union(TokenSet::new(&[T![oneway], T![async], T![void]]));

const CONST_VALUE_FIRST: TokenSet = INT_FIRST.union(TokenSet::new(&[
    DOUBLE_NUMBER,
    STRING,
    IDENT,
    T!['['],
    T!['{'],
]));

/// Tokens that may follow a definition's name.
const NAME_FOLLOW: TokenSet = TokenSet::new(&[
    T!['{'],
    T!['('],
    T![=],
    T![,],
    T![;],
    T!['}'],
    T![')'],
    T![xsd_all],
]);

/// Where skipping junk stops inside each kind of list: at a token that can
/// start an element, close the list, or start a top-level item.
const ENUM_VALUE_RECOVERY: TokenSet = ITEM_FIRST.union(TokenSet::new(&[IDENT, T!['}']]));
const FIELD_RECOVERY: TokenSet = ITEM_FIRST
    .union(FIELD_FIRST)
    .union(TokenSet::new(&[T!['}'], T![')']]));
const FUNCTION_RECOVERY: TokenSet = ITEM_FIRST
    .union(FUNCTION_FIRST)
    .union(TokenSet::new(&[T!['}']]));
const ANNOTATION_RECOVERY: TokenSet =
    ITEM_FIRST.union(TokenSet::new(&[IDENT, T![')'], T!['{'], T!['}']]));
const CONST_VALUE_RECOVERY: TokenSet = ITEM_FIRST
    .union(CONST_VALUE_FIRST)
    .union(TokenSet::new(&[T![']'], T!['}']]));

const SEPARATORS: TokenSet = TokenSet::new(&[T![,], T![;]]);

/// Keywords that Apache Thrift accepts as field names (`FieldName` in
/// `thrifty.yy`): every keyword that cannot follow a field name.
const FIELD_NAME_KEYWORDS: TokenSet = TokenSet::new(&[
    T![namespace],
    T![cpp_include],
    T![include],
    T![void],
    BOOL_KW,
    BYTE_KW,
    I8_KW,
    I16_KW,
    I32_KW,
    I64_KW,
    DOUBLE_KW,
    STRING_KW,
    BINARY_KW,
    UUID_KW,
    T![map],
    T![list],
    T![set],
    T![oneway],
    T![async],
    T![typedef],
    T![struct],
    T![union],
    T![exception],
    T![extends],
    T![throws],
    T![service],
    T![enum],
    T![const],
    T![required],
    T![optional],
]);

/// Tokens that may follow a field name. A keyword in name position is taken
/// as the name only when one of these (or a new line) comes next.
const FIELD_NAME_FOLLOW: TokenSet = TokenSet::new(&[
    T![,],
    T![;],
    T![=],
    T!['}'],
    T![')'],
    T!['('],
    T![xsd_optional],
    T![xsd_nillable],
    T![xsd_attrs],
    INT_NUMBER,
    EOF,
]);

// ---------------------------------------------------------------------------
// Document
// ---------------------------------------------------------------------------

/// `SourceFile = (Header | Definition)*`, with headers before definitions.
pub(crate) fn source_file(p: &mut Parser<'_>) {
    let m = p.start();
    // The first definition, for "must come before" messages.
    let mut first_definition: Option<(&str, crate::TextSize)> = None;
    while !p.at_eof() {
        if p.is_stuck() {
            p.err_and_bump("internal error: the parser made no progress here");
            continue;
        }
        // fbthrift: `@Annotations` before an item, and the items that
        // start with a contextual keyword.
        let m = item_start(p);
        let kind = p.current();
        let fb_item = fbthrift_item(p);
        if let Some(item) = fb_item {
            if item != FbItem::Package && first_definition.is_none() && item != FbItem::HsInclude {
                first_definition = Some((p.current_text(), p.current_range().start()));
            }
            fbthrift_top_item(p, m, item);
        } else if HEADER_FIRST.contains(kind) {
            if let Some((what, offset)) = first_definition {
                // Line and column only when needed: they cost a scan.
                let at = p.line_col(offset);
                let msg = format!(
                    "{} must come before the first definition (`{what}` at {at}); move it to the top of the file",
                    kind.describe()
                );
                let range = p.current_range();
                p.error_at(range, msg);
            }
            header(p, m);
        } else if DEFINITION_FIRST.contains(kind) {
            if first_definition.is_none() {
                first_definition = Some((p.current_text(), p.current_range().start()));
            }
            definition(p, m);
        } else if m.is_empty(p) {
            m.abandon(p);
            junk(p);
        } else {
            // Annotations with nothing after them.
            p.error_expected("a definition after the annotations");
            m.complete(p, ERROR);
        }
    }
    m.complete(p, SOURCE_FILE);
}

/// Skips everything up to the next header or definition keyword as one
/// `ERROR` node with one error.
fn junk(p: &mut Parser<'_>) {
    let found = p.describe_current();
    let range = p.current_range();
    let message = if let Some(keyword) = p
        .at(IDENT)
        .then(|| did_you_mean(p.current_text()))
        .flatten()
    {
        format!("expected a definition or a header, found {found}; did you mean `{keyword}`?")
    } else {
        format!(
            "expected a definition (`struct`, `enum`, `service`, `const`, …) or a header (`include`, `namespace`), found {found}"
        )
    };
    p.error_at(range, message);
    let m = p.start();
    // Skip to the next item keyword; also stop on a new line after a
    // balanced `}` or a separator, where a misspelled definition such as
    // `strcut A {}` may start, so that each one gets its own message.
    let mut depth = 0usize;
    let mut after_end = false;
    loop {
        let kind = p.current();
        if p.at_eof() || p.at_ts(ITEM_FIRST) || (after_end && p.nth_on_new_line(0)) {
            break;
        }
        match kind {
            T!['{'] => depth += 1,
            T!['}'] => depth = depth.saturating_sub(1),
            _ => {}
        }
        after_end = depth == 0 && matches!(kind, T!['}'] | T![;] | T![,]);
        p.bump_any();
    }
    m.complete(p, ERROR);
}

/// The top-level keyword a misspelled word was probably meant to be.
fn did_you_mean(word: &str) -> Option<&'static str> {
    const KEYWORDS: &[&str] = &[
        "include",
        "cpp_include",
        "namespace",
        "const",
        "typedef",
        "enum",
        "struct",
        "union",
        "exception",
        "service",
    ];
    let word = word.to_ascii_lowercase();
    KEYWORDS
        .iter()
        .map(|k| (edit_distance(&word, k), *k))
        .filter(|(d, k)| *d > 0 && *d <= if k.len() > 5 { 2 } else { 1 })
        .min()
        .map(|(_, k)| k)
        .or_else(|| KEYWORDS.iter().copied().find(|k| *k == word))
}

/// Levenshtein distance, with transpositions counting as one edit.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 2 {
        return usize::MAX;
    }
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

// ---------------------------------------------------------------------------
// Headers
// ---------------------------------------------------------------------------

fn header(p: &mut Parser<'_>, m: Marker) {
    match p.current() {
        T![include] => include(p, m, T![include], INCLUDE),
        T![cpp_include] => include(p, m, T![cpp_include], CPP_INCLUDE),
        T![namespace] => namespace(p, m),
        _ => legacy_namespace(p, m),
    }
}

/// `Include = 'include' STRING` (also `cpp_include`).
fn include(p: &mut Parser<'_>, m: Marker, kw: SyntaxKind, node: SyntaxKind) {
    p.bump(kw);
    if !p.eat(STRING) {
        p.error_expected("a file path in quotes, such as \"shared.thrift\"");
    }
    // fbthrift: `include "x.thrift" as alias`.
    if p.at(IDENT) && p.current_text() == "as" && (p.nth_at(1, IDENT) || p.nth_at(1, STRING)) {
        let a = p.start();
        let range = p.current_range();
        p.fbthrift_only(range, "an include alias (`as`)");
        p.bump_as(AS_KW);
        if p.at(STRING) {
            p.bump(STRING);
        } else {
            let n = p.start();
            p.bump(IDENT);
            n.complete(p, NAME);
        }
        a.complete(p, INCLUDE_ALIAS);
    }
    header_semicolon(p);
    stray_separator(p, kw.describe());
    m.complete(p, node);
}

/// `Namespace = 'namespace' (Scope | '*') Path Annotations?`
fn namespace(p: &mut Parser<'_>, m: Marker) {
    p.bump(T![namespace]);
    let star = p.at(T![*]);
    if star {
        let s = p.start();
        p.bump(T![*]);
        s.complete(p, NAMESPACE_SCOPE);
    } else if p.at(IDENT) {
        let s = p.start();
        path_segments(p);
        s.complete(p, NAMESPACE_SCOPE);
    } else {
        p.error_expected("a namespace scope, such as `java`, `py` or `*`");
    }
    namespace_value(p, false);
    if p.at(T!['(']) {
        if star {
            let range = p.current_range();
            p.error_at(range, "annotations are not allowed on `namespace *`");
        }
        annotation_list(p);
    }
    header_semicolon(p);
    stray_separator(p, "`namespace`");
    m.complete(p, NAMESPACE);
}

/// The value of a namespace: a possibly dotted identifier.
fn namespace_value(p: &mut Parser<'_>, legacy: bool) {
    if p.at(IDENT) {
        path(p);
    } else if p.at(STRING) && legacy {
        // `xsd_namespace "uri"`: the legacy forms took strings.
        let m = p.start();
        p.bump(STRING);
        m.complete(p, LITERAL);
    } else if p.at(STRING) {
        let range = p.current_range();
        p.fbthrift_only(range, "a string namespace value");
        let m = p.start();
        p.bump(STRING);
        m.complete(p, LITERAL);
    } else if p.current().is_keyword() && !p.at_ts(ITEM_FIRST) {
        let range = p.current_range();
        let msg = format!(
            "{} is a keyword and cannot be a namespace",
            p.current().describe()
        );
        p.error_at(range, msg);
        let m = p.start();
        p.bump_as(IDENT);
        m.complete(p, PATH);
    } else {
        p.error_expected("a namespace name, such as `com.example.api`");
    }
}

/// The legacy `cpp_namespace x`, `php_namespace x`, `xsd_namespace "uri"`, ….
fn legacy_namespace(p: &mut Parser<'_>, m: Marker) {
    p.bump_any();
    namespace_value(p, true);
    m.complete(p, NAMESPACE);
}

/// fbthrift's optional `;` after an `include` or a `namespace`.
fn header_semicolon(p: &mut Parser<'_>) {
    if p.at(T![;]) {
        let range = p.current_range();
        p.fbthrift_only(range, "a `;` after a header");
        p.bump(T![;]);
    }
}

/// Apache Thrift takes no separator after headers, structs, enums,
/// exceptions and services. Keep a stray one in the node, and report it.
fn stray_separator(p: &mut Parser<'_>, after: &str) {
    if p.at_ts(SEPARATORS) {
        let range = p.current_range();
        let msg = format!("unexpected {} after {after}", p.current().describe());
        p.error_at(range, msg);
        p.bump_any();
    }
}

// ---------------------------------------------------------------------------
// Definitions
// ---------------------------------------------------------------------------

fn definition(p: &mut Parser<'_>, m: Marker) {
    match p.current() {
        T![const] => const_def(p, m),
        T![typedef] => typedef(p, m),
        T![enum] => enum_def(p, m),
        T![senum] => senum(p, m),
        T![struct] => struct_like(p, m, T![struct], STRUCT),
        T![union] => struct_like(p, m, T![union], UNION),
        T![exception] => struct_like(p, m, T![exception], EXCEPTION),
        T![service] => service(p, m),
        _ => unreachable!("definition() called at {:?}", p.current()),
    }
}

/// `Typedef = 'typedef' Type Name Annotations? Sep?`
fn typedef(p: &mut Parser<'_>, m: Marker) {
    p.bump(T![typedef]);
    if !opt_type(p) {
        p.error_expected("a type");
    }
    name(p, "typedef");
    opt_annotation_list(p);
    p.eat_sep();
    m.complete(p, TYPEDEF);
}

/// `Const = 'const' Type Name '=' ConstValue Sep?`
fn const_def(p: &mut Parser<'_>, m: Marker) {
    p.bump(T![const]);
    if !opt_type(p) {
        p.error_expected("a type");
    }
    name(p, "const");
    if p.expect(T![=]) {
        if !opt_const_value(p) {
            p.error_expected("a value");
        }
    } else if p.at_ts(CONST_VALUE_FIRST) && !p.at_ts(ITEM_FIRST) {
        opt_const_value(p);
    }
    if p.at(T!['(']) {
        let range = p.current_range();
        p.fbthrift_only_hint(
            range,
            "an annotation list after a const value",
            "; Apache Thrift takes them on the type: `const i32 (key = \"v\") NAME = 1`",
        );
        annotation_list(p);
    }
    p.eat_sep();
    m.complete(p, CONST);
}

/// `Enum = 'enum' Name '{' EnumValue* '}' Annotations?`
fn enum_def(p: &mut Parser<'_>, m: Marker) {
    p.bump(T![enum]);
    let name = name(p, "enum");
    if p.at(T!['{']) {
        let list = p.start();
        let open = p.current_range();
        p.bump(T!['{']);
        while !p.at(T!['}']) && !p.at_eof() {
            if at_name(p) || p.at(T![@]) {
                let m = item_start(p);
                enum_value(p, m);
            } else if p.at_ts(ITEM_FIRST) {
                break;
            } else {
                let msg = format!(
                    "expected an enum value name, found {}",
                    p.describe_current()
                );
                p.err_skip(msg, ENUM_VALUE_RECOVERY);
            }
        }
        close(p, T!['}'], "enum", &name, open);
        list.complete(p, ENUM_VALUE_LIST);
    } else {
        p.error_expected("`{`");
    }
    opt_annotation_list(p);
    stray_separator(p, "an enum");
    m.complete(p, ENUM);
}

/// `EnumValue = Name ('=' INT)? Annotations? Sep?`
fn enum_value(p: &mut Parser<'_>, m: Marker) {
    name(p, "enum value");
    if p.eat(T![=]) {
        if p.at_ts(INT_FIRST) {
            let lit = p.start();
            p.bump_any();
            lit.complete(p, LITERAL);
        } else if p.at_ts(CONST_VALUE_FIRST) {
            let range = p.current_range();
            p.error_at(
                range,
                format!(
                    "an enum value must be an integer, found {}",
                    p.describe_current()
                ),
            );
            opt_const_value(p);
        } else {
            p.error_expected("an integer");
        }
    }
    opt_annotation_list(p);
    p.eat_sep();
    m.complete(p, ENUM_VALUE);
}

/// `Senum = 'senum' Name '{' (STRING Sep?)* '}' Annotations?` (removed in 0.17)
fn senum(p: &mut Parser<'_>, m: Marker) {
    p.bump(T![senum]);
    let name = name(p, "senum");
    if p.at(T!['{']) {
        let list = p.start();
        let open = p.current_range();
        p.bump(T!['{']);
        while !p.at(T!['}']) && !p.at_eof() {
            if p.at(STRING) {
                let v = p.start();
                let lit = p.start();
                p.bump(STRING);
                lit.complete(p, LITERAL);
                p.eat_sep();
                v.complete(p, SENUM_VALUE);
            } else if p.at_ts(ITEM_FIRST) {
                break;
            } else {
                let msg = format!("expected a string, found {}", p.describe_current());
                p.err_skip(msg, ITEM_FIRST.union(TokenSet::new(&[STRING, T!['}']])));
            }
        }
        close(p, T!['}'], "senum", &name, open);
        list.complete(p, ENUM_VALUE_LIST);
    } else {
        p.error_expected("`{`");
    }
    opt_annotation_list(p);
    m.complete(p, SENUM);
}

/// `Struct = ('struct' | 'union' | 'exception') Name 'xsd_all'? FieldList Annotations?`
fn struct_like(p: &mut Parser<'_>, m: Marker, kw: SyntaxKind, node: SyntaxKind) {
    p.bump(kw);
    let what = match node {
        STRUCT => "struct",
        UNION => "union",
        _ => "exception",
    };
    let name = name(p, what);
    if p.at(T![xsd_all]) {
        if node == EXCEPTION {
            let range = p.current_range();
            p.error_at(range, "`xsd_all` is not allowed on an exception");
        }
        p.bump(T![xsd_all]);
    }
    if p.at(T!['{']) {
        field_list(p, what, &name);
    } else {
        p.error_expected("`{`");
    }
    opt_annotation_list(p);
    stray_separator(p, &article(what));
    m.complete(p, node);
}

/// `FieldList = '{' Field* '}'`
fn field_list(p: &mut Parser<'_>, what: &str, name: &str) {
    let m = p.start();
    let open = p.current_range();
    p.bump(T!['{']);
    fields(p, T!['}']);
    close(p, T!['}'], what, name, open);
    m.complete(p, FIELD_LIST);
}

/// Fields up to `close` (not consumed).
fn fields(p: &mut Parser<'_>, close: SyntaxKind) {
    while !p.at(close) && !p.at_eof() {
        if close == T![')'] && at_function_start(p) {
            // `void f(1: i32 a` + newline + `void g()`: the `)` is missing.
            break;
        } else if p.at_ts(FIELD_FIRST) || p.at(T![@]) {
            let m = item_start(p);
            field(p, m);
        } else if p.at_ts(ITEM_FIRST) || p.at(T!['}']) || p.at(T![')']) {
            break;
        } else {
            let msg = format!("expected a field, found {}", p.describe_current());
            p.err_skip(msg, FIELD_RECOVERY);
        }
    }
}

/// Whether a function signature starts here, on a new line: `void`,
/// `oneway`, `async`, or `Type name (`.
fn at_function_start(p: &Parser<'_>) -> bool {
    if !p.nth_on_new_line(0) {
        return false;
    }
    match p.current() {
        T![void] | T![oneway] | T![async] => true,
        IDENT => {
            // `Type name (` or `inc.Type name (`
            let mut n = 1;
            while p.nth_at(n, T![.]) && p.nth_at(n + 1, IDENT) {
                n += 2;
            }
            p.nth_at(n, IDENT) && p.nth_at(n + 1, T!['('])
        }
        k if BASE_TYPE_FIRST.contains(k) => p.nth_at(1, IDENT) && p.nth_at(2, T!['(']),
        _ => false,
    }
}

/// ```text
/// Field = FieldId? ('required' | 'optional')? Type '&'? Name
///         ('=' ConstValue)? 'xsd_optional'? 'xsd_nillable'? XsdAttrs?
///         Annotations? Sep?
/// ```
fn field(p: &mut Parser<'_>, m: Marker) {
    if p.at_ts(INT_FIRST) {
        let id = p.start();
        p.bump_any();
        if !p.eat(T![:]) {
            p.error_expected("`:` after the field id");
        }
        id.complete(p, FIELD_ID);
    }
    if p.at(T![required]) || p.at(T![optional]) {
        p.bump_any();
    }
    if !opt_type(p) {
        p.error_expected("a type");
    }
    p.eat(T![&]);
    field_name(p);
    if p.at(T![=]) {
        let d = p.start();
        p.bump(T![=]);
        if !opt_const_value(p) {
            p.error_expected("a default value");
        }
        d.complete(p, DEFAULT_VALUE);
    }
    p.eat(T![xsd_optional]);
    p.eat(T![xsd_nillable]);
    if p.at(T![xsd_attrs]) {
        let x = p.start();
        p.bump(T![xsd_attrs]);
        if p.at(T!['{']) {
            if p.depth >= MAX_DEPTH {
                too_deep(p, T!['{'], T!['}']);
            } else {
                p.depth += 1;
                field_list(p, "xsd_attrs", "");
                p.depth -= 1;
            }
        } else {
            p.error_expected("`{`");
        }
        x.complete(p, XSD_ATTRS);
    }
    opt_annotation_list(p);
    p.eat_sep();
    m.complete(p, FIELD);
}

/// A field's name: an identifier, or one of the keywords that Apache Thrift
/// allows there (`1: i32 string`).
fn field_name(p: &mut Parser<'_>) {
    let kind = p.current();
    if kind == IDENT {
        let m = p.start();
        p.bump(IDENT);
        // `1: string fancy.idl.name`: both compilers lex a dotted name as
        // one identifier; fbthrift takes it, and the semantic layer reports
        // it in Apache files (T1021), as their compiler does.
        while p.at(T![.]) && p.nth_at(1, IDENT) && p.nth_joined(0) && p.nth_joined(1) {
            p.bump(T![.]);
            p.bump(IDENT);
        }
        m.complete(p, NAME);
    } else if FIELD_NAME_KEYWORDS.contains(kind)
        && (p.nth_at(1, EOF) || FIELD_NAME_FOLLOW.contains(p.nth(1)) || p.nth_on_new_line(1))
    {
        let m = p.start();
        p.bump_as(IDENT);
        m.complete(p, NAME);
    } else if kind.is_keyword() && !p.at_ts(ITEM_FIRST) && !p.at_ts(FIELD_FIRST) {
        let range = p.current_range();
        p.error_at(
            range,
            format!(
                "{} is a keyword and cannot be a field name",
                kind.describe()
            ),
        );
        let m = p.start();
        p.bump_as(IDENT);
        m.complete(p, NAME);
    } else {
        p.error_expected("a field name");
    }
}

/// `Service = 'service' Name ('extends' Path)? '{' Function* '}' Annotations?`
fn service(p: &mut Parser<'_>, m: Marker) {
    p.bump(T![service]);
    let name = name(p, "service");
    if p.at(T![extends]) {
        let e = p.start();
        p.bump(T![extends]);
        if p.at(IDENT) {
            path(p);
        } else {
            p.error_expected("the name of the service to extend");
        }
        e.complete(p, EXTENDS_CLAUSE);
    }
    if p.at(T!['{']) {
        let list = p.start();
        let open = p.current_range();
        p.bump(T!['{']);
        function_list_body(p);
        close(p, T!['}'], "service", &name, open);
        list.complete(p, FUNCTION_LIST);
    } else {
        p.error_expected("`{`");
    }
    opt_annotation_list(p);
    stray_separator(p, "a service");
    m.complete(p, SERVICE);
}

/// The functions (and `performs`) of a service or interaction, up to `}`.
fn function_list_body(p: &mut Parser<'_>) {
    while !p.at(T!['}']) && !p.at_eof() {
        if p.at(IDENT) && p.current_text() == "performs" && p.nth_at(1, IDENT) {
            let m = p.start();
            let range = p.current_range();
            p.fbthrift_only(range, "`performs`");
            p.bump_as(PERFORMS_KW);
            path(p);
            p.eat_sep();
            m.complete(p, PERFORMS);
        } else if p.at_ts(FUNCTION_FIRST) || p.at(T![@]) {
            let m = item_start(p);
            function(p, m);
        } else if p.at_ts(ITEM_FIRST) {
            break;
        } else {
            let msg = format!("expected a function, found {}", p.describe_current());
            p.err_skip(msg, FUNCTION_RECOVERY);
        }
    }
}

/// ```text
/// Function = ('oneway' | 'async' | 'idempotent' | 'readonly')?
///            ReturnClause Name ParamList ('throws' ParamList)? Annotations? Sep?
/// ReturnClause = ('void' | Type | Stream | Sink) (',' (Type | Stream | Sink))*
/// ```
fn function(p: &mut Parser<'_>, m: Marker) {
    if p.at(T![oneway]) || p.at(T![async]) {
        p.bump_any();
    } else if p.at(IDENT)
        && matches!(p.current_text(), "idempotent" | "readonly")
        && !p.nth_at(1, T!['('])
    {
        let range = p.current_range();
        p.fbthrift_only(range, "a function qualifier (`idempotent`, `readonly`)");
        let kind = SyntaxKind::from_contextual_keyword(p.current_text()).unwrap_or(IDENT);
        p.bump_as(kind);
    }
    return_clause(p);
    let name = name(p, "function");
    if p.at(T!['(']) {
        param_list(p, "function", &name);
    } else {
        p.error_expected("`(`");
    }
    if p.at(T![throws]) {
        let t = p.start();
        p.bump(T![throws]);
        if p.at(T!['(']) {
            param_list(p, "throws", "");
        } else {
            p.error_expected("`(` after `throws`");
        }
        t.complete(p, THROWS_CLAUSE);
    }
    opt_annotation_list(p);
    p.eat_sep();
    m.complete(p, FUNCTION);
}

/// One part of a return clause, for fbthrift's rules on their order.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum ReturnPart {
    Void,
    /// A plain name: an interaction, or a type.
    Name,
    Type,
    Sink {
        final_response: bool,
    },
    Stream,
}

/// ```text
/// ReturnClause = ReturnPart (',' ReturnPart)*
/// ReturnPart   = 'void' | Type | Stream | Sink
/// ```
///
/// Apache Thrift has one part. fbthrift's are (its `parse_return_clause`)
/// `[Interaction ','] (void | Type | Sink | Stream) [',' (Sink | Stream)]
/// [',' Stream]`: an interaction factory `I, Resp`, an initial response
/// before a stream or sink `Resp, stream<T>`, and bidirectional streaming
/// `sink<T>, stream<U>`. The parts are parsed in any order, and their order
/// is checked after.
fn return_clause(p: &mut Parser<'_>) {
    let mut parts: Vec<(ReturnPart, crate::TextRange)> = Vec::new();
    loop {
        let start = p.current_range().start();
        let part = if p.at(T![void]) {
            let v = p.start();
            p.bump(T![void]);
            v.complete(p, VOID_TYPE);
            ReturnPart::Void
        } else if let Some(part) = opt_return_type(p) {
            part
        } else {
            p.error_expected("a return type or `void`");
            break;
        };
        parts.push((part, crate::TextRange::new(start, p.gap_range().start())));
        // `A, B f()`: a comma followed by another type before the name.
        if p.at(T![,])
            && (p.nth_at(1, IDENT) || p.nth_at(1, T![void]) || TYPE_FIRST.contains(p.nth(1)))
            && !p.nth_at(2, T!['('])
        {
            let range = p.current_range();
            p.fbthrift_only(
                range,
                "a return clause with several parts (interaction, response, stream or sink)",
            );
            p.bump(T![,]);
            continue;
        }
        break;
    }
    check_return_parts(p, &parts);
}

/// fbthrift's rules on the parts of a return clause (see [`return_clause`]).
fn check_return_parts(p: &mut Parser<'_>, parts: &[(ReturnPart, crate::TextRange)]) {
    use ReturnPart::*;
    if parts.len() < 2 {
        if let Some(&(
            Sink {
                final_response: false,
            },
            range,
        )) = parts.first()
        {
            p.error_at(range, "a sink needs a final response type: `sink<T, Final>` (or a stream after it: `sink<T>, stream<U>`)");
        }
        return;
    }
    // An interaction name first, when more follows.
    let first = usize::from(parts[0].0 == Name);
    let rest = &parts[first..];
    let (response, _) = rest[0];
    let mut sink = matches!(response, Sink { .. });
    let mut stream = response == Stream;
    for (i, &(part, range)) in rest.iter().enumerate().skip(1) {
        let message = match part {
            _ if i == 1 && response == Void => {
                Some("`void` cannot be an initial response; leave it out: `stream<T> f()`")
            }
            Sink { .. } if stream => Some("a sink must come before the stream"),
            Sink { .. } if sink => Some("a return clause has one sink"),
            Stream if stream => Some("a return clause has one stream"),
            Sink { .. } | Stream => None,
            _ => Some("only a sink or a stream may follow the initial response"),
        };
        if let Some(message) = message {
            p.error_at(range, message);
            return;
        }
        sink |= matches!(part, Sink { .. });
        stream |= part == Stream;
    }
    for &(part, range) in rest {
        match part {
            Sink { final_response: true } if stream => p.error_at(
                range,
                "a sink followed by a stream (bidirectional streaming) has no final response: `sink<T>, stream<U>`",
            ),
            Sink { final_response: false } if !stream => p.error_at(
                range,
                "a sink needs a final response type: `sink<T, Final>` (or a stream after it: `sink<T>, stream<U>`)",
            ),
            _ => {}
        }
    }
}

/// `ParamList = '(' Field* ')'`
fn param_list(p: &mut Parser<'_>, what: &str, name: &str) {
    let m = p.start();
    let open = p.current_range();
    p.bump(T!['(']);
    fields(p, T![')']);
    close(p, T![')'], what, name, open);
    m.complete(p, PARAM_LIST);
}

/// A return type, including fbthrift's `stream<...>` and `sink<...>`.
fn opt_return_type(p: &mut Parser<'_>) -> Option<ReturnPart> {
    if p.at(IDENT) && p.nth_at(1, T![<]) && matches!(p.current_text(), "stream" | "sink") {
        let is_stream = p.current_text() == "stream";
        let m = p.start();
        let range = p.current_range();
        p.fbthrift_only(
            range,
            if is_stream {
                "`stream<...>`"
            } else {
                "`sink<...>`"
            },
        );
        p.bump_as(if is_stream { STREAM_KW } else { SINK_KW });
        let open = p.current_range();
        p.bump(T![<]);
        // `stream<T throws (...)>`; `sink<T throws (...), Final throws (...)>`,
        // whose final response is left out when a stream follows the sink
        // (`sink<T>, stream<U>`).
        let parts = if is_stream { 1 } else { 2 };
        let mut final_response = false;
        for i in 0..parts {
            if i > 0 {
                if !p.eat(T![,]) {
                    break;
                }
                final_response = true;
            }
            if !opt_type(p) {
                p.error_expected("a type");
            }
            if p.at(T![throws]) {
                let t = p.start();
                p.bump(T![throws]);
                if p.at(T!['(']) {
                    param_list(p, "throws", "");
                } else {
                    p.error_expected("`(` after `throws`");
                }
                t.complete(p, THROWS_CLAUSE);
            }
        }
        if !p.eat(T![>]) {
            let at = p.line_col(open.start());
            let found = p.describe_current();
            p.error(format!(
                "expected `>` to close the {} opened at {at}, found {found}",
                if is_stream { "stream" } else { "sink" }
            ));
        }
        m.complete(p, if is_stream { STREAM_TYPE } else { SINK_TYPE });
        return Some(if is_stream {
            ReturnPart::Stream
        } else {
            ReturnPart::Sink { final_response }
        });
    }
    let named = p.at(IDENT) && p.current_text() != "float";
    opt_type(p).then_some(if named {
        ReturnPart::Name
    } else {
        ReturnPart::Type
    })
}

// ---------------------------------------------------------------------------
// fbthrift items
// ---------------------------------------------------------------------------

/// Starts an item: its marker, and the `@Annotations` before it.
fn item_start(p: &mut Parser<'_>) -> Marker {
    let m = p.start();
    while p.at(T![@]) {
        structured_annotation(p);
    }
    m
}

/// `StructuredAnnotation = '@' Path FieldInitializerList?`
fn structured_annotation(p: &mut Parser<'_>) {
    let m = p.start();
    let range = p.current_range();
    p.fbthrift_only(range, "a structured annotation (`@Name`)");
    p.bump(T![@]);
    if p.at(IDENT) {
        path(p);
        if p.at(T!['{']) && p.nth_joined(0) || p.at(T!['{']) && at_field_initializers(p) {
            field_initializer_list(p);
        }
    } else {
        p.error_expected("an annotation name after `@`");
    }
    m.complete(p, STRUCTURED_ANNOTATION);
}

/// Whether `{` starts `{ name = value, ... }` (or `{}`).
fn at_field_initializers(p: &Parser<'_>) -> bool {
    p.at(T!['{']) && (p.nth_at(1, T!['}']) || (p.nth_at(1, IDENT) && p.nth_at(2, T![=])))
}

/// `FieldInitializerList = '{' (Name '=' ConstValue Sep?)* '}'`
fn field_initializer_list(p: &mut Parser<'_>) {
    let m = p.start();
    let open = p.current_range();
    p.bump(T!['{']);
    while !p.at(T!['}']) && !p.at_eof() {
        if p.at(IDENT) || (p.current().is_keyword() && p.nth_at(1, T![=])) {
            let f = p.start();
            let n = p.start();
            p.bump_as(IDENT);
            n.complete(p, NAME);
            if p.expect(T![=]) && !opt_const_value(p) {
                p.error_expected("a value");
            }
            p.eat_sep();
            f.complete(p, FIELD_INITIALIZER);
        } else if p.at_ts(ITEM_FIRST) {
            break;
        } else {
            let msg = format!("expected a field name, found {}", p.describe_current());
            p.err_skip(msg, CONST_VALUE_RECOVERY.union(TokenSet::new(&[IDENT])));
        }
    }
    close(p, T!['}'], "struct literal", "", open);
    m.complete(p, FIELD_INITIALIZER_LIST);
}

/// Top-level items that start with an fbthrift contextual keyword.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum FbItem {
    Package,
    HsInclude,
    Interaction,
    Exception,
}

const EXCEPTION_QUALIFIERS: &[&str] = &[
    "safe",
    "transient",
    "stateful",
    "permanent",
    "client",
    "server",
];

fn fbthrift_item(p: &Parser<'_>) -> Option<FbItem> {
    if !p.at(IDENT) {
        return None;
    }
    match p.current_text() {
        "package" if p.nth_at(1, STRING) || p.nth_at(1, T![;]) => Some(FbItem::Package),
        "hs_include" if p.nth_at(1, STRING) => Some(FbItem::HsInclude),
        "interaction" if p.nth_at(1, IDENT) => Some(FbItem::Interaction),
        q if EXCEPTION_QUALIFIERS.contains(&q) => {
            let mut n = 1;
            while n < 4 && p.nth_at(n, IDENT) {
                n += 1;
            }
            p.nth_at(n, T![exception]).then_some(FbItem::Exception)
        }
        _ => None,
    }
}

fn fbthrift_top_item(p: &mut Parser<'_>, m: Marker, item: FbItem) {
    match item {
        FbItem::Package => {
            let range = p.current_range();
            p.fbthrift_only(range, "a `package` declaration");
            p.bump_as(PACKAGE_KW);
            p.eat(STRING);
            p.eat(T![;]);
            m.complete(p, PACKAGE);
        }
        FbItem::HsInclude => {
            let range = p.current_range();
            p.fbthrift_only(range, "`hs_include`");
            p.bump_as(HS_INCLUDE_KW);
            p.bump(STRING);
            p.eat(T![;]);
            m.complete(p, HS_INCLUDE);
        }
        FbItem::Interaction => {
            let range = p.current_range();
            p.fbthrift_only(range, "an interaction");
            p.bump_as(INTERACTION_KW);
            let name = name(p, "interaction");
            if p.at(T!['{']) {
                let list = p.start();
                let open = p.current_range();
                p.bump(T!['{']);
                function_list_body(p);
                close(p, T!['}'], "interaction", &name, open);
                list.complete(p, FUNCTION_LIST);
            } else {
                p.error_expected("`{`");
            }
            opt_annotation_list(p);
            m.complete(p, INTERACTION);
        }
        FbItem::Exception => {
            let range = p.current_range();
            p.fbthrift_only(range, "an exception qualifier");
            while p.at(IDENT) {
                let kind = SyntaxKind::from_contextual_keyword(p.current_text()).unwrap_or(IDENT);
                p.bump_as(kind);
            }
            struct_like(p, m, T![exception], EXCEPTION);
        }
    }
}

// ---------------------------------------------------------------------------
// Names and paths
// ---------------------------------------------------------------------------

/// A definition's name. Returns its text ("" when missing) for messages.
fn name(p: &mut Parser<'_>, what: &str) -> String {
    let kind = p.current();
    if kind == IDENT {
        let mut text = p.current_text().to_string();
        let m = p.start();
        p.bump(IDENT);
        // `struct a.b {}`: Apache rejects dotted definition names. The name
        // keeps its dots, and the semantic layer reports them (T1021).
        while p.at(T![.]) && p.nth_at(1, IDENT) && p.nth_joined(0) && p.nth_joined(1) {
            p.bump(T![.]);
            text.push('.');
            text.push_str(p.current_text());
            p.bump(IDENT);
        }
        m.complete(p, NAME);
        let _ = what;
        return text;
    }
    if kind == T![oneway] {
        // fbthrift's identifiers include `oneway` (`oneway void oneway()`).
        let text = p.current_text().to_string();
        let range = p.current_range();
        p.fbthrift_only(range, "`oneway` as a name");
        let m = p.start();
        p.bump_as(IDENT);
        m.complete(p, NAME);
        return text;
    }
    if at_name(p) {
        let text = p.current_text().to_string();
        let range = p.current_range();
        p.error_at(
            range,
            format!(
                "{} is a keyword and cannot be {} name",
                kind.describe(),
                article(what)
            ),
        );
        let m = p.start();
        p.bump_as(IDENT);
        m.complete(p, NAME);
        return text;
    }
    p.error_expected(&format!("{} name", article(what)));
    String::new()
}

/// Whether [`name`] would take the current token: an identifier, or a
/// keyword in name position (`struct string {}`) when what follows fits a
/// name, or when it cannot start anything else.
fn at_name(p: &Parser<'_>) -> bool {
    let kind = p.current();
    kind == IDENT
        || (kind.is_keyword()
            && (NAME_FOLLOW.contains(p.nth(1)) || (!p.at_ts(ITEM_FIRST) && !p.nth_at(1, IDENT))))
}

/// "a struct", "an enum".
fn article(what: &str) -> String {
    let an = what.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {what}", if an { "an" } else { "a" })
}

/// `Path = IDENT ('.' IDENT)*`
fn path(p: &mut Parser<'_>) -> CompletedMarker {
    let m = p.start();
    path_segments(p);
    m.complete(p, PATH)
}

/// A dotted name is one lexeme in Apache Thrift: the dots and segments
/// must touch (`inc.Type`, not `inc. Type`).
fn path_segments(p: &mut Parser<'_>) {
    p.bump(IDENT);
    while p.at(T![.]) && p.nth_joined(0) {
        p.bump(T![.]);
        if !(p.at(IDENT) && p.nth_joined(0)) {
            p.error_expected("an identifier right after `.`");
            break;
        }
        p.bump(IDENT);
    }
}

/// Closes a bracketed list, or reports the missing bracket with where it
/// was opened.
fn close(p: &mut Parser<'_>, kind: SyntaxKind, what: &str, name: &str, open: crate::TextRange) {
    if p.eat(kind) {
        return;
    }
    let at = p.line_col(open.start());
    let subject = if name.is_empty() {
        what.to_string()
    } else {
        format!("{what} `{name}`")
    };
    let found = p.describe_current();
    p.error(format!(
        "expected {} to close {subject} opened at {at}, found {found}",
        kind.describe()
    ));
}

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

/// `Type = BaseType | ContainerType | NamedType`. Returns false (consuming
/// nothing) if no type starts here.
fn opt_type(p: &mut Parser<'_>) -> bool {
    let kind = p.current();
    if kind == IDENT && p.current_text() == "float" && !p.nth_at(1, T![.]) {
        // fbthrift's 32-bit float.
        let m = p.start();
        let range = p.current_range();
        p.fbthrift_only(range, "the `float` type");
        p.bump_as(FLOAT_KW);
        opt_annotation_list(p);
        m.complete(p, BASE_TYPE);
        return true;
    }
    if BASE_TYPE_FIRST.contains(kind) {
        let m = p.start();
        p.bump_any();
        opt_annotation_list(p);
        m.complete(p, BASE_TYPE);
    } else if CONTAINER_FIRST.contains(kind) {
        if p.depth >= MAX_DEPTH {
            too_deep(p, T![<], T![>]);
            return true;
        }
        p.depth += 1;
        container_type(p);
        p.depth -= 1;
    } else if kind == IDENT {
        let m = p.start();
        path(p);
        if p.at(T!['(']) && !p.nth_at(1, T![')']) {
            // `typedef Foo (a = "b") Bar`: fbthrift allows this, Apache
            // takes annotations only on base and container types.
            let range = p.current_range();
            p.fbthrift_only(range, "an annotation list on a named type");
            annotation_list(p);
        }
        m.complete(p, NAMED_TYPE);
    } else {
        return false;
    }
    true
}

/// ```text
/// ListType = 'list' CppType? '<' Type '>' CppType? Annotations?
/// SetType  = 'set'  CppType? '<' Type '>' Annotations?
/// MapType  = 'map'  CppType? '<' Type ',' Type '>' Annotations?
/// ```
fn container_type(p: &mut Parser<'_>) {
    let kw = p.current();
    let node = match kw {
        T![list] => LIST_TYPE,
        T![set] => SET_TYPE,
        _ => MAP_TYPE,
    };
    let m = p.start();
    p.bump(kw);
    opt_cpp_type(p);
    if p.at(T![<]) {
        let open = p.current_range();
        p.bump(T![<]);
        if !opt_type(p) {
            p.error_expected("an element type");
        }
        if node == MAP_TYPE && p.expect(T![,]) && !opt_type(p) {
            p.error_expected("a value type");
        }
        if !p.eat(T![>]) {
            let at = p.line_col(open.start());
            let found = p.describe_current();
            p.error(format!(
                "expected `>` to close the {} type opened at {at}, found {found}",
                kw.describe()
            ));
            // Skip to the `>` if it is right there, so the rest stays intact.
            if p.at_ts(TYPE_FIRST) && p.nth_at(1, T![>]) {
                p.err_and_bump("unexpected type");
                p.bump(T![>]);
            }
        }
    } else {
        p.error_expected("`<`");
    }
    if node == LIST_TYPE {
        opt_cpp_type(p);
    }
    opt_annotation_list(p);
    m.complete(p, node);
}

/// `CppType = 'cpp_type' STRING`
fn opt_cpp_type(p: &mut Parser<'_>) {
    if p.at(T![cpp_type]) {
        let m = p.start();
        p.bump(T![cpp_type]);
        if !p.eat(STRING) {
            p.error_expected("a C++ type name in quotes");
        }
        m.complete(p, CPP_TYPE);
    }
}

// ---------------------------------------------------------------------------
// Annotations
// ---------------------------------------------------------------------------

fn opt_annotation_list(p: &mut Parser<'_>) {
    if p.at(T!['(']) {
        annotation_list(p);
    }
}

/// `Annotations = '(' Annotation* ')'`
fn annotation_list(p: &mut Parser<'_>) {
    let m = p.start();
    let open = p.current_range();
    p.bump(T!['(']);
    while !p.at(T![')']) && !p.at_eof() {
        if p.at(IDENT) || (p.current().is_keyword() && !p.at_ts(ITEM_FIRST)) {
            annotation(p);
        } else if p.at_ts(ITEM_FIRST) || p.at(T!['}']) || p.at(T!['{']) {
            break;
        } else {
            let msg = format!(
                "expected an annotation name, found {}",
                p.describe_current()
            );
            p.err_skip(msg, ANNOTATION_RECOVERY);
        }
    }
    close(p, T![')'], "annotation list", "", open);
    m.complete(p, ANNOTATION_LIST);
}

/// `Annotation = Path ('=' STRING)? Sep?`
fn annotation(p: &mut Parser<'_>) {
    let m = p.start();
    if p.at(IDENT) {
        path(p);
    } else {
        let range = p.current_range();
        p.error_at(
            range,
            format!(
                "{} is a keyword and cannot be an annotation name",
                p.current().describe()
            ),
        );
        let path = p.start();
        p.bump_as(IDENT);
        path.complete(p, PATH);
    }
    if p.eat(T![=]) {
        if p.at(STRING) {
            let lit = p.start();
            p.bump(STRING);
            lit.complete(p, LITERAL);
        } else if p.at_ts(INT_FIRST) {
            // fbthrift: `(cpp.exact = true, py.precision = 3)`.
            let range = p.current_range();
            p.fbthrift_only(range, "an integer or bool annotation value");
            let lit = p.start();
            p.bump_any();
            lit.complete(p, LITERAL);
        } else if p.at_ts(CONST_VALUE_FIRST) {
            let range = p.current_range();
            let expected = if p.dialect_is_fbthrift() {
                "a string, an integer or a bool"
            } else {
                "a string"
            };
            let found = p.describe_current();
            let hint = if p.dialect_is_fbthrift() {
                ""
            } else {
                " (write it in quotes)"
            };
            p.error_at(
                range,
                format!("an annotation value must be {expected}, found {found}{hint}"),
            );
            opt_const_value(p);
        } else {
            p.error_expected("a string");
        }
    }
    p.eat_sep();
    m.complete(p, ANNOTATION);
}

// ---------------------------------------------------------------------------
// Const values
// ---------------------------------------------------------------------------

/// `ConstValue = INT | DOUBLE | STRING | 'true' | 'false' | Path | ConstList | ConstMap`
fn opt_const_value(p: &mut Parser<'_>) -> bool {
    match p.current() {
        INT_NUMBER | DOUBLE_NUMBER | STRING | T![true] | T![false] => {
            let m = p.start();
            p.bump_any();
            m.complete(p, LITERAL);
        }
        IDENT => {
            let m = p.start();
            path(p);
            if at_field_initializers(p) {
                // fbthrift: `Foo{name = value}`.
                let range = p.current_range();
                p.fbthrift_only(range, "a struct literal (`Foo{name = value}`)");
                field_initializer_list(p);
                m.complete(p, STRUCT_LITERAL);
            } else {
                m.complete(p, CONST_REF);
            }
        }
        T!['{'] if p.nth_at(1, IDENT) && p.nth_at(2, T![=]) => {
            // fbthrift: `{name = value}` where a struct is expected.
            let m = p.start();
            let range = p.current_range();
            p.fbthrift_only(range, "a struct literal (`{name = value}`)");
            field_initializer_list(p);
            m.complete(p, STRUCT_LITERAL);
        }
        T!['['] | T!['{'] => {
            let (open, close) = if p.at(T!['[']) {
                (T!['['], T![']'])
            } else {
                (T!['{'], T!['}'])
            };
            if p.depth >= MAX_DEPTH {
                too_deep(p, open, close);
                return true;
            }
            p.depth += 1;
            if open == T!['['] {
                const_list(p);
            } else {
                const_map(p);
            }
            p.depth -= 1;
        }
        _ => return false,
    }
    true
}

/// `ConstList = '[' (ConstValue Sep?)* ']'`
fn const_list(p: &mut Parser<'_>) {
    let m = p.start();
    let open = p.current_range();
    p.bump(T!['[']);
    while !p.at(T![']']) && !p.at_eof() {
        if p.at_ts(CONST_VALUE_FIRST) {
            opt_const_value(p);
            p.eat_sep();
        } else if p.at_ts(ITEM_FIRST) || p.at(T!['}']) {
            break;
        } else {
            let msg = format!("expected a value, found {}", p.describe_current());
            p.err_skip(msg, CONST_VALUE_RECOVERY);
        }
    }
    close(p, T![']'], "list", "", open);
    m.complete(p, CONST_LIST);
}

/// `ConstMap = '{' (ConstValue ':' ConstValue Sep?)* '}'`
fn const_map(p: &mut Parser<'_>) {
    let m = p.start();
    let open = p.current_range();
    p.bump(T!['{']);
    while !p.at(T!['}']) && !p.at_eof() {
        if p.at_ts(CONST_VALUE_FIRST) {
            let e = p.start();
            opt_const_value(p);
            if p.expect(T![:]) {
                if !opt_const_value(p) {
                    p.error_expected("a value");
                }
            } else if p.at_ts(CONST_VALUE_FIRST) && !p.at_ts(ITEM_FIRST) {
                opt_const_value(p);
            }
            p.eat_sep();
            e.complete(p, CONST_MAP_ENTRY);
        } else if p.at_ts(ITEM_FIRST) || p.at(T![']']) {
            break;
        } else {
            let msg = format!("expected a map key, found {}", p.describe_current());
            p.err_skip(msg, CONST_VALUE_RECOVERY);
        }
    }
    close(p, T!['}'], "map", "", open);
    m.complete(p, CONST_MAP);
}

/// Past the nesting limit: skips the bracketed construct that starts here
/// (balancing `open` and `close` without recursion) as one `ERROR` node.
fn too_deep(p: &mut Parser<'_>, open: SyntaxKind, close: SyntaxKind) {
    let range = p.current_range();
    p.error_at(
        range,
        format!("nesting is too deep (more than {MAX_DEPTH} levels)"),
    );
    let m = p.start();
    let mut depth = 0usize;
    // Types open with a keyword before `<`; skip it first.
    if !p.at(open) {
        p.bump_any();
    }
    while !p.at_eof() {
        let kind = p.current();
        if kind == open {
            depth += 1;
        } else if kind == close {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                p.bump_any();
                break;
            }
        } else if ITEM_FIRST.contains(kind) && !kind.is_base_type_keyword() {
            break;
        }
        p.bump_any();
    }
    m.complete(p, ERROR);
}

impl Parser<'_> {
    /// `Sep = ',' | ';'`, optional.
    fn eat_sep(&mut self) {
        if self.at_ts(SEPARATORS) {
            self.bump_any();
        }
    }
}
