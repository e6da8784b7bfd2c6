export interface RadioGroupProps {
  /** Prefix of the radios' ids and their `name`. */
  id: string;
  legend: string;
  value: string;
  onChange: (value: string) => void;
  options: ReadonlyArray<readonly [value: string, label: string]>;
  inline?: boolean;
  hint?: string;
  error?: string;
  /** Extra classes for the fieldset. */
  className?: string;
}

/**
 * A group of radios in a fieldset whose legend names the question; the
 * error, when any, is announced with the group.
 */
export function RadioGroup({ id, legend, value, onChange, options, inline, hint, error, className }: RadioGroupProps) {
  const hintId = hint ? `${id}-aiuto` : undefined;
  const errorId = error ? `${id}-errore` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      id={id}
      className={['ponte-radio-group', className ?? ''].filter(Boolean).join(' ')}
      aria-describedby={describedBy}
      tabIndex={-1}
    >
      <legend className="ponte-legend">{legend}</legend>
      {hint && (
        <small id={hintId} className="form-text d-block mb-2">
          {hint}
        </small>
      )}
      {options.map(([optionValue, label]) => {
        const optionId = `${id}-${optionValue}`;
        return (
          <div key={optionValue} className={`form-check${inline ? ' form-check-inline' : ''}`}>
            <input
              id={optionId}
              name={id}
              type="radio"
              value={optionValue}
              checked={value === optionValue}
              onChange={() => onChange(optionValue)}
            />
            <label htmlFor={optionId}>{label}</label>
          </div>
        );
      })}
      {error && (
        <div id={errorId} className="invalid-feedback d-block">
          {error}
        </div>
      )}
    </fieldset>
  );
}
