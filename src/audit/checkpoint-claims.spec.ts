import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CHECKPOINT_TYP,
  CheckpointClaims,
  checkpointFileName,
  checkpointPayload,
  CheckpointRejected,
  latestCheckpointFiles,
  verifyCheckpoint,
  writeCheckpointFile,
} from './checkpoint-claims.js';

const claims = (over: Partial<CheckpointClaims> = {}): CheckpointClaims => ({
  id: '6f1c1f2e-8a53-4c1e-9d43-1d2b3c4d5e6f',
  accountId: '0b6a3a52-2f44-4f2a-9a5e-7c1d2e3f4a5b',
  stripe: 3,
  lastEventId: '12345',
  lastSeq: '42',
  headHash: 'ab'.repeat(32),
  eventCount: '42',
  issuedAt: new Date('2026-01-02T03:04:05Z'),
  ...over,
});

async function keys() {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return { privateKey, jwks: { keys: [{ ...(await exportJWK(publicKey)), alg: 'EdDSA', kid: 'k1' }] } };
}

const sign = (payload: Record<string, unknown>, key: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'], typ = CHECKPOINT_TYP) =>
  new SignJWT(payload).setProtectedHeader({ alg: 'EdDSA', typ, kid: 'k1' }).sign(key);

describe('checkpoint claims', () => {
  it('verifies what was signed and gives the claims back', async () => {
    const { privateKey, jwks } = await keys();
    const c = claims();
    expect(await verifyCheckpoint(await sign(checkpointPayload(c), privateKey), jwks)).toEqual(c);
    const none = claims({ accountId: null });
    expect((await verifyCheckpoint(await sign(checkpointPayload(none), privateKey), jwks)).accountId).toBeNull();
  });

  it('rejects another key, another typ, edited claims and claims that are not a checkpoint', async () => {
    const { privateKey, jwks } = await keys();
    const other = await keys();
    const good = await sign(checkpointPayload(claims()), privateKey);
    await expect(verifyCheckpoint(await sign(checkpointPayload(claims()), other.privateKey), jwks)).rejects.toBeInstanceOf(CheckpointRejected);
    await expect(verifyCheckpoint(await sign(checkpointPayload(claims()), privateKey, 'JWT'), jwks)).rejects.toThrow(/typ/);
    const [h, , s] = good.split('.');
    const edited = Buffer.from(JSON.stringify({ ...checkpointPayload(claims()), lastSeq: '43' })).toString('base64url');
    await expect(verifyCheckpoint(`${h}.${edited}.${s}`, jwks)).rejects.toBeInstanceOf(CheckpointRejected);
    await expect(verifyCheckpoint(await sign({ ...checkpointPayload(claims()), lastSeq: 42 }, privateKey), jwks)).rejects.toThrow(/not those of a checkpoint/);
    await expect(verifyCheckpoint('garbage', jwks)).rejects.toBeInstanceOf(CheckpointRejected);
  });

  it('files sort by place; a file is created once, read-only, and never rewritten; the newest per chain is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cp-unit-'));
    expect(checkpointFileName(claims({ lastSeq: '7' }))).toBe(`${claims().accountId}.3.${'7'.padStart(20, '0')}.jwt`);
    await writeCheckpointFile(dir, claims({ lastSeq: '9' }), 'first');
    await writeCheckpointFile(dir, claims({ lastSeq: '9' }), 'second');
    await writeCheckpointFile(dir, claims({ lastSeq: '10' }), 'newer');
    await writeCheckpointFile(dir, claims({ stripe: 4, lastSeq: '2' }), 'other chain');
    await writeCheckpointFile(dir, claims({ accountId: null, lastSeq: '5' }), 'no account');
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    const nine = join(dir, checkpointFileName(claims({ lastSeq: '9' })));
    expect(readFileSync(nine, 'utf8')).toBe('first\n');
    expect(statSync(nine).mode & 0o222).toBe(0);
    const latest = await latestCheckpointFiles(dir, claims().accountId);
    expect(latest.map((f) => [f.stripe, f.jws]).sort()).toEqual([[3, 'newer'], [4, 'other chain']]);
    expect((await latestCheckpointFiles(dir, null)).map((f) => f.jws)).toEqual(['no account']);
    expect(await latestCheckpointFiles(dir)).toHaveLength(3);
  });
});
