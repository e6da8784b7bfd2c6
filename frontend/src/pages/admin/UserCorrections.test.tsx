import { fireEvent, screen, within } from '@testing-library/react';
import type { AdminUsersQuery } from '../../gql/graphql';
import { adminViewer, fakeServer, type Served } from '../../test/fakeServer';
import { renderAt } from '../../test/renderApp';

const ORG = { __typename: 'Organization', id: 'org-1', name: 'Comune di Breno' };
const ASST = { __typename: 'Organization', id: 'org-2', name: 'ASST della Valcamonica' };

const sara: Served<AdminUsersQuery['users']['nodes'][number]> = {
  __typename: 'User',
  id: 'u-sara',
  version: 3,
  email: 'sara@comune.test',
  displayName: 'Sara Rizzi',
  role: 'OPERATOR',
  profession: 'INFERMIERE',
  active: true,
  managesAgreements: false,
  organization: ORG,
};

function users(nodes: (typeof sara)[]): Served<AdminUsersQuery> {
  return {
    users: {
      __typename: 'UserConnection',
      totalCount: nodes.length,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      nodes,
    },
  };
}

function serve(handlers: Parameters<typeof fakeServer>[0] = {}) {
  return fakeServer({
    Me: () => ({ data: { me: adminViewer } }),
    OrganizationChoices: () => ({ data: { organizations: { __typename: 'OrganizationConnection', nodes: [ORG, ASST] } } }),
    AdminUsers: () => ({ data: users([sara]) }),
    ...handlers,
  });
}

describe("Correzioni dell'account di un utente", () => {
  it('Modifica sends only what changed with the version, and shows the refusal at its field', async () => {
    let refuse = true;
    const server = serve({
      UpdateUser: () =>
        refuse
          ? { data: null, errors: [{ message: 'Il nome non può essere vuoto', extensions: { code: 'VALIDATION', field: 'displayName' } }] }
          : {
              data: {
                updateUser: {
                  __typename: 'User',
                  id: 'u-sara',
                  version: 4,
                  displayName: 'Sara Rizzi Bona',
                  role: 'OPERATOR',
                  profession: 'ASSISTENTE_SOCIALE',
                  managesAgreements: false,
                  organization: ORG,
                },
              },
            },
    });
    renderAt('/amministrazione', server);
    fireEvent.click(await screen.findByRole('button', { name: "Modifica l'account di Sara Rizzi" }));
    const dialog = screen.getByRole('dialog', { name: "Modifica l'account di Sara Rizzi" });
    const name = within(dialog).getByLabelText('Nome visualizzato');
    expect(name).toHaveValue('Sara Rizzi');
    fireEvent.change(name, { target: { value: '  ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Salva le modifiche' }));
    expect(name).toHaveAccessibleDescription('Inserisci il nome visualizzato');
    expect(server.requests.some((r) => r.operationName === 'UpdateUser')).toBe(false);

    fireEvent.change(name, { target: { value: 'Sara Rizzi Bona' } });
    fireEvent.change(within(dialog).getByLabelText('Professione'), { target: { value: 'ASSISTENTE_SOCIALE' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Salva le modifiche' }));
    expect(await within(dialog).findByText('Il nome non può essere vuoto')).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');

    refuse = false;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Salva le modifiche' }));
    expect(await screen.findByText('Account di Sara Rizzi Bona aggiornato.')).toBeInTheDocument();
    expect(server.requests.filter((r) => r.operationName === 'UpdateUser').at(-1)?.variables).toEqual({
      input: {
        userId: 'u-sara',
        expectedVersion: 3,
        displayName: 'Sara Rizzi Bona',
        role: null,
        profession: 'ASSISTENTE_SOCIALE',
        organizationId: null,
        managesAgreements: false,
      },
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    // Not a planning office: no agreements to manage offered.
    fireEvent.click(await screen.findByRole('button', { name: "Modifica l'account di Sara Rizzi" }));
    expect(screen.queryByLabelText('Gestisce gli accordi del territorio')).not.toBeInTheDocument();
  });

  it("a planning office's account is given the agreements of its territory to manage", async () => {
    const office = { ...sara, id: 'u-piano', displayName: 'Ufficio di Piano', role: 'REPORTER' as const };
    const server = serve({
      AdminUsers: () => ({ data: users([office]) }),
      UpdateUser: () => ({
        data: { updateUser: { ...office, version: 4, managesAgreements: true } },
      }),
    });
    renderAt('/amministrazione', server);
    fireEvent.click(await screen.findByRole('button', { name: "Modifica l'account di Ufficio di Piano" }));
    const dialog = screen.getByRole('dialog', { name: "Modifica l'account di Ufficio di Piano" });
    const box = within(dialog).getByLabelText('Gestisce gli accordi del territorio');
    expect(box).not.toBeChecked();
    fireEvent.click(box);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Salva le modifiche' }));
    expect(await screen.findByText('Account di Ufficio di Piano aggiornato.')).toBeInTheDocument();
    expect(server.requests.filter((r) => r.operationName === 'UpdateUser').at(-1)?.variables).toMatchObject({
      input: { userId: 'u-piano', managesAgreements: true, role: null },
    });
  });

  it('Reimposta password asks first, then shows the temporary password once', async () => {
    const server = serve({
      ResetUserPassword: () => ({
        data: {
          resetUserPassword: {
            __typename: 'ResetUserPasswordPayload',
            temporaryPassword: 'abcd-efgh-jkmn-pqrs',
            user: { __typename: 'User', id: 'u-sara', version: 4, mustChangePassword: true },
          },
        },
      }),
    });
    renderAt('/amministrazione', server);
    const open = await screen.findByRole('button', { name: 'Reimposta password di Sara Rizzi' });
    fireEvent.click(open);
    let dialog = screen.getByRole('alertdialog', { name: 'Reimpostare la password di Sara Rizzi?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annulla' }));
    expect(server.requests.some((r) => r.operationName === 'ResetUserPassword')).toBe(false);

    fireEvent.click(open);
    dialog = screen.getByRole('alertdialog');
    expect(dialog).toHaveAccessibleDescription(expect.stringContaining('Le sessioni aperte con questo account saranno chiuse.'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reimposta la password' }));
    const shown = await screen.findByRole('dialog', { name: 'Password temporanea' });
    expect(within(shown).getByTestId('password-temporanea')).toHaveTextContent('abcd-efgh-jkmn-pqrs');
    expect(server.requests.find((r) => r.operationName === 'ResetUserPassword')?.variables).toEqual({ input: { userId: 'u-sara' } });
    fireEvent.click(within(shown).getByRole('button', { name: 'Ho comunicato la password' }));
    expect(screen.queryByText('abcd-efgh-jkmn-pqrs')).not.toBeInTheDocument();
  });

  it('offers no reset of the administrator’s own password here', async () => {
    renderAt('/amministrazione', serve({ AdminUsers: () => ({ data: users([{ ...sara, id: adminViewer.id, displayName: 'Io' }]) }) }));
    expect(await screen.findByRole('button', { name: "Modifica l'account di Io" })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reimposta password di Io' })).not.toBeInTheDocument();
  });
});
