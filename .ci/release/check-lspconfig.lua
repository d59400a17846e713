-- Loads editors/registries/nvim-lspconfig/lsp/thrift_tools.lua in Neovim and
-- starts the server it describes on examples/broken/semantic.thrift, with the
-- thrift-ls found on PATH (.ci/packaging.sh puts the wheel's there):
--
--   nvim --headless -u NONE -c 'luafile .ci/release/check-lspconfig.lua'   (from the repository root)
--
-- Neovim 0.7 (Debian 12) has no vim.lsp.config, so the config is started
-- with vim.lsp.start_client; `:cq` on failure, `:qa!` on success.
local repo = vim.fn.getcwd()
local ok, err = pcall(function()
  local cfg = dofile(repo .. '/editors/registries/nvim-lspconfig/lsp/thrift_tools.lua')
  assert(type(cfg) == 'table', 'the file returns no table')
  assert(cfg.cmd[1] == 'thrift-ls', 'cmd is not thrift-ls')
  assert(vim.tbl_contains(cfg.filetypes, 'thrift'), 'no thrift filetype')
  local initialized, diagnostics = false, nil
  local id = vim.lsp.start_client({
    cmd = cfg.cmd,
    root_dir = repo .. '/examples',
    on_init = function() initialized = true end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(_, result)
        diagnostics = result
      end,
    },
  })
  assert(id, 'the client did not start')
  vim.cmd('edit ' .. repo .. '/examples/broken/semantic.thrift')
  vim.bo.filetype = 'thrift'
  assert(vim.wait(15000, function() return initialized end, 50), 'thrift-ls did not initialize')
  vim.lsp.buf_attach_client(0, id)
  assert(vim.wait(15000, function() return diagnostics ~= nil and #diagnostics.diagnostics > 0 end, 50),
    'no diagnostics for examples/broken/semantic.thrift')
  print(string.format('ok   nvim-lspconfig: thrift-ls started from the config; %d diagnostics on broken/semantic.thrift',
    #diagnostics.diagnostics))
  vim.lsp.stop_client(id)
end)
if not ok then
  io.stderr:write('FAIL nvim-lspconfig: ' .. tostring(err) .. '\n')
  vim.cmd('cq')
end
vim.cmd('qa!')
