/**
 * The rules of the Accordi screens that need no server: how a validity
 * reads, the list's filters in the address, and the form's own checks
 * (the server checks them again).
 */
import type { AgreementPartyRole, NetworkAgreementKind, NetworkAgreementStatus } from '../../gql/graphql';
import { knownValue, networkAgreementKindLabels, networkAgreementStatusLabels } from '../../i18n/enums';
import { formatDate } from '../../i18n/format';
import { agreementFormCopy, agreementsCopy, elementHeadings } from './copy';

/** "Expiring soon": in force and ending within these many days (the reminders' first notice). */
export const EXPIRING_WITHIN_DAYS = 60;

export type ElementKey = keyof typeof elementHeadings;
export const ELEMENT_KEYS = Object.keys(elementHeadings) as ElementKey[];

/** "dal 01/01/2026 al 31/12/2026", "a tempo indeterminato"… */
export function validityText(validFrom: string | null | undefined, validUntil: string | null | undefined): string {
  const v = agreementsCopy.validity;
  if (validFrom && validUntil) return v.range(formatDate(validFrom), formatDate(validUntil));
  if (validFrom) return v.from(formatDate(validFrom));
  if (validUntil) return v.until(formatDate(validUntil));
  return v.open;
}

/** The colour of a status badge: in force green, signed blue, expired red, withdrawn dark, a draft grey. */
export function statusColor(status: NetworkAgreementStatus): string {
  switch (status) {
    case 'IN_FORCE':
      return 'success';
    case 'SIGNED':
      return 'primary';
    case 'EXPIRED':
      return 'danger';
    case 'WITHDRAWN':
      return 'dark';
    default:
      return 'secondary';
  }
}

export interface AgreementFilters {
  kind: NetworkAgreementKind | '';
  partyId: string;
  status: NetworkAgreementStatus | '';
  expiring: boolean;
  search: string;
}

/** The filters a shared or reloaded address asks for (`?tipo=&ente=&stato=&scadenza=1&cerca=`). */
export function filtersFromSearch(search: URLSearchParams): AgreementFilters {
  return {
    kind: knownValue(networkAgreementKindLabels, search.get('tipo')),
    partyId: search.get('ente') ?? '',
    status: knownValue(networkAgreementStatusLabels, search.get('stato')),
    expiring: search.get('scadenza') === '1',
    search: search.get('cerca')?.trim() ?? '',
  };
}

/** The address's query string for the filters, without the empty ones. */
export function searchFromFilters(filters: AgreementFilters): string {
  const params = new URLSearchParams();
  if (filters.kind) params.set('tipo', filters.kind);
  if (filters.partyId) params.set('ente', filters.partyId);
  if (filters.status) params.set('stato', filters.status);
  if (filters.expiring) params.set('scadenza', '1');
  if (filters.search) params.set('cerca', filters.search);
  return params.toString();
}

/** A row of the form's parties, as typed. */
export interface PartyDraft {
  organizationId: string;
  role: AgreementPartyRole | '';
  contactUserId: string;
}

/** What is wrong with the parties, or undefined: at least two, each with its role, no organization twice. */
export function partiesProblem(parties: readonly PartyDraft[]): string | undefined {
  const complete = parties.filter((p) => p.organizationId && p.role);
  if (complete.length < 2 || complete.length !== parties.filter((p) => p.organizationId || p.role).length)
    return agreementFormCopy.missing.parties;
  if (new Set(complete.map((p) => p.organizationId)).size !== complete.length) return agreementFormCopy.missing.duplicateParty;
  return undefined;
}
