// Differential test: relplan's version engine against npm's node-semver on generated inputs.
//
// usage: node semver_diff.mjs DRIVER [NODE_MODULES_DIR] [--cases N] [--seed S]
//   DRIVER            the semver_driver binary (reads JSON lines, answers JSON lines)
//   NODE_MODULES_DIR  where `semver` is installed; default $RELPLAN_NPM, else resolved via NODE_PATH
// Inputs come from a seeded generator, so a run is reproducible; every case is one JSON line for
// the driver and the same call on node-semver. Prints `semver differential: N cases, M mismatches`
// and exits 1 on any mismatch (the first few are shown), 2 on a setup problem.
import { spawnSync } from 'node:child_process';
import { options as commandLine, loadSemver, generator } from './differential.mjs';

const { total, seed, driver, modulesDir } = commandLine('semver_diff.mjs', { cases: '24000', seed: '20240607' });
const semver = loadSemver(modulesDir);
const { rnd, int, pick, chance } = generator(seed);

const bigNumbers = ['9007199254740990', '9007199254740991', '9007199254740992', '90071992547409910',
  '18446744073709551616', '99999999999999999999999'];
const num = () => {
  const r = rnd();
  if (r < 0.45) return String(int(4));
  if (r < 0.8) return String(int(30));
  if (r < 0.95) return String(int(100000));
  return pick(bigNumbers);
};
const alnum = 'abcdefghijklmnopqrstuvwxyzABCXYZ';
const word = () => {
  const r = rnd();
  if (r < 0.3) return pick(['alpha', 'beta', 'rc', 'pre', 'dev', 'next', 'canary']);
  if (r < 0.5) return String(int(20));
  if (r < 0.6) return pick(['0', '00', '01', '1a', 'a1', '-', '--', 'x-y', '1e5', '0x1f', 'Infinity', 'R2', 'r10']);
  if (r < 0.65) return pick(bigNumbers);
  let s = '';
  const n = 1 + int(6);
  for (let i = 0; i < n; i++) s += pick(alnum + '0123456789-');
  return s;
};
const ids = (n) => Array.from({ length: n }, word).join('.');
// Build identifiers that are digits with leading zeros make node's compareBuild inconsistent (01
// ties with 1 yet 01.a and 01.b differ), so sorted lists avoid them.
const buildIds = (safe) => Array.from({ length: 1 + int(3) }, () => {
  const w = word();
  return safe && /^0\d/.test(w) ? 'b' + w : w;
}).join('.');

const strictVersion = (safeBuild = false) => {
  let v = `${num()}.${num()}.${num()}`;
  if (chance(0.45)) v += '-' + ids(1 + int(3));
  if (chance(0.2)) v += '+' + buildIds(safeBuild);
  return v;
};
const unicodeSpaces = ['\u00a0', '\u3000', '\ufeff', '\u2028', '\t', '\n'];
const looseish = () => {
  const r = rnd();
  const base = strictVersion();
  if (r < 0.15) return 'v' + base;
  if (r < 0.25) return '=' + base;
  if (r < 0.32) return ' = v ' + base + ' ';
  if (r < 0.4) return base.replace('-', '');
  if (r < 0.48) return `0${num()}.${num()}.0${num()}`;
  if (r < 0.55) return `${num()}.${num()}.${num()}${pick(['.', '.4', '.45', 'beta.', '-', '-.x', '+', '..1'])}`;
  if (r < 0.62) return pick(unicodeSpaces) + base + pick(unicodeSpaces);
  if (r < 0.7) return `${num()}.${num()}`;
  if (r < 0.75) return '1.2.3-' + 'a'.repeat(240 + int(20));
  if (r < 0.8) return pick(['', ' ', 'v', 'x', '*', '1', 'hello, world', 'é1.2.3', '1.2.3é']);
  return base;
};
const junkAlphabet = '0123456789.-+vVxX*^~<>= |abcXYZ\t';
const mutate = (s) => {
  const chars = [...s];
  const n = 1 + int(3);
  for (let i = 0; i < n; i++) {
    const at = int(chars.length + 1);
    const r = rnd();
    if (r < 0.4) chars.splice(at, 0, pick(junkAlphabet));
    else if (r < 0.7) chars.splice(at, 1);
    else chars.splice(at, 1, pick(junkAlphabet));
  }
  return chars.join('');
};
const version = () => {
  const r = rnd();
  if (r < 0.55) return strictVersion();
  if (r < 0.85) return looseish();
  return mutate(strictVersion());
};

const partial = () => {
  const r = rnd();
  const xs = ['x', 'X', '*'];
  if (r < 0.2) return num();
  if (r < 0.35) return `${num()}.${chance(0.3) ? pick(xs) : num()}`;
  if (r < 0.5) return `${num()}.${num()}.${pick(xs)}`;
  if (r < 0.55) return `${pick(xs)}.${pick(xs)}`;
  if (r < 0.6) return pick(xs);
  return strictVersion();
};
const ops = ['', '', '=', '<', '>', '<=', '>=', '~', '~>', '^', '= ', '> ', '< ', '>= ', '~ ', '^ ', 'v', '=v'];
const comparator = () => {
  const r = rnd();
  if (r < 0.12) return `${partial()} - ${partial()}`;
  return pick(ops) + partial();
};
const rangeText = () => {
  const r = rnd();
  if (r < 0.05) return pick(['', '*', 'x', '||', ' || ', '>=0.0.0', '>=0.0.0-0', '<0.0.0-0', 'latest', '1 ||| 2']);
  const sets = [];
  const nsets = chance(0.7) ? 1 : 2 + int(2);
  for (let i = 0; i < nsets; i++) {
    const comps = [];
    const n = 1 + (chance(0.6) ? 0 : int(3));
    for (let k = 0; k < n; k++) comps.push(comparator());
    sets.push(comps.join(pick([' ', ' ', '  ', '\t'])));
  }
  const text = sets.join(pick([' || ', '||', ' ||']));
  return chance(0.12) ? mutate(text) : text;
};
const options = () => {
  const o = {};
  if (chance(0.3)) o.loose = true;
  if (chance(0.25)) o.includePrerelease = true;
  return o;
};
// A version near a range's bounds hits far more interesting cases than a random one.
const versionFor = (range) => {
  if (chance(0.4)) return version();
  const found = range.match(/\d+(\.\d+){0,2}(-[0-9A-Za-z.-]+)?/g);
  if (!found) return version();
  let v = pick(found).split('-')[0];
  while (v.split('.').length < 3) v += '.' + pick(['0', '1', '9']);
  const parts = v.split('.').map((p) => (chance(0.3) ? String(Math.max(0, Number(p) + pick([-1, 1]))) : p));
  let out = parts.join('.');
  if (chance(0.35)) out += '-' + pick(['0', 'alpha', 'beta.1', 'rc.2', 'pre']);
  return out;
};

const releases = ['major', 'minor', 'patch', 'premajor', 'preminor', 'prepatch', 'prerelease', 'release', 'pre', 'fake'];
const incIds = [undefined, undefined, '', 'alpha', 'beta', 'rc', 'dev', '1', '2', 'alpha.1', 'alpha.beta', 'dev.0', '01', '-x', 'invalid/x', 'a+b', 'a..b'];
const bases = [undefined, '0', '1', false];

// Each case: [query for the driver, node answer].
const nodeCase = {
  valid: (q) => semver.valid(q.v, q.o),
  compare: (q) => semver.compare(q.a, q.b, q.o),
  compareBuild: (q) => semver.compareBuild(q.a, q.b, q.o),
  diff: (q) => semver.diff(q.a, q.b),
  sort: (q) => semver.sort(q.list.slice(), q.o),
  rsort: (q) => semver.rsort(q.list.slice(), q.o),
  inc: (q) => semver.inc(q.v, q.release, q.o, q.id, q.base),
  truncate: (q) => semver.truncate(q.v, q.release, q.o),
  coerce: (q) => {
    const v = semver.coerce(q.v, { ...q.o, rtl: q.rtl });
    return v && v.version + (v.build.length ? '+' + v.build.join('.') : '');
  },
  satisfies: (q) => semver.satisfies(q.v, q.range, q.o),
  validRange: (q) => semver.validRange(q.range, q.o),
  maxSatisfying: (q) => semver.maxSatisfying(q.list, q.range, q.o),
  minSatisfying: (q) => semver.minSatisfying(q.list, q.range, q.o),
  minVersion: (q) => { const v = semver.minVersion(q.range, q.o); return v && v.version; },
  intersects: (q) => semver.intersects(q.r1, q.r2, q.o),
  gtr: (q) => semver.gtr(q.v, q.range, q.o),
  ltr: (q) => semver.ltr(q.v, q.range, q.o),
};
const generators = [
  [12, () => ({ op: 'valid', v: version(), o: options() })],
  [10, () => ({ op: 'compare', a: version(), b: chance(0.5) ? version() : versionFor(rangeText()), o: options() })],
  [4, () => ({ op: 'compareBuild', a: strictVersion(), b: strictVersion(), o: options() })],
  [4, () => ({ op: 'diff', a: version(), b: version(), o: {} })],
  [6, () => ({ op: 'sort', list: Array.from({ length: 2 + int(8) }, () => (chance(0.97) ? strictVersion(true) : version())), o: options() })],
  [2, () => ({ op: 'rsort', list: Array.from({ length: 2 + int(8) }, () => strictVersion(true)), o: options() })],
  [14, () => ({ op: 'inc', v: version(), release: pick(releases), o: { loose: chance(0.3) }, id: pick(incIds), base: pick(bases) })],
  [2, () => ({ op: 'truncate', v: version(), release: pick(releases), o: options() })],
  [3, () => ({ op: 'coerce', v: mutate(version()) + pick(['', '.4', ' 5.6.7', 'x1.2', '\u00a0', '\u{1F600}1.2']), rtl: chance(0.4), o: { includePrerelease: chance(0.4) } })],
  [20, () => { const range = rangeText(); return { op: 'satisfies', v: versionFor(range), range, o: options() }; }],
  [8, () => ({ op: 'validRange', range: rangeText(), o: options() })],
  [6, () => { const range = rangeText(); return { op: 'maxSatisfying', list: Array.from({ length: 1 + int(8) }, () => versionFor(range)), range, o: options() }; }],
  [2, () => { const range = rangeText(); return { op: 'minSatisfying', list: Array.from({ length: 1 + int(8) }, () => versionFor(range)), range, o: options() }; }],
  [3, () => ({ op: 'minVersion', range: rangeText(), o: options() })],
  [3, () => ({ op: 'intersects', r1: rangeText(), r2: rangeText(), o: options() })],
  [3, () => { const range = rangeText(); return { op: 'gtr', v: versionFor(range), range, o: options() }; }],
  [3, () => { const range = rangeText(); return { op: 'ltr', v: versionFor(range), range, o: options() }; }],
];
const weightSum = generators.reduce((s, [w]) => s + w, 0);
const generate = () => {
  let r = rnd() * weightSum;
  for (const [w, g] of generators) {
    if ((r -= w) < 0) return g();
  }
  return generators[0][1]();
};

const cases = [];
const lines = [];
for (let i = 0; i < total; i++) {
  const q = generate();
  let expected;
  try {
    expected = nodeCase[q.op](q);
  } catch {
    expected = null;
  }
  if (expected === undefined) expected = null;
  cases.push({ q, expected });
  const { o, ...rest } = q;
  lines.push(JSON.stringify({ ...rest, ...o }));
}

const run = spawnSync(driver, [], { input: lines.join('\n') + '\n', maxBuffer: 1 << 30, encoding: 'utf8' });
if (run.error || run.status !== 0) {
  console.error(`driver failed: ${run.error ? run.error.message : `exit ${run.status}`}\n${run.stderr}`);
  process.exit(2);
}
const answers = run.stdout.split('\n').filter((l) => l.length);
if (answers.length !== cases.length) {
  console.error(`driver answered ${answers.length} of ${cases.length} cases`);
  process.exit(2);
}
let mismatches = 0;
const byOp = {};
cases.forEach(({ q, expected }, i) => {
  byOp[q.op] = (byOp[q.op] || 0) + 1;
  const got = JSON.parse(answers[i]).r;
  if (JSON.stringify(got) !== JSON.stringify(expected)) {
    if (++mismatches <= 15) {
      console.log(`mismatch ${lines[i]}\n  node:    ${JSON.stringify(expected)}\n  relplan: ${JSON.stringify(got)}`);
    }
  }
});
console.log(`  ops: ${Object.entries(byOp).map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`semver differential: ${cases.length} cases, ${mismatches} mismatches`);
process.exit(mismatches ? 1 : 0);
