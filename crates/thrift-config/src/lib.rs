//! `thrift-tools.toml`: the one configuration file of thrift-tools.
//!
//! It is found by walking up from the file being checked; the nearest one
//! wins. The CLI and the language server resolve options through
//! [`resolve_for_file`], so they always agree; a command that resolves
//! many files in one run uses a [`ConfigCache`], which gives the same
//! answers and reads each directory and config file once.
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
//! # Targets whose rules run (docs/targets.md): thriftpy2, py, go, java,
//! # thriftgo; and the Apache compiler version of py, go and java.
//! targets = ["thriftpy2", "py"]
//! thrift_version = "0.17"
//!
//! [format]
//! indent = 2            # or "tab"
//! line_width = 100
//! align_fields = false
//! align_comments = false
//! separator = "keep"    # "comma", "semicolon", "none"
//! quote_style = "keep"  # "double", "single"
//!
//! [breaking]            # thrift-lint breaking
//! category = "WIRE"     # FILE (default), SOURCE, WIRE_JSON, WIRE
//! use = []              # more categories or rule ids
//! except = ["FIELD_SAME_DEFAULT"]
//! ignore = ["gen/", "legacy/*.thrift"]
//! ignore_only = { FIELD_NO_DELETE = ["internal/"] }
//! against = "origin/main"
//! ```

use std::{
    collections::{BTreeMap, HashMap},
    fmt,
    path::{Path, PathBuf},
    sync::Arc,
};

use serde::Deserialize;
pub use thrift_formatter::{FormatOptions, QuoteStyle, Separator};
use thrift_semantic::{Code, Targets};

mod lint_section;
pub use lint_section::{LintSection, TargetOverrides};

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
    /// Globs of files the tools skip when walking directories.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Names (globs over one path component) of directories and files a
    /// walk never enters; [`DEFAULT_SKIP`] when absent.
    pub skip: Option<Vec<String>>,
    #[serde(default)]
    pub lint: LintSection,
    #[serde(default)]
    pub format: FormatSection,
    /// `"auto"` (the default), `"apache"` or `"fbthrift"`.
    #[serde(default)]
    pub dialect: DialectSetting,
    #[serde(default)]
    pub breaking: BreakingSection,
}

/// `[breaking]`: the breaking-change lint (`thrift-lint breaking`), as
/// written. Rule ids and categories are checked when the file is parsed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BreakingSection {
    /// `FILE` (the default), `SOURCE`, `WIRE_JSON` or `WIRE`.
    pub category: Option<String>,
    /// More categories or rule ids to run.
    #[serde(default, rename = "use")]
    pub use_: Vec<String>,
    /// Rule ids never to run.
    #[serde(default)]
    pub except: Vec<String>,
    /// Files (globs, or directories ending in `/`) whose changes are not
    /// reported, relative to the config's directory.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Per rule id: files where that rule is not reported.
    #[serde(default)]
    pub ignore_only: BTreeMap<String, Vec<String>>,
    /// The default `--against` (a git ref, a directory or a file).
    pub against: Option<String>,
}

/// `[breaking]` with its rule selection and path patterns compiled.
#[derive(Debug, Clone)]
pub struct BreakingConfig {
    pub section: BreakingSection,
    /// The rules `category`, `use` and `except` select (their `dialect`
    /// is the config's).
    pub options: thrift_breaking::Options,
    ignore: Option<globset::GlobSet>,
    ignore_only: BTreeMap<String, globset::GlobSet>,
}

impl Default for BreakingConfig {
    /// No `[breaking]`: the `FILE` category.
    fn default() -> BreakingConfig {
        BreakingConfig {
            section: BreakingSection::default(),
            options: thrift_breaking::Options::select(None, &[], &[])
                .expect("the default selection is valid"),
            ignore: None,
            ignore_only: BTreeMap::new(),
        }
    }
}

impl BreakingConfig {
    /// Whether findings of `rule` in `path` (relative to the config's
    /// directory) are ignored.
    pub fn is_ignored(&self, rule: &str, path: &Path) -> bool {
        self.ignore.as_ref().is_some_and(|g| g.is_match(path))
            || self
                .ignore_only
                .iter()
                .any(|(r, g)| r.eq_ignore_ascii_case(rule) && g.is_match(path))
    }
}

/// Compiles path patterns: a glob, and everything under it when it names a
/// directory (`gen/` or `gen`).
fn path_globs(patterns: &[String], key: &str) -> Result<Option<globset::GlobSet>, String> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut builder = globset::GlobSetBuilder::new();
    for pattern in patterns {
        let trimmed = pattern.trim_end_matches('/');
        for p in [trimmed.to_string(), format!("{trimmed}/**")] {
            let glob = globset::Glob::new(&p)
                .map_err(|e| format!("invalid `{key}` pattern `{pattern}`: {e}"))?;
            builder.add(glob);
        }
    }
    builder
        .build()
        .map(Some)
        .map_err(|e| format!("invalid `{key}` patterns: {e}"))
}

/// Which dialect files are read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DialectSetting {
    /// fbthrift for files with fbthrift markers (`package`, `@`, …), Apache
    /// otherwise.
    #[default]
    Auto,
    Apache,
    Fbthrift,
}

impl DialectSetting {
    /// `None` for auto-detection.
    pub fn dialect(self) -> Option<thrift_syntax::Dialect> {
        match self {
            DialectSetting::Auto => None,
            DialectSetting::Apache => Some(thrift_syntax::Dialect::Apache),
            DialectSetting::Fbthrift => Some(thrift_syntax::Dialect::FbThrift),
        }
    }
}

/// `[format]`: every key optional; missing ones keep the defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormatSection {
    pub indent: Option<IndentSetting>,
    pub line_width: Option<usize>,
    pub align_fields: Option<bool>,
    pub align_comments: Option<bool>,
    pub separator: Option<SeparatorSetting>,
    pub quote_style: Option<QuoteSetting>,
}

/// `indent = 2` (spaces) or `indent = "tab"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum IndentSetting {
    Spaces(usize),
    Tab(TabKeyword),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TabKeyword {
    Tab,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SeparatorSetting {
    Keep,
    Comma,
    Semicolon,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteSetting {
    Keep,
    Double,
    Single,
}

/// A config file that was found and read.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Where it was found (`None` for the defaults).
    pub path: Option<PathBuf>,
    /// Include directories, made absolute against the config's directory.
    pub include_dirs: Vec<PathBuf>,
    /// Lint levels by code or name, as written.
    pub lint: BTreeMap<String, LintLevel>,
    /// Formatter options, defaults filled in (their `dialect` is the
    /// config's).
    pub format: FormatOptions,
    /// The dialect setting.
    pub dialect: DialectSetting,
    /// Files to skip when walking directories, relative to the config's
    /// directory.
    pub exclude: Option<globset::GlobSet>,
    /// The `exclude` patterns as written, in the order of `exclude`'s
    /// globs (to say which one matched nothing).
    pub exclude_patterns: Vec<String>,
    /// Names a walk never enters (`skip`, else [`DEFAULT_SKIP`]).
    pub skip: Skip,
    /// `[lint]` by code: names and codes resolved, unknown ones refused.
    pub lint_levels: BTreeMap<Code, LintLevel>,
    /// The directory the config applies to (its own).
    pub root: Option<PathBuf>,
    /// `[breaking]`.
    pub breaking: BreakingConfig,
    /// `targets` and `thrift_version` of `[lint]`, checked.
    pub targets: Targets,
}

impl PartialEq for Config {
    fn eq(&self, other: &Config) -> bool {
        self.path == other.path
            && self.include_dirs == other.include_dirs
            && self.lint == other.lint
            && self.format == other.format
            && self.dialect == other.dialect
            && self.breaking.section == other.breaking.section
            && self.targets == other.targets
    }
}

impl Eq for Config {}

/// The names a walk skips unless a config's `skip` replaces them: hidden
/// entries (`.git`, `.venv`, `.cache`, …), dependency and build output.
pub const DEFAULT_SKIP: &[&str] = &[".*", "node_modules", "target", "build", "buck-out"];

/// Compiled `skip` names.
#[derive(Debug, Clone)]
pub struct Skip {
    patterns: Vec<String>,
    set: globset::GlobSet,
}

impl Skip {
    /// Compiles name globs (`*` does not cross `/`; a name has none).
    pub fn new(patterns: &[String]) -> Result<Skip, String> {
        let mut builder = globset::GlobSetBuilder::new();
        for pattern in patterns {
            let glob = globset::GlobBuilder::new(pattern)
                .literal_separator(true)
                .build()
                .map_err(|e| format!("invalid `skip` pattern `{pattern}`: {e}"))?;
            builder.add(glob);
        }
        let set = builder
            .build()
            .map_err(|e| format!("invalid `skip` patterns: {e}"))?;
        Ok(Skip {
            patterns: patterns.to_vec(),
            set,
        })
    }

    /// Whether a directory or file with this name is skipped.
    pub fn is_match(&self, name: &std::ffi::OsStr) -> bool {
        self.set.is_match(Path::new(name))
    }

    /// The patterns as written.
    pub fn patterns(&self) -> &[String] {
        &self.patterns
    }
}

impl Default for Skip {
    fn default() -> Skip {
        let patterns: Vec<String> = DEFAULT_SKIP.iter().map(|s| s.to_string()).collect();
        Skip::new(&patterns).expect("the default skip list compiles")
    }
}

impl Config {
    /// The indices (into `exclude_patterns`) of the `exclude` patterns
    /// that match `path`.
    pub fn excluded_by(&self, path: &Path) -> Vec<usize> {
        let (Some(set), Some(root)) = (&self.exclude, &self.root) else {
            return Vec::new();
        };
        match path.strip_prefix(root) {
            Ok(relative) => set.matches(relative),
            Err(_) => set.matches(path),
        }
    }

    /// Whether `path` is excluded by the config's `exclude` globs.
    pub fn is_excluded(&self, path: &Path) -> bool {
        let (Some(set), Some(root)) = (&self.exclude, &self.root) else {
            return false;
        };
        match path.strip_prefix(root) {
            Ok(relative) => set.is_match(relative),
            Err(_) => set.is_match(path),
        }
    }
}

/// Why a config file could not be used.
#[derive(Debug, Clone)]
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

/// `--config KEY=VALUE` overrides (as ruff has them): TOML key/value
/// pairs layered, in the order given, over the config each file uses
/// (the file of `--config FILE`, the nearest `thrift-tools.toml`, or the
/// defaults). Tables merge key by key; any other value (an array too)
/// replaces the config's. Relative paths in an override (`include_dirs`,
/// `exclude`) are relative to the config's directory, or to the working
/// directory when no config file applies.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// Each override as given, with its table.
    items: Vec<(String, toml::Table)>,
}

impl Overrides {
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The overrides as given.
    pub fn given(&self) -> impl Iterator<Item = &str> {
        self.items.iter().map(|(g, _)| g.as_str())
    }

    /// Adds an override: `given` must be TOML (`format.indent = 4`,
    /// `dialect = "apache"`) that makes a valid config on its own; the
    /// error names it.
    pub fn push(&mut self, given: &str) -> Result<(), ConfigError> {
        let err = |message: String| ConfigError {
            path: PathBuf::from(format!("--config '{given}'")),
            message,
        };
        let table: toml::Table = given.parse().map_err(|e: toml::de::Error| {
            err(format!(
                "not a TOML `key = value` override ({}); strings need quotes, as in `dialect=\"apache\"`",
                e.message().trim_end()
            ))
        })?;
        if table.is_empty() {
            return Err(err("no key to override".to_string()));
        }
        // Checked alone, so that a bad key or value is blamed on the
        // override that has it, not on a config file.
        config_from_table(Path::new("thrift-tools.toml"), table.clone())
            .map_err(|e| err(e.message))?;
        self.items.push((given.to_string(), table));
        Ok(())
    }

    /// Layers the overrides over `table`.
    fn apply(&self, table: &mut toml::Table) {
        for (_, over) in &self.items {
            merge(table, over);
        }
    }

    /// The defaults with the overrides over them, for files that no config
    /// file applies to; relative paths in them are relative to `dir`.
    pub fn defaults(&self, dir: &Path) -> Result<Config, ConfigError> {
        if self.is_empty() {
            return Ok(Config::default());
        }
        let mut table = toml::Table::new();
        self.apply(&mut table);
        let mut config = config_from_table(&dir.join(CONFIG_FILE_NAME), table)?;
        config.path = None;
        Ok(config)
    }
}

/// `over` into `base`: tables key by key, other values replace.
fn merge(base: &mut toml::Table, over: &toml::Table) {
    for (key, value) in over {
        match (base.get_mut(key), value) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge(b, o),
            _ => {
                base.insert(key.clone(), value.clone());
            }
        }
    }
}

/// The values of `--config` (repeatable): at most one config file, and
/// [`Overrides`]. A value that names an existing file is the file; one
/// that contains `=` is an override; any other is taken as a file (and
/// fails to load if there is none).
pub fn split_config_args(args: &[String]) -> Result<(Option<PathBuf>, Overrides), ConfigError> {
    let mut file: Option<PathBuf> = None;
    let mut overrides = Overrides::default();
    for arg in args {
        if !Path::new(arg).is_file() && arg.contains('=') {
            overrides.push(arg)?;
            continue;
        }
        if let Some(first) = &file {
            return Err(ConfigError {
                path: PathBuf::from(arg),
                message: format!(
                    "only one config file can be given (already `{}`); `--config KEY=VALUE` overrides it",
                    first.display()
                ),
            });
        }
        file = Some(PathBuf::from(arg));
    }
    Ok((file, overrides))
}

/// Parses the text of a config file found at `path`.
pub fn parse_config(path: &Path, text: &str) -> Result<Config, ConfigError> {
    parse_config_with(path, text, &Overrides::default())
}

/// [`parse_config`] with `overrides` layered over the file.
pub fn parse_config_with(
    path: &Path,
    text: &str,
    overrides: &Overrides,
) -> Result<Config, ConfigError> {
    let syntax_error = |e: toml::de::Error| ConfigError {
        path: path.to_path_buf(),
        message: e.to_string().trim_end().to_string(),
    };
    if overrides.is_empty() {
        let file: ConfigFile = toml::from_str(text).map_err(syntax_error)?;
        return config_from_file(path, file);
    }
    let mut table: toml::Table = text.parse().map_err(syntax_error)?;
    overrides.apply(&mut table);
    config_from_table(path, table).map_err(|mut e| {
        e.message = format!("{} (with the --config overrides)", e.message);
        e
    })
}

/// A config from a TOML table (an override, or a file with overrides).
fn config_from_table(path: &Path, table: toml::Table) -> Result<Config, ConfigError> {
    let file: ConfigFile = table.try_into().map_err(|e: toml::de::Error| ConfigError {
        path: path.to_path_buf(),
        message: e.to_string().trim_end().to_string(),
    })?;
    config_from_file(path, file)
}

/// Checks and compiles a config file as read.
fn config_from_file(path: &Path, file: ConfigFile) -> Result<Config, ConfigError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let err = |message: String| ConfigError {
        path: path.to_path_buf(),
        message,
    };
    let exclude = if file.exclude.is_empty() {
        None
    } else {
        let mut builder = globset::GlobSetBuilder::new();
        for pattern in &file.exclude {
            let glob = globset::Glob::new(pattern)
                .map_err(|e| err(format!("invalid `exclude` pattern `{pattern}`: {e}")))?;
            builder.add(glob);
        }
        Some(
            builder
                .build()
                .map_err(|e| err(format!("invalid `exclude` patterns: {e}")))?,
        )
    };
    let mut ignore_only = BTreeMap::new();
    for (rule, patterns) in &file.breaking.ignore_only {
        if let Some(set) = path_globs(patterns, "breaking.ignore_only").map_err(err)? {
            ignore_only.insert(rule.clone(), set);
        }
    }
    // Rule ids and categories are checked here, so that every tool
    // refuses a config with a bad one, not only `thrift-lint breaking`.
    let mut options = thrift_breaking::Options::select(
        file.breaking.category.as_deref(),
        &file.breaking.use_,
        &file.breaking.except,
    )
    .map_err(err)?;
    options.dialect = file.dialect.dialect();
    for rule in file.breaking.ignore_only.keys() {
        if thrift_breaking::Rule::by_id(rule).is_none() {
            return Err(err(format!(
                "unknown breaking rule `{rule}` in `breaking.ignore_only`"
            )));
        }
    }
    let breaking = BreakingConfig {
        ignore: path_globs(&file.breaking.ignore, "breaking.ignore").map_err(err)?,
        ignore_only,
        options,
        section: file.breaking.clone(),
    };
    let mut lint_levels = BTreeMap::new();
    let targets = Targets::parse(&file.lint.targets, file.lint.thrift_version.as_deref())
        .map_err(|e| err(format!("invalid `[lint]` targets: {e}")))?;
    for (key, level) in &file.lint.levels {
        let code = Code::from_str(key)
            .ok_or_else(|| err(format!("unknown diagnostic code `{key}` in [lint]")))?;
        lint_levels.insert(code, *level);
    }
    let skip = match &file.skip {
        Some(patterns) => Skip::new(patterns).map_err(err)?,
        None => Skip::default(),
    };
    Ok(Config {
        breaking,
        path: Some(path.to_path_buf()),
        include_dirs: file.include_dirs.iter().map(|d| dir.join(d)).collect(),
        lint: file.lint.levels,
        format: FormatOptions {
            dialect: file.dialect.dialect(),
            ..format_options(&file.format).map_err(err)?
        },
        dialect: file.dialect,
        exclude,
        exclude_patterns: file.exclude.clone(),
        skip,
        lint_levels,
        root: Some(dir.to_path_buf()),
        targets,
    })
}

/// `[format]` over the defaults.
fn format_options(section: &FormatSection) -> Result<FormatOptions, String> {
    let mut options = FormatOptions::default();
    match section.indent {
        Some(IndentSetting::Spaces(0)) => {
            return Err("`format.indent` must be at least 1, or \"tab\"".to_string());
        }
        Some(IndentSetting::Spaces(n)) if n > 16 => {
            return Err("`format.indent` must be at most 16".to_string());
        }
        Some(IndentSetting::Spaces(n)) => options.indent = n,
        Some(IndentSetting::Tab(_)) => options.indent = 0,
        None => {}
    }
    if let Some(width) = section.line_width {
        if !(20..=1000).contains(&width) {
            return Err("`format.line_width` must be between 20 and 1000".to_string());
        }
        options.line_width = width;
    }
    if let Some(v) = section.align_fields {
        options.align_fields = v;
    }
    if let Some(v) = section.align_comments {
        options.align_comments = v;
    }
    if let Some(v) = section.separator {
        options.separator = match v {
            SeparatorSetting::Keep => Separator::Keep,
            SeparatorSetting::Comma => Separator::Comma,
            SeparatorSetting::Semicolon => Separator::Semicolon,
            SeparatorSetting::None => Separator::None,
        };
    }
    if let Some(v) = section.quote_style {
        options.quote_style = match v {
            QuoteSetting::Keep => QuoteStyle::Keep,
            QuoteSetting::Double => QuoteStyle::Double,
            QuoteSetting::Single => QuoteStyle::Single,
        };
    }
    Ok(options)
}

/// Reads the config file at `path`.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    load_with(path, &Overrides::default())
}

/// [`load`] with `overrides` layered over the file.
pub fn load_with(path: &Path, overrides: &Overrides) -> Result<Config, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    // A relative path (`--config thrift-tools.toml`) is made absolute, so
    // that `exclude` and `include_dirs` are relative to the config's
    // directory whatever the working directory. Messages keep the path as
    // given.
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    let mut config = parse_config_with(&absolute, &text, overrides).map_err(|e| ConfigError {
        path: path.to_path_buf(),
        message: e.message,
    })?;
    config.path = Some(path.to_path_buf());
    Ok(config)
}

/// The nearest `thrift-tools.toml` in `dir` or one of its ancestors.
pub fn find_config(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(CONFIG_FILE_NAME))
        .find(|p| p.is_file())
}

/// The formatter options for `file`: `[format]` of the config that applies
/// to it. The CLI and the language server both call this, so they agree.
pub fn resolve_format_options(file: &Path) -> Result<FormatOptions, ConfigError> {
    Ok(resolve_for_file(file)?.format)
}

/// The configuration that applies to `file`: the nearest config file above
/// it, or the defaults when there is none.
pub fn resolve_for_file(file: &Path) -> Result<Config, ConfigError> {
    ConfigCache::new()
        .resolve_for_file(file)
        .map(Arc::unwrap_or_clone)
}

/// [`resolve_for_file`] for many files in one run: the same answers, but
/// the working directory is read once, each directory is looked at once
/// (a walk up stops at the first directory already answered) and each
/// config file is read and parsed once. It assumes that no
/// `thrift-tools.toml` appears, changes or disappears while it is used;
/// make a new one for each run.
#[derive(Debug, Default)]
pub struct ConfigCache {
    /// The working directory, read on first use (`None` inside if it could
    /// not be read: paths then stay relative, as in `resolve_for_file`).
    cwd: Option<Option<PathBuf>>,
    /// Per directory looked at: the nearest config file in it or above it.
    nearest: HashMap<PathBuf, Option<PathBuf>>,
    /// Per config file: what loading it gave.
    loaded: HashMap<PathBuf, Result<Arc<Config>, ConfigError>>,
    /// The defaults, for files with no config above them.
    defaults: Arc<Config>,
    /// `--config KEY=VALUE`, layered over every config file and the
    /// defaults.
    overrides: Overrides,
}

impl ConfigCache {
    pub fn new() -> ConfigCache {
        ConfigCache::default()
    }

    /// A cache whose configs all have `overrides` layered over them (the
    /// defaults too, relative to the working directory).
    pub fn with_overrides(overrides: Overrides) -> Result<ConfigCache, ConfigError> {
        let mut cache = ConfigCache::default();
        let cwd = std::env::current_dir().unwrap_or_default();
        cache.defaults = Arc::new(overrides.defaults(&cwd)?);
        cache.overrides = overrides;
        Ok(cache)
    }

    /// `path` joined to the working directory unless it is absolute (not
    /// normalised), like [`resolve_for_file`] does.
    pub fn absolute(&mut self, path: &Path) -> PathBuf {
        if path.is_absolute() {
            return path.to_path_buf();
        }
        let cwd = self.cwd.get_or_insert_with(|| std::env::current_dir().ok());
        match cwd {
            Some(cwd) => cwd.join(path),
            None => path.to_path_buf(),
        }
    }

    /// The overrides layered over every config.
    pub fn overrides(&self) -> &Overrides {
        &self.overrides
    }

    /// The config of files that no config file applies to: the defaults,
    /// with the overrides over them.
    pub fn defaults(&self) -> Arc<Config> {
        self.defaults.clone()
    }

    /// [`find_config`], remembered for `dir` and every directory above it
    /// that was looked at.
    pub fn find_config(&mut self, dir: &Path) -> Option<PathBuf> {
        let mut walked = Vec::new();
        let mut found = None;
        for d in dir.ancestors() {
            if let Some(known) = self.nearest.get(d) {
                found = known.clone();
                break;
            }
            walked.push(d);
            let candidate = d.join(CONFIG_FILE_NAME);
            if candidate.is_file() {
                found = Some(candidate);
                break;
            }
        }
        for d in walked {
            self.nearest.insert(d.to_path_buf(), found.clone());
        }
        found
    }

    /// [`load`], remembered per path (errors too).
    pub fn load(&mut self, path: &Path) -> Result<Arc<Config>, ConfigError> {
        if let Some(known) = self.loaded.get(path) {
            return known.clone();
        }
        let result = load_with(path, &self.overrides).map(Arc::new);
        self.loaded.insert(path.to_path_buf(), result.clone());
        result
    }

    /// [`resolve_for_file`], from the cache.
    pub fn resolve_for_file(&mut self, file: &Path) -> Result<Arc<Config>, ConfigError> {
        let absolute = self.absolute(file);
        let dir = absolute.parent().unwrap_or(Path::new("/"));
        self.resolve_for_dir(dir)
    }

    /// The configuration that applies to the files in `dir` (an absolute
    /// path): the nearest config file in it or above it, or the defaults.
    pub fn resolve_for_dir(&mut self, dir: &Path) -> Result<Arc<Config>, ConfigError> {
        match self.find_config(dir) {
            Some(path) => self.load(&path),
            None => Ok(self.defaults.clone()),
        }
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
    fn format_section_and_exclude() {
        let config = parse_config(
            Path::new("/repo/thrift-tools.toml"),
            "exclude = [\"gen/**\"]\n[format]\nindent = \"tab\"\nline_width = 80\nseparator = \"comma\"\nquote_style = \"double\"\nalign_fields = true\n",
        )
        .unwrap();
        assert_eq!(config.format.indent, 0);
        assert_eq!(config.format.line_width, 80);
        assert_eq!(config.format.separator, Separator::Comma);
        assert_eq!(config.format.quote_style, QuoteStyle::Double);
        assert!(config.format.align_fields);
        assert!(!config.format.align_comments);
        assert!(config.is_excluded(Path::new("/repo/gen/a/b.thrift")));
        assert!(!config.is_excluded(Path::new("/repo/idl/b.thrift")));
        let err =
            parse_config(Path::new("/r/thrift-tools.toml"), "[format]\nindent = 0\n").unwrap_err();
        assert!(err.message.contains("at least 1"), "{err}");
        let err = parse_config(
            Path::new("/r/thrift-tools.toml"),
            "[format]\nseparator = \"pipe\"\n",
        )
        .unwrap_err();
        assert!(err.message.contains("pipe"), "{err}");
    }

    #[test]
    fn breaking_section() {
        let config = parse_config(
            Path::new("/repo/thrift-tools.toml"),
            "[breaking]\ncategory = \"WIRE\"\nuse = [\"FIELD_SAME_NAME\"]\nexcept = [\"FIELD_SAME_DEFAULT\"]\nignore = [\"gen/\", \"old/*.thrift\"]\nignore_only = { FIELD_NO_DELETE = [\"internal\"] }\nagainst = \"origin/main\"\n",
        )
        .unwrap();
        let b = &config.breaking;
        assert_eq!(b.section.category.as_deref(), Some("WIRE"));
        assert_eq!(b.section.use_, ["FIELD_SAME_NAME"]);
        assert_eq!(b.section.except, ["FIELD_SAME_DEFAULT"]);
        assert_eq!(b.section.against.as_deref(), Some("origin/main"));
        assert!(b.is_ignored("ANY", Path::new("gen/a/b.thrift")));
        assert!(b.is_ignored("ANY", Path::new("old/x.thrift")));
        assert!(!b.is_ignored("ANY", Path::new("idl/x.thrift")));
        assert!(b.is_ignored("FIELD_NO_DELETE", Path::new("internal/x.thrift")));
        assert!(!b.is_ignored("FIELD_SAME_ID", Path::new("internal/x.thrift")));
        let err = parse_config(
            Path::new("/r/thrift-tools.toml"),
            "[breaking]\ncategories = \"WIRE\"\n",
        )
        .unwrap_err();
        assert!(err.message.contains("categories"), "{err}");
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

    /// A scratch directory tree, removed on drop.
    struct Scratch(PathBuf);

    impl Scratch {
        fn new(name: &str, files: &[(&str, &str)]) -> Scratch {
            let root =
                std::env::temp_dir().join(format!("thrift-config-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&root);
            for (path, text) in files {
                let path = root.join(path);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, text).unwrap();
            }
            Scratch(root)
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    /// What a resolution gave, comparably (a `ConfigError` is not `Eq`).
    fn outcome(result: Result<&Config, &ConfigError>) -> Result<(Option<PathBuf>, usize), String> {
        result
            .map(|c| (c.path.clone(), c.format.line_width))
            .map_err(ToString::to_string)
    }

    #[test]
    fn cache_gives_each_directory_its_nearest_config() {
        let scratch = Scratch::new(
            "cache",
            &[
                ("root/thrift-tools.toml", "[format]\nline_width = 80\n"),
                ("root/a/thrift-tools.toml", "[format]\nline_width = 60\n"),
                ("root/b/thrift-tools.toml", "[format]\nline_width = 40\n"),
                (
                    "root/a/deep/er/thrift-tools.toml",
                    "[format]\nline_width = 30\n",
                ),
                ("root/bad/thrift-tools.toml", "[format]\nline_width = 5\n"),
            ],
        );
        let root = scratch.0.join("root");
        let files = [
            "a/deep/er/still/x.thrift",
            "a/deep/x.thrift",
            "a/x.thrift",
            "x.thrift",
            "b/x.thrift",
            "b/c/x.thrift",
            "c/x.thrift",
            "a/deep/er/x.thrift",
            "bad/x.thrift",
            "bad/sub/x.thrift",
            "a/x.thrift",
        ];
        let expected = |f: &str| -> Result<(Option<PathBuf>, usize), String> {
            let dir = if f.starts_with("bad/") {
                let path = root.join("bad").join(CONFIG_FILE_NAME);
                return Err(format!(
                    "{}: `format.line_width` must be between 20 and 1000",
                    path.display()
                ));
            } else if f.starts_with("a/deep/er/") {
                "a/deep/er"
            } else if f.starts_with("a/") {
                "a"
            } else if f.starts_with("b/") {
                "b"
            } else {
                ""
            };
            let width = [("a/deep/er", 30), ("a", 60), ("b", 40), ("", 80)]
                .iter()
                .find(|(d, _)| *d == dir)
                .unwrap()
                .1;
            Ok((Some(root.join(dir).join(CONFIG_FILE_NAME)), width))
        };
        // Deepest first, shallowest first, and interleaved: every order
        // gives every file its own nearest config, like the uncached call.
        let orders: [Vec<&str>; 3] = [
            files.to_vec(),
            files.iter().rev().copied().collect(),
            files
                .iter()
                .step_by(2)
                .chain(files.iter().skip(1).step_by(2))
                .copied()
                .collect(),
        ];
        for order in orders {
            let mut cache = ConfigCache::new();
            for f in order {
                let file = root.join(f);
                let cached = cache.resolve_for_file(&file);
                let uncached = resolve_for_file(&file);
                assert_eq!(outcome(cached.as_deref()), expected(f), "{f}");
                assert_eq!(outcome(uncached.as_ref()), expected(f), "{f}");
            }
        }
    }

    #[test]
    fn cache_without_any_config_gives_the_defaults() {
        let scratch = Scratch::new("cache-none", &[("x/y/z.thrift", "")]);
        let mut cache = ConfigCache::new();
        for _ in 0..2 {
            let config = cache
                .resolve_for_file(&scratch.0.join("x/y/z.thrift"))
                .unwrap();
            // Unless the temporary directory has a config above it.
            let uncached = resolve_for_file(&scratch.0.join("x/y/z.thrift")).unwrap();
            assert_eq!(*config, uncached);
        }
    }

    #[test]
    fn cache_makes_relative_paths_absolute_once() {
        let mut cache = ConfigCache::new();
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(
            cache.absolute(Path::new("a/b.thrift")),
            cwd.join("a/b.thrift")
        );
        assert_eq!(
            cache.absolute(Path::new("/x/y.thrift")),
            Path::new("/x/y.thrift")
        );
        assert_eq!(
            outcome(cache.resolve_for_file(Path::new("a/b.thrift")).as_deref()),
            outcome(resolve_for_file(Path::new("a/b.thrift")).as_ref())
        );
    }

    #[test]
    fn bad_breaking_and_lint_values_are_errors_when_parsed() {
        let parse = |text: &str| parse_config(Path::new("/r/thrift-tools.toml"), text);
        let err = parse("[breaking]\ncategory = \"WIRES\"\n").unwrap_err();
        assert!(
            err.message.contains("unknown breaking category `WIRES`"),
            "{err}"
        );
        let err = parse("[breaking]\nignore_only = { NOPE = [\"x\"] }\n").unwrap_err();
        assert!(
            err.message.contains("unknown breaking rule `NOPE`"),
            "{err}"
        );
        let err = parse("[lint]\nT9999 = \"off\"\n").unwrap_err();
        assert_eq!(err.message, "unknown diagnostic code `T9999` in [lint]");
        let config = parse("[lint]\nunused-include = \"off\"\n").unwrap();
        assert_eq!(
            config.lint_levels.get(&Code::from_str("T1003").unwrap()),
            Some(&LintLevel::Off)
        );
    }

    fn overrides(given: &[&str]) -> Result<Overrides, ConfigError> {
        let mut o = Overrides::default();
        for g in given {
            o.push(g)?;
        }
        Ok(o)
    }

    #[test]
    fn overrides_layer_over_the_file_in_order() {
        let o = overrides(&[
            "format.indent=4",
            "format.line_width = 60",
            "format.line_width = 70",
            "include_dirs = [\"x\"]",
        ])
        .unwrap();
        let config = parse_config_with(
            Path::new("/r/thrift-tools.toml"),
            "include_dirs = [\"a\", \"b\"]\n[format]\nindent = 2\nalign_fields = true\n",
            &o,
        )
        .unwrap();
        assert_eq!(config.format.indent, 4);
        assert_eq!(config.format.line_width, 70);
        // Tables merge, arrays replace.
        assert!(config.format.align_fields);
        assert_eq!(config.include_dirs, [PathBuf::from("/r/x")]);
        // Over the defaults, relative to the directory given.
        let config = o.defaults(Path::new("/cwd")).unwrap();
        assert_eq!(config.path, None);
        assert_eq!(config.format.indent, 4);
        assert_eq!(config.include_dirs, [PathBuf::from("/cwd/x")]);
    }

    #[test]
    fn bad_overrides_are_named() {
        let err = overrides(&["format.indent=0"]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "--config 'format.indent=0': `format.indent` must be at least 1, or \"tab\""
        );
        let err = overrides(&["format.indnt=4"]).unwrap_err();
        assert!(
            err.to_string().starts_with("--config 'format.indnt=4': "),
            "{err}"
        );
        assert!(err.message.contains("indnt"), "{err}");
        let err = overrides(&["dialect=apache"]).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("--config 'dialect=apache': not a TOML"),
            "{err}"
        );
        let err = overrides(&["lint.T9999=\"off\""]).unwrap_err();
        assert!(err.message.contains("T9999"), "{err}");
    }

    #[test]
    fn config_args_split_into_a_file_and_overrides() {
        let args =
            |a: &[&str]| split_config_args(&a.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        let (file, o) = args(&["my.toml", "format.indent=4"]).unwrap();
        assert_eq!(file, Some(PathBuf::from("my.toml")));
        assert_eq!(o.given().collect::<Vec<_>>(), ["format.indent=4"]);
        let err = args(&["a.toml", "b.toml"]).unwrap_err();
        assert!(err.message.contains("only one config file"), "{err}");
    }

    #[test]
    fn skip_defaults_and_replacement() {
        let config = Config::default();
        for name in [
            ".git",
            ".venv",
            "node_modules",
            "target",
            "build",
            "buck-out",
        ] {
            assert!(config.skip.is_match(name.as_ref()), "{name}");
        }
        assert!(!config.skip.is_match("idl".as_ref()));
        let config = parse_config(
            Path::new("/r/thrift-tools.toml"),
            "skip = [\".*\", \"gen_*\"]\n",
        )
        .unwrap();
        assert!(config.skip.is_match("gen_java".as_ref()));
        assert!(!config.skip.is_match("build".as_ref()));
        let err = parse_config(Path::new("/r/thrift-tools.toml"), "skip = [\"[\"]\n").unwrap_err();
        assert!(err.message.contains("invalid `skip` pattern"), "{err}");
    }
}
