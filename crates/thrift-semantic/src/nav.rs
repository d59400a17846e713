//! Navigation: from a reference to its definition, and from a definition
//! to all its references. Definitions are the top-level ones ([`DefRef`])
//! and the fields of structs, unions and exceptions ([`FieldRef`]), which
//! struct literals and annotations name (`Foo{name = 1}`).

use thrift_syntax::{
    AstNode, SyntaxKind, SyntaxNode, TextRange, TextSize,
    ast::{self, HasName},
};

use crate::{
    ConstResolution, Database, DefRef, FileId, Resolution, Ty, index::FileIndex, summary::TypeRef,
};

/// A reference to a definition: where it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Reference {
    pub file: FileId,
    /// The whole path as written (`inc.Type`, `Enum.VALUE`), or a field's
    /// name.
    pub range: TextRange,
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
    /// a service in `extends`, a const, an enum (for `Enum.VALUE`), the
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
                        SyntaxKind::CONST_REF => match self.resolve_const(file, &text) {
                            ConstResolution::Const(def) | ConstResolution::EnumValue(def, _) => {
                                Some(def)
                            }
                            _ => None,
                        },
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

    /// What use number `i` of `file` names.
    fn use_target(&self, file: FileId, index: &FileIndex, text: &str, i: usize) -> Option<DefRef> {
        let path = index.use_text(i, text);
        if index.uses[i].kind.is_const() {
            match self.resolve_const(file, path) {
                ConstResolution::Const(d) | ConstResolution::EnumValue(d, _) => Some(d),
                _ => None,
            }
        } else {
            match self.resolve_name(file, path) {
                Resolution::Found(d) => Some(d),
                _ => None,
            }
        }
    }

    /// Every reference to `def` in the database, sorted: type names,
    /// `extends` clauses, const references, enum values (`Enum.VALUE`
    /// refers to the enum), annotations, struct literals and `performs`.
    /// Reads the files' indexes, not their trees.
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
            for (i, u) in index.uses.iter().enumerate() {
                let text = index.use_text(i, &data.text);
                // Cheap filter before resolving.
                if !text.split('.').any(|segment| segment == name) {
                    continue;
                }
                if self.use_target(file, index, &data.text, i) == Some(def) {
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
