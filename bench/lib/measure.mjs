// What one page load is measured for, in headless Chromium (the e2e tests'
// browser helpers, so the same flags). Times are milliseconds.

import { openPage } from '../../tests/e2e/lib/browser.mjs';

const LOAD_TIMEOUT = 120_000;
const INTERACTION_TIMEOUT = 20_000;

/** The app's pb:* User Timing measures, per name: how many, the last, the longest, the sum. */
function summariseMeasures(entries) {
  const byName = {};
  for (const { name, duration } of entries) {
    const entry = (byName[name] ??= { count: 0, last: 0, max: 0, total: 0 });
    entry.count += 1;
    entry.last = duration;
    entry.max = Math.max(entry.max, duration);
    entry.total += duration;
  }
  return byName;
}

/** JS heap after a full GC, and the wasm linear memory (which the JS heap does not count). */
async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name) => metrics.find((m) => m.name === name)?.value ?? null;
    const prototype = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
    const found = await cdp.send('Runtime.queryObjects', { prototypeObjectId: prototype.result.objectId });
    const wasm = await cdp.send('Runtime.callFunctionOn', {
      objectId: found.objects.objectId,
      functionDeclaration: 'function () { return this.reduce((sum, m) => sum + m.buffer.byteLength, 0); }',
      returnByValue: true,
    });
    const performanceMemory = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
    return { jsHeapUsed: performanceMemory, jsHeapUsedCdp: metric('JSHeapUsedSize'), wasmMemory: wasm.result.value };
  } finally {
    await cdp.detach();
  }
}

/**
 * Opens `url` and waits until the table shows rows and the load is complete.
 * `dataPath` names the big JSON file (its Resource Timing entry).
 */
export async function loadPage(url, dataPath) {
  const session = await openPage(url);
  const { page } = session;
  await page.waitForFunction(
    () =>
      performance.getEntriesByName('pb:first-rows').length > 0 &&
      (document.querySelector('[data-updated]')?.textContent ?? '').startsWith('Updated') &&
      document.querySelector('tr.pb-row') !== null,
    null,
    { timeout: LOAD_TIMEOUT, polling: 100 },
  );
  // Two frames, so the last render settles before anything is read.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const timings = await page.evaluate((dataPath) => {
    const firstRows = performance.getEntriesByName('pb:first-rows')[0].startTime;
    const data = performance.getEntriesByType('resource').find((entry) => new URL(entry.name).pathname.endsWith(dataPath));
    const measures = performance
      .getEntriesByType('measure')
      .filter((entry) => entry.name.startsWith('pb:'))
      .map(({ name, startTime, duration }) => ({ name, startTime, duration }));
    return {
      firstRows,
      dataResponseEnd: data?.responseEnd ?? null,
      dataBytes: data?.encodedBodySize ?? null,
      domNodes: document.getElementsByTagName('*').length,
      rowsInDom: document.querySelectorAll('tr.pb-row').length,
      rowCount: document.querySelector('[data-row-count]')?.textContent.trim() ?? null,
      measures,
    };
  }, dataPath);
  const result = {
    firstRowsMs: timings.firstRows,
    dataToPaintMs: timings.dataResponseEnd === null ? null : timings.firstRows - timings.dataResponseEnd,
    dataResponseEndMs: timings.dataResponseEnd,
    dataBytes: timings.dataBytes,
    domNodes: timings.domNodes,
    rowsInDom: timings.rowsInDom,
    rowCount: timings.rowCount,
    measures: summariseMeasures(timings.measures),
    ...(await memory(page)),
  };
  return { session, result };
}

/** The pb:* measures that start at or after `since`, summarised. */
async function measuresSince(page, since) {
  const entries = await page.evaluate(
    (since) =>
      performance
        .getEntriesByType('measure')
        .filter((entry) => entry.name.startsWith('pb:') && entry.startTime >= since)
        .map(({ name, duration }) => ({ name, duration })),
    since,
  );
  return summariseMeasures(entries);
}

/**
 * Types `key` into the search box: the time from its keydown to the frame
 * after the row count text changed, and the pb:filter measure it caused.
 */
export async function filterKeystroke(page, key) {
  const search = page.locator('input[type="search"]').first();
  await search.focus();
  const armed = page.evaluate(
    (timeout) =>
      new Promise((resolve, reject) => {
        const count = document.querySelector('[data-row-count]');
        const input = document.querySelector('input[type="search"]');
        const before = count.textContent;
        let start = null;
        input.addEventListener('keydown', () => (start = performance.now()), { once: true, capture: true });
        const observer = new MutationObserver(() => {
          if (start === null || count.textContent === before) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve({ ms: performance.now() - start, start, before, after: count.textContent }));
        });
        observer.observe(count, { subtree: true, childList: true, characterData: true });
        setTimeout(() => reject(new Error(`row count stayed "${before}"`)), timeout);
      }),
    INTERACTION_TIMEOUT,
  );
  await page.waitForTimeout(50); // the listeners are in place
  await search.press(key);
  const outcome = await armed;
  const measures = await measuresSince(page, outcome.start);
  return { ms: outcome.ms, filterMs: measures['pb:filter']?.last ?? null, before: outcome.before.trim(), after: outcome.after.trim() };
}

/** Clears the search box and waits for the full row count again. */
export async function clearSearch(page) {
  const search = page.locator('input[type="search"]').first();
  await search.fill('');
  await page.waitForFunction(() => {
    const [shown, , total] = (document.querySelector('[data-row-count]')?.textContent ?? '').split(' ');
    return shown === total;
  }, null, { timeout: INTERACTION_TIMEOUT });
}

/**
 * Clicks the first column's sort button: the time from the click to the frame
 * after the table body changed, and the pb:sort measure it caused.
 */
export async function sortClick(page) {
  const armed = page.evaluate(
    (timeout) =>
      new Promise((resolve, reject) => {
        const button = document.querySelector('th .pb-sort-button');
        const body = document.querySelector('.pb-table tbody');
        let start = null;
        button.addEventListener('click', () => (start = performance.now()), { once: true, capture: true });
        const observer = new MutationObserver(() => {
          if (start === null) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve({ ms: performance.now() - start, start, direction: button.closest('th').getAttribute('aria-sort') }));
        });
        observer.observe(body, { subtree: true, childList: true, characterData: true });
        setTimeout(() => reject(new Error('the table body did not change after sorting')), timeout);
      }),
    INTERACTION_TIMEOUT,
  );
  await page.waitForTimeout(50);
  await page.locator('th .pb-sort-button').first().click();
  const outcome = await armed;
  const measures = await measuresSince(page, outcome.start);
  return { ms: outcome.ms, sortMs: measures['pb:sort']?.last ?? null, direction: outcome.direction };
}

/**
 * Moves the table's scroll position to `fraction` of its length at once, as
 * dragging the scrollbar does: the time from the move to the frame after the
 * first row drawn changed, and which row that was before and after.
 */
export async function scrollJump(page, fraction) {
  return page.evaluate(
    ({ fraction, timeout }) =>
      new Promise((resolve, reject) => {
        const scroller = document.querySelector('.pb-table-scroll');
        const body = scroller.querySelector('tbody');
        const firstRow = () => body.querySelector('tr.pb-row')?.getAttribute('aria-rowindex') ?? null;
        const before = firstRow();
        let start = null;
        const observer = new MutationObserver(() => {
          if (firstRow() === before) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve({ ms: performance.now() - start, before, after: firstRow() }));
        });
        observer.observe(body, { subtree: true, childList: true, attributes: true });
        start = performance.now();
        scroller.scrollTop = fraction * (scroller.scrollHeight - scroller.clientHeight);
        setTimeout(() => reject(new Error(`the first row stayed ${before} after scrolling to ${fraction}`)), timeout);
      }),
    { fraction, timeout: INTERACTION_TIMEOUT },
  );
}

/**
 * In the page: from the next click on the button labelled `label`, times
 * every animation frame until `window.pbFrames.stopped` is set, keeping the
 * longest wait between two in `window.pbFrames.longestFrameGap`; that is how
 * long the page stood still for the operator. `onFrame`, if set, runs on
 * each frame with its time.
 */
function watchFramesFromClick(label) {
  const log = { start: null, lastFrame: null, longestFrameGap: 0, stopped: false, onFrame: null };
  window.pbFrames = log;
  // When the callback ran, not its timestamp: that is the frame's planned
  // start, which headless Chromium keeps 16.7 ms apart even when a long
  // task held the callback back.
  const frame = () => {
    const now = performance.now();
    log.longestFrameGap = Math.max(log.longestFrameGap, now - log.lastFrame);
    log.lastFrame = now;
    log.onFrame?.(now);
    if (!log.stopped) requestAnimationFrame(frame);
  };
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === label);
  button.addEventListener('click', () => {
    log.start = log.lastFrame = performance.now();
    requestAnimationFrame(frame);
  }, { once: true, capture: true });
}

/**
 * Clicks Export CSV: the time from the click to the file offered, and the
 * longest wait between two animation frames meanwhile.
 */
export async function csvExport(page) {
  await page.evaluate(watchFramesFromClick, 'Export CSV');
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: INTERACTION_TIMEOUT }),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const outcome = await page.evaluate(() => {
    const log = window.pbFrames;
    log.stopped = true;
    return { ms: performance.now() - log.start, longestFrameGapMs: log.longestFrameGap };
  });
  await download.delete();
  return outcome;
}

/**
 * Clicks Refresh now, which loads the whole data set again: the time from the
 * click to the frame that paints the new rows (the first after the filter
 * that follows their derive), and the longest wait between two animation
 * frames meanwhile, download and decode included.
 */
export async function refreshNow(page) {
  await page.evaluate(watchFramesFromClick, 'Refresh now');
  const armed = page.evaluate(
    (timeout) =>
      new Promise((resolve, reject) => {
        const log = window.pbFrames;
        const after = (name, since) => performance.getEntriesByName(name).find((entry) => entry.startTime > since);
        log.onFrame = (now) => {
          const derived = after('pb:derive', log.start);
          if (derived && after('pb:filter', derived.startTime)) {
            log.stopped = true;
            resolve({ ms: now - log.start, longestFrameGapMs: log.longestFrameGap });
          }
        };
        setTimeout(() => reject(new Error('no new rows were painted after Refresh now')), timeout);
      }),
    INTERACTION_TIMEOUT,
  );
  await page.waitForTimeout(50);
  await page.getByRole('button', { name: 'Refresh now' }).click();
  return armed;
}
