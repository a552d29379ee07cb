import { effectivePolicy } from './session-policy.js';

const defaults = { idleTtlSeconds: 604_800, absoluteTtlSeconds: 2_592_000, accessTtlSeconds: 3600 };

describe('effectivePolicy', () => {
  it('is the environment with no limit and no step-up when the account has no policy', () => {
    const p = effectivePolicy(null, ['user'], defaults);
    expect(p).toMatchObject({ maxSessions: null, atLimit: 'refuse', idleTimeoutSeconds: 604_800, absoluteLifetimeSeconds: 2_592_000, accessTokenTtlSeconds: 3600 });
    expect([...p.stepUpActions]).toEqual([]);
    expect(p.endOtherSessionsRequiresReauth).toBe(false);
  });

  it('takes the account values, and a role override over them, even a looser one', () => {
    const policy = { maxSessions: 3, idleTimeoutSeconds: 1800, roles: [{ role: 'Kiosk', maxSessions: 10 }] };
    expect(effectivePolicy(policy, ['user'], defaults)).toMatchObject({ maxSessions: 3, idleTimeoutSeconds: 1800 });
    expect(effectivePolicy(policy, ['kiosk'], defaults)).toMatchObject({ maxSessions: 10, idleTimeoutSeconds: 1800 });
  });

  it('merges several roles to the most restrictive: smallest numbers, refuse over end-oldest, union of actions, any flag', () => {
    const policy = {
      atLimit: 'end-oldest' as const,
      roles: [
        { role: 'admin', maxSessions: 2, idleTimeoutSeconds: 900, stepUpActions: ['account-logout' as const], stepUpMaxAgeSeconds: 600 },
        { role: 'auditor', maxSessions: 5, atLimit: 'refuse' as const, idleTimeoutSeconds: 3600, stepUpActions: ['user-disable' as const], stepUpMaxAgeSeconds: 120, endOtherSessionsRequiresReauth: true },
      ],
    };
    const p = effectivePolicy(policy, ['admin', 'auditor'], defaults);
    expect(p).toMatchObject({ maxSessions: 2, atLimit: 'refuse', idleTimeoutSeconds: 900, stepUpMaxAgeSeconds: 120, endOtherSessionsRequiresReauth: true });
    expect([...p.stepUpActions].sort()).toEqual(['account-logout', 'user-disable']);
    expect(effectivePolicy(policy, ['admin'], defaults).atLimit).toBe('end-oldest');
  });

  it('never lets the idle timeout or an access token outlive the session', () => {
    const p = effectivePolicy({ absoluteLifetimeSeconds: 600, idleTimeoutSeconds: 3600, accessTokenTtlSeconds: 7200 }, [], defaults);
    expect(p).toMatchObject({ absoluteLifetimeSeconds: 600, idleTimeoutSeconds: 600, accessTokenTtlSeconds: 600 });
  });
});
