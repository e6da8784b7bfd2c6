import { useCallback, useState } from 'react';

/**
 * The cursors of the pages a "Carica altri" list has loaded: `[null]` at
 * first, then every `endCursor` the user asked for. Starts over when
 * `resetKey` changes (a new search, another filter).
 */
export function useCursorPages(resetKey: string) {
  const [state, setState] = useState<{ key: string; cursors: Array<string | null> }>({
    key: resetKey,
    cursors: [null],
  });
  const cursors = state.key === resetKey ? state.cursors : [null];
  const loadMore = useCallback(
    (endCursor: string | null | undefined) => {
      if (!endCursor) return;
      setState((s) => {
        const current = s.key === resetKey ? s.cursors : [null];
        return current.includes(endCursor) ? s : { key: resetKey, cursors: [...current, endCursor] };
      });
    },
    [resetKey],
  );
  return { cursors, last: cursors[cursors.length - 1], loadMore };
}
