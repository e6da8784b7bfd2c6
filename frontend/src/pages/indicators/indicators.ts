/**
 * What the Indicatori page computes on its own: the period and scope read
 * from (and written to) the address, the previous period to compare with,
 * the export links, the catalogue by group, the territory choices, and the
 * figures written the Italian way. The figures themselves are the server's.
 */
import type { IndicatorUnit, OrganizationKind } from '../../gql/graphql';
import { formatDate } from '../../i18n/format';

/** A period of whole days, both ends included, as GraphQL `Date`s. */
export interface Period {
  from: string;
  to: string;
}

/** Whose indicators: a territory, a team, or (ADMIN only) everything. */
export type Scope = { territoryId: string } | { teamId: string } | Record<string, never>;

/** The view the address describes: `?anno=2025` or `?dal=…&al=…`, and `territorio=` or `equipe=`. */
export interface View {
  period: Period;
  /** The year when the period is one, for the picker and the words of the comparison. */
  year: number | null;
  scope: Scope;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDay(day: string): Date | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  // Rejects 2025-02-30 and the like, which Date would roll over.
  return date.toISOString().slice(0, 10) === day ? date : null;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A calendar year as a period. */
export function yearPeriod(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The last full year before `today` (`YYYY-MM-DD`): the page's default. */
export function previousFullYear(today: string): number {
  return Number(today.slice(0, 4)) - 1;
}

/** Reads the view from the address; anything missing or malformed falls back to the previous full year. */
export function viewFromSearch(search: URLSearchParams, today: string): View {
  const territoryId = search.get('territorio');
  const teamId = search.get('equipe');
  const scope: Scope = territoryId ? { territoryId } : teamId ? { teamId } : {};
  const from = search.get('dal') ?? '';
  const to = search.get('al') ?? '';
  const start = parseDay(from);
  const end = parseDay(to);
  if (start && end && start <= end) return { period: { from, to }, year: null, scope };
  const asked = Number(search.get('anno'));
  const year = Number.isInteger(asked) && asked >= 1900 && asked <= 9999 ? asked : previousFullYear(today);
  return { period: yearPeriod(year), year, scope };
}

/** The address's query string for a view (what a reload or a shared link shows again). */
export function searchFromView(view: View): string {
  const params = new URLSearchParams();
  if (view.year !== null) params.set('anno', String(view.year));
  else {
    params.set('dal', view.period.from);
    params.set('al', view.period.to);
  }
  if ('territoryId' in view.scope) params.set('territorio', view.scope.territoryId);
  if ('teamId' in view.scope) params.set('equipe', view.scope.teamId);
  return params.toString();
}

/** A day typed the Italian way, "31/12/2025" (or with dashes or dots, "1.2.2025"), as a GraphQL `Date`; null otherwise. */
export function parseItalianDay(text: string): string | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!match) return null;
  const day = `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}`;
  return parseDay(day) ? day : null;
}

/** Two typed dates as a period, or which one is wrong and why (in Italian). */
export function readPeriod(fromText: string, toText: string): { period: Period } | { field: 'from' | 'to'; message: string } {
  const from = parseItalianDay(fromText);
  const to = parseItalianDay(toText);
  const problem = (text: string, what: string) =>
    text.trim() ? `Scrivi la data di ${what} come gg/mm/aaaa, ad esempio 31/12/2025` : `Indica la data di ${what} del periodo`;
  if (!from) return { field: 'from', message: problem(fromText, 'inizio') };
  if (!to) return { field: 'to', message: problem(toText, 'fine') };
  if (to < from) return { field: 'to', message: 'La data di fine non può precedere quella di inizio' };
  return { period: { from, to } };
}

/** Whether the period runs from the first day of a month to the last day of a month. */
function wholeMonths(period: Period): { months: number } | null {
  const start = parseDay(period.from);
  const end = parseDay(period.to);
  if (!start || !end || start.getUTCDate() !== 1) return null;
  const nextDay = new Date(end.getTime() + 86_400_000);
  if (nextDay.getUTCDate() !== 1) return null;
  const months = (nextDay.getUTCFullYear() - start.getUTCFullYear()) * 12 + (nextDay.getUTCMonth() - start.getUTCMonth());
  return { months };
}

/**
 * The period of the same length just before: the previous year for a year,
 * the previous quarter for a quarter (whole months move by months, so 2024's
 * leap day does not shift the year), otherwise as many days just before.
 */
export function previousPeriod(period: Period): Period {
  const start = parseDay(period.from);
  const end = parseDay(period.to);
  if (!start || !end) return period;
  const whole = wholeMonths(period);
  if (whole) {
    const from = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - whole.months, 1));
    const to = new Date(start.getTime() - 86_400_000);
    return { from: isoDay(from), to: isoDay(to) };
  }
  const days = Math.round((end.getTime() - start.getTime()) / 86_400_000) + 1;
  return {
    from: isoDay(new Date(start.getTime() - days * 86_400_000)),
    to: isoDay(new Date(start.getTime() - 86_400_000)),
  };
}

/** "2025" for a calendar year, else "01/01/2025–30/06/2025": how a period is named in sentences. */
export function periodName(period: Period): string {
  const whole = wholeMonths(period);
  if (whole && whole.months === 12 && period.from.endsWith('-01-01')) return period.from.slice(0, 4);
  return `${formatDate(period.from)}–${formatDate(period.to)}`;
}

/** A period of the quarterly series: "1° trim. 2025" when it is a whole quarter, else its dates. */
export function quarterName(period: Period): string {
  const whole = wholeMonths(period);
  const month = Number(period.from.slice(5, 7));
  if (whole && whole.months === 3 && (month - 1) % 3 === 0) return `${(month + 2) / 3}° trim. ${period.from.slice(0, 4)}`;
  return `${formatDate(period.from)}–${formatDate(period.to)}`;
}

/** The export of the same view: the same parameters as the GraphQL query, the series by quarter. */
export function exportUrl(format: 'csv' | 'xlsx', period: Period, scope: Scope): string {
  const params = new URLSearchParams({ from: period.from, to: period.to });
  if ('territoryId' in scope) params.set('territoryId', scope.territoryId);
  if ('teamId' in scope) params.set('teamId', scope.teamId);
  params.set('breakdown', 'QUARTER');
  return `/export/indicators.${format}?${params.toString()}`;
}

/** The catalogue by its `group` (LEPS or area), groups and indicators in the server's order, computed first. */
export function groupCatalogue<T extends { group: string; computed: boolean }>(
  catalogue: readonly T[],
): Array<{ group: string; computed: T[]; missing: T[] }> {
  const groups = new Map<string, { group: string; computed: T[]; missing: T[] }>();
  for (const definition of catalogue) {
    let entry = groups.get(definition.group);
    if (!entry) {
      entry = { group: definition.group, computed: [], missing: [] };
      groups.set(definition.group, entry);
    }
    (definition.computed ? entry.computed : entry.missing).push(definition);
  }
  return [...groups.values()];
}

/** The kinds whose residents an indicator can count: the Comuni and what lies above them. */
const TERRITORIAL_KINDS: ReadonlySet<OrganizationKind> = new Set<OrganizationKind>(['ATS', 'ASL', 'ASST', 'DISTRETTO', 'AMBITO', 'COMUNE']);

export interface TerritoryNode {
  id: string;
  name: string;
  kind: OrganizationKind;
  children?: readonly TerritoryNode[] | null;
}

export interface TerritoryOption {
  id: string;
  name: string;
  kind: OrganizationKind;
  depth: number;
}

/**
 * The territories to choose from, each followed by those under it (depth
 * first, indented by `depth`), once each. `roots` are kept whatever their
 * kind (a REPORTER's own territories); below them only the kinds that have
 * residents under them (no hospital or COT).
 */
export function territoryOptions(roots: readonly TerritoryNode[]): TerritoryOption[] {
  const seen = new Set<string>();
  const options: TerritoryOption[] = [];
  const visit = (node: TerritoryNode, depth: number) => {
    if (seen.has(node.id)) return;
    seen.add(node.id);
    options.push({ id: node.id, name: node.name, kind: node.kind, depth });
    for (const child of node.children ?? []) if (TERRITORIAL_KINDS.has(child.kind)) visit(child, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  return options;
}

/** A flat list of organizations with their parent (the administrator's directory) as the trees `territoryOptions` reads. */
export function territoryTrees(
  organizations: ReadonlyArray<{ id: string; name: string; kind: OrganizationKind; parent?: { id: string } | null }>,
): TerritoryNode[] {
  const territorial = organizations.filter((o) => TERRITORIAL_KINDS.has(o.kind));
  const ids = new Set(territorial.map((o) => o.id));
  const byParent = new Map<string, typeof territorial>();
  for (const o of territorial) {
    if (!o.parent || !ids.has(o.parent.id)) continue;
    byParent.set(o.parent.id, [...(byParent.get(o.parent.id) ?? []), o]);
  }
  const build = (o: (typeof territorial)[number]): TerritoryNode => ({
    id: o.id,
    name: o.name,
    kind: o.kind,
    children: (byParent.get(o.id) ?? []).map(build),
  });
  return territorial.filter((o) => !o.parent || !ids.has(o.parent.id)).map(build);
}

/**
 * A number the Italian way, grouped from the thousands ("1.234"): it-IT
 * groups only from 10.000, and `useGrouping: 'always'` is not in the ES2022
 * typings, so the dots are put in here.
 */
export function formatNumber(value: number, decimals: { min: number; max: number }): string {
  const plain = new Intl.NumberFormat('it-IT', {
    minimumFractionDigits: decimals.min,
    maximumFractionDigits: decimals.max,
    useGrouping: false,
  }).format(value);
  const [whole, fraction] = plain.split(',');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return fraction === undefined ? grouped : `${grouped},${fraction}`;
}

/** The top of the chart's axis: 1, 2 or 5 times a power of ten, at least the largest value. */
export function axisMax(values: number[]): number {
  const largest = Math.max(0, ...values);
  if (largest <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(largest));
  return [1, 2, 5, 10].map((step) => step * power).find((top) => top >= largest) ?? 10 * power;
}

/** A value in its unit: "1.234", "25,0 %", "12,5 giorni", "1.250,50 €". */
export function formatValue(value: number, unit: IndicatorUnit): string {
  switch (unit) {
    case 'COUNT':
      return formatNumber(value, { min: 0, max: 0 });
    case 'RATIO':
      return `${formatNumber(value * 100, { min: 1, max: 1 })} %`;
    case 'DAYS':
      return `${formatNumber(value, { min: 0, max: 1 })} ${value === 1 ? 'giorno' : 'giorni'}`;
    case 'EUR':
      return `${formatNumber(value, { min: 2, max: 2 })} €`;
    case 'HOURS':
      return `${formatNumber(value, { min: 0, max: 2 })} ${value === 1 ? 'ora' : 'ore'}`;
  }
}

/** A difference between two values in the unit's words: "+3", "-2,5 punti percentuali", "+1,5 giorni". */
export function formatDifference(difference: number, unit: IndicatorUnit): string {
  const sign = difference > 0 ? '+' : difference < 0 ? '-' : '';
  const size = Math.abs(difference);
  switch (unit) {
    case 'COUNT':
      return `${sign}${formatNumber(size, { min: 0, max: 0 })}`;
    case 'RATIO':
      return `${sign}${formatNumber(size * 100, { min: 1, max: 1 })} punti percentuali`;
    case 'DAYS':
      return `${sign}${formatNumber(size, { min: 0, max: 1 })} ${size === 1 ? 'giorno' : 'giorni'}`;
    case 'EUR':
      return `${sign}${formatNumber(size, { min: 2, max: 2 })} €`;
    case 'HOURS':
      return `${sign}${formatNumber(size, { min: 0, max: 2 })} ${size === 1 ? 'ora' : 'ore'}`;
  }
}

export interface Change {
  direction: 'up' | 'down' | 'same';
  /** "+3 rispetto al 2024". */
  text: string;
}

/**
 * The change from the previous period, or null when either value is
 * missing or suppressed (a difference would reveal a suppressed count).
 * A ratio is compared in percentage points, rounded as it is shown.
 */
export function changeFrom(current: number | null, previous: number | null, unit: IndicatorUnit, previousName: string): Change | null {
  if (current === null || previous === null) return null;
  const decimals = unit === 'COUNT' ? 0 : unit === 'EUR' || unit === 'HOURS' ? 2 : unit === 'RATIO' ? 3 : 1;
  const factor = 10 ** decimals;
  const difference = Math.round((current - previous) * factor) / factor;
  const direction = difference > 0 ? 'up' : difference < 0 ? 'down' : 'same';
  const against = /^\d{4}$/.test(previousName) ? `rispetto al ${previousName}` : `rispetto al periodo ${previousName}`;
  const text = direction === 'same' ? `invariato ${against}` : `${formatDifference(difference, unit)} ${against}`;
  return { direction, text };
}
