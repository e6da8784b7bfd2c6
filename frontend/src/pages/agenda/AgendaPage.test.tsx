import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AgendaQuery } from '../../gql/graphql';
import { fakeServer, type Served } from '../../test/fakeServer';
import { operator } from '../../test/registers';
import { renderAt } from '../../test/renderApp';
import { itemLink } from './AgendaPage';

type Item = Served<AgendaQuery['agenda'][number]>;

const person = { __typename: 'Person', id: 'p1', givenName: 'Teresa', familyName: 'Bassi' } as const;

const items: Item[] = [
  {
    __typename: 'AgendaItem',
    id: 'REVIEW_DUE:pr1',
    kind: 'REVIEW_DUE',
    date: '2026-11-20',
    overdue: true,
    project: { __typename: 'IndividualProject', id: 'pr1', title: 'PAI domiciliare' },
    discharge: null,
    meeting: null,
    diaryEntry: null,
    person,
  },
  {
    __typename: 'AgendaItem',
    id: 'MEETING:m1',
    kind: 'MEETING',
    date: '2026-11-26',
    overdue: false,
    project: null,
    discharge: null,
    meeting: { __typename: 'Meeting', id: 'm1', title: 'Équipe del giovedì' },
    diaryEntry: null,
    person: null,
  },
  {
    __typename: 'AgendaItem',
    id: 'EXPECTED_DISCHARGE:d1',
    kind: 'EXPECTED_DISCHARGE',
    date: '2026-11-27',
    overdue: false,
    project: null,
    discharge: { __typename: 'Discharge', id: 'd1' },
    meeting: null,
    diaryEntry: null,
    person: { ...person, id: 'p2', givenName: 'Rosa', familyName: 'Tognali' },
  },
];

function open(path: string) {
  const server = fakeServer({
    Me: () => ({ data: { me: operator } }),
    UnreadNotificationCount: () => ({ data: { notifications: { __typename: 'NotificationConnection', totalCount: 0 } } }),
    Agenda: (variables) => ({ data: { agenda: variables.from === '2026-11-23' ? items : [] } }),
  });
  renderAt(path, server);
  return server;
}

describe('Agenda', () => {
  it('shows the overdue review first with its badge, then the week by day, each item linking to its page', async () => {
    const server = open('/agenda?vista=settimana&dal=2026-11-25');
    await screen.findByRole('heading', { level: 1, name: 'Agenda' });
    expect(screen.getByTestId('periodo')).toHaveTextContent('Dal 23/11/2026 al 29/11/2026');
    const overdue = await screen.findByTestId('in-ritardo');
    expect(within(overdue).getByText('In ritardo', { selector: '.badge' })).toBeInTheDocument();
    expect(overdue).toHaveTextContent('Revisione del progetto');
    expect(overdue).toHaveTextContent('Bassi Teresa');
    expect(within(overdue).getByRole('link', { name: 'PAI domiciliare' })).toHaveAttribute('href', '/progetti/pr1');
    const days = screen.getAllByTestId('giorno');
    expect(days.map((d) => within(d).getByRole('heading').textContent)).toEqual(['giovedì 26/11/2026', 'venerdì 27/11/2026']);
    expect(within(days[0]).getByRole('link', { name: 'Équipe del giovedì' })).toHaveAttribute('href', '/incontri/m1');
    expect(within(days[1]).getByRole('link', { name: 'Apri la dimissione' })).toHaveAttribute('href', '/dimissioni/d1');
    expect(server.requests.find((r) => r.operationName === 'Agenda')?.variables).toEqual({
      from: '2026-11-23',
      to: '2026-11-29',
      scope: 'MINE',
      kinds: null,
    });
  });

  it('offers the month, the next week and the filters, in the address and the query', async () => {
    const server = open('/agenda?vista=settimana&dal=2026-11-25');
    await screen.findByTestId('in-ritardo');
    expect(screen.getByRole('link', { name: 'Mese' })).toHaveAttribute('href', '/agenda?vista=mese&dal=2026-11-25&ambito=MINE');
    expect(screen.getByRole('link', { name: /Settimana successiva/ })).toHaveAttribute(
      'href',
      '/agenda?vista=settimana&dal=2026-11-30&ambito=MINE',
    );
    fireEvent.change(screen.getByLabelText('Di chi'), { target: { value: 'MY_TEAMS' } });
    await waitFor(() => expect(window.location.search).toBe('?vista=settimana&dal=2026-11-25&ambito=MY_TEAMS'));
    fireEvent.change(screen.getByLabelText('Tipo'), { target: { value: 'MEETING' } });
    await waitFor(() =>
      expect(server.requests.filter((r) => r.operationName === 'Agenda').at(-1)?.variables).toEqual({
        from: '2026-11-23',
        to: '2026-11-29',
        scope: 'MY_TEAMS',
        kinds: ['MEETING'],
      }),
    );
  });

  it('says when the period holds nothing', async () => {
    open('/agenda?vista=mese&dal=2026-12-10');
    expect(await screen.findByText('Nessuna scadenza in questo periodo.')).toBeInTheDocument();
    expect(screen.getByTestId('periodo')).toHaveTextContent('Dal 01/12/2026 al 31/12/2026');
  });
});

describe('itemLink', () => {
  it("leads a diary follow-up to the diary of the person's record", () => {
    const followUp: Item = {
      __typename: 'AgendaItem',
      id: 'DIARY_FOLLOW_UP:e1',
      kind: 'DIARY_FOLLOW_UP',
      date: '2026-11-28',
      overdue: false,
      project: null,
      discharge: null,
      meeting: null,
      diaryEntry: { __typename: 'DiaryEntry', id: 'e1' },
      person,
    };
    expect(itemLink(followUp)).toEqual({ href: '/persone/p1#scheda-diario', label: 'Apri il diario' });
  });
});
