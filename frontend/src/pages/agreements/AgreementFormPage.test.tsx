import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { Handlers } from '../../test/fakeServer';
import { AMBITO, agreement, openAgreement, reporter } from '../../test/registers';

const organizations: Handlers = {
  AgreementOrganizations: () => ({
    data: {
      organizations: {
        __typename: 'OrganizationConnection',
        nodes: [
          { __typename: 'Organization', id: 'o-asst', name: 'ASST della Valcamonica', kind: 'ASST' },
          { __typename: 'Organization', id: 'o-coop', name: 'Cooperativa sociale Il Sentiero', kind: 'ETS' },
          AMBITO,
        ],
      },
    },
  }),
};

const manager = (managesAgreements: boolean): Handlers => ({
  AgreementManager: () => ({ data: { me: { __typename: 'User', id: reporter.id, role: 'REPORTER', managesAgreements } } }),
});

async function fillNew() {
  fireEvent.change(await screen.findByLabelText('Tipo'), { target: { value: 'CONVENZIONE' } });
  fireEvent.change(screen.getByLabelText('Titolo'), { target: { value: 'Convenzione SAD 2027' } });
  await screen.findAllByRole('option', { name: 'ASST della Valcamonica' });
  fireEvent.change(screen.getByLabelText('Ente 1'), { target: { value: 'o-asst' } });
  fireEvent.change(screen.getByLabelText('Ruolo 1'), { target: { value: 'PROMOTER' } });
}

describe('Nuovo accordo', () => {
  it('checks that at least two parties have their role before sending, then registers it', async () => {
    const server = openAgreement(
      agreement({ id: 'a9', title: 'Convenzione SAD 2027' }),
      {
        ...organizations,
        ...manager(true),
        CreateNetworkAgreement: () => ({ data: { createNetworkAgreement: { __typename: 'NetworkAgreement', id: 'a9' } } }),
      },
      '/accordi/nuovo',
    );
    await screen.findByRole('heading', { level: 1, name: 'Nuovo accordo' });
    await fillNew();
    fireEvent.click(screen.getByRole('button', { name: 'Registra l’accordo' }));
    expect(await screen.findByText('Indica almeno due enti, ciascuno con il suo ruolo')).toBeInTheDocument();
    expect(document.activeElement).toBe(document.getElementById('accordo-parties'));
    expect(server.requests.some((r) => r.operationName === 'CreateNetworkAgreement')).toBe(false);

    fireEvent.change(screen.getByLabelText('Ente 2'), { target: { value: 'o-coop' } });
    fireEvent.change(screen.getByLabelText('Ruolo 2'), { target: { value: 'ETS_PARTNER' } });
    // The viewer may name themselves as the contact of their own organization.
    fireEvent.click(screen.getByRole('button', { name: 'Aggiungi un ente' }));
    fireEvent.change(screen.getByLabelText('Ente 3'), { target: { value: AMBITO.id } });
    fireEvent.change(screen.getByLabelText('Ruolo 3'), { target: { value: 'SIGNATORY' } });
    fireEvent.change(screen.getByLabelText('Referente in Ponte 3'), { target: { value: reporter.id } });
    fireEvent.change(screen.getByLabelText('Valido dal (facoltativo)'), { target: { value: '2027-01-01' } });
    fireEvent.click(screen.getByLabelText('Servizio di assistenza domiciliare (SAD)'));
    fireEvent.change(screen.getByLabelText('Scopo (facoltativo)'), { target: { value: 'Il SAD nei Comuni' } });
    fireEvent.click(screen.getByRole('button', { name: 'Registra l’accordo' }));

    await screen.findByText('Accordo registrato.');
    expect(window.location.pathname).toBe('/accordi/a9');
    const input = server.requests.find((r) => r.operationName === 'CreateNetworkAgreement')?.variables.input;
    expect(input).toEqual({
      kind: 'CONVENZIONE',
      title: 'Convenzione SAD 2027',
      parties: [
        { organizationId: 'o-asst', role: 'PROMOTER', contactUserId: null },
        { organizationId: 'o-coop', role: 'ETS_PARTNER', contactUserId: null },
        { organizationId: AMBITO.id, role: 'SIGNATORY', contactUserId: reporter.id },
      ],
      services: ['SAD'],
      lifeAreas: [],
      signedOn: null,
      validFrom: '2027-01-01',
      validUntil: null,
      protocolNumber: null,
      elements: {
        purpose: 'Il SAD nei Comuni',
        recipients: null,
        actions: null,
        actors: null,
        timing: null,
        responsibilities: null,
        monitoringIndicators: null,
      },
    });
  });

  it("shows the server's refusal at its field", async () => {
    openAgreement(
      agreement(),
      {
        ...organizations,
        ...manager(true),
        CreateNetworkAgreement: () => ({
          data: null,
          errors: [
            {
              message: 'La fine della validità non può precedere la firma',
              extensions: { code: 'VALIDATION', field: 'validUntil' },
            },
          ],
        }),
      },
      '/accordi/nuovo',
    );
    await fillNew();
    fireEvent.change(screen.getByLabelText('Ente 2'), { target: { value: 'o-coop' } });
    fireEvent.change(screen.getByLabelText('Ruolo 2'), { target: { value: 'SIGNATORY' } });
    fireEvent.change(screen.getByLabelText('Valido fino al (facoltativo)'), { target: { value: '2025-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Registra l’accordo' }));
    expect(await screen.findByText('La fine della validità non può precedere la firma')).toBeInTheDocument();
    expect(screen.getByLabelText('Valido fino al (facoltativo)')).toHaveAttribute('aria-invalid', 'true');
  });

  it('tells a REPORTER without the permission who registers agreements', async () => {
    openAgreement(agreement(), { ...organizations, ...manager(false) }, '/accordi/nuovo');
    expect(await screen.findByText(/Gli accordi li registrano l’amministrazione/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Registra l’accordo' })).not.toBeInTheDocument();
  });
});

describe('Modifica accordo', () => {
  it('starts from what is saved and sends it with the version it was loaded at', async () => {
    const server = openAgreement(
      agreement(),
      {
        ...organizations,
        UpdateNetworkAgreement: () => ({ data: { updateNetworkAgreement: { __typename: 'NetworkAgreement', id: 'a1', version: 5 } } }),
      },
      '/accordi/a1/modifica',
    );
    await screen.findByRole('heading', { level: 1, name: 'Modifica: Convenzione SAD 2026' });
    expect(screen.getByLabelText('Titolo')).toHaveValue('Convenzione SAD 2026');
    expect(screen.getByLabelText('Ruolo 2')).toHaveValue('ETS_PARTNER');
    expect(screen.getByLabelText('Tempi (facoltativo)')).toHaveValue('Anno 2026');
    fireEvent.change(screen.getByLabelText('Titolo'), { target: { value: 'Convenzione SAD 2026 (rinnovata)' } });
    fireEvent.click(screen.getByRole('button', { name: 'Salva le modifiche' }));
    await screen.findByText('Modifiche salvate.');
    const variables = server.requests.find((r) => r.operationName === 'UpdateNetworkAgreement')?.variables;
    expect(variables).toMatchObject({
      input: {
        agreementId: 'a1',
        expectedVersion: 4,
        agreement: {
          title: 'Convenzione SAD 2026 (rinnovata)',
          parties: [
            { organizationId: 'o-asst', role: 'PROMOTER', contactUserId: 'u-rossi' },
            { organizationId: 'o-coop', role: 'ETS_PARTNER', contactUserId: null },
          ],
        },
      },
    });
  });

  it('offers "Ricarica" when someone else saved it first', async () => {
    openAgreement(
      agreement(),
      {
        ...organizations,
        UpdateNetworkAgreement: () => ({ data: null, errors: [{ message: 'Versione superata', extensions: { code: 'CONFLICT' } }] }),
      },
      '/accordi/a1/modifica',
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Salva le modifiche' }));
    expect(await screen.findByText(/L’accordo è stato modificato da qualcun altro/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Ricarica' })).toBeInTheDocument());
  });
});
