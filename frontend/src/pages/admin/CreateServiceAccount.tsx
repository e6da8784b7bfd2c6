import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { ConfirmButtons } from '../../components/ConfirmButtons';
import { Dialog } from '../../components/Dialog';
import { FormFeedback } from '../../components/FormFeedback';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useConfirmation } from '../../components/useConfirmation';
import { useForm } from '../../components/useForm';
import { graphql } from '../../gql';
import type { ServiceScope } from '../../gql/graphql';
import { labelOptions, serviceScopeLabels } from '../../i18n/enums';
import { confirmCopy } from '../../i18n/it';
import { adminCopy } from './copy';
import { organizationChoicesQuery } from './CreateUserForm';
import { IssuedToken } from './IssuedToken';

const copy = adminCopy.createServiceAccount;

export const createServiceAccountMutation = graphql(`
  mutation CreateServiceAccount($input: CreateServiceAccountInput!) {
    createServiceAccount(input: $input) {
      ...IssuedTokenFields
    }
  }
`);

// A constant: urql restarts a query whose context is a new object, on every render.
const organizationsContext = { additionalTypenames: ['Organization'] };

const FIELDS = ['organizationId', 'name', 'scopes', 'expiresInDays'] as const;
const initial = { organizationId: '', name: '', scopes: '', expiresInDays: '365' };

/** 1 to 730 whole days, as the server accepts; undefined when the text is not one. */
export function tokenDays(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  const days = Number(trimmed);
  return days >= 1 && days <= 730 ? days : undefined;
}

/**
 * "Nuovo sistema collegato": the form, then what will be created for a
 * confirmation (a formal act: the account gets powers on the machine
 * endpoints), then the token, shown once. The token is only in this
 * dialog's state: closing it (`onDone`) unmounts it, and it is gone.
 */
export function CreateServiceAccountDialog({ onDone, onCancel }: { onDone: (text: string) => void; onCancel: () => void }) {
  const form = useForm('nuovo-sistema', FIELDS, initial);
  const { confirming, setConfirming, field } = useConfirmation(form);
  const [scopes, setScopes] = useState<ServiceScope[]>([]);
  const [{ fetching }, create] = useMutation(createServiceAccountMutation);
  const [issued, setIssued] = useState<{ name: string; token: string; expiresAt: string }>();
  const [organizations] = useQuery({ query: organizationChoicesQuery, context: organizationsContext });
  const organizationOptions = (organizations.data?.organizations.nodes ?? []).map((o) => [o.id, o.name] as const);
  const v = form.values;

  function submit(event: FormEvent) {
    event.preventDefault();
    const ok = form.check({
      organizationId: v.organizationId ? undefined : copy.missing.organizationId,
      name: v.name.trim() ? undefined : copy.missing.name,
      scopes: scopes.length > 0 ? undefined : copy.missing.scopes,
      expiresInDays: tokenDays(v.expiresInDays) ? undefined : copy.daysInvalid,
    });
    if (ok) setConfirming(true);
  }

  async function send() {
    const result = await create({
      input: { organizationId: v.organizationId, name: v.name.trim(), scopes, expiresInDays: tokenDays(v.expiresInDays) ?? 0 },
    });
    setConfirming(false);
    const made = result.data?.createServiceAccount;
    if (made) setIssued({ name: made.account.name, token: made.token, expiresAt: made.tokenInfo.expiresAt });
    else form.fail(result.error);
  }

  if (issued) {
    return (
      <IssuedToken
        name={issued.name}
        token={issued.token}
        expiresAt={issued.expiresAt}
        onClose={() => onDone(adminCopy.serviceAccounts.created(issued.name))}
      />
    );
  }

  const organizationName = organizationOptions.find(([id]) => id === v.organizationId)?.[1] ?? '';
  return (
    <Dialog title={copy.title} description={copy.description} wide>
      <form onSubmit={submit} noValidate aria-label={copy.title}>
        <FormFeedback message={form.message} />
        <div className="row">
          <div className="col-12 col-lg-6">
            <SelectField
              label={copy.organization}
              hint={copy.organizationHint}
              options={organizationOptions}
              placeholder={adminCopy.createUser.choose}
              required
              {...field('organizationId')}
            />
          </div>
          <div className="col-12 col-lg-6">
            <TextField label={copy.name} hint={copy.nameHint} required {...field('name')} />
          </div>
          <div className="col-12 col-lg-6">
            <CheckboxGroup
              id="nuovo-sistema-scopes"
              legend={copy.scopes}
              options={labelOptions(serviceScopeLabels)}
              chosen={scopes}
              onChange={(chosen) => {
                setScopes(chosen);
                setConfirming(false);
                form.set('scopes')('');
              }}
              error={form.errors.scopes}
            />
          </div>
          <div className="col-12 col-lg-6">
            <TextField
              label={copy.expiresInDays}
              hint={copy.expiresInDaysHint}
              type="number"
              inputMode="numeric"
              min={1}
              max={730}
              required
              {...field('expiresInDays')}
            />
          </div>
        </div>
        {confirming ? (
          <div className="alert alert-info ponte-form-message" data-testid="conferma-sistema">
            <p className="mb-1 fw-semibold">{copy.confirmHeading}</p>
            <p className="mb-2">
              {copy.confirmText(
                v.name.trim(),
                organizationName,
                scopes.map((s) => serviceScopeLabels[s]).join('; '),
                v.expiresInDays.trim(),
              )}
            </p>
            <ConfirmButtons label={copy.confirm} working={fetching} onConfirm={() => void send()} onCancel={() => setConfirming(false)} />
          </div>
        ) : (
          <div className="d-flex flex-wrap gap-2">
            <Button type="submit" color="primary" size="sm">
              {copy.submit}
            </Button>
            <Button type="button" color="secondary" outline size="sm" onClick={onCancel}>
              {confirmCopy.cancel}
            </Button>
          </div>
        )}
      </form>
    </Dialog>
  );
}
