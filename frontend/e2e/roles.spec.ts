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
    [
      'Il mio lavoro',
      'Persone',
      'Progetti',
      'Agenda',
      'Valutazioni',
      'Dimissioni protette',
      'Indicatori',
      'Accordi',
      'Incontri',
      /^Notifiche/,
    ],
  ],
  ['the hospital ward', 'reparto@ponte.demo', ['Il mio lavoro', 'Dimissioni protette', 'Accordi', 'Incontri', /^Notifiche/]],
  [
    'the administrator',
    DEMO_ADMIN.email,
    ['Il mio lavoro', 'Indicatori', 'Accordi', 'Incontri', 'Nomenclatore', /^Notifiche/, 'Amministrazione'],
  ],
  ['the planning office', 'ufficio.piano@ponte.demo', ['Il mio lavoro', 'Indicatori', 'Accordi', 'Incontri', 'Nomenclatore', /^Notifiche/]],
  ['the DPO (auditor)', 'dpo@ponte.demo', ['Il mio lavoro', 'Accordi', 'Incontri', /^Notifiche/]],
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

test('roles: Valutazioni lists the drafts to sign and the assessments scheduled for discharges', async ({ page }) => {
  // The geriatra took part in the demo's UVM drafts.
  await page.goto('/accesso');
  await signIn(page, 'geriatra@ponte.demo', PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio lavoro' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Valutazioni' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Valutazioni' })).toBeVisible();
  const toSign = page.getByTestId('da-firmare');
  await expect(toSign.getByRole('heading', { level: 2, name: /^Da firmare/ })).toBeVisible();
  await expect(toSign.getByTestId('riga-da-firmare').first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Indice di Barthel (ADL)' })).toHaveCount(0);
  await checkScreen(page, '05-valutazioni-geriatra');
  // A draft opens on its own page, where it is signed.
  await toSign.getByTestId('riga-da-firmare').first().getByRole('link').click();
  await expect(page).toHaveURL(/\/valutazioni\/[0-9a-f-]+$/);
  await signOut(page);

  // The PUA receives the demo's protected discharges: its social worker sees
  // the UVM assessments scheduled for them, and the drafts she took part in.
  await page.goto('/accesso');
  await signIn(page, 'assistente.sociale@ponte.demo', PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio lavoro' })).toBeVisible();
  await page.goto('/valutazioni');
  const scheduled = page.getByTestId('programmate');
  await expect(scheduled.getByRole('heading', { level: 2, name: /^Programmate/ })).toBeVisible();
  await expect(scheduled.getByTestId('riga-programmata').first()).toBeVisible();
  await expect(page.getByTestId('da-firmare').getByTestId('riga-da-firmare').first()).toBeVisible();
  await checkScreen(page, '05-valutazioni-assistente-sociale');
  // The instruments stay one link away.
  await page.getByRole('link', { name: 'Strumenti di valutazione' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Indice di Barthel (ADL)' })).toBeVisible();
  await signOut(page);
});
