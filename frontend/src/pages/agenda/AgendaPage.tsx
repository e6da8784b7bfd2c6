import { Badge } from 'design-react-kit';
import { useQuery } from 'urql';
import { FormMessage } from '../../components/FormMessage';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { graphql } from '../../gql';
import type { AgendaQuery } from '../../gql/graphql';
import { errorMessage } from '../../graphql/errors';
import { agendaKindLabels, agendaScopeLabels, labelOptions } from '../../i18n/enums';
import { formatDate, todayIso } from '../../i18n/format';
import { personName } from '../../i18n/names';
import { paths, pathTo } from '../../routes';
import { navigate, useLocation } from '../../router/router';
import { dayName } from '../meetings/meetings';
import {
  agendaFiltersFromSearch,
  groupAgenda,
  searchFromAgendaFilters,
  shiftWindow,
  windowOf,
  type AgendaFilters,
  type AgendaView,
} from './agenda';
import { agendaCopy as copy } from './copy';

export const agendaQuery = graphql(`
  query Agenda($from: Date!, $to: Date!, $scope: AgendaScope!, $kinds: [AgendaKind!]) {
    agenda(from: $from, to: $to, scope: $scope, kinds: $kinds) {
      id
      kind
      date
      overdue
      project {
        id
        title
      }
      discharge {
        id
      }
      meeting {
        id
        title
      }
      diaryEntry {
        id
      }
      person {
        id
        givenName
        familyName
      }
    }
  }
`);

type Item = AgendaQuery['agenda'][number];

/** Where an item leads, and what its link says. */
export function itemLink(item: Item): { href: string; label: string } | undefined {
  if (item.project) return { href: pathTo.project(item.project.id), label: item.project.title };
  if (item.discharge) return { href: pathTo.discharge(item.discharge.id), label: copy.open.discharge };
  if (item.meeting) return { href: pathTo.meeting(item.meeting.id), label: item.meeting.title };
  if (item.diaryEntry && item.person) return { href: `${pathTo.person(item.person.id)}#scheda-diario`, label: copy.open.diary };
  return undefined;
}

/** Agenda: the week or the month of my (or my teams') deadlines, what is overdue first. */
export function AgendaPage() {
  const { search } = useLocation();
  const today = todayIso();
  const filters = agendaFiltersFromSearch(search, today);
  const { from, to } = windowOf(filters.view, filters.day);
  const [{ data, error, fetching }] = useQuery({
    query: agendaQuery,
    variables: { from, to, scope: filters.scope, kinds: filters.kind ? [filters.kind] : null },
  });
  const hrefOf = (next: Partial<AgendaFilters>) => `${paths.agenda}?${searchFromAgendaFilters({ ...filters, ...next })}`;
  const go = (next: Partial<AgendaFilters>) => navigate(hrefOf(next));
  const f = copy.filters;

  return (
    <>
      <PageHeading title={copy.title} />
      <p className="lead">{copy.intro}</p>

      <nav aria-label={copy.viewLabel} className="d-flex flex-wrap align-items-center gap-2 my-3">
        {(['settimana', 'mese'] as AgendaView[]).map((view) => (
          <a
            key={view}
            className={`btn btn-sm ${filters.view === view ? 'btn-primary' : 'btn-outline-primary'}`}
            aria-current={filters.view === view ? 'page' : undefined}
            href={hrefOf({ view })}
          >
            {copy.views[view]}
          </a>
        ))}
        <a
          className="btn btn-sm btn-outline-primary"
          href={hrefOf({ view: filters.view, day: shiftWindow(filters.view, filters.day, -1) })}
        >
          <span aria-hidden="true">‹ </span>
          {copy.previous[filters.view]}
        </a>
        <a className="btn btn-sm btn-outline-primary" href={hrefOf({ day: today })}>
          {copy.today}
        </a>
        <a className="btn btn-sm btn-outline-primary" href={hrefOf({ day: shiftWindow(filters.view, filters.day, 1) })}>
          {copy.next[filters.view]}
          <span aria-hidden="true"> ›</span>
        </a>
      </nav>
      <h2 className="h4" data-testid="periodo">
        {copy.window(formatDate(from), formatDate(to))}
      </h2>

      <form role="search" aria-label={f.region} className="row g-3 align-items-start" onSubmit={(e) => e.preventDefault()}>
        <div className="col-12 col-md-6">
          <SelectField
            id="agenda-ambito"
            label={f.scope}
            value={filters.scope}
            onChange={(scope) => go({ scope: (scope || 'MINE') as AgendaFilters['scope'] })}
            options={labelOptions(agendaScopeLabels)}
          />
        </div>
        <div className="col-12 col-md-6">
          <SelectField
            id="agenda-tipo"
            label={f.kind}
            value={filters.kind}
            onChange={(kind) => go({ kind: kind as AgendaFilters['kind'] })}
            options={labelOptions(agendaKindLabels)}
            placeholder={f.any}
          />
        </div>
      </form>

      {fetching && !data && <Loading />}
      {error && <FormMessage kind="error">{errorMessage(error)}</FormMessage>}
      {data && <AgendaItems items={data.agenda} />}
    </>
  );
}

function AgendaItems({ items }: { items: Item[] }) {
  if (items.length === 0) return <p className="mt-3">{copy.none}</p>;
  const { overdue, days } = groupAgenda(items);
  return (
    <div className="mt-3">
      {overdue.length > 0 && (
        <section aria-labelledby="agenda-ritardo" className="ponte-section mb-4" data-testid="in-ritardo">
          <h3 id="agenda-ritardo" className="h5">
            {copy.overdueHeading}
          </h3>
          <ul className="list-unstyled mb-0">
            {overdue.map((item) => (
              <AgendaEntry key={item.id} item={item} />
            ))}
          </ul>
        </section>
      )}
      {days.map(([day, list]) => (
        <section key={day} aria-labelledby={`agenda-${day}`} className="ponte-section mb-4" data-testid="giorno">
          <h3 id={`agenda-${day}`} className="h5 text-capitalize">
            {dayName(day, formatDate(day))}
          </h3>
          <ul className="list-unstyled mb-0">
            {list.map((item) => (
              <AgendaEntry key={item.id} item={item} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function AgendaEntry({ item }: { item: Item }) {
  const link = itemLink(item);
  return (
    <li className="ponte-discharge-card" data-testid="scadenza">
      <p className="small mb-1">
        {agendaKindLabels[item.kind]}
        {item.overdue && (
          <>
            {' '}
            <Badge color="danger" pill className="ponte-badge-over">
              {copy.overdue}
            </Badge>{' '}
            <span>{copy.overdueSince(formatDate(item.date))}</span>
          </>
        )}
      </p>
      {item.person && (
        <p className="mb-1">
          <strong>{personName(item.person, 'list')}</strong>
        </p>
      )}
      {link ? <a href={link.href}>{link.label}</a> : <span className="ponte-muted">{copy.noAccess}</span>}
    </li>
  );
}
