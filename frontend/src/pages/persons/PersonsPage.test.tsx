import { render, screen, waitFor } from '@testing-library/react';
import { App } from '../../App';
import { SessionProvider } from '../../session/session';
import { fakeServer, viewer } from '../../test/fakeServer';

const operator = viewer({ role: 'OPERATOR', displayName: 'Chiara Bonetti', profession: 'ASSISTENTE_SOCIALE' });

describe('PersonsPage', () => {
  it('runs the search in ?cerca= on arrival (the link from a duplicate codice fiscale)', async () => {
    const server = fakeServer({
      Me: () => ({ data: { me: operator } }),
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
    expect(await screen.findByText('Nessuna persona seguita dalle tue équipe corrisponde alla ricerca.')).toBeInTheDocument();
  });
});
