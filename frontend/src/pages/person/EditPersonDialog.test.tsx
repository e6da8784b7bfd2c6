import { fireEvent, screen, within } from '@testing-library/react';
import { fakeServer, viewer } from '../../test/fakeServer';
import { amina } from '../../test/person';
import { renderAt } from '../../test/renderApp';

const operator = viewer({ role: 'OPERATOR', displayName: 'Elena Tognali', profession: 'ASSISTENTE_SOCIALE' });

describe('Modifica dati della persona', () => {
  it('sends the corrected names and contacts with the version, and shows a refusal at its field', async () => {
    let refuse = true;
    const server = fakeServer({
      Me: () => ({ data: { me: operator } }),
      PersonRecord: () => ({ data: { person: amina } }),
      UpdatePerson: () =>
        refuse
          ? { data: null, errors: [{ message: "L'indirizzo email non è valido", extensions: { code: 'VALIDATION', field: 'email' } }] }
          : {
              data: {
                updatePerson: {
                  __typename: 'Person',
                  id: 'p1',
                  version: 4,
                  givenName: 'Amina',
                  familyName: 'Keïta',
                  birthPlace: 'Bamako',
                  residence: 'Via Roma 1, Breno',
                  domicile: null,
                  phone: '0364 123456',
                  email: null,
                  language: 'Francese',
                },
              },
            },
    });
    renderAt('/persone/p1', server);
    // The record's first render, with every section, is slow on a busy machine.
    fireEvent.click(await screen.findByRole('button', { name: 'Modifica dati' }, { timeout: 15_000 }));
    const dialog = screen.getByRole('dialog', { name: 'Modifica i dati della persona' });
    const family = within(dialog).getByLabelText('Cognome');
    expect(family).toHaveValue('Keita');
    fireEvent.change(family, { target: { value: ' ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Salva le modifiche' }));
    expect(family).toHaveAccessibleDescription('Inserisci il cognome');
    expect(server.requests.some((r) => r.operationName === 'UpdatePerson')).toBe(false);

    fireEvent.change(family, { target: { value: 'Keïta' } });
    fireEvent.change(within(dialog).getByLabelText('Telefono (facoltativo)'), { target: { value: ' 0364 123456 ' } });
    fireEvent.change(within(dialog).getByLabelText('Email (facoltativa)'), { target: { value: 'amina@' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Salva le modifiche' }));
    const email = within(dialog).getByLabelText('Email (facoltativa)');
    expect(await within(dialog).findByText("L'indirizzo email non è valido")).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveFocus();

    refuse = false;
    fireEvent.change(email, { target: { value: '' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Salva le modifiche' }));
    expect(await screen.findByText('Dati della persona aggiornati.')).toBeInTheDocument();
    expect(server.requests.filter((r) => r.operationName === 'UpdatePerson').at(-1)?.variables).toEqual({
      input: {
        personId: 'p1',
        expectedVersion: 3,
        givenName: 'Amina',
        familyName: 'Keïta',
        birthPlace: 'Bamako',
        residence: 'Via Roma 1, Breno',
        domicile: '',
        phone: '0364 123456',
        email: '',
        language: 'Francese',
      },
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
