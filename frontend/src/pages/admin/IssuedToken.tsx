import { Button } from 'design-react-kit';
import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { FormMessage } from '../../components/FormMessage';
import { formatDateTime } from '../../i18n/format';
import { adminCopy } from './copy';

const copy = adminCopy.issuedToken;

/**
 * A service account's token, just made: the one time anybody sees it
 * (Ponte keeps only its hash). It lives in the state of the dialog that
 * asked for it, which is unmounted when the administrator closes this:
 * nothing keeps the token once the dialog is gone.
 */
export function IssuedToken({
  name,
  token,
  expiresAt,
  rotated = false,
  onClose,
}: {
  name: string;
  token: string;
  expiresAt: string;
  rotated?: boolean;
  onClose: () => void;
}) {
  const [copied, setCopied] = useState<boolean>();

  async function copyToken() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <Dialog title={copy.title} description={copy.description(name)}>
      <div className="alert alert-warning ponte-form-message" data-testid="token-una-volta">
        {copy.warning}
      </div>
      <div className="mb-3">
        <label htmlFor="token-emesso">{copy.label}</label>
        <div className="d-flex flex-wrap gap-2">
          <input
            id="token-emesso"
            className="form-control font-monospace"
            readOnly
            autoComplete="off"
            spellCheck={false}
            value={token}
            onFocus={(e) => e.target.select()}
          />
          <Button color="primary" size="sm" type="button" onClick={() => void copyToken()}>
            {copied ? copy.copied : copy.copy}
          </Button>
        </div>
        <small className="form-text">
          {copy.expiresAt(formatDateTime(expiresAt))} {rotated ? copy.rotatedNote : ''}
        </small>
      </div>
      <div aria-live="polite">{copied === false && <FormMessage kind="error">{copy.copyFailed}</FormMessage>}</div>
      <Button type="button" color="primary" size="sm" onClick={onClose}>
        {copy.close}
      </Button>
    </Dialog>
  );
}
