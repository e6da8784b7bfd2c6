import { screen, within } from '@testing-library/react';
import type { MyTeamsQuery, PersonAssessmentsQuery, PersonRecordQuery } from '../../gql/graphql';
import { fakeServer, viewer, type Served } from '../../test/fakeServer';
import { instrumentDefinitions } from '../../test/instruments';
import { renderAt } from '../../test/renderApp';

const operator = viewer({ role: 'OPERATOR', displayName: 'Elena Tognali', profession: 'MEDICO_SPECIALISTA' });
const uvm: Served<MyTeamsQuery['teams']['nodes'][number]> = { __typename: 'Team', id: 'uvm', name: 'UVM Valle Camonica', kind: 'UVM' };

const person: Served<NonNullable<PersonRecordQuery['person']>> = {
  __typename: 'Person',
  id: 'p1',
  version: 3,
  fiscalCode: null,
  fiscalCodeMissingReason: 'STP',
  alternativeCode: 'STP0300001234567',
  givenName: 'Amina',
  familyName: 'Keita',
  birthDate: '1950-04-02',
  birthPlace: 'Bamako',
  sex: 'F',
  residence: 'Via della Casa Comunale 1, Breno',
  homeless: true,
  residenceComune: null,
  domicile: null,
  phone: null,
  email: null,
  language: 'Francese',
  targetGroups: ['SENZA_DIMORA', 'NON_AUTOSUFFICIENTE'],
  age: 76,
  teams: [uvm],
  referencePersons: [],
  privacyConsents: [],
  projects: [
    {
      __typename: 'IndividualProject',
      id: 'prj1',
      title: 'PAI: rientro a domicilio',
      kind: 'PAI',
      status: 'REVIEW',
      startDate: '2026-05-01',
      nextReviewOn: '2026-11-01',
      reviewOverdue: true,
      team: { __typename: 'Team', id: 'uvm', name: 'UVM Valle Camonica' },
      caseManager: { __typename: 'User', id: 'u1', displayName: 'Elena Tognali' },
    },
  ],
  discharges: [
    {
      __typename: 'Discharge',
      id: 'd1',
      status: 'DISCHARGED',
      ward: 'Medicina generale',
      admittedOn: '2026-10-20',
      expectedDischargeOn: '2026-10-30',
      dischargedOn: '2026-10-31',
      overdue: false,
      hospital: { __typename: 'Organization', id: 'h1', name: 'Ospedale di Esine' },
    },
  ],
  referrals: [
    {
      __typename: 'Referral',
      id: 'r1',
      source: 'HOSPITAL',
      reason: 'Dimissione dal reparto di medicina',
      urgency: 'URGENT',
      status: 'ACCEPTED',
      createdAt: '2026-11-01T09:00:00Z',
      acceptedAt: '2026-11-02T09:00:00Z',
      closedAt: null,
      outcome: null,
      team: { __typename: 'Team', id: 'uvm', name: 'UVM Valle Camonica' },
    },
  ],
};

const assessments: Served<PersonAssessmentsQuery> = {
  person: {
    __typename: 'Person',
    id: 'p1',
    assessments: {
      __typename: 'AssessmentConnection',
      totalCount: 2,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c2' },
      nodes: [
        {
          __typename: 'Assessment',
          id: 'a2',
          date: '2026-11-20',
          signedAt: '2026-11-20T10:00:00Z',
          amended: true,
          needLevel: 'MEDIUM',
          team: { __typename: 'Team', id: 'uvm', name: 'UVM Valle Camonica' },
          results: [
            {
              __typename: 'InstrumentResult',
              instrument: 'BARTHEL',
              score: 65,
              band: { __typename: 'ScoreBand', code: 'MODERATE', label: 'Dipendenza moderata' },
            },
          ],
        },
        {
          __typename: 'Assessment',
          id: 'a1',
          date: '2026-06-01',
          signedAt: null,
          amended: false,
          needLevel: 'HIGH',
          team: { __typename: 'Team', id: 'uvm', name: 'UVM Valle Camonica' },
          results: [
            {
              __typename: 'InstrumentResult',
              instrument: 'BARTHEL',
              score: 40,
              band: { __typename: 'ScoreBand', code: 'SEVERE', label: 'Dipendenza grave' },
            },
          ],
        },
      ],
    },
  },
};

describe('PersonPage', () => {
  it('says in Italian that the viewer has no access to the person', async () => {
    renderAt(
      '/persone/p9',
      fakeServer({
        Me: () => ({ data: { me: operator } }),
        PersonRecord: () => ({
          data: null,
          errors: [{ message: 'Non hai i permessi per questa operazione', extensions: { code: 'FORBIDDEN' } }],
        }),
      }),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Non hai accesso a questa persona' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('visibile solo a chi fa parte di un’équipe che la segue');
  });

  it('shows identity, missing codice fiscale reason, referrals, assessments and the score chart as a table', async () => {
    renderAt(
      '/persone/p1',
      fakeServer({
        Me: () => ({ data: { me: operator } }),
        PersonRecord: () => ({ data: { person } }),
        PersonAssessments: () => ({ data: assessments }),
        MyTeams: () => ({ data: { teams: { __typename: 'TeamConnection', nodes: [uvm] } } }),
        Instruments: () => ({ data: { instruments: instrumentDefinitions } }),
        ScoreSeries: (variables) => ({
          data: {
            person: {
              __typename: 'Person',
              id: 'p1',
              scoreSeries:
                variables.instrument === 'BARTHEL'
                  ? [
                      { __typename: 'ScorePoint', date: '2026-06-01', score: 40, band: 'SEVERE' },
                      { __typename: 'ScorePoint', date: '2026-11-20', score: 65, band: 'MODERATE' },
                    ]
                  : [],
            },
          },
        }),
      }),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Amina Keita' })).toBeInTheDocument();
    const identity = screen.getByTestId('identita');
    expect(identity).toHaveTextContent('Codice fiscale assente: Straniero temporaneamente presente (codice STP)');
    expect(identity).toHaveTextContent('STP0300001234567');
    expect(identity).toHaveTextContent('02/04/1950 a Bamako');
    expect(identity).toHaveTextContent('76 anni');
    expect(identity).toHaveTextContent('residenza fittizia');
    expect(screen.getByTestId('riga-segnalazione')).toHaveTextContent('Accolta');
    expect(screen.getByTestId('riga-segnalazione')).toHaveTextContent('Urgente');
    const project = screen.getByTestId('riga-progetto-persona');
    expect(within(project).getByRole('link', { name: 'PAI: rientro a domicilio' })).toHaveAttribute('href', '/progetti/prj1');
    expect(project).toHaveTextContent('Verifica');
    expect(project).toHaveTextContent('01/11/2026 Verifica scaduta da');
    expect(await screen.findByRole('link', { name: 'Apri progetto' })).toHaveAttribute('href', '/persone/p1/progetti/nuovo');
    expect(screen.getByRole('link', { name: 'Apri la dimissione del ricovero del 20/10/2026' })).toHaveAttribute('href', '/dimissioni/d1');
    expect(screen.getByTestId('riga-dimissione-persona')).toHaveTextContent('Dimissione avvenuta il 31/10/2026');

    const rows = await screen.findAllByTestId('riga-valutazione');
    expect(rows[0]).toHaveTextContent('Indice di Barthel (ADL): 65 – Dipendenza moderata');
    expect(rows[0]).toHaveTextContent('rettificata');
    expect(rows[1]).toHaveTextContent('Bozza da firmare');
    expect(screen.getByRole('link', { name: 'Nuova valutazione' })).toHaveAttribute('href', '/persone/p1/valutazioni/nuova');

    const table = await screen.findByRole('table', {
      name: 'Indice di Barthel (ADL): punteggio nel tempo (scala 0–100); più alto è meglio',
    });
    const cells = within(table)
      .getAllByRole('row')
      .map((row) => row.textContent);
    expect(cells).toEqual(['DataPunteggioFascia', '01/06/202640Dipendenza grave', '20/11/202665Dipendenza moderata']);
    // No chart for instruments never used.
    expect(screen.queryByTestId('grafico-SPMSQ')).not.toBeInTheDocument();
  });
});
