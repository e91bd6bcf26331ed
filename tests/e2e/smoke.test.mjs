// The release build loads, mounts the app and runs without errors.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertNoProblems, closeBrowser, openPage } from './lib/browser.mjs';
import { startBuiltApp } from './lib/server.mjs';

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
