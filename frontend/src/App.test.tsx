import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from './App';
import { interceptLinks } from './router/router';
import { SessionProvider } from './session/session';
import { adminViewer, fakeServer, viewer, unauthenticated } from './test/fakeServer';

const emptyOrganizations = {
  organizations: {
    __typename: 'OrganizationConnection',
    totalCount: 0,
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
    nodes: [],
  },
};

function renderApp(server: ReturnType<typeof fakeServer>) {
  return render(
    <SessionProvider fetch={server.fetch}>
      <App />
    </SessionProvider>,
  );
}

function signIn() {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'admin@ponte.demo' } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'ponte-demo-2026' } });
  fireEvent.click(screen.getByRole('button', { name: 'Accedi' }));
}

describe('App', () => {
  let stopLinks: () => void;
  beforeEach(() => {
    stopLinks = interceptLinks();
  });
  afterEach(() => stopLinks());

  it('sends a signed-out visitor to the sign-in page and back to where they were', async () => {
    window.history.replaceState(null, '', '/amministrazione/enti');
    const server = fakeServer({
      Me: () => ({ data: { me: null } }),
      Login: () => ({ data: { login: adminViewer } }),
      AdminOrganizations: () => ({ data: emptyOrganizations }),
    });
    renderApp(server);
    expect(await screen.findByRole('heading', { name: 'Accedi a Ponte' })).toBeInTheDocument();
    expect(window.location.pathname + window.location.search).toBe('/accesso?ritorno=%2Famministrazione%2Fenti');

    signIn();
    await waitFor(() => expect(window.location.pathname).toBe('/amministrazione/enti'));
    expect(await screen.findByRole('heading', { level: 2, name: 'Enti' })).toBeInTheDocument();
  });

  it('signs in again in a dialog over the page when an operation finds the session gone, and runs the query again', async () => {
    window.history.replaceState(null, '', '/amministrazione/enti');
    let signedIn = true;
    const server = fakeServer({
      Me: () => ({ data: { me: adminViewer } }),
      AdminOrganizations: () => (signedIn ? { data: emptyOrganizations } : unauthenticated()),
      OrganizationChoices: () => ({ data: emptyOrganizations }),
      Login: () => ({ data: { login: adminViewer } }),
    });
    renderApp(server);
    const filter = await screen.findByLabelText('Tipo di ente', { selector: '#enti-filtro-tipo' });
    signedIn = false;
    fireEvent.change(filter, { target: { value: 'ASL' } });
    const dialog = await screen.findByRole('alertdialog', { name: 'La sessione è scaduta' });
    // The page stays where it was, with what was chosen.
    expect(window.location.pathname).toBe('/amministrazione/enti');
    expect(screen.getByLabelText('Tipo di ente', { selector: '#enti-filtro-tipo' })).toHaveValue('ASL');

    signedIn = true;
    const asked = server.requests.filter((r) => r.operationName === 'AdminOrganizations').length;
    fireEvent.change(within(dialog).getByLabelText('Email'), { target: { value: 'admin@ponte.demo' } });
    fireEvent.change(within(dialog).getByLabelText('Password'), { target: { value: 'ponte-demo-2026' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Accedi' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(screen.getByLabelText('Tipo di ente', { selector: '#enti-filtro-tipo' })).toHaveValue('ASL');
    await waitFor(() => expect(server.requests.filter((r) => r.operationName === 'AdminOrganizations').length).toBeGreaterThan(asked));
    expect(window.location.pathname).toBe('/amministrazione/enti');
  });

  it('goes home with nothing of the page when another user signs in in the dialog', async () => {
    window.history.replaceState(null, '', '/amministrazione/enti');
    let signedIn = true;
    const operator = viewer({ id: '0190a000-0000-7000-8000-000000000002', role: 'OPERATOR', displayName: 'Giulia Bianchi' });
    const server = fakeServer({
      Me: () => ({ data: { me: adminViewer } }),
      AdminOrganizations: () => (signedIn ? { data: emptyOrganizations } : unauthenticated()),
      OrganizationChoices: () => ({ data: emptyOrganizations }),
      Login: () => ({ data: { login: operator } }),
      MyTeams: () => ({ data: { teams: { __typename: 'TeamConnection', nodes: [] } } }),
    });
    renderApp(server);
    const filter = await screen.findByLabelText('Tipo di ente', { selector: '#enti-filtro-tipo' });
    signedIn = false;
    fireEvent.change(filter, { target: { value: 'ASL' } });
    const dialog = await screen.findByRole('alertdialog', { name: 'La sessione è scaduta' });
    fireEvent.change(within(dialog).getByLabelText('Email'), { target: { value: 'giulia@ponte.demo' } });
    fireEvent.change(within(dialog).getByLabelText('Password'), { target: { value: 'ponte-demo-2026' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Accedi' }));
    expect(await screen.findByText('Ti diamo il benvenuto, Giulia Bianchi.')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/');
    expect(screen.queryByLabelText('Tipo di ente', { selector: '#enti-filtro-tipo' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  describe('with a 10-minute idle session', () => {
    beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
    afterEach(() => vi.useRealTimers());

    /** Signed in on the home page, the countdown running. */
    async function signedInIdle() {
      window.history.replaceState(null, '', '/');
      const operator = viewer({ role: 'OPERATOR', displayName: 'Giulia Bianchi' });
      const server = fakeServer({
        Me: () => ({ data: { me: operator } }),
        SessionPolicy: () => ({ data: { sessionPolicy: { __typename: 'SessionPolicy', idleTimeoutSeconds: 600 } } }),
        MyTeams: () => ({ data: { teams: { __typename: 'TeamConnection', nodes: [] } } }),
        UnreadNotificationCount: () => ({ data: { notifications: { __typename: 'NotificationConnection', totalCount: 0 } } }),
        Logout: () => ({ data: { logout: true } }),
      });
      renderApp(server);
      expect(await screen.findByText('Ti diamo il benvenuto, Giulia Bianchi.')).toBeInTheDocument();
      await waitFor(() => expect(server.requests.some((r) => r.operationName === 'SessionPolicy')).toBe(true));
      const asked = (name: string) => server.requests.filter((r) => r.operationName === name).length;
      return { asked };
    }

    it('warns two minutes before the end and stays signed in with "Resta collegato"', async () => {
      const { asked } = await signedInIdle();
      await act(() => vi.advanceTimersByTimeAsync(7 * 60_000));
      expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
      await act(() => vi.advanceTimersByTimeAsync(60_000 + 1));
      const dialog = screen.getByRole('alertdialog', { name: 'La sessione sta per scadere' });
      const meBefore = asked('Me');
      fireEvent.click(within(dialog).getByRole('button', { name: 'Resta collegato' }));
      await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
      expect(asked('Me')).toBe(meBefore + 1);
      // The countdown started over from that answer: no sign-in at the old end.
      await act(() => vi.advanceTimersByTimeAsync(3 * 60_000));
      expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
      expect(screen.getByText('Ti diamo il benvenuto, Giulia Bianchi.')).toBeInTheDocument();
    });

    it('starts the countdown over when another tab of the browser gets an answer', async () => {
      await signedInIdle();
      await act(() => vi.advanceTimersByTimeAsync(7 * 60_000));
      const otherTab = new BroadcastChannel('ponte-sessione');
      otherTab.postMessage('answered');
      otherTab.close();
      // Delivered on the real event loop.
      await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
      await act(() => vi.advanceTimersByTimeAsync(2 * 60_000));
      expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
      await act(() => vi.advanceTimersByTimeAsync(6.5 * 60_000));
      expect(screen.getByRole('alertdialog', { name: 'La sessione sta per scadere' })).toBeInTheDocument();
    });

    it('ends the session when the countdown runs out, though the badge kept asking, and keeps the page under the sign-in', async () => {
      const { asked } = await signedInIdle();
      await act(() => vi.advanceTimersByTimeAsync(10 * 60_000 + 1));
      expect(asked('UnreadNotificationCount')).toBeGreaterThan(1);
      expect(await screen.findByRole('alertdialog', { name: 'La sessione è scaduta' })).toBeInTheDocument();
      expect(asked('Logout')).toBe(1);
      expect(screen.getByText('Ti diamo il benvenuto, Giulia Bianchi.')).toBeInTheDocument();
    });
  });

  it('asks the server again when the browser restores the page from its back-forward cache', async () => {
    window.history.replaceState(null, '', '/');
    let signedIn = true;
    const operator = viewer({ role: 'OPERATOR', displayName: 'Giulia Bianchi', profession: 'ASSISTENTE_SOCIALE' });
    const server = fakeServer({
      Me: () => ({ data: { me: signedIn ? operator : null } }),
      MyTeams: () => ({ data: { teams: { __typename: 'TeamConnection', nodes: [] } } }),
    });
    renderApp(server);
    expect(await screen.findByText('Ti diamo il benvenuto, Giulia Bianchi.')).toBeInTheDocument();
    // Meanwhile the session ended (signed out on this PC); a page shown
    // anew (not restored) keeps what it has.
    signedIn = false;
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
    expect(screen.getByText('Ti diamo il benvenuto, Giulia Bianchi.')).toBeInTheDocument();
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    expect(await screen.findByRole('heading', { name: 'Accedi a Ponte' })).toBeInTheDocument();
    expect(screen.queryByText(/Giulia Bianchi/)).not.toBeInTheDocument();
  });

  it('shows Amministrazione in the navigation only to administrators', async () => {
    window.history.replaceState(null, '', '/');
    const operator = viewer({ role: 'OPERATOR', displayName: 'Giulia Bianchi', profession: 'ASSISTENTE_SOCIALE' });
    renderApp(
      fakeServer({
        Me: () => ({ data: { me: operator } }),
        MyTeams: () => ({ data: { teams: { __typename: 'TeamConnection', nodes: [] } } }),
      }),
    );
    expect(await screen.findByText('Ti diamo il benvenuto, Giulia Bianchi.')).toBeInTheDocument();
    // The menu is display:none in jsdom (no stylesheet): include hidden elements.
    const nav = screen.getByRole('navigation', { name: 'Navigazione principale', hidden: true });
    expect(nav).toHaveTextContent('Il mio lavoro');
    expect(nav).toHaveTextContent('Dimissioni protette');
    expect(nav).not.toHaveTextContent('Amministrazione');
  });

  it('lists the users and offers the organizations in the new-user form', async () => {
    window.history.replaceState(null, '', '/amministrazione');
    const users = {
      users: {
        __typename: 'UserConnection',
        totalCount: 1,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c1' },
        nodes: [{ ...adminViewer, version: 1, active: true, managesAgreements: false }],
      },
    };
    const choices = {
      organizations: { __typename: 'OrganizationConnection', nodes: [adminViewer.organization] },
    };
    renderApp(
      fakeServer({
        Me: () => ({ data: { me: adminViewer } }),
        AdminUsers: () => ({ data: users }),
        OrganizationChoices: () => ({ data: choices }),
      }),
    );
    expect(await screen.findByText('admin@ponte.demo', { selector: 'td span' })).toBeInTheDocument();
    expect(screen.getByText('Il tuo account')).toBeInTheDocument();
    expect(screen.getByText('Un utente in totale.')).toBeInTheDocument();
    expect(await screen.findByRole('option', { name: 'Ambito di prova' })).toBeInTheDocument();
  });

  it('moves between pages with the navigation links, without reloading', async () => {
    window.history.replaceState(null, '', '/');
    const operator = viewer({ role: 'OPERATOR', displayName: 'Giulia Bianchi', profession: 'ASSISTENTE_SOCIALE' });
    renderApp(
      fakeServer({
        Me: () => ({ data: { me: operator } }),
        MyTeams: () => ({ data: { teams: { __typename: 'TeamConnection', nodes: [] } } }),
        Persons: () => ({
          data: {
            persons: {
              __typename: 'PersonConnection',
              totalCount: 0,
              pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
              nodes: [],
            },
          },
        }),
      }),
    );
    fireEvent.click(await screen.findByRole('link', { name: 'Persone', hidden: true }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Persone' })).toBeInTheDocument();
    expect(await screen.findByText('Le tue équipe non seguono ancora nessuna persona.')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/persone');
    expect(screen.getByRole('link', { name: 'Persone', hidden: true })).toHaveAttribute('aria-current', 'page');
  });
});
