// The job list and the Job Progress page against the bundled demo data: what
// an operator sees (counters, chart, filters, sort, export, messages, anomaly
// markers, the detail panel) must equal what the data files say.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertNoProblems, closeBrowser, exportedCsv, openPage, queryOf, screenshot, showAllChartEntries } from './lib/browser.mjs';
import {
  grouped,
  isAnomalous,
  millis,
  naturalCompare,
  parseCsv,
  phaseOf,
  readEndpoints,
  readJobs,
  readResults,
  resolveStatus,
  statusCatalogue,
  statusDescriptions,
  statusTokenOf,
} from './lib/data.mjs';
import { startBuiltApp } from './lib/server.mjs';

const LOAD_TIMEOUT = 30_000;

let server;
let jobs; // demo/jobs.json's jobs
const resultsCache = new Map();

async function results(jobId) {
  if (!resultsCache.has(jobId)) resultsCache.set(jobId, (await readResults(jobId)).assets);
  return resultsCache.get(jobId);
}

before(async () => {
  server = await startBuiltApp();
  jobs = (await readJobs()).jobs;
  assert.ok(jobs.length > 0, 'the demo has no jobs');
});

after(async () => {
  await closeBrowser();
  await server?.stop();
});

// ---------------------------------------------------------------------------
// Page helpers

/** Opens `hash` (e.g. '#/jobs/x?status=2036-0') and returns the session. */
function open(hash, options) {
  return openPage(`${server.url}${hash}`, options);
}



/** Runs `body` with a fresh page, then checks the page reported no problems. */
async function withPage(hash, options, body) {
  const session = await open(hash, options);
  try {
    await body(session);
    assertNoProblems(session);
  } finally {
    await session.close();
  }
}

/** Waits until the page's data has fully loaded and `count` rows are known. */
async function waitForLoaded(page, { total, noun = 'assets' }) {
  await page.waitForFunction(
    ([total, noun]) => {
      const updated = document.querySelector('[data-updated]')?.textContent ?? '';
      const count = document.querySelector('[data-row-count]')?.textContent ?? '';
      return updated.startsWith('Updated') && count.endsWith(` of ${total} ${noun}`);
    },
    [grouped(total), noun],
    { timeout: LOAD_TIMEOUT },
  );
}

/** Waits until the job page shows `total` assets and at least one row (or an empty table). */
async function openJob(page, jobId) {
  const assets = await results(jobId);
  await waitForLoaded(page, { total: assets.length });
  await page.waitForSelector('tr.pb-row, .pb-table-empty', { timeout: LOAD_TIMEOUT });
  return assets;
}

/** The rendered table rows in display order: data index, position, cell texts, anomaly marker. */
function renderedRows(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('tr.pb-row')]
      .map((row) => ({
        index: Number(row.dataset.index),
        position: Number(row.dataset.position),
        cells: [...row.querySelectorAll('td')].map((cell) => cell.textContent.replace(/\s+/g, ' ').trim()),
        anomaly: row.querySelector('[data-anomaly]') !== null,
      }))
      .sort((a, b) => a.position - b.position),
  );
}

/** "N of M assets" → {shown: N, total: M}. */
async function rowCount(page) {
  const text = (await page.locator('[data-row-count]').textContent()).trim();
  const match = /^([\d,]+) of ([\d,]+) /.exec(text);
  assert.ok(match, `unexpected row count text: ${text}`);
  const number = (digits) => Number(digits.replaceAll(',', ''));
  return { shown: number(match[1]), total: number(match[2]) };
}

/** Waits for the row count to read `shown`, then returns the rendered rows. */
async function rowsAfterFilter(page, shown) {
  await page
    .waitForFunction((shown) => document.querySelector('[data-row-count]')?.textContent.startsWith(`${shown} of `), grouped(shown), {
      timeout: 10_000,
    })
    .catch(() => {}); // the assertion below reports the difference
  assert.equal((await rowCount(page)).shown, shown, 'the row count after filtering');
  if (shown > 0) await page.waitForSelector('tr.pb-row');
  return renderedRows(page);
}

function counterValue(page, id) {
  return page.locator(`[data-counter="${id}"] .pb-counter-value`).textContent();
}

/**
 * A number (not negative) with one decimal as the app writes it
 * (`domain::decimal::fixed`): its tenths rounded, ties up, not to even as
 * Rust's `{:.1}` would.
 */
function oneDecimal(value) {
  return (Math.round(value * 10) / 10).toFixed(1);
}

/** "80.3%" as the counters show part/whole (the app computes part * 100 / whole in f64). */
function percent(part, whole) {
  return whole === 0 ? '—' : `${oneDecimal((part * 100) / whole)}%`;
}

function count(items, predicate) {
  return items.filter(predicate).length;
}

/** The job with the most distinct statuses: the richest page to test. */
async function richestJob() {
  let best = null;
  for (const job of jobs) {
    const assets = await results(job.id);
    const distinct = new Set(assets.map(statusTokenOf)).size;
    if (!best || distinct > best.distinct) best = { job, distinct };
  }
  return best.job;
}

const FINAL_PHASES = ['succeeded', 'failed', 'canceled', 'skipped', 'not-applicable'];
const STUCK_AFTER_MS = 4 * 60 * 60 * 1000;
// The page judges at the minute and the test takes some seconds: an asset
// this close to the threshold may go either way.
const STUCK_MARGIN_MS = 2 * 60 * 1000;

/**
 * A job's unfinished assets by how long before generated_at they last
 * changed (the demo's times are moved to the load, keeping these intervals):
 * `stuck` surely past the threshold, `borderline` within the margin of it.
 */
async function stuckAssets(jobId) {
  const { generated_at: generatedAt, assets } = await readResults(jobId);
  const unfinished = assets.filter((asset) => asset.status_time != null && !FINAL_PHASES.includes(phaseOf(asset)));
  const age = (asset) => millis(generatedAt) - millis(asset.status_time);
  return {
    unfinished,
    stuck: unfinished.filter((asset) => age(asset) > STUCK_AFTER_MS + STUCK_MARGIN_MS),
    borderline: unfinished.filter((asset) => Math.abs(age(asset) - STUCK_AFTER_MS) <= STUCK_MARGIN_MS),
  };
}

/** The stem of a job's asset export: its name in lower-case words joined by dashes. */
function assetsCsvStem(job) {
  return `${job.name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '')}-assets`;
}

/** The status cell text the table shows for a catalogue entry. */
function statusCellText(entry) {
  return `${entry.name} · ${entry.code}`;
}

// ---------------------------------------------------------------------------

describe('job list', () => {
  test('shows every job in demo/jobs.json, with its figures', async () => {
    await withPage('#/jobs', {}, async ({ page }) => {
      await page.waitForFunction((n) => document.querySelectorAll('tr.pb-row').length >= n, jobs.length, {
        timeout: LOAD_TIMEOUT,
      });
      const rows = await renderedRows(page);
      assert.equal(rows.length, jobs.length, 'one row per job');
      const cutSchedules = await page.$$eval('tr.pb-row td:nth-child(4) .pb-truncate', (cells) =>
        cells.filter((cell) => cell.scrollWidth > cell.clientWidth).map((cell) => cell.textContent),
      );
      assert.deepEqual(cutSchedules, [], 'every schedule and last run is shown whole');
      const shown = new Map(rows.map((row) => [row.cells[0], row]));
      for (const job of jobs) {
        const row = shown.get(job.name);
        assert.ok(row, `job "${job.name}" is listed`);
        await page.getByRole('link', { name: job.name, exact: true }).waitFor();
        // The list shows the job's own figures; where the demo gives them,
        // they must agree with the job's results file.
        const assets = await results(job.id);
        const phases = assets.map(phaseOf);
        const inPhases = (...wanted) => count(phases, (phase) => wanted.includes(phase));
        const figures = [
          [4, 'asset_count', assets.length],
          [6, 'succeeded', inPhases('succeeded')],
          [7, 'failed', inPhases('failed')],
          [8, 'in_progress', inPhases('running', 'waiting', 'queued')],
        ];
        for (const [cell, field, fromResults] of figures) {
          const shown = row.cells[cell];
          if (job[field] == null) {
            assert.equal(shown, '—', `${field} of "${job.name}" is not given, so the list shows a dash`);
          } else {
            assert.equal(shown, String(job[field]), `${field} of "${job.name}" as jobs.json gives it`);
            assert.equal(job[field], fromResults, `jobs.json's ${field} of ${job.id} agrees with its results.json`);
          }
        }
      }
    });
  });

  test("each job's small bar shows its counts as shares of its assets", async () => {
    await withPage('#/jobs', {}, async ({ page }) => {
      await page.waitForFunction((n) => document.querySelectorAll('tr.pb-row').length >= n, jobs.length, {
        timeout: LOAD_TIMEOUT,
      });
      const bars = new Map(
        await page.$$eval('tr.pb-row', (rows) =>
          rows.map((row) => [
            row.cells[0].textContent.trim(),
            [...row.querySelectorAll('.pb-stacked-bar-mini > span')].map((segment) => [
              segment.className.replace('pb-bar-segment ', ''),
              Number(segment.style.flexGrow),
            ]),
          ]),
        ),
      );
      // Hovering the bar gives its counts in words.
      const hovers = new Map(
        await page.$$eval('tr.pb-row', (rows) =>
          rows.map((row) => [row.cells[0].textContent.trim(), row.querySelector('.pb-complete-cell')?.title]),
        ),
      );
      for (const job of jobs) {
        const parts = [
          ['pb-tone-succeeded', job.succeeded ?? 0],
          ['pb-tone-failed', job.failed ?? 0],
          ['pb-tone-running', job.in_progress ?? 0],
        ];
        const counted = parts.reduce((sum, [, n]) => sum + n, 0);
        parts.push(['pb-bar-rest', Math.max(job.asset_count ?? 0, counted) - counted]);
        const expected = parts.filter(([, n]) => n > 0);
        assert.deepEqual(bars.get(job.name), expected, `the bar of "${job.name}"`);
        const words = [[job.succeeded, 'succeeded'], [job.failed, 'failed'], [job.in_progress, 'in progress']]
          .filter(([n]) => n != null)
          .map(([n, what]) => `${n.toLocaleString('en-US')} ${what}`);
        const other = (job.asset_count ?? 0) - counted;
        if (job.succeeded != null && job.failed != null && job.in_progress != null && job.asset_count != null && other > 0) {
          words.push(`${other.toLocaleString('en-US')} other`);
        }
        const of = job.asset_count == null ? '' : ` of ${job.asset_count.toLocaleString('en-US')} assets`;
        assert.equal(hovers.get(job.name), `${words.join(' · ')}${of}`, `the bar's hover text of "${job.name}"`);
      }
    });
  });

  test('the search narrows the jobs and a header sorts them, both held in the URL', async () => {
    await withPage('#/jobs', {}, async ({ page }) => {
      await page.waitForFunction((n) => document.querySelectorAll('tr.pb-row').length >= n, jobs.length, {
        timeout: LOAD_TIMEOUT,
      });
      await page.getByRole('searchbox', { name: 'Search jobs' }).fill('linux');
      const linux = jobs.filter((job) => `${job.name} ${job.id} ${job.platform ?? ''}`.toLowerCase().includes('linux'));
      assert.ok(linux.length > 0 && linux.length < jobs.length, 'the demo has Linux jobs and others');
      await page.waitForFunction((n) => document.querySelectorAll('tr.pb-row').length === n, linux.length);
      const context = page.locator('.pb-page-context');
      assert.match(await context.textContent(), new RegExp(`^${linux.length} of ${jobs.length} jobs\\. `), 'the count follows the search');
      // Announced once the count has held for a moment.
      await page.getByRole('status').filter({ hasText: `${linux.length} of ${jobs.length} jobs.` }).waitFor({ timeout: 5_000 });
      // Written after the repaint, so it is not on the keystroke's path.
      await page.waitForURL((url) => queryOf(url).get('q') === 'linux');

      // A count of failures sorts the most first on the first click.
      await page.getByRole('button', { name: 'Failed', exact: true }).click();
      await page.waitForFunction(() => document.querySelector('th[aria-sort="descending"]') !== null);
      assert.equal(queryOf(page).get('sort')?.split(',')[0], '-failed', 'the sort is in the URL');
      const shown = (await renderedRows(page)).map((row) => row.cells[0]);
      const expected = [...linux].sort((a, b) => b.failed - a.failed).map((job) => job.name);
      assert.deepEqual(shown, expected, 'the Linux jobs, most failures first');

      await page.reload();
      await page.waitForFunction((n) => document.querySelectorAll('tr.pb-row').length === n, linux.length, {
        timeout: LOAD_TIMEOUT,
      });
      assert.equal(await page.getByRole('searchbox', { name: 'Search jobs' }).inputValue(), 'linux');
      assert.deepEqual((await renderedRows(page)).map((row) => row.cells[0]), expected, 'a reload keeps the view');

      await page.getByRole('searchbox', { name: 'Search jobs' }).fill('linux no-such-job');
      await page.locator('.pb-table-empty', { hasText: 'No job matches the search "linux no-such-job". Clear the search to list every job.' }).waitFor();
      assert.match(await context.textContent(), new RegExp(`^0 of ${jobs.length} jobs\\. `));
      await page.getByRole('searchbox', { name: 'Search jobs' }).fill('');
      await page.waitForFunction((n) => document.querySelector('.pb-page-context').textContent.startsWith(`${n} jobs. `), jobs.length);
    });
  });

  test('a search typed just before a sort keeps its own history entry', async () => {
    await withPage('#/jobs', {}, async ({ page }) => {
      await page.waitForSelector('tr.pb-row', { timeout: LOAD_TIMEOUT });
      // In one task, so the search's URL write still waits for the next paint
      // when the sort goes into a new history entry.
      await page.evaluate(() => {
        const search = document.querySelector('input[type="search"]');
        search.value = 'linux';
        search.dispatchEvent(new Event('input', { bubbles: true }));
        [...document.querySelectorAll('th button')].find((button) => button.textContent.includes('Failed')).click();
      });
      await page.waitForURL((url) => queryOf(url).get('q') === 'linux' && queryOf(url).get('sort')?.startsWith('-failed'));

      await page.goBack();
      await page.waitForURL((url) => !queryOf(url).has('sort'));
      assert.equal(queryOf(page).get('q'), 'linux', 'Back undoes the sort and keeps the search');
      assert.equal(await page.getByRole('searchbox', { name: 'Search jobs' }).inputValue(), 'linux');
    });
  });

  test('Back after a search returns to the filter chosen just before it, without the search', async () => {
    const job = await richestJob();
    await withPage(`#/jobs/${job.id}`, {}, async ({ page }) => {
      await openJob(page, job.id);
      await page.locator('.pb-chart-group [data-legend="failed"]').first().click();
      await page.waitForURL((url) => queryOf(url).get('phase') === 'failed');
      await page.getByRole('searchbox', { name: 'Search assets' }).pressSequentially('win');
      await page.waitForURL((url) => queryOf(url).get('q') === 'win');

      await page.goBack();
      await page.waitForURL((url) => !queryOf(url).has('q'));
      assert.equal(queryOf(page).get('phase'), 'failed', 'the filter chosen before the search stays');
      assert.equal(await page.getByRole('searchbox', { name: 'Search assets' }).inputValue(), '');
      await page.goBack();
      await page.waitForURL((url) => !queryOf(url).has('phase'));
    });
  });

  test('a search typed and then emptied leaves no history entry behind', async () => {
    await withPage('#/jobs', {}, async ({ page }) => {
      await page.waitForSelector('tr.pb-row', { timeout: LOAD_TIMEOUT });
      await page.getByRole('button', { name: 'Failed', exact: true }).click();
      await page.waitForURL((url) => queryOf(url).has('sort'));
      const search = page.getByRole('searchbox', { name: 'Search jobs' });
      await search.pressSequentially('lin');
      await page.waitForURL((url) => queryOf(url).get('q') === 'lin');
      for (let letter = 0; letter < 3; letter += 1) await search.press('Backspace');
      await page.waitForURL((url) => !queryOf(url).has('q'));
      assert.ok(queryOf(page).has('sort'), 'emptying the search keeps the sort');

      // Back undoes the sort, the step before the search, rather than
      // return to an entry that looks just like this one.
      await page.goBack();
      await page.waitForURL((url) => !queryOf(url).has('sort') && !queryOf(url).has('q'));
      assert.equal(await search.inputValue(), '');
    });
  });

  test('a search emptied and typed again at once takes one step after the one before it', async () => {
    await withPage('#/jobs', {}, async ({ page }) => {
      await page.waitForSelector('tr.pb-row', { timeout: LOAD_TIMEOUT });
      await page.getByRole('button', { name: 'Failed', exact: true }).click();
      await page.waitForURL((url) => queryOf(url).has('sort'));
      // In one task: the next search starts while the browser is still
      // going back from the emptied one, as keystrokes queued behind a
      // slow filter do.
      await page.evaluate(() => {
        const search = document.querySelector('input[type="search"]');
        for (const text of ['x', '', 'y']) {
          search.value = text;
          search.dispatchEvent(new Event('input', { bubbles: true }));
        }
      });
      await page.waitForURL((url) => queryOf(url).get('q') === 'y' && queryOf(url).has('sort'));

      await page.goBack();
      await page.waitForURL((url) => !queryOf(url).has('q'));
      assert.ok(queryOf(page).has('sort'), 'Back undoes the search, and only the search');
      await page.goBack();
      await page.waitForURL((url) => !queryOf(url).has('sort'));
    });
  });

  test('clicking a job opens its page', async () => {
    const job = jobs[jobs.length - 1];
    await withPage('#/jobs', {}, async ({ page }) => {
      await page.getByRole('link', { name: job.name, exact: true }).click({ timeout: LOAD_TIMEOUT });
      await page.waitForURL((url) => url.hash === `#/jobs/${job.id}`);
      await page.getByRole('heading', { level: 1, name: job.name }).waitFor();
      await openJob(page, job.id);
    });
  });

  test("the tab's title names the page shown, and the job by its name", async () => {
    const job = jobs[jobs.length - 1];
    await withPage('#/jobs', {}, async ({ page }) => {
      await page.waitForFunction(() => document.title === 'Deployment jobs · Patchboard', null, { timeout: LOAD_TIMEOUT });
      await page.getByRole('link', { name: job.name, exact: true }).click({ timeout: LOAD_TIMEOUT });
      await page.waitForFunction((name) => document.title === `${name} · Patchboard`, job.name, { timeout: LOAD_TIMEOUT });
      await page.getByRole('link', { name: 'Endpoint exemptions' }).click();
      await page.waitForFunction(() => document.title === 'Endpoint exemptions · Patchboard', null, { timeout: LOAD_TIMEOUT });
      await page.goBack();
      await page.waitForFunction((name) => document.title === `${name} · Patchboard`, job.name, { timeout: LOAD_TIMEOUT });
    });
  });

  test("while a record's details are open, the tab's title names the record before the page", async () => {
    const job = jobs[0];
    const [asset] = await results(job.id);
    await withPage(`#/jobs/${job.id}?asset=${encodeURIComponent(asset.asset_id)}`, {}, async ({ page }) => {
      const titled = (title) => page.waitForFunction((title) => document.title === title, title, { timeout: LOAD_TIMEOUT });
      await titled(`${asset.asset_name} · ${job.name} · Patchboard`);
      // Opened from the page, then closed: Back goes to the page's entry,
      // and the record's entry, now Forward's, keeps its own title.
      await page.keyboard.press('Escape');
      await titled(`${job.name} · Patchboard`);
      // A row in view (the record's, which has the focus back): the first
      // drawn row lies above the view of a table scrolled to the record, and
      // a click the test makes right after scrolling to it can land while
      // the scroll's redraw moves the row, which drops the click.
      await page.locator('tr.pb-row:focus').click();
      await page.waitForURL((url) => queryOf(url).has('asset'));
      const opened = await page.locator('#pb-panel-title').textContent();
      await titled(`${opened.trim()} · ${job.name} · Patchboard`);
      await page.keyboard.press('Escape');
      await page.waitForURL((url) => !queryOf(url).has('asset'));
      await titled(`${job.name} · Patchboard`);
      const cdp = await page.context().newCDPSession(page);
      const { entries, currentIndex } = await cdp.send('Page.getNavigationHistory');
      await cdp.detach();
      assert.equal(entries[currentIndex + 1]?.title, `${opened.trim()} · ${job.name} · Patchboard`, "Forward's entry keeps the record's title");

      const [endpoint] = (await readEndpoints()).endpoints;
      await page.evaluate((hash) => (location.hash = hash), `#/exemptions?endpoint=${encodeURIComponent(endpoint.id)}`);
      await titled(`${endpoint.name} · Endpoint exemptions · Patchboard`);
      await page.goBack();
      await titled(`${job.name} · Patchboard`);
    });
  });

  test('clicking a row (not its link) opens the job too', async () => {
    const job = jobs[0];
    await withPage('#/jobs', {}, async ({ page }) => {
      await page.waitForSelector('tr.pb-row', { timeout: LOAD_TIMEOUT });
      const index = jobs.indexOf(job);
      await page.locator(`tr.pb-row[data-index="${index}"] td`).nth(1).click();
      await page.waitForURL((url) => url.hash === `#/jobs/${job.id}`);
    });
  });

  test('a Ctrl-click or middle click on a job, on its link or elsewhere in its row, opens it in a new tab and leaves this one', async () => {
    const job = jobs[0];
    await withPage('#/jobs', {}, async ({ page }) => {
      await page.waitForSelector('tr.pb-row', { timeout: LOAD_TIMEOUT });
      const row = page.locator(`tr.pb-row[data-index="${jobs.indexOf(job)}"]`);
      const clicks = [
        ['a Ctrl-click on the link', row.getByRole('link'), { modifiers: ['ControlOrMeta'] }],
        ['a Ctrl-click on the row', row.locator('td').nth(1), { modifiers: ['ControlOrMeta'] }],
        ['a middle click on the row', row.locator('td').nth(2), { button: 'middle' }],
      ];
      for (const [what, target, how] of clicks) {
        const opened = page.context().waitForEvent('page', { timeout: 5_000 });
        await target.click(how);
        const tab = await opened;
        await tab.waitForURL((url) => url.hash === `#/jobs/${job.id}`);
        await tab.close();
        // A navigation of this tab would have come within a frame or two.
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        assert.equal(new URL(page.url()).hash, '#/jobs', `${what} left the job list`);
      }
      // Alt on a link downloads it; on the row it opens the job, as a plain click does.
      await row.locator('td').nth(1).click({ modifiers: ['Alt'] });
      await page.waitForURL((url) => url.hash === `#/jobs/${job.id}`);
    });
  });
});

describe('job progress page', () => {
  test('counters equal the data', async () => {
    for (const job of jobs) {
      await withPage(`#/jobs/${job.id}`, {}, async ({ page }) => {
        const assets = await openJob(page, job.id);
        const phases = assets.map(phaseOf);
        const byPhase = (...wanted) => count(phases, (phase) => wanted.includes(phase));
        // The doc's catalogue must agree: a status is final exactly when its phase is.
        for (const entry of statusCatalogue()) {
          assert.equal(entry.final, FINAL_PHASES.includes(entry.phase), `docs/statuses.md: ${entry.name} final vs phase`);
        }
        const finals = byPhase(...FINAL_PHASES);
        const expected = {
          total: grouped(assets.length),
          complete: percent(finals, assets.length),
          succeeded: grouped(byPhase('succeeded')),
          failed: grouped(byPhase('failed')),
          'not-run': grouped(byPhase('canceled', 'skipped', 'not-applicable')),
          'in-progress': grouped(byPhase('running', 'waiting', 'queued')),
          'success-rate': percent(byPhase('succeeded'), byPhase('succeeded', 'failed')),
          anomalies: grouped(count(assets, isAnomalous)),
        };
        const shown = {};
        for (const id of Object.keys(expected)) shown[id] = (await counterValue(page, id)).trim();
        assert.deepEqual(shown, expected, `counters of ${job.id}`);
        const outcomes = ['succeeded', 'failed', 'not-run', 'in-progress'].map((id) => Number(shown[id].replaceAll(',', '')));
        assert.equal(outcomes.reduce((a, b) => a + b), assets.length, `the outcome counters of ${job.id} add up to Assets`);
        const detail = await page.locator('[data-counter="complete"] .pb-counter-detail').textContent();
        assert.equal(detail.trim(), `${grouped(finals)} of ${grouped(assets.length)} final`);
        // Not run says what its assets share, not "skipped" for those with no patch available.
        const notRunDetail = await page.locator('[data-counter="not-run"] .pb-counter-detail').textContent();
        assert.equal(notRunDetail.trim(), 'final, patching not attempted', `the Not run detail of ${job.id}`);
        const { stuck, borderline } = await stuckAssets(job.id);
        const stuckShown = Number((await counterValue(page, 'stuck')).replaceAll(',', ''));
        assert.ok(
          stuckShown >= stuck.length && stuckShown <= stuck.length + borderline.length,
          `stuck assets of ${job.id}: ${stuckShown}, expected ${stuck.length} (+${borderline.length} at the threshold)`,
        );
      });
    }
  });

  test("opening and closing an asset's details filters nothing again", async () => {
    await withPage("#/jobs/job-patch-tuesday?q=win", {}, async ({ page }) => {
      await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
      // The app measures each filtering pass as pb:filter.
      await page.evaluate(() => {
        window.filterPasses = 0;
        new PerformanceObserver((list) => (window.filterPasses += list.getEntriesByName('pb:filter').length)).observe({ type: 'measure' });
      });
      await page.locator('tr.pb-row').first().click();
      await page.locator('dialog.pb-panel').waitFor();
      await page.keyboard.press('Escape');
      await page.locator('dialog.pb-panel').waitFor({ state: 'detached' });
      await page.getByRole('searchbox').first().fill('win1');
      await page.waitForFunction(() => window.filterPasses > 0, null, { timeout: 5_000 });
      assert.equal(await page.evaluate(() => window.filterPasses), 1, 'only the search filtered again');
    });
  });

  test('a link to a run says the demo holds only the latest run, not that a configuration lacks one', async () => {
    const [job] = jobs;
    await withPage(`#/jobs/${job.id}?run=run-7`, {}, async ({ page }) => {
      await openJob(page, job.id);
      const notice = page.locator('.pb-page [role=status]', { hasText: 'Showing the latest run' });
      await notice.waitFor();
      const text = (await notice.textContent()).replace(/\s+/g, ' ');
      assert.ok(text.includes('"run-7", but the demo data holds only each job\'s latest run.'), text);
      assert.ok(!text.includes('configuration'), `no configuration to blame: ${text}`);
    });
  });

  test('a link to a job the demo does not have says so, without blaming a backend', async () => {
    const session = await open('#/jobs/no-such-job');
    try {
      const notice = session.page.locator('.pb-page [role=status]', { hasText: 'There is no job "no-such-job"' });
      await notice.waitFor({ timeout: LOAD_TIMEOUT });
      const text = (await notice.textContent()).replace(/\s+/g, ' ');
      assert.ok(text.includes('The demo data has no job with this id:'), text);
      assert.ok(!text.includes("backend's"), `no backend to blame: ${text}`);
      // Named as what it is, not by the id as if the job were there.
      assert.equal(await session.page.locator('h1').textContent(), 'Job not found');
      assert.match(await session.page.title(), /^Job not found · /);
      // The one error is the browser's note of the demo's 404 for the job's results.
      assert.ok(session.consoleErrors.every((error) => error.includes('/demo/jobs/no-such-job/results.json')), session.consoleErrors.join('\n'));
      assert.deepEqual([...session.pageErrors, ...session.cspViolations], []);
    } finally {
      await session.close();
    }
  });

  test('Only stuck lists the unfinished assets unchanged for 4 hours, in the URL and the export', async () => {
    let chosen = null;
    for (const job of jobs) {
      const found = await stuckAssets(job.id);
      const clearCut = found.borderline.length === 0 && found.stuck.length > 0 && found.stuck.length < found.unfinished.length;
      if (clearCut && (!chosen || found.stuck.length > chosen.stuck.length)) chosen = { job, ...found };
    }
    assert.ok(chosen, 'some demo job has stuck and moving assets, none at the threshold');
    const stuckIds = new Set(chosen.stuck.map((asset) => asset.asset_id));
    await withPage(`#/jobs/${chosen.job.id}`, {}, async ({ page }) => {
      const assets = await openJob(page, chosen.job.id);
      await page.getByRole('checkbox', { name: 'Only stuck (no change for over 4 h)' }).check();
      await page.waitForURL((url) => queryOf(url).get('stuck') === '1');
      const rows = await rowsAfterFilter(page, stuckIds.size);
      for (const row of rows) assert.ok(stuckIds.has(assets[row.index].asset_id), `${row.cells[0]} is stuck`);
      const [header, ...records] = await exportedCsv(page, assetsCsvStem(chosen.job));
      assert.equal(header[0], 'Asset ID');
      assert.deepEqual(new Set(records.map((record) => record[0])), stuckIds, 'the export holds exactly the stuck assets');
      const stuckColumn = header.indexOf('Stuck');
      assert.deepEqual(new Set(records.map((record) => record[stuckColumn])), new Set(['yes']), 'each says it is stuck');
      for (const [column, value] of [['Job', chosen.job.name], ['Job ID', chosen.job.id]]) {
        const at = header.indexOf(column);
        assert.deepEqual(new Set(records.map((record) => record[at])), new Set([value]), `each names the job in ${column}`);
      }
      // The longest stuck come first, in the table as in the export; off
      // again, the newest changes do.
      const stuckBox = page.getByRole('checkbox', { name: 'Only stuck (no change for over 4 h)' });
      const lastChange = page.getByRole('columnheader', { name: /^Last change/ });
      assert.equal(queryOf(page).get('sort'), 'updated');
      assert.equal(await lastChange.getAttribute('aria-sort'), 'ascending');
      const changed = records.map((record) => record[header.indexOf('Last change (UTC)')]);
      assert.deepEqual(changed, [...changed].sort(), 'oldest change first');
      await stuckBox.uncheck();
      await page.waitForURL((url) => !queryOf(url).has('stuck') && !queryOf(url).has('sort'));
      assert.equal(await lastChange.getAttribute('aria-sort'), 'descending');
      await stuckBox.check();
      await page.waitForURL((url) => queryOf(url).get('stuck') === '1' && queryOf(url).get('sort') === 'updated');

      await page.reload({ waitUntil: 'load' });
      await openJob(page, chosen.job.id);
      await rowsAfterFilter(page, stuckIds.size);
      assert.ok(await page.getByRole('checkbox', { name: 'Only stuck (no change for over 4 h)' }).isChecked(), 'the filter survives a reload');

      await page.locator('tr.pb-row').first().click();
      await page.locator('.pb-panel [data-stuck]').waitFor();
      // A no-break space keeps the unit with its number.
      assert.match(await page.locator('.pb-panel [data-stuck]').textContent(), /Stuck: not final, and no status change for over 4\u00a0h\./);
      // Its next step goes past waiting for the status to move.
      assert.doesNotMatch(await page.locator('.pb-panel [data-next-step]').textContent(), /^(Wait|Nothing yet)/);
    });
    const moving = chosen.unfinished.find((asset) => !stuckIds.has(asset.asset_id));
    await withPage(`#/jobs/${chosen.job.id}?asset=${encodeURIComponent(moving.asset_id)}`, {}, async ({ page }) => {
      await page.locator('.pb-panel').waitFor({ timeout: LOAD_TIMEOUT });
      await page.locator('.pb-panel [data-message], .pb-panel .pb-facts').first().waitFor();
      assert.equal(await page.locator('.pb-panel [data-stuck]').count(), 0, `${moving.asset_name} moved lately: not stuck`);
      assert.doesNotMatch(await page.locator('.pb-panel [data-next-step]').textContent(), /hours/, 'the usual advice');
    });
  });

  test('every page of the demo says in words that its data is made up', async () => {
    await withPage('#/jobs', {}, async ({ page }) => {
      for (const hash of ['#/jobs', '#/jobs/job-patch-tuesday', '#/exemptions', '#/reference']) {
        await page.evaluate((to) => {
          location.hash = to;
        }, hash);
        const note = page.locator('[data-demo-note]');
        await note.waitFor({ timeout: LOAD_TIMEOUT });
        assert.match(await note.textContent(), /^Made-up demo data: no backend is configured/, hash);
      }
    });
  });

  test('a Timed Out asset without a reason is not told to read a message it does not have', async () => {
    // The catalogue lists no timeout reasons for Mac jobs, so the demo's Mac timeouts come without one.
    await withPage('#/jobs/job-macos-security?asset=job-macos-security-a00002', {}, async ({ page }) => {
      await page.locator('.pb-panel [data-next-step]').waitFor({ timeout: LOAD_TIMEOUT });
      assert.match(await page.locator('.pb-panel').textContent(), /Timed Out/);
      assert.equal(await page.locator('.pb-panel [data-message]').count(), 0, 'no message');
      const step = await page.locator('.pb-panel [data-next-step]').textContent();
      assert.doesNotMatch(step, /message/, step);
      assert.match(step, /job's log/, step);
    });
  });

  test('a Timed Out asset whose reason is listed gets advice for that reason', async () => {
    // In the demo: "permission to start patching came too late" on a Windows server.
    await withPage('#/jobs/job-patch-tuesday?asset=job-patch-tuesday-a00161', {}, async ({ page }) => {
      await page.locator('.pb-panel [data-message]').waitFor({ timeout: LOAD_TIMEOUT });
      assert.match(await page.locator('.pb-panel [data-message]').textContent(), /permission to start patching came too late/);
      const step = await page.locator('.pb-panel [data-next-step]').textContent();
      assert.match(step, /holds the start back/, step);
      assert.doesNotMatch(step, /action script/, step);
    });
  });

  test("the configuration's stuck_after_hours sets the threshold the page counts and says", async () => {
    // A configured backend's times are not moved to the present, so every
    // unfinished asset of the demo files is days old: all of them are stuck.
    const job = await richestJob();
    const { unfinished } = await stuckAssets(job.id);
    const config = { preset: 'native', base_url: new URL('demo', server.url).href, refresh_seconds: 0, stuck_after_hours: 12 };
    await withPage(`#/jobs/${job.id}`, { config }, async ({ page }) => {
      await openJob(page, job.id);
      await page.waitForFunction(
        () => document.querySelector('[data-counter="stuck"] .pb-counter-detail')?.textContent.includes('12\u00a0h'),
      );
      assert.equal((await counterValue(page, 'stuck')).trim(), grouped(unfinished.length));
      assert.equal(
        (await page.locator('[data-counter="stuck"] .pb-counter-detail').textContent()).trim(),
        'not final, no change for over 12\u00a0h',
      );
      await page.getByRole('checkbox', { name: 'Only stuck (no change for over 12 h)' }).check();
      await rowsAfterFilter(page, unfinished.length);
    });
  });

  test('the chart and its legends count assets per phase and per status', async () => {
    const job = await richestJob();
    await withPage(`#/jobs/${job.id}`, {}, async ({ page }) => {
      const assets = await openJob(page, job.id);
      const total = assets.length;
      const expectCount = async (selector, n, what) => {
        const text = await page.locator(`${selector} .pb-legend-count`).textContent();
        assert.equal(text.trim(), `${n} · ${percent(n, total)}`, what);
      };
      const phases = new Map();
      for (const phase of assets.map(phaseOf)) phases.set(phase, (phases.get(phase) ?? 0) + 1);
      for (const [phase, n] of phases) {
        await expectCount(`.pb-chart-group [data-legend="${phase}"]`, n, `legend for phase ${phase}`);
        assert.equal(await page.locator(`.pb-stacked-bar [data-segment="${phase}"]`).count(), 1, `bar part ${phase}`);
      }
      assert.equal(await page.locator('.pb-stacked-bar:not([hidden]) [data-segment]').count(), phases.size, 'one bar part per phase present');
      const statuses = new Map();
      for (const token of assets.map(statusTokenOf).filter(Boolean)) statuses.set(token, (statuses.get(token) ?? 0) + 1);
      await showAllChartEntries(page);
      for (const [token, n] of statuses) await expectCount(`[data-legend="${token}"]`, n, `legend for status ${token}`);

      // Phases that share a colour differ in pattern, in the bar and in the legend's swatches.
      const looks = await page.evaluate(() =>
        Object.fromEntries(
          [...document.querySelectorAll('.pb-stacked-bar:not([hidden]) [data-segment]')].map((part) => {
            const swatch = document.querySelector(`.pb-chart-group [data-legend="${part.dataset.segment}"] .pb-swatch`);
            const look = (element) => `${getComputedStyle(element).backgroundColor} ${getComputedStyle(element).backgroundImage}`;
            return [part.dataset.segment, [look(part), look(swatch)]];
          }),
        ),
      );
      const phasesShown = Object.keys(looks);
      for (const family of [['waiting', 'queued'], ['canceled', 'skipped', 'not-applicable']]) {
        assert.ok(family.every((phase) => phasesShown.includes(phase)), `fixture: the job has every phase of ${family}`);
      }
      for (const part of [0, 1]) {
        const distinct = new Set(phasesShown.map((phase) => looks[phase][part]));
        assert.equal(distinct.size, phasesShown.length, `each phase looks different (${part ? 'legend' : 'bar'}): ${JSON.stringify(looks)}`);
      }
    });
  });

  test('filtering by a status through the chart legend shows only that status', async () => {
    const job = await richestJob();
    const token = '2036-0';
    const entry = statusCatalogue().find((e) => e.token === token);
    await withPage(`#/jobs/${job.id}`, {}, async ({ page }) => {
      const assets = await openJob(page, job.id);
      const expected = count(assets, (a) => statusTokenOf(a) === token);
      assert.ok(expected > 0, `the demo job ${job.id} has no ${token} asset`);
      await showAllChartEntries(page);
      const legend = page.locator(`[data-legend="${token}"]`);
      await legend.click();
      await page.waitForURL((url) => url.hash.includes(`status=${token}`));
      assert.equal(await legend.getAttribute('aria-pressed'), 'true', 'the legend entry shows it is pressed');
      const rows = await rowsAfterFilter(page, expected);
      assert.ok(rows.length > 0);
      for (const row of rows) {
        assert.equal(statusTokenOf(assets[row.index]), token, `row ${row.position} (data index ${row.index}) has status ${token}`);
        assert.ok(row.cells[2].includes(statusCellText(entry)), `row ${row.position} shows "${statusCellText(entry)}": ${row.cells[2]}`);
      }
      // A second click clears the filter.
      await legend.click();
      await rowsAfterFilter(page, assets.length);
    });
  });

  test('a status picked in the chart under a phase that excludes it replaces the phase pick, not empties the table', async () => {
    const job = await richestJob();
    const token = '2036-0';
    await withPage(`#/jobs/${job.id}`, {}, async ({ page }) => {
      const assets = await openJob(page, job.id);
      await page.locator('.pb-chart-group [data-legend="running"]').first().click();
      await page.waitForURL((url) => queryOf(url).get('phase') === 'running');
      await showAllChartEntries(page);
      await page.locator(`[data-legend="${token}"]`).click();
      await page.waitForURL((url) => queryOf(url).get('status') === token && !queryOf(url).has('phase'));
      await rowsAfterFilter(page, count(assets, (a) => statusTokenOf(a) === token));
      // And a phase picked then drops the status it would hide.
      await page.locator('.pb-chart-group [data-legend="failed"]').first().click();
      await page.waitForURL((url) => queryOf(url).get('phase') === 'failed' && !queryOf(url).has('status'));
      await rowsAfterFilter(page, count(assets, (a) => phaseOf(a) === 'failed'));
    });
  });

  test('a counter lists what it counts and shows it is pressed; a second click lists every asset again', async () => {
    const job = await richestJob();
    await withPage(`#/jobs/${job.id}?q=zzz-no-such-asset&os=windows`, {}, async ({ page }) => {
      const assets = await openJob(page, job.id);
      const filter = (id) => page.locator(`[data-counter="${id}"] .pb-counter-filter`);
      const pressed = async () => {
        const states = await page.$$eval('[data-counter] .pb-counter-filter', (buttons) =>
          buttons.map((button) => [button.closest('[data-counter]').dataset.counter, button.getAttribute('aria-pressed')]),
        );
        return states.filter(([, state]) => state === 'true').map(([id]) => id);
      };
      assert.deepEqual(await pressed(), [], 'a search and an OS filter match no counter');
      assert.equal(await page.locator('[data-counter="complete"] .pb-counter-filter').count(), 0, 'a percentage is no filter');
      assert.equal(await page.locator('[data-counter="total"] .pb-counter-filter').count(), 0, 'nor is the whole, which a toggle could never unpress');

      // The figure is the button; the counts are the whole job's, so the search and other filters go.
      await filter('failed').click();
      await page.waitForURL((url) => queryOf(url).get('phase') === 'failed' && !queryOf(url).has('q') && !queryOf(url).has('os'));
      const failed = await rowsAfterFilter(page, count(assets, (asset) => phaseOf(asset) === 'failed'));
      for (const row of failed) assert.equal(phaseOf(assets[row.index]), 'failed', `${row.cells[0]} failed`);
      assert.deepEqual(await pressed(), ['failed']);
      assert.match(
        await page.locator('.pb-chart-note').first().textContent(),
        /A figure lists just what it counts, in place of the search and filters \(Back brings them back\)/,
        'the page says what a figure does to the search and filters',
      );
      await page.goBack();
      await page.waitForURL((url) => queryOf(url).get('q') === 'zzz-no-such-asset' && queryOf(url).get('os') === 'windows' && !queryOf(url).has('phase'));
      await page.goForward();
      await page.waitForURL((url) => queryOf(url).get('phase') === 'failed' && !queryOf(url).has('q'));

      // A click anywhere on the card will do; In progress is three phases.
      const card = await page.locator('[data-counter="in-progress"]').boundingBox();
      await page.mouse.click(card.x + card.width - 6, card.y + card.height - 6);
      await page.waitForURL((url) => queryOf(url).get('phase')?.split(',').sort().join() === 'queued,running,waiting');
      await rowsAfterFilter(page, count(assets, (asset) => ['running', 'waiting', 'queued'].includes(phaseOf(asset))));
      assert.deepEqual(await pressed(), ['in-progress']);
      await filter('in-progress').click();
      await rowsAfterFilter(page, assets.length);
      assert.deepEqual(await pressed(), [], 'a second click lists every asset again');

      // From the keyboard, Stuck checks Only stuck and lists as many as it counts.
      await filter('stuck').focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => queryOf(url).get('stuck') === '1');
      assert.equal(await page.getByRole('checkbox', { name: /^Only stuck/ }).isChecked(), true);
      await rowsAfterFilter(page, Number((await counterValue(page, 'stuck')).replaceAll(',', '')));
      await page.goBack();
      await page.waitForURL((url) => !queryOf(url).has('stuck'));
      assert.deepEqual(await pressed(), [], 'Back undoes a counter like any filter');
    });
  });

  test('the status codes wait behind "Show all", a picked one stays in view, and rows show on a 1024×768 screen', async () => {
    const job = await richestJob();
    const token = '2036-0';
    await withPage(`#/jobs/${job.id}?status=${token}`, { viewport: { width: 1024, height: 768 } }, async ({ page }) => {
      const assets = await openJob(page, job.id);
      const codes = new Set(assets.map(statusTokenOf).filter(Boolean));
      assert.ok(codes.size > 2, `fixture: the job has several status codes (${codes.size})`);
      const legend = () => page.$$eval('#pb-status-legend [data-legend]', (entries) => entries.map((entry) => entry.dataset.legend));
      assert.deepEqual(await legend(), [token], 'shortened, the legend shows only the picked status');
      const button = page.locator('.pb-show-all[aria-controls="pb-status-legend"]');
      assert.equal((await button.textContent()).trim(), `Show all ${codes.size} statuses`);
      assert.equal(await page.getByRole('button', { name: `Show all ${codes.size} statuses`, exact: true }).count(), 1, 'its name is its words, not its arrow');
      assert.equal(await button.getAttribute('aria-expanded'), 'false');
      const firstRow = await page.locator('tr.pb-row').first().boundingBox();
      assert.ok(firstRow.y + firstRow.height <= 768, `the first row ends within the window: ${JSON.stringify(firstRow)}`);

      await button.focus();
      await page.keyboard.press('Enter');
      await page.locator('.pb-show-all[aria-controls="pb-status-legend"][aria-expanded="true"]').waitFor();
      assert.deepEqual(new Set(await legend()), codes, 'opened, every status of the job has its entry');
      // The entries appear above the button: the focus goes to the first
      // one revealed (the first of the list, the picked one aside).
      const firstRevealed = (await legend()).find((key) => key !== token);
      await page.waitForFunction((key) => document.activeElement?.dataset.legend === key, firstRevealed, { timeout: 5_000 });
      assert.equal((await button.textContent()).trim(), 'Hide the statuses');
      await button.click();
      await page.locator('.pb-show-all[aria-controls="pb-status-legend"][aria-expanded="false"]').waitFor();

      // Unpicked, the status goes with the others, the focus moves to the
      // button that shows them, and the empty legend takes no room.
      await page.locator(`[data-legend="${token}"]`).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => !url.hash.includes('status='));
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-controls')), 'pb-status-legend', 'the focus is on "Show all"');
      await rowsAfterFilter(page, assets.length);
      assert.deepEqual(await legend(), []);
      const phases = await page.locator('figcaption[aria-label="Assets by phase"]').boundingBox();
      const next = await button.boundingBox();
      assert.ok(next.y - (phases.y + phases.height) <= 12, `the button follows the phases with no room kept between: ${JSON.stringify({ phases, next })}`);
    });
  });

  test("a link's filter values that name nothing are said to be left out, and Dismiss drops them from the URL", async () => {
    const [job] = jobs;
    await withPage(`#/jobs/${job.id}?status=9999&phase=failed&os=zz&sort=colour`, {}, async ({ page }) => {
      const assets = await openJob(page, job.id);
      const failed = assets.filter((asset) => phaseOf(asset) === 'failed').length;
      await rowsAfterFilter(page, failed);
      const banner = page.locator('.pb-page .pb-banner', { hasText: "Some of the link's filters or sort columns were left out" });
      const text = (await banner.textContent()).replace(/\s+/g, ' ');
      assert.ok(text.includes('so the list is not filtered or sorted by them: status=9999, os=zz, sort=colour.'), text);
      await banner.getByRole('button', { name: 'Dismiss' }).click();
      await banner.waitFor({ state: 'detached' });
      await page.waitForFunction(() => document.activeElement?.id === 'pb-main', null, { timeout: 5_000 });
      // The URL is written after the next paint, which a busy machine may not have reached yet.
      await page.waitForURL((url) => !url.hash.includes('9999'), { timeout: 5_000 });
      const hash = decodeURIComponent(new URL(page.url()).hash);
      assert.ok(hash.includes('phase=failed') && !hash.includes('zz') && !hash.includes('colour'), `the known filter stays, the unknown go: ${hash}`);
      await rowsAfterFilter(page, failed);
    });
  });

  test("a link's long unbroken token wraps in its notice, and a switch's odd value is named", async () => {
    const [job] = jobs;
    await withPage(`#/jobs/${job.id}?status=${'1'.repeat(400)}&stuck=maybe`, { viewport: { width: 390, height: 844 } }, async ({ page }) => {
      await openJob(page, job.id);
      const banner = page.locator('.pb-page .pb-banner', { hasText: "Some of the link's filters or sort columns were left out" });
      const text = (await banner.textContent()).replace(/\s+/g, ' ');
      assert.ok(text.includes('stuck=maybe'), text);
      const [scrolled, shown] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok(scrolled <= shown, `the page does not scroll sideways: ${scrolled} > ${shown}`);
    });
  });

  test('filtering by a status through the select shows only that status', async () => {
    const job = await richestJob();
    await withPage(`#/jobs/${job.id}`, {}, async ({ page }) => {
      const assets = await openJob(page, job.id);
      // The least common status present: a filter that visibly narrows.
      const counts = new Map();
      for (const token of assets.map(statusTokenOf).filter(Boolean)) counts.set(token, (counts.get(token) ?? 0) + 1);
      const [token, expected] = [...counts].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))[0];
      const entry = statusCatalogue().find((e) => e.token === token);
      const select = page.locator('select[aria-label="Filter by status"]');
      await select.selectOption(token);
      await page.waitForURL((url) => url.hash.includes(`status=${token}`));
      const rows = await rowsAfterFilter(page, expected);
      assert.equal(rows.length, expected, 'every matching row is rendered (few enough to fit)');
      for (const row of rows) {
        assert.equal(statusTokenOf(assets[row.index]), token);
        assert.ok(row.cells[2].includes(statusCellText(entry)), `row shows "${statusCellText(entry)}": ${row.cells[2]}`);
      }
      // The chosen value shows as a removable chip; the select returns to its prompt.
      const chip = page.getByRole('button', { name: `Remove filter Status: ${entry.name} (${entry.code})` });
      await chip.waitFor();
      assert.equal(await select.inputValue(), '');
      await chip.click();
      await rowsAfterFilter(page, assets.length);
    });
  });

  test('Back while a filter holds a browsed choice leaves the page without stopping the app', async () => {
    const job = jobs[0];
    await withPage('#/jobs', {}, async ({ page }) => {
      await page.getByRole('link', { name: job.name }).first().click();
      await openJob(page, job.id);
      const select = page.locator('select[aria-label="Filter by status"]');
      await select.focus();
      // A closed select browses its options with the arrow keys, applied only on leaving it.
      await page.keyboard.press('ArrowDown');
      await page.evaluate(() => history.back());
      await page.getByRole('heading', { name: 'Deployment jobs' }).waitFor({ timeout: LOAD_TIMEOUT });
      await page.waitForTimeout(200);
      assert.equal(await page.locator('.pb-crash').count(), 0, 'no crash panel');
      assert.ok(!queryOf(page).has('status'), 'the browsed choice was not applied to the list');
    });
  });

  test('sorting by the Asset header orders rows ascending, then descending', async () => {
    const job = await richestJob();
    await withPage(`#/jobs/${job.id}`, {}, async ({ page }) => {
      const assets = await openJob(page, job.id);
      const header = page.locator('th', { has: page.getByRole('button', { name: 'Asset', exact: true }) });
      const button = header.getByRole('button', { name: 'Asset', exact: true });
      const names = assets.map((a) => a.asset_name);
      const ascending = [...names].sort(naturalCompare);

      await button.click();
      await page.waitForFunction(() => document.querySelector('th[aria-sort="ascending"]') !== null);
      assert.equal(await header.getAttribute('aria-sort'), 'ascending');
      assert.equal(queryOf(page).get('sort')?.split(',')[0], 'asset', 'the sort is in the URL');
      await page.waitForFunction((first) => document.querySelector('tr.pb-row[data-position="0"] td')?.textContent.trim() === first, ascending[0], {
        timeout: 5_000,
      }).catch(() => {});
      let rows = await renderedRows(page);
      assert.deepEqual(
        rows.map((r) => r.cells[0]),
        ascending.slice(0, rows.length),
        'rows in ascending natural order of asset name',
      );
      assert.equal(await page.locator('th[aria-sort="ascending"], th[aria-sort="descending"]').count(), 1, 'one sorted header');

      await button.click();
      await page.waitForFunction(() => document.querySelector('th[aria-sort="descending"]') !== null);
      assert.equal(await header.getAttribute('aria-sort'), 'descending');
      const descending = [...ascending].reverse();
      await page.waitForFunction((first) => document.querySelector('tr.pb-row[data-position="0"] td')?.textContent.trim() === first, descending[0], {
        timeout: 5_000,
      }).catch(() => {});
      rows = await renderedRows(page);
      assert.deepEqual(
        rows.map((r) => r.cells[0]),
        descending.slice(0, rows.length),
        'rows in descending natural order of asset name',
      );
    });
  });

  test('a second click on a column with ties lists what that sort opens with', async () => {
    // The second click turns the order's runs of equal statuses around
    // instead of sorting again; each run must keep its own order (asset
    // descending here), exactly as a sort from the URL makes it.
    const job = await richestJob();
    // The demo's times are set from the moment it loads.
    const withoutTimes = (record) => record.filter((cell) => !/^\d{4}-\d\d-\d\dT/.test(cell));
    let clicked;
    await withPage(`#/jobs/${job.id}?sort=status,-asset`, {}, async ({ page }) => {
      await openJob(page, job.id);
      await page.getByRole('button', { name: 'Status', exact: true }).click();
      await page.waitForURL((url) => queryOf(url).get('sort') === '-status,-asset');
      clicked = (await exportedCsv(page, assetsCsvStem(job))).map(withoutTimes);
    });
    await withPage(`#/jobs/${job.id}?sort=-status,-asset`, {}, async ({ page }) => {
      await openJob(page, job.id);
      const opened = (await exportedCsv(page, assetsCsvStem(job))).map(withoutTimes);
      assert.ok(new Set(opened.slice(1).map((record) => record[2])).size > 1, 'the job has more than one status');
      assert.deepEqual(clicked, opened);
    });
  });

  test('a reload shows the same view, and Export CSV exports exactly the filtered rows', async () => {
    const job = await richestJob();
    const assets = await results(job.id);
    // Filter by phase (failed) through the bar legend, then sort by asset.
    await withPage(`#/jobs/${job.id}`, {}, async ({ page }) => {
      await openJob(page, job.id);
      const expected = assets
        .map((asset, index) => ({ asset, index }))
        .filter(({ asset }) => phaseOf(asset) === 'failed')
        .sort((a, b) => naturalCompare(a.asset.asset_name, b.asset.asset_name) || a.index - b.index);
      assert.ok(expected.length > 0, `${job.id} has no failed asset`);
      await page.locator('.pb-chart-group [data-legend="failed"]').first().click();
      await page.waitForURL((url) => url.hash.includes('phase=failed'));
      await page.getByRole('button', { name: 'Asset', exact: true }).click();
      await page.waitForURL((url) => queryOf(url).get('sort')?.startsWith('asset'));
      const before = await rowsAfterFilter(page, expected.length);
      assert.deepEqual(
        before.map((r) => r.index),
        expected.slice(0, before.length).map((e) => e.index),
        'the filtered, sorted rows',
      );
      const urlBefore = page.url();

      await page.reload({ waitUntil: 'load' });
      await openJob(page, job.id);
      assert.equal(page.url(), urlBefore, 'the URL survives the reload');
      const after = await rowsAfterFilter(page, expected.length);
      assert.deepEqual(
        after.slice(0, 10).map((r) => r.cells[0]),
        before.slice(0, 10).map((r) => r.cells[0]),
        'the same first rows after the reload',
      );
      assert.equal(
        await page.locator('th', { has: page.getByRole('button', { name: 'Asset', exact: true }) }).getAttribute('aria-sort'),
        'ascending',
      );
      assert.equal(await page.locator('.pb-chart-group [data-legend="failed"]').first().getAttribute('aria-pressed'), 'true');

      const [header, ...records] = await exportedCsv(page, assetsCsvStem(job));
      assert.equal(header[0], 'Asset ID', 'the first column is the asset ID');
      const ids = records.map((record) => record[0]);
      assert.equal(ids.length, expected.length, 'one CSV record per filtered asset');
      assert.deepEqual(new Set(ids), new Set(expected.map((e) => e.asset.asset_id)), 'the CSV holds the filtered assets');
      assert.deepEqual(ids, expected.map((e) => e.asset.asset_id), 'in the order shown');
      for (const record of records) assert.equal(record.length, header.length, `record ${record[0]} has every column`);
    });
  });

  test('Execution Blocked names the job and the blocking job', async () => {
    let found = null;
    for (const job of jobs) {
      const asset = (await results(job.id)).find(
        (a) => statusTokenOf(a)?.startsWith('2057-') && a.facts?.blocking_job,
      );
      if (asset) {
        found = { job, asset };
        break;
      }
    }
    assert.ok(found, 'the demo has an Execution Blocked asset with a blocking job');
    const { job, asset } = found;
    const blocking = asset.facts.blocking_job;
    await withPage(`#/jobs/${job.id}`, {}, async ({ page }) => {
      const assets = await openJob(page, job.id);
      const index = assets.indexOf(asset);
      const term = asset.asset_name.toLowerCase();
      const sameName = count(assets, (a) => [a.asset_name, a.asset_id, a.os].some((text) => text.toLowerCase().includes(term)));
      await page.locator('input[type=search]').fill(asset.asset_name);
      const rows = await rowsAfterFilter(page, sameName);
      const row = rows.find((r) => r.index === index);
      assert.ok(row, `the row of ${asset.asset_name} is shown`);
      assert.ok(row.cells[4].includes(job.name), `the row message names the job "${job.name}": ${row.cells[4]}`);
      assert.ok(row.cells[4].includes(blocking), `the row message names the blocking job "${blocking}": ${row.cells[4]}`);

      await page.locator(`tr.pb-row[data-index="${index}"]`).click();
      const message = page.locator('.pb-panel [data-message]');
      await message.waitFor();
      const text = await message.textContent();
      assert.ok(text.includes(job.name), `the panel message names the job "${job.name}": ${text}`);
      assert.ok(text.includes(blocking), `the panel message names the blocking job "${blocking}": ${text}`);
    });
  });

  test("a message drawn before the job list answers names the job once it has", async () => {
    const job = jobs.find((j) => j.id === 'job-patch-tuesday');
    const asset = (await results(job.id)).find((a) => statusTokenOf(a)?.startsWith('2057-'));
    assert.ok(asset, 'the demo has an Execution Blocked asset in Patch Tuesday');
    await withPage('about:blank', {}, async ({ page }) => {
      // The job list answers only once the results are drawn.
      let release;
      const held = new Promise((resolve) => (release = resolve));
      await page.route('**/demo/jobs.json', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${server.url}#/jobs/${job.id}?q=${encodeURIComponent(asset.asset_id)}`);
      await page.waitForSelector('tr.pb-row');
      const message = page.locator('tr.pb-row td').nth(4);
      assert.ok((await message.textContent()).includes(`'${job.id}'`), 'before the list, the job goes by its id');
      release();
      await page.getByRole('heading', { level: 1, name: job.name }).waitFor();
      await page.waitForFunction(
        (name) => document.querySelectorAll('tr.pb-row td')[4]?.textContent.includes(name),
        job.name,
        { timeout: 5_000 },
      ).catch(() => {});
      assert.ok((await message.textContent()).includes(`'${job.name}'`), await message.textContent());
    });
  });

  test('a status not valid for the OS is marked on its row', async () => {
    let found = null;
    for (const job of jobs) {
      const asset = (await results(job.id)).find(isAnomalous);
      if (asset) {
        found = { job, asset };
        break;
      }
    }
    assert.ok(found, 'the demo has an asset whose status does not apply to its OS');
    const { job } = found;
    await withPage(`#/jobs/${job.id}`, {}, async ({ page }) => {
      const assets = await openJob(page, job.id);
      // Without a filter: a marker exactly on the anomalous rows in view.
      for (const row of await renderedRows(page)) {
        assert.equal(row.anomaly, isAnomalous(assets[row.index]), `marker on row ${row.cells[0]}`);
      }
      const anomalous = assets.map((asset, index) => ({ asset, index })).filter(({ asset }) => isAnomalous(asset));
      await page.getByLabel('Only statuses not valid for the OS').check();
      await page.waitForURL((url) => url.hash.includes('anomalies=1'));
      const rows = await rowsAfterFilter(page, anomalous.length);
      assert.deepEqual(
        new Set(rows.map((r) => r.index)),
        new Set(anomalous.map((a) => a.index)),
        'exactly the anomalous assets are listed',
      );
      for (const row of rows) {
        assert.ok(row.anomaly, `row ${row.cells[0]} carries the [data-anomaly] marker`);
        const asset = assets[row.index];
        assert.ok(row.cells[2].includes(resolveStatus(asset.status).name));
      }
      const marker = page.locator(`tr.pb-row[data-index="${anomalous[0].index}"] [data-anomaly]`);
      assert.match((await marker.getAttribute('title')) ?? '', /is not valid for/);
    });
  });

  test('a link to an asset the job does not have says so, and Dismiss takes it out of the URL', async () => {
    const job = jobs[0];
    await withPage(`#/jobs/${job.id}?phase=failed&asset=no-such-asset`, {}, async ({ page }) => {
      const notice = page.locator('.pb-page [role=status]', { hasText: 'The asset "no-such-asset" is not in this job' });
      await notice.waitFor({ timeout: LOAD_TIMEOUT });
      assert.equal(await page.locator('.pb-panel').count(), 0, 'no panel');
      await notice.getByRole('button', { name: 'Dismiss' }).click();
      await notice.waitFor({ state: 'detached' });
      // The URL is written after the repaint.
      await page.waitForURL((url) => !queryOf(url).has('asset'));
      const query = queryOf(page);
      assert.equal(query.get('asset'), null);
      assert.equal(query.get('phase'), 'failed', 'the rest of the view stays');
    });
  });

  test("dismissing the missing asset's notice leaves the notice of the link's unknown filters", async () => {
    const job = jobs[0];
    await withPage(`#/jobs/${job.id}?status=9999&asset=no-such-asset`, {}, async ({ page }) => {
      const missing = page.locator('.pb-page [role=status]', { hasText: 'The asset "no-such-asset" is not in this job' });
      const unknown = page.locator('.pb-page .pb-banner', { hasText: "Some of the link's filters or sort columns were left out" });
      await missing.waitFor({ timeout: LOAD_TIMEOUT });
      await unknown.waitFor();
      await missing.getByRole('button', { name: 'Dismiss' }).click();
      await missing.waitFor({ state: 'detached' });
      await page.waitForURL((url) => !queryOf(url).has('asset'));
      assert.equal(queryOf(page).get('status'), '9999', 'the unknown value stays in the URL until its own notice is dismissed');
      assert.ok(await unknown.isVisible(), 'the other notice stays');
      await unknown.getByRole('button', { name: 'Dismiss' }).click();
      await unknown.waitFor({ state: 'detached' });
      await page.waitForURL((url) => !queryOf(url).has('status'));
    });
  });

  test('a row opens the detail panel; Escape closes it and focus returns to the table', async () => {
    const job = await richestJob();
    await withPage(`#/jobs/${job.id}`, {}, async ({ page }) => {
      const assets = await openJob(page, job.id);
      const row = page.locator('tr.pb-row[data-position="2"]');
      const index = Number(await row.getAttribute('data-index'));
      const asset = assets[index];
      const entry = resolveStatus(asset.status);
      assert.ok(entry, `the status of ${asset.asset_id} resolves`);
      await row.click();
      const panel = page.locator('dialog.pb-panel');
      await panel.waitFor();
      await page.waitForURL((url) => queryOf(url).get('asset') === asset.asset_id);
      assert.equal((await panel.locator('#pb-panel-title').textContent()).trim(), asset.asset_name);
      const body = await panel.textContent();
      assert.ok(body.includes(`${entry.name} (code ${entry.code}, state ${entry.state})`), `the panel names the status: ${body}`);
      const description = statusDescriptions().get(entry.token);
      assert.ok(description, `a description for ${entry.token}`);
      assert.ok(body.includes(description), `the panel shows the description "${description}"`);
      assert.ok(body.includes(asset.asset_id), 'the panel shows the asset ID');
      assert.equal(await row.getAttribute('aria-selected'), 'true', 'the row is marked selected');
      // Focus moves into the panel.
      assert.ok(await panel.evaluate((element) => element.contains(document.activeElement)), 'focus is in the panel');

      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      // The panel goes at once; the URL once the browser has gone back.
      await page.waitForURL((url) => !queryOf(url).has('asset'));
      assert.equal(queryOf(page).get('asset'), null, 'the selection leaves the URL');
      const focused = await page.evaluate(() => ({
        row: document.activeElement?.matches('tr.pb-row') ?? false,
        index: document.activeElement?.dataset?.index,
      }));
      assert.ok(focused.row, 'focus returned to a table row');
      assert.equal(Number(focused.index), index, 'focus returned to the row that opened the panel');
    });
  });

  test('an open panel leaves the refresh line and its buttons in sight and in reach', async () => {
    const job = jobs[0];
    const [asset] = await results(job.id);
    for (const width of [1280, 1920]) {
      await withPage(`#/jobs/${job.id}?asset=${encodeURIComponent(asset.asset_id)}`, { viewport: { width, height: 800 } }, async ({ page }) => {
        await page.locator('dialog.pb-panel[open]').waitFor({ timeout: LOAD_TIMEOUT });
        await page.waitForFunction(() => !document.querySelector('.pb-panel').getAnimations().some((a) => a.playState === 'running'));
        const covered = await page.evaluate(() =>
          // What shows on screen (not the line's words for paper).
          [...document.querySelectorAll('.pb-refresh > *')]
            .filter((element) => element.checkVisibility())
            .filter((element) => {
              const box = element.getBoundingClientRect();
              const top = document.elementFromPoint(box.right - 2, box.top + box.height / 2);
              return !element.contains(top);
            })
            .map((element) => element.textContent),
        );
        assert.deepEqual(covered, [], `at ${width} px the panel covers none of the refresh line`);
        await page.getByRole('button', { name: 'Refresh now' }).focus();
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        assert.ok(await page.locator('dialog.pb-panel[open]').isVisible(), `at ${width} px reaching Refresh now keeps the panel open`);
      });
    }
  });

  test('on a wide window the page makes room for the panel: its toolbar and last column stay in reach', async () => {
    const job = jobs[0];
    // 1536: a 1920 px screen at 125 %, less a 17 px scrollbar.
    for (const [width, makesRoom] of [[1920, true], [1600, true], [1536, true], [1366, false]]) {
      await withPage(`#/jobs/${job.id}`, { viewport: { width, height: 900 } }, async ({ page }) => {
        await openJob(page, job.id);
        const edges = () =>
          page.evaluate(() => {
            const right = (selector) => document.querySelector(selector).getBoundingClientRect().right;
            const shown = [...document.querySelectorAll('thead th')].filter((th) => th.getClientRects().length > 0);
            // Where the table scrolls sideways (below 840 px), scrolled to its end.
            const scroller = document.querySelector('.pb-table-scroll');
            scroller.scrollLeft = scroller.scrollWidth;
            return {
              page: right('.pb-page'),
              exportButton: right('.pb-toolbar .pb-button'),
              lastColumn: shown.at(-1).getBoundingClientRect().right,
              panel: document.querySelector('dialog.pb-panel[open]')?.offsetLeft ?? null,
            };
          });
        const before = await edges();
        // A row in the window's lower half, as the page above it wraps.
        const clicked = page.locator('tr.pb-row').nth(4);
        await clicked.scrollIntoViewIfNeeded();
        const clickedAt = (await clicked.boundingBox()).y;
        await clicked.click();
        await page.locator('dialog.pb-panel[open]').waitFor();
        await page.waitForFunction(() => !document.querySelector('.pb-panel').getAnimations().some((a) => a.playState === 'running'));
        // The table lays its columns out again for its new width on the next frames.
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        const beside = await edges();
        const openAt = (await page.locator('tr.pb-row[aria-selected="true"]').boundingBox()).y;
        assert.ok(Math.abs(openAt - clickedAt) <= 1, `at ${width} px the clicked row stays under the pointer: ${clickedAt} → ${openAt}`);
        if (makesRoom) {
          for (const edge of ['page', 'exportButton', 'lastColumn']) {
            assert.ok(beside[edge] <= beside.panel, `at ${width} px the ${edge} ends left of the panel: ${beside[edge]} > ${beside.panel}`);
          }
          // Clicked, not covered: the export starts with the panel open.
          const download = page.waitForEvent('download');
          await page.getByRole('button', { name: 'Export CSV' }).click();
          await download;
        } else {
          assert.equal(beside.page, before.page, `at ${width} px the page keeps its width under the panel`);
        }
        await page.keyboard.press('Escape');
        await page.locator('dialog.pb-panel').waitFor({ state: 'detached' });
        assert.equal((await edges()).page, before.page, `at ${width} px the page takes its width back`);
      });
    }
  });

  test('Escape in a search box with text clears it first; the next closes the panel, the focus kept', async () => {
    const job = await richestJob();
    const name = (await results(job.id))[0].asset_name;
    await withPage(`#/jobs/${job.id}?q=${encodeURIComponent(name)}`, {}, async ({ page }) => {
      const assets = await openJob(page, job.id);
      await page.waitForFunction((all) => !document.querySelector('[data-row-count]').textContent.trim().startsWith(`${all} of`), assets.length);
      await page.locator('tr.pb-row[data-position="0"]').click();
      const panel = page.locator('dialog.pb-panel');
      await panel.waitFor();

      const search = page.getByRole('searchbox', { name: /Search assets/ });
      await search.focus();
      await page.keyboard.press('Escape');
      await page.waitForFunction((all) => document.querySelector('[data-row-count]').textContent.trim().startsWith(`${all} of`), assets.length);
      assert.equal(await search.inputValue(), '', 'Escape cleared the search, and the table follows');
      assert.ok(await panel.isVisible(), 'the panel stays open');
      await page.waitForURL((url) => queryOf(url).get('q') === null);

      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      assert.ok(await search.evaluate((element) => element === document.activeElement), 'the focus stays in the search box');

      // From a filter, Escape closes the panel and the focus stays on the filter.
      await page.locator('tr.pb-row[data-position="0"]').click();
      await panel.waitFor();
      const phase = page.getByRole('combobox', { name: /phase/i });
      await phase.focus();
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      assert.ok(await phase.evaluate((element) => element === document.activeElement), 'the focus stays on the filter');

      // A checkbox's value is never empty: Escape there closes the panel too.
      await page.locator('tr.pb-row[data-position="0"]').click();
      await panel.waitFor();
      await page.getByRole('checkbox', { name: /Only stuck/ }).focus();
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached', timeout: 5_000 });
    });
  });

  test('a failed patch number in the search lists the assets it failed on', async () => {
    // The demo patch that failed on the most assets, and the job it is in.
    let most = null;
    for (const job of jobs) {
      const failedOn = new Map();
      (await results(job.id)).forEach((asset, index) => {
        for (const patch of asset.failed_patches ?? []) failedOn.set(patch, [...(failedOn.get(patch) ?? []), index]);
      });
      for (const [patch, indices] of failedOn) {
        if (!most || indices.length > most.indices.length) most = { job, patch, indices };
      }
    }
    assert.ok(most?.indices.length > 1, 'the demo has a patch that failed on more than one asset');
    await withPage(`#/jobs/${most.job.id}`, {}, async ({ page }) => {
      await openJob(page, most.job.id);
      await page.getByRole('searchbox', { name: 'Search assets or failed patches' }).fill(most.patch.toLowerCase());
      const shown = await rowsAfterFilter(page, most.indices.length);
      assert.deepEqual(shown.map((row) => row.index).sort((a, b) => a - b), most.indices);
      // The Message column's cells, top to bottom (its heading gains an arrow once sorted by it).
      const messageColumn = () =>
        page.evaluate(() => {
          const column = [...document.querySelectorAll('.pb-table thead th')].findIndex((th) => th.textContent.startsWith('Message'));
          return [...document.querySelectorAll('tr.pb-row')].map((row) => row.children[column].textContent);
        });
      // Each row shows why it matched: the patch, first among its failed ones, in place of any message.
      const messages = await messageColumn();
      assert.equal(messages.length, most.indices.length);
      for (const message of messages) assert.ok(message.startsWith(`Failed: ${most.patch}`), message);
      // Sorted by Message, the column shows the text it is sorted by, not the one the search would write.
      await page.locator('thead th button', { hasText: 'Message' }).click();
      await page.waitForURL((url) => /[?&]sort=message\b/.test(url.hash));
      const sorted = await messageColumn();
      assert.equal(sorted.length, most.indices.length);
      assert.deepEqual(sorted, [...sorted].sort(naturalCompare), 'the Message column reads in order');
      await page.locator('tr.pb-row').first().click();
      const failedList = page.locator('.pb-panel h4:text-is("Failed patches") + ul li');
      assert.ok((await failedList.allTextContents()).includes(most.patch), 'the panel lists the patch among the failed');
    });
  });

  test('changing the view (filter, search, panel) does not reload the job data', async () => {
    const job = await richestJob();
    await withPage(`#/jobs/${job.id}`, {}, async ({ page }) => {
      await openJob(page, job.id);
      const requests = [];
      page.on('request', (request) => {
        const path = new URL(request.url()).pathname;
        if (path.endsWith('.json')) requests.push(path);
      });
      const h1 = await page.locator('h1').elementHandle();
      await page.locator('.pb-chart-group [data-legend="succeeded"]').first().click();
      await page.waitForURL((url) => url.hash.includes('phase=succeeded'));
      await page.locator('input[type=search]').fill('a');
      await page.locator('tr.pb-row').first().click();
      await page.locator('.pb-panel').waitFor();
      await page.waitForTimeout(500); // a reload would have started by now
      assert.deepEqual(requests, [], 'no data file is fetched again for a change of view');
      assert.ok(await h1.evaluate((element) => element.isConnected), 'the page is not rebuilt for a change of view');
    });
  });

  test('records looked at one after another take one history entry, and closing gives it back', async () => {
    const job = jobs[0];
    await withPage('#/jobs', {}, async ({ page }) => {
      await page.getByRole('link', { name: job.name, exact: true }).click();
      await page.waitForURL((url) => url.hash === `#/jobs/${job.id}`);
      await openJob(page, job.id);
      const panel = page.locator('dialog.pb-panel');
      const title = () => panel.locator('#pb-panel-title').textContent();
      for (const position of [0, 1, 2]) {
        const row = page.locator(`tr.pb-row[data-position="${position}"]`);
        const name = (await row.locator('td').first().textContent()).trim();
        await row.click();
        await page.waitForFunction((name) => document.querySelector('#pb-panel-title')?.textContent.trim() === name, name);
      }
      assert.ok((await title()).length > 0);
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      await page.waitForURL((url) => url.hash === `#/jobs/${job.id}`);
      // Back leaves the job, rather than open what was just closed or step through each record.
      await page.goBack();
      await page.waitForURL((url) => url.hash === '#/jobs');
      await page.goForward();
      await page.waitForURL((url) => url.hash === `#/jobs/${job.id}`);
      await openJob(page, job.id);
      assert.equal(await panel.count(), 0, 'Forward returns to the job with no record open');
      // Forward again reopens the record; closing it goes back as before, also after a reload.
      await page.goForward();
      await panel.waitFor();
      await page.reload();
      await panel.waitFor({ timeout: LOAD_TIMEOUT });
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      await page.waitForURL((url) => url.hash === `#/jobs/${job.id}`);
      await page.goBack();
      await page.waitForURL((url) => url.hash === '#/jobs');

      // A record opened by a link, not by the app: closing it leaves no entry that reopens it.
      const [asset] = await results(job.id);
      await page.evaluate((hash) => (location.hash = hash), `#/jobs/${job.id}?asset=${encodeURIComponent(asset.asset_id)}`);
      await panel.waitFor({ timeout: LOAD_TIMEOUT });
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      await page.goBack();
      await page.waitForURL((url) => url.hash === '#/jobs');
    });
  });

  test('closing a record whose row the filters have hidden leaves the focus on the page content', async () => {
    const job = jobs[0];
    await withPage(`#/jobs/${job.id}`, {}, async ({ page }) => {
      const assets = await openJob(page, job.id);
      const row = page.locator('tr.pb-row[data-position="0"]');
      const asset = assets[Number(await row.getAttribute('data-index'))];
      const other = ['failed', 'succeeded'].find((phase) => phaseOf(asset) !== phase);
      await row.click();
      const panel = page.locator('dialog.pb-panel');
      await panel.waitFor();
      await page.locator('select[aria-label="Filter by phase"]').selectOption(other);
      await page.waitForURL((url) => url.hash.includes(`phase=${other}`));
      await panel.getByRole('button', { name: 'Close details' }).focus();
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      await page.waitForFunction(() => document.activeElement?.id === 'pb-main', null, { timeout: 5_000 });
    });
  });

  test('an asset link (?asset=ID) opens its panel directly', async () => {
    const job = await richestJob();
    const assets = await results(job.id);
    const asset = assets[assets.length - 1];
    await withPage(`#/jobs/${job.id}?asset=${encodeURIComponent(asset.asset_id)}`, {}, async ({ page }) => {
      await openJob(page, job.id);
      const panel = page.locator('dialog.pb-panel');
      await panel.waitFor();
      assert.equal((await panel.locator('#pb-panel-title').textContent()).trim(), asset.asset_name);
    });
  });

  test("an asset's panel links to its status in the Reference, and Back returns to the panel", async () => {
    const job = await richestJob();
    const assets = await results(job.id);
    // The last asset in the data with a status the catalogue places, far down the Reference.
    const asset = assets.findLast((a) => resolveStatus(a.status)?.code >= 2050) ?? assets.findLast((a) => resolveStatus(a.status));
    const entry = resolveStatus(asset.status);
    const hash = `#/jobs/${job.id}?asset=${encodeURIComponent(asset.asset_id)}`;
    await withPage(hash, { viewport: { width: 1024, height: 768 } }, async ({ page }) => {
      await openJob(page, job.id);
      const link = page.locator('dialog.pb-panel').getByRole('link', { name: `${entry.name} in the Reference` });
      await link.click();
      await page.waitForURL((url) => url.hash === `#/reference?status=${entry.token}`);
      const marked = page.locator('.pb-reference-table tr[aria-current="true"]');
      await marked.first().waitFor();
      assert.deepEqual(await marked.evaluateAll((rows) => rows.map((row) => row.dataset.status)), [entry.token], 'the one entry is marked');
      // The reader starts at the entry: the focus on its name, the row in view.
      await page.waitForFunction((token) => document.activeElement?.closest('tr')?.dataset.status === token, entry.token);
      const box = await marked.boundingBox();
      assert.ok(box.y >= 0 && box.y + box.height <= 768, `the entry is in view: ${JSON.stringify(box)}`);
      await page.goBack();
      await page.waitForURL((url) => url.hash === hash);
      await page.locator('dialog.pb-panel').waitFor();
      // The keyboard is back on the link it left by, not on the panel's Close.
      await page.waitForFunction(
        (name) => document.activeElement?.closest('dialog.pb-panel') && document.activeElement.textContent === name,
        `${entry.name} in the Reference`,
      );
    });
  });

  test('an asset link scrolls the table to the asset\'s row', async () => {
    const job = await richestJob();
    const assets = await results(job.id);
    const last = [...assets].sort((a, b) => naturalCompare(a.asset_name, b.asset_name)).at(-1);
    await withPage(`#/jobs/${job.id}?sort=asset&asset=${encodeURIComponent(last.asset_id)}`, {}, async ({ page }) => {
      await openJob(page, job.id);
      const row = page.locator(`tr.pb-row[data-index="${assets.indexOf(last)}"]`);
      await row.waitFor({ timeout: LOAD_TIMEOUT });
      const inView = await row.evaluate((row) => {
        const table = row.closest('.pb-table-scroll').getBoundingClientRect();
        const box = row.getBoundingClientRect();
        return box.top >= table.top && box.bottom <= table.bottom;
      });
      assert.ok(inView, `${last.asset_name}, last by name, is in the table's view`);
    });
  });

  test('a new search starts the table at its top, where its first match shows below the header', async () => {
    const job = await richestJob();
    const assets = await results(job.id);
    await withPage(`#/jobs/${job.id}`, {}, async ({ page }) => {
      await openJob(page, job.id);
      const scroller = page.locator('.pb-table-scroll');
      await scroller.evaluate((element) => { element.scrollTop = element.scrollHeight; });
      await page.waitForFunction(() => document.querySelector('tr.pb-row[data-position="0"]') === null);
      // A search that still lists more than a screenful, so the browser
      // alone would keep the table scrolled.
      await page.getByRole('searchbox', { name: /Search assets/ }).fill('Completed');
      await page.waitForFunction((all) => !document.querySelector('[data-row-count]').textContent.trim().startsWith(`${all} of`), assets.length);
      assert.ok(await scroller.evaluate((element) => element.scrollHeight > 2 * element.clientHeight), 'the matches fill more than a screen');
      await page.waitForFunction(() => document.querySelector('.pb-table-scroll').scrollTop === 0, null, { timeout: 5_000 });
      const first = page.locator('tr.pb-row[data-position="0"]');
      const [row, header] = [await first.boundingBox(), await page.locator('.pb-table thead').boundingBox()];
      assert.ok(row.y >= header.y + header.height - 1, `the first match (${row.y}) sits below the header (${header.y + header.height})`);
    });
  });

  test('a page opened from a link far down another starts at its top', async () => {
    const job = await richestJob();
    const asset = (await results(job.id))[0];
    const viewport = { width: 360, height: 800 };
    await withPage(`#/jobs/${job.id}?asset=${encodeURIComponent(asset.asset_id)}`, { viewport }, async ({ page }) => {
      await openJob(page, job.id);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      assert.ok(await page.evaluate(() => window.scrollY > 800), 'the job page is scrolled far down');
      await page.locator('.pb-panel').getByRole('link', { name: 'Look up this asset in Endpoint exemptions' }).click();
      await page.locator('tr.pb-row, .pb-table-empty').first().waitFor({ timeout: LOAD_TIMEOUT });
      await page.waitForFunction(() => window.scrollY === 0, null, { timeout: 2000 });
    });
  });

  test('Back to a page left by a link returns to where its window and table were', async () => {
    const job = await richestJob();
    const assets = await results(job.id);
    await withPage(`#/jobs/${job.id}`, {}, async ({ page }) => {
      await openJob(page, job.id);
      await waitForLoaded(page, { total: assets.length });
      const scroller = page.locator('.pb-table-scroll');
      const place = () => page.evaluate(() => [scrollY, document.querySelector('.pb-table-scroll').scrollTop]);
      await page.evaluate(() => window.scrollTo(0, 150));
      await scroller.evaluate((element) => { element.scrollTop = 40 * 34; });
      // A row in view opens its panel without moving the page.
      await page.locator('tr.pb-row[data-position="45"]').evaluate((row) => row.click());
      const link = page.locator('.pb-panel').getByRole('link', { name: 'Look up this asset in Endpoint exemptions' });
      await link.waitFor();
      const left = await place();
      assert.ok(left[0] > 0 && left[1] > 0, `the window (${left[0]}) and the table (${left[1]}) are scrolled`);
      await link.evaluate((anchor) => anchor.click());
      await page.waitForFunction(() => location.hash.startsWith('#/exemptions'));
      await page.locator('tr.pb-row, .pb-table-empty').first().waitFor({ timeout: LOAD_TIMEOUT });
      await page.goBack();
      await page.locator('tr.pb-row[aria-selected="true"]').waitFor({ timeout: LOAD_TIMEOUT });
      await page.waitForFunction(
        ([y, top]) => scrollY === y && document.querySelector('.pb-table-scroll').scrollTop === top,
        left,
        { timeout: 5_000 },
      ).catch(async () => assert.deepEqual(await place(), left, 'the window and the table are where they were left'));
    });
  });

  test('Back to a page gives the keyboard to the link it was left by, not to another link to the same place', async () => {
    const job = jobs[0];
    await withPage(`#/jobs/${job.id}`, {}, async ({ page }) => {
      await openJob(page, job.id);
      // The header's Jobs tab links to the job list too, and comes first.
      const allJobs = page.locator('.pb-page-context').getByRole('link', { name: 'All jobs' });
      await allJobs.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.hash === '#/jobs');
      await page.goBack();
      await page.waitForURL((url) => url.hash === `#/jobs/${job.id}`);
      await page.waitForFunction(() => document.activeElement?.closest('.pb-page-context') && document.activeElement.textContent === 'All jobs');
    });
  });

  test("a link in an asset's panel hands the focus to the new page's heading, not to a row", async () => {
    const { endpoints } = await readEndpoints();
    const endpointNames = new Set(endpoints.map((e) => e.name));
    const job = await richestJob();
    // A host on both pages: the new page has rows the focus could wrongly land on.
    const asset = (await results(job.id)).find((a) => endpointNames.has(a.asset_name));
    for (const opened of ['link', 'row']) {
      const hash = opened === 'link' ? `#/jobs/${job.id}?asset=${encodeURIComponent(asset.asset_id)}` : `#/jobs/${job.id}?q=${encodeURIComponent(asset.asset_name)}`;
      await withPage(hash, {}, async ({ page }) => {
        await openJob(page, job.id);
        if (opened === 'row') await page.locator('tr.pb-row').first().click();
        const link = page.locator('.pb-panel').getByRole('link', { name: 'Look up this asset in Endpoint exemptions' });
        await link.focus();
        await page.evaluate(() => {
          window.focusedRows = [];
          document.addEventListener('focusin', (event) => {
            if (event.target.closest('tr')) window.focusedRows.push(event.target.outerHTML.slice(0, 80));
          });
        });
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => location.hash.startsWith('#/exemptions'));
        await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
        await page.waitForFunction(() => document.activeElement?.id === 'pb-page-title', null, { timeout: 2_000 }).catch(() => {});
        assert.deepEqual(
          await page.evaluate(() => [document.activeElement?.id, document.activeElement?.textContent]),
          ['pb-page-title', 'Endpoint exemptions'],
          `opened from a ${opened}: the new page's heading has the focus`,
        );
        assert.deepEqual(await page.evaluate(() => window.focusedRows), [], 'no row took the focus on the way');
      });
    }
  });

  test("an asset's panel links to the same host on Endpoint exemptions", async () => {
    const { endpoints } = await readEndpoints();
    const endpointNames = new Set(endpoints.map((e) => e.name));
    const job = await richestJob();
    const asset = (await results(job.id)).find((a) => endpointNames.has(a.asset_name));
    assert.ok(asset, 'the demo lists a host of this job on both pages');
    const expected = endpoints.filter((e) => e.name.toLowerCase().includes(asset.asset_name.toLowerCase()));
    await withPage(`#/jobs/${job.id}?asset=${encodeURIComponent(asset.asset_id)}`, {}, async ({ page }) => {
      await openJob(page, job.id);
      await page.locator('.pb-panel').getByRole('link', { name: 'Look up this asset in Endpoint exemptions' }).click();
      await page.waitForFunction(() => location.hash.startsWith('#/exemptions'));
      assert.equal(new URL(page.url()).hash, `#/exemptions?q=${encodeURIComponent(asset.asset_name)}`);
      // The new page's box: the job page's may still be there as the URL changes.
      assert.equal(await page.getByRole('searchbox', { name: 'Search endpoints' }).inputValue(), asset.asset_name);
      await page.waitForFunction((n) => document.querySelectorAll('tr.pb-row').length === n, expected.length, {
        timeout: LOAD_TIMEOUT,
      });
      const names = await page.locator('tr.pb-row td:first-child').allTextContents();
      assert.deepEqual(names.map((n) => n.trim()).sort(), expected.map((e) => e.name).sort());
      assert.equal(await page.locator('.pb-panel').count(), 0, "the job's panel does not follow to the other page");
    });
  });
});

describe('job pages in light and dark', () => {
  for (const colorScheme of ['light', 'dark']) {
    test(`render without problems (${colorScheme})`, async () => {
      const job = await richestJob();
      const assets = await results(job.id);
      await withPage('#/jobs', { colorScheme }, async ({ page }) => {
        await page.waitForFunction((n) => document.querySelectorAll('tr.pb-row').length >= n, jobs.length, {
          timeout: LOAD_TIMEOUT,
        });
        await screenshot(page, `jobs-list-${colorScheme}`);
        await page.goto(`${server.url}#/jobs/${job.id}`);
        await openJob(page, job.id);
        await screenshot(page, `job-progress-${colorScheme}`);
        const blocked = assets.find((a) => statusTokenOf(a)?.startsWith('2057-')) ?? assets[0];
        await page.goto(`${server.url}#/jobs/${job.id}?asset=${encodeURIComponent(blocked.asset_id)}`);
        await page.locator('dialog.pb-panel').waitFor({ timeout: LOAD_TIMEOUT });
        await screenshot(page, `job-progress-panel-${colorScheme}`);
      });
    });
  }
});
