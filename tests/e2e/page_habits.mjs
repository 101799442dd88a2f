// Habits of a desktop app in the page, with real mouse and keyboard events: overdue releases flagged
// in the release list, the calendar and the timeline; the right-click menu on a release in all three
// (duplicate, move through the what-if preview, copy version, delete with undo); Escape cancels and
// Enter confirms dialogs (the `dialog` fact names the one open); Ctrl+Z in a text field undoes the
// typing only. The plan comes from habits_plan.mjs (dated around today).
// Screenshots: ARTIFACT_DIR/habits/page/*.png.
//   node tests/e2e/page_habits.mjs PAGE_DIR ARTIFACT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { openApp } from './browser.mjs';
import { habitsPlan } from './habits_plan.mjs';

const [pageDir, artifacts] = process.argv.slice(2);
const shots = path.join(artifacts, 'habits', 'page');
fs.mkdirSync(shots, { recursive: true });
const { check, aborted, finish, start, page, frames, facts, anchors, exportPlan, waitFacts, waitAnchor, hover, click, rclick, key, type } = await openApp(pageDir, 'habits (page)');
const shot = async (name) => { await frames(3); await page.screenshot({ path: path.join(shots, name + '.png') }); };
async function step(name, fn) {
  try { await fn(); } catch (e) { check(`${name}: ${String(e.message).split('\n')[0]}`, false); }
}
const plan = habitsPlan();
const late = plan.releases.find((r) => r.id === 'late');
const plusDays = (iso, n) => new Date(Date.parse(iso + 'T00:00:00Z') + n * 86400000).toISOString().slice(0, 10);

try {
  await start();
  check('the plan loads', (await page.evaluate((t) => window.relplan.loadPlan(t), JSON.stringify(plan))).ok);
  await waitFacts((x) => x.project_name === 'Habits');

  await step('overdue releases are flagged everywhere', async () => {
    check('one release is overdue', (await facts()).overdue === 1);
    check('the release list flags it', !!(await waitAnchor('release.late.overdue')));
    await click('tab.Calendar');
    check('the calendar month flags it', !!(await waitAnchor('calendar.release.late.overdue')));
    check('the release on time is not flagged', !(await anchors())['calendar.release.next.overdue']);
    await hover('calendar.release.late.overdue');
    await shot('01-calendar-overdue');
    await click('tab.Timeline');
    await frames(40);
    check('the timeline flags it', !!(await waitAnchor('timeline.release.late.overdue')));
    check('the released one is not flagged', !(await anchors())['timeline.release.shipped.overdue']);
    await hover('timeline.release.late');
    await shot('02-timeline-overdue');
  });

  await step('right-click menu: duplicate (list), undo', async () => {
    await rclick('release.late');
    check('the menu opens on the release', !!(await waitAnchor('context.duplicate')));
    await shot('03-list-menu');
    await click('context.duplicate');
    let f = await waitFacts((x) => x.releases === 4);
    check('Duplicate adds a copy and selects it', f.releases === 4 && f.selected_release === 'rel-4', JSON.stringify([f.releases, f.selected_release]));
    const copy = (await exportPlan()).releases.find((r) => r.id === 'rel-4');
    check('the copy is a planning release without a version', copy && copy.status === 'planning' && !copy.version && copy.name === 'Late copy',
          JSON.stringify(copy));
    await key('Control+z');
    f = await waitFacts((x) => x.releases === 3);
    check('Ctrl+Z takes the copy back', f.releases === 3);
  });

  await step('right-click menu: copy version (calendar)', async () => {
    await click('tab.Calendar');
    await rclick('calendar.release.late');
    await click('context.copy_version');
    const f = await waitFacts((x) => /Copied/.test(x.status));
    check('Copy version copies 1.2.0', f.status === 'Copied 1.2.0', f.status);
  });

  await step('right-click menu: delete with undo (timeline)', async () => {
    await click('tab.Timeline');
    await frames(40);  // the timeline glides to the selected release
    await rclick('timeline.release.late');
    check('the timeline menu offers the release commands', !!(await waitAnchor('context.delete')));
    await shot('04-timeline-menu');
    await click('context.delete');
    let f = await waitFacts((x) => x.releases === 2);
    check('Delete removes the release', f.releases === 2 && !(await exportPlan()).releases.some((r) => r.id === 'late'));
    check('the status bar says how to get it back', /Deleted Late 1\.2\.0.*Undo/.test(f.status), f.status);
    await key('Control+z');
    f = await waitFacts((x) => x.releases === 3);
    check('Ctrl+Z brings it back', f.releases === 3 && (await exportPlan()).releases.some((r) => r.id === 'late'));
  });

  await step('right-click menu: move opens the what-if preview; Escape cancels, Enter applies', async () => {
    await rclick('release.late');
    await click('context.move');
    await click('context.move.7');
    let f = await waitFacts((x) => x.dialog === 'Move release');
    check('Move opens the what-if preview', f.dialog === 'Move release', f.dialog);
    await shot('05-move-preview');
    await key('Escape');
    f = await waitFacts((x) => x.dialog === '');
    const kept = (await exportPlan()).releases.find((r) => r.id === 'late').release_date;
    check('Escape cancels the move', f.dialog === '' && kept === late.release_date, JSON.stringify([f.dialog, kept]));
    await rclick('release.late');
    await click('context.move');
    await click('context.move.7');
    await waitFacts((x) => x.dialog === 'Move release');
    await key('Enter');
    f = await waitFacts((x) => x.dialog === '');
    const moved = (await exportPlan()).releases.find((r) => r.id === 'late').release_date;
    check('Enter applies the move', moved === plusDays(late.release_date, 7), moved);
    check('the moved release is no longer overdue', (await waitFacts((x) => x.overdue === 0)).overdue === 0);
  });

  await step('Escape and Enter in the other dialogs', async () => {
    await click('menu.file');
    await click('menu.file.compare');
    await click('menu.file.compare.link');
    let f = await waitFacts((x) => x.dialog === 'Compare with a share link');
    check('the dialog fact names the share-link dialog', f.dialog === 'Compare with a share link', f.dialog);
    await key('Escape');
    check('Escape closes it', (await waitFacts((x) => x.dialog === '')).dialog === '');
    await click('menu.file');
    await click('menu.file.compare');
    await click('menu.file.compare.link');
    await waitFacts((x) => x.dialog === 'Compare with a share link');
    await type('not a link');
    await key('Enter');
    f = await waitFacts((x) => x.message !== '');
    check('Enter confirms it (the link is read and refused)', /share link/.test(f.message) && f.dialog === f.message, JSON.stringify([f.message, f.dialog]));
    await key('Enter');
    check('Enter closes the message', (await waitFacts((x) => x.dialog === '')).dialog === '');
    await click('menu.file');
    await click('menu.file.new');
    f = await waitFacts((x) => x.dialog !== '');
    check('New with unsaved changes asks first', f.dialog === 'Discard unsaved changes?', f.dialog);
    await key('Escape');
    f = await waitFacts((x) => x.dialog === '');
    check('Escape keeps the plan', f.dialog === '' && f.project_name === 'Habits', JSON.stringify([f.dialog, f.project_name]));
  });

  await step('Ctrl+Z in a text field undoes the typing only', async () => {
    await click('release.late');
    await page.mouse.move(900, 450);
    for (let i = 0; i < 20 && !(await anchors())['editor.name']; ++i) {
      await page.mouse.wheel(0, -120);
      await frames(3);
    }
    const before = await facts();
    await click('editor.name');
    await key('End');
    await type(' draft');
    const typed = (await exportPlan()).releases.find((r) => r.id === 'late').name;
    check('the typing reaches the plan', typed === 'Late draft', typed);
    // Letters typed one by one in the page are undone one by one: as many Ctrl+Z as letters, and more.
    for (let i = 0; i < ' draft'.length + 2; ++i) await key('Control+z');
    await key('Enter');  // leaves the field keeping its text (Escape would revert it anyway)
    const after = await facts();
    const name = (await exportPlan()).releases.find((r) => r.id === 'late').name;
    check('the typing is undone', name === 'Late', name);
    check('the plan edit before it (the move) stays', after.release_date === before.release_date && after.release_date === plusDays(late.release_date, 7),
          JSON.stringify([before.release_date, after.release_date]));
  });

} catch (e) {
  aborted(e);
}
await finish();
