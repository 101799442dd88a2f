// Differential test: consumer impact (who receives a release, who is cut off) against npm's
// node-semver on generated consumer ranges and release versions.
//
// usage: node impact_diff.mjs DRIVER [NODE_MODULES_DIR] [--cases N] [--seed S]
// Each case is one release version and a batch of consumer ranges. For every consumer the driver's
// answer must match node-semver: receives == satisfies(v, range); the kind follows from satisfies
// with includePrerelease, gtr and ltr; a suggested range must itself take the version. Prints
// `impact differential: N cases, M mismatches` and exits 1 on any mismatch, 2 on a setup problem.
import { spawnSync } from 'node:child_process';
import { options as commandLine, loadSemver, generator } from './differential.mjs';

const { total, seed, driver, modulesDir } = commandLine('impact_diff.mjs', { cases: '3000', seed: '20261205' });
const semver = loadSemver(modulesDir);
const { rnd, int, pick } = generator(seed);
const num = () => String(int(4));
const pre = () => pick(['', '', '', '-rc.1', '-rc.0', '-beta.2', '-alpha', '-0']);
const ver = () => `${num()}.${num()}.${num()}${pre()}`;
// Ranges as package.json files really declare them, plus odd and invalid ones.
const range = () => {
  const r = rnd();
  if (r < 0.3) return `^${ver()}`;
  if (r < 0.45) return `~${ver()}`;
  if (r < 0.55) return `${num()}.x`;
  if (r < 0.62) return `>=${ver()} <${num()}.0.0`;
  if (r < 0.7) return `^${num()}.${num()}.0 || ^${num()}.0.0`;
  if (r < 0.76) return ver();
  if (r < 0.8) return `${ver()} - ${ver()}`;
  if (r < 0.85) return pick(['*', 'latest', '', 'x', '>=0.0.0-0', 'nonsense!', 'workspace:*']);
  if (r < 0.92) return `<=${ver()}`;
  return `>${ver()}`;
};

const cases = [];
for (let i = 0; i < total; i++) {
  const version = rnd() < 0.03 ? pick(['v1.2.3', '1.2', 'x']) : ver();
  cases.push({ version, ranges: Array.from({ length: 1 + int(6) }, range) });
}
const run = spawnSync(driver, { input: cases.map((c) => JSON.stringify(c)).join('\n') + '\n', maxBuffer: 1 << 30 });
if (run.status !== 0) {
  console.error(`driver failed: ${run.stderr}`);
  process.exit(2);
}
const answers = run.stdout.toString().trim().split('\n').map((l) => JSON.parse(l).r);

const expected = (v, r) => {
  if (semver.validRange(r) === null) return 'invalid-range';
  if (semver.satisfies(v, r)) return 'receives';
  if (semver.prerelease(v) && semver.satisfies(v, r, { includePrerelease: true })) return 'prerelease-excluded';
  if (semver.gtr(v, r)) return 'cut-off';
  if (semver.ltr(v, r)) return 'below-range';
  return 'outside-range';
};

let mismatches = 0;
let checked = 0;
const report = (msg) => {
  if (++mismatches <= 10) console.error(msg);
};
cases.forEach((c, i) => {
  const got = answers[i];
  const valid = semver.valid(c.version) !== null;
  if (!valid) {
    if (got !== null) report(`version ${JSON.stringify(c.version)}: node rejects it, relplan answered`);
    return;
  }
  if (got === null) return report(`version ${c.version}: relplan rejected a version node accepts`);
  c.ranges.forEach((r, k) => {
    checked++;
    const want = expected(c.version, r);
    const row = got[k];
    if (row.kind !== want) report(`${c.version} vs ${JSON.stringify(r)}: relplan ${row.kind}, node-semver ${want}`);
    if (row.receives !== semver.satisfies(c.version, r)) report(`${c.version} vs ${JSON.stringify(r)}: receives differs`);
    if (row.suggested && !semver.satisfies(c.version, row.suggested))
      report(`${c.version}: suggested ${row.suggested} does not take it in node-semver`);
  });
});
console.log(`impact differential: ${checked} consumer/release pairs in ${cases.length} cases, ${mismatches} mismatches`);
process.exit(mismatches ? 1 : 0);
