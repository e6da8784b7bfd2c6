import { barthel, iadlLawton, moderateBarthel, spmsq } from '../../test/instruments';
import { bandLabel, liveScore, type Answers } from './scoring';

/** Every item of `definition` answered with the option of the given points (the first such option). */
function answering(definition: typeof barthel, points: (itemIndex: number) => number): Answers {
  return Object.fromEntries(
    definition.items.map((item, i) => {
      const option = item.options.find((o) => o.points === points(i));
      if (!option) throw new Error(`${item.code} has no option worth ${points(i)}`);
      return [item.code, option.value];
    }),
  );
}

/** SPMSQ with `errors` wrong answers out of ten. */
function spmsqErrors(errors: number): Answers {
  return Object.fromEntries(spmsq.items.map((item, i) => [item.code, i < errors ? 1 : 0]));
}

describe('liveScore: Barthel', () => {
  it('adds the points of the chosen options and finds the band', () => {
    // The moderate profile of the demo data.
    const answers: Answers = moderateBarthel;
    expect(liveScore(barthel, answers)).toMatchObject({
      complete: true,
      answered: 10,
      items: 10,
      score: 85,
      band: { code: 'MODERATE', label: 'Dipendenza moderata' },
    });
  });

  it('reaches both ends of the scale and their bands', () => {
    const best = answering(barthel, (i) => Math.max(...barthel.items[i].options.map((o) => o.points)));
    expect(liveScore(barthel, best)).toMatchObject({ score: 100, band: { code: 'INDEPENDENT' } });
    expect(
      liveScore(
        barthel,
        answering(barthel, () => 0),
      ),
    ).toMatchObject({ score: 0, band: { code: 'TOTAL_DEPENDENCY' } });
  });

  it('puts the band boundaries where the definition says (20 total, 60 severe, 90 moderate, 95 slight)', () => {
    const total = (score: number) => {
      // Fill from the first item with 5-point steps until `score` is reached.
      let left = score;
      const answers: Answers = {};
      for (const item of barthel.items) {
        const option = [...item.options].reverse().find((o) => o.points <= left) ?? item.options[0];
        answers[item.code] = option.value;
        left -= option.points;
      }
      return liveScore(barthel, answers);
    };
    expect(total(20).band?.code).toBe('TOTAL_DEPENDENCY');
    expect(total(25).band?.code).toBe('SEVERE');
    expect(total(60).band?.code).toBe('SEVERE');
    expect(total(65).band?.code).toBe('MODERATE');
    expect(total(90).band?.code).toBe('MODERATE');
    expect(total(95).band?.code).toBe('SLIGHT');
  });

  it('gives no score until every item is answered, only the points so far', () => {
    const live = liveScore(barthel, { FEEDING: 10, BATHING: 5, GROOMING: 0 });
    expect(live).toMatchObject({ complete: false, answered: 3, raw: 15 });
    expect(live.score).toBeUndefined();
    expect(live.band).toBeUndefined();
  });

  it('ignores a value that is not one of the options', () => {
    expect(liveScore(barthel, { FEEDING: 7 })).toMatchObject({ answered: 0, raw: 0 });
  });
});

describe('liveScore: Lawton IADL', () => {
  it('counts points, not the level chosen', () => {
    // Level 3 of the telephone still scores 1; level 2 of shopping scores 0.
    const answers: Answers = {
      TELEPHONE: 3,
      SHOPPING: 2,
      FOOD_PREPARATION: 1,
      HOUSEKEEPING: 4,
      LAUNDRY: 3,
      TRANSPORTATION: 4,
      MEDICATIONS: 1,
      FINANCES: 2,
    };
    expect(liveScore(iadlLawton, answers)).toMatchObject({ raw: 5, score: 5, band: { code: 'PARTIAL' } });
  });
});

describe('liveScore: SPMSQ and education', () => {
  it('needs the education level before giving a score', () => {
    expect(liveScore(spmsq, spmsqErrors(3))).toMatchObject({ complete: true, needsEducation: true, raw: 3 });
    expect(liveScore(spmsq, spmsqErrors(3)).score).toBeUndefined();
  });

  it('allows one more error with primary schooling and one fewer beyond secondary school', () => {
    expect(liveScore(spmsq, spmsqErrors(3), 'PRIMARY')).toMatchObject({ raw: 3, score: 2, band: { code: 'INTACT' } });
    expect(liveScore(spmsq, spmsqErrors(3), 'SECONDARY')).toMatchObject({ score: 3, band: { code: 'MILD' } });
    expect(liveScore(spmsq, spmsqErrors(3), 'BEYOND_SECONDARY')).toMatchObject({ score: 4, band: { code: 'MILD' } });
    expect(liveScore(spmsq, spmsqErrors(7), 'BEYOND_SECONDARY')).toMatchObject({ score: 8, band: { code: 'SEVERE' } });
  });

  it('reads the adjustment from the definition the server publishes', () => {
    const stricter = { ...spmsq, educationAdjustments: [{ education: 'PRIMARY' as const, scoreChange: -2 }] };
    expect(liveScore(stricter, spmsqErrors(4), 'PRIMARY')).toMatchObject({ raw: 4, score: 2, band: { code: 'INTACT' } });
    expect(liveScore(stricter, spmsqErrors(4), 'BEYOND_SECONDARY')).toMatchObject({ score: 4, band: { code: 'MILD' } });
    const withoutAdjustments = { ...spmsq, educationAdjustments: [] };
    expect(liveScore(withoutAdjustments, spmsqErrors(3), 'PRIMARY')).toMatchObject({ score: 3 });
  });

  it('keeps the adjusted count within 0–10', () => {
    expect(liveScore(spmsq, spmsqErrors(0), 'PRIMARY')).toMatchObject({ score: 0, band: { code: 'INTACT' } });
    expect(liveScore(spmsq, spmsqErrors(10), 'BEYOND_SECONDARY')).toMatchObject({ score: 10, band: { code: 'SEVERE' } });
  });
});

describe('bandLabel', () => {
  it('reads a band code of a score series as its Italian label', () => {
    expect(bandLabel(barthel, 'SEVERE')).toBe('Dipendenza grave');
    expect(bandLabel(undefined, 'SEVERE')).toBe('SEVERE');
  });
});
