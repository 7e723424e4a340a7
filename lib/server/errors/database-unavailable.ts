import 'server-only';
import { errorCodes } from './error-codes';

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
export function isDatabaseUnavailable(error: unknown): boolean {
  return errorCodes(error).some((code) => CONNECTION_CODES.has(code) || SHUTDOWN_STATES.has(code) || code.startsWith('08'));
}
