import { render, screen, within } from '@testing-library/react';
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

describe('Budget di Salute totals', () => {
  it('shows every grouping as a table, in Italian, with euros and hours apart and over-use flagged', () => {
    render(<BudgetTotalsView totals={totals} />);
    const overall = within(screen.getByTestId('totali-overall')).getByRole('table', { name: 'Totali: totale' });
    expect(
      within(overall)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([
      'VocePrevistoUtilizzatoResiduoUtilizzato sul previsto',
      'Totale del budget3.650,50 €1.900,00 €1.750,50 €52%',
      '20 ore0 ore20 ore0%',
    ]);

    const areas = within(screen.getByTestId('totali-byLifeArea')).getByRole('table', { name: 'Totali: per area di vita' });
    expect(areas).toHaveTextContent('Abitare');
    expect(areas).toHaveTextContent('Inclusione sociale');
    const funding = within(screen.getByTestId('totali-byFundingSource')).getByRole('table', { name: 'Totali: per fonte di finanziamento' });
    expect(funding).toHaveTextContent('Fondi comunali');
    expect(funding).toHaveTextContent('Fondo per le non autosufficienze (FNA)');

    const providers = within(screen.getByTestId('totali-byProvider')).getByRole('table', { name: 'Totali: per chi mette a disposizione' });
    const comune = within(providers).getByRole('row', { name: /Comune di Breno/ });
    expect(comune).toHaveClass('ponte-row-over');
    expect(comune).toHaveTextContent('1.250,50 €1.300,00 € Oltre il previsto-49,50 €104%');
    expect(within(comune).getByText('Oltre il previsto')).toHaveAttribute('title', 'Utilizzo oltre il previsto di 49,50 €');
    expect(within(providers).getByRole('row', { name: /Famiglia/ })).not.toHaveClass('ponte-row-over');
  });

  it('draws each grouping as bars, with the same data in a table for screen readers', () => {
    render(<BudgetTotalsView totals={totals} />);
    expect(screen.getByRole('table', { name: 'Grafico: previsto e utilizzato, per chi mette a disposizione' })).toBeInTheDocument();
    const figure = screen
      .getByText('Grafico: previsto e utilizzato, per chi mette a disposizione', { selector: 'figcaption' })
      .closest('figure');
    expect(figure?.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
    const hidden = figure?.querySelector<HTMLTableElement>('.visually-hidden table');
    expect([...(hidden?.rows ?? [])].map((r) => r.textContent)).toEqual([
      'VocePrevistoUtilizzato',
      'Comune di Breno (euro)1.250,50 €1.300,00 € (oltre il previsto)',
      'Cooperativa sociale Il Sentiero (euro)2.400,00 €600,00 €',
      'Famiglia (ore)20 ore0 ore',
    ]);
    // The over-used bar is drawn in the warning colour, full width on the euro scale.
    const bars = figure!.querySelectorAll('rect.ponte-bar-over');
    expect(bars.length).toBeGreaterThan(1);
  });
});
