//! Apache `--gen java` (t_java_generator.cc): a struct's fields become
//! `FOO_BAR_FIELD_DESC` constants, `getFooBar()` getters and `_Fields`
//! values, so names that differ only in case or underscores collide;
//! some names are taken by generated or inherited members; enum values
//! and consts are not escaped when they are Java keywords.

use crate::fx::HashMap;

use super::{
    ApacheVersion, TargetCx,
    apache::is_legacy_reserved,
    names::{DefTag, Role, sites},
};
use thrift_syntax::{AstNode, ast};

use crate::{Code, Diagnostic};

const JAVA_KEYWORDS: &[&str] = &[
    "abstract",
    "assert",
    "boolean",
    "break",
    "byte",
    "case",
    "catch",
    "char",
    "class",
    "const",
    "continue",
    "default",
    "do",
    "double",
    "else",
    "enum",
    "extends",
    "false",
    "final",
    "finally",
    "float",
    "for",
    "goto",
    "if",
    "implements",
    "import",
    "instanceof",
    "int",
    "interface",
    "long",
    "native",
    "new",
    "null",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "short",
    "static",
    "strictfp",
    "super",
    "switch",
    "synchronized",
    "this",
    "throw",
    "throws",
    "transient",
    "true",
    "try",
    "void",
    "volatile",
    "while",
];

/// The generator's `constant_name`: `fooBar` and `foo_bar` are `FOO_BAR`.
pub(super) fn constant_name(name: &str) -> String {
    let mut out = String::new();
    let mut first = true;
    let mut previous_upper = false;
    for c in name.chars() {
        let upper = c.is_ascii_uppercase();
        if upper && !first && !previous_upper {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
        first = false;
        previous_upper = upper;
    }
    out
}

/// Whether a file declares a Java package (`namespace java`, or `*`).
fn has_java_namespace(summary: Option<&crate::FileSummary>) -> bool {
    summary.is_some_and(|s| {
        s.namespaces
            .iter()
            .any(|(scope, _)| scope == "java" || scope == "*")
    })
}

/// A file in a Java package that uses names of an included file in the
/// default package: Java cannot import from the default package.
fn default_package_includes(t: &mut TargetCx<'_, '_>) {
    let file = t.file();
    if !has_java_namespace(t.db().summary(file)) {
        return;
    }
    let used: Vec<String> = t
        .tree
        .syntax()
        .descendants()
        .filter_map(ast::Path::cast)
        .map(|p| p.text())
        .collect();
    for include in t.tree.includes() {
        let (Some(path), Some(token)) = (include.path(), include.path_token()) else {
            continue;
        };
        let Some(target) = t.db().resolve_include(file, &path) else {
            continue;
        };
        let prefix = crate::summary::include_prefix(&path);
        let is_used = used.iter().any(|u| u.starts_with(&format!("{prefix}.")));
        if is_used && !has_java_namespace(t.db().summary(target)) {
            t.report(
                Code::JavaDefaultPackageInclude,
                token.text_range(),
                format!("Apache java: `{path}` has no `namespace java`, so its classes are generated into the default package, which this file's package cannot import: `javac` fails (`cannot find symbol`); give it a `namespace java`"),
            );
        }
    }
}

/// A generated class's field (the definition, the list, the function) by
/// its constant name.
type FieldKey = (usize, Role, Option<String>, String);

pub(super) fn check(t: &mut TargetCx<'_, '_>) {
    default_package_includes(t);
    let v = t.version();
    let sites = sites(t.tree);
    // Fields (and arguments, and throws fields) per generated class.
    let mut seen: HashMap<FieldKey, (String, thrift_syntax::TextRange)> = HashMap::default();
    for site in &sites {
        if !site.role.is_field_like() {
            continue;
        }
        let constant = constant_name(&site.name);
        let key = (site.def, site.role, site.function.clone(), constant.clone());
        match seen.get(&key) {
            Some((first, range)) if *first != site.name => {
                let d = Diagnostic::new(
                    Code::JavaNameCollision,
                    t.file(),
                    site.range,
                    format!("Apache java: the {noun}s `{first}` and `{}` both become `{constant}_FIELD_DESC` (and one getter): `javac` fails (`variable {constant}_FIELD_DESC is already defined`)", site.name, noun = site.role.noun()),
                )
                .with_related(t.file(), *range, "the other name");
                t.push(d);
            }
            Some(_) => {}
            None => {
                seen.insert(key, (site.name.clone(), site.range));
            }
        }
    }
    // Functions `f` and `f_args` / `f_result`.
    let functions: Vec<(usize, &str)> = sites
        .iter()
        .filter(|s| s.role == Role::Function)
        .map(|s| (s.def, s.name.as_str()))
        .collect();
    for site in sites.iter().filter(|s| s.role == Role::Function) {
        for suffix in ["_args", "_result"] {
            if let Some(base) = site.name.strip_suffix(suffix)
                && functions.contains(&(site.def, base))
            {
                t.report(
                    Code::JavaNameCollision,
                    site.range,
                    format!("Apache java: the function `{}` has the name of the generated class `{base}{suffix}` of the function `{base}`: `javac` fails", site.name),
                );
            }
        }
    }
    for site in &sites {
        let name = site.name.as_str();
        let clash = match site.role {
            Role::Field(_) | Role::Arg | Role::Throws
                if name == "class" && v >= ApacheVersion::new(18) =>
            {
                Some("its getter is `getClass()`, which cannot override `Object.getClass()`".to_string())
            }
            Role::Field(DefTag::Exception) if name == "cause" => {
                Some("its getter is `getCause()`, which cannot override `Throwable.getCause()`".to_string())
            }
            Role::Field(_) if matches!(name, "metaDataMap" | "STRUCT_DESC" | "_Fields") => {
                Some(format!("the generated class already has a member `{name}`"))
            }
            Role::Field(DefTag::Union) if matches!(name, "field" | "value") => Some(format!(
                "the generated union code has a local variable `{name}` where it reads the field"
            )),
            Role::Arg if name == "resultHandler" => Some(
                "the generated asynchronous client has an argument `resultHandler`".to_string(),
            ),
            Role::Def(DefTag::Struct | DefTag::Union | DefTag::Exception | DefTag::Enum)
                if name == "Override" =>
            {
                Some("the generated code annotates methods with `@Override`, which would name this class".to_string())
            }
            _ => None,
        };
        if let Some(clash) = clash {
            t.report(
                Code::JavaGeneratedMemberClash,
                site.range,
                format!(
                    "Apache java: the {} `{name}`: {clash}; `javac` fails",
                    site.role.noun()
                ),
            );
        }
        // Enum values and consts are not escaped; through 0.17 the old
        // reserved-word list refuses most keywords already (T3107).
        if matches!(site.role, Role::EnumValue | Role::Def(DefTag::Const))
            && JAVA_KEYWORDS.contains(&name)
            && !(v <= ApacheVersion::new(17) && is_legacy_reserved(name))
        {
            t.report(
                Code::JavaKeywordUnescaped,
                site.range,
                format!("Apache java: the {} `{name}` is a Java keyword, and the generator does not escape {}: `javac` fails", site.role.noun(), if site.role == Role::EnumValue { "enum values" } else { "consts" }),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::constant_name;

    #[test]
    fn constant_names() {
        assert_eq!(constant_name("fooBar"), "FOO_BAR");
        assert_eq!(constant_name("foo_bar"), "FOO_BAR");
        assert_eq!(constant_name("FooBar"), "FOO_BAR");
        assert_eq!(constant_name("userID"), "USER_ID");
        assert_eq!(constant_name("user_id"), "USER_ID");
        assert_eq!(constant_name("URL"), "URL");
    }
}
