import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { project, renderProjectPage } from '../../test/project';
import { nextReview } from './ReviewsSection';

describe('Registra una verifica', () => {
  function form() {
    return screen.getByRole('form', { name: 'Registra una verifica' });
  }

  it('refuses an empty review at its field and sends nothing', async () => {
    const server = renderProjectPage({ ProjectDetail: () => ({ data: { project: project() } }) }, 'verifiche');
    const section = await screen.findByRole('form', { name: 'Registra una verifica' });
    fireEvent.click(within(section).getByRole('button', { name: 'Registra verifica' }));
    expect(
      await within(section).findByText('Scrivi le decisioni o le note della verifica: una verifica vuota non si registra'),
    ).toBeInTheDocument();
    expect(within(section).queryByTestId('conferma-verifica')).not.toBeInTheDocument();
    expect(server.requests.some((r) => r.operationName === 'RecordReview')).toBe(false);
  });

  it('shows what will be recorded and sends it only on "Conferma la verifica"', async () => {
    const server = renderProjectPage(
      {
        ProjectDetail: () => ({ data: { project: project() } }),
        RecordReview: () => ({
          data: { recordReview: { __typename: 'IndividualProject', id: 'prj1', version: 5, status: 'ACTIVE', nextReviewOn: '2026-12-31' } },
        }),
      },
      'verifiche',
    );
    const section = await screen.findByRole('form', { name: 'Registra una verifica' });
    fireEvent.change(within(section).getByLabelText('Data'), { target: { value: '2026-11-01' } });
    fireEvent.change(within(section).getByLabelText('Decisioni'), { target: { value: 'Proseguire la fisioterapia' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Registra verifica' }));
    const summary = await within(section).findByTestId('conferma-verifica');
    expect(summary).toHaveTextContent('Verifica del 01/11/2026, con Elena Tognali.');
    expect(summary).toHaveTextContent('la prossima verifica è fissata al 31/12/2026');
    expect(server.requests.some((r) => r.operationName === 'RecordReview')).toBe(false);
    // "Annulla" goes back to the form; a change asks again.
    fireEvent.click(within(summary).getByRole('button', { name: 'Annulla' }));
    expect(within(form()).queryByTestId('conferma-verifica')).not.toBeInTheDocument();
    fireEvent.click(within(form()).getByRole('button', { name: 'Registra verifica' }));
    fireEvent.click(await within(form()).findByRole('button', { name: 'Conferma la verifica' }));
    await waitFor(() => expect(server.requests.some((r) => r.operationName === 'RecordReview')).toBe(true));
    const sent = server.requests.find((r) => r.operationName === 'RecordReview');
    expect(sent?.variables).toEqual({
      input: { projectId: 'prj1', date: '2026-11-01', participantIds: ['u-elena'], notes: null, decisions: 'Proseguire la fisioterapia' },
    });
  });

  it('computes the next review as the server does', () => {
    expect(nextReview('2026-11-01', 60)).toBe('2026-12-31');
    expect(nextReview('2026-12-15', 30)).toBe('2027-01-14');
  });
});
