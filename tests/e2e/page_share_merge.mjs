// A round trip of share links between two people, each in a browser of their own (their own
// IndexedDB): A shares the plan, B opens the link, edits one release and shares back, A edits another
// release and opens B's link. The link names the version B started from, which A's page kept when it
// shared it, so "Merge into my plan" is three-way: both edits land, no conflict. Then both edit the
// same field: a three-way merge with one conflict, the base value shown, settled in the conflicts
// window.
//   node tests/e2e/page_share_merge.mjs PAGE_DIR ARTIFACT_DIR EXAMPLE_PLAN
import fs from 'node:fs';
import path from 'node:path';
import { appDriver, openApp, startPage } from './browser.mjs';

const [pageDir, artifacts, examplePath] = process.argv.slice(2);
fs.mkdirSync(artifacts, { recursive: true });
const a = await openApp(pageDir, 'page share-link round trip and three-way merge');
const { check, page, run } = a;

// An edit made by loading the changed plan (not from a link: the versions exchanged stay as they were).
async function edit(p, change) {
  const plan = JSON.parse(await p.evaluate(() => window.relplan.exportPlan()));
  change(plan);
  return (await p.evaluate((t) => window.relplan.loadPlan(t), JSON.stringify(plan))).ok;
}
// File > Copy share link; the page keeps the link it copied in window.relplan.lastShareLink.
async function share(p, driver) {
  await p.evaluate(() => { window.relplan.lastShareLink = null; });
  await driver.click('menu.file');
  await driver.click('menu.file.share_link');
  await p.waitForFunction(() => window.relplan.lastShareLink, null, { timeout: 10000 });
  return p.evaluate(() => window.relplan.lastShareLink);
}
// The link opened in a running page (pasted into its address bar).
async function open(p, link) {
  await p.evaluate((h) => { location.hash = h; }, link.slice(link.indexOf('#')));
}

await run(async () => {
  const mine = JSON.parse(fs.readFileSync(examplePath, 'utf8'));
  mine.project.id = 'acme-cloud-shared';
  check('A opens a plan with a project id', (await page.evaluate((t) => window.relplan.loadPlan(t), JSON.stringify(mine))).ok);
  const linkA = await share(page, a);
  check('A\'s link names its version', /#(pd1|plan)=[A-Za-z0-9_-]+&r=[0-9a-f]{16}$/.test(linkA), linkA.slice(-40));

  // B: another browser profile, the link opened as a new page.
  const b = await startPage(pageDir);
  try {
    const pb = await b.context.newPage();
    const errorsB = [];
    pb.on('pageerror', (e) => errorsB.push(String(e)));
    const db = appDriver(pb);
    await pb.goto(linkA);
    await db.ready();
    let planB = JSON.parse(await pb.evaluate(() => window.relplan.exportPlan()));
    check('B opens A\'s plan from the link', planB.project.id === mine.project.id && planB.releases.length === mine.releases.length);
    check('B edits release 2', await edit(pb, (p) => { p.releases[1].summary = 'Summary written by B'; }));
    const linkB = await share(pb, db);
    const nameA = linkA.slice(linkA.indexOf('&r=') + 3);
    check('B\'s link names A\'s version as its base', linkB.endsWith('&b=' + nameA), linkB.slice(-40));

    // A edits another release, then opens B's link.
    check('A edits release 1', await edit(page, (p) => { p.releases[0].theme = 'Theme written by A'; }));
    await open(page, linkB);
    let f = await a.waitFacts((x) => x.dialog !== '');
    check('B\'s link of the open plan offers to merge', f.dialog === 'This link holds a version of your plan', f.dialog);
    await a.frames(4);
    await page.screenshot({ path: path.join(artifacts, 'page-share-merge-offer.png') });
    await a.click('offer.merge');
    f = await a.waitFacts((x) => /^Merged/.test(x.status));
    check('the merge was three-way, with no conflict', /three-way/.test(f.status) && /no conflict/.test(f.status), f.status);
    let merged = await a.exportPlan();
    check('both edits are in A\'s plan', merged.releases[0].theme === 'Theme written by A' &&
          merged.releases[1].summary === 'Summary written by B' && !merged.conflicts,
          JSON.stringify([merged.releases[0].theme, merged.releases[1].summary, merged.conflicts]));

    // Both change the same field: B from the version it shared, A from the merge.
    const baseName = mine.releases[2].name;
    check('B renames release 3', await edit(pb, (p) => { p.releases[2].name = 'Name chosen by B'; }));
    const linkB2 = await share(pb, db);
    check('A renames release 3 too', await edit(page, (p) => { p.releases[2].name = 'Name chosen by A'; }));
    await open(page, linkB2);
    f = await a.waitFacts((x) => x.dialog !== '');
    await a.click('offer.merge');
    f = await a.waitFacts((x) => x.merge_conflicts > 0);
    check('the same field edited on both sides is one conflict of a three-way merge', f.merge_conflicts === 1 && /three-way/.test(f.status),
          JSON.stringify([f.merge_conflicts, f.status]));
    merged = await a.exportPlan();
    const c = merged.conflicts && merged.conflicts[0];
    check('the conflict holds the base, A\'s and B\'s value', !!c && c.pointer === '/releases/2/name' &&
          c.base === JSON.stringify(baseName) && c.ours === '"Name chosen by A"' && c.theirs === '"Name chosen by B"', JSON.stringify(c));
    check('A\'s other edits are kept', merged.releases[0].theme === 'Theme written by A' && merged.releases[1].summary === 'Summary written by B');
    check('the conflicts window is shown', !!(await a.waitAnchor('conflicts.window')));
    await a.frames(3);
    await page.screenshot({ path: path.join(artifacts, 'page-share-merge-conflict.png') });
    await a.click('conflict.0.theirs');
    f = await a.waitFacts((x) => x.merge_conflicts === 0);
    const settled = await a.exportPlan();
    check('taking B\'s value settles it', f.merge_conflicts === 0 && settled.releases[2].name === 'Name chosen by B' && !settled.conflicts,
          JSON.stringify([f.merge_conflicts, settled.releases[2].name]));
    check('B\'s page threw nothing', errorsB.length === 0, errorsB.join('; '));
  } finally {
    await b.close();
  }
});
