import { Badge } from 'design-react-kit';
import { useQuery } from 'urql';
import { dischargeStatusLabels, projectKindLabels } from '../../i18n/enums';
import { formatDate } from '../../i18n/format';
import { pathTo } from '../../routes';
import { myTeamsQuery } from '../persons/NewPersonPage';
import { ProjectStatusBadge } from '../project/ProjectStatusPanel';
import { personCopy } from './copy';
import type { PersonRecord } from './PersonPage';
import { ReviewOverdueBadge } from '../../components/ReviewOverdueBadge';
import { ResponsiveTable } from '../../components/ScrollBox';

/** The person's individual projects, and "Apri progetto" for a member of any team. */
export function PersonProjects({ person }: { person: PersonRecord }) {
  const copy = personCopy.projects;
  const [teams] = useQuery({ query: myTeamsQuery });
  const canOpen = (teams.data?.teams.nodes.length ?? 0) > 0;
  return (
    <section aria-labelledby="scheda-progetti" className="ponte-section">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-3">
        <h2 id="scheda-progetti" className="h4 mb-0">
          {copy.heading}
        </h2>
        {canOpen && (
          <a className="btn btn-primary btn-sm" href={pathTo.newProject(person.id)}>
            {copy.openProject}
          </a>
        )}
      </div>
      {person.projects.length === 0 ? (
        <p className="mt-3">{copy.none}</p>
      ) : (
        <ResponsiveTable className="ponte-table">
          <caption className="visually-hidden">{copy.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{copy.project}</th>
              <th scope="col">{copy.status}</th>
              <th scope="col">{copy.team}</th>
              <th scope="col">{copy.start}</th>
              <th scope="col">{copy.nextReview}</th>
            </tr>
          </thead>
          <tbody>
            {person.projects.map((p) => (
              <tr key={p.id} data-testid="riga-progetto-persona" className={p.reviewOverdue ? 'ponte-row-over' : undefined}>
                <td>
                  <a href={pathTo.project(p.id)}>
                    <strong>{p.title}</strong>
                  </a>
                  <br />
                  <span className="ponte-muted small">{projectKindLabels[p.kind]}</span>
                </td>
                <td>
                  <ProjectStatusBadge status={p.status} />
                </td>
                <td>
                  {p.team?.name ?? '—'}
                  {p.caseManager && <span className="d-block ponte-muted small">{p.caseManager.displayName}</span>}
                </td>
                <td>{formatDate(p.startDate)}</td>
                <td className="text-nowrap">
                  {p.status === 'CLOSED' ? '—' : formatDate(p.nextReviewOn)}
                  <ReviewOverdueBadge overdue={p.reviewOverdue} nextReviewOn={p.nextReviewOn} />
                </td>
              </tr>
            ))}
          </tbody>
        </ResponsiveTable>
      )}
    </section>
  );
}

/** The person's protected discharges. */
export function PersonDischarges({ person }: { person: PersonRecord }) {
  const copy = personCopy.discharges;
  if (person.discharges.length === 0) return null;
  return (
    <section aria-labelledby="scheda-dimissioni" className="ponte-section">
      <h2 id="scheda-dimissioni" className="h4">
        {copy.heading}
      </h2>
      <ResponsiveTable className="ponte-table">
        <caption className="visually-hidden">{copy.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{copy.stay}</th>
            <th scope="col">{copy.status}</th>
            <th scope="col">{copy.expected}</th>
          </tr>
        </thead>
        <tbody>
          {person.discharges.map((d) => (
            <tr key={d.id} data-testid="riga-dimissione-persona">
              <td>
                <a href={pathTo.discharge(d.id)} aria-label={copy.open(formatDate(d.admittedOn))}>
                  {formatDate(d.admittedOn)}
                </a>{' '}
                – {d.hospital?.name}, {d.ward}
              </td>
              <td>
                {dischargeStatusLabels[d.status]}
                {d.overdue && (
                  <>
                    {' '}
                    <Badge color="danger" pill className="ponte-badge-over">
                      {copy.overdue}
                    </Badge>
                  </>
                )}
              </td>
              <td>{d.dischargedOn ? `${copy.discharged} ${formatDate(d.dischargedOn)}` : formatDate(d.expectedDischargeOn)}</td>
            </tr>
          ))}
        </tbody>
      </ResponsiveTable>
    </section>
  );
}
