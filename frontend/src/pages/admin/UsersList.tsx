import { Badge, Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { FormMessage } from '../../components/FormMessage';
import { LoadMore } from '../../components/LoadMore';
import { TextField } from '../../components/TextField';
import { useCursorPages } from '../../components/useCursorPages';
import { graphql } from '../../gql';
import type { AdminUsersQuery } from '../../gql/graphql';
import { errorMessage } from '../../graphql/errors';
import { professionLabels, roleLabels } from '../../i18n/enums';
import { useViewer } from '../../session/session';
import { adminCopy } from './copy';
import { ResponsiveTable } from '../../components/ScrollBox';
import { EditUser, ResetPassword } from './UserCorrections';

const copy = adminCopy.users;
const PAGE_SIZE = 20;
// A constant: urql restarts a query whose context is a new object, on every render.
const context = { additionalTypenames: ['User'] };

export const adminUsersQuery = graphql(`
  query AdminUsers($first: Int!, $after: String, $search: String) {
    users(first: $first, after: $after, search: $search) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        version
        email
        displayName
        role
        profession
        active
        managesAgreements
        organization {
          id
          name
        }
      }
    }
  }
`);

const setUserActiveMutation = graphql(`
  mutation SetUserActive($input: UpdateUserInput!) {
    updateUser(input: $input) {
      id
      version
      active
    }
  }
`);

type User = AdminUsersQuery['users']['nodes'][number];

export function UsersList() {
  const viewer = useViewer();
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  const { cursors, last, loadMore } = useCursorPages(search);
  const variables = (after: string | null) => ({ first: PAGE_SIZE, after, search: search || null });

  // The first and the last page again: urql serves them from the same
  // operations the rows below run, without another request.
  const [first] = useQuery({ query: adminUsersQuery, variables: variables(null), context });
  const [lastPage] = useQuery({ query: adminUsersQuery, variables: variables(last), context });

  const [{ fetching: updating }, updateUser] = useMutation(setUserActiveMutation);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string }>();

  async function toggle(user: User) {
    setMessage(undefined);
    const result = await updateUser({
      input: { userId: user.id, expectedVersion: user.version, active: !user.active },
    });
    if (result.error || !result.data) {
      setMessage({ kind: 'error', text: result.error ? errorMessage(result.error) : adminCopy.forbidden });
    } else {
      const text = result.data.updateUser.active ? copy.activated(user.displayName) : copy.deactivated(user.displayName);
      setMessage({ kind: 'success', text });
    }
  }

  function submitSearch(event: FormEvent) {
    event.preventDefault();
    setSearch(draft.trim());
  }

  const total = first.data?.users.totalCount ?? 0;
  const shown = (cursors.length - 1) * PAGE_SIZE + (lastPage.data?.users.nodes.length ?? 0);

  return (
    <section aria-labelledby="utenti-titolo" className="mb-5">
      <h2 id="utenti-titolo" className="h3">
        {copy.heading}
      </h2>
      <form onSubmit={submitSearch} role="search" className="row g-3 align-items-start mt-2">
        <div className="col-12 col-md-6 col-lg-5">
          <TextField id="utenti-cerca" label={copy.searchLabel} type="search" value={draft} onChange={setDraft} />
        </div>
        <div className="col-auto">
          <Button type="submit" color="primary" className="me-2">
            {copy.searchButton}
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
              {copy.clearSearch}
            </Button>
          )}
        </div>
      </form>

      <div aria-live="polite">{message && <FormMessage kind={message.kind}>{message.text}</FormMessage>}</div>
      {first.error && <FormMessage kind="error">{errorMessage(first.error)}</FormMessage>}

      <ResponsiveTable hover className="ponte-table">
        <caption className="visually-hidden">{copy.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{copy.name}</th>
            <th scope="col">{copy.role}</th>
            <th scope="col">{copy.profession}</th>
            <th scope="col">{copy.organization}</th>
            <th scope="col">{copy.status}</th>
            <th scope="col">{copy.actions}</th>
          </tr>
        </thead>
        {cursors.map((after) => (
          <UsersRows key={after ?? 'inizio'} variables={variables(after)} viewerId={viewer.id} busy={updating} onToggle={toggle} />
        ))}
        {first.data && total === 0 && (
          <tbody>
            <tr>
              <td colSpan={6}>{copy.none}</td>
            </tr>
          </tbody>
        )}
      </ResponsiveTable>
      {first.data && total > 0 && (
        <LoadMore
          shown={shown}
          total={total}
          summary={copy.summary}
          hasNextPage={!!lastPage.data?.users.pageInfo.hasNextPage}
          fetching={lastPage.fetching}
          onLoadMore={() => loadMore(lastPage.data?.users.pageInfo.endCursor)}
        />
      )}
    </section>
  );
}

function UsersRows({
  variables,
  viewerId,
  busy,
  onToggle,
}: {
  variables: { first: number; after: string | null; search: string | null };
  viewerId: string;
  busy: boolean;
  onToggle: (user: User) => void;
}) {
  const [{ data }, reload] = useQuery({ query: adminUsersQuery, variables, context });
  const onReload = () => reload({ requestPolicy: 'network-only' });
  if (!data) return null;
  return (
    <tbody>
      {data.users.nodes.map((user) => (
        <tr key={user.id} data-testid="riga-utente">
          <td>
            <strong>{user.displayName}</strong>
            <br />
            <span className="ponte-muted">{user.email}</span>
          </td>
          <td>{roleLabels[user.role]}</td>
          <td>{professionLabels[user.profession]}</td>
          <td>{user.organization?.name ?? copy.noOrganization}</td>
          <td>
            <Badge color={user.active ? 'success' : 'secondary'} pill>
              {user.active ? copy.active : copy.inactive}
            </Badge>
          </td>
          <td>
            <EditUser user={user} onReload={onReload} />
            {user.id !== viewerId && <ResetPassword user={user} />}
            {user.id === viewerId ? (
              <span className="ponte-muted">{copy.you}</span>
            ) : (
              <Button
                color={user.active ? 'danger' : 'primary'}
                outline
                size="xs"
                disabled={busy}
                aria-label={user.active ? copy.deactivateLabel(user.displayName) : copy.activateLabel(user.displayName)}
                onClick={() => onToggle(user)}
              >
                {user.active ? copy.deactivate : copy.activate}
              </Button>
            )}
          </td>
        </tr>
      ))}
    </tbody>
  );
}
