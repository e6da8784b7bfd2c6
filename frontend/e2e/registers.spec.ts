/**
 * The registers of the network (issue 15): the administrator registers a
 * Convenzione between three organizations and finds it in Accordi; the PUA's
 * coordinator plans a caregiver course for her team that implements it,
 * records it held with the attendance, and finds it in the month of Incontri.
 */
import { todayIso } from '../src/i18n/format';
import { checkScreen, DEMO_ADMIN, expect, signIn, signOut, test } from './fixtures';

const PASSWORD = 'ponte-demo-2026';
const SOCIAL_WORKER = 'assistente.sociale@ponte.demo';
const PUA = 'PUA Casa di Comunità di Breno';

const today = todayIso();
const year = Number(today.slice(0, 4));
// A title of this run only: the demo may hold agreements and meetings of its own.
const run = Date.now().toString(36);
const agreementTitle = `Convenzione SAD con la cooperativa ${run}`;
const meetingTitle = `Corso caregiver: la mobilizzazione ${run}`;
const formatted = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

test.describe.configure({ mode: 'serial' });

test('the administrator registers a Convenzione between three organizations and finds it in Accordi', async ({ page }) => {
  await page.goto('/');
  await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio lavoro' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Accordi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accordi' })).toBeVisible();
  await page.getByRole('link', { name: 'Nuovo accordo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nuovo accordo' })).toBeVisible();

  await page.getByLabel('Tipo', { exact: true }).selectOption({ label: 'Convenzione' });
  await page.getByLabel('Titolo', { exact: true }).fill(agreementTitle);
  await page.getByLabel('Numero di protocollo (facoltativo)').fill(`PG ${year}/${run}`);
  await page.getByLabel('Ente 1', { exact: true }).selectOption({ label: 'ASST della Valcamonica' });
  await page.getByLabel('Ruolo 1', { exact: true }).selectOption({ label: 'Promotore' });
  // One party only: the form says two are needed before anything is sent.
  await page.getByRole('button', { name: 'Registra l’accordo' }).click();
  await expect(page.getByText('Indica almeno due enti, ciascuno con il suo ruolo')).toBeVisible();

  await page.getByLabel('Ente 2', { exact: true }).selectOption({ label: 'Cooperativa sociale Il Sentiero' });
  await page.getByLabel('Ruolo 2', { exact: true }).selectOption({ label: 'Partner ETS' });
  await page.getByRole('button', { name: 'Aggiungi un ente' }).click();
  await page.getByLabel('Ente 3', { exact: true }).selectOption({ label: 'Comune di Breno' });
  await page.getByLabel('Ruolo 3', { exact: true }).selectOption({ label: 'Firmatario' });
  // Signed on the day its validity starts (the server refuses a validity that starts before the signature).
  await page.getByLabel('Data della firma (facoltativo)').fill(`${year}-01-01`);
  await page.getByLabel('Valido dal (facoltativo)').fill(`${year}-01-01`);
  await page.getByLabel('Valido fino al (facoltativo)').fill(`${year + 1}-12-31`);
  // bootstrap-italia draws the box on the label, which takes the click (as in cases.spec.ts).
  await page.locator('label[for="accordo-services-SAD"]').click();
  await expect(page.getByLabel('Servizio di assistenza domiciliare (SAD)')).toBeChecked();
  await page.getByLabel('Scopo (facoltativo)').fill('Garantire il SAD nei Comuni dell’Ambito');
  await page.getByLabel('Indicatori di monitoraggio/esito (facoltativo)').fill('Ore erogate / ore previste');
  await checkScreen(page, '50-nuovo-accordo');
  await page.getByRole('button', { name: 'Registra l’accordo' }).click();

  await expect(page.getByRole('heading', { level: 1, name: agreementTitle })).toBeVisible();
  await expect(page.getByText('Accordo registrato.')).toBeVisible();
  await expect(page.getByTestId('stato-accordo')).toHaveText('In vigore');
  await expect(page.getByTestId('accordo-sintesi')).toContainText(`dal 01/01/${year} al 31/12/${year + 1}`);
  await expect(page.getByTestId('ente-accordo')).toHaveCount(3);
  await expect(page.getByTestId('elemento-purpose')).toContainText('Garantire il SAD nei Comuni dell’Ambito');
  await expect(page.getByTestId('elemento-actions')).toContainText('Non indicato');
  await checkScreen(page, '51-accordo');

  // In the list, found by a word of its title, with its kind, parties and validity.
  await page.getByRole('link', { name: 'Torna agli accordi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accordi' })).toBeVisible();
  await page.getByLabel('Cerca nel titolo o nel numero di protocollo').fill(run);
  await page.getByRole('button', { name: 'Cerca', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/accordi\\?cerca=${run}$`));
  const row = page.getByTestId('riga-accordo').filter({ hasText: agreementTitle });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Convenzione');
  await expect(row).toContainText('Cooperativa sociale Il Sentiero');
  await expect(row).toContainText(`dal 01/01/${year} al 31/12/${year + 1}`);
  await expect(row).toContainText('In vigore');
  await page.getByLabel('Tipo', { exact: true }).selectOption({ label: 'Convenzione' });
  await expect(page).toHaveURL(/tipo=CONVENZIONE/);
  await expect(row).toHaveCount(1);
  await checkScreen(page, '52-accordi');
  await signOut(page);
});

test('a PUA member plans a caregiver course, records it held with the attendance and finds it in the month', async ({ page }) => {
  await page.goto('/');
  await signIn(page, SOCIAL_WORKER, PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio lavoro' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Incontri' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Incontri' })).toBeVisible();
  await page.getByRole('link', { name: 'Programma un incontro' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Programma un incontro' })).toBeVisible();

  await page.getByLabel('Tipo', { exact: true }).selectOption({ label: 'Formazione caregiver' });
  await page.getByLabel('Titolo', { exact: true }).fill(meetingTitle);
  await page.getByLabel('Data prevista').fill(today);
  await page.getByLabel('Équipe', { exact: true }).selectOption({ label: PUA });
  const invited = page.getByRole('group', { name: 'Partecipanti di Ponte' });
  await invited.locator('label', { hasText: 'Chiara Bonetti' }).click();
  await invited.locator('label', { hasText: 'Marco Ghirardi' }).click();
  await expect(invited.getByLabel('Marco Ghirardi')).toBeChecked();
  await page.getByLabel('Partecipanti esterni').fill('8');
  await page.getByLabel('Accordo che attua (facoltativo)').selectOption({ label: `${agreementTitle} (In vigore)` });
  await expect(page.getByText('Una breve nota: nessun dato personale.')).toBeVisible();
  await checkScreen(page, '53-nuovo-incontro');
  await page.getByRole('button', { name: 'Registra l’incontro' }).click();

  await expect(page.getByRole('heading', { level: 1, name: meetingTitle })).toBeVisible();
  await expect(page.getByTestId('stato-incontro')).toHaveText('Programmato');
  await expect(page.getByTestId('incontro-sintesi')).toContainText(agreementTitle);

  // Held: Marco did not come, Giulia did; ten caregivers instead of eight.
  const present = page.getByRole('group', { name: 'Presenti' });
  await expect(present.getByLabel('Chiara Bonetti')).toBeChecked();
  await present.locator('label', { hasText: 'Marco Ghirardi' }).click();
  await present.locator('label', { hasText: 'Giulia Ramponi' }).click();
  await expect(present.getByLabel('Marco Ghirardi')).not.toBeChecked();
  await expect(present.getByLabel('Giulia Ramponi')).toBeChecked();
  await expect(page.getByLabel('Data in cui si è svolto')).toHaveValue(today);
  await page.getByLabel('Partecipanti esterni').fill('10');
  await checkScreen(page, '54-incontro-da-registrare');
  await page.getByRole('button', { name: 'Registra come svolto' }).click();

  await expect(page.getByText('Incontro registrato come svolto.')).toBeVisible();
  await expect(page.getByTestId('stato-incontro')).toHaveText('Svolto');
  await expect(page.getByTestId('incontro-sintesi')).toContainText(`Svolto il${formatted(today)}`);
  await expect(page.getByTestId('partecipanti')).toContainText('Chiara Bonetti');
  await expect(page.getByTestId('partecipanti')).toContainText('Giulia Ramponi');
  await expect(page.getByTestId('partecipanti')).not.toContainText('Marco Ghirardi');
  await expect(page.getByText('E 10 partecipanti esterni')).toBeVisible();
  await checkScreen(page, '55-incontro-svolto');

  // The month of Incontri: the course under its day, held, with its participants.
  await page.getByRole('link', { name: 'Torna agli incontri' }).click();
  await expect(page).toHaveURL(new RegExp(`/incontri\\?mese=${today.slice(0, 7)}$`));
  const item = page.getByTestId('incontro').filter({ hasText: meetingTitle });
  await expect(item).toContainText('Formazione caregiver');
  await expect(item).toContainText('Svolto');
  await expect(item).toContainText('2 partecipanti + 10 esterni');
  await expect(page.getByTestId('giorno').filter({ has: item }).getByRole('heading')).toContainText(formatted(today));
  await page.getByLabel('Stato', { exact: true }).selectOption({ label: 'Svolto' });
  await expect(page).toHaveURL(/stato=HELD/);
  await expect(item).toBeVisible();
  await checkScreen(page, '56-incontri');

  // The agreement lists the meeting that implements it.
  await page.goto('/accordi');
  await page.getByRole('link', { name: agreementTitle }).click();
  await expect(page.getByTestId('incontro-accordo').filter({ hasText: meetingTitle })).toContainText('Svolto');
  await signOut(page);
});
