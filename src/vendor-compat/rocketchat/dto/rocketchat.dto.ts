import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';
import { LoginResult } from '../../../auth/auth.service.js';
import { RevocationReceipt } from '../../../sessions/revocation.types.js';

/** `user` is a username or email, or (as @rocket.chat/rest-typings allows) `{username}` / `{email}`. */
export type RocketChatUserRef = string | { username?: string; email?: string };

const isIdentifier = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= 254;

export function isRocketChatUserRef(value: unknown): value is RocketChatUserRef {
  if (isIdentifier(value)) return true;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'username' || keys[0] === 'email') && isIdentifier((value as Record<string, unknown>)[keys[0]]);
}

function IsRocketChatUserRef(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isRocketChatUserRef',
      target: target.constructor,
      propertyName,
      options: { message: 'user must be a username or email, or an object with exactly one of username or email', ...options },
      validator: { validate: isRocketChatUserRef },
    });
}

const LOGIN_NAMES = ['user', 'username', 'email'] as const;
const namesGiven = (o: object) => LOGIN_NAMES.filter((name) => (o as Record<string, unknown>)[name] !== undefined).length;

/**
 * A login names its user once: with two names (`{user: "a", username: "b"}`) the login and its
 * throttling could each pick a different one, and guesses against one user would escape the limit.
 */
function IsSoleLoginName() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isSoleLoginName',
      target: target.constructor,
      propertyName,
      options: { message: 'send only one of user, username or email' },
      validator: { validate: (_value: unknown, args) => namesGiven(args?.object ?? {}) <= 1 },
    });
}

/** A name field is checked when it is given, or when no name is given at all (then all three say so). */
const nameChecked = (name: (typeof LOGIN_NAMES)[number]) => (o: RocketChatLoginDto) =>
  (o as unknown as Record<string, unknown>)[name] !== undefined || namesGiven(o) === 0;

/** `POST /api/v1/login`: `{user, password}`, or a top-level `username` / `email` with `password`. */
export class RocketChatLoginDto {
  /** Username or email of the user logging in. */
  @ApiPropertyOptional({
    oneOf: [
      { type: 'string' },
      { type: 'object', properties: { username: { type: 'string' } }, required: ['username'] },
      { type: 'object', properties: { email: { type: 'string' } }, required: ['email'] },
    ],
  })
  @ValidateIf(nameChecked('user'))
  @IsRocketChatUserRef()
  @IsSoleLoginName()
  user?: RocketChatUserRef;

  /** Username (alternative to `user`). */
  @ValidateIf(nameChecked('username'))
  @IsString()
  @Length(1, 254)
  @IsSoleLoginName()
  username?: string;

  /** Email (alternative to `user`). */
  @ValidateIf(nameChecked('email'))
  @IsString()
  @Length(1, 254)
  @IsSoleLoginName()
  email?: string;

  /** Plain password; Rocket.Chat's `{hashed}` digest form is refused (passwords are stored with argon2). */
  @IsString()
  @Length(1, 1024)
  password: string;
}

export function loginIdentifier(dto: RocketChatLoginDto): string {
  const user = dto.user;
  if (typeof user === 'string') return user;
  return (user?.username ?? user?.email ?? dto.username ?? dto.email) as string;
}

/** `POST /api/v1/users.logout`: whose sessions to end; the caller when absent. */
export class RocketChatUsersLogoutDto {
  /** Enter the user ID to be logged out. Empty means the caller, as in Rocket.Chat (`userId || this.userId`). */
  @IsOptional()
  @IsString()
  @Length(0, 128)
  userId?: string;
}

export class RocketChatEmailDto {
  address: string;
  verified: boolean;
}

export class RocketChatMeDto {
  _id: string;
  username: string;
  emails: RocketChatEmailDto[];
  roles: string[];
  active: boolean;
  /** Presence; always "online" right after login. */
  status: string;
}

export class RocketChatLoginDataDto {
  userId: string;
  /** Send it as X-Auth-Token, with X-User-Id, on every later call. */
  authToken: string;
  me: RocketChatMeDto;
}

export class RocketChatLoginResponseDto {
  /** Always "success". */
  status: string;
  data: RocketChatLoginDataDto;
}

export const mapRocketChatLogin = (r: LoginResult): RocketChatLoginResponseDto => ({
  status: 'success',
  data: {
    userId: r.user.id,
    authToken: r.accessToken,
    me: {
      _id: r.user.id,
      username: r.user.username,
      emails: [{ address: r.user.email, verified: true }],
      roles: r.user.roles,
      active: r.user.status === 'active',
      status: 'online',
    },
  },
});

export class RocketChatLogoutDataDto {
  message: string;
}

export class RocketChatLogoutResponseDto {
  /** Always "success". */
  status: string;
  data: RocketChatLogoutDataDto;
}

export const mapRocketChatLogout = (): RocketChatLogoutResponseDto => ({ status: 'success', data: { message: "You've been logged out!" } });

export class RocketChatUsersLogoutResponseDto {
  /** "User <id> has been logged out!" */
  message: string;
  success: boolean;
}

export const mapRocketChatUsersLogout = (r: RevocationReceipt): RocketChatUsersLogoutResponseDto => ({
  message: `User ${r.targetUserId} has been logged out!`,
  success: true,
});

/** 401 for a missing, invalid, expired or revoked token, or an X-User-Id that is not its owner. */
export class RocketChatUnauthorizedDto {
  success: boolean;
  /** Always "error". */
  status: string;
  error: string;
  /** "You must be logged in to do this." */
  message: string;
}

/** 401 for a wrong username/email or password. */
export class RocketChatLoginFailedDto {
  /** Always "error". */
  status: string;
  /** "Unauthorized" */
  error: string;
  /** "Unauthorized" */
  message: string;
}

/** Every other failure: `{success: false, error, errorType?}`. */
export class RocketChatErrorDto {
  success: boolean;
  /** What went wrong. */
  error: string;
  /** invalid-params, error-invalid-user-id, error-too-many-requests… */
  errorType?: string;
}
