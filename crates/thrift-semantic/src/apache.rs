//! Rules of the Apache compiler (0.17) that follow from how it builds its
//! model while parsing, checked on Apache files only:
//!
//! - **Type names across includes** (`t_program::is_unique_typename`): a
//!   typedef, enum, struct, union, exception or service may not have the
//!   name of one in a directly included file when the two files' namespace
//!   declarations agree (every namespace either declares, the other gives
//!   the same for that language, falling back to its `*` one; two files
//!   without namespaces agree too). T1023.
//! - **Values are resolved where they are** (`t_scope::resolve_const_value`,
//!   called for each const and each field or argument default as it is
//!   parsed): the value's type is followed through typedefs there, so every
//!   type it reaches (the declared type, element, key and value types of
//!   containers that have elements, the types of the struct fields it sets)
//!   must be defined above it in the file; a later one is still an
//!   unresolved forward name and the compiler stops (`Type "X" not
//!   defined`). Types elsewhere (fields without defaults, arguments,
//!   returns, typedef targets) are resolved lazily and may come later.
//!   `throws` types are checked for being exceptions as they are parsed, so
//!   they too must come first. T1047.
//! - **What a const name can stand for**: a reference to a const is
//!   replaced by the const's value only for a value of a base type. For an
//!   enum, the value must be written `Enum.VALUE` (`identifier X is
//!   unqualified!`); for a struct (`was declared as struct/xception`) or a
//!   container, a const name is left unresolved and the compiler rejects it
//!   (at parse time for structs, when generating for containers). T1062 and
//!   T1060.

use crate::fx::{HashMap, HashSet};

use thrift_syntax::{
    AstNode, TextRange,
    ast::{self, HasFields},
};

use crate::{
    Code, ConstResolution, DefRef, Diagnostic, FileId, Resolution,
    checks::Ctx,
    summary::{DefKind, TypeRef},
};

pub(crate) fn check(cx: &mut Ctx<'_>, tree: &ast::SourceFile) {
    type_name_collisions(cx);
    for def in tree.definitions() {
        // Its index among the named definitions (`Ctx::def_index`).
        let Some(&here) = cx.def_index.get(&def.syntax().text_range().start()) else {
            continue;
        };
        let mut walk = Walk {
            cx: &mut *cx,
            here,
            reported: HashSet::default(),
            through_typedef: false,
        };
        match &def {
            ast::Definition::Const(c) => {
                if let (Some(ty), Some(value)) = (c.ty(), c.value()) {
                    let file = walk.cx.file;
                    walk.value(&value, &TypeRef::from_ast(Some(ty)), file, 0);
                }
            }
            ast::Definition::Struct(s) => walk.defaults(s.fields()),
            ast::Definition::Union(s) => walk.defaults(s.fields()),
            ast::Definition::Exception(s) => walk.defaults(s.fields()),
            ast::Definition::Service(s) => {
                for function in s.functions() {
                    walk.defaults(function.params());
                    let throws = function.throws().map(|t| t.fields()).unwrap_or_default();
                    for field in &throws {
                        if let Some(ty) = field.ty() {
                            let range = ty.syntax().text_range();
                            let file = walk.cx.file;
                            walk.unwrap(&TypeRef::from_ast(Some(ty)), file, range);
                        }
                    }
                    walk.defaults(throws);
                }
            }
            _ => {}
        }
    }
}

/// Whether the Apache compiler resolves the type name at `node` (a
/// `NAMED_TYPE`) only when it generates code: everywhere but in a const's
/// type, the type of a field or argument with a default value, and a
/// `throws` clause, which it resolves while parsing. (A container without
/// elements does not make it resolve its element type; that case is
/// counted as resolved while parsing.)
pub(crate) fn resolved_lazily(node: &thrift_syntax::SyntaxNode) -> bool {
    use thrift_syntax::SyntaxKind;
    for n in node.ancestors() {
        match n.kind() {
            SyntaxKind::THROWS_CLAUSE | SyntaxKind::CONST => return false,
            SyntaxKind::FIELD => {
                return !ast::has_child(&n, SyntaxKind::DEFAULT_VALUE);
            }
            SyntaxKind::SOURCE_FILE => return true,
            _ => {}
        }
    }
    true
}

// ---------------------------------------------------------------------------
// Type names across includes
// ---------------------------------------------------------------------------

/// The namespace a file gives a language: its own declaration, else its
/// `*` one, else none (`t_program::get_namespace`).
fn namespace_for<'a>(namespaces: &'a HashMap<&str, &str>, language: &str) -> &'a str {
    namespaces
        .get(language)
        .or_else(|| namespaces.get("*"))
        .copied()
        .unwrap_or("")
}

/// `t_program::is_common_namespace`: whether every namespace either file
/// declares is the same in the other.
fn common_namespace(a: &HashMap<&str, &str>, b: &HashMap<&str, &str>) -> bool {
    a.iter().all(|(l, ns)| namespace_for(b, l) == *ns)
        && b.iter().all(|(l, ns)| namespace_for(a, l) == *ns)
}

fn namespaces(pairs: &[(String, String)]) -> HashMap<&str, &str> {
    // Later declarations for a language replace earlier ones.
    pairs
        .iter()
        .map(|(l, ns)| (l.as_str(), ns.as_str()))
        .collect()
}

/// The kinds `is_unique_typename` compares: typedefs, enums, structs,
/// unions, exceptions and services (not consts).
fn is_typename(kind: &DefKind) -> bool {
    matches!(
        kind,
        DefKind::Typedef { .. }
            | DefKind::Enum { .. }
            | DefKind::Struct { .. }
            | DefKind::Union { .. }
            | DefKind::Exception { .. }
            | DefKind::Service { .. }
    )
}

fn type_name_collisions(cx: &mut Ctx<'_>) {
    let db = cx.db;
    let Some(summary) = db.summary(cx.file) else {
        return;
    };
    let ours = namespaces(&summary.namespaces);
    // Every include counts, in order, once per `include` line.
    let included: Vec<(String, FileId)> = summary
        .includes
        .iter()
        .filter_map(|inc| Some((inc.path.clone(), db.resolve_include(cx.file, &inc.path)?)))
        .filter(|(_, f)| *f != cx.file)
        .collect();
    if included.is_empty() {
        return;
    }
    let mut reported = HashSet::default();
    for (index, def) in summary.definitions.iter().enumerate() {
        if !is_typename(&def.kind) {
            continue;
        }
        for (path, target) in &included {
            let Some(theirs) = db.summary(*target) else {
                continue;
            };
            let Some(other) = theirs
                .definitions
                .iter()
                .position(|d| d.name == def.name && is_typename(&d.kind))
            else {
                continue;
            };
            if !common_namespace(&namespaces(&theirs.namespaces), &ours) {
                continue;
            }
            if !reported.insert(index) {
                continue;
            }
            let here = DefRef {
                file: cx.file,
                index,
            };
            let there = DefRef {
                file: *target,
                index: other,
            };
            let Some(range) = db.def_name_range(here) else {
                continue;
            };
            let mut d = Diagnostic::new(
                Code::TypeNameCollision,
                cx.file,
                range,
                format!(
                    "`{}` is already defined in `{path}`, which has the same namespaces; the Apache compiler rejects it (`Type \"{}\" is already defined.`), as the generated code would collide",
                    def.name, def.name
                ),
            );
            if let Some(r) = db.def_name_range(there) {
                d = d.with_related(
                    *target,
                    r,
                    format!("{} defined here", db.describe_def(there)),
                );
            }
            cx.out.push(d);
        }
    }
}

// ---------------------------------------------------------------------------
// Values, as `resolve_const_value` walks them
// ---------------------------------------------------------------------------

struct Walk<'a, 'b> {
    cx: &'a mut Ctx<'b>,
    /// The index of the definition being parsed: definitions of this file
    /// at or after it are not known yet.
    here: usize,
    /// Forward types already reported in this definition.
    reported: HashSet<DefRef>,
    /// The last `unwrap` went through a typedef: the compiler's parse-time
    /// checks do not see through typedefs, only its generators do.
    through_typedef: bool,
}

/// A type with its typedefs followed, and the file it is written in.
enum Resolved {
    Def(DefRef),
    Other(TypeRef, FileId),
}

impl Walk<'_, '_> {
    fn defaults(&mut self, fields: impl IntoIterator<Item = ast::Field>) {
        for field in fields {
            // Most fields have no default: look at the type only then.
            let Some(value) = field.default_value().and_then(|d| d.value()) else {
                continue;
            };
            if let Some(ty) = field.ty() {
                let file = self.cx.file;
                self.value(&value, &TypeRef::from_ast(Some(ty)), file, 0);
            }
        }
    }

    /// Follows `ty` (written in `file`) through typedefs as the compiler
    /// does at this point, reporting a name of this file that is defined
    /// further down (`range`: where to report it).
    fn unwrap(&mut self, ty: &TypeRef, file: FileId, range: TextRange) -> Option<Resolved> {
        let (mut ty, mut file) = (ty.clone(), file);
        self.through_typedef = false;
        for _ in 0..64 {
            let TypeRef::Named(name) = &ty else {
                return Some(Resolved::Other(ty, file));
            };
            let Resolution::Found(def) = self.cx.db.resolve_name(file, name) else {
                return None;
            };
            if def.file == self.cx.file && def.index >= self.here {
                if self.reported.insert(def) {
                    let mut d = Diagnostic::new(
                        Code::ForwardReference,
                        self.cx.file,
                        range,
                        format!(
                            "type `{name}` is used before its definition; the Apache compiler resolves it here, and needs it defined above this point"
                        ),
                    );
                    if let Some(r) = self.cx.db.def_name_range(def) {
                        d = d.with_related(self.cx.file, r, "defined here");
                    }
                    self.cx.out.push(d);
                }
                return None;
            }
            match &self.cx.db.def(def)?.kind {
                DefKind::Typedef { target } => {
                    ty = target.clone();
                    file = def.file;
                    self.through_typedef = true;
                }
                _ => return Some(Resolved::Def(def)),
            }
        }
        None
    }

    fn value(&mut self, value: &ast::ConstValue, ty: &TypeRef, file: FileId, depth: u32) {
        if depth > 64 {
            return;
        }
        let range = value.syntax().text_range();
        // An enum used before its definition, as in `Later.A`, is reported
        // at the reference already (the value checks' order rule).
        if let ast::ConstValue::ConstRef(_) = value
            && let TypeRef::Named(name) = ty
            && let Resolution::Found(def) = self.cx.db.resolve_name(file, name)
            && matches!(
                self.cx.db.def(def).map(|d| &d.kind),
                Some(DefKind::Enum { .. })
            )
            && def.file == self.cx.file
            && def.index >= self.here
        {
            return;
        }
        let Some(resolved) = self.unwrap(ty, file, range) else {
            return;
        };
        let through_typedef = self.through_typedef;
        match resolved {
            Resolved::Other(TypeRef::List(elem), file)
            | Resolved::Other(TypeRef::Set(elem), file) => match value {
                ast::ConstValue::ConstList(list) => {
                    for v in list.values() {
                        self.value(&v, &elem, file, depth + 1);
                    }
                }
                ast::ConstValue::ConstRef(r) => self.const_for_container(value, r, true),
                _ => {}
            },
            Resolved::Other(TypeRef::Map(k, v), file) => match value {
                ast::ConstValue::ConstMap(map) => {
                    for entry in map.entries() {
                        if let Some(key) = entry.key() {
                            self.value(&key, &k, file, depth + 1);
                        }
                        if let Some(val) = entry.value() {
                            self.value(&val, &v, file, depth + 1);
                        }
                    }
                }
                ast::ConstValue::ConstRef(r) => self.const_for_container(value, r, true),
                _ => {}
            },
            Resolved::Other(..) => {}
            Resolved::Def(def) => {
                let Some(d) = self.cx.db.def(def) else { return };
                match &d.kind {
                    DefKind::Struct { fields }
                    | DefKind::Union { fields }
                    | DefKind::Exception { fields } => match value {
                        ast::ConstValue::ConstMap(map) => {
                            let fields = fields.clone();
                            for entry in map.entries() {
                                let (Some(ast::ConstValue::Literal(key)), Some(val)) =
                                    (entry.key(), entry.value())
                                else {
                                    continue;
                                };
                                let Some(key) = key.as_string() else { continue };
                                if let Some(field) = fields.iter().find(|f| f.name == key) {
                                    self.value(&val, &field.ty, def.file, depth + 1);
                                }
                            }
                        }
                        ast::ConstValue::ConstRef(r) => {
                            self.const_for_container(value, r, through_typedef)
                        }
                        _ => {}
                    },
                    DefKind::Enum { .. } => {
                        if let ast::ConstValue::ConstRef(r) = value {
                            self.const_for_enum(value, r, def, through_typedef);
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    fn report(&mut self, when_generating: bool, code: Code, range: TextRange, message: String) {
        let mut d = Diagnostic::new(code, self.cx.file, range, message);
        d.when_generating = when_generating;
        self.cx.out.push(d);
    }

    /// The const `r` refers to, when its type fits the expected one (a
    /// misfit is reported by the value checks).
    fn fitting_const(&self, r: &ast::ConstRef) -> Option<(String, DefRef)> {
        let text = r.path()?.text();
        match self.cx.db.resolve_const(self.cx.file, &text) {
            ConstResolution::Const(c) => Some((text, c)),
            _ => None,
        }
    }

    /// A const name where a struct, list, set or map is expected: the
    /// compiler keeps the bare name and rejects it (for a struct while
    /// parsing, unless through a typedef; else when generating code).
    fn const_for_container(
        &mut self,
        value: &ast::ConstValue,
        r: &ast::ConstRef,
        when_generating: bool,
    ) {
        let Some((text, c)) = self.fitting_const(r) else {
            return;
        };
        let Some(DefKind::Const { ty }) = self.cx.db.def(c).map(|d| d.kind.clone()) else {
            return;
        };
        let expected = ty.display();
        self.report(
            when_generating,
            Code::ValueTypeMismatch,
            value.syntax().text_range(),
            format!(
                "`{text}` is a const of type {expected}; the Apache compiler replaces a const name only by a number or a string, so a struct or container value must be written out here"
            ),
        );
    }

    /// A const name where an enum value is expected: the compiler reads it
    /// as `Enum.VALUE` and needs the dot.
    fn const_for_enum(
        &mut self,
        value: &ast::ConstValue,
        r: &ast::ConstRef,
        enum_def: DefRef,
        when_generating: bool,
    ) {
        let Some(path) = r.path() else { return };
        let text = path.text();
        let Some(DefKind::Enum { values }) = self.cx.db.def(enum_def).map(|d| &d.kind) else {
            return;
        };
        // `E.V`, `inc.E.V`: the value checks take the last segment.
        if let Some((_, last)) = text.rsplit_once('.')
            && values.iter().any(|(n, _)| n == last)
        {
            return;
        }
        if !matches!(
            self.cx.db.resolve_const(self.cx.file, &text),
            ConstResolution::Const(_)
        ) {
            return;
        }
        let enum_name = self
            .cx
            .db
            .def(enum_def)
            .map(|d| d.name.clone())
            .unwrap_or_default();
        if text.contains('.') {
            self.report(
                when_generating,
                Code::ValueTypeMismatch,
                value.syntax().text_range(),
                format!(
                    "`{text}` is a const; the Apache compiler reads a value of enum `{enum_name}` as `{enum_name}.VALUE` and does not replace a const name here: write the enum value"
                ),
            );
        } else {
            self.report(
                when_generating,
                Code::UnqualifiedEnumValue,
                value.syntax().text_range(),
                format!(
                    "`{text}` is unqualified: the Apache compiler needs a value of enum `{enum_name}` written as `{enum_name}.VALUE`, and does not replace a const name here"
                ),
            );
        }
    }
}
