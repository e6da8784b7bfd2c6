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
    person: { id: 'per1', givenName: 'Gemma', familyName: 'Pasini' },
    goals: [],
    ...overrides,
  };
}

/** The variables of closing the test project "Obiettivi raggiunti", with what it brings. */
function closingInput(brought: Record<string, unknown>) {
  return { input: { projectId: 'prj1', to: 'CLOSED', expectedVersion: 4, reason: 'Obiettivi raggiunti', ...brought } };
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
            extensions: { code: 'VALIDATION', field: 'to', reasons: ['obiettivo senza esito finale: «Restare a casa»'] },
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
              'manca il motivo di chiusura',
            ],
            refusals: [
              {
                code: 'FINAL_SCORES_MISSING',
                message:
                  "manca il punteggio finale della persona per: Abitare (è finale un punteggio registrato dal giorno dell'ultima modifica agli obiettivi dell'area)",
                goalIds: [],
              },
              { code: 'MISSING_CLOSURE_REASON', message: 'manca il motivo di chiusura', goalIds: [] },
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
    // The form asks for the scores itself: it lists only what it does not ask for.
    expect(screen.getByTestId('condizioni-chiusura')).toHaveTextContent('Manca il motivo di chiusura');
    expect(screen.getByTestId('condizioni-chiusura')).not.toHaveTextContent('Manca il punteggio finale');
    const scores = screen.getByRole('group', { name: 'Punteggi finali per area di vita (1–5)' });
    expect(within(scores).getAllByRole('combobox')).toHaveLength(1);

    fireEvent.change(screen.getByLabelText('Motivo della chiusura'), { target: { value: 'Obiettivi raggiunti' } });
    fireEvent.click(screen.getByRole('button', { name: 'Conferma la chiusura' }));
    expect(await screen.findByText('Dai il punteggio finale')).toBeInTheDocument();
    expect(server.requests).toHaveLength(0);

    fireEvent.change(within(scores).getByLabelText('Abitare – La persona'), { target: { value: '4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Conferma la chiusura' }));
    expect(await screen.findByTestId('motivi-rifiuto')).toHaveTextContent('Obiettivo senza esito finale: «Restare a casa»');
    expect(server.requests[0].variables).toEqual(closingInput({ finalScores: [{ rater: 'PERSON', lifeArea: 'HOUSING', score: 4 }] }));
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
            refusals: [
              { code: 'MISSING_CONSENT', message: 'manca il consenso della persona', goalIds: [] },
              {
                code: 'INTEGRATED_NOT_COSIGNED',
                message: 'il PAI integrato non è ancora sottoscritto dalla parte sociale',
                goalIds: [],
              },
            ],
            warnings: [],
          },
          { to: 'SUSPENDED', ready: true, reasons: [], refusals: [], warnings: [] },
          {
            to: 'CLOSED',
            ready: true,
            reasons: [],
            refusals: [],
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
    ).toEqual([
      'Manca il consenso della persona Registra il consenso',
      'Il PAI integrato non è ancora sottoscritto dalla parte sociale Vai alle sottoscrizioni',
    ]);
    // Each reason leads to the section where it is fixed.
    expect(within(active).getByRole('link', { name: 'Registra il consenso' })).toHaveAttribute('href', '/progetti/prj1?sezione=consenso');
    expect(within(active).getByRole('link', { name: 'Vai alle sottoscrizioni' })).toHaveAttribute(
      'href',
      '/progetti/prj1?sezione=integrato',
    );
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
    renderPanel(fakeServer({}), project({ transitionChecks: [{ to: 'ACTIVE', ready: true, reasons: [], refusals: [], warnings: [] }] }));
    expect(screen.queryByTestId('condizioni-passaggi')).not.toBeInTheDocument();
    expect(screen.queryByText('PAI integrato')).not.toBeInTheDocument();
  });
});

describe('closing with goals still open', () => {
  const openGoals = [
    { id: 'g1', lifeArea: 'HOUSING', description: 'Restare a casa', targetDate: null, indicator: null, status: 'OPEN', outcomeNote: null },
    {
      id: 'g2',
      lifeArea: 'HEALTH_WELLBEING',
      description: 'Deambulare in casa',
      targetDate: null,
      indicator: null,
      status: 'OPEN',
      outcomeNote: null,
    },
    {
      id: 'g3',
      lifeArea: 'HOUSING',
      description: 'Bagno adattato',
      targetDate: null,
      indicator: null,
      status: 'ACHIEVED',
      outcomeNote: null,
    },
  ] satisfies Project['goals'];
  const message = 'obiettivi senza esito finale: «Restare a casa», «Deambulare in casa»';

  it('names the open goals with a link to them, and asks each one’s outcome in the closing form, sent with the closure', async () => {
    const server = fakeServer({
      TransitionProject: () => ({
        data: {
          transitionProject: {
            __typename: 'IndividualProject',
            id: 'prj1',
            version: 5,
            status: 'CLOSED',
            allowedTransitions: [],
            transitionChecks: [],
            finalScoresRequired: [],
          },
        },
      }),
    });
    renderPanel(
      server,
      project({
        status: 'ACTIVE',
        allowedTransitions: ['REVIEW', 'CLOSED'],
        goals: openGoals,
        transitionChecks: [
          {
            to: 'CLOSED',
            ready: false,
            reasons: [message],
            refusals: [{ code: 'GOALS_WITHOUT_FINAL_STATUS', message, goalIds: ['g1', 'g2'] }],
            warnings: [],
          },
        ],
      }),
    );
    const closing = screen.getByTestId('condizioni-CLOSED');
    expect(closing).toHaveTextContent('Obiettivi senza esito finale: «Restare a casa», «Deambulare in casa»');
    expect(within(closing).getByRole('link', { name: 'Vai agli obiettivi' })).toHaveAttribute('href', '/progetti/prj1?sezione=obiettivi');

    fireEvent.click(screen.getByRole('button', { name: 'Chiudi il progetto' }));
    const outcomes = screen.getByRole('group', { name: 'Esito finale degli obiettivi ancora aperti' });
    // Only the open goals, each by name.
    expect(within(outcomes).getAllByRole('combobox')).toHaveLength(2);
    fireEvent.change(screen.getByLabelText('Motivo della chiusura'), { target: { value: 'Obiettivi raggiunti' } });
    fireEvent.change(within(outcomes).getByLabelText('Restare a casa (Abitare)'), { target: { value: 'ACHIEVED' } });
    fireEvent.click(screen.getByRole('button', { name: 'Conferma la chiusura' }));
    expect(await screen.findByText('Indica l’esito finale di questo obiettivo')).toBeInTheDocument();
    expect(within(outcomes).getByLabelText('Deambulare in casa (Benessere e salute)')).toHaveFocus();
    expect(server.requests).toHaveLength(0);

    fireEvent.change(within(outcomes).getByLabelText('Deambulare in casa (Benessere e salute)'), { target: { value: 'PARTLY_ACHIEVED' } });
    fireEvent.click(screen.getByRole('button', { name: 'Conferma la chiusura' }));
    expect(await screen.findByText('Il progetto è ora nello stato «Conclusione».')).toBeInTheDocument();
    expect(server.requests[0].variables).toEqual(
      closingInput({
        goalOutcomes: [
          { goalId: 'g1', status: 'ACHIEVED' },
          { goalId: 'g2', status: 'PARTLY_ACHIEVED' },
        ],
      }),
    );
  });
});
