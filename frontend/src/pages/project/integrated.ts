/**
 * The integrated PAI (PAI integrato): one plan with a health part and a
 * social part, each signed by an organization of its side. The server
 * decides (`cosignProject` refuses an organization that signs neither side,
 * `transitionChecks` says when a side is missing); the browser only needs to
 * know the sides to offer the right organizations and to say which side has
 * not signed yet.
 */
import type { IntegratedPart, OrganizationKind } from '../../gql/graphql';

/** The sides in the order the server lists them: health first. */
export const INTEGRATED_PARTS: readonly IntegratedPart[] = ['HEALTH', 'SOCIAL'];

/**
 * The side an organization of each kind signs for, as the server's
 * `OrganizationKind::integrated_part`; `null` for the partners of a plan
 * that are not its co-signatories (third sector, schools, job centres). A
 * record, so a new kind in the schema must be placed here.
 */
const PART_OF_KIND: Record<OrganizationKind, IntegratedPart | null> = {
  ASL: 'HEALTH',
  ASST: 'HEALTH',
  ATS: 'HEALTH',
  OSPEDALE: 'HEALTH',
  DISTRETTO: 'HEALTH',
  CASA_DI_COMUNITA: 'HEALTH',
  COT: 'HEALTH',
  OSPEDALE_DI_COMUNITA: 'HEALTH',
  COMUNE: 'SOCIAL',
  AMBITO: 'SOCIAL',
  UFFICIO_DI_PIANO: 'SOCIAL',
  ETS: null,
  COOPERATIVA_SOCIALE: null,
  COOPERATIVA_SOCIALE_A: null,
  COOPERATIVA_SOCIALE_B: null,
  CENTRO_PER_IMPIEGO: null,
  SCUOLA: null,
  ENTE_FORMAZIONE: null,
  CML: null,
  OTHER: null,
  ALTRO: null,
};

export function integratedPartOf(kind: OrganizationKind): IntegratedPart | null {
  return PART_OF_KIND[kind];
}

/** The sides no organization has signed yet, health first. */
export function missingParts(signed: ReadonlyArray<{ part: IntegratedPart }>): IntegratedPart[] {
  return INTEGRATED_PARTS.filter((part) => !signed.some((s) => s.part === part));
}

/**
 * The organizations that may still sign, by side and then by name: those
 * of a kind that signs a side, and that have not signed this project yet.
 */
export function signingOrganizations<O extends { id: string; name: string; kind: OrganizationKind }>(
  organizations: readonly O[],
  signed: ReadonlyArray<{ organization: { id: string } | null }>,
): Array<O & { part: IntegratedPart }> {
  const already = new Set(signed.flatMap((s) => (s.organization ? [s.organization.id] : [])));
  return organizations
    .flatMap((o) => {
      const part = integratedPartOf(o.kind);
      return part && !already.has(o.id) ? [{ ...o, part }] : [];
    })
    .sort((a, b) => INTEGRATED_PARTS.indexOf(a.part) - INTEGRATED_PARTS.indexOf(b.part) || a.name.localeCompare(b.name, 'it'));
}
