// Starts `blueprint lsp` for .blueprint files; every feature comes from the server.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("blueprint").get("server.path", "blueprint");
  const server = { command, args: ["lsp"], transport: TransportKind.stdio };
  client = new LanguageClient("blueprint", "Blueprint", server, {
    documentSelector: [{ scheme: "file", language: "blueprint" }, { scheme: "untitled", language: "blueprint" }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/.blueprintlint.{yml,yaml}") },
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
