/**
 * Documents (issue 17 point 3): the social worker uploads the PAI the person
 * signed, a scanned PDF, on the project, sees it listed, previews it and
 * downloads it: the bytes that come back are the bytes sent, as an
 * attachment with its name.
 */
import { expect, signIn, signOut, test } from './fixtures';

const PASSWORD = 'ponte-demo-2026';
const SOCIAL_WORKER = 'assistente.sociale@ponte.demo';
const PATTO = "Patto per l'inclusione sociale";

/** A small PDF with bytes that are not text, as a scanner makes. */
function signedPai(): Buffer {
  const head = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n', 'latin1');
  const body = Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 256));
  return Buffer.concat([head, body, Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n')]);
}

test('a signed PAI is uploaded on the project and downloaded byte for byte', async ({ page }) => {
  const pdf = signedPai();
  await page.goto('/');
  await signIn(page, SOCIAL_WORKER, PASSWORD);
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Progetti' }).click();
  await page.getByTestId('riga-progetto').getByRole('link', { name: PATTO }).click();
  await expect(page.getByRole('heading', { level: 1, name: PATTO })).toBeVisible();
  const sections = page.getByRole('navigation', { name: 'Sezioni del progetto' });
  await sections.getByRole('link', { name: 'Documenti', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Documenti' })).toBeVisible();

  await page.getByRole('button', { name: 'Carica un documento' }).click();
  const form = page.getByRole('form', { name: 'Carica un documento' });
  await form.getByLabel('File').setInputFiles({ name: 'PAI firmato.pdf', mimeType: 'application/pdf', buffer: pdf });
  await form.getByLabel(/Tipo di documento/).selectOption('PAI_FIRMATO');
  await form.getByLabel(/^Titolo/).fill('PAI firmato dalla persona');
  await form.getByRole('button', { name: 'Carica il documento' }).click();
  await expect(form.getByText('Documento caricato.')).toBeVisible();

  const list = page.getByRole('list', { name: 'Documenti allegati' });
  await expect(list.getByText('PAI firmato dalla persona')).toBeVisible();

  await list.getByRole('button', { name: 'Anteprima di PAI firmato dalla persona' }).click();
  const preview = page.getByRole('dialog', { name: 'Anteprima di PAI firmato dalla persona' });
  await expect(preview.locator('iframe')).toHaveAttribute('src', /^blob:/);
  await preview.getByRole('button', { name: 'Chiudi l’anteprima' }).click();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    list.getByRole('link', { name: 'Scarica PAI firmato dalla persona' }).first().click(),
  ]);
  expect(download.suggestedFilename()).toBe('PAI firmato.pdf');
  const saved = await download.path();
  const { readFile } = await import('node:fs/promises');
  expect(Buffer.compare(await readFile(saved), pdf)).toBe(0);
  await signOut(page);
});
