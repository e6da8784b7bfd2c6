import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../App';
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

describe('Notifiche', () => {
  it('lists the notifications with their links, marks one read and updates the badge', async () => {
    window.history.replaceState(null, '', '/notifiche');
    let items = [notification('n2', 'Nuova dimissione protetta: E.B.', false), notification('n1', 'T.M. è stata dimessa', true)];
    const unread = () => items.filter((n) => !n.read);
    const server = fakeServer({
      Me: () => ({ data: { me: operator } }),
      UnreadNotificationCount: () => ({ data: { notifications: { __typename: 'NotificationConnection', totalCount: unread().length } } }),
      Notifications: (variables) => {
        const nodes = variables.unreadOnly ? unread() : items;
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
      },
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
});
