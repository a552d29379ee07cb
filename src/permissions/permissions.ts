/** Every permission the service knows. */
export const PERMISSIONS = {
  usersManage: 'users.manage',
  sessionsReadAny: 'sessions.read-any',
  sessionsRevokeAny: 'sessions.revoke-any',
  /** Logging out every session in an account at once. */
  sessionsRevokeAccount: 'sessions.revoke-account',
  auditRead: 'audit.read',
  clientsManage: 'clients.manage',
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

export const BUILT_IN_ROLES: Readonly<Record<string, readonly Permission[]>> = {
  'system-admin': [PERMISSIONS.accountsManage],
  admin: [
    PERMISSIONS.usersManage,
    PERMISSIONS.sessionsReadAny,
    PERMISSIONS.sessionsRevokeAny,
    PERMISSIONS.sessionsRevokeAccount,
    PERMISSIONS.auditRead,
    PERMISSIONS.clientsManage,
  ],
  auditor: [PERMISSIONS.auditRead, PERMISSIONS.sessionsReadAny],
  user: [],
};
