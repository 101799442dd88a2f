// make bench, release notes and changelog workloads:
//   - `relplan notes FILE --release 9.9.9 --format md|html|txt` for one release with 100,000 changes
//     (no peer generates notes from a plan; the figures stand alone);
//   - a changelog for a generated git repository of 100,000 Conventional Commits, whole process each:
//     relplan `git log -z --format=%B | relplan import commits --release 9.9.9 | relplan changelog -`,
//     git-cliff (its default cliff.toml from `git-cliff --init`, `--tag 9.9.9`) and conventional-changelog
//     (conventional-changelog-cli, conventionalcommits preset, package.json version 9.9.9), each reading
//     the same repository.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { commitStream, notesPlan, writeInput } from './gen_plan.mjs';

const today = '2026-11-26';  // fixed: embargo checks and dates in the output do not depend on the clock

function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status ?? r.signal}): ${(r.stderr || '').slice(-2000)}`);
  return r.stdout;
}

// The repository is rebuilt only when the generated history changes (fast-import takes a few seconds).
function commitRepo(benchDir) {
  const stream = commitStream();
  const hash = crypto.createHash('sha256').update(stream).digest('hex');
  const repo = path.join(benchDir, 'commits-repo');
  const stamp = path.join(benchDir, 'commits-repo.sha256');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash && fs.existsSync(path.join(repo, '.git'))) return repo;
  fs.rmSync(repo, { recursive: true, force: true });
  fs.rmSync(stamp, { force: true });
  run('git', ['init', '-q', '-b', 'main', repo]);
  run('git', ['-C', repo, 'fast-import', '--quiet'], { input: stream });
  // conventional-changelog takes the version from package.json; git-cliff writes its default config.
  fs.writeFileSync(path.join(repo, 'package.json'), JSON.stringify({ name: 'bench-repo', version: '9.9.9', private: true }) + '\n');
  fs.writeFileSync(stamp, hash);
  return repo;
}

const entries = (text) => (text.match(/^[-*] /gm) || []).length;

export async function notesWorkloads({ build, benchDir, relplan, timeProcess, row, note }) {
  const notesFile = writeInput(benchDir, 'notes.plan.json', notesPlan);
  for (const [format, name] of [['md', 'Markdown'], ['html', 'HTML'], ['txt', 'plain text']]) {
    row(`notes ${name}, release with 100,000 changes`, timeProcess(relplan, ['notes', notesFile, '--release', '9.9.9',
        '--format', format, '--today', today]), '', null);
  }

  const repo = commitRepo(benchDir);
  const npmDir = path.join(build, 'npm/node_modules');
  const shell = `set -o pipefail; git log -z --format=%B | '${relplan}' import commits --release 9.9.9 2>/dev/null | '${relplan}' changelog - --today ${today}`;
  const ours = timeProcess('bash', ['-c', shell], { cwd: repo, stdout: true });
  const counts = [`relplan ${entries(ours.out)}`];

  const cliff = path.join(npmDir, 'git-cliff-linux-x64/bin/git-cliff');
  if (fs.existsSync(cliff)) {
    if (!fs.existsSync(path.join(repo, 'cliff.toml'))) run(cliff, ['--init'], { cwd: repo });
    const t = timeProcess(cliff, ['--config', 'cliff.toml', '--tag', '9.9.9'], { cwd: repo, stdout: true });
    row('changelog, 100,000 commits (process)', ours, 'git-cliff', t);
    counts.push(`git-cliff ${entries(t.out)}`);
  } else {
    row('changelog, 100,000 commits (process)', ours, 'git-cliff', null);
    note('git-cliff is not installed (its npm binary package git-cliff-linux-x64 exists for x86-64 Linux only)');
  }
  const cc = path.join(npmDir, 'conventional-changelog-cli/cli.js');
  if (fs.existsSync(cc)) {
    const t = timeProcess(process.execPath, [cc, '-p', 'conventionalcommits', '-r', '1'], { cwd: repo, stdout: true });
    row('changelog, 100,000 commits (process)', ours, 'conventional-changelog', t);
    counts.push(`conventional-changelog ${entries(t.out)}`);
  } else {
    note(`${cc} is missing: run make deps`);
  }
  note(`changelog entries written for the 100,000 commits: ${counts.join(', ')} (git-cliff's default config skips ` +
       'commits that are not Conventional Commits; the conventionalcommits preset shows feat, fix, perf, revert and breaking changes only)');
}
