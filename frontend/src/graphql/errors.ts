/**
 * Reading Ponte's errors: every GraphQL error carries `extensions.code`, and
 * a `VALIDATION` error names the input field in `extensions.field`.
 */
import type { CombinedError } from 'urql';
import { commonCopy } from '../i18n/it';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  // a query too costly to run (depth, size or cost); the message is Italian
  | 'TOO_COMPLEX'
  | 'INTERNAL'
  | 'BAD_REQUEST';

interface CodedError {
  message: string;
  extensions?: Record<string, unknown> | null;
}

export function codeOf(error: CodedError): string | undefined {
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The first GraphQL error of `error` with this code, if any. */
export function findCode(error: CombinedError | undefined, code: ErrorCode): CodedError | undefined {
  return error?.graphQLErrors.find((e) => codeOf(e) === code);
}

/** What a form shows: messages by field, and one message for the rest. */
export interface FormErrors<F extends string> {
  fields: Partial<Record<F, string>>;
  general?: string;
}

/**
 * The form's field a server's `extensions.field` names: the path itself
 * (`input.email` and `email` both name `email`), else its longest part the
 * form has, so a nested input finds its place (`agreement.title` → `title`,
 * `parties[1].organizationId` → `parties`, `elements.purpose` → a form's
 * `elements.purpose` or `purpose`).
 */
export function formField<F extends string>(path: string, fields: readonly F[]): F | undefined {
  const parts = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean);
  if (parts[0] === 'input') parts.shift();
  for (let length = parts.length; length > 0; length -= 1) {
    for (let start = 0; start + length <= parts.length; start += 1) {
      const candidate = parts.slice(start, start + length).join('.');
      const found = fields.find((f) => f === candidate);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Spreads a failed mutation over a form: a `VALIDATION` error whose
 * `extensions.field` is one of `fields` goes by that field (`input.email` and
 * `email` both name `email`), anything else becomes the general message.
 * Server messages are Italian and meant for the user; a `BAD_REQUEST` (the
 * query itself was refused) and a network failure get our own words.
 */
export function formErrors<F extends string>(error: CombinedError, fields: readonly F[]): FormErrors<F> {
  const result: FormErrors<F> = { fields: {} };
  const general: string[] = [];
  for (const e of error.graphQLErrors) {
    const code = codeOf(e);
    const rawField = e.extensions?.field;
    const field = typeof rawField === 'string' ? formField(rawField, fields) : undefined;
    if (code === 'VALIDATION' && field) {
      result.fields[field] ??= e.message;
    } else if (code === 'BAD_REQUEST' || !code) {
      general.push(commonCopy.genericError);
    } else {
      general.push(e.message);
    }
  }
  if (error.networkError && error.graphQLErrors.length === 0) general.push(commonCopy.networkError);
  if (general.length > 0) result.general = [...new Set(general)].join(' ');
  else if (Object.keys(result.fields).length === 0) result.general = commonCopy.genericError;
  return result;
}

/** One sentence for a failed operation outside a form (a list, a button). */
export function errorMessage(error: CombinedError): string {
  return formErrors(error, [] as const).general ?? commonCopy.genericError;
}
