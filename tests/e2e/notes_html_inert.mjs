// Loads generated HTML release notes in headless Chromium and fails if any script runs or any dialog
// opens. The page is loaded twice: as shipped, and with its Content-Security-Policy bypassed, so the
// markup itself must be inert, not just blocked by the policy. Every element is hovered and focused
// to give event-handler attributes their chance.
//
// usage: node tests/e2e/notes_html_inert.mjs NOTES.html...
//        node tests/e2e/notes_html_inert.mjs --self-test     (proves the detector sees scripts)
// Needs npm `playwright-core` (NODE_PATH, RELPLAN_NPM or build/npm) and /usr/bin/chromium
// (or CHROMIUM=path).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { npm } from './browser.mjs';

// Loads `file` and returns what ran: scripts compiled in the page's own JavaScript world (inline
// scripts, event handlers, javascript: URLs all compile there) and dialogs opened.
async function probe(browser, file, bypassCSP) {
  const context = await browser.newContext({ bypassCSP, viewport: { width: 1200, height: 900 } });
  // Nothing may leave the machine: a page that fetches anything is as bad as one that runs script.
  const requests = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  const popups = [];
  page.on('popup', (p) => popups.push(p.url()));

  const cdp = await context.newCDPSession(page);
  const mainWorlds = new Set();
  const scripts = [];
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => {
    if (c.auxData && c.auxData.isDefault) mainWorlds.add(c.id);
  });
  cdp.on('Debugger.scriptParsed', (s) => {
    if (mainWorlds.has(s.executionContextId)) scripts.push(s.url || `(inline script, ${s.length} chars)`);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Debugger.enable');

  await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  // Elements are found through the DevTools DOM domain and reached with real input events: Playwright's
  // locators would evaluate their own script in the page and count as script that ran.
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'body *' });
  for (const nodeId of nodeIds.slice(0, 2000)) {
    try {
      await cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId });
      const { model } = await cdp.send('DOM.getBoxModel', { nodeId });
      const q = model.border;
      await page.mouse.move((q[0] + q[4]) / 2, (q[1] + q[5]) / 2);
    } catch {
      // Elements without a box (hidden, zero-size) cannot be hovered.
    }
  }
  for (let i = 0; i < Math.min(nodeIds.length, 200); i++) await page.keyboard.press('Tab');
  await page.waitForTimeout(300);
  await context.close();
  return { scripts, dialogs, popups, requests };
}

async function main(args) {
  const { chromium } = npm('playwright-core');
  const selfTest = args[0] === '--self-test';
  let files = args;
  let tmp = null;
  if (selfTest) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'relplan-inert-'));
    const bad = path.join(tmp, 'bad.html');
    fs.writeFileSync(bad, '<!DOCTYPE html><title>x</title><p>text</p><img src="missing.png" onerror="alert(1)">' +
                          '<p style="margin-top:1500px" onmouseover="alert(2)">below the fold, hovered</p>');
    files = [bad];
  }
  if (files.length === 0) {
    console.error('usage: node notes_html_inert.mjs NOTES.html... | --self-test');
    return 2;
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  let failures = 0;
  try {
    for (const file of files) {
      for (const bypassCSP of [false, true]) {
        const r = await probe(browser, file, bypassCSP);
        const label = `${file} (${bypassCSP ? 'CSP bypassed' : 'as shipped'})`;
        const ran = r.scripts.length + r.dialogs.length + r.popups.length + r.requests.length;
        if (selfTest) {
          // The detector must see the handler run once the policy is out of the way.
          if (bypassCSP && (r.scripts.length < 2 || r.dialogs.length < 2)) {
            console.log(`FAIL self-test: the detector missed a script: ${JSON.stringify(r)}`);
            failures++;
          } else {
            console.log(`ok   self-test ${label}: ${r.scripts.length} script(s), ${r.dialogs.length} dialog(s)`);
          }
          continue;
        }
        if (ran > 0) {
          failures++;
          console.log(`FAIL ${label}`);
          for (const s of r.scripts) console.log(`  script ran: ${s}`);
          for (const d of r.dialogs) console.log(`  dialog opened: ${d}`);
          for (const p of r.popups) console.log(`  popup opened: ${p}`);
          for (const q of r.requests) console.log(`  request made: ${q}`);
        } else {
          console.log(`ok   ${label}: no script, no dialog, no request`);
        }
      }
    }
  } finally {
    await browser.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`notes html inert: ${failures === 0 ? 'passed' : `${failures} failure(s)`}`);
  return failures === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => {
  console.error(e);
  process.exitCode = 1;
});
