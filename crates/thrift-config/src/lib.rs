//! `thrift-tools.toml`: the one configuration file of thrift-tools.
//!
//! It is found by walking up from the file being checked; the nearest one
//! wins. The CLI and the language server resolve options through
//! [`resolve_for_file`], so they always agree.
//!
//! ```toml
//! # Where `include "x.thrift"` looks after the including file's own
//! # directory, in order. Relative to this file.
//! include_dirs = ["idl", "third_party/thrift"]
//!
//! [lint]
//! # Per diagnostic code (T1003) or name (unused-include):
//! # "error", "warning", "hint" or "off".
//! unused-include = "off"
//! T1032 = "error"
//! ```

use std::{
    collections::BTreeMap,
    fmt,
    path::{Path, PathBuf},
};

use serde::Deserialize;

/// The file name looked for.
pub const CONFIG_FILE_NAME: &str = "thrift-tools.toml";

/// A severity set in the config, or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LintLevel {
    Error,
    Warning,
    Hint,
    Off,
}

/// The file as written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    #[serde(default)]
    pub include_dirs: Vec<String>,
    #[serde(default)]
    pub lint: BTreeMap<String, LintLevel>,
}

/// A config file that was found and read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// Where it was found (`None` for the defaults).
    pub path: Option<PathBuf>,
    /// Include directories, made absolute against the config's directory.
    pub include_dirs: Vec<PathBuf>,
    /// Lint levels by code or name, as written.
    pub lint: BTreeMap<String, LintLevel>,
}

/// Why a config file could not be used.
#[derive(Debug)]
pub struct ConfigError {
    pub path: PathBuf,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for ConfigError {}

/// Parses the text of a config file found at `path`.
pub fn parse_config(path: &Path, text: &str) -> Result<Config, ConfigError> {
    let file: ConfigFile = toml::from_str(text).map_err(|e| ConfigError {
        path: path.to_path_buf(),
        message: e.to_string().trim_end().to_string(),
    })?;
    let dir = path.parent().unwrap_or(Path::new("."));
    Ok(Config {
        path: Some(path.to_path_buf()),
        include_dirs: file.include_dirs.iter().map(|d| dir.join(d)).collect(),
        lint: file.lint,
    })
}

/// Reads the config file at `path`.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    parse_config(path, &text)
}

/// The nearest `thrift-tools.toml` in `dir` or one of its ancestors.
pub fn find_config(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(CONFIG_FILE_NAME))
        .find(|p| p.is_file())
}

/// The configuration that applies to `file`: the nearest config file above
/// it, or the defaults when there is none.
pub fn resolve_for_file(file: &Path) -> Result<Config, ConfigError> {
    let absolute = if file.is_absolute() {
        file.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(file))
            .unwrap_or_else(|_| file.to_path_buf())
    };
    let dir = absolute.parent().unwrap_or(Path::new("/"));
    match find_config(dir) {
        Some(path) => load(&path),
        None => Ok(Config::default()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_include_dirs_and_lint_levels() {
        let config = parse_config(
            Path::new("/repo/thrift-tools.toml"),
            "include_dirs = [\"idl\", \"/abs\"]\n[lint]\nunused-include = \"off\"\nT1032 = \"error\"\n",
        )
        .unwrap();
        assert_eq!(
            config.include_dirs,
            [PathBuf::from("/repo/idl"), PathBuf::from("/abs")]
        );
        assert_eq!(config.lint.get("unused-include"), Some(&LintLevel::Off));
        assert_eq!(config.lint.get("T1032"), Some(&LintLevel::Error));
    }

    #[test]
    fn unknown_keys_and_bad_levels_are_errors_with_the_path() {
        let err =
            parse_config(Path::new("/r/thrift-tools.toml"), "include_dir = []\n").unwrap_err();
        assert!(
            err.to_string().starts_with("/r/thrift-tools.toml: "),
            "{err}"
        );
        assert!(err.message.contains("include_dir"), "{err}");
        let err = parse_config(
            Path::new("/r/thrift-tools.toml"),
            "[lint]\nT1001 = \"loud\"\n",
        )
        .unwrap_err();
        assert!(err.message.contains("loud"), "{err}");
    }

    #[test]
    fn nearest_config_wins() {
        let root = std::env::temp_dir().join(format!("thrift-config-test-{}", std::process::id()));
        let sub = root.join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(root.join(CONFIG_FILE_NAME), "include_dirs = [\"top\"]\n").unwrap();
        std::fs::write(
            root.join("a").join(CONFIG_FILE_NAME),
            "include_dirs = [\"mid\"]\n",
        )
        .unwrap();
        let config = resolve_for_file(&sub.join("x.thrift")).unwrap();
        assert_eq!(config.path, Some(root.join("a").join(CONFIG_FILE_NAME)));
        assert_eq!(config.include_dirs, [root.join("a/mid")]);
        std::fs::remove_dir_all(&root).unwrap();
    }
}
