import { useState } from 'react';
import { useQuery } from 'urql';
import { FormMessage } from '../../components/FormMessage';
import { LoadMore } from '../../components/LoadMore';
import { SelectField } from '../../components/SelectField';
import { useCursorPages } from '../../components/useCursorPages';
import { graphql } from '../../gql';
import type { OrganizationKind } from '../../gql/graphql';
import { errorMessage } from '../../graphql/errors';
import { labelOptions, organizationKindLabels } from '../../i18n/enums';
import { adminCopy } from './copy';
import { ResponsiveTable } from '../../components/ScrollBox';

const copy = adminCopy.organizations;
const PAGE_SIZE = 20;
// A constant: urql restarts a query whose context is a new object, on every render.
const context = { additionalTypenames: ['Organization'] };

export const adminOrganizationsQuery = graphql(`
  query AdminOrganizations($first: Int!, $after: String, $kind: OrganizationKind) {
    organizations(first: $first, after: $after, kind: $kind) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        kind
        fiscalCode
        createdAt
      }
    }
  }
`);

const dateFormat = new Intl.DateTimeFormat('it-IT', { dateStyle: 'medium' });

export function OrganizationsList() {
  const [kind, setKind] = useState<OrganizationKind | ''>('');
  const { cursors, last, loadMore } = useCursorPages(kind);
  const variables = (after: string | null) => ({ first: PAGE_SIZE, after, kind: kind || null });
  const [first] = useQuery({ query: adminOrganizationsQuery, variables: variables(null), context });
  const [lastPage] = useQuery({ query: adminOrganizationsQuery, variables: variables(last), context });

  const total = first.data?.organizations.totalCount ?? 0;
  const shown = (cursors.length - 1) * PAGE_SIZE + (lastPage.data?.organizations.nodes.length ?? 0);

  return (
    <section aria-labelledby="enti-titolo" className="mb-5">
      <h2 id="enti-titolo" className="h3">
        {copy.heading}
      </h2>
      <div className="row mt-4">
        <div className="col-12 col-md-6 col-lg-5">
          <SelectField
            id="enti-filtro-tipo"
            label={copy.kindFilter}
            value={kind}
            onChange={(value) => setKind(value as OrganizationKind | '')}
            options={labelOptions(organizationKindLabels)}
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
            <th scope="col">{copy.fiscalCode}</th>
            <th scope="col">{copy.createdAt}</th>
          </tr>
        </thead>
        {cursors.map((after) => (
          <OrganizationRows key={after ?? 'inizio'} variables={variables(after)} />
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
          hasNextPage={!!lastPage.data?.organizations.pageInfo.hasNextPage}
          fetching={lastPage.fetching}
          onLoadMore={() => loadMore(lastPage.data?.organizations.pageInfo.endCursor)}
        />
      )}
    </section>
  );
}

function OrganizationRows({ variables }: { variables: { first: number; after: string | null; kind: OrganizationKind | null } }) {
  const [{ data }] = useQuery({ query: adminOrganizationsQuery, variables, context });
  if (!data) return null;
  return (
    <tbody>
      {data.organizations.nodes.map((org) => (
        <tr key={org.id} data-testid="riga-ente">
          <td>
            <strong>{org.name}</strong>
          </td>
          <td>{organizationKindLabels[org.kind]}</td>
          <td>{org.fiscalCode ?? copy.noFiscalCode}</td>
          <td>{dateFormat.format(new Date(org.createdAt))}</td>
        </tr>
      ))}
    </tbody>
  );
}
