// Compare and merge in the page: a share link of the open plan (same project id) pasted into the
// address bar offers merge / compare / replace; the compare window lists the releases that differ and
// outlines them on the timeline; "Merge into my plan" keeps both sides' additions and records the
// value both sides hold differently as a conflict, settled in the conflicts window; File > Compare
// with > A share link… reads a pasted link. Screenshots: ARTIFACT_DIR/page-compare.png,
// ARTIFACT_DIR/page-merge-conflicts.png.
//   node tests/e2e/page_team.mjs PAGE_DIR ARTIFACT_DIR EXAMPLE_PLAN
import fs from 'node:fs';
import path from 'node:path';
import { openApp } from './browser.mjs';

const [pageDir, artifacts, examplePath] = process.argv.slice(2);
fs.mkdirSync(artifacts, { recursive: true });
const { check, aborted, finish, start, page, frames, exportPlan, waitFacts, waitAnchor, hover, click } = await openApp(pageDir, 'page compare and merge tests');

try {
  await start();

  const mine = JSON.parse(fs.readFileSync(examplePath, 'utf8'));
  mine.project.id = 'acme-cloud-plan';
  check('a plan with a project id loads', (await page.evaluate((t) => window.relplan.loadPlan(t), JSON.stringify(mine))).ok);
  // Their version: one release renamed (a value both hold differently), one release added.
  const theirs = JSON.parse(JSON.stringify(mine));
  theirs.releases[0].name = 'Web console October (their name)';
  theirs.releases.push({ id: 'web-3.13.0', name: 'Web console April', version: '3.13.0', type: 'minor', status: 'planning', release_date: '2027-04-13' });
  const link = await page.evaluate((t) => window.relplan.makeShareLink(t), JSON.stringify(theirs));
  check('a share link of their version is made', /#(pd1|plan)=/.test(link), String(link).slice(0, 80));

  // The link pasted into the address bar of the running page.
  await page.evaluate((h) => { location.hash = h; }, link.slice(link.indexOf('#')));
  let f = await waitFacts((x) => x.dialog !== '');
  check('a link of the open plan asks what to do', f.dialog === 'This link holds a version of your plan', f.dialog);
  check('nothing is replaced before the answer', (await exportPlan()).releases.length === mine.releases.length);
  await click('offer.compare');
  f = await waitFacts((x) => x.compare_releases > 0);
  check('the compare window lists the two releases that differ', f.compare_releases === 2, String(f.compare_releases));
  check('the added release is listed', !!(await waitAnchor('compare.release.web-3.13.0')));
  await click('tab.Timeline');
  await frames(4);
  await page.screenshot({ path: path.join(artifacts, 'page-compare.png') });

  await click('compare.merge');
  f = await waitFacts((x) => x.merge_conflicts > 0);
  const merged = await exportPlan();
  check('merging keeps their added release', merged.releases.some((r) => r.id === 'web-3.13.0'), String(merged.releases.length));
  check('the renamed release is one conflict, both values kept', f.merge_conflicts === 1 &&
        merged.conflicts[0].pointer === '/releases/0/name' && /their name/.test(merged.conflicts[0].theirs), JSON.stringify(merged.conflicts));
  check('the conflicts window is shown', !!(await waitAnchor('conflicts.window')));
  await frames(3);
  await page.screenshot({ path: path.join(artifacts, 'page-merge-conflicts.png') });
  await click('conflict.0.theirs');
  f = await waitFacts((x) => x.merge_conflicts === 0);
  const settled = await exportPlan();
  check('taking theirs settles it', f.merge_conflicts === 0 && settled.releases[0].name === theirs.releases[0].name && !settled.conflicts,
        JSON.stringify([f.merge_conflicts, settled.releases[0].name]));
  await click('menu.edit');
  await click('menu.edit.undo');
  f = await waitFacts((x) => x.merge_conflicts === 1);
  check('Undo brings the conflict back', f.merge_conflicts === 1, String(f.merge_conflicts));

  // File > Compare with > A share link… with the link typed into the dialog.
  await click('menu.file');
  await hover('menu.file.compare');
  await click('menu.file.compare.link');
  await click('compare.link');
  await page.keyboard.insertText(link);
  await frames(3);
  await click('compare.link.ok');
  f = await waitFacts((x) => x.compare_releases > 0);
  check('a pasted link opens the compare window', f.compare_releases >= 1 && f.message === '', JSON.stringify([f.compare_releases, f.message]));
} catch (e) {
  aborted(e);
}
await finish();
