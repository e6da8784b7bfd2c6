import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmButtons } from '../../components/ConfirmButtons';
import { FormFeedback } from '../../components/FormFeedback';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useConfirmation } from '../../components/useConfirmation';
import { useForm } from '../../components/useForm';
import { graphql } from '../../gql';
import { integratedPartLabels } from '../../i18n/enums';
import { formatDate, todayIso } from '../../i18n/format';
import { commonCopy } from '../../i18n/it';
import { projectCopy } from './copy';
import { missingParts, signingOrganizations } from './integrated';
import { providerOrganizationsQuery, type Project } from './queries';

const copy = projectCopy.integrated;

export const setProjectIntegratedMutation = graphql(`
  mutation SetProjectIntegrated($input: SetProjectIntegratedInput!) {
    setProjectIntegrated(input: $input) {
      id
      version
      integrated
    }
  }
`);

export const cosignProjectMutation = graphql(`
  mutation CosignProject($input: CosignProjectInput!) {
    cosignProject(input: $input) {
      id
      version
    }
  }
`);

/**
 * Sottoscrizione del PAI integrato, on a PAI only: whether it is integrated
 * (a mark that can be given or taken back, confirmed, until a side has
 * signed), the signatures recorded, the side still missing, and the form
 * to record an organization's signature. Signing is a formal act, so the
 * form first names what will be recorded and only its "Conferma" sends
 * `cosignProject`. A closed project shows the signatures and nothing to do.
 */
export function IntegratedSection({ project, onReload }: { project: Project; onReload: () => void }) {
  if (project.kind !== 'PAI') return null;
  const open = project.status !== 'CLOSED';
  const signed = project.cosignatures;
  const missing = missingParts(signed);
  return (
    <section aria-labelledby="progetto-integrato" className="ponte-section">
      <h2 id="progetto-integrato" className="h4">
        {projectCopy.sections.integrated}
      </h2>
      {!project.integrated ? (
        <p>{copy.notIntegrated}</p>
      ) : (
        <>
          <p>{copy.intro}</p>
          {signed.length === 0 ? <p>{copy.none}</p> : <Signatures signatures={signed} />}
          <p data-testid="parti-integrato-mancanti" className={missing.length > 0 ? 'fw-semibold' : undefined}>
            {missing.length > 0 ? copy.missing(missing.map((part) => integratedPartLabels[part].toLowerCase())) : copy.complete}
          </p>
          {open && <CosignForm project={project} />}
        </>
      )}
      {open && signed.length === 0 && <IntegratedMark project={project} onReload={onReload} />}
    </section>
  );
}

/** A list rather than a table: four short facts a signature, read the same 390 px wide. */
function Signatures({ signatures }: { signatures: Project['cosignatures'] }) {
  return (
    <ul aria-label={copy.caption}>
      {signatures.map((s, i) => (
        <li key={s.organization?.id ?? i} data-testid="riga-sottoscrizione">
          <strong>{s.organization?.name ?? projectCopy.none}</strong> –{' '}
          {copy.signedFor(integratedPartLabels[s.part].toLowerCase(), formatDate(s.signedOn))}
          {s.signatory && <span className="ponte-muted"> ({copy.signedBy(s.signatory)})</span>}
        </li>
      ))}
    </ul>
  );
}

const COSIGN_FIELDS = ['organizationId', 'signedOn', 'signatory'] as const;

function CosignForm({ project }: { project: Project }) {
  const initial = { organizationId: '', signedOn: todayIso(), signatory: '' };
  const form = useForm('sottoscrizione', COSIGN_FIELDS, initial);
  // Any change to what would be signed asks for the confirmation again.
  const { confirming, setConfirming, field } = useConfirmation(form);
  const [{ fetching }, cosign] = useMutation(cosignProjectMutation);
  const [organizations] = useQuery({ query: providerOrganizationsQuery });
  const candidates = signingOrganizations(organizations.data?.organizations.nodes ?? [], project.cosignatures);
  const v = form.values;
  const chosen = candidates.find((o) => o.id === v.organizationId);

  function check(event: FormEvent) {
    event.preventDefault();
    const ok = form.check({
      organizationId: v.organizationId ? undefined : copy.missingFields.organizationId,
      signedOn: v.signedOn ? undefined : copy.missingFields.signedOn,
    });
    setConfirming(ok);
  }

  async function send() {
    const result = await cosign({
      input: {
        projectId: project.id,
        organizationId: v.organizationId,
        signedOn: v.signedOn,
        signatory: v.signatory.trim() || null,
      },
    });
    setConfirming(false);
    if (result.data) form.done(copy.recorded(chosen?.name ?? ''), initial);
    else form.fail(result.error);
  }

  if (organizations.data && candidates.length === 0) return <p className="ponte-muted">{copy.noOrganizations}</p>;

  return (
    <form onSubmit={check} noValidate aria-labelledby="sottoscrizione-titolo" className="ponte-subform mb-4">
      <h3 id="sottoscrizione-titolo" className="h5">
        {copy.formHeading}
      </h3>
      <FormFeedback message={form.message} />
      <div className="row">
        <div className="col-12 col-md-6">
          <SelectField
            label={copy.organizationField}
            hint={copy.organizationHint}
            options={candidates.map((o) => [o.id, `${o.name} – ${integratedPartLabels[o.part].toLowerCase()}`] as const)}
            placeholder={projectCopy.choose}
            required
            {...field('organizationId')}
          />
        </div>
        <div className="col-12 col-md-6">
          <TextField label={copy.signedOnField} type="date" min={project.startDate} max={todayIso()} required {...field('signedOn')} />
        </div>
      </div>
      <TextField label={`${copy.signatoryField} ${commonCopy.optional}`} hint={copy.signatoryHint} {...field('signatory')} />
      {confirming && chosen ? (
        <div className="alert alert-info ponte-form-message" data-testid="conferma-sottoscrizione">
          <p className="mb-2">{copy.confirmText(chosen.name, integratedPartLabels[chosen.part].toLowerCase(), formatDate(v.signedOn))}</p>
          <ConfirmButtons label={copy.confirm} working={fetching} onConfirm={() => void send()} onCancel={() => setConfirming(false)} />
        </div>
      ) : (
        <Button type="submit" color="primary">
          {copy.submit}
        </Button>
      )}
    </form>
  );
}

/** "Segna come PAI integrato" / "Non è un PAI integrato", each confirmed before `setProjectIntegrated`. */
function IntegratedMark({ project, onReload }: { project: Project; onReload: () => void }) {
  const [asking, setAsking] = useState(false);
  const form = useForm('integrato', [] as const, {});
  const [{ fetching }, setIntegrated] = useMutation(setProjectIntegratedMutation);
  const next = !project.integrated;

  async function send() {
    const result = await setIntegrated({ input: { projectId: project.id, expectedVersion: project.version, integrated: next } });
    setAsking(false);
    if (result.data) form.done(result.data.setProjectIntegrated.integrated ? copy.marked : copy.unmarked);
    else form.fail(result.error, projectCopy.conflict);
  }

  return (
    <div className="mt-3">
      <FormFeedback message={form.message} onReload={onReload} />
      <Button
        type="button"
        color="primary"
        outline
        size="sm"
        aria-expanded={asking}
        aria-controls={asking ? 'integrato-conferma' : undefined}
        onClick={() => {
          form.setMessage(undefined);
          setAsking((a) => !a);
        }}
      >
        {next ? copy.mark : copy.unmark}
      </Button>
      {asking && (
        <div id="integrato-conferma" className="mt-2" data-testid="conferma-integrato">
          <p className="mb-2">{next ? copy.markText : copy.unmarkText}</p>
          <ConfirmButtons label={copy.confirmMark} working={fetching} onConfirm={() => void send()} onCancel={() => setAsking(false)} />
        </div>
      )}
    </div>
  );
}
