-- Maps *.thrift to the `thrift` filetype. Older Neovim runtimes (0.7.2 in
-- Debian 12) have no thrift filetype; on those, vim.filetype.add needs
-- `vim.g.do_filetype_lua = 1` set first (the default from 0.8 on).
vim.filetype.add({ extension = { thrift = 'thrift' } })
