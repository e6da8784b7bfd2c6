import type { InputHTMLAttributes, ReactNode } from 'react';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'children'> {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown under the field, linked with aria-describedby. */
  hint?: string;
  /** Marks the field invalid and says why (announced with the field); may hold a link to the fix. */
  error?: ReactNode;
}

/**
 * A labelled input in bootstrap-italia's markup. design-react-kit's `Input`
 * does not tie its validation text to the field for screen readers and its
 * password toggle cannot be reached by keyboard, so forms use this one.
 */
export function TextField({ id, label, value, onChange, hint, error, className, type = 'text', ...rest }: TextFieldProps) {
  const hintId = hint ? `${id}-aiuto` : undefined;
  const errorId = error ? `${id}-errore` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="form-group ponte-field">
      <label htmlFor={id} className="active">
        {label}
      </label>
      <input
        id={id}
        type={type}
        className={['form-control', error ? 'is-invalid' : '', className ?? ''].filter(Boolean).join(' ')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...rest}
      />
      {hint && (
        <small id={hintId} className="form-text">
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
