//! `--target` and `--thrift-version` of `thrift-lint check`: the targets
//! each checked file is meant for, over its config's `[lint]` ones (each
//! file's are set as it is loaded: `FileOptions::targets`).

use thrift_config::TargetOverrides;

/// The targets given on the command line.
pub type TargetArgs = TargetOverrides;

#[cfg(test)]
mod tests {
    use thrift_config::Config;

    use super::*;

    fn config(text: &str) -> Config {
        thrift_config::parse_config(std::path::Path::new("/x/thrift-tools.toml"), text).unwrap()
    }

    #[test]
    fn command_line_replaces_the_config() {
        let c = config("[lint]\ntargets = [\"go\"]\nthrift_version = \"0.17\"\n");
        let none = TargetArgs::default();
        assert_eq!(none.resolve(&c).to_string(), "go (Apache 0.17)");
        let py = TargetArgs {
            targets: vec!["py".into()],
            thrift_version: None,
        };
        // The config's version stays when only the targets are given.
        assert_eq!(py.resolve(&c).to_string(), "py (Apache 0.17)");
        let v = TargetArgs {
            targets: vec![],
            thrift_version: Some("0.20".into()),
        };
        assert_eq!(v.resolve(&c).to_string(), "go (Apache 0.20)");
        assert_eq!(
            v.resolve(&Config::default()).to_string(),
            "none",
            "a version alone declares no target"
        );
        let bad = TargetArgs {
            targets: vec!["rust".into()],
            thrift_version: None,
        };
        assert!(
            bad.validate()
                .unwrap_err()
                .contains("unknown target `rust`")
        );
        let bad = TargetArgs {
            targets: vec![],
            thrift_version: Some("1.0".into()),
        };
        assert!(
            bad.validate()
                .unwrap_err()
                .contains("unknown Apache Thrift version")
        );
    }
}
