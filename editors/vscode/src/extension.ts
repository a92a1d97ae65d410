// The VS Code side of skill-audit: starts `skill-audit server` and lets vscode-languageclient
// do the rest (diagnostics, code actions, hover, completion).
import * as path from "path";
import { ExtensionContext, workspace } from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

// The files the server audits: skills, plugin components, manifests and skill scripts.
const PATTERNS = [
  "**/SKILL.md",
  "**/skill.md",
  "**/agents/*.md",
  "**/commands/*.md",
  "**/.claude-plugin/plugin.json",
  "**/.claude-plugin/marketplace.json",
  "**/hooks/hooks.json",
  "**/.mcp.json",
  "**/.lsp.json",
  "**/scripts/**",
  "**/skill-audit.toml",
  "**/.skill-audit.toml",
];

export async function activate(context: ExtensionContext): Promise<void> {
  const settings = workspace.getConfiguration("skillAudit");
  const command = settings.get<string>("path", "skill-audit");
  const config = settings.get<string>("config", "");
  const serverOptions: ServerOptions = {
    command,
    args: ["server"],
    options: { cwd: workspace.workspaceFolders?.[0]?.uri.fsPath },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: PATTERNS.map((pattern) => ({ scheme: "file", pattern })),
    initializationOptions: {
      config: config ? path.normalize(config) : undefined,
      debounceMs: settings.get<number>("debounceMs", 150),
    },
  };
  client = new LanguageClient("skillAudit", "skill-audit", serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
    client = undefined;
  }
}
