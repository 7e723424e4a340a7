import 'server-only';
import { AppError } from './app-error';
import { sqlState } from './error-codes';

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

/** True for a unique-constraint violation (PostgreSQL 23505), whichever driver raised it. */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505';
}
