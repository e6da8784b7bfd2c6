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
import type { AgeBand, PersonsFilter, ProjectStatus, TargetGroup } from '../../gql/graphql';
import { ageBandLabels, fiscalCodeMissingReasonLabels, labelOptions, projectStatusLabels, targetGroupLabels } from '../../i18n/enums';
import { formatDate } from '../../i18n/format';
import { paths, pathTo } from '../../routes';
import { SelectField } from '../../components/SelectField';
import { useUrlFilters } from '../../components/useUrlFilters';
import { personsCopy as copy } from './copy';
import { ResponsiveTable } from '../../components/ScrollBox';
import { personName } from '../../i18n/names';

const PAGE_SIZE = 20;
// A constant: urql restarts a query whose context is a new object, on every render.
const context = { additionalTypenames: ['Person'] };

export const personsQuery = graphql(`
  query Persons($first: Int!, $after: String, $search: String, $filter: PersonsFilter) {
    persons(first: $first, after: $after, search: $search, filter: $filter) {
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

/** The teams the viewer is in, with their members: the choices of the team and case manager filters. */
export const personFilterChoicesQuery = graphql(`
  query PersonFilterChoices {
    teams(mine: true, first: 100) {
      nodes {
        id
        name
        members {
          active
          user {
            id
            displayName
          }
        }
      }
    }
  }
`);

type Variables = { first: number; after: string | null; search: string | null; filter: PersonsFilter | null };

/** The address keeps the search and the filters (`/persone?cerca=…&team=…`), so Back restores them. */
const URL_KEYS = ['cerca', 'team', 'casemanager', 'area', 'eta', 'stato'] as const;
type UrlKey = (typeof URL_KEYS)[number];

/** The filters of the address as the server's `PersonsFilter`; null when none is set. */
export function personsFilter(values: Record<UrlKey, string>): PersonsFilter | null {
  const filter: PersonsFilter = {
    teamId: values.team || null,
    caseManagerId: values.casemanager || null,
    targetGroup: (values.area as TargetGroup) || null,
    ageBand: (values.eta as AgeBand) || null,
    projectStatus: (values.stato as ProjectStatus) || null,
  };
  return Object.values(filter).some(Boolean) ? filter : null;
}

/** Persone: the persons the viewer's teams follow, searched by name or codice fiscale and filtered. */
export function PersonsPage() {
  // `?cerca=` runs a search on arrival: the link from a duplicate codice fiscale.
  const { values, update, key } = useUrlFilters(URL_KEYS);
  const search = values.cerca;
  const filter = personsFilter(values);
  const [draft, setDraft] = useState(search);
  // The box follows the address when it changes under it (Back, a link).
  const [draftFor, setDraftFor] = useState(search);
  if (draftFor !== search) {
    setDraftFor(search);
    setDraft(search);
  }
  const { cursors, last, loadMore } = useCursorPages(key);
  const variables = (after: string | null): Variables => ({ first: PAGE_SIZE, after, search: search || null, filter });
  const [first] = useQuery({ query: personsQuery, variables: variables(null), context });
  const [lastPage] = useQuery({ query: personsQuery, variables: variables(last), context });

  function submit(event: FormEvent) {
    event.preventDefault();
    update({ cerca: draft });
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
                update({ cerca: '' });
              }}
            >
              {copy.search.clear}
            </Button>
          )}
        </div>
      </form>

      <PersonFilters values={values} onChange={update} />

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
              <td colSpan={4}>{search || filter ? copy.list.none : copy.list.noneAtAll}</td>
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

/** Team, case manager, need, age band and project phase: each choice narrows the list at once. */
function PersonFilters({
  values,
  onChange,
}: {
  values: Record<UrlKey, string>;
  onChange: (patch: Partial<Record<UrlKey, string>>) => void;
}) {
  const [choices] = useQuery({ query: personFilterChoicesQuery });
  const teams = choices.data?.teams.nodes ?? [];
  const managers = new Map<string, string>();
  for (const team of teams) {
    for (const { active, user } of team.members) if (active && user) managers.set(user.id, user.displayName);
  }
  const managerOptions = [...managers].sort((a, b) => a[1].localeCompare(b[1], 'it'));
  const any = URL_KEYS.some((k) => k !== 'cerca' && values[k]);
  const f = copy.filters;
  const selects: Array<{ key: Exclude<UrlKey, 'cerca'>; label: string; options: ReadonlyArray<readonly [string, string]>; all: string }> = [
    { key: 'team', label: f.team, options: teams.map((t) => [t.id, t.name] as const), all: f.all },
    { key: 'casemanager', label: f.caseManager, options: managerOptions, all: f.allManagers },
    { key: 'area', label: f.targetGroup, options: labelOptions(targetGroupLabels), all: f.all },
    { key: 'eta', label: f.ageBand, options: labelOptions(ageBandLabels), all: f.all },
    { key: 'stato', label: f.projectStatus, options: labelOptions(projectStatusLabels), all: f.all },
  ];
  return (
    <div role="group" aria-label={f.region} className="row g-3 align-items-end mt-1">
      {selects.map(({ key, label, options, all }) => (
        <div key={key} className="col-12 col-md-6 col-xl-4">
          <SelectField
            id={`persone-filtro-${key}`}
            label={label}
            value={values[key]}
            onChange={(value) => onChange({ [key]: value })}
            options={options}
            placeholder={all}
          />
        </div>
      ))}
      {any && (
        <div className="col-12 col-md-6 col-xl-4 ponte-field">
          <Button
            type="button"
            color="secondary"
            outline
            onClick={() => onChange({ team: '', casemanager: '', area: '', eta: '', stato: '' })}
          >
            {f.clear}
          </Button>
        </div>
      )}
    </div>
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
