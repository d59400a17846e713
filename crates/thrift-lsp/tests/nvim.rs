//! A real editor: headless Neovim drives `thrift-ls` through the shared
//! harness (`../shared/tools/real-clients/nvim`). CI installs `neovim`;
//! elsewhere the test is skipped when `nvim` is missing (and says so).

use std::{path::Path, process::Command};

use serde_json::Value;

mod common;

#[test]
fn neovim_drives_the_server() {
    // The example project, with a config so that formatting uses it.
    let root = common::example_project("nvim");
    let file = root.join("catalog.thrift");
    // `extends base.BaseService` (0-based line 51), and `types.BookId`.
    let Some((stdout, events)) = run_nvim(
        &root,
        &file,
        "51:36,32:20",
        "definition,hover,documentSymbol,formatting",
    ) else {
        return;
    };
    let find = |pred: &dyn Fn(&Value) -> bool| events.iter().find(|e| pred(e)).cloned();

    // Diagnostics were pushed for the opened file: it is clean.
    let diagnostics = find(&|e| e["event"] == "diagnostics" && e["for_opened_file"] == true)
        .expect("no diagnostics");
    assert_eq!(
        diagnostics["diagnostics"],
        serde_json::json!([]),
        "{stdout}"
    );

    // Definition lands in base.thrift, on the service's name.
    let def = find(&|e| e["request"] == "definition" && e["position"]["line"] == 51)
        .expect("no definition");
    let result = &def["result"];
    let target = if result.is_array() {
        &result[0]
    } else {
        result
    };
    assert!(
        target["uri"]
            .as_str()
            .unwrap_or("")
            .ends_with("/base.thrift"),
        "{def}"
    );
    let hover =
        find(&|e| e["request"] == "hover" && e["position"]["line"] == 32).expect("no hover");
    assert!(hover.to_string().contains("typedef i64 BookId"), "{hover}");

    // The example is formatted already: Neovim applies no edits.
    let formatted = find(&|e| e["event"] == "formatted").expect("no formatting");
    assert_eq!(formatted["edits"], 0, "{formatted}");
    assert_eq!(
        formatted["text"].as_str().map(|t| t.trim_end()),
        Some(std::fs::read_to_string(&file).unwrap().trim_end())
    );
    let _ = std::fs::remove_dir_all(&root);
}

/// fbthrift: definition on `@cpp.Type` lands in the annotation library,
/// found through the config's `include_dirs`, and hover shows it.
#[test]
fn neovim_goes_to_an_annotation_in_the_library() {
    let root = std::env::temp_dir().join(format!("thrift-ls-nvim-anno-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let write = |path: &str, text: &str| {
        let p = root.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write("thrift-tools.toml", "include_dirs = [\"third_party\"]\n");
    write(
        "third_party/thrift/annotation/cpp.thrift",
        "package \"facebook.com/thrift/annotation/cpp\"\n\n/** The C++ type to use. */\nstruct Type {\n  1: string name;\n}\n",
    );
    write(
        "idl/store.thrift",
        "include \"thrift/annotation/cpp.thrift\"\n\n@cpp.Type{name = \"std::unordered_map<int, int>\"}\ntypedef map<i32, i32> Counts\n",
    );
    let file = root.join("idl/store.thrift");
    // `Type` in `@cpp.Type` (0-based line 2), its `@`, and `name`.
    let Some((stdout, events)) = run_nvim(&root, &file, "2:6,2:0,2:11", "definition,hover") else {
        return;
    };
    let find = |pred: &dyn Fn(&Value) -> bool| events.iter().find(|e| pred(e)).cloned();
    let diagnostics = find(&|e| e["event"] == "diagnostics" && e["for_opened_file"] == true)
        .expect("no diagnostics");
    assert_eq!(
        diagnostics["diagnostics"],
        serde_json::json!([]),
        "{stdout}"
    );
    // Definition on `Type`, its `@` and its field `name`: in cpp.thrift,
    // on the struct's name (line 3) and on the field's (line 4).
    for (character, line) in [(6, 3), (0, 3), (11, 4)] {
        let def =
            find(&|e| e["request"] == "definition" && e["position"]["character"] == character)
                .expect("no definition");
        let result = &def["result"];
        let target = if result.is_array() {
            &result[0]
        } else {
            result
        };
        let uri = target["uri"].as_str().unwrap_or("").replace("\\/", "/");
        assert!(
            uri.ends_with("/third_party/thrift/annotation/cpp.thrift"),
            "{def}"
        );
        assert_eq!(target["range"]["start"]["line"], line, "{def}");
    }
    let hover =
        find(&|e| e["request"] == "hover" && e["position"]["character"] == 6).expect("no hover");
    assert!(hover.to_string().contains("struct Type"), "{hover}");
    assert!(
        hover.to_string().contains("The C++ type to use."),
        "{hover}"
    );
    let _ = std::fs::remove_dir_all(&root);
}

/// Runs the harness in headless Neovim on `file` of the workspace `root`,
/// with requests at 0-based `line:character` positions; returns its
/// output and its events. `None` (and says so) when `nvim` or the shared
/// harness is missing, which CI must not be.
fn run_nvim(
    root: &Path,
    file: &Path,
    positions: &str,
    requests: &str,
) -> Option<(String, Vec<Value>)> {
    if Command::new("nvim").arg("--version").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install neovim for this test"
        );
        eprintln!("skipped: `nvim` is not installed");
        return None;
    }
    let harness = common::harness("nvim", "nvim/lsp-harness.lua")?;
    let out = Command::new("nvim")
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c"])
        .arg(format!("luafile {}", harness.display()))
        .env(
            "LSP_CMD",
            format!("[\"{}\"]", env!("CARGO_BIN_EXE_thrift-ls")),
        )
        .env("LSP_FILE", file)
        .env("LSP_FILETYPE", "thrift")
        .env("LSP_ROOT", root)
        .env("LSP_POSITIONS", positions)
        .env("LSP_REQUESTS", requests)
        .env("LSP_TIMEOUT_MS", "30000")
        .env("LSP_NVIM_LOG", "OFF")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let events: Vec<Value> = stdout
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    assert!(
        events.iter().any(|e| e["event"] == "done"),
        "the harness did not finish:\n{stdout}"
    );
    Some((stdout, events))
}
