import { fireEvent, screen, within } from '@testing-library/react';
import { vi } from 'vitest';
import { encodeFiscalCode } from '../../domain/fiscalCode';
import { fakeServer, viewer, type Served } from '../../test/fakeServer';
import { amina } from '../../test/person';
import { renderAt } from '../../test/renderApp';
import type { PersonRecordQuery, UpdatePersonMutation } from '../../gql/graphql';

const operator = viewer({ role: 'OPERATOR', displayName: 'Elena Tognali', profession: 'ASSISTENTE_SOCIALE' });

type Person = Served<NonNullable<PersonRecordQuery['person']>>;
type Answer = { data: UpdatePersonMutation | null; errors?: Array<{ message: string; extensions: Record<string, string> }> };

const breno = { __typename: 'Organization' as const, id: 'c-breno', name: 'Breno' };
const comuni = {
  organizations: {
    __typename: 'OrganizationConnection',
    nodes: [breno, { __typename: 'Organization', id: 'c-cividate', name: 'Cividate Camuno' }],
  },
};

/** The record's answer to a successful correction (the fields the mutation asks). */
function updated(person: Person): Answer {
  const { teams, referencePersons, privacyConsents, projects, discharges, referrals, ...fields } = person;
  void [teams, referencePersons, privacyConsents, projects, discharges, referrals];
  return { data: { updatePerson: { ...fields, version: person.version + 1 } } as UpdatePersonMutation };
}

/** Opens "Modifica dati" on `person`'s record; each UpdatePerson gets the next of `answers`. */
async function openCorrection(person: Person, answers: Array<() => Answer>) {
  const server = fakeServer({
    Me: () => ({ data: { me: operator } }),
    PersonRecord: () => ({ data: { person } }),
    ResidenceComuni: () => ({ data: comuni }),
    FiscalCodeOwner: () => ({ data: { persons: { __typename: 'PersonConnection', nodes: [] } } }),
    UpdatePerson: () => (answers.shift()?.() ?? { data: null }) as never,
  });
  renderAt(`/persone/${person.id}`, server);
  // The record's first render, with every section, is slow on a busy machine.
  fireEvent.click(await screen.findByRole('button', { name: 'Modifica dati' }, { timeout: 15_000 }));
  const dialog = screen.getByRole('dialog', { name: 'Modifica i dati della persona' });
  const save = () => fireEvent.click(within(dialog).getByRole('button', { name: 'Salva le modifiche' }));
  const sent = () => server.requests.filter((r) => r.operationName === 'UpdatePerson');
  return { server, dialog, save, sent };
}

function confirmation() {
  return screen.getByRole('dialog', { name: 'Conferma la correzione' });
}

describe('Modifica dati della persona', () => {
  it('sends the corrected names and contacts with the version, after the summary, and shows a refusal at its field', async () => {
    const { dialog, save, sent } = await openCorrection(amina, [
      () => ({ data: null, errors: [{ message: "L'indirizzo email non è valido", extensions: { code: 'VALIDATION', field: 'email' } }] }),
      () => updated(amina),
    ]);
    // Prefilled with the record, the codice fiscale's absence and its STP code too.
    const family = within(dialog).getByLabelText('Cognome');
    expect(family).toHaveValue('Keita');
    expect(within(dialog).getByLabelText('Persona senza codice fiscale')).toBeChecked();
    expect(within(dialog).getByLabelText('Motivo della mancanza')).toHaveValue('STP');
    expect(within(dialog).getByLabelText('Codice STP')).toHaveValue('STP0300001234567');
    expect(within(dialog).getByLabelText('Data di nascita')).toHaveValue('1950-04-02');
    expect(within(dialog).getByLabelText('Non autosufficienza')).toBeChecked();

    fireEvent.change(family, { target: { value: ' ' } });
    save();
    expect(family).toHaveAccessibleDescription('Inserisci il cognome');
    expect(sent()).toHaveLength(0);

    fireEvent.change(family, { target: { value: 'Keïta' } });
    fireEvent.change(within(dialog).getByLabelText('Telefono (facoltativo)'), { target: { value: ' 0364 123456 ' } });
    fireEvent.change(within(dialog).getByLabelText('Email (facoltativo)'), { target: { value: 'amina@' } });
    // The Comuni to choose from, once read.
    await within(dialog).findByRole('option', { name: 'Cividate Camuno' });
    fireEvent.change(within(dialog).getByLabelText('Comune di residenza (facoltativo)'), { target: { value: 'c-breno' } });
    save();
    // Nothing is sent before the summary is confirmed.
    expect(within(confirmation()).getByTestId('riepilogo-correzione')).toHaveTextContent('Cognome: da «Keita» a «Keïta»');
    expect(within(confirmation()).getByTestId('riepilogo-correzione')).toHaveTextContent('Comune di residenza: da «—» a «Breno»');
    expect(within(confirmation()).getAllByRole('listitem')).toHaveLength(4);
    expect(sent()).toHaveLength(0);
    fireEvent.click(within(confirmation()).getByRole('button', { name: 'Conferma la correzione' }));

    // The server's refusal: back in the form, at its field.
    const form = await screen.findByRole('dialog', { name: 'Modifica i dati della persona' });
    const email = within(form).getByLabelText('Email (facoltativo)');
    expect(await screen.findByText("L'indirizzo email non è valido")).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveFocus();

    fireEvent.change(email, { target: { value: '' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Salva le modifiche' }));
    fireEvent.click(within(confirmation()).getByRole('button', { name: 'Conferma la correzione' }));
    expect(await screen.findByText('Dati della persona aggiornati.')).toBeInTheDocument();
    expect(sent().at(-1)?.variables).toEqual({
      input: {
        personId: 'p1',
        expectedVersion: 3,
        fiscalCode: null,
        fiscalCodeMissingReason: 'STP',
        alternativeCode: 'STP0300001234567',
        givenName: 'Amina',
        familyName: 'Keïta',
        birthDate: '1950-04-02',
        sex: 'F',
        birthPlace: 'Bamako',
        residence: 'Via Roma 1, Breno',
        homeless: false,
        residenceComuneId: 'c-breno',
        domicile: '',
        phone: '0364 123456',
        email: '',
        language: 'Francese',
        targetGroups: ['NON_AUTOSUFFICIENTE'],
      },
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('checks a corrected birth date against the codice fiscale, as "Nuova persona" does, and summarises both', async () => {
    const born = { familyName: 'Bonomelli', givenName: 'Ernesto', sex: 'M' as const, placeCode: 'B149' };
    const wrongCode = encodeFiscalCode({ ...born, birthDate: '1948-09-02' });
    const rightCode = encodeFiscalCode({ ...born, birthDate: '1938-09-02' });
    const ernesto: Person = {
      ...amina,
      id: 'p2',
      version: 7,
      fiscalCode: wrongCode,
      fiscalCodeMissingReason: null,
      alternativeCode: null,
      givenName: 'Ernesto',
      familyName: 'Bonomelli',
      birthDate: '1948-09-02',
      sex: 'M',
      residenceComune: breno,
    };
    const { dialog, save, sent } = await openCorrection(ernesto, [
      () => ({
        data: null,
        errors: [
          { message: 'La data di nascita non corrisponde al codice fiscale', extensions: { code: 'VALIDATION', field: 'birthDate' } },
        ],
      }),
      () => updated({ ...ernesto, birthDate: '1938-09-02', fiscalCode: rightCode }),
    ]);
    const code = within(dialog).getByLabelText('Codice fiscale', { exact: true });
    expect(code).toHaveValue(wrongCode);
    // A Comune already recorded cannot be emptied.
    expect(within(dialog).getByLabelText('Comune di residenza')).toHaveValue('c-breno');
    expect(within(dialog).queryByRole('option', { name: 'Non indicato' })).not.toBeInTheDocument();

    const birthDate = within(dialog).getByLabelText('Data di nascita');
    fireEvent.change(birthDate, { target: { value: '1938-09-02' } });
    expect(code).toHaveAccessibleDescription(/La data di nascita non corrisponde a quella del codice fiscale \(02\/09\/1948\)\./);
    save();
    expect(code).toHaveFocus();
    expect(sent()).toHaveLength(0);
    expect(screen.queryByRole('dialog', { name: 'Conferma la correzione' })).not.toBeInTheDocument();

    fireEvent.change(code, { target: { value: rightCode.toLowerCase() } });
    expect(code).toHaveAccessibleDescription(/Codice fiscale valido: nascita il 02\/09\/1938, sesso maschio\./);
    save();
    const summary = within(confirmation()).getByTestId('riepilogo-correzione');
    expect(
      within(summary)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Data di nascita: da «02/09/1948» a «02/09/1938»', `Codice fiscale: da «${wrongCode}» a «${rightCode}»`]);
    expect(confirmation()).toHaveAccessibleDescription(/Correggere i dati di Ernesto Bonomelli è un atto formale/);

    // "Annulla" goes back to the form, with what was typed.
    fireEvent.click(within(confirmation()).getByRole('button', { name: 'Annulla' }));
    const form = screen.getByRole('dialog', { name: 'Modifica i dati della persona' });
    expect(within(form).getByLabelText('Data di nascita')).toHaveValue('1938-09-02');
    fireEvent.click(screen.getByRole('button', { name: 'Salva le modifiche' }));
    fireEvent.click(within(confirmation()).getByRole('button', { name: 'Conferma la correzione' }));
    expect(await screen.findByText('La data di nascita non corrisponde al codice fiscale')).toBeInTheDocument();
    expect(within(screen.getByRole('dialog', { name: 'Modifica i dati della persona' })).getByLabelText('Data di nascita')).toHaveAttribute(
      'aria-invalid',
      'true',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Salva le modifiche' }));
    fireEvent.click(within(confirmation()).getByRole('button', { name: 'Conferma la correzione' }));
    expect(await screen.findByText('Dati della persona aggiornati.')).toBeInTheDocument();
    expect(sent().at(-1)?.variables.input).toMatchObject({
      personId: 'p2',
      expectedVersion: 7,
      fiscalCode: rightCode,
      fiscalCodeMissingReason: null,
      alternativeCode: null,
      birthDate: '1938-09-02',
      sex: 'M',
      residenceComuneId: 'c-breno',
    });
  });

  it('says when the record changed meanwhile, and offers to reload it', async () => {
    const { dialog, save, server } = await openCorrection(amina, [
      () => ({
        data: null,
        errors: [{ message: 'La persona è stata modificata da qualcun altro nel frattempo', extensions: { code: 'CONFLICT' } }],
      }),
    ]);
    fireEvent.change(within(dialog).getByLabelText('Telefono (facoltativo)'), { target: { value: '0364 654321' } });
    save();
    expect(within(confirmation()).getByTestId('riepilogo-correzione')).toHaveTextContent('Telefono: da «—» a «0364 654321»');
    fireEvent.click(within(confirmation()).getByRole('button', { name: 'Conferma la correzione' }));
    expect(await screen.findByText(/La scheda è stata modificata da qualcun altro/)).toBeInTheDocument();
    const loads = server.requests.filter((r) => r.operationName === 'PersonRecord').length;
    fireEvent.click(screen.getByRole('button', { name: 'Ricarica' }));
    await vi.waitFor(() => expect(server.requests.filter((r) => r.operationName === 'PersonRecord').length).toBe(loads + 1));
  });

  it('says so when nothing was changed, and sends nothing', async () => {
    const { dialog, save, sent } = await openCorrection(amina, []);
    save();
    expect(await within(dialog).findByText('Non hai cambiato nessun dato.')).toBeInTheDocument();
    expect(sent()).toHaveLength(0);
  });
});
