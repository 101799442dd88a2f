// What the versioning scenario expects of the exported plan, shared by the page run
// (page_versioning.mjs) and the desktop run (versioning_e2e.sh).
//   node tests/e2e/versioning_expect.mjs EXPORTED      ok/FAIL lines; exit 1 on a failure
import fs from 'node:fs';

// [what, ok, detail] for each expectation on the plan the app exported.
export function versioningChecks(plan) {
  const v = (plan.settings || {}).versioning || {};
  const lines = (plan.settings || {}).release_lines || [];
  return [
    ['the plan has project-specific rules with the semantic-release preset', v.preset === 'semantic-release', JSON.stringify(v)],
    ['its release rule is the one typed', JSON.stringify(v.release_rules) === '["docs(readme)=patch"]', JSON.stringify(v.release_rules)],
    ['one maintenance line, 3.9.x, on its branch', lines.length === 1 && lines[0].line === '3.9.x' && lines[0].branch === 'release/1.x',
      JSON.stringify(lines)],
  ];
}

if (process.argv[1] && process.argv[1].endsWith('versioning_expect.mjs')) {
  let failed = 0;
  for (const [what, ok, detail] of versioningChecks(JSON.parse(fs.readFileSync(process.argv[2], 'utf8')))) {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok ? '' : ` -- ${detail}`}`);
    failed += ok ? 0 : 1;
  }
  process.exit(failed ? 1 : 0);
}
