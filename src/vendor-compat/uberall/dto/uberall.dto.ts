import { IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { LoginResult } from '../../../auth/auth.service.js';
import { RevocationReceipt } from '../../../sessions/revocation.types.js';

/** Absent is allowed; present (null included) must be valid. */
const IfPresent = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** Every Uberall response status (the envelope's `status`). */
export const UBERALL_STATUSES = [
  'SUCCESS',
  'QUOTA_LIMIT_EXCEED',
  'NOT_AUTHORIZED',
  'FORBIDDEN',
  'BAD_ACCESS_TOKEN',
  'BAD_PRIVATE_KEY',
  'BAD_PUBLIC_KEY',
  'MISSING_PARAMETER',
  'INVALID_PARAMETER',
  'WRONG_PARAMETER_TYPE',
  'CONFLICT',
  'RESOURCE_LOCKED',
  'SERVER_ERROR',
  'ERROR',
  'NOT_FOUND',
  'BAD_REQUEST',
  'USER_ERROR',
  'PARTIAL_ERROR',
] as const;
export type UberallStatus = (typeof UBERALL_STATUSES)[number];

/**
 * `POST /users/login`: `{email, password}`, or `{email | userId, private_key}` for a client
 * application whose API key was created with `signInUsers` (it signs in any user of its account).
 */
export class UberallLoginDto {
  /** The user's email (a username works too: the same lookup); with `password` or `private_key`. */
  @IfPresent()
  @IsString()
  @Length(1, 254)
  email?: string;

  /** The user's id, instead of `email`; only with `private_key`. */
  @IfPresent()
  @IsUUID()
  userId?: string;

  /** The user's password; or send `private_key` instead. */
  @IfPresent()
  @IsString()
  @Length(1, 1024)
  password?: string;

  /** The client application's private key (POST /v1/api-keys with `signInUsers`), instead of a password. */
  @IfPresent()
  @IsString()
  @Length(1, 256)
  private_key?: string;
}

export class UberallUserIdParamDto {
  /** The user's id. */
  @IsUUID()
  id: string;
}

export class UberallLoginPayloadDto {
  /** Send it in `Authorization` (bare or `Bearer`), with X-API-KEY, on every later call. */
  access_token: string;
}

export class UberallLoginResponseDto {
  /** "SUCCESS" */
  status: string;
  response: UberallLoginPayloadDto;
}

export const mapUberallLogin = (r: LoginResult): UberallLoginResponseDto => ({ status: 'SUCCESS', response: { access_token: r.accessToken } });

export class UberallLogoutPayloadDto {
  /** True if logout was successful. */
  success: boolean;
  /** The URL that a user is redirected to when logging out (the API key's; absent when none is configured). */
  redirectUrl?: string;
}

export class UberallLogoutResponseDto {
  /** "SUCCESS" */
  status: string;
  response: UberallLogoutPayloadDto;
}

export const mapUberallLogout = (redirectUrl: string | null): UberallLogoutResponseDto => ({
  status: 'SUCCESS',
  response: { success: true, ...(redirectUrl ? { redirectUrl } : {}) },
});

export class UberallAllSessionsPayloadDto {
  success: boolean;
  /** How many sessions ended (0 when none was live). */
  revokedCount: number;
}

export class UberallAllSessionsResponseDto {
  /** "SUCCESS" */
  status: string;
  response: UberallAllSessionsPayloadDto;
}

export const mapUberallAllSessions = (r: RevocationReceipt): UberallAllSessionsResponseDto => ({
  status: 'SUCCESS',
  response: { success: true, revokedCount: r.revokedCount },
});

/** Every error, in the same envelope. */
export class UberallErrorDto {
  /** NOT_AUTHORIZED, BAD_PUBLIC_KEY, BAD_ACCESS_TOKEN, FORBIDDEN, NOT_FOUND, INVALID_PARAMETER, QUOTA_LIMIT_EXCEED, SERVER_ERROR… */
  status: string;
  /** Holds further information about the response. */
  message?: string;
  /** INVALID_INPUT for a malformed request. */
  errorCode?: string;
}
