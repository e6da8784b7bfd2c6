import { describe, expect, it } from 'vitest';

import { formatDate, formatDateTime } from './format';

describe('one way to write a date', () => {
  it('writes a day as 26/11/2026', () => {
    expect(formatDate('2026-11-26')).toBe('26/11/2026');
    expect(formatDate('domani')).toBe('domani');
  });

  it('writes a moment as the same day and the time, 26/11/2026 14:05', () => {
    const local = new Date(2026, 10, 26, 14, 5);
    expect(formatDateTime(local.toISOString())).toBe('26/11/2026 14:05');
    expect(formatDateTime(new Date(2026, 0, 3, 9, 7).toISOString())).toBe('03/01/2026 09:07');
    expect(formatDateTime('non una data')).toBe('non una data');
  });
});
