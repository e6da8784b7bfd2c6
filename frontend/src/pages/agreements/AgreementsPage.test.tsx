import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { NetworkAgreementsQuery } from '../../gql/graphql';
import { fakeServer, type Handlers, type Served } from '../../test/fakeServer';
import { reporter } from '../../test/registers';
import { renderAt } from '../../test/renderApp';

type Row = Served<NetworkAgreementsQuery['networkAgreements']['nodes'][number]>;

const ASST = { __typename: 'Organization', id: 'o-asst', name: 'ASST della Valcamonica' };
const COOP = { __typename: 'Organization', id: 'o-coop', name: 'Cooperativa sociale Il Sentiero' };

const convenzione: Row = {
  __typename: 'NetworkAgreement',
  id: 'a1',
  kind: 'CONVENZIONE',
  title: 'Convenzione SAD 2026',
  status: 'IN_FORCE',
  validFrom: '2026-01-01',
  validUntil: '2026-12-31',
  protocolNumber: 'PG 2026/118',
  parties: [
    { __typename: 'AgreementParty', role: 'PROMOTER', organization: ASST },
    { __typename: 'AgreementParty', role: 'ETS_PARTNER', organization: COOP },
  ],
};

const protocollo: Row = {
  ...convenzione,
  id: 'a2',
  kind: 'PROTOCOLLO_D_INTESA',
  title: 'Protocollo dimissioni protette',
  status: 'DRAFT',
  validFrom: null,
  validUntil: null,
  protocolNumber: null,
};

function open(path: string, managesAgreements: boolean, extra: Handlers = {}) {
  const server = fakeServer({
    Me: () => ({ data: { me: reporter } }),
    UnreadNotificationCount: () => ({ data: { notifications: { __typename: 'NotificationConnection', totalCount: 0 } } }),
    AgreementManager: () => ({ data: { me: { __typename: 'User', id: reporter.id, role: 'REPORTER', managesAgreements } } }),
    AgreementOrganizations: () => ({
      data: {
        organizations: {
          __typename: 'OrganizationConnection',
          nodes: [
            { ...ASST, kind: 'ASST' },
            { ...COOP, kind: 'ETS' },
          ],
        },
      },
    }),
    NetworkAgreements: (variables) => ({
      data: {
        networkAgreements: {
          __typename: 'NetworkAgreementConnection',
          totalCount: variables.expiringWithinDays ? 1 : 2,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          nodes: variables.expiringWithinDays ? [convenzione] : [convenzione, protocollo],
        },
      },
    }),
    ...extra,
  });
  renderAt(path, server);
  return server;
}

describe('Accordi: the list', () => {
  it('shows each agreement with its kind, parties, validity and status', async () => {
    open('/accordi', false);
    await screen.findByRole('heading', { level: 1, name: 'Accordi' });
    const rows = await screen.findAllByTestId('riga-accordo');
    expect(rows).toHaveLength(2);
    const first = within(rows[0]);
    expect(first.getByRole('link', { name: 'Convenzione SAD 2026' })).toHaveAttribute('href', '/accordi/a1');
    expect(first.getByText('Convenzione')).toBeInTheDocument();
    expect(first.getByText('ASST della Valcamonica')).toBeInTheDocument();
    expect(first.getByText('(Partner ETS)')).toBeInTheDocument();
    expect(first.getByText('dal 01/01/2026 al 31/12/2026')).toBeInTheDocument();
    expect(first.getByText('In vigore')).toBeInTheDocument();
    const second = within(rows[1]);
    expect(second.getByText('a tempo indeterminato')).toBeInTheDocument();
    expect(second.getByText('Bozza')).toBeInTheDocument();
    expect(second.getByText("Protocollo d'intesa")).toBeInTheDocument();
  });

  it('offers "Nuovo accordo" only to whom manages agreements', async () => {
    open('/accordi', true);
    expect(await screen.findByRole('link', { name: 'Nuovo accordo' })).toHaveAttribute('href', '/accordi/nuovo');
  });

  it('offers no creation to a REPORTER without the permission', async () => {
    const server = open('/accordi', false);
    await screen.findAllByTestId('riga-accordo');
    await waitFor(() => expect(server.requests.some((r) => r.operationName === 'AgreementManager')).toBe(true));
    expect(screen.queryByRole('link', { name: 'Nuovo accordo' })).not.toBeInTheDocument();
  });

  it('keeps the filters in the address and asks the server with them', async () => {
    const server = open('/accordi?tipo=CONVENZIONE', false);
    await screen.findAllByTestId('riga-accordo');
    expect(screen.getByLabelText('Tipo')).toHaveValue('CONVENZIONE');

    fireEvent.click(screen.getByLabelText('Solo in scadenza (entro 60 giorni)'));
    await waitFor(() => expect(screen.getAllByTestId('riga-accordo')).toHaveLength(1));
    expect(window.location.search).toBe('?tipo=CONVENZIONE&scadenza=1');

    await screen.findByRole('option', { name: 'Cooperativa sociale Il Sentiero' });
    fireEvent.change(screen.getByLabelText('Ente firmatario'), { target: { value: 'o-coop' } });
    fireEvent.change(screen.getByLabelText('Stato'), { target: { value: 'IN_FORCE' } });
    fireEvent.change(screen.getByLabelText('Cerca nel titolo o nel numero di protocollo'), { target: { value: 'SAD' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cerca' }));
    await waitFor(() => expect(window.location.search).toBe('?tipo=CONVENZIONE&ente=o-coop&stato=IN_FORCE&scadenza=1&cerca=SAD'));
    await waitFor(() =>
      expect(server.requests.filter((r) => r.operationName === 'NetworkAgreements').at(-1)?.variables).toEqual({
        first: 20,
        after: null,
        kind: 'CONVENZIONE',
        partyId: 'o-coop',
        status: 'IN_FORCE',
        expiringWithinDays: 60,
        search: 'SAD',
      }),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Azzera i filtri' }));
    await waitFor(() => expect(window.location.search).toBe(''));
  });
});
