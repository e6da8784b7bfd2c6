/**
 * The case work on the demo data: the PUA social worker finds and registers
 * persons and takes a referral in charge; the UVM geriatra records, signs and
 * corrects a Barthel assessment and sees the server's score.
 */
import { encodeFiscalCode } from '../src/domain/fiscalCode';
import { checkScreen, expect, signIn, signOut, test } from './fixtures';

const PASSWORD = 'ponte-demo-2026';
const SOCIAL_WORKER = 'assistente.sociale@ponte.demo';
const GERIATRA = 'geriatra@ponte.demo';

// A fictional person with a codice fiscale computed like the server does.
const newcomer = {
  familyName: 'Ferrandi',
  givenName: 'Ottavia',
  birthDate: '1941-03-17',
  sex: 'F' as const,
  placeCode: 'B149',
};
const newcomerCode = encodeFiscalCode(newcomer);

test.describe.configure({ mode: 'serial' });

/** Where the new person's record is, for the geriatra who must not see it. */
let newcomerPath = '';

test('the PUA social worker searches, registers a person and takes a referral in charge', async ({ page }) => {
  await page.goto('/');
  await signIn(page, SOCIAL_WORKER, PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio lavoro' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Segnalazioni aperte' })).toBeVisible();
  const pua = page.getByTestId('segnalazioni-equipe').filter({ hasText: 'PUA Casa di Comunità di Breno' });
  await expect(pua.getByTestId('riga-segnalazione-aperta').first()).toBeVisible();
  await checkScreen(page, '13-il-mio-lavoro-segnalazioni');

  // Persone: the search ignores accents and case.
  const nav = page.getByRole('navigation', { name: 'Navigazione principale' });
  await nav.getByRole('link', { name: 'Persone' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Persone' })).toBeVisible();
  await expect(page.getByTestId('riga-persona').first()).toBeVisible();
  await expect(page.getByText(/Mostrate 20 persone su \d+\./)).toBeVisible();
  await page.getByLabel('Cerca per nome o codice fiscale').fill('nicolo');
  await page.getByRole('button', { name: 'Cerca', exact: true }).click();
  await expect(page.getByTestId('riga-persona').first()).toContainText('Nicolò');
  for (const row of await page.getByTestId('riga-persona').all()) await expect(row).toContainText(/Nicol/);
  await checkScreen(page, '14-persone');

  // Nuova persona: the codice fiscale is checked as it is typed.
  await page.getByRole('link', { name: 'Nuova persona' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nuova persona' })).toBeVisible();
  await page.getByLabel('Cognome').fill(newcomer.familyName);
  await page.getByLabel('Nome', { exact: true }).fill(newcomer.givenName);
  const fiscal = page.getByLabel('Codice fiscale', { exact: true });
  await fiscal.fill('FRRTTV41F');
  await expect(page.getByText('La lettera del mese (9° carattere) non corrisponde a nessun mese')).toBeVisible();
  const wrongCheck = newcomerCode.slice(0, 15) + (newcomerCode[15] === 'A' ? 'B' : 'A');
  await fiscal.fill(wrongCheck);
  await expect(page.getByText("L'ultimo carattere (di controllo) non è corretto: ricontrolla il codice")).toBeVisible();
  await fiscal.fill(newcomerCode.toLowerCase());
  await expect(page.getByText('Codice fiscale valido: nascita il 17/03/1941, sesso femmina.')).toBeVisible();
  await page.getByLabel('Data di nascita').fill('1941-03-18');
  await expect(page.getByText('La data di nascita non corrisponde a quella del codice fiscale (17/03/1941).')).toBeVisible();
  await page.getByLabel('Data di nascita').fill(newcomer.birthDate);
  await page.getByLabel('Sesso (come nel codice fiscale)').selectOption('F');
  await page.getByLabel(/Luogo di nascita/).fill('Breno');
  await page.getByLabel(/^Residenza/).fill('Via Mazzini 4, Breno');
  await page.getByLabel(/^Telefono/).fill('0364 123456');
  await page.getByText('Non autosufficienza').click();
  await page.getByLabel('Équipe che prende in carico la persona').selectOption({ label: 'PUA Casa di Comunità di Breno (Punto unico di accesso (PUA))' });
  await page.getByLabel('Urgenza').selectOption('PRIORITY');
  await page.getByLabel(/Motivo della segnalazione/).fill('Richiesta di assistenza domiciliare dopo una caduta');
  await checkScreen(page, '15-nuova-persona');
  await page.getByRole('button', { name: 'Registra persona' }).click();

  // Scheda persona
  await expect(page.getByRole('heading', { level: 1, name: `${newcomer.givenName} ${newcomer.familyName}` })).toBeVisible();
  await expect(page.getByText('Persona registrata')).toBeVisible();
  newcomerPath = new URL(page.url()).pathname;
  await expect(page.getByTestId('identita')).toContainText(newcomerCode);
  await expect(page.getByTestId('identita')).toContainText('17/03/1941 a Breno');
  await expect(page.getByTestId('equipe-responsabili')).toContainText('PUA Casa di Comunità di Breno');
  const referral = page.getByTestId('riga-segnalazione');
  await expect(referral).toContainText('Aperta');
  await expect(referral).toContainText('Prioritaria');
  await expect(page.getByText('Nessuna valutazione registrata.')).toBeVisible();
  await page.getByLabel('Ruolo', { exact: true }).selectOption('CAREGIVER');
  await page.getByLabel('Nome e cognome').fill('Paolo Ferrandi');
  await page.getByLabel(/^Relazione/).fill('figlio');
  await page.getByRole('button', { name: 'Aggiungi', exact: true }).click();
  await expect(page.getByTestId('riga-riferimento')).toContainText('Paolo Ferrandi');
  await page.getByLabel('Tipo', { exact: true }).selectOption('PRIVACY_NOTICE');
  await page.locator('label[for="consenso-granted-si"]').click();
  await page.getByRole('button', { name: 'Registra', exact: true }).click();
  await expect(page.getByTestId('riga-consenso')).toContainText('Consenso prestato');
  await checkScreen(page, '16-scheda-persona');

  // The same codice fiscale again: the server's CONFLICT, in Italian.
  await page.goto('/persone/nuova');
  await page.getByLabel('Cognome').fill(newcomer.familyName);
  await page.getByLabel('Nome', { exact: true }).fill(newcomer.givenName);
  await page.getByLabel('Codice fiscale', { exact: true }).fill(newcomerCode);
  await page.getByRole('button', { name: 'Compila data di nascita e sesso dal codice fiscale' }).click();
  await expect(page.getByLabel('Data di nascita')).toHaveValue(newcomer.birthDate);
  await page.getByLabel('Équipe che prende in carico la persona').selectOption({ label: 'PUA Casa di Comunità di Breno (Punto unico di accesso (PUA))' });
  await page.getByRole('button', { name: 'Registra persona' }).click();
  await expect(page.getByRole('alert')).toContainText(/codice fiscale/i);
  await expect(page.getByRole('heading', { level: 1, name: 'Nuova persona' })).toBeVisible();

  // Il mio lavoro: take the most urgent open referral of the PUA in charge.
  await nav.getByRole('link', { name: 'Il mio lavoro' }).click();
  const first = pua.getByTestId('riga-segnalazione-aperta').first();
  await expect(first).toContainText('Urgente');
  const link = first.getByRole('link');
  const taken = (await link.innerText()).trim();
  const personPath = await link.getAttribute('href');
  await first.getByRole('button', { name: `Prendi in carico ${taken}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `${taken} è ora in carico a PUA Casa di Comunità di Breno.` })).toBeVisible();
  await expect(pua.getByTestId('riga-segnalazione-aperta').first().getByRole('link')).not.toHaveAttribute('href', personPath ?? '');
  await page.goto(personPath ?? '/');
  await expect(page.getByTestId('riga-segnalazione').filter({ hasText: 'PUA Casa di Comunità di Breno' })).toContainText('Presa in carico');
  await signOut(page);
});

test('the UVM geriatra records, signs and corrects a Barthel assessment', async ({ page }) => {
  await page.goto('/persone');
  await signIn(page, GERIATRA, PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Persone' })).toBeVisible();

  // A person the UVM does not follow: no access.
  expect(newcomerPath).not.toBe('');
  await page.goto(newcomerPath);
  await expect(page.getByRole('heading', { level: 1, name: 'Non hai accesso a questa persona' })).toBeVisible();
  await checkScreen(page, '17-persona-non-accessibile');

  // A person in the UVM's care, with signed assessments and their chart.
  await page.goto('/persone');
  await page.getByLabel('Cerca per nome o codice fiscale').fill('giorgia pe');
  await page.getByRole('button', { name: 'Cerca', exact: true }).click();
  const person = page.getByTestId('riga-persona');
  await expect(person).toHaveCount(1);
  await person.getByRole('link', { name: 'Pè Giorgia' }).click();
  await expect(page.getByTestId('equipe-responsabili')).toContainText('UVM Valle Camonica');
  await expect(page.getByTestId('riga-valutazione').first()).toBeVisible();
  await expect(page.getByTestId('grafico-BARTHEL')).toBeVisible();
  await checkScreen(page, '18-scheda-persona-valutazioni');
  const before = await page.getByTestId('riga-valutazione').count();

  // Nuova valutazione, rendered from the instruments query.
  await page.getByRole('link', { name: 'Nuova valutazione' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Nuova valutazione di / })).toBeVisible();
  await expect(page.getByLabel('Équipe che valuta')).toHaveValue(/.+/);
  await expect(page.getByLabel('Elena Tognali – Medico specialista')).toBeChecked();
  await page.locator('label', { hasText: 'Marco Ghirardi – Infermiere' }).click();
  await page.getByLabel('Luogo').selectOption('DOMICILIO');
  await page.getByLabel('Motivo', { exact: true }).selectOption('REASSESSMENT');
  // Barthel: a moderate profile, 85 out of 100.
  const answers: Array<[string, number]> = [
    ['FEEDING', 10],
    ['BATHING', 0],
    ['GROOMING', 5],
    ['DRESSING', 5],
    ['BOWELS', 10],
    ['BLADDER', 10],
    ['TOILET_USE', 10],
    ['TRANSFERS', 15],
    ['MOBILITY', 15],
    ['STAIRS', 5],
  ];
  const live = page.getByTestId('strumento-BARTHEL-punteggio');
  for (const [i, [item, value]] of answers.entries()) {
    await page.locator(`label[for="strumento-BARTHEL-${item}-${value}"]`).click();
    if (i === 2) await expect(live).toContainText('Risposte date: 3 su 10 (punti finora: 15)');
  }
  await expect(live).toContainText('Punteggio: 85 su 100 – Dipendenza moderata');
  await expect(live).toContainText('il punteggio registrato è quello calcolato dal server');
  await page.getByLabel('Rete familiare e caregiver', { exact: true }).selectOption('2');
  await page.getByLabel('Livello di bisogno').selectOption('MEDIUM');
  await page.getByLabel('Setting raccomandato').selectOption('HOME_WITH_SAD');
  await checkScreen(page, '19-nuova-valutazione');
  await page.getByRole('button', { name: 'Registra valutazione' }).click();

  // The detail shows the server's score; the geriatra signs it.
  await expect(page.getByRole('heading', { level: 1, name: /^Valutazione del \d{2}\/\d{2}\/\d{4} – Giorgia Pè$/ })).toBeVisible();
  await expect(page.getByText('Valutazione registrata.')).toBeVisible();
  const barthel = page.getByTestId('risultato-BARTHEL');
  await expect(barthel.getByTestId('punteggio-server')).toHaveText('85 (scala 0–100)');
  await expect(barthel).toContainText('Dipendenza moderata');
  await expect(page.getByTestId('partecipanti')).toContainText('Marco Ghirardi – Infermiere');
  await expect(page.getByTestId('stato-firma')).toHaveText('Bozza, non ancora firmata');
  await page.getByRole('button', { name: 'Firma', exact: true }).click();
  await expect(page.getByText('Valutazione firmata: da ora non si può più modificare.')).toBeVisible();
  await expect(page.getByTestId('stato-firma')).toContainText('Firmata il');
  await checkScreen(page, '20-valutazione-firmata');

  // Rettifica: a new signed version that names the one it corrects.
  await page.getByRole('button', { name: 'Rettifica', exact: true }).click();
  await page.getByLabel('Motivo della rettifica').fill('Scale: sale con supervisione');
  await page.locator('label[for="strumento-BARTHEL-STAIRS-10"]').click();
  await expect(page.getByTestId('strumento-BARTHEL-punteggio')).toContainText('Punteggio: 90 su 100');
  await checkScreen(page, '21-rettifica');
  await page.getByRole('button', { name: 'Registra rettifica' }).click();
  await expect(page.getByText('Rettifica registrata e firmata.')).toBeVisible();
  await expect(page.getByTestId('risultato-BARTHEL').getByTestId('punteggio-server')).toHaveText('90 (scala 0–100)');
  await expect(page.getByTestId('versioni')).toContainText('Questa versione rettifica la valutazione firmata');
  await expect(page.getByTestId('versioni')).toContainText('Motivo della rettifica: Scale: sale con supervisione');

  // Back on the record: one more assessment (the corrected one counts once), marked "rettificata".
  await page.getByRole('link', { name: /^Torna alla scheda di / }).click();
  await expect(page.getByTestId('riga-valutazione')).toHaveCount(before + 1);
  await expect(page.getByTestId('riga-valutazione').first()).toContainText('rettificata');
  await expect(page.getByTestId('riga-valutazione').first()).toContainText('Indice di Barthel (ADL): 90');
  await signOut(page);
});
