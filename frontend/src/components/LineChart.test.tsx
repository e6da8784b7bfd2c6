import { render, screen } from '@testing-library/react';
import { layoutPoints, LineChart } from './LineChart';

describe('LineChart', () => {
  it('places the points by date and value inside the plot', () => {
    const points = layoutPoints(
      [
        { date: '2026-01-01', value: 0 },
        { date: '2026-01-11', value: 50 },
        { date: '2026-01-21', value: 100 },
      ],
      0,
      100,
    );
    expect(points[0].x).toBeLessThan(points[1].x);
    expect(points[1].x - points[0].x).toBeCloseTo(points[2].x - points[1].x, 0);
    expect(points[0].y).toBeGreaterThan(points[1].y);
    expect(points[1].y).toBeGreaterThan(points[2].y);
  });

  it('centres a single point and keeps values outside the scale on its edge', () => {
    const [alone] = layoutPoints([{ date: '2026-01-01', value: 120 }], 0, 100);
    const [top] = layoutPoints([{ date: '2026-01-01', value: 100 }], 0, 100);
    expect(alone).toEqual(top);
  });

  it('hides the drawing from assistive technology and gives the same data as a table', () => {
    const { container } = render(
      <LineChart
        caption="Barthel nel tempo"
        points={[{ date: '2026-03-01', value: 45, note: 'Dipendenza grave' }]}
        min={0}
        max={100}
        guides={[21, 61, 91]}
        formatDate={(d) => d.split('-').reverse().join('/')}
        columns={{ date: 'Data', value: 'Punteggio', note: 'Fascia' }}
      />,
    );
    expect(container.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
    const table = screen.getByRole('table', { name: 'Barthel nel tempo' });
    expect(table.parentElement).toHaveClass('visually-hidden');
    expect(table).toHaveTextContent('01/03/202645Dipendenza grave');
  });

  it('writes values as the page asks, and leaves the table to a page that shows its own', () => {
    const { container } = render(
      <LineChart
        caption="Quota per trimestre"
        points={[{ date: '2025-01-01', value: 25 }]}
        min={0}
        max={50}
        formatDate={(d) => d}
        formatValue={(v) => `${v} %`}
        columns={{ date: 'Periodo', value: 'Valore', note: 'Nota' }}
        withTable={false}
      />,
    );
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(container.querySelector('svg')).toHaveTextContent('50 %');
    expect(container.querySelector('title')).toHaveTextContent('2025-01-01: 25 %');
  });

  it('names the bands of the scale beside the axis and says which way is better', () => {
    const { container } = render(
      <LineChart
        caption="Barthel nel tempo"
        points={[{ date: '2026-03-01', value: 45, note: 'Dipendenza grave' }]}
        min={0}
        max={100}
        guides={[21, 61, 91]}
        bands={[
          { min: 0, max: 20, label: 'Dipendenza totale' },
          { min: 21, max: 60, label: 'Dipendenza grave' },
          { min: 61, max: 90, label: 'Dipendenza moderata' },
          { min: 91, max: 99, label: 'Dipendenza lieve' },
          { min: 100, max: 100, label: 'Autonomia' },
        ]}
        better="up"
        formatDate={(d) => d.split('-').reverse().join('/')}
        columns={{ date: 'Data', value: 'Punteggio', note: 'Fascia' }}
      />,
    );
    const drawn = [...container.querySelectorAll('svg text.ponte-band-label')].map((t) => t.textContent);
    expect(drawn).toEqual(['Dipendenza totale', 'Dipendenza grave', 'Dipendenza moderata', 'Dipendenza lieve', 'Autonomia']);
    expect(container.querySelector('svg text.ponte-better')).toHaveTextContent('↑ meglio');
    expect(screen.getByText('Barthel nel tempo; più alto è meglio', { selector: 'figcaption' })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Barthel nel tempo; più alto è meglio' })).toBeInTheDocument();
  });
});
