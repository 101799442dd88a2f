// The page as an installable app that works offline: manifest and icons, Chromium's installability
// check, a start with the network off after the first load, no request to another origin, and the
// "new version available — reload" notice when the page's files change (never a reload by itself).
//   node tests/e2e/page_offline.mjs PAGE_DIR ARTIFACT_DIR
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPage, checker, distinctColors } from './browser.mjs';

const [pageDir, artifacts] = process.argv.slice(2);
fs.mkdirSync(artifacts, { recursive: true });
// A private copy: the test edits sw.js to publish a "new version".
const served = fs.mkdtempSync(path.join(os.tmpdir(), 'relplan-offline-'));
fs.cpSync(pageDir, served, { recursive: true });
const { check, done } = checker('offline page tests');
const { context, url, close } = await startPage(served);
let exitCode = 1;
try {
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const foreign = [];
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url()); });
  context.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url()); });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => window.relplan && window.relplan.ready, null, { timeout: 30000 });
  await page.evaluate(() => window.relplan.ready);

  const manifest = await page.evaluate(() => fetch('manifest.webmanifest').then((r) => r.json()));
  const sizes = (manifest.icons || []).map((i) => i.sizes);
  check('the manifest names the app, standalone, with 192 and 512 px icons',
        manifest.name === 'Release Planner' && manifest.display === 'standalone' &&
        sizes.includes('192x192') && sizes.includes('512x512'), JSON.stringify(manifest));
  check('the manifest declares plan files for the file manager',
        (manifest.file_handlers || []).some((h) => JSON.stringify(h.accept).includes('.json')));

  const controlled = await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null,
                                                null, { timeout: 30000 }).then(() => true, () => false);
  check('a service worker controls the page after the first load', controlled);

  const cdp = await context.newCDPSession(page);
  const installability = await cdp.send('Page.getInstallabilityErrors').catch((e) => ({ error: String(e) }));
  check('Chromium finds the page installable', installability.installabilityErrors &&
        installability.installabilityErrors.length === 0, JSON.stringify(installability));

  await context.setOffline(true);
  await page.reload();
  const offlineReady = await page.waitForFunction(() => window.relplan && window.relplan.ready, null, { timeout: 30000 })
    .then(() => page.evaluate(() => window.relplan.ready)).then(() => true, () => false);
  check('with the network off, the page loads and starts', offlineReady);
  if (offlineReady) {
    const plan = await page.evaluate(() => window.relplan.exportPlan());
    check('offline, the app holds a plan', /"releases"/.test(plan));
    await page.waitForTimeout(300);
    const shot = await page.screenshot({ path: path.join(artifacts, 'page-offline.png') });
    check('offline, the canvas is drawn', distinctColors(shot) > 20);
  }
  const withHash = await page.goto(url + '#plan=AAAA').then(() => true, () => false);
  check('offline, a navigation with a fragment is answered from the cache', withHash);
  await context.setOffline(false);

  // Publish a new version: the waiting worker is offered, the page does not reload by itself.
  await page.goto(url);
  await page.waitForFunction(() => window.relplan && window.relplan.ready, null, { timeout: 30000 });
  fs.appendFileSync(path.join(served, 'sw.js'), '\n// next build\n');
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  const offered = await page.waitForFunction(() => getComputedStyle(document.getElementById('update')).display === 'block',
                                             null, { timeout: 30000 }).then(() => true, () => false);
  check('a new version shows "new version available — reload"', offered);
  await page.screenshot({ path: path.join(artifacts, 'page-update-offered.png') });
  const marker = await page.evaluate(() => { window.__stillHere = 1; return 1; });
  await page.waitForTimeout(1000);
  check('the page does not reload by itself', await page.evaluate(() => window.__stillHere === 1) && marker === 1);
  if (offered) {
    await Promise.all([page.waitForNavigation({ timeout: 30000 }), page.click('#update-reload')]);
    await page.waitForFunction(() => window.relplan && window.relplan.ready, null, { timeout: 30000 });
    check('Reload switches to the new version', await page.evaluate(() =>
      getComputedStyle(document.getElementById('update')).display === 'none'));
  }
  check('no request to another origin', foreign.length === 0, foreign.slice(0, 5).join(' '));
  check('no page errors', errors.length === 0, errors.slice(0, 3).join(' | '));
  exitCode = done();
} catch (e) {
  console.log(`FAIL offline page tests: ${e.stack || e}`);
} finally {
  await close();
  fs.rmSync(served, { recursive: true, force: true });
}
process.exit(exitCode);
