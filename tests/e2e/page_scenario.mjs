// The planner page used as a release manager would: real mouse and keyboard events (Playwright's
// page.mouse / page.keyboard) on the canvas, widgets found through window.relplan.testHooks.anchors(),
// what the user would see checked through testHooks.facts(), exportPlan() and a screenshot of every
// step in ARTIFACT_DIR/scenario/page/NN-step.png. Then hostile files dropped on the canvas.
//   node tests/e2e/page_scenario.mjs PAGE_DIR ARTIFACT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { startPage, checker, onPage } from './browser.mjs';
import { scenarioDates, exportChecks } from './scenario_expect.mjs';

const [pageDir, artifacts] = process.argv.slice(2);
const shots = path.join(artifacts, 'scenario', 'page');
fs.mkdirSync(shots, { recursive: true });
for (const f of fs.readdirSync(shots)) if (/^\d\d-.*\.png$/.test(f)) fs.rmSync(path.join(shots, f));
const { check, aborted, finish } = checker('app scenario (page)');
const D = scenarioDates();
const { context, url, close } = await startPage(pageDir);

const errors = [];
const leaveQuestions = [];  // beforeunload dialogs: the page asks before unsaved work is left
let shotNo = 0;

async function open(target) {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => {
    if (d.type() !== 'beforeunload') return d.dismiss();
    leaveQuestions.push(d);
    return d.accept();  // "Leave": the autosaved copy must bring the work back
  });
  await page.goto(target);
  await ready(page);
  return page;
}

const { ready, frames, facts } = onPage;
const waitFacts = (page, pred, ms = 3000) => onPage.waitFacts(page, pred, ms);
const exportPlan = (page) => page.evaluate(() => window.relplan.exportPlan());

async function anchor(page, name, ms = 3000) {
  const end = Date.now() + ms;
  for (;;) {
    const a = (await page.evaluate(() => window.relplan.testHooks.anchors()))[name];
    if (a) return a;
    if (Date.now() > end) throw new Error(`no widget anchored "${name}" on screen`);
    await frames(page, 2);
  }
}

// A real click: move, press, release, one frame apart, on the widget's left part (labels of fields
// sit to their right).
async function click(page, name) {
  const a = await anchor(page, name);
  const x = a.x + Math.min(a.w / 2, 12), y = a.y + a.h / 2;
  await page.mouse.move(x, y);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 2);
  await page.mouse.up();
  await frames(page, 3);
}

// Turns the mouse wheel over the widget `over` (its screen position, whatever scrolls there) until
// the widget `name` is in view.
async function reveal(page, name, over) {
  const a = await anchor(page, over);
  await page.mouse.move(a.x + Math.min(a.w / 2, 12), a.y + a.h / 2);
  for (let i = 0; i < 15; ++i) {
    if ((await page.evaluate(() => window.relplan.testHooks.anchors()))[name]) return;
    await page.mouse.wheel(0, 100);
    await frames(page, 3);
  }
  throw new Error(`"${name}" did not scroll into view`);
}

// Keys are held across frames: ImGui 1.86 samples key state once per frame.
async function key(page, chord) {
  await page.keyboard.press(chord, { delay: 80 });
  await frames(page, 3);
}

async function type(page, text) {
  await page.keyboard.type(text, { delay: 15 });
  await frames(page, 3);
}

async function shot(page, name) {
  const file = path.join(shots, `${String(shotNo++).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

// Runs one scenario step; an exception (a widget not found) fails it without stopping the others.
async function step(name, fn) {
  try { await fn(); } catch (e) { check(`${name}: ${e.message.split('\n')[0]}`, false); }
}

try {
  const page = await open(url);
  let f = await facts(page);
  check('the page starts with the example plan and no message', f.releases > 0 && f.message === '', JSON.stringify(f));
  await shot(page, 'start');

  let initial = '';
  await step('open the example plan', async () => {
    await click(page, 'menu.file');
    await shot(page, 'file-menu');
    await click(page, 'menu.file.open_example');
    f = await waitFacts(page, (x) => x.file === 'Example — acme.plan.json');
    check('File > Open example plan opens acme.plan.json, unmodified', f.file === 'Example — acme.plan.json' && f.dirty === false &&
          f.releases === 11, JSON.stringify(f));
    initial = await exportPlan(page);
    await shot(page, 'example-plan');
  });

  let newId = '';
  await step('add a release', async () => {
    await click(page, 'releases.add');
    f = await waitFacts(page, (x) => x.releases === 12);
    newId = f.selected_release;
    check('"+" adds a release, selects it and opens the editor', f.releases === 12 && newId === 'rel-12' &&
          f.tab === 'release' && f.release_type === 'minor' && f.dirty === true, JSON.stringify(f));
    await shot(page, 'release-added');
  });

  await step('give it a release date', async () => {
    await click(page, 'editor.release_date');
    await type(page, D.RELEASE_TUESDAY);
    await key(page, 'Enter');
    f = await waitFacts(page, (x) => x.release_date === D.RELEASE_TUESDAY);
    check(`typing ${D.RELEASE_TUESDAY} into Release date sets it`, f.release_date === D.RELEASE_TUESDAY, JSON.stringify(f));
    check('no milestones yet (the type has not changed)', f.planning_start === '' && f.feature_freeze === '' && f.code_freeze === '',
          JSON.stringify(f));
    await shot(page, 'release-date');
  });

  const milestones = (x) => [x.planning_start, x.feature_freeze, x.code_freeze].join(' ');
  await step('change its type to major', async () => {
    await click(page, 'editor.type');
    await anchor(page, 'option.major');
    await shot(page, 'type-combo-open');
    await click(page, 'option.major');
    f = await waitFacts(page, (x) => x.release_type === 'major');
    const want = [D.MAJOR_PLANNING, D.MAJOR_FEATURE_FREEZE, D.MAJOR_CODE_FREEZE].join(' ');
    check('type major: milestones follow (28/14/7 days before)', f.release_type === 'major' && milestones(f) === want,
          `${milestones(f)} (want ${want})`);
    await shot(page, 'type-major');
  });

  await step('change its type to patch', async () => {
    await click(page, 'editor.type');
    await click(page, 'option.patch');
    f = await waitFacts(page, (x) => x.release_type === 'patch');
    const want = [D.PATCH_PLANNING, D.PATCH_FEATURE_FREEZE, D.PATCH_CODE_FREEZE].join(' ');
    check('type patch: milestones follow again (the Saturday freeze moves to Friday)',
          f.release_type === 'patch' && milestones(f) === want, `${milestones(f)} (want ${want})`);
    await shot(page, 'type-patch');
  });

  await step('move the release to a Saturday', async () => {
    const before = (await facts(page)).conflicts;
    await click(page, 'editor.release_date');
    await key(page, 'Control+a');
    await type(page, D.RELEASE_SATURDAY);
    await key(page, 'Enter');
    f = await waitFacts(page, (x) => x.release_date === D.RELEASE_SATURDAY);
    check(`release date ${D.RELEASE_SATURDAY} (a Saturday) is set`, f.release_date === D.RELEASE_SATURDAY, JSON.stringify(f));
    check('the status bar counts one more conflict (weekend release)', f.conflicts === before + 1,
          `${before} -> ${f.conflicts}`);
    await anchor(page, 'status.conflicts');
    await shot(page, 'weekend-conflict');
  });

  let hashBefore = '';
  const description = 'Bulk export of release calendars';
  await step('edit a change', async () => {
    await click(page, 'editor.add_change');
    f = await waitFacts(page, (x) => x.changes === 1);
    check('Add change adds an empty change', f.changes === 1, JSON.stringify(f));
    check('the notes preview is shown beside the editor', f.notes_shown === true && f.notes_length > 0, JSON.stringify(f));
    hashBefore = f.notes_hash;
    await reveal(page, 'editor.change.0.description', 'editor.name');
    await click(page, 'editor.change.0.description');
    await type(page, description);
    await key(page, 'Enter');
    f = await waitFacts(page, (x) => x.notes_hash !== hashBefore);
    const plan = JSON.parse(await exportPlan(page));
    const rel = plan.releases.find((r) => r.id === newId);
    check('the typed description is in the plan', rel && rel.changes[0].description === description,
          JSON.stringify(rel && rel.changes));
    check('the notes preview updated', f.notes_hash !== hashBefore, `${hashBefore} -> ${f.notes_hash}`);
    await shot(page, 'change-edited');
  });

  let exported = '';
  await step('undo the edit', async () => {
    await key(page, 'Control+z');
    f = await waitFacts(page, (x) => x.notes_hash === hashBefore);
    const plan = JSON.parse(await exportPlan(page));
    const rel = plan.releases.find((r) => r.id === newId);
    check('Ctrl+Z takes the typed description back (one undo step)', rel && rel.changes.length === 1 && !rel.changes[0].description,
          JSON.stringify(rel && rel.changes));
    check('the notes preview is back to what it was', f.notes_hash === hashBefore, `${f.notes_hash} (want ${hashBefore})`);
    await shot(page, 'undone');
  });

  await step('export JSON', async () => {
    exported = await exportPlan(page);
    fs.writeFileSync(path.join(shots, 'exported.plan.json'), exported);
    for (const [name, ok, detail] of exportChecks(initial, exported, D)) check(name, ok, detail);
  });

  await step('reload and find the autosaved plan', async () => {
    await frames(page, 10);
    await page.evaluate(() => window.relplan.workingCopyWritten());
    await page.reload();
    await ready(page);
    check('reloading with unsaved work asks first', leaveQuestions.length === 1, `${leaveQuestions.length} questions`);
    f = await waitFacts(page, (x) => x.message !== '');
    check('after a reload the unsaved plan is back, announced', f.message === 'Recovered unsaved work' && f.dirty === true,
          JSON.stringify(f));
    check('the recovered plan is the one left behind', (await exportPlan(page)) === exported);
    await shot(page, 'reloaded-recovered');
    await click(page, 'message.ok');
    f = await waitFacts(page, (x) => x.message === '');
    check('OK dismisses the message', f.message === '', f.message);
  });

  await step('open a share link', async () => {
    await click(page, 'menu.file');
    await click(page, 'menu.file.share_link');
    const link = await page.waitForFunction(() => window.relplan.lastShareLink, null, { timeout: 5000 }).then((h) => h.jsonValue());
    check('File > Copy share link makes a #plan= (or #pd1=) link', /#(plan|pd1)=[A-Za-z0-9_-]+$/.test(link), String(link).slice(0, 80));
    const page2 = await open(link);
    const f2 = await waitFacts(page2, (x) => x.releases === 12);
    check('the share link opens the same plan in a new tab', (await exportPlan(page2)) === exported, JSON.stringify(f2));
    await shot(page2, 'share-link');
    await page2.close();
  });

  // ---- hostile files dropped on the canvas: a readable message, the open plan untouched ------------
  const pngBytes = [...fs.readFileSync(path.join(shots, '00-start.png')).subarray(0, 4096)];
  const hostile = [
    ['garbage.json', 'random bytes', { random: 65536 }],
    ['truncated.plan.json', 'half a plan', { text: exported.slice(0, exported.length >> 1) }],
    ['screenshot.json', 'a PNG with a .json name', { bytes: pngBytes }],
    ['deep.json', '100 000 nested arrays', { repeat: ['[', 100000] }],
    ['other.json', 'JSON that is not a plan', { text: '{"format": {"name": "not-relplan", "version": 1}}' }],
    ['<img src=x onerror=alert(1)>.json', 'markup in the file name', { text: '<script>alert(1)</script>' }],
    ['huge.plan.json', '65 MiB, above the size cap', { repeat: [' ', 65 << 20] }],
    ['holidays.ics', 'binary garbage as a calendar', { random: 4096 }],
    ['CHANGELOG.md', 'binary garbage as a changelog', { random: 4096 }],
  ];
  for (const [name, what, spec] of hostile) {
    await step(`drop ${name}`, async () => {
      const before = await exportPlan(page);
      const dirtyBefore = (await facts(page)).dirty;
      const dataTransfer = await page.evaluateHandle(([fileName, s]) => {
        let bytes;
        if (s.random) {
          bytes = new Uint8Array(s.random);
          let x = 2463534242;
          for (let i = 0; i < bytes.length; ++i) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; bytes[i] = x & 255; }
        } else if (s.bytes) bytes = new Uint8Array(s.bytes);
        else if (s.repeat) bytes = new Uint8Array(s.repeat[1]).fill(s.repeat[0].charCodeAt(0));
        else bytes = new TextEncoder().encode(s.text);
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], fileName));
        return dt;
      }, [name, spec]);
      await page.dispatchEvent('#canvas', 'drop', { dataTransfer });
      f = await waitFacts(page, (x) => x.message !== '', 10000);
      check(`dropping ${name} (${what}) says why it was refused`,
            /^Could not (open|import) .* \(the open plan is unchanged\)$/.test(f.message), f.message || '(no message)');
      check(`  ... and leaves the plan unchanged`, (await exportPlan(page)) === before && f.dirty === dirtyBefore);
      if (name === 'garbage.json' || name === 'huge.plan.json' || name === 'holidays.ics') await shot(page, `drop-${name.replace(/\W+/g, '-')}`);
      await click(page, 'message.ok');
      await waitFacts(page, (x) => x.message === '');
    });
  }
  f = await facts(page);
  check('after the drops no message is left open', f.message === '', f.message);
} catch (e) {
  aborted(e);
}
await finish(errors, close);
