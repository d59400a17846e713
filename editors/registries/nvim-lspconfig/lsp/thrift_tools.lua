---@brief
---
--- https://github.com/thrift-tools/thrift-tools
---
--- `thrift-ls`, the language server of thrift-tools for Thrift IDL (Apache
--- Thrift and fbthrift): diagnostics (those of `thrift-lint check`), go to
--- definition and references across includes, rename, hover, completion,
--- formatting, inlay hints and code actions.
---
--- Install it with `pip install thrift-lint` (or `:MasonInstall thrift-tools`,
--- `cargo install thrift-tools`, or a release archive); it puts `thrift-ls` on
--- the PATH.
---
--- Include directories, lint severities and formatting options come from
--- `thrift-tools.toml`, found by walking up from each file; `init_options`
--- can set `includeDirs`, `dialect` and `inlayHints` too.

---@type vim.lsp.Config
return {
  cmd = { 'thrift-ls', '--stdio' },
  filetypes = { 'thrift' },
  root_markers = { 'thrift-tools.toml', '.git' },
}
