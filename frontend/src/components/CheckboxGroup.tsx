import type { ReactNode } from 'react';
import { CheckboxField } from './CheckboxField';

/**
 * Several choices of one question as checkboxes in a fieldset (the LEPS
 * interventions, the participants present): the legend names the question,
 * the error is announced with the group, which takes the focus on a refusal
 * (its id is the form's field id). `children` go under the legend (a note
 * when there is nothing to choose).
 */
export function CheckboxGroup<T extends string>({
  id,
  legend,
  options,
  chosen,
  onChange,
  error,
  children,
}: {
  id: string;
  legend: string;
  options: ReadonlyArray<readonly [value: T, label: string]>;
  chosen: readonly T[];
  onChange: (chosen: T[]) => void;
  error?: string;
  children?: ReactNode;
}) {
  return (
    <fieldset id={id} tabIndex={-1} className="ponte-fieldset" aria-describedby={error ? `${id}-errore` : undefined}>
      <legend className="ponte-legend">{legend}</legend>
      {children}
      {options.map(([value, label]) => (
        <CheckboxField
          key={value}
          id={`${id}-${value}`}
          label={label}
          checked={chosen.includes(value)}
          onChange={(checked) => onChange(checked ? [...chosen, value] : chosen.filter((c) => c !== value))}
        />
      ))}
      {error && (
        <div id={`${id}-errore`} className="invalid-feedback d-block">
          {error}
        </div>
      )}
    </fieldset>
  );
}
