// Node peer for bench/peers.sh: @creditkarma/thrift-parser.
//
//   node creditkarma.js MODULE_DIR check LIST            # print accepted files
//   node creditkarma.js MODULE_DIR time LIST [--iters N] # time parsing, print JSON
//   node creditkarma.js MODULE_DIR once LIST             # parse once (cold-process timing)
//
// LIST holds one path a line (anything after a tab is ignored: this parser
// does not resolve includes). MODULE_DIR is the node_modules folder that
// holds the package. Timing is in-process, after one untimed pass.
'use strict';
const fs = require('fs');
const path = require('path');

const [moduleDir, mode, listPath] = process.argv.slice(2);
const itersAt = process.argv.indexOf('--iters');
const iters = itersAt > 0 ? Number(process.argv[itersAt + 1]) : 5;
const { parse } = require(path.join(moduleDir, '@creditkarma', 'thrift-parser'));

const files = fs
  .readFileSync(listPath, 'utf8')
  .split('\n')
  .filter((l) => l.length > 0)
  .map((l) => l.split('\t')[0]);
const texts = files.map((f) => fs.readFileSync(f, 'utf8'));

// The parser prints its errors with console.log; keep stdout for results.
const out = (line) => process.stdout.write(line + '\n');
console.log = () => {};

function accepts(text) {
  try {
    const doc = parse(text);
    return doc.type === 'ThriftDocument';
  } catch (e) {
    return false;
  }
}

if (mode === 'check') {
  files.forEach((f, i) => {
    if (accepts(texts[i])) out(f);
    else console.error(`creditkarma: rejects ${f}`);
  });
} else if (mode === 'once') {
  texts.forEach((t) => parse(t));
} else {
  texts.forEach((t) => parse(t)); // warm-up (and JIT)
  const samples = [];
  for (let r = 0; r < iters; r++) {
    const start = process.hrtime.bigint();
    for (const t of texts) parse(t);
    samples.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  samples.sort((a, b) => a - b);
  const mid = samples.length >> 1;
  const median =
    samples.length % 2 ? samples[mid] : (samples[mid - 1] + samples[mid]) / 2;
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
  out(
    JSON.stringify({ files: texts.length, bytes, median_s: median, best_s: samples[0], runs: iters }),
  );
}
