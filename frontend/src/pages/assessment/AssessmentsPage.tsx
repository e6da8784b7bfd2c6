import { useQuery } from 'urql';
import { FormMessage } from '../../components/FormMessage';
import { LoadMore } from '../../components/LoadMore';
import { Loading } from '../../components/Loading';
import { isCaseWorker } from '../../components/navigation';
import { PageHeading } from '../../components/PageHeading';
import { ResponsiveTable } from '../../components/ScrollBox';
import { useCursorPages } from '../../components/useCursorPages';
import { graphql } from '../../gql';
import { errorMessage } from '../../graphql/errors';
import { formatDate } from '../../i18n/format';
import { personName } from '../../i18n/names';
import { paths, pathTo } from '../../routes';
import { useViewer } from '../../session/session';
import { assessmentCopy } from './copy';

const copy = assessmentCopy.list;
const PAGE_SIZE = 20;
// Constants: urql restarts a query whose context is a new object, on every render.
const draftsContext = { additionalTypenames: ['Assessment'] };
const scheduledContext = { additionalTypenames: ['Discharge'] };

/** The drafts the viewer took part in: only a participant signs. */
export const draftsToSignQuery = graphql(`
  query DraftsToSign($first: Int!, $after: String) {
    assessments(status: DRAFT, mine: true, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        date
        person {
          id
          givenName
          familyName
        }
        team {
          id
          name
        }
        loggedBy {
          id
          displayName
        }
      }
    }
  }
`);

/** The UVM assessments fixed for the protected discharges of the viewer's teams. */
export const scheduledAssessmentsQuery = graphql(`
  query ScheduledAssessments {
    discharges(status: ASSESSMENT_SCHEDULED, first: 100) {
      totalCount
      nodes {
        id
        ward
        assessmentScheduledOn
        expectedDischargeOn
        patient {
          givenName
          familyName
        }
        hospital {
          id
          name
        }
        receivingTeam {
          id
          name
        }
      }
    }
  }
`);

/** Valutazioni: what waits for the viewer's signature and what is scheduled; the instruments one link away. */
export function AssessmentsPage() {
  const caseWork = isCaseWorker(useViewer());
  return (
    <>
      <PageHeading title={copy.title} />
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-3 mb-4">
        <p className="lead mb-0">{caseWork ? copy.intro : copy.operatorsOnly}</p>
        <a className="btn btn-outline-primary" href={paths.instruments}>
          {copy.instruments}
        </a>
      </div>
      {caseWork && (
        <>
          <DraftsToSign />
          <ScheduledAssessments />
        </>
      )}
    </>
  );
}

type Variables = { first: number; after: string | null };

function DraftsToSign() {
  const { cursors, last, loadMore } = useCursorPages('bozze');
  const variables = (after: string | null): Variables => ({ first: PAGE_SIZE, after });
  const [first] = useQuery({ query: draftsToSignQuery, variables: variables(null), context: draftsContext });
  const [lastPage] = useQuery({ query: draftsToSignQuery, variables: variables(last), context: draftsContext });
  const total = first.data?.assessments.totalCount ?? 0;
  const shown = (cursors.length - 1) * PAGE_SIZE + (lastPage.data?.assessments.nodes.length ?? 0);
  return (
    <section aria-labelledby="da-firmare" className="mb-5" data-testid="da-firmare">
      <h2 id="da-firmare" className="h4">
        {copy.toSign} {first.data && <span className="ponte-muted fw-normal">({total})</span>}
      </h2>
      <p className="ponte-muted">{copy.toSignHint}</p>
      {first.fetching && !first.data && <Loading />}
      {first.error && <FormMessage kind="error">{errorMessage(first.error)}</FormMessage>}
      {first.data && total === 0 && <p>{copy.noneToSign}</p>}
      {first.data && total > 0 && (
        <>
          <ResponsiveTable className="ponte-table">
            <caption className="visually-hidden">{copy.toSignCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{copy.person}</th>
                <th scope="col">{copy.date}</th>
                <th scope="col">{copy.team}</th>
                <th scope="col">{copy.loggedBy}</th>
              </tr>
            </thead>
            {cursors.map((after) => (
              <DraftRows key={after ?? 'inizio'} variables={variables(after)} />
            ))}
          </ResponsiveTable>
          <LoadMore
            shown={shown}
            total={total}
            summary={copy.summary}
            hasNextPage={!!lastPage.data?.assessments.pageInfo.hasNextPage}
            fetching={lastPage.fetching}
            onLoadMore={() => loadMore(lastPage.data?.assessments.pageInfo.endCursor)}
          />
        </>
      )}
    </section>
  );
}

function DraftRows({ variables }: { variables: Variables }) {
  const [{ data }] = useQuery({ query: draftsToSignQuery, variables, context: draftsContext });
  if (!data) return null;
  return (
    <tbody>
      {data.assessments.nodes.map((a) => (
        <tr key={a.id} data-testid="riga-da-firmare">
          <td>
            <a href={pathTo.assessment(a.id)}>
              <strong>{a.person ? personName(a.person, 'list') : copy.open}</strong>
            </a>
          </td>
          <td className="text-nowrap">{formatDate(a.date)}</td>
          <td>{a.team?.name ?? '—'}</td>
          <td>{a.loggedBy?.displayName ?? '—'}</td>
        </tr>
      ))}
    </tbody>
  );
}

function ScheduledAssessments() {
  const [{ data, error, fetching }] = useQuery({ query: scheduledAssessmentsQuery, context: scheduledContext });
  // The board comes by expected discharge; the assessment's own day orders this list.
  const scheduled = [...(data?.discharges.nodes ?? [])].sort((a, b) =>
    (a.assessmentScheduledOn ?? a.expectedDischargeOn).localeCompare(b.assessmentScheduledOn ?? b.expectedDischargeOn),
  );
  return (
    <section aria-labelledby="programmate" className="mb-5" data-testid="programmate">
      <h2 id="programmate" className="h4">
        {copy.scheduled} {data && <span className="ponte-muted fw-normal">({data.discharges.totalCount})</span>}
      </h2>
      <p className="ponte-muted">{copy.scheduledHint}</p>
      {fetching && !data && <Loading />}
      {error && <FormMessage kind="error">{errorMessage(error)}</FormMessage>}
      {data && scheduled.length === 0 && <p>{copy.noneScheduled}</p>}
      {scheduled.length > 0 && (
        <ResponsiveTable className="ponte-table">
          <caption className="visually-hidden">{copy.scheduledCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{copy.scheduledOn}</th>
              <th scope="col">{copy.person}</th>
              <th scope="col">{copy.hospital}</th>
              <th scope="col">{copy.expected}</th>
              <th scope="col">{copy.team}</th>
            </tr>
          </thead>
          <tbody>
            {scheduled.map((d) => (
              <tr key={d.id} data-testid="riga-programmata">
                <td className="text-nowrap">{d.assessmentScheduledOn ? formatDate(d.assessmentScheduledOn) : '—'}</td>
                <td>
                  <a href={pathTo.discharge(d.id)}>{d.patient ? personName(d.patient, 'list') : '—'}</a>
                </td>
                <td>
                  {d.hospital?.name ?? '—'}
                  <br />
                  <span className="ponte-muted small">{d.ward}</span>
                </td>
                <td className="text-nowrap">{formatDate(d.expectedDischargeOn)}</td>
                <td>{d.receivingTeam?.name ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </ResponsiveTable>
      )}
    </section>
  );
}
