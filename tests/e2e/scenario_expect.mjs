// What the app scenario expects, shared by the page run (page_scenario.mjs) and the desktop run
// (app_scenario_e2e.sh): the dates to type and the milestones they must generate, and the checks on
// the exported plan.
//   node tests/e2e/scenario_expect.mjs dates                      NAME=VALUE lines for the shell
//   node tests/e2e/scenario_expect.mjs check-export INITIAL EXPORTED   ok/FAIL lines; exit 1 on a failure
import fs from 'node:fs';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const DAY = 86400000;
const iso = (t) => new Date(t).toISOString().slice(0, 10);
const parse = (d) => Date.parse(`${d}T00:00:00Z`);

// A Tuesday far enough ahead that no notice period is short, with no holiday or blackout of the
// example plan near it, so each type's milestones are exact calendar offsets (patch: the feature
// freeze falls on a Saturday and moves back to Friday).
export function scenarioDates(examplePath = path.join(here, '../../assets/examples/acme.plan.json'), now = Date.now()) {
  const plan = JSON.parse(fs.readFileSync(examplePath, 'utf8'));
  const periods = [...(plan.holidays || []), ...(plan.blackouts || [])].map((p) => [parse(p.start), parse(p.end)]);
  const today = Math.floor(now / DAY) * DAY;
  let t = today + 150 * DAY;
  while (new Date(t).getUTCDay() !== 2) t += DAY;
  const near = (x) => periods.some(([a, b]) => a <= x + 7 * DAY && b >= x - 35 * DAY);
  while (near(t)) t += 7 * DAY;
  return {
    TODAY: iso(today),
    RELEASE_TUESDAY: iso(t),
    RELEASE_SATURDAY: iso(t + 4 * DAY),
    MAJOR_PLANNING: iso(t - 28 * DAY),
    MAJOR_FEATURE_FREEZE: iso(t - 14 * DAY),
    MAJOR_CODE_FREEZE: iso(t - 7 * DAY),
    PATCH_PLANNING: iso(t - 7 * DAY),
    PATCH_FEATURE_FREEZE: iso(t - 4 * DAY),
    PATCH_CODE_FREEZE: iso(t - 1 * DAY),
  };
}

// The plan exported after the scenario (release added, typed, moved to a Saturday, a change added
// and its description undone) against the example plan it started from: [name, ok, detail] triples.
export function exportChecks(initialText, exportedText, D = scenarioDates()) {
  const initial = JSON.parse(initialText);
  let plan;
  try { plan = JSON.parse(exportedText); } catch (e) { return [['the export is JSON', false, String(e)]]; }
  const out = [['the export is a plan with one release more', Array.isArray(plan.releases) &&
                plan.releases.length === initial.releases.length + 1, `${plan.releases && plan.releases.length} releases`]];
  if (!out[0][1]) return out;
  out.push(['the export keeps every other part of the plan as it was',
            JSON.stringify({ ...plan, releases: plan.releases.slice(0, -1) }) === JSON.stringify(initial)]);
  const rel = plan.releases[plan.releases.length - 1];
  const want = { id: 'rel-12', name: 'New release', type: 'patch', status: 'planning', components: ['api'],
                 release_date: D.RELEASE_SATURDAY, planning_start: D.PATCH_PLANNING,
                 feature_freeze: D.PATCH_FEATURE_FREEZE, code_freeze: D.PATCH_CODE_FREEZE };
  const got = Object.fromEntries(Object.keys(want).map((k) => [k, rel[k]]));
  out.push(['the new release exports as edited', JSON.stringify(got) === JSON.stringify(want),
            `${JSON.stringify(got)} want ${JSON.stringify(want)}`]);
  const changes = rel.changes || [];
  out.push(['its one change is empty (the description was undone), added today',
            changes.length === 1 && !changes[0].description && changes[0].added_on === D.TODAY, JSON.stringify(changes)]);
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const [cmd, a, b] = process.argv.slice(2);
  if (cmd === 'dates') {
    for (const [k, v] of Object.entries(scenarioDates())) console.log(`${k}=${v}`);
  } else if (cmd === 'check-export') {
    let failed = 0;
    for (const [name, ok, detail] of exportChecks(fs.readFileSync(a, 'utf8'), fs.readFileSync(b, 'utf8'))) {
      if (!ok) failed++;
      console.log(ok ? `ok   ${name}` : `FAIL ${name}${detail ? ': ' + detail : ''}`);
    }
    process.exit(failed ? 1 : 0);
  } else {
    console.error('usage: scenario_expect.mjs dates | check-export INITIAL EXPORTED');
    process.exit(2);
  }
}
