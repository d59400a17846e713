//! Rules of the Apache compiler that depend on its version, for the
//! Apache targets (`py`, `go`, `java`): keywords as names (0.17 and
//! older), the old reserved-word list (refused by every generator through
//! 0.13, by all but py from 0.14 to 0.17), `uuid` (0.18; py 0.21) and
//! exceptions as types (refused from 0.22).

use thrift_syntax::{AstNode, SyntaxKind, ast};

use super::{ApacheVersion, Target, TargetCx, names::sites};
use crate::{Code, Ty, summary::TypeRef};

/// The keywords of the Apache 0.17 lexer that it refuses as a name (run
/// on the real compiler: `cocoa_prefix` and `csharp_namespace` pass).
const KEYWORDS_0_17: &[&str] = &[
    "false",
    "true",
    "namespace",
    "cpp_namespace",
    "cpp_include",
    "cpp_type",
    "java_package",
    "delphi_namespace",
    "php_namespace",
    "py_module",
    "perl_package",
    "ruby_namespace",
    "smalltalk_category",
    "smalltalk_prefix",
    "xsd_all",
    "xsd_optional",
    "xsd_nillable",
    "xsd_namespace",
    "xsd_attrs",
    "include",
    "void",
    "bool",
    "byte",
    "i8",
    "i16",
    "i32",
    "i64",
    "double",
    "string",
    "binary",
    "slist",
    "senum",
    "map",
    "list",
    "set",
    "oneway",
    "async",
    "typedef",
    "struct",
    "union",
    "exception",
    "extends",
    "throws",
    "service",
    "enum",
    "const",
    "required",
    "optional",
];

/// The old reserved-word list of Apache Thrift (the same as T2005's).
pub(super) fn is_legacy_reserved(name: &str) -> bool {
    crate::checks::is_reserved_word(name)
}

/// The Apache targets declared, as `py, go`.
fn apache_targets(t: &TargetCx<'_, '_>, keep: impl Fn(Target) -> bool) -> Vec<&'static str> {
    t.targets
        .iter()
        .filter(|x| x.is_apache() && keep(*x))
        .map(Target::name)
        .collect()
}

pub(super) fn check(t: &mut TargetCx<'_, '_>) {
    let v = t.version();
    let all = apache_targets(t, |_| true).join(", ");
    // The generators that refuse the old list at this version.
    let legacy = apache_targets(t, |x| v <= ApacheVersion::new(13) || x != Target::Py);
    for site in sites(t.tree) {
        let name = site.name.as_str();
        let noun = site.role.noun();
        if v <= ApacheVersion::new(17) && KEYWORDS_0_17.contains(&name) {
            t.report(
                Code::ApacheKeywordName,
                site.range,
                format!("Apache {v} ({all}) refuses `{name}` as a {noun} name: it is a keyword of its parser (a syntax error; 0.18 and newer take keywords as field names)"),
            );
        } else if v <= ApacheVersion::new(17) && !legacy.is_empty() && is_legacy_reserved(name) {
            t.report(
                Code::ApacheLegacyReservedWord,
                site.range,
                format!("Apache {v} refuses the {noun} `{name}` for {}: it is on the old reserved-word list (`Cannot use reserved language keyword: \"{name}\"`); 0.18 and newer accept it", legacy.join(", ")),
            );
        }
    }
    uuid(t, &all);
    if v >= ApacheVersion::new(22) {
        exceptions_as_types(t);
    }
}

fn uuid(t: &mut TargetCx<'_, '_>, all: &str) {
    let v = t.version();
    let why = if v < ApacheVersion::new(18) {
        format!(
            "Apache {v} ({all}) has no `uuid` type (`Type \"uuid\" not defined`); it came in 0.18"
        )
    } else if v < ApacheVersion::new(21) && t.has(Target::Py) {
        format!("the py generator of Apache {v} has no code for `uuid`; it came in 0.21")
    } else {
        return;
    };
    let ranges: Vec<_> = t
        .tree
        .syntax()
        .descendants()
        .filter(|n| {
            n.kind() == SyntaxKind::BASE_TYPE
                && n.first_token()
                    .is_some_and(|tok| tok.kind() == SyntaxKind::UUID_KW)
        })
        .map(|n| n.text_range())
        .collect();
    for range in ranges {
        t.report(Code::ApacheUuidUnsupported, range, why.clone());
    }
}

/// THRIFT-5823 (0.22): an exception may not be a field, argument or
/// return type, nor the element of one.
fn exceptions_as_types(t: &mut TargetCx<'_, '_>) {
    let v = t.version();
    let file = t.file();
    let mut uses: Vec<(ast::Type, &'static str)> = Vec::new();
    for node in t.tree.syntax().descendants() {
        if let Some(field) = ast::Field::cast(node.clone()) {
            let in_throws = node
                .parent()
                .and_then(|p| p.parent())
                .is_some_and(|p| p.kind() == SyntaxKind::THROWS_CLAUSE);
            if !in_throws && let Some(ty) = field.ty() {
                uses.push((ty, "a field or argument"));
            }
        } else if let Some(f) = ast::Function::cast(node)
            && let Some(ty) = f.return_type()
        {
            uses.push((ty, "a return"));
        }
    }
    for (ty, what) in uses {
        let resolved = t
            .db()
            .resolve_type(file, &TypeRef::from_ast(Some(ty.clone())));
        if let Some(name) = exception_in(t, &resolved, 0) {
            t.report(
                Code::ApacheExceptionAsType,
                ty.syntax().text_range(),
                format!("Apache {v} refuses the exception `{name}` as {what} type (`exception type \"{name}\" cannot be used as member field type`, since 0.22); wrap it in a struct"),
            );
        }
    }
}

fn exception_in(t: &TargetCx<'_, '_>, ty: &Ty, depth: u32) -> Option<String> {
    if depth > 16 {
        return None;
    }
    match ty {
        Ty::Def(d) => t
            .db()
            .def(*d)
            .filter(|d| matches!(d.kind, crate::DefKind::Exception { .. }))
            .map(|d| d.name.clone()),
        Ty::List(e) | Ty::Set(e) => exception_in(t, e, depth + 1),
        Ty::Map(k, v) => exception_in(t, k, depth + 1).or_else(|| exception_in(t, v, depth + 1)),
        _ => None,
    }
}
