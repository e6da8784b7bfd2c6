import { fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../App';
import { SessionProvider } from '../../session/session';
import type { MyTeamsQuery } from '../../gql/graphql';
import { fakeServer, viewer, type Served } from '../../test/fakeServer';
import { fiscalCodeFeedback } from './PersonFields';

const operator = viewer({ role: 'OPERATOR', displayName: 'Chiara Bonetti', profession: 'ASSISTENTE_SOCIALE' });
const myTeams: Served<MyTeamsQuery> = {
  teams: {
    __typename: 'TeamConnection',
    nodes: [{ __typename: 'Team', id: 'pua', name: 'PUA Casa di Comunità di Breno', kind: 'PUA' }],
  },
};

function renderAt(server: ReturnType<typeof fakeServer>) {
  window.history.replaceState(null, '', '/persone/nuova');
  render(
    <SessionProvider fetch={server.fetch}>
      <App />
    </SessionProvider>,
  );
}

async function fillValidPerson() {
  fireEvent.change(await screen.findByLabelText('Cognome'), { target: { value: 'Rossi' } });
  fireEvent.change(screen.getByLabelText('Nome'), { target: { value: 'Mario' } });
  fireEvent.change(screen.getByLabelText('Codice fiscale'), { target: { value: 'rssmra80a01h501u' } });
  fireEvent.change(screen.getByLabelText('Data di nascita'), { target: { value: '1980-01-01' } });
  fireEvent.change(screen.getByLabelText('Sesso (come nel codice fiscale)'), { target: { value: 'M' } });
}

describe('fiscalCodeFeedback', () => {
  it('reads the code as it is typed and compares it with the birth date and sex', () => {
    expect(fiscalCodeFeedback({ fiscalCode: 'RSSMRA80', birthDate: '', sex: '' })).toEqual({
      hint: '16 caratteri, maiuscole o minuscole: viene controllato mentre scrivi. 8 caratteri su 16.',
    });
    expect(fiscalCodeFeedback({ fiscalCode: 'RSSMRA80Z', birthDate: '', sex: '' }).error).toBe(
      'La lettera del mese (9° carattere) non corrisponde a nessun mese',
    );
    expect(fiscalCodeFeedback({ fiscalCode: 'RSSMRA80A01H501X', birthDate: '', sex: '' }).error).toBe(
      "L'ultimo carattere (di controllo) non è corretto: ricontrolla il codice",
    );
    expect(fiscalCodeFeedback({ fiscalCode: 'rssmra80a01h501u', birthDate: '1980-01-01', sex: 'M' })).toEqual({
      hint: 'Codice fiscale valido: nascita il 01/01/1980, sesso maschio.',
    });
    expect(fiscalCodeFeedback({ fiscalCode: 'RSSMRA80A01H501U', birthDate: '1980-01-02', sex: 'M' }).error).toBe(
      'La data di nascita non corrisponde a quella del codice fiscale (01/01/1980).',
    );
    expect(fiscalCodeFeedback({ fiscalCode: 'RSSMRA80A01H501U', birthDate: '1980-01-01', sex: 'F' }).error).toBe(
      'Il sesso non corrisponde a quello del codice fiscale (maschio).',
    );
  });
});

describe('NewPersonPage', () => {
  it('marks the codice fiscale field as it is typed', async () => {
    renderAt(fakeServer({ Me: () => ({ data: { me: operator } }), MyTeams: () => ({ data: myTeams }) }));
    const field = await screen.findByLabelText('Codice fiscale');
    fireEvent.change(field, { target: { value: 'RSSMRA80F' } });
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('La lettera del mese (9° carattere) non corrisponde a nessun mese')).toBeInTheDocument();
    fireEvent.change(field, { target: { value: 'rssmra80a01h501u' } });
    expect(field).not.toHaveAttribute('aria-invalid');
    expect(screen.getByText(/Codice fiscale valido/)).toBeInTheDocument();
  });

  it('sends the code in upper case, with the only team, and shows a VALIDATION error by its field', async () => {
    const server = fakeServer({
      Me: () => ({ data: { me: operator } }),
      MyTeams: () => ({ data: myTeams }),
      CreatePerson: () => ({
        data: null,
        errors: [{ message: "L'email non è valida", extensions: { code: 'VALIDATION', field: 'email' } }],
      }),
    });
    renderAt(server);
    await fillValidPerson();
    fireEvent.change(screen.getByLabelText(/^Email/), { target: { value: 'mario@' } });
    fireEvent.click(screen.getByRole('button', { name: 'Registra persona' }));
    const message = await screen.findByText("L'email non è valida");
    const email = screen.getByLabelText(/^Email/);
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email.getAttribute('aria-describedby')).toContain(message.id);
    expect(email).toHaveFocus();
    const sent = server.requests.find((r) => r.operationName === 'CreatePerson')?.variables.input;
    expect(sent).toMatchObject({
      fiscalCode: 'RSSMRA80A01H501U',
      fiscalCodeMissingReason: null,
      givenName: 'Mario',
      familyName: 'Rossi',
      birthDate: '1980-01-01',
      sex: 'M',
      teamId: 'pua',
      email: 'mario@',
      urgency: 'ORDINARY',
      referralSource: 'SERVICE',
    });
  });

  it('says at the field that a code is already registered, with a link to the record the viewer follows', async () => {
    const server = fakeServer({
      Me: () => ({ data: { me: operator } }),
      MyTeams: () => ({ data: myTeams }),
      FiscalCodeOwner: ({ fiscalCode }) => ({
        data: {
          persons: {
            __typename: 'PersonConnection',
            nodes:
              fiscalCode === 'RSSMRA80A01H501U'
                ? [{ __typename: 'Person', id: 'p42', givenName: 'Mario', familyName: 'Rossi', fiscalCode }]
                : [],
          },
        },
      }),
    });
    renderAt(server);
    await fillValidPerson();
    const field = screen.getByLabelText('Codice fiscale');
    const link = await screen.findByRole('link', { name: 'Apri la sua scheda' });
    expect(link).toHaveAttribute('href', '/persone/p42');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(
      expect.stringContaining('Questo codice fiscale è già registrato: Mario Rossi ha già una scheda'),
    );
    expect(screen.queryByText(/Codice fiscale valido/)).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Registra persona' }));
    expect(field).toHaveFocus();
    expect(server.requests.some((r) => r.operationName === 'CreatePerson')).toBe(false);
  });

  it('a CONFLICT for a person the viewer does not follow is said at the field, with a search for the code', async () => {
    renderAt(
      fakeServer({
        Me: () => ({ data: { me: operator } }),
        MyTeams: () => ({ data: myTeams }),
        FiscalCodeOwner: () => ({ data: { persons: { __typename: 'PersonConnection', nodes: [] } } }),
        CreatePerson: () => ({
          data: null,
          errors: [{ message: 'Esiste già una persona con questo codice fiscale', extensions: { code: 'CONFLICT' } }],
        }),
      }),
    );
    await fillValidPerson();
    expect(await screen.findByText(/Codice fiscale valido/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Registra persona' }));
    const link = await screen.findByRole('link', { name: 'Cerca tra le persone' });
    expect(link).toHaveAttribute('href', '/persone?cerca=RSSMRA80A01H501U');
    const field = screen.getByLabelText('Codice fiscale');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveFocus();
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Una persona con questo codice fiscale è già registrata'));
    expect(screen.queryByText(/Codice fiscale valido/)).not.toBeInTheDocument();
  });

  it('without a codice fiscale asks for the reason and checks the STP code', async () => {
    const server = fakeServer({ Me: () => ({ data: { me: operator } }), MyTeams: () => ({ data: myTeams }) });
    renderAt(server);
    fireEvent.click(await screen.findByLabelText('Persona senza codice fiscale'));
    expect(screen.queryByLabelText('Codice fiscale')).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Motivo della mancanza'), { target: { value: 'STP' } });
    const code = screen.getByLabelText('Codice STP');
    fireEvent.change(code, { target: { value: 'STP123' } });
    fireEvent.blur(code);
    expect(screen.getByText('Il codice STP è composto da STP e 13 cifre')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Registra persona' }));
    expect(screen.getByLabelText('Cognome')).toHaveFocus();
    expect(server.requests.some((r) => r.operationName === 'CreatePerson')).toBe(false);
  });
});
