import { BUILT_IN_ROLES, canonicalPermission, PERMISSIONS } from './permissions.js';

describe('permissions', () => {
  it('folds the Rocket.Chat alias logout-other-user onto sessions.revoke-any', () => {
    expect(canonicalPermission('logout-other-user')).toBe(PERMISSIONS.sessionsRevokeAny);
    expect(canonicalPermission('sessions.revoke-any')).toBe(PERMISSIONS.sessionsRevokeAny);
    expect(canonicalPermission('sessions.revoke-everything')).toBeUndefined();
  });

  it('gives auditors read access only and plain users nothing', () => {
    expect(BUILT_IN_ROLES.auditor).toEqual([PERMISSIONS.auditRead, PERMISSIONS.sessionsReadAny]);
    expect(BUILT_IN_ROLES.user).toEqual([]);
    expect(BUILT_IN_ROLES.admin).not.toContain(PERMISSIONS.accountsManage);
  });
});
