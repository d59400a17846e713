//! A cancelled snapshot stops the long queries: each feature that loops
//! over a file's tokens, nodes or items, or over the workspace's files,
//! checks the flag and returns `Err(Cancelled)` (issue 14, defect 4).

use std::sync::atomic::Ordering;

use thrift_ide::{AnalysisHost, FileId, InlayHintConfig, TextRange, TextSize};

#[test]
fn cancelled_queries_stop() {
    let mut host = AnalysisHost::new(|_: FileId, _: &str| None);
    let file = FileId(0);
    let text = "include \"x.thrift\"\n/** doc */\nstruct A {\n  1: i32 a = 1\n}\nenum E { X, Y }\nconst list<i32> L = [1, 2, 3]\n";
    host.db_mut().apply_change(file, text);
    let analysis = host.analysis();
    analysis.cancel_flag().store(true, Ordering::Relaxed);
    let all = TextRange::up_to(TextSize::of(text));
    let cancelled = |name: &str, r: thrift_ide::Cancellable<usize>| {
        assert!(r.is_err(), "{name} went on after it was cancelled");
    };
    cancelled(
        "semantic tokens",
        analysis.with_db(|db| thrift_ide::semantic_tokens(db, file, None).len()),
    );
    cancelled(
        "folding ranges",
        analysis.with_db(|db| thrift_ide::folding_ranges(db, file).len()),
    );
    cancelled(
        "inlay hints",
        analysis
            .with_db(|db| thrift_ide::inlay_hints(db, file, all, InlayHintConfig::default()).len()),
    );
    cancelled(
        "document symbols",
        analysis.with_db(|db| thrift_ide::document_symbols(db, file).len()),
    );
    cancelled(
        "workspace symbols",
        analysis.with_db(|db| thrift_ide::workspace_symbols(db, "").len()),
    );
    cancelled(
        "completion",
        analysis.with_db(|db| {
            thrift_ide::completions_in_workspace(db, file, TextSize::of(text), &|_| None).len()
        }),
    );
    cancelled(
        "formatting",
        analysis.with_db(|db| {
            let check = || db.unwind_if_cancelled();
            thrift_ide::format_edits_checked(text, &Default::default(), &check)
                .map_or(0, |e| e.len())
        }),
    );
    // The same queries answer on a fresh snapshot.
    let analysis = host.analysis();
    assert!(
        analysis
            .with_db(|db| thrift_ide::semantic_tokens(db, file, None).len())
            .is_ok_and(|n| n > 0)
    );
}
