import { Badge, Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { CheckboxField } from '../../components/CheckboxField';
import { ConfirmButtons } from '../../components/ConfirmButtons';
import { Dialog } from '../../components/Dialog';
import { DialogOpener } from '../../components/DialogOpener';
import { DocumentsSection } from '../../components/documents/DocumentsSection';
import { FormFeedback } from '../../components/FormFeedback';
import { FormMessage } from '../../components/FormMessage';
import { LoadMore } from '../../components/LoadMore';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useCursorPages } from '../../components/useCursorPages';
import { useScrollToHash } from '../../router/router';
import { useForm } from '../../components/useForm';
import { graphql } from '../../gql';
import type {
  DiaryKind,
  DiaryParticipantRole,
  TimelineKind,
  DiaryEntryFieldsFragment,
  PersonTimelineQueryVariables,
  DiaryDialogOptionsQuery,
} from '../../gql/graphql';
import { errorMessage } from '../../graphql/errors';
import { diaryKindLabels, diaryParticipantRoleLabels, labelOptions, timelineKindLabels } from '../../i18n/enums';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useViewer } from '../../session/session';
import { diaryCopy as copy } from './diaryCopy';

export const diaryEntryFields = graphql(`
  fragment DiaryEntryFields on DiaryEntry {
    id
    version
    kind
    occurredAt
    durationMinutes
    place
    text
    followUpOn
    confidential
    editableUntil
    author {
      id
      displayName
    }
    participants {
      role
      description
      user {
        id
        displayName
      }
    }
    annotations {
      id
      text
      createdAt
      author {
        id
        displayName
      }
    }
    documents {
      id
    }
  }
`);

export const personTimelineQuery = graphql(`
  query PersonTimeline($id: ID!, $kinds: [TimelineKind!], $first: Int!, $after: String) {
    person(id: $id) {
      id
      timeline(first: $first, after: $after, kinds: $kinds) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          at
          kind
          code
          diaryEntry {
            ...DiaryEntryFields
          }
          referral {
            id
            team {
              id
              name
            }
          }
          assessment {
            id
          }
          project {
            id
            title
          }
          discharge {
            id
            ward
            hospital {
              id
              name
            }
          }
        }
      }
    }
  }
`);

export const projectDiaryQuery = graphql(`
  query ProjectDiary($id: ID!) {
    project(id: $id) {
      id
      diary(first: 100) {
        nodes {
          ...DiaryEntryFields
        }
      }
    }
  }
`);

/** What a new entry may name: the colleagues of the person's teams, and the person's records. */
export const diaryDialogOptionsQuery = graphql(`
  query DiaryDialogOptions($id: ID!) {
    person(id: $id) {
      id
      teams {
        id
        members {
          user {
            id
            displayName
          }
        }
      }
      projects {
        id
        title
      }
      referrals {
        id
        createdAt
        team {
          id
          name
        }
      }
      assessments(first: 50) {
        nodes {
          id
          date
        }
      }
      discharges {
        id
        ward
        hospital {
          id
          name
        }
      }
    }
  }
`);

export const writeDiaryEntryMutation = graphql(`
  mutation WriteDiaryEntry($input: WriteDiaryEntryInput!) {
    writeDiaryEntry(input: $input) {
      ...DiaryEntryFields
    }
  }
`);

export const editDiaryEntryMutation = graphql(`
  mutation EditDiaryEntry($input: EditDiaryEntryInput!) {
    editDiaryEntry(input: $input) {
      ...DiaryEntryFields
    }
  }
`);

export const annotateDiaryEntryMutation = graphql(`
  mutation AnnotateDiaryEntry($input: AnnotateDiaryEntryInput!) {
    annotateDiaryEntry(input: $input) {
      ...DiaryEntryFields
    }
  }
`);

// A constant: urql restarts a query whose context is a new object, on every render.
const context = { additionalTypenames: ['DiaryEntry', 'TimelineItem'] };

type Entry = DiaryEntryFieldsFragment;

/** Items of the timeline asked at a time ("Carica altri" asks the next). */
export const TIMELINE_PAGE = 20;

/** `YYYY-MM-DDTHH:mm` in the browser's time zone, as `datetime-local` takes it. */
export function localDateTime(instant: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}T${pad(instant.getHours())}:${pad(instant.getMinutes())}`;
}

/**
 * "Diario e cronologia" in the person's record: diary entries merged with
 * referrals, assessments, project steps and discharges, newest first,
 * filterable by kind; a new entry in two clicks.
 */
export function PersonDiary({ personId }: { personId: string }) {
  const [kind, setKind] = useState<TimelineKind | ''>('');
  const kinds = kind ? [kind] : null;
  const { cursors, last, loadMore } = useCursorPages(`${personId}:${kind}`);
  const variables = (after: string | null) => ({ id: personId, kinds, first: TIMELINE_PAGE, after });
  const [{ data, error }] = useQuery({ query: personTimelineQuery, variables: variables(null), context });
  const [lastPage] = useQuery({ query: personTimelineQuery, variables: variables(last), context });
  const total = data?.person?.timeline.totalCount ?? 0;
  const shown = (cursors.length - 1) * TIMELINE_PAGE + (lastPage.data?.person?.timeline.nodes.length ?? 0);
  const pageInfo = lastPage.data?.person?.timeline.pageInfo;
  useScrollToHash('scheda-diario', !!data);

  return (
    <section aria-labelledby="scheda-diario" className="ponte-section">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-3">
        <h2 id="scheda-diario" className="h4 mb-0" tabIndex={-1}>
          {copy.heading}
        </h2>
        <NewDiaryEntry personId={personId} />
      </div>
      <p className="mt-2">{copy.intro}</p>
      <SelectField
        id="diario-filtro"
        label={copy.filter}
        value={kind}
        onChange={(value) => setKind(value as TimelineKind | '')}
        options={[['', copy.everything], ...labelOptions(timelineKindLabels)]}
      />
      {error && <FormMessage kind="error">{errorMessage(error)}</FormMessage>}
      {data && total === 0 ? (
        <p>{copy.none}</p>
      ) : (
        <ol className="list-unstyled ponte-timeline" aria-label={copy.caption} data-testid="cronologia">
          {cursors.map((after) => (
            <TimelinePage key={after ?? 'inizio'} personId={personId} variables={variables(after)} />
          ))}
        </ol>
      )}
      {data && total > 0 && (
        <LoadMore
          shown={shown}
          total={total}
          summary={copy.summary}
          hasNextPage={!!pageInfo?.hasNextPage}
          fetching={lastPage.fetching}
          onLoadMore={() => loadMore(pageInfo?.endCursor)}
        />
      )}
    </section>
  );
}

/** One page of the timeline, as items of the list ("Carica altri" adds the next). */
function TimelinePage({ personId, variables }: { personId: string; variables: PersonTimelineQueryVariables }) {
  const [{ data }] = useQuery({ query: personTimelineQuery, variables, context });
  const items = data?.person?.timeline.nodes ?? [];
  return (
    <>
      {items.map((item, index) => (
        <li key={`${item.kind}-${item.at}-${index}`} className="border-bottom py-2" data-testid="evento-cronologia">
          <div className="d-flex flex-wrap gap-2 align-items-baseline">
            <strong>{formatDateTime(item.at)}</strong>
            <Badge color="secondary" pill>
              {timelineKindLabels[item.kind]}
            </Badge>
          </div>
          {item.diaryEntry ? (
            <DiaryEntryView entry={item.diaryEntry} personId={personId} />
          ) : (
            <p className="mb-0 text-break">
              {item.referral && copy.referral(item.referral.team?.name ?? '')}
              {item.assessment && copy.assessment}
              {item.project && copy.project(item.project.title)}
              {item.discharge && copy.discharge(item.discharge.hospital?.name ?? '', item.discharge.ward)}
            </p>
          )}
        </li>
      ))}
    </>
  );
}

/** The diary entries linked to a project, newest first, with a new entry on the project. */
export function ProjectDiary({ projectId, personId }: { projectId: string; personId: string }) {
  const [{ data, error }] = useQuery({ query: projectDiaryQuery, variables: { id: projectId }, context });
  const entries = data?.project?.diary.nodes ?? [];
  return (
    <section aria-labelledby="progetto-diario" className="ponte-section">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-3">
        <h2 id="progetto-diario" className="h4 mb-0">
          {copy.projectHeading}
        </h2>
        <NewDiaryEntry personId={personId} projectId={projectId} />
      </div>
      {error && <FormMessage kind="error">{errorMessage(error)}</FormMessage>}
      {data && entries.length === 0 ? (
        <p className="mt-2">{copy.noneInProject}</p>
      ) : (
        <ol className="list-unstyled" data-testid="diario-progetto">
          {entries.map((entry) => (
            <li key={entry.id} className="border-bottom py-2">
              <strong>{formatDateTime(entry.occurredAt)}</strong>
              <DiaryEntryView entry={entry} personId={personId} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** One entry as written, its annotations under it, and what the viewer may do with it (its files too). */
export function DiaryEntryView({ entry, personId, now = new Date() }: { entry: Entry; personId: string; now?: Date }) {
  const viewer = useViewer();
  const editable = entry.author?.id === viewer.id && new Date(entry.editableUntil) > now;
  const when = formatDateTime(entry.occurredAt);
  const others = entry.participants.map(
    (p) => p.user?.displayName ?? [p.role && diaryParticipantRoleLabels[p.role], p.description].filter(Boolean).join(': '),
  );
  return (
    <div data-testid="nota-diario" className="text-break">
      <p className="mb-1">
        <strong>{diaryKindLabels[entry.kind]}</strong>
        {entry.author && <span className="ponte-muted"> {copy.by(entry.author.displayName)}</span>}
        {entry.durationMinutes != null && <span> · {copy.minutes(entry.durationMinutes)}</span>}
        {entry.place && <span> · {entry.place}</span>}
        {entry.confidential && (
          <Badge color="danger" pill className="ms-2">
            {copy.confidentialBadge}
          </Badge>
        )}
      </p>
      {others.length > 0 && (
        <p className="mb-1 ponte-muted">
          {copy.participants}: {others.join(', ')}
        </p>
      )}
      <p className="mb-1" style={{ whiteSpace: 'pre-wrap' }}>
        {entry.text}
      </p>
      {entry.followUpOn && <p className="mb-1">{copy.followUpOn(formatDate(entry.followUpOn))}</p>}
      {entry.annotations.length > 0 && (
        <ul className="mb-1">
          {entry.annotations.map((a) => (
            <li key={a.id} data-testid="annotazione">
              <span className="ponte-muted">{copy.annotationBy(a.author?.displayName ?? '', formatDateTime(a.createdAt))}: </span>
              {a.text}
            </li>
          ))}
        </ul>
      )}
      <p className="mb-0">
        {editable ? (
          <>
            <span className="ponte-muted">{copy.editableUntil(formatDateTime(entry.editableUntil))}</span>
            <DialogOpener
              label={copy.edit}
              name={copy.editLabel(when)}
              dialog={(done, cancel) => <EntryDialog entry={entry} onDone={done} onCancel={cancel} />}
            />
          </>
        ) : (
          <DialogOpener
            label={copy.annotate}
            name={copy.annotateLabel(when)}
            dialog={(done, cancel) => <AnnotateDialog entry={entry} onDone={done} onCancel={cancel} />}
          />
        )}
        <DialogOpener
          label={copy.attachments(entry.documents.length)}
          name={copy.attachmentsLabel(when)}
          dialog={(_, close) => <AttachmentsDialog entry={entry} personId={personId} onClose={close} />}
        />
      </p>
    </div>
  );
}

/** "Nuova nota di diario": the button and its dialog. */
function NewDiaryEntry({ personId, projectId }: { personId: string; projectId?: string }) {
  return (
    <DialogOpener
      label={copy.newEntry}
      name={copy.newEntry}
      dialog={(done, cancel) => <EntryDialog personId={personId} projectId={projectId} onDone={done} onCancel={cancel} />}
    />
  );
}

const FIELDS = ['kind', 'occurredAt', 'durationMinutes', 'place', 'participants', 'text', 'followUpOn'] as const;
const ROLES = labelOptions(diaryParticipantRoleLabels);

/** Writing a new entry, or the author's change of theirs within 24 hours. */
function EntryDialog({
  entry,
  personId,
  projectId,
  onDone,
  onCancel,
}: {
  entry?: Entry;
  personId?: string;
  projectId?: string;
  onDone: (text: string) => void;
  onCancel: () => void;
}) {
  const prefix = entry ? `modifica-nota-${entry.id}` : 'nuova-nota';
  const form = useForm(prefix, FIELDS, {
    kind: entry?.kind ?? 'COLLOQUIO',
    occurredAt: localDateTime(entry ? new Date(entry.occurredAt) : new Date()),
    durationMinutes: entry?.durationMinutes != null ? String(entry.durationMinutes) : '',
    place: entry?.place ?? '',
    participants: entry?.participants.map((p) => p.description ?? '').find(Boolean) ?? '',
    text: entry?.text ?? '',
    followUpOn: entry?.followUpOn ?? '',
  });
  const [roles, setRoles] = useState<Set<DiaryParticipantRole>>(
    new Set((entry?.participants ?? []).flatMap((p) => (p.role ? [p.role] : []))),
  );
  const [confidential, setConfidential] = useState(entry?.confidential ?? false);
  const [users, setUsers] = useState<Set<string>>(new Set((entry?.participants ?? []).flatMap((p) => (p.user ? [p.user.id] : []))));
  const [search, setSearch] = useState('');
  const [link, setLink] = useState(projectId ? `projectId:${projectId}` : '');
  const [options] = useQuery({ query: diaryDialogOptionsQuery, variables: { id: personId ?? '' }, pause: !!entry || !personId });
  const viewer = useViewer();
  const known = new Map((entry?.participants ?? []).flatMap((p) => (p.user ? [[p.user.id, p.user.displayName] as const] : [])));
  for (const team of options.data?.person?.teams ?? [])
    for (const m of team.members) if (m.user && m.user.id !== viewer.id) known.set(m.user.id, m.user.displayName);
  const colleagues = [...known].filter(([, name]) => name.toLowerCase().includes(search.trim().toLowerCase()));
  const links = linkOptions(options.data?.person);
  const [{ fetching: writing }, write] = useMutation(writeDiaryEntryMutation);
  const [{ fetching: editing }, edit] = useMutation(editDiaryEntryMutation);
  const v = form.values;
  const title = entry ? copy.editTitle : copy.newEntryTitle;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = form.check({
      text: v.text.trim() ? undefined : copy.missingText,
      occurredAt: v.occurredAt ? undefined : copy.missingOccurredAt,
    });
    if (!ok) return;
    const description = v.participants.trim() || null;
    const others = [...roles].map((role, i) => ({ role, description: i === 0 ? description : null }));
    if (others.length === 0 && description) others.push({ role: 'OTHER', description });
    const participants = [...[...users].map((userId) => ({ userId })), ...others];
    const input = {
      kind: v.kind as DiaryKind,
      occurredAt: new Date(v.occurredAt).toISOString(),
      durationMinutes: v.durationMinutes.trim() ? Number(v.durationMinutes) : null,
      place: v.place.trim() || null,
      participants,
      text: v.text.trim(),
      followUpOn: v.followUpOn || null,
      confidential,
    };
    if (entry) {
      const result = await edit({ input: { entryId: entry.id, expectedVersion: entry.version, entry: input } }, context);
      if (result.data) onDone(copy.edited);
      else form.fail(result.error, copy.editConflict);
    } else {
      const [linkField, linkId] = link.split(':');
      const linked = { projectId: null, referralId: null, assessmentId: null, dischargeId: null, ...(link ? { [linkField]: linkId } : {}) };
      const result = await write({ input: { personId: personId ?? '', ...linked, entry: input } }, context);
      if (result.data) onDone(copy.written);
      else form.fail(result.error);
    }
  }

  return (
    <Dialog title={title} description={entry ? copy.editSummary : copy.newEntrySummary}>
      <form onSubmit={submit} noValidate aria-label={title}>
        <FormFeedback message={form.message} />
        <SelectField label={copy.kind} options={labelOptions(diaryKindLabels)} required {...form.field('kind')} />
        <TextField label={copy.occurredAt} type="datetime-local" required {...form.field('occurredAt')} />
        <TextField label={copy.duration} type="number" min={1} inputMode="numeric" {...form.field('durationMinutes')} />
        <TextField label={copy.place} {...form.field('place')} />
        <fieldset className="mb-3">
          <legend className="h6">{copy.participants}</legend>
          {ROLES.map(([role, label]) => (
            <CheckboxField
              key={role}
              id={`${prefix}-ruolo-${role}`}
              label={label}
              checked={roles.has(role)}
              onChange={(checked) => setRoles((current) => toggled(current, role, checked))}
            />
          ))}
          <TextField label={copy.participantsDescription} {...form.field('participants')} />
        </fieldset>
        {known.size > 0 && (
          <fieldset className="mb-3">
            <legend className="h6">{copy.colleagues}</legend>
            <TextField id={`${prefix}-cerca-colleghi`} label={copy.searchColleagues} value={search} onChange={setSearch} />
            {colleagues.map(([id, name]) => (
              <CheckboxField
                key={id}
                id={`${prefix}-collega-${id}`}
                label={name}
                checked={users.has(id)}
                onChange={(checked) => setUsers((current) => toggled(current, id, checked))}
              />
            ))}
          </fieldset>
        )}
        {!entry && links.length > 0 && (
          <SelectField
            id={`${prefix}-collegata`}
            label={copy.linkedTo}
            value={link}
            onChange={setLink}
            options={[['', copy.noLink], ...links]}
          />
        )}
        <TextAreaField label={copy.text} required {...form.field('text')} />
        <TextField label={copy.followUp} type="date" {...form.field('followUpOn')} />
        <CheckboxField id={`${prefix}-riservata`} label={copy.confidential} checked={confidential} onChange={setConfidential} />
        <ConfirmButtons label={copy.save} working={writing || editing} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}

/**
 * "Allegati": the entry's files, with upload, preview and delete (a
 * confidential entry's stay with it: the server lists and serves them only
 * to who reads the entry).
 */
function AttachmentsDialog({ entry, personId, onClose }: { entry: Entry; personId: string; onClose: () => void }) {
  return (
    <Dialog title={copy.attachmentsTitle} wide>
      <DocumentsSection subjectKind="DIARY_ENTRY" subjectId={entry.id} personId={personId} />
      <Button type="button" color="primary" outline onClick={onClose}>
        {copy.close}
      </Button>
    </Dialog>
  );
}

/** `set` with `item` in or out, as a new set (React state). */
function toggled<T>(set: Set<T>, item: T, present: boolean): Set<T> {
  const next = new Set(set);
  if (present) next.add(item);
  else next.delete(item);
  return next;
}

/** The person's records a new entry may be linked to, as `field:id` options of a select. */
function linkOptions(person: DiaryDialogOptionsQuery['person'] | undefined): Array<[string, string]> {
  if (!person) return [];
  return [
    ...person.projects.map((p): [string, string] => [`projectId:${p.id}`, copy.project(p.title)]),
    ...person.referrals.map((r): [string, string] => [`referralId:${r.id}`, copy.referralOn(r.team?.name ?? '', formatDate(r.createdAt))]),
    ...person.assessments.nodes.map((a): [string, string] => [`assessmentId:${a.id}`, copy.assessmentOn(formatDate(a.date))]),
    ...person.discharges.map((d): [string, string] => [`dischargeId:${d.id}`, copy.discharge(d.hospital?.name ?? '', d.ward)]),
  ];
}

/** "Annota": a correction or addition; the entry stays as written. */
function AnnotateDialog({ entry, onDone, onCancel }: { entry: Entry; onDone: (text: string) => void; onCancel: () => void }) {
  const form = useForm(`annota-${entry.id}`, ['text'] as const, { text: '' });
  const [{ fetching }, annotate] = useMutation(annotateDiaryEntryMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const text = form.values.text.trim();
    if (!form.check({ text: text ? undefined : copy.missingAnnotation })) return;
    const result = await annotate({ input: { entryId: entry.id, text } }, context);
    if (result.data) onDone(copy.annotated);
    else form.fail(result.error);
  }

  return (
    <Dialog title={copy.annotateTitle} description={copy.annotateSummary}>
      <form onSubmit={submit} noValidate aria-label={copy.annotateTitle}>
        <FormFeedback message={form.message} />
        <TextAreaField label={copy.annotation} required {...form.field('text')} />
        <ConfirmButtons label={copy.annotate} working={fetching} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
