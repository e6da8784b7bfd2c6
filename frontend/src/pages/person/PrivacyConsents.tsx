import { Badge, Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { FormMessage } from '../../components/FormMessage';
import { RadioGroup } from '../../components/RadioGroup';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { graphql } from '../../gql';
import type { ConsentKind } from '../../gql/graphql';
import { formErrors } from '../../graphql/errors';
import { consentKindLabels, labelOptions } from '../../i18n/enums';
import { formatDate, todayIso } from '../../i18n/format';
import { commonCopy } from '../../i18n/it';
import { personCopy } from './copy';
import type { PersonRecord } from './PersonPage';
import { ResponsiveTable } from '../../components/ScrollBox';

const copy = personCopy.consents;

export const recordPrivacyConsentMutation = graphql(`
  mutation RecordPrivacyConsent($input: RecordPrivacyConsentInput!) {
    recordPrivacyConsent(input: $input) {
      id
      privacyConsents {
        id
        kind
        granted
        givenOn
        recordedAt
        recordedBy {
          id
          displayName
        }
      }
    }
  }
`);

const FIELDS = ['kind', 'granted', 'givenOn'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

/** The ids of the consents in force: the last recorded of each kind. */
export function consentsInForce(consents: PersonRecord['privacyConsents']): Set<string> {
  const last = new Map<string, string>();
  for (const consent of consents) last.set(consent.kind, consent.id);
  return new Set(last.values());
}

/** Consents and refusals as recorded (oldest first) and a form to record one. */
export function PrivacyConsents({ person }: { person: PersonRecord }) {
  const [values, setValues] = useState<Values>({ kind: '', granted: '', givenOn: todayIso() });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string }>();
  const [{ fetching }, record] = useMutation(recordPrivacyConsentMutation);
  const inForce = consentsInForce(person.privacyConsents);

  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(undefined);
    const local: Partial<Record<Field, string>> = {};
    for (const field of FIELDS) if (!values[field]) local[field] = copy.missing[field];
    if (Object.keys(local).length > 0) {
      setErrors(local);
      focusFirstError(local);
      return;
    }
    const result = await record({
      input: { personId: person.id, kind: values.kind as ConsentKind, granted: values.granted === 'si', givenOn: values.givenOn },
    });
    if (result.data) {
      setMessage({ kind: 'success', text: copy.recorded });
      setValues({ kind: '', granted: '', givenOn: todayIso() });
      setErrors({});
    } else {
      const mapped = result.error ? formErrors(result.error, FIELDS) : { fields: {}, general: commonCopy.genericError };
      setErrors(mapped.fields);
      if (mapped.general) setMessage({ kind: 'error', text: mapped.general });
      focusFirstError(mapped.fields);
    }
  }

  return (
    <section aria-labelledby="scheda-consensi" className="ponte-section">
      <h2 id="scheda-consensi" className="h4">
        {copy.heading}
      </h2>
      <p>{copy.intro}</p>
      {person.privacyConsents.length === 0 ? (
        <p>{copy.none}</p>
      ) : (
        <ResponsiveTable className="ponte-table">
          <caption className="visually-hidden">{copy.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{copy.kind}</th>
              <th scope="col">{copy.outcome}</th>
              <th scope="col">{copy.givenOn}</th>
              <th scope="col">{copy.recordedBy}</th>
            </tr>
          </thead>
          <tbody>
            {person.privacyConsents.map((c) => (
              <tr key={c.id} data-testid="riga-consenso">
                <td>
                  {consentKindLabels[c.kind]}
                  {inForce.has(c.id) && <span className="ponte-muted"> ({copy.inForce})</span>}
                </td>
                <td>
                  <Badge color={c.granted ? 'success' : 'danger'} pill>
                    {c.granted ? copy.granted : copy.refused}
                  </Badge>
                </td>
                <td>{formatDate(c.givenOn)}</td>
                <td>{c.recordedBy?.displayName ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </ResponsiveTable>
      )}

      <h3 id="consenso-form-titolo" className="h5 mt-4">
        {copy.formHeading}
      </h3>
      <div aria-live="polite">{message && <FormMessage kind={message.kind}>{message.text}</FormMessage>}</div>
      <form onSubmit={submit} noValidate aria-labelledby="consenso-form-titolo">
        <div className="row">
          <div className="col-12 col-lg-5">
            <SelectField
              id="consenso-kind"
              label={copy.kind}
              value={values.kind}
              onChange={set('kind')}
              options={labelOptions(consentKindLabels)}
              placeholder={copy.choose}
              error={errors.kind}
              required
            />
          </div>
          <div className="col-12 col-md-6 col-lg-4">
            <RadioGroup
              id="consenso-granted"
              legend={copy.choice}
              value={values.granted}
              onChange={set('granted')}
              options={[
                ['si', copy.granted],
                ['no', copy.refused],
              ]}
              error={errors.granted}
            />
          </div>
          <div className="col-12 col-md-6 col-lg-3">
            <TextField
              id="consenso-givenOn"
              label={copy.givenOn}
              type="date"
              max={todayIso()}
              value={values.givenOn}
              onChange={set('givenOn')}
              error={errors.givenOn}
              required
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
  if (first) document.getElementById(`consenso-${first}`)?.focus();
}
