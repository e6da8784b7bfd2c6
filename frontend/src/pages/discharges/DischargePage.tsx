import { DocumentsSection } from '../../components/documents/DocumentsSection';
import { Badge, Button } from 'design-react-kit';
import { useCallback, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import { Definitions } from '../../components/Definitions';
import { FormFeedback } from '../../components/FormFeedback';
import { CheckboxField } from '../../components/CheckboxField';
import { FormMessage } from '../../components/FormMessage';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RecordUnavailable } from '../../components/RecordUnavailable';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useForm } from '../../components/useForm';
import { graphql } from '../../gql';
import type { CancelReason, CareSetting, DischargeAction, DischargeDetailQuery, DischargeNeed, DischargeStatus } from '../../gql/graphql';
import {
  cancelReasonLabels,
  careSettingLabels,
  dischargeNeedLabels,
  dischargeStatusLabels,
  labelOptions,
  projectKindLabels,
  projectStatusLabels,
  sexLabels,
} from '../../i18n/enums';
import { formatDate, formatDateTime, todayIso } from '../../i18n/format';
import { commonCopy } from '../../i18n/it';
import { paths, pathTo } from '../../routes';
import { useLocation } from '../../router/router';
import { myTeamsQuery } from '../persons/NewPersonPage';
import { dischargeCopy as copy } from './copy';
import { completionNeeds, orderedNeeds } from './protocol';
import { personName } from '../../i18n/names';

// A constant: urql restarts a query whose context is a new object, on every render.
const context = { additionalTypenames: ['Discharge'] };

export const dischargeDetailQuery = graphql(`
  query DischargeDetail($id: ID!) {
    discharge(id: $id) {
      id
      version
      status
      ward
      admittedOn
      expectedDischargeOn
      needs
      notes
      reportedAt
      assessmentScheduledOn
      dischargeableOn
      dischargedOn
      destination
      cancelReason
      cancelNote
      overdue
      allowedActions
      patient {
        fiscalCode
        givenName
        familyName
        birthDate
        sex
      }
      person {
        id
      }
      hospital {
        id
        name
      }
      receivingTeam {
        id
        name
        kind
      }
      reportedBy {
        id
        displayName
      }
      planNeeds
      planNote
      plan {
        destination
        agreedOn
        agreedBy {
          id
          displayName
        }
        assessment {
          id
          date
          signedAt
        }
      }
      project {
        id
        title
        kind
        status
      }
      suggestedProject {
        personId
        kind
        teamId
        title
        startDate
      }
    }
  }
`);

graphql(`
  fragment DischargeChange on Discharge {
    id
    version
    status
    allowedActions
  }
`);

export const updateDischargeMutation = graphql(`
  mutation UpdateDischarge($input: UpdateDischargeInput!) {
    updateDischarge(input: $input) {
      ...DischargeChange
    }
  }
`);

export const markDischargeableMutation = graphql(`
  mutation MarkDischargeable($input: MarkDischargeableInput!) {
    markDischargeable(input: $input) {
      ...DischargeChange
    }
  }
`);

export const agreeDischargePlanMutation = graphql(`
  mutation AgreeDischargePlan($input: AgreeDischargePlanInput!) {
    agreeDischargePlan(input: $input) {
      ...DischargeChange
    }
  }
`);

export const completeDischargeMutation = graphql(`
  mutation CompleteDischarge($input: CompleteDischargeInput!) {
    completeDischarge(input: $input) {
      ...DischargeChange
    }
  }
`);

export const cancelDischargeMutation = graphql(`
  mutation CancelDischarge($input: CancelDischargeInput!) {
    cancelDischarge(input: $input) {
      ...DischargeChange
    }
  }
`);

type Discharge = NonNullable<DischargeDetailQuery['discharge']>;

const STEPS: DischargeStatus[] = ['REPORTED', 'ASSESSMENT_SCHEDULED', 'PLAN_AGREED', 'DISCHARGED'];

/** Dimissione protetta: the patient, the stay and its dates, the plan, and the next steps. */
export function DischargePage({ id }: { id: string }) {
  const { search } = useLocation();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: dischargeDetailQuery, variables: { id }, context });
  const [teams] = useQuery({ query: myTeamsQuery });
  const reload = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);

  if (fetching && !data) return <Loading />;
  if (error || !data?.discharge) return <RecordUnavailable error={error} copy={copy} back={{ href: paths.discharges, label: copy.back }} />;
  const d = data.discharge;
  const name = d.patient ? personName(d.patient, 'text') : '—';
  const inTeam = !!d.receivingTeam && (teams.data?.teams.nodes ?? []).some((t) => t.id === d.receivingTeam?.id);
  // The workflow is the server's: it lists the steps allowed from here (and still checks who takes them).
  const can = (action: DischargeAction) => d.allowedActions.includes(action);
  // A discharge that allows no step is discharged or cancelled: its dates and notes no longer change either.
  const open = d.allowedActions.length > 0;
  // Until the plan is agreed the UVM assessment can be scheduled, or moved.
  const canSchedule = can('SCHEDULE_ASSESSMENT') || can('AGREE_PLAN');

  return (
    <>
      <PageHeading title={copy.title(name)} />
      <p>
        <a href={paths.discharges}>{copy.back}</a>
      </p>
      {search.get('segnalata') && <FormMessage kind="success">{copy.reported}</FormMessage>}
      <p className="d-flex flex-wrap align-items-center gap-2" data-testid="stato-dimissione">
        {copy.status}:{' '}
        <Badge color={d.status === 'CANCELLED' ? 'secondary' : d.status === 'DISCHARGED' ? 'success' : 'primary'} pill>
          {dischargeStatusLabels[d.status]}
        </Badge>
        {d.overdue && (
          <Badge color="danger" pill className="ponte-badge-over">
            {copy.overdue}
          </Badge>
        )}
      </p>
      <Steps status={d.status} />

      <div className="row g-5">
        <div className="col-12 col-xl-6">
          <Patient discharge={d} name={name} />
          <Stay discharge={d} />
        </div>
        <div className="col-12 col-xl-6">
          <Plan discharge={d} />
          {d.suggestedProject && inTeam && (
            <section aria-labelledby="dimissione-suggerito" className="ponte-section ponte-callout">
              <h2 id="dimissione-suggerito" className="h4">
                {copy.suggested.heading}
              </h2>
              <p>{copy.suggested.text(d.suggestedProject.title)}</p>
              <a
                className="btn btn-primary"
                href={pathTo.newProject(d.suggestedProject.personId, {
                  tipo: d.suggestedProject.kind,
                  equipe: d.suggestedProject.teamId,
                  titolo: d.suggestedProject.title,
                  inizio: d.suggestedProject.startDate,
                })}
              >
                {copy.suggested.open}
              </a>
            </section>
          )}
        </div>
      </div>

      {open && (
        <section aria-labelledby="dimissione-azioni" className="ponte-section">
          <h2 id="dimissione-azioni" className="h4">
            {copy.actions}
          </h2>
          <div className="row g-4">
            {canSchedule && (
              <Action>
                <ScheduleForm discharge={d} onReload={reload} />
              </Action>
            )}
            <Action>
              <ExpectedDateForm discharge={d} onReload={reload} />
            </Action>
            <Action>
              <DischargeableForm discharge={d} onReload={reload} />
            </Action>
            {can('AGREE_PLAN') &&
              (inTeam ? (
                <Action>
                  <AgreePlanForm discharge={d} onReload={reload} />
                </Action>
              ) : (
                <Action>
                  <h3 className="h5">{copy.agree.heading}</h3>
                  <p>{copy.agree.teamOnly}</p>
                </Action>
              ))}
            {can('COMPLETE') && (
              <Action>
                <CompleteForm discharge={d} onReload={reload} />
              </Action>
            )}
            {can('CANCEL') && (
              <Action>
                <CancelForm discharge={d} onReload={reload} />
              </Action>
            )}
          </div>
        </section>
      )}
      {/* For the receiving team, who read the person's record; the ward sees none. */}
      {inTeam && <DocumentsSection subjectKind="DISCHARGE" subjectId={d.id} />}
    </>
  );
}

function Action({ children }: { children: ReactNode }) {
  return (
    <div className="col-12 col-lg-6">
      <div className="ponte-subform h-100">{children}</div>
    </div>
  );
}

function Steps({ status }: { status: DischargeStatus }) {
  if (status === 'CANCELLED') return null;
  const current = STEPS.indexOf(status);
  return (
    <ol className="ponte-steps" aria-label={copy.steps}>
      {STEPS.map((step, i) => (
        <li
          key={step}
          className={i < current ? 'done' : i === current ? 'current' : undefined}
          aria-current={i === current ? 'step' : undefined}
        >
          {dischargeStatusLabels[step]}
          {i < current && <span className="visually-hidden"> ({copy.stepDone})</span>}
        </li>
      ))}
    </ol>
  );
}

function Patient({ discharge: d, name }: { discharge: Discharge; name: string }) {
  const c = copy.patient;
  return (
    <section aria-labelledby="dimissione-paziente" className="ponte-section">
      <h2 id="dimissione-paziente" className="h4">
        {c.heading}
      </h2>
      {d.patient && (
        <Definitions
          testId="paziente"
          rows={[
            [c.name, personName(d.patient, 'text')],
            [c.fiscalCode, d.patient.fiscalCode ? <span className="font-monospace">{d.patient.fiscalCode}</span> : '—'],
            [c.birthDate, formatDate(d.patient.birthDate)],
            [c.sex, sexLabels[d.patient.sex]],
          ]}
        />
      )}
      {d.person ? (
        <p className="mt-2">
          <a href={pathTo.person(d.person.id)}>{c.record(name)}</a>
        </p>
      ) : (
        <p className="mt-2 ponte-muted">{c.noRecord}</p>
      )}
    </section>
  );
}

function Stay({ discharge: d }: { discharge: Discharge }) {
  const c = copy.stay;
  const rows: Array<[string, ReactNode]> = [
    [c.hospital, `${d.hospital?.name ?? '—'} – ${d.ward}`],
    [c.admittedOn, formatDate(d.admittedOn)],
    [c.expected, formatDate(d.expectedDischargeOn)],
    [c.assessment, d.assessmentScheduledOn ? formatDate(d.assessmentScheduledOn) : '—'],
    [c.dischargeable, d.dischargeableOn ? formatDate(d.dischargeableOn) : '—'],
  ];
  if (d.dischargedOn) rows.push([c.discharged, formatDate(d.dischargedOn)]);
  if (d.destination) rows.push([c.destination, careSettingLabels[d.destination]]);
  if (d.cancelReason) rows.push([c.cancelled, `${cancelReasonLabels[d.cancelReason]}${d.cancelNote ? ` – ${d.cancelNote}` : ''}`]);
  rows.push([c.team, d.receivingTeam?.name ?? '—']);
  rows.push([c.reportedBy, `${d.reportedBy?.displayName ?? '—'}, ${formatDateTime(d.reportedAt)}`]);
  return (
    <section aria-labelledby="dimissione-ricovero" className="ponte-section">
      <h2 id="dimissione-ricovero" className="h4">
        {c.heading}
      </h2>
      <Definitions rows={rows} testId="ricovero" />
      <h3 className="h5 mt-4">{copy.needs}</h3>
      <p data-testid="bisogni">{d.needs ?? '—'}</p>
      {d.notes && (
        <>
          <h3 className="h5">{copy.notes}</h3>
          <p>{d.notes}</p>
        </>
      )}
    </section>
  );
}

function Plan({ discharge: d }: { discharge: Discharge }) {
  const c = copy.plan;
  return (
    <section aria-labelledby="dimissione-piano" className="ponte-section">
      <h2 id="dimissione-piano" className="h4">
        {c.heading}
      </h2>
      {d.plan ? (
        <>
          <Definitions
            testId="piano"
            rows={[
              [c.destination, careSettingLabels[d.plan.destination]],
              [
                c.needs,
                d.planNeeds.length > 0 ? (
                  <ul className="mb-0 ps-3" data-testid="bisogni-piano">
                    {d.planNeeds.map((need) => (
                      <li key={need}>{dischargeNeedLabels[need]}</li>
                    ))}
                  </ul>
                ) : (
                  '—'
                ),
              ],
              [c.note, d.planNote ?? '—'],
              [
                c.assessment,
                d.plan.assessment ? (
                  <a href={pathTo.assessment(d.plan.assessment.id)}>
                    {c.assessmentOf(formatDate(d.plan.assessment.date), !!d.plan.assessment.signedAt)}
                  </a>
                ) : (
                  c.noAssessment
                ),
              ],
            ]}
          />
          <p className="ponte-muted small mt-2">{c.agreedOn(formatDate(d.plan.agreedOn), d.plan.agreedBy?.displayName ?? null)}</p>
        </>
      ) : (
        <p>{c.none}</p>
      )}
      {d.project && (
        <p data-testid="progetto-collegato">
          {c.project}{' '}
          <a href={pathTo.project(d.project.id)}>
            {projectKindLabels[d.project.kind]} «{d.project.title}» ({projectStatusLabels[d.project.status]})
          </a>
        </p>
      )}
    </section>
  );
}

interface FormProps {
  discharge: Discharge;
  onReload: () => void;
}

function ScheduleForm({ discharge: d, onReload }: FormProps) {
  const c = copy.schedule;
  const form = useForm('valutazione-uvm', ['date'] as const, { date: d.assessmentScheduledOn ?? '' });
  const [{ fetching }, update] = useMutation(updateDischargeMutation);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form.check({ date: form.values.date ? undefined : c.missing })) return;
    const result = await update({ input: { dischargeId: d.id, expectedVersion: d.version, assessmentScheduledOn: form.values.date } });
    if (result.data) form.done(c.done, form.values);
    else form.fail(result.error, copy.conflict);
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="valutazione-uvm-titolo">
      <h3 id="valutazione-uvm-titolo" className="h5">
        {c.heading}
      </h3>
      <FormFeedback message={form.message} onReload={onReload} />
      <TextField label={c.date} type="date" required {...form.field('date')} />
      <Button type="submit" color="primary" size="sm" disabled={fetching}>
        {fetching ? copy.working : c.submit}
      </Button>
    </form>
  );
}

function ExpectedDateForm({ discharge: d, onReload }: FormProps) {
  const c = copy.expected;
  const form = useForm('data-prevista', ['date'] as const, { date: d.expectedDischargeOn });
  const [{ fetching }, update] = useMutation(updateDischargeMutation);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form.check({ date: form.values.date ? undefined : c.missing })) return;
    const result = await update({ input: { dischargeId: d.id, expectedVersion: d.version, expectedDischargeOn: form.values.date } });
    if (result.data) form.done(c.done, form.values);
    else form.fail(result.error, copy.conflict);
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="data-prevista-titolo">
      <h3 id="data-prevista-titolo" className="h5">
        {c.heading}
      </h3>
      <FormFeedback message={form.message} onReload={onReload} />
      <TextField label={c.date} hint={c.hint} type="date" min={d.admittedOn} required {...form.field('date')} />
      <Button type="submit" color="primary" size="sm" outline disabled={fetching}>
        {fetching ? copy.working : c.submit}
      </Button>
    </form>
  );
}

function DischargeableForm({ discharge: d, onReload }: FormProps) {
  const c = copy.dischargeable;
  const form = useForm('dimissibile', ['date'] as const, { date: d.dischargeableOn ?? todayIso() });
  const [{ fetching }, mark] = useMutation(markDischargeableMutation);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form.check({ date: form.values.date ? undefined : c.missing })) return;
    const result = await mark({ input: { dischargeId: d.id, expectedVersion: d.version, date: form.values.date } });
    if (result.data) form.done(c.done, form.values);
    else form.fail(result.error, copy.conflict);
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="dimissibile-titolo">
      <h3 id="dimissibile-titolo" className="h5">
        {c.heading}
      </h3>
      <FormFeedback message={form.message} onReload={onReload} />
      <TextField label={c.date} type="date" min={d.admittedOn} max={todayIso()} required {...form.field('date')} />
      <Button type="submit" color="primary" size="sm" outline disabled={fetching}>
        {fetching ? copy.working : c.submit}
      </Button>
    </form>
  );
}

function AgreePlanForm({ discharge: d, onReload }: FormProps) {
  const c = copy.agree;
  // `needs` and `assessmentId` only carry the server's messages: the needs are checkboxes, the assessment is the one recorded for the discharge.
  const form = useForm('piano', ['destination', 'needs', 'note', 'assessmentId'] as const, {
    destination: '',
    needs: '',
    note: '',
    assessmentId: '',
  });
  const [needs, setNeeds] = useState<DischargeNeed[]>([]);
  const [{ fetching }, agree] = useMutation(agreeDischargePlanMutation);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form.check({ destination: form.values.destination ? undefined : c.missing })) return;
    const result = await agree({
      input: {
        dischargeId: d.id,
        expectedVersion: d.version,
        destination: form.values.destination as CareSetting,
        needs: orderedNeeds(needs),
        note: form.values.note.trim() || null,
      },
    });
    if (result.data) {
      setNeeds([]);
      form.done(c.done);
    } else form.fail(result.error, copy.conflict);
  }
  const toggle = (need: DischargeNeed) => (checked: boolean) =>
    setNeeds((current) => (checked ? [...current, need] : current.filter((n) => n !== need)));
  return (
    <form onSubmit={submit} noValidate aria-labelledby="piano-titolo">
      <h3 id="piano-titolo" className="h5">
        {c.heading}
      </h3>
      <FormFeedback message={form.message} onReload={onReload} />
      <SelectField
        label={c.destination}
        options={labelOptions(careSettingLabels)}
        placeholder={commonCopy.choose}
        required
        {...form.field('destination')}
      />
      <fieldset className="mb-3" id="piano-needs" tabIndex={-1} aria-describedby={form.errors.needs ? 'piano-needs-errore' : undefined}>
        <legend className="h6">{c.needs}</legend>
        {labelOptions(dischargeNeedLabels).map(([need, label]) => (
          <CheckboxField key={need} id={`piano-bisogno-${need}`} label={label} checked={needs.includes(need)} onChange={toggle(need)} />
        ))}
        {form.errors.needs && (
          <div id="piano-needs-errore" className="invalid-feedback d-block">
            {form.errors.needs}
          </div>
        )}
      </fieldset>
      <TextAreaField label={`${c.note} ${commonCopy.optional}`} hint={c.noteHint} rows={2} {...form.field('note')} />
      <p id="piano-assessmentId" tabIndex={-1} className={form.errors.assessmentId ? 'text-danger' : 'ponte-muted small'}>
        {form.errors.assessmentId ?? c.assessmentHint}
      </p>
      <Button type="submit" color="primary" size="sm" disabled={fetching}>
        {fetching ? copy.working : c.submit}
      </Button>
    </form>
  );
}

function CompleteForm({ discharge: d, onReload }: FormProps) {
  const c = copy.complete;
  // Named as the server names them, so that its refusals show at their field.
  const form = useForm('dimessa', ['dischargedOn', 'destination', 'dischargeableOn', 'assessmentId'] as const, {
    dischargedOn: todayIso(),
    destination: d.plan?.destination ?? '',
    dischargeableOn: '',
    assessmentId: '',
  });
  const [{ fetching }, complete] = useMutation(completeDischargeMutation);
  const destination = form.values.destination as CareSetting | '';
  const needs = completionNeeds(destination || null, { hasPlan: !!d.plan, dischargeableOn: d.dischargeableOn ?? null });
  async function submit(event: FormEvent) {
    event.preventDefault();
    const v = form.values;
    if (
      !form.check({
        dischargedOn: v.dischargedOn ? undefined : c.missing.date,
        destination: v.destination ? undefined : c.missing.destination,
      })
    )
      return;
    const result = await complete({
      input: { dischargeId: d.id, expectedVersion: d.version, dischargedOn: v.dischargedOn, destination: v.destination as CareSetting },
    });
    if (result.data) form.done(c.done, v);
    else form.fail(result.error, copy.conflict);
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="dimessa-titolo">
      <h3 id="dimessa-titolo" className="h5">
        {c.heading}
      </h3>
      <FormFeedback message={form.message} onReload={onReload} />
      <TextField
        label={c.date}
        type="date"
        min={d.dischargeableOn ?? d.admittedOn}
        max={todayIso()}
        required
        {...form.field('dischargedOn')}
      />
      <SelectField
        label={c.destination}
        options={labelOptions(careSettingLabels)}
        placeholder={commonCopy.choose}
        required
        {...form.field('destination')}
      />
      {needs.length > 0 && (
        <ul className="ponte-muted small" data-testid="dimissione-requisiti">
          {needs.map((need) => (
            <li key={need}>{c.needs[need]}</li>
          ))}
        </ul>
      )}
      {(['dischargeableOn', 'assessmentId'] as const).map(
        (field) =>
          form.errors[field] && (
            <p key={field} id={`dimessa-${field}`} tabIndex={-1} className="text-danger">
              {form.errors[field]}
            </p>
          ),
      )}
      <Button type="submit" color="primary" size="sm" disabled={fetching}>
        {fetching ? copy.working : c.submit}
      </Button>
    </form>
  );
}

function CancelForm({ discharge: d, onReload }: FormProps) {
  const c = copy.cancel;
  const form = useForm('annulla', ['reason', 'note'] as const, { reason: '', note: '' });
  const [{ fetching }, cancel] = useMutation(cancelDischargeMutation);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form.check({ reason: form.values.reason ? undefined : c.missing })) return;
    const result = await cancel({
      input: {
        dischargeId: d.id,
        expectedVersion: d.version,
        reason: form.values.reason as CancelReason,
        note: form.values.note.trim() || null,
      },
    });
    if (result.data) form.done(c.done);
    else form.fail(result.error, copy.conflict);
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="annulla-titolo">
      <h3 id="annulla-titolo" className="h5">
        {c.heading}
      </h3>
      <FormFeedback message={form.message} onReload={onReload} />
      <SelectField
        label={c.reason}
        options={labelOptions(cancelReasonLabels)}
        placeholder={commonCopy.choose}
        required
        {...form.field('reason')}
      />
      <TextField label={`${c.note} ${commonCopy.optional}`} {...form.field('note')} />
      <Button type="submit" color="danger" size="sm" outline disabled={fetching}>
        {fetching ? copy.working : c.submit}
      </Button>
    </form>
  );
}
