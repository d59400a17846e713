//! Apache `--gen py` (t_py_generator.cc): names that the generator refuses
//! or renames, and names that make the generated Python invalid or wrong.
//! Checked against the real compiler 0.17 with the generated modules
//! imported (tests/targets.rs).

use thrift_syntax::{
    AstNode,
    ast::{self, HasAnnotations, HasName},
};

use super::{
    ApacheVersion, TargetCx,
    apache::is_legacy_reserved,
    names::{DefTag, Role, sites},
};
use crate::{Code, Severity, Ty, summary::TypeRef};

/// The Python keywords of the py generator (refused through 0.22, renamed
/// with a trailing `_` from 0.23).
pub(super) const PY_KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "exec", "finally", "for", "from", "global", "if", "import", "in",
    "is", "lambda", "nonlocal", "not", "or", "pass", "print", "raise", "return", "try", "while",
    "with", "yield",
];

/// Python keywords the generator does not know: the generated code is a
/// `SyntaxError` on import, in every version.
const UNESCAPED_KEYWORDS: &[&str] = &["async", "await"];

/// Module-level names of the generated `ttypes.py` that its own code uses
/// while it is imported.
const MODULE_NAMES: &[&str] = &["TType", "all_structs"];

/// Names the generated modules import and use at run time, and what goes
/// wrong when a definition replaces them.
const RUNTIME_NAMES: &[(&str, &str)] = &[
    (
        "TException",
        "the exceptions after it derive from this definition instead, and raising one fails (`TypeError: exceptions must derive from BaseException`)",
    ),
    (
        "TApplicationException",
        "the generated client and server raise this definition instead of the Thrift error",
    ),
    (
        "TProtocolException",
        "`validate()` raises this definition instead of the Thrift error for a missing required field",
    ),
    (
        "TMessageType",
        "the generated client and server read message types from this definition",
    ),
    (
        "TFrozenDict",
        "frozen structs and map consts are built with this definition",
    ),
    (
        "fix_spec",
        "the fix-up of the specs of recursive structs calls this definition instead",
    ),
];

/// Top-level modules that Python has imported at startup, that the
/// generated `ttypes.py` imports (through `thrift.Thrift`, …) before its
/// own package is imported, and `re` and `enum`, which nearly every
/// program has imported by then (`sys.modules` of CPython 3.11): a
/// generated package with one of these names is never found, as the
/// imported module wins.
const LOADED_MODULES: &[&str] = &[
    "abc",
    "builtins",
    "codecs",
    "collections",
    "contextlib",
    "copyreg",
    "encodings",
    "enum",
    "functools",
    "genericpath",
    "importlib",
    "io",
    "itertools",
    "keyword",
    "marshal",
    "operator",
    "os",
    "posix",
    "posixpath",
    "re",
    "reprlib",
    "site",
    "stat",
    "struct",
    "sys",
    "thrift",
    "time",
    "types",
    "warnings",
    "zipimport",
];

pub(super) fn check(t: &mut TargetCx<'_, '_>) {
    let v = t.version();
    for site in sites(t.tree) {
        let name = site.name.as_str();
        let noun = site.role.noun();
        if PY_KEYWORDS.contains(&name) {
            if v >= ApacheVersion::new(23) {
                t.report_with(
                    Code::PyPythonKeyword,
                    Severity::Warning,
                    site.range,
                    format!("Apache py {v} renames the {noun} `{name}` to `{name}_` (a Python keyword): Python code sees another name than other targets do"),
                );
            } else if !(v <= ApacheVersion::new(13) && is_legacy_reserved(name)) {
                t.report(
                    Code::PyPythonKeyword,
                    site.range,
                    format!("Apache py {v} refuses the {noun} `{name}`: it is a Python keyword (`Cannot use reserved language keyword: \"{name}\"`); 0.23 and newer rename it to `{name}_`"),
                );
            }
        } else if UNESCAPED_KEYWORDS.contains(&name)
            && !(name == "async" && v <= ApacheVersion::new(17))
        {
            t.report(
                Code::PyPythonKeyword,
                site.range,
                format!("Apache py generates invalid Python for the {noun} `{name}`: it is a Python keyword the generator does not escape (`SyntaxError` when the module is imported)"),
            );
        }
        if name == "self" && site.role.is_field_like() {
            t.report(
                Code::PySelfName,
                site.range,
                format!("Apache py generates invalid Python for the {noun} `self`: it becomes a second `self` argument (`SyntaxError: duplicate argument 'self'` on import)"),
            );
        }
        match (site.role, name) {
            (Role::Arg, "read" | "write") => t.report(
                Code::PyShadowedMethod,
                site.range,
                format!("Apache py: the argument `{name}` hides the `{name}` method of the generated `{}_args` struct: the RPC fails at run time (`TypeError: … object is not callable`)", site.function.as_deref().unwrap_or("f")),
            ),
            (Role::Arg, "args") => t.report(
                Code::PyShadowedMethod,
                site.range,
                "Apache py: the argument `args` is overwritten by the client's local variable `args`: the client sends the wrong value",
            ),
            (Role::Field(_), "read" | "write" | "validate") => t.report(
                Code::PyShadowedMethod,
                site.range,
                format!("Apache py: the field `{name}` hides the generated method `{name}()`: writing the struct fails at run time (`TypeError: … object is not callable`)"),
            ),
            _ => {}
        }
        if matches!(
            site.role,
            Role::Def(DefTag::Struct | DefTag::Union | DefTag::Exception | DefTag::Enum)
        ) {
            if MODULE_NAMES.contains(&name) {
                t.report(
                    Code::PyModuleNameClash,
                    site.range,
                    format!("Apache py: the {noun} `{name}` replaces the name `{name}` that the generated `ttypes.py` uses itself: importing it fails"),
                );
            } else if let Some((_, what)) = RUNTIME_NAMES.iter().find(|(n, _)| *n == name) {
                t.report_with(
                    Code::PyModuleNameClash,
                    Severity::Warning,
                    site.range,
                    format!("Apache py: the {noun} `{name}` replaces the name `{name}` that the generated code imports and uses: the module imports, but {what}"),
                );
            }
        }
    }
    mutable_defaults(t);
    unhashable(t);
    packages(t);
    service_module_names(t);
}

/// The classes every generated service module defines, over the names it
/// imports from `ttypes`.
const SERVICE_CLASSES: &[&str] = &["Iface", "Client", "Processor"];

/// A struct named `Client` (or `Iface`, `Processor`) that a service of the
/// file uses in a signature: the service module's own class replaces it
/// there, and the specs of its argument and result structs point at that
/// class (`AttributeError: type object 'Client' has no attribute
/// 'thrift_spec'` on import).
fn service_module_names(t: &mut TargetCx<'_, '_>) {
    let file = t.file();
    let mut types: Vec<(ast::Type, String)> = Vec::new();
    for def in t.tree.definitions() {
        let ast::Definition::Service(service) = def else {
            continue;
        };
        for f in service.functions() {
            let fname = f.name().map(|n| n.text()).unwrap_or_default();
            types.extend(f.return_type().map(|ty| (ty, fname.clone())));
            let throws = f.throws().map(|t| t.fields()).unwrap_or_default();
            for field in f.params().into_iter().chain(throws) {
                types.extend(field.ty().map(|ty| (ty, fname.clone())));
            }
        }
    }
    for (ty, function) in types {
        let resolved = t
            .db()
            .resolve_type(file, &TypeRef::from_ast(Some(ty.clone())));
        if let Some(name) = service_class_in(t, &resolved, 0) {
            t.report(
                Code::PyModuleNameClash,
                ty.syntax().text_range(),
                format!("Apache py: the generated service module defines its own `{name}` class, which replaces the struct `{name}` that `{function}` uses: importing it fails (`AttributeError: type object '{name}' has no attribute 'thrift_spec'`); rename the struct"),
            );
        }
    }
}

fn service_class_in(t: &TargetCx<'_, '_>, ty: &Ty, depth: u32) -> Option<String> {
    if depth > 16 {
        return None;
    }
    match ty {
        Ty::Def(d) if d.file == t.file() => t
            .db()
            .def(*d)
            .filter(|d| d.kind.fields().is_some() && SERVICE_CLASSES.contains(&d.name.as_str()))
            .map(|d| d.name.clone()),
        Ty::List(e) | Ty::Set(e) => service_class_in(t, e, depth + 1),
        Ty::Map(k, v) => {
            service_class_in(t, k, depth + 1).or_else(|| service_class_in(t, v, depth + 1))
        }
        _ => None,
    }
}

/// The Python package a file generates: its `namespace py` (or `*`),
/// else its file name without `.thrift`.
fn package(summary: Option<&crate::FileSummary>, file_name: &str) -> String {
    let ns = summary.and_then(|s| {
        s.namespaces
            .iter()
            .find(|(scope, _)| scope == "py")
            .or_else(|| s.namespaces.iter().find(|(scope, _)| scope == "*"))
            .map(|(_, v)| v.clone())
    });
    ns.unwrap_or_else(|| {
        let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
        base.strip_suffix(".thrift").unwrap_or(base).to_string()
    })
}

fn packages(t: &mut TargetCx<'_, '_>) {
    let file = t.file();
    // The file itself: its namespace, else its name when it is known.
    let name = t.db().program_name(file).map(str::to_string);
    let has_namespace = t.db().summary(file).is_some_and(|s| {
        s.namespaces
            .iter()
            .any(|(scope, _)| scope == "py" || scope == "*")
    });
    if let Some(name) = name.or_else(|| has_namespace.then(String::new)) {
        let own = package(t.db().summary(file), &name);
        let top = own.split('.').next().unwrap_or_default().to_string();
        if LOADED_MODULES.contains(&top.as_str()) {
            let range = t
                .tree
                .namespaces()
                .find(|n| n.scope().is_some_and(|s| s.text() == "py" || s.is_star()))
                .map(|n| n.syntax().text_range())
                .or_else(|| t.tree.definitions().next().map(|d| d.syntax().text_range()));
            if let Some(range) = range {
                t.report(
                    Code::PyPackageName,
                    range,
                    format!("Apache py generates this file into the package `{own}`, but Python has already imported a module `{top}`: importing `{own}.ttypes` fails; set `namespace py` to another name"),
                );
            }
        }
    }
    let mut seen: crate::fx::HashMap<String, (thrift_syntax::TextRange, String, crate::FileId)> =
        crate::fx::HashMap::default();
    for include in t.tree.includes() {
        let (Some(path), Some(token)) = (include.path(), include.path_token()) else {
            continue;
        };
        let target = t.db().resolve_include(file, &path);
        let pkg = package(target.and_then(|f| t.db().summary(f)), &path);
        let top = pkg.split('.').next().unwrap_or_default().to_string();
        if LOADED_MODULES.contains(&top.as_str()) {
            t.report(
                Code::PyPackageName,
                token.text_range(),
                format!("Apache py generates `{path}` into the package `{pkg}`, but Python has already imported a module `{top}`: importing `{pkg}.ttypes` fails; set `namespace py` in that file"),
            );
        }
        let Some(target) = target else {
            continue;
        };
        if let Some(word) = pkg
            .split('.')
            .find(|w| PY_KEYWORDS.contains(w) || UNESCAPED_KEYWORDS.contains(w))
        {
            t.report(
                Code::PyPackageName,
                token.text_range(),
                format!("Apache py generates `{path}` into the package `{pkg}`, and this file's generated code imports it as `import {pkg}.ttypes`, which is a `SyntaxError`: `{word}` is a Python keyword; give that file a `namespace py` without one"),
            );
        }
        match seen.get(&pkg) {
            Some((first, first_path, first_file)) if *first_file != target => {
                let d = crate::Diagnostic::new(
                    Code::PyIncludeNameClash,
                    file,
                    token.text_range(),
                    format!("Apache py generates `{path}` and `{first_path}` into the same package `{pkg}`: one overwrites the other, and names from the first are missing (`AttributeError: module '{pkg}.ttypes' has no attribute …`); give them different `namespace py`"),
                )
                .with_related(file, *first, "the other include of that package");
                t.push(d);
            }
            Some(_) => {}
            None => {
                seen.insert(pkg, (token.text_range(), path, target));
            }
        }
    }
}

/// Python evaluates every const and default as it imports the generated
/// module: a map with container or struct keys (generated structs define
/// `__eq__` without `__hash__`), or a set of them, cannot be built.
fn unhashable(t: &mut TargetCx<'_, '_>) {
    let file = t.file();
    let mut typed: Vec<(ast::ConstValue, ast::Type)> = Vec::new();
    for def in t.tree.definitions() {
        if let ast::Definition::Const(c) = &def
            && let (Some(ty), Some(value)) = (c.ty(), c.value())
        {
            typed.push((value, ty));
        }
    }
    let root = t.tree.syntax().clone();
    for field in root.descendants().filter_map(ast::Field::cast) {
        if let (Some(ty), Some(value)) = (field.ty(), field.default_value().and_then(|d| d.value()))
        {
            typed.push((value, ty));
        }
    }
    for (value, syntax) in typed {
        let ty = t
            .db()
            .resolve_type(file, &TypeRef::from_ast(Some(syntax.clone())));
        walk_hash(t, &value, &ty, Some(&syntax), 0);
    }
}

/// `python.immutable` on a container type or a struct: the generator makes
/// its values hashable (a tuple, a `frozenset`, a `TFrozenDict`, a frozen
/// struct).
fn immutable(t: &TargetCx<'_, '_>, ty: &Ty, syntax: Option<&ast::Type>) -> bool {
    let marked = |annotations: Vec<ast::Annotation>| {
        annotations
            .iter()
            .any(|a| a.key().is_some_and(|k| k.text() == "python.immutable"))
    };
    if let Ty::Def(d) = ty {
        return t
            .db()
            .def_node(*d)
            .is_some_and(|node| marked(node.annotations()));
    }
    match syntax {
        Some(ast::Type::ListType(l)) => marked(l.annotations()),
        Some(ast::Type::SetType(l)) => marked(l.annotations()),
        Some(ast::Type::MapType(l)) => marked(l.annotations()),
        _ => false,
    }
}

fn unhashable_ty(
    t: &TargetCx<'_, '_>,
    ty: &Ty,
    syntax: Option<&ast::Type>,
) -> Option<&'static str> {
    let kind = match ty {
        Ty::List(_) => "list",
        Ty::Set(_) => "set",
        Ty::Map(..) => "map",
        Ty::Def(d) if t.db().def(*d).is_some_and(|d| d.kind.fields().is_some()) => "struct",
        _ => return None,
    };
    (!immutable(t, ty, syntax)).then_some(kind)
}

fn walk_hash(
    t: &mut TargetCx<'_, '_>,
    value: &ast::ConstValue,
    ty: &Ty,
    syntax: Option<&ast::Type>,
    depth: u32,
) {
    if depth > 32 {
        return;
    }
    match (value, ty) {
        (ast::ConstValue::ConstMap(map), Ty::Map(k, v)) => {
            let (key_syntax, value_syntax) = match syntax {
                Some(ast::Type::MapType(m)) => (m.key_type(), m.value_type()),
                _ => (None, None),
            };
            let key_kind = unhashable_ty(t, k, key_syntax.as_ref());
            for entry in map.entries() {
                if let (Some(kind), Some(key)) = (key_kind, entry.key()) {
                    t.report(
                        Code::PyUnhashableConst,
                        key.syntax().text_range(),
                        format!("Apache py cannot build this map: its keys are {kind}s, which Python cannot hash (`TypeError: unhashable type` when the module is imported); `(python.immutable = \"\")` on the key type makes them hashable"),
                    );
                }
                if let Some(value) = entry.value() {
                    walk_hash(t, &value, v, value_syntax.as_ref(), depth + 1);
                }
            }
        }
        (ast::ConstValue::ConstList(list), Ty::Set(e)) => {
            let element_syntax = match syntax {
                Some(ast::Type::SetType(s)) => s.element_type(),
                _ => None,
            };
            let kind = unhashable_ty(t, e, element_syntax.as_ref());
            for element in list.values() {
                if let Some(kind) = kind {
                    t.report(
                        Code::PyUnhashableConst,
                        element.syntax().text_range(),
                        format!("Apache py cannot build this set: its elements are {kind}s, which Python cannot hash (`TypeError: unhashable type` when the module is imported); `(python.immutable = \"\")` on the element type makes them hashable"),
                    );
                }
                walk_hash(t, &element, e, element_syntax.as_ref(), depth + 1);
            }
        }
        (ast::ConstValue::ConstList(list), Ty::List(e)) => {
            let element_syntax = match syntax {
                Some(ast::Type::ListType(l)) => l.element_type(),
                _ => None,
            };
            for element in list.values() {
                walk_hash(t, &element, e, element_syntax.as_ref(), depth + 1);
            }
        }
        (ast::ConstValue::ConstMap(map), Ty::Def(def)) => {
            // The struct's fields, with the syntax of their types.
            let Some(node) = t.db().def_node(*def) else {
                return;
            };
            let fields: Vec<(String, ast::Type)> = node
                .syntax()
                .descendants()
                .filter_map(ast::Field::cast)
                .filter_map(|f| Some((f.name()?.text(), f.ty()?)))
                .collect();
            for entry in map.entries() {
                let key = entry.key().and_then(|k| match k {
                    ast::ConstValue::Literal(l) => l.as_string(),
                    _ => None,
                });
                if let Some((_, fsyntax)) = key.and_then(|k| fields.iter().find(|(n, _)| *n == k))
                    && let Some(value) = entry.value()
                {
                    let fty = t
                        .db()
                        .resolve_type(def.file, &TypeRef::from_ast(Some(fsyntax.clone())));
                    walk_hash(t, &value, &fty, Some(fsyntax), depth + 1);
                }
            }
        }
        _ => {}
    }
}

fn mutable_defaults(t: &mut TargetCx<'_, '_>) {
    let file = t.file();
    let root = t.tree.syntax().clone();
    for field in root.descendants().filter_map(ast::Field::cast) {
        // Arguments' defaults are not generated.
        if field
            .syntax()
            .parent()
            .is_some_and(|p| p.kind() == thrift_syntax::SyntaxKind::PARAM_LIST)
        {
            continue;
        }
        let (Some(ty), Some(default)) = (field.ty(), field.default_value()) else {
            continue;
        };
        let what = match t.db().resolve_type(file, &TypeRef::from_ast(Some(ty))) {
            Ty::List(_) => "list",
            Ty::Set(_) => "set",
            Ty::Map(..) => "map",
            Ty::Def(d) if t.db().def(d).is_some_and(|d| d.kind.fields().is_some()) => "struct",
            _ => continue,
        };
        t.report(
            Code::PyMutableDefault,
            default.syntax().text_range(),
            format!("Apache py: this {what} default is one object shared by every instance (the generated `__init__` has it as its default argument): changing it in one instance changes it in all; set it after construction instead"),
        );
    }
}
