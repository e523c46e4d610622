" An autocommand rather than vim.filetype.add, which Neovim 0.7 applies only with filetype.lua enabled.
autocmd BufRead,BufNewFile *.blueprint setfiletype blueprint
