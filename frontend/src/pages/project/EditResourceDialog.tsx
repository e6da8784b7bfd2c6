import type { FormEvent } from 'react';
import { useMutation } from 'urql';
import { ConfirmButtons } from '../../components/ConfirmButtons';
import { Dialog } from '../../components/Dialog';
import { DialogOpener } from '../../components/DialogOpener';
import { FormFeedback } from '../../components/FormFeedback';
import { useForm } from '../../components/useForm';
import { graphql } from '../../gql';
import { checkResource, RESOURCE_FIELDS, ResourceFieldsInputs, resourceFields } from './BudgetSection';
import { projectCopy } from './copy';
import type { Project } from './queries';

const copy = projectCopy.budget.correction;

export const updateBudgetResourceMutation = graphql(`
  mutation UpdateBudgetResource($input: UpdateBudgetResourceInput!) {
    updateBudgetResource(input: $input) {
      id
      version
      description
      plannedQuantity
    }
  }
`);

type Resource = Project['budget']['resources'][number];

/** A stored decimal ("1250.50") as the form shows amounts: "1250,50". */
const typed = (decimal: string) => decimal.replace('.', ',');

/**
 * "Correggi" on a budget line: its fields in a dialog, as when it was added,
 * sent with the line's version (`updateBudgetResource`). The server records
 * the change in the project's history and asks the parties to agree again
 * to the changed plan; a stale version is a CONFLICT.
 */
export function EditResource({ resource }: { resource: Resource }) {
  return (
    <DialogOpener
      label={copy.open}
      name={copy.openLabel(resource.description)}
      dialog={(done, cancel) => <EditResourceDialog resource={resource} onDone={done} onCancel={cancel} />}
    />
  );
}

function EditResourceDialog({ resource, onDone, onCancel }: { resource: Resource; onDone: (text: string) => void; onCancel: () => void }) {
  const form = useForm('correggi-risorsa', RESOURCE_FIELDS, {
    lifeArea: resource.lifeArea,
    kind: resource.kind,
    unit: resource.unit,
    profession: resource.profession ?? '',
    providerKind: resource.providerKind,
    providerId: resource.provider?.id ?? '',
    fundingSource: resource.fundingSource,
    description: resource.description,
    plannedQuantity: typed(resource.plannedQuantity),
    periodStart: resource.periodStart,
    periodEnd: resource.periodEnd ?? '',
  });
  const [{ fetching }, update] = useMutation(updateBudgetResourceMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!checkResource(form)) return;
    const result = await update({
      input: { resourceId: resource.id, expectedVersion: resource.version, ...resourceFields(form) },
    });
    if (result.data) onDone(copy.done(result.data.updateBudgetResource.description));
    else form.fail(result.error, projectCopy.conflict);
  }

  return (
    <Dialog title={copy.title(resource.description)} description={copy.summary}>
      <form onSubmit={submit} noValidate aria-label={copy.title(resource.description)}>
        <FormFeedback message={form.message} />
        <ResourceFieldsInputs form={form} />
        <ConfirmButtons label={copy.save} working={fetching} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
