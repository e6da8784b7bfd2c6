import { fireEvent, screen, within } from '@testing-library/react';
import { fakeServer, viewer } from '../../test/fakeServer';
import { amina } from '../../test/person';
import { renderAt } from '../../test/renderApp';

const operator = viewer({ role: 'OPERATOR', displayName: 'Elena Tognali', profession: 'ASSISTENTE_SOCIALE' });
const PUA = { __typename: 'Team', id: 't-pua', name: 'PUA Breno', kind: 'PUA' } as const;
const EEMM = { __typename: 'Team', id: 't-eemm', name: 'EEMM Breno' };

const followed = {
  ...amina,
  teams: [PUA],
  referrals: [
    {
      __typename: 'Referral',
      id: 'ref1',
      source: 'FAMILY',
      reason: 'Cadute frequenti',
      urgency: 'ORDINARY',
      status: 'ACCEPTED',
      createdAt: '2026-10-01T09:00:00Z',
      acceptedAt: '2026-10-02T09:00:00Z',
      closedAt: null,
      outcome: null,
      team: { __typename: 'Team', id: 't-pua', name: 'PUA Breno' },
    },
  ],
} satisfies typeof amina;

describe('Segnalazioni dalla scheda della persona', () => {
  it('sends the person to another team, which is offered only if it does not follow them yet', async () => {
    const server = fakeServer({
      Me: () => ({ data: { me: operator } }),
      PersonRecord: () => ({ data: { person: followed } }),
      ReferralTeams: () => ({ data: { teams: { __typename: 'TeamConnection', nodes: [{ ...PUA }, EEMM] } } }),
      ReferPerson: () => ({ data: { referPerson: { __typename: 'Referral', id: 'ref2', status: 'OPEN' } } }),
    });
    renderAt('/persone/p1', server);
    // The record's first render, with every section, is slow on a busy machine.
    fireEvent.click(await screen.findByRole('button', { name: "Invia a un'altra équipe" }, { timeout: 15_000 }));
    const dialog = screen.getByRole('dialog', { name: "Invia la persona a un'altra équipe" });
    const team = within(dialog).getByLabelText<HTMLSelectElement>('Équipe');
    await within(dialog).findByRole('option', { name: 'EEMM Breno' });
    expect(Array.from(team.options).map((o) => o.text)).toEqual(['Scegli…', 'EEMM Breno']);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Invia la segnalazione' }));
    expect(team).toHaveAccessibleDescription("Scegli l'équipe");
    expect(within(dialog).getByLabelText('Motivo')).toHaveAccessibleDescription('Scrivi il motivo');
    fireEvent.change(team, { target: { value: 't-eemm' } });
    fireEvent.change(within(dialog).getByLabelText('Motivo'), { target: { value: 'Sostegno all’abitare' } });
    fireEvent.change(within(dialog).getByLabelText('Urgenza'), { target: { value: 'PRIORITY' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Invia la segnalazione' }));
    expect(await screen.findByText('Segnalazione inviata a EEMM Breno.')).toBeInTheDocument();
    expect(server.requests.find((r) => r.operationName === 'ReferPerson')?.variables).toEqual({
      input: { personId: 'p1', teamId: 't-eemm', source: 'SERVICE', reason: 'Sostegno all’abitare', urgency: 'PRIORITY' },
    });
  });

  it('closes a referral with its outcome, after saying what will be recorded', async () => {
    const server = fakeServer({
      Me: () => ({ data: { me: operator } }),
      PersonRecord: () => ({ data: { person: followed } }),
      CloseReferral: () => ({
        data: { closeReferral: { __typename: 'Referral', id: 'ref1', status: 'CLOSED', outcome: 'Presa in carico dal SAD' } },
      }),
    });
    renderAt('/persone/p1', server);
    fireEvent.click(await screen.findByRole('button', { name: 'Chiudi la segnalazione a PUA Breno' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Chiudi la segnalazione a PUA Breno' });
    expect(dialog).toHaveAccessibleDescription(expect.stringContaining("sarà chiusa con l'esito indicato"));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Conferma la chiusura' }));
    expect(within(dialog).getByLabelText('Esito')).toHaveAccessibleDescription("Scrivi l'esito della segnalazione");
    expect(server.requests.some((r) => r.operationName === 'CloseReferral')).toBe(false);
    fireEvent.change(within(dialog).getByLabelText('Esito'), { target: { value: ' Presa in carico dal SAD ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Conferma la chiusura' }));
    expect(await screen.findByText('Segnalazione chiusa.')).toBeInTheDocument();
    expect(server.requests.find((r) => r.operationName === 'CloseReferral')?.variables).toEqual({
      input: { referralId: 'ref1', outcome: 'Presa in carico dal SAD' },
    });
  });
});
