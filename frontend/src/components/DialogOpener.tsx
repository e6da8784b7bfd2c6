import { Button } from 'design-react-kit';
import { useState, type ReactNode } from 'react';

export interface DialogOpenerProps {
  /** The button's text ("Correggi", "Storna"). */
  label: string;
  /** What the button does to what, for screen readers ("Storna l'utilizzo di 1.000,00 € del 12/11/2026"). */
  name: string;
  color?: 'primary' | 'danger';
  /** False hides the button (an act no longer possible), keeping the last message. */
  offered?: boolean;
  /** The dialog, given how to end it: `done` with the message to show, or `cancel`. */
  dialog: (done: (message: string) => void, cancel: () => void) => ReactNode;
}

/**
 * A small button beside a record that opens a correction's dialog, and after
 * it the message saying what was recorded, where the button is (a polite
 * status). Stays mounted when the record changes, so the message is not lost
 * when the page reads the record again.
 */
export function DialogOpener({ label, name, color = 'primary', offered = true, dialog }: DialogOpenerProps) {
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string>();
  return (
    <>
      {offered && (
        <Button
          type="button"
          color={color}
          outline
          size="xs"
          className="ms-2"
          aria-label={name}
          onClick={() => {
            setMessage(undefined);
            setOpen(true);
          }}
        >
          {label}
        </Button>
      )}
      {message && (
        <span role="status" className="ms-2">
          {message}
        </span>
      )}
      {open &&
        dialog(
          (text) => {
            setOpen(false);
            setMessage(text);
          },
          () => setOpen(false),
        )}
    </>
  );
}
