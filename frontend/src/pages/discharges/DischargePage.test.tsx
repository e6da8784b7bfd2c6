import { render, screen } from '@testing-library/react';
import { App } from '../../App';
import type { DischargeAction, DischargeDetailQuery, DischargeStatus } from '../../gql/graphql';
import { SessionProvider } from '../../session/session';
import { fakeServer, viewer } from '../../test/fakeServer';

const operator = viewer({ role: 'OPERATOR', displayName: 'Chiara Bonetti', profession: 'ASSISTENTE_SOCIALE' });

const team: NonNullable<NonNullable<DischargeDetailQuery['discharge']>['receivingTeam']> = {
  id: 't1',
  name: 'PUA Valle Camonica',
  kind: 'PUA',
};

function discharge(status: DischargeStatus, allowedActions: DischargeAction[]): NonNullable<DischargeDetailQuery['discharge']> {
  return {
    id: 'd1',
    version: 3,
    status,
    ward: 'Medicina generale',
    admittedOn: '2026-11-10',
    expectedDischargeOn: '2026-11-20',
    needs: 'Deambulatore',
    notes: null,
    reportedAt: '2026-11-10T08:00:00Z',
    assessmentScheduledOn: status === 'REPORTED' ? null : '2026-11-12',
    dischargeableOn: null,
    dischargedOn: null,
    destination: null,
    cancelReason: null,
    cancelNote: null,
    overdue: false,
    allowedActions,
    patient: { fiscalCode: null, givenName: 'Rosa', familyName: 'Tognali', birthDate: '1937-03-03', sex: 'F' },
    person: { id: 'p1' },
    hospital: { id: 'h1', name: 'Ospedale di Esine' },
    receivingTeam: team,
    reportedBy: { id: 'u2', displayName: 'Reparto Medicina' },
    plan: null,
    suggestedProject: null,
  };
}

/** The headings of the action forms the page offers, in order. */
async function offeredActions(status: DischargeStatus, allowedActions: DischargeAction[]): Promise<string[]> {
  const server = fakeServer({
    Me: () => ({ data: { me: operator } }),
    UnreadNotificationCount: () => ({ data: { notifications: { __typename: 'NotificationConnection', totalCount: 0 } } }),
    DischargeDetail: () => ({ data: { discharge: { __typename: 'Discharge', ...discharge(status, allowedActions) } } }),
    MyTeams: () => ({ data: { teams: { __typename: 'TeamConnection', nodes: [team] } } }),
  });
  window.history.replaceState(null, '', '/dimissioni/d1');
  render(
    <SessionProvider fetch={server.fetch}>
      <App />
    </SessionProvider>,
  );
  await screen.findByRole('heading', { level: 1, name: 'Dimissione protetta di Rosa Tognali' });
  const section = screen.queryByRole('region', { name: 'Azioni' });
  if (!section) return [];
  return Array.from(section.querySelectorAll('h3')).map((h) => h.textContent ?? '');
}

describe('Dimissione protetta: the actions', () => {
  it('offers the steps the server allows from here, beside the date forms', async () => {
    expect(await offeredActions('ASSESSMENT_SCHEDULED', ['AGREE_PLAN', 'CANCEL'])).toEqual([
      'Programma la valutazione UVM',
      'Cambia la data prevista',
      'Paziente clinicamente dimissibile',
      'Concorda il piano',
      'Annulla la segnalazione',
    ]);
  });

  it('offers no plan straight from a report when the server does not allow it', async () => {
    expect(await offeredActions('REPORTED', ['SCHEDULE_ASSESSMENT', 'CANCEL'])).toEqual([
      'Programma la valutazione UVM',
      'Cambia la data prevista',
      'Paziente clinicamente dimissibile',
      'Annulla la segnalazione',
    ]);
  });

  it('offers the discharge itself once the plan is agreed', async () => {
    expect(await offeredActions('PLAN_AGREED', ['COMPLETE', 'CANCEL'])).toEqual([
      'Cambia la data prevista',
      'Paziente clinicamente dimissibile',
      'Registra la dimissione',
      'Annulla la segnalazione',
    ]);
  });

  it('follows the server rather than the status: no step allowed, no actions', async () => {
    expect(await offeredActions('PLAN_AGREED', [])).toEqual([]);
  });
});
