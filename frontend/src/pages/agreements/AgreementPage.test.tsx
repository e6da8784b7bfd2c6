import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { agreement, openAgreement } from '../../test/registers';

describe('Accordo: the detail', () => {
  it('shows the seven elements of the protocol under their Italian headings', async () => {
    openAgreement(agreement());
    await screen.findByRole('heading', { level: 1, name: 'Convenzione SAD 2026' });
    const headings = within(screen.getByRole('region', { name: 'Elementi del protocollo' }))
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(headings).toEqual(['Scopo', 'Destinatari', 'Azioni', 'Attori', 'Tempi', 'Responsabilità', 'Indicatori di monitoraggio/esito']);
    expect(screen.getByTestId('elemento-purpose')).toHaveTextContent('Garantire il SAD nei Comuni dell’Ambito');
    expect(screen.getByTestId('elemento-actions')).toHaveTextContent('Non indicato');
  });

  it('shows the summary, the parties with role and contact, and the meetings that implement it', async () => {
    openAgreement(agreement());
    const summary = await screen.findByTestId('accordo-sintesi');
    expect(summary).toHaveTextContent('dal 01/01/2026 al 31/12/2026');
    expect(summary).toHaveTextContent('15/12/2025');
    expect(summary).toHaveTextContent('PG 2026/118');
    expect(screen.getByTestId('stato-accordo')).toHaveTextContent('In vigore');
    const [asst, coop] = screen.getAllByTestId('ente-accordo');
    expect(asst).toHaveTextContent('ASST della Valcamonica');
    expect(asst).toHaveTextContent('Promotore');
    expect(within(asst).getByRole('link', { name: 'paola.rossi@asst.example' })).toHaveAttribute('href', 'mailto:paola.rossi@asst.example');
    expect(coop).toHaveTextContent('Partner ETS');
    expect(coop).toHaveTextContent('Nessun referente indicato');
    const meeting = screen.getByTestId('incontro-accordo');
    expect(within(meeting).getByRole('link', { name: 'Cabina di regia SAD' })).toHaveAttribute('href', '/incontri/m1');
    expect(meeting).toHaveTextContent('12/03/2026 · Svolto');
    expect(screen.getByRole('link', { name: 'Modifica' })).toHaveAttribute('href', '/accordi/a1/modifica');
  });

  it('offers neither edit nor withdrawal to whom may not edit', async () => {
    openAgreement(agreement({ canEdit: false }));
    await screen.findByRole('heading', { level: 1, name: 'Convenzione SAD 2026' });
    expect(screen.queryByRole('link', { name: 'Modifica' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Revoca l’accordo…' })).not.toBeInTheDocument();
  });

  it('says when and why a withdrawn agreement was withdrawn', async () => {
    openAgreement(agreement({ status: 'WITHDRAWN', withdrawnOn: '2026-11-02', withdrawalReason: 'Sostituita dalla convenzione 2027' }));
    const summary = await screen.findByTestId('accordo-sintesi');
    expect(summary).toHaveTextContent('Revocato il 02/11/2026');
    expect(summary).toHaveTextContent('Sostituita dalla convenzione 2027');
    expect(screen.queryByRole('button', { name: 'Revoca l’accordo…' })).not.toBeInTheDocument();
  });
});

describe('Accordo: the withdrawal, a formal act', () => {
  it('asks the reason, then confirms in a dialog that summarises the act before sending it', async () => {
    const server = openAgreement(agreement(), {
      WithdrawNetworkAgreement: () => ({
        data: {
          withdrawNetworkAgreement: {
            __typename: 'NetworkAgreement',
            id: 'a1',
            version: 5,
            status: 'WITHDRAWN',
            withdrawnOn: '2026-11-27',
            withdrawalReason: 'Sostituita',
            canEdit: true,
          },
        },
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Revoca l’accordo…' }));
    expect(await screen.findByText('Indica il motivo della revoca')).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Data della revoca'), { target: { value: '2026-11-27' } });
    fireEvent.change(screen.getByLabelText('Motivo della revoca'), { target: { value: 'Sostituita' } });
    fireEvent.click(screen.getByRole('button', { name: 'Revoca l’accordo…' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Confermi la revoca?' });
    expect(dialog).toHaveTextContent('Revochi «Convenzione SAD 2026» con data 27/11/2026. Motivo: Sostituita');
    expect(dialog).toHaveTextContent('ASST della Valcamonica, Cooperativa sociale Il Sentiero');
    expect(server.requests.some((r) => r.operationName === 'WithdrawNetworkAgreement')).toBe(false);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Revoca l’accordo' }));
    await screen.findByText('Accordo revocato.');
    expect(server.requests.find((r) => r.operationName === 'WithdrawNetworkAgreement')?.variables).toEqual({
      input: { agreementId: 'a1', expectedVersion: 4, withdrawnOn: '2026-11-27', reason: 'Sostituita' },
    });
  });

  it('"Annulla" in the dialog sends nothing', async () => {
    const server = openAgreement(agreement());
    fireEvent.change(await screen.findByLabelText('Motivo della revoca'), { target: { value: 'Sostituita' } });
    fireEvent.click(screen.getByRole('button', { name: 'Revoca l’accordo…' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Annulla' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(server.requests.some((r) => r.operationName === 'WithdrawNetworkAgreement')).toBe(false);
  });

  it('offers "Ricarica" when someone else changed the agreement meanwhile', async () => {
    openAgreement(agreement(), {
      WithdrawNetworkAgreement: () => ({
        data: null,
        errors: [{ message: 'Versione non aggiornata', extensions: { code: 'CONFLICT' } }],
      }),
    });
    fireEvent.change(await screen.findByLabelText('Motivo della revoca'), { target: { value: 'Sostituita' } });
    fireEvent.click(screen.getByRole('button', { name: 'Revoca l’accordo…' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Revoca l’accordo' }));
    expect(await screen.findByText(/L’accordo è stato modificato da qualcun altro/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ricarica' })).toBeInTheDocument();
  });
});
