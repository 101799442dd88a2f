// make bench, calendar and timeline workloads at 10,000 releases, on the plan of plan.mjs:
//   - relplan-desktop under Xvfb: `--bench-frames 300` time per frame (ImGui NewFrame..Render, the GL
//     draw not included) on the calendar and timeline tabs, p50 and p99;
//   - FullCalendar 6 (core + daygrid + list, their browser global builds, no bundler) in headless
//     Chromium with the same 10,000 releases as all-day events: JSON.parse(events) + `new Calendar(el,
//     {events})` + render() until layout is done (a forced synchronous layout), then next() (the next
//     month / year) until layout is done; dayGridMonth (the month grid) and listYear (the nearest
//     timeline-like view without a premium licence); medians of the runs;
//   - the page (build/web/page) in the same Chromium, month view showing: window.relplan.loadPlan(the
//     plan without its changes, then the whole plan) plus the next frame's callback; then the time each
//     requestAnimationFrame callback (one App::frame() and its WebGL calls) takes over 120 frames on
//     the calendar and timeline tabs, and the interval between frames (software WebGL).
// Screenshots of what was measured: build/bench/{page-calendar,page-timeline,fullcalendar-month}.png.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bigPlan, writeInput } from './gen_plan.mjs';

const viewport = { width: 1440, height: 900 };
// Both sides show this month: the app opens on today's month; the generated plan spans 2020 to 2030.
const shownDate = new Date().toISOString().slice(0, 10);
// Tabs are found through window.relplan.testHooks (anchors "tab.Calendar"/"tab.Timeline", fact "tab")
// when the page has them, else at their positions at 1440x900, device pixel ratio 1. Dear ImGui 1.86
// reads the button state once per frame, so a press must last a few frames.
const tabFallback = { calendar: { x: 506, y: 41 }, timeline: { x: 580, y: 41 } };
async function clickTab(page, tab) {
  const hooks = await page.evaluate(() => !!(window.relplan.testHooks && window.relplan.testHooks.anchors));
  let at = tabFallback[tab];
  if (hooks) {
    const name = `tab.${tab[0].toUpperCase()}${tab.slice(1)}`;
    const a = (await page.evaluate(() => window.relplan.testHooks.anchors()))[name];
    if (!a) throw new Error(`the page shows no widget anchored ${name}`);
    at = { x: a.x + a.w / 2, y: a.y + a.h / 2 };
  }
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  await page.waitForTimeout(300);
  await page.mouse.up();
  await page.mouse.move(viewport.width - 100, viewport.height - 6);  // over the status bar: no hover tooltips
  await page.waitForTimeout(500);
  if (hooks) {
    const shown = (await page.evaluate(() => window.relplan.testHooks.facts())).tab;
    if (shown !== tab) throw new Error(`clicking the ${tab} tab left the page on ${shown}`);
  }
}

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };

function desktopFrames(build, planFile, tab) {
  const exe = path.join(build, 'native/relplan-desktop');
  const r = spawnSync('xvfb-run', ['-a', '-s', `-screen 0 ${viewport.width}x${viewport.height}x24`, exe, '--plan', planFile,
    '--bench-frames', '300', '--tab', tab, '--size', `${viewport.width}x${viewport.height}`], { encoding: 'utf8' });
  const m = /p50 ([\d.]+)\s+p90 ([\d.]+)\s+p99 ([\d.]+)\s+max ([\d.]+)/.exec(r.stdout || '');
  if (r.status !== 0 || !m) throw new Error(`relplan-desktop --tab ${tab} --bench-frames failed: ${r.stderr}${r.stdout}`);
  return { p50: Number(m[1]), p90: Number(m[2]), p99: Number(m[3]), max: Number(m[4]) };
}

// A page that loads FullCalendar's global builds and the events; the measuring runs from page.evaluate.
function fullCalendarDir(build, benchDir, planFile) {
  const dir = path.join(benchDir, 'fullcalendar');
  fs.mkdirSync(dir, { recursive: true });
  const fc = path.join(build, 'npm/node_modules/@fullcalendar');
  for (const p of ['core', 'daygrid', 'list']) fs.copyFileSync(path.join(fc, p, 'index.global.min.js'), path.join(dir, `${p}.js`));
  const plan = JSON.parse(fs.readFileSync(planFile, 'utf8'));
  const names = Object.fromEntries(plan.components.map((c) => [c.id, c.name]));
  const events = plan.releases.map((r) => ({ id: r.id, title: `${names[r.components[0]]} ${r.version}`, start: r.release_date, allDay: true }));
  fs.writeFileSync(path.join(dir, 'events.json'), JSON.stringify(events));
  fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html>
<html><head><meta charset="utf-8"><title>FullCalendar, 10,000 events</title>
<script src="core.js"></script><script src="daygrid.js"></script><script src="list.js"></script>
<style>html, body { margin: 0; height: 100%; font: 14px system-ui, sans-serif; } #cal { height: 100vh; }</style>
</head><body><div id="cal"></div></body></html>
`);
  return { dir, count: events.length, version: JSON.parse(fs.readFileSync(path.join(fc, 'core/package.json'), 'utf8')).version };
}

async function fullCalendarRender(page, view) {
  return page.evaluate(async ({ view, date }) => {
    const text = window.benchEventsText || (window.benchEventsText = await (await fetch('events.json')).text());
    const el = document.getElementById('cal');
    const t0 = performance.now();
    const events = window.benchEvents = JSON.parse(text);  // relplan's side starts from text too
    const cal = new FullCalendar.Calendar(el, { initialView: view, initialDate: date, events, dayMaxEvents: true, height: '100%' });
    cal.render();
    void el.getBoundingClientRect().height, document.body.offsetHeight;  // layout done, synchronously
    const render = performance.now() - t0;
    const shown = el.querySelectorAll('.fc-event').length;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const title = () => el.querySelector('.fc-toolbar-title').textContent;
    const before = title();
    const t1 = performance.now();
    cal.next();
    void document.body.offsetHeight;
    const next = performance.now() - t1;
    // next() must have rendered synchronously, or the figure would leave out work done later.
    if (title() === before) throw new Error(`FullCalendar ${view}: next() did not render synchronously`);
    cal.destroy();
    return { render, next, shown };
  }, { view, date: shownDate });
}

export async function calendarWorkloads({ build, benchDir, runs, median, row, note, startPage }) {
  const planFile = writeInput(benchDir, 'big.plan.json', bigPlan);

  // FullCalendar and the page, in one Chromium.
  const fc = fullCalendarDir(build, benchDir, planFile);
  const fcResults = {};
  {
    const { context, url, close } = await startPage(fc.dir);
    try {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      await page.goto(url);
      for (const view of ['dayGridMonth', 'listYear']) {
        await fullCalendarRender(page, view);  // untimed: parses the scripts' lazy parts, warms the JIT
        const rs = [];
        for (let i = 0; i < runs; ++i) rs.push(await fullCalendarRender(page, view));
        fcResults[view] = { render: median(rs.map((r) => r.render)), next: median(rs.map((r) => r.next)), shown: rs[0].shown };
      }
      // What was measured, for a person to look at: build/bench/fullcalendar-month.png.
      await page.evaluate((date) => new FullCalendar.Calendar(document.getElementById('cal'),
        { initialView: 'dayGridMonth', initialDate: date, events: window.benchEvents, dayMaxEvents: true, height: '100%' }).render(), shownDate);
      await page.screenshot({ path: path.join(benchDir, 'fullcalendar-month.png') });
    } finally {
      await close();
    }
  }
  note(`FullCalendar ${fc.version}: ${fc.count} events; dayGridMonth shows ${fcResults.dayGridMonth.shown} event elements ` +
       `(dayMaxEvents: true, "+N more" like relplan's month grid), listYear ${fcResults.listYear.shown}`);

  // 100,000 releases (gen_scale.py, the plan of the scaling table): opening it in the page, and the
  // timeline frame in the page and the desktop app side by side.
  const hugeFile = path.join(benchDir, 'scale-100k.plan.json');
  if (!fs.existsSync(hugeFile)) {
    const g = spawnSync('python3', [path.join(path.dirname(new URL(import.meta.url).pathname), 'gen_scale.py'), 'plan', '100000', hugeFile]);
    if (g.status !== 0) throw new Error(`gen_scale.py failed: ${g.stderr}`);
  }

  // The desktop app.
  const desktop = {};
  const haveDesktop = fs.existsSync(path.join(build, 'native/relplan-desktop')) &&
    spawnSync('sh', ['-c', 'command -v xvfb-run']).status === 0;
  if (haveDesktop) {
    for (const tab of ['calendar', 'timeline']) desktop[tab] = desktopFrames(build, planFile, tab);
    desktop.timeline100k = desktopFrames(build, hugeFile, 'timeline');
  } else {
    note('relplan-desktop or xvfb-run is missing: no desktop frame times');
  }

  // The page.
  const pageResults = {};
  const pageDir = path.join(build, 'web/page');
  if (fs.existsSync(path.join(pageDir, 'relplan.wasm'))) {
    const { context, url, close } = await startPage(pageDir);
    try {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      // Times every requestAnimationFrame callback: the page draws one App::frame() per callback.
      await page.addInitScript(() => {
        const raf = window.requestAnimationFrame.bind(window);
        const b = window.benchFrames = { cpu: [], at: [], on: false, onNext: null };
        window.requestAnimationFrame = (cb) => raf((ts) => {
          const t0 = performance.now();
          cb(ts);
          const ms = performance.now() - t0;
          if (b.on) { b.cpu.push(ms); b.at.push(t0); }
          if (b.onNext) { const f = b.onNext; b.onNext = null; f(ms); }
        });
      });
      await page.goto(url);
      await page.waitForFunction(() => window.relplan && window.relplan.ready, null, { timeout: 60000 });
      await page.evaluate(() => window.relplan.ready);
      // Opening a plan is measured with the month view showing, so its first frame is the month grid:
      // the 10,000 releases alone (what FullCalendar gets), then the whole plan with 100,000 changes.
      await clickTab(page, 'calendar');
      const full = fs.readFileSync(planFile, 'utf8');
      const plan = JSON.parse(full);
      for (const r of plan.releases) delete r.changes;
      const openTimes = async (text) => {
        const times = [];
        for (let i = 0; i < Math.min(runs, 3); ++i) {
          // loadPlan plus the next frame's callback, without the wait for that frame (FullCalendar's
          // figure has no frame wait either).
          times.push(await page.evaluate(async (t) => {
            const t0 = performance.now();
            const r = window.relplan.loadPlan(t);
            const load = performance.now() - t0;
            if (!r.ok) throw new Error('loadPlan failed: ' + r.errors.slice(0, 3).join('; '));
            return load + await new Promise((res) => { window.benchFrames.onNext = res; });
          }, text));
        }
        return median(times);
      };
      pageResults.openReleases = await openTimes(JSON.stringify(plan));
      pageResults.openFull = await openTimes(full);
      const frames = async (key, shot) => {
        const f = await page.evaluate(async () => {
          const b = window.benchFrames;
          b.cpu.length = 0; b.at.length = 0; b.on = true;
          await new Promise((res) => { const tick = () => (b.cpu.length >= 120 ? res() : setTimeout(tick, 50)); tick(); });
          b.on = false;
          return { cpu: b.cpu.slice(), at: b.at.slice() };
        });
        await page.screenshot({ path: path.join(benchDir, shot) });  // shows what was measured
        const gaps = f.at.slice(1).map((t, i) => t - f.at[i]);
        pageResults[key] = { p50: pct(f.cpu, 0.5), p99: pct(f.cpu, 0.99), gap50: pct(gaps, 0.5), gap99: pct(gaps, 0.99) };
      };
      for (const tab of ['calendar', 'timeline']) {
        await clickTab(page, tab);
        await frames(tab, `page-${tab}.png`);
      }
      pageResults.open100k = await openTimes(fs.readFileSync(hugeFile, 'utf8'));
      await frames('timeline100k', 'page-timeline-100k.png');
    } finally {
      await close();
    }
  } else {
    note('build/web/page is missing: no page figures');
  }

  const page = (tab, k) => pageResults[tab]?.[k] ?? null;
  row('open 10k releases + first month frame (page)', pageResults.openReleases ?? null, 'FullCalendar month render', fcResults.dayGridMonth.render);
  row('the same with 100k changes (page)', pageResults.openFull ?? null, '', null);
  row('month view redraw, 10k releases (page, p50)', page('calendar', 'p50'), 'FullCalendar month next()', fcResults.dayGridMonth.next);
  row('timeline redraw, 10k releases (page, p50)', page('timeline', 'p50'), 'FullCalendar listYear next()', fcResults.listYear.next);
  row('month view redraw (page, p99)', page('calendar', 'p99'), '', null);
  row('timeline redraw (page, p99)', page('timeline', 'p99'), '', null);
  row('desktop month view frame CPU p50 (target < 4)', desktop.calendar?.p50 ?? null, '', null);
  row('desktop month view frame CPU p99', desktop.calendar?.p99 ?? null, '', null);
  row('desktop timeline frame CPU p50 (target < 4)', desktop.timeline?.p50 ?? null, '', null);
  row('desktop timeline frame CPU p99', desktop.timeline?.p99 ?? null, '', null);
  row('open 100k releases + first timeline frame (page)', pageResults.open100k ?? null, '', null);
  row('timeline frame, 100k releases (page, p50; target <= 8)', page('timeline100k', 'p50'), '', null);
  row('timeline frame, 100k releases (page, p99)', page('timeline100k', 'p99'), '', null);
  row('desktop timeline frame CPU, 100k releases (p50; target <= 8)', desktop.timeline100k?.p50 ?? null, '', null);
  row('desktop timeline frame CPU, 100k releases (p99)', desktop.timeline100k?.p99 ?? null, '', null);
  note(`FullCalendar listYear: new Calendar + render ${fcResults.listYear.render.toFixed(1)} ms`);
  for (const tab of ['calendar', 'timeline']) {
    if (pageResults[tab]) {
      note(`page ${tab} tab: interval between frames p50 ${pageResults[tab].gap50.toFixed(1)} ms, p99 ` +
           `${pageResults[tab].gap99.toFixed(1)} ms (headless Chromium, software WebGL)`);
    }
  }
  for (const tab of ['calendar', 'timeline']) {
    if (desktop[tab]) note(`desktop ${tab} tab, 300 frames: CPU ms p50 ${desktop[tab].p50} p90 ${desktop[tab].p90} p99 ${desktop[tab].p99} max ${desktop[tab].max} (target < 4 ms)`);
  }
}
