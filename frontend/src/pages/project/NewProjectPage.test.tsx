import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../App';
import { SessionProvider } from '../../session/session';
import { fakeServer, viewer } from '../../test/fakeServer';

const operator = viewer({ id: 'u-elena', role: 'OPERATOR', displayName: 'Elena Tognali', profession: 'ASSISTENTE_SOCIALE' });
const REFUSAL = 'La persona ha già un PAI aperto: «Restare a casa» (équipe UVM Breno). Per aprirne un altro in parallelo indica il motivo';

describe('Apri progetto', () => {
  it('asks why a second project of the same kind runs in parallel only when the server says one is open, and sends the reason', async () => {
    const server = fakeServer({
      Me: () => ({ data: { me: operator } }),
      ProjectPerson: () => ({ data: { person: { __typename: 'Person', id: 'p1', givenName: 'Gemma', familyName: 'Pasini' } } }),
      ProjectTeams: () => ({
        data: {
          teams: {
            __typename: 'TeamConnection',
            nodes: [
              {
                __typename: 'Team',
                id: 't1',
                name: 'UVM Breno',
                kind: 'UVM',
                members: [
                  {
                    __typename: 'TeamMember',
                    active: true,
                    user: {
                      __typename: 'User',
                      id: 'u-elena',
                      displayName: 'Elena Tognali',
                      profession: 'ASSISTENTE_SOCIALE',
                      active: true,
                    },
                  },
                ],
              },
            ],
          },
        },
      }),
      OpenProject: (variables) =>
        variables.input.parallelReason
          ? { data: { openProject: { __typename: 'IndividualProject', id: 'prj2' } } }
          : { data: null, errors: [{ message: REFUSAL, extensions: { code: 'VALIDATION', field: 'parallelReason' } }] },
    });
    window.history.replaceState(null, '', '/persone/p1/progetti/nuovo');
    render(
      <SessionProvider fetch={server.fetch}>
        <App />
      </SessionProvider>,
    );
    fireEvent.change(await screen.findByLabelText(/Tipo di progetto/), { target: { value: 'PAI' } });
    fireEvent.change(screen.getByLabelText(/Titolo/), { target: { value: 'Secondo PAI' } });
    expect(screen.queryByLabelText(/Motivo di un progetto in parallelo/)).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Apri progetto' }));

    const reason = await screen.findByLabelText(/Motivo di un progetto in parallelo/);
    expect(screen.getAllByText(REFUSAL).length).toBeGreaterThan(0);
    fireEvent.change(reason, { target: { value: 'Progetto riabilitativo concordato in UVM' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apri progetto' }));
    await waitFor(() => expect(server.requests.filter((r) => r.operationName === 'OpenProject')).toHaveLength(2));
    const sent = server.requests.filter((r) => r.operationName === 'OpenProject')[1].variables as { input: { parallelReason: string } };
    expect(sent.input.parallelReason).toBe('Progetto riabilitativo concordato in UVM');
  });
});
