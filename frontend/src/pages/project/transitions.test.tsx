import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { CombinedError, Provider } from 'urql';
import { createPonteClient } from '../../graphql/client';
import { fakeServer } from '../../test/fakeServer';
import { ProjectStatusPanel } from './ProjectStatusPanel';
import { transitionLabel, transitionOutcome } from './transitions';

const refused = new CombinedError({
  graphQLErrors: [
    {
      message: 'nessuna valutazione; manca il consenso della persona',
      extensions: { code: 'VALIDATION', field: 'to', reasons: ['nessuna valutazione', 'manca il consenso della persona'] },
    },
  ],
});

describe('why a step of the project was refused', () => {
  it('lists every unmet condition the server gives, each with a capital letter', () => {
    expect(transitionOutcome(refused)).toEqual({ kind: 'refused', reasons: ['Nessuna valutazione', 'Manca il consenso della persona'] });
  });

  it('falls back to the message when the server gives no list', () => {
    const error = new CombinedError({ graphQLErrors: [{ message: 'passaggio non consentito', extensions: { code: 'VALIDATION' } }] });
    expect(transitionOutcome(error)).toEqual({ kind: 'refused', reasons: ['Passaggio non consentito'] });
  });

  it('tells a CONFLICT apart, and shows other errors as they come', () => {
    expect(transitionOutcome(new CombinedError({ graphQLErrors: [{ message: 'stale', extensions: { code: 'CONFLICT' } }] }))).toEqual({
      kind: 'conflict',
    });
    expect(
      transitionOutcome(new CombinedError({ graphQLErrors: [{ message: 'Non hai i permessi', extensions: { code: 'FORBIDDEN' } }] })),
    ).toEqual({
      kind: 'error',
      message: 'Non hai i permessi',
    });
  });

  it('names each step as a button', () => {
    expect(transitionLabel('PLANNING', 'ACTIVE')).toBe('Avvia gli interventi');
    expect(transitionLabel('SUSPENDED', 'ACTIVE')).toBe('Riprendi il progetto');
    expect(transitionLabel('ACTIVE', 'CLOSED')).toBe('Chiudi il progetto');
  });
});

/** What the panel reads of a project. */
type Project = ComponentProps<typeof ProjectStatusPanel>['project'];

function project(overrides: Partial<Project> = {}): Project {
  return {
    id: 'prj1',
    version: 4,
    status: 'PLANNING',
    allowedTransitions: ['ACTIVE', 'CLOSED'],
    transitionChecks: [],
    integrated: false,
    finalScoresRequired: [],
    ...overrides,
  };
}

function renderPanel(server: ReturnType<typeof fakeServer>, value: Project, onReload = () => {}) {
  const client = createPonteClient({ fetch: server.fetch, onSessionLost: () => {} });
  render(
    <Provider value={client}>
      <ProjectStatusPanel project={value} onReload={onReload} />
    </Provider>,
  );
}

describe('ProjectStatusPanel', () => {
  it("offers the allowed steps and shows the server's reasons in Italian when one is refused", async () => {
    const server = fakeServer({
      TransitionProject: () => ({
        data: null,
        errors: refused.graphQLErrors.map((e) => ({ message: e.message, extensions: e.extensions })),
      }),
    });
    renderPanel(server, project());
    const steps = screen.getByRole('group', { name: 'Passaggi possibili' });
    expect(
      within(steps)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Avvia gli interventi', 'Chiudi il progetto']);

    fireEvent.click(within(steps).getByRole('button', { name: 'Avvia gli interventi' }));
    const alert = await screen.findByTestId('motivi-rifiuto');
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent('Il passaggio a «Erogazione» non è possibile:');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Nessuna valutazione', 'Manca il consenso della persona']);
    expect(server.requests.find((r) => r.operationName === 'TransitionProject')?.variables).toEqual({
      input: { projectId: 'prj1', to: 'ACTIVE', expectedVersion: 4, reason: null },
    });
  });

  it('asks for the closure reason before closing, and offers to reload after a CONFLICT', async () => {
    const server = fakeServer({
      TransitionProject: () => ({ data: null, errors: [{ message: 'modificato', extensions: { code: 'CONFLICT' } }] }),
    });
    const reload = vi.fn();
    renderPanel(server, project({ status: 'ACTIVE', allowedTransitions: ['REVIEW', 'SUSPENDED', 'CLOSED'] }), reload);
    fireEvent.click(screen.getByRole('button', { name: 'Chiudi il progetto' }));
    fireEvent.click(screen.getByRole('button', { name: 'Conferma la chiusura' }));
    expect(await screen.findByText('Indica il motivo della chiusura')).toBeInTheDocument();
    expect(server.requests).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Motivo della chiusura'), { target: { value: 'Obiettivi raggiunti' } });
    fireEvent.click(screen.getByRole('button', { name: 'Conferma la chiusura' }));
    expect(await screen.findByText(/modificato da qualcun altro: ricarica/)).toBeInTheDocument();
    expect(server.requests[0].variables).toEqual({
      input: { projectId: 'prj1', to: 'CLOSED', expectedVersion: 4, reason: 'Obiettivi raggiunti' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Ricarica' }));
    expect(reload).toHaveBeenCalledOnce();
  });

  it('asks for the missing final scores per area, shows what closing still lacks, and sends the scores with the closure', async () => {
    const server = fakeServer({
      TransitionProject: () => ({
        data: null,
        errors: [
          {
            message: 'manca il motivo',
            extensions: { code: 'VALIDATION', field: 'to', reasons: ['obiettivi senza esito finale: 1'] },
          },
        ],
      }),
    });
    renderPanel(
      server,
      project({
        status: 'REVIEW',
        allowedTransitions: ['ACTIVE', 'SUSPENDED', 'CLOSED'],
        transitionChecks: [
          {
            to: 'CLOSED',
            ready: false,
            reasons: [
              "manca il punteggio finale della persona per: Abitare (è finale un punteggio registrato dal giorno dell'ultima modifica agli obiettivi dell'area)",
            ],
            warnings: [],
          },
        ],
        finalScoresRequired: [
          { rater: 'TEAM', lifeArea: 'HOUSING', from: '2026-11-20', recorded: true },
          { rater: 'PERSON', lifeArea: 'HOUSING', from: '2026-11-20', recorded: false },
        ],
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Chiudi il progetto' }));
    expect(screen.getByTestId('condizioni-chiusura')).toHaveTextContent('Manca il punteggio finale della persona per: Abitare');
    const scores = screen.getByRole('group', { name: 'Punteggi finali per area di vita (1–5)' });
    expect(within(scores).getAllByRole('combobox')).toHaveLength(1);

    fireEvent.change(screen.getByLabelText('Motivo della chiusura'), { target: { value: 'Obiettivi raggiunti' } });
    fireEvent.click(screen.getByRole('button', { name: 'Conferma la chiusura' }));
    expect(await screen.findByText('Dai il punteggio finale')).toBeInTheDocument();
    expect(server.requests).toHaveLength(0);

    fireEvent.change(within(scores).getByLabelText('Abitare – La persona'), { target: { value: '4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Conferma la chiusura' }));
    expect(await screen.findByTestId('motivi-rifiuto')).toHaveTextContent('Obiettivi senza esito finale: 1');
    expect(server.requests[0].variables).toEqual({
      input: {
        projectId: 'prj1',
        to: 'CLOSED',
        expectedVersion: 4,
        reason: 'Obiettivi raggiunti',
        finalScores: [{ rater: 'PERSON', lifeArea: 'HOUSING', score: 4 }],
      },
    });
  });
});

describe('what each step still needs, before it is pressed', () => {
  it('lists the reasons of the steps that are not ready and the warnings of those that are, each with a capital letter', () => {
    renderPanel(
      fakeServer({}),
      project({
        integrated: true,
        allowedTransitions: ['ACTIVE', 'SUSPENDED', 'CLOSED'],
        transitionChecks: [
          {
            to: 'ACTIVE',
            ready: false,
            reasons: ['manca il consenso della persona', 'il PAI integrato non è ancora sottoscritto dalla parte sociale'],
            warnings: [],
          },
          { to: 'SUSPENDED', ready: true, reasons: [], warnings: [] },
          {
            to: 'CLOSED',
            ready: true,
            reasons: [],
            warnings: ['il Budget di Salute non è ancora condiviso da: Comune di Breno (le risorse non sono ancora impegnate)'],
          },
        ],
      }),
    );
    expect(screen.getByText('PAI integrato')).toBeInTheDocument();
    const active = screen.getByTestId('condizioni-ACTIVE');
    expect(active).toHaveTextContent('Per «Erogazione» manca:');
    expect(
      within(active)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Manca il consenso della persona', 'Il PAI integrato non è ancora sottoscritto dalla parte sociale']);
    // A step that is ready without warnings says nothing; one with warnings says them apart.
    expect(screen.queryByTestId('condizioni-SUSPENDED')).not.toBeInTheDocument();
    expect(screen.queryByTestId('avvertenze-SUSPENDED')).not.toBeInTheDocument();
    const warned = screen.getByTestId('avvertenze-CLOSED');
    expect(warned).toHaveClass('alert-warning');
    expect(warned).toHaveTextContent('Prima di passare a «Conclusione»:');
    expect(warned).toHaveTextContent('Il Budget di Salute non è ancora condiviso da: Comune di Breno');
    // The buttons stay: the server gives the same reasons when one is pressed.
    expect(screen.getByRole('button', { name: 'Avvia gli interventi' })).toBeEnabled();
  });

  it('says nothing when every step is ready', () => {
    renderPanel(fakeServer({}), project({ transitionChecks: [{ to: 'ACTIVE', ready: true, reasons: [], warnings: [] }] }));
    expect(screen.queryByTestId('condizioni-passaggi')).not.toBeInTheDocument();
    expect(screen.queryByText('PAI integrato')).not.toBeInTheDocument();
  });
});
