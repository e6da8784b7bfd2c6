import { Badge, Button } from 'design-react-kit';
import type { FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { FormFeedback } from '../../components/FormFeedback';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useForm } from '../../components/useForm';
import { graphql } from '../../gql';
import type { FundingSource, LifeArea, Profession, ProviderKind, ResourceKind, ResourceUnit } from '../../gql/graphql';
import {
  budgetAgreementStatusLabels,
  fundingSourceLabels,
  labelOptions,
  lifeAreaLabels,
  professionLabels,
  providerKindLabels,
  resourceKindLabels,
  resourceUnitLabels,
} from '../../i18n/enums';
import { formatDate, todayIso } from '../../i18n/format';
import { commonCopy } from '../../i18n/it';
import { formatQuantity, overuseWarning, quantityProblem, remaining, toDecimal } from './budget';
import { BudgetTotalsView } from './BudgetTotalsView';
import { projectCopy } from './copy';
import { providerOrganizationsQuery, type Project } from './queries';
import { ResponsiveTable } from '../../components/ScrollBox';
import { ReverseUse } from './ReverseUseDialog';
import { EditResource } from './EditResourceDialog';

const copy = projectCopy.budget;

export const addBudgetResourceMutation = graphql(`
  mutation AddBudgetResource($input: AddBudgetResourceInput!) {
    addBudgetResource(input: $input) {
      id
      description
    }
  }
`);

export const recordResourceUseMutation = graphql(`
  mutation RecordResourceUse($input: RecordResourceUseInput!) {
    recordResourceUse(input: $input) {
      id
      description
      usedQuantity
      overused
    }
  }
`);

export const agreeBudgetMutation = graphql(`
  mutation AgreeBudget($input: AgreeBudgetInput!) {
    agreeBudget(input: $input) {
      id
      version
    }
  }
`);

const agreementColor = { NONE: 'secondary', PARTIALLY_AGREED: 'info', AGREED: 'success', TO_RENEW: 'warning' } as const;

/** Who agreed: an organization by name, the family or the person with their kind unless the name says it. */
export function partyLabel(agreement: { partyKind: ProviderKind; partyName: string }): string {
  const kind = providerKindLabels[agreement.partyKind];
  if (agreement.partyKind === 'ORGANIZATION' || !agreement.partyName) return agreement.partyName || kind;
  return agreement.partyName.toLowerCase().startsWith(kind.toLowerCase())
    ? agreement.partyName
    : `${agreement.partyName} (${kind.toLowerCase()})`;
}

/** The unit a kind of resource is measured in; relational ones choose. */
export function unitsFor(kind: ResourceKind | ''): ResourceUnit[] {
  if (kind === 'ECONOMIC') return ['EUR'];
  if (kind === 'PROFESSIONAL') return ['HOURS'];
  if (kind === 'RELATIONAL') return ['HOURS', 'COMMITMENT'];
  return [];
}

/** Budget di Salute: agreement, resource lines with their uses, totals as tables and bar charts, and the forms. */
export function BudgetSection({ project }: { project: Project }) {
  const budget = project.budget;
  const open = project.status !== 'CLOSED';
  return (
    <section aria-labelledby="progetto-budget" className="ponte-section">
      <h2 id="progetto-budget" className="h4">
        {projectCopy.sections.budget}
      </h2>
      <p>{copy.intro}</p>

      <h3 className="h5 mt-4">{copy.agreement}</h3>
      <p data-testid="stato-budget">
        {copy.agreementStatus}:{' '}
        <Badge
          color={agreementColor[budget.agreementStatus]}
          className={budget.agreementStatus === 'TO_RENEW' ? 'text-dark' : undefined}
          pill
        >
          {budgetAgreementStatusLabels[budget.agreementStatus]}
        </Badge>
      </p>
      {budget.missingParties.length > 0 && <p data-testid="parti-mancanti">{copy.missingParties(budget.missingParties.join(', '))}</p>}
      {budget.agreements.length === 0 ? (
        <p>{copy.noAgreements}</p>
      ) : (
        <>
          <p className="mb-1">{copy.agreements}:</p>
          <ul data-testid="progetto-budget-condivisioni">
            {budget.agreements.map((a, i) => (
              <li key={`${a.partyName}-${a.agreedOn}-${i}`}>
                {copy.agreedOn(partyLabel(a), formatDate(a.agreedOn))}
                {!a.current && <span className="text-body-secondary"> {copy.superseded}</span>}
              </li>
            ))}
          </ul>
        </>
      )}

      <h3 className="h5 mt-4">{copy.resources}</h3>
      {budget.resources.length === 0 ? <p>{copy.noResources}</p> : <ResourcesTable resources={budget.resources} open={open} />}

      {budget.resources.length > 0 && <BudgetTotalsView totals={budget.totals} resources={budget.resources} />}

      {open && (
        <div className="row g-4 mt-2">
          <div className="col-12 col-xl-6">
            <AddResourceForm project={project} />
          </div>
          <div className="col-12 col-xl-6">
            {budget.resources.length > 0 && <RecordUseForm project={project} />}
            <AgreeBudgetForm project={project} />
          </div>
        </div>
      )}
    </section>
  );
}

function ResourcesTable({ resources, open }: { resources: Project['budget']['resources']; open: boolean }) {
  return (
    <ResponsiveTable className="ponte-table ponte-budget-table">
      <caption className="visually-hidden">{copy.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{copy.description}</th>
          <th scope="col">{copy.area}</th>
          <th scope="col">{copy.provider}</th>
          <th scope="col">{copy.funding}</th>
          <th scope="col" className="text-end">
            {copy.planned}
          </th>
          <th scope="col" className="text-end">
            {copy.used}
          </th>
          <th scope="col" className="text-end">
            {copy.remaining}
          </th>
          <th scope="col">{copy.period}</th>
        </tr>
      </thead>
      <tbody>
        {resources.map((r) => {
          const warning = overuseWarning({ planned: r.plannedQuantity, used: r.usedQuantity, unit: r.unit, overused: r.overused });
          return (
            <tr key={r.id} data-testid="riga-risorsa" className={r.overused ? 'ponte-row-over' : undefined}>
              <th scope="row" className="fw-normal">
                <strong>{r.description}</strong>
                {open && <EditResource resource={r} />}
                <br />
                <span className="ponte-muted small">
                  {resourceKindLabels[r.kind]}
                  {r.profession && ` – ${professionLabels[r.profession]}`}
                </span>
              </th>
              <td>{lifeAreaLabels[r.lifeArea]}</td>
              <td>{r.providerKind === 'ORGANIZATION' ? r.providerName : providerKindLabels[r.providerKind]}</td>
              <td>{fundingSourceLabels[r.fundingSource]}</td>
              <td className="text-end text-nowrap">{formatQuantity(r.plannedQuantity, r.unit)}</td>
              <td className="text-end">
                <span className="text-nowrap">{formatQuantity(r.usedQuantity, r.unit)}</span>
                {warning && (
                  <>
                    <br />
                    <Badge color="danger" pill className="ponte-badge-over" title={warning}>
                      {copy.overused}
                    </Badge>
                    <span className="visually-hidden">: {warning}</span>
                  </>
                )}
                {r.uses.length > 0 && (
                  <details className="ponte-details text-start small">
                    <summary>
                      {copy.uses(r.uses.length)}
                      <span className="visually-hidden"> – {r.description}</span>
                    </summary>
                    <ul className="list-unstyled mb-0" aria-label={copy.usesList(r.description)}>
                      {r.uses.map((u) => (
                        <li key={u.id} data-testid="utilizzo">
                          {u.reversedBy ? (
                            <del>
                              {formatDate(u.date)}: {formatQuantity(u.quantity, r.unit)}
                            </del>
                          ) : (
                            <>
                              {formatDate(u.date)}: {formatQuantity(u.quantity, r.unit)}
                            </>
                          )}
                          {u.reverses && <span className="ponte-muted"> – {copy.reversalEntry}</span>}
                          {u.note && <span className="ponte-muted"> – {u.note}</span>}
                          {u.reversedBy && <span className="ponte-muted"> – {copy.reversedUse(u.reversedBy.reason ?? '')}</span>}
                          {open && !u.reverses && <ReverseUse use={u} description={r.description} unit={r.unit} />}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </td>
              <td className="text-end text-nowrap">{remaining(r.plannedQuantity, r.usedQuantity, r.unit)}</td>
              <td className="text-nowrap">
                {formatDate(r.periodStart)}
                {r.periodEnd && ` – ${formatDate(r.periodEnd)}`}
              </td>
            </tr>
          );
        })}
      </tbody>
    </ResponsiveTable>
  );
}

export const RESOURCE_FIELDS = [
  'lifeArea',
  'kind',
  'unit',
  'profession',
  'providerKind',
  'providerId',
  'fundingSource',
  'description',
  'plannedQuantity',
  'periodStart',
  'periodEnd',
] as const;

export type ResourceForm = ReturnType<typeof useForm<(typeof RESOURCE_FIELDS)[number]>>;

/** The unit a resource form's values mean: the kind's only one, or the one chosen. */
function unitOf(form: ResourceForm): ResourceUnit | '' {
  const units = unitsFor(form.values.kind as ResourceKind | '');
  return (units.length === 1 ? units[0] : form.values.unit) as ResourceUnit | '';
}

/** Checks a resource line's form in the browser, field by field; true when it can be sent. */
export function checkResource(form: ResourceForm): boolean {
  const v = form.values;
  const unit = unitOf(form);
  const problem = unit ? quantityProblem(v.plannedQuantity, { allowZero: unit === 'COMMITMENT' }) : undefined;
  return form.check({
    lifeArea: v.lifeArea ? undefined : copy.missing.lifeArea,
    kind: v.kind ? undefined : copy.missing.kind,
    unit: v.kind && !unit ? copy.missing.unit : undefined,
    profession: v.kind === 'PROFESSIONAL' && !v.profession ? copy.missing.profession : undefined,
    providerKind: v.providerKind ? undefined : copy.missing.providerKind,
    providerId: v.providerKind === 'ORGANIZATION' && !v.providerId ? copy.missing.providerId : undefined,
    fundingSource: v.fundingSource ? undefined : copy.missing.fundingSource,
    description: v.description.trim() ? undefined : copy.missing.description,
    plannedQuantity: problem === 'empty' && unit === 'COMMITMENT' ? undefined : problem && copy.quantityProblems[problem],
    periodStart: v.periodStart ? undefined : copy.missing.periodStart,
  });
}

/** A resource line's fields as `addBudgetResource` and `updateBudgetResource` take them. */
export function resourceFields(form: ResourceForm) {
  const v = form.values;
  return {
    lifeArea: v.lifeArea as LifeArea,
    kind: v.kind as ResourceKind,
    unit: unitOf(form) as ResourceUnit,
    profession: v.kind === 'PROFESSIONAL' ? (v.profession as Profession) : null,
    providerKind: v.providerKind as ProviderKind,
    providerId: v.providerKind === 'ORGANIZATION' ? v.providerId : null,
    fundingSource: v.fundingSource as FundingSource,
    description: v.description.trim(),
    plannedQuantity: v.plannedQuantity.trim() ? toDecimal(v.plannedQuantity) : '0.00',
    periodStart: v.periodStart,
    periodEnd: v.periodEnd || null,
  };
}

/** The fields of a resource line, for adding one and for correcting one. */
export function ResourceFieldsInputs({ form }: { form: ResourceForm }) {
  const [organizations] = useQuery({ query: providerOrganizationsQuery });
  const v = form.values;
  const units = unitsFor(v.kind as ResourceKind | '');
  const unit = unitOf(form);
  return (
    <>
      <div className="row">
        <div className="col-12 col-md-6">
          <SelectField
            label={copy.area}
            options={labelOptions(lifeAreaLabels)}
            placeholder={projectCopy.choose}
            required
            {...form.field('lifeArea')}
          />
        </div>
        <div className="col-12 col-md-6">
          <SelectField
            label={copy.resourceKind}
            options={labelOptions(resourceKindLabels)}
            placeholder={projectCopy.choose}
            required
            {...form.field('kind')}
          />
        </div>
        {units.length > 1 && (
          <div className="col-12 col-md-6">
            <SelectField
              label={copy.unitField}
              options={units.map((u) => [u, resourceUnitLabels[u]] as const)}
              placeholder={projectCopy.choose}
              required
              {...form.field('unit')}
            />
          </div>
        )}
        {v.kind === 'PROFESSIONAL' && (
          <div className="col-12 col-md-6">
            <SelectField
              label={copy.profession}
              options={labelOptions(professionLabels)}
              placeholder={projectCopy.choose}
              required
              {...form.field('profession')}
            />
          </div>
        )}
        <div className="col-12 col-md-6">
          <SelectField
            label={copy.providerKind}
            options={labelOptions(providerKindLabels)}
            placeholder={projectCopy.choose}
            required
            {...form.field('providerKind')}
          />
        </div>
        {v.providerKind === 'ORGANIZATION' && (
          <div className="col-12 col-md-6">
            <SelectField
              label={copy.providerId}
              options={(organizations.data?.organizations.nodes ?? []).map((o) => [o.id, o.name] as const)}
              placeholder={projectCopy.choose}
              required
              {...form.field('providerId')}
            />
          </div>
        )}
        <div className="col-12 col-md-6">
          <SelectField
            label={copy.fundingSource}
            options={labelOptions(fundingSourceLabels)}
            placeholder={projectCopy.choose}
            required
            {...form.field('fundingSource')}
          />
        </div>
      </div>
      <TextField label={copy.descriptionField} hint={copy.descriptionHint} required {...form.field('description')} />
      <div className="row">
        <div className="col-12 col-md-4">
          <TextField
            label={unit === 'COMMITMENT' ? `${copy.plannedQuantity} ${commonCopy.optional}` : copy.plannedQuantity}
            hint={unit ? copy.plannedHint[unit] : undefined}
            inputMode="decimal"
            autoComplete="off"
            required={unit !== 'COMMITMENT'}
            {...form.field('plannedQuantity')}
          />
        </div>
        <div className="col-12 col-md-4">
          <TextField label={copy.periodStart} type="date" required {...form.field('periodStart')} />
        </div>
        <div className="col-12 col-md-4">
          <TextField label={`${copy.periodEnd} ${commonCopy.optional}`} type="date" {...form.field('periodEnd')} />
        </div>
      </div>
    </>
  );
}

function AddResourceForm({ project }: { project: Project }) {
  const initial = {
    lifeArea: '',
    kind: '',
    unit: '',
    profession: '',
    providerKind: '',
    providerId: '',
    fundingSource: '',
    description: '',
    plannedQuantity: '',
    periodStart: todayIso(),
    periodEnd: '',
  };
  const form = useForm('risorsa', RESOURCE_FIELDS, initial);
  const [{ fetching }, add] = useMutation(addBudgetResourceMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!checkResource(form)) return;
    const result = await add({ input: { projectId: project.id, ...resourceFields(form) } });
    if (result.data) form.done(copy.resourceAdded(result.data.addBudgetResource.description), initial);
    else form.fail(result.error);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="risorsa-titolo" className="ponte-subform">
      <h3 id="risorsa-titolo" className="h5">
        {copy.addResource}
      </h3>
      <FormFeedback message={form.message} />
      <ResourceFieldsInputs form={form} />
      <Button type="submit" color="primary" disabled={fetching}>
        {fetching ? copy.working : copy.submitResource}
      </Button>
    </form>
  );
}

const USE_FIELDS = ['resourceId', 'date', 'quantity', 'note'] as const;

function RecordUseForm({ project }: { project: Project }) {
  const initial = { resourceId: '', date: todayIso(), quantity: '', note: '' };
  const form = useForm('utilizzo', USE_FIELDS, initial);
  const [{ fetching }, record] = useMutation(recordResourceUseMutation);
  const resources = project.budget.resources;
  const chosen = resources.find((r) => r.id === form.values.resourceId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const v = form.values;
    const problem = quantityProblem(v.quantity);
    const ok = form.check({
      resourceId: v.resourceId ? undefined : copy.missing.resourceId,
      date: v.date ? undefined : copy.missing.date,
      quantity: problem && copy.quantityProblems[problem],
    });
    if (!ok) return;
    const result = await record({
      input: { resourceId: v.resourceId, date: v.date, quantity: toDecimal(v.quantity), note: v.note.trim() || null },
    });
    if (result.data) {
      const r = result.data.recordResourceUse;
      form.done(r.overused ? copy.useOverused(r.description) : copy.useRecorded(r.description), { ...initial, resourceId: v.resourceId });
    } else form.fail(result.error);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="utilizzo-titolo" className="ponte-subform mb-4">
      <h3 id="utilizzo-titolo" className="h5">
        {copy.recordUse}
      </h3>
      <FormFeedback message={form.message} />
      <SelectField
        label={copy.resource}
        options={resources.map(
          (r) => [r.id, `${r.description} – ${r.providerName} (${resourceUnitLabels[r.unit].toLowerCase()})`] as const,
        )}
        placeholder={projectCopy.choose}
        required
        {...form.field('resourceId')}
      />
      <div className="row">
        <div className="col-12 col-md-6">
          <TextField label={copy.useDate} type="date" max={todayIso()} required {...form.field('date')} />
        </div>
        <div className="col-12 col-md-6">
          <TextField
            label={chosen ? `${copy.quantity} (${resourceUnitLabels[chosen.unit].toLowerCase()})` : copy.quantity}
            hint={copy.quantityHint}
            inputMode="decimal"
            autoComplete="off"
            required
            {...form.field('quantity')}
          />
        </div>
      </div>
      <TextField label={`${copy.note} ${commonCopy.optional}`} {...form.field('note')} />
      <Button type="submit" color="primary" disabled={fetching}>
        {fetching ? copy.working : copy.submitUse}
      </Button>
    </form>
  );
}

const AGREE_FIELDS = ['partyKind', 'organizationId', 'partyName', 'agreedOn'] as const;

function AgreeBudgetForm({ project }: { project: Project }) {
  const initial = { partyKind: '', organizationId: '', partyName: '', agreedOn: todayIso() };
  const form = useForm('condivisione', AGREE_FIELDS, initial);
  const [{ fetching }, agree] = useMutation(agreeBudgetMutation);
  const [organizations] = useQuery({ query: providerOrganizationsQuery });
  const v = form.values;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = form.check({
      partyKind: v.partyKind ? undefined : copy.missing.partyKind,
      organizationId: v.partyKind === 'ORGANIZATION' && !v.organizationId ? copy.missing.organizationId : undefined,
      partyName: v.partyKind && v.partyKind !== 'ORGANIZATION' && !v.partyName.trim() ? copy.missing.partyName : undefined,
      agreedOn: v.agreedOn ? undefined : copy.missing.agreedOn,
    });
    if (!ok) return;
    const result = await agree({
      input: {
        projectId: project.id,
        partyKind: v.partyKind as ProviderKind,
        organizationId: v.partyKind === 'ORGANIZATION' ? v.organizationId : null,
        partyName: v.partyKind === 'ORGANIZATION' ? '' : v.partyName.trim(),
        agreedOn: v.agreedOn,
      },
    });
    if (result.data) form.done(copy.agreed, initial);
    else form.fail(result.error);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="condivisione-titolo" className="ponte-subform">
      <h3 id="condivisione-titolo" className="h5">
        {copy.agreeHeading}
      </h3>
      <FormFeedback message={form.message} />
      <div className="row">
        <div className="col-12 col-md-6">
          <SelectField
            label={copy.partyKind}
            options={labelOptions(providerKindLabels)}
            placeholder={projectCopy.choose}
            required
            {...form.field('partyKind')}
          />
        </div>
        {v.partyKind === 'ORGANIZATION' && (
          <div className="col-12 col-md-6">
            <SelectField
              label={copy.organization}
              options={(organizations.data?.organizations.nodes ?? []).map((o) => [o.id, o.name] as const)}
              placeholder={projectCopy.choose}
              required
              {...form.field('organizationId')}
            />
          </div>
        )}
        {v.partyKind && v.partyKind !== 'ORGANIZATION' && (
          <div className="col-12 col-md-6">
            <TextField label={copy.partyName} hint={copy.partyNameHint} required {...form.field('partyName')} />
          </div>
        )}
        <div className="col-12 col-md-6">
          <TextField label={copy.agreedOnField} type="date" max={todayIso()} required {...form.field('agreedOn')} />
        </div>
      </div>
      <Button type="submit" color="primary" outline disabled={fetching}>
        {fetching ? copy.working : copy.agree}
      </Button>
    </form>
  );
}
