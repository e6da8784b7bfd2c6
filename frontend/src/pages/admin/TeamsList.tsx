import { useState } from 'react';
import { useQuery } from 'urql';
import { FormMessage } from '../../components/FormMessage';
import { LoadMore } from '../../components/LoadMore';
import { SelectField } from '../../components/SelectField';
import { useCursorPages } from '../../components/useCursorPages';
import { graphql } from '../../gql';
import type { TeamKind } from '../../gql/graphql';
import { errorMessage } from '../../graphql/errors';
import { labelOptions, teamKindLabels } from '../../i18n/enums';
import { pathTo } from '../../routes';
import { adminCopy } from './copy';
import { ResponsiveTable } from '../../components/ScrollBox';

const copy = adminCopy.teams;
const PAGE_SIZE = 20;
// A constant: urql restarts a query whose context is a new object, on every render.
const context = { additionalTypenames: ['Team'] };

export const adminTeamsQuery = graphql(`
  query AdminTeams($first: Int!, $after: String, $kind: TeamKind) {
    teams(first: $first, after: $after, kind: $kind) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        kind
        organization {
          id
          name
        }
        members {
          active
        }
      }
    }
  }
`);

type Variables = { first: number; after: string | null; kind: TeamKind | null };

export function TeamsList() {
  const [kind, setKind] = useState<TeamKind | ''>('');
  const { cursors, last, loadMore } = useCursorPages(kind);
  const variables = (after: string | null): Variables => ({ first: PAGE_SIZE, after, kind: kind || null });
  const [first] = useQuery({ query: adminTeamsQuery, variables: variables(null), context });
  const [lastPage] = useQuery({ query: adminTeamsQuery, variables: variables(last), context });
  const total = first.data?.teams.totalCount ?? 0;
  const shown = (cursors.length - 1) * PAGE_SIZE + (lastPage.data?.teams.nodes.length ?? 0);

  return (
    <section aria-labelledby="equipe-titolo" className="mb-5">
      <h2 id="equipe-titolo" className="h3">
        {copy.heading}
      </h2>
      <div className="row mt-4">
        <div className="col-12 col-md-6 col-lg-5">
          <SelectField
            id="equipe-filtro-tipo"
            label={copy.kindFilter}
            value={kind}
            onChange={(value) => setKind(value as TeamKind | '')}
            options={labelOptions(teamKindLabels)}
            placeholder={copy.allKinds}
          />
        </div>
      </div>
      {first.error && <FormMessage kind="error">{errorMessage(first.error)}</FormMessage>}
      <ResponsiveTable hover className="ponte-table">
        <caption className="visually-hidden">{copy.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{copy.name}</th>
            <th scope="col">{copy.kind}</th>
            <th scope="col">{copy.organization}</th>
            <th scope="col">{copy.members}</th>
          </tr>
        </thead>
        {cursors.map((after) => (
          <TeamRows key={after ?? 'inizio'} variables={variables(after)} />
        ))}
        {first.data && total === 0 && (
          <tbody>
            <tr>
              <td colSpan={4}>{copy.none}</td>
            </tr>
          </tbody>
        )}
      </ResponsiveTable>
      {first.data && total > 0 && (
        <LoadMore
          shown={shown}
          total={total}
          summary={copy.summary}
          hasNextPage={!!lastPage.data?.teams.pageInfo.hasNextPage}
          fetching={lastPage.fetching}
          onLoadMore={() => loadMore(lastPage.data?.teams.pageInfo.endCursor)}
        />
      )}
    </section>
  );
}

function TeamRows({ variables }: { variables: Variables }) {
  const [{ data }] = useQuery({ query: adminTeamsQuery, variables, context });
  if (!data) return null;
  return (
    <tbody>
      {data.teams.nodes.map((team) => (
        <tr key={team.id} data-testid="riga-equipe">
          <td>
            <a href={pathTo.adminTeam(team.id)} aria-label={copy.openLabel(team.name)}>
              <strong>{team.name}</strong>
            </a>
          </td>
          <td>{teamKindLabels[team.kind]}</td>
          <td>{team.organization?.name ?? copy.noOrganization}</td>
          <td>{team.members.filter((m) => m.active).length}</td>
        </tr>
      ))}
    </tbody>
  );
}
