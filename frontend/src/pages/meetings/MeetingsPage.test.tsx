import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { MeetingsQuery } from '../../gql/graphql';
import { navigate } from '../../router/router';
import type { Served } from '../../test/fakeServer';
import { meeting, openMeeting } from '../../test/registers';

type Row = Served<MeetingsQuery['meetings']['nodes'][number]>;

function row(overrides: Partial<Row>): Row {
  return {
    __typename: 'Meeting',
    id: 'm1',
    kind: 'SUPERVISIONE',
    title: 'Supervisione di novembre',
    status: 'PLANNED',
    plannedOn: '2026-11-20',
    heldOn: null,
    externalParticipants: 0,
    organizer: { __typename: 'Organization', id: 'o-comune', name: 'Comune di Breno' },
    team: { __typename: 'Team', id: 't1', name: 'EEMM Breno' },
    participants: [{ __typename: 'User', id: 'u-elena' }],
    ...overrides,
  };
}

const november: Row[] = [
  row({ id: 'm1', title: 'Supervisione di novembre', plannedOn: '2026-11-20' }),
  row({
    id: 'm2',
    kind: 'FORMAZIONE_CAREGIVER',
    title: 'Corso caregiver: la mobilizzazione',
    status: 'HELD',
    plannedOn: '2026-11-03',
    heldOn: '2026-11-04',
    externalParticipants: 12,
    team: null,
    organizer: { __typename: 'Organization', id: 'o-asst', name: 'ASST della Valcamonica' },
  }),
  row({ id: 'm3', kind: 'EQUIPE', title: 'Équipe del mercoledì', status: 'CANCELLED', plannedOn: '2026-11-04' }),
];

function open(path: string) {
  return openMeeting(
    meeting(),
    {
      Meetings: (variables) => ({
        data: {
          meetings: {
            __typename: 'MeetingConnection',
            totalCount: variables.from === '2026-11-01' ? november.length : 0,
            nodes: variables.from === '2026-11-01' ? november : [],
          },
        },
      }),
      MeetingTeamDirectory: () => ({
        data: { teams: { __typename: 'TeamConnection', nodes: [{ __typename: 'Team', id: 't1', name: 'EEMM Breno' }] } },
      }),
    },
    path,
  );
}

describe('Incontri: the month', () => {
  it('lists the month of ?mese= by day, each meeting with its kind, status, organizer and participants', async () => {
    const server = open('/incontri?mese=2026-11');
    await screen.findByRole('heading', { level: 1, name: 'Incontri' });
    expect(screen.getByTestId('mese')).toHaveTextContent('novembre 2026');
    const days = await screen.findAllByTestId('giorno');
    expect(days.map((d) => within(d).getByRole('heading').textContent)).toEqual(['mercoledì 04/11/2026', 'venerdì 20/11/2026']);
    const [course, equipe] = within(days[0]).getAllByTestId('incontro');
    expect(course).toHaveTextContent('Formazione caregiver');
    expect(course).toHaveTextContent('Svolto');
    expect(course).toHaveTextContent('Organizza: ASST della Valcamonica · 1 partecipante + 12 esterni');
    expect(within(course).getByRole('link', { name: 'Corso caregiver: la mobilizzazione' })).toHaveAttribute('href', '/incontri/m2');
    expect(equipe).toHaveTextContent('Annullato');
    expect(within(days[1]).getByTestId('incontro')).toHaveTextContent('Organizza: EEMM Breno (Comune di Breno) · 1 partecipante');
    expect(within(days[1]).getByTestId('incontro')).toHaveTextContent('Programmato');
    expect(server.requests.find((r) => r.operationName === 'Meetings')?.variables).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('moves to the next and previous month, keeping the filters', async () => {
    open('/incontri?mese=2026-11&tipo=SUPERVISIONE');
    await screen.findAllByTestId('giorno');
    expect(screen.getByRole('link', { name: 'Mese successivo: dicembre 2026' })).toHaveAttribute(
      'href',
      '/incontri?mese=2026-12&tipo=SUPERVISIONE',
    );
    expect(screen.getByRole('link', { name: 'Mese precedente: ottobre 2026' })).toHaveAttribute(
      'href',
      '/incontri?mese=2026-10&tipo=SUPERVISIONE',
    );
    act(() => navigate('/incontri?mese=2026-12&tipo=SUPERVISIONE'));
    expect(await screen.findByText('Nessun incontro a dicembre 2026.')).toBeInTheDocument();
  });

  it('puts the filters in the address and in the query', async () => {
    const server = open('/incontri?mese=2026-11');
    await screen.findAllByTestId('giorno');
    fireEvent.change(screen.getByLabelText('Tipo'), { target: { value: 'FORMAZIONE' } });
    await screen.findByRole('option', { name: 'EEMM Breno' });
    fireEvent.change(screen.getByLabelText('Équipe'), { target: { value: 't1' } });
    fireEvent.change(screen.getByLabelText('Stato'), { target: { value: 'HELD' } });
    await waitFor(() => expect(window.location.search).toBe('?mese=2026-11&tipo=FORMAZIONE&equipe=t1&stato=HELD'));
    await waitFor(() =>
      expect(server.requests.filter((r) => r.operationName === 'Meetings').at(-1)?.variables).toEqual({
        from: '2026-11-01',
        to: '2026-11-30',
        kind: 'FORMAZIONE',
        teamId: 't1',
        status: 'HELD',
        first: 100,
      }),
    );
  });
});
