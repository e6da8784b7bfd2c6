import { fireEvent, render, screen, waitFor } from '@testing-library/react';
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

  it('shows the sign-in page with a notice when an operation finds the session gone', async () => {
    window.history.replaceState(null, '', '/amministrazione/enti');
    let signedIn = true;
    const server = fakeServer({
      Me: () => ({ data: { me: adminViewer } }),
      AdminOrganizations: () => (signedIn ? { data: emptyOrganizations } : unauthenticated()),
      OrganizationChoices: () => ({ data: emptyOrganizations }),
    });
    renderApp(server);
    const filter = await screen.findByLabelText('Tipo di ente', { selector: '#enti-filtro-tipo' });
    signedIn = false;
    fireEvent.change(filter, { target: { value: 'ASL' } });
    expect(await screen.findByText(/La sessione è scaduta/)).toBeInTheDocument();
    expect(window.location.search).toBe('?ritorno=%2Famministrazione%2Fenti');
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
        nodes: [{ ...adminViewer, version: 1, active: true }],
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
