/**
 * The steps of a project's life and how a refused step is explained. The
 * server decides (`allowedTransitions` lists the steps that exist from here;
 * `transitionProject` checks their conditions) and, when it refuses, lists
 * every unmet condition in Italian in `extensions.reasons`.
 */
import type { CombinedError } from 'urql';
import type { ProjectStatus } from '../../gql/graphql';
import { codeOf, errorMessage } from '../../graphql/errors';

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

/** A reason as the server words it (lower case, to be joined) made to stand alone in a list. */
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
