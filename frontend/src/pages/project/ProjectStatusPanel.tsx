import { Badge, Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { FormFeedback } from '../../components/FormFeedback';
import type { FormMessageState } from '../../components/useForm';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { graphql } from '../../gql';
import type { FinalScoreInput, GoalOutcomeInput, ProjectStatus } from '../../gql/graphql';
import { goalStatusLabels, labelOptions, lifeAreaLabels, projectStatusLabels, raterLabels } from '../../i18n/enums';
import { finalScoresToSend, goalOutcomesToSend, missingFinalScores, scoreKey } from './closing';
import { projectCopy } from './copy';
import type { Project } from './queries';
import { RefusalList, TransitionChecks } from './TransitionChecks';
import { transitionLabel, transitionOutcome } from './transitions';

const copy = projectCopy.status;

/** What the panel needs to offer the steps: which exist, what each lacks, the final scores closing asks for. */
graphql(`
  fragment ProjectSteps on IndividualProject {
    allowedTransitions
    transitionChecks {
      to
      ready
      reasons
      refusals {
        code
        message
        goalIds
      }
      warnings
    }
    finalScoresRequired {
      rater
      lifeArea
      from
      recorded
    }
  }
`);

export const transitionProjectMutation = graphql(`
  mutation TransitionProject($input: TransitionProjectInput!) {
    transitionProject(input: $input) {
      id
      version
      status
      ...ProjectSteps
    }
  }
`);

const SCORE_OPTIONS = [1, 2, 3, 4, 5].map((n) => [String(n), String(n)] as const);
/** A goal's final outcome: any status but "open". */
const FINAL_OUTCOMES = labelOptions(goalStatusLabels).filter(([status]) => status !== 'OPEN');

export const projectStatusColor: Record<ProjectStatus, string> = {
  INTAKE: 'secondary',
  ASSESSMENT: 'secondary',
  PLANNING: 'primary',
  ACTIVE: 'success',
  REVIEW: 'warning',
  SUSPENDED: 'warning',
  CLOSED: 'dark',
};

/** A project's status as a badge with dark text where the background is light. */
export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  const color = projectStatusColor[status];
  return (
    <Badge color={color} className={color === 'warning' ? 'text-dark' : undefined} pill>
      {projectStatusLabels[status]}
    </Badge>
  );
}

/** Why the server refused a step: every unmet condition, as a list. */
export function TransitionRefusal({ to, reasons }: { to: ProjectStatus; reasons: string[] }) {
  return (
    <div className="alert alert-danger ponte-form-message" role="alert" data-testid="motivi-rifiuto">
      <p className="mb-2 fw-semibold">{copy.refused(projectStatusLabels[to])}</p>
      <ul className="mb-0">
        {reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </div>
  );
}

/** Stato: where the project is, the steps allowed from here, and why a step was refused. */
export function ProjectStatusPanel({
  project,
  onReload,
}: {
  project: Pick<
    Project,
    'id' | 'version' | 'status' | 'allowedTransitions' | 'transitionChecks' | 'finalScoresRequired' | 'integrated' | 'person' | 'goals'
  >;
  onReload: () => void;
}) {
  const [{ fetching }, transition] = useMutation(transitionProjectMutation);
  const [refusal, setRefusal] = useState<{ to: ProjectStatus; reasons: string[] }>();
  const [message, setMessage] = useState<FormMessageState>();
  const [closing, setClosing] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [finalScores, setFinalScores] = useState<Record<string, string>>({});
  const [emptyScores, setEmptyScores] = useState<string[]>([]);
  const [outcomes, setOutcomes] = useState<Record<string, string>>({});
  const [emptyOutcomes, setEmptyOutcomes] = useState<string[]>([]);
  const missingScores = missingFinalScores(project.finalScoresRequired);
  const openGoals = project.goals.filter((g) => g.status === 'OPEN');
  const closingCheck = project.transitionChecks.find((c) => c.to === 'CLOSED');
  // What the closing form does not ask for itself (the goals' outcomes and the final scores).
  const otherClosingRefusals = (closingCheck?.refusals ?? []).filter(
    (r) => r.code !== 'GOALS_WITHOUT_FINAL_STATUS' && r.code !== 'FINAL_SCORES_MISSING',
  );

  async function move(to: ProjectStatus, closureReason?: string, scores: FinalScoreInput[] = [], goalOutcomes: GoalOutcomeInput[] = []) {
    setRefusal(undefined);
    setMessage(undefined);
    const result = await transition({
      input: {
        projectId: project.id,
        to,
        expectedVersion: project.version,
        reason: closureReason ?? null,
        ...(scores.length > 0 ? { finalScores: scores } : {}),
        ...(goalOutcomes.length > 0 ? { goalOutcomes } : {}),
      },
    });
    if (result.data) {
      setMessage({ kind: 'success', text: copy.moved(projectStatusLabels[result.data.transitionProject.status]) });
      setClosing(false);
      setReason('');
      setFinalScores({});
      setOutcomes({});
      return;
    }
    if (!result.error) return;
    const outcome = transitionOutcome(result.error);
    if (outcome.kind === 'refused') setRefusal({ to, reasons: outcome.reasons });
    else if (outcome.kind === 'conflict') setMessage({ kind: 'error', text: projectCopy.conflict, conflict: true });
    else setMessage({ kind: 'error', text: outcome.message });
  }

  function confirmClose(event: FormEvent) {
    event.preventDefault();
    const { scores, empty } = finalScoresToSend(missingScores, finalScores);
    const { goalOutcomes, empty: emptyGoals } = goalOutcomesToSend(openGoals, outcomes);
    setEmptyScores(empty);
    setEmptyOutcomes(emptyGoals);
    if (!reason.trim()) {
      setReasonError(copy.missingReason);
      document.getElementById('progetto-chiusura')?.focus();
      return;
    }
    if (emptyGoals.length > 0) {
      document.getElementById(`esito-obiettivo-${emptyGoals[0]}`)?.focus();
      return;
    }
    if (empty.length > 0) {
      document.getElementById(`punteggio-finale-${empty[0]}`)?.focus();
      return;
    }
    void move('CLOSED', reason.trim(), scores, goalOutcomes);
  }

  return (
    <section aria-labelledby="progetto-stato" className="ponte-section">
      <h2 id="progetto-stato" className="h4">
        {projectCopy.sections.status}
      </h2>
      <p className="mb-2">
        {copy.current}: <ProjectStatusBadge status={project.status} />
        {project.integrated && (
          <Badge color="info" pill className="ms-2" testId="badge-integrato">
            {copy.integrated}
          </Badge>
        )}
      </p>
      <p className="ponte-muted">{copy.intro}</p>
      <FormFeedback message={message} onReload={onReload} />
      {refusal && <TransitionRefusal to={refusal.to} reasons={refusal.reasons} />}
      {project.allowedTransitions.length === 0 ? (
        <p>{copy.noSteps}</p>
      ) : (
        <div role="group" aria-label={copy.nextSteps} className="d-flex flex-wrap gap-2" data-testid="passaggi-stato">
          {project.allowedTransitions.map((to) => (
            <Button
              key={to}
              type="button"
              color={to === 'CLOSED' ? 'danger' : 'primary'}
              outline={to === 'CLOSED' || to === 'SUSPENDED'}
              size="sm"
              disabled={fetching}
              aria-expanded={to === 'CLOSED' ? closing : undefined}
              onClick={() => (to === 'CLOSED' ? setClosing(true) : void move(to))}
            >
              {transitionLabel(project.status, to)}
            </Button>
          ))}
        </div>
      )}
      <TransitionChecks project={project} />
      {closing && (
        <form onSubmit={confirmClose} noValidate className="mt-3" aria-label={transitionLabel(project.status, 'CLOSED')}>
          <TextAreaField
            id="progetto-chiusura"
            label={copy.closeReason}
            hint={copy.closeHint}
            rows={2}
            value={reason}
            onChange={(v) => {
              setReason(v);
              setReasonError(undefined);
            }}
            error={reasonError}
            required
          />
          {otherClosingRefusals.length > 0 && (
            <div className="mb-3" data-testid="condizioni-chiusura">
              <p className="mb-1">{copy.closeConditions}</p>
              <RefusalList refusals={otherClosingRefusals} project={project} />
            </div>
          )}
          {openGoals.length > 0 && (
            <fieldset className="ponte-fieldset" data-testid="esiti-obiettivi">
              <legend>{copy.goalOutcomes}</legend>
              <small className="form-text d-block mb-2">{copy.goalOutcomesHint}</small>
              {openGoals.map((goal) => (
                <SelectField
                  key={goal.id}
                  id={`esito-obiettivo-${goal.id}`}
                  label={copy.goalOutcome(lifeAreaLabels[goal.lifeArea], goal.description)}
                  options={FINAL_OUTCOMES}
                  placeholder={copy.chooseOutcome}
                  value={outcomes[goal.id] ?? ''}
                  onChange={(v) => {
                    setOutcomes({ ...outcomes, [goal.id]: v });
                    setEmptyOutcomes(emptyOutcomes.filter((id) => id !== goal.id));
                  }}
                  error={emptyOutcomes.includes(goal.id) ? copy.missingOutcome : undefined}
                  required
                />
              ))}
            </fieldset>
          )}
          {missingScores.length > 0 && (
            <fieldset className="ponte-fieldset" data-testid="punteggi-finali">
              <legend>{copy.finalScores}</legend>
              <small className="form-text d-block mb-2">{copy.finalScoresHint}</small>
              <div className="row">
                {missingScores.map((score) => {
                  const key = scoreKey(score);
                  return (
                    <div key={key} className="col-12 col-md-6">
                      <SelectField
                        id={`punteggio-finale-${key}`}
                        label={copy.finalScore(lifeAreaLabels[score.lifeArea], raterLabels[score.rater])}
                        options={SCORE_OPTIONS}
                        placeholder={copy.chooseScore}
                        value={finalScores[key] ?? ''}
                        onChange={(v) => {
                          setFinalScores({ ...finalScores, [key]: v });
                          setEmptyScores(emptyScores.filter((k) => k !== key));
                        }}
                        error={emptyScores.includes(key) ? copy.missingScore : undefined}
                        required
                      />
                    </div>
                  );
                })}
              </div>
            </fieldset>
          )}
          <div className="d-flex gap-2">
            <Button type="submit" color="danger" size="sm" disabled={fetching}>
              {fetching ? copy.working : copy.confirmClose}
            </Button>
            <Button type="button" color="secondary" outline size="sm" onClick={() => setClosing(false)}>
              {copy.cancel}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
