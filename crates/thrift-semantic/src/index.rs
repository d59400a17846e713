//! Per-file positions, computed with the summary at parse time: where the
//! file's definitions are and where it names other definitions. Queries
//! that look across the workspace (references, rename, workspace symbols)
//! read this instead of walking syntax trees, so that they stay fast and do
//! not need the trees of files nobody has open.
//!
//! Unlike the summary, the index holds offsets: it changes on every edit,
//! and is never compared to decide what to recheck.

use thrift_syntax::{
    AstNode, SyntaxKind, TextRange,
    ast::{self, HasName},
};

use crate::summary::FileSummary;

/// What kind of name a use is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UseKind {
    /// A type (`NamedType`) or the service of an `extends` clause.
    Type,
    /// A const or an enum value in a value position.
    Const,
    /// The struct of an annotation: `@Name`, `@inc.Name{...}` (fbthrift).
    Annotation,
    /// The struct of a struct literal: `Name{...}` (fbthrift).
    StructLiteral,
    /// The interaction of `performs Name;` (fbthrift).
    Performs,
}

impl UseKind {
    /// The kind of use of a `PATH` whose parent is `parent`, if the path
    /// names a definition.
    fn of_path_in(parent: SyntaxKind) -> Option<UseKind> {
        Some(match parent {
            SyntaxKind::NAMED_TYPE | SyntaxKind::EXTENDS_CLAUSE => UseKind::Type,
            SyntaxKind::CONST_REF => UseKind::Const,
            SyntaxKind::STRUCTURED_ANNOTATION => UseKind::Annotation,
            SyntaxKind::STRUCT_LITERAL => UseKind::StructLiteral,
            SyntaxKind::PERFORMS => UseKind::Performs,
            _ => return None,
        })
    }

    /// Whether the path names a const or an enum (`Enum.VALUE`), resolved
    /// with `resolve_const`; every other use is a definition's name,
    /// resolved with `resolve_name`.
    pub fn is_const(self) -> bool {
        self == UseKind::Const
    }
}

/// A path that may name a definition: `Foo`, `inc.Foo`, `Enum.VALUE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Use {
    pub range: TextRange,
    pub kind: UseKind,
}

/// A name that may be a field's: `name` in `Foo{name = 1}` or
/// `@Anno{name = 1}` (fbthrift), or the key of a const map entry,
/// `{"name": 1}` or fbthrift's `{name: 1}`, which names a field where the
/// map stands for a struct (struct constants).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldUse {
    /// The field's name as written (for a string key, inside the quotes).
    pub range: TextRange,
    /// The use (a position in [`FileIndex::uses`]) that names the struct
    /// of the literal or annotation; `None` for `{name = 1}` and string
    /// keys, whose struct is the type expected where they stand.
    pub owner: Option<u32>,
}

/// The positions of one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileIndex {
    /// Every path that names a definition, in file order: in a type,
    /// `extends` or value position, an annotation's struct (`@Anno`), a
    /// struct literal's struct (`Foo{...}`) and a `performs` interaction.
    pub uses: Vec<Use>,
    /// Every field name of a struct literal or an annotation, and every
    /// string or one-name key of a const map, in file order.
    pub field_uses: Vec<FieldUse>,
    /// Parallel to the summary's `definitions`: each named top-level
    /// definition's whole range and its name's range.
    pub definitions: Vec<(TextRange, TextRange)>,
    /// The name of every enum value, in file order, with the position of
    /// its enum in `definitions`: parallel to the values of the summary's
    /// enums (an unnamed value has an empty range where it starts).
    pub enum_values: Vec<(u32, TextRange)>,
    /// The summary's type definitions (positions in its `definitions`),
    /// sorted by name, ASCII case-insensitively: completion finds the
    /// types with a prefix by binary search instead of a scan.
    types_by_name: Vec<u32>,
    /// Parallel to `types_by_name`: the first 8 bytes of each name,
    /// lowercased, big-endian, zero-padded. The binary search compares
    /// these, in one block of memory, instead of following a pointer to
    /// each name (a cache miss each, thousands of files per query).
    type_keys: Vec<u64>,
    /// Which first letters and which first two letters (lowercased,
    /// hashed to 256 bits) the types' names have: most files are ruled out
    /// for a prefix without touching `type_keys`.
    first_letters: u64,
    first_pairs: [u64; 4],
}

fn letter_bit(b: u8) -> u32 {
    u32::from(b.to_ascii_lowercase()) % 64
}

fn pair_bit(a: u8, b: u8) -> u32 {
    (u32::from(a.to_ascii_lowercase()) * 31 + u32::from(b.to_ascii_lowercase())) % 256
}

/// The first 8 bytes of `s`, ASCII-lowercased, as a big-endian number
/// (zero-padded): keys order like the lowercased strings they start.
fn key(s: &str) -> u64 {
    let mut k = [0u8; 8];
    for (d, b) in k.iter_mut().zip(s.bytes()) {
        *d = b.to_ascii_lowercase();
    }
    u64::from_be_bytes(k)
}

fn lowercase(s: &str) -> impl Iterator<Item = u8> + '_ {
    s.bytes().map(|b| b.to_ascii_lowercase())
}

/// Whether `name` starts with `prefix`, ASCII case-insensitively (Thrift
/// names are ASCII), without allocating.
pub fn starts_with_ignore_case(name: &str, prefix: &str) -> bool {
    name.len() >= prefix.len()
        && name.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

impl FileIndex {
    pub fn build(file: &ast::SourceFile) -> FileIndex {
        let mut index = FileIndex::default();
        for def in file.definitions() {
            let Some(name) = def.name() else { continue };
            if name.text().is_empty() {
                continue;
            }
            let position = index.definitions.len() as u32;
            index
                .definitions
                .push((def.syntax().text_range(), name.syntax().text_range()));
            if let ast::Definition::Enum(e) = &def {
                for value in e.values() {
                    let range = match value.name() {
                        Some(n) => n.syntax().text_range(),
                        None => TextRange::empty(value.syntax().text_range().start()),
                    };
                    index.enum_values.push((position, range));
                }
            }
        }
        // Over the green tree, not rowan's cursors (which allocate one per
        // node visited): this runs for every file loaded.
        let root = file.syntax();
        let start = u32::from(root.text_range().start());
        collect_uses(
            root.green().as_ref(),
            SyntaxKind::SOURCE_FILE,
            start,
            None,
            &mut index,
        );
        index.uses.shrink_to_fit();
        index.field_uses.shrink_to_fit();
        index.definitions.shrink_to_fit();
        index.enum_values.shrink_to_fit();
        index
    }

    /// The range of the name of value `value` of the enum at position
    /// `def` of `definitions`.
    pub fn enum_value_name(&self, def: usize, value: usize) -> Option<TextRange> {
        let start = self
            .enum_values
            .partition_point(|&(d, _)| (d as usize) < def);
        let &(d, range) = self.enum_values.get(start + value)?;
        (d as usize == def).then_some(range)
    }

    /// Sorts the summary's types by name (see `types_by_name`).
    pub(crate) fn sort_types(&mut self, summary: &FileSummary) {
        let defs = &summary.definitions;
        let mut types: Vec<u32> = (0..defs.len() as u32)
            .filter(|&i| defs[i as usize].kind.is_type())
            .collect();
        types.sort_by(|&a, &b| {
            lowercase(&defs[a as usize].name).cmp(lowercase(&defs[b as usize].name))
        });
        types.shrink_to_fit();
        self.type_keys = types.iter().map(|&i| key(&defs[i as usize].name)).collect();
        for &i in &types {
            let name = defs[i as usize].name.as_bytes();
            if let Some(&a) = name.first() {
                self.first_letters |= 1 << letter_bit(a);
            }
            if let [a, b, ..] = *name {
                let bit = pair_bit(a, b);
                self.first_pairs[(bit / 64) as usize] |= 1 << (bit % 64);
            }
        }
        self.types_by_name = types;
    }

    /// The positions in `summary.definitions` of the types whose names
    /// start with `prefix` (ASCII case-insensitive), in name order.
    /// `summary` must be the summary this index was built with.
    pub fn types_with_prefix<'a>(
        &'a self,
        summary: &'a FileSummary,
        prefix: &'a str,
    ) -> impl Iterator<Item = usize> + 'a {
        let name = move |i: u32| summary.definitions[i as usize].name.as_str();
        // No name can start with `prefix`'s first letters: nothing to search.
        let ruled_out = match *prefix.as_bytes() {
            [] => false,
            [a] => self.first_letters & (1 << letter_bit(a)) == 0,
            [a, b, ..] => {
                let bit = pair_bit(a, b);
                self.first_pairs[(bit / 64) as usize] & (1 << (bit % 64)) == 0
            }
        };
        let types: &[u32] = if ruled_out { &[] } else { &self.types_by_name };
        let keys: &[u64] = if ruled_out { &[] } else { &self.type_keys };
        // The range whose keys start like `prefix` (its first 8 bytes)...
        let n = prefix.len().min(8);
        let shift = 8 * (8 - n) as u32;
        let want = key(prefix).checked_shr(shift).unwrap_or(0);
        let head = |k: u64| k.checked_shr(shift).unwrap_or(0);
        let (start, end) = if prefix.is_empty() {
            (0, keys.len())
        } else {
            let start = keys.partition_point(|&k| head(k) < want);
            (
                start,
                start + keys[start..].partition_point(|&k| head(k) == want),
            )
        };
        // ...then, for a longer prefix, the names themselves.
        types[start..end]
            .iter()
            .filter(move |&&i| prefix.len() <= 8 || starts_with_ignore_case(name(i), prefix))
            .map(|&i| i as usize)
    }

    /// The text of use number `i` of the file whose text is `text`. A
    /// path has no trivia inside (its dots and segments touch: one lexeme
    /// in Apache Thrift), so this is the text as written.
    pub fn use_text<'a>(&self, i: usize, text: &'a str) -> &'a str {
        &text[self.uses[i].range]
    }
}

/// The uses under `node` (of kind `kind`, starting at `offset`), in order.
/// `owner` is the use that names the struct of the innermost struct literal
/// or annotation around `node`, for the field names of its initializers.
fn collect_uses(
    node: &rowan::GreenNodeData,
    kind: SyntaxKind,
    offset: u32,
    mut owner: Option<u32>,
    index: &mut FileIndex,
) {
    if matches!(
        kind,
        SyntaxKind::STRUCT_LITERAL | SyntaxKind::STRUCTURED_ANNOTATION
    ) {
        // Its own struct, if written, comes first; `{name = 1}` has none.
        owner = None;
    }
    let mut at = offset;
    let mut first = true;
    for child in node.children() {
        let len = u32::from(child.text_len());
        if let rowan::NodeOrToken::Node(n) = child {
            let range = TextRange::at(at.into(), len.into());
            let is_key = std::mem::replace(&mut first, false);
            match kind_of(n.kind()) {
                SyntaxKind::LITERAL if is_key && kind == SyntaxKind::CONST_MAP_ENTRY => {
                    if let Some(range) = string_inside(n, at) {
                        index.field_uses.push(FieldUse { range, owner: None });
                    }
                }
                SyntaxKind::CONST_REF if is_key && kind == SyntaxKind::CONST_MAP_ENTRY => {
                    // fbthrift: `{name: 1}`, a bare name that is no const.
                    if let Some(range) = single_name(n, at) {
                        index.field_uses.push(FieldUse { range, owner: None });
                    }
                    collect_uses(n, SyntaxKind::CONST_REF, at, owner, index);
                }
                SyntaxKind::PATH => {
                    if let Some(use_kind) = UseKind::of_path_in(kind) {
                        if matches!(use_kind, UseKind::Annotation | UseKind::StructLiteral) {
                            owner = Some(index.uses.len() as u32);
                        }
                        index.uses.push(Use {
                            range,
                            kind: use_kind,
                        });
                    }
                }
                SyntaxKind::NAME if kind == SyntaxKind::FIELD_INITIALIZER => {
                    index.field_uses.push(FieldUse { range, owner });
                }
                child_kind => collect_uses(n, child_kind, at, owner, index),
            }
        }
        at += len;
    }
}

/// The text inside the quotes of `literal` (which starts at `offset`), if
/// it is a string.
fn string_inside(literal: &rowan::GreenNodeData, offset: u32) -> Option<TextRange> {
    let mut at = offset;
    for child in literal.children() {
        let len = u32::from(child.text_len());
        if let rowan::NodeOrToken::Token(t) = child
            && kind_of(t.kind()) == SyntaxKind::STRING
        {
            let text = t.text();
            let quote = text.chars().next()?;
            let closed = text.len() >= 2 && text.ends_with(quote);
            let inner = len - 1 - u32::from(closed);
            return Some(TextRange::at((at + 1).into(), inner.into()));
        }
        at += len;
    }
    None
}

/// The range of the path of `const_ref` (which starts at `offset`) if it
/// is one name, without dots.
fn single_name(const_ref: &rowan::GreenNodeData, offset: u32) -> Option<TextRange> {
    let mut at = offset;
    for child in const_ref.children() {
        let len = u32::from(child.text_len());
        if let rowan::NodeOrToken::Node(path) = child
            && kind_of(path.kind()) == SyntaxKind::PATH
        {
            let one = path.children().count() == 1;
            return one.then(|| TextRange::at(at.into(), len.into()));
        }
        at += len;
    }
    None
}

fn kind_of(raw: rowan::SyntaxKind) -> SyntaxKind {
    <thrift_syntax::ThriftLanguage as rowan::Language>::kind_from_raw(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uses_and_definitions_with_their_ranges() {
        let text = "include \"inc.thrift\"\nenum E { V }\nconst E c = E.V\nstruct S { 1: inc.T t, 2: list<S> l = [], }\nservice X extends inc.Base {}\nstruct {}\n";
        let parse = thrift_syntax::parse(text);
        let index = FileIndex::build(&parse.tree());
        let uses: Vec<String> = (0..index.uses.len())
            .map(|i| format!("{:?} {}", index.uses[i].kind, index.use_text(i, text)))
            .collect();
        assert_eq!(
            uses,
            [
                "Type E",
                "Const E.V",
                "Type inc.T",
                "Type S",
                "Type inc.Base"
            ]
        );
        // Named definitions only, as in the summary.
        let names: Vec<&str> = index
            .definitions
            .iter()
            .map(|(_, name)| &text[*name])
            .collect();
        assert_eq!(names, ["E", "c", "S", "X"]);
        let (whole, _) = index.definitions[0];
        assert_eq!(&text[whole], "enum E { V }");
        // Enum values' names, by enum and value number.
        assert_eq!(index.enum_value_name(0, 0).map(|r| &text[r]), Some("V"));
        assert_eq!(index.enum_value_name(0, 1), None);
        assert_eq!(index.enum_value_name(2, 0), None);
        let text = "enum A { X = 1, Y }
struct S {}
enum B { Z, = 3, W }
";
        let index = FileIndex::build(&thrift_syntax::parse(text).tree());
        let name = |d, v| index.enum_value_name(d, v).map(|r| &text[r]);
        assert_eq!(
            [name(0, 0), name(0, 1), name(2, 0), name(2, 1), name(2, 2)],
            [Some("X"), Some("Y"), Some("Z"), Some("W"), None]
        );
    }

    #[test]
    fn fbthrift_uses_and_field_names() {
        let text = "include \"cpp.thrift\"\n@cpp.Type{name = \"x\"}\n@Flag\nstruct S {\n  1: S s = S{a = 1, b = T{c = [{d = 2}]}} (k = \"v\");\n  2: S t = {\"e\": {'f': \"g\"}, 1: \"h\", \"\": 2, j: 3, k.l: 4, \"i;\n}\nservice X { performs I; }\n";
        let parse = thrift_syntax::parse(text);
        let index = FileIndex::build(&parse.tree());
        let uses: Vec<String> = (0..index.uses.len())
            .map(|i| format!("{:?} {}", index.uses[i].kind, index.use_text(i, text)))
            .collect();
        assert_eq!(
            uses,
            [
                "Annotation cpp.Type",
                "Annotation Flag",
                "Type S",
                "StructLiteral S",
                "StructLiteral T",
                "Type S",
                "Const j",
                "Const k.l",
                "Performs I"
            ]
        );
        // Each field name with the struct it is a field of, when written.
        let fields: Vec<String> = index
            .field_uses
            .iter()
            .map(|f| {
                let owner = f.owner.map_or("-", |i| index.use_text(i as usize, text));
                format!("{} of {owner}", &text[f.range])
            })
            .collect();
        assert_eq!(
            fields,
            [
                "name of cpp.Type",
                "a of S",
                "b of S",
                "c of T",
                "d of -",
                "e of -",
                "f of -",
                " of -",
                "j of -",
                "i; of -"
            ]
        );
    }

    #[test]
    fn types_by_prefix() {
        let text = "struct apple {}\nconst i32 Apricot = 1\nenum APE { A }\nstruct Banana {}\nservice Apex {}\ntypedef i32 ap\nunion Ap_b {}\n";
        let parse = thrift_syntax::parse(text);
        let summary = crate::summary::summarize(&parse.tree());
        let mut index = FileIndex::build(&parse.tree());
        index.sort_types(&summary);
        let names = |prefix: &str| -> Vec<&str> {
            index
                .types_with_prefix(&summary, prefix)
                .map(|i| summary.definitions[i].name.as_str())
                .collect()
        };
        // Types only (no const, no service), case-insensitively, by name.
        assert_eq!(names("ap"), ["ap", "Ap_b", "APE", "apple"]);
        assert_eq!(names("APP"), ["apple"]);
        assert_eq!(names(""), ["ap", "Ap_b", "APE", "apple", "Banana"]);
        assert!(names("c").is_empty());
        assert!(names("applesauce").is_empty());
        // A first letter that exists, a first pair that does not; one letter.
        assert!(names("az").is_empty());
        assert_eq!(names("b"), ["Banana"]);
        assert_eq!(names("A"), ["ap", "Ap_b", "APE", "apple"]);
        // Longer than a key: the names decide.
        let text =
            "struct VeryLongNameOne {}\nstruct VeryLongNameTwo {}\nstruct verylongnamet {}\n";
        let parse = thrift_syntax::parse(text);
        let summary = crate::summary::summarize(&parse.tree());
        let mut index = FileIndex::build(&parse.tree());
        index.sort_types(&summary);
        let names = |prefix: &str| -> Vec<&str> {
            index
                .types_with_prefix(&summary, prefix)
                .map(|i| summary.definitions[i].name.as_str())
                .collect()
        };
        assert_eq!(names("verylongnamet"), ["verylongnamet", "VeryLongNameTwo"]);
        assert_eq!(names("VERYLONGNAMEO"), ["VeryLongNameOne"]);
        assert_eq!(names("VeryLong").len(), 3);
    }
}
