// Patchboard served four ways: from a sub-path of a plain static server, from
// the build's compressed copies, inside a host portal with aggressive global
// CSS, and under a strict Content Security Policy.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { assertNoProblems, closeBrowser, openPage, screenshot } from './lib/browser.mjs';
import { DIST_DIR, REPO_ROOT, freePort, startServer } from './lib/server.mjs';

const LOAD_TIMEOUT = 20_000;
const JOB = 'job-patch-tuesday';
const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'";

const servers = [];
let portalRoot;

before(async () => {
  // The portal at /portal/, the app's dist/ copied to /patchboard/.
  portalRoot = await mkdtemp(join(tmpdir(), 'patchboard-portal-'));
  await cp(join(REPO_ROOT, 'examples/embed'), join(portalRoot, 'portal'), { recursive: true });
  await cp(DIST_DIR, join(portalRoot, 'patchboard'), { recursive: true });
});

after(async () => {
  await closeBrowser();
  await Promise.all(servers.map((server) => server.stop()));
  await rm(portalRoot, { recursive: true, force: true });
});

async function serve(options) {
  const server = await startServer(options);
  servers.push(server);
  return server;
}

async function rows(page) {
  await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
  return page.locator('tr.pb-row');
}

describe('a sub-path of a plain static server', () => {
  test('a deep link loads, and a reload keeps the view', async () => {
    // Python's http.server: no rewrite rules, no fallback, just files.
    const server = await pythonHttpServer(portalRoot);
    const deepLink = `${server.url}patchboard/#/jobs/${JOB}?status=2036-0&sort=asset`;
    const session = await openPage(deepLink);
    try {
      const { page } = session;
      const first = await (await rows(page)).first().locator('td').first().innerText();
      assert.match(await page.locator('[data-row-count]').innerText(), /^\d+ of \d+ assets$/);
      await page.reload();
      assert.equal(await (await rows(page)).first().locator('td').first().innerText(), first);
      assert.equal(page.url(), deepLink);
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });
});

describe("the build's compressed copies", () => {
  test('each copy holds its file exactly, and every file the app loads has both', async () => {
    const names = (await readdir(DIST_DIR, { recursive: true })).sort();
    const copies = names.filter((name) => ['.gz', '.br'].includes(extname(name)));
    for (const copy of copies) {
      const original = copy.slice(0, -3);
      const unpack = copy.endsWith('.gz') ? gunzipSync : brotliDecompressSync;
      const unpacked = unpack(await readFile(join(DIST_DIR, copy)));
      assert.ok(unpacked.equals(await readFile(join(DIST_DIR, original))), `${copy} does not hold ${original}`);
    }
    for (const file of ['index.html', 'loader.js', 'patchboard.js', 'patchboard_bg.wasm', 'app.css', 'demo/jobs.json']) {
      for (const suffix of ['.gz', '.br']) assert.ok(copies.includes(file + suffix), `no ${file}${suffix}`);
    }
  });

  test('the app starts and loads its data from them', async () => {
    const server = await serve({ precompressed: true });
    const session = await openPage('about:blank');
    try {
      const { page } = session;
      // What each file the build holds came as (config.json is only probed for).
      const encodings = new Map();
      page.on('response', (response) => {
        if (response.ok()) encodings.set(new URL(response.url()).pathname, response.headers()['content-encoding']);
      });
      // The job list loads beside the results, so the first rows can paint before it is in.
      const jobList = page.waitForResponse((response) => new URL(response.url()).pathname === '/demo/jobs.json');
      await page.goto(`${server.url}#/jobs/${JOB}`);
      assert.match(await (await rows(page)).first().locator('td').first().innerText(), /\S/);
      await jobList;
      const sent = Object.fromEntries(encodings);
      // "/" is the page itself.
      for (const path of ['/', '/loader.js', '/patchboard.js', '/patchboard_bg.wasm', '/demo/jobs.json']) {
        assert.ok(['br', 'gzip'].includes(sent[path]), `${path}: ${JSON.stringify(sent)}`);
      }
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });
});

/** `python3 -m http.server` serving `root` on a free loopback port. */
async function pythonHttpServer(root) {
  const port = await freePort();
  const child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', root], {
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}/`;
  const server = { url, stop: async () => child.kill() };
  servers.push(server);
  for (let attempt = 0; attempt < 50; attempt += 1) {
    try {
      await fetch(url);
      return server;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error('python3 -m http.server did not start');
}

describe('inside a host portal', () => {
  test("the app keeps its layout and the portal keeps its styles", async () => {
    const server = await serve({ root: portalRoot });
    const session = await openPage(`${server.url}portal/`);
    try {
      const { page } = session;
      await rows(page);
      const portal = await page.evaluate(() => {
        const style = (selector) => getComputedStyle(document.querySelector(selector));
        return {
          headerBackground: style('.portal-header').backgroundColor,
          headerPadding: style('.portal-header').paddingLeft,
          bodyFont: style('body').fontFamily,
          sidebarTableBorder: style('.portal-sidebar table').borderTopWidth,
          sidebarCellPadding: style('.portal-sidebar td').paddingTop,
          portalButton: style('.portal-button').backgroundColor,
        };
      });
      assert.deepEqual(portal, {
        headerBackground: 'rgb(34, 34, 51)',
        headerPadding: '24px',
        bodyFont: 'Georgia, serif',
        sidebarTableBorder: '3px',
        sidebarCellPadding: '14px',
        portalButton: 'rgb(255, 105, 180)',
      });
      const app = await page.evaluate(() => {
        const style = (selector) => getComputedStyle(document.querySelector(selector));
        const row = document.querySelector('tr.pb-row');
        return {
          mountedInHost: document.querySelector('#patchboard > .pb-app') !== null,
          tableBorder: style('.pb-table').borderTopWidth,
          cellPadding: style('tr.pb-row td').paddingTop,
          cellBoxSizing: style('tr.pb-row td').boxSizing,
          rowHeight: row.getBoundingClientRect().height,
          buttonTransform: style('.pb-app .pb-button').textTransform,
          buttonSpacing: style('.pb-app .pb-button').letterSpacing,
          searchWidth: style('.pb-app input[type=search]').width,
          evenRowBackground: style('tr.pb-row:nth-child(even) td').backgroundColor,
          firstCellWeight: style('tr.pb-row td:first-child').fontWeight,
          linkDecoration: style('tr.pb-row a').textDecorationStyle,
        };
      });
      assert.equal(app.mountedInHost, true);
      assert.equal(app.tableBorder, '0px');
      assert.equal(app.cellPadding, '0px');
      assert.equal(app.cellBoxSizing, 'border-box');
      assert.equal(Math.round(app.rowHeight), 34, 'rows keep the height the virtual table computes with');
      assert.equal(app.buttonTransform, 'none');
      // Portal rules with a pseudo-class or an attribute do not reach in either.
      assert.equal(app.buttonSpacing, 'normal');
      assert.notEqual(app.evenRowBackground, 'rgb(255, 204, 221)');
      assert.equal(app.firstCellWeight, '400');
      assert.notEqual(app.linkDecoration, 'wavy');
      assert.notEqual(app.searchWidth, '100%');
      // The app's data is found beside its loader, not beside the portal page.
      assert.ok(!session.consoleErrors.some((text) => text.includes('/portal/demo/')));
      await screenshot(page, 'embed-portal');
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });

  test("text styles the portal's body passes down stop at the app, and the skip link shows at the app's corner", async () => {
    const server = await serve({ root: portalRoot });
    const session = await openPage(`${server.url}portal/`);
    try {
      const { page } = session;
      await rows(page);
      await page.addStyleTag({
        content: 'body { text-transform: uppercase; font-style: italic; white-space: nowrap; word-spacing: 4px; font-weight: 300; }',
      });
      const cell = await page.evaluate(() => {
        // Asked of a paragraph, which inherits all five and sets none itself.
        const style = getComputedStyle(document.querySelector('.pb-page-context'));
        const portal = getComputedStyle(document.querySelector('.portal-header'));
        return {
          app: [style.textTransform, style.fontStyle, style.whiteSpace, style.wordSpacing, style.fontWeight],
          portal: [portal.textTransform, portal.fontStyle],
        };
      });
      assert.deepEqual(cell.app, ['none', 'normal', 'normal', '0px', '400']);
      assert.deepEqual(cell.portal, ['uppercase', 'italic'], "the portal's own text keeps its styles");
      // Unfocused, the skip link takes no room on screen, over the portal or anywhere.
      const hidden = await page.locator('.pb-skip-link').evaluate((link) => {
        const box = link.getBoundingClientRect();
        return box.width <= 1 && box.height <= 1;
      });
      assert.ok(hidden, 'the skip link is hidden until focused');
      await page.locator('.pb-skip-link').focus();
      const placed = await page.evaluate(() => ({
        link: document.querySelector('.pb-skip-link').getBoundingClientRect().toJSON(),
        app: document.querySelector('.pb-app').getBoundingClientRect().toJSON(),
      }));
      assert.ok(
        placed.link.top >= placed.app.top && placed.link.left >= placed.app.left,
        `the focused skip link lies inside the app: ${JSON.stringify(placed)}`,
      );
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });

  test("a panel follows the app's header (and refresh line) up when the portal scrolls its own container, not the window, and stops below the portal's header", async () => {
    const server = await serve({ root: portalRoot });
    const session = await openPage(`${server.url}portal/`, { viewport: { width: 1600, height: 800 } });
    try {
      const { page } = session;
      // A portal layout of the common kind: a fixed header, and the content
      // scrolling in its own box. The portal tells the app how tall its header is.
      await page.addStyleTag({ content: 'body { overflow: hidden; } .portal-layout > main { height: 700px; overflow: auto; }' });
      const portalHeader = await page.evaluate(() => {
        const bottom = Math.round(document.querySelector('.portal-header').getBoundingClientRect().bottom);
        document.querySelector('#patchboard').style.setProperty('--pb-viewport-top', `${bottom}px`);
        return bottom;
      });
      // The portal keeps its URL: the job is opened from the list, then an asset from the job.
      await (await rows(page)).first().click();
      await page.locator('[data-row-count]', { hasText: 'assets' }).waitFor({ timeout: LOAD_TIMEOUT });
      await page.locator('tr.pb-row').first().click();
      const panel = page.locator('dialog.pb-panel');
      await panel.waitFor({ timeout: LOAD_TIMEOUT });
      const tops = await page.evaluate(async () => {
        const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)));
        const scroller = document.querySelector('.portal-layout > main');
        const tops = [];
        for (const scrollTop of [0, 30, scroller.scrollHeight]) {
          scroller.scrollTop = scrollTop;
          await frame();
          const panel = document.querySelector('.pb-panel').getBoundingClientRect();
          const refreshLine = document.querySelector('.pb-refresh').getBoundingClientRect();
          tops.push({
            scrolled: scroller.scrollTop,
            panel: Math.round(panel.top),
            headerBottom: Math.round(document.querySelector('.pb-header').getBoundingClientRect().bottom),
            // The page's refresh line, where the panel would cover it.
            refreshBottom: refreshLine.right > panel.left ? Math.round(refreshLine.bottom) : 0,
          });
        }
        return { tops, windowScrolled: scrollY };
      });
      assert.equal(tops.windowScrolled, 0, 'the window itself does not scroll');
      assert.ok(tops.tops.at(-1).scrolled > 30, JSON.stringify(tops));
      for (const { scrolled, panel, headerBottom, refreshBottom } of tops.tops) {
        // Once the app's header has scrolled away, below the portal's.
        assert.equal(panel, Math.max(portalHeader, headerBottom, refreshBottom), `the panel starts below the header with the portal scrolled ${scrolled} px`);
      }
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });

  test("Escape in the portal is the portal's: the app's panel stays open", async () => {
    const server = await serve({ root: portalRoot });
    const session = await openPage(`${server.url}portal/`, { viewport: { width: 1600, height: 800 } });
    try {
      const { page } = session;
      await (await rows(page)).first().click();
      await page.locator('[data-row-count]', { hasText: 'assets' }).waitFor({ timeout: LOAD_TIMEOUT });
      await page.locator('tr.pb-row').first().click();
      const panel = page.locator('dialog.pb-panel');
      await panel.waitFor({ timeout: LOAD_TIMEOUT });
      await page.locator('.portal-button').focus();
      await page.keyboard.press('Escape');
      await page.waitForTimeout(200);
      assert.equal(await panel.count(), 1, 'Escape on the portal\'s button leaves the panel open');
      await panel.locator('button').first().focus();
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });

  test("a panel stays below a portal's sticky header when the portal sets its height", async () => {
    const server = await serve({ root: portalRoot });
    const session = await openPage(`${server.url}portal/`, { viewport: { width: 1600, height: 700 } });
    try {
      const { page } = session;
      const portalHeader = await page.evaluate(() => {
        const header = document.querySelector('.portal-header');
        header.style.cssText += 'position: sticky; top: 0; z-index: 100;';
        const height = Math.round(header.getBoundingClientRect().height);
        document.querySelector('#patchboard').style.setProperty('--pb-viewport-top', `${height}px`);
        return height;
      });
      await (await rows(page)).first().click();
      await page.locator('[data-row-count]', { hasText: 'assets' }).waitFor({ timeout: LOAD_TIMEOUT });
      await page.locator('tr.pb-row').first().evaluate((row) => row.click());
      await page.locator('dialog.pb-panel').waitFor({ timeout: LOAD_TIMEOUT });
      const placed = await page.evaluate(async () => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)));
        return {
          appHeaderBottom: Math.round(document.querySelector('.pb-header').getBoundingClientRect().bottom),
          panelTop: Math.round(document.querySelector('.pb-panel').getBoundingClientRect().top),
        };
      });
      assert.ok(placed.appHeaderBottom < portalHeader, `Patchboard's header has scrolled under the portal's: ${JSON.stringify(placed)}`);
      assert.equal(placed.panelTop, portalHeader, "the panel starts at the portal header's foot");
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });

  test('a host element the portal adds late gets the app, and a new one takes the running app over', async () => {
    // A single-page portal: its script renders the page, the host with it, after the loader has run.
    const portal = `<!doctype html><html lang="en"><head><title>Portal</title><link rel="icon" href="/patchboard/favicon.svg" type="image/svg+xml" />
      <link rel="stylesheet" href="/patchboard/tokens.css" /><link rel="stylesheet" href="/patchboard/app.css" />
      <script type="module" src="/patchboard/loader.js"></script>
      <script src="late.js" defer></script></head><body><main id="portal-main"></main></body></html>`;
    const render = `setTimeout(() => { document.querySelector('#portal-main').innerHTML = '<section><div id="patchboard"></div></section>'; }, 400);`;
    const server = await serve({ root: portalRoot, files: { 'portal/late.html': portal, 'portal/late.js': render } });
    const session = await openPage(`${server.url}portal/late.html`);
    try {
      const { page } = session;
      await rows(page);
      const where = () =>
        page.evaluate(() => [...document.querySelectorAll('.pb-app')].map((app) => app.parentElement.id || app.parentElement.tagName));
      assert.deepEqual(await where(), ['patchboard'], 'one app, in the host, not in <body>');
      const search = page.getByRole('searchbox', { name: 'Search jobs' });
      await search.fill('linux');
      const count = (await page.locator('.pb-page-context').textContent()).split('.')[0];
      // The portal's route changes: the page is rendered anew, with a new host.
      await page.evaluate(() => {
        document.querySelector('#portal-main').innerHTML = '<article><h2>Patching</h2><div id="patchboard"></div></article>';
      });
      await page.locator('article #patchboard > .pb-app tr.pb-row').first().waitFor({ timeout: 5_000 });
      assert.deepEqual(await where(), ['patchboard'], 'the same single app, in the new host');
      assert.equal(await search.inputValue(), 'linux', 'the app kept its state');
      assert.equal((await page.locator('.pb-page-context').textContent()).split('.')[0], count);
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });

  test("an app that cannot start leaves a portal page without its host whole, and tells it in the host once there is one", async () => {
    // A partial deploy: the glue is broken. The portal shows another route first.
    const portal = `<!doctype html><html lang="en"><head><title>Portal</title><link rel="icon" href="/patchboard/favicon.svg" type="image/svg+xml" />
      <link rel="stylesheet" href="/patchboard/tokens.css" /><link rel="stylesheet" href="/patchboard/app.css" />
      <script type="module" src="/patchboard/loader.js"></script></head>
      <body><main id="portal-main"><h1>Incidents</h1></main></body></html>`;
    const server = await serve({
      root: portalRoot,
      files: { 'portal/no-host.html': portal, 'patchboard/patchboard.js': 'this is not JavaScript(' },
    });
    const session = await openPage(`${server.url}portal/no-host.html`);
    try {
      const { page } = session;
      await page.waitForFunction(() => performance.getEntriesByName(new URL('/patchboard/patchboard.js', location.href).href).length > 0);
      await page.waitForTimeout(500);
      assert.equal(await page.locator('h1').textContent(), 'Incidents', "the portal's page stays");
      assert.equal(await page.locator('.pb-crash').count(), 0);
      // The portal moves to the route that holds the app.
      await page.evaluate(() => {
        document.querySelector('#portal-main').innerHTML = '<h1>Patching</h1><div id="patchboard"></div>';
      });
      const alert = page.locator('#patchboard .pb-crash[role="alert"]');
      await alert.waitFor({ timeout: 5_000 });
      assert.match(await alert.textContent(), /^Patchboard could not start/);
      assert.equal(await page.locator('h1').first().textContent(), 'Patching');
    } finally {
      await session.close();
    }
  });

  test("a trap in another WebAssembly module on the portal page leaves the app running", async () => {
    // The smallest module whose one function traps, loaded and called by the portal's own script.
    const trap = Buffer.from('0061736d01000000010401600000030201000705010166000' + '00a05010300000b', 'hex');
    const script = `const { instance } = await WebAssembly.instantiateStreaming(fetch('/portal/widget.wasm'));
      setTimeout(() => instance.exports.f());`;
    const server = await serve({ root: portalRoot, files: { 'portal/widget.wasm': trap, 'portal/widget.js': script } });
    const session = await openPage(`${server.url}portal/`);
    try {
      const { page } = session;
      await rows(page);
      const trapped = new Promise((done) => page.once('pageerror', done));
      await page.addScriptTag({ url: '/portal/widget.js', type: 'module' });
      assert.match(String(await trapped), /unreachable/);
      await page.waitForTimeout(500);
      assert.equal(await page.locator('.pb-crash').count(), 0, 'no panel for a trap not the app\'s');
      await page.getByRole('searchbox', { name: 'Search jobs' }).fill('linux');
      // Still answering: the search filters the list.
      await page.waitForFunction(() => document.querySelectorAll('tr.pb-row').length < 6);
    } finally {
      await session.close();
    }
  });

  test("the search field keeps within a host narrower than its placeholder", async () => {
    const server = await serve({ root: portalRoot });
    const session = await openPage(`${server.url}portal/`);
    try {
      const { page } = session;
      await rows(page);
      await page.evaluate(() => { document.querySelector('#patchboard').style.width = '200px'; });
      const widths = await page.evaluate(() => {
        const search = document.querySelector('#patchboard input[type=search]');
        return { search: search.getBoundingClientRect().right, room: document.querySelector('#patchboard').getBoundingClientRect().right };
      });
      assert.ok(widths.search <= widths.room + 0.5, `the search field ends by ${widths.room}: ${widths.search}`);
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });

  test("a relative base_url in the app's config.json is read beside that file, not the portal page", async () => {
    const config = { preset: 'native', base_url: './demo', refresh_seconds: 0 };
    const server = await serve({ root: portalRoot, files: { 'patchboard/config.json': JSON.stringify(config) } });
    const session = await openPage(`${server.url}portal/`);
    try {
      await rows(session.page);
      const asked = server.requests.filter((path) => path.endsWith('/jobs.json'));
      assert.deepEqual(asked, ['/patchboard/demo/jobs.json']);
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });

  test('the host hands over a token it can replace without a reload', async () => {
    const server = await serve({ root: portalRoot });
    const session = await openPage('about:blank');
    try {
      const { page } = session;
      await page.addInitScript(() => {
        window.Patchboard = { token: 'first-token' };
      });
      await page.goto(`${server.url}portal/`);
      await rows(page);
      const api = await page.evaluate(() => ({
        listed: Object.keys(window.Patchboard),
        setToken: typeof window.Patchboard.setToken,
        tokenLeftOnWindow: 'token' in window.Patchboard,
        storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
      }));
      assert.equal(api.setToken, 'function');
      assert.deepEqual(api.listed, ['setToken'], 'the host sees its API, not what the loader hands the app');
      assert.equal(api.tokenLeftOnWindow, false, 'the token is taken into the app, not left on window');
      assert.ok(!api.storage.includes('token'), 'the token is never stored');
      assert.ok(!page.url().includes('token'));
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });

  test('a token handed over before the app has started, with its "Bearer", is sent once as Bearer', async () => {
    const config = { preset: 'native', base_url: './demo', refresh_seconds: 0 };
    const server = await serve({ root: portalRoot, files: { 'patchboard/config.json': JSON.stringify(config) } });
    const session = await openPage('about:blank');
    try {
      const { page } = session;
      // The wasm held back: the host's script runs between the loader and the app.
      let releaseWasm;
      const wasmHeld = new Promise((resolve) => (releaseWasm = resolve));
      await page.route('**/patchboard_bg.wasm', async (route) => {
        await wasmHeld;
        await route.continue();
      });
      const sent = [];
      page.on('request', (request) => {
        if (request.url().endsWith('/jobs.json')) sent.push(request.headers().authorization);
      });
      await page.goto(`${server.url}portal/`);
      await page.waitForFunction(() => typeof window.Patchboard?.setToken === 'function');
      await page.evaluate(() => window.Patchboard.setToken('Bearer early-token '));
      releaseWasm();
      await rows(page);
      assert.deepEqual(sent, ['Bearer early-token']);
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });

  test('setToken(undefined), as from a session not loaded yet, keeps the token and warns', async () => {
    await withTokenHandedOver('first-token', async ({ page }, server) => {
      const warnings = [];
      page.on('console', (message) => {
        if (message.type() === 'warning') warnings.push(message.text());
      });
      await page.goto(`${server.url}portal/`);
      await rows(page);
      await page.evaluate(() => window.Patchboard.setToken(undefined));
      const refreshed = page.waitForRequest((request) => request.url().endsWith('/jobs.json'));
      await page.getByRole('button', { name: 'Refresh now' }).click();
      assert.equal((await refreshed).headers().authorization, 'Bearer first-token');
      assert.ok(warnings.some((text) => text.includes('the token was left as it was')), JSON.stringify(warnings));
    });
  });

  test('a token the browser cannot send is named on screen, not left loading', async () => {
    // A token pasted with its line break: fetch would throw before sending.
    await withTokenHandedOver('first-token\nsecond-line', async ({ page }, server) => {
      await page.goto(`${server.url}portal/`);
      const alert = page.locator('[role=alert]', { hasText: 'cannot be sent' });
      await alert.waitFor({ timeout: LOAD_TIMEOUT });
      assert.match(await alert.innerText(), /the header "Authorization" cannot be sent: a header value cannot hold a line break/);
      assert.deepEqual(server.requests.filter((path) => path.endsWith('/jobs.json')), [], 'nothing was sent');
      await screenshot(page, 'embed-unsendable-token');
    });
  });
});

/**
 * Runs `body` with a page, not yet navigated, whose host hands `token` over
 * before the app starts, and the portal served with a config.json that reads
 * the demo data through the configured backend path (so the token is sent).
 */
async function withTokenHandedOver(token, body) {
  const config = { preset: 'native', base_url: './demo', refresh_seconds: 0 };
  const server = await serve({ root: portalRoot, files: { 'patchboard/config.json': JSON.stringify(config) } });
  const session = await openPage('about:blank');
  try {
    await session.page.addInitScript((value) => {
      window.Patchboard = { token: value };
    }, token);
    await body(session, server);
    assertNoProblems(session);
  } finally {
    await session.close();
  }
}

/** Adds the host page's own stylesheet (id "host-style") before the app starts. */
function addHostStyle(page, css) {
  return page.addInitScript((css) => {
    document.addEventListener('DOMContentLoaded', () => {
      const style = document.createElement('style');
      style.id = 'host-style';
      style.textContent = css;
      document.head.append(style);
    });
  }, css);
}

/** The job page's asset count, from its total counter. */
async function assetTotal(page) {
  return Number((await page.locator('[data-counter="total"] .pb-counter-value').innerText()).replaceAll(',', ''));
}

describe('host choices', () => {
  test('by default the host URL is left alone; a denser row height is honoured', async () => {
    const server = await serve({ root: portalRoot });
    const session = await openPage('about:blank');
    try {
      const { page } = session;
      await addHostStyle(page, '.pb-app { --pb-row-height: 28px; }');
      const portalUrl = `${server.url}portal/`;
      await page.goto(portalUrl);
      await (await rows(page)).first().locator('a').click();
      await page.locator('[data-counter="total"]').waitFor({ timeout: LOAD_TIMEOUT });
      assert.equal(page.url(), portalUrl, 'navigation stayed inside the app');
      assert.equal(await page.title(), 'Operations portal — Patching', "the portal's title is its own");
      // On a busy machine the counters, the first rows and the spacers can
      // paint frames apart: let them settle; the assertions below say what is
      // wrong if they never do.
      await page
        .waitForFunction(
          (height) => {
            const total = Number(document.querySelector('[data-counter="total"] .pb-counter-value')?.textContent.replaceAll(',', ''));
            const row = document.querySelector('tr.pb-row');
            const scroller = document.querySelector('.pb-table-scroll');
            return total > 0 && row && scroller && Math.abs(scroller.scrollHeight - (total + 1) * height) <= 4;
          },
          28,
          { timeout: LOAD_TIMEOUT },
        )
        .catch(() => {});
      const total = await assetTotal(page);
      const layout = await page.evaluate(() => ({
        rowHeight: document.querySelector('tr.pb-row').getBoundingClientRect().height,
        scrollHeight: document.querySelector('.pb-table-scroll').scrollHeight,
      }));
      assert.equal(Math.round(layout.rowHeight), 28);
      // Header plus every row at the host's height: the spacers use it too.
      assert.ok(Math.abs(layout.scrollHeight - (total + 1) * 28) <= 4, `scrollHeight ${layout.scrollHeight}`);
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });

  test("a portal page with a <base href> that keeps the app in its URL: links, Back and reload stay on the portal's page", async () => {
    // As an Angular portal ships (<base href="/">), opted in to the URL.
    const example = await readFile(join(REPO_ROOT, 'examples/embed/index.html'), 'utf8');
    const based = example
      .replace('<head>', '<head><base href="/" />')
      .replace('href="portal.css"', 'href="/portal/portal.css"')
      .replace('<div id="patchboard"></div>', '<div id="patchboard" data-url-mode="fragment"></div>');
    const server = await serve({ root: portalRoot, files: { 'portal/based.html': based } });
    const portalPage = `${server.url}portal/based.html`;
    const session = await openPage(`${portalPage}#/jobs`);
    try {
      const { page } = session;
      const title = () => page.locator('#pb-page-title').textContent();
      await (await rows(page)).first().locator('a').click();
      await page.locator('[data-counter="total"]').waitFor({ timeout: LOAD_TIMEOUT });
      const job = await title();
      assert.match(page.url(), new RegExp(`^${portalPage}#/jobs/`), "a row's link keeps the portal's page");
      await page.getByRole('link', { name: 'Endpoint exemptions' }).click();
      await page.locator('[data-row-count]', { hasText: 'endpoints' }).waitFor({ timeout: LOAD_TIMEOUT });
      assert.equal(page.url(), `${portalPage}#/exemptions`, 'so does the main navigation');
      await page.goBack();
      await page.waitForFunction((job) => document.querySelector('#pb-page-title')?.textContent === job, job, { timeout: LOAD_TIMEOUT });
      await page.reload();
      await page.locator('[data-counter="total"]').waitFor({ timeout: LOAD_TIMEOUT });
      assert.equal(await title(), job, 'a reload opens the same view on the same page');
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });

  test("a portal page with a <base href> that keeps the app in memory: a link opened in a new tab opens the portal's page, not the site's root", async () => {
    const example = await readFile(join(REPO_ROOT, 'examples/embed/index.html'), 'utf8');
    const based = example.replace('<head>', '<head><base href="/" />').replace('href="portal.css"', 'href="/portal/portal.css"');
    const server = await serve({ root: portalRoot, files: { 'portal/based-memory.html': based } });
    const portalPage = `${server.url}portal/based-memory.html?tab=patching`;
    const session = await openPage(portalPage);
    try {
      const { page } = session;
      const link = (await rows(page)).first().locator('a');
      const opened = await link.evaluate((anchor) => anchor.href);
      assert.ok(opened.startsWith(`${portalPage}#/jobs/`), `the link resolves on the portal's page: ${opened}`);
      await link.click();
      await page.locator('[data-counter="total"]').waitFor({ timeout: LOAD_TIMEOUT });
      assert.equal(page.url(), portalPage, 'a click still leaves the URL alone');
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });

  test("a portal that changes its own URL after the app has drawn its links is not reloaded by them", async () => {
    const example = await readFile(join(REPO_ROOT, 'examples/embed/index.html'), 'utf8');
    const inUrl = example.replace('<div id="patchboard"></div>', '<div id="patchboard" data-url-mode="fragment"></div>');
    const server = await serve({ root: portalRoot, files: { 'portal/in-url.html': inUrl } });
    const portalPage = `${server.url}portal/in-url.html`;
    const session = await openPage(`${portalPage}#/jobs`);
    try {
      const { page } = session;
      await rows(page);
      // The portal notes its own tab in the query; its state lives in memory.
      await page.evaluate(() => {
        history.replaceState(history.state, '', `${location.pathname}?tab=patching${location.hash}`);
        window.portalState = 'kept';
      });
      await page.getByRole('link', { name: 'Endpoint exemptions' }).click();
      await page.locator('[data-row-count]', { hasText: 'endpoints' }).waitFor({ timeout: LOAD_TIMEOUT });
      assert.equal(page.url(), `${portalPage}?tab=patching#/exemptions`);
      assert.equal(await page.evaluate(() => window.portalState), 'kept', 'the portal page was not loaded again');
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });

  test("a host's taller table is filled with rows to its bottom edge, before and after it grows again", async () => {
    const server = await serve({ root: portalRoot });
    const session = await openPage('about:blank');
    try {
      const { page } = session;
      await addHostStyle(page, '.pb-app { --pb-table-height: 1200px; }');
      await page.goto(`${server.url}portal/`);
      await (await rows(page)).first().locator('a').click();
      await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
      const total = await assetTotal(page);
      // The rows the table shows must reach its bottom edge: nothing blank
      // below the last row while more rows exist, and no scroll to get them.
      const uncovered = () =>
        page.evaluate(() => {
          const scroller = document.querySelector('.pb-table-scroll');
          const rendered = [...scroller.querySelectorAll('tr.pb-row')];
          const lastBottom = rendered.at(-1).getBoundingClientRect().bottom;
          return { height: scroller.clientHeight, blank: Math.round(scroller.getBoundingClientRect().bottom - lastBottom) };
        });
      const settle = (height) =>
        page
          .waitForFunction(
            (height) => {
              const scroller = document.querySelector('.pb-table-scroll');
              const last = [...scroller.querySelectorAll('tr.pb-row')].at(-1);
              return scroller.clientHeight >= height - 4 && last.getBoundingClientRect().bottom >= scroller.getBoundingClientRect().bottom - 1;
            },
            height,
            { timeout: 5_000 },
          )
          .catch(() => {});
      assert.ok(total * 34 > 1800, `fixture: the demo job (${total} assets) is taller than the table`);
      await settle(1200);
      let layout = await uncovered();
      assert.ok(layout.height >= 1190, `the host's height is used: ${JSON.stringify(layout)}`);
      assert.ok(layout.blank <= 1, `rows reach the bottom of a 1200 px table: ${JSON.stringify(layout)}`);

      await page.evaluate(() => {
        document.getElementById('host-style').textContent = '.pb-app { --pb-table-height: 1800px; }';
      });
      await settle(1800);
      layout = await uncovered();
      assert.ok(layout.height >= 1790, `the host's new height is used: ${JSON.stringify(layout)}`);
      assert.ok(layout.blank <= 1, `rows reach the bottom after the table grew: ${JSON.stringify(layout)}`);
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });
});

describe('under a strict Content Security Policy', () => {
  // Every route; on the record pages a row's details are opened too.
  const pages = [
    { hash: '#/jobs', ready: 'tr.pb-row', panel: false },
    { hash: `#/jobs/${JOB}?asset=`, ready: 'tr.pb-row', panel: true },
    { hash: '#/exemptions', ready: 'tr.pb-row', panel: true },
    { hash: '#/reference', ready: '.pb-page-title', panel: false },
  ];
  for (const { hash, ready, panel } of pages) {
    test(`${hash.split('?')[0]} runs with no violation`, async () => {
      const server = await serve({ headers: { 'Content-Security-Policy': STRICT_CSP } });
      const session = await openPage(`${server.url}${hash}`);
      try {
        const { page } = session;
        await page.locator(ready).first().waitFor({ timeout: LOAD_TIMEOUT });
        if (panel) {
          await (await rows(page)).first().click();
          await page.locator('dialog.pb-panel').waitFor({ timeout: LOAD_TIMEOUT });
        }
        assert.deepEqual(session.cspViolations, []);
        assertNoProblems(session);
      } finally {
        await session.close();
      }
    });
  }

  for (const { name, policy, blocked } of [
    {
      name: 'a connect-src without the address the app is served from',
      policy: STRICT_CSP.replace("connect-src 'self'", 'connect-src https://backend.example'),
      blocked: /connect-src \(http:\/\/127\.0\.0\.1:\d+\/patchboard_bg\.wasm\)/,
    },
    {
      name: 'Trusted Types required',
      policy: `${STRICT_CSP}; require-trusted-types-for 'script'`,
      blocked: /require-trusted-types-for \(trusted-types-sink\)/,
    },
  ]) {
    test(`${name}: the start fails naming what the policy blocked`, async () => {
      const server = await serve({ headers: { 'Content-Security-Policy': policy } });
      const session = await openPage(`${server.url}#/jobs`);
      try {
        const alert = session.page.locator('.pb-crash[role="alert"]');
        await alert.waitFor({ timeout: LOAD_TIMEOUT });
        const text = (await alert.textContent()).replace(/\s+/g, ' ');
        assert.match(text, /^Patchboard could not start/);
        assert.match(text, /The page's Content Security Policy blocked what the app needs: /);
        assert.match(text, blocked);
      } finally {
        await session.close();
      }
    });
  }

  test('a report-only policy is not blamed for a start that failed otherwise', async () => {
    const server = await serve({
      headers: { 'Content-Security-Policy-Report-Only': "connect-src https://backend.example; img-src 'none'" },
      files: { 'patchboard.js': 'this is not JavaScript(' },
    });
    const session = await openPage(`${server.url}#/jobs`);
    try {
      const alert = session.page.locator('.pb-crash[role="alert"]');
      await alert.waitFor({ timeout: LOAD_TIMEOUT });
      const text = (await alert.textContent()).replace(/\s+/g, ' ');
      assert.ok(!text.includes('Content Security Policy blocked'), text);
      assert.ok(text.includes('patchboard.js and patchboard_bg.wasm are served beside loader.js'), text);
    } finally {
      await session.close();
    }
  });
});
