import { fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../App';
import { SessionProvider } from '../../session/session';
import type { TeamOpenReferralsQuery } from '../../gql/graphql';
import { fakeServer, viewer, type Served } from '../../test/fakeServer';

const operator = viewer({ role: 'OPERATOR', displayName: 'Chiara Bonetti', profession: 'ASSISTENTE_SOCIALE' });

type Referral = Served<NonNullable<TeamOpenReferralsQuery['team']>['referrals']['nodes'][number]>;

function referral(id: string, givenName: string, urgency: Referral['urgency']): Referral {
  return {
    __typename: 'Referral',
    id,
    urgency,
    reason: 'Richiesta di valutazione dei bisogni',
    createdAt: '2026-11-20T08:30:00Z',
    person: { __typename: 'Person', id: `persona-${id}`, givenName, familyName: 'Gheza' },
  };
}

describe('Il mio lavoro: open referrals', () => {
  it("lists each team's open referrals and takes one in charge", async () => {
    window.history.replaceState(null, '', '/');
    let open = [referral('r1', 'Anna', 'URGENT'), referral('r2', 'Luigi', 'ORDINARY')];
    const server = fakeServer({
      Me: () => ({ data: { me: operator } }),
      MyTeams: () => ({
        data: {
          teams: {
            __typename: 'TeamConnection',
            nodes: [
              { __typename: 'Team', id: 'pua', name: 'PUA Casa di Comunità di Breno', kind: 'PUA' },
              { __typename: 'Team', id: 'eemm', name: 'Équipe Salute mentale', kind: 'EQUIPE_MULTIDISCIPLINARE' },
            ],
          },
        },
      }),
      TeamOpenReferrals: (variables) => ({
        data: {
          team: {
            __typename: 'Team',
            id: variables.id,
            referrals:
              variables.id === 'pua'
                ? { __typename: 'ReferralConnection', totalCount: open.length, nodes: open }
                : { __typename: 'ReferralConnection', totalCount: 0, nodes: [] },
          },
        },
      }),
      AcceptReferral: (variables) => {
        const id = variables.input.referralId;
        open = open.filter((r) => r.id !== id);
        return { data: { acceptReferral: { __typename: 'Referral', id, status: 'ACCEPTED', acceptedAt: '2026-11-23T10:00:00Z' } } };
      },
    });
    render(
      <SessionProvider fetch={server.fetch}>
        <App />
      </SessionProvider>,
    );
    const table = await screen.findByRole('table', { name: 'Segnalazioni aperte di PUA Casa di Comunità di Breno' });
    const rows = within(table).getAllByTestId('riga-segnalazione-aperta');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Urgente');
    expect(within(rows[0]).getByRole('link', { name: 'Apri la scheda di Anna Gheza' })).toHaveAttribute('href', '/persone/persona-r1');
    expect(await screen.findByText('Nessuna segnalazione aperta.')).toBeInTheDocument();
    // The cards of what is still to come stay, saying so.
    expect(screen.getByRole('heading', { level: 3, name: 'I miei progetti' })).toBeInTheDocument();

    fireEvent.click(within(rows[0]).getByRole('button', { name: 'Accogli la segnalazione di Anna Gheza' }));
    expect(await screen.findByText('Anna Gheza è ora in carico a PUA Casa di Comunità di Breno.')).toBeInTheDocument();
    expect(server.requests.find((r) => r.operationName === 'AcceptReferral')?.variables).toEqual({ input: { referralId: 'r1' } });
    // The list is asked again and no longer has her.
    expect(await screen.findByText('Una segnalazione aperta.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Apri la scheda di Anna Gheza' })).not.toBeInTheDocument();
  });
});
