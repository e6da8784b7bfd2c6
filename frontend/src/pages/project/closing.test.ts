import { finalScoresToSend, missingFinalScores, scoreKey, type RequiredFinalScore } from './closing';

const required: RequiredFinalScore[] = [
  { rater: 'TEAM', lifeArea: 'HEALTH_WELLBEING', recorded: true },
  { rater: 'TEAM', lifeArea: 'HOUSING', recorded: false },
  { rater: 'PERSON', lifeArea: 'HOUSING', recorded: false },
];

describe('the final scores of a closure', () => {
  it('asks only for the scores not yet on record, in the order the server gives', () => {
    expect(missingFinalScores(required).map(scoreKey)).toEqual(['TEAM:HOUSING', 'PERSON:HOUSING']);
  });

  it('sends the given scores as numbers and names the ones left empty', () => {
    const missing = missingFinalScores(required);
    expect(finalScoresToSend(missing, { 'TEAM:HOUSING': '4' })).toEqual({
      scores: [{ rater: 'TEAM', lifeArea: 'HOUSING', score: 4 }],
      empty: ['PERSON:HOUSING'],
    });
    expect(finalScoresToSend(missing, { 'TEAM:HOUSING': '4', 'PERSON:HOUSING': '5' }).empty).toEqual([]);
  });
});
