import { act, renderHook } from '@testing-library/react';
import { useUrlFilters } from './useUrlFilters';

describe('useUrlFilters', () => {
  it('reads the filters from the address and writes them back in place of the current entry', () => {
    window.history.replaceState(null, '', '/progetti?stato=ACTIVE&altro=x');
    const entries = window.history.length;
    const { result } = renderHook(() => useUrlFilters(['stato', 'scadute'] as const));
    expect(result.current.values).toEqual({ stato: 'ACTIVE', scadute: '' });
    const before = result.current.key;

    act(() => result.current.update({ scadute: '1' }));
    expect(window.location.pathname + window.location.search).toBe('/progetti?stato=ACTIVE&scadute=1');
    expect(result.current.values).toEqual({ stato: 'ACTIVE', scadute: '1' });
    expect(result.current.key).not.toBe(before);
    // One history entry for the list, however many filters were tried.
    expect(window.history.length).toBe(entries);

    act(() => result.current.update({ stato: '  ', scadute: '' }));
    expect(window.location.pathname + window.location.search).toBe('/progetti');
  });
});
