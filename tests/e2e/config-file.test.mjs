// A config.json beside the app, the way a static deployment configures it
// (docs/configuration.md): used when it is there and valid, and otherwise
// named with what is wrong, never silently replaced by the demo data.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertNoPageErrors, closeBrowser, screenshot, texts, withPage } from './lib/browser.mjs';
import { startFaultServer, nativeConfig } from './lib/fault-server.mjs';
import { startServer } from './lib/server.mjs';

const LOAD_TIMEOUT = 30_000;
const TEST_TIMEOUT = 90_000;

const JOB = {
  id: 'job-from-file',
  name: 'Configured by file',
  platform: 'Linux',
  status: 'Running',
  schedule: 'Once',
  last_run: Date.now() - 3_600_000,
  asset_count: 0,
  completion_percent: 0,
  succeeded: 0,
  failed: 0,
  in_progress: 0,
};

let backend;

before(async () => {
  backend = await startFaultServer({ jobs: [JOB], runs: {}, results: {}, endpoints: [] });
});

after(async () => {
  await closeBrowser();
  await backend?.stop();
});

/** Serves the built app with `configText` as its config.json and opens the job list. */
async function withConfigFile(configText, body) {
  const app = await startServer({ files: { 'config.json': configText } });
  try {
    await withPage(`${app.url}#/jobs`, {}, async (session) => {
      await body(session, app);
      assertNoPageErrors(session);
    });
  } finally {
    await app.stop();
  }
}

/** The configuration banner's title and its problems, once it shows. */
async function configProblems(page) {
  await page.locator('[data-config-problems]').waitFor({ timeout: LOAD_TIMEOUT });
  return {
    title: (await texts(page, '[data-config-problems] .pb-banner-title'))[0],
    problems: await texts(page, '[data-config-problems] li'),
  };
}

describe('config.json beside the app', () => {
  test('a valid file is used: the jobs come from its backend, not the demo', { timeout: TEST_TIMEOUT }, async () => {
    await withConfigFile(JSON.stringify(nativeConfig(backend.url)), async ({ page }, app) => {
      await page.getByRole('link', { name: JOB.name }).waitFor({ timeout: LOAD_TIMEOUT });
      assert.ok(
        backend.requests.some((request) => request.path === '/jobs.json'),
        'the job list was asked of the configured backend',
      );
      const asked = app.requests.filter((path) => path.endsWith('/config.json'));
      assert.deepEqual(asked, ['/config.json'], 'asked for once, by the loader, and the app took that answer');
      assert.equal(await page.getByText('Demo data').count(), 0, 'no demo badge');
      assert.equal(await page.locator('[data-demo-note]').count(), 0, 'no demo note');
      assert.equal(await page.locator('[data-config-problems]').count(), 0, 'no configuration problems');
      // The backend has no endpoints: an empty answer, not a filter that matches nothing.
      await page.evaluate(() => {
        location.hash = '#/exemptions';
      });
      await page.locator('.pb-table-empty', { hasText: 'The data source lists no endpoints.' }).waitFor({ timeout: LOAD_TIMEOUT });
    });
  });

  test('a host configuration JSON cannot hold is reported, not replaced by config.json', { timeout: TEST_TIMEOUT }, async () => {
    await withConfigFile(JSON.stringify(nativeConfig(backend.url)), async ({ page }) => {
      await page.getByRole('link', { name: JOB.name }).waitFor({ timeout: LOAD_TIMEOUT });
      await page.addInitScript(() => {
        const config = { preset: 'native', base_url: './data' };
        config.self = config;
        window.PATCHBOARD_CONFIG = config;
      });
      const from = backend.requests.length;
      await page.reload({ waitUntil: 'load' });
      const { title, problems } = await configProblems(page);
      assert.match(title, /^The configuration from window\.PATCHBOARD_CONFIG cannot be used; no data is loaded until it is fixed and this page reloaded$/);
      assert.equal(problems.length, 1, problems.join(' | '));
      assert.match(problems[0], /^it cannot be written as JSON: .*circular/i);
      assert.equal(await page.getByText('Demo data').count(), 0, 'not the demo either');
      assert.deepEqual(backend.requests.slice(from), [], "config.json's backend is not asked");
    });
  });

  test('while config.json is on its way, the refresh line claims no cadence and offers no refresh', { timeout: TEST_TIMEOUT }, async () => {
    const config = { ...nativeConfig(backend.url), refresh_seconds: 45 };
    await withConfigFile(JSON.stringify(config), async ({ page }) => {
      let release;
      const held = new Promise((resolve) => {
        release = resolve;
      });
      await page.route('**/config.json', async (route) => {
        await held;
        await route.continue();
      });
      await page.reload({ waitUntil: 'load' });
      const line = page.locator('[data-updated]');
      await line.waitFor({ state: 'attached', timeout: LOAD_TIMEOUT });
      assert.equal((await line.textContent()).trim(), 'Loading…', 'no cadence before the configuration tells it');
      assert.equal(await page.getByRole('button', { name: 'Refresh now' }).count(), 0, 'nothing to refresh yet');
      release();
      await page.getByRole('link', { name: JOB.name }).waitFor({ timeout: LOAD_TIMEOUT });
      assert.match(await line.textContent(), / · refreshes every 45 s$/);
      assert.equal(await page.getByRole('button', { name: 'Refresh now' }).count(), 1);
    });
  });

  test('a config.json that could not be fetched offers to try again, and then loads', { timeout: TEST_TIMEOUT }, async () => {
    await withConfigFile(JSON.stringify(nativeConfig(backend.url)), async ({ page }) => {
      // The server fails once: the loader's early request and the app's view of it.
      let failures = 1;
      await page.route('**/config.json', (route) =>
        failures-- > 0 ? route.fulfill({ status: 503, body: 'busy' }) : route.continue(),
      );
      await page.reload({ waitUntil: 'load' });
      const { title, problems } = await configProblems(page);
      assert.match(title, /config\.json could not be fetched/);
      assert.match(problems[0], /config\.json could not be read \(HTTP 503\)/);
      await screenshot(page, 'config-fetch-failed');
      await page.locator('[data-config-problems]').getByRole('button', { name: 'Try again' }).click();
      await page.getByRole('link', { name: JOB.name }).waitFor({ timeout: LOAD_TIMEOUT });
      assert.equal(await page.locator('[data-config-problems]').count(), 0, 'the banner is gone');
    });
  });

  test('a config.json sent on to a sign-in page is an error to try again, not the demo', { timeout: TEST_TIMEOUT }, async () => {
    await withConfigFile(JSON.stringify(nativeConfig(backend.url)), async ({ page }, app) => {
      // A single-sign-on proxy in front of the app, before the operator signs in.
      let signedIn = false;
      await page.route('**/config.json', (route) =>
        signedIn ? route.continue() : route.fulfill({ status: 302, headers: { location: `${app.url}sign-in` } }),
      );
      await page.reload({ waitUntil: 'load' });
      const { title, problems } = await configProblems(page);
      assert.match(title, /config\.json could not be fetched/);
      assert.equal(problems.length, 1, problems.join(' | '));
      assert.match(
        problems[0],
        /config\.json was redirected to http:\/\/127\.0\.0\.1:\d+\/sign-in, which answered with a web page, not the configuration: sign in there if it asks, then try again$/,
      );
      assert.equal(await page.getByText('Demo data').count(), 0, 'the demo does not stand in for the configuration');
      assert.equal(await page.locator('[data-demo-note]').count(), 0);
      signedIn = true;
      await page.locator('[data-config-problems]').getByRole('button', { name: 'Try again' }).click();
      await page.getByRole('link', { name: JOB.name }).waitFor({ timeout: LOAD_TIMEOUT });
    });
  });

  test('a broken file offers no Try again: asking again cannot help', { timeout: TEST_TIMEOUT }, async () => {
    await withConfigFile('{ "preset": ', async ({ page }) => {
      await configProblems(page);
      assert.equal(await page.getByRole('button', { name: 'Try again' }).count(), 0);
    });
  });

  test('a file that is not JSON is named as such, and nothing is loaded', { timeout: TEST_TIMEOUT }, async () => {
    await withConfigFile('{ "preset": "native", "base_url": ', async ({ page }) => {
      const { title, problems } = await configProblems(page);
      assert.ok(title.includes('config.json'), `the banner names the file: ${title}`);
      assert.equal(problems.length, 1, problems.join(' | '));
      assert.match(problems[0], /config\.json is not valid JSON/);
      assert.equal(await page.getByText('Demo data').count(), 0, 'the demo does not stand in for a broken file');
      assert.equal(await page.locator('tr.pb-row').count(), 0, 'no rows');
      // Nothing is under way, so nothing may say it is loading.
      await page.locator('.pb-table-empty', { hasText: 'No data loaded.' }).waitFor({ timeout: LOAD_TIMEOUT });
      assert.match(await page.locator('[data-updated]').textContent(), /^Not loaded/);
      assert.equal(await page.getByRole('button', { name: 'Refresh now' }).count(), 0, 'no refresh that cannot help');
    });
  });

  test('a comment in the file is named as something JSON does not allow', { timeout: TEST_TIMEOUT }, async () => {
    await withConfigFile('{\n  // our backend\n  "preset": "native"\n}', async ({ page }) => {
      const { problems } = await configProblems(page);
      assert.match(problems[0], /config\.json is not valid JSON: key must be a string at line 2 column 3 \(JSON allows no comments\)$/);
    });
  });

  test('an empty file is named as empty, not as JSON that ended early', { timeout: TEST_TIMEOUT }, async () => {
    await withConfigFile('\n', async ({ page }) => {
      const { problems } = await configProblems(page);
      assert.equal(problems.length, 1, problems.join(' | '));
      assert.match(problems[0], /config\.json is empty: write the configuration in it, or remove it to show the demo data$/);
      assert.equal(await page.getByRole('button', { name: 'Try again' }).count(), 0);
    });
  });

  test('a key the file gives twice is a problem, listed with the others', { timeout: TEST_TIMEOUT }, async () => {
    const config = { ...nativeConfig(backend.url), credentials: 'always' };
    const text = JSON.stringify(config).replace(/^\{/, '{"refresh_seconds": 30, "refresh_seconds": 60, ');
    const asked = backend.requests.length;
    await withConfigFile(text, async ({ page }) => {
      const { problems } = await configProblems(page);
      assert.ok(problems.some((problem) => problem.startsWith('refresh_seconds: given more than once')), problems.join(' | '));
      assert.ok(problems.some((problem) => problem.startsWith('credentials:')), problems.join(' | '));
      assert.equal(backend.requests.length, asked, 'the file is not used');
    });
  });

  test('every problem of a JSON file is listed with its key', { timeout: TEST_TIMEOUT }, async () => {
    const config = { ...nativeConfig(backend.url), refresh_seconds: -1, credentials: 'always' };
    const asked = backend.requests.length;
    await withConfigFile(JSON.stringify(config), async ({ page }) => {
      const { title, problems } = await configProblems(page);
      assert.ok(title.includes('config.json'), `the banner names the file: ${title}`);
      for (const key of ['refresh_seconds:', 'credentials:']) {
        assert.ok(
          problems.some((problem) => problem.startsWith(key)),
          `a problem starts with ${key} ${problems.join(' | ')}`,
        );
      }
      assert.equal(backend.requests.length, asked, 'an invalid configuration asks the backend nothing');
    });
  });
});
