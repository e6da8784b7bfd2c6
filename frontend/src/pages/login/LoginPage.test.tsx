import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Provider } from 'urql';
import { vi } from 'vitest';
import { createPonteClient } from '../../graphql/client';
import { adminViewer, fakeServer, unauthenticated } from '../../test/fakeServer';
import { LoginPage } from './LoginPage';

function renderLogin(server: ReturnType<typeof fakeServer>) {
  const onSessionLost = vi.fn();
  const onSignedIn = vi.fn();
  const client = createPonteClient({ onSessionLost, fetch: server.fetch });
  render(
    <Provider value={client}>
      <LoginPage onSignedIn={onSignedIn} />
    </Provider>,
  );
  return { onSessionLost, onSignedIn };
}

function signIn(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Accedi' }));
}

describe('LoginPage', () => {
  it('shows "Email o password non corretti" when the server answers UNAUTHENTICATED', async () => {
    const server = fakeServer({ Login: () => unauthenticated('Email o password non corretti') });
    const { onSessionLost, onSignedIn } = renderLogin(server);
    signIn('admin@ponte.demo', 'sbagliata');
    expect(await screen.findByRole('alert')).toHaveTextContent('Email o password non corretti');
    expect(onSignedIn).not.toHaveBeenCalled();
    // A refused sign-in is not a lost session.
    expect(onSessionLost).not.toHaveBeenCalled();
  });

  it("shows the server's own message when sign-in is RATE_LIMITED", async () => {
    const message = 'Troppi tentativi di accesso: riprova tra qualche minuto';
    const server = fakeServer({
      Login: () => ({ data: null, errors: [{ message, extensions: { code: 'RATE_LIMITED' } }] }),
    });
    renderLogin(server);
    signIn('admin@ponte.demo', 'sbagliata');
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
  });

  it('signs in with a POST carrying the CSRF header and the same-origin cookie', async () => {
    const server = fakeServer({ Login: () => ({ data: { login: adminViewer } }) });
    const { onSignedIn } = renderLogin(server);
    signIn(' admin@ponte.demo ', 'ponte-demo-2026');
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(expect.objectContaining({ displayName: 'Amministrazione Ponte' })));
    const [request] = server.requests;
    expect(request.url).toBe('/graphql');
    expect(request.init.method).toBe('POST');
    expect(request.init.credentials).toBe('same-origin');
    const headers = new Headers(request.init.headers);
    expect(headers.get('x-ponte-csrf')).toBe('1');
    expect(headers.get('content-type')).toBe('application/json');
    expect(request.variables).toEqual({ input: { email: 'admin@ponte.demo', password: 'ponte-demo-2026' } });
  });

  it('asks for the missing fields without calling the server', async () => {
    const server = fakeServer({});
    renderLogin(server);
    fireEvent.click(screen.getByRole('button', { name: 'Accedi' }));
    expect(await screen.findByText("Inserisci l'email")).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Inserisci la password')).toBeInTheDocument();
    expect(server.requests).toHaveLength(0);
  });
});
