// Two browser tabs on one plan: the second tab to open it is offered a copy or a read-only view
// (Web Locks); the read-only view drops edits and offers the copy again; the page asks before it is
// left with unsaved work. Screenshot: ARTIFACT_DIR/page-second-tab.png.
//   node tests/e2e/page_second_tab.mjs PAGE_DIR ARTIFACT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { startPage, checker, appDriver } from './browser.mjs';

const [pageDir, artifacts] = process.argv.slice(2);
fs.mkdirSync(artifacts, { recursive: true });
const { check, aborted, finish } = checker('second tab (page)');
const { context, url, close } = await startPage(pageDir);
const errors = [];
const leaveQuestions = [];
async function open() {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => {
    if (d.type() === 'beforeunload') leaveQuestions.push(d);
    return d.accept();
  });
  await page.goto(url);
  const app = appDriver(page);
  await app.ready();
  return { page, app };
}

try {
  const plan = JSON.parse(fs.readFileSync(new URL('../../assets/examples/acme.plan.json', import.meta.url), 'utf8'));
  plan.project.name = 'Shared by two tabs';
  const a = await open();
  check('tab A opens the plan', (await a.page.evaluate((t) => window.relplan.loadPlan(t), JSON.stringify(plan))).ok);
  await a.app.waitFacts((x) => x.project_name === plan.project.name);
  await a.page.waitForTimeout(400);  // its working copy stored, the plan's lock taken

  const b = await open();
  await b.page.evaluate((t) => window.relplan.loadPlan(t), JSON.stringify(plan));
  let f = await b.app.waitFacts((x) => x.dialog !== '');
  check('tab B is told the plan is open in another tab', f.dialog === 'This plan is open in another tab', f.dialog);
  check('it is offered a copy and a read-only view', !!(await b.app.waitAnchor('second_tab.copy')) && !!(await b.app.anchors())['second_tab.read_only']);
  await b.page.screenshot({ path: path.join(artifacts, 'page-second-tab.png') });

  await b.app.key('Escape');
  f = await b.app.waitFacts((x) => x.dialog === '');
  check('Escape picks the read-only view', f.read_only === true && f.dialog === '', JSON.stringify([f.read_only, f.dialog]));
  await b.app.click('menu.release');
  await b.app.click('menu.release.new');
  await b.app.frames(6);
  f = await b.app.facts();
  check('the read-only view drops edits', f.releases === plan.releases.length && f.dirty === false, JSON.stringify([f.releases, f.dirty]));

  await b.app.click('status.edit_copy');
  f = await b.app.waitFacts((x) => !x.read_only);
  check('"Edit a copy" makes an editable copy under its own name', f.read_only === false && f.project_name === 'Shared by two tabs (copy)' && f.dirty,
        JSON.stringify([f.read_only, f.project_name, f.dirty]));
  await b.page.waitForTimeout(400);
  await a.page.reload();
  await a.app.ready();
  const aPlan = JSON.parse(await a.page.evaluate(() => window.relplan.exportPlan()));
  check('tab A\'s plan is untouched by tab B', aPlan.project.name === plan.project.name, aPlan.project.name);

  await b.page.close({ runBeforeUnload: true });
  for (let i = 0; i < 20 && leaveQuestions.length === 0; ++i) await a.page.waitForTimeout(100);
  check('leaving a tab with unsaved work asks first (beforeunload)', leaveQuestions.length === 1, leaveQuestions.length);

} catch (e) {
  aborted(e);
}
await finish(errors, close);
