import type { FormEvent } from 'react';
import { useMutation } from 'urql';
import { ConfirmButtons } from '../../components/ConfirmButtons';
import { Dialog } from '../../components/Dialog';
import { DialogOpener } from '../../components/DialogOpener';
import { FormFeedback } from '../../components/FormFeedback';
import { TextAreaField } from '../../components/TextAreaField';
import { useForm } from '../../components/useForm';
import { graphql } from '../../gql';
import type { ResourceUnit } from '../../gql/graphql';
import { formatDate } from '../../i18n/format';
import { formatQuantity } from './budget';
import { projectCopy } from './copy';

const copy = projectCopy.budget.reversal;

export const reverseResourceUseMutation = graphql(`
  mutation ReverseResourceUse($input: ReverseResourceUseInput!) {
    reverseResourceUse(input: $input) {
      id
      usedQuantity
      overused
    }
  }
`);

export interface ReversibleUse {
  id: string;
  date: string;
  quantity: string;
  /** Set once reversed: no second reversal is offered. */
  reversedBy?: { id: string } | null;
}

const FIELDS = ['reason'] as const;

/**
 * "Storna" beside a use recorded wrong: a wrong use is never deleted nor
 * edited, it is cancelled by a reversing entry (`reverseResourceUse`) that
 * says why. A formal act: the dialog says what will be recorded and only
 * "Conferma lo storno" sends it; the reason is required, by the field. The
 * right use is then recorded with "Registra un utilizzo". It stays mounted
 * once the use is reversed, to say so where the button was.
 */
export function ReverseUse({ use, description, unit }: { use: ReversibleUse; description: string; unit: ResourceUnit }) {
  const amount = formatQuantity(use.quantity, unit);
  const date = formatDate(use.date);
  return (
    <DialogOpener
      label={copy.button}
      name={copy.open(amount, date)}
      offered={!use.reversedBy}
      dialog={(done, cancel) => (
        <ReverseUseDialog use={use} summary={copy.summary(amount, date, description)} onDone={() => done(copy.done)} onCancel={cancel} />
      )}
    />
  );
}

function ReverseUseDialog({
  use,
  summary,
  onDone,
  onCancel,
}: {
  use: ReversibleUse;
  summary: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const form = useForm('storno', FIELDS, { reason: '' });
  const [{ fetching }, reverse] = useMutation(reverseResourceUseMutation);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const reason = form.values.reason.trim();
    if (!form.check({ reason: reason ? undefined : copy.missingReason })) return;
    const result = await reverse({ input: { useId: use.id, reason } });
    if (result.data) onDone();
    else form.fail(result.error);
  }

  return (
    <Dialog title={copy.title} description={summary}>
      <form onSubmit={submit} noValidate aria-label={copy.title}>
        <FormFeedback message={form.message} />
        <TextAreaField label={copy.reason} hint={copy.reasonHint} required {...form.field('reason')} />
        <ConfirmButtons label={copy.confirm} working={fetching} onConfirm={() => void submit()} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
