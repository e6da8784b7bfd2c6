import { Badge, Button, Card, CardBody } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmButtons } from '../../components/ConfirmButtons';
import { Definitions } from '../../components/Definitions';
import { Dialog } from '../../components/Dialog';
import { DialogOpener } from '../../components/DialogOpener';
import { FormFeedback } from '../../components/FormFeedback';
import { FormMessage } from '../../components/FormMessage';
import { TextField } from '../../components/TextField';
import { useForm } from '../../components/useForm';
import { graphql } from '../../gql';
import type { ServiceAccountFieldsFragment } from '../../gql/graphql';
import { errorMessage } from '../../graphql/errors';
import { serviceScopeLabels } from '../../i18n/enums';
import { formatDateTime } from '../../i18n/format';
import { adminCopy } from './copy';
import { CreateServiceAccountDialog, tokenDays } from './CreateServiceAccount';
import { IssuedToken } from './IssuedToken';

const copy = adminCopy.serviceAccounts;

export const serviceAccountFields = graphql(`
  fragment ServiceAccountFields on ServiceAccount {
    id
    name
    scopes
    active
    createdAt
    version
    organization {
      id
      name
    }
    tokens {
      id
      prefix
      expiresAt
      revokedAt
      createdAt
      lastUsedAt
    }
  }
`);

/** A token just made (creation or rotation): the secret, shown once, and the account as it is now. */
export const issuedTokenFields = graphql(`
  fragment IssuedTokenFields on IssuedServiceAccountToken {
    token
    tokenInfo {
      id
      expiresAt
    }
    account {
      ...ServiceAccountFields
    }
  }
`);

export const serviceAccountsQuery = graphql(`
  query AdminServiceAccounts {
    serviceAccounts {
      ...ServiceAccountFields
    }
  }
`);

const rotateMutation = graphql(`
  mutation RotateServiceAccountToken($id: ID!, $expiresInDays: Int) {
    rotateServiceAccountToken(id: $id, expiresInDays: $expiresInDays) {
      ...IssuedTokenFields
    }
  }
`);

const revokeMutation = graphql(`
  mutation RevokeServiceAccountToken($id: ID!) {
    revokeServiceAccountToken(id: $id) {
      ...ServiceAccountFields
    }
  }
`);

const deactivateMutation = graphql(`
  mutation DeactivateServiceAccount($id: ID!) {
    deactivateServiceAccount(id: $id) {
      ...ServiceAccountFields
    }
  }
`);

// A constant: urql restarts a query whose context is a new object, on every render.
const context = { additionalTypenames: ['ServiceAccount'] };

type Account = ServiceAccountFieldsFragment;
type Token = Account['tokens'][number];

/**
 * Sistemi collegati: the service accounts by name, each with its tokens
 * (prefix, expiry, last use, never a secret), and the acts on them, each
 * after a confirmation. A token is shown only in the dialog that made it.
 */
export function ServiceAccounts() {
  const [{ data, error }] = useQuery({ query: serviceAccountsQuery, context });
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<string>();
  const accounts = data?.serviceAccounts ?? [];
  return (
    <section aria-labelledby="sistemi-titolo" className="mb-5">
      <h2 id="sistemi-titolo" className="h3">
        {copy.heading}
      </h2>
      <p>{copy.intro}</p>
      <Button
        type="button"
        color="primary"
        className="mb-3"
        onClick={() => {
          setMessage(undefined);
          setCreating(true);
        }}
      >
        {copy.create}
      </Button>
      {creating && (
        <CreateServiceAccountDialog
          onDone={(text) => {
            setCreating(false);
            setMessage(text);
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      <div aria-live="polite">{message && <FormMessage kind="success">{message}</FormMessage>}</div>
      {error && <FormMessage kind="error">{errorMessage(error)}</FormMessage>}
      {data && accounts.length === 0 && <p>{copy.none}</p>}
      {accounts.map((account) => (
        <AccountCard key={account.id} account={account} />
      ))}
    </section>
  );
}

function AccountCard({ account }: { account: Account }) {
  const headingId = `sistema-${account.id}`;
  return (
    <article aria-labelledby={headingId} data-testid="sistema-collegato" className="mb-4">
      <Card tag="div" className="ponte-card shadow-sm rounded">
        <CardBody>
          <h3 id={headingId} className="h5">
            {account.name}
          </h3>
          <Definitions
            rows={[
              [copy.organization, account.organization.name],
              [
                copy.scopes,
                <ul key="permessi" className="list-unstyled mb-0">
                  {account.scopes.map((scope) => (
                    <li key={scope}>{serviceScopeLabels[scope]}</li>
                  ))}
                </ul>,
              ],
              [copy.createdAt, formatDateTime(account.createdAt)],
              [
                copy.status,
                <Badge key="stato" color={account.active ? 'success' : 'secondary'} pill>
                  {account.active ? copy.active : copy.inactive}
                </Badge>,
              ],
            ]}
          />
          {/* Offered while the account is active; kept mounted after, for the message of what was done. */}
          <div className="d-flex flex-wrap align-items-center gap-2 my-3">
            <DialogOpener
              label={copy.rotate}
              offered={account.active}
              name={copy.rotateLabel(account.name)}
              dialog={(done, cancel) => <RotateDialog account={account} onDone={done} onCancel={cancel} />}
            />
            <ConfirmedAct
              label={copy.deactivate}
              name={copy.deactivateLabel(account.name)}
              offered={account.active}
              title={copy.deactivateTitle(account.name)}
              summary={copy.deactivateSummary}
              confirm={copy.deactivateConfirm}
              mutation={deactivateMutation}
              id={account.id}
              done={copy.deactivated(account.name)}
            />
          </div>
          {/* A list, not a table: on a phone six columns of dates would be squeezed letter by letter. */}
          <h4 id={`${headingId}-token`} className="h6 mt-3">
            {copy.tokensHeading}
          </h4>
          <ul className="list-unstyled mb-0" aria-labelledby={`${headingId}-token`}>
            {account.tokens.map((token) => (
              <TokenItem key={token.id} token={token} accountActive={account.active} />
            ))}
          </ul>
        </CardBody>
      </Card>
    </article>
  );
}

function TokenItem({ token, accountActive, now = new Date() }: { token: Token; accountActive: boolean; now?: Date }) {
  const expired = new Date(token.expiresAt) <= now;
  const usable = accountActive && !token.revokedAt && !expired;
  return (
    <li className="border-top py-2" data-testid="riga-token">
      <div className="d-flex flex-wrap align-items-center gap-2">
        <code>{token.prefix}…</code>
        {token.revokedAt ? (
          <Badge color="secondary" pill>
            {copy.tokenRevoked(formatDateTime(token.revokedAt))}
          </Badge>
        ) : expired ? (
          <Badge color="warning" pill>
            {copy.tokenExpired}
          </Badge>
        ) : (
          <Badge color="success" pill>
            {copy.tokenValid}
          </Badge>
        )}
        <ConfirmedAct
          label={copy.revoke}
          name={copy.revokeLabel(token.prefix)}
          offered={usable}
          title={copy.revokeTitle(token.prefix)}
          summary={copy.revokeSummary}
          confirm={copy.revokeConfirm}
          mutation={revokeMutation}
          id={token.id}
          done={copy.revoked(token.prefix)}
        />
      </div>
      <div className="ponte-muted small">
        {copy.tokenDates(
          formatDateTime(token.createdAt),
          formatDateTime(token.expiresAt),
          token.lastUsedAt ? formatDateTime(token.lastUsedAt) : copy.never,
        )}
      </div>
    </li>
  );
}

/**
 * The button of an act that takes only an id and cannot be undone (revoke a
 * token, deactivate an account), its confirmation, and after it `done`
 * where the button was.
 */
function ConfirmedAct({
  label,
  name,
  offered,
  title,
  summary,
  confirm,
  mutation,
  id,
  done,
}: {
  label: string;
  name: string;
  offered: boolean;
  title: string;
  summary: string;
  confirm: string;
  mutation: typeof revokeMutation | typeof deactivateMutation;
  id: string;
  done: string;
}) {
  return (
    <DialogOpener
      label={label}
      name={name}
      color="danger"
      offered={offered}
      dialog={(onDone, onCancel) => (
        <ActConfirmation
          title={title}
          summary={summary}
          label={confirm}
          mutation={mutation}
          id={id}
          onDone={() => onDone(done)}
          onCancel={onCancel}
        />
      )}
    />
  );
}

function ActConfirmation({
  title,
  summary,
  label,
  mutation,
  id,
  onDone,
  onCancel,
}: {
  title: string;
  summary: string;
  label: string;
  mutation: typeof revokeMutation | typeof deactivateMutation;
  id: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [{ fetching }, act] = useMutation(mutation);
  const [error, setError] = useState<string>();

  async function send() {
    setError(undefined);
    const result = await act({ id });
    if (result.data) onDone();
    else setError(result.error ? errorMessage(result.error) : adminCopy.forbidden);
  }

  return (
    <Dialog role="alertdialog" title={title} description={summary}>
      <FormFeedback message={error ? { kind: 'error', text: error } : undefined} />
      <ConfirmButtons label={label} working={fetching} onConfirm={() => void send()} onCancel={onCancel} />
    </Dialog>
  );
}

const ROTATE_FIELDS = ['expiresInDays'] as const;

/**
 * "Rinnova il token": how long the new one lives, the 24 hours the old
 * ones keep working, then the new token, shown once. Like the creation's,
 * the token lives only in this dialog's state.
 */
function RotateDialog({ account, onDone, onCancel }: { account: Account; onDone: (text: string) => void; onCancel: () => void }) {
  const form = useForm('rinnova-token', ROTATE_FIELDS, { expiresInDays: '365' });
  const [{ fetching }, rotate] = useMutation(rotateMutation);
  const [issued, setIssued] = useState<{ token: string; expiresAt: string }>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const days = tokenDays(form.values.expiresInDays);
    if (!form.check({ expiresInDays: days ? undefined : adminCopy.createServiceAccount.daysInvalid })) return;
    const result = await rotate({ id: account.id, expiresInDays: days });
    const made = result.data?.rotateServiceAccountToken;
    if (made) setIssued({ token: made.token, expiresAt: made.tokenInfo.expiresAt });
    else form.fail(result.error);
  }

  if (issued) {
    return (
      <IssuedToken
        name={account.name}
        token={issued.token}
        expiresAt={issued.expiresAt}
        rotated
        onClose={() => onDone(copy.rotated(account.name))}
      />
    );
  }
  return (
    <Dialog role="alertdialog" title={copy.rotateTitle(account.name)} description={copy.rotateSummary}>
      <form onSubmit={submit} noValidate aria-label={copy.rotateTitle(account.name)}>
        <FormFeedback message={form.message} />
        <TextField
          label={adminCopy.createServiceAccount.expiresInDays}
          hint={adminCopy.createServiceAccount.expiresInDaysHint}
          type="number"
          inputMode="numeric"
          min={1}
          max={730}
          required
          {...form.field('expiresInDays')}
        />
        <ConfirmButtons label={copy.rotateConfirm} working={fetching} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
