/**
 * Issue 16, points 10–12 in Chromium against the real server and the demo
 * data: a search typed with the curly apostrophe of phones and word
 * processors, kept in the address with the filters so that Back brings the
 * list back; a closing the project cannot make yet, naming the open goals and
 * leading to them; the assessment form marking the items left without an
 * answer. Nothing is written, so the other flows find the demo as it was.
 */
import type { Page } from '@playwright/test';
import { checkScreen, expect, signIn, test } from './fixtures';

const PASSWORD = 'ponte-demo-2026';
const SOCIAL_WORKER = 'assistente.sociale@ponte.demo';
const GERIATRA = 'geriatra@ponte.demo';

/** Asks Ponte's GraphQL as the signed-in user (the page's cookies). */
async function ask<T>(page: Page, query: string): Promise<T> {
  const response = await page.request.post('/graphql', { headers: { 'X-Ponte-CSRF': '1' }, data: { query } });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  expect(body.errors, `GraphQL errors for ${query}`).toBeUndefined();
  return body.data as T;
}

async function signInAs(page: Page, email: string) {
  await page.goto('/');
  await signIn(page, email, PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio lavoro' })).toBeVisible();
}

async function search(page: Page, typed: string) {
  await page.getByLabel('Cerca per nome o codice fiscale').fill(typed);
  await page.getByRole('button', { name: 'Cerca', exact: true }).click();
}

test('a search typed with a curly apostrophe finds D’Alessio, and Back brings back the search and the filters', async ({ page }) => {
  await signInAs(page, SOCIAL_WORKER);
  await page.goto('/persone');
  await search(page, 'd’alessio');
  await expect(page).toHaveURL(/\/persone\?cerca=d%E2%80%99alessio$/);
  const rows = page.getByTestId('riga-persona');
  await expect(rows.first()).toContainText("D'Alessio");
  const found = await rows.count();
  for (const row of await rows.all()) await expect(row).toContainText("D'Alessio");

  // Written without the apostrophe, or with a space, the same persons.
  await search(page, 'dalessio');
  await expect(page).toHaveURL(/cerca=dalessio$/);
  await expect(rows).toHaveCount(found);
  await search(page, 'd alessio');
  await expect(rows).toHaveCount(found);

  // A filter narrows the search and joins it in the address.
  await search(page, 'd’alessio');
  await expect(rows).toHaveCount(found);
  const team = page.getByLabel('Équipe responsabile');
  await expect(team.locator('option')).not.toHaveCount(1);
  const teamId = await team.locator('option').nth(1).getAttribute('value');
  await team.selectOption(teamId ?? '');
  await expect(page).toHaveURL(new RegExp(`cerca=d%E2%80%99alessio&team=${teamId}$`));
  await expect(rows.first()).toContainText("D'Alessio");
  await checkScreen(page, 'p1-ricerca-apostrofo');

  // To a record and back: the list is as it was left.
  await rows.first().getByRole('link').click();
  await expect(page).toHaveURL(/\/persone\/[^/?]+$/);
  await page.goBack();
  await expect(page.getByLabel('Cerca per nome o codice fiscale')).toHaveValue('d’alessio');
  await expect(team).toHaveValue(teamId ?? '');
  await expect(rows.first()).toContainText("D'Alessio");

  // A filter with no match says so; "Azzera i filtri" keeps the search.
  await page.getByLabel("Fascia d'età").selectOption('UNDER_18');
  await expect(page.getByText('Nessuna persona seguita dalle tue équipe corrisponde alla ricerca o ai filtri.')).toBeVisible();
  await page.getByRole('button', { name: 'Azzera i filtri' }).click();
  await expect(page).toHaveURL(/\/persone\?cerca=d%E2%80%99alessio$/);
  await expect(rows).toHaveCount(found);

  // The projects list keeps its filters in the address too.
  await page.goto('/progetti');
  await page.locator('label[for="progetti-scaduti"]').click();
  await expect(page).toHaveURL(/\/progetti\?scadute=1$/);
  await page.getByRole('link', { name: 'Persone', exact: true }).first().click();
  await page.goBack();
  await expect(page.getByLabel('Solo con la verifica scaduta')).toBeChecked();
});

test('a closing the project cannot make yet names the open goals and leads to them, and the closing form asks each outcome', async ({
  page,
}) => {
  await signInAs(page, SOCIAL_WORKER);
  type Projects = { projects: { nodes: Array<{ id: string; goals: Array<{ description: string; status: string }> }> } };
  const data = await ask<Projects>(
    page,
    '{ projects(mine: true, status: ACTIVE, first: 50) { nodes { id goals { description status } } } }',
  );
  const project = data.projects.nodes.find((p) => p.goals.some((g) => g.status === 'OPEN'));
  expect(project, 'a demo project delivering with an open goal').toBeDefined();
  if (!project) return;
  const open = project.goals.filter((g) => g.status === 'OPEN');

  await page.goto(`/progetti/${project.id}`);
  const closing = page.getByTestId('condizioni-CLOSED');
  await expect(closing).toContainText(open.length === 1 ? 'Obiettivo senza esito finale' : 'Obiettivi senza esito finale');
  for (const goal of open) await expect(closing).toContainText(`«${goal.description}»`);
  await checkScreen(page, 'p2-chiusura-obiettivi-aperti');

  // The closing form: every open goal with its outcome, marked when left empty.
  await page.getByRole('button', { name: 'Chiudi il progetto' }).click();
  const outcomes = page.getByRole('group', { name: 'Esito finale degli obiettivi ancora aperti' });
  await expect(outcomes.getByRole('combobox')).toHaveCount(open.length);
  await page.getByLabel('Motivo della chiusura').fill('Trasferimento in altro territorio');
  await page.getByRole('button', { name: 'Conferma la chiusura' }).click();
  await expect(outcomes.getByText('Indica l’esito finale di questo obiettivo').first()).toBeVisible();
  await expect(outcomes.getByRole('combobox').first()).toBeFocused();
  await checkScreen(page, 'p3-chiusura-esiti');
  await page.getByRole('button', { name: 'Annulla' }).click();

  // The link leads to the goals.
  await closing.getByRole('link', { name: 'Vai agli obiettivi' }).click();
  await expect(page).toHaveURL(new RegExp(`/progetti/${project.id}\\?sezione=obiettivi$`));
  await expect(page.getByText(open[0].description).first()).toBeVisible();
});

test('the assessment form keeps its instruments closed and its provisional score in view, and marks the items left empty', async ({
  page,
}) => {
  await signInAs(page, GERIATRA);
  await page.goto('/persone');
  await search(page, 'giorgia pe');
  await page.getByTestId('riga-persona').getByRole('link', { name: 'Pè Giorgia' }).click();
  await page.getByRole('link', { name: 'Nuova valutazione' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Nuova valutazione di / })).toBeVisible();
  await expect(page.getByText('Anteprima calcolata nel browser')).toHaveCount(0);

  const barthel = page.getByTestId('strumento-BARTHEL');
  await expect(barthel.getByRole('radio')).toHaveCount(0);
  await barthel.getByRole('button', { name: /^Compila lo strumento/ }).click();
  await page.locator('label[for="strumento-BARTHEL-FEEDING-10"]').click();
  await page.locator('label[for="strumento-BARTHEL-BATHING-5"]').click();

  // The provisional score stays at the bottom of the window while the items scroll by.
  const summary = page.getByTestId('punteggi-provvisori');
  await expect(summary).toContainText('Punteggio provvisorio');
  await expect(summary).toContainText('Risposte date: 2 su 10 (punti finora: 15)');
  await page.locator('label[for="strumento-BARTHEL-GROOMING-5"]').scrollIntoViewIfNeeded();
  const box = await summary.boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport && box.y + box.height <= viewport.height + 1 && box.y >= 0).toBe(true);

  await page.getByLabel('Luogo').selectOption('DOMICILIO');
  await page.getByLabel('Motivo', { exact: true }).selectOption('REASSESSMENT');
  await page.getByLabel('Livello di bisogno').selectOption('MEDIUM');
  await page.getByLabel('Setting raccomandato').selectOption('HOME_WITH_SAD');
  await page.getByRole('button', { name: 'Registra valutazione' }).click();
  await expect(barthel).toContainText('Mancano le risposte a 8 voci');
  await expect(barthel.getByText('Manca la risposta a questa voce')).toHaveCount(8);
  await expect(page.locator('#strumento-BARTHEL-GROOMING')).toBeFocused();
  await checkScreen(page, 'p4-valutazione-voci-mancanti');

  // On a phone the summary is in view too.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('label[for="strumento-BARTHEL-GROOMING-5"]').click();
  await expect(barthel.getByText('Manca la risposta a questa voce')).toHaveCount(7);
  const phoneBox = await summary.boundingBox();
  expect(phoneBox && phoneBox.y + phoneBox.height <= 844 + 1 && phoneBox.y >= 0).toBe(true);
});
