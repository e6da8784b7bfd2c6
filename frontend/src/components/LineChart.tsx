/**
 * A small line chart of values over time, drawn in SVG by hand (no chart
 * library): a value axis from `min` to `max` with a line at every band
 * boundary, the dates along the bottom, one point per value. The drawing is
 * hidden from assistive technology; the same data is in a visually hidden
 * table right after it, which is what screen readers read.
 */
export interface ChartPoint {
  /** A calendar day, `YYYY-MM-DD`. */
  date: string;
  value: number;
  /** What the value means (a band), shown in the table and the tooltip. */
  note?: string;
}

export interface LineChartProps {
  /** The chart's caption, also the table's. */
  caption: string;
  points: ChartPoint[];
  min: number;
  max: number;
  /** Values where a horizontal guide line is drawn and labelled (band boundaries). */
  guides?: number[];
  formatDate: (day: string) => string;
  columns: { date: string; value: string; note: string };
  /** How a value is written on the axis, in the tooltip and in the table (default: as it is). */
  formatValue?: (value: number) => string;
  /**
   * False when the page shows the same data in a table of its own, so that
   * screen readers do not hear it twice.
   */
  withTable?: boolean;
  /** The named ranges of the scale (an instrument's bands), written beside the axis. */
  bands?: ScoreBand[];
  /** Which way is better, shown by an arrow on the axis and said in the caption. */
  better?: 'up' | 'down';
}

/** A named range of a score, e.g. Barthel 21–60 "Dipendenza grave". */
export interface ScoreBand {
  min: number;
  max: number;
  label: string;
}

/** The caption with the direction of "better" said in words, for the figure and its table. */
export function captionWithDirection(caption: string, better?: 'up' | 'down'): string {
  if (!better) return caption;
  return `${caption}; ${better === 'up' ? 'più alto è meglio' : 'più basso è meglio'}`;
}

const WIDTH = 560;
const HEIGHT = 220;
const PAD = { left: 44, right: 24, top: 14, bottom: 40 };
const MIN_LABEL_GAP = 14;

function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Where each point goes, in the SVG's coordinates. */
export function layoutPoints(points: ChartPoint[], min: number, max: number): Array<{ x: number; y: number }> {
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const days = points.map((p) => dayNumber(p.date));
  const first = Math.min(...days);
  const span = Math.max(...days) - first;
  const range = max - min || 1;
  return points.map((p, i) => {
    const x = span === 0 ? PAD.left + plotWidth / 2 : PAD.left + ((days[i] - first) / span) * plotWidth;
    const clamped = Math.min(max, Math.max(min, p.value));
    const y = PAD.top + ((max - clamped) / range) * plotHeight;
    return { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
  });
}

export function LineChart({
  caption,
  points,
  min,
  max,
  guides = [],
  formatDate,
  columns,
  formatValue = String,
  withTable = true,
  bands = [],
  better,
}: LineChartProps) {
  const said = captionWithDirection(caption, better);
  const placed = layoutPoints(points, min, max);
  const yOf = (value: number) => layoutPoints([{ date: '2000-01-01', value }], min, max)[0].y;
  const levels = [...new Set([min, max, ...guides])].filter((v) => v >= min && v <= max).sort((a, b) => a - b);
  const dateLabels = placed.length === 0 ? [] : placed.length === 1 ? [0] : [0, placed.length - 1];
  // A guide's number is left out where it would overlap another (e.g. 91 next to 100).
  const labelled: number[] = [min, max];
  for (const level of levels) {
    if (labelled.every((other) => Math.abs(yOf(other) - yOf(level)) >= MIN_LABEL_GAP)) labelled.push(level);
  }

  return (
    <figure className="ponte-chart">
      <figcaption className="fw-semibold mb-2">{said}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
        {bands.map((band) => {
          // Each band's name in its own range, at the right end of the plot.
          const top = yOf(Math.min(max, band.max));
          const bottom = yOf(Math.max(min, band.min));
          return (
            <text key={band.label} x={WIDTH - PAD.right - 4} y={(top + bottom) / 2 + 4} textAnchor="end" className="ponte-band-label">
              {band.label}
            </text>
          );
        })}
        {better && (
          <text x={PAD.left + 6} y={better === 'up' ? PAD.top + 10 : HEIGHT - PAD.bottom - 4} className="ponte-better">
            {better === 'up' ? '↑ meglio' : '↓ meglio'}
          </text>
        )}
        {levels.map((level) => (
          <g key={level}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={yOf(level)} y2={yOf(level)} stroke="#c5ced8" strokeWidth="1" />
            {labelled.includes(level) && (
              <text x={PAD.left - 8} y={yOf(level) + 4} textAnchor="end">
                {formatValue(level)}
              </text>
            )}
          </g>
        ))}
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={HEIGHT - PAD.bottom} stroke="#5c6f82" strokeWidth="1" />
        {placed.length > 1 && (
          <polyline points={placed.map((p) => `${p.x},${p.y}`).join(' ')} fill="none" stroke="#0059b3" strokeWidth="2.5" />
        )}
        {placed.map((p, i) => (
          <circle key={`${points[i].date}-${i}`} cx={p.x} cy={p.y} r="5" fill="#0059b3" stroke="#fff" strokeWidth="1.5">
            <title>{`${formatDate(points[i].date)}: ${formatValue(points[i].value)}${points[i].note ? ` – ${points[i].note}` : ''}`}</title>
          </circle>
        ))}
        {dateLabels.map((i) => (
          <text
            key={`data-${i}`}
            x={placed[i].x}
            y={HEIGHT - PAD.bottom + 22}
            textAnchor={placed.length === 1 ? 'middle' : i === 0 ? 'start' : 'end'}
          >
            {formatDate(points[i].date)}
          </text>
        ))}
      </svg>
      {/* In a hidden box: a table ignores the 1 px width of .visually-hidden and would widen a phone page. */}
      {withTable && (
        <div className="visually-hidden">
          <table>
            <caption>{said}</caption>
            <thead>
              <tr>
                <th scope="col">{columns.date}</th>
                <th scope="col">{columns.value}</th>
                <th scope="col">{columns.note}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p, i) => (
                <tr key={`${p.date}-${i}`}>
                  <td>{formatDate(p.date)}</td>
                  <td>{formatValue(p.value)}</td>
                  <td>{p.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}
