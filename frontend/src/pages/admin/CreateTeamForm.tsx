import { Button, Card, CardBody } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { graphql } from '../../gql';
import type { TeamKind } from '../../gql/graphql';
import { formErrors } from '../../graphql/errors';
import { commonCopy } from '../../i18n/it';
import { labelOptions, teamKindLabels } from '../../i18n/enums';
import { adminCopy } from './copy';
import { organizationChoicesQuery } from './CreateUserForm';

const copy = adminCopy.createTeam;
// A constant: urql restarts a query whose context is a new object, on every render.
const organizationsContext = { additionalTypenames: ['Organization'] };

export const createTeamMutation = graphql(`
  mutation CreateTeam($input: CreateTeamInput!) {
    createTeam(input: $input) {
      id
      name
      kind
    }
  }
`);

const FIELDS = ['name', 'kind', 'organizationId'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;
const empty: Values = { name: '', kind: '', organizationId: '' };

export function CreateTeamForm() {
  const [values, setValues] = useState<Values>(empty);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string }>();
  const [{ fetching }, createTeam] = useMutation(createTeamMutation);
  const [organizations] = useQuery({ query: organizationChoicesQuery, context: organizationsContext });
  const organizationOptions = (organizations.data?.organizations.nodes ?? []).map((o) => [o.id, o.name] as const);

  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(undefined);
    const local: Partial<Record<Field, string>> = {};
    for (const field of FIELDS) if (!values[field].trim()) local[field] = copy.missing[field];
    if (Object.keys(local).length > 0) {
      setErrors(local);
      focusFirstError(local);
      return;
    }
    const result = await createTeam({
      input: { name: values.name.trim(), kind: values.kind as TeamKind, organizationId: values.organizationId },
    });
    if (result.data) {
      setValues(empty);
      setErrors({});
      setMessage({ kind: 'success', text: copy.created(result.data.createTeam.name) });
    } else {
      const mapped = result.error ? formErrors(result.error, FIELDS) : { fields: {}, general: commonCopy.genericError };
      setErrors(mapped.fields);
      if (mapped.general) setMessage({ kind: 'error', text: mapped.general });
      focusFirstError(mapped.fields);
    }
  }

  return (
    <Card tag="div" className="ponte-card shadow-sm rounded">
      <CardBody>
        <h2 id="nuova-equipe-titolo" className="h4">
          {copy.heading}
        </h2>
        <div aria-live="polite">{message && <FormMessage kind={message.kind}>{message.text}</FormMessage>}</div>
        <form onSubmit={submit} noValidate aria-labelledby="nuova-equipe-titolo">
          <div className="row">
            <div className="col-12 col-lg-6">
              <TextField
                id="equipe-name"
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
                id="equipe-kind"
                label={copy.kind}
                value={values.kind}
                onChange={set('kind')}
                options={labelOptions(teamKindLabels)}
                placeholder={copy.choose}
                error={errors.kind}
                required
              />
            </div>
            <div className="col-12 col-lg-6">
              <SelectField
                id="equipe-organizationId"
                label={copy.organization}
                hint={copy.organizationHint}
                value={values.organizationId}
                onChange={set('organizationId')}
                options={organizationOptions}
                placeholder={copy.choose}
                error={errors.organizationId}
                required
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
  if (first) document.getElementById(`equipe-${first}`)?.focus();
}
