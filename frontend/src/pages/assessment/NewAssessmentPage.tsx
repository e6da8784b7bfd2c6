import { Card, CardBody } from 'design-react-kit';
import { useMutation, useQuery } from 'urql';
import { FormMessage } from '../../components/FormMessage';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RecordUnavailable } from '../../components/RecordUnavailable';
import { graphql } from '../../gql';
import { commonCopy } from '../../i18n/it';
import { paths, pathTo } from '../../routes';
import { navigate } from '../../router/router';
import { useViewer } from '../../session/session';
import { personCopy } from '../person/copy';
import { AssessmentForm, assessmentErrors, emptyAssessment } from './AssessmentForm';
import { assessmentCopy } from './copy';
import { instrumentsQuery } from './instruments';
import { assessingTeams, assessingTeamsQuery } from './teams';
import { personName } from '../../i18n/names';

const copy = assessmentCopy.create;

export const assessedPersonQuery = graphql(`
  query AssessedPerson($id: ID!) {
    person(id: $id) {
      id
      givenName
      familyName
    }
  }
`);

export const recordAssessmentMutation = graphql(`
  mutation RecordAssessment($input: RecordAssessmentInput!) {
    recordAssessment(input: $input) {
      id
    }
  }
`);

/** Nuova valutazione of a person, for one of the viewer's UVM or équipes multidisciplinari. */
export function NewAssessmentPage({ personId }: { personId: string }) {
  const viewer = useViewer();
  const [person] = useQuery({ query: assessedPersonQuery, variables: { id: personId } });
  const [instruments] = useQuery({ query: instrumentsQuery });
  const [teams] = useQuery({ query: assessingTeamsQuery });
  const [, record] = useMutation(recordAssessmentMutation);

  if ((person.fetching && !person.data) || (instruments.fetching && !instruments.data) || (teams.fetching && !teams.data)) {
    return <Loading />;
  }
  const failure = person.error ?? instruments.error ?? teams.error;
  if (failure || !person.data?.person || !instruments.data || !teams.data) {
    return (
      <RecordUnavailable
        error={failure}
        copy={{ ...personCopy, titleFallback: copy.title }}
        back={{ href: paths.persons, label: personCopy.back }}
      />
    );
  }

  const who = person.data.person;
  const name = personName(who, 'text');
  const choices = assessingTeams(teams.data.teams.nodes);
  const first = choices[0];
  const teamId = choices.length === 1 ? first.id : '';
  const viewerIn = choices.length === 1 && first.members.some((m) => m.id === viewer.id);

  return (
    <>
      <PageHeading title={copy.titleFor(name)} />
      <p>
        <a href={pathTo.person(personId)}>{copy.back(name)}</a>
      </p>
      {choices.length === 0 ? (
        <FormMessage kind="info">{copy.noTeams}</FormMessage>
      ) : (
        <Card tag="div" className="ponte-card shadow-sm rounded">
          <CardBody>
            <AssessmentForm
              instruments={instruments.data.instruments}
              teams={choices}
              initial={emptyAssessment(teamId, viewerIn ? [viewer.id] : [])}
              submitLabel={copy.submit}
              submittingLabel={copy.submitting}
              onSubmit={async (values, content) => {
                const result = await record({ input: { personId, teamId: values.teamId, ...content } });
                if (result.data) {
                  navigate(`${pathTo.assessment(result.data.recordAssessment.id)}?registrata=1`);
                  return undefined;
                }
                return result.error
                  ? assessmentErrors(result.error, content)
                  : { fields: {}, instruments: {}, general: commonCopy.genericError };
              }}
            />
          </CardBody>
        </Card>
      )}
    </>
  );
}
