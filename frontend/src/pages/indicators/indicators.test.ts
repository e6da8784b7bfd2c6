import {
  axisMax,
  changeFrom,
  exportUrl,
  formatDifference,
  formatValue,
  groupCatalogue,
  parseItalianDay,
  periodName,
  previousPeriod,
  quarterName,
  readPeriod,
  searchFromView,
  territoryOptions,
  territoryTrees,
  viewFromSearch,
} from './indicators';

describe('the figures, written the Italian way', () => {
  it('writes counts with a dot from the thousands', () => {
    expect(formatValue(0, 'COUNT')).toBe('0');
    expect(formatValue(12, 'COUNT')).toBe('12');
    expect(formatValue(1234, 'COUNT')).toBe('1.234');
    expect(formatValue(1234567, 'COUNT')).toBe('1.234.567');
  });

  it('writes a ratio as a percentage with one decimal', () => {
    expect(formatValue(0.25, 'RATIO')).toBe('25,0 %');
    expect(formatValue(1, 'RATIO')).toBe('100,0 %');
    expect(formatValue(1 / 3, 'RATIO')).toBe('33,3 %');
  });

  it('writes days with at most one decimal, and one day in the singular', () => {
    expect(formatValue(12.5, 'DAYS')).toBe('12,5 giorni');
    expect(formatValue(12, 'DAYS')).toBe('12 giorni');
    expect(formatValue(1, 'DAYS')).toBe('1 giorno');
    expect(formatValue(12.345, 'DAYS')).toBe('12,3 giorni');
  });

  it('writes euros with two decimals', () => {
    expect(formatValue(1250.5, 'EUR')).toBe('1.250,50 €');
    expect(formatValue(0, 'EUR')).toBe('0,00 €');
    expect(formatValue(12.5, 'HOURS')).toBe('12,5 ore');
    expect(formatValue(1, 'HOURS')).toBe('1 ora');
  });

  it('writes a difference with its sign, a ratio in percentage points', () => {
    expect(formatDifference(3, 'COUNT')).toBe('+3');
    expect(formatDifference(-1200, 'COUNT')).toBe('-1.200');
    expect(formatDifference(0.025, 'RATIO')).toBe('+2,5 punti percentuali');
    expect(formatDifference(-1.5, 'DAYS')).toBe('-1,5 giorni');
    expect(formatDifference(10, 'EUR')).toBe('+10,00 €');
    expect(formatDifference(-2.25, 'HOURS')).toBe('-2,25 ore');
  });
});

describe('the top of a chart’s axis', () => {
  it('is 1, 2 or 5 times a power of ten, at least the largest value', () => {
    expect(axisMax([])).toBe(1);
    expect(axisMax([0, 0])).toBe(1);
    expect(axisMax([3, 7])).toBe(10);
    expect(axisMax([120])).toBe(200);
    expect(axisMax([25, 50])).toBe(50);
    expect(axisMax([0.3])).toBeCloseTo(0.5);
  });
});

describe('the comparison with the previous period', () => {
  it('says the change in words, against the year by its number', () => {
    expect(changeFrom(15, 12, 'COUNT', '2024')).toEqual({ direction: 'up', text: '+3 rispetto al 2024' });
    expect(changeFrom(10, 12, 'COUNT', '2024')).toEqual({ direction: 'down', text: '-2 rispetto al 2024' });
    expect(changeFrom(12, 12, 'COUNT', '2024')).toEqual({ direction: 'same', text: 'invariato rispetto al 2024' });
  });

  it('names a period that is not a year by its dates', () => {
    expect(changeFrom(0.5, 0.25, 'RATIO', '01/01/2025–30/06/2025')?.text).toBe(
      '+25,0 punti percentuali rispetto al periodo 01/01/2025–30/06/2025',
    );
  });

  it('is not given when either value is missing (a suppressed count included)', () => {
    expect(changeFrom(null, 12, 'COUNT', '2024')).toBeNull();
    expect(changeFrom(12, null, 'COUNT', '2024')).toBeNull();
  });

  it('ignores a difference too small to show', () => {
    expect(changeFrom(12.51, 12.5, 'DAYS', '2024')?.direction).toBe('same');
  });
});

describe('the previous period of the same length', () => {
  it('is the previous year for a year, leap years included', () => {
    expect(previousPeriod({ from: '2025-01-01', to: '2025-12-31' })).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(previousPeriod({ from: '2024-01-01', to: '2024-12-31' })).toEqual({ from: '2023-01-01', to: '2023-12-31' });
  });

  it('is the previous quarter or months for whole months', () => {
    expect(previousPeriod({ from: '2025-04-01', to: '2025-06-30' })).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(previousPeriod({ from: '2025-01-01', to: '2025-02-28' })).toEqual({ from: '2024-11-01', to: '2024-12-31' });
    expect(previousPeriod({ from: '2025-03-01', to: '2025-03-31' })).toEqual({ from: '2025-02-01', to: '2025-02-28' });
  });

  it('is as many days just before for any other period', () => {
    expect(previousPeriod({ from: '2025-03-10', to: '2025-03-19' })).toEqual({ from: '2025-02-28', to: '2025-03-09' });
    expect(previousPeriod({ from: '2025-01-15', to: '2025-01-15' })).toEqual({ from: '2025-01-14', to: '2025-01-14' });
  });

  it('is named by its year or its dates', () => {
    expect(periodName({ from: '2024-01-01', to: '2024-12-31' })).toBe('2024');
    expect(periodName({ from: '2024-07-01', to: '2025-06-30' })).toBe('01/07/2024–30/06/2025');
    expect(quarterName({ from: '2025-04-01', to: '2025-06-30' })).toBe('2° trim. 2025');
    expect(quarterName({ from: '2025-05-10', to: '2025-06-30' })).toBe('10/05/2025–30/06/2025');
  });
});

describe('the view in the address', () => {
  const today = '2026-11-27';

  it('defaults to the previous full year and no scope', () => {
    expect(viewFromSearch(new URLSearchParams(''), today)).toEqual({
      period: { from: '2025-01-01', to: '2025-12-31' },
      year: 2025,
      scope: {},
    });
  });

  it('reads a year or two dates, a territory or a team, and writes them back the same', () => {
    for (const query of ['anno=2023&territorio=t1', 'dal=2025-01-01&al=2025-06-30&equipe=e1', 'anno=2024']) {
      const view = viewFromSearch(new URLSearchParams(query), today);
      expect(searchFromView(view)).toBe(query);
    }
    expect(viewFromSearch(new URLSearchParams('dal=2025-01-01&al=2025-06-30'), today).period).toEqual({
      from: '2025-01-01',
      to: '2025-06-30',
    });
  });

  it('falls back to the default year on malformed or reversed dates', () => {
    for (const query of ['dal=2025-02-30&al=2025-06-30', 'dal=2025-06-30&al=2025-01-01', 'anno=abc', 'dal=01/01/2025&al=30/06/2025']) {
      expect(viewFromSearch(new URLSearchParams(query), today).year).toBe(2025);
    }
  });

  it('reads dates typed the Italian way', () => {
    expect(parseItalianDay('31/12/2025')).toBe('2025-12-31');
    expect(parseItalianDay(' 1.2.2025 ')).toBe('2025-02-01');
    expect(parseItalianDay('01-02-2025')).toBe('2025-02-01');
    expect(parseItalianDay('30/02/2025')).toBeNull();
    expect(parseItalianDay('2025-02-01')).toBeNull();
  });

  it('says which typed date is wrong, in Italian', () => {
    expect(readPeriod('', '31/12/2025')).toEqual({ field: 'from', message: 'Indica la data di inizio del periodo' });
    expect(readPeriod('01/01/2025', '12/31/2025')).toEqual({
      field: 'to',
      message: 'Scrivi la data di fine come gg/mm/aaaa, ad esempio 31/12/2025',
    });
    expect(readPeriod('01/02/2025', '01/01/2025')).toEqual({ field: 'to', message: 'La data di fine non può precedere quella di inizio' });
    expect(readPeriod('01/01/2025', '01/01/2025')).toEqual({ period: { from: '2025-01-01', to: '2025-01-01' } });
  });
});

describe('the export links', () => {
  const year = { from: '2025-01-01', to: '2025-12-31' };

  it('carry the same parameters as the GraphQL query, by quarter', () => {
    expect(exportUrl('csv', year, { territoryId: 'ambito-1' })).toBe(
      '/export/indicators.csv?from=2025-01-01&to=2025-12-31&territoryId=ambito-1&breakdown=QUARTER',
    );
    expect(exportUrl('xlsx', year, { teamId: 'uvm 2' })).toBe(
      '/export/indicators.xlsx?from=2025-01-01&to=2025-12-31&teamId=uvm+2&breakdown=QUARTER',
    );
    expect(exportUrl('csv', year, {})).toBe('/export/indicators.csv?from=2025-01-01&to=2025-12-31&breakdown=QUARTER');
  });
});

describe('the catalogue by group', () => {
  it('keeps the groups in order, computed indicators before those not computed yet', () => {
    const catalogue = [
      { code: 'A', group: 'Valutazione', computed: true },
      { code: 'SAD', group: 'SAD', computed: false },
      { code: 'B', group: 'Valutazione', computed: false },
      { code: 'C', group: 'Valutazione', computed: true },
    ];
    expect(groupCatalogue(catalogue).map((g) => [g.group, g.computed.map((d) => d.code), g.missing.map((d) => d.code)])).toEqual([
      ['Valutazione', ['A', 'C'], ['B']],
      ['SAD', [], ['SAD']],
    ]);
  });
});

describe('the territories to choose from', () => {
  it('lists each territory followed by those under it, leaving out hospitals and other bodies', () => {
    const options = territoryOptions([
      {
        id: 'ambito',
        name: 'Ambito di Valle Camonica',
        kind: 'AMBITO',
        children: [
          { id: 'breno', name: 'Comune di Breno', kind: 'COMUNE', children: [] },
          { id: 'udp', name: 'Ufficio di Piano', kind: 'UFFICIO_DI_PIANO', children: [] },
        ],
      },
      { id: 'breno', name: 'Comune di Breno', kind: 'COMUNE' },
    ]);
    expect(options.map((o) => [o.id, o.depth])).toEqual([
      ['ambito', 0],
      ['breno', 1],
    ]);
  });

  it('builds the trees from the administrator’s flat directory', () => {
    const trees = territoryTrees([
      { id: 'ats', name: 'ATS della Montagna', kind: 'ATS', parent: null },
      { id: 'asst', name: 'ASST Valcamonica', kind: 'ASST', parent: { id: 'ats' } },
      { id: 'osp', name: 'Ospedale di Esine', kind: 'OSPEDALE', parent: { id: 'asst' } },
      { id: 'ambito', name: 'Ambito di Valle Camonica', kind: 'AMBITO', parent: { id: 'ats' } },
      { id: 'breno', name: 'Comune di Breno', kind: 'COMUNE', parent: { id: 'ambito' } },
      { id: 'ets', name: 'Cooperativa', kind: 'ETS', parent: null },
    ]);
    expect(territoryOptions(trees).map((o) => `${'-'.repeat(o.depth)}${o.id}`)).toEqual(['ats', '-asst', '-ambito', '--breno']);
  });
});
