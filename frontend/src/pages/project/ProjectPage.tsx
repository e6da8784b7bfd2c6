import { useCallback, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { DocumentsSection } from '../../components/documents/DocumentsSection';
import { FormMessage } from '../../components/FormMessage';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RecordUnavailable } from '../../components/RecordUnavailable';
import { projectKindLabels } from '../../i18n/enums';
import { formatDate, formatDateTime } from '../../i18n/format';
import { paths, pathTo } from '../../routes';
import { useLocation } from '../../router/router';
import { BudgetSection } from './BudgetSection';
import { CaseManagerChange } from './CaseManagerChange';
import { ConsentSection } from './ConsentSection';
import { projectCopy as copy } from './copy';
import { GoalsSection } from './GoalsSection';
import { IntegratedSection } from './IntegratedSection';
import { LifeAreaScoresSection } from './LifeAreaScoresSection';
import { printCopy } from './printCopy';
import { ProjectStatusPanel } from './ProjectStatusPanel';
import { projectContext, projectDetailQuery, type Project } from './queries';
import { ReviewsSection } from './ReviewsSection';
import { diaryCopy } from '../person/diaryCopy';
import { ProjectDiary } from '../person/PersonDiary';
import { ReviewOverdueBadge } from '../../components/ReviewOverdueBadge';
import { personName } from '../../i18n/names';

/**
 * The project's sections, one shown at a time (the whole page was 16,400 px
 * tall on a phone), the open one in the URL (`?sezione=budget`) so that a
 * reload or a shared link opens the same one. The summary and the status,
 * with its steps and what each still needs, stay above them all.
 */
export const PROJECT_SECTIONS = [
  'obiettivi',
  'integrato',
  'consenso',
  'verifiche',
  'budget',
  'punteggi',
  'diario',
  'documenti',
  'storia',
] as const;
export type ProjectSection = (typeof PROJECT_SECTIONS)[number];

const sectionLabels: Record<ProjectSection, string> = {
  obiettivi: copy.sections.goals,
  // A PAI only: the section is not offered for the other kinds.
  integrato: copy.sections.integrated,
  consenso: copy.sections.consent,
  verifiche: copy.sections.reviews,
  budget: copy.sections.budget,
  punteggi: copy.sections.scores,
  documenti: copy.sections.documents,
  diario: diaryCopy.projectHeading,
  storia: copy.sections.history,
};

/** The sections this project has, and the one `?sezione=` opens (the goals when it names none of them). */
export function projectSections(kind: Project['kind'], asked: string | null): { offered: ProjectSection[]; open: ProjectSection } {
  const offered = PROJECT_SECTIONS.filter((s) => s !== 'integrato' || kind === 'PAI');
  const open = offered.find((s) => s === asked) ?? 'obiettivi';
  return { offered, open };
}

/** Progetto: summary, status and its steps, then one section at a time: goals and interventions, an integrated PAI's signatures, consent, reviews, Budget di Salute, scores, history. */
export function ProjectPage({ id }: { id: string }) {
  const { search } = useLocation();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: projectDetailQuery, variables: { id }, context: projectContext });
  const reload = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);

  if (fetching && !data) return <Loading />;
  if (error || !data?.project)
    return <RecordUnavailable error={error} copy={copy} back={{ href: paths.projects, label: copy.backToProjects }} />;
  const project = data.project;
  const { offered, open } = projectSections(project.kind, search.get('sezione'));

  return (
    <>
      <PageHeading title={project.title} />
      <p className="d-flex flex-wrap gap-3 ponte-no-print">
        <a href={paths.projects}>{copy.backToProjects}</a>
        {project.person && <a href={pathTo.person(project.person.id)}>{copy.personLink(personName(project.person, 'text'))}</a>}
        <a href={pathTo.projectPrint(project.id)} className="btn btn-outline-primary btn-sm" data-testid="stampa-pai">
          {printCopy.printButton(project.kind === 'PAI')}
        </a>
      </p>
      {search.get('aperto') && <FormMessage kind="success">{copy.opened}</FormMessage>}
      <Summary project={project} onReload={reload} />
      <ProjectStatusPanel project={project} onReload={reload} />
      <nav aria-label={copy.sectionsLabel} className="ponte-toc ponte-sections mb-4">
        <ul className="list-inline mb-0">
          {offered.map((section) => (
            <li key={section} className="list-inline-item">
              <a href={pathTo.project(project.id, section)} aria-current={section === open ? 'page' : undefined}>
                {sectionLabels[section]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {open === 'obiettivi' && <GoalsSection project={project} />}
      {open === 'integrato' && <IntegratedSection project={project} onReload={reload} />}
      {open === 'consenso' && <ConsentSection project={project} onReload={reload} />}
      {open === 'verifiche' && <ReviewsSection project={project} />}
      {open === 'budget' && <BudgetSection project={project} />}
      {open === 'punteggi' && <LifeAreaScoresSection project={project} />}
      {open === 'documenti' && <DocumentsSection subjectKind="PROJECT" subjectId={project.id} />}
      {open === 'diario' && project.person && <ProjectDiary projectId={project.id} personId={project.person.id} />}
      {open === 'storia' && <History project={project} />}
    </>
  );
}

function Summary({ project, onReload }: { project: Project; onReload: () => void }) {
  const c = copy.summary;
  const row = (term: string, value: ReactNode) => (
    <>
      <dt className="col-sm-4 col-lg-3">{term}</dt>
      <dd className="col-sm-8 col-lg-9">{value}</dd>
    </>
  );
  return (
    <section aria-labelledby="progetto-sintesi" className="ponte-section">
      <h2 id="progetto-sintesi" className="visually-hidden">
        {copy.sections.summary}
      </h2>
      <dl className="row ponte-definition mb-0" data-testid="sintesi-progetto">
        {row(c.person, project.person ? personName(project.person, 'text') : copy.none)}
        {row(c.kind, projectKindLabels[project.kind])}
        {row(c.team, project.team?.name ?? copy.none)}
        {row(c.caseManager, <CaseManagerChange project={project} onReload={onReload} />)}
        {row(c.startDate, formatDate(project.startDate))}
        {row(c.cadence, c.everyDays(project.reviewEveryDays))}
        {project.status === 'CLOSED'
          ? row(c.nextReview, project.closedOn ? c.closed(formatDate(project.closedOn), project.closureReason ?? copy.none) : copy.none)
          : row(
              c.nextReview,
              <>
                {formatDate(project.nextReviewOn)}
                <ReviewOverdueBadge overdue={project.reviewOverdue} nextReviewOn={project.nextReviewOn} />
              </>,
            )}
      </dl>
    </section>
  );
}

function History({ project }: { project: Project }) {
  const c = copy.history;
  return (
    <section aria-labelledby="progetto-storia" className="ponte-section">
      <h2 id="progetto-storia" className="h4">
        {copy.sections.history}
      </h2>
      <p>{c.intro}</p>
      {project.history.length === 0 ? (
        <p>{c.none}</p>
      ) : (
        <ol className="ponte-history" data-testid="storia-progetto">
          {project.history.map((event, i) => (
            <li key={`${event.occurredAt}-${i}`}>
              <span className="ponte-muted">{formatDateTime(event.occurredAt)}</span> – {event.summary}
              {event.actor && <span className="ponte-muted"> ({c.by(event.actor.displayName)})</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
