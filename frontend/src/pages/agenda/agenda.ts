/**
 * The agenda's views: which window the address asks for (`?vista=settimana|mese&dal=2026-11-23&tipo=&ambito=`),
 * the week (Monday to Sunday) or month around a day, the windows before and after, and the items grouped
 * as the screen shows them: what is overdue first, then day by day.
 */
import type { AgendaKind, AgendaScope } from '../../gql/graphql';
import { agendaKindLabels, agendaScopeLabels, knownValue } from '../../i18n/enums';

export type AgendaView = 'settimana' | 'mese';

export interface AgendaFilters {
  view: AgendaView;
  /** Any day of the window shown. */
  day: string;
  kind: AgendaKind | '';
  scope: AgendaScope;
}

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

function parse(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `day` moved by `days` (negative: back). */
export function addDays(day: string, days: number): string {
  const date = parse(day);
  date.setUTCDate(date.getUTCDate() + days);
  return format(date);
}

/** The first and last day of the week (Monday to Sunday) or the month that holds `day`. */
export function windowOf(view: AgendaView, day: string): { from: string; to: string } {
  const date = parse(day);
  if (view === 'settimana') {
    const fromMonday = (date.getUTCDay() + 6) % 7;
    const from = addDays(day, -fromMonday);
    return { from, to: addDays(from, 6) };
  }
  const first = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0));
  return { from: format(first), to: format(last) };
}

/** A day in the window before (`-1`) or after (`1`) the one that holds `day`. */
export function shiftWindow(view: AgendaView, day: string, delta: number): string {
  if (view === 'settimana') return addDays(windowOf(view, day).from, 7 * delta);
  const date = parse(day);
  return format(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + delta, 1)));
}

/** The view and filters of the address, today's week by default. */
export function agendaFiltersFromSearch(search: URLSearchParams, today: string): AgendaFilters {
  const asked = search.get('dal') ?? '';
  return {
    view: search.get('vista') === 'mese' ? 'mese' : 'settimana',
    day: isoDay.test(asked) && !Number.isNaN(parse(asked).getTime()) ? asked : today,
    kind: knownValue(agendaKindLabels, search.get('tipo')),
    scope: knownValue(agendaScopeLabels, search.get('ambito')) || 'MINE',
  };
}

/** The address's query string for a view and its filters. */
export function searchFromAgendaFilters(filters: AgendaFilters): string {
  const params = new URLSearchParams({ vista: filters.view, dal: filters.day, ambito: filters.scope });
  if (filters.kind) params.set('tipo', filters.kind);
  return params.toString();
}

/** The overdue items (as the server orders them, the oldest first) and the others by day. */
export function groupAgenda<I extends { date: string; overdue: boolean }>(
  items: readonly I[],
): { overdue: I[]; days: Array<[string, I[]]> } {
  const days = new Map<string, I[]>();
  const overdue: I[] = [];
  for (const item of items) {
    if (item.overdue) overdue.push(item);
    else days.set(item.date, [...(days.get(item.date) ?? []), item]);
  }
  return { overdue, days: [...days.entries()].sort(([a], [b]) => a.localeCompare(b)) };
}
