// make bench: each workload for relplan and its peer in the same run; medians over several runs and
// the ratio. Prints one table; `--markdown FILE` also writes it for BENCHMARKS.md.
//   node tools/bench/bench.mjs BUILD_DIR [--runs N] [--markdown FILE]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { startPage, npm } from '../../tests/e2e/browser.mjs';

const args = process.argv.slice(2);
const build = path.resolve(args[0] || 'build');
const runs = Number(args[args.indexOf('--runs') + 1] || 5) || 5;
const mdOut = args.includes('--markdown') ? args[args.indexOf('--markdown') + 1] : null;
const relplan = path.join(build, 'native/relplan');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'relplan-bench-'));
const semverDir = path.join(build, 'npm/node_modules/semver');

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
function timeProcess(cmd, argv, stdinFile) {
  const times = [];
  for (let i = 0; i < runs; ++i) {
    const fd = stdinFile ? fs.openSync(stdinFile, 'r') : 'ignore';
    const t0 = performance.now();
    const r = spawnSync(cmd, argv, { stdio: [fd, 'ignore', 'pipe'], maxBuffer: 1 << 30 });
    times.push(performance.now() - t0);
    if (stdinFile) fs.closeSync(fd);
    if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed: ${r.stderr}`);
  }
  return median(times);
}

// Deterministic generator (xorshift) so every run measures the same input.
let seed = 0x2545f491;
const rnd = (n) => { seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; return (seed >>> 0) % n; };
function genVersion() {
  let v = `${rnd(30)}.${rnd(50)}.${rnd(100)}`;
  const p = rnd(10);
  if (p === 0) v += `-alpha.${rnd(10)}`; else if (p === 1) v += `-rc.${rnd(5)}`; else if (p === 2) v += `-beta`;
  if (rnd(20) === 0) v += `+build.${rnd(1000)}`;
  return v;
}

const rows = [];
function row(workload, ours, peerName, peer, unit = 'ms') {
  rows.push({ workload, ours, peerName, peer, unit });
  const ratio = peer ? `${(peer / ours).toFixed(1)}×` : '';
  console.log(`${workload.padEnd(48)} relplan ${ours.toFixed(1).padStart(9)} ${unit}   ${peerName.padEnd(26)} ${peer ? peer.toFixed(1).padStart(9) + ' ' + unit : '        -'}   ${ratio}`);
}

console.log(`machine: ${os.cpus()[0].model}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}; medians of ${runs} runs\n`);

// 1. semver sort of 1,000,000 versions, whole process.
const versionsFile = path.join(work, 'versions.txt');
fs.writeFileSync(versionsFile, Array.from({ length: 1_000_000 }, genVersion).join('\n') + '\n');
const nodeSort = path.join(work, 'sort.cjs');
fs.writeFileSync(nodeSort, `const semver=require(${JSON.stringify(semverDir)});const fs=require('fs');
const v=fs.readFileSync(0,'utf8').split('\\n').filter(Boolean);process.stdout.write(semver.sort(v).join('\\n')+'\\n');`);
row('semver sort, 1,000,000 versions (process)', timeProcess(relplan, ['semver', 'sort'], versionsFile),
    'node-semver sort', timeProcess(process.execPath, [nodeSort], versionsFile));

// 2. satisfies: 200,000 versions against one range, whole process (relplan filters via max-satisfying).
const satFile = path.join(work, 'sat.txt');
fs.writeFileSync(satFile, Array.from({ length: 200_000 }, genVersion).join('\n') + '\n');
const range = '^1.2.3 || >=4.0.0 <5.0.0-0 || ~7.1';
const nodeSat = path.join(work, 'sat.cjs');
fs.writeFileSync(nodeSat, `const semver=require(${JSON.stringify(semverDir)});const fs=require('fs');
const v=fs.readFileSync(0,'utf8').split('\\n').filter(Boolean);console.log(semver.maxSatisfying(v, ${JSON.stringify(range)}));`);
row('max-satisfying, 200,000 versions (process)', timeProcess(relplan, ['semver', 'max-satisfying', range], satFile),
    'node-semver maxSatisfying', timeProcess(process.execPath, [nodeSat], satFile));

// 3. Page weight (gzip -9 of what the browser downloads) and time to first frame.
const pageDir = path.join(build, 'web/page');
let total = 0;
for (const f of ['index.html', 'relplan.js', 'relplan.wasm']) {
  const p = path.join(pageDir, f);
  if (fs.existsSync(p)) total += zlib.gzipSync(fs.readFileSync(p), { level: 9 }).length;
}
row('page transfer size, gzip (budget 1536 KiB)', total / 1024, '', 0, 'KiB');
if (fs.existsSync(path.join(pageDir, 'relplan.wasm'))) {
  const { context, url, close } = await startPage(pageDir);
  const times = [];
  for (let i = 0; i < runs; ++i) {
    const page = await context.newPage();
    const t0 = performance.now();
    await page.goto(url);
    await page.waitForFunction(() => window.relplan && window.relplan.ready, null, { timeout: 30000 });
    await page.evaluate(() => window.relplan.ready);
    times.push(performance.now() - t0);
    await page.close();
  }
  await close();
  row('page: navigation to first frame (budget 1 s)', median(times), '', 0);
}

fs.rmSync(work, { recursive: true, force: true });
if (mdOut) {
  const lines = ['| workload | relplan | peer | peer figure | ratio (peer / relplan) |', '|---|---|---|---|---|'];
  for (const r of rows)
    lines.push(`| ${r.workload} | ${r.ours.toFixed(1)} ${r.unit} | ${r.peerName || '—'} | ${r.peer ? r.peer.toFixed(1) + ' ' + r.unit : '—'} | ${r.peer ? (r.peer / r.ours).toFixed(1) + '×' : '—'} |`);
  fs.writeFileSync(mdOut, lines.join('\n') + '\n');
}
