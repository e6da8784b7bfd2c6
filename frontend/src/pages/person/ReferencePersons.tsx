import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { graphql } from '../../gql';
import type { ReferencePersonKind } from '../../gql/graphql';
import { formErrors } from '../../graphql/errors';
import { labelOptions, referencePersonKindLabels } from '../../i18n/enums';
import { commonCopy } from '../../i18n/it';
import { personCopy } from './copy';
import type { PersonRecord } from './PersonPage';
import { ResponsiveTable } from '../../components/ScrollBox';

const copy = personCopy.referencePersons;

export const addReferencePersonMutation = graphql(`
  mutation AddReferencePerson($input: AddReferencePersonInput!) {
    addReferencePerson(input: $input) {
      id
      referencePersons {
        id
        kind
        fullName
        relationship
        phone
        email
        notes
      }
    }
  }
`);

const FIELDS = ['kind', 'fullName', 'relationship', 'phone', 'email', 'notes'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;
const empty: Values = { kind: '', fullName: '', relationship: '', phone: '', email: '', notes: '' };

/** The caregivers, family members and guardians of a person, and a form to add one. */
export function ReferencePersons({ person }: { person: PersonRecord }) {
  const [values, setValues] = useState<Values>(empty);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string }>();
  const [{ fetching }, add] = useMutation(addReferencePersonMutation);

  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(undefined);
    const local: Partial<Record<Field, string>> = {};
    if (!values.kind) local.kind = copy.missing.kind;
    if (!values.fullName.trim()) local.fullName = copy.missing.fullName;
    if (Object.keys(local).length > 0) {
      setErrors(local);
      focusFirstError(local);
      return;
    }
    const text = (s: string) => s.trim() || null;
    const result = await add({
      input: {
        personId: person.id,
        kind: values.kind as ReferencePersonKind,
        fullName: values.fullName.trim(),
        relationship: text(values.relationship),
        phone: text(values.phone),
        email: text(values.email),
        notes: text(values.notes),
      },
    });
    if (result.data) {
      setMessage({ kind: 'success', text: copy.added(values.fullName.trim()) });
      setValues(empty);
      setErrors({});
    } else {
      const mapped = result.error ? formErrors(result.error, FIELDS) : { fields: {}, general: commonCopy.genericError };
      setErrors(mapped.fields);
      if (mapped.general) setMessage({ kind: 'error', text: mapped.general });
      focusFirstError(mapped.fields);
    }
  }

  return (
    <section aria-labelledby="scheda-riferimento" className="ponte-section">
      <h2 id="scheda-riferimento" className="h4">
        {copy.heading}
      </h2>
      {person.referencePersons.length === 0 ? (
        <p>{copy.none}</p>
      ) : (
        <ResponsiveTable className="ponte-table">
          <caption className="visually-hidden">{copy.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{copy.name}</th>
              <th scope="col">{copy.kind}</th>
              <th scope="col">{copy.relationship}</th>
              <th scope="col">{copy.contacts}</th>
              <th scope="col">{copy.notes}</th>
            </tr>
          </thead>
          <tbody>
            {person.referencePersons.map((r) => (
              <tr key={r.id} data-testid="riga-riferimento">
                <td>
                  <strong>{r.fullName}</strong>
                </td>
                <td>{referencePersonKindLabels[r.kind]}</td>
                <td>{r.relationship ?? '—'}</td>
                <td>{[r.phone, r.email].filter(Boolean).join(' · ') || '—'}</td>
                <td>{r.notes ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </ResponsiveTable>
      )}

      <h3 id="riferimento-form-titolo" className="h5 mt-4">
        {copy.formHeading}
      </h3>
      <div aria-live="polite">{message && <FormMessage kind={message.kind}>{message.text}</FormMessage>}</div>
      <form onSubmit={submit} noValidate aria-labelledby="riferimento-form-titolo">
        <div className="row">
          <div className="col-12 col-md-6 col-lg-4">
            <SelectField
              id="riferimento-kind"
              label={copy.kind}
              value={values.kind}
              onChange={set('kind')}
              options={labelOptions(referencePersonKindLabels)}
              placeholder={copy.choose}
              error={errors.kind}
              required
            />
          </div>
          <div className="col-12 col-md-6 col-lg-4">
            <TextField
              id="riferimento-fullName"
              label={copy.fullName}
              value={values.fullName}
              onChange={set('fullName')}
              error={errors.fullName}
              required
            />
          </div>
          <div className="col-12 col-md-6 col-lg-4">
            <TextField
              id="riferimento-relationship"
              label={`${copy.relationship} ${commonCopy.optional}`}
              hint={copy.relationshipHint}
              value={values.relationship}
              onChange={set('relationship')}
              error={errors.relationship}
            />
          </div>
          <div className="col-12 col-md-6 col-lg-4">
            <TextField
              id="riferimento-phone"
              label={`${personCopy.identity.phone} ${commonCopy.optional}`}
              type="tel"
              value={values.phone}
              onChange={set('phone')}
              error={errors.phone}
            />
          </div>
          <div className="col-12 col-md-6 col-lg-4">
            <TextField
              id="riferimento-email"
              label={`${personCopy.identity.email} ${commonCopy.optional}`}
              type="email"
              value={values.email}
              onChange={set('email')}
              error={errors.email}
            />
          </div>
          <div className="col-12">
            <TextAreaField
              id="riferimento-notes"
              label={`${copy.notes} ${commonCopy.optional}`}
              rows={2}
              value={values.notes}
              onChange={set('notes')}
              error={errors.notes}
            />
          </div>
        </div>
        <Button type="submit" color="primary" outline disabled={fetching}>
          {fetching ? copy.submitting : copy.submit}
        </Button>
      </form>
    </section>
  );
}

function focusFirstError(errors: Partial<Record<Field, string>>) {
  const first = FIELDS.find((f) => errors[f]);
  if (first) document.getElementById(`riferimento-${first}`)?.focus();
}
