// "Thrift: Show Syntax Tree": a read-only virtual document filled from the
// server's `thrift/syntaxTree` request, refreshed as the source changes.
import * as vscode from 'vscode';
import { RequestType } from 'vscode-languageclient';
import type { LanguageClient } from 'vscode-languageclient/node';

export const SCHEME = 'thrift-syntax-tree';

interface SyntaxTreeParams {
  textDocument: { uri: string };
}

export const syntaxTreeRequest = new RequestType<SyntaxTreeParams, string, void>('thrift/syntaxTree');

/** `thrift-syntax-tree:/<name>.syntax?<source uri>` */
export function treeUriFor(source: vscode.Uri): vscode.Uri {
  const name = source.path.split('/').pop() ?? 'file.thrift';
  return vscode.Uri.from({ scheme: SCHEME, path: `/${name}.syntax`, query: source.toString() });
}

export class SyntaxTreeProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly getClient: () => LanguageClient | undefined) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.languageId !== 'thrift') {
          return;
        }
        const tree = treeUriFor(e.document.uri);
        const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === tree.toString());
        if (!open) {
          return;
        }
        if (this.timer) {
          clearTimeout(this.timer);
        }
        // Let the server see the edit first.
        this.timer = setTimeout(() => this.emitter.fire(tree), 300);
      }),
    );
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const client = this.getClient();
    if (!client || !client.isRunning()) {
      return '// The Thrift language server is not running: see "Thrift: Show Language Server Output".';
    }
    try {
      return await client.sendRequest(syntaxTreeRequest, { textDocument: { uri: uri.query } }, token);
    } catch (e) {
      return `// thrift/syntaxTree failed: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  dispose(): void {
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.emitter.dispose();
    for (const s of this.subscriptions) {
      s.dispose();
    }
  }
}
