/**
 * The final life-area scores the closure of a project asks for. The server
 * says which are required (`finalScoresRequired`: by the team for every area
 * with goals, by the person too when they have scored before) and which are
 * already on record; the closing dialog asks only for the missing ones and
 * sends them with the closure, in one step.
 */
import type { FinalScoreInput, GoalOutcomeInput, GoalStatus, LifeArea, Rater } from '../../gql/graphql';

export interface RequiredFinalScore {
  rater: Rater;
  lifeArea: LifeArea;
  recorded: boolean;
}

/** The key of one score in the dialog's state, e.g. `TEAM:HOUSING`. */
export function scoreKey(score: { rater: Rater; lifeArea: LifeArea }): string {
  return `${score.rater}:${score.lifeArea}`;
}

/** The scores still to give, the team's first, as the server lists them. */
export function missingFinalScores(required: readonly RequiredFinalScore[]): RequiredFinalScore[] {
  return required.filter((s) => !s.recorded);
}

/**
 * The scores to send with the closure, and the missing ones left empty
 * (by key): the dialog marks those instead of sending an incomplete closure.
 */
export function finalScoresToSend(
  missing: readonly RequiredFinalScore[],
  given: Readonly<Record<string, string>>,
): { scores: FinalScoreInput[]; empty: string[] } {
  const scores: FinalScoreInput[] = [];
  const empty: string[] = [];
  for (const score of missing) {
    const key = scoreKey(score);
    const value = given[key];
    if (value) scores.push({ rater: score.rater, lifeArea: score.lifeArea, score: Number(value) });
    else empty.push(key);
  }
  return { scores, empty };
}

/**
 * The outcomes of the goals still open, sent with the closure (the server
 * records them in the same transaction), and the goals left without one
 * (by id): the dialog marks those instead of sending.
 */
export function goalOutcomesToSend(
  openGoals: ReadonlyArray<{ id: string }>,
  chosen: Readonly<Record<string, string>>,
): { goalOutcomes: GoalOutcomeInput[]; empty: string[] } {
  const goalOutcomes: GoalOutcomeInput[] = [];
  const empty: string[] = [];
  for (const goal of openGoals) {
    const status = chosen[goal.id];
    if (status && status !== 'OPEN') goalOutcomes.push({ goalId: goal.id, status: status as GoalStatus });
    else empty.push(goal.id);
  }
  return { goalOutcomes, empty };
}
