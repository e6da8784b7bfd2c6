import { fireEvent, render, screen } from '@testing-library/react';
import { Provider } from 'urql';
import { vi } from 'vitest';
import { createPonteClient } from '../../graphql/client';
import { fakeServer } from '../../test/fakeServer';
import { CreateOrganizationForm } from './CreateOrganizationForm';

function renderForm(server: ReturnType<typeof fakeServer>) {
  const client = createPonteClient({ onSessionLost: vi.fn(), fetch: server.fetch });
  render(
    <Provider value={client}>
      <CreateOrganizationForm />
    </Provider>,
  );
}

describe('CreateOrganizationForm', () => {
  it("shows the server's VALIDATION message by the field named in extensions.field", async () => {
    const server = fakeServer({
      CreateOrganization: () => ({
        data: null,
        errors: [{ message: 'Il nome è troppo lungo', extensions: { code: 'VALIDATION', field: 'name' } }],
      }),
    });
    renderForm(server);
    fireEvent.change(screen.getByLabelText("Nome dell'ente"), { target: { value: 'Comune di Prova' } });
    fireEvent.change(screen.getByLabelText('Tipo di ente'), { target: { value: 'COMUNE' } });
    fireEvent.click(screen.getByRole('button', { name: 'Crea ente' }));

    const message = await screen.findByText('Il nome è troppo lungo');
    const name = screen.getByLabelText("Nome dell'ente");
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name.getAttribute('aria-describedby')).toContain(message.id);
    expect(name).toHaveFocus();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(server.requests[0].variables).toEqual({ input: { name: 'Comune di Prova', kind: 'COMUNE', fiscalCode: null } });
  });

  it('checks the codice fiscale as it is typed: digits only, eleven of them', () => {
    renderForm(fakeServer({}));
    const field = screen.getByLabelText(/Codice fiscale/);
    fireEvent.change(field, { target: { value: '0123A' } });
    expect(screen.getByText('Il codice fiscale di un ente è composto da 11 cifre')).toBeInTheDocument();
    fireEvent.change(field, { target: { value: '0123' } });
    expect(field).not.toHaveAttribute('aria-invalid');
    fireEvent.blur(field);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    fireEvent.change(field, { target: { value: '01234567890' } });
    expect(field).not.toHaveAttribute('aria-invalid');
  });

  it('lists every kind of organization with its Italian label', () => {
    renderForm(fakeServer({}));
    const options = Array.from(screen.getByLabelText<HTMLSelectElement>('Tipo di ente').options).map((o) => o.text);
    expect(options).toContain('Agenzia di tutela della salute (ATS)');
    expect(options).toContain('Ambito territoriale sociale');
    expect(options).toContain('Cooperativa sociale di tipo A');
    expect(options).toContain('Cooperativa sociale di tipo B');
    expect(options).toContain('Centrale operativa territoriale (COT)');
    expect(options).not.toContain('Cooperativa sociale (tipo non indicato)');
    expect(options).toHaveLength(20); // "Scegli…" and 19 of the 20 kinds: not the cooperative of unstated type
  });
});
