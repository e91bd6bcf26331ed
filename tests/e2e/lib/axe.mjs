// Accessibility checks with axe-core against WCAG 2.1 A and AA.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { settleAnimations } from './browser.mjs';
import { REPO_ROOT } from './server.mjs';

const AXE_SOURCE = join(REPO_ROOT, 'node_modules/axe-core/axe.min.js');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let axeSource = null;

/**
 * Runs axe on the page (or on the elements `include` selects) and returns its
 * violations; an empty array means the page passed.
 *
 * axe is evaluated through the DevTools protocol rather than added as a script
 * tag, so a strict Content-Security-Policy on the page does not block it.
 *
 * @param {import('playwright-core').Page} page
 * @param {object} [options]
 * @param {string} [options.include] CSS selector limiting the check
 * @returns {Promise<object[]>} axe violation objects
 */
export async function axeViolations(page, { include } = {}) {
  axeSource ??= await readFile(AXE_SOURCE, 'utf8');
  // Colours mid-fade (a panel sliding in) are not the page's: on a busy
  // machine axe would read them.
  await settleAnimations(page);
  await page.evaluate(axeSource);
  const results = await page.evaluate(
    ([context, tags]) => window.axe.run(context ?? document, { runOnly: { type: 'tag', values: tags } }),
    [include ?? null, WCAG_TAGS],
  );
  return results.violations;
}

/** One readable block per violation: rule, impact, help link and the offending elements. */
export function formatViolations(violations) {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map((node) => `    ${node.target.join(' ')}\n      ${node.failureSummary.replaceAll('\n', '\n      ')}`)
        .join('\n');
      return `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.helpUrl}\n${nodes}`;
    })
    .join('\n\n');
}

/** Fails, listing every violation, unless axe finds none on the page. */
export async function assertAccessible(page, where) {
  const violations = await axeViolations(page);
  if (violations.length > 0) {
    throw new Error(`axe: ${violations.length} WCAG 2.1 AA violation(s) on ${where}:\n${formatViolations(violations)}`);
  }
}
