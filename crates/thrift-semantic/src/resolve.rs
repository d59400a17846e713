//! Name resolution: types, consts and enum values, across includes.

use thrift_syntax::{
    TextRange,
    ast::{self, HasName},
};

use crate::{
    Database, FileId,
    summary::{BaseType, DefKind, DefSummary, TypeRef},
};

/// A definition: the `index`-th named definition of `file`'s summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DefRef {
    pub file: FileId,
    pub index: usize,
}

/// The outcome of resolving a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    Found(DefRef),
    /// `x.Foo` where no included file has the prefix `x`.
    UnknownPrefix(String),
    NotFound,
}

/// The outcome of resolving a const reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConstResolution {
    Const(DefRef),
    /// An enum's value: the enum and the value's index in it.
    EnumValue(DefRef, usize),
    UnknownPrefix(String),
    NotFound,
}

/// A type with names resolved and typedefs followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ty {
    Base(BaseType),
    List(Box<Ty>),
    Set(Box<Ty>),
    Map(Box<Ty>, Box<Ty>),
    /// A struct, union, exception, enum or senum.
    Def(DefRef),
    Void,
    /// Unresolved or missing (already reported elsewhere).
    Unknown,
}

impl Database {
    pub fn def(&self, def: DefRef) -> Option<&DefSummary> {
        self.summary(def.file)?.definitions.get(def.index)
    }

    /// The definitions of `file` whose kind matches `keep`, in order.
    pub(crate) fn defs_where(&self, file: FileId, keep: impl Fn(&DefKind) -> bool) -> Vec<DefRef> {
        self.summary(file).map_or_else(Vec::new, |s| {
            s.definitions
                .iter()
                .enumerate()
                .filter(|(_, d)| keep(&d.kind))
                .map(|(index, _)| DefRef { file, index })
                .collect()
        })
    }

    /// The files an include prefix of `file` refers to.
    pub(crate) fn files_with_prefix(&self, file: FileId, prefix: &str) -> Vec<FileId> {
        let Some(summary) = self.summary(file) else {
            return Vec::new();
        };
        summary
            .includes
            .iter()
            .filter(|inc| inc.prefix == prefix)
            .filter_map(|inc| self.resolve_include(file, &inc.path))
            .collect()
    }

    pub(crate) fn has_prefix(&self, file: FileId, prefix: &str) -> bool {
        self.summary(file)
            .is_some_and(|s| s.includes.iter().any(|inc| inc.prefix == prefix))
    }

    fn find_def(&self, file: FileId, name: &str) -> Option<DefRef> {
        let (index, _) = self.summary(file)?.definition(name)?;
        Some(DefRef { file, index })
    }

    /// Resolves a type or service name as written in `file`: `Foo`, or
    /// `inc.Foo` for a definition of an included file. A prefix may itself
    /// contain dots (`include "a.b.thrift"` gives `a.b.Foo`).
    pub fn resolve_name(&self, file: FileId, name: &str) -> Resolution {
        if self.is_fbthrift(file)
            && let Some(found) = self.fb_resolve_name(file, name)
        {
            return Resolution::Found(found);
        }
        let Some((prefix, rest)) = name.rsplit_once('.') else {
            return self
                .find_def(file, name)
                .map_or(Resolution::NotFound, Resolution::Found);
        };
        if let Some(found) = self
            .files_with_prefix(file, prefix)
            .into_iter()
            .find_map(|f| self.find_def(f, rest))
        {
            return Resolution::Found(found);
        }
        // fbthrift: a file's own name is a prefix too.
        if self.has_prefix(file, prefix)
            || (self.is_fbthrift(file) && self.program_name(file) == Some(prefix))
        {
            Resolution::NotFound
        } else {
            Resolution::UnknownPrefix(prefix.split('.').next().unwrap_or(prefix).to_string())
        }
    }

    /// The value `value` of the enum `enum_name` defined in `file`.
    fn enum_value_in(&self, file: FileId, enum_name: &str, value: &str) -> Option<ConstResolution> {
        let def = self.find_def(file, enum_name)?;
        match &self.def(def)?.kind {
            DefKind::Enum { values } => {
                let i = values.iter().position(|(n, _)| n == value)?;
                Some(ConstResolution::EnumValue(def, i))
            }
            _ => None,
        }
    }

    /// Resolves a const reference: `C`, `Enum.VALUE`, `inc.C`, `inc.Enum.VALUE`
    /// (the include prefix may contain dots).
    pub fn resolve_const(&self, file: FileId, name: &str) -> ConstResolution {
        if self.is_fbthrift(file)
            && let Some(found) = self.fb_resolve_const(file, name)
        {
            return found;
        }
        let parts: Vec<&str> = name.split('.').collect();
        let local = |f: FileId, parts: &[&str]| -> Option<ConstResolution> {
            match parts {
                [c] => {
                    let def = self.find_def(f, c)?;
                    matches!(self.def(def)?.kind, DefKind::Const { .. })
                        .then_some(ConstResolution::Const(def))
                }
                [e, v] => self.enum_value_in(f, e, v),
                _ => None,
            }
        };
        if let Some(found) = local(file, &parts) {
            return found;
        }
        let mut any_prefix = false;
        for split in 1..parts.len() {
            let prefix = parts[..split].join(".");
            if !self.has_prefix(file, &prefix) {
                continue;
            }
            any_prefix = true;
            for f in self.files_with_prefix(file, &prefix) {
                if let Some(found) = local(f, &parts[split..]) {
                    return found;
                }
            }
        }
        let local_first = (parts.len() == 2 && self.find_def(file, parts[0]).is_some())
            || (self.is_fbthrift(file) && self.program_name(file) == Some(parts[0]));
        if parts.len() >= 2 && !any_prefix && !local_first {
            return ConstResolution::UnknownPrefix(parts[0].to_string());
        }
        ConstResolution::NotFound
    }

    /// The programs of fbthrift's scope that `file` sees under the program
    /// name `name`, the one that wins first.
    ///
    /// fbthrift keys every definition of a compilation by its program's
    /// name (the file name without its extension) in one global scope, and
    /// resolves `p.Foo` there as `(p, Foo)`, and an unqualified `Foo` as
    /// `(own name, Foo)`; a later definition under the same key replaces an
    /// earlier one, and the file's own definitions come last. So `file`
    /// itself answers to its own name (`ctrl.Counter` inside
    /// `ctrl.thrift`), and so does every file it includes that has the same
    /// file name (`y/model.thrift` sees the types of `../x/model.thrift`
    /// unqualified), the later include first. An include's alias does not
    /// change its program's name. Programs it does not include directly are
    /// in the global scope too, but fbthrift rejects a type taken from them
    /// ("depends on a type that it did not include"), so they are left out.
    ///
    /// `None` stands for the file's own name, which the caller may not have
    /// given ([`Database::set_file_name`]).
    fn fb_programs_named(&self, file: FileId, name: Option<&str>) -> Vec<FileId> {
        let own = self.program_name(file);
        let name = match (name, own) {
            (None, None) => return vec![file],
            (None, Some(own)) => own,
            (Some(name), _) => name,
        };
        let mut out = Vec::new();
        if own == Some(name) {
            out.push(file);
        }
        if let Some(summary) = self.summary(file) {
            for inc in summary.includes.iter().rev() {
                if crate::summary::include_prefix(&inc.path) == name
                    && let Some(f) = self.resolve_include(file, &inc.path)
                    && !out.contains(&f)
                {
                    out.push(f);
                }
            }
        }
        out
    }

    /// Whether `prefix` is the alias of one of `file`'s includes: a name
    /// through an alias resolves in that include only (fbthrift).
    fn is_alias(&self, file: FileId, prefix: &str) -> bool {
        self.summary(file).is_some_and(|s| {
            s.includes.iter().any(|inc| {
                inc.prefix == prefix && crate::summary::include_prefix(&inc.path) != prefix
            })
        })
    }

    /// fbthrift's resolution of a type or service name (see
    /// [`Database::fb_programs_named`]); `None` leaves it to the common rules.
    fn fb_resolve_name(&self, file: FileId, name: &str) -> Option<DefRef> {
        let (scope, rest) = match name.split_once('.') {
            None => (None, name),
            Some((p, rest)) if !self.is_alias(file, p) && !rest.contains('.') => (Some(p), rest),
            // Through an alias, or a dotted include prefix: the common rules.
            Some(_) => return None,
        };
        self.fb_programs_named(file, scope)
            .into_iter()
            .find_map(|f| self.find_def(f, rest))
    }

    /// fbthrift's resolution of a const reference: `C`, `p.C`, `E.V`,
    /// `p.E.V`, and an enum value by its bare name (`V`, `p.V`), which
    /// fbthrift puts in its program's scope too.
    fn fb_resolve_const(&self, file: FileId, name: &str) -> Option<ConstResolution> {
        // In `program`: a const or a bare enum value `n`, or `e.v`.
        let lookup = |program: FileId, parts: &[&str]| -> Option<ConstResolution> {
            let summary = self.summary(program)?;
            match parts {
                [n] => {
                    if let Some(def) = self.find_def(program, n)
                        && matches!(self.def(def)?.kind, DefKind::Const { .. })
                    {
                        return Some(ConstResolution::Const(def));
                    }
                    summary
                        .definitions
                        .iter()
                        .enumerate()
                        .find_map(|(index, d)| match &d.kind {
                            DefKind::Enum { values } => {
                                let i = values.iter().position(|(v, _)| v == n)?;
                                Some(ConstResolution::EnumValue(
                                    DefRef {
                                        file: program,
                                        index,
                                    },
                                    i,
                                ))
                            }
                            _ => None,
                        })
                }
                [e, v] => self.enum_value_in(program, e, v),
                _ => None,
            }
        };
        let parts: Vec<&str> = name.split('.').collect();
        let in_programs = |scope: Option<&str>, parts: &[&str]| {
            self.fb_programs_named(file, scope)
                .into_iter()
                .find_map(|f| lookup(f, parts))
        };
        match parts.as_slice() {
            [_] => in_programs(None, &parts),
            [p, ..] if self.is_alias(file, p) => None,
            // `p.C` or `p.V` in a program `p`, else `E.V` in this program.
            [p, _] => in_programs(Some(p), &parts[1..]).or_else(|| in_programs(None, &parts)),
            [p, _, _] => in_programs(Some(p), &parts[1..]),
            _ => None,
        }
    }

    /// Resolves a type written in `file`, following typedefs (with a guard
    /// against cycles).
    pub fn resolve_type(&self, file: FileId, ty: &TypeRef) -> Ty {
        self.resolve_type_depth(file, ty, 0)
    }

    fn resolve_type_depth(&self, file: FileId, ty: &TypeRef, depth: u32) -> Ty {
        if depth > 64 {
            return Ty::Unknown;
        }
        match ty {
            TypeRef::Base(b) => Ty::Base(*b),
            TypeRef::List(t) => Ty::List(Box::new(self.resolve_type_depth(file, t, depth + 1))),
            TypeRef::Set(t) => Ty::Set(Box::new(self.resolve_type_depth(file, t, depth + 1))),
            TypeRef::Map(k, v) => Ty::Map(
                Box::new(self.resolve_type_depth(file, k, depth + 1)),
                Box::new(self.resolve_type_depth(file, v, depth + 1)),
            ),
            TypeRef::Void => Ty::Void,
            TypeRef::Stream(_) | TypeRef::Sink(..) => Ty::Unknown,
            TypeRef::Missing => Ty::Unknown,
            TypeRef::Named(name) => match self.resolve_name(file, name) {
                Resolution::Found(def) => match self.def(def).map(|d| &d.kind) {
                    Some(DefKind::Typedef { target }) => {
                        self.resolve_type_depth(def.file, target, depth + 1)
                    }
                    Some(kind) if kind.is_type() => Ty::Def(def),
                    _ => Ty::Unknown,
                },
                _ => Ty::Unknown,
            },
        }
    }

    /// The syntax node of a definition.
    pub fn def_node(&self, def: DefRef) -> Option<ast::Definition> {
        let parse = self.parse(def.file)?;
        parse
            .tree()
            .definitions()
            .filter(|d| d.name().is_some_and(|n| !n.text().is_empty()))
            .nth(def.index)
    }

    /// The range of a definition's name (for "defined here" notes and
    /// go-to-definition).
    pub fn def_name_range(&self, def: DefRef) -> Option<TextRange> {
        let (_, name) = self.index(def.file)?.definitions.get(def.index)?;
        Some(*name)
    }

    /// The range of a whole definition.
    pub fn def_range(&self, def: DefRef) -> Option<TextRange> {
        let (range, _) = self.index(def.file)?.definitions.get(def.index)?;
        Some(*range)
    }

    /// The name of a type as a person reads it: `struct shared.User`.
    pub fn describe_def(&self, def: DefRef) -> String {
        match self.def(def) {
            Some(d) => format!("{} `{}`", d.kind.keyword(), d.name),
            None => "a definition".to_string(),
        }
    }
}
