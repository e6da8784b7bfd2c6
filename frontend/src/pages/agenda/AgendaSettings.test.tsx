import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeServer } from '../../test/fakeServer';
import { operator } from '../../test/registers';
import { renderAt } from '../../test/renderApp';

function open(created: string | null) {
  let feed = created;
  let email = false;
  const settings = () => ({ __typename: 'AgendaSettings', emailReminders: email, calendarFeedCreatedAt: feed });
  const server = fakeServer({
    Me: () => ({ data: { me: operator } }),
    UnreadNotificationCount: () => ({ data: { notifications: { __typename: 'NotificationConnection', totalCount: 0 } } }),
    AgendaSettings: () => ({ data: { agendaSettings: settings() } }),
    SetAgendaEmailReminders: (variables) => {
      email = variables.enabled;
      return { data: { setAgendaEmailReminders: settings() } };
    },
    CreateCalendarFeed: () => {
      feed = '2026-11-27T10:00:00Z';
      return {
        data: {
          createCalendarFeed: {
            __typename: 'CalendarFeed',
            url: 'https://ponte.example.it/calendar/ponte_cal_segreto.ics',
            settings: settings(),
          },
        },
      };
    },
    RevokeCalendarFeed: () => {
      feed = null;
      return { data: { revokeCalendarFeed: true } };
    },
  });
  renderAt('/password', server);
  return server;
}

describe('the agenda settings in the account page', () => {
  it('turns the email reminders on', async () => {
    const server = open(null);
    const box = await screen.findByLabelText('Ricevi i promemoria anche per email');
    expect(box).not.toBeChecked();
    fireEvent.click(box);
    await waitFor(() => expect(server.requests.some((r) => r.operationName === 'SetAgendaEmailReminders')).toBe(true));
    expect(server.requests.find((r) => r.operationName === 'SetAgendaEmailReminders')?.variables).toEqual({ enabled: true });
    expect(await screen.findByText('Preferenza salvata.')).toBeInTheDocument();
  });

  it('shows the new calendar address once, with a copy button, and revokes it', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    open(null);
    expect(await screen.findByText('Nessun calendario attivo.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Crea l’indirizzo del calendario' }));
    const address = await screen.findByLabelText('Indirizzo del calendario');
    expect(address).toHaveValue('https://ponte.example.it/calendar/ponte_cal_segreto.ics');
    fireEvent.click(screen.getByRole('button', { name: 'Copia' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('https://ponte.example.it/calendar/ponte_cal_segreto.ics'));
    expect(await screen.findByRole('button', { name: 'Copiato' })).toBeInTheDocument();
    await screen.findByTestId('calendario-stato');
    fireEvent.click(await screen.findByRole('button', { name: 'Revoca il calendario' }));
    expect(await screen.findByText('Calendario revocato: l’indirizzo non funziona più.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Indirizzo del calendario')).not.toBeInTheDocument();
  });
});
