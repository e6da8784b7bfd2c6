import { Client, cacheExchange, fetchExchange, getOperationName, mapExchange, type Operation, type OperationResult } from 'urql';

export interface PonteClientOptions {
  /** Called when an operation other than the sign-in finds no valid session, with that operation. */
  onSessionLost: (operation: Operation) => void;
  /** Called when the server answered with the session still valid: its idle time starts over. */
  onAnswer?: () => void;
  /** For tests: the fetch to use instead of the browser's. */
  fetch?: typeof fetch;
}

/**
 * The context of an operation nobody asked for (the badge's poll): its
 * answer says the session is alive but not that someone is at the keyboard,
 * so it does not restart the idle countdown.
 */
export const backgroundContext = { background: true } as const;

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
export function createPonteClient({ onSessionLost, onAnswer, fetch }: PonteClientOptions): Client {
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
          if (lostSession(result)) onSessionLost(result.operation);
          else if (!result.error?.networkError && !result.operation.context.background) onAnswer?.();
        },
      }),
      fetchExchange,
    ],
  });
}
