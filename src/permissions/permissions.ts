/** Every permission the service knows. */
export const PERMISSIONS = {
  usersManage: 'users.manage',
  sessionsReadAny: 'sessions.read-any',
  sessionsRevokeAny: 'sessions.revoke-any',
  /** Logging out every session in an account at once. */
  sessionsRevokeAccount: 'sessions.revoke-account',
  auditRead: 'audit.read',
  /** Streaming the account's audit trail to a SIEM (configuring its streams); with audit.read. */
  auditStream: 'audit.stream',
  clientsManage: 'clients.manage',
  /** Registering downstream receivers (SSF streams, back-channel logout clients) of the account. */
  receiversManage: 'receivers.manage',
  /** Reading and changing the account's session policy (limits, timeouts, step-up). */
  policyManage: 'policy.manage',
  /** The system admin: manages accounts and acts in any account. */
  accountsManage: 'accounts.manage',
} as const;

export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

/** Names other products use for the same permission; Rocket.Chat calls sessions.revoke-any `logout-other-user`. */
const PERMISSION_ALIASES: Readonly<Record<string, Permission>> = {
  'logout-other-user': PERMISSIONS.sessionsRevokeAny,
};

const ALL_PERMISSIONS: readonly Permission[] = Object.values(PERMISSIONS);

/** A known permission or alias, folded to its canonical name; undefined for anything else. */
export function canonicalPermission(name: string): Permission | undefined {
  if ((ALL_PERMISSIONS as readonly string[]).includes(name)) return name as Permission;
  return PERMISSION_ALIASES[name];
}

/**
 * SQL: the permissions a user holds through their roles, one row (column `p`) each. `userId` is an SQL
 * expression (a parameter or a column). The one definition the token lookup, the role rules and an
 * API key's sign-in rule share.
 */
export const userPermissionsSql = (userId: string) =>
  `SELECT DISTINCT p FROM user_roles ur JOIN roles r ON r.id = ur.role_id CROSS JOIN unnest(r.permissions) p WHERE ur.user_id = ${userId}`;

/** What an access key (the Chime surface) may be granted: read users, end their sessions. */
export const ACCESS_KEY_PERMISSIONS: readonly Permission[] = [PERMISSIONS.sessionsReadAny, PERMISSIONS.sessionsRevokeAny];

/** What an API key (a client application: RFC 7662/7009, Uberall) may be granted: end sessions of tokens it is given. */
export const API_KEY_PERMISSIONS: readonly Permission[] = [PERMISSIONS.sessionsRevokeAny];

/**
 * SQL: the permissions a credential holds at the moment of asking, as a text[]: those it was granted
 * (`granted`, an SQL text[] expression) that its creator (`creatorId`, an SQL expression) still holds,
 * all of them when the creator is the system admin (who holds every power), none when the creator is
 * no longer an active user. No credential lends more power than its creator holds, now or later.
 */
export const credentialPermissionsSql = (granted: string, creatorId: string) =>
  `ARRAY(SELECT g FROM unnest(${granted}) g
          WHERE EXISTS (SELECT 1 FROM users c WHERE c.id = ${creatorId} AND c.status = 'active')
            AND ('${PERMISSIONS.accountsManage}' IN (${userPermissionsSql(creatorId)}) OR g IN (${userPermissionsSql(creatorId)}))
          ORDER BY g)`;

export const BUILT_IN_ROLES: Readonly<Record<string, readonly Permission[]>> = {
  'system-admin': [PERMISSIONS.accountsManage],
  admin: [
    PERMISSIONS.usersManage,
    PERMISSIONS.sessionsReadAny,
    PERMISSIONS.sessionsRevokeAny,
    PERMISSIONS.sessionsRevokeAccount,
    PERMISSIONS.auditRead,
    PERMISSIONS.auditStream,
    PERMISSIONS.clientsManage,
    PERMISSIONS.receiversManage,
    PERMISSIONS.policyManage,
  ],
  auditor: [PERMISSIONS.auditRead, PERMISSIONS.sessionsReadAny],
  user: [],
};
