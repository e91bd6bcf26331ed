// The Reference page lists every phase and status of docs/statuses.md and every
// exemption and warning of docs/exemptions.md; an unknown route shows the
// not-found page.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertNoProblems, closeBrowser, openPage, screenshot } from './lib/browser.mjs';
import { exemptionCatalogue, phaseCatalogue, statusCatalogue, statusDescriptions, warningCatalogue } from './lib/data.mjs';
import { startBuiltApp } from './lib/server.mjs';

const LOAD_TIMEOUT = 30_000;

const PHASE_LABELS = {
  succeeded: 'Succeeded',
  failed: 'Failed',
  canceled: 'Canceled',
  skipped: 'Skipped',
  'not-applicable': 'Not applicable',
  running: 'Running',
  waiting: 'Waiting',
  queued: 'Queued',
  unknown: 'Unknown',
};
const APPLIES = { Y: 'yes', N: 'no', '—': 'not stated' };
const IMPACT_LABELS = { cannot_patch: 'Cannot patch', temporarily_cannot_patch: 'Temporarily cannot patch' };

let server;

before(async () => {
  server = await startBuiltApp();
});

after(async () => {
  await closeBrowser();
  await server?.stop();
});


async function withPage(hash, options, body) {
  const session = await openPage(`${server.url}${hash}`, options);
  try {
    await session.page.locator('h1').first().waitFor({ timeout: LOAD_TIMEOUT });
    await body(session);
    // Let the data source settle (the config.json probe) before judging the console.
    await session.page.waitForLoadState('networkidle');
    assertNoProblems(session);
  } finally {
    await session.close();
  }
}

/** Cell texts of the rows `selector` selects, without aria-hidden icon glyphs. */
function rowTexts(page, selector) {
  return page.evaluate((selector) => {
    const text = (element) => {
      const copy = element.cloneNode(true);
      copy.querySelectorAll('[aria-hidden="true"]').forEach((icon) => icon.remove());
      return copy.textContent.replace(/\s+/g, ' ').trim();
    };
    return [...document.querySelectorAll(selector)].map((row) => ({
      key: row.dataset.phase ?? row.dataset.status ?? row.dataset.exemption ?? row.dataset.warning,
      cells: [...row.children].map(text),
      steps: [...row.querySelectorAll('.pb-steps li')].map(text),
      ourAddition: row.querySelector('[data-our-addition]')?.textContent.trim() ?? null,
    }));
  }, selector);
}

describe('reference page', () => {
  test('defines the figures a label alone does not explain, the two impacts and how they roll up', async () => {
    await withPage('#/reference', {}, async ({ page }) => {
      const terms = await page.$$eval('.pb-terms dt', (dts) => dts.map((dt) => [dt.textContent.trim(), dt.nextElementSibling?.textContent.trim() ?? '']));
      assert.deepEqual(
        terms.map(([term]) => term),
        [
          'Complete',
          'Success rate',
          'Not run',
          'In progress',
          'Stuck',
          'Status not valid for OS',
          'State',
          'Superseded',
          'Patchable',
          'Cannot patch',
          'Temporarily cannot patch',
          "An endpoint's impact",
          'With warnings',
        ],
      );
      for (const [term, meaning] of terms) assert.ok(meaning.length > 30, `${term} is defined: ${meaning}`);
      const meaningOf = new Map(terms);
      assert.match(meaningOf.get('Success rate'), /succeeded or failed/);
      assert.match(meaningOf.get('Not run'), /Canceled, Skipped or Not applicable/);
      assert.match(meaningOf.get('In progress'), /Running, Waiting or Queued/);
      assert.match(meaningOf.get('With warnings'), /whatever their impact/);
      assert.match(meaningOf.get('State'), /code 2031/);
      assert.match(meaningOf.get("An endpoint's impact"), /any Cannot patch makes it Cannot patch, else any Temporarily cannot patch makes it that, else it is Patchable/);
    });
  });

  test('lists every phase of docs/statuses.md, whether it is final, what it means, what to do; and the stuck rule', async () => {
    const phases = phaseCatalogue();
    assert.equal(phases.length, 9, 'docs/statuses.md lists 9 phases (parser check)');
    await withPage('#/reference', {}, async ({ page }) => {
      const rows = await rowTexts(page, 'tr[data-phase]');
      assert.deepEqual(
        rows.map(({ key, cells: [label, final, meaning] }) => ({ token: key, label, final, meaning })),
        phases.map(({ token, label, final, meaning }) => ({ token, label, final, meaning })),
        'the same phases, in the same order, with the same words',
      );
      for (const row of rows) assert.ok(row.cells[3].length > 20, `${row.key} says what to do`);
      const rule = (await page.locator('[data-stuck-rule]').textContent()).trim();
      assert.match(rule, /stuck when it is not final and its status has not changed for over 4\u00a0h; one not started yet \(Queued\) is timed from its run's start/);
      assert.match(rule, /stalled when assets remain unfinished and none has changed status for 30 minutes; a run's start counts as a change, and a run picked from the Run list that a later run has followed is over, never stalled\./);
    });
  });

  test('lists every status of docs/statuses.md with its phase and OS applicability', async () => {
    const statuses = statusCatalogue();
    assert.equal(statuses.length, 19, 'docs/statuses.md lists 19 statuses (parser check)');
    const descriptions = statusDescriptions();
    await withPage('#/reference', {}, async ({ page }) => {
      await page.getByRole('heading', { level: 1, name: 'Reference' }).waitFor();
      const rows = await rowTexts(page, 'tr[data-status]');
      assert.equal(rows.length, statuses.length, 'one row per status');
      assert.deepEqual(
        rows.map((row) => row.key),
        statuses.map((status) => status.token),
        'in the catalogue order',
      );
      for (const status of statuses) {
        const row = rows.find((r) => r.key === status.token);
        const [code, state, name, phase, meaning, windows, linux, mac] = row.cells;
        assert.deepEqual(
          { code, state, name, phase, windows, linux, mac },
          {
            code: String(status.code),
            state: String(status.state),
            name: status.name,
            phase: PHASE_LABELS[status.phase],
            windows: APPLIES[status.applies.windows],
            linux: APPLIES[status.applies.linux],
            mac: APPLIES[status.applies.mac],
          },
          `the row of ${status.token}`,
        );
        assert.equal(meaning, descriptions.get(status.token), `the meaning of ${status.name}`);
      }
    });
  });

  test('lists every exemption of docs/exemptions.md with its impact and fix, and the warning', async () => {
    // Where the docs mark text as Patchboard's, the page says so under the
    // steps, so an operator can tell JetPatch's guidance from ours.
    const marksOurs = (row, entry) => {
      if (entry.ours) {
        assert.match(row.ourAddition ?? '', /^JetPatch .*Patchboard's\.$/, `${entry.name} says what is Patchboard's`);
      } else {
        assert.equal(row.ourAddition, null, `${entry.name} is JetPatch's own, unmarked`);
      }
    };
    const exemptions = exemptionCatalogue();
    const warnings = warningCatalogue();
    assert.equal(exemptions.length, 26, 'docs/exemptions.md lists 26 exemptions (parser check)');
    await withPage('#/reference', {}, async ({ page }) => {
      const rows = await rowTexts(page, 'tr[data-exemption]');
      assert.equal(rows.length, exemptions.length, 'one row per exemption');
      assert.deepEqual(new Set(rows.map((row) => row.key)), new Set(exemptions.map((e) => e.name)), 'the same exemptions');
      for (const exemption of exemptions) {
        const row = rows.find((r) => r.key === exemption.name);
        assert.equal(row.cells[0], exemption.name);
        assert.equal(row.cells[1], IMPACT_LABELS[exemption.impact], `the impact of ${exemption.name}`);
        assert.ok(row.cells[2].length > 0, `${exemption.name} has a meaning`);
        assert.ok(row.steps.length > 0, `${exemption.name} has fix steps`);
        marksOurs(row, exemption);
      }
      const warningRows = await rowTexts(page, 'tr[data-warning]');
      assert.equal(warningRows.length, warnings.length, 'one row per warning');
      const lowDisk = warningRows.find((row) => row.key === 'low-disk-space');
      assert.ok(lowDisk, 'the Low Disk Space warning is listed');
      assert.equal(lowDisk.cells[0], warnings[0].name);
      assert.equal(lowDisk.cells[1], 'Warning');
      assert.ok(lowDisk.steps.length > 0, 'the warning has fix steps');
      marksOurs(lowDisk, warnings[0]);
    });
  });

  test('a link naming a code alone marks each of its states, and an unknown one marks none and says so', async () => {
    const states = statusCatalogue().filter((entry) => entry.code === 2031).map((entry) => entry.token);
    assert.ok(states.length > 1, 'code 2031 has several states');
    await withPage('#/reference?status=2031', {}, async ({ page }) => {
      const marked = page.locator('.pb-reference-table tr[aria-current="true"]');
      await marked.first().waitFor({ timeout: LOAD_TIMEOUT });
      assert.deepEqual(await marked.evaluateAll((rows) => rows.map((row) => row.dataset.status)), states);
      assert.equal(await page.locator('.pb-banner').count(), 0);
    });
    await withPage('#/reference?status=9999', {}, async ({ page }) => {
      await page.locator('tr[data-status]').first().waitFor({ timeout: LOAD_TIMEOUT });
      assert.equal(await page.locator('tr[aria-current]').count(), 0);
      assert.equal(
        (await page.locator('.pb-page .pb-banner').textContent()).trim(),
        'ℹThe link asks for status "9999", which the catalogue does not list: every status it lists is below.',
      );
      assert.equal(await page.evaluate(() => document.activeElement.tagName), 'BODY', 'the page opens at its top, as without a link');
    });
  });

  test('a catalogue is a Tab stop only while it scrolls sideways', async () => {
    const tabStops = (page) =>
      page.$$eval('.pb-reference-scroll', (regions) =>
        regions.map((region) => ({
          name: region.getAttribute('aria-labelledby'),
          scrolls: region.scrollWidth > region.clientWidth,
          tabStop: region.tabIndex === 0 && region.hasAttribute('tabindex'),
        })),
      );
    await withPage('#/reference', {}, async ({ page }) => {
      await page.locator('tr[data-status]').first().waitFor({ timeout: LOAD_TIMEOUT });
      const wide = await tabStops(page);
      assert.equal(wide.length, 3);
      assert.deepEqual(wide.filter((region) => region.scrolls || region.tabStop), [], 'at 1280 px none scrolls, none is a Tab stop');
      await page.setViewportSize({ width: 390, height: 800 });
      await page.waitForFunction(() => document.querySelector('.pb-reference-scroll[aria-labelledby="statuses"]')?.tabIndex === 0);
      const narrow = await tabStops(page);
      assert.ok(narrow.some((region) => region.scrolls), 'at 390 px a table scrolls');
      for (const region of narrow) assert.equal(region.tabStop, region.scrolls, `${region.name}: a Tab stop exactly when it scrolls`);
    });
  });

  test("a row's name is set like its row's text, not like a column heading", async () => {
    await withPage('#/reference', {}, async ({ page }) => {
      await page.getByRole('heading', { level: 1, name: 'Reference' }).waitFor();
      const mismatched = await page.$$eval('.pb-reference-table tbody tr', (rows) =>
        rows
          .map((row) => {
            const [name, meaning] = [row.querySelector('th'), row.querySelector('td:nth-of-type(2)')].map((cell) =>
              getComputedStyle(cell),
            );
            const look = (style) => `${style.fontSize} ${style.color} ${style.backgroundColor}`;
            return { row: row.querySelector('th').textContent, name: look(name), meaning: look(meaning) };
          })
          .filter(({ name, meaning }) => name !== meaning),
      );
      assert.deepEqual(mismatched, []);
    });
  });
});

describe('not-found page', () => {
  test('an unknown route says so and links to every page', async () => {
    await withPage('#/nope', {}, async ({ page }) => {
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      assert.equal((await page.locator('.pb-page code').textContent()).trim(), '/nope', 'names the path');
      const links = await page.locator('.pb-page a').evaluateAll((as) => as.map((a) => new URL(a.href).hash));
      assert.deepEqual(links, ['#/jobs', '#/exemptions', '#/reference']);
      await page.getByRole('link', { name: 'Go to the job list' }).click();
      await page.waitForURL((url) => url.hash === '#/jobs' || url.hash === '#/' || url.hash === '');
      await page.getByRole('heading', { level: 1, name: 'Deployment jobs' }).waitFor();
    });
  });

  test('a job route with extra segments is not found either', async () => {
    await withPage('#/jobs/job-patch-tuesday/extra', {}, async ({ page }) => {
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    });
  });
});

describe('reference and not-found in light and dark', () => {
  for (const colorScheme of ['light', 'dark']) {
    test(`render without problems (${colorScheme})`, async () => {
      await withPage('#/reference', { colorScheme }, async ({ page }) => {
        await page.locator('tr[data-status]').first().waitFor();
        await screenshot(page, `reference-${colorScheme}`);
      });
      await withPage('#/nope', { colorScheme }, async ({ page }) => {
        await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
        await screenshot(page, `not-found-${colorScheme}`);
      });
    });
  }
});
