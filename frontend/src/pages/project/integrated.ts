/**
 * The integrated PAI (PAI integrato): one plan with a health part and a
 * social part, each signed by an organization of its side. The server
 * decides (`cosignProject` refuses an organization that signs neither side,
 * `transitionChecks` says when a side is missing); the browser only needs to
 * know the sides to offer the right organizations and to say which side has
 * not signed yet.
 */
import type { IntegratedPart } from '../../gql/graphql';

/** The sides in the order the server lists them: health first. */
export const INTEGRATED_PARTS: readonly IntegratedPart[] = ['HEALTH', 'SOCIAL'];

/** The sides no organization has signed yet, health first. */
export function missingParts(signed: ReadonlyArray<{ part: IntegratedPart }>): IntegratedPart[] {
  return INTEGRATED_PARTS.filter((part) => !signed.some((s) => s.part === part));
}

/**
 * The organizations that may still sign, by side and then by name: those
 * that sign a side, and that have not signed this project yet.
 */
export function signingOrganizations<O extends { id: string; name: string; integratedPart: IntegratedPart | null }>(
  organizations: readonly O[],
  signed: ReadonlyArray<{ organization: { id: string } | null }>,
): Array<O & { part: IntegratedPart }> {
  const already = new Set(signed.flatMap((s) => (s.organization ? [s.organization.id] : [])));
  return organizations
    .flatMap((o) => {
      // The server says which side each organization signs (`Organization.integratedPart`).
      const part = o.integratedPart;
      return part && !already.has(o.id) ? [{ ...o, part }] : [];
    })
    .sort((a, b) => INTEGRATED_PARTS.indexOf(a.part) - INTEGRATED_PARTS.indexOf(b.part) || a.name.localeCompare(b.name, 'it'));
}
