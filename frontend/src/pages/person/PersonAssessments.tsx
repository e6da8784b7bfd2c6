import { Badge } from 'design-react-kit';
import { useQuery } from 'urql';
import { FormMessage } from '../../components/FormMessage';
import { LineChart } from '../../components/LineChart';
import { LoadMore } from '../../components/LoadMore';
import { useCursorPages } from '../../components/useCursorPages';
import { graphql } from '../../gql';
import { errorMessage } from '../../graphql/errors';
import { instrumentLabels, needLevelLabels } from '../../i18n/enums';
import { formatDate } from '../../i18n/format';
import { pathTo } from '../../routes';
import { instrumentsQuery, type InstrumentDefinition } from '../assessment/instruments';
import { bandLabel } from '../assessment/scoring';
import { myTeamsQuery } from '../persons/NewPersonPage';
import { personCopy } from './copy';
import { ResponsiveTable } from '../../components/ScrollBox';

const copy = personCopy.assessments;
const PAGE_SIZE = 10;
// Constants: urql restarts a query whose context is a new object, on every render.
const context = { additionalTypenames: ['Assessment'] };

export const personAssessmentsQuery = graphql(`
  query PersonAssessments($id: ID!, $first: Int!, $after: String) {
    person(id: $id) {
      id
      assessments(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          date
          signedAt
          amended
          needLevel
          team {
            id
            name
          }
          results {
            instrument
            score
            band {
              code
              label
            }
          }
        }
      }
    }
  }
`);

export const scoreSeriesQuery = graphql(`
  query ScoreSeries($id: ID!, $instrument: Instrument!) {
    person(id: $id) {
      id
      scoreSeries(instrument: $instrument) {
        date
        score
        band
      }
    }
  }
`);

const ASSESSING_KINDS = ['UVM', 'EQUIPE_MULTIDISCIPLINARE'];

/** The person's assessments (latest versions, newest first) and a score chart per instrument. */
export function PersonAssessments({ personId }: { personId: string }) {
  const { cursors, last, loadMore } = useCursorPages(personId);
  const variables = (after: string | null) => ({ id: personId, first: PAGE_SIZE, after });
  const [first] = useQuery({ query: personAssessmentsQuery, variables: variables(null), context });
  const [lastPage] = useQuery({ query: personAssessmentsQuery, variables: variables(last), context });
  const [teams] = useQuery({ query: myTeamsQuery });
  const [instruments] = useQuery({ query: instrumentsQuery });
  const canAssess = (teams.data?.teams.nodes ?? []).some((t) => ASSESSING_KINDS.includes(t.kind));

  const total = first.data?.person?.assessments.totalCount ?? 0;
  const shown = (cursors.length - 1) * PAGE_SIZE + (lastPage.data?.person?.assessments.nodes.length ?? 0);
  const pageInfo = lastPage.data?.person?.assessments.pageInfo;

  return (
    <section aria-labelledby="scheda-valutazioni" className="ponte-section">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-3">
        <h2 id="scheda-valutazioni" className="h4 mb-0">
          {copy.heading}
        </h2>
        {canAssess && (
          <a className="btn btn-primary btn-sm" href={pathTo.newAssessment(personId)}>
            {copy.newAssessment}
          </a>
        )}
      </div>
      {first.error && <FormMessage kind="error">{errorMessage(first.error)}</FormMessage>}
      {first.data && total === 0 ? (
        <p className="mt-3">{copy.none}</p>
      ) : (
        <ResponsiveTable className="ponte-table">
          <caption className="visually-hidden">{copy.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{copy.date}</th>
              <th scope="col">{copy.team}</th>
              <th scope="col">{copy.needLevel}</th>
              <th scope="col">{copy.results}</th>
              <th scope="col">{copy.state}</th>
            </tr>
          </thead>
          {cursors.map((after) => (
            <AssessmentRows key={after ?? 'inizio'} variables={variables(after)} />
          ))}
        </ResponsiveTable>
      )}
      {first.data && total > 0 && (
        <LoadMore
          shown={shown}
          total={total}
          summary={copy.summary}
          hasNextPage={!!pageInfo?.hasNextPage}
          fetching={lastPage.fetching}
          onLoadMore={() => loadMore(pageInfo?.endCursor)}
        />
      )}

      {total > 0 && instruments.data && (
        <>
          <h3 className="h5 mt-5">{copy.chartsHeading}</h3>
          <p>{copy.chartsIntro}</p>
          <div className="row g-4">
            {instruments.data.instruments.map((definition) => (
              <ScoreChart key={definition.code} personId={personId} definition={definition} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function AssessmentRows({ variables }: { variables: { id: string; first: number; after: string | null } }) {
  const [{ data }] = useQuery({ query: personAssessmentsQuery, variables, context });
  if (!data?.person) return null;
  return (
    <tbody>
      {data.person.assessments.nodes.map((a) => (
        <tr key={a.id} data-testid="riga-valutazione">
          <td>
            <a href={pathTo.assessment(a.id)} aria-label={copy.openLabel(formatDate(a.date))}>
              {formatDate(a.date)}
            </a>
          </td>
          <td>{a.team?.name ?? '—'}</td>
          <td>{needLevelLabels[a.needLevel]}</td>
          <td>
            <ul className="list-unstyled mb-0">
              {a.results.map((r) => (
                <li key={r.instrument}>
                  {instrumentLabels[r.instrument]}: <strong>{r.score}</strong>
                  {r.band && <span className="ponte-muted"> – {r.band.label}</span>}
                </li>
              ))}
            </ul>
          </td>
          <td>
            {a.signedAt ? copy.signed : copy.draft}
            {a.amended && (
              <>
                {' '}
                <Badge color="warning" className="text-dark" pill>
                  {copy.amended}
                </Badge>
              </>
            )}
          </td>
        </tr>
      ))}
    </tbody>
  );
}

/** One instrument's scores over time; nothing when the person has none. */
function ScoreChart({ personId, definition }: { personId: string; definition: InstrumentDefinition }) {
  const [{ data }] = useQuery({
    query: scoreSeriesQuery,
    variables: { id: personId, instrument: definition.code },
    context,
  });
  const series = data?.person?.scoreSeries ?? [];
  if (series.length === 0) return null;
  const guides = definition.bands.map((b) => b.min);
  return (
    <div className="col-12 col-xl-6" data-testid={`grafico-${definition.code}`}>
      <LineChart
        caption={copy.chartCaption(definition.name, definition.minScore, definition.maxScore)}
        points={series.map((p) => ({ date: p.date, value: p.score, note: bandLabel(definition, p.band) }))}
        min={definition.minScore}
        max={definition.maxScore}
        guides={guides}
        bands={definition.bands}
        better={definition.higherIsBetter ? 'up' : 'down'}
        formatDate={formatDate}
        columns={copy.chartColumns}
      />
    </div>
  );
}
