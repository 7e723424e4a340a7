import 'server-only';

/** PostgreSQL SQLSTATEs of a server that is going away or not yet back (admin/crash shutdown, starting up). */
const SHUTDOWN_STATES = new Set(['57P01', '57P02', '57P03']);
/** Socket and postgres.js connection codes: the server is unreachable or dropped the connection. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

/**
 * True when an error means the database is unreachable (restarting, down, a
 * dropped connection) rather than a bug: the API answers these 503 with
 * Retry-After, so clients retry instead of reporting a server fault. Follows
 * `cause` (drizzle wraps driver errors) and AggregateError's `errors`.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || SHUTDOWN_STATES.has(code) || code.startsWith('08'))) return true;
  const nested = (error as { errors?: unknown }).errors;
  if (Array.isArray(nested) && nested.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable((error as { cause?: unknown }).cause, depth + 1);
}
