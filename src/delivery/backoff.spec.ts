import { retryDelayMs } from './backoff.js';

describe('retryDelayMs', () => {
  it('doubles per attempt between half and all of the ceiling', () => {
    expect(retryDelayMs(1, 1000, 60_000, () => 0)).toBe(500);
    expect(retryDelayMs(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(retryDelayMs(3, 1000, 60_000, () => 0)).toBe(2000);
    expect(retryDelayMs(3, 1000, 60_000, () => 1)).toBe(4000);
  });

  it('is capped at the maximum, whatever the attempt count', () => {
    expect(retryDelayMs(50, 1000, 60_000, () => 1)).toBe(60_000);
    expect(retryDelayMs(5000, 1000, 60_000, () => 0)).toBe(30_000);
  });

  it('spreads retries (jitter)', () => {
    const delays = new Set(Array.from({ length: 20 }, () => retryDelayMs(4, 1000, 60_000)));
    expect(delays.size).toBeGreaterThan(1);
  });
});
