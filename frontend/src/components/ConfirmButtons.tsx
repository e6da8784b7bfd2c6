import { Button } from 'design-react-kit';
import { confirmCopy } from '../i18n/it';

/**
 * The two buttons under a summary of a formal act (a review, a signature,
 * an agreement): the act, and "Annulla", which goes back to the form with
 * nothing sent.
 */
export function ConfirmButtons({
  label,
  working,
  onConfirm,
  onCancel,
}: {
  label: string;
  working: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="d-flex flex-wrap gap-2">
      <Button type="button" color="primary" size="sm" disabled={working} onClick={onConfirm}>
        {working ? confirmCopy.working : label}
      </Button>
      <Button type="button" color="secondary" outline size="sm" onClick={onCancel}>
        {confirmCopy.cancel}
      </Button>
    </div>
  );
}
