//! The typed AST: zero-cost wrappers over untyped syntax nodes.
//!
//! Trees may be incomplete (they come from broken input too), so every
//! accessor returns an `Option` or an iterator: `None` means the part is
//! missing from the source.

use crate::{SyntaxElement, SyntaxKind, SyntaxKind::*, SyntaxNode, SyntaxToken, TextRange};

/// A typed view of a syntax node.
pub trait AstNode {
    fn can_cast(kind: SyntaxKind) -> bool
    where
        Self: Sized;
    fn cast(node: SyntaxNode) -> Option<Self>
    where
        Self: Sized;
    fn syntax(&self) -> &SyntaxNode;

    fn range(&self) -> TextRange {
        self.syntax().text_range()
    }
}

/// Iterator over the children of a node that cast to `N`.
#[derive(Debug, Clone)]
pub struct AstChildren<N> {
    next: Option<rowan::cursor::SyntaxNode>,
    _ty: std::marker::PhantomData<N>,
}

/// Whether a raw kind (rowan's) is one an `N` can be.
fn is<N: AstNode>(kind: rowan::SyntaxKind) -> bool {
    N::can_cast(SyntaxKind::from(kind.0))
}

impl<N: AstNode> Iterator for AstChildren<N> {
    type Item = N;
    fn next(&mut self) -> Option<N> {
        let node = self.next.take()?;
        self.next = node.next_sibling_by_kind(&is::<N>);
        N::cast(node.into())
    }
}

// The lookups below read the kinds of the children from the green tree,
// and make a cursor (an allocation) only for the child they return: most
// children are tokens or other parts, and a walk over the cursor children
// made (and freed) one node per child. Lookups of a part are most of what
// the checks do.

/// Whether `node` has a child (node or token) of `kind`, read from the
/// green tree: no cursor is made per child.
pub fn has_child(node: &SyntaxNode, kind: SyntaxKind) -> bool {
    node.green().children().any(|c| c.kind().0 == kind as u16)
}

fn children<N: AstNode>(parent: &SyntaxNode) -> AstChildren<N> {
    let raw: rowan::cursor::SyntaxNode = parent.clone().into();
    AstChildren {
        next: raw.first_child_by_kind(&is::<N>),
        _ty: std::marker::PhantomData,
    }
}

/// The first child of `parent` that is an `N` (a cursor only for it).
pub fn first_child<N: AstNode>(parent: &SyntaxNode) -> Option<N> {
    child(parent)
}

fn child<N: AstNode>(parent: &SyntaxNode) -> Option<N> {
    let raw: rowan::cursor::SyntaxNode = parent.clone().into();
    N::cast(raw.first_child_by_kind(&is::<N>)?.into())
}

/// The first child token of `parent` that `is` accepts.
fn token_where(parent: &SyntaxNode, is: impl Fn(SyntaxKind) -> bool) -> Option<SyntaxToken> {
    let raw: rowan::cursor::SyntaxNode = parent.clone().into();
    raw.first_child_or_token_by_kind(&|k| {
        let kind = SyntaxKind::from(k.0);
        kind.is_token() && is(kind)
    })?
    .into_token()
    .map(Into::into)
}

fn token(parent: &SyntaxNode, kind: SyntaxKind) -> Option<SyntaxToken> {
    token_where(parent, |k| k == kind)
}

fn first_significant_token(parent: &SyntaxNode) -> Option<SyntaxToken> {
    token_where(parent, |k| !k.is_trivia() && k != ERROR_TOKEN)
}

macro_rules! ast_node {
    ($(#[$doc:meta])* $name:ident = $kind:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub struct $name {
            syntax: SyntaxNode,
        }

        impl AstNode for $name {
            fn can_cast(kind: SyntaxKind) -> bool {
                kind == $kind
            }
            fn cast(syntax: SyntaxNode) -> Option<Self> {
                if Self::can_cast(syntax.kind()) { Some($name { syntax }) } else { None }
            }
            fn syntax(&self) -> &SyntaxNode {
                &self.syntax
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                std::fmt::Display::fmt(&self.syntax, f)
            }
        }
    };
}

macro_rules! ast_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $($variant($variant),)*
        }

        impl AstNode for $name {
            fn can_cast(kind: SyntaxKind) -> bool {
                false $(|| $variant::can_cast(kind))*
            }
            fn cast(syntax: SyntaxNode) -> Option<Self> {
                $(if $variant::can_cast(syntax.kind()) {
                    return Some($name::$variant($variant { syntax }));
                })*
                None
            }
            fn syntax(&self) -> &SyntaxNode {
                match self {
                    $($name::$variant(it) => &it.syntax,)*
                }
            }
        }

        $(impl From<$variant> for $name {
            fn from(it: $variant) -> $name {
                $name::$variant(it)
            }
        })*
    };
}

// ---------------------------------------------------------------------------
// Shared behaviour
// ---------------------------------------------------------------------------

/// Nodes with a `NAME` child.
pub trait HasName: AstNode {
    fn name(&self) -> Option<Name> {
        child(self.syntax())
    }
}

/// Nodes that may carry `( key = "value", … )` annotations.
pub trait HasAnnotations: AstNode {
    fn annotation_list(&self) -> Option<AnnotationList> {
        child(self.syntax())
    }
    fn annotations(&self) -> Vec<Annotation> {
        self.annotation_list()
            .map(|l| l.annotations().collect())
            .unwrap_or_default()
    }
}

/// Items whose leading comments (the comments on the lines right above
/// them) are attached to them: headers, definitions, fields, enum values
/// and functions.
pub trait HasComments: AstNode {
    /// The comments before the item's first token.
    fn leading_comments(&self) -> Vec<SyntaxToken> {
        self.syntax()
            .children_with_tokens()
            .map_while(SyntaxElement::into_token)
            .take_while(|t| t.kind().is_trivia() || t.kind() == ERROR_TOKEN)
            .filter(|t| t.kind().is_comment())
            .collect()
    }

    /// The comments after the item's last token, on its last line.
    fn trailing_comments(&self) -> Vec<SyntaxToken> {
        let mut out: Vec<SyntaxToken> = self
            .syntax()
            .children_with_tokens()
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .map_while(SyntaxElement::into_token)
            .take_while(|t| t.kind().is_trivia())
            .filter(|t| t.kind().is_comment())
            .collect();
        out.reverse();
        out
    }

    /// The doc comment: the last `/** … */` among the leading comments.
    fn doc_comment(&self) -> Option<SyntaxToken> {
        self.leading_comments()
            .into_iter()
            .rev()
            .find(|t| t.kind() == DOC_COMMENT)
    }

    /// The text of the doc comment, without `/**`, `*/` and the leading `*`
    /// of each line.
    fn doc_text(&self) -> Option<String> {
        self.doc_comment().map(|t| doc_comment_text(t.text()))
    }
}

/// The text of a `/** … */` comment, without its delimiters and line stars.
pub fn doc_comment_text(comment: &str) -> String {
    let inner = comment.strip_prefix("/**").unwrap_or(comment);
    let inner = inner.strip_suffix("*/").unwrap_or(inner);
    let lines: Vec<&str> = inner
        .lines()
        .map(|line| {
            let t = line.trim_start();
            match t.strip_prefix('*') {
                Some(rest) => rest.strip_prefix(' ').unwrap_or(rest),
                None => t,
            }
            .trim_end()
        })
        .collect();
    let start = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(start, |i| i + 1);
    lines[start..end].join("\n")
}

// ---------------------------------------------------------------------------
// Document
// ---------------------------------------------------------------------------

ast_node!(
    /// The whole file.
    SourceFile = SOURCE_FILE
);

impl SourceFile {
    /// Headers and definitions, in source order.
    pub fn items(&self) -> AstChildren<Item> {
        children(&self.syntax)
    }
    pub fn headers(&self) -> impl Iterator<Item = Header> + use<> {
        children(&self.syntax)
    }
    pub fn definitions(&self) -> impl Iterator<Item = Definition> + use<> {
        children(&self.syntax)
    }
    pub fn includes(&self) -> impl Iterator<Item = Include> + use<> {
        children(&self.syntax)
    }
    pub fn namespaces(&self) -> impl Iterator<Item = Namespace> + use<> {
        children(&self.syntax)
    }
}

ast_enum!(
    /// `include`, `cpp_include` or `namespace`.
    Header { Include, CppInclude, Namespace }
);

ast_enum!(
    /// A top-level definition.
    Definition { Typedef, Const, Enum, Senum, Struct, Union, Exception, Service, Interaction }
);

ast_enum!(
    /// Anything at the top level of a file.
    Item { Include, CppInclude, Namespace, Package, Typedef, Const, Enum, Senum, Struct, Union, Exception, Service, Interaction }
);

impl HasComments for Header {}
impl HasComments for Definition {}
impl HasComments for Item {}
impl HasName for Definition {}
impl HasAnnotations for Definition {}

impl Definition {
    /// `struct`, `enum`, …: the definition's keyword as written.
    pub fn keyword(&self) -> Option<SyntaxToken> {
        first_significant_token(self.syntax())
    }
}

// ---------------------------------------------------------------------------
// Headers
// ---------------------------------------------------------------------------

ast_node!(
    /// `include "path.thrift"`
    Include = INCLUDE
);
ast_node!(
    /// `cpp_include "header.h"`
    CppInclude = CPP_INCLUDE
);
ast_node!(
    /// `namespace java com.example`, `namespace * x`, or a legacy
    /// `cpp_namespace x` / `php_namespace x` / `xsd_namespace "uri"`.
    Namespace = NAMESPACE
);
ast_node!(
    /// The scope of a namespace: `java`, `py.twisted`, `*`.
    NamespaceScope = NAMESPACE_SCOPE
);

impl HasComments for Include {}
impl HasComments for CppInclude {}
impl HasComments for Namespace {}

impl Include {
    pub fn path_token(&self) -> Option<SyntaxToken> {
        token(&self.syntax, STRING)
    }
    /// fbthrift's `as alias`: the name used instead of the file name.
    pub fn alias(&self) -> Option<String> {
        let alias = self.syntax.children().find(|n| n.kind() == INCLUDE_ALIAS)?;
        let string = alias
            .children_with_tokens()
            .filter_map(SyntaxElement::into_token)
            .find(|t| t.kind() == STRING);
        match string {
            Some(t) => Some(unquote(t.text())),
            None => child::<Name>(&alias).map(|n| n.text()),
        }
    }
    /// The included path, without quotes.
    pub fn path(&self) -> Option<String> {
        self.path_token().map(|t| unquote(t.text()))
    }
}

impl CppInclude {
    pub fn path_token(&self) -> Option<SyntaxToken> {
        token(&self.syntax, STRING)
    }
    pub fn path(&self) -> Option<String> {
        self.path_token().map(|t| unquote(t.text()))
    }
}

impl HasAnnotations for Namespace {}

impl Namespace {
    pub fn scope(&self) -> Option<NamespaceScope> {
        child(&self.syntax)
    }
    /// The namespace value, when it is an identifier (the normal case).
    pub fn value(&self) -> Option<Path> {
        child(&self.syntax)
    }
    /// The value as written, identifier or string.
    pub fn value_text(&self) -> Option<String> {
        if let Some(path) = self.value() {
            return Some(path.text());
        }
        child::<Literal>(&self.syntax).map(|l| unquote(&l.syntax.text().to_string()))
    }
    /// For `cpp_namespace x` and the other legacy forms: their keyword.
    pub fn legacy_keyword(&self) -> Option<SyntaxToken> {
        first_significant_token(&self.syntax).filter(|t| t.kind().is_legacy_namespace_keyword())
    }
}

impl NamespaceScope {
    /// `*`, `java`, `py.twisted`.
    pub fn text(&self) -> String {
        significant_text(&self.syntax)
    }
    pub fn is_star(&self) -> bool {
        token(&self.syntax, STAR).is_some()
    }
}

// ---------------------------------------------------------------------------
// Definitions
// ---------------------------------------------------------------------------

ast_node!(
    /// `typedef Type Name`
    Typedef = TYPEDEF
);
ast_node!(
    /// `const Type NAME = value`
    Const = CONST
);
ast_node!(
    /// `enum Name { A, B = 2 }`
    Enum = ENUM
);
ast_node!(
    /// `{ … }` of an enum or senum.
    EnumValueList = ENUM_VALUE_LIST
);
ast_node!(
    /// `A = 1` inside an enum.
    EnumValue = ENUM_VALUE
);
ast_node!(
    /// `senum Name { "a", "b" }` (removed from Apache Thrift in 0.17).
    Senum = SENUM
);
ast_node!(
    /// `"a"` inside a senum.
    SenumValue = SENUM_VALUE
);
ast_node!(
    /// `struct Name { fields }`
    Struct = STRUCT
);
ast_node!(
    /// `union Name { fields }`
    Union = UNION
);
ast_node!(
    /// `exception Name { fields }`
    Exception = EXCEPTION
);
ast_node!(
    /// `service Name extends Base { functions }`
    Service = SERVICE
);

macro_rules! impl_traits {
    ($trait:ident for $($ty:ident),*) => { $(impl $trait for $ty {})* };
}
impl_traits!(HasComments for Typedef, Const, Enum, EnumValue, Senum, SenumValue, Struct, Union, Exception, Service);
impl_traits!(HasName for Typedef, Const, Enum, EnumValue, Senum, Struct, Union, Exception, Service);
impl_traits!(HasAnnotations for Typedef, Const, Enum, EnumValue, Senum, Struct, Union, Exception, Service);

impl Typedef {
    pub fn target(&self) -> Option<Type> {
        child(&self.syntax)
    }
}

impl Const {
    pub fn ty(&self) -> Option<Type> {
        child(&self.syntax)
    }
    pub fn value(&self) -> Option<ConstValue> {
        child(&self.syntax)
    }
}

impl Enum {
    pub fn value_list(&self) -> Option<EnumValueList> {
        child(&self.syntax)
    }
    pub fn values(&self) -> impl Iterator<Item = EnumValue> + use<> {
        self.value_list()
            .into_iter()
            .flat_map(|l| children(&l.syntax))
    }
}

impl EnumValueList {
    pub fn l_brace(&self) -> Option<SyntaxToken> {
        token(&self.syntax, L_BRACE)
    }
    pub fn r_brace(&self) -> Option<SyntaxToken> {
        token(&self.syntax, R_BRACE)
    }
}

impl EnumValue {
    /// The explicit value, `1` in `A = 1`.
    pub fn value(&self) -> Option<Literal> {
        child(&self.syntax)
    }
    /// The explicit value as a number, if it is a valid integer.
    pub fn value_int(&self) -> Option<i64> {
        self.value().and_then(|l| l.as_int())
    }
    pub fn separator(&self) -> Option<SyntaxToken> {
        separator(&self.syntax)
    }
}

impl Senum {
    pub fn values(&self) -> impl Iterator<Item = SenumValue> + use<> {
        child::<EnumValueList>(&self.syntax)
            .into_iter()
            .flat_map(|l| children(&l.syntax))
    }
}

impl SenumValue {
    pub fn value(&self) -> Option<Literal> {
        child(&self.syntax)
    }
}

/// Structs, unions and exceptions.
pub trait HasFields: AstNode {
    fn field_list(&self) -> Option<FieldList> {
        child(self.syntax())
    }
    fn fields(&self) -> Vec<Field> {
        self.field_list()
            .map(|l| l.fields().collect())
            .unwrap_or_default()
    }
}
impl_traits!(HasFields for Struct, Union, Exception);

impl Struct {
    pub fn xsd_all_token(&self) -> Option<SyntaxToken> {
        token(&self.syntax, XSD_ALL_KW)
    }
}

impl Union {
    pub fn xsd_all_token(&self) -> Option<SyntaxToken> {
        token(&self.syntax, XSD_ALL_KW)
    }
}

impl Service {
    pub fn extends(&self) -> Option<ExtendsClause> {
        child(&self.syntax)
    }
    pub fn function_list(&self) -> Option<FunctionList> {
        child(&self.syntax)
    }
    pub fn functions(&self) -> impl Iterator<Item = Function> + use<> {
        self.function_list()
            .into_iter()
            .flat_map(|l| children(&l.syntax))
    }
}

// ---------------------------------------------------------------------------
// Fields and functions
// ---------------------------------------------------------------------------

ast_node!(
    /// `{ fields }` of a struct, union, exception or `xsd_attrs`.
    FieldList = FIELD_LIST
);
ast_node!(
    /// `1: required i32 name = 0 (annotations),`
    Field = FIELD
);
ast_node!(
    /// `1:` before a field.
    FieldId = FIELD_ID
);
ast_node!(
    /// `= value` after a field.
    DefaultValue = DEFAULT_VALUE
);
ast_node!(
    /// `xsd_attrs { fields }` after a field.
    XsdAttrs = XSD_ATTRS
);
ast_node!(
    /// `extends Base` of a service.
    ExtendsClause = EXTENDS_CLAUSE
);
ast_node!(
    /// `{ functions }` of a service.
    FunctionList = FUNCTION_LIST
);
ast_node!(
    /// `oneway void ping(1: i32 x) throws (1: E e)`
    Function = FUNCTION
);
ast_node!(
    /// `( fields )`: a function's arguments or its `throws` list.
    ParamList = PARAM_LIST
);
ast_node!(
    /// `throws ( fields )`
    ThrowsClause = THROWS_CLAUSE
);

impl_traits!(HasComments for Field, Function);
impl_traits!(HasName for Field, Function);
impl_traits!(HasAnnotations for Field, Function);

impl FieldList {
    pub fn fields(&self) -> AstChildren<Field> {
        children(&self.syntax)
    }
    pub fn l_brace(&self) -> Option<SyntaxToken> {
        token(&self.syntax, L_BRACE)
    }
    pub fn r_brace(&self) -> Option<SyntaxToken> {
        token(&self.syntax, R_BRACE)
    }
}

/// `required`, `optional`, or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Requiredness {
    Required,
    Optional,
    Default,
}

impl Field {
    pub fn field_id(&self) -> Option<FieldId> {
        child(&self.syntax)
    }
    pub fn requiredness_token(&self) -> Option<SyntaxToken> {
        token(&self.syntax, REQUIRED_KW).or_else(|| token(&self.syntax, OPTIONAL_KW))
    }
    pub fn requiredness(&self) -> Requiredness {
        // What `requiredness_token` finds, without a cursor for it.
        if has_child(&self.syntax, REQUIRED_KW) {
            Requiredness::Required
        } else if has_child(&self.syntax, OPTIONAL_KW) {
            Requiredness::Optional
        } else {
            Requiredness::Default
        }
    }
    pub fn ty(&self) -> Option<Type> {
        child(&self.syntax)
    }
    /// `&` (a C++ reference, for recursive types).
    pub fn reference_token(&self) -> Option<SyntaxToken> {
        token(&self.syntax, AMP)
    }
    pub fn default_value(&self) -> Option<DefaultValue> {
        child(&self.syntax)
    }
    pub fn xsd_optional_token(&self) -> Option<SyntaxToken> {
        token(&self.syntax, XSD_OPTIONAL_KW)
    }
    pub fn xsd_nillable_token(&self) -> Option<SyntaxToken> {
        token(&self.syntax, XSD_NILLABLE_KW)
    }
    pub fn xsd_attrs(&self) -> Option<XsdAttrs> {
        child(&self.syntax)
    }
    pub fn separator(&self) -> Option<SyntaxToken> {
        separator(&self.syntax)
    }
}

impl FieldId {
    /// The id's token: an integer, `true` or `false`.
    pub fn value_token(&self) -> Option<SyntaxToken> {
        first_significant_token(&self.syntax)
            .filter(|t| matches!(t.kind(), INT_NUMBER | TRUE_KW | FALSE_KW))
    }
    /// The id as a number (`true` is 1 and `false` 0, as Apache Thrift reads them).
    pub fn value(&self) -> Option<i64> {
        // `value_token`'s text, from the green tree (no cursor for it).
        let green = self.syntax.green();
        let token = green
            .children()
            .filter_map(|c| c.into_token())
            .find(|t| is_significant(t))?;
        match SyntaxKind::from(token.kind().0) {
            TRUE_KW => Some(1),
            FALSE_KW => Some(0),
            INT_NUMBER => parse_int(token.text()),
            _ => None,
        }
    }
}

impl DefaultValue {
    pub fn value(&self) -> Option<ConstValue> {
        child(&self.syntax)
    }
}

impl XsdAttrs {
    pub fn field_list(&self) -> Option<FieldList> {
        child(&self.syntax)
    }
}

impl ExtendsClause {
    pub fn path(&self) -> Option<Path> {
        child(&self.syntax)
    }
}

impl FunctionList {
    pub fn functions(&self) -> AstChildren<Function> {
        children(&self.syntax)
    }
    pub fn l_brace(&self) -> Option<SyntaxToken> {
        token(&self.syntax, L_BRACE)
    }
    pub fn r_brace(&self) -> Option<SyntaxToken> {
        token(&self.syntax, R_BRACE)
    }
}

impl Function {
    /// `oneway` or the deprecated `async`.
    pub fn oneway_token(&self) -> Option<SyntaxToken> {
        token(&self.syntax, ONEWAY_KW).or_else(|| token(&self.syntax, ASYNC_KW))
    }
    /// The return type (`void` is [`Type::VoidType`]).
    pub fn return_type(&self) -> Option<Type> {
        child(&self.syntax)
    }
    pub fn param_list(&self) -> Option<ParamList> {
        child(&self.syntax)
    }
    pub fn params(&self) -> Vec<Field> {
        self.param_list()
            .map(|l| l.fields().collect())
            .unwrap_or_default()
    }
    pub fn throws(&self) -> Option<ThrowsClause> {
        child(&self.syntax)
    }
    pub fn separator(&self) -> Option<SyntaxToken> {
        separator(&self.syntax)
    }
}

impl ParamList {
    pub fn fields(&self) -> AstChildren<Field> {
        children(&self.syntax)
    }
    pub fn l_paren(&self) -> Option<SyntaxToken> {
        token(&self.syntax, L_PAREN)
    }
    pub fn r_paren(&self) -> Option<SyntaxToken> {
        token(&self.syntax, R_PAREN)
    }
}

impl ThrowsClause {
    pub fn param_list(&self) -> Option<ParamList> {
        child(&self.syntax)
    }
    pub fn fields(&self) -> Vec<Field> {
        self.param_list()
            .map(|l| l.fields().collect())
            .unwrap_or_default()
    }
}

// ---------------------------------------------------------------------------
// Names and paths
// ---------------------------------------------------------------------------

ast_node!(
    /// The name of a definition, field, enum value or function.
    Name = NAME
);
ast_node!(
    /// A possibly dotted reference: `Type`, `inc.Type`, `Enum.VALUE`.
    Path = PATH
);

impl Name {
    pub fn ident_token(&self) -> Option<SyntaxToken> {
        token(&self.syntax, IDENT)
    }
    /// The name as written (with dots, for a dotted name, which is an
    /// error the semantic layer reports).
    pub fn text(&self) -> String {
        significant_text(&self.syntax)
    }
}

impl Path {
    /// The identifier tokens, in order.
    pub fn segments(&self) -> Vec<SyntaxToken> {
        self.syntax
            .children_with_tokens()
            .filter_map(SyntaxElement::into_token)
            .filter(|t| t.kind() == IDENT)
            .collect()
    }
    /// The dotted text without trivia: `inc.Type`.
    pub fn text(&self) -> String {
        significant_text(&self.syntax)
    }
}

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

ast_node!(
    /// `i32`, `string (annotations)`, …
    BaseType = BASE_TYPE
);
ast_node!(
    /// A reference to a defined type: `User`, `shared.User`.
    NamedType = NAMED_TYPE
);
ast_node!(
    /// `list<T>`
    ListType = LIST_TYPE
);
ast_node!(
    /// `set<T>`
    SetType = SET_TYPE
);
ast_node!(
    /// `map<K, V>`
    MapType = MAP_TYPE
);
ast_node!(
    /// `void`, as a function's return type.
    VoidType = VOID_TYPE
);
ast_node!(
    /// `cpp_type "T"` on a container.
    CppType = CPP_TYPE
);

ast_enum!(
    /// Any type.
    Type { BaseType, NamedType, ListType, SetType, MapType, VoidType, StreamType, SinkType }
);

impl_traits!(HasAnnotations for BaseType, ListType, SetType, MapType);

impl BaseType {
    /// The keyword: `i32`, `string`, ….
    pub fn keyword(&self) -> Option<SyntaxToken> {
        first_significant_token(&self.syntax)
    }
}

impl NamedType {
    pub fn path(&self) -> Option<Path> {
        child(&self.syntax)
    }
}

impl ListType {
    pub fn element_type(&self) -> Option<Type> {
        child(&self.syntax)
    }
    /// Both the prefix and the deprecated suffix `cpp_type`.
    pub fn cpp_types(&self) -> AstChildren<CppType> {
        children(&self.syntax)
    }
}

impl SetType {
    pub fn element_type(&self) -> Option<Type> {
        child(&self.syntax)
    }
    pub fn cpp_type(&self) -> Option<CppType> {
        child(&self.syntax)
    }
}

impl MapType {
    pub fn key_type(&self) -> Option<Type> {
        children(&self.syntax).next()
    }
    pub fn value_type(&self) -> Option<Type> {
        children(&self.syntax).nth(1)
    }
    pub fn cpp_type(&self) -> Option<CppType> {
        child(&self.syntax)
    }
}

impl CppType {
    pub fn value_token(&self) -> Option<SyntaxToken> {
        token(&self.syntax, STRING)
    }
}

// ---------------------------------------------------------------------------
// Annotations
// ---------------------------------------------------------------------------

ast_node!(
    /// `( key = "value", … )`
    AnnotationList = ANNOTATION_LIST
);
ast_node!(
    /// `key = "value"` (the value is optional).
    Annotation = ANNOTATION
);

impl HasComments for Annotation {}

impl AnnotationList {
    pub fn annotations(&self) -> AstChildren<Annotation> {
        children(&self.syntax)
    }
}

impl Annotation {
    pub fn key(&self) -> Option<Path> {
        child(&self.syntax)
    }
    pub fn value(&self) -> Option<ConstValue> {
        child(&self.syntax)
    }
    /// The value's string contents, without quotes.
    pub fn value_string(&self) -> Option<String> {
        match self.value()? {
            ConstValue::Literal(l) => l.as_string(),
            _ => None,
        }
    }
}

// ---------------------------------------------------------------------------
// Const values
// ---------------------------------------------------------------------------

ast_node!(
    /// A number, string, `true` or `false`.
    Literal = LITERAL
);
ast_node!(
    /// A reference to a const or enum value: `MAX`, `Color.RED`, `inc.MAX`.
    ConstRef = CONST_REF
);
ast_node!(
    /// `[ values ]`
    ConstList = CONST_LIST
);
ast_node!(
    /// `{ key: value, … }`
    ConstMap = CONST_MAP
);
ast_node!(
    /// `key: value` in a const map.
    ConstMapEntry = CONST_MAP_ENTRY
);

ast_enum!(
    /// Any const value.
    ConstValue { Literal, ConstRef, ConstList, ConstMap, StructLiteral }
);

impl HasComments for ConstMapEntry {}

/// What a literal holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LiteralKind {
    Int,
    Double,
    String,
    Bool,
}

impl Literal {
    pub fn token(&self) -> Option<SyntaxToken> {
        first_significant_token(&self.syntax)
    }
    pub fn kind(&self) -> Option<LiteralKind> {
        Some(match self.token()?.kind() {
            INT_NUMBER => LiteralKind::Int,
            DOUBLE_NUMBER => LiteralKind::Double,
            STRING => LiteralKind::String,
            TRUE_KW | FALSE_KW => LiteralKind::Bool,
            _ => return None,
        })
    }
    /// The value of an integer literal (`true` is 1, `false` 0), if valid.
    pub fn as_int(&self) -> Option<i64> {
        int_value(&self.token()?)
    }
    /// The contents of a string literal, with escapes resolved.
    pub fn as_string(&self) -> Option<String> {
        let token = self.token().filter(|t| t.kind() == STRING)?;
        Some(unescape(&unquote(token.text())))
    }
}

impl ConstRef {
    pub fn path(&self) -> Option<Path> {
        child(&self.syntax)
    }
}

impl ConstList {
    pub fn values(&self) -> AstChildren<ConstValue> {
        children(&self.syntax)
    }
}

impl ConstMap {
    pub fn entries(&self) -> AstChildren<ConstMapEntry> {
        children(&self.syntax)
    }
}

impl ConstMapEntry {
    pub fn key(&self) -> Option<ConstValue> {
        children(&self.syntax).next()
    }
    pub fn value(&self) -> Option<ConstValue> {
        children(&self.syntax).nth(1)
    }
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// The `,` or `;` that ends an item.
fn separator(node: &SyntaxNode) -> Option<SyntaxToken> {
    node.children_with_tokens()
        .filter_map(SyntaxElement::into_token)
        .filter(|t| !t.kind().is_trivia())
        .last()
        .filter(|t| matches!(t.kind(), COMMA | SEMICOLON))
}

/// The text of a node without trivia.
fn significant_text(node: &SyntaxNode) -> String {
    green_significant_text(&node.green())
}

/// The text of a node without its trivia (and error tokens), read from
/// its green node: what [`Path::text`] and [`Name::text`] give.
pub fn green_significant_text(green: &rowan::GreenNodeData) -> String {
    // Over the green tree: no cursor and no string per token. Names are
    // read for every field of every file, and this was a tenth of a
    // workspace check.
    fn walk(green: &rowan::GreenNodeData, out: &mut String) {
        for child in green.children() {
            match child {
                rowan::NodeOrToken::Token(t) => {
                    if is_significant(t) {
                        out.push_str(t.text());
                    }
                }
                rowan::NodeOrToken::Node(n) => walk(n, out),
            }
        }
    }
    // Most names are one token: copied at once.
    let mut children = green.children();
    if let (Some(rowan::NodeOrToken::Token(t)), None) = (children.next(), children.next())
        && is_significant(t)
    {
        return t.text().to_string();
    }
    let mut out = String::with_capacity(usize::from(green.text_len()));
    walk(green, &mut out);
    out
}

/// Neither trivia nor an error token.
fn is_significant(token: &rowan::GreenTokenData) -> bool {
    let kind = SyntaxKind::from(token.kind().0);
    !kind.is_trivia() && kind != ERROR_TOKEN
}

/// Strips the quotes of a string literal (also of an unterminated one).
pub fn unquote(text: &str) -> String {
    let Some(quote) = text.chars().next().filter(|c| *c == '"' || *c == '\'') else {
        return text.to_string();
    };
    let body = &text[1..];
    body.strip_suffix(quote).unwrap_or(body).to_string()
}

/// Resolves `\n`, `\r`, `\t`, `\"`, `\'` and `\\`; other escapes are kept.
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some(c @ ('"' | '\'' | '\\')) => out.push(c),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// The value of an integer token as Apache Thrift reads it.
pub fn int_value(token: &SyntaxToken) -> Option<i64> {
    match token.kind() {
        TRUE_KW => Some(1),
        FALSE_KW => Some(0),
        INT_NUMBER => parse_int(token.text()),
        _ => None,
    }
}

/// Parses an integer literal as `dialect` reads it: in Apache Thrift
/// leading zeros are decimal and only `0x` hex exists; fbthrift adds `0X`,
/// `0b` binary and `0` octal.
pub fn parse_int_in(text: &str, dialect: crate::Dialect) -> Option<i64> {
    if dialect == crate::Dialect::Apache {
        return parse_int(text);
    }
    let (negative, digits) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (radix, body) = if let Some(h) = digits
        .strip_prefix("0x")
        .or_else(|| digits.strip_prefix("0X"))
    {
        (16, h)
    } else if let Some(b) = digits
        .strip_prefix("0b")
        .or_else(|| digits.strip_prefix("0B"))
    {
        (2, b)
    } else if digits.len() > 1 && digits.starts_with('0') {
        (8, &digits[1..])
    } else {
        (10, digits)
    };
    // fbthrift's lexer reads the digits as an unsigned 64-bit number, and
    // its parser applies the sign: `-9223372036854775808` and
    // `-0x8000000000000000` are i64::MIN.
    let magnitude = u64::from_str_radix(body, radix).ok()?;
    if negative {
        0i64.checked_sub_unsigned(magnitude)
    } else {
        i64::try_from(magnitude).ok()
    }
}

/// Parses an integer literal: decimal (leading zeros are decimal) or `0x`
/// hex, with an optional sign.
pub fn parse_int(text: &str) -> Option<i64> {
    let (negative, digits) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    if let Some(hex) = digits.strip_prefix("0x") {
        let v = i64::from_str_radix(hex, 16).ok()?;
        return Some(if negative { -v } else { v });
    }
    text.parse::<i64>().ok()
}

// ---------------------------------------------------------------------------
// fbthrift
// ---------------------------------------------------------------------------

ast_node!(
    /// `package "domain.tld/path"` or `package;`.
    Package = PACKAGE
);
ast_node!(
    /// `interaction Name { functions }`
    Interaction = INTERACTION
);
ast_node!(
    /// `performs Name;` in a service.
    Performs = PERFORMS
);
ast_node!(
    /// `@Name` or `@inc.Name{field = value}`.
    StructuredAnnotation = STRUCTURED_ANNOTATION
);
ast_node!(
    /// `Foo{name = value}` (or `{name = value}`).
    StructLiteral = STRUCT_LITERAL
);
ast_node!(
    /// `{ name = value, ... }`
    FieldInitializerList = FIELD_INITIALIZER_LIST
);
ast_node!(
    /// `name = value` in a struct literal.
    FieldInitializer = FIELD_INITIALIZER
);
ast_node!(
    /// `stream<T throws (...)>`
    StreamType = STREAM_TYPE
);
ast_node!(
    /// `sink<T throws (...), F throws (...)>`
    SinkType = SINK_TYPE
);

impl_traits!(HasComments for Package, Interaction, Performs);
impl_traits!(HasName for Interaction);
impl_traits!(HasAnnotations for Interaction);

impl Package {
    /// The package name, without quotes (`None` for `package;`).
    pub fn name(&self) -> Option<String> {
        token(&self.syntax, STRING).map(|t| unquote(t.text()))
    }
}

impl Interaction {
    pub fn function_list(&self) -> Option<FunctionList> {
        child(&self.syntax)
    }
    pub fn functions(&self) -> impl Iterator<Item = Function> + use<> {
        self.function_list()
            .into_iter()
            .flat_map(|l| children(&l.syntax))
    }
}

impl Performs {
    pub fn path(&self) -> Option<Path> {
        child(&self.syntax)
    }
}

impl StructuredAnnotation {
    pub fn path(&self) -> Option<Path> {
        child(&self.syntax)
    }
    pub fn fields(&self) -> Option<FieldInitializerList> {
        child(&self.syntax)
    }
}

impl StructLiteral {
    /// The struct's name (`None` for `{name = value}`).
    pub fn path(&self) -> Option<Path> {
        child(&self.syntax)
    }
    pub fn fields(&self) -> Option<FieldInitializerList> {
        child(&self.syntax)
    }
}

impl FieldInitializerList {
    pub fn initializers(&self) -> AstChildren<FieldInitializer> {
        children(&self.syntax)
    }
}

impl FieldInitializer {
    pub fn name(&self) -> Option<Name> {
        child(&self.syntax)
    }
    pub fn value(&self) -> Option<ConstValue> {
        child(&self.syntax)
    }
}

impl StreamType {
    pub fn element_type(&self) -> Option<Type> {
        child(&self.syntax)
    }
}

impl SinkType {
    pub fn element_type(&self) -> Option<Type> {
        children(&self.syntax).next()
    }
    pub fn final_type(&self) -> Option<Type> {
        children(&self.syntax).nth(1)
    }
}

/// The `@Annotations` of an item.
pub fn structured_annotations(node: &SyntaxNode) -> AstChildren<StructuredAnnotation> {
    children(node)
}
