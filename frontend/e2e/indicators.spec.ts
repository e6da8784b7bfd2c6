import { readFileSync } from 'node:fs';

import { checkScreen, DEMO_ADMIN, expect, signIn, signOut, test } from './fixtures';

/** The Ufficio di Piano's REPORTER of the demo: the Ambito of Valle Camonica. */
const ACCOUNT = { email: 'ufficio.piano@ponte.demo', password: DEMO_ADMIN.password };

test('the planning office reads the indicators, their data and definitions, and finds the export', async ({ page }) => {
  await page.goto('/');
  await signIn(page, ACCOUNT.email, ACCOUNT.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio lavoro' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Indicatori' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Indicatori' })).toBeVisible();

  // At least one computed indicator with its figure: a number, "< 5" or "—".
  const card = page.getByTestId('indicatore').first();
  await expect(card.getByTestId('valore')).toHaveText(/^(\d[\d.]*(,\d+)?( %| giorni| giorno| €)?|< 5|— nessun dato)$/);
  await expect(card.getByTestId('confronto')).not.toBeEmpty();

  // The quarterly series as a table behind "Mostra i dati".
  await card.getByText('Mostra i dati').click();
  const table = card.getByRole('table');
  await expect(table).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table.getByRole('rowheader').first()).toHaveText(/^1° trim\. \d{4}$/);

  // The definition on demand.
  await card.getByText('Definizione').click();
  await expect(card.getByText('Che cosa misura')).toBeVisible();
  await expect(card.getByText('Fonte')).toBeVisible();

  // The export links carry the view's parameters.
  const lastYear = new Date().getFullYear() - 1;
  await expect(page.getByRole('link', { name: 'Scarica CSV' })).toHaveAttribute(
    'href',
    new RegExp(`^/export/indicators\\.csv\\?from=${lastYear}-01-01&to=${lastYear}-12-31(&territoryId=[^&]+)?&breakdown=QUARTER$`),
  );
  await expect(page.getByRole('link', { name: 'Scarica Excel (XLSX)' })).toHaveAttribute('download', '');
  await checkScreen(page, '30-indicatori');

  // The downloads themselves: a CSV an Italian spreadsheet opens, a workbook.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Scarica CSV' }).click()]);
  expect(csv.suggestedFilename()).toBe(`indicatori-${lastYear}-01-01-${lastYear}-12-31.csv`);
  const text = readFileSync(await csv.path(), 'utf8');
  expect(text.startsWith('\ufeffCodice;Indicatore;Unità;Dal;Al;Valore;Numeratore;Denominatore;Soppresso;Parte\r\n')).toBe(true);
  expect(text).toContain(`;01/01/${lastYear};31/12/${lastYear};`);
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Scarica Excel (XLSX)' }).click()]);
  expect(xlsx.suggestedFilename()).toBe(`indicatori-${lastYear}-01-01-${lastYear}-12-31.xlsx`);
  expect(
    readFileSync(await xlsx.path())
      .subarray(0, 2)
      .toString('latin1'),
  ).toBe('PK');

  // A REPORTER reads no person: no case-work menu, and the API refuses.
  const navigation = page.getByRole('navigation', { name: 'Navigazione principale' });
  await expect(navigation.getByRole('link', { name: 'Persone' })).toHaveCount(0);
  const persons = await page.request.post('/graphql', {
    headers: { 'content-type': 'application/json', 'x-ponte-csrf': '1' },
    data: { query: '{ persons(first: 5) { nodes { id familyName } } }' },
  });
  const answer = (await persons.json()) as { errors?: { extensions?: { code?: string } }[] };
  expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

  // The chosen period is in the address: a reload shows the same view.
  await page.getByLabel('Periodo', { exact: true }).selectOption(String(lastYear - 1));
  await expect(page).toHaveURL(new RegExp(`/indicatori\\?anno=${lastYear - 1}`));
  await page.reload();
  await expect(page.getByLabel('Periodo', { exact: true })).toHaveValue(String(lastYear - 1));
  await expect(page.getByRole('link', { name: 'Scarica CSV' })).toHaveAttribute('href', new RegExp(`from=${lastYear - 1}-01-01`));
  await expect(page.getByTestId('indicatore').first().getByTestId('valore')).toBeVisible();

  // A territory (the last one offered): its id goes to the query and to the export.
  const territory = page.getByLabel('Territorio', { exact: true });
  const territories = await territory.locator('option').evaluateAll((options) => options.map((o) => o.getAttribute('value') ?? ''));
  const chosen = territories.filter(Boolean).at(-1) ?? '';
  expect(chosen).not.toBe('');
  await territory.selectOption(chosen);
  await expect(page).toHaveURL(new RegExp(`territorio=${chosen}`));
  await expect(page.getByRole('link', { name: 'Scarica CSV' })).toHaveAttribute('href', new RegExp(`&territoryId=${chosen}&`));
  await expect(page.getByTestId('indicatore').first().getByTestId('valore')).toBeVisible();

  // On a phone, 390 px wide: the cards stack, nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('indicatore').first().getByText('Mostra i dati').click();
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(sideways).toBeLessThanOrEqual(0);
  await checkScreen(page, '30b-indicatori-telefono');
  await signOut(page);
});
