import { Button, Card, CardBody } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { FormMessage } from '../../components/FormMessage';
import { PageHeading } from '../../components/PageHeading';
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

export interface LoginPageProps {
  /** The previous session ended by itself (expired, or signed out elsewhere). */
  expired?: boolean;
  onSignedIn: (viewer: Viewer) => void;
}

export function LoginPage({ expired = false, onSignedIn }: LoginPageProps) {
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
    <div className="row justify-content-center">
      <div className="col-12 col-md-8 col-lg-6">
        <PageHeading title={copy.title} />
        <p className="lead">{copy.intro}</p>
        {expired && <FormMessage kind="info">{commonCopy.sessionExpired}</FormMessage>}
        <Card tag="div" className="ponte-card shadow-sm rounded">
          <CardBody>
            {message && <FormMessage kind="error">{message}</FormMessage>}
            <form onSubmit={submit} noValidate aria-label={copy.title}>
              <TextField
                id="accesso-email"
                label={copy.email}
                type="email"
                autoComplete="username"
                value={email}
                onChange={setEmail}
                error={fieldErrors.email}
                required
              />
              <TextField
                id="accesso-password"
                label={copy.password}
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={setPassword}
                error={fieldErrors.password}
                required
              />
              <Button type="submit" color="primary" disabled={fetching}>
                {fetching ? copy.submitting : copy.submit}
              </Button>
            </form>
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
