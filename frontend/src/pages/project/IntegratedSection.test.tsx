import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { IntegratedPart, OrganizationKind } from '../../gql/graphql';
import { project, renderProjectPage, type ServedProject } from '../../test/project';
import { missingParts, signingOrganizations } from './integrated';

// The side each signs for comes from the server (`Organization.integratedPart`).
const org = (id: string, name: string, kind: OrganizationKind, integratedPart: IntegratedPart | null) => ({
  __typename: 'Organization',
  id,
  name,
  kind,
  integratedPart,
});
const ASST = org('o-asst', 'ASST della Valcamonica', 'ASST', 'HEALTH');
const COMUNE = org('o-breno', 'Comune di Breno', 'COMUNE', 'SOCIAL');
const AMBITO = org('o-ambito', 'Ambito Territoriale di Valle Camonica', 'AMBITO', 'SOCIAL');
const COOP = org('o-coop', 'Cooperativa sociale Il Sentiero', 'COOPERATIVA_SOCIALE_A', null);
const ORGANIZATIONS = [COOP, COMUNE, ASST, AMBITO];

const healthSigned: ServedProject['cosignatures'][number] = {
  __typename: 'ProjectCosignature',
  part: 'HEALTH',
  signedOn: '2026-03-10',
  signatory: 'Dott.ssa Anna Rota',
  organization: ASST,
  recordedBy: { __typename: 'User', id: 'u-elena', displayName: 'Elena Tognali' },
};

const organizations = () => ({ data: { organizations: { __typename: 'OrganizationConnection', nodes: ORGANIZATIONS } } });

const section = () => screen.getByRole('region', { name: 'Sottoscrizione del PAI integrato' });

describe('the sides of an integrated PAI', () => {
  it('lists the sides still missing, health first', () => {
    expect(missingParts([])).toEqual(['HEALTH', 'SOCIAL']);
    expect(missingParts([{ part: 'SOCIAL' }])).toEqual(['HEALTH']);
    expect(missingParts([{ part: 'HEALTH' }, { part: 'SOCIAL' }])).toEqual([]);
  });

  it('offers the organizations that sign a side and have not signed, health side first, by name', () => {
    expect(signingOrganizations(ORGANIZATIONS, [{ organization: { id: ASST.id } }]).map((o) => [o.name, o.part])).toEqual([
      ['Ambito Territoriale di Valle Camonica', 'SOCIAL'],
      ['Comune di Breno', 'SOCIAL'],
    ]);
  });
});

describe('Sottoscrizione del PAI integrato', () => {
  it('lists the signatures, says which side is missing, and records a signature only after the confirmation', async () => {
    let signed = false;
    const server = renderProjectPage(
      {
        ProviderOrganizations: organizations,
        ProjectDetail: () => ({
          data: {
            project: project({
              status: 'PLANNING',
              integrated: true,
              cosignatures: signed
                ? [healthSigned, { ...healthSigned, part: 'SOCIAL', signedOn: '2026-03-12', signatory: null, organization: COMUNE }]
                : [healthSigned],
            }),
          },
        }),
        CosignProject: () => {
          signed = true;
          return { data: { cosignProject: { __typename: 'IndividualProject', id: 'prj1', version: 5 } } };
        },
      },
      'integrato',
    );
    await screen.findByTestId('sintesi-progetto');
    expect(screen.getByTestId('badge-integrato')).toHaveTextContent('PAI integrato');
    const rows = within(section()).getAllByTestId('riga-sottoscrizione');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('ASST della Valcamonica – parte sanitaria, sottoscritta il 10/03/2026 (firma di Dott.ssa Anna Rota)');
    expect(within(section()).getByTestId('parti-integrato-mancanti')).toHaveTextContent(
      'Manca ancora la sottoscrizione della parte sociale.',
    );
    // Signed once: the mark can no longer be taken back.
    expect(within(section()).queryByRole('button', { name: 'Non è un PAI integrato' })).not.toBeInTheDocument();

    const form = within(section()).getByRole('form', { name: 'Registra una sottoscrizione' });
    const select = within(form).getByLabelText<HTMLSelectElement>('Ente che sottoscrive');
    // Only the social side is left to sign: neither the ASST that signed nor the cooperative.
    await waitFor(() =>
      expect(Array.from(select.options).map((o) => o.text)).toEqual([
        'Scegli…',
        'Ambito Territoriale di Valle Camonica – parte sociale',
        'Comune di Breno – parte sociale',
      ]),
    );

    fireEvent.click(within(form).getByRole('button', { name: 'Registra la sottoscrizione' }));
    expect(within(form).getByText("Scegli l'ente che sottoscrive")).toBeInTheDocument();
    expect(select).toHaveFocus();

    fireEvent.change(select, { target: { value: COMUNE.id } });
    fireEvent.change(within(form).getByLabelText('Data della sottoscrizione'), { target: { value: '2026-03-12' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Registra la sottoscrizione' }));
    // A formal act: first what will be recorded, nothing sent yet.
    expect(within(form).getByTestId('conferma-sottoscrizione')).toHaveTextContent(
      'Comune di Breno sottoscrive la parte sociale del PAI il 12/03/2026: è un atto formale e resta nella storia del progetto.',
    );
    expect(server.requests.some((r) => r.operationName === 'CosignProject')).toBe(false);

    fireEvent.click(within(form).getByRole('button', { name: 'Conferma la sottoscrizione' }));
    expect(await screen.findByText('Sottoscrizione di Comune di Breno registrata.')).toBeInTheDocument();
    expect(server.requests.find((r) => r.operationName === 'CosignProject')?.variables).toEqual({
      input: { projectId: 'prj1', organizationId: COMUNE.id, signedOn: '2026-03-12', signatory: null },
    });
    await waitFor(() => expect(within(section()).getAllByTestId('riga-sottoscrizione')).toHaveLength(2));
    expect(within(section()).getByTestId('parti-integrato-mancanti')).toHaveTextContent(
      'Sottoscritto da entrambe le parti: sanitaria e sociale.',
    );
  });

  it("shows the server's refusal by the field it names", async () => {
    renderProjectPage(
      {
        ProviderOrganizations: organizations,
        ProjectDetail: () => ({ data: { project: project({ status: 'PLANNING', integrated: true }) } }),
        CosignProject: () => ({
          data: null,
          errors: [
            {
              message: "La sottoscrizione non può precedere l'avvio del progetto (02/03/2026)",
              extensions: { code: 'VALIDATION', field: 'signedOn' },
            },
          ],
        }),
      },
      'integrato',
    );
    await screen.findByTestId('sintesi-progetto');
    expect(within(section()).getByText('Nessun ente ha ancora sottoscritto il PAI.')).toBeInTheDocument();
    expect(within(section()).getByTestId('parti-integrato-mancanti')).toHaveTextContent(
      'Manca ancora la sottoscrizione della parte sanitaria e della parte sociale.',
    );
    const form = within(section()).getByRole('form', { name: 'Registra una sottoscrizione' });
    const select = within(form).getByLabelText('Ente che sottoscrive');
    await waitFor(() => expect(within(select).getByRole('option', { name: /ASST della Valcamonica/ })).toBeInTheDocument());
    fireEvent.change(select, { target: { value: ASST.id } });
    const date = within(form).getByLabelText('Data della sottoscrizione');
    fireEvent.change(date, { target: { value: '2026-03-01' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Registra la sottoscrizione' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Conferma la sottoscrizione' }));
    const message = await within(form).findByText("La sottoscrizione non può precedere l'avvio del progetto (02/03/2026)");
    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect(date.getAttribute('aria-describedby')).toContain(message.id);
    expect(within(form).queryByTestId('conferma-sottoscrizione')).not.toBeInTheDocument();
  });

  it('marks a PAI as integrated after a confirmation, with the version it was read at', async () => {
    let integrated = false;
    const server = renderProjectPage(
      {
        ProjectDetail: () => ({ data: { project: project({ status: 'PLANNING', integrated, version: integrated ? 5 : 4 }) } }),
        SetProjectIntegrated: () => {
          integrated = true;
          return { data: { setProjectIntegrated: { __typename: 'IndividualProject', id: 'prj1', version: 5, integrated: true } } };
        },
      },
      'integrato',
    );
    await screen.findByTestId('sintesi-progetto');
    expect(within(section()).getByText(/Questo PAI non è integrato/)).toBeInTheDocument();
    expect(screen.queryByTestId('badge-integrato')).not.toBeInTheDocument();
    const mark = within(section()).getByRole('button', { name: 'Segna come PAI integrato' });
    fireEvent.click(mark);
    expect(mark).toHaveAttribute('aria-expanded', 'true');
    expect(within(section()).getByTestId('conferma-integrato')).toHaveTextContent('serviranno le sottoscrizioni di entrambe');
    expect(server.requests.some((r) => r.operationName === 'SetProjectIntegrated')).toBe(false);
    fireEvent.click(within(section()).getByRole('button', { name: 'Conferma' }));
    expect(await screen.findByText('Il PAI è ora integrato: registra le sottoscrizioni delle due parti.')).toBeInTheDocument();
    expect(server.requests.find((r) => r.operationName === 'SetProjectIntegrated')?.variables).toEqual({
      input: { projectId: 'prj1', expectedVersion: 4, integrated: true },
    });
    // Reloaded: integrated, nobody signed yet, so the mark can still be taken back.
    expect(await screen.findByTestId('badge-integrato')).toBeInTheDocument();
    expect(within(section()).getByRole('button', { name: 'Non è un PAI integrato' })).toBeInTheDocument();
  });

  it('shows the signatures of a closed project and nothing to do', async () => {
    renderProjectPage(
      {
        ProjectDetail: () => ({
          data: {
            project: project({
              status: 'CLOSED',
              closedOn: '2026-06-01',
              closureReason: 'Obiettivi raggiunti',
              allowedTransitions: [],
              integrated: true,
              cosignatures: [healthSigned],
            }),
          },
        }),
      },
      'integrato',
    );
    await screen.findByTestId('sintesi-progetto');
    expect(within(section()).getAllByTestId('riga-sottoscrizione')).toHaveLength(1);
    expect(within(section()).queryByRole('form')).not.toBeInTheDocument();
    expect(within(section()).queryByRole('button')).not.toBeInTheDocument();
  });

  it('is not shown for a PTRI', async () => {
    renderProjectPage({ ProjectDetail: () => ({ data: { project: project({ kind: 'PTRI' }) } }) }, 'integrato');
    await screen.findByTestId('sintesi-progetto');
    expect(screen.queryByRole('region', { name: 'Sottoscrizione del PAI integrato' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Sottoscrizione del PAI integrato' })).not.toBeInTheDocument();
  });
});
