import { Button } from 'design-react-kit';
import type { FormEvent } from 'react';
import { useClient, useMutation } from 'urql';
import { FormFeedback } from '../../components/FormFeedback';
import { isCaseWorker } from '../../components/navigation';
import { PageHeading } from '../../components/PageHeading';
import { TextField } from '../../components/TextField';
import { useForm } from '../../components/useForm';
import { graphql } from '../../gql';
import { meQuery, useSession, useViewer } from '../../session/session';
import { AgendaSettings } from '../agenda/AgendaSettings';
import { accountCopy as copy } from './copy';

export const changePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;
const MIN_PASSWORD_CHARS = 12;

/**
 * "Cambia password", from the user menu; after an administrator's reset it
 * is the only screen until the user chooses their own password. The server
 * checks the current password and ends the user's other sessions; this
 * session goes on, with the account read again.
 */
export function ChangePasswordPage() {
  const viewer = useViewer();
  const { signedIn } = useSession();
  const client = useClient();
  const initial = { currentPassword: '', newPassword: '', confirmPassword: '' };
  const form = useForm('password', FIELDS, initial);
  const [{ fetching }, change] = useMutation(changePasswordMutation);
  const v = form.values;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const length = [...v.newPassword].length;
    const ok = form.check({
      currentPassword: v.currentPassword ? undefined : copy.missing.currentPassword,
      newPassword: !v.newPassword
        ? copy.missing.newPassword
        : length < MIN_PASSWORD_CHARS
          ? copy.tooShort(length)
          : v.newPassword === v.currentPassword
            ? copy.same
            : undefined,
      confirmPassword: !v.confirmPassword ? copy.missing.confirmPassword : v.confirmPassword !== v.newPassword ? copy.different : undefined,
    });
    if (!ok) return;
    const result = await change({ input: { currentPassword: v.currentPassword, newPassword: v.newPassword } });
    if (!result.data) {
      form.fail(result.error);
      return;
    }
    form.done(copy.changed);
    if (viewer.mustChangePassword) {
      const me = await client.query(meQuery, {}, { requestPolicy: 'network-only' }).toPromise();
      if (me.data?.me) signedIn(me.data.me);
    }
  }

  return (
    <>
      <PageHeading title={copy.title} />
      <p>{viewer.mustChangePassword ? <strong data-testid="password-temporanea">{copy.mustChange}</strong> : copy.intro}</p>
      <div className="row">
        <div className="col-12 col-md-8 col-lg-6">
          <FormFeedback message={form.message} />
          <form onSubmit={submit} noValidate aria-label={copy.title}>
            <TextField
              label={copy.currentPassword}
              type="password"
              autoComplete="current-password"
              required
              {...form.field('currentPassword')}
            />
            <TextField
              label={copy.newPassword}
              hint={copy.newPasswordHint}
              type="password"
              autoComplete="new-password"
              required
              {...form.field('newPassword')}
            />
            <TextField
              label={copy.confirmPassword}
              type="password"
              autoComplete="new-password"
              required
              {...form.field('confirmPassword')}
            />
            <Button type="submit" color="primary" disabled={fetching}>
              {fetching ? copy.working : copy.submit}
            </Button>
          </form>
        </div>
      </div>
      {!viewer.mustChangePassword && isCaseWorker(viewer) && <AgendaSettings />}
    </>
  );
}
