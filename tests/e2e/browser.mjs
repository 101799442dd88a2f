// Shared helpers for the page tests: static server + Debian's Chromium driven by playwright-core.
import { serve } from '../../tools/serve.mjs';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
// An npm package from RELPLAN_NPM, build/npm (make deps) or NODE_PATH, in that order.
export function npm(name) {
  const roots = [process.env.RELPLAN_NPM, path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../build/npm/node_modules')];
  for (const r of roots) if (r && fs.existsSync(path.join(r, name))) return require(path.join(r, name));
  try { return require(name); } catch { /* not on NODE_PATH either */ }
  throw new Error(`npm package ${name} not found: put it on NODE_PATH or run 'make deps' (installs into build/npm)`);
}

export async function startPage(pageDir) {
  const server = await serve(pageDir, 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const { chromium } = npm('playwright-core');
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relplan-chromium-'));
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--disable-quic', '--disable-gpu'],
  });
  const close = async () => {
    await context.close();
    server.close();
    fs.rmSync(userDir, { recursive: true, force: true });
  };
  return { context, url, close };
}

// Checks: collects results, prints one line each and a summary; exit code by failures. A test runs
// its body in `try`, reports a throw with aborted(e), and ends with finish(errors, close): a check
// that the pages threw nothing (`errors`, unless aborted), the summary, `close` (the browser) and
// the exit with the verdict.
export function checker(suite) {
  let passed = 0, failed = 0, wasAborted = false;
  const check = (name, ok, detail = '') => {
    if (ok) { passed++; console.log(`ok   ${name}`); }
    else { failed++; console.log(`FAIL ${name}${detail ? ': ' + detail : ''}`); }
  };
  const done = () => {
    console.log(`${suite}: ${passed} passed, ${failed} failed`);
    return failed === 0 ? 0 : 1;
  };
  const aborted = (e) => {
    wasAborted = true;
    check(`${suite} ran to the end: ${e.stack || e}`, false);
  };
  const finish = async (errors, close) => {
    if (!wasAborted) check('no uncaught page errors', errors.length === 0, errors.join(' | '));
    const exitCode = done();
    await close();
    process.exit(exitCode);
  };
  return { check, done, aborted, finish };
}

// Distinct colours in a PNG screenshot: a blank canvas has one or two.
export function distinctColors(pngBuffer) {
  const { PNG } = npm('pngjs');
  const img = PNG.sync.read(pngBuffer);
  const seen = new Set();
  for (let i = 0; i < img.data.length && seen.size < 5000; i += 4 * 7)
    seen.add((img.data[i] << 16) | (img.data[i + 1] << 8) | img.data[i + 2]);
  return seen.size;
}

// Driving the app through its test hooks: frames, facts and anchors of the last drawn frame, waits
// that poll for a state (generous limits, no wall-clock assertions), and real mouse clicks on anchors.
export function appDriver(page) {
  const frames = (n) => page.evaluate((count) => new Promise((resolve) => {
    let k = 0;
    const tick = () => (++k >= count ? resolve() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }), n);
  const facts = () => page.evaluate(() => window.relplan.testHooks.facts());
  const anchors = () => page.evaluate(() => window.relplan.testHooks.anchors());
  const exportPlan = async () => JSON.parse(await page.evaluate(() => window.relplan.exportPlan()));
  async function waitFacts(pred, ms = 10000) {
    const end = Date.now() + ms;
    let f = await facts();
    while (!pred(f) && Date.now() < end) {
      await frames(2);
      f = await facts();
    }
    return f;
  }
  async function waitAnchor(name, ms = 5000) {
    const end = Date.now() + ms;
    let a;
    while (!(a = (await anchors())[name]) && Date.now() < end) await frames(2);
    return a;
  }
  async function hover(name) {
    const a = await waitAnchor(name);
    if (!a) throw new Error(`no widget anchored "${name}" on screen`);
    await page.mouse.move(a.x + Math.min(a.w / 2, 12), a.y + a.h / 2);
    await frames(4);
  }
  // Wheel over anchor `over` (by default the middle of the release editor) until `name` is on
  // screen: sections scroll. The anchor's rectangle, or undefined when it never shows.
  async function scrollTo(name, over = null) {
    if (over) await hover(over);
    else await page.mouse.move(900, 500);
    for (let i = 0; i < 30 && !(await anchors())[name]; ++i) {
      await page.mouse.wheel(0, 120);
      await frames(3);
    }
    return (await anchors())[name];
  }
  async function click(name) {
    await hover(name);
    await page.mouse.down();
    await frames(2);
    await page.mouse.up();
    await frames(3);
  }
  async function rclick(name) {
    await hover(name);
    await page.mouse.down({ button: 'right' });
    await frames(2);
    await page.mouse.up({ button: 'right' });
    await frames(3);
  }
  // Held for two frames: a press and release within one frame can be missed by the app's frame.
  async function key(combo) {
    const keys = combo.split('+');
    for (const k of keys) await page.keyboard.down(k);
    await frames(2);
    for (const k of keys.reverse()) await page.keyboard.up(k);
    await frames(3);
  }
  async function type(text) {
    await page.keyboard.type(text);
    await frames(4);
  }
  async function ready() {
    await page.waitForFunction(() => window.relplan && window.relplan.ready, null, { timeout: 30000 });
    await page.evaluate(() => window.relplan.ready);
    await frames(3);
  }
  return { frames, facts, anchors, exportPlan, waitFacts, waitAnchor, hover, scrollTo, click, rclick, key, type, ready };
}

// The driver's helpers as functions of a page, for tests that drive several pages at once.
export const onPage = {
  ready: (page) => appDriver(page).ready(),
  frames: (page, n) => appDriver(page).frames(n),
  facts: (page) => appDriver(page).facts(),
  waitFacts: (page, pred, ms) => appDriver(page).waitFacts(pred, ms),
};

// A page test on one page: its checks (checker), the page served and opened in Chromium with page
// errors collected and dialogs accepted, and the app driver on it. start() loads the app and waits
// until it is ready; finish() ends the test as checker's finish does; run(body) is the whole test in
// one call: start, body, finish (a throw reported as aborted).
export async function openApp(pageDir, suite) {
  const { check, aborted, finish } = checker(suite);
  const { context, url, close } = await startPage(pageDir);
  const errors = [];
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => d.accept());
  const driver = appDriver(page);
  const start = async () => {
    await page.goto(url);
    await driver.ready();
  };
  const run = async (body) => {
    try {
      await start();
      await body();
    } catch (e) {
      aborted(e);
    }
    await finish(errors, close);
  };
  return { check, aborted, finish: () => finish(errors, close), start, run, context, url, errors, page, ...driver };
}
