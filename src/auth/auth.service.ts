import { Injectable } from '@nestjs/common';
import { ApiKeysService } from '../api-keys/api-keys.service.js';
import { AuditService } from '../audit/audit.service.js';
import { Actor, sortedPermissions } from '../common/actor.js';
import { whenReady } from '../common/maybe-async.js';
import { DomainException, ErrorCode } from '../common/error-codes.js';
import { RequestContext } from '../common/request-context.js';
import { RevocationReceipt } from '../sessions/revocation.types.js';
import { RevocationService } from '../sessions/revocation.service.js';
import { SessionAnswers } from '../sessions/session-answers.js';
import { IssuedTokens, SessionsService, SessionView } from '../sessions/sessions.service.js';
import { TokenValidatorService, ValidatedSession } from '../sessions/token-validator.service.js';
import { StepUpService } from '../policy/step-up.service.js';
import { PasswordService } from '../users/password.service.js';
import { UsersService, UserView } from '../users/users.service.js';
import { LoginThrottleService, ThrottleAttempt } from './login-throttle.service.js';

export interface LoginInput {
  identifier: string;
  password: string;
  /** Only a user of this account may log in (a client application logging in its own users). */
  accountId?: string;
  deviceToken?: string | null;
  deviceName?: string | null;
}

export interface LoginResult extends IssuedTokens {
  user: UserView;
}

export interface CurrentSession {
  active: true;
  userId: string;
  username: string;
  accountId: string;
  sessionId: string;
  sessionNumber: number;
  permissions: readonly string[];
  expiresAt: Date;
}

export type LogoutScope = 'local' | 'others' | 'global';

/** Whom a client application signs in: a login (username or email) or a user id. */
export type UserSelector = { login: string } | { userId: string };

/** The user as the API may show it: the login lookup's row without its password hash (nor the policy it brought). */
function withoutHash({ passwordHash: _hash, sessionPolicy: _policy, ...view }: UserView & { passwordHash: string; sessionPolicy?: unknown }): UserView {
  return view;
}

export interface Me {
  user: UserView;
  permissions: readonly string[];
  session: SessionView | null;
}

/** Authentication for every surface: password login, token → Actor, and the caller's own logout. */
@Injectable()
export class AuthService {
  private readonly answers = new SessionAnswers();

  constructor(
    private readonly passwords: PasswordService,
    private readonly sessions: SessionsService,
    private readonly revocation: RevocationService,
    private readonly validator: TokenValidatorService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly apiKeys: ApiKeysService,
    private readonly throttle: LoginThrottleService,
    private readonly stepUp: StepUpService,
  ) {}

  /**
   * Wrong password, unknown user and disabled user all answer the same; each failure is audited.
   * Throttled (429, audited, no password checked) past LOGIN_THROTTLE_LIMIT failures for the account
   * named or LOGIN_THROTTLE_ADDRESS_LIMIT for the caller's address (see LoginThrottleService).
   */
  async login(input: LoginInput, context: RequestContext): Promise<LoginResult> {
    // The user's view comes with the password hash: no second read after the login. The attempt is
    // counted meanwhile, against the account the database resolves the name to.
    const [user, attempt] = await Promise.all([this.users.findByLogin(input.identifier), this.throttle.attempt({ login: input.identifier }, context.ip)]);
    if (!attempt.admitted) await this.refuseThrottled(attempt, user, context);
    const passwordOk = await this.passwords.verify(user?.passwordHash ?? null, input.password);
    const failure = !user
      ? 'unknown_user'
      : !passwordOk
        ? 'bad_password'
        : user.status !== 'active'
          ? 'user_disabled'
          : input.accountId !== undefined && input.accountId !== user.accountId
            ? 'other_account'
            : null;
    if (user && !failure) {
      const policy = this.stepUp.effective(user.sessionPolicy, user.roles);
      // Only if the user is still active when the session is written (see SessionsService.issue).
      const issued = await this.atLimit(attempt, user, context, () =>
        this.sessions.issue(
          { userId: user.id, accountId: user.accountId, deviceToken: input.deviceToken, deviceName: input.deviceName, policy },
          context,
          {
            action: 'session.login',
            accountId: user.accountId,
            context,
            targetUserId: user.id,
            details: input.deviceName ? { deviceName: input.deviceName } : {},
          },
        ),
      );
      if (issued) {
        await this.throttle.succeeded(attempt);
        return { ...issued, user: withoutHash(user) };
      }
    }
    await this.audit.recordStandalone({
      action: 'auth.login_failed',
      outcome: 'failure',
      accountId: user?.accountId ?? null,
      context,
      targetUserId: user?.id ?? null,
      reason: failure ?? 'user_disabled',
      ...(failure === 'other_account' ? { details: { clientAccountId: input.accountId } } : {}),
    });
    throw new DomainException(ErrorCode.INVALID_CREDENTIALS, 'Invalid username or password');
  }

  /**
   * A client application signs in a user of its own account without the user's password (Uberall's
   * `private_key` login); the user is named by login (username or email) or by id. Refusals:
   * - a wrong private key, or a key without one: INVALID_CLIENT (`credential: 'private_key'`),
   *   whatever the user, so it tells nothing about users;
   * - an unknown, disabled or other-account user: like wrong credentials;
   * - a user holding a permission the key's creator lacks (or a creator no longer active): denied.
   * Every outcome is audited with the client as the actor, an attempt on another account's user in
   * that account too (as a password login's is).
   */
  async signInFor(client: Actor, user: UserSelector, privateKey: string, context: RequestContext): Promise<LoginResult> {
    // What is guessed here is the API key's private key, not the user's password: the failures count
    // against that key (and the caller's address), so they cannot lock the user out of their logins.
    const [found, attempt] = await Promise.all([this.userFor(user), this.throttle.attempt({ apiKeyId: client.credentialId ?? '' }, context.ip)]);
    if (!attempt.admitted) await this.refuseThrottled(attempt, found, context);
    const own = found !== null && found.accountId === client.accountId ? found : null;
    const { proven, mayActFor } = await this.apiKeys.privateKeyGrant(client, privateKey, own?.id ?? null);
    const foreign = proven && found !== null && !own ? found : null;
    const failure = !proven
      ? 'bad_private_key'
      : !found
        ? 'unknown_user'
        : !own
          ? 'other_account'
          : own.status !== 'active'
            ? 'user_disabled'
            : !mayActFor
              ? 'exceeds_key_creator'
              : null;
    const event = {
      accountId: foreign?.accountId ?? client.accountId,
      actor: client,
      context,
      targetUserId: (own ?? foreign)?.id ?? null,
      details: { via: 'private_key', ...(foreign ? { clientAccountId: client.accountId } : {}) },
    };
    if (own && !failure) {
      const policy = await this.stepUp.policyOfUser(own.accountId, own.id);
      const issued = await this.atLimit(attempt, own, context, () =>
        this.sessions.issue({ userId: own.id, accountId: own.accountId, signedInByKey: client.credentialId ?? undefined, policy }, context, {
          ...event,
          action: 'session.login',
        }),
      );
      if (issued) {
        await this.throttle.succeeded(attempt);
        return { ...issued, user: own };
      }
    }
    const denied = failure === 'exceeds_key_creator';
    // No failure but no session: the user was disabled, or the key revoked, while this ran.
    await this.audit.recordStandalone({ ...event, action: 'auth.login_failed', outcome: denied ? 'denied' : 'failure', reason: failure ?? 'user_or_key_ended_meanwhile' });
    if (failure === 'bad_private_key') {
      throw new DomainException(ErrorCode.INVALID_CLIENT, 'Wrong private key, or this API key may not sign in users', { credential: 'private_key' });
    }
    if (denied) throw new DomainException(ErrorCode.PERMISSION_DENIED, 'This API key may not sign in a user with permissions its creator lacks');
    throw new DomainException(ErrorCode.INVALID_CREDENTIALS, 'No active user of this account by that name or id');
  }

  private async userFor(user: UserSelector): Promise<UserView | null> {
    if ('login' in user) {
      const found = await this.users.findByLogin(user.login);
      return found && withoutHash(found);
    }
    return this.users.findById(user.userId);
  }

  /**
   * A signed-in user changes their own password: the current one is checked first (a wrong one is
   * 401 INVALID_CREDENTIALS, audited, changes nothing, and counts as a failed guess in the login
   * throttle, which refuses the attempt with 429 past its limits). The change, and by default the end
   * of every other session of the user, are one transaction (UsersService.changeOwnPassword).
   */
  async changePassword(actor: Actor, input: { currentPassword: string; newPassword: string; endOtherSessions?: boolean }): Promise<{ otherSessionsEnded: number; auditEventId: string }> {
    const userId = actor.userId;
    if (actor.kind !== 'user' || !userId) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'This credential is not a user');
    const [hash, attempt] = await Promise.all([this.users.passwordHashOf(userId), this.throttle.attempt({ userId }, actor.context.ip)]);
    const self = { id: userId, accountId: actor.accountId };
    if (!attempt.admitted) await this.refuseThrottled(attempt, self, actor.context, { attempted: 'password change' });
    if (!(await this.passwords.verify(hash, input.currentPassword))) {
      await this.audit.recordStandalone({
        action: 'user.password_changed',
        outcome: 'failure',
        accountId: actor.accountId,
        actor,
        context: actor.context,
        targetUserId: userId,
        reason: 'bad_current_password',
      });
      throw new DomainException(ErrorCode.INVALID_CREDENTIALS, 'The current password is wrong');
    }
    // The current password, just proved, is a fresh authentication: ending the other sessions needs no other.
    if (actor.sessionId) await this.sessions.markAuthenticated(actor.sessionId);
    const changed = await this.users.changeOwnPassword(actor, input.newPassword, input.endOtherSessions ?? true);
    await this.throttle.succeeded(attempt);
    return changed;
  }

  /**
   * A login the session limit refuses: the credentials were right, so the attempt is given back to the
   * throttle; audited as a denied login (reason "session limit"), then SESSION_LIMIT_REACHED.
   */
  private async atLimit<T>(attempt: ThrottleAttempt, user: { id: string; accountId: string }, context: RequestContext, issue: () => Promise<T>): Promise<T> {
    try {
      return await issue();
    } catch (error) {
      if (error instanceof DomainException && error.code === ErrorCode.SESSION_LIMIT_REACHED) {
        await this.throttle.succeeded(attempt);
        await this.audit.recordStandalone({
          action: 'auth.login_failed',
          outcome: 'denied',
          accountId: user.accountId,
          context,
          targetUserId: user.id,
          reason: 'session limit',
          details: error.details,
        });
      }
      throw error;
    }
  }

  /**
   * The signed-in user proves their password again (RFC 9470's step-up): the session's authentication
   * time becomes now, no new token is issued. A wrong password is 401 INVALID_CREDENTIALS, audited and
   * counted by the login throttle (429 past its limits), like a wrong current password.
   */
  async reauthenticate(actor: Actor, password: string): Promise<{ authenticatedAt: Date }> {
    const userId = actor.userId;
    if (actor.kind !== 'user' || !userId || !actor.sessionId) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'This credential is not a user session');
    const [hash, attempt] = await Promise.all([this.users.passwordHashOf(userId), this.throttle.attempt({ userId }, actor.context.ip)]);
    if (!attempt.admitted) await this.refuseThrottled(attempt, { id: userId, accountId: actor.accountId }, actor.context, { attempted: 'reauthentication' });
    const event = { accountId: actor.accountId, actor, context: actor.context, targetUserId: userId, sessionIds: [actor.sessionId], sessionCount: 1 };
    if (!(await this.passwords.verify(hash, password))) {
      await this.audit.recordStandalone({ ...event, action: 'session.reauthenticated', outcome: 'failure', reason: 'bad_password' });
      throw new DomainException(ErrorCode.INVALID_CREDENTIALS, 'Wrong password');
    }
    const authenticatedAt = await this.sessions.markAuthenticated(actor.sessionId);
    if (!authenticatedAt) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'The session has ended');
    await this.throttle.succeeded(attempt);
    await this.audit.recordStandalone({ ...event, action: 'session.reauthenticated' });
    return { authenticatedAt };
  }

  /** A throttled attempt: audited (in the named user's account, when the name is a user's), then 429. */
  private async refuseThrottled(
    attempt: ThrottleAttempt,
    user: { id: string; accountId: string } | null,
    context: RequestContext,
    details: Record<string, unknown> = {},
  ): Promise<never> {
    await this.audit.recordStandalone({
      action: 'auth.login_throttled',
      outcome: 'denied',
      accountId: user?.accountId ?? null,
      targetUserId: user?.id ?? null,
      context,
      reason: 'too many login attempts',
      details: { ...details, counter: attempt.refusedBy, limit: attempt.limit, ttlSeconds: attempt.ttlSeconds },
    });
    throw new DomainException(ErrorCode.TOO_MANY_REQUESTS, 'Too many login attempts; retry later', { retryAfterSeconds: attempt.retryAfterSeconds });
  }

  /**
   * Token → Actor, for every surface whose credential is a session token. With `accountId` (a client
   * application acting for its own users, as in login), a token of another account is refused
   * exactly like an invalid one: the client must not learn that it is live elsewhere. Answered at
   * once (or thrown) when the validation cache holds the token, so guards need no promise then.
   */
  resolve(token: string, context: RequestContext, accountId?: string): Actor | Promise<Actor> {
    return whenReady(this.validator.check(token), (session) =>
      this.actorOf(session && (accountId === undefined || session.accountId === accountId) ? session : null, context),
    );
  }

  private actorOf(session: ValidatedSession | null, context: RequestContext): Actor {
    if (!session) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'Missing, invalid, expired or revoked token');
    return {
      kind: 'user',
      accountId: session.accountId,
      userId: session.userId,
      sessionId: session.sessionId,
      sessionNumber: session.sessionNumber,
      label: session.username,
      permissions: session.permissions,
      context,
      credentialId: null,
      session,
    };
  }

  logout(actor: Actor, scope: LogoutScope): Promise<RevocationReceipt> {
    if (!actor.userId) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'This credential has no session to end');
    switch (scope) {
      case 'local':
        return this.revocation.revoke(actor, { kind: 'current' });
      case 'others':
        return this.revocation.revoke(actor, { kind: 'user', userId: actor.userId, exceptCurrent: true });
      case 'global':
        return this.revocation.revoke(actor, { kind: 'user', userId: actor.userId });
    }
  }

  /**
   * "Is this token still good?": the validated session behind a user's token, as JSON. No database
   * work, and serialized once per cached session (serializing it, its date above all, cost more than
   * the cache lookup).
   */
  currentSessionJson(actor: Actor): string {
    const session = actor.session;
    if (!session) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'This credential is not a user session');
    return this.answers.json(session, '', (): CurrentSession => ({
      active: true,
      userId: session.userId,
      username: session.username,
      accountId: session.accountId,
      sessionId: session.sessionId,
      sessionNumber: session.sessionNumber,
      permissions: sortedPermissions(session.permissions),
      expiresAt: session.accessExpiresAt,
    }));
  }

  async me(actor: Actor): Promise<Me> {
    if (!actor.userId) throw new DomainException(ErrorCode.UNAUTHENTICATED, 'This credential is not a user');
    const [user, session] = await Promise.all([this.users.find(actor.userId), actor.sessionId ? this.sessions.get(actor.sessionId) : null]);
    return { user, permissions: sortedPermissions(actor.permissions), session };
  }
}
