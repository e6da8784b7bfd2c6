/**
 * Sistemi collegati and Nomenclatore (issue 18.1/18.5): the administrator
 * creates a service account for the ATS, sees its token once (and the token
 * opens the machine door), rotates it (the old token keeps working for the
 * overlap), revokes the old token (which the door then refuses), and sets
 * the nomenclatore code of an intervention kind, which a planning office
 * then reads.
 */
import { request, type APIRequestContext } from '@playwright/test';
import { checkScreen, DEMO_ADMIN, expect, signIn, signOut, test } from './fixtures';

const NAME = 'Datawarehouse ATS e2e';
const PHONE = { width: 390, height: 844 };

/** The interventions flow asked with a token and no parameters: the door answers before the parameters are read. */
async function knock(machine: APIRequestContext, token: string) {
  const response = await machine.get('/export/interventions.csv', { headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status(), text: await response.text() };
}

test('service accounts: created with its token shown once, rotated, a token revoked; a nomenclatore code set', async ({
  page,
  baseURL,
}) => {
  // A client of its own, without the administrator's session cookie.
  const machine = await request.newContext({ baseURL });
  await page.goto('/accesso');
  await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio lavoro' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Amministrazione' }).click();
  await page.getByRole('navigation', { name: 'Sezioni di amministrazione' }).getByRole('link', { name: 'Sistemi collegati' }).click();
  await expect(page).toHaveURL(/\/amministrazione\/sistemi-collegati$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Sistemi collegati' })).toBeVisible();

  // Create: the form, its checks, the confirmation, then the token once.
  await page.getByRole('button', { name: 'Nuovo sistema collegato' }).click();
  let dialog = page.getByRole('dialog', { name: 'Nuovo sistema collegato' });
  await dialog.getByRole('button', { name: 'Continua' }).click();
  await expect(dialog.getByLabel('Nome del sistema')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Scegli almeno un permesso')).toBeVisible();
  await dialog.getByLabel('Ente').selectOption({ label: 'ATS della Montagna' });
  await dialog.getByLabel('Nome del sistema').fill(NAME);
  await dialog.locator('label', { hasText: 'Flusso degli interventi (export:interventions)' }).click();
  await expect(dialog.getByLabel('Flusso degli interventi (export:interventions)')).toBeChecked();
  await dialog.getByLabel('Durata del token (giorni)').fill('90');
  await dialog.getByRole('button', { name: 'Continua' }).click();
  await expect(dialog.getByTestId('conferma-sistema')).toContainText(`${NAME}, dell'ente ATS della Montagna`);
  await checkScreen(page, '60-nuovo-sistema-collegato', '.ponte-dialog');
  await dialog.getByRole('button', { name: 'Crea e mostra il token' }).click();

  dialog = page.getByRole('dialog', { name: 'Token del sistema collegato' });
  await expect(dialog.getByTestId('token-una-volta')).toContainText('Ponte non lo mostrerà più');
  const first = await dialog.getByLabel('Token').inputValue();
  expect(first).toMatch(/^ponte_sa_[A-Za-z0-9_-]{43}$/);
  await checkScreen(page, '61-token-sistema-collegato', '.ponte-dialog');
  await dialog.getByRole('button', { name: 'Ho copiato il token' }).click();
  await expect(page.getByText(`Sistema collegato creato: ${NAME}.`)).toBeVisible();
  // Shown once: nowhere on the page any more, only its prefix.
  await expect(page.locator('body')).not.toContainText(first);
  const account = page.getByTestId('sistema-collegato').filter({ has: page.getByRole('heading', { name: NAME }) });
  await expect(account).toContainText('ATS della Montagna');
  await expect(account).toContainText('Flusso degli interventi (export:interventions)');
  await expect(account.getByTestId('riga-token')).toHaveCount(1);
  await expect(account.getByTestId('riga-token')).toContainText(`${first.slice(0, 17)}…`);
  // The token is real: the door lets it through to the flow's own checks.
  let answer = await knock(machine, first);
  expect(answer.status, answer.text).toBe(400);
  expect(answer.text).toContain('Indica il territorio');

  // Rotate: the 24 hours explained, the new token once; the old one still works meanwhile.
  await account.getByRole('button', { name: `Rinnova il token di ${NAME}` }).click();
  dialog = page.getByRole('alertdialog', { name: `Rinnovare il token di ${NAME}?` });
  await expect(dialog).toContainText('I token attuali restano validi al massimo 24 ore ancora');
  await dialog.getByRole('button', { name: 'Rinnova e mostra il token' }).click();
  dialog = page.getByRole('dialog', { name: 'Token del sistema collegato' });
  await expect(dialog).toContainText('I token precedenti di questo sistema restano validi al massimo 24 ore ancora.');
  const second = await dialog.getByLabel('Token').inputValue();
  expect(second).toMatch(/^ponte_sa_/);
  expect(second).not.toBe(first);
  await dialog.getByRole('button', { name: 'Ho copiato il token' }).click();
  await expect(account.getByText(`Token di ${NAME} rinnovato`)).toBeVisible();
  await expect(page.locator('body')).not.toContainText(second);
  await expect(account.getByTestId('riga-token')).toHaveCount(2);
  // Read again after the rotation, the first token shows its use.
  await expect(account.getByTestId('riga-token').filter({ hasText: first.slice(0, 17) })).not.toContainText('mai usato');
  expect((await knock(machine, first)).status).toBe(400);

  // Revoke the old token: refused at once; the new one keeps working.
  await account.getByRole('button', { name: `Revoca il token ${first.slice(0, 17)}…` }).click();
  dialog = page.getByRole('alertdialog', { name: `Revocare il token ${first.slice(0, 17)}…?` });
  await checkScreen(page, '62-revoca-token', '.ponte-dialog');
  await dialog.getByRole('button', { name: 'Revoca il token' }).click();
  await expect(account.getByText(`Token ${first.slice(0, 17)}… revocato.`)).toBeVisible();
  await expect(account.getByTestId('riga-token').filter({ hasText: first.slice(0, 17) })).toContainText('Revocato il');
  answer = await knock(machine, first);
  expect(answer.status).toBe(401);
  expect(answer.text).toContain('Token revocato');
  expect((await knock(machine, second)).status).toBe(400);
  await checkScreen(page, '63-sistemi-collegati');

  // On a phone: nothing sticks out sideways.
  await page.setViewportSize(PHONE);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await checkScreen(page, 'telefono-390-sistemi-collegati');
  await page.setViewportSize({ width: 1280, height: 900 });

  // Nomenclatore: the unmapped kinds marked; one set in place.
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Nomenclatore' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nomenclatore' })).toBeVisible();
  const pasti = page.getByTestId('riga-nomenclatore').filter({ hasText: 'Pasti a domicilio' });
  await expect(pasti).toContainText('Senza codice');
  await pasti.getByRole('button', { name: 'Imposta il codice di Pasti a domicilio' }).click();
  const form = page.getByRole('form', { name: 'Modifica il codice di Pasti a domicilio' });
  await form.getByRole('button', { name: 'Salva' }).click();
  await expect(form.getByLabel('Codice')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Codice').fill('E2E-PASTI');
  await form.getByLabel('Voce del nomenclatore').fill('Pasti a domicilio (voce di prova)');
  await form.getByRole('button', { name: 'Salva' }).click();
  await expect(page.getByText('Codice di Pasti a domicilio salvato.')).toBeVisible();
  await expect(pasti).toContainText('E2E-PASTI');
  await expect(pasti).not.toContainText('Senza codice');
  await checkScreen(page, '64-nomenclatore');
  await signOut(page);

  // The planning office reads it, with nothing to edit.
  await signIn(page, 'ufficio.piano@ponte.demo', DEMO_ADMIN.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio lavoro' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Nomenclatore' }).click();
  await expect(page.getByTestId('riga-nomenclatore').filter({ hasText: 'Pasti a domicilio' })).toContainText('E2E-PASTI');
  await expect(page.getByRole('button', { name: /il codice di/ })).toHaveCount(0);
  await signOut(page);
  await machine.dispose();
});
