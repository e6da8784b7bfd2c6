import { Button, Card, CardBody } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { FormFeedback } from '../../components/FormFeedback';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroup } from '../../components/RadioGroup';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useForm } from '../../components/useForm';
import { graphql } from '../../gql';
import type { MeetingKind, ServiceKind } from '../../gql/graphql';
import { labelOptions, meetingKindLabels, networkAgreementStatusLabels, serviceKindLabels } from '../../i18n/enums';
import { todayIso } from '../../i18n/format';
import { commonCopy } from '../../i18n/it';
import { paths, pathTo } from '../../routes';
import { navigate } from '../../router/router';
import { useViewer } from '../../session/session';
import { agreementOrganizationsQuery } from '../agreements/AgreementsPage';
import { newMeetingCopy as copy } from './copy';
import { readCount } from './meetings';
import { meetingTeamsQuery } from './MeetingPage';

export const meetingAgreementChoicesQuery = graphql(`
  query MeetingAgreementChoices {
    networkAgreements(first: 100) {
      nodes {
        id
        title
        status
      }
    }
  }
`);

export const planMeetingMutation = graphql(`
  mutation PlanMeeting($input: MeetingInput!) {
    planMeeting(input: $input) {
      id
    }
  }
`);

// Named as the server names them, so that its refusals show at their field.
const FIELDS = [
  'kind',
  'title',
  'plannedOn',
  'heldOn',
  'teamId',
  'organizationId',
  'participantIds',
  'externalParticipants',
  'services',
  'agreementId',
  'note',
] as const;

/** Programma un incontro: what, when, the organizing team (or organization), who takes part, what it serves. */
export function NewMeetingPage() {
  const viewer = useViewer();
  const [teams] = useQuery({ query: meetingTeamsQuery });
  const [organizations] = useQuery({ query: agreementOrganizationsQuery, pause: viewer.role !== 'ADMIN' });
  const [agreements] = useQuery({ query: meetingAgreementChoicesQuery });
  const myTeams = teams.data?.teams.nodes ?? [];
  const [mode, setMode] = useState<'team' | 'organization'>();
  const form = useForm('incontro', FIELDS, {
    kind: '',
    title: '',
    plannedOn: todayIso(),
    heldOn: '',
    teamId: '',
    organizationId: '',
    participantIds: '',
    externalParticipants: '0',
    services: '',
    agreementId: '',
    note: '',
  });
  const [participants, setParticipants] = useState<string[]>([]);
  const [services, setServices] = useState<ServiceKind[]>([]);
  const [{ fetching }, plan] = useMutation(planMeetingMutation);
  const v = form.values;

  if (!teams.data && !teams.error) return <Loading />;
  // Whoever belongs to a team organizes for it first; the others for an organization.
  const organizer = mode ?? (myTeams.length > 0 ? 'team' : 'organization');
  const organizationOptions =
    viewer.role === 'ADMIN'
      ? (organizations.data?.organizations.nodes ?? []).map((o) => [o.id, o.name] as const)
      : viewer.organization
        ? [[viewer.organization.id, viewer.organization.name] as const]
        : [];
  const organizationId = v.organizationId || (organizationOptions.length === 1 ? organizationOptions[0][0] : '');
  const team = myTeams.find((t) => t.id === v.teamId);
  const people =
    organizer === 'team'
      ? (team?.members ?? []).flatMap((m) => (m.active && m.user ? [m.user] : []))
      : viewer.organization?.id === organizationId
        ? [{ id: viewer.id, displayName: viewer.displayName }]
        : [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const m = copy.missing;
    const external = readCount(v.externalParticipants);
    const ok = form.check({
      kind: v.kind ? undefined : m.kind,
      title: v.title.trim() ? undefined : m.title,
      plannedOn: v.plannedOn ? undefined : m.plannedOn,
      heldOn: v.heldOn && v.heldOn > todayIso() ? m.heldOnFuture : undefined,
      teamId: organizer === 'team' && !v.teamId ? m.teamId : undefined,
      organizationId: organizer === 'organization' && !organizationId ? m.organizationId : undefined,
      externalParticipants: external === null ? m.externalParticipants : undefined,
    });
    if (!ok || external === null) return;
    const shown = new Set(people.map((p) => p.id));
    const result = await plan({
      input: {
        kind: v.kind as MeetingKind,
        title: v.title.trim(),
        plannedOn: v.plannedOn,
        heldOn: v.heldOn || null,
        teamId: organizer === 'team' ? v.teamId : null,
        organizationId: organizer === 'organization' ? organizationId : null,
        participantIds: participants.filter((id) => shown.has(id)),
        externalParticipants: external,
        services,
        agreementId: v.agreementId || null,
        note: v.note.trim() || null,
      },
    });
    if (result.data) navigate(`${pathTo.meeting(result.data.planMeeting.id)}?programmato=1`);
    else form.fail(result.error);
  }

  const agreementOptions = (agreements.data?.networkAgreements.nodes ?? [])
    .filter((a) => a.status !== 'WITHDRAWN')
    .map((a) => [a.id, `${a.title} (${networkAgreementStatusLabels[a.status]})`] as const);

  return (
    <>
      <PageHeading title={copy.title} />
      <p className="lead">{copy.intro}</p>
      <p>
        <a href={paths.meetings}>{copy.back}</a>
      </p>
      <Card tag="div" className="ponte-card shadow-sm rounded">
        <CardBody>
          <FormFeedback message={form.message} />
          <form onSubmit={submit} noValidate aria-label={copy.title}>
            <fieldset className="ponte-fieldset">
              <legend className="h4">{copy.sections.what}</legend>
              <div className="row">
                <div className="col-12 col-lg-4">
                  <SelectField
                    label={copy.kind}
                    options={labelOptions(meetingKindLabels)}
                    placeholder={commonCopy.choose}
                    required
                    {...form.field('kind')}
                  />
                </div>
                <div className="col-12 col-lg-8">
                  <TextField label={copy.titleField} required maxLength={200} {...form.field('title')} />
                </div>
                <div className="col-12 col-md-6">
                  <TextField label={copy.plannedOn} type="date" required {...form.field('plannedOn')} />
                </div>
                <div className="col-12 col-md-6">
                  <TextField
                    label={`${copy.heldOn} ${commonCopy.optional}`}
                    type="date"
                    max={todayIso()}
                    hint={copy.heldOnHint}
                    {...form.field('heldOn')}
                  />
                </div>
              </div>
            </fieldset>

            <fieldset className="ponte-fieldset">
              <legend className="h4">{copy.sections.organizer}</legend>
              {myTeams.length > 0 && (
                <RadioGroup
                  id="incontro-organizza"
                  legend={copy.organizerMode}
                  value={organizer}
                  onChange={(value) => {
                    setMode(value as 'team' | 'organization');
                    setParticipants([]);
                  }}
                  options={[
                    ['team', copy.modes.team],
                    ['organization', copy.modes.organization],
                  ]}
                  inline
                />
              )}
              {myTeams.length === 0 && <p className="ponte-muted">{copy.noTeams}</p>}
              <div className="row">
                <div className="col-12 col-lg-6">
                  {organizer === 'team' ? (
                    <SelectField
                      label={copy.team}
                      options={myTeams.map((t) => [t.id, t.name] as const)}
                      placeholder={commonCopy.choose}
                      required
                      {...form.field('teamId')}
                      onChange={(teamId) => {
                        form.set('teamId')(teamId);
                        setParticipants([]);
                      }}
                    />
                  ) : (
                    <SelectField
                      label={copy.organization}
                      options={organizationOptions}
                      placeholder={organizationOptions.length === 1 ? undefined : commonCopy.choose}
                      required
                      {...form.field('organizationId')}
                      value={organizationId}
                    />
                  )}
                </div>
              </div>
            </fieldset>

            <fieldset className="ponte-fieldset">
              <legend className="h4">{copy.sections.participants}</legend>
              <div className="row">
                <div className="col-12 col-lg-7">
                  <CheckboxGroup
                    id="incontro-participantIds"
                    legend={copy.participants}
                    options={people.map((p) => [p.id, p.displayName] as const)}
                    chosen={participants}
                    onChange={(chosen) => {
                      setParticipants(chosen);
                      form.set('participantIds')('');
                    }}
                    error={form.errors.participantIds}
                  >
                    {organizer === 'team' && !team && <p className="small ponte-muted">{copy.chooseTeam}</p>}
                    {(organizer !== 'team' || team) && people.length === 0 && <p className="small ponte-muted">{copy.noParticipants}</p>}
                  </CheckboxGroup>
                </div>
                <div className="col-12 col-lg-5">
                  <TextField label={copy.external} hint={copy.externalHint} inputMode="numeric" {...form.field('externalParticipants')} />
                </div>
              </div>
            </fieldset>

            <fieldset className="ponte-fieldset">
              <legend className="h4">{copy.sections.context}</legend>
              <div className="row">
                <div className="col-12 col-lg-6">
                  <CheckboxGroup
                    id="incontro-services"
                    legend={copy.services}
                    options={labelOptions(serviceKindLabels)}
                    chosen={services}
                    onChange={(chosen) => {
                      setServices(chosen);
                      form.set('services')('');
                    }}
                    error={form.errors.services}
                  />
                </div>
                <div className="col-12 col-lg-6">
                  <SelectField
                    label={`${copy.agreement} ${commonCopy.optional}`}
                    options={agreementOptions}
                    placeholder={copy.noAgreement}
                    {...form.field('agreementId')}
                  />
                  <TextAreaField label={`${copy.note} ${commonCopy.optional}`} hint={copy.noteHint} rows={3} {...form.field('note')} />
                </div>
              </div>
            </fieldset>

            <Button type="submit" color="primary" disabled={fetching}>
              {fetching ? copy.working : copy.submit}
            </Button>
          </form>
        </CardBody>
      </Card>
    </>
  );
}
