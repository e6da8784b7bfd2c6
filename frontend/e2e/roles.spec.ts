/**
 * Menus shaped by role (issue 16, point 13): each demo user signs in and
 * the main navigation offers exactly the screens their role can use; the
 * geriatra's Valutazioni shows the drafts to sign and the scheduled
 * assessments instead of the list of instruments.
 */
import { checkScreen, DEMO_ADMIN, expect, signIn, signOut, test } from './fixtures';

const PASSWORD = DEMO_ADMIN.password;

const NAV: Array<[string, string, Array<string | RegExp>]> = [
  [
    'the social worker',
    'assistente.sociale@ponte.demo',
    ['Il mio lavoro', 'Persone', 'Progetti', 'Valutazioni', 'Dimissioni protette', 'Indicatori', /^Notifiche/],
  ],
  ['the hospital ward', 'reparto@ponte.demo', ['Il mio lavoro', 'Dimissioni protette', /^Notifiche/]],
  ['the administrator', DEMO_ADMIN.email, ['Il mio lavoro', 'Indicatori', /^Notifiche/, 'Amministrazione']],
  ['the planning office', 'ufficio.piano@ponte.demo', ['Il mio lavoro', 'Indicatori', /^Notifiche/]],
  ['the DPO (auditor)', 'dpo@ponte.demo', ['Il mio lavoro', /^Notifiche/]],
];

for (const [who, email, entries] of NAV) {
  test(`roles: ${who} is offered only the screens they can use`, async ({ page }) => {
    await page.goto('/accesso');
    await signIn(page, email, PASSWORD);
    await expect(page.getByRole('heading', { level: 1, name: 'Il mio lavoro' })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Navigazione principale' });
    await expect(nav.getByRole('link')).toHaveText(entries);
    await signOut(page);
  });
}

test('roles: the geriatra’s Valutazioni lists the drafts to sign and the scheduled assessments', async ({ page }) => {
  await page.goto('/accesso');
  await signIn(page, 'geriatra@ponte.demo', PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio lavoro' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Valutazioni' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Valutazioni' })).toBeVisible();
  // The demo keeps some of the geriatra's UVM assessments as drafts.
  const toSign = page.getByTestId('da-firmare');
  await expect(toSign.getByRole('heading', { level: 2, name: /^Da firmare/ })).toBeVisible();
  await expect(toSign.getByTestId('riga-da-firmare').first()).toBeVisible();
  const scheduled = page.getByTestId('programmate');
  await expect(scheduled.getByRole('heading', { level: 2, name: /^Programmate/ })).toBeVisible();
  await expect(scheduled.getByTestId('riga-programmata').first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Indice di Barthel (ADL)' })).toHaveCount(0);
  await checkScreen(page, '05-valutazioni-geriatra');
  // A draft opens on its own page, where it is signed.
  await toSign.getByTestId('riga-da-firmare').first().getByRole('link').click();
  await expect(page).toHaveURL(/\/valutazioni\/[0-9a-f-]+$/);
  // The instruments stay one link away.
  await page.goto('/valutazioni');
  await page.getByRole('link', { name: 'Strumenti di valutazione' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Indice di Barthel (ADL)' })).toBeVisible();
  await signOut(page);
});
