/**
 * Counts down an idle session in the browser. The server ends a session
 * `idleMs` at the earliest after the last request that reached it
 * (`sessionPolicy.idleTimeoutSeconds`); the SPA cannot ask without sliding
 * the session, so it counts from its own last answer.
 */

/** How long before the end the warning shows: two minutes, or a quarter of a shorter timeout. */
export function warningLeadMs(idleMs: number): number {
  return Math.min(2 * 60_000, idleMs / 4);
}

export interface IdleTimerHandlers {
  /** The end is `warningLeadMs` away. */
  warn: () => void;
  /** The session has ended (as far as this browser can tell). */
  expire: () => void;
}

export interface IdleTimer {
  /** A request reached the server: the count starts over. */
  touch: () => void;
  stop: () => void;
}

export function createIdleTimer(idleMs: number, { warn, expire }: IdleTimerHandlers): IdleTimer {
  let timers: ReturnType<typeof setTimeout>[] = [];
  const stop = () => {
    timers.forEach(clearTimeout);
    timers = [];
  };
  const touch = () => {
    stop();
    timers = [setTimeout(warn, idleMs - warningLeadMs(idleMs)), setTimeout(expire, idleMs)];
  };
  touch();
  return { touch, stop };
}
