import { Button, Card, CardBody } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { graphql } from '../../gql';
import type { Profession, Role } from '../../gql/graphql';
import { formErrors } from '../../graphql/errors';
import { labelOptions, professionLabels, roleLabels } from '../../i18n/enums';
import { adminCopy } from './copy';

const copy = adminCopy.createUser;
const MIN_PASSWORD_CHARS = 12;

export const organizationChoicesQuery = graphql(`
  query OrganizationChoices {
    organizations(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

export const createUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      email
      displayName
    }
  }
`);

// A constant: urql restarts a query whose context is a new object, on every render.
const organizationsContext = { additionalTypenames: ['Organization'] };

const FIELDS = ['email', 'displayName', 'password', 'role', 'profession', 'organizationId'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

const empty: Values = { email: '', displayName: '', password: '', role: 'OPERATOR', profession: '', organizationId: '' };

/** The local rule checked as the user types: the password's length. */
export function passwordProblem(password: string): string | undefined {
  const length = [...password].length;
  return length > 0 && length < MIN_PASSWORD_CHARS ? copy.passwordTooShort(length) : undefined;
}

export function CreateUserForm() {
  const [values, setValues] = useState<Values>(empty);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string }>();
  const [{ fetching }, createUser] = useMutation(createUserMutation);
  const [organizations] = useQuery({ query: organizationChoicesQuery, context: organizationsContext });
  const organizationOptions = (organizations.data?.organizations.nodes ?? []).map((o) => [o.id, o.name] as const);

  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: field === 'password' ? passwordProblem(value) : undefined }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(undefined);
    const local: Partial<Record<Field, string>> = {};
    for (const field of FIELDS) if (!values[field].trim()) local[field] = copy.missing[field];
    local.password ??= passwordProblem(values.password);
    if (Object.values(local).some(Boolean)) {
      setErrors(local);
      focusFirstError(local);
      return;
    }
    const result = await createUser({
      input: {
        email: values.email.trim(),
        displayName: values.displayName.trim(),
        password: values.password,
        role: values.role as Role,
        profession: values.profession as Profession,
        organizationId: values.organizationId,
      },
    });
    if (result.data) {
      const user = result.data.createUser;
      setValues(empty);
      setErrors({});
      setMessage({ kind: 'success', text: copy.created(user.displayName, user.email) });
    } else if (result.error) {
      const mapped = formErrors(result.error, FIELDS);
      setErrors(mapped.fields);
      if (mapped.general) setMessage({ kind: 'error', text: mapped.general });
      focusFirstError(mapped.fields);
    }
  }

  return (
    <Card tag="div" className="ponte-card shadow-sm rounded">
      <CardBody>
        <h2 id="nuovo-utente-titolo" className="h4">
          {copy.heading}
        </h2>
        <p>{copy.intro}</p>
        <div aria-live="polite">{message && <FormMessage kind={message.kind}>{message.text}</FormMessage>}</div>
        <form onSubmit={submit} noValidate aria-labelledby="nuovo-utente-titolo">
          <div className="row">
            <div className="col-12 col-lg-6">
              <TextField
                id="utente-email"
                label={copy.email}
                type="email"
                autoComplete="off"
                value={values.email}
                onChange={set('email')}
                error={errors.email}
                required
              />
            </div>
            <div className="col-12 col-lg-6">
              <TextField
                id="utente-displayName"
                label={copy.displayName}
                hint={copy.displayNameHint}
                value={values.displayName}
                onChange={set('displayName')}
                error={errors.displayName}
                required
              />
            </div>
            <div className="col-12 col-lg-6">
              <TextField
                id="utente-password"
                label={copy.password}
                hint={copy.passwordHint}
                type="password"
                autoComplete="new-password"
                value={values.password}
                onChange={set('password')}
                error={errors.password}
                required
              />
            </div>
            <div className="col-12 col-lg-6">
              <SelectField
                id="utente-role"
                label={copy.role}
                value={values.role}
                onChange={set('role')}
                options={labelOptions(roleLabels)}
                error={errors.role}
                required
              />
            </div>
            <div className="col-12 col-lg-6">
              <SelectField
                id="utente-profession"
                label={copy.profession}
                value={values.profession}
                onChange={set('profession')}
                options={labelOptions(professionLabels)}
                placeholder={copy.choose}
                error={errors.profession}
                required
              />
            </div>
            <div className="col-12 col-lg-6">
              <SelectField
                id="utente-organizationId"
                label={copy.organization}
                value={values.organizationId}
                onChange={set('organizationId')}
                options={organizationOptions}
                placeholder={copy.choose}
                hint={organizations.data && organizationOptions.length === 0 ? copy.noOrganizations : undefined}
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
  if (first) document.getElementById(`utente-${first}`)?.focus();
}
