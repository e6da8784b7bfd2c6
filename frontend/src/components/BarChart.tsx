/**
 * Planned against used as horizontal bars, drawn in SVG by hand (no chart
 * library): for each row an outlined bar for the plan and a solid one for
 * what was used, dark red when beyond the plan. Each row has its own scale
 * (`scale`, the largest value of its unit), so euros and hours are never
 * drawn on one axis. The drawing is hidden from assistive technology; the
 * same data is in a visually hidden table right after it.
 */
export interface BarRow {
  /** Row label, e.g. "Comune di Breno (euro)". */
  label: string;
  planned: number;
  used: number;
  /** The largest value of the row's unit: a full-width bar. */
  scale: number;
  plannedText: string;
  usedText: string;
  overused: boolean;
}

export interface BarChartProps {
  caption: string;
  rows: BarRow[];
  columns: { group: string; planned: string; used: string; over: string };
  legend: { planned: string; used: string; over: string };
}

const WIDTH = 560;
const LABEL_HEIGHT = 18;
const BAR = 12;
const GAP = 3;
const ROW_GAP = 16;
const ROW_HEIGHT = LABEL_HEIGHT + BAR * 2 + GAP + ROW_GAP;
const TEXT_ROOM = 130;
const PLOT = WIDTH - TEXT_ROOM;
const LEGEND_HEIGHT = 28;

/** A bar's length: at least 2 for a value above zero, so it stays visible. */
export function barLength(value: number, scale: number): number {
  if (scale <= 0 || value <= 0) return 0;
  return Math.max(2, Math.round((Math.min(value, scale) / scale) * PLOT * 10) / 10);
}

export function BarChart({ caption, rows, columns, legend }: BarChartProps) {
  const height = LEGEND_HEIGHT + rows.length * ROW_HEIGHT;
  return (
    <figure className="ponte-chart ponte-bar-chart">
      <figcaption className="fw-semibold mb-2">{caption}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} aria-hidden="true" focusable="false">
        <g>
          <rect x={0} y={4} width={14} height={10} className="ponte-bar-planned" />
          <text x={20} y={13}>
            {legend.planned}
          </text>
          <rect x={110} y={4} width={14} height={10} className="ponte-bar-used" />
          <text x={130} y={13}>
            {legend.used}
          </text>
          <rect x={230} y={4} width={14} height={10} className="ponte-bar-over" />
          <text x={250} y={13}>
            {legend.over}
          </text>
        </g>
        {rows.map((row, i) => {
          const top = LEGEND_HEIGHT + i * ROW_HEIGHT;
          const planned = barLength(row.planned, row.scale);
          const used = barLength(row.used, row.scale);
          return (
            <g key={`${row.label}-${i}`}>
              <text x={0} y={top + 13} className="ponte-bar-label">
                {row.label}
              </text>
              <rect x={0} y={top + LABEL_HEIGHT} width={planned} height={BAR} className="ponte-bar-planned" />
              <text x={planned + 6} y={top + LABEL_HEIGHT + BAR - 2}>
                {row.plannedText}
              </text>
              <rect
                x={0}
                y={top + LABEL_HEIGHT + BAR + GAP}
                width={used}
                height={BAR}
                className={row.overused ? 'ponte-bar-over' : 'ponte-bar-used'}
              />
              <text x={used + 6} y={top + LABEL_HEIGHT + BAR * 2 + GAP - 2}>
                {row.usedText}
              </text>
            </g>
          );
        })}
      </svg>
      {/* In a hidden box: a table ignores the 1 px width of .visually-hidden and would widen a phone page. */}
      <div className="visually-hidden">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{columns.group}</th>
              <th scope="col">{columns.planned}</th>
              <th scope="col">{columns.used}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={`${row.label}-${i}`}>
                <th scope="row">{row.label}</th>
                <td>{row.plannedText}</td>
                <td>
                  {row.usedText}
                  {row.overused ? ` (${columns.over})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
