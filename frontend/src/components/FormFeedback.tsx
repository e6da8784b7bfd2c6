import { Button } from 'design-react-kit';
import { commonCopy } from '../i18n/it';
import { FormMessage } from './FormMessage';
import type { FormMessageState } from './useForm';

/**
 * A form's message in a polite live region; after a `CONFLICT` it offers
 * "Ricarica", which loads the record as it is now.
 */
export function FormFeedback({ message, onReload }: { message?: FormMessageState; onReload?: () => void }) {
  return (
    <div aria-live="polite">
      {message && <FormMessage kind={message.kind}>{message.text}</FormMessage>}
      {message?.conflict && onReload && (
        <Button type="button" color="primary" outline size="sm" className="mb-3" onClick={onReload}>
          {commonCopy.reload}
        </Button>
      )}
    </div>
  );
}
