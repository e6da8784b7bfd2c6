import { fireEvent, render, screen, within } from '@testing-library/react';
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
    planNeeds: [],
    planNote: null,
    plan: null,
    project: null,
    suggestedProject: null,
  };
}

type Shown = NonNullable<DischargeDetailQuery['discharge']>;

/** The page for `shown`, with `extra` fakes (the mutations a test sends). */
async function open(shown: Shown, extra: Parameters<typeof fakeServer>[0] = {}) {
  const server = fakeServer({
    Me: () => ({ data: { me: operator } }),
    UnreadNotificationCount: () => ({ data: { notifications: { __typename: 'NotificationConnection', totalCount: 0 } } }),
    DischargeDetail: () => ({ data: { discharge: { __typename: 'Discharge', ...shown } } }),
    MyTeams: () => ({ data: { teams: { __typename: 'TeamConnection', nodes: [team] } } }),
    ...extra,
  });
  window.history.replaceState(null, '', '/dimissioni/d1');
  render(
    <SessionProvider fetch={server.fetch}>
      <App />
    </SessionProvider>,
  );
  await screen.findByRole('heading', { level: 1, name: 'Dimissione protetta di Rosa Tognali' });
  return server;
}

/** The headings of the action forms the page offers, in order. */
async function offeredActions(status: DischargeStatus, allowedActions: DischargeAction[]): Promise<string[]> {
  await open(discharge(status, allowedActions));
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

describe('Dimissione protetta: the protocol', () => {
  it("shows the plan's needs, its note and the project the discharge continues", async () => {
    await open({
      ...discharge('DISCHARGED', []),
      destination: 'HOME_WITH_SAD_AND_ADI',
      dischargedOn: '2026-11-20',
      planNeeds: ['SAD', 'ADI'],
      planNote: 'Letto articolato',
      plan: {
        __typename: 'DischargePlan',
        destination: 'HOME_WITH_SAD_AND_ADI',
        agreedOn: '2026-11-15',
        agreedBy: null,
        assessment: { __typename: 'Assessment', id: 'a1', date: '2026-11-14', signedAt: '2026-11-14T10:00:00Z' },
      },
      project: { __typename: 'IndividualProject', id: 'pr1', title: 'PAI dopo dimissione protetta', kind: 'PAI', status: 'INTAKE' },
    } as Shown);
    const needs = screen.getByTestId('bisogni-piano');
    expect(
      within(needs)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['SAD (assistenza domiciliare)', 'ADI (assistenza domiciliare integrata)']);
    expect(screen.getByTestId('piano').textContent).toContain('Letto articolato');
    const project = within(screen.getByTestId('progetto-collegato')).getByRole('link');
    expect(project.getAttribute('href')).toBe('/progetti/pr1');
    expect(project.textContent).toContain('PAI dopo dimissione protetta');
    expect(screen.getByRole('link', { name: /Valutazione del/ }).getAttribute('href')).toBe('/valutazioni/a1');
  });

  it('sends the needs as checkboxes and shows a refusal at the assessment', async () => {
    let sent: Record<string, unknown> | undefined;
    await open(discharge('ASSESSMENT_SCHEDULED', ['AGREE_PLAN', 'COMPLETE', 'CANCEL']), {
      AgreeDischargePlan: (variables) => {
        sent = variables;
        return {
          data: null,
          errors: [
            {
              message: 'La valutazione UVM non è ancora firmata: firmala prima di concordare il piano',
              extensions: { code: 'VALIDATION', field: 'assessmentId' },
            },
          ],
        };
      },
    });
    fireEvent.change(screen.getByLabelText(/^Destinazione/, { selector: '#piano-destination' }), {
      target: { value: 'HOME_WITH_SAD_AND_ADI' },
    });
    fireEvent.click(screen.getByLabelText('ADI (assistenza domiciliare integrata)'));
    fireEvent.click(screen.getByLabelText('SAD (assistenza domiciliare)'));
    fireEvent.click(screen.getByRole('button', { name: 'Concorda il piano' }));
    const refusal = await screen.findByText('La valutazione UVM non è ancora firmata: firmala prima di concordare il piano');
    expect(refusal.id).toBe('piano-assessmentId');
    expect(sent?.input).toMatchObject({ destination: 'HOME_WITH_SAD_AND_ADI', needs: ['SAD', 'ADI'] });
    // The former values are not offered any more.
    const options = Array.from(screen.getByLabelText(/^Destinazione/, { selector: '#piano-destination' }).querySelectorAll('option')).map(
      (o) => o.getAttribute('value'),
    );
    expect(options).not.toContain('HOME_WITH_SERVICES');
    expect(options).toContain('HOSPICE');
  });

  it('tells what the chosen destination needs and shows the date refusal at the date', async () => {
    await open(discharge('REPORTED', ['SCHEDULE_ASSESSMENT', 'COMPLETE', 'CANCEL']), {
      CompleteDischarge: () => ({
        data: null,
        errors: [
          {
            message: 'La data di dimissione (18/11/2026) precede quella da cui il paziente è dimissibile (19/11/2026)',
            extensions: { code: 'VALIDATION', field: 'dischargedOn' },
          },
        ],
      }),
    });
    fireEvent.change(screen.getByLabelText(/^Destinazione/, { selector: '#dimessa-destination' }), { target: { value: 'RSA' } });
    expect(screen.getByTestId('dimissione-requisiti').textContent).toContain(
      'Senza un piano concordato si dimette solo a domicilio senza servizi.',
    );
    fireEvent.change(screen.getByLabelText(/^Destinazione/, { selector: '#dimessa-destination' }), { target: { value: 'HOME' } });
    expect(screen.getByTestId('dimissione-requisiti').textContent).not.toContain('piano');
    fireEvent.click(screen.getByRole('button', { name: 'Registra la dimissione' }));
    const refusal = await screen.findByText(/precede quella da cui il paziente è dimissibile/);
    expect(refusal.id).toBe('dimessa-dischargedOn-errore');
    expect(document.getElementById('dimessa-dischargedOn')?.getAttribute('aria-invalid')).toBe('true');
  });
});
