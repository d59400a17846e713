//! thriftpy2 (`thriftpy2.load`): what its lexer and parser refuse, what
//! makes it drop a definition without an error, and what its client hides.
//! From thriftpy2 0.7's `parser/lexer.py`, `parser/parser.py` and
//! `thrift.py`, checked against the real thing (tests/targets.rs).

use crate::fx::{HashMap, HashSet};

use thrift_syntax::{
    AstNode, SyntaxKind, SyntaxNode, TextRange,
    ast::{self, HasAnnotations},
};

use super::{
    TargetCx,
    names::{Role, sites},
    thriftpy2_lex::{self, KEYWORDS, LexProblem},
};
use crate::{Code, ConstResolution, Ty, summary::TypeRef};
use thrift_syntax::ast::HasName;

/// Python keywords that are not on thriftpy2's reserved-word list: as a
/// field or argument name they make the generated `__init__` a
/// `SyntaxError`, which PLY swallows.
const UNLISTED_PYTHON_KEYWORDS: &[&str] = &["async", "await", "nonlocal", "None", "True", "False"];

/// Attributes of thriftpy2's `TClient`: a function with one of these names
/// is hidden behind them (`client.close()` closes the transport).
const CLIENT_ATTRIBUTES: &[&str] = &[
    "close", "_req", "_send", "_recv", "_service", "_iprot", "_oprot", "_seqid",
];

pub(super) fn check(t: &mut TargetCx<'_, '_>) {
    nothing_to_load(t);
    lexer(t);
    names(t);
    syntax(t);
    values(t);
    includes(t);
    references(t);
}

fn lexer(t: &mut TargetCx<'_, '_>) {
    for (range, problem) in thriftpy2_lex::problems(t.text) {
        match problem {
            LexProblem::Reserved(word) => t.report(
                Code::Thriftpy2ReservedWord,
                range,
                format!("thriftpy2 refuses `{word}`: it is a reserved word of its lexer (`ThriftLexerError: Cannot use reserved language keyword: '{word}'`), wherever it appears"),
            ),
            LexProblem::IllegalChar(c) => t.report(
                Code::Thriftpy2UnsupportedSyntax,
                range,
                match c {
                    '&' => "thriftpy2 refuses the `&` of a reference field (`ThriftLexerError: Illegal character '&'`)".to_string(),
                    '"' | '\'' => format!("thriftpy2 refuses a string that is not closed on its line (`ThriftLexerError: Illegal character {c:?}`)"),
                    _ => format!("thriftpy2 refuses the character {c:?} (`ThriftLexerError: Illegal character`)"),
                },
            ),
            LexProblem::BadEscape(c) => t.report(
                Code::Thriftpy2UnsupportedSyntax,
                range,
                format!("thriftpy2 refuses the escape `\\{c}` (`ThriftLexerError: Unexpected escaping character: {c}`); it knows only \\t \\r \\n \\\\ \\' \\\""),
            ),
            // In an enum, `B = -0x1` reads as `B = -0` and a value `x1`.
            LexProblem::SignedHex if in_enum(t, range) => t.report_with(
                Code::Thriftpy2UnsupportedSyntax,
                crate::Severity::Warning,
                range,
                format!("thriftpy2 has no signed hex numbers: in an enum it reads `{}` as `-0` and then another value named `x…`, so this value is 0 and the enum gets a value more; write the number in decimal", &t.text[range]),
            ),
            LexProblem::SignedHex => t.report(
                Code::Thriftpy2UnsupportedSyntax,
                range,
                "thriftpy2 has no signed hex numbers: it reads `-0` and then a name `x…` (a grammar error); write the number in decimal",
            ),
        }
    }
}

fn names(t: &mut TargetCx<'_, '_>) {
    let sites = sites(t.tree);
    for site in &sites {
        let name = site.name.as_str();
        if KEYWORDS.contains(&name) || name == "true" || name == "false" {
            t.report(
                Code::Thriftpy2KeywordName,
                site.range,
                format!("thriftpy2 refuses `{name}` as a {} name: it is a keyword of its grammar (`ThriftGrammarError: Grammar error '{name}'`)", site.role.noun()),
            );
            continue;
        }
        if !site.role.is_field_like() {
            continue;
        }
        let what = match site.role {
            Role::Arg => format!(
                "the arguments of `{}.{}`",
                site.owner,
                site.function.as_deref().unwrap_or("?")
            ),
            Role::Throws => format!(
                "the result of `{}.{}`",
                site.owner,
                site.function.as_deref().unwrap_or("?")
            ),
            _ => format!("`{}`", site.owner),
        };
        if UNLISTED_PYTHON_KEYWORDS.contains(&name) {
            t.report(
                Code::Thriftpy2DropsDefinition,
                site.range,
                format!("thriftpy2 cannot build a constructor for {what} with the Python keyword `{name}` as an argument: it swallows the SyntaxError, {what} gets no constructor and the next definition of the file is silently dropped (thriftpy2#279)"),
            );
        }
    }
    for site in &sites {
        if site.role == Role::Function && CLIENT_ATTRIBUTES.contains(&site.name.as_str()) {
            let name = &site.name;
            let hint = if name == "close" {
                "; the RPC is reachable only as `client.tclose()`"
            } else {
                ""
            };
            t.report(
                Code::Thriftpy2ClientMethod,
                site.range,
                format!("thriftpy2's client has its own `{name}`, which wins over this function: `client.{name}(…)` does not call the RPC{hint}"),
            );
        }
    }
}

fn syntax(t: &mut TargetCx<'_, '_>) {
    let root = t.tree.syntax().clone();
    for node in root.descendants() {
        match node.kind() {
            SyntaxKind::BASE_TYPE
                if node
                    .first_token()
                    .is_some_and(|tok| tok.kind() == SyntaxKind::UUID_KW) =>
            {
                t.report(
                    Code::Thriftpy2UnsupportedSyntax,
                    node.text_range(),
                    "thriftpy2 has no `uuid` type (`ThriftParserError: No type found: 'uuid'`)",
                );
            }
            SyntaxKind::TYPEDEF => {
                if let Some(comma) =
                    last_significant(&node).filter(|t| t.kind() == SyntaxKind::COMMA)
                {
                    t.report(
                        Code::Thriftpy2UnsupportedSyntax,
                        comma.text_range(),
                        "thriftpy2 refuses a `,` after a typedef (`ThriftGrammarError: Grammar error ','`); remove it or write `;`",
                    );
                }
            }
            SyntaxKind::CPP_TYPE => t.report(
                Code::Thriftpy2UnsupportedSyntax,
                node.text_range(),
                "thriftpy2 refuses the `cpp_type` suffix of a container (a grammar error)",
            ),
            SyntaxKind::NAMESPACE => {
                if let Some(list) =
                    ast::Namespace::cast(node.clone()).and_then(|n| n.annotation_list())
                {
                    t.report(
                        Code::Thriftpy2UnsupportedSyntax,
                        list.syntax().text_range(),
                        "thriftpy2 refuses annotations on a `namespace` (`ThriftGrammarError: Grammar error '('`)",
                    );
                }
            }
            SyntaxKind::ANNOTATION => {
                let a = ast::Annotation::cast(node.clone());
                if let Some(value) = a.as_ref().and_then(|a| a.value())
                    && a.as_ref().and_then(|a| a.value_string()).is_none()
                {
                    t.report(
                        Code::Thriftpy2UnsupportedSyntax,
                        value.syntax().text_range(),
                        "thriftpy2 takes only a string as an annotation value (a grammar error)",
                    );
                }
            }
            _ => {}
        }
    }
    for token in root
        .descendants_with_tokens()
        .filter_map(|e| e.into_token())
    {
        let message = match token.kind() {
            SyntaxKind::ASYNC_KW => {
                "thriftpy2 refuses `async` on a function (a grammar error); write `oneway`"
            }
            SyntaxKind::XSD_ALL_KW
            | SyntaxKind::XSD_OPTIONAL_KW
            | SyntaxKind::XSD_NILLABLE_KW
            | SyntaxKind::XSD_ATTRS_KW => {
                "thriftpy2 refuses the `xsd_*` keywords (a grammar error)"
            }
            SyntaxKind::SENUM_KW | SyntaxKind::SLIST_KW => {
                "thriftpy2 has no `senum` or `slist` (a grammar error)"
            }
            k if k.is_legacy_namespace_keyword() => {
                "thriftpy2 refuses the legacy namespace headers (a grammar error)"
            }
            _ => continue,
        };
        // A keyword the parser took as a name is reported as a name.
        if token.parent().is_some_and(|p| p.kind() == SyntaxKind::NAME) {
            continue;
        }
        t.report(
            Code::Thriftpy2UnsupportedSyntax,
            token.text_range(),
            message,
        );
    }
}

fn last_significant(node: &SyntaxNode) -> Option<thrift_syntax::SyntaxToken> {
    node.children_with_tokens()
        .filter_map(|e| e.into_token())
        .filter(|t| !t.kind().is_trivia())
        .last()
}

// ---------------------------------------------------------------------------
// Values: thriftpy2 builds Python dicts and sets while it parses them.
// ---------------------------------------------------------------------------

fn values(t: &mut TargetCx<'_, '_>) {
    let root = t.tree.syntax().clone();
    // `p_const_map` calls `dict()` on every map literal, typed or not.
    for entry in root.descendants().filter_map(ast::ConstMapEntry::cast) {
        if let Some(key) = entry.key()
            && let Some(kind) = unhashable(t, &key)
        {
            t.report(
                Code::Thriftpy2UnhashableConst,
                key.syntax().text_range(),
                format!("thriftpy2 cannot use a {kind} as a map key: Python cannot hash it (`TypeError: unhashable type`)"),
            );
        }
    }
    // Typed values: consts and defaults are cast as they are parsed.
    let mut typed: Vec<(ast::ConstValue, TypeRef)> = Vec::new();
    for def in t.tree.definitions() {
        if let ast::Definition::Const(c) = &def
            && let (Some(ty), Some(value)) = (c.ty(), c.value())
        {
            typed.push((value, TypeRef::from_ast(Some(ty))));
        }
    }
    for field in root.descendants().filter_map(ast::Field::cast) {
        if let (Some(ty), Some(value)) = (field.ty(), field.default_value().and_then(|d| d.value()))
        {
            typed.push((value, TypeRef::from_ast(Some(ty))));
        }
    }
    let file = t.file();
    for (value, ty) in typed {
        let ty = t.db().resolve_type(file, &ty);
        cast(t, &value, &ty, 0);
    }
}

/// What thriftpy2's cast of `value` to `ty` does: sets hash their
/// elements, structs check their `required` fields, maps cast their values;
/// lists are cast lazily (never).
fn cast(t: &mut TargetCx<'_, '_>, value: &ast::ConstValue, ty: &Ty, depth: u32) {
    if depth > 32 {
        return;
    }
    match (value, ty) {
        (ast::ConstValue::ConstList(list), Ty::Set(_)) => {
            for element in list.values() {
                if let Some(kind) = unhashable(t, &element) {
                    t.report(
                        Code::Thriftpy2UnhashableConst,
                        element.syntax().text_range(),
                        format!("thriftpy2 cannot put a {kind} in a set: Python cannot hash it (`TypeError: unhashable type`)"),
                    );
                }
            }
        }
        (ast::ConstValue::ConstMap(map), Ty::Map(_, v)) => {
            for entry in map.entries() {
                if let Some(value) = entry.value() {
                    cast(t, &value, v, depth + 1);
                }
            }
        }
        (ast::ConstValue::ConstMap(map), Ty::Def(def)) => {
            let Some(fields) = t
                .db()
                .def(*def)
                .and_then(|d| d.kind.fields())
                .map(<[_]>::to_vec)
            else {
                return;
            };
            let struct_name = t.db().def(*def).map(|d| d.name.clone()).unwrap_or_default();
            let mut given = HashSet::default();
            for entry in map.entries() {
                let Some(key) = entry.key().and_then(|k| match k {
                    ast::ConstValue::Literal(l) => l.as_string(),
                    _ => None,
                }) else {
                    continue;
                };
                if let Some(field) = fields.iter().find(|f| f.name == key)
                    && let Some(value) = entry.value()
                {
                    let ty = t.db().resolve_type(def.file, &field.ty);
                    cast(t, &value, &ty, depth + 1);
                }
                given.insert(key);
            }
            for field in &fields {
                if field.requiredness == ast::Requiredness::Required && !given.contains(&field.name)
                {
                    t.report(
                        Code::Thriftpy2ConstMissingRequired,
                        map.syntax().text_range(),
                        format!("thriftpy2 refuses this `{struct_name}` value: it leaves out the required field `{}` (`ThriftParserError: Field '{}' was required to create constant for type '{struct_name}'`)", field.name, field.name),
                    );
                }
            }
        }
        _ => {}
    }
}

/// The kind of Python value that cannot be hashed, if `value` is one: a
/// list or map literal (structs are written as maps), or a const of a
/// container or struct type.
fn unhashable(t: &TargetCx<'_, '_>, value: &ast::ConstValue) -> Option<&'static str> {
    match value {
        ast::ConstValue::ConstList(_) => Some("list"),
        ast::ConstValue::ConstMap(_) | ast::ConstValue::StructLiteral(_) => Some("map or struct"),
        ast::ConstValue::ConstRef(r) => {
            let name = r.path()?.text();
            let ConstResolution::Const(def) = t.db().resolve_const(t.file(), &name) else {
                return None;
            };
            let crate::DefKind::Const { ty } = &t.db().def(def)?.kind else {
                return None;
            };
            match t.db().resolve_type(def.file, ty) {
                Ty::List(_) => Some("list"),
                Ty::Set(_) => Some("set"),
                Ty::Map(..) => Some("map"),
                Ty::Def(d) if t.db().def(d).is_some_and(|d| d.kind.fields().is_some()) => {
                    Some("struct")
                }
                _ => None,
            }
        }
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Includes
// ---------------------------------------------------------------------------

fn includes(t: &mut TargetCx<'_, '_>) {
    let mut seen: HashMap<String, TextRange> = HashMap::default();
    for include in t.tree.includes() {
        let (Some(path), Some(token)) = (include.path(), include.path_token()) else {
            continue;
        };
        let base = path.rsplit(['/', '\\']).next().unwrap_or(&path);
        let module = base.strip_suffix(".thrift").unwrap_or(base).to_string();
        if let Some(first) = seen.get(&module).copied() {
            let d = crate::Diagnostic::new(
                Code::Thriftpy2IncludeNameClash,
                t.file(),
                token.text_range(),
                format!("thriftpy2 refuses a second include named `{module}`: it names each included module after its file (`ThriftGrammarError: '{module}' type is already defined in 'includes'`)"),
            )
            .with_related(t.file(), first, "the first include with that name");
            t.push(d);
        } else {
            seen.insert(module, token.text_range());
        }
    }
}

/// `thriftpy2.load` reads the module's `__thrift_meta__`, which only an
/// include, a const, a struct, a union, an exception, an enum or a service
/// creates (`_add_thrift_meta`).
fn nothing_to_load(t: &mut TargetCx<'_, '_>) {
    let has_meta = t.tree.includes().next().is_some()
        || t.tree.definitions().any(|d| {
            matches!(
                d,
                ast::Definition::Const(_)
                    | ast::Definition::Struct(_)
                    | ast::Definition::Union(_)
                    | ast::Definition::Exception(_)
                    | ast::Definition::Enum(_)
                    | ast::Definition::Service(_)
            )
        });
    if has_meta {
        return;
    }
    let range = t
        .tree
        .items()
        .next()
        .map_or_else(|| TextRange::empty(0.into()), |i| i.syntax().text_range());
    t.report(
        Code::Thriftpy2NothingToLoad,
        range,
        "thriftpy2 cannot load this file on its own: it has no include, const, struct, union, exception, enum or service, and `thriftpy2.load` fails (`AttributeError: module has no attribute '__thrift_meta__'`); including it from another file works",
    );
}

// ---------------------------------------------------------------------------
// References: thriftpy2 follows a const reference `a.b.c` attribute by
// attribute from the module, as it parses it (`p_const_ref`): `a` must be a
// const, an enum or an included module defined above; an included module
// is named after its file, so a dotted file name cannot be followed.
// ---------------------------------------------------------------------------

fn references(t: &mut TargetCx<'_, '_>) {
    let file = t.file();
    let Some(summary) = t.db().summary(file).cloned() else {
        return;
    };
    // The start of each named top-level definition, in summary order.
    let starts: Vec<thrift_syntax::TextSize> = t
        .tree
        .definitions()
        .filter(|d| d.name().is_some_and(|n| !n.text().is_empty()))
        .map(|d| d.syntax().text_range().start())
        .collect();
    let mut problems = Vec::new();
    for r in t
        .tree
        .syntax()
        .descendants()
        .filter_map(ast::ConstRef::cast)
    {
        let Some(path) = r.path() else { continue };
        let text = path.text();
        // What the checks refuse is reported already.
        let range = path.syntax().text_range();
        if t.cx
            .out
            .iter()
            .any(|d| d.severity == crate::Severity::Error && d.range.intersect(range).is_some())
        {
            continue;
        }
        let here = r
            .syntax()
            .ancestors()
            .find(|n| {
                n.parent()
                    .is_some_and(|p| p.kind() == SyntaxKind::SOURCE_FILE)
            })
            .map(|n| n.text_range().start())
            .and_then(|start| starts.iter().position(|s| *s == start));
        let Some(here) = here else { continue };
        let above = |name: &str| {
            summary
                .definition(name)
                .filter(|(i, _)| *i < here)
                .map(|(_, d)| &d.kind)
        };
        let segments: Vec<&str> = text.split('.').collect();
        let ok = match segments.as_slice() {
            [name] => matches!(above(name), Some(crate::DefKind::Const { .. })),
            [first, second] => {
                matches!(above(first), Some(crate::DefKind::Enum { values }) if values.iter().any(|(v, _)| v == second))
                    || included_const(t, first, &[second])
            }
            [first, rest @ ..] => included_const(t, first, rest),
            [] => true,
        };
        if !ok {
            problems.push((path.syntax().text_range(), text));
        }
    }
    forward_typedefs(t, &starts);
    for (range, text) in problems {
        t.report(
            Code::Thriftpy2UnresolvedReference,
            range,
            format!("thriftpy2 cannot find `{text}`: it follows the name part by part from the names defined above it in this file and from the included modules (named after their files), not from the type it expects (`ThriftParserError: Can't find name '{text}'`); write the full name, as `Enum.VALUE` or `include.Enum.VALUE`, below its definition"),
        );
    }
}

/// Whether `module.rest…` names a const (`[NAME]`) or an enum value
/// (`[Enum, VALUE]`) of an included file whose module name is `module`.
fn included_const(t: &TargetCx<'_, '_>, module: &str, rest: &[&str]) -> bool {
    let file = t.file();
    let Some(target) = t.tree.includes().find_map(|include| {
        let path = include.path()?;
        let base = path.rsplit(['/', '\\']).next().unwrap_or(&path);
        let name = base.strip_suffix(".thrift").unwrap_or(base);
        (name == module)
            .then(|| t.db().resolve_include(file, &path))
            .flatten()
    }) else {
        return false;
    };
    let Some(summary) = t.db().summary(target) else {
        return false;
    };
    match rest {
        [name] => matches!(
            summary.definition(name).map(|(_, d)| &d.kind),
            Some(crate::DefKind::Const { .. })
        ),
        [enum_name, value] => matches!(
            summary.definition(enum_name).map(|(_, d)| &d.kind),
            Some(crate::DefKind::Enum { values }) if values.iter().any(|(v, _)| v == value)
        ),
        _ => false,
    }
}

/// A typedef that a field, argument or return type uses above its
/// definition, and whose target is a type defined below it
/// (`struct C { 1: MyP p }`, `typedef P MyP`, `struct P {}`): thriftpy2's
/// placeholder for the typedef then points at another placeholder, which
/// it does not resolve (`ThriftParserError: No type found: 'P'`).
fn forward_typedefs(t: &mut TargetCx<'_, '_>, starts: &[thrift_syntax::TextSize]) {
    let file = t.file();
    let index_at = |node: &SyntaxNode| {
        node.ancestors()
            .find(|n| {
                n.parent()
                    .is_some_and(|p| p.kind() == SyntaxKind::SOURCE_FILE)
            })
            .and_then(|top| starts.iter().position(|s| *s == top.text_range().start()))
    };
    // Named types in field, argument and return positions, by definition.
    let uses: Vec<(usize, String)> = t
        .tree
        .syntax()
        .descendants()
        .filter(|n| n.kind() == SyntaxKind::NAMED_TYPE)
        .filter(|n| {
            n.ancestors()
                .any(|a| matches!(a.kind(), SyntaxKind::FIELD | SyntaxKind::FUNCTION))
        })
        .filter_map(|n| Some((index_at(&n)?, n.text().to_string().trim().to_string())))
        .collect();
    let mut found = Vec::new();
    for def in t.tree.definitions() {
        let ast::Definition::Typedef(typedef) = &def else {
            continue;
        };
        let (Some(name), Some(ast::Type::NamedType(target))) = (typedef.name(), typedef.target())
        else {
            continue;
        };
        let Some(here) = index_at(typedef.syntax()) else {
            continue;
        };
        let name = name.text();
        if !uses.iter().any(|(i, used)| *i < here && *used == name) {
            continue;
        }
        let Some(path) = target.path() else { continue };
        let target_name = path.text();
        let later = match t.db().resolve_name(file, &target_name) {
            crate::Resolution::Found(d) => d.file == file && d.index > here,
            _ => false,
        };
        if later {
            found.push((path.syntax().text_range(), name, target_name));
        }
    }
    for (range, name, target) in found {
        t.report(
            Code::Thriftpy2UnresolvedReference,
            range,
            format!("thriftpy2 cannot resolve `{target}` here: `{name}` is used above this typedef, and `{target}` is defined below it (`ThriftParserError: No type found: '{target}'`); move `{target}` or this typedef up"),
        );
    }
}

/// Whether `range` is inside an enum's values.
fn in_enum(t: &TargetCx<'_, '_>, range: TextRange) -> bool {
    t.tree
        .syntax()
        .covering_element(range)
        .ancestors()
        .any(|n| n.kind() == SyntaxKind::ENUM_VALUE_LIST)
}
