import { checkScreen, DEMO_ADMIN, expect, signIn, signInInTheDialog, signOut, test, trackGraphqlRequests } from './fixtures';

const stamp = Date.now().toString().slice(-6);
const organization = { name: `Comune di Prova ${stamp}`, fiscalCode: `00${stamp}000`.slice(0, 11) };
const team = { name: `Équipe di prova ${stamp}` };
const operator = {
  email: `giulia.bianchi.${stamp}@ponte.test`,
  name: 'Giulia Bianchi',
  password: 'password-e2e-2026',
};

test('a wrong password shows the Italian error', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Accedi a Ponte' })).toBeVisible();
  await signIn(page, DEMO_ADMIN.email, 'non-e-la-password');
  await expect(page.getByRole('alert')).toHaveText('Email o password non corretti');
  await checkScreen(page, '00-accesso-errore');
});

test('the administrator creates an organization and an operator, who then signs in', async ({ page }) => {
  // Accesso
  await page.goto('/');
  await expect(page).toHaveURL(/\/accesso$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Accedi a Ponte' })).toBeVisible();
  await checkScreen(page, '01-accesso');
  await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password);

  // Il mio lavoro
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio lavoro' })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  const adminName = (await page.getByTestId('utente-collegato').innerText()).trim();
  expect(adminName).not.toBe('');
  await expect(page.getByTestId('benvenuto')).toHaveText(`Ti diamo il benvenuto, ${adminName}.`);
  await expect(page.getByText('Amministratore').first()).toBeVisible();
  // An administrator reads no case data: no projects, discharges or referrals, only notifications.
  await expect(page.getByRole('heading', { level: 3, name: 'Notifiche non lette' })).toBeVisible();
  await expect(page.getByText('Nessuna notifica da leggere.')).toBeVisible();
  for (const card of ['I miei progetti', 'Dimissioni in corso']) {
    await expect(page.getByRole('heading', { level: 3, name: card })).toHaveCount(0);
  }
  await expect(page.getByRole('heading', { name: 'Segnalazioni aperte' })).toHaveCount(0);
  await checkScreen(page, '02-il-mio-lavoro');

  // The menu offers what an administrator can use: no case screen.
  const nav = page.getByRole('navigation', { name: 'Navigazione principale' });
  await expect(nav.getByRole('link')).toHaveText([
    'Il mio lavoro',
    'Indicatori',
    'Accordi',
    'Incontri',
    'Nomenclatore',
    'Notifiche',
    'Amministrazione',
  ]);
  await nav.getByRole('link', { name: 'Notifiche' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifiche' })).toBeVisible();
  await expect(page.getByText('Nessuna notifica.')).toBeVisible();
  await checkScreen(page, '07-notifiche-amministratore');
  // Reached by their address, the case sections say, in Italian, that they are for the operators of the teams.
  for (const [path, label, text, file] of [
    ['/progetti', 'Progetti', 'I progetti individuali sono visibili agli operatori', '04-progetti-amministratore'],
    ['/dimissioni', 'Dimissioni protette', 'Le dimissioni protette sono visibili al reparto', '06-dimissioni-amministratore'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
    await expect(page.getByText(text)).toBeVisible();
    await checkScreen(page, file);
  }
  // Valutazioni is case work; the instruments the server scores stay one link away.
  await page.goto('/valutazioni');
  await expect(page.getByRole('heading', { level: 1, name: 'Valutazioni' })).toBeVisible();
  await expect(page.getByText('Le valutazioni sono visibili agli operatori')).toBeVisible();
  await page.getByRole('link', { name: 'Strumenti di valutazione' }).click();
  await expect(page).toHaveURL(/\/valutazioni\/strumenti$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Indice di Barthel (ADL)' })).toBeVisible();
  await checkScreen(page, '05-valutazioni');

  // Amministrazione: users
  await nav.getByRole('link', { name: 'Amministrazione' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Amministrazione' })).toBeVisible();
  await expect(page.getByTestId('riga-utente').filter({ hasText: DEMO_ADMIN.email })).toBeVisible();
  await checkScreen(page, '08-amministrazione-utenti');

  // Amministrazione: organizations
  await page.getByRole('link', { name: 'Enti', exact: true }).click();
  await expect(page).toHaveURL(/\/amministrazione\/enti$/);
  await page.getByLabel("Nome dell'ente").fill(organization.name);
  await page.getByLabel('Tipo di ente', { exact: true }).last().selectOption({ label: 'Comune' });
  const fiscal = page.getByLabel(/Codice fiscale/);
  await fiscal.fill('1234x');
  await expect(page.getByText('Il codice fiscale di un ente è composto da 11 cifre')).toBeVisible();
  await fiscal.fill(organization.fiscalCode);
  await page.getByRole('button', { name: 'Crea ente' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Ente creato: ${organization.name}.` })).toBeVisible();
  const row = page.getByTestId('riga-ente').filter({ hasText: organization.name });
  await expect(row).toContainText('Comune');
  await expect(row).toContainText(organization.fiscalCode);
  // The filter by kind keeps it among the Comuni and hides it among the ASL.
  await page.locator('#enti-filtro-tipo').selectOption('COMUNE');
  await expect(row).toBeVisible();
  await page.locator('#enti-filtro-tipo').selectOption('ASL');
  await expect(page.getByText('Nessun ente di questo tipo.')).toBeVisible();
  await page.locator('#enti-filtro-tipo').selectOption('');
  await checkScreen(page, '09-amministrazione-enti');

  // Amministrazione: équipe — create one, add a member, remove them, see the history.
  await page.getByRole('link', { name: 'Équipe', exact: true }).click();
  await expect(page).toHaveURL(/\/amministrazione\/equipe$/);
  await expect(page.getByTestId('riga-equipe').filter({ hasText: 'UVM Valle Camonica' })).toBeVisible();
  await page.getByLabel("Nome dell'équipe").fill(team.name);
  await page.getByLabel('Tipo di équipe', { exact: true }).last().selectOption({ label: 'Équipe multidisciplinare' });
  await page.getByLabel('Ente di appartenenza').selectOption({ label: organization.name });
  await page.getByRole('button', { name: 'Crea équipe' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Équipe creata: ${team.name}.` })).toBeVisible();
  await checkScreen(page, '09b-amministrazione-equipe');
  await page.getByRole('link', { name: `Apri l'équipe ${team.name}` }).click();
  await expect(page.getByRole('heading', { level: 2, name: team.name })).toBeVisible();
  await expect(page.getByText('Nessun componente.')).toBeVisible();
  await page.getByLabel('Cerca utente per nome o email').fill('psicologa');
  await page.getByLabel('Utente', { exact: true }).selectOption({ label: 'Laura Franzoni (psicologa@ponte.demo)' });
  await page.getByLabel('Ruolo nell’équipe').selectOption('COORDINATOR');
  await page.getByRole('button', { name: 'Aggiungi', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: "Laura Franzoni ora fa parte dell'équipe." })).toBeVisible();
  const member = page.getByTestId('riga-componente').filter({ hasText: 'Laura Franzoni' });
  await expect(member).toContainText('Coordinatore');
  await member.getByRole('button', { name: "Togli Laura Franzoni dall'équipe" }).click();
  await expect(page.getByRole('status').filter({ hasText: "Laura Franzoni non fa più parte dell'équipe" })).toBeVisible();
  await expect(page.getByText('Nessun componente.')).toBeVisible();
  await page.getByText('Mostra anche chi non ne fa più parte').click();
  await expect(member).toContainText('Non più componente');
  await checkScreen(page, '09c-amministrazione-equipe-dettaglio');

  // Amministrazione: a new operator
  await page.getByRole('link', { name: 'Utenti', exact: true }).click();
  await expect(page).toHaveURL(/\/amministrazione$/);
  await page.getByLabel('Email', { exact: true }).fill(operator.email);
  await page.getByLabel('Nome visualizzato').fill(operator.name);
  await page.getByLabel('Password iniziale').fill('corta');
  await expect(page.getByText('La password deve avere almeno 12 caratteri (ora ne ha 5).')).toBeVisible();
  await page.getByLabel('Password iniziale').fill(operator.password);
  await page.getByLabel('Ruolo').selectOption('OPERATOR');
  await page.getByLabel('Professione').selectOption({ label: 'Assistente sociale' });
  await page.getByLabel('Ente', { exact: true }).selectOption({ label: organization.name });
  await page.getByRole('button', { name: 'Crea utente' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Utente creato: ${operator.name} (${operator.email}).` })).toBeVisible();
  await page.getByLabel('Cerca per nome o email').fill(operator.email);
  await page.getByRole('button', { name: 'Cerca' }).click();
  const operatorRow = page.getByTestId('riga-utente').filter({ hasText: operator.email });
  await expect(operatorRow).toContainText('Operatore');
  await expect(operatorRow).toContainText(organization.name);
  await expect(operatorRow).toContainText('Attivo');
  await expect(page.getByText('Un utente in totale.')).toBeVisible();

  // The same email again: the server's CONFLICT, in Italian.
  await page.getByLabel('Email', { exact: true }).fill(operator.email);
  await page.getByLabel('Nome visualizzato').fill('Altro nome');
  await page.getByLabel('Password iniziale').fill(operator.password);
  await page.getByLabel('Professione').selectOption({ label: 'Infermiere' });
  await page.getByLabel('Ente', { exact: true }).selectOption({ label: organization.name });
  await page.getByRole('button', { name: 'Crea utente' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Esiste già un utente con questa email' })).toBeVisible();
  await checkScreen(page, '10-amministrazione-nuovo-utente');

  // Deactivate and reactivate the account (updateUser with expectedVersion).
  await operatorRow.getByRole('button', { name: `Disattiva l'account di ${operator.name}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `L'account di ${operator.name} è stato disattivato` })).toBeVisible();
  await expect(operatorRow).toContainText('Disattivato');
  await operatorRow.getByRole('button', { name: `Riattiva l'account di ${operator.name}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `L'account di ${operator.name} è stato riattivato.` })).toBeVisible();
  await expect(operatorRow).toContainText('Attivo');

  await signOut(page);

  // The operator signs in: no Amministrazione for them.
  await signIn(page, operator.email, operator.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio lavoro' })).toBeVisible();
  await expect(page.getByTestId('benvenuto')).toHaveText(`Ti diamo il benvenuto, ${operator.name}.`);
  await expect(page.getByText(`${organization.name} — Comune`)).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Il mio lavoro' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Amministrazione' })).toHaveCount(0);
  await checkScreen(page, '11-il-mio-lavoro-operatore');
  await signOut(page);
});

test('when the session ends, signing in again in a dialog over the page keeps it as it was', async ({ page, context }) => {
  const graphql = trackGraphqlRequests(page);
  await page.goto('/amministrazione/enti');
  await expect(page).toHaveURL(/\/accesso\?ritorno=%2Famministrazione%2Fenti$/);
  await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await expect(page).toHaveURL(/\/amministrazione\/enti$/);
  await expect(page.getByTestId('riga-ente').first()).toBeVisible();

  // The session disappears (expired, or ended elsewhere); the next request notices.
  await expect.poll(graphql.inFlight).toBe(0);
  await context.clearCookies();
  await page.locator('#enti-filtro-tipo').selectOption('OSPEDALE');
  // The sign-in comes over the page, which keeps what was chosen.
  await expect(page.getByRole('alertdialog', { name: 'La sessione è scaduta' })).toBeVisible();
  await checkScreen(page, '12-sessione-scaduta');
  await signInInTheDialog(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await expect(page).toHaveURL(/\/amministrazione\/enti$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Amministrazione' })).toBeVisible();
  await expect(page.locator('#enti-filtro-tipo')).toHaveValue('OSPEDALE');
});

test('after "Esci", the browser\'s Back shows the sign-in page, not the record the user had open', async ({ page }) => {
  await page.goto('/persone');
  await signIn(page, 'assistente.sociale@ponte.demo', 'ponte-demo-2026');
  const first = page.getByTestId('riga-persona').first().getByRole('link');
  const name = (await first.innerText()).trim();
  const record = await first.getAttribute('href');
  expect(record).toMatch(/^\/persone\//);
  // The record opened from a link (a page load of its own, as from an email
  // or a bookmark), then another page, then "Esci".
  await page.goto(record!);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name.split(' ')[0]);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio lavoro' })).toBeVisible();
  await signOut(page);
  await page.goBack();
  await expect(page).toHaveURL(/\/accesso\?ritorno=/);
  await expect(page.getByRole('heading', { level: 1, name: 'Accedi a Ponte' })).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
  await expect(page.getByTestId('utente-collegato')).toHaveCount(0);
});
