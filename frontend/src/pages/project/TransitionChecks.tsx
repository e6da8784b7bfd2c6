import { projectStatusLabels } from '../../i18n/enums';
import { projectCopy } from './copy';
import type { Project } from './queries';
import { fixLink, upperFirst } from './transitions';

const copy = projectCopy.status;

/**
 * Under the step buttons, before any is pressed: for each step the server
 * would refuse now, what is missing (`transitionChecks.refusals`, the same
 * reasons `transitionProject` gives), each with a link to the section where
 * it is fixed; for a step that can be made, what the team should know first
 * (`warnings`, e.g. a budget not yet agreed by every party). Steps that are
 * ready without warnings say nothing.
 */
export function TransitionChecks({ project }: { project: Pick<Project, 'id' | 'person' | 'transitionChecks'> }) {
  const checks = project.transitionChecks;
  const blocked = checks.filter((c) => !c.ready && c.refusals.length > 0);
  const warned = checks.filter((c) => c.ready && c.warnings.length > 0);
  if (blocked.length === 0 && warned.length === 0) return null;
  return (
    <div className="mt-3" data-testid="condizioni-passaggi">
      {blocked.map((check) => (
        <div key={check.to} className="mb-2" data-testid={`condizioni-${check.to}`}>
          <p className="mb-1 fw-semibold">{copy.checkMissing(projectStatusLabels[check.to])}</p>
          <RefusalList refusals={check.refusals} project={project} />
        </div>
      ))}
      {warned.map((check) => (
        <div key={check.to} className="alert alert-warning ponte-form-message" data-testid={`avvertenze-${check.to}`}>
          <p className="mb-1 fw-semibold">{copy.checkWarnings(projectStatusLabels[check.to])}</p>
          <ul className="mb-0">
            {check.warnings.map((note) => (
              <li key={note}>{upperFirst(note)}</li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

/** Each reason a step is refused, with the link to where it is fixed. */
export function RefusalList({
  refusals,
  project,
}: {
  refusals: Project['transitionChecks'][number]['refusals'];
  project: Pick<Project, 'id' | 'person'>;
}) {
  return (
    <ul className="mb-0">
      {refusals.map((refusal) => {
        const link = fixLink(refusal.code, project);
        return (
          <li key={refusal.message}>
            {upperFirst(refusal.message)}
            {link && (
              <>
                {' '}
                <a href={link.href} data-testid={`rimedio-${refusal.code}`}>
                  {link.label}
                </a>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
