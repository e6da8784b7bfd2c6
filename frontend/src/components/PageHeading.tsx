import { useEffect, useRef, type ReactNode } from 'react';
import { shellCopy } from '../i18n/it';

/**
 * The page's `<h1>`. It sets the document title and, after a navigation,
 * takes the focus, so that a screen-reader user hears where they arrived and
 * the next Tab continues from the page's content.
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${shellCopy.appName}`;
    if (document.activeElement && document.activeElement !== document.body) {
      // Keep the focus where the user put it only when it is inside the page content.
      const main = document.getElementById('contenuto');
      if (main?.contains(document.activeElement)) return;
    }
    ref.current?.focus({ preventScroll: false });
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1} className="ponte-page-title">
      {children ?? title}
    </h1>
  );
}
