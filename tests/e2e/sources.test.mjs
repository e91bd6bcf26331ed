// Data sources end to end: the app reads a backend it was never written for
// through a configuration given by the host page (window.PATCHBOARD_CONFIG).
//
// 1. json-server serving a data set in a foreign shape, read through a field
//    mapping with value translations, one malformed row among them;
// 2. the bundled qualys-pm preset against a loopback replay of the Qualys
//    gateway: numbered job pages, runs, and results paged by the searchAfter
//    header, with a bearer token;
// 3. an invalid configuration, reported by key path;
// 4. a backend failing a refresh: the error names status and URL, the rows stay.
//
// Expected values are computed from the fixture data and the status catalogue
// (docs/statuses.md through lib/data.mjs), never hard-coded.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { assertNoPageErrors, assertNoProblems, closeBrowser, screenshot, showAllChartEntries, texts, withPage } from './lib/browser.mjs';
import { grouped, phaseCatalogue, phaseOf, resolveStatus } from './lib/data.mjs';
import { startReplayServer } from './lib/replay-server.mjs';
import { freePort, REPO_ROOT, startBuiltApp } from './lib/server.mjs';

const LOAD_TIMEOUT = 30_000;
const TEST_TIMEOUT = 120_000;
const FIXTURES = join(REPO_ROOT, 'tests/e2e/fixtures');

let app; // the static server for dist/

before(async () => {
  app = await startBuiltApp();
});

after(async () => {
  await closeBrowser();
  await app?.stop();
});

// ---------------------------------------------------------------------------
// Page helpers

/** Runs `body` on `hash` with `config` as the host page's window.PATCHBOARD_CONFIG. */
function withConfiguredPage(hash, config, body) {
  return withPage(`${app.url}${hash}`, { config }, body);
}

/** Waits until the refresh line says "Updated …" (the load under way finished). */
function waitForUpdated(page) {
  return page.waitForFunction(
    () => (document.querySelector('[data-updated]')?.textContent ?? '').startsWith('Updated'),
    null,
    { timeout: LOAD_TIMEOUT },
  );
}

/** Waits for the job list's "N jobs." line to count `count` jobs and the load to finish. */
async function waitForJobList(page, count) {
  await page
    .waitForFunction(
      (count) =>
        (document.querySelector('.pb-page-context')?.textContent ?? '').startsWith(`${count} jobs.`) &&
        (document.querySelector('[data-updated]')?.textContent ?? '').startsWith('Updated'),
      count,
      { timeout: LOAD_TIMEOUT },
    )
    .catch(async (timeout) => {
      const shown = await texts(page, '.pb-page-context, [data-updated], [role=alert], [role=status]');
      throw new Error(`the job list did not finish with ${count} jobs; the page shows: ${shown.join(' | ')}`, {
        cause: timeout,
      });
    });
}

/**
 * Waits until the job page has loaded `total` assets, or shows an alert
 * instead (returned as text so the caller's assertion explains the failure).
 */
async function waitForAssets(page, total) {
  await page
    .waitForFunction(
      (total) => {
        const count = document.querySelector('[data-row-count]')?.textContent ?? '';
        const updated = document.querySelector('[data-updated]')?.textContent ?? '';
        const loaded = updated.startsWith('Updated') && new RegExp(` of ${total} assets( loaded)?$`).test(count);
        return loaded || document.querySelector('.pb-page [role=alert]') !== null;
      },
      grouped(total),
      { timeout: LOAD_TIMEOUT },
    )
    .catch(() => {}); // the assertions below say what the page shows instead
  return {
    rowCount: ((await page.locator('[data-row-count]').textContent({ timeout: 1_000 }).catch(() => '')) ?? '').trim(),
    alerts: await texts(page, '.pb-page [role=alert]'),
  };
}

function counterValue(page, id) {
  return page.locator(`[data-counter="${id}"] .pb-counter-value`).textContent();
}

/** The "Assets by status" legend, every entry: [{name, code, count}] in display order. */
async function statusLegend(page) {
  await showAllChartEntries(page);
  const entries = await texts(page, 'figcaption[aria-label="Assets by status"] [data-legend]');
  return entries.map((text) => {
    // "Completed (2036) (Succeeded) 12 · 40.0%": the phase is the words a screen reader hears for the colour.
    const match = /^(.*) \((\d+)\) \(([A-Z][a-z]+(?: [a-z]+)*)\)\s*(\d+) · /.exec(text);
    assert.ok(match, `unexpected status legend entry: ${text}`);
    return { name: match[1], code: Number(match[2]), phase: match[3], count: Number(match[4]) };
  });
}

/**
 * The cells of every row of the page's (virtualised) table, scrolled through
 * from top to bottom: [[cell text, …], …] in display order.
 */
async function allTableRows(page) {
  const rows = await page.evaluate(async () => {
    const scroller = document.querySelector('.pb-table-scroll');
    const frames = () =>
      new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0))));
    const seen = new Map();
    scroller.scrollTop = 0;
    await frames();
    for (let guard = 0; guard < 10_000; guard++) {
      for (const row of scroller.querySelectorAll('tr.pb-row')) {
        const cells = [...row.querySelectorAll('td')].map((cell) => cell.textContent.replace(/\s+/g, ' ').trim());
        seen.set(Number(row.dataset.position), cells);
      }
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
      scroller.scrollTop += Math.max(34, scroller.clientHeight - 68);
      await frames();
    }
    scroller.scrollTop = 0;
    return [...seen.entries()].sort(([a], [b]) => a - b).map(([, cells]) => cells);
  });
  const declared = Number(await page.locator('table.pb-table').getAttribute('aria-rowcount')) - 1;
  assert.equal(rows.length, declared, 'scrolling the table showed every row it declares');
  return rows;
}

/** The JavaScript value of a JSON Pointer inside `value` (undefined when absent). */
function at(value, pointer) {
  if (pointer === '') return value;
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((node, key) => (node == null ? undefined : node[key]), value);
}

/** The app's lenient non-negative integer: a number or a digit string (src/source/coerce.rs). */
function isUnsigned(value) {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0;
  return typeof value === 'string' && /^\s*\d+\s*$/.test(value);
}

function tally(values) {
  const counts = new Map();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** Counts per phase token of raw statuses, as the counters group them. */
function phaseCounts(raws) {
  const phases = tally(raws.map((status) => phaseOf({ status })));
  const get = (phase) => phases.get(phase) ?? 0;
  return {
    succeeded: get('succeeded'),
    failed: get('failed'),
    inProgress: get('running') + get('waiting') + get('queued'),
  };
}

// ---------------------------------------------------------------------------
// 1. json-server with a mapping configuration

/** Starts json-server 0.17 on a copy of `dbFile`; resolves once it answers. */
async function startJsonServer(dbFile) {
  const dir = await mkdtemp(join(tmpdir(), 'patchboard-json-server-'));
  const db = join(dir, 'db.json');
  await copyFile(dbFile, db);
  const port = await freePort();
  const bin = join(REPO_ROOT, 'node_modules/json-server/lib/cli/bin.js');
  const child = spawn(
    process.execPath,
    [bin, '--port', String(port), '--host', '127.0.0.1', '--quiet', '--read-only', db],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`json-server exited (${child.exitCode}) before answering:\n${output}`);
    }
    const ready = await fetch(`${url}/deployments`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`json-server did not answer on ${url} within 20 s:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return { url, stop };
}

/** Their words for a job's state and an asset's result, and ours. */
const JOB_STATES = { finished: 'Completed', active: 'Running' };
const RESULT_LABELS = {
  done: 'Completed',
  crashed: 'Job Failed',
  'needs reboot': 'Pending Reboot',
  waiting: 'Pending',
};

function mappingConfig(baseUrl) {
  return {
    base_url: baseUrl,
    refresh_seconds: 0,
    resources: {
      jobs: {
        url: '{base_url}/deployments',
        items: '',
        fields: {
          id: '/deploymentId',
          name: '/title',
          platform: '/os_platform',
          status: '/state',
          schedule: '/cadence',
          last_run: '/lastRunAt',
          asset_count: '/hostCount',
        },
        values: { status: JOB_STATES },
      },
      job_results: {
        url: '{base_url}/hosts?deployment={job_id}',
        items: '',
        fields: {
          asset_id: '/hostId',
          asset_name: '/hostname',
          os: '/osName',
          status_code: '/result/code',
          status_name: '/result/label',
          status_time: '/changedAt',
          patches_succeeded: '/patchesOk',
          patches_failed: '/patchesBad',
        },
        values: { status_name: RESULT_LABELS },
      },
    },
  };
}

describe('a foreign JSON backend (json-server) through a field mapping', () => {
  let jsonServer;
  let db;

  before(async () => {
    const file = join(FIXTURES, 'json-server-db.json');
    db = JSON.parse(await readFile(file, 'utf8'));
    jsonServer = await startJsonServer(file);
  });

  after(async () => {
    await jsonServer?.stop();
  });

  test('the job list shows their deployments, their words translated', { timeout: TEST_TIMEOUT }, async () => {
    await withConfiguredPage('#/jobs', mappingConfig(jsonServer.url), async (session) => {
      const { page } = session;
      await waitForJobList(page, db.deployments.length);
      const rows = await allTableRows(page);
      const byName = new Map(rows.map((cells) => [cells[0], cells]));
      assert.deepEqual(
        [...byName.keys()].sort(),
        db.deployments.map((d) => d.title).sort(),
        'one row per deployment, named by its title',
      );
      for (const deployment of db.deployments) {
        const cells = byName.get(deployment.title);
        assert.equal(cells[1], deployment.os_platform, `${deployment.title}: platform`);
        assert.equal(cells[2], JOB_STATES[deployment.state] ?? deployment.state, `${deployment.title}: status`);
        assert.equal(cells[4], String(deployment.hostCount), `${deployment.title}: asset count`);
      }
      assertNoProblems(session);
    });
  });

  test('a job page shows its hosts and statuses, and says a malformed value was left out', { timeout: TEST_TIMEOUT }, async () => {
    const deployment = db.deployments[0];
    const hosts = db.hosts.filter((host) => host.deployment === deployment.deploymentId);
    const readable = (host) => isUnsigned(host.patchesOk) && isUnsigned(host.patchesBad);
    const good = hosts.filter(readable);
    const bad = hosts.map((host, index) => ({ host, index })).filter(({ host }) => !readable(host));
    assert.equal(bad.length, 1, 'the fixture has exactly one malformed host for this deployment');
    const rawStatus = (host) => ({
      code: host.result.code ?? null,
      name: RESULT_LABELS[host.result.label] ?? host.result.label,
    });
    for (const host of hosts) {
      assert.ok(resolveStatus(rawStatus(host)), `fixture: ${host.hostname}'s status resolves in the catalogue`);
    }

    await withConfiguredPage(`#/jobs/${deployment.deploymentId}`, mappingConfig(jsonServer.url), async (session) => {
      const { page } = session;
      const { rowCount, alerts } = await waitForAssets(page, hosts.length);
      assert.deepEqual(alerts, [], 'no error banner');
      assert.equal(rowCount, `${grouped(hosts.length)} of ${grouped(hosts.length)} assets`, 'the malformed host is kept');
      assert.equal(await counterValue(page, 'total'), grouped(hosts.length));
      const phases = phaseCounts(hosts.map(rawStatus));
      assert.equal(await counterValue(page, 'succeeded'), grouped(phases.succeeded), 'succeeded counter');
      assert.equal(await counterValue(page, 'failed'), grouped(phases.failed), 'failed counter');
      assert.equal(await counterValue(page, 'in-progress'), grouped(phases.inProgress), 'in-progress counter');
      await page.waitForFunction(
        (title) => document.querySelector('#pb-page-title')?.textContent === title,
        deployment.title,
        { timeout: LOAD_TIMEOUT },
      );

      // Statuses by name and count, as the legend shows them.
      const expected = tally(hosts.map((host) => resolveStatus(rawStatus(host))));
      const legend = await statusLegend(page);
      const phaseLabel = new Map(phaseCatalogue().map(({ token, label }) => [token, label]));
      assert.deepEqual(
        legend.map(({ name, code, phase, count }) => `${name} (${code}), ${phase}: ${count}`).sort(),
        [...expected].map(([entry, count]) => `${entry.name} (${entry.code}), ${phaseLabel.get(entry.phase)}: ${count}`).sort(),
        'the status legend names each status, the phase its colour stands for, and its count',
      );

      // Every host is a row with its translated status; the malformed value is not shown.
      const rows = await allTableRows(page);
      const shown = new Map(rows.map((cells) => [cells[0], cells]));
      assert.deepEqual([...shown.keys()].sort(), hosts.map((host) => host.hostname).sort(), 'a row for each host');
      const malformed = shown.get(bad[0].host.hostname);
      assert.equal(malformed[2], `${resolveStatus(rawStatus(bad[0].host)).name} · ${resolveStatus(rawStatus(bad[0].host)).code}`, 'its status shows');
      assert.ok(!malformed.join(' ').includes(String(bad[0].host.patchesOk)), `its bad count does not: ${malformed}`);
      for (const host of good) {
        const entry = resolveStatus(rawStatus(host));
        const cells = shown.get(host.hostname);
        assert.equal(cells[1], host.osName, `${host.hostname}: OS`);
        assert.equal(cells[2], `${entry.name} · ${entry.code}`, `${host.hostname}: status`);
        assert.equal(cells[5], String(Number(host.patchesOk)), `${host.hostname}: patches succeeded`);
        assert.equal(cells[6], String(Number(host.patchesBad)), `${host.hostname}: patches failed`);
      }

      // The value left out is reported: how many, which row, which field and pointer.
      const banner = page.locator('.pb-banner', { hasText: 'could not be read' });
      await banner.waitFor({ timeout: 5_000 });
      const text = (await banner.textContent()).replace(/\s+/g, ' ');
      assert.ok(text.includes('1 value could not be read and is left out; its row is shown and counted'), `the banner counts the value left out: ${text}`);
      assert.ok(text.includes(`row ${bad[0].index} (asset_id ${JSON.stringify(String(bad[0].host.hostId))}): patches_succeeded`), `the banner names the row and field: ${text}`);
      assert.ok(text.includes('"/patchesOk"'), `the banner names the pointer: ${text}`);
      assert.ok(text.includes(JSON.stringify(bad[0].host.patchesOk)), `the banner shows the bad value: ${text}`);
      await screenshot(page, 'sources-json-server-job');
      assertNoProblems(session);
    });
  });
});

// ---------------------------------------------------------------------------
// 2–4. The qualys-pm preset against a replay of the Qualys gateway

const TOKEN = 'test-token';
const QUALYS_PRESET = JSON.parse(await readFile(join(REPO_ROOT, 'src/source/presets/qualys-pm.json'), 'utf8'));
const JOBS_PAGE_SIZE = QUALYS_PRESET.resources.jobs.paging.size;
const RESULTS_PAGE_SIZE = QUALYS_PRESET.resources.job_results.paging.size;

/** Statuses as the gateway words them: the catalogue's code and name. */
const QUALYS_STATUSES = [
  { statusCode: 2036, status: 'Completed' },
  { statusCode: 2046, status: 'Job Failed' },
  { statusCode: 2034, status: 'Pending Reboot' },
  { statusCode: 2032, status: 'Pending' },
  { statusCode: 2044, status: 'Job Started' },
  { statusCode: 2037, status: 'Timed Out' },
  { statusCode: 2036, status: 'Completed' },
  { statusCode: 2038, status: 'Canceled - Blackout' },
];
const QUALYS_OSES = ['Windows Server 2019 Datacenter', 'Windows 11 Enterprise', 'Red Hat Enterprise Linux 9.2', 'Ubuntu 22.04 LTS'];

/** A deterministic Qualys-shaped data set: jobs over two full-or-partial pages, runs, results. */
function qualysData() {
  const now = Date.now();
  const jobCount = JOBS_PAGE_SIZE + Math.ceil(JOBS_PAGE_SIZE / 3); // page 0 full, page 1 partial, page 2 empty
  const jobs = Array.from({ length: jobCount }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    const job = {
      id: `6d1f3c2a-0000-4000-8000-000000000${n}`,
      name: `Patch Tuesday wave ${n}`,
      platform: i % 3 === 2 ? 'Linux' : 'Windows',
      status: ['Completed', 'Running', 'Scheduled'][i % 3],
      scheduleType: i % 2 ? 'Recurring' : 'Once',
      lastScheduleDateTime: now - (i + 1) * 3_600_000,
      nextScheduleDateTime: i % 2 ? now + 86_400_000 : null,
      completionPercent: (i * 7) % 101,
    };
    // Some gateways send only the applicable count: the preset falls back to it.
    if (i % 2 === 0) job.totalAssetCount = 10 + i;
    else job.applicableAssetCount = 10 + i;
    return job;
  });
  const target = jobs[0];
  const resultCount = 2 * RESULTS_PAGE_SIZE + Math.ceil(RESULTS_PAGE_SIZE / 4); // two full pages and a short one
  const assets = (count, runSeed) =>
    Array.from({ length: count }, (_, i) => {
      const status = QUALYS_STATUSES[(i * 5 + runSeed) % QUALYS_STATUSES.length];
      return {
        asset: {
          id: `a-${runSeed}-${String(i).padStart(5, '0')}`,
          name: `host-${runSeed}-${String(i).padStart(5, '0')}.corp.example`,
          operatingSystem: QUALYS_OSES[i % QUALYS_OSES.length],
        },
        status: status.status,
        statusCode: status.statusCode,
        statusDateTime: now - (i % 600) * 1000,
        successPatches: i % 4,
        failedPatches: status.statusCode === 2046 ? 1 : 0,
        supersededPatches: i % 2,
        notApplicablePatches: 0,
        totalPatchCount: 5,
        installedPatchCount: i % 4,
        tags: [{ name: 'e2e' }],
      };
    });
  const runs = {
    [target.id]: [
      { jobInstanceId: 41, scheduledDateTime: now - 7 * 86_400_000 },
      { jobInstanceId: 42, scheduledDateTime: now - 3_600_000 },
    ],
  };
  const results = { [target.id]: { 41: assets(17, 1), 42: assets(resultCount, 2) } };
  return { jobs, runs, results, target, latestRun: '42' };
}

function qualysConfig(baseUrl) {
  return { preset: 'qualys-pm', base_url: baseUrl, headers: { Authorization: `Bearer ${TOKEN}` } };
}

describe('the qualys-pm preset against a replay of the gateway', () => {
  let replay;
  let data;

  before(async () => {
    data = qualysData();
    replay = await startReplayServer(data);
  });

  after(async () => {
    await replay?.stop();
  });

  /** Requests to the replay server, OPTIONS preflights excluded, since `from`. */
  const requestsSince = (from, path) => replay.requests.slice(from).filter((r) => path === undefined || path.test(r.path));

  function assertTokenStaysInHeaders(session, from) {
    for (const request of requestsSince(from)) {
      assert.equal(request.headers.authorization, `Bearer ${TOKEN}`, `${request.method} ${request.url} carried the token`);
      assert.ok(!request.url.includes(TOKEN), `the token is not in the request URL ${request.url}`);
    }
    for (const url of [...session.navigations, session.page.url()]) {
      assert.ok(!url.includes(TOKEN) && !url.includes(encodeURIComponent(`Bearer ${TOKEN}`)), `the token is not in the page URL ${url}`);
    }
  }

  test('every job of every numbered page is listed', { timeout: TEST_TIMEOUT }, async () => {
    const from = replay.requests.length;
    await withConfiguredPage('#/jobs', qualysConfig(replay.url), async (session) => {
      const { page } = session;
      await waitForJobList(page, data.jobs.length);

      const listed = requestsSince(from, /\/deploymentjobs\/summary$/);
      assert.deepEqual(
        listed.map((r) => [r.method, r.query.get('pageNumber'), r.query.get('pageSize'), r.itemCount]),
        [
          ['GET', '0', String(JOBS_PAGE_SIZE), JOBS_PAGE_SIZE],
          ['GET', '1', String(JOBS_PAGE_SIZE), data.jobs.length - JOBS_PAGE_SIZE],
          ['GET', '2', String(JOBS_PAGE_SIZE), 0],
        ],
        'pages 0, 1 and 2 were asked for, and the empty page 2 ended the list',
      );

      const rows = await allTableRows(page);
      const byName = new Map(rows.map((cells) => [cells[0], cells]));
      assert.equal(rows.length, data.jobs.length, 'one row per job');
      for (const job of data.jobs) {
        const cells = byName.get(job.name);
        assert.ok(cells, `job "${job.name}" is listed`);
        assert.equal(cells[1], job.platform, `${job.name}: platform`);
        assert.equal(cells[2], job.status, `${job.name}: status`);
        assert.equal(cells[4], String(job.totalAssetCount ?? job.applicableAssetCount), `${job.name}: asset count`);
        assert.ok(cells[3].startsWith(`${job.scheduleType} · `), `${job.name}: schedule shown: ${cells[3]}`);
      }
      assertTokenStaysInHeaders(session, from);
      assertNoProblems(session);
    });
  });

  test('a chosen run loads every asset result, paged by the searchAfter header', { timeout: TEST_TIMEOUT }, async () => {
    const { target, latestRun } = data;
    const assets = data.results[target.id][latestRun];
    const from = replay.requests.length;
    await withConfiguredPage(`#/jobs/${target.id}?run=${latestRun}`, qualysConfig(replay.url), async (session) => {
      const { page } = session;
      const { rowCount, alerts } = await waitForAssets(page, assets.length);
      assert.deepEqual(alerts, [], 'no error banner');
      assert.equal(rowCount, `${grouped(assets.length)} of ${grouped(assets.length)} assets`, 'all assets of all result pages');
      assert.equal(await counterValue(page, 'total'), grouped(assets.length));
      const phases = phaseCounts(assets.map((a) => ({ code: a.statusCode, name: a.status })));
      assert.equal(await counterValue(page, 'succeeded'), grouped(phases.succeeded), 'succeeded counter');
      assert.equal(await counterValue(page, 'failed'), grouped(phases.failed), 'failed counter');
      assert.equal(await counterValue(page, 'in-progress'), grouped(phases.inProgress), 'in-progress counter');
      const expected = tally(assets.map((a) => resolveStatus({ code: a.statusCode, name: a.status })));
      assert.deepEqual(
        (await statusLegend(page)).map(({ name, code, count }) => `${name} (${code}): ${count}`).sort(),
        [...expected].map(([entry, count]) => `${entry.name} (${entry.code}): ${count}`).sort(),
        'the status legend counts every status over all pages',
      );

      // Results: POSTed with the run and the preset's page size, cursors handed on in order.
      const posts = requestsSince(from, /\/deploymentjobresult\/summary$/);
      assert.equal(posts.length, Math.ceil(assets.length / RESULTS_PAGE_SIZE), 'one request per result page');
      assert.ok(posts.length >= 3, 'the results really were paged');
      posts.forEach((post, i) => {
        assert.equal(post.method, 'POST');
        assert.equal(post.path, `/pm/v1/deploymentjob/${target.id}/deploymentjobresult/summary`);
        assert.deepEqual(post.body, { jobInstanceId: latestRun, pageSize: RESULTS_PAGE_SIZE }, `request ${i + 1}: body`);
        assert.match(post.headers['content-type'] ?? '', /^application\/json/, `request ${i + 1}: content type`);
        const expectedCursor = i === 0 ? undefined : posts[i - 1].responseHeaders.searchAfter;
        assert.equal(post.headers.searchafter, expectedCursor, `request ${i + 1} sends the cursor of response ${i}`);
        assert.equal(post.status, 200);
      });
      assert.deepEqual(
        posts.map((post) => post.itemCount),
        [RESULTS_PAGE_SIZE, RESULTS_PAGE_SIZE, assets.length - 2 * RESULTS_PAGE_SIZE],
        'two full pages and a short last one',
      );
      assert.equal(posts.at(-1).responseHeaders.searchAfter, undefined, 'the short last page carried no cursor');

      // Runs: asked for once with the token; two runs show the run selector on the chosen one.
      const runRequests = requestsSince(from, /\/runs$/);
      assert.ok(runRequests.length >= 1, 'the runs were asked for');
      assert.equal(runRequests[0].path, `/pm/v1/deploymentjob/${target.id}/runs`);
      await page.locator('select.pb-select').first().waitFor({ timeout: 5_000 });
      assert.equal(await page.locator('select.pb-select').first().inputValue(), latestRun, 'the run selector shows the chosen run');

      assertTokenStaysInHeaders(session, from);
      await screenshot(page, 'sources-qualys-job');
      assertNoProblems(session);
    });
  });

  test('a bad value on a later page is named by its row\'s place in the whole list', { timeout: TEST_TIMEOUT }, async () => {
    const { target, latestRun } = data;
    const assets = data.results[target.id][latestRun].map((asset) => ({ ...asset }));
    const badIndex = RESULTS_PAGE_SIZE + 3; // the fourth row of the second page
    assets[badIndex].statusDateTime = 'yesterday';
    const own = await startReplayServer({ ...data, results: { [target.id]: { [latestRun]: assets } } });
    try {
      await withConfiguredPage(`#/jobs/${target.id}?run=${latestRun}`, qualysConfig(own.url), async (session) => {
        const { page } = session;
        const { rowCount } = await waitForAssets(page, assets.length);
        assert.equal(rowCount, `${grouped(assets.length)} of ${grouped(assets.length)} assets`, 'the row is kept');
        const banner = page.locator('.pb-banner', { hasText: /could not be read and (is|are) left out/ });
        const text = (await banner.textContent()).replace(/\s+/g, ' ');
        assert.ok(text.includes(`row ${badIndex} (asset_id "${assets[badIndex].asset.id}"): status_time`), `not the row's place on its page (${badIndex - RESULTS_PAGE_SIZE}): ${text}`);
      });
    } finally {
      await own.stop();
    }
  });

  test('max_items cuts the results at the limit, and the figures count what was kept', { timeout: TEST_TIMEOUT }, async () => {
    const { target, latestRun } = data;
    const assets = data.results[target.id][latestRun];
    // Mid-way through the second page, so that page is read only in part.
    const max = RESULTS_PAGE_SIZE + 7;
    assert.ok(assets.length > max, 'the run has more results than the limit');
    const config = qualysConfig(replay.url);
    config.resources = { job_results: { max_items: max } };
    await withConfiguredPage(`#/jobs/${target.id}?run=${latestRun}`, config, async (session) => {
      const { page } = session;
      const { rowCount } = await waitForAssets(page, max);
      assert.equal(rowCount, `${grouped(max)} of ${grouped(max)} assets loaded`, 'the table holds exactly the limit, and says more exist');
      assert.equal(await counterValue(page, 'total'), grouped(max), 'the Assets counter counts what was kept');
      const note = (await page.locator('.pb-chart-note').textContent()).trim();
      assert.ok(note.startsWith('The figures and the chart count the assets loaded.'), note);
      const banner = (await texts(page, '.pb-page .pb-banner')).join(' | ');
      assert.ok(banner.includes(`Showing the first ${grouped(max)} rows`), `the cut is announced: ${banner}`);
      const kept = assets.slice(0, max).map((asset) => asset.asset.name);
      const shown = await page.$$eval('tr.pb-row td:first-child', (cells) => cells.map((cell) => cell.textContent.trim()));
      for (const name of shown) assert.ok(kept.includes(name), `${name} is among the first ${max} results`);
      assertNoPageErrors(session);
    });
  });

  test('opening a job from the list (latest run) loads its asset results', { timeout: TEST_TIMEOUT }, async () => {
    const { target, latestRun } = data;
    const assets = data.results[target.id][latestRun];
    const from = replay.requests.length;
    await withConfiguredPage('#/jobs', qualysConfig(replay.url), async (session) => {
      const { page } = session;
      await waitForJobList(page, data.jobs.length);
      await page.getByRole('link', { name: target.name, exact: true }).click();
      await page.waitForURL((url) => url.hash.startsWith(`#/jobs/${target.id}`), { timeout: 10_000 });
      const { rowCount, alerts } = await waitForAssets(page, assets.length);
      assert.deepEqual(alerts, [], `the job page shows no error (an operator opens a job without choosing a run)`);
      assert.equal(rowCount, `${grouped(assets.length)} of ${grouped(assets.length)} assets`, "the latest run's assets");
      const posts = requestsSince(from, /\/deploymentjobresult\/summary$/);
      assert.ok(posts.length >= 3, 'the results were paged');
      assertTokenStaysInHeaders(session, from);
      assertNoProblems(session);
    });
  });

  test('an invalid configuration is reported by key path', { timeout: TEST_TIMEOUT }, async () => {
    await withConfiguredPage('#/jobs', { resources: { jobs: { url: 5 } } }, async (session) => {
      const { page } = session;
      const problems = page.locator('[data-config-problems]');
      await problems.waitFor({ timeout: LOAD_TIMEOUT });
      assert.equal(await problems.getAttribute('role'), 'alert');
      const text = (await problems.textContent()).replace(/\s+/g, ' ');
      assert.ok(text.includes('window.PATCHBOARD_CONFIG'), `names where the configuration came from: ${text}`);
      const items = await texts(page, '[data-config-problems] li');
      const urlProblem = items.find((item) => item.startsWith('resources.jobs.url:'));
      assert.ok(urlProblem, `a problem names resources.jobs.url: ${items.join(' | ')}`);
      assert.match(urlProblem, /expected a string, found 5/);
      // Every problem at once, each with its key path.
      for (const path of ['base_url', 'resources.jobs.fields', 'resources.job_results']) {
        assert.ok(items.some((item) => item.startsWith(`${path}:`)), `a problem names ${path}: ${items.join(' | ')}`);
      }
      assert.equal(await page.locator('tr.pb-row').count(), 0, 'no data is loaded');
      assertNoPageErrors(session);
    });
  });

  test('an HTTP 500 on refresh is reported with status and URL, the rows stay', { timeout: TEST_TIMEOUT }, async () => {
    const listPath = '/pm/v1/deploymentjobs/summary';
    await withConfiguredPage('#/jobs', qualysConfig(replay.url), async (session) => {
      const { page } = session;
      await waitForJobList(page, data.jobs.length);
      const before = await texts(page, 'tr.pb-row td:first-child');
      assert.ok(before.length > 0, 'rows are shown after the first load');

      const from = replay.requests.length;
      replay.failWith((request) => request.path === listPath, 500);
      try {
        await page.getByRole('button', { name: 'Refresh now' }).click();
        const banner = page.locator('.pb-page [role=alert]', { hasText: 'HTTP 500' });
        await banner.waitFor({ timeout: LOAD_TIMEOUT });
        const text = (await banner.textContent()).replace(/\s+/g, ' ');
        const failedUrl = `${replay.url}${listPath}?pageNumber=0&pageSize=${JOBS_PAGE_SIZE}`;
        assert.ok(text.includes(`HTTP 500 from ${failedUrl}`), `the banner names status and URL: ${text}`);
        assert.ok(text.includes('The last refresh failed'), `the banner says the rows are from the last load: ${text}`);
        const refresh = requestsSince(from);
        assert.ok(refresh.length >= 1 && refresh.every((r) => r.status === 500), 'the refresh was answered with 500s only');

        // The previous rows are still on screen.
        await waitForUpdated(page).catch(() => {});
        assert.ok((await page.locator('.pb-page-context').textContent()).startsWith(`${data.jobs.length} jobs.`));
        assert.deepEqual(await texts(page, 'tr.pb-row td:first-child'), before, 'the rows loaded before stay');
        await screenshot(page, 'sources-refresh-500');
      } finally {
        replay.stopFailing();
      }

      // Once the backend answers again, Retry clears the banner.
      await page.locator('.pb-page [role=alert]', { hasText: 'HTTP 500' }).getByRole('button', { name: 'Retry' }).click();
      await page.locator('.pb-page [role=alert]', { hasText: 'HTTP 500' }).waitFor({ state: 'detached', timeout: LOAD_TIMEOUT });
      await waitForJobList(page, data.jobs.length);
      assertNoPageErrors(session);
    });
  });
});
