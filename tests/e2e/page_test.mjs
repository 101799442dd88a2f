// The page in headless Chromium: first frame, a drawn canvas, the window.relplan test API, no network
// after load, the IndexedDB working copy across a reload, and #plan= share links.
//   node tests/e2e/page_test.mjs PAGE_DIR ARTIFACT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { startPage, checker, distinctColors } from './browser.mjs';

const [pageDir, artifacts] = process.argv.slice(2);
fs.mkdirSync(artifacts, { recursive: true });
const { check, done } = checker('page tests');
const { context, url, close } = await startPage(pageDir);
let exitCode = 1;
try {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => d.dismiss());
  await page.goto(url);
  const t0 = Date.now();
  await page.waitForFunction(() => window.relplan && window.relplan.ready, null, { timeout: 30000 });
  await page.evaluate(() => window.relplan.ready);
  check('window.relplan.ready resolves after the first frame', true, `${Date.now() - t0} ms`);
  check('the loading indicator is gone', await page.$eval('#loading', (e) => getComputedStyle(e).display === 'none'));

  const requests = [];
  page.on('request', (r) => requests.push(r.url()));

  const initial = await page.evaluate(() => window.relplan.exportPlan());
  let parsed = null;
  try { parsed = JSON.parse(initial); } catch (e) { /* checked below */ }
  check('exportPlan() returns the example plan as JSON', parsed && parsed.format && parsed.format.name === 'relplan' &&
        Array.isArray(parsed.releases) && parsed.releases.length > 0);

  await page.waitForTimeout(300);
  const shot = await page.screenshot({ path: path.join(artifacts, 'page.png') });
  const colors = distinctColors(shot);
  check('the canvas is drawn (not blank)', colors > 20, `${colors} distinct colours`);

  const bad = await page.evaluate(() => window.relplan.loadPlan('{"format": {"name": "relplan", "version": 1}, "releases": [ {'));
  check('loadPlan(truncated) reports ok=false with errors', bad.ok === false && bad.errors.length > 0, JSON.stringify(bad));
  check('loadPlan error names line and column', bad.errors.some((e) => /:\d+:\d+:/.test(e)), bad.errors.join(' | '));
  check('the open plan is untouched after a failed load', (await page.evaluate(() => window.relplan.exportPlan())) === initial);
  const notJson = await page.evaluate(() => window.relplan.loadPlan('\u0000\u0001 binary garbage \uFFFF'));
  check('loadPlan(garbage) is refused', notJson.ok === false);

  const edited = JSON.parse(initial);
  edited.project.name = 'Renamed in the page test';
  const good = await page.evaluate((t) => window.relplan.loadPlan(t), JSON.stringify(edited));
  check('loadPlan(valid plan) reports ok=true', good.ok === true, JSON.stringify(good.errors));
  const after = await page.evaluate(() => window.relplan.exportPlan());
  check('exportPlan() returns the loaded plan', JSON.parse(after).project.name === 'Renamed in the page test');

  // The working copy is written to IndexedDB asynchronously after the next frame.
  await page.waitForTimeout(500);
  await page.reload();
  await page.waitForFunction(() => window.relplan && window.relplan.ready, null, { timeout: 30000 });
  await page.evaluate(() => window.relplan.ready);
  const reloaded = JSON.parse(await page.evaluate(() => window.relplan.exportPlan()));
  check('after a reload the working copy from IndexedDB is open', reloaded.project.name === 'Renamed in the page test');

  const shared = JSON.parse(initial);
  shared.project.name = 'Opened from a share link ✓ ünïcödé';
  const link = await page.evaluate((t) => window.relplan.makeShareLink(t), JSON.stringify(shared));
  check('makeShareLink builds a #plan= or #pd1= fragment link', /#(plan|pd1)=[A-Za-z0-9_-]+$/.test(link), link.slice(0, 80));
  const page2 = await context.newPage();
  await page2.goto(link);
  await page2.waitForFunction(() => window.relplan && window.relplan.ready, null, { timeout: 30000 });
  await page2.evaluate(() => window.relplan.ready);
  const fromLink = JSON.parse(await page2.evaluate(() => window.relplan.exportPlan()));
  check('a share link opens its plan', fromLink.project.name === 'Opened from a share link ✓ ünïcödé');
  await page2.close();

  await page.waitForTimeout(300);
  const external = requests.filter((u) => !u.startsWith(url));
  check('no network request leaves the page after load', external.length === 0, external.join(', '));
  check('no uncaught page errors', errors.length === 0, errors.join(' | '));
  exitCode = done();
} catch (e) {
  console.log(`FAIL page tests aborted: ${e.stack || e}`);
  done();
  exitCode = 1;
} finally {
  await close();
}
process.exit(exitCode);
