import { graphql } from '../../gql';
import type { InstrumentDefinitionFieldsFragment } from '../../gql/graphql';

graphql(`
  fragment InstrumentDefinitionFields on InstrumentDefinition {
    code
    name
    description
    minScore
    maxScore
    higherIsBetter
    usesEducation
    educationAdjustments {
      education
      scoreChange
    }
    items {
      code
      label
      options {
        value
        label
        points
      }
    }
    bands {
      code
      label
      min
      max
    }
  }
`);

/** Every instrument the server scores: the assessment form is rendered from these. */
export const instrumentsQuery = graphql(`
  query Instruments {
    instruments {
      ...InstrumentDefinitionFields
    }
  }
`);

export type InstrumentDefinition = InstrumentDefinitionFieldsFragment;
