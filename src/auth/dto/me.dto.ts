import { ApiProperty } from '@nestjs/swagger';
import { ApiNullableProperty } from '../../common/api-nullable.decorator.js';
import { SessionDto } from '../../sessions/dto/session.dto.js';
import { UserDto } from '../../users/dto/user.dto.js';

export class MeDto {
  user: UserDto;
  /** Effective permissions of the caller. */
  @ApiProperty({ type: String, isArray: true })
  permissions: readonly string[];
  /** The session behind the token; null for a credential without one. */
  @ApiNullableProperty(SessionDto)
  session: SessionDto | null;
}

/** The validated session behind a token: what other services need on every request. */
export class CurrentSessionDto {
  /** Always true (an ended session answers 401). */
  active: true;
  userId: string;
  username: string;
  accountId: string;
  sessionId: string;
  /** The session's small integer id. */
  sessionNumber: number;
  /** Effective permissions of the caller, sorted. */
  @ApiProperty({ type: String, isArray: true })
  permissions: readonly string[];
  /** When this access token expires. */
  expiresAt: Date;
}
