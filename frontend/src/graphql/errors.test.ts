import { CombinedError } from 'urql';
import { commonCopy } from '../i18n/it';
import { errorMessage, findCode, formErrors } from './errors';

const fields = ['email', 'displayName', 'password'] as const;

function graphQLError(message: string, extensions: Record<string, unknown>) {
  return new CombinedError({ graphQLErrors: [{ message, extensions }] });
}

describe('formErrors', () => {
  it('puts a VALIDATION error by the field named in extensions.field', () => {
    const error = graphQLError('La password deve avere almeno 12 caratteri', { code: 'VALIDATION', field: 'password' });
    expect(formErrors(error, fields)).toEqual({ fields: { password: 'La password deve avere almeno 12 caratteri' } });
  });

  it('accepts a field named with its input prefix', () => {
    const error = graphQLError('Email non valida', { code: 'VALIDATION', field: 'input.email' });
    expect(formErrors(error, fields).fields.email).toBe('Email non valida');
  });

  it('finds the place of a field of a nested input', () => {
    const form = ['title', 'parties', 'elements.purpose'] as const;
    const error = (field: string) => graphQLError('No', { code: 'VALIDATION', field });
    expect(formErrors(error('input.agreement.title'), form).fields.title).toBe('No');
    expect(formErrors(error('parties[1].organizationId'), form).fields.parties).toBe('No');
    expect(formErrors(error('agreement.parties.0.role'), form).fields.parties).toBe('No');
    expect(formErrors(error('agreement.elements.purpose'), form).fields['elements.purpose']).toBe('No');
    expect(formErrors(error('agreement.kind'), form)).toEqual({ fields: {}, general: 'No' });
  });

  it('keeps a VALIDATION error for a field the form does not have as the general message', () => {
    const error = graphQLError('Non puoi disattivare il tuo stesso account', { code: 'VALIDATION', field: 'active' });
    expect(formErrors(error, fields)).toEqual({ fields: {}, general: 'Non puoi disattivare il tuo stesso account' });
  });

  it("shows a CONFLICT with the server's message", () => {
    const error = graphQLError('Esiste già un utente con questa email', { code: 'CONFLICT' });
    expect(formErrors(error, fields).general).toBe('Esiste già un utente con questa email');
  });

  it('maps several errors at once, each to its place', () => {
    const error = new CombinedError({
      graphQLErrors: [
        { message: 'Email non valida', extensions: { code: 'VALIDATION', field: 'email' } },
        { message: 'Nome troppo lungo', extensions: { code: 'VALIDATION', field: 'displayName' } },
      ],
    });
    expect(formErrors(error, fields).fields).toEqual({ email: 'Email non valida', displayName: 'Nome troppo lungo' });
  });

  it('never shows the English text of a refused query or a network failure', () => {
    const badRequest = graphQLError('Unknown field "foo" on type "User"', { code: 'BAD_REQUEST' });
    expect(errorMessage(badRequest)).toBe(commonCopy.genericError);
    const network = new CombinedError({ networkError: new TypeError('Failed to fetch') });
    expect(errorMessage(network)).toBe(commonCopy.networkError);
  });
});

describe('TOO_COMPLEX', () => {
  it("is a code of its own, shown with the server's Italian message", () => {
    const error = graphQLError('La richiesta è troppo complessa: chiedi meno dati per volta', { code: 'TOO_COMPLEX' });
    expect(findCode(error, 'TOO_COMPLEX')?.message).toBe('La richiesta è troppo complessa: chiedi meno dati per volta');
    expect(errorMessage(error)).toBe('La richiesta è troppo complessa: chiedi meno dati per volta');
  });
});
