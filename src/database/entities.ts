import { AccountEntity } from '../accounts/account.entity.js';
import { AccessKeyEntity } from '../api-keys/access-key.entity.js';
import { ApiKeyEntity } from '../api-keys/api-key.entity.js';
import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { RoleEntity } from '../permissions/role.entity.js';
import { SessionEntity } from '../sessions/session.entity.js';
import { UserEntity } from '../users/user.entity.js';

export const ENTITIES = [AccountEntity, UserEntity, RoleEntity, SessionEntity, ApiKeyEntity, AccessKeyEntity, AuditEventEntity];
