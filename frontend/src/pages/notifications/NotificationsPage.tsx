import { Badge, Button } from 'design-react-kit';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { FormMessage } from '../../components/FormMessage';
import { LoadMore } from '../../components/LoadMore';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroup } from '../../components/RadioGroup';
import { useCursorPages } from '../../components/useCursorPages';
import { graphql } from '../../gql';
import type { NotificationsQuery } from '../../gql/graphql';
import { errorMessage } from '../../graphql/errors';
import { formatDateTime } from '../../i18n/format';
import { isSafeReturnPath } from '../../router/router';
import { unreadCountQuery } from '../../components/AppShell';
import { notificationsCopy as copy } from './copy';

const PAGE_SIZE = 20;
// A constant: urql restarts a query whose context is a new object, on every render.
export const notificationsContext = { additionalTypenames: ['Notification'] };

export const notificationsQuery = graphql(`
  query Notifications($first: Int!, $after: String, $unreadOnly: Boolean!) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        kind
        title
        link
        createdAt
        read
        readAt
      }
    }
  }
`);

export const markNotificationReadMutation = graphql(`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      id
      read
      readAt
    }
  }
`);

export type NotificationItem = NotificationsQuery['notifications']['nodes'][number];

/** Where a notification leads: an in-app path, or nowhere when it is not one. */
export const markAllNotificationsReadMutation = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`);

export function notificationHref(link: string): string | undefined {
  return isSafeReturnPath(link) ? link : undefined;
}

type Variables = { first: number; after: string | null; unreadOnly: boolean };

/** Notifiche: the viewer's notifications (all or unread), mark read, open the target. */
export function NotificationsPage() {
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string }>();
  const { cursors, last, loadMore } = useCursorPages(filter);
  const variables = (after: string | null): Variables => ({ first: PAGE_SIZE, after, unreadOnly: filter === 'unread' });
  const [first] = useQuery({ query: notificationsQuery, variables: variables(null), context: notificationsContext });
  const [lastPage] = useQuery({ query: notificationsQuery, variables: variables(last), context: notificationsContext });
  const total = first.data?.notifications.totalCount ?? 0;
  const shown = (cursors.length - 1) * PAGE_SIZE + (lastPage.data?.notifications.nodes.length ?? 0);
  const [unread] = useQuery({ query: unreadCountQuery, context: notificationsContext });
  const [markingAll, markAll] = useMutation(markAllNotificationsReadMutation);

  async function markAllRead() {
    // The answer is a count, not notifications: say which lists to ask again.
    const result = await markAll({}, notificationsContext);
    setMessage(
      result.data
        ? { kind: 'success', text: copy.allMarked(result.data.markAllNotificationsRead) }
        : { kind: 'error', text: result.error ? errorMessage(result.error) : copy.none },
    );
  }

  return (
    <>
      <PageHeading title={copy.title} />
      <p className="lead">{copy.intro}</p>
      <RadioGroup
        id="notifiche-filtro"
        legend={copy.filter}
        inline
        value={filter}
        onChange={(value) => setFilter(value as 'all' | 'unread')}
        options={[
          ['all', copy.filters.all],
          ['unread', copy.filters.unread],
        ]}
      />
      {(unread.data?.notifications.totalCount ?? 0) > 0 && (
        <p>
          <Button color="primary" outline size="sm" disabled={markingAll.fetching} onClick={() => void markAllRead()}>
            {copy.markAll}
          </Button>
        </p>
      )}
      <div aria-live="polite">{message && <FormMessage kind={message.kind}>{message.text}</FormMessage>}</div>
      {first.error && <FormMessage kind="error">{errorMessage(first.error)}</FormMessage>}
      {first.data && total === 0 ? (
        <p>{filter === 'unread' ? copy.noneUnread : copy.none}</p>
      ) : (
        <ul className="list-unstyled ponte-notifications" aria-label={copy.caption}>
          {cursors.map((after) => (
            <NotificationRows key={after ?? 'inizio'} variables={variables(after)} onMessage={setMessage} />
          ))}
        </ul>
      )}
      {first.data && total > 0 && (
        <LoadMore
          shown={shown}
          total={total}
          summary={copy.summary}
          hasNextPage={!!lastPage.data?.notifications.pageInfo.hasNextPage}
          fetching={lastPage.fetching}
          onLoadMore={() => loadMore(lastPage.data?.notifications.pageInfo.endCursor)}
        />
      )}
    </>
  );
}

function NotificationRows({
  variables,
  onMessage,
}: {
  variables: Variables;
  onMessage: (message: { kind: 'error' | 'success'; text: string }) => void;
}) {
  const [{ data }] = useQuery({ query: notificationsQuery, variables, context: notificationsContext });
  const [marking, markRead] = useMutation(markNotificationReadMutation);
  if (!data) return null;

  async function mark(id: string) {
    const result = await markRead({ id });
    onMessage(
      result.data ? { kind: 'success', text: copy.marked } : { kind: 'error', text: result.error ? errorMessage(result.error) : copy.none },
    );
  }

  return (
    <>
      {data.notifications.nodes.map((n) => {
        const href = notificationHref(n.link);
        return (
          <li key={n.id} className={`ponte-notification${n.read ? '' : ' ponte-unread'}`} data-testid="notifica">
            <p className="mb-1">
              {copy.kinds[n.kind] && <span className="ponte-muted small d-block">{copy.kinds[n.kind]}</span>}
              {href ? (
                <a
                  href={href}
                  className="fw-semibold"
                  onClick={() => {
                    // Opening it counts as reading it.
                    if (!n.read) void markRead({ id: n.id });
                  }}
                >
                  {n.title}
                </a>
              ) : (
                <strong>{n.title}</strong>
              )}
            </p>
            <p className="small mb-0 d-flex flex-wrap align-items-center gap-2">
              <span className="ponte-muted">{formatDateTime(n.createdAt)}</span>
              {n.read ? (
                <span className="ponte-muted">· {n.readAt ? copy.readOn(formatDateTime(n.readAt)) : ''}</span>
              ) : (
                <>
                  <Badge color="primary" pill>
                    {copy.unread}
                  </Badge>
                  <Button type="button" color="primary" outline size="xs" disabled={marking.fetching} onClick={() => void mark(n.id)}>
                    {copy.markRead}
                    <span className="visually-hidden">: {n.title}</span>
                  </Button>
                </>
              )}
            </p>
          </li>
        );
      })}
    </>
  );
}
