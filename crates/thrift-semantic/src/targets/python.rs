//! Apache `--gen py` (t_py_generator.cc): names that the generator refuses
//! or renames, and names that make the generated Python invalid or wrong.
//! Checked against the real compiler 0.17 with the generated modules
//! imported (tests/targets.rs).

use thrift_syntax::{AstNode, ast};

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
const MODULE_NAMES: &[&str] = &["TType", "all_structs", "fix_spec"];

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
        ) && MODULE_NAMES.contains(&name)
        {
            t.report(
                Code::PyModuleNameClash,
                site.range,
                format!("Apache py: the {noun} `{name}` replaces the name `{name}` that the generated `ttypes.py` uses itself: importing it fails"),
            );
        }
    }
    mutable_defaults(t);
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
