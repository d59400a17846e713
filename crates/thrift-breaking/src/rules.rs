//! The rule catalogue: stable ids, one sentence each, and categories.

use thrift_syntax::Dialect;

/// How strict a check is, strictest first. Each category reports
/// everything the ones after it report, and more:
/// `FILE ⊃ SOURCE ⊃ WIRE_JSON ⊃ WIRE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// Generated code, per file: SOURCE plus definitions moving between
    /// files (the default).
    File,
    /// Generated code: names, namespaces, types as written, requiredness,
    /// signatures.
    Source,
    /// The binary, compact and JSON protocols (TJSONProtocol, and the
    /// name-keyed SimpleJSON forms).
    WireJson,
    /// The binary and compact protocols.
    Wire,
}

impl Category {
    pub const ALL: &'static [Category] = &[
        Category::File,
        Category::Source,
        Category::WireJson,
        Category::Wire,
    ];

    /// `FILE`, `SOURCE`, `WIRE_JSON`, `WIRE`.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::File => "FILE",
            Category::Source => "SOURCE",
            Category::WireJson => "WIRE_JSON",
            Category::Wire => "WIRE",
        }
    }

    /// What a change that breaks this category breaks, for people:
    /// `WIRE (and so every stricter category)`; `FILE` alone.
    pub fn breaks_text(self) -> String {
        match self {
            Category::File => "FILE".to_string(),
            c => format!("{c} (and so every stricter category)"),
        }
    }

    /// Parses a category name (ASCII case ignored).
    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL
            .iter()
            .copied()
            .find(|c| c.as_str().eq_ignore_ascii_case(s))
    }
}

impl std::fmt::Display for Category {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

use Category::{File as F, Source as S, Wire as W, WireJson as WJ};

const ALL: &[Category] = &[F, S, WJ, W];
const CODE: &[Category] = &[F, S];
const JSON_AND_CODE: &[Category] = &[F, S, WJ];
const ONLY_FILE: &[Category] = &[F];
const ONLY_WJ: &[Category] = &[WJ];
const ONLY_W: &[Category] = &[W];

/// A breaking-change rule.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Rule {
    /// Stable `UPPER_SNAKE_CASE` id: never renamed, never reused.
    pub id: &'static str,
    /// One sentence: what the rule reports.
    pub purpose: &'static str,
    /// Why the change breaks, for the docs and SARIF help text.
    pub why: &'static str,
    /// The categories that report it (Apache Thrift).
    pub categories: &'static [Category],
    /// The categories under the fbthrift dialect, when they differ.
    pub fbthrift_categories: Option<&'static [Category]>,
}

impl Rule {
    /// The categories that report this rule for files of `dialect`.
    pub fn categories(&self, dialect: Dialect) -> &'static [Category] {
        match (dialect, self.fbthrift_categories) {
            (Dialect::FbThrift, Some(c)) => c,
            _ => self.categories,
        }
    }

    /// The most lenient category that reports the rule: what the change
    /// breaks (`WIRE`: even the binary protocol).
    pub fn category(&self, dialect: Dialect) -> Category {
        self.categories(dialect)
            .iter()
            .copied()
            .max()
            .unwrap_or(Category::File)
    }

    pub fn by_id(id: &str) -> Option<&'static Rule> {
        RULES
            .iter()
            .copied()
            .find(|r| r.id.eq_ignore_ascii_case(id))
    }
}

/// Not a rule of the catalogue (it cannot be selected or excepted): the id
/// under which [`crate::read_errors`] are reported, as `buf breaking`
/// reports compile errors under `COMPILE`.
pub static COMPILE: Rule = Rule {
    id: "COMPILE",
    purpose: "A version has a syntax error or an include that cannot be found, so nothing was compared.",
    why: "A half-read file would compare as if everything after the error were deleted; fix the error (or leave the file out of the compared paths, or `ignore` it) and compare again.",
    categories: &[],
    fbthrift_categories: None,
};

macro_rules! rules {
    ($( $name:ident = $id:literal, $cats:expr, $fb:expr, $purpose:literal, $why:literal; )*) => {
        $(
            #[doc = $purpose]
            pub static $name: Rule = Rule {
                id: $id,
                purpose: $purpose,
                why: $why,
                categories: $cats,
                fbthrift_categories: $fb,
            };
        )*
        /// Every rule, in catalogue order.
        pub static RULES: &[&Rule] = &[$(&$name,)*];
    };
}

rules! {
    // Files, definitions, namespaces
    FILE_NO_DELETE = "FILE_NO_DELETE", ONLY_FILE, None,
        "A file was deleted.",
        "Every generated module of the file disappears, and `include` statements that named it fail.";
    TYPE_NO_DELETE = "TYPE_NO_DELETE", CODE, None,
        "A struct, union, exception, enum or typedef was deleted.",
        "Generated code that uses the type no longer compiles; the wire is not affected.";
    TYPE_NO_MOVE_FILE = "TYPE_NO_MOVE_FILE", ONLY_FILE, None,
        "A definition moved to another file.",
        "References written as `file.Type` and the generated module path change.";
    TYPE_SAME_KIND = "TYPE_SAME_KIND", CODE, None,
        "A definition changed kind without changing its encoding (struct <-> exception, or a typedef, const or service that became something else).",
        "Generated classes change (an exception extends the language's exception class); the wire is the same.";
    TYPE_SAME_ENCODING = "TYPE_SAME_ENCODING", ALL, None,
        "A type changed to a kind with another encoding (struct <-> union, union <-> exception, enum <-> struct).",
        "Readers decode the old data with the new shape: a union accepts only one field, an enum is an i32, not a struct.";
    NAMESPACE_SAME = "NAMESPACE_SAME", CODE, None,
        "The namespace of a language (or `*`) changed, was added or was removed.",
        "The generated package or module changes, so every import of it breaks.";
    PACKAGE_SAME = "PACKAGE_SAME", CODE, None,
        "The fbthrift `package` changed, was added or was removed.",
        "Universal names, default namespaces and type-registry URIs derive from the package.";

    // Fields of structs, unions and exceptions
    FIELD_NO_DELETE = "FIELD_NO_DELETE", CODE, None,
        "A field that was not `required` was deleted.",
        "Its accessors disappear from generated code; on the wire, old data is skipped, which is safe as long as the id is never reused.";
    FIELD_NO_DELETE_REQUIRED = "FIELD_NO_DELETE_REQUIRED", ALL, Some(CODE),
        "A `required` field was deleted.",
        "Apache Thrift readers on the old schema reject every message written without it (fbthrift no longer enforces `required`).";
    FIELD_NO_ADD_REQUIRED = "FIELD_NO_ADD_REQUIRED", ALL, Some(CODE),
        "A `required` field was added to an existing struct.",
        "Apache Thrift readers on the new schema reject every message written by old writers, which do not send it.";
    FIELD_SAME_ID = "FIELD_SAME_ID", ALL, None,
        "A field kept its name but changed its id.",
        "The wire carries ids: old data is skipped under the new id, and the old id is unknown to new readers.";
    FIELD_ID_NO_REUSE = "FIELD_ID_NO_REUSE", ALL, None,
        "A field id now belongs to a different field (another name, and another type or the old name kept elsewhere).",
        "Old data under that id is read as the new field: misread, or skipped when the type differs.";
    FIELD_SAME_NAME = "FIELD_SAME_NAME", JSON_AND_CODE, None,
        "A field was renamed (same id).",
        "Name-keyed JSON (TSimpleJSONProtocol, fbthrift SimpleJSON, Go `json` tags) and generated accessors use the name; the binary protocols do not.";
    FIELD_SAME_TYPE = "FIELD_SAME_TYPE", CODE, None,
        "A field's type changed as written (including typedef names, `string` <-> `binary`, `i32` <-> enum).",
        "Generated code changes type.";
    FIELD_WIRE_JSON_COMPATIBLE_TYPE = "FIELD_WIRE_JSON_COMPATIBLE_TYPE", ONLY_WJ, None,
        "A field's type changed to one with another binary or JSON encoding (`string` <-> `binary` included).",
        "TJSONProtocol writes `binary` as base64, so even `string` <-> `binary` changes the JSON; other type changes change the type code.";
    FIELD_WIRE_COMPATIBLE_TYPE = "FIELD_WIRE_COMPATIBLE_TYPE", ONLY_W, None,
        "A field's type changed to one with another binary encoding (`i32` -> `i64`, `list` <-> `set`, ...).",
        "Readers skip a field whose type code differs (data loss), or misdecode container elements; `string` <-> `binary`, `byte` <-> `i8`, `i32` <-> enum and typedef changes keep the encoding.";
    FIELD_NO_BECOME_REQUIRED = "FIELD_NO_BECOME_REQUIRED", ALL, Some(CODE),
        "An `optional` or default field became `required`.",
        "Apache Thrift readers on the new schema reject messages from old writers that leave it unset.";
    FIELD_NO_BECOME_UNREQUIRED = "FIELD_NO_BECOME_UNREQUIRED", ALL, Some(CODE),
        "A `required` field became `optional` or default.",
        "New writers may leave it unset, and Apache Thrift readers on the old schema reject such messages.";
    FIELD_SAME_REQUIREDNESS = "FIELD_SAME_REQUIREDNESS", CODE, None,
        "A field changed between `optional` and default requiredness.",
        "Generated code changes: Go pointers, C++ `optional_field_ref`, `isset` handling.";
    FIELD_SAME_DEFAULT = "FIELD_SAME_DEFAULT", CODE, None,
        "A field's default value was added, removed or changed.",
        "Unwritten defaults are part of the interface: readers on each side fill in different values.";

    // Enums
    ENUM_VALUE_NO_DELETE = "ENUM_VALUE_NO_DELETE", CODE, None,
        "An enum value was deleted.",
        "Generated constants disappear; readers with closed enums map the old number to null or unknown.";
    ENUM_VALUE_SAME_NUMBER = "ENUM_VALUE_SAME_NUMBER", ALL, None,
        "An enum value kept its name but changed its number.",
        "The wire carries numbers: stored and in-flight values change meaning.";
    ENUM_VALUE_SAME_NAME = "ENUM_VALUE_SAME_NAME", JSON_AND_CODE, None,
        "An enum value was renamed (same number).",
        "Name-keyed JSON and Go `MarshalText` write the name, and generated constants change.";

    // Services and functions
    SERVICE_NO_DELETE = "SERVICE_NO_DELETE", ALL, None,
        "A service (or fbthrift interaction) was deleted.",
        "Every call of its functions fails.";
    SERVICE_SAME_EXTENDS = "SERVICE_SAME_EXTENDS", ALL, None,
        "A service's `extends` changed or was removed.",
        "Functions inherited from the old base disappear (TApplicationException UNKNOWN_METHOD).";
    FUNCTION_NO_DELETE = "FUNCTION_NO_DELETE", ALL, None,
        "A function was deleted or renamed (functions inherited from the new base count).",
        "The method name travels on the wire: calls get TApplicationException UNKNOWN_METHOD.";
    FUNCTION_SAME_ONEWAY = "FUNCTION_SAME_ONEWAY", ALL, None,
        "A function switched between `oneway` and two-way.",
        "A two-way client waits forever for a reply that never comes, or a oneway client leaves an unread reply on the connection.";
    FUNCTION_SAME_RETURN_TYPE = "FUNCTION_SAME_RETURN_TYPE", CODE, None,
        "A function's return type changed as written (`void` -> `T` included).",
        "Generated signatures change.";
    FUNCTION_WIRE_JSON_COMPATIBLE_RETURN_TYPE = "FUNCTION_WIRE_JSON_COMPATIBLE_RETURN_TYPE", ONLY_WJ, None,
        "A function's return type changed to one with another binary or JSON encoding, or to `void`.",
        "The result travels as field 0 of the reply; `T` -> `void` makes old clients fail with MISSING_RESULT.";
    FUNCTION_WIRE_COMPATIBLE_RETURN_TYPE = "FUNCTION_WIRE_COMPATIBLE_RETURN_TYPE", ONLY_W, None,
        "A function's return type changed to one with another binary encoding, or to `void`.",
        "The result travels as field 0 of the reply; `T` -> `void` makes old clients fail with MISSING_RESULT (`void` -> `T` is safe on the wire).";
    FUNCTION_ARG_NO_DELETE = "FUNCTION_ARG_NO_DELETE", CODE, None,
        "A function argument was deleted.",
        "Generated signatures change; on the wire the argument is skipped, which is safe while its id is not reused.";
    FUNCTION_ARG_NO_ADD = "FUNCTION_ARG_NO_ADD", CODE, None,
        "An argument that is not `required` was added to a function.",
        "Generated signatures change in most languages; old clients simply do not send it.";
    FUNCTION_ARG_NO_ADD_REQUIRED = "FUNCTION_ARG_NO_ADD_REQUIRED", ALL, Some(CODE),
        "A `required` argument was added to a function.",
        "Apache Thrift servers reject calls from old clients, which do not send it.";
    FUNCTION_ARG_SAME_ID = "FUNCTION_ARG_SAME_ID", ALL, None,
        "An argument kept its name but changed its id.",
        "Arguments travel as a struct keyed by id: old clients' values are skipped.";
    FUNCTION_ARG_ID_NO_REUSE = "FUNCTION_ARG_ID_NO_REUSE", ALL, None,
        "An argument id now belongs to a different argument.",
        "Old clients' values are read as the new argument.";
    FUNCTION_ARG_SAME_NAME = "FUNCTION_ARG_SAME_NAME", CODE, None,
        "A function argument was renamed (same id).",
        "Keyword arguments (Python) and generated names change; the wire is not affected.";
    FUNCTION_ARG_SAME_TYPE = "FUNCTION_ARG_SAME_TYPE", CODE, None,
        "An argument's type changed as written.",
        "Generated signatures change.";
    FUNCTION_ARG_WIRE_JSON_COMPATIBLE_TYPE = "FUNCTION_ARG_WIRE_JSON_COMPATIBLE_TYPE", ONLY_WJ, None,
        "An argument's type changed to one with another binary or JSON encoding.",
        "The argument is skipped or misread by the other side.";
    FUNCTION_ARG_WIRE_COMPATIBLE_TYPE = "FUNCTION_ARG_WIRE_COMPATIBLE_TYPE", ONLY_W, None,
        "An argument's type changed to one with another binary encoding.",
        "The argument is skipped or misread by the other side.";
    FUNCTION_ARG_NO_BECOME_REQUIRED = "FUNCTION_ARG_NO_BECOME_REQUIRED", ALL, Some(CODE),
        "An argument became `required`.",
        "Apache Thrift servers reject calls from old clients that leave it unset.";
    FUNCTION_THROWS_NO_ADD = "FUNCTION_THROWS_NO_ADD", CODE, None,
        "An exception was added to the `throws` of a function that returns a value.",
        "Generated signatures change (Java checked exceptions); old clients get MISSING_RESULT instead of the exception.";
    FUNCTION_THROWS_NO_ADD_TO_VOID = "FUNCTION_THROWS_NO_ADD_TO_VOID", ALL, None,
        "An exception was added to the `throws` of a `void` function.",
        "Old clients do not know the exception's id and read the reply as success: the error is silently lost.";
    FUNCTION_THROWS_NO_DELETE = "FUNCTION_THROWS_NO_DELETE", ALL, None,
        "An exception was removed from a function's `throws`.",
        "A server that still throws it now sends INTERNAL_ERROR, and clients' catch clauses no longer compile.";
    FUNCTION_THROWS_SAME_ID = "FUNCTION_THROWS_SAME_ID", ALL, None,
        "An exception in `throws` kept its type but changed its id.",
        "The exception travels as a field of the reply keyed by id: old clients do not recognise it.";
    FUNCTION_THROWS_SAME_TYPE = "FUNCTION_THROWS_SAME_TYPE", ALL, None,
        "The exception type at a `throws` id changed.",
        "Clients decode the reply field as the wrong exception.";

    // Typedefs and constants
    TYPEDEF_SAME_TYPE = "TYPEDEF_SAME_TYPE", CODE, None,
        "A typedef's target changed as written.",
        "Generated aliases change type.";
    TYPEDEF_WIRE_JSON_COMPATIBLE_TYPE = "TYPEDEF_WIRE_JSON_COMPATIBLE_TYPE", ONLY_WJ, None,
        "A typedef's target changed to one with another binary or JSON encoding.",
        "Every field and argument of that type changes encoding.";
    TYPEDEF_WIRE_COMPATIBLE_TYPE = "TYPEDEF_WIRE_COMPATIBLE_TYPE", ONLY_W, None,
        "A typedef's target changed to one with another binary encoding.",
        "Every field and argument of that type changes encoding.";
    CONST_NO_DELETE = "CONST_NO_DELETE", CODE, None,
        "A constant was deleted.",
        "Generated code that uses it no longer compiles.";
    CONST_SAME_TYPE = "CONST_SAME_TYPE", CODE, None,
        "A constant's type changed.",
        "Generated code that uses it changes type.";
    CONST_SAME_VALUE = "CONST_SAME_VALUE", CODE, None,
        "A constant's value changed.",
        "Both sides compile different values in: old and new binaries disagree.";
}
