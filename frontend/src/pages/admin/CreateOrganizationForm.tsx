import { Button, Card, CardBody } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { graphql } from '../../gql';
import type { OrganizationKind } from '../../gql/graphql';
import { formErrors } from '../../graphql/errors';
import { commonCopy } from '../../i18n/it';
import { labelOptions, organizationKindLabels } from '../../i18n/enums';
import { adminCopy } from './copy';

const copy = adminCopy.createOrganization;

export const createOrganizationMutation = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      id
      name
      kind
      fiscalCode
      createdAt
    }
  }
`);

/**
 * A new cooperative is recorded with its type (A or B): the unstated one
 * exists for the cooperatives stored before the two types did, which nobody
 * can split without asking them.
 */
const KIND_OPTIONS = labelOptions(organizationKindLabels).filter(([kind]) => kind !== 'COOPERATIVA_SOCIALE');

const FIELDS = ['name', 'kind', 'fiscalCode'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;
const empty: Values = { name: '', kind: '', fiscalCode: '' };

/** An organization's codice fiscale: empty, or 11 digits (checked on leaving the field and on submit). */
export function fiscalCodeProblem(code: string): string | undefined {
  const trimmed = code.trim();
  return trimmed === '' || /^\d{11}$/.test(trimmed) ? undefined : copy.fiscalCodeInvalid;
}

export function CreateOrganizationForm() {
  const [values, setValues] = useState<Values>(empty);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string }>();
  const [{ fetching }, createOrganization] = useMutation(createOrganizationMutation);

  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(undefined);
    const local: Partial<Record<Field, string>> = {};
    if (!values.name.trim()) local.name = copy.missing.name;
    if (!values.kind) local.kind = copy.missing.kind;
    const fiscal = fiscalCodeProblem(values.fiscalCode);
    if (fiscal) local.fiscalCode = fiscal;
    if (Object.keys(local).length > 0) {
      setErrors(local);
      focusFirstError(local);
      return;
    }
    const result = await createOrganization({
      input: {
        name: values.name.trim(),
        kind: values.kind as OrganizationKind,
        fiscalCode: values.fiscalCode.trim() || null,
      },
    });
    if (result.data) {
      setValues(empty);
      setErrors({});
      setMessage({ kind: 'success', text: copy.created(result.data.createOrganization.name) });
    } else {
      const mapped = result.error ? formErrors(result.error, FIELDS) : { fields: {}, general: commonCopy.genericError };
      setErrors(mapped.fields);
      if (mapped.general) setMessage({ kind: 'error', text: mapped.general });
      focusFirstError(mapped.fields);
    }
  }

  // Digits only and not 11 of them: shown as the user types once it cannot become valid
  // (a non-digit, or more than 11 characters), and on submit otherwise.
  const typing = values.fiscalCode.trim();
  const liveFiscalError = /\D/.test(typing) || typing.length > 11 ? copy.fiscalCodeInvalid : undefined;

  return (
    <Card tag="div" className="ponte-card shadow-sm rounded">
      <CardBody>
        <h2 id="nuovo-ente-titolo" className="h4">
          {copy.heading}
        </h2>
        <div aria-live="polite">{message && <FormMessage kind={message.kind}>{message.text}</FormMessage>}</div>
        <form onSubmit={submit} noValidate aria-labelledby="nuovo-ente-titolo">
          <div className="row">
            <div className="col-12 col-lg-6">
              <TextField
                id="ente-name"
                label={copy.name}
                hint={copy.nameHint}
                value={values.name}
                onChange={set('name')}
                error={errors.name}
                required
              />
            </div>
            <div className="col-12 col-lg-6">
              <SelectField
                id="ente-kind"
                label={copy.kind}
                value={values.kind}
                onChange={set('kind')}
                options={KIND_OPTIONS}
                placeholder={copy.choose}
                error={errors.kind}
                required
              />
            </div>
            <div className="col-12 col-lg-6">
              <TextField
                id="ente-fiscalCode"
                label={`${copy.fiscalCode} ${commonCopy.optional}`}
                hint={copy.fiscalCodeHint}
                inputMode="numeric"
                autoComplete="off"
                value={values.fiscalCode}
                onChange={set('fiscalCode')}
                onBlur={() => setErrors((e) => ({ ...e, fiscalCode: fiscalCodeProblem(values.fiscalCode) }))}
                error={errors.fiscalCode ?? liveFiscalError}
              />
            </div>
          </div>
          <Button type="submit" color="primary" disabled={fetching}>
            {fetching ? copy.submitting : copy.submit}
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}

function focusFirstError(errors: Partial<Record<Field, string>>) {
  const first = FIELDS.find((f) => errors[f]);
  if (first) document.getElementById(`ente-${first}`)?.focus();
}
