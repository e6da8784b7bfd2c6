import {
  groupByDay,
  meetingFiltersFromSearch,
  monthFromSearch,
  monthName,
  monthRange,
  readCount,
  searchFromMeetingFilters,
  shiftMonth,
} from './meetings';

describe('the month of Incontri', () => {
  it('comes from ?mese=, else from today', () => {
    expect(monthFromSearch(new URLSearchParams('mese=2026-02'), '2026-11-27')).toBe('2026-02');
    expect(monthFromSearch(new URLSearchParams('mese=2026-13'), '2026-11-27')).toBe('2026-11');
    expect(monthFromSearch(new URLSearchParams(''), '2026-11-27')).toBe('2026-11');
  });

  it('runs from its first to its last day, leap years included', () => {
    expect(monthRange('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('moves across years', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
  });

  it('reads in Italian', () => {
    expect(monthName('2026-11')).toBe('novembre 2026');
  });
});

describe('the meetings of a month', () => {
  it('group by the day they were held, else planned, in date order', () => {
    const meetings = [
      { id: 'b', plannedOn: '2026-11-20', heldOn: null },
      { id: 'a', plannedOn: '2026-11-03', heldOn: null },
      { id: 'c', plannedOn: '2026-11-18', heldOn: '2026-11-20' },
    ];
    expect(groupByDay(meetings).map(([day, list]) => [day, list.map((m) => m.id)])).toEqual([
      ['2026-11-03', ['a']],
      ['2026-11-20', ['b', 'c']],
    ]);
  });
});

describe('the filters in the address', () => {
  it('go there and back, the month always there', () => {
    const filters = { month: '2026-11', kind: 'FORMAZIONE', teamId: 't1', status: 'HELD' } as const;
    expect(searchFromMeetingFilters(filters)).toBe('mese=2026-11&tipo=FORMAZIONE&equipe=t1&stato=HELD');
    expect(meetingFiltersFromSearch(new URLSearchParams(searchFromMeetingFilters(filters)), '2026-01-01')).toEqual(filters);
  });
});

describe('a count typed in a form', () => {
  it('is a whole number, zero or more', () => {
    expect(readCount(' 12 ')).toBe(12);
    expect(readCount('0')).toBe(0);
    expect(readCount('-1')).toBeNull();
    expect(readCount('2,5')).toBeNull();
    expect(readCount('')).toBeNull();
  });
});
