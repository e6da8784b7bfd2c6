import { fireEvent, screen, within } from '@testing-library/react';
import type { PersonRecordQuery } from '../../gql/graphql';
import { fakeServer, viewer, type Served } from '../../test/fakeServer';
import { renderAt } from '../../test/renderApp';

const operator = viewer({ role: 'OPERATOR', displayName: 'Elena Tognali', profession: 'ASSISTENTE_SOCIALE' });

const amina: Served<NonNullable<PersonRecordQuery['person']>> = {
  __typename: 'Person',
  id: 'p1',
  version: 3,
  fiscalCode: null,
  fiscalCodeMissingReason: 'STP',
  alternativeCode: 'STP0300001234567',
  givenName: 'Amina',
  familyName: 'Keita',
  birthDate: '1950-04-02',
  birthPlace: 'Bamako',
  sex: 'F',
  residence: 'Via Roma 1, Breno',
  homeless: false,
  domicile: null,
  phone: null,
  email: null,
  language: 'Francese',
  targetGroups: ['NON_AUTOSUFFICIENTE'],
  age: 76,
  teams: [],
  referencePersons: [],
  privacyConsents: [],
  projects: [],
  discharges: [],
  referrals: [],
};

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
    fireEvent.click(await screen.findByRole('button', { name: 'Modifica dati' }));
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
