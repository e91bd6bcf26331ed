// A job with 100,000 assets: the page loads it, scrolls to the last asset,
// and keeps the DOM small (the table renders only the rows in view).
//
// The test serves a temporary copy of dist/ whose demo data holds one job
// built from the real demo's assets, with names host-000001 … host-100000.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { assertNoProblems, closeBrowser, openPage, readExport, screenshot } from './lib/browser.mjs';
import { grouped, readJobs, readResults } from './lib/data.mjs';
import { DIST_DIR, startServer } from './lib/server.mjs';

const ASSETS = 100_000;
const MAX_ROWS_IN_DOM = 500;
const JOB_ID = 'job-scale';
const JOB_NAME = 'Scale check – 100,000 assets';

let server;
let root;

/** host-000001 … host-100000: six digits, so the last one sorts last by name. */
const hostName = (n) => `host-${String(n).padStart(6, '0')}`;

before(async () => {
  assert.ok(existsSync(join(DIST_DIR, 'index.html')), `no ${DIST_DIR}/index.html: run trunk build first`);
  root = await mkdtemp(join(tmpdir(), 'patchboard-scale-'));
  await cp(DIST_DIR, root, { recursive: true, filter: (source) => !source.startsWith(join(DIST_DIR, 'demo')) });

  const { generated_at: jobsGeneratedAt, jobs } = await readJobs();
  const template = jobs[0];
  const { generated_at: resultsGeneratedAt, assets: templates } = await readResults(template.id);
  assert.ok(templates.length > 0, `${template.id} has no assets to copy`);

  // Assets cycle through the real ones, so statuses, OSes and times vary as in the demo.
  const parts = [];
  for (let n = 1; n <= ASSETS; n++) {
    const asset = { ...templates[(n - 1) % templates.length], asset_id: `${JOB_ID}-a${String(n).padStart(6, '0')}`, asset_name: hostName(n) };
    parts.push(JSON.stringify(asset));
  }
  const job = { ...template, id: JOB_ID, name: JOB_NAME, asset_count: ASSETS };
  // Counts the template job carries describe its own results, not these.
  delete job.succeeded;
  delete job.failed;
  delete job.in_progress;
  delete job.completion_percent;

  const demo = join(root, 'demo');
  await mkdir(join(demo, 'jobs', JOB_ID), { recursive: true });
  await writeFile(join(demo, 'jobs.json'), JSON.stringify({ generated_at: jobsGeneratedAt, jobs: [job] }));
  await writeFile(
    join(demo, 'jobs', JOB_ID, 'results.json'),
    `{"generated_at":${JSON.stringify(resultsGeneratedAt)},"assets":[${parts.join(',')}]}`,
  );
  await writeFile(
    join(demo, 'jobs', JOB_ID, 'runs.json'),
    JSON.stringify({ generated_at: jobsGeneratedAt, runs: [{ id: `${JOB_ID}-run-1`, scheduled: template.last_run }] }),
  );
  await writeFile(join(demo, 'endpoints.json'), JSON.stringify({ generated_at: jobsGeneratedAt, endpoints: [] }));
  server = await startServer({ root });
});

after(async () => {
  await closeBrowser();
  await server?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});


/** Waits until the job's every asset is loaded and listed. */
async function allAssetsListed(page) {
  await page.waitForFunction(
    (total) => {
      const updated = document.querySelector('[data-updated]')?.textContent ?? '';
      const count = document.querySelector('[data-row-count]')?.textContent ?? '';
      return updated.startsWith('Updated') && count === `${total} of ${total} assets`;
    },
    grouped(ASSETS),
    { timeout: 90_000, polling: 250 },
  );
  await page.waitForSelector('tr.pb-row');
}

function rowsInDom(page) {
  return page.evaluate(() => document.querySelectorAll('tr.pb-row').length);
}

/**
 * The rows in the DOM, in document order, as [position, aria-rowindex, first
 * cell]: as the table scrolls it keeps the rows that stay drawn and adds
 * those that enter, and all must stay in display order and show the asset
 * of their position.
 */
function drawnRows(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('tr.pb-row')].map((row) => [
      Number(row.dataset.position),
      Number(row.getAttribute('aria-rowindex')),
      row.querySelector('td')?.textContent.trim(),
    ]),
  );
}

function assertDrawnInOrder(rows, label) {
  assert.ok(rows.length > 0, `${label}: rows are drawn`);
  rows.forEach(([position, rowIndex, name], offset) => {
    const expected = rows[0][0] + offset;
    assert.deepEqual([position, rowIndex, name], [expected, expected + 2, hostName(expected + 1)], `${label}: row ${offset}`);
  });
}

test('a 100,000-asset job scrolls to its last asset with a small DOM', { timeout: 120_000 }, async () => {
  const session = await openPage(`${server.url}#/jobs/${JOB_ID}?sort=asset`);
  const { page } = session;
  try {
    await allAssetsListed(page);
    // Six-digit counts are shown with their thousands grouped.
    assert.equal((await page.locator('[data-counter="total"] .pb-counter-value').textContent()).trim(), '100,000');
    // On one line and inside its card at common widths: a figure split
    // "100,00" / "0" reads as another number.
    for (const width of [1024, 1280, 1366, 1536, 1920, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      const fit = await page.locator('[data-counter="total"] .pb-counter-value').evaluate((value) => {
        const range = document.createRange();
        range.selectNodeContents(value);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
        const card = value.closest('.pb-counter').getBoundingClientRect();
        return { lines, inside: range.getBoundingClientRect().right <= card.right - 1 };
      });
      assert.deepEqual(fit, { lines: 1, inside: true }, `the figure at ${width} px`);
    }

    // Top: the first asset by name, and only a window of rows.
    await page.waitForFunction(
      (first) => document.querySelector('tr.pb-row[data-position="0"] td')?.textContent.trim() === first,
      hostName(1),
      { timeout: 10_000 },
    );
    const atTop = await rowsInDom(page);
    assert.ok(atTop > 0 && atTop <= MAX_ROWS_IN_DOM, `${atTop} rows in the DOM at the top (at most ${MAX_ROWS_IN_DOM})`);
    await screenshot(page, 'scale-top');

    // A few rows at a time, down and back up: the rows that enter the window
    // take their places among the rows that stay.
    for (const rows of [10, 3, 5, 12, 40, -7, -20]) {
      const before = await page.evaluate(() => document.querySelector('tr.pb-row').dataset.position);
      await page.evaluate((rows) => {
        const scroller = document.querySelector('.pb-table-scroll');
        scroller.scrollTop += rows * document.querySelector('tr.pb-row').getBoundingClientRect().height;
      }, rows);
      await page.waitForFunction((before) => document.querySelector('tr.pb-row').dataset.position !== before, before);
      assertDrawnInOrder(await drawnRows(page), `after scrolling ${rows} rows`);
    }

    // Bottom: scroll the table to its end; the last asset shows.
    await page.evaluate(() => {
      const scroller = document.querySelector('.pb-table-scroll');
      scroller.scrollTop = scroller.scrollHeight;
    });
    const last = hostName(ASSETS);
    await page.waitForFunction(
      (last) => [...document.querySelectorAll('tr.pb-row td:first-child')].some((cell) => cell.textContent.trim() === last),
      last,
      { timeout: 10_000 },
    );
    // The window settles after the scroll: the last row comes to rest inside the frame.
    await page
      .waitForFunction((last) => {
        const row = [...document.querySelectorAll('tr.pb-row')].find((r) => r.querySelector('td')?.textContent.trim() === last);
        const [box, view] = [row?.getBoundingClientRect(), document.querySelector('.pb-table-scroll').getBoundingClientRect()];
        return box && box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
      }, last, { timeout: 5_000 })
      .catch(() => {}); // the assertions below say what is wrong
    const visible = await page.evaluate((last) => {
      const scroller = document.querySelector('.pb-table-scroll');
      const row = [...document.querySelectorAll('tr.pb-row')].find((r) => r.querySelector('td')?.textContent.trim() === last);
      if (!row) return { found: false };
      const box = row.getBoundingClientRect();
      const view = scroller.getBoundingClientRect();
      return {
        found: true,
        position: Number(row.dataset.position),
        inView: box.top >= view.top - 1 && box.bottom <= view.bottom + 1 && box.height > 0,
        box: { top: box.top, bottom: box.bottom },
        view: { top: view.top, bottom: view.bottom },
      };
    }, last);
    assert.ok(visible.found, `${last} is rendered after scrolling to the bottom`);
    assert.equal(visible.position, ASSETS - 1, `${last} is the last row by display order`);
    assert.ok(visible.inView, `${last} is inside the table's visible area: ${JSON.stringify(visible)}`);
    assertDrawnInOrder(await drawnRows(page), 'at the bottom');
    const atBottom = await rowsInDom(page);
    assert.ok(atBottom > 0 && atBottom <= MAX_ROWS_IN_DOM, `${atBottom} rows in the DOM at the bottom (at most ${MAX_ROWS_IN_DOM})`);
    await screenshot(page, 'scale-bottom');
    assertNoProblems(session);
  } finally {
    await session.close();
  }
});

test('exporting 100,000 assets writes each once in the table\'s order, a part at a time, and a second press starts no second file', { timeout: 120_000 }, async () => {
  const session = await openPage(`${server.url}#/jobs/${JOB_ID}?sort=-asset`);
  const { page } = session;
  try {
    await allAssetsListed(page);
    const downloads = [];
    page.on('download', (download) => downloads.push(download));
    // Counts the page's other tasks, and notes each change of the button
    // with the count at that moment.
    await page.evaluate(() => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Export CSV');
      const log = { tasks: 0, states: [] };
      window.exportLog = log;
      log.timer = setInterval(() => { log.tasks += 1; }, 0);
      const note = () => {
        const state = [button.textContent.trim(), button.getAttribute('aria-disabled')];
        if (state.join() !== log.states.at(-1)?.slice(0, 2).join()) log.states.push([...state, log.tasks]);
      };
      new MutationObserver(note).observe(button, { subtree: true, characterData: true, childList: true, attributes: true });
      button.focus();
      button.click();
      button.click();
    });
    await page.waitForFunction(() => window.exportLog.states.at(-1)?.[0] === 'Export CSV', null, { timeout: 60_000 });
    const log = await page.evaluate(() => {
      clearInterval(window.exportLog.timer);
      return window.exportLog;
    });
    const [busy, done] = log.states;
    assert.deepEqual(log.states.map(([label, disabled]) => [label, disabled]), [['Exporting CSV…', 'true'], ['Export CSV', null]], 'busy while written, then ready again');
    assert.ok(done[2] - busy[2] > 10, `the page ran other tasks while the file was written (${done[2] - busy[2]})`);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), 'Export CSV', 'the focus stays on the button');

    await page.waitForTimeout(1_000); // a second file, had the second press started one
    assert.equal(downloads.length, 1, 'one file for two presses');
    const [header, ...records] = await readExport(downloads[0], 'scale-check-100-000-assets-assets');
    assert.equal(records.length, ASSETS);
    const asset = header.indexOf('Asset');
    const outOfPlace = records.findIndex((record, at) => record[asset] !== hostName(ASSETS - at));
    assert.equal(outOfPlace, -1, `every asset once, by name descending as listed (first out of place: ${outOfPlace})`);
    assertNoProblems(session);
  } finally {
    await session.close();
  }
});
