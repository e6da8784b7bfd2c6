import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResponsiveTable } from './ScrollBox';

function table() {
  return render(
    <ResponsiveTable className="ponte-table">
      <caption>Risorse del Budget di Salute</caption>
      <tbody>
        <tr>
          <td>Voucher SAD</td>
        </tr>
      </tbody>
    </ResponsiveTable>,
  );
}

describe('ScrollBox', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is a named region the keyboard can reach while its table is wider than it', () => {
    vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(900);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(340);
    table();
    const region = screen.getByRole('region', { name: 'Risorse del Budget di Salute' });
    expect(region).toHaveAttribute('tabindex', '0');
    expect(region).toHaveClass('table-responsive', 'position-relative');
    expect(region).toContainElement(screen.getByRole('table', { name: 'Risorse del Budget di Salute' }));
  });

  it('adds no tab stop when everything fits', () => {
    const { container } = table();
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(container.querySelector('.table-responsive')).not.toHaveAttribute('tabindex');
  });
});
