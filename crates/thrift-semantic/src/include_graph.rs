//! The include graph of the whole database, with its strongly connected
//! components, built once per change to what includes what.
//!
//! Two questions are asked of every file and were answered by walking all
//! the files it includes, directly or not, which made a chain of N
//! includes cost N² (1,000 files 0.36 s, 2,000 files 1.4 s):
//!
//! - does an `include` close a cycle ([`Database::in_include_cycle`])? That
//!   is: are the two files in one component;
//! - has anything the file depends on changed since its diagnostics were
//!   cached ([`Database::deps_key`])? That is a Merkle hash: each
//!   component's hash covers its files' summary revisions and the hashes of
//!   the components it includes, computed once per state of the database
//!   in topological order.
//!
//! Both are linear in files + includes. The graph is rebuilt only when what
//! includes what may have changed (a file added, removed, or whose include
//! paths changed; a new resolver; [`Database::includes_resolved_anew`]), not on
//! every keystroke; the hashes once per state.

use std::{
    hash::{Hash, Hasher},
    sync::Arc,
};

use crate::{Database, FileId, fx::HashMap};

/// Files, their resolved includes, and the components of the graph.
pub(crate) struct IncludeGraph {
    /// The include revision of the database it was built for.
    rev: u64,
    /// Each file's component.
    component: HashMap<FileId, u32>,
    /// The files of each component, sorted. Components are numbered in
    /// reverse topological order: a component includes only components
    /// with smaller numbers.
    members: Vec<Vec<FileId>>,
    /// The components each component includes (not itself), sorted.
    includes: Vec<Vec<u32>>,
}

/// The dependency hashes of one state of the database.
pub(crate) struct DepsHashes {
    state: u64,
    graph: Arc<IncludeGraph>,
    /// By component.
    hashes: Vec<u64>,
}

#[derive(Default)]
pub(crate) struct GraphCache {
    graph: Option<Arc<IncludeGraph>>,
    hashes: Option<Arc<DepsHashes>>,
}

impl IncludeGraph {
    fn build(db: &Database, rev: u64) -> IncludeGraph {
        // Sorted: ids in a stable order, whatever the map's.
        let files = db.file_ids();
        let index: HashMap<FileId, u32> = files
            .iter()
            .enumerate()
            .map(|(i, &f)| (f, i as u32))
            .collect();
        let edges: Vec<Vec<u32>> = files
            .iter()
            .map(|&f| {
                let mut out: Vec<u32> = db.includes(f).iter().map(|t| index[t]).collect();
                out.sort_unstable();
                out.dedup();
                out
            })
            .collect();
        let component_of = strongly_connected_components(&edges);
        let count = component_of
            .iter()
            .map(|&c| c as usize + 1)
            .max()
            .unwrap_or(0);
        let mut members = vec![Vec::new(); count];
        let mut includes: Vec<Vec<u32>> = vec![Vec::new(); count];
        for (i, &c) in component_of.iter().enumerate() {
            members[c as usize].push(files[i]);
            for &t in &edges[i] {
                let tc = component_of[t as usize];
                if tc != c {
                    includes[c as usize].push(tc);
                }
            }
        }
        for list in &mut includes {
            list.sort_unstable();
            list.dedup();
        }
        let component = files
            .iter()
            .zip(&component_of)
            .map(|(&f, &c)| (f, c))
            .collect();
        IncludeGraph {
            rev,
            component,
            members,
            includes,
        }
    }
}

/// Tarjan's strongly connected components of a graph given as each
/// node's edges, without recursion (a chain of 100,000 includes must not
/// overflow the stack). Returns each node's component; components come
/// out sinks first, so a component's edges lead only to components
/// numbered lower. Public for callers that order files by their includes
/// (`thrift-project`'s loader).
pub fn strongly_connected_components(edges: &[Vec<u32>]) -> Vec<u32> {
    const UNSEEN: u32 = u32::MAX;
    let n = edges.len();
    let mut order = vec![UNSEEN; n];
    let mut low = vec![0u32; n];
    let mut on_stack = vec![false; n];
    let mut component = vec![UNSEEN; n];
    let mut stack: Vec<u32> = Vec::new();
    let mut next_order = 0u32;
    let mut next_component = 0u32;
    // (node, index of the next edge to follow)
    let mut calls: Vec<(u32, usize)> = Vec::new();
    for root in 0..n as u32 {
        if order[root as usize] != UNSEEN {
            continue;
        }
        calls.push((root, 0));
        order[root as usize] = next_order;
        low[root as usize] = next_order;
        next_order += 1;
        stack.push(root);
        on_stack[root as usize] = true;
        while let Some(&mut (v, ref mut next)) = calls.last_mut() {
            let vi = v as usize;
            if let Some(&w) = edges[vi].get(*next) {
                *next += 1;
                let wi = w as usize;
                if order[wi] == UNSEEN {
                    order[wi] = next_order;
                    low[wi] = next_order;
                    next_order += 1;
                    stack.push(w);
                    on_stack[wi] = true;
                    calls.push((w, 0));
                } else if on_stack[wi] {
                    low[vi] = low[vi].min(order[wi]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(parent, _)) = calls.last() {
                let pi = parent as usize;
                low[pi] = low[pi].min(low[vi]);
            }
            if low[vi] == order[vi] {
                while let Some(w) = stack.pop() {
                    on_stack[w as usize] = false;
                    component[w as usize] = next_component;
                    if w == v {
                        break;
                    }
                }
                next_component += 1;
            }
        }
    }
    component
}

impl Database {
    fn graph_cache(&self) -> std::sync::MutexGuard<'_, GraphCache> {
        self.include_graph.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The include graph for the database as it is.
    fn include_graph(&self) -> Arc<IncludeGraph> {
        let rev = self.include_rev();
        if let Some(graph) = &self.graph_cache().graph
            && graph.rev == rev
        {
            return graph.clone();
        }
        // Built off the lock: other threads wait for nothing but may build
        // it too (the result is the same).
        let graph = Arc::new(IncludeGraph::build(self, rev));
        let mut cache = self.graph_cache();
        // A snapshot of an older state must not replace a newer graph.
        if cache.graph.as_ref().is_none_or(|g| g.rev <= rev) {
            cache.graph = Some(graph.clone());
        }
        graph
    }

    /// Whether `file` including `target` closes a cycle: `target` is
    /// `file`, or includes it back, directly or not.
    pub(crate) fn in_include_cycle(&self, file: FileId, target: FileId) -> bool {
        if file == target {
            return true;
        }
        let graph = self.include_graph();
        match (graph.component.get(&file), graph.component.get(&target)) {
            (Some(a), Some(b)) => a == b,
            _ => false,
        }
    }

    /// A hash of the summary revisions of every file that `file` includes,
    /// directly or not (and of those in its own cycle, if any): it changes
    /// when any of them changes, or when what the file reaches changes.
    pub(crate) fn deps_key(&self, file: FileId) -> u64 {
        let hashes = self.deps_hashes();
        match hashes.graph.component.get(&file) {
            Some(&c) => hashes.hashes[c as usize],
            None => 0,
        }
    }

    fn deps_hashes(&self) -> Arc<DepsHashes> {
        let state = self.state();
        if let Some(hashes) = &self.graph_cache().hashes
            && hashes.state == state
        {
            return hashes.clone();
        }
        let graph = self.include_graph();
        let mut hashes: Vec<u64> = Vec::with_capacity(graph.members.len());
        // Components include only lower-numbered ones: those are done.
        for (members, includes) in graph.members.iter().zip(&graph.includes) {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            for &f in members {
                f.hash(&mut h);
                self.summary_rev(f).hash(&mut h);
            }
            // A separator, so that members and included hashes cannot be
            // read as each other.
            u64::MAX.hash(&mut h);
            for &c in includes {
                hashes[c as usize].hash(&mut h);
            }
            hashes.push(h.finish());
        }
        let hashes = Arc::new(DepsHashes {
            state,
            graph,
            hashes,
        });
        let mut cache = self.graph_cache();
        if cache.hashes.as_ref().is_none_or(|h| h.state <= state) {
            cache.hashes = Some(hashes.clone());
        }
        hashes
    }
}

#[cfg(test)]
mod tests {
    use super::strongly_connected_components as tarjan;

    #[test]
    fn components_come_out_sinks_first() {
        // 0 -> 1 -> 2 -> 1, 0 -> 3; 4 alone.
        let edges = vec![vec![1, 3], vec![2], vec![1], vec![], vec![]];
        let c = tarjan(&edges);
        assert_eq!(c[1], c[2]);
        assert_ne!(c[0], c[1]);
        assert_ne!(c[0], c[3]);
        // Edges go to lower components.
        for (v, targets) in edges.iter().enumerate() {
            for &w in targets {
                assert!(c[w as usize] <= c[v], "{v} -> {w}");
            }
        }
        let mut distinct = c.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), 4);
    }

    #[test]
    fn a_long_chain_does_not_recurse() {
        let n = 200_000u32;
        let edges: Vec<Vec<u32>> = (0..n)
            .map(|i| if i + 1 < n { vec![i + 1] } else { vec![0] })
            .collect();
        let c = tarjan(&edges);
        assert!(c.iter().all(|&x| x == c[0]), "one cycle through all");
        let edges: Vec<Vec<u32>> = (0..n)
            .map(|i| if i + 1 < n { vec![i + 1] } else { vec![] })
            .collect();
        let c = tarjan(&edges);
        assert_eq!(c[n as usize - 1], 0);
        assert_eq!(c[0], n - 1);
    }
}
