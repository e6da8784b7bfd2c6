import { Button, Card, CardBody } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { CheckboxField } from '../../components/CheckboxField';
import { FormFeedback } from '../../components/FormFeedback';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroup } from '../../components/RadioGroup';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useForm } from '../../components/useForm';
import { checkFiscalCode, normalizeFiscalCode, suggestedBirthDate } from '../../domain/fiscalCode';
import { graphql } from '../../gql';
import type { FiscalCodeMissingReason, Sex } from '../../gql/graphql';
import { fiscalCodeMissingReasonLabels, labelOptions, sexLabels, teamKindLabels } from '../../i18n/enums';
import { formatDate, todayIso } from '../../i18n/format';
import { commonCopy } from '../../i18n/it';
import { paths, pathTo } from '../../routes';
import { navigate } from '../../router/router';
import { useViewer } from '../../session/session';
import { newPersonCopy } from '../persons/copy';
import { fiscalCodeFeedback } from '../persons/PersonFields';
import { newDischargeCopy as copy } from './copy';
import { personName } from '../../i18n/names';

export const dischargeChoicesQuery = graphql(`
  query DischargeChoices {
    organizations(kind: OSPEDALE, first: 100) {
      nodes {
        id
        name
      }
    }
    teams(first: 100) {
      nodes {
        id
        name
        kind
      }
    }
  }
`);

export const dischargePersonSearchQuery = graphql(`
  query DischargePersonSearch($search: String) {
    persons(first: 10, search: $search) {
      totalCount
      nodes {
        id
        givenName
        familyName
        fiscalCode
        birthDate
      }
    }
  }
`);

export const reportDischargeMutation = graphql(`
  mutation ReportDischarge($input: ReportDischargeInput!) {
    reportDischarge(input: $input) {
      id
    }
  }
`);

const FIELDS = [
  'personId',
  'familyName',
  'givenName',
  'birthDate',
  'sex',
  'fiscalCode',
  'fiscalCodeMissingReason',
  'alternativeCode',
  'birthPlace',
  'residence',
  'phone',
  'hospitalId',
  'ward',
  'admittedOn',
  'expectedDischargeOn',
  'teamId',
  'needs',
  'notes',
] as const;

const RECEIVING_KINDS = ['PUA', 'UVM'];

/** Segnala una dimissione protetta: an existing person or a new patient, the stay, the receiving team, the needs. */
export function NewDischargePage() {
  const viewer = useViewer();
  const [choices] = useQuery({ query: dischargeChoicesQuery });
  const [mode, setMode] = useState<'existing' | 'new'>('new');
  const [withoutFiscalCode, setWithoutFiscalCode] = useState(false);
  const [searchDraft, setSearchDraft] = useState('');
  const [search, setSearch] = useState<string>();
  const [persons] = useQuery({ query: dischargePersonSearchQuery, variables: { search: search || null }, pause: search === undefined });
  const form = useForm('dimissione', FIELDS, {
    personId: '',
    familyName: '',
    givenName: '',
    birthDate: '',
    sex: '',
    fiscalCode: '',
    fiscalCodeMissingReason: '',
    alternativeCode: '',
    birthPlace: '',
    residence: '',
    phone: '',
    hospitalId: '',
    ward: '',
    admittedOn: todayIso(),
    expectedDischargeOn: '',
    teamId: '',
    needs: '',
    notes: '',
  });
  const [{ fetching }, report] = useMutation(reportDischargeMutation);
  const v = form.values;

  const hospitals = choices.data?.organizations.nodes ?? [];
  const teams = (choices.data?.teams.nodes ?? []).filter((t) => RECEIVING_KINDS.includes(t.kind));
  // The ward's own hospital comes first choice.
  const hospitalId =
    v.hospitalId ||
    (hospitals.some((h) => h.id === viewer.organization?.id)
      ? (viewer.organization?.id ?? '')
      : hospitals.length === 1
        ? hospitals[0].id
        : '');
  const feedback =
    mode === 'new' && !withoutFiscalCode
      ? fiscalCodeFeedback({ fiscalCode: v.fiscalCode, birthDate: v.birthDate, sex: v.sex as Sex | '' })
      : undefined;
  const decoded = mode === 'new' && !withoutFiscalCode ? checkFiscalCode(v.fiscalCode) : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const m = copy.missing;
    const problems: Partial<Record<(typeof FIELDS)[number], string>> = {
      hospitalId: hospitalId ? undefined : m.hospitalId,
      ward: v.ward.trim() ? undefined : m.ward,
      admittedOn: v.admittedOn ? undefined : m.admittedOn,
      expectedDischargeOn: !v.expectedDischargeOn
        ? m.expectedDischargeOn
        : v.admittedOn && v.expectedDischargeOn < v.admittedOn
          ? copy.expectedBeforeAdmission
          : undefined,
      teamId: v.teamId ? undefined : m.teamId,
    };
    if (mode === 'existing') problems.personId = v.personId ? undefined : m.personId;
    else {
      problems.familyName = v.familyName.trim() ? undefined : m.familyName;
      problems.givenName = v.givenName.trim() ? undefined : m.givenName;
      problems.birthDate = v.birthDate ? undefined : m.birthDate;
      problems.sex = v.sex ? undefined : m.sex;
      if (withoutFiscalCode) problems.fiscalCodeMissingReason = v.fiscalCodeMissingReason ? undefined : m.fiscalCodeMissingReason;
      else if (!v.fiscalCode.trim()) problems.fiscalCode = m.fiscalCode;
      else {
        const check = checkFiscalCode(v.fiscalCode);
        problems.fiscalCode = check.ok ? feedback?.error : newPersonCopy.fiscalCodeProblems[check.problem];
      }
    }
    if (!form.check(problems)) return;
    const text = (s: string) => s.trim() || null;
    const result = await report({
      input: {
        personId: mode === 'existing' ? v.personId : null,
        patient:
          mode === 'new'
            ? {
                familyName: v.familyName.trim(),
                givenName: v.givenName.trim(),
                birthDate: v.birthDate,
                sex: v.sex as Sex,
                fiscalCode: withoutFiscalCode ? null : normalizeFiscalCode(v.fiscalCode),
                fiscalCodeMissingReason: withoutFiscalCode ? (v.fiscalCodeMissingReason as FiscalCodeMissingReason) : null,
                alternativeCode:
                  withoutFiscalCode && v.fiscalCodeMissingReason !== 'NOT_ASSIGNED' ? text(v.alternativeCode.toUpperCase()) : null,
                birthPlace: text(v.birthPlace),
                residence: text(v.residence),
                phone: text(v.phone),
              }
            : null,
        hospitalId,
        ward: v.ward.trim(),
        admittedOn: v.admittedOn,
        expectedDischargeOn: v.expectedDischargeOn,
        teamId: v.teamId,
        needs: text(v.needs),
        notes: text(v.notes),
      },
    });
    if (result.data) navigate(`${pathTo.discharge(result.data.reportDischarge.id)}?segnalata=1`);
    else form.fail(result.error);
  }

  const found = persons.data?.persons.nodes ?? [];

  return (
    <>
      <PageHeading title={copy.title} />
      <p className="lead">{copy.intro}</p>
      <p>
        <a href={paths.discharges}>{copy.back}</a>
      </p>
      <Card tag="div" className="ponte-card shadow-sm rounded">
        <CardBody>
          <FormFeedback message={form.message} />
          <form onSubmit={submit} noValidate aria-label={copy.title}>
            <fieldset className="ponte-fieldset">
              <legend className="h4">{copy.sections.patient}</legend>
              <RadioGroup
                id="dimissione-modo"
                legend={copy.patientMode}
                value={mode}
                onChange={(value) => setMode(value as 'existing' | 'new')}
                options={[
                  ['new', copy.modes.new],
                  ['existing', copy.modes.existing],
                ]}
              />
              {mode === 'existing' ? (
                <div className="row align-items-start">
                  <div className="col-12 col-md-7 col-lg-6">
                    <TextField
                      id="dimissione-cerca"
                      label={copy.search}
                      type="search"
                      value={searchDraft}
                      onChange={setSearchDraft}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') {
                          e.preventDefault();
                          setSearch(searchDraft.trim());
                        }
                      }}
                    />
                  </div>
                  <div className="col-auto ponte-field">
                    <Button type="button" color="primary" outline onClick={() => setSearch(searchDraft.trim())}>
                      {copy.searchButton}
                    </Button>
                  </div>
                  <div className="col-12">
                    {persons.data && found.length === 0 && <p>{search ? copy.noResults : copy.noPersons}</p>}
                    {found.length > 0 && (
                      <RadioGroup
                        id="dimissione-personId"
                        legend={copy.results}
                        value={v.personId}
                        onChange={form.set('personId')}
                        options={found.map((p) => [p.id, `${personName(p, 'list')} – ${p.fiscalCode ?? formatDate(p.birthDate)}`] as const)}
                        error={form.errors.personId}
                      />
                    )}
                    {!persons.data && form.errors.personId && (
                      <div id="dimissione-personId" tabIndex={-1} className="invalid-feedback d-block">
                        {form.errors.personId}
                      </div>
                    )}
                  </div>
                </div>
              ) : (
                <>
                  <div className="row">
                    <div className="col-12 col-lg-6">
                      <TextField label={copy.familyName} autoComplete="off" required {...form.field('familyName')} />
                    </div>
                    <div className="col-12 col-lg-6">
                      <TextField label={copy.givenName} autoComplete="off" required {...form.field('givenName')} />
                    </div>
                    <div className="col-12 col-lg-6">
                      {!withoutFiscalCode && (
                        <TextField
                          label={newPersonCopy.fiscalCode}
                          autoComplete="off"
                          spellCheck={false}
                          maxLength={20}
                          className="text-uppercase font-monospace"
                          required
                          {...form.field('fiscalCode')}
                          hint={`${feedback?.hint ?? ''} ${copy.knownHint}`.trim()}
                          error={form.errors.fiscalCode ?? feedback?.error}
                        />
                      )}
                      {decoded?.ok && (!v.birthDate || !v.sex) && (
                        <Button
                          type="button"
                          color="primary"
                          outline
                          size="sm"
                          onClick={() => {
                            form.set('birthDate')(suggestedBirthDate(decoded.birth));
                            form.set('sex')(decoded.birth.sex);
                          }}
                        >
                          {newPersonCopy.fillFromCode}
                        </Button>
                      )}
                      <CheckboxField
                        id="dimissione-senza-codice"
                        label={copy.withoutFiscalCode}
                        checked={withoutFiscalCode}
                        onChange={setWithoutFiscalCode}
                      />
                    </div>
                    {withoutFiscalCode && (
                      <>
                        <div className="col-12 col-lg-6">
                          <SelectField
                            label={copy.missingReason}
                            options={labelOptions(fiscalCodeMissingReasonLabels)}
                            placeholder={commonCopy.choose}
                            required
                            {...form.field('fiscalCodeMissingReason')}
                          />
                        </div>
                        {v.fiscalCodeMissingReason && v.fiscalCodeMissingReason !== 'NOT_ASSIGNED' && (
                          <div className="col-12 col-lg-6">
                            <TextField
                              label={copy.alternativeCode}
                              autoComplete="off"
                              className="text-uppercase font-monospace"
                              {...form.field('alternativeCode')}
                            />
                          </div>
                        )}
                      </>
                    )}
                  </div>
                  <div className="row">
                    <div className="col-12 col-md-6 col-lg-4">
                      <TextField label={copy.birthDate} type="date" max={todayIso()} required {...form.field('birthDate')} />
                    </div>
                    <div className="col-12 col-md-6 col-lg-4">
                      <SelectField
                        label={copy.sex}
                        options={labelOptions(sexLabels)}
                        placeholder={commonCopy.choose}
                        required
                        {...form.field('sex')}
                      />
                    </div>
                    <div className="col-12 col-lg-4">
                      <TextField label={`${copy.birthPlace} ${commonCopy.optional}`} {...form.field('birthPlace')} />
                    </div>
                    <div className="col-12 col-lg-8">
                      <TextField label={`${copy.residence} ${commonCopy.optional}`} {...form.field('residence')} />
                    </div>
                    <div className="col-12 col-lg-4">
                      <TextField label={`${copy.phone} ${commonCopy.optional}`} type="tel" {...form.field('phone')} />
                    </div>
                  </div>
                </>
              )}
            </fieldset>

            <fieldset className="ponte-fieldset">
              <legend className="h4">{copy.sections.stay}</legend>
              <div className="row">
                <div className="col-12 col-lg-6">
                  <SelectField
                    label={copy.hospital}
                    options={hospitals.map((h) => [h.id, h.name] as const)}
                    placeholder={hospitals.length === 1 ? undefined : commonCopy.choose}
                    required
                    {...form.field('hospitalId')}
                    value={hospitalId}
                  />
                </div>
                <div className="col-12 col-lg-6">
                  <TextField label={copy.ward} required {...form.field('ward')} />
                </div>
                <div className="col-12 col-md-6">
                  <TextField label={copy.admittedOn} type="date" max={todayIso()} required {...form.field('admittedOn')} />
                </div>
                <div className="col-12 col-md-6">
                  <TextField
                    label={copy.expectedDischargeOn}
                    type="date"
                    min={v.admittedOn || undefined}
                    required
                    {...form.field('expectedDischargeOn')}
                  />
                </div>
              </div>
            </fieldset>

            <fieldset className="ponte-fieldset">
              <legend className="h4">{copy.sections.team}</legend>
              <div className="row">
                <div className="col-12 col-lg-6">
                  <SelectField
                    label={copy.team}
                    hint={copy.teamHint}
                    options={teams.map((t) => [t.id, `${t.name} (${teamKindLabels[t.kind]})`] as const)}
                    placeholder={commonCopy.choose}
                    required
                    {...form.field('teamId')}
                  />
                </div>
                <div className="col-12">
                  <TextAreaField label={`${copy.needs} ${commonCopy.optional}`} hint={copy.needsHint} {...form.field('needs')} />
                </div>
                <div className="col-12">
                  <TextAreaField label={`${copy.notes} ${commonCopy.optional}`} rows={2} {...form.field('notes')} />
                </div>
              </div>
            </fieldset>

            <Button type="submit" color="primary" disabled={fetching}>
              {fetching ? copy.working : copy.submit}
            </Button>
          </form>
        </CardBody>
      </Card>
    </>
  );
}
