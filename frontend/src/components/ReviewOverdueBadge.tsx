import { Badge } from 'design-react-kit';
import { todayIso } from '../i18n/format';

const DAY_MS = 24 * 60 * 60 * 1000;

function parseDay(day: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
}

/**
 * How long ago a review fell due, in the unit a person would say: "da 3
 * giorni", "da 2 settimane", "da 3 mesi", "da 1 anno". Only the wording: whether
 * the review is overdue at all is the server's `reviewOverdue`, never decided here.
 */
export function overdueSince(dueOn: string, today: string = todayIso()): string | undefined {
  const due = parseDay(dueOn);
  const now = parseDay(today);
  if (!due || !now || now <= due) return undefined;
  const days = Math.round((now.getTime() - due.getTime()) / DAY_MS);
  if (days < 7) return days === 1 ? 'da 1 giorno' : `da ${days} giorni`;
  // Whole calendar months: from 31 January, 28 February is not yet a month.
  let months = (now.getUTCFullYear() - due.getUTCFullYear()) * 12 + now.getUTCMonth() - due.getUTCMonth();
  if (now.getUTCDate() < due.getUTCDate()) months -= 1;
  if (months < 1) {
    const weeks = Math.floor(days / 7);
    return weeks === 1 ? 'da 1 settimana' : `da ${weeks} settimane`;
  }
  if (months < 12) return months === 1 ? 'da 1 mese' : `da ${months} mesi`;
  const years = Math.floor(months / 12);
  return years === 1 ? 'da 1 anno' : `da ${years} anni`;
}

/**
 * "Verifica scaduta da 3 mesi", shown wherever a project's next review is:
 * the same words and the same colour on the home page, the lists and the project.
 */
export function ReviewOverdueBadge({ overdue, nextReviewOn }: { overdue: boolean; nextReviewOn: string }) {
  if (!overdue) return null;
  const since = overdueSince(nextReviewOn);
  return (
    <>
      {' '}
      <span data-testid="verifica-scaduta">
        <Badge color="danger" pill className="ponte-badge-over">
          {since ? `Verifica scaduta ${since}` : 'Verifica scaduta'}
        </Badge>
      </span>
    </>
  );
}
