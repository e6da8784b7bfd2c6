import { projectStatusLabels } from '../../i18n/enums';
import { projectCopy } from './copy';
import type { Project } from './queries';
import { upperFirst } from './transitions';

const copy = projectCopy.status;

/**
 * Under the step buttons, before any is pressed: for each step the server
 * would refuse now, what is missing (`transitionChecks.reasons`, the same
 * reasons `transitionProject` gives); for a step that can be made, what the
 * team should know first (`warnings`, e.g. a budget not yet agreed by every
 * party). Steps that are ready without warnings say nothing.
 */
export function TransitionChecks({ checks }: { checks: Project['transitionChecks'] }) {
  const blocked = checks.filter((c) => !c.ready && c.reasons.length > 0);
  const warned = checks.filter((c) => c.ready && c.warnings.length > 0);
  if (blocked.length === 0 && warned.length === 0) return null;
  return (
    <div className="mt-3" data-testid="condizioni-passaggi">
      {blocked.map((check) => (
        <CheckNotes
          key={check.to}
          testId={`condizioni-${check.to}`}
          className="mb-2"
          title={copy.checkMissing(projectStatusLabels[check.to])}
          notes={check.reasons}
        />
      ))}
      {warned.map((check) => (
        <CheckNotes
          key={check.to}
          testId={`avvertenze-${check.to}`}
          className="alert alert-warning ponte-form-message"
          title={copy.checkWarnings(projectStatusLabels[check.to])}
          notes={check.warnings}
        />
      ))}
    </div>
  );
}

function CheckNotes({ title, notes, className, testId }: { title: string; notes: string[]; className: string; testId: string }) {
  return (
    <div className={className} data-testid={testId}>
      <p className="mb-1 fw-semibold">{title}</p>
      <ul className="mb-0">
        {notes.map((note) => (
          <li key={note}>{upperFirst(note)}</li>
        ))}
      </ul>
    </div>
  );
}
