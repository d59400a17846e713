//! The checks of one file.

use crate::fx::{HashMap, HashSet};

use thrift_syntax::{
    AstNode, Parse, SyntaxKind, SyntaxNode, TextRange,
    ast::{self, HasFields, HasName, Requiredness},
};

use crate::{
    Code, ConstResolution, Database, DefRef, Diagnostic, FileId, Resolution, Ty,
    inherit::Inheritance,
    summary::{DefKind, TypeRef},
};

pub(crate) struct Ctx<'a> {
    pub(crate) db: &'a Database,
    pub(crate) file: FileId,
    pub(crate) out: Vec<Diagnostic>,
    /// Const references already resolved (or reported) by the value checks,
    /// from the type they initialise; the reference check skips them.
    pub(crate) handled_refs: HashSet<TextRange>,
    /// The file is fbthrift (some checks differ).
    pub(crate) fbthrift: bool,
    /// The summary index of each named definition, by its start offset.
    pub(crate) def_index: HashMap<thrift_syntax::TextSize, usize>,
    /// What the file's services inherit, computed at the first service.
    pub(crate) inheritance: Option<Inheritance>,
    /// The file's typedefs on a cycle, computed at the first typedef.
    pub(crate) typedef_cycles: Option<HashSet<usize>>,
}

impl Ctx<'_> {
    /// Reports `reference` (a node inside a definition of this file) if it
    /// names `target`, a definition of this file that comes later: the
    /// Apache compiler resolves consts and parent services in order.
    pub(crate) fn check_order(&mut self, reference: &SyntaxNode, target: DefRef, what: &str) {
        if target.file != self.file {
            return;
        }
        // fbthrift resolves a const or an enum value that its parser could
        // not find once the whole file is read (`sema.cc`); a parent
        // service must come first there too (`on_service` in
        // `parse_ast.cc`).
        let is_service = matches!(
            self.db.def(target).map(|d| &d.kind),
            Some(DefKind::Service { .. })
        );
        if self.fbthrift && !is_service {
            return;
        }
        let compiler = if self.fbthrift {
            "fbthrift"
        } else {
            "the Apache compiler"
        };
        let Some(top) = reference.ancestors().find(|n| {
            n.parent()
                .is_some_and(|p| p.kind() == SyntaxKind::SOURCE_FILE)
        }) else {
            return;
        };
        let Some(&here) = self.def_index.get(&top.text_range().start()) else {
            return;
        };
        if target.index > here {
            let mut d = Diagnostic::new(
                Code::ForwardReference,
                self.file,
                reference.text_range(),
                format!(
                    "{what} is used before its definition; {compiler} needs it defined above this point"
                ),
            );
            if let Some(r) = self.db.def_name_range(target) {
                d = d.with_related(self.file, r, "defined here");
            }
            self.out.push(d);
        }
    }

    pub(crate) fn report(&mut self, code: Code, range: TextRange, message: impl Into<String>) {
        self.out
            .push(Diagnostic::new(code, self.file, range, message));
    }
}

pub(crate) fn check(
    db: &Database,
    file: FileId,
    parse: &Parse<ast::SourceFile>,
) -> Vec<Diagnostic> {
    let mut cx = Ctx {
        db,
        file,
        out: Vec::new(),
        handled_refs: HashSet::default(),
        fbthrift: db.is_fbthrift(file),
        def_index: HashMap::default(),
        inheritance: None,
        typedef_cycles: None,
    };
    for error in parse.errors() {
        cx.report(Code::Syntax, error.range, error.message.clone());
    }
    let tree = parse.tree();
    cx.def_index = tree
        .definitions()
        .filter(|d| d.name().is_some_and(|n| !n.text().is_empty()))
        .enumerate()
        .map(|(i, d)| (d.syntax().text_range().start(), i))
        .collect();
    // Values first: they resolve some references from their expected type.
    check_definitions(&mut cx, &tree);
    if !cx.fbthrift {
        crate::apache::check(&mut cx, &tree);
    }
    let used = check_references(&mut cx, tree.syntax());
    check_includes(&mut cx, &tree, &used);
    let text = db.text(file).unwrap_or_default();
    if DEPRECATED_WORDS.iter().any(|word| text.contains(word)) {
        check_deprecated(&mut cx, parse.green(), rowan::TextSize::new(0));
    }
    crate::targets::check(&mut cx, &tree);
    let mut unknown = Vec::new();
    let allows = allow_comments(
        parse.syntax_node(),
        cx.db.text(file).unwrap_or_default(),
        &mut unknown,
    );
    if !allows.is_empty() {
        let text = cx.db.text(file).unwrap_or_default();
        let index = thrift_syntax::LineIndex::new(text);
        cx.out.retain(|d| {
            let line = index.line_col(text, d.range.start()).line;
            !allows
                .iter()
                .any(|(l, codes)| (*l == line || *l + 1 == line) && codes.contains(&d.code))
        });
    }
    for (range, name) in unknown {
        cx.report(
            Code::UnknownLintCode,
            range,
            format!("`thrift-lint: allow({name})` names no diagnostic code"),
        );
    }
    cx.out
}

/// `// thrift-lint: allow(T1003, unused-include)` comments: the line they
/// are on, and the codes they silence on that line and the next.
fn allow_comments(
    root: SyntaxNode,
    text: &str,
    unknown: &mut Vec<(TextRange, String)>,
) -> Vec<(u32, Vec<Code>)> {
    const MARKER: &str = "thrift-lint:";
    if !text.contains(MARKER) {
        return Vec::new();
    }
    let index = thrift_syntax::LineIndex::new(text);
    let mut out = Vec::new();
    for token in root
        .descendants_with_tokens()
        .filter_map(|e| e.into_token())
    {
        if !token.kind().is_comment() {
            continue;
        }
        let Some(at) = token.text().find(MARKER) else {
            continue;
        };
        let rest = token.text()[at + MARKER.len()..].trim_start();
        let Some(list) = rest
            .strip_prefix("allow(")
            .and_then(|r| r.split(')').next())
        else {
            continue;
        };
        let mut codes = Vec::new();
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match Code::from_str(name) {
                Some(code) => codes.push(code),
                None => unknown.push((token.text_range(), name.to_string())),
            }
        }
        // A block comment silences the line where it ends, and the next.
        let line = index.line_col(text, token.text_range().end()).line;
        out.push((line, codes));
    }
    out
}

// ---------------------------------------------------------------------------
// Includes
// ---------------------------------------------------------------------------

fn check_includes(cx: &mut Ctx<'_>, tree: &ast::SourceFile, used: &UsedPrefixes) {
    let mut seen: HashMap<FileId, TextRange> = HashMap::default();
    // fbthrift: an alias may not match another include's name or alias.
    let mut prefixes: HashMap<String, TextRange> = HashMap::default();
    for include in tree.includes() {
        let Some(path) = include.path() else { continue };
        let range = include.syntax().text_range();
        let prefix = include
            .alias()
            .unwrap_or_else(|| crate::summary::include_prefix(&path));
        if let Some(first) = prefixes.get(&prefix)
            && include.alias().is_some()
        {
            let d = Diagnostic::new(
                Code::IncludeAliasClash,
                cx.file,
                range,
                format!("the include alias `{prefix}` is already the name of another include"),
            )
            .with_related(cx.file, *first, "that include");
            cx.out.push(d);
        } else {
            prefixes.entry(prefix).or_insert(range);
        }
    }
    for include in tree.includes() {
        let Some(path) = include.path() else { continue };
        let range = include
            .path_token()
            .map_or(include.syntax().text_range(), |t| t.text_range());
        let Some(target) = cx.db.resolve_include(cx.file, &path) else {
            let prefix = include
                .alias()
                .unwrap_or_else(|| crate::summary::include_prefix(&path));
            if used.all.contains(&prefix) {
                // Names from it cannot resolve: an error, reported once here.
                let mut d = Diagnostic::new(
                    Code::UnresolvedInclude,
                    cx.file,
                    range,
                    format!("cannot find included file `{path}`, which `{prefix}.` names refer to"),
                );
                d.severity = crate::Severity::Error;
                // The Apache compiler only warns about the include; it fails
                // on the first name from it that it resolves, and when every
                // such name is one it resolves lazily, that happens only
                // while generating code for this file, not for an includer.
                d.when_generating = !cx.fbthrift && !used.eagerly.contains(&prefix);
                cx.out.push(d);
            } else {
                cx.report(
                    Code::UnresolvedInclude,
                    range,
                    format!("cannot find included file `{path}`"),
                );
            }
            continue;
        };
        if let Some(first) = seen.get(&target) {
            let d = Diagnostic::new(
                Code::DuplicateInclude,
                cx.file,
                range,
                format!("`{path}` is already included"),
            )
            .with_related(cx.file, *first, "first included here");
            cx.out.push(d);
            continue;
        }
        seen.insert(target, range);
        if cx.db.in_include_cycle(cx.file, target) {
            cx.report(
                Code::IncludeCycle,
                range,
                format!("including `{path}` creates a cycle: it includes this file back"),
            );
        }
        let prefix = include
            .alias()
            .unwrap_or_else(|| crate::summary::include_prefix(&path));
        if !used.all.contains(&prefix) {
            cx.report(
                Code::UnusedInclude,
                range,
                format!(
                    "`{path}` is included but nothing from it is used (no `{prefix}.` reference)"
                ),
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Definitions
// ---------------------------------------------------------------------------

fn name_range(node: &impl HasName) -> TextRange {
    node.name()
        .map_or(node.syntax().text_range(), |n| n.syntax().text_range())
}

fn check_definitions(cx: &mut Ctx<'_>, tree: &ast::SourceFile) {
    // Types and services share one namespace, consts another.
    let mut types: HashMap<String, TextRange> = HashMap::default();
    let mut consts: HashMap<String, TextRange> = HashMap::default();
    for def in tree.definitions() {
        let Some(name) = def.name() else { continue };
        let text = name.text();
        if text.is_empty() {
            continue;
        }
        let range = name.syntax().text_range();
        let table = if matches!(def, ast::Definition::Const(_)) {
            &mut consts
        } else {
            &mut types
        };
        if let Some(first) = table.get(&text) {
            let d = Diagnostic::new(
                Code::DuplicateDefinition,
                cx.file,
                range,
                format!("`{text}` is defined more than once"),
            )
            .with_related(cx.file, *first, "first defined here");
            cx.out.push(d);
        } else {
            table.insert(text, range);
        }
    }

    for def in tree.definitions() {
        match &def {
            ast::Definition::Struct(s) => check_field_list(cx, s.fields(), FieldListKind::Struct),
            ast::Definition::Union(s) => check_field_list(cx, s.fields(), FieldListKind::Union),
            ast::Definition::Exception(s) => {
                check_field_list(cx, s.fields(), FieldListKind::Exception)
            }
            ast::Definition::Enum(e) => check_enum(cx, e),
            ast::Definition::Service(s) => check_service(cx, s),
            ast::Definition::Typedef(t) => check_typedef(cx, t),
            ast::Definition::Const(c) => {
                if let (Some(ty), Some(value)) = (c.ty(), c.value()) {
                    let ty = cx.db.resolve_type(cx.file, &TypeRef::from_ast(Some(ty)));
                    let name = c.name().map(|n| n.text()).unwrap_or_default();
                    crate::values::check_value(cx, &value, &ty, &crate::values::What::Const(&name));
                }
            }
            ast::Definition::Senum(_) => {}
            ast::Definition::Interaction(i) => check_interaction(cx, i),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FieldListKind {
    Struct,
    Union,
    Exception,
    Arguments,
    Throws,
}

fn check_field_list(cx: &mut Ctx<'_>, fields: Vec<ast::Field>, kind: FieldListKind) {
    let field_names: Vec<String> = fields
        .iter()
        .map(|f| f.name().map(|n| n.text()).unwrap_or_default())
        .collect();
    let mut ids: HashMap<i64, (TextRange, &str)> = HashMap::default();
    let mut names: HashMap<&str, TextRange> = HashMap::default();
    // The first default value of a union.
    let mut union_default: Option<TextRange> = None;
    // Ids the compiler assigns to fields without a (positive) id.
    let mut auto_id: i64 = -1;
    for (field, name) in fields.iter().zip(&field_names) {
        let name_range = name_range(field);
        let id = field.field_id();
        let written = id.as_ref().and_then(|id| id.value());
        let id_range = id
            .as_ref()
            .map_or(name_range, |id| id.syntax().text_range());
        let effective = match written {
            Some(v) if v > 0 => v,
            Some(v) => {
                cx.report(
                    Code::NonPositiveFieldId,
                    id_range,
                    format!("field id {v} of `{name}` is not positive; the compiler ignores it and assigns {auto_id}"),
                );
                auto_id -= 1;
                auto_id + 1
            }
            None => {
                if id.is_none() {
                    cx.report(
                        Code::MissingFieldId,
                        name_range,
                        format!("field `{name}` has no id; the compiler assigns {auto_id}, which breaks compatibility when fields are added"),
                    );
                }
                auto_id -= 1;
                auto_id + 1
            }
        };
        if !(i64::from(i16::MIN)..=i64::from(i16::MAX)).contains(&effective) {
            cx.report(
                Code::FieldIdOutOfRange,
                id_range,
                format!("field id {effective} of `{name}` does not fit in 16 bits (-32768..32767)"),
            );
        }
        if let Some((first, first_name)) = ids.get(&effective) {
            let d = Diagnostic::new(
                Code::DuplicateFieldId,
                cx.file,
                id_range,
                format!("field id {effective} of `{name}` is already used by `{first_name}`"),
            )
            .with_related(cx.file, *first, "first used here");
            cx.out.push(d);
        } else {
            ids.insert(effective, (id_range, name));
        }
        if !name.is_empty() {
            if let Some(first) = names.get(name.as_str()) {
                let d = Diagnostic::new(
                    Code::DuplicateFieldName,
                    cx.file,
                    name_range,
                    format!("field name `{name}` is already used"),
                )
                .with_related(cx.file, *first, "first used here");
                cx.out.push(d);
            } else {
                names.insert(name, name_range);
            }
        }
        let requiredness = field.requiredness();
        // Where a message about it points (asked only then).
        let req_range = || {
            field
                .requiredness_token()
                .map_or(name_range, |t| t.text_range())
        };
        if kind == FieldListKind::Union
            && let Some(default) = field.default_value()
        {
            if let Some(first) = union_default {
                let mut d = Diagnostic::new(
                    Code::UnionMultipleDefaults,
                    cx.file,
                    default.syntax().text_range(),
                    format!("union field `{name}` has a default value, but another field already has one; a union holds one value"),
                )
                .with_related(cx.file, first, "the first default");
                // fbthrift only warns about a union field's default
                // (`union_field_custom_default=warn`), one or more.
                if cx.fbthrift {
                    d.severity = crate::Severity::Warning;
                }
                cx.out.push(d);
            } else {
                union_default = Some(default.syntax().text_range());
            }
        }
        if kind == FieldListKind::Throws && requiredness == Requiredness::Required {
            cx.report(
                Code::RequiredInThrows,
                req_range(),
                format!("exception `{name}` in a `throws` list is marked `required`; at most one exception is thrown"),
            );
        }
        if kind == FieldListKind::Union && requiredness == Requiredness::Required {
            cx.report(
                Code::RequiredInUnion,
                req_range(),
                format!(
                    "union field `{name}` is marked `required`, but a union sets exactly one field"
                ),
            );
        }
        if kind == FieldListKind::Arguments && requiredness == Requiredness::Optional {
            cx.report(
                Code::OptionalArgument,
                req_range(),
                format!("argument `{name}` is marked `optional`, which has no effect on arguments"),
            );
        }
        if kind == FieldListKind::Throws
            && let Some(ty) = field.ty()
        {
            let resolved = cx
                .db
                .resolve_type(cx.file, &TypeRef::from_ast(Some(ty.clone())));
            let is_exception = match &resolved {
                Ty::Def(def) => matches!(
                    cx.db.def(*def).map(|d| &d.kind),
                    Some(DefKind::Exception { .. })
                ),
                Ty::Unknown => true, // reported as unresolved
                _ => false,
            };
            if !is_exception {
                let what = match &resolved {
                    Ty::Def(def) => cx.db.describe_def(*def),
                    _ => format!("`{}`", TypeRef::from_ast(Some(ty.clone())).display()),
                };
                cx.report(
                    Code::ThrowsNotException,
                    ty.syntax().text_range(),
                    format!("`throws` lists {what}, which is not an exception"),
                );
            }
        }
        if let (Some(default), Some(ty)) =
            (field.default_value().and_then(|d| d.value()), field.ty())
        {
            let resolved = cx.db.resolve_type(cx.file, &TypeRef::from_ast(Some(ty)));
            crate::values::check_value(
                cx,
                &default,
                &resolved,
                &crate::values::What::Default(name),
            );
        }
        if let Some(attrs) = field.xsd_attrs().and_then(|x| x.field_list()) {
            check_field_list(cx, attrs.fields().collect(), FieldListKind::Struct);
        }
    }
}

fn check_enum(cx: &mut Ctx<'_>, e: &ast::Enum) {
    let mut names: HashMap<String, TextRange> = HashMap::default();
    let mut values: HashMap<i64, (TextRange, String)> = HashMap::default();
    let numbers = crate::summary::enum_values(e);
    for (v, (name, number)) in e.values().zip(numbers) {
        let range = name_range(&v);
        if let Some(first) = names.get(&name) {
            let d = Diagnostic::new(
                Code::DuplicateEnumValueName,
                cx.file,
                range,
                format!("enum value `{name}` is already defined"),
            )
            .with_related(cx.file, *first, "first defined here");
            cx.out.push(d);
        } else {
            names.insert(name.clone(), range);
        }
        let value_range = v.value().map_or(range, |l| l.syntax().text_range());
        if !(i64::from(i32::MIN)..=i64::from(i32::MAX)).contains(&number) {
            cx.report(
                Code::EnumValueOutOfRange,
                value_range,
                format!("enum value `{name}` = {number} does not fit in 32 bits"),
            );
        }
        if let Some((first, first_name)) = values.get(&number) {
            let d = Diagnostic::new(
                Code::DuplicateEnumValue,
                cx.file,
                value_range,
                format!("enum value `{name}` has the number {number}, like `{first_name}`"),
            )
            .with_related(cx.file, *first, "first used here");
            cx.out.push(d);
        } else {
            values.insert(number, (value_range, name.clone()));
        }
    }
}

fn check_typedef(cx: &mut Ctx<'_>, t: &ast::Typedef) {
    // A typedef whose chain of named typedefs comes back to it.
    let Some(name) = t.name().map(|n| n.text()) else {
        return;
    };
    let Some(&index) = cx.def_index.get(&t.syntax().text_range().start()) else {
        return;
    };
    if cx.typedef_cycles.is_none() {
        cx.typedef_cycles = Some(typedef_cycles(cx.db, cx.file));
    }
    if cx
        .typedef_cycles
        .as_ref()
        .is_some_and(|c| c.contains(&index))
    {
        cx.report(
            Code::TypedefCycle,
            name_range(t),
            format!("typedef `{name}` refers back to itself through a chain of typedefs"),
        );
    }
}

/// The typedefs of `file` (by definition index) that lie on a cycle of
/// named typedefs: computed once per file, linear in the typedefs reached
/// (following the chain from each typedef was quadratic: 20,000 chained
/// typedefs took 99 s).
fn typedef_cycles(db: &Database, file: FileId) -> HashSet<usize> {
    let typedefs = db.defs_where(file, |k| matches!(k, DefKind::Typedef { .. }));
    let next = |def: DefRef| match db.def(def).map(|d| &d.kind) {
        Some(DefKind::Typedef {
            target: TypeRef::Named(target),
        }) => match db.resolve_name(def.file, target) {
            Resolution::Found(next) => Some(next),
            _ => None,
        },
        _ => None,
    };
    crate::cycles::on_cycles(typedefs, next)
        .into_iter()
        .filter(|d| d.file == file)
        .map(|d| d.index)
        .collect()
}

fn check_interaction(cx: &mut Ctx<'_>, i: &ast::Interaction) {
    let owner = i.name().map(|n| n.text()).unwrap_or_default();
    let mut names: HashMap<String, TextRange> = HashMap::default();
    for f in i.functions() {
        let name = f.name().map(|n| n.text()).unwrap_or_default();
        let range = name_range(&f);
        if let Some(first) = names.get(&name) {
            let d = Diagnostic::new(
                Code::DuplicateFunction,
                cx.file,
                range,
                format!("function `{name}` is already defined in `{owner}`"),
            )
            .with_related(cx.file, *first, "first defined here");
            cx.out.push(d);
        } else if !name.is_empty() {
            names.insert(name, range);
        }
        check_field_list(cx, f.params(), FieldListKind::Arguments);
        if let Some(throws) = f.throws() {
            check_field_list(cx, throws.fields(), FieldListKind::Throws);
        }
    }
}

fn check_service(cx: &mut Ctx<'_>, s: &ast::Service) {
    let service_name = s.name().map(|n| n.text()).unwrap_or_default();
    // This service's index among the file's definitions (none if it has
    // no name: then it has no parents either).
    let index = cx.def_index.get(&s.syntax().text_range().start()).copied();
    if cx.inheritance.is_none() {
        cx.inheritance = Some(Inheritance::of(cx.db, cx.file));
    }
    if let Some(path) = s.extends().and_then(|e| e.path()) {
        let range = path.syntax().text_range();
        // Unresolved names are reported by `check_references`.
        if let Resolution::Found(def) = cx.db.resolve_name(cx.file, &path.text()) {
            cx.check_order(path.syntax(), def, &format!("service `{}`", path.text()));
            let is_service = matches!(
                cx.db.def(def).map(|d| &d.kind),
                Some(DefKind::Service { .. })
            );
            if !is_service {
                let what = cx.db.describe_def(def);
                cx.report(
                    Code::ExtendsNotService,
                    range,
                    format!("`{service_name}` extends {what}, which is not a service"),
                );
            } else if index.is_some_and(|i| cx.inheritance.as_ref().is_some_and(|h| h.in_cycle(i)))
            {
                cx.report(
                    Code::ServiceCycle,
                    range,
                    format!("service `{service_name}` extends itself"),
                );
            }
        }
    }

    let mut names: HashMap<String, TextRange> = HashMap::default();
    for f in s.functions() {
        let name = f.name().map(|n| n.text()).unwrap_or_default();
        let range = name_range(&f);
        if !name.is_empty() {
            if let Some(first) = names.get(&name) {
                let d = Diagnostic::new(
                    Code::DuplicateFunction,
                    cx.file,
                    range,
                    format!("function `{name}` is already defined in `{service_name}`"),
                )
                .with_related(cx.file, *first, "first defined here");
                cx.out.push(d);
            } else {
                names.insert(name.clone(), range);
            }
            let parent = index.and_then(|i| cx.inheritance.as_ref()?.overridden(i, &name));
            if let Some(parent) = parent {
                let parent_name = cx
                    .db
                    .def(parent)
                    .map(|d| d.name.clone())
                    .unwrap_or_default();
                let mut d = Diagnostic::new(
                    Code::OverridesParentFunction,
                    cx.file,
                    range,
                    format!(
                        "function `{name}` is already defined in the parent service `{parent_name}`"
                    ),
                );
                if let Some(r) = cx.db.def_name_range(parent) {
                    d = d.with_related(parent.file, r, format!("`{parent_name}` is defined here"));
                }
                cx.out.push(d);
            }
        }
        if let Some(oneway) = f.oneway_token() {
            if let Some(ret) = f.return_type()
                && !matches!(ret, ast::Type::VoidType(_))
            {
                cx.report(
                    Code::OnewayNotVoid,
                    ret.syntax().text_range(),
                    format!("oneway function `{name}` returns a value, but a oneway call gets no response"),
                );
            }
            if f.throws().is_some_and(|t| !t.fields().is_empty()) {
                cx.report(
                    Code::OnewayThrows,
                    oneway.text_range(),
                    format!("oneway function `{name}` cannot throw exceptions: a oneway call gets no response"),
                );
            }
        }
        check_field_list(cx, f.params(), FieldListKind::Arguments);
        if let Some(throws) = f.throws() {
            check_field_list(cx, throws.fields(), FieldListKind::Throws);
        }
    }
}

// ---------------------------------------------------------------------------
// References
// ---------------------------------------------------------------------------

/// The include prefixes that references use.
#[derive(Default)]
struct UsedPrefixes {
    all: HashSet<String>,
    /// Those used where the Apache compiler resolves the name while it
    /// parses (a const, a default, `extends`, `throws`), not lazily.
    eagerly: HashSet<String>,
}

/// Every type name and const reference in the file resolves.
///
/// Also checks the shape of list types, and returns the include prefixes
/// that references use (one walk over the tree does it all).
fn check_references(cx: &mut Ctx<'_>, root: &SyntaxNode) -> UsedPrefixes {
    let mut used = HashSet::default();
    let mut eagerly = HashSet::default();
    // The prefixes of includes that cannot be found.
    let unresolved: HashSet<String> = cx
        .db
        .summary(cx.file)
        .map(|s| {
            s.includes
                .iter()
                .filter(|inc| cx.db.resolve_include(cx.file, &inc.path).is_none())
                .map(|inc| inc.prefix.clone())
                .collect()
        })
        .unwrap_or_default();
    for node in root.descendants() {
        let kind = node.kind();
        let is_reference = matches!(
            kind,
            SyntaxKind::NAMED_TYPE
                | SyntaxKind::EXTENDS_CLAUSE
                | SyntaxKind::CONST_REF
                | SyntaxKind::STRUCTURED_ANNOTATION
                | SyntaxKind::STRUCT_LITERAL
                | SyntaxKind::PERFORMS
        );
        // Asked twice of a type name: walked up to its field once.
        let mut lazily = None;
        let mut resolved_lazily =
            |node: &SyntaxNode| *lazily.get_or_insert_with(|| crate::apache::resolved_lazily(node));
        if is_reference && let Some(path) = ast::first_child::<ast::Path>(&node) {
            let text = path.text();
            let mut into_unresolved = false;
            if cx.fbthrift {
                mark_used_include(cx, kind, &text, &mut used);
            }
            if let Some((prefix, _)) = text.split_once('.') {
                let eager = kind != SyntaxKind::NAMED_TYPE || !resolved_lazily(&node);
                // Most names repeat a prefix already seen: no new string.
                let note = |set: &mut HashSet<String>, prefix: &str| {
                    if !set.contains(prefix) {
                        set.insert(prefix.to_string());
                    }
                };
                note(&mut used, prefix);
                into_unresolved |= unresolved.contains(prefix);
                if eager {
                    note(&mut eagerly, prefix);
                }
                // Dotted include prefixes (`a.b.Type`) are used as a whole.
                if let Some((longer, _)) = text.rsplit_once('.') {
                    note(&mut used, longer);
                    into_unresolved |= unresolved.contains(longer);
                    if eager {
                        note(&mut eagerly, longer);
                    }
                }
            }
            // A name from an include that cannot be found: the include is
            // the one problem to report.
            if into_unresolved {
                continue;
            }
            if matches!(
                kind,
                SyntaxKind::STRUCTURED_ANNOTATION
                    | SyntaxKind::STRUCT_LITERAL
                    | SyntaxKind::PERFORMS
            ) {
                check_fbthrift_reference(cx, kind, &path);
                continue;
            }
        }
        match kind {
            SyntaxKind::LIST_TYPE => check_list_type(cx, &node),
            SyntaxKind::NAME => with_text(&node, |text| check_name(cx, &node, text)),
            SyntaxKind::NAMED_TYPE | SyntaxKind::EXTENDS_CLAUSE => {
                let Some(path) = ast::first_child::<ast::Path>(&node) else {
                    continue;
                };
                let text = path.text();
                let range = path.syntax().text_range();
                let is_extends = node.kind() == SyntaxKind::EXTENDS_CLAUSE;
                match cx.db.resolve_name(cx.file, &text) {
                    Resolution::Found(def) => {
                        let kind = cx.db.def(def).map(|d| &d.kind);
                        if !is_extends && kind.is_some_and(|k| !k.is_type()) {
                            let what = cx.db.describe_def(def);
                            cx.report(
                                Code::NotAType,
                                range,
                                format!("`{text}` is {what}, not a type"),
                            );
                        }
                    }
                    Resolution::UnknownPrefix(prefix) => unknown_prefix(cx, range, &text, &prefix),
                    Resolution::NotFound => {
                        let what = if is_extends { "service" } else { "type" };
                        let message = not_defined(cx, what, &text);
                        cx.report(Code::UnresolvedType, range, message);
                    }
                }
                if !is_extends && !cx.fbthrift && resolved_lazily(&node) {
                    for d in cx.out.iter_mut().rev().take_while(|d| d.range == range) {
                        d.when_generating = true;
                    }
                }
            }
            SyntaxKind::CONST_REF => {
                let Some(path) = ast::first_child::<ast::Path>(&node) else {
                    continue;
                };
                let text = path.text();
                let range = path.syntax().text_range();
                if cx.handled_refs.contains(&node.text_range()) {
                    continue;
                }
                match cx.db.resolve_const(cx.file, &text) {
                    ConstResolution::Const(def) | ConstResolution::EnumValue(def, _) => {
                        cx.check_order(&node, def, &format!("`{text}`"));
                    }
                    ConstResolution::UnknownPrefix(prefix) => {
                        unknown_prefix(cx, range, &text, &prefix)
                    }
                    ConstResolution::NotFound => {
                        if let Some(e) = enum_with_value(cx, &text) {
                            cx.report(
                                Code::UnqualifiedEnumValue,
                                range,
                                format!("`{text}` is unqualified; write `{e}.{text}`"),
                            );
                        } else {
                            cx.report(
                                Code::UnresolvedConst,
                                range,
                                format!("`{text}` is not a defined const or enum value"),
                            );
                        }
                    }
                }
            }
            _ => {}
        }
    }
    UsedPrefixes { all: used, eagerly }
}

/// A name of an fbthrift file may resolve into an include without its
/// prefix: unqualified into an include of the same file name, or by its
/// program name into an aliased include (see `Database::fb_programs_named`).
/// That include is used.
fn mark_used_include(cx: &Ctx<'_>, kind: SyntaxKind, text: &str, used: &mut HashSet<String>) {
    let target = if kind == SyntaxKind::CONST_REF {
        match cx.db.resolve_const(cx.file, text) {
            ConstResolution::Const(def) | ConstResolution::EnumValue(def, _) => def.file,
            _ => return,
        }
    } else {
        match cx.db.resolve_name(cx.file, text) {
            Resolution::Found(def) => def.file,
            _ => return,
        }
    };
    if target == cx.file {
        return;
    }
    let Some(summary) = cx.db.summary(cx.file) else {
        return;
    };
    for inc in &summary.includes {
        if cx.db.resolve_include(cx.file, &inc.path) == Some(target) {
            used.insert(inc.prefix.clone());
        }
    }
}

/// `@Annotation` and `Foo{...}` name a struct; `performs` an interaction.
fn check_fbthrift_reference(cx: &mut Ctx<'_>, kind: SyntaxKind, path: &ast::Path) {
    let text = path.text();
    let range = path.syntax().text_range();
    let what = match kind {
        SyntaxKind::STRUCTURED_ANNOTATION => "annotation",
        SyntaxKind::STRUCT_LITERAL => "struct",
        _ => "interaction",
    };
    match cx.db.resolve_name(cx.file, &text) {
        Resolution::Found(def) => {
            // An annotation or a struct literal may name a typedef of a
            // struct: fbthrift compares true types.
            let true_def = match cx.db.def(def).map(|d| &d.kind) {
                Some(DefKind::Typedef { .. }) if kind != SyntaxKind::PERFORMS => {
                    match cx.db.resolve_type(cx.file, &TypeRef::Named(text.clone())) {
                        Ty::Def(d) => d,
                        _ => def,
                    }
                }
                _ => def,
            };
            let def_kind = cx.db.def(true_def).map(|d| &d.kind);
            let ok = if kind == SyntaxKind::PERFORMS {
                matches!(def_kind, Some(DefKind::Interaction { .. }))
            } else {
                def_kind.is_some_and(|k| k.fields().is_some())
            };
            if !ok {
                let found = cx.db.describe_def(def);
                let code = if kind == SyntaxKind::PERFORMS {
                    Code::PerformsNotInteraction
                } else {
                    Code::NotAType
                };
                cx.report(
                    code,
                    range,
                    format!(
                        "`{text}` is {found}, not {}",
                        if kind == SyntaxKind::PERFORMS {
                            "an interaction"
                        } else {
                            "a struct"
                        }
                    ),
                );
            }
        }
        Resolution::UnknownPrefix(prefix) => unknown_prefix(cx, range, &text, &prefix),
        Resolution::NotFound => {
            let message = not_defined(cx, what, &text);
            cx.report(Code::UnresolvedType, range, message);
        }
    }
}

/// "type `X` is not defined", with a hint for `i8` in fbthrift, which has
/// no `i8` (its lexer's keywords): its 8-bit integer type is `byte`.
fn not_defined(cx: &Ctx<'_>, what: &str, text: &str) -> String {
    if cx.fbthrift && text == "i8" {
        format!(
            "{what} `i8` is not defined: fbthrift has no `i8`; its 8-bit integer type is `byte`"
        )
    } else {
        format!("{what} `{text}` is not defined")
    }
}

fn unknown_prefix(cx: &mut Ctx<'_>, range: TextRange, text: &str, prefix: &str) {
    cx.report(
        Code::UnknownIncludePrefix,
        range,
        format!(
            "`{text}`: no included file is named `{prefix}` (add `include \"{prefix}.thrift\"`)"
        ),
    );
}

/// A field or argument named with a keyword that the parser took as its
/// name without an error (`uuid` is no keyword before Apache 0.18).
/// Calls `f` with the text of a small node: borrowed from the green tree
/// when it is one token (as names are), so that checking every name of a
/// file allocates nothing.
fn with_text<R>(node: &SyntaxNode, f: impl FnOnce(&str) -> R) -> R {
    let green = node.green();
    let mut children = green.children();
    if let (Some(thrift_syntax::NodeOrToken::Token(token)), None) =
        (children.next(), children.next())
    {
        return f(token.text());
    }
    f(&node.text().to_string())
}

/// The checks of a name: reserved words and identifiers, keywords as
/// field names, dots in a name.
fn check_name(cx: &mut Ctx<'_>, node: &SyntaxNode, text: &str) {
    if cx.fbthrift {
        if !is_fbthrift_reserved(text) {
            return;
        }
        // Allowed with `@thrift.AllowReservedIdentifier` on the item.
        let allowed = node.parent().is_some_and(|item| {
            ast::structured_annotations(&item)
                .filter_map(|a| a.path())
                .any(|p| p.text().ends_with("AllowReservedIdentifier"))
        });
        if !allowed {
            cx.report(
                Code::ReservedIdentifier,
                node.text_range(),
                format!("`{text}`: fbthrift reserves names that start with `fbthrift` (annotate the item with `@thrift.AllowReservedIdentifier` to use one)"),
            );
        }
        return;
    }
    if is_reserved_word(text) {
        cx.report(
            Code::ReservedWord,
            node.text_range(),
            format!("`{text}` is on Apache Thrift's old reserved-word list: compilers 0.12-0.17 refuse it for most generators (py refuses only Python keywords, through 0.22), and the PHP generator still refuses PHP's; declare `targets` for exact checks (docs/targets.md)"),
        );
    } else if is_keyword_field_name(cx, node, text) {
        // `1: i32 string`: Apache Thrift takes a keyword as a field or
        // argument name since 0.18 (`FieldName` in thrifty.yy); 0.17 and
        // older reject it.
        cx.report(
            Code::ReservedWord,
            node.text_range(),
            format!("`{text}` is a keyword: Apache Thrift 0.18 and newer take it as a field name, but 0.17 and older reject it"),
        );
    } else if text.contains('.')
        // fbthrift lexes `a.b` as one identifier and takes it as any name
        // (`1: string fancy.idl.name`); Apache takes it as the name of an
        // enum value with a number (`a.b = 1`, not `a.b`).
        && !node.parent().is_some_and(|p| {
            p.kind() == SyntaxKind::ENUM_VALUE
                && ast::has_child(&p, SyntaxKind::EQ)
        })
        && node
            .children_with_tokens()
            .any(|t| t.kind() == SyntaxKind::DOT)
    {
        cx.report(
            Code::DottedName,
            node.text_range(),
            format!(
                "`{text}`: a name cannot contain `.`; dots separate an include prefix from a name"
            ),
        );
    }
}

fn is_keyword_field_name(cx: &Ctx<'_>, name: &SyntaxNode, text: &str) -> bool {
    matches!(SyntaxKind::from_keyword(text), Some(k) if k != SyntaxKind::UUID_KW)
        && name.parent().is_some_and(|p| p.kind() == SyntaxKind::FIELD)
        && !cx
            .out
            .iter()
            .any(|d| d.code == Code::Syntax && d.range.contains_range(name.text_range()))
}

/// An enum of this file that has a value named `name`.
fn enum_with_value(cx: &Ctx<'_>, name: &str) -> Option<String> {
    let summary = cx.db.summary(cx.file)?;
    summary.definitions.iter().find_map(|d| match &d.kind {
        DefKind::Enum { values } if values.iter().any(|(n, _)| n == name) => Some(d.name.clone()),
        _ => None,
    })
}

// ---------------------------------------------------------------------------
// Deprecated and removed syntax
// ---------------------------------------------------------------------------

fn check_list_type(cx: &mut Ctx<'_>, node: &SyntaxNode) {
    let Some(list) = ast::ListType::cast(node.clone()) else {
        return;
    };
    if let Some(ast::Type::BaseType(b)) = list.element_type()
        && b.keyword()
            .is_some_and(|k| matches!(k.kind(), SyntaxKind::BYTE_KW | SyntaxKind::I8_KW))
    {
        cx.report(
            Code::DeprecatedSyntax,
            list.syntax().text_range(),
            "`list<byte>` is inefficient; use `binary`",
        );
    }
    // The suffix form `list<T> cpp_type "X"` is deprecated.
    let mut after_angle = false;
    for child in node.children_with_tokens() {
        match child.kind() {
            SyntaxKind::R_ANGLE => after_angle = true,
            SyntaxKind::CPP_TYPE if after_angle => cx.report(
                Code::DeprecatedSyntax,
                child.text_range(),
                "`cpp_type` after the element type is deprecated; write `list cpp_type \"T\" <elem>`",
            ),
            _ => {}
        }
    }
}

/// Deprecated and removed keywords. Walks the green tree, which needs no
/// allocation per token.
/// A part of the text of every keyword [`check_deprecated`] reports: a file
/// without any has none of them, and its tokens are not walked.
const DEPRECATED_WORDS: &[&str] = &[
    "async",
    "byte",
    "xsd_",
    "senum",
    "slist",
    "_namespace",
    "_package",
    "py_module",
    "smalltalk_",
];

fn check_deprecated(cx: &mut Ctx<'_>, node: &rowan::GreenNodeData, start: rowan::TextSize) {
    let mut offset = start;
    for child in node.children() {
        let len = child.text_len();
        match child {
            rowan::NodeOrToken::Node(n) => check_deprecated(cx, n, offset),
            rowan::NodeOrToken::Token(t) => {
                let kind = SyntaxKind::from(t.kind().0);
                if let Some((code, message)) = deprecation(kind, cx.fbthrift, t.text()) {
                    cx.report(code, TextRange::at(offset, len), message);
                }
            }
        }
        offset += len;
    }
}

/// What a token of `kind` (with `text`) is, if it is deprecated or removed
/// syntax.
fn deprecation(kind: SyntaxKind, fbthrift: bool, text: &str) -> Option<(Code, String)> {
    match kind {
        SyntaxKind::ASYNC_KW => Some((
            Code::DeprecatedSyntax,
            "`async` is deprecated; write `oneway`".to_string(),
        )),
        // fbthrift has no `i8` (its lexer's keywords): `byte` is its 8-bit
        // integer, and `i8` is a plain name (see `not_defined`).
        SyntaxKind::BYTE_KW if fbthrift => None,
        SyntaxKind::BYTE_KW => Some((
            Code::DeprecatedSyntax,
            "`byte` is deprecated; write `i8`".to_string(),
        )),
        SyntaxKind::XSD_ALL_KW
        | SyntaxKind::XSD_OPTIONAL_KW
        | SyntaxKind::XSD_NILLABLE_KW
        | SyntaxKind::XSD_ATTRS_KW => Some((
            Code::DeprecatedSyntax,
            format!("`{text}` is deprecated and ignored by every generator but the XSD one"),
        )),
        SyntaxKind::SENUM_KW => Some((
            Code::RemovedSyntax,
            "`senum` was removed in Apache Thrift 0.17; use `string` consts or an `enum`"
                .to_string(),
        )),
        SyntaxKind::SLIST_KW => Some((
            Code::RemovedSyntax,
            "`slist` was removed in Apache Thrift 0.17; write `string`".to_string(),
        )),
        k if k.is_legacy_namespace_keyword() => Some((
            Code::RemovedSyntax,
            format!("`{text}` is no longer supported; write `namespace <language> <name>`"),
        )),
        _ => None,
    }
}

/// The reserved words of Apache Thrift's IDL reference: names that some
/// generators cannot use.
pub(crate) fn is_reserved_word(name: &str) -> bool {
    // Sorted (a test checks): a binary search, not a hundred compares for
    // every name of every file.
    RESERVED_WORDS.binary_search(&name).is_ok()
}

/// Apache Thrift's reserved words, sorted.
const RESERVED_WORDS: &[&str] = &[
    "BEGIN",
    "END",
    "__CLASS__",
    "__DIR__",
    "__FILE__",
    "__FUNCTION__",
    "__LINE__",
    "__METHOD__",
    "__NAMESPACE__",
    "abstract",
    "alias",
    "and",
    "args",
    "as",
    "assert",
    "begin",
    "break",
    "case",
    "catch",
    "class",
    "clone",
    "continue",
    "declare",
    "def",
    "default",
    "del",
    "delete",
    "do",
    "dynamic",
    "elif",
    "else",
    "elseif",
    "elsif",
    "end",
    "enddeclare",
    "endfor",
    "endforeach",
    "endif",
    "endswitch",
    "endwhile",
    "ensure",
    "except",
    "exec",
    "finally",
    "float",
    "for",
    "foreach",
    "from",
    "function",
    "global",
    "goto",
    "if",
    "implements",
    "import",
    "in",
    "inline",
    "instanceof",
    "interface",
    "is",
    "lambda",
    "module",
    "native",
    "new",
    "next",
    "nil",
    "not",
    "or",
    "package",
    "pass",
    "print",
    "private",
    "protected",
    "public",
    "raise",
    "redo",
    "register",
    "rescue",
    "retry",
    "return",
    "self",
    "sizeof",
    "static",
    "super",
    "switch",
    "synchronized",
    "then",
    "this",
    "throw",
    "transient",
    "try",
    "undef",
    "unless",
    "unsigned",
    "until",
    "use",
    "var",
    "virtual",
    "volatile",
    "when",
    "while",
    "with",
    "xor",
    "yield",
];

/// fbthrift reserves `fbthrift…`, `_fbthrift…`, … in any case.
fn is_fbthrift_reserved(name: &str) -> bool {
    name.trim_start_matches('_')
        .to_ascii_lowercase()
        .starts_with("fbthrift")
}

#[cfg(test)]
mod deprecated_words_tests {
    use super::*;

    #[test]
    fn reserved_words_are_sorted() {
        assert!(RESERVED_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn reserved_words_are_found() {
        for word in ["BEGIN", "abstract", "yield", "xor", "__CLASS__"] {
            assert!(is_reserved_word(word), "{word}");
        }
        for word in ["", "Begin", "struct_", "zzz", "name"] {
            assert!(!is_reserved_word(word), "{word}");
        }
    }

    /// Every keyword [`deprecation`] reports contains one of
    /// [`DEPRECATED_WORDS`]: otherwise a file with only that keyword would
    /// not be walked, and its use would go unreported.
    #[test]
    fn every_deprecated_keyword_contains_a_word() {
        const KEYWORDS: &[&str] = &[
            "async",
            "byte",
            "senum",
            "slist",
            "xsd_all",
            "xsd_optional",
            "xsd_nillable",
            "xsd_attrs",
            "cpp_namespace",
            "java_package",
            "csharp_namespace",
            "delphi_namespace",
            "php_namespace",
            "py_module",
            "perl_package",
            "ruby_namespace",
            "smalltalk_category",
            "smalltalk_prefix",
            "xsd_namespace",
        ];
        let mut kinds = Vec::new();
        for word in KEYWORDS {
            let kind = SyntaxKind::from_keyword(word)
                .or_else(|| SyntaxKind::from_contextual_keyword(word))
                .unwrap_or_else(|| panic!("`{word}` is no keyword"));
            assert!(deprecation(kind, false, word).is_some(), "`{word}`");
            assert!(
                DEPRECATED_WORDS.iter().any(|w| word.contains(w)),
                "`{word}` contains none of DEPRECATED_WORDS"
            );
            kinds.push(kind);
        }
        // And no other kind is reported: a new one needs its word above.
        for raw in 0..SyntaxKind::__LAST as u16 {
            let kind = SyntaxKind::from(raw);
            if deprecation(kind, false, "").is_some() {
                assert!(kinds.contains(&kind), "{kind:?} is not in KEYWORDS");
            }
        }
    }
}
