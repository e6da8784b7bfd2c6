import { Badge } from 'design-react-kit';
import { useQuery } from 'urql';
import { FormMessage } from '../../components/FormMessage';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { graphql } from '../../gql';
import type { DischargeBoardQuery, DischargeStatus } from '../../gql/graphql';
import { errorMessage } from '../../graphql/errors';
import { dischargeStatusLabels } from '../../i18n/enums';
import { formatDate } from '../../i18n/format';
import { paths, pathTo } from '../../routes';
import { useViewer } from '../../session/session';
import { dischargesCopy as copy } from './copy';
import { personName } from '../../i18n/names';

// A constant: urql restarts a query whose context is a new object, on every render.
const context = { additionalTypenames: ['Discharge'] };
const RECENT = 5;

export const dischargeBoardQuery = graphql(`
  query DischargeBoard($status: DischargeStatus!, $first: Int!) {
    discharges(status: $status, first: $first) {
      totalCount
      nodes {
        id
        status
        ward
        expectedDischargeOn
        dischargedOn
        overdue
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

type BoardDischarge = DischargeBoardQuery['discharges']['nodes'][number];

const OPEN: DischargeStatus[] = ['REPORTED', 'ASSESSMENT_SCHEDULED', 'PLAN_AGREED'];

/** Dimissioni protette: a board by status (open ones, then the recent final ones), overdue ones highlighted. */
export function DischargesPage() {
  const viewer = useViewer();
  return (
    <>
      <PageHeading title={copy.title} />
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-3 mb-4">
        <p className="lead mb-0">{viewer.role === 'OPERATOR' ? copy.intro : copy.operatorsOnly}</p>
        {viewer.role === 'OPERATOR' && (
          <a className="btn btn-primary" href={paths.newDischarge}>
            {copy.report}
          </a>
        )}
      </div>
      {viewer.role === 'OPERATOR' && (
        <div className="row g-4" aria-label={copy.board} role="region">
          {OPEN.map((status) => (
            <OpenColumn key={status} status={status} />
          ))}
          <RecentColumn />
        </div>
      )}
    </>
  );
}

function OpenColumn({ status }: { status: DischargeStatus }) {
  const [{ data, error, fetching }] = useQuery({ query: dischargeBoardQuery, variables: { status, first: 100 }, context });
  const headingId = `colonna-${status}`;
  return (
    <section aria-labelledby={headingId} className="col-12 col-md-6 col-xl-3" data-testid={`colonna-${status}`}>
      <div className="ponte-column h-100">
        <h2 id={headingId} className="h5">
          {dischargeStatusLabels[status]} {data && <span className="ponte-muted fw-normal">({data.discharges.totalCount})</span>}
        </h2>
        {fetching && !data && <Loading />}
        {error && <FormMessage kind="error">{errorMessage(error)}</FormMessage>}
        {data && <DischargeCards discharges={data.discharges.nodes} />}
      </div>
    </section>
  );
}

function RecentColumn() {
  const [discharged] = useQuery({ query: dischargeBoardQuery, variables: { status: 'DISCHARGED', first: 100 }, context });
  const [cancelled] = useQuery({ query: dischargeBoardQuery, variables: { status: 'CANCELLED', first: 100 }, context });
  const error = discharged.error ?? cancelled.error;
  // The list comes by expected date; the most recent are the last ones.
  const recent = [...(discharged.data?.discharges.nodes ?? []), ...(cancelled.data?.discharges.nodes ?? [])]
    .sort((a, b) => (b.dischargedOn ?? b.expectedDischargeOn).localeCompare(a.dischargedOn ?? a.expectedDischargeOn))
    .slice(0, RECENT);
  return (
    <section aria-labelledby="colonna-concluse" className="col-12 col-md-6 col-xl-3" data-testid="colonna-concluse">
      <div className="ponte-column h-100">
        <h2 id="colonna-concluse" className="h5">
          {copy.recent}
        </h2>
        <p className="small ponte-muted">{copy.recentHint}</p>
        {error && <FormMessage kind="error">{errorMessage(error)}</FormMessage>}
        {discharged.data && cancelled.data && <DischargeCards discharges={recent} />}
      </div>
    </section>
  );
}

function DischargeCards({ discharges }: { discharges: BoardDischarge[] }) {
  if (discharges.length === 0) return <p className="ponte-muted">{copy.none}</p>;
  return (
    <ul className="list-unstyled mb-0">
      {discharges.map((d) => {
        const name = d.patient ? personName(d.patient, 'list') : '—';
        return (
          <li key={d.id} className={`ponte-discharge-card${d.overdue ? ' ponte-overdue' : ''}`} data-testid="scheda-dimissione">
            <a href={pathTo.discharge(d.id)} aria-label={copy.open(name)}>
              <strong>{name}</strong>
            </a>
            <p className="small mb-1">
              {d.hospital?.name}
              {d.ward && ` – ${d.ward}`}
            </p>
            <p className="small mb-1">
              {d.status === 'DISCHARGED' && d.dischargedOn
                ? copy.dischargedOn(formatDate(d.dischargedOn))
                : copy.expected(formatDate(d.expectedDischargeOn))}
            </p>
            {(d.status === 'CANCELLED' || d.status === 'DISCHARGED') && (
              <Badge color={d.status === 'CANCELLED' ? 'secondary' : 'success'} pill>
                {dischargeStatusLabels[d.status]}
              </Badge>
            )}
            {d.overdue && (
              <Badge color="danger" pill className="ponte-badge-over">
                {copy.overdue}
              </Badge>
            )}
            {d.receivingTeam && <p className="small ponte-muted mb-0 mt-1">{d.receivingTeam.name}</p>}
          </li>
        );
      })}
    </ul>
  );
}
