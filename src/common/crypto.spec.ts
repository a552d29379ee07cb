import { randomBytes } from 'node:crypto';
import { createHash } from 'node:crypto';
import { decryptSecret, encryptSecret, newOpaqueToken, sha256, sha256Base64 } from './crypto.js';

describe('crypto helpers', () => {
  it('encrypts secrets with AES-256-GCM: round trip, fresh IV each time, tampering detected', () => {
    const key = randomBytes(32);
    const a = encryptSecret(key, 'wJalrXUtnFEMI/K7MDENG');
    const b = encryptSecret(key, 'wJalrXUtnFEMI/K7MDENG');
    expect(a.equals(b)).toBe(false);
    expect(a.includes(Buffer.from('wJalrXUtnFEMI'))).toBe(false);
    expect(decryptSecret(key, a)).toBe('wJalrXUtnFEMI/K7MDENG');
    const tampered = Buffer.from(a);
    tampered[tampered.length - 1] ^= 1;
    expect(() => decryptSecret(key, tampered)).toThrow();
    expect(() => decryptSecret(randomBytes(32), a)).toThrow();
  });

  it('mints distinct prefixed opaque tokens and hashes them deterministically', () => {
    const t1 = newOpaqueToken('sat');
    const t2 = newOpaqueToken('sat');
    expect(t1).toMatch(/^sat_[A-Za-z0-9_-]{43}$/);
    expect(t1).not.toBe(t2);
    expect(sha256(t1)).toHaveLength(32);
    expect(sha256(t1).equals(sha256(t1))).toBe(true);
    expect(sha256(t1).equals(sha256(t2))).toBe(false);
  });

  it('gives the cache key as the base64 text of the very digest stored in the database', () => {
    const token = newOpaqueToken('sat');
    const digest = createHash('sha256').update(token, 'utf8').digest();
    expect(sha256(token).equals(digest)).toBe(true);
    expect(sha256Base64(token)).toBe(digest.toString('base64'));
    expect(Buffer.from(sha256Base64(token), 'base64').equals(digest)).toBe(true);
  });
});
