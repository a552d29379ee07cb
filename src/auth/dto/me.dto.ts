import { SessionDto } from '../../sessions/dto/session.dto.js';
import { UserDto } from '../../users/dto/user.dto.js';

export class MeDto {
  user: UserDto;
  /** Effective permissions of the caller. */
  permissions: string[];
  session: SessionDto | null;
}
