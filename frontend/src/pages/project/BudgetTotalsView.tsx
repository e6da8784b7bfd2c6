import { Badge } from 'design-react-kit';
import { useState } from 'react';
import { BarChart } from '../../components/BarChart';
import { LineChart } from '../../components/LineChart';
import { SelectField } from '../../components/SelectField';
import { fundingSourceLabels, lifeAreaLabels, resourceKindLabels, resourceUnitLabels } from '../../i18n/enums';
import { formatDate } from '../../i18n/format';
import { formatQuantity, formatShare, groupTotals, overuseWarning, remaining, type TotalGroup } from './budget';
import { barRowsOf, CHARTED_UNITS, formatHundredthsIn, cumulativeUse } from './budgetCharts';
import { projectCopy } from './copy';
import type { Project } from './queries';
import { ResponsiveTable } from '../../components/ScrollBox';

const copy = projectCopy.budget;

type Totals = Project['budget']['totals'];
type Resources = Project['budget']['resources'];
type View = keyof typeof copy.totalsViews;
type Grouping = Exclude<View, 'overall'>;

function labelled<T extends string>(labels: Record<T, string>) {
  return (key: string) => labels[key as T] ?? key;
}

/** How each grouping names its keys: enum values get their Italian label, providers are names already. */
export const totalLabels: Record<View, (key: string) => string> = {
  overall: () => copy.overall,
  byLifeArea: labelled(lifeAreaLabels),
  byKind: labelled(resourceKindLabels),
  byProvider: (key) => key,
  byFundingSource: labelled(fundingSourceLabels),
};

const GROUPINGS: Grouping[] = ['byLifeArea', 'byKind', 'byProvider', 'byFundingSource'];

/**
 * Previsto e utilizzato, each number once: one table of totals in the
 * grouping the user picks, with the budget's total at its foot; planned
 * against used per life area as bars, a chart per unit (euros and hours are
 * never on one scale); and the use of each unit over the budget period.
 * Every chart carries its data as a table for screen readers.
 */
export function BudgetTotalsView({ totals, resources }: { totals: Totals; resources: Resources }) {
  const [view, setView] = useState<Grouping>('byLifeArea');
  const groups = groupTotals(totals[view], totalLabels[view]);
  const [overall] = groupTotals(totals.overall, totalLabels.overall);
  const areas = groupTotals(totals.byLifeArea, totalLabels.byLifeArea);
  const areaCharts = CHARTED_UNITS.map((unit) => ({ unit, rows: barRowsOf(areas, unit) })).filter((c) => c.rows.length > 0);
  const useCharts = CHARTED_UNITS.flatMap((unit) => {
    const series = cumulativeUse(resources, unit);
    return series ? [{ unit, series }] : [];
  });
  return (
    <div data-testid="totali-budget">
      <h3 className="h5 mt-5">{copy.totals}</h3>
      <p>{copy.totalsIntro}</p>
      <div className="row">
        <div className="col-12 col-md-6 col-lg-4">
          <SelectField
            id="totali-raggruppamento"
            label={copy.groupBy}
            value={view}
            onChange={(value) => setView(value as Grouping)}
            options={GROUPINGS.map((g) => [g, copy.totalsViews[g]] as const)}
          />
        </div>
      </div>
      <div data-testid={`totali-${view}`}>
        <TotalsTable caption={copy.tableCaption(copy.totalsViews[view])} groups={groups} overall={overall} />
      </div>

      {areaCharts.length > 0 && (
        <>
          <h4 className="h6 mt-4">{copy.areaCharts}</h4>
          <div className="row g-4 mb-4">
            {areaCharts.map(({ unit, rows }) => (
              <div key={unit} className="col-12 col-xl-6" data-testid={`grafico-aree-${unit}`}>
                <BarChart
                  caption={copy.areaChartCaption(resourceUnitLabels[unit])}
                  rows={rows}
                  columns={{ group: copy.area, planned: copy.planned, used: copy.used, over: copy.overused.toLowerCase() }}
                  legend={{ planned: copy.chartLegendPlanned, used: copy.chartLegendUsed, over: copy.chartLegendOver }}
                />
              </div>
            ))}
          </div>
        </>
      )}

      {useCharts.length > 0 && (
        <>
          <h4 className="h6 mt-4">{copy.useCharts}</h4>
          <p className="small">{copy.useChartsIntro}</p>
          <div className="row g-4 mb-4">
            {useCharts.map(({ unit, series }) => {
              const used = series.points[series.points.length - 1]?.value ?? 0;
              const format = formatHundredthsIn(unit);
              return (
                <div key={unit} className="col-12 col-xl-6" data-testid={`grafico-utilizzo-${unit}`}>
                  <LineChart
                    caption={copy.useChartCaption(resourceUnitLabels[unit], formatDate(series.from), series.to && formatDate(series.to))}
                    points={series.points.map((p) => ({
                      ...p,
                      note: series.planned > 0 ? copy.useShare(Math.round((p.value / series.planned) * 100)) : undefined,
                    }))}
                    min={0}
                    max={Math.max(series.planned, used, 1)}
                    guides={[series.planned]}
                    formatValue={format}
                    formatDate={formatDate}
                    columns={copy.useColumns}
                  />
                </div>
              );
            })}
          </div>
        </>
      )}
    </div>
  );
}

function TotalsTable({ caption, groups, overall }: { caption: string; groups: TotalGroup[]; overall?: TotalGroup }) {
  return (
    <ResponsiveTable size="sm" className="ponte-table mt-2">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{copy.group}</th>
          <th scope="col" className="text-end">
            {copy.planned}
          </th>
          <th scope="col" className="text-end">
            {copy.used}
          </th>
          <th scope="col" className="text-end">
            {copy.remaining}
          </th>
          <th scope="col" className="text-end">
            {copy.share}
          </th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <GroupRows key={group.key} group={group} />
        ))}
      </tbody>
      {overall && (
        <tfoot data-testid="totali-overall" className="fw-semibold">
          <GroupRows group={overall} />
        </tfoot>
      )}
    </ResponsiveTable>
  );
}

/** A group's lines, one per unit, the group named once. */
function GroupRows({ group }: { group: TotalGroup }) {
  return (
    <>
      {group.lines.map((line, i) => {
        const warning = overuseWarning(line);
        return (
          <tr key={`${group.key}-${line.unit}`} className={line.overused ? 'ponte-row-over' : undefined}>
            {i === 0 && (
              <th scope="row" rowSpan={group.lines.length} className="fw-normal">
                {group.label}
              </th>
            )}
            <td className="text-end text-nowrap">{formatQuantity(line.planned, line.unit)}</td>
            <td className="text-end text-nowrap">
              {formatQuantity(line.used, line.unit)}
              {warning && (
                <>
                  {' '}
                  <Badge color="danger" pill className="ponte-badge-over" title={warning}>
                    {copy.overused}
                  </Badge>
                </>
              )}
            </td>
            <td className="text-end text-nowrap">{remaining(line.planned, line.used, line.unit)}</td>
            <td className="text-end">{formatShare(line.planned, line.used)}</td>
          </tr>
        );
      })}
    </>
  );
}
