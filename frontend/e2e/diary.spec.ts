/**
 * The case diary (diario sociale, issue 17): the PUA social worker opens a
 * person's record, writes a diary entry in two clicks and finds it in the
 * person's timeline, at the top, editable for 24 hours; on a phone the
 * record does not scroll sideways.
 */
import { expect, signIn, test } from './fixtures';

const PASSWORD = 'ponte-demo-2026';
const SOCIAL_WORKER = 'assistente.sociale@ponte.demo';

test('a diary entry written in the record shows in the timeline', async ({ page }) => {
  await page.goto('/');
  await signIn(page, SOCIAL_WORKER, PASSWORD);
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Persone' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Persone' })).toBeVisible();
  await page.getByTestId('riga-persona').first().getByRole('link').first().click();
  // A phone's width, as the record is used on a home visit.
  await page.setViewportSize({ width: 390, height: 844 });
  const timeline = page.getByTestId('cronologia');
  await expect(page.getByRole('heading', { level: 2, name: 'Diario e cronologia' })).toBeVisible();

  const text = `Colloquio in sede con la figlia ${Date.now()}: chiede il SAD.`;
  await page.getByRole('button', { name: 'Nuova nota di diario' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nuova nota di diario' });
  await dialog.getByLabel('Tipo').selectOption('COLLOQUIO');
  await dialog.getByLabel('Durata (minuti)').fill('30');
  await dialog.getByLabel('Luogo').fill('Casa di Comunità');
  await dialog.getByLabel('Testo della nota').fill(text);
  await dialog.getByRole('button', { name: 'Salva la nota' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Nota di diario salvata.')).toBeVisible();

  const entry = timeline.getByTestId('nota-diario').filter({ hasText: text });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText('Colloquio');
  await expect(entry.getByRole('button', { name: /^Modifica la nota del/ })).toBeVisible();
  await expect(timeline.getByTestId('evento-cronologia').first()).toContainText(text);

  // The filter keeps the diary's entries only.
  await page.getByLabel('Mostra').selectOption('DIARY_ENTRY');
  await expect(timeline.getByTestId('evento-cronologia').first()).toContainText('Nota di diario');

  const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(width.scroll, 'the record scrolls sideways at 390 px').toBeLessThanOrEqual(width.inner);
});
