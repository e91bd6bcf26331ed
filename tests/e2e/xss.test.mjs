// Markup in data is text. A backend's asset names, job names and ids, status
// names and message facts (the blocking job), endpoint names, drive and
// schedule names and reported exemption names all reach the page; each of the
// payloads below must render as literal text, never as an element, an event
// handler or a javascript: link, on the lists and in the detail panels.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { closeBrowser, withPage } from './lib/browser.mjs';
import { nativeConfig, startFaultServer } from './lib/fault-server.mjs';
import { DIST_DIR, startServer } from './lib/server.mjs';

const LOAD_TIMEOUT = 30_000;
const TEST_TIMEOUT = 90_000;
const NOW = Date.now();
const MINUTE = 60_000;

const PAYLOADS = [
  '<img src=x onerror=window.__pwned=1>',
  '"><svg onload=window.__pwned=1>',
  'javascript:window.__pwned=1',
];
const [IMG, SVG, JS_URL] = PAYLOADS;

let app;
let backend;

// ---------------------------------------------------------------------------
// Data: every text field a payload

const XSS_JOB = 'job-xss';

const jobs = [
  {
    id: XSS_JOB,
    name: IMG,
    platform: SVG,
    status: JS_URL,
    schedule: IMG,
    last_run: NOW - 60 * MINUTE,
    asset_count: 6,
    completion_percent: 10,
    succeeded: 1,
    failed: 1,
    in_progress: 4,
  },
  { id: 'job-svg', name: SVG, platform: 'Windows', status: 'Running', last_run: NOW - MINUTE },
  // An id that is itself a javascript: URL must not become a javascript: link.
  { id: JS_URL, name: JS_URL, platform: 'Linux', status: 'Running', last_run: NOW - MINUTE },
];

function assetResult(id, name, status, extra = {}) {
  return {
    asset_id: id,
    asset_name: name,
    os: 'Windows Server 2022 Datacenter',
    status,
    status_time: NOW - 5 * MINUTE,
    patches: { succeeded: 1, failed: 0, superseded: 0, not_applicable: 0, total: 1 },
    ...extra,
  };
}

const BLOCKED = { code: 2057, state: 1, name: 'Execution Blocked' };
const TIMED_OUT = { code: 2037, state: 0, name: 'Timed Out' };

const results = {
  [XSS_JOB]: [
    assetResult('x-img', IMG, BLOCKED, { facts: { blocking_job: IMG } }),
    assetResult('x-svg', SVG, BLOCKED, { facts: { blocking_job: SVG }, os: SVG }),
    assetResult('x-js', JS_URL, BLOCKED, { facts: { blocking_job: JS_URL } }),
    assetResult('x-timeout', 'timeout-host', TIMED_OUT, { facts: { timeout_reason: IMG } }),
    // A status name the catalogue does not know is shown raw.
    assetResult('x-status', 'status-host', { name: SVG }, {
      history: [{ status: { name: IMG }, at: NOW - 10 * MINUTE }, { status: { code: 9999, name: JS_URL }, at: NOW - 9 * MINUTE }],
      succeeded_patches: [IMG, JS_URL],
      failed_patches: [SVG],
    }),
    // An id that is a payload (it lands in the URL's query when selected).
    assetResult(SVG, 'payload-id-host', { code: 2036, state: 0, name: 'Completed' }),
  ],
  'job-svg': [assetResult('s-1', SVG, { code: 2036, state: 0, name: 'Completed' })],
  [JS_URL]: [assetResult('j-1', JS_URL, { code: 2036, state: 0, name: 'Completed' })],
};

function endpointFacts(id, name, extra = {}) {
  return {
    id,
    name,
    os: 'Windows Server 2022 Datacenter',
    connector: 'Connected',
    credentials_valid: true,
    power: 'On',
    os_supported: true,
    maintenance: { name: IMG, windows: [{ start: NOW + 60 * MINUTE, end: NOW + 120 * MINUTE }] },
    powershell_major: 5,
    powershell_policy: SVG,
    readiness: { wsus_last_report: NOW - 60 * MINUTE },
    drives: [{ name: IMG, used_percent: 95 }, { name: JS_URL, used_percent: 10 }],
    last_seen: NOW - 5 * MINUTE,
    reported_exemptions: [...PAYLOADS],
    ...extra,
  };
}

const endpoints = [
  endpointFacts('e-img', IMG),
  endpointFacts('e-svg', SVG, { os: SVG }),
  endpointFacts('e-js', JS_URL),
  endpointFacts(IMG, 'payload-id-endpoint'),
];

before(async () => {
  for (let i = 0; i < 6 && !existsSync(join(DIST_DIR, 'index.html')); i++) {
    await new Promise((done) => setTimeout(done, 30_000));
  }
  assert.ok(existsSync(join(DIST_DIR, 'index.html')), `no ${DIST_DIR}/index.html: run trunk build first`);
  app = await startServer({ root: DIST_DIR });
  backend = await startFaultServer({ jobs, results, endpoints });
});

after(async () => {
  await closeBrowser();
  await backend?.stop();
  await app?.stop();
});

// ---------------------------------------------------------------------------
// Helpers

/** Runs `body` on `hash` with `config` as the host page's window.PATCHBOARD_CONFIG. */
function withConfiguredPage(hash, config, body) {
  return withPage(`${app.url}${hash}`, { config }, body);
}

/** Nothing ran and nothing became markup: the checks every view must pass. */
async function assertInert(session, where) {
  const { page } = session;
  // Give any injected handler (an image error, an svg load) a chance to fire.
  await page.waitForTimeout(200);
  const found = await page.evaluate(() => ({
    pwned: typeof window.__pwned,
    img: document.querySelectorAll('img[src=x], img[src="x"]').length,
    svgOnload: document.querySelectorAll('svg[onload]').length,
    handlers: [...document.querySelectorAll('*')]
      .filter((element) => [...element.attributes].some((a) => /^on/i.test(a.name)))
      .map((element) => element.outerHTML.slice(0, 120)),
    javascriptLinks: [...document.querySelectorAll('a[href], area[href], [src], form[action], [formaction]')]
      .map((element) => element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('action') ?? element.getAttribute('formaction'))
      .filter((url) => /^\s*javascript:/i.test(url ?? '')),
    javascriptHrefSelector: document.querySelectorAll('a[href^="javascript:"]').length,
  }));
  assert.equal(found.pwned, 'undefined', `${where}: window.__pwned stays undefined`);
  assert.equal(found.img, 0, `${where}: no img[src=x] element`);
  assert.equal(found.svgOnload, 0, `${where}: no svg[onload] element`);
  assert.deepEqual(found.handlers, [], `${where}: no element carries an inline event handler`);
  assert.deepEqual(found.javascriptLinks, [], `${where}: no javascript: URL in any link or source`);
  assert.equal(found.javascriptHrefSelector, 0, `${where}: no a[href^="javascript:"]`);
  assert.deepEqual(session.pageErrors, [], `${where}: uncaught page errors:\n${session.pageErrors.join('\n')}`);
}

/** The document's text, whitespace kept as is. */
function documentText(page) {
  return page.evaluate(() => document.body.textContent);
}

async function assertShowsLiterally(page, strings, where) {
  const text = await documentText(page);
  for (const string of strings) {
    assert.ok(text.includes(string), `${where}: ${JSON.stringify(string)} is shown as text`);
  }
}

async function waitForRows(page, count) {
  await page.waitForFunction(
    (count) =>
      document.querySelectorAll('tr.pb-row').length === count &&
      (document.querySelector('[data-updated]')?.textContent ?? '').startsWith('Updated'),
    count,
    { timeout: LOAD_TIMEOUT },
  );
}

/** Clicks the row whose first cell is exactly `text` and waits for the panel titled `title`. */
async function openPanel(page, text, title = text) {
  const row = page.locator('tr.pb-row').filter({
    has: page.locator('td:first-child', { hasText: new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) }),
  });
  await row.first().click();
  const heading = page.locator('.pb-panel #pb-panel-title');
  await page.waitForFunction((title) => document.querySelector('.pb-panel #pb-panel-title')?.textContent === title, title, {
    timeout: 5_000,
  });
  return heading;
}

// ---------------------------------------------------------------------------

describe('markup in backend data renders as text', () => {
  test('the job list: job names, platforms, statuses, schedules and a javascript: id', { timeout: TEST_TIMEOUT }, async () => {
    await withConfiguredPage('#/jobs', nativeConfig(backend.url), async (session) => {
      const { page } = session;
      await waitForRows(page, jobs.length);
      const names = await page.$$eval('tr.pb-row td:first-child', (cells) => cells.map((c) => c.textContent.trim()));
      assert.deepEqual(names.sort(), jobs.map((j) => j.name).sort(), 'each job name is its literal text');
      await assertShowsLiterally(page, PAYLOADS, 'job list');
      await assertInert(session, 'job list');

      // Follow the job whose id is a javascript: URL through its link.
      const link = page.getByRole('link', { name: JS_URL, exact: true });
      const href = await link.getAttribute('href');
      assert.ok(!/^\s*javascript:/i.test(href), `the link stays in the app: ${href}`);
      await link.click();
      await page.waitForFunction((title) => document.querySelector('#pb-page-title')?.textContent === title, JS_URL, {
        timeout: LOAD_TIMEOUT,
      });
      await waitForRows(page, 1);
      await assertInert(session, 'the javascript: job');
    });
  });

  test('the job page: asset names, OS, raw status names and the blocking job, and every panel', { timeout: TEST_TIMEOUT }, async () => {
    await withConfiguredPage(`#/jobs/${XSS_JOB}`, nativeConfig(backend.url), async (session) => {
      const { page } = session;
      await waitForRows(page, results[XSS_JOB].length);
      assert.equal(await page.locator('#pb-page-title').textContent(), IMG, 'the job name is the page title, as text');
      const rows = await page.$$eval('tr.pb-row', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
      const byName = new Map(rows.map((cells) => [cells[0].trim(), cells]));
      for (const payload of PAYLOADS) {
        assert.ok(byName.has(payload), `an asset named ${payload} is listed literally`);
        // The message column names the blocking job.
        assert.ok(byName.get(payload)[4].includes(payload), `the blocking job ${payload} is in the message: ${byName.get(payload)[4]}`);
      }
      assert.ok(byName.get('status-host')[2].includes(SVG), 'the raw status name is shown literally');
      assert.ok(byName.get('timeout-host')[4].includes(IMG), `the timeout reason is shown literally: ${byName.get('timeout-host')[4]}`);
      await assertInert(session, 'job page');

      for (const [name, expected] of [
        [IMG, [IMG]],
        [SVG, [SVG]],
        [JS_URL, [JS_URL]],
        ['timeout-host', [IMG]],
        ['status-host', PAYLOADS],
        ['payload-id-host', []],
      ]) {
        await openPanel(page, name);
        const panelText = await page.locator('.pb-panel').textContent();
        for (const string of expected) {
          assert.ok(panelText.includes(string), `${name}'s panel shows ${JSON.stringify(string)} literally`);
        }
        await assertInert(session, `${name}'s panel`);
        await page.getByRole('button', { name: 'Close details' }).click();
        await page.locator('.pb-panel').waitFor({ state: 'detached', timeout: 5_000 });
      }
    });
  });

  test('the exemptions page: endpoint names, OS, schedule, drives, policy and reported exemption names, and panels', { timeout: TEST_TIMEOUT }, async () => {
    await withConfiguredPage('#/exemptions', nativeConfig(backend.url), async (session) => {
      const { page } = session;
      await waitForRows(page, endpoints.length);
      const names = await page.$$eval('tr.pb-row td:first-child', (cells) => cells.map((c) => c.textContent.trim()));
      assert.deepEqual(names.sort(), endpoints.map((e) => e.name).sort(), 'each endpoint name is its literal text');
      await assertShowsLiterally(page, PAYLOADS, 'exemptions list');
      await assertInert(session, 'exemptions list');

      for (const name of [IMG, SVG, JS_URL, 'payload-id-endpoint']) {
        await openPanel(page, name);
        const panelText = await page.locator('.pb-panel').textContent();
        for (const payload of PAYLOADS) {
          assert.ok(panelText.includes(payload), `${name}'s panel shows the reported name ${JSON.stringify(payload)} literally`);
        }
        assert.ok(panelText.includes(IMG), `${name}'s panel shows the schedule and drive names literally`);
        await assertInert(session, `${name}'s endpoint panel`);
        await page.getByRole('button', { name: 'Close details' }).click();
        await page.locator('.pb-panel').waitFor({ state: 'detached', timeout: 5_000 });
      }
    });
  });

  test('a configuration holding markup is reported as text', { timeout: TEST_TIMEOUT }, async () => {
    await withConfiguredPage('#/jobs', { preset: IMG, base_url: SVG, resources: { [JS_URL]: {} } }, async (session) => {
      const { page } = session;
      const problems = page.locator('[data-config-problems]');
      await problems.waitFor({ timeout: LOAD_TIMEOUT });
      const text = await problems.textContent();
      assert.ok(text.includes(IMG), `the bad preset name is quoted as text: ${text}`);
      assert.ok(text.includes(JS_URL), `the bad resource key is quoted as text: ${text}`);
      await assertInert(session, 'configuration problems');
    });
  });
});
