//! Cycles of a graph where each node has at most one successor (a typedef
//! names one type, a service extends at most one other): found in one pass,
//! linear in the nodes reached. Following the chain from every node, as
//! the checks did, was quadratic in the chains' lengths.

use std::hash::Hash;

use crate::fx::HashSet;

/// The nodes, among those reached from `starts` through `next`, that lie
/// on a cycle (a node whose chain comes back to it).
pub(crate) fn on_cycles<N: Copy + Eq + Hash>(
    starts: impl IntoIterator<Item = N>,
    mut next: impl FnMut(N) -> Option<N>,
) -> HashSet<N> {
    let mut done: HashSet<N> = HashSet::default();
    let mut cyclic: HashSet<N> = HashSet::default();
    for start in starts {
        // Follow the chain until a node seen before: on this path (a
        // cycle closes) or in an earlier one (nothing new).
        let mut path: Vec<N> = Vec::new();
        let mut on_path: HashSet<N> = HashSet::default();
        let mut current = Some(start);
        while let Some(node) = current {
            if done.contains(&node) {
                break;
            }
            if !on_path.insert(node) {
                let from = path.iter().position(|&n| n == node).unwrap_or(0);
                cyclic.extend(path[from..].iter().copied());
                break;
            }
            path.push(node);
            current = next(node);
        }
        done.extend(path);
    }
    cyclic
}

#[cfg(test)]
mod tests {
    use super::on_cycles;

    #[test]
    fn cycles_and_chains_into_them() {
        // 0 -> 1 -> 2 -> 1 (a cycle of two, 0 leads into it), 3 -> 3,
        // 4 -> 5 (no cycle).
        let next = |n: u32| match n {
            0 => Some(1),
            1 => Some(2),
            2 => Some(1),
            3 => Some(3),
            4 => Some(5),
            _ => None,
        };
        let mut found: Vec<u32> = on_cycles([0, 3, 4, 2], next).into_iter().collect();
        found.sort();
        assert_eq!(found, [1, 2, 3]);
    }

    #[test]
    fn a_long_chain_is_one_pass() {
        // 100,000 nodes in one chain: each is followed once (a chain
        // walked from every node would take 5 billion steps).
        let mut steps = 0u64;
        let n = 100_000u32;
        let found = on_cycles(0..n, |i| {
            steps += 1;
            (i + 1 < n).then_some(i + 1)
        });
        assert!(found.is_empty());
        assert!(steps <= 2 * u64::from(n), "{steps} steps");
    }
}
