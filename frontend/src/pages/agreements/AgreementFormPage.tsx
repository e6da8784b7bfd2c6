import { Button, Card, CardBody } from 'design-react-kit';
import { useCallback, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { FormFeedback } from '../../components/FormFeedback';
import { FormMessage } from '../../components/FormMessage';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RecordUnavailable } from '../../components/RecordUnavailable';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useForm } from '../../components/useForm';
import { graphql } from '../../gql';
import type {
  AgreementDetailQuery,
  AgreementPartyRole,
  LifeArea,
  NetworkAgreementInput,
  NetworkAgreementKind,
  ServiceKind,
} from '../../gql/graphql';
import { agreementPartyRoleLabels, labelOptions, lifeAreaLabels, networkAgreementKindLabels, serviceKindLabels } from '../../i18n/enums';
import { commonCopy } from '../../i18n/it';
import { paths, pathTo } from '../../routes';
import { navigate } from '../../router/router';
import { useViewer } from '../../session/session';
import { agreementDetailQuery } from './AgreementPage';
import { agreementOrganizationsQuery, useCanCreateAgreements } from './AgreementsPage';
import { ELEMENT_KEYS, partiesProblem, type PartyDraft } from './agreements';
import { agreementCopy, agreementFormCopy as copy, elementHeadings } from './copy';

export const createAgreementMutation = graphql(`
  mutation CreateNetworkAgreement($input: NetworkAgreementInput!) {
    createNetworkAgreement(input: $input) {
      id
    }
  }
`);

export const updateAgreementMutation = graphql(`
  mutation UpdateNetworkAgreement($input: UpdateNetworkAgreementInput!) {
    updateNetworkAgreement(input: $input) {
      id
      version
    }
  }
`);

/** Who may be a party's contact: an administrator picks among the accounts; others name themselves. */
export const agreementContactsQuery = graphql(`
  query AgreementContacts {
    users(first: 100) {
      nodes {
        id
        displayName
        active
        organization {
          id
        }
      }
    }
  }
`);

type Agreement = NonNullable<AgreementDetailQuery['networkAgreement']>;

// Named as the server names them (the elements by their own name), so that its refusals show at their field.
const FIELDS = [
  'kind',
  'title',
  'protocolNumber',
  'signedOn',
  'validFrom',
  'validUntil',
  'parties',
  'services',
  'lifeAreas',
  ...ELEMENT_KEYS,
] as const;
type Field = (typeof FIELDS)[number];

const EMPTY_PARTY: PartyDraft = { organizationId: '', role: '', contactUserId: '' };

/** Nuovo accordo (`/accordi/nuovo`): for an administrator or a planning office that manages agreements. */
export function NewAgreementPage() {
  const canCreate = useCanCreateAgreements();
  if (canCreate === undefined) return <Loading />;
  if (!canCreate)
    return (
      <>
        <PageHeading title={copy.newTitle} />
        <FormMessage kind="info">{copy.notAllowed}</FormMessage>
        <a href={paths.agreements}>{copy.back}</a>
      </>
    );
  return <AgreementForm />;
}

/** Modifica accordo (`/accordi/:id/modifica`): for those the server allows (`canEdit`). */
export function EditAgreementPage({ id }: { id: string }) {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: agreementDetailQuery, variables: { id } });
  const reload = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  if (fetching && !data) return <Loading />;
  const a = data?.networkAgreement;
  if (error || !a) return <RecordUnavailable error={error} copy={agreementCopy} back={{ href: paths.agreements, label: copy.back }} />;
  if (!a.canEdit || a.status === 'WITHDRAWN')
    return (
      <>
        <PageHeading title={copy.editTitle(a.title)} />
        <FormMessage kind="info">{copy.notAllowed}</FormMessage>
        <a href={pathTo.agreement(a.id)}>{copy.backToAgreement}</a>
      </>
    );
  // A new version (after "Ricarica") starts the form again from what is saved.
  return <AgreementForm key={a.version} agreement={a} onReload={reload} />;
}

function initialValues(a?: Agreement): Record<Field, string> {
  return {
    kind: a?.kind ?? '',
    title: a?.title ?? '',
    protocolNumber: a?.protocolNumber ?? '',
    signedOn: a?.signedOn ?? '',
    validFrom: a?.validFrom ?? '',
    validUntil: a?.validUntil ?? '',
    parties: '',
    services: '',
    lifeAreas: '',
    purpose: a?.elements.purpose ?? '',
    recipients: a?.elements.recipients ?? '',
    actions: a?.elements.actions ?? '',
    actors: a?.elements.actors ?? '',
    timing: a?.elements.timing ?? '',
    responsibilities: a?.elements.responsibilities ?? '',
    monitoringIndicators: a?.elements.monitoringIndicators ?? '',
  };
}

function AgreementForm({ agreement, onReload }: { agreement?: Agreement; onReload?: () => void }) {
  const viewer = useViewer();
  const [organizations] = useQuery({ query: agreementOrganizationsQuery });
  const [users] = useQuery({ query: agreementContactsQuery, pause: viewer.role !== 'ADMIN' });
  const form = useForm('accordo', FIELDS, initialValues(agreement));
  const [parties, setParties] = useState<PartyDraft[]>(
    agreement
      ? agreement.parties.map((p) => ({ organizationId: p.organization.id, role: p.role, contactUserId: p.contact?.id ?? '' }))
      : [EMPTY_PARTY, EMPTY_PARTY],
  );
  const [services, setServices] = useState<ServiceKind[]>(agreement?.services ?? []);
  const [lifeAreas, setLifeAreas] = useState<LifeArea[]>(agreement?.lifeAreas ?? []);
  const [created, create] = useMutation(createAgreementMutation);
  const [updated, update] = useMutation(updateAgreementMutation);
  const fetching = created.fetching || updated.fetching;
  const v = form.values;
  const title = agreement ? copy.editTitle(agreement.title) : copy.newTitle;

  const setParty = (index: number, change: Partial<PartyDraft>) => {
    setParties((list) => list.map((p, i) => (i === index ? { ...p, ...change } : p)));
    form.set('parties')('');
  };

  /** The accounts that may be this party's contact: its organization's (the viewer, for a non-administrator), and the one saved. */
  function contactOptions(party: PartyDraft): Array<readonly [string, string]> {
    const saved = agreement?.parties.find((p) => p.organization.id === party.organizationId)?.contact;
    const found =
      viewer.role === 'ADMIN'
        ? (users.data?.users.nodes ?? []).filter((u) => u.active && u.organization?.id === party.organizationId)
        : viewer.organization?.id === party.organizationId
          ? [viewer]
          : [];
    const options = found.map((u) => [u.id, u.displayName] as const);
    return saved && !options.some(([id]) => id === saved.id) ? [[saved.id, saved.displayName], ...options] : options;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const m = copy.missing;
    const ok = form.check({
      kind: v.kind ? undefined : m.kind,
      title: v.title.trim() ? undefined : m.title,
      parties: partiesProblem(parties),
      validUntil: v.validFrom && v.validUntil && v.validUntil < v.validFrom ? m.validUntil : undefined,
    });
    if (!ok) return;
    const text = (s: string) => s.trim() || null;
    const input: NetworkAgreementInput = {
      kind: v.kind as NetworkAgreementKind,
      title: v.title.trim(),
      parties: parties
        .filter((p) => p.organizationId && p.role)
        .map((p) => ({ organizationId: p.organizationId, role: p.role as AgreementPartyRole, contactUserId: p.contactUserId || null })),
      services,
      lifeAreas,
      signedOn: v.signedOn || null,
      validFrom: v.validFrom || null,
      validUntil: v.validUntil || null,
      protocolNumber: text(v.protocolNumber),
      elements: Object.fromEntries(ELEMENT_KEYS.map((key) => [key, text(v[key])])),
    };
    if (agreement) {
      const result = await update({ input: { agreementId: agreement.id, expectedVersion: agreement.version, agreement: input } });
      if (result.data) navigate(`${pathTo.agreement(agreement.id)}?salvato=1`);
      else form.fail(result.error, agreementCopy.conflict);
    } else {
      const result = await create({ input });
      if (result.data) navigate(`${pathTo.agreement(result.data.createNetworkAgreement.id)}?registrato=1`);
      else form.fail(result.error);
    }
  }

  const organizationOptions = (organizations.data?.organizations.nodes ?? []).map((o) => [o.id, o.name] as const);

  return (
    <>
      <PageHeading title={title} />
      <p className="lead">{copy.intro}</p>
      <p>{agreement ? <a href={pathTo.agreement(agreement.id)}>{copy.backToAgreement}</a> : <a href={paths.agreements}>{copy.back}</a>}</p>
      <Card tag="div" className="ponte-card shadow-sm rounded">
        <CardBody>
          <FormFeedback message={form.message} onReload={onReload} />
          <form onSubmit={submit} noValidate aria-label={title}>
            <fieldset className="ponte-fieldset">
              <legend className="h4">{copy.sections.what}</legend>
              <div className="row">
                <div className="col-12 col-lg-4">
                  <SelectField
                    label={copy.kind}
                    options={labelOptions(networkAgreementKindLabels)}
                    placeholder={commonCopy.choose}
                    required
                    {...form.field('kind')}
                  />
                </div>
                <div className="col-12 col-lg-8">
                  <TextField label={copy.title} required maxLength={200} {...form.field('title')} />
                </div>
                <div className="col-12 col-lg-4">
                  <TextField label={`${copy.protocolNumber} ${commonCopy.optional}`} {...form.field('protocolNumber')} />
                </div>
              </div>
            </fieldset>

            <fieldset
              id="accordo-parties"
              tabIndex={-1}
              className="ponte-fieldset"
              aria-describedby={form.errors.parties ? 'accordo-parties-errore' : undefined}
            >
              <legend className="h4">{copy.sections.parties}</legend>
              {parties.map((party, index) => {
                const n = index + 1;
                return (
                  <div key={index} className="row align-items-start ponte-subform mb-3" data-testid="ente-modulo">
                    <div className="col-12 col-lg-5">
                      <SelectField
                        id={`accordo-ente-${n}`}
                        label={`${copy.partyOrganization} ${n}`}
                        value={party.organizationId}
                        onChange={(organizationId) => setParty(index, { organizationId, contactUserId: '' })}
                        options={organizationOptions}
                        placeholder={commonCopy.choose}
                      />
                    </div>
                    <div className="col-12 col-md-6 col-lg-3">
                      <SelectField
                        id={`accordo-ruolo-${n}`}
                        label={`${copy.partyRole} ${n}`}
                        value={party.role}
                        onChange={(role) => setParty(index, { role: role as AgreementPartyRole | '' })}
                        options={labelOptions(agreementPartyRoleLabels)}
                        placeholder={commonCopy.choose}
                      />
                    </div>
                    <div className="col-12 col-md-6 col-lg-4">
                      <SelectField
                        id={`accordo-referente-${n}`}
                        label={`${copy.partyContact} ${n}`}
                        hint={index === 0 ? copy.partyContactHint : undefined}
                        value={party.contactUserId}
                        onChange={(contactUserId) => setParty(index, { contactUserId })}
                        options={contactOptions(party)}
                        placeholder={copy.noContact}
                      />
                    </div>
                    {parties.length > 2 && (
                      <div className="col-12">
                        <Button
                          type="button"
                          color="secondary"
                          outline
                          size="xs"
                          onClick={() => {
                            setParties((list) => list.filter((_, i) => i !== index));
                            form.set('parties')('');
                          }}
                        >
                          {copy.removeParty(n)}
                        </Button>
                      </div>
                    )}
                  </div>
                );
              })}
              {form.errors.parties && (
                <div id="accordo-parties-errore" className="invalid-feedback d-block mb-2">
                  {form.errors.parties}
                </div>
              )}
              <Button type="button" color="primary" outline size="sm" onClick={() => setParties((list) => [...list, EMPTY_PARTY])}>
                {copy.addParty}
              </Button>
            </fieldset>

            <fieldset className="ponte-fieldset">
              <legend className="h4">{copy.sections.dates}</legend>
              <div className="row">
                <div className="col-12 col-md-4">
                  <TextField
                    label={`${copy.signedOn} ${commonCopy.optional}`}
                    type="date"
                    hint={copy.signedOnHint}
                    {...form.field('signedOn')}
                  />
                </div>
                <div className="col-12 col-md-4">
                  <TextField label={`${copy.validFrom} ${commonCopy.optional}`} type="date" {...form.field('validFrom')} />
                </div>
                <div className="col-12 col-md-4">
                  <TextField
                    label={`${copy.validUntil} ${commonCopy.optional}`}
                    type="date"
                    min={v.validFrom || undefined}
                    hint={copy.validUntilHint}
                    {...form.field('validUntil')}
                  />
                </div>
              </div>
            </fieldset>

            <fieldset className="ponte-fieldset">
              <legend className="h4">{copy.sections.scope}</legend>
              <div className="row">
                <div className="col-12 col-lg-6">
                  <CheckboxGroup
                    id="accordo-services"
                    legend={copy.services}
                    options={labelOptions(serviceKindLabels)}
                    chosen={services}
                    onChange={setServices}
                    error={form.errors.services}
                  />
                </div>
                <div className="col-12 col-lg-6">
                  <CheckboxGroup
                    id="accordo-lifeAreas"
                    legend={copy.lifeAreas}
                    options={labelOptions(lifeAreaLabels)}
                    chosen={lifeAreas}
                    onChange={setLifeAreas}
                    error={form.errors.lifeAreas}
                  />
                </div>
              </div>
            </fieldset>

            <fieldset className="ponte-fieldset">
              <legend className="h4">{copy.sections.elements}</legend>
              <p className="ponte-muted">{copy.elementsHint}</p>
              <div className="row">
                {ELEMENT_KEYS.map((key) => (
                  <div key={key} className="col-12 col-lg-6">
                    <TextAreaField label={`${elementHeadings[key]} ${commonCopy.optional}`} rows={3} {...form.field(key)} />
                  </div>
                ))}
              </div>
            </fieldset>

            <Button type="submit" color="primary" disabled={fetching}>
              {fetching ? copy.working : agreement ? copy.submitEdit : copy.submitNew}
            </Button>
          </form>
        </CardBody>
      </Card>
    </>
  );
}
