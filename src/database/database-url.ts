import { EmbeddedHandle, startEmbeddedPostgres } from './embedded-postgres.js';

/**
 * DATABASE_URL when set; otherwise starts the embedded Postgres under DATA_DIR and points
 * DATABASE_URL at it, so the rest of the service always sees one connection string.
 */
export async function resolveDatabaseUrl(): Promise<EmbeddedHandle | null> {
  if (process.env.DATABASE_URL) return null;
  const handle = await startEmbeddedPostgres(process.env.DATA_DIR || './data', Number(process.env.EMBEDDED_PG_PORT || 0));
  process.env.DATABASE_URL = handle.url;
  return handle;
}
