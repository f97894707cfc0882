import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new secret: 256 random bits, URL-safe. */
export function newToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** Tokens are random and long, so a fast hash is enough to keep a stolen database from yielding them. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Passwords are people's: the workstation's own scrypt hashes (src/main/core/auth/password.ts), so that the
 * hashes the hub hands to workstations let its users sign in there while the network is down.
 */
export { hashPassword, verifyPassword } from '../core/auth/password';

export function signText(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text, 'utf8').digest('hex');
}

export function verifySignature(secret: string, text: string, sig: string): boolean {
  const expected = Buffer.from(signText(secret, text), 'hex');
  const actual = Buffer.from(sig, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
