import { DocumentsSection } from '../../components/documents/DocumentsSection';
import { Badge, Button, Card, CardBody, Table } from 'design-react-kit';
import { ConfirmButtons } from '../../components/ConfirmButtons';
import { useState, type ReactNode } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { FormMessage } from '../../components/FormMessage';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RecordUnavailable } from '../../components/RecordUnavailable';
import { graphql } from '../../gql';
import type { AssessmentDetailQuery, Instrument, SocialDomain } from '../../gql/graphql';
import { errorMessage, findCode, formErrors } from '../../graphql/errors';
import {
  assessmentReasonLabels,
  assessmentSettingLabels,
  educationLabels,
  needLevelLabels,
  professionLabels,
  careSettingLabels,
  socialDomainLabels,
} from '../../i18n/enums';
import { formatDate, formatDateTime } from '../../i18n/format';
import { commonCopy } from '../../i18n/it';
import { pathTo } from '../../routes';
import { navigate, useLocation } from '../../router/router';
import { useViewer } from '../../session/session';
import {
  AssessmentForm,
  assessmentErrors,
  emptyAssessment,
  type AssessingTeam,
  type AssessmentFormProps,
  type AssessmentValues,
} from './AssessmentForm';
import { assessmentCopy } from './copy';
import { instrumentsQuery, type InstrumentDefinition } from './instruments';
import { assessingTeams, assessmentTeamQuery } from './teams';
import { ResponsiveTable } from '../../components/ScrollBox';
import { personName } from '../../i18n/names';

const copy = assessmentCopy.detail;

export const assessmentDetailQuery = graphql(`
  query AssessmentDetail($id: ID!) {
    assessment(id: $id) {
      id
      version
      date
      setting
      reason
      needLevel
      recommendedSetting
      notes
      createdAt
      signedAt
      amended
      amendmentReason
      isLatest
      joint
      person {
        id
        givenName
        familyName
      }
      team {
        id
        name
      }
      loggedBy {
        id
        displayName
      }
      signedBy {
        id
        displayName
      }
      participants {
        profession
        organization {
          id
          name
        }
        user {
          id
          displayName
        }
      }
      results {
        instrument
        score
        rawErrors
        education
        band {
          code
          label
        }
        answers {
          item
          value
        }
      }
      socialDomains {
        domain
        level
        note
      }
      amends {
        id
        date
        signedAt
        createdAt
      }
      amendments {
        id
        date
        createdAt
        amendmentReason
        loggedBy {
          id
          displayName
        }
      }
    }
  }
`);

export const signAssessmentMutation = graphql(`
  mutation SignAssessment($input: SignAssessmentInput!) {
    signAssessment(input: $input) {
      id
      version
      signedAt
      signedBy {
        id
        displayName
      }
    }
  }
`);

export const amendAssessmentMutation = graphql(`
  mutation AmendAssessment($input: AmendAssessmentInput!) {
    amendAssessment(input: $input) {
      id
    }
  }
`);

/** A draft changed in place, with the version it was read at. */
export const updateAssessmentMutation = graphql(`
  mutation UpdateAssessment($input: UpdateAssessmentInput!) {
    updateAssessment(input: $input) {
      id
      version
    }
  }
`);

type Assessment = NonNullable<AssessmentDetailQuery['assessment']>;

/** The form's values from a recorded assessment: the starting point of a correction. */
export function valuesOf(assessment: Assessment): AssessmentValues {
  const values = emptyAssessment(
    assessment.team?.id ?? '',
    assessment.participants.flatMap((p) => (p.user ? [p.user.id] : [])),
  );
  values.date = assessment.date;
  values.setting = assessment.setting;
  values.reason = assessment.reason;
  values.needLevel = assessment.needLevel;
  values.recommendedSetting = assessment.recommendedSetting;
  values.notes = assessment.notes ?? '';
  for (const result of assessment.results) {
    values.answers[result.instrument] = Object.fromEntries(result.answers.map((a) => [a.item, a.value]));
    if (result.education) values.education[result.instrument] = result.education;
  }
  for (const domain of assessment.socialDomains) {
    values.socialDomains[domain.domain as SocialDomain] = { level: String(domain.level) as '1' | '2' | '3', note: domain.note ?? '' };
  }
  return values;
}

/** Valutazione: the server's results, participants, signature, corrections and versions. */
export function AssessmentPage({ id }: { id: string }) {
  const viewer = useViewer();
  const { search } = useLocation();
  const [{ data, error, fetching }, reload] = useQuery({ query: assessmentDetailQuery, variables: { id } });
  const [instruments] = useQuery({ query: instrumentsQuery });
  const [signing, sign] = useMutation(signAssessmentMutation);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string }>();
  const [participantsError, setParticipantsError] = useState<string>();
  const [amending, setAmending] = useState(false);
  // Signing makes the assessment final: it is asked twice, the second time
  // with what the signature means.
  const [confirmingSign, setConfirmingSign] = useState(false);

  if (fetching && !data) return <Loading />;
  if (error || !data?.assessment) return <RecordUnavailable error={error} copy={{ ...copy, titleFallback: assessmentCopy.create.title }} />;

  const a = data.assessment;
  const definitions = instruments.data?.instruments ?? [];
  const name = a.person ? personName(a.person, 'text') : '';
  const isParticipant = a.participants.some((p) => p.user?.id === viewer.id);
  const notice =
    message ??
    (search.get('registrata')
      ? { kind: 'success' as const, text: copy.recorded }
      : search.get('rettificata')
        ? { kind: 'success' as const, text: copy.amendedNow }
        : undefined);

  async function signIt() {
    setConfirmingSign(false);
    setMessage(undefined);
    setParticipantsError(undefined);
    const result = await sign({ input: { assessmentId: a.id } });
    // A UVM that is not joint yet: the refusal belongs to the participants.
    const atParticipants = result.error ? formErrors(result.error, ['participantIds'] as const).fields.participantIds : undefined;
    if (atParticipants) {
      setParticipantsError(atParticipants);
      return;
    }
    setMessage(
      result.data
        ? { kind: 'success', text: copy.signedNow }
        : { kind: 'error', text: result.error ? errorMessage(result.error) : commonCopy.genericError },
    );
  }

  return (
    <>
      <PageHeading title={`${copy.title(formatDate(a.date))}${name ? ` – ${name}` : ''}`} />
      {a.person && (
        <p>
          <a href={pathTo.person(a.person.id)}>{copy.backToPerson(name)}</a>
        </p>
      )}
      <div aria-live="polite">{notice && <FormMessage kind={notice.kind}>{notice.text}</FormMessage>}</div>

      <section aria-labelledby="valutazione-stato" className="ponte-section">
        <h2 id="valutazione-stato" className="visually-hidden">
          {copy.state}
        </h2>
        <dl className="row ponte-definition mb-0" data-testid="dati-valutazione">
          <dt className="col-sm-4 col-lg-3">{copy.state}</dt>
          <dd className="col-sm-8 col-lg-9" data-testid="stato-firma">
            {a.signedAt ? copy.signed(formatDateTime(a.signedAt), a.signedBy?.displayName ?? '—') : copy.draft}
            {a.amended && (
              <>
                {' '}
                <Badge color="warning" className="text-dark" pill>
                  {copy.amendedBadge}
                </Badge>
              </>
            )}
          </dd>
          <dt className="col-sm-4 col-lg-3">{copy.team}</dt>
          <dd className="col-sm-8 col-lg-9">{a.team?.name ?? copy.none}</dd>
          <dt className="col-sm-4 col-lg-3">{copy.setting}</dt>
          <dd className="col-sm-8 col-lg-9">{assessmentSettingLabels[a.setting]}</dd>
          <dt className="col-sm-4 col-lg-3">{copy.reason}</dt>
          <dd className="col-sm-8 col-lg-9">{assessmentReasonLabels[a.reason]}</dd>
          <dt className="col-sm-4 col-lg-3">{copy.needLevel}</dt>
          <dd className="col-sm-8 col-lg-9">{needLevelLabels[a.needLevel]}</dd>
          <dt className="col-sm-4 col-lg-3">{copy.recommendedSetting}</dt>
          <dd className="col-sm-8 col-lg-9">{careSettingLabels[a.recommendedSetting]}</dd>
          <dt className="col-sm-4 col-lg-3">{copy.loggedBy}</dt>
          <dd className="col-sm-8 col-lg-9">
            {a.loggedBy?.displayName ?? copy.none} · {formatDateTime(a.createdAt)}
          </dd>
          <dt className="col-sm-4 col-lg-3">{copy.notes}</dt>
          <dd className="col-sm-8 col-lg-9">{a.notes ?? copy.none}</dd>
        </dl>
        {!a.signedAt && (
          <div className="mt-3">
            {isParticipant ? (
              <>
                <p id="firma-aiuto">{copy.signHint}</p>
                {confirmingSign ? (
                  <div className="alert alert-info ponte-form-message" data-testid="conferma-firma">
                    <p className="mb-2">{copy.signConfirmText(a.participants.length)}</p>
                    <ConfirmButtons
                      label={copy.signConfirm}
                      working={signing.fetching}
                      onConfirm={() => void signIt()}
                      onCancel={() => setConfirmingSign(false)}
                    />
                  </div>
                ) : (
                  <Button color="primary" onClick={() => setConfirmingSign(true)} aria-describedby="firma-aiuto">
                    {copy.sign}
                  </Button>
                )}
              </>
            ) : (
              <p className="ponte-muted">{copy.signOnlyParticipants}</p>
            )}
          </div>
        )}
      </section>

      <section aria-labelledby="valutazione-partecipanti" className="ponte-section">
        <h2 id="valutazione-partecipanti" className="h4">
          {copy.participants}{' '}
          {a.joint && (
            <span data-testid="valutazione-congiunta" title={copy.jointHint}>
              <Badge color="success" pill>
                {copy.joint}
              </Badge>
            </span>
          )}
        </h2>
        <ul data-testid="partecipanti" aria-describedby={participantsError ? 'partecipanti-errore' : undefined}>
          {a.participants.map((p, i) => (
            <li key={p.user?.id ?? i}>
              {copy.participant(p.user?.displayName ?? '—', professionLabels[p.profession], p.organization?.name)}
            </li>
          ))}
        </ul>
        {participantsError && (
          <div id="partecipanti-errore" className="alert alert-danger ponte-form-message" role="alert">
            {participantsError}
          </div>
        )}
      </section>

      <section aria-labelledby="valutazione-risultati" className="ponte-section">
        <h2 id="valutazione-risultati" className="h4">
          {copy.results}
        </h2>
        <p>{copy.resultsIntro}</p>
        {a.results.length === 0 ? (
          <p>{copy.noResults}</p>
        ) : (
          <div className="row g-4">
            {a.results.map((result) => (
              <ResultCard key={result.instrument} result={result} definition={definitions.find((d) => d.code === result.instrument)} />
            ))}
          </div>
        )}
      </section>

      <section aria-labelledby="valutazione-domini" className="ponte-section">
        <h2 id="valutazione-domini" className="h4">
          {copy.socialDomains}
        </h2>
        {a.socialDomains.length === 0 ? (
          <p>{copy.noSocialDomains}</p>
        ) : (
          <ResponsiveTable className="ponte-table">
            <caption className="visually-hidden">{copy.socialDomains}</caption>
            <thead>
              <tr>
                <th scope="col">{copy.domain}</th>
                <th scope="col">{copy.level}</th>
                <th scope="col">{copy.note}</th>
              </tr>
            </thead>
            <tbody>
              {a.socialDomains.map((d) => (
                <tr key={d.domain}>
                  <td>{socialDomainLabels[d.domain]}</td>
                  <td>{assessmentCopy.form.levels[String(d.level) as '1' | '2' | '3'] ?? d.level}</td>
                  <td>{d.note ?? copy.none}</td>
                </tr>
              ))}
            </tbody>
          </ResponsiveTable>
        )}
      </section>

      <section aria-labelledby="valutazione-versioni" className="ponte-section">
        <h2 id="valutazione-versioni" className="h4">
          {copy.versions}
        </h2>
        <div data-testid="versioni">
          {a.amends && (
            <p>
              {copy.amends(formatDateTime(a.amends.createdAt))} <a href={pathTo.assessment(a.amends.id)}>{copy.openVersion}</a>
            </p>
          )}
          {a.amendmentReason && <p>{copy.amendmentReason(a.amendmentReason)}</p>}
          {a.amendments.length > 0 && (
            <>
              <p className="mb-1">{copy.amendedBy}</p>
              <ul>
                {a.amendments.map((m) => (
                  <li key={m.id}>
                    <a href={pathTo.assessment(m.id)}>{copy.amendment(formatDateTime(m.createdAt), m.loggedBy?.displayName ?? '')}</a>
                    {m.amendmentReason && <span className="ponte-muted"> – {m.amendmentReason}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
          {!a.amends && a.amendments.length === 0 && <p className="mb-1">{copy.onlyVersion}</p>}
          <p className="fw-semibold">{a.isLatest ? copy.latest : copy.notLatest}</p>
        </div>
      </section>

      {!a.signedAt && <DraftEditing assessment={a} definitions={definitions} onReload={() => reload({ requestPolicy: 'network-only' })} />}

      {a.signedAt && a.isLatest && (
        <CorrectionSection id="valutazione-rettifica" heading={copy.amendHeading} intro={copy.amendIntro}>
          {amending ? (
            <AmendForm assessment={a} definitions={definitions} onCancel={() => setAmending(false)} />
          ) : (
            <Button color="primary" outline onClick={() => setAmending(true)}>
              {copy.amend}
            </Button>
          )}
        </CorrectionSection>
      )}
      <DocumentsSection subjectKind="ASSESSMENT" subjectId={a.id} />
    </>
  );
}

function ResultCard({ result, definition }: { result: Assessment['results'][number]; definition?: InstrumentDefinition }) {
  const name = definition?.name ?? result.instrument;
  const itemLabel = (code: string) => definition?.items.find((i) => i.code === code);
  return (
    <div className="col-12 col-lg-6 d-flex" data-testid={`risultato-${result.instrument as Instrument}`}>
      <Card className="ponte-card shadow-sm rounded w-100">
        <CardBody>
          <h3 className="h5">{name}</h3>
          <p className="h3 mb-1" data-testid="punteggio-server">
            {definition ? copy.score(result.score, definition.minScore, definition.maxScore) : result.score}
          </p>
          {result.band && <p className="fw-semibold mb-1">{result.band.label}</p>}
          {result.education && <p className="mb-1">{copy.education(educationLabels[result.education])}</p>}
          {result.rawErrors != null && <p className="mb-1">{copy.rawErrors(result.rawErrors)}</p>}
          <details className="mt-2">
            <summary>{copy.answers}</summary>
            <Table size="sm" className="mt-2 mb-0">
              <caption className="visually-hidden">{`${copy.answers}: ${name}`}</caption>
              <thead>
                <tr>
                  <th scope="col">{copy.item}</th>
                  <th scope="col">{copy.answer}</th>
                </tr>
              </thead>
              <tbody>
                {result.answers.map((answer) => {
                  const item = itemLabel(answer.item);
                  const option = item?.options.find((o) => o.value === answer.value);
                  return (
                    <tr key={answer.item}>
                      <td>{item?.label ?? answer.item}</td>
                      <td>{option ? assessmentCopy.form.option(option.label, option.points) : answer.value}</td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
          </details>
        </CardBody>
      </Card>
    </div>
  );
}

/** A section of the page that corrects the assessment: its heading, what the correction is, then the form or its button. */
function CorrectionSection({ id, heading, intro, children }: { id: string; heading: string; intro: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="ponte-section">
      <h2 id={id} className="h4">
        {heading}
      </h2>
      <p>{intro}</p>
      {children}
    </section>
  );
}

/**
 * The assessing team of `assessment` with its active members, for a form
 * that corrects it: only today's members can be ticked (a former member
 * stays in what was recorded).
 */
function useAssessmentTeam(assessment: Assessment) {
  const teamId = assessment.team?.id ?? '';
  const [team] = useQuery({ query: assessmentTeamQuery, variables: { id: teamId }, pause: !teamId });
  const teams = team.data?.team ? assessingTeams([team.data.team]) : [];
  return { teams, fetching: team.fetching && !team.data, error: team.error };
}

/**
 * "Modifica bozza": a draft is changed in place by an operator of the
 * assessing team (what `updateAssessment` allows), with the form it was
 * recorded with, prefilled, and the version it was read at. Others see
 * nothing to click here: a participant signs it, the team edits it.
 */
function DraftEditing({
  assessment,
  definitions,
  onReload,
}: {
  assessment: Assessment;
  definitions: InstrumentDefinition[];
  onReload: () => void;
}) {
  const viewer = useViewer();
  const team = useAssessmentTeam(assessment);
  const [editing, setEditing] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState(false);
  const [, update] = useMutation(updateAssessmentMutation);
  // As the server decides: an OPERATOR with an active membership of the assessing team.
  const member = viewer.role === 'OPERATOR' && team.teams.some((t) => t.members.some((m) => m.id === viewer.id));
  if (!member) return null;
  return (
    <CorrectionSection id="valutazione-modifica-bozza" heading={copy.editDraftHeading} intro={copy.editDraftIntro}>
      {editing ? (
        <CorrectionCard
          // The version read again after a conflict starts the form from it.
          key={assessment.version}
          assessment={assessment}
          definitions={definitions}
          teams={team.teams}
          mode="draft"
          conflict={conflict}
          onReload={() => {
            setConflict(false);
            onReload();
          }}
          onCancel={() => setEditing(false)}
          onSubmit={async (_values, content) => {
            const result = await update({
              input: { assessmentId: assessment.id, expectedVersion: assessment.version, ...content },
            });
            if (result.data) {
              setEditing(false);
              setSaved(true);
              return undefined;
            }
            if (findCode(result.error, 'CONFLICT')) {
              setConflict(true);
              return { fields: {}, instruments: {}, general: copy.draftConflict };
            }
            return result.error
              ? assessmentErrors(result.error, content)
              : { fields: {}, instruments: {}, general: commonCopy.genericError };
          }}
        />
      ) : (
        <Button
          color="primary"
          outline
          onClick={() => {
            setSaved(false);
            setEditing(true);
          }}
        >
          {copy.editDraft}
        </Button>
      )}
      <div aria-live="polite">{saved && <FormMessage kind="success">{copy.draftUpdated}</FormMessage>}</div>
    </CorrectionSection>
  );
}

function AmendForm({
  assessment,
  definitions,
  onCancel,
}: {
  assessment: Assessment;
  definitions: InstrumentDefinition[];
  onCancel: () => void;
}) {
  const team = useAssessmentTeam(assessment);
  const [, amend] = useMutation(amendAssessmentMutation);
  if (team.fetching) return <Loading />;
  return (
    <CorrectionCard
      assessment={assessment}
      definitions={definitions}
      teams={team.teams}
      teamError={team.error}
      mode="amend"
      onCancel={onCancel}
      onSubmit={async (values, content) => {
        const result = await amend({
          input: { assessmentId: assessment.id, amendmentReason: values.amendmentReason.trim(), ...content },
        });
        if (result.data) {
          navigate(`${pathTo.assessment(result.data.amendAssessment.id)}?rettificata=1`);
          return undefined;
        }
        return result.error ? assessmentErrors(result.error, content) : { fields: {}, instruments: {}, general: commonCopy.genericError };
      }}
    />
  );
}

/**
 * The assessment form over a recorded assessment, prefilled with it: a
 * rettifica of a signed one (with its reason) or the edit of a draft. After
 * a CONFLICT, "Ricarica" reads the assessment as it is now.
 */
function CorrectionCard({
  assessment,
  definitions,
  teams,
  teamError,
  mode,
  conflict = false,
  onReload,
  onCancel,
  onSubmit,
}: {
  assessment: Assessment;
  definitions: InstrumentDefinition[];
  teams: AssessingTeam[];
  teamError?: CombinedError;
  mode: 'amend' | 'draft';
  conflict?: boolean;
  onReload?: () => void;
  onCancel: () => void;
  onSubmit: AssessmentFormProps['onSubmit'];
}) {
  const initial = valuesOf(assessment);
  const members = new Set(teams.flatMap((t) => t.members.map((m) => m.id)));
  initial.participantIds = initial.participantIds.filter((id) => members.has(id));
  return (
    <Card tag="div" className="ponte-card shadow-sm rounded">
      <CardBody>
        {teamError && <FormMessage kind="error">{errorMessage(teamError)}</FormMessage>}
        {conflict && onReload && (
          <Button type="button" color="primary" outline size="sm" className="mb-3" onClick={onReload}>
            {commonCopy.reload}
          </Button>
        )}
        <AssessmentForm
          amendment={mode === 'amend'}
          lockTeam
          instruments={definitions}
          teams={teams}
          initial={initial}
          submitLabel={mode === 'amend' ? copy.amendSubmit : copy.editDraftSubmit}
          submittingLabel={mode === 'amend' ? copy.amendSubmitting : copy.editDraftSubmitting}
          cancelLabel={copy.cancel}
          onCancel={onCancel}
          onSubmit={onSubmit}
        />
      </CardBody>
    </Card>
  );
}
