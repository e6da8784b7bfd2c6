import { addDays, agendaFiltersFromSearch, groupAgenda, searchFromAgendaFilters, shiftWindow, windowOf } from './agenda';

describe('the agenda’s windows', () => {
  it('takes the week from Monday to Sunday and the whole month', () => {
    expect(windowOf('settimana', '2026-11-27')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(windowOf('settimana', '2026-11-23')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(windowOf('settimana', '2026-11-29')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(windowOf('mese', '2026-02-14')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(windowOf('mese', '2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('moves by a week or a month, across the year', () => {
    expect(shiftWindow('settimana', '2026-12-30', 1)).toBe('2027-01-04');
    expect(shiftWindow('settimana', '2026-11-27', -1)).toBe('2026-11-16');
    expect(shiftWindow('mese', '2026-12-15', 1)).toBe('2027-01-01');
    expect(shiftWindow('mese', '2026-01-31', -1)).toBe('2025-12-01');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });

  it('reads the address, with today’s week and my items by default', () => {
    expect(agendaFiltersFromSearch(new URLSearchParams(''), '2026-11-27')).toEqual({
      view: 'settimana',
      day: '2026-11-27',
      kind: '',
      scope: 'MINE',
    });
    const asked = agendaFiltersFromSearch(new URLSearchParams('vista=mese&dal=2026-12-03&tipo=MEETING&ambito=MY_TEAMS'), '2026-11-27');
    expect(asked).toEqual({ view: 'mese', day: '2026-12-03', kind: 'MEETING', scope: 'MY_TEAMS' });
    expect(searchFromAgendaFilters(asked)).toBe('vista=mese&dal=2026-12-03&ambito=MY_TEAMS&tipo=MEETING');
    expect(agendaFiltersFromSearch(new URLSearchParams('dal=ieri&tipo=NIENTE&ambito=TUTTI'), '2026-11-27')).toMatchObject({
      day: '2026-11-27',
      kind: '',
      scope: 'MINE',
    });
  });

  it('puts the overdue items first, as they came, and the others by day', () => {
    const items = [
      { id: 'a', date: '2026-11-10', overdue: true },
      { id: 'b', date: '2026-11-20', overdue: true },
      { id: 'c', date: '2026-11-28', overdue: false },
      { id: 'd', date: '2026-11-27', overdue: false },
      { id: 'e', date: '2026-11-28', overdue: false },
    ];
    const { overdue, days } = groupAgenda(items);
    expect(overdue.map((i) => i.id)).toEqual(['a', 'b']);
    expect(days.map(([day, list]) => [day, list.map((i) => i.id)])).toEqual([
      ['2026-11-27', ['d']],
      ['2026-11-28', ['c', 'e']],
    ]);
  });
});
