import type { TextareaHTMLAttributes } from 'react';

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange' | 'children'> {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
}

/** A labelled `<textarea>`, its hint and error tied to it like TextField's. */
export function TextAreaField({ id, label, value, onChange, hint, error, rows = 3, ...rest }: TextAreaFieldProps) {
  const hintId = hint ? `${id}-aiuto` : undefined;
  const errorId = error ? `${id}-errore` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="form-group ponte-field">
      <label htmlFor={id} className="active">
        {label}
      </label>
      <textarea
        id={id}
        rows={rows}
        className={['form-control', error ? 'is-invalid' : ''].filter(Boolean).join(' ')}
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
