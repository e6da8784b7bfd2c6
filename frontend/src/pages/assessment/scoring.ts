/**
 * The score and band of an instrument, computed in the browser from its
 * definition (the `instruments` query) while the form is filled in. Only a
 * preview: the server scores the answers again and its score is the one saved.
 */
import type { Education, Instrument } from '../../gql/graphql';
import type { InstrumentDefinition } from './instruments';

/** item code → chosen option value */
export type Answers = Record<string, number | undefined>;

export interface LiveScore {
  answered: number;
  items: number;
  complete: boolean;
  /** The sum of the chosen options' points (so far, when incomplete). */
  raw: number;
  /** The raw sum adjusted (SPMSQ and education) and kept within the scale; only when complete. */
  score?: number;
  band?: { code: string; label: string; min: number; max: number };
  /** The instrument needs the education level and none is given. */
  needsEducation: boolean;
}

/**
 * Normative adjustments that the definition does not carry as data. SPMSQ
 * (Pfeiffer): with only primary schooling one more error is allowed, beyond
 * secondary school one fewer — the error count moves by one the other way.
 */
const adjustments: Partial<Record<Instrument, (raw: number, education: Education | undefined) => number>> = {
  SPMSQ: (errors, education) => (education === 'PRIMARY' ? errors - 1 : education === 'BEYOND_SECONDARY' ? errors + 1 : errors),
};

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
  const adjust = adjustments[definition.code];
  const adjusted = adjust ? adjust(raw, education) : raw;
  const score = Math.min(definition.maxScore, Math.max(definition.minScore, adjusted));
  const band = definition.bands.find((b) => score >= b.min && score <= b.max);
  return { answered, items, complete, raw, score, band, needsEducation };
}

/** The label of a band code of this instrument (score series carry the code only). */
export function bandLabel(definition: InstrumentDefinition | undefined, code: string): string {
  return definition?.bands.find((b) => b.code === code)?.label ?? code;
}
