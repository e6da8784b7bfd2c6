import { Button } from 'design-react-kit';
import { Fragment, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RecordUnavailable } from '../../components/RecordUnavailable';
import { graphql } from '../../gql';
import type { PrintProjectQuery, ReferencePersonKind } from '../../gql/graphql';
import {
  consentMethodLabels,
  fundingSourceLabels,
  integratedPartLabels,
  labelOptions,
  lifeAreaLabels,
  professionLabels,
  projectKindLabels,
  providerKindLabels,
  referencePersonKindLabels,
  resourceKindLabels,
  resourceUnitLabels,
  serviceKindLabels,
} from '../../i18n/enums';
import { formatDate } from '../../i18n/format';
import { paths, pathTo } from '../../routes';
import { formatQuantity, groupTotals } from './budget';
import { projectCopy } from './copy';
import { INTEGRATED_PARTS } from './integrated';
import { printCopy as copy } from './printCopy';
import { personName } from '../../i18n/names';

/** What the printed PAI shows, in one request: no history, no scores, no form data. */
export const printProjectQuery = graphql(`
  query PrintProject($id: ID!) {
    project(id: $id) {
      id
      kind
      status
      title
      startDate
      reviewEveryDays
      nextReviewOn
      closedOn
      ...ProjectPartiesFields
      ...ProjectPlanFields
      person {
        id
        givenName
        familyName
        fiscalCode
        alternativeCode
        birthDate
        birthPlace
        residence
        homeless
        residenceComune {
          id
          name
        }
        referencePersons {
          id
          kind
          fullName
          relationship
        }
      }
      reviews {
        id
        date
      }
      budget {
        resources {
          id
          lifeArea
          kind
          providerKind
          providerName
          fundingSource
          description
          unit
          plannedQuantity
          usedQuantity
        }
        totals {
          overall {
            ...BudgetTotalFields
          }
          byLifeArea {
            ...BudgetTotalFields
          }
        }
      }
    }
  }
`);

type PrintedProject = NonNullable<PrintProjectQuery['project']>;
type Person = NonNullable<PrintedProject['person']>;

const LIFE_AREAS = labelOptions(lifeAreaLabels);
/** Who may sign for the person: a legal representative, not any reference person. */
const REPRESENTATIVES: ReadonlySet<ReferencePersonKind> = new Set(['AMMINISTRATORE_DI_SOSTEGNO', 'TUTORE']);

/**
 * Stampa PAI: the project as a document to print and sign. The print
 * stylesheet (styles/print.css) drops the app's frame and this page's
 * buttons, so the paper holds the document only.
 */
export function PrintProjectPage({ id }: { id: string }) {
  const [{ data, error, fetching }] = useQuery({ query: printProjectQuery, variables: { id } });
  if (fetching && !data) return <Loading />;
  if (error || !data?.project)
    return <RecordUnavailable error={error} copy={projectCopy} back={{ href: paths.projects, label: projectCopy.backToProjects }} />;
  const project = data.project;

  return (
    <article className="ponte-print" aria-label={copy.documentLabel}>
      <div className="ponte-no-print d-flex flex-wrap align-items-center gap-3 mb-4">
        <a href={pathTo.project(project.id)}>{copy.backToProject}</a>
        <Button color="primary" onClick={() => window.print()}>
          {copy.print}
        </Button>
        <span className="ponte-muted">{copy.hint}</span>
      </div>
      <p className="ponte-print-kind mb-1" data-testid="stampa-tipo">
        {projectKindLabels[project.kind]}
      </p>
      <PageHeading title={project.title} />
      {project.person && <PersonBlock person={project.person} />}
      <TeamBlock project={project} />
      <DatesBlock project={project} />
      <GoalsBlock project={project} />
      <BudgetBlock budget={project.budget} />
      <ConsentBlock consent={project.consent} />
      <ReviewsBlock project={project} />
      <SignaturesBlock project={project} />
    </article>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="ponte-print-section">
      <h2 id={id} className="h4">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Terms({ rows, testId }: { rows: [string, ReactNode][]; testId: string }) {
  return (
    <dl className="row ponte-definition mb-0" data-testid={testId}>
      {rows.map(([term, value]) => (
        <Fragment key={term}>
          <dt className="col-4">{term}</dt>
          <dd className="col-8">{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** Family name first, as on the identity block and in the app's lists. */
function sortName(person: Pick<Person, 'givenName' | 'familyName'>): string {
  return personName(person, 'list');
}

function representatives(person: Person) {
  return person.referencePersons.filter((r) => REPRESENTATIVES.has(r.kind));
}

function PersonBlock({ person }: { person: Person }) {
  const c = copy.person;
  const residence = [person.residence, person.residenceComune?.name].filter(Boolean).join(', ');
  const rows: [string, ReactNode][] = [
    [c.name, sortName(person)],
    person.fiscalCode ? [c.fiscalCode, person.fiscalCode] : [c.alternativeCode, person.alternativeCode ?? copy.none],
    [c.birth, c.born(formatDate(person.birthDate), person.birthPlace ?? null)],
    [c.residence, residence ? `${residence}${person.homeless ? ` ${c.fictitious}` : ''}` : copy.none],
  ];
  const legal = representatives(person);
  if (legal.length > 0)
    rows.push([c.representatives, legal.map((r) => `${r.fullName} (${referencePersonKindLabels[r.kind].toLowerCase()})`).join('; ')]);
  return (
    <Section id="stampa-persona" title={c.heading}>
      <Terms rows={rows} testId="stampa-persona" />
    </Section>
  );
}

function TeamBlock({ project }: { project: PrintedProject }) {
  const c = copy.team;
  const members = (project.team?.members ?? []).filter((m) => m.active && m.user);
  return (
    <Section id="stampa-equipe" title={c.heading}>
      <Terms
        testId="stampa-equipe"
        rows={[
          [c.team, project.team?.name ?? copy.none],
          [c.caseManager, project.caseManager?.displayName ?? copy.none],
          [
            c.members,
            members.length === 0
              ? copy.none
              : members
                  .map((m) => (m.user ? `${m.user.displayName} (${professionLabels[m.user.profession].toLowerCase()})` : ''))
                  .join('; '),
          ],
        ]}
      />
    </Section>
  );
}

function DatesBlock({ project }: { project: PrintedProject }) {
  const c = copy.dates;
  const rows: [string, ReactNode][] = [
    [c.start, formatDate(project.startDate)],
    [c.cadence, c.everyDays(project.reviewEveryDays)],
    project.closedOn ? [c.closed, formatDate(project.closedOn)] : [c.nextReview, formatDate(project.nextReviewOn)],
  ];
  return (
    <Section id="stampa-tempi" title={c.heading}>
      <Terms rows={rows} testId="stampa-tempi" />
    </Section>
  );
}

function InterventionItem({ intervention }: { intervention: PrintedProject['interventions'][number] }) {
  const c = copy.goals;
  return (
    <li>
      <strong>{serviceKindLabels[intervention.serviceKind]}</strong>: {intervention.frequency}
      {intervention.provider && ` – ${intervention.provider.name}`} (
      {c.from(formatDate(intervention.startDate), intervention.endDate ? formatDate(intervention.endDate) : null)})
    </li>
  );
}

function GoalsBlock({ project }: { project: PrintedProject }) {
  const c = copy.goals;
  return (
    <Section id="stampa-obiettivi" title={c.heading}>
      {LIFE_AREAS.map(([area, label]) => {
        const goals = project.goals.filter((g) => g.lifeArea === area);
        const interventions = project.interventions.filter((i) => i.lifeArea === area);
        // An intervention tied to a goal is printed under it; the rest after the area's goals.
        const goalIds = new Set(goals.map((g) => g.id));
        const loose = interventions.filter((i) => !i.goalId || !goalIds.has(i.goalId));
        return (
          <div key={area} className="ponte-print-area" data-testid={`stampa-area-${area}`}>
            <h3 className="h5">{label}</h3>
            {goals.length === 0 && interventions.length === 0 && <p>{c.none}</p>}
            {goals.map((goal) => {
              const own = interventions.filter((i) => i.goalId === goal.id);
              return (
                <div key={goal.id} className="ponte-print-goal" data-testid="stampa-obiettivo">
                  <p className="mb-1">
                    <strong>
                      {c.goal}: {goal.description}
                    </strong>
                  </p>
                  {goal.targetDate && <p className="mb-1">{c.target(formatDate(goal.targetDate))}</p>}
                  {goal.indicator && <p className="mb-1">{c.indicator(goal.indicator)}</p>}
                  {goal.outcomeNote && <p className="mb-1">{c.outcome(goal.outcomeNote)}</p>}
                  {own.length > 0 && (
                    <>
                      <p className="mb-1">{c.interventions}:</p>
                      <ul className="mb-0">
                        {own.map((i) => (
                          <InterventionItem key={i.id} intervention={i} />
                        ))}
                      </ul>
                    </>
                  )}
                </div>
              );
            })}
            {loose.length > 0 && (
              <div className="ponte-print-goal">
                <p className="mb-1">{loose.length < interventions.length ? c.otherInterventions : c.interventions}:</p>
                <ul className="mb-0">
                  {loose.map((i) => (
                    <InterventionItem key={i.id} intervention={i} />
                  ))}
                </ul>
              </div>
            )}
          </div>
        );
      })}
    </Section>
  );
}

function providerName(resource: PrintedProject['budget']['resources'][number]): string {
  return resource.providerKind === 'ORGANIZATION' ? (resource.providerName ?? copy.none) : providerKindLabels[resource.providerKind];
}

function BudgetBlock({ budget }: { budget: PrintedProject['budget'] }) {
  const c = copy.budget;
  if (budget.resources.length === 0)
    return (
      <Section id="stampa-budget" title={c.heading}>
        <p>{c.none}</p>
      </Section>
    );
  // The sums are the server's; one line per unit, as euros and hours never add up.
  const areaTotals = groupTotals(budget.totals.byLifeArea, (key) => key);
  const overall = groupTotals(budget.totals.overall, () => c.overall);
  return (
    <Section id="stampa-budget" title={c.heading}>
      <p>{c.unitsApart}</p>
      {LIFE_AREAS.map(([area, label]) => {
        const resources = budget.resources.filter((r) => r.lifeArea === area);
        if (resources.length === 0) return null;
        const total = areaTotals.find((t) => t.key === area);
        return (
          // Three columns: the table fits a phone's width without scrolling.
          <table key={area} className="table table-sm ponte-print-table" data-testid={`stampa-budget-${area}`}>
            <caption className="ponte-print-caption">{c.caption(label)}</caption>
            <thead>
              <tr>
                <th scope="col">{c.resource}</th>
                <th scope="col" className="text-end">
                  {c.planned}
                </th>
                <th scope="col" className="text-end">
                  {c.used}
                </th>
              </tr>
            </thead>
            <tbody>
              {resources.map((r) => (
                <tr key={r.id}>
                  <td>
                    <strong>{r.description}</strong> ({resourceKindLabels[r.kind].toLowerCase()})
                    <br />
                    {c.providedBy(providerName(r), fundingSourceLabels[r.fundingSource])}
                  </td>
                  <td className="text-end text-nowrap">{formatQuantity(r.plannedQuantity, r.unit)}</td>
                  <td className="text-end text-nowrap">{formatQuantity(r.usedQuantity, r.unit)}</td>
                </tr>
              ))}
            </tbody>
            {total && <TotalRows label={c.areaTotal} lines={total.lines} />}
          </table>
        );
      })}
      {overall.length > 0 && (
        <Terms
          testId="stampa-budget-totale"
          rows={overall[0].lines.map((line) => [
            `${c.overall} (${resourceUnitLabels[line.unit].toLowerCase()})`,
            c.plannedUsed(formatQuantity(line.planned, line.unit), formatQuantity(line.used, line.unit)),
          ])}
        />
      )}
    </Section>
  );
}

function TotalRows({ label, lines }: { label: string; lines: ReturnType<typeof groupTotals>[number]['lines'] }) {
  return (
    <tfoot>
      {lines.map((line) => (
        <tr key={line.unit}>
          <th scope="row">{label}</th>
          <td className="text-end text-nowrap">{formatQuantity(line.planned, line.unit)}</td>
          <td className="text-end text-nowrap">{formatQuantity(line.used, line.unit)}</td>
        </tr>
      ))}
    </tfoot>
  );
}

function ConsentBlock({ consent }: { consent: PrintedProject['consent'] }) {
  const c = copy.consent;
  if (!consent)
    return (
      <Section id="stampa-consenso" title={c.heading}>
        <p>{c.none}</p>
      </Section>
    );
  const rows: [string, ReactNode][] = [
    [c.method, consentMethodLabels[consent.method]],
    [c.date, formatDate(consent.date)],
  ];
  if (consent.witness) rows.push([c.witness, consent.witness]);
  if (consent.familyCosignature) rows.push([c.familyCosignature, consent.familyCosignature]);
  return (
    <Section id="stampa-consenso" title={c.heading}>
      <Terms rows={rows} testId="stampa-consenso" />
    </Section>
  );
}

function ReviewsBlock({ project }: { project: PrintedProject }) {
  const c = copy.reviews;
  return (
    <Section id="stampa-verifiche" title={c.heading}>
      <p className="mb-1">{c.held}:</p>
      {project.reviews.length === 0 ? (
        <p>{c.none}</p>
      ) : (
        <ul data-testid="stampa-verifiche">
          {project.reviews.map((r) => (
            <li key={r.id}>{formatDate(r.date)}</li>
          ))}
        </ul>
      )}
      {!project.closedOn && (
        <p>
          {c.next}: {formatDate(project.nextReviewOn)}
        </p>
      )}
    </Section>
  );
}

/** One party's signature: who signs, then the line to sign on. */
interface Signature {
  key: string;
  role: string;
  name: string | null;
}

/**
 * Who signs the paper: the person (naming a legal representative when there
 * is one), the case manager, then the services: an integrated PAI is signed
 * for its health and its social part, and every other organization that
 * provides an intervention or a resource signs for what it provides.
 */
function signatures(project: PrintedProject): Signature[] {
  const c = copy.signatures;
  const person = project.person;
  const legal = person ? representatives(person) : [];
  const personName = person
    ? [sortName(person), ...legal.map((r) => `${r.fullName} (${referencePersonKindLabels[r.kind].toLowerCase()})`)].join(' / ')
    : null;
  const list: Signature[] = [
    { key: 'persona', role: c.person, name: personName },
    { key: 'case-manager', role: c.caseManager, name: project.caseManager?.displayName ?? null },
  ];
  // The organizations that signed a part of an integrated PAI are named on its line, not again as providers.
  const named = new Set<string>();
  if (project.kind === 'PAI' && project.integrated) {
    for (const part of INTEGRATED_PARTS) {
      // The organization that signed the part already is named; otherwise the line is left for whoever signs.
      const signed = project.cosignatures.find((s) => s.part === part);
      if (signed?.organization) named.add(signed.organization.name);
      const name = signed ? [signed.organization?.name, signed.signatory].filter(Boolean).join(' – ') : null;
      list.push({ key: `parte-${part}`, role: c.part(integratedPartLabels[part]), name: name || null });
    }
  }
  const providers = new Set<string>();
  for (const i of project.interventions) if (i.provider) providers.add(i.provider.name);
  for (const r of project.budget.resources) if (r.providerKind === 'ORGANIZATION' && r.providerName) providers.add(r.providerName);
  for (const name of [...providers].filter((n) => !named.has(n)).sort((a, b) => a.localeCompare(b, 'it')))
    list.push({ key: `ente-${name}`, role: c.service, name });
  return list;
}

function SignaturesBlock({ project }: { project: PrintedProject }) {
  const c = copy.signatures;
  return (
    <section aria-labelledby="stampa-firme" className="ponte-print-section ponte-print-signatures" data-testid="stampa-firme">
      <h2 id="stampa-firme" className="h4">
        {c.heading}
      </h2>
      <p>{c.intro}</p>
      {signatures(project).map((s) => (
        <div key={s.key} className="ponte-print-signature" data-testid="stampa-firma">
          <p className="mb-1">
            <strong>{s.role}</strong>
            {s.name && `: ${s.name}`}
          </p>
          <p className="ponte-print-line">{c.line}</p>
        </div>
      ))}
    </section>
  );
}
