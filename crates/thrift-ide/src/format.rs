//! Formatting as minimal edits.

use thrift_formatter::{FormatError, FormatOptions};
use thrift_syntax::{TextRange, TextSize};

use crate::TextEdit;

/// The edits that turn `old` into `new`, by lines: unchanged lines are not
/// touched, so cursors and marks in them stay put.
/// `check` runs between the steps (it unwinds when the request is
/// cancelled).
fn diff_edits(old: &str, new: &str, check: &dyn Fn()) -> Vec<TextEdit> {
    check();
    let diff = similar::TextDiff::from_lines(old, new);
    check();
    let mut edits: Vec<TextEdit> = Vec::new();
    let old_lines: Vec<usize> = {
        // Byte offset of each old line start.
        let mut starts = vec![0];
        for (i, b) in old.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i + 1);
            }
        }
        starts
    };
    let line_offset = |line: usize| old_lines.get(line).copied().unwrap_or(old.len());
    for (i, op) in diff.ops().iter().enumerate() {
        if i % 256 == 0 {
            check();
        }
        if let similar::DiffOp::Equal { .. } = op {
            continue;
        }
        let old_range = op.old_range();
        let new_range = op.new_range();
        let start = line_offset(old_range.start);
        let end = line_offset(old_range.end);
        let new_text: String = new_range.filter_map(|i| diff.new_slice(i)).collect();
        edits.push(TextEdit {
            range: TextRange::new(TextSize::new(start as u32), TextSize::new(end as u32)),
            new_text,
        });
    }
    edits
}

/// Edits that format the whole text.
pub fn format_edits(text: &str, options: &FormatOptions) -> Result<Vec<TextEdit>, FormatError> {
    format_edits_checked(text, options, &|| {})
}

/// [`format_edits`], calling `check` between its steps and in its loops:
/// a language server passes its snapshot's `unwind_if_cancelled`.
pub fn format_edits_checked(
    text: &str,
    options: &FormatOptions,
    check: &dyn Fn(),
) -> Result<Vec<TextEdit>, FormatError> {
    let formatted = thrift_formatter::format(text, options, false)?;
    Ok(diff_edits(text, &formatted, check))
}

/// Edits that format the top-level items `range` touches.
pub fn format_range_edits(
    text: &str,
    range: TextRange,
    options: &FormatOptions,
) -> Result<Vec<TextEdit>, FormatError> {
    format_range_edits_checked(text, range, options, &|| {})
}

/// [`format_range_edits`] with `check` (see [`format_edits_checked`]).
pub fn format_range_edits_checked(
    text: &str,
    range: TextRange,
    options: &FormatOptions,
    check: &dyn Fn(),
) -> Result<Vec<TextEdit>, FormatError> {
    let Some((span, replacement)) = thrift_formatter::format_range(text, range, options, false)?
    else {
        return Ok(Vec::new());
    };
    let old = &text[span];
    let start = usize::from(span.start());
    Ok(diff_edits(old, &replacement, check)
        .into_iter()
        .map(|e| TextEdit {
            range: e.range + TextSize::new(start as u32),
            new_text: e.new_text,
        })
        .collect())
}
