import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ServiceAccountFieldsFragment } from '../../gql/graphql';
import { adminViewer, fakeServer, type Served } from '../../test/fakeServer';
import { renderAt } from '../../test/renderApp';

const ATS = { __typename: 'Organization', id: 'org-ats', name: 'ATS della Montagna' };
const ASST = { __typename: 'Organization', id: 'org-asst', name: 'ASST della Valcamonica' };

const TOKEN = 'ponte_sa_Xy12abcdSEGRETOsegretoSEGRETOsegretoSEGR';
const ROTATED = 'ponte_sa_Nu0vo999ALTROsegretoALTROsegretoALTRO';

function token(overrides: Partial<Served<ServiceAccountFieldsFragment['tokens'][number]>> = {}) {
  return {
    __typename: 'ServiceAccountToken',
    id: 'tok-1',
    prefix: 'ponte_sa_Xy12abcd',
    expiresAt: '2099-03-01T10:00:00Z',
    revokedAt: null,
    createdAt: '2026-11-20T09:00:00Z',
    lastUsedAt: null,
    ...overrides,
  };
}

const warehouse: Served<ServiceAccountFieldsFragment> = {
  __typename: 'ServiceAccount',
  id: 'sa-1',
  name: 'Datawarehouse ATS',
  scopes: ['EXPORT_INTERVENTIONS'],
  active: true,
  createdAt: '2026-11-20T09:00:00Z',
  version: 1,
  organization: ATS,
  tokens: [
    token(),
    token({ id: 'tok-old', prefix: 'ponte_sa_Old00000', revokedAt: '2026-11-21T08:00:00Z', lastUsedAt: '2026-11-21T07:59:00Z' }),
    token({ id: 'tok-expired', prefix: 'ponte_sa_Exp00000', expiresAt: '2026-01-01T00:00:00Z' }),
  ],
};

const adt: Served<ServiceAccountFieldsFragment> = {
  ...warehouse,
  id: 'sa-2',
  name: 'ADT Ospedale di Esine',
  scopes: ['DISCHARGES_REPORT', 'FHIR_READ'],
  active: false,
  organization: ASST,
  tokens: [token({ id: 'tok-adt', prefix: 'ponte_sa_Adt11111' })],
};

/** A token just made, as creation and rotation answer. */
function issued(secret: string, expiresAt: string) {
  return {
    __typename: 'IssuedServiceAccountToken',
    token: secret,
    tokenInfo: { __typename: 'ServiceAccountToken', id: `tok-${secret.slice(9, 13)}`, expiresAt },
    account: warehouse,
  } as const;
}

function serve(handlers: Parameters<typeof fakeServer>[0] = {}) {
  return fakeServer({
    Me: () => ({ data: { me: adminViewer } }),
    OrganizationChoices: () => ({ data: { organizations: { __typename: 'OrganizationConnection', nodes: [ATS, ASST] } } }),
    AdminServiceAccounts: () => ({ data: { serviceAccounts: [adt, warehouse] } }),
    ...handlers,
  });
}

const sent = (server: ReturnType<typeof serve>, name: string) => server.requests.filter((r) => r.operationName === name);

function card(name: string) {
  return screen.getAllByTestId('sistema-collegato').find((c) => within(c).queryByRole('heading', { name })) as HTMLElement;
}

describe('Sistemi collegati', () => {
  it('lists each account with its organization, permissions in Italian and tokens without a secret', async () => {
    renderAt('/amministrazione/sistemi-collegati', serve());
    expect(await screen.findByRole('heading', { level: 2, name: 'Sistemi collegati' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 3, name: 'Datawarehouse ATS' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sistemi collegati' })).toHaveAttribute('aria-current', 'page');

    const dw = card('Datawarehouse ATS');
    expect(within(dw).getByText('ATS della Montagna')).toBeInTheDocument();
    expect(within(dw).getByText('Flusso degli interventi (export:interventions)')).toBeInTheDocument();
    expect(within(dw).getByText('Attivo')).toBeInTheDocument();
    const rows = within(dw).getAllByTestId('riga-token');
    expect(rows[0]).toHaveTextContent('ponte_sa_Xy12abcd…');
    expect(rows[0]).toHaveTextContent('ultimo uso: mai usato');
    expect(rows[0]).toHaveTextContent('Valido');
    expect(rows[1]).toHaveTextContent(/Revocato il 21\/11\/2026/);
    expect(rows[2]).toHaveTextContent('Scaduto');
    // Only the valid token can be revoked.
    expect(within(dw).getAllByRole('button', { name: /^Revoca il token/ })).toHaveLength(1);

    const hospital = card('ADT Ospedale di Esine');
    expect(within(hospital).getByText('Segnalazione dimissioni protette (discharges:report)')).toBeInTheDocument();
    expect(within(hospital).getByText('Lettura cartella in FHIR (fhir:read)')).toBeInTheDocument();
    expect(within(hospital).getByText('Disattivato')).toBeInTheDocument();
    // An inactive account offers nothing more to do.
    expect(within(hospital).queryByRole('button')).not.toBeInTheDocument();
  });

  it('creates an account after a confirmation, shows the token once, and forgets it when closed', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    let refuse = true;
    const server = serve({
      CreateServiceAccount: () =>
        refuse
          ? {
              data: null,
              errors: [{ message: 'Esiste già un sistema con questo nome', extensions: { code: 'VALIDATION', field: 'input.name' } }],
            }
          : {
              data: { createServiceAccount: issued(TOKEN, '2027-02-25T10:00:00Z') },
            },
    });
    renderAt('/amministrazione/sistemi-collegati', server);
    fireEvent.click(await screen.findByRole('button', { name: 'Nuovo sistema collegato' }));
    let dialog = screen.getByRole('dialog', { name: 'Nuovo sistema collegato' });

    // What the browser can check, before anything is sent.
    const days = within(dialog).getByLabelText('Durata del token (giorni)');
    expect(days).toHaveValue(365);
    fireEvent.change(days, { target: { value: '731' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Continua' }));
    expect(within(dialog).getByLabelText('Ente')).toHaveAccessibleDescription(expect.stringContaining("Scegli l'ente"));
    expect(within(dialog).getByLabelText('Nome del sistema')).toHaveAccessibleDescription(
      expect.stringContaining('Inserisci il nome del sistema'),
    );
    expect(within(dialog).getByRole('group', { name: 'Permessi' })).toHaveAccessibleDescription('Scegli almeno un permesso');
    expect(days).toHaveAccessibleDescription(expect.stringContaining('Indica un numero intero di giorni da 1 a 730'));
    expect(sent(server, 'CreateServiceAccount')).toHaveLength(0);

    await waitFor(() => expect(within(dialog).getByRole('option', { name: 'ATS della Montagna' })).toBeInTheDocument());
    fireEvent.change(within(dialog).getByLabelText('Ente'), { target: { value: 'org-ats' } });
    fireEvent.change(within(dialog).getByLabelText('Nome del sistema'), { target: { value: ' Datawarehouse ATS ' } });
    fireEvent.click(within(dialog).getByLabelText('Flusso degli interventi (export:interventions)'));
    fireEvent.change(days, { target: { value: '90' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Continua' }));
    const summary = within(dialog).getByTestId('conferma-sistema');
    expect(summary).toHaveTextContent(
      "Datawarehouse ATS, dell'ente ATS della Montagna, con i permessi: Flusso degli interventi (export:interventions). Il token varrà 90 giorni.",
    );
    expect(sent(server, 'CreateServiceAccount')).toHaveLength(0);

    // The server's refusal, by its field.
    fireEvent.click(within(summary).getByRole('button', { name: 'Crea e mostra il token' }));
    expect(await within(dialog).findByText('Esiste già un sistema con questo nome')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Nome del sistema')).toHaveAttribute('aria-invalid', 'true');

    refuse = false;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Continua' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Crea e mostra il token' }));
    dialog = await screen.findByRole('dialog', { name: 'Token del sistema collegato' });
    expect(sent(server, 'CreateServiceAccount').at(-1)?.variables).toEqual({
      input: { organizationId: 'org-ats', name: 'Datawarehouse ATS', scopes: ['EXPORT_INTERVENTIONS'], expiresInDays: 90 },
    });
    expect(within(dialog).getByLabelText('Token')).toHaveValue(TOKEN);
    expect(within(dialog).getByTestId('token-una-volta')).toHaveTextContent('Ponte non lo mostrerà più');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Copia' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(TOKEN));
    expect(await within(dialog).findByRole('button', { name: 'Copiato' })).toBeInTheDocument();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Ho copiato il token' }));
    expect(await screen.findByText('Sistema collegato creato: Datawarehouse ATS.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(TOKEN);
    // Opened again, the dialog starts empty: the token is nowhere to be shown again.
    fireEvent.click(screen.getByRole('button', { name: 'Nuovo sistema collegato' }));
    dialog = screen.getByRole('dialog', { name: 'Nuovo sistema collegato' });
    expect(within(dialog).getByLabelText('Nome del sistema')).toHaveValue('');
    expect(document.body.innerHTML).not.toContain(TOKEN);
  });

  it('rotates a token after explaining the 24 hours, and shows the new one once', async () => {
    const server = serve({
      RotateServiceAccountToken: () => ({
        data: { rotateServiceAccountToken: issued(ROTATED, '2027-11-20T10:00:00Z') },
      }),
    });
    renderAt('/amministrazione/sistemi-collegati', server);
    fireEvent.click(await screen.findByRole('button', { name: 'Rinnova il token di Datawarehouse ATS' }));
    let dialog = screen.getByRole('alertdialog', { name: 'Rinnovare il token di Datawarehouse ATS?' });
    expect(dialog).toHaveAccessibleDescription(expect.stringContaining('restano validi al massimo 24 ore'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annulla' }));
    expect(sent(server, 'RotateServiceAccountToken')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Rinnova il token di Datawarehouse ATS' }));
    dialog = screen.getByRole('alertdialog');
    fireEvent.change(within(dialog).getByLabelText('Durata del token (giorni)'), { target: { value: '0' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Rinnova e mostra il token' }));
    expect(within(dialog).getByLabelText('Durata del token (giorni)')).toHaveAccessibleDescription(
      expect.stringContaining('Indica un numero intero di giorni da 1 a 730'),
    );
    fireEvent.change(within(dialog).getByLabelText('Durata del token (giorni)'), { target: { value: '365' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Rinnova e mostra il token' }));
    dialog = await screen.findByRole('dialog', { name: 'Token del sistema collegato' });
    expect(sent(server, 'RotateServiceAccountToken')[0].variables).toEqual({ id: 'sa-1', expiresInDays: 365 });
    expect(within(dialog).getByLabelText('Token')).toHaveValue(ROTATED);
    expect(dialog).toHaveTextContent('I token precedenti di questo sistema restano validi al massimo 24 ore ancora.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ho copiato il token' }));
    expect(await screen.findByText(/Token di Datawarehouse ATS rinnovato/)).toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(ROTATED);
  });

  it('revokes a token and deactivates an account, each after a confirmation, and shows a refusal', async () => {
    const server = serve({
      RevokeServiceAccountToken: () => ({ data: { revokeServiceAccountToken: warehouse } }),
      DeactivateServiceAccount: () => ({
        data: null,
        errors: [{ message: 'Il sistema collegato è già disattivato', extensions: { code: 'CONFLICT' } }],
      }),
    });
    renderAt('/amministrazione/sistemi-collegati', server);
    fireEvent.click(await screen.findByRole('button', { name: 'Revoca il token ponte_sa_Xy12abcd…' }));
    let dialog = screen.getByRole('alertdialog', { name: 'Revocare il token ponte_sa_Xy12abcd…?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Revoca il token' }));
    expect(await screen.findByText('Token ponte_sa_Xy12abcd… revocato.')).toBeInTheDocument();
    expect(sent(server, 'RevokeServiceAccountToken')[0].variables).toEqual({ id: 'tok-1' });

    fireEvent.click(screen.getByRole('button', { name: 'Disattiva Datawarehouse ATS' }));
    dialog = screen.getByRole('alertdialog', { name: 'Disattivare Datawarehouse ATS?' });
    expect(dialog).toHaveAccessibleDescription(expect.stringContaining('Tutti i token di questo sistema smettono di funzionare subito'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Disattiva il sistema' }));
    expect(await within(dialog).findByText('Il sistema collegato è già disattivato')).toBeInTheDocument();
    expect(sent(server, 'DeactivateServiceAccount')[0].variables).toEqual({ id: 'sa-1' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annulla' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });
});
