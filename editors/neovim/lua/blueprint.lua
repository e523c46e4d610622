-- blueprint lsp for Neovim 0.7 and later. With this folder (editors/neovim) on the runtime path,
-- ftdetect, syntax and ftplugin do the rest; `require("blueprint").setup({ cmd = { … } })` names
-- another server command.
local M = { cmd = { "blueprint", "lsp" } }
-- One server per root: the folder of the nearest .blueprintlint.yml or .git.
local clients = {}

function M.setup(options)
  M.cmd = (options or {}).cmd or M.cmd
end

local function root_of(buffer)
  local folder = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buffer), ":p:h")
  -- findfile and finddir search upward with `;`, on every Neovim (vim.fs came with 0.8).
  local configuration = vim.fn.findfile(".blueprintlint.yml", folder .. ";")
  if configuration ~= "" then return vim.fn.fnamemodify(configuration, ":p:h") end
  local git = vim.fn.finddir(".git", folder .. ";")
  if git ~= "" then return vim.fn.fnamemodify(git, ":p:h:h") end
  return vim.fn.getcwd()
end

function M.attach(buffer)
  local root = root_of(buffer)
  local client_id = clients[root]
  local client = client_id and vim.lsp.get_client_by_id(client_id)
  if not client or client.is_stopped() then
    client_id = vim.lsp.start_client({ name = "blueprint", cmd = M.cmd, root_dir = root })
    clients[root] = client_id
  end
  if client_id then vim.lsp.buf_attach_client(buffer, client_id) end
end

return M
