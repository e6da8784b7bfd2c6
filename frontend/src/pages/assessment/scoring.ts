/**
 * The score and band of an instrument, computed in the browser from its
 * definition (the `instruments` query) while the form is filled in. Only a
 * preview: the server scores the answers again and its score is the one saved.
 */
import type { Education } from '../../gql/graphql';
import type { InstrumentDefinition } from './instruments';

/** item code → chosen option value */
export type Answers = Record<string, number | undefined>;

export interface LiveScore {
  answered: number;
  items: number;
  complete: boolean;
  /** The sum of the chosen options' points (so far, when incomplete). */
  raw: number;
  /** The raw sum adjusted for education (the definition's `educationAdjustments`) and kept within the scale; only when complete. */
  score?: number;
  band?: { code: string; label: string; min: number; max: number };
  /** The instrument needs the education level and none is given. */
  needsEducation: boolean;
}

export function liveScore(definition: InstrumentDefinition, answers: Answers, education?: Education): LiveScore {
  let raw = 0;
  let answered = 0;
  for (const item of definition.items) {
    const value = answers[item.code];
    const option = value === undefined ? undefined : item.options.find((o) => o.value === value);
    if (option) {
      raw += option.points;
      answered += 1;
    }
  }
  const items = definition.items.length;
  const complete = answered === items;
  const needsEducation = definition.usesEducation && !education;
  if (!complete || needsEducation) return { answered, items, complete, raw, needsEducation };
  // The server's correction for schooling, as data (SPMSQ: one error fewer with primary schooling, one more beyond secondary).
  const adjustment = definition.educationAdjustments.find((a) => a.education === education)?.scoreChange ?? 0;
  const adjusted = raw + adjustment;
  const score = Math.min(definition.maxScore, Math.max(definition.minScore, adjusted));
  const band = definition.bands.find((b) => score >= b.min && score <= b.max);
  return { answered, items, complete, raw, score, band, needsEducation };
}

/** The label of a band code of this instrument (score series carry the code only). */
export function bandLabel(definition: InstrumentDefinition | undefined, code: string): string {
  return definition?.bands.find((b) => b.code === code)?.label ?? code;
}
