import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { FormFeedback } from '../../components/FormFeedback';
import { SelectField } from '../../components/SelectField';
import { useForm } from '../../components/useForm';
import { graphql } from '../../gql';
import { projectCopy } from './copy';
import type { Project } from './queries';

const copy = projectCopy.caseManager;

export const changeCaseManagerMutation = graphql(`
  mutation ChangeCaseManager($input: ChangeCaseManagerInput!) {
    changeCaseManager(input: $input) {
      id
      version
      caseManager {
        id
        displayName
      }
    }
  }
`);

const FIELDS = ['caseManagerId'] as const;

/**
 * The case manager in the project's summary and, while the project is not
 * closed, "Cambia case manager": a formal act (it is recorded in the
 * project's history), so as for closing a project the choice opens a form
 * and only its "Conferma" sends `changeCaseManager`. The choices are the
 * active members of the project's team other than the current case manager;
 * the server checks it again (VALIDATION on `caseManagerId`) and refuses a
 * stale `expectedVersion` (CONFLICT, with "Ricarica").
 */
export function CaseManagerChange({ project, onReload }: { project: Project; onReload: () => void }) {
  const [open, setOpen] = useState(false);
  const form = useForm('case-manager', FIELDS, { caseManagerId: '' });
  const [{ fetching }, change] = useMutation(changeCaseManagerMutation);
  const current = project.caseManager;
  const candidates = (project.team?.members ?? [])
    .filter((m) => m.active && m.user && m.user.id !== current?.id)
    .map((m) => m.user!)
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'it'));
  const chosen = candidates.find((u) => u.id === form.values.caseManagerId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form.check({ caseManagerId: form.values.caseManagerId ? undefined : copy.missing.caseManagerId })) return;
    const result = await change({
      input: { projectId: project.id, expectedVersion: project.version, caseManagerId: form.values.caseManagerId },
    });
    if (result.data) {
      form.done(copy.changed(result.data.changeCaseManager.caseManager?.displayName ?? chosen?.displayName ?? ''));
      setOpen(false);
    } else {
      form.fail(result.error, projectCopy.conflict);
    }
  }

  function toggle() {
    form.setMessage(undefined);
    setOpen((o) => !o);
  }

  return (
    <>
      <span data-testid="case-manager">{current?.displayName ?? projectCopy.none}</span>
      {project.status !== 'CLOSED' && (
        <>
          {' '}
          <Button
            type="button"
            color="primary"
            outline
            size="xs"
            className="ms-2"
            aria-expanded={open}
            aria-controls={open ? 'case-manager-modulo' : undefined}
            onClick={toggle}
          >
            {copy.change}
          </Button>
          <FormFeedback message={form.message} onReload={onReload} />
          {open &&
            (candidates.length === 0 ? (
              <p id="case-manager-modulo" className="mt-2 ponte-muted">
                {copy.noCandidates}
              </p>
            ) : (
              <form id="case-manager-modulo" onSubmit={submit} noValidate className="mt-3" aria-label={copy.heading}>
                <SelectField
                  label={copy.newCaseManager}
                  hint={copy.hint(project.team?.name ?? projectCopy.none)}
                  options={candidates.map((u) => [u.id, u.displayName] as const)}
                  placeholder={projectCopy.choose}
                  required
                  {...form.field('caseManagerId')}
                />
                {chosen && (
                  <p className="mb-3" data-testid="conferma-case-manager">
                    {copy.confirmText(chosen.displayName, current?.displayName ?? null)}
                  </p>
                )}
                <div className="d-flex gap-2">
                  <Button type="submit" color="primary" size="sm" disabled={fetching}>
                    {fetching ? copy.working : copy.confirm}
                  </Button>
                  <Button type="button" color="secondary" outline size="sm" onClick={() => setOpen(false)}>
                    {copy.cancel}
                  </Button>
                </div>
              </form>
            ))}
        </>
      )}
    </>
  );
}
