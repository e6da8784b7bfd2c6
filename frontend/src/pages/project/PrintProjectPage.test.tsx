import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import type { PrintProjectQuery } from '../../gql/graphql';
import { fakeServer, type Served } from '../../test/fakeServer';
import { ELENA, LUCA, operator, project, renderProjectPage, team } from '../../test/project';
import { renderAt } from '../../test/renderApp';

type ServedPrint = Served<NonNullable<PrintProjectQuery['project']>>;
type Resource = ServedPrint['budget']['resources'][number];
type Organization = NonNullable<ServedPrint['cosignatures'][number]['organization']>;

const ASST: Organization = { __typename: 'Organization', id: 'o-asst', name: 'ASST della Valcamonica', kind: 'ASST' };
const COOP: Organization = {
  __typename: 'Organization',
  id: 'o-coop',
  name: 'Cooperativa sociale Il Sentiero',
  kind: 'COOPERATIVA_SOCIALE_A',
};

const total = (key: string, unit: 'EUR' | 'HOURS', planned: string, used: string) => ({
  __typename: 'BudgetTotal',
  key,
  unit,
  planned,
  used,
  overused: false,
});

const resource = (overrides: Partial<Resource>): Resource => ({
  __typename: 'BudgetResource',
  id: 'r1',
  lifeArea: 'HEALTH_WELLBEING',
  kind: 'ECONOMIC',
  providerKind: 'ORGANIZATION',
  providerName: COOP.name,
  fundingSource: 'FNA_B2',
  description: 'Voucher SAD',
  unit: 'EUR',
  plannedQuantity: '1250.50',
  usedQuantity: '400.00',
  ...overrides,
});

/** A PAI with something in every part of the document. */
function printed(overrides: Partial<ServedPrint> = {}): ServedPrint {
  return {
    __typename: 'IndividualProject',
    id: 'prj1',
    kind: 'PAI',
    status: 'ACTIVE',
    title: 'PAI: restare a casa',
    startDate: '2026-03-02',
    reviewEveryDays: 60,
    nextReviewOn: '2026-11-26',
    closedOn: null,
    integrated: false,
    cosignatures: [],
    person: {
      __typename: 'Person',
      id: 'p1',
      givenName: 'Nicolò',
      familyName: 'Ferrandi',
      fiscalCode: 'FRRNCL40A01B149X',
      alternativeCode: null,
      birthDate: '1940-01-01',
      birthPlace: 'Breno',
      residence: 'Via Mazzini 4',
      homeless: false,
      residenceComune: { __typename: 'Organization', id: 'o-breno', name: 'Comune di Breno' },
      referencePersons: [
        {
          __typename: 'ReferencePerson',
          id: 'rp1',
          kind: 'AMMINISTRATORE_DI_SOSTEGNO',
          fullName: 'Paola Ferrandi',
          relationship: 'figlia',
        },
        { __typename: 'ReferencePerson', id: 'rp2', kind: 'CAREGIVER', fullName: 'Ivana Bosio', relationship: null },
      ],
    },
    team: team([
      [ELENA, true],
      [LUCA, false],
    ]),
    caseManager: { __typename: 'User', id: 'u-elena', displayName: 'Elena Tognali' },
    consent: {
      __typename: 'ProjectConsent',
      date: '2026-03-05',
      method: 'SIGNED_PAPER',
      witness: null,
      familyCosignature: 'la figlia, Paola Ferrandi',
      recordedBy: null,
    },
    goals: [
      {
        __typename: 'Goal',
        id: 'g1',
        lifeArea: 'HEALTH_WELLBEING',
        description: 'Camminare in sicurezza in casa',
        targetDate: '2026-09-30',
        indicator: 'nessuna caduta in tre mesi',
        status: 'OPEN',
        outcomeNote: null,
      },
    ],
    interventions: [
      {
        __typename: 'Intervention',
        id: 'i1',
        goalId: 'g1',
        lifeArea: 'HEALTH_WELLBEING',
        serviceKind: 'ADI',
        frequency: '2 accessi a settimana',
        startDate: '2026-03-10',
        endDate: null,
        provider: ASST,
      },
      {
        __typename: 'Intervention',
        id: 'i2',
        goalId: null,
        lifeArea: 'SOCIAL_INCLUSION',
        serviceKind: 'SAD',
        frequency: '3 mattine a settimana',
        startDate: '2026-03-10',
        endDate: '2026-12-31',
        provider: COOP,
      },
    ],
    reviews: [{ __typename: 'Review', id: 'rv1', date: '2026-05-04' }],
    budget: {
      __typename: 'Budget',
      resources: [
        resource({}),
        resource({
          id: 'r2',
          kind: 'PROFESSIONAL',
          unit: 'HOURS',
          description: 'Educatore',
          plannedQuantity: '48.00',
          usedQuantity: '12.50',
          fundingSource: 'COMUNE',
        }),
      ],
      totals: {
        __typename: 'BudgetTotals',
        overall: [total('overall', 'EUR', '1250.50', '400.00'), total('overall', 'HOURS', '48.00', '12.50')],
        byLifeArea: [total('HEALTH_WELLBEING', 'EUR', '1250.50', '400.00'), total('HEALTH_WELLBEING', 'HOURS', '48.00', '12.50')],
      },
    },
    ...overrides,
  };
}

function renderPrint(answer: ServedPrint | null, errors?: { message: string; extensions: { code: string } }[]) {
  const server = fakeServer({
    Me: () => ({ data: { me: operator } }),
    PrintProject: () => ({ data: { project: answer }, errors }),
  });
  renderAt('/progetti/prj1/stampa', server);
  return server;
}

afterEach(() => vi.restoreAllMocks());

describe('Stampa PAI', () => {
  it('shows the PAI as a document: person, team, dates, goals by life area, budget, consent, reviews', async () => {
    renderPrint(printed());
    expect(await screen.findByRole('heading', { level: 1, name: 'PAI: restare a casa' })).toBeInTheDocument();
    expect(screen.getByTestId('stampa-tipo')).toHaveTextContent('PAI – Piano assistenziale individualizzato');

    const person = screen.getByTestId('stampa-persona');
    expect(person).toHaveTextContent('Ferrandi Nicolò');
    expect(person).toHaveTextContent('FRRNCL40A01B149X');
    expect(person).toHaveTextContent('01/01/1940, Breno');
    expect(person).toHaveTextContent('Via Mazzini 4, Comune di Breno');
    // A legal representative, not any reference person.
    expect(person).toHaveTextContent('Paola Ferrandi (amministratore di sostegno)');
    expect(person).not.toHaveTextContent('Ivana Bosio');

    const team = screen.getByTestId('stampa-equipe');
    expect(team).toHaveTextContent('EEMM Breno');
    expect(team).toHaveTextContent('Elena Tognali (assistente sociale)');
    expect(team).not.toHaveTextContent('Luca Ferri');

    const dates = screen.getByTestId('stampa-tempi');
    expect(dates).toHaveTextContent('02/03/2026');
    expect(dates).toHaveTextContent('ogni 60 giorni');
    expect(dates).toHaveTextContent('26/11/2026');

    const health = screen.getByTestId('stampa-area-HEALTH_WELLBEING');
    const goal = within(health).getByTestId('stampa-obiettivo');
    expect(goal).toHaveTextContent('Obiettivo: Camminare in sicurezza in casa');
    expect(goal).toHaveTextContent('Da raggiungere entro il 30/09/2026');
    expect(goal).toHaveTextContent('ADI');
    expect(goal).toHaveTextContent('2 accessi a settimana – ASST della Valcamonica (dal 10/03/2026)');
    expect(screen.getByTestId('stampa-area-SOCIAL_INCLUSION')).toHaveTextContent(
      '3 mattine a settimana – Cooperativa sociale Il Sentiero (dal 10/03/2026 al 31/12/2026)',
    );
    expect(screen.getByTestId('stampa-area-HOUSING')).toHaveTextContent('Nessun obiettivo né intervento in quest’area.');

    const budget = screen.getByTestId('stampa-budget-HEALTH_WELLBEING');
    expect(within(budget).getByRole('row', { name: /Voucher SAD/ })).toHaveTextContent(
      'Voucher SAD (economica)Messa a disposizione da: Cooperativa sociale Il Sentiero · Finanziamento: FNA – misura B2 (disabilità grave e non autosufficienza)1.250,50 €400,00 €',
    );
    expect(within(budget).getByRole('row', { name: /Educatore/ })).toHaveTextContent('Finanziamento: Fondi comunali48 ore12,5 ore');
    // Euros and hours each have their own total line.
    const areaTotals = within(budget).getAllByRole('row', { name: /Totale dell’area/ });
    expect(areaTotals.map((r) => r.textContent)).toEqual(['Totale dell’area1.250,50 €400,00 €', 'Totale dell’area48 ore12,5 ore']);
    expect(screen.getByTestId('stampa-budget-totale')).toHaveTextContent('1.250,50 €');

    const consent = screen.getByTestId('stampa-consenso');
    expect(consent).toHaveTextContent('Firma su carta');
    expect(consent).toHaveTextContent('05/03/2026');
    expect(screen.getByTestId('stampa-verifiche')).toHaveTextContent('04/05/2026');
  });

  it('has signature lines for the person or their representative, the case manager and every organization involved', async () => {
    renderPrint(printed());
    const lines = await screen.findAllByTestId('stampa-firma');
    expect(lines.map((l) => l.textContent)).toEqual([
      'La persona (o chi la rappresenta): Ferrandi Nicolò / Paola Ferrandi (amministratore di sostegno)Firma ____________________ Data __________',
      'Il case manager: Elena TognaliFirma ____________________ Data __________',
      'Per l’ente: ASST della ValcamonicaFirma ____________________ Data __________',
      'Per l’ente: Cooperativa sociale Il SentieroFirma ____________________ Data __________',
    ]);
  });

  it('is signed for the health and the social part of an integrated PAI, naming who signed already, then by the other providers', async () => {
    renderPrint(
      printed({
        integrated: true,
        cosignatures: [
          {
            __typename: 'ProjectCosignature',
            part: 'HEALTH',
            signedOn: '2026-03-10',
            signatory: 'Dott.ssa Anna Rota',
            organization: ASST,
            recordedBy: null,
          },
        ],
      }),
    );
    const lines = await screen.findAllByTestId('stampa-firma');
    expect(lines.slice(2).map((l) => l.textContent)).toEqual([
      'Per la parte sanitaria del PAI integrato: ASST della Valcamonica – Dott.ssa Anna RotaFirma ____________________ Data __________',
      'Per la parte sociale del PAI integratoFirma ____________________ Data __________',
      // Not a part's signatory: it signs for what it provides.
      'Per l’ente: Cooperativa sociale Il SentieroFirma ____________________ Data __________',
    ]);
  });

  it('prints with the browser when "Stampa" is pressed', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    renderPrint(printed());
    fireEvent.click(await screen.findByRole('button', { name: 'Stampa' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('shows the usual unavailable block to a user who may not read the project', async () => {
    renderPrint(null, [{ message: 'Non hai i permessi per questa operazione', extensions: { code: 'FORBIDDEN' } }]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Non hai accesso a questo progetto' })).toBeInTheDocument();
    expect(screen.queryByTestId('stampa-firme')).not.toBeInTheDocument();
  });

  it('is opened from the project page', async () => {
    renderProjectPage({ ProjectDetail: () => ({ data: { project: project() } }) });
    expect(await screen.findByRole('link', { name: 'Stampa PAI' })).toHaveAttribute('href', '/progetti/prj1/stampa');
  });
});
