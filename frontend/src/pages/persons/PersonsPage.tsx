import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { FormMessage } from '../../components/FormMessage';
import { LoadMore } from '../../components/LoadMore';
import { PageHeading } from '../../components/PageHeading';
import { TextField } from '../../components/TextField';
import { useCursorPages } from '../../components/useCursorPages';
import { graphql } from '../../gql';
import { errorMessage } from '../../graphql/errors';
import { fiscalCodeMissingReasonLabels } from '../../i18n/enums';
import { formatDate } from '../../i18n/format';
import { paths, pathTo } from '../../routes';
import { useLocation } from '../../router/router';
import { personsCopy as copy } from './copy';
import { ResponsiveTable } from '../../components/ScrollBox';
import { personName } from '../../i18n/names';

const PAGE_SIZE = 20;
// A constant: urql restarts a query whose context is a new object, on every render.
const context = { additionalTypenames: ['Person'] };

export const personsQuery = graphql(`
  query Persons($first: Int!, $after: String, $search: String) {
    persons(first: $first, after: $after, search: $search) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        givenName
        familyName
        fiscalCode
        fiscalCodeMissingReason
        birthDate
        age
        teams {
          id
          name
        }
      }
    }
  }
`);

type Variables = { first: number; after: string | null; search: string | null };

/** Persone: the persons the viewer's teams follow, searched by name or codice fiscale. */
export function PersonsPage() {
  // `?cerca=` runs a search on arrival: the link from a duplicate codice fiscale.
  const initial = useLocation().search.get('cerca')?.trim() ?? '';
  const [draft, setDraft] = useState(initial);
  const [search, setSearch] = useState(initial);
  const { cursors, last, loadMore } = useCursorPages(search);
  const variables = (after: string | null): Variables => ({ first: PAGE_SIZE, after, search: search || null });
  const [first] = useQuery({ query: personsQuery, variables: variables(null), context });
  const [lastPage] = useQuery({ query: personsQuery, variables: variables(last), context });

  function submit(event: FormEvent) {
    event.preventDefault();
    setSearch(draft.trim());
  }

  const total = first.data?.persons.totalCount ?? 0;
  const shown = (cursors.length - 1) * PAGE_SIZE + (lastPage.data?.persons.nodes.length ?? 0);

  return (
    <>
      <PageHeading title={copy.title} />
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-3">
        <p className="lead mb-0">{copy.intro}</p>
        <a className="btn btn-primary" href={paths.newPerson}>
          {copy.newPerson}
        </a>
      </div>

      <form onSubmit={submit} role="search" aria-label={copy.search.region} className="row g-3 align-items-start mt-2">
        <div className="col-12 col-md-7 col-lg-6">
          <TextField id="persone-cerca" label={copy.search.label} hint={copy.search.hint} type="search" value={draft} onChange={setDraft} />
        </div>
        <div className="col-auto ponte-field">
          <Button type="submit" color="primary" className="me-2">
            {copy.search.button}
          </Button>
          {search && (
            <Button
              type="button"
              color="secondary"
              outline
              onClick={() => {
                setDraft('');
                setSearch('');
              }}
            >
              {copy.search.clear}
            </Button>
          )}
        </div>
      </form>

      {first.error && <FormMessage kind="error">{errorMessage(first.error)}</FormMessage>}

      <ResponsiveTable hover className="ponte-table">
        <caption className="visually-hidden">{copy.list.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{copy.list.name}</th>
            <th scope="col">{copy.list.fiscalCode}</th>
            <th scope="col">{copy.list.birth}</th>
            <th scope="col">{copy.list.teams}</th>
          </tr>
        </thead>
        {cursors.map((after) => (
          <PersonRows key={after ?? 'inizio'} variables={variables(after)} />
        ))}
        {first.data && total === 0 && (
          <tbody>
            <tr>
              <td colSpan={4}>{search ? copy.list.none : copy.list.noneAtAll}</td>
            </tr>
          </tbody>
        )}
      </ResponsiveTable>
      {first.data && total > 0 && (
        <LoadMore
          shown={shown}
          total={total}
          summary={copy.list.summary}
          hasNextPage={!!lastPage.data?.persons.pageInfo.hasNextPage}
          fetching={lastPage.fetching}
          onLoadMore={() => loadMore(lastPage.data?.persons.pageInfo.endCursor)}
        />
      )}
    </>
  );
}

function PersonRows({ variables }: { variables: Variables }) {
  const [{ data }] = useQuery({ query: personsQuery, variables, context });
  if (!data) return null;
  return (
    <tbody>
      {data.persons.nodes.map((person) => (
        <tr key={person.id} data-testid="riga-persona">
          <td>
            <a href={pathTo.person(person.id)}>
              <strong>{personName(person, 'list')}</strong>
            </a>
          </td>
          <td>
            {person.fiscalCode ? (
              <span className="font-monospace">{person.fiscalCode}</span>
            ) : (
              <span className="ponte-muted">
                {person.fiscalCodeMissingReason ? fiscalCodeMissingReasonLabels[person.fiscalCodeMissingReason] : copy.list.noFiscalCode}
              </span>
            )}
          </td>
          <td>
            {formatDate(person.birthDate)} <span className="ponte-muted">({copy.list.age(person.age)})</span>
          </td>
          <td>{person.teams.map((t) => t.name).join(', ')}</td>
        </tr>
      ))}
    </tbody>
  );
}
