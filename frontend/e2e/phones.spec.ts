/**
 * Phones: every route of the app (src/routes.ts), as the demo users who can
 * open it, at 390×844 and 360×740 in Chromium: no sideways scroll (the page is
 * no wider than the window, and no element sticks out of it unless a scrolling
 * box such as `.table-responsive` holds it) and axe clean.
 */
import type { Page } from '@playwright/test';
import { checkScreen, DEMO_ADMIN, expect, signIn, signOut, test } from './fixtures';

const PASSWORD = 'ponte-demo-2026';
const PHONES = [
  { width: 390, height: 844 },
  { width: 360, height: 740 },
] as const;

/** Asks Ponte's GraphQL as the signed-in user (the page's cookies). */
async function ask<T>(page: Page, query: string): Promise<T> {
  const response = await page.request.post('/graphql', { headers: { 'X-Ponte-CSRF': '1' }, data: { query } });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  expect(body.errors, `GraphQL errors for ${query}`).toBeUndefined();
  return body.data as T;
}

/**
 * The widest element sticking out of the window on the right (or the left),
 * unless an ancestor scrolls or clips it sideways: what makes a phone scroll
 * the page sideways, named so that the message says what to fix.
 */
async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    // An ancestor that scrolls or clips sideways holds an element in, except one positioned
    // absolutely outside it (a .visually-hidden caption in a scrolling table escapes to the page).
    const clipped = (element: Element): boolean => {
      let escaping = ['absolute', 'fixed'].includes(getComputedStyle(element).position);
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        const containing = !escaping || (style.position !== 'static' && getComputedStyle(element).position !== 'fixed');
        if (containing && style.overflowX !== 'visible') return true;
        if (escaping && containing) escaping = false;
      }
      return false;
    };
    let worst: { by: number; what: string } | undefined;
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const by = Math.max(box.right - width, -box.left);
      if (by <= 1 || (worst && by <= worst.by) || clipped(element)) continue;
      const id = element.id ? `#${element.id}` : '';
      const classes =
        typeof element.className === 'string' && element.className ? `.${element.className.trim().split(/\s+/).join('.')}` : '';
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
      worst = { by: Math.round(by), what: `<${element.tagName.toLowerCase()}${id}${classes}> «${text}»` };
    }
    const scrollWidth = document.documentElement.scrollWidth;
    return { scrollWidth, innerWidth: width, worst };
  });
}

/**
 * Every route at both widths; a failure is noted and the visits go on, so
 * one run lists every screen to fix (the test fails at the end with them all).
 */
async function checkPhoneScreen(page: Page, path: string, name: string) {
  for (const phone of PHONES) {
    try {
      await checkPhoneWidth(page, path, name, phone);
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
  }
}

const failures: string[] = [];
test.afterEach(() => {
  const found = failures.splice(0);
  expect(found, found.join('\n\n')).toEqual([]);
});

async function checkPhoneWidth(page: Page, path: string, name: string, phone: (typeof PHONES)[number]) {
  await page.setViewportSize(phone);
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.getByText('Caricamento in corso…')).toHaveCount(0);
  const found = await sidewaysOverflow(page);
  const where = `${path} at ${phone.width} px`;
  expect(found.worst, `${where}: an element sticks out by ${found.worst?.by} px: ${found.worst?.what}`).toBeUndefined();
  expect(found.scrollWidth, `${where}: the page scrolls sideways`).toBeLessThanOrEqual(found.innerWidth);
  await checkScreen(page, `telefono-${phone.width}-${name}`);
}

test.describe.configure({ timeout: 300_000 });

test('phones: the sign-in page', async ({ page }) => {
  await checkPhoneScreen(page, '/accesso', 'accesso');
});

/** Signs in as the demo social worker; her persons and projects, for the screens that show one. */
async function asSocialWorker(page: Page) {
  await page.goto('/accesso');
  await signIn(page, 'assistente.sociale@ponte.demo', PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio lavoro' })).toBeVisible();
  const data = await ask<{
    persons: { nodes: { id: string; projects: { id: string }[] }[] };
    projects: { nodes: { id: string; kind: string; status: string }[] };
  }>(page, '{ persons(first: 100) { nodes { id projects { id } } } projects(mine: true, first: 100) { nodes { id kind status } } }');
  // One project of each kind and status: the budget, the charts and the tables differ with them.
  const seen = new Set<string>();
  const projects = data.projects.nodes.filter((p) => !seen.has(`${p.kind}-${p.status}`) && seen.add(`${p.kind}-${p.status}`));
  expect(projects.length).toBeGreaterThan(0);
  return { persons: data.persons.nodes, projects };
}

// The social worker sees the most screens: three tests, each well within its time on 2 busy cores.
test('phones: the social worker’s lists and forms', async ({ page }) => {
  await asSocialWorker(page);
  for (const [path, name] of [
    ['/', 'il-mio-lavoro'],
    ['/persone', 'persone'],
    ['/persone/nuova', 'nuova-persona'],
    ['/progetti', 'progetti'],
    ['/valutazioni', 'valutazioni'],
    ['/valutazioni/strumenti', 'strumenti-di-valutazione'],
    ['/dimissioni', 'dimissioni'],
    ['/accordi', 'accordi'],
    ['/incontri', 'incontri'],
    ['/incontri/nuovo', 'nuovo-incontro'],
    ['/notifiche', 'notifiche'],
  ] as const) {
    await checkPhoneScreen(page, path, name);
  }
  // The meetings of the demo (its year of training and supervision), the first few.
  const meetings = await ask<{ meetings: { nodes: { id: string }[] } }>(
    page,
    '{ meetings(from: "2000-01-01", to: "2100-12-31", first: 3) { nodes { id } } }',
  );
  for (const meeting of meetings.meetings.nodes) await checkPhoneScreen(page, `/incontri/${meeting.id}`, `incontro-${meeting.id}`);
  await signOut(page);
});

test('phones: the social worker’s persons and projects', async ({ page }) => {
  const { persons: all, projects } = await asSocialWorker(page);
  // The persons with the most projects: the longest records.
  const persons = [...all].sort((a, b) => b.projects.length - a.projects.length).slice(0, 3);
  expect(persons.length).toBeGreaterThan(0);
  for (const person of persons) await checkPhoneScreen(page, `/persone/${person.id}`, `persona-${person.id}`);
  await checkPhoneScreen(page, `/persone/${persons[0].id}/progetti/nuovo`, 'nuovo-progetto');
  for (const project of projects) await checkPhoneScreen(page, `/progetti/${project.id}`, `progetto-${project.id}`);
  await signOut(page);
});

/** No sideways scroll with a dialog open (its controls in the window), and `control` reachable on screen. */
async function expectReachable(page: Page, control: ReturnType<Page['getByRole']>, where: string) {
  await control.scrollIntoViewIfNeeded();
  await expect(control, `${where}: the control is on screen`).toBeInViewport();
  const found = await sidewaysOverflow(page);
  expect(found.worst, `${where}: an element sticks out by ${found.worst?.by} px: ${found.worst?.what}`).toBeUndefined();
  expect(found.scrollWidth, `${where}: the page scrolls sideways`).toBeLessThanOrEqual(found.innerWidth);
}

test('phones: the diary (writing an entry and attaching to it), the agenda and the documents', async ({ page }) => {
  const { persons } = await asSocialWorker(page);
  await checkPhoneScreen(page, '/agenda', 'agenda');
  const person = persons[0];
  for (const phone of PHONES) {
    const where = `the diary at ${phone.width} px`;
    await page.setViewportSize(phone);
    // As the agenda's follow-up opens it: the diary in view.
    await page.goto(`/persone/${person.id}#scheda-diario`);
    const heading = page.getByRole('heading', { name: 'Diario e cronologia' });
    await expect(heading).toBeFocused();
    await expect(heading).toBeInViewport();
    const diary = page.locator('section', { has: heading });
    await expectReachable(page, diary.getByRole('button', { name: 'Nuova nota di diario' }), where);
    await diary.getByRole('button', { name: 'Nuova nota di diario' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nuova nota di diario' });
    await dialog.getByLabel('Testo della nota').fill(`Telefonata di verifica dal telefono (${phone.width} px).`);
    await expectReachable(page, dialog.getByRole('button', { name: 'Salva la nota' }), `${where}, new entry`);
    await dialog.getByRole('button', { name: 'Salva la nota' }).click();
    await expect(page.getByText('Nota di diario salvata.')).toBeVisible();
    // The entry's attachments: the upload reachable in the dialog.
    const entry = diary.getByTestId('nota-diario').filter({ hasText: `(${phone.width} px)` });
    await entry.getByRole('button', { name: /^Allegati della nota del/ }).click();
    const attachments = page.getByRole('dialog', { name: 'Allegati della nota di diario' });
    await expectReachable(page, attachments.getByRole('button', { name: 'Carica un documento' }), `${where}, attachments`);
    await attachments.getByRole('button', { name: 'Chiudi', exact: true }).click();
    // The record's documents section.
    await expectReachable(
      page,
      page
        .locator('section', { has: page.getByRole('heading', { name: 'Documenti', exact: true }) })
        .getByRole('button', { name: 'Carica un documento' }),
      `the documents at ${phone.width} px`,
    );
  }
  await signOut(page);
});

test('phones: every section of two projects', async ({ page }) => {
  const { projects } = await asSocialWorker(page);
  // Every section (?sezione=): the budget's charts and tables, the scores, the history.
  for (const project of projects.slice(0, 2)) {
    for (const section of ['integrato', 'consenso', 'verifiche', 'budget', 'punteggi', 'storia']) {
      await checkPhoneScreen(page, `/progetti/${project.id}?sezione=${section}`, `progetto-${project.id}-${section}`);
    }
  }
  await signOut(page);
});

test('phones: the UVM geriatra’s assessments', async ({ page }) => {
  await page.goto('/accesso');
  await signIn(page, 'geriatra@ponte.demo', PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio lavoro' })).toBeVisible();
  const data = await ask<{ persons: { nodes: { id: string; assessments: { nodes: { id: string }[] } }[] } }>(
    page,
    '{ persons(first: 100) { nodes { id assessments(first: 5) { nodes { id } } } } }',
  );
  const assessed = data.persons.nodes.filter((p) => p.assessments.nodes.length > 0);
  expect(assessed.length).toBeGreaterThan(0);
  await checkPhoneScreen(page, '/valutazioni', 'valutazioni-geriatra');
  await checkPhoneScreen(page, `/persone/${assessed[0].id}/valutazioni/nuova`, 'nuova-valutazione');
  for (const assessment of assessed.flatMap((p) => p.assessments.nodes).slice(0, 3)) {
    await checkPhoneScreen(page, `/valutazioni/${assessment.id}`, `valutazione-${assessment.id}`);
  }
  await signOut(page);
});

test('phones: the ward’s protected discharges', async ({ page }) => {
  await page.goto('/accesso');
  await signIn(page, 'reparto@ponte.demo', PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio lavoro' })).toBeVisible();
  const data = await ask<{ discharges: { nodes: { id: string }[] } }>(page, '{ discharges(first: 3) { nodes { id } } }');
  expect(data.discharges.nodes.length).toBeGreaterThan(0);
  await checkPhoneScreen(page, '/dimissioni', 'dimissioni-reparto');
  await checkPhoneScreen(page, '/dimissioni/nuova', 'nuova-dimissione');
  for (const discharge of data.discharges.nodes) await checkPhoneScreen(page, `/dimissioni/${discharge.id}`, `dimissione-${discharge.id}`);
  await signOut(page);
});

test('phones: the administrator’s screens, the indicators and the registers', async ({ page }) => {
  await page.goto('/accesso');
  await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio lavoro' })).toBeVisible();
  const data = await ask<{ teams: { nodes: { id: string }[] } }>(page, '{ teams(first: 1) { nodes { id } } }');
  for (const [path, name] of [
    ['/indicatori', 'indicatori'],
    ['/amministrazione', 'amministrazione'],
    ['/amministrazione/enti', 'amministrazione-enti'],
    ['/amministrazione/equipe', 'amministrazione-equipe'],
    [`/amministrazione/equipe/${data.teams.nodes[0].id}`, 'amministrazione-una-equipe'],
    ['/amministrazione/sistemi-collegati', 'amministrazione-sistemi-collegati'],
    ['/nomenclatore', 'nomenclatore'],
    ['/accordi', 'accordi-amministrazione'],
    ['/accordi/nuovo', 'nuovo-accordo'],
    ['/incontri', 'incontri-amministrazione'],
  ] as const) {
    await checkPhoneScreen(page, path, name);
  }
  // The agreements of the demo, each with its edit form.
  const agreements = await ask<{ networkAgreements: { nodes: { id: string }[] } }>(
    page,
    '{ networkAgreements(first: 3) { nodes { id } } }',
  );
  for (const agreement of agreements.networkAgreements.nodes) {
    await checkPhoneScreen(page, `/accordi/${agreement.id}`, `accordo-${agreement.id}`);
    await checkPhoneScreen(page, `/accordi/${agreement.id}/modifica`, `modifica-accordo-${agreement.id}`);
  }
  await signOut(page);
});
