import { startBuiltApp } from './lib/server.mjs';
import { withPage, closeBrowser } from './lib/browser.mjs';
import { startFaultServer, nativeConfig } from './lib/fault-server.mjs';
const NOW = Date.now(); const MINUTE = 60_000;
const ep = (id, extra = {}) => ({ id, name: `host-${id}`, os: 'Windows Server 2022 Datacenter', connector: 'Connected', credentials_valid: true, power: 'Off', os_supported: true,
  maintenance: { name: 'Nightly', windows: [{ start: NOW - 60 * MINUTE, end: NOW + 60 * MINUTE }], last_window_ran_out: false }, powershell_major: 5, powershell_policy: 'RemoteSigned',
  readiness: { wsus_last_report: NOW - 60 * MINUTE }, pending_user_action: false, pending_reboot: false, drives: [{ name: 'C:', used_percent: 40 }], last_seen: NOW - 5 * MINUTE, ...extra });
const all = ['e1', 'e2', 'e3', 'e4'].map((id) => ep(id));
const app = await startBuiltApp();
const backend = await startFaultServer({ endpoints: all });
await withPage(`${app.url}#/exemptions?layout=by-exemption`, { config: { ...nativeConfig(backend.url) } }, async ({ page }) => {
  await page.locator('details.pb-group summary').first().waitFor({ timeout: 30_000 });
  await page.locator('details.pb-group summary').first().click();
  const active = () => page.evaluate(() => `${document.activeElement.tagName}.${document.activeElement.className} ${document.activeElement.textContent.slice(0, 40)}`);
  await page.locator('.pb-chip', { hasText: 'host-e3' }).focus();
  console.log('before', await active());
  backend.setData({ endpoints: all.filter((e) => e.id !== 'e1') });
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await page.locator('.pb-chip', { hasText: 'host-e1' }).waitFor({ state: 'detached' });
  await page.waitForTimeout(300);
  console.log('after other dropped (refresh clicked, so focus on the button):', await active());
  await page.locator('.pb-chip', { hasText: 'host-e3' }).focus();
  backend.setData({ endpoints: all.filter((e) => e.id !== 'e1' && e.id !== 'e2') });
  await page.getByRole('button', { name: 'Refresh now' }).dispatchEvent('click');
  await page.locator('.pb-chip', { hasText: 'host-e2' }).waitFor({ state: 'detached' });
  await page.waitForTimeout(300);
  console.log('after other dropped, dispatch:', await active());
  backend.setData({ endpoints: all.filter((e) => e.id === 'e4') });
  await page.getByRole('button', { name: 'Refresh now' }).dispatchEvent('click');
  await page.locator('.pb-chip', { hasText: 'host-e3' }).waitFor({ state: 'detached' });
  await page.waitForTimeout(300);
  console.log('after own dropped:', await active());
  await page.locator('details.pb-group summary').first().focus();
  backend.setData({ endpoints: [ep('e4', { power: 'On' })] });
  await page.getByRole('button', { name: 'Refresh now' }).dispatchEvent('click');
  await page.waitForTimeout(1000);
  console.log('after group gone:', await active(), await page.locator('details.pb-group').count());
});
await closeBrowser(); await backend.stop(); await app.stop();
