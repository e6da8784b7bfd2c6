import { Button, Card, CardBody } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { FormMessage } from '../../components/FormMessage';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { graphql } from '../../gql';
import type { ReferralSource, Urgency } from '../../gql/graphql';
import { errorMessage, findCode, formErrors } from '../../graphql/errors';
import { labelOptions, referralSourceLabels, teamKindLabels, urgencyLabels } from '../../i18n/enums';
import { commonCopy } from '../../i18n/it';
import { paths, pathTo } from '../../routes';
import { navigate } from '../../router/router';
import { newPersonCopy as copy } from './copy';
import { emptyPersonValues, PERSON_FIELDS, PersonFields, usePersonFields, type PersonField } from './PersonFields';

export const myTeamsQuery = graphql(`
  query MyTeams {
    teams(mine: true, first: 100) {
      nodes {
        id
        name
        kind
      }
    }
  }
`);

export const createPersonMutation = graphql(`
  mutation CreatePerson($input: CreatePersonInput!) {
    createPerson(input: $input) {
      id
      givenName
      familyName
    }
  }
`);

const REFERRAL_FIELDS = ['teamId', 'referralSource', 'urgency', 'referralReason'] as const;
type ReferralField = (typeof REFERRAL_FIELDS)[number];
const FIELDS = [...PERSON_FIELDS, ...REFERRAL_FIELDS] as const;
type Field = PersonField | ReferralField;
type Errors = Partial<Record<Field, string>>;

interface Referral {
  teamId: string;
  referralSource: ReferralSource;
  urgency: Urgency;
  referralReason: string;
}

/** Nuova persona: identity, codice fiscale checked as it is typed, contacts, needs and the first referral. */
export function NewPersonPage() {
  const [teams] = useQuery({ query: myTeamsQuery });
  const person = usePersonFields(emptyPersonValues);
  const [values, setValues] = useState<Referral>({ teamId: '', referralSource: 'SERVICE', urgency: 'ORDINARY', referralReason: '' });
  const [errors, setErrors] = useState<Partial<Record<ReferralField, string>>>({});
  const [message, setMessage] = useState<string>();
  const [{ fetching }, createPerson] = useMutation(createPersonMutation);

  const myTeams = teams.data?.teams.nodes ?? [];
  // With one team only, it is the one.
  const teamId = values.teamId || (myTeams.length === 1 ? myTeams[0].id : '');

  function set<K extends keyof Referral>(field: K, value: Referral[K]) {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  }

  /** Shows the errors at their fields, the person's and the referral's, and moves to the first. */
  function show(found: Errors) {
    person.setErrors(Object.fromEntries(PERSON_FIELDS.map((f) => [f, found[f]])));
    setErrors(Object.fromEntries(REFERRAL_FIELDS.map((f) => [f, found[f]])));
    focusFirstError(found);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(undefined);
    const checked = person.problems();
    if (checked.duplicate) {
      // The notice with its link is already at the field: only move there.
      focusFirstError({ fiscalCode: 'duplicate' });
      return;
    }
    const local: Errors = { ...checked.errors };
    if (!teamId) local.teamId = copy.missing.teamId;
    if (Object.values(local).some(Boolean)) {
      show(local);
      return;
    }
    const result = await createPerson({
      input: {
        ...person.input(null),
        teamId,
        referralSource: values.referralSource,
        referralReason: values.referralReason.trim() || null,
        urgency: values.urgency,
      },
    });
    if (result.data) {
      navigate(`${pathTo.person(result.data.createPerson.id)}?registrata=1`);
    } else if (!person.values.withoutFiscalCode && findCode(result.error, 'CONFLICT')) {
      // createPerson's only conflict is a codice fiscale already registered: said at the field.
      person.refuseDuplicate();
      focusFirstError({ fiscalCode: 'duplicate' });
    } else {
      const mapped = result.error ? formErrors(result.error, FIELDS) : { fields: {}, general: commonCopy.genericError };
      show(mapped.fields);
      setMessage(mapped.general);
    }
  }

  if (teams.fetching && !teams.data) return <Loading />;

  return (
    <>
      <PageHeading title={copy.title} />
      <p className="lead">{copy.intro}</p>
      <p>
        <a href={paths.persons}>{copy.back}</a>
      </p>
      {teams.error && <FormMessage kind="error">{errorMessage(teams.error)}</FormMessage>}
      {teams.data && myTeams.length === 0 ? (
        <FormMessage kind="info">{copy.noTeams}</FormMessage>
      ) : (
        <Card tag="div" className="ponte-card shadow-sm rounded">
          <CardBody>
            <div aria-live="polite">{message && <FormMessage kind="error">{message}</FormMessage>}</div>
            <form onSubmit={submit} noValidate aria-label={copy.title}>
              <PersonFields idPrefix="persona" state={person} />

              <fieldset className="ponte-fieldset">
                <legend className="h4">{copy.sections.referral}</legend>
                <div className="row">
                  <div className="col-12 col-lg-6">
                    <SelectField
                      id="persona-teamId"
                      label={copy.team}
                      hint={copy.teamHint}
                      value={teamId}
                      onChange={(v) => set('teamId', v)}
                      options={myTeams.map((t) => [t.id, `${t.name} (${teamKindLabels[t.kind]})`] as const)}
                      placeholder={myTeams.length === 1 ? undefined : copy.choose}
                      error={errors.teamId}
                      required
                    />
                  </div>
                  <div className="col-12 col-md-6 col-lg-3">
                    <SelectField
                      id="persona-referralSource"
                      label={copy.referralSource}
                      value={values.referralSource}
                      onChange={(v) => set('referralSource', v as ReferralSource)}
                      options={labelOptions(referralSourceLabels)}
                      error={errors.referralSource}
                    />
                  </div>
                  <div className="col-12 col-md-6 col-lg-3">
                    <SelectField
                      id="persona-urgency"
                      label={copy.urgency}
                      value={values.urgency}
                      onChange={(v) => set('urgency', v as Urgency)}
                      options={labelOptions(urgencyLabels)}
                      error={errors.urgency}
                    />
                  </div>
                  <div className="col-12">
                    <TextAreaField
                      id="persona-referralReason"
                      label={`${copy.referralReason} ${commonCopy.optional}`}
                      value={values.referralReason}
                      onChange={(v) => set('referralReason', v)}
                      error={errors.referralReason}
                    />
                  </div>
                </div>
              </fieldset>

              <Button type="submit" color="primary" disabled={fetching}>
                {fetching ? copy.submitting : copy.submit}
              </Button>
            </form>
          </CardBody>
        </Card>
      )}
    </>
  );
}

function focusFirstError(errors: Errors) {
  const first = FIELDS.find((f) => errors[f]);
  if (first) document.getElementById(`persona-${first}`)?.focus();
}
