// Debian's Chromium driven by playwright-core, with every page recording the
// problems a test usually wants to be absent: console errors, uncaught page
// errors and Content-Security-Policy violations.
//
// One browser per test process (node --test runs each file in its own process);
// call closeBrowser() in the file's `after` hook.

import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { parseCsv } from './data.mjs';
import { REPO_ROOT } from './server.mjs';

/** Where screenshot() writes (gitignored). */
export const SCREENSHOT_DIR = join(REPO_ROOT, 'tests/e2e/screenshots');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // Without these Chromium keeps calling home, which floods a closed network
  // with refused connections.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let browserPromise = null;

function browser() {
  browserPromise ??= chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return browserPromise;
}

/** Closes the shared browser if one was launched. */
export async function closeBrowser() {
  if (!browserPromise) return;
  const launched = await browserPromise;
  browserPromise = null;
  await launched.close();
}

/**
 * Opens `url` in a fresh browser context and waits for the load event.
 *
 * @param {string} url
 * @param {object} [options]
 * @param {'light' | 'dark'} [options.colorScheme] prefers-color-scheme to emulate
 * @param {{width: number, height: number}} [options.viewport]
 * @param {object} [options.config] set as window.PATCHBOARD_CONFIG before any
 *   of the app's scripts run, as a host page would
 * @param {boolean} [options.touch] a touch screen (hasTouch, isMobile)
 * @returns {Promise<{page: import('playwright-core').Page,
 *   consoleErrors: string[], pageErrors: string[], cspViolations: string[],
 *   close: () => Promise<void>}>}
 *   The arrays keep filling while the page lives.
 */
export async function openPage(url, { colorScheme = 'light', viewport = { width: 1280, height: 800 }, config, touch = false } = {}) {
  // A touch screen: a coarse pointer, and taps.
  const context = await (await browser()).newContext({ colorScheme, viewport, hasTouch: touch, isMobile: touch });
  const session = {
    page: null,
    consoleErrors: [],
    pageErrors: [],
    cspViolations: [],
    /** Every URL the main frame had, in order. */
    navigations: [],
    close: () => context.close(),
  };
  // A binding survives navigations, unlike a variable stored on window.
  await context.exposeBinding('__pbReportCspViolation', (_source, text) => {
    session.cspViolations.push(text);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : '';
      window.__pbReportCspViolation(
        `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}${where}`,
      );
    });
  });
  if (config !== undefined) {
    await context.addInitScript((value) => {
      window.PATCHBOARD_CONFIG = value;
    }, config);
  }
  const page = await context.newPage();
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) session.navigations.push(frame.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && !isConfigProbe(message)) {
      const { url: source, lineNumber } = message.location();
      session.consoleErrors.push(`${message.text()}${source ? ` (${source}:${lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (error) => session.pageErrors.push(error.stack ?? String(error)));
  session.page = page;
  await page.goto(url, { waitUntil: 'load' });
  return session;
}

/**
 * With no window.PATCHBOARD_CONFIG the app asks for config.json beside itself
 * and takes a 404 as "no configuration: use the demo" (src/ui/data/setup.rs).
 * Chromium logs that expected 404 as a console error; it is not a fault.
 */
function isConfigProbe(message) {
  return message.text().startsWith('Failed to load resource') && message.location().url.endsWith('/config.json');
}

/** Fails, listing every problem, if the page logged any error or CSP violation. */
export function assertNoProblems(session) {
  const problems = [
    ...session.consoleErrors.map((text) => `console error: ${text}`),
    ...session.pageErrors.map((text) => `page error: ${text}`),
    ...session.cspViolations.map((text) => `CSP violation: ${text}`),
  ];
  assert.deepEqual(problems, [], `the page reported problems:\n${problems.join('\n')}`);
}

/**
 * Waits for the page's finite CSS animations (the panel sliding in) to end,
 * so that what is read or pictured next is the settled page.
 */
export async function settleAnimations(page) {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => {})),
    ),
  );
}

/** Saves a full-page PNG as tests/e2e/screenshots/NAME.png and returns its path. */
export async function screenshot(page, name) {
  await settleAnimations(page);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Opens `url` as openPage() does, runs `body` with the session, and always closes it. */
export async function withPage(url, options, body) {
  const session = await openPage(url, options);
  try {
    await body(session);
  } finally {
    await session.close();
  }
}

/** Fails on uncaught page errors only: for pages whose failing requests log console errors on purpose. */
export function assertNoPageErrors(session) {
  assert.deepEqual(session.pageErrors, [], `uncaught page errors:\n${session.pageErrors.join('\n')}`);
}

/** Whitespace-normalised text of every element matching `selector`. */
export function texts(page, selector) {
  return page.$$eval(selector, (elements) => elements.map((e) => e.textContent.replace(/\s+/g, ' ').trim()));
}

/**
 * Opens every shortened chart ("Show all …") on the page, so that each of its
 * entries is there to read or click. Call it once the data has loaded.
 */
export async function showAllChartEntries(page) {
  const charts = await page.$$eval('.pb-show-all[aria-expanded="false"]', (buttons) => buttons.map((button) => button.getAttribute('aria-controls')));
  for (const chart of charts) {
    await page.locator(`.pb-show-all[aria-controls="${chart}"]`).click();
    await page.locator(`.pb-show-all[aria-controls="${chart}"][aria-expanded="true"]`).waitFor();
  }
}

/** The query of a URL's fragment ('#/jobs/x?status=…'); `where` is a page or a URL. */
export function queryOf(where) {
  const hash = new URL(typeof where.url === 'function' ? where.url() : where.href).hash;
  return new URLSearchParams(hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '');
}

/** The UTC day of `ms` as an export's file name gives it: "2026-12-05". */
const utcDay = (ms) => new Date(ms).toISOString().slice(0, 10);

/**
 * Clicks Export CSV and returns the download's records, header first, after
 * checking its line ends and that it is named `${stem}-<UTC day>.csv`.
 */
export async function exportedCsv(page, stem) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  return readExport(download, stem);
}

/** The records of an exported CSV file, checked as exportedCsv says. */
export async function readExport(download, stem) {
  // Named on the day the export ended, or the one before for a test that
  // ran past midnight.
  const now = Date.now();
  const days = new Set([utcDay(now), utcDay(now - 60_000)]);
  const name = download.suggestedFilename();
  assert.ok([...days].some((day) => name === `${stem}-${day}.csv`), `the file ${name} is named ${stem}-<UTC day>.csv`);
  const text = await readFile(await download.path(), 'utf8');
  assert.ok(text.endsWith('\r\n'), 'the CSV ends its last record with CRLF');
  assert.ok(!/(^|[^\r])\n/.test(text), 'every line ends with CRLF');
  assert.ok(text.startsWith('\uFEFF') && !text.startsWith('\uFEFF\uFEFF'), 'one byte order mark, for Excel');
  return parseCsv(text.slice(1));
}
