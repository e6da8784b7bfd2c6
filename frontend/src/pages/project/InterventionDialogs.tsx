import type { FormEvent } from 'react';
import { useMutation } from 'urql';
import { ConfirmButtons } from '../../components/ConfirmButtons';
import { Dialog } from '../../components/Dialog';
import { DialogOpener } from '../../components/DialogOpener';
import { FormFeedback } from '../../components/FormFeedback';
import { TextField } from '../../components/TextField';
import { useForm } from '../../components/useForm';
import { graphql } from '../../gql';
import { serviceKindLabels } from '../../i18n/enums';
import { formatDate, todayIso } from '../../i18n/format';
import { projectCopy } from './copy';
import { checkIntervention, INTERVENTION_FIELDS, InterventionFieldsInputs, interventionFields } from './GoalsSection';
import type { Project } from './queries';

const copy = projectCopy.goals.correction;

export const updateInterventionMutation = graphql(`
  mutation UpdateIntervention($input: UpdateInterventionInput!) {
    updateIntervention(input: $input) {
      id
      endDate
    }
  }
`);

type Intervention = Project['interventions'][number];

/**
 * "Modifica" and "Interrompi" beside an intervention: both send
 * `updateIntervention`, which the server records in the project's history.
 * Stopping is a formal act: its dialog says from when and asks to confirm.
 * An intervention already ended is not stopped again.
 */
export function InterventionCorrections({ intervention, project }: { intervention: Intervention; project: Project }) {
  const name = `${serviceKindLabels[intervention.serviceKind]}: ${intervention.frequency}`;
  const running = !intervention.endDate || intervention.endDate > todayIso();
  return (
    <>
      <DialogOpener
        label={copy.edit}
        name={copy.editLabel(name)}
        dialog={(done, cancel) => (
          <EditInterventionDialog intervention={intervention} project={project} name={name} onDone={done} onCancel={cancel} />
        )}
      />
      <DialogOpener
        label={copy.stop}
        name={copy.stopLabel(name)}
        color="danger"
        offered={running}
        dialog={(done, cancel) => <StopInterventionDialog intervention={intervention} name={name} onDone={done} onCancel={cancel} />}
      />
    </>
  );
}

function valuesOf(intervention: Intervention) {
  return {
    lifeArea: intervention.lifeArea,
    serviceKind: intervention.serviceKind,
    goalId: intervention.goalId ?? '',
    providerId: intervention.provider?.id ?? '',
    frequency: intervention.frequency,
    startDate: intervention.startDate,
    endDate: intervention.endDate ?? '',
  };
}

function EditInterventionDialog({
  intervention,
  project,
  name,
  onDone,
  onCancel,
}: {
  intervention: Intervention;
  project: Project;
  name: string;
  onDone: (text: string) => void;
  onCancel: () => void;
}) {
  const form = useForm('modifica-intervento', INTERVENTION_FIELDS, valuesOf(intervention));
  const [{ fetching }, update] = useMutation(updateInterventionMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!checkIntervention(form)) return;
    const result = await update({ input: { interventionId: intervention.id, ...interventionFields(form) } });
    if (result.data) onDone(copy.edited);
    else form.fail(result.error);
  }

  return (
    <Dialog title={copy.editTitle(name)} description={copy.editSummary}>
      <form onSubmit={submit} noValidate aria-label={copy.editTitle(name)}>
        <FormFeedback message={form.message} />
        <InterventionFieldsInputs form={form} project={project} />
        <ConfirmButtons label={copy.save} working={fetching} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}

function StopInterventionDialog({
  intervention,
  name,
  onDone,
  onCancel,
}: {
  intervention: Intervention;
  name: string;
  onDone: (text: string) => void;
  onCancel: () => void;
}) {
  const form = useForm('interrompi-intervento', ['endDate'] as const, { endDate: todayIso() });
  const [{ fetching }, update] = useMutation(updateInterventionMutation);
  const endDate = form.values.endDate;

  async function confirm(event?: FormEvent) {
    event?.preventDefault();
    const ok = form.check({
      endDate: !endDate
        ? copy.missingEndDate
        : endDate < intervention.startDate
          ? copy.beforeStart(formatDate(intervention.startDate))
          : undefined,
    });
    if (!ok) return;
    const result = await update({
      input: {
        interventionId: intervention.id,
        ...valuesOf(intervention),
        goalId: intervention.goalId ?? null,
        providerId: intervention.provider?.id ?? null,
        endDate,
      },
    });
    if (result.data) onDone(copy.stopped(formatDate(endDate)));
    else form.fail(result.error);
  }

  return (
    <Dialog role="alertdialog" title={copy.stopTitle(name)} description={endDate ? copy.stopSummary(formatDate(endDate)) : undefined}>
      <form onSubmit={confirm} noValidate aria-label={copy.stopTitle(name)}>
        <FormFeedback message={form.message} />
        <TextField label={copy.endDate} type="date" min={intervention.startDate} required {...form.field('endDate')} />
        <ConfirmButtons label={copy.stopConfirm} working={fetching} onConfirm={() => void confirm()} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
