import { InitialSchema1700000000000 } from './1700000000000-initial-schema.js';
import { AuditVerifyRetention1700000000100 } from './1700000000100-audit-verify-retention.js';
import { ApiKeyPrivateKey1700000000200 } from './1700000000200-api-key-private-key.js';
import { SessionSignedInByKey1700000000300 } from './1700000000300-session-signed-in-by-key.js';
import { SessionDeviceTokenHash1700000000400 } from './1700000000400-session-device-token-hash.js';
import { OutboxReceivers1700000001800 } from './1700000001800-outbox-receivers.js';

/** Every migration, in order; listed explicitly so the app, the CLI and the tests run the same set. */
export const MIGRATIONS = [
  InitialSchema1700000000000,
  AuditVerifyRetention1700000000100,
  ApiKeyPrivateKey1700000000200,
  SessionSignedInByKey1700000000300,
  SessionDeviceTokenHash1700000000400,
  OutboxReceivers1700000001800,
];
