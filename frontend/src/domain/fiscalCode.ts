/**
 * The codice fiscale, checked in the browser as the operator types it, with
 * the same rules as the server (domain.md "Codice fiscale"): shape, month
 * letter, day, omocodia and the check character. The server checks it again
 * and has the last word; this only spares a round trip and points at the
 * mistake while the document is still in the operator's hand.
 *
 * Pure functions, no React: the unit tests and the end-to-end run use them too.
 */

/** Month letters in calendar order: index + 1 is the month. */
const MONTH_LETTERS = 'ABCDEHLMPRST';
/** Omocodia letters in digit order: the index is the digit they replace. */
const OMOCODIA_LETTERS = 'LMNPQRSTUV';
/** 0-based positions whose digit may be replaced by an omocodia letter. */
const OMOCODIA_POSITIONS = [6, 7, 9, 10, 12, 13, 14];
/** Odd-position (1-based) values of A–Z; a digit counts as the letter in its row (0 → A). */
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
const FEMALE_DAY_OFFSET = 40;

export type FiscalCodeProblem = 'length' | 'format' | 'month' | 'day' | 'checkCharacter';

export interface EncodedBirth {
  /** The year without its century (the code has none). */
  yearTwoDigits: number;
  month: number;
  day: number;
  sex: 'F' | 'M';
}

export type FiscalCodeCheck = { ok: true; code: string; birth: EncodedBirth } | { ok: false; problem: FiscalCodeProblem };

/** Trimmed and upper case: how the server stores it. */
export function normalizeFiscalCode(input: string): string {
  return input.trim().toUpperCase();
}

const isLetter = (c: string) => c >= 'A' && c <= 'Z';
const isDigit = (c: string) => c >= '0' && c <= '9';

/** Whether character `c` (upper case) may stand at 0-based `position`. */
function fitsPosition(position: number, c: string): boolean {
  if (position <= 5 || position === 8 || position === 11 || position === 15) return isLetter(c);
  if (OMOCODIA_POSITIONS.includes(position)) return isDigit(c) || OMOCODIA_LETTERS.includes(c);
  return false;
}

function decodedDigit(c: string): number {
  return isDigit(c) ? Number(c) : OMOCODIA_LETTERS.indexOf(c);
}

function value(c: string): number {
  return isDigit(c) ? Number(c) : c.charCodeAt(0) - 65;
}

/** The 16th character for the first 15 (upper or lower case). */
export function checkCharacter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i += 1) {
    const c = first15.charAt(i).toUpperCase();
    // i is 0-based: even indices are the odd 1-based positions.
    sum += i % 2 === 0 ? ODD_VALUES[value(c)] : value(c);
  }
  return String.fromCharCode(65 + (sum % 26));
}

function daysInMonth(month: number): number {
  // 29 for February: the code has no century, so a leap year cannot be ruled out.
  return [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Reads year, month, day and sex from a code whose character classes are right. */
function decodeBirth(code: string): EncodedBirth | { problem: 'month' | 'day' } {
  const month = MONTH_LETTERS.indexOf(code.charAt(8)) + 1;
  if (month === 0) return { problem: 'month' };
  const yearTwoDigits = decodedDigit(code.charAt(6)) * 10 + decodedDigit(code.charAt(7));
  const encodedDay = decodedDigit(code.charAt(9)) * 10 + decodedDigit(code.charAt(10));
  const sex = encodedDay > FEMALE_DAY_OFFSET ? 'F' : 'M';
  const day = sex === 'F' ? encodedDay - FEMALE_DAY_OFFSET : encodedDay;
  if (day < 1 || day > daysInMonth(month)) return { problem: 'day' };
  return { yearTwoDigits, month, day, sex };
}

/** Every offline check, from the coarsest to the finest, as the server does them. */
export function checkFiscalCode(input: string): FiscalCodeCheck {
  const code = normalizeFiscalCode(input);
  if ([...code].length !== 16) return { ok: false, problem: 'length' };
  for (let i = 0; i < 16; i += 1) if (!fitsPosition(i, code.charAt(i))) return { ok: false, problem: 'format' };
  const birth = decodeBirth(code);
  if ('problem' in birth) return { ok: false, problem: birth.problem };
  if (checkCharacter(code.slice(0, 15)) !== code.charAt(15)) return { ok: false, problem: 'checkCharacter' };
  return { ok: true, code, birth };
}

/**
 * Feedback while typing: a problem only once what has been typed can no
 * longer become a valid code (a wrong character for its place, a month
 * letter that does not exist, too many characters); a short code is not
 * wrong yet, and gives `undefined`.
 */
export function fiscalCodeProblemWhileTyping(input: string): FiscalCodeProblem | undefined {
  const code = normalizeFiscalCode(input);
  const chars = [...code];
  if (chars.length > 16) return 'length';
  for (let i = 0; i < chars.length; i += 1) if (!fitsPosition(i, chars[i])) return 'format';
  if (chars.length > 8 && !MONTH_LETTERS.includes(chars[8])) return 'month';
  if (chars.length < 16) return undefined;
  const check = checkFiscalCode(code);
  return check.ok ? undefined : check.problem;
}

/**
 * Compares a valid code with the birth date (`YYYY-MM-DD`) and sex entered;
 * the date first, so that a wrong day is not reported as a wrong sex.
 */
export function fiscalCodeMismatch(birth: EncodedBirth, birthDate: string, sex: 'F' | 'M' | ''): 'birthDate' | 'sex' | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (year % 100 !== birth.yearTwoDigits || month !== birth.month || day !== birth.day) return 'birthDate';
  }
  if (sex && sex !== birth.sex) return 'sex';
  return undefined;
}

/** The birth date a code suggests, given the century (codes have none): 19xx or 20xx, never in the future. */
export function suggestedBirthDate(birth: EncodedBirth, today: Date = new Date()): string {
  const currentTwoDigits = today.getFullYear() % 100;
  const century = birth.yearTwoDigits <= currentTwoDigits ? 2000 : 1900;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${century + birth.yearTwoDigits}-${pad(birth.month)}-${pad(birth.day)}`;
}

/** Three letters of a name: consonants, then vowels, then X; a given name with 4+ consonants skips the second. */
function namePart(name: string, isGivenName: boolean): string {
  const letters = [
    ...name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toUpperCase(),
  ].filter(isLetter);
  const vowels = letters.filter((c) => 'AEIOU'.includes(c));
  const consonants = letters.filter((c) => !'AEIOU'.includes(c));
  if (isGivenName && consonants.length >= 4) return consonants[0] + consonants[2] + consonants[3];
  return [...consonants, ...vowels, 'X', 'X', 'X'].slice(0, 3).join('');
}

/**
 * Builds a codice fiscale from a person's data. Ponte never invents a code
 * for a real person: this exists for tests (and the end-to-end run), which
 * need valid codes for fictional people. `placeCode` is the Belfiore code.
 */
export function encodeFiscalCode(person: {
  familyName: string;
  givenName: string;
  birthDate: string;
  sex: 'F' | 'M';
  placeCode: string;
}): string {
  const [year, month, day] = person.birthDate.split('-').map(Number);
  const pad = (n: number) => String(n).padStart(2, '0');
  const first15 =
    namePart(person.familyName, false) +
    namePart(person.givenName, true) +
    pad(year % 100) +
    MONTH_LETTERS.charAt(month - 1) +
    pad(person.sex === 'F' ? day + FEMALE_DAY_OFFSET : day) +
    person.placeCode.toUpperCase();
  return first15 + checkCharacter(first15);
}

/** An STP or ENI code: the three letters and 13 digits. */
export function isStpEniCode(input: string, prefix: 'STP' | 'ENI'): boolean {
  return new RegExp(`^${prefix}\\d{13}$`).test(normalizeFiscalCode(input));
}

/** A provisional codice fiscale: 11 digits. */
export function isProvisionalCode(input: string): boolean {
  return /^\d{11}$/.test(input.trim());
}
