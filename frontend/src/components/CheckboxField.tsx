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
}

/** A checkbox in bootstrap-italia's markup (the input before its label). */
export function CheckboxField({ id, label, checked, onChange, hint, ...rest }: CheckboxFieldProps) {
  const hintId = hint ? `${id}-aiuto` : undefined;
  return (
    <div className="form-check ponte-check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={hintId} {...rest} />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <small id={hintId} className="form-text d-block">
          {hint}
        </small>
      )}
    </div>
  );
}
