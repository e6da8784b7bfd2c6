import { fireEvent, render, screen, within } from '@testing-library/react';
import { CombinedError } from 'urql';
import { App } from '../../App';
import { SessionProvider } from '../../session/session';
import type { AdminTeamQuery } from '../../gql/graphql';
import { adminViewer, fakeServer, type Handlers, type Served } from '../../test/fakeServer';
import { removalReasons } from './TeamDetail';

const REASONS = [
  'È case manager di un PAI avviato il 02/03/2026 (rif. 0193a1b2): indica un altro case manager dell’équipe prima di toglierlo',
  'È case manager di un PTRI avviato il 15/01/2026 (rif. 0193c4d5): indica un altro case manager dell’équipe prima di toglierlo',
];

const refusal = {
  message: REASONS.join('; '),
  extensions: { code: 'VALIDATION', field: 'userId', reasons: REASONS },
};

type Team = Served<NonNullable<AdminTeamQuery['team']>>;

function member(id: string, displayName: string): Team['members'][number] {
  return {
    __typename: 'TeamMember',
    teamRole: 'MEMBER',
    startedOn: '2026-01-10',
    endedOn: null,
    active: true,
    user: { __typename: 'User', id, displayName, email: `${id}@ponte.test`, profession: 'ASSISTENTE_SOCIALE' },
  };
}

const team: Team = {
  __typename: 'Team',
  id: 't1',
  name: 'EEMM Breno',
  kind: 'EQUIPE_MULTIDISCIPLINARE',
  createdAt: '2026-01-10T09:00:00Z',
  organization: { __typename: 'Organization', id: 'o1', name: 'Comune di Breno', kind: 'COMUNE' },
  members: [member('elena', 'Elena Tognali'), member('marco', 'Marco Bianchi')],
};

function renderTeam(removeAnswer: NonNullable<Handlers['RemoveTeamMember']>) {
  const server = fakeServer({
    Me: () => ({ data: { me: adminViewer } }),
    AdminTeam: () => ({ data: { team } }),
    UserChoices: () => ({ data: { users: { __typename: 'UserConnection', nodes: [] } } }),
    RemoveTeamMember: removeAnswer,
  });
  window.history.replaceState(null, '', '/amministrazione/equipe/t1');
  render(
    <SessionProvider fetch={server.fetch}>
      <App />
    </SessionProvider>,
  );
  return server;
}

describe('removing a member who is still case manager', () => {
  it('lists every reason the server gives, with how to change the case manager, instead of one long line', async () => {
    const server = renderTeam(() => ({ data: null, errors: [refusal] }));
    fireEvent.click(await screen.findByRole('button', { name: "Togli Elena Tognali dall'équipe" }));

    const alert = await screen.findByTestId('motivi-rifiuto-rimozione');
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent("Non è possibile togliere Elena Tognali dall'équipe:");
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(REASONS);
    expect(alert).toHaveTextContent('dalla pagina di ciascun progetto, con «Cambia case manager»; poi potrai togliere Elena Tognali.');
    // The joined message is not shown as well.
    expect(screen.queryByText(refusal.message)).not.toBeInTheDocument();
    expect(server.requests.find((r) => r.operationName === 'RemoveTeamMember')?.variables).toEqual({
      input: { teamId: 't1', userId: 'elena' },
    });
  });

  it('shows any other refusal as one message, and a removal that succeeds clears the list', async () => {
    let answer: 'forbidden' | 'refused' | 'ok' = 'forbidden';
    renderTeam(() =>
      answer === 'forbidden'
        ? { data: null, errors: [{ message: 'Solo gli amministratori e i coordinatori dell’équipe', extensions: { code: 'FORBIDDEN' } }] }
        : answer === 'refused'
          ? { data: null, errors: [refusal] }
          : { data: { removeTeamMember: { __typename: 'Team', id: 't1' } } },
    );
    const remove = await screen.findByRole('button', { name: "Togli Marco Bianchi dall'équipe" });
    fireEvent.click(remove);
    expect(await screen.findByText('Solo gli amministratori e i coordinatori dell’équipe')).toBeInTheDocument();
    expect(screen.queryByTestId('motivi-rifiuto-rimozione')).not.toBeInTheDocument();

    answer = 'refused';
    fireEvent.click(remove);
    expect(await screen.findByTestId('motivi-rifiuto-rimozione')).toBeInTheDocument();
    expect(screen.queryByText('Solo gli amministratori e i coordinatori dell’équipe')).not.toBeInTheDocument();

    answer = 'ok';
    fireEvent.click(screen.getByRole('button', { name: "Togli Marco Bianchi dall'équipe" }));
    expect(await screen.findByText(/Marco Bianchi non fa più parte dell'équipe da oggi/)).toBeInTheDocument();
    expect(screen.queryByTestId('motivi-rifiuto-rimozione')).not.toBeInTheDocument();
  });
});

describe('removalReasons', () => {
  it('reads extensions.reasons of a VALIDATION error, and nothing else', () => {
    expect(removalReasons(new CombinedError({ graphQLErrors: [refusal] }))).toEqual(REASONS);
    expect(
      removalReasons(
        new CombinedError({ graphQLErrors: [{ message: 'Utente non trovato', extensions: { code: 'VALIDATION', field: 'userId' } }] }),
      ),
    ).toBeNull();
    expect(
      removalReasons(new CombinedError({ graphQLErrors: [{ message: 'x', extensions: { code: 'CONFLICT', reasons: ['a'] } }] })),
    ).toBeNull();
  });
});
