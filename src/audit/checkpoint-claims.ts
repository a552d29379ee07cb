import { createLocalJWKSet, decodeProtectedHeader, JSONWebKeySet, jwtVerify } from 'jose';
import { constants } from 'node:fs';
import { open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * What a checkpoint says, as signed (a JWT, typ audit-checkpoint+jwt, EdDSA with the service's
 * signing key): where one chain stood. Numbers that may pass 2^53 are decimal strings.
 */
export interface CheckpointClaims {
  /** The checkpoint's id (the JWT's jti). */
  id: string;
  /** The account whose chain it is; null for the events of no account. */
  accountId: string | null;
  /** Which of the account's chains. */
  stripe: number;
  /** The chain's newest event then: its id and its place (chain_seq). */
  lastEventId: string;
  lastSeq: string;
  /** That event's hash (hex): it commits to every event before it in the chain. */
  headHash: string;
  /** Events the chain held then. */
  eventCount: string;
  issuedAt: Date;
}

export const CHECKPOINT_TYP = 'audit-checkpoint+jwt';
const ALG = 'EdDSA';

/** A checkpoint that is not one the service signed: malformed, another typ, or a signature no known key verifies. */
export class CheckpointRejected extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DECIMAL = /^\d{1,19}$/;

/** The JWT claims of a checkpoint (jose's JWTPayload), in the order they are signed. */
export function checkpointPayload(c: CheckpointClaims): Record<string, unknown> {
  return {
    jti: c.id,
    iat: Math.floor(c.issuedAt.getTime() / 1000),
    accountId: c.accountId,
    stripe: c.stripe,
    lastEventId: c.lastEventId,
    lastSeq: c.lastSeq,
    headHash: c.headHash,
    eventCount: c.eventCount,
  };
}

/** Checks a compact JWS against the public keys and returns its claims; throws CheckpointRejected. */
export async function verifyCheckpoint(jws: string, jwks: JSONWebKeySet): Promise<CheckpointClaims> {
  let payload: Record<string, unknown>;
  try {
    const header = decodeProtectedHeader(jws);
    if (header.typ !== CHECKPOINT_TYP) throw new CheckpointRejected(`the checkpoint's typ is not ${CHECKPOINT_TYP}`);
    ({ payload } = await jwtVerify(jws, createLocalJWKSet(jwks), { algorithms: [ALG], typ: CHECKPOINT_TYP }));
  } catch (error) {
    if (error instanceof CheckpointRejected) throw error;
    throw new CheckpointRejected('the checkpoint is not signed by any key of the service (or is not a checkpoint)');
  }
  const { jti, iat, accountId, stripe, lastEventId, lastSeq, headHash, eventCount } = payload;
  const valid =
    typeof jti === 'string' && UUID.test(jti) &&
    typeof iat === 'number' &&
    (accountId === null || (typeof accountId === 'string' && UUID.test(accountId))) &&
    typeof stripe === 'number' && Number.isInteger(stripe) && stripe >= 0 && stripe < 32768 &&
    typeof lastEventId === 'string' && DECIMAL.test(lastEventId) &&
    typeof lastSeq === 'string' && DECIMAL.test(lastSeq) &&
    typeof headHash === 'string' && /^[0-9a-f]{64}$/.test(headHash) &&
    typeof eventCount === 'string' && DECIMAL.test(eventCount);
  if (!valid) throw new CheckpointRejected('the checkpoint is signed but its claims are not those of a checkpoint');
  return {
    id: jti as string,
    accountId: accountId as string | null,
    stripe: stripe as number,
    lastEventId: lastEventId as string,
    lastSeq: lastSeq as string,
    headHash: headHash as string,
    eventCount: eventCount as string,
    issuedAt: new Date((iat as number) * 1000),
  };
}

/** The chain key of an account (the events of no account have the nil UUID), as the file names use it. */
/** The chain key of the events of no account (the chain heads' key column is not null). */
export const NO_ACCOUNT_KEY = '00000000-0000-0000-0000-000000000000';

const chainKeyOf = (accountId: string | null) => accountId ?? NO_ACCOUNT_KEY;

/**
 * One file per checkpoint: `<chain key>.<stripe>.<chain_seq, 20 digits>.jwt`, so that a directory
 * listing sorts a chain's checkpoints by place. Created exclusively and never rewritten.
 */
export function checkpointFileName(c: Pick<CheckpointClaims, 'accountId' | 'stripe' | 'lastSeq'>): string {
  return `${chainKeyOf(c.accountId)}.${c.stripe}.${c.lastSeq.padStart(20, '0')}.jwt`;
}

const FILE_NAME = /^([0-9a-f-]{36})\.(\d{1,5})\.(\d{20})\.jwt$/;

/**
 * Writes a checkpoint into the directory sink: a new file, flushed to disk before this returns. A
 * file already there for that place of that chain attests the same state and is left as it is.
 */
export async function writeCheckpointFile(dir: string, claims: CheckpointClaims, jws: string): Promise<void> {
  let file;
  try {
    file = await open(join(dir, checkpointFileName(claims)), constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o444);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw error;
  }
  try {
    await file.writeFile(`${jws}\n`, 'utf8');
    await file.sync();
  } finally {
    await file.close();
  }
}

export interface CheckpointFile {
  name: string;
  accountId: string | null;
  stripe: number;
  jws: string;
}

/** The newest checkpoint file of each chain in the directory (of one account when given; `undefined`: every account). */
export async function latestCheckpointFiles(dir: string, accountId?: string | null): Promise<CheckpointFile[]> {
  const latest = new Map<string, string>();
  for (const name of (await readdir(dir)).sort()) {
    const m = FILE_NAME.exec(name);
    if (!m) continue;
    if (accountId !== undefined && m[1] !== chainKeyOf(accountId)) continue;
    latest.set(`${m[1]}.${m[2]}`, name); // sorted: the last one of a chain wins
  }
  const files: CheckpointFile[] = [];
  for (const name of latest.values()) {
    const m = FILE_NAME.exec(name) as RegExpExecArray;
    const key = m[1];
    files.push({
      name,
      accountId: key === chainKeyOf(null) ? null : key,
      stripe: Number(m[2]),
      jws: (await readFile(join(dir, name), 'utf8')).trim(),
    });
  }
  return files;
}

/** A file's checkpoint must be of the chain and place its name says (else it was renamed or planted). */
export function fileMatchesClaims(file: CheckpointFile, claims: CheckpointClaims): boolean {
  return file.name === checkpointFileName(claims);
}
