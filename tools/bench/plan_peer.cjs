// The peer of relplan's plan import for make bench: node's JSON.parse, ajv (JSON Schema draft 2020-12,
// all errors) against assets/plan.schema.json, and JSON.stringify with two-space indentation.
//   node plan_peer.cjs AJV_DIR SCHEMA FILE fmt            whole process, like `relplan plan fmt FILE`
//   node plan_peer.cjs AJV_DIR SCHEMA FILE validate       whole process, like `relplan plan validate FILE`
//   node plan_peer.cjs AJV_DIR SCHEMA FILE loop N         in one process: the JSON line plan_bench prints
// Exits 1 when the file does not validate, so the benchmark never times an error path.
'use strict';
const fs = require('fs');
const path = require('path');
const { performance } = require('perf_hooks');

const [ajvDir, schemaFile, file, mode, count] = process.argv.slice(2);
const Ajv2020 = require(path.join(ajvDir, 'dist/2020'));
const validate = new Ajv2020({ allErrors: true }).compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));

function check(doc) {
  if (validate(doc)) return;
  process.stderr.write(`plan_peer: ${file}: ${validate.errors.length} schema errors, first: ${JSON.stringify(validate.errors[0])}\n`);
  process.exit(1);
}

const text = fs.readFileSync(file, 'utf8');
if (mode === 'fmt' || mode === 'validate') {
  const doc = JSON.parse(text);
  check(doc);
  if (mode === 'fmt') process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
  else process.stdout.write(`${file}: valid\n`);
} else if (mode === 'loop') {
  const n = Math.max(1, Number(count) || 5);
  const load = [], exp = [], total = [];
  let written = 0;
  for (let i = -1; i < n; ++i) {  // one untimed round first, like plan_bench (and it lets the JIT warm up)
    const t0 = performance.now();
    const doc = JSON.parse(text);
    check(doc);
    const t1 = performance.now();
    const out = JSON.stringify(doc, null, 2) + '\n';
    const t2 = performance.now();
    written = Buffer.byteLength(out);
    if (i < 0) continue;
    load.push(t1 - t0);
    exp.push(t2 - t1);
    total.push(t2 - t0);
  }
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
  console.log(JSON.stringify({ load_ms: median(load), export_ms: median(exp), total_ms: median(total),
    bytes_in: Buffer.byteLength(text), bytes_out: written, iterations: n }));
} else {
  process.stderr.write('usage: node plan_peer.cjs AJV_DIR SCHEMA FILE fmt|validate|loop N\n');
  process.exit(2);
}
