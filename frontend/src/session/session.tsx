/**
 * Who is signed in. The provider owns the urql client: a new client (and so
 * an empty cache) at every sign-in and sign-out, so nothing one user saw is
 * shown to the next. When any operation answers UNAUTHENTICATED, or `me` is
 * null, the session is over and the app shows the sign-in screen.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Provider, type Client } from 'urql';
import { graphql } from '../gql';
import type { ViewerFieldsFragment } from '../gql/graphql';
import { createPonteClient } from '../graphql/client';

graphql(`
  fragment ViewerFields on User {
    id
    email
    displayName
    role
    profession
    organization {
      id
      name
      kind
    }
  }
`);

export const meQuery = graphql(`
  query Me {
    me {
      ...ViewerFields
    }
  }
`);

const logoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export type Viewer = ViewerFieldsFragment;

export type SessionState =
  | { status: 'loading' }
  | { status: 'unreachable' }
  | {
      status: 'signedOut';
      /** none: no session at start; expired: it ended by itself; signedOut: the user chose "Esci". */
      reason: 'none' | 'expired' | 'signedOut';
    }
  | { status: 'signedIn'; viewer: Viewer };

interface SessionApi {
  state: SessionState;
  signedIn: (viewer: Viewer) => void;
  signOut: () => Promise<void>;
  retry: () => void;
}

const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession outside SessionProvider');
  return api;
}

/** The signed-in user; only for components rendered inside the signed-in app. */
export function useViewer(): Viewer {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useViewer without a session');
  return state.viewer;
}

export function SessionProvider({ children, fetch }: { children: ReactNode; fetch?: typeof globalThis.fetch }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  // A new client has an empty cache: one per session. `fetch` is fixed for the provider's life.
  const newClient = useCallback(
    function newClient(): Client {
      return createPonteClient({
        fetch,
        onSessionLost: () => {
          setState((s) => (s.status === 'signedIn' ? { status: 'signedOut', reason: 'expired' } : s));
          setClient(newClient());
        },
      });
    },
    [fetch],
  );
  const [client, setClient] = useState<Client>(newClient);

  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    if (state.status !== 'loading') return;
    client
      .query(meQuery, {}, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (cancelled) return;
        if (result.data) {
          const me = result.data.me;
          setState(me ? { status: 'signedIn', viewer: me } : { status: 'signedOut', reason: 'none' });
        } else if (result.error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
          setState({ status: 'signedOut', reason: 'none' });
        } else {
          setState({ status: 'unreachable' });
        }
      });
    return () => {
      cancelled = true;
    };
  }, [client, state.status, attempt]);

  // A page restored from the back-forward cache shows what it showed when it
  // was left, possibly a record of the user who has signed out since (a
  // shared office PC): ask the server who is signed in before showing
  // anything, with an empty cache. The shell is `no-store`, which keeps
  // most browsers from restoring it at all; this covers the others.
  useEffect(() => {
    function onPageShow(event: PageTransitionEvent) {
      if (!event.persisted) return;
      setClient(newClient());
      setState({ status: 'loading' });
    }
    window.addEventListener('pageshow', onPageShow);
    return () => window.removeEventListener('pageshow', onPageShow);
  }, [newClient]);

  const signedIn = useCallback(
    (viewer: Viewer) => {
      setClient(newClient());
      setState({ status: 'signedIn', viewer });
    },
    [newClient],
  );

  const signOut = useCallback(async () => {
    // Whatever the answer, this browser forgets the session; the server
    // deletes it when the request arrives.
    await client.mutation(logoutMutation, {}).toPromise();
    setClient(newClient());
    setState({ status: 'signedOut', reason: 'signedOut' });
  }, [client, newClient]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((a) => a + 1);
  }, []);

  const api = useMemo(() => ({ state, signedIn, signOut, retry }), [state, signedIn, signOut, retry]);
  return (
    <SessionContext.Provider value={api}>
      <Provider value={client}>{children}</Provider>
    </SessionContext.Provider>
  );
}
