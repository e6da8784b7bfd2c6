import { fireEvent, screen, within } from '@testing-library/react';
import { EEMM, meeting, openMeeting } from '../../test/registers';

function open() {
  return openMeeting(
    meeting({ id: 'm7', title: 'Formazione sul PAI integrato' }),
    {
      MeetingAgreementChoices: () => ({
        data: {
          networkAgreements: {
            __typename: 'NetworkAgreementConnection',
            nodes: [
              { __typename: 'NetworkAgreement', id: 'a1', title: 'Convenzione SAD 2026', status: 'IN_FORCE' },
              { __typename: 'NetworkAgreement', id: 'a2', title: 'Protocollo revocato', status: 'WITHDRAWN' },
            ],
          },
        },
      }),
      PlanMeeting: () => ({ data: { planMeeting: { __typename: 'Meeting', id: 'm7' } } }),
    },
    '/incontri/nuovo',
  );
}

describe('Programma un incontro', () => {
  it("offers the team's members as participants and plans the meeting", async () => {
    const server = open();
    await screen.findByRole('heading', { level: 1, name: 'Programma un incontro' });
    expect(screen.getByText('Scegli l’équipe per vedere i suoi componenti.')).toBeInTheDocument();
    expect(screen.getByText('Una breve nota: nessun dato personale.')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Registra l’incontro' }));
    expect(await screen.findByText('Scegli il tipo')).toBeInTheDocument();
    expect(screen.getByText('Scegli l’équipe')).toBeInTheDocument();
    expect(server.requests.some((r) => r.operationName === 'PlanMeeting')).toBe(false);

    fireEvent.change(screen.getByLabelText('Tipo'), { target: { value: 'FORMAZIONE' } });
    fireEvent.change(screen.getByLabelText('Titolo'), { target: { value: 'Formazione sul PAI integrato' } });
    fireEvent.change(screen.getByLabelText('Data prevista'), { target: { value: '2026-12-10' } });
    fireEvent.change(screen.getByLabelText('Équipe'), { target: { value: EEMM.id } });
    const participants = screen.getByRole('group', { name: 'Partecipanti di Ponte' });
    expect(within(participants).getAllByRole('checkbox')).toHaveLength(3);
    for (const name of ['Elena Tognali', 'Marco Bianchi', 'Anna Rossi'])
      expect(within(participants).getByLabelText(name)).not.toBeChecked();
    fireEvent.click(within(participants).getByLabelText('Elena Tognali'));
    fireEvent.click(within(participants).getByLabelText('Anna Rossi'));
    fireEvent.change(screen.getByLabelText('Partecipanti esterni'), { target: { value: '2' } });
    fireEvent.click(screen.getByLabelText('Servizio di assistenza domiciliare (SAD)'));
    await screen.findByRole('option', { name: 'Convenzione SAD 2026 (In vigore)' });
    expect(screen.queryByRole('option', { name: /Protocollo revocato/ })).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Accordo che attua (facoltativo)'), { target: { value: 'a1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Registra l’incontro' }));

    expect(await screen.findByText('Incontro registrato.')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/incontri/m7');
    expect(server.requests.find((r) => r.operationName === 'PlanMeeting')?.variables).toEqual({
      input: {
        kind: 'FORMAZIONE',
        title: 'Formazione sul PAI integrato',
        plannedOn: '2026-12-10',
        heldOn: null,
        teamId: 't1',
        organizationId: null,
        participantIds: ['u-elena', 'u-anna'],
        externalParticipants: 2,
        services: ['SAD'],
        agreementId: 'a1',
        note: null,
      },
    });
  });

  it("shows the server's refusal at its field", async () => {
    openMeeting(
      meeting(),
      {
        MeetingAgreementChoices: () => ({ data: { networkAgreements: { __typename: 'NetworkAgreementConnection', nodes: [] } } }),
        PlanMeeting: () => ({
          data: null,
          errors: [
            { message: 'Un partecipante non fa parte dell’équipe', extensions: { code: 'VALIDATION', field: 'meeting.participantIds' } },
          ],
        }),
      },
      '/incontri/nuovo',
    );
    fireEvent.change(await screen.findByLabelText('Tipo'), { target: { value: 'EQUIPE' } });
    fireEvent.change(screen.getByLabelText('Titolo'), { target: { value: 'Équipe' } });
    fireEvent.change(screen.getByLabelText('Équipe'), { target: { value: EEMM.id } });
    fireEvent.click(screen.getByRole('button', { name: 'Registra l’incontro' }));
    expect(await screen.findByText('Un partecipante non fa parte dell’équipe')).toBeInTheDocument();
    expect(document.activeElement).toBe(document.getElementById('incontro-participantIds'));
  });
});
