/**
 * A stand-in for Ponte's /graphql in unit tests: answers by operation name
 * and records every request, so a test can also check how urql sent it.
 */
export interface RecordedRequest {
  url: string;
  init: RequestInit;
  operationName: string;
  variables: Record<string, unknown>;
}

type Answer = { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
type Handler = (variables: Record<string, unknown>) => Answer;

export function fakeServer(handlers: Record<string, Handler>) {
  const requests: RecordedRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const body = JSON.parse(String(init.body)) as { query: string; variables?: Record<string, unknown>; operationName?: string };
    const operationName = body.operationName ?? /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? '';
    requests.push({ url: String(input), init, operationName, variables: body.variables ?? {} });
    const handler = handlers[operationName];
    const answer: Answer = handler
      ? handler(body.variables ?? {})
      : { errors: [{ message: `no fake for ${operationName}`, extensions: { code: 'BAD_REQUEST' } }] };
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

export const unauthenticated = (message = "Accesso richiesto: effettua l'accesso"): Answer => ({
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
  organization: { __typename: 'Organization', id: '0190a000-0000-7000-8000-0000000000aa', name: 'Ambito di prova', kind: 'AMBITO' },
};
