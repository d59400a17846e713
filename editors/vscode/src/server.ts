// Finding the thrift-ls binary: the `thrift.server.path` setting, then the
// binary bundled in the extension's `server/` folder, then `thrift-ls` on PATH.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type ServerSource = 'setting' | 'bundled' | 'path';

export interface FoundServer {
  command: string;
  source: ServerSource;
}

export interface NotFound {
  /** Why nothing was found, for the notification. */
  reason: string;
}

const EXE = process.platform === 'win32' ? 'thrift-ls.exe' : 'thrift-ls';

/** Expands `~` and `${workspaceFolder}`, and makes relative paths absolute against `base`. */
export function expandPath(p: string, workspaceFolder: string | undefined): string {
  let out = p.trim();
  if (out === '~' || out.startsWith('~/') || out.startsWith('~\\')) {
    out = path.join(os.homedir(), out.slice(1));
  }
  if (workspaceFolder !== undefined) {
    out = out.replace(/\$\{workspaceFolder\}/g, workspaceFolder);
  }
  if (!path.isAbsolute(out) && workspaceFolder !== undefined) {
    out = path.join(workspaceFolder, out);
  }
  return out;
}

function isExecutable(file: string): boolean {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) {
      return false;
    }
    if (process.platform !== 'win32') {
      fs.accessSync(file, fs.constants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}

/** Looks `name` up on `envPath` like a shell would. */
export function findOnPath(name: string, envPath: string | undefined): string | undefined {
  if (!envPath) {
    return undefined;
  }
  const exts =
    process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) {
      continue;
    }
    for (const ext of exts) {
      const candidate = path.join(dir, name.endsWith(ext) ? name : name + ext);
      if (isExecutable(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

export function findServer(
  settingPath: string,
  extensionPath: string,
  workspaceFolder: string | undefined,
  envPath: string | undefined = process.env.PATH,
): FoundServer | NotFound {
  if (settingPath.trim() !== '') {
    const p = expandPath(settingPath, workspaceFolder);
    if (isExecutable(p)) {
      return { command: p, source: 'setting' };
    }
    // A bare command name such as "thrift-ls-nightly" is looked up on PATH.
    if (!settingPath.includes('/') && !settingPath.includes('\\')) {
      const onPath = findOnPath(settingPath.trim(), envPath);
      if (onPath) {
        return { command: onPath, source: 'setting' };
      }
    }
    return { reason: `thrift.server.path is set to "${settingPath}", but ${p} is not an executable file.` };
  }
  const bundled = path.join(extensionPath, 'server', EXE);
  if (isExecutable(bundled)) {
    return { command: bundled, source: 'bundled' };
  }
  const onPath = findOnPath('thrift-ls', envPath);
  if (onPath) {
    return { command: onPath, source: 'path' };
  }
  return {
    reason:
      'The Thrift language server (thrift-ls) was not found: thrift.server.path is not set, this extension has no bundled server, and thrift-ls is not on PATH.',
  };
}
