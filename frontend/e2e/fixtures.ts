import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { artifacts } from './global-setup';

export const DEMO_ADMIN = { email: 'admin@ponte.demo', password: 'ponte-demo-2026' };

export const test = base.extend({
  // Set by the global setup once the server is up.
  baseURL: async ({}, use) => {
    const url = process.env.PONTE_E2E_BASE_URL;
    if (!url) throw new Error('PONTE_E2E_BASE_URL is not set: the global setup did not start Ponte');
    await use(url);
  },
});
export { expect };

/**
 * Saves a full-page screenshot as e2e-artifacts/<name>.png and runs axe-core
 * (WCAG 2.0/2.1 A and AA rules) on the page, or only on the parts matching
 * `include`: no serious or critical violation.
 */
export async function checkScreen(page: Page, name: string, include?: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
  const axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const results = await (include ? axe.include(include) : axe).analyze();
  const grave = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = grave
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.failureSummary}`).join('\n')}`)
    .join('\n');
  expect(grave, `axe on ${name}:\n${report}`).toEqual([]);
}

export async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Accedi' }).click();
}

/** Signs in again in the dialog over the page that shows when the session has ended. */
export async function signInInTheDialog(page: Page, email: string, password: string) {
  const dialog = page.getByRole('alertdialog', { name: 'La sessione è scaduta' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('Password', { exact: true }).fill(password);
  await dialog.getByRole('button', { name: 'Accedi' }).click();
  await expect(dialog).toBeHidden();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Esci' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accedi a Ponte' })).toBeVisible();
  await expect(page).toHaveURL(/\/accesso$/);
}

/**
 * Counts the page's GraphQL requests still waiting for an answer. Every
 * answer renews the session cookie (idle timeout), so a test that drops the
 * cookie must first wait for quiet: a late answer would bring the cookie back.
 */
export function trackGraphqlRequests(page: Page): { inFlight: () => number } {
  const pending = new Set<object>();
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/graphql') pending.add(request);
  });
  const settle = (request: object) => pending.delete(request);
  page.on('requestfinished', settle);
  page.on('requestfailed', settle);
  return { inFlight: () => pending.size };
}
