//! Completion, by position. A lexical pass over the file (tolerant of the
//! half-typed text completion sees) tells what the cursor is in:
//!
//! - top level: the definition keywords; after `typedef`/`const`: types;
//! - field lists (struct bodies, arguments, `throws`): the next free field
//!   id at the start of a field, `required`/`optional`, then types
//!   (exceptions only in `throws`);
//! - services: `oneway`, `void` and return types, `throws` after arguments;
//! - container element types: types; const values and defaults: consts and
//!   `Enum.VALUE`s;
//! - after `prefix.`: the included file's definitions; after `Enum.`: its
//!   values; after `@`: annotation structs; in `Name{...}`: its fields;
//! - in `include "`: the workspace's other files.
//!
//! In type positions, types of workspace files not included yet come as
//! `file.Name` with an edit that adds the include.

use std::{
    collections::{HashMap, HashSet},
    path::{Path, PathBuf},
};

use thrift_semantic::DefKind;
use thrift_syntax::{SyntaxKind, TextRange, TextSize};

use crate::{Database, FileId, TextEdit};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CompletionKind {
    Keyword,
    Type,
    Struct,
    Enum,
    EnumValue,
    Const,
    Service,
    Module,
    Field,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompletionItem {
    pub label: String,
    pub kind: CompletionKind,
    pub detail: Option<String>,
    /// Replaces this range with its text, instead of inserting the label
    /// (include paths, which are more than a word).
    pub text_edit: Option<TextEdit>,
    /// Edits elsewhere, applied with the item: the `include` a type from a
    /// file not included yet needs.
    pub additional_edits: Vec<TextEdit>,
}

impl CompletionItem {
    fn new(label: impl Into<String>, kind: CompletionKind, detail: Option<String>) -> Self {
        CompletionItem {
            label: label.into(),
            kind,
            detail,
            text_edit: None,
            additional_edits: Vec::new(),
        }
    }
}

const BASE_TYPES: &[&str] = &[
    "bool", "byte", "i8", "i16", "i32", "i64", "double", "string", "binary", "uuid",
];
const CONTAINERS: &[&str] = &["map", "set", "list"];

fn kind_of(kind: &DefKind) -> CompletionKind {
    match kind {
        DefKind::Struct { .. } | DefKind::Union { .. } | DefKind::Exception { .. } => {
            CompletionKind::Struct
        }
        DefKind::Enum { .. } | DefKind::Senum => CompletionKind::Enum,
        DefKind::Typedef { .. } => CompletionKind::Type,
        DefKind::Const { .. } => CompletionKind::Const,
        DefKind::Service { .. } | DefKind::Interaction { .. } => CompletionKind::Service,
    }
}

impl Want {
    /// Whether a definition fits: a type, an exception, a const or enum
    /// (values, `Enum.`), a service. Everything when nothing is known.
    fn admits(&self, kind: &DefKind) -> bool {
        let any = !(self.types || self.values || self.services);
        any || (self.types
            && kind.is_type()
            && (!self.exceptions_only || matches!(kind, DefKind::Exception { .. })))
            || (self.values && matches!(kind, DefKind::Const { .. } | DefKind::Enum { .. }))
            || (self.services && matches!(kind, DefKind::Service { .. }))
    }
}

fn definitions(db: &Database, file: FileId, want: &Want, into: &mut Vec<CompletionItem>) {
    let Some(summary) = db.summary(file) else {
        return;
    };
    for d in summary.definitions.iter().filter(|d| want.admits(&d.kind)) {
        db.unwind_if_cancelled();
        into.push(CompletionItem::new(
            d.name.clone(),
            kind_of(&d.kind),
            Some(d.kind.keyword().to_string()),
        ));
    }
}

fn include_prefixes(db: &Database, file: FileId, into: &mut Vec<CompletionItem>) {
    if let Some(summary) = db.summary(file) {
        for include in &summary.includes {
            into.push(CompletionItem::new(
                include.prefix.clone(),
                CompletionKind::Module,
                Some(include.path.clone()),
            ));
        }
    }
}

/// Completions at `offset`, without the workspace's paths: no include
/// paths and no types from files not included yet.
pub fn completions(db: &Database, file: FileId, offset: TextSize) -> Vec<CompletionItem> {
    completions_in_workspace(db, file, offset, &|_| None)
}

/// Completions at `offset`; `path_of` gives the files' paths, for include
/// paths and for types of workspace files not included yet.
pub fn completions_in_workspace(
    db: &Database,
    file: FileId,
    offset: TextSize,
    path_of: &dyn Fn(FileId) -> Option<PathBuf>,
) -> Vec<CompletionItem> {
    db.unwind_if_cancelled();
    let Some(text) = db.text(file) else {
        return Vec::new();
    };
    let mut offset = usize::from(offset).min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    if let Some(items) = include_paths(db, file, text, offset, path_of) {
        return items;
    }
    let before = &text[..offset];
    // The dotted word being typed: `shared.Us` or `Color.`.
    // (Past the character that ends it, which may be several bytes.)
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    let mut out = Vec::new();
    // Inside `@Name{...}` or `Name{...}`: the struct's field names.
    if let Some(fields) = initializer_fields(db, file, offset) {
        return fields;
    }
    // After `@`: annotation names (structs), here or through a prefix.
    let annotation = before[..word_start].ends_with('@');
    let want = if annotation {
        Want::default()
    } else {
        want_at(text, word_start, offset)
    };
    if let Some((qualifier, _)) = word.rsplit_once('.') {
        let summary = db.summary(file);
        // `Enum.` → its values (also `inc.Enum.`).
        let (enum_file, enum_name) = match qualifier.rsplit_once('.') {
            Some((prefix, name)) => (
                summary
                    .and_then(|s| s.includes.iter().find(|i| i.prefix == prefix))
                    .and_then(|i| db.resolve_include(file, &i.path)),
                name,
            ),
            None => (Some(file), qualifier),
        };
        if !want.types
            && let Some(f) = enum_file
            && let Some((_, def)) = db.summary(f).and_then(|s| s.definition(enum_name))
            && let DefKind::Enum { values } = &def.kind
        {
            for (name, value) in values {
                out.push(CompletionItem::new(
                    name.clone(),
                    CompletionKind::EnumValue,
                    Some(format!("= {value}")),
                ));
            }
        }
        // `prefix.` → the included file's definitions.
        if let Some(s) = summary {
            for include in s.includes.iter().filter(|i| i.prefix == qualifier) {
                if let Some(target) = db.resolve_include(file, &include.path) {
                    definitions(db, target, &want, &mut out);
                }
            }
        }
        if annotation {
            out.retain(|c| c.kind == CompletionKind::Struct);
        }
        // `file.` for a workspace file not included yet.
        if want.types {
            workspace_types(db, file, &want, Some(qualifier), word, path_of, &mut out);
        }
        return out;
    }
    if annotation {
        definitions(db, file, &want, &mut out);
        out.retain(|c| c.kind == CompletionKind::Struct);
        include_prefixes(db, file, &mut out);
        return out;
    }
    if let Some(id) = want.next_id {
        out.push(CompletionItem::new(
            format!("{id}: "),
            CompletionKind::Field,
            Some("the next free field id".into()),
        ));
    }
    for k in &want.keywords {
        out.push(CompletionItem::new(*k, CompletionKind::Keyword, None));
    }
    if want.namespace_scopes {
        for s in NAMESPACE_SCOPES {
            out.push(CompletionItem::new(*s, CompletionKind::Keyword, None));
        }
    }
    if want.types || want.services {
        definitions(db, file, &want, &mut out);
        include_prefixes(db, file, &mut out);
        if want.types && !want.exceptions_only {
            for t in BASE_TYPES {
                out.push(CompletionItem::new(
                    *t,
                    CompletionKind::Type,
                    Some("base type".into()),
                ));
            }
            for c in CONTAINERS {
                out.push(CompletionItem::new(*c, CompletionKind::Keyword, None));
            }
        }
        if want.types {
            workspace_types(db, file, &want, None, word, path_of, &mut out);
        }
    } else if want.values {
        let summary = db.summary(file);
        for d in summary.iter().flat_map(|s| &s.definitions) {
            match &d.kind {
                DefKind::Const { ty } => out.push(CompletionItem::new(
                    d.name.clone(),
                    CompletionKind::Const,
                    Some(format!("const {}", ty.display())),
                )),
                DefKind::Enum { values } => {
                    for (name, value) in values {
                        out.push(CompletionItem::new(
                            format!("{}.{name}", d.name),
                            CompletionKind::EnumValue,
                            Some(format!("= {value}")),
                        ));
                    }
                }
                _ => {}
            }
        }
        include_prefixes(db, file, &mut out);
        for k in ["true", "false"] {
            out.push(CompletionItem::new(k, CompletionKind::Keyword, None));
        }
    }
    out
}

/// At most this many types of files not included are offered; the editor
/// asks again as more is typed (the list is marked incomplete).
pub const WORKSPACE_TYPES_LIMIT: usize = 50;

/// Types of workspace files `file` does not include, as `stem.Name` (or
/// `Name` after `stem.`), each with the edit adding the include. Only once
/// something is typed (`word`, matched as a case-insensitive prefix of
/// `stem.Name` or of `Name`), and at most [`WORKSPACE_TYPES_LIMIT`]: a big
/// workspace has hundreds of thousands of types.
fn workspace_types(
    db: &Database,
    file: FileId,
    want: &Want,
    qualifier: Option<&str>,
    word: &str,
    path_of: &dyn Fn(FileId) -> Option<PathBuf>,
    out: &mut Vec<CompletionItem>,
) {
    let typed = match qualifier {
        Some(q) => word.strip_prefix(q).and_then(|w| w.strip_prefix('.')),
        None => Some(word),
    }
    .unwrap_or("")
    .to_ascii_lowercase();
    if qualifier.is_none() && typed.is_empty() {
        return;
    }
    let Some(here) = path_of(file) else {
        return;
    };
    let prefixes: HashSet<String> = db
        .summary(file)
        .map(|s| s.includes.iter().map(|i| i.prefix.clone()).collect())
        .unwrap_or_default();
    // `inc.` with `inc` already included: nothing to add from elsewhere.
    if qualifier.is_some_and(|q| prefixes.contains(q)) {
        return;
    }
    let mut included = db.includes(file);
    included.sort_unstable();
    let starts = thrift_semantic::index::starts_with_ignore_case;
    // First the scan, in whatever order the files are stored (no lookups
    // per file): which files have types that match, by what is typed
    // against `stem`, `Name` or `stem.Name`. Each file's types are sorted
    // by name, so a prefix is a binary search, not a scan (a big workspace
    // has hundreds of thousands of definitions).
    // The matching types of a file (positions in its definitions), at most
    // `limit`, or `None` if its name rules it out.
    let pick = |summary: &thrift_semantic::FileSummary,
                index: &thrift_semantic::index::FileIndex,
                stem: &str,
                limit: usize|
     -> Option<Vec<usize>> {
        let valid = stem.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && stem.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !valid || prefixes.contains(stem) || qualifier.is_some_and(|q| q != stem) {
            return None;
        }
        let after_stem = (qualifier.is_none()
            && typed.len() > stem.len()
            && starts(&typed, stem)
            && typed.as_bytes()[stem.len()] == b'.')
            .then(|| &typed[stem.len() + 1..]);
        let stem_matches = qualifier.is_none() && starts(stem, &typed);
        let by_name = index.types_with_prefix(summary, if stem_matches { "" } else { &typed });
        let rest = after_stem
            .filter(|_| !stem_matches)
            .into_iter()
            .flat_map(|rest| index.types_with_prefix(summary, rest));
        Some(
            by_name
                .chain(rest)
                .filter(|&i| want.admits(&summary.definitions[i].kind))
                .take(limit)
                .collect(),
        )
    };
    // Also the other files of this file's directory, for `include_path`.
    let dir = here.parent();
    let mut found: Vec<FileId> = Vec::new();
    let mut siblings: Vec<FileId> = Vec::new();
    for (n, (f, summary, index)) in db.summaries().enumerate() {
        if n % 256 == 0 {
            db.unwind_if_cancelled();
        }
        if f == file {
            continue;
        }
        let Some(path) = path_of(f) else { continue };
        if path.parent() == dir {
            siblings.push(f);
        }
        if included.binary_search(&f).is_ok() {
            continue;
        }
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if pick(summary, index, stem, 1).is_some_and(|p| !p.is_empty()) {
            found.push(f);
        }
    }
    siblings.sort_unstable();
    // What the siblings include, by the included file's name: built once,
    // when a first file is offered.
    let mut written: Option<HashMap<&str, Vec<(FileId, &str)>>> = None;
    // Then, in file order, the items with their include edits, until the
    // limit.
    found.sort_unstable();
    let mut offered = 0;
    for f in found {
        db.unwind_if_cancelled();
        let Some(path) = path_of(f) else { continue };
        let (Some(summary), Some(index), Some(stem)) = (
            db.summary(f),
            db.index(f),
            path.file_stem().and_then(|s| s.to_str()),
        ) else {
            continue;
        };
        let Some(mut picked) = pick(summary, index, stem, usize::MAX) else {
            continue;
        };
        // In definition order.
        picked.sort_unstable();
        picked.dedup();
        let types: Vec<_> = picked.iter().map(|&i| &summary.definitions[i]).collect();
        // The file's bare name, when it resolves, is the shortest include
        // there can be (every other ends with it): no need to look at what
        // the siblings write.
        // So is a file of this file's own directory (its relative path).
        let bare = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let include = if !bare.is_empty()
            && (path.parent() == here.parent() || db.resolve_include(file, bare) == Some(f))
        {
            bare.to_string()
        } else {
            let written = written.get_or_insert_with(|| {
                let mut map: HashMap<&str, Vec<(FileId, &str)>> = HashMap::new();
                for &g in &siblings {
                    for include in db.summary(g).iter().flat_map(|s| &s.includes) {
                        let name = include
                            .path
                            .rsplit(['/', '\\'])
                            .next()
                            .unwrap_or(&include.path);
                        map.entry(name)
                            .or_default()
                            .push((g, include.path.as_str()));
                    }
                }
                map
            });
            include_path(db, file, &here, f, &path, written)
        };
        let edit = include_edit(db, file, &include);
        for d in types {
            if offered == WORKSPACE_TYPES_LIMIT {
                return;
            }
            offered += 1;
            let label = match qualifier {
                Some(_) => d.name.clone(),
                None => format!("{stem}.{}", d.name),
            };
            let mut item = CompletionItem::new(
                label,
                kind_of(&d.kind),
                Some(format!(
                    "{} (adds `include \"{include}\"`)",
                    d.kind.keyword()
                )),
            );
            item.additional_edits.push(edit.clone());
            out.push(item);
        }
    }
}

/// How `file` (at `here`) should include `target` (at `path`): the shortest
/// of the path relative to its directory, the suffixes of `path` the
/// resolver finds, and what the other files of its directory (`written`:
/// their includes by the included file's name)
/// already write.
fn include_path(
    db: &Database,
    file: FileId,
    here: &Path,
    target: FileId,
    path: &Path,
    written: &HashMap<&str, Vec<(FileId, &str)>>,
) -> String {
    let dir = here.parent().unwrap_or(Path::new(""));
    let mut candidates = Vec::new();
    let parts: Vec<String> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    for n in 1..=parts.len() {
        let suffix = parts[parts.len() - n..].join("/");
        if db.resolve_include(file, &suffix) == Some(target) {
            candidates.push(suffix);
        }
    }
    // What the other files of the directory write for it.
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    for &(g, include) in written.get(name).into_iter().flatten() {
        if db.resolve_include(g, include) == Some(target) {
            candidates.push(include.to_string());
        }
    }
    candidates.push(relative_path(dir, path));
    candidates
        .into_iter()
        .min_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)))
        .expect("one candidate at least")
}

/// The edit adding `include "<path>"` to `file`: after the last include,
/// or at the top.
pub fn include_edit(db: &Database, file: FileId, path: &str) -> TextEdit {
    let text = db.text(file).unwrap_or_default();
    let at = db
        .parse(file)
        .and_then(|p| {
            p.tree()
                .includes()
                .last()
                .map(|i| usize::from(thrift_syntax::AstNode::syntax(&i).text_range().end()))
        })
        .map_or(0, |end| end + usize::from(text[end..].starts_with('\n')));
    TextEdit {
        range: TextRange::empty(TextSize::new(at as u32)),
        new_text: format!("include \"{path}\"\n"),
    }
}

/// `to` relative to the directory `from`, with `/` separators.
pub fn relative_path(from: &Path, to: &Path) -> String {
    let from: Vec<_> = from.components().collect();
    let to: Vec<_> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); from.len() - common];
    parts.extend(
        to[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

/// In `include "…`: the workspace's `.thrift` files, relative to this
/// file's directory, but for itself and the ones already included.
fn include_paths(
    db: &Database,
    file: FileId,
    text: &str,
    offset: usize,
    path_of: &dyn Fn(FileId) -> Option<PathBuf>,
) -> Option<Vec<CompletionItem>> {
    let line_start = text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let rest = text[line_start..offset]
        .trim_start()
        .strip_prefix("include")?;
    let quoted = rest.trim_start();
    if quoted.len() == rest.len() {
        return None;
    }
    let typed = quoted.strip_prefix('"')?;
    if typed.contains('"') {
        return None;
    }
    let range = TextRange::new(
        TextSize::new((offset - typed.len()) as u32),
        TextSize::new(offset as u32),
    );
    let mut out = Vec::new();
    let Some(here) = path_of(file) else {
        return Some(out);
    };
    let dir = here.parent().unwrap_or(Path::new(""));
    let included = db.includes(file);
    for f in db.file_ids() {
        db.unwind_if_cancelled();
        if f == file || included.contains(&f) {
            continue;
        }
        let Some(path) = path_of(f) else { continue };
        if path.extension().and_then(|e| e.to_str()) != Some("thrift") {
            continue;
        }
        let rel = relative_path(dir, &path);
        let mut item = CompletionItem::new(rel.clone(), CompletionKind::Module, None);
        item.text_edit = Some(TextEdit {
            range,
            new_text: rel,
        });
        out.push(item);
    }
    Some(out)
}

/// In `@Name{...}` or `Name{...}` (fbthrift), the fields of `Name`.
fn initializer_fields(db: &Database, file: FileId, offset: usize) -> Option<Vec<CompletionItem>> {
    use thrift_syntax::{AstNode, ast};
    let parse = db.parse(file)?;
    let token = parse
        .syntax_node()
        .token_at_offset(TextSize::new(offset as u32))
        .left_biased()?;
    let list = token
        .parent_ancestors()
        .find(|n| n.kind() == SyntaxKind::FIELD_INITIALIZER_LIST)?;
    // Not after `=`: then a value is being typed.
    let owner = list.parent()?;
    let path = owner.children().find_map(ast::Path::cast)?;
    let thrift_semantic::Resolution::Found(def) = db.resolve_name(file, &path.text()) else {
        return None;
    };
    let fields = db.def(def)?.kind.fields()?.to_vec();
    let after_eq = {
        let text = db.text(file)?;
        let start = usize::from(list.text_range().start());
        let inside = &text[start..offset];
        let last_sep = inside.rfind([',', ';', '{']).unwrap_or(0);
        inside[last_sep..].contains('=')
    };
    if after_eq {
        return None;
    }
    Some(
        fields
            .into_iter()
            .map(|f| {
                CompletionItem::new(f.name.clone(), CompletionKind::Field, Some(f.ty.display()))
            })
            .collect(),
    )
}

// ---------------------------------------------------------------------------
// Where the cursor is: a lexical state machine over the tokens of the file,
// tolerant of the half-typed text completion sees.

/// What a position wants.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct Want {
    keywords: Vec<&'static str>,
    types: bool,
    exceptions_only: bool,
    /// The next free field id of the enclosing field list.
    next_id: Option<i64>,
    values: bool,
    services: bool,
    namespace_scopes: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FieldsKind {
    Struct,
    Params,
    Throws,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FrameKind {
    Top,
    Fields(FieldsKind),
    Service,
    Enum,
    Angle,
    Value,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum St {
    Start,
    // Top level.
    AfterInclude,
    AfterNamespace,
    AfterNsScope,
    AfterTypedef,
    TypedefType,
    AfterConst,
    ConstType,
    ConstName,
    AfterDefKw(FrameKind),
    DefName(FrameKind),
    AfterExtends,
    AfterAt,
    // Fields.
    AfterId(Option<i64>),
    AfterColon,
    AfterReq,
    // Fields and functions.
    AfterType,
    AfterName,
    AfterEq,
    // Functions.
    AfterOneway,
    AfterParams,
    AfterThrows,
}

#[derive(Debug)]
struct Frame {
    kind: FrameKind,
    state: St,
    close: SyntaxKind,
    ids: Vec<i64>,
    serial: usize,
}

struct Machine {
    stack: Vec<Frame>,
    expect_angle: bool,
    serial: usize,
    /// The frame whose ids are wanted, and its ids once it closes.
    watch: Option<usize>,
    watched: Option<Vec<i64>>,
}

/// A token for the machine: dotted names are one `IDENT`.
struct Tok<'a> {
    kind: SyntaxKind,
    text: &'a str,
    start: usize,
    end: usize,
}

fn tokens(text: &str) -> Vec<Tok<'_>> {
    let mut out: Vec<Tok<'_>> = Vec::new();
    let mut at = 0usize;
    let mut glue = false;
    for t in thrift_syntax::lexer::lex(text).tokens {
        let (start, end) = (at, at + usize::from(t.len));
        at = end;
        if t.kind.is_trivia() {
            glue = false;
            continue;
        }
        let word = t.kind == SyntaxKind::IDENT || t.kind.is_keyword();
        if let Some(last) = out.last_mut()
            && last.end == start
            && last.kind == SyntaxKind::IDENT
            && (t.kind == SyntaxKind::DOT || (glue && word))
        {
            last.end = end;
            last.text = &text[last.start..end];
            glue = t.kind == SyntaxKind::DOT;
            continue;
        }
        glue = false;
        out.push(Tok {
            kind: t.kind,
            text: &text[start..end],
            start,
            end,
        });
    }
    out
}

fn is_container(k: SyntaxKind) -> bool {
    matches!(
        k,
        SyntaxKind::MAP_KW | SyntaxKind::SET_KW | SyntaxKind::LIST_KW
    )
}

fn is_type_token(k: SyntaxKind) -> bool {
    k == SyntaxKind::IDENT || k.is_base_type_keyword() || is_container(k)
}

fn is_name_token(k: SyntaxKind) -> bool {
    k == SyntaxKind::IDENT || k.is_keyword()
}

impl Machine {
    fn new() -> Machine {
        Machine {
            stack: vec![Frame {
                kind: FrameKind::Top,
                state: St::Start,
                close: SyntaxKind::EOF,
                ids: Vec::new(),
                serial: 0,
            }],
            expect_angle: false,
            serial: 0,
            watch: None,
            watched: None,
        }
    }

    fn top(&mut self) -> &mut Frame {
        self.stack.last_mut().expect("the top frame stays")
    }

    fn set(&mut self, state: St) {
        self.top().state = state;
    }

    fn push(&mut self, kind: FrameKind, close: SyntaxKind) {
        self.serial += 1;
        self.stack.push(Frame {
            kind,
            state: St::Start,
            close,
            ids: Vec::new(),
            serial: self.serial,
        });
    }

    fn close(&mut self, k: SyntaxKind) {
        if k == SyntaxKind::R_ANGLE && self.top().kind != FrameKind::Angle {
            return;
        }
        let Some(i) = self.stack.iter().rposition(|f| f.close == k) else {
            return;
        };
        while self.stack.len() > i.max(1) {
            let frame = self.stack.pop().expect("more than the top frame");
            if Some(frame.serial) == self.watch {
                self.watched = Some(frame.ids);
            }
        }
    }

    /// A type starts with `k`: move to `next`.
    fn take_type(&mut self, k: SyntaxKind, next: St) {
        self.set(next);
        self.expect_angle = is_container(k);
    }

    fn step(&mut self, t: &Tok<'_>) {
        use SyntaxKind as K;
        let k = t.kind;
        if std::mem::take(&mut self.expect_angle) && k == K::L_ANGLE {
            self.push(FrameKind::Angle, K::R_ANGLE);
            return;
        }
        if matches!(k, K::R_BRACE | K::R_PAREN | K::R_BRACK | K::R_ANGLE) {
            self.close(k);
            return;
        }
        let frame = self.top();
        let (kind, state) = (frame.kind, frame.state);
        match (kind, state) {
            (FrameKind::Top, St::Start) => match k {
                K::INCLUDE_KW | K::CPP_INCLUDE_KW => self.set(St::AfterInclude),
                K::IDENT if t.text == "package" => self.set(St::AfterInclude),
                K::NAMESPACE_KW => self.set(St::AfterNamespace),
                K::TYPEDEF_KW => self.set(St::AfterTypedef),
                K::CONST_KW => self.set(St::AfterConst),
                K::STRUCT_KW | K::UNION_KW | K::EXCEPTION_KW => {
                    self.set(St::AfterDefKw(FrameKind::Fields(FieldsKind::Struct)))
                }
                K::ENUM_KW | K::SENUM_KW => self.set(St::AfterDefKw(FrameKind::Enum)),
                K::SERVICE_KW => self.set(St::AfterDefKw(FrameKind::Service)),
                K::IDENT if t.text == "interaction" => self.set(St::AfterDefKw(FrameKind::Service)),
                K::AT => self.set(St::AfterAt),
                _ => self.open_other(k),
            },
            (FrameKind::Top, St::AfterInclude | St::AfterNsScope | St::TypedefType) => {
                self.set(St::Start)
            }
            (FrameKind::Top, St::AfterNamespace) => self.set(St::AfterNsScope),
            (FrameKind::Top, St::AfterTypedef) if is_type_token(k) => {
                self.take_type(k, St::TypedefType)
            }
            (FrameKind::Top, St::AfterConst) if is_type_token(k) => {
                self.take_type(k, St::ConstType)
            }
            (FrameKind::Top, St::ConstType) if is_name_token(k) => self.set(St::ConstName),
            (FrameKind::Top, St::ConstName) if k == K::EQ => self.set(St::AfterEq),
            (FrameKind::Top, St::AfterEq) => {
                self.set(St::Start);
                self.open_value(k);
            }
            (FrameKind::Top, St::AfterDefKw(def)) if is_name_token(k) => self.set(St::DefName(def)),
            (FrameKind::Top, St::DefName(def)) => match k {
                K::L_BRACE => {
                    self.set(St::Start);
                    self.push(def, K::R_BRACE);
                }
                K::EXTENDS_KW => self.set(St::AfterExtends),
                _ => self.open_other(k),
            },
            (FrameKind::Top, St::AfterExtends) => self.set(St::DefName(FrameKind::Service)),
            (FrameKind::Top | FrameKind::Fields(_) | FrameKind::Service, St::AfterAt) => {
                self.set(St::Start)
            }
            (FrameKind::Top, _) => {
                self.set(St::Start);
                self.step(t);
            }
            (FrameKind::Fields(_), St::Start) => match k {
                K::INT_NUMBER => self.set(St::AfterId(t.text.parse().ok())),
                K::REQUIRED_KW | K::OPTIONAL_KW => self.set(St::AfterReq),
                K::AT => self.set(St::AfterAt),
                _ if is_type_token(k) => self.take_type(k, St::AfterType),
                _ => self.open_other(k),
            },
            (FrameKind::Fields(_), St::AfterId(id)) if k == K::COLON => {
                if let Some(id) = id {
                    self.top().ids.push(id);
                }
                self.set(St::AfterColon);
            }
            (FrameKind::Fields(_), St::AfterColon)
                if matches!(k, K::REQUIRED_KW | K::OPTIONAL_KW) =>
            {
                self.set(St::AfterReq)
            }
            (FrameKind::Fields(_), St::AfterColon | St::AfterReq) if is_type_token(k) => {
                self.take_type(k, St::AfterType)
            }
            (FrameKind::Fields(_) | FrameKind::Service, St::AfterType) if is_name_token(k) => {
                self.set(St::AfterName)
            }
            (FrameKind::Fields(_), St::AfterName) if k == K::EQ => self.set(St::AfterEq),
            (FrameKind::Fields(_), St::AfterEq) => {
                self.set(St::Start);
                self.open_value(k);
            }
            (FrameKind::Service, St::Start) => match k {
                K::ONEWAY_KW => self.set(St::AfterOneway),
                K::VOID_KW => self.set(St::AfterType),
                K::AT => self.set(St::AfterAt),
                _ if is_type_token(k) => self.take_type(k, St::AfterType),
                _ => self.open_other(k),
            },
            (FrameKind::Service, St::AfterOneway) if k == K::VOID_KW || is_type_token(k) => {
                self.take_type(k, St::AfterType)
            }
            (FrameKind::Service, St::AfterName) if k == K::L_PAREN => {
                self.set(St::AfterParams);
                self.push(FrameKind::Fields(FieldsKind::Params), K::R_PAREN);
            }
            (FrameKind::Service, St::AfterParams) if k == K::THROWS_KW => self.set(St::AfterThrows),
            (FrameKind::Service, St::AfterThrows) if k == K::L_PAREN => {
                self.set(St::Start);
                self.push(FrameKind::Fields(FieldsKind::Throws), K::R_PAREN);
            }
            (FrameKind::Fields(_) | FrameKind::Service, _) => {
                self.set(St::Start);
                self.step(t);
            }
            (FrameKind::Angle, _) => match k {
                K::COMMA => self.set(St::Start),
                _ if state == St::Start && is_type_token(k) => self.take_type(k, St::AfterType),
                _ => self.open_other(k),
            },
            (FrameKind::Other, _) => match k {
                K::EQ => self.set(St::AfterEq),
                _ => {
                    self.set(St::Start);
                    self.open_value(k);
                }
            },
            (FrameKind::Enum | FrameKind::Value, _) => self.open_value(k),
        }
    }

    /// `(`, `{`, `[` or `<` that no rule took: annotations, initializers.
    fn open_other(&mut self, k: SyntaxKind) {
        use SyntaxKind as K;
        match k {
            K::L_BRACE => self.push(FrameKind::Other, K::R_BRACE),
            K::L_PAREN => self.push(FrameKind::Other, K::R_PAREN),
            K::L_BRACK => self.push(FrameKind::Other, K::R_BRACK),
            K::L_ANGLE => self.push(FrameKind::Angle, K::R_ANGLE),
            _ => {}
        }
    }

    /// A value's `{` or `[`.
    fn open_value(&mut self, k: SyntaxKind) {
        use SyntaxKind as K;
        match k {
            K::L_BRACE => self.push(FrameKind::Value, K::R_BRACE),
            K::L_BRACK => self.push(FrameKind::Value, K::R_BRACK),
            K::L_PAREN => self.push(FrameKind::Other, K::R_PAREN),
            _ => {}
        }
    }

    /// What the position after the tokens stepped so far wants; `newline`
    /// when a line break separates it from the last token.
    fn want(&self, newline: bool) -> Want {
        let frame = self.stack.last().expect("the top frame stays");
        let mut want = Want::default();
        let field_start = |want: &mut Want, kind: FieldsKind| {
            want.next_id = Some(0);
            want.types = true;
            want.exceptions_only = kind == FieldsKind::Throws;
            if kind == FieldsKind::Struct {
                want.keywords = vec!["required", "optional"];
            }
        };
        let function_start = |want: &mut Want| {
            want.keywords = vec!["oneway", "void"];
            want.types = true;
        };
        match (frame.kind, frame.state) {
            (FrameKind::Top, St::Start) => want.keywords = TOP_KEYWORDS.to_vec(),
            (FrameKind::Top, St::AfterNamespace) => want.namespace_scopes = true,
            (FrameKind::Top, St::AfterTypedef | St::AfterConst) => want.types = true,
            (FrameKind::Top | FrameKind::Fields(_) | FrameKind::Other, St::AfterEq) => {
                want.values = true
            }
            (FrameKind::Top, St::AfterExtends) => want.services = true,
            (FrameKind::Fields(kind), St::Start) => field_start(&mut want, kind),
            (FrameKind::Fields(kind), St::AfterName) if newline => field_start(&mut want, kind),
            (FrameKind::Fields(kind), St::AfterColon) => {
                want.types = true;
                want.exceptions_only = kind == FieldsKind::Throws;
                if kind == FieldsKind::Struct {
                    want.keywords = vec!["required", "optional"];
                }
            }
            (FrameKind::Fields(kind), St::AfterReq) => {
                want.types = true;
                want.exceptions_only = kind == FieldsKind::Throws;
            }
            (FrameKind::Service, St::Start) => function_start(&mut want),
            (FrameKind::Service, St::AfterOneway) => want.keywords = vec!["void"],
            (FrameKind::Service, St::AfterParams) => {
                if newline {
                    function_start(&mut want);
                }
                want.keywords.insert(0, "throws");
            }
            (FrameKind::Angle, St::Start) => want.types = true,
            (FrameKind::Value, _) => want.values = true,
            _ => {}
        }
        want
    }
}

const TOP_KEYWORDS: &[&str] = &[
    "include",
    "cpp_include",
    "namespace",
    "typedef",
    "const",
    "enum",
    "struct",
    "union",
    "exception",
    "service",
];

const NAMESPACE_SCOPES: &[&str] = &[
    "*", "cpp", "java", "py", "go", "rs", "js", "netstd", "php", "rb", "swift",
];

/// The wants at `word_start` (where the word being typed starts), with the
/// next free field id filled in from the whole field list.
fn want_at(text: &str, word_start: usize, offset: usize) -> Want {
    let toks = tokens(text);
    let mut m = Machine::new();
    let mut i = 0;
    let mut last_end = 0;
    while i < toks.len() && toks[i].end <= word_start {
        m.step(&toks[i]);
        last_end = toks[i].end;
        i += 1;
    }
    // Inside a comment or a string: nothing.
    if i < toks.len() && toks[i].start < word_start {
        return Want::default();
    }
    let newline = last_end == 0 || text[last_end..word_start].contains(['\n', '\r']);
    let mut want = m.want(newline);
    if want.next_id.is_some() {
        let frame = m.stack.last().expect("the top frame stays");
        let serial = frame.serial;
        m.watch = Some(serial);
        // The rest of the list, past the cursor.
        for t in toks[i..].iter().filter(|t| t.start >= offset) {
            m.step(t);
            if m.watched.is_some() {
                break;
            }
        }
        let ids = m.watched.take().unwrap_or_else(|| {
            m.stack
                .iter()
                .find(|f| f.serial == serial)
                .map(|f| f.ids.clone())
                .unwrap_or_default()
        });
        let max = ids.into_iter().filter(|v| *v > 0).max().unwrap_or(0);
        want.next_id = Some(max.saturating_add(1));
    }
    want
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Completion at every byte offset of a text with multi-byte and
    /// surrogate-pair characters (and a lone `\r`) never panics: offsets
    /// are never computed as "one byte past a character".
    #[test]
    fn completion_never_fails_at_any_offset() {
        let main = "// é\n/** doc 😀 中文 */\ninclude \"other.thrift\"\nnamespace py é.x\n\
                    enum Ä { A = 1, B }\rstruct S😀 { 1: i32 a = 1 // ü\n  2: string s = \"ß😀\"\n\
                    3: other.T😀 t\n}\nconst Ä X = Ä.😀A\nservice Sv { void f(1: i32 é) }\n\
                    struct I { 1: S😀 s = S😀{é = 1} }\n@é😀\nconst i32 Y = 中";
        let other = "struct T { 1: i32 ü }\n";
        let paths = ["/w/main.thrift", "/w/other.thrift", "/w/third.thrift"];
        let mut db = Database::new(|_: FileId, include: &str| {
            (include == "other.thrift").then_some(FileId(1))
        });
        db.apply_change(FileId(0), main);
        db.apply_change(FileId(1), other);
        db.apply_change(FileId(2), "struct Ü😀 {}\nstruct Third {}\n");
        let path_of = |f: FileId| paths.get(f.0 as usize).map(PathBuf::from);
        // The case of issue 14: right after `é`.
        completions_in_workspace(&db, FileId(0), TextSize::new(5), &path_of);
        for offset in 0..=main.len() + 2 {
            completions_in_workspace(&db, FileId(0), TextSize::new(offset as u32), &path_of);
            completions(&db, FileId(0), TextSize::new(offset as u32));
        }
    }
}
