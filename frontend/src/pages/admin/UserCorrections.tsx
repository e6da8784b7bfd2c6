import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { CheckboxField } from '../../components/CheckboxField';
import { ConfirmButtons } from '../../components/ConfirmButtons';
import { Dialog } from '../../components/Dialog';
import { DialogOpener } from '../../components/DialogOpener';
import { FormFeedback } from '../../components/FormFeedback';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useForm } from '../../components/useForm';
import { graphql } from '../../gql';
import type { AdminUsersQuery, Profession, Role } from '../../gql/graphql';
import { labelOptions, professionLabels, roleLabels } from '../../i18n/enums';
import { adminCopy } from './copy';
import { organizationChoicesQuery } from './CreateUserForm';

const copy = adminCopy.userCorrections;

type User = AdminUsersQuery['users']['nodes'][number];

export const updateUserMutation = graphql(`
  mutation UpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      id
      version
      displayName
      role
      profession
      managesAgreements
      organization {
        id
        name
      }
    }
  }
`);

export const resetUserPasswordMutation = graphql(`
  mutation ResetUserPassword($input: ResetUserPasswordInput!) {
    resetUserPassword(input: $input) {
      temporaryPassword
      user {
        id
        version
        mustChangePassword
      }
    }
  }
`);

// A constant: urql restarts a query whose context is a new object, on every render.
const organizationsContext = { additionalTypenames: ['Organization'] };

const FIELDS = ['displayName', 'role', 'profession', 'organizationId', 'managesAgreements'] as const;

/**
 * "Modifica" on a user's row: name, role, profession and organization in a
 * dialog (activation stays the row's own button). The server audits the
 * change and refuses a stale version (CONFLICT, with "Ricarica") and an
 * administrator changing their own role.
 */
export function EditUser({ user, onReload }: { user: User; onReload: () => void }) {
  return (
    <DialogOpener
      label={copy.edit}
      name={copy.editLabel(user.displayName)}
      dialog={(done, cancel) => <EditUserDialog user={user} onReload={onReload} onDone={done} onCancel={cancel} />}
    />
  );
}

function EditUserDialog({
  user,
  onReload,
  onDone,
  onCancel,
}: {
  user: User;
  onReload: () => void;
  onDone: (text: string) => void;
  onCancel: () => void;
}) {
  const form = useForm('modifica-utente', FIELDS, {
    displayName: user.displayName,
    role: user.role,
    profession: user.profession,
    organizationId: user.organization?.id ?? '',
    managesAgreements: user.managesAgreements ? 'true' : '',
  });
  const [{ fetching }, update] = useMutation(updateUserMutation);
  const [organizations] = useQuery({ query: organizationChoicesQuery, context: organizationsContext });
  const v = form.values;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = form.check({
      displayName: v.displayName.trim() ? undefined : copy.missingDisplayName,
      organizationId: v.organizationId ? undefined : copy.missingOrganization,
    });
    if (!ok) return;
    const result = await update({
      input: {
        userId: user.id,
        expectedVersion: user.version,
        displayName: v.displayName.trim(),
        // Unchanged values are not sent: an administrator's own row changes no role.
        role: v.role === user.role ? null : (v.role as Role),
        profession: v.profession === user.profession ? null : (v.profession as Profession),
        organizationId: v.organizationId === (user.organization?.id ?? '') ? null : v.organizationId,
        // Only a planning office (REPORTER) manages agreements: any other role sends false.
        managesAgreements: v.role === 'REPORTER' && v.managesAgreements === 'true',
      },
    });
    if (result.data) onDone(copy.saved(result.data.updateUser.displayName));
    else form.fail(result.error, copy.conflict);
  }

  return (
    <Dialog title={copy.editTitle(user.displayName)} description={user.email}>
      <form onSubmit={submit} noValidate aria-label={copy.editTitle(user.displayName)}>
        <FormFeedback message={form.message} onReload={onReload} />
        <TextField label={copy.displayName} required {...form.field('displayName')} />
        <SelectField label={copy.role} options={labelOptions(roleLabels)} required {...form.field('role')} />
        <SelectField label={copy.profession} options={labelOptions(professionLabels)} required {...form.field('profession')} />
        <SelectField
          label={copy.organization}
          options={(organizations.data?.organizations.nodes ?? []).map((o) => [o.id, o.name] as const)}
          placeholder={adminCopy.createUser.choose}
          required
          {...form.field('organizationId')}
        />
        {v.role === 'REPORTER' && (
          <CheckboxField
            id="modifica-utente-managesAgreements"
            label={copy.managesAgreements}
            hint={copy.managesAgreementsHint}
            checked={v.managesAgreements === 'true'}
            onChange={(checked) => form.set('managesAgreements')(checked ? 'true' : '')}
            error={form.errors.managesAgreements}
          />
        )}
        <ConfirmButtons label={copy.save} working={fetching} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}

/**
 * "Reimposta password" for a user who forgot theirs: after a confirmation,
 * the server sets a random temporary password, ends the user's sessions and
 * asks them to choose their own at the next sign-in. The temporary password
 * is shown here once, to be given to the user; it is never shown again.
 */
export function ResetPassword({ user }: { user: User }) {
  const [open, setOpen] = useState(false);
  const [temporary, setTemporary] = useState<string>();
  const [error, setError] = useState<string>();
  const [{ fetching }, reset] = useMutation(resetUserPasswordMutation);

  async function confirm() {
    setError(undefined);
    const result = await reset({ input: { userId: user.id } });
    if (result.data) setTemporary(result.data.resetUserPassword.temporaryPassword);
    else setError(result.error?.graphQLErrors[0]?.message ?? copy.resetFailed);
  }

  function close() {
    setOpen(false);
    setTemporary(undefined);
    setError(undefined);
  }

  return (
    <>
      <Button
        type="button"
        color="primary"
        outline
        size="xs"
        className="me-2"
        aria-label={copy.resetLabel(user.displayName)}
        onClick={() => setOpen(true)}
      >
        {copy.reset}
      </Button>
      {open &&
        (temporary ? (
          <Dialog title={copy.resetDoneTitle} description={copy.resetDone(user.displayName)}>
            <p>
              {copy.temporaryPassword}:{' '}
              <code data-testid="password-temporanea" className="fs-5 user-select-all">
                {temporary}
              </code>
            </p>
            <Button type="button" color="primary" size="sm" onClick={close}>
              {copy.close}
            </Button>
          </Dialog>
        ) : (
          <Dialog role="alertdialog" title={copy.resetTitle(user.displayName)} description={copy.resetSummary(user.displayName)}>
            <FormFeedback message={error ? { kind: 'error', text: error } : undefined} />
            <ConfirmButtons label={copy.resetConfirm} working={fetching} onConfirm={() => void confirm()} onCancel={close} />
          </Dialog>
        ))}
    </>
  );
}
