//! Diagnostics: stable codes, severities, messages and locations.

use thrift_syntax::TextRange;

use crate::FileId;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Hint,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// The diagnostics catalogue, online.
pub const DIAGNOSTICS_DOC: &str =
    "https://github.com/thrift-tools/thrift-tools/blob/main/docs/diagnostics.md";

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, $name:literal, $sev:ident, $summary:literal; )*) => {
        /// Every diagnostic code. The codes are stable: they never change
        /// meaning and are never reused.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $( $(#[$doc])* $variant, )*
        }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// `T1001`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            /// `unresolved-type`: a readable name, used in configs as well.
            pub fn name(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            pub fn default_severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$sev,)* }
            }

            /// One sentence on what the code means.
            pub fn summary(self) -> &'static str {
                match self { $(Code::$variant => $summary,)* }
            }

            /// The code's entry in the diagnostics catalogue: the heading
            /// `## T1001: unresolved-include` of `docs/diagnostics.md`, as
            /// GitHub anchors it.
            pub fn doc_url(self) -> String {
                format!(
                    "{DIAGNOSTICS_DOC}#{}-{}",
                    self.as_str().to_ascii_lowercase(),
                    self.name()
                )
            }

            /// Looks a code up by `T1001` or by its name.
            #[allow(clippy::should_implement_trait)]
            pub fn from_str(s: &str) -> Option<Code> {
                Code::ALL.iter().copied().find(|c| c.as_str().eq_ignore_ascii_case(s) || c.name() == s)
            }
        }
    };
}

codes! {
    /// A syntax error (from the parser).
    Syntax = "T0001", "syntax-error", Error, "The file does not parse.";

    UnresolvedInclude = "T1001", "unresolved-include", Warning, "An included file cannot be found (an error when names refer into it).";
    IncludeCycle = "T1002", "include-cycle", Error, "Files include each other in a cycle.";
    UnusedInclude = "T1003", "unused-include", Warning, "An included file is never used.";
    DuplicateInclude = "T1004", "duplicate-include", Warning, "The same file is included twice.";
    IncludeAliasClash = "T1005", "include-alias-clash", Error, "An include alias is the name of another include (fbthrift).";
    IncludedFileError = "T1006", "error-in-included-file", Error, "An included file has an error, so the compiler rejects the file that includes it.";
    UnresolvedType = "T1010", "unresolved-type", Error, "A type name does not resolve to a definition.";
    UnknownIncludePrefix = "T1011", "unknown-include-prefix", Error, "A qualified name uses a prefix that names no included file.";
    UnresolvedConst = "T1012", "unresolved-const", Error, "A const or enum value reference does not resolve.";
    NotAType = "T1013", "not-a-type", Error, "A name used as a type is a const or a service.";
    DuplicateDefinition = "T1020", "duplicate-definition", Error, "Two definitions in one file have the same name.";
    DottedName = "T1021", "dotted-name", Error, "A definition name contains a dot.";
    TypedefCycle = "T1022", "typedef-cycle", Error, "Typedefs refer to each other in a cycle.";
    TypeNameCollision = "T1023", "type-name-collision", Error, "A type has the name of a type in an included file with the same namespaces (Apache).";

    DuplicateFieldId = "T1030", "duplicate-field-id", Error, "Two fields in one list have the same id.";
    DuplicateFieldName = "T1031", "duplicate-field-name", Error, "Two fields in one list have the same name.";
    MissingFieldId = "T1032", "missing-field-id", Warning, "A field has no explicit id; the compiler assigns a negative one.";
    NonPositiveFieldId = "T1033", "non-positive-field-id", Warning, "A field id is zero or negative.";
    FieldIdOutOfRange = "T1034", "field-id-out-of-range", Warning, "A field id does not fit in 16 bits.";
    RequiredInUnion = "T1035", "required-in-union", Warning, "A union field is marked `required`.";
    OptionalArgument = "T1036", "optional-argument", Warning, "A function argument is marked `optional`, which has no effect.";
    UnionMultipleDefaults = "T1037", "union-multiple-defaults", Error, "More than one field of a union has a default value.";
    RequiredInThrows = "T1038", "required-in-throws", Warning, "An exception in a `throws` list is marked `required`.";

    OnewayNotVoid = "T1040", "oneway-not-void", Warning, "A `oneway` function returns a value.";
    OnewayThrows = "T1041", "oneway-throws", Error, "A `oneway` function declares exceptions.";
    ThrowsNotException = "T1042", "throws-not-exception", Error, "A `throws` clause lists a type that is not an exception.";
    ExtendsNotService = "T1043", "extends-not-service", Error, "A service extends something that is not a service.";
    DuplicateFunction = "T1044", "duplicate-function", Error, "Two functions in one service have the same name.";
    OverridesParentFunction = "T1045", "redefines-parent-function", Error, "A function has the same name as one in a parent service.";
    ServiceCycle = "T1046", "service-extends-cycle", Error, "Services extend each other in a cycle.";
    ForwardReference = "T1047", "forward-reference", Error, "A const, a parent service, or a type a value needs is used before its definition in the same file.";
    PerformsNotInteraction = "T1048", "performs-not-interaction", Error, "`performs` names something that is not an interaction (fbthrift).";

    DuplicateEnumValueName = "T1050", "duplicate-enum-value-name", Error, "Two values of one enum have the same name.";
    DuplicateEnumValue = "T1051", "duplicate-enum-value", Warning, "Two values of one enum have the same number.";
    EnumValueOutOfRange = "T1052", "enum-value-out-of-range", Error, "An enum value does not fit in 32 bits.";

    ValueTypeMismatch = "T1060", "value-type-mismatch", Error, "A const or default value does not match its type.";
    IntegerOutOfRange = "T1061", "integer-out-of-range", Error, "An integer value does not fit its type.";
    UnqualifiedEnumValue = "T1062", "unqualified-enum-value", Error, "An enum value is used without its enum's name.";
    InvalidUuid = "T1063", "invalid-uuid", Error, "A uuid value is not a valid UUID.";
    EnumQualifierMismatch = "T1065", "enum-qualifier-mismatch", Warning, "An enum value is qualified with another enum's name; the compiler uses the expected enum.";
    UnknownStructField = "T1064", "unknown-struct-field", Error, "A struct literal names a field the struct does not have.";

    DeprecatedSyntax = "T2001", "deprecated-syntax", Warning, "Syntax that Apache Thrift deprecated (`async`, `byte`, `xsd_*`, `cpp_type` suffix, `list<byte>`).";
    RemovedSyntax = "T2002", "removed-syntax", Error, "Syntax that Apache Thrift removed (`senum`, `slist`, legacy `*_namespace` headers).";
    LargeInteger = "T2003", "64-bit-constant", Hint, "A 64-bit integer constant may not work in all languages.";
    UnknownLintCode = "T2004", "unknown-lint-code", Warning, "A `thrift-lint: allow(...)` comment names a code that does not exist.";
    ReservedWord = "T2005", "reserved-word", Warning, "A name is on Apache Thrift's old reserved-word list (refused by Apache 0.12-0.17 for most generators, by the PHP generator still) or is a keyword that Apache 0.17 and older refuse as a field name.";
    ReservedIdentifier = "T2006", "fbthrift-reserved-identifier", Error, "A name starts with `fbthrift`, which fbthrift reserves.";

    // Target-aware checks (docs/targets.md): reported only for the targets
    // a project declares (`targets` under `[lint]`, `--target`).
    TargetRefusesFile = "T3000", "target-refuses-file", Error, "A declared target refuses the file because of an error reported on its own (a syntax error, an unresolved name, ...).";
    Thriftpy2ReservedWord = "T3001", "thriftpy2-reserved-word", Error, "thriftpy2: a name is on thriftpy2's reserved-word list, so its lexer refuses the file.";
    Thriftpy2DropsDefinition = "T3002", "thriftpy2-drops-definition", Error, "thriftpy2: a field or argument named `async`, `await`, `nonlocal`, `None`, `True` or `False` makes the generated constructor invalid Python; the struct loses its constructor and the next definition is silently dropped.";
    Thriftpy2KeywordName = "T3003", "thriftpy2-keyword-name", Error, "thriftpy2: a Thrift keyword (or `true`/`false`) used as a name is a grammar error.";
    Thriftpy2UnsupportedSyntax = "T3004", "thriftpy2-unsupported-syntax", Error, "thriftpy2: syntax its parser does not support.";
    Thriftpy2UnhashableConst = "T3005", "thriftpy2-unhashable-const", Error, "thriftpy2: a const map key or set element is a container or struct, which Python cannot hash.";
    Thriftpy2ConstMissingRequired = "T3006", "thriftpy2-const-missing-required", Error, "thriftpy2: a struct value leaves out a `required` field.";
    Thriftpy2IncludeNameClash = "T3007", "thriftpy2-include-name-clash", Error, "thriftpy2: two includes have the same file name.";
    Thriftpy2ClientMethod = "T3008", "thriftpy2-client-method", Warning, "thriftpy2: a function is named after a method of thriftpy2's client, which wins.";
    Thriftpy2NothingToLoad = "T3009", "thriftpy2-nothing-to-load", Error, "thriftpy2: `thriftpy2.load` fails on a file with no include, const, struct, union, exception, enum or service (only typedefs, namespaces or comments).";
    Thriftpy2UnresolvedReference = "T3010", "thriftpy2-unresolved-reference", Error, "thriftpy2: a const or enum value reference that thriftpy2 resolves literally, from the names defined above it, does not resolve (Apache resolves it from the type it expects).";
    TargetIncludeError = "T3090", "target-error-in-included-file", Error, "A file this file includes (directly or not) has an error for one of its targets, which load or generate the included files with it.";
    PyPythonKeyword = "T3101", "py-python-keyword", Error, "Apache py: a name is a Python keyword (refused before 0.23, renamed from 0.23; `async`/`await` give invalid Python).";
    PySelfName = "T3102", "py-self-name", Error, "Apache py: a field or argument named `self` makes the generated Python invalid.";
    PyShadowedMethod = "T3103", "py-shadowed-method", Warning, "Apache py: a field or argument hides a generated method or variable (`read`, `write`, `validate`, `args`).";
    PyModuleNameClash = "T3104", "py-module-name-clash", Error, "Apache py: a definition hides a name the generated module needs (`TType`, `TException`, ...).";
    PyMutableDefault = "T3105", "py-mutable-default", Warning, "Apache py: a container default is one object shared by every instance.";
    ApacheKeywordName = "T3106", "apache-keyword-name", Error, "Apache 0.17 and older: a Thrift keyword used as a name is a syntax error.";
    ApacheLegacyReservedWord = "T3107", "apache-legacy-reserved-word", Error, "Apache 0.17 and older: a name on the old reserved-word list is refused (by the go and java generators; by py through 0.13).";
    ApacheUuidUnsupported = "T3108", "apache-uuid-unsupported", Error, "Apache: the `uuid` type needs compiler 0.18 (and 0.21 for py).";
    ApacheExceptionAsType = "T3109", "apache-exception-as-type", Error, "Apache 0.22 and newer: an exception is used as a field, argument or return type.";
    PyUnhashableConst = "T3110", "py-unhashable-const", Error, "Apache py: a const or default map has container or struct keys, or a set has container or struct elements, which Python cannot hash.";
    PyIncludeNameClash = "T3111", "py-include-name-clash", Error, "Apache py: two included files generate the same Python package.";
    PyPackageName = "T3112", "py-package-name", Error, "Apache py: a generated Python package cannot be imported: it has the name of a module Python or the thrift library has already imported (`types`, `enum`, ...), or an included one has a Python keyword in its name.";
    GoNameCollision = "T3201", "go-name-collision", Error, "Apache go: two names become the same Go identifier.";
    GoGeneratedMemberClash = "T3202", "go-generated-member-clash", Error, "Apache go: a name becomes the name of a generated method, type or variable.";
    GoRenamedIdentifier = "T3203", "go-renamed-identifier", Hint, "go/thriftgo: a name gets a `_` appended in the generated Go.";
    GoMainPackage = "T3204", "go-main-package", Error, "Apache go: a file's Go package is `main` (its `namespace go`, else its file name), which Go builds as a command.";
    JavaNameCollision = "T3301", "java-name-collision", Error, "Apache java: two names become the same generated Java name.";
    JavaGeneratedMemberClash = "T3302", "java-generated-member-clash", Error, "Apache java: a name becomes the name of a generated or inherited member.";
    JavaKeywordUnescaped = "T3303", "java-keyword-unescaped", Error, "Apache java: an enum value or const named after a Java keyword (not escaped).";
    JavaDefaultPackageInclude = "T3304", "java-default-package-include", Error, "Apache java: a file with a `namespace java` uses an included file without one, whose classes land in the default package, which Java cannot import from.";
    ThriftgoDuplicateEnumValue = "T3401", "thriftgo-duplicate-enum-value", Error, "thriftgo: two values of one enum have the same number.";
    ThriftgoOnewayNotVoid = "T3402", "thriftgo-oneway-not-void", Error, "thriftgo: a `oneway` function returns a value.";
    ThriftgoRenamedIdentifier = "T3403", "thriftgo-renamed-identifier", Warning, "thriftgo: a name clashes with a generated name and is renamed with a `_` (Apache go fails instead).";
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Codes we report as errors where the Apache compiler accepts the file
/// (listed under "Deliberate differences" in docs/diagnostics.md): they
/// do not make the files that include the file fail.
pub(crate) fn compiler_accepts(code: Code) -> bool {
    matches!(code, Code::IntegerOutOfRange) || code.is_target()
}

impl Code {
    /// A target-aware check (`T3xxx`, docs/targets.md).
    pub fn is_target(self) -> bool {
        self.as_str().starts_with("T3")
    }
}

/// A place related to a diagnostic, e.g. "first defined here".
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Related {
    pub file: FileId,
    pub range: TextRange,
    pub message: String,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub file: FileId,
    pub range: TextRange,
    pub message: String,
    pub related: Vec<Related>,
    /// The Apache compiler finds this only when it generates code for the
    /// file (a type it resolves lazily, a value only its generators read),
    /// not when the file is merely included: it does not fail the files
    /// that include it (T1006).
    pub(crate) when_generating: bool,
}

impl Diagnostic {
    pub fn new(
        code: Code,
        file: FileId,
        range: TextRange,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            code,
            severity: code.default_severity(),
            file,
            range,
            message: message.into(),
            related: Vec::new(),
            when_generating: false,
        }
    }

    pub fn with_related(
        mut self,
        file: FileId,
        range: TextRange,
        message: impl Into<String>,
    ) -> Diagnostic {
        self.related.push(Related {
            file,
            range,
            message: message.into(),
        });
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique() {
        let mut seen = crate::fx::HashSet::default();
        for code in Code::ALL {
            assert!(seen.insert(code.as_str()), "{code:?}");
            assert!(seen.insert(code.name()), "{code:?}");
            assert_eq!(Code::from_str(code.as_str()), Some(*code));
            assert_eq!(Code::from_str(code.name()), Some(*code));
        }
    }
}
