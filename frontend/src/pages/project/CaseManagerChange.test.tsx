import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ANNA, ELENA, MARCO, project, renderProjectPage as renderPage, team, totals } from '../../test/project';

const summary = () => screen.getByTestId('sintesi-progetto');

describe('Cambia case manager', () => {
  it("offers the team's other active members, asks to confirm, sends the project's version and shows the project as reloaded", async () => {
    let changed = false;
    const server = renderPage(
      {
        ProjectDetail: () => ({
          data: {
            project: changed
              ? project({
                  version: 5,
                  caseManager: { __typename: 'User', id: MARCO.id, displayName: MARCO.displayName },
                  history: [
                    {
                      __typename: 'ProjectEvent',
                      occurredAt: '2026-04-10T10:00:00Z',
                      kind: 'CASE_MANAGER_CHANGED',
                      summary: 'Nuovo case manager del progetto',
                      actor: { __typename: 'User', id: ELENA.id, displayName: ELENA.displayName },
                    },
                  ],
                })
              : project(),
          },
        }),
        ChangeCaseManager: () => {
          changed = true;
          return {
            data: {
              changeCaseManager: {
                __typename: 'IndividualProject',
                id: 'prj1',
                version: 5,
                caseManager: { __typename: 'User', id: MARCO.id, displayName: MARCO.displayName },
              },
            },
          };
        },
      },
      'storia',
    );
    await screen.findByTestId('sintesi-progetto');
    expect(within(summary()).getByTestId('case-manager')).toHaveTextContent('Elena Tognali');
    const open = within(summary()).getByRole('button', { name: 'Cambia case manager' });
    expect(open).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(open);
    expect(open).toHaveAttribute('aria-expanded', 'true');

    const form = screen.getByRole('form', { name: 'Cambia il case manager' });
    const select = within(form).getByLabelText<HTMLSelectElement>('Nuovo case manager');
    // Active members only, without the current case manager, by name.
    expect(Array.from(select.options).map((o) => o.text)).toEqual(['Scegli…', 'Anna Rossi', 'Marco Bianchi']);

    // Nothing chosen: the browser says so by the field, nothing is sent.
    fireEvent.click(within(form).getByRole('button', { name: 'Conferma il nuovo case manager' }));
    expect(within(form).getByText('Scegli il nuovo case manager')).toBeInTheDocument();
    expect(select).toHaveAttribute('aria-invalid', 'true');
    expect(select).toHaveFocus();

    // Choosing is not the act: the confirmation names the change first.
    fireEvent.change(select, { target: { value: MARCO.id } });
    expect(within(form).getByTestId('conferma-case-manager')).toHaveTextContent(
      'Il progetto passa da Elena Tognali a Marco Bianchi: il cambio resta nella storia del progetto.',
    );
    expect(server.requests.some((r) => r.operationName === 'ChangeCaseManager')).toBe(false);

    fireEvent.click(within(form).getByRole('button', { name: 'Conferma il nuovo case manager' }));
    expect(await screen.findByText('Il case manager del progetto ora è Marco Bianchi.')).toBeInTheDocument();
    expect(server.requests.find((r) => r.operationName === 'ChangeCaseManager')?.variables).toEqual({
      input: { projectId: 'prj1', expectedVersion: 4, caseManagerId: MARCO.id },
    });
    // The project is read again: the new case manager and the history entry are the server's.
    await waitFor(() => expect(within(summary()).getByTestId('case-manager')).toHaveTextContent('Marco Bianchi'));
    expect(screen.getByTestId('storia-progetto')).toHaveTextContent('Nuovo case manager del progetto');
    expect(server.requests.filter((r) => r.operationName === 'ProjectDetail').length).toBeGreaterThanOrEqual(2);
    expect(screen.queryByRole('form', { name: 'Cambia il case manager' })).not.toBeInTheDocument();
  });

  it("shows the server's VALIDATION message by the select, and a CONFLICT with «Ricarica»", async () => {
    let answer: 'validation' | 'conflict' = 'validation';
    const server = renderPage({
      ProjectDetail: () => ({ data: { project: project() } }),
      ChangeCaseManager: () =>
        answer === 'validation'
          ? {
              data: null,
              errors: [
                {
                  message: "Il case manager deve far parte dell'équipe del progetto",
                  extensions: { code: 'VALIDATION', field: 'caseManagerId' },
                },
              ],
            }
          : { data: null, errors: [{ message: 'versione superata', extensions: { code: 'CONFLICT' } }] },
    });
    await screen.findByTestId('sintesi-progetto');
    fireEvent.click(screen.getByRole('button', { name: 'Cambia case manager' }));
    const form = screen.getByRole('form', { name: 'Cambia il case manager' });
    const select = within(form).getByLabelText('Nuovo case manager');
    fireEvent.change(select, { target: { value: ANNA.id } });
    fireEvent.click(within(form).getByRole('button', { name: 'Conferma il nuovo case manager' }));

    const message = await within(form).findByText("Il case manager deve far parte dell'équipe del progetto");
    expect(select).toHaveAttribute('aria-invalid', 'true');
    expect(select.getAttribute('aria-describedby')).toContain(message.id);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    answer = 'conflict';
    fireEvent.change(select, { target: { value: ANNA.id } });
    fireEvent.click(within(form).getByRole('button', { name: 'Conferma il nuovo case manager' }));
    expect(await screen.findByText(/modificato da qualcun altro: ricarica/)).toBeInTheDocument();
    const before = server.requests.filter((r) => r.operationName === 'ProjectDetail').length;
    fireEvent.click(within(summary()).getByRole('button', { name: 'Ricarica' }));
    await waitFor(() => expect(server.requests.filter((r) => r.operationName === 'ProjectDetail').length).toBe(before + 1));
  });

  it('is not offered on a closed project', async () => {
    const closed = renderPage({
      ProjectDetail: () => ({
        data: {
          project: project({ status: 'CLOSED', closedOn: '2026-04-01', closureReason: 'Obiettivi raggiunti', allowedTransitions: [] }),
        },
      }),
    });
    await screen.findByTestId('sintesi-progetto');
    expect(within(summary()).getByTestId('case-manager')).toHaveTextContent('Elena Tognali');
    expect(screen.queryByRole('button', { name: 'Cambia case manager' })).not.toBeInTheDocument();
    expect(closed.requests.some((r) => r.operationName === 'ChangeCaseManager')).toBe(false);
  });

  it('says so when the team has no other active member', async () => {
    const alone = project({ team: team([[ELENA, true]]) });
    renderPage({ ProjectDetail: () => ({ data: { project: alone } }) });
    await screen.findByTestId('sintesi-progetto');
    fireEvent.click(screen.getByRole('button', { name: 'Cambia case manager' }));
    expect(screen.getByText(/non ci sono altri componenti attivi/)).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Cambia il case manager' })).not.toBeInTheDocument();
  });
});

describe('Condivisione del budget', () => {
  it('shows a partly agreed budget, who is still missing and which agreements the plan has outgrown', async () => {
    renderPage(
      {
        ProjectDetail: () => ({
          data: {
            project: project({
              budget: {
                __typename: 'Budget',
                agreementStatus: 'PARTIALLY_AGREED',
                missingParties: ['la persona (o chi la rappresenta)', 'Cooperativa Il Sole'],
                agreements: [
                  {
                    __typename: 'Agreement',
                    partyKind: 'ORGANIZATION',
                    partyName: 'Comune di Breno',
                    agreedOn: '2026-03-05',
                    current: false,
                  },
                  {
                    __typename: 'Agreement',
                    partyKind: 'ORGANIZATION',
                    partyName: 'Comune di Breno',
                    agreedOn: '2026-04-02',
                    current: true,
                  },
                ],
                resources: [],
                totals,
              },
            }),
          },
        }),
      },
      'budget',
    );
    const status = await screen.findByTestId('stato-budget');
    expect(status).toHaveTextContent('Condiviso in parte');
    expect(screen.getByTestId('parti-mancanti')).toHaveTextContent(
      'Manca ancora la condivisione di: la persona (o chi la rappresenta), Cooperativa Il Sole.',
    );
    expect(screen.getAllByText('(al piano precedente, poi modificato)')).toHaveLength(1);
  });
});
