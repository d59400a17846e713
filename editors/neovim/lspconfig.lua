-- thrift-ls with nvim-lspconfig (Neovim 0.8+). nvim-lspconfig has no entry for
-- thrift-ls, so this registers one under the name `thrift_ls`, then sets it up.
local lspconfig = require('lspconfig')
local configs = require('lspconfig.configs')
if not configs.thrift_ls then
  configs.thrift_ls = {
    default_config = {
      cmd = { 'thrift-ls', '--stdio' },
      filetypes = { 'thrift' },
      root_dir = lspconfig.util.root_pattern('thrift-tools.toml', '.git'),
      single_file_support = true,
      init_options = {
        includeDirs = {},
        inlayHints = { enumValues = true, fieldIds = true, typedefTargets = false },
      },
    },
  }
end
lspconfig.thrift_ls.setup({})
