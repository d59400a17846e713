//! Go: Apache `--gen go` (t_go_generator.cc) and thriftgo. Names become Go
//! identifiers through `publicize` (capitalise, `_x` to `X`, common
//! initialisms upper-cased, a `_` after `New…`, `…Args`, `…Result`); two
//! names that become one identifier, or a name that becomes a generated
//! member's, do not compile with Apache. thriftgo renames the later one
//! with a `_` instead (its namespaces' `UnderscoreSuffix`), so the Go
//! names differ between the two.

use crate::fx::HashMap;

use thrift_syntax::{AstNode, TextRange};

use super::{
    Target, TargetCx,
    names::{DefTag, Role, Site, sites},
};
use crate::{Code, Diagnostic, Severity};

/// Go lint's common initialisms, which the generator upper-cases.
const INITIALISMS: &[&str] = &[
    "API", "ASCII", "CPU", "CSS", "DNS", "EOF", "GUID", "HTML", "HTTP", "HTTPS", "ID", "IP",
    "JSON", "LHS", "QPS", "RAM", "RHS", "RPC", "SLA", "SMTP", "SSH", "TCP", "TLS", "TTL", "UDP",
    "UI", "UID", "UUID", "URI", "URL", "UTF8", "VM", "XML", "XMPP", "XSRF", "XSS",
];

/// The word of `chars` that starts at `i` (up to the next `_`) upper-cased
/// when it is a common initialism.
fn fix_initialism(chars: &mut [char], i: usize) {
    let end = chars[i..]
        .iter()
        .position(|&c| c == '_')
        .map_or(chars.len(), |n| i + n);
    let word: String = chars[i..end]
        .iter()
        .collect::<String>()
        .to_ascii_uppercase();
    if INITIALISMS.contains(&word.as_str()) {
        for (k, c) in word.chars().enumerate() {
            chars[i + k] = c;
        }
    }
}

/// `camelcase` of the Go generator: initialisms fixed, `_` and a lower-case
/// letter become the upper-case letter.
fn camelcase(value: &str) -> String {
    let mut chars: Vec<char> = value.chars().collect();
    if chars.is_empty() {
        return String::new();
    }
    fix_initialism(&mut chars, 0);
    let mut i = 1;
    while i + 1 < chars.len() {
        if chars[i] == '_' {
            if chars[i + 1].is_ascii_lowercase() {
                let upper = chars[i + 1].to_ascii_uppercase();
                chars.splice(i..i + 2, [upper]);
            }
            fix_initialism(&mut chars, i);
        }
        i += 1;
    }
    chars.into_iter().collect()
}

/// The Go identifier of a name (`publicize`), and whether the generator
/// appended a `_` to it.
pub(super) fn go_name(name: &str) -> (String, bool) {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return (String::new(), false);
    };
    let capitalised: String = first.to_ascii_uppercase().to_string() + chars.as_str();
    let mut value = camelcase(&capitalised);
    let renamed = value.starts_with("New") || value.ends_with("Args") || value.ends_with("Result");
    if renamed {
        value.push('_');
    }
    (value, renamed)
}

/// The Go package of the file: the last part of its `namespace go` (or
/// `*`), else its file name without `.thrift`, as the generator names it.
fn go_package(t: &TargetCx<'_, '_>) -> Option<String> {
    let summary = t.db().summary(t.file())?;
    let ns = summary
        .namespaces
        .iter()
        .find(|(scope, _)| scope == "go")
        .or_else(|| summary.namespaces.iter().find(|(scope, _)| scope == "*"))
        .map(|(_, v)| v.rsplit(['.', '/']).next().unwrap_or(v).to_string());
    ns.or_else(|| t.db().program_name(t.file()).map(str::to_string))
}

pub(super) fn check(t: &mut TargetCx<'_, '_>) {
    let apache = t.has(Target::Go);
    let thriftgo = t.has(Target::Thriftgo);
    if apache
        && go_package(t).as_deref() == Some("main")
        && let Some(range) = t
            .tree
            .namespaces()
            .find(|n| n.scope().is_some_and(|s| s.text() == "go" || s.is_star()))
            .map(|n| n.syntax().text_range())
            .or_else(|| t.tree.definitions().next().map(|d| d.syntax().text_range()))
    {
        t.report(
            Code::GoMainPackage,
            range,
            "Apache go generates this file into the package `main`, which Go builds as a command: `go build` fails (`function main is undeclared in the main package`); set `namespace go` to another name",
        );
    }
    let sites = sites(t.tree);
    let mut problems: Vec<Problem> = Vec::new();
    collisions(&sites, &mut problems);
    generated_members(&sites, &mut problems);
    for p in problems {
        if apache {
            let mut d = Diagnostic::new(
                p.code,
                t.file(),
                p.range,
                format!("Apache go: {}; `go build` fails", p.what),
            );
            if let Some(other) = p.other {
                d = d.with_related(t.file(), other, "the other name");
            }
            t.push(d);
        }
        if thriftgo {
            let mut d = Diagnostic::new(
                Code::ThriftgoRenamedIdentifier,
                t.file(),
                p.range,
                format!(
                    "thriftgo: {}; thriftgo renames this one with a trailing `_` instead, so its Go API differs from Apache go's",
                    p.what
                ),
            );
            if let Some(other) = p.other {
                d = d.with_related(t.file(), other, "the other name");
            }
            t.push(d);
        }
    }
    for site in &sites {
        if matches!(site.role, Role::EnumValue | Role::Arg | Role::Throws) {
            continue;
        }
        let (go, renamed) = go_name(&site.name);
        if renamed {
            let which = [(apache, "Apache go"), (thriftgo, "thriftgo")]
                .iter()
                .filter(|(on, _)| *on)
                .map(|(_, n)| *n)
                .collect::<Vec<_>>()
                .join(" and ");
            t.report_with(
                Code::GoRenamedIdentifier,
                Severity::Hint,
                site.range,
                format!("{which}: the {} `{}` is `{go}` in Go (a `_` is appended to names that start with `New` or end with `Args` or `Result`, which generated names use)", site.role.noun(), site.name),
            );
        }
    }
}

struct Problem {
    code: Code,
    range: TextRange,
    other: Option<TextRange>,
    what: String,
}

/// The scope a name is declared in, in the generated Go.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Scope {
    /// Types, consts and services: the package.
    Package,
    /// The fields of one struct, union or exception.
    Fields(usize),
    /// The functions of one service.
    Functions(usize),
    /// The arguments of one function.
    Args(usize, String),
}

fn scope(site: &Site) -> Option<Scope> {
    Some(match site.role {
        Role::Def(DefTag::Other) => return None,
        Role::Def(_) => Scope::Package,
        Role::Field(_) => Scope::Fields(site.def),
        Role::Function => Scope::Functions(site.def),
        Role::Arg => Scope::Args(site.def, site.function.clone().unwrap_or_default()),
        // Enum values are `Enum_VALUE`; throws fields live in the result.
        Role::EnumValue | Role::Throws => return None,
    })
}

/// Two names of one scope with one Go name (T3201).
fn collisions(sites: &[Site], out: &mut Vec<Problem>) {
    let mut seen: HashMap<(Scope, String), &Site> = HashMap::default();
    for site in sites {
        let Some(scope) = scope(site) else { continue };
        // Arguments are local variables: Go keeps their case.
        let go = if matches!(scope, Scope::Args(..)) {
            site.name.clone()
        } else {
            go_name(&site.name).0
        };
        match seen.get(&(scope.clone(), go.clone())) {
            // The same name twice is another error (duplicate names).
            Some(first) if first.name != site.name => out.push(Problem {
                code: Code::GoNameCollision,
                range: site.range,
                other: Some(first.range),
                what: format!(
                    "the {} `{}` and the {} `{}` both become `{go}`",
                    first.role.noun(),
                    first.name,
                    site.role.noun(),
                    site.name
                ),
            }),
            Some(_) => {}
            None => {
                seen.insert((scope, go), site);
            }
        }
    }
}

/// Names that become the name of a generated method, type or variable
/// (T3202).
fn generated_members(sites: &[Site], out: &mut Vec<Problem>) {
    // Package-level names the generator declares for each definition.
    let mut generated: HashMap<String, String> = HashMap::default();
    for site in sites {
        let Role::Def(tag) = site.role else { continue };
        let go = go_name(&site.name).0;
        match tag {
            DefTag::Enum => {
                generated.insert(
                    format!("{go}Ptr"),
                    format!("the enum `{}`'s `{go}Ptr`", site.name),
                );
            }
            DefTag::Service => {
                for suffix in ["Client", "Processor"] {
                    generated.insert(
                        format!("{go}{suffix}"),
                        format!("the service `{}`'s `{go}{suffix}`", site.name),
                    );
                }
            }
            _ => {}
        }
    }
    for site in sites {
        if let Role::EnumValue = site.role {
            let enum_go = go_name(&site.owner).0;
            generated.insert(
                format!("{enum_go}_{}", site.name),
                format!(
                    "the enum value `{}.{}`'s constant `{enum_go}_{}`",
                    site.owner, site.name, site.name
                ),
            );
        }
    }
    // Field names per struct, for `Get<Field>` and `IsSet<Field>`.
    let mut fields: HashMap<usize, Vec<String>> = HashMap::default();
    for site in sites {
        if let Role::Field(_) = site.role {
            fields
                .entry(site.def)
                .or_default()
                .push(go_name(&site.name).0);
        }
    }
    for site in sites {
        let go = go_name(&site.name).0;
        match site.role {
            Role::Def(DefTag::Struct | DefTag::Union | DefTag::Exception | DefTag::Enum | DefTag::Typedef | DefTag::Const | DefTag::Service) => {
                if let Some(whose) = generated.get(&go) {
                    out.push(Problem {
                        code: Code::GoGeneratedMemberClash,
                        range: site.range,
                        other: None,
                        what: format!("the {} `{}` becomes `{go}`, which is {whose}", site.role.noun(), site.name),
                    });
                }
            }
            Role::Field(tag) => {
                let mut methods = vec!["Read", "Write", "String", "Equals"];
                if tag == DefTag::Exception {
                    methods.push("Error");
                }
                let clash = if methods.contains(&go.as_str()) {
                    Some(format!("the generated method `{go}()`"))
                } else {
                    fields.get(&site.def).and_then(|others| {
                        others.iter().find_map(|other| {
                            ["Get", "IsSet"]
                                .iter()
                                .find(|prefix| go == format!("{prefix}{other}"))
                                .map(|prefix| format!("the generated method `{prefix}{other}()` of the field `{other}`"))
                        })
                    })
                };
                if let Some(clash) = clash {
                    out.push(Problem {
                        code: Code::GoGeneratedMemberClash,
                        range: site.range,
                        other: None,
                        what: format!("the field `{}` of `{}` becomes `{go}`, the name of {clash}", site.name, site.owner),
                    });
                }
            }
            Role::Arg if matches!(site.name.as_str(), "ctx" | "p") => {
                let what = if site.name == "ctx" {
                    "the `context.Context` argument `ctx`"
                } else {
                    "the method receiver `p`"
                };
                out.push(Problem {
                    code: Code::GoGeneratedMemberClash,
                    range: site.range,
                    other: None,
                    what: format!("the argument `{}` of `{}.{}` has the name of {what} of the generated client", site.name, site.owner, site.function.as_deref().unwrap_or("?")),
                });
            }
            Role::Throws if go == "Success" => out.push(Problem {
                code: Code::GoGeneratedMemberClash,
                range: site.range,
                other: None,
                what: format!("the exception field `{}` of `{}.{}` becomes `Success`, the result field of the return value", site.name, site.owner, site.function.as_deref().unwrap_or("?")),
            }),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::go_name;

    #[test]
    fn publicize_as_the_generator_does() {
        let go = |n: &str| go_name(n).0;
        assert_eq!(go("user_id"), "UserID");
        assert_eq!(go("userID"), "UserID");
        assert_eq!(go("userId"), "UserId");
        assert_eq!(go("id"), "ID");
        assert_eq!(go("foo_bar"), "FooBar");
        assert_eq!(go("fooBar"), "FooBar");
        assert_eq!(go("http_url"), "HTTPURL");
        assert_eq!(go("get_x"), "GetX");
        assert_eq!(go("a_B"), "A_B");
        assert_eq!(go("_x"), "_x");
        assert_eq!(go("NewUser"), "NewUser_");
        assert_eq!(go("getArgs"), "GetArgs_");
        assert_eq!(go("news"), "News_");
        assert_eq!(go("x_1"), "X_1");
    }
}
