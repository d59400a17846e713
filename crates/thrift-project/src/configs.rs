//! The config of each file of a run: the one given with `--config`, or
//! the nearest `thrift-tools.toml` (through one [`ConfigCache`] per run).

use std::{
    collections::BTreeMap,
    path::{Path, PathBuf},
    sync::Arc,
};

use thrift_config::{Config, ConfigCache, ConfigError};

use crate::Warning;

/// The configs of one run.
#[derive(Debug, Default)]
pub struct Configs {
    explicit: Option<Arc<Config>>,
    cache: ConfigCache,
    /// Every config file used so far, by path (for [`Configs::warnings`]).
    used: BTreeMap<PathBuf, Arc<Config>>,
}

impl Configs {
    /// `explicit`: the config of `--config`, used for every file.
    pub fn new(explicit: Option<Config>) -> Configs {
        let mut configs = Configs {
            explicit: explicit.map(Arc::new),
            ..Configs::default()
        };
        if let Some(c) = configs.explicit.clone() {
            configs.note_used(&c);
        }
        configs
    }

    /// Reads `--config FILE` if given.
    pub fn load(explicit: Option<&Path>) -> Result<Configs, ConfigError> {
        Ok(Configs::new(explicit.map(thrift_config::load).transpose()?))
    }

    /// The configs of the `--config` values (repeatable): a config file
    /// used for every file, and `KEY=VALUE` overrides layered over it, or
    /// over each nearest `thrift-tools.toml` and the defaults
    /// ([`thrift_config::split_config_args`]).
    pub fn from_args(args: &[String]) -> Result<Configs, ConfigError> {
        let (file, overrides) = thrift_config::split_config_args(args)?;
        let explicit = file
            .map(|f| thrift_config::load_with(&f, &overrides))
            .transpose()?;
        let mut configs = Configs::new(explicit);
        configs.cache = ConfigCache::with_overrides(overrides)?;
        Ok(configs)
    }

    /// How many `--config KEY=VALUE` overrides apply over every config.
    pub fn overrides(&self) -> usize {
        self.cache.overrides().given().count()
    }

    /// The explicit config, if any.
    pub fn explicit(&self) -> Option<&Arc<Config>> {
        self.explicit.as_ref()
    }

    /// The config of a file that no config file applies to (and of stdin
    /// without a name): the explicit config, else the defaults with the
    /// overrides over them.
    pub fn fallback(&self) -> Arc<Config> {
        self.explicit
            .clone()
            .unwrap_or_else(|| self.cache.defaults())
    }

    /// `path` made absolute against the working directory, normalised.
    pub fn absolute(&mut self, path: &Path) -> PathBuf {
        crate::normalize(&self.cache.absolute(path))
    }

    /// The config for the files in `dir`.
    pub fn for_dir(&mut self, dir: &Path) -> Result<Arc<Config>, ConfigError> {
        if let Some(c) = &self.explicit {
            return Ok(c.clone());
        }
        let dir = crate::normalize(&self.cache.absolute(dir));
        let config = self.cache.resolve_for_dir(&dir)?;
        self.note_used(&config);
        Ok(config)
    }

    /// The config for a file.
    pub fn for_file(&mut self, file: &Path) -> Result<Arc<Config>, ConfigError> {
        let absolute = self.cache.absolute(file);
        let dir = absolute.parent().unwrap_or(Path::new("/")).to_path_buf();
        self.for_dir(&dir)
    }

    fn note_used(&mut self, config: &Arc<Config>) {
        if let Some(path) = &config.path {
            self.used
                .entry(path.clone())
                .or_insert_with(|| config.clone());
        }
    }

    /// The configs used so far.
    pub fn used(&self) -> impl Iterator<Item = &Arc<Config>> {
        self.used.values()
    }

    /// What is wrong with the configs used so far, though they load: each
    /// `include_dirs` entry that is not a directory.
    pub fn warnings(&self) -> Vec<Warning> {
        let mut out = Vec::new();
        for (path, config) in &self.used {
            for dir in &config.include_dirs {
                if !dir.is_dir() {
                    out.push(Warning(format!(
                        "{}: include directory `{}` does not exist",
                        path.display(),
                        dir.display()
                    )));
                }
            }
        }
        out
    }
}

/// A warning for each `-I` directory that does not exist.
pub fn missing_include_dirs(dirs: &[PathBuf]) -> Vec<Warning> {
    dirs.iter()
        .filter(|d| !d.is_dir())
        .map(|d| {
            Warning(format!(
                "include directory `{}` (-I) does not exist",
                d.display()
            ))
        })
        .collect()
}
