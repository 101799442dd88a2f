// Consumers and support windows in the page: the impact panel in the release editor and the impact
// column in the release list follow the plan's consumers (a real package.json dropped on the page
// adds one), and the timeline's support chart shows the release lines and, once an endoflife.date
// file is imported through File > Import, the dependency's cycles.
// Screenshots: ARTIFACT_DIR/page-impact.png, ARTIFACT_DIR/page-support.png.
//   node tests/e2e/page_lifecycle.mjs PAGE_DIR ARTIFACT_DIR DATA_DIR
import fs from 'node:fs';
import path from 'node:path';
import { openApp } from './browser.mjs';

const [pageDir, artifacts, dataDir] = process.argv.slice(2);
fs.mkdirSync(artifacts, { recursive: true });
const { check, aborted, finish, start, page, frames, facts, anchors, waitFacts, waitAnchor, scrollTo, click } = await openApp(pageDir, 'page lifecycle tests');

try {
  await start();
  const plan = fs.readFileSync(path.join(dataDir, 'debug.plan.json'), 'utf8');
  check('the plan with consumers and a support policy loads', (await page.evaluate((t) => window.relplan.loadPlan(t), plan)).ok);
  let f = await waitFacts((x) => x.consumers === 1);
  check('its consumer and its three release lines are known', f.consumers === 1 && f.support_lines === 3, JSON.stringify(f));

  // The impact column and panel for a breaking release.
  check('the release list shows who must act on 5.0.0', !!(await waitAnchor('release.v5.0.0.impact')));
  await click('release.v5.0.0');
  f = await waitFacts((x) => x.selected_release === 'v5.0.0');
  check('5.0.0 cuts off mocha (^4.3.5)', f.impact === '1 must act', f.impact);
  check('the impact panel lists mocha', !!(await scrollTo('editor.impact.mocha')));
  await frames(3);
  await page.screenshot({ path: path.join(artifacts, 'page-impact.png') });

  // A consumer's real package.json dropped on the page: eslint 8.57.0 declares debug ^4.3.2.
  const eslint = fs.readFileSync(path.join(dataDir, 'eslint-8.57.0.package.json'));
  const drop = await page.evaluateHandle((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], 'package.json', { type: 'application/json' }));
    return dt;
  }, [...eslint]);
  await page.dispatchEvent('#canvas', 'drop', { dataTransfer: drop });
  f = await waitFacts((x) => x.consumers === 2);
  check('dropping eslint\'s package.json adds it as a consumer', f.consumers === 2 && f.message === '', JSON.stringify([f.consumers, f.message]));
  check('5.0.0 now cuts off two consumers', f.impact === '2 must act', f.impact);
  check('the panel lists eslint', !!(await scrollTo('editor.impact.eslint')));
  await click('release.v4.4.0');
  f = await waitFacts((x) => x.selected_release === 'v4.4.0');
  check('both receive 4.4.0 automatically', f.impact === '2 receive', f.impact);

  // The support chart, then a dependency's cycles from an endoflife.date file.
  await click('tab.Timeline');
  check('the timeline shows the support chart with line 4.x', !!(await waitAnchor('timeline.support.4.x')));
  check('and lines 5.x and 2.x', !!(await waitAnchor('timeline.support.5.x')) && !!(await waitAnchor('timeline.support.2.x')));
  await click('menu.file');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 10000 }), click('menu.file.import_dependency_support')]);
  await chooser.setFiles({ name: 'nodejs.json', mimeType: 'application/json', buffer: fs.readFileSync(path.join(dataDir, 'nodejs.eol.json')) });
  f = await waitFacts((x) => x.dependencies > 0);
  check('importing nodejs.json adds Node.js\'s cycles', f.dependencies === 3, String(f.dependencies));
  check('the chart shows nodejs 20', !!(await waitAnchor('timeline.support.nodejs 20')));
  await frames(4);
  await page.screenshot({ path: path.join(artifacts, 'page-support.png') });

  const saved = JSON.parse(await page.evaluate(() => window.relplan.exportPlan()));
  check('the saved plan holds the imported consumer and cycles',
        saved.consumers.some((c) => c.name === 'eslint' && c.range === '^4.3.2') &&
        saved.dependencies.filter((d) => d.product === 'nodejs').length === 3,
        JSON.stringify([saved.consumers, (saved.dependencies || []).length]));
} catch (e) {
  aborted(e);
}
await finish();
