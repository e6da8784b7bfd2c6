/**
 * Corrections from the app (issue 16 point 4): a budget use recorded wrong
 * (1.000 € for 100 €) is reversed with its reason, never deleted, and the
 * right one recorded; the totals and the project's history say so. An
 * administrator resets a forgotten password to a temporary one, shown once;
 * its owner must choose their own at the next sign-in, from "Cambia password".
 * A person registered with a wrong birth date (and the codice fiscale typed
 * to match it) is corrected from "Modifica dati", confirmed as the formal
 * act it is.
 */
import type { Page } from '@playwright/test';
import { encodeFiscalCode } from '../src/domain/fiscalCode';
import { formatDate, todayIso } from '../src/i18n/format';
import { checkScreen, DEMO_ADMIN, expect, signIn, signOut, test } from './fixtures';

const PASSWORD = 'ponte-demo-2026';
const SOCIAL_WORKER = 'assistente.sociale@ponte.demo';
const SOCIAL_WORKER_NAME = 'Chiara Bonetti';
const PATTO = "Patto per l'inclusione sociale";
const OSS = { email: 'oss@ponte.demo', name: 'Rosa Pedersoli' };

test.describe.configure({ mode: 'serial' });

async function openProjectSection(page: Page, name: string) {
  const sections = page.getByRole('navigation', { name: 'Sezioni del progetto' });
  await sections.getByRole('link', { name, exact: true }).click();
  await expect(sections.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
}

async function recordUse(page: Page, description: string, quantity: string) {
  const form = page.getByRole('form', { name: 'Registra un utilizzo' });
  await form.getByLabel('Risorsa').selectOption({ label: `${description} – Famiglia (euro)` });
  await form.getByLabel(/^Quantità utilizzata/).fill(quantity);
  await form.getByRole('button', { name: 'Registra utilizzo' }).click();
  await expect(form.getByText(`Utilizzo registrato per «${description}».`)).toBeVisible();
}

test('a budget use recorded wrong is reversed with its reason, and the right one recorded', async ({ page }) => {
  const today = formatDate(todayIso());
  const description = 'Contributo per l’affitto';
  await page.goto('/');
  await signIn(page, SOCIAL_WORKER, PASSWORD);
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Progetti' }).click();
  await page.getByTestId('riga-progetto').getByRole('link', { name: PATTO }).click();
  await expect(page.getByRole('heading', { level: 1, name: PATTO })).toBeVisible();
  await openProjectSection(page, 'Budget di Salute');

  const resourceForm = page.getByRole('form', { name: 'Aggiungi una risorsa' });
  await resourceForm.getByLabel('Area di vita').selectOption('HOUSING');
  await resourceForm.getByLabel('Tipo di risorsa').selectOption('ECONOMIC');
  await resourceForm.getByLabel('Chi la mette a disposizione').selectOption('FAMILY');
  await resourceForm.getByLabel('Fonte di finanziamento').selectOption('PRIVATO');
  await resourceForm.getByLabel('Descrizione').fill(description);
  await resourceForm.getByLabel('Quantità prevista').fill('2400');
  await resourceForm.getByRole('button', { name: 'Aggiungi risorsa' }).click();
  await expect(resourceForm.getByText(`Risorsa aggiunta: ${description}.`)).toBeVisible();
  const line = page.getByTestId('riga-risorsa').filter({ hasText: description });

  // 1.000 € typed for 100 €.
  await recordUse(page, description, '1.000,00');
  await expect(line.getByRole('cell').nth(4)).toHaveText(/1\.000,00 €/);

  await line.getByText('1 utilizzo').click();
  await line.getByRole('button', { name: `Storna l'utilizzo di 1.000,00 € del ${today}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Storna un utilizzo registrato per errore' });
  await expect(dialog).toContainText(`Sarà registrato uno storno di 1.000,00 € del ${today} per «${description}»`);
  // No reason: refused at the field.
  await dialog.getByRole('button', { name: 'Conferma lo storno' }).click();
  await expect(dialog.getByLabel('Motivo dello storno')).toHaveAttribute('aria-invalid', 'true');
  await checkScreen(page, '50-storno-utilizzo', '.ponte-dialog');
  await dialog.getByLabel('Motivo dello storno').fill('Importo digitato male: erano 100 €');
  await dialog.getByRole('button', { name: 'Conferma lo storno' }).click();
  await expect(dialog).toBeHidden();
  await expect(line.getByText('Utilizzo stornato: ora registra quello corretto.')).toBeVisible();
  await expect(line.getByRole('cell').nth(4)).toHaveText(/^0,00 €/);
  // The wrong use stays, reversed; neither it nor the reversal can be reversed again.
  const uses = line.getByTestId('utilizzo');
  await expect(uses).toHaveCount(2);
  await expect(uses.nth(0)).toContainText('stornato: Importo digitato male: erano 100 €');
  await expect(uses.nth(1)).toContainText(`${today}: -1.000,00 € – storno`);
  await expect(line.getByRole('button', { name: /^Storna l'utilizzo/ })).toHaveCount(0);

  // The right use.
  await recordUse(page, description, '100');
  await expect(line.getByRole('cell').nth(4)).toHaveText(/^100,00 €/);
  await expect(line.getByRole('cell').nth(5)).toHaveText('2.300,00 €');
  await checkScreen(page, '51-budget-corretto');

  // The history: who reversed what, when and why.
  await openProjectSection(page, 'Storia');
  const reversal = page
    .getByTestId('storia-progetto')
    .getByRole('listitem')
    .filter({ hasText: `Uso del budget stornato: 1.000,00 € del ${today} — Importo digitato male: erano 100 €` });
  await expect(reversal).toHaveCount(1);
  await expect(reversal).toContainText(SOCIAL_WORKER_NAME);
  await expect(reversal).toContainText(today);
});

test('the administrator resets a forgotten password; its owner chooses a new one at the next sign-in', async ({ page }) => {
  await page.goto('/amministrazione');
  await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await page.getByLabel('Cerca per nome o email').fill(OSS.email);
  await page.getByRole('button', { name: 'Cerca', exact: true }).click();
  await expect(page.getByTestId('riga-utente')).toHaveCount(1);
  await page.getByRole('button', { name: `Reimposta password di ${OSS.name}` }).click();
  const ask = page.getByRole('alertdialog', { name: `Reimpostare la password di ${OSS.name}?` });
  await ask.getByRole('button', { name: 'Reimposta la password' }).click();
  const shown = page.getByRole('dialog', { name: 'Password temporanea' });
  const temporary = (await shown.getByTestId('password-temporanea').innerText()).trim();
  expect(temporary).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/);
  await checkScreen(page, '52-password-temporanea', '.ponte-dialog');
  await shown.getByRole('button', { name: 'Ho comunicato la password' }).click();
  await expect(page.getByText(temporary)).toHaveCount(0);
  await signOut(page);

  // The temporary password signs in, to "Cambia password" only.
  await signIn(page, OSS.email, temporary);
  await expect(page.getByRole('heading', { level: 1, name: 'Cambia password' })).toBeVisible();
  await expect(page.getByTestId('password-temporanea')).toContainText('password temporanea');
  const form = page.getByRole('form', { name: 'Cambia password' });
  await form.getByLabel('Password attuale').fill(temporary);
  await form.getByLabel('Nuova password', { exact: true }).fill('corta');
  await form.getByLabel('Ripeti la nuova password').fill('corta');
  await form.getByRole('button', { name: 'Cambia password' }).click();
  await expect(form.getByLabel('Nuova password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await checkScreen(page, '53-cambia-password');
  await form.getByLabel('Nuova password', { exact: true }).fill('la mia password nuova');
  await form.getByLabel('Ripeti la nuova password').fill('la mia password nuova');
  await form.getByRole('button', { name: 'Cambia password' }).click();
  // The work the user came for is there again.
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio lavoro' })).toBeVisible();
  await signOut(page);

  await signIn(page, OSS.email, temporary);
  await expect(page.getByText('Email o password non corretti')).toBeVisible();
  await signIn(page, OSS.email, 'la mia password nuova');
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio lavoro' })).toBeVisible();

  // Later, from the user menu, as anyone would.
  await page.getByRole('link', { name: 'Cambia password' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cambia password' })).toBeVisible();
  await expect(page.getByTestId('password-temporanea')).toHaveCount(0);
});

test('a birth date registered wrong is corrected with its codice fiscale, after a summary of the change', async ({ page }) => {
  // A fictional person; the codice fiscale is computed like the server does.
  const born = { familyName: 'Zanardini', givenName: 'Ercole', sex: 'M' as const, placeCode: 'B149' };
  const wrongCode = encodeFiscalCode({ ...born, birthDate: '1948-09-02' });
  const rightCode = encodeFiscalCode({ ...born, birthDate: '1938-09-02' });
  await page.goto('/persone/nuova');
  await signIn(page, SOCIAL_WORKER, PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Nuova persona' })).toBeVisible();
  await page.getByLabel('Cognome').fill(born.familyName);
  await page.getByLabel('Nome', { exact: true }).fill(born.givenName);
  await page.getByLabel('Codice fiscale', { exact: true }).fill(wrongCode);
  await page.getByLabel('Data di nascita').fill('1948-09-02');
  await page.getByLabel('Sesso (come nel codice fiscale)').selectOption('M');
  await page
    .getByLabel('Équipe che prende in carico la persona')
    .selectOption({ label: 'PUA Casa di Comunità di Breno (Punto unico di accesso (PUA))' });
  await page.getByRole('button', { name: 'Registra persona' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ercole Zanardini' })).toBeVisible();
  await expect(page.getByTestId('identita')).toContainText('02/09/1948');

  // On a phone, as at a desk.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'Modifica dati' }).click();
  const dialog = page.getByRole('dialog', { name: 'Modifica i dati della persona' });
  await expect(dialog.getByLabel('Codice fiscale', { exact: true })).toHaveValue(wrongCode);
  await dialog.getByLabel('Data di nascita').fill('1938-09-02');
  // The same check as "Nuova persona": the date no longer agrees with the code.
  await expect(dialog.getByText('La data di nascita non corrisponde a quella del codice fiscale (02/09/1948).')).toBeVisible();
  await dialog.getByLabel('Codice fiscale', { exact: true }).fill(rightCode);
  await expect(dialog.getByText('Codice fiscale valido: nascita il 02/09/1938, sesso maschio.')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await dialog.evaluate((box) => box.scrollWidth - box.clientWidth)).toBeLessThanOrEqual(0);
  await checkScreen(page, '54-correzione-identita', '.ponte-dialog');
  await dialog.getByRole('button', { name: 'Salva le modifiche' }).click();

  // A formal act: what changes is listed, and only the confirmation sends it.
  const summary = page.getByRole('dialog', { name: 'Conferma la correzione' });
  await expect(summary.getByTestId('riepilogo-correzione').getByRole('listitem')).toHaveText([
    'Data di nascita: da «02/09/1948» a «02/09/1938»',
    `Codice fiscale: da «${wrongCode}» a «${rightCode}»`,
  ]);
  await checkScreen(page, '55-conferma-correzione', '.ponte-dialog');
  await summary.getByRole('button', { name: 'Conferma la correzione' }).click();
  await expect(summary).toBeHidden();
  await expect(page.getByText('Dati della persona aggiornati.')).toBeVisible();
  await expect(page.getByTestId('identita')).toContainText('02/09/1938');
  await expect(page.getByTestId('identita')).toContainText(rightCode);
  await expect(page.getByTestId('identita')).not.toContainText('02/09/1948');
});
