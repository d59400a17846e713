//! Target-aware checks: will a file load in thriftpy2, and build with the
//! Apache generators for Python, Go and Java, or with thriftgo? Each target
//! has its own file of rules; they run only for the targets declared for a
//! file ([`Database::set_targets`], [`Database::set_file_targets`]) and
//! report `T3xxx` codes (docs/targets.md). Pure functions over the syntax
//! tree and the semantic model: no IO.

mod apache;
mod go;
mod includes;
mod java;
mod names;
mod python;
mod thriftgo;
mod thriftpy2;
mod thriftpy2_lex;

use std::fmt;

use thrift_syntax::{AstNode, TextRange, ast};

use crate::{Code, Database, Diagnostic, FileId, Severity, checks::Ctx};

pub use names::{rename_suggestion, rename_target};

/// A code generator or runtime loader that IDL is meant for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    /// thriftpy2: loads `.thrift` files at run time (`thriftpy2.load`).
    Thriftpy2,
    /// The Apache compiler's Python generator (`thrift --gen py`).
    Py,
    /// The Apache compiler's Go generator (`thrift --gen go`).
    Go,
    /// The Apache compiler's Java generator (`thrift --gen java`).
    Java,
    /// cloudwego thriftgo (and kitex).
    Thriftgo,
}

impl Target {
    pub const ALL: &'static [Target] = &[
        Target::Thriftpy2,
        Target::Py,
        Target::Go,
        Target::Java,
        Target::Thriftgo,
    ];

    /// The name used in configs and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Target::Thriftpy2 => "thriftpy2",
            Target::Py => "py",
            Target::Go => "go",
            Target::Java => "java",
            Target::Thriftgo => "thriftgo",
        }
    }

    pub fn from_name(name: &str) -> Option<Target> {
        Target::ALL.iter().copied().find(|t| t.name() == name)
    }

    /// Whether the Apache compiler's version matters for it.
    pub fn is_apache(self) -> bool {
        matches!(self, Target::Py | Target::Go | Target::Java)
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A release of the Apache Thrift compiler, `0.minor` (every release so far
/// is `0.x`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ApacheVersion {
    minor: u16,
}

impl ApacheVersion {
    /// The oldest release whose behaviour the checks know (0.9).
    pub const OLDEST: ApacheVersion = ApacheVersion { minor: 9 };
    /// The newest release (0.25), the default.
    pub const NEWEST: ApacheVersion = ApacheVersion { minor: 25 };

    pub const fn new(minor: u16) -> ApacheVersion {
        ApacheVersion { minor }
    }

    pub fn minor(self) -> u16 {
        self.minor
    }

    /// `0.17` or `0.17.0`; an error names what is accepted.
    pub fn parse(text: &str) -> Result<ApacheVersion, String> {
        let bad = || {
            format!(
                "unknown Apache Thrift version `{text}`: give a release from {} to {}, as `0.17`",
                ApacheVersion::OLDEST,
                ApacheVersion::NEWEST
            )
        };
        let mut parts = text.trim().split('.');
        let (Some("0"), Some(minor)) = (parts.next(), parts.next()) else {
            return Err(bad());
        };
        if let Some(patch) = parts.next()
            && (patch.is_empty() || !patch.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(bad());
        }
        if parts.next().is_some() || minor.is_empty() || !minor.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(bad());
        }
        let minor: u16 = minor.parse().map_err(|_| bad())?;
        let v = ApacheVersion { minor };
        if v < ApacheVersion::OLDEST || v > ApacheVersion::NEWEST {
            return Err(bad());
        }
        Ok(v)
    }
}

impl Default for ApacheVersion {
    fn default() -> ApacheVersion {
        ApacheVersion::NEWEST
    }
}

impl fmt::Display for ApacheVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "0.{}", self.minor)
    }
}

/// The targets declared for a file, and the Apache compiler version the
/// Apache targets (`py`, `go`, `java`) are generated with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Targets {
    bits: u8,
    pub version: ApacheVersion,
}

impl Targets {
    /// No targets: no target checks (the default).
    pub const NONE: Targets = Targets {
        bits: 0,
        version: ApacheVersion::NEWEST,
    };

    /// From names as written in a config or on the command line, and an
    /// optional version; an unknown name or version is an error.
    pub fn parse<S: AsRef<str>>(names: &[S], version: Option<&str>) -> Result<Targets, String> {
        let mut targets = Targets::NONE;
        for name in names {
            let name = name.as_ref();
            let target = Target::from_name(name).ok_or_else(|| {
                format!(
                    "unknown target `{name}`: the targets are {}",
                    Target::ALL
                        .iter()
                        .map(|t| t.name())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })?;
            targets.insert(target);
        }
        if let Some(v) = version {
            targets.version = ApacheVersion::parse(v)?;
        }
        Ok(targets)
    }

    pub fn insert(&mut self, target: Target) {
        self.bits |= target.bit();
    }

    pub fn contains(self, target: Target) -> bool {
        self.bits & target.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.bits == 0
    }

    pub fn iter(self) -> impl Iterator<Item = Target> {
        Target::ALL
            .iter()
            .copied()
            .filter(move |t| self.contains(*t))
    }
}

impl fmt::Display for Targets {
    /// `thriftpy2, py (Apache 0.17)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.iter().map(Target::name).collect();
        if names.is_empty() {
            return f.write_str("none");
        }
        f.write_str(&names.join(", "))?;
        if self.iter().any(Target::is_apache) {
            write!(f, " (Apache {})", self.version)?;
        }
        Ok(())
    }
}

/// The targets of every file: one default and per-file exceptions.
#[derive(Debug, Clone, Default)]
pub(crate) struct TargetMap {
    default: Targets,
    files: std::sync::Arc<crate::fx::HashMap<FileId, Targets>>,
}

impl Database {
    /// Declares the targets of every file that has none of its own. The
    /// cached diagnostics are dropped when this changes anything.
    pub fn set_targets(&mut self, targets: Targets) {
        if self.targets.default != targets {
            self.targets.default = targets;
            self.forget_diagnostics();
        }
    }

    /// Declares the targets of one file (`None`: the default ones).
    pub fn set_file_targets(&mut self, file: FileId, targets: Option<Targets>) {
        if self.targets.files.get(&file).copied() == targets {
            return;
        }
        let files = std::sync::Arc::make_mut(&mut self.targets.files);
        match targets {
            Some(t) => files.insert(file, t),
            None => files.remove(&file),
        };
        self.forget_diagnostics();
    }

    /// The targets declared for `file`.
    pub fn targets(&self, file: FileId) -> Targets {
        self.targets
            .files
            .get(&file)
            .copied()
            .unwrap_or(self.targets.default)
    }
}

/// What the target rules of one file share.
pub(crate) struct TargetCx<'a, 'b> {
    pub(crate) cx: &'a mut Ctx<'b>,
    pub(crate) targets: Targets,
    pub(crate) tree: &'a ast::SourceFile,
    pub(crate) text: &'a str,
}

impl TargetCx<'_, '_> {
    pub(crate) fn has(&self, target: Target) -> bool {
        self.targets.contains(target)
    }

    pub(crate) fn version(&self) -> ApacheVersion {
        self.targets.version
    }

    pub(crate) fn report(&mut self, code: Code, range: TextRange, message: impl Into<String>) {
        self.cx.report(code, range, message);
    }

    pub(crate) fn report_with(
        &mut self,
        code: Code,
        severity: Severity,
        range: TextRange,
        message: impl Into<String>,
    ) {
        let mut d = Diagnostic::new(code, self.cx.file, range, message);
        d.severity = severity;
        self.cx.out.push(d);
    }

    pub(crate) fn push(&mut self, d: Diagnostic) {
        self.cx.out.push(d);
    }

    pub(crate) fn file(&self) -> FileId {
        self.cx.file
    }

    pub(crate) fn db(&self) -> &Database {
        self.cx.db
    }
}

/// Runs the rules of the targets declared for the file.
pub(crate) fn check(cx: &mut Ctx<'_>, tree: &ast::SourceFile) {
    let targets = cx.db.targets(cx.file);
    if targets.is_empty() {
        return;
    }
    let db = cx.db;
    let text = db.text(cx.file).unwrap_or_default();
    // A file read as fbthrift (detected from fbthrift-only syntax): no
    // target reads fbthrift, so the rules see the file as the targets
    // read it, as Apache IDL, and its errors there are the targets' too.
    let apache;
    let mut apache_errors = Vec::new();
    let tree = if cx.fbthrift {
        let parse = thrift_syntax::parse_with(text, Some(thrift_syntax::Dialect::Apache), None);
        apache_errors = parse.errors().to_vec();
        apache = parse.tree();
        &apache
    } else {
        tree
    };
    let mut t = TargetCx {
        cx,
        targets,
        tree,
        text,
    };
    if t.has(Target::Thriftpy2) {
        thriftpy2::check(&mut t);
    }
    if t.has(Target::Py) {
        python::check(&mut t);
    }
    if t.targets.iter().any(Target::is_apache) {
        apache::check(&mut t);
    }
    if t.has(Target::Go) || t.has(Target::Thriftgo) {
        go::check(&mut t);
    }
    if t.has(Target::Java) {
        java::check(&mut t);
    }
    if t.has(Target::Thriftgo) {
        thriftgo::check(&mut t);
    }
    refused_files(&mut t, &apache_errors);
}

/// Whether `target` stops at `d`, an error of the file's own checks (or
/// at a warning that an include is missing): thriftpy2 refuses fewer of
/// them than the Apache compiler.
fn refuses(t: &TargetCx<'_, '_>, target: Target, d: &Diagnostic) -> bool {
    // thriftpy2 loads every include; Apache only warns about one that
    // nothing uses.
    if d.code == Code::UnresolvedInclude {
        return target == Target::Thriftpy2 || d.severity == Severity::Error;
    }
    // thriftpy2 follows a qualified name literally (`inc.VALUE` for
    // `inc.Enum.VALUE` is not found), where Apache uses the enum it expects.
    if d.code == Code::EnumQualifierMismatch {
        return target == Target::Thriftpy2;
    }
    if d.severity != Severity::Error {
        return false;
    }
    let both = matches!(
        d.code,
        Code::Syntax
            | Code::RemovedSyntax
            | Code::IncludeCycle
            | Code::UnresolvedType
            | Code::UnknownIncludePrefix
            | Code::UnresolvedConst
            | Code::NotAType
            | Code::TypedefCycle
            | Code::DuplicateFieldId
            | Code::DuplicateFieldName
            | Code::DuplicateFunction
            | Code::UnqualifiedEnumValue
            | Code::UnknownStructField
            | Code::ServiceCycle
            | Code::ExtendsNotService
    );
    match target {
        Target::Thriftpy2 => {
            (both && !thriftpy2_reads(d))
                || (d.code == Code::DuplicateDefinition && same_kind_twice(t, d))
                || (d.code == Code::ValueTypeMismatch
                    && !in_list_literal(t, d)
                    && !names_container_const(d))
                // A const, an enum value or a parent service used before
                // its definition; types it resolves lazily.
                || (d.code == Code::ForwardReference && !d.message.starts_with("type `"))
        }
        // Apache 0.17 generates py for a container const named by another
        // const's name.
        Target::Py if d.code == Code::ValueTypeMismatch && names_container_const(d) => false,
        // The Apache compiler skips a byte order mark at the start.
        _ if d.code == Code::Syntax && d.message.contains("\\u{feff}") => false,
        // The py generator writes no typedefs: an unused one is never
        // resolved.
        Target::Py if d.code == Code::UnresolvedType && in_unused_typedef(t, d) => false,
        _ => {
            both || matches!(
                d.code,
                Code::EnumValueOutOfRange
                    | Code::DuplicateDefinition
                    | Code::DuplicateEnumValueName
                    | Code::OverridesParentFunction
                    | Code::ThrowsNotException
                    | Code::OnewayThrows
                    | Code::UnionMultipleDefaults
                    | Code::ForwardReference
                    | Code::ValueTypeMismatch
                    | Code::TypeNameCollision
            )
        }
    }
}

/// Whether `d` is in the target of a typedef that nothing in the file
/// uses.
fn in_unused_typedef(t: &TargetCx<'_, '_>, d: &Diagnostic) -> bool {
    let Some(typedef) = t
        .tree
        .syntax()
        .covering_element(d.range)
        .ancestors()
        .find_map(ast::Typedef::cast)
    else {
        return false;
    };
    let Some(name) = ast::HasName::name(&typedef).map(|n| n.text()) else {
        return false;
    };
    !t.tree
        .syntax()
        .descendants()
        .filter_map(ast::Path::cast)
        .any(|p| p.text() == name)
}

/// T1060 for a container const used by name (`const list<i32> M = L`):
/// Apache 0.17 generates py for it, and thriftpy2 loads it.
fn names_container_const(d: &Diagnostic) -> bool {
    d.message.contains("must be written out")
        && [
            "is a const of type list<",
            "is a const of type set<",
            "is a const of type map<",
        ]
        .iter()
        .any(|m| d.message.contains(m))
}

/// thriftpy2 casts a value to its type as it parses it (`Type error for
/// constant`, `Couldn't find a named value in enum`), except the elements
/// of a list or set, which it casts lazily (never).
fn in_list_literal(t: &TargetCx<'_, '_>, d: &Diagnostic) -> bool {
    t.tree
        .syntax()
        .covering_element(d.range)
        .ancestors()
        .skip(1)
        .any(|n| n.kind() == thrift_syntax::SyntaxKind::CONST_LIST)
}

/// thriftpy2 refuses a second struct, union, exception, enum or service of
/// one name (`'A' type is already defined in 'structs'`), but takes a
/// second const or typedef, or one name for two kinds, silently.
fn same_kind_twice(t: &TargetCx<'_, '_>, d: &Diagnostic) -> bool {
    let Some(name) = t.text.get(std::ops::Range::<usize>::from(d.range)) else {
        return false;
    };
    let Some(summary) = t.db().summary(t.file()) else {
        return false;
    };
    let kinds: Vec<&str> = summary
        .definitions
        .iter()
        .filter(|def| def.name == name)
        .map(|def| def.kind.keyword())
        .filter(|k| matches!(*k, "struct" | "union" | "exception" | "enum" | "service"))
        .collect();
    kinds
        .iter()
        .enumerate()
        .any(|(i, k)| kinds[i + 1..].contains(k))
}

/// T3000: a target that stops at an error the file's own checks report,
/// and has no error of its own in the file, is told so at that error: a
/// target that fails always says so.
fn refused_files(t: &mut TargetCx<'_, '_>, apache_errors: &[thrift_syntax::SyntaxError]) {
    let file = t.file();
    let fbthrift = t.cx.fbthrift;
    // Read as fbthrift, the file's syntax errors are those of the Apache
    // reading.
    let candidates: Vec<Diagnostic> = apache_errors
        .iter()
        .map(|e| Diagnostic::new(Code::Syntax, file, e.range, e.message.clone()))
        .chain(
            t.cx.out
                .iter()
                .filter(|d| !(fbthrift && d.code == Code::Syntax))
                .cloned(),
        )
        .collect();
    let mut by_error: Vec<(Diagnostic, Vec<String>)> = Vec::new();
    for target in t.targets.iter() {
        let has_own =
            t.cx.out
                .iter()
                .any(|d| d.severity == Severity::Error && code_targets(d.code).contains(&target));
        if has_own {
            continue;
        }
        let Some(first) = candidates
            .iter()
            .filter(|d| refuses(t, target, d))
            .min_by_key(|d| d.range.start())
        else {
            continue;
        };
        let name = if target.is_apache() {
            format!("{target} (Apache {})", t.version())
        } else {
            target.to_string()
        };
        match by_error.iter_mut().find(|(d, _)| d == first) {
            Some((_, names)) => names.push(name),
            None => by_error.push((first.clone(), vec![name])),
        }
    }
    for (first, names) in by_error {
        let message = format!(
            "{} cannot use this file either: it stops at this {} error ({})",
            names.join(", "),
            first.code,
            first.message
        );
        t.report(Code::TargetRefusesFile, first.range, message);
    }
}

/// Syntax errors of ours that thriftpy2 reads: a keyword of Apache 0.18+
/// as a name other than a field's (`const i32 async = 1`: thriftpy2 has
/// fewer keywords and reads the others as names), and a `;` after a
/// header or a definition (its grammar allows one).
fn thriftpy2_reads(d: &Diagnostic) -> bool {
    if d.code != Code::Syntax {
        return false;
    }
    let keyword_name = d
        .message
        .strip_prefix('`')
        .and_then(|m| m.split_once("` is a keyword"))
        .is_some_and(|(word, _)| {
            !thriftpy2_lex::KEYWORDS.contains(&word) && !matches!(word, "true" | "false")
        });
    keyword_name
        || d.message.starts_with("unexpected `;` after a")
        || d.message.ends_with("does not fit in 64 bits")
        || d.message.contains("a `;` after a header")
}

/// The targets whose failure a `T3xxx` code reports.
fn code_targets(code: Code) -> &'static [Target] {
    use Target::*;
    match code {
        Code::Thriftpy2ReservedWord
        | Code::Thriftpy2DropsDefinition
        | Code::Thriftpy2KeywordName
        | Code::Thriftpy2UnsupportedSyntax
        | Code::Thriftpy2UnhashableConst
        | Code::Thriftpy2ConstMissingRequired
        | Code::Thriftpy2IncludeNameClash
        | Code::Thriftpy2ClientMethod
        | Code::Thriftpy2NothingToLoad
        | Code::Thriftpy2UnresolvedReference => &[Thriftpy2],
        Code::PyPythonKeyword
        | Code::PySelfName
        | Code::PyShadowedMethod
        | Code::PyModuleNameClash
        | Code::PyMutableDefault
        | Code::PyUnhashableConst
        | Code::PyIncludeNameClash
        | Code::PyPackageName => &[Py],
        Code::ApacheKeywordName | Code::ApacheUuidUnsupported | Code::ApacheExceptionAsType => {
            &[Py, Go, Java]
        }
        Code::ApacheLegacyReservedWord => &[Go, Java],
        Code::GoNameCollision | Code::GoGeneratedMemberClash | Code::GoMainPackage => &[Go],
        Code::GoRenamedIdentifier => &[],
        Code::JavaNameCollision
        | Code::JavaGeneratedMemberClash
        | Code::JavaKeywordUnescaped
        | Code::JavaDefaultPackageInclude => &[Java],
        Code::ThriftgoDuplicateEnumValue
        | Code::ThriftgoOnewayNotVoid
        | Code::ThriftgoRenamedIdentifier => &[Thriftgo],
        _ => &[],
    }
}

#[cfg(test)]
mod tests;
