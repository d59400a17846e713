//! Navigation: from a reference to its definition, and from a definition
//! to all its references. Definitions are the top-level ones ([`DefRef`]),
//! the fields of structs, unions and exceptions ([`FieldRef`]), which
//! struct literals and annotations name (`Foo{name = 1}`), and the values
//! of enums ([`EnumValueRef`]), which values name (`Enum.VALUE`, and in
//! fbthrift `VALUE`).

use thrift_syntax::{
    AstNode, SyntaxKind, SyntaxNode, TextRange, TextSize,
    ast::{self, HasName},
};

use crate::{
    ConstResolution, Database, DefKind, DefRef, FileId, Resolution, Ty, index::FileIndex,
    summary::TypeRef,
};

/// A reference to a definition: where it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Reference {
    pub file: FileId,
    /// The name that refers to the definition: the segment of a path that
    /// names it (`Type` in `inc.Type`, `Enum` or `VALUE` in
    /// `inc.Enum.VALUE`), a field's name (for a string key, inside the
    /// quotes). Renaming replaces exactly this range.
    pub range: TextRange,
}

/// A value of an enum: the `index`-th value of the enum's summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EnumValueRef {
    pub def: DefRef,
    pub index: usize,
}

/// A field of a struct, union or exception: the `index`-th field of the
/// definition's summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FieldRef {
    pub def: DefRef,
    pub index: usize,
}

impl Database {
    /// The definition that the name at `offset` in `file` refers to: a type,
    /// a service in `extends`, a const, an enum (on `Enum` in
    /// `Enum.VALUE`; the value itself is [`Database::enum_value_at`]), the
    /// struct of an annotation (`@Anno`) or of a struct literal
    /// (`Foo{...}`, also from the `@`), or the interaction of `performs`.
    /// On a definition's own name, that definition.
    pub fn definition_at(&self, file: FileId, offset: TextSize) -> Option<DefRef> {
        let parse = self.parse(file)?;
        let root = parse.syntax_node();
        let mut token = root.token_at_offset(offset).right_biased()?;
        // On the `@` of an annotation: its name.
        if token.kind() == SyntaxKind::AT {
            token = token
                .next_token()
                .filter(|t| t.kind() == SyntaxKind::IDENT)?;
        }
        let node = token.parent()?;
        for node in node.ancestors() {
            match node.kind() {
                SyntaxKind::PATH => {
                    let parent = node.parent()?;
                    let text = ast::Path::cast(node.clone())?.text();
                    return match parent.kind() {
                        SyntaxKind::NAMED_TYPE
                        | SyntaxKind::EXTENDS_CLAUSE
                        | SyntaxKind::STRUCTURED_ANNOTATION
                        | SyntaxKind::STRUCT_LITERAL
                        | SyntaxKind::PERFORMS => match self.resolve_name(file, &text) {
                            Resolution::Found(def) => Some(def),
                            _ => None,
                        },
                        SyntaxKind::CONST_REF => {
                            // On the value's own name, the value; on `Enum`
                            // (or an include prefix before it), the enum.
                            let last = is_last_segment(&node, &token);
                            if let Some(e) = self.enum_qualifier(file, &text) {
                                return (!last).then_some(e);
                            }
                            match self.value_ref_target(file, &parent) {
                                ConstResolution::Const(def) => Some(def),
                                _ => None,
                            }
                        }
                        _ => None,
                    };
                }
                SyntaxKind::NAME => {
                    let def = node.parent()?;
                    if def.parent()?.kind() != SyntaxKind::SOURCE_FILE {
                        return None;
                    }
                    let name = ast::Name::cast(node.clone())?.text();
                    let (index, _) = self.summary(file)?.definition(&name)?;
                    return Some(DefRef { file, index });
                }
                _ => {}
            }
        }
        None
    }

    /// The field that the name at `offset` in `file` is: a field's own name
    /// in a struct, union or exception, a field set in a struct literal or
    /// an annotation (`name` in `Foo{name = 1}`), or the key of a const map
    /// that stands for a struct (`{"name": 1}`, fbthrift's `{name: 1}`).
    pub fn field_at(&self, file: FileId, offset: TextSize) -> Option<FieldRef> {
        let parse = self.parse(file)?;
        let token = parse.syntax_node().token_at_offset(offset).right_biased()?;
        let node = token.parent()?;
        if token.kind() == SyntaxKind::STRING {
            let def = self.field_use_struct(file, &node)?;
            return self.field_named(def, &ast::unquote(token.text()));
        }
        if node.kind() == SyntaxKind::PATH {
            let def = self.field_use_struct(file, &node.parent()?)?;
            return self.field_named(def, token.text());
        }
        let name = ast::Name::cast(node)?;
        let parent = name.syntax().parent()?;
        match parent.kind() {
            SyntaxKind::FIELD_INITIALIZER => {
                let def = self.field_use_struct(file, name.syntax())?;
                self.field_named(def, &name.text())
            }
            SyntaxKind::FIELD => {
                let list = parent.parent()?;
                let def = list.parent()?;
                if list.kind() != SyntaxKind::FIELD_LIST
                    || def.parent()?.kind() != SyntaxKind::SOURCE_FILE
                {
                    return None;
                }
                let def_name = ast::Definition::cast(def)?.name()?.text();
                let (index, _) = self.summary(file)?.definition(&def_name)?;
                self.field_named(DefRef { file, index }, &name.text())
            }
            _ => None,
        }
    }

    /// The enum value that the name at `offset` in `file` is: a value's own
    /// name in its enum, or the last segment of a value that names it
    /// (`Enum.VALUE`, `inc.Enum.VALUE`, fbthrift's `VALUE` and
    /// `program.VALUE`, and where an enum is expected, the value of that
    /// enum the compiler takes: see [`Database::value_ref_target`]).
    pub fn enum_value_at(&self, file: FileId, offset: TextSize) -> Option<EnumValueRef> {
        let parse = self.parse(file)?;
        let token = parse.syntax_node().token_at_offset(offset).right_biased()?;
        if token.kind() != SyntaxKind::IDENT {
            return None;
        }
        let node = token.parent()?;
        match node.kind() {
            SyntaxKind::NAME => {
                let value = node
                    .parent()
                    .filter(|v| v.kind() == SyntaxKind::ENUM_VALUE)?;
                let list = value.parent()?;
                let def = ast::Enum::cast(list.parent()?)?;
                if def.syntax().parent()?.kind() != SyntaxKind::SOURCE_FILE {
                    return None;
                }
                let (index, _) = self.summary(file)?.definition(&def.name()?.text())?;
                let position = list
                    .children()
                    .filter(|n| n.kind() == SyntaxKind::ENUM_VALUE)
                    .position(|n| n == value)?;
                Some(EnumValueRef {
                    def: DefRef { file, index },
                    index: position,
                })
            }
            SyntaxKind::PATH if is_last_segment(&node, &token) => {
                let const_ref = node
                    .parent()
                    .filter(|p| p.kind() == SyntaxKind::CONST_REF)?;
                match self.value_ref_target(file, &const_ref) {
                    ConstResolution::EnumValue(def, index) => Some(EnumValueRef { def, index }),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// What a value that names something (`const_ref`, a `CONST_REF` node
    /// of `file`) refers to, where it stands. Where an enum is expected
    /// (a const's or field's type, a list's element, a map's key or
    /// value, a struct literal's or annotation's field), its last segment
    /// is looked up in that enum first, as the compilers do (and as the
    /// checks do): `Other.A` is `E.A` where an `E` is expected, and in
    /// fbthrift a bare `A` is too. Elsewhere, [`Database::resolve_const`].
    pub fn value_ref_target(&self, file: FileId, const_ref: &SyntaxNode) -> ConstResolution {
        let Some(text) = const_ref
            .children()
            .find_map(ast::Path::cast)
            .map(|p| p.text())
        else {
            return ConstResolution::NotFound;
        };
        if let Some(Ty::Def(expected)) = self.expected_type(file, const_ref)
            && let Some(DefKind::Enum { values }) = self.def(expected).map(|d| &d.kind)
        {
            let (qualified, last) = match text.rsplit_once('.') {
                Some((_, last)) => (true, last),
                None => (false, text.as_str()),
            };
            if (qualified || self.is_fbthrift(file))
                && let Some(i) = values.iter().position(|(n, _)| n == last)
            {
                return ConstResolution::EnumValue(expected, i);
            }
        }
        self.resolve_const(file, &text)
    }

    /// The enum that the segment before the last of a value (`path`, as
    /// written in `file`) names: `Enum` in `Enum.VALUE` or
    /// `inc.Enum.VALUE` (also when `VALUE` is no value of it). `None` for
    /// a const, a bare value, or fbthrift's `program.VALUE`.
    pub fn enum_qualifier(&self, file: FileId, path: &str) -> Option<DefRef> {
        let (qualifier, _) = path.rsplit_once('.')?;
        let name = qualifier.rsplit('.').next()?;
        match self.resolve_const(file, path) {
            ConstResolution::EnumValue(e, _) => (self.def(e)?.name == name).then_some(e),
            ConstResolution::Const(_) => None,
            _ => match self.resolve_name(file, qualifier) {
                Resolution::Found(d) if matches!(self.def(d)?.kind, DefKind::Enum { .. }) => {
                    Some(d)
                }
                _ => None,
            },
        }
    }

    /// The range of an enum value's name.
    pub fn enum_value_name_range(&self, value: EnumValueRef) -> Option<TextRange> {
        self.index(value.def.file)?
            .enum_value_name(value.def.index, value.index)
            .filter(|r| !r.is_empty())
    }

    /// The syntax node of an enum value.
    pub fn enum_value_node(&self, value: EnumValueRef) -> Option<ast::EnumValue> {
        let ast::Definition::Enum(e) = self.def_node(value.def)? else {
            return None;
        };
        e.values().nth(value.index)
    }

    /// The name and number of an enum value.
    pub fn enum_value(&self, value: EnumValueRef) -> Option<&(String, i64)> {
        match &self.def(value.def)?.kind {
            DefKind::Enum { values } => values.get(value.index),
            _ => None,
        }
    }

    /// The struct whose field `node` (of `file`) names: `node` is the
    /// `NAME` of a field initializer, or the key of a const map entry
    /// where the map stands for a struct: a string (`LITERAL`), or in
    /// fbthrift a name that is not a const (`CONST_REF`, `{name: 1}`).
    fn field_use_struct(&self, file: FileId, node: &SyntaxNode) -> Option<DefRef> {
        let parent = node.parent()?;
        match (node.kind(), parent.kind()) {
            (SyntaxKind::NAME, SyntaxKind::FIELD_INITIALIZER) => {
                self.literal_struct(file, &parent.parent()?.parent()?)
            }
            (SyntaxKind::LITERAL | SyntaxKind::CONST_REF, SyntaxKind::CONST_MAP_ENTRY)
                if parent.children().next().as_ref() == Some(node) =>
            {
                if node.kind() == SyntaxKind::CONST_REF {
                    let name = key_name(node)?;
                    if matches!(
                        self.resolve_const(file, &name),
                        ConstResolution::Const(_) | ConstResolution::EnumValue(..)
                    ) {
                        return None;
                    }
                }
                self.fields_owner(self.expected_type(file, &parent.parent()?)?)
            }
            _ => None,
        }
    }

    /// The field of `def` (a struct, union or exception) named `name`.
    pub fn field_named(&self, def: DefRef, name: &str) -> Option<FieldRef> {
        let index = self
            .def(def)?
            .kind
            .fields()?
            .iter()
            .position(|f| f.name == name)?;
        Some(FieldRef { def, index })
    }

    /// The syntax node of a field.
    pub fn field_node(&self, field: FieldRef) -> Option<ast::Field> {
        let name = &self.def(field.def)?.kind.fields()?.get(field.index)?.name;
        let def = self.def_node(field.def)?;
        def.syntax()
            .children()
            .find(|n| n.kind() == SyntaxKind::FIELD_LIST)?
            .children()
            .filter_map(ast::Field::cast)
            .find(|f| f.name().is_some_and(|n| n.text() == *name))
    }

    /// The range of a field's name.
    pub fn field_name_range(&self, field: FieldRef) -> Option<TextRange> {
        Some(self.field_node(field)?.name()?.syntax().text_range())
    }

    /// The struct that a struct literal or an annotation (`literal`, a
    /// `STRUCT_LITERAL` or `STRUCTURED_ANNOTATION` node of `file`) builds:
    /// the one it names, through typedefs; for `{name = 1}`, the type
    /// expected where it stands (a const's or field's type, a list's
    /// element, an enclosing literal's field).
    pub fn literal_struct(&self, file: FileId, literal: &SyntaxNode) -> Option<DefRef> {
        if !matches!(
            literal.kind(),
            SyntaxKind::STRUCT_LITERAL | SyntaxKind::STRUCTURED_ANNOTATION
        ) {
            return None;
        }
        let ty = match literal.children().find_map(ast::Path::cast) {
            Some(path) => self.resolve_type(file, &TypeRef::Named(path.text())),
            None => self.expected_type(file, literal)?,
        };
        self.fields_owner(ty)
    }

    /// `ty` if it is a definition with fields.
    fn fields_owner(&self, ty: Ty) -> Option<DefRef> {
        match ty {
            Ty::Def(def) if self.def(def)?.kind.fields().is_some() => Some(def),
            _ => None,
        }
    }

    /// The type that the value `value` (a node of `file`) must have, from
    /// where it stands.
    fn expected_type(&self, file: FileId, value: &SyntaxNode) -> Option<Ty> {
        let parent = value.parent()?;
        match parent.kind() {
            SyntaxKind::CONST => {
                let ty = ast::Const::cast(parent)?.ty();
                Some(self.resolve_type(file, &TypeRef::from_ast(ty)))
            }
            SyntaxKind::DEFAULT_VALUE => {
                let ty = ast::Field::cast(parent.parent()?)?.ty();
                Some(self.resolve_type(file, &TypeRef::from_ast(ty)))
            }
            SyntaxKind::FIELD_INITIALIZER => {
                let name = ast::FieldInitializer::cast(parent.clone())?.name()?.text();
                let def = self.literal_struct(file, &parent.parent()?.parent()?)?;
                let field = self.field_named(def, &name)?;
                let ty = &self.def(def)?.kind.fields()?.get(field.index)?.ty;
                Some(self.resolve_type(def.file, ty))
            }
            SyntaxKind::CONST_LIST => match self.expected_type(file, &parent)? {
                Ty::List(t) | Ty::Set(t) => Some(*t),
                _ => None,
            },
            SyntaxKind::CONST_MAP_ENTRY => {
                let is_key = parent.children().next().as_ref() == Some(value);
                match self.expected_type(file, &parent.parent()?)? {
                    Ty::Map(k, v) => Some(if is_key { *k } else { *v }),
                    // A struct constant, `{"name": value}`: the field's type.
                    Ty::Def(def) if !is_key => {
                        let field = self.field_named(def, &key_name(&parent.first_child()?)?)?;
                        let ty = &self.def(def)?.kind.fields()?.get(field.index)?.ty;
                        Some(self.resolve_type(def.file, ty))
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Whether `file` can refer to a definition of `target`: it is that
    /// file or includes it.
    fn may_refer_to(&self, file: FileId, target: FileId) -> bool {
        file == target
            || self.summary(file).is_some_and(|s| {
                s.includes
                    .iter()
                    .any(|inc| self.resolve_include(file, &inc.path) == Some(target))
            })
    }

    /// The range of the segment of use number `i` of `file` (whose text
    /// is `text`) that names `def`, if it does. `tree` is the file's tree,
    /// parsed when first needed: a value's meaning may depend on where it
    /// stands.
    fn use_names(
        &self,
        file: FileId,
        index: &FileIndex,
        text: &str,
        i: usize,
        def: DefRef,
        tree: &mut Option<Option<SyntaxNode>>,
    ) -> Option<TextRange> {
        let u = index.uses[i];
        let path = index.use_text(i, text);
        let (last, before) = last_segments(u.range, path);
        if !u.kind.is_const() {
            return match self.resolve_name(file, path) {
                Resolution::Found(d) if d == def => Some(last),
                _ => None,
            };
        }
        // `Enum` in `Enum.VALUE`.
        if let Some(before) = before
            && text[before] == self.def(def)?.name
            && self.enum_qualifier(file, path) == Some(def)
        {
            return Some(before);
        }
        if text[last] != self.def(def)?.name
            || self.resolve_const(file, path) != ConstResolution::Const(def)
        {
            return None;
        }
        // Where an enum is expected, `inc.C` (and fbthrift's `C`) may be
        // that enum's value.
        if path.contains('.') || self.is_fbthrift(file) {
            let const_ref = self.const_ref_at(file, u.range, tree)?;
            if self.value_ref_target(file, &const_ref) != ConstResolution::Const(def) {
                return None;
            }
        }
        Some(last)
    }

    /// The `CONST_REF` whose path is at `range` in `file`, from `tree`
    /// (parsed on first use).
    fn const_ref_at(
        &self,
        file: FileId,
        range: TextRange,
        tree: &mut Option<Option<SyntaxNode>>,
    ) -> Option<SyntaxNode> {
        let root = tree
            .get_or_insert_with(|| self.parse(file).map(|p| p.syntax_node()))
            .as_ref()?;
        root.covering_element(range)
            .ancestors()
            .find(|n| n.kind() == SyntaxKind::CONST_REF)
    }

    /// Every reference to `def` in the database, sorted: type names,
    /// `extends` clauses, const references, the enum of `Enum.VALUE`,
    /// annotations, struct literals and `performs`; each the segment of
    /// the path that names `def`. Reads the files' indexes; a file's tree
    /// only for a qualified reference to a const (which may stand where
    /// an enum with a value of that name is expected).
    pub fn references(&self, def: DefRef) -> Vec<Reference> {
        let Some(name) = self.def(def).map(|d| d.name.clone()) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (&file, data) in self.files.iter() {
            self.unwind_if_cancelled();
            // Only the file itself and the files that include it can refer to it.
            if !self.may_refer_to(file, def.file) {
                continue;
            }
            let index = &data.index;
            let mut tree = None;
            for i in 0..index.uses.len() {
                let text = index.use_text(i, &data.text);
                // Cheap filter before resolving.
                if !text.split('.').any(|segment| segment == name) {
                    continue;
                }
                if let Some(range) = self.use_names(file, index, &data.text, i, def, &mut tree) {
                    out.push(Reference { file, range });
                }
            }
        }
        out.sort_by_key(|r| (r.file, r.range.start(), r.range.end()));
        out
    }

    /// Every value in the database that names `value` (`Enum.VALUE`,
    /// `inc.Enum.VALUE`, fbthrift's `VALUE` and `program.VALUE`, and
    /// where its enum is expected, any value whose last segment it is), in
    /// consts, defaults, struct literals, annotations, lists and maps:
    /// each the range of the value's name, sorted. Reads the indexes of
    /// the files that include the enum's file, and the trees of those
    /// that have a value ending in its name.
    pub fn enum_value_references(&self, value: EnumValueRef) -> Vec<Reference> {
        let Some((name, _)) = self.enum_value(value).cloned() else {
            return Vec::new();
        };
        let target = ConstResolution::EnumValue(value.def, value.index);
        let mut files = self.dependents(value.def.file);
        files.push(value.def.file);
        files.sort();
        files.dedup();
        let mut out = Vec::new();
        for file in files {
            self.unwind_if_cancelled();
            let (Some(index), Some(text)) = (self.index(file), self.text(file)) else {
                continue;
            };
            let mut tree = None;
            for (i, u) in index.uses.iter().enumerate() {
                if !u.kind.is_const() {
                    continue;
                }
                let path = index.use_text(i, text);
                if path.rsplit('.').next() != Some(name.as_str()) {
                    continue;
                }
                let Some(const_ref) = self.const_ref_at(file, u.range, &mut tree) else {
                    continue;
                };
                if self.value_ref_target(file, &const_ref) == target {
                    let (last, _) = last_segments(u.range, path);
                    out.push(Reference { file, range: last });
                }
            }
        }
        out.sort_by_key(|r| (r.file, r.range.start(), r.range.end()));
        out
    }

    /// Every place in the database that names `field` in a struct literal,
    /// an annotation or a struct constant's key, sorted (not the field's
    /// own name). Reads the files' indexes; a file's tree only for
    /// `{name = ...}` literals that name no struct and for map keys.
    pub fn field_references(&self, field: FieldRef) -> Vec<Reference> {
        let Some(name) = self
            .def(field.def)
            .and_then(|d| d.kind.fields())
            .and_then(|f| f.get(field.index))
            .map(|f| f.name.clone())
        else {
            return Vec::new();
        };
        let mut out = Vec::new();
        // Every file: a literal's type may be a typedef of an included
        // file that includes the struct's file.
        for (&file, data) in self.files.iter() {
            self.unwind_if_cancelled();
            let index = &data.index;
            let mut tree = None;
            for u in &index.field_uses {
                if data.text[u.range] != *name {
                    continue;
                }
                let owner = match u.owner {
                    Some(i) => {
                        let path = index.use_text(i as usize, &data.text);
                        self.fields_owner(self.resolve_type(file, &TypeRef::Named(path.into())))
                    }
                    None => {
                        let root = tree
                            .get_or_insert_with(|| self.parse(file).map(|p| p.syntax_node()))
                            .as_ref();
                        root.and_then(|root| {
                            let node = root.covering_element(u.range).ancestors().find(|n| {
                                matches!(
                                    n.kind(),
                                    SyntaxKind::NAME | SyntaxKind::LITERAL | SyntaxKind::CONST_REF
                                )
                            })?;
                            self.field_use_struct(file, &node)
                        })
                    }
                };
                if owner == Some(field.def) {
                    out.push(Reference {
                        file,
                        range: u.range,
                    });
                }
            }
        }
        out.sort_by_key(|r| (r.file, r.range.start(), r.range.end()));
        out
    }
}

/// The field name that a const map key (a `LITERAL` or `CONST_REF` node)
/// writes: a string's text, or a name without dots.
fn key_name(key: &SyntaxNode) -> Option<String> {
    match key.kind() {
        SyntaxKind::LITERAL => {
            let token = key
                .first_token()
                .filter(|t| t.kind() == SyntaxKind::STRING)?;
            Some(ast::unquote(token.text()))
        }
        SyntaxKind::CONST_REF => {
            let path = key.children().find_map(ast::Path::cast)?.text();
            (!path.contains('.')).then_some(path)
        }
        _ => None,
    }
}

/// The ranges of the last segment of a path written at `range` as `text`
/// and of the segment before it, if any (a path has no trivia inside).
fn last_segments(range: TextRange, text: &str) -> (TextRange, Option<TextRange>) {
    match text.rsplit_once('.') {
        None => (range, None),
        Some((rest, last)) => {
            let last = TextRange::new(range.end() - TextSize::of(last), range.end());
            let rest_end = range.start() + TextSize::of(rest);
            let before = rest.rsplit('.').next().unwrap_or(rest);
            (
                last,
                Some(TextRange::new(rest_end - TextSize::of(before), rest_end)),
            )
        }
    }
}

/// Whether `token` is (in) the last segment of `path` (a `PATH` node).
fn is_last_segment(path: &SyntaxNode, token: &thrift_syntax::SyntaxToken) -> bool {
    path.last_token().is_some_and(|last| {
        last.kind() == SyntaxKind::IDENT && last.text_range().start() <= token.text_range().start()
    })
}
