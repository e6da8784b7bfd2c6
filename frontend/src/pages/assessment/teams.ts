import { graphql } from '../../gql';
import type { AssessingTeamFieldsFragment } from '../../gql/graphql';
import type { AssessingTeam } from './AssessmentForm';

graphql(`
  fragment AssessingTeamFields on Team {
    id
    name
    kind
    members {
      active
      user {
        id
        displayName
        profession
        active
        organization {
          id
          name
        }
      }
    }
  }
`);

/** The viewer's teams with their current members: the UVM and EEMM among them may assess. */
export const assessingTeamsQuery = graphql(`
  query AssessingTeams {
    teams(mine: true, first: 100) {
      nodes {
        ...AssessingTeamFields
      }
    }
  }
`);

/** One team with its current members (the team of an assessment being corrected). */
export const assessmentTeamQuery = graphql(`
  query AssessmentTeam($id: ID!) {
    team(id: $id) {
      ...AssessingTeamFields
    }
  }
`);

const ASSESSING_KINDS: ReadonlyArray<AssessingTeamFieldsFragment['kind']> = ['UVM', 'EQUIPE_MULTIDISCIPLINARE'];

/** The UVM and équipes multidisciplinari among `teams`, with their active members. */
export function assessingTeams(teams: AssessingTeamFieldsFragment[]): AssessingTeam[] {
  return teams
    .filter((t) => ASSESSING_KINDS.includes(t.kind))
    .map((t) => ({
      id: t.id,
      name: t.name,
      kind: t.kind,
      members: t.members.flatMap((m) =>
        m.active && m.user?.active
          ? [
              {
                id: m.user.id,
                displayName: m.user.displayName,
                profession: m.user.profession,
                organization: m.user.organization?.name ?? null,
              },
            ]
          : [],
      ),
    }));
}
