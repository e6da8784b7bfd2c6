import { fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../App';
import { SessionProvider } from '../../session/session';
import type { AdminUsersQuery } from '../../gql/graphql';
import { adminViewer, fakeServer, type Served } from '../../test/fakeServer';

function user(n: number): Served<AdminUsersQuery['users']['nodes'][number]> {
  return {
    __typename: 'User',
    id: `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    version: 1,
    email: `utente${n}@ponte.test`,
    displayName: `Utente ${n}`,
    role: 'OPERATOR',
    profession: 'INFERMIERE',
    active: true,
    managesAgreements: false,
    organization: null,
  };
}

function page(numbers: number[], endCursor: string | null, hasNextPage: boolean): Served<AdminUsersQuery> {
  return {
    users: {
      __typename: 'UserConnection',
      totalCount: 23,
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor },
      nodes: numbers.map(user),
    },
  };
}

describe('UsersList', () => {
  it('loads the next page after endCursor with "Carica altri", keeping the first', async () => {
    window.history.replaceState(null, '', '/amministrazione');
    const server = fakeServer({
      Me: () => ({ data: { me: adminViewer } }),
      OrganizationChoices: () => ({ data: { organizations: { __typename: 'OrganizationConnection', nodes: [] } } }),
      AdminUsers: (variables) =>
        variables.after === 'cursore-20'
          ? { data: page([21, 22, 23], 'cursore-23', false) }
          : {
              data: page(
                Array.from({ length: 20 }, (_, i) => i + 1),
                'cursore-20',
                true,
              ),
            },
    });
    render(
      <SessionProvider fetch={server.fetch}>
        <App />
      </SessionProvider>,
    );
    expect(await screen.findByText('Mostrati 20 utenti su 23.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Carica altri' }));
    expect(await screen.findByText('Mostrati 23 utenti su 23.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Carica altri' })).not.toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Utenti registrati' });
    expect(within(table).getAllByTestId('riga-utente')).toHaveLength(23);
    const asked = server.requests.filter((r) => r.operationName === 'AdminUsers').map((r) => r.variables.after);
    expect(asked).toContain('cursore-20');
    expect(server.requests.find((r) => r.variables.after === 'cursore-20')?.variables).toMatchObject({ first: 20, search: null });
  });
});
