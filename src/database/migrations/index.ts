import { InitialSchema1700000000000 } from './1700000000000-initial-schema.js';
import { AuditVerifyRetention1700000000100 } from './1700000000100-audit-verify-retention.js';
import { ApiKeyPrivateKey1700000000200 } from './1700000000200-api-key-private-key.js';
import { SessionSignedInByKey1700000000300 } from './1700000000300-session-signed-in-by-key.js';
import { SessionDeviceTokenHash1700000000400 } from './1700000000400-session-device-token-hash.js';
import { LoginThrottle1700000001400 } from './1700000001400-login-throttle.js';
import { CredentialPermissions1700000001410 } from './1700000001410-credential-permissions.js';
import { SigV4SeenSignatures1700000001500 } from './1700000001500-sigv4-seen-signatures.js';
import { SessionLiveCounts1700000001600 } from './1700000001600-session-live-counts.js';
import { AuditChainStripes1700000001610 } from './1700000001610-audit-chain-stripes.js';
import { AuditFilterIndexes1700000001620 } from './1700000001620-audit-filter-indexes.js';
import { InvalidationLog1700000001700 } from './1700000001700-invalidation-log.js';
import { OutboxReceivers1700000001800 } from './1700000001800-outbox-receivers.js';
import { OutboxFanOut1700000001900 } from './1700000001900-outbox-fan-out.js';
import { OutboxRetention1700000002000 } from './1700000002000-outbox-retention.js';
import { SessionPolicy1700000002100 } from './1700000002100-session-policy.js';
import { AuditCheckpoints1700000002200 } from './1700000002200-audit-checkpoints.js';
import { AuditStreams1700000002400 } from './1700000002400-audit-streams.js';
import { UserSearchIndexes1700000002500 } from './1700000002500-user-search-indexes.js';
import { LeastPrivilegeRoles1700000009000 } from './1700000009000-least-privilege-roles.js';

/** Every migration, in order; listed explicitly so the app, the CLI and the tests run the same set. */
export const MIGRATIONS = [
  InitialSchema1700000000000,
  AuditVerifyRetention1700000000100,
  ApiKeyPrivateKey1700000000200,
  SessionSignedInByKey1700000000300,
  SessionDeviceTokenHash1700000000400,
  LoginThrottle1700000001400,
  CredentialPermissions1700000001410,
  SigV4SeenSignatures1700000001500,
  SessionLiveCounts1700000001600,
  AuditChainStripes1700000001610,
  AuditFilterIndexes1700000001620,
  InvalidationLog1700000001700,
  OutboxReceivers1700000001800,
  OutboxFanOut1700000001900,
  OutboxRetention1700000002000,
  SessionPolicy1700000002100,
  AuditCheckpoints1700000002200,
  AuditStreams1700000002400,
  UserSearchIndexes1700000002500,
  // Last: it grants on what every earlier migration created.
  LeastPrivilegeRoles1700000009000,
];
