// The Thrift extension: starts thrift-ls over stdio for `thrift` documents,
// and adds the restart / output / syntax-tree commands and a status item.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, LanguageClient, State } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { expandPath, findServer } from './server';
import type { FoundServer } from './server';
import { SCHEME, SyntaxTreeProvider, treeUriFor } from './syntaxTree';

const CLIENT_ID = 'thrift'; // also the prefix of the `thrift.trace.server` setting
const CLIENT_NAME = 'Thrift Language Server';

let client: LanguageClient | undefined;
let server: FoundServer | undefined;
let output: vscode.LogOutputChannel;
let status: vscode.StatusBarItem;
let extensionPath: string;

function firstWorkspaceFolder(): string | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
}

function initializationOptions() {
  const config = vscode.workspace.getConfiguration('thrift');
  const folder = firstWorkspaceFolder();
  const dialect = config.get<string>('dialect', '');
  return {
    includeDirs: config.get<string[]>('includeDirs', []).map((d) => expandPath(d, folder)),
    // Only when set: without it the server uses `dialect` from thrift-tools.toml.
    ...(dialect ? { dialect } : {}),
    inlayHints: {
      enumValues: config.get<boolean>('inlayHints.enumValues', true),
      fieldIds: config.get<boolean>('inlayHints.fieldIds', true),
      typedefTargets: config.get<boolean>('inlayHints.typedefTargets', false),
    },
  };
}

function setStatus(text: string, tooltip: string, error = false): void {
  status.text = text;
  status.tooltip = tooltip;
  status.backgroundColor = error ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
}

function updateStatusVisibility(): void {
  const editor = vscode.window.activeTextEditor;
  if (editor && (editor.document.languageId === 'thrift' || editor.document.uri.scheme === SCHEME)) {
    status.show();
  } else {
    status.hide();
  }
}

async function notifyNotFound(reason: string): Promise<void> {
  setStatus('$(warning) thrift-ls', `${reason}\nClick to show the output.`, true);
  output.appendLine(reason);
  const openSetting = 'Open Setting';
  const instructions = 'Install Instructions';
  const choice = await vscode.window.showErrorMessage(reason, openSetting, instructions);
  if (choice === openSetting) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'thrift.server.path');
  } else if (choice === instructions) {
    // vsce stores README.md as readme.md in the .vsix.
    const name = ['README.md', 'readme.md'].find((n) => fs.existsSync(path.join(extensionPath, n))) ?? 'README.md';
    await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.file(path.join(extensionPath, name)));
  }
}

async function startClient(): Promise<void> {
  const config = vscode.workspace.getConfiguration('thrift');
  const found = findServer(config.get<string>('server.path', ''), extensionPath, firstWorkspaceFolder());
  if ('reason' in found) {
    server = undefined;
    // Not awaited: the notification stays up while the user decides.
    void notifyNotFound(found.reason);
    return;
  }
  server = found;
  const args = ['--stdio', ...config.get<string[]>('server.extraArgs', [])];
  // No `transport`: TransportKind.stdio would add a second `--stdio`.
  const serverOptions: ServerOptions = {
    run: { command: found.command, args },
    debug: { command: found.command, args },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'thrift' },
      { scheme: 'untitled', language: 'thrift' },
    ],
    initializationOptions: initializationOptions(),
    outputChannel: output,
    traceOutputChannel: output,
  };
  const c = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  c.onDidChangeState((e) => {
    const where = `${found.command} (${found.source === 'setting' ? 'thrift.server.path' : found.source === 'bundled' ? 'bundled' : 'PATH'})`;
    switch (e.newState) {
      case State.Starting:
        setStatus('$(sync~spin) thrift-ls', `Starting ${where}`);
        break;
      case State.Running:
        setStatus('$(check) thrift-ls', `Running: ${where}\nClick to show the output.`);
        break;
      case State.Stopped:
        setStatus('$(error) thrift-ls', `Stopped: ${where}\nRun "Thrift: Restart Language Server" to start it again.`, true);
        break;
    }
  });
  client = c;
  output.appendLine(`Starting ${found.command} ${args.join(' ')} (found via ${found.source})`);
  try {
    await c.start();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    output.appendLine(`thrift-ls failed to start: ${message}`);
    setStatus('$(error) thrift-ls', `Failed to start ${found.command}: ${message}`, true);
    void vscode.window
      .showErrorMessage(`The Thrift language server failed to start: ${message}`, 'Show Output')
      .then((choice) => {
        if (choice) {
          output.show(true);
        }
      });
  }
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.stop();
    } catch (e) {
      output.appendLine(`stopping thrift-ls: ${e instanceof Error ? e.message : String(e)}`);
    }
    await c.dispose();
  }
}

async function restartClient(): Promise<void> {
  await stopClient();
  await startClient();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionPath = context.extensionPath;
  output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  status = vscode.window.createStatusBarItem('thrift.server', vscode.StatusBarAlignment.Left, 0);
  status.name = 'Thrift Language Server';
  status.command = 'thrift.showServerOutput';
  setStatus('$(circle-outline) thrift-ls', 'Not started');
  const treeProvider = new SyntaxTreeProvider(() => client);

  context.subscriptions.push(
    output,
    status,
    treeProvider,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, treeProvider),
    vscode.window.onDidChangeActiveTextEditor(updateStatusVisibility),
    vscode.commands.registerCommand('thrift.restartServer', restartClient),
    vscode.commands.registerCommand('thrift.showServerOutput', () => output.show(true)),
    vscode.commands.registerCommand('thrift.showSyntaxTree', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'thrift') {
        void vscode.window.showInformationMessage('Open a Thrift file to see its syntax tree.');
        return;
      }
      const doc = await vscode.workspace.openTextDocument(treeUriFor(editor.document.uri));
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // The server applies these at once: no restart.
      const live = ['thrift.includeDirs', 'thrift.dialect', 'thrift.inlayHints'].some((s) => e.affectsConfiguration(s));
      if (live && client?.isRunning()) {
        await client.sendNotification(DidChangeConfigurationNotification.type, { settings: initializationOptions() });
      }
      // Another binary or other arguments need a new process.
      const needsRestart = ['thrift.server.path', 'thrift.server.extraArgs'].some((s) => e.affectsConfiguration(s));
      if (!needsRestart) {
        return;
      }
      const restart = 'Restart';
      const choice = await vscode.window.showInformationMessage(
        'The Thrift server settings changed. Restart the language server to apply them?',
        restart,
      );
      if (choice === restart) {
        await restartClient();
      }
    }),
    { dispose: () => void stopClient() },
  );
  updateStatusVisibility();
  await startClient();
}

export async function deactivate(): Promise<void> {
  await stopClient();
}

/** For tests and other extensions: which binary is in use. */
export function currentServer(): FoundServer | undefined {
  return server;
}
