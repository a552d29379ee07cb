/**
 * The wait before the next attempt after `attempts` failed ones: the base doubled per attempt, capped,
 * then "equal jitter" (half fixed, half random) so receivers coming back up are not hit in lockstep.
 */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  const ceiling = Math.min(maxMs, baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
