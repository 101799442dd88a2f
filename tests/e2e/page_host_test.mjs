// The page's host services in headless Chromium: share link size and hostile share links, loadPlan
// with NUL and lone surrogates, two tabs on one plan, Back/Forward between views, text input through
// the hidden text field (IME composition, dead keys, emoji) and CJK/emoji drawn from the lazily
// fetched fallback fonts (screenshot ARTIFACT_DIR/page-cjk.png), a working copy the browser refuses.
//   node tests/e2e/page_host_test.mjs PAGE_DIR ARTIFACT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { startPage, checker, onPage } from './browser.mjs';

const [pageDir, artifacts] = process.argv.slice(2);
fs.mkdirSync(artifacts, { recursive: true });
const { check, aborted, finish } = checker('page host tests');
const { context, url, close } = await startPage(pageDir);
const errors = [];

async function open(target = url) {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => d.accept());
  await page.goto(target);
  await ready(page);
  return page;
}
const { ready, frames, facts } = onPage;
const waitFacts = (page, pred, ms = 5000) => onPage.waitFacts(page, pred, ms);
const exportPlan = async (page) => JSON.parse(await page.evaluate(() => window.relplan.exportPlan()));
async function click(page, name) {
  const end = Date.now() + 3000;
  let a;
  while (!(a = (await page.evaluate(() => window.relplan.testHooks.anchors()))[name])) {
    if (Date.now() > end) throw new Error(`no widget anchored "${name}" on screen`);
    await frames(page, 2);
  }
  await page.mouse.move(a.x + Math.min(a.w / 2, 12), a.y + a.h / 2);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 2);
  await page.mouse.up();
  await frames(page, 3);
}
// Dismisses every message on screen: Back pressed several times in a row may raise one per press.
async function dismissMessage(page) {
  for (let i = 0; i < 10 && (await waitFacts(page, (x) => !x.message, 300)).message; ++i) await click(page, 'message.ok');
}
async function step(name, fn) {
  try { await fn(); } catch (e) { check(`${name}: ${String(e.message).split('\n')[0]}`, false); }
}
// A link whose fragment inflates to `bytes` spaces (a deflate bomb for the cap).
function bombLink(page, bytes) {
  return page.evaluate(async (n) => {
    const data = new Uint8Array(n).fill(32);
    const buf = await new Response(new Blob([data]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
    const b = new Uint8Array(buf);
    let s = '';
    for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode.apply(null, b.subarray(i, i + 0x8000));
    return location.origin + location.pathname + '#plan=' + btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }, bytes);
}

try {
  const page = await open();
  const example = await exportPlan(page);

  await step('share link of the example plan', async () => {
    const link = await page.evaluate(() => window.relplan.shareLink());
    check('shareLink() resolves to a link of the open plan (#pd1= or #plan=)', /#(pd1|plan)=[A-Za-z0-9_-]+$/.test(link), link.slice(0, 80));
    check('the example plan\'s share link fits in 4,096 characters', link.length <= 4096, `${link.length} characters`);
    console.log(`     share link of the bundled example plan: ${link.length} characters`);
    const big = JSON.parse(JSON.stringify(example));
    let noise = '';
    for (let i = 0; i < 40000; ++i) noise += Math.random().toString(36).slice(2, 4);
    big.project.description = noise;
    const refused = await page.evaluate((t) => window.relplan.makeShareLink(t).then(() => '', (e) => String(e.message)), JSON.stringify(big));
    check('a link over 32K characters is not offered; the user is told to share the file', /share the plan file/.test(refused), refused);
  });

  await step('loadPlan gets the text exactly', async () => {
    const nul = await page.evaluate(() => window.relplan.loadPlan('{"format": {"name": "relplan", "version": 1},\u0000 "releases": []}'));
    check('loadPlan with a NUL is refused with its position', nul.ok === false && nul.errors.some((e) => /:1:4[0-9]/.test(e)), JSON.stringify(nul.errors));
    const lone = await page.evaluate(() => window.relplan.loadPlan('{"project": {"name": "a\uD800b"}}'));
    check('loadPlan with a lone surrogate is refused with its position', lone.ok === false && lone.errors.some((e) => /surrogate.*character 23/.test(e)),
          JSON.stringify(lone.errors));
    check('the open plan is untouched', JSON.stringify(await exportPlan(page)) === JSON.stringify(example));
  });

  await step('hostile share links replace nothing', async () => {
    const mine = JSON.parse(JSON.stringify(example));
    mine.project.name = 'Kept through bad links';
    check('a plan is loaded', (await page.evaluate((t) => window.relplan.loadPlan(t), JSON.stringify(mine))).ok);
    await frames(page, 2);
    await page.evaluate(() => window.relplan.workingCopyWritten());
    for (const [what, link, expect] of [
      ['a corrupt link', url + '#plan=q83KyVHIL8pJUQQA', /damaged|cut short|not valid/],
      ['a link with characters outside base64url', url + '#plan=abc$def', /damaged/],
      ['a link inflating past the plan cap', await bombLink(page, 65 * 1024 * 1024 + 1), /larger than 64 MiB/],
    ]) {
      await page.goto('about:blank');
      await page.goto(link);
      await ready(page);
      const f = await waitFacts(page, (x) => x.message !== '');
      const plan = await exportPlan(page);
      check(`${what} ends in a message`, /share link could not be opened/.test(f.message), f.message);
      check(`${what} leaves this tab's plan as it was`, plan.project.name === 'Kept through bad links', plan.project.name);
      const detail = await page.evaluate(() => document.getElementById('message').style.display);
      check(`${what} keeps the page alive`, detail !== 'block');
      if (expect) {
        const anchors = await page.evaluate(() => window.relplan.testHooks.anchors());
        check(`${what}: the message box is on screen`, !!anchors['message.ok']);
      }
      await dismissMessage(page);
    }
  });

  await step('two tabs on one plan', async () => {
    const twin = JSON.parse(JSON.stringify(example));
    twin.project.name = 'Twin plan';
    const a = page;
    check('tab A opens the plan', (await a.evaluate((t) => window.relplan.loadPlan(t), JSON.stringify(twin))).ok);
    await frames(a, 2);
    await a.evaluate(() => window.relplan.workingCopyWritten());
    const b = await open();
    const bStart = await exportPlan(b);
    check('a new tab does not take over an open tab\'s working copy', bStart.project.name !== 'Twin plan', bStart.project.name);
    await b.evaluate((t) => window.relplan.loadPlan(t), JSON.stringify(twin));
    const f = await waitFacts(b, (x) => /another tab/.test(x.dialog));
    check('the second tab opening the same plan is told', /open in another tab/.test(f.dialog), f.dialog);
    await click(b, 'second_tab.copy');
    twin.project.name = 'Twin plan';
    twin.project.description = 'edited in tab B';
    await b.evaluate((t) => window.relplan.loadPlan(t), JSON.stringify(twin));
    await frames(b, 2);
    await b.evaluate(() => window.relplan.workingCopyWritten());
    await a.reload();
    await ready(a);
    const aPlan = await exportPlan(a);
    check('tab B\'s edits never overwrite tab A\'s working copy', aPlan.project.name === 'Twin plan' && aPlan.project.description !== 'edited in tab B',
          aPlan.project.description);
    await dismissMessage(a);
    await b.close();
  });

  await step('Back and Forward move between views', async () => {
    await click(page, 'tab.Calendar');
    await click(page, 'tab.Timeline');
    check('the timeline is shown', (await facts(page)).tab === 'timeline');
    await page.goBack();
    check('Back shows the calendar', (await waitFacts(page, (x) => x.tab === 'calendar')).tab === 'calendar');
    await page.goBack();
    const back2 = (await waitFacts(page, (x) => x.tab !== 'calendar')).tab;
    await page.goForward();
    check('Forward shows the calendar again', (await waitFacts(page, (x) => x.tab === 'calendar')).tab === 'calendar', back2);
    await click(page, 'menu.release');
    await click(page, 'menu.release.new');
    check('the plan has unsaved changes', (await waitFacts(page, (x) => x.dirty)).dirty === true);
    await dismissMessage(page);
    for (let i = 0; i < 6; ++i) {
      await page.evaluate(() => history.back());
      await page.waitForTimeout(150);
    }
    const still = await page.evaluate(() => !!(window.relplan && location.href.startsWith(location.origin)));
    const f = await waitFacts(page, (x) => /unsaved/.test(x.message));
    check('Back never leaves the page with unsaved work', still && page.url().startsWith(url), page.url());
    check('Back at the first view says why it stays', /unsaved changes/.test(f.message), f.message);
    await dismissMessage(page);
  });

  await step('text input: IME composition, dead keys, emoji', async () => {
    await click(page, 'tab.Release');
    // The editor's sections scroll: wheel over the editor until the name field is on screen.
    await page.mouse.move(900, 450);
    for (let i = 0; i < 20 && !(await page.evaluate(() => window.relplan.testHooks.anchors()))['editor.name']; ++i) {
      await page.mouse.wheel(0, i < 10 ? -100 : 100);
      await frames(page, 3);
    }
    await click(page, 'editor.name');
    // End held for a few frames: on a busy machine a press within one frame can land before the
    // field is active.
    await frames(page, 3);
    await page.keyboard.down('End');
    await frames(page, 3);
    await page.keyboard.up('End');
    await frames(page, 2);
    // An IME session as a Japanese input method sends it, then a dead-key composition (´ + e).
    await page.evaluate(() => {
      const ta = document.getElementById('relplan-text-input');
      const comp = (type, data) => ta.dispatchEvent(new CompositionEvent(type, { data, bubbles: true }));
      const input = (value, composing) => {
        ta.value = value;
        ta.dispatchEvent(new InputEvent('input', { data: value, inputType: 'insertCompositionText', isComposing: composing, bubbles: true }));
      };
      comp('compositionstart', '');
      comp('compositionupdate', 'にほん');
      input('にほん', true);
      comp('compositionupdate', '日本');
      input('日本', true);
      comp('compositionend', '日本');
      ta.value = '';
      comp('compositionstart', '');
      comp('compositionupdate', '´');
      input('´', true);
      comp('compositionend', 'é');
      ta.value = '';
    });
    await frames(page, 3);
    await page.keyboard.insertText('🎉👍🏽');
    await frames(page, 3);
    // Enter held for a few frames like End above: pressed and released within one slow frame, it
    // never reached the field, which stayed active and kept its edit out of the working copy.
    await page.keyboard.down('Enter');
    await frames(page, 3);
    await page.keyboard.up('Enter');
    await frames(page, 4);
    const f = await facts(page);
    const rel = (await exportPlan(page)).releases.find((r) => r.id === f.selected_release);
    const name = rel ? rel.name || '' : '';
    check('composed text (日本), a dead key (é) and emoji with a modifier arrive in the field', name.endsWith('日本é🎉👍🏽'), JSON.stringify(name));
    check('no composition intermediate was typed', !/にほん|´/.test(name), JSON.stringify(name));
    await page.evaluate(() => window.relplan.workingCopyWritten());
    await page.reload();
    await ready(page);
    const again = (await exportPlan(page)).releases.find((r) => r.id === f.selected_release);
    check('the text survives saving and reloading byte for byte', again && again.name === name, JSON.stringify(again && again.name));
    await dismissMessage(page);
  });

  await step('CJK and emoji are drawn from the fallback fonts', async () => {
    const cjk = JSON.parse(JSON.stringify(example));
    cjk.project.name = 'リリース計画 版本管理 🚀✅';
    cjk.releases[0].name = '春季发布 🌸 プレビュー';
    check('a CJK plan loads', (await page.evaluate((t) => window.relplan.loadPlan(t), JSON.stringify(cjk))).ok);
    await click(page, 'tab.Release');
    const f = await waitFacts(page, (x) => x.fallback_fonts >= 1 && x.missing_glyphs === 0, 20000);
    check('fallback fonts were fetched for the new characters', f.fallback_fonts >= 1, JSON.stringify(f.fallback_fonts));
    check('no character is drawn as "?" (missing glyphs = 0)', f.missing_glyphs === 0, `${f.missing_glyphs} missing`);
    await frames(page, 4);
    await page.screenshot({ path: path.join(artifacts, 'page-cjk.png') });
  });

  await step('a working copy the browser refuses is flagged until one is kept again', async () => {
    await page.evaluate(() => {
      window.relplanTestPut = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function () { throw new DOMException('storage is full', 'QuotaExceededError'); };
    });
    const renamed = JSON.parse(JSON.stringify(example));
    renamed.project.name = 'Refused by the browser';
    check('a plan loads while storage is full', (await page.evaluate((t) => window.relplan.loadPlan(t), JSON.stringify(renamed))).ok);
    let f = await waitFacts(page, (x) => x.working_copy_problem !== '');
    check('the app says the working copy was not kept, and why', /QuotaExceededError/.test(f.working_copy_problem), f.working_copy_problem);
    check('the status bar shows it', !!(await page.evaluate(() => window.relplan.testHooks.anchors()))['status.working_copy']);
    await page.evaluate(() => { IDBObjectStore.prototype.put = window.relplanTestPut; });
    renamed.project.name = 'Kept again';
    await page.evaluate((t) => window.relplan.loadPlan(t), JSON.stringify(renamed));
    f = await waitFacts(page, (x) => x.working_copy_problem === '');
    check('the flag goes once a copy is kept again', f.working_copy_problem === '', f.working_copy_problem);
  });

} catch (e) {
  aborted(e);
}
await finish(errors, close);
