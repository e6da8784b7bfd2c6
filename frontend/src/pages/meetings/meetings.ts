/**
 * The month view of Incontri: which month the address asks for
 * (`?mese=2026-11`), its first and last day, the months around it, and the
 * meetings grouped by the day they fall on (held, else planned).
 */
import type { MeetingKind, MeetingStatus } from '../../gql/graphql';
import { knownValue, meetingKindLabels, meetingStatusLabels } from '../../i18n/enums';

const monthFormat = new Intl.DateTimeFormat('it-IT', { month: 'long', year: 'numeric' });
const weekdayFormat = new Intl.DateTimeFormat('it-IT', { weekday: 'long' });

/** `2026-11` from the address, or the month of `today` when it is missing or not a month. */
export function monthFromSearch(search: URLSearchParams, today: string): string {
  const asked = search.get('mese') ?? '';
  const match = /^(\d{4})-(\d{2})$/.exec(asked);
  if (match && Number(match[2]) >= 1 && Number(match[2]) <= 12) return asked;
  return today.slice(0, 7);
}

/** The first and last day of a month, as GraphQL `Date`s. */
export function monthRange(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The month `delta` months away: `shiftMonth('2026-12', 1)` is `2027-01`. */
export function shiftMonth(month: string, delta: number): string {
  const [year, m] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, m - 1 + delta, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** "novembre 2026". */
export function monthName(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return monthFormat.format(new Date(year, m - 1, 1));
}

/** "venerdì 27/11/2026": a day heading of the month. */
export function dayName(day: string, formatted: string): string {
  const [year, m, d] = day.split('-').map(Number);
  return `${weekdayFormat.format(new Date(year, m - 1, d))} ${formatted}`;
}

/** The day a meeting falls on: when it was held, else when it is planned. */
export function meetingDay(meeting: { plannedOn: string; heldOn?: string | null }): string {
  return meeting.heldOn ?? meeting.plannedOn;
}

/** The meetings by day, in date order, each day's in the order they came. */
export function groupByDay<M extends { plannedOn: string; heldOn?: string | null }>(meetings: readonly M[]): Array<[string, M[]]> {
  const days = new Map<string, M[]>();
  for (const meeting of meetings) {
    const day = meetingDay(meeting);
    days.set(day, [...(days.get(day) ?? []), meeting]);
  }
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b));
}

export interface MeetingFilters {
  month: string;
  kind: MeetingKind | '';
  teamId: string;
  status: MeetingStatus | '';
}

/** The month and filters of the address (`?mese=&tipo=&equipe=&stato=`). */
export function meetingFiltersFromSearch(search: URLSearchParams, today: string): MeetingFilters {
  return {
    month: monthFromSearch(search, today),
    kind: knownValue(meetingKindLabels, search.get('tipo')),
    teamId: search.get('equipe') ?? '',
    status: knownValue(meetingStatusLabels, search.get('stato')),
  };
}

/** The address's query string for a month and its filters. */
export function searchFromMeetingFilters(filters: MeetingFilters): string {
  const params = new URLSearchParams({ mese: filters.month });
  if (filters.kind) params.set('tipo', filters.kind);
  if (filters.teamId) params.set('equipe', filters.teamId);
  if (filters.status) params.set('stato', filters.status);
  return params.toString();
}

/** A count of people typed in a form: a whole number, zero or more; null otherwise. */
export function readCount(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,5}$/.test(trimmed)) return null;
  return Number(trimmed);
}
