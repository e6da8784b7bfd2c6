import { Badge, Button } from 'design-react-kit';
import type { FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { FormFeedback } from '../../components/FormFeedback';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useForm } from '../../components/useForm';
import { graphql } from '../../gql';
import type { GoalStatus, LifeArea, ServiceKind } from '../../gql/graphql';
import { goalStatusLabels, labelOptions, lifeAreaLabels, serviceKindLabels } from '../../i18n/enums';
import { formatDate, todayIso } from '../../i18n/format';
import { commonCopy } from '../../i18n/it';
import { projectCopy } from './copy';
import { providerOrganizationsQuery, type Project } from './queries';
import { InterventionCorrections } from './InterventionDialogs';

const copy = projectCopy.goals;

export const addGoalMutation = graphql(`
  mutation AddGoal($input: AddGoalInput!) {
    addGoal(input: $input) {
      id
      lifeArea
      description
    }
  }
`);

export const updateGoalMutation = graphql(`
  mutation UpdateGoal($input: UpdateGoalInput!) {
    updateGoal(input: $input) {
      id
      status
      outcomeNote
    }
  }
`);

export const addInterventionMutation = graphql(`
  mutation AddIntervention($input: AddInterventionInput!) {
    addIntervention(input: $input) {
      id
    }
  }
`);

const goalColor: Record<GoalStatus, string> = {
  OPEN: 'primary',
  ACHIEVED: 'success',
  PARTLY_ACHIEVED: 'warning',
  NOT_ACHIEVED: 'danger',
  DROPPED: 'secondary',
};

const LIFE_AREAS = labelOptions(lifeAreaLabels);

/** Obiettivi e interventi, grouped under the four life areas, with the forms to add them. */
export function GoalsSection({ project }: { project: Project }) {
  return (
    <section aria-labelledby="progetto-obiettivi" className="ponte-section">
      <h2 id="progetto-obiettivi" className="h4">
        {projectCopy.sections.goals}
      </h2>
      <p>{copy.intro}</p>
      <div className="row g-4">
        {LIFE_AREAS.map(([area, label]) => {
          const goals = project.goals.filter((g) => g.lifeArea === area);
          const interventions = project.interventions.filter((i) => i.lifeArea === area);
          return (
            <div key={area} className="col-12 col-xl-6">
              <div className="ponte-area h-100" data-testid={`area-${area}`}>
                <h3 className="h5">{label}</h3>
                <h4 className="h6 mt-3">{copy.goalsHeading}</h4>
                {goals.length === 0 ? (
                  <p className="ponte-muted">{copy.noGoals}</p>
                ) : (
                  <ul className="list-unstyled mb-0">
                    {goals.map((goal) => (
                      <li key={goal.id} className="ponte-goal" data-testid="obiettivo">
                        <p className="mb-1">
                          <strong>{goal.description}</strong>{' '}
                          <Badge
                            color={goalColor[goal.status]}
                            className={goal.status === 'PARTLY_ACHIEVED' ? 'text-dark' : undefined}
                            pill
                          >
                            {goalStatusLabels[goal.status]}
                          </Badge>
                        </p>
                        <p className="mb-1 ponte-muted small">
                          {[goal.targetDate && copy.target(formatDate(goal.targetDate)), goal.indicator && copy.indicator(goal.indicator)]
                            .filter(Boolean)
                            .join(' · ')}
                        </p>
                        {goal.outcomeNote && <p className="mb-1 small">{copy.outcome(goal.outcomeNote)}</p>}
                        <GoalOutcomeForm goal={goal} />
                      </li>
                    ))}
                  </ul>
                )}
                <h4 className="h6 mt-3">{copy.interventionsHeading}</h4>
                {interventions.length === 0 ? (
                  <p className="ponte-muted mb-0">{copy.noInterventions}</p>
                ) : (
                  <ul className="mb-0" data-testid="interventi">
                    {interventions.map((i) => (
                      <li key={i.id}>
                        <strong>{serviceKindLabels[i.serviceKind]}</strong>: {i.frequency}
                        {i.provider && ` – ${i.provider.name}`}{' '}
                        <span className="ponte-muted">
                          ({copy.from(formatDate(i.startDate), i.endDate ? formatDate(i.endDate) : null)})
                        </span>
                        {project.status !== 'CLOSED' && <InterventionCorrections intervention={i} project={project} />}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </div>
          );
        })}
      </div>
      {project.status !== 'CLOSED' && (
        <div className="row g-4 mt-2">
          <div className="col-12 col-xl-6">
            <AddGoalForm project={project} />
          </div>
          <div className="col-12 col-xl-6">
            <AddInterventionForm project={project} />
          </div>
        </div>
      )}
    </section>
  );
}

const GOAL_UPDATE_FIELDS = ['status', 'outcomeNote'] as const;

function GoalOutcomeForm({ goal }: { goal: Project['goals'][number] }) {
  const prefix = `obiettivo-${goal.id}`;
  const form = useForm(prefix, GOAL_UPDATE_FIELDS, { status: goal.status, outcomeNote: goal.outcomeNote ?? '' });
  const [{ fetching }, update] = useMutation(updateGoalMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await update({
      input: { goalId: goal.id, status: form.values.status as GoalStatus, outcomeNote: form.values.outcomeNote.trim() },
    });
    if (result.data)
      form.done(copy.goalUpdated, { status: result.data.updateGoal.status, outcomeNote: result.data.updateGoal.outcomeNote ?? '' });
    else form.fail(result.error);
  }

  return (
    <details className="ponte-details mb-2">
      <summary>
        {copy.updateGoal}
        <span className="visually-hidden">: {goal.description}</span>
      </summary>
      <form onSubmit={submit} noValidate aria-label={copy.updateGoalLabel(goal.description)}>
        <FormFeedback message={form.message} />
        <SelectField label={copy.status} options={labelOptions(goalStatusLabels)} {...form.field('status')} />
        <TextField label={`${copy.outcomeNote} ${commonCopy.optional}`} {...form.field('outcomeNote')} />
        <Button type="submit" color="primary" size="xs" disabled={fetching}>
          {fetching ? copy.working : copy.save}
        </Button>
      </form>
    </details>
  );
}

const GOAL_FIELDS = ['lifeArea', 'description', 'targetDate', 'indicator'] as const;

function AddGoalForm({ project }: { project: Project }) {
  const form = useForm('obiettivo', GOAL_FIELDS, { lifeArea: '', description: '', targetDate: '', indicator: '' });
  const [{ fetching }, add] = useMutation(addGoalMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { lifeArea, description, targetDate, indicator } = form.values;
    if (
      !form.check({
        lifeArea: lifeArea ? undefined : copy.missing.lifeArea,
        description: description.trim() ? undefined : copy.missing.description,
      })
    )
      return;
    const result = await add({
      input: {
        projectId: project.id,
        lifeArea: lifeArea as LifeArea,
        description: description.trim(),
        targetDate: targetDate || null,
        indicator: indicator.trim() || null,
      },
    });
    // The area stays chosen: goals often come in a row for one area.
    if (result.data)
      form.done(copy.goalAdded(lifeAreaLabels[lifeArea as LifeArea]), { lifeArea, description: '', targetDate: '', indicator: '' });
    else form.fail(result.error);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="obiettivo-titolo" className="ponte-subform">
      <h3 id="obiettivo-titolo" className="h5">
        {copy.addGoal}
      </h3>
      <FormFeedback message={form.message} />
      <SelectField label={copy.lifeArea} options={LIFE_AREAS} placeholder={projectCopy.choose} required {...form.field('lifeArea')} />
      <TextAreaField label={copy.description} hint={copy.descriptionHint} rows={2} required {...form.field('description')} />
      <div className="row">
        <div className="col-12 col-md-6">
          <TextField label={`${copy.targetDate} ${commonCopy.optional}`} type="date" {...form.field('targetDate')} />
        </div>
        <div className="col-12 col-md-6">
          <TextField label={`${copy.indicatorField} ${commonCopy.optional}`} hint={copy.indicatorHint} {...form.field('indicator')} />
        </div>
      </div>
      <Button type="submit" color="primary" disabled={fetching}>
        {fetching ? copy.working : copy.submitGoal}
      </Button>
    </form>
  );
}

export const INTERVENTION_FIELDS = ['lifeArea', 'serviceKind', 'goalId', 'providerId', 'frequency', 'startDate', 'endDate'] as const;

export type InterventionForm = ReturnType<typeof useForm<(typeof INTERVENTION_FIELDS)[number]>>;

/** Checks an intervention's form in the browser, field by field; true when it can be sent. */
export function checkIntervention(form: InterventionForm): boolean {
  const v = form.values;
  return form.check({
    lifeArea: v.lifeArea ? undefined : copy.missing.lifeArea,
    serviceKind: v.serviceKind ? undefined : copy.missing.serviceKind,
    frequency: v.frequency.trim() ? undefined : copy.missing.frequency,
    startDate: v.startDate ? undefined : copy.missing.startDate,
  });
}

/** An intervention's fields as `addIntervention` and `updateIntervention` take them. */
export function interventionFields(form: InterventionForm) {
  const v = form.values;
  return {
    lifeArea: v.lifeArea as LifeArea,
    serviceKind: v.serviceKind as ServiceKind,
    goalId: v.goalId || null,
    providerId: v.providerId || null,
    frequency: v.frequency.trim(),
    startDate: v.startDate,
    endDate: v.endDate || null,
  };
}

/** The fields of an intervention, for adding one and for correcting one. */
export function InterventionFieldsInputs({ form, project }: { form: InterventionForm; project: Project }) {
  const [organizations] = useQuery({ query: providerOrganizationsQuery });
  const goals = project.goals.filter((g) => !form.values.lifeArea || g.lifeArea === form.values.lifeArea);
  return (
    <>
      <div className="row">
        <div className="col-12 col-md-6">
          <SelectField label={copy.lifeArea} options={LIFE_AREAS} placeholder={projectCopy.choose} required {...form.field('lifeArea')} />
        </div>
        <div className="col-12 col-md-6">
          <SelectField
            label={copy.serviceKind}
            options={labelOptions(serviceKindLabels)}
            placeholder={projectCopy.choose}
            required
            {...form.field('serviceKind')}
          />
        </div>
        <div className="col-12 col-md-6">
          <SelectField
            label={`${copy.goal} ${commonCopy.optional}`}
            options={goals.map((g) => [g.id, g.description] as const)}
            placeholder={copy.noGoal}
            {...form.field('goalId')}
          />
        </div>
        <div className="col-12 col-md-6">
          <SelectField
            label={`${copy.provider} ${commonCopy.optional}`}
            options={(organizations.data?.organizations.nodes ?? []).map((o) => [o.id, o.name] as const)}
            placeholder={projectCopy.choose}
            {...form.field('providerId')}
          />
        </div>
      </div>
      <TextField label={copy.frequency} hint={copy.frequencyHint} required {...form.field('frequency')} />
      <div className="row">
        <div className="col-12 col-md-6">
          <TextField label={copy.startDate} type="date" required {...form.field('startDate')} />
        </div>
        <div className="col-12 col-md-6">
          <TextField label={`${copy.endDate} ${commonCopy.optional}`} type="date" {...form.field('endDate')} />
        </div>
      </div>
    </>
  );
}

function AddInterventionForm({ project }: { project: Project }) {
  const initial = { lifeArea: '', serviceKind: '', goalId: '', providerId: '', frequency: '', startDate: todayIso(), endDate: '' };
  const form = useForm('intervento', INTERVENTION_FIELDS, initial);
  const [{ fetching }, add] = useMutation(addInterventionMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!checkIntervention(form)) return;
    const result = await add({ input: { projectId: project.id, ...interventionFields(form) } });
    if (result.data) form.done(copy.interventionAdded, initial);
    else form.fail(result.error);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="intervento-titolo" className="ponte-subform">
      <h3 id="intervento-titolo" className="h5">
        {copy.addIntervention}
      </h3>
      <FormFeedback message={form.message} />
      <InterventionFieldsInputs form={form} project={project} />
      <Button type="submit" color="primary" disabled={fetching}>
        {fetching ? copy.working : copy.submitIntervention}
      </Button>
    </form>
  );
}
