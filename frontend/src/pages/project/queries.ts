import { graphql } from '../../gql';
import type { ProjectDetailQuery } from '../../gql/graphql';

graphql(`
  fragment BudgetTotalFields on BudgetTotal {
    key
    unit
    planned
    used
    overused
  }
`);

// The parts of a project the Progetto screen and the printed PAI both show, selected once.
graphql(`
  fragment ProjectPartiesFields on IndividualProject {
    integrated
    cosignatures {
      part
      signedOn
      signatory
      organization {
        id
        name
        kind
      }
      recordedBy {
        id
        displayName
      }
    }
    team {
      id
      name
      kind
      members {
        active
        user {
          id
          displayName
          profession
        }
      }
    }
    caseManager {
      id
      displayName
    }
    consent {
      date
      method
      witness
      familyCosignature
      recordedBy {
        id
        displayName
      }
    }
  }
`);

graphql(`
  fragment ProjectPlanFields on IndividualProject {
    goals {
      id
      lifeArea
      description
      targetDate
      indicator
      status
      outcomeNote
    }
    interventions {
      id
      goalId
      lifeArea
      serviceKind
      frequency
      startDate
      endDate
      provider {
        id
        name
      }
    }
  }
`);

/** Everything the Progetto screen shows, in one request. */
export const projectDetailQuery = graphql(`
  query ProjectDetail($id: ID!) {
    project(id: $id) {
      id
      version
      kind
      status
      title
      startDate
      reviewEveryDays
      nextReviewOn
      closureReason
      closedOn
      createdAt
      reviewOverdue
      ...ProjectSteps
      person {
        id
        givenName
        familyName
      }
      ...ProjectPartiesFields
      ...ProjectPlanFields
      reviews {
        id
        date
        notes
        decisions
        participants {
          id
          displayName
        }
        recordedBy {
          id
          displayName
        }
      }
      budget {
        agreementStatus
        missingParties
        agreements {
          partyKind
          partyName
          agreedOn
          current
        }
        resources {
          id
          version
          lifeArea
          kind
          providerKind
          providerName
          provider {
            id
          }
          fundingSource
          description
          profession
          unit
          plannedQuantity
          periodStart
          periodEnd
          usedQuantity
          overused
          uses {
            id
            date
            quantity
            note
            reason
            reverses {
              id
            }
            reversedBy {
              id
              reason
            }
          }
        }
        totals {
          overall {
            ...BudgetTotalFields
          }
          byLifeArea {
            ...BudgetTotalFields
          }
          byKind {
            ...BudgetTotalFields
          }
          byProvider {
            ...BudgetTotalFields
          }
          byFundingSource {
            ...BudgetTotalFields
          }
        }
      }
      lifeAreaScores {
        lifeArea
        points {
          date
          rater
          score
          note
        }
      }
      history {
        occurredAt
        kind
        summary
        actor {
          id
          displayName
        }
      }
    }
  }
`);

export type Project = NonNullable<ProjectDetailQuery['project']>;

/** The organizations that may provide a service or a resource. */
export const providerOrganizationsQuery = graphql(`
  query ProviderOrganizations {
    organizations(first: 200) {
      nodes {
        id
        name
        kind
        integratedPart
      }
    }
  }
`);

/**
 * A constant: urql restarts a query whose context is a new object on every
 * render. The typenames make every project mutation refresh the screen, also
 * when the project had none of that kind before.
 */
export const projectContext = {
  additionalTypenames: ['IndividualProject', 'Goal', 'Intervention', 'BudgetResource', 'Review'],
};
