import { screen } from '@testing-library/react';
import { fakeServer, viewer } from '../test/fakeServer';
import { renderAt } from '../test/renderApp';

function as(me: ReturnType<typeof viewer>) {
  return fakeServer({
    Me: () => ({ data: { me } }),
    UnreadNotificationCount: () => ({ data: { notifications: { __typename: 'NotificationConnection', totalCount: 0 } } }),
  });
}

describe('a case-work screen reached by its address', () => {
  it('tells an administrator why, instead of "Nuova persona" and then a permissions error', async () => {
    renderAt('/persone', as(viewer({ role: 'ADMIN' })));
    expect(await screen.findByRole('heading', { level: 1, name: 'Persone' })).toBeInTheDocument();
    expect(screen.getByText(/Questa pagina è per gli operatori delle équipe/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Nuova persona' })).not.toBeInTheDocument();
  });

  it('tells a hospital ward the same on the new person form', async () => {
    const ward = viewer({
      role: 'OPERATOR',
      organization: { __typename: 'Organization', id: 'h1', name: 'Ospedale di Esine', kind: 'OSPEDALE' },
    });
    renderAt('/persone/nuova', as(ward));
    expect(await screen.findByRole('heading', { level: 1, name: 'Nuova persona' })).toBeInTheDocument();
    expect(screen.getByText(/Questa pagina è per gli operatori delle équipe/)).toBeInTheDocument();
  });
});
