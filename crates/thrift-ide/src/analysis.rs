//! [`AnalysisHost`] takes changes; [`Analysis`] is an immutable snapshot of
//! it that answers queries, on any thread, while the host goes on changing.
//!
//! A change to the host cancels the snapshots taken before it: a query
//! running on one stops at its next check and returns `Err(Cancelled)`, so
//! that an editor is never answered from text it no longer shows.

use std::sync::{Arc, atomic::AtomicBool};

use thrift_semantic::{Cancelled, Database, IncludeResolver};

/// A query's result, or [`Cancelled`] when its snapshot went stale (or it
/// was cancelled through [`Analysis::cancel_flag`]).
pub type Cancellable<T> = Result<T, Cancelled>;

/// The mutable side: owns the database and applies changes to it.
pub struct AnalysisHost {
    db: Database,
}

impl AnalysisHost {
    pub fn new(resolver: impl IncludeResolver + 'static) -> AnalysisHost {
        AnalysisHost {
            db: Database::new(resolver),
        }
    }

    /// The current state, for reads that happen where changes do.
    pub fn db(&self) -> &Database {
        &self.db
    }

    /// For changes (`apply_change`, `remove_file`, ...). Every change
    /// cancels the snapshots taken before it.
    pub fn db_mut(&mut self) -> &mut Database {
        &mut self.db
    }

    /// A snapshot of the current state. Cheap: it shares the files.
    pub fn analysis(&self) -> Analysis {
        Analysis {
            db: self.db.snapshot(),
        }
    }
}

/// An immutable snapshot that answers queries.
pub struct Analysis {
    db: Database,
}

impl Analysis {
    /// Runs a query (any of this crate's feature functions, or several)
    /// on the snapshot; `Err(Cancelled)` if it was cancelled on the way.
    pub fn with_db<T>(&self, f: impl FnOnce(&Database) -> T) -> Cancellable<T> {
        Cancelled::catch(|| f(&self.db))
    }

    /// Setting this flag cancels the queries running on this snapshot
    /// (e.g. when the request they answer is cancelled).
    pub fn cancel_flag(&self) -> Arc<AtomicBool> {
        self.db.cancel_flag()
    }

    /// Whether a change (or the flag) cancelled this snapshot.
    pub fn is_cancelled(&self) -> bool {
        self.db.is_cancelled()
    }
}
