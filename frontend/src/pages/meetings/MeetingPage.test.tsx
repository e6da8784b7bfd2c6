import { fireEvent, screen, within } from '@testing-library/react';
import { todayIso } from '../../i18n/format';
import { meeting, openMeeting } from '../../test/registers';

describe('Incontro: the detail', () => {
  it('shows what, when, who organizes it and who is expected', async () => {
    openMeeting(meeting({ externalParticipants: 3, note: 'Casi complessi del trimestre' }));
    await screen.findByRole('heading', { level: 1, name: 'Supervisione di novembre' });
    const summary = screen.getByTestId('incontro-sintesi');
    expect(summary).toHaveTextContent('Supervisione');
    expect(summary).toHaveTextContent('20/11/2026');
    expect(summary).toHaveTextContent('Comune di Breno');
    expect(summary).toHaveTextContent('EEMM Breno');
    expect(summary).toHaveTextContent('Casi complessi del trimestre');
    expect(within(summary).getByRole('link', { name: 'Convenzione SAD 2026' })).toHaveAttribute('href', '/accordi/a1');
    expect(screen.getByTestId('stato-incontro')).toHaveTextContent('Programmato');
    expect(screen.getByRole('heading', { name: 'Partecipanti previsti' })).toBeInTheDocument();
    expect(screen.getByTestId('partecipanti')).toHaveTextContent('Elena Tognali');
    expect(screen.getByText('E 3 partecipanti esterni (caregiver, familiari, altri servizi).')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Torna agli incontri' })).toHaveAttribute('href', '/incontri?mese=2026-11');
  });

  it('offers no step on a held meeting, nor to whom may not edit', async () => {
    openMeeting(meeting({ status: 'HELD', heldOn: '2026-11-21' }));
    expect(await screen.findByTestId('incontro-sintesi')).toHaveTextContent('21/11/2026');
    expect(screen.getByRole('heading', { name: 'Partecipanti' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Registra come svolto' })).not.toBeInTheDocument();
  });
});

describe('Incontro: recording it held', () => {
  it('ticks the team’s members present and sends the attendance with the version', async () => {
    const server = openMeeting(meeting(), {
      RecordMeetingHeld: () => ({
        data: {
          recordMeetingHeld: {
            __typename: 'Meeting',
            id: 'm1',
            version: 3,
            status: 'HELD',
            heldOn: '2026-11-20',
            externalParticipants: 4,
            note: null,
            canEdit: true,
            participants: [],
          },
        },
      }),
    });
    const attendance = await screen.findByRole('group', { name: 'Presenti' });
    // The expected participant is ticked; the team's other members can be.
    expect(within(attendance).getByLabelText('Elena Tognali')).toBeChecked();
    fireEvent.click(within(attendance).getByLabelText('Marco Bianchi'));
    fireEvent.change(screen.getByLabelText('Data in cui si è svolto'), { target: { value: '2026-11-20' } });
    fireEvent.change(screen.getByLabelText('Partecipanti esterni'), { target: { value: 'quattro' } });
    fireEvent.click(screen.getByRole('button', { name: 'Registra come svolto' }));
    expect(await screen.findByText('Indica un numero intero, zero o più')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Partecipanti esterni'), { target: { value: '4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Registra come svolto' }));
    expect(await screen.findByText('Incontro registrato come svolto.')).toBeInTheDocument();
    expect(server.requests.find((r) => r.operationName === 'RecordMeetingHeld')?.variables).toEqual({
      input: {
        meetingId: 'm1',
        expectedVersion: 2,
        heldOn: '2026-11-20',
        participantIds: ['u-elena', 'u-marco'],
        externalParticipants: 4,
        note: null,
      },
    });
  });

  it('defaults the held date to today', async () => {
    openMeeting(meeting());
    expect(await screen.findByLabelText('Data in cui si è svolto')).toHaveValue(todayIso());
  });
});

describe('Incontro: cancelling it', () => {
  it('asks the reason and confirms in a dialog before sending', async () => {
    const server = openMeeting(meeting(), {
      CancelMeeting: () => ({
        data: {
          cancelMeeting: { __typename: 'Meeting', id: 'm1', version: 3, status: 'CANCELLED', cancelledReason: 'Sciopero', canEdit: true },
        },
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Annulla l’incontro…' }));
    expect(await screen.findByText('Indica il motivo')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Motivo'), { target: { value: 'Sciopero' } });
    fireEvent.click(screen.getByRole('button', { name: 'Annulla l’incontro…' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Confermi l’annullamento?' });
    expect(dialog).toHaveTextContent('Annulli «Supervisione di novembre» previsto il 20/11/2026. Motivo: Sciopero');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annulla l’incontro' }));
    expect(await screen.findByText('Incontro annullato.')).toBeInTheDocument();
    expect(server.requests.find((r) => r.operationName === 'CancelMeeting')?.variables).toEqual({
      input: { meetingId: 'm1', expectedVersion: 2, reason: 'Sciopero' },
    });
  });

  it('offers "Ricarica" after a CONFLICT', async () => {
    openMeeting(meeting(), {
      CancelMeeting: () => ({ data: null, errors: [{ message: 'Versione superata', extensions: { code: 'CONFLICT' } }] }),
    });
    fireEvent.change(await screen.findByLabelText('Motivo'), { target: { value: 'Sciopero' } });
    fireEvent.click(screen.getByRole('button', { name: 'Annulla l’incontro…' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Annulla l’incontro' }));
    expect(await screen.findByText(/L’incontro è stato modificato da qualcun altro/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ricarica' })).toBeInTheDocument();
  });
});
