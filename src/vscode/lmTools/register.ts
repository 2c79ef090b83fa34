/**
 * The handoff tools for Copilot Chat and any chat participant (`vscode.lm.registerTool`, declared in package.json
 * `languageModelTools`; `#handoff` in chat), and the MCP server offered to VS Code's MCP support
 * (`lm.registerMcpServerDefinitionProvider`, VS Code 1.101+). Both are guarded: a VS Code without the API gets
 * neither, and nothing else changes. Answers come from answers.ts over the store's analyses; nothing writes.
 */
import * as vscode from 'vscode';
import { TOOL_NAMES, type ToolName } from '../../core/digest/toolSpecs';
import { toSlash } from '../../core/git/paths';
import type { Store } from '../store/store';
import { answerTool, type ToolContext } from './answers';
import { readToolTarget } from './readTarget';

/** How long a tool waits for analyses in flight (a just-edited handoff) before answering from what has landed. */
const SETTLE_MS = 5_000;

export function toolContext(store: Store): ToolContext {
  const all = store.all();
  const uris = new Map(all.map((h) => [toSlash(h.uri.fsPath), h.uri]));
  return {
    handoffs: all.map((h) => ({ shown: vscode.workspace.asRelativePath(h.uri, false), fsPath: toSlash(h.uri.fsPath), analysis: h.analysis })),
    readTarget: (fsPath, path, token) => readToolTarget(uris.get(fsPath) ?? vscode.Uri.file(fsPath), path, token),
    git: store.gitAllowed ? store.gitProvider : undefined,
    parseOnly: store.gitAllowed ? null : store.gitDisabledReason ?? 'git checks are off',
  };
}

export function registerLanguageModelTools(store: Store, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const lm = vscode.lm as Partial<typeof vscode.lm> | undefined;
  if (typeof lm?.registerTool !== 'function' || typeof vscode.LanguageModelToolResult !== 'function') {
    log.info('language-model tools not registered: this VS Code has no vscode.lm.registerTool');
    return [];
  }
  return TOOL_NAMES.map((name: ToolName) => lm.registerTool!(name, {
    prepareInvocation: () => ({ invocationMessage: `Checking the handoff against the repository (${name})` }),
    async invoke(options, token) {
      try { await store.whenIdle(SETTLE_MS); } catch { /* answer from what has landed */ }
      const text = await answerTool(name, options.input, toolContext(store), token);
      log.info(`language-model tool ${name}: ${text.length} characters`);
      return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
    },
  }));
}

/** The part of VS Code 1.101's MCP API used here (absent from the 1.100 typings this extension builds against). */
interface McpApi {
  registerMcpServerDefinitionProvider(id: string, provider: {
    onDidChangeMcpServerDefinitions?: vscode.Event<void>;
    provideMcpServerDefinitions(token: vscode.CancellationToken): unknown[];
  }): vscode.Disposable;
}
type McpStdioServerDefinitionCtor = new (label: string, command: string, args: string[], env?: Record<string, string | number | null>, version?: string) => unknown;

/**
 * `handoff-lint mcp` for each local workspace folder, run by VS Code's own runtime (ELECTRON_RUN_AS_NODE: the
 * Electron binary acts as Node; a remote server's node ignores it), from the script shipped in the extension.
 * `--no-git` while the workspace is not trusted: the server then answers parse-only, as the tools do.
 */
export function registerMcpServerProvider(context: vscode.ExtensionContext, store: Store, trustChanged: vscode.Event<unknown>, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const lm = vscode.lm as unknown as Partial<McpApi> | undefined;
  const Stdio = (vscode as unknown as { McpStdioServerDefinition?: McpStdioServerDefinitionCtor }).McpStdioServerDefinition;
  // 1.100 has a proposed function of the same name that wants another contribution point and throws: the stable
  // API starts with 1.101, and a failure here must never fail activation.
  const [major = 0, minor = 0] = vscode.version.split('.').map(Number);
  if (typeof lm?.registerMcpServerDefinitionProvider !== 'function' || typeof Stdio !== 'function' || (major === 1 && minor < 101)) {
    log.info(`MCP server not offered: VS Code ${vscode.version} has no MCP server definition API (1.101+)`);
    return [];
  }
  const changed = new vscode.EventEmitter<void>();
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'mcp.js').fsPath;
  const version = String(context.extension.packageJSON.version ?? '0.0.0');
  let provider: vscode.Disposable;
  try {
    provider = lm.registerMcpServerDefinitionProvider('handoffNavigator.mcp', {
    onDidChangeMcpServerDefinitions: changed.event,
    provideMcpServerDefinitions: () => (vscode.workspace.workspaceFolders ?? [])
      .filter((f) => f.uri.scheme === 'file')
      .map((f) => new Stdio(`Handoff Navigator: ${f.name}`, process.execPath,
        [script, '--root', f.uri.fsPath, ...(store.gitAllowed ? [] : ['--no-git'])], { ELECTRON_RUN_AS_NODE: '1' }, version)),
    });
  } catch (e) {
    changed.dispose();
    log.warn(`MCP server not offered: ${e instanceof Error ? e.message : String(e)}`);
    return [];
  }
  log.info('MCP server offered to VS Code (handoffNavigator.mcp)');
  return [changed, provider, trustChanged(() => changed.fire()), vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire())];
}
