import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { networkInterfaces } from 'node:os';

/**
 * Who may reach the web host when it listens on the LAN (`--host`): the whole app from this machine,
 * the wall screen (`/wall`, read-only) with the access token, nothing else.
 */
export type Access = 'full' | 'wall' | 'none';

export const WALL_COOKIE = 'otklik_wall';
export const WALL_PATH = '/wall';
/** A token shorter than this is guessable. */
export const MIN_TOKEN_LENGTH = 16;

export function generateWallToken(): string {
  return randomBytes(18).toString('base64url');
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || /^127\./.test(address) || /^::ffff:127\./.test(address);
}

/** The host's own LAN addresses (IPv4, not internal), for the wall's address to print. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/** Compares in constant time (the digests have one length whatever was sent). */
export function sameToken(given: string | null, expected: string): boolean {
  return given !== null && timingSafeEqual(digest(given), digest(expected));
}

function cookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

/** The token a request carries: in the query (`/wall?token=…`, the address a TV is given) or in the cookie. */
export function tokenOf(req: IncomingMessage): { fromQuery: string | null; fromCookie: string | null } {
  const url = new URL(req.url ?? '/', 'http://x');
  return { fromQuery: url.searchParams.get('token'), fromCookie: cookie(req, WALL_COOKIE) };
}

export function wallCookie(token: string): string {
  // A year: a TV's browser keeps showing the wall after a restart without the token in its address.
  return `${WALL_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000`;
}

export type AccessPolicy = {
  /** Null: loopback only, everything is reachable as before. */
  token: string | null;
  trustLoopback: boolean;
};

/** The Host header names this machine: a page that rebound its DNS name to 127.0.0.1 gets no further. */
function loopbackHostHeader(req: IncomingMessage): boolean {
  try {
    const { hostname } = new URL(`http://${req.headers.host ?? ''}`);
    return hostname === 'localhost' || hostname === '[::1]' || /^127\./.test(hostname);
  } catch {
    return false;
  }
}

export function accessOf(req: IncomingMessage, policy: AccessPolicy): Access {
  // Loopback mode: only requests addressed to this machine by a loopback name (DNS rebinding guard).
  if (policy.token === null) return loopbackHostHeader(req) ? 'full' : 'none';
  if (policy.trustLoopback && isLoopbackAddress(req.socket.remoteAddress) && loopbackHostHeader(req))
    return 'full';
  const { fromQuery, fromCookie } = tokenOf(req);
  return sameToken(fromQuery, policy.token) || sameToken(fromCookie, policy.token) ? 'wall' : 'none';
}
