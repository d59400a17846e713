//! The names of a file with what they name: the raw material of most
//! target rules.

use thrift_syntax::{
    AstNode, TextRange,
    ast::{self, HasFields, HasName},
};

use crate::Code;

/// What a definition is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum DefTag {
    Struct,
    Union,
    Exception,
    Enum,
    Typedef,
    Const,
    Service,
    Other,
}

impl DefTag {
    pub(crate) fn keyword(self) -> &'static str {
        match self {
            DefTag::Struct => "struct",
            DefTag::Union => "union",
            DefTag::Exception => "exception",
            DefTag::Enum => "enum",
            DefTag::Typedef => "typedef",
            DefTag::Const => "const",
            DefTag::Service => "service",
            DefTag::Other => "definition",
        }
    }
}

/// What a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Role {
    Def(DefTag),
    /// A field of a struct, union or exception.
    Field(DefTag),
    /// An argument of a function.
    Arg,
    /// A field of a `throws` list.
    Throws,
    EnumValue,
    Function,
}

impl Role {
    /// `field`, `argument`, `struct`, ….
    pub(crate) fn noun(self) -> &'static str {
        match self {
            Role::Def(tag) => tag.keyword(),
            Role::Field(_) => "field",
            Role::Arg => "argument",
            Role::Throws => "exception field",
            Role::EnumValue => "enum value",
            Role::Function => "function",
        }
    }

    /// A field, argument or throws field: a Python keyword argument of a
    /// generated constructor.
    pub(crate) fn is_field_like(self) -> bool {
        matches!(self, Role::Field(_) | Role::Arg | Role::Throws)
    }
}

/// One name of the file.
#[derive(Debug, Clone)]
pub(crate) struct Site {
    pub(crate) role: Role,
    pub(crate) name: String,
    pub(crate) range: TextRange,
    /// The top-level definition it is in (its own name for a definition).
    pub(crate) owner: String,
    /// For arguments and throws fields: the function's name.
    pub(crate) function: Option<String>,
    /// The index of the top-level definition in the file.
    pub(crate) def: usize,
}

fn tag(def: &ast::Definition) -> DefTag {
    match def {
        ast::Definition::Struct(_) => DefTag::Struct,
        ast::Definition::Union(_) => DefTag::Union,
        ast::Definition::Exception(_) => DefTag::Exception,
        ast::Definition::Enum(_) => DefTag::Enum,
        ast::Definition::Typedef(_) => DefTag::Typedef,
        ast::Definition::Const(_) => DefTag::Const,
        ast::Definition::Service(_) => DefTag::Service,
        _ => DefTag::Other,
    }
}

fn name_of(node: &impl HasName) -> Option<(String, TextRange)> {
    let name = node.name()?;
    let text = name.text();
    // A name the parser could not read (empty) or took from a keyword
    // token after an error is not worth a target diagnostic.
    if text.is_empty() {
        return None;
    }
    Some((text, name.syntax().text_range()))
}

/// Every name of the file that names something, in order.
pub(crate) fn sites(tree: &ast::SourceFile) -> Vec<Site> {
    let mut out = Vec::new();
    for (def_index, def) in tree.definitions().enumerate() {
        let tag = tag(&def);
        let Some((owner, range)) = name_of(&def) else {
            continue;
        };
        out.push(Site {
            role: Role::Def(tag),
            name: owner.clone(),
            range,
            owner: owner.clone(),
            function: None,
            def: def_index,
        });
        let mut push = |role: Role, node: &dyn HasNameDyn, function: Option<String>| {
            if let Some((name, range)) = node.name_and_range() {
                out.push(Site {
                    role,
                    name,
                    range,
                    owner: owner.clone(),
                    function,
                    def: def_index,
                });
            }
        };
        match &def {
            ast::Definition::Struct(s) => {
                for f in s.fields() {
                    push(Role::Field(tag), &f, None);
                }
            }
            ast::Definition::Union(s) => {
                for f in s.fields() {
                    push(Role::Field(tag), &f, None);
                }
            }
            ast::Definition::Exception(s) => {
                for f in s.fields() {
                    push(Role::Field(tag), &f, None);
                }
            }
            ast::Definition::Enum(e) => {
                for v in e.values() {
                    push(Role::EnumValue, &v, None);
                }
            }
            ast::Definition::Service(s) => {
                for f in s.functions() {
                    let fname = f.name().map(|n| n.text());
                    push(Role::Function, &f, None);
                    for p in f.params() {
                        push(Role::Arg, &p, fname.clone());
                    }
                    for t in f.throws().map(|t| t.fields()).unwrap_or_default() {
                        push(Role::Throws, &t, fname.clone());
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// `HasName` as an object, for the closure above.
trait HasNameDyn {
    fn name_and_range(&self) -> Option<(String, TextRange)>;
}

impl<T: HasName> HasNameDyn for T {
    fn name_and_range(&self) -> Option<(String, TextRange)> {
        name_of(self)
    }
}

/// The codes whose fix is renaming the name they point at (the editor
/// offers the rename as a quick fix).
pub fn rename_target(code: Code) -> bool {
    matches!(
        code,
        Code::Thriftpy2ReservedWord
            | Code::Thriftpy2DropsDefinition
            | Code::Thriftpy2KeywordName
            | Code::Thriftpy2ClientMethod
            | Code::PyPythonKeyword
            | Code::PySelfName
            | Code::PyShadowedMethod
            | Code::PyModuleNameClash
            | Code::ApacheKeywordName
            | Code::ApacheLegacyReservedWord
            | Code::GoNameCollision
            | Code::GoGeneratedMemberClash
            | Code::JavaNameCollision
            | Code::JavaGeneratedMemberClash
            | Code::JavaKeywordUnescaped
            | Code::ThriftgoRenamedIdentifier
    )
}

/// A new name for `name` that the rename quick fix of `code` proposes:
/// `name_` (a trailing `_` is what Apache py and thriftgo do themselves),
/// or `None` when renaming is not the fix.
pub fn rename_suggestion(code: Code, name: &str) -> Option<String> {
    if !rename_target(code) || name.is_empty() || name.contains('.') {
        return None;
    }
    Some(format!("{name}_"))
}
