import { Badge } from 'design-react-kit';
import { useQuery } from 'urql';
import { FormMessage } from '../../components/FormMessage';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { graphql } from '../../gql';
import type { MeetingsQuery, MeetingStatus } from '../../gql/graphql';
import { errorMessage } from '../../graphql/errors';
import { labelOptions, meetingKindLabels, meetingStatusLabels } from '../../i18n/enums';
import { formatDate, todayIso } from '../../i18n/format';
import { paths, pathTo } from '../../routes';
import { navigate, useLocation } from '../../router/router';
import { useViewer } from '../../session/session';
import { meetingsCopy as copy } from './copy';
import {
  dayName,
  groupByDay,
  meetingFiltersFromSearch,
  monthName,
  monthRange,
  searchFromMeetingFilters,
  shiftMonth,
  type MeetingFilters,
} from './meetings';

/** A month's meetings fit one page; beyond it the page says how many are left out. */
const MONTH_PAGE = 100;
// A constant: urql restarts a query whose context is a new object, on every render.
const context = { additionalTypenames: ['Meeting'] };

export const meetingsQuery = graphql(`
  query Meetings($from: Date!, $to: Date!, $kind: MeetingKind, $teamId: ID, $status: MeetingStatus, $first: Int!) {
    meetings(from: $from, to: $to, kind: $kind, teamId: $teamId, status: $status, first: $first) {
      totalCount
      nodes {
        id
        kind
        title
        status
        plannedOn
        heldOn
        externalParticipants
        organizer {
          id
          name
        }
        team {
          id
          name
        }
        participants {
          id
        }
      }
    }
  }
`);

/** The teams a meeting may be filtered by: the directory. */
export const meetingTeamDirectoryQuery = graphql(`
  query MeetingTeamDirectory {
    teams(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

type Meeting = MeetingsQuery['meetings']['nodes'][number];

/** The colour of a meeting's status: held green, cancelled grey, planned blue. */
export function meetingStatusColor(status: MeetingStatus): string {
  return status === 'HELD' ? 'success' : status === 'CANCELLED' ? 'secondary' : 'primary';
}

/** Incontri: a month as a list by day, with the months around it and filters by kind, team and status. */
export function MeetingsPage() {
  const viewer = useViewer();
  const { search } = useLocation();
  const filters = meetingFiltersFromSearch(search, todayIso());
  const { from, to } = monthRange(filters.month);
  const [teams] = useQuery({ query: meetingTeamDirectoryQuery });
  const [{ data, error, fetching }] = useQuery({
    query: meetingsQuery,
    variables: {
      from,
      to,
      kind: filters.kind || null,
      teamId: filters.teamId || null,
      status: filters.status || null,
      first: MONTH_PAGE,
    },
    context,
  });
  const go = (next: Partial<MeetingFilters>) => navigate(`${paths.meetings}?${searchFromMeetingFilters({ ...filters, ...next })}`);
  const month = monthName(filters.month);
  const previous = shiftMonth(filters.month, -1);
  const next = shiftMonth(filters.month, 1);
  const hrefOf = (m: string) => `${paths.meetings}?${searchFromMeetingFilters({ ...filters, month: m })}`;
  const f = copy.filters;

  return (
    <>
      <PageHeading title={copy.title} />
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-3">
        <p className="lead mb-0">{copy.intro}</p>
        {viewer.role !== 'AUDITOR' && (
          <a className="btn btn-primary" href={paths.newMeeting}>
            {copy.plan}
          </a>
        )}
      </div>

      <nav aria-label={copy.month} className="d-flex flex-wrap align-items-center gap-3 my-4">
        <a className="btn btn-outline-primary btn-sm" href={hrefOf(previous)}>
          <span aria-hidden="true">‹ </span>
          <span className="visually-hidden">{copy.previousMonth}</span> {monthName(previous)}
        </a>
        <h2 className="h3 mb-0 text-capitalize" data-testid="mese">
          {month}
        </h2>
        <a className="btn btn-outline-primary btn-sm" href={hrefOf(next)}>
          <span className="visually-hidden">{copy.nextMonth}</span> {monthName(next)}
          <span aria-hidden="true"> ›</span>
        </a>
      </nav>

      <form role="search" aria-label={f.region} className="row g-3 align-items-start" onSubmit={(e) => e.preventDefault()}>
        <div className="col-12 col-md-4">
          <SelectField
            id="incontri-tipo"
            label={f.kind}
            value={filters.kind}
            onChange={(kind) => go({ kind: kind as MeetingFilters['kind'] })}
            options={labelOptions(meetingKindLabels)}
            placeholder={f.any}
          />
        </div>
        <div className="col-12 col-md-4">
          <SelectField
            id="incontri-equipe"
            label={f.team}
            value={filters.teamId}
            onChange={(teamId) => go({ teamId })}
            options={(teams.data?.teams.nodes ?? []).map((t) => [t.id, t.name] as const)}
            placeholder={f.any}
          />
        </div>
        <div className="col-12 col-md-4">
          <SelectField
            id="incontri-stato"
            label={f.status}
            value={filters.status}
            onChange={(status) => go({ status: status as MeetingFilters['status'] })}
            options={labelOptions(meetingStatusLabels)}
            placeholder={f.any}
          />
        </div>
      </form>

      {fetching && !data && <Loading />}
      {error && <FormMessage kind="error">{errorMessage(error)}</FormMessage>}
      {data && <MonthDays meetings={data.meetings.nodes} total={data.meetings.totalCount} month={month} />}
    </>
  );
}

function MonthDays({ meetings, total, month }: { meetings: Meeting[]; total: number; month: string }) {
  if (meetings.length === 0) return <p className="mt-3">{copy.none(month)}</p>;
  return (
    <section aria-label={copy.days(month)} className="mt-3">
      <p className="ponte-muted" aria-live="polite">
        {copy.count(total)}
      </p>
      {groupByDay(meetings).map(([day, list]) => (
        <section key={day} aria-labelledby={`giorno-${day}`} className="ponte-section mb-4" data-testid="giorno">
          <h3 id={`giorno-${day}`} className="h5 text-capitalize">
            {dayName(day, formatDate(day))}
          </h3>
          <ul className="list-unstyled mb-0">
            {list.map((m) => (
              <li key={m.id} className="ponte-discharge-card" data-testid="incontro">
                <p className="small mb-1">{meetingKindLabels[m.kind]}</p>
                <a href={pathTo.meeting(m.id)}>
                  <strong>{m.title}</strong>
                </a>{' '}
                <Badge color={meetingStatusColor(m.status)} pill className="ms-1">
                  {meetingStatusLabels[m.status]}
                </Badge>
                <p className="small mb-0 mt-1">
                  {copy.organizer}: {m.team ? `${m.team.name} (${m.organizer.name})` : m.organizer.name} ·{' '}
                  {copy.participants(m.participants.length, m.externalParticipants)}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {total > meetings.length && <p className="ponte-muted">{copy.more(meetings.length, total)}</p>}
    </section>
  );
}
