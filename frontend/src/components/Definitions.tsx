import { Fragment, type ReactNode } from 'react';

/** Terms and their values side by side (stacked on a phone): a record's facts. */
export function Definitions({ rows, testId }: { rows: Array<[string, ReactNode]>; testId?: string }) {
  return (
    <dl className="row ponte-definition mb-0" data-testid={testId}>
      {rows.map(([term, value]) => (
        <Fragment key={term}>
          <dt className="col-sm-5">{term}</dt>
          <dd className="col-sm-7">{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
