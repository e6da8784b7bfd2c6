import { fireEvent, screen, within } from '@testing-library/react';
import { fakeServer, viewer } from '../../test/fakeServer';
import { renderAt } from '../../test/renderApp';
import { interceptLinks } from '../../router/router';

let stopLinks: () => void;
beforeEach(() => {
  stopLinks = interceptLinks();
});
afterEach(() => stopLinks());

const operator = viewer({ id: 'u-elena', role: 'OPERATOR', displayName: 'Elena Tognali', profession: 'ASSISTENTE_SOCIALE' });

function fill(form: HTMLElement, current: string, next: string, again: string) {
  fireEvent.change(within(form).getByLabelText('Password attuale'), { target: { value: current } });
  fireEvent.change(within(form).getByLabelText('Nuova password'), { target: { value: next } });
  fireEvent.change(within(form).getByLabelText('Ripeti la nuova password'), { target: { value: again } });
}

describe('Cambia password', () => {
  it('is reached from the user menu, checks the fields in the browser and shows the server refusal at its field', async () => {
    let answer: 'wrong' | 'ok' = 'wrong';
    const server = fakeServer({
      Me: () => ({ data: { me: operator } }),
      ChangePassword: () =>
        answer === 'wrong'
          ? {
              data: null,
              errors: [{ message: 'La password attuale non è corretta', extensions: { code: 'VALIDATION', field: 'currentPassword' } }],
            }
          : { data: { changePassword: true } },
    });
    renderAt('/notifiche', server);
    const link = await screen.findByRole('link', { name: 'Cambia password' });
    expect(link).toHaveAttribute('href', '/password');
    fireEvent.click(link);
    const form = await screen.findByRole('form', { name: 'Cambia password' });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Cambia password');

    // Too short and not repeated the same: said by each field, nothing sent.
    fill(form, 'vecchia-password', 'corta', 'altra');
    fireEvent.click(within(form).getByRole('button', { name: 'Cambia password' }));
    expect(within(form).getByLabelText('Nuova password')).toHaveAccessibleDescription(
      expect.stringContaining('La password deve avere almeno 12 caratteri (ora ne ha 5).'),
    );
    expect(within(form).getByLabelText('Ripeti la nuova password')).toHaveAccessibleDescription('Le due password non coincidono');
    expect(within(form).getByLabelText('Nuova password')).toHaveFocus();
    expect(server.requests.some((r) => r.operationName === 'ChangePassword')).toBe(false);

    fill(form, 'sbagliata-sbagliata', 'la-mia-password-nuova', 'la-mia-password-nuova');
    fireEvent.click(within(form).getByRole('button', { name: 'Cambia password' }));
    const current = within(form).getByLabelText('Password attuale');
    expect(await within(form).findByText('La password attuale non è corretta')).toBeInTheDocument();
    expect(current).toHaveAttribute('aria-invalid', 'true');
    expect(current).toHaveFocus();

    answer = 'ok';
    fill(form, 'vecchia-password', 'la-mia-password-nuova', 'la-mia-password-nuova');
    fireEvent.click(within(form).getByRole('button', { name: 'Cambia password' }));
    expect(
      await screen.findByText('Password cambiata. Le altre sessioni aperte con il tuo account sono state chiuse.'),
    ).toBeInTheDocument();
    expect(server.requests.filter((r) => r.operationName === 'ChangePassword').at(-1)?.variables).toEqual({
      input: { currentPassword: 'vecchia-password', newPassword: 'la-mia-password-nuova' },
    });
    expect(within(form).getByLabelText('Password attuale')).toHaveValue('');
  });

  it('after a reset by the administrator, is the only screen until the user chooses a password', async () => {
    let changed = false;
    const server = fakeServer({
      Me: () => ({ data: { me: { ...operator, mustChangePassword: !changed } } }),
      ChangePassword: () => {
        changed = true;
        return { data: { changePassword: true } };
      },
      UnreadNotificationCount: () => ({ data: { notifications: { __typename: 'NotificationConnection', totalCount: 0 } } }),
    });
    renderAt('/notifiche', server);
    expect(await screen.findByTestId('password-temporanea')).toHaveTextContent(
      "L'amministratore ha impostato per te una password temporanea: scegline una tua per continuare.",
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Cambia password');
    const form = screen.getByRole('form', { name: 'Cambia password' });
    fill(form, 'abcd-efgh-jkmn-pqrs', 'la-mia-password-nuova', 'la-mia-password-nuova');
    fireEvent.click(within(form).getByRole('button', { name: 'Cambia password' }));
    // The account is read again: the page asked for comes back.
    expect(await screen.findByRole('heading', { level: 1, name: 'Notifiche' })).toBeInTheDocument();
    expect(server.requests.filter((r) => r.operationName === 'Me').length).toBeGreaterThanOrEqual(2);
  });
});
