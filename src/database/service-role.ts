import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { createDataSource } from './data-source.js';

/**
 * The tables the service only appends to: SELECT and INSERT, never UPDATE, DELETE or TRUNCATE
 * (audit_events' partitions get the same grants, see audit_mirror_grants).
 */
export const APPEND_ONLY_TABLES = ['audit_events', 'audit_checkpoints'] as const;
/**
 * The tables the service only reads: the chain heads (written by the chain trigger with the owner's
 * rights), the anchors and the retention policy (written by retention and the owner), the migrations.
 */
export const READ_ONLY_TABLES = ['audit_chain_heads', 'audit_chain_anchors', 'audit_retention_policy', 'schema_migrations'] as const;
/** The owner's functions the service calls: each does one narrow thing with the owner's rights. */
export const OWNER_FUNCTIONS = [
  'audit_retention_prune(text)',
  'audit_ensure_partition(date)',
  'account_set_legal_hold(uuid, boolean, uuid, uuid, text, text, text, text, text, jsonb)',
] as const;
/**
 * Columns the service may not UPDATE directly: the legal hold changes only through
 * account_set_legal_hold(). Accounts are never deleted (a held account's events would lose their hold).
 */
const OWNER_COLUMNS = { accounts: ['legal_hold'] } as const;

const INSUFFICIENT_PRIVILEGE = '42501';

export interface DatabaseUrls {
  /** What the service connects as for its work (DATABASE_URL). */
  url: string;
  /** The owner of the schema, for migrations (DATABASE_OWNER_URL); absent: the service's URL does both. */
  ownerUrl?: string;
  /** AUDIT_RETENTION_DAYS, which becomes the owner's retention policy. */
  retentionDays: number;
}

/** Where prepareDatabase says what an operator should know (Nest's logger in the service, stderr in the CLI). */
export interface WarningSink {
  warn(message: string): void;
}

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The role a postgres:// URL logs in as (its user name; libpq's PGUSER when the URL has none). */
export function roleOf(url: string): string {
  const user = decodeURIComponent(new URL(url).username) || process.env.PGUSER || '';
  if (!user) throw new Error('DATABASE_URL must name the role it logs in as when DATABASE_OWNER_URL is set');
  return user;
}

/**
 * Migrates the schema and readies it for the service, before the service's own pool opens; answers
 * how many migrations ran. With an owner URL: migrations as the owner, then the service role's grants
 * (creating the role with the password of DATABASE_URL when it does not exist and the owner may
 * create roles) and the retention policy, on one short-lived owner connection. Without one: the same
 * URL does everything, as before, and the service says when that URL is the owner's (it could then
 * alter, drop and rewrite the audit trail).
 */
export async function prepareDatabase(urls: DatabaseUrls, logger: WarningSink = new Logger('Database')): Promise<number> {
  const owner = await createDataSource(urls.ownerUrl ?? urls.url, 1).initialize();
  try {
    const ran = await owner.runMigrations({ transaction: 'each' });
    const ownerRole = await currentRole(owner);
    const serviceRole = urls.ownerUrl ? roleOf(urls.url) : ownerRole;
    if (serviceRole === ownerRole) {
      if (await ownsSchema(owner)) {
        logger.warn(
          urls.ownerUrl
            ? 'DATABASE_URL and DATABASE_OWNER_URL name the same role: the service runs as the owner of the schema (it could alter, drop or rewrite the audit trail); give it a role of its own'
            : 'DATABASE_OWNER_URL is not set: the service runs as the owner of the schema (it could alter, drop or rewrite the audit trail); set DATABASE_OWNER_URL to the owner and DATABASE_URL to a role of its own',
        );
      }
      await setRetentionPolicy(owner, urls.retentionDays, logger);
      return ran.length;
    }
    await owner.transaction(async (m) => {
      // Two instances starting together must not grant at once (concurrent GRANTs on one object fail).
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('session-service.service-role'))`);
      await ensureRole(m, serviceRole, decodeURIComponent(new URL(urls.url).password));
      await grantServiceRole(m, serviceRole);
    });
    await setRetentionPolicy(owner, urls.retentionDays, logger);
    return ran.length;
  } finally {
    await owner.destroy();
  }
}

async function currentRole(ds: DataSource): Promise<string> {
  const rows: { role: string }[] = await ds.query(`SELECT current_user AS role`);
  return rows[0].role;
}

/** Whether this connection's role owns audit_events (or is a superuser). */
async function ownsSchema(ds: DataSource): Promise<boolean> {
  const rows: { owns: boolean }[] = await ds.query(
    `SELECT r.rolsuper OR pg_has_role(current_user, c.relowner, 'USAGE') AS owns
       FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = 'audit_events'::regclass`,
  );
  return rows[0]?.owns ?? false;
}

async function ensureRole(m: EntityManager, role: string, password: string): Promise<void> {
  const exists: unknown[] = await m.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [role]);
  if (exists.length > 0) return;
  // The statement is built in the database (format %I/%L): a role name or password is never spliced into SQL here.
  const built: { sql: string }[] = await m.query(
    `SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD %L', $1::text, $2::text) AS sql`,
    [role, password || null],
  );
  try {
    await m.query(built[0].sql);
  } catch (error) {
    throw new Error(`the service role ${role} does not exist and the owner cannot create it (${(error as Error).message}): create it, then start again`);
  }
}

/**
 * What the service role may do, applied (idempotently) after every migration run: read and write
 * every table, present and future (default privileges of the owner), except that it only appends to
 * the audit trail and only reads its heads, anchors and policy; it may call the owner's narrow
 * functions. It owns nothing, so it can never ALTER, DROP, disable a trigger or TRUNCATE.
 */
export async function grantServiceRole(m: EntityManager, role: string): Promise<void> {
  const grantee = quoteIdent(role);
  const schemaRows: { schema: string; owner: string }[] = await m.query(`SELECT current_schema() AS schema, current_user AS owner`);
  const schema = quoteIdent(schemaRows[0].schema);
  const owner = quoteIdent(schemaRows[0].owner);
  await m.query(`GRANT USAGE ON SCHEMA ${schema} TO ${grantee}`);
  await m.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${grantee}`);
  await m.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${grantee}`);
  // Tables and sequences later migrations create (as the owner) come with the same rights.
  await m.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${grantee}`);
  await m.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${grantee}`);
  for (const table of APPEND_ONLY_TABLES) {
    await m.query(`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE ${quoteIdent(table)} FROM ${grantee}`);
    await m.query(`SELECT audit_mirror_grants(inhrelid) FROM pg_inherits WHERE inhparent = $1::regclass`, [table]);
  }
  for (const table of READ_ONLY_TABLES) {
    await m.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE ${quoteIdent(table)} FROM ${grantee}`);
  }
  for (const [table, kept] of Object.entries(OWNER_COLUMNS)) {
    const columns: { name: string }[] = await m.query(
      `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND NOT (attname = ANY($2)) ORDER BY attnum`,
      [table, kept],
    );
    await m.query(`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE ${quoteIdent(table)} FROM ${grantee}`);
    await m.query(`GRANT UPDATE (${columns.map((c) => quoteIdent(c.name)).join(', ')}) ON TABLE ${quoteIdent(table)} TO ${grantee}`);
  }
  for (const fn of OWNER_FUNCTIONS) await m.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ${grantee}`);
}

/**
 * AUDIT_RETENTION_DAYS becomes the policy audit_retention_prune() follows. Only the owner may set it;
 * a service whose role is not the owner (migrated separately) follows what the owner last set.
 */
async function setRetentionPolicy(ds: DataSource, days: number, logger: WarningSink): Promise<void> {
  try {
    await ds.query(`UPDATE audit_retention_policy SET retention_days = $1, updated_at = now() WHERE retention_days <> $1`, [days]);
  } catch (error) {
    if ((error as { code?: string }).code !== INSUFFICIENT_PRIVILEGE) throw error;
    const rows: { days: number }[] = await ds.query(`SELECT retention_days AS days FROM audit_retention_policy`);
    if (rows[0]?.days !== days) {
      logger.warn(
        `AUDIT_RETENTION_DAYS is ${days} but the owner's retention policy is ${rows[0]?.days} days; retention follows the policy (run migrate with DATABASE_OWNER_URL to change it)`,
      );
    }
  }
}
