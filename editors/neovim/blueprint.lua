-- blueprint lsp for Neovim 0.7 and later: put this file in ~/.config/nvim/lua/ and `require("blueprint")`
-- from init.lua. It starts one server per root (the folder of the nearest .blueprintlint.yml or .git).
-- An autocommand rather than vim.filetype.add, which Neovim 0.7 applies only with filetype.lua enabled.
vim.api.nvim_create_autocmd({ "BufRead", "BufNewFile" }, { pattern = "*.blueprint", command = "setfiletype blueprint" })

vim.api.nvim_create_autocmd("FileType", {
  pattern = "blueprint",
  callback = function(event)
    vim.bo[event.buf].commentstring = "# %s"
    local marker = vim.fs and vim.fs.find({ ".blueprintlint.yml", ".git" }, { upward = true, path = vim.fn.expand("%:p:h") })[1]
    local root = marker and vim.fn.fnamemodify(marker, ":h") or vim.fn.getcwd()
    local client_id = vim.lsp.start_client({ name = "blueprint", cmd = { "blueprint", "lsp" }, root_dir = root })
    if client_id then vim.lsp.buf_attach_client(event.buf, client_id) end
  end,
})
