//! Per-file summaries: what a file exports, without positions.
//!
//! A summary is what other files can see of a file: its includes, its
//! definitions and their shapes. It holds no offsets, comments or default
//! values, so it stays equal under edits that do not change the file's
//! exported shape, and files that include it need no recheck then.

use thrift_syntax::{
    AstNode, SyntaxKind,
    ast::{self, HasFields, HasName, Requiredness},
};

/// A base type keyword.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BaseType {
    Bool,
    Byte,
    I8,
    I16,
    I32,
    I64,
    Double,
    String,
    Binary,
    Uuid,
    Slist,
}

impl BaseType {
    pub fn from_keyword(text: &str) -> Option<BaseType> {
        Some(match text {
            "bool" => BaseType::Bool,
            "byte" => BaseType::Byte,
            "i8" => BaseType::I8,
            "i16" => BaseType::I16,
            "i32" => BaseType::I32,
            "i64" => BaseType::I64,
            "double" => BaseType::Double,
            "string" => BaseType::String,
            "binary" => BaseType::Binary,
            "uuid" => BaseType::Uuid,
            "slist" => BaseType::Slist,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            BaseType::Bool => "bool",
            BaseType::Byte => "byte",
            BaseType::I8 => "i8",
            BaseType::I16 => "i16",
            BaseType::I32 => "i32",
            BaseType::I64 => "i64",
            BaseType::Double => "double",
            BaseType::String => "string",
            BaseType::Binary => "binary",
            BaseType::Uuid => "uuid",
            BaseType::Slist => "slist",
        }
    }

    /// The range of an integer type.
    pub fn int_range(self) -> Option<(i64, i64)> {
        Some(match self {
            BaseType::Byte | BaseType::I8 => (i8::MIN.into(), i8::MAX.into()),
            BaseType::I16 => (i16::MIN.into(), i16::MAX.into()),
            BaseType::I32 => (i32::MIN.into(), i32::MAX.into()),
            BaseType::I64 => (i64::MIN, i64::MAX),
            _ => return None,
        })
    }
}

/// A type as written: names are not resolved here.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TypeRef {
    Base(BaseType),
    /// `Foo` or `inc.Foo`.
    Named(String),
    List(Box<TypeRef>),
    Set(Box<TypeRef>),
    Map(Box<TypeRef>, Box<TypeRef>),
    Void,
    /// fbthrift's `stream<T>` (the element type).
    Stream(Box<TypeRef>),
    /// fbthrift's `sink<T, F>`.
    Sink(Box<TypeRef>, Box<TypeRef>),
    /// Missing from the source (a syntax error).
    Missing,
}

impl TypeRef {
    pub fn from_ast(ty: Option<ast::Type>) -> TypeRef {
        ty.map_or(TypeRef::Missing, |ty| {
            TypeRef::from_green(&ty.syntax().green())
        })
    }

    /// [`TypeRef::from_ast`], read from the green tree: no cursor per part
    /// (the types of every field of every file are read, twice).
    fn from_green(green: &rowan::GreenNodeData) -> TypeRef {
        let kind = |raw: rowan::SyntaxKind| SyntaxKind::from(raw.0);
        // The type's own types (elements, key and value), in order.
        let mut types = green
            .children()
            .filter_map(|c| c.into_node())
            .filter(|n| ast::Type::can_cast(kind(n.kind())));
        let mut next = || Box::new(types.next().map_or(TypeRef::Missing, TypeRef::from_green));
        match kind(green.kind()) {
            SyntaxKind::BASE_TYPE => green
                .children()
                .filter_map(|c| c.into_token())
                .find(|t| {
                    let k = kind(t.kind());
                    !k.is_trivia() && k != SyntaxKind::ERROR_TOKEN
                })
                .and_then(|k| BaseType::from_keyword(k.text()))
                .map_or(TypeRef::Missing, TypeRef::Base),
            SyntaxKind::NAMED_TYPE => green
                .children()
                .filter_map(|c| c.into_node())
                .find(|n| kind(n.kind()) == SyntaxKind::PATH)
                .map_or(TypeRef::Missing, |p| {
                    TypeRef::Named(ast::green_significant_text(p))
                }),
            SyntaxKind::LIST_TYPE => TypeRef::List(next()),
            SyntaxKind::SET_TYPE => TypeRef::Set(next()),
            SyntaxKind::MAP_TYPE => {
                let key = next();
                TypeRef::Map(key, next())
            }
            SyntaxKind::STREAM_TYPE => TypeRef::Stream(next()),
            SyntaxKind::SINK_TYPE => {
                let element = next();
                TypeRef::Sink(element, next())
            }
            SyntaxKind::VOID_TYPE => TypeRef::Void,
            _ => TypeRef::Missing,
        }
    }

    /// The type as Thrift source: `map<string, inc.Foo>`.
    pub fn display(&self) -> String {
        match self {
            TypeRef::Base(b) => b.as_str().to_string(),
            TypeRef::Named(n) => n.clone(),
            TypeRef::List(t) => format!("list<{}>", t.display()),
            TypeRef::Set(t) => format!("set<{}>", t.display()),
            TypeRef::Map(k, v) => format!("map<{}, {}>", k.display(), v.display()),
            TypeRef::Void => "void".to_string(),
            TypeRef::Stream(t) => format!("stream<{}>", t.display()),
            TypeRef::Sink(t, f) => format!("sink<{}, {}>", t.display(), f.display()),
            TypeRef::Missing => "<missing>".to_string(),
        }
    }
}

/// A field of a struct, union, exception, argument list or throws list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FieldSummary {
    /// The id as written (`None` when omitted).
    pub id: Option<i64>,
    pub name: String,
    pub ty: TypeRef,
    pub requiredness: Requiredness,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FunctionSummary {
    pub name: String,
    pub oneway: bool,
    pub return_type: TypeRef,
    pub params: Vec<FieldSummary>,
    pub throws: Vec<FieldSummary>,
}

/// What kind of thing a definition is, with its shape.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DefKind {
    Struct {
        fields: Vec<FieldSummary>,
    },
    Union {
        fields: Vec<FieldSummary>,
    },
    Exception {
        fields: Vec<FieldSummary>,
    },
    /// Values with their numbers (implicit ones counted as the compiler does).
    Enum {
        values: Vec<(String, i64)>,
    },
    Senum,
    Typedef {
        target: TypeRef,
    },
    Const {
        ty: TypeRef,
    },
    Service {
        extends: Option<String>,
        functions: Vec<FunctionSummary>,
    },
    /// fbthrift's interactions.
    Interaction {
        functions: Vec<FunctionSummary>,
    },
}

impl DefKind {
    /// `struct`, `enum`, ….
    pub fn keyword(&self) -> &'static str {
        match self {
            DefKind::Struct { .. } => "struct",
            DefKind::Union { .. } => "union",
            DefKind::Exception { .. } => "exception",
            DefKind::Enum { .. } => "enum",
            DefKind::Senum => "senum",
            DefKind::Typedef { .. } => "typedef",
            DefKind::Const { .. } => "const",
            DefKind::Service { .. } => "service",
            DefKind::Interaction { .. } => "interaction",
        }
    }

    /// Types are what fields and typedefs can name.
    pub fn is_type(&self) -> bool {
        !matches!(self, DefKind::Const { .. } | DefKind::Service { .. })
    }

    pub fn fields(&self) -> Option<&[FieldSummary]> {
        match self {
            DefKind::Struct { fields }
            | DefKind::Union { fields }
            | DefKind::Exception { fields } => Some(fields),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DefSummary {
    pub name: String,
    pub kind: DefKind,
}

/// An `include` as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IncludeSummary {
    /// The path in quotes.
    pub path: String,
    /// The name other files use to refer into it: the file name without
    /// its extension (`shared` for `"inc/shared.thrift"`).
    pub prefix: String,
}

/// Everything a file exports.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct FileSummary {
    pub includes: Vec<IncludeSummary>,
    pub namespaces: Vec<(String, String)>,
    pub definitions: Vec<DefSummary>,
    /// The positions in `definitions`, sorted by name (then position):
    /// [`FileSummary::definition`] is a binary search, not a scan per
    /// reference (a file of N definitions naming each other was
    /// quadratic). Built by [`summarize`]; derived from `definitions`,
    /// so equality and hashing are unchanged by it.
    by_name: Vec<u32>,
}

impl FileSummary {
    /// Drops spare capacity: a workspace holds thousands of summaries for
    /// as long as the server runs.
    fn shrink(&mut self) {
        fn fields(f: &mut Vec<FieldSummary>) {
            f.shrink_to_fit();
        }
        fn functions(fs: &mut Vec<FunctionSummary>) {
            for f in fs.iter_mut() {
                fields(&mut f.params);
                fields(&mut f.throws);
            }
            fs.shrink_to_fit();
        }
        self.includes.shrink_to_fit();
        self.namespaces.shrink_to_fit();
        for d in &mut self.definitions {
            match &mut d.kind {
                DefKind::Struct { fields: f }
                | DefKind::Union { fields: f }
                | DefKind::Exception { fields: f } => fields(f),
                DefKind::Enum { values } => values.shrink_to_fit(),
                DefKind::Service { functions: f, .. } | DefKind::Interaction { functions: f } => {
                    functions(f)
                }
                DefKind::Senum | DefKind::Typedef { .. } | DefKind::Const { .. } => {}
            }
        }
        self.definitions.shrink_to_fit();
    }

    /// The first definition named `name`, and its position.
    pub fn definition(&self, name: &str) -> Option<(usize, &DefSummary)> {
        if self.by_name.len() != self.definitions.len() {
            // Not built by `summarize` (e.g. `Default`, then pushed to).
            return self
                .definitions
                .iter()
                .enumerate()
                .find(|(_, d)| d.name == name);
        }
        let at = self
            .by_name
            .partition_point(|&i| self.definitions[i as usize].name.as_str() < name);
        let i = *self.by_name.get(at)? as usize;
        let d = &self.definitions[i];
        (d.name == name).then_some((i, d))
    }

    /// Sorts the definitions' positions by name (see `by_name`).
    fn index_names(&mut self) {
        let defs = &self.definitions;
        let mut by_name: Vec<u32> = (0..defs.len() as u32).collect();
        by_name.sort_by(|&a, &b| {
            defs[a as usize]
                .name
                .cmp(&defs[b as usize].name)
                .then(a.cmp(&b))
        });
        self.by_name = by_name;
    }
}

/// The prefix of an include path: its file name without the extension.
pub fn include_prefix(path: &str) -> String {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    match name.rfind('.') {
        Some(dot) if dot > 0 => name[..dot].to_string(),
        _ => name.to_string(),
    }
}

pub(crate) fn fields_of(list: impl Iterator<Item = ast::Field>) -> Vec<FieldSummary> {
    list.map(|f| FieldSummary {
        id: f.field_id().and_then(|id| id.value()),
        name: f.name().map(|n| n.text()).unwrap_or_default(),
        ty: TypeRef::from_ast(f.ty()),
        requiredness: f.requiredness(),
    })
    .collect()
}

/// The values of an enum with their numbers: an implicit value is the
/// previous one plus one, starting at 0.
pub fn enum_values(e: &ast::Enum) -> Vec<(String, i64)> {
    let mut next = 0i64;
    e.values()
        .map(|v| {
            let value = v.value_int().unwrap_or(next);
            next = value.wrapping_add(1);
            (v.name().map(|n| n.text()).unwrap_or_default(), value)
        })
        .collect()
}

pub fn summarize(file: &ast::SourceFile) -> FileSummary {
    let mut summary = FileSummary::default();
    for item in file.items() {
        match item {
            ast::Item::Include(inc) => {
                if let Some(path) = inc.path() {
                    // fbthrift: an alias replaces the file name.
                    let prefix = inc.alias().unwrap_or_else(|| include_prefix(&path));
                    summary.includes.push(IncludeSummary { path, prefix });
                }
            }
            ast::Item::Namespace(ns) => {
                let scope = ns.scope().map(|s| s.text()).unwrap_or_default();
                summary
                    .namespaces
                    .push((scope, ns.value_text().unwrap_or_default()));
            }
            ast::Item::CppInclude(_) | ast::Item::Package(_) => {}
            ast::Item::Interaction(i) => {
                let functions = i.functions().map(|f| function_summary(&f)).collect();
                push(&mut summary, i.name(), DefKind::Interaction { functions });
            }
            ast::Item::Typedef(t) => push(
                &mut summary,
                t.name(),
                DefKind::Typedef {
                    target: TypeRef::from_ast(t.target()),
                },
            ),
            ast::Item::Const(c) => push(
                &mut summary,
                c.name(),
                DefKind::Const {
                    ty: TypeRef::from_ast(c.ty()),
                },
            ),
            ast::Item::Enum(e) => push(
                &mut summary,
                e.name(),
                DefKind::Enum {
                    values: enum_values(&e),
                },
            ),
            ast::Item::Senum(s) => push(&mut summary, s.name(), DefKind::Senum),
            ast::Item::Struct(s) => push(
                &mut summary,
                s.name(),
                DefKind::Struct {
                    fields: fields_of(s.fields().into_iter()),
                },
            ),
            ast::Item::Union(s) => push(
                &mut summary,
                s.name(),
                DefKind::Union {
                    fields: fields_of(s.fields().into_iter()),
                },
            ),
            ast::Item::Exception(s) => push(
                &mut summary,
                s.name(),
                DefKind::Exception {
                    fields: fields_of(s.fields().into_iter()),
                },
            ),
            ast::Item::Service(s) => {
                let functions = s.functions().map(|f| function_summary(&f)).collect();
                let extends = s.extends().and_then(|e| e.path()).map(|p| p.text());
                push(
                    &mut summary,
                    s.name(),
                    DefKind::Service { extends, functions },
                );
            }
        }
    }
    summary.shrink();
    summary.index_names();
    summary
}

fn function_summary(f: &ast::Function) -> FunctionSummary {
    FunctionSummary {
        name: f.name().map(|n| n.text()).unwrap_or_default(),
        oneway: f.oneway_token().is_some(),
        return_type: TypeRef::from_ast(f.return_type()),
        params: fields_of(f.params().into_iter()),
        throws: fields_of(
            f.throws()
                .map(|t| t.fields())
                .unwrap_or_default()
                .into_iter(),
        ),
    }
}

fn push(summary: &mut FileSummary, name: Option<ast::Name>, kind: DefKind) {
    // A definition without a name (a syntax error) exports nothing.
    if let Some(name) = name.map(|n| n.text()).filter(|n| !n.is_empty()) {
        summary.definitions.push(DefSummary { name, kind });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`TypeRef::from_ast`] as it was written over the typed tree, before
    /// it read the green tree.
    fn from_typed_tree(ty: Option<ast::Type>) -> TypeRef {
        let Some(ty) = ty else {
            return TypeRef::Missing;
        };
        let from = from_typed_tree;
        match ty {
            ast::Type::BaseType(b) => b
                .keyword()
                .and_then(|k| BaseType::from_keyword(k.text()))
                .map_or(TypeRef::Missing, TypeRef::Base),
            ast::Type::NamedType(n) => n
                .path()
                .map_or(TypeRef::Missing, |p| TypeRef::Named(p.text())),
            ast::Type::ListType(l) => TypeRef::List(Box::new(from(l.element_type()))),
            ast::Type::SetType(s) => TypeRef::Set(Box::new(from(s.element_type()))),
            ast::Type::MapType(m) => {
                TypeRef::Map(Box::new(from(m.key_type())), Box::new(from(m.value_type())))
            }
            ast::Type::StreamType(t) => TypeRef::Stream(Box::new(from(t.element_type()))),
            ast::Type::SinkType(t) => TypeRef::Sink(
                Box::new(from(t.element_type())),
                Box::new(from(t.final_type())),
            ),
            ast::Type::VoidType(_) => TypeRef::Void,
        }
    }

    /// Every type of the compiler and target test files, and of broken
    /// ones, reads the same from the green tree as from the typed tree.
    #[test]
    fn types_read_from_the_green_tree_as_from_the_typed_tree() {
        let mut texts = vec![
            "typedef map<string, list<set<inc.T>>> M\n".to_string(),
            "service S { stream<i32> f(1: list<>) sink<i32, string> g() }\n".to_string(),
            "struct S { 1: map<i32 x; 2: list<> l; 3: binary (a = \"b\") b }\n".to_string(),
        ];
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut dirs = vec![
            root.join("test_data"),
            root.join("../thrift-syntax/test_data"),
        ];
        while let Some(dir) = dirs.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "thrift")
                    && let Ok(text) = std::fs::read_to_string(&path)
                {
                    texts.push(text);
                }
            }
        }
        assert!(texts.len() > 100, "{} files", texts.len());
        let mut types = 0;
        for text in &texts {
            let tree = thrift_syntax::parse(text).tree();
            for node in tree.syntax().descendants() {
                if let Some(ty) = ast::Type::cast(node) {
                    types += 1;
                    assert_eq!(
                        TypeRef::from_ast(Some(ty.clone())),
                        from_typed_tree(Some(ty.clone())),
                        "{}",
                        ty.syntax().text()
                    );
                }
            }
        }
        assert!(types > 1000, "{types} types");
    }

    fn summary(text: &str) -> FileSummary {
        summarize(&thrift_syntax::parse(text).tree())
    }

    #[test]
    fn definitions_by_name_find_the_first_of_a_name() {
        let s = summary("struct B {}\nenum A { X }\nconst i32 B = 1\ntypedef i32 C\nstruct AA {}");
        assert_eq!(s.definition("A").map(|(i, _)| i), Some(1));
        // A duplicate: the first, as a scan would find.
        assert_eq!(s.definition("B").map(|(i, _)| i), Some(0));
        assert_eq!(s.definition("AA").map(|(i, _)| i), Some(4));
        assert_eq!(s.definition("C").map(|(i, _)| i), Some(3));
        assert!(s.definition("D").is_none() && s.definition("").is_none());
        // Built by hand (no index): still found.
        let mut by_hand = FileSummary::default();
        by_hand.definitions.push(s.definitions[2].clone());
        assert_eq!(by_hand.definition("B").map(|(i, _)| i), Some(0));
    }

    #[test]
    fn prefixes() {
        assert_eq!(include_prefix("shared.thrift"), "shared");
        assert_eq!(include_prefix("a/b/shared.thrift"), "shared");
        assert_eq!(include_prefix("/abs/x.y.thrift"), "x.y");
        assert_eq!(include_prefix("noext"), "noext");
    }

    #[test]
    fn summary_ignores_whitespace_comments_and_defaults() {
        let a = summary("include \"s.thrift\"\nstruct A { 1: i32 x = 1 }\nenum E { A, B = 5, C }");
        let b = summary(
            "include \"s.thrift\"\n\n// hi\nstruct A {\n  /** doc */ 1: i32 x = 42, // c\n}\nenum E { A; B = 5; C; }",
        );
        assert_eq!(a, b);
        let c = summary("include \"s.thrift\"\nstruct A { 1: i64 x = 1 }\nenum E { A, B = 5, C }");
        assert_ne!(a, c);
        assert_eq!(
            a.definitions[1].kind,
            DefKind::Enum {
                values: vec![("A".into(), 0), ("B".into(), 5), ("C".into(), 6)]
            }
        );
    }
}
