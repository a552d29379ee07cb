import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { AT_LIMIT, type AtLimit, RoleOverride, SessionPolicy, STEP_UP_ACTIONS, type StepUpAction } from '../session-policy.js';

const YEAR = 366 * 24 * 3600;

/** The settings an account's policy and each role override may set; an unset one falls through. */
export class PolicySettingsDto {
  /** Most live sessions one user may hold; unset: no limit. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  maxSessions?: number;

  /** At the limit: `refuse` the new login, or `end-oldest` (the least recently used session ends, audited as a policy logout). Default `refuse`. */
  @IsOptional()
  @IsIn(AT_LIMIT)
  atLimit?: AtLimit;

  /** A session unused this long ends (seconds; default SESSION_IDLE_TTL). */
  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(YEAR)
  idleTimeoutSeconds?: number;

  /** A session ends this long after its login, however used (seconds; default SESSION_ABSOLUTE_TTL). */
  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(YEAR)
  absoluteLifetimeSeconds?: number;

  /** Lifetime of each access token (seconds; default ACCESS_TOKEN_TTL). */
  @IsOptional()
  @IsInt()
  @Min(30)
  @Max(YEAR)
  accessTokenTtlSeconds?: number;

  /** How recent the session's last password proof must be for the step-up actions (seconds; default 300). */
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(86_400)
  stepUpMaxAgeSeconds?: number;

  /** The actions that need that fresh authentication. */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(STEP_UP_ACTIONS, { each: true })
  stepUpActions?: StepUpAction[];

  /** Ending one's other sessions (logout `others`/`global`, ending another own session) needs that fresh authentication too (ASVS 7.5.2). */
  @IsOptional()
  @IsBoolean()
  endOtherSessionsRequiresReauth?: boolean;
}

/** Settings for the users holding one role; several roles' overrides merge to the most restrictive. */
export class RoleOverrideDto extends PolicySettingsDto {
  /** A role of the account (or a built-in one). */
  @IsString()
  @Length(1, 100)
  role: string;
}

/** The whole policy; a PUT replaces it (an empty object restores the environment's defaults). */
export class PutSessionPolicyDto extends PolicySettingsDto {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RoleOverrideDto)
  roles?: RoleOverrideDto[];
}

export class SessionPolicyDto extends PutSessionPolicyDto {
  accountId: string;
  /** When the policy was last changed; null while the account has none (the defaults apply). */
  updatedAt: Date | null;
}

export interface SessionPolicyView {
  accountId: string;
  policy: SessionPolicy;
  updatedAt: Date | null;
}

export const mapSessionPolicy = (v: SessionPolicyView): SessionPolicyDto => ({ ...v.policy, accountId: v.accountId, updatedAt: v.updatedAt });

/** The DTO as stored: only the fields that are set, in a stable order. */
export function policyOf(dto: PutSessionPolicyDto): SessionPolicy {
  const settings = (s: PolicySettingsDto) => {
    const out: Record<string, unknown> = {};
    for (const key of ['maxSessions', 'atLimit', 'idleTimeoutSeconds', 'absoluteLifetimeSeconds', 'accessTokenTtlSeconds', 'stepUpMaxAgeSeconds', 'stepUpActions', 'endOtherSessionsRequiresReauth'] as const) {
      if (s[key] !== undefined) out[key] = s[key];
    }
    return out;
  };
  const policy: SessionPolicy = settings(dto);
  if (dto.roles !== undefined) policy.roles = dto.roles.map((r) => ({ role: r.role, ...settings(r) }) as RoleOverride);
  return policy;
}
