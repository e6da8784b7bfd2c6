import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../App';
import { SessionProvider } from '../../session/session';
import { fakeServer, viewer } from '../../test/fakeServer';

const noPersons = () => ({
  data: {
    persons: {
      __typename: 'PersonConnection',
      totalCount: 0,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      nodes: [],
    },
  },
});

const operator = viewer({ role: 'OPERATOR', displayName: 'Chiara Bonetti', profession: 'ASSISTENTE_SOCIALE' });

describe('PersonsPage', () => {
  it('runs the search in ?cerca= on arrival (the link from a duplicate codice fiscale)', async () => {
    const server = fakeServer({
      Me: () => ({ data: { me: operator } }),
      Persons: noPersons,
    });
    window.history.replaceState(null, '', '/persone?cerca=RSSMRA80A01H501U');
    render(
      <SessionProvider fetch={server.fetch}>
        <App />
      </SessionProvider>,
    );
    expect(await screen.findByLabelText('Cerca per nome o codice fiscale')).toHaveValue('RSSMRA80A01H501U');
    await waitFor(() =>
      expect(server.requests.some((r) => r.operationName === 'Persons' && r.variables.search === 'RSSMRA80A01H501U')).toBe(true),
    );
    expect(await screen.findByText('Nessuna persona seguita dalle tue équipe corrisponde alla ricerca o ai filtri.')).toBeInTheDocument();
  });

  it('keeps the search and the filters in the address, so that Back brings them back', async () => {
    const server = fakeServer({
      Me: () => ({ data: { me: operator } }),
      PersonFilterChoices: () => ({
        data: {
          teams: {
            __typename: 'TeamConnection',
            nodes: [
              {
                __typename: 'Team',
                id: 'team1',
                name: 'Équipe Breno',
                members: [{ __typename: 'TeamMember', active: true, user: { __typename: 'User', id: 'u7', displayName: 'Marta Rizzi' } }],
              },
            ],
          },
        },
      }),
      Persons: noPersons,
    });
    window.history.replaceState(null, '', '/persone');
    render(
      <SessionProvider fetch={server.fetch}>
        <App />
      </SessionProvider>,
    );
    fireEvent.change(await screen.findByLabelText('Cerca per nome o codice fiscale'), { target: { value: 'd’alessio' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cerca' }));
    await waitFor(() => expect(window.location.search).toBe('?cerca=d%E2%80%99alessio'));
    fireEvent.change(await screen.findByLabelText("Fascia d'età"), { target: { value: 'FROM_80' } });
    await screen.findByRole('option', { name: 'Marta Rizzi' });
    fireEvent.change(screen.getByLabelText('Case manager di un progetto'), { target: { value: 'u7' } });
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('casemanager')).toBe('u7'));
    expect(new URLSearchParams(window.location.search).get('eta')).toBe('FROM_80');
    await waitFor(() =>
      expect(server.requests.at(-1)?.variables).toEqual({
        first: 20,
        after: null,
        search: 'd’alessio',
        filter: { teamId: null, caseManagerId: 'u7', targetGroup: null, ageBand: 'FROM_80', projectStatus: null },
      }),
    );

    // Away to a record and back: the list comes back as it was left.
    const list = window.location.pathname + window.location.search;
    act(() => window.history.pushState(null, '', '/persone/p1'));
    act(() => {
      window.history.replaceState(null, '', list);
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(await screen.findByLabelText('Cerca per nome o codice fiscale')).toHaveValue('d’alessio');
    expect(screen.getByLabelText("Fascia d'età")).toHaveValue('FROM_80');
    expect(screen.getByLabelText('Case manager di un progetto')).toHaveValue('u7');

    fireEvent.click(screen.getByRole('button', { name: 'Azzera i filtri' }));
    await waitFor(() => expect(window.location.search).toBe('?cerca=d%E2%80%99alessio'));
  });
});
