/**
 * A stand-in for Ponte's /graphql in unit tests: answers by operation name
 * and records every request, so a test can also check how urql sent it.
 * Each handler is typed from the generated types of its operation
 * (src/gql/graphql.ts): its variables, and the data it answers with.
 */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import type * as generated from '../gql/graphql';
import type { ViewerFieldsFragment } from '../gql/graphql';

export interface RecordedRequest {
  url: string;
  init: RequestInit;
  operationName: string;
  variables: Record<string, unknown>;
}

type Generated = typeof generated;

/** Every operation of the SPA by name (`ProjectDetail`), with the result and variables codegen wrote for it. */
export type Operations = {
  [K in keyof Generated as K extends `${infer Name}Document` ? Name : never]: Generated[K] extends DocumentTypeDecoration<
    infer Result,
    infer Variables
  >
    ? { result: Result; variables: Variables }
    : never;
};

/**
 * Data as the server sends it: the generated type, with the `__typename` that
 * urql's cache reads on every object (the generated types leave it out).
 */
export type Served<T> = T extends readonly (infer Item)[]
  ? Served<Item>[]
  : T extends object
    ? { [K in keyof T]: Served<T[K]> } & { __typename?: string }
    : T;

type GraphQLError = { message: string; extensions?: Record<string, unknown> };
export type Answer<Data = unknown> = { data?: Served<Data> | null; errors?: GraphQLError[] };

export type Handlers = {
  [Name in keyof Operations]?: (variables: Operations[Name]['variables']) => Answer<Operations[Name]['result']>;
};

export function fakeServer(handlers: Handlers) {
  const requests: RecordedRequest[] = [];
  // The one cast: the operation is named by the request at run time; each handler is typed by its name above.
  const byName = handlers as Record<string, ((variables: Record<string, unknown>) => Answer) | undefined>;
  const fetch: typeof globalThis.fetch = async (input, init = {}) => {
    const body: { query: string; variables?: Record<string, unknown>; operationName?: string } = JSON.parse(String(init.body));
    const operationName = body.operationName ?? /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? '';
    requests.push({ url: String(input), init, operationName, variables: body.variables ?? {} });
    const handler = byName[operationName];
    const answer: Answer = handler
      ? handler(body.variables ?? {})
      : { errors: [{ message: `no fake for ${operationName}`, extensions: { code: 'BAD_REQUEST' } }] };
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return { fetch, requests };
}

export const unauthenticated = (message = "Accesso richiesto: effettua l'accesso"): Answer<never> => ({
  data: null,
  errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }],
});

export const adminViewer = {
  __typename: 'User',
  id: '0190a000-0000-7000-8000-000000000001',
  email: 'admin@ponte.demo',
  displayName: 'Amministrazione Ponte',
  role: 'ADMIN',
  profession: 'AMMINISTRATIVO',
  mustChangePassword: false,
  organization: { __typename: 'Organization', id: '0190a000-0000-7000-8000-0000000000aa', name: 'Ambito di prova', kind: 'AMBITO' },
} satisfies Served<ViewerFieldsFragment>;

/** A signed-in user as `me` returns it: the administrator, with what the test changes. */
export function viewer(overrides: Partial<Served<ViewerFieldsFragment>> = {}): Served<ViewerFieldsFragment> {
  return { ...adminViewer, ...overrides };
}
