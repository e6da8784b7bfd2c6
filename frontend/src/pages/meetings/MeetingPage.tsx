import { Badge, Button } from 'design-react-kit';
import { useCallback, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { ConfirmButtons } from '../../components/ConfirmButtons';
import { Definitions } from '../../components/Definitions';
import { Dialog } from '../../components/Dialog';
import { FormFeedback } from '../../components/FormFeedback';
import { FormMessage } from '../../components/FormMessage';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RecordUnavailable } from '../../components/RecordUnavailable';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useForm } from '../../components/useForm';
import { graphql } from '../../gql';
import type { MeetingDetailQuery } from '../../gql/graphql';
import { meetingKindLabels, meetingStatusLabels, serviceKindLabels } from '../../i18n/enums';
import { formatDate, formatDateTime, todayIso } from '../../i18n/format';
import { paths, pathTo } from '../../routes';
import { navigate, useLocation } from '../../router/router';
import { meetingCopy as copy } from './copy';
import { meetingDay, readCount } from './meetings';
import { meetingStatusColor } from './MeetingsPage';

// A constant: urql restarts a query whose context is a new object, on every render.
const context = { additionalTypenames: ['Meeting'] };

export const meetingDetailQuery = graphql(`
  query MeetingDetail($id: ID!) {
    meeting(id: $id) {
      id
      version
      kind
      title
      status
      plannedOn
      heldOn
      cancelledReason
      externalParticipants
      services
      note
      createdAt
      canEdit
      organizer {
        id
        name
      }
      team {
        id
        name
      }
      participants {
        id
        displayName
      }
      agreement {
        id
        title
      }
    }
  }
`);

/** The viewer's teams with their current members: whom a meeting's organizer may tick or invite. */
export const meetingTeamsQuery = graphql(`
  query MeetingTeams {
    teams(mine: true, first: 100) {
      nodes {
        id
        name
        organization {
          id
          name
        }
        members {
          active
          user {
            id
            displayName
          }
        }
      }
    }
  }
`);

export const recordMeetingHeldMutation = graphql(`
  mutation RecordMeetingHeld($input: RecordMeetingHeldInput!) {
    recordMeetingHeld(input: $input) {
      id
      version
      status
      heldOn
      externalParticipants
      note
      canEdit
      participants {
        id
        displayName
      }
    }
  }
`);

export const cancelMeetingMutation = graphql(`
  mutation CancelMeeting($input: CancelMeetingInput!) {
    cancelMeeting(input: $input) {
      id
      version
      status
      cancelledReason
      canEdit
    }
  }
`);

type Meeting = NonNullable<MeetingDetailQuery['meeting']>;
type Person = { id: string; displayName: string };

/** Incontro: what, when, who organized it and who took part; record it held (attendance) or cancel it. */
export function MeetingPage({ id }: { id: string }) {
  const { search } = useLocation();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: meetingDetailQuery, variables: { id }, context });
  const [teams] = useQuery({ query: meetingTeamsQuery });
  const reload = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);

  if (fetching && !data) return <Loading />;
  if (error || !data?.meeting) return <RecordUnavailable error={error} copy={copy} back={{ href: paths.meetings, label: copy.back }} />;
  const m = data.meeting;
  const s = copy.summary;
  const none = <span className="ponte-muted">{copy.none}</span>;
  // Whom attendance may tick: the organizing team's current members (when the viewer is one of them) and those expected.
  const team = teams.data?.teams.nodes.find((t) => t.id === m.team?.id);
  const members = (team?.members ?? []).flatMap((member) => (member.active && member.user ? [member.user] : []));
  const people: Person[] = [...m.participants, ...members.filter((u) => !m.participants.some((p) => p.id === u.id))];
  const rows: Array<[string, ReactNode]> = [
    [s.kind, meetingKindLabels[m.kind]],
    [
      s.status,
      <span key="stato" data-testid="stato-incontro">
        <Badge color={meetingStatusColor(m.status)} pill>
          {meetingStatusLabels[m.status]}
        </Badge>
      </span>,
    ],
    [s.plannedOn, formatDate(m.plannedOn)],
    ...(m.heldOn ? ([[s.heldOn, formatDate(m.heldOn)]] as Array<[string, ReactNode]>) : []),
    ...(m.cancelledReason ? ([[s.cancelledReason, m.cancelledReason]] as Array<[string, ReactNode]>) : []),
    [s.organizer, m.organizer.name],
    [s.team, m.team?.name ?? none],
    [s.services, m.services.length > 0 ? m.services.map((k) => serviceKindLabels[k]).join(', ') : none],
    [s.agreement, m.agreement ? <a href={pathTo.agreement(m.agreement.id)}>{m.agreement.title}</a> : none],
    [s.note, m.note ? <span className="ponte-pre-line">{m.note}</span> : none],
    [s.createdAt, formatDateTime(m.createdAt)],
  ];

  return (
    <>
      <PageHeading title={m.title} />
      <p>
        <a href={pathTo.meetingsMonth(meetingDay(m).slice(0, 7))}>{copy.back}</a>
      </p>
      {search.get('programmato') && <FormMessage kind="success">{copy.planned}</FormMessage>}
      {search.get('svolto') && <FormMessage kind="success">{copy.held.done}</FormMessage>}
      {search.get('annullato') && <FormMessage kind="success">{copy.cancel.done}</FormMessage>}
      <div className="row g-5">
        <div className="col-12 col-xl-6">
          <section aria-labelledby="incontro-sintesi" className="ponte-section">
            <h2 id="incontro-sintesi" className="h4">
              {s.heading}
            </h2>
            <Definitions testId="incontro-sintesi" rows={rows} />
          </section>
        </div>
        <div className="col-12 col-xl-6">
          <section aria-labelledby="incontro-partecipanti" className="ponte-section">
            <h2 id="incontro-partecipanti" className="h4">
              {m.status === 'PLANNED' ? copy.participants.planned : copy.participants.heading}
            </h2>
            {m.participants.length === 0 ? (
              <p>{copy.participants.none}</p>
            ) : (
              <ul data-testid="partecipanti">
                {m.participants.map((p) => (
                  <li key={p.id}>{p.displayName}</li>
                ))}
              </ul>
            )}
            {m.externalParticipants > 0 && <p>{copy.participants.external(m.externalParticipants)}</p>}
          </section>
        </div>
      </div>
      {m.canEdit && m.status === 'PLANNED' && (
        <div className="row g-4">
          <div className="col-12 col-lg-7">
            <div className="ponte-subform h-100">
              <HeldForm meeting={m} people={people} onReload={reload} />
            </div>
          </div>
          <div className="col-12 col-lg-5">
            <div className="ponte-subform h-100">
              <CancelForm meeting={m} onReload={reload} />
            </div>
          </div>
        </div>
      )}
    </>
  );
}

function HeldForm({ meeting: m, people, onReload }: { meeting: Meeting; people: Person[]; onReload: () => void }) {
  const c = copy.held;
  const form = useForm('svolto', ['heldOn', 'participantIds', 'externalParticipants', 'note'] as const, {
    heldOn: todayIso(),
    participantIds: '',
    externalParticipants: String(m.externalParticipants),
    note: m.note ?? '',
  });
  const [present, setPresent] = useState<string[]>(m.participants.map((p) => p.id));
  const [{ fetching }, record] = useMutation(recordMeetingHeldMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const v = form.values;
    const external = readCount(v.externalParticipants);
    const ok = form.check({
      heldOn: v.heldOn ? undefined : c.missing.heldOn,
      externalParticipants: external === null ? c.missing.externalParticipants : undefined,
    });
    if (!ok || external === null) return;
    const result = await record({
      input: {
        meetingId: m.id,
        expectedVersion: m.version,
        heldOn: v.heldOn,
        participantIds: present,
        externalParticipants: external,
        note: v.note.trim() || null,
      },
    });
    // The form goes with the planned status: the page says it is done.
    if (result.data) navigate(`${pathTo.meeting(m.id)}?svolto=1`, { replace: true });
    else form.fail(result.error, copy.conflict);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="svolto-titolo">
      <h2 id="svolto-titolo" className="h5">
        {c.heading}
      </h2>
      <p className="small">{c.intro}</p>
      <FormFeedback message={form.message} onReload={onReload} />
      <TextField label={c.heldOn} type="date" max={todayIso()} required {...form.field('heldOn')} />
      <CheckboxGroup
        id="svolto-participantIds"
        legend={c.attendance}
        options={people.map((p) => [p.id, p.displayName] as const)}
        chosen={present}
        onChange={(chosen) => {
          setPresent(chosen);
          form.set('participantIds')('');
        }}
        error={form.errors.participantIds}
      >
        {people.length === 0 && <p className="small ponte-muted">{c.noMembers}</p>}
      </CheckboxGroup>
      <TextField label={c.external} hint={c.externalHint} inputMode="numeric" {...form.field('externalParticipants')} />
      <TextAreaField label={c.note} hint={c.noteHint} rows={2} {...form.field('note')} />
      <Button type="submit" color="primary" size="sm" disabled={fetching}>
        {fetching ? copy.working : c.submit}
      </Button>
    </form>
  );
}

/** Annulla: with its reason, sent only after a dialog that says what is cancelled. */
function CancelForm({ meeting: m, onReload }: { meeting: Meeting; onReload: () => void }) {
  const c = copy.cancel;
  const form = useForm('annulla-incontro', ['reason'] as const, { reason: '' });
  const [confirming, setConfirming] = useState(false);
  const [{ fetching }, cancel] = useMutation(cancelMeetingMutation);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (form.check({ reason: form.values.reason.trim() ? undefined : c.missing })) setConfirming(true);
  }

  async function send() {
    const result = await cancel({ input: { meetingId: m.id, expectedVersion: m.version, reason: form.values.reason.trim() } });
    setConfirming(false);
    if (result.data) navigate(`${pathTo.meeting(m.id)}?annullato=1`, { replace: true });
    else form.fail(result.error, copy.conflict);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="annulla-incontro-titolo">
      <h2 id="annulla-incontro-titolo" className="h5">
        {c.heading}
      </h2>
      <FormFeedback message={form.message} onReload={onReload} />
      <TextAreaField label={c.reason} rows={2} required {...form.field('reason')} />
      <Button type="submit" color="danger" outline size="sm">
        {c.open}
      </Button>
      {confirming && (
        <Dialog
          role="alertdialog"
          title={c.dialogTitle}
          description={c.summary(m.title, formatDate(m.plannedOn), form.values.reason.trim())}
        >
          <ConfirmButtons label={c.confirm} working={fetching} onConfirm={() => void send()} onCancel={() => setConfirming(false)} />
        </Dialog>
      )}
    </form>
  );
}
