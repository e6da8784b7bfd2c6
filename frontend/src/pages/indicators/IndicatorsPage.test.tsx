import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { IndicatorCatalogueQuery, IndicatorsQuery, IndicatorsQueryVariables } from '../../gql/graphql';
import { navigate } from '../../router/router';
import { fakeServer, viewer, type Handlers, type Served } from '../../test/fakeServer';
import { renderAt } from '../../test/renderApp';

type Definition = Served<IndicatorCatalogueQuery['indicatorCatalogue'][number]>;
type Figures = Served<IndicatorsQuery['indicators'][number]>;

const reporter = viewer({ role: 'REPORTER', displayName: 'Ufficio di Piano Valle Camonica', profession: 'AMMINISTRATIVO' });

function definition(code: string, overrides: Partial<Definition> = {}): Definition {
  return {
    __typename: 'IndicatorDefinition',
    code,
    group: 'Valutazione multidimensionale',
    title: `Indicatore ${code}`,
    definition: `Che cosa misura ${code}`,
    numerator: 'Le valutazioni del periodo',
    denominator: null,
    unit: 'COUNT',
    source: 'Piano di Zona 2025-2027, §8',
    counts: 'Le valutazioni firmate',
    excludes: 'Le bozze',
    computed: true,
    missingData: null,
    ...overrides,
  };
}

const catalogue: Definition[] = [
  definition('ASSESSMENTS', { title: 'Valutazioni multidimensionali' }),
  definition('WITH_SOCIAL_WORKER', {
    title: 'Valutazioni con un assistente sociale',
    unit: 'RATIO',
    denominator: 'Le valutazioni del periodo',
  }),
  definition('JOINT', { title: 'Valutazioni congiunte' }),
  definition('SAD_NEW', {
    group: 'LEPS SAD',
    title: 'Nuove prese in carico SAD',
    computed: false,
    missingData: 'Le prese in carico SAD per intervento',
  }),
  definition('WAIT', { group: 'Dimissioni protette', title: 'Attesa media a domicilio', unit: 'DAYS' }),
  definition('BUDGET', { group: 'Budget di Salute', title: 'Risorse economiche', unit: 'EUR', denominator: 'Euro pianificati' }),
];

const part = (dimension: 'LIFE_AREA' | 'FUNDING_SOURCE', key: string, label: string, value: number | null, planned: number | null) => ({
  __typename: 'IndicatorPart' as const,
  dimension,
  key,
  label,
  value,
  numerator: value === null ? null : Math.round(value),
  denominator: planned,
  suppressed: value === null,
});

function figures(code: string, value: number | null, overrides: Partial<Figures> = {}): Figures {
  return {
    __typename: 'IndicatorValue',
    code,
    unit: 'COUNT',
    value,
    numerator: value,
    denominator: null,
    suppressed: false,
    series: [],
    parts: [],
    ...overrides,
  };
}

const quarter = (from: string, to: string, value: number | null, suppressed = false) => ({
  __typename: 'IndicatorPeriodValue',
  from,
  to,
  value,
  numerator: value,
  denominator: null,
  suppressed,
});

/** The indicators as the server answers them: 2025 by quarter, 2024 as one figure. */
function answer(variables: IndicatorsQueryVariables) {
  if (variables.from === '2024-01-01') {
    return {
      data: {
        indicators: [
          figures('ASSESSMENTS', 1231),
          figures('WITH_SOCIAL_WORKER', 0.3, { unit: 'RATIO', numerator: 30, denominator: 100 }),
          figures('JOINT', 2),
          figures('WAIT', 10, { unit: 'DAYS', numerator: null, denominator: 8 }),
        ],
      },
    };
  }
  return {
    data: {
      indicators: [
        figures('ASSESSMENTS', 1234, {
          series: [
            quarter('2025-01-01', '2025-03-31', 300),
            quarter('2025-04-01', '2025-06-30', 310),
            quarter('2025-07-01', '2025-09-30', 320),
            quarter('2025-10-01', '2025-12-31', 304),
          ],
        }),
        figures('WITH_SOCIAL_WORKER', 0.25, { unit: 'RATIO', numerator: 12, denominator: 48 }),
        figures('JOINT', null, { numerator: null, suppressed: true, series: [quarter('2025-01-01', '2025-03-31', null, true)] }),
        figures('WAIT', null, { unit: 'DAYS', numerator: null, denominator: 0 }),
        figures('BUDGET', 1250.5, {
          unit: 'EUR',
          numerator: 1251,
          denominator: 3000,
          parts: [
            part('LIFE_AREA', 'HOUSING', 'Abitare', 1250.5, 3000),
            part('FUNDING_SOURCE', 'FNA', 'Fondo per le non autosufficienze (FNA)', null, null),
          ],
        }),
      ],
    },
  };
}

function handlers(overrides: Handlers = {}): Handlers {
  return {
    Me: () => ({ data: { me: reporter } }),
    UnreadNotificationCount: () => ({ data: { notifications: { __typename: 'NotificationConnection', totalCount: 0 } } }),
    IndicatorCatalogue: () => ({ data: { indicatorCatalogue: catalogue } }),
    ReporterTerritories: () => ({
      data: {
        me: {
          __typename: 'User',
          id: reporter.id,
          territories: [
            {
              __typename: 'Organization',
              id: 'ambito-vc',
              name: 'Ambito di Valle Camonica',
              kind: 'AMBITO',
              children: [
                { __typename: 'Organization', id: 'comune-breno', name: 'Comune di Breno', kind: 'COMUNE', children: [] },
                { __typename: 'Organization', id: 'udp', name: 'Ufficio di Piano', kind: 'UFFICIO_DI_PIANO', children: [] },
              ],
            },
          ],
        },
      },
    }),
    Indicators: answer,
    ...overrides,
  };
}

const card = async (title: string) => (await screen.findByRole('heading', { level: 3, name: title })).closest('article');

describe('Indicatori', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 27, 10, 0));
  });
  afterEach(() => vi.useRealTimers());

  it('shows a REPORTER the previous full year for their first territory, grouped, compared with the year before', async () => {
    const server = fakeServer(handlers());
    renderAt('/indicatori', server);

    expect(await screen.findByRole('heading', { level: 1, name: 'Indicatori' })).toBeInTheDocument();
    const count = await card('Valutazioni multidimensionali');
    if (!count) throw new Error('no card');
    expect(within(count).getByTestId('valore')).toHaveTextContent('1.234');
    expect(within(count).getByTestId('confronto')).toHaveTextContent('▲ +3 rispetto al 2024');
    // The chart's data, as a table behind "Mostra i dati".
    const table = within(count).getByRole('table', { name: 'Valutazioni multidimensionali, per trimestre' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['PeriodoValore', '1° trim. 2025300', '2° trim. 2025310', '3° trim. 2025320', '4° trim. 2025304']);
    expect(within(count).getByText('Mostra i dati')).toBeInTheDocument();
    // The definition on demand.
    const definitionBox = within(count).getByText('Definizione').closest('details');
    if (!definitionBox) throw new Error('no definition');
    expect(definitionBox).toHaveTextContent('Che cosa misuraChe cosa misura ASSESSMENTS');
    expect(definitionBox).toHaveTextContent('FontePiano di Zona 2025-2027, §8');
    expect(definitionBox).toHaveTextContent('Che cosa non contaLe bozze');

    const ratio = await card('Valutazioni con un assistente sociale');
    expect(ratio).toHaveTextContent('25,0 %');
    expect(ratio).toHaveTextContent('12 su 48');
    expect(ratio).toHaveTextContent('▼ -5,0 punti percentuali rispetto al 2024');

    // An amount: used of planned, and its parts in a table (a suppressed part as "< 5").
    const budget = await card('Risorse economiche');
    expect(budget).toHaveTextContent('1.250,50 €');
    expect(budget).toHaveTextContent('Utilizzati 1.250,50 € su 3.000,00 € pianificati');
    if (!budget) throw new Error('no budget card');
    const parts = within(budget).getByRole('table', { name: /utilizzato e pianificato per area di vita/ });
    expect(
      within(parts)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([
      'SuddivisioneVoceUtilizzatoPianificato',
      'Area di vitaAbitare1.250,50 €3.000,00 €',
      'Fonte di finanziamentoFondo per le non autosufficienze (FNA)< 5—',
    ]);

    const suppressed = await card('Valutazioni congiunte');
    expect(suppressed).toHaveTextContent('< 5');
    expect(suppressed).toHaveTextContent('Meno di 5 casi');
    expect(suppressed).toHaveTextContent('Confronto con il periodo precedente non disponibile');

    const wait = await card('Attesa media a domicilio');
    expect(wait).toHaveTextContent('— nessun dato');
    expect(wait).toHaveTextContent('Calcolato su 0 casi');

    // Not computed: at the end of its group, with what it lacks.
    const missing = screen.getByTestId('indicatore-mancante');
    expect(missing).toHaveTextContent('Nuove prese in carico SAD');
    expect(missing).toHaveTextContent('Dati mancanti: Le prese in carico SAD per intervento');
    expect(screen.getByRole('heading', { level: 2, name: 'LEPS SAD' })).toBeInTheDocument();

    // The first territory, the previous full year, the series by quarter, the previous year as one figure.
    const asked = server.requests.filter((r) => r.operationName === 'Indicators').map((r) => r.variables);
    expect(asked).toContainEqual({ territoryId: 'ambito-vc', teamId: null, from: '2025-01-01', to: '2025-12-31', breakdown: 'QUARTER' });
    expect(asked).toContainEqual({ territoryId: 'ambito-vc', teamId: null, from: '2024-01-01', to: '2024-12-31', breakdown: 'NONE' });

    expect(screen.getByRole('link', { name: 'Scarica CSV' })).toHaveAttribute(
      'href',
      '/export/indicators.csv?from=2025-01-01&to=2025-12-31&territoryId=ambito-vc&breakdown=QUARTER',
    );
    expect(screen.getByRole('link', { name: 'Scarica Excel (XLSX)' })).toHaveAttribute('download');
  });

  it('keeps the territory and period chosen in the address, and reads them back', async () => {
    const server = fakeServer(handlers());
    renderAt('/indicatori?dal=2025-04-01&al=2025-06-30&territorio=comune-breno', server);

    const territory = await screen.findByLabelText('Territorio');
    await waitFor(() => expect(territory).toHaveValue('comune-breno'));
    expect(screen.getByLabelText('Periodo')).toHaveValue('altro');
    expect(screen.getByLabelText('Dal')).toHaveValue('01/04/2025');
    await waitFor(() =>
      expect(server.requests.filter((r) => r.operationName === 'Indicators').map((r) => r.variables)).toContainEqual({
        territoryId: 'comune-breno',
        teamId: null,
        from: '2025-01-01',
        to: '2025-03-31',
        breakdown: 'NONE',
      }),
    );

    fireEvent.change(screen.getByLabelText('Periodo'), { target: { value: '2023' } });
    expect(window.location.search).toBe('?anno=2023&territorio=comune-breno');
    fireEvent.change(territory, { target: { value: 'ambito-vc' } });
    expect(window.location.search).toBe('?anno=2023&territorio=ambito-vc');
    expect(screen.getByRole('link', { name: 'Scarica CSV' })).toHaveAttribute(
      'href',
      '/export/indicators.csv?from=2023-01-01&to=2023-12-31&territoryId=ambito-vc&breakdown=QUARTER',
    );

    // Dates half typed, then the menu's link: the picker starts afresh on the default year.
    fireEvent.change(screen.getByLabelText('Periodo'), { target: { value: 'altro' } });
    act(() => navigate('/indicatori'));
    await waitFor(() => expect(screen.getByLabelText('Periodo')).toHaveValue('2025'));
    expect(screen.queryByLabelText('Dal')).not.toBeInTheDocument();
  });

  it('takes two dates typed the Italian way, and refuses a period that ends before it starts', async () => {
    const server = fakeServer(handlers());
    renderAt('/indicatori', server);

    fireEvent.change(await screen.findByLabelText('Periodo'), { target: { value: 'altro' } });
    fireEvent.change(screen.getByLabelText('Dal'), { target: { value: '30/06/2025' } });
    fireEvent.change(screen.getByLabelText('Al'), { target: { value: '01/01/2025' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mostra il periodo' }));
    expect(await screen.findByText('La data di fine non può precedere quella di inizio')).toBeInTheDocument();
    expect(screen.getByLabelText('Al')).toHaveAttribute('aria-invalid', 'true');
    expect(window.location.search).toBe('');

    fireEvent.change(screen.getByLabelText('Al'), { target: { value: '31/12/2025' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mostra il periodo' }));
    expect(window.location.search).toBe('?dal=2025-06-30&al=2025-12-31&territorio=ambito-vc');
  });

  it('offers an administrator everything or any territory', async () => {
    const server = fakeServer(
      handlers({
        Me: () => ({ data: { me: viewer() } }),
        TerritoryDirectory: () => {
          const none = { __typename: 'OrganizationConnection', nodes: [] };
          return {
            data: {
              ats: none,
              asl: none,
              asst: none,
              distretti: none,
              ambiti: {
                __typename: 'OrganizationConnection',
                nodes: [{ __typename: 'Organization', id: 'ambito-vc', name: 'Ambito di Valle Camonica', kind: 'AMBITO', parent: null }],
              },
              comuni: {
                __typename: 'OrganizationConnection',
                nodes: [
                  {
                    __typename: 'Organization',
                    id: 'comune-breno',
                    name: 'Comune di Breno',
                    kind: 'COMUNE',
                    parent: { __typename: 'Organization', id: 'ambito-vc' },
                  },
                ],
              },
            },
          };
        },
      }),
    );
    renderAt('/indicatori', server);

    const territory = await screen.findByLabelText('Territorio');
    await waitFor(() =>
      expect(
        within(territory)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['Tutto il territorio', 'Ambito di Valle Camonica (Ambito territoriale sociale)', '\u00a0\u00a0Comune di Breno (Comune)']),
    );
    expect(await card('Valutazioni multidimensionali')).toHaveTextContent('1.234');
    expect(server.requests.find((r) => r.operationName === 'Indicators')?.variables).toMatchObject({ territoryId: null, teamId: null });
    expect(screen.getByRole('link', { name: 'Scarica CSV' })).toHaveAttribute(
      'href',
      '/export/indicators.csv?from=2025-01-01&to=2025-12-31&breakdown=QUARTER',
    );
  });

  it('offers an operator their teams, the first one by default', async () => {
    const server = fakeServer(
      handlers({
        Me: () => ({ data: { me: viewer({ role: 'OPERATOR', organization: null }) } }),
        IndicatorTeams: () => ({
          data: {
            teams: {
              __typename: 'TeamConnection',
              nodes: [
                { __typename: 'Team', id: 'uvm', name: 'UVM Valle Camonica' },
                { __typename: 'Team', id: 'pua', name: 'PUA Breno' },
              ],
            },
          },
        }),
      }),
    );
    renderAt('/indicatori', server);

    const team = await screen.findByLabelText('Équipe');
    await waitFor(() => expect(team).toHaveValue('uvm'));
    expect(await card('Valutazioni multidimensionali')).toHaveTextContent('1.234');
    expect(server.requests.find((r) => r.operationName === 'Indicators')?.variables).toMatchObject({ territoryId: null, teamId: 'uvm' });
    expect(screen.getByRole('link', { name: 'Scarica CSV' })).toHaveAttribute(
      'href',
      '/export/indicators.csv?from=2025-01-01&to=2025-12-31&teamId=uvm&breakdown=QUARTER',
    );
  });

  it('says so when the server refuses the territory', async () => {
    const server = fakeServer(
      handlers({
        Indicators: () => ({
          data: null,
          errors: [{ message: 'Non puoi leggere gli indicatori di questo territorio', extensions: { code: 'FORBIDDEN' } }],
        }),
      }),
    );
    renderAt('/indicatori?territorio=altrove', server);
    expect(await screen.findByRole('alert')).toHaveTextContent('Non puoi leggere gli indicatori di questo territorio');
  });
});
