import { Button } from 'design-react-kit';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation } from 'urql';
import { FormMessage } from '../../components/FormMessage';
import { TextField } from '../../components/TextField';
import { graphql } from '../../gql';
import { findCode, formErrors } from '../../graphql/errors';
import { commonCopy } from '../../i18n/it';
import type { Viewer } from '../../session/session';
import { loginCopy as copy } from './copy';

export const loginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      ...ViewerFields
    }
  }
`);

type Field = 'email' | 'password';

export interface SignInFormProps {
  /** Prefixes the fields' ids: the sign-in page and the dialog over a page are two forms. */
  idPrefix: string;
  onSignedIn: (viewer: Viewer) => void;
  /** Buttons beside "Accedi" (the dialog's "Esci"). */
  actions?: ReactNode;
}

/** Email and password, with the sign-in page's checks and the server's refusals (wrong credentials, throttling). */
export function SignInForm({ idPrefix, onSignedIn, actions }: SignInFormProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<string>();
  const [{ fetching }, login] = useMutation(loginMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Partial<Record<Field, string>> = {};
    if (!email.trim()) missing.email = copy.missingEmail;
    if (!password) missing.password = copy.missingPassword;
    setFieldErrors(missing);
    setMessage(undefined);
    if (Object.keys(missing).length > 0) return;

    const result = await login({ input: { email: email.trim(), password } });
    if (result.data) {
      onSignedIn(result.data.login);
      return;
    }
    if (!result.error) {
      setMessage(commonCopy.genericError);
    } else if (findCode(result.error, 'UNAUTHENTICATED')) {
      setMessage(copy.wrongCredentials);
    } else {
      // RATE_LIMITED and the rest: the server's own (Italian) words.
      const errors = formErrors(result.error, ['email', 'password'] as const);
      setFieldErrors(errors.fields);
      setMessage(errors.general);
    }
  }

  return (
    <>
      {message && <FormMessage kind="error">{message}</FormMessage>}
      <form onSubmit={submit} noValidate aria-label={copy.title}>
        <TextField
          id={`${idPrefix}-email`}
          label={copy.email}
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          error={fieldErrors.email}
          required
        />
        <TextField
          id={`${idPrefix}-password`}
          label={copy.password}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={fieldErrors.password}
          required
        />
        <div className="d-flex flex-wrap gap-2">
          <Button type="submit" color="primary" disabled={fetching}>
            {fetching ? copy.submitting : copy.submit}
          </Button>
          {actions}
        </div>
      </form>
    </>
  );
}
