import { Badge, Card, CardBody, CardTitle } from 'design-react-kit';
import type { ReactNode } from 'react';
import { useQuery } from 'urql';
import { FormMessage } from '../../components/FormMessage';
import { graphql } from '../../gql';
import { errorMessage } from '../../graphql/errors';
import { formatDate, formatDateTime } from '../../i18n/format';
import { paths, pathTo } from '../../routes';
import { notificationHref, notificationsContext } from '../notifications/NotificationsPage';
import { homeCopy } from './copy';
import { ReviewOverdueBadge } from '../../components/ReviewOverdueBadge';
import { personName } from '../../i18n/names';

const SHOWN = 5;
// Constants: urql restarts a query whose context is a new object, on every render.
const projectsContext = { additionalTypenames: ['IndividualProject'] };
const dischargesContext = { additionalTypenames: ['Discharge'] };

export const homeProjectsQuery = graphql(`
  query HomeProjects($first: Int!) {
    projects(mine: true, first: $first) {
      totalCount
      nodes {
        id
        title
        status
        nextReviewOn
        reviewOverdue
        person {
          id
          givenName
          familyName
        }
      }
    }
    overdue: projects(mine: true, reviewOverdue: true, first: 0) {
      totalCount
    }
  }
`);

export const homeDischargesQuery = graphql(`
  query HomeDischarges {
    discharges(first: 100) {
      nodes {
        id
        status
        expectedDischargeOn
        overdue
        patient {
          givenName
          familyName
        }
        receivingTeam {
          id
          name
        }
      }
    }
  }
`);

export const homeNotificationsQuery = graphql(`
  query HomeNotifications($first: Int!) {
    notifications(unreadOnly: true, first: $first) {
      totalCount
      nodes {
        id
        title
        link
        createdAt
      }
    }
  }
`);

function WorkCard({ id, title, intro, children }: { id: string; title: string; intro: string; children: ReactNode }) {
  return (
    <div className="col-12 col-md-6 col-xl-4 d-flex" data-testid={id}>
      <Card className="ponte-card shadow-sm rounded w-100">
        <CardBody>
          <CardTitle tag="h3" className="h5">
            {title}
          </CardTitle>
          <p className="ponte-muted small">{intro}</p>
          {children}
        </CardBody>
      </Card>
    </div>
  );
}

/** I miei progetti: the next reviews, overdue ones highlighted. */
export function MyProjectsCard() {
  const copy = homeCopy.projects;
  const [{ data, error }] = useQuery({ query: homeProjectsQuery, variables: { first: 20 }, context: projectsContext });
  const running = (data?.projects.nodes ?? []).filter((p) => p.status !== 'CLOSED').slice(0, SHOWN);
  return (
    <WorkCard id="card-progetti" title={copy.title} intro={copy.intro}>
      {error && <FormMessage kind="error">{errorMessage(error)}</FormMessage>}
      {data && running.length === 0 && <p>{copy.none}</p>}
      {running.length > 0 && (
        <ul className="list-unstyled ponte-card-list">
          {running.map((p) => (
            <li key={p.id} className={p.reviewOverdue ? 'ponte-overdue' : undefined}>
              <a href={pathTo.project(p.id)}>{p.title}</a>
              <span className="d-block small">
                {p.person ? `${personName(p.person, 'list')} · ` : ''}
                {copy.nextReview(formatDate(p.nextReviewOn))}
                <ReviewOverdueBadge overdue={p.reviewOverdue} nextReviewOn={p.nextReviewOn} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {data && data.overdue.totalCount > 0 && <p className="fw-semibold">{copy.overdueCount(data.overdue.totalCount)}</p>}
      {data && data.projects.totalCount > 0 && <a href={paths.projects}>{copy.all(data.projects.totalCount)}</a>}
    </WorkCard>
  );
}

/** Dimissioni in corso: those of the viewer's teams (or reported by them) not yet concluded. */
export function DischargesCard() {
  const copy = homeCopy.discharges;
  const [{ data, error }] = useQuery({ query: homeDischargesQuery, context: dischargesContext });
  const open = (data?.discharges.nodes ?? []).filter((d) => d.status !== 'DISCHARGED' && d.status !== 'CANCELLED');
  return (
    <WorkCard id="card-dimissioni" title={copy.title} intro={copy.intro}>
      {error && <FormMessage kind="error">{errorMessage(error)}</FormMessage>}
      {data && open.length === 0 && <p>{copy.none}</p>}
      {open.length > 0 && (
        <ul className="list-unstyled ponte-card-list">
          {open.slice(0, SHOWN).map((d) => (
            <li key={d.id} className={d.overdue ? 'ponte-overdue' : undefined}>
              <a href={pathTo.discharge(d.id)}>{d.patient ? personName(d.patient, 'list') : '—'}</a>
              <span className="d-block small">
                {copy.expected(formatDate(d.expectedDischargeOn))}
                {d.receivingTeam && ` · ${d.receivingTeam.name}`}
                {d.overdue && (
                  <>
                    {' '}
                    <Badge color="danger" pill className="ponte-badge-over">
                      {copy.overdue}
                    </Badge>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      <a href={paths.discharges}>{copy.all}</a>
    </WorkCard>
  );
}

/** Notifiche non lette: the newest ones, with their links. */
export function NotificationsCard() {
  const copy = homeCopy.notifications;
  const [{ data, error }] = useQuery({ query: homeNotificationsQuery, variables: { first: SHOWN }, context: notificationsContext });
  const nodes = data?.notifications.nodes ?? [];
  return (
    <WorkCard id="card-notifiche" title={copy.title} intro={copy.intro}>
      {error && <FormMessage kind="error">{errorMessage(error)}</FormMessage>}
      {data && nodes.length === 0 && <p>{copy.none}</p>}
      {nodes.length > 0 && (
        <ul className="list-unstyled ponte-card-list">
          {nodes.map((n) => {
            const href = notificationHref(n.link);
            return (
              <li key={n.id}>
                {href ? <a href={href}>{n.title}</a> : n.title}
                <span className="d-block small ponte-muted">{formatDateTime(n.createdAt)}</span>
              </li>
            );
          })}
        </ul>
      )}
      <a href={paths.notifications}>{copy.all(data?.notifications.totalCount ?? 0)}</a>
    </WorkCard>
  );
}
