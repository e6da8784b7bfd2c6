import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { FormFeedback } from '../../components/FormFeedback';
import { captionWithDirection, layoutPoints } from '../../components/LineChart';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useForm } from '../../components/useForm';
import { graphql } from '../../gql';
import type { LifeArea, Rater } from '../../gql/graphql';
import { labelOptions, lifeAreaLabels, raterLabels } from '../../i18n/enums';
import { formatDate, todayIso } from '../../i18n/format';
import { projectCopy } from './copy';
import type { Project } from './queries';

const copy = projectCopy.scores;

export const recordLifeAreaScoresMutation = graphql(`
  mutation RecordLifeAreaScores($input: RecordLifeAreaScoresInput!) {
    recordLifeAreaScores(input: $input) {
      id
      version
    }
  }
`);

const WIDTH = 560;
const HEIGHT = 220;
const SERIES: Record<Rater, { color: string; dash?: string }> = {
  TEAM: { color: '#0059b3' },
  PERSON: { color: '#8a4500', dash: '6 4' },
};

type Point = Project['lifeAreaScores'][number]['points'][number];

/** One life area's scores over time, a line per rater (the person, the team), on the 1–5 scale. */
export function TrajectoryChart({ area, points }: { area: LifeArea; points: Point[] }) {
  const caption = captionWithDirection(copy.chartCaption(lifeAreaLabels[area]), 'up');
  const placed = layoutPoints(
    points.map((p) => ({ date: p.date, value: p.score })),
    1,
    5,
  );
  const yOf = (value: number) => layoutPoints([{ date: '2000-01-01', value }], 1, 5)[0].y;
  const raters = (Object.keys(SERIES) as Rater[]).filter((r) => points.some((p) => p.rater === r));
  return (
    <figure className="ponte-chart" data-testid={`traiettoria-${area}`}>
      <figcaption className="fw-semibold mb-2">{caption}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
        {[1, 2, 3, 4, 5].map((level) => (
          <g key={level}>
            <line x1={44} x2={WIDTH - 24} y1={yOf(level)} y2={yOf(level)} stroke="#c5ced8" strokeWidth="1" />
            <text x={36} y={yOf(level) + 4} textAnchor="end">
              {level}
            </text>
            {copy.levelNames[level] && (
              <text x={WIDTH - 28} y={yOf(level) + (level === 5 ? 14 : -6)} textAnchor="end" className="ponte-band-label">
                {copy.levelNames[level]}
              </text>
            )}
          </g>
        ))}
        <text x={50} y={24} className="ponte-better">
          ↑ meglio
        </text>
        {raters.map((rater) => {
          const mine = placed.filter((_, i) => points[i].rater === rater);
          const { color, dash } = SERIES[rater];
          return (
            <g key={rater}>
              {mine.length > 1 && (
                <polyline
                  points={mine.map((p) => `${p.x},${p.y}`).join(' ')}
                  fill="none"
                  stroke={color}
                  strokeWidth="2.5"
                  strokeDasharray={dash}
                />
              )}
              {mine.map((p, i) =>
                rater === 'TEAM' ? (
                  <circle key={i} cx={p.x} cy={p.y} r="5" fill={color} stroke="#fff" strokeWidth="1.5" />
                ) : (
                  <rect key={i} x={p.x - 5} y={p.y - 5} width="10" height="10" fill={color} stroke="#fff" strokeWidth="1.5" />
                ),
              )}
            </g>
          );
        })}
        {placed.length > 0 && (
          <>
            <text x={placed[0].x} y={HEIGHT - 18} textAnchor={placed.length === 1 ? 'middle' : 'start'}>
              {formatDate(points[0].date)}
            </text>
            {placed.length > 1 && points[points.length - 1].date !== points[0].date && (
              <text x={placed[placed.length - 1].x} y={HEIGHT - 18} textAnchor="end">
                {formatDate(points[points.length - 1].date)}
              </text>
            )}
          </>
        )}
      </svg>
      <p className="small mb-0 ponte-legend-line" aria-hidden="true">
        {raters.map((rater) => (
          <span key={rater} className="me-3">
            <span className={`ponte-legend-swatch ponte-legend-${rater.toLowerCase()}`} /> {raterLabels[rater]}
          </span>
        ))}
      </p>
      {/* In a hidden box: a table ignores the 1 px width of .visually-hidden and would widen a phone page. */}
      <div className="visually-hidden">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{copy.columns.date}</th>
              <th scope="col">{copy.columns.value}</th>
              <th scope="col">{copy.columns.note}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={`${p.date}-${p.rater}-${i}`}>
                <td>{formatDate(p.date)}</td>
                <td>{p.score}</td>
                <td>
                  {raterLabels[p.rater]}
                  {p.note ? ` – ${p.note}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

const FIELDS = ['date', 'rater', 'scores'] as const;
const SCORE_OPTIONS = [1, 2, 3, 4, 5].map((n) => [String(n), String(n)] as const);

/** Esiti per area di vita: a trajectory chart per area and the form to record scores. */
export function LifeAreaScoresSection({ project }: { project: Project }) {
  const initial = { date: todayIso(), rater: 'TEAM', scores: '' };
  const form = useForm('punteggi', FIELDS, initial);
  const [scores, setScores] = useState<Partial<Record<LifeArea, string>>>({});
  const [{ fetching }, record] = useMutation(recordLifeAreaScoresMutation);
  const trajectories = project.lifeAreaScores.filter((t) => t.points.length > 0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const given = (Object.entries(scores) as Array<[LifeArea, string]>).filter(([, s]) => s);
    const ok = form.check({
      date: form.values.date ? undefined : copy.missing.date,
      rater: form.values.rater ? undefined : copy.missing.rater,
      scores: given.length > 0 ? undefined : copy.missing.scores,
    });
    if (!ok) return;
    const result = await record({
      input: {
        projectId: project.id,
        date: form.values.date,
        rater: form.values.rater as Rater,
        scores: given.map(([lifeArea, score]) => ({ lifeArea, score: Number(score) })),
      },
    });
    if (result.data) {
      form.done(copy.recorded, initial);
      setScores({});
    } else form.fail(result.error);
  }

  return (
    <section aria-labelledby="progetto-punteggi" className="ponte-section">
      <h2 id="progetto-punteggi" className="h4">
        {projectCopy.sections.scores}
      </h2>
      <p>{copy.intro}</p>
      {trajectories.length === 0 ? (
        <p>{copy.none}</p>
      ) : (
        <div className="row g-4">
          {trajectories.map((t) => (
            <div key={t.lifeArea} className="col-12 col-xl-6">
              <TrajectoryChart area={t.lifeArea} points={t.points} />
            </div>
          ))}
        </div>
      )}
      {project.status !== 'CLOSED' && (
        <form onSubmit={submit} noValidate aria-labelledby="punteggi-titolo" className="ponte-subform mt-4">
          <h3 id="punteggi-titolo" className="h5">
            {copy.formHeading}
          </h3>
          <FormFeedback message={form.message} />
          <div className="row">
            <div className="col-12 col-md-6 col-lg-3">
              <TextField label={copy.date} type="date" max={todayIso()} required {...form.field('date')} />
            </div>
            <div className="col-12 col-md-6 col-lg-3">
              <SelectField label={copy.rater} options={labelOptions(raterLabels)} required {...form.field('rater')} />
            </div>
          </div>
          <fieldset
            id="punteggi-scores"
            tabIndex={-1}
            className="ponte-fieldset"
            aria-describedby={form.errors.scores ? 'punteggi-scores-errore' : undefined}
          >
            <legend>{copy.legend}</legend>
            <div className="row">
              {labelOptions(lifeAreaLabels).map(([area, label]) => (
                <div key={area} className="col-12 col-md-6 col-lg-3">
                  <SelectField
                    id={`punteggi-${area}`}
                    label={label}
                    value={scores[area] ?? ''}
                    onChange={(value) => {
                      setScores((s) => ({ ...s, [area]: value }));
                      form.set('scores')('');
                    }}
                    options={SCORE_OPTIONS}
                    placeholder={copy.noScore}
                  />
                </div>
              ))}
            </div>
            {form.errors.scores && (
              <div id="punteggi-scores-errore" className="invalid-feedback d-block">
                {form.errors.scores}
              </div>
            )}
          </fieldset>
          <Button type="submit" color="primary" disabled={fetching}>
            {fetching ? copy.working : copy.submit}
          </Button>
        </form>
      )}
    </section>
  );
}
