//! A real editor: Emacs (batch) drives `thrift-ls` through Eglot, configured
//! by our documented snippet `editors/emacs/thrift-eglot.el`, with the shared
//! harness (`../shared/tools/real-clients/emacs`). CI installs `emacs-nox`
//! and `elpa-eglot`; elsewhere the test is skipped when `emacs` (or Eglot)
//! is missing, and says so.
//!
//! The snippet is loaded as the docs say (`(load "thrift-eglot.el")`), then
//! the server command and initialization options Eglot would use are taken
//! from what the snippet put into `eglot-server-programs` (the harness needs
//! them as `LSP_CMD` / `LSP_INIT_OPTIONS`): `thrift-ls` is found on
//! `exec-path`, like a user's would be.

use std::{path::Path, process::Command};

use serde_json::Value;

mod common;

/// Runs after the snippet is loaded: checks what it set up, prints it as a
/// JSON line, and hands its server contact to the harness.
const PRELUDE: &str = r#"
(let* ((contact (cdr (assq 'thrift-mode eglot-server-programs)))
       (program (seq-take-while #'stringp contact))
       (init (plist-get (seq-drop-while #'stringp contact) :initializationOptions))
       (exe (executable-find (car program))))
  (princ (json-serialize
          (list :client "emacs" :event "snippet"
                :mode (format "%s" (assoc-default "x.thrift" auto-mode-alist #'string-match))
                :hook (if (memq #'eglot-ensure thrift-mode-hook) t :json-false)
                :program (vconcat program)
                :init_options (if init (json-serialize init) "")
                :executable (or exe ""))))
  (terpri)
  (setenv "LSP_CMD" (json-serialize (vconcat (cons (or exe (car program)) (cdr program)))))
  (when init (setenv "LSP_INIT_OPTIONS" (json-serialize init))))
"#;

/// A file of ours in the example project: it includes `catalog.thrift`,
/// refers to a type that does not exist, and is not formatted.
const SHOP: &str = "include \"catalog.thrift\"\n\nstruct   Order{\n1:required catalog.Book book\n    2: optional catalog.Missing gift\n}\n";
const SHOP_FORMATTED: &str = "include \"catalog.thrift\"\n\nstruct Order {\n  1: required catalog.Book book\n  2: optional catalog.Missing gift\n}\n";

#[test]
fn emacs_eglot_drives_the_server() {
    let has_eglot = Command::new("emacs")
        .args(["-q", "--batch", "--eval", "(require 'eglot)"])
        .output();
    match has_eglot {
        Err(_) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI must install emacs-nox for this test"
            );
            eprintln!("skipped: `emacs` is not installed (apt-get install emacs-nox elpa-eglot)");
            return;
        }
        Ok(out) if !out.status.success() => {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI must install elpa-eglot for this test"
            );
            eprintln!("skipped: Emacs has no Eglot (apt-get install elpa-eglot, or Emacs 29+)");
            return;
        }
        Ok(_) => {}
    }
    let Some(harness) = common::harness("emacs_eglot_drives_the_server", "emacs/eglot-harness.el")
    else {
        return;
    };
    let snippet = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../editors/emacs/thrift-eglot.el");

    let root = common::example_project("emacs");
    let file = root.join("shop.thrift");
    std::fs::write(&file, SHOP).unwrap();

    // `thrift-ls` on PATH (and so on Emacs's exec-path), as the snippet expects.
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_thrift-ls")).parent().unwrap();
    let path = std::env::join_paths(std::iter::once(bin_dir.to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .unwrap();
    let out = Command::new("timeout")
        .args(["-k", "5", "60", "emacs", "-q", "--batch", "-l"])
        .arg(&snippet)
        .args(["--eval", PRELUDE, "-l"])
        .arg(&harness)
        .env("PATH", path)
        .env_remove("LSP_CMD")
        .env_remove("LSP_INIT_OPTIONS")
        .env("LSP_FILE", &file)
        .env("LSP_FILETYPE", "thrift")
        .env("LSP_ROOT", &root)
        .env("LSP_DIAG_NONEMPTY", "1")
        // `catalog.Book` on 0-based line 3.
        .env("LSP_POSITIONS", "3:21")
        .env("LSP_REQUESTS", "definition,formatting")
        .env("LSP_TAB_SIZE", "2")
        .env("LSP_TIMEOUT_MS", "30000")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let events: Vec<Value> = stdout
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let find = |pred: &dyn Fn(&Value) -> bool| events.iter().find(|e| pred(e)).cloned();
    assert!(
        find(&|e| e["event"] == "done").is_some(),
        "the harness did not finish:\n{stdout}\nstderr:\n{stderr}"
    );

    // The snippet: `.thrift` files open in thrift-mode, which starts Eglot,
    // with `thrift-ls --stdio` found on exec-path.
    let snippet = find(&|e| e["event"] == "snippet").expect("no snippet event");
    assert_eq!(snippet["mode"], "thrift-mode", "{snippet}");
    assert_eq!(snippet["hook"], true, "{snippet}");
    assert_eq!(
        snippet["program"],
        serde_json::json!(["thrift-ls", "--stdio"]),
        "{snippet}"
    );
    assert_eq!(
        snippet["init_options"], r#"{"includeDirs":[]}"#,
        "{snippet}"
    );
    assert!(
        snippet["executable"]
            .as_str()
            .is_some_and(|e| e.ends_with("/thrift-ls")),
        "{snippet}"
    );
    let start = find(&|e| e["event"] == "start").expect("no start");
    assert!(
        start["cmd"][0]
            .as_str()
            .is_some_and(|c| c.ends_with("/thrift-ls")),
        "{start}"
    );

    // Flymake shows the server's diagnostic for the unknown type.
    let flymake = find(&|e| e["event"] == "flymake_diagnostics").expect("no flymake diagnostics");
    let diagnostics = flymake["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        diagnostics
            .iter()
            .any(|d| d["line"] == 4 && d["text"].as_str().is_some_and(|t| t.contains("Missing"))),
        "{flymake}"
    );

    // Definition (what xref-find-definitions shows) lands in catalog.thrift,
    // on `struct Book` (line 32, 1-based).
    let xref = find(&|e| e["event"] == "eglot_view" && e["request"] == "definition")
        .expect("no definition");
    let first = &xref["xref"][0];
    assert!(
        first["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("/catalog.thrift")),
        "{xref}"
    );
    assert_eq!(first["line"], 32, "{xref}");

    // Eglot applied the server's edits: the file is formatted with the
    // project's indent of 2.
    let formatted = find(&|e| e["event"] == "formatted").expect("no formatting");
    assert_eq!(formatted["ok"], true, "{formatted}");
    assert_eq!(formatted["text"], SHOP_FORMATTED, "{formatted}");
    let _ = std::fs::remove_dir_all(&root);
}
