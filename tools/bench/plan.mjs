// make bench, plan workloads: import + validate + canonical export of a plan with 10,000
// releases and 100,000 changes, by relplan natively and in WebAssembly, next to node's JSON.parse + ajv
// (draft 2020-12, assets/plan.schema.json) + JSON.stringify on the same file.
//   - whole process: `relplan plan fmt FILE > /dev/null` and `relplan plan validate FILE` against
//     plan_peer.cjs doing the same (start-up, reading, schema compilation included on both sides);
//   - in one process: plan_bench (tools/bench/plan_bench.cpp, built by tools/bench.sh natively and with
//     em++) against plan_peer.cjs's loop, medians of several iterations after one untimed round.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bigPlan, writeInput } from './gen_plan.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const top = path.resolve(here, '../..');

function inProcess(cmd, argv) {
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

export async function planWorkloads({ build, benchDir, runs, relplan, timeProcess, row, note }) {
  const planFile = writeInput(benchDir, 'big.plan.json', bigPlan);
  const mb = (fs.statSync(planFile).size / 1e6).toFixed(1);
  const ajv = path.join(build, 'npm/node_modules/ajv');
  const schema = path.join(top, 'assets/plan.schema.json');
  const peer = path.join(here, 'plan_peer.cjs');
  row(`plan fmt, ${mb} MB / 100k changes (process)`, timeProcess(relplan, ['plan', 'fmt', planFile]),
      'node JSON.parse+ajv+stringify', timeProcess(process.execPath, [peer, ajv, schema, planFile, 'fmt']));
  row('plan validate, same plan (process)', timeProcess(relplan, ['plan', 'validate', planFile]),
      'node JSON.parse+ajv', timeProcess(process.execPath, [peer, ajv, schema, planFile, 'validate']));

  const iterations = String(Math.max(3, runs));
  const nodeLoop = inProcess(process.execPath, [peer, ajv, schema, planFile, 'loop', iterations]);
  const nativeExe = path.join(benchDir, 'plan_bench');
  const wasmJs = path.join(benchDir, 'plan_bench.js');
  let native = null;
  if (fs.existsSync(nativeExe)) {
    native = inProcess(nativeExe, [planFile, iterations]);
    row('plan load+validate+export, native (in-process)', native.total_ms, 'node JSON.parse+ajv+stringify', nodeLoop.total_ms);
  } else {
    note(`${nativeExe} is missing (tools/bench.sh builds it): no native in-process figure`);
  }
  if (fs.existsSync(wasmJs)) {
    const wasm = inProcess(process.execPath, ['--no-experimental-fetch', wasmJs, planFile, iterations]);
    row('plan load+validate+export, WASM (in-process)', wasm.total_ms, 'node JSON.parse+ajv+stringify', nodeLoop.total_ms);
    if (native) {
      note(`plan in-process, WASM / native = ${(wasm.total_ms / native.total_ms).toFixed(2)}× (target ≤ 2×); ` +
           `load+validate ${native.load_ms.toFixed(0)} / ${wasm.load_ms.toFixed(0)} ms, export ${native.export_ms.toFixed(0)} / ` +
           `${wasm.export_ms.toFixed(0)} ms (native / WASM); node: parse+ajv ${nodeLoop.load_ms.toFixed(0)} ms, ` +
           `stringify ${nodeLoop.export_ms.toFixed(0)} ms`);
    }
  } else {
    note(`${wasmJs} is missing (tools/bench.sh builds it with em++): no WASM figure`);
  }
}
