import 'server-only';

/**
 * The client's address for rate limiting: the first x-forwarded-for hop when a
 * proxy sets it, else x-real-ip, else 'direct' (a local server with no proxy).
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || headers.get('x-real-ip')?.trim() || 'direct';
}
