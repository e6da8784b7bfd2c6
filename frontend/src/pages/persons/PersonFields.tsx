import { Button } from 'design-react-kit';
import { useState, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { CheckboxField } from '../../components/CheckboxField';
import { SelectField } from '../../components/SelectField';
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
import type { FiscalCodeMissingReason, Sex, TargetGroup } from '../../gql/graphql';
import { fiscalCodeMissingReasonLabels, labelOptions, sexLabels, targetGroupLabels } from '../../i18n/enums';
import { formatDate, todayIso } from '../../i18n/format';
import { commonCopy } from '../../i18n/it';
import { personName } from '../../i18n/names';
import { pathTo } from '../../routes';
import { newPersonCopy as copy } from './copy';

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

/** The fields of a person's identity, codice fiscale, residence, contacts and needs, in the order of the form. */
export const PERSON_FIELDS = [
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
  'residenceComuneId',
  'domicile',
  'phone',
  'email',
  'language',
  'targetGroups',
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];
export type PersonErrors = Partial<Record<PersonField, string>>;

export interface PersonValues {
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
  residenceComuneId: string;
  domicile: string;
  phone: string;
  email: string;
  language: string;
  targetGroups: TargetGroup[];
}

export const emptyPersonValues: PersonValues = {
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
  residenceComuneId: '',
  domicile: '',
  phone: '',
  email: '',
  language: '',
  targetGroups: [],
};

/**
 * What the codice fiscale field says as the user types: a problem once the
 * code can no longer become valid, the decoded birth date and sex once it is
 * complete, and a disagreement with the birth date or sex entered.
 */
export function fiscalCodeFeedback(values: Pick<PersonValues, 'fiscalCode' | 'birthDate' | 'sex'>): {
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
 * What the codice fiscale field says when the code is already registered to
 * someone else than `ownId` (the person being corrected): whose record it
 * is, with a link, when the viewer follows that person; otherwise (the
 * server refused it) that it exists, with a search to try.
 */
function useDuplicateNotice(fiscalCode: string, conflictOn: string, ownId?: string): ReactNode {
  const [{ data }] = useQuery({ query: fiscalCodeOwnerQuery, variables: { fiscalCode }, pause: !fiscalCode });
  if (!fiscalCode) return undefined;
  const owner = data?.persons.nodes.find((p) => p.fiscalCode?.toUpperCase() === fiscalCode && p.id !== ownId);
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

/**
 * The state of a person's fields, for "Nuova persona" and for a correction
 * of the record (`ownId`: its own codice fiscale is no duplicate): values,
 * errors by field, the codice fiscale checked as typed against the birth
 * date and sex, and whether it is already someone else's.
 */
export function usePersonFields(initial: PersonValues, ownId?: string) {
  const [values, setValues] = useState<PersonValues>(initial);
  const [errors, setErrors] = useState<PersonErrors>({});
  // The codice fiscale the server refused as already registered (a person the viewer may not see).
  const [conflictOn, setConflictOn] = useState('');

  function set<K extends keyof PersonValues>(field: K, value: PersonValues[K]) {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  }

  const decoded = values.withoutFiscalCode ? undefined : checkFiscalCode(values.fiscalCode);
  const duplicate = useDuplicateNotice(decoded?.ok ? normalizeFiscalCode(values.fiscalCode) : '', conflictOn, ownId);
  // A code already registered is not "valido": the field says whose it is instead.
  const feedback = values.withoutFiscalCode || duplicate ? { hint: copy.fiscalCodeHint } : fiscalCodeFeedback(values);

  /**
   * The problems the browser finds; `duplicate` when the code is someone
   * else's (the notice with its link is already at the field).
   */
  function problems(): { errors: PersonErrors; duplicate: boolean } {
    const local: PersonErrors = {};
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
      return { errors: {}, duplicate: true };
    } else {
      const check = checkFiscalCode(values.fiscalCode);
      local.fiscalCode = check.ok ? feedback.error : copy.fiscalCodeProblems[check.problem];
    }
    return { errors: Object.fromEntries(Object.entries(local).filter(([, v]) => v)), duplicate: false };
  }

  /**
   * The values as the API takes them; an optional text left empty is
   * `empty` (null on creation, '' to clear it in a correction).
   */
  function input(empty: '' | null) {
    const text = (s: string) => s.trim() || empty;
    const reason = values.fiscalCodeMissingReason || null;
    return {
      fiscalCode: values.withoutFiscalCode ? null : normalizeFiscalCode(values.fiscalCode),
      fiscalCodeMissingReason: values.withoutFiscalCode ? reason : null,
      alternativeCode: values.withoutFiscalCode && reason !== 'NOT_ASSIGNED' ? values.alternativeCode.trim().toUpperCase() || null : null,
      givenName: values.givenName.trim(),
      familyName: values.familyName.trim(),
      birthDate: values.birthDate,
      sex: values.sex as Sex,
      birthPlace: text(values.birthPlace),
      residence: text(values.residence),
      homeless: values.homeless,
      residenceComuneId: values.residenceComuneId || null,
      domicile: text(values.domicile),
      phone: text(values.phone),
      email: text(values.email),
      language: text(values.language),
      targetGroups: values.targetGroups,
    };
  }

  return {
    values,
    errors,
    setErrors,
    set,
    decoded,
    duplicate,
    feedback,
    problems,
    input,
    /** The server said the code is already registered: the field says so. */
    refuseDuplicate: () => setConflictOn(normalizeFiscalCode(values.fiscalCode)),
  };
}

/** The Comune of residence, where the form offers it: the Comuni, and the empty choice when there may be none. */
export interface ComuneChoice {
  options: ReadonlyArray<readonly [id: string, name: string]>;
  placeholder?: string;
}

/**
 * A person's fields, as "Nuova persona" asks them and a correction of the
 * record shows them again: identity, codice fiscale (or why it is missing),
 * residence and contacts, needs. Field ids are `${idPrefix}-${field}`.
 */
export function PersonFields({
  idPrefix,
  state,
  comune,
}: {
  idPrefix: string;
  state: ReturnType<typeof usePersonFields>;
  comune?: ComuneChoice;
}) {
  const { values, errors, set, setErrors, decoded, duplicate, feedback } = state;
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <>
      <fieldset className="ponte-fieldset">
        <legend className="h4">{copy.sections.identity}</legend>
        <div className="row">
          <div className="col-12 col-lg-6">
            <TextField
              id={id('familyName')}
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
              id={id('givenName')}
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
              id={id('birthDate')}
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
              id={id('sex')}
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
              id={id('birthPlace')}
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
                id={id('fiscalCode')}
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
              id={id('withoutFiscalCode')}
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
                  id={id('fiscalCodeMissingReason')}
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
                    id={id('alternativeCode')}
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
              id={id('residence')}
              label={`${copy.residence} ${commonCopy.optional}`}
              hint={copy.residenceHint}
              value={values.residence}
              onChange={(v) => set('residence', v)}
              error={errors.residence}
            />
            <CheckboxField
              id={id('homeless')}
              label={copy.homeless}
              checked={values.homeless}
              onChange={(checked) => set('homeless', checked)}
              error={errors.homeless}
            />
          </div>
          {comune && (
            <div className="col-12 col-lg-6">
              <SelectField
                id={id('residenceComuneId')}
                label={comune.placeholder === undefined ? copy.residenceComune : `${copy.residenceComune} ${commonCopy.optional}`}
                hint={copy.residenceComuneHint}
                value={values.residenceComuneId}
                onChange={(v) => set('residenceComuneId', v)}
                options={comune.options}
                placeholder={comune.placeholder}
                error={errors.residenceComuneId}
              />
            </div>
          )}
          <div className="col-12 col-lg-6">
            <TextField
              id={id('domicile')}
              label={`${copy.domicile} ${commonCopy.optional}`}
              value={values.domicile}
              onChange={(v) => set('domicile', v)}
              error={errors.domicile}
            />
          </div>
          <div className="col-12 col-md-6 col-lg-4">
            <TextField
              id={id('phone')}
              label={`${copy.phone} ${commonCopy.optional}`}
              type="tel"
              value={values.phone}
              onChange={(v) => set('phone', v)}
              error={errors.phone}
            />
          </div>
          <div className="col-12 col-md-6 col-lg-4">
            <TextField
              id={id('email')}
              label={`${copy.email} ${commonCopy.optional}`}
              type="email"
              value={values.email}
              onChange={(v) => set('email', v)}
              error={errors.email}
            />
          </div>
          <div className="col-12 col-lg-4">
            <TextField
              id={id('language')}
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
        id={id('targetGroups')}
        tabIndex={-1}
        aria-describedby={errors.targetGroups ? id('targetGroups-errore') : undefined}
      >
        <legend className="h4">{copy.sections.targetGroups}</legend>
        <div className="row">
          {labelOptions(targetGroupLabels).map(([group, label]) => (
            <div key={group} className="col-12 col-md-6 col-lg-4">
              <CheckboxField
                id={id(`gruppo-${group}`)}
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
          <div id={id('targetGroups-errore')} className="invalid-feedback d-block">
            {errors.targetGroups}
          </div>
        )}
      </fieldset>
    </>
  );
}
