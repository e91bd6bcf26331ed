// WCAG 2.1 AA (axe-core) on every page in both themes, and the keyboard paths
// an operator relies on: sorting a column, opening and closing the detail
// panel, focus returning where it was.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertAccessible } from './lib/axe.mjs';
import { assertNoProblems, closeBrowser, openPage, showAllChartEntries, withPage } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

const LOAD_TIMEOUT = 20_000;
const JOB = 'job-patch-tuesday';

let server;

before(async () => {
  server = await startServer();
});

after(async () => {
  await closeBrowser();
  await server?.stop();
});

const PAGES = [
  { name: 'the job list', hash: '#/jobs', ready: 'tr.pb-row' },
  { name: 'a job', hash: `#/jobs/${JOB}`, ready: 'tr.pb-row' },
  { name: 'a job with the asset panel open', hash: `#/jobs/${JOB}?asset=${JOB}-a00004`, ready: '.pb-panel' },
  { name: 'the endpoint exemptions', hash: '#/exemptions', ready: 'tr.pb-row' },
  { name: 'an endpoint with its panel open', hash: '#/exemptions?endpoint=ep-00080', ready: '.pb-panel' },
  { name: 'the reference', hash: '#/reference', ready: '.pb-reference-table' },
  { name: 'the not-found page', hash: '#/nowhere', ready: '.pb-page-title' },
];

for (const colorScheme of ['light', 'dark']) {
  describe(`axe finds no WCAG 2.1 AA violation (${colorScheme})`, () => {
    for (const { name, hash, ready } of PAGES) {
      test(name, async () => {
        const session = await openPage(`${server.url}${hash}`, { colorScheme });
        try {
          await session.page.locator(ready).first().waitFor({ timeout: LOAD_TIMEOUT });
          await assertAccessible(session.page, `${name} (${colorScheme})`);
          assertNoProblems(session);
        } finally {
          await session.close();
        }
      });
    }
  });
}

// Text columns truncate with a title; headings and badges must not, or an
// operator reads "Supersedec" or a status cut to a dot.
/** The headings and badge cells of the rendered rows that are cut off, once the rows have painted. */
async function clippedCells(page) {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.evaluate(() => {
    const cut = (cell) => cell.scrollWidth > cell.clientWidth;
    // A heading's name is cut short inside its sort button, not the cell.
    const headings = [...document.querySelectorAll('thead th')]
      .filter((th) => cut(th) || [...th.querySelectorAll('.pb-sort-label')].some(cut))
      .map((th) => th.textContent.trim());
    const badges = [...document.querySelectorAll('tr.pb-row td')]
      .filter((td) => td.querySelector(':scope > .pb-badge') && cut(td))
      .map((td) => td.textContent.trim());
    return [...headings, ...new Set(badges)];
  });
}

/** The search fields' placeholders too long for their field: the placeholder says what a search covers. */
async function cutPlaceholders(page) {
  return page.evaluate(() => {
    const context = document.createElement('canvas').getContext('2d');
    return [...document.querySelectorAll('input[placeholder]')]
      .filter((input) => {
        const style = getComputedStyle(input);
        context.font = style.font;
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return context.measureText(input.placeholder).width > room + 0.5;
      })
      .map((input) => input.placeholder);
  });
}

/** The status cells (of a job's rendered rows) whose name or code is not shown whole. */
async function cutStatusCodes(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('tr.pb-row td:nth-child(3)')]
      .filter((td) => / · \d+$/.test(td.querySelector('[title]')?.title ?? ''))
      .filter((td) => {
        const code = td.querySelector('.pb-status-code');
        const name = td.querySelector('.pb-truncate');
        const visibleRight = td.getBoundingClientRect().right - parseFloat(getComputedStyle(td).paddingRight);
        return !code || code.getBoundingClientRect().right > visibleRight + 0.5 || name.scrollWidth > name.clientWidth;
      })
      .map((td) => td.textContent.trim()),
  );
}

describe('no heading, badge or placeholder is cut off', () => {
  // 1920 px: the tables' full width, with the columns a narrower one leaves out.
  for (const width of [1920, 1280, 1024]) {
    for (const { name, hash } of PAGES.filter((p) => p.ready === 'tr.pb-row')) {
      test(`${name} at ${width} px`, async () => {
        const session = await openPage(`${server.url}${hash}`, { viewport: { width, height: 800 } });
        try {
          await session.page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
          assert.deepEqual(await clippedCells(session.page), []);
          assert.deepEqual(await cutPlaceholders(session.page), []);
          assertNoProblems(session);
        } finally {
          await session.close();
        }
      });
    }

    if (width > 1600) continue;

    // The rows in view need not show every badge: filter to each in turn.
    test(`every impact badge of the endpoint exemptions at ${width} px`, async () => {
      const session = await openPage(`${server.url}#/exemptions`, { viewport: { width, height: 800 } });
      try {
        const { page } = session;
        await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
        const counters = { cannot_patch: 'cannot', temporarily_cannot_patch: 'temporarily', patchable: 'patchable' };
        for (const [impact, counter] of Object.entries(counters)) {
          const count = (await page.locator(`[data-counter="${counter}"] .pb-counter-value`).textContent()).trim();
          await page.evaluate((hash) => (location.hash = hash), `#/exemptions?impact=${impact}`);
          await page.waitForFunction(
            (count) => document.querySelector('[data-row-count]')?.textContent.startsWith(`${count} of`),
            count,
          );
          assert.deepEqual(await clippedCells(page), [], `the ${impact} rows`);
        }
        assertNoProblems(session);
      } finally {
        await session.close();
      }
    });

    test(`every phase badge and status code of a job at ${width} px`, async () => {
      const session = await openPage(`${server.url}#/jobs/${JOB}`, { viewport: { width, height: 800 } });
      try {
        const { page } = session;
        await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
        const phases = await page.$$eval('.pb-legend', (legends) =>
          [...legends[0].querySelectorAll('[data-legend]')].map((item) => item.dataset.legend),
        );
        assert.ok(phases.length >= 8, `the phase legend lists every phase (${phases})`);
        for (const phase of phases) {
          await page.evaluate((hash) => (location.hash = hash), `#/jobs/${JOB}?phase=${phase}`);
          await page.waitForFunction(
            (count) => document.querySelector('[data-row-count]')?.textContent.startsWith(`${count} of `),
            await page.$eval(`[data-legend="${phase}"] .pb-legend-count`, (c) => c.textContent.split(' ')[0]),
          );
          assert.deepEqual(await clippedCells(page), [], `the ${phase} rows`);
          assert.deepEqual(await cutStatusCodes(page), [], `the status codes of the ${phase} rows`);
        }
        assertNoProblems(session);
      } finally {
        await session.close();
      }
    });
  }
});

describe("an asset's OS", () => {
  for (const width of [1280, 1920]) {
    test(`at ${width} px shows its version, which tells "Windows Server" rows apart`, async () => {
      const session = await openPage(`${server.url}#/jobs/${JOB}`, { viewport: { width, height: 800 } });
      try {
        const { page } = session;
        await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
        const hidden = await page.evaluate(() =>
          [...document.querySelectorAll('tr.pb-row td:nth-child(2) .pb-truncate')].flatMap((cell) => {
            const text = cell.firstChild;
            const version = /\d[\w.]*/.exec(text?.data ?? '');
            if (!version) return [];
            const range = document.createRange();
            range.setStart(text, 0);
            range.setEnd(text, version.index + version[0].length);
            // Where the text is cut, its ellipsis takes the last character's room.
            const ellipsis = cell.scrollWidth > cell.clientWidth ? 12 : 0;
            const shown = range.getBoundingClientRect().right <= cell.getBoundingClientRect().right - ellipsis;
            return shown ? [] : [text.data];
          }),
        );
        assert.deepEqual(hidden, [], 'every OS name shows up to its version');
        assertNoProblems(session);
      } finally {
        await session.close();
      }
    });
  }
});

describe('the navigation', () => {
  test('marks the link to the current page, which is what a screen reader announces', async () => {
    const session = await openPage(`${server.url}#/jobs/job-patch-tuesday`);
    try {
      const { page } = session;
      const current = () => page.evaluate(() =>
        [...document.querySelectorAll('[aria-current]')].map((element) => `${element.tagName} ${element.textContent.trim()}`));
      await page.locator('a[aria-current="page"]').waitFor({ timeout: LOAD_TIMEOUT });
      assert.deepEqual(await current(), ['A Jobs'], 'a job is one of the jobs');
      await page.locator('.pb-nav-item a', { hasText: 'Endpoint exemptions' }).click();
      await page.locator('a[aria-current="page"]', { hasText: 'Endpoint exemptions' }).waitFor({ timeout: LOAD_TIMEOUT });
      assert.deepEqual(await current(), ['A Endpoint exemptions']);
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });
});

describe('the header on a narrow window', () => {
  for (const width of [800, 768, 420]) {
    test(`at ${width} px each navigation label stays on one line, the tabs in one row, the tools together`, async () => {
      const session = await openPage(`${server.url}#/exemptions`, { viewport: { width, height: 600 } });
      try {
        const { page } = session;
        await page.locator('.pb-nav-item a[aria-current="page"]').waitFor({ timeout: LOAD_TIMEOUT });
        const layout = await page.evaluate(() => {
          const lineHeight = (element) => parseFloat(getComputedStyle(element).lineHeight);
          const wrapped = [...document.querySelectorAll('.pb-nav-item a')]
            .filter((link) => link.getBoundingClientRect().height > 2 * lineHeight(link))
            .map((link) => link.textContent.trim());
          const tools = [...document.querySelectorAll('.pb-header-tools > *')].map((tool) => tool.getBoundingClientRect());
          const oneRow = tools.every((box) => Math.abs(box.top + box.height / 2 - (tools[0].top + tools[0].height / 2)) < 2);
          const header = document.querySelector('.pb-header');
          const tabTops = new Set([...document.querySelectorAll('.pb-nav-item')].map((tab) => Math.round(tab.getBoundingClientRect().top)));
          return { wrapped, tools: tools.length, oneRow, tabRows: tabTops.size, headerOverflows: header.scrollWidth > header.clientWidth };
        });
        assert.deepEqual(layout.wrapped, [], 'no navigation label wraps inside its tab');
        assert.equal(layout.tools, 2, 'the source badge and the theme switch');
        assert.ok(layout.oneRow, 'the source badge and the theme switch share a row');
        assert.equal(layout.headerOverflows, false, 'the header fits the window');
        assert.equal(layout.tabRows, 1, 'the tabs share one row');
        assertNoProblems(session);
      } finally {
        await session.close();
      }
    });
  }
});

describe('the header takes few lines', () => {
  for (const { width, lines } of [
    { width: 1280, lines: 1 },
    { width: 768, lines: 1 },
    { width: 390, lines: 2 },
  ]) {
    test(`at ${width} px: ${lines === 1 ? 'brand, tabs and tools on one line' : 'brand and tools, then the tabs'}`, async () => {
      await withPage(`${server.url}#/jobs`, { viewport: { width, height: 700 } }, async (session) => {
        const { page } = session;
        await page.locator('.pb-nav-item a[aria-current="page"]').waitFor({ timeout: LOAD_TIMEOUT });
        const rows = await page.evaluate(() =>
          ['.pb-brand', '.pb-nav', '.pb-header-tools'].map((selector) => {
            const box = document.querySelector(selector).getBoundingClientRect();
            return Math.round(box.top + box.height / 2);
          }),
        );
        const [brand, nav, tools] = rows;
        assert.ok(Math.abs(brand - tools) < 4, `the tools beside the brand: ${rows}`);
        if (lines === 1) assert.ok(Math.abs(nav - brand) < 4, `the tabs beside the brand: ${rows}`);
        else assert.ok(nav > brand + 10, `the tabs below: ${rows}`);
        assertNoProblems(session);
      });
    });
  }
});

/** Views whose parts grow with the user's choices, beside the pages as they open. */
const CROWDED_VIEWS = [
  {
    name: 'a job filtered by five phases and statuses and an OS',
    hash: `#/jobs/${JOB}?phase=failed,running,waiting&status=2037-0,2031-2&os=windows`,
    ready: 'tr.pb-row',
  },
  { name: 'the exemptions grouped by exemption', hash: '#/exemptions?layout=by-exemption', ready: '.pb-group summary' },
];

describe('on a phone-sized window', () => {
  for (const { name, hash, ready } of [...PAGES, ...CROWDED_VIEWS]) {
    // 320 px: WCAG's reflow width (a 1280 px window zoomed to 400%).
    test(`${name} at 320 px is no wider than the window; wide tables scroll on their own`, async () => {
      const session = await openPage(`${server.url}${hash}`, { viewport: { width: 320, height: 740 } });
      try {
        const { page } = session;
        await page.locator(ready).first().waitFor({ timeout: LOAD_TIMEOUT });
        // The panel slides in from the right: measure where it comes to rest.
        await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
        const overflow = await page.evaluate(() => {
          const { scrollWidth, clientWidth } = document.documentElement;
          const sticking = [...document.querySelectorAll('.pb-app *')]
            .filter((element) => element.getBoundingClientRect().right > clientWidth + 1)
            .filter((element) => !element.parentElement.closest('.pb-table-scroll, .pb-reference-scroll, .pb-panel'))
            .map((element) => element.className || element.tagName)
            .slice(0, 5);
          return { pageScrolls: scrollWidth > clientWidth, sticking };
        });
        assert.deepEqual(overflow, { pageScrolls: false, sticking: [] });
        // What scrolls here (a panel's body, most of all) must scroll from the keyboard too.
        await assertAccessible(page, `${name} at 320 px`);
        assertNoProblems(session);
      } finally {
        await session.close();
      }
    });
  }
});

describe('on a touch screen', () => {
  // WCAG 2.5.8: the chips that remove a filter, the chart's legend entries
  // and the exemption bars came to 21 to 23 px at 12 px text; the Only
  // stuck and Only with warnings boxes with their labels to 20 px, the
  // column headings' sort buttons to 17 px.
  test('what a finger taps to filter or sort is at least 24 px high', async () => {
    const heights = [];
    const everywhere = '.pb-checkbox, .pb-sort-button';
    for (const [hash, add] of [[`#/jobs/${JOB}?phase=failed&os=windows`, `.pb-legend-item, ${everywhere}`], ['#/exemptions?impact=cannot_patch', `.pb-bar-row, ${everywhere}`]]) {
      await withPage(`${server.url}${hash}`, {}, async ({ page }) => {
        await page.locator('button.pb-chip').first().waitFor({ timeout: LOAD_TIMEOUT });
        heights.push(...(await page.locator(`button.pb-chip, ${add}`).evaluateAll((targets) =>
          // Columns the window leaves out are not drawn.
          targets.filter((target) => target.getClientRects().length > 0).map((target) => [target.className, target.getBoundingClientRect().height]))));
      });
    }
    assert.ok(heights.length > 4, JSON.stringify(heights));
    for (const kind of ['pb-checkbox', 'pb-sort-button']) assert.ok(heights.some(([name]) => name === kind), `fixture: a ${kind} is measured`);
    assert.deepEqual(heights.filter(([, height]) => height < 24), []);
  });

  // iOS Safari zooms the page in when a field with text under 16 px takes
  // the focus, and leaves it zoomed.
  test('the search box and the filters have 16 px text', async () => {
    await withPage(`${server.url}#/jobs/${JOB}`, { viewport: { width: 390, height: 844 }, touch: true }, async ({ page }) => {
      await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
      const sizes = await page.locator('.pb-input, .pb-select').evaluateAll((fields) => [...new Set(fields.map((field) => getComputedStyle(field).fontSize))]);
      assert.deepEqual(sizes, ['16px']);
    });
  });

  // A double tap (or double click) on a job opened it with the first tap;
  // the second landed on the job page's chart or a counter and filtered it,
  // and took the focus from the page's heading. A third tap did too.
  test('the taps after the one that opens a job do nothing on the job page', async () => {
    await withPage(`${server.url}#/jobs`, { viewport: { width: 1024, height: 768 }, touch: true }, async ({ page }) => {
      const row = page.locator('tr.pb-row', { hasText: 'Patch Tuesday' });
      await row.waitFor({ timeout: LOAD_TIMEOUT });
      const box = await row.boundingBox();
      const x = 450;
      const y = box.y + box.height / 2;
      // A triple tap, each within the double-tap interval of the one before.
      const landedOn = [];
      for (let tap = 0; tap < 3; tap += 1) {
        if (tap > 0) landedOn.push(await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('button, a, [data-segment]')?.outerHTML.slice(0, 60), [x, y]));
        await page.touchscreen.tap(x, y);
        await page.waitForTimeout(100);
      }
      await page.waitForURL((url) => url.hash.startsWith(`#/jobs/${JOB}`));
      await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
      assert.ok(landedOn.every(Boolean), `fixture: the later taps land on something that can be clicked: ${landedOn}`);
      await page.waitForTimeout(300);
      assert.equal(new URL(page.url()).hash, `#/jobs/${JOB}`, 'nothing filtered');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'pb-page-title', "the focus stays on the page's heading");
      // A tap of its own there still works.
      await page.touchscreen.tap(x, y);
      await page.waitForURL((url) => url.hash.includes('?'));
    });
  });
});

describe("a table's height follows the window's", () => {
  // 640 × 400: a 1280 × 800 window zoomed to 200 %. 1920 × 1400: a tall screen.
  for (const { viewport, fits, grows } of [
    { viewport: { width: 640, height: 400 }, fits: true, grows: false },
    { viewport: { width: 1280, height: 800 }, fits: true, grows: false },
    { viewport: { width: 1920, height: 1400 }, fits: true, grows: true },
  ]) {
    test(`at ${viewport.width} × ${viewport.height} the table fits the window${grows ? ' and uses its height' : ''}`, async () => {
      await withPage(`${server.url}#/jobs/${JOB}`, { viewport }, async ({ page }) => {
        await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
        const height = await page.locator('.pb-table-scroll').evaluate((table) => table.getBoundingClientRect().height);
        // The table scrolls inside the page: taller than the window, its
        // header and its last rows are never in sight together.
        if (fits) assert.ok(height <= viewport.height - 40, `${height} px in a ${viewport.height} px window`);
        if (grows) assert.ok(height > 700, `${height} px: a tall window shows more rows than the default 560 px`);
      });
    });
  }
});

describe("a reader's larger default font size (WCAG 1.4.4)", () => {
  /** A page whose browser has a default font size of 20 px, which sets the root's size. */
  const openAt20px = async (viewport) => {
    const session = await openPage('about:blank', viewport && { viewport });
    await session.page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        document.documentElement.style.fontSize = '20px';
      });
    });
    return session;
  };

  test('enlarges the text, and the rows with it, on every row of a scrolled table', async () => {
    const session = await openAt20px();
    const { page } = session;
    try {
      await page.goto(`${server.url}#/jobs/${JOB}`);
      const row = page.locator('tr.pb-row').first();
      await row.waitFor({ timeout: LOAD_TIMEOUT });
      const sizes = await row.evaluate((row) => ({
        text: getComputedStyle(row.querySelector('td')).fontSize,
        row: row.getBoundingClientRect().height,
      }));
      assert.deepEqual(sizes, { text: '17.5px', row: 42.5 });
      // The table lays its rows out at that height: scrolled to its end, the
      // last row is drawn, whole, at its bottom.
      const scroller = page.locator('.pb-table-scroll');
      await scroller.evaluate((element) => element.scrollTo(0, element.scrollHeight));
      await page.waitForFunction(() => {
        const table = document.querySelector('.pb-table-scroll table');
        const last = [...document.querySelectorAll('tr.pb-row')].at(-1);
        return last?.getAttribute('aria-rowindex') === table.getAttribute('aria-rowcount');
      }, null, { timeout: 5_000 });
      const gap = await scroller.evaluate((element) => {
        const last = [...element.querySelectorAll('tr.pb-row')].at(-1);
        return element.getBoundingClientRect().bottom - last.getBoundingClientRect().bottom;
      });
      assert.ok(gap >= 0 && gap < 20, `the last row ends ${gap} px above the table's bottom`);
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });

  // At 1536 px the page narrowed beside the panel as it does with 14 px
  // text, to less than the table's minimum width: it scrolled sideways and
  // cut off its last column.
  test('the details panel lies over the page rather than squeezing its table', async () => {
    const session = await openAt20px({ width: 1536, height: 864 });
    const { page } = session;
    try {
      await page.goto(`${server.url}#/jobs/${JOB}`);
      await page.locator('tr.pb-row').first().click({ timeout: LOAD_TIMEOUT });
      await page.locator('dialog.pb-panel[open]').waitFor({ timeout: 5_000 });
      await page.waitForTimeout(100);
      const layout = await page.evaluate(() => {
        const scroller = document.querySelector('.pb-table-scroll');
        return {
          modal: document.querySelector('dialog.pb-panel').matches(':modal'),
          room: getComputedStyle(document.querySelector('.pb-app')).getPropertyValue('--pb-panel-room'),
          scrollsSideways: scroller.scrollWidth > scroller.clientWidth,
        };
      });
      assert.deepEqual(layout, { modal: false, room: '', scrollsSideways: false });
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });

  // The number columns grow with the text: at 1280 px the job list kept
  // every column and cut each job's name to a dozen letters.
  test('leaves optional columns out sooner, so that the names keep their room', async () => {
    const session = await openAt20px({ width: 1280, height: 800 });
    const { page } = session;
    try {
      await page.goto(`${server.url}#/jobs`);
      await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
      const table = await page.evaluate(() => ({
        headings: [...document.querySelectorAll('thead th')]
          .filter((th) => th.getClientRects().length > 0)
          .map((th) => th.textContent.replace(/[▲▼]/, '').trim()),
        cutNames: [...document.querySelectorAll('tr.pb-row > td:first-child a')]
          .filter((link) => link.scrollWidth > link.clientWidth)
          .map((link) => link.textContent),
        scrollsSideways: (() => {
          const scroller = document.querySelector('.pb-table-scroll');
          return scroller.scrollWidth > scroller.clientWidth;
        })(),
      }));
      assert.deepEqual(table.headings, ['Job', 'Platform', 'Status', 'Schedule / last run', 'Assets', 'Complete', 'Failed']);
      // The demo's longest name still ends cut; the others are whole.
      assert.deepEqual(table.cutNames, ['Windows 11 cumulative update – workstations']);
      assert.equal(table.scrollsSideways, false);
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });
});

describe('a narrower window leaves out the optional columns', () => {
  const TABLES = [
    // The job and endpoint tables leave their optional columns out below
    // 114 em (1,596 px), so that the Message and the OS have room from 1280
    // to 1536; the job list below 83 em (1,162 px).
    { name: 'the job list', hash: '#/jobs', optional: ['Succeeded', 'In progress'], fullFrom: 1280 },
    { name: 'a job', hash: `#/jobs/${JOB}`, optional: ['Succeeded', 'Failed', 'Superseded', 'N/A'], fullFrom: 1680 },
    { name: 'the endpoint exemptions', hash: '#/exemptions', optional: ['Schedule', 'Next window'], fullFrom: 1680 },
  ];
  /** The headings shown, whether the table scrolls sideways, and the cells of a row beside its headings. */
  const layout = (page) =>
    page.evaluate(() => {
      const shown = (element) => element.getClientRects().length > 0;
      const scroller = document.querySelector('.pb-table-scroll');
      const row = document.querySelector('tr.pb-row');
      return {
        headings: [...document.querySelectorAll('thead th')].filter(shown).map((th) => th.textContent.replace(/[▲▼]/, '').trim()),
        cellsShown: [...row.children].filter(shown).length,
        // Every shown cell lines up under its heading.
        aligned: [...row.children].filter(shown).every((td, i) => {
          const th = [...document.querySelectorAll('thead th')].filter(shown)[i];
          return Math.abs(td.getBoundingClientRect().left - th.getBoundingClientRect().left) < 1;
        }),
        scrollsSideways: scroller.scrollWidth > scroller.clientWidth,
        // The rows fill the table: no empty column is left where the optional ones were.
        rowRight: row.getBoundingClientRect().right,
        lastCellRight: [...row.children].filter(shown).at(-1).getBoundingClientRect().right,
      };
    });

  /** Waits for the table to lay out `count` headings after a resize. */
  const headingsShown = (page, count) =>
    page.waitForFunction(
      (count) => [...document.querySelectorAll('thead th')].filter((th) => th.getClientRects().length > 0).length === count,
      count,
    );

  for (const { name, hash, optional, fullFrom } of TABLES) {
    test(`${name}: at 1024 px the other columns fit; all of them from ${fullFrom} px`, async () => {
      const session = await openPage(`${server.url}${hash}`, { viewport: { width: 1024, height: 800 } });
      try {
        const { page } = session;
        await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
        const narrow = await layout(page);
        for (const heading of optional) assert.ok(!narrow.headings.includes(heading), `${heading} is left out at 1024 px`);
        assert.equal(narrow.cellsShown, narrow.headings.length, 'a row shows one cell per heading');
        assert.ok(narrow.aligned, 'each cell sits under its heading');
        assert.equal(narrow.scrollsSideways, false, 'the table does not scroll sideways');
        assert.ok(Math.abs(narrow.rowRight - narrow.lastCellRight) < 1, 'the last cell reaches the edge of the row');

        const all = narrow.headings.length + optional.length;
        for (const width of [1280, 1440]) {
          await page.setViewportSize({ width, height: 800 });
          await headingsShown(page, width >= fullFrom ? all : narrow.headings.length);
          assert.equal((await layout(page)).scrollsSideways, false, `at ${width} px the table does not scroll sideways`);
        }

        await page.setViewportSize({ width: fullFrom, height: 800 });
        await headingsShown(page, all);
        const wide = await layout(page);
        for (const heading of optional) assert.ok(wide.headings.includes(heading), `${heading} is shown at ${fullFrom} px`);
        assert.equal(wide.cellsShown, wide.headings.length);
        assert.ok(wide.aligned);
        assert.equal(wide.scrollsSideways, false);
        assertNoProblems(session);
      } finally {
        await session.close();
      }
    });
  }

  const NARROWEST = [
    { name: 'the endpoint exemptions', hash: '#/exemptions', headings: ['Endpoint', 'Impact', 'Exemptions', 'Fullest drive', 'Last seen'], widest: 'Exemptions' },
    { name: 'a job', hash: `#/jobs/${JOB}`, headings: ['Asset', 'Status', 'Phase', 'Message', 'Last change'], widest: 'Message' },
  ];
  for (const { name, hash, headings, widest } of NARROWEST) test(`${name}: below 66 em (924 px) of table the OS goes too, unless the rows are sorted by it`, async () => {
    const session = await openPage(`${server.url}${hash}`, { viewport: { width: 900, height: 800 } });
    try {
      const { page } = session;
      await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
      const narrowest = await layout(page);
      assert.deepEqual(narrowest.headings, headings);
      // What the OS leaves goes to the column that says why.
      const reason = page.locator('thead th', { hasText: widest });
      assert.ok((await reason.evaluate((th) => th.offsetWidth)) >= 180, `${widest} has room to say why at 900 px`);
      assert.equal(narrowest.cellsShown, narrowest.headings.length, 'a row shows one cell per heading');
      assert.ok(narrowest.aligned, 'each cell sits under its heading');
      assert.equal(narrowest.scrollsSideways, false, 'the table does not scroll sideways');
      assert.ok(Math.abs(narrowest.rowRight - narrowest.lastCellRight) < 1, 'the last cell reaches the edge of the row');

      await page.setViewportSize({ width: 1024, height: 800 });
      await headingsShown(page, narrowest.headings.length + 1);
      const os = page.locator('thead th', { hasText: 'OS' });
      assert.ok((await os.evaluate((th) => th.offsetWidth)) >= 80, 'from 1024 px the OS has room for a word');

      // Sorted by the OS, the column stays at any width.
      await os.getByRole('button').click();
      await page.waitForURL((url) => /sort=-?os/.test(url.hash));
      await page.setViewportSize({ width: 900, height: 800 });
      await page.waitForFunction(() => new Promise((done) => requestAnimationFrame(() => done(true))));
      const sorted = await layout(page);
      assert.ok(sorted.headings.includes('OS'), `the sorted OS is shown: ${sorted.headings}`);
      assert.ok(sorted.aligned, 'each cell sits under its heading');
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });

  for (const { name, hash } of TABLES.slice(1)) {
    test(`${name}: from 900 to 1280 px no host's name is cut short`, async () => {
      const session = await openPage(`${server.url}${hash}`, { viewport: { width: 900, height: 800 } });
      try {
        const { page } = session;
        await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
        for (const width of [900, 1024, 1150, 1240, 1280]) {
          await page.setViewportSize({ width, height: 800 });
          await page.waitForFunction(() => new Promise((done) => requestAnimationFrame(() => done(true))));
          const cut = await page.evaluate(() =>
            [...document.querySelectorAll('tr.pb-row td:first-child :is(.pb-truncate, .pb-name-start, .pb-name-rest)')]
              .filter((name) => name.scrollWidth > name.clientWidth)
              .map((name) => name.closest('[title]').title),
          );
          assert.deepEqual(cut, [], `names cut short at ${width} px`);
        }
        assertNoProblems(session);
      } finally {
        await session.close();
      }
    });
  }

  test('the job list left narrow still tells a screen reader the counts of each job', async () => {
    const session = await openPage(`${server.url}#/jobs`, { viewport: { width: 1024, height: 800 } });
    try {
      const { page } = session;
      const row = page.locator('tr.pb-row').first();
      await row.waitFor({ timeout: LOAD_TIMEOUT });
      const spoken = async () => (await row.ariaSnapshot()).replace(/\s+/g, ' ');
      // The hover text is not read; the left-out columns' counts must be.
      const narrow = await spoken();
      assert.match(narrow, /% \([\d,]+ succeeded · [\d,]+ failed · [\d,]+ in progress( · [\d,]+ other)? of [\d,]+ assets\)/, narrow);
      await page.setViewportSize({ width: 1280, height: 800 });
      await headingsShown(page, 9);
      // Shown in their own columns, the counts are not read twice.
      assert.doesNotMatch(await spoken(), /succeeded/);
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });

  test('a sort button whose column is left out hands the focus to its nearest shown neighbour', async () => {
    const session = await openPage(`${server.url}#/jobs/${JOB}`, { viewport: { width: 1680, height: 800 } });
    try {
      const { page } = session;
      await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
      await page.locator('.pb-sort-button', { hasText: 'Superseded' }).focus();
      await page.setViewportSize({ width: 1100, height: 800 });
      await page.waitForFunction(() => document.activeElement?.matches('.pb-sort-button'), null, { timeout: 5_000 });
      // Succeeded and Failed, to its left, are left out too: Message is the nearest shown.
      assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Message');
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });

  test('a column the rows are sorted by stays shown at any width', async () => {
    const session = await openPage(`${server.url}#/jobs/${JOB}?sort=-superseded`, { viewport: { width: 1024, height: 800 } });
    try {
      const { page } = session;
      await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
      const sorted = await layout(page);
      assert.ok(sorted.headings.includes('Superseded'), `the sorted column is shown (${sorted.headings})`);
      assert.ok(!sorted.headings.includes('N/A'), 'the other optional columns are not');
      assert.equal(sorted.cellsShown, sorted.headings.length);
      assert.ok(sorted.aligned);
      // Sorting by another column lets it go.
      await page.locator('.pb-sort-button', { hasText: 'Asset' }).click();
      await headingsShown(page, sorted.headings.length - 1);
      assert.ok(!(await layout(page)).headings.includes('Superseded'));
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });
});

describe('a table wider than the window, from the keyboard', () => {
  test('Tab from the sort buttons into the rows shows their names; arrows scroll sideways', async () => {
    const session = await openPage(`${server.url}#/jobs/job-patch-tuesday`, { viewport: { width: 360, height: 740 } });
    try {
      const { page } = session;
      await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
      const scroller = page.locator('.pb-table-scroll');
      const scrollLeft = () => scroller.evaluate((element) => element.scrollLeft);
      await page.locator('.pb-sort-button').last().focus();
      assert.ok(await scrollLeft() > 0, 'the last sort button scrolled the table to its last columns');
      await page.keyboard.press('Tab');
      assert.ok(await page.evaluate(() => document.activeElement.matches('tr.pb-row')), 'a row has the focus');
      assert.equal(await scrollLeft(), 0, 'the row shows its first column');
      await page.keyboard.press('ArrowRight');
      assert.ok(await scrollLeft() > 0, 'ArrowRight scrolls towards the last columns');
      await page.keyboard.press('ArrowLeft');
      assert.equal(await scrollLeft(), 0, 'ArrowLeft scrolls back');
      // Moving among the rows, even to one not drawn yet, keeps the columns being read.
      await page.keyboard.press('ArrowRight');
      const reading = await scrollLeft();
      for (const key of ['ArrowDown', 'End', 'Home']) {
        await page.keyboard.press(key);
        await page.waitForFunction(() => document.activeElement.matches('tr.pb-row'));
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        assert.equal(await scrollLeft(), reading, `${key} keeps the table scrolled sideways`);
      }
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });
});

describe('summary figures and chart names', () => {
  for (const [hash, first] of [[`#/jobs/${JOB}`, 'Assets'], ['#/exemptions', 'Endpoints']]) {
    test(`a screen reader hears each figure of ${hash} with its name, as terms and definitions`, async () => {
      const session = await openPage(`${server.url}${hash}`);
      try {
        const { page } = session;
        await page.locator('.pb-counters[aria-busy="false"]').waitFor({ timeout: LOAD_TIMEOUT });
        const snapshot = await page.locator('.pb-counters').ariaSnapshot();
        const lines = snapshot.split('\n').map((line) => line.trim());
        const terms = lines.filter((line) => line.startsWith('- term:'));
        assert.equal(terms[0], `- term: ${first}`, snapshot);
        assert.equal(terms.length, await page.locator('[data-counter]').count(), `a term per figure: ${snapshot}`);
        // Each term is followed by its figure, then any detail line. A
        // figure that filters is a toggle button named with its term too,
        // for a user who reaches it by Tab.
        let buttons = 0;
        for (const [at, line] of lines.entries()) {
          if (!line.startsWith('- term:')) continue;
          if (lines[at + 1] === '- definition:') {
            const term = line.slice('- term: '.length);
            assert.match(lines[at + 2], new RegExp(`^- '?button "${term}: [\\d,]+"( \\[pressed\\])?'?(: "?[\\d,]+"?)?$`), `${line}'s figure is a button named with it: ${snapshot}`);
            buttons += 1;
          } else {
            assert.match(lines[at + 1], /^- definition: "?[\d,.]+ ?%?"?$/, `${line} is followed by its figure: ${snapshot}`);
          }
        }
        assert.ok(buttons >= 4, `the counts filter: ${snapshot}`);
        assertNoProblems(session);
      } finally {
        await session.close();
      }
    });
  }

  for (const width of [1280, 1024, 768, 360]) {
    test(`at ${width} px the figures of a line share one height, a long name wraps whole`, async () => {
      const session = await openPage(`${server.url}#/exemptions`, { viewport: { width, height: 800 } });
      try {
        const { page } = session;
        await page.locator('.pb-bar-row').first().waitFor({ timeout: LOAD_TIMEOUT });
        await showAllChartEntries(page);
        const layout = await page.evaluate(() => {
          const top = (element) => Math.round(element.getBoundingClientRect().top);
          const valueTopsByLine = new Map();
          for (const counter of document.querySelectorAll('.pb-counter')) {
            const tops = valueTopsByLine.get(top(counter)) ?? new Set();
            tops.add(top(counter.querySelector('.pb-counter-value')));
            valueTopsByLine.set(top(counter), tops);
          }
          const wrappedLabel = [...document.querySelectorAll('.pb-counter-label')].some(
            (label) => label.getClientRects().length > 0 && label.getBoundingClientRect().height > 1.5 * parseFloat(getComputedStyle(label).lineHeight),
          );
          const rows = [...document.querySelectorAll('.pb-bar-row')];
          const names = rows.map((row) => {
            const name = row.querySelector('.pb-bar-name');
            return {
              text: name?.textContent,
              title: row.title,
              cut: name ? name.scrollWidth > name.clientWidth || name.scrollHeight > name.clientHeight : true,
              lines: name ? Math.round(name.getBoundingClientRect().height / parseFloat(getComputedStyle(name).lineHeight)) : 0,
            };
          });
          const pageRight = document.documentElement.clientWidth;
          const cutCounts = rows
            .map((row) => row.querySelector('.pb-numeric'))
            .filter((count) => count.scrollWidth > count.clientWidth || count.getBoundingClientRect().right > pageRight)
            .map((count) => count.textContent);
          return { lines: [...valueTopsByLine.values()].map((tops) => tops.size), wrappedLabel, names, cutCounts };
        });
        if (width <= 768) assert.ok(layout.wrappedLabel, 'a counter label wraps at this width (else nothing is tested)');
        const spoken = await page.locator('.pb-bar-list').first().ariaSnapshot();
        assert.match(spoken, /button "[^"(]+ \((Cannot patch|Temporarily cannot patch)\) \d+"/, 'a bar is spoken as its name, its impact and its count');
        assert.doesNotMatch(spoken, / ,|\( /, `no space before a comma or inside a bracket in what is spoken: ${spoken}`);
        assert.deepEqual(layout.lines, layout.lines.map(() => 1), 'each line of counters has its values at one height');
        assert.ok(layout.names.length >= 20, `the chart has a row per exemption (${layout.names.length})`);
        for (const { text, title, cut, lines } of layout.names) {
          assert.match(title, /^(.*) \((Cannot patch|Temporarily cannot patch)\)$/, 'the row names its exemption and impact in full on hover');
          assert.equal(title.replace(/ \([^(]*\)$/, ''), text, 'the name on hover is the one in the row');
          assert.equal(cut, false, `"${text}" shows whole at ${width} px`);
          if (width === 1280) assert.equal(lines, 1, `"${text}" fits one line at 1280 px`);
        }
        // At 768 px the chart takes one column, its names their widest.
        if (width === 1024 || width === 360) assert.ok(layout.names.some(({ lines }) => lines > 1), 'some name wraps at this width (else wrapping is not tested)');
        assert.deepEqual(layout.cutCounts, [], 'no count is cut or off the page');
        assertNoProblems(session);
      } finally {
        await session.close();
      }
    });
  }
});

/** Holds the page's animation frames back until releaseFrames() runs them in order. */
function holdFrames(page) {
  return page.evaluate(() => {
    window.heldFrames = [];
    window.browserFrame = window.requestAnimationFrame;
    window.requestAnimationFrame = (callback) => window.heldFrames.push(callback);
  });
}

function releaseFrames(page) {
  return page.evaluate(() => {
    window.requestAnimationFrame = window.browserFrame;
    for (const callback of window.heldFrames.splice(0)) callback(performance.now());
  });
}

describe("with a user's wider text spacing (WCAG 1.4.12)", () => {
  test('every sort arrow stays in sight; a name too long for its column ends in an ellipsis', async () => {
    const session = await openPage(`${server.url}#/jobs/${JOB}`, { viewport: { width: 1280, height: 800 } });
    try {
      const { page } = session;
      await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
      await page.addStyleTag({ content: '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }' });
      const headings = page.locator('thead th');
      for (const name of ['Asset', 'Last change']) {
        await page.locator('thead th', { hasText: name }).getByRole('button').click();
        await page.waitForFunction((name) => [...document.querySelectorAll('thead th')].find((th) => th.textContent.includes(name))?.getAttribute('aria-sort') !== 'none', name);
        const arrow = await headings.filter({ hasText: name }).evaluate((th) => {
          const sign = th.querySelector('.pb-sort-button > [aria-hidden="true"]').getBoundingClientRect();
          const cell = th.getBoundingClientRect();
          return { shown: sign.width > 0 && sign.left >= cell.left && sign.right <= cell.right + 0.5, text: th.textContent.trim() };
        });
        assert.ok(arrow.shown, `the sort arrow of ${arrow.text} is inside its heading`);
      }
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });
});

/** The WCAG contrast ratio of two computed `rgb(…)` colours. */
function contrastRatio(a, b) {
  const luminance = (css) => {
    const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map((channel) => {
      const c = Number(channel) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

for (const colorScheme of ['light', 'dark']) {
  test(`the row open in the panel is marked at 3:1 or more against its row, in ${colorScheme}`, async () => {
    for (const hash of [`#/jobs/${JOB}?asset=${JOB}-a00004`, '#/exemptions?endpoint=ep-00029']) {
      const session = await openPage(`${server.url}${hash}`, { colorScheme });
      try {
        const { page } = session;
        await page.locator('tr.pb-row[aria-selected="true"]').waitFor({ timeout: LOAD_TIMEOUT });
        await page.mouse.move(0, 0);
        const { mark, row, hovered } = await page.evaluate(() => {
          const selected = document.querySelector('tr.pb-row[aria-selected="true"]');
          const other = document.querySelector('tr.pb-row[aria-selected="false"]');
          const shadow = getComputedStyle(selected.cells[0]).boxShadow;
          return { mark: /rgba?\([^)]*\)/.exec(shadow)?.[0] ?? '', row: getComputedStyle(selected).backgroundColor, hovered: getComputedStyle(other).backgroundColor };
        });
        assert.ok(mark, `the selected row's first cell draws a mark on ${hash}`);
        assert.ok(contrastRatio(mark, row) >= 3, `${mark} on ${row}: ${contrastRatio(mark, row).toFixed(2)}:1 on ${hash}`);
        assert.ok(contrastRatio(mark, hovered) >= 3, `${mark} beside ${hovered} on ${hash}`);
        assertNoProblems(session);
      } finally {
        await session.close();
      }
    }
  });
}

test('a rule under the sticky headings parts them from the first row, on every table and scrolled', async () => {
  for (const hash of ['#/jobs', `#/jobs/${JOB}`, '#/exemptions']) {
    await withPage(`${server.url}${hash}`, { viewport: { width: 1280, height: 900 } }, async (session) => {
      const { page } = session;
      await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
      // The second heading's bottom two pixel rows beside two at its top,
      // clear of its text: the same pixels would mean no rule is drawn.
      const differs = async () => {
        const box = await page.locator('.pb-table thead th').nth(1).boundingBox();
        const strip = (y) => page.screenshot({ clip: { x: box.x + box.width - 12, y, width: 6, height: 2 } });
        return !(await strip(box.y + box.height - 2)).equals(await strip(box.y + 2));
      };
      assert.ok(await differs(), `a rule under the headings on ${hash}`);
      // The job list's six demo jobs leave nothing to scroll.
      if (hash === '#/jobs') return assertNoProblems(session);
      await page.locator('.pb-table-scroll').evaluate((scroller) => scroller.scrollBy(0, 200));
      await page.waitForFunction(() => document.querySelector('.pb-table-scroll').scrollTop > 0);
      assert.ok(await differs(), `and under the headings that stay as the rows scroll, on ${hash}`);
      assertNoProblems(session);
    });
  }
});

test('a printout holds every row listed, up to a thousand, and none of the controls; the screen then draws its window again', async () => {
  for (const [hash, listed] of [[`#/jobs/${JOB}?stuck=1&os=windows&q=WIN`, /^([\d,]+) of [\d,]+ assets$/], ['#/exemptions', /^([\d,]+) of [\d,]+ endpoints$/]]) {
    await withPage(`${server.url}${hash}`, { viewport: { width: 718, height: 1000 } }, async (session) => {
      const { page } = session;
      await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
      const count = Number(listed.exec((await page.locator('[data-row-count]').textContent()).trim())[1].replaceAll(',', ''));
      const onScreen = await page.locator('tr.pb-row').count();
      assert.ok(onScreen < count, `the screen draws a window of ${onScreen} of ${count} rows on ${hash}`);
      const chartTotal = hash === '#/exemptions' ? /Show all (\d+)/.exec(await page.locator('.pb-show-all').textContent())[1] : null;
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.waitForFunction((count) => document.querySelectorAll('tr.pb-row').length === count, count);
      for (const control of ['Export CSV', 'Refresh now', 'Pause']) {
        assert.equal(await page.getByRole('button', { name: control }).isVisible(), false, `${control} is left off paper on ${hash}`);
      }
      assert.equal(await page.locator('select').first().isVisible(), false, `the selects are left off paper on ${hash}`);
      if (hash.includes('q=')) {
        assert.equal(await page.locator('input[type=search]').isVisible(), true, `the search in force is printed on ${hash}`);
        const facet = page.locator('[data-facet="OS"]');
        assert.equal(await facet.locator('.pb-chip').isVisible(), true, 'so is the filter chip');
        assert.match(await facet.evaluate((field) => getComputedStyle(field, '::before').content), /OS:/, "named with its filter");
      } else {
        assert.equal(await page.locator('input[type=search]').isVisible(), false, `an empty search box is left off paper on ${hash}`);
      }
      const table = await page.locator('.pb-table-scroll').evaluate((scroller) => ({ scroller: scroller.scrollHeight, shown: scroller.clientHeight, width: scroller.scrollWidth, room: scroller.clientWidth }));
      assert.ok(table.shown >= table.scroller, `every printed row shows, none scrolled away: ${JSON.stringify(table)}`);
      assert.ok(table.width <= table.room, `the table fits the paper's width: ${JSON.stringify(table)}`);
      // A sheet handed on names each row whole: no name, message or chip cut.
      const cut = await page.$$eval('tr.pb-row td, tr.pb-row td *', (boxes) =>
        boxes
          .filter((box) => !box.closest('.pb-visually-hidden') && box.scrollWidth > box.clientWidth + 1 && getComputedStyle(box).overflowX === 'hidden')
          .map((box) => box.textContent)
          .slice(0, 3),
      );
      assert.deepEqual(cut, [], `nothing in a printed row is cut on ${hash}`);
      const sticky = await page.$$eval('thead th, tr.pb-row > td', (cells) => cells.filter((cell) => getComputedStyle(cell).position !== 'static').length);
      assert.equal(sticky, 0, `no heading or cell is sticky on paper on ${hash}`);
      if (hash === '#/exemptions') {
        // Paper has no "Show all": the chart prints whole.
        const chart = await page.locator('#pb-exemption-chart > *').count();
        assert.equal(String(chart), chartTotal, 'every exemption of the chart is printed');
        const more = page.locator('.pb-chip-more').first();
        assert.match(await more.innerText(), /^, and also \w/, 'an endpoint\'s other exemptions are named on paper, not counted');
      }
      // Read later, a sheet says when its data is from, not how old it was at printing.
      assert.equal(await page.locator('[data-updated]').isVisible(), false, `the refresh line's ages are left off paper on ${hash}`);
      assert.match(await page.locator('[data-as-of]').textContent(), /^Data as of \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
      assert.equal(await page.locator('[data-as-of]').isVisible(), true);
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      await page.emulateMedia({ media: 'screen' });
      await page.waitForFunction((onScreen) => document.querySelectorAll('tr.pb-row').length <= onScreen, onScreen);
      // A browser that sends no afterprint: the next press on the page ends the printout's rows.
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.waitForFunction((count) => document.querySelectorAll('tr.pb-row').length === count, count);
      await page.mouse.click(1, 1);
      await page.waitForFunction((onScreen) => document.querySelectorAll('tr.pb-row').length <= onScreen, onScreen);
      assertNoProblems(session);
    });
  }
});

test('a page printed under the dark theme chosen on screen prints light', async () => {
  await withPage(`${server.url}#/jobs/${JOB}`, {}, async (session) => {
    const { page } = session;
    await page.getByRole('button', { name: /^Theme/ }).waitFor();
    await page.evaluate(() => localStorage.setItem('patchboard.theme', 'dark'));
    await page.reload();
    await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
    const text = () => page.locator('h1').evaluate((heading) => getComputedStyle(heading).color);
    const onScreen = await text();
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.pb-app').evaluate((app) => getComputedStyle(app).colorScheme), 'light');
    assert.notEqual(await text(), onScreen, 'the heading takes the light theme\'s colour on paper');
    assertNoProblems(session);
  });
});

test('under wide text spacing (WCAG 1.4.12) the column headings wrap whole, and rows the keyboard reaches stay clear of them', async () => {
  for (const hash of ['#/jobs', `#/jobs/${JOB}`, '#/exemptions']) {
    await withPage(`${server.url}${hash}`, {}, async (session) => {
      const { page } = session;
      const firstRow = page.locator('tr.pb-row').first();
      await firstRow.waitFor({ timeout: LOAD_TIMEOUT });
      const rowHeight = await firstRow.evaluate((row) => row.getBoundingClientRect().height);
      await page.addStyleTag({
        content: '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }',
      });
      await page.waitForFunction((rowHeight) => document.querySelector('thead').getBoundingClientRect().height > rowHeight + 1, rowHeight);
      const cut = await page.$$eval('.pb-sort-label', (labels) =>
        labels.filter((label) => label.scrollWidth > label.clientWidth + 1 || label.scrollHeight > label.clientHeight + 1).map((label) => label.textContent),
      );
      assert.deepEqual(cut, [], `no heading is cut on ${hash}`);
      // A row the keyboard moves to comes to rest below the taller header, not under it.
      // Waited for: the row comes to rest a frame or two after the key.
      const clear = () =>
        page
          .waitForFunction(() => {
            const row = document.activeElement.getBoundingClientRect();
            const head = document.querySelector('thead').getBoundingClientRect();
            const view = document.querySelector('.pb-table-scroll').getBoundingClientRect();
            return row.top >= head.bottom - 1 && row.bottom <= view.bottom + 1;
          }, null, { timeout: 2_000 })
          .then(() => true, () => false);
      await firstRow.focus();
      const moves = hash === '#/jobs' ? ['ArrowDown', 'ArrowUp'] : ['PageDown', 'PageDown', 'ArrowDown', 'ArrowUp', 'PageUp', 'ArrowUp', 'ArrowUp'];
      for (const key of moves) {
        await page.keyboard.press(key);
        assert.ok(await clear(), `after ${key} the focused row is in view below the header on ${hash}`);
      }
      assertNoProblems(session);
    });
  }
});

describe('in forced colours (a Windows contrast theme)', () => {
  test('a pressed chart entry and the row whose panel is open stand out, and the bars keep their colours', async () => {
    const session = await openPage(`${server.url}#/jobs/${JOB}?phase=failed&asset=${JOB}-a00018`);
    try {
      const { page } = session;
      await page.emulateMedia({ forcedColors: 'active' });
      await page.locator('.pb-panel').waitFor({ timeout: LOAD_TIMEOUT });
      const looks = await page.evaluate(() => {
        const outline = (element) => {
          const style = getComputedStyle(element);
          return `${style.outlineStyle} ${style.outlineWidth}`;
        };
        const pressed = document.querySelector('[data-legend][aria-pressed="true"]');
        const unpressed = document.querySelector('[data-legend][aria-pressed="false"]');
        const selected = document.querySelector('tr.pb-row[aria-selected="true"]');
        const other = document.querySelector('tr.pb-row[aria-selected="false"]');
        const segments = [...document.querySelectorAll('.pb-stacked-bar .pb-bar-segment')].map((segment) => getComputedStyle(segment).backgroundColor);
        return {
          pressed: outline(pressed) !== outline(unpressed) && getComputedStyle(pressed).outlineStyle === 'solid',
          selected: outline(selected) !== outline(other) && getComputedStyle(selected).outlineStyle === 'solid',
          barColours: new Set(segments).size,
        };
      });
      assert.equal(looks.pressed, true, 'the pressed legend entry is outlined');
      assert.equal(looks.selected, true, "the open record's row is outlined");
      assert.ok(looks.barColours > 2, `the phase bar keeps its colours (${looks.barColours})`);
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });
  test('a pressed legend entry that has the focus shows both, not the pressed mark alone', async () => {
    const session = await openPage(`${server.url}#/jobs/${JOB}`);
    try {
      const { page } = session;
      await page.emulateMedia({ forcedColors: 'active' });
      const entry = page.locator('[data-legend]').first();
      await entry.waitFor({ timeout: LOAD_TIMEOUT });
      await entry.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.matches('[data-legend][aria-pressed="true"]'));
      const outline = (element) => {
        const style = getComputedStyle(element);
        return `${style.outlineStyle} ${style.outlineWidth}`;
      };
      const focusedAndPressed = await page.evaluate(`(${outline})(document.activeElement)`);
      // Another entry, pressed but not focused.
      const second = page.locator('[data-legend][aria-pressed="false"]').first();
      await second.focus();
      await page.keyboard.press('Enter');
      await page.locator('[data-legend][aria-pressed="true"]').nth(1).waitFor();
      await page.keyboard.press('Shift+Tab');
      const pressedOnly = await page.evaluate(`(${outline})(document.querySelectorAll('[data-legend][aria-pressed="true"]')[1])`);
      assert.notEqual(focusedAndPressed, pressedOnly, 'the focus changes how a pressed entry looks');
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });
});

describe('for colour-blind operators and those who ask for more contrast', () => {
  test('forced colours: the charts follow the system palette over a dark Theme, and bar tracks keep an edge', async () => {
    await withPage(`${server.url}#/exemptions`, {}, async (session) => {
      const { page } = session;
      await page.evaluate(() => localStorage.setItem('patchboard.theme', 'dark'));
      await page.emulateMedia({ forcedColors: 'active', colorScheme: 'light' });
      await page.reload();
      await page.locator('.pb-hbar-track').first().waitFor({ timeout: LOAD_TIMEOUT });
      assert.equal(await page.locator('.pb-app').getAttribute('data-theme'), 'dark', 'fixture: the dark Theme is picked');
      const track = await page.locator('.pb-hbar-track').first().evaluate((element) => getComputedStyle(element).borderTopStyle);
      assert.equal(track, 'solid', "a bar's track has an edge, its tint being gone");
      // The light palette's Cannot patch red, not the dark theme's pale one.
      const fill = await page.locator('.pb-bar-row.pb-tone-failed .pb-hbar-fill').first().evaluate((element) => getComputedStyle(element).backgroundColor);
      assert.equal(fill, 'rgb(164, 14, 38)');
      assertNoProblems(session);
    });
  });

  test('failure is cross-hatched in the charts, so it does not rest on red against green', async () => {
    await withPage(`${server.url}#/jobs/${JOB}`, {}, async (session) => {
      const { page } = session;
      await page.locator('.pb-bar-segment[data-segment="failed"]').waitFor({ timeout: LOAD_TIMEOUT });
      const image = (selector) => page.locator(selector).first().evaluate((element) => getComputedStyle(element).backgroundImage);
      assert.match(await image('.pb-bar-segment[data-segment="failed"]'), /repeating-linear-gradient.*repeating-linear-gradient/);
      assert.match(await image('[data-legend="failed"] > .pb-swatch'), /repeating-linear-gradient.*repeating-linear-gradient/);
      assert.equal(await image('.pb-bar-segment[data-segment="succeeded"]'), 'none');
      assertNoProblems(session);
    });
  });

  test("asked for more contrast, borders are drawn as strong as an input's", async () => {
    await withPage(`${server.url}#/jobs/${JOB}`, {}, async (session) => {
      const { page } = session;
      const border = () => page.locator('[data-legend]').first().evaluate((element) => getComputedStyle(element).borderTopColor);
      await page.locator('[data-legend]').first().waitFor({ timeout: LOAD_TIMEOUT });
      const usual = await border();
      await page.emulateMedia({ contrast: 'more' });
      assert.equal(usual, 'rgb(208, 215, 222)');
      assert.equal(await border(), 'rgb(140, 149, 159)');
      assertNoProblems(session);
    });
  });
});

/**
 * The colours painted on the four edges of `box` (2 px in, at
 * the middle of each side), and the focus colour, as [r, g, b].
 */
async function paintedEdges(page, box) {
  const png = await page.screenshot({ clip: box });
  const focus = await page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.color = 'var(--pb-focus)';
    document.querySelector('.pb-app').append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour.match(/\d+/g).slice(0, 3).map(Number);
  });
  // Decoded on a blank page: the app's policy allows no data: images.
  const blank = await page.context().newPage();
  try {
    const edges = await blank.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [image.width, image.height];
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const at = (x, y) => [...context.getImageData(x, y, 1, 1).data.slice(0, 3)];
      const [w, h] = [image.width, image.height];
      return { left: at(1, h >> 1), right: at(w - 2, h >> 1), top: at(w >> 1, 1), bottom: at(w >> 1, h - 2) };
    }, png.toString('base64'));
    return { edges, focus };
  } finally {
    await blank.close();
  }
}

const near = (a, b) => a.every((value, i) => Math.abs(value - b[i]) <= 40);

/** The job page's search box, once `text` typed into it has reached the URL. */
async function searchWrittenToUrl(page, text) {
  const search = page.locator('input[type="search"]');
  await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
  await search.fill(text);
  await page.waitForURL((url) => decodeURIComponent(url.hash).includes(`q=${text}`), { timeout: 5_000 });
  return search;
}

function titled(page, title) {
  return page.waitForFunction((title) => document.querySelector('#pb-page-title')?.textContent === title, title, {
    timeout: LOAD_TIMEOUT,
  });
}

describe('from the keyboard', () => {
  for (const { name, hash, viewport } of [
    { name: 'a job', hash: `#/jobs/${JOB}`, viewport: { width: 1280, height: 800 } },
    { name: 'the job list left narrow', hash: '#/jobs', viewport: { width: 1024, height: 800 } },
    { name: 'the endpoint exemptions on a phone', hash: '#/exemptions', viewport: { width: 390, height: 800 } },
  ]) {
    test(`${name}: the focused row shows its focus ring around the part in sight`, async () => {
      await withPage(`${server.url}${hash}`, { viewport }, async (session) => {
        const { page } = session;
        await page.locator('tr.pb-row').nth(2).waitFor({ timeout: LOAD_TIMEOUT });
        await page.locator('tr.pb-row[tabindex="0"]').focus();
        await page.keyboard.press('ArrowDown');
        const row = page.locator('tr.pb-row:focus-visible');
        await row.waitFor();
        // A row wider than its table shows the ring on the part in sight,
        // open where the row goes on out of sight.
        const [rowBox, tableBox] = [await row.boundingBox(), await page.locator('.pb-table-scroll').boundingBox()];
        const right = Math.min(rowBox.x + rowBox.width, tableBox.x + tableBox.width - 1);
        const cutOff = rowBox.x + rowBox.width > right + 1;
        const box = { x: rowBox.x, y: rowBox.y, width: right - rowBox.x, height: rowBox.height };
        const { edges, focus } = await paintedEdges(page, box);
        for (const side of cutOff ? ['left', 'top', 'bottom'] : ['left', 'right', 'top', 'bottom']) {
          assert.ok(near(edges[side], focus), `${side}: ${edges[side]} is the focus colour ${focus}`);
        }
        assertNoProblems(session);
      });
    });
  }

  test('a screen reader is told how the rows work, and which one has its panel open', async () => {
    await withPage(`${server.url}#/jobs/${JOB}?asset=${JOB}-a00004`, {}, async (session) => {
      const { page } = session;
      await page.locator('.pb-panel').waitFor({ timeout: LOAD_TIMEOUT });
      const described = await page.locator('.pb-table').evaluate((table) =>
        (table.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent.trim() ?? `(no #${id})`)
          .join(' '),
      );
      assert.match(described, /Enter opens the row/);
      const current = await page.locator('tr.pb-row[aria-current="true"]').evaluateAll((rows) => rows.map((row) => row.dataset.index));
      const selected = await page.locator('tr.pb-row[aria-selected="true"]').evaluateAll((rows) => rows.map((row) => row.dataset.index));
      assert.equal(current.length, 1, 'one row is current');
      assert.deepEqual(current, selected, 'the row whose panel is open');
      await page.keyboard.press('Escape');
      await page.locator('.pb-panel').waitFor({ state: 'detached' });
      assert.equal(await page.locator('tr.pb-row[aria-current]').count(), 0, 'none once the panel is closed');
      assertNoProblems(session);
    });
  });

  test('a sort button reached in a table scrolled sideways comes to rest beside the sticky column, not under it', async () => {
    await withPage(`${server.url}#/jobs/${JOB}`, { viewport: { width: 390, height: 844 } }, async (session) => {
      const { page } = session;
      await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
      const scroller = page.locator('.pb-table-scroll');
      await scroller.scrollIntoViewIfNeeded();
      await scroller.evaluate((element) => { element.scrollLeft = element.scrollWidth; });
      // Back from the rows into the headings, as Shift+Tab goes.
      await page.locator('tr.pb-row[tabindex="0"]').focus();
      const checked = [];
      for (let step = 0; step < 4; step += 1) {
        await page.keyboard.press('Shift+Tab');
        const where = await page.evaluate(() => {
          const button = document.activeElement;
          if (!button.matches('.pb-sort-button') || button.closest('th') === document.querySelector('.pb-table thead th')) return null;
          const box = button.getBoundingClientRect();
          const sticky = document.querySelector('.pb-table thead th').getBoundingClientRect();
          const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          return { name: button.textContent.trim(), beside: box.left >= sticky.right - 1, onTop: button.contains(hit) };
        });
        if (!where) continue;
        checked.push(where.name);
        assert.deepEqual({ beside: where.beside, onTop: where.onTop }, { beside: true, onTop: true }, `${where.name} in sight`);
      }
      assert.ok(checked.length >= 2, `fixture: Shift+Tab reached sort buttons past the sticky column (${checked})`);
      assertNoProblems(session);
    });
  });

  test('in forced colours the first heading stays at the top of a table scrolled down', async () => {
    await withPage(`${server.url}#/jobs/${JOB}`, { viewport: { width: 1280, height: 800 } }, async (session) => {
      const { page } = session;
      await page.emulateMedia({ forcedColors: 'active' });
      await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
      const tops = await page.locator('.pb-table-scroll').evaluate(async (scroller) => {
        scroller.scrollTop = 600;
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        const [first, second] = scroller.querySelectorAll('thead th');
        return [first, second].map((th) => Math.round(th.getBoundingClientRect().top - scroller.getBoundingClientRect().top));
      });
      assert.deepEqual(tops, [tops[1], tops[1]], `the first heading at the top with the others: ${tops}`);
      assert.ok(tops[1] <= 2, `the headings stay at the top: ${tops}`);
      assertNoProblems(session);
    });
  });

  test('a table scrolled sideways keeps its first column, which names the rows, in place', async () => {
    await withPage(`${server.url}#/jobs/${JOB}`, { viewport: { width: 390, height: 800 } }, async (session) => {
      const { page } = session;
      await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
      const scroller = page.locator('.pb-table-scroll');
      const firstCells = () =>
        page.evaluate(() => {
          const left = document.querySelector('.pb-table-scroll').getBoundingClientRect().left;
          const cells = [document.querySelector('.pb-table thead th'), document.querySelector('tr.pb-row td')];
          return cells.map((cell) => Math.round(cell.getBoundingClientRect().left - left));
        });
      await scroller.scrollIntoViewIfNeeded();
      const before = await firstCells();
      await scroller.evaluate((element) => { element.scrollLeft = 300; });
      assert.ok((await scroller.evaluate((element) => element.scrollLeft)) > 200, 'the table scrolls sideways');
      assert.deepEqual(await firstCells(), before, 'the heading and the name stay at the left edge');
      const hit = await page.evaluate(() => {
        const cell = document.querySelector('tr.pb-row td');
        const box = cell.getBoundingClientRect();
        return cell.contains(document.elementFromPoint(box.left + 10, box.top + box.height / 2));
      });
      assert.ok(hit, 'the name is on top of the cells that slide under it');
      assertNoProblems(session);
    });
  });

  test('Tab through the sort buttons into the rows keeps a scrolled table where it is', async () => {
    const session = await openPage(`${server.url}#/jobs/${JOB}`, { viewport: { width: 1280, height: 800 } });
    try {
      const { page } = session;
      await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
      const scroller = page.locator('.pb-table-scroll');
      const rowHeight = await page.locator('tr.pb-row').first().evaluate((row) => row.getBoundingClientRect().height);
      await scroller.evaluate((element, top) => { element.scrollTop = top; }, Math.round(rowHeight * 100));
      const scrolledTo = await scroller.evaluate((element) => element.scrollTop);
      assert.ok(scrolledTo > rowHeight * 50, `the table scrolled (${scrolledTo})`);
      await page.getByRole('button', { name: 'Export CSV' }).focus();
      // Every sort button, then the first row: none of them moves the rows.
      for (let step = 0; step < 40; step += 1) {
        await page.keyboard.press('Tab');
        const where = await page.evaluate(() => ({
          row: document.activeElement?.matches('tr.pb-row') ?? false,
          top: document.querySelector('.pb-table-scroll').scrollTop,
        }));
        assert.equal(where.top, scrolledTo, `Tab ${step + 1} left the table where it was`);
        if (where.row) break;
      }
      const landed = await page.evaluate(() => {
        const row = document.activeElement;
        const box = row.getBoundingClientRect();
        const header = document.querySelector('.pb-table thead th').getBoundingClientRect();
        return { isRow: row.matches('tr.pb-row'), belowHeader: box.top >= header.bottom - 1, firstInView: document.elementFromPoint(box.left + 30, header.bottom + 2)?.closest('tr') === row };
      });
      assert.deepEqual(landed, { isRow: true, belowHeader: true, firstInView: true }, 'Tab lands on the first row in view');
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });

  test('Escape hands the focus back to a row scrolled away, in sight below the sticky header', async () => {
    const session = await openPage(`${server.url}#/jobs/${JOB}`, { viewport: { width: 1280, height: 800 } });
    try {
      const { page } = session;
      const first = page.locator('tr.pb-row').first();
      const name = (await first.locator('td').first().textContent()).trim();
      await first.click({ timeout: LOAD_TIMEOUT });
      await page.locator('.pb-panel').waitFor();
      // Back to the rows, a page down (the opened row scrolls out of view), into the panel, and close it.
      for (const key of ['Shift+Tab', 'PageDown', 'Tab', 'Escape']) await page.keyboard.press(key);
      await page.locator('.pb-panel').waitFor({ state: 'detached' });
      await page.waitForFunction((name) => document.activeElement?.textContent.includes(name), name, { timeout: 5_000 });
      const onTop = await page.evaluate(() => {
        const row = document.activeElement.getBoundingClientRect();
        return document.elementFromPoint(row.left + 30, row.top + row.height / 2)?.closest('tr') === document.activeElement;
      });
      assert.ok(onTop, 'the focused row is not under the table header');
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });

  test('with a panel open, the header stays in sight: the panel starts below it until it scrolls away', async () => {
    const session = await openPage(`${server.url}#/jobs/${JOB}`, { viewport: { width: 1280, height: 700 } });
    try {
      const { page } = session;
      await page.locator('tr.pb-row').first().click({ timeout: LOAD_TIMEOUT });
      await page.locator('.pb-panel').waitFor();
      // The theme button, at the header's right end, is what the panel covered.
      const theme = page.locator('.pb-header button', { hasText: 'Theme' });
      await theme.focus();
      const covered = await theme.evaluate((button) => {
        const box = button.getBoundingClientRect();
        const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return !button.contains(top);
      });
      assert.equal(covered, false, 'the focused theme button is not under the panel');
      const tops = await page.evaluate(async () => {
        const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)));
        const panelTop = () => Math.round(document.querySelector('.pb-panel').getBoundingClientRect().top);
        // Below the page's refresh line, too, where the panel would cover it.
        const refreshLine = document.querySelector('.pb-refresh').getBoundingClientRect();
        const covered = refreshLine.right > document.querySelector('.pb-panel').getBoundingClientRect().left;
        const headerBottom = Math.round(covered ? refreshLine.bottom : document.querySelector('.pb-header').getBoundingClientRect().bottom);
        const atTop = panelTop();
        scrollTo(0, 20);
        await frame();
        const partway = panelTop();
        scrollTo(0, 400);
        await frame();
        return { covered, headerBottom, atTop, partway, scrolled: panelTop() };
      });
      assert.deepEqual(tops, { covered: true, headerBottom: tops.headerBottom, atTop: tops.headerBottom, partway: tops.headerBottom - 20, scrolled: 0 });
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });

  test('closing a panel leaves the window where it is, with the focus in sight', async () => {
    const session = await openPage(`${server.url}#/jobs/${JOB}`, { viewport: { width: 1280, height: 700 } });
    try {
      const { page } = session;
      await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
      await page.evaluate(() => scrollTo(0, 500));
      await page.locator('tr.pb-row').nth(3).click();
      await page.locator('dialog.pb-panel').waitFor();
      // The theme button, beside the panel: focusing it scrolls the window to its top.
      await page.locator('.pb-header button', { hasText: 'Theme' }).focus();
      assert.equal(await page.evaluate(() => scrollY), 0);
      // Closing goes back to the entry the panel was opened from, whose scroll the browser would bring back.
      await page.keyboard.press('Escape');
      await page.locator('dialog.pb-panel').waitFor({ state: 'detached' });
      // Once the browser is back on that entry, and a frame later.
      await page.waitForURL((url) => !url.hash.includes('asset='));
      await page.waitForFunction(() => new Promise((done) => setTimeout(() => done(true), 100)));
      assert.deepEqual(
        await page.evaluate(() => [scrollY, document.activeElement.textContent.trim(), document.activeElement.getBoundingClientRect().top >= 0]),
        [0, 'Theme: system', true],
      );
      // The browser's Back, closing a panel, leaves the window where it is too.
      await page.evaluate(() => scrollTo(0, 500));
      await page.locator('tr.pb-row').nth(2).click();
      await page.locator('dialog.pb-panel').waitFor();
      await page.evaluate(() => scrollTo(0, 100));
      await page.goBack();
      await page.locator('dialog.pb-panel').waitFor({ state: 'detached' });
      await page.waitForFunction(() => new Promise((done) => setTimeout(() => done(true), 100)));
      assert.equal(await page.evaluate(() => scrollY), 100);
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });

  test('a search typed right after Escape closes the panel is kept', async () => {
    const session = await openPage(`${server.url}#/jobs/${JOB}`, { viewport: { width: 1280, height: 800 } });
    try {
      const { page } = session;
      await page.locator('tr.pb-row').first().click({ timeout: LOAD_TIMEOUT });
      await page.locator('dialog.pb-panel').waitFor();
      // Both in one task: the browser has not yet gone back to the entry the panel was opened from.
      await page.evaluate(() => {
        document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        const search = document.querySelector('input[type="search"]');
        search.value = 'DC-';
        search.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await page.locator('dialog.pb-panel').waitFor({ state: 'detached' });
      await page.waitForFunction(() => new Promise((done) => setTimeout(() => done(true), 300)));
      assert.equal(await page.locator('input[type="search"]').inputValue(), 'DC-');
      // The search reaches the URL after the next paint, on a busy machine later than 300 ms.
      await page.waitForURL((url) => /[?&]q=DC-/.test(decodeURIComponent(url.hash)), { timeout: 5_000 });
      assert.doesNotMatch(page.url(), /asset=/);
      const names = await page.locator('tr.pb-row td:first-child').allTextContents();
      assert.ok(names.length > 0 && names.every((name) => name.includes('DC-')), names.join(', '));
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });

  test('a URL changed by another script as the browser arrives back from a closed panel is kept', async () => {
    await withPage(`${server.url}#/jobs/${JOB}`, {}, async (session) => {
      const { page } = session;
      await page.locator('tr.pb-row').first().click({ timeout: LOAD_TIMEOUT });
      await page.locator('dialog.pb-panel').waitFor();
      // A host portal's script (or the address bar) moving on right as the
      // Back arrives: before the Back's hashchange event is handled.
      await page.evaluate(() => {
        addEventListener('popstate', () => { location.hash = '#/exemptions?layout=by-exemption'; }, { once: true });
      });
      await page.keyboard.press('Escape');
      await page.locator('details.pb-group').first().waitFor({ timeout: LOAD_TIMEOUT });
      await page.waitForFunction(() => new Promise((done) => setTimeout(() => done(true), 300)));
      assert.equal(new URL(page.url()).hash, '#/exemptions?layout=by-exemption');
      assertNoProblems(session);
    });
  });

  test('a URL changed by another script while a typed search waits to reach the URL is kept', async () => {
    await withPage(`${server.url}#/jobs/${JOB}`, {}, async (session) => {
      const { page } = session;
      const search = await searchWrittenToUrl(page, 'DC');
      // A search's change is written to the URL after the next paint; the
      // host moves the URL in that paint, before the write.
      await search.evaluate((input) => {
        input.value = 'DC-';
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        requestAnimationFrame(() => { location.hash = '#/reference'; });
      });
      await titled(page, 'Reference');
      await page.waitForFunction(() => new Promise((done) => setTimeout(() => done(true), 300)));
      assert.equal(new URL(page.url()).hash, '#/reference');
      // Searches typed later still reach the URL.
      await page.goBack();
      await searchWrittenToUrl(page, 'DC-S');
      assertNoProblems(session);
    });
  });

  test('letters typed right before a link is followed are in the entry Back returns to', async () => {
    await withPage(`${server.url}#/jobs/${JOB}`, {}, async (session) => {
      const { page } = session;
      const search = await searchWrittenToUrl(page, 'DC');
      // The last letter and the click come before the next paint.
      await search.evaluate((input) => {
        input.value = 'DC-';
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        [...document.querySelectorAll('a')].find((link) => link.textContent === 'All jobs').click();
      });
      await titled(page, 'Deployment jobs');
      await page.goBack();
      await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
      assert.equal(await search.inputValue(), 'DC-');
      assert.match(decodeURIComponent(new URL(page.url()).hash), /[?&]q=DC-(&|$)/);
      assertNoProblems(session);
    });
  });

  test('a panel that leaves too little of the page beside it is modal: Tab stays in it, the page behind is out of reach until it closes', async () => {
    const session = await openPage(`${server.url}#/jobs/${JOB}`, { viewport: { width: 900, height: 800 } });
    try {
      const { page } = session;
      const row = page.locator('tr.pb-row').first();
      await row.click({ timeout: LOAD_TIMEOUT });
      const panel = page.locator('dialog.pb-panel');
      await panel.waitFor();
      assert.equal(await panel.evaluate((dialog) => dialog.matches(':modal')), true, 'modal at 900 px');
      const title = (await panel.locator('#pb-panel-title').textContent()).trim();
      // Tab never reaches the page: the focus goes round the panel (and the browser's own controls).
      const focusedOutside = [];
      for (let press = 0; press < 12; press += 1) {
        await page.keyboard.press('Tab');
        const outside = await page.evaluate(() => {
          const focused = document.activeElement;
          return focused && focused !== document.body && !focused.closest('.pb-panel') ? focused.outerHTML.slice(0, 80) : null;
        });
        if (outside) focusedOutside.push(outside);
      }
      assert.deepEqual(focusedOutside, [], 'Tab focused something behind the panel');
      // A row still in sight beside the panel takes no click: a click (a
      // tap) on the dimmed page closes the panel, as beside a phone's sheet.
      const inSight = (await row.boundingBox()).y + 10;
      assert.ok(inSight < 800, `the row clicked is in the window: ${inSight}`);
      await page.mouse.click(60, inSight);
      await panel.waitFor({ state: 'detached', timeout: 5_000 });
      assert.ok(!page.url().includes('asset='), `no record open: ${page.url()}`);
      assert.equal(await page.locator('dialog.pb-panel').count(), 0, `the click behind ${title}'s panel opened no other row`);
      // The page behind takes the focus again once the panel has closed.
      assert.equal(
        await page.evaluate(() => document.activeElement?.matches('tr.pb-row') && document.activeElement.textContent),
        await row.textContent(),
        'the focus returns to the row that opened the panel',
      );
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });

  test('a panel with room beside it leaves the table in use; focus moved to what it covers closes it', async () => {
    // Too narrow for the page to make room for the panel (760 px beside it), wide enough for it not to be modal.
    const session = await openPage(`${server.url}#/jobs/${JOB}`, { viewport: { width: 1200, height: 800 } });
    try {
      const { page } = session;
      await page.locator('tr.pb-row').first().click({ timeout: LOAD_TIMEOUT });
      const panel = page.locator('dialog.pb-panel');
      await panel.waitFor();
      assert.equal(await panel.evaluate((dialog) => dialog.matches(':modal')), false, 'not modal at 1200 px');
      // Another row, beside the panel, opens in it.
      const other = page.locator('tr.pb-row').nth(2);
      const otherName = (await other.locator('td').first().textContent()).trim();
      await other.click();
      await page.waitForFunction((name) => document.querySelector('#pb-panel-title')?.textContent.trim() === name, otherName);
      // Tab on from the panel's end: round through the browser to the page, then Export CSV, which the panel covers.
      const exportButton = page.getByRole('button', { name: 'Export CSV' });
      const exportBox = await exportButton.boundingBox();
      const hidden = await page.evaluate(({ x, y }) => !!document.elementFromPoint(x, y)?.closest('.pb-panel'), {
        x: exportBox.x + exportBox.width / 2,
        y: exportBox.y + exportBox.height / 2,
      });
      assert.ok(hidden, 'the test needs Export CSV under the panel');
      let presses = 0;
      while (!(await exportButton.evaluate((button) => button === document.activeElement)) && presses < 60) {
        await page.keyboard.press('Tab');
        presses += 1;
      }
      assert.ok(presses < 60, 'Tab reached Export CSV');
      await panel.waitFor({ state: 'detached', timeout: 2_000 });
      assert.equal(await exportButton.evaluate((button) => button === document.activeElement), true, 'the focus stays on Export CSV');
      // The panel goes at once; the URL once the browser has gone back.
      await page.waitForURL((url) => !url.hash.includes('asset='));
      assert.doesNotMatch(page.url(), /asset=/, 'the URL no longer names an open asset');
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });

  test('a panel becomes modal when the window narrows, and the focus stays where it was inside it', async () => {
    const session = await openPage(`${server.url}#/jobs/${JOB}?asset=${JOB}-a00004`, { viewport: { width: 1280, height: 800 } });
    try {
      const { page } = session;
      const panel = page.locator('dialog.pb-panel');
      await panel.waitFor({ timeout: LOAD_TIMEOUT });
      const link = panel.getByRole('link', { name: 'Look up this asset in Endpoint exemptions' });
      await link.focus();
      await page.setViewportSize({ width: 800, height: 800 });
      await page.waitForFunction(() => document.querySelector('dialog.pb-panel')?.matches(':modal'));
      assert.equal(await link.evaluate((element) => element === document.activeElement), true, 'the link keeps the focus');
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.waitForFunction(() => !document.querySelector('dialog.pb-panel')?.matches(':modal'));
      assert.equal(await link.evaluate((element) => element === document.activeElement), true, 'the link keeps the focus');
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });

  test('a window narrowed with a panel open keeps the opened row in sight', async () => {
    await withPage(`${server.url}#/exemptions`, { viewport: { width: 1600, height: 900 } }, async (session) => {
      const { page } = session;
      const rows = page.locator('tr.pb-row');
      await rows.first().waitFor({ timeout: LOAD_TIMEOUT });
      // A row near the window's foot: the chart and filters above it wrap when the window narrows.
      await rows.nth(14).click();
      await page.locator('dialog.pb-panel').waitFor();
      const opened = page.locator('tr.pb-row[aria-selected="true"]');
      const inWindow = () =>
        opened.evaluate((row) => {
          const { top, bottom } = row.getBoundingClientRect();
          return top >= 0 && bottom <= innerHeight + 1;
        });
      assert.equal(await inWindow(), true, 'the row starts in the window');
      for (const width of [1280, 1000]) {
        await page.setViewportSize({ width, height: 900 });
        await page.waitForFunction(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true)))));
        assert.equal(await inWindow(), true, `the row is in the window at ${width} px`);
      }
      assertNoProblems(session);
    });
  });

  test('a link to a record below the fold scrolls the table to its row, not the window', async () => {
    // 1280 × 800 (the default): the row, centred in the table, is below the window's foot.
    await withPage(`${server.url}#/jobs/${JOB}?asset=${JOB}-a00300`, {}, async (session) => {
      const { page } = session;
      await page.locator('tr.pb-row[aria-selected="true"]').waitFor({ timeout: LOAD_TIMEOUT });
      await page.waitForFunction(() => new Promise((done) => setTimeout(() => done(true), 300)));
      assert.equal(await page.evaluate(() => scrollY), 0, 'the page opens at its top, the header in sight');
      assertNoProblems(session);
    });
  });

  test('sort a column, open a row, close the panel with Escape, focus returns to its record', async () => {
    const session = await openPage(`${server.url}#/jobs/${JOB}`);
    try {
      const { page } = session;
      await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });

      const assetHeader = page.locator('th', { has: page.getByRole('button', { name: 'Asset', exact: true }) });
      await page.getByRole('button', { name: 'Asset', exact: true }).focus();
      await page.keyboard.press('Enter');
      await assert.doesNotReject(
        page.waitForFunction(() => document.querySelector('th[aria-sort="ascending"]')?.textContent.includes('Asset')),
      );
      assert.equal(await assetHeader.getAttribute('aria-sort'), 'ascending');

      // Tab reaches the table's one tab stop; arrows move between rows.
      const firstRow = page.locator('tr.pb-row[tabindex="0"]');
      await firstRow.focus();
      await page.keyboard.press('ArrowDown');
      // Focus moves on the next animation frame, once the row is rendered.
      await page.waitForFunction(() => document.activeElement?.dataset.position === '1', null, {
        timeout: 2_000,
      });

      await page.keyboard.press('Enter');
      const panel = page.locator('dialog.pb-panel');
      await panel.waitFor({ timeout: LOAD_TIMEOUT });
      assert.equal(
        await page.evaluate(() => document.activeElement.getAttribute('aria-label')),
        'Close details',
        'focus moves into the panel',
      );
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      assert.equal(
        await page.evaluate(() => document.activeElement?.dataset.position),
        '1',
        'focus returns to the row that opened the panel',
      );

      // A search that hides the record drops its row; clearing the search
      // draws it again as a new element, and focus returns to that.
      await page.keyboard.press('Enter');
      await panel.waitFor({ timeout: LOAD_TIMEOUT });
      const record = await page.locator('tr.pb-row[data-position="1"]').getAttribute('data-index');
      const search = page.locator('input[type="search"]');
      await search.fill('no asset is called this');
      await page.locator('tr.pb-row').first().waitFor({ state: 'detached' });
      await search.fill('');
      await page.locator(`tr.pb-row[data-index="${record}"]`).waitFor();
      // Back in the panel: the focus returns only from there.
      await page.getByRole('button', { name: 'Close details' }).focus();
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      assert.deepEqual(
        await page.evaluate(() => [document.activeElement?.dataset.index, document.activeElement?.dataset.position]),
        [record, '1'],
        'focus returns to the row that shows the record now',
      );
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });

  test('Enter pressed right after an arrow key opens the row the arrow moved to', async () => {
    await withPage(`${server.url}#/jobs/${JOB}`, {}, async (session) => {
      const { page } = session;
      const first = page.locator('tr.pb-row[data-position="0"]');
      await first.waitFor({ timeout: LOAD_TIMEOUT });
      const second = await page.locator('tr.pb-row[data-position="1"]').getAttribute('data-index');
      await first.focus();
      // No frame runs between the two keys, as when they come in one burst.
      await holdFrames(page);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await releaseFrames(page);
      await page.locator('dialog.pb-panel').waitFor({ timeout: LOAD_TIMEOUT });
      assert.equal(await page.locator('tr.pb-row[aria-selected="true"]').getAttribute('data-index'), second);
      assertNoProblems(session);
    });
  });

  test('arrow keys on a filter select browse its options; Enter or leaving it applies one, Escape drops it', async () => {
    await withPage(`${server.url}#/jobs/${JOB}`, {}, async (session) => {
      const { page } = session;
      await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
      const select = page.getByRole('combobox', { name: 'Filter by status' });
      const options = await select.locator('option').allTextContents();
      const chips = () => page.locator('[data-facet="Status"] .pb-chip').allTextContents();
      await select.focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.waitForTimeout(300);
      assert.deepEqual(await chips(), [], 'browsing applies nothing');
      assert.equal(new URL(page.url()).hash.includes('status='), false, 'nor does it reach the URL');

      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelectorAll('[data-facet="Status"] .pb-chip').length === 1);
      assert.deepEqual((await chips()).map((chip) => chip.replace('×', '').trim()), [options[2]]);
      assert.equal(await select.inputValue(), '', 'the select shows its prompt again');

      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      await page.waitForFunction(() => document.querySelectorAll('[data-facet="Status"] .pb-chip').length === 2);
      assert.deepEqual((await chips()).map((chip) => chip.replace('×', '').trim()).sort(), [options[1], options[2]].sort());

      // Browsed, then dropped: the select shows its prompt, and leaving it adds nothing.
      await select.focus();
      await page.keyboard.press('ArrowDown');
      assert.notEqual(await select.inputValue(), '', 'the browsed option shows');
      await page.keyboard.press('Escape');
      assert.equal(await select.inputValue(), '', 'Escape shows the prompt again');
      await page.keyboard.press('Tab');
      await page.waitForTimeout(300);
      assert.equal((await chips()).length, 2, 'nothing was added on leaving');
      assertNoProblems(session);
    });
  });

  test("removing a filter's last chip leaves the focus on its select, whose prompt says what it does", async () => {
    await withPage(`${server.url}#/jobs/${JOB}?phase=failed,running`, {}, async (session) => {
      const { page } = session;
      await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
      const select = page.getByRole('combobox', { name: 'Filter by phase' });
      const prompt = () => select.locator('option').first().textContent();
      assert.equal(await prompt(), 'Phase: add another', 'not "any" while chips show');
      assert.equal(await select.getAttribute('aria-description'), 'Now Failed or Running', 'the select says what it filters by');
      const chips = page.locator('[data-facet="Phase"] .pb-chip');
      // The last chip: no chip takes its place.
      await chips.last().focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelectorAll('[data-facet="Phase"] .pb-chip').length === 1);
      await page.waitForFunction(() => document.activeElement?.tagName !== 'BODY');
      await chips.first().focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelectorAll('[data-facet="Phase"] .pb-chip').length === 0);
      await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Filter by phase');
      assert.equal(await prompt(), 'Phase: any');
      assert.equal(await select.getAttribute('aria-description'), null);
      assertNoProblems(session);
    });
  });

  test('what a filter leaves is announced; the ticking refresh line is not', async () => {
    for (const [hash, noun] of [[`#/jobs/${JOB}?phase=failed`, 'assets'], ['#/exemptions?impact=cannot_patch', 'endpoints']]) {
      await withPage(`${server.url}${hash}`, {}, async (session) => {
        const { page } = session;
        await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
        const count = page.getByRole('status').filter({ hasText: new RegExp(`^[\\d,]+ of [\\d,]+ ${noun}$`) });
        await count.first().waitFor({ timeout: 5_000 });
        assert.equal(await count.count(), 1, `the row count is a status region on ${hash}`);
        assert.equal(await page.locator('[role=status] [data-updated], [aria-live] [data-updated]').count(), 0, 'the refresh line is not live');
        assertNoProblems(session);
      });
    }
  });

  test('a count changed by every typed letter is announced once, when the typing stops', async () => {
    const cases = [
      ['#/jobs', 'Search jobs', 'patch', /^[\d,]+ of [\d,]+ jobs\.$/],
      [`#/jobs/${JOB}`, 'Search assets or failed patches', 'web-1', /^[\d,]+ of [\d,]+ assets$/],
      ['#/exemptions', 'Search endpoints', 'web-1', /^[\d,]+ of [\d,]+ endpoints$/],
    ];
    for (const [hash, searchbox, typed, count] of cases) {
      await withPage(`${server.url}${hash}`, {}, async (session) => {
        const { page } = session;
        await page.locator('tr.pb-row').first().waitFor({ timeout: LOAD_TIMEOUT });
        // Every text the count on screen and any status region take from
        // here on, in order, without slowing the typing to read them.
        await page.evaluate(() => {
          window.spoken = [];
          window.shown = [];
          const seen = document.querySelector('[data-row-count], .pb-page-context > span:first-child');
          const last = new Map([...document.querySelectorAll('[role=status]'), seen].map((node) => [node, node.textContent.trim()]));
          new MutationObserver(() => {
            for (const node of [...document.querySelectorAll('[role=status]'), seen]) {
              const text = node.textContent.trim();
              if (text && last.get(node) !== text) (node === seen ? window.shown : window.spoken).push(text);
              last.set(node, text);
            }
          }).observe(document.body, { subtree: true, childList: true, characterData: true });
        });
        // Quicker than anyone types, well inside the settling time.
        await page.getByRole('searchbox', { name: searchbox }).pressSequentially(typed, { delay: 40 });
        await page.waitForFunction((source) => window.spoken.some((text) => new RegExp(source).test(text)), count.source, { timeout: 5_000 });
        await page.waitForTimeout(1_500);
        const { shown, spoken } = await page.evaluate(() => ({ shown: window.shown, spoken: window.spoken }));
        assert.ok(shown.length > 1, `the count on screen follows the letters on ${hash}: ${shown}`);
        const counts = spoken.filter((text) => count.test(text));
        assert.deepEqual(counts, [shown.at(-1)], `one announcement, of the final count, on ${hash}`);
        assertNoProblems(session);
      });
    }
  });

  test('a search that leaves nothing is announced once, by the count, not again by the empty table', async () => {
    const cases = [
      ['#/jobs', 'Search jobs', /^0 of [\d,]+ jobs\.$/, 'No job matches the search "zzz-matches-nothing". Clear the search to list every job.'],
      [`#/jobs/${JOB}?phase=failed`, 'Search assets or failed patches', /^0 of [\d,]+ assets$/, 'No assets match the search and filters. Clear the search or a filter to list more.'],
      ['#/exemptions', 'Search endpoints', /^0 of [\d,]+ endpoints$/, null],
      ['#/exemptions?layout=by-exemption', 'Search endpoints', /^0 of [\d,]+ endpoints$/, 'No endpoint matches the search "zzz-matches-nothing". Clear the search to list every endpoint.'],
    ];
    for (const [hash, searchbox, count, empty] of cases) {
      await withPage(`${server.url}${hash}`, {}, async (session) => {
        const { page } = session;
        await page.locator('tr.pb-row, .pb-group').first().waitFor({ timeout: LOAD_TIMEOUT });
        await page.getByRole('searchbox', { name: searchbox }).fill('zzz-matches-nothing');
        const shown = page.locator('.pb-table-empty');
        await shown.waitFor({ timeout: 10_000 });
        if (empty) assert.equal((await shown.textContent()).trim(), empty, hash);
        await page.waitForFunction(
          (source) => [...document.querySelectorAll('[role=status]')].some((status) => new RegExp(source).test(status.textContent.trim())),
          count.source,
          { timeout: 5_000 },
        );
        const spoken = (await page.getByRole('status').allTextContents()).map((text) => text.trim()).filter(Boolean);
        assert.equal(spoken.length, 1, `one status speaks on ${hash}: ${JSON.stringify(spoken)}`);
        assert.match(spoken[0], count, hash);
        assertNoProblems(session);
      });
    }
  });

  test("a page opened by a link takes the focus on its heading, Back returns it to the row left from; the first page leaves it to the skip link", async () => {
    await withPage(`${server.url}#/jobs`, {}, async (session) => {
      const { page } = session;
      const link = page.locator('tr.pb-row a').first();
      await link.waitFor({ timeout: LOAD_TIMEOUT });
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'BODY', 'nothing is focused on arrival');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'pb-skip-link');
      const name = (await link.textContent()).trim();
      await link.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction((name) => document.activeElement?.id === 'pb-page-title' && document.activeElement.textContent === name, name);
      await page.goBack();
      await page.waitForFunction((name) => document.activeElement?.matches('tr.pb-row') && document.activeElement.querySelector('a')?.textContent.trim() === name, name);

      // The keyboard's own way in: the third row, opened with Enter, is where Back brings it.
      const third = page.locator('tr.pb-row[data-position="2"]');
      const thirdName = (await third.locator('a').textContent()).trim();
      await third.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction((name) => document.activeElement?.id === 'pb-page-title' && document.activeElement.textContent === name, thirdName);
      await page.goBack();
      await page.waitForFunction((name) => document.activeElement?.matches('tr.pb-row') && document.activeElement.querySelector('a')?.textContent.trim() === name, thirdName);
      // Forward to the job again: its heading, as for any page opened anew.
      await page.goForward();
      await page.waitForFunction((name) => document.activeElement?.id === 'pb-page-title' && document.activeElement.textContent === name, thirdName);
      assertNoProblems(session);
    });
  });

  test('Escape on a panel opened from a link gives the focus to its record\'s row, where the reader was', async () => {
    await withPage(`${server.url}#/exemptions?endpoint=ep-00080`, {}, async (session) => {
      const { page } = session;
      await page.locator('dialog.pb-panel').waitFor({ timeout: LOAD_TIMEOUT });
      const name = (await page.locator('#pb-panel-title').textContent()).trim();
      await page.keyboard.press('Escape');
      await page.locator('.pb-panel').waitFor({ state: 'detached' });
      const focused = await page.evaluate(() => ({
        row: document.activeElement?.matches('tr.pb-row') ?? false,
        name: document.activeElement?.querySelector('td')?.textContent.trim(),
      }));
      assert.deepEqual(focused, { row: true, name }, "the open record's row has the focus");
      assert.equal(await page.getByRole('combobox', { name: 'Filter by OS' }).count(), 1, 'an acronym keeps its capitals');
      assertNoProblems(session);
    });
  });

  test('a table that goes away before its focus moves leaves the app running', async () => {
    await withPage(`${server.url}#/jobs/${JOB}`, {}, async (session) => {
      const { page } = session;
      const first = page.locator('tr.pb-row[data-position="0"]');
      await first.waitFor({ timeout: LOAD_TIMEOUT });
      await first.focus();
      await holdFrames(page);
      // The last row is not drawn yet, so the focus waits for the next frame...
      await page.keyboard.press('End');
      // ...and before it comes, the page and its table are gone.
      await page.getByRole('link', { name: 'All jobs' }).click();
      await page.waitForFunction(
        () => document.querySelector('tr.pb-row a[href*="#/jobs/"]') && !document.querySelector('[data-row-count]'),
      );
      await releaseFrames(page);
      await page.waitForFunction(() => new Promise((done) => requestAnimationFrame(() => done(true))));
      assert.equal(await page.locator('.pb-crash').count(), 0, 'the app stopped');
      assert.ok((await page.locator('tr.pb-row').count()) > 0, 'the job list is drawn');
      assertNoProblems(session);
    });
  });

  test("Back undoing a filter keeps the focus on the record's row, far down the list it returns to", async () => {
    await withPage(`${server.url}#/jobs/${JOB}`, { viewport: { width: 1280, height: 800 } }, async (session) => {
      const { page } = session;
      await page.locator('tr.pb-row').nth(2).waitFor({ timeout: LOAD_TIMEOUT });
      await page.locator('button.pb-counter-filter[aria-label^="Failed"]').click();
      await page.waitForFunction(() => location.hash.includes('phase=failed'));
      await page.locator('tr.pb-row[tabindex="0"]').focus();
      await page.keyboard.press('End');
      await page.waitForFunction(() => document.activeElement.matches('tr.pb-row'));
      const name = await page.evaluate(() => document.activeElement.querySelector('td').textContent);
      await page.goBack();
      await page.waitForFunction(() => !location.hash.includes('phase='));
      await page.waitForFunction(
        (name) => document.activeElement.matches('tr.pb-row') && document.activeElement.querySelector('td').textContent === name,
        name,
        { timeout: 5_000 },
      );
      // The keyboard goes on from there.
      await page.keyboard.press('ArrowDown');
      assert.ok(await page.evaluate(() => document.activeElement.matches('tr.pb-row')));
      assertNoProblems(session);
    });
  });

  test('the job list is one Tab stop: Tab leaves it from its row, Enter opens the job', async () => {
    const session = await openPage(`${server.url}#/jobs`);
    try {
      const { page } = session;
      const row = page.locator('tr.pb-row[tabindex="0"]');
      await row.waitFor({ timeout: LOAD_TIMEOUT });
      await row.focus();
      await page.keyboard.press('Tab');
      assert.equal(
        await page.evaluate(() => document.activeElement?.closest('table') === null),
        true,
        'Tab went past the links in the rows',
      );

      await page.keyboard.press('Shift+Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.matches('tr.pb-row[tabindex="0"]')), true, 'Shift+Tab returns to the row');
      const name = await page.evaluate(() => document.activeElement.querySelector('a').textContent);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: LOAD_TIMEOUT });
      assertNoProblems(session);
    } finally {
      await session.close();
    }
  });
});

describe('headings', () => {
  /** The page's headings outside the panel, in order: [level, name]. */
  const outline = (page) =>
    page.$$eval('.pb-main h1, .pb-main h2, .pb-main h3, .pb-main h4, .pb-main h5, .pb-main h6', (headings) =>
      headings
        .filter((heading) => !heading.closest('dialog'))
        .map((heading) => [Number(heading.tagName[1]), heading.textContent.replace(/\s+/g, ' ').trim()]),
    );

  for (const [hash, sections, nested] of [
    [`#/jobs/${JOB}`, ['Figures', 'Assets'], null],
    ['#/exemptions', ['Figures', 'Endpoints'], null],
    ['#/exemptions?layout=by-exemption', ['Figures', 'Endpoints'], /^How to fix .+/],
  ]) {
    test(`${hash} has a heading for each section, and no level is skipped`, async () => {
      await withPage(`${server.url}${hash}`, {}, async ({ page }) => {
        await page.locator('tr.pb-row, details.pb-group').first().waitFor({ timeout: LOAD_TIMEOUT });
        const headings = await outline(page);
        assert.deepEqual(headings.filter(([level]) => level === 2).map(([, name]) => name), sections);
        let previous = 0;
        for (const [level, name] of headings) {
          assert.ok(level <= previous + 1, `"${name}" is an h${level} after an h${previous}: ${JSON.stringify(headings)}`);
          previous = level;
        }
        const deeper = headings.filter(([level]) => level > 2);
        if (nested) {
          assert.ok(deeper.length > 1 && deeper.every(([, name]) => nested.test(name)), JSON.stringify(deeper));
          assert.equal(new Set(deeper.map(([, name]) => name)).size, deeper.length, 'each names what it fixes');
        }
      });
    });
  }
});
