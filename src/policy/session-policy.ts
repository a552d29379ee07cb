/**
 * The session policy of an account and the pure rules that merge it with a user's roles. Stored as
 * JSON (session_policies.policy), validated by the API's DTOs before it is written.
 */

/** Actions that may require a fresh authentication (step-up, RFC 9470). */
export const STEP_UP_ACTIONS = ['account-logout', 'admin-logout', 'user-disable', 'policy-change'] as const;
export type StepUpAction = (typeof STEP_UP_ACTIONS)[number];

export const AT_LIMIT = ['refuse', 'end-oldest'] as const;
export type AtLimit = (typeof AT_LIMIT)[number];

/** Every setting is optional: unset means "the account's value", and at the account "the environment's". */
export interface PolicySettings {
  maxSessions?: number;
  atLimit?: AtLimit;
  idleTimeoutSeconds?: number;
  absoluteLifetimeSeconds?: number;
  accessTokenTtlSeconds?: number;
  stepUpMaxAgeSeconds?: number;
  stepUpActions?: StepUpAction[];
  endOtherSessionsRequiresReauth?: boolean;
}

export interface RoleOverride extends PolicySettings {
  role: string;
}

export interface SessionPolicy extends PolicySettings {
  roles?: RoleOverride[];
}

/** The policy that applies to one user: every setting resolved. */
export interface EffectivePolicy {
  maxSessions: number | null;
  atLimit: AtLimit;
  idleTimeoutSeconds: number;
  absoluteLifetimeSeconds: number;
  accessTokenTtlSeconds: number;
  stepUpMaxAgeSeconds: number;
  stepUpActions: ReadonlySet<StepUpAction>;
  endOtherSessionsRequiresReauth: boolean;
}

export interface PolicyDefaults {
  idleTtlSeconds: number;
  absoluteTtlSeconds: number;
  accessTtlSeconds: number;
}

/** How long an authentication stays fresh when a policy asks for step-up without saying. */
export const DEFAULT_STEP_UP_MAX_AGE_SECONDS = 300;

type Key = keyof PolicySettings;

/** Of several roles' values for one setting, the most restrictive. */
const strictest: { [K in Key]-?: (values: NonNullable<PolicySettings[K]>[]) => NonNullable<PolicySettings[K]> } = {
  maxSessions: (v) => Math.min(...v),
  // Refusing grants less than making room: a new login is the one thing at stake.
  atLimit: (v) => (v.includes('refuse') ? 'refuse' : 'end-oldest'),
  idleTimeoutSeconds: (v) => Math.min(...v),
  absoluteLifetimeSeconds: (v) => Math.min(...v),
  accessTokenTtlSeconds: (v) => Math.min(...v),
  stepUpMaxAgeSeconds: (v) => Math.min(...v),
  stepUpActions: (v) => [...new Set(v.flat())],
  endOtherSessionsRequiresReauth: (v) => v.includes(true),
};

function resolve<K extends Key>(key: K, policy: SessionPolicy, held: RoleOverride[]): PolicySettings[K] {
  const overrides = held.map((r) => r[key]).filter((v) => v !== undefined && v !== null) as NonNullable<PolicySettings[K]>[];
  const combine = strictest[key] as unknown as (values: NonNullable<PolicySettings[K]>[]) => NonNullable<PolicySettings[K]>;
  if (overrides.length > 0) return combine(overrides);
  return policy[key];
}

/**
 * The user's policy: a setting one of the user's roles overrides takes the override (the most
 * restrictive of them when several roles do); otherwise the account's; otherwise the environment's.
 * Role names compare case-insensitively, as role names do everywhere.
 */
export function effectivePolicy(policy: SessionPolicy | null, roles: readonly string[], defaults: PolicyDefaults): EffectivePolicy {
  const p = policy ?? {};
  const names = new Set(roles.map((r) => r.toLowerCase()));
  const held = (p.roles ?? []).filter((r) => names.has(r.role.toLowerCase()));
  const absolute = resolve('absoluteLifetimeSeconds', p, held) ?? defaults.absoluteTtlSeconds;
  return {
    maxSessions: resolve('maxSessions', p, held) ?? null,
    atLimit: resolve('atLimit', p, held) ?? 'refuse',
    // Neither outlives the session itself.
    idleTimeoutSeconds: Math.min(resolve('idleTimeoutSeconds', p, held) ?? defaults.idleTtlSeconds, absolute),
    absoluteLifetimeSeconds: absolute,
    accessTokenTtlSeconds: Math.min(resolve('accessTokenTtlSeconds', p, held) ?? defaults.accessTtlSeconds, absolute),
    stepUpMaxAgeSeconds: resolve('stepUpMaxAgeSeconds', p, held) ?? DEFAULT_STEP_UP_MAX_AGE_SECONDS,
    stepUpActions: new Set(resolve('stepUpActions', p, held) ?? []),
    endOtherSessionsRequiresReauth: resolve('endOtherSessionsRequiresReauth', p, held) ?? false,
  };
}
