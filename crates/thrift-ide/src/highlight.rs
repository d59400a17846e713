//! Semantic tokens, folding ranges and inlay hints.

use thrift_semantic::{ConstResolution, DefKind, Resolution};
use thrift_syntax::{
    AstNode, SyntaxKind, SyntaxNode, TextRange, TextSize,
    ast::{self, HasName},
};

use crate::{Database, FileId};

/// The token types of [`SemanticToken::kind`], by index (the LSP legend).
pub const TOKEN_TYPES: &[&str] = &[
    "keyword",    // 0
    "type",       // 1
    "struct",     // 2
    "enum",       // 3
    "enumMember", // 4
    "interface",  // 5: services and interactions
    "function",   // 6
    "property",   // 7: fields
    "variable",   // 8: consts
    "namespace",  // 9: include prefixes
    "string",     // 10
    "number",     // 11
    "comment",    // 12
    "decorator",  // 13: annotations
    "parameter",  // 14
];
/// The modifier bits of [`SemanticToken::modifiers`], by bit.
pub const TOKEN_MODIFIERS: &[&str] = &["declaration", "documentation", "defaultLibrary"];

const DECLARATION: u32 = 1;
const DOCUMENTATION: u32 = 2;
const DEFAULT_LIBRARY: u32 = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SemanticToken {
    pub range: TextRange,
    /// An index into [`TOKEN_TYPES`].
    pub kind: u32,
    /// Bits of [`TOKEN_MODIFIERS`].
    pub modifiers: u32,
}

fn def_token_kind(kind: &DefKind) -> u32 {
    match kind {
        DefKind::Struct { .. } | DefKind::Union { .. } | DefKind::Exception { .. } => 2,
        DefKind::Enum { .. } | DefKind::Senum => 3,
        DefKind::Typedef { .. } => 1,
        DefKind::Const { .. } => 8,
        DefKind::Service { .. } | DefKind::Interaction { .. } => 5,
    }
}

/// Tokens for the path segments of a reference.
fn path_tokens(
    db: &Database,
    file: FileId,
    path: &ast::Path,
    node: &SyntaxNode,
    out: &mut Vec<SemanticToken>,
) {
    let is_const = node.kind() == SyntaxKind::CONST_REF;
    let segments = path.segments();
    let text = path.text();
    let prefixes: Vec<String> = db
        .summary(file)
        .map(|s| s.includes.iter().map(|i| i.prefix.clone()).collect())
        .unwrap_or_default();
    // What the last segment (and, for `Enum.VALUE`, the one before) is:
    // what navigation says.
    let (last, enum_before) = if is_const {
        let last = match db.value_ref_target(file, node) {
            ConstResolution::Const(_) => Some(8),
            ConstResolution::EnumValue(..) => Some(4),
            _ => None,
        };
        (last, db.enum_qualifier(file, &text).is_some())
    } else {
        match db.resolve_name(file, &text) {
            Resolution::Found(def) => (db.def(def).map(|d| def_token_kind(&d.kind)), false),
            _ => (None, false),
        }
    };
    let n = segments.len();
    let mut consumed = String::new();
    for (i, segment) in segments.iter().enumerate() {
        if !consumed.is_empty() {
            consumed.push('.');
        }
        consumed.push_str(segment.text());
        let kind = if i + 1 == n {
            last
        } else if enum_before && i + 2 == n {
            Some(3)
        } else if prefixes.contains(&consumed) {
            Some(9)
        } else {
            None
        };
        if let Some(kind) = kind {
            out.push(SemanticToken {
                range: segment.text_range(),
                kind,
                modifiers: 0,
            });
        }
    }
}

/// Semantic tokens of a file (in `range`, if given), in order.
pub fn semantic_tokens(
    db: &Database,
    file: FileId,
    range: Option<TextRange>,
) -> Vec<SemanticToken> {
    let Some(parse) = db.parse(file) else {
        return Vec::new();
    };
    let root = parse.syntax_node();
    let mut out = Vec::new();
    for element in root.descendants_with_tokens() {
        db.unwind_if_cancelled();
        if let Some(r) = range
            && element.text_range().intersect(r).is_none()
        {
            continue;
        }
        match element {
            thrift_syntax::NodeOrToken::Node(node) => {
                let is_const = node.kind() == SyntaxKind::CONST_REF;
                if matches!(
                    node.kind(),
                    SyntaxKind::NAMED_TYPE
                        | SyntaxKind::CONST_REF
                        | SyntaxKind::EXTENDS_CLAUSE
                        | SyntaxKind::STRUCTURED_ANNOTATION
                        | SyntaxKind::STRUCT_LITERAL
                        | SyntaxKind::PERFORMS
                ) && let Some(path) = node.children().find_map(ast::Path::cast)
                {
                    let before = out.len();
                    path_tokens(db, file, &path, &node, &mut out);
                    if node.kind() == SyntaxKind::STRUCTURED_ANNOTATION {
                        for t in &mut out[before..] {
                            if t.range.end() == path.syntax().text_range().end() {
                                t.kind = 13;
                            }
                        }
                    }
                    // fbthrift's `{name: 1}` for a struct: a field.
                    let range = path.syntax().text_range();
                    if is_const
                        && out.len() == before
                        && node.parent().map(|p| p.kind()) == Some(SyntaxKind::CONST_MAP_ENTRY)
                        && db.field_at(file, range.start()).is_some()
                    {
                        out.push(SemanticToken {
                            range,
                            kind: 7,
                            modifiers: 0,
                        });
                    }
                }
            }
            thrift_syntax::NodeOrToken::Token(token) => {
                let kind = token.kind();
                let parent = token.parent().map(|p| p.kind());
                let (k, m) = match kind {
                    SyntaxKind::STRING => (10, 0),
                    SyntaxKind::INT_NUMBER | SyntaxKind::DOUBLE_NUMBER => (11, 0),
                    SyntaxKind::LINE_COMMENT | SyntaxKind::BLOCK_COMMENT => {
                        let doc = token.text().starts_with("///");
                        (12, if doc { DOCUMENTATION } else { 0 })
                    }
                    SyntaxKind::DOC_COMMENT => (12, DOCUMENTATION),
                    SyntaxKind::AT => (13, 0),
                    k if k.is_base_type_keyword() => (1, DEFAULT_LIBRARY),
                    k if k.is_keyword() || k.is_contextual_keyword() => (0, 0),
                    SyntaxKind::IDENT if parent == Some(SyntaxKind::NAME) => {
                        let owner = token.parent().and_then(|n| n.parent()).map(|n| n.kind());
                        let k = match owner {
                            Some(
                                SyntaxKind::STRUCT | SyntaxKind::UNION | SyntaxKind::EXCEPTION,
                            ) => 2,
                            Some(SyntaxKind::ENUM | SyntaxKind::SENUM) => 3,
                            Some(SyntaxKind::ENUM_VALUE) => 4,
                            Some(SyntaxKind::SERVICE | SyntaxKind::INTERACTION) => 5,
                            Some(SyntaxKind::FUNCTION) => 6,
                            Some(SyntaxKind::FIELD) => {
                                let in_params = token
                                    .parent()
                                    .and_then(|n| n.parent())
                                    .and_then(|f| f.parent())
                                    .is_some_and(|l| l.kind() == SyntaxKind::PARAM_LIST);
                                if in_params { 14 } else { 7 }
                            }
                            Some(SyntaxKind::CONST) => 8,
                            Some(SyntaxKind::TYPEDEF) => 1,
                            // A field named in a struct literal or
                            // annotation: a use, not a declaration.
                            Some(SyntaxKind::FIELD_INITIALIZER) => {
                                out.push(SemanticToken {
                                    range: token.text_range(),
                                    kind: 7,
                                    modifiers: 0,
                                });
                                continue;
                            }
                            _ => continue,
                        };
                        (k, DECLARATION)
                    }
                    // Annotation keys.
                    SyntaxKind::IDENT
                        if token
                            .parent()
                            .and_then(|p| p.parent())
                            .is_some_and(|a| a.kind() == SyntaxKind::ANNOTATION) =>
                    {
                        (13, 0)
                    }
                    _ => continue,
                };
                out.push(SemanticToken {
                    range: token.text_range(),
                    kind: k,
                    modifiers: m,
                });
            }
        }
    }
    out.sort_by_key(|t| t.range.start());
    out.dedup_by_key(|t| t.range.start());
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoldKind {
    Region,
    Comment,
    Imports,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fold {
    pub range: TextRange,
    pub kind: FoldKind,
}

/// Folding ranges: bodies and lists over several lines, multi-line
/// comments, and runs of includes and namespaces.
pub fn folding_ranges(db: &Database, file: FileId) -> Vec<Fold> {
    let Some(parse) = db.parse(file) else {
        return Vec::new();
    };
    let Some(text) = db.text(file) else {
        return Vec::new();
    };
    let multiline = |r: TextRange| text[r].contains('\n');
    let root = parse.syntax_node();
    let mut out = Vec::new();
    for element in root.descendants_with_tokens() {
        db.unwind_if_cancelled();
        let range = element.text_range();
        match element.kind() {
            SyntaxKind::FIELD_LIST
            | SyntaxKind::ENUM_VALUE_LIST
            | SyntaxKind::FUNCTION_LIST
            | SyntaxKind::PARAM_LIST
            | SyntaxKind::CONST_LIST
            | SyntaxKind::CONST_MAP
            | SyntaxKind::ANNOTATION_LIST
            | SyntaxKind::FIELD_INITIALIZER_LIST
                if multiline(range) =>
            {
                out.push(Fold {
                    range,
                    kind: FoldKind::Region,
                });
            }
            SyntaxKind::BLOCK_COMMENT | SyntaxKind::DOC_COMMENT if multiline(range) => {
                out.push(Fold {
                    range,
                    kind: FoldKind::Comment,
                });
            }
            _ => {}
        }
    }
    // Runs of headers.
    let mut run: Option<TextRange> = None;
    let mut count = 0;
    for item in root.children() {
        db.unwind_if_cancelled();
        let header = matches!(
            item.kind(),
            SyntaxKind::INCLUDE | SyntaxKind::CPP_INCLUDE | SyntaxKind::NAMESPACE
        );
        if header {
            count += 1;
            run = Some(run.map_or(item.text_range(), |r| r.cover(item.text_range())));
        } else {
            if let Some(r) = run.take().filter(|_| count > 1) {
                out.push(Fold {
                    range: r,
                    kind: FoldKind::Imports,
                });
            }
            count = 0;
        }
    }
    if let Some(r) = run.filter(|_| count > 1) {
        out.push(Fold {
            range: r,
            kind: FoldKind::Imports,
        });
    }
    out.sort_by_key(|f| f.range.start());
    out
}

/// Which inlay hints to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InlayHintConfig {
    /// `= 3` after enum values without an explicit value.
    pub enum_values: bool,
    /// `-1:` before fields without an id: the id the compiler assigns.
    pub field_ids: bool,
    /// `: i64` after a typedef's name where it is used.
    pub typedef_targets: bool,
}

impl Default for InlayHintConfig {
    fn default() -> InlayHintConfig {
        InlayHintConfig {
            enum_values: true,
            field_ids: true,
            typedef_targets: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlayHint {
    pub offset: TextSize,
    pub label: String,
    /// Whether the hint goes before the text at `offset` (else after).
    pub before: bool,
}

fn field_list_hints(fields: Vec<ast::Field>, out: &mut Vec<InlayHint>) {
    let mut auto = -1i64;
    for field in fields {
        match field.field_id().and_then(|i| i.value()) {
            Some(v) if v > 0 => {}
            _ => {
                if field.field_id().is_none()
                    && let Some(first) = field
                        .syntax()
                        .children_with_tokens()
                        .find(|e| !e.kind().is_trivia())
                {
                    out.push(InlayHint {
                        offset: first.text_range().start(),
                        label: format!("{auto}:"),
                        before: true,
                    });
                }
                auto -= 1;
            }
        }
    }
}

/// Inlay hints in `range`.
pub fn inlay_hints(
    db: &Database,
    file: FileId,
    range: TextRange,
    config: InlayHintConfig,
) -> Vec<InlayHint> {
    let Some(parse) = db.parse(file) else {
        return Vec::new();
    };
    let root = parse.syntax_node();
    let mut out = Vec::new();
    for node in root.descendants() {
        db.unwind_if_cancelled();
        if node.text_range().intersect(range).is_none() {
            continue;
        }
        match node.kind() {
            SyntaxKind::ENUM if config.enum_values => {
                let Some(e) = ast::Enum::cast(node.clone()) else {
                    continue;
                };
                let numbers = thrift_semantic::summary::enum_values(&e);
                for (value, (_, number)) in e.values().zip(numbers) {
                    if value.value().is_none()
                        && let Some(name) = value.name()
                    {
                        out.push(InlayHint {
                            offset: name.syntax().text_range().end(),
                            label: format!(" = {number}"),
                            before: false,
                        });
                    }
                }
            }
            SyntaxKind::FIELD_LIST | SyntaxKind::PARAM_LIST if config.field_ids => {
                let fields: Vec<ast::Field> =
                    node.children().filter_map(ast::Field::cast).collect();
                field_list_hints(fields, &mut out);
            }
            SyntaxKind::NAMED_TYPE if config.typedef_targets => {
                typedef_hint(db, file, &node, &mut out)
            }
            _ => {}
        }
    }
    out.retain(|h| range.contains_inclusive(h.offset));
    out.sort_by_key(|h| h.offset);
    out
}

fn typedef_hint(db: &Database, file: FileId, node: &SyntaxNode, out: &mut Vec<InlayHint>) {
    let Some(path) = node.children().find_map(ast::Path::cast) else {
        return;
    };
    if let Resolution::Found(def) = db.resolve_name(file, &path.text())
        && let Some(DefKind::Typedef { target }) = db.def(def).map(|d| &d.kind)
    {
        out.push(InlayHint {
            offset: node.text_range().end(),
            label: format!(": {}", target.display()),
            before: false,
        });
    }
}
