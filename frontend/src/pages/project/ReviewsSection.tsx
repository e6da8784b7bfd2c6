import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { CheckboxField } from '../../components/CheckboxField';
import { ConfirmButtons } from '../../components/ConfirmButtons';
import { FormFeedback } from '../../components/FormFeedback';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useConfirmation } from '../../components/useConfirmation';
import { useForm } from '../../components/useForm';
import { graphql } from '../../gql';
import { professionLabels } from '../../i18n/enums';
import { formatDate, todayIso } from '../../i18n/format';
import { useViewer } from '../../session/session';
import { projectCopy } from './copy';
import type { Project } from './queries';
import { ResponsiveTable } from '../../components/ScrollBox';

const copy = projectCopy.reviews;

export const recordReviewMutation = graphql(`
  mutation RecordReview($input: RecordReviewInput!) {
    recordReview(input: $input) {
      id
      version
      status
      nextReviewOn
    }
  }
`);

const FIELDS = ['date', 'participantIds', 'notes', 'decisions'] as const;

/** The server's rule (`next_review`): the review's date plus the cadence. */
export function nextReview(date: string, everyDays: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + everyDays);
  return day.toISOString().slice(0, 10);
}

/** Verifiche: the periodic reviews, and the form to record one. */
export function ReviewsSection({ project }: { project: Project }) {
  const viewer = useViewer();
  const members = (project.team?.members ?? []).flatMap((m) => (m.active && m.user ? [m.user] : []));
  const initial = { date: todayIso(), participantIds: '', notes: '', decisions: '' };
  const form = useForm('verifica', FIELDS, initial);
  const [participants, setParticipants] = useState<string[]>(members.some((m) => m.id === viewer.id) ? [viewer.id] : []);
  const [{ fetching }, record] = useMutation(recordReviewMutation);
  // A review is a formal act that moves the project and its next review:
  // the form first shows what will be recorded, and only "Conferma" sends it.
  const { confirming, setConfirming, field } = useConfirmation(form);

  function submit(event: FormEvent) {
    event.preventDefault();
    const v = form.values;
    const ok = form.check({
      date: v.date ? undefined : copy.missing.date,
      participantIds: participants.length > 0 ? undefined : copy.missing.participantIds,
      decisions: v.notes.trim() || v.decisions.trim() ? undefined : copy.missing.decisions,
    });
    if (ok) setConfirming(true);
  }

  async function send() {
    const v = form.values;
    const result = await record({
      input: {
        projectId: project.id,
        date: v.date,
        participantIds: participants,
        notes: v.notes.trim() || null,
        decisions: v.decisions.trim() || null,
      },
    });
    setConfirming(false);
    if (result.data) form.done(copy.recorded(formatDate(result.data.recordReview.nextReviewOn)), initial);
    else form.fail(result.error);
  }

  const names = members.filter((m) => participants.includes(m.id)).map((m) => m.displayName);

  return (
    <section aria-labelledby="progetto-verifiche" className="ponte-section">
      <h2 id="progetto-verifiche" className="h4">
        {projectCopy.sections.reviews}
      </h2>
      <p>{copy.intro}</p>
      {project.reviews.length === 0 ? (
        <p>{copy.none}</p>
      ) : (
        <ResponsiveTable className="ponte-table">
          <caption className="visually-hidden">{copy.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{copy.date}</th>
              <th scope="col">{copy.participants}</th>
              <th scope="col">{copy.notes}</th>
              <th scope="col">{copy.decisions}</th>
            </tr>
          </thead>
          <tbody>
            {project.reviews.map((r) => (
              <tr key={r.id} data-testid="riga-verifica">
                <td>{formatDate(r.date)}</td>
                <td>{r.participants.map((p) => p.displayName).join(', ')}</td>
                <td>{r.notes ?? projectCopy.none}</td>
                <td>{r.decisions ?? projectCopy.none}</td>
              </tr>
            ))}
          </tbody>
        </ResponsiveTable>
      )}
      {project.status !== 'ACTIVE' && project.status !== 'REVIEW' && project.status !== 'CLOSED' && (
        <p className="ponte-muted">{copy.notRunning}</p>
      )}
      {(project.status === 'ACTIVE' || project.status === 'REVIEW') && (
        <form onSubmit={submit} noValidate aria-labelledby="verifica-titolo" className="ponte-subform mt-3">
          <h3 id="verifica-titolo" className="h5">
            {copy.formHeading}
          </h3>
          <FormFeedback message={form.message} />
          <div className="row">
            <div className="col-12 col-md-4">
              <TextField label={copy.date} type="date" max={todayIso()} required {...field('date')} />
            </div>
            <div className="col-12 col-md-8">
              <fieldset
                id="verifica-participantIds"
                tabIndex={-1}
                className="ponte-fieldset"
                aria-describedby={form.errors.participantIds ? 'verifica-participantIds-errore' : undefined}
              >
                <legend>{copy.participantsLegend}</legend>
                {members.map((m) => (
                  <CheckboxField
                    key={m.id}
                    id={`verifica-partecipante-${m.id}`}
                    label={`${m.displayName} – ${professionLabels[m.profession]}`}
                    checked={participants.includes(m.id)}
                    onChange={(checked) => {
                      setParticipants((list) => (checked ? [...list, m.id] : list.filter((id) => id !== m.id)));
                      setConfirming(false);
                      form.set('participantIds')('');
                    }}
                  />
                ))}
                {form.errors.participantIds && (
                  <div id="verifica-participantIds-errore" className="invalid-feedback d-block">
                    {form.errors.participantIds}
                  </div>
                )}
              </fieldset>
            </div>
          </div>
          <div className="row">
            <div className="col-12 col-lg-6">
              <TextAreaField label={copy.notes} rows={2} {...field('notes')} />
            </div>
            <div className="col-12 col-lg-6">
              <TextAreaField label={copy.decisions} hint={copy.contentHint} rows={2} {...field('decisions')} />
            </div>
          </div>
          {confirming ? (
            <div className="alert alert-info ponte-form-message" data-testid="conferma-verifica">
              <p className="mb-1 fw-semibold">{copy.confirmHeading}</p>
              <p className="mb-2">
                {copy.confirmText(
                  formatDate(form.values.date),
                  names.join(', '),
                  formatDate(nextReview(form.values.date, project.reviewEveryDays)),
                )}
              </p>
              <ConfirmButtons label={copy.confirm} working={fetching} onConfirm={() => void send()} onCancel={() => setConfirming(false)} />
            </div>
          ) : (
            <Button type="submit" color="primary">
              {copy.submit}
            </Button>
          )}
        </form>
      )}
    </section>
  );
}
