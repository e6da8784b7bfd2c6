import { Button, Card, CardBody } from 'design-react-kit';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import { CheckboxField } from '../../components/CheckboxField';
import { FormMessage } from '../../components/FormMessage';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import {
  checkFiscalCode,
  fiscalCodeMismatch,
  fiscalCodeProblemWhileTyping,
  isProvisionalCode,
  isStpEniCode,
  normalizeFiscalCode,
  suggestedBirthDate,
} from '../../domain/fiscalCode';
import { graphql } from '../../gql';
import type { FiscalCodeMissingReason, ReferralSource, Sex, TargetGroup, Urgency } from '../../gql/graphql';
import { errorMessage, findCode, formErrors } from '../../graphql/errors';
import {
  fiscalCodeMissingReasonLabels,
  labelOptions,
  referralSourceLabels,
  sexLabels,
  targetGroupLabels,
  teamKindLabels,
  urgencyLabels,
} from '../../i18n/enums';
import { formatDate, todayIso } from '../../i18n/format';
import { commonCopy } from '../../i18n/it';
import { paths, pathTo } from '../../routes';
import { navigate } from '../../router/router';
import { newPersonCopy as copy } from './copy';
import { personName } from '../../i18n/names';

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

/**
 * Is this codice fiscale someone the viewer already follows? `persons` only
 * returns those the viewer may see, so a match is a record they may open.
 */
export const fiscalCodeOwnerQuery = graphql(`
  query FiscalCodeOwner($fiscalCode: String!) {
    persons(search: $fiscalCode, first: 1) {
      nodes {
        id
        givenName
        familyName
        fiscalCode
      }
    }
  }
`);

const FIELDS = [
  'familyName',
  'givenName',
  'birthDate',
  'sex',
  'birthPlace',
  'fiscalCode',
  'fiscalCodeMissingReason',
  'alternativeCode',
  'residence',
  'homeless',
  'domicile',
  'phone',
  'email',
  'language',
  'targetGroups',
  'teamId',
  'referralSource',
  'urgency',
  'referralReason',
] as const;
type Field = (typeof FIELDS)[number];
type Errors = Partial<Record<Field, string>>;

interface Values {
  familyName: string;
  givenName: string;
  birthDate: string;
  sex: Sex | '';
  birthPlace: string;
  fiscalCode: string;
  withoutFiscalCode: boolean;
  fiscalCodeMissingReason: FiscalCodeMissingReason | '';
  alternativeCode: string;
  residence: string;
  homeless: boolean;
  domicile: string;
  phone: string;
  email: string;
  language: string;
  targetGroups: TargetGroup[];
  teamId: string;
  referralSource: ReferralSource;
  urgency: Urgency;
  referralReason: string;
}

const empty: Values = {
  familyName: '',
  givenName: '',
  birthDate: '',
  sex: '',
  birthPlace: '',
  fiscalCode: '',
  withoutFiscalCode: false,
  fiscalCodeMissingReason: '',
  alternativeCode: '',
  residence: '',
  homeless: false,
  domicile: '',
  phone: '',
  email: '',
  language: '',
  targetGroups: [],
  teamId: '',
  referralSource: 'SERVICE',
  urgency: 'ORDINARY',
  referralReason: '',
};

/**
 * What the codice fiscale field says as the user types: a problem once the
 * code can no longer become valid, the decoded birth date and sex once it is
 * complete, and a disagreement with the birth date or sex entered.
 */
export function fiscalCodeFeedback(values: Pick<Values, 'fiscalCode' | 'birthDate' | 'sex'>): {
  error?: string;
  hint: string;
} {
  const typed = normalizeFiscalCode(values.fiscalCode);
  const problem = fiscalCodeProblemWhileTyping(typed);
  if (problem) return { error: copy.fiscalCodeProblems[problem], hint: copy.fiscalCodeHint };
  const check = checkFiscalCode(typed);
  if (!check.ok) return { hint: typed ? `${copy.fiscalCodeHint} ${copy.fiscalCodeTyping([...typed].length)}` : copy.fiscalCodeHint };
  const date = formatDate(suggestedBirthDate(check.birth));
  const sex = sexLabels[check.birth.sex].toLowerCase();
  const hint = copy.fiscalCodeValid(date, sex);
  const mismatch = fiscalCodeMismatch(check.birth, values.birthDate, values.sex);
  if (mismatch === 'birthDate') return { error: copy.birthDateMismatch(date), hint };
  if (mismatch === 'sex') return { error: copy.sexMismatch(sex), hint };
  return { hint };
}

/**
 * What the codice fiscale field says when the code is already registered:
 * whose record it is, with a link, when the viewer follows that person;
 * otherwise (the server refused it) that it exists, with a search to try.
 */
function useDuplicateNotice(fiscalCode: string, conflictOn: string): ReactNode {
  const [{ data }] = useQuery({ query: fiscalCodeOwnerQuery, variables: { fiscalCode }, pause: !fiscalCode });
  if (!fiscalCode) return undefined;
  const owner = data?.persons.nodes.find((p) => p.fiscalCode?.toUpperCase() === fiscalCode);
  if (owner) {
    return (
      <>
        {copy.alreadyRegistered(personName(owner, 'text'))} <a href={pathTo.person(owner.id)}>{copy.openRecord}</a>
      </>
    );
  }
  if (conflictOn !== fiscalCode) return undefined;
  return (
    <>
      {copy.alreadyRegisteredElsewhere} <a href={pathTo.personsSearch(fiscalCode)}>{copy.searchRecord}</a>
    </>
  );
}

function alternativeCodeProblem(reason: FiscalCodeMissingReason | '', code: string): string | undefined {
  if (reason === 'STP' || reason === 'ENI') return isStpEniCode(code, reason) ? undefined : copy.alternativeCodeInvalid[reason];
  if (reason === 'PROVISIONAL') return isProvisionalCode(code) ? undefined : copy.alternativeCodeInvalid.PROVISIONAL;
  return undefined;
}

/** Nuova persona: identity, codice fiscale checked as it is typed, contacts, needs and the first referral. */
export function NewPersonPage() {
  const [teams] = useQuery({ query: myTeamsQuery });
  const [values, setValues] = useState<Values>(empty);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string>();
  // The codice fiscale the server refused as already registered (a person the viewer may not see).
  const [conflictOn, setConflictOn] = useState('');
  const [{ fetching }, createPerson] = useMutation(createPersonMutation);

  const myTeams = teams.data?.teams.nodes ?? [];
  // With one team only, it is the one.
  const teamId = values.teamId || (myTeams.length === 1 ? myTeams[0].id : '');

  function set<K extends keyof Values>(field: K, value: Values[K]) {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  }

  const decoded = values.withoutFiscalCode ? undefined : checkFiscalCode(values.fiscalCode);
  const duplicate = useDuplicateNotice(decoded?.ok ? normalizeFiscalCode(values.fiscalCode) : '', conflictOn);
  // A code already registered is not "valido" for a new person: the field says whose it is instead.
  const feedback = values.withoutFiscalCode || duplicate ? { hint: copy.fiscalCodeHint } : fiscalCodeFeedback(values);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(undefined);
    const local: Errors = {};
    if (!values.familyName.trim()) local.familyName = copy.missing.familyName;
    if (!values.givenName.trim()) local.givenName = copy.missing.givenName;
    if (!values.birthDate) local.birthDate = copy.missing.birthDate;
    if (!values.sex) local.sex = copy.missing.sex;
    if (values.withoutFiscalCode) {
      if (!values.fiscalCodeMissingReason) local.fiscalCodeMissingReason = copy.missing.fiscalCodeMissingReason;
      else local.alternativeCode = alternativeCodeProblem(values.fiscalCodeMissingReason, values.alternativeCode);
    } else if (!values.fiscalCode.trim()) {
      local.fiscalCode = copy.missing.fiscalCode;
    } else if (duplicate) {
      // The notice with its link is already at the field: only move there.
      focusFirstError({ fiscalCode: 'duplicate' });
      return;
    } else {
      const check = checkFiscalCode(values.fiscalCode);
      local.fiscalCode = check.ok ? feedback.error : copy.fiscalCodeProblems[check.problem];
    }
    if (!teamId) local.teamId = copy.missing.teamId;
    if (Object.values(local).some(Boolean)) {
      setErrors(local);
      focusFirstError(local);
      return;
    }
    const text = (s: string) => s.trim() || null;
    const reason = values.fiscalCodeMissingReason || null;
    const result = await createPerson({
      input: {
        fiscalCode: values.withoutFiscalCode ? null : normalizeFiscalCode(values.fiscalCode),
        fiscalCodeMissingReason: values.withoutFiscalCode ? reason : null,
        alternativeCode: values.withoutFiscalCode && reason !== 'NOT_ASSIGNED' ? text(values.alternativeCode.toUpperCase()) : null,
        givenName: values.givenName.trim(),
        familyName: values.familyName.trim(),
        birthDate: values.birthDate,
        sex: values.sex as Sex,
        birthPlace: text(values.birthPlace),
        residence: text(values.residence),
        homeless: values.homeless,
        domicile: text(values.domicile),
        phone: text(values.phone),
        email: text(values.email),
        language: text(values.language),
        targetGroups: values.targetGroups,
        teamId,
        referralSource: values.referralSource,
        referralReason: text(values.referralReason),
        urgency: values.urgency,
      },
    });
    if (result.data) {
      navigate(`${pathTo.person(result.data.createPerson.id)}?registrata=1`);
    } else if (!values.withoutFiscalCode && findCode(result.error, 'CONFLICT')) {
      // createPerson's only conflict is a codice fiscale already registered: said at the field.
      setConflictOn(normalizeFiscalCode(values.fiscalCode));
      focusFirstError({ fiscalCode: 'duplicate' });
    } else {
      const mapped = result.error ? formErrors(result.error, FIELDS) : { fields: {}, general: commonCopy.genericError };
      setErrors(mapped.fields);
      setMessage(mapped.general);
      focusFirstError(mapped.fields);
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
              <fieldset className="ponte-fieldset">
                <legend className="h4">{copy.sections.identity}</legend>
                <div className="row">
                  <div className="col-12 col-lg-6">
                    <TextField
                      id="persona-familyName"
                      label={copy.familyName}
                      autoComplete="off"
                      value={values.familyName}
                      onChange={(v) => set('familyName', v)}
                      error={errors.familyName}
                      required
                    />
                  </div>
                  <div className="col-12 col-lg-6">
                    <TextField
                      id="persona-givenName"
                      label={copy.givenName}
                      autoComplete="off"
                      value={values.givenName}
                      onChange={(v) => set('givenName', v)}
                      error={errors.givenName}
                      required
                    />
                  </div>
                  <div className="col-12 col-md-6 col-lg-4">
                    <TextField
                      id="persona-birthDate"
                      label={copy.birthDate}
                      type="date"
                      max={todayIso()}
                      value={values.birthDate}
                      onChange={(v) => set('birthDate', v)}
                      error={errors.birthDate}
                      required
                    />
                  </div>
                  <div className="col-12 col-md-6 col-lg-4">
                    <SelectField
                      id="persona-sex"
                      label={copy.sex}
                      value={values.sex}
                      onChange={(v) => set('sex', v as Sex | '')}
                      options={labelOptions(sexLabels)}
                      placeholder={copy.choose}
                      error={errors.sex}
                      required
                    />
                  </div>
                  <div className="col-12 col-lg-4">
                    <TextField
                      id="persona-birthPlace"
                      label={`${copy.birthPlace} ${commonCopy.optional}`}
                      hint={copy.birthPlaceHint}
                      value={values.birthPlace}
                      onChange={(v) => set('birthPlace', v)}
                      error={errors.birthPlace}
                    />
                  </div>
                </div>
              </fieldset>

              <fieldset className="ponte-fieldset">
                <legend className="h4">{copy.sections.fiscalCode}</legend>
                <div className="row">
                  <div className="col-12 col-lg-6">
                    {!values.withoutFiscalCode && (
                      <TextField
                        id="persona-fiscalCode"
                        label={copy.fiscalCode}
                        hint={feedback.hint}
                        autoComplete="off"
                        spellCheck={false}
                        maxLength={20}
                        className="text-uppercase font-monospace"
                        value={values.fiscalCode}
                        onChange={(v) => set('fiscalCode', v)}
                        error={duplicate ?? errors.fiscalCode ?? feedback.error}
                        required
                      />
                    )}
                    {decoded?.ok && (!values.birthDate || !values.sex) && (
                      <Button
                        type="button"
                        color="primary"
                        outline
                        size="sm"
                        onClick={() => {
                          set('birthDate', suggestedBirthDate(decoded.birth));
                          set('sex', decoded.birth.sex);
                        }}
                      >
                        {copy.fillFromCode}
                      </Button>
                    )}
                    <CheckboxField
                      id="persona-withoutFiscalCode"
                      label={copy.withoutFiscalCode}
                      hint={copy.withoutFiscalCodeHint}
                      checked={values.withoutFiscalCode}
                      onChange={(checked) => {
                        set('withoutFiscalCode', checked);
                        setErrors((e) => ({ ...e, fiscalCode: undefined, fiscalCodeMissingReason: undefined, alternativeCode: undefined }));
                      }}
                    />
                  </div>
                  {values.withoutFiscalCode && (
                    <>
                      <div className="col-12 col-lg-6">
                        <SelectField
                          id="persona-fiscalCodeMissingReason"
                          label={copy.missingReason}
                          value={values.fiscalCodeMissingReason}
                          onChange={(v) => set('fiscalCodeMissingReason', v as FiscalCodeMissingReason | '')}
                          options={labelOptions(fiscalCodeMissingReasonLabels)}
                          placeholder={copy.choose}
                          error={errors.fiscalCodeMissingReason}
                          required
                        />
                      </div>
                      {values.fiscalCodeMissingReason && values.fiscalCodeMissingReason !== 'NOT_ASSIGNED' && (
                        <div className="col-12 col-lg-6">
                          <TextField
                            id="persona-alternativeCode"
                            label={copy.alternativeCode[values.fiscalCodeMissingReason]}
                            hint={copy.alternativeCodeHint[values.fiscalCodeMissingReason]}
                            autoComplete="off"
                            className="text-uppercase font-monospace"
                            value={values.alternativeCode}
                            onChange={(v) => set('alternativeCode', v)}
                            onBlur={() =>
                              setErrors((e) => ({
                                ...e,
                                alternativeCode: values.alternativeCode
                                  ? alternativeCodeProblem(values.fiscalCodeMissingReason, values.alternativeCode)
                                  : undefined,
                              }))
                            }
                            error={errors.alternativeCode}
                            required
                          />
                        </div>
                      )}
                    </>
                  )}
                </div>
              </fieldset>

              <fieldset className="ponte-fieldset">
                <legend className="h4">{copy.sections.contacts}</legend>
                <div className="row">
                  <div className="col-12 col-lg-6">
                    <TextField
                      id="persona-residence"
                      label={`${copy.residence} ${commonCopy.optional}`}
                      hint={copy.residenceHint}
                      value={values.residence}
                      onChange={(v) => set('residence', v)}
                      error={errors.residence}
                    />
                    <CheckboxField
                      id="persona-homeless"
                      label={copy.homeless}
                      checked={values.homeless}
                      onChange={(checked) => set('homeless', checked)}
                    />
                  </div>
                  <div className="col-12 col-lg-6">
                    <TextField
                      id="persona-domicile"
                      label={`${copy.domicile} ${commonCopy.optional}`}
                      value={values.domicile}
                      onChange={(v) => set('domicile', v)}
                      error={errors.domicile}
                    />
                  </div>
                  <div className="col-12 col-md-6 col-lg-4">
                    <TextField
                      id="persona-phone"
                      label={`${copy.phone} ${commonCopy.optional}`}
                      type="tel"
                      value={values.phone}
                      onChange={(v) => set('phone', v)}
                      error={errors.phone}
                    />
                  </div>
                  <div className="col-12 col-md-6 col-lg-4">
                    <TextField
                      id="persona-email"
                      label={`${copy.email} ${commonCopy.optional}`}
                      type="email"
                      value={values.email}
                      onChange={(v) => set('email', v)}
                      error={errors.email}
                    />
                  </div>
                  <div className="col-12 col-lg-4">
                    <TextField
                      id="persona-language"
                      label={`${copy.language} ${commonCopy.optional}`}
                      value={values.language}
                      onChange={(v) => set('language', v)}
                      error={errors.language}
                    />
                  </div>
                </div>
              </fieldset>

              <fieldset
                className="ponte-fieldset"
                id="persona-targetGroups"
                tabIndex={-1}
                aria-describedby={errors.targetGroups ? 'persona-targetGroups-errore' : undefined}
              >
                <legend className="h4">{copy.sections.targetGroups}</legend>
                <div className="row">
                  {labelOptions(targetGroupLabels).map(([group, label]) => (
                    <div key={group} className="col-12 col-md-6 col-lg-4">
                      <CheckboxField
                        id={`persona-gruppo-${group}`}
                        label={label}
                        checked={values.targetGroups.includes(group)}
                        onChange={(checked) =>
                          set('targetGroups', checked ? [...values.targetGroups, group] : values.targetGroups.filter((g) => g !== group))
                        }
                      />
                    </div>
                  ))}
                </div>
                {errors.targetGroups && (
                  <div id="persona-targetGroups-errore" className="invalid-feedback d-block">
                    {errors.targetGroups}
                  </div>
                )}
              </fieldset>

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
