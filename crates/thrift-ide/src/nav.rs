//! Go to definition, references, rename, document links, selection ranges.

use thrift_semantic::{DefRef, EnumValueRef, FieldRef, Reference};
use thrift_syntax::{
    AstNode, SyntaxKind, TextRange, TextSize,
    ast::{self, HasName},
};

use crate::{Database, FileId, TextEdit};

/// Where a definition is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NavTarget {
    pub file: FileId,
    /// The whole definition.
    pub range: TextRange,
    /// Its name.
    pub focus_range: TextRange,
}

fn target(db: &Database, def: DefRef) -> Option<NavTarget> {
    let node = db.def_node(def)?;
    let focus = db.def_name_range(def)?;
    Some(NavTarget {
        file: def.file,
        range: node.syntax().text_range(),
        focus_range: focus,
    })
}

fn field_target(db: &Database, field: FieldRef) -> Option<NavTarget> {
    let node = db.field_node(field)?;
    Some(NavTarget {
        file: field.def.file,
        range: node.syntax().text_range(),
        focus_range: node.name()?.syntax().text_range(),
    })
}

fn enum_value_target(db: &Database, value: EnumValueRef) -> Option<NavTarget> {
    let node = db.enum_value_node(value)?;
    Some(NavTarget {
        file: value.def.file,
        range: node.syntax().text_range(),
        focus_range: db.enum_value_name_range(value)?,
    })
}

/// What a name can refer to: a top-level definition, a field of a struct,
/// union or exception (named in struct literals and annotations), or a
/// value of an enum (named in values).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Symbol {
    Def(DefRef),
    Field(FieldRef),
    EnumValue(EnumValueRef),
}

impl Symbol {
    fn at(db: &Database, file: FileId, offset: TextSize) -> Option<Symbol> {
        db.definition_at(file, offset)
            .map(Symbol::Def)
            .or_else(|| db.enum_value_at(file, offset).map(Symbol::EnumValue))
            .or_else(|| db.field_at(file, offset).map(Symbol::Field))
    }

    fn file(self) -> FileId {
        match self {
            Symbol::Def(def) => def.file,
            Symbol::Field(field) => field.def.file,
            Symbol::EnumValue(value) => value.def.file,
        }
    }

    fn name(self, db: &Database) -> Option<String> {
        match self {
            Symbol::Def(def) => Some(db.def(def)?.name.clone()),
            Symbol::Field(f) => Some(db.def(f.def)?.kind.fields()?.get(f.index)?.name.clone()),
            Symbol::EnumValue(value) => Some(db.enum_value(value)?.0.clone()),
        }
    }

    /// The range of the symbol's own name.
    fn focus(self, db: &Database) -> Option<TextRange> {
        match self {
            Symbol::Def(def) => db.def_name_range(def),
            Symbol::Field(field) => db.field_name_range(field),
            Symbol::EnumValue(value) => db.enum_value_name_range(value),
        }
    }

    fn target(self, db: &Database) -> Option<NavTarget> {
        match self {
            Symbol::Def(def) => target(db, def),
            Symbol::Field(field) => field_target(db, field),
            Symbol::EnumValue(value) => enum_value_target(db, value),
        }
    }

    /// The names that refer to the symbol, each exactly the range a rename
    /// replaces.
    fn references(self, db: &Database) -> Vec<Reference> {
        match self {
            Symbol::Def(def) => db.references(def),
            Symbol::Field(field) => db.field_references(field),
            Symbol::EnumValue(value) => db.enum_value_references(value),
        }
    }

    /// Why `name` is taken where the symbol is defined, if it is.
    fn clash(self, db: &Database, name: &str) -> Option<&'static str> {
        let taken = match self {
            Symbol::Def(def) => db
                .summary(def.file)
                .is_some_and(|s| s.definitions.iter().any(|d| d.name == name)),
            Symbol::Field(field) => db.field_named(field.def, name).is_some(),
            Symbol::EnumValue(value) => match db.def(value.def).map(|d| &d.kind) {
                Some(thrift_semantic::DefKind::Enum { values }) => {
                    values.iter().any(|(n, _)| n == name)
                }
                _ => false,
            },
        };
        taken.then_some(match self {
            Symbol::Def(_) => "is already defined in that file",
            Symbol::Field(_) => "is already a field of that struct",
            Symbol::EnumValue(_) => "is already a value of that enum",
        })
    }
}

/// The include (its path token) at `offset`, and the file it names.
fn include_at(db: &Database, file: FileId, offset: TextSize) -> Option<(TextRange, FileId)> {
    let parse = db.parse(file)?;
    for include in parse.tree().includes() {
        let token = include.path_token()?;
        let range = token.text_range();
        if range.contains_inclusive(offset) {
            let target = db.resolve_include(file, &include.path()?)?;
            return Some((range, target));
        }
    }
    None
}

/// The definition of the name at `offset`: a type, service, const, enum
/// (on `Enum` in `Enum.VALUE`), enum value (on `VALUE`), an annotation's or struct literal's struct (`@Anno`,
/// `Foo{...}`), a `performs` interaction, a field named in a struct
/// literal or annotation; or the file an include names.
pub fn goto_definition(db: &Database, file: FileId, offset: TextSize) -> Option<NavTarget> {
    if let Some((_, target)) = include_at(db, file, offset) {
        let empty = TextRange::empty(TextSize::new(0));
        return Some(NavTarget {
            file: target,
            range: empty,
            focus_range: empty,
        });
    }
    Symbol::at(db, file, offset)?.target(db)
}

/// Every reference to the definition, field or enum value at `offset`
/// (also from its own name), each the name that a rename replaces,
/// optionally with the declaration itself.
pub fn references(
    db: &Database,
    file: FileId,
    offset: TextSize,
    include_declaration: bool,
) -> Vec<(FileId, TextRange)> {
    let Some(symbol) = Symbol::at(db, file, offset) else {
        return Vec::new();
    };
    let mut out: Vec<(FileId, TextRange)> = symbol
        .references(db)
        .into_iter()
        .map(|r| (r.file, r.range))
        .collect();
    if include_declaration && let Some(focus) = symbol.focus(db) {
        out.insert(0, (symbol.file(), focus));
    }
    out
}

/// The definition of the *type* of what is at `offset`: for a field,
/// argument, const, typedef or function (at its name or anywhere in it
/// outside its type), the first user type its type names (`list<Foo>`:
/// `Foo`); for a field named in a struct literal or annotation, that
/// field's type; for a reference to a const or typedef, that definition's type;
/// for a type name, the type itself.
pub fn goto_type_definition(db: &Database, file: FileId, offset: TextSize) -> Option<NavTarget> {
    use thrift_syntax::SyntaxNode;
    // An enum value: its enum.
    if let Some(value) = db.enum_value_at(file, offset) {
        return target(db, value.def);
    }
    let (owner_file, owner): (FileId, SyntaxNode) = match db.definition_at(file, offset) {
        Some(def) => {
            let node = db.def_node(def)?.syntax().clone();
            match node.kind() {
                SyntaxKind::CONST | SyntaxKind::TYPEDEF => (def.file, node),
                _ => return target(db, def),
            }
        }
        None => {
            // A field named in a struct literal or annotation: its type.
            if let Some(field) = db.field_at(file, offset) {
                let node = db.field_node(field)?;
                return type_target(db, field.def.file, node.syntax());
            }
            let parse = db.parse(file)?;
            let token = parse.syntax_node().token_at_offset(offset).right_biased()?;
            let node = token.parent_ancestors().find(|n| {
                matches!(
                    n.kind(),
                    SyntaxKind::FIELD
                        | SyntaxKind::CONST
                        | SyntaxKind::TYPEDEF
                        | SyntaxKind::FUNCTION
                )
            })?;
            (file, node)
        }
    };
    type_target(db, owner_file, &owner)
}

/// The first user type that the type of `owner` (a node of `owner_file`)
/// names.
fn type_target(
    db: &Database,
    owner_file: FileId,
    owner: &thrift_syntax::SyntaxNode,
) -> Option<NavTarget> {
    use thrift_syntax::SyntaxElement;
    let ty = owner.children().find(|n| ast::Type::can_cast(n.kind()))?;
    ty.descendants_with_tokens()
        .filter_map(SyntaxElement::into_token)
        .filter(|t| t.kind() == SyntaxKind::IDENT)
        .find_map(|t| db.definition_at(owner_file, t.text_range().start()))
        .and_then(|def| target(db, def))
}

/// The other places in `file` that name the definition at `offset`:
/// `(range, is_the_declaration)`.
pub fn document_highlights(
    db: &Database,
    file: FileId,
    offset: TextSize,
) -> Vec<(TextRange, bool)> {
    let Some(symbol) = Symbol::at(db, file, offset) else {
        return Vec::new();
    };
    let mut out: Vec<(TextRange, bool)> = Vec::new();
    if symbol.file() == file
        && let Some(focus) = symbol.focus(db)
    {
        out.push((focus, true));
    }
    out.extend(
        symbol
            .references(db)
            .into_iter()
            .filter(|r| r.file == file)
            .map(|r| (r.range, false)),
    );
    out.sort_by_key(|(r, _)| r.start());
    out.dedup_by_key(|(r, _)| *r);
    out
}

/// The range of the name that would be renamed at `offset` (for a field
/// named by a struct constant's string key, the text inside the quotes).
pub fn prepare_rename(db: &Database, file: FileId, offset: TextSize) -> Option<TextRange> {
    let name = Symbol::at(db, file, offset)?.name(db)?;
    let parse = db.parse(file)?;
    let token = parse.syntax_node().token_at_offset(offset).right_biased()?;
    let range = token.text_range();
    match token.kind() {
        SyntaxKind::IDENT if token.text() == name => Some(range),
        // A struct constant's key, `{"name": 1}`: inside the quotes.
        SyntaxKind::STRING if ast::unquote(token.text()) == name => Some(TextRange::at(
            range.start() + TextSize::new(1),
            TextSize::of(name.as_str()),
        )),
        _ => None,
    }
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && SyntaxKind::from_keyword(name).is_none()
}

/// Renames the definition, field or enum value whose name is at `offset`
/// (where [`prepare_rename`] answers) and every reference to it.
pub fn rename(
    db: &Database,
    file: FileId,
    offset: TextSize,
    new_name: &str,
) -> Result<Vec<(FileId, TextEdit)>, String> {
    if !is_identifier(new_name) {
        return Err(format!("`{new_name}` is not a valid Thrift name"));
    }
    let symbol = Symbol::at(db, file, offset).ok_or("there is nothing to rename here")?;
    // Only on the name itself: not on `inc` of `inc.Type`.
    if prepare_rename(db, file, offset).is_none() {
        return Err("there is nothing to rename here".into());
    }
    let old = symbol.name(db).ok_or("the definition is gone")?;
    if let Some(why) = symbol.clash(db, new_name) {
        return Err(format!("`{new_name}` {why}"));
    }
    let mut edits = Vec::new();
    if let Some(focus) = symbol.focus(db) {
        edits.push((
            symbol.file(),
            TextEdit {
                range: focus,
                new_text: new_name.to_string(),
            },
        ));
    }
    for reference in symbol.references(db) {
        // A reference is the name itself (`Type` of `inc.Type`, `VALUE` of
        // `Enum.VALUE`, a key inside its quotes).
        if db
            .text(reference.file)
            .and_then(|t| t.get(std::ops::Range::<usize>::from(reference.range)))
            != Some(old.as_str())
        {
            continue;
        }
        edits.push((
            reference.file,
            TextEdit {
                range: reference.range,
                new_text: new_name.to_string(),
            },
        ));
    }
    Ok(edits)
}

/// The includes of a file, with the files they name.
pub fn document_links(db: &Database, file: FileId) -> Vec<(TextRange, FileId)> {
    let Some(parse) = db.parse(file) else {
        return Vec::new();
    };
    parse
        .tree()
        .includes()
        .filter_map(|i| {
            let range = i.path_token()?.text_range();
            Some((range, db.resolve_include(file, &i.path()?)?))
        })
        .collect()
}

/// Growing ranges around `offset`: the token, then each enclosing node.
pub fn selection_ranges(db: &Database, file: FileId, offset: TextSize) -> Vec<TextRange> {
    let Some(parse) = db.parse(file) else {
        return Vec::new();
    };
    let root = parse.syntax_node();
    let Some(token) = root.token_at_offset(offset).right_biased() else {
        return Vec::new();
    };
    let mut out = vec![token.text_range()];
    for node in token.parent_ancestors() {
        let range = node.text_range();
        if out.last() != Some(&range) {
            out.push(range);
        }
    }
    let _ = ast::SourceFile::can_cast;
    out
}
