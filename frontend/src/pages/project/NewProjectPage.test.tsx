import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../App';
import { SessionProvider } from '../../session/session';
import { fakeServer, viewer, type Handlers } from '../../test/fakeServer';

const operator = viewer({ id: 'u-elena', role: 'OPERATOR', displayName: 'Elena Tognali', profession: 'ASSISTENTE_SOCIALE' });
const REFUSAL = 'La persona ha già un PAI aperto: «Restare a casa» (équipe UVM Breno). Per aprirne un altro in parallelo indica il motivo';

/** Apri progetto for Gemma Pasini, by a viewer whose one team is the UVM; `OpenProject` as the test answers it. */
function renderPage(openProject: NonNullable<Handlers['OpenProject']>) {
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
    OpenProject: openProject,
  });
  window.history.replaceState(null, '', '/persone/p1/progetti/nuovo');
  render(
    <SessionProvider fetch={server.fetch}>
      <App />
    </SessionProvider>,
  );
  return server;
}

const opened = { data: { openProject: { __typename: 'IndividualProject', id: 'prj2' } } };
const sent = (server: ReturnType<typeof fakeServer>) =>
  server.requests.filter((r) => r.operationName === 'OpenProject').map((r) => (r.variables as { input: Record<string, unknown> }).input);

describe('Apri progetto', () => {
  it('asks why a second project of the same kind runs in parallel only when the server says one is open, and sends the reason', async () => {
    const server = renderPage((variables) =>
      variables.input.parallelReason
        ? opened
        : { data: null, errors: [{ message: REFUSAL, extensions: { code: 'VALIDATION', field: 'parallelReason' } }] },
    );
    fireEvent.change(await screen.findByLabelText(/Tipo di progetto/), { target: { value: 'PAI' } });
    fireEvent.change(screen.getByLabelText(/Titolo/), { target: { value: 'Secondo PAI' } });
    expect(screen.queryByLabelText(/Motivo di un progetto in parallelo/)).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Apri progetto' }));

    const reason = await screen.findByLabelText(/Motivo di un progetto in parallelo/);
    expect(screen.getAllByText(REFUSAL).length).toBeGreaterThan(0);
    fireEvent.change(reason, { target: { value: 'Progetto riabilitativo concordato in UVM' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apri progetto' }));
    await waitFor(() => expect(sent(server)).toHaveLength(2));
    expect(sent(server)[1].parallelReason).toBe('Progetto riabilitativo concordato in UVM');
  });

  it('offers "PAI integrato" for a PAI only, sends it, and shows the server\'s refusal by the box', async () => {
    const server = renderPage(() => ({
      data: null,
      errors: [
        {
          message: 'Solo un PAI può essere integrato (parte sanitaria e parte sociale)',
          extensions: { code: 'VALIDATION', field: 'integrated' },
        },
      ],
    }));
    const kind = await screen.findByLabelText(/Tipo di progetto/);
    fireEvent.change(kind, { target: { value: 'PTRI' } });
    expect(screen.queryByLabelText('PAI integrato (parte sanitaria e parte sociale)')).not.toBeInTheDocument();
    fireEvent.change(kind, { target: { value: 'PAI' } });
    const box = screen.getByLabelText('PAI integrato (parte sanitaria e parte sociale)');
    expect(box).not.toBeChecked();
    expect(box.getAttribute('aria-describedby')).toBe('progetto-integrated-aiuto');
    fireEvent.click(box);
    fireEvent.change(screen.getByLabelText(/Titolo/), { target: { value: 'PAI integrato: restare a casa' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apri progetto' }));

    await waitFor(() => expect(box).toHaveAttribute('aria-invalid', 'true'));
    expect(sent(server)[0].integrated).toBe(true);
    expect(screen.getByText('Solo un PAI può essere integrato (parte sanitaria e parte sociale)').id).toBe('progetto-integrated-errore');
    expect(box).toHaveFocus();

    // Ticked, then another kind: not sent as integrated.
    fireEvent.change(kind, { target: { value: 'PTRI' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apri progetto' }));
    await waitFor(() => expect(sent(server)).toHaveLength(2));
    expect(sent(server)[1].integrated).toBe(false);
  });
});
