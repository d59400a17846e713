//! Shared by the tests that compare us with the Apache compiler.

use std::{
    collections::{HashMap, VecDeque},
    path::{Path, PathBuf},
    sync::{Arc, RwLock},
};

use thrift_semantic::{Database, FileId};

pub struct Loaded {
    pub db: Database,
    pub file: FileId,
}

/// Loads `path` and everything it includes, with the compiler's search
/// order: the including file's directory, then `include_dirs`.
pub fn load(path: &Path, include_dirs: &[PathBuf]) -> Loaded {
    type Includes = HashMap<(FileId, String), FileId>;
    let includes: Arc<RwLock<Includes>> = Arc::default();
    let resolver_includes = includes.clone();
    let mut db = Database::new(move |from: FileId, inc: &str| {
        resolver_includes
            .read()
            .unwrap()
            .get(&(from, inc.to_string()))
            .copied()
    });
    let mut ids: HashMap<PathBuf, FileId> = HashMap::new();
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut queue = VecDeque::new();
    let root = path.canonicalize().unwrap();
    ids.insert(root.clone(), FileId(0));
    paths.push(root);
    queue.push_back(FileId(0));
    while let Some(id) = queue.pop_front() {
        let path = paths[id.0 as usize].clone();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        db.apply_change(id, &text);
        let dir = path.parent().unwrap().to_path_buf();
        for inc in db.summary(id).unwrap().includes.clone() {
            let found = std::iter::once(&dir)
                .chain(include_dirs)
                .map(|d| d.join(&inc.path))
                .find(|p| p.is_file())
                .and_then(|p| p.canonicalize().ok());
            let Some(found) = found else { continue };
            let target = *ids.entry(found.clone()).or_insert_with(|| {
                paths.push(found.clone());
                queue.push_back(FileId(paths.len() as u32 - 1));
                FileId(paths.len() as u32 - 1)
            });
            includes
                .write()
                .unwrap()
                .insert((id, inc.path.clone()), target);
        }
    }
    Loaded {
        db,
        file: FileId(0),
    }
}
