import { Button, Card, CardBody } from 'design-react-kit';
import type { FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { CheckboxField } from '../../components/CheckboxField';
import { FormFeedback } from '../../components/FormFeedback';
import { FormMessage } from '../../components/FormMessage';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useForm } from '../../components/useForm';
import { graphql } from '../../gql';
import type { ProjectKind } from '../../gql/graphql';
import { errorMessage } from '../../graphql/errors';
import { labelOptions, professionLabels, projectKindLabels, teamKindLabels } from '../../i18n/enums';
import { todayIso } from '../../i18n/format';
import { commonCopy } from '../../i18n/it';
import { pathTo } from '../../routes';
import { navigate, useLocation } from '../../router/router';
import { useViewer } from '../../session/session';
import { newProjectCopy as copy } from './copy';
import { personName } from '../../i18n/names';

export const projectPersonQuery = graphql(`
  query ProjectPerson($id: ID!) {
    person(id: $id) {
      id
      givenName
      familyName
    }
  }
`);

/** The viewer's teams with their current members: the case manager comes from the chosen team. */
export const projectTeamsQuery = graphql(`
  query ProjectTeams {
    teams(mine: true, first: 100) {
      nodes {
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
          }
        }
      }
    }
  }
`);

export const openProjectMutation = graphql(`
  mutation OpenProject($input: OpenProjectInput!) {
    openProject(input: $input) {
      id
    }
  }
`);

const FIELDS = ['kind', 'teamId', 'caseManagerId', 'title', 'startDate', 'reviewEveryDays', 'integrated', 'parallelReason'] as const;

/**
 * Apri progetto, from the person's record. The query string may prefill it
 * (`tipo`, `equipe`, `titolo`, `inizio`): a discharge's suggested PAI.
 */
export function NewProjectPage({ personId }: { personId: string }) {
  const viewer = useViewer();
  const { search } = useLocation();
  const [person] = useQuery({ query: projectPersonQuery, variables: { id: personId } });
  const [teams] = useQuery({ query: projectTeamsQuery });
  const suggested = search.get('tipo');
  const form = useForm('progetto', FIELDS, {
    kind: search.get('tipo') ?? '',
    teamId: search.get('equipe') ?? '',
    caseManagerId: '',
    title: search.get('titolo') ?? '',
    startDate: search.get('inizio') ?? todayIso(),
    reviewEveryDays: '90',
    // A checkbox in a form of text values: 'true' when ticked.
    integrated: '',
    parallelReason: '',
  });
  const [{ fetching }, open] = useMutation(openProjectMutation);

  const myTeams = teams.data?.teams.nodes ?? [];
  const teamId = form.values.teamId || (myTeams.length === 1 ? myTeams[0].id : '');
  const team = myTeams.find((t) => t.id === teamId);
  const members = (team?.members ?? []).flatMap((m) => (m.active && m.user?.active ? [m.user] : []));
  // The viewer, when a member of the chosen team, is the likely case manager.
  const caseManagerId = form.values.caseManagerId || (members.some((m) => m.id === viewer.id) ? viewer.id : '');
  const name = person.data?.person ? personName(person.data.person, 'text') : '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const v = form.values;
    const ok = form.check({
      kind: v.kind ? undefined : copy.missing.kind,
      teamId: teamId ? undefined : copy.missing.teamId,
      caseManagerId: caseManagerId ? undefined : copy.missing.caseManagerId,
      title: v.title.trim() ? undefined : copy.missing.title,
      startDate: v.startDate ? undefined : copy.missing.startDate,
    });
    if (!ok) return;
    const result = await open({
      input: {
        personId,
        kind: v.kind as ProjectKind,
        teamId,
        caseManagerId,
        title: v.title.trim(),
        startDate: v.startDate,
        reviewEveryDays: Number(v.reviewEveryDays),
        // Only a PAI can be integrated: a box ticked before changing the kind does not count.
        integrated: v.kind === 'PAI' && v.integrated === 'true',
        parallelReason: v.parallelReason.trim() || null,
      },
    });
    if (result.data) navigate(`${pathTo.project(result.data.openProject.id)}?aperto=1`);
    else form.fail(result.error);
  }

  if ((person.fetching && !person.data) || (teams.fetching && !teams.data)) return <Loading />;
  const title = name ? copy.title(name) : copy.titleFallback;

  return (
    <>
      <PageHeading title={title} />
      <p className="lead">{copy.intro}</p>
      <p>
        <a href={pathTo.person(personId)}>{copy.back(name || '—')}</a>
      </p>
      {person.error && <FormMessage kind="error">{errorMessage(person.error)}</FormMessage>}
      {teams.error && <FormMessage kind="error">{errorMessage(teams.error)}</FormMessage>}
      {suggested && <FormMessage kind="info">{copy.fromDischarge}</FormMessage>}
      {teams.data && myTeams.length === 0 ? (
        <FormMessage kind="info">{copy.noTeams}</FormMessage>
      ) : (
        <Card tag="div" className="ponte-card shadow-sm rounded">
          <CardBody>
            <FormFeedback message={form.message} />
            <form onSubmit={submit} noValidate aria-label={title}>
              <div className="row">
                <div className="col-12 col-lg-6">
                  <SelectField
                    label={copy.kind}
                    options={labelOptions(projectKindLabels)}
                    placeholder={commonCopy.choose}
                    required
                    {...form.field('kind')}
                  />
                </div>
                <div className="col-12 col-lg-6">
                  <TextField label={copy.title_} hint={copy.titleHint} required {...form.field('title')} />
                </div>
                <div className="col-12 col-lg-6">
                  <SelectField
                    label={copy.team}
                    hint={copy.teamHint}
                    options={myTeams.map((t) => [t.id, `${t.name} (${teamKindLabels[t.kind]})`] as const)}
                    placeholder={myTeams.length === 1 ? undefined : commonCopy.choose}
                    required
                    {...form.field('teamId')}
                    value={teamId}
                    onChange={(value) => {
                      form.set('teamId')(value);
                      form.set('caseManagerId')('');
                    }}
                  />
                </div>
                <div className="col-12 col-lg-6">
                  <SelectField
                    label={copy.caseManager}
                    hint={team ? copy.caseManagerHint : copy.chooseTeamFirst}
                    options={members.map((m) => [m.id, `${m.displayName} – ${professionLabels[m.profession]}`] as const)}
                    placeholder={commonCopy.choose}
                    required
                    disabled={!team}
                    {...form.field('caseManagerId')}
                    value={caseManagerId}
                  />
                </div>
                <div className="col-12 col-md-6 col-lg-3">
                  <TextField label={copy.startDate} type="date" required {...form.field('startDate')} />
                </div>
                <div className="col-12 col-md-6 col-lg-3">
                  <SelectField label={copy.reviewEveryDays} options={copy.cadences} required {...form.field('reviewEveryDays')} />
                </div>
                {form.values.kind === 'PAI' && (
                  <div className="col-12">
                    <CheckboxField
                      id="progetto-integrated"
                      label={copy.integrated}
                      hint={copy.integratedHint}
                      checked={form.values.integrated === 'true'}
                      onChange={(checked) => form.set('integrated')(checked ? 'true' : '')}
                      error={form.errors.integrated}
                    />
                  </div>
                )}
                {/* Asked only once the server says a project of this kind is already open. */}
                {(form.errors.parallelReason || form.values.parallelReason) && (
                  <div className="col-12">
                    <TextAreaField label={copy.parallelReason} hint={copy.parallelReasonHint} {...form.field('parallelReason')} />
                  </div>
                )}
              </div>
              <Button type="submit" color="primary" disabled={fetching}>
                {fetching ? copy.working : copy.submit}
              </Button>
            </form>
          </CardBody>
        </Card>
      )}
    </>
  );
}
