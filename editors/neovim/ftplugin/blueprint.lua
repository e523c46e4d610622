-- Settings of a blueprint buffer, and `blueprint lsp` attached to it (see lua/blueprint.lua).
if vim.b.did_ftplugin then return end
vim.b.did_ftplugin = true

local buffer = vim.api.nvim_get_current_buf()
vim.bo[buffer].commentstring = "# %s"
-- <C-x><C-o> completes from the server; K hovers instead of running `man`.
vim.bo[buffer].omnifunc = "v:lua.vim.lsp.omnifunc"
vim.keymap.set("n", "K", vim.lsp.buf.hover, { buffer = buffer, desc = "blueprint: hover" })
vim.keymap.set("n", "gd", vim.lsp.buf.definition, { buffer = buffer, desc = "blueprint: go to definition" })
require("blueprint").attach(buffer)
