/**
 * Stampa PAI: the UVM geriatra prints a demo PAI they manage. The page is
 * printed to PDF by Chromium (print media, A4) and the PDF read back with
 * pdftotext: the document is there with its signature lines, the app's frame
 * is not.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { artifacts } from './global-setup';
import { checkScreen, expect, signIn, signOut, test } from './fixtures';

const GERIATRA = 'geriatra@ponte.demo';
const WARD = 'reparto@ponte.demo';
const PASSWORD = 'ponte-demo-2026';
const PAI = 'PAI integrato: restare a casa in sicurezza';
const GOAL = "Mantenere l'aderenza alla terapia e prevenire le cadute";

/** The PDF's text, its white space folded: a line break in the PDF is only layout. */
function pdfText(path: string): string {
  const run = spawnSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    throw new Error(`pdftotext failed on ${path} (install poppler-utils): ${run.error?.message ?? run.stderr}`);
  }
  return run.stdout.replace(/\s+/g, ' ');
}

function expectNotPrinted(text: string, words: string[]) {
  for (const word of words) expect(text, `"${word}" is not printed`).not.toMatch(new RegExp(`\\b${word}\\b`));
}

test('the case manager prints a PAI to PDF: the document and its signature lines, without the menu', async ({ page }) => {
  await page.goto('/');
  await signIn(page, GERIATRA, PASSWORD);
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Progetti' }).click();
  await page.getByTestId('riga-progetto').getByRole('link', { name: PAI }).click();
  await expect(page.getByRole('heading', { level: 1, name: PAI })).toBeVisible();
  await page.getByRole('link', { name: 'Stampa PAI' }).click();

  await expect(page).toHaveURL(/\/progetti\/[^/]+\/stampa$/);
  await expect(page.getByRole('heading', { level: 1, name: PAI })).toBeVisible();
  await expect(page.getByTestId('stampa-obiettivo').filter({ hasText: GOAL })).toBeVisible();
  await checkScreen(page, '40-stampa-pai');

  const name = (await page.getByTestId('stampa-persona').locator('dt:text-is("Cognome e nome") + dd').innerText()).trim();
  const caseManager = (await page.getByTestId('stampa-equipe').locator('dt:text-is("Case manager") + dd').innerText()).trim();
  expect(name).not.toBe('');
  expect(caseManager).not.toBe('');

  const pdf = join(artifacts, '41-stampa-pai.pdf');
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
  const text = pdfText(pdf);

  expect(text).toContain(PAI);
  expect(text).toContain(name);
  expect(text).toContain(GOAL);
  expect(text).toContain('Budget di Salute');
  expect(text).toContain(`La persona (o chi la rappresenta): ${name} Firma _`);
  expect(text).toContain(`Il case manager: ${caseManager} Firma _`);
  // An integrated PAI: a line for each of its two parts.
  expect(text).toContain('Per la parte sanitaria del PAI integrato');
  expect(text).toContain('Per la parte sociale del PAI integrato');
  expect(text.match(/Firma _+ Data _+/g)?.length ?? 0).toBeGreaterThanOrEqual(4);
  // The app's frame and tools are screen only.
  expectNotPrinted(text, ['Persone', 'Progetti', 'Notifiche', 'Esci', 'Torna al progetto', 'Stampa PAI']);

  // On a phone, 390 px wide, the document does not scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(sideways).toBeLessThanOrEqual(0);
  await checkScreen(page, '40b-stampa-pai-telefono');
  await page.setViewportSize({ width: 1280, height: 900 });
  const printPath = new URL(page.url()).pathname;

  // The project page itself prints without the frame, its index, buttons and forms.
  await page.getByRole('link', { name: 'Torna al progetto' }).click();
  await expect(page.getByRole('heading', { level: 1, name: PAI })).toBeVisible();
  const pagePdf = join(artifacts, '42-progetto-stampato.pdf');
  await page.pdf({ path: pagePdf, format: 'A4', preferCSSPageSize: true });
  const pageText = pdfText(pagePdf);
  expect(pageText).toContain(PAI);
  expect(pageText).toContain(GOAL);
  expectNotPrinted(pageText, [
    'Persone',
    'Notifiche',
    'Esci',
    'Stampa PAI',
    'Sezioni del progetto',
    'Cambia case manager',
    'Aggiungi obiettivo',
  ]);
  await signOut(page);

  // Need-to-know is the server's: the ward nurse, in none of the teams, gets the usual block.
  await page.goto(printPath);
  await signIn(page, WARD, PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Non hai accesso a questo progetto' })).toBeVisible();
  await expect(page.getByTestId('stampa-firme')).toHaveCount(0);
  await signOut(page);
});
