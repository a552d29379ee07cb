import { nestsDeeperThan } from './body-parsers.js';

describe('nestsDeeperThan', () => {
  it('counts nested arrays and objects, not brackets inside strings', () => {
    expect(nestsDeeperThan('[[[]]]', 3)).toBe(false);
    expect(nestsDeeperThan('[[[[]]]]', 3)).toBe(true);
    expect(nestsDeeperThan('{"a":{"b":{"c":{}}}}', 3)).toBe(true);
    expect(nestsDeeperThan('{"a":"[[[[[[[[","b":"{{{{{{"}', 3)).toBe(false);
    // An escaped quote does not end the string.
    expect(nestsDeeperThan('{"a":"\\"[[[[[[[["}', 3)).toBe(false);
    expect(nestsDeeperThan('{"a":"\\\\"}', 1)).toBe(false);
    // Siblings do not add up.
    expect(nestsDeeperThan('[[1],[2],[3],[4],[5]]', 2)).toBe(false);
  });

  it('reads a 64 KB bomb in one linear pass', () => {
    const bomb = '['.repeat(64 * 1024);
    const start = process.hrtime.bigint();
    expect(nestsDeeperThan(bomb, 32)).toBe(true);
    expect(nestsDeeperThan(`"${bomb}"`, 32)).toBe(false);
    expect(Number(process.hrtime.bigint() - start) / 1e6).toBeLessThan(100);
  });
});
