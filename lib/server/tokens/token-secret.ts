import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

/** API tokens look like `tdm_<43 url-safe chars>`; only their SHA-256 is stored. */
export const TOKEN_PREFIX = 'tdm_';

export function newTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
