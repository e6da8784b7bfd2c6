import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../App';
import { UNREAD_POLL_MS } from '../../components/AppShell';
import { SessionProvider } from '../../session/session';
import type { NotificationsQuery } from '../../gql/graphql';
import { fakeServer, viewer, type Served } from '../../test/fakeServer';

const operator = viewer({ role: 'OPERATOR', displayName: 'Chiara Bonetti', profession: 'ASSISTENTE_SOCIALE' });

function notification(id: string, title: string, read: boolean): Served<NotificationsQuery['notifications']['nodes'][number]> {
  return {
    __typename: 'Notification',
    id,
    kind: 'DISCHARGE_REPORTED',
    title,
    link: `/dimissioni/d-${id}`,
    createdAt: '2026-11-23T08:30:00Z',
    read,
    readAt: read ? '2026-11-23T09:00:00Z' : null,
  };
}

/** The notification list as the server answers it: all of `items`, or the unread ones. */
function listOf(items: () => Served<NotificationsQuery['notifications']['nodes'][number]>[]) {
  return (variables: { unreadOnly?: boolean | null }) => {
    const nodes = variables.unreadOnly ? items().filter((n) => !n.read) : items();
    return {
      data: {
        notifications: {
          __typename: 'NotificationConnection',
          totalCount: nodes.length,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          nodes,
        },
      },
    };
  };
}

describe('Notifiche', () => {
  it('lists the notifications with their links, marks one read and updates the badge', async () => {
    window.history.replaceState(null, '', '/notifiche');
    let items = [notification('n2', 'Nuova dimissione protetta: E.B.', false), notification('n1', 'T.M. è stata dimessa', true)];
    const unread = () => items.filter((n) => !n.read);
    const server = fakeServer({
      Me: () => ({ data: { me: operator } }),
      UnreadNotificationCount: () => ({ data: { notifications: { __typename: 'NotificationConnection', totalCount: unread().length } } }),
      Notifications: listOf(() => items),
      MarkNotificationRead: (variables) => {
        items = items.map((n) => (n.id === variables.id ? { ...n, read: true, readAt: '2026-11-23T10:00:00Z' } : n));
        const marked = items.find((n) => n.id === variables.id);
        if (!marked) throw new Error(`no notification ${variables.id}`);
        return { data: { markNotificationRead: marked } };
      },
    });
    render(
      <SessionProvider fetch={server.fetch}>
        <App />
      </SessionProvider>,
    );
    // The menu is display:none in jsdom (no stylesheet): include hidden elements.
    const nav = await screen.findByRole('navigation', { name: 'Navigazione principale', hidden: true });
    expect(await within(nav).findByRole('link', { name: /^Notifiche.*\(una notifica non letta\)$/, hidden: true })).toHaveAttribute(
      'href',
      '/notifiche',
    );

    const rows = await screen.findAllByTestId('notifica');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByRole('link', { name: 'Nuova dimissione protetta: E.B.' })).toHaveAttribute('href', '/dimissioni/d-n2');
    expect(rows[0]).toHaveTextContent('Da leggere');
    expect(rows[1]).toHaveTextContent('Letta il');

    fireEvent.click(within(rows[0]).getByRole('button', { name: 'Segna come letta: Nuova dimissione protetta: E.B.' }));
    expect(await screen.findByText('Notifica segnata come letta.')).toBeInTheDocument();
    expect(server.requests.find((r) => r.operationName === 'MarkNotificationRead')?.variables).toEqual({ id: 'n2' });
    await waitFor(() => expect(within(nav).queryByTestId('notifiche-non-lette')).not.toBeInTheDocument());

    fireEvent.click(screen.getByLabelText('Solo da leggere'));
    expect(await screen.findByText('Nessuna notifica da leggere.')).toBeInTheDocument();
  });

  it('marks all as read at once, and the badge follows', async () => {
    window.history.replaceState(null, '', '/notifiche');
    let items = [
      notification('n2', 'Nuova dimissione protetta: E.B.', false),
      notification('n1', 'Data di dimissione cambiata: T.M.', false),
    ];
    const unread = () => items.filter((n) => !n.read);
    const server = fakeServer({
      Me: () => ({ data: { me: operator } }),
      UnreadNotificationCount: () => ({ data: { notifications: { __typename: 'NotificationConnection', totalCount: unread().length } } }),
      Notifications: listOf(() => items),
      MarkAllNotificationsRead: () => {
        const count = unread().length;
        items = items.map((n) => ({ ...n, read: true, readAt: '2026-11-23T10:00:00Z' }));
        return { data: { markAllNotificationsRead: count } };
      },
    });
    render(
      <SessionProvider fetch={server.fetch}>
        <App />
      </SessionProvider>,
    );
    const nav = await screen.findByRole('navigation', { name: 'Navigazione principale', hidden: true });
    expect(await within(nav).findByTestId('notifiche-non-lette', {}, { timeout: 3000 })).toBeInTheDocument();
    fireEvent.click(await screen.findByRole('button', { name: 'Segna tutte come lette' }));
    expect(await screen.findByText('2 notifiche segnate come lette.')).toBeInTheDocument();
    await waitFor(() => expect(within(nav).queryByTestId('notifiche-non-lette')).not.toBeInTheDocument());
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Segna tutte come lette' })).not.toBeInTheDocument());
    for (const row of screen.getAllByTestId('notifica')) expect(row).toHaveTextContent('Letta il');
  });

  it('asks for the unread count every minute while the app stays on one page', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      window.history.replaceState(null, '', '/notifiche');
      let count = 0;
      const server = fakeServer({
        Me: () => ({ data: { me: operator } }),
        UnreadNotificationCount: () => ({ data: { notifications: { __typename: 'NotificationConnection', totalCount: count } } }),
        Notifications: () => ({
          data: {
            notifications: {
              __typename: 'NotificationConnection',
              totalCount: 0,
              pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
              nodes: [],
            },
          },
        }),
      });
      render(
        <SessionProvider fetch={server.fetch}>
          <App />
        </SessionProvider>,
      );
      const nav = await screen.findByRole('navigation', { name: 'Navigazione principale', hidden: true });
      await screen.findByText('Nessuna notifica.');
      expect(within(nav).queryByTestId('notifiche-non-lette')).not.toBeInTheDocument();
      count = 3;
      await vi.advanceTimersByTimeAsync(UNREAD_POLL_MS);
      expect(await within(nav).findByTestId('notifiche-non-lette')).toHaveTextContent('3');
    } finally {
      vi.useRealTimers();
    }
  });
});
