//! The targets of each file (docs/targets.md): the `targets` and
//! `thriftVersion` settings over the `[lint]` ones of the file's config,
//! as `thrift-lint check --target` resolves them.

use std::path::Path;

use thrift_config::TargetOverrides;
use thrift_semantic::FileId;

use super::State;
use crate::InitOptions;

impl InitOptions {
    /// The `targets` and `thriftVersion` settings; invalid ones (an
    /// unknown target or version) are ignored, with the reason.
    pub fn target_overrides(&self) -> (TargetOverrides, Option<String>) {
        let overrides = TargetOverrides {
            targets: self.targets.clone(),
            thrift_version: self.thrift_version.clone(),
        };
        match overrides.validate() {
            Ok(()) => (overrides, None),
            Err(e) => (
                TargetOverrides::default(),
                Some(format!(
                    "the `targets`/`thriftVersion` settings are ignored: {e}"
                )),
            ),
        }
    }
}

impl State {
    /// Declares `file`'s targets in the database.
    pub(super) fn apply_targets(&mut self, file: FileId, path: &Path) {
        let config = self.config_for(path);
        let targets = self.target_overrides.resolve(&config);
        self.host
            .db_mut()
            .set_file_targets(file, (!targets.is_empty()).then_some(targets));
    }

    /// Declares every file's targets again (the settings changed).
    pub(super) fn apply_targets_all(&mut self) {
        for id in self.host.db().file_ids() {
            let path = self.path(id).unwrap_or_default();
            self.apply_targets(id, &path);
        }
    }
}
