//! Const and default values checked against their types.

use thrift_syntax::{
    AstNode,
    ast::{self, LiteralKind},
};

use crate::{
    Code, ConstResolution, Diagnostic, FileId, Resolution, Severity, Ty, TypeRef,
    checks::Ctx,
    summary::{BaseType, DefKind},
};

/// What a value is, for the messages: written out only when one is
/// reported (most values are fine, and a file has thousands).
pub(crate) enum What<'a> {
    /// `const `NAME``
    Const(&'a str),
    /// `the default of `NAME``
    Default(&'a str),
    Element(&'a What<'a>),
    Key(&'a What<'a>),
    Value(&'a What<'a>),
    /// `field `NAME` of …`
    Field(&'a str, &'a What<'a>),
}

impl std::fmt::Display for What<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            What::Const(name) => write!(f, "const `{name}`"),
            What::Default(name) => write!(f, "the default of `{name}`"),
            What::Element(of) => write!(f, "an element of {of}"),
            What::Key(of) => write!(f, "a key of {of}"),
            What::Value(of) => write!(f, "a value of {of}"),
            What::Field(name, of) => write!(f, "field `{name}` of {of}"),
        }
    }
}

/// Checks `value` against the resolved type `ty`. `what` names the value in
/// messages ("const `X`", "the default of `y`"). Unresolved references are
/// reported elsewhere and accepted here.
pub(crate) fn check_value(cx: &mut Ctx<'_>, value: &ast::ConstValue, ty: &Ty, what: &What<'_>) {
    check(cx, value, ty, what, 0);
}

fn type_name(cx: &Ctx<'_>, ty: &Ty) -> String {
    match ty {
        Ty::Base(b) => b.as_str().to_string(),
        Ty::List(t) => format!("list<{}>", type_name(cx, t)),
        Ty::Set(t) => format!("set<{}>", type_name(cx, t)),
        Ty::Map(k, v) => format!("map<{}, {}>", type_name(cx, k), type_name(cx, v)),
        Ty::Def(def) => cx.db.describe_def(*def),
        Ty::Void => "void".to_string(),
        Ty::Unknown => "an unknown type".to_string(),
    }
}

fn describe_value(value: &ast::ConstValue) -> &'static str {
    match value {
        ast::ConstValue::Literal(l) => match l.kind() {
            Some(LiteralKind::Int) | Some(LiteralKind::Bool) => "an integer",
            Some(LiteralKind::Double) => "a floating-point number",
            Some(LiteralKind::String) => "a string",
            None => "a value",
        },
        ast::ConstValue::ConstRef(_) => "a reference",
        ast::ConstValue::ConstList(_) => "a list",
        ast::ConstValue::ConstMap(_) => "a map",
        ast::ConstValue::StructLiteral(_) => "a struct literal",
    }
}

fn mismatch(cx: &mut Ctx<'_>, value: &ast::ConstValue, ty: &Ty, what: &What<'_>) {
    let expected = type_name(cx, ty);
    cx.report(
        Code::ValueTypeMismatch,
        value.syntax().text_range(),
        format!(
            "{what} has type {expected}, but the value is {}",
            describe_value(value)
        ),
    );
}

fn check(cx: &mut Ctx<'_>, value: &ast::ConstValue, ty: &Ty, what: &What<'_>, depth: u32) {
    if depth > 64 {
        return;
    }
    // A reference: check what it refers to, loosely.
    if let ast::ConstValue::ConstRef(r) = value {
        check_ref(cx, value, r, ty, what);
        return;
    }
    // fbthrift's `Foo{name = value}`: the fields must exist.
    if let ast::ConstValue::StructLiteral(lit) = value {
        check_struct_literal(cx, value, lit, ty, what, depth);
        return;
    }
    match ty {
        Ty::Unknown | Ty::Void => {}
        Ty::Base(base) => check_base(cx, value, *base, ty, what),
        Ty::List(elem) | Ty::Set(elem) => match value {
            ast::ConstValue::ConstList(list) => {
                let element = What::Element(what);
                for v in list.values() {
                    check(cx, &v, elem, &element, depth + 1);
                }
            }
            // The compiler takes `{}` for an empty list or set.
            ast::ConstValue::ConstMap(map) if map.entries().next().is_none() => {}
            _ => mismatch(cx, value, ty, what),
        },
        Ty::Map(k, v) => match value {
            ast::ConstValue::ConstMap(map) => {
                let (key_what, value_what) = (What::Key(what), What::Value(what));
                for entry in map.entries() {
                    if let Some(key) = entry.key() {
                        check(cx, &key, k, &key_what, depth + 1);
                    }
                    if let Some(val) = entry.value() {
                        check(cx, &val, v, &value_what, depth + 1);
                    }
                }
            }
            // fbthrift takes `[]` for an empty map, with a warning
            // (`check_initializer.cc`).
            ast::ConstValue::ConstList(list) if cx.fbthrift && list.values().next().is_none() => {
                let mut d = Diagnostic::new(
                    Code::ValueTypeMismatch,
                    cx.file,
                    value.syntax().text_range(),
                    format!(
                        "{what} has type {}, but the value is an empty list; write `{{}}`",
                        type_name(cx, ty)
                    ),
                );
                d.severity = Severity::Warning;
                cx.out.push(d);
            }
            // Apache takes `[]` for an empty map silently.
            ast::ConstValue::ConstList(list) if list.values().next().is_none() => {}
            _ => mismatch(cx, value, ty, what),
        },
        Ty::Def(def) => {
            let Some(d) = cx.db.def(*def) else { return };
            match &d.kind {
                DefKind::Enum { values } => match value {
                    ast::ConstValue::Literal(l)
                        if matches!(l.kind(), Some(LiteralKind::Int | LiteralKind::Bool)) =>
                    {
                        if let Some(n) = l.as_int()
                            && !values.iter().any(|(_, v)| *v == n)
                        {
                            let name = d.name.clone();
                            let mut d = Diagnostic::new(
                                Code::ValueTypeMismatch,
                                cx.file,
                                value.syntax().text_range(),
                                format!("{what}: {n} is not a value of enum `{name}`"),
                            );
                            // fbthrift's enums are open: it only warns.
                            if cx.fbthrift {
                                d.severity = Severity::Warning;
                            }
                            cx.out.push(d);
                        }
                    }
                    _ => mismatch(cx, value, ty, what),
                },
                DefKind::Senum => match value {
                    ast::ConstValue::Literal(l) if l.kind() == Some(LiteralKind::String) => {}
                    _ => mismatch(cx, value, ty, what),
                },
                DefKind::Struct { fields }
                | DefKind::Union { fields }
                | DefKind::Exception { fields } => {
                    let ast::ConstValue::ConstMap(map) = value else {
                        mismatch(cx, value, ty, what);
                        return;
                    };
                    let struct_name = d.name.clone();
                    let is_union = matches!(d.kind, DefKind::Union { .. });
                    let fields = fields.clone();
                    let owner = def.file;
                    // fbthrift: a union value sets one field.
                    if cx.fbthrift && is_union && map.entries().nth(1).is_some() {
                        cx.report(
                            Code::ValueTypeMismatch,
                            value.syntax().text_range(),
                            format!(
                                "{what}: a value of union `{struct_name}` sets more than one field"
                            ),
                        );
                    }
                    for entry in map.entries() {
                        let Some(key) = entry.key() else { continue };
                        let key_name = match &key {
                            ast::ConstValue::Literal(l) => l.as_string(),
                            ast::ConstValue::ConstRef(r) if cx.fbthrift => {
                                match fb_field_key(cx, r) {
                                    FieldKey::Name(n) => Some(n),
                                    FieldKey::StringConst => continue,
                                    FieldKey::NotAName => None,
                                }
                            }
                            _ => None,
                        };
                        let Some(key_name) = key_name else {
                            cx.report(
                                Code::ValueTypeMismatch,
                                key.syntax().text_range(),
                                format!("{what}: the keys of a `{struct_name}` value are field names in quotes"),
                            );
                            continue;
                        };
                        let Some(field) = fields.iter().find(|f| f.name == key_name) else {
                            cx.report(
                                Code::UnknownStructField,
                                key.syntax().text_range(),
                                format!("`{struct_name}` has no field `{key_name}`"),
                            );
                            continue;
                        };
                        if let Some(val) = entry.value() {
                            // Apache resolves the field's type as it reads
                            // the value: a type its own file leaves undefined
                            // (only an error when that file is generated)
                            // fails this file too.
                            if !cx.fbthrift
                                && owner != cx.file
                                && let Some(missing) = unresolved_in(cx.db, owner, &field.ty)
                            {
                                cx.report(
                                    Code::UnresolvedType,
                                    key.syntax().text_range(),
                                    format!("{what} sets field `{key_name}` of `{struct_name}`, whose type `{missing}` is not defined where `{struct_name}` is; the Apache compiler rejects the value"),
                                );
                            }
                            let field_ty = cx.db.resolve_type(owner, &field.ty);
                            let field_what = What::Field(&key_name, what);
                            check(cx, &val, &field_ty, &field_what, depth + 1);
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

fn check_base(cx: &mut Ctx<'_>, value: &ast::ConstValue, base: BaseType, ty: &Ty, what: &What<'_>) {
    let ast::ConstValue::Literal(lit) = value else {
        mismatch(cx, value, ty, what);
        return;
    };
    let kind = lit.kind();
    match base {
        BaseType::Bool => {
            if !matches!(kind, Some(LiteralKind::Int | LiteralKind::Bool)) {
                mismatch(cx, value, ty, what);
            }
        }
        BaseType::Byte | BaseType::I8 | BaseType::I16 | BaseType::I32 | BaseType::I64 => {
            if !matches!(kind, Some(LiteralKind::Int | LiteralKind::Bool)) {
                mismatch(cx, value, ty, what);
                return;
            }
            let (Some(n), Some((lo, hi))) = (lit.as_int(), base.int_range()) else { return };
            if n < lo || n > hi {
                cx.report(
                    Code::IntegerOutOfRange,
                    value.syntax().text_range(),
                    format!("{what}: {n} does not fit in {} ({lo}..{hi})", base.as_str()),
                );
            } else if base == BaseType::I64 && (n < i64::from(i32::MIN) || n > i64::from(i32::MAX)) {
                cx.report(
                    Code::LargeInteger,
                    value.syntax().text_range(),
                    format!("{what}: the 64-bit constant {n} may not work in all languages"),
                );
            }
        }
        BaseType::Double => {
            if !matches!(kind, Some(LiteralKind::Int | LiteralKind::Double | LiteralKind::Bool)) {
                mismatch(cx, value, ty, what);
            }
        }
        BaseType::String | BaseType::Binary | BaseType::Slist => {
            if kind != Some(LiteralKind::String) {
                mismatch(cx, value, ty, what);
            }
        }
        BaseType::Uuid => match lit.as_string() {
            Some(s) if is_uuid(&s) => {}
            Some(s) => cx.report(
                Code::InvalidUuid,
                value.syntax().text_range(),
                format!("{what}: `{s}` is not a UUID (expected 8-4-4-4-12 hex digits, optionally in braces)"),
            ),
            None => mismatch(cx, value, ty, what),
        },
    }
}

fn check_struct_literal(
    cx: &mut Ctx<'_>,
    value: &ast::ConstValue,
    lit: &ast::StructLiteral,
    ty: &Ty,
    what: &What<'_>,
    depth: u32,
) {
    let Ty::Def(def) = ty else {
        if !matches!(ty, Ty::Unknown) {
            mismatch(cx, value, ty, what);
        }
        return;
    };
    let Some(d) = cx.db.def(*def) else { return };
    let Some(fields) = d.kind.fields().map(<[_]>::to_vec) else {
        mismatch(cx, value, ty, what);
        return;
    };
    let struct_name = d.name.clone();
    let owner = def.file;
    for init in lit.fields().into_iter().flat_map(|f| f.initializers()) {
        let Some(name) = init.name() else { continue };
        let key = name.text();
        let Some(field) = fields.iter().find(|f| f.name == key) else {
            cx.report(
                Code::UnknownStructField,
                name.syntax().text_range(),
                format!("`{struct_name}` has no field `{key}`"),
            );
            continue;
        };
        if let Some(v) = init.value() {
            let field_ty = cx.db.resolve_type(owner, &field.ty);
            let field_what = What::Field(&key, what);
            check(cx, &v, &field_ty, &field_what, depth + 1);
        }
    }
}

/// What a bare identifier key of a struct value in `{...}` is in fbthrift.
enum FieldKey {
    /// The field name it spells.
    Name(String),
    /// A string const: its value names the field (not checked here).
    StringConst,
    /// A const of another type: no field name.
    NotAName,
}

/// fbthrift's parser replaces an identifier that names a const by the
/// const's value (`on_const_ref` in `parse_ast.cc`); any other identifier
/// stays one, and as a key of a struct value it is the field's name
/// (`check_initializer.cc`): `{lat: 51.4, lon: 0.0}`.
fn fb_field_key(cx: &mut Ctx<'_>, r: &ast::ConstRef) -> FieldKey {
    let Some(path) = r.path() else {
        return FieldKey::NotAName;
    };
    let text = path.text();
    let key = match cx.db.resolve_const(cx.file, &text) {
        ConstResolution::Const(c) => {
            let string = match cx.db.def(c).map(|d| &d.kind) {
                Some(DefKind::Const { ty }) => matches!(
                    cx.db.resolve_type(c.file, &ty.clone()),
                    Ty::Base(BaseType::String | BaseType::Binary) | Ty::Unknown
                ),
                _ => false,
            };
            if string {
                FieldKey::StringConst
            } else {
                FieldKey::NotAName
            }
        }
        ConstResolution::EnumValue(..) => FieldKey::NotAName,
        _ if text.contains('.') => return FieldKey::NotAName,
        _ => FieldKey::Name(text),
    };
    cx.handled_refs.insert(r.syntax().text_range());
    key
}

/// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, optionally in `{}`.
fn is_uuid(s: &str) -> bool {
    let s = s
        .strip_prefix('{')
        .and_then(|s| s.strip_suffix('}'))
        .unwrap_or(s);
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// A reference as a value: an enum value must belong to the expected enum,
/// and a const of a plainly different kind is reported.
fn check_ref(
    cx: &mut Ctx<'_>,
    value: &ast::ConstValue,
    r: &ast::ConstRef,
    ty: &Ty,
    what: &What<'_>,
) {
    let Some(path) = r.path() else { return };
    let text = path.text();
    // For an enum type, the compiler looks the last segment up in the
    // expected enum, whatever the qualifier says (`Other.A`, `E.A`, or an
    // unprefixed enum from an include).
    if let Ty::Def(expected) = ty
        && let Some(DefKind::Enum { values }) = cx.db.def(*expected).map(|d| &d.kind)
        && let Some((qualifier, last)) = text.rsplit_once('.')
        && values.iter().any(|(n, _)| n == last)
    {
        let enum_name = cx
            .db
            .def(*expected)
            .map(|d| d.name.clone())
            .unwrap_or_default();
        // How this file names the enum: `E`, or `inc.E` for an included one.
        let enum_path = if expected.file == cx.file {
            enum_name.clone()
        } else {
            cx.db
                .summary(cx.file)
                .and_then(|s| {
                    s.includes
                        .iter()
                        .find(|inc| {
                            cx.db.resolve_include(cx.file, &inc.path) == Some(expected.file)
                        })
                        .map(|inc| format!("{}.{enum_name}", inc.prefix))
                })
                .unwrap_or_else(|| enum_name.clone())
        };
        // fbthrift also names an enum value by its program and its bare
        // name (`enum.ME1_1` for `ME1_1` of `enum.thrift`).
        let qualifier_names_enum = qualifier == enum_name
            || qualifier.ends_with(&format!(".{enum_name}"))
            || (cx.fbthrift
                && matches!(cx.db.resolve_const(cx.file, &text),
                    ConstResolution::EnumValue(e, _) if e == *expected));
        cx.handled_refs.insert(r.syntax().text_range());
        cx.check_order(r.syntax(), *expected, &format!("enum `{enum_name}`"));
        if !qualifier_names_enum {
            cx.report(
                Code::EnumQualifierMismatch,
                value.syntax().text_range(),
                format!(
                    "`{text}`: `{last}` is taken from enum `{enum_name}`, the type of {what}; write `{enum_path}.{last}`"
                ),
            );
        }
        return;
    }
    // fbthrift reads a bare enum value name in the context of the expected
    // enum (`{LINK_UP: 1}` for a `map<Event, i32>`).
    if cx.fbthrift
        && !text.contains('.')
        && let Ty::Def(expected) = ty
        && let Some(DefKind::Enum { values }) = cx.db.def(*expected).map(|d| &d.kind)
        && values.iter().any(|(n, _)| *n == text)
    {
        cx.handled_refs.insert(r.syntax().text_range());
        return;
    }
    match cx.db.resolve_const(cx.file, &text) {
        ConstResolution::EnumValue(e, _) => match ty {
            Ty::Def(expected) if expected != &e => {
                if matches!(
                    cx.db.def(*expected).map(|d| &d.kind),
                    Some(DefKind::Enum { .. })
                ) {
                    let expected_name = cx.db.describe_def(*expected);
                    let found = cx.db.describe_def(e);
                    let mut d = Diagnostic::new(
                        Code::ValueTypeMismatch,
                        cx.file,
                        value.syntax().text_range(),
                        format!(
                            "{what} has type {expected_name}, but `{}` is a value of {found}",
                            path.text()
                        ),
                    );
                    // fbthrift copies the referenced value as a number, and
                    // its enums are open.
                    if cx.fbthrift {
                        d.severity = Severity::Warning;
                    }
                    cx.out.push(d);
                } else {
                    mismatch(cx, value, ty, what);
                }
            }
            Ty::Base(b) if b.int_range().is_none() => mismatch(cx, value, ty, what),
            Ty::List(_) | Ty::Set(_) | Ty::Map(..) => mismatch(cx, value, ty, what),
            _ => {}
        },
        ConstResolution::Const(c) => {
            let Some(DefKind::Const { ty: const_ty }) = cx.db.def(c).map(|d| d.kind.clone()) else {
                return;
            };
            let found = cx.db.resolve_type(c.file, &const_ty);
            let fits = if cx.fbthrift {
                compatible(&enums_as_integers(cx, &found), &enums_as_integers(cx, ty))
            } else {
                compatible(&found, ty)
            };
            if !fits {
                let expected = type_name(cx, ty);
                let found_name = type_name(cx, &found);
                cx.report(
                    Code::ValueTypeMismatch,
                    value.syntax().text_range(),
                    format!(
                        "{what} has type {expected}, but `{}` is a const of type {found_name}",
                        path.text()
                    ),
                );
            }
        }
        _ => {}
    }
}

/// `ty` with its enums read as `i32`. fbthrift copies a referenced const's
/// value without its type (`on_const_ref` in `parse_ast.cc`), so an enum
/// value there is a number: a `map<E, set<F>>` const may initialise a
/// `map<i16, set<i16>>`, and an `i32` const an enum.
fn enums_as_integers(cx: &Ctx<'_>, ty: &Ty) -> Ty {
    match ty {
        Ty::Def(def) if matches!(cx.db.def(*def).map(|d| &d.kind), Some(DefKind::Enum { .. })) => {
            Ty::Base(BaseType::I32)
        }
        Ty::List(t) => Ty::List(Box::new(enums_as_integers(cx, t))),
        Ty::Set(t) => Ty::Set(Box::new(enums_as_integers(cx, t))),
        Ty::Map(k, v) => Ty::Map(
            Box::new(enums_as_integers(cx, k)),
            Box::new(enums_as_integers(cx, v)),
        ),
        other => other.clone(),
    }
}

/// Whether a const of type `found` may initialise a value of type `expected`.
fn compatible(found: &Ty, expected: &Ty) -> bool {
    match (found, expected) {
        (Ty::Unknown, _) | (_, Ty::Unknown) => true,
        (Ty::Base(a), Ty::Base(b)) => {
            a == b
                || (a.int_range().is_some() && b.int_range().is_some())
                || (a.int_range().is_some() && *b == BaseType::Double)
                || (matches!(a, BaseType::String | BaseType::Binary)
                    && matches!(b, BaseType::String | BaseType::Binary))
        }
        (Ty::List(a), Ty::List(b)) | (Ty::Set(a), Ty::Set(b)) | (Ty::List(a), Ty::Set(b)) => {
            compatible(a, b)
        }
        (Ty::Map(ak, av), Ty::Map(bk, bv)) => compatible(ak, bk) && compatible(av, bv),
        (Ty::Def(a), Ty::Def(b)) => a == b,
        _ => false,
    }
}

/// The first type name in `ty` that does not resolve in `file`.
fn unresolved_in(db: &crate::Database, file: FileId, ty: &TypeRef) -> Option<String> {
    match ty {
        TypeRef::Named(name) => match db.resolve_name(file, name) {
            Resolution::Found(_) => None,
            _ => Some(name.clone()),
        },
        TypeRef::List(t) | TypeRef::Set(t) => unresolved_in(db, file, t),
        TypeRef::Map(k, v) => unresolved_in(db, file, k).or_else(|| unresolved_in(db, file, v)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn uuids() {
        assert!(super::is_uuid("00000000-4444-CCCC-ffff-0123456789ab"));
        assert!(super::is_uuid("{00000000-4444-CCCC-ffff-0123456789ab}"));
        assert!(!super::is_uuid("not-a-uuid"));
        assert!(!super::is_uuid("00000000-4444-CCCC-ffff-0123456789a"));
    }
}
