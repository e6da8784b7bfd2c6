import { useQuery } from 'urql';
import { CheckboxField } from '../../components/CheckboxField';
import { FormMessage } from '../../components/FormMessage';
import { LoadMore } from '../../components/LoadMore';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { useCursorPages } from '../../components/useCursorPages';
import { useUrlFilters } from '../../components/useUrlFilters';
import { graphql } from '../../gql';
import type { ProjectStatus } from '../../gql/graphql';
import { errorMessage } from '../../graphql/errors';
import { labelOptions, projectKindLabels, projectStatusLabels } from '../../i18n/enums';
import { formatDate } from '../../i18n/format';
import { pathTo } from '../../routes';
import { useViewer } from '../../session/session';
import { projectsCopy as copy } from '../project/copy';
import { ProjectStatusBadge } from '../project/ProjectStatusPanel';
import { ReviewOverdueBadge } from '../../components/ReviewOverdueBadge';
import { ResponsiveTable } from '../../components/ScrollBox';
import { personName } from '../../i18n/names';

const PAGE_SIZE = 20;
// A constant: urql restarts a query whose context is a new object, on every render.
const context = { additionalTypenames: ['IndividualProject'] };

export const myProjectsQuery = graphql(`
  query MyProjects($first: Int!, $after: String, $status: ProjectStatus, $reviewOverdue: Boolean!) {
    projects(mine: true, first: $first, after: $after, status: $status, reviewOverdue: $reviewOverdue) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        kind
        status
        nextReviewOn
        reviewOverdue
        person {
          id
          givenName
          familyName
        }
        team {
          id
          name
        }
        caseManager {
          id
          displayName
        }
      }
    }
  }
`);

type Variables = { first: number; after: string | null; status: ProjectStatus | null; reviewOverdue: boolean };

/** Progetti: the viewer's projects and their teams', soonest review first, overdue ones highlighted. */
export function ProjectsPage() {
  const viewer = useViewer();
  if (viewer.role !== 'OPERATOR') {
    return (
      <>
        <PageHeading title={copy.title} />
        <FormMessage kind="info">{copy.operatorsOnly}</FormMessage>
      </>
    );
  }
  return <ProjectsList />;
}

/** The address keeps the filters (`/progetti?stato=ACTIVE&scadute=1`), so Back restores them. */
const URL_KEYS = ['stato', 'scadute'] as const;

function ProjectsList() {
  const { values, update, key } = useUrlFilters(URL_KEYS);
  const status = values.stato;
  const overdue = values.scadute === '1';
  const { cursors, last, loadMore } = useCursorPages(key);
  const variables = (after: string | null): Variables => ({
    first: PAGE_SIZE,
    after,
    status: (status || null) as ProjectStatus | null,
    reviewOverdue: overdue,
  });
  const [first] = useQuery({ query: myProjectsQuery, variables: variables(null), context });
  const [lastPage] = useQuery({ query: myProjectsQuery, variables: variables(last), context });
  const total = first.data?.projects.totalCount ?? 0;
  const shown = (cursors.length - 1) * PAGE_SIZE + (lastPage.data?.projects.nodes.length ?? 0);

  return (
    <>
      <PageHeading title={copy.title} />
      <p className="lead">{copy.intro}</p>
      <div role="group" aria-label={copy.filters} className="row g-3 align-items-end">
        <div className="col-12 col-md-5 col-lg-4">
          <SelectField
            id="progetti-stato"
            label={copy.status}
            value={status}
            onChange={(stato) => update({ stato })}
            options={labelOptions(projectStatusLabels)}
            placeholder={copy.allStatuses}
          />
        </div>
        <div className="col-12 col-md-6">
          <CheckboxField
            id="progetti-scaduti"
            label={copy.overdueOnly}
            checked={overdue}
            onChange={(on) => update({ scadute: on ? '1' : '' })}
          />
        </div>
      </div>
      {first.error && <FormMessage kind="error">{errorMessage(first.error)}</FormMessage>}
      <ResponsiveTable className="ponte-table">
        <caption className="visually-hidden">{copy.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{copy.project}</th>
            <th scope="col">{copy.person}</th>
            <th scope="col">{copy.statusColumn}</th>
            <th scope="col">{copy.nextReview}</th>
            <th scope="col">{copy.team}</th>
          </tr>
        </thead>
        {cursors.map((after) => (
          <ProjectRows key={after ?? 'inizio'} variables={variables(after)} />
        ))}
        {first.data && total === 0 && (
          <tbody>
            <tr>
              <td colSpan={5}>{status || overdue ? copy.none : copy.noneAtAll}</td>
            </tr>
          </tbody>
        )}
      </ResponsiveTable>
      {first.data && total > 0 && (
        <LoadMore
          shown={shown}
          total={total}
          summary={copy.summary}
          hasNextPage={!!lastPage.data?.projects.pageInfo.hasNextPage}
          fetching={lastPage.fetching}
          onLoadMore={() => loadMore(lastPage.data?.projects.pageInfo.endCursor)}
        />
      )}
    </>
  );
}

function ProjectRows({ variables }: { variables: Variables }) {
  const [{ data }] = useQuery({ query: myProjectsQuery, variables, context });
  if (!data) return null;
  return (
    <tbody>
      {data.projects.nodes.map((p) => (
        <tr key={p.id} data-testid="riga-progetto" className={p.reviewOverdue ? 'ponte-row-over' : undefined}>
          <td>
            <a href={pathTo.project(p.id)}>
              <strong>{p.title}</strong>
            </a>
            <br />
            <span className="ponte-muted small">{projectKindLabels[p.kind]}</span>
          </td>
          <td>{p.person ? personName(p.person, 'list') : '—'}</td>
          <td>
            <ProjectStatusBadge status={p.status} />
          </td>
          <td className="text-nowrap">
            {p.status === 'CLOSED' ? '—' : formatDate(p.nextReviewOn)}
            <ReviewOverdueBadge overdue={p.reviewOverdue} nextReviewOn={p.nextReviewOn} />
          </td>
          <td>
            {p.team?.name ?? '—'}
            {p.caseManager && (
              <>
                <br />
                <span className="ponte-muted small">{p.caseManager.displayName}</span>
              </>
            )}
          </td>
        </tr>
      ))}
    </tbody>
  );
}
