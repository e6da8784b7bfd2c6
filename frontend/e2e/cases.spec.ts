/**
 * The case work on the demo data: the PUA social worker finds and registers
 * persons, takes a referral in charge and opens a PAI with its goals and
 * Budget di Salute; the UVM geriatra records, signs and corrects a Barthel
 * assessment and sees the server's score; the hospital ward reports a
 * protected discharge to the PUA, whose social worker finds the notification;
 * the administrator cannot take a case manager out of their team, and a
 * member of the team hands one of the projects to a colleague.
 */
import type { Page } from '@playwright/test';
import { encodeFiscalCode } from '../src/domain/fiscalCode';
import { todayIso } from '../src/i18n/format';
import { checkScreen, DEMO_ADMIN, expect, signIn, signOut, test } from './fixtures';

const PASSWORD = 'ponte-demo-2026';
const SOCIAL_WORKER = 'assistente.sociale@ponte.demo';
const GERIATRA = 'geriatra@ponte.demo';
const WARD = 'reparto@ponte.demo';
const EEMM = 'Équipe multidisciplinare Salute mentale e inclusione';
const PUA = 'PUA Casa di Comunità di Breno';

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
/** Where the PAI opened for the new person is, for its budget's agreement and signatures. */
let paiPath = '';

/** The project page shows one section at a time: opens one from its list, the URL saying which. */
async function openProjectSection(page: Page, name: string) {
  const sections = page.getByRole('navigation', { name: 'Sezioni del progetto' });
  await sections.getByRole('link', { name, exact: true }).click();
  await expect(sections.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveURL(/[?&]sezione=/);
}

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
  await page
    .getByLabel('Équipe che prende in carico la persona')
    .selectOption({ label: 'PUA Casa di Comunità di Breno (Punto unico di accesso (PUA))' });
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

  // The same codice fiscale again: the field says whose it is, with a link to the record, never "valido".
  await page.goto('/persone/nuova');
  await page.getByLabel('Cognome').fill(newcomer.familyName);
  await page.getByLabel('Nome', { exact: true }).fill(newcomer.givenName);
  await page.getByLabel('Codice fiscale', { exact: true }).fill(newcomerCode);
  await page.getByRole('button', { name: 'Compila data di nascita e sesso dal codice fiscale' }).click();
  await expect(page.getByLabel('Data di nascita')).toHaveValue(newcomer.birthDate);
  await page
    .getByLabel('Équipe che prende in carico la persona')
    .selectOption({ label: 'PUA Casa di Comunità di Breno (Punto unico di accesso (PUA))' });
  const again = page.getByLabel('Codice fiscale', { exact: true });
  await expect(again).toHaveAccessibleDescription(
    new RegExp(`Questo codice fiscale è già registrato: ${newcomer.givenName} ${newcomer.familyName} ha già una scheda`),
  );
  await expect(page.getByText(/Codice fiscale valido/)).toHaveCount(0);
  await checkScreen(page, '15a-codice-fiscale-gia-registrato');
  await page.getByRole('button', { name: 'Registra persona' }).click();
  await expect(again).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: 'Nuova persona' })).toBeVisible();
  await page.getByRole('link', { name: 'Apri la sua scheda' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${newcomer.givenName} ${newcomer.familyName}` })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(newcomerPath);

  // Il mio lavoro: take the most urgent open referral of the PUA in charge.
  await nav.getByRole('link', { name: 'Il mio lavoro' }).click();
  const first = pua.getByTestId('riga-segnalazione-aperta').first();
  await expect(first).toContainText('Urgente');
  const link = first.getByRole('link');
  const taken = (await link.innerText()).trim();
  const personPath = await link.getAttribute('href');
  await first.getByRole('button', { name: `Accogli la segnalazione di ${taken}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `${taken} è ora in carico a PUA Casa di Comunità di Breno.` })).toBeVisible();
  await expect(pua.getByTestId('riga-segnalazione-aperta').first().getByRole('link')).not.toHaveAttribute('href', personPath ?? '');
  await page.goto(personPath ?? '/');
  await expect(page.getByTestId('riga-segnalazione').filter({ hasText: 'PUA Casa di Comunità di Breno' })).toContainText('Accolta');
  await signOut(page);
});

test('the social worker opens a PAI with goals in two life areas and a Budget di Salute', async ({ page }) => {
  expect(newcomerPath).not.toBe('');
  await page.goto(newcomerPath);
  await signIn(page, SOCIAL_WORKER, PASSWORD);
  const name = `${newcomer.givenName} ${newcomer.familyName}`;
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Nessun progetto individuale.')).toBeVisible();

  // Apri progetto: the EEMM, the signed-in social worker as case manager (the default).
  await page.getByRole('link', { name: 'Apri progetto' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Apri un progetto per ${name}` })).toBeVisible();
  await page.getByLabel('Tipo di progetto').selectOption('PAI');
  await page.getByLabel('Titolo', { exact: true }).fill('PAI: restare a casa dopo la caduta');
  await page.getByLabel('Équipe', { exact: true }).selectOption({ label: `${EEMM} (Équipe multidisciplinare)` });
  await expect(page.locator('#progetto-caseManagerId option:checked')).toHaveText('Chiara Bonetti – Assistente sociale');
  await page.getByLabel('Cadenza delle verifiche').selectOption('60');
  await checkScreen(page, '22-apri-progetto');
  await page.getByRole('button', { name: 'Apri progetto' }).click();

  // Progetto: opened in Accesso.
  await expect(page.getByRole('heading', { level: 1, name: 'PAI: restare a casa dopo la caduta' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Progetto aperto' })).toBeVisible();
  paiPath = new URL(page.url()).pathname;
  const summary = page.getByTestId('sintesi-progetto');
  await expect(summary).toContainText(EEMM);
  await expect(summary).toContainText('Chiara Bonetti');
  await expect(summary).toContainText('ogni 60 giorni');

  // Goals in two life areas.
  const goalForm = page.getByRole('form', { name: 'Aggiungi un obiettivo' });
  for (const [area, label, goal] of [
    ['HEALTH_WELLBEING', 'Benessere e salute', 'Camminare in casa senza cadere'],
    ['SOCIAL_INCLUSION', 'Inclusione sociale', 'Tornare al centro anziani una volta a settimana'],
  ] as const) {
    await goalForm.getByLabel('Area di vita').selectOption(area);
    await goalForm.getByLabel('Obiettivo', { exact: true }).fill(goal);
    await goalForm.getByRole('button', { name: 'Aggiungi obiettivo' }).click();
    await expect(goalForm.getByText(`Obiettivo aggiunto in «${label}».`)).toBeVisible();
    await expect(page.getByTestId(`area-${area}`).getByTestId('obiettivo')).toContainText(goal);
  }

  // The steps: Valutazione and Progettazione are free; Erogazione lists what is missing.
  const steps = page.getByTestId('passaggi-stato');
  await steps.getByRole('button', { name: 'Passa alla valutazione' }).click();
  await expect(page.getByText('Il progetto è ora nello stato «Valutazione».')).toBeVisible();
  await steps.getByRole('button', { name: 'Passa alla progettazione' }).click();
  await expect(page.getByText('Il progetto è ora nello stato «Progettazione».')).toBeVisible();
  await steps.getByRole('button', { name: 'Avvia gli interventi' }).click();
  const refusal = page.getByTestId('motivi-rifiuto');
  await expect(refusal).toContainText('Il passaggio a «Erogazione» non è possibile:');
  await expect(refusal.getByRole('listitem').filter({ hasText: 'Manca il consenso della persona' })).toBeVisible();
  await expect(refusal).not.toContainText('obiettivo');

  // Budget di Salute, a section of its own (?sezione=budget): the Comune's euros and the family's hours.
  await openProjectSection(page, 'Budget di Salute');
  const resourceForm = page.getByRole('form', { name: 'Aggiungi una risorsa' });
  await resourceForm.getByLabel('Area di vita').selectOption('HOUSING');
  await resourceForm.getByLabel('Tipo di risorsa').selectOption('ECONOMIC');
  await resourceForm.getByLabel('Chi la mette a disposizione').selectOption('ORGANIZATION');
  await resourceForm.getByLabel('Ente', { exact: true }).selectOption({ label: 'Comune di Breno' });
  await resourceForm.getByLabel('Fonte di finanziamento').selectOption('COMUNE');
  await resourceForm.getByLabel('Descrizione').fill('Voucher SAD');
  // "1.250" could be 1250 or 1,25: refused, with how to write either.
  await resourceForm.getByLabel('Quantità prevista').fill('1.250');
  await resourceForm.getByRole('button', { name: 'Aggiungi risorsa' }).click();
  await expect(
    resourceForm.getByText('Un punto seguito da tre cifre è ambiguo: scrivi 1250 (milleduecentocinquanta) oppure 1,25'),
  ).toBeVisible();
  // The way the app itself shows amounts is accepted.
  await resourceForm.getByLabel('Quantità prevista').fill('1.250,50');
  await resourceForm.getByRole('button', { name: 'Aggiungi risorsa' }).click();
  await expect(resourceForm.getByText('Risorsa aggiunta: Voucher SAD.')).toBeVisible();

  await resourceForm.getByLabel('Area di vita').selectOption('SOCIAL_INCLUSION');
  await resourceForm.getByLabel('Tipo di risorsa').selectOption('RELATIONAL');
  await resourceForm.getByLabel('Unità di misura').selectOption('HOURS');
  await resourceForm.getByLabel('Chi la mette a disposizione').selectOption('FAMILY');
  await resourceForm.getByLabel('Fonte di finanziamento').selectOption('PRIVATO');
  await resourceForm.getByLabel('Descrizione').fill('Il figlio: accompagnamento al centro anziani');
  await resourceForm.getByLabel('Quantità prevista').fill('20');
  await resourceForm.getByRole('button', { name: 'Aggiungi risorsa' }).click();
  await expect(resourceForm.getByText('Risorsa aggiunta: Il figlio: accompagnamento al centro anziani.')).toBeVisible();
  const lines = page.getByTestId('riga-risorsa');
  await expect(lines).toHaveCount(2);
  await expect(lines.filter({ hasText: 'Voucher SAD' })).toContainText('1.250,50 €');
  await expect(lines.filter({ hasText: 'Il figlio' })).toContainText('20 ore');

  // A use beyond the plan is recorded and flagged, never refused.
  const useForm = page.getByRole('form', { name: 'Registra un utilizzo' });
  await useForm.getByLabel('Risorsa').selectOption({ label: 'Voucher SAD – Comune di Breno (euro)' });
  await useForm.getByLabel(/^Quantità utilizzata/).fill('1300');
  await useForm.getByRole('button', { name: 'Registra utilizzo' }).click();
  await expect(useForm.getByText('Utilizzo registrato per «Voucher SAD»: la risorsa è ora oltre il previsto.')).toBeVisible();
  const voucher = lines.filter({ hasText: 'Voucher SAD' });
  await expect(voucher).toContainText('1.300,00 €');
  await expect(voucher).toContainText('Oltre il previsto');
  await expect(voucher).toContainText('-49,50 €');
  // The totals once, in the grouping chosen; euros and hours in charts of their own.
  await page.getByLabel('Raggruppa i totali').selectOption({ label: 'Per chi mette a disposizione' });
  const byProvider = page.getByTestId('totali-byProvider');
  await expect(byProvider.getByRole('row').filter({ hasText: 'Comune di Breno' })).toContainText('104%');
  await expect(byProvider.getByRole('row').filter({ hasText: 'Famiglia' })).toContainText('20 ore');
  await expect(page.getByTestId('totali-overall')).toContainText('1.250,50 €');
  await expect(page.getByTestId('grafico-aree-EUR')).toBeVisible();
  await expect(page.getByTestId('grafico-aree-HOURS')).toBeVisible();
  await expect(page.getByTestId('grafico-utilizzo-EUR')).toContainText('Grafico: utilizzato nel tempo, in euro');
  await checkScreen(page, '23-progetto');

  // Progetti: the new project among the social worker's, its next review two months on.
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Progetti' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Progetti' })).toBeVisible();
  await expect(page.getByTestId('riga-progetto').filter({ hasText: 'PAI: restare a casa dopo la caduta' })).toContainText('Progettazione');
  await expect(page.getByTestId('riga-progetto').filter({ hasText: 'Scaduta' }).first()).toBeVisible();
  await checkScreen(page, '24-progetti');
  await signOut(page);
});

const COOPERATIVE = 'Cooperativa sociale Il Sentiero';

test('the person and two providers agree the Budget di Salute; the ASST and the Comune sign the integrated PAI', async ({ page }) => {
  expect(paiPath).not.toBe('');
  await page.goto(paiPath);
  await signIn(page, SOCIAL_WORKER, PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'PAI: restare a casa dopo la caduta' })).toBeVisible();

  // Before any step is pressed, the status says what Erogazione still needs.
  const active = page.getByTestId('condizioni-ACTIVE');
  await expect(active).toContainText('Per «Erogazione» manca:');
  await expect(active.getByRole('listitem').filter({ hasText: 'Manca il consenso della persona' })).toBeVisible();

  // A second provider: the cooperative's educator hours, beside the Comune's voucher.
  await openProjectSection(page, 'Budget di Salute');
  const resourceForm = page.getByRole('form', { name: 'Aggiungi una risorsa' });
  await resourceForm.getByLabel('Area di vita').selectOption('HEALTH_WELLBEING');
  await resourceForm.getByLabel('Tipo di risorsa').selectOption('PROFESSIONAL');
  await resourceForm.getByLabel('Professione').selectOption('EDUCATORE');
  await resourceForm.getByLabel('Chi la mette a disposizione').selectOption('ORGANIZATION');
  await resourceForm.getByLabel('Ente', { exact: true }).selectOption({ label: COOPERATIVE });
  await resourceForm.getByLabel('Fonte di finanziamento').selectOption('FNA_B2');
  await resourceForm.getByLabel('Descrizione').fill('Educatore a domicilio');
  await resourceForm.getByLabel('Quantità prevista').fill('40');
  await resourceForm.getByRole('button', { name: 'Aggiungi risorsa' }).click();
  await expect(resourceForm.getByText('Risorsa aggiunta: Educatore a domicilio.')).toBeVisible();
  await expect(page.getByTestId('riga-risorsa').filter({ hasText: 'Educatore a domicilio' })).toContainText(COOPERATIVE);

  // The person agrees first: the budget is agreed in part, the two providers still missing.
  const status = page.getByTestId('stato-budget');
  const missing = page.getByTestId('parti-mancanti');
  await expect(status).toContainText('Non ancora condiviso');
  const agreeForm = page.getByRole('form', { name: 'Registra la condivisione di una parte' });
  await agreeForm.getByLabel('Parte', { exact: true }).selectOption('PERSON');
  await agreeForm.getByLabel('Chi ha condiviso').fill('Ottavia Ferrandi');
  await agreeForm.getByRole('button', { name: 'Registra condivisione' }).click();
  await expect(agreeForm.getByText('Condivisione registrata.')).toBeVisible();
  await expect(status).toContainText('Condiviso in parte');
  await expect(missing).toContainText('Manca ancora la condivisione di:');
  await expect(missing).toContainText('Comune di Breno');
  await expect(missing).toContainText(COOPERATIVE);
  await expect(missing).not.toContainText('la persona');
  await checkScreen(page, '23a-budget-condiviso-in-parte');

  // Then each provider: after the Comune only the cooperative is missing, after it nobody.
  await agreeForm.getByLabel('Parte', { exact: true }).selectOption('ORGANIZATION');
  await agreeForm.getByLabel('Ente', { exact: true }).selectOption({ label: 'Comune di Breno' });
  await agreeForm.getByRole('button', { name: 'Registra condivisione' }).click();
  await expect(missing).not.toContainText('Comune di Breno');
  await expect(missing).toContainText(COOPERATIVE);
  await expect(status).toContainText('Condiviso in parte');
  await agreeForm.getByLabel('Parte', { exact: true }).selectOption('ORGANIZATION');
  await agreeForm.getByLabel('Ente', { exact: true }).selectOption({ label: COOPERATIVE });
  await agreeForm.getByRole('button', { name: 'Registra condivisione' }).click();
  await expect(status).toContainText('Condiviso da tutte le parti');
  await expect(missing).toHaveCount(0);
  const agreed = page.getByTestId('progetto-budget-condivisioni');
  for (const party of ['Ottavia Ferrandi', 'Comune di Breno', COOPERATIVE]) await expect(agreed).toContainText(party);

  // The PAI becomes integrated, confirmed; Erogazione now also waits for both sides' signatures.
  await openProjectSection(page, 'Sottoscrizione del PAI integrato');
  const integrated = page.getByRole('region', { name: 'Sottoscrizione del PAI integrato' });
  await expect(integrated).toContainText('Questo PAI non è integrato');
  await integrated.getByRole('button', { name: 'Segna come PAI integrato' }).click();
  await integrated.getByRole('button', { name: 'Conferma', exact: true }).click();
  await expect(integrated.getByText('Il PAI è ora integrato: registra le sottoscrizioni delle due parti.')).toBeVisible();
  await expect(page.getByTestId('badge-integrato')).toHaveText('PAI integrato');
  await expect(active).toContainText('Il PAI integrato non è ancora sottoscritto');
  const sides = integrated.getByTestId('parti-integrato-mancanti');
  await expect(sides).toHaveText('Manca ancora la sottoscrizione della parte sanitaria e della parte sociale.');

  // The ASST signs for the health side, after the confirmation.
  const signForm = integrated.getByRole('form', { name: 'Registra una sottoscrizione' });
  const signer = signForm.getByLabel('Ente che sottoscrive');
  await expect(signer.locator('option', { hasText: COOPERATIVE })).toHaveCount(0);
  await signer.selectOption({ label: 'ASST della Valcamonica – parte sanitaria' });
  await signForm.getByLabel(/^Firmatario/).fill('Dott.ssa Anna Rota');
  await signForm.getByRole('button', { name: 'Registra la sottoscrizione' }).click();
  await expect(signForm.getByTestId('conferma-sottoscrizione')).toContainText(
    'ASST della Valcamonica sottoscrive la parte sanitaria del PAI',
  );
  await checkScreen(page, '23b-conferma-sottoscrizione');
  await signForm.getByRole('button', { name: 'Conferma la sottoscrizione' }).click();
  await expect(signForm.getByText('Sottoscrizione di ASST della Valcamonica registrata.')).toBeVisible();
  await expect(integrated.getByTestId('riga-sottoscrizione')).toHaveCount(1);
  await expect(integrated.getByTestId('riga-sottoscrizione')).toContainText('Dott.ssa Anna Rota');
  await expect(sides).toHaveText('Manca ancora la sottoscrizione della parte sociale.');
  // Signed once: the mark stays.
  await expect(integrated.getByRole('button', { name: 'Non è un PAI integrato' })).toHaveCount(0);

  // The Comune signs for the social side: nothing is missing any more, also for Erogazione.
  await signer.selectOption({ label: 'Comune di Breno – parte sociale' });
  await signForm.getByRole('button', { name: 'Registra la sottoscrizione' }).click();
  await signForm.getByRole('button', { name: 'Conferma la sottoscrizione' }).click();
  await expect(integrated.getByTestId('riga-sottoscrizione')).toHaveCount(2);
  await expect(sides).toHaveText('Sottoscritto da entrambe le parti: sanitaria e sociale.');
  await expect(active).not.toContainText('PAI integrato');
  await expect(active).toContainText('Manca il consenso della persona');

  // On a phone, 390 px wide: the status and the signatures, the whole page (wide tables scroll in
  // their own focusable box; e2e/phones.spec.ts checks every section for sideways scrolling).
  await page.setViewportSize({ width: 390, height: 844 });
  await integrated.scrollIntoViewIfNeeded();
  await checkScreen(page, '23c-progetto-telefono');
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
  await expect(page.getByLabel('Elena Tognali – Geriatra')).toBeChecked();
  await page.locator('label', { hasText: 'Marco Ghirardi – Infermiere' }).click();
  // A UVM signs only a joint assessment: the Comune's social worker takes part too.
  await page.locator('label', { hasText: 'Chiara Bonetti – Assistente sociale (Comune di Breno)' }).click();
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
  // Each instrument's items open on demand: the form stays short.
  await page
    .getByTestId('strumento-BARTHEL')
    .getByRole('button', { name: /^Compila lo strumento/ })
    .click();
  const live = page.getByTestId('strumento-BARTHEL-punteggio');
  for (const [i, [item, value]] of answers.entries()) {
    await page.locator(`label[for="strumento-BARTHEL-${item}-${value}"]`).click();
    if (i === 2) await expect(live).toContainText('Risposte date: 3 su 10 (punti finora: 15)');
  }
  await expect(live).toContainText('Punteggio: 85 su 100 – Dipendenza moderata');
  await expect(live).toContainText('Punteggio provvisorio');
  await expect(page.getByTestId('punteggi-provvisori')).toContainText('Punteggio: 85 su 100 – Dipendenza moderata');
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
  await expect(page.getByTestId('valutazione-congiunta')).toContainText('Valutazione congiunta');
  await expect(page.getByTestId('stato-firma')).toHaveText('Bozza, non ancora firmata');

  // Before signing, the draft is edited in place: the stairs need help after all.
  await page.getByRole('button', { name: 'Modifica bozza' }).click();
  const draft = page.getByRole('form', { name: 'Salva la bozza' });
  await expect(draft.getByLabel('Luogo')).toHaveValue('DOMICILIO');
  await expect(draft.getByLabel('Setting raccomandato')).toHaveValue('HOME_WITH_SAD');
  await expect(draft.locator('#strumento-BARTHEL-STAIRS-5')).toBeChecked();
  await draft.locator('label[for="strumento-BARTHEL-STAIRS-0"]').click();
  await expect(draft.getByTestId('strumento-BARTHEL-punteggio')).toContainText('Punteggio: 80 su 100');
  await checkScreen(page, '20-modifica-bozza');
  await draft.getByRole('button', { name: 'Salva la bozza' }).click();
  await expect(page.getByText('Bozza aggiornata.', { exact: false })).toBeVisible();
  await expect(barthel.getByTestId('punteggio-server')).toHaveText('80 (scala 0–100)');
  await barthel.getByText('Risposte', { exact: true }).click();
  await expect(barthel.getByRole('row').filter({ hasText: /^Scale/ })).toContainText('Incapace (0 punti)');
  await expect(page.getByTestId('stato-firma')).toHaveText('Bozza, non ancora firmata');

  await page.getByRole('button', { name: 'Firma', exact: true }).click();
  // A formal act: the signature is confirmed, knowing what it means.
  await expect(page.getByTestId('conferma-firma')).toContainText('non si può più modificare');
  await page.getByRole('button', { name: 'Conferma la firma' }).click();
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

/** A fictional patient; the codice fiscale is computed like the server does. */
const patient = { familyName: 'Bonomelli', givenName: 'Ernesto', birthDate: '1938-09-02', sex: 'M' as const, placeCode: 'B149' };

function daysFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return todayIso(date);
}

test('the ward reports a protected discharge and the PUA social worker is notified', async ({ page }) => {
  // The ward nurse, in no team: a new patient, reported to the PUA.
  await page.goto('/dimissioni/nuova');
  await signIn(page, WARD, PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Segnala una dimissione protetta' })).toBeVisible();
  await page.getByLabel('Cognome').fill(patient.familyName);
  await page.getByLabel('Nome', { exact: true }).fill(patient.givenName);
  const code = encodeFiscalCode(patient);
  await page.getByLabel('Codice fiscale', { exact: true }).fill(code.slice(0, 15) + (code[15] === 'A' ? 'B' : 'A'));
  await expect(page.getByText("L'ultimo carattere (di controllo) non è corretto: ricontrolla il codice")).toBeVisible();
  await page.getByLabel('Codice fiscale', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Compila data di nascita e sesso dal codice fiscale' }).click();
  await expect(page.getByLabel('Data di nascita')).toHaveValue(patient.birthDate);
  await expect(page.getByLabel('Ospedale')).toHaveValue(/.+/);
  await page.getByLabel('Reparto').fill('Medicina generale');
  await page.getByLabel('Data di ricovero').fill(daysFromToday(-6));
  await page.getByLabel('Data di dimissione prevista').fill(daysFromToday(4));
  await page.getByLabel('Équipe che riceve la segnalazione').selectOption({ label: `${PUA} (Punto unico di accesso (PUA))` });
  await page.getByLabel(/^Bisogni alla dimissione/).fill('Deambulazione con deambulatore; assistenza per igiene e pasti');
  await checkScreen(page, '25-segnala-dimissione');
  await page.getByRole('button', { name: 'Invia la segnalazione' }).click();

  const title = `Dimissione protetta di ${patient.givenName} ${patient.familyName}`;
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Segnalazione inviata')).toBeVisible();
  await expect(page.getByTestId('stato-dimissione')).toContainText('Segnalata');
  await expect(page.getByTestId('paziente')).toContainText(code);
  await expect(page.getByText('La scheda completa è visibile solo all’équipe che segue la persona.')).toBeVisible();
  const dischargePath = new URL(page.url()).pathname;
  await checkScreen(page, '26-dimissione-reparto');

  // The board: in the first column.
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Dimissioni protette' }).click();
  await expect(
    page.getByTestId('colonna-REPORTED').getByRole('link', { name: `Apri la dimissione di ${patient.familyName} ${patient.givenName}` }),
  ).toBeVisible();
  await checkScreen(page, '27-dimissioni');
  await signOut(page);

  // A PUA member: the unread badge, the notification, the discharge with the person's record.
  await signIn(page, SOCIAL_WORKER, PASSWORD);
  const initials = `${patient.givenName[0]}.${patient.familyName[0]}.`;
  const nav = page.getByRole('navigation', { name: 'Navigazione principale' });
  await expect(nav.getByTestId('notifiche-non-lette')).toBeVisible();
  await expect(page.getByTestId('card-notifiche')).toContainText(`Nuova dimissione protetta: ${initials}`);
  await expect(page.getByTestId('card-dimissioni')).toContainText(`${patient.familyName} ${patient.givenName}`);
  await nav.getByRole('link', { name: /^Notifiche/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifiche' })).toBeVisible();
  const notification = page.getByTestId('notifica').first();
  await expect(notification).toContainText(`Nuova dimissione protetta: ${initials}`);
  await expect(notification).toContainText('Da leggere');
  await checkScreen(page, '28-notifiche');
  await notification.getByRole('button', { name: /^Segna come letta/ }).click();
  await expect(page.getByText('Notifica segnata come letta.')).toBeVisible();
  await expect(notification).not.toContainText('Da leggere');
  await page.locator('label[for="notifiche-filtro-unread"]').click();
  await expect(page.getByTestId('notifica').first()).not.toContainText(`Nuova dimissione protetta: ${initials}`);
  await page.locator('label[for="notifiche-filtro-all"]').click();
  await page
    .getByTestId('notifica')
    .first()
    .getByRole('link', { name: `Nuova dimissione protetta: ${initials}` })
    .click();
  await expect(page).toHaveURL(new RegExp(`${dischargePath}$`));
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('link', { name: `Apri la scheda di ${patient.givenName} ${patient.familyName}` })).toBeVisible();
  await checkScreen(page, '29-dimissione-equipe');
  await signOut(page);
});

// In the demo (server/src/seed/projects.rs) the EEMM's coordinator, the
// psichiatra, is the case manager of its two PTRI, both still open.
const PSICHIATRA = 'Paolo Rizzi';
const EDUCATORE = 'Luca Bettoni';
const PTRI = 'PTRI: autonomia abitativa e lavoro';
const managedReason =
  /^È case manager di un PTRI avviato il (\d{2}\/\d{2}\/\d{4}) \(rif\. [0-9a-f]{8}\): indica un altro case manager dell'équipe prima di toglierlo$/;

/** Amministrazione → Équipe → the EEMM, "Togli" the psichiatra: refused, with one reason per project. */
async function tryToRemoveThePsichiatra(page: Page): Promise<string[]> {
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Amministrazione' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Amministrazione' })).toBeVisible();
  await page.getByRole('link', { name: 'Équipe', exact: true }).click();
  await page.getByRole('link', { name: `Apri l'équipe ${EEMM}` }).click();
  await expect(page.getByRole('heading', { level: 2, name: EEMM })).toBeVisible();
  const member = page.getByTestId('riga-componente').filter({ hasText: PSICHIATRA });
  await member.getByRole('button', { name: `Togli ${PSICHIATRA} dall'équipe` }).click();
  const refusal = page.getByTestId('motivi-rifiuto-rimozione');
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText(`Non è possibile togliere ${PSICHIATRA} dall'équipe:`);
  await expect(refusal).toContainText(`con «Cambia case manager»; poi potrai togliere ${PSICHIATRA}.`);
  // The refusal names no person, only the kind, the start and a reference.
  const reasons = (await refusal.getByRole('listitem').allInnerTexts()).map((r) => r.trim());
  for (const reason of reasons) expect(reason).toMatch(managedReason);
  // Still a member.
  await expect(member).toContainText('Attivo');
  return reasons;
}

test('a case manager cannot leave the team until a member hands their projects to a colleague', async ({ page }) => {
  // The administrator: refused, one reason for each of the psichiatra's open PTRI.
  await page.goto('/');
  await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
  const before = await tryToRemoveThePsichiatra(page);
  expect(before).toHaveLength(2);
  await checkScreen(page, '30-rimozione-rifiutata');
  await signOut(page);

  // A social worker of the EEMM hands one PTRI to the educatore.
  await signIn(page, SOCIAL_WORKER, PASSWORD);
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Progetti' }).click();
  await page.getByTestId('riga-progetto').getByRole('link', { name: PTRI }).click();
  await expect(page.getByRole('heading', { level: 1, name: PTRI })).toBeVisible();
  // The reason that names this project: its start date and its reference.
  const id = new URL(page.url()).pathname.split('/').pop() ?? '';
  const started = (await page.getByTestId('sintesi-progetto').locator('dt:text-is("Inizio") + dd').innerText()).trim();
  const handed = before.find((r) => r.includes(`avviato il ${started} (rif. ${id.slice(-8)})`));
  expect(handed, `a reason for the project started on ${started}, id ${id}`).toBeDefined();
  const manager = page.getByTestId('case-manager');
  await expect(manager).toHaveText(PSICHIATRA);
  await page.getByRole('button', { name: 'Cambia case manager' }).click();
  const form = page.getByRole('form', { name: 'Cambia il case manager' });
  const choice = form.getByLabel('Nuovo case manager', { exact: true });
  await expect(choice.locator('option', { hasText: PSICHIATRA })).toHaveCount(0);
  await choice.selectOption({ label: EDUCATORE });
  await expect(form.getByTestId('conferma-case-manager')).toHaveText(
    `Il progetto passa da ${PSICHIATRA} a ${EDUCATORE}: il cambio resta nella storia del progetto.`,
  );
  await checkScreen(page, '31-cambia-case-manager');
  await form.getByRole('button', { name: 'Conferma il nuovo case manager' }).click();
  await expect(page.getByText(`Il case manager del progetto ora è ${EDUCATORE}.`)).toBeVisible();
  await expect(manager).toHaveText(EDUCATORE);
  await expect(form).toHaveCount(0);
  await openProjectSection(page, 'Storia');
  await expect(
    page.getByTestId('storia-progetto').getByRole('listitem').filter({ hasText: 'Nuovo case manager del progetto' }),
  ).toContainText('Chiara Bonetti');
  await checkScreen(page, '32-nuovo-case-manager');
  await signOut(page);

  // The administrator again: one reason left, the other PTRI's.
  await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
  const after = await tryToRemoveThePsichiatra(page);
  expect(after).toEqual(before.filter((r) => r !== handed));
  await signOut(page);
});
