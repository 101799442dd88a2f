// The screens a new user meets first, photographed in the page for review and for the README: the
// Help window, Project settings and the date picker on the example plan, the notes with their rendered
// preview beside the source, and a plan in Japanese and Chinese with emoji (fallback fonts).
// Screenshots: ARTIFACT_DIR/screens/*.png, each checked to be drawn (not a blank canvas).
//   node tests/e2e/page_screens.mjs PAGE_DIR ARTIFACT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { distinctColors, openApp } from './browser.mjs';

const [pageDir, artifacts] = process.argv.slice(2);
const shots = path.join(artifacts, 'screens');
fs.mkdirSync(shots, { recursive: true });
const { check, page, run, frames, facts, exportPlan, waitFacts, waitAnchor, click, key } = await openApp(pageDir, 'screens (page)');

async function shot(name, what) {
  await frames(4);
  const png = await page.screenshot({ path: path.join(shots, name + '.png') });
  check(`${what} is drawn (${name}.png)`, distinctColors(png) > 20);
}

await run(async () => {
  await waitFacts((x) => x.releases > 0);
  const example = await exportPlan();

  await click('menu.help');
  await click('menu.help.open');
  check('Help opens with its Close button in view', !!(await waitAnchor('help.close')));
  await shot('help', 'the Help window');
  await key('Escape');

  await click('menu.project');
  await click('menu.project.settings');
  check('Project settings open', !!(await waitAnchor('project.time_zone')));
  await shot('project-settings', 'Project settings');
  await key('Escape');

  // The release with the most changes: its notes have every section.
  const rich = example.releases.reduce((a, b) => ((b.changes || []).length > (a.changes || []).length ? b : a));
  await click('release.' + rich.id);
  await click('tab.Notes');
  check('the rendered notes are beside the source', !!(await waitAnchor('notes.rendered')) && !!(await waitAnchor('notes.source')));
  await shot('notes', 'the notes with their rendered preview');

  await click('tab.Release');
  await click('editor.release_date.picker');
  check('the date picker opens', !!(await waitAnchor('datepicker.today')));
  await shot('date-picker', 'the date picker');
  await key('Escape');

  const cjk = JSON.parse(JSON.stringify(example));
  cjk.project.name = 'リリース計画 版本管理 🚀✅';
  const first = cjk.releases.find((r) => r.id === rich.id);
  first.name = '春季发布 🌸 プレビュー';
  (first.changes || [])[0].description = '請求書を一括承認 ✅ — 批量审批发票';
  check('a CJK plan loads', (await page.evaluate((t) => window.relplan.loadPlan(t), JSON.stringify(cjk))).ok);
  await click('release.' + rich.id);
  await click('tab.Notes');
  const f = await waitFacts((x) => x.fallback_fonts >= 1 && x.missing_glyphs === 0, 20000);
  check('no CJK or emoji character is missing', f.missing_glyphs === 0, `${f.missing_glyphs} missing`);
  await shot('cjk-notes', 'CJK and emoji text');
});
