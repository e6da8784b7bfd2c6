import {
  checkCharacter,
  checkFiscalCode,
  encodeFiscalCode,
  fiscalCodeMismatch,
  fiscalCodeProblemWhileTyping,
  isProvisionalCode,
  isStpEniCode,
  suggestedBirthDate,
} from './fiscalCode';

describe('checkFiscalCode', () => {
  it('accepts the known valid examples and reads birth date and sex', () => {
    expect(checkFiscalCode('RSSMRA80A01H501U')).toEqual({
      ok: true,
      code: 'RSSMRA80A01H501U',
      birth: { yearTwoDigits: 80, month: 1, day: 1, sex: 'M' },
    });
    expect(checkFiscalCode('RSSMRA45D25F205N').ok).toBe(true);
    expect(checkFiscalCode('RSSFNC80T31F205U').ok).toBe(true);
  });

  it('accepts lower case and surrounding spaces, and gives the code in upper case', () => {
    const check = checkFiscalCode('  rssmra80a01h501u ');
    expect(check).toMatchObject({ ok: true, code: 'RSSMRA80A01H501U' });
  });

  it('refuses a wrong check character', () => {
    expect(checkFiscalCode('RSSMRA80A01H501A')).toEqual({ ok: false, problem: 'checkCharacter' });
  });

  it('refuses a month letter that does not exist', () => {
    // F is not a month letter (A B C D E H L M P R S T).
    const first15 = 'RSSMRA80F01H501';
    expect(checkFiscalCode(first15 + checkCharacter(first15))).toEqual({ ok: false, problem: 'month' });
  });

  it('refuses a day that does not exist, for men and women', () => {
    const man = 'RSSMRA80A32H501';
    expect(checkFiscalCode(man + checkCharacter(man))).toEqual({ ok: false, problem: 'day' });
    const woman = 'RSSMRA80B70H501'; // 30 February
    expect(checkFiscalCode(woman + checkCharacter(woman))).toEqual({ ok: false, problem: 'day' });
  });

  it('refuses a wrong length and a character in the wrong place', () => {
    expect(checkFiscalCode('RSSMRA80A01H501')).toEqual({ ok: false, problem: 'length' });
    expect(checkFiscalCode('RSSMRA8XA01H501U')).toEqual({ ok: false, problem: 'format' });
  });

  it('decodes omocodia letters before reading the date', () => {
    // 80 → 8 and U (= 8) then … the last digit of the place code 1 → M.
    const first15 = 'RSSMRA80A01H50M';
    const check = checkFiscalCode(first15 + checkCharacter(first15));
    expect(check).toMatchObject({ ok: true, birth: { yearTwoDigits: 80, month: 1, day: 1 } });
    const omocode = 'RSSMRAUQA01H501';
    expect(checkFiscalCode(omocode + checkCharacter(omocode))).toMatchObject({ ok: true, birth: { yearTwoDigits: 84 } });
  });
});

describe('fiscalCodeProblemWhileTyping', () => {
  it('says nothing about a good beginning', () => {
    expect(fiscalCodeProblemWhileTyping('')).toBeUndefined();
    expect(fiscalCodeProblemWhileTyping('rssm')).toBeUndefined();
    expect(fiscalCodeProblemWhileTyping('RSSMRA80A0')).toBeUndefined();
  });

  it('points at a character that can never fit, a bad month letter, a wrong check character', () => {
    expect(fiscalCodeProblemWhileTyping('RSS1')).toBe('format');
    expect(fiscalCodeProblemWhileTyping('RSSMRA80F')).toBe('month');
    expect(fiscalCodeProblemWhileTyping('RSSMRA80A01H501A')).toBe('checkCharacter');
    expect(fiscalCodeProblemWhileTyping('RSSMRA80A01H501UX')).toBe('length');
    expect(fiscalCodeProblemWhileTyping('RSSMRA80A01H501U')).toBeUndefined();
  });
});

describe('fiscalCodeMismatch', () => {
  const birth = { yearTwoDigits: 80, month: 1, day: 1, sex: 'M' as const };
  it('agrees with the same date and sex', () => {
    expect(fiscalCodeMismatch(birth, '1980-01-01', 'M')).toBeUndefined();
    expect(fiscalCodeMismatch(birth, '', '')).toBeUndefined();
  });
  it('names the date first, then the sex', () => {
    expect(fiscalCodeMismatch(birth, '1980-01-02', 'F')).toBe('birthDate');
    expect(fiscalCodeMismatch(birth, '1980-01-01', 'F')).toBe('sex');
  });
  it('suggests the birth date in the right century', () => {
    const today = new Date('2026-11-23T12:00:00Z');
    expect(suggestedBirthDate(birth, today)).toBe('1980-01-01');
    expect(suggestedBirthDate({ ...birth, yearTwoDigits: 12 }, today)).toBe('2012-01-01');
  });
});

describe('encodeFiscalCode', () => {
  it('builds the known examples', () => {
    expect(encodeFiscalCode({ familyName: 'Rossi', givenName: 'Mario', birthDate: '1980-01-01', sex: 'M', placeCode: 'H501' })).toBe(
      'RSSMRA80A01H501U',
    );
    expect(encodeFiscalCode({ familyName: 'Rossi', givenName: 'Francesco', birthDate: '1980-12-31', sex: 'M', placeCode: 'F205' })).toBe(
      'RSSFNC80T31F205U',
    );
    const woman = encodeFiscalCode({ familyName: 'Rossi', givenName: 'Maria', birthDate: '1945-04-25', sex: 'F', placeCode: 'F205' });
    expect(woman.slice(0, 11)).toBe('RSSMRA45D65');
    expect(checkFiscalCode(woman)).toMatchObject({ ok: true, birth: { day: 25, sex: 'F' } });
  });
  it('folds accents and pads short names with X', () => {
    const code = encodeFiscalCode({ familyName: 'Pè', givenName: 'Nicolò', birthDate: '1950-03-05', sex: 'M', placeCode: 'B149' });
    expect(code.slice(0, 6)).toBe('PEXNCL');
    expect(checkFiscalCode(code).ok).toBe(true);
  });
});

describe('alternative codes', () => {
  it('knows STP/ENI and provisional codes', () => {
    expect(isStpEniCode('stp0300001234567', 'STP')).toBe(true);
    expect(isStpEniCode('STP0300001234567', 'ENI')).toBe(false);
    expect(isProvisionalCode('12345678901')).toBe(true);
    expect(isProvisionalCode('1234567890A')).toBe(false);
  });
});
