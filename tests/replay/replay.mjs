// Replays real release histories through `relplan next-version`: for each stable tag of each fixture in
// tests/data/replay (gzip-compressed text written by tools/replay_extract.py), the commits since the previous stable tag on its line must give that tag's version.
// Known misses are listed, each with its reason, in tests/replay/expectations.txt ("<fixture> <tag>
// <reason>"); a listed miss that now passes is reported too, so the list stays true.
//
// usage: node tests/replay/replay.mjs path/to/relplan [fixture-dir]
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const relplan = process.argv[2];
const dir = process.argv[3] ?? join(here, '..', 'data', 'replay');
const target = 0.995;  // reported against the score

const expected = new Map();
for (const line of readFileSync(join(here, 'expectations.txt'), 'utf8').split('\n')) {
  const m = line.match(/^(\S+) (\S+) (.+)$/);
  if (m && !line.startsWith('#')) expected.set(`${m[1]} ${m[2]}`, m[3]);
}

// A tag on the same commit as the previous one (a re-publication) has no commits to name it from: it
// stays in the listing and in the plain count, and the score is taken over the tags whose range holds
// commits.
let total = 0, named = 0, failures = 0, empty = 0;
const seen = new Set();
for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt.gz')).sort()) {
  const name = file.replace(/\.txt\.gz$/, '');
  const text = gunzipSync(readFileSync(join(dir, file))).toString('utf8');
  const header = text.slice(0, text.indexOf('\n')).match(/^# replay \S+ tool=(\S+) args=(.*)$/);
  if (!header) throw new Error(`${file}: first line must be "# replay NAME tool=T args=..."`);
  const args = header[2].split(' ').filter(Boolean);
  let repoTotal = 0, repoNamed = 0;
  for (const block of text.slice(text.indexOf('\n') + 1).split('\x1e').slice(1)) {
    const nl = block.indexOf('\n');
    const [tag, prev, want] = block.slice(0, nl).split(' ');
    const log = block.slice(nl + 1).replace(/\n$/, '');
    if (log.length === 0) ++empty;
    const r = spawnSync(relplan, ['next-version', '--current', prev, ...args], { input: log, encoding: 'utf8' });
    const got = r.stdout.trim() || 'no release';
    const key = `${name} ${tag}`;
    seen.add(key);
    ++repoTotal;
    if (r.status !== 0) {
      console.log(`ERROR ${key}: exit ${r.status}: ${r.stderr.trim()}`);
      ++failures;
    } else if (got === want) {
      ++repoNamed;
      if (expected.has(key)) {
        console.log(`STALE ${key}: listed as a miss (${expected.get(key)}) but now gives ${got}`);
        ++failures;
      }
    } else if (expected.has(key)) {
      console.log(`miss  ${key}: ${prev} -> ${got}, tagged ${want} (expected: ${expected.get(key)})`);
    } else {
      console.log(`FAIL  ${key}: ${prev} -> ${got}, tagged ${want}\n${r.stderr.trim().split('\n').slice(0, 6).map((l) => '      ' + l).join('\n')}`);
      ++failures;
    }
  }
  total += repoTotal;
  named += repoNamed;
  console.log(`${name} (${header[1]}): ${repoNamed} of ${repoTotal} tags named (${(100 * repoNamed / repoTotal).toFixed(1)}%)`);
}
for (const key of expected.keys()) {
  if (!seen.has(key)) {
    console.log(`STALE ${key}: listed in expectations.txt but not in any fixture`);
    ++failures;
  }
}
const score = named / (total - empty);
console.log(`replay score: ${named} of ${total} stable tags named (${(100 * named / total).toFixed(2)}%); ` +
            `${named} of ${total - empty} tags whose range holds commits (${(100 * score).toFixed(2)}%, target ${100 * target}%` +
            `${score < target ? ', BELOW TARGET: every miss is listed with its reason' : ''})`);
// The suite fails on a miss without a listed reason, an error, or a stale listing; the score is reported.
process.exit(failures === 0 ? 0 : 1);
