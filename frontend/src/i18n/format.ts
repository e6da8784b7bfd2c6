/**
 * Dates as Italians read them. GraphQL `Date` values are calendar days
 * (`YYYY-MM-DD`), read as local days so that no time zone moves them;
 * `DateTime` values are instants.
 */
const dayFormat = new Intl.DateTimeFormat('it-IT', { day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('it-IT', { hour: '2-digit', minute: '2-digit', hour12: false });

/** `1980-01-31` → `31/01/1980`; anything else is shown as it came. */
export function formatDate(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  return dayFormat.format(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** An RFC 3339 instant in the browser's time zone: `23/11/2026 18:45`, the day as `formatDate` writes it. */
export function formatDateTime(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return `${dayFormat.format(date)} ${timeFormat.format(date)}`;
}

/** Today as a GraphQL `Date` in the browser's time zone. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
