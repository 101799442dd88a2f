// make bench, team workloads: semantic diff and three-way merge of two edited copies of a plan with
// 10,000 releases (20,000 changes). Each side edits 200 releases (names, dates, summaries, changes),
// adds 50 releases and deletes 20; 10 values are edited differently on both sides (conflicts).
//   - whole process: `relplan diff BASE OURS` and `relplan merge BASE OURS THEIRS -o OUT` (reading and
//     writing the plans included);
//   - in one process: team_bench (tools/bench/team_bench.cpp, built by tools/bench.sh), the engines
//     only, medians of several iterations after one untimed round.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bigPlan, writeInput } from './gen_plan.mjs';

const generate = () => bigPlan({ changesPerRelease: 2 });

// Deterministic edits of one side; `offset` keeps the two sides on different releases but for the
// last `shared` ones, which both edit (the same field, different values).
function side(baseText, name, offset, shared) {
  const plan = JSON.parse(baseText);
  const rs = plan.releases;
  for (let k = 0; k < 200; ++k) {
    const r = rs[(offset + k * 47) % rs.length];
    if (k % 4 === 0) r.name = `${name} ${k}`;
    else if (k % 4 === 1) r.summary = `${name} summary ${k}`;
    else if (k % 4 === 2) r.release_date = `2031-0${1 + (k % 9)}-1${k % 10}`;
    else r.changes.push({ id: `${name}-c${k}`, category: 'bug-fix', description: `${name} fix ${k}` });
  }
  for (let k = 0; k < shared; ++k) rs[5000 + k].theme = `${name} theme`;
  for (let k = 0; k < 50; ++k) rs.splice((offset * 3 + k * 191) % rs.length, 0, { id: `${name}-new-${k}`, version: `99.${k}.0`, type: 'minor', status: 'planning' });
  for (let k = 0; k < 20; ++k) rs.splice((offset * 7 + k * 433) % rs.length, 1);
  return JSON.stringify(plan) + '\n';
}

function inProcess(cmd, argv) {
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

export async function teamWorkloads({ benchDir, runs, relplan, timeProcess, row, note }) {
  const base = writeInput(benchDir, 'team-base.plan.json', generate);
  const baseText = fs.readFileSync(base, 'utf8');
  const ours = writeInput(benchDir, 'team-ours.plan.json', () => side(baseText, 'ours', 11, 10));
  const theirs = writeInput(benchDir, 'team-theirs.plan.json', () => side(baseText, 'theirs', 29, 10));
  const out = path.join(benchDir, 'team-merged.plan.json');
  const mb = (fs.statSync(base).size / 1e6).toFixed(1);
  // diff exits 1 (different) and merge 1 (conflicts): wrap them so the timing sees success.
  const sh = (cmd) => ['-c', `${cmd}; test $? -le 1`];
  row(`diff, two 10k-release plans, ${mb} MB each (process)`,
      timeProcess('/bin/sh', sh(`"${relplan}" diff "${base}" "${ours}" > /dev/null`)));
  row('merge, three 10k-release plans (process)',
      timeProcess('/bin/sh', sh(`"${relplan}" merge "${base}" "${ours}" "${theirs}" -o "${out}" 2> /dev/null`)));
  const exe = path.join(benchDir, 'team_bench');
  if (!fs.existsSync(exe)) {
    note(`${exe} is missing (tools/bench.sh builds it): no in-process team figures`);
    return;
  }
  const r = inProcess(exe, [base, ours, theirs, String(Math.max(3, runs))]);
  row('diff engine, 10k releases (in-process, target < 500)', r.diff_ms);
  row('merge engine, 10k releases (in-process, target < 500)', r.merge_ms);
  note(`team: the diff lists ${r.releases_listed} releases, the merge records ${r.conflicts} conflicts`);
}
