/**
 * An idle session on a Ponte of its own with a one-minute idle timeout (the
 * server guarantees 45 s after a request; the SPA warns 11 s before): the
 * warning and "Resta collegato"; the end, with half a "Nuova persona" still
 * on the page after signing in again in the dialog over it, also when the
 * server refuses "Registra" because the session is gone.
 */
import type { Page } from '@playwright/test';
import { encodeFiscalCode } from '../src/domain/fiscalCode';
import { expect, signIn, signInInTheDialog, test as base, trackGraphqlRequests } from './fixtures';
import { startPonte, type RunningPonte } from './global-setup';

const SOCIAL_WORKER = { email: 'assistente.sociale@ponte.demo', password: 'ponte-demo-2026' };
const PUA = 'PUA Casa di Comunità di Breno (Punto unico di accesso (PUA))';

const test = base.extend<object, { shortSession: RunningPonte }>({
  shortSession: [
    async ({}, use) => {
      const ponte = await startPonte({ PONTE_SESSION_IDLE_MINUTES: '1' }, 'ponte-server-short-session');
      await use(ponte);
      await ponte.stop();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ shortSession }, use) => use(shortSession.baseUrl),
});

const person = { familyName: 'Tempesti', givenName: 'Rosalba', birthDate: '1950-06-02', sex: 'F' as const, placeCode: 'B149' };
const fiscalCode = encodeFiscalCode(person);

async function expectTheFormAsTyped(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: 'Nuova persona' })).toBeVisible();
  await expect(page.getByLabel('Cognome')).toHaveValue(person.familyName);
  await expect(page.getByLabel('Nome', { exact: true })).toHaveValue(person.givenName);
  await expect(page.getByLabel('Codice fiscale', { exact: true })).toHaveValue(fiscalCode);
  await expect(page.getByLabel('Data di nascita')).toHaveValue(person.birthDate);
}

test('the warning before an idle session ends, and "Resta collegato" keeps it', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await signIn(page, SOCIAL_WORKER.email, SOCIAL_WORKER.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio lavoro' })).toBeVisible();
  const signedInAt = Date.now();

  const warning = page.getByRole('alertdialog', { name: 'La sessione sta per scadere' });
  await expect(warning).toBeVisible({ timeout: 45_000 });
  await expect(warning.getByRole('button', { name: 'Resta collegato' })).toBeFocused();
  await warning.getByRole('button', { name: 'Resta collegato' }).click();
  await expect(warning).toBeHidden();

  // Past the end the first countdown had (45 s after the last answer), still signed in.
  await page.waitForTimeout(Math.max(0, signedInAt + 55_000 - Date.now()));
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Persone' }).click();
  await expect(page.getByTestId('riga-persona').first()).toBeVisible();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
});

test('after the session ends, signing in again in a dialog keeps half a "Nuova persona", which is then recorded', async ({
  page,
  context,
}) => {
  test.setTimeout(150_000);
  const graphql = trackGraphqlRequests(page);
  await page.goto('/');
  await signIn(page, SOCIAL_WORKER.email, SOCIAL_WORKER.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio lavoro' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Persone' }).click();
  await page.getByRole('link', { name: 'Nuova persona' }).click();
  await page.getByLabel('Cognome').fill(person.familyName);
  await page.getByLabel('Nome', { exact: true }).fill(person.givenName);
  await page.getByLabel('Codice fiscale', { exact: true }).fill(fiscalCode);
  await page.getByLabel('Data di nascita').fill(person.birthDate);

  // Idle: the warning, then the end; the SPA ends the session and asks to sign in over the page.
  await expect(page.getByRole('alertdialog', { name: 'La sessione sta per scadere' })).toBeVisible({ timeout: 45_000 });
  await expect(page.getByRole('alertdialog', { name: 'La sessione è scaduta' })).toBeVisible({ timeout: 30_000 });
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain(person.familyName);
  await signInInTheDialog(page, SOCIAL_WORKER.email, SOCIAL_WORKER.password);
  await expectTheFormAsTyped(page);

  // The session ends on the server without the SPA knowing (here: the cookie
  // goes): "Registra" is refused, the same dialog asks, the form stays.
  await page.getByLabel('Sesso (come nel codice fiscale)').selectOption('F');
  await page.getByLabel('Équipe che prende in carico la persona').selectOption({ label: PUA });
  await expect.poll(() => graphql.inFlight()).toBe(0);
  await context.clearCookies();
  await page.getByRole('button', { name: 'Registra persona' }).click();
  await signInInTheDialog(page, SOCIAL_WORKER.email, SOCIAL_WORKER.password);
  await expectTheFormAsTyped(page);
  await expect(page.getByLabel('Équipe che prende in carico la persona')).toHaveValue(/.+/);

  // The refused "Registra" is pressed again (see README): the person is recorded.
  await page.getByRole('button', { name: 'Registra persona' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${person.givenName} ${person.familyName}` })).toBeVisible();
  await expect(page.getByText('Persona registrata')).toBeVisible();
});
