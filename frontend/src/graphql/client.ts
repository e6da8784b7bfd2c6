import { Client, cacheExchange, fetchExchange, getOperationName, mapExchange, type OperationResult } from 'urql';

export interface PonteClientOptions {
  /** Called when an operation other than the sign-in finds no valid session. */
  onSessionLost: () => void;
  /** For tests: the fetch to use instead of the browser's. */
  fetch?: typeof fetch;
}

/** The operations whose UNAUTHENTICATED answer is not a lost session. */
const SIGN_IN_OPERATIONS = new Set(['Login']);

export function lostSession(result: OperationResult): boolean {
  const name = getOperationName(result.operation.query);
  if (name && SIGN_IN_OPERATIONS.has(name)) return false;
  return !!result.error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
}

/**
 * The urql client as Ponte wants it: every operation is a POST (Ponte
 * executes nothing over GET) with `Content-Type: application/json`, the
 * `X-Ponte-CSRF: 1` header and the session cookie of this origin.
 */
export function createPonteClient({ onSessionLost, fetch }: PonteClientOptions): Client {
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    fetch,
    fetchOptions: {
      credentials: 'same-origin',
      headers: { 'X-Ponte-CSRF': '1' },
    },
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange,
      mapExchange({
        onResult(result) {
          if (lostSession(result)) onSessionLost();
        },
      }),
      fetchExchange,
    ],
  });
}
