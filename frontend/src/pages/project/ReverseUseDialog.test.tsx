import { fireEvent, screen, within } from '@testing-library/react';
import type { ServedProject } from '../../test/project';
import { budgetLine, renderProjectPage, withBudget } from '../../test/project';

type Use = ServedProject['budget']['resources'][number]['uses'][number];

const wrong: Use = {
  __typename: 'ResourceUse',
  id: 'use1',
  date: '2026-11-12',
  quantity: '1000.00',
  note: null,
  reason: null,
  reverses: null,
  reversedBy: null,
};

function withUses(uses: Use[], used: string): ServedProject {
  return withBudget([budgetLine({ usedQuantity: used, uses })]);
}

describe('Storna un utilizzo', () => {
  it('asks for the reason at its field, says what will be recorded, and shows the use reversed after', async () => {
    let reversed = false;
    const server = renderProjectPage(
      {
        ProjectDetail: () => ({
          data: {
            project: reversed
              ? withUses(
                  [
                    { ...wrong, reversedBy: { __typename: 'ResourceUse', id: 'use2', reason: 'Importo digitato male' } },
                    {
                      ...wrong,
                      id: 'use2',
                      quantity: '-1000.00',
                      reason: 'Importo digitato male',
                      reverses: { __typename: 'ResourceUse', id: 'use1' },
                    },
                  ],
                  '0.00',
                )
              : withUses([wrong], '1000.00'),
          },
        }),
        ReverseResourceUse: () => {
          reversed = true;
          return { data: { reverseResourceUse: { __typename: 'BudgetResource', id: 'r1', usedQuantity: '0.00', overused: false } } };
        },
      },
      'budget',
    );
    fireEvent.click(await screen.findByRole('button', { name: "Storna l'utilizzo di 1.000,00 € del 12/11/2026" }));
    const dialog = screen.getByRole('dialog', { name: 'Storna un utilizzo registrato per errore' });
    expect(dialog).toHaveAccessibleDescription(
      "Sarà registrato uno storno di 1.000,00 € del 12/11/2026 per «Contributo della famiglia»: l'utilizzo resta nella storia del progetto, annullato, con chi lo ha stornato e il motivo. Poi registra l'utilizzo corretto.",
    );

    // No reason: refused at the field, nothing sent.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Conferma lo storno' }));
    const reason = within(dialog).getByLabelText('Motivo dello storno');
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription(expect.stringContaining('Indica il motivo dello storno'));
    expect(server.requests.some((r) => r.operationName === 'ReverseResourceUse')).toBe(false);

    fireEvent.change(reason, { target: { value: '  Importo digitato male ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Conferma lo storno' }));
    expect(await screen.findByText('Utilizzo stornato: ora registra quello corretto.')).toBeInTheDocument();
    expect(server.requests.find((r) => r.operationName === 'ReverseResourceUse')?.variables).toEqual({
      input: { useId: 'use1', reason: 'Importo digitato male' },
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const uses = await screen.findAllByTestId('utilizzo');
    expect(uses.map((u) => u.textContent)).toEqual([
      // The message stays where the button was.
      '12/11/2026: 1.000,00 € – stornato: Importo digitato maleUtilizzo stornato: ora registra quello corretto.',
      '12/11/2026: -1.000,00 € – storno',
    ]);
    // Neither the reversed use nor the reversal can be reversed again.
    expect(screen.queryByRole('button', { name: /^Storna l'utilizzo/ })).not.toBeInTheDocument();
  });

  it('shows the server refusal at its field and Annulla sends nothing', async () => {
    const server = renderProjectPage(
      {
        ProjectDetail: () => ({ data: { project: withUses([wrong], '1000.00') } }),
        ReverseResourceUse: () => ({
          data: null,
          errors: [{ message: 'Indica il motivo dello storno', extensions: { code: 'VALIDATION', field: 'reason' } }],
        }),
      },
      'budget',
    );
    const open = await screen.findByRole('button', { name: "Storna l'utilizzo di 1.000,00 € del 12/11/2026" });
    fireEvent.click(open);
    let dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Motivo dello storno'), { target: { value: 'x' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Conferma lo storno' }));
    expect(await within(dialog).findByText('Indica il motivo dello storno')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Motivo dello storno')).toHaveAttribute('aria-invalid', 'true');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annulla' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    fireEvent.click(open);
    dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annulla' }));
    expect(server.requests.filter((r) => r.operationName === 'ReverseResourceUse')).toHaveLength(1);
  });
});
