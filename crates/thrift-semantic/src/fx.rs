//! Hash maps and sets with rustc's hasher (FxHash): the checks look up
//! file ids, offsets and names millions of times in a workspace, and the
//! standard library's SipHash was about 6% of a check's instructions there
//! (callgrind). The keys are ours or the files' names, and a file that
//! made many names collide would only slow its own check.

pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, rustc_hash::FxBuildHasher>;
pub(crate) type HashSet<T> = std::collections::HashSet<T, rustc_hash::FxBuildHasher>;
