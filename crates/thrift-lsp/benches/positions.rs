//! Offset ↔ LSP position conversions (`thrift_lsp::convert::LineIndex`)
//! on long lines: one position per token of a one-line file, as semantic
//! tokens, diagnostics and document symbols convert them. Converting N
//! positions must cost O(N + text), whatever the line lengths (issue 14,
//! defect 5).
//!
//! `cargo bench -p thrift-lsp --bench positions` (add `-- --quick` for
//! fewer rounds).

use std::{fmt::Write as _, hint::black_box, time::Instant};

use thrift_lsp::convert::{Encoding, LineIndex};
use thrift_syntax::TextSize;
use tower_lsp_server::ls_types::Position;

/// `const list<i32> X = [0, 1, …, n-1]` on one line (40,000 items: 289 KB).
fn ascii_line(n: usize) -> String {
    let mut s = String::from("const list<i32> X = [");
    for i in 0..n {
        write!(s, "{i}, ").unwrap();
    }
    s.push_str("]\n");
    s
}

/// The same with strings holding a 2-byte and a 4-byte (surrogate pair)
/// character: `const list<string> X = ["é0😀", …]`.
fn wide_line(n: usize) -> String {
    let mut s = String::from("const list<string> X = [");
    for i in 0..n {
        write!(s, "\"é{i}😀\", ").unwrap();
    }
    s.push_str("]\n");
    s
}

/// The start and end of every token (every run of word characters and
/// every other non-space character): increasing offsets.
fn token_offsets(text: &str) -> Vec<TextSize> {
    let mut out = Vec::new();
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        let word = c.is_alphanumeric() || c == '_';
        if word != in_word || (!word && !c.is_whitespace()) {
            out.push(TextSize::new(i as u32));
        }
        in_word = word;
    }
    out
}

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let iters = if quick { 1 } else { 5 };
    println!("workload                        bytes  positions   to positions  back to offsets");
    for (name, text) in [
        ("one line, ASCII, 40k items", ascii_line(40_000)),
        ("one line, é and 😀, 20k items", wide_line(20_000)),
        (
            "40k short lines, ASCII",
            ascii_line(40_000).replace(", ", ",\n"),
        ),
    ] {
        let offsets = token_offsets(&text);
        let mut forward = Vec::new();
        let mut back = Vec::new();
        for _ in 0..iters {
            let start = Instant::now();
            let index = LineIndex::new(&text);
            let positions: Vec<Position> = offsets
                .iter()
                .map(|&o| index.position(&text, o, Encoding::Utf16))
                .collect();
            forward.push(start.elapsed().as_secs_f64() * 1e3);
            let start = Instant::now();
            let index = LineIndex::new(&text);
            let sum: u64 = positions
                .iter()
                .map(|&p| u64::from(u32::from(index.offset(&text, p, Encoding::Utf16))))
                .sum();
            back.push(start.elapsed().as_secs_f64() * 1e3);
            black_box((positions, sum));
        }
        println!(
            "{name:<30} {:>7} {:>10} {:>11.2} ms {:>13.2} ms",
            text.len(),
            offsets.len(),
            median(forward),
            median(back)
        );
    }
}
