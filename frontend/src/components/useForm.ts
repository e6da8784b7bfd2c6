import { useState } from 'react';
import type { CombinedError } from 'urql';
import { findCode, formErrors } from '../graphql/errors';
import { commonCopy } from '../i18n/it';

export type FormMessageState = { kind: 'error' | 'success'; text: string; conflict?: boolean };

/**
 * The state every small form of the case screens repeats: text values by
 * field, an error by field, one message for the form, and the focus on the
 * first field in error (field ids are `${idPrefix}-${field}`). A `CONFLICT`
 * answer (someone else changed the record since it was loaded) gets the
 * `conflict` flag, so the form offers to reload.
 */
export function useForm<F extends string>(idPrefix: string, fields: readonly F[], initial: Record<F, string>) {
  const [values, setValues] = useState<Record<F, string>>(initial);
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [message, setMessage] = useState<FormMessageState>();

  const focusFirst = (found: Partial<Record<F, string>>) => {
    const first = fields.find((f) => found[f]);
    if (first) document.getElementById(`${idPrefix}-${first}`)?.focus();
  };

  return {
    values,
    errors,
    message,
    setMessage,
    /** The onChange of a field: sets it and clears its error. */
    set: (field: F) => (value: string) => {
      setValues((v) => ({ ...v, [field]: value }));
      setErrors((e) => ({ ...e, [field]: undefined }));
    },
    /** The props of a field: id, value, onChange and error. */
    field: (field: F) => ({
      id: `${idPrefix}-${field}`,
      value: values[field],
      onChange: (value: string) => {
        setValues((v) => ({ ...v, [field]: value }));
        setErrors((e) => ({ ...e, [field]: undefined }));
      },
      error: errors[field],
    }),
    /** Shows the problems found in the browser; true when there were none. */
    check: (found: Partial<Record<F, string | undefined>>): boolean => {
      const present = Object.fromEntries(Object.entries(found).filter(([, v]) => v)) as Partial<Record<F, string>>;
      setMessage(undefined);
      setErrors(present);
      if (Object.keys(present).length === 0) return true;
      focusFirst(present);
      return false;
    },
    /** Spreads a failed mutation over the form. */
    fail: (error: CombinedError | undefined, conflictText?: string) => {
      if (!error) {
        setMessage({ kind: 'error', text: commonCopy.genericError });
        return;
      }
      if (conflictText && findCode(error, 'CONFLICT')) {
        setMessage({ kind: 'error', text: conflictText, conflict: true });
        return;
      }
      const mapped = formErrors(error, fields);
      setErrors(mapped.fields);
      setMessage(mapped.general ? { kind: 'error', text: mapped.general } : undefined);
      focusFirst(mapped.fields);
    },
    /** After a success: back to `next` (or the initial values) with a confirmation. */
    done: (text: string, next: Record<F, string> = initial) => {
      setValues(next);
      setErrors({});
      setMessage({ kind: 'success', text });
    },
  };
}
