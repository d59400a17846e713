//! Zed extension for thrift-tools: runs `thrift-ls --stdio` for Thrift files.
//!
//! The extension does not download anything. It runs the `thrift-ls` named in
//! the user's settings (`lsp.thrift-ls.binary.path`), or else the one on the
//! worktree's `PATH`, and says how to install it when there is none.

use zed_extension_api::{self as zed, settings::LspSettings, LanguageServerId, Result};

/// The language server's name, as declared in `extension.toml` and used as the
/// key under `lsp` in Zed's settings.
const SERVER_NAME: &str = "thrift-ls";

/// Arguments used when the settings give none.
const DEFAULT_ARGS: &[&str] = &["--stdio"];

struct ThriftToolsExtension;

/// Where the binary comes from, and with which arguments and environment.
#[derive(Debug, PartialEq)]
struct ServerCommand {
    command: String,
    args: Vec<String>,
    env: Vec<(String, String)>,
}

/// Picks the command: the configured path first, then the one found on `PATH`.
///
/// `configured_path`, `configured_args` and `configured_env` come from
/// `lsp.thrift-ls.binary`; `found_on_path` is `worktree.which("thrift-ls")`;
/// `shell_env` is the worktree's shell environment, used for a binary found on
/// `PATH` so that it runs as it would from the user's shell.
fn choose_command(
    configured_path: Option<String>,
    configured_args: Option<Vec<String>>,
    configured_env: Vec<(String, String)>,
    found_on_path: Option<String>,
    shell_env: Vec<(String, String)>,
) -> Result<ServerCommand> {
    let args =
        configured_args.unwrap_or_else(|| DEFAULT_ARGS.iter().map(|arg| arg.to_string()).collect());

    let (command, mut env) = match (configured_path, found_on_path) {
        (Some(path), _) if !path.trim().is_empty() => (path, Vec::new()),
        (_, Some(path)) => (path, shell_env),
        _ => return Err(missing_server_message()),
    };

    // Variables from `lsp.thrift-ls.binary.env` win over the shell's.
    for (key, value) in configured_env {
        env.retain(|(existing, _)| *existing != key);
        env.push((key, value));
    }

    Ok(ServerCommand { command, args, env })
}

fn missing_server_message() -> String {
    format!(
        "{SERVER_NAME} was not found on PATH. Install it from a checkout of \
         https://github.com/thrift-tools/thrift-tools with \
         `cargo install --locked --path crates/thrift-lsp` (it goes to ~/.cargo/bin, \
         which must be on the PATH Zed sees), or set \
         \"lsp\": {{ \"{SERVER_NAME}\": {{ \"binary\": {{ \"path\": \"/path/to/{SERVER_NAME}\" }} }} }} \
         in Zed's settings."
    )
}

impl zed::Extension for ThriftToolsExtension {
    fn new() -> Self {
        ThriftToolsExtension
    }

    fn language_server_command(
        &mut self,
        _language_server_id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        // Settings that fail to load are treated as absent: the server can
        // still start from PATH.
        let binary = LspSettings::for_worktree(SERVER_NAME, worktree)
            .ok()
            .and_then(|settings| settings.binary);
        let (path, args, env) = match binary {
            Some(binary) => (
                binary.path,
                binary.arguments,
                binary
                    .env
                    .map(|env| env.into_iter().collect())
                    .unwrap_or_default(),
            ),
            None => (None, None, Vec::new()),
        };

        let found = worktree.which(SERVER_NAME);
        let shell_env = if found.is_some() {
            worktree.shell_env()
        } else {
            Vec::new()
        };

        let chosen = choose_command(path, args, env, found, shell_env)?;
        Ok(zed::Command {
            command: chosen.command,
            args: chosen.args,
            env: chosen.env,
        })
    }

    fn language_server_initialization_options(
        &mut self,
        _language_server_id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<zed::serde_json::Value>> {
        Ok(LspSettings::for_worktree(SERVER_NAME, worktree)
            .ok()
            .and_then(|settings| settings.initialization_options))
    }
}

zed::register_extension!(ThriftToolsExtension);

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(key: &str, value: &str) -> (String, String) {
        (key.to_string(), value.to_string())
    }

    #[test]
    fn configured_path_wins_over_path_lookup() {
        let chosen = choose_command(
            Some("/opt/thrift-ls".into()),
            None,
            Vec::new(),
            Some("/usr/bin/thrift-ls".into()),
            vec![pair("PATH", "/usr/bin")],
        )
        .unwrap();
        assert_eq!(chosen.command, "/opt/thrift-ls");
        assert_eq!(chosen.args, vec!["--stdio".to_string()]);
        assert!(chosen.env.is_empty());
    }

    #[test]
    fn path_lookup_uses_default_args_and_shell_env() {
        let chosen = choose_command(
            None,
            None,
            Vec::new(),
            Some("/home/me/.cargo/bin/thrift-ls".into()),
            vec![pair("PATH", "/home/me/.cargo/bin")],
        )
        .unwrap();
        assert_eq!(chosen.command, "/home/me/.cargo/bin/thrift-ls");
        assert_eq!(chosen.args, vec!["--stdio".to_string()]);
        assert_eq!(chosen.env, vec![pair("PATH", "/home/me/.cargo/bin")]);
    }

    #[test]
    fn configured_arguments_and_env_are_used() {
        let chosen = choose_command(
            None,
            Some(vec!["--stdio".into(), "--extra".into()]),
            vec![pair("RUST_LOG", "debug"), pair("PATH", "/x")],
            Some("/usr/bin/thrift-ls".into()),
            vec![pair("PATH", "/usr/bin"), pair("HOME", "/home/me")],
        )
        .unwrap();
        assert_eq!(chosen.args, vec!["--stdio", "--extra"]);
        assert_eq!(
            chosen.env,
            vec![
                pair("HOME", "/home/me"),
                pair("RUST_LOG", "debug"),
                pair("PATH", "/x"),
            ]
        );
    }

    #[test]
    fn blank_configured_path_falls_back_to_path_lookup() {
        let chosen = choose_command(
            Some("  ".into()),
            None,
            Vec::new(),
            Some("/usr/bin/thrift-ls".into()),
            Vec::new(),
        )
        .unwrap();
        assert_eq!(chosen.command, "/usr/bin/thrift-ls");
    }

    #[test]
    fn missing_server_says_how_to_install_it() {
        let error = choose_command(None, None, Vec::new(), None, Vec::new()).unwrap_err();
        assert!(error.contains("cargo install --locked --path crates/thrift-lsp"));
        assert!(error.contains("\"binary\": { \"path\""));
    }
}
