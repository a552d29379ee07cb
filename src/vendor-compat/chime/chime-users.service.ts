import { Injectable } from '@nestjs/common';
import { Actor } from '../../common/actor.js';
import { PERMISSIONS } from '../../permissions/permissions.js';
import { PermissionsService } from '../../permissions/permissions.service.js';
import { RevocationService } from '../../sessions/revocation.service.js';
import { UserPage, UsersService, UserView } from '../../users/users.service.js';

/** Chime's user operations, translated to the core. The only rule kept here is Chime's own: the path names an account. */
@Injectable()
export class ChimeUsersService {
  constructor(
    private readonly revocation: RevocationService,
    private readonly users: UsersService,
    private readonly permissions: PermissionsService,
  ) {}

  /** LogoutUser: every session of the user ends (the core checks the user is in the key's account). */
  async logout(actor: Actor, accountId: string, userId: string): Promise<void> {
    await this.requirePathAccount(actor, accountId, userId, 'chime:LogoutUser');
    await this.revocation.revoke(actor, { kind: 'user', userId });
  }

  /** GetUser: an access key does not hold users.manage (it may read and end sessions), so it reads with sessions.read-any. */
  async getUser(actor: Actor, accountId: string, userId: string): Promise<UserView> {
    await this.requirePathAccount(actor, accountId, userId, 'chime:GetUser');
    return this.users.get(actor, userId, { permission: PERMISSIONS.sessionsReadAny, attempted: 'chime:GetUser' });
  }

  /** ListUsers: a page of the account's users (read with sessions.read-any, as GetUser). Every user is a PrivateUser. */
  async listUsers(actor: Actor, accountId: string, q: { limit: number; cursor?: string; email?: string; type?: string }): Promise<UserPage> {
    await this.requirePathAccount(actor, accountId, null, 'chime:ListUsers');
    if (q.type === 'SharedDevice') return { items: [], nextCursor: null };
    return this.users.list(actor, q.limit, q.cursor, accountId, { permission: PERMISSIONS.sessionsReadAny, attempted: 'chime:ListUsers', email: q.email });
  }

  /** A key acts in its own account only; naming another account in the path is Chime's ForbiddenException. */
  private requirePathAccount(actor: Actor, accountId: string, userId: string | null, attempted: string): Promise<void> {
    // The path's user id is unverified, so it goes in details rather than as the target.
    return this.permissions.requireOwnAccount(actor, accountId, attempted, userId === null ? {} : { pathUserId: userId });
  }
}
