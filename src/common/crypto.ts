import { createCipheriv, createDecipheriv, hash, randomBytes } from 'node:crypto';

/** An opaque bearer credential: 32 random bytes, base64url, with a prefix that says what it is. */
export function newOpaqueToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** SHA-256 of a credential, one-shot (no Hash object per call: this runs on every request). */
export function sha256(value: string): Buffer {
  return hash('sha256', value, 'buffer');
}

/**
 * The same digest as base64 text: the key of the validation caches. Asked for as text, Node makes no
 * Buffer for it, which is a third of the cost; the bytes are made only for a database lookup.
 */
export function sha256Base64(value: string): string {
  return hash('sha256', value, 'base64');
}

/** AES-256-GCM with a random IV; output is iv(12) || tag(16) || ciphertext. */
export function encryptSecret(key: Buffer, plaintext: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function decryptSecret(key: Buffer, blob: Buffer): string {
  const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12));
  decipher.setAuthTag(blob.subarray(12, 28));
  return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString('utf8');
}
