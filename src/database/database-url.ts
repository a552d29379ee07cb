import { EmbeddedHandle, startEmbeddedPostgres } from './embedded-postgres.js';

/**
 * DATABASE_URL when set; otherwise starts the embedded Postgres under DATA_DIR and points
 * DATABASE_URL (the service's role) and DATABASE_OWNER_URL (the owner) at it, so the rest of the
 * service always sees the same two settings.
 */
export async function resolveDatabaseUrl(): Promise<EmbeddedHandle | null> {
  if (process.env.DATABASE_URL) return null;
  const handle = await startEmbeddedPostgres(process.env.DATA_DIR || './data', Number(process.env.EMBEDDED_PG_PORT || 0));
  process.env.DATABASE_URL = handle.url;
  process.env.DATABASE_OWNER_URL = handle.ownerUrl;
  return handle;
}
