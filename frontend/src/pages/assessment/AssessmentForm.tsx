import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { CombinedError } from 'urql';
import { CheckboxField } from '../../components/CheckboxField';
import { FormMessage } from '../../components/FormMessage';
import { RadioGroup } from '../../components/RadioGroup';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import type {
  AssessmentReason,
  AssessmentSetting,
  Education,
  Instrument,
  InstrumentAnswersInput,
  NeedLevel,
  Profession,
  CareSetting,
  SocialDomain,
  SocialDomainInput,
} from '../../gql/graphql';
import { codeOf, formErrors } from '../../graphql/errors';
import {
  assessmentReasonLabels,
  assessmentSettingLabels,
  educationLabels,
  labelOptions,
  needLevelLabels,
  professionLabels,
  careSettingLabels,
  socialDomainLabels,
  teamKindLabels,
} from '../../i18n/enums';
import { todayIso } from '../../i18n/format';
import { commonCopy } from '../../i18n/it';
import { assessmentCopy } from './copy';
import type { InstrumentDefinition } from './instruments';
import { liveScore, type Answers } from './scoring';

const copy = assessmentCopy.form;
/** Options this short sit side by side (SPMSQ's "Risposta corretta" / "Errore"). */
const SHORT_OPTION = 24;

export interface AssessingTeam {
  id: string;
  name: string;
  kind: keyof typeof teamKindLabels;
  /** `organization`: the member's organization today, frozen with the profession when recorded. */
  members: Array<{ id: string; displayName: string; profession: Profession; organization?: string | null }>;
}

type Level = '' | '1' | '2' | '3';

export interface AssessmentValues {
  teamId: string;
  date: string;
  setting: AssessmentSetting | '';
  reason: AssessmentReason | '';
  participantIds: string[];
  answers: Partial<Record<Instrument, Answers>>;
  education: Partial<Record<Instrument, Education>>;
  socialDomains: Record<SocialDomain, { level: Level; note: string }>;
  needLevel: NeedLevel | '';
  recommendedSetting: CareSetting | '';
  notes: string;
  amendmentReason: string;
}

export function emptyAssessment(teamId = '', participantIds: string[] = []): AssessmentValues {
  return {
    teamId,
    date: todayIso(),
    setting: '',
    reason: '',
    participantIds,
    answers: {},
    education: {},
    socialDomains: {
      CAREGIVER_NETWORK: { level: '', note: '' },
      HOUSING: { level: '', note: '' },
      ECONOMIC: { level: '', note: '' },
    },
    needLevel: '',
    recommendedSetting: '',
    notes: '',
    amendmentReason: '',
  };
}

/** The content the server wants (without person, team and assessment ids). */
export interface AssessmentContent {
  date: string;
  setting: AssessmentSetting;
  reason: AssessmentReason;
  participantIds: string[];
  instruments: InstrumentAnswersInput[];
  socialDomains: SocialDomainInput[];
  needLevel: NeedLevel;
  recommendedSetting: CareSetting;
  notes: string | null;
}

/** Whether any item of the instrument has an answer, or its education is set. */
function started(values: AssessmentValues, code: Instrument): boolean {
  return Object.values(values.answers[code] ?? {}).some((v) => v !== undefined) || !!values.education[code];
}

/** The form's values as the mutation's input: only the instruments started, only the domains rated. */
export function toAssessmentContent(values: AssessmentValues, instruments: InstrumentDefinition[]): AssessmentContent {
  return {
    date: values.date,
    setting: values.setting as AssessmentSetting,
    reason: values.reason as AssessmentReason,
    participantIds: values.participantIds,
    instruments: instruments
      .filter((d) => started(values, d.code))
      .map((d) => ({
        instrument: d.code,
        answers: d.items
          .filter((item) => values.answers[d.code]?.[item.code] !== undefined)
          .map((item) => ({ item: item.code, value: values.answers[d.code]?.[item.code] as number })),
        education: d.usesEducation ? (values.education[d.code] ?? null) : null,
      })),
    socialDomains: (Object.keys(values.socialDomains) as SocialDomain[])
      .filter((domain) => values.socialDomains[domain].level)
      .map((domain) => ({
        domain,
        level: Number(values.socialDomains[domain].level),
        note: values.socialDomains[domain].note.trim() || null,
      })),
    needLevel: values.needLevel as NeedLevel,
    recommendedSetting: values.recommendedSetting as CareSetting,
    notes: values.notes.trim() || null,
  };
}

const FIELDS = [
  'amendmentReason',
  'teamId',
  'date',
  'setting',
  'reason',
  'participantIds',
  'needLevel',
  'recommendedSetting',
  'notes',
] as const;
type Field = (typeof FIELDS)[number];

export interface AssessmentFormErrors {
  fields: Partial<Record<Field, string>>;
  instruments: Partial<Record<Instrument, string>>;
  /** The items of a started instrument still without an answer, marked one by one. */
  missingItems?: Partial<Record<Instrument, string[]>>;
  general?: string;
}

/**
 * Spreads the server's answer over the form: `instruments[i].…` errors go to
 * the i-th instrument sent, the named fields by their field, the rest on top.
 */
export function assessmentErrors(error: CombinedError, sent: AssessmentContent): AssessmentFormErrors {
  const instruments: Partial<Record<Instrument, string>> = {};
  const rest = error.graphQLErrors.filter((e) => {
    const field = typeof e.extensions?.field === 'string' ? e.extensions.field.replace(/^input\./, '') : '';
    const match = /^instruments\[(\d+)\]/.exec(field);
    const code = match ? sent.instruments[Number(match[1])]?.instrument : undefined;
    if (codeOf(e) === 'VALIDATION' && code) {
      instruments[code] ??= e.message;
      return false;
    }
    return true;
  });
  if (rest.length === 0 && !error.networkError) return { fields: {}, instruments };
  const mapped = formErrors(new CombinedError({ graphQLErrors: rest, networkError: error.networkError }), FIELDS);
  return { fields: mapped.fields, instruments, general: mapped.general };
}

export interface AssessmentFormProps {
  instruments: InstrumentDefinition[];
  teams: AssessingTeam[];
  /** A correction: asks for its reason; the team stays the one of the corrected assessment. */
  amendment?: boolean;
  /** The team of an assessment already recorded (a draft edited, a correction): shown, not chosen. */
  lockTeam?: boolean;
  initial: AssessmentValues;
  submitLabel: string;
  submittingLabel: string;
  /** Sends the content; answers the errors to show, or nothing when it went through. */
  onSubmit: (values: AssessmentValues, content: AssessmentContent) => Promise<AssessmentFormErrors | undefined>;
  onCancel?: () => void;
  cancelLabel?: string;
}

/**
 * The UVM assessment form, rendered entirely from the instrument definitions
 * of the `instruments` query: an item is a radio group of its options, an
 * instrument that uses education asks for it, and the score and band are
 * shown live from the definition (the server's score is the one saved).
 */
export function AssessmentForm({
  instruments,
  teams,
  amendment = false,
  lockTeam = false,
  initial,
  submitLabel,
  submittingLabel,
  onSubmit,
  onCancel,
  cancelLabel,
}: AssessmentFormProps) {
  const [values, setValues] = useState<AssessmentValues>(initial);
  const [errors, setErrors] = useState<AssessmentFormErrors>({ fields: {}, instruments: {} });
  const [submitting, setSubmitting] = useState(false);
  // Each instrument is a section opened on demand (the form was 7,300 px long);
  // those already started, as in a draft being edited, start open.
  const [opened, setOpened] = useState<ReadonlySet<Instrument>>(
    () => new Set(instruments.filter((d) => started(initial, d.code)).map((d) => d.code)),
  );
  const team = teams.find((t) => t.id === values.teamId);

  function setField<K extends keyof AssessmentValues>(field: K, value: AssessmentValues[K]) {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, fields: { ...e.fields, [field]: undefined } }));
  }

  function answer(code: Instrument, item: string, value: number) {
    setValues((v) => ({ ...v, answers: { ...v.answers, [code]: { ...v.answers[code], [item]: value } } }));
    setErrors((e) => ({
      ...e,
      instruments: { ...e.instruments, [code]: undefined },
      missingItems: { ...e.missingItems, [code]: e.missingItems?.[code]?.filter((i) => i !== item) },
    }));
  }

  function localErrors(): AssessmentFormErrors {
    const fields: AssessmentFormErrors['fields'] = {};
    const byInstrument: AssessmentFormErrors['instruments'] = {};
    const missingItems: NonNullable<AssessmentFormErrors['missingItems']> = {};
    if (amendment && !values.amendmentReason.trim()) fields.amendmentReason = copy.missing.amendmentReason;
    if (!values.teamId) fields.teamId = copy.missing.teamId;
    if (!values.date) fields.date = copy.missing.date;
    else if (values.date > todayIso()) fields.date = copy.missing.future;
    if (!values.setting) fields.setting = copy.missing.setting;
    if (!values.reason) fields.reason = copy.missing.reason;
    if (values.participantIds.length === 0) fields.participantIds = copy.missing.participantIds;
    if (!values.needLevel) fields.needLevel = copy.missing.needLevel;
    if (!values.recommendedSetting) fields.recommendedSetting = copy.missing.recommendedSetting;
    for (const definition of instruments) {
      if (!started(values, definition.code)) continue;
      const live = liveScore(definition, values.answers[definition.code] ?? {}, values.education[definition.code]);
      if (!live.complete) {
        byInstrument[definition.code] = copy.incomplete(live.items - live.answered);
        missingItems[definition.code] = definition.items
          .filter((item) => values.answers[definition.code]?.[item.code] === undefined)
          .map((item) => item.code);
      } else if (live.needsEducation) byInstrument[definition.code] = copy.educationMissing;
    }
    return { fields, instruments: byInstrument, missingItems };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local = localErrors();
    if (Object.values(local.fields).some(Boolean) || Object.values(local.instruments).some(Boolean)) {
      setErrors({ ...local, general: copy.checkErrors });
      openWithErrors(local);
      focusFirstError(local, instruments);
      return;
    }
    setSubmitting(true);
    const problems = await onSubmit(values, toAssessmentContent(values, instruments));
    setSubmitting(false);
    if (problems) {
      setErrors(problems);
      openWithErrors(problems);
      focusFirstError(problems, instruments);
    }
  }

  /** Opens the sections of the instruments an error is about, synchronously, so the focus can reach them. */
  function openWithErrors(found: AssessmentFormErrors) {
    const codes = instruments.filter((d) => found.instruments[d.code]).map((d) => d.code);
    if (codes.length > 0) flushSync(() => setOpened((o) => new Set([...o, ...codes])));
  }

  const memberOptions = team?.members ?? [];

  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel}>
      <div aria-live="polite">{errors.general && <FormMessage kind="error">{errors.general}</FormMessage>}</div>

      {amendment && (
        <TextAreaField
          id="valutazione-amendmentReason"
          label={copy.amendmentReason}
          hint={copy.amendmentReasonHint}
          rows={2}
          value={values.amendmentReason}
          onChange={(v) => setField('amendmentReason', v)}
          error={errors.fields.amendmentReason}
          required
        />
      )}

      <fieldset className="ponte-fieldset">
        <legend className="h4">{copy.general}</legend>
        <div className="row">
          <div className="col-12 col-lg-6">
            <SelectField
              id="valutazione-teamId"
              label={copy.team}
              hint={copy.teamHint}
              value={values.teamId}
              onChange={(v) => {
                setField('teamId', v);
                const members = teams.find((t) => t.id === v)?.members ?? [];
                setField(
                  'participantIds',
                  values.participantIds.filter((id) => members.some((m) => m.id === id)),
                );
              }}
              options={teams.map((t) => [t.id, `${t.name} (${teamKindLabels[t.kind]})`] as const)}
              placeholder={teams.length === 1 ? undefined : copy.choose}
              error={errors.fields.teamId}
              disabled={amendment || lockTeam}
              required
            />
          </div>
          <div className="col-12 col-md-6 col-lg-3">
            <TextField
              id="valutazione-date"
              label={copy.date}
              type="date"
              max={todayIso()}
              value={values.date}
              onChange={(v) => setField('date', v)}
              error={errors.fields.date}
              required
            />
          </div>
          <div className="col-12 col-md-6 col-lg-3">
            <SelectField
              id="valutazione-setting"
              label={copy.setting}
              value={values.setting}
              onChange={(v) => setField('setting', v as AssessmentSetting)}
              options={labelOptions(assessmentSettingLabels)}
              placeholder={copy.choose}
              error={errors.fields.setting}
              required
            />
          </div>
          <div className="col-12 col-md-6 col-lg-4">
            <SelectField
              id="valutazione-reason"
              label={copy.reason}
              value={values.reason}
              onChange={(v) => setField('reason', v as AssessmentReason)}
              options={labelOptions(assessmentReasonLabels)}
              placeholder={copy.choose}
              error={errors.fields.reason}
              required
            />
          </div>
        </div>
        <fieldset
          id="valutazione-participantIds"
          className="ponte-fieldset"
          tabIndex={-1}
          aria-describedby={['valutazione-participantIds-aiuto', errors.fields.participantIds ? 'valutazione-participantIds-errore' : '']
            .filter(Boolean)
            .join(' ')}
        >
          <legend>{copy.participants}</legend>
          <small id="valutazione-participantIds-aiuto" className="form-text d-block">
            {copy.participantsHint}
            {team?.kind === 'UVM' && ` ${copy.uvmParticipantsHint}`}
          </small>
          {team && memberOptions.length === 0 && <p>{copy.noMembers}</p>}
          <div className="row">
            {memberOptions.map((member) => (
              <div key={member.id} className="col-12 col-md-6">
                <CheckboxField
                  id={`partecipante-${member.id}`}
                  label={assessmentCopy.detail.participant(member.displayName, professionLabels[member.profession], member.organization)}
                  checked={values.participantIds.includes(member.id)}
                  onChange={(checked) =>
                    setField(
                      'participantIds',
                      checked ? [...values.participantIds, member.id] : values.participantIds.filter((id) => id !== member.id),
                    )
                  }
                />
              </div>
            ))}
          </div>
          {errors.fields.participantIds && (
            <div id="valutazione-participantIds-errore" className="invalid-feedback d-block">
              {errors.fields.participantIds}
            </div>
          )}
        </fieldset>
      </fieldset>

      <h2 className="h4 mt-4">{copy.instruments}</h2>
      <p>{copy.instrumentsIntro}</p>
      {instruments.map((definition) => (
        <InstrumentFieldset
          key={definition.code}
          definition={definition}
          open={opened.has(definition.code)}
          onToggle={() =>
            setOpened((o) => {
              const next = new Set(o);
              if (!next.delete(definition.code)) next.add(definition.code);
              return next;
            })
          }
          answers={values.answers[definition.code] ?? {}}
          education={values.education[definition.code]}
          error={errors.instruments[definition.code]}
          missingItems={errors.missingItems?.[definition.code] ?? []}
          onAnswer={(item, value) => answer(definition.code, item, value)}
          onEducation={(education) => {
            setValues((v) => ({ ...v, education: { ...v.education, [definition.code]: education || undefined } }));
            setErrors((e) => ({ ...e, instruments: { ...e.instruments, [definition.code]: undefined } }));
          }}
        />
      ))}

      <fieldset className="ponte-fieldset">
        <legend className="h4">{copy.socialDomains}</legend>
        <p>{copy.socialDomainsIntro}</p>
        {labelOptions(socialDomainLabels).map(([domain, label]) => (
          <div key={domain} className="row">
            <div className="col-12 col-md-5 col-lg-4">
              <SelectField
                id={`dominio-${domain}`}
                label={label}
                value={values.socialDomains[domain].level}
                onChange={(v) =>
                  setValues((s) => ({
                    ...s,
                    socialDomains: { ...s.socialDomains, [domain]: { ...s.socialDomains[domain], level: v as Level } },
                  }))
                }
                options={Object.entries(copy.levels)}
                placeholder={copy.levelNone}
              />
            </div>
            <div className="col-12 col-md-7 col-lg-8">
              <TextField
                id={`dominio-${domain}-nota`}
                label={`${copy.domainNote(label)} ${commonCopy.optional}`}
                value={values.socialDomains[domain].note}
                onChange={(v) =>
                  setValues((s) => ({ ...s, socialDomains: { ...s.socialDomains, [domain]: { ...s.socialDomains[domain], note: v } } }))
                }
              />
            </div>
          </div>
        ))}
      </fieldset>

      <fieldset className="ponte-fieldset">
        <legend className="h4">{copy.conclusions}</legend>
        <div className="row">
          <div className="col-12 col-md-6">
            <SelectField
              id="valutazione-needLevel"
              label={copy.needLevel}
              value={values.needLevel}
              onChange={(v) => setField('needLevel', v as NeedLevel)}
              options={labelOptions(needLevelLabels)}
              placeholder={copy.choose}
              error={errors.fields.needLevel}
              required
            />
          </div>
          <div className="col-12 col-md-6">
            <SelectField
              id="valutazione-recommendedSetting"
              label={copy.recommendedSetting}
              value={values.recommendedSetting}
              onChange={(v) => setField('recommendedSetting', v as CareSetting)}
              options={labelOptions(careSettingLabels)}
              placeholder={copy.choose}
              error={errors.fields.recommendedSetting}
              required
            />
          </div>
          <div className="col-12">
            <TextAreaField
              id="valutazione-notes"
              label={`${copy.notes} ${commonCopy.optional}`}
              value={values.notes}
              onChange={(v) => setField('notes', v)}
              error={errors.fields.notes}
            />
          </div>
        </div>
      </fieldset>

      <ScoreSummary instruments={instruments} values={values} />

      <div className="d-flex gap-3">
        <Button type="submit" color="primary" disabled={submitting}>
          {submitting ? submittingLabel : submitLabel}
        </Button>
        {onCancel && (
          <Button type="button" color="secondary" outline onClick={onCancel}>
            {cancelLabel}
          </Button>
        )}
      </div>
    </form>
  );
}

/** What the live score of one instrument says, in one sentence. */
function liveText(definition: InstrumentDefinition, live: ReturnType<typeof liveScore>): string {
  if (live.answered === 0) return copy.live.empty;
  if (!live.complete) return copy.live.partial(live.answered, live.items, live.raw);
  if (live.needsEducation) return copy.live.needsEducation;
  return `${copy.live.score(live.score ?? 0, definition.maxScore)}${live.band ? ` – ${live.band.label}` : ''}${
    live.score !== live.raw ? ` ${copy.live.adjusted(live.raw)}` : ''
  }`;
}

/**
 * The provisional scores of the instruments started, kept in view at the
 * bottom of the screen (desktop and phone) while the items are answered:
 * each instrument's own score is at the end of its items, out of sight.
 */
function ScoreSummary({ instruments, values }: { instruments: InstrumentDefinition[]; values: AssessmentValues }) {
  const begun = instruments.filter((d) => started(values, d.code));
  return (
    <aside className="ponte-score-summary" aria-label={copy.live.summary} data-testid="punteggi-provvisori">
      <p className="fw-semibold mb-1">{copy.live.summary}</p>
      {begun.length === 0 ? (
        <p className="mb-0 small">{copy.live.summaryEmpty}</p>
      ) : (
        <ul className="list-unstyled mb-0 small">
          {begun.map((d) => (
            <li key={d.code}>
              <strong>{d.name}</strong>: {liveText(d, liveScore(d, values.answers[d.code] ?? {}, values.education[d.code]))}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}

function InstrumentFieldset({
  definition,
  open,
  onToggle,
  answers,
  education,
  error,
  missingItems,
  onAnswer,
  onEducation,
}: {
  definition: InstrumentDefinition;
  open: boolean;
  onToggle: () => void;
  answers: Answers;
  education: Education | undefined;
  error?: string;
  missingItems: string[];
  onAnswer: (item: string, value: number) => void;
  onEducation: (education: Education | '') => void;
}) {
  const live = liveScore(definition, answers, education);
  const id = `strumento-${definition.code}`;
  return (
    <fieldset
      id={id}
      className="ponte-fieldset ponte-instrument"
      tabIndex={-1}
      aria-describedby={[`${id}-descrizione`, error ? `${id}-errore` : ''].filter(Boolean).join(' ')}
      data-testid={id}
    >
      <legend className="h5">{definition.name}</legend>
      <p id={`${id}-descrizione`}>{definition.description}</p>
      <p className="d-flex flex-wrap align-items-center gap-2">
        <Button
          type="button"
          color="primary"
          outline
          size="sm"
          aria-expanded={open}
          aria-controls={open ? `${id}-voci` : undefined}
          onClick={onToggle}
        >
          {open ? copy.closeInstrument : copy.openInstrument(definition.items.length)}
        </Button>
        {!open && live.answered > 0 && <span className="small">{liveText(definition, live)}</span>}
      </p>
      {error && !open && (
        <div id={`${id}-errore`} className="invalid-feedback d-block">
          {error}
        </div>
      )}
      {open && (
        <div id={`${id}-voci`}>
          {definition.usesEducation && (
            <div className="row">
              <div className="col-12 col-md-6">
                <SelectField
                  id={`${id}-istruzione`}
                  label={copy.education}
                  hint={copy.educationHint}
                  value={education ?? ''}
                  onChange={(v) => onEducation(v as Education | '')}
                  options={labelOptions(educationLabels)}
                  placeholder={copy.choose}
                />
              </div>
            </div>
          )}
          {definition.items.map((item) => (
            <RadioGroup
              key={item.code}
              id={`${id}-${item.code}`}
              legend={item.label}
              value={answers[item.code] === undefined ? '' : String(answers[item.code])}
              onChange={(v) => onAnswer(item.code, Number(v))}
              options={item.options.map((o) => [String(o.value), copy.option(o.label, o.points)] as const)}
              inline={item.options.every((o) => o.label.length <= SHORT_OPTION)}
              error={missingItems.includes(item.code) ? copy.missingItem : undefined}
              className={missingItems.includes(item.code) ? 'ponte-missing' : undefined}
            />
          ))}
          <div className="ponte-live-score" aria-live="polite" aria-atomic="true" data-testid={`${id}-punteggio`}>
            <p className="fw-semibold mb-1">{copy.live.heading(definition.name)}</p>
            <p className="mb-1">{liveText(definition, live)}</p>
            <p className="small mb-0 ponte-muted">{copy.live.note}</p>
          </div>
          {error && (
            <div id={`${id}-errore`} className="invalid-feedback d-block">
              {error}
            </div>
          )}
        </div>
      )}
    </fieldset>
  );
}

function focusFirstError(errors: AssessmentFormErrors, instruments: InstrumentDefinition[]) {
  const field = FIELDS.find((f) => errors.fields[f]);
  if (field) {
    document.getElementById(`valutazione-${field}`)?.focus();
    return;
  }
  const instrument = instruments.find((d) => errors.instruments[d.code]);
  if (!instrument) return;
  // The first item without an answer, else the instrument (an education missing, the server's error).
  const item = errors.missingItems?.[instrument.code]?.[0];
  const target =
    (item && document.getElementById(`strumento-${instrument.code}-${item}`)) || document.getElementById(`strumento-${instrument.code}`);
  target?.focus();
}
