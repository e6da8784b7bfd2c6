// @vitest-environment node
import {
  formatDecimal,
  formatQuantity,
  formatShare,
  groupTotals,
  overuseWarning,
  quantityProblem,
  remaining,
  scaleByUnit,
  toDecimal,
  toHundredths,
  type BudgetTotal,
} from './budget';

describe('budget quantities, read as hundredths and written the Italian way', () => {
  it('reads the API decimals and the Italian comma, never as floating point', () => {
    expect(toHundredths('1250.50')).toBe(125050);
    expect(toHundredths('1250,5')).toBe(125050);
    expect(toHundredths('0.10')).toBe(10);
    expect(toHundredths('-49.50')).toBe(-4950);
    expect(toHundredths('12')).toBe(1200);
    expect(toHundredths('1.250,50')).toBeNull();
    expect(toHundredths('dodici')).toBeNull();
  });

  it('formats decimal strings with a dot for thousands and a comma for decimals', () => {
    expect(formatDecimal('1250.50')).toBe('1.250,50');
    expect(formatDecimal('1250000.00')).toBe('1.250.000,00');
    expect(formatDecimal('999.99')).toBe('999,99');
    expect(formatDecimal('0.05')).toBe('0,05');
    expect(formatDecimal('12.50', { trim: true })).toBe('12,5');
    expect(formatDecimal('48.00', { trim: true })).toBe('48');
    expect(formatDecimal('not a number')).toBe('not a number');
  });

  it('writes euros with two decimals and the sign after, hours without useless zeros', () => {
    expect(formatQuantity('1250.50', 'EUR')).toBe('1.250,50 €');
    expect(formatQuantity('2400.00', 'EUR')).toBe('2.400,00 €');
    expect(formatQuantity('0.00', 'EUR')).toBe('0,00 €');
    expect(formatQuantity('48.00', 'HOURS')).toBe('48 ore');
    expect(formatQuantity('12.50', 'HOURS')).toBe('12,5 ore');
    expect(formatQuantity('0.25', 'HOURS')).toBe('0,25 ore');
    expect(formatQuantity('1.00', 'HOURS')).toBe('1 ora');
    expect(formatQuantity('1500.00', 'HOURS')).toBe('1.500 ore');
    expect(formatQuantity('3.00', 'COMMITMENT')).toBe('3');
  });

  it('computes what is left exactly, negative beyond the plan', () => {
    expect(remaining('2400.00', '600.00', 'EUR')).toBe('1.800,00 €');
    expect(remaining('0.30', '0.10', 'EUR')).toBe('0,20 €');
    expect(remaining('1250.50', '1300.00', 'EUR')).toBe('-49,50 €');
    expect(remaining('100.00', '37.50', 'HOURS')).toBe('62,5 ore');
  });

  it('says how much of the plan is used, as a percentage', () => {
    expect(formatShare('2400.00', '600.00')).toBe('25%');
    expect(formatShare('1250.50', '1300.00')).toBe('104%');
    expect(formatShare('0.00', '5.00')).toBe('');
  });

  it('flags over-use with how far beyond the plan it went', () => {
    expect(overuseWarning({ planned: '1250.50', used: '1300.00', unit: 'EUR', overused: true })).toBe(
      'Utilizzo oltre il previsto di 49,50 €',
    );
    expect(overuseWarning({ planned: '10.00', used: '12.50', unit: 'HOURS', overused: true })).toBe(
      'Utilizzo oltre il previsto di 2,5 ore',
    );
    expect(overuseWarning({ planned: '100.00', used: '100.00', unit: 'EUR', overused: false })).toBeUndefined();
    // The server's flag decides; a flagged line always says so.
    expect(overuseWarning({ planned: '0.00', used: '0.00', unit: 'COMMITMENT', overused: true })).toBe('Utilizzo oltre il previsto');
  });

  it('checks a typed quantity as the server does and sends it as a Decimal', () => {
    expect(quantityProblem('')).toBe('empty');
    expect(quantityProblem('1.250,50')).toBeUndefined();
    expect(quantityProblem('1 250')).toBe('grouping');
    expect(quantityProblem('1.250')).toBe('ambiguous');
    expect(quantityProblem('12,505')).toBe('decimals');
    expect(quantityProblem('€ 12')).toBe('format');
    expect(quantityProblem('-5')).toBe('negative');
    expect(quantityProblem('0')).toBe('zero');
    expect(quantityProblem('0', { allowZero: true })).toBeUndefined();
    expect(quantityProblem('1250,5')).toBeUndefined();
    expect(toDecimal('1250,5')).toBe('1250.50');
    expect(toDecimal('1.250,50')).toBe('1250.50');
    expect(toDecimal(' 20 ')).toBe('20.00');
    expect(toDecimal('0,05')).toBe('0.05');
  });
});

describe('budget totals, grouped for display', () => {
  const byProvider: BudgetTotal[] = [
    { key: 'ASST della Valcamonica', unit: 'HOURS', planned: '48.00', used: '24.00', overused: false },
    { key: 'Comune di Breno', unit: 'HOURS', planned: '10.00', used: '12.00', overused: true },
    { key: 'Comune di Breno', unit: 'EUR', planned: '2400.00', used: '600.00', overused: false },
    { key: 'Famiglia', unit: 'COMMITMENT', planned: '0.00', used: '0.00', overused: false },
  ];

  it('keeps one row per group in the server order, with a line per unit, euros first', () => {
    const groups = groupTotals(byProvider, (key) => key);
    expect(groups.map((g) => g.key)).toEqual(['ASST della Valcamonica', 'Comune di Breno', 'Famiglia']);
    expect(groups[1].lines.map((l) => l.unit)).toEqual(['EUR', 'HOURS']);
    expect(groups[1].overused).toBe(true);
    expect(groups[0].overused).toBe(false);
  });

  it('labels enum keys in Italian', () => {
    const labels: Record<string, string> = { HOUSING: 'Abitare', HEALTH_WELLBEING: 'Benessere e salute' };
    const groups = groupTotals(
      [
        { key: 'HEALTH_WELLBEING', unit: 'HOURS', planned: '48.00', used: '24.00', overused: false },
        { key: 'HOUSING', unit: 'EUR', planned: '2400.00', used: '600.00', overused: false },
      ],
      (key) => labels[key],
    );
    expect(groups.map((g) => g.label)).toEqual(['Benessere e salute', 'Abitare']);
  });

  it('scales the bars of each unit on its own largest value', () => {
    expect(scaleByUnit(byProvider)).toEqual({ HOURS: 4800, EUR: 240000, COMMITMENT: 0 });
  });
});
