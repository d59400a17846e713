//! The comparison: definitions, fields, enums, services, typedefs,
//! consts, namespaces.

use std::collections::{HashMap, HashSet};

use thrift_semantic::{
    Database, DefKind, DefRef, FileId, Resolution, Ty, TypeRef,
    summary::{FieldSummary, FunctionSummary},
};
use thrift_syntax::{
    AstNode, Dialect, SyntaxElement, SyntaxKind, SyntaxNode, TextRange, TextSize,
    ast::{self, HasFields, HasName, Requiredness},
};

use crate::{Finding, Location, Options, Side, Snapshot, rules::*};
use Requiredness::{Default, Optional, Required};

struct Cx<'a> {
    old: Snapshot<'a>,
    new: Snapshot<'a>,
    options: &'a Options,
    findings: Vec<Finding>,
    /// Names of every definition loaded in each version (includes too).
    old_names: HashSet<String>,
    new_names: HashSet<String>,
}

pub(crate) fn run(old: Snapshot<'_>, new: Snapshot<'_>, options: &Options) -> Vec<Finding> {
    let names = |db: &Database| -> HashSet<String> {
        db.file_ids()
            .into_iter()
            .filter_map(|f| db.summary(f))
            .flat_map(|s| s.definitions.iter().map(|d| d.name.clone()))
            .collect()
    };
    let mut cx = Cx {
        old,
        new,
        options,
        findings: Vec::new(),
        old_names: names(old.db),
        new_names: names(new.db),
    };
    let new_by_key: HashMap<&str, FileId> =
        new.files.iter().map(|(k, id)| (k.as_str(), *id)).collect();
    // Every definition of the new files by name, to find moves.
    let mut new_defs: HashMap<&str, Vec<DefRef>> = HashMap::new();
    for (_, file) in new.files {
        if let Some(summary) = new.db.summary(*file) {
            for (index, def) in summary.definitions.iter().enumerate() {
                new_defs
                    .entry(def.name.as_str())
                    .or_default()
                    .push(DefRef { file: *file, index });
            }
        }
    }
    for (key, old_file) in old.files {
        let Some(old_summary) = old.db.summary(*old_file) else {
            continue;
        };
        let new_file = new_by_key.get(key.as_str()).copied();
        // Definitions of the same file by name, one to one: with duplicate
        // names, the k-th old one is the k-th new one.
        let new_summary = new_file.and_then(|f| new.db.summary(f));
        let pairs = match new_summary {
            Some(s) => match_items(
                &old_summary.definitions,
                &s.definitions,
                &[&|a, b| a.name == b.name],
            ),
            None => vec![None; old_summary.definitions.len()],
        };
        let dialect = new_file
            .and_then(|f| new.db.parse(f))
            .or_else(|| old.db.parse(*old_file))
            .map_or(Dialect::Apache, |p| p.dialect());
        let fc = FileCx {
            old_file: *old_file,
            new_file,
            dialect,
        };
        match new_file {
            None => {
                if cx.active(&FILE_NO_DELETE, dialect) {
                    cx.push(
                        &fc,
                        &FILE_NO_DELETE,
                        Location {
                            side: Side::Old,
                            file: *old_file,
                            range: TextRange::empty(TextSize::from(0)),
                        },
                        None,
                        format!("file `{key}` was deleted"),
                    );
                    // The file's contents are not reported one by one.
                    continue;
                }
            }
            Some(new_file) => cx.namespaces(&fc, new_file),
        }
        for (index, old_def) in old_summary.definitions.iter().enumerate() {
            let old_ref = DefRef {
                file: *old_file,
                index,
            };
            let same_file = new_file.and_then(|f| {
                // A duplicate that is gone: compared with the one left.
                let i = pairs[index].or_else(|| Some(new_summary?.definition(&old_def.name)?.0))?;
                Some(DefRef { file: f, index: i })
            });
            let moved = || {
                let candidates = new_defs.get(old_def.name.as_str())?;
                (candidates.len() == 1).then(|| candidates[0])
            };
            match same_file.or_else(moved) {
                Some(new_ref) => {
                    if Some(new_ref.file) != new_file {
                        cx.push(
                            &fc,
                            &TYPE_NO_MOVE_FILE,
                            cx.new_loc(new_ref.file, new.db.def_name_range(new_ref)),
                            Some(cx.old_loc(old_ref.file, old.db.def_name_range(old_ref))),
                            format!(
                                "{} `{}` moved from `{}` to `{}`",
                                old_def.kind.keyword(),
                                old_def.name,
                                key,
                                cx.new_key(new_ref.file)
                            ),
                        );
                    }
                    cx.definition(&fc, old_ref, new_ref);
                }
                None => cx.deleted_definition(&fc, old_ref),
            }
        }
    }
    cx.findings
}

struct FileCx {
    old_file: FileId,
    new_file: Option<FileId>,
    dialect: Dialect,
}

/// Where a field list lives, and which rules apply to it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ListKind {
    Fields,
    Args,
}

/// The path from a definition to a field list.
#[derive(Clone, Copy)]
enum FieldsAt {
    Def,
    Params(usize),
}

impl<'a> Cx<'a> {
    /// Whether types `a` (old) and `b` (new) encode the same, in JSON
    /// protocols too with `json`.
    fn compatible(&self, (a, b): (&Wire, &Wire), json: bool, texts: (&str, &str)) -> bool {
        let renamed = |x: &str, y: &str| !self.new_names.contains(x) && !self.old_names.contains(y);
        wire_compatible(a, b, json, texts, &renamed)
    }

    fn active(&self, rule: &Rule, dialect: Dialect) -> bool {
        self.options.is_active(rule, dialect)
    }

    fn push(
        &mut self,
        fc: &FileCx,
        rule: &'static Rule,
        location: Location,
        previous: Option<Location>,
        message: String,
    ) {
        self.push_family(fc, vec![(rule, location, previous, message)]);
    }

    /// Pushes the findings of one change, judged by the rules of several
    /// levels (`FIELD_SAME_TYPE`, `FIELD_WIRE_JSON_COMPATIBLE_TYPE`,
    /// `FIELD_WIRE_COMPATIBLE_TYPE`): each breaks the most lenient category
    /// any of them reports, whichever rules run.
    fn push_family(
        &mut self,
        fc: &FileCx,
        family: Vec<(&'static Rule, Location, Option<Location>, String)>,
    ) {
        let dialect = self.options.dialect.unwrap_or(fc.dialect);
        let Some(breaks) = family.iter().map(|f| f.0.category(dialect)).max() else {
            return;
        };
        for (rule, location, previous, message) in family {
            if self.options.is_active(rule, dialect) {
                self.findings.push(Finding {
                    rule,
                    dialect,
                    breaks,
                    location,
                    previous,
                    message,
                });
            }
        }
    }

    fn new_loc(&self, file: FileId, range: Option<TextRange>) -> Location {
        Location {
            side: Side::New,
            file,
            range: range.unwrap_or_default(),
        }
    }

    fn old_loc(&self, file: FileId, range: Option<TextRange>) -> Location {
        Location {
            side: Side::Old,
            file,
            range: range.unwrap_or_default(),
        }
    }

    fn new_key(&self, file: FileId) -> &str {
        self.new
            .files
            .iter()
            .find(|(_, f)| *f == file)
            .map_or("?", |(k, _)| k.as_str())
    }

    // -----------------------------------------------------------------------
    // Files

    fn namespaces(&mut self, fc: &FileCx, new_file: FileId) {
        let (Some(old_parse), Some(new_parse)) =
            (self.old.db.parse(fc.old_file), self.new.db.parse(new_file))
        else {
            return;
        };
        let collect = |tree: ast::SourceFile| -> Vec<(String, String, TextRange)> {
            tree.namespaces()
                .filter_map(|ns| {
                    let scope = ns.scope()?.text();
                    Some((
                        scope,
                        ns.value_text().unwrap_or_default(),
                        core_range(ns.syntax()),
                    ))
                })
                .collect()
        };
        let old_ns = collect(old_parse.tree());
        let new_ns = collect(new_parse.tree());
        let effective = |list: &[(String, String, TextRange)], scope: &str| {
            list.iter()
                .rev()
                .find(|(s, _, _)| s == scope)
                .or_else(|| list.iter().rev().find(|(s, _, _)| s == "*"))
                .cloned()
        };
        let mut scopes: Vec<&str> = old_ns
            .iter()
            .chain(&new_ns)
            .map(|(s, _, _)| s.as_str())
            .collect();
        scopes.sort();
        scopes.dedup();
        for scope in scopes {
            let before = effective(&old_ns, scope);
            let after = effective(&new_ns, scope);
            let value = |v: &Option<(String, String, TextRange)>| {
                v.as_ref()
                    .map_or("none".to_string(), |(_, v, _)| format!("`{v}`"))
            };
            // Adding a namespace where there was none is not reported:
            // nobody generated code for that language with a namespace.
            if before.is_none() || before.as_ref().map(|v| &v.1) == after.as_ref().map(|v| &v.1) {
                continue;
            }
            let location = self.new_loc(
                new_file,
                Some(after.as_ref().map_or(TextRange::default(), |v| v.2)),
            );
            let previous = before
                .as_ref()
                .map(|v| self.old_loc(fc.old_file, Some(v.2)));
            let message = format!(
                "namespace `{scope}` changed from {} to {}",
                value(&before),
                value(&after)
            );
            self.push(fc, &NAMESPACE_SAME, location, previous, message);
        }
        // fbthrift's `package`.
        let package = |tree: ast::SourceFile| {
            tree.items().find_map(|item| match item {
                ast::Item::Package(p) => {
                    Some((p.name().unwrap_or_default(), core_range(p.syntax())))
                }
                _ => None,
            })
        };
        let before = package(old_parse.tree());
        let after = package(new_parse.tree());
        if before.as_ref().map(|p| &p.0) != after.as_ref().map(|p| &p.0) {
            let show = |p: &Option<(String, TextRange)>| {
                p.as_ref()
                    .map_or("none".to_string(), |(v, _)| format!("`{v}`"))
            };
            let message = format!("package changed from {} to {}", show(&before), show(&after));
            let location = self.new_loc(new_file, after.as_ref().map(|p| p.1));
            let previous = before
                .as_ref()
                .map(|p| self.old_loc(fc.old_file, Some(p.1)));
            self.push(fc, &PACKAGE_SAME, location, previous, message);
        }
    }

    // -----------------------------------------------------------------------
    // Definitions

    fn deleted_definition(&mut self, fc: &FileCx, old_ref: DefRef) {
        let Some(def) = self.old.db.def(old_ref) else {
            return;
        };
        let rule: &'static Rule = match def.kind {
            DefKind::Service { .. } | DefKind::Interaction { .. } => &SERVICE_NO_DELETE,
            DefKind::Const { .. } => &CONST_NO_DELETE,
            _ => &TYPE_NO_DELETE,
        };
        let location = match fc.new_file {
            Some(f) => self.new_loc(f, Some(TextRange::default())),
            None => self.old_loc(fc.old_file, Some(TextRange::default())),
        };
        let previous = Some(self.old_loc(old_ref.file, self.old.db.def_name_range(old_ref)));
        let message = format!("{} `{}` was deleted", def.kind.keyword(), def.name);
        self.push(fc, rule, location, previous, message);
    }

    fn definition(&mut self, fc: &FileCx, old_ref: DefRef, new_ref: DefRef) {
        let (Some(old_def), Some(new_def)) = (self.old.db.def(old_ref), self.new.db.def(new_ref))
        else {
            return;
        };
        let name_loc = self.new_loc(new_ref.file, self.new.db.def_name_range(new_ref));
        let old_name_loc = self.old_loc(old_ref.file, self.old.db.def_name_range(old_ref));
        let (old_kw, new_kw) = (old_def.kind.keyword(), new_def.kind.keyword());
        if old_kw != new_kw {
            let encoding = |k: &DefKind| match k {
                DefKind::Struct { .. } | DefKind::Exception { .. } => Some("struct"),
                DefKind::Union { .. } => Some("union"),
                DefKind::Enum { .. } => Some("i32"),
                DefKind::Senum => Some("string"),
                _ => None,
            };
            let rule: &'static Rule = match (encoding(&old_def.kind), encoding(&new_def.kind)) {
                (Some(a), Some(b)) if a != b => &TYPE_SAME_ENCODING,
                _ => &TYPE_SAME_KIND,
            };
            self.push(
                fc,
                rule,
                name_loc,
                Some(old_name_loc),
                format!("`{}` changed from {old_kw} to {new_kw}", old_def.name),
            );
        }
        match (&old_def.kind, &new_def.kind) {
            (a, b) if a.fields().is_some() && b.fields().is_some() => {
                let owner = format!("{new_kw} `{}`", new_def.name);
                self.field_list(
                    fc,
                    ListKind::Fields,
                    &owner,
                    (old_ref, FieldsAt::Def, a.fields().unwrap_or_default()),
                    (new_ref, FieldsAt::Def, b.fields().unwrap_or_default()),
                    name_loc,
                );
            }
            (DefKind::Enum { values: a }, DefKind::Enum { values: b }) => {
                self.enum_values(fc, &new_def.name, (old_ref, a), (new_ref, b), name_loc);
            }
            (
                DefKind::Service {
                    extends: old_ext,
                    functions: a,
                },
                DefKind::Service {
                    extends: new_ext,
                    functions: b,
                },
            ) => {
                if let Some(old_ext) = old_ext {
                    let strip = |s: &str| s.rsplit('.').next().unwrap_or(s).to_string();
                    if new_ext.as_deref().map(strip) != Some(strip(old_ext)) {
                        let location = match new_ext {
                            Some(_) => {
                                self.new_loc(new_ref.file, extends_range(self.new.db, new_ref))
                            }
                            None => name_loc,
                        };
                        let message = match new_ext {
                            Some(n) => format!(
                                "service `{}` now extends `{n}` instead of `{old_ext}`",
                                new_def.name
                            ),
                            None => {
                                format!("service `{}` no longer extends `{old_ext}`", new_def.name)
                            }
                        };
                        let previous =
                            self.old_loc(old_ref.file, extends_range(self.old.db, old_ref));
                        self.push(fc, &SERVICE_SAME_EXTENDS, location, Some(previous), message);
                    }
                }
                self.functions(fc, &new_def.name, (old_ref, a), (new_ref, b), name_loc);
            }
            (DefKind::Interaction { functions: a }, DefKind::Interaction { functions: b }) => {
                self.functions(fc, &new_def.name, (old_ref, a), (new_ref, b), name_loc);
            }
            (DefKind::Typedef { target: a }, DefKind::Typedef { target: b }) => {
                let range = self.new.db.def_node(new_ref).and_then(|n| match n {
                    ast::Definition::Typedef(t) => t.target().map(|t| t.syntax().text_range()),
                    _ => None,
                });
                let location = self.new_loc(new_ref.file, range.or(name_loc_range(name_loc)));
                let old_range = self.old.db.def_node(old_ref).and_then(|n| match n {
                    ast::Definition::Typedef(t) => t.target().map(|t| t.syntax().text_range()),
                    _ => None,
                });
                let previous = self.old_loc(old_ref.file, old_range.or(Some(old_name_loc.range)));
                self.type_change(
                    fc,
                    [
                        &TYPEDEF_SAME_TYPE,
                        &TYPEDEF_WIRE_JSON_COMPATIBLE_TYPE,
                        &TYPEDEF_WIRE_COMPATIBLE_TYPE,
                    ],
                    &format!("typedef `{}`", new_def.name),
                    (old_ref.file, a),
                    (new_ref.file, b),
                    (location, previous),
                );
            }
            (DefKind::Const { ty: a }, DefKind::Const { ty: b }) => {
                let const_of = |db: &Database, r: DefRef| match db.def_node(r) {
                    Some(ast::Definition::Const(c)) => Some(c),
                    _ => None,
                };
                let old_c = const_of(self.old.db, old_ref);
                let new_c = const_of(self.new.db, new_ref);
                if a.display() != b.display() {
                    let range = new_c
                        .as_ref()
                        .and_then(|c| c.ty())
                        .map(|t| t.syntax().text_range());
                    let message = format!(
                        "const `{}` changed type from `{}` to `{}`",
                        new_def.name,
                        a.display(),
                        b.display()
                    );
                    let location = self.new_loc(new_ref.file, range.or(name_loc_range(name_loc)));
                    let old_range = old_c
                        .as_ref()
                        .and_then(|c| c.ty())
                        .map(|t| t.syntax().text_range());
                    let previous =
                        self.old_loc(old_ref.file, old_range.or(Some(old_name_loc.range)));
                    self.push(fc, &CONST_SAME_TYPE, location, Some(previous), message);
                } else {
                    let old_v = old_c.as_ref().and_then(|c| c.value());
                    let new_v = new_c.as_ref().and_then(|c| c.value());
                    let (ov, nv) = (
                        old_v.as_ref().map(|v| value_text(v.syntax())),
                        new_v.as_ref().map(|v| value_text(v.syntax())),
                    );
                    if ov != nv {
                        let range = new_v.map(|v| v.syntax().text_range());
                        let message = format!(
                            "const `{}` changed value from `{}` to `{}`",
                            new_def.name,
                            ov.unwrap_or_default(),
                            nv.unwrap_or_default()
                        );
                        let location =
                            self.new_loc(new_ref.file, range.or(name_loc_range(name_loc)));
                        let previous =
                            self.old_loc(old_ref.file, old_v.map(|v| v.syntax().text_range()));
                        self.push(fc, &CONST_SAME_VALUE, location, Some(previous), message);
                    }
                }
            }
            _ => {}
        }
    }

    /// A type change, judged at three levels: as written (SOURCE), and by
    /// encoding with and without JSON.
    fn type_change(
        &mut self,
        fc: &FileCx,
        [same, json, wire]: [&'static Rule; 3],
        what: &str,
        (old_file, old_ty): (FileId, &TypeRef),
        (new_file, new_ty): (FileId, &TypeRef),
        (location, previous): (Location, Location),
    ) {
        let previous = Some(previous);
        let (a, b) = (old_ty.display(), new_ty.display());
        let mut family = Vec::new();
        if a != b {
            family.push((
                same,
                location,
                previous,
                format!("{what} changed type from `{a}` to `{b}`"),
            ));
        }
        let old_w = wire_type(self.old.db, old_file, old_ty);
        let new_w = wire_type(self.new.db, new_file, new_ty);
        let (ow, nw) = (old_w.display(), new_w.display());
        if !self.compatible((&old_w, &new_w), true, (&a, &b)) {
            family.push((
                json,
                location,
                previous,
                if a == b {
                    format!("{what} of type `{a}` is now encoded differently in JSON protocols ({ow} -> {nw})")
                } else {
                    format!("{what} changed type from `{a}` to `{b}`, which JSON protocols encode differently ({ow} -> {nw})")
                },
            ));
        }
        if !self.compatible((&old_w, &new_w), false, (&a, &b)) {
            family.push((
                wire,
                location,
                previous,
                if a == b {
                    format!("{what} of type `{a}` is now encoded differently ({ow} -> {nw})")
                } else {
                    format!("{what} changed type from `{a}` to `{b}`, which is encoded differently ({ow} -> {nw})")
                },
            ));
        }
        self.push_family(fc, family);
    }

    // -----------------------------------------------------------------------
    // Fields and arguments

    #[allow(clippy::too_many_arguments)]
    fn field_list(
        &mut self,
        fc: &FileCx,
        kind: ListKind,
        owner: &str,
        (old_ref, old_at, old_fields): (DefRef, FieldsAt, &[FieldSummary]),
        (new_ref, new_at, new_fields): (DefRef, FieldsAt, &[FieldSummary]),
        parent: Location,
    ) {
        let old_ids = effective_ids(old_fields);
        let new_ids = effective_ids(new_fields);
        let old_nodes = field_nodes(self.old.db, old_ref, old_at);
        let new_nodes = field_nodes(self.new.db, new_ref, new_at);
        let args = kind == ListKind::Args;
        let what = if args { "argument" } else { "field" };
        let old_range = |i: usize| old_nodes.get(i).map(|f| core_range(f.syntax()));
        let new_part = |i: usize, part: Part| new_nodes.get(i).map(|f| part_range(f, part));
        let old_part = |i: usize, part: Part| old_nodes.get(i).map(|f| part_range(f, part));
        let mut matched_new = vec![false; new_fields.len()];
        // By id and name, then by id, one to one.
        let old_items: Vec<(i64, &str)> = old_fields
            .iter()
            .zip(&old_ids)
            .map(|(f, id)| (*id, f.name.as_str()))
            .collect();
        let new_items: Vec<(i64, &str)> = new_fields
            .iter()
            .zip(&new_ids)
            .map(|(f, id)| (*id, f.name.as_str()))
            .collect();
        let pairs = match_items(
            &old_items,
            &new_items,
            &[&|a, b| a == b, &|a, b| a.0 == b.0],
        );
        // New fields that kept both their id and their name.
        let mut kept = vec![false; new_fields.len()];
        for (oi, ni) in pairs.iter().enumerate() {
            if let Some(ni) = *ni {
                kept[ni] = old_items[oi] == new_items[ni];
            }
        }

        for (oi, old) in old_fields.iter().enumerate() {
            let id = old_ids[oi];
            let previous = Some(self.old_loc(old_ref.file, old_range(oi)));
            let by_id = pairs[oi];
            // Where the old name lives on: a new field of that name that
            // is not another old field kept as it was.
            let by_name = (0..new_fields.len())
                .find(|&ni| new_fields[ni].name == old.name && !kept[ni] && Some(ni) != by_id);
            let Some(ni) = by_id else {
                if let Some(ni) = by_name.filter(|&ni| !matched_new[ni]) {
                    matched_new[ni] = true;
                    let rule: &'static Rule = if args {
                        &FUNCTION_ARG_SAME_ID
                    } else {
                        &FIELD_SAME_ID
                    };
                    let location = self.new_loc(new_ref.file, new_part(ni, Part::Id));
                    let message = format!(
                        "{what} `{}` of {owner} changed id from {id} to {}",
                        old.name, new_ids[ni]
                    );
                    let previous = Some(self.old_loc(old_ref.file, old_part(oi, Part::Id)));
                    self.push(fc, rule, location, previous, message);
                } else {
                    let required = old.requiredness == Required;
                    let rule: &'static Rule = match (args, required) {
                        (true, _) => &FUNCTION_ARG_NO_DELETE,
                        (false, true) => &FIELD_NO_DELETE_REQUIRED,
                        (false, false) => &FIELD_NO_DELETE,
                    };
                    let qualifier = if required { "required " } else { "" };
                    let message = format!(
                        "{qualifier}{what} {id} `{}` was deleted from {owner}",
                        old.name
                    );
                    self.push(fc, rule, parent, previous, message);
                }
                continue;
            };
            matched_new[ni] = true;
            let new = &new_fields[ni];
            if new.name != old.name {
                let old_name_elsewhere = by_name.is_some();
                let old_w = wire_type(self.old.db, old_ref.file, &old.ty);
                let new_w = wire_type(self.new.db, new_ref.file, &new.ty);
                let wire_ok = self.compatible(
                    (&old_w, &new_w),
                    false,
                    (&old.ty.display(), &new.ty.display()),
                );
                if old_name_elsewhere || !wire_ok {
                    let rule: &'static Rule = if args {
                        &FUNCTION_ARG_ID_NO_REUSE
                    } else {
                        &FIELD_ID_NO_REUSE
                    };
                    let location = self.new_loc(new_ref.file, new_part(ni, Part::Whole));
                    let message = format!(
                        "{what} id {id} of {owner} was `{} {}` and is now `{} {}`, a different {what}",
                        old.ty.display(),
                        old.name,
                        new.ty.display(),
                        new.name
                    );
                    self.push(fc, rule, location, previous, message);
                    if let Some(moved) = by_name.filter(|_| old_name_elsewhere) {
                        matched_new[moved] = true;
                        let rule: &'static Rule = if args {
                            &FUNCTION_ARG_SAME_ID
                        } else {
                            &FIELD_SAME_ID
                        };
                        let location = self.new_loc(new_ref.file, new_part(moved, Part::Id));
                        let message = format!(
                            "{what} `{}` of {owner} changed id from {id} to {}",
                            old.name, new_ids[moved]
                        );
                        self.push(fc, rule, location, previous, message);
                    }
                    continue;
                }
                let rule: &'static Rule = if args {
                    &FUNCTION_ARG_SAME_NAME
                } else {
                    &FIELD_SAME_NAME
                };
                let location = self.new_loc(new_ref.file, new_part(ni, Part::Name));
                let message = format!(
                    "{what} {id} of {owner} was renamed from `{}` to `{}`",
                    old.name, new.name
                );
                let previous = Some(self.old_loc(old_ref.file, old_part(oi, Part::Name)));
                self.push(fc, rule, location, previous, message);
            }
            let rules: [&'static Rule; 3] = if args {
                [
                    &FUNCTION_ARG_SAME_TYPE,
                    &FUNCTION_ARG_WIRE_JSON_COMPATIBLE_TYPE,
                    &FUNCTION_ARG_WIRE_COMPATIBLE_TYPE,
                ]
            } else {
                [
                    &FIELD_SAME_TYPE,
                    &FIELD_WIRE_JSON_COMPATIBLE_TYPE,
                    &FIELD_WIRE_COMPATIBLE_TYPE,
                ]
            };
            let location = self.new_loc(new_ref.file, new_part(ni, Part::Type));
            let type_previous = self.old_loc(old_ref.file, old_part(oi, Part::Type));
            self.type_change(
                fc,
                rules,
                &format!("{what} {id} `{}` of {owner}", new.name),
                (old_ref.file, &old.ty),
                (new_ref.file, &new.ty),
                (location, type_previous),
            );
            // Requiredness.
            let req_location = self.new_loc(new_ref.file, new_part(ni, Part::Requiredness));
            let show = |r: Requiredness| match r {
                Required => "required",
                Optional => "optional",
                Default => "default",
            };
            let message = format!(
                "{what} {id} `{}` of {owner} changed from {} to {}",
                new.name,
                show(old.requiredness),
                show(new.requiredness)
            );
            let rule: Option<&'static Rule> = match (old.requiredness, new.requiredness) {
                (a, b) if a == b => None,
                (_, Required) if args => Some(&FUNCTION_ARG_NO_BECOME_REQUIRED),
                _ if args => None,
                (_, Required) => Some(&FIELD_NO_BECOME_REQUIRED),
                (Required, _) => Some(&FIELD_NO_BECOME_UNREQUIRED),
                _ => Some(&FIELD_SAME_REQUIREDNESS),
            };
            if let Some(rule) = rule {
                let previous = Some(self.old_loc(old_ref.file, old_part(oi, Part::Requiredness)));
                self.push(fc, rule, req_location, previous, message);
            }
            // Default values.
            if !args {
                let default = |f: Option<&ast::Field>| {
                    f.and_then(|f| f.default_value())
                        .and_then(|d| d.value())
                        .map(|v| value_text(v.syntax()))
                };
                let (a, b) = (default(old_nodes.get(oi)), default(new_nodes.get(ni)));
                if a != b {
                    let show = |v: &Option<String>| {
                        v.as_ref().map_or("none".to_string(), |v| format!("`{v}`"))
                    };
                    let location = self.new_loc(new_ref.file, new_part(ni, Part::Default));
                    let message = format!(
                        "default value of field {id} `{}` of {owner} changed from {} to {}",
                        new.name,
                        show(&a),
                        show(&b)
                    );
                    let previous = Some(self.old_loc(old_ref.file, old_part(oi, Part::Default)));
                    self.push(fc, &FIELD_SAME_DEFAULT, location, previous, message);
                }
            }
        }
        // Added fields.
        for (ni, new) in new_fields.iter().enumerate() {
            if matched_new[ni] || old_ids.contains(&new_ids[ni]) {
                continue;
            }
            let required = new.requiredness == Required;
            let rule: Option<&'static Rule> = match (args, required) {
                (true, true) => Some(&FUNCTION_ARG_NO_ADD_REQUIRED),
                (true, false) => Some(&FUNCTION_ARG_NO_ADD),
                (false, true) => Some(&FIELD_NO_ADD_REQUIRED),
                (false, false) => None,
            };
            if let Some(rule) = rule {
                let qualifier = if required { "required " } else { "" };
                let location = self.new_loc(new_ref.file, new_part(ni, Part::Whole));
                let message = format!(
                    "{qualifier}{what} {} `{}` was added to {owner}",
                    new_ids[ni], new.name
                );
                self.push(fc, rule, location, None, message);
            }
        }
    }

    // -----------------------------------------------------------------------
    // Enums

    fn enum_values(
        &mut self,
        fc: &FileCx,
        name: &str,
        (old_ref, old_values): (DefRef, &[(String, i64)]),
        (new_ref, new_values): (DefRef, &[(String, i64)]),
        parent: Location,
    ) {
        let nodes = |db: &Database, r: DefRef| -> Vec<ast::EnumValue> {
            match db.def_node(r) {
                Some(ast::Definition::Enum(e)) => e.values().collect(),
                _ => Vec::new(),
            }
        };
        let old_nodes = nodes(self.old.db, old_ref);
        let new_nodes = nodes(self.new.db, new_ref);
        // By name and number, then by name, one to one; then renames: the
        // same number under a name the old enum did not have.
        let pairs = match_items(
            old_values,
            new_values,
            &[&|a, b| a == b, &|a, b| a.0 == b.0],
        );
        let mut taken = vec![false; new_values.len()];
        for ni in pairs.iter().flatten() {
            taken[*ni] = true;
        }
        for (oi, (old_name, old_num)) in old_values.iter().enumerate() {
            let previous = Some(self.old_loc(
                old_ref.file,
                old_nodes.get(oi).map(|v| core_range(v.syntax())),
            ));
            let new_range = |i: usize| new_nodes.get(i).map(|v| core_range(v.syntax()));
            if let Some(ni) = pairs[oi] {
                let new_num = new_values[ni].1;
                if new_num != *old_num {
                    let location = self.new_loc(new_ref.file, new_range(ni));
                    let message = format!(
                        "enum value `{name}.{old_name}` changed number from {old_num} to {new_num}"
                    );
                    self.push(fc, &ENUM_VALUE_SAME_NUMBER, location, previous, message);
                }
            } else if let Some(ni) = (0..new_values.len()).find(|&ni| {
                let (n, v) = &new_values[ni];
                !taken[ni] && v == old_num && !old_values.iter().any(|(o, _)| o == n)
            }) {
                taken[ni] = true;
                let location = self.new_loc(new_ref.file, new_range(ni));
                let message = format!(
                    "enum value {old_num} of `{name}` was renamed from `{old_name}` to `{}`",
                    new_values[ni].0
                );
                self.push(fc, &ENUM_VALUE_SAME_NAME, location, previous, message);
            } else {
                let message = format!("enum value `{name}.{old_name}` ({old_num}) was deleted");
                self.push(fc, &ENUM_VALUE_NO_DELETE, parent, previous, message);
            }
        }
    }

    // -----------------------------------------------------------------------
    // Services

    fn functions(
        &mut self,
        fc: &FileCx,
        service: &str,
        (old_ref, old_fns): (DefRef, &[FunctionSummary]),
        (new_ref, new_fns): (DefRef, &[FunctionSummary]),
        parent: Location,
    ) {
        let nodes = |db: &Database, r: DefRef| -> Vec<ast::Function> {
            match db.def_node(r) {
                Some(ast::Definition::Service(s)) => s.functions().collect(),
                Some(ast::Definition::Interaction(s)) => s.functions().collect(),
                _ => Vec::new(),
            }
        };
        let old_nodes = nodes(self.old.db, old_ref);
        let new_nodes = nodes(self.new.db, new_ref);
        // By name, one to one: duplicates meet in order.
        let pairs = match_items(old_fns, new_fns, &[&|a, b| a.name == b.name]);
        for (oi, old) in old_fns.iter().enumerate() {
            let old_node = old_nodes.get(oi);
            let previous =
                Some(self.old_loc(old_ref.file, old_node.map(|f| core_range(f.syntax()))));
            // A duplicate that is gone: compared with the one left.
            let ni = pairs[oi].or_else(|| new_fns.iter().position(|f| f.name == old.name));
            let Some(ni) = ni else {
                if !inherits_function(self.new.db, new_ref, &old.name) {
                    let message = format!("function `{service}.{}` was deleted", old.name);
                    self.push(fc, &FUNCTION_NO_DELETE, parent, previous, message);
                }
                continue;
            };
            let new = &new_fns[ni];
            let new_node = new_nodes.get(ni);
            let fn_name_loc = self.new_loc(
                new_ref.file,
                new_node.map(|f| {
                    f.name()
                        .map_or(core_range(f.syntax()), |n| n.syntax().text_range())
                }),
            );
            let owner = format!("function `{service}.{}`", new.name);
            if old.oneway != new.oneway {
                let message = if new.oneway {
                    format!("{owner} became oneway")
                } else {
                    format!("{owner} is no longer oneway")
                };
                self.push(fc, &FUNCTION_SAME_ONEWAY, fn_name_loc, previous, message);
            }
            // Return type.
            let ret_loc = self.new_loc(
                new_ref.file,
                new_node
                    .and_then(|f| f.return_type())
                    .map(|t| t.syntax().text_range())
                    .or(name_loc_range(fn_name_loc)),
            );
            let ret_previous = Some(
                self.old_loc(
                    old_ref.file,
                    old_node
                        .and_then(|f| f.return_type())
                        .map(|t| t.syntax().text_range())
                        .or(previous.map(|p| p.range)),
                ),
            );
            let (a, b) = (old.return_type.display(), new.return_type.display());
            if a != b {
                let mut family = vec![(
                    &FUNCTION_SAME_RETURN_TYPE,
                    ret_loc,
                    ret_previous,
                    format!("return type of {owner} changed from `{a}` to `{b}`"),
                )];
                if old.return_type != TypeRef::Void {
                    let old_w = wire_type(self.old.db, old_ref.file, &old.return_type);
                    let new_w = wire_type(self.new.db, new_ref.file, &new.return_type);
                    for (json, rule) in [
                        (true, &FUNCTION_WIRE_JSON_COMPATIBLE_RETURN_TYPE),
                        (false, &FUNCTION_WIRE_COMPATIBLE_RETURN_TYPE),
                    ] {
                        if !self.compatible((&old_w, &new_w), json, (&a, &b)) {
                            let message = if new.return_type == TypeRef::Void {
                                format!(
                                    "{owner} no longer returns `{a}`: old clients fail with MISSING_RESULT"
                                )
                            } else {
                                format!(
                                    "return type of {owner} changed from `{a}` to `{b}`, which is encoded differently ({} -> {})",
                                    old_w.display(),
                                    new_w.display()
                                )
                            };
                            family.push((rule, ret_loc, ret_previous, message));
                        }
                    }
                }
                self.push_family(fc, family);
            }
            // Arguments.
            self.field_list(
                fc,
                ListKind::Args,
                &owner,
                (old_ref, FieldsAt::Params(oi), &old.params),
                (new_ref, FieldsAt::Params(ni), &new.params),
                fn_name_loc,
            );
            // Exceptions.
            self.throws(
                fc,
                &owner,
                (old_ref, oi, old),
                (new_ref, ni, new),
                fn_name_loc,
            );
        }
    }

    fn throws(
        &mut self,
        fc: &FileCx,
        owner: &str,
        (old_ref, oi, old): (DefRef, usize, &FunctionSummary),
        (new_ref, ni, new): (DefRef, usize, &FunctionSummary),
        parent: Location,
    ) {
        let throws_nodes = |db: &Database, r: DefRef, i: usize| -> Vec<ast::Field> {
            let f = match db.def_node(r) {
                Some(ast::Definition::Service(s)) => s.functions().nth(i),
                Some(ast::Definition::Interaction(s)) => s.functions().nth(i),
                _ => None,
            };
            f.and_then(|f| f.throws())
                .map(|t| t.fields())
                .unwrap_or_default()
        };
        let old_nodes = throws_nodes(self.old.db, old_ref, oi);
        let new_nodes = throws_nodes(self.new.db, new_ref, ni);
        let old_ids = effective_ids(&old.throws);
        let new_ids = effective_ids(&new.throws);
        let short = |t: &TypeRef| {
            let d = t.display();
            d.rsplit('.').next().unwrap_or(&d).to_string()
        };
        // By id and type, then by id, then by type, one to one.
        let old_items: Vec<(i64, String)> = old
            .throws
            .iter()
            .zip(&old_ids)
            .map(|(t, id)| (*id, short(&t.ty)))
            .collect();
        let new_items: Vec<(i64, String)> = new
            .throws
            .iter()
            .zip(&new_ids)
            .map(|(t, id)| (*id, short(&t.ty)))
            .collect();
        let by_id = match_items(
            &old_items,
            &new_items,
            &[&|a, b| a == b, &|a, b| a.0 == b.0],
        );
        let mut taken = vec![false; new_items.len()];
        for j in by_id.iter().flatten() {
            taken[*j] = true;
        }
        for (i, ex) in old.throws.iter().enumerate() {
            let previous = Some(self.old_loc(
                old_ref.file,
                old_nodes.get(i).map(|f| core_range(f.syntax())),
            ));
            match by_id[i] {
                Some(j) => {
                    if short(&new.throws[j].ty) != short(&ex.ty) {
                        let location = self.new_loc(
                            new_ref.file,
                            new_nodes.get(j).map(|f| part_range(f, Part::Type)),
                        );
                        let previous = Some(self.old_loc(
                            old_ref.file,
                            old_nodes.get(i).map(|f| part_range(f, Part::Type)),
                        ));
                        let message = format!(
                            "exception {} of {owner} changed type from `{}` to `{}`",
                            old_ids[i],
                            ex.ty.display(),
                            new.throws[j].ty.display()
                        );
                        self.push(fc, &FUNCTION_THROWS_SAME_TYPE, location, previous, message);
                    }
                }
                None => match (0..new_items.len())
                    .find(|&j| !taken[j] && new_items[j].1 == old_items[i].1)
                {
                    Some(j) => {
                        taken[j] = true;
                        let location = self.new_loc(
                            new_ref.file,
                            new_nodes.get(j).map(|f| part_range(f, Part::Id)),
                        );
                        let previous = Some(self.old_loc(
                            old_ref.file,
                            old_nodes.get(i).map(|f| part_range(f, Part::Id)),
                        ));
                        let message = format!(
                            "exception `{}` of {owner} changed id from {} to {}",
                            ex.ty.display(),
                            old_ids[i],
                            new_ids[j]
                        );
                        self.push(fc, &FUNCTION_THROWS_SAME_ID, location, previous, message);
                    }
                    None => {
                        let message = format!(
                            "exception {} `{}` was removed from the throws of {owner}",
                            old_ids[i],
                            ex.ty.display()
                        );
                        self.push(fc, &FUNCTION_THROWS_NO_DELETE, parent, previous, message);
                    }
                },
            }
        }
        for (j, ex) in new.throws.iter().enumerate() {
            let known_id = old_ids.contains(&new_ids[j]);
            let known_type = old.throws.iter().any(|t| short(&t.ty) == short(&ex.ty));
            if known_id || known_type {
                continue;
            }
            let void = new.return_type == TypeRef::Void;
            let rule: &'static Rule = if void {
                &FUNCTION_THROWS_NO_ADD_TO_VOID
            } else {
                &FUNCTION_THROWS_NO_ADD
            };
            let location = self.new_loc(
                new_ref.file,
                new_nodes.get(j).map(|f| core_range(f.syntax())),
            );
            let message = if void {
                format!(
                    "exception {} `{}` was added to the throws of void {owner}: old clients read it as success",
                    new_ids[j],
                    ex.ty.display()
                )
            } else {
                format!(
                    "exception {} `{}` was added to the throws of {owner}",
                    new_ids[j],
                    ex.ty.display()
                )
            };
            self.push(fc, rule, location, None, message);
        }
    }
}

// ---------------------------------------------------------------------------
// Helpers

/// One pass of [`match_items`]: whether an old item and a new one match.
type Pass<O, N> = dyn Fn(&O, &N) -> bool;

/// Matches old items with new ones, one to one: each pass, in order,
/// matches every old item still unmatched with the first new item still
/// unmatched that the pass accepts. With duplicates (two fields with one
/// id, two values with one name) the k-th old one meets the k-th new one,
/// so a version compared with itself matches every item with itself.
fn match_items<O, N>(old: &[O], new: &[N], passes: &[&Pass<O, N>]) -> Vec<Option<usize>> {
    let mut pairs = vec![None; old.len()];
    let mut taken = vec![false; new.len()];
    for pass in passes {
        for (oi, o) in old.iter().enumerate() {
            if pairs[oi].is_some() {
                continue;
            }
            if let Some(ni) = (0..new.len()).find(|&ni| !taken[ni] && pass(o, &new[ni])) {
                pairs[oi] = Some(ni);
                taken[ni] = true;
            }
        }
    }
    pairs
}

fn name_loc_range(loc: Location) -> Option<TextRange> {
    Some(loc.range)
}

/// Field ids as the compiler assigns them: implicit ones count down from -1.
fn effective_ids(fields: &[FieldSummary]) -> Vec<i64> {
    let mut next = -1;
    fields
        .iter()
        .map(|f| match f.id {
            Some(id) => id,
            None => {
                let id = next;
                next -= 1;
                id
            }
        })
        .collect()
}

fn field_nodes(db: &Database, def: DefRef, at: FieldsAt) -> Vec<ast::Field> {
    let Some(node) = db.def_node(def) else {
        return Vec::new();
    };
    match (node, at) {
        (ast::Definition::Struct(s), FieldsAt::Def) => s.fields(),
        (ast::Definition::Union(s), FieldsAt::Def) => s.fields(),
        (ast::Definition::Exception(s), FieldsAt::Def) => s.fields(),
        (ast::Definition::Service(s), FieldsAt::Params(i)) => {
            s.functions().nth(i).map(|f| f.params()).unwrap_or_default()
        }
        (ast::Definition::Interaction(s), FieldsAt::Params(i)) => {
            s.functions().nth(i).map(|f| f.params()).unwrap_or_default()
        }
        _ => Vec::new(),
    }
}

#[derive(Clone, Copy)]
enum Part {
    Whole,
    Id,
    Name,
    Type,
    Requiredness,
    Default,
}

fn part_range(field: &ast::Field, part: Part) -> TextRange {
    let whole = core_range(field.syntax());
    let range = match part {
        Part::Whole => None,
        Part::Id => field.field_id().map(|i| i.syntax().text_range()),
        Part::Name => field.name().map(|n| n.syntax().text_range()),
        Part::Type => field.ty().map(|t| t.syntax().text_range()),
        Part::Requiredness => field.requiredness_token().map(|t| t.text_range()),
        Part::Default => field
            .default_value()
            .and_then(|d| d.value())
            .map(|v| v.syntax().text_range()),
    };
    range.unwrap_or(whole)
}

fn extends_range(db: &Database, def: DefRef) -> Option<TextRange> {
    match db.def_node(def)? {
        ast::Definition::Service(s) => Some(
            s.extends()
                .map_or(s.name()?.syntax().text_range(), |e| e.syntax().text_range()),
        ),
        _ => None,
    }
}

/// A node's range without its leading and trailing comments: from its
/// first to its last significant token (separators excluded).
fn core_range(node: &SyntaxNode) -> TextRange {
    let mut tokens = node
        .descendants_with_tokens()
        .filter_map(SyntaxElement::into_token)
        .filter(|t| !t.kind().is_trivia());
    let Some(first) = tokens.next() else {
        return node.text_range();
    };
    let mut last = first.clone();
    for t in tokens {
        if !matches!(t.kind(), SyntaxKind::COMMA | SyntaxKind::SEMICOLON) {
            last = t;
        }
    }
    TextRange::new(
        first.text_range().start(),
        last.text_range().end().max(first.text_range().end()),
    )
}

/// A const value as a canonical string: tokens without trivia, list
/// separators dropped, strings unescaped and double-quoted.
fn value_text(node: &SyntaxNode) -> String {
    let mut out = String::new();
    for t in node
        .descendants_with_tokens()
        .filter_map(SyntaxElement::into_token)
        .filter(|t| !t.kind().is_trivia())
    {
        if matches!(t.kind(), SyntaxKind::COMMA | SyntaxKind::SEMICOLON) {
            out.push(',');
            continue;
        }
        let text = if t.kind() == SyntaxKind::STRING {
            format!("{:?}", ast::unescape(&ast::unquote(t.text())))
        } else if t.kind() == SyntaxKind::INT_NUMBER {
            ast::int_value(&t).map_or(t.text().to_string(), |v| v.to_string())
        } else {
            t.text().to_string()
        };
        let glue = matches!(t.kind(), SyntaxKind::DOT)
            || out.ends_with('.')
            || out.is_empty()
            || matches!(
                t.kind(),
                SyntaxKind::COLON | SyntaxKind::R_BRACK | SyntaxKind::R_BRACE
            )
            || out.ends_with('[')
            || out.ends_with('{');
        if matches!(t.kind(), SyntaxKind::R_BRACK | SyntaxKind::R_BRACE) && out.ends_with(',') {
            out.pop();
        }
        if !glue {
            out.push(' ');
        }
        out.push_str(&text);
    }
    out.trim_end_matches(',').to_string()
}

/// Whether a service (or a base it extends) has a function named `name`.
fn inherits_function(db: &Database, service: DefRef, name: &str) -> bool {
    let mut current = service;
    for _ in 0..64 {
        let Some(def) = db.def(current) else {
            return false;
        };
        let DefKind::Service { extends, functions } = &def.kind else {
            return false;
        };
        if current != service && functions.iter().any(|f| f.name == name) {
            return true;
        }
        let Some(parent) = extends else {
            return false;
        };
        match db.resolve_name(current.file, parent) {
            Resolution::Found(p) => current = p,
            _ => return false,
        }
    }
    false
}

/// A type as its encoding: what the wire sees.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Wire {
    Bool,
    I8,
    I16,
    I32,
    I64,
    Double,
    String,
    Binary,
    Uuid,
    List(Box<Wire>),
    Set(Box<Wire>),
    Map(Box<Wire>, Box<Wire>),
    /// A struct, union or exception, by name.
    Struct(String),
    Void,
    Unknown,
}

impl Wire {
    fn display(&self) -> String {
        match self {
            Wire::Bool => "bool".into(),
            Wire::I8 => "i8".into(),
            Wire::I16 => "i16".into(),
            Wire::I32 => "i32".into(),
            Wire::I64 => "i64".into(),
            Wire::Double => "double".into(),
            Wire::String => "string".into(),
            Wire::Binary => "binary".into(),
            Wire::Uuid => "uuid".into(),
            Wire::List(t) => format!("list<{}>", t.display()),
            Wire::Set(t) => format!("set<{}>", t.display()),
            Wire::Map(k, v) => format!("map<{}, {}>", k.display(), v.display()),
            Wire::Struct(n) => format!("struct {n}"),
            Wire::Void => "void".into(),
            Wire::Unknown => "?".into(),
        }
    }

    fn has_unknown(&self) -> bool {
        match self {
            Wire::Unknown => true,
            Wire::List(t) | Wire::Set(t) => t.has_unknown(),
            Wire::Map(k, v) => k.has_unknown() || v.has_unknown(),
            _ => false,
        }
    }
}

fn wire_type(db: &Database, file: FileId, ty: &TypeRef) -> Wire {
    fn convert(db: &Database, ty: &Ty) -> Wire {
        use thrift_semantic::BaseType as B;
        match ty {
            Ty::Base(b) => match b {
                B::Bool => Wire::Bool,
                B::Byte | B::I8 => Wire::I8,
                B::I16 => Wire::I16,
                B::I32 => Wire::I32,
                B::I64 => Wire::I64,
                B::Double => Wire::Double,
                B::String => Wire::String,
                B::Binary => Wire::Binary,
                B::Uuid => Wire::Uuid,
                B::Slist => Wire::String,
            },
            Ty::List(t) => Wire::List(Box::new(convert(db, t))),
            Ty::Set(t) => Wire::Set(Box::new(convert(db, t))),
            Ty::Map(k, v) => Wire::Map(Box::new(convert(db, k)), Box::new(convert(db, v))),
            Ty::Void => Wire::Void,
            Ty::Unknown => Wire::Unknown,
            Ty::Def(d) => match db.def(*d) {
                Some(def) => match def.kind {
                    DefKind::Enum { .. } => Wire::I32,
                    DefKind::Senum => Wire::String,
                    _ => Wire::Struct(def.name.clone()),
                },
                None => Wire::Unknown,
            },
        }
    }
    convert(db, &db.resolve_type(file, ty))
}

/// Whether two encodings are compatible; with `json`, `string` and
/// `binary` differ. Unresolved types fall back to the written types.
///
/// Structs are the same encoding when they have the same name, or when the
/// struct was renamed (`renamed(old, new)`): struct names are not on the
/// wire.
fn wire_compatible(
    a: &Wire,
    b: &Wire,
    json: bool,
    (a_text, b_text): (&str, &str),
    renamed: &dyn Fn(&str, &str) -> bool,
) -> bool {
    if a.has_unknown() || b.has_unknown() {
        return a_text == b_text;
    }
    fn eq(a: &Wire, b: &Wire, json: bool, renamed: &dyn Fn(&str, &str) -> bool) -> bool {
        match (a, b) {
            (Wire::String | Wire::Binary, Wire::String | Wire::Binary) => !json || a == b,
            (Wire::List(x), Wire::List(y)) | (Wire::Set(x), Wire::Set(y)) => {
                eq(x, y, json, renamed)
            }
            (Wire::Map(k1, v1), Wire::Map(k2, v2)) => {
                eq(k1, k2, json, renamed) && eq(v1, v2, json, renamed)
            }
            (Wire::Struct(x), Wire::Struct(y)) => x == y || renamed(x, y),
            _ => a == b,
        }
    }
    eq(a, b, json, renamed)
}
