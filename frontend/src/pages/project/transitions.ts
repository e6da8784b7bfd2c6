/**
 * The steps of a project's life and how a refused step is explained. The
 * server decides (`allowedTransitions` lists the steps that exist from here;
 * `transitionProject` checks their conditions) and, when it refuses, lists
 * every unmet condition in Italian in `extensions.reasons`.
 */
import type { CombinedError } from 'urql';
import type { ProjectStatus, TransitionRefusalCode } from '../../gql/graphql';
import { codeOf, errorMessage } from '../../graphql/errors';
import { pathTo } from '../../routes';
import { projectCopy } from './copy';

const fixCopy = projectCopy.status.fix;

/** The button that moves the project from `from` to `to`. */
export function transitionLabel(from: ProjectStatus, to: ProjectStatus): string {
  if (to === 'ACTIVE') {
    if (from === 'SUSPENDED') return 'Riprendi il progetto';
    if (from === 'REVIEW') return 'Torna agli interventi';
    return 'Avvia gli interventi';
  }
  if (to === 'REVIEW' && from === 'SUSPENDED') return 'Riprendi con una verifica';
  const labels: Record<ProjectStatus, string> = {
    INTAKE: 'Torna all’accesso',
    ASSESSMENT: 'Passa alla valutazione',
    PLANNING: 'Passa alla progettazione',
    ACTIVE: 'Avvia gli interventi',
    REVIEW: 'Avvia una verifica',
    SUSPENDED: 'Sospendi il progetto',
    CLOSED: 'Chiudi il progetto',
  };
  return labels[to];
}

export type TransitionOutcome = { kind: 'refused'; reasons: string[] } | { kind: 'conflict' } | { kind: 'error'; message: string };

/** The server's reasons start lower-case (they end its sentences); a list item starts with a capital. */
export function upperFirst(text: string): string {
  return text ? text[0].toLocaleUpperCase('it-IT') + text.slice(1) : text;
}

/**
 * What a failed `transitionProject` means for the user: the list of unmet
 * conditions (each with a capital letter), a `CONFLICT`, or another error.
 */
export function transitionOutcome(error: CombinedError): TransitionOutcome {
  const conflict = error.graphQLErrors.find((e) => codeOf(e) === 'CONFLICT');
  if (conflict) return { kind: 'conflict' };
  const refusal = error.graphQLErrors.find((e) => codeOf(e) === 'VALIDATION');
  if (refusal) {
    const raw = refusal.extensions?.reasons;
    const reasons = Array.isArray(raw) ? raw.filter((r): r is string => typeof r === 'string' && r.trim() !== '') : [];
    return { kind: 'refused', reasons: (reasons.length > 0 ? reasons : [refusal.message]).map(upperFirst) };
  }
  return { kind: 'error', message: errorMessage(error) };
}

/**
 * Where a refused step's reason is fixed: the project's section that records
 * the missing piece (`?sezione=`), or the person's record for the
 * assessments. Reasons about the process itself (a step not allowed, a
 * project closed) have no link.
 */
const fixedIn: Partial<Record<TransitionRefusalCode, keyof typeof fixCopy>> = {
  MISSING_CONSENT: 'consenso',
  NO_GOALS: 'obiettivi',
  GOALS_WITHOUT_FINAL_STATUS: 'obiettivi',
  FINAL_SCORES_MISSING: 'punteggi',
  BUDGET_NOT_AGREED: 'budget',
  INTEGRATED_NOT_COSIGNED: 'integrato',
  NO_ASSESSMENTS: 'persona',
  ASSESSMENT_NOT_SIGNED: 'persona',
  ASSESSMENT_OUTDATED: 'persona',
};

/** The link that leads to the fix of one reason, or null. */
export function fixLink(
  code: TransitionRefusalCode,
  project: { id: string; person?: { id: string } | null },
): { href: string; label: string } | null {
  const place = fixedIn[code];
  if (!place) return null;
  if (place === 'persona') return project.person ? { href: pathTo.person(project.person.id), label: fixCopy.persona } : null;
  return { href: pathTo.project(project.id, place), label: fixCopy[place] };
}
