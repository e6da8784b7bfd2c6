import { LineChart } from '../../components/LineChart';
import type { IndicatorCatalogueQuery, IndicatorsQuery } from '../../gql/graphql';
import { indicatorDimensionLabels } from '../../i18n/enums';
import { indicatorsCopy as copy } from './copy';
import { axisMax, changeFrom, formatNumber, formatValue, quarterName, type Period } from './indicators';
import { ScrollBox } from '../../components/ScrollBox';

export type Definition = IndicatorCatalogueQuery['indicatorCatalogue'][number];
export type IndicatorFigures = IndicatorsQuery['indicators'][number];
type Figure = Pick<IndicatorFigures, 'value' | 'numerator' | 'denominator' | 'suppressed'>;
type Unit = Definition['unit'];

/** The figure as read: "< 5" when suppressed, "—" when there is none, else the value in its unit. */
function valueText(figure: Figure, unit: Unit): string {
  if (figure.suppressed) return copy.suppressed;
  if (figure.value === null || figure.value === undefined) return copy.noData;
  return formatValue(figure.value, unit);
}

/** What a value is made of: "12 su 48" for a ratio, how many cases a wait was measured on. */
function basisText(figure: Figure, unit: Unit): string | null {
  if (figure.suppressed) return null;
  const count = (n: number) => formatValue(n, 'COUNT');
  if (unit === 'RATIO' && figure.numerator != null && figure.denominator != null)
    return copy.ratioOf(count(figure.numerator), count(figure.denominator));
  if (unit === 'DAYS' && figure.denominator != null) return copy.measuredOn(figure.denominator, count(figure.denominator));
  if ((unit === 'EUR' || unit === 'HOURS') && figure.value != null && figure.denominator != null)
    return copy.usedOf(formatValue(figure.value, unit), formatValue(figure.denominator, unit));
  return null;
}

/** An amount's parts over the whole period, in a table that scrolls inside its card on a phone. */
function PartsTable({ title, parts, unit }: { title: string; parts: IndicatorFigures['parts']; unit: Unit }) {
  if (parts.length === 0) return null;
  const columns = copy.partColumns;
  return (
    <details className="mb-2" data-testid="suddivisione">
      <summary>{copy.parts}</summary>
      <ScrollBox>
        <table className="table table-sm mt-2">
          <caption>{copy.partsCaption(title)}</caption>
          <thead>
            <tr>
              <th scope="col">{columns.dimension}</th>
              <th scope="col">{columns.part}</th>
              <th scope="col">{columns.used}</th>
              <th scope="col">{columns.planned}</th>
            </tr>
          </thead>
          <tbody>
            {parts.map((p) => (
              <tr key={`${p.dimension}-${p.key}`}>
                <td>{indicatorDimensionLabels[p.dimension]}</td>
                <th scope="row">{p.label}</th>
                <td>{valueText(p, unit)}</td>
                <td>{p.suppressed || p.denominator == null ? copy.noData : formatValue(p.denominator, unit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </details>
  );
}

/** The chart draws ratios as percentages, so that its axis reads 0–100. */
function chartValue(value: number, unit: Unit): number {
  return unit === 'RATIO' ? value * 100 : value;
}

/** A number on the chart's axis and in its tooltips: the unit is in the caption, a ratio is a percentage. */
function chartNumber(value: number, unit: Unit): string {
  return unit === 'RATIO' ? `${formatNumber(value, { min: 0, max: 1 })} %` : formatNumber(value, { min: 0, max: 1 });
}

/** One computed indicator: its figure, the comparison, the quarterly chart with its data, the definition on demand. */
export function IndicatorCard({
  definition,
  figures,
  previous,
  previousName,
}: {
  definition: Definition;
  figures: IndicatorFigures | undefined;
  previous: IndicatorFigures | undefined;
  /** The previous period in words, "2024" or its dates. */
  previousName: string;
}) {
  const unit = definition.unit;
  const headingId = `indicatore-${definition.code}`;
  const change =
    figures && previous
      ? changeFrom(
          figures.suppressed ? null : (figures.value ?? null),
          previous.suppressed ? null : (previous.value ?? null),
          unit,
          previousName,
        )
      : null;
  const series = figures?.series ?? [];
  const periodsByStart = new Map<string, Period>(series.map((p) => [p.from, { from: p.from, to: p.to }]));
  const points = series
    .filter((p) => !p.suppressed && p.value !== null && p.value !== undefined)
    .map((p) => ({ date: p.from, value: chartValue(p.value ?? 0, unit) }));
  const basis = figures ? basisText(figures, unit) : null;
  const caption = `${copy.series(definition.title)}${copy.seriesUnit[unit]}`;
  return (
    <article className="card shadow-sm h-100 ponte-indicator" aria-labelledby={headingId} data-testid="indicatore">
      <div className="card-body">
        <h3 id={headingId} className="h5 card-title">
          {definition.title}
        </h3>
        {figures ? (
          <>
            <p className="ponte-indicator-value mb-1" data-testid="valore">
              {valueText(figures, unit)}
              {!figures.suppressed && (figures.value === null || figures.value === undefined) && (
                <span className="ponte-indicator-note"> {copy.noDataText}</span>
              )}
            </p>
            {figures.suppressed && <p className="small mb-1">{copy.suppressedText}</p>}
            {basis && <p className="small mb-1">{basis}</p>}
            <p className="small" data-testid="confronto">
              {change ? (
                <>
                  <span aria-hidden="true" className={`ponte-change ponte-change-${change.direction}`}>
                    {copy.changeArrow[change.direction]}
                  </span>{' '}
                  {change.text}
                </>
              ) : (
                copy.noComparison
              )}
            </p>
            {points.length > 0 ? (
              <LineChart
                caption={caption}
                points={points}
                min={0}
                max={axisMax(points.map((p) => p.value))}
                formatDate={(day) => {
                  const period = periodsByStart.get(day);
                  return period ? quarterName(period) : day;
                }}
                formatValue={(value) => chartNumber(value, unit)}
                columns={{ date: copy.columns.period, value: copy.columns.value, note: copy.columns.note }}
                withTable={false}
              />
            ) : (
              <p className="small">{copy.noSeries}</p>
            )}
            {series.length > 0 && (
              <details className="mb-2">
                <summary>{copy.showData}</summary>
                <ScrollBox>
                  <table className="table table-sm mt-2">
                    <caption>{caption}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{copy.columns.period}</th>
                        <th scope="col">{copy.columns.value}</th>
                        {unit === 'RATIO' && <th scope="col">{copy.columns.numerator}</th>}
                        {unit === 'RATIO' && <th scope="col">{copy.columns.denominator}</th>}
                      </tr>
                    </thead>
                    <tbody>
                      {series.map((p) => (
                        <tr key={p.from}>
                          <th scope="row">{quarterName(p)}</th>
                          <td>
                            {valueText(p, unit)}
                            {!p.suppressed && (p.value === null || p.value === undefined) && ` (${copy.noDataText})`}
                          </td>
                          {unit === 'RATIO' && (
                            <td>{p.suppressed || p.numerator == null ? copy.noData : formatValue(p.numerator, 'COUNT')}</td>
                          )}
                          {unit === 'RATIO' && (
                            <td>{p.suppressed || p.denominator == null ? copy.noData : formatValue(p.denominator, 'COUNT')}</td>
                          )}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollBox>
              </details>
            )}
            <PartsTable title={definition.title} parts={figures.parts} unit={unit} />
          </>
        ) : (
          <p>{copy.noValue}</p>
        )}
        <DefinitionDetails definition={definition} />
      </div>
    </article>
  );
}

/** The definition on demand: what it measures, numerator, denominator, source, what counts and what does not. */
export function DefinitionDetails({ definition }: { definition: Definition }) {
  const d = copy.definition;
  const rows: Array<[string, string | null | undefined]> = [
    [d.definition, definition.definition],
    [d.numerator, definition.numerator],
    [d.denominator, definition.denominator],
    [d.source, definition.source],
    [d.counts, definition.counts],
    [d.excludes, definition.excludes],
  ];
  return (
    <details>
      <summary>{copy.showDefinition}</summary>
      <dl className="ponte-definition mt-2">
        {rows
          .filter(([, text]) => text)
          .map(([label, text]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{text}</dd>
            </div>
          ))}
      </dl>
    </details>
  );
}
