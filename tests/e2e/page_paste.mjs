// Pasting `git log -z --format=%B A..B` output into the release editor's "Paste git log" dialog in
// the page with Ctrl+V from the system clipboard: the paste event's text reaches the app with its
// length, so every NUL-separated commit arrives (shown as "␀" lines in the field) and Import adds
// one change per commit.
// Screenshot: ARTIFACT_DIR/paste/page-git-log.png.
//   node tests/e2e/page_paste.mjs PAGE_DIR ARTIFACT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { openApp } from './browser.mjs';

const [pageDir, artifacts] = process.argv.slice(2);
const shots = path.join(artifacts, 'paste');
fs.mkdirSync(shots, { recursive: true });
const { check, page, run, context, frames, facts, exportPlan, waitFacts, waitAnchor, click, key } = await openApp(pageDir, 'paste (page)');

const plan = {
  format: { name: 'relplan', version: 1 },
  project: { name: 'Paste' },
  components: [{ id: 'api' }],
  releases: [{ id: 'next', version: '1.1.0', type: 'minor', status: 'planning', components: ['api'], release_date: '2031-03-17' }],
};
// Three commits as `git log -z --format=%B` prints them: the first with a body and a footer.
const log = 'feat(api): add bulk export\n\nLarge accounts export in one request.\n\nCloses #12\n\0' +
            'fix: keep empty plans valid\n\0' + 'docs: explain CalVer schemes\n';

// The system clipboard, as `git log -z ... | xclip -selection clipboard` leaves it; Ctrl+V in the page
// then fires the browser's own paste event with it.
async function copyToClipboard(text) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  return page.evaluate(async (t) => {
    await navigator.clipboard.writeText(t);
    return (await navigator.clipboard.readText()).length;
  }, text);
}

await run(async () => {
  check('the plan loads', (await page.evaluate((t) => window.relplan.loadPlan(t), JSON.stringify(plan))).ok);
  await waitFacts((x) => x.project_name === 'Paste');
  await click('release.next');
  await click('tab.Release');
  const button = await waitAnchor('editor.paste_git_log');
  check('the editor offers Paste git log', !!button);
  await click('editor.paste_git_log');
  let f = await waitFacts((x) => x.dialog === 'Paste git log');
  check('the dialog opens', f.dialog === 'Paste git log', f.dialog);
  check('the clipboard holds the log with its NULs', (await copyToClipboard(log)) === log.length);
  await click('git_log.text');
  // Held across two frames, as a person's key press spans frames: however slow a software-rendered
  // frame is, it advances ImGui's clock a tenth of a second at most, so the key does not repeat.
  await page.keyboard.down('Control');
  await page.keyboard.down('v');
  await frames(2);
  await page.keyboard.up('v');
  await page.keyboard.up('Control');
  await frames(4);
  await page.screenshot({ path: path.join(shots, 'page-git-log.png') });
  await click('git_log.import');
  // Before the clipboard carried its length, everything after the first NUL was lost: one change.
  // Before the frame clock was limited, a slow frame made Ctrl+V paste two or three times.
  f = await waitFacts((x) => x.dialog === '' && x.changes >= 3);
  check('Import adds one change for each commit (3)', f.changes === 3 && f.dialog === '', JSON.stringify([f.changes, f.dialog]));
  const changes = (await exportPlan()).releases[0].changes || [];
  const text = JSON.stringify(changes);
  check('every commit arrived, the first with its body and footer',
        /add bulk export/.test(text) && /keep empty plans valid/.test(text) && /explain CalVer schemes/.test(text) &&
        !/\u2400/.test(text), text);
  await key('Control+z');
  f = await waitFacts((x) => x.changes === 0);
  check('Ctrl+Z takes the whole import back', f.changes === 0, String(f.changes));
});
