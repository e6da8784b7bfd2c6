import { Badge } from 'design-react-kit';
import { BarChart, type BarRow } from '../../components/BarChart';
import { fundingSourceLabels, lifeAreaLabels, resourceKindLabels, resourceUnitLabels } from '../../i18n/enums';
import {
  formatQuantity,
  formatShare,
  groupTotals,
  overuseWarning,
  remaining,
  scaleByUnit,
  toHundredths,
  type BudgetTotal,
  type TotalGroup,
} from './budget';
import { projectCopy } from './copy';
import type { Project } from './queries';
import { ResponsiveTable } from '../../components/ScrollBox';

const copy = projectCopy.budget;

type Totals = Project['budget']['totals'];
type View = keyof typeof copy.totalsViews;

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

const VIEWS: View[] = ['overall', 'byLifeArea', 'byKind', 'byProvider', 'byFundingSource'];

/** The bars of a grouping: one per group and unit, each on its unit's scale. */
export function barRows(groups: TotalGroup[], all: readonly BudgetTotal[]): BarRow[] {
  const scale = scaleByUnit(all);
  return groups.flatMap((group) =>
    group.lines.map((line) => ({
      label: `${group.label} (${resourceUnitLabels[line.unit].toLowerCase()})`,
      planned: toHundredths(line.planned) ?? 0,
      used: toHundredths(line.used) ?? 0,
      scale: scale[line.unit] ?? 0,
      plannedText: formatQuantity(line.planned, line.unit),
      usedText: formatQuantity(line.used, line.unit),
      overused: line.overused,
    })),
  );
}

/** Previsto e utilizzato: the server's totals as a table and a bar chart per grouping. */
export function BudgetTotalsView({ totals }: { totals: Totals }) {
  return (
    <div data-testid="totali-budget">
      <h3 className="h5 mt-5">{copy.totals}</h3>
      <p>{copy.totalsIntro}</p>
      {VIEWS.map((view) => {
        const groups = groupTotals(totals[view], totalLabels[view]);
        const title = copy.totalsViews[view];
        return (
          <div key={view} className="row g-4 mb-4" data-testid={`totali-${view}`}>
            <div className="col-12 col-xl-6">
              <h4 className="h6">{title}</h4>
              <TotalsTable caption={copy.tableCaption(title)} groups={groups} />
            </div>
            <div className="col-12 col-xl-6">
              <BarChart
                caption={copy.chartCaption(title)}
                rows={barRows(groups, totals[view])}
                columns={{ group: copy.group, planned: copy.planned, used: copy.used, over: copy.overused.toLowerCase() }}
                legend={{ planned: copy.chartLegendPlanned, used: copy.chartLegendUsed, over: copy.chartLegendOver }}
              />
            </div>
          </div>
        );
      })}
    </div>
  );
}

function TotalsTable({ caption, groups }: { caption: string; groups: TotalGroup[] }) {
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
        {groups.flatMap((group) =>
          group.lines.map((line, i) => {
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
          }),
        )}
      </tbody>
    </ResponsiveTable>
  );
}
