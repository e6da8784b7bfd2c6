import type { CombinedError } from 'urql';
import { errorMessage, findCode } from '../graphql/errors';
import { FormMessage } from './FormMessage';
import { PageHeading } from './PageHeading';

/** The words of the block, each page naming its own record ("Non hai accesso a questo progetto"). */
export interface RecordUnavailableCopy {
  /** The heading when the server answers FORBIDDEN, and why the viewer may not see the record. */
  forbidden: string;
  forbiddenText: string;
  /** The heading when there is no such record (NOT_FOUND, or none and no error), and what that means. */
  notFound: string;
  notFoundText: string;
  /** The heading over any other error, whose message is the server's. */
  titleFallback: string;
}

/**
 * What a page shows in place of the record it could not load: FORBIDDEN, NOT_FOUND (or no
 * record and no error), or any other error with its message. `back` leads to the list the
 * record belongs to, under the first two.
 */
export function RecordUnavailable({
  error,
  copy,
  back,
}: {
  error?: CombinedError;
  copy: RecordUnavailableCopy;
  back?: { href: string; label: string };
}) {
  const backLink = back && <a href={back.href}>{back.label}</a>;
  if (error && findCode(error, 'FORBIDDEN')) {
    return (
      <>
        <PageHeading title={copy.forbidden} />
        <FormMessage kind="error">{copy.forbiddenText}</FormMessage>
        {backLink}
      </>
    );
  }
  if (!error || findCode(error, 'NOT_FOUND')) {
    return (
      <>
        <PageHeading title={copy.notFound} />
        <p className="lead">{copy.notFoundText}</p>
        {backLink}
      </>
    );
  }
  return (
    <>
      <PageHeading title={copy.titleFallback} />
      <FormMessage kind="error">{errorMessage(error)}</FormMessage>
    </>
  );
}
