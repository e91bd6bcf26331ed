// The WSUS rule's settings from the configuration: how many days a Windows
// endpoint may go without a WSUS report, and whether no report at all is a
// problem. The vendor leaves both configurable; the page must derive with
// the configured values, not the defaults. And maintenance, judged only from
// a mapping that reads schedules.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertNoProblems, closeBrowser, withPage } from './lib/browser.mjs';
import { startFaultServer } from './lib/fault-server.mjs';
import { startBuiltApp } from './lib/server.mjs';

const LOAD_TIMEOUT = 30_000;
const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.now();
const WSUS = 'WSUS Communication Problems';

/** A healthy Windows endpoint but for its last WSUS report, `days` ago (or none). */
function windowsEndpoint(id, days) {
  return {
    id,
    name: id,
    os: 'Windows Server 2022 Standard',
    os_supported: true,
    connector: 'Connected',
    power: 'On',
    credentials_valid: true,
    pending_reboot: false,
    pending_user_action: false,
    powershell_major: 5,
    powershell_policy: 'RemoteSigned',
    last_seen: NOW - 60_000,
    drives: [{ name: 'C:', used_percent: 40 }],
    readiness: days == null ? {} : { wsus_last_report: NOW - days * DAY },
  };
}

/** The endpoints the WSUS tests judge, and the backend serves between tests. */
function wsusEndpoints() {
  return [windowsEndpoint('reported-3-days-ago', 3), windowsEndpoint('reported-10-days-ago', 10), windowsEndpoint('never-reported', null)];
}

let app;
let backend;

before(async () => {
  app = await startBuiltApp();
  backend = await startFaultServer({
    endpoints: wsusEndpoints(),
  });
});

after(async () => {
  await closeBrowser();
  await backend?.stop();
  await app?.stop();
});

/** The endpoints whose row shows the WSUS exemption, with `settings` added to the configuration. */
async function flaggedWith(settings) {
  const config = { preset: 'native', base_url: backend.url, refresh_seconds: 0, ...settings };
  let flagged;
  await withPage(`${app.url}#/exemptions?sort=endpoint`, { config }, async (session) => {
    const { page } = session;
    await page.waitForFunction(() => document.querySelectorAll('tr.pb-row').length === 3, null, { timeout: LOAD_TIMEOUT });
    flagged = await page.$$eval(
      'tr.pb-row',
      (rows, wsus) =>
        rows
          .filter((row) => [...row.querySelectorAll('.pb-chip-label')].some((chip) => chip.textContent === wsus))
          .map((row) => row.querySelector('td').textContent.trim()),
      WSUS,
    );
    assertNoProblems(session);
  });
  return flagged.sort();
}

describe('the WSUS rule follows the configuration', () => {
  test('by default a report older than 7 days is a problem, no report is not', async () => {
    assert.deepEqual(await flaggedWith({}), ['reported-10-days-ago']);
  });

  test('wsus_report_max_days: 2 flags the 3-day-old report too', async () => {
    assert.deepEqual(await flaggedWith({ wsus_report_max_days: 2 }), ['reported-10-days-ago', 'reported-3-days-ago']);
  });

  test('missing_wsus_report_is_problem flags the endpoint that never reported', async () => {
    assert.deepEqual(await flaggedWith({ missing_wsus_report_is_problem: true }), ['never-reported', 'reported-10-days-ago']);
  });
});

describe('maintenance from a backend that reports no schedules', () => {
  test('a mapping with no maintenance field holds no endpoint back for a window, and says so', async () => {
    const native = { preset: 'native', base_url: backend.url, refresh_seconds: 0 };
    const withoutSchedules = {
      base_url: backend.url,
      refresh_seconds: 0,
      resources: { endpoints: { url: '{base_url}/endpoints.json', items: '/endpoints', fields: { id: '/id', name: '/name', os: '/os' } } },
    };
    for (const [config, judged] of [
      [native, true],
      [withoutSchedules, false],
    ]) {
      await withPage(`${app.url}#/exemptions`, { config }, async (session) => {
        const { page } = session;
        await page.waitForFunction(() => document.querySelectorAll('tr.pb-row').length === 3, null, { timeout: LOAD_TIMEOUT });
        const named = await page.$$eval('tr.pb-row .pb-chips', (cells) => cells.map((cell) => cell.title));
        const needsWindow = named.filter((names) => names.includes('Maintenance Window Required')).length;
        const notice = page.locator('.pb-banner', { hasText: 'Maintenance windows are not judged' });
        if (judged) {
          assert.equal(needsWindow, 3, `schedules are read, and none has one: ${named}`);
          assert.equal(await notice.count(), 0);
        } else {
          assert.equal(needsWindow, 0, `no schedule data is not a missing schedule: ${named}`);
          assert.equal(await notice.count(), 1, 'the page says maintenance is not judged');
        }
        // The schedule is named absent only where schedules are reported.
        const schedules = await page.$$eval('tr.pb-row td:nth-child(6)', (cells) => cells.map((cell) => cell.textContent.trim()));
        assert.deepEqual(schedules, Array(3).fill(judged ? 'none' : 'not reported'));
        await page.locator('tr.pb-row').first().click();
        const fact = (term) => page.locator('.pb-panel dt', { hasText: term }).locator('xpath=following-sibling::dd[1]').textContent();
        assert.equal((await fact('Maintenance schedule')).trim(), judged ? 'none assigned' : 'not reported');
        assert.equal((await fact('Next window')).trim(), judged ? 'none ahead' : 'not reported');
        assertNoProblems(session);
      });
    }
  });
});

describe("a group's Show all", () => {
  test('lists its own endpoints, as many as it says, keeping the filters already set', async () => {
    // 70 powered off, 60 of them with the connector down; 10 more down but on.
    const endpoints = Array.from({ length: 80 }, (_, i) => ({
      ...windowsEndpoint(`host-${String(i).padStart(2, '0')}`, 1),
      connector: i < 70 ? 'Down' : 'Connected',
      power: i < 60 || i >= 70 ? 'Off' : 'On',
    }));
    backend.setData({ endpoints });
    const config = { preset: 'native', base_url: backend.url, refresh_seconds: 0 };
    const countReads = (page, text) =>
      page.waitForFunction((text) => document.querySelector('[data-row-count]')?.textContent === text, text, { timeout: LOAD_TIMEOUT });
    try {
      await withPage(`${app.url}#/exemptions?layout=by-exemption&exemption=powered-off`, { config }, async (session) => {
        const { page } = session;
        const group = page.locator('.pb-group[data-exemption="Connector Down"]');
        await group.waitFor({ timeout: LOAD_TIMEOUT });
        assert.equal((await group.locator('summary .pb-numeric').textContent()).trim(), '60 endpoints');
        await group.locator('summary').click();
        await group.getByRole('button', { name: 'Show all 60 in the table' }).click();
        await countReads(page, '60 of 80 endpoints');
        const hash = decodeURIComponent(new URL(page.url()).hash);
        assert.ok(hash.includes('exemption=powered-off') && hash.includes('reason=Connector Down'), hash);
        const only = page.locator('[data-reason-filter]');
        assert.equal((await only.textContent()).trim(), 'Only Connector Down');
        // Unticked, every reason the other filters allow is listed again.
        // A click, as the box leaves with the filter.
        await only.locator('input').click();
        await only.waitFor({ state: 'detached' });
        await countReads(page, '70 of 80 endpoints');
        assert.ok(!decodeURIComponent(new URL(page.url()).hash).includes('reason='));
        assertNoProblems(session);
      });
    } finally {
      backend.setData({ endpoints: wsusEndpoints() });
    }
  });
});

describe('maintenance from a mapping with schedule names but no windows', () => {
  test('a named schedule is not taken for one without windows; an endpoint without one still needs one', async () => {
    const named = { ...windowsEndpoint('named-schedule', 1), maintenance: { name: 'Nightly', windows: [] } };
    const unscheduled = windowsEndpoint('no-schedule', 1);
    backend.setData({ endpoints: [named, unscheduled] });
    const namesOnly = {
      base_url: backend.url,
      refresh_seconds: 0,
      resources: {
        endpoints: {
          url: '{base_url}/endpoints.json',
          items: '/endpoints',
          fields: { id: '/id', name: '/name', os: '/os', maintenance_name: '/maintenance/name' },
        },
      },
    };
    try {
      await withPage(`${app.url}#/exemptions?sort=endpoint`, { config: namesOnly }, async (session) => {
        const { page } = session;
        await page.waitForFunction(() => document.querySelectorAll('tr.pb-row').length === 2, null, { timeout: LOAD_TIMEOUT });
        const named = await page.$$eval('tr.pb-row', (rows) =>
          rows.map((row) => [row.cells[0].textContent.trim(), row.querySelector('.pb-chips')?.title ?? '']));
        assert.deepEqual(named, [
          ['named-schedule', ''],
          ['no-schedule', 'Maintenance Window Required'],
        ]);
        const notice = await page.locator('.pb-banner', { hasText: 'Maintenance windows are not judged' }).textContent();
        assert.ok(notice.includes('maps maintenance_name but not maintenance_windows'), notice);
        await page.locator('tr.pb-row', { hasText: 'named-schedule' }).click();
        const fact = (term) => page.locator('.pb-panel dt', { hasText: term }).locator('xpath=following-sibling::dd[1]').textContent();
        assert.equal((await fact('Maintenance schedule')).trim(), 'Nightly');
        assert.equal((await fact('Next window')).trim(), 'not reported');
        assertNoProblems(session);
      });
    } finally {
      backend.setData({ endpoints: wsusEndpoints() });
    }
  });
});

describe('a maintenance window opening while the page is open', () => {
  test('the row stops awaiting it at the tick its Next window says "open now", not at the next minute', async () => {
    const minute = Math.floor(NOW / 60_000) * 60_000 + 5 * 60_000;
    const opens = minute + 40_000;
    const endpoint = {
      ...windowsEndpoint('opens-at-40-s', 3),
      maintenance: { name: 'Nightly', windows: [{ start: opens, end: opens + 60 * 60_000 }], last_window_ran_out: false },
    };
    const windowBackend = await startFaultServer({ endpoints: [endpoint] });
    const config = { preset: 'native', base_url: windowBackend.url, refresh_seconds: 0 };
    try {
      await withPage(`${app.url}#/exemptions`, { config }, async (session) => {
        const { page } = session;
        await page.clock.setFixedTime(minute + 30_000);
        await page.reload();
        const row = page.locator('tr.pb-row');
        const state = () =>
          row.evaluate((row) => ({
            awaiting: [...row.querySelectorAll('.pb-chip-label')].some((chip) => chip.textContent === 'Awaiting Maintenance Window'),
            openNow: row.textContent.includes('open now'),
          }));
        await row.waitFor({ timeout: LOAD_TIMEOUT });
        assert.deepEqual(await state(), { awaiting: true, openNow: false }, '10 s before the window');
        // Within the same minute, past the window's start: the clock's next tick (5 s) tells both.
        await page.clock.setFixedTime(opens + 10_000);
        await page.waitForFunction(() => document.querySelector('tr.pb-row').textContent.includes('open now'), null, { timeout: 10_000 });
        assert.deepEqual(await state(), { awaiting: false, openNow: true }, 'the row and its Next window agree');
        assertNoProblems(session);
      });
    } finally {
      await windowBackend.stop();
    }
  });
});
