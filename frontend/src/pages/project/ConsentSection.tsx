import { Button } from 'design-react-kit';
import type { FormEvent } from 'react';
import { useMutation } from 'urql';
import { FormFeedback } from '../../components/FormFeedback';
import { RadioGroup } from '../../components/RadioGroup';
import { TextField } from '../../components/TextField';
import { useForm } from '../../components/useForm';
import { graphql } from '../../gql';
import type { ConsentMethod } from '../../gql/graphql';
import { consentMethodLabels, labelOptions } from '../../i18n/enums';
import { formatDate, todayIso } from '../../i18n/format';
import { commonCopy } from '../../i18n/it';
import { projectCopy } from './copy';
import type { Project } from './queries';

const copy = projectCopy.consent;

export const recordConsentMutation = graphql(`
  mutation RecordConsent($input: RecordConsentInput!) {
    recordConsent(input: $input) {
      id
      version
      consent {
        date
        method
        witness
        familyCosignature
      }
    }
  }
`);

const FIELDS = ['date', 'method', 'witness', 'familyCosignature'] as const;

/** Consenso: the person's agreement to the project (date, how, witness, family co-signature). */
export function ConsentSection({ project, onReload }: { project: Project; onReload: () => void }) {
  const consent = project.consent;
  const initial = { date: todayIso(), method: '', witness: '', familyCosignature: '' };
  const form = useForm('consenso-progetto', FIELDS, initial);
  const [{ fetching }, record] = useMutation(recordConsentMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const v = form.values;
    const ok = form.check({
      date: v.date ? undefined : copy.missing.date,
      method: v.method ? undefined : copy.missing.method,
      witness: v.method === 'VERBAL_WITH_WITNESS' && !v.witness.trim() ? copy.missing.witness : undefined,
    });
    if (!ok) return;
    const result = await record({
      input: {
        projectId: project.id,
        expectedVersion: project.version,
        date: v.date,
        method: v.method as ConsentMethod,
        witness: v.method === 'VERBAL_WITH_WITNESS' ? v.witness.trim() : null,
        familyCosignature: v.familyCosignature.trim() || null,
      },
    });
    if (result.data) form.done(copy.recorded, initial);
    else form.fail(result.error, projectCopy.conflict);
  }

  const formBody = (
    <form onSubmit={submit} noValidate aria-label={consent ? copy.updateHeading : copy.formHeading}>
      <div className="row">
        <div className="col-12 col-md-4">
          <TextField label={copy.date} type="date" max={todayIso()} required {...form.field('date')} />
        </div>
        <div className="col-12 col-md-8">
          <RadioGroup
            id="consenso-progetto-method"
            legend={copy.method}
            value={form.values.method}
            onChange={form.set('method')}
            options={labelOptions(consentMethodLabels)}
            error={form.errors.method}
          />
        </div>
        {form.values.method === 'VERBAL_WITH_WITNESS' && (
          <div className="col-12 col-md-6">
            <TextField label={copy.witness} hint={copy.witnessHint} required {...form.field('witness')} />
          </div>
        )}
        <div className="col-12 col-md-6">
          <TextField
            label={`${copy.familyCosignature} ${commonCopy.optional}`}
            hint={copy.familyCosignatureHint}
            {...form.field('familyCosignature')}
          />
        </div>
      </div>
      <Button type="submit" color="primary" disabled={fetching}>
        {fetching ? copy.working : copy.submit}
      </Button>
    </form>
  );

  return (
    <section aria-labelledby="progetto-consenso" className="ponte-section">
      <h2 id="progetto-consenso" className="h4">
        {projectCopy.sections.consent}
      </h2>
      <p>{copy.intro}</p>
      {consent ? (
        <dl className="row ponte-definition" data-testid="consenso-progetto">
          <dt className="col-sm-4 col-lg-3">{copy.date}</dt>
          <dd className="col-sm-8 col-lg-9">{formatDate(consent.date)}</dd>
          <dt className="col-sm-4 col-lg-3">{copy.method}</dt>
          <dd className="col-sm-8 col-lg-9">{consentMethodLabels[consent.method]}</dd>
          {consent.witness && (
            <>
              <dt className="col-sm-4 col-lg-3">{copy.witness}</dt>
              <dd className="col-sm-8 col-lg-9">{consent.witness}</dd>
            </>
          )}
          {consent.familyCosignature && (
            <>
              <dt className="col-sm-4 col-lg-3">{copy.familyCosignature}</dt>
              <dd className="col-sm-8 col-lg-9">{consent.familyCosignature}</dd>
            </>
          )}
          <dt className="col-sm-4 col-lg-3">{copy.recordedBy}</dt>
          <dd className="col-sm-8 col-lg-9">{consent.recordedBy?.displayName ?? projectCopy.none}</dd>
        </dl>
      ) : (
        <p>{copy.none}</p>
      )}
      <FormFeedback message={form.message} onReload={onReload} />
      {project.status !== 'CLOSED' &&
        (consent ? (
          <details className="ponte-details">
            <summary>{copy.updateHeading}</summary>
            {formBody}
          </details>
        ) : (
          <>
            <h3 className="h5">{copy.formHeading}</h3>
            {formBody}
          </>
        ))}
    </section>
  );
}
