// A new user's first plan in the page, from File > New to a saved file, with the mouse and the
// keyboard only (no JSON, no CLI): the project named with its time zone, two components, a monthly
// release train with a code freeze (previewed, then applied), a hotfix dated with the date picker,
// changes for three audiences and their notes, a share link that opens the same plan; then the
// downloaded plan file is checked. Screenshots: ARTIFACT_DIR/new-plan/page/*.png.
//   node tests/e2e/page_new_plan.mjs PAGE_DIR ARTIFACT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { appDriver, openApp } from './browser.mjs';

const [pageDir, artifacts] = process.argv.slice(2);
const shots = path.join(artifacts, 'new-plan', 'page');
fs.mkdirSync(shots, { recursive: true });
const { check, aborted, finish, start, page, context, errors, frames, facts, anchors, waitFacts, waitAnchor, click, key, type, ready } = await openApp(pageDir, 'new plan (page)');
const shot = async (name) => { await frames(3); await page.screenshot({ path: path.join(shots, name + '.png') }); };
const today = new Date().toISOString().slice(0, 10);

// Replaces the text of the field `name` with `text` and leaves it with Enter.
async function fill(name, text) {
  await click(name);
  await key('Control+a');
  await type(text);
  await key('Enter');
}
// Wheel over `where` until `name` is drawn wholly inside the window (an anchor can be registered
// for a widget cut off at the bottom edge, where a click would miss it).
async function scrollTo(name, where = [900, 500], dy = 120) {
  const height = await page.evaluate(() => window.innerHeight);
  const inside = (a) => a && a.y >= 0 && a.y + a.h <= height - 8;
  await page.mouse.move(...where);
  for (let i = 0; i < 30; ++i) {
    const a = (await anchors())[name];
    if (inside(a)) break;
    await page.mouse.wheel(0, a ? (a.y < 0 ? -Math.abs(dy) : Math.abs(dy)) : dy);
    await frames(3);
  }
  return (await anchors())[name];
}

try {
  await start();
  await click('menu.file');
  await click('menu.file.new');
  if ((await facts()).dialog === 'Discard unsaved changes?') await click('discard.discard');
  let f = await waitFacts((x) => x.project_name === 'New project' && x.releases === 0);
  check('File > New starts an empty plan', f.project_name === 'New project' && f.releases === 0 && f.components === 0, JSON.stringify(f));

  // Project settings: the name and two components.
  await click('menu.project');
  await click('menu.project.settings');
  await fill('project.name', 'Acme Cloud');
  await click('project.component.add');
  await click('project.component.add');
  f = await waitFacts((x) => x.components === 2);
  await fill('project.component.0.name', 'API');
  await fill('project.component.0.id', 'api');
  await fill('project.component.1.name', 'Web app');
  await fill('project.component.1.id', 'web');
  await fill('project.time_zone', 'Europe/Berlin');
  f = await waitFacts((x) => x.project_name === 'Acme Cloud');
  check('the project is named and has two components', f.project_name === 'Acme Cloud' && f.components === 2, JSON.stringify(f));
  await shot('01-project-settings');
  await key('Escape');

  // A monthly train with a code freeze: preview, then apply.
  await click('menu.trains');
  await click('trains.add');
  await click('trains.component.web');
  await click('trains.code_freeze');
  await waitAnchor('trains.code_freeze_days');
  await shot('02-train-preview');
  await click('trains.apply');
  f = await waitFacts((x) => x.trains === 1 && x.releases === 6);
  check('the train adds its six releases', f.trains === 1 && f.releases === 6, JSON.stringify([f.trains, f.releases]));
  await key('Escape');

  // A hotfix, dated with the date picker, with changes for three audiences.
  await click('menu.release');
  await click('menu.release.new');
  f = await waitFacts((x) => x.releases === 7 && x.tab === 'release');
  await scrollTo('editor.name', [900, 450], -120);
  await fill('editor.name', 'Login hotfix');
  await click('editor.type');
  await click('option.hotfix');
  await click('editor.release_date.picker');
  await shot('03-date-picker');
  await click('datepicker.day.' + today);
  f = await waitFacts((x) => x.release_type === 'hotfix' && x.release_date === today);
  check('the hotfix is dated with the picker', f.release_type === 'hotfix' && f.release_date === today, JSON.stringify([f.release_type, f.release_date]));
  const texts = ['Sessions no longer expire early', 'Login works behind corporate proxies', 'Signing in is faster'];
  const audiences = ['technical', 'customer', 'end-user'];
  for (let i = 0; i < 3; ++i) {
    await scrollTo('editor.add_change');
    await click('editor.add_change');
    await waitFacts((x) => x.changes === i + 1);
    await scrollTo(`editor.change.${i}.description`);
    await fill(`editor.change.${i}.description`, texts[i]);
    if (audiences[i] !== 'technical') {
      await scrollTo(`editor.change.${i}.audience`);
      await click(`editor.change.${i}.audience`);
      await click('option.' + audiences[i]);
    }
  }
  f = await waitFacts((x) => x.changes === 3);
  check('the hotfix has three changes', f.changes === 3);

  // Its notes for each audience: technical notes list all three, customer two, end-user one.
  await click('tab.Notes');
  const lengths = {};
  for (const a of audiences) {
    await click('notes.audience');
    await click('notes.audience.' + a);
    await frames(4);
    lengths[a] = (await facts()).notes_length;
    await shot('04-notes-' + a);
  }
  check('the notes narrow from technical to customer to end user', lengths.technical > lengths.customer && lengths.customer > lengths['end-user'] &&
        lengths['end-user'] > 0, JSON.stringify(lengths));
  check('the rendered preview is beside the source', !!(await anchors())['notes.rendered'] && !!(await anchors())['notes.source']);

  // A share link: File > Copy share link, and the link opens this plan.
  await click('menu.file');
  await click('menu.file.share_link');
  f = await waitFacts((x) => /Share link/.test(x.status));
  check('File > Copy share link copies one', /Share link copied/.test(f.status), f.status);
  const link = await page.evaluate(() => window.relplan.shareLink());
  check('the share link is short enough for chat', typeof link === 'string' && link.length <= 4096, String(link).length);

  // Save: the downloaded file is the plan.
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), key('Control+s')]);
  const file = path.join(shots, 'saved.plan.json');
  await download.saveAs(file);
  const plan = JSON.parse(fs.readFileSync(file, 'utf8'));
  check('the saved plan names the project', plan.project.name === 'Acme Cloud' && !!plan.project.id, JSON.stringify(plan.project));
  check('the saved plan keeps the project\'s time zone', plan.project.time_zone === 'Europe/Berlin', JSON.stringify(plan.project));
  check('the saved plan has the two components', JSON.stringify(plan.components.map((c) => [c.id, c.name])) === '[["api","API"],["web","Web app"]]',
        JSON.stringify(plan.components));
  const train = (plan.trains || [])[0] || {};
  check('the saved train is monthly with a code freeze', /^monthly/.test(train.cadence) && train.code_freeze_days === 3 &&
        JSON.stringify(train.components) === '["api","web"]', JSON.stringify(train));
  const generated = plan.releases.filter((r) => r.train === train.id);
  check('the saved plan has the train\'s releases, each with a code freeze', generated.length === 6 && generated.every((r) => r.code_freeze),
        generated.length);
  const hotfix = plan.releases.find((r) => r.type === 'hotfix');
  check('the saved hotfix has its date and its three changes', hotfix && hotfix.name === 'Login hotfix' && hotfix.release_date === today &&
        JSON.stringify(hotfix.changes.map((c) => [c.description, c.audience || 'technical'])) ===
        JSON.stringify(texts.map((t, i) => [t, audiences[i]])), JSON.stringify(hotfix));
  check('saving clears the unsaved mark', (await waitFacts((x) => !x.dirty)).dirty === false);

  const other = await context.newPage();
  other.on('pageerror', (e) => errors.push(String(e)));
  await other.goto(link);
  await appDriver(other).ready();
  const g = await appDriver(other).waitFacts((x) => x.project_name === 'Acme Cloud');
  check('the share link opens the plan in a new tab', g.project_name === 'Acme Cloud' && g.releases === 7 && g.trains === 1,
        JSON.stringify([g.project_name, g.releases, g.trains]));
  await other.close();

} catch (e) {
  aborted(e);
}
await finish();
