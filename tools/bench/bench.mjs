// make bench: each workload for relplan and its peer in the same run; medians over several runs and
// the ratio. Prints one table; `--markdown FILE` also writes it for BENCHMARKS.md.
//   node tools/bench/bench.mjs BUILD_DIR [--runs N] [--markdown FILE] [--only NAME,...]
// Workloads: semver (here), page (here), plan (plan.mjs), notes (notes.mjs), calendar (calendar.mjs),
// team (team.mjs).
// Generated inputs and the plan_bench executables (built by tools/bench.sh) live in BUILD_DIR/bench.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { startPage, npm } from '../../tests/e2e/browser.mjs';
import { planWorkloads } from './plan.mjs';
import { notesWorkloads } from './notes.mjs';
import { calendarWorkloads } from './calendar.mjs';
import { teamWorkloads } from './team.mjs';

const args = process.argv.slice(2);
const build = path.resolve(args[0] || 'build');
const runs = Number(args[args.indexOf('--runs') + 1] || 5) || 5;
const mdOut = args.includes('--markdown') ? args[args.indexOf('--markdown') + 1] : null;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : null;
const relplan = path.join(build, 'native/relplan');
const benchDir = path.join(build, 'bench');
fs.mkdirSync(benchDir, { recursive: true });
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'relplan-bench-'));
const semverDir = path.join(build, 'npm/node_modules/semver');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// Runs a command `runs` times; returns {ms: median wall time, runs, out: the first run's stdout when
// opts.stdout}. A command that takes long (node-semver sorting a million versions, changelog tools on
// 100,000 commits) stops after 3 runs once `budgetMs` is spent, and after 1 or 2 once twice that is;
// its cell then says how many runs it had.
let fewestRuns = Infinity;
function timeProcess(cmd, argv, opts = {}) {
  if (typeof opts === 'string') opts = { stdin: opts };
  const budget = opts.budgetMs ?? 60000;
  const times = [];
  let spent = 0;
  let out = null;
  while (times.length < runs) {
    const fd = opts.stdin ? fs.openSync(opts.stdin, 'r') : 'ignore';
    const t0 = performance.now();
    const keep = opts.stdout && times.length === 0;  // the first run's output, for a sanity check
    const r = spawnSync(cmd, argv, { stdio: [fd, keep ? 'pipe' : 'ignore', 'pipe'], maxBuffer: 1 << 30, cwd: opts.cwd,
                                     env: opts.env, encoding: keep ? 'utf8' : undefined });
    if (keep) out = r.stdout;
    const ms = performance.now() - t0;
    if (opts.stdin) fs.closeSync(fd);
    if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status ?? r.signal}): ${String(r.stderr).slice(-2000)}`);
    times.push(ms);
    spent += ms;
    if ((spent > budget && times.length >= 3) || spent > 2 * budget) break;
  }
  fewestRuns = Math.min(fewestRuns, times.length);
  return { ms: median(times), runs: times.length, out };
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

// A figure is a number (in the row's unit), {ms, runs} from timeProcess, or null when it could not be
// measured (a note then says why). Figures from fewer runs than asked say so in their cell.
const rows = [];
const notes = [];
const figure = (x) => (x == null ? null : typeof x === 'object' ? x : { ms: x, runs: null });
const runsTag = (f) => (f && f.runs != null && f.runs < runs ? ` (${f.runs} run${f.runs > 1 ? 's' : ''})` : '');
const cell = (f, unit, width = 0) => (f == null ? '-'.padStart(width) : `${f.ms.toFixed(1).padStart(width)} ${unit}${runsTag(f)}`);
const ratioOf = (r) => (r.peer != null && r.ours != null && r.ours.ms > 0 ? `${(r.peer.ms / r.ours.ms).toFixed(1)}×` : '');
function row(workload, ours, peerName, peer, unit = 'ms') {
  const r = { workload, ours: figure(ours), peerName, peer: figure(peer), unit };
  rows.push(r);
  console.log(`${workload.padEnd(48)} relplan ${cell(r.ours, unit, 9)}   ${(peerName || '').padEnd(26)} ` +
              `${cell(r.peer, unit, 9)}   ${ratioOf(r)}`);
}
function note(text) {
  notes.push(text);
  console.log(`  note: ${text}`);
}

const load = os.loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`machine: ${os.cpus()[0].model}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
            `node ${process.version}; medians of ${runs} run${runs > 1 ? 's' : ''}; load average at start ${load}\n`);
const want = (name) => !only || only.includes(name);
const ctx = { build, benchDir, work, runs, relplan, median, timeProcess, row, note, npm, startPage };

try {
  if (want('semver')) {
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
  }

  if (want('page')) {
    // 3. Page weight (gzip -9 of what the browser downloads) and time to first frame.
    const pageDir = path.join(build, 'web/page');
    let total = 0;
    for (const f of ['index.html', 'relplan.js', 'relplan.wasm']) {
      const p = path.join(pageDir, f);
      if (fs.existsSync(p)) total += zlib.gzipSync(fs.readFileSync(p), { level: 9 }).length;
    }
    row('page transfer size, gzip (budget 1536 KiB)', total / 1024, '', null, 'KiB');
    if (fs.existsSync(path.join(pageDir, 'relplan.wasm'))) {
      // Cold browser cache: a fresh Chromium profile for every run. The page's own clock (from
      // navigation start) says when the first frame was drawn and when the working copy was restored
      // (window.relplan.ready); the startup steps are performance marks named "relplan:…".
      const first = [], ready = [], steps = {};
      for (let i = 0; i < runs; ++i) {
        const { context, url, close } = await startPage(pageDir);
        const page = await context.newPage();
        await page.goto(url);
        await page.waitForFunction(() => window.relplan && window.relplan.ready, null, { timeout: 30000 });
        const t = await page.evaluate(() => window.relplan.ready.then(() => ({
          first: window.relplan.firstFrameMs, ready: window.relplan.readyMs,
          marks: performance.getEntriesByType('mark').filter((m) => m.name.startsWith('relplan:'))
            .map((m) => [m.name.slice(8).split(' ')[0], m.startTime]),
        })));
        first.push(t.first);
        ready.push(t.ready);
        for (const [name, ms] of t.marks) (steps[name] = steps[name] || []).push(ms);
        await close();
      }
      row('page: first frame, cold cache (budget 500 ms)', median(first), '', null);
      row('page: working copy restored (ready)', median(ready), '', null);
      note('page startup, medians from navigation start: ' +
           Object.entries(steps).map(([k, v]) => `${k} ${median(v).toFixed(0)} ms`).join(', '));
    }
  }

  if (want('plan')) await planWorkloads(ctx);
  if (want('notes')) await notesWorkloads(ctx);
  if (want('calendar')) await calendarWorkloads(ctx);
  if (want('team')) await teamWorkloads(ctx);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

const loadEnd = os.loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`\nload average at the end ${loadEnd}`);
if (mdOut) {
  const lines = [`Load average (1, 5, 15 min): ${load} at the start, ${loadEnd} at the end. Medians of ${runs} run${runs > 1 ? 's' : ''}` +
    (fewestRuns < runs ? ` (fewer where a row says so: long runs stop once their time budget is spent).` : '.'), '',
    '| workload | relplan | peer | peer figure | ratio (peer / relplan) |', '|---|---|---|---|---|'];
  for (const r of rows)
    lines.push(`| ${r.workload} | ${r.ours ? cell(r.ours, r.unit) : '—'} | ${r.peerName || '—'} | ` +
               `${r.peer ? cell(r.peer, r.unit) : '—'} | ${ratioOf(r) || '—'} |`);
  if (notes.length) lines.push('', ...notes.map((n) => `- ${n}`));
  fs.writeFileSync(mdOut, lines.join('\n') + '\n');
}
