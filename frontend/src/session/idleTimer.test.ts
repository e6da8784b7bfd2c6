import { createIdleTimer, warningLeadMs } from './idleTimer';

describe('idle timer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('warns two minutes before the end, or a quarter of a shorter timeout', () => {
    expect(warningLeadMs(29 * 60_000)).toBe(2 * 60_000);
    expect(warningLeadMs(45_000)).toBe(11_250);
  });

  it('warns, then expires, counting from the last answer', () => {
    const warn = vi.fn();
    const expire = vi.fn();
    const timer = createIdleTimer(10 * 60_000, { warn, expire });
    vi.advanceTimersByTime(7 * 60_000);
    timer.touch();
    vi.advanceTimersByTime(7 * 60_000);
    expect(warn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000 + 1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(expire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2 * 60_000);
    expect(expire).toHaveBeenCalledTimes(1);
  });

  it('does nothing once stopped', () => {
    const warn = vi.fn();
    const expire = vi.fn();
    createIdleTimer(60_000, { warn, expire }).stop();
    vi.advanceTimersByTime(120_000);
    expect(warn).not.toHaveBeenCalled();
    expect(expire).not.toHaveBeenCalled();
  });
});
