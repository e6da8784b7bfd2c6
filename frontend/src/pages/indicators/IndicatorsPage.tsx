import { Spinner } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { FormMessage } from '../../components/FormMessage';
import { PageHeading } from '../../components/PageHeading';
import { RecordUnavailable } from '../../components/RecordUnavailable';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { graphql } from '../../gql';
import { errorMessage } from '../../graphql/errors';
import { organizationKindLabels } from '../../i18n/enums';
import { formatDate, todayIso } from '../../i18n/format';
import { paths } from '../../routes';
import { navigate, useLocation } from '../../router/router';
import { useViewer, type Viewer } from '../../session/session';
import { indicatorsCopy as copy } from './copy';
import { IndicatorCard, DefinitionDetails } from './IndicatorCard';
import {
  exportUrl,
  groupCatalogue,
  periodName,
  previousFullYear,
  previousPeriod,
  readPeriod,
  searchFromView,
  territoryOptions,
  territoryTrees,
  viewFromSearch,
  yearPeriod,
  type Scope,
  type TerritoryOption,
  type View,
} from './indicators';

export const indicatorCatalogueQuery = graphql(`
  query IndicatorCatalogue {
    indicatorCatalogue {
      code
      group
      title
      definition
      numerator
      denominator
      unit
      source
      counts
      excludes
      computed
      missingData
    }
  }
`);

export const indicatorsQuery = graphql(`
  query Indicators($territoryId: ID, $teamId: ID, $from: Date!, $to: Date!, $breakdown: IndicatorBreakdown!) {
    indicators(territoryId: $territoryId, teamId: $teamId, from: $from, to: $to, breakdown: $breakdown) {
      code
      unit
      value
      numerator
      denominator
      suppressed
      series {
        from
        to
        value
        numerator
        denominator
        suppressed
      }
      parts {
        dimension
        key
        label
        value
        numerator
        denominator
        suppressed
      }
    }
  }
`);

/** A REPORTER's territories and, four levels down, what lies under them (an ATS down to its Comuni). */
export const reporterTerritoriesQuery = graphql(`
  query ReporterTerritories {
    me {
      id
      territories {
        ...TerritoryLevel
        children {
          ...TerritoryLevel
          children {
            ...TerritoryLevel
            children {
              ...TerritoryLevel
              children {
                ...TerritoryLevel
              }
            }
          }
        }
      }
    }
  }
  fragment TerritoryLevel on Organization {
    id
    name
    kind
  }
`);

/**
 * The administrator's whole territory, kind by kind (the directory's other
 * organizations, ETS, schools…, would crowd out the territory in one list),
 * as flat lists the page turns into trees.
 */
export const territoryDirectoryQuery = graphql(`
  query TerritoryDirectory {
    ats: organizations(kind: ATS, first: 100) {
      nodes {
        ...TerritoryEntry
      }
    }
    asl: organizations(kind: ASL, first: 100) {
      nodes {
        ...TerritoryEntry
      }
    }
    asst: organizations(kind: ASST, first: 100) {
      nodes {
        ...TerritoryEntry
      }
    }
    distretti: organizations(kind: DISTRETTO, first: 100) {
      nodes {
        ...TerritoryEntry
      }
    }
    ambiti: organizations(kind: AMBITO, first: 100) {
      nodes {
        ...TerritoryEntry
      }
    }
    comuni: organizations(kind: COMUNE, first: 100) {
      nodes {
        ...TerritoryEntry
      }
    }
  }
  fragment TerritoryEntry on Organization {
    id
    name
    kind
    parent {
      id
    }
  }
`);

export const indicatorTeamsQuery = graphql(`
  query IndicatorTeams {
    teams(mine: true, first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

/** How many full years before the previous one the period picker offers. */
const YEARS_BACK = 5;
const CUSTOM = 'altro';

function territoryLabel(option: TerritoryOption): string {
  // Options cannot be styled: the depth is told by indentation with no-break spaces.
  return `${'\u00a0\u00a0'.repeat(option.depth)}${option.name} (${organizationKindLabels[option.kind]})`;
}

/** The territories or teams the viewer may pick, by role: `[id, label]` and each one's name. */
function useScopeChoices(viewer: Viewer) {
  const [reporter] = useQuery({ query: reporterTerritoriesQuery, pause: viewer.role !== 'REPORTER' });
  const [directory] = useQuery({ query: territoryDirectoryQuery, pause: viewer.role !== 'ADMIN' });
  const [teams] = useQuery({ query: indicatorTeamsQuery, pause: viewer.role !== 'OPERATOR' });
  const territories = (options: TerritoryOption[]) => ({
    options: options.map((o): [string, string] => [o.id, territoryLabel(o)]),
    names: new Map(options.map((o) => [o.id, o.name])),
  });
  if (viewer.role === 'REPORTER') {
    const found = territories(territoryOptions(reporter.data?.me?.territories ?? []));
    return { kind: 'territory' as const, ...found, fetching: !reporter.data, error: reporter.error };
  }
  if (viewer.role === 'ADMIN') {
    const d = directory.data;
    const all = d ? [d.ats, d.asl, d.asst, d.distretti, d.ambiti, d.comuni].flatMap((kind) => kind.nodes) : [];
    const found = territories(territoryOptions(territoryTrees(all)));
    return { kind: 'territory' as const, ...found, fetching: !directory.data, error: directory.error };
  }
  const nodes = teams.data?.teams.nodes ?? [];
  return {
    kind: 'team' as const,
    options: nodes.map((t): [string, string] => [t.id, t.name]),
    names: new Map(nodes.map((t) => [t.id, t.name])),
    fetching: !teams.data,
    error: teams.error,
  };
}

/** Indicatori: the catalogue's indicators for a territory or team and a period, with the previous period and the export. */
export function IndicatorsPage() {
  const viewer = useViewer();
  const location = useLocation();
  const today = todayIso();
  const asked = viewFromSearch(location.search, today);
  const choices = useScopeChoices(viewer);
  const isAdmin = viewer.role === 'ADMIN';

  // Without a choice in the address: everything for an administrator, else the first territory or team.
  const first = choices.options[0]?.[0];
  const scope: Scope | null =
    Object.keys(asked.scope).length > 0 || isAdmin
      ? asked.scope
      : first
        ? choices.kind === 'team'
          ? { teamId: first }
          : { territoryId: first }
        : null;
  const view: View = { ...asked, scope: scope ?? {} };
  const before = previousPeriod(view.period);
  const scopeVariables = {
    territoryId: 'territoryId' in view.scope ? view.scope.territoryId : null,
    teamId: 'teamId' in view.scope ? view.scope.teamId : null,
  };

  const [catalogue] = useQuery({ query: indicatorCatalogueQuery });
  const [current] = useQuery({
    query: indicatorsQuery,
    variables: { ...scopeVariables, ...view.period, breakdown: 'QUARTER' },
    pause: scope === null,
  });
  const [previous] = useQuery({
    query: indicatorsQuery,
    variables: { ...scopeVariables, ...before, breakdown: 'NONE' },
    pause: scope === null,
  });

  const show = (next: View) => navigate(`${paths.indicators}?${searchFromView(next)}`, { replace: true });

  if (catalogue.error) return <RecordUnavailable error={catalogue.error} copy={copy.unavailable} />;

  const selected = 'territoryId' in view.scope ? view.scope.territoryId : 'teamId' in view.scope ? view.scope.teamId : '';
  const selectedName = selected ? (choices.names.get(selected) ?? '') : copy.everything;
  const noChoice = !choices.fetching && !choices.error && choices.options.length === 0 && !isAdmin;
  const byCode = new Map((current.data?.indicators ?? []).map((v) => [v.code, v]));
  const previousByCode = new Map((previous.data?.indicators ?? []).map((v) => [v.code, v]));
  const previousName = periodName(before);
  const periodText = view.year !== null ? String(view.year) : copy.periodWords(formatDate(view.period.from), formatDate(view.period.to));

  return (
    <>
      <PageHeading title={copy.title} />
      <p className="lead">{copy.intro}</p>

      <section aria-labelledby="indicatori-filtri" className="ponte-section">
        <h2 id="indicatori-filtri" className="h4">
          {copy.filters}
        </h2>
        <div className="row g-3">
          <div className="col-12 col-md-6">
            {choices.error ? (
              <FormMessage kind="error">{errorMessage(choices.error)}</FormMessage>
            ) : noChoice ? (
              <FormMessage kind="info">{choices.kind === 'team' ? copy.noTeams : copy.noTerritories}</FormMessage>
            ) : (
              <SelectField
                id="indicatori-ambito"
                label={choices.kind === 'team' ? copy.team : copy.territory}
                value={selected}
                options={isAdmin ? [['', copy.everything], ...choices.options] : choices.options}
                onChange={(id) => show({ ...view, scope: !id ? {} : choices.kind === 'team' ? { teamId: id } : { territoryId: id } })}
              />
            )}
          </div>
          <div className="col-12 col-md-6">
            {/* A period changed from outside (the menu's link, a shared address) starts the picker afresh. */}
            <PeriodPicker key={`${view.period.from}/${view.period.to}/${view.year}`} view={view} today={today} onChange={show} />
          </div>
        </div>
      </section>

      {scope !== null && (
        <section aria-labelledby="indicatori-export" className="ponte-section">
          <h2 id="indicatori-export" className="h4">
            {copy.export}
          </h2>
          <p className="small">{copy.exportHint}</p>
          <div className="d-flex flex-wrap gap-2">
            <a className="btn btn-outline-primary" href={exportUrl('csv', view.period, view.scope)} download>
              {copy.exportCsv}
            </a>
            <a className="btn btn-outline-primary" href={exportUrl('xlsx', view.period, view.scope)} download>
              {copy.exportXlsx}
            </a>
          </div>
        </section>
      )}

      {scope !== null && (
        <p className="fw-semibold" role="status">
          {copy.showing(selectedName, periodText)}
        </p>
      )}
      {current.error && <FormMessage kind="error">{errorMessage(current.error)}</FormMessage>}
      {!current.data && !current.error && !noChoice && !choices.error && (
        <div className="d-flex align-items-center gap-3 mb-3">
          <Spinner active small />
          <span>{copy.loading}</span>
        </div>
      )}

      {catalogue.data &&
        (current.data || noChoice) &&
        groupCatalogue(catalogue.data.indicatorCatalogue).map(({ group, computed, missing }, index) => (
          <section key={group} aria-labelledby={`indicatori-gruppo-${index}`} className="ponte-section">
            <h2 id={`indicatori-gruppo-${index}`} className="h3">
              {group}
            </h2>
            {current.data && computed.length > 0 && (
              <div className="row g-3">
                {computed.map((definition) => (
                  <div key={definition.code} className="col-12 col-xl-6">
                    <IndicatorCard
                      definition={definition}
                      figures={byCode.get(definition.code)}
                      previous={previousByCode.get(definition.code)}
                      previousName={previousName}
                    />
                  </div>
                ))}
              </div>
            )}
            {missing.length > 0 && (
              <>
                <h3 className="h5 mt-4">{copy.missing}</h3>
                <ul className="list-unstyled">
                  {missing.map((definition) => (
                    <li key={definition.code} className="mb-3" data-testid="indicatore-mancante">
                      <strong>{definition.title}</strong>
                      {definition.missingData && (
                        <p className="mb-1">
                          {copy.missingData} {definition.missingData}
                        </p>
                      )}
                      <DefinitionDetails definition={definition} />
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        ))}
    </>
  );
}

/** The period: one of the last full years, or two dates applied together. */
function PeriodPicker({ view, today, onChange }: { view: View; today: string; onChange: (view: View) => void }) {
  const lastYear = previousFullYear(today);
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => lastYear - i);
  if (view.year !== null && !years.includes(view.year)) years.unshift(view.year);
  const [custom, setCustom] = useState(view.year === null);
  const [from, setFrom] = useState(formatDate(view.period.from));
  const [to, setTo] = useState(formatDate(view.period.to));
  const [error, setError] = useState<{ field: 'from' | 'to'; message: string }>();

  const choose = (value: string) => {
    if (value === CUSTOM) {
      setCustom(true);
      return;
    }
    setCustom(false);
    setError(undefined);
    const year = Number(value);
    onChange({ ...view, year, period: yearPeriod(year) });
  };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const read = readPeriod(from, to);
    if ('period' in read) {
      setError(undefined);
      onChange({ ...view, year: null, period: read.period });
    } else setError(read);
  };

  return (
    <>
      <SelectField
        id="indicatori-periodo"
        label={copy.period}
        value={custom ? CUSTOM : String(view.year)}
        options={[...years.map((y): [string, string] => [String(y), String(y)]), [CUSTOM, copy.customPeriod]]}
        onChange={choose}
      />
      {custom && (
        <form noValidate onSubmit={apply} className="row g-2">
          <div className="col-12 col-sm-6">
            <TextField
              id="indicatori-dal"
              label={copy.from}
              hint={copy.dateHint}
              inputMode="numeric"
              autoComplete="off"
              value={from}
              onChange={setFrom}
              error={error?.field === 'from' ? error.message : undefined}
            />
          </div>
          <div className="col-12 col-sm-6">
            <TextField
              id="indicatori-al"
              label={copy.to}
              hint={copy.dateHint}
              inputMode="numeric"
              autoComplete="off"
              value={to}
              onChange={setTo}
              error={error?.field === 'to' ? error.message : undefined}
            />
          </div>
          <div className="col-12">
            <button type="submit" className="btn btn-primary">
              {copy.apply}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
