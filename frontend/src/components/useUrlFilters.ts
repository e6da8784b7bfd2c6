import { navigate, useLocation } from '../router/router';

/**
 * A list's search and filters kept in the address (`/persone?cerca=…&team=…`),
 * so that the browser's Back brings the list back as it was left and a link
 * can open it already filtered. A change replaces the current history entry:
 * the list stays one step of the history however many filters were tried.
 * `key` changes with any value (to start the list's pages over).
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const { pathname, search } = useLocation();
  const values = Object.fromEntries(keys.map((k) => [k, search.get(k)?.trim() ?? ''])) as Record<K, string>;
  function update(patch: Partial<Record<K, string>>) {
    const next = new URLSearchParams();
    for (const k of keys) {
      const value = (k in patch ? patch[k] : values[k])?.trim() ?? '';
      if (value) next.set(k, value);
    }
    const query = next.toString();
    navigate(query ? `${pathname}?${query}` : pathname, { replace: true });
  }
  return { values, update, key: keys.map((k) => values[k]).join('|') };
}
