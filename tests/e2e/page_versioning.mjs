// Versioning settings and maintenance release lines in the page: the release editor's suggestion
// follows the lines declared in Project settings > Versioning, and the rules typed there are saved
// (checked on the exported plan with versioning_expect.mjs, as the desktop run is).
// Screenshot: ARTIFACT_DIR/page-versioning.png.
//   node tests/e2e/page_versioning.mjs PAGE_DIR ARTIFACT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { openApp } from './browser.mjs';
import { versioningChecks } from './versioning_expect.mjs';

const [pageDir, artifacts] = process.argv.slice(2);
fs.mkdirSync(artifacts, { recursive: true });
const { check, aborted, finish, start, page, frames, facts, waitFacts, scrollTo, click, key, type, exportPlan } =
  await openApp(pageDir, 'page versioning tests');

try {
  await start();
  const example = fs.readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), '../../assets/examples/acme.plan.json'), 'utf8');
  check('the example plan loads', (await page.evaluate((t) => window.relplan.loadPlan(t), example)).ok);
  await click('release.web-3.10.0');
  let f = await waitFacts((x) => x.selected_release === 'web-3.10.0' && x.version_suggestion !== '');
  check('the editor suggests 3.10.0 after 3.9.1 for a new feature', f.version_suggestion === '3.10.0', f.version_suggestion);

  await click('menu.project');
  await click('menu.project.settings');
  await click('project.section.project');  // the open sections closed, Versioning has the window
  await click('project.section.components');
  await click('project.section.versioning');
  check('the versioning section is in view', !!(await scrollTo('project.release_line.add', 'project.section.versioning')));
  await click('project.versioning');
  await click('project.versioning.preset');
  await click('option.semantic-release');
  await click('project.versioning.rules');
  await type('docs(readme)=patch');
  await click('project.release_line.add');
  await frames(3);
  f = await facts();
  check('a 1.x line does not hold 3.9.1: the suggestion stays', f.version_suggestion === '3.10.0', f.version_suggestion);
  await click('project.release_line.0.line');
  await key('Control+a');
  await type('3.9.x');
  await key('Enter');
  f = await waitFacts((x) => x.version_suggestion.includes('outside release line 3.9.x'));
  check('on line 3.9.x the next minor of 3.9.1 leaves the line, and the editor says so',
    f.version_suggestion.includes('outside release line 3.9.x'), f.version_suggestion);
  await frames(3);
  await page.screenshot({ path: path.join(artifacts, 'page-versioning.png') });
  for (const [what, ok, detail] of versioningChecks(await exportPlan())) check(what, ok, detail);
} catch (e) {
  aborted(e);
}
await finish();
