// @vitest-environment node
import { readFileSync } from 'node:fs';
import { parseTypedAmount, type AmountProblem } from './budget';

// The cases the server's parser is tested on too (domain/src/money.rs): a
// typed amount the screen accepts is one the server accepts, with the same value.
const cases = readFileSync(new URL('../../../../domain/src/amount_cases.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => {
    const bar = line.indexOf('|');
    return [line.slice(bar + 1), line.slice(0, bar)] as const;
  });

const problems: Record<string, AmountProblem> = {
  Empty: 'empty',
  InvalidFormat: 'format',
  TooManyDecimals: 'decimals',
  ThousandsSeparator: 'grouping',
  Ambiguous: 'ambiguous',
  Negative: 'negative',
};

describe('a typed amount, read as the server reads it', () => {
  it('has the shared cases', () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  it.each(cases)('reads %j as %s', (typed, expected) => {
    const parsed = parseTypedAmount(typed);
    if (/^\d+$/.test(expected)) expect(parsed).toEqual({ hundredths: Number(expected) });
    else expect(parsed).toEqual({ problem: problems[expected] });
  });
});
