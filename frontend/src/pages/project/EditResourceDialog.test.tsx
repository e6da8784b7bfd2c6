import { fireEvent, screen, within } from '@testing-library/react';
import { budgetLine, renderProjectPage, withBudget } from '../../test/project';

describe('Correggi una risorsa del budget', () => {
  it('opens with the line as it is, checks it like a new one, and sends it with its version', async () => {
    let corrected = false;
    const server = renderProjectPage(
      {
        ProjectDetail: () => ({
          data: { project: withBudget([budgetLine(corrected ? { version: 2, plannedQuantity: '1250.50' } : {})]) },
        }),
        UpdateBudgetResource: () => {
          corrected = true;
          return {
            data: {
              updateBudgetResource: {
                __typename: 'BudgetResource',
                id: 'r1',
                version: 2,
                description: 'Contributo della famiglia',
                plannedQuantity: '1250.50',
              },
            },
          };
        },
      },
      'budget',
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Correggi la risorsa «Contributo della famiglia»' }));
    const dialog = screen.getByRole('dialog', { name: 'Correggi la risorsa «Contributo della famiglia»' });
    const planned = within(dialog).getByLabelText('Quantità prevista');
    expect(planned).toHaveValue('2400,00');
    expect(within(dialog).getByLabelText('Descrizione')).toHaveValue('Contributo della famiglia');

    fireEvent.change(planned, { target: { value: '-5' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Salva la correzione' }));
    expect(planned).toHaveAttribute('aria-invalid', 'true');
    expect(planned).toHaveAccessibleDescription(expect.stringContaining('La quantità non può essere negativa'));
    expect(server.requests.some((r) => r.operationName === 'UpdateBudgetResource')).toBe(false);

    fireEvent.change(planned, { target: { value: '1.250,50' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Salva la correzione' }));
    expect(await screen.findByText('Risorsa corretta: Contributo della famiglia.')).toBeInTheDocument();
    expect(server.requests.find((r) => r.operationName === 'UpdateBudgetResource')?.variables).toEqual({
      input: {
        resourceId: 'r1',
        expectedVersion: 1,
        lifeArea: 'HOUSING',
        kind: 'ECONOMIC',
        unit: 'EUR',
        profession: null,
        providerKind: 'FAMILY',
        providerId: null,
        fundingSource: 'PRIVATO',
        description: 'Contributo della famiglia',
        plannedQuantity: '1250.50',
        periodStart: '2026-09-01',
        periodEnd: null,
      },
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows a stale version as a conflict, and Annulla closes with nothing sent', async () => {
    const server = renderProjectPage(
      {
        ProjectDetail: () => ({ data: { project: withBudget([budgetLine()]) } }),
        UpdateBudgetResource: () => ({
          data: null,
          errors: [{ message: 'La risorsa è stata modificata da qualcun altro', extensions: { code: 'CONFLICT' } }],
        }),
      },
      'budget',
    );
    const open = await screen.findByRole('button', { name: 'Correggi la risorsa «Contributo della famiglia»' });
    fireEvent.click(open);
    let dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Salva la correzione' }));
    expect(
      await within(dialog).findByText(
        'Il progetto è stato modificato da qualcun altro: ricarica per vedere la versione aggiornata, poi riprova.',
      ),
    ).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annulla' }));
    fireEvent.click(open);
    dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annulla' }));
    expect(server.requests.filter((r) => r.operationName === 'UpdateBudgetResource')).toHaveLength(1);
  });
});
