import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import './Dialog.css';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
  /** `alertdialog` for one that interrupts to ask something urgent. */
  role?: 'dialog' | 'alertdialog';
  title: string;
  /** What the dialog says beside its title, read with it. */
  description?: string;
  /** Wider, for a dialog that holds a whole form. */
  wide?: boolean;
  children: ReactNode;
}

/**
 * A modal dialog over the page, which stays mounted (and keeps what was typed)
 * underneath: the rest of the document is `inert` while it is open, Tab and
 * Shift+Tab go round its own controls, and focus returns where it was after.
 * Escape does nothing: each dialog names its way out.
 */
export function Dialog({ role = 'dialog', title, description, wide = false, children }: DialogProps) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const node = box.current;
    const overlay = node?.parentElement;
    if (!node || !overlay) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const made: Element[] = [];
    for (const sibling of Array.from(document.body.children)) {
      if (sibling === overlay || sibling.hasAttribute('inert')) continue;
      sibling.setAttribute('inert', '');
      made.push(sibling);
    }
    (node.querySelector<HTMLElement>(FOCUSABLE) ?? node).focus();
    return () => {
      made.forEach((sibling) => sibling.removeAttribute('inert'));
      before?.focus();
    };
  }, []);

  function trap(event: KeyboardEvent) {
    if (event.key !== 'Tab' || !box.current) return;
    const focusable = Array.from(box.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return createPortal(
    <div className="ponte-dialog-overlay">
      <div
        ref={box}
        className={wide ? 'ponte-dialog ponte-dialog-wide' : 'ponte-dialog'}
        role={role}
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={description ? `${id}-description` : undefined}
        tabIndex={-1}
        onKeyDown={trap}
      >
        <h2 id={`${id}-title`} className="h4">
          {title}
        </h2>
        {description && <p id={`${id}-description`}>{description}</p>}
        {children}
      </div>
    </div>,
    document.body,
  );
}
