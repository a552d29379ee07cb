import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsString, Length } from 'class-validator';
import { SessionView } from '../../../sessions/sessions.service.js';

/** `POST /api/Session/logon` body. */
export class RasLogonDto {
  /** Username or email of the administrator. */
  @IsString()
  @Length(1, 254)
  username: string;

  @IsString()
  @Length(1, 1024)
  password: string;
}

/** Plain decimal digits within int32 become a number; anything else ("0x10", "1e3", " 7") stays a string and fails. */
function toInt32({ value }: { value: unknown }): unknown {
  if (typeof value !== 'string' || !/^-?\d{1,10}$/.test(value)) return value;
  const n = Number(value);
  return n >= -(2 ** 31) && n <= 2 ** 31 - 1 ? n : value;
}

/** `/api/Session/{SessionId}/logoff`: RAS session ids are int32; anything else is a 400, never a database error. */
export class RasSessionIdParamDto {
  /** Session ID of the Admin to be Disconnected. */
  @Transform(toInt32)
  @IsInt({ message: 'SessionId must be a 32-bit integer' })
  @ApiProperty({ type: 'integer', format: 'int32' })
  SessionId: number;
}

/** The Session object RAS answers a logon with; send `authToken` back in the `auth_token` header. */
export class RasSessionDto {
  /** Send in the `auth_token` header of every later call. */
  authToken: string;
  /** The session's int32 id (use it with /api/Session/{SessionId}/logoff). */
  @ApiProperty({ type: 'integer', format: 'int32' })
  sessionId: number;
  userId: string;
  username: string;
}

export const mapRasLogon = (authToken: string, session: SessionView, username: string): RasSessionDto => ({
  authToken,
  sessionId: session.number,
  userId: session.userId,
  username,
});

/** One live session of the caller's account, as `GET /api/Session` lists it. */
export class RasSessionInfoDto {
  @ApiProperty({ type: 'integer', format: 'int32' })
  sessionId: number;
  userId: string;
  /** The API surface the session was opened through (native, ras, …). */
  surface: string;
  deviceName: string | null;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export const mapRasSessionInfo = (s: SessionView): RasSessionInfoDto => ({
  sessionId: s.number,
  userId: s.userId,
  surface: s.surface,
  deviceName: s.deviceName,
  ip: s.ip,
  userAgent: s.userAgent,
  createdAt: s.createdAt,
  lastSeenAt: s.lastSeenAt,
  expiresAt: s.expiresAt,
});
