import { JSONWebKeySet } from 'jose';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { ChainReader, checkpointFindings, jwksFromDatabase, NO_ACCOUNT_KEY, verifyChains } from './chain-verify.js';
import { latestCheckpointFiles } from './checkpoint-claims.js';
import { AuditChainBreakDto, AuditCheckpointFindingDto } from './dto/audit-verify.dto.js';

export interface OfflineVerifyOptions {
  databaseUrl: string;
  /** The directory sink (or a copy of it): the newest checkpoint of each chain there is compared. */
  dir: string;
  /** A JWKS saved from the service; without it the public keys are read from the database. */
  jwksFile?: string;
  /** One account (a UUID, or `none`); without it every account with a checkpoint in the directory. */
  account?: string;
}

export interface OfflineAccountReport {
  accountId: string | null;
  ok: boolean;
  checked: number;
  firstBroken: AuditChainBreakDto | null;
  headHash: string | null;
  checkpoints: AuditCheckpointFindingDto[];
}

export interface OfflineReport {
  ok: boolean;
  /** Where the public keys came from. */
  keys: 'file' | 'database';
  accounts: OfflineAccountReport[];
}

/**
 * `cli.js audit verify`: what GET /v1/audit/verify?checkpoints=directory answers, computed without the
 * running service (the same chain-verify.ts), on one read-only snapshot of the database.
 */
export async function offlineVerify(options: OfflineVerifyOptions): Promise<OfflineReport> {
  const jwks = options.jwksFile ? parseJwks(await readFile(options.jwksFile, 'utf8')) : null;
  // Without --account, the directory is read once: the accounts it names and their checkpoints.
  const all = options.account === undefined ? await latestCheckpointFiles(options.dir) : null;
  const accounts = all
    ? [...new Set(all.map((f) => f.accountId ?? NO_ACCOUNT_KEY))].sort().map((k) => (k === NO_ACCOUNT_KEY ? null : k))
    : [options.account === 'none' ? null : (options.account as string)];
  const client = new pg.Client({ connectionString: options.databaseUrl, application_name: 'session-service:audit-verify' });
  await client.connect();
  try {
    // One snapshot for the whole report; the hashed documents render timestamps at UTC.
    await client.query(`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`);
    await client.query(`SET LOCAL timezone = 'UTC'`);
    const read: ChainReader = async <T>(sql: string, params: unknown[]) => (await client.query(sql, params)).rows as T[];
    const keys = jwks ?? (await jwksFromDatabase(read));
    const reports: OfflineAccountReport[] = [];
    for (const accountId of accounts) {
      const chain = await verifyChains(read, accountId);
      const files = all ? all.filter((f) => f.accountId === accountId) : await latestCheckpointFiles(options.dir, accountId);
      const checkpoints = await checkpointFindings(read, accountId, files.map((f) => ({ jws: f.jws, file: f })), keys, (message) => new Error(message));
      reports.push({ accountId, ...chain, ok: chain.ok && checkpoints.every((c) => c.status === 'matches'), checkpoints });
    }
    await client.query('COMMIT');
    return { ok: reports.every((r) => r.ok), keys: jwks ? 'file' : 'database', accounts: reports };
  } finally {
    await client.end();
  }
}

function parseJwks(text: string): JSONWebKeySet {
  const parsed = JSON.parse(text) as JSONWebKeySet;
  if (!parsed || !Array.isArray(parsed.keys)) throw new Error('the JWKS file has no "keys" array');
  return parsed;
}
