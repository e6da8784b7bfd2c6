import { Button } from 'design-react-kit';
import { confirmCopy } from '../i18n/it';

/**
 * The two buttons under a summary of a formal act (a review, a signature,
 * an agreement) or at the foot of a correction's dialog: the act, and
 * "Annulla", which goes back with nothing sent. Without `onConfirm` the act
 * is the form's submit button.
 */
export function ConfirmButtons({
  label,
  working,
  onConfirm,
  onCancel,
}: {
  label: string;
  working: boolean;
  onConfirm?: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="d-flex flex-wrap gap-2">
      <Button type={onConfirm ? 'button' : 'submit'} color="primary" size="sm" disabled={working} onClick={onConfirm}>
        {working ? confirmCopy.working : label}
      </Button>
      <Button type="button" color="secondary" outline size="sm" onClick={onCancel}>
        {confirmCopy.cancel}
      </Button>
    </div>
  );
}
