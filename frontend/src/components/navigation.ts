/**
 * The main navigation, shaped by what each user can use: a screen the
 * server would answer with "non hai accesso" is not offered. Case work
 * (persons, projects, assessments) is for operators of the services; a
 * hospital ward's staff report and follow discharges; an administrator
 * manages accounts and the catalogue, never a person's case. The server's
 * policy still decides every request: this only keeps menus honest.
 */
import type { ViewerFieldsFragment } from '../gql/graphql';
import { shellCopy } from '../i18n/it';
import { paths } from '../routes';

export interface NavEntry {
  to: string;
  label: string;
}

type Viewer = Pick<ViewerFieldsFragment, 'role'> & { organization?: { kind: string } | null };

/** A hospital's operator: reports discharges for its wards, has no caseload. */
export function isWardStaff(viewer: Viewer): boolean {
  return viewer.role === 'OPERATOR' && viewer.organization?.kind === 'OSPEDALE';
}

/** An operator of the services, who works on persons' cases (not a ward, an administrator, an auditor or a planning office). */
export function isCaseWorker(viewer: Viewer): boolean {
  return viewer.role === 'OPERATOR' && !isWardStaff(viewer);
}

/** The roles offered the registers of agreements and meetings. */
const registers: ReadonlyArray<Viewer['role']> = ['ADMIN', 'OPERATOR', 'REPORTER', 'AUDITOR'];

export function navigationFor(viewer: Viewer): NavEntry[] {
  const caseWork = isCaseWorker(viewer);
  const entries: [NavEntry, boolean][] = [
    [{ to: paths.home, label: shellCopy.nav.home }, true],
    [{ to: paths.persons, label: shellCopy.nav.persons }, caseWork],
    [{ to: paths.projects, label: shellCopy.nav.projects }, caseWork],
    [{ to: paths.agenda, label: shellCopy.nav.agenda }, caseWork],
    [{ to: paths.assessments, label: shellCopy.nav.assessments }, caseWork],
    [{ to: paths.discharges, label: shellCopy.nav.discharges }, viewer.role === 'OPERATOR'],
    // Every member of a team reads its indicators (policy::require_indicators_reader),
    // not only its coordinators, so every case-work operator is offered the page.
    [{ to: paths.indicators, label: shellCopy.nav.indicators }, caseWork || viewer.role === 'REPORTER' || viewer.role === 'ADMIN'],
    // The registers of the network (agreements and meetings) hold no personal data: every
    // role reads them (an auditor only reads); the server decides who writes.
    [{ to: paths.agreements, label: shellCopy.nav.agreements }, registers.includes(viewer.role)],
    [{ to: paths.meetings, label: shellCopy.nav.meetings }, registers.includes(viewer.role)],
    // The interventions flow's codes: an administrator sets them, a planning office reads them.
    [{ to: paths.nomenclatore, label: shellCopy.nav.nomenclatore }, viewer.role === 'ADMIN' || viewer.role === 'REPORTER'],
    [{ to: paths.notifications, label: shellCopy.nav.notifications }, true],
    [{ to: paths.admin, label: shellCopy.nav.admin }, viewer.role === 'ADMIN'],
  ];
  return entries.filter(([, shown]) => shown).map(([entry]) => entry);
}
