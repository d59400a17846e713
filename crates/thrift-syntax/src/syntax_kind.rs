//! The kinds of tokens and nodes in the Thrift syntax tree.
//!
//! One enum covers both: tokens come first (punctuation, literals, keywords,
//! trivia), then composite nodes. The tree is untyped underneath (`rowan`);
//! the typed wrappers live in [`crate::ast`].

/// Every kind of token and node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u16)]
#[allow(non_camel_case_types)]
pub enum SyntaxKind {
    // ---- punctuation ----
    L_BRACE = 0,
    R_BRACE,
    L_PAREN,
    R_PAREN,
    L_BRACK,
    R_BRACK,
    L_ANGLE,
    R_ANGLE,
    COMMA,
    SEMICOLON,
    COLON,
    EQ,
    STAR,
    AMP,
    DOT,
    /// `@`: fbthrift structured annotations; an error in Apache Thrift.
    AT,

    // ---- literals and names ----
    /// Integer literal, with optional sign: `42`, `-7`, `0777`, `0x1F`, `-0x1F`.
    INT_NUMBER,
    /// Floating literal: `1.0`, `.5`, `1e10`, `+1.5e+3`.
    DOUBLE_NUMBER,
    /// String literal in `"` or `'` (possibly unterminated; the lexer reports that).
    STRING,
    IDENT,

    // ---- keywords ----
    INCLUDE_KW,
    CPP_INCLUDE_KW,
    NAMESPACE_KW,
    CONST_KW,
    TYPEDEF_KW,
    ENUM_KW,
    SENUM_KW,
    STRUCT_KW,
    UNION_KW,
    EXCEPTION_KW,
    SERVICE_KW,
    EXTENDS_KW,
    THROWS_KW,
    ONEWAY_KW,
    ASYNC_KW,
    VOID_KW,
    REQUIRED_KW,
    OPTIONAL_KW,
    TRUE_KW,
    FALSE_KW,
    BOOL_KW,
    BYTE_KW,
    I8_KW,
    I16_KW,
    I32_KW,
    I64_KW,
    DOUBLE_KW,
    STRING_KW,
    BINARY_KW,
    UUID_KW,
    SLIST_KW,
    MAP_KW,
    SET_KW,
    LIST_KW,
    CPP_TYPE_KW,
    XSD_ALL_KW,
    XSD_OPTIONAL_KW,
    XSD_NILLABLE_KW,
    XSD_ATTRS_KW,
    // Legacy namespace forms, removed from Apache Thrift long ago. They are
    // parsed as `NAMESPACE` nodes; the semantic layer reports them.
    CPP_NAMESPACE_KW,
    JAVA_PACKAGE_KW,
    CSHARP_NAMESPACE_KW,
    DELPHI_NAMESPACE_KW,
    PHP_NAMESPACE_KW,
    PY_MODULE_KW,
    PERL_PACKAGE_KW,
    RUBY_NAMESPACE_KW,
    SMALLTALK_CATEGORY_KW,
    SMALLTALK_PREFIX_KW,
    XSD_NAMESPACE_KW,
    // fbthrift words. The lexer reads them as identifiers; the parser gives
    // them these kinds where they act as keywords, so they stay usable as
    // names elsewhere.
    PACKAGE_KW,
    INTERACTION_KW,
    PERFORMS_KW,
    STREAM_KW,
    SINK_KW,
    AS_KW,
    HS_INCLUDE_KW,
    FLOAT_KW,
    SAFE_KW,
    TRANSIENT_KW,
    STATEFUL_KW,
    PERMANENT_KW,
    CLIENT_KW,
    SERVER_KW,
    IDEMPOTENT_KW,
    READONLY_KW,

    // ---- trivia ----
    /// Spaces, tabs, carriage returns and newlines.
    WHITESPACE,
    /// `// ...` or `# ...`, up to (not including) the newline.
    LINE_COMMENT,
    /// `/* ... */` (and the empty `/**/`).
    BLOCK_COMMENT,
    /// `/** ... */`.
    DOC_COMMENT,
    /// Bytes the lexer does not understand. Invisible to the parser; the
    /// lexer reports them.
    ERROR_TOKEN,
    /// End of input (never in the tree).
    EOF,

    // ---- nodes ----
    SOURCE_FILE,
    /// A run of tokens the parser could not place.
    ERROR,

    INCLUDE,
    CPP_INCLUDE,
    NAMESPACE,
    /// The scope of a namespace: `*`, `java`, `py.twisted`.
    NAMESPACE_SCOPE,

    TYPEDEF,
    CONST,
    ENUM,
    ENUM_VALUE_LIST,
    ENUM_VALUE,
    SENUM,
    SENUM_VALUE,
    STRUCT,
    UNION,
    EXCEPTION,
    /// `{ fields }` of a struct, union, exception or `xsd_attrs`.
    FIELD_LIST,
    FIELD,
    /// `1:`
    FIELD_ID,
    /// `= value` after a field.
    DEFAULT_VALUE,
    XSD_ATTRS,
    SERVICE,
    EXTENDS_CLAUSE,
    FUNCTION_LIST,
    FUNCTION,
    /// `( fields )` of a function's arguments or its `throws` clause.
    PARAM_LIST,
    THROWS_CLAUSE,

    /// A definition's name.
    NAME,
    /// A possibly dotted reference: `Type`, `inc.Type`, `Enum.VALUE`.
    PATH,

    // types
    BASE_TYPE,
    NAMED_TYPE,
    LIST_TYPE,
    SET_TYPE,
    MAP_TYPE,
    VOID_TYPE,
    CPP_TYPE,

    ANNOTATION_LIST,
    ANNOTATION,

    // fbthrift
    /// `package "domain.tld/path"` (or `package;`).
    PACKAGE,
    /// `hs_include "path"`
    HS_INCLUDE,
    /// `as alias` after an include.
    INCLUDE_ALIAS,
    /// `@Name` or `@inc.Name{field = value, ...}` before an item.
    STRUCTURED_ANNOTATION,
    /// `{ name = value, ... }`: the fields of a struct literal.
    FIELD_INITIALIZER_LIST,
    /// `name = value` in a struct literal.
    FIELD_INITIALIZER,
    /// `Foo{name = value}` as a const value.
    STRUCT_LITERAL,
    /// `interaction Name { functions }`
    INTERACTION,
    /// `performs Name;` in a service.
    PERFORMS,
    /// `stream<T throws (...)>` in a function's return clause.
    STREAM_TYPE,
    /// `sink<T throws (...), F throws (...)>`
    SINK_TYPE,

    // const values
    LITERAL,
    CONST_REF,
    CONST_LIST,
    CONST_MAP,
    CONST_MAP_ENTRY,

    #[doc(hidden)]
    __LAST,
}

use SyntaxKind::*;

impl SyntaxKind {
    /// Whitespace and comments.
    pub fn is_trivia(self) -> bool {
        matches!(
            self,
            WHITESPACE | LINE_COMMENT | BLOCK_COMMENT | DOC_COMMENT
        )
    }

    /// Any kind of comment.
    pub fn is_comment(self) -> bool {
        matches!(self, LINE_COMMENT | BLOCK_COMMENT | DOC_COMMENT)
    }

    /// Keywords of Apache Thrift.
    pub fn is_keyword(self) -> bool {
        (INCLUDE_KW as u16..=XSD_NAMESPACE_KW as u16).contains(&(self as u16))
    }

    /// Keywords of Apache Thrift that fbthrift's lexer does not have, so
    /// that an fbthrift file may use them as names: `senum`, `async`, `i8`,
    /// `uuid`, `slist`, `cpp_type`, the `xsd_*` words and the legacy
    /// `*_namespace` headers.
    pub fn is_apache_only_keyword(self) -> bool {
        matches!(
            self,
            SENUM_KW
                | ASYNC_KW
                | I8_KW
                | UUID_KW
                | SLIST_KW
                | CPP_TYPE_KW
                | XSD_ALL_KW
                | XSD_OPTIONAL_KW
                | XSD_NILLABLE_KW
                | XSD_ATTRS_KW
        ) || self.is_legacy_namespace_keyword()
    }

    /// Tokens (as opposed to nodes).
    pub fn is_token(self) -> bool {
        (self as u16) < SOURCE_FILE as u16
    }

    /// The base-type keywords.
    pub fn is_base_type_keyword(self) -> bool {
        matches!(
            self,
            BOOL_KW
                | BYTE_KW
                | I8_KW
                | I16_KW
                | I32_KW
                | I64_KW
                | DOUBLE_KW
                | STRING_KW
                | BINARY_KW
                | UUID_KW
                | SLIST_KW
                | FLOAT_KW
        )
    }

    /// fbthrift's contextual keywords (identifiers to the lexer).
    pub fn is_contextual_keyword(self) -> bool {
        (PACKAGE_KW as u16..=READONLY_KW as u16).contains(&(self as u16))
    }

    /// The contextual keyword spelled `word`, if any.
    pub fn from_contextual_keyword(word: &str) -> Option<SyntaxKind> {
        Some(match word {
            "package" => PACKAGE_KW,
            "interaction" => INTERACTION_KW,
            "performs" => PERFORMS_KW,
            "stream" => STREAM_KW,
            "sink" => SINK_KW,
            "as" => AS_KW,
            "hs_include" => HS_INCLUDE_KW,
            "float" => FLOAT_KW,
            "safe" => SAFE_KW,
            "transient" => TRANSIENT_KW,
            "stateful" => STATEFUL_KW,
            "permanent" => PERMANENT_KW,
            "client" => CLIENT_KW,
            "server" => SERVER_KW,
            "idempotent" => IDEMPOTENT_KW,
            "readonly" => READONLY_KW,
            _ => return None,
        })
    }

    /// The legacy `*_namespace` / `*_package` header keywords.
    pub fn is_legacy_namespace_keyword(self) -> bool {
        (CPP_NAMESPACE_KW as u16..=XSD_NAMESPACE_KW as u16).contains(&(self as u16))
    }

    /// The keyword for a reserved word, if it is one.
    pub fn from_keyword(word: &str) -> Option<SyntaxKind> {
        let kind = match word {
            "include" => INCLUDE_KW,
            "cpp_include" => CPP_INCLUDE_KW,
            "namespace" => NAMESPACE_KW,
            "const" => CONST_KW,
            "typedef" => TYPEDEF_KW,
            "enum" => ENUM_KW,
            "senum" => SENUM_KW,
            "struct" => STRUCT_KW,
            "union" => UNION_KW,
            "exception" => EXCEPTION_KW,
            "service" => SERVICE_KW,
            "extends" => EXTENDS_KW,
            "throws" => THROWS_KW,
            "oneway" => ONEWAY_KW,
            "async" => ASYNC_KW,
            "void" => VOID_KW,
            "required" => REQUIRED_KW,
            "optional" => OPTIONAL_KW,
            "true" => TRUE_KW,
            "false" => FALSE_KW,
            "bool" => BOOL_KW,
            "byte" => BYTE_KW,
            "i8" => I8_KW,
            "i16" => I16_KW,
            "i32" => I32_KW,
            "i64" => I64_KW,
            "double" => DOUBLE_KW,
            "string" => STRING_KW,
            "binary" => BINARY_KW,
            "uuid" => UUID_KW,
            "slist" => SLIST_KW,
            "map" => MAP_KW,
            "set" => SET_KW,
            "list" => LIST_KW,
            "cpp_type" => CPP_TYPE_KW,
            "xsd_all" => XSD_ALL_KW,
            "xsd_optional" => XSD_OPTIONAL_KW,
            "xsd_nillable" => XSD_NILLABLE_KW,
            "xsd_attrs" => XSD_ATTRS_KW,
            "cpp_namespace" => CPP_NAMESPACE_KW,
            "java_package" => JAVA_PACKAGE_KW,
            "csharp_namespace" => CSHARP_NAMESPACE_KW,
            "delphi_namespace" => DELPHI_NAMESPACE_KW,
            "php_namespace" => PHP_NAMESPACE_KW,
            "py_module" => PY_MODULE_KW,
            "perl_package" => PERL_PACKAGE_KW,
            "ruby_namespace" => RUBY_NAMESPACE_KW,
            "smalltalk_category" => SMALLTALK_CATEGORY_KW,
            "smalltalk_prefix" => SMALLTALK_PREFIX_KW,
            "xsd_namespace" => XSD_NAMESPACE_KW,
            _ => return None,
        };
        Some(kind)
    }

    /// How the kind is shown to a person in an error message: the token's
    /// text in backticks for fixed tokens, a description otherwise.
    pub fn describe(self) -> &'static str {
        match self {
            L_BRACE => "`{`",
            R_BRACE => "`}`",
            L_PAREN => "`(`",
            R_PAREN => "`)`",
            L_BRACK => "`[`",
            R_BRACK => "`]`",
            L_ANGLE => "`<`",
            R_ANGLE => "`>`",
            COMMA => "`,`",
            SEMICOLON => "`;`",
            COLON => "`:`",
            EQ => "`=`",
            STAR => "`*`",
            AMP => "`&`",
            DOT => "`.`",
            AT => "`@`",
            INT_NUMBER => "an integer",
            DOUBLE_NUMBER => "a number",
            STRING => "a string",
            IDENT => "an identifier",
            EOF => "end of file",
            WHITESPACE => "whitespace",
            LINE_COMMENT | BLOCK_COMMENT | DOC_COMMENT => "a comment",
            ERROR_TOKEN => "an unknown character",
            k if k.is_keyword() => k.keyword_text().unwrap_or("a keyword"),
            _ => "a syntax node",
        }
    }

    /// For keywords, the keyword in backticks.
    fn keyword_text(self) -> Option<&'static str> {
        Some(match self {
            INCLUDE_KW => "`include`",
            CPP_INCLUDE_KW => "`cpp_include`",
            NAMESPACE_KW => "`namespace`",
            CONST_KW => "`const`",
            TYPEDEF_KW => "`typedef`",
            ENUM_KW => "`enum`",
            SENUM_KW => "`senum`",
            STRUCT_KW => "`struct`",
            UNION_KW => "`union`",
            EXCEPTION_KW => "`exception`",
            SERVICE_KW => "`service`",
            EXTENDS_KW => "`extends`",
            THROWS_KW => "`throws`",
            ONEWAY_KW => "`oneway`",
            ASYNC_KW => "`async`",
            VOID_KW => "`void`",
            REQUIRED_KW => "`required`",
            OPTIONAL_KW => "`optional`",
            TRUE_KW => "`true`",
            FALSE_KW => "`false`",
            BOOL_KW => "`bool`",
            BYTE_KW => "`byte`",
            I8_KW => "`i8`",
            I16_KW => "`i16`",
            I32_KW => "`i32`",
            I64_KW => "`i64`",
            DOUBLE_KW => "`double`",
            STRING_KW => "`string`",
            BINARY_KW => "`binary`",
            UUID_KW => "`uuid`",
            SLIST_KW => "`slist`",
            MAP_KW => "`map`",
            SET_KW => "`set`",
            LIST_KW => "`list`",
            CPP_TYPE_KW => "`cpp_type`",
            XSD_ALL_KW => "`xsd_all`",
            XSD_OPTIONAL_KW => "`xsd_optional`",
            XSD_NILLABLE_KW => "`xsd_nillable`",
            XSD_ATTRS_KW => "`xsd_attrs`",
            _ => return None,
        })
    }
}

impl From<u16> for SyntaxKind {
    // Inlined into other crates: every walk over the tree asks it of
    // every child.
    #[inline]
    fn from(raw: u16) -> SyntaxKind {
        assert!(raw < __LAST as u16, "invalid SyntaxKind {raw}");
        // SAFETY-free conversion: look the value up in a table built once.
        KINDS[raw as usize]
    }
}

impl From<SyntaxKind> for u16 {
    fn from(kind: SyntaxKind) -> u16 {
        kind as u16
    }
}

/// All kinds, indexed by discriminant (built without `unsafe`).
static KINDS: [SyntaxKind; __LAST as usize] = {
    let mut table = [EOF; __LAST as usize];
    let all = ALL_KINDS;
    let mut i = 0;
    while i < all.len() {
        table[all[i] as usize] = all[i];
        i += 1;
    }
    table
};

const ALL_KINDS: &[SyntaxKind] = &[
    L_BRACE,
    R_BRACE,
    L_PAREN,
    R_PAREN,
    L_BRACK,
    R_BRACK,
    L_ANGLE,
    R_ANGLE,
    COMMA,
    SEMICOLON,
    COLON,
    EQ,
    STAR,
    AMP,
    DOT,
    AT,
    INT_NUMBER,
    DOUBLE_NUMBER,
    STRING,
    IDENT,
    INCLUDE_KW,
    CPP_INCLUDE_KW,
    NAMESPACE_KW,
    CONST_KW,
    TYPEDEF_KW,
    ENUM_KW,
    SENUM_KW,
    STRUCT_KW,
    UNION_KW,
    EXCEPTION_KW,
    SERVICE_KW,
    EXTENDS_KW,
    THROWS_KW,
    ONEWAY_KW,
    ASYNC_KW,
    VOID_KW,
    REQUIRED_KW,
    OPTIONAL_KW,
    TRUE_KW,
    FALSE_KW,
    BOOL_KW,
    BYTE_KW,
    I8_KW,
    I16_KW,
    I32_KW,
    I64_KW,
    DOUBLE_KW,
    STRING_KW,
    BINARY_KW,
    UUID_KW,
    SLIST_KW,
    MAP_KW,
    SET_KW,
    LIST_KW,
    CPP_TYPE_KW,
    XSD_ALL_KW,
    XSD_OPTIONAL_KW,
    XSD_NILLABLE_KW,
    XSD_ATTRS_KW,
    CPP_NAMESPACE_KW,
    JAVA_PACKAGE_KW,
    CSHARP_NAMESPACE_KW,
    DELPHI_NAMESPACE_KW,
    PHP_NAMESPACE_KW,
    PY_MODULE_KW,
    PERL_PACKAGE_KW,
    RUBY_NAMESPACE_KW,
    SMALLTALK_CATEGORY_KW,
    SMALLTALK_PREFIX_KW,
    XSD_NAMESPACE_KW,
    PACKAGE_KW,
    INTERACTION_KW,
    PERFORMS_KW,
    STREAM_KW,
    SINK_KW,
    AS_KW,
    HS_INCLUDE_KW,
    FLOAT_KW,
    SAFE_KW,
    TRANSIENT_KW,
    STATEFUL_KW,
    PERMANENT_KW,
    CLIENT_KW,
    SERVER_KW,
    IDEMPOTENT_KW,
    READONLY_KW,
    WHITESPACE,
    LINE_COMMENT,
    BLOCK_COMMENT,
    DOC_COMMENT,
    ERROR_TOKEN,
    EOF,
    SOURCE_FILE,
    ERROR,
    INCLUDE,
    CPP_INCLUDE,
    NAMESPACE,
    NAMESPACE_SCOPE,
    TYPEDEF,
    CONST,
    ENUM,
    ENUM_VALUE_LIST,
    ENUM_VALUE,
    SENUM,
    SENUM_VALUE,
    STRUCT,
    UNION,
    EXCEPTION,
    FIELD_LIST,
    FIELD,
    FIELD_ID,
    DEFAULT_VALUE,
    XSD_ATTRS,
    SERVICE,
    EXTENDS_CLAUSE,
    FUNCTION_LIST,
    FUNCTION,
    PARAM_LIST,
    THROWS_CLAUSE,
    NAME,
    PATH,
    BASE_TYPE,
    NAMED_TYPE,
    LIST_TYPE,
    SET_TYPE,
    MAP_TYPE,
    VOID_TYPE,
    CPP_TYPE,
    ANNOTATION_LIST,
    ANNOTATION,
    PACKAGE,
    HS_INCLUDE,
    INCLUDE_ALIAS,
    STRUCTURED_ANNOTATION,
    FIELD_INITIALIZER_LIST,
    FIELD_INITIALIZER,
    STRUCT_LITERAL,
    INTERACTION,
    PERFORMS,
    STREAM_TYPE,
    SINK_TYPE,
    LITERAL,
    CONST_REF,
    CONST_LIST,
    CONST_MAP,
    CONST_MAP_ENTRY,
];

/// `T![struct]` is `SyntaxKind::STRUCT_KW`, `T!['{']` is `SyntaxKind::L_BRACE`.
#[macro_export]
macro_rules! T {
    ['{'] => { $crate::SyntaxKind::L_BRACE };
    ['}'] => { $crate::SyntaxKind::R_BRACE };
    ['('] => { $crate::SyntaxKind::L_PAREN };
    [')'] => { $crate::SyntaxKind::R_PAREN };
    ['['] => { $crate::SyntaxKind::L_BRACK };
    [']'] => { $crate::SyntaxKind::R_BRACK };
    [<] => { $crate::SyntaxKind::L_ANGLE };
    [>] => { $crate::SyntaxKind::R_ANGLE };
    [,] => { $crate::SyntaxKind::COMMA };
    [;] => { $crate::SyntaxKind::SEMICOLON };
    [:] => { $crate::SyntaxKind::COLON };
    [=] => { $crate::SyntaxKind::EQ };
    [*] => { $crate::SyntaxKind::STAR };
    [&] => { $crate::SyntaxKind::AMP };
    [.] => { $crate::SyntaxKind::DOT };
    [@] => { $crate::SyntaxKind::AT };
    [include] => { $crate::SyntaxKind::INCLUDE_KW };
    [cpp_include] => { $crate::SyntaxKind::CPP_INCLUDE_KW };
    [namespace] => { $crate::SyntaxKind::NAMESPACE_KW };
    [const] => { $crate::SyntaxKind::CONST_KW };
    [typedef] => { $crate::SyntaxKind::TYPEDEF_KW };
    [enum] => { $crate::SyntaxKind::ENUM_KW };
    [senum] => { $crate::SyntaxKind::SENUM_KW };
    [struct] => { $crate::SyntaxKind::STRUCT_KW };
    [union] => { $crate::SyntaxKind::UNION_KW };
    [exception] => { $crate::SyntaxKind::EXCEPTION_KW };
    [service] => { $crate::SyntaxKind::SERVICE_KW };
    [extends] => { $crate::SyntaxKind::EXTENDS_KW };
    [throws] => { $crate::SyntaxKind::THROWS_KW };
    [oneway] => { $crate::SyntaxKind::ONEWAY_KW };
    [async] => { $crate::SyntaxKind::ASYNC_KW };
    [void] => { $crate::SyntaxKind::VOID_KW };
    [required] => { $crate::SyntaxKind::REQUIRED_KW };
    [optional] => { $crate::SyntaxKind::OPTIONAL_KW };
    [true] => { $crate::SyntaxKind::TRUE_KW };
    [false] => { $crate::SyntaxKind::FALSE_KW };
    [map] => { $crate::SyntaxKind::MAP_KW };
    [set] => { $crate::SyntaxKind::SET_KW };
    [list] => { $crate::SyntaxKind::LIST_KW };
    [cpp_type] => { $crate::SyntaxKind::CPP_TYPE_KW };
    [xsd_all] => { $crate::SyntaxKind::XSD_ALL_KW };
    [xsd_optional] => { $crate::SyntaxKind::XSD_OPTIONAL_KW };
    [xsd_nillable] => { $crate::SyntaxKind::XSD_NILLABLE_KW };
    [xsd_attrs] => { $crate::SyntaxKind::XSD_ATTRS_KW };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_table_is_complete() {
        assert_eq!(ALL_KINDS.len(), __LAST as usize);
        for (i, kind) in ALL_KINDS.iter().enumerate() {
            assert_eq!(*kind as usize, i, "{kind:?} is out of order");
            assert_eq!(SyntaxKind::from(i as u16), *kind);
        }
    }

    #[test]
    fn every_keyword_round_trips() {
        for kind in ALL_KINDS.iter().copied().filter(|k| k.is_keyword()) {
            let text = format!("{kind:?}")
                .trim_end_matches("_KW")
                .to_ascii_lowercase();
            assert_eq!(SyntaxKind::from_keyword(&text), Some(kind), "{text}");
        }
    }
}
