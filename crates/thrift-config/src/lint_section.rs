//! `[lint]` as written: a level per diagnostic code or name, and the
//! targets the files are meant for (`targets`, `thrift_version`).

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, de::Error as _};

use crate::LintLevel;

/// `[lint]`: `T1003 = "off"`, `targets = ["thriftpy2", "py"]`,
/// `thrift_version = "0.17"`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LintSection {
    /// Levels by code or name, as written.
    pub levels: BTreeMap<String, LintLevel>,
    /// Target names, as written (checked when the config is read).
    pub targets: Vec<String>,
    /// The Apache compiler version of the Apache targets, as written.
    pub thrift_version: Option<String>,
}

impl<'de> Deserialize<'de> for LintSection {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<LintSection, D::Error> {
        let table = BTreeMap::<String, toml::Value>::deserialize(deserializer)?;
        let mut section = LintSection::default();
        for (key, value) in table {
            match key.as_str() {
                "targets" => {
                    section.targets = Vec::<String>::deserialize(value).map_err(|e| {
                        D::Error::custom(format!(
                            "`lint.targets` must be a list of target names: {}",
                            e.message().trim_end()
                        ))
                    })?;
                }
                "thrift_version" => {
                    section.thrift_version = Some(String::deserialize(value).map_err(|_| {
                        D::Error::custom(
                            "`lint.thrift_version` must be a string, as \"0.17\"".to_string(),
                        )
                    })?);
                }
                _ => {
                    let given = match &value {
                        toml::Value::String(s) => format!("\"{s}\""),
                        other => other.type_str().to_string(),
                    };
                    let level = LintLevel::deserialize(value).map_err(|_| {
                        D::Error::custom(format!(
                            "`lint.{key}` must be \"error\", \"warning\", \"hint\" or \"off\", not {given}"
                        ))
                    })?;
                    section.levels.insert(key, level);
                }
            }
        }
        Ok(section)
    }
}

/// Targets given outside the config (`--target`, `--thrift-version`, the
/// language server's `targets` and `thriftVersion` settings), over each
/// file's `[lint]` ones: the CLI and the server resolve them alike.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TargetOverrides {
    /// Replace the config's `targets` when not empty.
    pub targets: Vec<String>,
    /// Replaces the config's `thrift_version`.
    pub thrift_version: Option<String>,
}

impl TargetOverrides {
    /// Checks the names and the version.
    pub fn validate(&self) -> Result<(), String> {
        thrift_semantic::Targets::parse(&self.targets, self.thrift_version.as_deref()).map(|_| ())
    }

    /// The targets of a file whose config is `config` (invalid overrides,
    /// which [`TargetOverrides::validate`] refuses, are ignored).
    pub fn resolve(&self, config: &crate::Config) -> thrift_semantic::Targets {
        let mut targets = if self.targets.is_empty() {
            config.targets
        } else {
            let mut t = thrift_semantic::Targets::parse(&self.targets, None)
                .unwrap_or(thrift_semantic::Targets::NONE);
            t.version = config.targets.version;
            t
        };
        if let Some(v) = &self.thrift_version
            && let Ok(v) = thrift_semantic::ApacheVersion::parse(v)
        {
            targets.version = v;
        }
        targets
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::parse_config;

    fn parse(text: &str) -> Result<crate::Config, String> {
        parse_config(Path::new("/r/thrift-tools.toml"), text).map_err(|e| e.to_string())
    }

    #[test]
    fn targets_and_version_under_lint() {
        let config = parse(
            "[lint]\ntargets = [\"thriftpy2\", \"py\"]\nthrift_version = \"0.17\"\nunused-include = \"off\"\n",
        )
        .unwrap();
        assert_eq!(config.targets.to_string(), "thriftpy2, py (Apache 0.17)");
        assert_eq!(config.lint.len(), 1, "levels only: {:?}", config.lint);
        assert_eq!(parse("").unwrap().targets, thrift_semantic::Targets::NONE);
        // The newest release by default.
        let newest = parse("[lint]\ntargets = [\"go\"]\n").unwrap();
        assert_eq!(
            newest.targets.version,
            thrift_semantic::ApacheVersion::NEWEST
        );
    }

    #[test]
    fn bad_targets_and_versions_are_config_errors() {
        let e = parse("[lint]\ntargets = [\"rust\"]\n").unwrap_err();
        assert!(e.starts_with("/r/thrift-tools.toml: "), "{e}");
        assert!(e.contains("unknown target `rust`"), "{e}");
        let e = parse("[lint]\ntargets = [\"py\"]\nthrift_version = \"0.99\"\n").unwrap_err();
        assert!(e.contains("unknown Apache Thrift version `0.99`"), "{e}");
        let e = parse("[lint]\ntargets = \"py\"\n").unwrap_err();
        assert!(e.contains("`lint.targets` must be a list"), "{e}");
        let e = parse("[lint]\nthrift_version = 17\n").unwrap_err();
        assert!(e.contains("`lint.thrift_version` must be a string"), "{e}");
    }
}
