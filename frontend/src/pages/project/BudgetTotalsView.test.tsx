import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ComponentProps } from 'react';
import type { BudgetTotalFieldsFragment, ResourceUnit } from '../../gql/graphql';
import type { Served } from '../../test/fakeServer';
import { BudgetTotalsView } from './BudgetTotalsView';

const total = (key: string, unit: ResourceUnit, planned: string, used: string, overused = false): Served<BudgetTotalFieldsFragment> => ({
  __typename: 'BudgetTotal',
  key,
  unit,
  planned,
  used,
  overused,
});

const totals: ComponentProps<typeof BudgetTotalsView>['totals'] = {
  overall: [total('TOTALE', 'EUR', '3650.50', '1900.00'), total('TOTALE', 'HOURS', '20.00', '0.00')],
  byLifeArea: [total('HOUSING', 'EUR', '3650.50', '1900.00'), total('SOCIAL_INCLUSION', 'HOURS', '20.00', '0.00')],
  byKind: [total('ECONOMIC', 'EUR', '3650.50', '1900.00'), total('RELATIONAL', 'HOURS', '20.00', '0.00')],
  byProvider: [
    total('Comune di Breno', 'EUR', '1250.50', '1300.00', true),
    total('Cooperativa sociale Il Sentiero', 'EUR', '2400.00', '600.00'),
    total('Famiglia', 'HOURS', '20.00', '0.00'),
  ],
  byFundingSource: [
    total('COMUNE', 'EUR', '1250.50', '1300.00', true),
    total('FNA', 'EUR', '2400.00', '600.00'),
    total('PRIVATO', 'HOURS', '20.00', '0.00'),
  ],
};

type Resources = ComponentProps<typeof BudgetTotalsView>['resources'];

const resource = (
  id: string,
  lifeArea: Resources[number]['lifeArea'],
  unit: ResourceUnit,
  planned: string,
  uses: Array<[string, string]>,
): Resources[number] =>
  ({
    __typename: 'BudgetResource',
    id,
    version: 1,
    lifeArea,
    kind: unit === 'EUR' ? 'ECONOMIC' : 'RELATIONAL',
    providerKind: 'ORGANIZATION',
    providerName: 'Comune di Breno',
    provider: null,
    fundingSource: 'COMUNE',
    description: id,
    profession: null,
    unit,
    plannedQuantity: planned,
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    usedQuantity: '0.00',
    overused: false,
    uses: uses.map(([date, quantity], i) => ({
      __typename: 'BudgetUse',
      id: `${id}-${i}`,
      date,
      quantity,
      note: null,
      reason: null,
      reverses: null,
      reversedBy: null,
    })),
  }) as Resources[number];

const resources: Resources = [
  resource('Voucher SAD', 'HOUSING', 'EUR', '3650.50', [
    ['2026-02-10', '1000.00'],
    ['2026-03-10', '1000.00'],
    // A mistyped use corrected by a reversing entry: the line goes down.
    ['2026-03-12', '-100.00'],
  ]),
  resource('Figlio', 'SOCIAL_INCLUSION', 'HOURS', '20.00', []),
];

describe('Budget di Salute totals', () => {
  it('shows the totals once, in the grouping chosen, with the budget’s total at the foot', () => {
    render(<BudgetTotalsView totals={totals} resources={resources} />);
    const areas = within(screen.getByTestId('totali-byLifeArea')).getByRole('table', { name: 'Totali: per area di vita' });
    expect(
      within(areas)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([
      'VocePrevistoUtilizzatoResiduoUtilizzato sul previsto',
      'Abitare3.650,50 €1.900,00 €1.750,50 €52%',
      'Inclusione sociale20 ore0 ore20 ore0%',
      'Totale del budget3.650,50 €1.900,00 €1.750,50 €52%',
      '20 ore0 ore20 ore0%',
    ]);
    // One table of totals, not one per grouping.
    expect(screen.getAllByRole('table', { name: /^Totali:/ })).toHaveLength(1);

    fireEvent.change(screen.getByLabelText('Raggruppa i totali'), { target: { value: 'byProvider' } });
    const providers = within(screen.getByTestId('totali-byProvider')).getByRole('table', { name: 'Totali: per chi mette a disposizione' });
    const comune = within(providers).getByRole('row', { name: /Comune di Breno/ });
    expect(comune).toHaveClass('ponte-row-over');
    expect(comune).toHaveTextContent('1.250,50 €1.300,00 € Oltre il previsto-49,50 €104%');
    expect(within(comune).getByText('Oltre il previsto')).toHaveAttribute('title', 'Utilizzo oltre il previsto di 49,50 €');
    expect(within(providers).getByRole('row', { name: /Famiglia/ })).not.toHaveClass('ponte-row-over');

    fireEvent.change(screen.getByLabelText('Raggruppa i totali'), { target: { value: 'byFundingSource' } });
    const funding = screen.getByRole('table', { name: 'Totali: per fonte di finanziamento' });
    expect(funding).toHaveTextContent('Fondi comunali');
    expect(funding).toHaveTextContent('Fondo per le non autosufficienze (FNA)');
  });

  it('draws planned against used per life area in euros and in hours apart, each with its table', () => {
    const { container } = render(<BudgetTotalsView totals={totals} resources={resources} />);
    const euros = screen.getByTestId('grafico-aree-EUR');
    const hours = screen.getByTestId('grafico-aree-HOURS');
    expect(
      within(euros).getByText('Grafico: previsto e utilizzato per area di vita, in euro', { selector: 'figcaption' }),
    ).toBeInTheDocument();
    expect(
      within(hours).getByText('Grafico: previsto e utilizzato per area di vita, in ore', { selector: 'figcaption' }),
    ).toBeInTheDocument();
    const table = (box: HTMLElement) =>
      [...(box.querySelector<HTMLTableElement>('.visually-hidden table')?.rows ?? [])].map((r) => r.textContent);
    expect(table(euros)).toEqual(['Area di vitaPrevistoUtilizzato', 'Abitare3.650,50 €1.900,00 €']);
    expect(table(hours)).toEqual(['Area di vitaPrevistoUtilizzato', 'Inclusione sociale20 ore0 ore']);
    for (const figure of container.querySelectorAll('figure')) expect(figure.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
  });

  it('draws the use over the budget period, corrections included, against the plan', () => {
    render(<BudgetTotalsView totals={totals} resources={resources} />);
    const chart = screen.getByTestId('grafico-utilizzo-EUR');
    expect(
      within(chart).getByText('Grafico: utilizzato nel tempo, in euro (periodo dal 01/01/2026 al 31/12/2026)', { selector: 'figcaption' }),
    ).toBeInTheDocument();
    const rows = [...(chart.querySelector<HTMLTableElement>('.visually-hidden table')?.rows ?? [])].map((r) => r.textContent);
    expect(rows).toEqual([
      'DataUtilizzato finoraSul previsto',
      '01/01/20260,00 €0% del previsto',
      '10/02/20261.000,00 €27% del previsto',
      '10/03/20262.000,00 €55% del previsto',
      '12/03/20261.900,00 €52% del previsto',
    ]);
    // No hours were used: no chart of their use.
    expect(screen.queryByTestId('grafico-utilizzo-HOURS')).not.toBeInTheDocument();
  });
});
