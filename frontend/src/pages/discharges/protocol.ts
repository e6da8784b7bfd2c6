import type { CareSetting, DischargeNeed } from '../../gql/graphql';
import { dischargeNeedLabels } from '../../i18n/enums';

/** Home with SAD and/or ADI: the discharge continues or opens the person's PAI (as the server decides). */
const HOME_WITH_SERVICES: ReadonlySet<CareSetting> = new Set([
  'HOME_WITH_SAD',
  'HOME_WITH_ADI',
  'HOME_WITH_SAD_AND_ADI',
  'HOME_WITH_SERVICES',
]);

export type CompletionNeed = 'plan' | 'signedAssessment' | 'dischargeable' | 'project';

/**
 * What the protocol asks before a discharge to `destination`, shown beside
 * the form so the refusal is no surprise; the server decides. Only home
 * without services goes without a plan; any other destination rests on a
 * plan with a signed UVM assessment; every discharge needs the day the
 * patient became dischargeable.
 */
export function completionNeeds(
  destination: CareSetting | null,
  discharge: { hasPlan: boolean; dischargeableOn: string | null },
): CompletionNeed[] {
  const needs: CompletionNeed[] = [];
  if (destination && destination !== 'HOME') {
    if (!discharge.hasPlan) needs.push('plan');
    needs.push('signedAssessment');
  }
  if (!discharge.dischargeableOn) needs.push('dischargeable');
  if (destination && HOME_WITH_SERVICES.has(destination)) needs.push('project');
  return needs;
}

/** The needs in the list's order, each once: as the server returns them. */
export function orderedNeeds(needs: readonly DischargeNeed[]): DischargeNeed[] {
  return (Object.keys(dischargeNeedLabels) as DischargeNeed[]).filter((need) => needs.includes(need));
}
