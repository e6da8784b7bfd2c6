/**
 * Client-side routing, written here rather than taken from react-router.
 *
 * Why: Ponte's screens are a short, flat list of paths (later with one id,
 * `/persone/:id`). react-router 7 would add about 20 kB gzip and a data-loading
 * model we do not use (urql loads the data). What we need is the history API,
 * a hook that re-renders on navigation, `:param` matching and in-app links:
 * about eighty lines, no dependency to keep up with.
 *
 * Internal links are plain `<a href="/…">` (so design-react-kit's components,
 * which render anchors, work unchanged): one document-level click listener
 * turns a plain left click on a same-origin link into a history navigation.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';

type Listener = () => void;
const listeners = new Set<Listener>();

function notify() {
  for (const listener of listeners) listener();
}

function subscribe(listener: Listener) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function currentPath(): string {
  return window.location.pathname + window.location.search;
}

/** Goes to an in-app path (`/amministrazione`, `/accesso?ritorno=%2F`, `/persone/42#scheda-diario`). */
export function navigate(to: string, options: { replace?: boolean } = {}) {
  if (to === currentPath() + window.location.hash) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
}

export interface RouterLocation {
  pathname: string;
  search: URLSearchParams;
  /** pathname + search, as it should be restored after a sign-in. */
  path: string;
}

/** The current location; the component re-renders on every navigation. */
export function useLocation(): RouterLocation {
  const path = useSyncExternalStore(subscribe, currentPath, currentPath);
  const url = new URL(path, 'http://ponte.invalid');
  return { pathname: url.pathname, search: url.searchParams, path };
}

/** `/persone/:id` against `/persone/42` gives `{ id: '42' }`; no match gives null. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(have[i]);
    else if (want[i] !== have[i]) return null;
  }
  return params;
}

/** A path we may send the user back to: in-app and absolute, never `//host`. */
export function isSafeReturnPath(path: string | null): path is string {
  return !!path && path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\');
}

/** Installs the click listener that keeps in-app links inside the app. */
export function interceptLinks(root: Document = document): () => void {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element | null)?.closest?.('a');
    if (!anchor || !anchor.href || anchor.hasAttribute('download')) return;
    if (anchor.target && anchor.target !== '_self') return;
    const url = new URL(anchor.href);
    if (url.origin !== window.location.origin || url.pathname.startsWith('/graphql')) return;
    // A fragment on this page (the skip links): the browser's own behaviour.
    if (url.hash && url.pathname === window.location.pathname && url.search === window.location.search) return;
    event.preventDefault();
    // The fragment goes with it: the page it opens scrolls to that section
    // once loaded (`useScrollToHash`).
    navigate(url.pathname + url.search + url.hash);
  };
  root.addEventListener('click', onClick);
  return () => root.removeEventListener('click', onClick);
}

/**
 * A link to a section of a page (`/persone/42#scheda-diario`, from the
 * agenda): once the section is on screen (`ready`, its data loaded), scroll
 * to it and move the focus to it (the element needs `tabIndex={-1}`), as a
 * browser does for a page it loads whole. Once per arrival.
 */
export function useScrollToHash(id: string, ready: boolean) {
  const path = useSyncExternalStore(subscribe, currentPath, currentPath);
  // The arrival already served: a later reload of the data (a filter) must
  // not take the focus back.
  const served = useRef<string | null>(null);
  useEffect(() => {
    const arrival = path + window.location.hash;
    if (!ready || window.location.hash !== `#${id}` || served.current === arrival) return;
    const target = document.getElementById(id);
    if (!target) return;
    served.current = arrival;
    target.scrollIntoView?.({ block: 'start' });
    target.focus({ preventScroll: true });
  }, [id, ready, path]);
}
