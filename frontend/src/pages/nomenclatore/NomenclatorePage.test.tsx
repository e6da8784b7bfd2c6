import { fireEvent, screen, within } from '@testing-library/react';
import { fakeServer, viewer } from '../../test/fakeServer';
import { renderAt } from '../../test/renderApp';

const SAD = {
  __typename: 'NomenclatoreMapping',
  serviceKind: 'SAD',
  code: 'A1',
  label: 'Assistenza domiciliare',
  updatedAt: '2026-11-20T09:00:00Z',
} as const;

function serve(role: 'ADMIN' | 'REPORTER' | 'OPERATOR', handlers: Parameters<typeof fakeServer>[0] = {}) {
  return fakeServer({
    Me: () => ({ data: { me: viewer({ role }) } }),
    NomenclatoreMappings: () => ({ data: { nomenclatoreMappings: [SAD] } }),
    ...handlers,
  });
}

const row = (label: string) =>
  screen.getAllByTestId('riga-nomenclatore').find((r) => within(r).queryByRole('rowheader', { name: new RegExp(label) })) as HTMLElement;

describe('Nomenclatore', () => {
  it('lists every intervention kind in Italian and marks those without a code', async () => {
    renderAt('/nomenclatore', serve('ADMIN'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Nomenclatore' })).toBeInTheDocument();
    expect(await screen.findByTestId('nomenclatore-mancanti')).toHaveTextContent('12 tipi di intervento sono senza codice');
    // Every kind but the former spelling, in the vocabulary's order.
    expect(screen.getAllByTestId('riga-nomenclatore')).toHaveLength(13);
    const sad = row('Servizio di assistenza domiciliare');
    expect(sad).toHaveTextContent('A1');
    expect(sad).toHaveTextContent('Assistenza domiciliare');
    expect(sad).toHaveTextContent('Aggiornato il 20/11/2026');
    expect(within(sad).queryByText('Senza codice')).not.toBeInTheDocument();
    expect(within(row('Pasti a domicilio')).getByText('Senza codice')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Nomenclatore', hidden: true })).toHaveAttribute('aria-current', 'page');
  });

  it('lets an administrator set a code in place, with the refusal at its field', async () => {
    let refuse = true;
    const server = serve('ADMIN', {
      SetNomenclatoreCode: (variables) =>
        refuse
          ? { data: null, errors: [{ message: 'Il codice è troppo lungo', extensions: { code: 'VALIDATION', field: 'code' } }] }
          : {
              data: {
                setNomenclatoreCode: { __typename: 'NomenclatoreMapping', ...variables, updatedAt: '2026-11-27T10:00:00Z' },
              },
            },
    });
    renderAt('/nomenclatore', server);
    fireEvent.click(await screen.findByRole('button', { name: 'Imposta il codice di Pasti a domicilio' }));
    const form = screen.getByRole('form', { name: 'Modifica il codice di Pasti a domicilio' });
    const code = within(form).getByLabelText('Codice');
    expect(code).toHaveFocus();
    fireEvent.click(within(form).getByRole('button', { name: 'Salva' }));
    expect(code).toHaveAccessibleDescription('Inserisci il codice');
    expect(within(form).getByLabelText('Voce del nomenclatore')).toHaveAccessibleDescription('Inserisci la voce');
    expect(server.requests.some((r) => r.operationName === 'SetNomenclatoreCode')).toBe(false);

    fireEvent.change(code, { target: { value: ' B2 ' } });
    fireEvent.change(within(form).getByLabelText('Voce del nomenclatore'), { target: { value: 'Pasti a domicilio' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Salva' }));
    expect(await within(form).findByText('Il codice è troppo lungo')).toBeInTheDocument();
    expect(code).toHaveAttribute('aria-invalid', 'true');

    refuse = false;
    fireEvent.click(within(form).getByRole('button', { name: 'Salva' }));
    expect(await screen.findByText('Codice di Pasti a domicilio salvato.')).toBeInTheDocument();
    expect(server.requests.filter((r) => r.operationName === 'SetNomenclatoreCode').at(-1)?.variables).toEqual({
      serviceKind: 'PASTI',
      code: 'B2',
      label: 'Pasti a domicilio',
    });
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    // A mapped kind offers "Modifica" with its values.
    fireEvent.click(screen.getByRole('button', { name: 'Modifica il codice di Servizio di assistenza domiciliare (SAD)' }));
    expect(screen.getByLabelText('Codice')).toHaveValue('A1');
    fireEvent.click(screen.getByRole('button', { name: 'Annulla' }));
    expect(screen.queryByLabelText('Codice')).not.toBeInTheDocument();
  });

  it('shows a planning office the codes to read, with nothing to edit', async () => {
    renderAt('/nomenclatore', serve('REPORTER'));
    expect(await screen.findByTestId('nomenclatore-mancanti')).toBeInTheDocument();
    expect(screen.getByText('Puoi consultare i codici; li modifica l’amministrazione.')).toBeInTheDocument();
    expect(row('Servizio di assistenza domiciliare')).toHaveTextContent('A1');
    expect(screen.queryByRole('button', { name: /il codice di/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Azioni' })).not.toBeInTheDocument();
  });

  it('tells an operator the page is not theirs, without asking the server', async () => {
    const server = serve('OPERATOR');
    renderAt('/nomenclatore', server);
    expect(await screen.findByText('Questa pagina è riservata agli amministratori e agli uffici di piano.')).toBeInTheDocument();
    expect(server.requests.some((r) => r.operationName === 'NomenclatoreMappings')).toBe(false);
  });
});
