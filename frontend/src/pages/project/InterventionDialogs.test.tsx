import { fireEvent, screen, within } from '@testing-library/react';
import type { ServedProject } from '../../test/project';
import { project, renderProjectPage } from '../../test/project';

const NAME = 'Servizio di assistenza domiciliare (SAD): 3 volte a settimana';

function withIntervention(endDate: string | null): ServedProject {
  return project({
    interventions: [
      {
        __typename: 'Intervention',
        id: 'i1',
        goalId: null,
        lifeArea: 'HOUSING',
        serviceKind: 'SAD',
        frequency: '3 volte a settimana',
        startDate: '2026-03-10',
        endDate,
        provider: null,
      },
    ],
  });
}

const answered = (endDate: string | null) => ({
  data: { updateIntervention: { __typename: 'Intervention', id: 'i1', endDate } },
});

describe('Correzioni di un intervento', () => {
  it('Interrompi asks for the last day, says what will be recorded and sends the intervention with its end', async () => {
    let stopped = false;
    const server = renderProjectPage({
      ProjectDetail: () => ({ data: { project: withIntervention(stopped ? '2026-04-30' : null) } }),
      UpdateIntervention: (variables) => {
        stopped = true;
        return answered(variables.input.endDate ?? null);
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: `Interrompi l'intervento ${NAME}` }));
    const dialog = screen.getByRole('alertdialog', { name: `Interrompi l'intervento ${NAME}` });
    const last = within(dialog).getByLabelText('Ultimo giorno');
    fireEvent.change(last, { target: { value: '2026-03-01' } });
    fireEvent.click(within(dialog).getByRole('button', { name: "Conferma l'interruzione" }));
    expect(last).toHaveAccessibleDescription("L'ultimo giorno non può precedere l'inizio (10/03/2026)");
    expect(server.requests.some((r) => r.operationName === 'UpdateIntervention')).toBe(false);

    fireEvent.change(last, { target: { value: '2026-04-30' } });
    expect(dialog).toHaveAccessibleDescription(expect.stringContaining("L'intervento terminerà il 30/04/2026"));
    fireEvent.click(within(dialog).getByRole('button', { name: "Conferma l'interruzione" }));
    expect(await screen.findByText('Intervento interrotto: termina il 30/04/2026.')).toBeInTheDocument();
    expect(server.requests.find((r) => r.operationName === 'UpdateIntervention')?.variables).toEqual({
      input: {
        interventionId: 'i1',
        lifeArea: 'HOUSING',
        serviceKind: 'SAD',
        goalId: null,
        providerId: null,
        frequency: '3 volte a settimana',
        startDate: '2026-03-10',
        endDate: '2026-04-30',
      },
    });
    // Ended: shown with its end, and not offered to stop again.
    expect(await screen.findByText(/dal 10\/03\/2026 al 30\/04\/2026/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: `Interrompi l'intervento ${NAME}` })).not.toBeInTheDocument();
  });

  it('Modifica sends the corrected fields and shows the refusal at its field', async () => {
    let refuse = true;
    const server = renderProjectPage({
      ProjectDetail: () => ({ data: { project: withIntervention(null) } }),
      UpdateIntervention: () =>
        refuse
          ? { data: null, errors: [{ message: 'Indica la frequenza', extensions: { code: 'VALIDATION', field: 'frequency' } }] }
          : answered(null),
    });
    fireEvent.click(await screen.findByRole('button', { name: `Modifica l'intervento ${NAME}` }));
    const dialog = screen.getByRole('dialog', { name: `Modifica l'intervento ${NAME}` });
    const frequency = within(dialog).getByLabelText('Frequenza');
    expect(frequency).toHaveValue('3 volte a settimana');
    fireEvent.change(frequency, { target: { value: 'ogni giorno' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Salva la modifica' }));
    expect(await within(dialog).findByText('Indica la frequenza')).toBeInTheDocument();
    expect(frequency).toHaveAttribute('aria-invalid', 'true');
    refuse = false;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Salva la modifica' }));
    expect(await screen.findByText('Intervento modificato.')).toBeInTheDocument();
    expect(server.requests.filter((r) => r.operationName === 'UpdateIntervention').at(-1)?.variables).toMatchObject({
      input: { interventionId: 'i1', frequency: 'ogni giorno', endDate: null },
    });
  });
});
