// Drives a running code-server (with the thrift-tools .vsix installed) from headless
// Chromium and checks, on a copy of the repository's examples/:
//
//   highlighting   catalog.thrift is in the Thrift language mode, coloured, and
//                  "Developer: Inspect Editor Tokens and Scopes" shows TextMate
//                  scopes from source.thrift on `struct`
//   diagnostics    broken/semantic.thrift gets squiggles and Problems rows with the
//                  server's codes (T1030 duplicate field id, T1060 unknown prefix, ...)
//   definition     F12 on `base.BaseService` in catalog.thrift opens base.thrift at
//                  `service BaseService`
//   formatting     Format Document on unformatted.thrift, saved, equals formatted.thrift
//   outline        the Explorer's Outline view lists catalog.thrift's definitions
//                  (documentSymbol) in file order; clicking one moves the cursor there
//   hover          hovering `types.Isbn` shows its typedef, doc comment and defining file
//   missing-server thrift.server.path pointing at no file: after the offered restart, the
//                  error notification with "Open Setting" and "Install Instructions"
//
// and writes highlighting/diagnostics/definition/formatting/outline/hover/missing-server PNGs into --out-dir. Prints a
// JSON summary on stdout; exit 0 when every check held, 1 when one failed, 2 on a crash.
// Started by run.sh, which owns code-server; see README.md next to this file.
//
//   node drive.mjs --url http://127.0.0.1:18090 --folder /tmp/ws --out-dir shots \
//        --expected-formatted fixtures/formatted.thrift [--timeout 180]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { pathToFileURL } from 'node:url';

function parseArgs(argv) {
  const a = { url: 'http://127.0.0.1:18090', outDir: 'shots', timeout: 180, width: 1280, height: 800 };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = argv[++i];
    switch (k) {
      case '--url': a.url = v; break;
      case '--folder': a.folder = resolve(v); break;
      case '--out-dir': a.outDir = resolve(v); break;
      case '--expected-formatted': a.expectedFormatted = resolve(v); break;
      case '--timeout': a.timeout = Number(v); break;
      case '--width': a.width = Number(v); break;
      case '--height': a.height = Number(v); break;
      default: throw new Error(`unknown argument ${k}`);
    }
  }
  if (!a.folder || !a.expectedFormatted) throw new Error('--folder and --expected-formatted are required');
  return a;
}

const args = parseArgs(process.argv.slice(2));
// playwright-core comes from the shared harness (its vscode/ folder ran `npm install`).
const harness = process.env.REAL_CLIENTS_DIR;
if (!harness) throw new Error('REAL_CLIENTS_DIR is not set (run.sh sets it)');
const require = createRequire(join(harness, 'vscode', 'package.json'));
const { chromium } = (await import(pathToFileURL(require.resolve('playwright-core')).href)).default;

const t0 = Date.now();
const log = (msg) => process.stderr.write(`[e2e +${Date.now() - t0}ms] ${msg}\n`);
const hardTimer = setTimeout(() => { log('overall timeout'); process.exit(2); }, args.timeout * 1000);
mkdirSync(args.outDir, { recursive: true });

/** 1-based line and column of `needle` in a workspace file, plus `delta` columns. */
function positionOf(rel, needle, delta = 0) {
  const lines = readFileSync(join(args.folder, rel), 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const c = lines[i].indexOf(needle);
    if (c >= 0) return { line: i + 1, column: c + 1 + delta };
  }
  throw new Error(`${needle} not found in ${rel}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});
const summary = { checks: {}, screenshots: [] };
const failures = [];
const check = (name, cond, detail) => {
  summary.checks[name] = { ok: !!cond, ...detail };
  if (!cond) failures.push(name);
  log(`${cond ? 'ok  ' : 'FAIL'} ${name}`);
};

try {
  const page = await browser.newPage({ viewport: { width: args.width, height: args.height } });
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text().slice(0, 300)); });

  const shot = async (name) => {
    const path = join(args.outDir, `${name}.png`);
    await page.screenshot({ path });
    summary.screenshots.push(path);
  };
  const activeTab = () => page.locator('.tab.active').first().getAttribute('aria-label').catch(() => null);
  const cursor = () => page.locator('.statusbar-item[id="status.editor.selection"]').innerText().catch(() => null);
  const languageMode = () => page.locator('.statusbar-item[id="status.editor.mode"]').innerText().catch(() => null);
  const editorText = () => page.$$eval('.editor-group-container.active .monaco-editor .view-lines .view-line',
    (els) => els.map((e) => e.innerText.replace(/\u00a0/g, ' ')).join('\n'));

  const quickInput = async (keys, text) => {
    await page.keyboard.press(keys);
    await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15000 });
    await page.keyboard.type(text);
  };
  const runCommand = async (title) => {
    await quickInput('Control+Shift+P', title);
    await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 15000 });
    await page.waitForTimeout(400);
    await page.keyboard.press('Enter');
  };
  const openFile = async (rel) => {
    await quickInput('Control+P', rel);
    await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 15000 });
    await page.waitForTimeout(500);
    await page.keyboard.press('Enter');
    const base = rel.split('/').pop();
    await page.waitForSelector(`.tab.active[aria-label*="${base}"]`, { timeout: 20000 });
    await page.waitForSelector('.monaco-editor .view-lines .view-line', { timeout: 20000 });
    await page.waitForTimeout(500);
  };
  const goTo = async ({ line, column }) => {
    await quickInput('Control+G', `${line}:${column}`);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
  };
  const waitFor = async (fn, ms) => {
    const end = Date.now() + ms;
    let v = await fn();
    while (!v && Date.now() < end) { await page.waitForTimeout(250); v = await fn(); }
    return v;
  };

  await page.goto(`${args.url.replace(/\/$/, '')}/?folder=${encodeURIComponent(args.folder)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  log('workbench loaded');
  await page.waitForTimeout(2000);
  await page.locator('.monaco-workbench').click({ position: { x: 5, y: 5 } }).catch(() => {});

  // 1. Highlighting: TextMate scopes on catalog.thrift.
  await openFile('catalog.thrift');
  let classes = [];
  await waitFor(async () => {
    classes = await page.$$eval('.monaco-editor .view-lines .view-line span[class^="mtk"]',
      (els) => [...new Set(els.map((e) => e.className))]);
    return classes.length >= 5;
  }, 20000);
  const mode = await waitFor(async () => ((await languageMode()) === 'Thrift' ? 'Thrift' : null), 10000)
    ?? (await languageMode());
  const structAt = positionOf('catalog.thrift', 'struct Author', 1);
  await goTo(structAt);
  // Ctrl+G centres the line; scroll it near the top (Ctrl+Down scrolls without moving
  // the cursor) so that the inspect widget below it has room.
  for (let i = 0; i < 14; i++) await page.keyboard.press('Control+ArrowDown');
  await page.waitForTimeout(500);
  await runCommand('Developer: Inspect Editor Tokens and Scopes');
  let inspect = null;
  try {
    const w = page.locator('.token-inspect-widget').first();
    await w.waitFor({ state: 'visible', timeout: 10000 });
    await page.waitForTimeout(1000);
    inspect = await w.innerText();
  } catch { inspect = null; }
  await shot('highlighting');
  await page.keyboard.press('Escape');
  check('highlighting', mode === 'Thrift' && classes.length >= 5 && inspect
    && /source\.thrift/.test(inspect) && /storage\.type\.struct\.thrift/.test(inspect),
    { language_mode: mode, token_classes: classes.length, inspect_widget: inspect });

  // 2. Go to definition: base.BaseService in catalog.thrift -> base.thrift.
  const refAt = positionOf('catalog.thrift', 'base.BaseService', 'base.'.length + 2);
  await goTo(refAt);
  const before = await cursor();
  await page.keyboard.press('F12');
  const tab = await waitFor(async () => {
    const t = await activeTab();
    return t && t.includes('base.thrift') ? t : null;
  }, 10000);
  await page.waitForTimeout(800);
  const after = await cursor();
  const target = positionOf('base.thrift', 'service BaseService');
  await shot('definition');
  check('definition', tab && after && after.includes(`Ln ${target.line},`),
    { from: refAt, cursor_before: before, tab: tab ?? (await activeTab()), cursor_after: after, expected_line: target.line });

  // 3. Diagnostics of broken/semantic.thrift in the editor and the Problems panel.
  await openFile('broken/semantic.thrift');
  const squiggles = await waitFor(async () => {
    const n = await page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info').count();
    return n >= 4 ? n : 0;
  }, 30000) || await page.locator('.monaco-editor [class*="squiggly-"]').count();
  await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel', { timeout: 15000 }).catch(() => {});
  let problems = [];
  await waitFor(async () => {
    problems = await page.$$eval('.markers-panel .monaco-list-row',
      // innerText has the source and code, `thrift(T1030)`; the aria-label has neither.
      (rows) => rows.map((r) => r.innerText.replace(/\s+/g, ' ').trim()));
    const all = problems.join('\n');
    return /T1030/.test(all) && /T1060/.test(all);
  }, 15000);
  // Cursor on the first problem with its hover, like a user pressing F8.
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  await goTo({ line: 1, column: 1 });
  await page.keyboard.press('F8');
  await page.waitForTimeout(1200);
  await shot('diagnostics');
  await page.keyboard.press('Escape');
  const codes = [...new Set(problems.join('\n').match(/T\d{4}/g) ?? [])].sort();
  check('diagnostics', squiggles >= 4 && codes.includes('T1030') && codes.includes('T1060'),
    { squiggles, codes, problems });

  // 4. Format Document, save, compare with the expected text.
  await page.keyboard.press('Control+J'); // hide the panel: a taller editor
  await page.waitForTimeout(500);
  await openFile('unformatted.thrift');
  const original = readFileSync(join(args.folder, 'unformatted.thrift'), 'utf8');
  const editorArea = await page.locator('.editor-group-container.active').first().boundingBox();
  const clip = { x: editorArea.x, y: editorArea.y, width: Math.min(620, editorArea.width), height: Math.min(470, editorArea.height) };
  const beforePng = await page.screenshot({ clip });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  await runCommand('Format Document');
  await waitFor(async () => (await editorText()).includes('struct Item {'), 10000);
  await page.waitForTimeout(500);
  await page.keyboard.press('Control+S');
  await page.keyboard.press('Control+Home');
  const expected = readFileSync(args.expectedFormatted, 'utf8');
  const saved = await waitFor(async () => {
    const s = readFileSync(join(args.folder, 'unformatted.thrift'), 'utf8');
    return s !== original ? s : null;
  }, 10000);
  await page.waitForTimeout(800);
  const afterPng = await page.screenshot({ clip });
  await shot('formatting-window');
  // One picture: the file before and after Format Document, side by side.
  const sheet = await browser.newPage({ viewport: { width: clip.width * 2 + 30, height: clip.height + 40 } });
  const img = (b) => `data:image/png;base64,${b.toString('base64')}`;
  await sheet.setContent(`<body style="margin:0;background:#181818;color:#ccc;font:14px sans-serif;display:flex;gap:10px;padding:5px 10px">
    <div><div style="padding:4px 0 6px">Before</div><img src="${img(beforePng)}"></div>
    <div><div style="padding:4px 0 6px">After Format Document (saved)</div><img src="${img(afterPng)}"></div></body>`);
  await sheet.waitForTimeout(300);
  const formattingPath = join(args.outDir, 'formatting.png');
  await sheet.screenshot({ path: formattingPath, fullPage: true });
  summary.screenshots.push(formattingPath);
  await sheet.close();
  check('formatting', saved === expected, { changed: saved !== null, matches_expected: saved === expected, saved });

  // 5. Outline (textDocument/documentSymbol): the Explorer's Outline view lists the
  // includes, namespaces and definitions of catalog.thrift, in file order.
  await openFile('catalog.thrift');
  await page.keyboard.press('Control+Shift+E');
  await page.waitForTimeout(500);
  // Collapse the folder tree so that the Outline gets the side bar's height.
  const folders = page.locator('.explorer-viewlet .pane-header', { hasText: 'examples' }).first();
  if ((await folders.count()) && (await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
  const outlineHeader = page.locator('.pane-header', { hasText: 'Outline' }).first();
  await outlineHeader.waitFor({ state: 'visible', timeout: 10000 });
  if ((await outlineHeader.getAttribute('aria-expanded')) !== 'true') await outlineHeader.click();
  const expectedOutline = ['common/types.thrift', 'base.thrift', 'cpp bookstore.catalog',
    'java com.example.bookstore.catalog', 'py bookstore.catalog', 'go bookstore.catalog', 'GENRE_LABELS', 'MAX_AUTHORS_PER_BOOK', 'Author', 'Book', 'BookQuery', 'CatalogService'];
  let outline = [];
  await waitFor(async () => {
    outline = await page.$$eval('.outline-pane .monaco-list-row', (rows) => rows.map((r) => ({
      level: Number(r.getAttribute('aria-level')),
      name: (r.querySelector('.label-name')?.innerText ?? r.innerText).trim(),
    })));
    return expectedOutline.every((n) => outline.some((o) => o.name === n));
  }, 15000);
  // Click the service: the editor follows, as it does for a user.
  await page.locator('.outline-pane .monaco-list-row', { hasText: 'CatalogService' }).first().click().catch(() => {});
  await page.waitForTimeout(800);
  const outlineCursor = await cursor();
  await shot('outline');
  const topLevel = outline.filter((o) => o.level === 1).map((o) => o.name);
  const serviceLine = positionOf('catalog.thrift', 'service CatalogService').line;
  check('outline', JSON.stringify(topLevel) === JSON.stringify(expectedOutline)
    && outlineCursor && outlineCursor.includes(`Ln ${serviceLine},`),
  { top_level: topLevel, expected: expectedOutline, rows: outline.map((o) => `${'  '.repeat(o.level - 1)}${o.name}`),
    cursor_after_click: outlineCursor, expected_line: serviceLine });

  // 6. Hover (textDocument/hover) on `types.Isbn`: the typedef's signature, its doc
  // comment and the file it is defined in, rendered as Markdown.
  await page.keyboard.press('Control+B'); // hide the side bar again
  await page.waitForTimeout(300);
  const hoverAt = positionOf('catalog.thrift', 'types.Isbn', 'types.'.length + 2);
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  await goTo(hoverAt);
  await runCommand('Show or Focus Hover');
  let hoverText = '';
  await waitFor(async () => {
    hoverText = await page.locator('.monaco-hover:not(.hidden) .hover-contents').allInnerTexts()
      .then((t) => t.join('\n')).catch(() => '');
    return /typedef/.test(hoverText) && /Isbn/.test(hoverText);
  }, 10000);
  await page.waitForTimeout(500);
  await shot('hover');
  await page.keyboard.press('Escape');
  check('hover', /typedef/.test(hoverText) && /Isbn/.test(hoverText) && /ISBN-13/.test(hoverText)
    && /common\/types\.thrift/.test(hoverText),
    { at: hoverAt, hover: hoverText });

  // 7. The missing-server message: point thrift.server.path (workspace settings) at a
  // file that does not exist, accept the extension's offer to restart, and expect the
  // error notification with its two buttons and the status item in the error colour.
  mkdirSync(join(args.folder, '.vscode'), { recursive: true });
  writeFileSync(join(args.folder, '.vscode', 'settings.json'),
    JSON.stringify({ 'thrift.server.path': '/nonexistent/thrift-ls' }, null, 2));
  const toasts = page.locator('.notifications-toasts .notification-toast');
  const restartButton = toasts.filter({ hasText: 'Restart the language server' })
    .locator('.monaco-button', { hasText: /^Restart$/ }).first();
  let offered = true;
  try { await restartButton.waitFor({ state: 'visible', timeout: 15000 }); } catch { offered = false; }
  if (offered) await restartButton.click(); else await runCommand('Thrift: Restart Language Server');
  const missing = toasts.filter({ hasText: 'is not an executable file' }).first();
  let missingText = null;
  let buttons = [];
  try {
    await missing.waitFor({ state: 'visible', timeout: 15000 });
    missingText = (await missing.innerText()).replace(/\s+/g, ' ').trim();
    buttons = (await missing.locator('.monaco-button').allInnerTexts()).map((b) => b.trim()).filter(Boolean);
  } catch { /* checked below */ }
  const statusItem = await page.locator('.statusbar-item', { hasText: 'thrift-ls' }).first()
    .getAttribute('aria-label').catch(() => null);
  await page.waitForTimeout(500);
  await shot('missing-server');
  check('missing-server', offered && missingText && /\/nonexistent\/thrift-ls/.test(missingText)
    && buttons.includes('Open Setting') && buttons.includes('Install Instructions'),
  { restart_offered: offered, notification: missingText, buttons, status_item: statusItem });

  summary.console_errors = consoleErrors.filter((e) => !/open-vsx|ENOTFOUND/.test(e)).slice(0, 10);
} catch (e) {
  summary.error = String((e && e.stack) || e);
  failures.push('crash');
  process.exitCode = 2;
} finally {
  summary.failures = failures;
  summary.ok = failures.length === 0;
  summary.total_ms = Date.now() - t0;
  process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
  await browser.close();
  clearTimeout(hardTimer);
}
if (process.exitCode === undefined) process.exitCode = failures.length ? 1 : 0;
