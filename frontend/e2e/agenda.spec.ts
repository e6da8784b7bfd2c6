/**
 * The agenda (issue 17): the social worker opens Agenda from the navigation,
 * sees her teams' overdue review first with its badge, and opens it.
 */
import { checkScreen, expect, signIn, test } from './fixtures';

const PASSWORD = 'ponte-demo-2026';
const SOCIAL_WORKER = 'assistente.sociale@ponte.demo';

test('the agenda shows an overdue review first and opens it', async ({ page }) => {
  await page.goto('/');
  await signIn(page, SOCIAL_WORKER, PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio lavoro' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Agenda' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Agenda' })).toBeVisible();
  await page.getByLabel('Di chi').selectOption({ label: 'Delle mie équipe' });
  await expect(page).toHaveURL(/ambito=MY_TEAMS/);

  // The overdue items come before the week's days, the first one a review with its badge.
  const overdue = page.getByTestId('in-ritardo');
  await expect(overdue).toBeVisible();
  const first = overdue.getByTestId('scadenza').first();
  await expect(first).toContainText('Revisione del progetto');
  await expect(first.locator('.badge', { hasText: 'In ritardo' })).toBeVisible();
  const sections = page.locator('[data-testid="in-ritardo"], [data-testid="giorno"]');
  await expect(sections.first()).toHaveAttribute('data-testid', 'in-ritardo');
  await checkScreen(page, 'agenda-settimana', 'main');

  const link = first.getByRole('link');
  const title = (await link.textContent())?.trim() ?? '';
  await link.click();
  await expect(page).toHaveURL(/\/progetti\/[0-9a-f-]+/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
});
