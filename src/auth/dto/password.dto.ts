import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';

/** A signed-in user changes their own password; a token alone is not enough, the current password is needed too. */
export class ChangePasswordDto {
  /** The password the user signs in with now. A wrong one is 401 INVALID_CREDENTIALS, changes nothing, and counts toward the login throttle. */
  @IsString()
  @Length(1, 1024)
  currentPassword: string;

  /** 12 to 1024 characters, as for every password. */
  @IsString()
  @Length(12, 1024)
  newPassword: string;

  /** End every other session of the user in the same transaction (default true); this session stays. */
  @IsOptional()
  @IsBoolean()
  endOtherSessions?: boolean;
}

export class PasswordChangedDto {
  /** How many other sessions ended with the change (0 when `endOtherSessions` was false or none was live). */
  otherSessionsEnded: number;
  /** The audit event that records the change. */
  auditEventId: string;
}

/** The signed-in user proves their password again, for the actions the session policy puts behind a fresh authentication. */
export class ReauthenticateDto {
  /** The user's password. A wrong one is 401 INVALID_CREDENTIALS and counts toward the login throttle. */
  @IsString()
  @Length(1, 1024)
  password: string;
}

export class ReauthenticatedDto {
  /** The session's new authentication time: the step-up actions measure their max age from it. */
  authenticatedAt: Date;
}
