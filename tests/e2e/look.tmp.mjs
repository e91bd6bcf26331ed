import { startServer } from './lib/server.mjs';
import { openPage, closeBrowser } from './lib/browser.mjs';
import { DIST_DIR } from './lib/server.mjs';
const server = await startServer({ root: DIST_DIR });
const shots = [
  ['jobs-1366', '#/jobs', 1366, 800],
  ['job-1366', '#/jobs/job-patch-tuesday', 1366, 800],
  ['ex-1366', '#/exemptions', 1366, 800],
];
for (const [name, hash, w, h] of shots) {
  const { page, close } = await openPage(`${server.url}${hash}`, { viewport: { width: w, height: h } });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/look-${name}.png` });
  if (name !== 'jobs-1366') {
    await page.locator('tbody tr').nth(2).click();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `/tmp/look-${name}-panel.png` });
  }
  await close();
}
await server.close?.();
await closeBrowser();
process.exit(0);
