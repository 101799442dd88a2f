// Deterministic inputs for make bench: the same bytes on every machine and every day (a fixed seed and
// fixed dates, no clock), so figures from different runs measure the same work.
//   node tools/bench/gen_plan.mjs big OUT.plan.json      10,000 releases, 100,000 changes (about 13 MB)
//   node tools/bench/gen_plan.mjs notes OUT.plan.json    one release (9.9.9) with 100,000 changes
//   node tools/bench/gen_plan.mjs commits OUT.fi         100,000 Conventional Commits for git fast-import
// The plans are written compact (one line), as tools and services usually exchange JSON; `relplan plan
// fmt` expands them to the canonical two-space form.
import fs from 'node:fs';

function rng(seed) {
  let s = seed >>> 0 || 1;
  return (n) => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s % n; };
}
const pick = (r, xs) => xs[r(xs.length)];

const COMPONENTS = ['API Gateway', 'Billing', 'Checkout', 'Identity', 'Search', 'Mobile App', 'Web Frontend',
  'Notifications', 'Data Pipeline', 'Reporting', 'Admin Console', 'Payments', 'Catalog', 'Inventory', 'Shipping',
  'Support Portal'];
const THEMES = ['Performance', 'Reliability', 'Onboarding', 'Compliance', 'Self-service', 'Scale-out', 'Accessibility'];
const VERBS = { 'new-feature': ['Add', 'Support', 'Introduce', 'Allow'], improvement: ['Improve', 'Simplify', 'Clarify', 'Speed up'],
  'bug-fix': ['Fix', 'Correct', 'Handle', 'Stop'], 'breaking-change': ['Remove', 'Rename', 'Require', 'Drop'],
  deprecation: ['Deprecate'], security: ['Sanitise', 'Escape', 'Validate', 'Harden'], performance: ['Cache', 'Batch', 'Stream', 'Index'] };
const OBJECTS = ['invoice totals', 'retry backoff', 'session tokens', 'CSV export', 'search filters', 'webhook payloads',
  'date pickers', 'audit log entries', 'rate limits', 'refund flow', 'SSO login', 'shipping labels', 'push messages',
  'dashboard tiles', 'bulk import', 'API pagination', 'currency rounding', 'password reset', 'order history', 'tax rules'];
const QUALIFIERS = ['for large accounts', 'on slow networks', 'in the admin console', 'after a timeout', 'with unicode names',
  'across time zones', 'for guest users', 'during peak load', 'in dark mode', 'on first start'];
const FILES = ['handler', 'model', 'view', 'store', 'client', 'worker', 'schema', 'util'];
const SCOPES = ['api', 'ui', 'db', 'auth', 'billing', 'search', 'sdk', 'cli', 'jobs', 'i18n'];
const CATEGORIES = [['new-feature', 25], ['improvement', 25], ['bug-fix', 35], ['performance', 6], ['security', 4],
  ['deprecation', 2], ['breaking-change', 3]];
const weighted = (r, table) => {
  let x = r(table.reduce((a, [, w]) => a + w, 0));
  for (const [v, w] of table) { if (x < w) return v; x -= w; }
  return table[0][0];
};

const DAY = 86400000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const dayOf = (s) => Date.parse(s + 'T00:00:00Z');
const pad = (n) => String(n).padStart(2, '0');

function change(r, id, component, n) {
  const category = weighted(r, CATEGORIES);
  const c = { id, category, description: `${pick(r, VERBS[category])} ${pick(r, OBJECTS)}${r(2) ? ' ' + pick(r, QUALIFIERS) : ''}` };
  if (r(10) < 3) c.scope = pick(r, SCOPES);
  if (r(10) < 2) c.ref_id = `#${1000 + n}`;
  if (component) c.component = component;
  if (category === 'breaking-change') c.impact = `Clients that rely on the old ${pick(r, OBJECTS)} must update`;
  if (category === 'security' && r(2)) c.ref_id = `CVE-2026-${10000 + n}`;
  const aud = r(20);
  if (aud < 3) c.audience = 'customer'; else if (aud < 4) c.audience = 'end-user'; else if (aud < 5) c.audience = 'internal';
  return c;
}

// 10,000 releases over 16 components from 2020 to about 2030 (so today's month is busy), each with
// `changesPerRelease` changes; milestones, change windows in zones without DST, yearly blackouts.
export function bigPlan({ releases = 10000, changesPerRelease = 10, seed = 7 } = {}) {
  const r = rng(seed);
  const comps = COMPONENTS.map((name, i) => ({ id: name.toLowerCase().replace(/ /g, '-'), name, owner: `team-${i + 1}` }));
  const start = dayOf('2020-01-06');
  const pivot = dayOf('2026-11-01');  // fixed "today" for statuses: the output must not depend on the clock
  const blackouts = [], holidays = [];
  for (let y = 2020; y <= 2031; ++y) {
    for (const [m, d, name] of [[1, 1, "New Year's Day"], [5, 1, 'Labour Day'], [12, 25, 'Christmas Day']])
      holidays.push({ name, start: `${y}-${pad(m)}-${pad(d)}`, end: `${y}-${pad(m)}-${pad(d)}` });
    blackouts.push({ name: 'Year-end change freeze', start: `${y}-12-20`, end: `${y + 1}-01-02` });
  }
  const out = [];
  let changeNo = 0;
  for (let ci = 0; ci < comps.length; ++ci) {
    const comp = comps[ci];
    const count = Math.floor(releases / comps.length) + (ci < releases % comps.length ? 1 : 0);
    let day = start + r(10) * DAY;
    let [major, minor, patch] = [1, 0, 0];
    for (let k = 0; k < count; ++k) {
      const type = weighted(r, [['major', 2], ['minor', 30], ['patch', 50], ['hotfix', 12], ['security', 6]]);
      const gap = { major: 14, minor: 7, patch: 3, hotfix: 1, security: 2 }[type];
      day += (gap + r(gap + 1)) * DAY;
      if (type === 'major') [major, minor, patch] = [major + 1, 0, 0];
      else if (type === 'minor') [minor, patch] = [minor + 1, 0];
      else patch += 1;
      const version = `${major}.${minor}.${patch}`;
      const id = `${comp.id}-${version}`;
      const status = day < pivot - 10 * DAY ? weighted(r, [['released', 95], ['rolled-back', 2], ['cancelled', 3]])
        : day < pivot + 10 * DAY ? pick(r, ['frozen', 'approved']) : weighted(r, [['planning', 85], ['approved', 15]]);
      const rel = { id, components: [comp.id], version, type, status };
      if (type === 'major' || type === 'minor') rel.name = `${comp.name} ${THEMES[k % THEMES.length]}`;
      const lead = { major: [28, 14, 7], minor: [14, 7, 3], patch: [7, 3, 1], hotfix: [0, 0, 0], security: [0, 0, 0] }[type];
      if (r(10) < 8) {
        rel.planning_start = iso(day - lead[0] * DAY);
        rel.feature_freeze = iso(day - lead[1] * DAY);
        rel.code_freeze = iso(day - lead[2] * DAY);
      }
      rel.release_date = iso(day);
      if (r(100) < 35) {
        const [zone, off] = r(2) ? ['UTC', 'Z'] : ['Asia/Tokyo', '+09:00'];
        const h = pick(r, [6, 8, 20, 21]);
        rel.change_window = { start: `${iso(day)}T${pad(h)}:00:00${off}`, end: `${iso(day)}T${pad(h + 2)}:30:00${off}`, zone };
      }
      if (type === 'major' || type === 'minor') rel.theme = THEMES[k % THEMES.length];
      rel.changes = [];
      for (let j = 1; j <= changesPerRelease; ++j) { ++changeNo; rel.changes.push(change(r, `c${changeNo}`, '', changeNo)); }
      out.push(rel);
    }
  }
  return JSON.stringify({ format: { name: 'relplan', version: 1 },
    project: { name: `Benchmark portfolio (${releases} releases)`, description: 'Generated by tools/bench/gen_plan.mjs' },
    components: comps, blackouts, holidays, releases: out }) + '\n';
}

// One release with `changes` changes in every category and audience, for release notes.
export function notesPlan({ changes = 100000, seed = 11 } = {}) {
  const r = rng(seed);
  const comps = COMPONENTS.slice(0, 4).map((name) => ({ id: name.toLowerCase().replace(/ /g, '-'), name }));
  const rel = { id: 'big-9.9.9', name: 'The big one', components: comps.map((c) => c.id), version: '9.9.9', type: 'major',
    status: 'approved', theme: 'Scale-out', release_date: '2026-12-01',
    summary: 'A release with **a hundred thousand** changes, to measure release notes at scale.',
    upgrade_instructions: ['Back up the database.', 'Run `migrate --all`.'],
    known_issues: [{ description: 'Exports of more than 1 GB are slow', workaround: 'Export per quarter' }],
    contributors: ['Ada', 'Grace', 'Linus', 'Margaret'], changes: [] };
  for (let n = 1; n <= changes; ++n) rel.changes.push(change(r, `c${n}`, pick(r, comps).id, n));
  return JSON.stringify({ format: { name: 'relplan', version: 1 }, project: { name: 'Notes benchmark' },
    components: comps, releases: [rel] }) + '\n';
}

// A git fast-import stream: `commits` Conventional Commit messages on refs/heads/main (features, fixes,
// perf, docs, chores, refactors with scopes, bodies, "Closes #n" footers, a few breaking changes and a
// few messages that are not Conventional Commits), ten minutes apart from 2020-09-13.
export function commitStream({ commits = 100000, seed = 13 } = {}) {
  const r = rng(seed);
  const types = [['feat', 30], ['fix', 35], ['perf', 4], ['docs', 8], ['refactor', 8], ['chore', 6], ['test', 4],
    ['build', 2], ['ci', 1], ['other', 2]];
  const verbs = { feat: 'new-feature', fix: 'bug-fix', perf: 'performance' };
  const parts = [];
  const readme = 'Benchmark repository generated by tools/bench/gen_plan.mjs\n';
  for (let i = 1; i <= commits; ++i) {
    const type = weighted(r, types);
    // Real histories rarely repeat a subject: name a source file, so nearly every message is distinct.
    const what = `${pick(r, OBJECTS)} ${pick(r, QUALIFIERS)} in ${pick(r, SCOPES)}/${pick(r, FILES)}${r(1000)}.ts`;
    let msg;
    if (type === 'other') {
      msg = `Update ${what}`;
    } else {
      const verb = pick(r, VERBS[verbs[type] || 'improvement']).toLowerCase();
      const scope = r(10) < 6 ? `(${pick(r, SCOPES)})` : '';
      const breaking = r(100) === 0;
      msg = `${type}${scope}${breaking ? '!' : ''}: ${verb} ${what}`;
      if (r(10) < 3) msg += `\n\nThe ${pick(r, OBJECTS)} path now behaves the same ${pick(r, QUALIFIERS)}.`;
      if (breaking && r(2)) msg += `\n\nBREAKING CHANGE: ${pick(r, OBJECTS)} moved to v2`;
      else if (r(10) < 2) msg += `\n\nCloses #${10000 + i}`;
    }
    msg += '\n';
    const who = `Dev ${1 + r(40)} <dev${1 + r(40)}@example.com> ${1600000000 + i * 600} +0000`;
    parts.push(`commit refs/heads/main\nmark :${i}\nauthor ${who}\ncommitter ${who}\ndata ${Buffer.byteLength(msg)}\n${msg}\n`);
    if (i === 1) parts.push(`M 644 inline README.md\ndata ${readme.length}\n${readme}\n`);
    else parts.push(`from :${i - 1}\n\n`);
  }
  return parts.join('');
}

// Writes `name` into `dir` once per process (bench modules share the big plan) and returns its path.
const written = new Map();
export function writeInput(dir, name, generate) {
  const file = `${dir}/${name}`;
  if (!written.has(file)) {
    fs.writeFileSync(file, generate());
    written.set(file, true);
  }
  return file;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [what, out] = process.argv.slice(2);
  const gen = { big: bigPlan, notes: notesPlan, commits: commitStream }[what];
  if (!gen || !out) {
    console.error('usage: node tools/bench/gen_plan.mjs big|notes|commits OUT');
    process.exit(2);
  }
  fs.writeFileSync(out, gen());
}
