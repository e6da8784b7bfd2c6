import type { InputHTMLAttributes } from 'react';

export interface CheckboxFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'checked' | 'onChange' | 'type' | 'children'
> {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
  /** Marks the box invalid and says why (announced with it). */
  error?: string;
}

/** A checkbox in bootstrap-italia's markup (the input before its label). */
export function CheckboxField({ id, label, checked, onChange, hint, error, ...rest }: CheckboxFieldProps) {
  const hintId = hint ? `${id}-aiuto` : undefined;
  const errorId = error ? `${id}-errore` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="form-check ponte-check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...rest}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <small id={hintId} className="form-text d-block">
          {hint}
        </small>
      )}
      {error && (
        <div id={errorId} className="invalid-feedback d-block">
          {error}
        </div>
      )}
    </div>
  );
}
