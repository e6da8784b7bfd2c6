/**
 * What the Budget di Salute's charts draw: planned against used per life
 * area, one chart per unit (euros and hours never share a scale), and the
 * use of each unit over the budget period. Quantities are integer
 * hundredths, as in `budget.ts`.
 */
import type { BarRow } from '../../components/BarChart';
import type { ChartPoint } from '../../components/LineChart';
import type { ResourceUnit } from '../../gql/graphql';
import { formatQuantity, fromHundredths, scaleByUnit, toHundredths, type TotalGroup } from './budget';

/** The units a chart can draw: a described commitment has no quantity to compare. */
export const CHARTED_UNITS = ['EUR', 'HOURS'] as const satisfies readonly ResourceUnit[];
export type ChartedUnit = (typeof CHARTED_UNITS)[number];

/** The bars of one unit: a row per group with a line in that unit, all on that unit's scale. */
export function barRowsOf(groups: TotalGroup[], unit: ResourceUnit): BarRow[] {
  const lines = groups.flatMap((group) => group.lines.filter((line) => line.unit === unit).map((line) => ({ group, line })));
  const scale = scaleByUnit(lines.map(({ line }) => line))[unit] ?? 0;
  return lines.map(({ group, line }) => ({
    label: group.label,
    planned: toHundredths(line.planned) ?? 0,
    used: toHundredths(line.used) ?? 0,
    scale,
    plannedText: formatQuantity(line.planned, line.unit),
    usedText: formatQuantity(line.used, line.unit),
    overused: line.overused,
  }));
}

interface Resource {
  unit: ResourceUnit;
  plannedQuantity: string;
  periodStart: string;
  periodEnd?: string | null;
  uses: Array<{ date: string; quantity: string }>;
}

export interface CumulativeUse {
  /** The first day of the earliest line of the unit. */
  from: string;
  /** The last day of the latest line, when every line has one. */
  to: string | null;
  /** The planned total of the unit, in hundredths: the line the use should stay under. */
  planned: number;
  /** Used so far, cumulated: one point at the start (0), one per day with uses. */
  points: ChartPoint[];
}

/**
 * The cumulated use of one unit over the budget period, from its resource
 * lines and their uses (a correction, a negative use, lowers it), or null
 * when nothing of that unit was used yet.
 */
export function cumulativeUse(resources: readonly Resource[], unit: ResourceUnit): CumulativeUse | null {
  const lines = resources.filter((r) => r.unit === unit);
  const uses = lines.flatMap((r) => r.uses).sort((a, b) => a.date.localeCompare(b.date));
  if (lines.length === 0 || uses.length === 0) return null;
  const from = lines.map((r) => r.periodStart).sort()[0];
  const ends = lines.map((r) => r.periodEnd);
  const to = ends.every((end): end is string => !!end) ? [...ends].sort()[ends.length - 1] : null;
  const planned = lines.reduce((sum, r) => sum + (toHundredths(r.plannedQuantity) ?? 0), 0);
  const points: ChartPoint[] = from < uses[0].date ? [{ date: from, value: 0 }] : [];
  let used = 0;
  for (const use of uses) {
    used += toHundredths(use.quantity) ?? 0;
    const last = points[points.length - 1];
    if (last && last.date === use.date) last.value = used;
    else points.push({ date: use.date, value: used });
  }
  return { from, to, planned, points };
}

/** A quantity in hundredths in its unit, for a chart's axis and table. */
export function formatHundredthsIn(unit: ResourceUnit): (hundredths: number) => string {
  return (hundredths) => formatQuantity(fromHundredths(hundredths), unit);
}
