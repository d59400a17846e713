// Checks the extension's static files: every JSON file parses, the regular
// expressions in language-configuration.json compile, and package.json's
// commands and settings match what src/ registers and reads.
import { readFileSync, readdirSync } from 'node:fs';

let failures = 0;
const fail = (msg) => {
  console.error(`FAIL ${msg}`);
  failures++;
};
const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    fail(`${file}: ${e.message}`);
    return undefined;
  }
};

const pkg = readJson('package.json');
const langConfig = readJson('language-configuration.json');
const grammar = readJson('syntaxes/thrift.tmLanguage.json');
const snippets = readJson('snippets/thrift.code-snippets');
readJson('tsconfig.json');

if (langConfig) {
  const regexes = [
    langConfig.wordPattern,
    langConfig.indentationRules?.increaseIndentPattern,
    langConfig.indentationRules?.decreaseIndentPattern,
    langConfig.folding?.markers?.start,
    langConfig.folding?.markers?.end,
    ...langConfig.onEnterRules.flatMap((r) => [r.beforeText, r.afterText, r.previousLineText]),
  ].filter((r) => r !== undefined);
  for (const r of regexes) {
    try {
      new RegExp(r);
    } catch (e) {
      fail(`language-configuration.json: ${e.message}`);
    }
  }
}
if (grammar && grammar.scopeName !== pkg?.contributes.grammars[0].scopeName) {
  fail('grammar scopeName differs from package.json');
}
if (snippets) {
  for (const want of ['struct', 'enum', 'service', 'exception', 'include']) {
    if (!Object.values(snippets).some((s) => s.prefix === want)) {
      fail(`no snippet with prefix ${want}`);
    }
  }
}
if (pkg) {
  const src = readdirSync('src')
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(`src/${f}`, 'utf8'))
    .join('\n');
  for (const { command } of pkg.contributes.commands) {
    if (!src.includes(`registerCommand('${command}'`)) {
      fail(`command ${command} is contributed but not registered in src/`);
    }
  }
  for (const key of Object.keys(pkg.contributes.configuration.properties)) {
    const short = key.replace(/^thrift\./, '');
    // thrift.trace.server is read by vscode-languageclient itself (client id "thrift").
    if (key !== 'thrift.trace.server' && !src.includes(`'${short}'`)) {
      fail(`setting ${key} is contributed but never read in src/`);
    }
  }
}
if (failures > 0) {
  process.exit(1);
}
console.log('JSON files parse; commands and settings match src/');
