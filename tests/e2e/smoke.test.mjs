// The release build loads, mounts the app and runs without errors.

import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { assertNoProblems, closeBrowser, openPage } from './lib/browser.mjs';
import { DIST_DIR, startBuiltApp, startServer } from './lib/server.mjs';

const APP_ROOT = '#patchboard, .pb-app';

let server;

before(async () => {
  server = await startBuiltApp();
});

after(async () => {
  await closeBrowser();
  await server?.stop();
});

test('the app mounts a non-empty root without errors', async () => {
  const session = await openPage(server.url);
  try {
    // Mounting happens once the wasm has been fetched and compiled.
    await session.page
      .waitForFunction(
        (selector) => {
          const root = document.querySelector(selector);
          return root !== null && (root.childElementCount > 0 || root.textContent.trim() !== '');
        },
        APP_ROOT,
        { timeout: 20_000 },
      )
      .catch((timeout) => {
        assertNoProblems(session); // an error usually explains why nothing mounted
        throw new Error(`no non-empty ${APP_ROOT} appeared`, { cause: timeout });
      });
    assertNoProblems(session);
    // index.html preloads the glue and the wasm, and loader.js asks for
    // config.json early: each is fetched once, so the app used those answers.
    for (const file of ['/loader.js', '/patchboard.js', '/patchboard_bg.wasm', '/config.json']) {
      const times = server.requests.filter((path) => path === file).length;
      assert.equal(times, 1, `${file} fetched ${times} times: ${server.requests.join(' ')}`);
    }
  } finally {
    await session.close();
  }
});

test('a wasm file the browser cannot run gives a message, not a blank page', async () => {
  const broken = await startServer({ files: { 'patchboard_bg.wasm': 'this is not WebAssembly' } });
  const session = await openPage(broken.url);
  try {
    const alert = session.page.locator('.pb-crash[role="alert"]');
    await alert.waitFor({ timeout: 20_000 });
    const text = (await alert.textContent()).replace(/\s+/g, ' ');
    assert.ok(text.includes('Patchboard could not start'), text);
    assert.ok(text.includes('Nothing was changed on your endpoints'), text);
    // The browser's own reason, for whoever looks into it.
    assert.match(text, /CompileError|WebAssembly/, text);
  } finally {
    await session.close();
    await broken.stop();
  }
});

/** Serves a copy of the build without `missing`, for as long as `body` runs. */
async function withoutFile(missing, body) {
  const root = await mkdtemp(join(tmpdir(), 'patchboard-without-'));
  await cp(DIST_DIR, root, { recursive: true });
  await rm(join(root, missing));
  const partial = await startServer({ root });
  try {
    await body(partial);
  } finally {
    await partial.stop();
    await rm(root, { recursive: true, force: true });
  }
}

test('a patchboard.js the server does not send gives a message, not a blank page', async () => {
  await withoutFile('patchboard.js', async (partial) => {
    const session = await openPage(partial.url);
    try {
      const alert = session.page.locator('.pb-crash[role="alert"]');
      await alert.waitFor({ timeout: 20_000 });
      const text = (await alert.textContent()).replace(/\s+/g, ' ');
      assert.ok(text.includes('Patchboard could not start'), text);
      assert.ok(text.includes('patchboard.js and patchboard_bg.wasm are served beside loader.js'), text);
    } finally {
      await session.close();
    }
  });
});

test('a page whose code never runs says so after a moment, and a started app replaces the note', async () => {
  await withoutFile('loader.js', async (partial) => {
    const session = await openPage(partial.url);
    try {
      const note = session.page.locator('.pb-not-started');
      await note.waitFor({ state: 'visible', timeout: 10_000 });
      assert.match(await note.textContent(), /must be\s+served by a web server/);
    } finally {
      await session.close();
    }
  });
  const session = await openPage(`${server.url}#/jobs`);
  try {
    await session.page.locator('tr.pb-row').first().waitFor({ timeout: 20_000 });
    assert.equal(await session.page.locator('.pb-not-started').count(), 0, 'the app replaced the note');
  } finally {
    await session.close();
  }
});

test('while a slow link still brings the code, the note says the app is loading, not that it cannot start', async () => {
  const session = await openPage('about:blank');
  try {
    const { page } = session;
    let release;
    const held = new Promise((done) => (release = done));
    await page.route('**/patchboard_bg.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.url}#/jobs`, { waitUntil: 'commit' });
    const note = page.locator('.pb-not-started');
    await page.waitForFunction(() => document.querySelector('.pb-not-started')?.textContent.trim() === 'Loading Patchboard…', null, { timeout: 10_000 });
    await note.waitFor({ state: 'visible', timeout: 10_000 });
    release();
    await page.locator('tr.pb-row').first().waitFor({ timeout: 20_000 });
    assert.equal(await note.count(), 0, 'the app replaced the note');
  } finally {
    await session.close();
  }
});

test('a trap in the running app (no panic, so no panic panel) gives a message, not a frozen page', async () => {
  for (const how of ['thrown', 'rejected']) {
    const session = await openPage(`${server.url}#/jobs`);
    try {
      const { page } = session;
      await page.locator('tr.pb-row').first().waitFor({ timeout: 20_000 });
      // What an out-of-memory abort looks like to the page: a RuntimeError
      // from an async task, uncaught.
      await page.evaluate((how) => {
        const trap = new WebAssembly.RuntimeError('unreachable');
        if (how === 'thrown') setTimeout(() => { throw trap; });
        else Promise.reject(trap);
      }, how);
      const alert = page.locator('.pb-crash[role="alert"]');
      await alert.waitFor({ timeout: 5_000 });
      const text = (await alert.textContent()).replace(/\s+/g, ' ');
      assert.ok(text.startsWith('Patchboard stopped'), `${how}: ${text}`);
      assert.ok(text.includes('Nothing was changed on your endpoints') && text.includes('RuntimeError: unreachable'), `${how}: ${text}`);
      assert.equal(await page.locator('tr.pb-row').count(), 0, 'the app that stopped is gone');
    } finally {
      await session.close();
    }
  }
});
