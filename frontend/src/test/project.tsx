/**
 * The Progetto screen in unit tests: a ProjectDetail answer as the server
 * gives it (a PAI in delivery, its team and case manager, nothing else
 * recorded), and the whole app rendered on /progetti/prj1 against a fake
 * server, signed in as an operator of the team.
 */
import { render } from '@testing-library/react';
import { App } from '../App';
import type { ProjectDetailQuery } from '../gql/graphql';
import { SessionProvider } from '../session/session';
import { fakeServer, viewer, type Served } from './fakeServer';
import { pathTo } from '../routes';

export type ServedProject = Served<NonNullable<ProjectDetailQuery['project']>>;
type Team = NonNullable<ServedProject['team']>;
type User = NonNullable<Team['members'][number]['user']>;

export const operator = viewer({ id: 'u-elena', role: 'OPERATOR', displayName: 'Elena Tognali', profession: 'ASSISTENTE_SOCIALE' });

export const ELENA: User = { __typename: 'User', id: 'u-elena', displayName: 'Elena Tognali', profession: 'ASSISTENTE_SOCIALE' };
export const MARCO: User = { __typename: 'User', id: 'u-marco', displayName: 'Marco Bianchi', profession: 'INFERMIERE' };
export const ANNA: User = { __typename: 'User', id: 'u-anna', displayName: 'Anna Rossi', profession: 'EDUCATORE' };
export const LUCA: User = { __typename: 'User', id: 'u-luca', displayName: 'Luca Ferri', profession: 'MEDICO_SPECIALISTA' };

export const totals = { __typename: 'BudgetTotals', overall: [], byLifeArea: [], byKind: [], byProvider: [], byFundingSource: [] };

/** The project's team, its members active or not. */
export function team(members: [User, boolean][]): Team {
  return {
    __typename: 'Team',
    id: 't1',
    name: 'EEMM Breno',
    kind: 'EQUIPE_MULTIDISCIPLINARE',
    members: members.map(([user, active]) => ({ __typename: 'TeamMember', active, user })),
  };
}

type Resource = ServedProject['budget']['resources'][number];

/** A line of the budget, with what the test changes: the family's 2.400 €, nothing used. */
export function budgetLine(overrides: Partial<Resource> = {}): Resource {
  return {
    __typename: 'BudgetResource',
    id: 'r1',
    version: 1,
    lifeArea: 'HOUSING',
    kind: 'ECONOMIC',
    providerKind: 'FAMILY',
    providerName: 'Famiglia',
    provider: null,
    fundingSource: 'PRIVATO',
    description: 'Contributo della famiglia',
    profession: null,
    unit: 'EUR',
    plannedQuantity: '2400.00',
    periodStart: '2026-09-01',
    periodEnd: null,
    usedQuantity: '0.00',
    overused: false,
    uses: [],
    ...overrides,
  };
}

/** A project whose budget has these lines. */
export function withBudget(resources: Resource[]): ServedProject {
  return project({ budget: { __typename: 'Budget', agreementStatus: 'NONE', missingParties: [], agreements: [], resources, totals } });
}

/** A ProjectDetail answer as the server gives it, with what the test changes. */
export function project(overrides: Partial<ServedProject> = {}): ServedProject {
  return {
    __typename: 'IndividualProject',
    id: 'prj1',
    version: 4,
    kind: 'PAI',
    status: 'ACTIVE',
    title: 'PAI: restare a casa',
    startDate: '2026-03-02',
    reviewEveryDays: 60,
    nextReviewOn: '2026-05-01',
    closureReason: null,
    closedOn: null,
    createdAt: '2026-03-02T09:00:00Z',
    reviewOverdue: false,
    allowedTransitions: ['REVIEW', 'SUSPENDED', 'CLOSED'],
    transitionChecks: [],
    finalScoresRequired: [],
    integrated: false,
    cosignatures: [],
    person: { __typename: 'Person', id: 'p1', givenName: 'Nicolò', familyName: 'Ferrandi' },
    team: team([
      [ELENA, true],
      [MARCO, true],
      [LUCA, false],
      [ANNA, true],
    ]),
    caseManager: { __typename: 'User', id: ELENA.id, displayName: ELENA.displayName },
    consent: null,
    goals: [],
    interventions: [],
    reviews: [],
    budget: { __typename: 'Budget', agreementStatus: 'NONE', missingParties: [], agreements: [], resources: [], totals },
    lifeAreaScores: [],
    history: [],
    ...overrides,
  };
}

/** The app on /progetti/prj1 (at `section`), signed in as `operator`; no organizations unless the handlers give some. */
export function renderProjectPage(handlers: Parameters<typeof fakeServer>[0], section?: string) {
  const server = fakeServer({
    Me: () => ({ data: { me: operator } }),
    ProviderOrganizations: () => ({ data: { organizations: { __typename: 'OrganizationConnection', nodes: [] } } }),
    ...handlers,
  });
  window.history.replaceState(null, '', pathTo.project('prj1', section));
  render(
    <SessionProvider fetch={server.fetch}>
      <App />
    </SessionProvider>,
  );
  return server;
}
