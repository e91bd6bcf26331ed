// The Endpoint Exemptions page against the bundled demo data: counters that
// add up, filters through the chart and the select, the detail panel with its
// fix steps, the Low Disk Space threshold, an expired maintenance window, the
// by-exemption layout, and an accessibility report in light and dark.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { assertAccessible } from './lib/axe.mjs';
import { assertNoProblems, closeBrowser, exportedCsv, openPage, queryOf, screenshot, showAllChartEntries } from './lib/browser.mjs';
import { exemptionCatalogue, exemptionToken, grouped, millis, readEndpoints, warningCatalogue } from './lib/data.mjs';
import { startBuiltApp } from './lib/server.mjs';

const LOAD_TIMEOUT = 30_000;
const HOUR_MS = 60 * 60 * 1000;
const LOW_DISK_PERCENT = 90; // docs/exemptions.md: "any drive used_percent >= 90.0"

const IMPACTS = [
  { token: 'patchable', counter: 'patchable', label: 'Patchable' },
  { token: 'temporarily_cannot_patch', counter: 'temporarily', label: 'Temporarily cannot patch' },
  { token: 'cannot_patch', counter: 'cannot', label: 'Cannot patch' },
];

let server;
let fleet; // demo/endpoints.json
let endpoints;
let catalogue; // exemption name → impact token

before(async () => {
  server = await startBuiltApp();
  fleet = await readEndpoints();
  endpoints = fleet.endpoints;
  assert.ok(endpoints.length > 0, 'the demo has no endpoints');
  catalogue = new Map(exemptionCatalogue().map((entry) => [entry.name, entry.impact]));
});

after(async () => {
  await closeBrowser();
  await server?.stop();
});

// ---------------------------------------------------------------------------
// Page helpers



/** Opens `#/exemptions` with `query`, waits for the whole fleet, runs `body`, checks for problems. */
async function withExemptions(query, options, body) {
  const session = await openPage(`${server.url}#/exemptions${query ? `?${query}` : ''}`, options);
  try {
    await session.page.waitForFunction(
      (total) => {
        const updated = document.querySelector('[data-updated]')?.textContent ?? '';
        const count = document.querySelector('[data-row-count]')?.textContent ?? '';
        return updated.startsWith('Updated') && count.endsWith(` of ${total} endpoints`);
      },
      grouped(endpoints.length),
      { timeout: LOAD_TIMEOUT },
    );
    await body(session);
    assertNoProblems(session);
  } finally {
    await session.close();
  }
}

/** The rendered endpoint rows in display order: data index, name, impact badge, exemption chips. */
function renderedRows(page) {
  return page.evaluate(() => {
    // Text without the aria-hidden icon glyphs.
    const text = (element) => {
      if (!element) return null;
      const copy = element.cloneNode(true);
      copy.querySelectorAll('.pb-badge-icon, [aria-hidden="true"]').forEach((icon) => icon.remove());
      return copy.textContent.replace(/\s+/g, ' ').trim();
    };
    return [...document.querySelectorAll('tr.pb-row')]
      .map((row) => {
        const cells = row.querySelectorAll('td');
        return {
          index: Number(row.dataset.index),
          position: Number(row.dataset.position),
          name: text(cells[0]),
          outlook: text(cells[2]?.querySelector('.pb-badge')),
          shownChips: [...(cells[3]?.querySelectorAll('.pb-chip') ?? [])].map(text),
          more: cells[3]?.querySelector('.pb-chip-more [aria-hidden="true"]')?.textContent ?? null,
          chipTitle: cells[3]?.querySelector('.pb-chip')?.getAttribute('title') ?? null,
          // Every exemption, as the cell's title names them.
          chips: (cells[3]?.querySelector('.pb-chips')?.title ?? '').split(', ').filter(Boolean),
          // What a screen reader hears from the cell.
          chipsText: text(cells[3]),
          text: text(row),
        };
      })
      .sort((a, b) => a.position - b.position);
  });
}

async function rowCount(page) {
  const text = (await page.locator('[data-row-count]').textContent()).trim();
  const match = /^([\d,]+) of ([\d,]+) endpoints$/.exec(text);
  assert.ok(match, `unexpected row count text: ${text}`);
  return Number(match[1].replaceAll(',', ''));
}

/** Waits for "N of M endpoints" to read `shown`, then returns the rendered rows. */
async function rowsAfterFilter(page, shown) {
  await page
    .waitForFunction((shown) => document.querySelector('[data-row-count]')?.textContent.startsWith(`${shown} of `), grouped(shown), {
      timeout: 10_000,
    })
    .catch(() => {}); // the assertion below reports the difference
  assert.equal(await rowCount(page), shown, 'the row count after filtering');
  if (shown > 0) await page.waitForSelector('tr.pb-row');
  return renderedRows(page);
}

async function counter(page, id) {
  return Number((await page.locator(`[data-counter="${id}"] .pb-counter-value`).textContent()).trim().replaceAll(',', ''));
}

/** The chart's bars, every one: [{token, name, count, pressed}] in the order shown. */
async function chartBars(page) {
  await showAllChartEntries(page);
  return page.evaluate(() => {
    const text = (element) => {
      if (!element) return null;
      const copy = element.cloneNode(true);
      copy.querySelectorAll('.pb-badge-icon, [aria-hidden="true"], .pb-visually-hidden').forEach((icon) => icon.remove());
      return copy.textContent.replace(/\s+/g, ' ').trim();
    };
    return [...document.querySelectorAll('[data-bar]')].map((bar) => ({
      token: bar.dataset.bar,
      name: text(bar.querySelector('.pb-bar-label')),
      // What the colour and icon say, in words a screen reader reads.
      spoken: bar.querySelector('.pb-bar-label .pb-visually-hidden')?.textContent,
      title: bar.title,
      count: Number(bar.querySelector('.pb-numeric')?.textContent.trim().replaceAll(',', '')),
      pressed: bar.getAttribute('aria-pressed'),
    }));
  });
}

function nameKey(name) {
  return String(name).toLowerCase().replace(/[^a-z0-9]/g, '');
}

function fullestDrive(endpoint) {
  const used = (endpoint.drives ?? []).map((drive) => drive.used_percent).filter((p) => Number.isFinite(p));
  return used.length ? Math.max(...used) : null;
}

const lowDiskName = () => warningCatalogue().find((w) => nameKey(w.name) === 'lowdiskspace')?.name ?? 'Low Disk Space';

/**
 * Checks the cell of a row listed for the exemption `name`: it names first
 * an exemption that makes the row's impact, then `name` unless that was it,
 * and counts the rest.
 */
function assertNamesCauseAndPick(row, name) {
  const rank = { cannot_patch: 2, temporarily_cannot_patch: 1 };
  const rankOf = (chip) => rank[catalogue.get(chip) ?? 'cannot_patch'];
  const worst = Math.max(...row.chips.map(rankOf));
  assert.equal(rankOf(row.shownChips[0]), worst, `${row.name}'s first chip (${row.shownChips[0]}) makes its impact: ${row.chips}`);
  assert.deepEqual(row.shownChips.slice(1), row.shownChips[0] === name ? [] : [name], `${row.name} names ${name}: ${row.shownChips}`);
  const rest = row.chips.length - row.shownChips.length;
  assert.equal(row.more, rest > 0 ? `+${rest}` : null, `${row.name}'s count of the rest`);
}

/** Opens the panel of endpoint `id` through the URL and returns its locator. */
async function panelOf(page, id) {
  await page.evaluate((id) => {
    const hash = window.location.hash;
    const [path, query = ''] = hash.split('?');
    const params = new URLSearchParams(query);
    params.set('endpoint', id);
    window.location.hash = `${path}?${params}`;
  }, id);
  const panel = page.locator('dialog.pb-panel');
  await panel.waitFor({ timeout: 10_000 });
  await page.waitForFunction(
    (id) => document.querySelector('.pb-panel')?.textContent.includes(id),
    id,
    { timeout: 10_000 },
  );
  return panel;
}

// ---------------------------------------------------------------------------

describe('endpoint exemptions page', () => {
  test('the counters add up to the fleet in the data', async () => {
    await withExemptions('', {}, async ({ page }) => {
      const total = await counter(page, 'total');
      assert.equal(total, endpoints.length, 'Endpoints = endpoints in demo/endpoints.json');
      const perImpact = {};
      for (const impact of IMPACTS) perImpact[impact.counter] = await counter(page, impact.counter);
      assert.equal(
        perImpact.patchable + perImpact.temporarily + perImpact.cannot,
        total,
        `patchable + temporarily + cannot = total (${JSON.stringify(perImpact)})`,
      );
      const lowDisk = nameKey(lowDiskName());
      const withWarnings = endpoints.filter(
        (e) =>
          (fullestDrive(e) ?? -Infinity) >= LOW_DISK_PERCENT ||
          (e.reported_exemptions ?? []).some((name) => nameKey(name) === lowDisk),
      ).length;
      assert.equal(await counter(page, 'warnings'), withWarnings, 'With warnings = endpoints with a drive at 90 % or more');
    });
  });

  test('"Only with warnings" lists as many endpoints as the With warnings counter, and unchecking restores all', async () => {
    await withExemptions('', {}, async ({ page }) => {
      const withWarnings = await counter(page, 'warnings');
      assert.ok(withWarnings > 0 && withWarnings < endpoints.length, 'the demo has some endpoints with warnings');
      const checkbox = page.getByLabel('Only with warnings');
      await checkbox.check();
      await page.waitForURL((url) => url.hash.includes('warnings=1'));
      await rowsAfterFilter(page, withWarnings);
      await page.goBack();
      await page.waitForURL((url) => !url.hash.includes('warnings=1'));
      assert.equal(await checkbox.isChecked(), false, 'Back unchecks it');
      await rowsAfterFilter(page, endpoints.length);
    });
  });

  test('Export CSV exports the endpoints listed, each with its fullest drive named beside its use', async () => {
    await withExemptions('warnings=1', {}, async ({ page }) => {
      const [header, ...records] = await exportedCsv(page, 'endpoint-exemptions');
      const lowDisk = nameKey(lowDiskName());
      const warned = endpoints.filter(
        (e) => (fullestDrive(e) ?? -Infinity) >= LOW_DISK_PERCENT || (e.reported_exemptions ?? []).some((name) => nameKey(name) === lowDisk),
      );
      const column = (name) => header.indexOf(name);
      assert.deepEqual(new Set(records.map((record) => record[column('Endpoint ID')])), new Set(warned.map((e) => e.id)), 'the listed endpoints');
      const byId = new Map(endpoints.map((e) => [e.id, e]));
      for (const record of records) {
        const drives = (byId.get(record[column('Endpoint ID')]).drives ?? []).filter((d) => Number.isFinite(d.used_percent));
        // The last of equally full drives, as the table picks it.
        const fullest = drives.reduce((found, drive) => (found && found.used_percent > drive.used_percent ? found : drive), null);
        assert.deepEqual(
          [record[column('Fullest drive')], record[column('Fullest drive (% used)')]],
          fullest ? [fullest.name, (Math.floor(fullest.used_percent * 10) / 10).toFixed(1)] : ['', ''],
          `${record[0]}'s fullest drive`,
        );
      }
    });
  });

  test('filtering by impact lists as many endpoints as its counter, each with that impact', async () => {
    await withExemptions('', {}, async ({ page }) => {
      for (const impact of IMPACTS) {
        const expected = await counter(page, impact.counter);
        await page.locator('select[aria-label="Filter by impact"]').selectOption(impact.token);
        await page.waitForURL((url) => url.hash.includes(`impact=${impact.token}`));
        const rows = await rowsAfterFilter(page, expected);
        for (const row of rows) {
          assert.equal(row.outlook, impact.label, `${row.name} shows the badge ${impact.label}`);
          const impacts = row.chips.map((chip) => catalogue.get(chip) ?? 'cannot_patch');
          const rolledUp = impacts.includes('cannot_patch')
            ? 'cannot_patch'
            : impacts.includes('temporarily_cannot_patch')
              ? 'temporarily_cannot_patch'
              : 'patchable';
          assert.equal(rolledUp, impact.token, `${row.name}'s exemptions (${row.chips.join(', ')}) roll up to ${impact.label}`);
          if (impacts.length > 0) {
            assert.equal(impacts[0], rolledUp, `${row.name}'s first chip (${row.chips[0]}) is a cause of its impact`);
          }
          // The cell shows the first and counts the rest; a screen reader hears every one.
          assert.deepEqual(row.shownChips, row.chips.slice(0, 1), `${row.name}'s cell shows its first exemption`);
          assert.equal(row.more, row.chips.length > 1 ? `+${row.chips.length - 1}` : null, `${row.name}'s count of the rest`);
          for (const chip of row.chips) assert.ok(row.chipsText.includes(chip), `${row.name}'s cell reads out ${chip}`);
          assert.equal(row.chipTitle, null, `${row.name}'s chip leaves hovering to the cell, which names them all`);
        }
        await page.getByRole('button', { name: `Remove filter Impact: ${impact.label}` }).click();
        await rowsAfterFilter(page, endpoints.length);
      }
      // Whichever rows the filters drew first, an endpoint with two facts
      // against it (an unsupported OS, PowerShell 2) shows one and counts the other.
      const twice = endpoints.find((e) => e.os_supported === false && e.powershell_major <= 2 && /windows/i.test(e.os));
      assert.ok(twice, 'the demo has an unsupported Windows endpoint with PowerShell 2');
      await page.locator('input[type=search]').fill(twice.id);
      const [row] = await rowsAfterFilter(page, 1);
      assert.ok(row.chips.length > 1, `${row.name} has several exemptions: ${row.chips}`);
      assert.deepEqual(row.shownChips, row.chips.slice(0, 1), `${row.name}'s cell shows its first exemption`);
      assert.equal(row.more, `+${row.chips.length - 1}`, `${row.name}'s count of the rest`);
    });
  });

  test('the chart lists known exemptions, most common first', async () => {
    await withExemptions('', {}, async ({ page }) => {
      const bars = await chartBars(page);
      assert.ok(bars.length > 0, 'the chart has bars');
      for (const bar of bars) {
        assert.ok(catalogue.has(bar.name), `"${bar.name}" is in docs/exemptions.md`);
        assert.equal(bar.token, exemptionToken(bar.name), `the token of ${bar.name}`);
        assert.ok(bar.count > 0, `${bar.name} has a count`);
        const impact = { cannot_patch: 'Cannot patch', temporarily_cannot_patch: 'Temporarily cannot patch' }[catalogue.get(bar.name)];
        assert.equal(bar.spoken, ` (${impact})`, `${bar.name} says its impact in words`);
        assert.equal(bar.title, `${bar.name} (${impact})`);
      }
      const counts = bars.map((bar) => bar.count);
      assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'bars in descending count');
    });
  });

  test('filtering by an exemption through the chart shows only endpoints with it', async () => {
    await withExemptions('', {}, async ({ page }) => {
      // Bar after bar, largest first, until one lists an endpoint that a
      // worse exemption holds back too: its cell names both.
      let namedBoth = null;
      for (const bar of await chartBars(page)) {
        await page.locator(`[data-bar="${bar.token}"]`).click();
        await page.waitForURL((url) => url.hash.includes(`exemption=${bar.token}`));
        assert.equal(await page.locator(`[data-bar="${bar.token}"]`).getAttribute('aria-pressed'), 'true');
        const rows = await rowsAfterFilter(page, bar.count);
        assert.ok(rows.length > 0);
        for (const row of rows) assertNamesCauseAndPick(row, bar.name);
        if (rows.some((row) => row.shownChips.length === 2)) {
          namedBoth = bar.name;
          break;
        }
        await page.locator(`[data-bar="${bar.token}"]`).click();
        await page.waitForURL((url) => !url.hash.includes('exemption='));
      }
      assert.ok(namedBoth, 'fixture: some endpoint has an exemption and a worse one');
    });
  });

  test('the counters filter by impact and by warning, say which is on, and a second click clears them', async () => {
    await withExemptions('q=zzz-no-such-endpoint', {}, async ({ page }) => {
      const filter = (id) => page.locator(`[data-counter="${id}"] .pb-counter-filter`);
      const pressed = () =>
        page.$$eval('[data-counter] .pb-counter-filter[aria-pressed="true"]', (buttons) => buttons.map((button) => button.closest('[data-counter]').dataset.counter));
      for (const [id, token, label] of [
        ['cannot', 'cannot_patch', 'Cannot patch'],
        ['temporarily', 'temporarily_cannot_patch', 'Temporarily cannot patch'],
        ['patchable', 'patchable', 'Patchable'],
      ]) {
        await filter(id).click();
        await page.waitForURL((url) => url.hash.includes(`impact=${token}`) && !url.hash.includes('q='));
        const rows = await rowsAfterFilter(page, await counter(page, id));
        assert.ok(rows.length > 0, `fixture: some endpoint is ${label}`);
        for (const row of rows) assert.equal(row.outlook, label, `${row.name} is ${label}`);
        assert.deepEqual(await pressed(), [id]);
      }
      await filter('warnings').click();
      await page.waitForURL((url) => url.hash.includes('warnings=1') && !url.hash.includes('impact='));
      await rowsAfterFilter(page, await counter(page, 'warnings'));
      assert.equal(await page.getByRole('checkbox', { name: 'Only with warnings' }).isChecked(), true);
      assert.deepEqual(await pressed(), ['warnings']);
      await filter('warnings').click();
      await rowsAfterFilter(page, endpoints.length);
      assert.deepEqual(await pressed(), []);
      assert.equal(await page.locator('[data-counter="total"] .pb-counter-filter').count(), 0, 'the whole fleet is no toggle');
    });
  });

  test('the chart shows the most common exemptions until "Show all", keeps a picked one, and rows show on a 1024×768 screen', async () => {
    await withExemptions('', { viewport: { width: 1024, height: 768 } }, async ({ page }) => {
      const shown = () => page.$$eval('#pb-exemption-chart [data-bar]', (bars) => bars.map((bar) => bar.dataset.bar));
      const short = await shown();
      const button = page.locator('.pb-show-all[aria-controls="pb-exemption-chart"]');
      const closedText = (await button.textContent()).trim();
      const firstRow = await page.locator('tr.pb-row').first().boundingBox();
      assert.ok(firstRow.y + firstRow.height <= 768, `the first row ends within the window: ${JSON.stringify(firstRow)}`);

      const bars = await chartBars(page);
      assert.ok(bars.length > 8, `fixture: the fleet has many exemptions (${bars.length})`);
      assert.deepEqual(short, bars.slice(0, 6).map((bar) => bar.token), 'shortened, the chart shows the six most common');
      assert.equal(closedText, `Show all ${bars.length} exemptions`);
      assert.equal((await button.textContent()).trim(), 'Show fewer exemptions');
      assert.deepEqual(await shown(), bars.map((bar) => bar.token), 'opened, every exemption');

      await button.click();
      await page.locator('.pb-show-all[aria-controls="pb-exemption-chart"][aria-expanded="false"]').waitFor();
      // Opened from the keyboard, the focus goes to the first bar it reveals,
      // which sits above the button.
      await button.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction((token) => document.activeElement?.dataset.bar === token, bars[6].token, { timeout: 5_000 });
      await button.click();
      await page.locator('.pb-show-all[aria-controls="pb-exemption-chart"][aria-expanded="false"]').waitFor();
      const last = bars.at(-1);
      await page.locator('select[aria-label="Filter by exemption"]').selectOption(last.token);
      await page.waitForURL((url) => url.hash.includes(`exemption=${last.token}`));
      await page.locator(`#pb-exemption-chart [data-bar="${last.token}"][aria-pressed="true"]`).waitFor();
      assert.deepEqual(await shown(), [...short, last.token], 'a picked exemption stays in view, in its place');
    });
  });

  test('a bar of the short list shows as pressed once clicked, and as not pressed once clicked again', async () => {
    await withExemptions('', {}, async ({ page }) => {
      const bar = page.locator('#pb-exemption-chart [data-bar]').first();
      const token = await bar.getAttribute('data-bar');
      await bar.click();
      await page.waitForURL((url) => url.hash.includes(`exemption=${token}`));
      await page.locator(`#pb-exemption-chart [data-bar="${token}"][aria-pressed="true"]`).waitFor({ timeout: 5_000 });
      await bar.click();
      await page.waitForURL((url) => !url.hash.includes('exemption='));
      await page.locator(`#pb-exemption-chart [data-bar="${token}"][aria-pressed="false"]`).waitFor({ timeout: 5_000 });
    });
  });

  test('filtering by an exemption through the select shows only endpoints with it', async () => {
    await withExemptions('', {}, async ({ page }) => {
      const bars = await chartBars(page);
      const bar = bars[Math.min(1, bars.length - 1)];
      const select = page.locator('select[aria-label="Filter by exemption"]');
      await select.selectOption(bar.token);
      await page.waitForURL((url) => url.hash.includes(`exemption=${bar.token}`));
      const rows = await rowsAfterFilter(page, bar.count);
      for (const row of rows) assertNamesCauseAndPick(row, bar.name);
      await page.getByRole('button', { name: `Remove filter Exemption: ${bar.name}` }).waitFor();
      assert.equal(await select.inputValue(), '', 'the select returns to its prompt');
    });
  });

  test("an endpoint's panel explains each exemption with fix steps", async () => {
    await withExemptions('', {}, async ({ page }) => {
      const [bar] = await chartBars(page);
      await page.locator(`[data-bar="${bar.token}"]`).click();
      await rowsAfterFilter(page, bar.count);
      const row = page.locator('tr.pb-row[data-position="0"]');
      const endpoint = endpoints[Number(await row.getAttribute('data-index'))];
      await row.click();
      const panel = page.locator('dialog.pb-panel');
      await panel.waitFor();
      assert.equal((await panel.locator('#pb-panel-title').textContent()).trim(), endpoint.name);
      // Named as the table's column and the filter name it.
      assert.equal((await panel.locator('h3').first().textContent()).trim(), 'Impact');
      const entry = panel.locator(`[data-exemption="${bar.name}"]`);
      await entry.waitFor();
      const steps = entry.locator('[data-fix] li');
      assert.ok((await steps.count()) > 0, `${bar.name} has fix steps`);
      for (const step of await steps.allTextContents()) assert.ok(step.trim().length > 0, 'a fix step has words');
      assert.ok((await entry.locator('[data-evidence]').textContent()).trim().length > 0, 'the exemption names its evidence');
      // Every exemption listed in the panel has its fix steps, and says so
      // where docs/exemptions.md marks its text as Patchboard's.
      const oursOf = new Map(exemptionCatalogue().map((exemption) => [exemption.name, exemption.ours]));
      const listed = panel.locator('[data-exemption]');
      for (let i = 0; i < (await listed.count()); i++) {
        const name = await listed.nth(i).getAttribute('data-exemption');
        assert.ok((await listed.nth(i).locator('[data-fix] li').count()) > 0, `fix steps for ${name}`);
        assert.equal(await listed.nth(i).locator('[data-our-addition]').count(), oursOf.get(name) ? 1 : 0, `${name}'s note of what is Patchboard's`);
      }
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
    });
  });

  test('a link to an endpoint far down the list opens it with its row wholly in the window', async () => {
    // The demo lists endpoints by impact, worst first: one of the last has its row far below the fold.
    const endpoint = endpoints[endpoints.length - 60];
    await withExemptions(`endpoint=${encodeURIComponent(endpoint.id)}`, { viewport: { width: 1280, height: 800 } }, async ({ page }) => {
      await page.locator('dialog.pb-panel').waitFor();
      const row = page.locator('tr.pb-row[aria-selected="true"]');
      await row.waitFor();
      // The scroll that brings it into the window may take a frame or two.
      await page
        .waitForFunction(() => {
          const box = document.querySelector('tr.pb-row[aria-selected="true"]')?.getBoundingClientRect();
          return box && box.top >= 0 && box.bottom <= innerHeight;
        }, null, { timeout: 5_000 })
        .catch(() => {}); // the assertion below says where it is
      const box = await row.boundingBox();
      assert.ok(box.y >= 0 && box.y + box.height <= 800, `the row is in the window: ${JSON.stringify(box)}`);
      assert.equal((await row.locator('td').first().textContent()).trim(), endpoint.name);
    });
  });

  test("an endpoint's panel says what the backend did not report rather than guess", async () => {
    const unseen = endpoints.find((endpoint) => endpoint.last_seen == null);
    const seen = endpoints.find((endpoint) => endpoint.last_seen != null && endpoint.drives?.length > 0);
    assert.ok(unseen && seen, 'the demo has endpoints with and without a last-seen time');
    await withExemptions('', {}, async ({ page }) => {
      const fact = async (id, term) => {
        const panel = await panelOf(page, id);
        const terms = await panel.locator('.pb-facts dt').allTextContents();
        const values = await panel.locator('.pb-facts dd').allTextContents();
        return values[terms.findIndex((t) => t.trim() === term)]?.trim();
      };
      assert.equal(await fact(unseen.id, 'Last seen'), 'not reported', `${unseen.name} has no last-seen time`);
      assert.match(await fact(seen.id, 'Last seen'), /^\d{4}-\d\d-\d\d /, `${seen.name}'s last-seen time`);
      // In full, as the title, which stops at three lines, may not show it.
      assert.equal(await fact(seen.id, 'Name'), seen.name);
      const panel = page.locator('dialog.pb-panel');
      assert.equal(await panel.getByText('No drives were reported').count(), 0, `${seen.name} has drives`);
    });
  });

  test('a search and an opened endpoint leave the table as it was: same rows, same scroll', async () => {
    await withExemptions('', {}, async ({ page }) => {
      const scroller = page.locator('.pb-table-scroll');
      const rowHeight = await page.locator('tr.pb-row').first().evaluate((row) => row.getBoundingClientRect().height);
      const scrolledTo = Math.round(30 * rowHeight);
      await scroller.evaluate((element, top) => (element.scrollTop = top), scrolledTo);
      const row = page.locator('tr.pb-row[data-position="32"]');
      await row.waitFor();
      const scrollTop = () => scroller.evaluate((element) => element.scrollTop);
      // The rows shown stay the very same elements: nothing was rebuilt.
      await row.evaluate((element) => (element.dataset.marked = 'yes'));
      // A search that keeps every row: the view changes, the rows do not.
      await page.getByRole('searchbox', { name: 'Search endpoints' }).fill('-');
      await page.waitForURL((url) => url.hash.includes('q=-'));
      assert.equal(await rowCount(page), endpoints.length, 'every demo endpoint name has a hyphen');
      assert.equal(await scrollTop(), scrolledTo, 'the search kept the scroll position');
      assert.equal(await row.getAttribute('data-marked'), 'yes', 'the search kept the rendered rows');
      await row.click();
      await page.locator('dialog.pb-panel').waitFor();
      assert.equal(await scrollTop(), scrolledTo, 'opening the panel kept the scroll position');
      assert.equal(await row.count(), 1, 'the clicked row is still on screen');
    });
  });

  test('Back through pages left by their navigation links returns each to where it was', async () => {
    await withExemptions('', {}, async ({ page }) => {
      const place = () => page.evaluate(() => [scrollY, document.querySelector('.pb-table-scroll')?.scrollTop ?? 0]);
      // The links are clicked where they are, not scrolled into view first.
      const follow = (name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).evaluate((link) => link.click());
      await page.evaluate(() => window.scrollTo(0, 120));
      await page.locator('.pb-table-scroll').evaluate((element) => { element.scrollTop = 50 * 34; });
      const exemptionsLeft = await place();
      await follow('Reference');
      await page.waitForFunction(() => location.hash === '#/reference');
      await page.evaluate(() => window.scrollTo(0, 900));
      const referenceLeft = await place();
      assert.ok(exemptionsLeft[0] > 0 && exemptionsLeft[1] > 0 && referenceLeft[0] > 0, 'each page was scrolled');
      await follow('Jobs');
      await page.waitForFunction(() => location.hash === '#/jobs');

      const backTo = async (hash, left, what) => {
        await page.goBack();
        await page.waitForFunction((hash) => location.hash === hash, hash);
        await page
          .waitForFunction(
            ([y, top]) => scrollY === y && (document.querySelector('.pb-table-scroll')?.scrollTop ?? 0) === top,
            left,
            { timeout: 5_000 },
          )
          .catch(async () => assert.deepEqual(await place(), left, what));
      };
      await backTo('#/reference', referenceLeft, 'the reference is where it was left');
      await backTo('#/exemptions', exemptionsLeft, 'the window and the table are where they were left');
    });
  });

  test('Low Disk Space warns at 90 % used and not at 89.9 %', async () => {
    const atThreshold = endpoints.filter((e) => fullestDrive(e) === LOW_DISK_PERCENT);
    const justBelow = endpoints.filter((e) => fullestDrive(e) === 89.9);
    assert.ok(atThreshold.length > 0, 'the demo has an endpoint whose fullest drive is at exactly 90 %');
    assert.ok(justBelow.length > 0, 'the demo has an endpoint whose fullest drive is at 89.9 %');
    await withExemptions('', {}, async ({ page }) => {
      for (const endpoint of atThreshold) {
        const panel = await panelOf(page, endpoint.id);
        const warning = panel.locator('[data-warning="low-disk-space"]');
        assert.equal(await warning.count(), 1, `${endpoint.name} (fullest drive 90 %) shows Low Disk Space`);
        assert.ok((await warning.textContent()).includes(lowDiskName()));
        assert.ok((await panel.textContent()).includes('90.0% used'), 'the drive list shows 90.0% used');
        assert.deepEqual(
          (await panel.locator('[data-full]').allTextContents()).map((text) => text.trim()),
          ['⚠ 90.0% used'],
          'the full drive is marked as a warning',
        );
      }
      for (const endpoint of justBelow) {
        const panel = await panelOf(page, endpoint.id);
        assert.equal(
          await panel.locator('[data-warning="low-disk-space"]').count(),
          0,
          `${endpoint.name} (fullest drive 89.9 %) shows no Low Disk Space`,
        );
        assert.ok((await panel.textContent()).includes('89.9% used'), 'the drive list shows 89.9% used');
        assert.equal(await panel.locator('[data-full]').count(), 0, 'and marks no drive');
      }
    });
  });

  test('the Fullest drive column shows each figure whole, and flags the ones that warn', async () => {
    const warned = endpoints.filter((e) => fullestDrive(e) >= LOW_DISK_PERCENT);
    assert.ok(warned.length > 0, 'fixture: the demo has endpoints with a full drive');
    await withExemptions('sort=-disk', { viewport: { width: 1024, height: 800 } }, async ({ page }) => {
      const cells = await page.evaluate(() => {
        const column = [...document.querySelectorAll('.pb-table thead th')].findIndex((th) => th.textContent.includes('Fullest drive'));
        return [...document.querySelectorAll('tr.pb-row')].map((row) => {
          const cell = row.children[column];
          // What a screen reader reads: the icons are hidden from it.
          const spoken = cell.cloneNode(true);
          spoken.querySelectorAll('[aria-hidden="true"]').forEach((icon) => icon.remove());
          return { text: spoken.textContent, flagged: cell.querySelector('.pb-badge') !== null, cut: cell.scrollWidth > cell.clientWidth };
        });
      });
      const expected = endpoints.map(fullestDrive).toSorted((a, b) => b - a).slice(0, cells.length);
      cells.forEach((cell, i) => {
        // One decimal, rounded down (src/domain/derive/mod.rs, percent_used).
        const figure = `${(Math.floor(expected[i] * 10) / 10).toFixed(1)}%`;
        const warns = expected[i] >= LOW_DISK_PERCENT;
        assert.equal(cell.text, warns ? `Low Disk Space: ${figure}` : figure, `row ${i}`);
        assert.equal(cell.flagged, warns, `row ${i}: flagged only at ${LOW_DISK_PERCENT} % or more`);
        assert.ok(!cell.cut, `row ${i}: ${cell.text} fits its cell`);
      });
    });
  });

  test('a maintenance window that ended an hour before loading shows Maintenance Window Expired', async () => {
    const generatedAt = millis(fleet.generated_at);
    const expired = endpoints.filter((e) => {
      const windows = e.maintenance?.windows ?? [];
      if (windows.length === 0 || e.maintenance.last_window_ran_out) return false;
      const latestEnd = Math.max(...windows.map((w) => w.end));
      const anyAhead = windows.some((w) => w.end > generatedAt || w.start >= generatedAt);
      return latestEnd === generatedAt - HOUR_MS && !anyAhead;
    });
    assert.ok(expired.length > 0, 'the demo has an endpoint whose last window ended an hour before generated_at');
    const endpoint = expired[0];
    const name = 'Maintenance Window Expired';
    assert.ok(catalogue.has(name), `${name} is in docs/exemptions.md`);
    const loadedFrom = Date.now();
    await withExemptions('', {}, async ({ page }) => {
      const loadedBy = Date.now();
      await page.locator('input[type=search]').fill(endpoint.name);
      const sameName = endpoints.filter((e) =>
        [e.name, e.id, e.os].some((text) => String(text).toLowerCase().includes(endpoint.name.toLowerCase())),
      ).length;
      const rows = await rowsAfterFilter(page, sameName);
      const row = rows.find((r) => endpoints[r.index] === endpoint);
      assert.ok(row, `${endpoint.name} is listed`);
      assert.ok(row.chips.includes(name), `${endpoint.name}'s row shows ${name}: ${row.chips}`);

      const panel = await panelOf(page, endpoint.id);
      const entry = panel.locator(`[data-exemption="${name}"]`);
      assert.equal(await entry.count(), 1, `the panel of ${endpoint.name} lists ${name}`);
      // The demo's times move to the browser's clock: the window ended an hour before the page loaded.
      const evidence = (await entry.locator('[data-evidence]').textContent()).trim();
      const minutes = new Set([loadedFrom, loadedBy].map((at) => formatUtc(at - HOUR_MS)));
      assert.ok(
        [...minutes].some((minute) => evidence.includes(minute)),
        `the evidence names the end an hour before loading (${[...minutes].join(' or ')}): ${evidence}`,
      );
    });
  });

  test('the panel explains Patching Inapplicable for the endpoint\'s own OS', async () => {
    const unsupported = (family) => endpoints.find((e) => e.os_supported === false && family.test(e.os));
    const [linux, windows] = [unsupported(/centos|ubuntu|red hat|debian|suse/i), unsupported(/windows/i)];
    assert.ok(linux && windows, 'the demo has an unsupported Linux and an unsupported Windows endpoint');
    await withExemptions('', {}, async ({ page }) => {
      const entryText = async (endpoint) => {
        const panel = await panelOf(page, endpoint.id);
        const entry = panel.locator('[data-exemption="Patching Inapplicable"]');
        assert.equal(await entry.count(), 1, `the panel of ${endpoint.name} lists Patching Inapplicable`);
        return entry.textContent();
      };
      const onLinux = await entryText(linux);
      assert.ok(!onLinux.includes('Windows'), `${linux.os}: no Windows causes or steps: ${onLinux}`);
      const onWindows = await entryText(windows);
      assert.ok(onWindows.includes('Windows Update') && !onWindows.includes('Linux'), `${windows.os}: ${onWindows}`);
    });
  });

  test("a window open at loading is shown open in the panel, with its end, not as a past 'next window'", async () => {
    const generatedAt = millis(fleet.generated_at);
    const openAt = (e) => (e.maintenance?.windows ?? []).filter((w) => w.start <= generatedAt && generatedAt < w.end);
    // An end at least an hour away, so the window is still open while the test runs.
    const endpoint = endpoints.find((e) => openAt(e).length > 0 && Math.max(...openAt(e).map((w) => w.end)) - generatedAt >= HOUR_MS);
    assert.ok(endpoint, 'the demo has an endpoint in an open window');
    const untilFromGenerated = Math.max(...openAt(endpoint).map((w) => w.end)) - generatedAt;
    const loadedFrom = Date.now();
    await withExemptions('', {}, async ({ page }) => {
      const loadedBy = Date.now();
      const panel = await panelOf(page, endpoint.id);
      const fact = panel.locator('dt', { hasText: 'Next window' }).locator('xpath=following-sibling::dd[1]');
      const text = (await fact.textContent()).trim();
      // The demo's times move to the browser's clock at loading.
      const ends = new Set([loadedFrom, loadedBy].map((at) => `open now, until ${formatUtc(at + untilFromGenerated)}`));
      assert.ok(ends.has(text), `expected one of ${[...ends].join(' / ')}: ${text}`);
    });
  });

  test('the by-exemption layout shows one group per exemption with its count, largest first', async () => {
    await withExemptions('', {}, async ({ page }) => {
      const bars = await chartBars(page);
      await page.getByRole('button', { name: 'By exemption' }).click();
      await page.waitForURL((url) => url.hash.includes('layout=by-exemption'));
      const layout = page.locator('[data-layout="by-exemption"]');
      await layout.waitFor();
      const groups = await page.evaluate(() =>
        [...document.querySelectorAll('[data-layout="by-exemption"] .pb-group[data-exemption]')].map((group) => ({
          name: group.dataset.exemption,
          title: group.querySelector('summary strong')?.textContent.trim(),
          count: group.querySelector('summary .pb-numeric')?.textContent.trim(),
        })),
      );
      assert.deepEqual(
        groups.map((g) => g.name),
        bars.map((b) => b.name),
        'one group per exemption in the chart, in the chart\'s order (most endpoints first)',
      );
      const countOf = new Map(bars.map((b) => [b.name, b.count]));
      for (const group of groups) {
        assert.equal(group.title, group.name);
        assert.equal(group.count, `${grouped(countOf.get(group.name))} endpoints`, `the count of ${group.name}`);
      }
      // Opening a group shows its fix steps.
      const first = page.locator('[data-layout="by-exemption"] .pb-group').first();
      // Its summary shows that it opens: a chevron, pointing down once open.
      const chevron = () => first.locator('summary').evaluate((summary) => {
        const style = getComputedStyle(summary, '::before');
        return { shown: style.content !== 'none' && style.width !== '0px', rotate: style.rotate };
      });
      assert.deepEqual(await chevron(), { shown: true, rotate: '-45deg' }, 'closed: the chevron points sideways');
      await first.locator('summary').click();
      assert.ok((await first.locator('[data-fix] li').count()) > 0, 'an opened group shows fix steps');
      assert.deepEqual(await chevron(), { shown: true, rotate: '45deg' }, 'open: the chevron points down');
    });
  });

  test('an open group stays open by its reason when a search moves it, and a link or a reload reopens it', async () => {
    await withExemptions('layout=by-exemption', {}, async ({ page }) => {
      const openGroups = () => page.$$eval('.pb-group[open] summary strong', (names) => names.map((name) => name.textContent.trim()));
      const second = page.locator('[data-layout="by-exemption"] .pb-group').nth(1);
      const name = await second.getAttribute('data-exemption');
      await second.locator('summary').click();
      await page.waitForURL((url) => queryOf(url).getAll('group').join() === name);
      assert.deepEqual(await openGroups(), [name]);

      // One of the group's endpoints, searched for, leaves it first or alone.
      const endpoint = (await second.locator('.pb-chip').first().textContent()).trim();
      await page.locator('input[type=search]').fill(endpoint);
      await page.waitForURL((url) => queryOf(url).get('q') === endpoint);
      await page.waitForFunction((name) => document.querySelectorAll('.pb-group').length < 5 && document.querySelector('.pb-group[open]')?.dataset.exemption === name, name);
      assert.deepEqual(await openGroups(), [name], 'the same group is open, no other');

      await page.reload();
      await page.locator(`.pb-group[open][data-exemption="${name}"]`).waitFor({ timeout: LOAD_TIMEOUT });
      assert.deepEqual(await openGroups(), [name], 'a reload reopens it');
      await page.locator(`.pb-group[data-exemption="${name}"] summary`).click();
      await page.waitForURL((url) => !queryOf(url).has('group'));
      assert.deepEqual(await openGroups(), []);
    });
  });

  test('Back across a layout change leaves the focus on the layout switch, not the page', async () => {
    await withExemptions('', {}, async ({ page }) => {
      await page.getByRole('button', { name: 'By exemption' }).click();
      await page.waitForURL((url) => queryOf(url).get('layout') === 'by-exemption');
      const summary = page.locator('[data-layout="by-exemption"] .pb-group summary').first();
      await summary.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => queryOf(url).has('group'));
      await page.goBack();
      await page.waitForURL((url) => !queryOf(url).has('layout'));
      await page.locator('tr.pb-row').first().waitFor();
      await page.waitForFunction(() => document.activeElement !== document.body, null, { timeout: 5_000 });
      assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'By endpoint');
    });
  });

  test('the by-exemption layout lists the Low Disk Space warning last, also when only warnings are listed', async () => {
    const warned = endpoints.filter((e) => fullestDrive(e) >= LOW_DISK_PERCENT);
    assert.ok(warned.length > 0 && warned.length <= 50, 'fixture: the demo has a few endpoints with a full drive');
    await withExemptions('layout=by-exemption&warnings=1', {}, async ({ page }) => {
      const groups = page.locator('[data-layout="by-exemption"] .pb-group');
      await groups.first().waitFor();
      const warning = groups.last();
      assert.equal(await warning.getAttribute('data-warning'), lowDiskName(), 'the last group is the warning');
      assert.equal(await page.locator('.pb-group[data-warning]').count(), 1, 'one group per warning');
      assert.equal((await warning.locator('summary .pb-numeric').textContent()).trim(), `${grouped(warned.length)} endpoints`);
      assert.match(await warning.locator('summary').textContent(), /Warning: may stop patching/);
      // A warning sign, not the clock of Temporarily cannot patch, whose colour it shares.
      assert.equal((await warning.locator('summary .pb-badge-icon').textContent()).trim(), '⚠');
      await warning.locator('summary').click();
      assert.ok((await warning.locator('[data-fix] li').count()) > 0, 'the warning group shows its fix');
      const names = (await warning.locator('.pb-chip').allTextContents()).map((name) => name.trim());
      assert.deepEqual(names.toSorted(), warned.map((e) => e.name).toSorted(), 'the endpoints with a full drive');
      // One endpoint is one endpoint.
      await page.getByRole('searchbox', { name: 'Search endpoints' }).fill(warned[0].name);
      await page.waitForFunction(() => {
        const counts = [...document.querySelectorAll('.pb-group .pb-numeric')].map((count) => count.textContent.trim());
        return counts.length > 0 && counts.every((count) => count === '1 endpoint');
      });
    });
  });

  test('the grouped layout says how many listed endpoints no group lists', async () => {
    await withExemptions('layout=by-exemption&impact=patchable', {}, async ({ page }) => {
      await page.locator('.pb-group').first().waitFor();
      const listed = Number((await page.locator('[data-row-count]').textContent()).split(' of ')[0].replaceAll(',', ''));
      // Patchable endpoints have no exemption: only warnings group them.
      assert.equal(await page.locator('.pb-group[data-exemption]').count(), 0);
      const warned = Number((await page.locator('.pb-group[data-warning] summary .pb-numeric').textContent()).split(' ')[0]);
      const note = (await page.locator('[data-ungrouped]').textContent()).trim();
      assert.equal(
        note,
        `${grouped(listed - warned)} of the ${grouped(listed)} endpoints listed have no exemption or warning, so no group below lists them.`,
      );
    });
  });

  test('the grouped layout with no group says whether nothing matched or nothing listed has a reason', async () => {
    const emptyText = (page) => page.locator('[data-layout="by-exemption"] .pb-table-empty').textContent();
    // A search alone names the search, not filters that are not set.
    await withExemptions('layout=by-exemption&q=zzz-no-such-endpoint', {}, async ({ page }) => {
      assert.equal((await emptyText(page)).trim(), 'No endpoint matches the search "zzz-no-such-endpoint". Clear the search to list every endpoint.');
    });
    await withExemptions('layout=by-exemption&impact=cannot_patch&q=zzz-no-such-endpoint', {}, async ({ page }) => {
      assert.equal((await emptyText(page)).trim(), 'No endpoints match the search and filters. Clear the search or a filter to list more.');
    });
    // A patchable endpoint (as the page judges it) with no warning (as the data says).
    let endpoint;
    await withExemptions('impact=patchable', {}, async ({ page }) => {
      endpoint = (await renderedRows(page))
        .map((row) => endpoints[row.index])
        .find((e) => !(e.reported_exemptions ?? []).length && (fullestDrive(e) ?? 0) < LOW_DISK_PERCENT);
    });
    assert.ok(endpoint, 'the demo has a patchable endpoint without warnings among the first rows');
    await withExemptions(`layout=by-exemption&impact=patchable&q=${encodeURIComponent(endpoint.id)}`, {}, async ({ page }) => {
      assert.equal((await emptyText(page)).trim(), 'The endpoint listed has no exemption or warning.');
    });
  });

  test('the grouped layout says why its counts add up to more than the endpoints listed', async () => {
    await withExemptions('layout=by-exemption&impact=cannot_patch', {}, async ({ page }) => {
      await page.locator('.pb-group').first().waitFor();
      const listed = Number((await page.locator('[data-row-count]').textContent()).split(' of ')[0].replaceAll(',', ''));
      const counts = (await page.locator('.pb-group summary .pb-numeric').allTextContents()).map((text) => Number(text.split(' ')[0].replaceAll(',', '')));
      const entries = counts.reduce((sum, count) => sum + count, 0);
      assert.ok(entries > listed, `the demo has Cannot patch endpoints with more than one reason (${entries} for ${listed})`);
      assert.equal(await page.locator('[data-ungrouped]').count(), 0, 'every Cannot patch endpoint has an exemption');
      assert.equal(
        (await page.locator('[data-overlap]').textContent()).trim(),
        `An endpoint with more than one exemption or warning is under each: the groups list ${grouped(entries)} entries for ${grouped(listed)} endpoints.`,
      );
    });
  });

  test('a link to an endpoint the fleet does not have says so', async () => {
    await withExemptions('endpoint=zzz', {}, async ({ page }) => {
      const notice = page.locator('.pb-page [role=status]', { hasText: 'The endpoint "zzz" is not in the fleet' });
      await notice.waitFor();
      await notice.getByRole('button', { name: 'Dismiss' }).click();
      await page.waitForURL((url) => !url.hash.includes('endpoint='));
    });
  });

  test('a link limited to a reason no endpoint reports says so, and shows every reason at a press', async () => {
    await withExemptions('reason=Quarantined%20by%20EDR', {}, async ({ page }) => {
      const notice = page.locator('.pb-page [role=status]', { hasText: 'No endpoint reports the reason "Quarantined by EDR", which this view lists only' });
      await notice.waitFor();
      await notice.getByRole('button', { name: 'Show every reason' }).click();
      await page.waitForURL((url) => !url.hash.includes('reason='));
      await page.locator('tr.pb-row').first().waitFor();
      assert.equal(await notice.count(), 0);
    });
  });

  test('the layout link (layout=by-exemption) opens the grouped view directly', async () => {
    await withExemptions('layout=by-exemption', {}, async ({ page }) => {
      await page.locator('[data-layout="by-exemption"] .pb-group').first().waitFor();
      assert.equal(await page.locator('tr.pb-row').count(), 0, 'no table in the grouped layout');
      assert.equal(await page.getByRole('button', { name: 'By exemption' }).getAttribute('aria-pressed'), 'true');
      await page.locator('[data-layout="by-exemption"] .pb-group summary').first().click();
      const markers = await page.$$eval('.pb-group ul.pb-chips > li', (items) =>
        items.filter((item) => getComputedStyle(item).listStyleType !== 'none').length,
      );
      assert.equal(markers, 0, 'the endpoint chips carry no list bullets');
    });
  });
});

describe('endpoint exemptions in light and dark', () => {
  for (const colorScheme of ['light', 'dark']) {
    test(`renders without problems and passes axe (${colorScheme})`, async () => {
      const lowDisk = endpoints.find((e) => fullestDrive(e) >= LOW_DISK_PERCENT) ?? endpoints[0];
      await withExemptions('', { colorScheme }, async ({ page }) => {
        await screenshot(page, `exemptions-${colorScheme}`);
        await assertAccessible(page, `exemptions page (${colorScheme})`);
        await panelOf(page, lowDisk.id);
        await screenshot(page, `exemptions-panel-${colorScheme}`);
        await assertAccessible(page, `exemptions page with the panel open (${colorScheme})`);
        await page.evaluate(() => {
          window.location.hash = '#/exemptions?layout=by-exemption';
        });
        await page.locator('[data-layout="by-exemption"] .pb-group').first().waitFor();
        await page.locator('[data-layout="by-exemption"] .pb-group summary').first().click();
        await screenshot(page, `exemptions-by-exemption-${colorScheme}`);
        await assertAccessible(page, `by-exemption layout (${colorScheme})`);
      });
    });
  }
});

/** "2026-11-20 04:00 UTC", as the app writes times. */
function formatUtc(ms) {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
