// Builds the release thrift-ls and copies it into server/, so that the next
// `npm run package` makes a platform .vsix with the server inside.
//
//   npm run bundle-server                 # cargo build --profile dist --bin thrift-ls (stripped), then copy
//   npm run bundle-server -- path/to/thrift-ls   # copy an existing binary instead
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const extension = resolve(here, '..');
const repo = resolve(extension, '..', '..');
const exe = process.platform === 'win32' ? 'thrift-ls.exe' : 'thrift-ls';

let binary = process.argv[2];
if (!binary) {
  execFileSync('cargo', ['build', '--profile', 'dist', '--locked', '--bin', 'thrift-ls'], {
    cwd: repo,
    stdio: 'inherit',
  });
  const targetDir = process.env.CARGO_TARGET_DIR ? resolve(process.env.CARGO_TARGET_DIR) : join(repo, 'target');
  binary = join(targetDir, 'dist', exe);
}
if (!existsSync(binary)) {
  console.error(`no thrift-ls at ${binary}`);
  process.exit(1);
}
mkdirSync(join(extension, 'server'), { recursive: true });
const dest = join(extension, 'server', exe);
copyFileSync(binary, dest);
chmodSync(dest, 0o755);
console.log(`copied ${binary} to ${dest}`);
console.log(`vsce target for this machine: ${process.platform}-${process.arch}`);
