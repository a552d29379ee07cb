import { createHash } from 'node:crypto';
import type { JSONWebKeySet, JWK } from 'jose';
import { CheckpointClaims, CheckpointFile, CheckpointRejected, fileMatchesClaims, NO_ACCOUNT_KEY, verifyCheckpoint } from './checkpoint-claims.js';
import type { AuditChainBreakDto, AuditCheckpointFindingDto, ChainBreakReason } from './dto/audit-verify.dto.js';

/**
 * The verification of the hash chains, shared by GET /v1/audit/verify and the offline
 * `cli.js audit verify`, so that the two cannot disagree. It runs statements through a reader (the
 * service's bounded read transaction, or the auditor's own connection) and recomputes every digest
 * here, in Node, over the row as Postgres' built-in to_jsonb renders it: a database owner who replaced
 * audit_event_digest() or audit_event_hash_ok() does not change what this computes.
 */
export type ChainReader = <T>(sql: string, params: unknown[]) => Promise<T[]>;

const BATCH = 1000;

/** The chain key the trigger files the events of no account under (see the initial migration). */
export { NO_ACCOUNT_KEY } from './checkpoint-claims.js';

/** An event's chain (stripe) as stored: events chained before there were several have none, and are in chain 0. */
export const STRIPE_SQL = 'coalesce(chain_stripe, 0)';

/** The rows of one account's chains (null: the events of no account), as SQL from parameter $first on. */
function chainSql(accountId: string | null, first: number): { sql: string; params: unknown[] } {
  return accountId === null ? { sql: 'account_id IS NULL', params: [] } : { sql: `account_id = $${first}`, params: [accountId] };
}

/**
 * The hashed document of the migrations (1700000000000, 1700000001610): the row's JSON without its
 * hash, and without chain_stripe when that is null. Schema-qualified, so nothing the owner defines
 * in another schema stands in for the built-ins. Needs the session's time zone at UTC.
 */
const DOC_SQL = `(CASE WHEN e.chain_stripe IS NULL
    THEN pg_catalog.to_jsonb(e) OPERATOR(pg_catalog.-) 'hash'::text OPERATOR(pg_catalog.-) 'chain_stripe'::text
    ELSE pg_catalog.to_jsonb(e) OPERATOR(pg_catalog.-) 'hash'::text END)::text`;

/** sha256(prev_hash || document), as the trigger computes it. */
export function eventDigest(prev: Buffer, doc: string): Buffer {
  return createHash('sha256').update(prev).update(doc, 'utf8').digest();
}

interface ChainRow {
  id: string;
  chain_seq: string;
  occurred_at: Date;
  prev_hash: Buffer;
  hash: Buffer;
  doc: string;
}

interface Link {
  seq: bigint;
  hash: Buffer;
}

export interface ChainRange {
  from?: Date;
  to?: Date;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBroken: AuditChainBreakDto | null;
  headHash: string | null;
}

/** Recomputes an account's chains over the range, each in chain order, and reports the first event that does not verify. */
export async function verifyChains(read: ChainReader, accountId: string | null, range: ChainRange = {}): Promise<ChainVerification> {
  const result: ChainVerification = { ok: true, checked: 0, firstBroken: null, headHash: null };
  let newest: { id: bigint; hash: Buffer } | null = null;
  for (const bounds of await stripeBounds(read, accountId, range)) {
    const tail = await verifyStripe(read, accountId, bounds, range.from !== undefined, result);
    if (!result.ok) return result;
    if (tail && (!newest || tail.id > newest.id)) newest = tail;
  }
  result.headHash = newest ? newest.hash.toString('hex') : null;
  return result;
}

interface StripeBounds {
  stripe: number;
  lo: bigint;
  hi: bigint;
}

/** Per chain with events in the time range, its chain_seq range, in stripe order. */
async function stripeBounds(read: ChainReader, accountId: string | null, range: ChainRange): Promise<StripeBounds[]> {
  const chain = chainSql(accountId, 1);
  const params = [...chain.params];
  const clauses = [chain.sql];
  if (range.from) clauses.push(`occurred_at >= $${params.push(range.from)}`);
  if (range.to) clauses.push(`occurred_at < $${params.push(range.to)}`);
  const rows = await read<{ stripe: number; lo: string; hi: string }>(
    `SELECT ${STRIPE_SQL} AS stripe, min(chain_seq)::text AS lo, max(chain_seq)::text AS hi FROM audit_events WHERE ${clauses.join(' AND ')} GROUP BY 1 ORDER BY 1`,
    params,
  );
  return rows.map((r) => ({ stripe: Number(r.stripe), lo: BigInt(r.lo), hi: BigInt(r.hi) }));
}

/**
 * One chain over the range: writers of a stripe commit in its order (the head row lock), so a time
 * range is a contiguous run of its chain_seq. Returns its last event, or records the first break.
 */
async function verifyStripe(
  read: ChainReader,
  accountId: string | null,
  { stripe, lo, hi }: StripeBounds,
  ranged: boolean,
  result: ChainVerification,
): Promise<{ id: bigint; hash: Buffer } | null> {
  let previous: Link | null = ranged ? null : await chainStart(read, accountId ?? NO_ACCOUNT_KEY, stripe, lo);
  let last: ChainRow | null = null;
  let after = lo - 1n;
  const chain = chainSql(accountId, 1);
  const [stripe$, after$, hi$] = [1, 2, 3].map((i) => `$${chain.params.length + i}`);
  for (;;) {
    const rows = await read<ChainRow>(
      `SELECT e.id::text AS id, e.chain_seq::text AS chain_seq, e.occurred_at, e.prev_hash, e.hash, ${DOC_SQL} AS doc
         FROM audit_events e
        WHERE ${chain.sql} AND ${STRIPE_SQL} = ${stripe$} AND e.chain_seq > ${after$} AND e.chain_seq <= ${hi$}
        ORDER BY e.chain_seq LIMIT ${BATCH}`,
      [...chain.params, stripe, after.toString(), hi.toString()],
    );
    for (const row of rows) {
      result.checked += 1;
      const seq = BigInt(row.chain_seq);
      const reason = brokenReason(previous, seq, row);
      if (reason) {
        result.ok = false;
        result.firstBroken = { id: row.id, chainStripe: stripe, chainSeq: row.chain_seq, occurredAt: row.occurred_at, reason };
        result.headHash = row.hash.toString('hex');
        return null;
      }
      previous = { seq, hash: row.hash };
      last = row;
    }
    if (rows.length < BATCH) break;
    after = BigInt(rows[rows.length - 1].chain_seq);
  }
  return last ? { id: BigInt(last.id), hash: last.hash } : null;
}

/**
 * What the oldest kept event of a chain must follow: nothing (seq 1, empty prev_hash) or, once
 * retention removed the oldest events, the anchor it recorded. Null means "anchored by its own prev_hash".
 */
async function chainStart(read: ChainReader, chainKey: string, stripe: number, firstSeq: bigint): Promise<Link | null> {
  if (firstSeq === 1n) return { seq: 0n, hash: Buffer.alloc(0) };
  const anchor = await chainAnchor(read, chainKey, stripe);
  if (!anchor) return { seq: 0n, hash: Buffer.alloc(0) }; // nothing was ever removed: events before firstSeq are missing
  // Events written concurrently around the cutoff may straddle it; those kept anchor themselves.
  if (firstSeq <= anchor.seq) return null;
  return anchor;
}

async function chainAnchor(read: ChainReader, chainKey: string, stripe: number): Promise<Link | null> {
  const rows = await read<{ last_seq: string; last_hash: Buffer }>(
    `SELECT last_seq::text AS last_seq, last_hash FROM audit_chain_anchors WHERE chain_key = $1 AND stripe = $2`,
    [chainKey, stripe],
  );
  return rows[0] ? { seq: BigInt(rows[0].last_seq), hash: rows[0].last_hash } : null;
}

function brokenReason(previous: Link | null, seq: bigint, row: ChainRow): ChainBreakReason | null {
  if (previous && seq !== previous.seq + 1n) return 'chain_gap';
  if (previous && !previous.hash.equals(row.prev_hash)) return 'prev_mismatch';
  if (!eventDigest(row.prev_hash, row.doc).equals(row.hash)) return 'hash_mismatch';
  return null;
}

/**
 * What the database holds where a checkpoint says the chain stood:
 * - matches: the event at the checkpoint's place is the one it names, with the hash it names (with a
 *   chain that verifies, every event up to there is as it was when the checkpoint was signed);
 * - rewritten: another event or another hash stands there (the chain was rebuilt, hashes recomputed);
 * - truncated: the chain ends before the checkpoint's place (its newest events were deleted);
 * - expired: retention removed the events up to and past it (the database's anchor says so).
 */
export const CHECKPOINT_STATUSES = ['matches', 'rewritten', 'truncated', 'expired'] as const;
export type CheckpointStatus = (typeof CHECKPOINT_STATUSES)[number];

export interface CheckpointFinding {
  status: CheckpointStatus;
  /** The newest event of the chain now (its chain_seq), null when the chain has none. */
  chainSeqNow: string | null;
}

/** Compares one (already signature-checked) checkpoint with the database. */
export async function checkCheckpoint(read: ChainReader, claims: CheckpointClaims): Promise<CheckpointFinding> {
  const accountId = claims.accountId;
  const chain = chainSql(accountId, 1);
  const [stripe$, seq$] = [1, 2].map((i) => `$${chain.params.length + i}`);
  const at = await read<{ id: string; hash: Buffer }>(
    `SELECT id::text AS id, hash FROM audit_events WHERE ${chain.sql} AND ${STRIPE_SQL} = ${stripe$} AND chain_seq = ${seq$}`,
    [...chain.params, claims.stripe, claims.lastSeq],
  );
  const newest = await read<{ seq: string | null }>(
    `SELECT max(chain_seq)::text AS seq FROM audit_events WHERE ${chain.sql} AND ${STRIPE_SQL} = ${stripe$}`,
    [...chain.params, claims.stripe],
  );
  const chainSeqNow = newest[0]?.seq ?? null;
  const event = at[0];
  if (event) {
    const same = event.id === claims.lastEventId && event.hash.toString('hex') === claims.headHash;
    return { status: same ? 'matches' : 'rewritten', chainSeqNow };
  }
  const anchor = await chainAnchor(read, accountId ?? NO_ACCOUNT_KEY, claims.stripe);
  if (anchor && anchor.seq >= BigInt(claims.lastSeq)) return { status: 'expired', chainSeqNow };
  if (chainSeqNow === null || BigInt(chainSeqNow) < BigInt(claims.lastSeq)) return { status: 'truncated', chainSeqNow };
  return { status: 'rewritten', chainSeqNow };
}

/** A checkpoint to compare: given by value or id (`file` null), or read from the directory sink. */
export interface CheckpointInput {
  jws: string;
  file: CheckpointFile | null;
}

/**
 * Every key the service ever signed with, retired ones included (an old checkpoint stays checkable).
 * An auditor who does not trust the database for them passes a JWKS file saved from the service instead.
 */
export async function jwksFromDatabase(read: ChainReader): Promise<JSONWebKeySet> {
  const rows = await read<{ public_jwk: JWK }>(`SELECT public_jwk FROM signing_keys ORDER BY created_at`, []);
  return { keys: rows.map((r) => r.public_jwk) };
}

/**
 * Checks each checkpoint's signature and compares it with the account's chain. A checkpoint given by
 * value or id that fails is refused (`reject` makes the caller's error); a file of the directory sink
 * that fails is reported as forged, since someone who could write there may have planted it.
 */
export async function checkpointFindings(
  read: ChainReader,
  accountId: string | null,
  inputs: CheckpointInput[],
  jwks: JSONWebKeySet,
  reject: (message: string) => Error,
): Promise<AuditCheckpointFindingDto[]> {
  const findings: AuditCheckpointFindingDto[] = [];
  for (const input of inputs) {
    let claims: CheckpointClaims;
    try {
      claims = await verifyCheckpoint(input.jws, jwks);
    } catch (error) {
      if (!(error instanceof CheckpointRejected)) throw error;
      if (!input.file) throw reject(error.message);
      findings.push(forged(input.file));
      continue;
    }
    if (input.file && !fileMatchesClaims(input.file, claims)) {
      findings.push(forged(input.file));
      continue;
    }
    if (claims.accountId !== accountId) {
      throw reject(`the checkpoint is of the chain of ${claims.accountId === null ? 'the events of no account' : `account ${claims.accountId}`}: verify that one`);
    }
    const { status, chainSeqNow } = await checkCheckpoint(read, claims);
    findings.push({
      status,
      id: claims.id,
      file: input.file?.name ?? null,
      chainStripe: claims.stripe,
      lastSeq: claims.lastSeq,
      lastEventId: claims.lastEventId,
      headHash: claims.headHash,
      issuedAt: claims.issuedAt,
      chainSeqNow,
    });
  }
  return findings;
}

function forged(file: CheckpointFile): AuditCheckpointFindingDto {
  return { status: 'forged', id: null, file: file.name, chainStripe: file.stripe, lastSeq: null, lastEventId: null, headHash: null, issuedAt: null, chainSeqNow: null };
}
