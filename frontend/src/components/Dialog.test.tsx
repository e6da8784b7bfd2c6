import { fireEvent, render, screen } from '@testing-library/react';
import { Dialog } from './Dialog';

describe('Dialog', () => {
  it('is a labelled modal that takes the focus, keeps Tab inside and gives the focus back', () => {
    const { rerender } = render(
      <>
        <button type="button">Sotto</button>
      </>,
    );
    const under = screen.getByRole('button', { name: 'Sotto' });
    under.focus();
    rerender(
      <>
        <button type="button">Sotto</button>
        <Dialog role="alertdialog" title="La sessione sta per scadere" description="Tra poco.">
          <button type="button">Primo</button>
          <button type="button">Ultimo</button>
        </Dialog>
      </>,
    );
    const dialog = screen.getByRole('alertdialog', { name: 'La sessione sta per scadere' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleDescription('Tra poco.');
    const first = screen.getByRole('button', { name: 'Primo' });
    const last = screen.getByRole('button', { name: 'Ultimo' });
    expect(first).toHaveFocus();
    // The page under it cannot be reached.
    expect(under.closest('[inert]')).not.toBeNull();

    last.focus();
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(first).toHaveFocus();
    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(last).toHaveFocus();

    rerender(
      <>
        <button type="button">Sotto</button>
      </>,
    );
    expect(under.closest('[inert]')).toBeNull();
    expect(screen.getByRole('button', { name: 'Sotto' })).toHaveFocus();
  });
});
