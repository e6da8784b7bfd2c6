/**
 * Who is signed in. The provider owns the urql client: a new client (and so
 * an empty cache) at every sign-in and sign-out, so nothing one user saw is
 * shown to the next. When `me` is null at start the app shows the sign-in
 * screen. A session that ends while a page is open (an operation answers
 * UNAUTHENTICATED, or the idle countdown runs out) only `lapses`: the page
 * stays mounted with what was typed, and a dialog over it signs in again.
 * The same user carries on (the queries that failed run again; a mutation
 * is sent again by pressing its button); another user starts from an empty
 * cache on the home page.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { makeOperation, Provider, type Client, type Operation } from 'urql';
import { graphql } from '../gql';
import type { ViewerFieldsFragment } from '../gql/graphql';
import { createPonteClient } from '../graphql/client';
import { paths } from '../routes';
import { navigate } from '../router/router';
import { createIdleTimer, type IdleTimer } from './idleTimer';

graphql(`
  fragment ViewerFields on User {
    id
    email
    displayName
    role
    profession
    mustChangePassword
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

const sessionPolicyQuery = graphql(`
  query SessionPolicy {
    sessionPolicy {
      idleTimeoutSeconds
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
      /** none: no session at start; signedOut: the user chose "Esci" (a session that ends by itself lapses instead). */
      reason: 'none' | 'signedOut';
    }
  | { status: 'signedIn'; viewer: Viewer };

interface SessionApi {
  state: SessionState;
  signedIn: (viewer: Viewer) => void;
  signOut: () => Promise<void>;
  retry: () => void;
  /** Signed in, but the server has ended the session: a dialog over the page asks to sign in again. */
  lapsed: boolean;
  /** The idle session ends soon: a dialog offers to stay signed in. */
  expiring: boolean;
  /** "Resta collegato": a cheap authenticated request, which slides the session. */
  stay: () => Promise<void>;
  /** Signed in again from the dialog over a lapsed session's page. */
  signedInAgain: (viewer: Viewer) => void;
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

/**
 * The tabs of this browser share one session cookie: an answer in one tab
 * restarts the countdown in the others, else an idle tab would sign out the
 * one in use. The message says only that something was answered.
 */
const TABS_CHANNEL = 'ponte-sessione';

/**
 * What the client's callbacks update outside rendering, for the provider's
 * life: the running countdown, the channel to the other tabs, and the
 * queries refused for want of a session, to run again once the same user is
 * back.
 */
class LiveSession {
  private timer: IdleTimer | null = null;
  private tabs: BroadcastChannel | null = null;
  private refused: Operation[] = [];

  runs(timer: IdleTimer | null) {
    this.timer = timer;
  }

  talksTo(tabs: BroadcastChannel | null) {
    this.tabs = tabs;
  }

  /** An answer here: the countdown starts over, here and in the other tabs. */
  answered() {
    this.touch();
    this.tabs?.postMessage('answered');
  }

  touch() {
    this.timer?.touch();
  }

  refuse(operation: Operation) {
    if (operation.kind === 'query') this.refused.push(operation);
  }

  takeRefused(): Operation[] {
    const refused = this.refused;
    this.refused = [];
    return refused;
  }
}

export function SessionProvider({ children, fetch }: { children: ReactNode; fetch?: typeof globalThis.fetch }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [lapsed, setLapsed] = useState(false);
  const [expiring, setExpiring] = useState(false);
  const [live] = useState(() => new LiveSession());
  // A new client has an empty cache: one per session. `fetch` is fixed for the provider's life.
  const newClient = useCallback(
    () =>
      createPonteClient({
        fetch,
        onSessionLost: (operation) => {
          live.refuse(operation);
          setLapsed(true);
        },
        onAnswer: () => {
          live.answered();
          setExpiring(false);
        },
      }),
    [fetch, live],
  );
  const [client, setClient] = useState<Client>(newClient);

  /** Forgets a lapse and its warning: at every sign-in and sign-out. */
  const freshSession = useCallback(() => {
    setLapsed(false);
    setExpiring(false);
    live.takeRefused();
  }, [live]);

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

  // The idle timeout is the server's; asked once, when someone is signed in
  // (without it the app simply does not warn).
  const signedInNow = state.status === 'signedIn';
  const [idleMs, setIdleMs] = useState<number>();
  useEffect(() => {
    if (!signedInNow || idleMs !== undefined) return;
    let cancelled = false;
    client
      .query(sessionPolicyQuery, {}, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        const seconds = result.data?.sessionPolicy.idleTimeoutSeconds;
        if (!cancelled && seconds) setIdleMs(seconds * 1000);
      });
    return () => {
      cancelled = true;
    };
  }, [client, signedInNow, idleMs]);

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const tabs = new BroadcastChannel(TABS_CHANNEL);
    tabs.onmessage = () => {
      live.touch();
      setExpiring(false);
    };
    live.talksTo(tabs);
    return () => {
      live.talksTo(null);
      tabs.close();
    };
  }, [live]);

  // The countdown runs while a session is believed alive; each answer restarts it.
  useEffect(() => {
    if (!signedInNow || lapsed || idleMs === undefined) return;
    const timer = createIdleTimer(idleMs, {
      warn: () => setExpiring(true),
      expire: () => {
        // The badge's poll keeps the server's session alive while the app is
        // open, so the end of the countdown ends it: whoever comes to this PC
        // next finds it closed.
        void client.mutation(logoutMutation, {}).toPromise();
        setExpiring(false);
        setLapsed(true);
      },
    });
    live.runs(timer);
    return () => {
      timer.stop();
      live.runs(null);
    };
  }, [client, live, signedInNow, lapsed, idleMs]);

  const signedIn = useCallback(
    (viewer: Viewer) => {
      freshSession();
      setClient(newClient());
      setState({ status: 'signedIn', viewer });
    },
    [newClient, freshSession],
  );

  const signedInAgain = useCallback(
    (viewer: Viewer) => {
      if (state.status !== 'signedIn' || state.viewer.id !== viewer.id) {
        // Someone else: nothing of the previous user's pages may show.
        signedIn(viewer);
        navigate(paths.home, { replace: true });
        return;
      }
      const queries = live.takeRefused();
      freshSession();
      setState({ status: 'signedIn', viewer });
      for (const operation of queries) {
        client.reexecuteOperation(makeOperation(operation.kind, operation, { ...operation.context, requestPolicy: 'network-only' }));
      }
    },
    [state, client, live, signedIn, freshSession],
  );

  const stay = useCallback(async () => {
    const result = await client.query(meQuery, {}, { requestPolicy: 'network-only' }).toPromise();
    // `me` is null, not refused, without a session.
    if (result.data && !result.data.me) setLapsed(true);
  }, [client]);

  const signOut = useCallback(async () => {
    // Whatever the answer, this browser forgets the session; the server
    // deletes it when the request arrives.
    await client.mutation(logoutMutation, {}).toPromise();
    freshSession();
    setClient(newClient());
    setState({ status: 'signedOut', reason: 'signedOut' });
  }, [client, newClient, freshSession]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((a) => a + 1);
  }, []);

  const api = useMemo(
    () => ({ state, signedIn, signOut, retry, lapsed, expiring, stay, signedInAgain }),
    [state, signedIn, signOut, retry, lapsed, expiring, stay, signedInAgain],
  );
  return (
    <SessionContext.Provider value={api}>
      <Provider value={client}>{children}</Provider>
    </SessionContext.Provider>
  );
}
