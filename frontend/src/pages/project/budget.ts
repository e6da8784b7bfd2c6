/**
 * How the Budget di Salute is shown. Quantities travel as `Decimal` strings
 * with a dot and two decimals ("1250.50"); they are read here as integer
 * hundredths, never as floating point, and written the Italian way
 * ("1.250,50 €", "12,5 ore"). The sums are the server's (`budget.totals`):
 * this module only groups and formats them.
 */
import type { ResourceUnit } from '../../gql/graphql';

/** "1250.50" → 125050 hundredths; null when it is not a decimal. */
export function toHundredths(value: string): number | null {
  const match = /^\s*(-?)(\d+)(?:[.,](\d{1,2}))?\s*$/.exec(value);
  if (!match) return null;
  const whole = Number(match[2]);
  const fraction = Number((match[3] ?? '0').padEnd(2, '0'));
  const magnitude = whole * 100 + fraction;
  return match[1] ? -magnitude : magnitude;
}

/** 125050 hundredths → "1.250,50"; `trim` drops zero decimals ("48", "12,5"). */
export function formatHundredths(hundredths: number, { trim = false }: { trim?: boolean } = {}): string {
  const negative = hundredths < 0;
  const magnitude = Math.abs(Math.trunc(hundredths));
  const whole = String(Math.floor(magnitude / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  let fraction = String(magnitude % 100).padStart(2, '0');
  if (trim) fraction = fraction.replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `,${fraction}` : ''}`;
}

/** A `Decimal` string the Italian way: "1250.50" → "1.250,50". Anything else is shown as it came. */
export function formatDecimal(value: string, options?: { trim?: boolean }): string {
  const hundredths = toHundredths(value);
  return hundredths === null ? value : formatHundredths(hundredths, options);
}

/** A quantity in its unit: "1.250,50 €", "12,5 ore", "1 ora", or the bare number for a described commitment. */
export function formatQuantity(value: string, unit: ResourceUnit): string {
  const hundredths = toHundredths(value);
  if (hundredths === null) return value;
  if (unit === 'EUR') return `${formatHundredths(hundredths)} €`;
  const number = formatHundredths(hundredths, { trim: true });
  if (unit === 'HOURS') return `${number} ${hundredths === 100 ? 'ora' : 'ore'}`;
  return number;
}

/** Planned minus used, in the same unit (negative when used beyond the plan). */
export function remaining(planned: string, used: string, unit: ResourceUnit): string {
  const p = toHundredths(planned);
  const u = toHundredths(used);
  if (p === null || u === null) return '—';
  return formatQuantity(fromHundredths(p - u), unit);
}

/** How much of the plan is used, 0–∞ (1 = all of it); 0 when nothing was planned. */
export function usedShare(planned: string, used: string): number {
  const p = toHundredths(planned) ?? 0;
  const u = toHundredths(used) ?? 0;
  return p > 0 ? u / p : 0;
}

/** The percentage used, as Italians write it ("25%", "133%"); empty without a plan. */
export function formatShare(planned: string, used: string): string {
  const p = toHundredths(planned) ?? 0;
  if (p <= 0) return '';
  return `${Math.round(usedShare(planned, used) * 100)}%`;
}

/** The warning on an over-used line or total: how far beyond the plan it went; undefined when within it. */
export function overuseWarning(line: { planned: string; used: string; unit: ResourceUnit; overused: boolean }): string | undefined {
  if (!line.overused) return undefined;
  const p = toHundredths(line.planned);
  const u = toHundredths(line.used);
  if (p === null || u === null || u <= p) return 'Utilizzo oltre il previsto';
  return `Utilizzo oltre il previsto di ${formatQuantity(fromHundredths(u - p), line.unit)}`;
}

/**
 * Why a typed amount or quantity is refused; the server refuses the same
 * ones (`domain/src/money.rs`), and both read `domain/src/amount_cases.txt`
 * in their tests.
 */
export type AmountProblem = 'empty' | 'format' | 'decimals' | 'grouping' | 'ambiguous' | 'negative';
export type QuantityProblem = AmountProblem | 'zero';

const DIGITS = /^\d+$/;

/**
 * A typed amount read as the server reads it: "1250,50", "1250.50" and
 * "1.250,50" (as the app displays amounts) are 1250,50; the decimal
 * separator is the last of `.` and `,`; "1.250" is refused as ambiguous
 * (1250 or 1,25?), never guessed. Never negative.
 */
export function parseTypedAmount(typed: string): { hundredths: number } | { problem: AmountProblem } {
  const text = typed.trim();
  if (!text) return { problem: 'empty' };
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  if (/\d[ '’\u00a0\u202f]\d/.test(body)) return { problem: 'grouping' };
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  let decimal: '.' | ',' | null = null;
  let grouping: '.' | ',' | null = null;
  if (dots === 1 && commas === 0) decimal = '.';
  else if (dots === 0 && commas === 1) decimal = ',';
  else if (dots > 1 && commas === 0) grouping = '.';
  else if (commas > 1 && dots === 0) grouping = ',';
  else if (dots > 0 && commas > 0) {
    decimal = body.lastIndexOf(',') > body.lastIndexOf('.') ? ',' : '.';
    grouping = decimal === ',' ? '.' : ',';
  }
  let whole = body;
  let fraction = '0';
  if (decimal) {
    const at = body.lastIndexOf(decimal);
    whole = body.slice(0, at);
    fraction = body.slice(at + 1);
    if (whole.includes(decimal)) return { problem: 'grouping' };
    if (!DIGITS.test(fraction)) return { problem: 'format' };
    // "1250.505" cannot be thousands (a first group has at most three digits).
    if (decimal === '.' && !grouping && fraction.length === 3 && /^\d{1,3}$/.test(whole)) return { problem: 'ambiguous' };
  }
  if (grouping) {
    const groups = whole.split(grouping);
    if (!groups.every((g) => DIGITS.test(g))) return { problem: 'format' };
    if (groups[0].length > 3 || groups.slice(1).some((g) => g.length !== 3)) return { problem: 'grouping' };
    whole = groups.join('');
  } else if (!DIGITS.test(whole)) return { problem: 'format' };
  if (fraction.length > 2) return { problem: 'decimals' };
  const hundredths = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(hundredths)) return { problem: 'format' };
  if (negative) return { problem: 'negative' };
  return { hundredths };
}

export function quantityProblem(typed: string, { allowZero = false }: { allowZero?: boolean } = {}): QuantityProblem | undefined {
  const parsed = parseTypedAmount(typed);
  if ('problem' in parsed) return parsed.problem;
  if (parsed.hundredths === 0 && !allowZero) return 'zero';
  return undefined;
}

/** Hundredths as the API's `Decimal`: -1250 → "-12.50". */
export function fromHundredths(hundredths: number): string {
  const magnitude = Math.abs(Math.trunc(hundredths));
  return `${hundredths < 0 ? '-' : ''}${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`;
}

/** A typed quantity as the API's `Decimal`: "1.250,5" → "1250.50"; what cannot be read goes as typed, for the server to refuse. */
export function toDecimal(typed: string): string {
  const parsed = parseTypedAmount(typed);
  return 'hundredths' in parsed ? fromHundredths(parsed.hundredths) : typed.trim();
}

export interface BudgetTotal {
  key: string;
  unit: ResourceUnit;
  planned: string;
  used: string;
  overused: boolean;
}

export interface TotalGroup {
  key: string;
  label: string;
  /** One line per unit: euros and hours are never added together. */
  lines: BudgetTotal[];
  overused: boolean;
}

const UNIT_ORDER: ResourceUnit[] = ['EUR', 'HOURS', 'COMMITMENT'];

/**
 * The server's totals of one grouping (by life area, kind, provider, funding
 * source) as rows: one per group in the server's order, each with a line per
 * unit (euros first), labelled with `label` (an enum's Italian name).
 */
export function groupTotals(totals: readonly BudgetTotal[], label: (key: string) => string): TotalGroup[] {
  const groups = new Map<string, TotalGroup>();
  for (const total of totals) {
    let group = groups.get(total.key);
    if (!group) {
      group = { key: total.key, label: label(total.key), lines: [], overused: false };
      groups.set(total.key, group);
    }
    group.lines.push(total);
    group.overused ||= total.overused;
  }
  for (const group of groups.values()) group.lines.sort((a, b) => UNIT_ORDER.indexOf(a.unit) - UNIT_ORDER.indexOf(b.unit));
  return [...groups.values()];
}

/** The largest planned or used quantity of each unit, in hundredths: the scale of a bar chart. */
export function scaleByUnit(totals: readonly BudgetTotal[]): Partial<Record<ResourceUnit, number>> {
  const scale: Partial<Record<ResourceUnit, number>> = {};
  for (const t of totals) {
    const biggest = Math.max(toHundredths(t.planned) ?? 0, toHundredths(t.used) ?? 0);
    scale[t.unit] = Math.max(scale[t.unit] ?? 0, biggest);
  }
  return scale;
}
