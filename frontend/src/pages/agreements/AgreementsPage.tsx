import { Badge, Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { CheckboxField } from '../../components/CheckboxField';
import { FormMessage } from '../../components/FormMessage';
import { LoadMore } from '../../components/LoadMore';
import { PageHeading } from '../../components/PageHeading';
import { ResponsiveTable } from '../../components/ScrollBox';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useCursorPages } from '../../components/useCursorPages';
import { graphql } from '../../gql';
import type { NetworkAgreementsQueryVariables } from '../../gql/graphql';
import { errorMessage } from '../../graphql/errors';
import { agreementPartyRoleLabels, labelOptions, networkAgreementKindLabels, networkAgreementStatusLabels } from '../../i18n/enums';
import { paths, pathTo } from '../../routes';
import { navigate, useLocation } from '../../router/router';
import { EXPIRING_WITHIN_DAYS, filtersFromSearch, searchFromFilters, statusColor, validityText, type AgreementFilters } from './agreements';
import { agreementsCopy as copy } from './copy';

const PAGE_SIZE = 20;
// A constant: urql restarts a query whose context is a new object, on every render.
const context = { additionalTypenames: ['NetworkAgreement'] };

export const networkAgreementsQuery = graphql(`
  query NetworkAgreements(
    $first: Int!
    $after: String
    $kind: NetworkAgreementKind
    $partyId: ID
    $status: NetworkAgreementStatus
    $expiringWithinDays: Int
    $search: String
  ) {
    networkAgreements(
      first: $first
      after: $after
      kind: $kind
      partyId: $partyId
      status: $status
      expiringWithinDays: $expiringWithinDays
      search: $search
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        kind
        title
        status
        validFrom
        validUntil
        protocolNumber
        parties {
          role
          organization {
            id
            name
          }
        }
      }
    }
  }
`);

/** The organizations a party may be: the directory (an agreement binds organizations, not teams). */
export const agreementOrganizationsQuery = graphql(`
  query AgreementOrganizations {
    organizations(first: 100) {
      nodes {
        id
        name
        kind
      }
    }
  }
`);

/** May the viewer register agreements: an administrator, or a REPORTER who manages them. */
export const agreementManagerQuery = graphql(`
  query AgreementManager {
    me {
      id
      role
      managesAgreements
    }
  }
`);

/** Whether the viewer may create agreements (the server decides again); undefined until known. */
export function useCanCreateAgreements(): boolean | undefined {
  const [{ data }] = useQuery({ query: agreementManagerQuery });
  if (!data) return undefined;
  return !!data.me && (data.me.role === 'ADMIN' || data.me.managesAgreements);
}

function variables(filters: AgreementFilters, after: string | null): NetworkAgreementsQueryVariables {
  return {
    first: PAGE_SIZE,
    after,
    kind: filters.kind || null,
    partyId: filters.partyId || null,
    status: filters.status || null,
    expiringWithinDays: filters.expiring ? EXPIRING_WITHIN_DAYS : null,
    search: filters.search || null,
  };
}

/** Accordi: the register, filtered by kind, party, status, expiry and words; the filters live in the address. */
export function AgreementsPage() {
  const { search } = useLocation();
  const filters = filtersFromSearch(search);
  const key = searchFromFilters(filters);
  const canCreate = useCanCreateAgreements();
  const [organizations] = useQuery({ query: agreementOrganizationsQuery });
  const [draft, setDraft] = useState(filters.search);
  const { cursors, last, loadMore } = useCursorPages(key);
  const [first] = useQuery({ query: networkAgreementsQuery, variables: variables(filters, null), context });
  const [lastPage] = useQuery({ query: networkAgreementsQuery, variables: variables(filters, last), context });

  const apply = (next: Partial<AgreementFilters>) => {
    const query = searchFromFilters({ ...filters, ...next });
    navigate(query ? `${paths.agreements}?${query}` : paths.agreements, { replace: true });
  };
  function submit(event: FormEvent) {
    event.preventDefault();
    apply({ search: draft.trim() });
  }

  const total = first.data?.networkAgreements.totalCount ?? 0;
  const shown = (cursors.length - 1) * PAGE_SIZE + (lastPage.data?.networkAgreements.nodes.length ?? 0);
  const filtered = key !== '';
  const f = copy.filters;

  return (
    <>
      <PageHeading title={copy.title} />
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-3">
        <p className="lead mb-0">{copy.intro}</p>
        {canCreate && (
          <a className="btn btn-primary" href={paths.newAgreement}>
            {copy.create}
          </a>
        )}
      </div>

      <form onSubmit={submit} role="search" aria-label={f.region} className="row g-3 align-items-start mt-2">
        <div className="col-12 col-md-6 col-xl-3">
          <SelectField
            id="accordi-tipo"
            label={f.kind}
            value={filters.kind}
            onChange={(kind) => apply({ kind: kind as AgreementFilters['kind'] })}
            options={labelOptions(networkAgreementKindLabels)}
            placeholder={f.any}
          />
        </div>
        <div className="col-12 col-md-6 col-xl-3">
          <SelectField
            id="accordi-ente"
            label={f.party}
            value={filters.partyId}
            onChange={(partyId) => apply({ partyId })}
            options={(organizations.data?.organizations.nodes ?? []).map((o) => [o.id, o.name] as const)}
            placeholder={f.any}
          />
        </div>
        <div className="col-12 col-md-6 col-xl-3">
          <SelectField
            id="accordi-stato"
            label={f.status}
            value={filters.status}
            onChange={(status) => apply({ status: status as AgreementFilters['status'] })}
            options={labelOptions(networkAgreementStatusLabels)}
            placeholder={f.any}
          />
        </div>
        <div className="col-12 col-md-6 col-xl-3 ponte-field">
          <CheckboxField id="accordi-scadenza" label={f.expiring} checked={filters.expiring} onChange={(expiring) => apply({ expiring })} />
        </div>
        <div className="col-12 col-md-7 col-lg-6">
          <TextField id="accordi-cerca" label={f.search} type="search" value={draft} onChange={setDraft} />
        </div>
        <div className="col-auto ponte-field">
          <Button type="submit" color="primary" className="me-2">
            {f.apply}
          </Button>
          {filtered && (
            <Button
              type="button"
              color="secondary"
              outline
              onClick={() => {
                setDraft('');
                navigate(paths.agreements, { replace: true });
              }}
            >
              {f.clear}
            </Button>
          )}
        </div>
      </form>

      {first.error && <FormMessage kind="error">{errorMessage(first.error)}</FormMessage>}

      <ResponsiveTable hover className="ponte-table">
        <caption className="visually-hidden">{copy.list.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{copy.list.title}</th>
            <th scope="col">{copy.list.parties}</th>
            <th scope="col">{copy.list.validity}</th>
            <th scope="col">{copy.list.status}</th>
          </tr>
        </thead>
        {cursors.map((after) => (
          <AgreementRows key={after ?? 'inizio'} variables={variables(filters, after)} />
        ))}
        {first.data && total === 0 && (
          <tbody>
            <tr>
              <td colSpan={4}>{filtered ? copy.list.none : copy.list.noneAtAll}</td>
            </tr>
          </tbody>
        )}
      </ResponsiveTable>
      {first.data && total > 0 && (
        <LoadMore
          shown={shown}
          total={total}
          summary={copy.list.summary}
          hasNextPage={!!lastPage.data?.networkAgreements.pageInfo.hasNextPage}
          fetching={lastPage.fetching}
          onLoadMore={() => loadMore(lastPage.data?.networkAgreements.pageInfo.endCursor)}
        />
      )}
    </>
  );
}

function AgreementRows({ variables }: { variables: NetworkAgreementsQueryVariables }) {
  const [{ data }] = useQuery({ query: networkAgreementsQuery, variables, context });
  if (!data) return null;
  return (
    <tbody>
      {data.networkAgreements.nodes.map((a) => (
        <tr key={a.id} data-testid="riga-accordo">
          <td>
            <a href={pathTo.agreement(a.id)}>
              <strong>{a.title}</strong>
            </a>
            <br />
            <span className="small">{networkAgreementKindLabels[a.kind]}</span>
            {a.protocolNumber && <span className="small ponte-muted"> · {a.protocolNumber}</span>}
          </td>
          <td>
            <ul className="list-unstyled mb-0 small">
              {a.parties.map((p) => (
                <li key={p.organization.id}>
                  {p.organization.name} <span className="ponte-muted">({agreementPartyRoleLabels[p.role]})</span>
                </li>
              ))}
            </ul>
          </td>
          <td>{validityText(a.validFrom, a.validUntil)}</td>
          <td>
            <Badge color={statusColor(a.status)} pill>
              {networkAgreementStatusLabels[a.status]}
            </Badge>
          </td>
        </tr>
      ))}
    </tbody>
  );
}
