import 'server-only';
import { AppError } from './app-error';

/** The SQLSTATE of a driver error, following `cause` (drizzle wraps driver errors). */
function sqlState(error: unknown, depth = 0): string | null {
  if (!error || typeof error !== 'object' || depth > 5) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  return sqlState((error as { cause?: unknown }).cause, depth + 1);
}

/**
 * The expected failure behind a constraint the database enforced when two
 * requests raced past the use-case's own checks (a unique name taken
 * meanwhile, a row deleted meanwhile), or behind a value the database could
 * not read: a 409 or 422 with a message, never a 500. Null for anything else.
 */
export function databaseConflict(error: unknown): AppError | null {
  switch (sqlState(error)) {
    case '23505':
      return new AppError('CONFLICT', 'That already exists (it was probably created at the same moment). Reload and try again.');
    case '23503':
      return new AppError('CONFLICT', 'Something this refers to was changed or removed meanwhile. Reload and try again.');
    case '40001':
    case '40P01':
      return new AppError('CONFLICT', 'Someone else changed this at the same moment. Try again.');
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
      return new AppError('VALIDATION', 'A value has the wrong form or is out of range.');
    default:
      return null;
  }
}
