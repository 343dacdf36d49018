import * as crypto from 'node:crypto';

/** Tokens are 32 random bytes: a fast hash is enough to store them (no brute force is possible). */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

export function generateToken(): string {
  return `cc_${crypto.randomBytes(32).toString('base64url')}`;
}

/** Constant-time comparison of two secrets through their hashes (equal lengths by construction). */
export function sameSecret(a: string, b: string): boolean {
  return crypto.timingSafeEqual(Buffer.from(hashToken(a), 'hex'), Buffer.from(hashToken(b), 'hex'));
}
