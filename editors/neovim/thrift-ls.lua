-- thrift-ls for Neovim 0.11+ with the built-in vim.lsp.config / vim.lsp.enable.
-- Put this file in ~/.config/nvim/lsp/thrift_ls.lua without the two last lines
-- (then vim.lsp.enable('thrift_ls') in init.lua), or paste it all into init.lua.
vim.lsp.config('thrift_ls', {
  cmd = { 'thrift-ls', '--stdio' },
  filetypes = { 'thrift' },
  -- The nearest thrift-tools.toml or .git decides the workspace root; without
  -- either, the server works on the file alone.
  root_markers = { 'thrift-tools.toml', '.git' },
  init_options = {
    includeDirs = {},
    inlayHints = { enumValues = true, fieldIds = true, typedefTargets = false },
  },
})
vim.lsp.enable('thrift_ls')
