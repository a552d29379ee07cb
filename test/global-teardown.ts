import pg from 'pg';

/** Drops every database and the role this run created, and stops the embedded server if one was started. */
export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env.SST_SERVER_URL;
  const runId = process.env.SST_RUN_ID;
  if (serverUrl && runId) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${runId}%`]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    // Its grants lived in those databases; the role itself is the server's.
    if (process.env.SST_SERVICE_ROLE) await admin.query(`DROP ROLE IF EXISTS ${process.env.SST_SERVICE_ROLE}`);
    await admin.end();
  }
  await (globalThis as { __embedded?: { stop(): Promise<void> } }).__embedded?.stop();
}
