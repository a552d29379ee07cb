import { SessionDto } from '../../sessions/dto/session.dto.js';
import { UserDto } from '../../users/dto/user.dto.js';

export class MeDto {
  user: UserDto;
  /** Effective permissions of the caller. */
  permissions: string[];
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
  permissions: string[];
  /** When this access token expires. */
  expiresAt: Date;
}
